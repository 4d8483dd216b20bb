#!/usr/bin/env bash
# scripts/uncached.sh: uncached searches side by side, in one run: the server built from a git
# revision (before), the working tree's (after) and plain bleve (scripts/plainbleve), each under
# the same loads in turn, round after round, so that a machine shared with other work slows
# them alike.
#
#   scripts/uncached.sh                          # UNCACHED_REV=main, 3 rounds: 10 to 15 minutes
#   UNCACHED_REV=HEAD~3 UNCACHED_ROUNDS=5 scripts/uncached.sh
#
# Each round, for each server: the /search mix (scripts/bench/search.paths) with 50 connections
# for UNCACHED_DURATION (15s, after a 3 s warm-up), then with one connection for 10 s. Readout
# runs with -cache-mb 0. The report (Markdown, on stdout) has each round's req/s, p50 and p99,
# the server's CPU per answer, and Readout ÷ plain bleve in req/s.
#
# Settings (environment): UNCACHED_REV (main), UNCACHED_ROUNDS (3), UNCACHED_DURATION (15s),
# UNCACHED_PORT (18090; the next two ports are used too), BENCH_CACHE and BENCH_CORPUS as in
# scripts/bench.sh. Each Readout server keeps its index in the cache folder: built on the first
# run (minutes), a warm restart after it. Needs wrk, curl and Go.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

CACHE=${BENCH_CACHE:-${TMPDIR:-/tmp}/readout-bench}
CORPUS=${BENCH_CORPUS:-$ROOT/../shared/corpora/wh-briefings/wh-briefings.tar.gz}
REV=${UNCACHED_REV:-main}
ROUNDS=${UNCACHED_ROUNDS:-3}
DURATION=${UNCACHED_DURATION:-15s}
PORT=${UNCACHED_PORT:-18090}
trap stop_all EXIT
trap 'exit 130' INT TERM

ensure_tools wrk:wrk curl:curl
BIN=$CACHE/uncached-bin RUN=$CACHE/uncached-run
rm -rf "$RUN" "$CACHE/uncached-src"
mkdir -p "$BIN" "$RUN" "$CACHE/uncached-src"
log "building Readout from $REV ($(git -C "$ROOT" rev-parse --short "$REV")) and from the working tree, and plain bleve"
git -C "$ROOT" archive "$REV" | tar -x -C "$CACHE/uncached-src"
(cd "$CACHE/uncached-src" && go build -o "$BIN/before" ./cmd/server)
(cd "$ROOT" && go build -o "$BIN/after" ./cmd/server && go build -o "$BIN/plain" ./scripts/plainbleve)
WH=$CACHE/wh
unpack_corpus "$CORPUS" "$WH"

declare -A PID URL
i=0
for name in before after plain; do
  port=$((PORT + i))
  i=$((i + 1))
  ensure_port_free "$port" UNCACHED_PORT
  if [ "$name" = plain ]; then
    "$BIN/plain" -dir "$WH" -index "$CACHE/uncached-index-plain" -addr "127.0.0.1:$port" >"$RUN/$name.log" 2>&1 &
  else
    "$BIN/$name" -addr "127.0.0.1:$port" -seeds "$WH" -index "$CACHE/uncached-index-$name" -cache-mb 0 -log-level warn >"$RUN/$name.log" 2>&1 &
  fi
  PID[$name]=$!
  started "${PID[$name]}"
  URL[$name]=http://127.0.0.1:$port
  log "$name: waiting for $WH to be indexed (the first run builds it)"
  wait_ready "${URL[$name]}/readyz" "${PID[$name]}" "$RUN/$name.log" 1800
  [ "$name" = plain ] || wait_merged "$BIN/$name" "$CACHE/uncached-index-$name" 900
done

# measure NAME CONNECTIONS DURATION: one load; prints rps, p50 and p99 (ms), CPU per answer (ms).
measure() {
  local name=$1 conns=$2 duration=$3 p0 line
  run_wrk "$RUN/$name.warmup" "${URL[$name]}" "$ROOT/scripts/bench/search.paths" 3s "$conns" 1 >/dev/null
  p0=$(proc_cs "${PID[$name]}")
  line=$(run_wrk "$RUN/$name.$conns.txt" "${URL[$name]}" "$ROOT/scripts/bench/search.paths" "$duration" "$conns" $((conns > 1 ? 2 : 1)))
  awk -v l="$line" -v cs="$(($(proc_cs "${PID[$name]}") - p0))" 'BEGIN {
    n = split(l, kv, " "); for (i = 1; i <= n; i++) { split(kv[i], p, "="); f[p[1]] = p[2] }
    if (f["non2xx"] + f["connect"] + f["read"] + f["write"] + f["timeout"] > 0) bad = " (errors: " l ")"
    printf "%.1f %.1f %.1f %.2f%s\n", f["rps"], f["p50_us"] / 1000, f["p99_us"] / 1000, cs * 10 / f["requests"], bad }'
}

echo "Uncached /search mix, $REV ($(git -C "$ROOT" rev-parse --short "$REV")) against the working tree ($(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ', changed')), $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores"
echo
echo "| round | server | 50 connections: req/s · p50 · p99 (ms) · CPU/answer (ms) | one client: req/s · p50 · p99 (ms) | ÷ plain bleve (req/s, 50 conns) | load avg |"
echo "|---|---|---|---|---|---|"
for r in $(seq 1 "$ROUNDS"); do
  declare -A MANY ONE
  for name in before after plain; do
    log "round $r: $name"
    MANY[$name]=$(measure "$name" 50 "$DURATION")
    ONE[$name]=$(measure "$name" 1 10s)
  done
  for name in before after plain; do
    read -r rps p50 p99 cpu _ <<<"${MANY[$name]}"
    read -r rps1 p501 p991 _ <<<"${ONE[$name]}"
    read -r prps _ <<<"${MANY[plain]}"
    echo "| $r | $name | $rps · $p50 · $p99 · $cpu | $rps1 · $p501 · $p991 | $(awk -v a="$rps" -v b="$prps" 'BEGIN { printf "%.2f", a / b }') | $(cut -d' ' -f1 /proc/loadavg) |"
  done
done
