#!/usr/bin/env bash
# scripts/crawl.sh: every kind of page and API answer of the corpus, sampled and checked.
#
#   scripts/crawl.sh                      # the corpus: 10 to 25 minutes; progress on stderr, the report on stdout
#   CRAWL_PER_KIND=200 scripts/crawl.sh   # a smaller sample
#   CRAWL_ARCHIVE=seeds scripts/crawl.sh  # the embedded seeds (about a minute)
#
# It builds the server and cmd/crawl, serves the White House corpus (the .tar.gz as it is, -seeds
# on the tarball) with an on-disk index kept between runs, and crawls it with the crawler of
# TestCrawl (package crawl): from the home page and the API's lists, following every internal
# link, it fetches up to CRAWL_PER_KIND addresses of each kind (article pages, quote pages, actor
# and topic pages, searches, the quotes tab, feeds, each API endpoint…), chosen by a hash of the
# address so that the sample spreads over the archive and a rerun fetches the same ones. Each
# answer must be UTF-8 without replaced characters, each page HTML an HTML5 parser reads without
# repairs, each JSON and XML answer well-formed; no internal link may answer 4xx or 5xx or name
# an anchor its page lacks (crawl/check.go says what exactly is checked). It reports the
# server's startup summary, the counts by kind and every finding, and exits 1 if there was one.
#
# Settings (environment): CRAWL_ARCHIVE (corpus or seeds), CRAWL_PER_KIND (2000; searches combine
# their filters without end, so there is no "all"), CRAWL_WORKERS (4 requests at once), CRAWL_SEED (1: another seed, another sample),
# CRAWL_PORT (18083), CRAWL_SHOW (30 findings of each sort listed), BENCH_CACHE and BENCH_CORPUS
# as for scripts/bench.sh (the built programs and the index are kept there), CRAWL_SERVER_FLAGS
# (more flags for the server).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

CACHE=${BENCH_CACHE:-${TMPDIR:-/tmp}/readout-bench}
CORPUS=${BENCH_CORPUS:-$ROOT/../shared/corpora/wh-briefings/wh-briefings.tar.gz}
ARCHIVE_KIND=${CRAWL_ARCHIVE:-corpus}
PER_KIND=${CRAWL_PER_KIND:-2000}
WORKERS=${CRAWL_WORKERS:-4}
SEED=${CRAWL_SEED:-1}
PORT=${CRAWL_PORT:-18083}
SHOW=${CRAWL_SHOW:-30}
read -r -a SERVER_FLAGS <<<"${CRAWL_SERVER_FLAGS:-}"

trap stop_all EXIT
trap 'exit 130' INT TERM
RUN_START=$EPOCHREALTIME

ensure_tools curl:curl /usr/bin/time:time
ensure_port_free "$PORT" CRAWL_PORT
[[ $PER_KIND =~ ^[1-9][0-9]*$ ]] || die "CRAWL_PER_KIND must be a number from 1, not $PER_KIND"

RUN=$CACHE/crawl
rm -rf "$RUN"
mkdir -p "$RUN" "$CACHE/bin"

log "building the server and the crawler"
(cd "$ROOT" && go build -o "$CACHE/bin/readout" ./cmd/server && go build -o "$CACHE/bin/crawl" ./cmd/crawl)

ARCHIVE=()
case $ARCHIVE_KIND in
corpus)
  [ -f "$CORPUS" ] || die "no corpus at $CORPUS"
  ARCHIVE=(-seeds "$CORPUS" -index "$CACHE/crawl-index")
  ;;
seeds) ARCHIVE=(-index "$RUN/seeds-index") ;;
*) die "CRAWL_ARCHIVE must be corpus or seeds, not $ARCHIVE_KIND" ;;
esac

BASE=http://127.0.0.1:$PORT
log "starting the server on $BASE (${ARCHIVE[*]})"
"$CACHE/bin/readout" -addr "127.0.0.1:$PORT" "${ARCHIVE[@]}" "${SERVER_FLAGS[@]}" >"$RUN/server.log" 2>&1 &
PID=$!
started "$PID"
wait_ready "$BASE/readyz" "$PID" "$RUN/server.log" 600
READY=$(grep -o 'msg="archive ready".*' "$RUN/server.log" | head -n 1)
log "ready: $READY"

