#!/usr/bin/env bash
# ingest_cli.sh - the contract of `chronicle ingest`, `extract`, `load` and
# `query` on bad input and interruption: errors name the file and line and
# set the exit status, nothing half-written is stored, names are data, a
# killed ingest leaves a consistent database that a rerun completes without
# duplicates, and extract | load gives what ingest gives.
#
#     tests/ingest_cli.sh CHRONICLE SAMPLES_DIR
#
# Prints one line per check and `N passed, M failed`; exits 1 on a failure.
set -u

chronicle=${1:?usage: ingest_cli.sh CHRONICLE SAMPLES_DIR}
samples=${2:?usage: ingest_cli.sh CHRONICLE SAMPLES_DIR}
export LC_ALL=C.UTF-8

. "$(dirname "$0")/checks.sh"

# sql DB QUERY: one value from the database.
sql() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$1" "$2"; }
counts() {
    python3 - "$1" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(" ".join(str(c.execute("SELECT count(*) FROM " + t).fetchone()[0])
               for t in ["article", "item", "event", "event_source", "event_actor", "statement",
                         "statement_chain", "treaty", "mention", "actor", "alias", "timex"]))
PY
}

# A corpus in JSON Lines: the sample articles, each copied n times under
# different urls (so each copy is a distinct article).
make_corpus() {
    python3 - "$samples" "$1" >"$2" <<'PY'
import glob, json, os, sys
samples, copies = sys.argv[1], int(sys.argv[2])
arts = []
for path in sorted(glob.glob(os.path.join(samples, "*.txt"))):
    text = open(path, encoding="utf-8").read()
    meta = {}
    if text.startswith("---\n"):
        head, _, text = text[4:].partition("\n---\n")
        for line in head.splitlines():
            k, _, v = line.partition(":")
            meta[k.strip()] = v.strip()
    arts.append((meta, text))
for i in range(copies):
    for j, (meta, text) in enumerate(arts):
        print(json.dumps({"id": "%s-%d" % (meta.get("id", j), i), "url": "https://t.example/%d/%d" % (i, j),
                          "source": meta.get("source"), "published": meta.get("published"),
                          "lang": meta.get("lang"), "title": meta.get("title"), "text": text},
                         ensure_ascii=False))
PY
}

