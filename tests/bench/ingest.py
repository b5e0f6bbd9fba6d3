#!/usr/bin/env python3
"""Throughput, memory and query latency of `chronicle ingest` on a large
synthetic news corpus.

What it measures
    1. Corpus.  gen_corpus.py (beside this script) writes --articles articles
       (default 100000, about 3 KB each, half Arabic, half English, about ten
       events each) to WORKDIR.  The corpus is kept and reused while the
       generator and its parameters stay the same.

    2. Ingest throughput.  Each of

           chronicle ingest --quiet -j 1 --db WORKDIR/j1.db CORPUS
           chronicle ingest --quiet -j 2 --db WORKDIR/j2.db CORPUS

       runs into a new database and is timed by wall clock; the peak resident
       memory of the child comes from its resource usage (os.wait4).  For each
       run: MB/s (corpus bytes / wall seconds, 1 MB = 10^6 bytes), articles/s,
       events/s (SELECT count(*) FROM event in the resulting database, read
       with Python's sqlite3) and the peak RSS in MiB.

    3. Memory flatness.  -j 1 also runs on the first 10% of the corpus (into
       j1-10pct.db).  Chronicle streams its input, so the full run's peak RSS
       should stay that of the 10% run: it counts as flat unless it is more
       than 1.5 times and 16 MiB larger (as in throughput.py).

    4. Query latency.  WORKDIR/q.db is filled with articles of another seed
       until it holds at least --query-events events (default 1000000); the
       corpus grows until it does (a larger corpus extends a smaller one, and
       ingest skips the articles already stored).  For the 20 actors with the
       most events,

           chronicle query --db q.db --actor NAME --format json --limit 100

       runs 5 times each (wall ms, process start included), and the query
       behind it runs 5 times in this process with sqlite3: for each part P
       of the database (schemas/chronicle-2.sql),

           SELECT ea.event_id, ea.sort_date FROM event_actor ea
           WHERE ea.actor_id IN (SELECT actor_id FROM alias WHERE key = :key)
           AND ea.part = P ORDER BY ea.sort_date, ea.event_id LIMIT 100

       merged in one statement (UNION ALL, ORDER BY 2, 1 LIMIT 100; the key
       being the lower-cased alias), which separates process start-up from
       the query itself.  Median and p95 (nearest rank) are reported per
       actor and over all runs.

    The report is printed as tables and written as JSON to
    WORKDIR/ingest-bench.json.  The databases are removed at the end unless
    --keep is given; a kept q.db with enough events is reused next time.

Usage
    ingest.py --chronicle PATH [--articles N] [--workdir DIR]
              [--query-events N] [--keep]

    meson test -C build --benchmark ingest     runs it at full size
    ingest.py --chronicle build/chronicle --articles 2000 --query-events 20000
                                               a quick check

Exit status: 0 on success (slow or not, flat or not), 2 when Chronicle or the
corpus generator fails.
"""

import argparse
import contextlib
import glob
import hashlib
import json
import math
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

MB = 1000 * 1000
MIB = 1024 * 1024
HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "gen_corpus.py")
CORPUS_SEED = 1
QUERY_SEED = 2              # q.db is filled from other articles than j1.db
EVENTS_PER_ARTICLE = 10
PREFIX_FRACTION = 0.10
MAX_RSS_GROWTH, RSS_SLACK_MIB = 1.5, 16
TOP_ACTORS, QUERY_RUNS, QUERY_LIMIT = 20, 5, 100
QUERY_ROUNDS = 8            # at most this many corpus sizes when filling q.db

TOP_ACTORS_SQL = ("SELECT a.id, a.name, count(*) FROM event_actor ea"
                  " JOIN actor a ON a.id = ea.actor_id"
                  " GROUP BY a.id ORDER BY 3 DESC LIMIT ?")
