/* dates.h - finding temporal expressions and resolving them to TIMEX3.
 *
 * A chr_dates scanner tokenizes a text once, looks every token up in the
 * compiled language tables, recognizes expressions with a small grammar over
 * the tokens and resolves each against an anchor date (the article's
 * publication date).  Resolution is a pure function of the expression, the
 * anchor and the tense of the clause: nothing reads the clock.  Without an
 * anchor, what needs one keeps X placeholders (XXXX-06-18) and is flagged. */
#ifndef CHRONICLE_DATES_H
#define CHRONICLE_DATES_H

#include <stddef.h>
#include <stdint.h>
#include "chronicle/status.h"
#include "chronicle/text.h"

typedef enum { CHR_LANG_AUTO = 0, CHR_LANG_AR, CHR_LANG_EN } chr_lang;

/* A calendar date; y == 0 means "no date". */
typedef struct chr_date { int y, m, d; } chr_date;

typedef enum { CHR_TX_DATE, CHR_TX_TIME, CHR_TX_DURATION, CHR_TX_SET } chr_tx_type;

typedef enum {
    CHR_ROLE_SINGLE, CHR_ROLE_AND, CHR_ROLE_RANGE_START, CHR_ROLE_RANGE_END
} chr_tx_role;

/* One temporal expression.  Offsets are code points into the scanned text. */
typedef struct chr_timex {
    size_t start, end;        /* end exclusive */
    chr_tx_type type;
    char value[48];           /* TIMEX3 value */
    const char *mod;          /* "" or START, MID, END, APPROX, ... (static) */
    const char *granularity;  /* "day", "month", "week", ... (static) */
    int relative;             /* the value depends on the anchor */
    int resolved;             /* relative and an anchor was there to resolve it */
    int group;                /* rows written as one expression share a group */
    chr_tx_role role;
    /* A duration counted from the anchor ("the past three weeks", "الأيام
     * الثلاثة المقبلة") or the rest of a period that holds the anchor ("the
     * rest of the year", "بقية الأسبوع"): the first and last day it covers,
     * YYYY-MM-DD; both "" otherwise.  Before the anchor a duration ends the
     * day before, after it begins the day after; the rest of a period
     * begins on the anchor. */
    char first[12], last[12];
    /* The expression names a thing rather than dating its clause: a year in
     * construct with a noun or before one ("انتخابات 2024", "the 2015
     * nuclear deal").  An event told in that clause is not of that year. */
    int naming;
} chr_timex;

typedef struct chr_dates chr_dates;

/* A new scanner (one per thread), or NULL when memory or ICU fails. */
chr_dates *chr_dates_new(void);
void chr_dates_free(chr_dates *d);   /* NULL is fine */

/* Scans text[0..n) and resolves against anchor (NULL or y == 0: none).
 * On CHR_OK, *out points to *nout expressions in text order, owned by the
 * scanner and valid until the next scan or chr_dates_free.  group numbers
 * continue from the previous scan, so a caller that scans a long document in
 * pieces gets unique groups. */
chr_status chr_dates_scan(chr_dates *d, const uint32_t *text, size_t n, chr_lang lang,
                          const chr_date *anchor, const chr_timex **out, size_t *nout);

/* As chr_dates_scan, over tok: what chr_tokenize made of the same
 * text[0..n).  A caller that tokenizes the text for its own use anyway
 * spares the scanner doing it again.  tok is only read, and only during
 * the call. */
chr_status chr_dates_scan_tokens(chr_dates *d, const uint32_t *text, size_t n, const chr_tokens *tok,
                                 chr_lang lang, const chr_date *anchor, const chr_timex **out,
                                 size_t *nout);

/* The language of a text by its letters: Arabic when Arabic letters are the
 * majority, else English. */
chr_lang chr_lang_detect(const uint32_t *text, size_t n);

/* Parses "YYYY-MM-DD" (and nothing else) into a valid Gregorian date.
 * Returns 0 on success, -1 otherwise. */
int chr_date_parse(const char *s, chr_date *out);

/* The type name: "DATE", "TIME", "DURATION", "SET". */
const char *chr_tx_type_str(chr_tx_type t);
const char *chr_tx_role_str(chr_tx_role r);

/* The message of the last failure of d (static storage in d). */
const char *chr_dates_errmsg(const chr_dates *d);

/* Problems in the compiled language data ("" when none). */
const char *chr_dates_data_problems(void);

#endif
