#!/usr/bin/env bash
# cli.sh - the command-line contract of `chronicle dates`: exit codes, error
# messages, where the DCT comes from, output formats, large and piped input.
#
#     tests/cli.sh [CHRONICLE [SCHEMA]]
#
# CHRONICLE defaults to build/chronicle, SCHEMA to schemas/dates.schema.json
# (both relative to the repository root).  Each check runs one command, then
# a condition on its exit status and output, then `check NAME` records
# whether the condition held.  The last line is `N passed, M failed`; the exit
# status is 1 when a check failed.
set -u

root=$(cd "$(dirname "$0")/.." && pwd)
chronicle=${1:-$root/build/chronicle}
schema=${2:-$root/schemas/dates.schema.json}
# The article text of the checks below mixes scripts: keep the tools in UTF-8.
export LC_ALL=C.UTF-8

. "$(dirname "$0")/checks.sh"

# tsv FIELD...: the fields joined by tabs (an expected TSV row or part of one).
tsv() { local IFS=$'\t'; printf '%s' "$*"; }

if [ ! -x "$chronicle" ]; then
    echo "cli.sh: $chronicle is not an executable; build first (ninja -C build)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

# --- usage --------------------------------------------------------------

run "$chronicle" dates --help
status_is 0 && stdout_has "usage: chronicle dates" && stderr_empty
check "--help prints the usage on stdout and exits 0"

run "$chronicle" dates --no-such-option
status_is 2 && stderr_has "--no-such-option" && stderr_has "usage: chronicle dates" \
    && stdout_empty
check "an unknown option exits 2 with the usage on stderr"

run "$chronicle" dates --dct 2024-13-40 </dev/null
status_is 2 && stderr_has "2024-13-40"
check "--dct 2024-13-40 is refused with exit 2"

run "$chronicle" dates "$tmp/no-such-article.txt"
status_is 2 && stderr_has "$tmp/no-such-article.txt"
check "a missing file exits 2 and the message names the file"

# --- bad input ----------------------------------------------------------

printf 'abc \xff on 3 March 2024.\n' >"$tmp/invalid.txt"
run "$chronicle" dates --dct 2024-10-25 "$tmp/invalid.txt"
status_is 1 && stderr_has "byte offset 4" && stderr_has "invalid.txt"
check "invalid UTF-8 exits 1 and names the byte offset"

printf 'abc\0def on 3 March 2024.\n' >"$tmp/binary.txt"
run "$chronicle" dates --dct 2024-10-25 "$tmp/binary.txt"
status_is 1 && stderr_has "binary"
check "a file with a NUL byte is refused as binary with exit 1"

run "$chronicle" dates --dct 2024-10-25 --lossy "$tmp/invalid.txt"
status_is 0 && stderr_empty && stdout_has "2024-03-03"
check "--lossy reads invalid UTF-8, exits 0 and still finds the date after it"

: >"$tmp/empty.txt"
run "$chronicle" dates --dct 2024-10-25 "$tmp/empty.txt"
status_is 0 && [ "$(cat "$out")" = "$(tsv start end text type value mod)" ] \
    && [ "$(wc -l <"$out")" -eq 1 ]
check "an empty file gives only the header row and exits 0"

# --- the document creation time (DCT) -------------------------------------

printf -- '---\ntitle: t\npublished: 2024-10-25\n---\nThe minister arrived yesterday.\n' \
    >"$tmp/front.txt"
run "$chronicle" dates "$tmp/front.txt"
status_is 0 && stdout_has "$(tsv 21 30 yesterday DATE 2024-10-24)"
check "front matter 'published:' sets the DCT (yesterday = 2024-10-24)"

printf -- '---\ntitle: t\npublished: 2024-02-30\n---\nThe minister arrived yesterday.\n' \
    >"$tmp/front-bad.txt"
run "$chronicle" dates "$tmp/front-bad.txt"
status_is 1 && stderr_has "line 3" && stderr_has "2024-02-30" && stderr_has "front-bad.txt"
check "an invalid 'published:' date exits 1 and names the line"

printf 'The minister arrived yesterday, officials said on Tuesday.\n' >"$tmp/no-dct.txt"
run "$chronicle" dates "$tmp/no-dct.txt"
# The sentence holds no year: the clock's year in the output means the clock
# was read.
this_year=$(date +%Y)
status_is 0 && stdout_has "$(tsv yesterday DATE XXXX-XX-XX)" \
    && ! stdout_has "$this_year-" && ! stdout_has "$((this_year - 1))-"
check "without a DCT relative dates keep X placeholders, never the clock's date"

run "$chronicle" dates --dct 2024-10-20 "$tmp/front.txt"
status_is 0 && stdout_has "$(tsv yesterday DATE 2024-10-19)"
check "--dct wins over the front matter"

# --- formats ------------------------------------------------------------

printf 'Talks on 3 March 2024 & <b>resumed</b> yesterday.\n' >"$tmp/markup.txt"
run "$chronicle" dates --dct 2024-10-25 --format timeml "$tmp/markup.txt"
status_is 0 && python3 - "$out" <<'PY'
import sys
import xml.dom.minidom
document = xml.dom.minidom.parse(sys.argv[1])       # raises unless well-formed
values = [tag.getAttribute("value") for tag in document.getElementsByTagName("TIMEX3")]
sys.exit(0 if "2024-03-03" in values and "2024-10-24" in values else 1)
PY
check "--format timeml is well-formed XML with TIMEX3 tags"

