#!/usr/bin/env bash
# Checks check-snippets.sh itself on small Markdown trees: what must compile,
# what must be refused, and that errors name the Markdown file and line.
#   selftest.sh <c++ compiler> <include dir>...
set -uo pipefail

cxx=$1
shift
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 passes=0

# run_case <name> <expected exit: 0|1> <text the output must contain>; the
# Markdown comes on stdin and becomes docs/case.md of a fresh tree.
run_case() {
  local name=$1 want=$2 expect=$3 tree="$work/$1"
  mkdir -p "$tree/docs"
  : > "$tree/README.md"
  cat > "$tree/docs/case.md"
  local output status
  output=$(bash "$here/check-snippets.sh" "$tree" "$tree/out" "$cxx" "$@" 2>&1)
  status=$?
  if [ "$((status != 0))" -ne "$want" ] || [[ "$output" != *"$expect"* ]]; then
    echo "FAIL $name: exit $status, expected $( [ "$want" -eq 0 ] && echo success || echo failure)" \
         "with \"$expect\" in:"
    echo "$output" | sed 's/^/    /'
    failures=$((failures + 1))
  else
    echo "ok   $name"
    passes=$((passes + 1))
  fi
}
includes=("$@")
run() { run_case "$1" "$2" "$3" "${includes[@]}"; }

run every_kind_of_block 0 "3 snippets compiled, 1 marked not-compiled, 0 failure(s)" <<'MD'
A fragment uses `client`:

```cpp
auto session = client.session();
```

<!-- snippet: declarations -->

```c++
#include <map>
std::size_t count(std::map<int, int> const& m) { return m.size(); }
```

```cpp
int main() { return 0; }
```

<!-- snippet: not-compiled (deliberately wrong) -->
```cpp
this is not C++
```

```sh
echo shell is not compiled
```
MD

run broken_code_names_the_line 1 "docs/case.md:5" <<'MD'
Text.

```cpp
auto ok = client.session();
auto broken = client.no_such_module();
```
MD

run cxx_fence_is_compiled_too 1 "do not compile" <<'MD'
```c++
not_declared_anywhere();
```
MD

run not_compiled_needs_a_reason 1 "needs a reason" <<'MD'
<!-- snippet: not-compiled -->
```cpp
x
```
MD

run fence_needs_a_language 1 "code block without a language" <<'MD'
```
plain
```
MD

run marker_needs_a_cpp_block 1 "not \`\`\`cpp" <<'MD'
<!-- snippet: declarations -->
```sh
ls
```
MD

# Blocks marked as a copy of a file (<!-- snippet: file <path> -->): the file
# of each case is examples/prog.cpp of its tree.
program='int main() {
  return 0;
}'
with_program() { mkdir -p "$work/$1/examples" && printf '%s\n' "$2" > "$work/$1/examples/prog.cpp"; }

with_program copy_matches_its_file "$program"
run copy_matches_its_file 0 "1 snippets compiled, 0 marked not-compiled, 0 failure(s)" <<MD
<!-- snippet: file examples/prog.cpp -->
\`\`\`cpp
$program
\`\`\`
MD

with_program copy_that_differs_names_the_line "$program"
run copy_that_differs_names_the_line 1 "docs/case.md:4: the block differs from examples/prog.cpp (its line 2)" <<'MD'
<!-- snippet: file examples/prog.cpp -->
```cpp
int main() {
  return 1;
}
```
MD

with_program copy_that_is_short_names_the_line "$program"
run copy_that_is_short_names_the_line 1 "docs/case.md:5: the block differs from examples/prog.cpp (its line 3)" <<'MD'
<!-- snippet: file examples/prog.cpp -->
```cpp
int main() {
  return 0;
```
MD

run copy_of_a_missing_file 1 "cannot read examples/missing.cpp" <<'MD'
<!-- snippet: file examples/missing.cpp -->
```cpp
int main() { return 0; }
```
MD

# sync-snippets.sh repairs the block that differs, and leaves the rest of the document alone.
tree="$work/copy_that_differs_names_the_line"
if bash "$here/sync-snippets.sh" "$tree" docs/case.md >/dev/null &&
   bash "$here/check-snippets.sh" "$tree" "$tree/out" "$cxx" "${includes[@]}" >/dev/null 2>&1 &&
   [ "$(head -1 "$tree/docs/case.md")" = "<!-- snippet: file examples/prog.cpp -->" ] &&
   [ "$(grep -c 'return 0;' "$tree/docs/case.md")" -eq 1 ]; then
  echo "ok   sync_repairs_a_copy"
  passes=$((passes + 1))
else
  echo "FAIL sync_repairs_a_copy: after tests/docs/sync-snippets.sh the check still fails:"
  sed 's/^/    /' "$tree/docs/case.md"
  failures=$((failures + 1))
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
