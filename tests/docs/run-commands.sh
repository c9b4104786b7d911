#!/usr/bin/env bash
# Runs the shell commands of README.md and docs/*.md as a reader would
# (ctest docs_commands; the rules are in CONTRIBUTING.md):
#   run-commands.sh <source dir> <build dir> <scratch dir>
# Each document's ```sh blocks run in order, in one bash (so `export` carries
# over), from a scratch directory that looks like a clone (build/, scripts/,
# examples/ link to the real ones) with HOME inside it, as a reader who has
# installed the SDK (docs/getting-started.md, step 3): the build is installed
# into $HOME/.local, whose bin/ (flowii, flowii-emulator) is first on PATH; the
# build tree's tools are not. When a document shows a
# whole C++ program (a ```cpp block with main) and a command uses main.cpp, that
# program is main.cpp. A block preceded by
#   <!-- commands: not-run (reason) -->
# is skipped; the reason is required. docs/cli.md is left to the CLI's own test,
# which runs its `flowii` commands against an in-process emulator.
set -euo pipefail
src=$(cd "$1" && pwd) build=$(cd "$2" && pwd) scratch=$3

rm -rf "$scratch" && mkdir -p "$scratch/home"
scratch=$(cd "$scratch" && pwd)
ln -s "$build" "$scratch/build"
for d in scripts examples tests; do ln -s "$src/$d" "$scratch/$d"; done
cmake --install "$build" --prefix "$scratch/home/.local" >/dev/null
export PATH="$scratch/home/.local/bin:$PATH"

cd "$src"
mapfile -t docs < <({ echo README.md; find docs -name '*.md' ! -name cli.md; } | sort)
failed=0 ran=0 skipped=0
for doc in "${docs[@]}"; do
  script="$scratch/$(echo "$doc" | tr '/.' '__').sh"
  # Blocks to run go into the script, the whole program (if any) into main.cpp.
  if ! counts=$(awk -v path="$doc" -v script="$script" -v program="$scratch/main.cpp" '
      function fail(msg) { printf "%s:%d: %s\n", path, NR, msg > "/dev/stderr"; bad = 1 }
      /^<!-- commands: not-run/ {
        if ($0 !~ /not-run \([^)]+\) -->/) fail("a not-run marker needs a reason: <!-- commands: not-run (reason) -->")
        skip_next = 1; next
      }
      !in_block && /^```/ {
        in_block = 1; lang = substr($0, 4); start = NR; body = ""
        if (lang == "sh" && skip_next) { skipped++; lang = "skipped-sh" }
        skip_next = 0; next
      }
      in_block && /^```$/ {
        in_block = 0
        if (lang == "sh") { ran++; printf "# %s:%d\n%s", path, start, body >> script }
        if (lang == "cpp" && body ~ /int main\(/) printf "%s", body > program
        next
      }
      in_block { body = body $0 "\n"; next }
      { if ($0 !~ /^[ \t]*$/) skip_next = 0 }
      END { if (bad) exit 1; print ran + 0, skipped + 0 }' "$doc"); then
    failed=$((failed + 1))
    continue
  fi
  read -r n_ran n_skipped <<< "$counts"
  ran=$((ran + n_ran)) skipped=$((skipped + n_skipped))
  [[ -f "$script" ]] || continue
  echo "== $doc: $n_ran block(s)"
  if ! (cd "$scratch" && HOME="$scratch/home" bash -eo pipefail "$script"); then
    echo "$doc: a command failed (script: $script)" >&2
    failed=$((failed + 1))
  fi
  rm -f "$scratch/main.cpp" "$scratch/app"
done

echo "${#docs[@]} documents: $ran command blocks ran, $skipped marked not-run, $failed failure(s)"
[[ $failed -eq 0 ]]