printf 'The summit opened on 18 June 2024 and closed the next day; prices rose over the past three weeks.\n' \
    >"$tmp/jsonl.txt"
run "$chronicle" dates --dct 2024-10-25 --format jsonl "$tmp/jsonl.txt"
# A hand-written check of the part of JSON Schema the schema file uses
# (required, additionalProperties false, type, enum, minimum, minLength,
# pattern, nested objects), plus the promise that end - start is the length
# of text.
status_is 0 && [ -s "$out" ] && python3 - "$schema" "$out" <<'PY'
import json
import re
import sys

schema = json.load(open(sys.argv[1], encoding="utf-8"))
kinds = {"string": str, "integer": int, "boolean": bool, "null": type(None), "object": dict}


def valid(value, rule):
    names = rule.get("type", [])
    names = [names] if isinstance(names, str) else names
    if names and not any(type(value) is kinds[name] for name in names):
        return False
    if isinstance(value, dict):
        inner = rule.get("properties", {})
        if any(key not in value for key in rule.get("required", [])):
            return False
        if rule.get("additionalProperties") is False and any(key not in inner for key in value):
            return False
        return all(valid(v, inner[k]) for k, v in value.items() if k in inner)
    if "enum" in rule and value not in rule["enum"]:
        return False
    if isinstance(value, str):
        if len(value) < rule.get("minLength", 0):
            return False
        if "pattern" in rule and not re.search(rule["pattern"], value):
            return False
    if type(value) is int and value < rule.get("minimum", value):
        return False
    return True


bad = 0
for line in open(sys.argv[2], encoding="utf-8"):
    row = json.loads(line)
    properties = schema["properties"]
    problems = ["missing " + key for key in schema["required"] if key not in row]
    problems += ["unknown " + key for key in row if key not in properties]
    problems += ["invalid " + key for key, value in row.items()
                 if key in properties and not valid(value, properties[key])]
    if not problems and row["end"] - row["start"] != len(row["text"]):
        problems.append("end - start is not the length of text")
    if problems:
        bad += 1
        print("%s: %s" % (", ".join(problems), line.strip()), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
check "--format jsonl lines match schemas/dates.schema.json"

status_is 0 && stdout_has '"value":"P3W"' &&
    stdout_has '"interval":{"first":"2024-10-04","last":"2024-10-24"}' &&
    [ "$(grep -c '"interval"' "$out")" -eq 1 ]
check "a duration counted back from the DCT carries the days it covers, and only it"

printf 'Schools will stay closed for the rest of the week.\n' >"$tmp/rest.txt"
run "$chronicle" dates --dct 2024-10-23 --format jsonl "$tmp/rest.txt"
status_is 0 && stdout_has '"value":"2024-W43","mod":"END"' &&
    stdout_has '"interval":{"first":"2024-10-23","last":"2024-10-27"}'
check "the rest of a period is the period with mod END and the days from the DCT to its end"

# --- large and piped input ----------------------------------------------

# One 5 MB line: words (some with accents, so bytes and code points differ)
# and a date at the very end, past several of the reader's 1 MB chunks.
expect=$(python3 - "$tmp/big.txt" <<'PY'
import sys

words = ["the", "committee", "café", "reviewed", "naïve", "proposals", "again"]
parts, size, i = [], 0, 0
while size < 5 * 1024 * 1024:
    word = words[i % len(words)] + str(i % 97)
    parts.append(word)
    size += len(word.encode("utf-8")) + 1
    i += 1
text = " ".join(parts) + " and the vote was held on 14 February 2025"
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write(text + "\n")
start = len(text) - len("14 February 2025")     # code points
print("%d\t%d\t14 February 2025\tDATE\t2025-02-14" % (start, len(text)))
PY
)
run "$chronicle" dates --dct 2025-03-01 --lang en "$tmp/big.txt"
status_is 0 && [ -n "$expect" ] && stdout_has "$expect"
check "a 5 MB single line is read and its final date found at the right offset"

printf 'وانطلقت المفاوضات في 7 تموز الماضي في الدوحة.\n' >"$tmp/piped.txt"
run "$chronicle" dates --dct 2024-10-25 <"$tmp/piped.txt"
status_is 0 && stdout_has "$(tsv 21 34 '7 تموز الماضي' DATE 2024-07-07)"
check "standard input is read when no file is given"

run "$chronicle" dates --dct 2024-10-25 --format jsonl - <"$tmp/piped.txt"
status_is 0 && stdout_has '"file":"-"' && stdout_has "2024-07-07"
check "'-' names standard input"

# "بين X و Y" is a range, for clock times as for days: its two rows are
# range_start and range_end of one group, and the evening of the second
# end reaches the first.
printf 'ويفتح مركز الاقتراع أبوابه بين الساعة 8 و 10 مساءً.\n' >"$tmp/between.txt"
run "$chronicle" dates --dct 2024-05-16 --format jsonl "$tmp/between.txt"
status_is 0 && stdout_has '"value":"2024-05-16T20:00"' && stdout_has '"value":"2024-05-16T22:00"' &&
    stdout_has '"role":"range_start"' && stdout_has '"role":"range_end"'
check "between two clock times is a range (range_start, range_end)"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
