/* render.h - images of the database through Graphviz.
 *
 * The actor graph: actors as nodes (shape and colour by kind, size by number
 * of events), edges aggregating their interactions (width by count, colour
 * by cooperation or conflict after CAMEO's quad classes, an arrow from
 * source to target, dashed from a person to the state it serves).  Output
 * is DOT (the graph before layout, nodes and edges in a stable order, for
 * tests and for other tools), or SVG, PNG or PDF rendered with cairo and
 * pango, which shape Arabic; Arabic labels are wrapped in bidi isolates so
 * that SVG viewers order them right.  Every name is escaped: no label can
 * change the graph.  Graphviz is not thread-safe: render from one thread. */
#ifndef CHRONICLE_RENDER_H
#define CHRONICLE_RENDER_H

#include <stddef.h>
#include "chronicle/status.h"
#include "chronicle/store.h"

typedef struct chr_graph_opts {
    const chr_query *filter;   /* which events (as `chronicle query`) */
    const char *center;        /* only actors within depth edges of this one (NULL: all) */
    int depth;                 /* with center; 1 when 0 */
    int min_weight;            /* drop edges with fewer events (default 1) */
    int top;                   /* keep the top most active actors (0: all) */
    const char *locale;        /* "ar": Arabic names and right-to-left captions; else English */
    const char *title;         /* NULL: none */
    const char *layout;        /* NULL: neato for small graphs, sfdp for large ones */
} chr_graph_opts;

/* Writes the actor graph of the events o->filter selects to path, in format
 * "dot", "svg", "png" or "pdf".  Returns CHR_OK; CHR_ERR_ARG with a message
 * in err when nothing matches, the format is unknown or the centre actor is
 * unknown; CHR_ERR_IO when path cannot be written or Graphviz lacks the
 * cairo renderer (the message says how to fix it). */
chr_status chr_render_graph(chr_store *s, const chr_graph_opts *o, const char *format, const char *path,
                            char *err, size_t errcap);

typedef enum { CHR_LANES_ACTORS, CHR_LANES_TYPES, CHR_LANES_NONE } chr_lanes;

typedef struct chr_timeline_opts {
    const chr_query *filter;   /* which events */
    chr_lanes lanes;           /* one lane per actor (the most active), per PLOVER category, or one */
    int max_lanes;             /* 0: 8 */
    const char *locale;        /* ICU locale of dates and names ("ar-SY", "en"); Arabic mirrors the axis */
    const char *title;         /* NULL: none */
    int max_cards;             /* above this many events, cards count events per period (0: 150) */
} chr_timeline_opts;

/* Writes a timeline of the events o->filter selects to path: a time axis
 * proportional to real time with ticks in the locale's calendar words, one
 * lane per actor or type, events as cards that never overlap (staggered,
 * with a leader line to their date), ranges drawn as spans, events dated only
 * by their report marked so, undated ones left off the axis and counted in
 * the caption.  Formats and errors as chr_render_graph. */
chr_status chr_render_timeline(chr_store *s, const chr_timeline_opts *o, const char *format, const char *path,
                               char *err, size_t errcap);

/* An ISO date (2024-06-18, 2024-06 or 2024) in the words of an ICU locale
 * ("18 حزيران ٢٠٢٤", "June 18, 2024") in out; "" when it is not such a date. */
void chr_render_date_words(const char *locale, const char *iso, char *out, size_t cap);

/* The same for many dates: the ICU formatters of one locale, opened on first
 * use and kept until chr_date_words_free (opening one costs far more than
 * formatting a date).  One caller at a time. */
typedef struct chr_date_words chr_date_words;
chr_date_words *chr_date_words_new(const char *locale);      /* NULL: out of memory */
void chr_date_words_format(chr_date_words *w, const char *iso, char *out, size_t cap);
void chr_date_words_free(chr_date_words *w);                 /* NULL is fine */

/* The formats chr_render_graph writes, as one string ("dot, svg, png, pdf"). */
const char *chr_render_formats(void);

#endif
