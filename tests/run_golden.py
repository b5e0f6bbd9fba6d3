#!/usr/bin/env python3
"""Whole-article golden tests of `chronicle dates`.

For every article NAME.txt with a NAME.expected beside it (in each directory
given), `chronicle dates NAME.txt` is run and its TSV output compared with the
expected file byte for byte; a mismatch prints a unified diff.  Articles whose
expected file lives elsewhere are given as pairs: --pair ARTICLE EXPECTED.

The articles carry their own publication date (front matter or a publication
line), so no --dct is passed: the golden files also test how the DCT is found.

    run_golden.py --chronicle PATH [--update] [--skip-missing]
                  [--pair ARTICLE EXPECTED]... [DIR...]

--update rewrites the expected files from the current output (creating those
of --pair that do not exist yet); review the change with `git diff` before
committing it.  --skip-missing exits 77 (meson's "skipped") when an article
of a --pair does not exist, e.g. on a machine without the shared corpus.

Prints `N passed, M failed`; exits 1 on a mismatch, 0 otherwise, 99 when
Chronicle cannot be run.
"""

import argparse
import difflib
import glob
import os
import subprocess
import sys

EXIT_SKIP = 77
EXIT_HARD_ERROR = 99


def find_articles(directory):
    """(article, expected) for every *.txt of directory with a .expected beside."""
    pairs = []
    for article in sorted(glob.glob(os.path.join(directory, "*.txt"))):
        expected = article[:-len(".txt")] + ".expected"
        if os.path.exists(expected):
            pairs.append((article, expected))
    return pairs


def run(binary, article):
    """(exit status, stdout bytes, stderr text) of `chronicle dates ARTICLE`."""
    proc = subprocess.run([binary, "dates", article], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chronicle", required=True, help="the chronicle binary")
    parser.add_argument("--update", action="store_true",
                        help="rewrite the expected files from the current output")
    parser.add_argument("--skip-missing", action="store_true",
                        help="exit 77 when the article of a --pair does not exist")
    parser.add_argument("--pair", nargs=2, action="append", default=[],
                        metavar=("ARTICLE", "EXPECTED"),
                        help="an article and its expected output kept elsewhere")
    parser.add_argument("dirs", nargs="*", help="directories of NAME.txt + NAME.expected")
    args = parser.parse_args(argv)

    pairs = []
    for directory in args.dirs:
        if not os.path.isdir(directory):
            print("run_golden: %s is not a directory" % directory, file=sys.stderr)
            return EXIT_HARD_ERROR
        found = find_articles(directory)
        if not found:
            print("run_golden: no NAME.txt with NAME.expected in %s" % directory,
                  file=sys.stderr)
            return EXIT_HARD_ERROR
        pairs.extend(found)
    for article, expected in args.pair:
        if not os.path.exists(article):
            print("run_golden: %s does not exist" % article, file=sys.stderr)
            if args.skip_missing:
                print("0 passed, 0 failed, 1 skipped")
                return EXIT_SKIP
            return EXIT_HARD_ERROR
        pairs.append((article, expected))
    if not pairs:
        parser.error("nothing to test: give a directory or --pair")

    passed = failed = 0
    for article, expected in pairs:
        try:
            status, output, errors = run(args.chronicle, article)
        except OSError as error:
            print("run_golden: cannot run %s: %s" % (args.chronicle, error), file=sys.stderr)
            return EXIT_HARD_ERROR
        if status != 0:
            print("FAIL %s: chronicle exited with %d: %s" % (article, status, errors.strip()))
            failed += 1
            continue
        if args.update:
            old = open(expected, "rb").read() if os.path.exists(expected) else None
            if old != output:
                with open(expected, "wb") as handle:
                    handle.write(output)
                print("updated %s" % expected)
            passed += 1
            continue
        if not os.path.exists(expected):
            print("FAIL %s: %s does not exist (create it with --update)" % (article, expected))
            failed += 1
            continue
        want = open(expected, "rb").read()
        if want == output:
            passed += 1
            continue
        failed += 1
        print("FAIL %s: the output differs from %s" % (article, expected))
        diff = difflib.unified_diff(
            want.decode("utf-8", "replace").splitlines(keepends=True),
            output.decode("utf-8", "replace").splitlines(keepends=True),
            fromfile=expected, tofile="chronicle dates " + article)
        for line in diff:
            sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
