#!/usr/bin/env python3
"""Score Chronicle on the TempEval-3 "platinum" test set (TIMEX3 recognition
and normalisation, English news).

What it measures
    For each TimeML file, the gold TIMEX3 annotations inside <TEXT> are compared
    with the temporal expressions Chronicle finds in the same text, following the
    definitions of the TempEval-3 evaluation (task A, time expressions):

    * strict match  - a gold and a system expression have identical spans;
    * relaxed match - their spans overlap.  Matching is one-to-one: every gold
                      expression pairs with at most one system expression and
                      vice versa (pairs are taken greedily, largest overlap first);
    * precision = matches / system expressions, recall = matches / gold
      expressions, F1 = their harmonic mean (strict and relaxed separately);
    * value F1 = relaxed F1 x the share of relaxed pairs whose TIMEX3 value is
      identical; type F1 likewise with the TIMEX3 type.

    The results are printed beside the published TempEval-3 figures of
    HeidelTime and SUTime.

How
    Each file is read with an XML parser.  The document creation time (DCT) is
    the value of the TIMEX3 with functionInDocument="CREATION_TIME".  The content
    of <TEXT> is flattened to plain text (all tags removed, character data kept
    exactly, XML entities decoded) while the code-point offsets of every gold
    TIMEX3 are recorded.  The plain text is piped to

        chronicle dates --dct DCT --lang en --format jsonl

    and the JSON lines it prints (start/end code-point offsets, type, value) are
    the system expressions.

Usage
    tempeval3.py --chronicle PATH --data DIR [--verbose] [--json]
                 [--min-value-f1 X]

    --verbose         list per file the missed gold expressions, the spurious
                      system ones, span differences and value/type mismatches
    --json            print the figures as one JSON object instead of the table
                      (verbose details then go to standard error)
    --min-value-f1 X  exit with status 1 when value F1 (in percent, as printed)
                      is below X

Exit status: 0 on success, 1 when below --min-value-f1, 2 when Chronicle fails
or its output cannot be read.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

from chronicle_jsonl import ChronicleError, parse_jsonl

# Published TempEval-3 results on this test set (UzZaman et al., SemEval 2013),
# in percent.  None = figure not recorded here.
PUBLISHED = [
    ("HeidelTime", {"strict_f1": 81.34, "relaxed_f1": 90.30, "value_f1": 77.61}),
    ("SUTime", {"strict_f1": None, "relaxed_f1": None, "value_f1": 67.38}),
]


# ---------------------------------------------------------------------------
# Reading the gold data
# ---------------------------------------------------------------------------

class Timex:
    """One temporal expression (gold or system): span, text, type and value."""

    def __init__(self, start, end, text, ttype, value):
        self.start = start
        self.end = end
        self.text = text
        self.type = ttype
        self.value = value

    def span(self):
        return (self.start, self.end)

    def describe(self):
        return '"%s" [%d,%d) %s %s' % (self.text.replace("\n", " "), self.start,
                                      self.end, self.type, self.value)


def flatten(element, parts, length, timexes):
    """Append the character data of `element` (text, children, not its tail) to
    `parts`; record every TIMEX3 met with its offsets.  `length` is the number
    of code points already in `parts`; the new length is returned."""
    if element.text:
        parts.append(element.text)
        length += len(element.text)
    for child in element:
        start, first_part = length, len(parts)
        length = flatten(child, parts, length, timexes)
        if child.tag == "TIMEX3":
            text = "".join(parts[first_part:])
            timexes.append(Timex(start, length, text, child.get("type", ""),
                                 child.get("value", "")))
        if child.tail:
            parts.append(child.tail)
            length += len(child.tail)
    return length


def read_document(path):
    """Return (dct, plain_text, gold_timexes) for one TimeML file."""
    root = ET.parse(path).getroot()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value", "")[:10]
            break
    if not dct:
        raise ValueError("%s: no TIMEX3 with functionInDocument=CREATION_TIME" % path)
    text_element = root.find("TEXT")
    if text_element is None:
        raise ValueError("%s: no <TEXT> element" % path)
    parts, gold = [], []
    flatten(text_element, parts, 0, gold)
    return dct, "".join(parts), gold


# ---------------------------------------------------------------------------
# Running Chronicle
# ---------------------------------------------------------------------------

def run_chronicle(binary, dct, text):
    """Run Chronicle on `text` (via stdin) and return its JSON rows."""
    if text.startswith("---"):
        # Chronicle would read the start as front matter and shift the offsets.
        raise ChronicleError("text starts with '---'; offsets would not line up")
    command = [binary, "dates", "--dct", dct, "--lang", "en", "--format", "jsonl"]
    try:
        done = subprocess.run(command, input=text.encode("utf-8"),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as error:
        raise ChronicleError("cannot run %s: %s" % (binary, error))
    if done.returncode != 0:
        raise ChronicleError("%s exited with status %d: %s" % (
            " ".join(command), done.returncode,
            done.stderr.decode("utf-8", "replace").strip()))
    return parse_jsonl(done.stdout.decode("utf-8"))


def system_timexes(rows, text, warnings):
    """Turn Chronicle rows into Timex objects (one per distinct span).  Rows
    whose `text` does not equal the text at their offsets are reported in
    `warnings`; the offsets are trusted."""
    seen, result = set(), []
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        actual = text[start:end]
        if row.get("text") is not None and row.get("text") != actual:
            warnings.append("offsets [%d,%d) hold %r but the row says %r"
                            % (start, end, actual, row.get("text")))
        if (start, end) in seen:
            continue
        seen.add((start, end))
        result.append(Timex(start, end, actual, row.get("type") or "",
                            row.get("value") or ""))
    return result


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

def overlap(a, b):
    """Number of code points two spans share (0 if they do not overlap)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def align_relaxed(gold, system):
    """One-to-one pairing of overlapping spans, greedily by largest overlap
    (ties: earlier gold, then earlier system).  Returns (gold_i, sys_j) pairs."""
    candidates = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            shared = overlap(g, s)
            if shared > 0:
                candidates.append((-shared, i, j))
    candidates.sort()
    used_gold, used_system, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_system:
            used_gold.add(i)
            used_system.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def count_strict(gold, system):
    """Number of gold spans that some system span equals exactly."""
    system_spans = {s.span() for s in system}
    return sum(1 for g in {g.span() for g in gold} if g in system_spans)


