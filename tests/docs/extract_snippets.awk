# Turns the ```cpp blocks of one Markdown file into C++ sources (rules:
# CONTRIBUTING.md, "Code in the documentation"). Every source starts with
# #line directives, so that a compiler error names the Markdown file and line.
#   awk -v path=docs/x.md -v out=DIR/x -f extract_snippets.awk docs/x.md
# writes DIR/x.cpp (all fragments, each in a namespace of its own) and
# DIR/x.main<N>.cpp (each whole program as written), and prints
# "<compiled> <not compiled>" on stdout. Exit status 1 (with a message on
# stderr) for a malformed block, or for a block marked as a copy of a file
# (<!-- snippet: file examples/x.cpp -->, path from the current directory)
# that differs from that file.

function fail(line, msg) {
  printf "%s:%d: %s\n", path, line, msg > "/dev/stderr"
  errors++
}

function prelude(includes) {
  return "// Generated from " path " by tests/docs/extract_snippets.awk.\n" \
         "#include <flowii/flowii.hpp>\n\n#include <chrono>\n#include <fstream>\n#include <iostream>\n" \
         "#include <string>\n#include <thread>\n#include <vector>\n" includes
}

# The block must be the file `copy_of` line for line (tests/docs/sync-snippets.sh rewrites it).
function check_copy(   i, n, text, got) {
  n = 0
  while ((got = (getline text < copy_of)) > 0) {
    sub(/\r$/, "", text)
    if (++n > nlines || lines[n] != text) {
      fail(start + (n > nlines ? nlines + 1 : n), "the block differs from " copy_of " (its line " n "); run tests/docs/sync-snippets.sh")
      close(copy_of)
      return
    }
  }
  close(copy_of)
  if (got < 0) fail(start, "cannot read " copy_of ", which the block is marked as a copy of")
  else if (n < nlines) fail(start + n + 1, "the block differs from " copy_of " (it has " n " lines); run tests/docs/sync-snippets.sh")
}

function flush_block(   i, includes, code, file) {
  if (copy_of != "") check_copy()
  if (mode == "skip") { skipped++; return }
  compiled++
  if (mode == "function") {
    for (i = 1; i <= nlines; i++) if (lines[i] ~ /(^|[^A-Za-z0-9_])int[ \t]+main[ \t]*\(/) mode = "program"
  }
  includes = ""
  for (i = 1; i <= nlines; i++) {
    if (lines[i] ~ /^[ \t]*#[ \t]*include[ \t]/) {
      includes = includes sprintf("#line %d \"%s\"\n%s\n", start + i, path, lines[i])
      lines[i] = ""
    }
  }
  code = sprintf("#line %d \"%s\"\n", start + 1, path)
  for (i = 1; i <= nlines; i++) code = code lines[i] "\n"
  if (mode == "program") {
    file = sprintf("%s.main%d.cpp", out, ++programs)
    printf "%s%s", prelude(includes), code > file
    close(file)
    return
  }
  fragment_includes = fragment_includes includes
  fragments = fragments sprintf("namespace snippet_%d {\n", compiled)
  if (mode == "function") fragments = fragments "[[maybe_unused]] void snippet([[maybe_unused]] flowii::Client& client) {\n"
  fragments = fragments code
  if (mode == "function") fragments = fragments "}\n"
  fragments = fragments sprintf("}  // namespace snippet_%d\n", compiled)
}

BEGIN { in_block = 0; marker = ""; marker_line = 0; errors = 0; compiled = 0; skipped = 0; programs = 0 }

{
  line = $0
  sub(/\r$/, "", line)
}

in_block && line ~ /^ ? ? ?```[ \t]*$/ {
  in_block = 0
  if (is_cpp) flush_block()
  next
}

in_block {
  if (is_cpp) lines[++nlines] = line
  next
}

line ~ /^ ? ? ?```/ {
  lang = line
  sub(/^ *```[ \t]*/, "", lang)
  sub(/[ \t].*$/, "", lang)
  in_block = 1
  start = NR
  nlines = 0
  is_cpp = (lang ~ /^(cpp|c\+\+|cxx|cc|hpp|C\+\+)$/)
  if (lang == "") fail(NR, "code block without a language: write ```cpp for C++ (it is then compiled) or another language (sh, text, cmake, json, ...)")
  copy_of = ""
  if (is_cpp) {
    mode = "function"
    if (marker ~ /^not-compiled/) mode = "skip"
    else if (marker == "declarations") mode = "declarations"
    else if (marker ~ /^file[ \t]+[^ \t]+$/) { copy_of = marker; sub(/^file[ \t]+/, "", copy_of) }
    else if (marker != "") fail(marker_line, "unknown snippet marker '" marker "'")
  } else if (marker != "") {
    fail(marker_line, "snippet marker before a block that is not ```cpp")
  }
  marker = ""
  next
}

# <!-- snippet: ... --> applies to the next block (blank lines may come between).
line ~ /^[ \t]*<!--[ \t]*snippet:/ {
  marker = line
  sub(/^[ \t]*<!--[ \t]*snippet:[ \t]*/, "", marker)
  sub(/[ \t]*-->[ \t]*$/, "", marker)
  marker_line = NR
  if (marker ~ /^not-compiled/ && marker !~ /^not-compiled[ \t]*\([ \t]*[^) \t][^)]*\)$/) {
    fail(NR, "'not-compiled' needs a reason: <!-- snippet: not-compiled (why) -->")
  }
  next
}

line !~ /^[ \t]*$/ { marker = "" }

END {
  if (in_block) fail(start, "code block is never closed")
  if (marker != "") fail(marker_line, "snippet marker is not followed by a code block")
  if (fragments != "") printf "%s%s", prelude(fragment_includes), fragments > (out ".cpp")
  print compiled, skipped
  exit (errors > 0)
}
