#!/usr/bin/env bash
# Format and static checks, as CI runs them:
#   scripts/lint.sh          # check: fails on any unformatted file or clang-tidy finding
#   scripts/lint.sh --fix    # reformat every file in place (then review the diff)
# clang-format (.clang-format) covers every C++ file in git; clang-tidy
# (.clang-tidy) covers the sources of the SDK, the CLI and the emulator and,
# through them, their headers (HeaderFilterRegex).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FLOWII_LINT_BUILD_DIR:-$root/build-lint}"
cd "$root"

"$root/scripts/install-deps.sh"
# Tracked and new files that exist (a deleted file stays listed until committed).
existing() { git ls-files --cached --others --exclude-standard "$@" | while read -r f; do [[ -f "$f" ]] && echo "$f"; done; }
mapfile -t files < <(existing '*.cpp' '*.hpp')

if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${files[@]}"
  echo "lint.sh: reformatted ${#files[@]} files"
  exit 0
fi

status=0
if ! clang-format --dry-run --Werror "${files[@]}"; then
  echo "lint.sh: files above are not formatted; run scripts/lint.sh --fix" >&2
  status=1
fi

# A configure-only clang build tree gives clang-tidy the compile commands.
cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DFLOWII_BUILD_TESTS=OFF -DFLOWII_BUILD_EXAMPLES=OFF -DFLOWII_BUILD_EMULATOR=ON -DFLOWII_BUILD_EMULATOR_TESTS=OFF \
  -DFLOWII_BUILD_DOCS=OFF >/dev/null
mapfile -t sources < <(existing 'src/*.cpp' 'tools/cli/*.cpp' 'tools/emulator/*.cpp')
# clang-tidy takes seconds a source: one found clean before is checked again
# only when what it reads has changed (scripts/tidy-cache.py).
if ! "$root/scripts/tidy-cache.py" "$build" "${sources[@]/#/$root/}" >"$build/clang-tidy.log" 2>&1; then
  grep -E "(warning|error):" "$build/clang-tidy.log" | sort -u >&2 || tail -40 "$build/clang-tidy.log" >&2
  echo "lint.sh: clang-tidy findings above (.clang-tidy lists the checks)" >&2
  status=1
fi
[[ $status -eq 0 ]] && echo "lint.sh: ${#files[@]} files formatted, ${#sources[@]} sources clang-tidy clean" \
  "($(grep -o '[0-9]* checked' "$build/clang-tidy.log") now)"
exit "$status"