EVENTS_BY_ACTOR_ARM = (
    "SELECT * FROM (SELECT ea.event_id, ea.sort_date FROM event_actor ea"
    " WHERE ea.actor_id IN (SELECT actor_id FROM alias WHERE key = :key) AND ea.part = %d"
    " ORDER BY ea.sort_date, ea.event_id LIMIT %d)")


def events_by_actor_sql(conn):
    """The SQL behind `query --actor`: each part in date order, merged."""
    parts = [p for p, in conn.execute("SELECT id FROM part ORDER BY id")]
    return " UNION ALL ".join(EVENTS_BY_ACTOR_ARM % (p, QUERY_LIMIT) for p in parts) + \
        " ORDER BY 2, 1 LIMIT %d" % QUERY_LIMIT


class Failure(Exception):
    """Chronicle or the generator failed; the message says what ran."""


# ---------------------------------------------------------------- processes

def run_measured(command, keep_stdout=False, usage_out=None):
    """Runs command; returns (wall seconds, peak RSS KiB, stdout bytes or None),
    and appends the child's resource usage to usage_out if given.
    Raises Failure when it exits with another status than 0."""
    env = dict(os.environ, LC_ALL="C.UTF-8")
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        proc = subprocess.Popen(command, env=env, stderr=errors,
                                stdout=subprocess.PIPE if keep_stdout else subprocess.DEVNULL)
        output = proc.stdout.read() if keep_stdout else None
        # wait4 gives the resource usage of this one child (RUSAGE_CHILDREN
        # would mix in the earlier runs).
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        if usage_out is not None:
            usage_out.append(usage)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if keep_stdout:
            proc.stdout.close()
        if proc.returncode != 0:
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace").strip()
            raise Failure("%s exited with %d: %s"
                          % (" ".join(command), proc.returncode, message[-2000:]))
    return seconds, usage.ru_maxrss, output


def connect(db):
    """An existing database.  Not opened read-only: a read-only connection
    would leave the -wal and -shm files behind."""
    if not os.path.exists(db):
        raise Failure("%s was not created" % db)
    return sqlite3.connect(db)


def count_rows(db, sql, params=()):
    """The first column of the first row of sql on db."""
    with contextlib.closing(connect(db)) as conn:
        return conn.execute(sql, params).fetchone()[0]


def remove_db(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


# ------------------------------------------------------------------- corpora

def generator_digest():
    with open(GENERATOR, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:16]


def corpus(workdir, name, articles, seed):
    """Path of a corpus of articles from seed, generated unless a file made by
    the same generator with the same parameters is there; and whether it was."""
    path = os.path.join(workdir, "%s-%d-seed%d-k%d.jsonl"
                        % (name, articles, seed, EVENTS_PER_ARTICLE))
    stamp = "%s %d %d %d" % (generator_digest(), articles, seed, EVENTS_PER_ARTICLE)
    stamp_path = path + ".stamp"
    if os.path.exists(path) and os.path.exists(stamp_path):
        with open(stamp_path) as handle:
            if handle.read().strip() == stamp:
                return path, True
    print("generating %s ..." % path, flush=True)
    result = subprocess.run([sys.executable, GENERATOR, "--articles", str(articles),
                             "--out", path, "--seed", str(seed),
                             "--events-per-article", str(EVENTS_PER_ARTICLE)])
    if result.returncode != 0:
        raise Failure("gen_corpus.py exited with %d" % result.returncode)
    with open(stamp_path, "w") as handle:
        handle.write(stamp + "\n")
    return path, False


def prefix(path, fraction):
    """The first fraction of path's lines (at least one), kept beside it."""
    out_path = path[:-len(".jsonl")] + "-first%dpct.jsonl" % round(fraction * 100)
    if os.path.exists(out_path) and os.path.getmtime(out_path) >= os.path.getmtime(path):
        return out_path
    wanted = max(1, int(count_lines(path) * fraction))
    with open(path, "rb") as source, open(out_path + ".tmp", "wb") as out:
        for _ in range(wanted):
            out.write(source.readline())
    os.replace(out_path + ".tmp", out_path)
    return out_path


def count_lines(path):
    count = 0
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(16 * MIB), b""):
            count += block.count(b"\n")
    return count


