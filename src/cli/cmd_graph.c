/* cmd_graph.c - `chronicle graph` and `chronicle timeline`: images of the
 * selected events through Graphviz.  Both take the filters of `chronicle
 * query` and options of their own, split off here before the filters are
 * parsed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/chronicle.h"
#include "cli.h"

const char graph_usage[] =
    "usage: chronicle graph [--db PATH] [filters as in query] [--center NAME [--depth N]]\n"
    "                       [--min-weight N] [--top K] [--locale ar|en] [--title TEXT]\n"
    "                       [--layout neato|sfdp|fdp|dot|circo] [--format dot|svg|png|pdf] -o FILE\n\n"
    "Draws the actors of the events the filters select (--actor, --with, --from, --to,\n"
    "--type, --treaty, --text, --affiliated, as in `chronicle query`): nodes by kind\n"
    "(person, state, organisation), sized by their number of events; edges from source\n"
    "to target (and speaker to those mentioned; participants joined without arrow),\n"
    "width by count, blue when cooperative, vermillion when conflictual (CAMEO quad\n"
    "classes), grey when both; a dashed line joins a person to the state it serves.\n\n"
    "  --center NAME   only the actors within --depth (default 1) edges of NAME\n"
    "  --min-weight N  only edges of N events or more\n"
    "  --top K         only the K most active actors\n"
    "  --locale L      ar: Arabic names where the database has them, right to left\n"
    "  --format F      dot (the graph before layout), svg, png or pdf; default from\n"
    "                  the extension of FILE\n\n"
    "Exit status: 0 success, 1 nothing to draw or an unknown actor, 2 usage error, an\n"
    "unwritable FILE or a missing Graphviz renderer.\n";

const char timeline_usage[] =
    "usage: chronicle timeline [--db PATH] [filters as in query] [--lanes actors|types|none]\n"
    "                          [--max-lanes N] [--max-cards N] [--locale LOCALE] [--title TEXT]\n"
    "                          [--format dot|svg|png|pdf] -o FILE\n\n"
    "Draws the events the filters select on a time axis proportional to real time,\n"
    "ticks in the locale's words (ar-SY: حزيران, ar-EG: يونيو, en: June; an Arabic\n"
    "locale runs the axis right to left), one lane per actor (--max-lanes, default 8,\n"
    "the rest in 'others'), per PLOVER category, or one; events as cards that never\n"
    "overlap, coloured by category, a bar over a date range, dashed when only the\n"
    "report dates them; undated events are counted in the caption, not drawn.  Above\n"
    "--max-cards events (default 150) cards count the events of a lane and period.\n\n"
    "Exit status: 0 success, 1 nothing to draw or an unknown actor, 2 usage error, an\n"
    "unwritable FILE or a missing Graphviz renderer.\n";

/* The options one image command adds to the filters. */
typedef struct ropt {
    const char *name;
    int number;                /* takes a number */
    const char *value;
    long n;
} ropt;

/* Moves the options of opts out of argv; the rest goes to *rest (argv[0]
 * first).  Returns 0, or EXIT_USAGE after a message. */
static int split(int argc, char **argv, ropt *opts, char **rest, int *nrest, const char *usage)
{
    *nrest = 0;
    rest[(*nrest)++] = argv[0];
    for (int i = 1; i < argc; i++) {
        ropt *o = NULL;
        for (ropt *p = opts; p->name && !o; p++)
            if (!strcmp(argv[i], p->name)) o = p;
        if (!o) {
            rest[(*nrest)++] = argv[i];
            continue;
        }
        if (i + 1 >= argc) {
            fprintf(stderr, "chronicle: missing value after %s\n%s", argv[i], usage);
            return EXIT_USAGE;
        }
        o->value = argv[++i];
        if (o->number) {
            char *end;
            o->n = strtol(o->value, &end, 10);
            if (*end || o->n < 0 || o->n > 1000000) {
                fprintf(stderr, "chronicle: %s needs a number, got '%s'\n", o->name, o->value);
                return EXIT_USAGE;
            }
        }
    }
    return 0;
}

static const char *opt(const ropt *opts, const char *name)
{
    for (const ropt *p = opts; p->name; p++)
        if (!strcmp(p->name, name)) return p->value;
    return NULL;
}

static long num(const ropt *opts, const char *name)
{
    for (const ropt *p = opts; p->name; p++)
        if (!strcmp(p->name, name)) return p->value ? p->n : 0;
    return 0;
}

typedef chr_status (*render_fn)(chr_store *s, const void *o, const char *format, const char *path, char *err,
                                size_t errcap);

