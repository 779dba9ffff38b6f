#!/usr/bin/env bash
# Product against product: two distributions of Dialplane on one database, measured by the bench's load tool in
# the same run, the first as its "Dialplane" and the second as its "baseline" (so the ratio is NEW/OLD).
#
#   bench/compare.sh NEW_DIST OLD_DIST [load options: --scenarios a,b --connections 1,16 --warmup S --duration S
#                                       --extensions N ...]
#
# NEW_DIST and OLD_DIST are distribution directories (like launcher/target/dialplane; copy one to keep it, and put
# an etc/*.cfg in a copy to compare configurations). OLD starts first with its embedded MariaDB; NEW uses that
# database (DIALPLANE_DB_URL), so both read the same rows with the same token secret. Both get the example vendor
# bundle. JAVA_OPTS applies to both (default: the JVM options the README's Performance section uses); NEW_JAVA_OPTS
# is added for NEW only (e.g. a flight recording: -XX:StartFlightRecording=settings=profile,filename=/tmp/new.jfr).
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
new_dist=$(cd "$1" && pwd) old_dist=$(cd "$2" && pwd)
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
bench_jar=$root/bench/target/dialplane-bench.jar
export JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms64m -Xmx256m"}
export DIALPLANE_ADMIN_PASSWORD=${DIALPLANE_ADMIN_PASSWORD:-bench-$RANDOM$RANDOM$RANDOM}

work=$(mktemp -d "${TMPDIR:-/tmp}/dialplane-compare.XXXXXX")
old_pid="" new_pid=""
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
trap 'stop_pid "$new_pid"; stop_pid "$old_pid"; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
tool() { java -Xmx512m -jar "$bench_jar" "$@"; }

start() { # name dist -> sets port_<name>, pid in last_pid
  local name=$1 dist=$2 port home=$work/$1
  port=$(tool freeport)
  mkdir -p "$home/deploy"
  "$dist/bin/dialplane" --port "$port" --host 127.0.0.1 --home "$home" > "$work/$name.log" 2>&1 &
  last_pid=$!
  tool await --url "http://127.0.0.1:$port" --timeout 300 --pid "$last_pid" ||
    { echo "$name did not become healthy:" >&2; tail -n 40 "$work/$name.log" >&2; exit 1; }
  cp "$dist/examples/org.dialplane.example.vendor.jar" "$home/deploy/.example.part"
  mv "$home/deploy/.example.part" "$home/deploy/example-vendor.jar"
  tool await --url "http://127.0.0.1:$port" --path /pbxapi/vendor/hello --timeout 120
  tool await --url "http://127.0.0.1:$port" --path /pbxapi/authenticate --status 405 --timeout 300
  last_port=$port
}

echo "== load average $(cut -d' ' -f1-3 /proc/loadavg); JVM options: $JAVA_OPTS"
start old "$old_dist"; old_pid=$last_pid old_port=$last_port
for pid in $(descendants "$old_pid"); do
  db_port=$(tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | sed -n 's/^--port=\([0-9]*\)$/\1/p' | head -n 1)
  [ -n "$db_port" ] && break
done
[ -n "${db_port:-}" ] || { echo "no embedded MariaDB found under the old distribution" >&2; exit 1; }
JAVA_OPTS="$JAVA_OPTS ${NEW_JAVA_OPTS:-}" DIALPLANE_DB_URL="jdbc:mariadb://127.0.0.1:$db_port/asterisk" DIALPLANE_DB_USER=dialplane \
  DIALPLANE_DB_PASSWORD=$(cat "$work/old/data/mariadb.password") start new "$new_dist"
new_pid=$last_pid new_port=$last_port

echo "== NEW $new_dist on :$new_port (as \"Dialplane\"), OLD $old_dist on :$old_port (as \"baseline\")"
tool load --dialplane "http://127.0.0.1:$new_port" --baseline "http://127.0.0.1:$old_port" --out "$work/table.md" \
  --dialplane-pid "$new_pid" --baseline-pid "$old_pid" "$@" > /dev/null
echo "== load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (ratio column: NEW/OLD)"
cat "$work/table.md"
