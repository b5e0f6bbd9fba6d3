#!/usr/bin/env bash
# hostile.sh - hostile strings through the whole pipeline: SQL, HTML and
# <script>, Graphviz label syntax, bidi controls in article text, titles,
# sources, urls and actor names; NUL bytes; a 1 MB "word".  Each is stored
# as data (read back byte for byte), written escaped in every output
# (report HTML and Markdown, SVG of graph and timeline, CSV, TimelineJS) and
# never executed; NUL bytes are refused with the file and line or offset.
#
#     tests/hostile.sh CHRONICLE
set -u

chronicle=${1:?usage: hostile.sh CHRONICLE}
here=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C.UTF-8
. "$here/checks.sh"

sql() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$1" "$2"; }

# The strings, and two articles that carry them in every field an article
# has: the quote of a statement, the sentence of an event, the title, the
# source and the url.
quote='<script>alert(1)</script> {a|b} <c> '"'"'OR 1=1; DROP TABLE event; --'
title='<script>alert("t")</script> & "Q" | {x} <b>bold</b>'
source="'; DROP TABLE article; --"
url='https://h.example/a?x="1"&y=<2>'
bidi=$'\u202e<img src=x onerror=alert(2)>\u202c \u2066{l|r}\u2069'
cat >"$tmp/en.txt" <<TXT
---
published: 2024-10-25
lang: en
title: $title
source: $source
url: $url
---
MOSCOW (Hostile Wire) - Deputy Foreign Minister Sergei Ryabkov said on Tuesday: "$quote".
Russian President Vladimir Putin visited North Korea on June 18, 2024, where he met Kim Jong Un.
TXT
cat >"$tmp/ar.txt" <<TXT
---
published: 2024-10-25
lang: ar
title: $bidi
source: $bidi
url: https://h.example/ar
---
موسكو - قال وزير الخارجية الروسي سيرغي لافروف يوم الثلاثاء: "$bidi".
وزار الرئيس الروسي فلاديمير بوتين كوريا الديمقراطية يوم 18 حزيران 2024.
TXT

cat >"$tmp/js.txt" <<'TXT'
---
published: 2024-10-25
lang: en
title: Scheme
url: javascript:alert(4)
---
Turkish Foreign Minister Hakan Fidan visited Iran on 3 March 2024.
TXT

run "$chronicle" ingest --db "$tmp/h.db" "$tmp/en.txt" "$tmp/ar.txt" "$tmp/js.txt"
status_is 0 && [ "$(sql "$tmp/h.db" 'PRAGMA integrity_check')" = ok ] &&
    [ "$(sql "$tmp/h.db" "SELECT count(*) FROM sqlite_schema WHERE name IN ('article','event','actor')")" = 3 ] &&
    [ "$(sql "$tmp/h.db" 'SELECT count(*) FROM article')" = 3 ]
check "articles full of SQL and markup are stored, and every table is still there"

# a name with every kind of syntax, as a name may reach the database
python3 - "$tmp/h.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE actor SET name = ? WHERE name = 'Kim Jong Un'",
          ('K"im\\N <script>alert(3)</script> {x|y} \u202eevil\u202c',))
c.commit()
PY

run "$chronicle" query --db "$tmp/h.db" --format json
python3 - "$out" "$quote" "$title" "$source" "$url" "$bidi" >"$tmp/why" <<'PY' 2>&1
import json, sys
path, quote, title, source, url, bidi = sys.argv[1:]
events = [json.loads(l) for l in open(path, encoding="utf-8")]
quotes = {(e.get("statement") or {}).get("quote") for e in events}
srcs = [s for e in events for s in e["sources"]]
# a quote is the words between the quotation marks, trimmed of the invisible
# controls at its edges; the sentence keeps every byte
edges = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069 "
need = {"quote": quote in quotes, "quote with bidi controls": bidi.strip(edges) in {(q or "").strip(edges) for q in quotes},
        "sentence with bidi controls": any(bidi in e["evidence"] for e in events),
        "title": any(s["title"] == title for s in srcs), "source": any(s["source"] == source for s in srcs),
        "url": any(s["url"] == url for s in srcs), "bidi title": any(s["title"] == bidi for s in srcs),
        "evidence": any(quote in e["evidence"] for e in events)}
missing = [k for k, v in need.items() if not v]
print("missing:", missing)
sys.exit(1 if missing else 0)
PY
why=$?
status_is 0 && [ "$why" -eq 0 ] || { cat "$tmp/why" >>"$err"; false; }
check "query gives back the quote, evidence, title, source and url byte for byte"

