#!/usr/bin/env bash
# The test suite under a sanitizer, in its own build directory:
#   scripts/sanitize.sh address   # ASan + UBSan (any error fails the test)
#   scripts/sanitize.sh thread    # TSan
# CI runs both after the plain test command. The packaging test is left out:
# it builds a consumer without sanitizer flags, which cannot link a sanitized
# library; it runs in the plain test command.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kind="${1:?usage: scripts/sanitize.sh address|thread}"
# ASan+UBSan builds with clang and TSan with g++: CI compiles the whole tree
# with both compilers, warnings as errors, and clang builds the ASan+UBSan
# instrumentation in three quarters of g++'s time.
case "$kind" in
  address) flags="-fsanitize=address,undefined -fno-sanitize-recover=all" cxx=clang++ ;;
  thread) flags="-fsanitize=thread" cxx=g++ ;;
  *) echo "sanitize.sh: unknown sanitizer '$kind' (address or thread)" >&2; exit 2 ;;
esac
build="${FLOWII_BUILD_DIR:-$root/build-$kind}"

"$root/scripts/install-deps.sh"
# -O1 keeps the sanitized suite fast enough; -g1 (line tables) and frame
# pointers keep reports readable at a fraction of -g's build time, and so do
# precompiled headers. The examples and the API reference are checked by the
# plain test command and add nothing here.
source "$root/scripts/compiler-cache.sh"
cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE= "${FLOWII_CMAKE_LAUNCHER[@]}" -DFLOWII_WERROR=ON -DFLOWII_PRECOMPILE_HEADERS=ON \
  -DFLOWII_BUILD_EXAMPLES=OFF -DFLOWII_BUILD_DOCS=OFF \
  -DCMAKE_CXX_FLAGS="$flags -O1 -g1 -fno-omit-frame-pointer" "${@:2}" >/dev/null
cmake --build "$build" -j"$(nproc)"
[ "${FLOWII_SANITIZE_NO_TEST:-0}" = 1 ] && exit 0  # build only (scripts/stress-suite.sh runs the tests)

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
cd "$build"
ctest --output-on-failure -j"$((2 * $(nproc)))" --timeout 900 -LE packaging  # 2x: see scripts/test.sh
