#!/usr/bin/env python3
"""Throughput and memory of `chronicle dates` on a large mixed news corpus.

What it measures
    A corpus of at least --size-mb megabytes (default 200) is built once from the
    bundled sample articles (tests/samples/*.txt, front matter removed) and, when
    given, the sentences of the shared development file, grouped ten to an
    article.  Every copy of an article gets its own numbers: years, day numbers
    and other figures are redrawn (keeping Arabic-Indic digits Arabic-Indic) and
    its paragraphs are sometimes reordered, so the tool sees many different
    dates rather than one string over and over.  Articles are separated by a
    blank line.  The corpus is cached in --cache (normally the build directory)
    and rebuilt only when its inputs or the requested size change.

    Chronicle is then run as

        chronicle dates --dct 2024-10-25 FILE > /dev/null

    pinned to one CPU (taskset -c 0, when available), on the first --prefix-mb
    megabytes (default 20) and on the whole file.  For each run the wall time
    and the peak resident memory (from /usr/bin/time -v, else from the
    resource usage of the finished child) are reported as MB/s, articles/s and
    MiB.  `wc -m FILE` (which decodes the same UTF-8) is timed the same way as
    a floor: no tool that reads every character can be much faster.

    Chronicle reads its input in fixed-size chunks, so the peak memory of the
    full run should be that of the prefix run.  The benchmark fails when it
    grows by more than --max-rss-growth (default 1.5 times) and 16 MiB.

Usage
    throughput.py --chronicle PATH --samples DIR --cache DIR [--dev FILE]
                  [--size-mb N] [--prefix-mb N] [--max-rss-growth X]

Exit status: 0 on success, 1 when memory grows with the input, 2 when
Chronicle fails.
"""

import argparse
import glob
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import time

MB = 1000 * 1000
MIB = 1024 * 1024
DCT = "2024-10-25"
CORPUS_FORMAT = 1       # bump when the way the corpus is built changes
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
NUMBER = re.compile(r"\d+")      # any script's decimal digits


