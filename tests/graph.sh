#!/usr/bin/env bash
# graph.sh - `chronicle graph`: the DOT of the sample articles' graph and of
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

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
