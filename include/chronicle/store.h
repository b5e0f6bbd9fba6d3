/* store.h - the SQLite database of articles, actors, statements, treaties
 * and events.
 *
 * The schema is schemas/chronicle-N.sql, compiled into the library; opening
 * a database applies the migrations it lacks (PRAGMA user_version counts
 * them) in one transaction.  Foreign keys are on and the journal is WAL.
 * Each article is loaded atomically (a savepoint; commits are grouped), so
 * an interrupted run leaves every article either wholly stored or absent,
 * and loading an article already stored (same SHA-256 of url and text)
 * changes nothing.
 * All SQL is prepared with bound parameters: names and text are data. */
#ifndef CHRONICLE_STORE_H
#define CHRONICLE_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>
#include "chronicle/status.h"
#include "chronicle/record.h"

typedef struct chr_store chr_store;

/* CHR_STORE_WHOLE_GROUPS: for a caller that stops at the first record it
 * cannot store (chronicle ingest, whose records come from this library).
 * Such a failure then rolls back the whole uncommitted group, not only the
 * failing record; in exchange no record is wrapped in a savepoint of its
 * own, which costs a copy of every page the record touches (a tenth of the
 * writer's time).  No record is ever stored in part either way. */
enum { CHR_STORE_READONLY = 1, CHR_STORE_CREATE = 2, CHR_STORE_WHOLE_GROUPS = 4 };

/* Opens (with CHR_STORE_CREATE: creates) the database at path.  On failure
 * returns a status and writes a message naming the path into err; *out is
 * NULL.  A database busy in another process is waited for up to 10 s. */
chr_status chr_store_open(const char *path, int flags, chr_store **out, char *err, size_t errcap);
void chr_store_close(chr_store *s);   /* NULL is fine */

const char *chr_store_errmsg(const chr_store *s);

/* Stores one record of chr_extract, atomically: *added is 1 when the
 * article was new, 0 when it was already there (nothing changed).  On error
 * nothing of the record is stored and the records before it are kept (with
 * CHR_STORE_WHOLE_GROUPS: those committed before it are kept, the rest of
 * its group is not stored and the message says so).
 * Records are committed in groups (at most 50,000 articles or 60 seconds of
 * work); chr_store_flush and chr_store_close commit what is pending. */
chr_status chr_store_load(chr_store *s, chr_record *record, int *added);

/* Computes what storing a record needs that depends on the record alone:
 * each event's identity key, the mentions grouped by actor.  It touches no
 * database, so extraction threads can do it and leave the one writer less
 * to do; chr_store_load does it for a record not prepared.  CHR_ERR_NOMEM
 * when memory fails. */
chr_status chr_store_prepare(chr_record *record);

/* Commits the records loaded so far. */
chr_status chr_store_flush(chr_store *s);

/* Commits every `articles` articles (at least 1) from the next group on,
 * instead of every 50,000, and still at least once a minute: smaller groups
 * make new articles visible to readers sooner and lose less to a crash,
 * larger ones write each index page fewer times. */
void chr_store_set_group(chr_store *s, int articles);

typedef struct chr_store_counts {
    int64_t articles, events, actors, statements, treaties, mentions;
} chr_store_counts;

chr_status chr_store_counts_get(chr_store *s, chr_store_counts *c);

/* The folded key of a name as stored in alias.key and used by queries:
 * case, diacritics (any script), Arabic letter variants and tatweel
 * ignored.  Returns the length, or -1 when it did not fit in cap. */
int chr_store_key(const char *name, char *out, size_t cap);

/* ---- queries ---- */

typedef struct chr_query {
    const char *const *actors;   /* each: any alias in any language */
    size_t nactors;
    const char *with;            /* another actor of the same event */
    const char *from, *to;       /* ISO dates, inclusive */
    const char *type;            /* a CAMEO code prefix or a word of the type */
    const char *treaty;          /* words of a treaty's name */
    const char *text;            /* full-text search of statements and evidence */
    int affiliated;              /* --actor STATE includes that state's people */
    int64_t limit;               /* 0: no limit */
} chr_query;

/* Calls fn with each matching event as a JSON object (the format of
 * `query --format json`, see schemas/query.schema.json), ordered by date
 * then id; fn returns non-zero to stop.  The object is released after fn
 * returns.  CHR_ERR_ARG when an --actor or --with names no known actor
 * (the message says which). */
chr_status chr_store_query(chr_store *s, const chr_query *q, int (*fn)(json_t *ev, void *ctx), void *ctx);

/* As chr_store_query, giving each event's id only (fn returns non-zero to
 * stop): for programs that read the events themselves. */
chr_status chr_store_query_ids(chr_store *s, const chr_query *q, int (*fn)(int64_t id, void *ctx), void *ctx);

/* The ids of the actors a name denotes (any alias, any language): writes up
 * to max, returns how many (0 when none). */
size_t chr_store_actor_ids(chr_store *s, const char *name, int64_t *ids, size_t max);

/* An actor of an event.  Strings belong to the store and are valid during
 * the callback only. */
typedef struct chr_event_actor {
    int64_t id;
    const char *name, *kind, *role, *affiliation;
    const char *country;       /* ISO 3166 alpha-2, or "" when unknown */
} chr_event_actor;

/* Calls fn with each actor of an event, sets *cameo to its CAMEO code
 * (valid until the next call on s).  CHR_ERR_ARG when there is no event. */
chr_status chr_store_event_actors(chr_store *s, int64_t event, const char **cameo,
                                  int (*fn)(const chr_event_actor *a, void *ctx), void *ctx);

/* The latest publication date of the articles stored (the data's cut-off),
 * as YYYY-MM-DD in out[11], or "" when none has one. */
chr_status chr_store_latest(chr_store *s, char out[11]);

/* The longest name of an actor in a script ("ar"), or "" when it has none. */
chr_status chr_store_actor_label(chr_store *s, int64_t actor, const char *script, char *out, size_t cap);

/* The event with this id as JSON, with every source, statement and treaty
 * in full, or NULL when there is none. */
json_t *chr_store_event(chr_store *s, int64_t id);

/* Actors whose name or alias contains like (NULL: all), with counts of
 * events and mentions.  Calls fn per actor. */
chr_status chr_store_actors(chr_store *s, const char *like, int (*fn)(json_t *a, void *ctx), void *ctx);

/* Treaties with parties, cited articles and the events that mention them. */
chr_status chr_store_treaties(chr_store *s, int (*fn)(json_t *t, void *ctx), void *ctx);

#endif
