/* gv.h - what the images share (private to src/render). */
#ifndef CHR_GV_H
#define CHR_GV_H

#include <stdio.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include "chronicle/render.h"

/* The fonts of every label: Noto Sans Arabic for Arabic (it reads best at
 * 10-14 pt), DejaVu Sans for Latin letters and dates; pango takes the first
 * of the list that has a character's glyph. */
#define CHR_FONT "Noto Sans Arabic,DejaVu Sans"

/* A count in the locale's digits (ar: ٣, en: 3), in a static buffer of
 * one of four rotating slots: use it within one statement. */
const char *gv_num(const char *locale, long n);

/* Whether a UTF-8 string has Arabic letters. */
int gv_arabic(const char *s);

/* A label as Graphviz must get it: bidi controls of the input removed,
 * backslashes doubled (Graphviz reads \n, \N ... in labels), the text in a
 * right-to-left isolate when it has Arabic letters, else a left-to-right one. */
void gv_label(const char *in, char *out, size_t cap);

/* The gazetteer's first Arabic name of an actor (for a state ICU's Arabic
 * display name, for a person the full name) in out; 0 when there is none. */
int gv_arabic_name(const char *canonical, char *out, size_t cap);

/* What a filter selects, in words ("actor Putin, from 2024-01-01, type 04"),
 * and the data's cut-off; "" parts are left out. */
void gv_selection(chr_store *s, const chr_query *q, int ar, char *out, size_t cap);

/* The image's caption (one line, isolated as gv_label does) with a legend
 * under it: one coloured cell per key.  Set as an HTML-like label, every
 * text escaped; each cell holds one run of text, so bidi order is kept. */
typedef struct gv_key { const char *colour, *text; } gv_key;
void gv_caption(Agraph_t *g, const char *caption, const char *note, const gv_key *keys, int nkeys);

/* Opens path for a format (dot, svg, png, pdf) and sets *device; NULL with a
 * message in err when the format is unknown (*device NULL) or the file
 * cannot be written. */
FILE *gv_open(const char *format, const char *path, const char **device, char *err, size_t errcap);

/* Closes and removes a file that will not be written. */
void gv_abandon(FILE *f, const char *path);

/* Collects Graphviz's messages for the next gv_write. */
void gv_begin(void);

/* Lays g out with engine (unless device is "dot") and writes it to f, which
 * it closes; removes path on failure. */
chr_status gv_write(Agraph_t *g, const char *device, const char *engine, FILE *f, const char *path, char *err,
                    size_t errcap);

#endif
