-- The readers' side of scripts/soak.sh: a wrk script that makes up requests as readers and
-- robots send them, from lists of the archive's own ids and words, so that most of them are not
-- in the response cache. Every request it makes must answer 2xx or 3xx; wrk counts anything
-- else as an error (a 503 for a costly phrase while the places for them are taken is also
-- counted apart: see response below).
--
--   wrk -t2 -c32 -d600s -s traffic.lua http://127.0.0.1:18090 -- LISTS_DIR
--
-- LISTS_DIR holds one value a line in: words, actors, topics, articles, quotes, and odd (paths of
-- odd but valid requests: unsupported syntax, markup in the box, which answer 200 with a note).

local threads = {}
function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

local lists = {}

local function read_list(dir, name)
  local out = {}
  local f = io.open(dir .. "/" .. name, "r")
  if f == nil then
    error("traffic.lua: no list " .. dir .. "/" .. name)
  end
  for line in f:lines() do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      out[#out + 1] = line
    end
  end
  f:close()
  if #out == 0 then
    error("traffic.lua: the list " .. dir .. "/" .. name .. " is empty")
  end
  return out
end

function init(args)
  local dir = args[1]
  if dir == nil then
    error("traffic.lua: give the folder of lists after --")
  end
  for _, name in ipairs({ "words", "actors", "topics", "articles", "quotes", "odd" }) do
    lists[name] = read_list(dir, name)
  end
  math.randomseed(os.time() + 7919 * (thread_id or 0))
  costly_busy = 0
  past_end = 0
end

local function pick(name)
  local l = lists[name]
  return l[math.random(#l)]
end

local function chance(pct)
  return math.random(100) <= pct
end

-- A search as someone types and narrows it: one to three words, sometimes a phrase, sometimes
-- filters, a sort, a later page.
local function search_params(api)
  local p = {}
  local n = math.random(3)
  local words = {}
  for i = 1, n do
    words[i] = pick("words")
  end
  local q = table.concat(words, "+")
  if n > 1 and chance(20) then
    q = "%22" .. q .. "%22"
  end
  if chance(85) then
    p[#p + 1] = "q=" .. q
  end
  if chance(25) then
    p[#p + 1] = "actor=" .. pick("actors")
  end
  if chance(20) then
    p[#p + 1] = "topic=" .. pick("topics")
  end
  if chance(20) then
    local y = 2021 + math.random(0, 4)
    p[#p + 1] = "from=" .. y
    if chance(50) then
      p[#p + 1] = "to=" .. (y + math.random(0, 1))
    end
  end
  if chance(20) then
    p[#p + 1] = "sort=newest"
  end
  if not api and chance(30) then
    p[#p + 1] = "kind=quotes"
  end
  if chance(15) then
    p[#p + 1] = "page=" .. math.random(2, 5)
  end
  if api and chance(30) then
    p[#p + 1] = "per_page=" .. math.random(1, 100)
  end
  return table.concat(p, "&")
end

function request()
  local r = math.random(100)
  local path
  if r <= 25 then
    path = "/search?" .. search_params(false)
  elseif r <= 40 then
    path = "/api/search?" .. search_params(true)
  elseif r <= 52 then
    path = "/articles/" .. pick("articles")
    if chance(30) then
      path = path .. "?hl=" .. pick("words")
    end
  elseif r <= 62 then
    path = "/quotes/" .. pick("quotes")
  elseif r <= 65 then
    path = "/api/articles/" .. pick("articles")
  elseif r <= 68 then
    path = "/api/quotes/" .. pick("quotes")
  elseif r <= 72 then
    path = "/actors/" .. pick("actors")
    if chance(30) then
      path = path .. "?page=2"
    end
  elseif r <= 75 then
    path = "/topics/" .. pick("topics")
  elseif r <= 78 then
    path = "/api/quotes?speaker=" .. pick("actors") .. "&page=" .. math.random(1, 3)
  elseif r <= 80 then
    path = "/api/articles?page=" .. math.random(1, 40)
  elseif r <= 83 then
    path = "/feed?q=" .. pick("words")
  elseif r <= 90 then
    local fixed = { "/", "/actors", "/topics", "/static/style.css", "/static/app.js", "/healthz",
      "/opensearch.xml", "/robots.txt", "/api/actors", "/api/topics", "/search?q=Quad" }
    path = fixed[math.random(#fixed)]
  else
    path = pick("odd")
  end
  return wrk.format("GET", path)
end

-- A reader's search of a phrase of very common words is costly: while the places for costly
-- searches are taken (by scripts/soak/phrases.lua, say), it gets a 503 that says so. Those are
-- counted apart.
-- A later page drawn at random may be past the end of a short list: a 404 that says so, counted
-- apart too.
function response(status, headers, body)
  if status == 503 and body:find("very common phrases", 1, true) then
    costly_busy = costly_busy + 1
  elseif status == 404 and body:find("past the end of this list", 1, true) then
    past_end = past_end + 1
  end
end

function done(summary, latency, requests)
  local busy, past = 0, 0
  for _, t in ipairs(threads) do
    busy = busy + t:get("costly_busy")
    past = past + t:get("past_end")
  end
  local e = summary.errors
  io.write(string.format(
    "SOAK requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d max_us=%d non2xx=%d costly_busy=%d past_end=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max,
    e.status, busy, past, e.connect, e.read, e.write, e.timeout))
end
