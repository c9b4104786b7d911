#!/usr/bin/env bash
# Runs Dredd (every transaction of FLOWii's blueprint) against a freshly started
# flowii-emulator and prints Dredd's counts. Exits 77 (ctest: skipped) when the
# reference blueprint or the project-local Dredd is missing.
#   tests/contract/run-dredd.sh <flowii-emulator binary> <reference dir> [dredd binary]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
emulator="$1"
blueprint="$2/flowii-api.testable.apib"
dredd="${3:-$root/.tools/dredd/node_modules/.bin/dredd}"

log="$(mktemp)"
derived="$(mktemp --suffix=.apib)"
trap 'rm -f "$log" "$derived"' EXIT
# Without the testable copy, derive it from the official blueprint with the
# reference folder's own script (parameter examples and syntax fixes only).
if [ ! -f "$blueprint" ] && [ -f "$2/flowii-api.apib" ] && [ -f "$2/make-testable-apib.py" ]; then
  python3 "$2/make-testable-apib.py" --src "$2/flowii-api.apib" --out "$derived" >/dev/null && blueprint="$derived"
fi
if [ ! -f "$blueprint" ]; then
  echo "SKIP: no $blueprint" >&2
  exit 77
fi
if [ ! -x "$dredd" ] || ! command -v node >/dev/null; then
  echo "SKIP: Dredd is not installed at $dredd (scripts/install-deps.sh installs it)" >&2
  exit 77
fi

status=0
# --loglevel warning keeps Dredd's per-transaction pass lines out; failures
# are still printed in full.
bash "$root/scripts/with-emulator.sh" "$emulator" \
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
echo "contract_dredd: passing $(count passing), failing $(count failing), errors $(count errors)," \
     "skipped $(count skipped), total $(count total)"
[ "$status" -eq 0 ] && [ "$(count failing)" -eq 0 ] && [ "$(count errors)" -eq 0 ]
