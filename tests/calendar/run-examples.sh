#!/usr/bin/env bash
# Runs each example program against a fresh flowii-emulator; fails on the first
# that fails, naming it:
#   run-examples.sh <flowii-emulator> <example> [<example>...]
set -euo pipefail
emulator="$1"; shift
for example in "$@"; do
  if ! "$emulator" --port 0 -- "$example" >"$(basename "$example").out" 2>&1; then
    cat "$(basename "$example").out" >&2
    echo "run-examples.sh: $(basename "$example") failed" >&2
    exit 1
  fi
  echo "ok: $(basename "$example")"
done
