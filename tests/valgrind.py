#!/usr/bin/env python3
"""Run the test suite with every `chronicle` process under valgrind memcheck.

    tests/valgrind.py BUILDDIR [--jobs N] [--timeout-factor F] [TEST...]
    meson test -C build --benchmark valgrind      the same, whole suite

The tests are the ones `meson test` runs (read with `meson introspect
--tests`); each is run as meson would run it, except that the path of the
program under test is replaced by a wrapper that starts it under

    valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect
             --error-exitcode=97 --suppressions=.ci/valgrind.supp
             --soname-synonyms=somalloc='*mimalloc*'

(the last so that memcheck sees malloc when the build links mimalloc)

with one log file per process in BUILDDIR/valgrind/logs/.  A test passes when
it passes as usual and no log reports an error or a definite or indirect leak
(memory still reachable at exit, such as fontconfig's cache, is not a leak).
Processes that a test kills on purpose (the kill -9 tests) leave an
unfinished log, which is ignored.  Timeouts are meson's times the factor
(default 30): memcheck runs the program some 20-50 times slower.

Exit status: 0 when every test passed with clean logs, 1 otherwise, 77 when
valgrind is not installed.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

WRAPPER = """#!/bin/sh
# chronicle under valgrind memcheck (written by tests/valgrind.py)
exec valgrind -q --leak-check=full --show-leak-kinds=definite,indirect \\
    --errors-for-leak-kinds=definite,indirect --error-exitcode=97 \\
    --soname-synonyms=somalloc='*mimalloc*' \\
    --suppressions={supp} --log-file={logs}/%p.log {real} "$@"
"""

ERRORS = re.compile(r"ERROR SUMMARY: (\d+) errors")


def tests_of(build):
    out = subprocess.run(["meson", "introspect", "--tests", build],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def wrap(test, real, wrapper):
    """The test's command with the program under test replaced; meson runs
    a test in the build directory unless it names another."""
    workdir = test.get("workdir") or os.path.dirname(real)
    cmd = []
    for arg in test["cmd"]:
        path = arg if os.path.isabs(arg) else os.path.join(workdir, arg)
        same = os.path.exists(path) and os.path.samefile(path, real)
        cmd.append(wrapper if same else arg)
    return cmd, workdir


def run_one(test, real, wrapper, factor):
    cmd, workdir = wrap(test, real, wrapper)
    env = dict(os.environ)
    env.update(test.get("env") or {})
    timeout = (test.get("timeout") or 30) * factor
    t0 = time.monotonic()
    try:
        done = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True,
                              text=True, errors="replace", timeout=timeout)
        status, output = done.returncode, done.stdout + done.stderr
    except subprocess.TimeoutExpired as e:
        status, output = "timeout", (e.stdout or b"").decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
    return test["name"], status, output, time.monotonic() - t0


def bad_logs(logs):
    """Logs that report an error or a leak: (path, first lines of it)."""
    found = []
    for name in sorted(os.listdir(logs)):
        path = os.path.join(logs, name)
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        m = ERRORS.search(text)
        if (m and int(m.group(1)) > 0) or "definitely lost in" in text or "indirectly lost in" in text:
            found.append((path, text[:3000]))
        elif not m and text.strip() and "Process terminating" not in text:
            # -q prints nothing for a clean run; any other text is a report
            found.append((path, text[:3000]))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("build")
    ap.add_argument("tests", nargs="*", help="test names (default: all)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout-factor", type=float, default=30)
    args = ap.parse_intermixed_args()
    if not shutil.which("valgrind"):
        print("valgrind.py: valgrind is not installed (Debian: valgrind)", file=sys.stderr)
        return 77
    build = os.path.abspath(args.build)
    real = os.path.join(build, "chronicle")
    subprocess.run(["ninja", "-C", build], check=True, stdout=subprocess.DEVNULL)
    base = os.path.join(build, "valgrind")
    logs = os.path.join(base, "logs")
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(logs)
    os.chmod(logs, 0o1777)          # tests run the program as another user too
    wrapper = os.path.join(base, "chronicle")
    with open(wrapper, "w") as f:
        f.write(WRAPPER.format(supp=os.path.join(ROOT, ".ci", "valgrind.supp"), logs=logs, real=real))
    os.chmod(wrapper, 0o755)

    tests = [t for t in tests_of(build) if not args.tests or t["name"] in args.tests]
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_one, t, real, wrapper, args.timeout_factor) for t in tests]
        for fut in concurrent.futures.as_completed(futures):
            name, status, output, secs = fut.result()
            verdict = "OK" if status in (0, 77) else "FAIL"
            if status == 77:
                verdict = "SKIP"
            print("%-22s %-5s %7.1fs%s" % (name, verdict, secs,
                                          "" if verdict != "FAIL" else "  (status %s)" % status), flush=True)
            if verdict == "FAIL":
                failed += 1
                print("\n".join(output.splitlines()[-25:]))
    bad = bad_logs(logs)
    for path, text in bad:
        print("==> %s\n%s" % (path, text))
    print("%d tests, %d failed; %d processes, %d with memcheck reports"
          % (len(tests), failed, len(os.listdir(logs)), len(bad)))
    return 1 if failed or bad else 0


if __name__ == "__main__":
    sys.exit(main())
