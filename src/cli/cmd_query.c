/* cmd_query.c - `chronicle query`, `actors`, `show` and `treaties`: the
 * database read back as a table for people, TSV/CSV for R and pandas, and
 * JSON Lines for programs (schemas/query.schema.json). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/chronicle.h"
#include "cli.h"
#include "jsonout.h"

#define DEFAULT_DB "output/chronicle.db"

const char query_usage[] =
    "usage: chronicle query [--db PATH] [--actor NAME]... [--affiliated] [--with NAME]\n"
    "                       [--from DATE] [--to DATE] [--type CAMEO|WORD] [--treaty NAME]\n"
    "                       [--text WORDS] [--limit N] [--format table|tsv|csv|json]\n\n"
    "Events from the database (default " DEFAULT_DB "), ordered by date.\n\n"
    "  --actor NAME    events of this actor: any alias in any language (بوتين, Putin,\n"
    "                  Путин), any case and diacritics; repeat to require several\n"
    "  --affiliated    with --actor STATE: also events of that state's people\n"
    "  --with NAME     events that also involve this actor\n"
    "  --from, --to    ISO dates, inclusive; undated events match --from by the date\n"
    "                  they cannot precede\n"
    "  --type T        a CAMEO code or prefix (04, 057), a PLOVER category, or a word\n"
    "                  of the event type (visit)\n"
    "  --treaty NAME   events linked to a treaty whose name contains NAME\n"
    "  --text WORDS    full-text search of statements and evidence (FTS5 syntax)\n"
    "  --format F      table (default), tsv, csv, or json (JSON Lines)\n\n"
    "Exit status: 0 success (also when nothing matches), 1 unknown actor, 2 usage or\n"
    "database error.\n";

const char actors_usage[] =
    "usage: chronicle actors [--db PATH] [--like TEXT] [--format table|tsv|csv|json]\n\n"
    "Actors in the database, with kind, country, affiliation, counts and aliases.\n";

const char show_usage[] =
    "usage: chronicle show [--db PATH] EVENT_ID\n\n"
    "Everything about one event as JSON: date and how it was obtained, actors,\n"
    "treaty, statements with their reporting chain, and every source with the\n"
    "sentence it comes from.\n";

const char treaties_usage[] =
    "usage: chronicle treaties [--db PATH] [--format table|tsv|csv|json]\n\n"
    "Treaties in the database with parties, conclusion date, cited articles and events.\n";

enum { F_TABLE, F_TSV, F_CSV, F_JSON };

static int bad(const char *msg, const char *arg, const char *usage)
{
    fprintf(stderr, "chronicle: %s%s%s\n%s", msg, arg ? " " : "", arg ? arg : "", usage);
    return EXIT_USAGE;
}

int cli_parse_filters(int argc, char **argv, qopts *o, const char *usage)
{
    memset(o, 0, sizeof *o);
    o->db = DEFAULT_DB;
    o->actors = calloc((size_t)argc + 1, sizeof *o->actors);
    if (!o->actors) return EXIT_USAGE;
    o->q.actors = o->actors;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = 1;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return -1;
        }
        if (!strcmp(a, "--affiliated")) {
            o->q.affiliated = 1;
            continue;
        }
        if (a[0] == '-' && a[1] == '-' && !v) return bad("missing value after", a, usage);
        if (!strcmp(a, "--db")) o->db = v;
        else if (!strcmp(a, "--actor")) o->actors[o->q.nactors++] = v;
        else if (!strcmp(a, "--with")) o->q.with = v;
        else if (!strcmp(a, "--type")) o->q.type = v;
        else if (!strcmp(a, "--treaty")) o->q.treaty = v;
        else if (!strcmp(a, "--text")) o->q.text = v;
        else if (!strcmp(a, "--like")) o->like = v;
        else if (!strcmp(a, "--from") || !strcmp(a, "--to")) {
            chr_date d;
            if (chr_date_parse(v, &d)) return bad("a date is YYYY-MM-DD, got", v, usage);
            if (a[2] == 'f') o->q.from = v;
            else o->q.to = v;
        } else if (!strcmp(a, "--limit")) {
            char *end;
            o->q.limit = strtoll(v, &end, 10);
            if (*end || o->q.limit < 1) return bad("--limit needs a positive number, got", v, usage);
        } else if (!strcmp(a, "--format")) {
            if (!strcmp(v, "table")) o->format = F_TABLE;
            else if (!strcmp(v, "tsv")) o->format = F_TSV;
            else if (!strcmp(v, "csv")) o->format = F_CSV;
            else if (!strcmp(v, "json")) o->format = F_JSON;
            else return bad("--format is table, tsv, csv or json, got", v, usage);
        } else if (a[0] == '-' && a[1]) {
            return bad("unknown option", a, usage);
        } else {
            if (o->id) return bad("one event id only, got another:", a, usage);
            o->id = a;
            takes = 0;
        }
        i += takes;
    }
    return EXIT_OK;
}

int cli_split_options(int argc, char **argv, cli_option *opts, char ***rest, int *nrest, const char *usage)
{
    *nrest = 0;
    if (!(*rest = calloc((size_t)argc + 1, sizeof **rest))) return EXIT_USAGE;
    (*rest)[(*nrest)++] = argv[0];
    for (int i = 1; i < argc; i++) {
        cli_option *o = NULL;
        for (cli_option *p = opts; p->name && !o; p++)
            if (!strcmp(argv[i], p->name)) o = p;
        if (!o) {
            (*rest)[(*nrest)++] = argv[i];
            continue;
        }
        if (o->kind == CLI_FLAG) {
            o->value = o->name;
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "chronicle: missing value after %s\n%s", argv[i], usage);
            goto fail;
        }
        o->value = argv[++i];
        if (o->kind == CLI_NUMBER) {
            char *end;
            o->n = strtol(o->value, &end, 10);
            if (*end || o->n < 0 || o->n > 1000000) {
                fprintf(stderr, "chronicle: %s needs a number, got '%s'\n", o->name, o->value);
                goto fail;
            }
        }
    }
    return 0;
fail:
    free(*rest);
    *rest = NULL;
    return EXIT_USAGE;
}

const char *cli_option_value(const cli_option *opts, const char *name)
{
    for (const cli_option *p = opts; p->name; p++)
        if (!strcmp(p->name, name)) return p->value;
    return NULL;
}

long cli_option_number(const cli_option *opts, const char *name)
{
    for (const cli_option *p = opts; p->name; p++)
        if (!strcmp(p->name, name)) return p->value ? p->n : 0;
    return 0;
}

chr_store *cli_open_ro(const char *path)
{
    chr_store *s = NULL;
    char err[1200];
    if (chr_store_open(path, CHR_STORE_READONLY, &s, err, sizeof err) != CHR_OK)
        fprintf(stderr, "chronicle: %s\n", err);
    return s;
}

/* ---- writing cells ------------------------------------------------------ */

