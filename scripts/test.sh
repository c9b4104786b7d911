#!/usr/bin/env bash
# README command 2 (and what CI runs): install what is needed, build with
# warnings as errors, and run the whole test suite with ctest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FLOWII_BUILD_DIR:-$root/build}"
"$root/scripts/install-deps.sh"
FLOWII_BUILD_DIR="$build" "$root/scripts/build.sh" -DFLOWII_WERROR=ON
cd "$build"
ctest --output-on-failure -j"$(nproc)" --timeout 600
