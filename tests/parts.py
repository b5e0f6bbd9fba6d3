#!/usr/bin/env python3
"""Events are stored in parts (schemas/chronicle-2.sql); queries merge them.

Each check is one assertion named after the promise it tests; all run, and
the failures are listed.

* A database whose events are split over several parts answers every query
  with the same rows in the same order as the same database in one part
  (by actor, with --limit, --affiliated, --with, by date, type and words;
  export too).
* A writer adds new events to the newest part, and starts a new part when
  the newest is full.
* A database of schema version 1 (one index per date order, no parts) is
  migrated when first opened, by a query too, and answers as before; so is
  one of version 3 (schemas/chronicle-4.sql: event's CHECK rewritten, six
  indexes dropped; chronicle-5.sql: two indexes queries need; chronicle-6.sql:
  a count of mentions per actor instead of an index; chronicle-7.sql: the
  treaty index only of events that name one).  Either way
  the migrated schema is that of a new database.

    parts.py --chronicle PATH --generator tests/bench/gen_corpus.py
"""

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

CHECKS = []


def check(name):
    def wrap(fn):
        CHECKS.append((name, fn))
        return fn
    return wrap


def run(binary, *args):
    p = subprocess.run([binary] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        raise AssertionError("chronicle %s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr.decode()))
    return p.stdout.decode("utf-8")


def sql(db, query, *params):
    con = sqlite3.connect(db)
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def split_parts(db, nparts):
    """Spreads the events over nparts parts by id, as a writer would have
    written them, oldest first."""
    con = sqlite3.connect(db)
    top = con.execute("SELECT max(id) FROM event").fetchone()[0]
    con.execute("UPDATE event SET part = (id - 1) * ? / ?", (nparts, top))
    con.execute("UPDATE event_actor SET part = (SELECT part FROM event WHERE id = event_id)")
    con.execute("DELETE FROM part")
    con.execute("INSERT INTO part(id, events) SELECT part, count(*) FROM event GROUP BY part")
    con.commit()
    con.close()


# The schema version of a new database: the highest schemas/chronicle-N.sql.
LATEST = max(int(f[len("chronicle-"):-len(".sql")])
             for f in os.listdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "schemas"))
             if f.startswith("chronicle-") and f.endswith(".sql"))

# What schemas/chronicle-4.sql to chronicle-7.sql changed, as versions 1
# to 3 had it (chronicle-7.sql remakes the index that chronicle-5.sql adds).
UNDO_4 = """
        CREATE INDEX mention_actor ON mention(actor_id);
        ALTER TABLE actor DROP COLUMN mentions;
        DROP INDEX event_source_sentence;
        DROP INDEX event_treaty;
        PRAGMA writable_schema = ON;
        UPDATE sqlite_schema
            SET sql = replace(sql, 'CHECK (basis = ''stated'' OR basis = ''reported'' OR basis = ''unknown'')',
                              'CHECK (basis IN (''stated'', ''reported'', ''unknown''))')
            WHERE type = 'table' AND name = 'event';
        PRAGMA writable_schema = RESET;
        CREATE INDEX statement_speaker ON statement(speaker_id);
        CREATE INDEX statement_article ON statement(article_id);
        CREATE INDEX sentence_article ON sentence(article_id, start);
        CREATE INDEX event_source_article ON event_source(article_id);
        CREATE INDEX treaty_mention_article ON treaty_mention(article_id);
        CREATE INDEX treaty_article_article ON treaty_article(article_id);
"""


def downgrade_3(db):
    """Rewrites a database into the layout of schema version 3."""
    con = sqlite3.connect(db)
    con.executescript("BEGIN;" + UNDO_4 + "PRAGMA user_version = 3; COMMIT;")
    con.close()


def schema(db):
    """The tables, indexes and their SQL, as sqlite_schema has them."""
    return sql(db, "SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")


def downgrade(db):
    """Rewrites a database into the layout of schema version 1."""
    con = sqlite3.connect(db)
    con.executescript("""
        PRAGMA foreign_keys = OFF;
        BEGIN;""" + UNDO_4 + """
        DROP INDEX event_sort;
        ALTER TABLE event DROP COLUMN part;
        CREATE INDEX event_sort ON event(sort_date);
        CREATE TABLE event_actor_1 (
            actor_id INTEGER NOT NULL REFERENCES actor(id),
            sort_date TEXT NOT NULL,
            event_id INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,
            role TEXT NOT NULL,
            PRIMARY KEY (actor_id, sort_date, event_id, role)) WITHOUT ROWID;
        INSERT INTO event_actor_1 SELECT actor_id, sort_date, event_id, role FROM event_actor;
        DROP TABLE event_actor;
        ALTER TABLE event_actor_1 RENAME TO event_actor;
        CREATE INDEX event_actor_event ON event_actor(event_id);
        DROP TABLE part;
        DROP TABLE actor_sound;
        PRAGMA user_version = 1;
        COMMIT;
    """)
    con.close()


