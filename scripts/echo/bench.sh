#!/usr/bin/env bash
# scripts/echo/bench.sh: what finding the same statement elsewhere costs a cold index (issue 16).
#
#   scripts/echo/bench.sh              # the White House corpus, then all three archives
#   ECHO_BENCH_SETS=wh scripts/echo/bench.sh
#
# It builds the server twice: from ECHO_BENCH_BASE (default: the commit before the matching,
# the merge base with main), which does not sketch quotes nor link them, and from the working
# tree, which does; then, for each set of archives, it indexes each into an empty -index folder
# under /usr/bin/time -v, in turn (without, with, ECHO_BENCH_RUNS times), and reports the wall
# time until /readyz answers 200, the server's CPU time (user + system: the figure a shared
# machine disturbs least), its peak RSS, and the time the linking took (its log line).
#
# Settings (environment): ECHO_BENCH_SETS ("wh all"), ECHO_BENCH_BUILDS ("without with"),
# ECHO_BENCH_RUNS (1), ECHO_BENCH_KEEP (a folder: the last "with" index of each set is moved
# there, as KEEP/SET, for echosample or a server; by default every index is removed),
# ECHO_BENCH_PORT
# (18095), ECHO_BENCH_CACHE (${TMPDIR:-/tmp}/readout-echo-bench), ECHO_BENCH_TIMEOUT (1800 s).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

CACHE=${ECHO_BENCH_CACHE:-${TMPDIR:-/tmp}/readout-echo-bench}
PORT=${ECHO_BENCH_PORT:-18095}
RUNS=${ECHO_BENCH_RUNS:-1}
SETS=${ECHO_BENCH_SETS:-wh all}
BUILDS=${ECHO_BENCH_BUILDS:-without with}
TIMEOUT=${ECHO_BENCH_TIMEOUT:-1800}
KEEP=${ECHO_BENCH_KEEP:-}
BASE=${ECHO_BENCH_BASE:-$(git -C "$ROOT" merge-base HEAD main)}
CORPORA=$ROOT/../shared/corpora
WH=$CORPORA/wh-briefings/wh-briefings.tar.gz
UN=$CORPORA/ungdc/ungdc.tar.gz

trap 'stop_all' EXIT
trap 'exit 130' INT TERM
ensure_tools /usr/bin/time:time curl:curl
ensure_port_free "$PORT" ECHO_BENCH_PORT
[ -f "$WH" ] || die "no White House corpus at $WH"

mkdir -p "$CACHE/bin" "$CACHE/run"
log "building the server from $(git -C "$ROOT" rev-parse --short "$BASE") (without) and the working tree (with)"
rm -rf "$CACHE/src-base"
mkdir -p "$CACHE/src-base"
git -C "$ROOT" archive "$BASE" | tar -x -C "$CACHE/src-base"
(cd "$CACHE/src-base" && go build -o "$CACHE/bin/without" ./cmd/server)
(cd "$ROOT" && go build -o "$CACHE/bin/with" ./cmd/server)

flags_of() {
  case $1 in
  wh) echo "-seeds $WH" ;;
  all) echo "-seeds embedded -seeds $WH -seeds $UN" ;;
  *) die "unknown set $1 (wh or all)" ;;
  esac
}

# cold BUILD SET RUN: one cold index; prints "wall cpu rss links_took".
cold() {
  local build=$1 set=$2 run=$3 name="$1-$2-$3" t0 t1 flags
  local index=$CACHE/index-$name logf=$CACHE/run/$name.log timef=$CACHE/run/$name.time
  rm -rf "$index"
  read -r -a flags <<<"$(flags_of "$set")"
  t0=$EPOCHREALTIME
  /usr/bin/time -v -o "$timef" "$CACHE/bin/$build" -addr "127.0.0.1:$PORT" "${flags[@]}" -index "$index" -cache-mb 0 >"$logf" 2>&1 &
  local time_pid=$!
  started "$time_pid"
  local pid
  pid=$(child_of "$time_pid")
  started "$pid"
  wait_ready "http://127.0.0.1:$PORT/readyz" "$pid" "$logf" "$TIMEOUT"
  t1=$EPOCHREALTIME
  kill -TERM "$pid" 2>/dev/null || true
  wait "$time_pid" || true
  forget "$pid"
  forget "$time_pid"
  if [ -n "$KEEP" ] && [ "$build" = with ]; then
    mkdir -p "$KEEP"
    rm -rf "${KEEP:?}/$set"
    mv "$index" "$KEEP/$set"
  fi
  rm -rf "$index"
  local cpu rss took counts
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$timef")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$timef")
  took=$(grep -o 'msg="echoes linked".*' "$logf" | grep -o 'took=[^ ]*' | cut -d= -f2 || true)
  counts=$(grep -o 'msg="echoes linked".*' "$logf" | grep -o 'links=[0-9]*' | cut -d= -f2 || true)
  echo "$(elapsed "$t0" "$t1") $cpu $rss ${took:--} ${counts:--} $(cut -d' ' -f1 /proc/loadavg)"
}

echo "Finding the same statement elsewhere: cold index, $(date -u '+%Y-%m-%d %H:%M UTC'), without = $(git -C "$ROOT" rev-parse --short "$BASE"), with = $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ' + changes')"
echo
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(go version | cut -d' ' -f3)"
echo
echo "| archives | run | build | until ready (s) | server CPU (s) | peak RSS (MiB) | linking took | links | load average at the end |"
echo "|---|---|---|---|---|---|---|---|---|"
for set in $SETS; do
  for run in $(seq 1 "$RUNS"); do
    for build in $BUILDS; do
      log "$set, run $run, $build"
      read -r wall cpu rss took links load <<<"$(cold "$build" "$set" "$run")"
      echo "| $set | $run | $build | $wall | $cpu | $rss | $took | $links | $load |"
    done
  done
done
