#!/usr/bin/env bash
# scripts/warm.sh: warm restarts of the server on an unchanged archive, one after the other: the
# time from starting the process to /readyz answering 200, and the archive's own "took" (from
# opening the archive to ready, without the process's start).
#
#   scripts/warm.sh                        # the working tree's server, 6 starts on the White House corpus
#   WARM_REV=main WARM_STARTS=10 scripts/warm.sh
#
# The index is kept in the cache folder (built on the first run: minutes), one for each build;
# it is merged into one segment before the starts are timed. Settings (environment): WARM_REV
# (empty: the working tree), WARM_STARTS (6), WARM_PORT (18190), BENCH_CACHE and BENCH_CORPUS as
# in scripts/bench.sh. Needs curl and Go.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

CACHE=${BENCH_CACHE:-${TMPDIR:-/tmp}/readout-bench}
CORPUS=${BENCH_CORPUS:-$ROOT/../shared/corpora/wh-briefings/wh-briefings.tar.gz}
REV=${WARM_REV:-}
STARTS=${WARM_STARTS:-6}
PORT=${WARM_PORT:-18190}
trap stop_all EXIT
trap 'exit 130' INT TERM

ensure_tools curl:curl
NAME=${REV:-worktree}
NAME=${NAME//[^A-Za-z0-9._-]/_}
BIN=$CACHE/warm-bin/$NAME RUN=$CACHE/warm-run INDEX=$CACHE/warm-index-$NAME
mkdir -p "$(dirname "$BIN")" "$RUN"
if [ -n "$REV" ]; then
  log "building the server from $REV ($(git -C "$ROOT" rev-parse --short "$REV"))"
  rm -rf "$CACHE/warm-src" && mkdir -p "$CACHE/warm-src"
  git -C "$ROOT" archive "$REV" | tar -x -C "$CACHE/warm-src"
  (cd "$CACHE/warm-src" && go build -o "$BIN" ./cmd/server)
else
  log "building the server from the working tree"
  (cd "$ROOT" && go build -o "$BIN" ./cmd/server)
fi
WH=$CACHE/wh
unpack_corpus "$CORPUS" "$WH"
ensure_port_free "$PORT" WARM_PORT
URL=http://127.0.0.1:$PORT

# start LOG: the server on the index folder, in the background; sets SERVER_PID.
start() {
  "$BIN" -addr "127.0.0.1:$PORT" -seeds "$WH" -index "$INDEX" -rescan 0 >"$1" 2>&1 &
  SERVER_PID=$!
  started "$SERVER_PID"
}
stop() {
  kill -TERM "$SERVER_PID"
  wait "$SERVER_PID" || true
  forget "$SERVER_PID"
}

log "a first start on $INDEX (builds the index when it is missing or stale, then merges it)"
start "$RUN/first.log"
wait_ready "$URL/readyz" "$SERVER_PID" "$RUN/first.log" 1800
wait_merged "$BIN" "$INDEX" 900
stop

times=()
for i in $(seq 1 "$STARTS"); do
  wait_quiet 30
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$EPOCHREALTIME
  start "$RUN/start$i.log"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$URL/readyz" || true)" = 200 ]; do
    alive "$SERVER_PID" || die "the server exited; see $RUN/start$i.log"
    sleep 0.01
  done
  t=$(elapsed "$t0" "$EPOCHREALTIME")
  grep -q 'index=reused' "$RUN/start$i.log" || log "warning: start $i did not say index=reused; see $RUN/start$i.log"
  took=$(grep -o 'msg="archive ready".* took=[^ ]*' "$RUN/start$i.log" | sed 's/.*took=//')
  log "start $i: ready after ${t}s (the archive's took=$took; load average $load)"
  times+=("$t")
  stop
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$STARTS" -v name="$NAME" '
  { t[NR] = $1 }
  END { m = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2
        printf "warm restart (%s), %d starts: %.3f to %.3f s, median %.3f s\n", name, n, t[1], t[n], m }'