def remove_other_corpora(workdir, name, keep):
    for path in glob.glob(os.path.join(workdir, name + "-*.jsonl")):
        if path != keep:
            for doomed in (path, path + ".stamp"):
                if os.path.exists(doomed):
                    os.remove(doomed)


# -------------------------------------------------------------------- ingest

def ingest(chronicle, db, corpus_path, jobs, label):
    """Times one ingest into a new database; returns its figures."""
    remove_db(db)
    print("ingest %s ..." % label, flush=True)
    seconds, rss_kib, _ = run_measured([chronicle, "ingest", "--quiet", "-j", str(jobs),
                                        "--db", db, corpus_path])
    size = os.path.getsize(corpus_path)
    articles = count_lines(corpus_path)
    events = count_rows(db, "SELECT count(*) FROM event")
    return {
        "label": label, "jobs": jobs, "input": corpus_path, "db": db,
        "articles": articles, "stored": count_rows(db, "SELECT count(*) FROM article"),
        "bytes": size, "seconds": seconds, "events": events,
        "mb_per_s": size / MB / seconds, "articles_per_s": articles / seconds,
        "events_per_s": events / seconds, "peak_rss_mib": rss_kib / 1024.0,
    }


def memory_check(prefix_run, full_run):
    small, full = prefix_run["peak_rss_mib"], full_run["peak_rss_mib"]
    ratio = full / small if small else float("inf")
    return {"prefix_rss_mib": small, "full_rss_mib": full, "ratio": ratio,
            "flat": not (ratio > MAX_RSS_GROWTH and full - small > RSS_SLACK_MIB)}


# -------------------------------------------------------------------- q.db

def fill_query_db(chronicle, workdir, wanted, events_per_article):
    """Makes WORKDIR/q.db hold at least `wanted` events; returns its figures.
    events_per_article (from the main run) sizes the first corpus."""
    db = os.path.join(workdir, "q.db")
    events = count_rows(db, "SELECT count(*) FROM event") if os.path.exists(db) else 0
    reused = events >= wanted
    jobs = max(2, os.cpu_count() or 1)
    started, rounds = time.perf_counter(), 0
    while events < wanted and rounds < QUERY_ROUNDS:
        stored = count_rows(db, "SELECT count(*) FROM article") if os.path.exists(db) else 0
        rate = events / stored if stored and events else events_per_article
        if rate <= 0:
            break
        articles = max(stored + 100, math.ceil(stored + (wanted - events) / rate * 1.05))
        path, _ = corpus(workdir, "query-corpus", articles, QUERY_SEED)
        print("filling q.db from %d articles (-j %d) ..." % (articles, jobs), flush=True)
        run_measured([chronicle, "ingest", "--quiet", "-j", str(jobs), "--db", db, path])
        remove_other_corpora(workdir, "query-corpus", path)     # smaller: superseded
        rounds += 1
        events = count_rows(db, "SELECT count(*) FROM event")
    return {
        "db": db, "events": events, "wanted": wanted, "reused": reused,
        "articles": count_rows(db, "SELECT count(*) FROM article") if os.path.exists(db) else 0,
        "fill_seconds": None if reused else time.perf_counter() - started,
    }


def alias_key(conn, actor_id, name):
    """The alias key of an actor: its lower-cased name, else its name's stored key."""
    key = name.lower()
    if conn.execute("SELECT 1 FROM alias WHERE key = ? AND actor_id = ?",
                    (key, actor_id)).fetchone():
        return key
    row = conn.execute("SELECT key FROM alias WHERE actor_id = ? ORDER BY form = ? DESC",
                       (actor_id, name)).fetchone()
    return row[0] if row else key


