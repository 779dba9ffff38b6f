#!/usr/bin/env bash
# CPU time of the product's JVM per request, and optionally a flight recording per case: a measure that a loaded,
# shared machine disturbs far less than req/s (see README "Performance", "Session 6: cheap requests").
#
#   bench/cpu/cpu-per-request.sh DIST [CpuPerRequest options: --scenarios a,b --connections 1,16
#                                      --warmup-requests N --requests N --repeat N --extensions N]
#
# DIST is a distribution directory (launcher/target/dialplane or a copy). It starts with a fresh home and the
# example vendor bundle, then CpuPerRequest reads utime+stime of its JVM from /proc/PID/stat around a fixed number
# of requests. --jfr DIR adds a flight recording (settings=profile) of one more run of each case, after the login
# and the warm-up, into DIR/SCENARIO-CONNECTIONS.jfr, to read with: java bench/cpu/JfrShares.java DIR/health-16.jfr
# JAVA_OPTS: the JVM options (default: those of the README's Performance runs, with a JFR stack depth of 256).
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
dist=$(cd "$1" && pwd)
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
bench_jar=$root/bench/target/dialplane-bench.jar
export JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseSerialGC -Xms64m -Xmx256m -XX:FlightRecorderOptions:stackdepth=256"}
export DIALPLANE_ADMIN_PASSWORD=${DIALPLANE_ADMIN_PASSWORD:-bench-$RANDOM$RANDOM$RANDOM}

work=$(mktemp -d "${TMPDIR:-/tmp}/dialplane-cpu.XXXXXX")
pid=""
# shellcheck source=../lib.sh
. "$root/bench/lib.sh"
trap 'stop_pid "$pid"; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM
tool() { java -Xmx512m -jar "$bench_jar" "$@"; }
cpu() { java -Xmx512m -cp "$bench_jar" "$root/bench/cpu/CpuPerRequest.java" --url "http://127.0.0.1:$port" --pid "$pid" "$@"; }

port=$(tool freeport)
mkdir -p "$work/home/deploy"
"$dist/bin/dialplane" --port "$port" --host 127.0.0.1 --home "$work/home" > "$work/dialplane.log" 2>&1 &
pid=$! # the start script execs the JVM, so this is the JVM's pid
tool await --url "http://127.0.0.1:$port" --timeout 300 --pid "$pid" ||
  { echo "did not become healthy:" >&2; tail -n 40 "$work/dialplane.log" >&2; exit 1; }
cp "$dist/examples/org.dialplane.example.vendor.jar" "$work/home/deploy/.example.part"
mv "$work/home/deploy/.example.part" "$work/home/deploy/example-vendor.jar"
tool await --url "http://127.0.0.1:$port" --path /pbxapi/vendor/hello --timeout 120
tool await --url "http://127.0.0.1:$port" --path /pbxapi/authenticate --status 405 --timeout 300

echo "== $dist, pid $pid, load average $(cut -d' ' -f1-3 /proc/loadavg); JVM options: $JAVA_OPTS"
cpu "$@"
