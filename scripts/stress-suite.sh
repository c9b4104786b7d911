#!/usr/bin/env bash
# The whole suite under a sanitizer, several times in a row, with CPU hogs
# running beside it: the proof that no test depends on the machine's speed.
#   scripts/stress-suite.sh [RUNS] [address|thread]     (defaults: 5, thread)
# Builds like scripts/sanitize.sh (same build directory), then runs ctest RUNS
# times while `stress --cpu <cores>` keeps every core busy, and prints one line
# per run and a closing "N passed, N failed" line over the runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
kind="${2:-thread}"
build="${FLOWII_BUILD_DIR:-$root/build-$kind}"
FLOWII_SANITIZE_NO_TEST=1 "$root/scripts/sanitize.sh" "$kind"
command -v stress >/dev/null || { echo "stress-suite.sh: stress is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }

cores="$(nproc)"
stress --cpu "$cores" --quiet &
hog=$!
trap 'kill "$hog" 2>/dev/null || true; wait "$hog" 2>/dev/null || true' EXIT

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
passed=0 failed=0
for run in $(seq 1 "$runs"); do
  log="$build/stress-run-$run.log"
  start=$(date +%s)
  # As many tests at once as scripts/sanitize.sh runs (twice the cores), with the hogs on top.
  if (cd "$build" && ctest --output-on-failure -j"$((2 * cores))" --timeout 900 -LE packaging >"$log" 2>&1); then
    passed=$((passed + 1)) verdict=passed
  else
    failed=$((failed + 1)) verdict=FAILED
  fi
  summary=$(grep -E '^[0-9]+% tests passed' "$log" || echo "no summary")
  echo "run $run/$runs ($kind, stress --cpu $cores): $verdict; $summary; $(($(date +%s) - start)) s; log: $log"
  [ "$verdict" = passed ] || grep -E '^\s+[0-9]+ - ' "$log" || true
done
echo "stress: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
