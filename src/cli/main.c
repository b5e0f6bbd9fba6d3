/* main.c - the chronicle program: a table of subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

#ifdef CHR_MIMALLOC
#include <mimalloc.h>
#endif

static const cli_command commands[] = {
    {"dates", "find temporal expressions and resolve them to TIMEX3 values", dates_usage, cmd_dates},
    {"extract", "extract dates, actors, statements, treaties and events as JSON Lines", extract_usage, cmd_extract},
    {"load", "store extracted JSON Lines records in the database", load_usage, cmd_load},
    {"ingest", "extract and store articles in one process", ingest_usage, cmd_ingest},
    {"query", "events by actor, date, type, treaty or words", query_usage, cmd_query},
    {"actors", "actors in the database, with aliases and counts", actors_usage, cmd_actors},
    {"show", "everything about one event, with provenance", show_usage, cmd_show},
    {"treaties", "treaties with parties, dates and cited articles", treaties_usage, cmd_treaties},
    {"graph", "the actor graph of the selected events (Graphviz: SVG, PNG, PDF, DOT)", graph_usage, cmd_graph},
    {"timeline", "the selected events on a time axis, by actor or type", timeline_usage, cmd_timeline},
    {"export", "the selected events as CSV, JSON Lines or TimelineJS", export_usage, cmd_export},
    {"report", "a report of the selected events: HTML in one file, or Markdown", report_usage, cmd_report},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: chronicle COMMAND [OPTIONS] [FILE...]\n\n"
               "Turns news articles into a dated record of political events.\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nRun 'chronicle COMMAND --help' for a command's options.\n"
               "Exit status: 0 success, 1 bad input data, 2 usage or file error.\n");
}

/* Memory mimalloc takes from the system from here on is advised to the
 * kernel for 2 MiB pages (transparent huge pages; "madvise" mode, Debian's
 * default, gives them to regions that ask).  Every 4 KiB page a process
 * touches first is a page fault, and a writer's page cache grows to a
 * gigabyte: a quarter of a million faults, each tens of microseconds on a
 * virtual machine.  What was allocated before main() (mimalloc's first
 * segment) keeps small pages; the store gives the first pages SQLite caches
 * a region of their own (pagecache_setup() in src/store/store.c). */
static void allocator_setup(void)
{
#ifdef CHR_MIMALLOC
    mi_option_enable(mi_option_large_os_pages);
#endif
}

int main(int argc, char **argv)
{
    allocator_setup();
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[1], commands[i].name)) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "chronicle: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
