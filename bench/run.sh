#!/usr/bin/env bash
# Benchmarks Dialplane against a bare Jetty baseline in the same run, on loopback only. See bench/README.md.
#
#   bench/run.sh [--duration S] [--warmup S] [--scenarios a,b] [--connections 1,16,64] [--extensions N]
#                [--cold-runs N] [--deploy-runs N] [--import-rows N] [--build] [--keep]
#
# Environment: DIALPLANE_DB_URL/_USER/_PASSWORD (both servers use that database instead of the product's
# embedded one), JAVA_OPTS (JVM options of both servers; default: the product's own defaults),
# DIALPLANE_ADMIN_PASSWORD (the admin password the product starts with and the load logs in with; default random).
set -euo pipefail

duration=4 warmup=1 scenarios="" connections="1,16,64" extensions=10000 cold_runs=5 deploy_runs=5 import_rows=10000
build=auto keep=no seed=true
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --scenarios) scenarios=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --extensions) extensions=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --cold-runs) cold_runs=$2; shift 2 ;;
    --deploy-runs) deploy_runs=$2; shift 2 ;;
    --import-rows) import_rows=$2; shift 2 ;;
    --build) build=always; shift ;;
    --keep) keep=yes; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
dist=$root/launcher/target/dialplane
bench_jar=$root/bench/target/dialplane-bench.jar
example_jar=$dist/examples/org.dialplane.example.vendor.jar

# --- build when asked, when missing, or when a source is newer than what was built -------------------
stale() {
  [ -x "$dist/bin/dialplane" ] && [ -f "$bench_jar" ] || return 0
  [ -n "$(find "$root/pom.xml" "$root/bundles" "$root/features" "$root/launcher/src" "$root/launcher/pom.xml" \
           "$root/bench/src" "$root/bench/pom.xml" -newer "$bench_jar" -type f -print -quit 2>/dev/null)" ] ||
  [ -n "$(find "$root/bundles" "$root/features" "$root/launcher/src" \
           -newer "$dist/lib/dialplane-launcher.jar" -type f -print -quit 2>/dev/null)" ]
}
if [ "$build" = always ] || stale; then
  echo "== building (mvn -B -q package -DskipTests -pl launcher,bench -am)"
  # The reactor resolves its own modules: nothing is installed into ~/.m2.
  (cd "$root" && mvn -B -q package -DskipTests -pl launcher,bench -am)
fi

