#!/usr/bin/env bash
# Proves the packaging: installs the build into a temporary prefix, then builds
# and runs tests/consumer against it with find_package (with the testing kit, and
# without GoogleTest), against the build tree, with pkg-config, against the
# contents of the .deb that CPack makes, and with flowii built inside the
# consumer's own build (FetchContent / add_subdirectory).
#   run.sh <flowii build dir> <c++ compiler> [compiler launcher, e.g. ccache]
set -euo pipefail
build="$1"; cxx="$2"; launcher="${3:-}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null

echo "== find_package against the install prefix"
cmake -S "$here" -B "$work/installed" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/installed" >/dev/null
"$work/installed/consumer"

echo "== flowii::testing (mock + fake transport) against the install prefix"
"$work/installed/consumer_testing" --gtest_brief=1

echo "== find_package without GoogleTest: flowii::flowii alone"
cmake -S "$here" -B "$work/no-gtest" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_DISABLE_FIND_PACKAGE_GTest=ON >/dev/null
cmake --build "$work/no-gtest" >/dev/null
"$work/no-gtest/consumer"
test ! -e "$work/no-gtest/consumer_testing"

echo "== find_package against the build tree"
cmake -S "$here" -B "$work/tree" -DCMAKE_CXX_COMPILER="$cxx" -Dflowii_DIR="$build" >/dev/null
cmake --build "$work/tree" >/dev/null
"$work/tree/consumer"

echo "== pkg-config"
pc_dir="$(dirname "$(find "$work/prefix" -name flowii.pc | head -n 1)")"
# shellcheck disable=SC2046
"$cxx" -std=c++17 "$here/main.cpp" -o "$work/pkgconfig-consumer" \
  $(PKG_CONFIG_PATH="$pc_dir" pkg-config --cflags --libs flowii)
"$work/pkgconfig-consumer"
echo "== the Debian package (cpack -G DEB)"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/deb" >/dev/null
deb="$(find "$work/deb" -maxdepth 1 -name 'flowii_*.deb' | head -n 1)"
[[ -n "$deb" ]] || { echo "cpack made no flowii_*.deb" >&2; exit 1; }
dpkg-deb --contents "$deb" >"$work/deb-contents.txt"
for f in usr/bin/flowii usr/bin/flowii-emulator usr/include/flowii/flowii.hpp usr/include/flowii/version.hpp \
         usr/lib/libflowii.a usr/lib/cmake/flowii/flowiiConfig.cmake usr/lib/pkgconfig/flowii.pc; do
  grep -q " \./$f\$" "$work/deb-contents.txt" || { echo "the .deb lacks $f" >&2; exit 1; }
done
depends="$(dpkg-deb --field "$deb" Depends)"
for d in libcurl4-openssl-dev nlohmann-json3-dev; do
  [[ "$depends" == *"$d"* ]] || { echo "the .deb does not depend on $d (Depends: $depends)" >&2; exit 1; }
done
# What `apt install ./flowii_*.deb` would do, without changing this machine.
if command -v apt-get >/dev/null; then
  apt-get install --simulate -qq "$deb" >"$work/apt-simulate.txt" 2>&1 ||
    { cat "$work/apt-simulate.txt" >&2; echo "apt cannot install the .deb" >&2; exit 1; }
fi
dpkg-deb --extract "$deb" "$work/deb-root"
"$work/deb-root/usr/bin/flowii" --version >/dev/null
cmake -S "$here" -B "$work/from-deb" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$work/deb-root/usr" >/dev/null
cmake --build "$work/from-deb" >/dev/null
"$work/from-deb/consumer"

echo "== flowii built inside the consumer's build (FetchContent / add_subdirectory)"
# In the build tree, so that a second run only rebuilds what changed.
subproject="$build/tests/consumer-subproject"
cmake -S "$here/subproject" -B "$subproject" -DCMAKE_CXX_COMPILER="$cxx" -DFLOWII_SOURCE_DIR="$source_dir" \
  ${launcher:+-DCMAKE_CXX_COMPILER_LAUNCHER="$launcher"} >/dev/null
cmake --build "$subproject" -j"$(nproc)" >/dev/null
"$subproject/consumer"
echo "consumer builds: 7 passed, 0 failed"
