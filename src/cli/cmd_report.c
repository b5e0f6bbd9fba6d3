/* cmd_report.c - `chronicle report`: one self-contained HTML file (styles
 * and images inline, no network) or Markdown with the images beside it,
 * answering "what did these actors do and say, and when?" with everything a
 * reader needs to check it: the scope, the timeline and the actor graph, the
 * events in date order with their evidence, the statements with their words
 * and reporting chain, the treaties, the undated events apart, a methods
 * note, and numbered references to every source. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chronicle/chronicle.h"
#include "cli.h"

const char report_usage[] =
    "usage: chronicle report [--db PATH] [filters as in query] [--title TEXT] [--locale ar|en]\n"
    "                        -o FILE.html|FILE.md\n\n"
    "Writes a report of the events the filters select: HTML in one file (the timeline\n"
    "and actor graph inline as SVG, print styles for Save as PDF), or Markdown with the\n"
    "images written beside it (FILE-timeline.svg, FILE-graph.svg).  Every text from\n"
    "the articles is escaped.\n\n"
    "Exit status: 0 success, 1 nothing matches or an unknown actor, 2 usage, file or\n"
    "database error.\n";

typedef struct rep {
    FILE *f;
    int md, ar;
    json_t *events;            /* every event, in date order */
    json_t *refs;              /* sources: "url|title|published" -> number */
    size_t nrefs;
} rep;

static const char *js(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : "";
}

/* Writes text escaped for HTML, or for a Markdown table cell. */
static void put(rep *r, const char *s)
{
    for (; *s; s++) {
        if (r->md) {
            if (*s == '|') fputs("\\|", r->f);
            else if (*s == '\n') fputc(' ', r->f);
            else if (*s == '<') fputs("&lt;", r->f);
            else if (*s == '>') fputs("&gt;", r->f);
            else fputc(*s, r->f);
        } else {
            if (*s == '&') fputs("&amp;", r->f);
            else if (*s == '<') fputs("&lt;", r->f);
            else if (*s == '>') fputs("&gt;", r->f);
            else if (*s == '"') fputs("&quot;", r->f);
            else fputc(*s, r->f);
        }
    }
}

static int collect(json_t *ev, void *ctx)
{
    rep *r = ctx;
    json_array_append(r->events, ev);
    return 0;
}

/* The reference number of a source, numbering new ones in order of use. */
static size_t ref_of(rep *r, json_t *src)
{
    char key[4096];
    snprintf(key, sizeof key, "%s|%s|%s|%s", js(src, "url"), js(src, "title"), js(src, "source"), js(src, "published"));
    json_t *n = json_object_get(r->refs, key);
    if (n) return (size_t)json_integer_value(json_object_get(n, "n"));
    json_t *o = json_pack("{s:I,s:O}", "n", (json_int_t)++r->nrefs, "src", src);
    json_object_set_new(r->refs, key, o);
    return r->nrefs;
}

/* Adds one to the count of key in counts, an object of integers. */
static void count_one(json_t *counts, const char *key)
{
    json_t *c = json_object_get(counts, key);
    json_object_set_new(counts, key, json_integer(c ? json_integer_value(c) + 1 : 1));
}

static const char *report_locale = "en";
static chr_date_words *report_words;        /* the locale's date formatters, for the run */

/* The date of an event: its ISO value, then the same in the locale's words
 * (a range as start – end), and how it was obtained. */
