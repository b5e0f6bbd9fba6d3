#!/usr/bin/env python3
"""Golden tests of extraction: events, statements, treaties and actors.

For every article NAME.txt with a NAME.expected beside it (in each directory
given), `chronicle extract NAME.txt` is run, summarized by summarize.py (one
fact per line) and compared with NAME.expected; a mismatch prints a diff.
Articles whose expected file lives elsewhere are given as --pair ARTICLE
EXPECTED (the founding article in ../shared).

    run_extract_golden.py --chronicle PATH [--update] [--skip-missing]
                          [--pair ARTICLE EXPECTED]... [DIR...]

--update writes the expected files (of every NAME.txt in DIR); review them
with `git diff`.  A DIR without any expected file is a failure.
--skip-missing exits 77 when a --pair article is absent.
Prints `N passed, M failed`; exits 1 on a mismatch, 99 when chronicle fails.
"""

import argparse
import difflib
import glob
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summarize  # noqa: E402


def pairs_in(directory, update):
    """(article, expected) for every NAME.txt; with update, also those whose
    NAME.expected is still to be written."""
    out = []
    for article in sorted(glob.glob(os.path.join(directory, "*.txt"))):
        expected = article[:-4] + ".expected"
        if update or os.path.exists(expected):
            out.append((article, expected))
    return out


def summary(binary, article):
    proc = subprocess.run([binary, "extract", article], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        raise RuntimeError("%s: exit %d: %s" % (article, proc.returncode, proc.stderr.decode()))
    lines = []
    for line in proc.stdout.decode("utf-8").splitlines():
        rec = json.loads(line)
        rec["article"]["path"] = os.path.basename(rec["article"]["path"] or "")
        lines += summarize.summarize(rec)
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chronicle", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--skip-missing", action="store_true")
    ap.add_argument("--pair", nargs=2, action="append", default=[])
    ap.add_argument("dirs", nargs="*")
    args = ap.parse_args()
    pairs = [tuple(p) for p in args.pair]
    if args.skip_missing and any(not os.path.exists(a) for a, _ in pairs):
        print("skipped: %s not found" % ", ".join(a for a, _ in pairs if not os.path.exists(a)))
        return 77
    for d in args.dirs:
        found = pairs_in(d, args.update)
        if not found:
            print("FAIL %s: no NAME.txt with a NAME.expected" % d)
            return 1
        pairs += found
    passed = failed = 0
    for article, expected in pairs:
        try:
            got = summary(args.chronicle, article)
        except RuntimeError as e:
            print("ERROR", e)
            return 99
        if args.update:
            with open(expected, "w", encoding="utf-8") as f:
                f.write(got)
            passed += 1
            continue
        with open(expected, encoding="utf-8") as f:
            want = f.read()
        if got == want:
            passed += 1
            print("ok   %s" % os.path.basename(article))
        else:
            failed += 1
            print("FAIL %s" % article)
            sys.stdout.writelines(difflib.unified_diff(
                want.splitlines(True), got.splitlines(True), expected, "chronicle extract"))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
