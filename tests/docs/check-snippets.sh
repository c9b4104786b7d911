#!/usr/bin/env bash
# Compiles every ```cpp block of README.md and docs/**/*.md against the library
# headers (ctest label "docs"; the rules are in CONTRIBUTING.md).
#   check-snippets.sh <source dir> <output dir> <c++ compiler> <include dir>...
set -euo pipefail

src=$1 out=$2 cxx=$3
shift 3
include_flags=()
for dir in "$@"; do include_flags+=("-I$dir"); done
here=$(cd "$(dirname "$0")" && pwd)

mkdir -p "$out"
rm -f "$out"/*.cpp
cd "$src"
mapfile -t docs < <({ echo README.md; find docs -name '*.md'; } | sort)

failed=0 compiled=0 skipped=0
for doc in "${docs[@]}"; do
  base="$out/$(echo "$doc" | tr '/.' '__')"
  if ! counts=$(awk -v path="$doc" -v out="$base" -f "$here/extract_snippets.awk" "$doc"); then
    failed=$((failed + 1))
    continue
  fi
  read -r n_compiled n_skipped <<< "$counts"
  compiled=$((compiled + n_compiled)) skipped=$((skipped + n_skipped))
  for tu in "$base".cpp "$base".main*.cpp; do
    [ -e "$tu" ] || continue
    # Unused names are normal in a fragment; every other warning is an error.
    if ! "$cxx" -std=c++17 -fsyntax-only -Wall -Wextra -Wpedantic -Werror \
        -Wno-unused-variable -Wno-unused-but-set-variable -Wno-unused-function \
        -Wno-unused-parameter -Wno-unused-local-typedefs \
        "${include_flags[@]}" "$tu"; then
      echo "$doc: C++ snippets do not compile (generated source: $tu)" >&2
      failed=$((failed + 1))
    fi
  done
done

echo "${#docs[@]} documents: $compiled snippets compiled, $skipped marked not-compiled, $failed failure(s)"
[ "$failed" -eq 0 ]
