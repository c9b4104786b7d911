#!/usr/bin/env bash
# README command 1: install what is needed, build, start the bundled FLOWii
# emulator on a free loopback port and run examples/quickstart.cpp against it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FLOWII_BUILD_DIR:-$root/build}"
"$root/scripts/install-deps.sh"
FLOWII_BUILD_DIR="$build" "$root/scripts/build.sh"
exec "$root/scripts/with-emulator.sh" "$build/tools/emulator/flowii-emulator" "$build/examples/quickstart"
