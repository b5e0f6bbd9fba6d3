#!/usr/bin/env python3
"""An article's identity is the SHA-256 of its URL, a NUL byte and its text,
as hex: what `chronicle ingest` stores in article.hash must equal Python's
hashlib for messages on every side of the 64-byte block and padding limits
(a digest that went wrong at one length would let re-ingesting duplicate an
article, or take two articles for one).

Usage: article_hash.py --chronicle PATH"""

import argparse
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

# Lengths of URL + NUL + text around 55/56 (the length field's fit) and 64.
TEXT_LENGTHS = (1, 2, 9, 10, 17, 30, 31, 38, 39, 40, 94, 95, 200, 4096, 70001)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--chronicle", required=True)
    args = ap.parse_args()
    rows = []
    for n in TEXT_LENGTHS:
        url = "https://example.org/a/%05d" % n            # 25 bytes, + NUL
        body = ("وقال الوزير " * (n // 10 + 1)).encode()[:n].decode("utf-8", "ignore") or "x"
        rows.append({"id": str(n), "url": url, "published": "2024-01-01", "lang": "ar",
                     "title": "t%d" % n, "text": body})
    with tempfile.TemporaryDirectory() as tmp:
        corpus, db = os.path.join(tmp, "a.jsonl"), os.path.join(tmp, "a.db")
        with open(corpus, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        subprocess.run([args.chronicle, "ingest", "--quiet", "--db", db, corpus], check=True)
        with sqlite3.connect(db) as conn:
            got = {url: h for url, h in conn.execute("SELECT url, hash FROM article")}
    failed = 0
    for r in rows:
        want = hashlib.sha256((r["url"] + "\0" + r["text"]).encode()).hexdigest()
        if got.get(r["url"]) != want:
            failed += 1
            print("FAIL %s (%d bytes of text): stored %s, SHA-256 %s"
                  % (r["url"], len(r["text"].encode()), got.get(r["url"]), want))
    print("%d/%d article hashes equal SHA-256" % (len(rows) - failed, len(rows)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