class Ctx:
    def __init__(self, binary, tmp, corpus, extra):
        self.binary, self.tmp, self.corpus, self.extra = binary, tmp, corpus, extra
        self.one = os.path.join(tmp, "one.db")
        run(binary, "ingest", "--quiet", "--db", self.one, corpus)
        top = sql(self.one, "SELECT a.name FROM event_actor ea JOIN actor a ON a.id = ea.actor_id"
                            " GROUP BY a.id ORDER BY count(*) DESC, a.name LIMIT 3")
        person = sql(self.one, "SELECT a.name FROM event_actor ea JOIN actor a ON a.id = ea.actor_id"
                               " WHERE a.kind = 'person' GROUP BY a.id ORDER BY count(*) DESC, a.name LIMIT 1")
        state = sql(self.one, "SELECT a.name FROM actor a JOIN actor p ON p.affiliation = a.name"
                              " JOIN event_actor ea ON ea.actor_id = p.id GROUP BY a.id ORDER BY count(*) DESC LIMIT 1")
        a, b, c = (r[0] for r in top)
        self.queries = [
            ["--actor", a], ["--actor", b, "--limit", "7"], ["--actor", c, "--with", a],
            ["--actor", person[0][0]], ["--actor", state[0][0], "--affiliated", "--limit", "60"],
            ["--actor", a, "--actor", b], ["--from", "2020-01-01", "--to", "2021-06-30"],
            ["--limit", "25"], ["--type", "057"], ["--actor", a, "--type", "consult"],
            ["--text", "minister", "--limit", "30"],
        ]

    def copy(self, name, source=None):
        path = os.path.join(self.tmp, name)
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        shutil.copy(source or self.one, path)
        return path

    def with_extra(self):
        """The one-part database with the extra articles too, built once."""
        path = os.path.join(self.tmp, "one-extra.db")
        if not os.path.exists(path):
            run(self.binary, "ingest", "--quiet", "--db", self.copy("one-extra.db"), self.extra)
        return path

    def answers(self, db):
        out = [run(self.binary, "query", "--db", db, "--format", "json", *q) for q in self.queries]
        out.append(run(self.binary, "export", "--db", db, "--format", "csv", "--actor", self.queries[0][1]))
        return out


def same_answers(c, db, reference):
    got = c.answers(db)
    want = c.answers(reference)
    for q, g, w in zip(c.queries + [["export"]], got, want):
        if g != w:
            gl, wl = g.splitlines(), w.splitlines()
            first = next((i for i, (x, y) in enumerate(zip(gl, wl)) if x != y), min(len(gl), len(wl)))
            raise AssertionError("%s: %d rows against %d, first different at row %d"
                                 % (" ".join(q), len(gl), len(wl), first + 1))
    assert any(len(w.splitlines()) > 5 for w in want), "the queries found almost nothing: no test"


@check("events in five parts: every query gives the rows of one part, in the same order")
def _(c):
    db = c.copy("five.db")
    split_parts(db, 5)
    assert sql(db, "SELECT count(DISTINCT part) FROM event_actor")[0][0] == 5
    same_answers(c, db, c.one)


@check("a writer adds new events to the newest part while it has room")
def _(c):
    db = c.copy("grow.db")
    split_parts(db, 3)
    before = sql(db, "SELECT max(id) FROM event")[0][0]
    run(c.binary, "ingest", "--quiet", "--db", db, c.extra)
    parts = sql(db, "SELECT id, events FROM part ORDER BY id")
    assert [p for p, _ in parts] == [0, 1, 2], "parts %s" % parts
    new = sql(db, "SELECT DISTINCT part FROM event WHERE id > ?", before)
    assert new == [(2,)], "new events went to parts %s" % new
    assert sql(db, "SELECT count(*) FROM event_actor ea JOIN event e ON e.id = ea.event_id"
                   " WHERE ea.part != e.part")[0][0] == 0, "event_actor rows outside their event's part"
    for p, n in parts:
        assert sql(db, "SELECT count(*) FROM event WHERE part = ?", p)[0][0] == n, "part %d does not count %d" % (p, n)
    assert sql(db, "SELECT count(*) FROM event_source es JOIN event e ON e.id = es.event_id"
                   " WHERE es.article_id > 400 AND e.part = 0")[0][0] > 0, "no event of part 0 reported again: no test"
    dup = sql(db, "SELECT count(*) FROM (SELECT 1 FROM event_actor GROUP BY event_id, actor_id, role HAVING count(*) > 1)")
    assert dup == [(0,)], "%d actor rows of events reported again are listed twice" % dup[0][0]
    same_answers(c, db, c.with_extra())


