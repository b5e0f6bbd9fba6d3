/* extract.h - everything Chronicle reads out of one article.
 *
 * An extractor takes an article (its text and envelope) and returns one
 * record (record.h), the one that `chronicle extract` prints as JSON and
 * `chronicle load` stores (schemas/extract.schema.json): the article's items and
 * their publication dates, the temporal expressions, the actors mentioned,
 * statements with speaker, medium and reporting chain, treaties with their
 * parties and articles, and events coded with CAMEO and PLOVER, each with
 * the sentence it came from.  Extraction is a pure function of the article:
 * no clock, no database, so it can run in any number of threads or
 * processes. */
#ifndef CHRONICLE_EXTRACT_H
#define CHRONICLE_EXTRACT_H

#include <stddef.h>
#include "chronicle/dates.h"
#include "chronicle/record.h"
#include "chronicle/status.h"

/* An article as read from a file or a JSON Lines corpus.  Strings may be
 * NULL; text need not be NUL-terminated. */
typedef struct chr_article {
    const char *id, *url, *source, *title, *lang, *path;
    chr_date published;        /* y == 0: unknown (a publication line may give it) */
    const char *text;          /* UTF-8 body, after any front matter */
    size_t len;
    int lossy;                 /* replace invalid UTF-8 instead of failing */
} chr_article;

typedef struct chr_extractor chr_extractor;

/* A new extractor (one per thread), or NULL when memory, ICU or the compiled
 * data fail (chr_extract_data_problems() says why). */
chr_extractor *chr_extractor_new(void);
void chr_extractor_free(chr_extractor *x);   /* NULL is fine */

/* Extracts one article.  On CHR_OK *out is a new record the caller
 * releases with chr_record_free.  On failure (CHR_ERR_UTF8 and CHR_ERR_BINARY
 * name the byte offset) the message is in chr_extractor_errmsg. */
chr_status chr_extract(chr_extractor *x, const chr_article *a, chr_record **out);

const char *chr_extractor_errmsg(const chr_extractor *x);

/* Problems in the compiled actor and event data ("" when none). */
const char *chr_extract_data_problems(void);

/* The SHA-256 of an article's identity (url, then a NUL, then the text) as
 * 64 hex digits in out[65]: the key that makes re-ingesting a no-op. */
void chr_article_hash(const chr_article *a, char out[65]);

#endif
