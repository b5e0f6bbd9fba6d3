#!/usr/bin/env bash
# export.sh - `chronicle export`: CSV, JSON Lines and TimelineJS of the sample
# articles and of the founding article against golden files (the latter
# skipped without ../shared); the CSV reads back with Python's csv module and
# with SQLite's .import; --bom; errors.
#
#     tests/export.sh CHRONICLE [--update]
set -u

chronicle=${1:?usage: export.sh CHRONICLE [--update]}
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
seed=$here/../../shared/corpus/seed/sana-2024-10-25.txt
export LC_ALL=C.UTF-8
. "$here/checks.sh"

"$chronicle" ingest --quiet --db "$tmp/samples.db" "$here/ingest/samples" >/dev/null 2>&1

golden() {   # golden NAME DB FORMAT EXT: compares (or writes) tests/golden/NAME-export.EXT
    run "$chronicle" export --db "$2" --format "$3" -o "$tmp/$1.$4"
    if [ "$update" = --update ]; then cp "$tmp/$1.$4" "$here/golden/$1-export.$4"; fi
    status_is 0 && cmp -s "$here/golden/$1-export.$4" "$tmp/$1.$4"
}
for f in "csv csv" "jsonl jsonl" "timelinejs json" "plover plover.jsonl"; do
    set -- $f
    golden samples "$tmp/samples.db" "$1" "$2"
    check "the $1 export of the sample articles is tests/golden/samples-export.$2"
done
if [ -e "$seed" ]; then
    "$chronicle" ingest --quiet --db "$tmp/seed.db" "$seed" >/dev/null 2>&1
    for f in "csv csv" "jsonl jsonl" "timelinejs json" "plover plover.jsonl"; do
        set -- $f
        golden seed "$tmp/seed.db" "$1" "$2"
        check "the $1 export of the founding article is tests/golden/seed-export.$2"
    done
fi

events=$("$chronicle" query --db "$tmp/samples.db" --format json | wc -l)
run python3 - "$tmp/samples.csv" "$events" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows[0][:3] == ["id", "date_value", "date_start"], rows[0]
assert len(rows) - 1 == int(sys.argv[2]), (len(rows) - 1, sys.argv[2])
assert all(len(r) == len(rows[0]) for r in rows), "ragged rows"
PY
status_is 0
check "the CSV reads back in Python's csv module: a header and one row per event"

if command -v sqlite3 >/dev/null; then
    run sqlite3 "$tmp/import.db" ".import --csv $tmp/samples.csv events" "SELECT count(*), count(DISTINCT id) FROM events"
    status_is 0 && [ "$(cat "$out")" = "$events|$events" ]
    check "the CSV reads back in SQLite's .import"
fi

run python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["events"] and all("start_date" in e and "headline" in e["text"] for e in d["events"])' "$tmp/samples.json"
status_is 0
check "the TimelineJS export is one JSON document of dated events"

run python3 - "$tmp/samples.plover.jsonl" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
assert recs, "no records"
for r in recs:
    assert set(r) >= {"id", "date", "source", "target", "event", "eventText", "text", "language"}, sorted(r)
    assert r["event"] in {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE",
                          "DEMAND", "REQUEST", "DISAPPROVE", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE",
                          "SANCTION", "COERCE", "ASSAULT", "FIGHT", "CRIME", "SEIZE"}, r["event"]
    assert all(len(a.get("code", "XXX")) == 3 for a in r["source"] + r["target"]), r
PY
status_is 0
check "PLOVER records: PLOVER's field names, a PLOVER category, three-letter actor codes"

run "$chronicle" export --db "$tmp/samples.db" --format csv --bom
status_is 0 && [ "$(head -c 3 "$out" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check "--bom starts the CSV with a byte-order mark"

run "$chronicle" export --db "$tmp/samples.db" --format xml
status_is 2 && grep -q "format is csv, jsonl, timelinejs or plover" "$err"
check "an unknown format is a usage error"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
