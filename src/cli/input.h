/* input.h - reading articles from files, folders, JSON Lines and stdin
 * (shared by extract and ingest), and records for load. */
#ifndef CHR_INPUT_H
#define CHR_INPUT_H

#include <stddef.h>
#include <stdio.h>
#include "chronicle/doc.h"
#include "chronicle/extract.h"

struct json_object;

/* One article with the memory that holds it. */
typedef struct in_article {
    chr_article a;
    char where[1200];          /* "FILE" or "FILE:LINE", for messages */
    char *mem;                 /* the file or line read */
    size_t rawlen;             /* length of the line in mem */
    int raw;                   /* a JSON line read but not yet parsed */
    struct json_object *json;  /* the parsed line (JSON Lines, json-c), holding the strings of a */
    char *strs[4];             /* owned copies of front-matter strings */
    chr_meta meta;
} in_article;

void in_article_clear(in_article *a);

/* Releases a parsed line (in_article.json); NULL is fine. */
void in_article_json_free(struct json_object *j);

/* A reader over the INPUT arguments: files, folders (recursively, in name
 * order), JSON Lines files (*.jsonl, *.ndjson, or stdin starting with '{')
 * and '-' for stdin. */
typedef struct in_reader in_reader;

in_reader *in_reader_new(char **inputs, int n, int lossy);
void in_reader_free(in_reader *r);

/* Reads the next article into *a (cleared first).  Returns 1 when one was
 * read, 0 at the end, -1 on bad data (invalid JSON, front matter ...) and -2
 * when a file cannot be opened or read; err names the file and line, and
 * reading may continue with the next article. */
int in_reader_next(in_reader *r, in_article *a, char *err, size_t errcap);

/* As in_reader_next, but a JSON line is only read (into a->mem, a->raw
 * set), so that in_article_parse can parse it on another thread.  Returns
 * as in_reader_next. */
int in_reader_next_raw(in_reader *r, in_article *a, char *err, size_t errcap);

/* Parses the line in_reader_next_raw read (nothing to do when a->raw is
 * not set); the article then is as in_reader_next leaves it.  Returns 1, or
 * -1 on bad data with err naming the file and line. */
int in_article_parse(in_article *a, char *err, size_t errcap);

/* The next non-empty line of the JSON Lines record files (for load, which
 * parses it with chr_record_parse): 1 read (*line, *len valid until the
 * next call; where names the file and line), 0 end, -2 a file that cannot
 * be read (named in err). */
int in_reader_next_record(in_reader *r, const char **line, size_t *len, char *where, size_t wcap, char *err,
                          size_t errcap);

/* Total bytes of input read so far. */
size_t in_reader_bytes(const in_reader *r);

#endif