static const char *date_text(json_t *ev, char *buf, size_t cap)
{
    json_t *d = json_object_get(ev, "date");
    const char *basis = js(d, "basis");
    if (!strcmp(basis, "unknown")) {
        snprintf(buf, cap, "%s%s", *js(d, "not_before") ? "not before " : "undated",
                 *js(d, "not_before") ? js(d, "not_before") : "");
        return buf;
    }
    char w0[128], w1[128];
    const char *start = cli_date_start(d);
    const char *end = *js(d, "end") ? js(d, "end") : start;
    if (report_words) {
        chr_date_words_format(report_words, start, w0, sizeof w0);
        chr_date_words_format(report_words, end, w1, sizeof w1);
    } else {                                    /* out of memory: one formatter per date */
        chr_render_date_words(report_locale, start, w0, sizeof w0);
        chr_render_date_words(report_locale, end, w1, sizeof w1);
    }
    size_t o = (size_t)snprintf(buf, cap, "%s", js(d, "value"));
    if (*w0 && o < cap) o += (size_t)snprintf(buf + o, cap - o, strcmp(start, end) && *w1 ? " (%s – %s)" : " (%s)", w0, w1);
    if (!strcmp(basis, "reported") && o < cap) snprintf(buf + o, cap - o, " (report date)");
    return buf;
}

static void actors_text(json_t *ev, char *buf, size_t cap)
{
    size_t o = 0, i;
    json_t *a;
    buf[0] = 0;
    json_array_foreach(json_object_get(ev, "actors"), i, a)
        if (o + 8 < cap) o += (size_t)snprintf(buf + o, cap - o, "%s%s (%s)", i ? "; " : "", js(a, "name"), js(a, "role"));
}

/* One row: cells in order; the HTML cells take their direction from their text. */
static void row(rep *r, const char *const *cells, int n, int header)
{
    if (r->md) {
        fputs("|", r->f);
        for (int i = 0; i < n; i++) {
            fputc(' ', r->f);
            put(r, cells[i]);
            fputs(" |", r->f);
        }
        fputc('\n', r->f);
        if (header) {
            fputs("|", r->f);
            for (int i = 0; i < n; i++) fputs("---|", r->f);
            fputc('\n', r->f);
        }
        return;
    }
    fputs("<tr>", r->f);
    for (int i = 0; i < n; i++) {
        fputs(header ? "<th>" : "<td dir=\"auto\">", r->f);
        put(r, cells[i]);
        fputs(header ? "</th>" : "</td>", r->f);
    }
    fputs("</tr>\n", r->f);
}

/* The row of an event in the Events and Undated events tables: id, date,
 * type, actors, evidence, and the numbers of its sources' references
 * (numbered here on first use, so the order of calls is the order of the
 * references). */
static void event_row(rep *r, json_t *ev)
{
    char id[32], dt[128], actors[2048], refs[256];
    snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(ev, "id")));
    actors_text(ev, actors, sizeof actors);
    size_t ro = 0, k;
    json_t *src;
    refs[0] = 0;
    json_array_foreach(json_object_get(ev, "sources"), k, src)
        if (ro + 12 < sizeof refs) ro += (size_t)snprintf(refs + ro, sizeof refs - ro, "%s[%zu]", k ? " " : "", ref_of(r, src));
    const char *cells[] = {id, date_text(ev, dt, sizeof dt), js(ev, "type"), actors, js(ev, "evidence"), refs};
    row(r, cells, 6, 0);
}

static void heading(rep *r, const char *text)
{
    if (r->md) fprintf(r->f, "\n## %s\n\n", text);
    else fprintf(r->f, "<h2>%s</h2>\n", text);
}

/* A note under a heading.  The text is the report's own, written as is:
 * it has no characters HTML or a Markdown table would take as markup. */
static void note(rep *r, const char *text)
{
    if (!r->md) fputs("<p class=\"note\">", r->f);
    fputs(text, r->f);
    fputs(r->md ? "\n\n" : "</p>\n", r->f);
}

static void table_open(rep *r) { if (!r->md) fputs("<table>\n", r->f); }
static void table_close(rep *r) { if (!r->md) fputs("</table>\n", r->f); }

/* An image of the selection: embedded inline in HTML, beside the file in
 * Markdown.  Returns 0, or -1 after a message. */
