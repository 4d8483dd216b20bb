-- The attackers' side of scripts/soak.sh: a wrk script that asks searches of two-word phrases of
-- the commonest words ("of the" "in the" …): one, two or six of them (six: the costliest the
-- search box takes; one or two: costly, but under the bound on what a search may cost), each new
-- to the response cache (the phrases drawn and ordered at random, with a page, a sort and a tab).
-- Any answer is allowed but a 5xx other than 503 (a 400 for a search that costs too much, a 503
-- while the places for costly searches are taken, or when one took too long); it counts them.
--
--   wrk -t1 -c8 -d600s -s phrases.lua http://127.0.0.1:18090

local threads = {}
local counter = 0
function setup(thread)
  thread:set("thread_id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local phrases = {
  "of the", "in the", "to the", "and the", "on the", "for the", "at the", "by the", "with the",
  "from the", "that the", "is the", "it is", "to be", "we are", "we will", "this is", "will be",
  "of our", "the president",
}

function init(args)
  math.randomseed(os.time() + 104729 * (thread_id or 0))
  counts = { ok = 0, r400 = 0, r503 = 0, other5xx = 0, other = 0 }
end

function request()
  -- One, two or six distinct phrases, in a random order.
  local n = ({ 1, 2, 6 })[math.random(3)]
  local pool = {}
  for i = 1, #phrases do
    pool[i] = phrases[i]
  end
  local q = {}
  for i = 1, n do
    local k = math.random(i, #pool)
    pool[i], pool[k] = pool[k], pool[i]
    q[i] = "%22" .. pool[i]:gsub(" ", "+") .. "%22"
  end
  local path = "/search?q="
  if math.random(2) == 1 then
    path = "/api/search?q="
  end
  path = path .. table.concat(q, "+") .. "&page=" .. math.random(1, 5)
  if math.random(2) == 1 then
    path = path .. "&sort=newest"
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then
    counts.ok = counts.ok + 1
  elseif status == 400 then
    counts.r400 = counts.r400 + 1
  elseif status == 503 then
    counts.r503 = counts.r503 + 1
  elseif status >= 500 then
    counts.other5xx = counts.other5xx + 1
  else
    counts.other = counts.other + 1
  end
end

function done(summary, latency, requests)
  local total = { ok = 0, r400 = 0, r503 = 0, other5xx = 0, other = 0 }
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for k, v in pairs(c) do
      total[k] = total[k] + v
    end
  end
  local e = summary.errors
  io.write(string.format(
    "ATTACK requests=%d 2xx=%d 400=%d 503=%d other5xx=%d other=%d p50_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, total.ok, total.r400, total.r503, total.other5xx, total.other,
    latency:percentile(50), latency:percentile(99), latency.max, e.connect, e.read, e.write, e.timeout))
end
