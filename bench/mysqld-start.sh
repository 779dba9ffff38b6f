#!/bin/bash
# The embedded MariaDB alone: from starting mysqld on a home's used data directory to its "ready for connections",
# and the CPU seconds it used by then (/proc/PID/stat), RUNS times; the product's own arguments, then EXTRA ones.
# Stop the product on that home first.
#
#   bench/mysqld-start.sh HOME/data/mariadb [RUNS] [EXTRA MYSQLD OPTIONS...]
set -eu
[ $# -ge 1 ] || { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
root=$(cd "$1" && pwd); runs=${2:-3}; shift; [ $# -gt 0 ] && shift
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
user=(); [ "$(id -un)" = root ] && user=(--user=root) # mysqld refuses to run as root unless told to
for run in $(seq 1 "$runs"); do
  log=$(mktemp)
  port=$(free_port)
  begun=$(date +%s%N)
  LD_LIBRARY_PATH=$root/base/libs "$root/base/bin/mariadbd" --no-defaults --console --max_allowed_packet=64M \
    --basedir="$root/base" --datadir="$root/data" --tmpdir="$root/tmp" --port="$port" \
    --socket="$root/tmp/bench.sock" --bind-address=127.0.0.1 --skip-name-resolve --skip-ssl \
    --character-set-server=utf8mb4 "${user[@]}" "$@" > "$log" 2>&1 &
  pid=$!
  until grep -q "ready for connections" "$log"; do
    sleep 0.005
    kill -0 "$pid" 2>/dev/null || { echo "mysqld-start: mysqld exited:" >&2; cat "$log" >&2; exit 1; }
  done
  ended=$(date +%s%N)
  cpu=$(cpu_of "$pid")
  echo "run $run: ready in $(( (ended - begun) / 1000000 )) ms, $cpu s CPU"
  stop_pid "$pid"
  rm -f "$log"
done
