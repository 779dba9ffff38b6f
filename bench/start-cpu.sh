#!/bin/bash
# CPU time of a used-home start: what a start costs the machine, comparable while other work loads it (wall-clock
# start times are not). For each run: starts the product on one prepared home (an API key made once), polls
# `GET /pbxapi/extensions?limit=1` with the key every 20 ms until it answers 200, then reads the CPU seconds
# (user+system, all threads) that the product's JVM and the embedded MariaDB it started have used so far
# (/proc/PID/stat; the start script's own commands are the JVM's waited-for children, counted in its cutime),
# and stops the product with SIGTERM. Prints each run and the medians: wall seconds to the 200, JVM CPU, mysqld CPU,
# and the load average around the runs.
#
#   bench/start-cpu.sh [--command launcher/target/dialplane/bin/dialplane] [--runs 7] [--work /tmp/start-cpu]
#                      [--opts "JVM OPTIONS" --opts default ...]
#
# Each --opts is a variant of JAVA_OPTS ("default": unset, bin/dialplane's own options; without --opts, JAVA_OPTS as
# it is). With several, the runs alternate between them (run 1 of each, then run 2 of each...) so that a change in
# the machine's load falls on all of them alike, and each gets its own medians. The preparing start writes the AppCDS
# archive, so every counted run uses it.
set -eu
command=launcher/target/dialplane/bin/dialplane
runs=7
work=/tmp/start-cpu
variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --command) command=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --opts) variants+=("$2"); shift 2 ;;
    *) echo "usage: $0 [--command SCRIPT] [--runs N] [--work DIR] [--opts OPTIONS]..." >&2; exit 2 ;;
  esac
done
[ ${#variants[@]} -gt 0 ] || variants=("${JAVA_OPTS:-default}")
command=$(cd "$(dirname "$command")" && pwd)/$(basename "$command")
tick=$(getconf CLK_TCK)
home=$work/used
rm -rf "$home" && mkdir -p "$home"
password=bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Waits until $1 (curl arguments) answers $2; fails after 300 s (a fresh home installs MariaDB first) or when the product died.
await() {
  expected=$1; shift
  deadline=$(( $(date +%s) + 300 ))
  while :; do
    code=$(curl -s -o "$work/answer" -w '%{http_code}' --max-time 5 "$@" || true)
    [ "$code" = "$expected" ] && return 0
    kill -0 "$pid" 2>/dev/null || { echo "start-cpu: the product exited; see $home.log" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "start-cpu: no $expected within 300 s (last $code)" >&2; exit 1; }
    sleep 0.02
  done
}

# CPU seconds (utime+stime, and the waited-for children's when $2 is "all") of process $1.
cpu_of() {
  [ -r "/proc/$1/stat" ] || { echo 0; return; }
  # Fields after the command name, which may hold spaces: utime is field 14 of the whole line, 12 after ")".
  sed 's/.*) //' "/proc/$1/stat" | awk -v t="$tick" -v all="$2" \
    '{ s = $12 + $13; if (all == "all") s += $14 + $15; printf "%.2f\n", s / t }'
}

stop_product() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

start_product() {
  port=$(free_port)
  "$command" --port "$port" --host 127.0.0.1 --home "$home" >>"$home.log" 2>&1 &
  pid=$!
  base=http://127.0.0.1:$port/pbxapi
}

# Prepare: a start with the admin password, an API key, a stop (this start also writes the AppCDS archive).
export DIALPLANE_ADMIN_PASSWORD="$password"
[ "${variants[0]}" = default ] && unset JAVA_OPTS || export JAVA_OPTS="${variants[0]}"
start_product
await 200 -X POST -H 'Content-Type: application/json' \
  -d "{\"user\":\"admin\",\"password\":\"$password\"}" "$base/authenticate"
token=$(sed 's/.*"access_token":"\([^"]*\)".*/\1/' "$work/answer")
await 201 -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
  -d '{"name":"start-cpu","read_only":true}' "$base/apikeys"
key=$(sed 's/.*"key":"\([^"]*\)".*/\1/' "$work/answer")
stop_product
unset DIALPLANE_ADMIN_PASSWORD # the counted starts go without it, as the systemd unit starts the product

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$work"/results.*
i=1
while [ "$i" -le "$runs" ]; do
  v=0
  for opts in "${variants[@]}"; do
    if [ "$opts" = default ]; then unset JAVA_OPTS; else export JAVA_OPTS="$opts"; fi
    started=$(date +%s.%N)
    start_product
    await 200 -H "X-API-Key: $key" "$base/extensions?limit=1"
    ready=$(date +%s.%N)
    jvm=$(cpu_of "$pid" all)
    mysqld=0
    for child in $(pgrep -P "$pid" || true); do
      mysqld=$(echo "$mysqld + $(cpu_of "$child" all)" | bc)
    done
    stop_product
    wall=$(echo "$ready - $started" | bc)
    printf 'run %d [%s]: %.2f s to the 200, JVM %.2f s CPU, mysqld %.2f s CPU, load %s\n' "$i" "$opts" "$wall" \
      "$jvm" "$mysqld" "$(cut -d' ' -f1 /proc/loadavg)"
    echo "$wall $jvm $mysqld" >>"$work/results.$v"
    v=$((v + 1))
  done
  i=$((i + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
v=0
for opts in "${variants[@]}"; do
  r=$work/results.$v
  printf 'median of %d used-home starts [%s]: %.2f s wall to the 200, %.2f s JVM CPU, %.2f s mysqld CPU\n' \
    "$runs" "$opts" "$(cut -d' ' -f1 "$r" | median)" "$(cut -d' ' -f2 "$r" | median)" "$(cut -d' ' -f3 "$r" | median)"
  v=$((v + 1))
done
