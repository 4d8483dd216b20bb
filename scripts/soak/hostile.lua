-- The robots' side of scripts/soak.sh: a wrk script that rotates through the hostile requests of
-- a file ("METHOD PATH" a line, '#' starts a comment), each of which must be refused with a 4xx.
-- It counts the answers by class, since wrk's own error count cannot tell a right 400 from a
-- wrong one, and prints at the end:
--   HOSTILE requests=N 2xx=N 3xx=N 4xx=N 5xx=N connect=N read=N write=N timeout=N

local threads = {}
function setup(thread)
  thread:set("thread_id", #threads)
  threads[#threads + 1] = thread
end

local reqs = {}
local next_req = 0
classes = { 0, 0, 0, 0, 0 }

function init(args)
  local f = assert(io.open(args[1], "r"))
  for line in f:lines() do
    line = line:gsub("#.*$", ""):gsub("^%s+", ""):gsub("%s+$", "")
    local method, path = line:match("^(%u+)%s+(%S+)$")
    if method then
      reqs[#reqs + 1] = wrk.format(method, path)
    elseif line ~= "" then
      error("hostile.lua: not METHOD PATH: " .. line)
    end
  end
  f:close()
  if #reqs == 0 then
    error("hostile.lua: no requests in " .. args[1])
  end
  next_req = ((thread_id or 0) * 7) % #reqs
end

function request()
  next_req = next_req % #reqs + 1
  return reqs[next_req]
end

function response(status, headers, body)
  local c = math.floor(status / 100)
  if c >= 1 and c <= 5 then
    classes[c] = classes[c] + 1
  end
end

function done(summary, latency, requests)
  local total = { 0, 0, 0, 0, 0 }
  for _, t in ipairs(threads) do
    local c = t:get("classes")
    for i = 1, 5 do
      total[i] = total[i] + c[i]
    end
  end
  local e = summary.errors
  io.write(string.format(
    "HOSTILE requests=%d 2xx=%d 3xx=%d 4xx=%d 5xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, total[2], total[3], total[4], total[5], e.connect, e.read, e.write, e.timeout))
end