# Markup and Graphviz syntax must come out as text: a document whose
# elements are only the program's own, with the strings in its text.
markup_check() {   # markup_check FILE html|svg: prints what is wrong, if anything
    python3 - "$1" "$2" "$quote" <<'PY'
import sys, xml.etree.ElementTree as ET
from html.parser import HTMLParser
path, kind, quote = sys.argv[1:]
text = open(path, encoding="utf-8").read()
bad, texts = [], []
if kind == "svg":
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as e:
        print("not well-formed XML:", e); sys.exit(1)
    for el in root.iter():
        tag = el.tag.split("}")[-1]
        if tag in ("script", "foreignObject", "iframe", "img"):
            bad.append(tag)
        bad += [a for a in el.attrib if a.split("}")[-1].lower().startswith("on")]
        texts.append(el.text or "")
else:
    class P(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in ("script", "iframe", "img", "object", "embed", "b", "c"):
                bad.append(tag)
            bad.extend(a for a, _ in attrs if a.lower().startswith("on"))
        def handle_data(self, d):
            texts.append(d)
    P(convert_charrefs=True).feed(text)
if bad:
    print("elements or handlers from the input:", bad); sys.exit(1)
if kind == "html" and quote not in "".join(texts):
    print("the quote is not in the text of the page"); sys.exit(1)
if "alert(" not in "".join(texts):
    print("the hostile strings are not in the text at all"); sys.exit(1)
PY
}

run "$chronicle" report --db "$tmp/h.db" --title "$title" -o "$tmp/r.html"
status_is 0 && markup_check "$tmp/r.html" html >"$out"
check "report HTML: the strings are text, no element or handler of theirs"
! grep -qi 'href="javascript' "$tmp/r.html" && grep -qF 'javascript:alert(4)' "$tmp/r.html"
check "report HTML: a javascript: url is shown as text, never a link"

run "$chronicle" report --db "$tmp/h.db" -o "$tmp/r.md"
status_is 0 && ! grep -q '<script\|<img\|<b>' "$tmp/r.md" && grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$tmp/r.md"
check "report Markdown: markup in the strings is escaped (Markdown passes HTML through)"
! grep -qi '<javascript' "$tmp/r.md"
check "report Markdown: a javascript: url is not an autolink"

run "$chronicle" graph --db "$tmp/h.db" --title "$title" -o "$tmp/g.svg"
status_is 0 && markup_check "$tmp/g.svg" svg >"$out" && grep -qF 'alert(3)' "$tmp/g.svg" && ! grep -q $'\u202e' "$tmp/g.svg"
check "graph SVG: the hostile name is escaped text, its bidi override removed"

run "$chronicle" timeline --db "$tmp/h.db" --title "$title" -o "$tmp/t.svg"
status_is 0 && markup_check "$tmp/t.svg" svg >"$out"
check "timeline SVG: quotes and names with markup are escaped text"

run "$chronicle" export --db "$tmp/h.db" --format csv -o "$tmp/e.csv"
status_is 0 && python3 - "$tmp/e.csv" "$quote" "$title" >"$out" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
cells = {v for r in rows for v in r.values()}
ok = any(sys.argv[2] in v for v in cells) and any(sys.argv[3] in v for v in cells)
print("rows:", len(rows)); sys.exit(0 if ok else 1)
PY
check "CSV export: the strings read back intact"

run "$chronicle" export --db "$tmp/h.db" --format timelinejs -o "$tmp/e.json"
status_is 0 && python3 - "$tmp/e.json" >"$out" <<'PY'
import json, re, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
html = [v for e in doc["events"] for v in (e["text"].get("headline", ""), e["text"].get("text", ""), e.get("group", ""))]
raw = [h for h in html if re.search(r"<(script|img|b|c)\b|href=.javascript", h, re.I)]
print("\n".join(raw))
sys.exit(1 if raw or not any("&lt;script&gt;" in h for h in html) else 0)
PY
check "TimelineJS export (shown as HTML): markup escaped, in the group names too; no javascript: link"

# NUL bytes: refused, named by file and line (JSON Lines) or byte offset
printf '{"id":"n","url":"https://n.example","published":"2024-10-25","text":"Putin visited\\u0000 Pyongyang."}\n' >"$tmp/nul.jsonl"
run "$chronicle" ingest --db "$tmp/nul.db" "$tmp/nul.jsonl"
status_is 1 && stderr_has "nul.jsonl:1"
check "a NUL byte in a JSON Lines article: refused, file and line named"
printf 'Putin visited Pyongyang on June 18, 2024.\n\0\0 binary' >"$tmp/nul.txt"
run "$chronicle" ingest --db "$tmp/nul.db" "$tmp/nul.txt"
status_is 1 && stderr_has "nul.txt" && stderr_has "byte"
check "a NUL byte in a text file: refused, file and byte offset named"

# a 1 MB "word" in the text, and as a title
python3 - "$tmp/big.jsonl" <<'PY'
import json, sys
word = "ب" * 300000 + "x" * 400000
text = word + " . Russian President Vladimir Putin visited North Korea on June 18, 2024. " + word
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "big", "url": "https://b.example", "published": "2024-10-25",
                        "title": word, "text": text}, ensure_ascii=False) + "\n")
PY
run "$chronicle" ingest --db "$tmp/big.db" "$tmp/big.jsonl"
status_is 0 && [ "$(sql "$tmp/big.db" "SELECT count(*) FROM event WHERE cameo LIKE '04%'")" -ge 1 ] &&
    [ "$(sql "$tmp/big.db" 'SELECT length(title) FROM article')" = 700000 ]
check "a 1 MB word in the text and the title: stored, and the visit beside it still found"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
