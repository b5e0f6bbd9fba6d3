#!/usr/bin/env python3
"""Benchmark of `chronicle graph` and `chronicle timeline`: time and peak
memory of the actor graph of a database with N actors (2,000 and 10,000 by
default), rendered to DOT, SVG and PNG, of timelines of 1,000 and 10,000
events (PNG; the larger aggregated), and of an HTML report of 10,000 events.
Targets: a 2,000-actor graph in under 3 s, a 1,000-event timeline in under
1 s, a 10,000-event report in under 10 s.

The database is made with the program's own schema (an empty `chronicle
ingest` creates it) and filled with sqlite3: N actors of the four kinds and
3 x N events between random pairs (fixed seed), cooperative and conflictual.

    graph.py --chronicle PATH [--actors 2000,10000] [--workdir DIR]
"""

import argparse
import os
import random
import sqlite3
import subprocess
import sys
import time

KINDS = ["person", "state", "organisation", "state"]
CODES = ["042", "057", "040", "111", "130", "163", "190", "010"]


def make_db(chronicle, path, n_actors, seed=1):
    if os.path.exists(path):
        os.remove(path)
    subprocess.run([chronicle, "ingest", "--quiet", "--db", path, "-"], input=b"", check=True,
                   stderr=subprocess.DEVNULL)
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys = ON")
    con.executemany("INSERT INTO actor(id, name, kind, origin) VALUES(?,?,?, 'text')",
                    [(i + 1, "Actor %05d" % i, KINDS[i % 4]) for i in range(n_actors)])
    con.execute("INSERT INTO article(id, hash, chars) VALUES(1, 'bench', 0)")
    con.execute("INSERT INTO sentence(id, article_id, start, end, item, text) VALUES(1, 1, 0, 0, 0, '')")
    events, actors, sources = [], [], []
    for e in range(3 * n_actors):
        # a few actors are much more active, as in news
        a = int(rng.paretovariate(1.2)) % n_actors + 1
        b = rng.randrange(n_actors) + 1
        if a == b:
            continue
        day = "20%02d-%02d-%02d" % (15 + rng.randrange(10), 1 + rng.randrange(12), 1 + rng.randrange(28))
        code = rng.choice(CODES)
        events.append((e + 1, e + 1, "bench", code, day, day, day, "day", "stated", day))
        actors += [(a, day, e + 1, "source"), (b, day, e + 1, "target")]
        sources.append((e + 1, 1, e, 0, "x", e + 1, 1))
    con.executemany("INSERT INTO event(id, key, type, cameo, date_value, date_start, date_end, granularity,"
                    " basis, sort_date) VALUES(?,?,?,?,?,?,?,?,?,?)", events)
    con.executemany("INSERT INTO event_actor(actor_id, sort_date, event_id, role) VALUES(?,?,?,?)", actors)
    con.executemany("INSERT INTO event_source(event_id, article_id, start, item, trigger, end, sentence_id)"
                    " VALUES(?,?,?,?,?,?,?)", sources)
    con.commit()
    con.close()
    return len(events)


def timed(cmd, errfile):
    t0 = time.monotonic()
    with open(errfile, "w+b") as ef:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=ef)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - t0
        ef.seek(0)
        err = ef.read(2000).decode("utf-8", "replace")
    if status != 0:
        raise RuntimeError("%s: exit %d: %s" % (" ".join(cmd), status >> 8, err))
    return wall, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chronicle", required=True)
    ap.add_argument("--actors", default="2000,10000")
    ap.add_argument("--workdir", default="/tmp/chronicle-graph-bench")
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    print("%-8s %8s %-6s %8s %9s" % ("actors", "events", "format", "wall s", "peak MiB"))
    worst = {}
    for n in [int(x) for x in args.actors.split(",")]:
        db = os.path.join(args.workdir, "graph-%d.db" % n)
        events = make_db(args.chronicle, db, n)
        for fmt in ["dot", "svg", "png"]:
            out = os.path.join(args.workdir, "graph-%d.%s" % (n, fmt))
            wall, rss = timed([args.chronicle, "graph", "--db", db, "-o", out], out + ".stderr")
            worst[n] = max(worst.get(n, 0), wall)
            print("%-8d %8d %-6s %8.2f %9.1f" % (n, events, fmt, wall, rss))
        events_drawn = 1000 if n <= 2000 else 10000
        out = os.path.join(args.workdir, "timeline-%d.png" % events_drawn)
        wall, rss = timed([args.chronicle, "timeline", "--db", db, "--limit", str(events_drawn), "-o", out],
                          out + ".stderr")
        print("%-8s %8d %-6s %8.2f %9.1f" % ("timeline", events_drawn, "png", wall, rss))
        if events_drawn == 1000:
            worst["timeline"] = wall
        else:
            out = os.path.join(args.workdir, "report-%d.html" % events_drawn)
            wall, rss = timed([args.chronicle, "report", "--db", db, "--limit", str(events_drawn), "-o", out],
                              out + ".stderr")
            print("%-8s %8d %-6s %8.2f %9.1f" % ("report", events_drawn, "html", wall, rss))
            worst["report"] = wall
    if 2000 in worst:
        print("target: 2,000-actor graph under 3 s: %s (%.2f s)" % ("met" if worst[2000] < 3 else "NOT met", worst[2000]))
    if "report" in worst:
        print("target: 10,000-event report under 10 s: %s (%.2f s)" % ("met" if worst["report"] < 10 else "NOT met",
                                                                        worst["report"]))
    if "timeline" in worst:
        print("target: 1,000-event timeline under 1 s: %s (%.2f s)" % (
            "met" if worst["timeline"] < 1 else "NOT met", worst["timeline"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