@check("a writer starts a new part when the newest holds a million events")
def _(c):
    db = c.copy("full.db")
    split_parts(db, 2)
    con = sqlite3.connect(db)
    con.execute("UPDATE part SET events = 1000000 WHERE id = 1")
    con.commit()
    con.close()
    before = sql(db, "SELECT max(id) FROM event")[0][0]
    run(c.binary, "ingest", "--quiet", "--db", db, c.extra)
    assert [p for p, in sql(db, "SELECT id FROM part ORDER BY id")] == [0, 1, 2]
    new = sql(db, "SELECT DISTINCT part FROM event WHERE id > ?", before)
    assert new == [(2,)], "new events went to parts %s" % new
    assert sql(db, "SELECT DISTINCT part FROM event_actor WHERE event_id > ?", before) == [(2,)]
    same_answers(c, db, c.with_extra())


@check("a version-1 database is migrated by the first query, and answers as before")
def _(c):
    db = c.copy("v1.db")
    downgrade(db)
    assert sql(db, "PRAGMA user_version")[0][0] == 1
    same_answers(c, db, c.one)
    assert sql(db, "PRAGMA user_version")[0][0] == LATEST, "not migrated"
    assert schema(db) == schema(c.one), "the migrated schema is not that of a new database"
    assert sql(db, "SELECT count(*) FROM actor_sound")[0][0] == \
        sql(c.one, "SELECT count(*) FROM actor_sound")[0][0] > 0, "people's sound keys not computed"
    events = sql(db, "SELECT count(*) FROM event")[0][0]
    assert sql(db, "SELECT id, events FROM part") == [(0, events)], "not one part 0 of %d events" % events
    assert sql(db, "PRAGMA integrity_check") == [("ok",)]
    assert sql(db, "PRAGMA foreign_key_check") == []


@check("a version-3 database is migrated by the first query, and answers as before")
def _(c):
    db = c.copy("v3.db")
    downgrade_3(db)
    assert sql(db, "PRAGMA user_version")[0][0] == 3
    assert "basis IN (" in sql(db, "SELECT sql FROM sqlite_schema WHERE name = 'event'")[0][0]
    assert len(schema(db)) == len(schema(c.one)) + 7 - 2       # seven indexes dropped since, two added
    same_answers(c, db, c.one)
    assert sql(db, "PRAGMA user_version")[0][0] == LATEST, "not migrated"
    assert schema(db) == schema(c.one), "the migrated schema is not that of a new database"
    assert sql(db, "PRAGMA integrity_check") == [("ok",)]
    con = sqlite3.connect(db)
    try:
        con.execute("INSERT INTO event(key, type, cameo, basis, sort_date) VALUES(-1, 't', '010', 'guessed', '~')")
        raise AssertionError("an event with basis 'guessed' was stored")
    except sqlite3.IntegrityError:
        pass
    finally:
        con.close()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chronicle", required=True)
    ap.add_argument("--generator", required=True)
    args = ap.parse_args(argv)
    binary = os.path.abspath(args.chronicle)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="chronicle-parts-") as tmp:
        corpus, extra = os.path.join(tmp, "corpus.jsonl"), os.path.join(tmp, "extra.jsonl")
        for path, n, seed in ((corpus, 400, 11), (extra, 60, 12)):
            subprocess.run([sys.executable, args.generator, "--articles", str(n), "--seed", str(seed),
                            "--out", path], check=True, stdout=subprocess.DEVNULL)
        # the extra articles also report again the events of 40 of the first
        # ones (the same text under another url), which then gain a source
        with open(corpus, encoding="utf-8") as f:
            again = [json.loads(line) for line in f][:40]
        with open(extra, "a", encoding="utf-8") as f:
            for a in again:
                a["url"] += "?again"
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        c = Ctx(binary, tmp, corpus, extra)
        for name, fn in CHECKS:
            try:
                fn(c)
                print("ok   %s" % name)
            except AssertionError as e:
                failed += 1
                print("FAIL %s: %s" % (name, e))
    print("%d of %d checks failed" % (failed, len(CHECKS)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
