/* record.h - everything extracted from one article, as C structures.
 *
 * chr_extract fills a chr_record; chr_store_load stores one; `chronicle
 * extract` prints it as one JSON line (chr_record_write, described by
 * schemas/extract.schema.json) and `chronicle load` reads such a line back
 * (chr_record_parse).  In one process (`chronicle ingest`) no JSON is
 * built at all: a record is a few arrays and the strings they point to, all
 * in one arena that chr_record_free releases at once.
 *
 * Absent values: a NULL string is JSON null; an integer field that JSON
 * left out or gave another type is CHR_REC_NONE (only records read from
 * JSON have them: the store refuses or stores NULL, as its schema says). */
#ifndef CHRONICLE_RECORD_H
#define CHRONICLE_RECORD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "chronicle/status.h"

#define CHR_REC_NONE INT64_MIN

typedef struct chr_rec_span { int64_t start, end; const char *text; } chr_rec_span;

typedef struct chr_rec_article {
    const char *id, *url, *source, *title, *published, *dct_basis, *lang, *path, *hash;
    int64_t chars;
    const char *source_actor;      /* the medium that published it, an actor's name */
} chr_rec_article;

/* A part of the page with its own publication date: the article, then each
 * appended item ("اقرأ أيضاً"). */
typedef struct chr_rec_item { int64_t index, start, end; const char *dct; } chr_rec_item;

typedef struct chr_rec_timex {
    chr_rec_span span;
    const char *type, *value, *mod;
    const char *first, *last;      /* the days a duration covers; NULL: none */
    int64_t item;
} chr_rec_timex;

typedef struct chr_rec_actor {
    const char *name, *kind, *country, *affiliation, *roles, *origin, *title;
    const char **aliases;
    size_t naliases;
} chr_rec_actor;

typedef struct chr_rec_mention { chr_rec_span span; const char *actor, *as; int64_t item; } chr_rec_mention;

typedef struct chr_rec_tarticle { chr_rec_span span; int64_t number; } chr_rec_tarticle;

typedef struct chr_rec_treaty {
    const char *name, *kind;
    const char **parties;          /* actors' names */
    size_t nparties;
    const char *organisation;
    chr_rec_span *mentions;
    size_t nmentions;
    chr_rec_tarticle *articles;    /* its articles referred to: "المادة الرابعة" */
    size_t narticles;
    int64_t item;
    const char *key;               /* what makes two articles' treaties one */
} chr_rec_treaty;

typedef struct chr_rec_statement {
    const char *speaker, *verb;
    chr_rec_span words;
    int quoted, negated;           /* 0 or 1; -1: absent */
    const char *medium, *medium_actor;
    const char **reported_by;      /* the chain, nearest first */
    size_t nreported_by;
    int64_t item;
    chr_rec_span evidence;
} chr_rec_statement;

typedef struct chr_rec_date {
    const char *value, *start, *end, *granularity, *basis;
    int relative;                  /* 0 or 1; -1: absent (a date not from the text) */
    const char *mod;               /* NULL: absent */
    int has_timex;
    chr_rec_span timex;            /* the expression it comes from, if has_timex */
} chr_rec_date;

typedef struct chr_rec_role { const char *name, *role, *kind; } chr_rec_role;

typedef struct chr_rec_event {
    const char *type, *cameo, *plover;
    int64_t item;
    chr_rec_span trigger;
    chr_rec_role *actors;
    size_t nactors;
    const char *location;
    int64_t treaty;                /* index into the record's treaties; -1: none */
    int64_t *statements;           /* indexes into the record's statements */
    size_t nstatements;
    chr_rec_date date;
    chr_rec_span evidence;
    int64_t key;                   /* its identity in a database (chr_store_prepare) */
} chr_rec_event;

/* The mentions of one actor in one item, as a database keeps them
 * (chr_store_prepare). */
typedef struct chr_rec_mgroup {
    const char *actor;
    int64_t item, count;
    const char *spans;             /* "start-end start-end ..." */
    const char *text;              /* the first mention's text */
} chr_rec_mgroup;

typedef struct chr_arena chr_arena;

typedef struct chr_record {
    chr_rec_article article;
    chr_rec_item *items;
    size_t nitems;
    chr_rec_timex *timexes;
    size_t ntimexes;
    chr_rec_actor *actors;
    size_t nactors;
    chr_rec_mention *mentions;
    size_t nmentions;
    chr_rec_treaty *treaties;
    size_t ntreaties;
    chr_rec_statement *statements;
    size_t nstatements;
    chr_rec_event *events;
    size_t nevents;
    /* filled by chr_store_prepare: */
    int prepared;
    chr_rec_mgroup *mgroups;
    size_t nmgroups;
    chr_arena *arena;              /* owns every array and string above */
} chr_record;

void chr_record_free(chr_record *r);   /* NULL is fine */

/* Writes r as one line of JSON and a newline, with one write.  Returns 0,
 * or -1 when memory ran out or writing failed. */
int chr_record_write(FILE *f, const chr_record *r);

/* The record that json[0..len) describes: one line of `chronicle extract`
 * (strict JSON, UTF-8).  On CHR_OK *out is the caller's (chr_record_free).
 * Text that is not JSON (err says at which column), not an object where one
 * is needed, or lacks article.hash or article.chars, is refused: CHR_ERR_ARG
 * and a message in err.  Fields of another type than the schema's are read
 * as absent. */
chr_status chr_record_parse(const char *json, size_t len, chr_record **out, char *err, size_t errcap);

/* json[0..len) as one JSON object, the way every JSON input is read (json-c:
 * strict JSON, UTF-8 checked, nothing after the object but blanks), into
 * *out, which the caller releases with json-c's json_object_put.  Returns
 * CHR_OK; CHR_ERR_ARG for input that is no JSON object ("invalid JSON at
 * column N: ...", "expected a JSON object" in err) or CHR_ERR_NOMEM, with
 * *out NULL. */
struct json_object;
chr_status chr_json_parse_object(const char *json, size_t len, struct json_object **out, char *err, size_t errcap);

/* Writes n bytes of s as the inside of a JSON string: the escapes of all
 * Chronicle's JSON output (UTF-8 kept, control characters escaped). */
void chr_json_put_string(FILE *f, const char *s, size_t n);

/* ---- building a record (for the extractor and the JSON reader) ---- */

chr_record *chr_record_new(void);
/* size bytes of the record's arena, zeroed; NULL when memory fails, which
 * chr_record_failed then tells */
void *chr_record_alloc(chr_record *r, size_t size);
/* a copy of s (NULL stays NULL); NULL when memory fails */
const char *chr_record_str(chr_record *r, const char *s);
const char *chr_record_strn(chr_record *r, const char *s, size_t n);
int chr_record_failed(const chr_record *r);

#endif
