#!/usr/bin/env python3
# Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#
# No two types share a name in one program: a class, struct, union or enum
# defined at namespace scope (anonymous namespaces included) in include/flowii,
# src or tools must have a name no other such type has, whatever namespace each
# is in. `flowii::Endpoint` beside `flowii::emulator::Endpoint` reads as one
# type in a stack trace, a grep or a review, and one `using namespace` away
# from an ambiguity.
#
# Not counted: forward declarations (they name a type defined elsewhere),
# template specialisations (`struct hash<X>`), and types nested in a class or
# local to a function (their class or function is part of their name).
# Types declared through a macro (FLOWII_MODEL(Name, ...)) count: a macro whose
# body defines `class P` for one of its parameters P declares that argument.
#
#   unique_type_names.py ROOT        # check the tree; exit 1 and list each clash
#   unique_type_names.py --selftest  # check the checker on small sources
import os
import re
import sys
from collections import defaultdict

SCANNED = ("include/flowii", "src", "tools")
SUFFIXES = (".hpp", ".cpp", ".h", ".cc")
CLASS_KEYS = {"class", "struct", "union", "enum"}

_LITERAL_OR_COMMENT = re.compile(
    r'R"(?P<delim>[^()\\\s]{0,16})\(.*?\)(?P=delim)"'  # raw string
    r'|"(?:\\.|[^"\\\n])*"'  # string
    r"|'(?:\\.|[^'\\\n])*'"  # character
    r"|//[^\n]*"
    r"|/\*.*?\*/",
    re.S,
)
_TOKEN = re.compile(r"[A-Za-z_]\w*|::|\[\[|\]\]|\S")
_DEFINE = re.compile(r"#\s*define\s+(\w+)\(([^)]*)\)(.*)", re.S)


def _blank(match):
    # Keeps line breaks, so that line numbers stay right.
    return re.sub(r"[^\n]", " ", match.group(0)) if match.group(0).startswith(("/*", 'R"')) else " "


def _split_preprocessor(text):
    """Returns (code without directives, [directive text]) with continuations joined."""
    code, directives, lines = [], [], text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith("#"):
            block = [line]
            while block[-1].endswith("\\") and i + 1 < len(lines):
                i += 1
                block.append(lines[i])
            directives.append("\n".join(b.rstrip("\\") for b in block))
            code.extend([""] * len(block))
        else:
            code.append(line)
        i += 1
    return "\n".join(code), directives


def type_macros(directives):
    """{macro name: index of the parameter it defines a type for}."""
    out = {}
    for d in directives:
        m = _DEFINE.match(d.strip())
        if not m:
            continue
        params = [p.strip() for p in m.group(2).split(",")]
        for index, p in enumerate(params):
            if p and re.search(r"\b(?:class|struct|union)\s+%s\b" % re.escape(p), m.group(3)):
                out[m.group(1)] = index
    return out


def tokens(code):
    line = 1
    pos = 0
    for m in _TOKEN.finditer(code):
        line += code.count("\n", pos, m.start())
        pos = m.start()
        yield m.group(0), line


def definitions(text, macros):
    """[(name, scope, line, where)]: where is 'namespace', 'class' or 'local'."""
    text = _LITERAL_OR_COMMENT.sub(_blank, text)
    code, _ = _split_preprocessor(text)
    toks = list(tokens(code))
    out = []
    stack = []  # ('namespace', name) | ('class', name) | ('other', '')
    pending = None  # what the next '{' opens

    def where():
        for kind, _ in reversed(stack):
            if kind != "namespace":
                return "class" if kind == "class" else "local"
        return "namespace"

    def scope():
        return "::".join(n for k, n in stack if k in ("namespace", "class"))

    i = 0
    n = len(toks)
    while i < n:
        tok, line = toks[i]
        if tok == "namespace" and i + 1 < n and toks[i + 1][0] != "=":
            j = i + 1
            parts = []
            while j < n and toks[j][0] not in ("{", ";", "="):
                if toks[j][0] != "::":
                    parts.append(toks[j][0])
                j += 1
            if j < n and toks[j][0] == "{":
                pending = ("namespace", "::".join(parts) or "(anonymous)")
                i = j
                continue
            i = j
            continue
        if tok in CLASS_KEYS:
            j = i + 1
            if tok == "enum" and j < n and toks[j][0] in ("class", "struct"):
                j += 1
            while j < n and toks[j][0] in ("[[", "alignas"):  # attributes
                depth = 0
                while j < n:
                    if toks[j][0] in ("[[", "("):
                        depth += 1
                    elif toks[j][0] in ("]]", ")"):
                        depth -= 1
                        if depth == 0:
                            j += 1
                            break
                    j += 1
            if j < n and re.match(r"[A-Za-z_]", toks[j][0]):
                name = toks[j][0]
                k = j + 1
                specialisation = k < n and toks[k][0] == "<"
                if k < n and toks[k][0] == "final":
                    k += 1
                follows = toks[k][0] if k < n else ""
                if follows in ("{", ":") or (specialisation and _opens_body(toks, k)):
                    if not specialisation:
                        out.append((name, scope(), line, where()))
                    pending = ("class", name)
                    i = k
                    continue
            i = j
            continue
        if tok in macros and i + 1 < n and toks[i + 1][0] == "(":
            arg = _macro_argument(toks, i + 1, macros[tok])
            if arg:
                out.append((arg, scope(), line, where()))
            i += 1
            continue
        if tok == "{":
            stack.append(pending or ("other", ""))
            pending = None
        elif tok == "}":
            if stack:
                stack.pop()
        elif tok == ";":
            pending = None
        i += 1
    return out


