#!/usr/bin/env python3
"""Ingest at scale: a corpus of a million articles against its first tenth.

What it measures
    1. Corpus.  gen_corpus.py writes --articles articles (default 1000000,
       about 3 GB; the generator and its parameters as in ingest.py), kept in
       WORKDIR and reused while the generator stays the same.  Its first 10%
       (100,000 articles by default) is the reference run.

    2. Ingest.  Each of

           chronicle ingest --quiet -j J --db WORKDIR/first10pct.db FIRST_10%
           chronicle ingest --quiet -j J --db WORKDIR/full.db       CORPUS

       runs into a new database, timed by wall clock, with the child's peak
       resident memory (os.wait4): MB/s (1 MB = 10^6 bytes), articles/s,
       events/s and peak RSS.  Scale holds when the full run's MB/s is within
       20% of the first tenth's and its peak RSS is flat (at most 1.5 times
       and 16 MiB above the first tenth's, as in ingest.py).

    3. Queries on the full database: `chronicle query --actor NAME --format
       json --limit 100` for the 20 actors with the most events, 5 runs each
       (process start included), and the SQL behind it in this process, as in
       ingest.py.  The target is under 10 ms.

    The report is printed and written as JSON to WORKDIR/scale-bench.json.
    The databases are removed at the end unless --keep is given.

Usage
    scale.py --chronicle PATH [--articles N] [--jobs J] [--workdir DIR] [--keep]

    meson test -C build --benchmark scale       a million articles, -j 2
    scale.py --chronicle build/chronicle --articles 20000 --workdir /tmp/s
                                                a quick check

Exit status: 0 on success (whether or not the targets hold), 2 when
Chronicle or the corpus generator fails.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ingest as bench                          # noqa: E402  (beside this script)

SCALE_TOLERANCE = 0.20


def main(argv=None):
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("--chronicle", required=True)
    parser.add_argument("--articles", type=int, default=1000000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--workdir", default="bench-scale")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    chronicle = os.path.abspath(args.chronicle)
    w = os.path.abspath(args.workdir)
    os.makedirs(w, exist_ok=True)
    try:
        full, cached = bench.corpus(w, "corpus", args.articles, bench.CORPUS_SEED)
        print("corpus: %s, %d articles, %.1f MB%s"
              % (full, bench.count_lines(full), os.path.getsize(full) / bench.MB,
                 " (cached)" if cached else ""), flush=True)
        tenth = bench.prefix(full, 0.10)
        runs = [bench.ingest(chronicle, os.path.join(w, db), path, args.jobs, label)
                for db, path, label in (("first10pct.db", tenth, "-j %d, first 10%%" % args.jobs),
                                        ("full.db", full, "-j %d, all" % args.jobs))]
        memory = bench.memory_check(runs[0], runs[1])
        ratio = runs[1]["mb_per_s"] / runs[0]["mb_per_s"]
        queries = bench.time_queries(chronicle, runs[1]["db"])
        db_bytes = sum(os.path.getsize(runs[1]["db"] + s) for s in ("", "-wal")
                       if os.path.exists(runs[1]["db"] + s))
    except bench.Failure as error:
        print("scale.py: %s" % error, file=sys.stderr)
        return 2

    bench.print_ingest(runs, memory)
    print("\nthroughput, all / first 10%%: %.2f (%s: within %d%%)"
          % (ratio, "holds" if ratio >= 1 - SCALE_TOLERANCE else "DROPS",
             round(SCALE_TOLERANCE * 100)))
    print("database: %.2f GB for %d events" % (db_bytes / 1e9, runs[1]["events"]))
    bench.print_queries({"db": runs[1]["db"], "events": runs[1]["events"], "wanted": 0,
                         "articles": runs[1]["stored"], "reused": False, "fill_seconds": 0}, queries)
    report = {"runs": runs, "memory": memory, "throughput_ratio": ratio,
              "scale_holds": ratio >= 1 - SCALE_TOLERANCE, "db_bytes": db_bytes,
              "queries": queries,
              "queries_overall": bench.overall_queries(queries) if queries else None}
    with open(os.path.join(w, "scale-bench.json"), "w") as handle:
        json.dump(report, handle, indent=2)
    if not args.keep:
        for run in runs:
            bench.remove_db(run["db"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