static int image(rep *r, chr_store *s, qopts *q, const char *out, const char *kind, const char *locale)
{
    char path[4096];
    snprintf(path, sizeof path, "%.*s-%s.svg", (int)(strlen(out) - (r->md ? 3 : 5)), out, kind);
    char err[1200];
    chr_status st;
    if (!strcmp(kind, "graph")) {
        chr_graph_opts g = {0};
        g.filter = &q->q;
        g.locale = locale;
        g.top = 40;
        st = chr_render_graph(s, &g, "svg", path, err, sizeof err);
    } else {
        chr_timeline_opts t = {0};
        t.filter = &q->q;
        t.locale = locale;
        st = chr_render_timeline(s, &t, "svg", path, err, sizeof err);
    }
    if (st != CHR_OK) {
        fprintf(stderr, "chronicle: %s\n", err);
        return -1;
    }
    if (r->md) {
        const char *base = strrchr(path, '/');
        fprintf(r->f, "![%s](%s)\n\n", kind, base ? base + 1 : path);
        return 0;
    }
    FILE *in = fopen(path, "rb");
    if (!in) return -1;
    char buf[65536];
    size_t n;
    int skipping = 1;                          /* the XML prolog and doctype stay out */
    fputs("<figure>", r->f);
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        char *p = buf;
        if (skipping) {
            char *svg = strstr(buf, "<svg");
            if (!svg) continue;
            n -= (size_t)(svg - buf);
            p = svg;
            skipping = 0;
        }
        fwrite(p, 1, n, r->f);
    }
    fclose(in);
    fputs("</figure>\n", r->f);
    unlink(path);
    return 0;
}

static int alias_of(json_t *a, void *ctx)
{
    json_t *want = ctx;
    if (!strcmp(js(a, "name"), js(want, "name"))) {
        json_object_set_new(want, "aliases", json_string(js(a, "aliases")));
        json_object_set_new(want, "roles", json_string(js(a, "roles")));
        json_object_set_new(want, "kind", json_string(js(a, "kind")));
    }
    return 0;
}

/* Main actors: the eight most frequent in the selection, with their names,
 * roles, first and last appearance, counts by type and main counterparts. */
static void main_actors(rep *r, chr_store *s)
{
    json_t *by = json_object();              /* name -> {n, first, last, types{}, with{}} */
    size_t i, k, j;
    json_t *ev, *a, *b;
    json_array_foreach(r->events, i, ev) {
        json_t *d = json_object_get(ev, "date");
        const char *when = strcmp(js(d, "basis"), "unknown") ? cli_date_start(d) : "";
        json_array_foreach(json_object_get(ev, "actors"), k, a) {
            const char *name = js(a, "name");
            json_t *e = json_object_get(by, name);
            if (!e) {
                e = json_pack("{s:i,s:s,s:s,s:{},s:{}}", "n", 0, "first", "", "last", "", "types", "with");
                json_object_set_new(by, name, e);
            }
            count_one(e, "n");
            if (*when && (!*js(e, "first") || strcmp(when, js(e, "first")) < 0)) json_object_set_new(e, "first", json_string(when));
            if (*when && strcmp(when, js(e, "last")) > 0) json_object_set_new(e, "last", json_string(when));
            count_one(json_object_get(e, "types"), js(ev, "type"));
            json_t *with = json_object_get(e, "with");
            json_array_foreach(json_object_get(ev, "actors"), j, b) {
                if (j == k || !strcmp(js(b, "name"), name)) continue;
                count_one(with, js(b, "name"));
            }
        }
    }
    heading(r, "Main actors");
    table_open(r);
    const char *head[] = {"actor", "kind", "names", "roles", "events", "first", "last", "types", "with"};
    row(r, head, 9, 1);
    for (int shown = 0; shown < 8; shown++) {
        const char *best = NULL, *key;
        json_int_t bn = 0;
        json_t *v;
        json_object_foreach(by, key, v)
            if (json_integer_value(json_object_get(v, "n")) > bn ||
                (json_integer_value(json_object_get(v, "n")) == bn && best && strcmp(key, best) < 0)) {
                bn = json_integer_value(json_object_get(v, "n"));
                best = key;
            }
        if (!best) break;
        json_t *e = json_object_get(by, best);
        json_t *info = json_pack("{s:s}", "name", best);
        chr_store_actors(s, best, alias_of, info);
        char n[32], types[1024], with[1024];
        snprintf(n, sizeof n, "%lld", (long long)bn);
        for (int pass = 0; pass < 2; pass++) {
            json_t *m = json_object_get(e, pass ? "with" : "types");
            char *out = pass ? with : types;
            size_t o = 0;
            out[0] = 0;
            for (int t = 0; t < 3; t++) {          /* the three most frequent */
                const char *tk = NULL, *mk;
                json_int_t tn = 0;
                json_t *mv;
                json_object_foreach(m, mk, mv)
                    if (json_integer_value(mv) > tn) {
                        tn = json_integer_value(mv);
                        tk = mk;
                    }
                if (!tk) break;
                o += (size_t)snprintf(out + o, o < 1024 ? 1024 - o : 0, "%s%s (%lld)", o ? "; " : "", tk, (long long)tn);
                json_object_del(m, tk);
            }
        }
        const char *cells[] = {best, js(info, "kind"), js(info, "aliases"), js(info, "roles"), n,
                               js(e, "first"), js(e, "last"), types, with};
        row(r, cells, 9, 0);
        json_decref(info);
        json_object_del(by, best);
    }
    table_close(r);
    json_decref(by);
}

