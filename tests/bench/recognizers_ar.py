#!/usr/bin/env python3
"""Measure Chronicle's coverage of the Arabic date/time test specifications of
Microsoft Recognizers-Text (the parser specs: sentences with the expected
expression, its span and its TIMEX value).

What it measures
    Each spec file is a JSON array of cases: an `Input` sentence, an optional
    `Context.ReferenceDateTime`, and `Results`, the expected expressions (`Text`,
    `Start`, `Length`, `Type`, and a `Value` with a `Timex` and a past and a
    future resolution).  Every expected result is one test item.  It passes when
    Chronicle, run on the sentence with the reference date as DCT, reports an
    expression whose span overlaps the expected span [Start, Start+Length) and
    whose value agrees with the expected one:

    * single values: the row's value equals the `Timex`; when the `Timex` leaves
      a field open (it contains an X, e.g. XXXX-10-02 or XXXX-WXX-5), the value
      may instead equal one of the resolutions (the resolved date/time, or the
      `Timex` with its open year/month/day filled from a resolution);
    * ranges, written `(start,end,duration)`: a group of rows (same `group`)
      overlapping the span has a range_start row equal to the first end point
      and a range_end row equal to the second (again with the resolutions when
      the end points are open).  A range is also matched by one row whose
      calendar unit covers exactly [start, end), e.g. the decade "197" for
      (1970-01-01,1980-01-01,P10Y) or "2016-Q3" for (2016-07-01,2016-10-01,P3M).
      A bare duration (P18D for a range) never passes: both ends are needed.
      A duration counted from the DCT ("the past three weeks") passes when
      its `interval` covers the range: its first day is the range's start
      and the day after its last is the range's end (the specs write these
      ranges with the end exclusive: (2016-11-08,2016-11-10,P2D) for "the
      next two days").

    Conventions bridged when comparing values (see `canonical` and
    `single_candidates`):
    * times are compared at the precision written: T08, T08:00 and T08:00:00
      are the same clock time (resolutions always carry seconds);
    * a time-only `Timex` (T08:40, TMO, a (T17,T18,PT1H) range) leaves the date
      open in this data; the same time on the DCT date is accepted too.  For a
      set, the daily form XXXX-XX-XXT15 is accepted for T15;
    * a season without a year (SU) also matches XXXX-SU and the seasons of the
      DCT year and the years either side (the spec gives no resolution);
    * a week counted within a month (2016-11-W03, XXXX-07-W04) has no TIMEX3
      form; an ISO week (2016-W47) covering the same days as one of its
      resolutions (start, end exclusive) passes;
    * an empty `Timex` (a holiday the reference implementation cannot resolve)
      passes on the span alone.
    A "strict" figure also requires the reported span (of the row, or of its
    group) to equal the expected span exactly.

    Headline: the files DateParser, DatePeriodParser, DateTimeParser,
    DurationParser, HolidayParser, SetParser, TimeParser and TimePeriodParser.
    DateTimePeriodParser and MergedParser are reported on their own lines.
    Cases marked "NotSupported": "...dotnet..." are ones the reference (.NET)
    implementation itself fails; they are counted and Chronicle's result on
    them is shown beside.

How
    Each case's input is written to a temporary file; Chronicle is run once per
    distinct reference date on all those files:

        chronicle dates --dct YYYY-MM-DD --lang ar --format jsonl FILE...

    and the rows are split by their `file` key.  Cases without a Context use
    2016-11-07, the reference date of most of the specs (the reference
    implementation's own tests would use the current time for them).
    Where `Start`/`Text` do not fit the `Input` (a few specs written for
    failing cases), the expected span is re-located in the input: at the text
    if it occurs there, else at the substring closest to it in edit distance.
    Such items are marked in --verbose.

Disputed results
    recognizers_ar_disputed.tsv, beside this script, lists expected results
    that Chronicle cannot give without breaking a rule it is held to (a
    convention of ../shared/dev/README.md, the TimeML practice of the
    TempEval-3 gold, the refusal to read bare numbers as dates) or that name
    no real date; its header says which.  They are still counted as failures.
    The report splits the headline's failures into those and the rest, and
    gives the pass rate those rules leave reachable; a listed result that
    passes, or that matches no result of the specs, is reported as stale.

Usage
    recognizers_ar.py --chronicle PATH --data DIR [--verbose] [--json]
                      [--min-pass X] [--per-case] [--disputed FILE]

    --verbose     list the failures per file: input, expected text and Timex,
                  and what Chronicle produced
    --json        print the figures as one JSON object instead of the table
                  (verbose details then go to standard error)
    --min-pass X  exit with status 1 when the headline pass rate (percent)
                  is below X
    --per-case    run Chronicle once per case instead of in batches
    --disputed F  the list of disputed results (default: the one beside
                  this script)

Exit status: 0 on success, 1 when below --min-pass, 2 when Chronicle fails or
its output cannot be read.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

from chronicle_jsonl import ChronicleError, parse_jsonl

HEADLINE_FILES = ["DateParser", "DatePeriodParser", "DateTimeParser", "DurationParser",
                  "HolidayParser", "SetParser", "TimeParser", "TimePeriodParser"]
OTHER_FILES = ["DateTimePeriodParser", "MergedParser"]
DEFAULT_DCT = "2016-11-07"
DISPUTED_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                             "recognizers_ar_disputed.tsv")
DISPUTED_CLASSES = ("readme", "tempeval", "invalid", "count")

# How a passing item was matched, in order of preference.
HOW_LITERAL = "timex"          # value equals the Timex as written
HOW_RESOLUTION = "resolution"  # value equals a resolution of an open Timex
HOW_TIME_ONLY = "time-only"    # a time-only Timex on the DCT date (a set: daily form)
HOW_SEASON = "season-year"     # a year-less season given a year
HOW_EXTENT = "calendar-unit"   # one row whose calendar unit covers the range
HOW_INTERVAL = "interval"      # a duration whose interval from the DCT covers the range
HOW_SPAN_ONLY = "span-only"    # the spec has no value to compare

SEASON_RE = re.compile(r"^(SP|SU|FA|WI)$")
MONTH_WEEK_RE = re.compile(r"^(\d{4}|XXXX)-\d\d-W\d\d$")


# ---------------------------------------------------------------------------
# Value normalisation
# ---------------------------------------------------------------------------

TIME_TAIL_RE = re.compile(r"T(\d\d)(?::(\d\d))?(?::(\d\d(?:\.\d+)?))?$")


def canonical(value):
    """Write the clock time at the end of a value as HH:MM[:SS] (seconds only
    when not zero), so that T08, T08:00 and T08:00:00 compare equal."""
    if value is None:
        return None
    value = value.strip()
    match = TIME_TAIL_RE.search(value)
    if not match:
        return value
    hour, minute, second = match.group(1), match.group(2) or "00", match.group(3)
    time = "T%s:%s" % (hour, minute)
    if second and float(second) != 0:
        time += ":" + second
    return value[:match.start()] + time


def as_timex(resolved):
    """Turn a resolution string into TIMEX-like form, or None.
    "2016-11-15" -> same; "2016-11-15 08:00:00" -> "2016-11-15T08:00:00";
    "08:40:00" -> "T08:40:00"; "Set: P1W" -> "P1W"."""
    if not isinstance(resolved, str):
        return None
    resolved = resolved.strip()
    if resolved.startswith("Set: "):
        return resolved[5:]
    if re.fullmatch(r"\d{4}-\d\d-\d\d", resolved):
        return resolved
    match = re.fullmatch(r"(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)", resolved)
    if match:
        return "%sT%s" % match.groups()
    if re.fullmatch(r"\d\d:\d\d:\d\d", resolved):
        return "T" + resolved
    return None


def is_open(timex):
    """True when the Timex leaves a calendar field open (an X)."""
    return "X" in timex


def split_date_time(timex):
    """Split a Timex into its date part and the rest ("T..." or "")."""
    position = timex.find("T")
    if position < 0:
        return timex, ""
    return timex[:position], timex[position:]


def fill(timex, resolved):
    """Fill the open (X) year/month/day digits of `timex` from the resolved
    date at the start of `resolved` ("YYYY-MM-DD..."), keeping the granularity
    of the Timex: XXXX-10 -> 2017-10, XX70-01-01 -> 1970-01-01, XXXX-SU ->
    2017-SU.  Weekday forms (XXXX-WXX-5, XXXX-11-WXX-4-4) become the resolved
    date.  Returns None when nothing can be filled."""
    if not resolved or not re.match(r"\d{4}-\d\d-\d\d", resolved):
        return None
    date, rest = split_date_time(timex)
    if not date:
        return None
    if "WXX" in date:
        return resolved[:10] + rest
    filled = list(date)
    for position in (0, 1, 2, 3, 5, 6, 8, 9):
        if position < len(filled) and filled[position] == "X":
            filled[position] = resolved[position]
    return "".join(filled) + rest


def calendar_extent(value):
    """The days a calendar-unit value covers, as (first day, day after) ISO
    strings, or None: years, decades (197), centuries (19), months, quarters,
    halves, ISO weeks and days."""
    date = datetime.date
    try:
        if re.fullmatch(r"\d{4}", value):
            year = int(value)
            return date(year, 1, 1).isoformat(), date(year + 1, 1, 1).isoformat()
        if re.fullmatch(r"\d{3}", value):
            year = int(value) * 10
            return date(year, 1, 1).isoformat(), date(year + 10, 1, 1).isoformat()
        if re.fullmatch(r"\d{2}", value):
            year = int(value) * 100
            return date(max(year, 1), 1, 1).isoformat(), date(year + 100, 1, 1).isoformat()
        match = re.fullmatch(r"(\d{4})-(\d\d)", value)
        if match:
            return month_span(int(match.group(1)), int(match.group(2)), 1)
        match = re.fullmatch(r"(\d{4})-Q([1-4])", value)
        if match:
            return month_span(int(match.group(1)), 3 * int(match.group(2)) - 2, 3)
        match = re.fullmatch(r"(\d{4})-H([12])", value)
        if match:
            return month_span(int(match.group(1)), 6 * int(match.group(2)) - 5, 6)
        match = re.fullmatch(r"(\d{4})-W(\d\d)", value)
        if match:
            first = date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
            return first.isoformat(), (first + datetime.timedelta(days=7)).isoformat()
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            first = date.fromisoformat(value)
            return first.isoformat(), (first + datetime.timedelta(days=1)).isoformat()
    except ValueError:
        return None
    return None


def month_span(year, month, count):
    """(first day, day after) of `count` months starting at year-month."""
    end_year, end_month = year + (month - 1 + count) // 12, (month - 1 + count) % 12 + 1
    return (datetime.date(year, month, 1).isoformat(),
            datetime.date(end_year, end_month, 1).isoformat())


# ---------------------------------------------------------------------------
# Reading the specs
# ---------------------------------------------------------------------------

class Reading:
    """One acceptable interpretation: a Timex and its resolutions (each a dict
    with TIMEX-like 'value', 'start', 'end' or None)."""

    def __init__(self, timex, resolutions):
        self.timex = (timex or "").strip()
        self.resolutions = resolutions

    def range_ends(self):
        """(start, end) Timex pair for a range, else None.  Ranges are written
        "(start,end,duration)"; two specs omit the parentheses."""
        if "," not in self.timex:
            return None
        parts = self.timex.strip("()").split(",")
        return parts[0].strip(), parts[1].strip()


class Item:
    """One expected result of one case."""

    def __init__(self, spec, case_no, case, result, dct):
        self.spec = spec
        self.case_no = case_no
        self.input = case["Input"]
        self.text = result.get("Text", "")
        self.type = result.get("Type", "")
        self.dct = dct
        self.dotnet_fails = "dotnet" in str(case.get("NotSupported", "")).lower()
        self.start, self.end, self.span_note = locate_span(
            self.input, self.text, result.get("Start", -1), result.get("Length", 0))
        self.readings = readings_of(result.get("Value") or {})
        self.outcome = None  # filled in by judge()
        self.disputed = None  # (class, reason) from the disputed list

    def expected_timex(self):
        return " | ".join(r.timex or '""' for r in self.readings)


def locate_span(text, expected, start, length):
    """The expected span as (start, end, note).  note is None when Start and
    Length fit; otherwise the span is re-located and note says how."""
    if start >= 0 and text[start:start + length] == expected:
        return start, start + length, None
    found = text.find(expected)
    if expected and found >= 0:
        return found, found + len(expected), "moved to where the text occurs"
    start, end = closest_substring(text, expected)
    return start, end, "text not in input; closest substring used"


def closest_substring(text, pattern):
    """(start, end) of the substring of `text` with the smallest edit distance
    to `pattern` (approximate substring search; the longest such on ties)."""
    # cost[j] / origin[j]: best distance of pattern[:i] ending at text[:j],
    # and where that substring starts; row i = 0 lets a match start anywhere.
    cost = [0] * (len(text) + 1)
    origin = list(range(len(text) + 1))
    for i in range(1, len(pattern) + 1):
        new_cost, new_origin = [i] + [0] * len(text), [0] + [0] * len(text)
        for j in range(1, len(text) + 1):
            options = [
                (cost[j - 1] + (pattern[i - 1] != text[j - 1]), origin[j - 1]),
                (cost[j] + 1, origin[j]),                  # pattern char left out
                (new_cost[j - 1] + 1, new_origin[j - 1]),  # text char left out
            ]
            new_cost[j], new_origin[j] = min(options, key=lambda o: o[0])
        cost, origin = new_cost, new_origin
    end = min(range(len(text) + 1), key=lambda j: (cost[j], -j))
    return origin[end], end


def resolution_of(entry):
    """Normalise a FutureResolution/PastResolution dict or a MergedParser
    `values` entry to {'value', 'start', 'end'} in TIMEX-like form."""
    def first(*keys):
        for key in keys:
            if key in entry:
                return as_timex(entry[key])
        return None
    return {
        "value": first("date", "dateTime", "time", "set", "value"),
        "start": first("startDate", "startDateTime", "startTime", "start"),
        "end": first("endDate", "endDateTime", "endTime", "end"),
    }


def readings_of(value):
    """Readings of a result's Value: one for the parser files (Timex with its
    future and past resolutions), one per entry of `values` in MergedParser."""
    if "values" in value:
        return [Reading(entry.get("timex"), [resolution_of(entry)])
                for entry in value["values"]]
    resolutions = [resolution_of(value.get(key) or {})
                   for key in ("FutureResolution", "PastResolution")]
    return [Reading(value.get("Timex"), resolutions)]


def load_spec(data_dir, spec):
    """Items of one spec file (a list, in file order)."""
    with open(os.path.join(data_dir, spec + ".json"), encoding="utf-8-sig") as handle:
        cases = json.load(handle)
    items = []
    for case_no, case in enumerate(cases):
        context = case.get("Context") or {}
        dct = str(context.get("ReferenceDateTime") or DEFAULT_DCT)[:10]
        for result in case.get("Results", []):
            items.append(Item(spec, case_no, case, result, dct))
    return items


# ---------------------------------------------------------------------------
# Running Chronicle
# ---------------------------------------------------------------------------

def run_files(binary, dct, paths):
    """Run Chronicle on the given files; return its rows, or raise."""
    command = [binary, "dates", "--dct", dct, "--lang", "ar", "--format", "jsonl"] + paths
    try:
        done = subprocess.run(command, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as error:
        raise ChronicleError("cannot run %s: %s" % (binary, error))
    if done.returncode != 0:
        shown = " ".join(command[:8]) + (" ..." if len(command) > 8 else "")
        raise ChronicleError("%s exited with status %d: %s" % (
            shown, done.returncode, done.stderr.decode("utf-8", "replace").strip()[:2000]))
    return parse_jsonl(done.stdout.decode("utf-8"))


def split_by_file(rows, paths):
    """Rows per path, matched on the `file` key (exact, else by base name)."""
    by_path = {path: [] for path in paths}
    by_name = {os.path.basename(path): path for path in paths}
    for row in rows:
        name = str(row.get("file", ""))
        path = name if name in by_path else by_name.get(os.path.basename(name))
        if path is None:
            raise ChronicleError("row for an unknown file %r" % name)
        by_path[path].append(row)
    return by_path


def run_cases(binary, cases, workdir, per_case):
    """Run Chronicle on every case; `cases` maps a key to (input, dct).
    Returns {key: rows}.  Cases are batched per DCT unless `per_case`; when a
    batch fails, its cases are rerun one by one to name the failing input."""
    paths = {}
    for key, (text, _) in sorted(cases.items()):
        if text.startswith("---"):
            raise ChronicleError("%s: input starts with '---' (front matter)" % (key,))
        path = os.path.join(workdir, "%s-%03d.txt" % key)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        paths[key] = path
    batches = {}
    for key, (_, dct) in cases.items():
        batches.setdefault(dct, []).append(key)
    results = {}
    for dct, keys in sorted(batches.items()):
        groups = [[key] for key in sorted(keys)] if per_case else [sorted(keys)]
        for group in groups:
            results.update(run_batch(binary, dct, group, paths))
    return results


def run_batch(binary, dct, keys, paths):
    """Rows for each key of one batch (one Chronicle process)."""
    batch_paths = [paths[key] for key in keys]
    try:
        rows = run_files(binary, dct, batch_paths)
    except ChronicleError:
        if len(keys) == 1:
            raise
        for key in keys:  # find the input that fails, for the error message
            try:
                run_files(binary, dct, [paths[key]])
            except ChronicleError as error:
                raise ChronicleError("%s case %d (%s): %s" % (key[0], key[1],
                                                             paths[key], error))
        raise
    by_path = split_by_file(rows, batch_paths)
    return {key: by_path[paths[key]] for key in keys}


# ---------------------------------------------------------------------------
# Judging one item
# ---------------------------------------------------------------------------

class Outcome:
    """Result of one item: passed (overlap), strict (exact span) and how."""

    def __init__(self, passed=False, strict=False, how=None):
        self.passed = passed
        self.strict = strict
        self.how = how


def span_of(rows):
    return min(int(r["start"]) for r in rows), max(int(r["end"]) for r in rows)


def overlaps(start, end, item):
    return start < item.end and item.start < end


def groups_of(rows):
    """Rows grouped by their `group` number (rows lacking one stand alone)."""
    groups = {}
    for index, row in enumerate(rows):
        key = row.get("group")
        if key is None:
            key = ("alone", index)
        groups.setdefault(key, []).append(row)
    return list(groups.values())


def single_candidates(reading, item):
    """Acceptable values for a single-value reading: {canonical value: how}."""
    timex = reading.timex
    found = {}

    def add(value, how):
        value = canonical(value)
        if value and value not in found:
            found[value] = how

    add(timex, HOW_LITERAL)
    if SEASON_RE.match(timex):
        add("XXXX-" + timex, HOW_LITERAL)
        year = int(item.dct[:4])
        for y in (year - 1, year, year + 1):
            add("%d-%s" % (y, timex), HOW_SEASON)
    if is_open(timex):
        for resolution in reading.resolutions:
            add(resolution["value"], HOW_RESOLUTION)
            source = resolution["value"] or resolution["start"] or resolution["end"]
            add(fill(timex, source), HOW_RESOLUTION)
    if timex.startswith("T"):
        if item.type == "set":
            add("XXXX-XX-XX" + timex, HOW_TIME_ONLY)
        else:
            add(item.dct + timex, HOW_TIME_ONLY)
    return found


def range_candidates(reading, item):
    """Acceptable (start, end) pairs for a range reading: {pair: how}."""
    first, last = reading.range_ends()
    found = {}

    def add(a, b, how):
        pair = (canonical(a), canonical(b))
        if pair[0] and pair[1] and pair not in found:
            found[pair] = how

    add(first, last, HOW_LITERAL)
    if is_open(reading.timex):
        for resolution in reading.resolutions:
            add(resolution["start"], resolution["end"], HOW_RESOLUTION)
            add(fill(first, resolution["start"]), fill(last, resolution["end"]),
                HOW_RESOLUTION)
    if first.startswith("T") and last.startswith("T"):
        add(item.dct + first, item.dct + last, HOW_TIME_ONLY)
    return found


def end_point_matches(expected, value):
    """A range end point matches a row value when equal, or when the row names
    a calendar unit that begins on the expected day (2014 for 2014-01-01)."""
    if canonical(value) == expected:
        return True
    extent = calendar_extent(value or "")
    return bool(extent) and re.fullmatch(r"\d{4}-\d\d-\d\d", expected) is not None \
        and extent[0] == expected


def week_extents(reading):
    """For a week-of-month Timex, the (start, end) days of its resolutions."""
    if not MONTH_WEEK_RE.match(reading.timex):
        return set()
    return {(r["start"], r["end"]) for r in reading.resolutions
            if r["start"] and r["end"]}


def judge_single(reading, item, rows):
    """Outcome for a single-value reading."""
    candidates = single_candidates(reading, item)
    weeks = week_extents(reading)
    best = Outcome()
    for group in groups_of(rows):
        group_span = span_of(group)
        for row in group:
            start, end = int(row["start"]), int(row["end"])
            raw = str(row.get("value") or "")
            value = canonical(raw)
            if not overlaps(start, end, item):
                continue
            if value in candidates:
                how = candidates[value]
            elif re.fullmatch(r"\d{4}-W\d\d", raw) and calendar_extent(raw) in weeks:
                how = HOW_EXTENT
            else:
                continue
            strict = (start, end) == (item.start, item.end) or \
                group_span == (item.start, item.end)
            best = better(best, Outcome(True, strict, how))
    return best


def judge_range(reading, item, rows):
    """Outcome for a range reading: a start/end group, or one calendar unit."""
    candidates = range_candidates(reading, item)
    best = Outcome()
    for group in groups_of(rows):
        start, end = span_of(group)
        if not overlaps(start, end, item):
            continue
        firsts = [r.get("value") for r in group if r.get("role") == "range_start"]
        lasts = [r.get("value") for r in group if r.get("role") == "range_end"]
        for (a, b), how in candidates.items():
            if any(end_point_matches(a, x) for x in firsts) and \
                    any(end_point_matches(b, y) for y in lasts):
                best = better(best, Outcome(True, (start, end) == (item.start, item.end), how))
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        extent = calendar_extent(str(row.get("value") or ""))
        if extent and overlaps(start, end, item) and extent in candidates:
            best = better(best, Outcome(True, (start, end) == (item.start, item.end),
                                        HOW_EXTENT))
        interval = row.get("interval")
        if interval and overlaps(start, end, item):
            day_after = (datetime.date.fromisoformat(interval["last"]) +
                         datetime.timedelta(days=1)).isoformat()
            if (interval["first"], day_after) in candidates:
                best = better(best, Outcome(True, (start, end) == (item.start, item.end),
                                            HOW_INTERVAL))
    return best


def judge_span_only(item, rows):
    """Outcome when the spec gives no value: any overlapping row passes."""
    best = Outcome()
    for group in groups_of(rows):
        group_span = span_of(group)
        for row in group:
            start, end = int(row["start"]), int(row["end"])
            if overlaps(start, end, item):
                strict = (item.start, item.end) in ((start, end), group_span)
                best = better(best, Outcome(True, strict, HOW_SPAN_ONLY))
    return best


def better(a, b):
    """The better of two outcomes (strict pass > pass > fail)."""
    return b if (b.passed, b.strict) > (a.passed, a.strict) else a


def judge(item, rows):
    """Set item.outcome from Chronicle's rows for the item's case."""
    outcome = Outcome()
    for reading in item.readings:
        if not reading.timex:
            found = judge_span_only(item, rows)
        elif reading.range_ends():
            found = judge_range(reading, item, rows)
        else:
            found = judge_single(reading, item, rows)
        outcome = better(outcome, found)
    item.outcome = outcome


def offset_warnings(item, rows):
    """Rows whose `text` differs from the input at their offsets."""
    warnings = []
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        if row.get("text") is not None and row["text"] != item.input[start:end]:
            warnings.append("%s case %d: [%d,%d) holds %r but the row says %r" % (
                item.spec, item.case_no, start, end, item.input[start:end], row["text"]))
    return warnings


# ---------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------

def tally(items):
    """Counts over a list of items."""
    counts = {
        "results": len(items),
        "pass": sum(1 for i in items if i.outcome.passed),
        "strict": sum(1 for i in items if i.outcome.strict),
        "cases": len({i.case_no for i in items}),
        "dotnet_fails": sum(1 for i in items if i.dotnet_fails),
        "dotnet_fail_cases": len({i.case_no for i in items if i.dotnet_fails}),
        "pass_on_dotnet_fails": sum(1 for i in items if i.dotnet_fails and i.outcome.passed),
        "span_relocated": sum(1 for i in items if i.span_note),
        "how": {},
    }
    for item in items:
        if item.outcome.passed:
            counts["how"][item.outcome.how] = counts["how"].get(item.outcome.how, 0) + 1
    return counts


def add_tallies(tallies):
    """Sum of several tallies (for the headline total)."""
    total = {"results": 0, "pass": 0, "strict": 0, "cases": 0, "dotnet_fails": 0,
             "dotnet_fail_cases": 0, "pass_on_dotnet_fails": 0, "span_relocated": 0,
             "how": {}}
    for t in tallies:
        for key in total:
            if key == "how":
                for how, n in t["how"].items():
                    total["how"][how] = total["how"].get(how, 0) + n
            else:
                total[key] += t[key]
    return total


def percent(part, whole):
    return 100.0 * part / whole if whole else 0.0


TABLE_FORMAT = "%-21s %5s %5s %6s %6s %6s  %6s %6s %6s"


def table_line(name, t):
    return TABLE_FORMAT % (
        name, t["results"], t["pass"], "%.1f" % percent(t["pass"], t["results"]),
        t["strict"], "%.1f" % percent(t["strict"], t["results"]),
        t["results"] - t["dotnet_fails"], t["dotnet_fails"], t["pass_on_dotnet_fails"])


def print_table(per_file, headline, out):
    print("Recognizers-Text Arabic date/time parser specs: pass = overlapping span with "
          "an equal value; strict = exact span too", file=out)
    print("ref ok / ref fail = results the reference (.NET) implementation passes / is "
          "marked NotSupported on; chr = Chronicle passes among the latter", file=out)
    print("", file=out)
    print(TABLE_FORMAT % ("spec", "items", "pass", "%", "strict", "%",
                          "ref ok", "fail", "chr"), file=out)
    for name in HEADLINE_FILES:
        print(table_line(name, per_file[name]), file=out)
    print(table_line("headline (8 specs)", headline), file=out)
    print("", file=out)
    for name in OTHER_FILES:
        print(table_line(name, per_file[name]), file=out)
    print("", file=out)
    marked_cases = sum(t["dotnet_fail_cases"] for t in per_file.values())
    marked_results = sum(t["dotnet_fails"] for t in per_file.values())
    print("Marked NotSupported for dotnet: %d cases (%d results) in these %d specs; "
          "%d results in the headline, so the reference passes the other %d/%d there."
          % (marked_cases, marked_results, len(per_file), headline["dotnet_fails"],
             headline["results"] - headline["dotnet_fails"], headline["results"]), file=out)
    hows = ", ".join("%s %d" % (how, n) for how, n in sorted(headline["how"].items()))
    print("Headline passes by kind of match: %s" % (hows or "none"), file=out)
    relocated = sum(t["span_relocated"] for t in per_file.values())
    print("Expected spans re-located because Start/Text do not fit the input: %d" % relocated,
          file=out)


def describe_rows(rows):
    if not rows:
        return "nothing"
    return "; ".join('"%s" [%s,%s) %s %s%s g%s %s' % (
        r.get("text"), r.get("start"), r.get("end"), r.get("type"), r.get("value"),
        (" mod=" + r["mod"]) if r.get("mod") else "", r.get("group"), r.get("role"))
        for r in rows)


def print_failures(spec, items, rows_of, out):
    failures = [i for i in items if not i.outcome.passed]
    if not failures:
        return
    print("%s: %d of %d fail" % (spec, len(failures), len(items)), file=out)
    for item in failures:
        marks = []
        if item.dotnet_fails:
            marks.append("ref fails too")
        if item.span_note:
            marks.append("span " + item.span_note)
        if item.disputed:
            marks.append("disputed: %s, %s" % item.disputed)
        print("  #%d %s%s" % (item.case_no, item.input,
                              ("  [" + "; ".join(marks) + "]") if marks else ""), file=out)
        print("     expected \"%s\" [%d,%d) %s  (DCT %s)" % (
            item.text, item.start, item.end, item.expected_timex(), item.dct), file=out)
        print("     chronicle %s" % describe_rows(rows_of[(item.spec, item.case_no)]), file=out)


# ---------------------------------------------------------------------------
# Disputed results
# ---------------------------------------------------------------------------

class DisputedError(Exception):
    pass


def load_disputed(path):
    """{(spec, case number, expected text): (class, reason)} from the TSV
    list; raises DisputedError naming the line of a malformed entry."""
    entries = {}
    with open(path, encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if (len(fields) != 5 or not fields[1].isdigit()
                    or fields[3] not in DISPUTED_CLASSES or not fields[4]):
                raise DisputedError("%s:%d: expected spec, case, text, class (%s), reason"
                                    % (path, line_no, "|".join(DISPUTED_CLASSES)))
            key = (fields[0], int(fields[1]), fields[2])
            if key in entries:
                raise DisputedError("%s:%d: listed twice" % (path, line_no))
            entries[key] = (fields[3], fields[4])
    return entries


def mark_disputed(items, entries):
    """Marks the items the list names; returns the stale entries (keys that
    name no item, and items that pass)."""
    found = set()
    stale = []
    for spec_items in items.values():
        for item in spec_items:
            key = (item.spec, item.case_no, item.text)
            if key in entries:
                item.disputed = entries[key]
                found.add(key)
                if item.outcome.passed:
                    stale.append("%s #%d \"%s\" passes" % key)
    stale.extend("%s #%d \"%s\" is no result of the specs" % key
                 for key in sorted(set(entries) - found))
    return stale


def disputed_summary(items):
    """The headline's failures split by class, and the reachable pass rate."""
    results = [i for spec in HEADLINE_FILES for i in items[spec]]
    failing = [i for i in results if not i.outcome.passed]
    by_class = {c: sum(1 for i in failing if i.disputed and i.disputed[0] == c)
                for c in DISPUTED_CLASSES}
    disputed = sum(by_class.values())
    return {"results": len(results), "failures": len(failing), "disputed": disputed,
            "by_class": by_class, "other": len(failing) - disputed,
            "reachable": len(results) - disputed}


