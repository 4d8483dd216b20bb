#!/usr/bin/env bash
# scripts/replicas.sh: two Readout replicas behind nginx on loopback; one is killed under load.
#
#   scripts/replicas.sh              # the embedded seed archive: about 30 s
#   scripts/replicas.sh --corpus     # the White House corpus, each replica with a copy of a
#                                    # prebuilt index (scripts/bench.sh's, or built here once)
#
# It builds the server, starts two replicas on 127.0.0.1 (each its own -index folder), writes an
# nginx configuration into a temporary folder (pid, logs and temp files there too; nothing is
# installed) with both replicas as one upstream, `proxy_next_upstream error timeout http_502
# http_503` and short connect timeouts, and runs nginx as the current user. Then wrk loads nginx
# with the search mixes of scripts/bench/ for REPLICAS_DURATION, and replica a is killed with
# SIGKILL after REPLICAS_KILL_AFTER. It reports the requests, the non-2xx answers and the socket
# errors: the target is no failed request. It exits 1 if any request failed.
#
# Settings (environment): REPLICAS_PORTS ("18091 18092"), REPLICAS_NGINX_PORT (18090),
# REPLICAS_DURATION (20s), REPLICAS_KILL_AFTER (8, seconds), REPLICAS_CONNECTIONS (50),
# REPLICAS_THREADS (2), REPLICAS_QUIET_WAIT (30: wait at most this many seconds for the machine to
# be idle before the load), REPLICAS_SIGNAL (KILL; TERM stops replica a gracefully, as a rolling
# update would), REPLICAS_KEEP (1: keep the temporary folder and its logs), BENCH_CACHE
# (${TMPDIR:-/tmp}/readout-bench: the binary, the corpus and its index), BENCH_CORPUS (the .tar.gz).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

MODE=seeds
case "${1:-}" in
"") ;;
--corpus) MODE=corpus ;;
*) die "usage: scripts/replicas.sh [--corpus]" ;;
esac

