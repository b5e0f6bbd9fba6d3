#!/usr/bin/env bash
# faults.sh - what an interrupted or contended ingest leaves behind:
# kill -9 at 20 points of a -j 2 ingest committing every 100 articles, so
# that kills fall between commits as well as before the first and in one
# (the database always opens, passes PRAGMA integrity_check, holds whole
# groups only, and a rerun ends with exactly the counts of a clean run), two ingests into one database at once (both finish, or one
# stops with a clear message; no corruption, no duplicates), a disk that
# fills up (a file size limit, and a small tmpfs where this user may mount
# one) and a read-only database (as an unprivileged user when run as root):
# a clear error, nothing stored before lost, no article half-stored.
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
partial=0
total=$(sql "$tmp/clean.db" 'SELECT count(*) FROM article')
for delay in 0.02 0.05 0.08 0.11 0.15 0.2 0.25 0.3 0.35 0.4 0.45 0.5 0.6 0.7 0.8 0.9 1.0 1.2 1.4 1.7; do
    rm -f "$tmp/k.db"*
    "$chronicle" ingest --quiet -j 2 --commit-every 100 --db "$tmp/k.db" "$tmp/corpus.jsonl" >/dev/null 2>&1 &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [ -e "$tmp/k.db" ]; then
        [ "$(sql "$tmp/k.db" 'PRAGMA integrity_check')" = ok ] || { ok=0; echo "     integrity after a kill at $delay s"; }
        n=$(sql "$tmp/k.db" 'SELECT count(*) FROM article' 2>/dev/null || echo 0)
        # whole groups only: a multiple of 100 articles, or all of them
        [ $((n % 100)) = 0 ] || [ "$n" = "$total" ] || { ok=0; echo "     $n articles after a kill at $delay s: not whole groups of 100"; }
        [ "$n" -gt 0 ] && [ "$n" -lt "$total" ] && partial=$((partial + 1))
    fi
    "$chronicle" ingest --quiet --db "$tmp/k.db" "$tmp/corpus.jsonl" >/dev/null 2>"$err" || { ok=0; cat "$err"; }
    [ "$(counts "$tmp/k.db")" = "$clean" ] || { ok=0; echo "     after a kill at $delay s: $(counts "$tmp/k.db"), clean: $clean"; }
done
[ "$partial" -gt 0 ] || { ok=0; echo "     no kill fell between two commits: the timings need adjusting"; }
[ "$ok" = 1 ]
check "kill -9 at 20 points, $partial of them between commits: the database is whole, holds whole groups, and a rerun ends with the clean counts"

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

# actor.mentions is kept by the writer per group (schema 6): it must stay
# the sum of the mention rows through kills, reruns and contention
mentions_off() { sql "$1" 'SELECT count(*) FROM actor WHERE mentions != (SELECT coalesce(sum(count), 0) FROM mention WHERE actor_id = actor.id)'; }
[ "$(mentions_off "$tmp/k.db")" = 0 ] && [ "$(mentions_off "$tmp/two.db")" = 0 ] &&
    [ "$(sql "$tmp/two.db" 'SELECT sum(mentions) FROM actor')" -gt 0 ]
check "each actor's count of mentions is the sum of its mention rows, after kills, reruns and two ingests at once"

# whole DB: every article of DB has exactly the rows it has in the clean
# database (no article half-stored); prints the first difference.
whole() {
    python3 - "$1" "$tmp/clean.db" <<'PY'
import sqlite3, sys
per = """SELECT a.hash, (SELECT count(*) FROM event_source e WHERE e.article_id = a.id),
                 (SELECT count(*) FROM mention m WHERE m.article_id = a.id),
                 (SELECT count(*) FROM statement s WHERE s.article_id = a.id),
                 (SELECT count(*) FROM sentence s WHERE s.article_id = a.id)
          FROM article a"""
got = {r[0]: r[1:] for r in sqlite3.connect(sys.argv[1]).execute(per)}
want = {r[0]: r[1:] for r in sqlite3.connect(sys.argv[2]).execute(per)}
for h, rows in got.items():
    if want.get(h) != rows:
        print("article %s: %s, clean %s" % (h[:12], rows, want.get(h)))
        sys.exit(1)
PY
}

