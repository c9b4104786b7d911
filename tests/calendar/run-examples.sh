#!/usr/bin/env bash
# Runs each example program against a fresh flowii-emulator; fails on the first
# that fails, naming it. The options after an example (words that start with
# "-") are its arguments:
#   run-examples.sh <flowii-emulator> <example> [<option>...] [<example> [<option>...]...]
set -euo pipefail
emulator="$1"; shift
run() {
  local example="$1"; shift
  if ! "$emulator" --port 0 -- "$example" "$@" >"$(basename "$example").out" 2>&1; then
    cat "$(basename "$example").out" >&2
    echo "run-examples.sh: $(basename "$example") failed" >&2
    exit 1
  fi
  echo "ok: $(basename "$example")"
}
command=()
for word in "$@"; do
  if [[ "$word" != -* && ${#command[@]} -gt 0 ]]; then
    run "${command[@]}"
    command=()
  fi
  command+=("$word")
done
[[ ${#command[@]} -eq 0 ]] || run "${command[@]}"