def percentile(values, share):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summary(ms):
    return {"median_ms": statistics.median(ms), "p95_ms": percentile(ms, 0.95)}


def time_queries(chronicle, db):
    """Per top actor: CLI and in-process SQL timings of the events query."""
    results = []
    with contextlib.closing(connect(db)) as conn:
        by_actor = events_by_actor_sql(conn)
        for actor_id, name, events in conn.execute(TOP_ACTORS_SQL, (TOP_ACTORS,)).fetchall():
            cli_ms, sql_ms, cli_rows, sql_rows = [], [], 0, 0
            cpu_ms, faults = [], []
            command = [chronicle, "query", "--db", db, "--actor", name,
                       "--format", "json", "--limit", str(QUERY_LIMIT)]
            for _ in range(QUERY_RUNS):
                usage = []
                seconds, _, output = run_measured(command, keep_stdout=True, usage_out=usage)
                cli_ms.append(seconds * 1000)
                cpu_ms.append((usage[0].ru_utime + usage[0].ru_stime) * 1000)
                faults.append(usage[0].ru_minflt)
                cli_rows = sum(1 for line in output.splitlines() if line.strip())
            key = alias_key(conn, actor_id, name)
            for _ in range(QUERY_RUNS):
                started = time.perf_counter()
                sql_rows = len(conn.execute(by_actor, {"key": key}).fetchall())
                sql_ms.append((time.perf_counter() - started) * 1000)
            results.append({"actor": name, "key": key, "events": events,
                            "cli_rows": cli_rows, "sql_rows": sql_rows,
                            "cli_ms": cli_ms, "sql_ms": sql_ms,
                            "cpu_ms": cpu_ms, "faults": faults,
                            "cli": summary(cli_ms), "sql": summary(sql_ms)})
    return results


# -------------------------------------------------------------------- report

def print_ingest(runs, memory):
    print("\ningest                 articles       MB   wall s    MB/s  articles/s"
          "     events   events/s  peak MiB")
    for run in runs:
        print("%-20s %10d %8.1f %8.2f %7.2f %11.0f %10d %10.0f %9.1f"
              % (run["label"], run["articles"], run["bytes"] / MB, run["seconds"],
                 run["mb_per_s"], run["articles_per_s"], run["events"],
                 run["events_per_s"], run["peak_rss_mib"]))
        if run["stored"] != run["articles"]:
            print("  note: %d of %d articles stored" % (run["stored"], run["articles"]))
    print("\nmemory: peak RSS on 100%% / on 10%% = %.1f / %.1f MiB = %.2f: %s"
          % (memory["full_rss_mib"], memory["prefix_rss_mib"], memory["ratio"],
             "flat" if memory["flat"] else "GROWS with the input"))


def print_queries(query_db, queries):
    print("\nquery database %s: %d events from %d articles%s"
          % (query_db["db"], query_db["events"], query_db["articles"],
             " (reused)" if query_db["reused"] else
             " (filled in %.0f s)" % query_db["fill_seconds"]))
    if query_db["events"] < query_db["wanted"]:
        print("  note: fewer than the %d events asked for" % query_db["wanted"])
    if not queries:
        print("  no actors with events: nothing to time")
        return
    print("\n%-32s %8s %5s   %-19s   %-19s"
          % ("", "", "", "chronicle query ms", "sqlite3 query ms"))
    print("%-32s %8s %5s   %9s %9s   %9s %9s"
          % ("actor", "events", "rows", "median", "p95", "median", "p95"))
    for q in queries:
        rows = str(q["cli_rows"]) if q["cli_rows"] == q["sql_rows"] else \
            "%d/%d" % (q["cli_rows"], q["sql_rows"])
        print("%-32s %8d %5s   %9.1f %9.1f   %9.2f %9.2f"
              % (q["actor"][:32], q["events"], rows, q["cli"]["median_ms"], q["cli"]["p95_ms"],
                 q["sql"]["median_ms"], q["sql"]["p95_ms"]))
    overall = overall_queries(queries)
    print("%-32s %8s %5s   %9.1f %9.1f   %9.2f %9.2f"
          % ("all %d runs" % overall["runs"], "", "", overall["cli"]["median_ms"],
             overall["cli"]["p95_ms"], overall["sql"]["median_ms"], overall["sql"]["p95_ms"]))
    print("(rows: events printed by chronicle; a/b when the sqlite3 query found b)")
    print("chronicle query, median of all runs: %.1f ms of CPU (user and system), "
          "%d page faults" % (overall["cpu_ms"], overall["faults"]))