def print_disputed(summary, stale, out):
    print("Headline failures: %d; disputed %d (%s), other %d. Reachable under those rules:"
          " %d/%d (%.1f%%)." % (
              summary["failures"], summary["disputed"],
              ", ".join("%s %d" % (c, summary["by_class"][c]) for c in DISPUTED_CLASSES),
              summary["other"], summary["reachable"], summary["results"],
              percent(summary["reachable"], summary["results"])), file=out)
    for line in stale:
        print("stale disputed entry: %s" % line, file=out)


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        description="Coverage of Chronicle on the Recognizers-Text Arabic date/time specs.")
    parser.add_argument("--chronicle", required=True, help="path of the chronicle binary")
    parser.add_argument("--data", required=True, help="directory holding the *Parser.json specs")
    parser.add_argument("--verbose", action="store_true", help="list failures per spec file")
    parser.add_argument("--json", action="store_true",
                        help="print the figures as JSON instead of the table")
    parser.add_argument("--min-pass", type=float, metavar="X",
                        help="exit 1 if the headline pass rate (percent) is below X")
    parser.add_argument("--per-case", action="store_true",
                        help="run chronicle once per case instead of in batches")
    parser.add_argument("--disputed", default=DISPUTED_FILE, metavar="FILE",
                        help="the list of disputed results (default: %(default)s)")
    return parser.parse_args(argv)