#define MAX_ROWS 500

/* Events per month and PLOVER category, for a selection too large to list. */
static void summary(rep *r)
{
    json_t *months = json_object(), *cats = json_object();
    size_t i;
    json_t *ev;
    json_array_foreach(r->events, i, ev) {
        json_t *d = json_object_get(ev, "date");
        if (!strcmp(js(d, "basis"), "unknown")) continue;
        const char *st = cli_date_start(d);
        char month[8];
        snprintf(month, sizeof month, "%.7s", st);
        const char *cat = *js(ev, "plover") ? js(ev, "plover") : "OTHER";
        json_object_set_new(cats, cat, json_true());
        json_t *m = json_object_get(months, month);
        if (!m) {
            m = json_object();
            json_object_set_new(months, month, m);
        }
        count_one(m, cat);
    }
    const char *names[32];
    size_t nc = 0;
    const char *k;
    json_t *v;
    json_object_foreach(cats, k, v) if (nc < 31) names[nc++] = k;
    const char *head[33];
    head[0] = "month";
    for (size_t c = 0; c < nc; c++) head[c + 1] = names[c];
    table_open(r);
    row(r, head, (int)nc + 1, 1);
    /* months in order: jansson keeps insertion order, the events are in date order */
    json_object_foreach(months, k, v) {
        char counts[32][16];
        const char *cells[33];
        cells[0] = k;
        for (size_t c = 0; c < nc; c++) {
            json_t *n = json_object_get(v, names[c]);
            snprintf(counts[c], sizeof counts[c], "%lld", n ? (long long)json_integer_value(n) : 0LL);
            cells[c + 1] = counts[c];
        }
        row(r, cells, (int)nc + 1, 0);
    }
    table_close(r);
    json_decref(months);
    json_decref(cats);
}

static const char css[] =
    "body{font-family:'Noto Sans Arabic','DejaVu Sans',sans-serif;max-width:70em;margin:2em auto;"
    "padding:0 1em;color:#222}table{border-collapse:collapse;width:100%;margin:1em 0}"
    "th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;font-size:.9em}"
    "th{background:#eee}figure{margin:1em 0;overflow-x:auto}figure svg{max-width:100%;height:auto}"
    ".note{color:#555;font-size:.9em}"
    "@media print{body{margin:0;max-width:none}figure,tr{page-break-inside:avoid}a{color:inherit}}";

