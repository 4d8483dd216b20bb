-- A wrk script that rotates through the request paths of a file, one path a line ('#' starts a
-- comment), given after "--":
--
--   wrk -t2 -c50 -d25s --latency -s mix.lua http://127.0.0.1:18080 -- search.paths
--
-- Each thread starts at a different place in the list. At the end it prints one line that
-- scripts/bench.sh and scripts/replicas.sh read:
--   BENCH requests=N duration_us=N rps=N p50_us=N p90_us=N p99_us=N max_us=N non2xx=N connect=N read=N write=N timeout=N

local threads = 0
function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

local paths = {}
local next_path = 0

function init(args)
  local file = args[1]
  if file == nil then
    error("mix.lua: give a file of request paths after --")
  end
  local f = assert(io.open(file, "r"))
  for line in f:lines() do
    line = line:gsub("#.*$", ""):gsub("^%s+", ""):gsub("%s+$", "")
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  f:close()
  if #paths == 0 then
    error("mix.lua: no request paths in " .. file)
  end
  next_path = ((thread_id or 0) * 5) % #paths
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect, e.read, e.write, e.timeout))
end