# --- processes we start, and their clean-up --------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/dialplane-bench.XXXXXX")
product_pid="" baseline_pid="" tool_pid=""
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
cleanup() {
  stop_pid "$tool_pid"; stop_pid "$baseline_pid"; stop_pid "$product_pid"
  if [ "$keep" = yes ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

tool() { java -Xmx512m -jar "$bench_jar" "$@"; }
# A tool that may run long runs in the background so that the trap can end it (and its children) at once.
tool_bg() { java -Xmx512m -jar "$bench_jar" "$@" & tool_pid=$!; wait "$tool_pid"; tool_pid=""; }

# Both servers get the same JVM options: JAVA_OPTS if set, else the product's defaults from its start script.
product_opts=$(sed -n 's/.*\${JAVA_OPTS:-\([^}]*\)}.*/\1/p' "$dist/bin/dialplane" | head -n 1)
server_opts=${JAVA_OPTS:-$product_opts}
export DIALPLANE_ADMIN_PASSWORD=${DIALPLANE_ADMIN_PASSWORD:-bench-$RANDOM$RANDOM$RANDOM}

echo "== machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2 " memory, " $7 " available"}'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== java: $(java -version 2>&1 | head -n 1); server JVM options: $server_opts"

# --- cold start: fresh home and port each time ------------------------------------------------------
results=$work/results.txt
: > "$results"
if [ "$cold_runs" -gt 0 ]; then
  echo "== cold start x$cold_runs"
  tool_bg coldstart --command "$dist/bin/dialplane" --runs "$cold_runs" --work "$work/cold" >> "$results"
fi

# --- the product under load, with the example vendor bundle deployed ---------------------------------
home=$work/home
port=$(tool freeport)
mkdir -p "$home/deploy"
echo "== starting Dialplane on 127.0.0.1:$port (home $home)"
"$dist/bin/dialplane" --port "$port" --host 127.0.0.1 --home "$home" > "$work/dialplane.log" 2>&1 &
product_pid=$!
tool await --url "http://127.0.0.1:$port" --timeout 300 --pid "$product_pid" ||
  { echo "Dialplane did not become healthy; its log:" >&2; tail -n 40 "$work/dialplane.log" >&2; exit 1; }
cp "$example_jar" "$home/deploy/.bench-example.part"
mv "$home/deploy/.bench-example.part" "$home/deploy/bench-$(basename "$example_jar")"
tool await --url "http://127.0.0.1:$port" --path /pbxapi/vendor/hello --timeout 120
# Login (and every resource that needs the database) is served once the database is up and migrated; the
# embedded one starts beside the container, so health answers before it.
tool await --url "http://127.0.0.1:$port" --path /pbxapi/authenticate --status 405 --timeout 300

# The baseline reads the product's database: the configured one, or the embedded server the product started.
db_url=${DIALPLANE_DB_URL:-} db_user=${DIALPLANE_DB_USER:-} db_password=${DIALPLANE_DB_PASSWORD:-}
if [ -z "$db_url" ] && [ -f "$home/data/mariadb.password" ]; then
  for pid in $(descendants "$product_pid"); do
    db_port=$(tr '\0' '\n' < "/proc/$pid/cmdline" 2>/dev/null | sed -n 's/^--port=\([0-9]*\)$/\1/p' | head -n 1)
    if [ -n "$db_port" ]; then
      db_url="jdbc:mariadb://127.0.0.1:$db_port/asterisk" db_user=dialplane
      db_password=$(cat "$home/data/mariadb.password")
      break
    fi
  done
fi
[ -n "$db_url" ] && echo "== baseline database: ${db_url%%\?*}" ||
  echo "== baseline database: none (the product has none yet); database scenarios will be skipped"

baseline_port=$(tool freeport)
# shellcheck disable=SC2086 # the JVM options are a list
BASELINE_DB_URL=$db_url BASELINE_DB_USER=$db_user BASELINE_DB_PASSWORD=$db_password \
  java $server_opts -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar "$bench_jar" baseline \
  --port "$baseline_port" > "$work/baseline.log" 2>&1 &
baseline_pid=$!
tool await --url "http://127.0.0.1:$baseline_port" --timeout 30 --pid "$baseline_pid" ||
  { echo "the baseline did not start; its log:" >&2; cat "$work/baseline.log" >&2; exit 1; }

echo "== load: duration ${duration}s after ${warmup}s warm-up per case, connections $connections"
tool_bg load --dialplane "http://127.0.0.1:$port" --baseline "http://127.0.0.1:$baseline_port" \
  --scenarios "$scenarios" --connections "$connections" --warmup "$warmup" --duration "$duration" \
  --extensions "$extensions" --seed "$seed" --dialplane-pid "$product_pid" --baseline-pid "$baseline_pid" \
  --out "$work/table.md" > /dev/null

rss() { awk -v what="$2" '$1 == what":" {printf "%.0f MB", $2 / 1024}' "/proc/$1/status"; }
echo "RSS of Dialplane after the load: $(rss "$product_pid" VmRSS) (peak $(rss "$product_pid" VmHWM)), baseline: $(rss "$baseline_pid" VmRSS)" | tee -a "$results"

if [ "$deploy_runs" -gt 0 ]; then
  echo "== hot deploy x$deploy_runs"
  tool_bg hotdeploy --dialplane "http://127.0.0.1:$port" --deploy "$home/deploy" --jar "$example_jar" \
    --runs "$deploy_runs" >> "$results"
fi

# --- bulk import (issue 16 item 6): N new extensions as one CSV, then the same rows updated ------------
if [ "$import_rows" -gt 0 ]; then
  echo "== bulk import of $import_rows extensions, then again updating them"
  tool_bg bulkimport --dialplane "http://127.0.0.1:$port" --rows "$import_rows" --dialplane-pid "$product_pid" \
    >> "$results" ||
    echo "bulk import: FAILED (the lines above say why)" >> "$results"
fi

echo
echo "== results ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end)"
cat "$work/table.md"
echo
cat "$results"