def evaluate(binary, data_dir, per_case):
    """Load the specs, run Chronicle, judge every item.
    Returns (items per spec, rows per case key, offset warnings)."""
    items = {spec: load_spec(data_dir, spec) for spec in HEADLINE_FILES + OTHER_FILES}
    cases = {}
    for spec, spec_items in items.items():
        for item in spec_items:
            cases[(spec, item.case_no)] = (item.input, item.dct)
    with tempfile.TemporaryDirectory(prefix="recognizers_ar.") as workdir:
        rows_of = run_cases(binary, cases, workdir, per_case)
    warnings = []
    for spec_items in items.values():
        for item in spec_items:
            rows = rows_of[(item.spec, item.case_no)]
            judge(item, rows)
            warnings.extend(offset_warnings(item, rows))
    return items, rows_of, sorted(set(warnings))


def main(argv=None):
    args = parse_arguments(argv)
    try:
        entries = load_disputed(args.disputed)
    except (OSError, DisputedError) as error:
        print("disputed list: %s" % error, file=sys.stderr)
        return 2
    try:
        items, rows_of, warnings = evaluate(args.chronicle, args.data, args.per_case)
    except ChronicleError as error:
        print("chronicle failed: %s" % error, file=sys.stderr)
        return 2
    for warning in warnings:
        print("warning: %s" % warning, file=sys.stderr)
    stale = mark_disputed(items, entries)
    disputed = disputed_summary(items)
    per_file = {spec: tally(spec_items) for spec, spec_items in items.items()}
    headline = add_tallies(per_file[name] for name in HEADLINE_FILES)
    details_out = sys.stderr if args.json else sys.stdout
    if args.verbose:
        for spec in HEADLINE_FILES + OTHER_FILES:
            print_failures(spec, items[spec], rows_of, details_out)
        print("", file=details_out)
    rate = percent(headline["pass"], headline["results"])
    if args.json:
        print(json.dumps({
            "headline": dict(headline, pass_rate=round(rate, 2),
                             strict_rate=round(percent(headline["strict"],
                                                       headline["results"]), 2)),
            "files": per_file, "default_dct": DEFAULT_DCT,
            "disputed": dict(disputed, stale=stale),
            "offset_warnings": len(warnings)}, indent=2, sort_keys=True))
    else:
        print_table(per_file, headline, sys.stdout)
        print_disputed(disputed, stale, sys.stdout)
    if args.min_pass is not None and rate < args.min_pass:
        print("headline pass rate %.1f%% is below the required %.1f%%"
              % (rate, args.min_pass), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
