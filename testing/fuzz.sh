#!/usr/bin/env bash
# Fuzzes every @FuzzTest of the bundles with Jazzer, one target at a time (Jazzer fuzzes one per JVM), each for the
# maxDuration its annotation gives (1 minute), with Jazzer's bug detector hooks on. Repeat with ROUNDS=n: the
# generated corpus (.cifuzz-corpus/ in each module, not committed) carries over, so each round goes deeper.
# A finding fails its target and is saved by Jazzer as a file in the test's Inputs resources folder, which
# `mvn test` then replays as a regression test. Prints one line per target and the totals.
# Usage: testing/fuzz.sh [module-filter]   e.g. testing/fuzz.sh core
set -u
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-1}
FILTER=${1:-}
LOG=${FUZZ_LOG:-target/fuzz}
mkdir -p "$LOG"
mvn -B -q -o test-compile -pl "$(ls -d bundles/*/ | sed 's#/$##' | paste -sd, -)" >/dev/null || exit 1
total_runs=0 total_seconds=0 failed=0 targets=0
for round in $(seq 1 "$ROUNDS"); do
  for file in $(grep -rl --include='*FuzzTest.java' '@FuzzTest' bundles/*/src/test/java); do
    module=$(echo "$file" | cut -d/ -f1-2)
    [[ -n "$FILTER" && "$module" != *"$FILTER"* ]] && continue
    class=$(basename "$file" .java)
    for method in $(grep -A1 '@FuzzTest' "$file" | grep -oE 'void [A-Za-z0-9_]+' | cut -d' ' -f2); do
      out="$LOG/$class.$method.log"
      JAZZER_FUZZ=1 mvn -B -o surefire:test -pl "$module" -Djazzer.hooks=true -Dtest="$class#$method" \
          -Dsurefire.failIfNoSpecifiedTests=false >"$out" 2>&1
      rc=$?
      done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$out" | tail -1)
      runs=$(echo "$done_line" | awk '{print $2}'); seconds=$(echo "$done_line" | awk '{print $5}')
      total_runs=$((total_runs + ${runs:-0})); total_seconds=$((total_seconds + ${seconds:-0}))
      targets=$((targets + 1))
      if [[ $rc -ne 0 ]]; then failed=$((failed + 1)); status="FINDING or error (see $out)"; else status=ok; fi
      printf '%-28s %-80s %10s runs %4s s  %s\n' "$class" "$method" "${runs:-?}" "${seconds:-?}" "$status"
    done
  done
done
echo "targets: $targets, executions: $total_runs, fuzzing time: ${total_seconds} s, targets failing: $failed"
[[ $failed -eq 0 ]]
