#!/usr/bin/env bash
# Runs a command with the calendar moved (faketime's syntax, e.g. +365d), the
# monotonic clocks left alone:
#   run-shifted.sh OFFSET COMMAND [ARGS...]
set -euo pipefail
offset="$1"; shift
command -v faketime >/dev/null || {
  echo "run-shifted.sh: faketime is missing (scripts/install-deps.sh installs it)" >&2
  exit 1
}
export FAKETIME_DONT_FAKE_MONOTONIC=1
# The run proves something only if the calendar really moved.
real=$(date -u +%Y-%m-%d)
shifted=$(faketime -f "$offset" date -u +%Y-%m-%d)
if [ "$real" = "$shifted" ]; then
  echo "run-shifted.sh: faketime did not move the calendar from $real" >&2
  exit 1
fi
echo "run-shifted.sh: the calendar says $shifted (today is $real)" >&2
exec faketime -f "$offset" "$@"