static void write_report(rep *r, chr_store *s, qopts *q, const char *out, const char *title, const char *locale)
{
    size_t nev = json_array_size(r->events), i;
    json_t *ev;
    char buf[8192], dt[128];
    /* scope */
    char lo[16] = "", hi[16] = "";
    size_t undated = 0;
    json_t *articles = json_object();
    json_array_foreach(r->events, i, ev) {
        json_t *d = json_object_get(ev, "date");
        const char *st = cli_date_start(d);
        if (!strcmp(js(d, "basis"), "unknown") || !*st) undated++;
        else {
            if (!*lo || strcmp(st, lo) < 0) snprintf(lo, sizeof lo, "%.10s", st);
            const char *en = *js(d, "end") ? js(d, "end") : st;
            if (strcmp(en, hi) > 0) snprintf(hi, sizeof hi, "%.10s", en);
        }
        size_t k;
        json_t *src;
        json_array_foreach(json_object_get(ev, "sources"), k, src) {
            snprintf(buf, sizeof buf, "%s|%s|%s", js(src, "url"), js(src, "title"), js(src, "published"));
            json_object_set_new(articles, buf, json_true());
        }
    }
    if (r->md) {
        fputs("# ", r->f);
        put(r, title);
        fputs("\n\n", r->f);
    } else {
        fprintf(r->f, "<!DOCTYPE html>\n<html lang=\"%s\" dir=\"%s\"><head><meta charset=\"utf-8\">"
                      "<title>", r->ar ? "ar" : "en", r->ar ? "rtl" : "ltr");
        put(r, title);
        fprintf(r->f, "</title><style>%s</style></head><body>\n<h1 dir=\"auto\">", css);
        put(r, title);
        fputs("</h1>\n", r->f);
    }
    char scope[2048];
    size_t o = (size_t)snprintf(scope, sizeof scope, "%zu events (%zu undated) from %zu sources", nev, undated,
                                json_object_size(articles));
    if (*lo) o += (size_t)snprintf(scope + o, sizeof scope - o, ", %s to %s", lo, hi);
    for (size_t a = 0; a < q->q.nactors; a++) o += (size_t)snprintf(scope + o, o < sizeof scope ? sizeof scope - o : 0, "; actor: %s", q->q.actors[a]);
    if (q->q.from) o += (size_t)snprintf(scope + o, o < sizeof scope ? sizeof scope - o : 0, "; from %s", q->q.from);
    if (q->q.to) o += (size_t)snprintf(scope + o, o < sizeof scope ? sizeof scope - o : 0, "; to %s", q->q.to);
    if (q->q.type) o += (size_t)snprintf(scope + o, o < sizeof scope ? sizeof scope - o : 0, "; type: %s", q->q.type);
    if (!r->md) fputs("<p class=\"note\" dir=\"auto\">", r->f);
    put(r, scope);
    fputs(r->md ? ".\n\n" : ".</p>\n", r->f);
    json_decref(articles);

    heading(r, "Timeline");
    image(r, s, q, out, "timeline", locale);
    heading(r, "Actors");
    image(r, s, q, out, "graph", locale);

    main_actors(r, s);

    heading(r, "Events");
    /* many events: a count per month and category first, then the first
     * MAX_ROWS events in full (the rest are in `chronicle export`) */
    size_t dated = nev - undated, rows = 0;
    if (dated > MAX_ROWS) summary(r);
    table_open(r);
    const char *head[] = {"id", "date", "type", "actors", "evidence", "sources"};
    row(r, head, 6, 1);
    json_array_foreach(r->events, i, ev) {
        if (!strcmp(js(json_object_get(ev, "date"), "basis"), "unknown")) continue;
        if (rows++ >= MAX_ROWS) break;
        event_row(r, ev);
    }
    table_close(r);
    if (dated > MAX_ROWS) {
        snprintf(buf, sizeof buf, "The first %d of %zu dated events; all of them: chronicle export --format csv "
                 "with the same filters.", MAX_ROWS, dated);
        note(r, buf);
    }

    heading(r, "Statements");
    table_open(r);
    const char *shead[] = {"date", "speaker", "medium", "words", "reported by"};
    row(r, shead, 5, 1);
    json_array_foreach(r->events, i, ev) {
        if (!json_is_object(json_object_get(ev, "statement"))) continue;
        /* every statement of the event, with its own chain */
        json_t *full = chr_store_event(s, json_integer_value(json_object_get(ev, "id")));
        size_t si;
        json_t *st;
        json_array_foreach(json_object_get(full, "statements"), si, st) {
        char chain[1024];
        size_t co = 0, k;
        json_t *c;
        chain[0] = 0;
        json_array_foreach(json_object_get(st, "reported_by"), k, c)
            if (co + 8 < sizeof chain) co += (size_t)snprintf(chain + co, sizeof chain - co, "%s%s", k ? " ← " : "", json_string_value(c));
        snprintf(buf, sizeof buf, "%s%s", json_is_true(json_object_get(st, "quoted")) ? "“" : "", js(st, "quote"));
        if (json_is_true(json_object_get(st, "quoted"))) strncat(buf, "”", sizeof buf - strlen(buf) - 1);
        const char *cells[] = {date_text(ev, dt, sizeof dt), js(st, "speaker"), js(st, "medium"), buf, chain};
        row(r, cells, 5, 0);
        }
        json_decref(full);
    }
    table_close(r);

    heading(r, "Treaties");
    table_open(r);
    const char *thead[] = {"treaty", "parties", "concluded", "articles cited", "events"};
    row(r, thead, 5, 1);
    json_t *seen = json_object();
    json_array_foreach(r->events, i, ev) {
        json_t *t = json_object_get(ev, "treaty");
        if (!json_is_object(t)) continue;
        char key[32];
        snprintf(key, sizeof key, "%lld", (long long)json_integer_value(json_object_get(t, "id")));
        count_one(seen, key);
    }
    json_array_foreach(r->events, i, ev) {
        json_t *t = json_object_get(ev, "treaty");
        if (!json_is_object(t)) continue;
        char key[32], parties[1024], arts[256], evs[32];
        snprintf(key, sizeof key, "%lld", (long long)json_integer_value(json_object_get(t, "id")));
        json_t *cnt = json_object_get(seen, key);
        if (!cnt) continue;                    /* written already */
        snprintf(evs, sizeof evs, "%lld", (long long)json_integer_value(cnt));
        json_object_del(seen, key);
        size_t po = 0, ao = 0, k;
        json_t *p;
        parties[0] = arts[0] = 0;
        json_array_foreach(json_object_get(t, "parties"), k, p)
            if (po + 8 < sizeof parties) po += (size_t)snprintf(parties + po, sizeof parties - po, "%s%s", k ? "; " : "", json_string_value(p));
        json_array_foreach(json_object_get(t, "articles"), k, p)
            if (ao + 8 < sizeof arts) ao += (size_t)snprintf(arts + ao, sizeof arts - ao, "%s%lld", k ? ", " : "",
                                                             (long long)json_integer_value(json_object_get(p, "number")));
        const char *cells[] = {js(t, "name"), parties, js(t, "concluded"), arts, evs};
        row(r, cells, 5, 0);
    }
    json_decref(seen);
    table_close(r);

    heading(r, "Undated events");
    note(r, "No date was stated for these events and their report carries none of its own (an item appended to a "
            "page, for example): they are listed, not placed in time.");
    table_open(r);
    row(r, head, 6, 1);
    json_array_foreach(r->events, i, ev) {
        if (strcmp(js(json_object_get(ev, "date"), "basis"), "unknown")) continue;
        event_row(r, ev);
    }
    table_close(r);

    heading(r, "Methods");
    note(r, "Everything here was extracted automatically by Chronicle from the articles cited. Dates are TIMEX3 "
            "values resolved against each article's publication date; \"stated\" dates come from a date expression in "
            "the event's own sentence, \"report date\" means the sentence gave none and the event happened on or before "
            "the report, and undated events had neither. Event types are CAMEO codes with their PLOVER category. "
            "Quotations are the articles' words; the reporting chain names who reported them, nearest first.");

    heading(r, "References");
    if (!r->md) fputs("<ol>\n", r->f);
    for (size_t n = 1; n <= r->nrefs; n++) {
        const char *key;
        json_t *v;
        json_object_foreach(r->refs, key, v) {
            if ((size_t)json_integer_value(json_object_get(v, "n")) != n) continue;
            json_t *src = json_object_get(v, "src");
            if (r->md) fprintf(r->f, "%zu. ", n);
            else fputs("<li dir=\"auto\">", r->f);
            put(r, *js(src, "title") ? js(src, "title") : "(untitled)");
            fputs(", ", r->f);
            put(r, js(src, "source"));
            fputs(", ", r->f);
            put(r, js(src, "published"));
            if (*js(src, "url") && !chr_url_is_web(js(src, "url"))) {
                fputs(", ", r->f);                  /* not a web address: text, never a link */
                put(r, js(src, "url"));
            } else if (*js(src, "url")) {
                if (r->md) {
                    fputs(", <", r->f);
                    put(r, js(src, "url"));
                    fputs(">", r->f);
                } else {
                    fputs(", <a href=\"", r->f);
                    put(r, js(src, "url"));
                    fputs("\">", r->f);
                    put(r, js(src, "url"));
                    fputs("</a>", r->f);
                }
            }
            fputs(r->md ? "\n" : "</li>\n", r->f);
        }
    }
    if (!r->md) fputs("</ol>\n</body></html>\n", r->f);
}

