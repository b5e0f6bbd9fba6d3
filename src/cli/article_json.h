/* article_json.h - an article of a JSON Lines corpus, parsed (the command
 * line's; see article_json.c for why it is apart). */
#ifndef CHR_ARTICLE_JSON_H
#define CHR_ARTICLE_JSON_H

#include <stddef.h>
#include "chronicle/dates.h"

struct json_object;

/* The fields of an article line; strings may be NULL, text is not
 * NUL-terminated where it holds a NUL. */
typedef struct in_json_article {
    const char *id, *url, *source, *title, *lang, *text;
    size_t len;
    chr_date published;        /* y == 0: none given */
} in_json_article;

/* Parses one line (len bytes; id, url, source, published, lang, title,
 * text) into *a, whose strings then live in *hold, to be released with
 * in_article_json_free; a numeric id is written out in *id_copy (the
 * caller frees it).  Returns 1, or -1 with err naming where (the file and
 * line) and what is wrong; *hold may be set even then. */
int in_article_json(const char *line, size_t len, const char *where, struct json_object **hold,
                    in_json_article *a, char **id_copy, char *err, size_t errcap);

void in_article_json_free(struct json_object *j);   /* NULL is fine */

#endif
