#!/usr/bin/env python3
"""The compiled language data is sound: `chronicle dates` and `chronicle
extract` on an empty input print nothing on standard error and exit 0.

The program checks the tables generated from src/lang/ when it starts and
refuses to run, listing the problems on standard error, when a lexicon has
errors (a file of an unknown kind, an invalid value, a form that cannot be
folded).  This test turns those messages into a failed test.

    lexicon_check.py CHRONICLE
"""

import subprocess
import sys


def main(argv):
    if len(argv) != 2:
        print("usage: lexicon_check.py CHRONICLE", file=sys.stderr)
        return 99
    errors, status = "", 0
    for command in ("dates", "extract"):
        proc = subprocess.run([argv[1], command], input=b"", stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
        errors += proc.stderr.decode("utf-8", "replace")
        status = status or proc.returncode
    if errors:
        sys.stdout.write(errors)
    if errors or status != 0:
        print("FAIL the language data: exit status %d, %d line(s) on stderr"
              % (status, len(errors.splitlines())))
        print("0 passed, 1 failed")
        return 1
    print("1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
