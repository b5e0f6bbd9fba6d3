/* doc.h - an article's envelope: the front-matter block, the publication
 * date (DCT) and the items a page holds.
 *
 * Articles may begin with a YAML-style block:
 *     ---
 *     published: 2024-10-25
 *     lang: ar
 *     ---
 * Only flat `key: value` lines are read; offsets reported for the body are
 * relative to the first byte after the closing line. */
#ifndef CHRONICLE_DOC_H
#define CHRONICLE_DOC_H

#include <stddef.h>
#include <stdint.h>
#include "chronicle/dates.h"
#include "chronicle/status.h"

typedef struct chr_meta {
    chr_date published;     /* y == 0 when absent */
    char lang[8];           /* "" when absent */
    char title[512];
    char source[256];
    char url[1024];
    char id[128];
} chr_meta;

/* Reads a front-matter block at the start of buf[0..len).  On CHR_OK sets
 * *body to the byte offset of the body (0 when there is no block) and fills
 * meta (zeroed first).  On CHR_ERR_ARG (an unclosed block or an invalid
 * `published:` value) writes a message naming the line into err. */
chr_status chr_front_matter(const char *buf, size_t len, chr_meta *meta, size_t *body,
                            char *err, size_t errcap);

/* Looks for a publication line (the seed's "تاريخ النشر: 25th, October 2024 GMT",
 * "Published March 3, 2025") in the first lines of text and returns its date
 * in *dct with the code-point span of the date in *start and *end.  Returns 0 when
 * found, -1 otherwise.  Uses d's buffers: results of an earlier scan on d are
 * invalidated. */
int chr_find_dct(chr_dates *d, const uint32_t *text, size_t n, chr_date *dct,
                 size_t *start, size_t *end);

/* Finds where appended items begin: lines that are only a "read also"
 * marker ("إقرأ أيضاً:", "Related"). Writes up to max code-point offsets (the
 * start of the line after each marker) to starts and returns how many. */
size_t chr_find_items(chr_dates *d, const uint32_t *text, size_t n, size_t *starts, size_t max);

/* The item starts (as chr_find_items gives them) of the text of the last
 * chr_dates_scan on d, found during that scan at no extra cost.  *starts
 * points into d and is valid until the next call on d. */
size_t chr_dates_items(const chr_dates *d, const size_t **starts);

#endif
