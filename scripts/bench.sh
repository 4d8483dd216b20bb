#!/usr/bin/env bash
# scripts/bench.sh: Readout's numbers on this machine, as one Markdown table.
#
#   scripts/bench.sh                 # 2.5 to 5 minutes; progress on stderr, the report on stdout
#
# It builds the server and a trivial Go handler (scripts/trivial), unpacks the White House corpus
# into a cache folder (reused), and then:
#   1. cold index: an empty -index folder, the server under /usr/bin/time -v, the wall time until
#      /readyz answers 200, and the peak RSS of that run (the server is stopped once ready);
#   2. one file added to the archive, then removed: the time until /readyz is 200 after each
#      (the index is updated in place); then a warm restart: the same index folder, the archive
#      unchanged, the time until /readyz is 200;
#   3. loads with wrk on that server: a mix of /search pages (scripts/bench/search.paths) and one
#      of /api/search (scripts/bench/api.paths): req/s, p99, non-2xx and socket errors;
#      then both again on a server started with -cache-mb 0, for what a search costs uncached;
#   4. the seed archive (no -seeds: the embedded one) under /search?q=Quad, and the trivial
#      handler under the same load: the ratio of the two req/s;
#   5. plain bleve (scripts/plainbleve: the same folder, one document an article, Readout's
#      analyzer, top 10 + highlighting + three term facets + a date facet): its cold index and
#      the same two mixes, and one client at a time on it and on Readout without the cache: the
#      ratios Readout ÷ plain bleve.
#
# Settings (environment): BENCH_CACHE (default ${TMPDIR:-/tmp}/readout-bench), BENCH_CORPUS (the
# .tar.gz), BENCH_PORT (18080, the corpus server), BENCH_SEED_PORT (18081), BENCH_TRIVIAL_PORT
# (18082), BENCH_DURATION (20s per load), BENCH_WARMUP (3s, not counted), BENCH_CONNECTIONS (50),
# BENCH_THREADS (2), BENCH_READY_TIMEOUT (300, seconds to wait for /readyz), BENCH_QUIET_WAIT (30:
# before each measurement, wait at most this many seconds for the machine to be idle),
# BENCH_SERVER_FLAGS (more flags for every server started, e.g. "-log-level warn"),
# BENCH_PLAIN_PORT (18083), BENCH_SINGLE_DURATION (10s: the loads of one client),
# BENCH_REV (build Readout's server from this git revision, e.g. main, for a "before" column;
# plain bleve and the scripts are always the working tree's).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

CACHE=${BENCH_CACHE:-${TMPDIR:-/tmp}/readout-bench}
CORPUS=${BENCH_CORPUS:-$ROOT/../shared/corpora/wh-briefings/wh-briefings.tar.gz}
PORT=${BENCH_PORT:-18080}
SEED_PORT=${BENCH_SEED_PORT:-18081}
TRIVIAL_PORT=${BENCH_TRIVIAL_PORT:-18082}
PLAIN_PORT=${BENCH_PLAIN_PORT:-18083}
SINGLE_DURATION=${BENCH_SINGLE_DURATION:-10s}
REV=${BENCH_REV:-}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-3s}
CONNS=${BENCH_CONNECTIONS:-50}
THREADS=${BENCH_THREADS:-2}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-300}
QUIET_WAIT=${BENCH_QUIET_WAIT:-30}
read -r -a SERVER_FLAGS <<<"${BENCH_SERVER_FLAGS:-}"

# The corpus folder is a cache shared by runs: never leave the added file in it.
trap 'rm -f "${ADDED:-}"; stop_all' EXIT
trap 'exit 130' INT TERM
RUN_START=$EPOCHREALTIME

ensure_tools wrk:wrk /usr/bin/time:time curl:curl
for p in "$PORT:BENCH_PORT" "$SEED_PORT:BENCH_SEED_PORT" "$TRIVIAL_PORT:BENCH_TRIVIAL_PORT" "$PLAIN_PORT:BENCH_PLAIN_PORT"; do
  ensure_port_free "${p%%:*}" "${p#*:}"
done