class Counts:
    """Running totals over the corpus."""

    def __init__(self):
        self.gold = self.system = 0
        self.strict = self.relaxed = 0
        self.value_ok = self.type_ok = 0

    def add(self, gold, system, pairs, strict):
        self.gold += len(gold)
        self.system += len(system)
        self.strict += strict
        self.relaxed += len(pairs)
        self.value_ok += sum(1 for i, j in pairs if gold[i].value == system[j].value)
        self.type_ok += sum(1 for i, j in pairs if gold[i].type == system[j].type)


def prf(matches, n_system, n_gold):
    """Precision, recall and F1 in percent."""
    p = 100.0 * matches / n_system if n_system else 0.0
    r = 100.0 * matches / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def figures(counts, n_files):
    """All reported figures as a dictionary (percentages)."""
    sp, sr, sf = prf(counts.strict, counts.system, counts.gold)
    rp, rr, rf = prf(counts.relaxed, counts.system, counts.gold)
    value_acc = 100.0 * counts.value_ok / counts.relaxed if counts.relaxed else 0.0
    type_acc = 100.0 * counts.type_ok / counts.relaxed if counts.relaxed else 0.0
    return {
        "files": n_files, "gold": counts.gold, "system": counts.system,
        "strict_matches": counts.strict, "relaxed_matches": counts.relaxed,
        "value_correct": counts.value_ok, "type_correct": counts.type_ok,
        "strict_p": sp, "strict_r": sr, "strict_f1": sf,
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "value_accuracy": value_acc, "value_f1": rf * value_acc / 100.0,
        "type_accuracy": type_acc, "type_f1": rf * type_acc / 100.0,
    }


# ---------------------------------------------------------------------------
# Reporting
# ---------------------------------------------------------------------------

def file_details(name, gold, system, pairs):
    """Human-readable differences for one file (list of lines)."""
    lines = []
    matched_gold = {i for i, _ in pairs}
    matched_system = {j for _, j in pairs}
    for i, g in enumerate(gold):
        if i not in matched_gold:
            lines.append("  missed    gold %s" % g.describe())
    for j, s in enumerate(system):
        if j not in matched_system:
            lines.append("  spurious  sys  %s" % s.describe())
    for i, j in pairs:
        g, s = gold[i], system[j]
        if g.span() != s.span():
            lines.append("  span      gold \"%s\" [%d,%d) vs sys \"%s\" [%d,%d)"
                         % (g.text, g.start, g.end, s.text, s.start, s.end))
        if g.value != s.value:
            lines.append("  value     gold \"%s\" %s vs sys \"%s\" %s"
                         % (g.text, g.value, s.text, s.value))
        if g.type != s.type:
            lines.append("  type      gold \"%s\" %s vs sys \"%s\" %s"
                         % (g.text, g.type, s.text, s.type))
    if lines:
        lines.insert(0, "%s: %d gold, %d system" % (name, len(gold), len(system)))
    return lines