CACHE=${BENCH_CACHE:-${TMPDIR:-/tmp}/readout-bench}
CORPUS=${BENCH_CORPUS:-$ROOT/../shared/corpora/wh-briefings/wh-briefings.tar.gz}
read -r PORT_A PORT_B <<<"${REPLICAS_PORTS:-18091 18092}"
NGINX_PORT=${REPLICAS_NGINX_PORT:-18090}
DURATION=${REPLICAS_DURATION:-20s}
KILL_AFTER=${REPLICAS_KILL_AFTER:-8}
CONNS=${REPLICAS_CONNECTIONS:-50}
THREADS=${REPLICAS_THREADS:-2}
SIGNAL=${REPLICAS_SIGNAL:-KILL}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/readout-replicas.XXXXXX")
cleanup() {
  stop_all
  if [ -f "$WORK/nginx.pid" ]; then kill -TERM "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; fi
  if [ "${REPLICAS_KEEP:-}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
RUN_START=$EPOCHREALTIME

ensure_tools wrk:wrk nginx:nginx curl:curl /usr/bin/time:time
for p in "$PORT_A:REPLICAS_PORTS" "$PORT_B:REPLICAS_PORTS" "$NGINX_PORT:REPLICAS_NGINX_PORT"; do
  ensure_port_free "${p%%:*}" "${p#*:}"
done

log "building the server"
mkdir -p "$CACHE/bin"
(cd "$ROOT" && go build -o "$CACHE/bin/readout" ./cmd/server)
BIN=$CACHE/bin/readout

# --- The archive: the embedded seeds, or the corpus with a prebuilt index -------------------------
ARCHIVE=()
if [ "$MODE" = corpus ]; then
  WH=$CACHE/wh
  unpack_corpus "$CORPUS" "$WH"
  ARCHIVE=(-seeds "$WH")
  # The index is derived data: build it once, and give each replica its own copy.
  PREBUILT=$CACHE/index
  if [ ! -f "$PREBUILT/CURRENT" ]; then
    log "building the corpus index once in $PREBUILT (about a minute)"
    rm -rf "$PREBUILT"
    "$BIN" -addr "127.0.0.1:$PORT_A" "${ARCHIVE[@]}" -index "$PREBUILT" >"$WORK/prebuild.log" 2>&1 &
    pid=$!
    started "$pid"
    wait_ready "http://127.0.0.1:$PORT_A/readyz" "$pid" "$WORK/prebuild.log" 300
    kill -TERM "$pid"
    wait "$pid" || true
    forget "$pid"
  fi
  cp -a "$PREBUILT" "$WORK/index-a"
  cp -a "$PREBUILT" "$WORK/index-b"
fi

# --- Two replicas ----------------------------------------------------------------------------------
start_replica() { # NAME PORT
  "$BIN" -addr "127.0.0.1:$2" "${ARCHIVE[@]}" -index "$WORK/index-$1" >"$WORK/replica-$1.log" 2>&1 &
  REPLICA_PID=$!
  started "$REPLICA_PID"
}
t0=$EPOCHREALTIME
start_replica a "$PORT_A"
PID_A=$REPLICA_PID
start_replica b "$PORT_B"
PID_B=$REPLICA_PID
wait_ready "http://127.0.0.1:$PORT_A/readyz" "$PID_A" "$WORK/replica-a.log" 300
wait_ready "http://127.0.0.1:$PORT_B/readyz" "$PID_B" "$WORK/replica-b.log" 300
log "replicas ready on :$PORT_A (pid $PID_A) and :$PORT_B (pid $PID_B) after $(elapsed "$t0" "$EPOCHREALTIME")s"
if [ "$MODE" = corpus ]; then
  grep -q 'index=reused' "$WORK/replica-a.log" || log "warning: replica a did not reuse the copied index"
fi

# --- nginx in front, as the current user, everything in $WORK -------------------------------------
mkdir -p "$WORK/nginx-temp"
cat >"$WORK/nginx.conf" <<EOF
# Written by scripts/replicas.sh; removed on exit.
user $(id -un) $(id -gn);
worker_processes 1;
daemon off;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events {
    worker_connections 1024;
}
http {
    log_format upstreams '\$status|\$upstream_addr|\$upstream_status|\$request_time|\$request';
    access_log $WORK/nginx-access.log upstreams;
    client_body_temp_path $WORK/nginx-temp/body;
    proxy_temp_path $WORK/nginx-temp/proxy;
    fastcgi_temp_path $WORK/nginx-temp/fastcgi;
    uwsgi_temp_path $WORK/nginx-temp/uwsgi;
    scgi_temp_path $WORK/nginx-temp/scgi;

    upstream readout {
        server 127.0.0.1:$PORT_A max_fails=1 fail_timeout=5s;
        server 127.0.0.1:$PORT_B max_fails=1 fail_timeout=5s;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://readout;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_connect_timeout 250ms;
            proxy_read_timeout 60s;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 2;
            proxy_next_upstream_timeout 10s;
            proxy_buffers 16 16k;
        }
        location = /healthz-lb {
            return 200 "nginx\n";
        }
    }
}
EOF
nginx -t -q -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" 2>&1 | grep -v 'the "user" directive makes sense only' >&2 || true
nginx -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" >"$WORK/nginx.out" 2>&1 &
NGINX_PID=$!
started "$NGINX_PID"
wait_port "$NGINX_PORT" "$NGINX_PID" "$WORK/nginx.out" 10
log "nginx on :$NGINX_PORT (pid $NGINX_PID)"

# --- Load, and kill replica A in the middle -------------------------------------------------------
MIX=$WORK/mix.paths
cat "$ROOT/scripts/bench/search.paths" "$ROOT/scripts/bench/api.paths" | grep '^/' >"$MIX"
while IFS= read -r path; do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "http://127.0.0.1:$NGINX_PORT$path" || true)
  [ "$code" = 200 ] || die "$path answered ${code:-nothing} through nginx, not 200; see $WORK/nginx-error.log"
done <"$MIX"
: >"$WORK/nginx-access.log"

wait_quiet "${REPLICAS_QUIET_WAIT:-30}"
log "load: wrk $THREADS threads, $CONNS connections, $DURATION, $(wc -l <"$MIX") paths; replica a stopped with SIG$SIGNAL after ${KILL_AFTER}s"
run_wrk "$WORK/wrk.txt" "http://127.0.0.1:$NGINX_PORT" "$MIX" "$DURATION" "$CONNS" "$THREADS" >"$WORK/wrk.line" &
WRK_PID=$!
started "$WRK_PID"
sleep "$KILL_AFTER"
disown "$PID_A" # no "Killed" notice from bash
kill -"$SIGNAL" "$PID_A"
KILLED_AT=$(date -u +%H:%M:%S)
for _ in $(seq 1 300); do
  alive "$PID_A" || break
  sleep 0.05
