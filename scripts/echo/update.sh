#!/usr/bin/env bash
# scripts/echo/update.sh: what an update costs the linking of the same statements (issue 16):
# all three archives are served with the White House corpus unpacked into a folder, indexed
# cold once into an -index folder, then the server is started again on that folder after
# changes to the corpus folder: a briefing filed again under another name, and another one with
# a paragraph added. It reports, for the cold start and the update, the time until /readyz
# answers 200, the server's CPU time, and the linking's log line (documents scanned, its time).
#
#   scripts/echo/update.sh
#   ECHO_UPDATE_INDEX=/tmp/all-index scripts/echo/update.sh   # start from a copy of that index
#
# ECHO_UPDATE_INDEX names an -index folder a server of this commit built from the three archives
# (the corpus as its tarball or as this folder: a file of the same content is unchanged): it is
# copied and the cold start skipped.
#
# Settings (environment): ECHO_UPDATE_CACHE (${TMPDIR:-/tmp}/readout-echo-update),
# ECHO_UPDATE_INDEX, ECHO_UPDATE_PORT (18096), ECHO_UPDATE_TIMEOUT (1800 s).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

CACHE=${ECHO_UPDATE_CACHE:-${TMPDIR:-/tmp}/readout-echo-update}
PORT=${ECHO_UPDATE_PORT:-18096}
TIMEOUT=${ECHO_UPDATE_TIMEOUT:-1800}
CORPORA=$ROOT/../shared/corpora
WH=$CORPORA/wh-briefings/wh-briefings.tar.gz
UN=$CORPORA/ungdc/ungdc.tar.gz

trap 'stop_all' EXIT
trap 'exit 130' INT TERM
ensure_tools /usr/bin/time:time curl:curl
ensure_port_free "$PORT" ECHO_UPDATE_PORT
mkdir -p "$CACHE/run"
# The folder's base name is the tarball's, so ids are those of the server serving the tarball.
unpack_corpus "$WH" "$CACHE/wh-briefings"
(cd "$ROOT" && go build -o "$CACHE/server" ./cmd/server)
INDEX=$CACHE/index
rm -rf "$INDEX"
if [ -n "${ECHO_UPDATE_INDEX:-}" ]; then
  cp -a "$ECHO_UPDATE_INDEX" "$INDEX"
  rm -f "$INDEX/LOCK"
fi

# start NAME: one start on the index folder; prints "wall cpu linking".
start() {
  local name=$1 t0 t1 logf=$CACHE/run/$1.log timef=$CACHE/run/$1.time
  t0=$EPOCHREALTIME
  /usr/bin/time -v -o "$timef" "$CACHE/server" -addr "127.0.0.1:$PORT" -seeds embedded -seeds "$CACHE/wh-briefings" -seeds "$UN" \
    -index "$INDEX" -cache-mb 0 -rescan 0 >"$logf" 2>&1 &
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
  local cpu linking
  cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$timef")
  linking=$(grep -o 'msg="echoes linked".*' "$logf" | sed 's/msg="echoes linked" //' || true)
  echo "| $name | $(elapsed "$t0" "$t1") | $cpu | ${linking:--} |"
}

dir=$CACHE/wh-briefings/press-briefings
copy=$dir/2024-06/2024-06-30-echo-update-copy.md
grown=$(find "$dir/2024-06" -name '*.md' | sort | sed -n 1p)
[ -n "$grown" ] || die "no briefing of June 2024 in $dir"
cleanup() {
  rm -f "$copy"
  if [ -f "$grown.orig" ]; then mv "$grown.orig" "$grown"; fi
}
cleanup

echo "What an update costs the linking, $(date -u '+%Y-%m-%d %H:%M UTC'), $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ' + changes'), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo
echo "| start | until ready (s) | server CPU (s) | linking |"
echo "|---|---|---|---|"
if [ -n "${ECHO_UPDATE_INDEX:-}" ]; then
  start "warm (the copy; files of the folder hashed once)"
else
  start cold
fi
cp "$(find "$dir/2024-05" -name '*.md' | sort | tail -1)" "$copy"
cp "$grown" "$grown.orig"
printf '\n\nA paragraph added for scripts/echo/update.sh: "We will keep working with our partners on this, every day."\n' >>"$grown"
trap 'cleanup; stop_all' EXIT
start "update (one file added, one changed)"