int cmd_report(int argc, char **argv)
{
    /* report's own options out of argv, the rest are filters */
    cli_option opts[] = {{"-o", CLI_VALUE, NULL, 0}, {"--title", CLI_VALUE, NULL, 0},
                         {"--locale", CLI_VALUE, NULL, 0}, {NULL, 0, NULL, 0}};
    char **rest;
    int nrest;
    if (cli_split_options(argc, argv, opts, &rest, &nrest, report_usage)) return EXIT_USAGE;
    const char *out = cli_option_value(opts, "-o"), *title = cli_option_value(opts, "--title");
    const char *locale = cli_option_value(opts, "--locale");
    qopts q;
    int rc = cli_parse_filters(nrest, rest, &q, report_usage);
    free(rest);
    if (rc) {
        free(q.actors);
        return rc < 0 ? EXIT_OK : rc;
    }
    size_t ol = out ? strlen(out) : 0;
    int md = ol > 3 && !strcmp(out + ol - 3, ".md");
    int html = ol > 5 && !strcmp(out + ol - 5, ".html");
    if (q.id || (!md && !html)) {
        fprintf(stderr, "chronicle: -o FILE.html or FILE.md is needed\n%s", report_usage);
        free(q.actors);
        return EXIT_USAGE;
    }
    chr_store *s = cli_open_ro(q.db);
    if (!s) {
        free(q.actors);
        return EXIT_USAGE;
    }
    rep r = {NULL, md, locale && !strncmp(locale, "ar", 2), json_array(), json_object(), 0};
    if (locale) report_locale = locale;
    report_words = chr_date_words_new(report_locale);
    chr_status st = chr_store_query(s, &q.q, collect, &r);
    if (st != CHR_OK) {
        fprintf(stderr, "chronicle: %s\n", chr_store_errmsg(s));
        rc = st == CHR_ERR_ARG ? EXIT_DATA : EXIT_USAGE;
    } else if (!json_array_size(r.events)) {
        fprintf(stderr, "chronicle: no events match: nothing to report\n");
        rc = EXIT_DATA;
    } else if (!(r.f = fopen(out, "wb"))) {
        fprintf(stderr, "chronicle: %s: cannot write\n", out);
        rc = EXIT_USAGE;
    } else {
        write_report(&r, s, &q, out, title ? title : "Chronicle report", locale);
        if (fclose(r.f)) {
            fprintf(stderr, "chronicle: %s: cannot write\n", out);
            rc = EXIT_USAGE;
        }
    }
    chr_date_words_free(report_words);
    report_words = NULL;
    json_decref(r.events);
    json_decref(r.refs);
    chr_store_close(s);
    free(q.actors);
    return rc;
}