def overall_queries(queries):
    cli = [ms for q in queries for ms in q["cli_ms"]]
    sql = [ms for q in queries for ms in q["sql_ms"]]
    return {"runs": len(cli), "cli": summary(cli), "sql": summary(sql),
            "cpu_ms": statistics.median(ms for q in queries for ms in q["cpu_ms"]),
            "faults": statistics.median(n for q in queries for n in q["faults"])}


# ---------------------------------------------------------------------- main

def parse_args(argv):
    parser = argparse.ArgumentParser(
        description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("--chronicle", required=True, help="the chronicle binary")
    parser.add_argument("--articles", type=int, default=100000,
                        help="articles in the ingest corpus (default 100000)")
    parser.add_argument("--workdir", default="bench-ingest",
                        help="where corpora, databases and the report go"
                             " (default ./bench-ingest)")
    parser.add_argument("--query-events", type=int, default=1000000,
                        help="events in the query database (default 1000000)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the databases (a kept q.db is reused)")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.query_events < 1:
        parser.error("--articles and --query-events must be at least 1")
    args.chronicle = os.path.abspath(args.chronicle)
    args.workdir = os.path.abspath(args.workdir)
    return args


def main(argv=None):
    args = parse_args(argv)
    os.makedirs(args.workdir, exist_ok=True)
    w = args.workdir
    try:
        full, cached = corpus(w, "corpus", args.articles, CORPUS_SEED)
        print("corpus: %s, %d articles, %.1f MB%s"
              % (full, count_lines(full), os.path.getsize(full) / MB,
                 " (cached)" if cached else ""), flush=True)
        small = prefix(full, PREFIX_FRACTION)
        runs = [ingest(args.chronicle, os.path.join(w, db), path, jobs, label)
                for db, path, jobs, label in (("j1-10pct.db", small, 1, "-j 1 (first 10%)"),
                                              ("j1.db", full, 1, "-j 1"),
                                              ("j2.db", full, 2, "-j 2"))]
        memory = memory_check(runs[0], runs[1])
        query_db = fill_query_db(args.chronicle, w, args.query_events,
                                 runs[1]["events"] / runs[1]["articles"])
        queries = time_queries(args.chronicle, query_db["db"]) if query_db["events"] else []
    except Failure as error:
        print("ingest.py: %s" % error, file=sys.stderr)
        return 2

    print_ingest(runs, memory)
    same_events = runs[1]["events"] == runs[2]["events"]
    print("-j 1 and -j 2 stored %s" % (
        "the same number of events" if same_events else
        "%d and %d events" % (runs[1]["events"], runs[2]["events"])))
    print_queries(query_db, queries)
    report = {"chronicle": args.chronicle, "corpus": full,
              "ingest": runs, "memory": memory, "same_events_j1_j2": same_events,
              "query_db": query_db,
              "queries": queries,
              "query_overall": overall_queries(queries) if queries else None}
    report_path = os.path.join(w, "ingest-bench.json")
    with open(report_path, "w") as handle:
        json.dump(report, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    print("\nreport: %s" % report_path)

    if not args.keep:
        for run in runs:
            remove_db(run["db"])
        remove_db(query_db["db"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
