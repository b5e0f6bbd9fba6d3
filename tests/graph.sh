#!/usr/bin/env bash
# graph.sh - `chronicle graph` and `chronicle timeline`: the DOT of the sample
# articles' images and of
# the founding article's (against golden files; the latter skipped without
# ../shared), rendered SVG, PNG and PDF, bidi isolates around labels, escaped
# hostile names, and the errors: nothing to draw, unknown format, unwritable
# path.
#
#     tests/graph.sh CHRONICLE [--update]
set -u

chronicle=${1:?usage: graph.sh CHRONICLE [--update]}
update=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
seed=$here/../../shared/corpus/seed/sana-2024-10-25.txt
export LC_ALL=C.UTF-8
. "$here/checks.sh"

"$chronicle" ingest --quiet --db "$tmp/samples.db" "$here/ingest/samples" >/dev/null 2>&1

# golden DOT files: the graph before layout, in a stable order
golden() {   # golden NAME DB: compares (or with --update writes) tests/golden/NAME.dot
    run "$chronicle" graph --db "$2" -o "$tmp/$1.dot"
    if [ "$update" = --update ]; then cp "$tmp/$1.dot" "$here/golden/$1.dot"; fi
    status_is 0 && diff -u "$here/golden/$1.dot" "$tmp/$1.dot" >"$out"
}
golden samples-graph "$tmp/samples.db"
check "the DOT of the sample articles' graph is tests/golden/samples-graph.dot"

if [ -e "$seed" ]; then
    "$chronicle" ingest --quiet --db "$tmp/seed.db" "$seed" >/dev/null 2>&1
    golden seed-graph "$tmp/seed.db"
    check "the DOT of the founding article's graph is tests/golden/seed-graph.dot"
    run "$chronicle" graph --db "$tmp/seed.db" --locale ar -o "$tmp/seed-ar.svg"
    status_is 0 && grep -q $'\u2067فلاديمير بوتين\u2069' "$tmp/seed-ar.svg" && grep -q $'\u2067كوريا الشمالية\u2069' "$tmp/seed-ar.svg"
    check "--locale ar names the actors in Arabic inside right-to-left isolates"
else
    echo "skip the founding article's graph: $seed not found"
fi

# ---- timeline ----
golden_tl() {   # golden_tl NAME DB ARGS...: compares (or writes) tests/golden/NAME.dot
    local name=$1 db=$2
    shift 2
    run "$chronicle" timeline --db "$db" "$@" -o "$tmp/$name.dot"
    if [ "$update" = --update ]; then cp "$tmp/$name.dot" "$here/golden/$name.dot"; fi
    status_is 0 && diff -u "$here/golden/$name.dot" "$tmp/$name.dot" >"$out"
}
golden_tl samples-timeline "$tmp/samples.db"
check "the DOT of the sample articles' timeline is tests/golden/samples-timeline.dot"

# no two cards of a timeline overlap (rectangles from pos, width, height)
run python3 - "$tmp/samples-timeline.dot" <<'PY'
import re, sys
dot = open(sys.argv[1], encoding="utf-8").read()
cards = []
for m in re.finditer(r'\n\te\d+\s*\[(.*?)\];', dot, re.S):
    a = {k: q or b for k, q, b in re.findall(r'(\w+)=(?:"([^"]*)"|([^,\]\s]+))', m.group(1))}
    x, y = map(float, a["pos"].rstrip("!").split(","))
    w, h = float(a["width"]) * 72, float(a["height"]) * 72
    cards.append((x - w / 2, x + w / 2, y - h / 2, y + h / 2))
bad = [(i, j) for i in range(len(cards)) for j in range(i)
       if cards[i][0] < cards[j][1] and cards[j][0] < cards[i][1] and cards[i][2] < cards[j][3] and cards[j][2] < cards[i][3]]
print(len(cards), "cards,", len(bad), "overlapping pairs")
sys.exit(1 if bad or len(cards) < 10 else 0)
PY
status_is 0
check "no two cards of the sample articles' timeline overlap"

# x of an event's card in a timeline's DOT
card_x() { python3 - "$1" "$2" <<'PY'
import re, sys
dot = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'\be%s\s*\[[^\]]*?pos="([-0-9.]+),' % sys.argv[2], dot, re.S)
print(m.group(1) if m else "nan")
PY
}
if [ -e "$seed" ]; then
    golden_tl seed-timeline "$tmp/seed.db"
    check "the DOT of the founding article's timeline is tests/golden/seed-timeline.dot"
    visit=$("$chronicle" query --db "$tmp/seed.db" --type 042 --format tsv | sed -n 2p | cut -f 1)
    said=$("$chronicle" query --db "$tmp/seed.db" --actor Putin --type 010 --format tsv | sed -n 2p | cut -f 1)
    "$chronicle" timeline --db "$tmp/seed.db" -o "$tmp/en.dot" 2>/dev/null
    "$chronicle" timeline --db "$tmp/seed.db" --locale ar-SY -o "$tmp/ar.dot" 2>/dev/null
    python3 -c 'import sys; a,b,c,d = map(float, sys.argv[1:]); sys.exit(0 if a < b and c > d else 1)' \
        "$(card_x "$tmp/en.dot" "$visit")" "$(card_x "$tmp/en.dot" "$said")" \
        "$(card_x "$tmp/ar.dot" "$visit")" "$(card_x "$tmp/ar.dot" "$said")"
    check "the visit (June) stands left of Putin's statement (October) in English, right of it in Arabic"
    grep -q $'\u2067تموز ٢٠٢٤\u2069' "$tmp/ar.dot" && grep -q "١٨ حزيران ٢٠٢٤" "$tmp/ar.dot" &&
        grep -q "٣ حدثًا بلا تاريخ" "$tmp/ar.dot" &&
        grep -q "3 undated events not shown" "$tmp/en.dot" && grep -q "Jul 2024" "$tmp/en.dot"
    check "dates in the locale's words (ar-SY: حزيران، تموز), undated events counted in the caption"
