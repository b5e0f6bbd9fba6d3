#!/usr/bin/env python3
"""The founding article, ingested, gives what ../shared/dev/seed-expected.md
describes, and the queries the issue names return it.

Each check is one assertion named after the promise it tests; all run, and
the failures are listed.  Exits 77 when the shared corpus is absent.

    seed_ingest.py --chronicle PATH --seed ARTICLE
"""

import argparse
import json
import os
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


class Ctx:
    def __init__(self, binary, db):
        self.binary, self.db = binary, db

    def run(self, *args):
        p = subprocess.run([self.binary] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            raise AssertionError("chronicle %s: exit %d: %s" % (" ".join(args), p.returncode, p.stderr.decode()))
        return p.stdout.decode("utf-8")

    def query(self, *args):
        out = self.run("query", "--db", self.db, "--format", "json", *args)
        return [json.loads(line) for line in out.splitlines() if line.strip()]

    def show(self, ev_id):
        return json.loads(self.run("show", "--db", self.db, str(ev_id)))


def names(ev, role=None):
    return {a["name"] for a in ev["actors"] if role is None or a["role"] == role}


def one(events, cameo):
    found = [e for e in events if e["cameo"] == cameo]
    assert len(found) == 1, "expected one %s event, got %d" % (cameo, len(found))
    return found[0]


@check("every spelling of Putin gives the same events")
def _(c):
    base = [e["id"] for e in c.query("--actor", "بوتين")]
    assert base, "no events for بوتين"
    for alias in ["Putin", "Путин", "Vladimir Putin", "vladimir PUTIN", "فلاديمير بوتين"]:
        got = [e["id"] for e in c.query("--actor", alias)]
        assert got == base, "%s gives %s, بوتين gives %s" % (alias, got, base)


@check("the visit: Putin to North Korea on 2024-06-18/19, stated, with the treaty")
def _(c):
    visit = one(c.query("--actor", "Putin"), "042")
    d = visit["date"]
    assert (d["start"], d["end"], d["basis"]) == ("2024-06-18", "2024-06-19", "stated"), d
    assert "Vladimir Putin" in names(visit, "source"), visit["actors"]
    assert "North Korea" in names(visit, "target"), visit["actors"]
    t = visit["treaty"]
    assert t and set(t["parties"]) == {"Russia", "North Korea"}, t
    assert t["concluded"] == "2024-06-18/2024-06-19", t
    assert 4 in [a["number"] for a in t["articles"]], t


@check("the signing: Russia and North Korea conclude the treaty on 2024-06-18/19")
def _(c):
    sign = one(c.query("--type", "057"), "057")
    assert names(sign) >= {"Russia", "North Korea"}, sign["actors"]
    assert (sign["date"]["start"], sign["date"]["end"]) == ("2024-06-18", "2024-06-19"), sign["date"]
    assert sign["treaty"] and "شراكة" in sign["treaty"]["name"], sign["treaty"]


@check("Putin's statement: reported 2024-10-25, Rossiya 1 interview, Sputnik then SANA")
def _(c):
    ev = one(c.query("--actor", "Putin"), "010")
    assert (ev["date"]["value"], ev["date"]["basis"]) == ("2024-10-25", "reported"), ev["date"]
    full = c.show(ev["id"])
    quoted = [s for s in full["statements"] if s["quoted"]]
    assert quoted, "no quotation"
    s = quoted[0]
    assert s["quote"].startswith("إن المادة الرابعة من الاتفاقية الإستراتيجية"), s["quote"]
    assert s["medium"] == "interview" and s["medium_actor"] == "Rossiya 1", s
    assert s["reported_by"][:2] == ["Sputnik", "SANA"], s["reported_by"]
    assert ev["treaty"] is not None, "statement not linked to the treaty"
    assert {"North Korea", "Ukraine", "NATO"} <= names(ev), ev["actors"]


@check("Ryabkov's statement is undated, not before the page, with TASS in its chain")
def _(c):
    ev = one(c.query("--actor", "Ryabkov"), "010")
    d = ev["date"]
    assert d["value"] is None and d["basis"] == "unknown" and d["not_before"] == "2024-10-25", d
    full = c.show(ev["id"])
    chains = [s["reported_by"] for s in full["statements"]]
    assert any("TASS" in ch for ch in chains), chains
    assert any(s["negated"] and "لم يتواصل" in s["quote"] for s in full["statements"]), "no negated statement"
    assert {"Keith Kellogg", "Donald Trump"} <= names(ev), ev["actors"]


@check("Kellogg's statement keeps 'by the end of this year' unresolved and is undated")
def _(c):
    evs = [e for e in c.query("--actor", "Kellogg", "--type", "010") if "Keith Kellogg" in names(e, "speaker")]
    assert len(evs) == 1, "expected one statement event of Kellogg, got %d" % len(evs)
    ev = evs[0]
    full = c.show(ev["id"])
    assert any("نهاية هذا العام" in s["quote"] for s in full["statements"]), full["statements"]
    assert ev["date"]["value"] is None, ev["date"]
    con = sqlite3.connect(c.db)
    vals = [v for (v,) in con.execute("SELECT value FROM timex WHERE text LIKE '%نهاية هذا العام%'")]
    assert vals and all(v.startswith("XXXX") for v in vals), vals


@check("no event of the appended item inherits the page's date")
def _(c):
    con = sqlite3.connect(c.db)
    bad = con.execute("SELECT e.id, e.date_value FROM event e JOIN event_source s ON s.event_id = e.id"
                      " WHERE s.item = 1 AND e.date_value IS NOT NULL").fetchall()
    assert not bad, bad


@check("media are sources, not parties")
def _(c):
    con = sqlite3.connect(c.db)
    bad = con.execute("SELECT a.name FROM event_actor ea JOIN actor a ON a.id = ea.actor_id"
                      " WHERE a.kind = 'media'").fetchall()
    assert not bad, bad


@check("ingesting the article again changes nothing")
def _(c):
    con = sqlite3.connect(c.db)
    q = "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM event), (SELECT count(*) FROM statement)"
    before = con.execute(q).fetchone()
    c.run("ingest", "--quiet", "--db", c.db, c.seed)
    after = con.execute(q).fetchone()
    assert before == after and before[0] == 1, (before, after)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chronicle", required=True)
    ap.add_argument("--seed", required=True)
    args = ap.parse_args()
    if not os.path.exists(args.seed):
        print("skipped: %s not found" % args.seed)
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        c = Ctx(args.chronicle, os.path.join(tmp, "seed.db"))
        c.seed = args.seed
        c.run("ingest", "--quiet", "--db", c.db, args.seed)
        passed = failed = 0
        for name, fn in CHECKS:
            try:
                fn(c)
                passed += 1
                print("ok   %s" % name)
            except AssertionError as e:
                failed += 1
                print("FAIL %s: %s" % (name, e))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
