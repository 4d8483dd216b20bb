#!/usr/bin/env bash
# scripts/soak.sh: ten minutes of mixed traffic on one server, with its memory sampled over time.
#
#   scripts/soak.sh                  # about 11 minutes; progress on stderr, the report on stdout
#   SOAK_DURATION=60 scripts/soak.sh # a shorter run
#
# It serves the White House corpus (SOAK_ARCHIVE=seeds: the embedded seeds) with an on-disk index,
# reads the archive's own ids and title words from its API, and then runs three wrk loads at once
# for SOAK_DURATION seconds:
#   - readers (scripts/soak/traffic.lua): made-up searches with filters, sorts and pages, pages of
#     articles, quotes, actors and topics, the JSON API, feeds, static files and odd but valid
#     queries, mostly not in the response cache; every answer must be 2xx or 3xx (but a 503 for
#     a costly phrase of the readers' while the places for costly searches are taken: counted
#     and reported apart);
#   - robots (scripts/soak/hostile.lua): the requests of scripts/soak/hostile.paths and some
#     oversized ones, round and round; every answer must be 4xx;
#   - attackers (scripts/soak/phrases.lua): searches of one, two or six phrases of the commonest
#     words ("of the" "in the" …), each new to the cache; any answer but a 5xx other than 503.
# Every SOAK_SAMPLE seconds it records the server's resident memory, threads, open files and the
# requests answered so far. It passes (exit 0) when there were no errors (wrong statuses, socket
# errors, 5xx other than 503 or ERROR lines in the server's log) and memory stayed flat: the
# largest RSS of the last half is at most 10 % above the largest of the first half.
#
# Settings (environment): SOAK_DURATION (600, seconds), SOAK_SAMPLE (10), SOAK_CONNECTIONS (32,
# readers), SOAK_HOSTILE_CONNECTIONS (4), SOAK_ATTACK_CONNECTIONS (8; 0: no attackers),
# SOAK_PORT (18090), SOAK_ARCHIVE (corpus or seeds), BENCH_CACHE and BENCH_CORPUS as for
# scripts/bench.sh (the unpacked corpus and its index are shared with it), SOAK_SERVER_FLAGS
# (more flags for the server).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib.sh
source "$ROOT/scripts/lib.sh"

CACHE=${BENCH_CACHE:-${TMPDIR:-/tmp}/readout-bench}
CORPUS=${BENCH_CORPUS:-$ROOT/../shared/corpora/wh-briefings/wh-briefings.tar.gz}
DURATION=${SOAK_DURATION:-600}
SAMPLE=${SOAK_SAMPLE:-10}
CONNS=${SOAK_CONNECTIONS:-32}
HOSTILE_CONNS=${SOAK_HOSTILE_CONNECTIONS:-4}
ATTACK_CONNS=${SOAK_ATTACK_CONNECTIONS:-8}
PORT=${SOAK_PORT:-18090}
ARCHIVE_KIND=${SOAK_ARCHIVE:-corpus}
read -r -a SERVER_FLAGS <<<"${SOAK_SERVER_FLAGS:-}"

trap stop_all EXIT
trap 'exit 130' INT TERM
RUN_START=$EPOCHREALTIME

ensure_tools wrk:wrk curl:curl jq:jq
ensure_port_free "$PORT" SOAK_PORT
[[ $DURATION =~ ^[0-9]+$ ]] && ((DURATION >= SAMPLE)) || die "SOAK_DURATION must be a number of seconds, at least SOAK_SAMPLE ($SAMPLE)"

RUN=$CACHE/soak
rm -rf "$RUN"
mkdir -p "$RUN/lists" "$CACHE/bin"

log "building the server"
(cd "$ROOT" && go build -o "$CACHE/bin/readout" ./cmd/server)

ARCHIVE=()
case $ARCHIVE_KIND in
corpus)
  unpack_corpus "$CORPUS" "$CACHE/wh"
  ARCHIVE=(-seeds "$CACHE/wh" -index "$CACHE/index")
  ;;