static void cell(FILE *f, int format, const char *s, int last, size_t width)
{
    if (!s) s = "";
    if (format == F_CSV) {
        int q = strpbrk(s, ",\"\n\r") != NULL;
        if (q) fputc('"', f);
        for (const char *p = s; *p; p++) {
            if (*p == '"') fputc('"', f);
            fputc(*p, f);
        }
        if (q) fputc('"', f);
        fputc(last ? '\n' : ',', f);
    } else if (format == F_TSV) {
        for (const char *p = s; *p; p++) fputc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, f);
        fputc(last ? '\n' : '\t', f);
    } else {
        /* table: cut to width code points; pad */
        size_t n = 0;
        const unsigned char *p = (const unsigned char *)s;
        for (; *p && (width == 0 || n < width); n++) {
            size_t l = *p < 0x80 ? 1 : (*p >> 5) == 6 ? 2 : (*p >> 4) == 14 ? 3 : 4;
            for (size_t k = 0; k < l && p[k]; k++) fputc(p[k] == '\n' || p[k] == '\t' ? ' ' : p[k], f);
            p += l;
        }
        if (*p && width) fputs("…", f);
        if (last) fputc('\n', f);
        else {
            for (; n < width + 1; n++) fputc(' ', f);
            fputs(" ", f);
        }
    }
}

static const char *js(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : "";
}

const char *cli_date_start(json_t *date)
{
    return *js(date, "start") ? js(date, "start") : js(date, "value");
}

