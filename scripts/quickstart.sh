#!/usr/bin/env bash
# README command 1: install only what the demo needs, build only the library,
# the emulator and examples/quickstart.cpp (in a tree of their own, so the test
# command's full build is not reconfigured), start the bundled FLOWii emulator
# on a free loopback port and run the quickstart against it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FLOWII_BUILD_DIR:-$root/build-quickstart}"
say() { echo "quickstart: $*" >&2; }

say "1/3 checking the packages the library and the emulator need (installs the missing ones)"
"$root/scripts/install-deps.sh" quickstart
say "2/3 building the library, flowii-emulator and the quickstart example into ${build#"$root"/}"
source "$root/scripts/compiler-cache.sh"
# No optimisation and no debug info: the demo needs a quick build, not a fast
# binary (the emulator still answers in well under a millisecond).
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE= "${FLOWII_CMAKE_LAUNCHER[@]}" \
  -DFLOWII_BUILD_TESTS=OFF -DFLOWII_BUILD_TESTING_KIT=OFF -DFLOWII_BUILD_CLI=OFF -DFLOWII_BUILD_DOCS=OFF \
  -DFLOWII_BUILD_EMULATOR=ON -DFLOWII_BUILD_EXAMPLES=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target flowii-emulator example_quickstart
say "3/3 starting the emulator and running examples/quickstart.cpp against it"
exec "$build/tools/emulator/flowii-emulator" --port 0 -- "$build/examples/quickstart"