BIN=$CACHE/bin
RUN=$CACHE/run
mkdir -p "$BIN"
rm -rf "$RUN"
mkdir -p "$RUN"

log "building the server, the trivial handler and plain bleve"
SRC=$ROOT
if [ -n "$REV" ]; then
  SRC=$CACHE/src-rev
  rm -rf "$SRC"
  mkdir -p "$SRC"
  git -C "$ROOT" archive "$REV" | tar -x -C "$SRC"
  log "the server is built from $REV ($(git -C "$ROOT" rev-parse --short "$REV"))"
fi
(cd "$SRC" && go build -o "$BIN/readout" ./cmd/server)
(cd "$ROOT" && go build -o "$BIN/trivial" ./scripts/trivial && go build -o "$BIN/plainbleve" ./scripts/plainbleve)

WH=$CACHE/wh
unpack_corpus "$CORPUS" "$WH"
DOCS=$(find "$WH" -name '*.md' | wc -l)

# start_timed NAME ARGS…: the server under /usr/bin/time -v; sets SERVER_PID (the server) and
# TIME_PID, logs in $RUN/NAME.log, time's report in $RUN/NAME.time.
start_timed() {
  local name=$1
  shift
  /usr/bin/time -v -o "$RUN/$name.time" "$BIN/readout" "$@" "${SERVER_FLAGS[@]}" >"$RUN/$name.log" 2>&1 &
  TIME_PID=$!
  started "$TIME_PID"
  SERVER_PID=$(child_of "$TIME_PID") || die "the server did not start; see $RUN/$name.log"
  started "$SERVER_PID"
}

# stop_timed: SIGTERM to the server (it shuts down gracefully), then wait for time's report.
stop_timed() {
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$TIME_PID" || log "the server exited with status $? (see its log)"
  forget "$SERVER_PID"
  forget "$TIME_PID"
}

peak_rss_mib() {
  awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"
}

# --- 1. Cold index -------------------------------------------------------------------------------
INDEX=$CACHE/index
rm -rf "$INDEX"
log "cold index of $DOCS documents (empty $INDEX)"
declare -A LOAD_AVG OTHERS SERVER_CPU WRK_CPU
wait_quiet "$QUIET_WAIT"
LOAD_AVG[cold]=$(cut -d' ' -f1 /proc/loadavg)
b0=$(busy_cs)
t0=$EPOCHREALTIME
start_timed cold -addr "127.0.0.1:$PORT" -seeds "$WH" -index "$INDEX"
wait_ready "http://127.0.0.1:$PORT/readyz" "$SERVER_PID" "$RUN/cold.log" "$READY_TIMEOUT"
t1=$EPOCHREALTIME
own=$(proc_cs "$SERVER_PID")
COLD_S=$(elapsed "$t0" "$t1")
OTHERS[cold]=$(cores_pct $(($(busy_cs) - b0)) "$own" "$COLD_S")
SERVER_CPU[cold]=$(cores_pct "$own" 0 "$COLD_S")
WRK_CPU[cold]=0
stop_timed
COLD_RSS=$(peak_rss_mib "$RUN/cold.time")
COLD_TOOK=$(grep -o 'archive ready.*' "$RUN/cold.log" | grep -o 'took=[^ ]*' | cut -d= -f2)
COLD_COUNTS=$(grep -o 'archive ready.*' "$RUN/cold.log" | grep -o 'articles=[0-9]* quotes=[0-9]*' || true)
log "cold: ready after ${COLD_S}s (server's own took=$COLD_TOOK), peak RSS ${COLD_RSS} MiB, other processes took ${OTHERS[cold]}% of the cores"

