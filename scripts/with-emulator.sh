#!/usr/bin/env bash
# Starts flowii-emulator on a free loopback port, exports the FLOWII_* variables
# it prints, runs the given command against it, then stops the emulator.
#   scripts/with-emulator.sh <flowii-emulator binary> <command> [args...]
set -euo pipefail
emulator="$1"; shift
out="$(mktemp)"
"$emulator" --port 0 >"$out" 2>&1 </dev/null &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$out"' EXIT

for _ in $(seq 1 200); do
  grep -q '^FLOWII_EMULATOR_LISTENING ' "$out" && break
  kill -0 "$pid" 2>/dev/null || { cat "$out" >&2; echo "flowii-emulator exited early" >&2; exit 1; }
  sleep 0.05
done
grep -q '^FLOWII_EMULATOR_LISTENING ' "$out" || { echo "flowii-emulator did not start" >&2; exit 1; }
# The emulator prints its (fake, demo) credentials as export lines.
eval "$(grep '^export FLOWII_' "$out")"
echo "flowii-emulator running at $FLOWII_API_URL" >&2
"$@"