def body_of(text):
    """An article without its front-matter block."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5:]
    return text


def load_articles(samples_dir, dev_file):
    """The source articles: sample bodies, then dev sentences ten at a time."""
    articles = []
    for path in sorted(glob.glob(os.path.join(samples_dir, "*.txt"))):
        with open(path, encoding="utf-8") as handle:
            articles.append(body_of(handle.read()).strip("\n"))
    if dev_file and os.path.exists(dev_file):
        with open(dev_file, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
        column = lines[0].split("\t").index("sentence")
        sentences = [line.split("\t")[column] for line in lines[1:] if line.strip()]
        for start in range(0, len(sentences), 10):
            articles.append("\n".join(sentences[start:start + 10]))
    return articles


def redraw(match, rng):
    """A new number in the role the old one seems to play."""
    digits = match.group(0)
    arabic = not digits.isascii()
    value = int(digits)
    if len(digits) == 4 and 1900 <= value <= 2099:
        new = str(rng.randint(1990, 2030))                  # a year
    elif len(digits) <= 2 and 1 <= value <= 31:
        new = str(rng.randint(1, 28))                       # a day or a month
    else:
        new = str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))
    return new.translate(ARABIC_INDIC) if arabic else new


def vary(article, rng):
    """A copy of article with redrawn numbers and, at times, paragraphs reordered."""
    text = NUMBER.sub(lambda m: redraw(m, rng), article)
    text = re.sub(r"\n{2,}", "\n", text)     # blank lines only between articles
    if rng.random() < 0.3:
        paragraphs = text.split("\n")
        head, rest = paragraphs[:1], paragraphs[1:]
        rng.shuffle(rest)
        text = "\n".join(head + rest)
    return text


def build_corpus(articles, path, size_mb):
    """Writes the corpus to path; returns the number of articles in it."""
    rng = random.Random(20241025)
    written = count = 0
    partial = path + ".partial"
    with open(partial, "w", encoding="utf-8") as out:
        while written < size_mb * MB:
            for article in articles:
                chunk = vary(article, rng) + "\n\n"
                out.write(chunk)
                written += len(chunk.encode("utf-8"))
                count += 1
    os.replace(partial, path)
    return count


def corpus(args):
    """(path, articles, offsets of article starts in bytes) of the cached corpus."""
    articles = load_articles(args.samples, args.dev)
    if not articles:
        sys.exit("throughput: no articles in %s" % args.samples)
    digest = hashlib.sha256()
    digest.update(("%d %d\n" % (CORPUS_FORMAT, args.size_mb)).encode())
    for article in articles:
        digest.update(article.encode("utf-8") + b"\0")
    stamp = digest.hexdigest()[:16]
    path = os.path.join(args.cache, "throughput-corpus-%dMB.txt" % args.size_mb)
    stamp_path = path + ".stamp"
    if os.path.exists(path) and os.path.exists(stamp_path):
        with open(stamp_path) as handle:
            if handle.read().strip() == stamp:
                print("corpus: %s (cached)" % path)
                return path
    print("corpus: building %s from %d source articles ..." % (path, len(articles)))
    sys.stdout.flush()
    started = time.perf_counter()
    count = build_corpus(articles, path, args.size_mb)
    with open(stamp_path, "w") as handle:
        handle.write(stamp + "\n")
    print("corpus: %d articles, %.1f MB in %.1f s"
          % (count, os.path.getsize(path) / MB, time.perf_counter() - started))
    return path


def prefix(path, size_mb):
    """The first size_mb megabytes of path, cut after a blank line, cached beside it."""
    out_path = "%s.prefix-%dMB.txt" % (path[:-len(".txt")], size_mb)
    if os.path.exists(out_path) and os.path.getmtime(out_path) >= os.path.getmtime(path):
        return out_path
    with open(path, "rb") as handle:
        data = handle.read(size_mb * MB)
    cut = data.rfind(b"\n\n")
    with open(out_path, "wb") as handle:
        handle.write(data[:cut + 2] if cut >= 0 else data)
    return out_path


def count_articles(path):
    """Articles in a corpus file: they are separated by blank lines."""
    count = 0
    with open(path, "rb") as handle:
        while True:
            block = handle.read(16 * MIB)
            if not block:
                break
            count += block.count(b"\n\n")
    return count


def measure(command):
    """Runs command with stdout to /dev/null; returns (seconds, peak RSS in KiB,
    exit status, stderr).  The command is pinned to CPU 0 when taskset exists."""
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0"] + command
    use_time = os.access("/usr/bin/time", os.X_OK)
    if use_time:
        command = ["/usr/bin/time", "-v"] + command
    env = dict(os.environ, LC_ALL="C.UTF-8")
    started = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        proc = subprocess.Popen(command, stdout=devnull, stderr=subprocess.PIPE, env=env)
        errors = proc.stderr.read().decode("utf-8", "replace")
        # wait4 gives the resource usage of this one child (getrusage of
        # RUSAGE_CHILDREN would mix in the earlier runs).
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    rss_kib = usage.ru_maxrss
    if use_time:
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", errors)
        if found:
            rss_kib = int(found.group(1))
        # Keep only the measured program's own messages.
        errors = errors.split("\tCommand being timed:")[0]
    return seconds, rss_kib, proc.returncode, errors.strip()


def report(label, path, seconds, rss_kib, articles):
    size = os.path.getsize(path)
    line = "%-22s %8.1f MB %8.2f s %9.1f MB/s" % (label, size / MB, seconds, size / MB / seconds)
    if articles is not None:
        line += " %10.0f articles/s" % (articles / seconds)
    line += " %8.1f MiB peak" % (rss_kib / 1024.0)
    print(line)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chronicle", required=True, help="the chronicle binary")
    parser.add_argument("--samples", required=True, help="directory of sample articles")
    parser.add_argument("--cache", required=True, help="where the corpus is kept")
    parser.add_argument("--dev", help="the shared dev dates.tsv (used when it exists)")
    parser.add_argument("--size-mb", type=int, default=200, help="corpus size (MB)")
    parser.add_argument("--prefix-mb", type=int, default=20, help="size of the small run (MB)")
    parser.add_argument("--max-rss-growth", type=float, default=1.5,
                        help="fail when the full run's peak memory exceeds the"
                             " prefix run's by this factor (and 16 MiB)")
    args = parser.parse_args(argv)

    os.makedirs(args.cache, exist_ok=True)
    full = corpus(args)
    small = prefix(full, args.prefix_mb)
    print("pinned to CPU 0: %s; peak memory from: %s\n"
          % ("yes" if shutil.which("taskset") else "no (taskset missing)",
             "/usr/bin/time -v" if os.access("/usr/bin/time", os.X_OK) else "wait4 rusage"))

    results = {}
    for label, path in (("chronicle (prefix)", small), ("chronicle (full)", full)):
        seconds, rss, status, errors = measure(
            [args.chronicle, "dates", "--dct", DCT, path])
        if status != 0:
            print("chronicle exited with %d on %s: %s" % (status, path, errors), file=sys.stderr)
            return 2
        results[label] = rss
        report(label, path, seconds, rss, count_articles(path))
    seconds, rss, status, errors = measure(["wc", "-m", full])
    if status != 0:
        print("wc -m failed: %s" % errors, file=sys.stderr)
    else:
        report("floor: wc -m (full)", full, seconds, rss, None)

    small_rss, full_rss = results["chronicle (prefix)"], results["chronicle (full)"]
    growth = full_rss / float(small_rss)
    print("\npeak memory, full / prefix: %.2f" % growth)
    if growth > args.max_rss_growth and full_rss - small_rss > 16 * 1024:
        print("FAIL memory grows with the input (%.1f MiB -> %.1f MiB)"
              % (small_rss / 1024.0, full_rss / 1024.0))
        return 1
    print("memory stays flat")
    return 0


if __name__ == "__main__":
    sys.exit(main())
