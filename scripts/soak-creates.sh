#!/usr/bin/env bash
# The create soak at full size: 2,000 creates across modules with random lost
# answers against the in-process emulator (tests/integration/create_soak_test.cpp;
# ctest runs it with a smaller count). Prints the "soak:" figures line.
#   scripts/soak-creates.sh [CREATES]        (default 2000; needs a build in build/)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FLOWII_BUILD_DIR:-$root/build}"
[ -x "$build/tests/integration_tests" ] || { echo "soak-creates.sh: build first (./scripts/build.sh)" >&2; exit 1; }
FLOWII_SOAK_CREATES="${1:-2000}" "$build/tests/integration_tests" --gtest_filter='CreateSoakTest.*' | grep -E '^soak:|PASSED|FAILED'
