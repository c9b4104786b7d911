#!/usr/bin/env bash
# README command 2 (and what CI runs): install what is needed, build with
# warnings as errors, and run the whole test suite with ctest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FLOWII_BUILD_DIR:-$root/build}"
"$root/scripts/install-deps.sh"
# -O2 as in a release, without debug info: -g nearly doubles the compile time
# of the test files, and a failing test is debugged in a build of one's own.
FLOWII_BUILD_DIR="$build" FLOWII_BUILD_TYPE=Release "$root/scripts/build.sh" -DFLOWII_WERROR=ON \
  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG"
cd "$build"
# Twice as many tests as cores: many of them wait on sockets (an emulated stall
# holds until the client's timeout), and the ones that compile ask for 2 slots.
ctest --output-on-failure -j"$((2 * $(nproc)))" --timeout 600