typedef struct out { int format; size_t rows; } out;

static const char *const qcols[] = {"id", "date", "basis", "cameo", "type", "actors", "treaty", "speaker",
                                    "quote", "reported_by", "sources", "evidence"};
static const size_t qwidth[] = {5, 23, 8, 5, 20, 44, 24, 16, 40, 20, 20, 0};

static void join_names(json_t *arr, const char *k1, const char *k2, char *buf, size_t cap)
{
    size_t o = 0, i;
    json_t *v;
    buf[0] = 0;
    json_array_foreach(arr, i, v) {
        const char *a = json_is_string(v) ? json_string_value(v) : js(v, k1);
        const char *b = k2 ? js(v, k2) : "";
        o += (size_t)snprintf(buf + o, o < cap ? cap - o : 0, "%s%s%s%s%s", i ? "; " : "", a, *b ? " (" : "", b,
                              *b ? ")" : "");
        if (o >= cap) break;
    }
}

/* One JSON Lines row. */
static void put_json(json_t *v) { jsonout_line(stdout, v); }

static int print_event(json_t *ev, void *ctx)
{
    out *o = ctx;
    if (o->format == F_JSON) {
        put_json(ev);
        o->rows++;
        return 0;
    }
    char id[32], actors[2048], chain[512], sources[1024];
    snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(ev, "id")));
    json_t *d = json_object_get(ev, "date");
    const char *date = js(d, "value");
    char datebuf[64];
    if (!*date && *js(d, "not_before")) {
        snprintf(datebuf, sizeof datebuf, "not before %s", js(d, "not_before"));
        date = datebuf;
    }
    join_names(json_object_get(ev, "actors"), "name", "role", actors, sizeof actors);
    json_t *st = json_object_get(ev, "statement");
    join_names(json_object_get(st, "reported_by"), NULL, NULL, chain, sizeof chain);
    join_names(json_object_get(ev, "sources"), "source", "published", sources, sizeof sources);
    const char *cells[] = {id, date, js(d, "basis"), js(ev, "cameo"), js(ev, "type"), actors,
                           js(json_object_get(ev, "treaty"), "name"), js(st, "speaker"), js(st, "quote"), chain,
                           sources, js(ev, "evidence")};
    for (size_t i = 0; i < 12; i++) cell(stdout, o->format, cells[i], i == 11, qwidth[i]);
    o->rows++;
    return 0;
}

static void header(int format, const char *const *cols, const size_t *width, size_t n)
{
    if (format == F_JSON) return;
    for (size_t i = 0; i < n; i++) cell(stdout, format, cols[i], i == n - 1, width[i]);
}

int cmd_query(int argc, char **argv)
{
    qopts o;
    int rc = cli_parse_filters(argc, argv, &o, query_usage);
    if (rc || o.id) {
        free(o.actors);
        if (o.id && !rc) return bad("unexpected argument", o.id, query_usage);
        return rc < 0 ? EXIT_OK : rc;
    }
    chr_store *s = cli_open_ro(o.db);
    if (!s) {
        free(o.actors);
        return EXIT_USAGE;
    }
    out w = {o.format, 0};
    header(o.format, qcols, qwidth, 12);
    chr_status st = chr_store_query(s, &o.q, print_event, &w);
    if (st != CHR_OK) {
        fprintf(stderr, "chronicle: %s\n", chr_store_errmsg(s));
        rc = st == CHR_ERR_ARG ? EXIT_DATA : EXIT_USAGE;
    }
    if (o.format == F_TABLE && !rc) fprintf(stderr, "%zu events\n", w.rows);
    chr_store_close(s);
    free(o.actors);
    return rc;
}

static const char *const acols[] = {"id", "name", "kind", "country", "affiliation", "title", "events", "mentions", "aliases"};
static const size_t awidth[] = {5, 28, 12, 7, 24, 26, 6, 8, 0};

