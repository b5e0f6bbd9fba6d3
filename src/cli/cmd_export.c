/* cmd_export.c - `chronicle export`: the selected events in the formats
 * researchers load elsewhere: CSV (one row per event, stable columns, RFC
 * 4180), JSON Lines (the records of `query --format json`), TimelineJS
 * (Knight Lab's JSON, to publish a timeline on the web as is) and PLOVER
 * records (the field names of PLOVER's gold-standard records). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uloc.h>

#include "chronicle/chronicle.h"
#include "cli.h"
#include "jsonout.h"

const char export_usage[] =
    "usage: chronicle export [--db PATH] [filters as in query] --format csv|jsonl|timelinejs|plover\n"
    "                        [--bom] [--title TEXT] [-o FILE]\n\n"
    "Writes the events the filters select (to standard output without -o):\n"
    "  csv         one row per event; columns: id, date_value, date_start, date_end,\n"
    "              granularity, basis, not_before, type, cameo, plover, source_actors,\n"
    "              target_actors, actors (name:role; ...), location, treaty, speaker,\n"
    "              quote, medium, reported_by, evidence, source_urls, source_titles,\n"
    "              published; RFC 4180 quoting, UTF-8 (--bom adds a byte-order mark\n"
    "              for spreadsheets); several values in a cell are joined by '; '\n"
    "  jsonl       one JSON object per event (schemas/query.schema.json)\n"
    "  timelinejs  a TimelineJS 3 document; undated events are left out\n"
    "  plover      JSON Lines with PLOVER's field names (id, date, source, target,\n"
    "              event, eventText, context, mode, text, language, publication);\n"
    "              statements (CAMEO 01, dropped by PLOVER) are left out\n\n"
    "Exit status: 0 success (also when nothing matches), 1 unknown actor, 2 usage,\n"
    "file or database error.\n";

static const char *const columns[] = {
    "id", "date_value", "date_start", "date_end", "granularity", "basis", "not_before", "type", "cameo",
    "plover", "source_actors", "target_actors", "actors", "location", "treaty", "speaker", "quote", "medium",
    "reported_by", "evidence", "source_urls", "source_titles", "published", NULL};

typedef struct ex {
    FILE *f;
    int format;                /* 0 csv, 1 jsonl, 2 timelinejs, 3 plover */
    chr_store *store;
    int first;
    size_t n;
} ex;

static const char *js(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : "";
}

static void csv_cell(FILE *f, const char *s, int last)
{
    if (strpbrk(s, ",\"\r\n")) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"') fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
    fputs(last ? "\r\n" : ",", f);
}

/* The values of key in an array of objects (or of strings), joined by "; ";
 * role limits actors to one role; with_role writes "name:role". */
static void join(json_t *arr, const char *key, const char *role, int with_role, char *out, size_t cap)
{
    size_t o = 0, i;
    json_t *v;
    out[0] = 0;
    json_array_foreach(arr, i, v) {
        const char *s = json_is_string(v) ? json_string_value(v) : js(v, key);
        if (role && strcmp(js(v, "role"), role)) continue;
        if (!*s || o + 4 >= cap) continue;
        o += (size_t)snprintf(out + o, cap - o, "%s%s%s%s", o ? "; " : "", s, with_role ? ":" : "",
                              with_role ? js(v, "role") : "");
        if (o >= cap) o = cap - 1;
    }
}