done
forget "$PID_A"
log "stopped replica a (SIG$SIGNAL, pid $PID_A) at $KILLED_AT"
wait "$WRK_PID" || die "wrk failed; see $WORK/wrk.txt"
forget "$WRK_PID"
LINE=$(cat "$WORK/wrk.line")
log "  $LINE"
B_READY=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT_B/readyz" || true)

# --- The report ------------------------------------------------------------------------------------
f() { bench_field "$LINE" "$1"; }
REQUESTS=$(f requests)
NON2XX=$(f non2xx)
SOCKET=$(($(f connect) + $(f read) + $(f write) + $(f timeout)))
FAILED=$((NON2XX + SOCKET))
ACCESS=$WORK/nginx-access.log
# status|upstream addresses, the last one answered|their statuses|time|request
answered_by() { awk -F'|' -v u="127.0.0.1:$1" '{ n = split($2, a, ", "); if (a[n] == u && $1 != 499) c++ } END { print c + 0 }' "$ACCESS"; }
BY_A=$(answered_by "$PORT_A")
BY_B=$(answered_by "$PORT_B")
RETRIED=$(awk -F'|' '$2 ~ /, / && $1 != 499' "$ACCESS" | wc -l)
STATUSES=$(awk -F'|' '{ n[$1]++ } END { for (s in n) printf "%s%s: %d", (i++ ? ", " : ""), s, n[s] }' "$ACCESS")
REFUSED=$(grep -c 'connect() failed (111' "$WORK/nginx-error.log" || true)
# A replica that dies before its answer's header has reached nginx: nginx retries on the other.
# After it (the answer half sent): nginx can only cut the client's connection.
CUT_BEFORE=$(grep 'upstream prematurely closed\|reset by peer' "$WORK/nginx-error.log" | grep -c 'while reading response header' || true)
CUT_DURING=$(grep 'upstream prematurely closed\|reset by peer' "$WORK/nginx-error.log" | grep -vc 'while reading response header' || true)
COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ "$MODE" = corpus ]; then ARCHIVE_LABEL="the corpus ($(find "$WH" -name '*.md' | wc -l) documents), each replica its own copy of a prebuilt index"; else ARCHIVE_LABEL="the embedded seeds, each replica its own -index folder"; fi
RESULT="PASS: no request failed"
[ "$FAILED" -eq 0 ] || RESULT="FAIL: $FAILED requests failed"

cat <<REPORT
Readout replicas behind nginx, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT

- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(go version | cut -d' ' -f3)
- replicas: a on 127.0.0.1:$PORT_A, b on 127.0.0.1:$PORT_B, serving $ARCHIVE_LABEL
- nginx $(nginx -v 2>&1 | cut -d/ -f2) on 127.0.0.1:$NGINX_PORT: one upstream of both, keepalive, proxy_next_upstream error timeout http_502 http_503 (2 tries), connect timeout 250 ms, read timeout 60 s, max_fails=1 fail_timeout=5s
- load: wrk, $THREADS threads, $CONNS connections, $DURATION, $(wc -l <"$MIX") /search and /api/search paths in turn; replica a stopped with SIG$SIGNAL after ${KILL_AFTER} s

| figure | measured | target |
|---|---|---|
| requests completed | $REQUESTS ($(f rps) req/s) | |
| non-2xx responses | $NON2XX | 0 |
| socket errors (connect, read, write, timeout) | $SOCKET ($(f connect), $(f read), $(f write), $(f timeout)) | 0 |
| failed requests | $FAILED | 0 |
| p50 / p99 / max latency (ms) | $(awk -v a="$(f p50_us)" -v b="$(f p99_us)" -v c="$(f max_us)" 'BEGIN { printf "%.0f / %.0f / %.0f", a / 1000, b / 1000, c / 1000 }') | |
| answered by replica a / b (nginx access log) | $BY_A / $BY_B | |
| sent to a, then retried on b by nginx | $RETRIED | |
| nginx errors: connection refused / replica gone before its answer / during its answer | $REFUSED / $CUT_BEFORE / $CUT_DURING | |
| replica b's /readyz afterwards | $B_READY | 200 |

nginx's answers to clients (access log): $STATUSES (499: wrk closing connections at the end)
$RESULT; the whole run took $(awk -v s="$(elapsed "$RUN_START" "$EPOCHREALTIME")" 'BEGIN { printf "%.0f", s }') s.
REPORT
[ "$FAILED" -eq 0 ]