# The plain ids that documents of different texts share answer a page listing them (300): begin
# from each, so that the sample has them all. The API lists 10,000 articles at most: the newest
# 10,000 and the oldest 10,000 are all of them up to 20,000.
STARTS=()
for list in "articles?" "search?sort=oldest&"; do
  for page in $(seq 1 100); do
    curl -sf --max-time 30 "$BASE/api/${list}per_page=100&page=$page" || break
  done
done | { grep -o '"id": "[a-z0-9-]*--[a-z2-7]*"' || true; } | sed -E 's/^"id": "([a-z0-9-]*)--.*/\1/' | sort -u >"$RUN/shared-ids"
while read -r id; do
  STARTS+=(-start "/articles/$id" -start "/api/articles/$id")
done <"$RUN/shared-ids"
log "$(wc -l <"$RUN/shared-ids") plain ids shared by documents of different texts"

log "crawling: at most $PER_KIND addresses of each kind, $WORKERS at once (seed $SEED)"
cpu0=$(proc_cs "$PID")
t0=$EPOCHREALTIME
set +e
/usr/bin/time -f 'CRAWLCPU %U %S' -o "$RUN/crawl.cpu" \
  "$CACHE/bin/crawl" -base "$BASE" -per-kind "$PER_KIND" -workers "$WORKERS" -seed "$SEED" -show "$SHOW" \
  "${STARTS[@]}" >"$RUN/crawl.md" 2>"$RUN/crawl.err"
CRAWL_EXIT=$?
set -e
SECS=$(elapsed "$t0" "$EPOCHREALTIME")
SERVER_CS=$(($(proc_cs "$PID") - cpu0))
((CRAWL_EXIT <= 1)) || die "the crawler failed (exit $CRAWL_EXIT): $(cat "$RUN/crawl.err")"
kill -TERM "$PID"
wait "$PID" || log "the server exited with status $?"
forget "$PID"

# The server's own account: answers by status, and ERROR lines.
ALL=$(grep 'msg=request' "$RUN/server.log" | grep -v 'path=/readyz' || true)
count() { grep -c "$1" <<<"$ALL" || true; }
S2=$(count 'status=2'); S3=$(count 'status=3'); S4=$(count 'status=4'); S5=$(count 'status=5')
ERRLOG=$(grep -c 'level=ERROR' "$RUN/server.log" || true)
VERDICT=$([ "$CRAWL_EXIT" -eq 0 ] && [ "$S5" -eq 0 ] && [ "$ERRLOG" -eq 0 ] && echo passed || echo FAILED)
COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(cd "$ROOT" && git status --porcelain -- . ':!scripts' ':!*.md' ':!docs' 2>/dev/null)" ]; then COMMIT="$COMMIT + uncommitted changes"; fi
CRAWL_CS=$(awk '/^CRAWLCPU/ { printf "%.0f", 100 * ($2 + $3) }' "$RUN/crawl.cpu")

{
  echo "Readout crawl, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT: **$VERDICT**"
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(go version | cut -d' ' -f3-)"
  echo "- archive: $ARCHIVE_KIND; server flags: ${ARCHIVE[*]} ${SERVER_FLAGS[*]}"
  echo "- startup summary: \`$READY\`"
  echo "- crawl: at most $PER_KIND addresses of each kind, and the $(wc -l <"$RUN/shared-ids") plain ids that documents of different texts share; seed $SEED, $WORKERS requests at once; ${SECS%.*} s, the server took $(cores_pct "$SERVER_CS" 0 "$SECS") % of the $(nproc) cores and the crawler $(cores_pct "${CRAWL_CS:-0}" 0 "$SECS") %"
  echo
  cat "$RUN/crawl.md"
  echo
  echo "The server's log: answers 2xx / 3xx / 4xx / 5xx $S2 / $S3 / $S4 / $S5; ERROR lines $ERRLOG."
  echo "Raw output in $RUN (crawl.md, server.log); the whole run took $(awk -v x="$(elapsed "$RUN_START" "$EPOCHREALTIME")" 'BEGIN { printf "%.0f", x }') s."
} | tee "$RUN/report.md"

[ "$VERDICT" = passed ]
