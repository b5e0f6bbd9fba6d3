#!/usr/bin/env python3
"""Table-driven tests of `chronicle dates`: one sentence, one expression, one
expected TIMEX3 value per line.

Case files
    Tab-separated, first line a header naming the columns.  Two shapes are read:

    * the project's tests/cases/*.tsv:  id dct sentence surface type value mod
      (a `lang` column is used when present; otherwise the language comes from
      the file name: ar.tsv / ar-*.tsv is Arabic, en.tsv / en-*.tsv English);
    * the shared development file dates.tsv:  dct lang sentence surface value
      (no ids: a case is called dev-<line>, its line number in the file).

    Blank lines and lines starting with '#' are ignored.  An empty `dct` runs the
    sentence without --dct (the tool must then keep X placeholders).

Judging a case
    The surface's span is its first occurrence in the sentence, in code points.
    The rows Chronicle reports whose span overlaps it must carry exactly the
    values of the case:

    * `value` may hold several values separated by '/' (a conjunction or a
      range, "18 and 19 June"): every one must be produced, each by a row
      overlapping the surface, and those rows must belong to one group (be one
      expression), with no other value among them;
    * `value` NONE: no row may overlap the surface (a number that is not a date);
    * `type`, when the case gives one, is compared with the first overlapping
      row (in text order);
    * `mod`, when the file has a mod column, is compared with the first
      overlapping row too; an empty mod there means "no mod".

Known failures
    --known-failures FILE lists cases that fail today, one per line as
    `id<TAB>reason` ('#' comments allowed).  A listed case that fails is printed
    as XFAIL and does not fail the run; a listed case that passes is printed as
    XPASS so that its line can be removed.

Running Chronicle
    Each sentence is written to a temporary file and Chronicle is run once per
    (dct, lang) on all of them:
        chronicle dates --format jsonl --dct D --lang L f1 f2 ...
    and the JSON lines are split by their `file` key.  When a batch exits with an
    error, its files are run one by one so the failing case is named.

Output and exit status
    One line per failure (id, what is wrong, sentence, expected, got), then
    the count of known failures if any, then the summary line
    `N passed, M failed` (with `, K skipped` when missing case files were
    skipped).  Exit 0 when every failure is a known one, 1 otherwise, 77
    (meson's "skipped") when a case file is missing and --skip-missing was
    given, 99 when Chronicle cannot be run at all.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

EXIT_SKIP = 77          # meson: the test was skipped
EXIT_HARD_ERROR = 99    # meson: the test could not run
BATCH = 400             # files per Chronicle invocation (keeps argv short)


class HarnessError(Exception):
    """Chronicle could not be run or printed something unreadable."""


class Case:
    """One line of a case file."""

    def __init__(self, ident, origin, dct, lang, sentence, surface, value,
                 type_=None, mod=None):
        self.ident = ident          # stable id shown in reports
        self.origin = origin        # "file:line", to find the case again
        self.dct = dct              # "" when the case has no anchor date
        self.lang = lang            # "ar", "en" or "auto"
        self.sentence = sentence
        self.surface = surface
        self.value = value
        self.type = type_           # None or "": not compared
        self.mod = mod              # None: not compared; "": must have no mod
        self.problem = None         # why the case itself is malformed


def lang_of_file(path):
    """The language a case file is about, from its name (ar.tsv, en-foo.tsv)."""
    stem = os.path.basename(path).split(".")[0]
    for lang in ("ar", "en"):
        if stem == lang or stem.startswith(lang + "-") or stem.startswith(lang + "_"):
            return lang
    return "auto"


def read_cases(path):
    """Parse one case file into a list of Case."""
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    header_seen = False
    columns = []
    cases = []
    default_lang = lang_of_file(path)
    for number, line in enumerate(lines, start=1):
        if line.endswith("\r"):
            line = line[:-1]
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            columns = fields
            header_seen = True
            missing = {"dct", "sentence", "surface", "value"} - set(columns)
            if missing:
                raise HarnessError("%s: header lacks column(s) %s"
                                   % (path, ", ".join(sorted(missing))))
            continue
        origin = "%s:%d" % (path, number)
        problem = None
        if len(fields) > len(columns):
            problem = "%d fields, the header has %d" % (len(fields), len(columns))
        # Editors drop trailing empty fields: an absent mod is an empty mod.
        fields += [""] * (len(columns) - len(fields))
        row = dict(zip(columns, fields))
        ident = row.get("id") or "dev-%d" % number
        case = Case(ident, origin, row["dct"].strip(),
                    row.get("lang", "").strip() or default_lang,
                    row["sentence"], row["surface"], row["value"].strip(),
                    type_=row.get("type", "").strip() or None,
                    mod=row["mod"].strip() if "mod" in columns else None)
        if not problem and not case.surface:
            problem = "empty surface"
        elif not problem and case.surface not in case.sentence:
            problem = "the surface is not part of the sentence"
        elif not problem and not case.value:
            problem = "empty value"
        case.problem = problem
        cases.append(case)
    return cases


def read_known_failures(path):
    """{id: reason} from a known-failures file."""
    known = {}
    if not path:
        return known
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            ident, _, reason = line.partition("\t")
            known[ident.strip()] = reason.strip()
    return known


def run_chronicle(binary, dct, lang, paths):
    """Run Chronicle on paths; return (exit status, {path: [row, ...]}, stderr)."""
    command = [binary, "dates", "--format", "jsonl", "--lang", lang]
    if dct:
        command += ["--dct", dct]
    try:
        proc = subprocess.run(command + paths, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    except OSError as error:
        raise HarnessError("cannot run %s: %s" % (binary, error))
    rows = {path: [] for path in paths}
    for number, line in enumerate(proc.stdout.decode("utf-8", "replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as error:
            raise HarnessError("output line %d is not JSON (%s): %s" % (number, error, line))
        if row.get("file") not in rows:
            raise HarnessError("output line %d names an unknown file: %s" % (number, line))
        rows[row["file"]].append(row)
    return proc.returncode, rows, proc.stderr.decode("utf-8", "replace").strip()


def collect_rows(binary, cases, workdir):
    """Run every judgeable case; return {case index: rows or an error string}."""
    batches = {}
    for index, case in enumerate(cases):
        if case.problem:
            continue
        path = os.path.join(workdir, "case%05d.txt" % index)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(case.sentence + "\n")
        batches.setdefault((case.dct, case.lang), []).append((index, path))
    results = {}
    for (dct, lang), members in sorted(batches.items()):
        for start in range(0, len(members), BATCH):
            chunk = members[start:start + BATCH]
            status, rows, _ = run_chronicle(binary, dct, lang, [p for _, p in chunk])
            if status == 0:
                for index, path in chunk:
                    results[index] = rows[path]
                continue
            # Name the culprit: run the files of the failed batch one at a time.
            for index, path in chunk:
                status, rows, err = run_chronicle(binary, dct, lang, [path])
                if status == 0:
                    results[index] = rows[path]
                else:
                    results[index] = "chronicle exited with %d: %s" % (status, err)
    return results


def code_point_span(sentence, surface):
    """[start, end) of the first occurrence of surface, in code points."""
    start = sentence.index(surface)     # Python strings index code points
    return start, start + len(surface)


def judge(case, rows):
    """None when the case passes, else a description of what went wrong."""
    if isinstance(rows, str):
        return rows
    start, end = code_point_span(case.sentence, case.surface)
    hits = [r for r in rows if r["start"] < end and start < r["end"]]
    hits.sort(key=lambda r: (r["start"], r["end"]))
    if case.value == "NONE":
        return "a row overlaps the surface" if hits else None
    if not hits:
        return "no row overlaps the surface"
    expected = case.value.split("/")
    got = [r["value"] for r in hits]
    if set(got) != set(expected):
        missing = [v for v in expected if v not in got]
        extra = [v for v in got if v not in expected]
        what = []
        if missing:
            what.append("missing " + ", ".join(missing))
        if extra:
            what.append("unexpected " + ", ".join(extra))
        return "; ".join(what)
    if len(expected) > 1 and len({r["group"] for r in hits}) != 1:
        return "the values are not one group (one expression)"
    if case.type and hits[0]["type"] != case.type:
        return "type %s, expected %s" % (hits[0]["type"], case.type)
    if case.mod is not None and hits[0]["mod"] != case.mod:
        return "mod %s, expected %s" % (hits[0]["mod"] or "(none)", case.mod or "(none)")
    return None


def describe_expected(case):
    parts = [case.value]
    if case.type:
        parts.append(case.type)
    if case.mod:
        parts.append("mod=" + case.mod)
    return "%s [%s]" % (case.surface, " ".join(parts))


def describe_rows(case, rows):
    """What Chronicle reported: the overlapping rows, else every row."""
    if isinstance(rows, str):
        return "(error)"
    start, end = code_point_span(case.sentence, case.surface)
    hits = [r for r in rows if r["start"] < end and start < r["end"]]
    shown = hits or rows
    if not shown:
        return "nothing"
    text = "; ".join("%s [%s %s%s g%s]" % (r["text"], r["value"], r["type"],
                                           " mod=" + r["mod"] if r["mod"] else "",
                                           r["group"]) for r in shown)
    return text if hits else "nothing overlapping (elsewhere: %s)" % text


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chronicle", required=True, help="the chronicle binary")
    parser.add_argument("--known-failures", metavar="FILE",
                        help="cases expected to fail (id<TAB>reason per line)")
    parser.add_argument("--skip-missing", action="store_true",
                        help="exit 77 (skipped) when a case file does not exist")
    parser.add_argument("tsv", nargs="+", help="case files")
    args = parser.parse_args(argv)

    missing = [p for p in args.tsv if not os.path.exists(p)]
    if missing:
        for path in missing:
            print("%s: no such case file" % path, file=sys.stderr)
        if args.skip_missing:
            print("0 passed, 0 failed, %d skipped" % len(missing))
            return EXIT_SKIP
        return EXIT_HARD_ERROR

    try:
        known = read_known_failures(args.known_failures)
        cases = []
        for path in args.tsv:
            cases.extend(read_cases(path))
        with tempfile.TemporaryDirectory(prefix="chronicle-cases.") as workdir:
            results = collect_rows(args.chronicle, cases, workdir)
    except (HarnessError, OSError) as error:
        print("run_cases: %s" % error, file=sys.stderr)
        return EXIT_HARD_ERROR

    passed = failed = xfail = xpass = 0
    seen = set()
    for index, case in enumerate(cases):
        if case.ident in seen:
            print("FAIL %s (%s): duplicate id" % (case.ident, case.origin))
            failed += 1
            continue
        seen.add(case.ident)
        if case.problem:
            print("FAIL %s (%s): malformed case: %s" % (case.ident, case.origin, case.problem))
            failed += 1
            continue
        rows = results[index]
        why = judge(case, rows)
        if why is None:
            passed += 1
            if case.ident in known:
                xpass += 1
                print("XPASS %s (remove from known failures)" % case.ident)
            continue
        line = "%s: %s | sentence: %s | expected: %s | got: %s" % (
            case.ident, why, case.sentence, describe_expected(case),
            describe_rows(case, rows))
        if case.ident in known:
            xfail += 1
            print("XFAIL %s | known: %s" % (line, known[case.ident] or "no reason given"))
        else:
            failed += 1
            print("FAIL " + line)
    if xfail or xpass:
        print("%d known failures (XFAIL), %d unexpected passes (XPASS)" % (xfail, xpass))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
