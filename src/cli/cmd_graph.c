/* cmd_graph.c - `chronicle graph`: the actors of the selected events and
 * their interactions, drawn through Graphviz. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/chronicle.h"
#include "cli.h"

const char graph_usage[] =
    "usage: chronicle graph [--db PATH] [filters as in query] [--center NAME [--depth N]]\n"
    "                       [--min-weight N] [--top K] [--locale ar|en] [--title TEXT]\n"
    "                       [--layout neato|sfdp|dot|circo] [--format dot|svg|png|pdf] -o FILE\n\n"
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

static const char *ext_format(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && dot[1] ? dot + 1 : "";
}

int cmd_graph(int argc, char **argv)
{
    chr_graph_opts g;
    memset(&g, 0, sizeof g);
    const char *out = NULL, *format = NULL;
    char **rest = calloc((size_t)argc + 1, sizeof *rest);
    if (!rest) return EXIT_USAGE;
    int nrest = 0;
    rest[nrest++] = argv[0];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        int num = !strcmp(a, "--depth") || !strcmp(a, "--min-weight") || !strcmp(a, "--top");
        int str = !strcmp(a, "-o") || !strcmp(a, "--center") || !strcmp(a, "--locale") || !strcmp(a, "--title") ||
                  !strcmp(a, "--layout") || !strcmp(a, "--format");
        if (!num && !str) {
            rest[nrest++] = argv[i];
            continue;
        }
        if (!v) {
            fprintf(stderr, "chronicle: missing value after %s\n%s", a, graph_usage);
            free(rest);
            return EXIT_USAGE;
        }
        i++;
        if (num) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 0 || n > 1000000) {
                fprintf(stderr, "chronicle: %s needs a number, got '%s'\n", a, v);
                free(rest);
                return EXIT_USAGE;
            }
            if (a[2] == 'd') g.depth = (int)n;
            else if (a[2] == 'm') g.min_weight = (int)n;
            else g.top = (int)n;
        } else if (!strcmp(a, "-o")) out = v;
        else if (!strcmp(a, "--center")) g.center = v;
        else if (!strcmp(a, "--locale")) g.locale = v;
        else if (!strcmp(a, "--title")) g.title = v;
        else if (!strcmp(a, "--layout")) g.layout = v;
        else format = v;
    }
    qopts o;
    int rc = cli_parse_filters(nrest, rest, &o, graph_usage);
    free(rest);
    if (rc) {
        free(o.actors);
        return rc < 0 ? EXIT_OK : rc;
    }
    if (o.id || !out) {
        free(o.actors);
        fprintf(stderr, "chronicle: %s\n%s", o.id ? "unexpected argument" : "-o FILE is needed", graph_usage);
        return EXIT_USAGE;
    }
    if (!format) format = ext_format(out);
    if (g.layout && strcmp(g.layout, "neato") && strcmp(g.layout, "sfdp") && strcmp(g.layout, "dot") &&
        strcmp(g.layout, "circo") && strcmp(g.layout, "fdp")) {
        free(o.actors);
        fprintf(stderr, "chronicle: --layout is neato, sfdp, fdp, dot or circo, got '%s'\n", g.layout);
        return EXIT_USAGE;
    }
    chr_store *s = cli_open_ro(o.db);
    if (!s) {
        free(o.actors);
        return EXIT_USAGE;
    }
    g.filter = &o.q;
    char err[1200];
    chr_status st = chr_render_graph(s, &g, format, out, err, sizeof err);
    if (st != CHR_OK) {
        fprintf(stderr, "chronicle: %s\n", err);
        rc = st == CHR_ERR_ARG ? EXIT_DATA : EXIT_USAGE;
        if (st == CHR_ERR_ARG && strstr(err, "unknown output format")) rc = EXIT_USAGE;
    }
    chr_store_close(s);
    free(o.actors);
    return rc;
}