# --- 2a. One file added, then removed --------------------------------------------------------------
# A copy of an article under a new name is a new article: the next start applies it to the index
# in place, and the start after its removal takes it out again.
ADDED=$WH/zz-bench-added.md
cp "$(find "$WH" -name '*.md' | sort | head -n 1)" "$ADDED"
log "one file added ($ADDED)"
t0=$EPOCHREALTIME
start_timed added -addr "127.0.0.1:$PORT" -seeds "$WH" -index "$INDEX"
wait_ready "http://127.0.0.1:$PORT/readyz" "$SERVER_PID" "$RUN/added.log" "$READY_TIMEOUT"
ADD_S=$(elapsed "$t0" "$EPOCHREALTIME")
stop_timed
rm -f "$ADDED"
log "the same file removed"
t0=$EPOCHREALTIME
start_timed removed -addr "127.0.0.1:$PORT" -seeds "$WH" -index "$INDEX"
wait_ready "http://127.0.0.1:$PORT/readyz" "$SERVER_PID" "$RUN/removed.log" "$READY_TIMEOUT"
REMOVE_S=$(elapsed "$t0" "$EPOCHREALTIME")
stop_timed
for step in added removed; do
  grep -q 'index=updated' "$RUN/$step.log" || log "warning: the start with one file $step did not say index=updated; see $RUN/$step.log"
done
log "one file added: ready after ${ADD_S}s; removed: ${REMOVE_S}s"

# --- 2. Warm restart -----------------------------------------------------------------------------
log "warm restart on the same index"
t0=$EPOCHREALTIME
start_timed warm -addr "127.0.0.1:$PORT" -seeds "$WH" -index "$INDEX"
wait_ready "http://127.0.0.1:$PORT/readyz" "$SERVER_PID" "$RUN/warm.log" "$READY_TIMEOUT"
t1=$EPOCHREALTIME
WARM_S=$(elapsed "$t0" "$t1")
grep -q 'index=reused' "$RUN/warm.log" || log "warning: the warm start did not say index=reused; see $RUN/warm.log"
log "warm: ready after ${WARM_S}s"
# The index is merged into one segment in the background after a start: the loads below wait.
wait_merged "$BIN/readout" "$INDEX" 900

