#!/usr/bin/env bash
# report.sh - `chronicle report`: the founding article's HTML report holds the
# visit, the treaty with article 4, Putin's statement with its chain and the
# undated statements of Ryabkov and Kellogg in their own section (skipped
# without ../shared); the sample articles' report in HTML (one file, two
# inline SVGs, no script, everything escaped) and Markdown (images beside).
#
#     tests/report.sh CHRONICLE
set -u

chronicle=${1:?usage: report.sh CHRONICLE}
here=$(cd "$(dirname "$0")" && pwd)
seed=$here/../../shared/corpus/seed/sana-2024-10-25.txt
export LC_ALL=C.UTF-8
. "$here/checks.sh"

# section NAME FILE: the HTML between <h2>NAME</h2> and the next <h2>
section() {
    python3 -c 'import sys,re; t=open(sys.argv[2],encoding="utf-8").read(); m=re.search("<h2>"+sys.argv[1]+"</h2>(.*?)(<h2>|$)",t,re.S); open(sys.argv[3],"w",encoding="utf-8").write(m.group(1) if m else "")' "$1" "$2" "$tmp/section"
    cat "$tmp/section"
}

if [ -e "$seed" ]; then
    "$chronicle" ingest --quiet --db "$tmp/seed.db" "$seed" >/dev/null 2>&1
    run "$chronicle" report --db "$tmp/seed.db" --title "Seed" -o "$tmp/seed.html"
    status_is 0 && section Events "$tmp/seed.html" | grep -q "Make a visit" &&
        section Events "$tmp/seed.html" | grep -q "2024-06-18/2024-06-19"
    check "the report's events hold the visit of 2024-06-18/19"
    section Treaties "$tmp/seed.html" | grep -q "اتفاقية شراكة إستراتيجية شاملة</td><td dir=\"auto\">North Korea; Russia</td><td dir=\"auto\">2024-06-18/2024-06-19</td><td dir=\"auto\">4</td>"
    check "the treaty: parties, conclusion and article 4"
    section Statements "$tmp/seed.html" | grep -q "Vladimir Putin</td><td dir=\"auto\">interview</td><td dir=\"auto\">“إن المادة الرابعة" &&
        section Statements "$tmp/seed.html" | grep -q "Sputnik ← SANA"
    check "Putin's statement with its words and its chain Sputnik ← SANA"
    section "Undated events" "$tmp/seed.html" | grep -q "Sergei Ryabkov (speaker)" &&
        section "Undated events" "$tmp/seed.html" | grep -q "Keith Kellogg (speaker)" &&
        ! section Events "$tmp/seed.html" | grep -q "Sergei Ryabkov (speaker)"
    check "Ryabkov's and Kellogg's undated statements stand in their own section"

    # the report in a browser: it loads with no console error, the tables and
    # images are in the page; a screenshot is kept under output/test-artifacts/
    if command -v chromium >/dev/null; then
        browse() { timeout 120 chromium --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 "$@"; }
        run browse --dump-dom "file://$tmp/seed.html"
        python3 - "$out" "$err" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
log = open(sys.argv[2], encoding="utf-8", errors="replace").read()
errors = [l for l in log.splitlines() if "CONSOLE" in l]
assert not errors, errors
assert dom.count("<svg") == 2, dom.count("<svg")
events = re.search(r"<h2>Events</h2>(.*?)<h2>", dom, re.S).group(1)
assert events.count("<tr>") == 4, events.count("<tr>")          # a header and three dated events
assert "Make a visit" in events and "2024-06-18/2024-06-19" in events
PY
        check "Chromium loads the seed report: no console error, both images, the three dated events"
        mkdir -p "$here/../output/test-artifacts"
        browse --screenshot="$here/../output/test-artifacts/seed-report.png" --window-size=1280,2000 \
            "file://$tmp/seed.html" >/dev/null 2>&1
        [ -s "$here/../output/test-artifacts/seed-report.png" ]
        check "a screenshot of the seed report is kept in output/test-artifacts/seed-report.png"
    else
        echo "skip the browser checks: chromium is not installed"
    fi
fi

"$chronicle" ingest --quiet --db "$tmp/samples.db" "$here/ingest/samples" >/dev/null 2>&1
python3 - "$tmp/samples.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE sentence SET text = text || ' <script>alert(1)</script>' WHERE id = (SELECT min(id) FROM sentence)")
c.commit()
PY
run "$chronicle" report --db "$tmp/samples.db" -o "$tmp/r.html"
status_is 0 && [ "$(grep -o '<svg' "$tmp/r.html" | wc -l)" = 2 ] && ! grep -q '<script' "$tmp/r.html" &&
    grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$tmp/r.html" && ! grep -q '<link\|<img\| src=' "$tmp/r.html"
check "HTML: one file with both images inline, no script, article text escaped"

run python3 - "$tmp/r.html" <<'PY'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.stack = []; self.bad = []
    def handle_starttag(self, tag, a):
        if tag not in ("meta", "br", "img", "path", "polygon", "ellipse", "polyline", "text", "title", "g"):
            self.stack.append(tag)
    def handle_endtag(self, tag):
        if tag in ("meta", "br", "img", "path", "polygon", "ellipse", "polyline", "text", "title", "g"):
            return
        if not self.stack or self.stack[-1] != tag:
            self.bad.append(tag)
        else:
            self.stack.pop()
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
sys.exit(1 if p.bad or p.stack else 0)
PY
status_is 0
check "the HTML's elements are balanced"

run "$chronicle" report --db "$tmp/samples.db" -o "$tmp/r.md"
status_is 0 && [ -s "$tmp/r-timeline.svg" ] && [ -s "$tmp/r-graph.svg" ] && grep -q '^| id | date | type' "$tmp/r.md"
check "Markdown: the same tables, the images written beside it"

run "$chronicle" report --db "$tmp/samples.db" --type 999 -o "$tmp/none.html"
status_is 1 && grep -q "no events match" "$err" && [ ! -e "$tmp/none.html" ]
check "nothing to report is an error, and writes no file"

run "$chronicle" report --db "$tmp/samples.db" -o "$tmp/r.pdf"
status_is 2 && grep -q "FILE.html or FILE.md" "$err"
check "an unknown report format is a usage error"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
