#!/usr/bin/env bash
# faults.sh - what an interrupted or contended ingest leaves behind:
# kill -9 at 20 points of a -j 2 ingest (the database always opens, passes
# PRAGMA integrity_check, and a rerun ends with exactly the counts of a
# clean run), and two ingests into one database at once (both finish, or one
# stops with a clear message; no corruption, no duplicates).
#
#     tests/faults.sh CHRONICLE SAMPLES_DIR
set -u

chronicle=${1:?usage: faults.sh CHRONICLE SAMPLES_DIR}
samples=${2:?usage: faults.sh CHRONICLE SAMPLES_DIR}
here=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C.UTF-8
. "$here/checks.sh"

sql() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$1" "$2"; }
counts() {
    python3 - "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(" ".join(str(c.execute("SELECT count(*) FROM " + t).fetchone()[0])
               for t in ["article", "event", "event_source", "event_actor", "statement", "treaty", "mention"]))
PY
}

# a corpus: the sample articles, 150 copies under different urls
python3 - "$samples" >"$tmp/corpus.jsonl" <<'PY'
import glob, json, os, sys
arts = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.txt"))):
    text = open(path, encoding="utf-8").read()
    meta = {}
    if text.startswith("---\n"):
        head, _, text = text[4:].partition("\n---\n")
        meta = dict(l.split(":", 1) for l in head.splitlines() if ":" in l)
    arts.append(({k.strip(): v.strip() for k, v in meta.items()}, text))
for i in range(150):
    for j, (m, t) in enumerate(arts):
        print(json.dumps({"id": "%d-%d" % (i, j), "url": "https://f.example/%d/%d" % (i, j),
                          "published": m.get("published"), "lang": m.get("lang"), "text": t}))
PY
"$chronicle" ingest --quiet --db "$tmp/clean.db" "$tmp/corpus.jsonl" >/dev/null 2>&1
clean=$(counts "$tmp/clean.db")

ok=1
for delay in 0.02 0.05 0.08 0.11 0.15 0.2 0.25 0.3 0.35 0.4 0.45 0.5 0.6 0.7 0.8 0.9 1.0 1.2 1.4 1.7; do
    rm -f "$tmp/k.db"*
    "$chronicle" ingest --quiet -j 2 --db "$tmp/k.db" "$tmp/corpus.jsonl" >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [ -e "$tmp/k.db" ]; then
        [ "$(sql "$tmp/k.db" 'PRAGMA integrity_check')" = ok ] || { ok=0; echo "     integrity after a kill at $delay s"; }
    fi
    "$chronicle" ingest --quiet --db "$tmp/k.db" "$tmp/corpus.jsonl" >/dev/null 2>"$err" || { ok=0; cat "$err"; }
    [ "$(counts "$tmp/k.db")" = "$clean" ] || { ok=0; echo "     after a kill at $delay s: $(counts "$tmp/k.db"), clean: $clean"; }
done
[ "$ok" = 1 ]
check "kill -9 at 20 points: the database is whole, and a rerun ends with the clean counts"

rm -f "$tmp/two.db"*
"$chronicle" ingest --quiet --db "$tmp/two.db" "$tmp/corpus.jsonl" >"$tmp/a.out" 2>"$tmp/a.err" &
a=$!
"$chronicle" ingest --quiet -j 2 --db "$tmp/two.db" "$tmp/corpus.jsonl" >"$tmp/b.out" 2>"$tmp/b.err" &
b=$!
wait "$a"; ra=$?
wait "$b"; rb=$?
cat "$tmp/a.err" "$tmp/b.err" >"$err"
{ [ "$ra" = 0 ] || grep -q "another process holds the database" "$tmp/a.err"; } &&
    { [ "$rb" = 0 ] || grep -q "another process holds the database" "$tmp/b.err"; } &&
    [ "$(sql "$tmp/two.db" 'PRAGMA integrity_check')" = ok ]
check "two ingests at once: each finishes or stops with a clear message; the database is whole"
"$chronicle" ingest --quiet --db "$tmp/two.db" "$tmp/corpus.jsonl" >/dev/null 2>&1
[ "$(counts "$tmp/two.db")" = "$clean" ]
check "after two concurrent ingests (and a rerun), exactly the clean counts: no duplicates"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
