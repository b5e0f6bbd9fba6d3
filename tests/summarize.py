#!/usr/bin/env python3
"""A reviewable summary of `chronicle extract` records, one fact per line.

Golden files of events, statements and treaties compare this summary rather
than the raw JSON, so that they say what was extracted (who, what, when,
where, according to whom) and do not change when an actor gains an alias in
the gazetteer.  An event line carries `at=STATE` when the event has a
location.

    summarize.py < records.jsonl
"""

import json
import sys


def actors_of(event):
    return ", ".join("%s:%s" % (a["name"], a["role"]) for a in event["actors"])


def date_of(d):
    basis = d["basis"]
    if basis == "stated":
        return "%s (stated: %s)" % (d["value"], d["timex"]["text"])
    if basis == "reported":
        return "%s (reported)" % d["value"]
    return "undated" + (" (not before %s)" % d["start"] if d.get("start") else "")


def summarize(rec):
    out = []
    art = rec["article"]
    out.append("article %s published=%s (%s) source=%s lang=%s" % (
        art.get("id") or art.get("path"), art["published"], art["dct_basis"],
        art["source_actor"], art["lang"]))
    for it in rec["items"]:
        out.append("item %d [%d,%d) dct=%s" % (it["index"], it["start"], it["end"], it["dct"]))
    for a in rec["actors"]:
        if a["origin"] == "text":
            out.append("person (introduced) %s title=%s affiliation=%s" % (
                a["name"], a.get("title"), a.get("affiliation")))
    mentioned = sorted({m["actor"] for m in rec["mentions"]})
    out.append("actors mentioned: " + "; ".join(mentioned))
    treaties = rec["treaties"]
    for i, t in enumerate(treaties):
        out.append("treaty %d %s (%s) parties=[%s] articles=[%s] mentions=[%s]" % (
            i, t["name"], t["kind"], ", ".join(t["parties"]),
            ", ".join(str(a["number"]) for a in t["articles"]),
            " | ".join(m["text"] for m in t["mentions"])))
    for i, s in enumerate(rec["statements"]):
        out.append("statement %d item=%d %s %s%s%s medium=%s%s chain=%s: %s" % (
            i, s["item"], s["speaker"], s["verb"], " quoted" if s["quoted"] else "",
            " NEGATED" if s["negated"] else "", s["medium"],
            "(%s)" % s["medium_actor"] if s["medium_actor"] else "",
            " < ".join(s["reported_by"]) or "-", s["words"]["text"]))
    for e in rec["events"]:
        treaty = e["treaty"]
        out.append("event item=%d %s %s [%s] date=%s%s%s%s trigger=%s" % (
            e["item"], e["cameo"], e["plover"] or "-", actors_of(e), date_of(e["date"]),
            " at=%s" % e["location"] if e.get("location") else "",
            " treaty=%s" % treaties[treaty]["name"] if treaty is not None else "",
            " statements=%s" % e["statements"] if e["statements"] else "",
            e["trigger"]["text"]))
    return out


def main():
    for line in sys.stdin:
        if line.strip():
            print("\n".join(summarize(json.loads(line))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
