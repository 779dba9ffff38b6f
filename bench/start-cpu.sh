#!/bin/bash
# CPU time of a used-home start: what a start costs the machine, comparable while other work loads it (wall-clock
# start times are not). For each run: starts the product on a prepared home (an API key made once), polls
# `GET /pbxapi/extensions?limit=1` with the key every 20 ms until it answers 200, then reads the CPU seconds
# (user+system, all threads) that the product's JVM and the embedded MariaDB it started have used so far
# (/proc/PID/stat; the start script's own commands are the JVM's waited-for children, counted in its cutime),
# and stops the product with SIGTERM. Prints each run and the medians: wall seconds to the 200, JVM CPU, mysqld CPU,
# and the load average around the runs.
#
#   bench/start-cpu.sh [--runs 7] [--work /tmp/start-cpu]
#                      [--command launcher/target/dialplane/bin/dialplane ...] [--opts "JVM OPTIONS" ...]
#
# Each --opts is a variant of JAVA_OPTS ("default": unset, bin/dialplane's own options; without --opts, JAVA_OPTS as
# it is); each --command a distribution's start script (A/B of two builds), with a home of its own. Every command runs
# with every opts; the runs alternate between these variants (run 1 of each, then run 2 of each...) so that a change
# in the machine's load falls on all of them alike, and each variant gets its own medians. A home's preparing start
# writes its AppCDS archive, so every counted run uses one.
set -eu
runs=7
work=/tmp/start-cpu
commands=()
options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --command) commands+=("$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"); shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --opts) options+=("$2"); shift 2 ;;
    *) echo "usage: $0 [--runs N] [--work DIR] [--command SCRIPT]... [--opts OPTIONS]..." >&2; exit 2 ;;
  esac
done
[ ${#commands[@]} -gt 0 ] || commands=("$(pwd)/launcher/target/dialplane/bin/dialplane")
[ ${#options[@]} -gt 0 ] || options=("${JAVA_OPTS:-default}")
password=bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
mkdir -p "$work"

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Waits until the request (curl arguments after $1) answers $1 (each try may take a minute: a login derives a PBKDF2
# hash, slow on a loaded machine); fails after 300 s (a fresh home installs MariaDB
# first) or when the product died.
await() {
  expected=$1; shift
  deadline=$(( $(date +%s) + 300 ))
  while :; do
    code=$(curl -s -o "$work/answer" -w '%{http_code}' --max-time 60 "$@" || true)
    [ "$code" = "$expected" ] && return 0
    kill -0 "$pid" 2>/dev/null || { echo "start-cpu: the product exited; see $home.log" >&2; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "start-cpu: no $expected within 300 s (last $code)" >&2; exit 1; }
    sleep 0.02
  done
}

use_opts() { if [ "$1" = default ]; then unset JAVA_OPTS; else export JAVA_OPTS="$1"; fi; }

start_product() { # command home
  home=$2
  port=$(free_port)
  "$1" --port "$port" --host 127.0.0.1 --home "$home" >>"$home.log" 2>&1 &
  pid=$!
  base=http://127.0.0.1:$port/pbxapi
}

stop_product() {
  [ -n "${pid:-}" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
}
trap stop_product EXIT # a failed wait must not leave a product (and its mysqld) running

# Prepare each command's home: a start with the admin password, an API key, a stop (this start also writes the
# AppCDS archive). The counted starts go without the password, as the systemd unit starts the product.
keys=()
c=0
for command in "${commands[@]}"; do
  rm -rf "$work/used-$c" "$work/used-$c.log" && mkdir -p "$work/used-$c"
  use_opts "${options[0]}"
  DIALPLANE_ADMIN_PASSWORD=$password start_product "$command" "$work/used-$c"
  await 200 -X POST -H 'Content-Type: application/json' \
    -d "{\"user\":\"admin\",\"password\":\"$password\"}" "$base/authenticate"
  token=$(sed 's/.*"access_token":"\([^"]*\)".*/\1/' "$work/answer")
  await 201 -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
    -d '{"name":"start-cpu","read_only":true}' "$base/apikeys"
  keys+=("$(sed 's/.*"key":"\([^"]*\)".*/\1/' "$work/answer")")
  stop_product
  c=$((c + 1))
done
unset DIALPLANE_ADMIN_PASSWORD

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$work"/results.*
for ((i = 1; i <= runs; i++)); do
  for ((c = 0; c < ${#commands[@]}; c++)); do
    for ((o = 0; o < ${#options[@]}; o++)); do
      use_opts "${options[$o]}"
      started=$(date +%s.%N)
      start_product "${commands[$c]}" "$work/used-$c"
      await 200 -H "X-API-Key: ${keys[$c]}" "$base/extensions?limit=1"
      ready=$(date +%s.%N)
      jvm=$(cpu_of "$pid" all)
      mysqld=0
      for child in $(pgrep -P "$pid" || true); do
        mysqld=$(echo "$mysqld + $(cpu_of "$child" all)" | bc)
      done
      stop_product
      wall=$(echo "$ready - $started" | bc)
      printf 'run %d [%s] [%s]: %.2f s to the 200, JVM %.2f s CPU, mysqld %.2f s CPU, load %s\n' "$i" \
        "${commands[$c]}" "${options[$o]}" "$wall" "$jvm" "$mysqld" "$(cut -d' ' -f1 /proc/loadavg)"
      echo "$wall $jvm $mysqld" >>"$work/results.$c.$o"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for ((c = 0; c < ${#commands[@]}; c++)); do
  for ((o = 0; o < ${#options[@]}; o++)); do
    r=$work/results.$c.$o
    printf 'median of %d used-home starts [%s] [%s]: %.2f s wall to the 200, %.2f s JVM CPU, %.2f s mysqld CPU\n' \
      "$runs" "${commands[$c]}" "${options[$o]}" "$(cut -d' ' -f1 "$r" | median)" "$(cut -d' ' -f2 "$r" | median)" \
      "$(cut -d' ' -f3 "$r" | median)"
  done
done