# kept DB: every article of base.db is still in DB (groups committed before
# the failure may have added more, each whole: see whole).
kept() {
    python3 - "$1" "$tmp/base.db" <<'PY'
import sqlite3, sys
got = {r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT hash FROM article")}
had = {r[0] for r in sqlite3.connect(sys.argv[2]).execute("SELECT hash FROM article")}
sys.exit(0 if had <= got else 1)
PY
}

# A third of the corpus first: what is stored before the disk fills.
head -n 300 "$tmp/corpus.jsonl" >"$tmp/third.jsonl"
"$chronicle" ingest --quiet --db "$tmp/base.db" "$tmp/third.jsonl" >/dev/null 2>&1

# A file size limit a little above the database: the WAL cannot grow.
cp "$tmp/base.db" "$tmp/limit.db"
kb=$(( $(stat -c %s "$tmp/limit.db") / 1024 + 256 ))
( trap '' XFSZ; ulimit -f "$kb"; exec "$chronicle" ingest --db "$tmp/limit.db" "$tmp/corpus.jsonl" ) >"$out" 2>"$err"
rc=$?
status_is 2 && stderr_has "limit.db" && stderr_has "could not write" && stderr_has "run the same command again"
check "a file size limit: exit 2, a message naming the database and what to do"
[ "$(sql "$tmp/limit.db" 'PRAGMA integrity_check')" = ok ] && kept "$tmp/limit.db" && whole "$tmp/limit.db" >"$err"
check "after the failed write: the database is whole, keeps what it held, and no article in part"
"$chronicle" ingest --quiet --db "$tmp/limit.db" "$tmp/corpus.jsonl" >/dev/null 2>"$err"
[ "$(counts "$tmp/limit.db")" = "$clean" ]
check "with room again, a rerun ends with exactly the clean counts"

# A full file system: a tmpfs a little larger than the database, where the
# user may mount one (root with CAP_SYS_ADMIN); otherwise said and skipped.
mkdir -p "$tmp/mnt"
size=$(( $(stat -c %s "$tmp/base.db") / 1024 + 384 ))
if mount -t tmpfs -o "size=${size}k" chronicle-test "$tmp/mnt" 2>/dev/null; then
    trap 'umount "$tmp/mnt" 2>/dev/null; rm -rf "$tmp"' EXIT
    cp "$tmp/base.db" "$tmp/mnt/full.db"
    run "$chronicle" ingest --db "$tmp/mnt/full.db" "$tmp/corpus.jsonl"
    status_is 2 && stderr_has "full.db" && stderr_has "disk is full" && stderr_has "run the same command again"
    check "a full disk: exit 2, a message naming the database and saying the disk is full"
    [ "$(sql "$tmp/mnt/full.db" 'PRAGMA integrity_check')" = ok ] && kept "$tmp/mnt/full.db" &&
        whole "$tmp/mnt/full.db" >"$err"
    check "after the full disk: the database is whole, keeps what it held, and no article in part"
    umount "$tmp/mnt"
else
    echo "skip a full disk on a small tmpfs: this user cannot mount one (the file size limit above stands in)"
fi

# A read-only database, for a user who may not write it (as root, the test
# runs the program as nobody: root may write anything).
mkdir -p "$tmp/ro"
cp "$tmp/base.db" "$tmp/ro/ro.db"
chmod 755 "$tmp" "$tmp/ro"
chmod 444 "$tmp/ro/ro.db"
as_user=()
if [ "$(id -u)" -eq 0 ]; then
    if setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
        as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    fi
fi
if [ "$(id -u)" -ne 0 ] || [ ${#as_user[@]} -gt 0 ]; then
    sum=$(sha256sum <"$tmp/ro/ro.db")
    run "${as_user[@]}" "$chronicle" ingest --db "$tmp/ro/ro.db" "$tmp/corpus.jsonl"
    status_is 2 && stderr_has "ro.db" && stderr_has "read-only"
    check "ingest into a read-only database: exit 2 and a message saying it is read-only"
    [ "$(sha256sum <"$tmp/ro/ro.db")" = "$sum" ] && [ ! -e "$tmp/ro/ro.db-wal" ]
    check "the read-only database is unchanged"
    "$chronicle" query --db "$tmp/base.db" --actor Putin --format tsv >"$tmp/rw.tsv" 2>/dev/null
    run "${as_user[@]}" "$chronicle" query --db "$tmp/ro/ro.db" --actor Putin --format tsv
    status_is 0 && [ "$(wc -l <"$out")" -gt 1 ] && cmp -s "$out" "$tmp/rw.tsv"
    check "a read-only database in a read-only folder can still be queried"
else
    echo "skip a read-only database: running as root without setpriv"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
