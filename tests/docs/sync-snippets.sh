#!/usr/bin/env bash
# Rewrites every ```cpp block marked <!-- snippet: file <path> --> with the
# text of <path> (relative to the source root), in README.md and docs/**/*.md
# or in the Markdown files given; docs_snippets fails while a block differs
# from its file (rules: CONTRIBUTING.md, "Code in the documentation").
#   tests/docs/sync-snippets.sh [<source dir> [file.md...]]
set -euo pipefail
root=$(cd "${1:-$(dirname "$0")/../..}" && pwd)
shift $(($# > 0 ? 1 : 0))
cd "$root"
if [ $# -gt 0 ]; then docs=("$@"); else mapfile -t docs < <({ echo README.md; find docs -name '*.md'; } | sort); fi

for doc in "${docs[@]}"; do
  tmp=$(mktemp)
  # A marker applies to the next block; any other text in between cancels it.
  if ! awk -v doc="$doc" '
      /^[ \t]*<!--[ \t]*snippet:[ \t]*file[ \t]/ {
        path = $0
        sub(/^[ \t]*<!--[ \t]*snippet:[ \t]*file[ \t]+/, "", path)
        sub(/[ \t]*-->[ \t]*$/, "", path)
        print
        next
      }
      in_block && /^ ? ? ?```[ \t]*$/ { in_block = 0; skipping = 0; print; next }
      in_block { if (!skipping) print; next }  # the old copy is dropped
      /^ ? ? ?```/ {
        print
        in_block = 1
        if (path != "") {
          while ((got = (getline text < path)) > 0) print text
          close(path)
          if (got < 0) { printf "%s:%d: cannot read %s\n", doc, NR, path > "/dev/stderr"; bad = 1 }
          path = ""
          skipping = 1
        }
        next
      }
      !/^[ \t]*$/ { path = "" }
      { print }
      END { exit bad }' "$doc" >"$tmp"; then
    rm -f "$tmp"
    exit 1
  fi
  if cmp -s "$tmp" "$doc"; then
    rm -f "$tmp"
  else
    cat "$tmp" >"$doc" && rm -f "$tmp"
    echo "updated $doc"
  fi
done