static int put_csv(ex *x, json_t *ev)
{
    char id[32], src[2048], tgt[2048], all[4096], chain[1024], urls[4096], titles[4096];
    json_t *d = json_object_get(ev, "date"), *st = json_object_get(ev, "statement"), *acts = json_object_get(ev, "actors");
    json_t *sources = json_object_get(ev, "sources");
    snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(ev, "id")));
    join(acts, "name", "source", 0, src, sizeof src);
    if (!*src) join(acts, "name", "speaker", 0, src, sizeof src);
    join(acts, "name", "target", 0, tgt, sizeof tgt);
    join(acts, "name", NULL, 1, all, sizeof all);
    join(json_object_get(st, "reported_by"), NULL, NULL, 0, chain, sizeof chain);
    join(sources, "url", NULL, 0, urls, sizeof urls);
    join(sources, "title", NULL, 0, titles, sizeof titles);
    const char *cells[] = {id, js(d, "value"), js(d, "start"), js(d, "end"), js(d, "granularity"),
                           js(d, "basis"), js(d, "not_before"), js(ev, "type"), js(ev, "cameo"), js(ev, "plover"),
                           src, tgt, all, js(ev, "location"), js(json_object_get(ev, "treaty"), "name"),
                           js(st, "speaker"), js(st, "quote"), js(st, "medium"), chain, js(ev, "evidence"), urls,
                           titles, js(json_array_get(sources, 0), "published")};
    for (size_t i = 0; columns[i]; i++) csv_cell(x->f, cells[i], !columns[i + 1]);
    return 0;
}

/* A TimelineJS date object from an ISO value ("2024-06-18", "2024-06", "2024"). */
static json_t *tl_date(const char *v)
{
    int y = 0, m = 0, d = 0;
    int n = sscanf(v, "%4d-%2d-%2d", &y, &m, &d);
    if (n < 1 || y <= 0 || (n >= 2 && (m < 1 || m > 12))) return NULL;
    json_t *o = json_object();
    char b[16];
    snprintf(b, sizeof b, "%d", y);
    json_object_set_new(o, "year", json_string(b));
    if (n >= 2) {
        snprintf(b, sizeof b, "%d", m);
        json_object_set_new(o, "month", json_string(b));
    }
    if (n == 3) {
        snprintf(b, sizeof b, "%d", d);
        json_object_set_new(o, "day", json_string(b));
    }
    return o;
}

/* Text as HTML: TimelineJS shows its text fields as HTML. */
static void html(const char *s, char *out, size_t cap)
{
    out[0] = 0;
    chr_html_escape(s, out, 0, cap);
}

static int put_timelinejs(ex *x, json_t *ev)
{
    json_t *d = json_object_get(ev, "date");
    const char *start = cli_date_start(d);
    json_t *sd = strcmp(js(d, "basis"), "unknown") ? tl_date(start) : NULL;
    if (!sd) return 0;                           /* undated: not on a timeline */
    json_t *e = json_object();
    json_object_set_new(e, "start_date", sd);
    const char *end = js(d, "end");
    if (*end && strcmp(end, start)) {
        json_t *ed = tl_date(end);
        if (ed) json_object_set_new(e, "end_date", ed);
    }
    char actors[2048], head[4096], body[16384], part[8192];
    join(json_object_get(ev, "actors"), "name", NULL, 0, actors, sizeof actors);
    snprintf(part, sizeof part, "%s: %s%s", js(ev, "type"), actors,
             !strcmp(js(d, "basis"), "reported") ? " (report date)" : "");
    html(part, head, sizeof head);
    size_t o = 0;
    html(js(ev, "evidence"), part, sizeof part);
    o += (size_t)snprintf(body + o, sizeof body - o, "<p dir=\"auto\">%s</p>", part);
    size_t i;
    json_t *s;
    json_array_foreach(json_object_get(ev, "sources"), i, s) {
        char title[2048], url[2048];
        html(*js(s, "title") ? js(s, "title") : js(s, "source"), title, sizeof title);
        html(chr_url_is_web(js(s, "url")) ? js(s, "url") : "", url, sizeof url);   /* links only to the web */
        if (o + 200 < sizeof body)
            o += (size_t)snprintf(body + o, sizeof body - o, *url ? "<p dir=\"auto\"><a href=\"%s\">%s</a> %s</p>"
                                                                  : "<p dir=\"auto\">%s%s %s</p>",
                                  url, title, js(s, "published"));
    }
    json_object_set_new(e, "text", json_pack("{s:s,s:s}", "headline", head, "text", body));
    json_t *acts = json_object_get(ev, "actors");
    if (json_array_size(acts)) {                 /* TimelineJS shows the group as HTML too */
        char group[1024];
        html(js(json_array_get(acts, 0), "name"), group, sizeof group);
        json_object_set_new(e, "group", json_string(group));
    }
    char id[32];
    snprintf(id, sizeof id, "chronicle-%lld", (long long)json_integer_value(json_object_get(ev, "id")));
    json_object_set_new(e, "unique_id", json_string(id));
    char *text = json_dumps(e, JSON_COMPACT | JSON_PRESERVE_ORDER);
    fprintf(x->f, "%s\n    %s", x->first ? "" : ",", text ? text : "{}");
    free(text);
    json_decref(e);
    x->first = 0;
    return 0;
}

