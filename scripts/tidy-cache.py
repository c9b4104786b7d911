#!/usr/bin/env python3
# Copyright 2026 The flowii-cpp Authors. Licensed under the Apache License 2.0.
#
# Runs clang-tidy over sources, in parallel, skipping each one found clean
# before with exactly what clang-tidy would read now: the bytes of the source and
# of every header it includes (comments too, so a changed NOLINT counts), its
# compile flags, .clang-tidy and the clang-tidy version. scripts/lint.sh uses it; the record of clean sources lives in the
# build tree (BUILD_DIR/clang-tidy-clean/), so a fresh tree checks everything.
#
#   tidy-cache.py BUILD_DIR SOURCE...
# Prints clang-tidy's findings; exits 1 when any source has one.
import concurrent.futures
import hashlib
import json
import os
import shlex
import subprocess
import sys


def compile_commands(build):
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        return {os.path.realpath(e["file"]): e for e in json.load(f)}


def preprocess_args(entry):
    args = shlex.split(entry["command"]) if "command" in entry else list(entry["arguments"])
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
        elif a == "-o":
            skip = True
        elif a != "-c":
            out.append(a)
    return out + ["-M"]  # the make rule: the source and every header it includes


def key(entry, config):
    """The digest of what clang-tidy reads for `entry`; None when it cannot be known."""
    if entry is None:
        return None
    args = preprocess_args(entry)
    run = subprocess.run(args, cwd=entry["directory"], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        return None  # clang-tidy says what is wrong
    digest = hashlib.sha256(config + "\0".join(args).encode())
    files = run.stdout.replace("\\\n", " ").split()[1:]  # after "target.o:"
    for name in files:
        with open(os.path.join(entry["directory"], name), "rb") as f:
            digest.update(name.encode() + b"\0" + f.read())
    return digest.hexdigest()


def main(argv):
    if len(argv) < 3:
        print("usage: tidy-cache.py BUILD_DIR SOURCE...", file=sys.stderr)
        return 2
    build, sources = argv[1], argv[2:]
    root = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    with open(os.path.join(root, ".clang-tidy"), "rb") as f:
        config = f.read()
    config += subprocess.run(["clang-tidy", "--version"], capture_output=True, check=False).stdout
    commands = compile_commands(build)
    clean = os.path.join(build, "clang-tidy-clean")
    os.makedirs(clean, exist_ok=True)

    def check(source):
        digest = key(commands.get(os.path.realpath(source)), config)
        stamp = os.path.join(clean, digest) if digest else None
        if stamp and os.path.exists(stamp):
            return source, None, ""
        run = subprocess.run(["clang-tidy", "-quiet", "-p", build, source], capture_output=True, text=True,
                             check=False)
        if run.returncode == 0 and stamp:
            open(stamp, "w", encoding="utf-8").close()
        return source, run.returncode, run.stdout + run.stderr

    checked = failed = 0
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for source, returncode, output in pool.map(check, sources):
            if returncode is None:
                continue
            checked += 1
            if returncode != 0:
                failed += 1
                print(f"== {source}\n{output}", flush=True)
    print(f"tidy-cache: {len(sources)} sources, {checked} checked (the others unchanged since a clean check), "
          f"{failed} with findings")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
