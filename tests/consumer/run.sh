#!/usr/bin/env bash
# Proves the packaging: installs the build into a temporary prefix, then builds
# and runs tests/consumer against it with find_package (with the testing kit, and
# without GoogleTest), against the build tree, and with pkg-config.
#   run.sh <flowii build dir> <c++ compiler>
set -euo pipefail
build="$1"; cxx="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
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
echo "consumer builds: 5 passed, 0 failed"