/* The common run of an image command: filters, database, format, errors. */
static int draw(int argc, char **argv, ropt *opts, const char *usage, chr_query **filter_slot, const void *o,
                render_fn render)
{
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    int nrest = 0;
    if (!rest) return EXIT_USAGE;
    if (split(argc, argv, opts, rest, &nrest, usage)) {
        free(rest);
        return EXIT_USAGE;
    }
    qopts q;
    int rc = cli_parse_filters(nrest, rest, &q, usage);
    free(rest);
    const char *out = opt(opts, "-o"), *format = opt(opts, "--format");
    if (!rc && (q.id || !out)) {
        fprintf(stderr, "chronicle: %s\n%s", q.id ? "unexpected argument" : "-o FILE is needed", usage);
        rc = EXIT_USAGE;
    }
    if (rc) {
        free(q.actors);
        return rc < 0 ? EXIT_OK : rc;
    }
    if (!format) {
        const char *dot = strrchr(out, '.');
        format = dot && dot[1] ? dot + 1 : "";
    }
    chr_store *s = cli_open_ro(q.db);
    if (!s) {
        free(q.actors);
        return EXIT_USAGE;
    }
    *filter_slot = &q.q;
    char err[1200];
    chr_status st = render(s, o, format, out, err, sizeof err);
    if (st != CHR_OK) {
        fprintf(stderr, "chronicle: %s\n", err);
        rc = st == CHR_ERR_ARG && !strstr(err, "unknown output format") ? EXIT_DATA : EXIT_USAGE;
    }
    chr_store_close(s);
    free(q.actors);
    return rc;
}

static chr_status render_graph(chr_store *s, const void *o, const char *format, const char *path, char *err,
                               size_t errcap)
{
    return chr_render_graph(s, o, format, path, err, errcap);
}

static chr_status render_timeline(chr_store *s, const void *o, const char *format, const char *path, char *err,
                                  size_t errcap)
{
    return chr_render_timeline(s, o, format, path, err, errcap);
}

int cmd_graph(int argc, char **argv)
{
    ropt opts[] = {{"-o", 0, NULL, 0}, {"--format", 0, NULL, 0}, {"--center", 0, NULL, 0},
                   {"--locale", 0, NULL, 0}, {"--title", 0, NULL, 0}, {"--layout", 0, NULL, 0},
                   {"--depth", 1, NULL, 0}, {"--min-weight", 1, NULL, 0}, {"--top", 1, NULL, 0},
                   {NULL, 0, NULL, 0}};
    chr_graph_opts g;
    memset(&g, 0, sizeof g);
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    int nrest;
    if (!rest) return EXIT_USAGE;
    int rc = split(argc, argv, opts, rest, &nrest, graph_usage);     /* read the options first */
    free(rest);
    if (rc) return rc;
    g.center = opt(opts, "--center");
    g.locale = opt(opts, "--locale");
    g.title = opt(opts, "--title");
    g.layout = opt(opts, "--layout");
    g.depth = (int)num(opts, "--depth");
    g.min_weight = (int)num(opts, "--min-weight");
    g.top = (int)num(opts, "--top");
    if (g.layout && strcmp(g.layout, "neato") && strcmp(g.layout, "sfdp") && strcmp(g.layout, "dot") &&
        strcmp(g.layout, "circo") && strcmp(g.layout, "fdp")) {
        fprintf(stderr, "chronicle: --layout is neato, sfdp, fdp, dot or circo, got '%s'\n", g.layout);
        return EXIT_USAGE;
    }
    return draw(argc, argv, opts, graph_usage, (chr_query **)&g.filter, &g, render_graph);
}

int cmd_timeline(int argc, char **argv)
{
    ropt opts[] = {{"-o", 0, NULL, 0}, {"--format", 0, NULL, 0}, {"--lanes", 0, NULL, 0},
                   {"--locale", 0, NULL, 0}, {"--title", 0, NULL, 0}, {"--max-lanes", 1, NULL, 0},
                   {"--max-cards", 1, NULL, 0}, {NULL, 0, NULL, 0}};
    chr_timeline_opts t;
    memset(&t, 0, sizeof t);
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    int nrest;
    if (!rest) return EXIT_USAGE;
    int rc = split(argc, argv, opts, rest, &nrest, timeline_usage);
    free(rest);
    if (rc) return rc;
    const char *lanes = opt(opts, "--lanes");
    if (lanes && strcmp(lanes, "actors") && strcmp(lanes, "types") && strcmp(lanes, "none")) {
        fprintf(stderr, "chronicle: --lanes is actors, types or none, got '%s'\n", lanes);
        return EXIT_USAGE;
    }
    t.lanes = !lanes || !strcmp(lanes, "actors") ? CHR_LANES_ACTORS : !strcmp(lanes, "types") ? CHR_LANES_TYPES
                                                                                               : CHR_LANES_NONE;
    t.locale = opt(opts, "--locale");
    t.title = opt(opts, "--title");
    t.max_lanes = (int)num(opts, "--max-lanes");
    t.max_cards = (int)num(opts, "--max-cards");
    return draw(argc, argv, opts, timeline_usage, (chr_query **)&t.filter, &t, render_timeline);
}
