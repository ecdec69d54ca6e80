# Shared helpers of the launcher: state folder, pid files, waiting for ports and URLs.
# shellcheck shell=bash

STATE="${MARKET_STATE:-$ROOT/.market}"
PIDS="$STATE/pids"
LOGS="$STATE/logs"
mkdir -p "$PIDS" "$LOGS"

say()  { printf '\033[1;32m==>\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m==>\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31m==>\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  say "installing Debian packages: $*"
  if [ -z "${APT_UPDATED:-}" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Is the process recorded under pid file NAME alive?
running() {
  local f="$PIDS/$1.pid"
  [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null
}

# The pid-file names of what this run started and has not stopped or kept, oldest first.
STARTED=()

# start NAME LOGFILE COMMAND...: runs COMMAND in its own session, records its pid.
start_process() {
  local name=$1 log=$2; shift 2
  setsid "$@" >>"$log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
  STARTED+=("$name")
}

# keep NAME...: what this run started that outlives a later failure of the run.
keep() {
  local name
  for name in "$@"; do forget "$name"; done
}

forget() {
  local name rest=()
  for name in "${STARTED[@]}"; do [ "$name" = "$1" ] || rest+=("$name"); done
  STARTED=("${rest[@]}")
}

# Stops only what this launcher started: the process group recorded in the pid file.
stop_process() {
  local name=$1 f="$PIDS/$1.pid"
  forget "$name"
  [ -f "$f" ] || return 0
  local pid; pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name did not stop in 30 s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$f"
}

# A run that fails or is interrupted stops what it started and still runs, newest first, from the pid files.
# errexit turns a failed step into an exit, so the EXIT trap is the one place that cleans up; INT and TERM end the
# run with the shell's usual status, and a second Ctrl-C does not cut the stopping short.
stop_started_on_failure() {
  trap stop_started EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

stop_started() {
  local status=$? i names=("${STARTED[@]}")
  trap '' INT TERM
  if [ "$status" != 0 ] && [ ${#names[@]} -gt 0 ]; then
    warn "stopping what this run started: ${names[*]}"
    for (( i = ${#names[@]} - 1; i >= 0; i-- )); do stop_process "${names[i]}"; done
  fi
  exit "$status"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_for DESCRIPTION SECONDS PIDNAME COMMAND...: polls COMMAND until it succeeds; fails early if the process died.
wait_for() {
  local what=$1 limit=$2 pidname=$3; shift 3
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if [ -n "$pidname" ] && ! running "$pidname"; then
      die "$what stopped while starting; see $LOGS/$pidname.log"
    fi
    if (( SECONDS - start > limit )); then die "$what not ready after ${limit}s; see $LOGS/$pidname.log"; fi
    sleep 0.5
  done
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1"; }

ensure_tools() {
  local missing=()
  command -v curl >/dev/null || missing+=(curl)
  command -v mvn >/dev/null || missing+=(maven)
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v setsid >/dev/null || missing+=(util-linux)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

# Maven in batch mode, quiet about downloads, but with test summaries.
mvn_batch() { mvn -B -ntp "$@"; }
