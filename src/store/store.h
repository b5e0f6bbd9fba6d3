/* store.h - what the store's files share (private). */
#ifndef CHR_STORE_PRIV_H
#define CHR_STORE_PRIV_H

#include <sqlite3.h>
#include "chronicle/store.h"

/* Room for the writer's prepared statements (store.c checks its count). */
#define STORE_STATEMENTS 40

struct chr_store {
    sqlite3 *db;
    char path[512];
    char err[2048];
    sqlite3_stmt *ps[STORE_STATEMENTS];   /* prepared once, by index of SQL in store.c */
    int in_batch;              /* an outer write transaction is open */
    int stale;                 /* read-only, and its schema is older than this program's */
    int whole_groups;          /* CHR_STORE_WHOLE_GROUPS: no savepoint per article */
    struct ckpt *ck;           /* a writer's background checkpointer, or NULL */
    int batch_articles;        /* articles in it */
    int group_articles;        /* commit after this many (chr_store_set_group) */
    double batch_started;      /* monotonic seconds */
    /* full-text rows of the open group, written just before its commit:
     * FTS5 flushes at every savepoint, so per-article inserts would write
     * a segment per article */
    struct fts_row { char *text; const char *kind; int64_t ref; } *fts;
    size_t nfts, ftscap, fts_mark;
    /* event_actor rows of the open group, written sorted just before its
     * commit: the table is keyed by (actor, date), so rows in arrival order
     * land all over it, and once it outgrows the page cache every row costs
     * a page read; sorted, each page is read and written once per group */
    struct ea_row { int64_t event, part, actor; const char *role; char sort[32]; } *ea;
    size_t nea, eacap, ea_mark;
    /* mention counts of the open group's articles, added to actor.mentions
     * just before its commit */
    struct mc_row { int64_t actor, count; } *mc;
    size_t nmc, mccap, mc_mark;
    int64_t part;              /* the part the open group writes events to */
    int64_t part_added, part_mark;   /* new events in it, and at the article's start */
    /* actor name -> row id, for names seen in this session (cleared when an
     * article is rolled back, since its new actors go with it) */
    struct { const char *sql; sqlite3_stmt *st; } qc[24];   /* query.c's statements */
    int nqc;
    char cameo[8];
    struct actor_slot { char *name; int64_t id; } *acache;
    size_t acap, aused;
};

/* Sets s->err from the database's message, prefixed with what failed. */
chr_status chr_store_fail(chr_store *s, const char *what);

#endif
