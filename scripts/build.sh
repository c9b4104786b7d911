#!/usr/bin/env bash
# Configures and builds flowii-cpp into ${FLOWII_BUILD_DIR:-build}.
# Extra arguments go to the CMake configure step.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FLOWII_BUILD_DIR:-$root/build}"
source "$root/scripts/compiler-cache.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE="${FLOWII_BUILD_TYPE:-RelWithDebInfo}" "${FLOWII_CMAKE_LAUNCHER[@]}" "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