def _opens_body(toks, k):
    """Whether the template argument list at toks[k] == '<' is followed by a body."""
    depth = 0
    while k < len(toks):
        t = toks[k][0]
        if t == "<":
            depth += 1
        elif t == ">":
            depth -= 1
            if depth == 0:
                return k + 1 < len(toks) and toks[k + 1][0] in ("{", ":", "final")
        elif t in (";", "{", "}"):
            return False
        k += 1
    return False


def _macro_argument(toks, open_paren, index):
    depth, current, args = 0, [], []
    for t, _ in toks[open_paren:]:
        if t in ("(", "<", "["):
            depth += 1
            if depth == 1 and t == "(":
                continue
        elif t in (")", ">", "]"):
            depth -= 1
            if depth == 0:
                args.append(current)
                break
        elif t == "," and depth == 1:
            args.append(current)
            current = []
            continue
        current.append(t)
    if index < len(args) and len(args[index]) == 1 and re.match(r"[A-Za-z_]\w*$", args[index][0]):
        return args[index][0]
    return None


def scan(files):
    """files: {path: text}. Returns {name: [(path, line, scope)]} of namespace-scope definitions."""
    macros = {}
    for text in files.values():
        macros.update(type_macros(_split_preprocessor(_LITERAL_OR_COMMENT.sub(_blank, text))[1]))
    found = defaultdict(list)
    for path, text in sorted(files.items()):
        for name, scope, line, where in definitions(text, macros):
            if where == "namespace":
                found[name].append((path, line, scope))
    return found


def clashes(found):
    return {name: places for name, places in found.items() if len(places) > 1}


def read_tree(root):
    files = {}
    for top in SCANNED:
        for folder, _, names in os.walk(os.path.join(root, top)):
            for name in names:
                if name.endswith(SUFFIXES):
                    path = os.path.join(folder, name)
                    with open(path, encoding="utf-8", errors="replace") as f:
                        files[os.path.relpath(path, root)] = f.read()
    return files


def selftest():
    sources = {
        "a.hpp": """
            #define DECLARE(Name, type) class Name : public Base<Name> { static constexpr char const* kType = type; }
            namespace flowii {
            struct Endpoint { int x; };                 // defined: counts
            class Forward;                              // forward declaration: does not
            DECLARE(Company, "company");                // macro-declared: counts
            template <class T> struct Box { struct Inner {}; };   // nested Inner: does not
            enum class Mode : int { kA, kB };
            void f() { struct Local {}; }               // local: does not
            char const* s = "struct Quoted {";          // in a string: does not
            }  // namespace flowii
            namespace std { template <> struct hash<flowii::Endpoint> { }; }   // specialisation
        """,
        "b.cpp": """
            namespace flowii::emulator {
            namespace {
            struct Endpoint { int port; };              // clashes with flowii::Endpoint
            }  // namespace
            struct Company {};                          // clashes with the macro-declared one
            class Forward {};                           // the one definition of Forward: fine
            struct Inner {};                            // a nested Inner elsewhere: fine
            enum Mode2 { kX };
            auto r = R"(struct Raw {)";                 // in a raw string: does not
            }
        """,
    }
    found = scan(sources)
    got = {name: sorted(p for p, _, _ in places) for name, places in clashes(found).items()}
    want = {"Endpoint": ["a.hpp", "b.cpp"], "Company": ["a.hpp", "b.cpp"]}
    problems = []
    if got != want:
        problems.append(f"clashes {got}, expected {want}")
    for name in ("Forward", "Box", "Mode", "Inner", "Mode2"):
        if name not in found:
            problems.append(f"{name} not found as a namespace-scope type")
    for name in ("Local", "Quoted", "Raw", "hash"):
        if name in found:
            problems.append(f"{name} counted, but it is not a namespace-scope type definition")
    if found.get("Endpoint", [(None, None, None)])[0][2] != "flowii":
        problems.append(f"flowii::Endpoint's scope read as {found.get('Endpoint')}")
    for p in problems:
        print("unique_type_names selftest:", p, file=sys.stderr)
    return 1 if problems else 0


def main(argv):
    if argv[1:] == ["--selftest"]:
        return selftest()
    if len(argv) != 2:
        print(__doc__ if False else "usage: unique_type_names.py ROOT | --selftest", file=sys.stderr)
        return 2
    root = argv[1]
    files = read_tree(root)
    found = scan(files)
    bad = clashes(found)
    for name in sorted(bad):
        places = ", ".join(f"{p}:{line} ({scope or 'global'})" for p, line, scope in bad[name])
        print(f"type name `{name}` is defined {len(bad[name])} times: {places}", file=sys.stderr)
    if bad:
        print(f"unique_type_names: {len(bad)} names defined more than once; give each type a name that says "
              "what it is (a nested type may keep a short name)", file=sys.stderr)
        return 1
    print(f"unique_type_names: {sum(len(v) for v in found.values())} namespace-scope types in {len(files)} files, "
          "each name defined once")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
