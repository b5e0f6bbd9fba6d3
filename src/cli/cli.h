/* cli.h - what the subcommands of the chronicle program share. */
#ifndef CHR_CLI_H
#define CHR_CLI_H

#include <stdio.h>

#include "chronicle/store.h"

/* Exit codes of every subcommand. */
enum {
    EXIT_OK = 0,
    EXIT_DATA = 1,     /* bad input data: invalid UTF-8, binary file, bad front matter */
    EXIT_USAGE = 2     /* bad arguments, or a file that cannot be opened or read */
};

typedef struct cli_command {
    const char *name;
    const char *summary;
    const char *usage;
    int (*run)(int argc, char **argv);
} cli_command;

/* The options of the commands that select events (query, graph): the
 * database, the filters of chr_query, and what each command adds. */
typedef struct qopts {
    const char *db;
    int format;
    chr_query q;
    const char **actors;       /* owned: free() it */
    const char *like;
    const char *id;
} qopts;

/* Parses the filter options of argv[1..argc) into *o.  Returns 0, -1 after
 * --help (printed), or EXIT_USAGE after a message. */
int cli_parse_filters(int argc, char **argv, qopts *o, const char *usage);

/* An option a command takes besides the filters of chr_query. */
typedef struct cli_option {
    const char *name;          /* "-o", "--title"; NULL ends a table */
    int kind;                  /* CLI_VALUE, CLI_NUMBER or CLI_FLAG */
    const char *value;         /* set when given: its value (a flag: its name) */
    long n;                    /* the value of a CLI_NUMBER */
} cli_option;

enum {
    CLI_VALUE,                 /* takes the next argument */
    CLI_NUMBER,                /* takes a number from 0 to 1000000 */
    CLI_FLAG                   /* takes nothing */
};

/* Takes the options of opts (a table ended by a NULL name) out of
 * argv[1..argc), setting their values; the other arguments, argv[0] first,
 * go to *rest (allocated: free() it), their count to *nrest, ready for
 * cli_parse_filters.  Returns 0, or EXIT_USAGE with *rest NULL after a
 * message. */
int cli_split_options(int argc, char **argv, cli_option *opts, char ***rest, int *nrest, const char *usage);

/* The value of the option name in opts, or NULL when it was not given. */
const char *cli_option_value(const cli_option *opts, const char *name);

/* The number of the CLI_NUMBER option name in opts, or 0 when it was not given. */
long cli_option_number(const cli_option *opts, const char *name);

/* The first day of an event's date object: its start when it is a range,
 * else its value ("" when it has neither).  Owned by the object. */
const char *cli_date_start(json_t *date);

/* The database at path, read-only, or NULL after a message. */
chr_store *cli_open_ro(const char *path);

int cmd_dates(int argc, char **argv);
int cmd_graph(int argc, char **argv);
int cmd_timeline(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_actors(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_treaties(int argc, char **argv);

extern const char dates_usage[], extract_usage[], load_usage[], ingest_usage[], query_usage[],
    actors_usage[], show_usage[], treaties_usage[], graph_usage[], timeline_usage[], export_usage[], report_usage[];

#endif