/* A PLOVER actor: the text, and the ISO 3166 alpha-3 code of its state
 * ("IGO" for an organisation); country is the actor's alpha-2 code or "". */
static json_t *plover_actor(json_t *a, const char *country)
{
    json_t *o = json_pack("{s:s}", "actorText", js(a, "name"));
    const char *kind = js(a, "kind");
    if (!strcmp(kind, "organisation")) {
        json_object_set_new(o, "code", json_string("IGO"));
        return o;
    }
    if (strlen(country) == 2) {
        char loc[8];
        snprintf(loc, sizeof loc, "und_%s", country);
        const char *a3 = uloc_getISO3Country(loc);
        if (a3 && *a3) json_object_set_new(o, "code", json_string(a3));
    }
    if (!strcmp(kind, "person")) json_object_set_new(o, "sector", json_string("GOV"));
    return o;
}

/* Collects the country of each actor of an event by name (names are
 * unique in the store). */
static int country_of(const chr_event_actor *a, void *ctx)
{
    json_object_set_new(ctx, a->name, json_string(a->country));
    return 0;
}

static int put_plover(ex *x, json_t *ev)
{
    const char *category = js(ev, "plover");
    if (!*category) return 0;                    /* PLOVER drops statements (CAMEO 01) */
    json_t *full = chr_store_event(x->store, json_integer_value(json_object_get(ev, "id")));
    json_t *d = json_object_get(ev, "date");
    char id[48];
    snprintf(id, sizeof id, "chronicle-%lld", (long long)json_integer_value(json_object_get(ev, "id")));
    const char *date = strcmp(js(d, "basis"), "unknown") ? cli_date_start(d) : "";
    /* the countries of the event's actors in one read, not a search of the
     * actors per actor; the order stays that of the event's actors */
    json_t *countries = json_object();
    const char *cameo;
    chr_store_event_actors(x->store, json_integer_value(json_object_get(ev, "id")), &cameo, country_of, countries);
    json_t *src = json_array(), *tgt = json_array();
    size_t i;
    json_t *a;
    json_array_foreach(json_object_get(ev, "actors"), i, a) {
        const char *role = js(a, "role"), *country = js(countries, js(a, "name"));
        if (!strcmp(role, "target")) json_array_append_new(tgt, plover_actor(a, country));
        else if (strcmp(role, "mentioned")) json_array_append_new(src, plover_actor(a, country));
    }
    json_decref(countries);
    json_t *source0 = json_array_get(json_object_get(full, "sources"), 0);
    const char *text = js(ev, "evidence");
    int arabic = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p && !arabic; p++) arabic = *p == 0xD8 || *p == 0xD9;
    char comment[128];
    const char *end = js(d, "end");
    snprintf(comment, sizeof comment, "date %s%s%s%s%s", js(d, "basis"), *js(d, "not_before") ? ", not before " : "",
             js(d, "not_before"), *date && *end && strcmp(end, date) ? ", to " : "",
             *date && *end && strcmp(end, date) ? end : "");
    json_t *o = json_pack("{s:s,s:s,s:o,s:o,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "id", id, "date", date,
                          "source", src, "target", tgt, "event", category, "eventText",
                          js(json_object_get(source0, "trigger"), "text"), "context", "", "mode", "", "text", text,
                          "language", arabic ? "ar" : "en", "publication", js(source0, "source"), "coder", "Chronicle",
                          "comment", comment);
    jsonout_line(x->f, o);
    json_decref(o);
    json_decref(full);
    return 0;
}