if ! ls "$samples"/*.txt >/dev/null 2>&1; then
    echo "ingest_cli.sh: no sample articles in $samples" >&2
    echo "0 passed, 1 failed"
    exit 1
fi

# ---- JSON text out ------------------------------------------------------------
# Strings with quotes, backslashes, control characters and non-ASCII letters
# come out of extract as valid JSON that reads back to the same text.
python3 - >"$tmp/escapes.jsonl" <<'PY'
import json
print(json.dumps({"id": "esc", "url": "https://example.org/a/\"b\"\\c", "source": "Wire \u0001\u001f",
                  "published": "2024-05-02", "lang": "en", "title": "Tab\there, \u00e9t\u00e9 \u062a\u0645\u0648\u0632 \u2028",
                  "text": "Lavrov said \"peace\" is near \\ far.\nPutin met Erdogan on Monday."}))
PY
run "$chronicle" extract "$tmp/escapes.jsonl"
status_is 0 && python3 - "$out" "$tmp/escapes.jsonl" <<'PY'
import json, sys
rec = json.loads(open(sys.argv[1], encoding="utf-8").read())
src = json.loads(open(sys.argv[2], encoding="utf-8").read())
a = rec["article"]
assert (a["url"], a["source"], a["title"]) == (src["url"], src["source"], src["title"]), a
assert any('"peace"' in s["words"]["text"] or "peace" in s["words"]["text"] for s in rec["statements"]), rec["statements"]
PY
check "extract writes quotes, backslashes, control and non-ASCII characters as JSON that reads back the same"

# ---- malformed JSON Lines ---------------------------------------------------
make_corpus 1 "$tmp/good.jsonl"
head -n 1 "$tmp/good.jsonl" >"$tmp/bad.jsonl"
echo '{"id": "broken", "text": "no closing brace"' >>"$tmp/bad.jsonl"
sed -n 2p "$tmp/good.jsonl" >>"$tmp/bad.jsonl"

run "$chronicle" ingest --db "$tmp/stop.db" "$tmp/bad.jsonl"
status_is 1 && stderr_has "bad.jsonl:2: invalid JSON" && [ "$(sql "$tmp/stop.db" 'SELECT count(*) FROM article')" = 1 ]
check "a malformed JSON line stops the ingest, names line 2, keeps the article before it"

run "$chronicle" ingest --on-error skip --db "$tmp/skip.db" "$tmp/bad.jsonl"
status_is 1 && stderr_has "bad.jsonl:2" && stderr_has "(skipped)" &&
    [ "$(sql "$tmp/skip.db" 'SELECT count(*) FROM article')" = 2 ]
check "--on-error skip stores the good lines around a malformed one and still exits 1"

printf '{"id": "x", "title": "no text"}\n' >"$tmp/notext.jsonl"
run "$chronicle" extract "$tmp/notext.jsonl"
status_is 1 && stderr_has 'notext.jsonl:1: no "text" string'
check "a line without text is named"

printf '{"id": "x", "published": "25/10/2024", "text": "hello"}\n' >"$tmp/baddate.jsonl"
run "$chronicle" extract "$tmp/baddate.jsonl"
status_is 1 && stderr_has 'baddate.jsonl:1: "published" is not a date'
check "a bad published date is named"

printf '{"id": "x", "text": "bad \\u0000 nul"}\n' >"$tmp/nul.jsonl"
run "$chronicle" extract "$tmp/nul.jsonl"
status_is 1 && stderr_has "nul.jsonl:1: a NUL byte"
check "a NUL in the text is reported with its offset"

printf 'caf\xe9 au lait\n' >"$tmp/latin1.txt"
run "$chronicle" extract "$tmp/latin1.txt"
status_is 1 && stderr_has "latin1.txt: invalid UTF-8 at byte 3"
check "invalid UTF-8 in a text file names the file and byte offset"

# ---- files and databases ------------------------------------------------------
run "$chronicle" ingest --db "$tmp/x.db" "$tmp/does-not-exist.txt"
status_is 2 && stderr_has "does-not-exist.txt: cannot open"
check "an unreadable file is named, exit 2"

run "$chronicle" ingest --db /proc/chronicle-test/x.db "$tmp/good.jsonl"
status_is 2 && stderr_has "/proc/chronicle-test/x.db: cannot open the database"
check "a database that cannot be created gives a clear error"

printf 'this is not a database, just text that is long enough to have a header page......\n%.0s' {1..20} >"$tmp/notdb.db"
run "$chronicle" ingest --db "$tmp/notdb.db" "$tmp/good.jsonl"
status_is 2 && stderr_has "notdb.db" && stderr_has "not a Chronicle database"
check "a file that is not a database is refused, not overwritten"

run "$chronicle" query --db "$tmp/none.db" --actor Putin
status_is 2 && stderr_has "none.db: cannot open the database" && [ ! -e "$tmp/none.db" ]
check "query on a missing database says so and creates nothing"

if [ "$(id -u)" -ne 0 ]; then
    cp "$tmp/skip.db" "$tmp/ro.db"
    chmod 444 "$tmp/ro.db"
    run "$chronicle" ingest --db "$tmp/ro.db" "$tmp/good.jsonl"
    status_is 2 && stderr_has "read-only"
    check "a read-only database gives a clear error"
fi

# A lock held by another process: ingest waits, then gives up with a message.
# The lock is held until ingest has returned (the .done file), however slow
# a loaded machine makes the steps around it.
python3 - "$tmp/skip.db" <<'PY' &
import os, sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[1] + ".locked", "w").close()
for _ in range(1200):
    if os.path.exists(sys.argv[1] + ".done"):
        break
    time.sleep(0.1)
c.execute("ROLLBACK")
PY
locker=$!
for _ in $(seq 50); do [ -e "$tmp/skip.db.locked" ] && break; sleep 0.1; done
before=$(counts "$tmp/skip.db" 2>/dev/null || true)
make_corpus 2 "$tmp/more.jsonl"
run "$chronicle" ingest --db "$tmp/skip.db" "$tmp/more.jsonl"
touch "$tmp/skip.db.done"
status_is 2 && stderr_has "another process holds the database"
check "a locked database: ingest waits, then stops with a clear message"
wait "$locker"
[ -n "$before" ] && [ "$(counts "$tmp/skip.db")" = "$before" ] && [ "$(sql "$tmp/skip.db" 'PRAGMA integrity_check')" = ok ]
check "the locked database is intact afterwards"

# ---- names are data -----------------------------------------------------------
cat >"$tmp/hostile.txt" <<'TXT'
---
title: Robert'); DROP TABLE article;-- "quoted" <script>alert(1)</script>
source: x' OR '1'='1
url: https://t.example/hostile'--
published: 2024-03-05
lang: en
---
Deputy Foreign Minister Robert O'Brien-Drop visited Moscow on Monday. "We said '; DROP TABLE event; --' to them," O'Brien-Drop told reporters.
TXT
run "$chronicle" ingest --db "$tmp/hostile.db" "$tmp/hostile.txt"
status_is 0 && [ "$(sql "$tmp/hostile.db" 'SELECT title FROM article')" = "Robert'); DROP TABLE article;-- \"quoted\" <script>alert(1)</script>" ]
check "quotes and SQL in titles and sources are stored as text"

run "$chronicle" query --db "$tmp/hostile.db" --actor "x' OR 1=1 --"
status_is 1 && stderr_has "no actor called 'x' OR 1=1 --'"
check "SQL in --actor is a name that matches nothing"

run "$chronicle" query --db "$tmp/hostile.db" --text '"DROP TABLE"' --format json
status_is 0 && [ "$(sql "$tmp/hostile.db" 'SELECT count(*) FROM event')" -ge 0 ] &&
    [ "$(sql "$tmp/hostile.db" "SELECT count(*) FROM sqlite_schema WHERE name IN ('article','event')")" = 2 ]
check "full-text search for SQL words runs as a search; the tables are still there"

# article FILE DATE LANG TEXT: writes an article with front matter.
article() {
    mkdir -p "$(dirname "$1")"
    printf -- '---\npublished: %s\nlang: %s\ntitle: t\n---\n%s\n' "$2" "$3" "$4" >"$1"
}

# ---- one treaty in two languages ---------------------------------------------
# The words of a treaty's name are language-neutral concepts (treaty_name.txt):
# the same treaty named in Arabic and in English is one treaty; another
# agreement between the same parties stays another.
article "$tmp/bilingual/ar.txt" 2024-06-20 ar \
    'ووقعت روسيا وكوريا الشمالية معاهدة الشراكة الاستراتيجية الشاملة في بيونغ يانغ.'
article "$tmp/bilingual/en.txt" 2024-06-21 en \
    'Russia and North Korea signed the Comprehensive Strategic Partnership Treaty in Pyongyang.'
article "$tmp/bilingual/other.txt" 2024-06-22 en \
    'Russia and North Korea also signed a Free Trade Agreement in Pyongyang.'
run "$chronicle" ingest --quiet --db "$tmp/bilingual.db" "$tmp/bilingual"
status_is 0 && [ "$(sql "$tmp/bilingual.db" 'SELECT count(*) FROM treaty')" = 2 ] &&
    [ "$(sql "$tmp/bilingual.db" "SELECT count(DISTINCT tm.article_id) FROM treaty t JOIN treaty_mention tm ON tm.treaty_id = t.id WHERE t.key LIKE '%partnership%'")" = 2 ]
check "a treaty named in Arabic and in English is one treaty; another between the same parties is another"

# An agreement named only by what it is about is one treaty in both languages
# (its concepts and its parties; the Arabic name goes on through من to the
# object of its noun, "للإعفاء من التأشيرات"); a year after the noun names an agreement by
# its date, as a word of its key, where a resolution's number numbers it.
article "$tmp/described/ar.txt" 2024-06-20 ar \
    'وقعت تركيا وفرنسا اتفاقية تعاون دفاعي في أنقرة. وانسحبت الولايات المتحدة من اتفاق 2015 مع إيران. وتبنى مجلس الأمن القرار رقم 2015 بشأن ليبيا. ووقعت مصر والأردن اتفاقية للإعفاء من التأشيرات.'
article "$tmp/described/en.txt" 2024-06-21 en \
    'Turkey and France signed a defence cooperation agreement in Ankara. Egypt and Jordan signed a visa exemption agreement.'
run "$chronicle" ingest --quiet --db "$tmp/described.db" "$tmp/described"
status_is 0 &&
    [ "$(sql "$tmp/described.db" "SELECT count(DISTINCT tm.article_id) FROM treaty t JOIN treaty_mention tm ON tm.treaty_id = t.id WHERE t.key LIKE '%cooperation defence%'")" = 2 ] &&
    [ "$(sql "$tmp/described.db" "SELECT count(*) FROM treaty WHERE key LIKE '%cooperation defence%'")" = 1 ] &&
    [ "$(sql "$tmp/described.db" "SELECT count(*) FROM treaty WHERE key = 'exemption visas |Egypt;Jordan;'")" = 1 ] &&
    [ "$(sql "$tmp/described.db" "SELECT count(DISTINCT tm.article_id) FROM treaty t JOIN treaty_mention tm ON tm.treaty_id = t.id WHERE t.key LIKE 'exemption visas %'")" = 2 ] &&
    [ "$(sql "$tmp/described.db" "SELECT count(*) FROM treaty WHERE name = 'اتفاق 2015' AND key LIKE '2015 %' AND key NOT LIKE '%no:%'")" = 1 ] &&
    [ "$(sql "$tmp/described.db" "SELECT count(*) FROM treaty WHERE key LIKE '%no:2015%'")" = 1 ]
check "an agreement named by what it is about is one treaty in two languages; a year names an agreement, a number a resolution"

# ---- one person in two scripts -------------------------------------------------
# A person the gazetteer does not know, introduced by title in an Arabic and
# in an English article, is one actor (the names sound alike and the country
# is the same), found by either spelling and by the surname alone; a person
# whose name sounds the same (Mykhailo Galuzin) but who serves another state
# is another.
article "$tmp/scripts/ar.txt" 2024-06-20 ar \
    'وقال نائب وزير الخارجية الروسي ميخائيل غالوزين إن موسكو مستعدة للحوار. وأضاف غالوزين أن المحادثات ستستمر.'
article "$tmp/scripts/en.txt" 2024-06-21 en \
    'Russian Deputy Foreign Minister Mikhail Galuzin said Moscow was ready for dialogue. Galuzin added that talks would continue.'
article "$tmp/scripts/other.txt" 2024-06-22 en \
    'Ukrainian Deputy Foreign Minister Mykhailo Galuzin said Kyiv was ready for dialogue.'
run "$chronicle" ingest --quiet --db "$tmp/scripts.db" "$tmp/scripts"
status_is 0 && [ "$(sql "$tmp/scripts.db" "SELECT count(*) FROM actor WHERE kind = 'person'")" = 2 ] &&
    [ "$("$chronicle" query --db "$tmp/scripts.db" --actor 'Mikhail Galuzin' --format tsv | wc -l)" = 3 ] &&
    [ "$("$chronicle" query --db "$tmp/scripts.db" --actor 'غالوزين' --format tsv | wc -l)" = 3 ]
check "a person named in Arabic and in Latin letters is one actor; the same sound serving another state is another"

# ---- interrupted ingest ---------------------------------------------------------
make_corpus 150 "$tmp/big.jsonl"
run "$chronicle" ingest --quiet --db "$tmp/clean.db" "$tmp/big.jsonl"
clean=$(counts "$tmp/clean.db")
status_is 0 && [ "$(sql "$tmp/clean.db" 'SELECT count(*) FROM article')" = "$(wc -l <"$tmp/big.jsonl")" ]
check "a clean ingest stores every article of the corpus"

"$chronicle" ingest --quiet --db "$tmp/once.db" "$samples" >/dev/null 2>&1
[ "$(sql "$tmp/clean.db" 'SELECT count(*) FROM treaty')" = "$(sql "$tmp/once.db" 'SELECT count(*) FROM treaty')" ] &&
    [ "$(sql "$tmp/clean.db" 'SELECT count(*) FROM treaty')" -gt 0 ] &&
    [ "$(sql "$tmp/clean.db" 'SELECT max(n) FROM (SELECT count(DISTINCT article_id) AS n FROM treaty_mention GROUP BY treaty_id)')" = 150 ]
check "a treaty named in 150 articles is one treaty with 150 sources"

# An event with a stated date is the same event in every copy; one dated only
# by its report stays one per article (it cannot be told apart from another).
[ "$(sql "$tmp/clean.db" "SELECT count(*) FROM event WHERE basis = 'stated'")" = \
  "$(sql "$tmp/once.db" "SELECT count(*) FROM event WHERE basis = 'stated'")" ] &&
    [ "$(sql "$tmp/clean.db" "SELECT min(n) FROM (SELECT count(DISTINCT es.article_id) AS n FROM event e JOIN event_source es ON es.event_id = e.id WHERE e.basis = 'stated' GROUP BY e.id)")" = 150 ] &&
    [ "$(sql "$tmp/clean.db" "SELECT count(*) FROM event WHERE basis != 'stated'")" = \
      "$(( $(sql "$tmp/once.db" "SELECT count(*) FROM event WHERE basis != 'stated'") * 150 ))" ]
check "the same event in 150 articles is one event with 150 sources; report-dated ones stay apart"

ok=1
for delay in 0.05 0.2 0.4; do
    rm -f "$tmp/killed.db"*
    "$chronicle" ingest --quiet -j 2 --db "$tmp/killed.db" "$tmp/big.jsonl" >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    [ "$(sql "$tmp/killed.db" 'PRAGMA integrity_check')" = ok ] || { ok=0; echo "     integrity after kill at $delay s failed"; }
    "$chronicle" ingest --quiet --db "$tmp/killed.db" "$tmp/big.jsonl" >/dev/null 2>"$err" || { ok=0; cat "$err"; }
    [ "$(counts "$tmp/killed.db")" = "$clean" ] || { ok=0; echo "     after kill at $delay s: $(counts "$tmp/killed.db") vs clean $clean"; }
done
[ "$ok" = 1 ]
check "kill -9 during ingest: the database is consistent and a rerun ends with the clean counts"

# ---- extract | load equals ingest -------------------------------------------------
"$chronicle" extract -j 2 "$tmp/big.jsonl" >"$tmp/records.jsonl" 2>"$err"
split -n l/3 "$tmp/records.jsonl" "$tmp/shard."
run "$chronicle" load --db "$tmp/loaded.db" "$tmp/shard.ac" "$tmp/shard.aa" "$tmp/shard.ab"
status_is 0 && [ "$(counts "$tmp/loaded.db")" = "$clean" ]
check "extract in shards, then load in any order, equals one ingest"

run "$chronicle" load --db "$tmp/loaded.db" "$tmp/records.jsonl"
status_is 0 && [ "$(counts "$tmp/loaded.db")" = "$clean" ] && stderr_has "0 added"
check "loading the same records again adds nothing"

printf '{"not": "a record"}\n' >"$tmp/notrec.jsonl"
run "$chronicle" load --db "$tmp/loaded.db" "$tmp/notrec.jsonl"
status_is 1 && stderr_has "notrec.jsonl:1: not an extract record"
check "load names a line that is not an extract record"

# event ids follow the order articles were loaded in: compare without them
a=$("$chronicle" query --db "$tmp/clean.db" --format tsv 2>/dev/null | cut -f 2- | sort | md5sum)
b=$("$chronicle" query --db "$tmp/loaded.db" --format tsv 2>/dev/null | cut -f 2- | sort | md5sum)
[ "$a" = "$b" ]
check "query output of the loaded database equals that of the ingested one"

one=$("$chronicle" extract -j 1 "$tmp/big.jsonl" | md5sum)
two=$("$chronicle" extract -j 2 "$tmp/big.jsonl" | md5sum)
[ "$one" = "$two" ]
check "extract -j 2 writes the records of -j 1, in input order"

# ---- the machine-readable outputs match their schemas ---------------------------------
here=$(cd "$(dirname "$0")" && pwd)
schemas=$here/../schemas
"$chronicle" extract "$samples" >"$tmp/samples.jsonl" 2>"$err"
run python3 "$here/schema_check.py" "$schemas/extract.schema.json" "$tmp/samples.jsonl"
status_is 0
check "extract records match schemas/extract.schema.json"

"$chronicle" query --db "$tmp/clean.db" --format json >"$tmp/events.jsonl" 2>"$err"
run python3 "$here/schema_check.py" "$schemas/query.schema.json" "$tmp/events.jsonl"
status_is 0
check "query --format json lines match schemas/query.schema.json"

"$chronicle" show --db "$tmp/clean.db" 1 | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)))' >"$tmp/show.jsonl"
run python3 "$here/schema_check.py" "$schemas/query.schema.json" "$tmp/show.jsonl"
status_is 0
check "show prints an event of schemas/query.schema.json"

# ---- query formats ------------------------------------------------------------------
run "$chronicle" query --db "$tmp/clean.db" --format csv
status_is 0 && head -n 1 "$out" | grep -q '^id,date,basis,cameo,type,actors'
check "query --format csv has a header row"

run "$chronicle" query --db "$tmp/clean.db" --format json --limit 3
status_is 0 && [ "$(wc -l <"$out")" = 3 ] && python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$out"
check "query --format json is JSON Lines, --limit bounds it"

run "$chronicle" query --db "$tmp/clean.db" --from 2024-13-01
status_is 2 && stderr_has "a date is YYYY-MM-DD"
check "a bad --from is a usage error"

run "$chronicle" show --db "$tmp/clean.db" 999999999
status_is 1 && stderr_has "no event 999999999"
check "show names a missing event"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