seeds) ARCHIVE=(-index "$RUN/seeds-index") ;;
*) die "SOAK_ARCHIVE must be corpus or seeds, not $ARCHIVE_KIND" ;;
esac

BASE=http://127.0.0.1:$PORT
log "starting the server on $BASE (${ARCHIVE[*]})"
"$CACHE/bin/readout" -addr "127.0.0.1:$PORT" "${ARCHIVE[@]}" "${SERVER_FLAGS[@]}" >"$RUN/server.log" 2>&1 &
PID=$!
started "$PID"
wait_ready "$BASE/readyz" "$PID" "$RUN/server.log" 300
log "ready: $(grep -o 'archive ready.*' "$RUN/server.log" | head -n 1 | tr -d '"')"
# A new index is merged into one segment in the background once served: the soak starts after.
[ "$ARCHIVE_KIND" = corpus ] && wait_merged "$CACHE/bin/readout" "$CACHE/index" 900

# --- The lists the readers draw from: the archive's own ids and words -----------------------------
L=$RUN/lists
api() { curl -sf --max-time 30 "$BASE$1" || die "$BASE$1 did not answer 200"; }
# /api/actors is paged: every page of 100.
pages=$(api "/api/actors?per_page=100" | jq -r '.pages')
for page in $(seq 1 "$pages"); do
  api "/api/actors?per_page=100&page=$page" | jq -r '.actors[].id'
done >"$L/actors"
api /api/topics | jq -r '.topics[].id' >"$L/topics"
for page in $(seq 1 20); do
  api "/api/articles?per_page=100&page=$page" | jq -r '.articles[] | [.id, .title] | @tsv'
done | awk -F'\t' '!seen[$1]++' >"$RUN/articles.tsv"
cut -f1 "$RUN/articles.tsv" >"$L/articles"
for page in $(seq 1 20); do
  api "/api/quotes?per_page=100&page=$page" | jq -r '.quotes[].id'
done | sort -u >"$L/quotes"
# Words of the titles, as readers would type them: letters only, four or more, each once.
cut -f2 "$RUN/articles.tsv" | tr -cs '[:alpha:]' '\n' | awk 'length($0) >= 4 { print tolower($0) }' |
  sort -u >"$L/words"
grep -v '^#' "$ROOT/scripts/soak/odd.paths" | grep . >"$L/odd"
for list in actors topics articles quotes words odd; do
  [ -s "$L/$list" ] || die "the list of $list is empty (see $L)"
done
log "lists: $(for list in actors topics articles quotes words odd; do printf '%s %s, ' "$(wc -l <"$L/$list")" "$list"; done | sed 's/, $//')"

# The hostile requests, and some too long to keep in a file.
HOSTILE=$RUN/hostile.paths
{
  cat "$ROOT/scripts/soak/hostile.paths"
  echo "GET /search?q=$(printf 'a%.0s' $(seq 1 5000))"
  echo "GET /search?q=$(printf 'x%.0s' $(seq 1 401))"
  echo "GET /search?q=$(printf 'w+%.0s' $(seq 1 25))w"
  echo "GET /search?$(for i in $(seq 1 11); do printf 'actor=a%s&' "$i"; done)"
  echo "GET /articles/$(printf 'a%.0s' $(seq 1 200))"
  echo "GET /articles/$(head -n 1 "$L/articles")?hl=$(printf 'h%.0s' $(seq 1 201))"
} >"$HOSTILE"

# Each odd path must answer 2xx or 3xx and each hostile request 4xx before the soak starts, so
# that a failure in the soak is the server's and not the lists'.
while IFS= read -r path; do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$BASE$path" || true)
  [[ $code == [23]?? ]] || die "$path answered ${code:-nothing}, not 2xx or 3xx (fix scripts/soak/odd.paths)"