fi

# a long empty stretch (2015 to 2024) is cut and marked; the ticks skip it
python3 - >"$tmp/gap.jsonl" <<'PY'
import json
for i, (d, t) in enumerate([("2015-03-02", "Putin visited Cairo on Monday."),
                            ("2015-05-20", "Putin visited Ankara on Wednesday."),
                            ("2024-06-18", "Putin visited Pyongyang on Tuesday."),
                            ("2024-09-02", "Putin visited Mongolia on Monday.")]):
    print(json.dumps({"id": str(i), "url": "gap/%d" % i, "published": d, "lang": "en", "text": t}))
PY
"$chronicle" ingest --quiet --db "$tmp/gap.db" "$tmp/gap.jsonl" >/dev/null 2>&1
run "$chronicle" timeline --db "$tmp/gap.db" -o "$tmp/gap.dot"
status_is 0 && grep -q 'label=≈' "$tmp/gap.dot" && grep -q 'Apr 2015' "$tmp/gap.dot" && grep -q 'Aug 2024' "$tmp/gap.dot" &&
    ! grep -q '20\(1[6-9]\|2[0-3]\)⁩' "$tmp/gap.dot"
check "a long empty stretch is cut and marked, and has no ticks"

run "$chronicle" timeline --db "$tmp/samples.db" --lanes types --max-cards 3 -o "$tmp/agg.dot"
status_is 0 && grep -q ' events' "$tmp/agg.dot"
check "above --max-cards, cards count the events of a lane and period"

run "$chronicle" timeline --db "$tmp/samples.db" -o "$tmp/tl.png"
status_is 0 && [ "$(head -c 8 "$tmp/tl.png" | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ]
check "a timeline renders to PNG"

run "$chronicle" timeline --db "$tmp/samples.db" --type 999 -o "$tmp/none.png"
status_is 1 && grep -q "no dated events match" "$err" && [ ! -e "$tmp/none.png" ]
check "a timeline of nothing is an error, and leaves no image"

run "$chronicle" timeline --db "$tmp/samples.db" --lanes colours -o "$tmp/x.png"
status_is 2 && grep -q "lanes is actors, types or none" "$err"
check "a bad --lanes is a usage error"

run "$chronicle" graph --db "$tmp/samples.db" -o "$tmp/g.svg"
status_is 0 && grep -q '<svg' "$tmp/g.svg" && grep -q $'\u2066Vladimir Putin\u2069' "$tmp/g.svg"
check "SVG: every label inside a left-to-right isolate"

run "$chronicle" graph --db "$tmp/samples.db" --actor Putin --center Putin -o "$tmp/g.png"
status_is 0 && [ "$(head -c 8 "$tmp/g.png" | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ]
check "PNG renders (cairo)"

run "$chronicle" graph --db "$tmp/samples.db" --top 5 -o "$tmp/g.pdf"
status_is 0 && [ "$(head -c 5 "$tmp/g.pdf")" = "%PDF-" ]
check "PDF renders (cairo)"

run "$chronicle" graph --db "$tmp/samples.db" --top 3 -o "$tmp/top.dot"
status_is 0 && [ "$(grep -c 'fillcolor=' "$tmp/top.dot")" = 3 ]
check "--top 3 keeps three actors"

run "$chronicle" graph --db "$tmp/samples.db" --type 999 -o "$tmp/none.svg"
status_is 1 && grep -q "no events match" "$err" && [ ! -e "$tmp/none.svg" ]
check "an empty selection is an error, and leaves no empty image"

run "$chronicle" graph --db "$tmp/samples.db" -o "$tmp/g.jpeg"
status_is 2 && grep -q "unknown output format 'jpeg' (formats: dot, svg, png, pdf)" "$err"
check "an unknown format lists the formats"

run "$chronicle" graph --db "$tmp/samples.db" -o "$tmp/no/such/dir/g.svg"
status_is 2 && grep -q "no/such/dir/g.svg: cannot write" "$err"
check "an unwritable path is named"

run "$chronicle" graph --db "$tmp/samples.db" --center Nobody -o "$tmp/c.svg"
status_is 1 && grep -q "'Nobody' is in none of the selected events" "$err"
check "an unknown --center is named"

# a hostile name: quotes, backslashes, Graphviz label syntax, bidi controls
python3 - "$tmp/samples.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE actor SET name = ? WHERE name = 'Vladimir Putin'",
          ('V"lad\\N <b>{x|y}</b> \u202eevil\u202c',))
c.commit()
PY
run "$chronicle" graph --db "$tmp/samples.db" -o "$tmp/h.dot"
status_is 0 && grep -qF 'V\"lad\\N <b>{x|y}</b> evil' "$tmp/h.dot" && ! grep -q $'\u202e' "$tmp/h.dot"
check "a hostile name is one escaped label, its bidi overrides removed"
run "$chronicle" graph --db "$tmp/samples.db" -o "$tmp/h.svg"
status_is 0 && grep -qF 'V&quot;lad\N &lt;b&gt;{x|y}&lt;/b&gt; evil' "$tmp/h.svg"
check "the hostile name renders as text in SVG"

run "$chronicle" graph --db "$tmp/samples.db" --title '<b>T&"itle</b>' -o "$tmp/t.svg"
status_is 0 && grep -qF '&lt;b&gt;T&amp;&quot;itle&lt;/b&gt;' "$tmp/t.svg"
check "a title with markup is text in the caption"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
