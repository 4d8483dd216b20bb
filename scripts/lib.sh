# Helpers shared by scripts/bench.sh, scripts/replicas.sh and scripts/soak.sh: sourced, not run.
# shellcheck shell=bash

SCRIPT_NAME=$(basename "$0" .sh)

log() { printf '[%s %s] %s\n' "$SCRIPT_NAME" "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# ensure_tools COMMAND:PACKAGE…: install the Debian packages of missing commands (as root), or
# say which to install.
ensure_tools() {
  local missing=() pair
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    die "missing Debian packages: ${missing[*]} (apt-get install ${missing[*]})"
  fi
  log "installing ${missing[*]} with apt-get"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# Processes started here, stopped on exit whatever happens.
STARTED_PIDS=()
started() { STARTED_PIDS+=("$1"); }
# forget PID: a process that has ended and been waited for.
forget() {
  local keep=() pid
  for pid in "${STARTED_PIDS[@]}"; do
    [ "$pid" = "$1" ] || keep+=("$pid")
  done
  STARTED_PIDS=("${keep[@]}")
}
stop_all() {
  local pid
  for pid in "${STARTED_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]}"; do
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  done
  STARTED_PIDS=()
}

# port_open PORT: true when something listens on 127.0.0.1:PORT.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_port_free() {
  if port_open "$1"; then
    die "port $1 is already in use on 127.0.0.1 (choose another with $2=PORT)"
  fi
}

# alive PID: the process exists and is not a zombie.
alive() {
  local state
  state=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
  [[ $state != Z* ]]
}

# wait_port PORT PID LOG TIMEOUT_S: wait until PID listens on PORT.
wait_port() {
  local port=$1 pid=$2 logf=$3 timeout=$4 start=$EPOCHSECONDS
  until port_open "$port"; do
    alive "$pid" || die "the process on port $port exited before listening; the end of $logf:
$(tail -n 20 "$logf")"
    ((EPOCHSECONDS - start < timeout)) || die "nothing listens on port $port after ${timeout}s; see $logf"
    sleep 0.02
  done
}

# wait_ready URL PID LOG TIMEOUT_S: poll URL (/readyz) every 20 ms until it answers 200.
wait_ready() {
  local url=$1 pid=$2 logf=$3 timeout=$4 start=$EPOCHSECONDS code
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)
    [ "$code" = 200 ] && return 0
    alive "$pid" || die "the server exited before $url answered 200; the end of $logf:
$(tail -n 20 "$logf")"
    if ((EPOCHSECONDS - start >= timeout)); then
      die "the server was not ready after ${timeout}s ($url last answered ${code:-nothing}); the end of $logf:
$(grep -v 'path=/readyz' "$logf" | tail -n 5)"
    fi
    sleep 0.02
  done
}

# child_of PID: the pid of PID's only child (the server that /usr/bin/time runs).
child_of() {
  local child
  for _ in $(seq 1 250); do
    child=$(ps -o pid= --ppid "$1" | tr -d ' ' | head -n 1)
    [ -n "$child" ] && {
      echo "$child"
      return 0
    }
    sleep 0.02
  done
  return 1
}

# elapsed START END: seconds between two $EPOCHREALTIME values.
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# busy_cs: the CPU time that all processes have used so far, in centiseconds, from /proc/stat
# (user, nice, system, irq, softirq, steal of every core).
busy_cs() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# proc_cs PID: the CPU time (user and system) that PID has used so far, in centiseconds.
proc_cs() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0; }

# cores_pct CS MINUS_CS SECONDS: CS - MINUS_CS centiseconds of CPU time over SECONDS, as a share
# of all the machine's cores, in percent (the machine's busy time less ours: what others took).
cores_pct() {
  awk -v cs="$1" -v minus="$2" -v s="$3" -v n="$(nproc)" \
    'BEGIN { x = 100 * (cs - minus) / (100 * s * n); if (x < 0) x = 0; printf "%.0f", x }'
}

# wait_quiet MAX_S: on a shared machine, wait (at most MAX_S seconds) until the machine has been
# nearly idle (under 10 % of its cores busy) for two seconds in a row, so that a measurement does
# not start in the middle of someone else's build. Call it while nothing of ours is busy.
wait_quiet() {
  local max=$1 start=$EPOCHSECONDS quiet=0 b0 pct
  while ((EPOCHSECONDS - start < max)); do
    b0=$(busy_cs)
    sleep 1
    pct=$(cores_pct $(($(busy_cs) - b0)) 0 1)
    if ((pct < 10)); then
      quiet=$((quiet + 1))
      ((quiet >= 2)) && return 0
    else
      quiet=0
    fi
  done
  log "the machine was not idle for two seconds in a row within ${max}s (last second: ${pct}% of the cores busy); measuring anyway"
}

# bench_field LINE KEY: the value of KEY=value in the BENCH line that scripts/bench/mix.lua prints.
bench_field() {
  local kv
  for kv in $1; do
    if [[ $kv == "$2="* ]]; then
      echo "${kv#*=}"
      return 0
    fi
  done
  echo "?"
}

# run_wrk OUT URL PATHS DURATION CONNECTIONS THREADS: load URL with the paths of the file PATHS
# (scripts/bench/mix.lua), keep wrk's report in OUT and print its BENCH line.
run_wrk() {
  local out=$1 url=$2 paths=$3 duration=$4 conns=$5 threads=$6 line
  /usr/bin/time -f 'WRKCPU %U %S' -o "$out.cpu" \
    wrk -t"$threads" -c"$conns" -d"$duration" --timeout 10s --latency \
    -s "$LIB_DIR/bench/mix.lua" "$url" -- "$paths" >"$out" 2>&1 ||
    die "wrk failed; see $out:
$(tail -n 5 "$out")"
  line=$(grep '^BENCH ' "$out" | tail -n 1)
  [ -n "$line" ] || die "wrk printed no BENCH line; see $out"
  echo "$line wrk_cs=$(awk '/^WRKCPU/ { printf "%.0f", 100 * ($2 + $3) }' "$out.cpu")"
}

# unpack_corpus TARBALL DIR: the corpus unpacked into DIR, once (a marker file says it is complete,
# so that an interrupted unpacking is redone rather than served half).
unpack_corpus() {
  local corpus=$1 dir=$2
  if [ -f "$dir.unpacked" ]; then
    log "reusing the corpus unpacked in $dir"
    return 0
  fi
  [ -f "$corpus" ] || die "no corpus at $corpus"
  log "unpacking $corpus into $dir"
  rm -rf "$dir" "$dir.tmp"
  mkdir -p "$dir.tmp"
  tar -xzf "$corpus" -C "$dir.tmp"
  mv "$dir.tmp" "$dir"
  touch "$dir.unpacked"
}

LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# wait_merged BINARY INDEX TIMEOUT: once a server is ready, wait until its index on disk (the
# -index folder) is one segment: it is merged in the background after a start, and a load
# measured meanwhile would measure the merge too. At once for a build of Readout that does not
# merge it.
wait_merged() {
  local bin=$1 index=$2 timeout=$3 start=$EPOCHSECONDS current
  grep -qa 'index in one segment' "$bin" || return 0
  while :; do
    current=$(cat "$index/CURRENT" 2>/dev/null || true)
    [ -n "$current" ] && [ "$(find "$index/$current/bleve/store" -name '*.zap' 2>/dev/null | wc -l)" -eq 1 ] && return 0
    if ((EPOCHSECONDS - start >= timeout)); then
      log "warning: the index in $index was not merged into one segment after ${timeout}s"
      return 0
    fi
    sleep 0.5
  done
}
