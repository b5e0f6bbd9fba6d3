#!/usr/bin/env python3
"""Runs the shell examples of README.md and compares their output exactly, so
the README cannot drift from what the program does.

An example is a line starting with `$ ` inside a fenced block marked ```sh;
the lines after it, up to the next `$ ` line or the end of the block, are its
expected output (standard output and standard error together).  Fenced blocks
without `$ ` lines (instructions such as the set-up commands) are not run.

Each command is run with bash from the repository root, with the directory of
the binary under test first on PATH; `build/chronicle` in a command stands for
that binary (so a sanitizer build can run the same README).

    readme_examples.py --chronicle PATH [--readme README.md]

Prints one line per example and `N passed, M failed`; exits 1 when an example's
output differs or the README has no examples, 0 otherwise.
"""

import argparse
import difflib
import os
import re
import subprocess
import sys

FENCE = re.compile(r"^(```+|~~~+)\s*(\S*)")
BINARY_IN_COMMAND = re.compile(r"(?<![\w./-])build/chronicle(?![\w.-])")


class Example:
    def __init__(self, line, command):
        self.line = line            # line number of the `$ ` line in the README
        self.command = command
        self.expected = []          # expected output lines


def extract(readme_text):
    """The examples of every ```sh block, in order."""
    examples = []
    fence = None                    # the opening fence of the current block
    in_sh = False
    current = None
    for number, line in enumerate(readme_text.split("\n"), start=1):
        match = FENCE.match(line)
        if fence is None and match:
            fence, in_sh, current = match.group(1), match.group(2) == "sh", None
            continue
        if fence is not None and line.strip() == fence:
            fence, in_sh, current = None, False, None
            continue
        if not in_sh:
            continue
        if line.startswith("$ "):
            current = Example(number, line[2:])
            examples.append(current)
        elif current is not None:
            current.expected.append(line)
    return examples


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chronicle", required=True, help="the chronicle binary")
    parser.add_argument("--readme", default=os.path.join(root, "README.md"))
    args = parser.parse_args(argv)

    binary = os.path.abspath(args.chronicle)
    with open(args.readme, encoding="utf-8") as handle:
        examples = extract(handle.read())
    if not examples:
        print("FAIL %s has no ```sh examples with `$ ` commands" % args.readme)
        print("0 passed, 1 failed")
        return 1

    env = dict(os.environ, LC_ALL="C.UTF-8",
               PATH=os.path.dirname(binary) + os.pathsep + os.environ.get("PATH", ""))
    passed = failed = 0
    for example in examples:
        command = BINARY_IN_COMMAND.sub(lambda m: binary, example.command)
        proc = subprocess.run(["bash", "-c", command], cwd=root, env=env,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
        got = proc.stdout.decode("utf-8", "replace")
        want = "".join(line + "\n" for line in example.expected)
        where = "%s:%d" % (os.path.basename(args.readme), example.line)
        if got == want:
            passed += 1
            print("ok   %s: %s" % (where, example.command))
            continue
        failed += 1
        print("FAIL %s: %s" % (where, example.command))
        for line in difflib.unified_diff(want.splitlines(keepends=True),
                                         got.splitlines(keepends=True),
                                         fromfile="README.md", tofile="actual output"):
            sys.stdout.write(line if line.endswith("\n") else line + "\n")
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