def fmt(number):
    return "%6.2f" % number if number is not None else "     -"


def print_table(result, out):
    """Summary table plus comparison with the published systems."""
    r = result
    print("TempEval-3 platinum: %d files, %d gold TIMEX3, %d system expressions"
          % (r["files"], r["gold"], r["system"]), file=out)
    print("", file=out)
    print("              P       R      F1   matches", file=out)
    print("strict   %s  %s  %s   %d" % (fmt(r["strict_p"]), fmt(r["strict_r"]),
                                       fmt(r["strict_f1"]), r["strict_matches"]), file=out)
    print("relaxed  %s  %s  %s   %d" % (fmt(r["relaxed_p"]), fmt(r["relaxed_r"]),
                                       fmt(r["relaxed_f1"]), r["relaxed_matches"]), file=out)
    print("value F1 %s  (%d/%d relaxed pairs with equal value, %.2f%%)"
          % (fmt(r["value_f1"]), r["value_correct"], r["relaxed_matches"],
             r["value_accuracy"]), file=out)
    print("type F1  %s  (%d/%d relaxed pairs with equal type, %.2f%%)"
          % (fmt(r["type_f1"]), r["type_correct"], r["relaxed_matches"],
             r["type_accuracy"]), file=out)
    print("", file=out)
    print("Comparison (F1, %)    strict  relaxed   value", file=out)
    for name, pub in PUBLISHED:
        print("%-18s  %s   %s  %s" % (name, fmt(pub["strict_f1"]),
                                      fmt(pub["relaxed_f1"]), fmt(pub["value_f1"])), file=out)
    print("%-18s  %s   %s  %s" % ("Chronicle", fmt(r["strict_f1"]),
                                  fmt(r["relaxed_f1"]), fmt(r["value_f1"])), file=out)


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        description="Score Chronicle on the TempEval-3 platinum TIMEX3 annotations.")
    parser.add_argument("--chronicle", required=True, help="path of the chronicle binary")
    parser.add_argument("--data", required=True, help="directory holding the *.tml files")
    parser.add_argument("--verbose", action="store_true",
                        help="list missed, spurious and mismatched expressions per file")
    parser.add_argument("--json", action="store_true",
                        help="print the figures as JSON instead of the table")
    parser.add_argument("--min-value-f1", type=float, metavar="X",
                        help="exit 1 if value F1 (percent) is below X")
    return parser.parse_args(argv)


def evaluate(binary, paths, details_out, verbose):
    """Score every file; return (Counts, warnings)."""
    counts, warnings = Counts(), []
    for path in paths:
        name = os.path.basename(path)
        dct, text, gold = read_document(path)
        rows = run_chronicle(binary, dct, text)
        row_warnings = []
        system = system_timexes(rows, text, row_warnings)
        warnings.extend("%s: %s" % (name, w) for w in row_warnings)
        pairs = align_relaxed(gold, system)
        counts.add(gold, system, pairs, count_strict(gold, system))
        if verbose:
            for line in file_details(name, gold, system, pairs):
                print(line, file=details_out)
    return counts, warnings


def main(argv=None):
    args = parse_arguments(argv)
    paths = sorted(glob.glob(os.path.join(args.data, "*.tml")))
    if not paths:
        print("no .tml files in %s" % args.data, file=sys.stderr)
        return 2
    details_out = sys.stderr if args.json else sys.stdout
    try:
        counts, warnings = evaluate(args.chronicle, paths, details_out, args.verbose)
    except ChronicleError as error:
        print("chronicle failed: %s" % error, file=sys.stderr)
        return 2
    for warning in warnings:
        print("warning: %s" % warning, file=sys.stderr)
    result = figures(counts, len(paths))
    result["offset_warnings"] = len(warnings)
    if args.json:
        result = {k: round(v, 4) if isinstance(v, float) else v
                  for k, v in result.items()}
        result["published"] = dict(PUBLISHED)
        print(json.dumps(result, indent=2, sort_keys=True))
    else:
        if args.verbose:
            print("")
        print_table(result, sys.stdout)
    if args.min_value_f1 is not None and result["value_f1"] < args.min_value_f1:
        print("value F1 %.2f is below the required %.2f"
              % (result["value_f1"], args.min_value_f1), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