# --- 3. Loads on the corpus ----------------------------------------------------------------------
# Every path must answer 200 before it is loaded. Each is asked twice, alone, and both times are
# shown as a hint of which is slow (the first one also warms the caches).
check_paths() {
  local base=$1 file=$2 path out code first again size
  while IFS= read -r path; do
    path=${path%%#*}
    path=${path//[[:space:]]/}
    [ -n "$path" ] || continue
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 30 "$base$path" || true)
    code=${out%% *}
    first=${out#* }
    [ "$code" = 200 ] || die "$base$path answered ${code:-nothing}, not 200 (fix $file)"
    out=$(curl -s -o /dev/null -w '%{time_total} %{size_download}' --max-time 30 "$base$path" || true)
    again=${out%% *}
    size=${out#* }
    log "$(awk -v a="$first" -v b="$again" -v n="$size" 'BEGIN { printf "  alone: first %6.1f ms, again %6.1f ms, %4.0f kB", a * 1000, b * 1000, n / 1000 }')  $path"
  done <"$file"
}

# load NAME URL PATHS SERVER_PID: a warm-up (not counted), then the measured run; sets LINE,
# LOAD_AVG[NAME] (the 1-minute load average before it), and the shares of the cores that the
# server, wrk and all other processes took meanwhile (SERVER_CPU, WRK_CPU, OTHERS).
# With CONNS, THREADS and DURATION after them, other than the defaults.
load() {
  local name=$1 url=$2 paths=$3 pid=$4 conns=${5:-$CONNS} threads=${6:-$THREADS} duration=${7:-$DURATION} b0 p0 t0 server wrk secs
  wait_quiet "$QUIET_WAIT"
  log "load $name: $conns connections, $threads threads, $WARMUP warm-up then $duration"
  run_wrk "$RUN/$name.warmup.txt" "$url" "$paths" "$WARMUP" "$conns" "$threads" >/dev/null
  # The warm-up's last requests, cut when it stopped, leave the server's queue within moments;
  # a measured run started at once would find it full for an instant.
  sleep 1
  LOAD_AVG[$name]=$(cut -d' ' -f1 /proc/loadavg)
  b0=$(busy_cs)
  p0=$(proc_cs "$pid")
  t0=$EPOCHREALTIME
  LINE=$(run_wrk "$RUN/$name.txt" "$url" "$paths" "$duration" "$conns" "$threads")
  secs=$(elapsed "$t0" "$EPOCHREALTIME")
  server=$(($(proc_cs "$pid") - p0))
  wrk=$(bench_field "$LINE" wrk_cs)
  OTHERS[$name]=$(cores_pct $(($(busy_cs) - b0)) $((server + wrk)) "$secs")
  SERVER_CPU[$name]=$(cores_pct "$server" 0 "$secs")
  WRK_CPU[$name]=$(cores_pct "$wrk" 0 "$secs")
  log "  $LINE"
  log "  CPU, share of the $(nproc) cores: server ${SERVER_CPU[$name]}%, wrk ${WRK_CPU[$name]}%, other processes ${OTHERS[$name]}%"
}

BASE=http://127.0.0.1:$PORT
log "checking the /search paths"
check_paths "$BASE" "$ROOT/scripts/bench/search.paths"
log "checking the /api/search paths"
check_paths "$BASE" "$ROOT/scripts/bench/api.paths"
load search "$BASE" "$ROOT/scripts/bench/search.paths" "$SERVER_PID"
SEARCH=$LINE
load api "$BASE" "$ROOT/scripts/bench/api.paths" "$SERVER_PID"
API=$LINE
stop_timed

# --- 3b. The same loads without the response cache -----------------------------------------------
# The mixes repeat a few dozen searches, which the default server answers from its cache after
# the first time; these rows show what each search costs when it is not in the cache.
log "restarting on the same index without the response cache (-cache-mb 0)"
"$BIN/readout" -addr "127.0.0.1:$PORT" -seeds "$WH" -index "$INDEX" -cache-mb 0 "${SERVER_FLAGS[@]}" >"$RUN/nocache.log" 2>&1 &
NOCACHE_PID=$!
started "$NOCACHE_PID"
wait_ready "http://127.0.0.1:$PORT/readyz" "$NOCACHE_PID" "$RUN/nocache.log" "$READY_TIMEOUT"
load search-nocache "$BASE" "$ROOT/scripts/bench/search.paths" "$NOCACHE_PID"
SEARCH_NC=$LINE
load api-nocache "$BASE" "$ROOT/scripts/bench/api.paths" "$NOCACHE_PID"
API_NC=$LINE
load search-nocache-1 "$BASE" "$ROOT/scripts/bench/search.paths" "$NOCACHE_PID" 1 1 "$SINGLE_DURATION"
SEARCH_NC1=$LINE
kill -TERM "$NOCACHE_PID"
wait "$NOCACHE_PID" || true
forget "$NOCACHE_PID"
LOAD_RSS=$(peak_rss_mib "$RUN/warm.time")
# The servers' logs of the loads: 5xx answers (not /readyz's 503 while it starts, nor answers to
# clients that had gone: wrk cuts the requests under way when a run ends) and ERROR lines.
LOAD_LOGS=$(cat "$RUN/warm.log" "$RUN/nocache.log" | grep -v 'path=/readyz')
STATUS5=$(grep -v 'client_gone=true' <<<"$LOAD_LOGS" | grep -c 'status=5[0-9][0-9]' || true)
GONE=$(grep -c 'client_gone=true' <<<"$LOAD_LOGS" || true)
ERRLOG=$(grep -c 'level=ERROR' <<<"$LOAD_LOGS" || true)

# --- 4. Seed archive and trivial handler ---------------------------------------------------------
log "seed archive (embedded) on port $SEED_PORT"
"$BIN/readout" -addr "127.0.0.1:$SEED_PORT" "${SERVER_FLAGS[@]}" >"$RUN/seed.log" 2>&1 &
SEED_PID=$!
started "$SEED_PID"
wait_ready "http://127.0.0.1:$SEED_PORT/readyz" "$SEED_PID" "$RUN/seed.log" 60
echo '/search?q=Quad' >"$RUN/quad.paths"
check_paths "http://127.0.0.1:$SEED_PORT" "$RUN/quad.paths"
load seed "http://127.0.0.1:$SEED_PORT" "$RUN/quad.paths" "$SEED_PID"
SEED=$LINE
kill -TERM "$SEED_PID"
wait "$SEED_PID" || true
forget "$SEED_PID"

log "trivial handler on port $TRIVIAL_PORT"
"$BIN/trivial" -addr "127.0.0.1:$TRIVIAL_PORT" >"$RUN/trivial.log" 2>&1 &
TRIVIAL_PID=$!
started "$TRIVIAL_PID"
wait_port "$TRIVIAL_PORT" "$TRIVIAL_PID" "$RUN/trivial.log" 10
echo '/' >"$RUN/trivial.paths"
load trivial "http://127.0.0.1:$TRIVIAL_PORT" "$RUN/trivial.paths" "$TRIVIAL_PID"
TRIVIAL=$LINE
kill -TERM "$TRIVIAL_PID"
wait "$TRIVIAL_PID" 2>/dev/null || true
forget "$TRIVIAL_PID"

# --- 5. Plain bleve -----------------------------------------------------------------------------
PLAIN_INDEX=$CACHE/plain-index
log "plain bleve: cold index of $WH (empty $PLAIN_INDEX)"
wait_quiet "$QUIET_WAIT"
LOAD_AVG[plain-cold]=$(cut -d' ' -f1 /proc/loadavg)
b0=$(busy_cs)
t0=$EPOCHREALTIME
/usr/bin/time -v -o "$RUN/plain.time" "$BIN/plainbleve" -dir "$WH" -index "$PLAIN_INDEX" -addr "127.0.0.1:$PLAIN_PORT" >"$RUN/plain.log" 2>&1 &
PLAIN_TIME_PID=$!
started "$PLAIN_TIME_PID"
PLAIN_PID=$(child_of "$PLAIN_TIME_PID") || die "plain bleve did not start; see $RUN/plain.log"
started "$PLAIN_PID"
wait_ready "http://127.0.0.1:$PLAIN_PORT/readyz" "$PLAIN_PID" "$RUN/plain.log" "$READY_TIMEOUT"
PLAIN_COLD_S=$(elapsed "$t0" "$EPOCHREALTIME")
own=$(proc_cs "$PLAIN_PID")
SERVER_CPU[plain-cold]=$(cores_pct "$own" 0 "$PLAIN_COLD_S")
OTHERS[plain-cold]=$(cores_pct $(($(busy_cs) - b0)) "$own" "$PLAIN_COLD_S")
WRK_CPU[plain-cold]=0
log "plain bleve: ready after ${PLAIN_COLD_S}s"
PLAIN_BASE=http://127.0.0.1:$PLAIN_PORT
load plain-search "$PLAIN_BASE" "$ROOT/scripts/bench/search.paths" "$PLAIN_PID"
PLAIN_SEARCH=$LINE
load plain-api "$PLAIN_BASE" "$ROOT/scripts/bench/api.paths" "$PLAIN_PID"
PLAIN_API=$LINE
load plain-search-1 "$PLAIN_BASE" "$ROOT/scripts/bench/search.paths" "$PLAIN_PID" 1 1 "$SINGLE_DURATION"
PLAIN_SEARCH1=$LINE
kill -TERM "$PLAIN_PID"
wait "$PLAIN_TIME_PID" 2>/dev/null || true
forget "$PLAIN_PID"
forget "$PLAIN_TIME_PID"
PLAIN_RSS=$(peak_rss_mib "$RUN/plain.time")
# Plain bleve's RSS covers its index and its loads: while indexing it holds the most.

# --- The report ----------------------------------------------------------------------------------
f() { bench_field "$1" "$2"; }
ms() { awk -v us="$1" 'BEGIN { printf "%.0f", us / 1000 }'; }
num() { awk -v x="$1" 'BEGIN { printf "%.0f", x }'; }
secs() { awk -v x="$1" -v d="$2" 'BEGIN { printf "%.*f", d, x }'; }
rps() { awk -v x="$(f "$1" rps)" 'BEGIN { printf (x < 100 ? "%.1f" : "%.0f"), x }'; }
# met VALUE OP TARGET
met() { awk -v v="$1" -v t="$3" -v op="$2" 'BEGIN { ok = (op == "<=") ? (v <= t) : (v >= t); print ok ? "yes" : "**no**" }'; }
errs() { echo "$(f "$1" non2xx) / $(($(f "$1" connect) + $(f "$1" read) + $(f "$1" write) + $(f "$1" timeout)))"; }
errs_met() { [ "$(errs "$1")" = "0 / 0" ] && echo yes || echo "**no**"; }
paths() { grep -c '^/' "$ROOT/scripts/bench/$1.paths"; }
# cpu_ms PHASE LINE: the server's CPU time per answer during a load, in ms.
cpu_ms() { awk -v c="${SERVER_CPU[$1]}" -v n="$(nproc)" -v r="$(f "$2" rps)" 'BEGIN { printf "%.1f", c / 100 * n * 1000 / r }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
RATIO=$(awk -v a="$(f "$SEED" rps)" -v b="$(f "$TRIVIAL" rps)" 'BEGIN { printf "%.1f", 100 * a / b }')
CPU=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
MEM=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(cd "$ROOT" && git status --porcelain -- . ':!scripts' ':!*.md' ':!docs' 2>/dev/null)" ]; then COMMIT="$COMMIT + uncommitted changes"; fi
BUSY=""
for phase in cold search api search-nocache api-nocache search-nocache-1 seed trivial plain-cold plain-search plain-api plain-search-1; do
  BUSY+="${BUSY:+; }$phase ${SERVER_CPU[$phase]} / ${WRK_CPU[$phase]} / ${OTHERS[$phase]} (${LOAD_AVG[$phase]})"
done
TOTAL_S=$(elapsed "$RUN_START" "$EPOCHREALTIME")

cat <<REPORT | tee "$RUN/report.md"
Readout benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT${REV:+ (the server built from $REV, $(git -C "$ROOT" rev-parse --short "$REV"))}

- machine: $(nproc) cores ($CPU), $MEM memory, $(uname -sr), $(go version | cut -d' ' -f3-)
- corpus: $DOCS documents ($(du -sh "$WH" | cut -f1)); indexed ${COLD_COUNTS:-?}
- load: wrk $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f2), $THREADS threads, $CONNS connections, $DURATION per load after a $WARMUP warm-up, timeout 10 s; wrk shares the $(nproc) cores with the server
- server: $(if [ ${#SERVER_FLAGS[@]} -eq 0 ]; then echo "default flags (log level info: one line per request, to a file)"; else echo "flags ${SERVER_FLAGS[*]}"; fi)
- CPU, % of the $(nproc) cores taken by the server / wrk / all other processes (1-min load average before): $BUSY

| figure | measured | target | met? |
|---|---|---|---|
| cold index of the whole corpus, until /readyz is 200 (s) | $(secs "$COLD_S" 1) | ≤ 15 | $(met "$COLD_S" "<=" 15) |
| peak RSS while indexing (MiB) | $COLD_RSS | ≤ 1024 | $(met "$COLD_RSS" "<=" 1024) |
| warm restart on the unchanged archive, until ready (s) | $(secs "$WARM_S" 2) | ≤ 1 | $(met "$WARM_S" "<=" 1) |
| restart with one file added / removed, until ready (s) | $(secs "$ADD_S" 2) / $(secs "$REMOVE_S" 2) | | |
| /search mix (HTML, $(paths search) paths), req/s | $(rps "$SEARCH") | ≥ 2,000 | $(met "$(f "$SEARCH" rps)" ">=" 2000) |
| /search mix, p99 (ms) | $(ms "$(f "$SEARCH" p99_us)") | ≤ 50 | $(met "$(ms "$(f "$SEARCH" p99_us)")" "<=" 50) |
| /search mix, non-2xx / socket errors | $(errs "$SEARCH") | 0 / 0 | $(errs_met "$SEARCH") |
| /api/search mix (JSON, $(paths api) paths), req/s | $(rps "$API") | ≥ 2,000 | $(met "$(f "$API" rps)" ">=" 2000) |
| /api/search mix, p99 (ms) | $(ms "$(f "$API" p99_us)") | ≤ 50 | $(met "$(ms "$(f "$API" p99_us)")" "<=" 50) |
| /api/search mix, non-2xx / socket errors | $(errs "$API") | 0 / 0 | $(errs_met "$API") |
| /search mix without the response cache: req/s, p99 (ms), non-2xx / socket errors, server CPU per answer (ms) | $(rps "$SEARCH_NC"), $(ms "$(f "$SEARCH_NC" p99_us)"), $(errs "$SEARCH_NC"), $(cpu_ms search-nocache "$SEARCH_NC") | | |
| /api/search mix without the response cache: the same | $(rps "$API_NC"), $(ms "$(f "$API_NC" p99_us)"), $(errs "$API_NC"), $(cpu_ms api-nocache "$API_NC") | | |
| peak RSS, warm restart and both loads (MiB) | $LOAD_RSS | | |
| seed archive /search?q=Quad, req/s (p99 ms) | $(rps "$SEED") ($(ms "$(f "$SEED" p99_us)")) | | |
| trivial Go handler, req/s (p99 ms) | $(rps "$TRIVIAL") ($(ms "$(f "$TRIVIAL" p99_us)")) | | |
| seed /search?q=Quad ÷ trivial handler | $RATIO % | ≥ 25 % | $(met "$RATIO" ">=" 25) |
| /search mix, one client, without the response cache: p50 · p99 (ms) | $(ms "$(f "$SEARCH_NC1" p50_us)") · $(ms "$(f "$SEARCH_NC1" p99_us)") | ≤ 5 · ≤ 30 | $(met "$(ms "$(f "$SEARCH_NC1" p99_us)")" "<=" 30) |
| plain bleve: cold index (s), peak RSS (MiB) | $(secs "$PLAIN_COLD_S" 1), $PLAIN_RSS | | |
| plain bleve: /search mix, /api/search mix, req/s (p99 ms) | $(rps "$PLAIN_SEARCH") ($(ms "$(f "$PLAIN_SEARCH" p99_us)")), $(rps "$PLAIN_API") ($(ms "$(f "$PLAIN_API" p99_us)")) | | |
| plain bleve: /search mix, one client: p50 · p99 (ms) | $(ms "$(f "$PLAIN_SEARCH1" p50_us)") · $(ms "$(f "$PLAIN_SEARCH1" p99_us)") | | |
| plain bleve: server CPU per answer, /search mix, /api/search mix (ms) | $(cpu_ms plain-search "$PLAIN_SEARCH"), $(cpu_ms plain-api "$PLAIN_API") | | |
| uncached searches, req/s, Readout ÷ plain bleve: /search mix, /api/search mix | $(ratio "$(f "$SEARCH_NC" rps)" "$(f "$PLAIN_SEARCH" rps)"), $(ratio "$(f "$API_NC" rps)" "$(f "$PLAIN_API" rps)") | ≥ 4 | $(met "$(ratio "$(f "$SEARCH_NC" rps)" "$(f "$PLAIN_SEARCH" rps)")" ">=" 4) |
| the same from the server's CPU per answer (plain bleve's ÷ Readout's: steadier on a shared machine) | $(ratio "$(cpu_ms plain-search "$PLAIN_SEARCH")" "$(cpu_ms search-nocache "$SEARCH_NC")"), $(ratio "$(cpu_ms plain-api "$PLAIN_API")" "$(cpu_ms api-nocache "$API_NC")") | ≥ 4 | $(met "$(ratio "$(cpu_ms plain-search "$PLAIN_SEARCH")" "$(cpu_ms search-nocache "$SEARCH_NC")")" ">=" 4) |
| cold index, time, Readout ÷ plain bleve | $(ratio "$COLD_S" "$PLAIN_COLD_S") | ≤ 1.0 | $(met "$(ratio "$COLD_S" "$PLAIN_COLD_S")" "<=" 1) |

The server's own log: cold index took=$COLD_TOOK; during the loads (cached and not) $STATUS5 answers 5xx and $ERRLOG ERROR lines; $GONE requests cut by wrk at the end of a run.
Raw output in $RUN; the whole run took $(num "$TOTAL_S") s.
REPORT
