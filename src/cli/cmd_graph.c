/* cmd_graph.c - `chronicle graph` and `chronicle timeline`: images of the
 * selected events through Graphviz.  Both take the filters of `chronicle
 * query` and options of their own, split off (cli_split_options) before the
 * filters are parsed. */
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

typedef chr_status (*render_fn)(chr_store *s, const void *o, const char *format, const char *path, char *err,
                                size_t errcap);

/* The common run of an image command: filters, database, format, errors. */
static int draw(int argc, char **argv, cli_option *opts, const char *usage, chr_query **filter_slot, const void *o,
                render_fn render)
{
    char **rest;
    int nrest;
    if (cli_split_options(argc, argv, opts, &rest, &nrest, usage)) return EXIT_USAGE;
    qopts q;
    int rc = cli_parse_filters(nrest, rest, &q, usage);
    free(rest);
    const char *out = cli_option_value(opts, "-o"), *format = cli_option_value(opts, "--format");
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
    cli_option opts[] = {{"-o", CLI_VALUE, NULL, 0}, {"--format", CLI_VALUE, NULL, 0},
                         {"--center", CLI_VALUE, NULL, 0}, {"--locale", CLI_VALUE, NULL, 0},
                         {"--title", CLI_VALUE, NULL, 0}, {"--layout", CLI_VALUE, NULL, 0},
                         {"--depth", CLI_NUMBER, NULL, 0}, {"--min-weight", CLI_NUMBER, NULL, 0},
                         {"--top", CLI_NUMBER, NULL, 0}, {NULL, 0, NULL, 0}};
    chr_graph_opts g;
    memset(&g, 0, sizeof g);
    char **rest;
    int nrest;
    int rc = cli_split_options(argc, argv, opts, &rest, &nrest, graph_usage);     /* read the options first */
    free(rest);
    if (rc) return rc;
    g.center = cli_option_value(opts, "--center");
    g.locale = cli_option_value(opts, "--locale");
    g.title = cli_option_value(opts, "--title");
    g.layout = cli_option_value(opts, "--layout");
    g.depth = (int)cli_option_number(opts, "--depth");
    g.min_weight = (int)cli_option_number(opts, "--min-weight");
    g.top = (int)cli_option_number(opts, "--top");
    if (g.layout && strcmp(g.layout, "neato") && strcmp(g.layout, "sfdp") && strcmp(g.layout, "dot") &&
        strcmp(g.layout, "circo") && strcmp(g.layout, "fdp")) {
        fprintf(stderr, "chronicle: --layout is neato, sfdp, fdp, dot or circo, got '%s'\n", g.layout);
        return EXIT_USAGE;
    }
    return draw(argc, argv, opts, graph_usage, (chr_query **)&g.filter, &g, render_graph);
}

int cmd_timeline(int argc, char **argv)
{
    cli_option opts[] = {{"-o", CLI_VALUE, NULL, 0}, {"--format", CLI_VALUE, NULL, 0},
                         {"--lanes", CLI_VALUE, NULL, 0}, {"--locale", CLI_VALUE, NULL, 0},
                         {"--title", CLI_VALUE, NULL, 0}, {"--max-lanes", CLI_NUMBER, NULL, 0},
                         {"--max-cards", CLI_NUMBER, NULL, 0}, {NULL, 0, NULL, 0}};
    chr_timeline_opts t;
    memset(&t, 0, sizeof t);
    char **rest;
    int nrest;
    int rc = cli_split_options(argc, argv, opts, &rest, &nrest, timeline_usage);
    free(rest);
    if (rc) return rc;
    const char *lanes = cli_option_value(opts, "--lanes");
    if (lanes && strcmp(lanes, "actors") && strcmp(lanes, "types") && strcmp(lanes, "none")) {
        fprintf(stderr, "chronicle: --lanes is actors, types or none, got '%s'\n", lanes);
        return EXIT_USAGE;
    }
    t.lanes = !lanes || !strcmp(lanes, "actors") ? CHR_LANES_ACTORS : !strcmp(lanes, "types") ? CHR_LANES_TYPES
                                                                                               : CHR_LANES_NONE;
    t.locale = cli_option_value(opts, "--locale");
    t.title = cli_option_value(opts, "--title");
    t.max_lanes = (int)cli_option_number(opts, "--max-lanes");
    t.max_cards = (int)cli_option_number(opts, "--max-cards");
    return draw(argc, argv, opts, timeline_usage, (chr_query **)&t.filter, &t, render_timeline);
}