done <"$L/odd"
while read -r method path; do
  [[ -z $method || $method == \#* ]] && continue
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 --path-as-is -X "$method" "$BASE$path" || true)
  [[ $code == 4?? ]] || die "$method $path answered ${code:-nothing}, not 4xx (fix scripts/soak/hostile.paths)"
done <"$HOSTILE"
log "checked $(wc -l <"$L/odd") odd and $(grep -c '^[A-Z]' "$HOSTILE") hostile requests"

# --- The soak -------------------------------------------------------------------------------------
# status_field FIELD: a field of the server's /proc status, in KiB (VmRSS, RssAnon) or a count
# (Threads). RssAnon is the heap and stacks; the rest of VmRSS is mostly the index's files, mapped.
status_field() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$PID/status" 2>/dev/null || echo 0; }
answered() { echo $(($(grep -c 'msg=request' "$RUN/server.log" || true) - BEFORE)); }
BEFORE=0
BEFORE=$(answered)

log "soak: ${DURATION}s; readers on $CONNS connections, robots on $HOSTILE_CONNS, attackers on $ATTACK_CONNS; a sample every ${SAMPLE}s"
wrk -t2 -c"$CONNS" -d"${DURATION}s" --timeout 10s -s "$ROOT/scripts/soak/traffic.lua" "$BASE" -- "$L" \
  >"$RUN/traffic.txt" 2>&1 &
TRAFFIC_PID=$!
started "$TRAFFIC_PID"
wrk -t1 -c"$HOSTILE_CONNS" -d"${DURATION}s" --timeout 10s -s "$ROOT/scripts/soak/hostile.lua" "$BASE" -- "$HOSTILE" \
  >"$RUN/hostile.txt" 2>&1 &
HOSTILE_PID=$!
started "$HOSTILE_PID"
ATTACK_PID=
if ((ATTACK_CONNS > 0)); then
  wrk -t1 -c"$ATTACK_CONNS" -d"${DURATION}s" --timeout 10s -s "$ROOT/scripts/soak/phrases.lua" "$BASE" \
    >"$RUN/attack.txt" 2>&1 &
  ATTACK_PID=$!
  started "$ATTACK_PID"
fi

cpu0=$(proc_cs "$PID")
t0=$EPOCHREALTIME
printf 'seconds rss_mib anon_mib threads fds answered\n' >"$RUN/samples.txt"
next=$SAMPLE
while alive "$TRAFFIC_PID" || alive "$HOSTILE_PID" || { [ -n "$ATTACK_PID" ] && alive "$ATTACK_PID"; }; do
  sleep 1
  now=$(elapsed "$t0" "$EPOCHREALTIME")
  if awk -v n="$now" -v s="$next" 'BEGIN { exit !(n >= s) }'; then
    alive "$PID" || die "the server died during the soak; the end of its log:
$(tail -n 20 "$RUN/server.log")"
    line=$(printf '%d %.0f %.0f %s %s %s' "$next" "$(awk -v k="$(status_field VmRSS)" 'BEGIN { print k / 1024 }')" \
      "$(awk -v k="$(status_field RssAnon)" 'BEGIN { print k / 1024 }')" \
      "$(status_field Threads)" "$(find "/proc/$PID/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)" "$(answered)")
    echo "$line" >>"$RUN/samples.txt"
    ((next % 60 == 0)) && log "  $(awk '{ printf "%ds: RSS %s MiB (anonymous %s), %s threads, %s open files, %s requests answered", $1, $2, $3, $4, $5, $6 }' <<<"$line")"
    next=$((next + SAMPLE))
  fi
done
wait "$TRAFFIC_PID" || die "wrk (readers) failed; see $RUN/traffic.txt"
wait "$HOSTILE_PID" || die "wrk (robots) failed; see $RUN/hostile.txt"
forget "$TRAFFIC_PID"
forget "$HOSTILE_PID"
if [ -n "$ATTACK_PID" ]; then
  wait "$ATTACK_PID" || die "wrk (attackers) failed; see $RUN/attack.txt"
  forget "$ATTACK_PID"
fi
SECS=$(elapsed "$t0" "$EPOCHREALTIME")
SERVER_CPU=$(cores_pct $(($(proc_cs "$PID") - cpu0)) 0 "$SECS")
kill -TERM "$PID"
wait "$PID" || log "the server exited with status $?"
forget "$PID"

# --- The report -----------------------------------------------------------------------------------
TRAFFIC=$(grep '^SOAK ' "$RUN/traffic.txt" | tail -n 1)
ROBOTS=$(grep '^HOSTILE ' "$RUN/hostile.txt" | tail -n 1)
[ -n "$TRAFFIC" ] || die "wrk (readers) printed no SOAK line; see $RUN/traffic.txt"
[ -n "$ROBOTS" ] || die "wrk (robots) printed no HOSTILE line; see $RUN/hostile.txt"
ATTACK="ATTACK requests=0 2xx=0 400=0 503=0 other5xx=0 other=0 p50_us=0 p99_us=0 max_us=0 connect=0 read=0 write=0 timeout=0"
if [ -n "$ATTACK_PID" ]; then
  ATTACK=$(grep '^ATTACK ' "$RUN/attack.txt" | tail -n 1)
  [ -n "$ATTACK" ] || die "wrk (attackers) printed no ATTACK line; see $RUN/attack.txt"
fi
f() { bench_field "$1" "$2"; }
sockets() { echo $(($(f "$1" connect) + $(f "$1" read) + $(f "$1" write) + $(f "$1" timeout))); }
ms() { awk -v us="$1" 'BEGIN { printf "%.0f", us / 1000 }'; }

# The server's log, less /readyz while it started and the answers to clients that had gone
# (wrk stopping at the end cuts the requests under way).
ALL=$(grep 'msg=request' "$RUN/server.log" | grep -v 'path=/readyz' || true)
GONE=$(grep -c 'client_gone=true' <<<"$ALL" || true)
SRV=$(grep -v 'client_gone=true' <<<"$ALL" || true)
count() { grep -c "$1" <<<"$SRV" || true; }
S2=$(count 'status=2'); S3=$(count 'status=3'); S4=$(count 'status=4'); S503=$(count 'status=503')
S5=$(($(count 'status=5') - S503)) # 503 is an answer (busy, too long, costly places taken): reported, not an error
ERRLOG=$(grep -c 'level=ERROR' "$RUN/server.log" || true)
PANICS=$(grep -c 'msg=panic' "$RUN/server.log" || true)

COSTLY_BUSY=$(f "$TRAFFIC" costly_busy)
PAST_END=$(f "$TRAFFIC" past_end)
WRONG_READERS=$(($(f "$TRAFFIC" non2xx) - COSTLY_BUSY - PAST_END))
WRONG_ROBOTS=$(($(f "$ROBOTS" 2xx) + $(f "$ROBOTS" 3xx) + $(f "$ROBOTS" 5xx)))
WRONG_ATTACKS=$(($(f "$ATTACK" other5xx) + $(f "$ATTACK" other)))
SOCKETS=$(($(sockets "$TRAFFIC") + $(sockets "$ROBOTS") + $(sockets "$ATTACK")))
ERRORS=$((WRONG_READERS + WRONG_ROBOTS + WRONG_ATTACKS + SOCKETS + S5 + ERRLOG))

# Memory: the largest RSS of each half of the run, and of each minute.
read -r FIRST LAST < <(awk -v d="$DURATION" 'NR > 1 { if ($1 <= d / 2) { if ($2 > a) a = $2 } else if ($2 > b) b = $2 } END { print a + 0, b + 0 }' "$RUN/samples.txt")
GROWTH=$(awk -v a="$FIRST" -v b="$LAST" 'BEGIN { printf "%+.1f", a ? 100 * (b - a) / a : 0 }')
FLAT=$(awk -v a="$FIRST" -v b="$LAST" 'BEGIN { print (b <= 1.10 * a) ? "yes" : "no" }')
VERDICT=$([ "$ERRORS" -eq 0 ] && [ "$FLAT" = yes ] && echo passed || echo FAILED)
COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(cd "$ROOT" && git status --porcelain -- . ':!scripts' ':!*.md' ':!docs' 2>/dev/null)" ]; then COMMIT="$COMMIT + uncommitted changes"; fi

{
  echo "Readout soak, $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT: **$VERDICT**"
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(go version | cut -d' ' -f3-); wrk shares the cores with the server"
  echo "- loads: readers on $CONNS connections, robots on $HOSTILE_CONNS, attackers of costly phrases on $ATTACK_CONNS"
  echo "- archive: $ARCHIVE_KIND ($(grep -o 'articles=[0-9]* quotes=[0-9]*' "$RUN/server.log" | head -n 1)); readers drew from $(wc -l <"$L/words") words, $(wc -l <"$L/actors") actors, $(wc -l <"$L/topics") topics, $(wc -l <"$L/articles") articles, $(wc -l <"$L/quotes") quotes, $(wc -l <"$L/odd") odd queries; robots from $(grep -c '^[A-Z]' "$HOSTILE") hostile requests"
  echo "- ${DURATION} s; server flags: ${ARCHIVE[*]} ${SERVER_FLAGS[*]}; the server took $SERVER_CPU % of the $(nproc) cores"
  echo
  echo "| figure | measured |"
  echo "|---|---|"
  echo "| readers: requests, req/s | $(f "$TRAFFIC" requests), $(awk -v x="$(f "$TRAFFIC" rps)" 'BEGIN { printf "%.0f", x }') |"
  echo "| readers: p50 / p99 / max (ms) | $(ms "$(f "$TRAFFIC" p50_us)") / $(ms "$(f "$TRAFFIC" p99_us)") / $(ms "$(f "$TRAFFIC" max_us)") |"
  echo "| readers: answers not 2xx/3xx | $WRONG_READERS |"
  echo "| readers: 503 for a costly phrase of theirs while the places for costly searches were taken | $COSTLY_BUSY |"
  echo "| readers: 404 for a later page drawn past the end of a short list | $PAST_END |"
  echo "| robots: requests, of which 4xx | $(f "$ROBOTS" requests), $(f "$ROBOTS" 4xx) |"
  echo "| robots: answers not 4xx | $WRONG_ROBOTS |"
  echo "| attackers: requests; 2xx / 400 (too costly) / 503 (places taken, too long) / other | $(f "$ATTACK" requests); $(f "$ATTACK" 2xx) / $(f "$ATTACK" 400) / $(f "$ATTACK" 503) / $WRONG_ATTACKS |"
  echo "| attackers: p50 / p99 / max (ms) | $(ms "$(f "$ATTACK" p50_us)") / $(ms "$(f "$ATTACK" p99_us)") / $(ms "$(f "$ATTACK" max_us)") |"
  echo "| socket errors (connect, read, write, timeout), all loads | $SOCKETS |"
  echo "| server log: answers 2xx / 3xx / 4xx / 503 / other 5xx | $S2 / $S3 / $S4 / $S503 / $S5 |"
  echo "| server log: requests whose client had gone (wrk stopping) | $GONE |"
  echo "| server log: ERROR lines, of which panics | $ERRLOG, $PANICS |"
  echo "| largest RSS, first half / last half (MiB) | $FIRST / $LAST ($GROWTH %; flat: $FLAT) |"
  echo
  echo "Memory and answers over time (one row a minute, the sample at its end):"
  echo
  echo "| minute | RSS (MiB) | of which anonymous (MiB) | largest RSS in the minute (MiB) | threads | open files | answered in the minute |"
  echo "|---|---|---|---|---|---|---|"
  awk -v step="$SAMPLE" 'NR > 1 {
      m = int(($1 - 1) / 60) + 1
      if ($2 > peak[m]) peak[m] = $2
      rss[m] = $2; anon[m] = $3; thr[m] = $4; fds[m] = $5; ans[m] = $6; last = m
    }
    END {
      prev = 0
      for (m = 1; m <= last; m++) {
        printf "| %d | %s | %s | %s | %s | %s | %d |\n", m, rss[m], anon[m], peak[m], thr[m], fds[m], ans[m] - prev
        prev = ans[m]
      }
    }' "$RUN/samples.txt"
  echo
  echo "Raw output in $RUN (samples.txt every ${SAMPLE}s, server.log, traffic.txt, hostile.txt, attack.txt); the whole run took $(awk -v x="$(elapsed "$RUN_START" "$EPOCHREALTIME")" 'BEGIN { printf "%.0f", x }') s."
} | tee "$RUN/report.md"

[ "$VERDICT" = passed ]
