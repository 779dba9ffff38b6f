#!/bin/bash
# Used-home starts of several variants, alternated run by run (run 1 of each, then run 2 of each...) so that a change
# in the machine's speed falls on all of them alike. For each start: the launcher's own "ready in X s" (from its main
# to a login that works, no client polling the machine meanwhile) and the CPU seconds its JVM had used by then
# (/proc/PID/stat, with the start script's waited-for children). Prints the medians of each variant.
#
#   bench/start-ab.sh [--runs 9] [--work /tmp/start-ab] LABEL=SCRIPT[@JVM OPTIONS] ...
#
# SCRIPT is a distribution's bin/dialplane; "@..." replaces its default JVM options (JAVA_OPTS). Each variant gets a
# home of its own under --work, prepared by two starts (the first writes the AppCDS archive, the second adopts it).
set -eu
runs=9
work=/tmp/start-ab
variants=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *=*) variants+=("$1"); shift ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
[ ${#variants[@]} -gt 0 ] || { echo "start-ab: name at least one LABEL=SCRIPT" >&2; exit 2; }
mkdir -p "$work"
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Starts variant $1 once; prints "SECONDS CPU" when it said ready, then stops it (SIGTERM, as systemd would).
start_once() {
  local label=${1%%=*} rest=${1#*=} script opts log
  script=${rest%%@*}
  opts=; [ "$rest" != "$script" ] && opts=${rest#*@}
  log=$work/$label.log
  : > "$log"
  if [ -n "$opts" ]; then
    JAVA_OPTS="$opts" "$script" --home "$work/$label" --port "$(free_port)" > "$log" 2>&1 &
  else
    "$script" --home "$work/$label" --port "$(free_port)" > "$log" 2>&1 &
  fi
  pid=$!
  trap 'stop_pid "$pid"' EXIT # also in $(...): a failed start must not leave a product (and its mysqld) running
  until grep -q "ready on" "$log"; do
    sleep 0.1
    kill -0 "$pid" 2>/dev/null || { echo "start-ab: $label exited; see $log" >&2; exit 1; }
  done
  cpu=$(cpu_of "$pid" all)
  seconds=$(grep -o 'ready on .* in [0-9.]* s' "$log" | sed 's/.* in \([0-9.]*\) s/\1/')
  stop_pid "$pid"; pid=
  sleep 1
  echo "$seconds $cpu"
}

for variant in "${variants[@]}"; do
  [ -d "$work/${variant%%=*}/data/cds" ] || { start_once "$variant" > /dev/null; start_once "$variant" > /dev/null; }
done
declare -A seconds cpus
for run in $(seq 1 "$runs"); do
  for variant in "${variants[@]}"; do
    read -r s c < <(start_once "$variant")
    label=${variant%%=*}
    seconds[$label]="${seconds[$label]:-} $s"; cpus[$label]="${cpus[$label]:-} $c"
    echo "run $run [$label]: ready in $s s, JVM $c s CPU, load $(cut -d' ' -f1 /proc/loadavg)"
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for variant in "${variants[@]}"; do
  label=${variant%%=*}
  echo "median of $runs used-home starts [$label]: ready in $(echo "${seconds[$label]}" | median) s, JVM $(echo "${cpus[$label]}" | median) s CPU"
done