static int put_event(json_t *ev, void *ctx)
{
    ex *x = ctx;
    x->n++;
    if (x->format == 0) return put_csv(x, ev);
    if (x->format == 3) return put_plover(x, ev);
    if (x->format == 2) return put_timelinejs(x, ev);
    jsonout_line(x->f, ev);
    return 0;
}

int cmd_export(int argc, char **argv)
{
    /* export's own options out of argv, the rest are filters */
    cli_option opts[] = {{"-o", CLI_VALUE, NULL, 0}, {"--format", CLI_VALUE, NULL, 0},
                         {"--title", CLI_VALUE, NULL, 0}, {"--bom", CLI_FLAG, NULL, 0}, {NULL, 0, NULL, 0}};
    char **rest;
    int nrest;
    if (cli_split_options(argc, argv, opts, &rest, &nrest, export_usage)) return EXIT_USAGE;
    const char *out = cli_option_value(opts, "-o"), *format = cli_option_value(opts, "--format");
    const char *title = cli_option_value(opts, "--title");
    int bom = cli_option_value(opts, "--bom") != NULL;
    qopts q;
    int rc = cli_parse_filters(nrest, rest, &q, export_usage);
    free(rest);
    if (rc) {
        free(q.actors);
        return rc < 0 ? EXIT_OK : rc;
    }
    ex x = {stdout, -1, NULL, 1, 0};
    if (format)
        x.format = !strcmp(format, "csv") ? 0 : !strcmp(format, "jsonl") ? 1 : !strcmp(format, "timelinejs") ? 2
                 : !strcmp(format, "plover") ? 3 : -1;
    if (x.format < 0 || q.id) {
        fprintf(stderr, "chronicle: %s%s\n%s", q.id ? "unexpected argument " : "--format is csv, jsonl, timelinejs or plover, got ",
                q.id ? q.id : format ? format : "nothing", export_usage);
        free(q.actors);
        return EXIT_USAGE;
    }
    chr_store *s = cli_open_ro(q.db);
    if (!s) {
        free(q.actors);
        return EXIT_USAGE;
    }
    x.store = s;
    if (out && strcmp(out, "-") && !(x.f = fopen(out, "wb"))) {
        fprintf(stderr, "chronicle: %s: cannot write\n", out);
        chr_store_close(s);
        free(q.actors);
        return EXIT_USAGE;
    }
    if (x.format == 0) {
        if (bom) fputs("\xef\xbb\xbf", x.f);
        for (size_t i = 0; columns[i]; i++) csv_cell(x.f, columns[i], !columns[i + 1]);
    } else if (x.format == 2) {
        char t[4096];
        html(title ? title : "Chronicle", t, sizeof t);
        json_t *head = json_pack("{s:{s:s}}", "text", "headline", t);
        char *h = json_dumps(head, JSON_COMPACT);
        fprintf(x.f, "{\"title\": %s,\n  \"events\": [", h ? h : "{}");
        free(h);
        json_decref(head);
    }
    chr_status st = chr_store_query(s, &q.q, put_event, &x);
    if (st != CHR_OK) {
        fprintf(stderr, "chronicle: %s\n", chr_store_errmsg(s));
        rc = st == CHR_ERR_ARG ? EXIT_DATA : EXIT_USAGE;
    }
    if (x.format == 2) fputs("\n  ]\n}\n", x.f);
    if ((x.f != stdout && fclose(x.f)) || (x.f == stdout && fflush(stdout))) {
        fprintf(stderr, "chronicle: %s: cannot write\n", out ? out : "standard output");
        rc = EXIT_USAGE;
    }
    chr_store_close(s);
    free(q.actors);
    return rc;
}
