#!/usr/bin/env bash
# Runs Dredd (every transaction of FLOWii's blueprint) against a freshly started
# flowii-emulator and prints Dredd's counts. Fails when a transaction fails or
# errs, or when fewer than $min_passing pass.
# Exits 77 (ctest: skipped) when the reference blueprint or the project-local
# Dredd is missing, except in CI (CI=true), where that is a failure (exit 1).
#   tests/contract/run-dredd.sh <flowii-emulator binary> <reference dir> [dredd binary]
set -euo pipefail

# The least number of passing transactions accepted. It is the count of the
# last full run (136 transactions: 134 pass, 2 are skipped by hooks.js); raise
# it whenever more pass, so that a transaction that silently stops passing
# (dropped, skipped or no longer tested) fails the run.
min_passing=134

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
emulator="$1"
blueprint="$2/flowii-api.testable.apib"
dredd="${3:-$root/.tools/dredd/node_modules/.bin/dredd}"

# A missing prerequisite: skipped on a developer's machine, a failure in CI.
missing() {
  if [ "${CI:-}" = "true" ]; then
    echo "FAIL: $1" >&2
    echo "  CI=true: the contract must run in CI, so this is a failure, not a skip. $2" >&2
    exit 1
  fi
  echo "SKIP: $1. $2" >&2
  exit 77
}

log="$(mktemp)"
derived="$(mktemp --suffix=.apib)"
trap 'rm -f "$log" "$derived"' EXIT
# Without the testable copy, derive it from the official blueprint with the
# reference folder's own script (parameter examples and syntax fixes only).
if [ ! -f "$blueprint" ] && [ -f "$2/flowii-api.apib" ] && [ -f "$2/make-testable-apib.py" ]; then
  python3 "$2/make-testable-apib.py" --src "$2/flowii-api.apib" --out "$derived" >/dev/null && blueprint="$derived"
fi
if [ ! -f "$blueprint" ]; then
  missing "the blueprint is missing: no $blueprint (nor $2/flowii-api.apib with $2/make-testable-apib.py)" \
    "Put FLOWii's reference folder there, or configure with -DFLOWII_REFERENCE_DIR=<folder holding it>."
fi
if [ ! -x "$dredd" ]; then
  missing "Dredd is missing: not installed at $dredd" "scripts/install-deps.sh installs it into .tools/dredd."
fi
if ! command -v node >/dev/null; then
  missing "Node.js (node), which runs Dredd, is missing" "scripts/install-deps.sh installs it."
fi

status=0
# --loglevel warning keeps Dredd's per-transaction pass lines out; failures
# are still printed in full.
"$emulator" --port 0 -- \
  bash -c '"$1" "$2" "$FLOWII_API_URL" --hookfiles "$3" --language nodejs --no-color --loglevel warning' \
  dredd "$dredd" "$blueprint" "$here/hooks.js" >"$log" 2>&1 || status=$?
# Node's own deprecation notices are noise here.
grep -v -e 'padLevels' -e 'node --trace-warnings' "$log" || true

summary="$(grep -E 'complete: .* total' "$log" | tail -1 || true)"
if [ -z "$summary" ]; then
  echo "contract_dredd: Dredd did not finish (exit $status)" >&2
  exit 1
fi
count() { echo "$summary" | grep -oE "[0-9]+ $1" | grep -oE '[0-9]+' || echo 0; }
passing="$(count passing)"
echo "contract_dredd: passing $passing, failing $(count failing), errors $(count errors)," \
     "skipped $(count skipped), total $(count total)"
if [ "$passing" -lt "$min_passing" ]; then
  echo "contract_dredd: FAIL: only $passing transactions pass, fewer than the $min_passing" \
       "that passed before (min_passing in $0)" >&2
  exit 1
fi
[ "$status" -eq 0 ] && [ "$(count failing)" -eq 0 ] && [ "$(count errors)" -eq 0 ]