static int print_actor(json_t *a, void *ctx)
{
    out *o = ctx;
    if (o->format == F_JSON) {
        put_json(a);
        return 0;
    }
    char id[32], ev[32], me[32];
    snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(a, "id")));
    snprintf(ev, sizeof ev, "%lld", (long long)json_integer_value(json_object_get(a, "events")));
    snprintf(me, sizeof me, "%lld", (long long)json_integer_value(json_object_get(a, "mentions")));
    const char *cells[] = {id, js(a, "name"), js(a, "kind"), js(a, "country"), js(a, "affiliation"),
                           js(a, "title"), ev, me, js(a, "aliases")};
    for (size_t i = 0; i < 9; i++) cell(stdout, o->format, cells[i], i == 8, awidth[i]);
    return 0;
}

int cmd_actors(int argc, char **argv)
{
    qopts o;
    int rc = cli_parse_filters(argc, argv, &o, actors_usage);
    free(o.actors);
    if (rc) return rc < 0 ? EXIT_OK : rc;
    chr_store *s = cli_open_ro(o.db);
    if (!s) return EXIT_USAGE;
    out w = {o.format, 0};
    header(o.format, acols, awidth, 9);
    if (chr_store_actors(s, o.like, print_actor, &w) != CHR_OK) {
        fprintf(stderr, "chronicle: %s\n", chr_store_errmsg(s));
        rc = EXIT_USAGE;
    }
    chr_store_close(s);
    return rc;
}

int cmd_show(int argc, char **argv)
{
    qopts o;
    int rc = cli_parse_filters(argc, argv, &o, show_usage);
    free(o.actors);
    if (rc) return rc < 0 ? EXIT_OK : rc;
    char *end;
    long long id = o.id ? strtoll(o.id, &end, 10) : 0;
    if (!o.id || *end || id < 1) return bad("an event id (a positive number) is needed, got", o.id ? o.id : "nothing", show_usage);
    chr_store *s = cli_open_ro(o.db);
    if (!s) return EXIT_USAGE;
    json_t *ev = chr_store_event(s, id);
    if (!ev) {
        fprintf(stderr, "chronicle: no event %lld in %s\n", id, o.db);
        rc = EXIT_DATA;
    } else {
        char *t = json_dumps(ev, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        if (t) puts(t);
        free(t);
        json_decref(ev);
    }
    chr_store_close(s);
    return rc;
}

static const char *const tcols[] = {"id", "name", "kind", "concluded", "parties", "articles", "events"};
static const size_t twidth[] = {5, 40, 10, 23, 30, 30, 0};

static int print_treaty(json_t *t, void *ctx)
{
    out *o = ctx;
    if (o->format == F_JSON) {
        put_json(t);
        return 0;
    }
    char id[32], parties[1024], arts[1024], evs[1024];
    snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(t, "id")));
    join_names(json_object_get(t, "parties"), NULL, NULL, parties, sizeof parties);
    size_t off = 0, i;
    json_t *v;
    arts[0] = evs[0] = 0;
    json_array_foreach(json_object_get(t, "articles"), i, v)
        off += (size_t)snprintf(arts + off, off < sizeof arts ? sizeof arts - off : 0, "%s%lld", i ? ", " : "",
                                (long long)json_integer_value(json_object_get(v, "number")));
    off = 0;
    json_array_foreach(json_object_get(t, "events"), i, v)
        off += (size_t)snprintf(evs + off, off < sizeof evs ? sizeof evs - off : 0, "%s%lld", i ? ", " : "",
                                (long long)json_integer_value(json_object_get(v, "id")));
    const char *cells[] = {id, js(t, "name"), js(t, "kind"), js(t, "concluded"), parties, arts, evs};
    for (size_t k = 0; k < 7; k++) cell(stdout, o->format, cells[k], k == 6, twidth[k]);
    return 0;
}

int cmd_treaties(int argc, char **argv)
{
    qopts o;
    int rc = cli_parse_filters(argc, argv, &o, treaties_usage);
    free(o.actors);
    if (rc) return rc < 0 ? EXIT_OK : rc;
    chr_store *s = cli_open_ro(o.db);
    if (!s) return EXIT_USAGE;
    out w = {o.format, 0};
    header(o.format, tcols, twidth, 7);
    if (chr_store_treaties(s, print_treaty, &w) != CHR_OK) {
        fprintf(stderr, "chronicle: %s\n", chr_store_errmsg(s));
        rc = EXIT_USAGE;
    }
    chr_store_close(s);
    return rc;
}
