/* timeline.c - events on a time axis.
 *
 * Positions are computed here and pinned (Graphviz only draws): x from the
 * date, proportional to real time; y from the lane and, inside a lane, from
 * the first row where the card does not overlap the one before it.  Each
 * card has a leader line to its date on the lane's axis.  With an Arabic
 * locale the axis runs right to left and lane labels sit on the right. */
#include "chronicle/render.h"
#include "gv.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/udatpg.h>
#include <unicode/ustring.h>

#define AXIS_W 1400.0          /* points */
#define CARD_W 190.0
#define CARD_H 46.0
#define ROW_H 56.0
#define LANE_GAP 30.0

/* Okabe-Ito colours for PLOVER categories, in a fixed order. */
static const char *const palette[] = {"#56B4E9", "#E69F00", "#009E73", "#F0E442", "#0072B2",
                                      "#D55E00", "#CC79A7", "#999999"};

typedef struct tev {
    int64_t id;
    double d0, d1;             /* days since 1970-01-01 */
    char start[16], end[16];
    char cameo[8], type[64], plover[16];
    char excerpt[160];         /* a statement's words, shortened */
    int reported;
    char lane[256];
    int count;                 /* > 1: an aggregated card */
    double x, y;
} tev;

/* ---- dates --------------------------------------------------------------- */

static double days_of(int y, int m, int d)
{
    /* days from 1970-01-01 (proleptic Gregorian), by the usual shifted-year count */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (double)(era * 146097 + doe - 719468);
}

/* The first and last day of a TIMEX3 value (2024-06-18, 2024-06, 2024,
 * 2024-W42, 2024-Q1, 2024-H2); -1 when it names no period of the calendar. */
static int span_of(const char *v, double *d0, double *d1)
{
    int y, m, d, w;
    char c;
    if (sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
        *d0 = *d1 = days_of(y, m, d);
        return 0;
    }
    if (sscanf(v, "%4d-W%2d", &y, &w) == 2 && w >= 1 && w <= 53) {
        double jan4 = days_of(y, 1, 4);
        double wd = fmod(jan4 + 3.0, 7.0);          /* 1970-01-01 was a Thursday: 0 = Monday */
        if (wd < 0) wd += 7;
        *d0 = jan4 - wd + (w - 1) * 7.0;
        *d1 = *d0 + 6;
        return 0;
    }
    if (sscanf(v, "%4d-Q%1d", &y, &w) == 2 && w >= 1 && w <= 4) {
        *d0 = days_of(y, 3 * w - 2, 1);
        *d1 = (w == 4 ? days_of(y + 1, 1, 1) : days_of(y, 3 * w + 1, 1)) - 1;
        return 0;
    }
    if (sscanf(v, "%4d-H%1d", &y, &w) == 2 && (w == 1 || w == 2)) {
        *d0 = days_of(y, w == 1 ? 1 : 7, 1);
        *d1 = (w == 1 ? days_of(y, 7, 1) : days_of(y + 1, 1, 1)) - 1;
        return 0;
    }
    if (sscanf(v, "%4d-%2d%c", &y, &m, &c) == 2 && m >= 1 && m <= 12) {
        *d0 = days_of(y, m, 1);
        *d1 = (m == 12 ? days_of(y + 1, 1, 1) : days_of(y, m + 1, 1)) - 1;
        return 0;
    }
    if (strlen(v) == 4 && sscanf(v, "%4d", &y) == 1) {
        *d0 = days_of(y, 1, 1);
        *d1 = days_of(y + 1, 1, 1) - 1;
        return 0;
    }
    return -1;
}

/* Date formatters by locale and skeleton.  Opening a pattern generator and
 * a formatter costs far more than formatting a date, and a timeline formats
 * two or three dates per card with the same few skeletons, so a render keeps
 * the formatters it opens here and closes them at its end (dw_free).  A
 * formatter changes its calendar while it formats: a cache belongs to one
 * render, and rendering is single-threaded. */
#define DW_MAX 8

typedef struct dw_cache {
    struct {
        char locale[64], skeleton[16];
        UDateFormat *f;        /* NULL: ICU could not open it */
    } e[DW_MAX];
    int n;
} dw_cache;

/* A formatter of skeleton in locale, in UTC, or NULL; the caller closes it. */
static UDateFormat *dw_open(const char *locale, const char *skeleton)
{
    UErrorCode e = U_ZERO_ERROR;
    UChar sk[32], pat[64], tz[8];
    u_uastrcpy(sk, skeleton);
    u_uastrcpy(tz, "UTC");
    UDateTimePatternGenerator *g = udatpg_open(locale, &e);
    int32_t n = udatpg_getBestPattern(g, sk, -1, pat, 64, &e);
    UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, tz, -1, pat, n, &e);
    udatpg_close(g);
    if (U_FAILURE(e)) {
        udat_close(f);
        return NULL;
    }
    return f;
}

/* The formatter of skeleton in locale from c (NULL: no cache), opened on
 * first use.  *owned is set when c has no room for it: the caller closes it. */
static UDateFormat *dw_get(dw_cache *c, const char *locale, const char *skeleton, int *owned)
{
    *owned = 0;
    for (int i = 0; c && i < c->n; i++)
        if (!strcmp(c->e[i].locale, locale) && !strcmp(c->e[i].skeleton, skeleton)) return c->e[i].f;
    UDateFormat *f = dw_open(locale, skeleton);
    if (!c || c->n == DW_MAX || strlen(locale) >= sizeof c->e[0].locale ||
        strlen(skeleton) >= sizeof c->e[0].skeleton) {
        *owned = 1;
        return f;
    }
    snprintf(c->e[c->n].locale, sizeof c->e[0].locale, "%s", locale);
    snprintf(c->e[c->n].skeleton, sizeof c->e[0].skeleton, "%s", skeleton);
    c->e[c->n++].f = f;
    return f;
}

static void dw_free(dw_cache *c)
{
    for (int i = 0; i < c->n; i++) udat_close(c->e[i].f);
    c->n = 0;
}

/* A date in the locale's words (ICU): "حزيران ٢٠٢٤", "June 2024", "18 June
 * 2024"; "" when ICU cannot say it.  c: the render's formatters, or NULL. */
static void date_words(dw_cache *c, const char *locale, double day, const char *skeleton, char *out, size_t cap)
{
    UErrorCode e = U_ZERO_ERROR;
    UChar res[128];
    int owned;
    UDateFormat *f = dw_get(c, locale, skeleton, &owned);
    out[0] = 0;
    if (!f) return;
    int32_t l = udat_format(f, day * 86400000.0, res, 128, NULL, &e);
    if (U_SUCCESS(e)) u_strToUTF8(out, (int32_t)cap, NULL, res, l, &e);
    if (owned) udat_close(f);
}

/* ---- the scale: days to x, with long empty stretches cut --------------------- */

#define MAX_CUTS 8

typedef struct scale {
    double lo, hi;
    double c0[MAX_CUTS], c1[MAX_CUTS];   /* cut stretches, in days */
    int ncut;
    double cutw;               /* the days a cut still occupies on the axis */
    double total;              /* the days the axis shows */
    int ar;                    /* right to left */
} scale;

/* Days after lo as the axis shows them: a cut stretch counts cutw days. */
static double shown(const scale *sc, double d)
{
    double v = d - sc->lo;
    for (int i = 0; i < sc->ncut; i++) {
        if (d >= sc->c1[i]) v -= (sc->c1[i] - sc->c0[i]) - sc->cutw;
        else if (d > sc->c0[i]) v -= (d - sc->c0[i]) * (1 - sc->cutw / (sc->c1[i] - sc->c0[i]));
    }
    return v;
}

static double sx(const scale *sc, double d)
{
    double x = shown(sc, d) / sc->total * AXIS_W;
    return sc->ar ? AXIS_W - x : x;
}

static int in_cut(const scale *sc, double d)
{
    for (int i = 0; i < sc->ncut; i++)
        if (d > sc->c0[i] && d < sc->c1[i]) return 1;
    return 0;
}

static int cmp_days(const void *p, const void *q)
{
    double a = *(const double *)p, b = *(const double *)q;
    return (a > b) - (a < b);
}

/* Cuts every empty stretch longer than a quarter of the span (and than two
 * months), keeping a little of each side, unless what remains is too short
 * to read (under two months). */
static void make_scale(scale *sc, const tev *v, size_t n, double lo, double hi, int ar)
{
    memset(sc, 0, sizeof *sc);
    sc->lo = lo;
    sc->hi = hi;
    sc->ar = ar;
    double span = hi - lo;
    double *days = malloc(2 * n * sizeof *days);
    if (days) {
        for (size_t i = 0; i < n; i++) {
            days[2 * i] = v[i].d0;
            days[2 * i + 1] = v[i].d1;
        }
        qsort(days, 2 * n, sizeof *days, cmp_days);
        double pad = span * 0.02;
        for (size_t i = 1; i < 2 * n && sc->ncut < MAX_CUTS; i++)
            if (days[i] - days[i - 1] > span / 4 && days[i] - days[i - 1] > 62) {
                sc->c0[sc->ncut] = days[i - 1] + pad;
                sc->c1[sc->ncut] = days[i] - pad;
                sc->ncut++;
            }
        free(days);
    }
    double cut = 0;
    for (int i = 0; i < sc->ncut; i++) cut += sc->c1[i] - sc->c0[i];
    /* a few dates far apart keep a true scale: cutting would stretch a
     * two-day visit over half the axis */
    if (span - cut < 60) {
        sc->ncut = 0;
        cut = 0;
    }
    sc->cutw = (span - cut) * 0.03 + 1;
    sc->total = span - cut + sc->ncut * sc->cutw;
}

/* ---- reading the events ------------------------------------------------------ */

typedef struct tl {
    chr_store *s;
    const chr_timeline_opts *o;
    tev *v; size_t n, cap;
    int undated;
    int64_t want[64];          /* the actors the filter names: their lanes come first */
    size_t nwant;
    dw_cache words;            /* the date formatters of this render */
    char err[256];
} tl;

static const char *js(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : "";
}

static int wanted_lane(const chr_event_actor *a, void *ctx)
{
    tl *t = ctx;
    for (size_t i = 0; i < t->nwant; i++)
        if (t->want[i] == a->id) {
            snprintf(t->v[t->n - 1].lane, sizeof t->v[t->n - 1].lane, "%s", a->name);
            return 1;
        }
    return 0;
}

static int add_event(int64_t id, void *ctx)
{
    tl *t = ctx;
    json_t *ev = chr_store_event(t->s, id);
    if (!ev) return 0;
    json_t *d = json_object_get(ev, "date");
    const char *basis = js(d, "basis");
    double a0, a1, b0, b1;
    const char *start = *js(d, "start") ? js(d, "start") : js(d, "value");
    const char *end = *js(d, "end") ? js(d, "end") : start;
    if (!strcmp(basis, "unknown") || !*start || span_of(start, &a0, &a1) || span_of(end, &b0, &b1)) {
        t->undated++;
        json_decref(ev);
        return 0;
    }
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 256;
        tev *p = realloc(t->v, nc * sizeof *p);
        if (!p) {
            json_decref(ev);
            return 1;
        }
        t->v = p;
        t->cap = nc;
    }
    tev *e = &t->v[t->n++];
    memset(e, 0, sizeof *e);
    e->id = id;
    e->d0 = a0;
    e->d1 = b1 > a0 ? b1 : a0;
    snprintf(e->start, sizeof e->start, "%s", start);
    snprintf(e->end, sizeof e->end, "%s", end);
    snprintf(e->cameo, sizeof e->cameo, "%s", js(ev, "cameo"));
    const char *type = js(ev, "type");
    size_t tl2 = strcspn(type, ",");                  /* "Make statement, not specified below" */
    snprintf(e->type, sizeof e->type, "%.*s", (int)(tl2 < 60 ? tl2 : 60), type);
    /* in an Arabic locale, the event's own word from an Arabic report
     * (زيارة، أبرمتا) says what happened better than a translated label */
    json_t *src0 = json_array_get(json_object_get(ev, "sources"), 0);
    const char *trig = js(json_object_get(src0, "trigger"), "text");
    int ar_locale = t->o->locale && !strncmp(t->o->locale, "ar", 2);
    if (ar_locale && gv_arabic(trig))
        snprintf(e->type, sizeof e->type, "%.60s", trig);
    else if (!ar_locale && gv_arabic(trig))         /* the Arabic report's own word, under the label */
        snprintf(e->excerpt, sizeof e->excerpt, "%.60s", trig);
    snprintf(e->plover, sizeof e->plover, "%s", js(ev, "plover"));
    e->reported = !strcmp(basis, "reported");
    e->count = 1;
    json_t *st = json_object_get(ev, "statement");
    if (json_is_object(st)) {
        const char *q = js(st, "quote");
        size_t n = 0, chars = 0;
        while (q[n] && chars < 30) {                   /* 30 characters, not bytes */
            n++;
            while ((q[n] & 0xC0) == 0x80) n++;
            chars++;
        }
        snprintf(e->excerpt, sizeof e->excerpt, "«%.*s%s»", (int)n, q, q[n] ? "…" : "");
    }
    /* the lane: an actor the filter names, else the event's first actor */
    json_t *actors = json_object_get(ev, "actors");
    snprintf(e->lane, sizeof e->lane, "%s", json_array_size(actors) ? js(json_array_get(actors, 0), "name") : "");
    if (t->nwant) {
        const char *cameo;
        chr_store_event_actors(t->s, id, &cameo, wanted_lane, t);
    }
    if (t->o->lanes == CHR_LANES_TYPES) snprintf(e->lane, sizeof e->lane, "%s", *e->plover ? e->plover : "OTHER");
    if (t->o->lanes == CHR_LANES_NONE) e->lane[0] = 0;
    json_decref(ev);
    return 0;
}

/* ---- lanes ---------------------------------------------------------------------- */

typedef struct lane { char name[256]; int events; double y; int rows; } lane;

static int cmp_lane(const void *p, const void *q)
{
    const lane *a = p, *b = q;
    return a->events != b->events ? b->events - a->events : strcmp(a->name, b->name);
}

static int cmp_x(const void *p, const void *q)
{
    const tev *a = p, *b = q;
    if (a->d0 != b->d0) return a->d0 < b->d0 ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

static const char *colour_of(const char *plover)
{
    static const char *const cats[] = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "ACCUSE", "THREATEN", NULL};
    for (int i = 0; cats[i]; i++)
        if (!strcmp(plover, cats[i])) return palette[i];
    return palette[7];
}

/* The actor name shown for a lane in the locale. */
static void lane_label(const char *name, int ar, char *out, size_t cap)
{
    if (!ar || !gv_arabic_name(name, out, cap)) snprintf(out, cap, "%s", name);
}

static Agnode_t *pinned(Agraph_t *g, const char *id, double x, double y)
{
    Agnode_t *n = agnode(g, (char *)id, 1);
    char pos[64];
    snprintf(pos, sizeof pos, "%.1f,%.1f!", x, y);
    agsafeset(n, "pos", pos, "");
    return n;
}

chr_status chr_render_timeline(chr_store *s, const chr_timeline_opts *o, const char *format, const char *path,
                               char *err, size_t errcap)
{
    const char *device;
    FILE *f = gv_open(format, path, &device, err, errcap);
    if (!f) return device ? CHR_ERR_IO : CHR_ERR_ARG;
    tl t;
    memset(&t, 0, sizeof t);
    t.s = s;
    t.o = o;
    for (size_t i = 0; o->filter && i < o->filter->nactors && t.nwant < 48; i++)
        t.nwant += chr_store_actor_ids(s, o->filter->actors[i], t.want + t.nwant, 64 - t.nwant);
    chr_status st = chr_store_query_ids(s, o->filter, add_event, &t);
    if (st != CHR_OK) {
        snprintf(err, errcap, "%s", chr_store_errmsg(s));
        goto fail;
    }
    if (!t.n) {
        snprintf(err, errcap, "no dated events match: nothing to draw (%d undated)", t.undated);
        st = CHR_ERR_ARG;
        goto fail;
    }
    int ar = o->locale && !strncmp(o->locale, "ar", 2);
    const char *locale = o->locale ? o->locale : "en";
    int max_lanes = o->max_lanes > 0 ? o->max_lanes : 8;
    size_t max_cards = o->max_cards > 0 ? (size_t)o->max_cards : 150;

    /* lanes: the most active, the rest in "other" */
    lane *lanes = calloc(t.n + 1, sizeof *lanes);
    size_t nl = 0;
    if (!lanes) { st = CHR_ERR_NOMEM; goto fail; }
    for (size_t i = 0; i < t.n; i++) {
        size_t k;
        for (k = 0; k < nl && strcmp(lanes[k].name, t.v[i].lane); k++) {}
        if (k == nl) snprintf(lanes[nl++].name, sizeof lanes[0].name, "%s", t.v[i].lane);
        lanes[k].events++;
    }
    qsort(lanes, nl, sizeof *lanes, cmp_lane);
    if (nl > (size_t)max_lanes) {
        for (size_t i = 0; i < t.n; i++) {
            size_t k;
            for (k = 0; k < (size_t)max_lanes - 1 && strcmp(lanes[k].name, t.v[i].lane); k++) {}
            if (k == (size_t)max_lanes - 1) snprintf(t.v[i].lane, sizeof t.v[i].lane, "%s", ar ? "غيرها" : "others");
        }
        snprintf(lanes[max_lanes - 1].name, sizeof lanes[0].name, "%s", ar ? "غيرها" : "others");
        nl = (size_t)max_lanes;
    }

    /* the time scale and its ticks */
    qsort(t.v, t.n, sizeof *t.v, cmp_x);
    double lo = t.v[0].d0, hi = lo;
    for (size_t i = 0; i < t.n; i++) if (t.v[i].d1 > hi) hi = t.v[i].d1;
    if (hi - lo < 1) { lo -= 1; hi += 1; }
    double span = hi - lo;

    /* many events: one card per lane and period, with a count */
    if (t.n > max_cards) {
        double period = span > 3 * 366 ? 365.25 : span > 93 ? 30.44 : 7;
        size_t out = 0;
        for (size_t i = 0; i < t.n; i++) {
            double bucket = floor((t.v[i].d0 - lo) / period);
            size_t k;
            for (k = 0; k < out; k++)
                if (!strcmp(t.v[k].lane, t.v[i].lane) && floor((t.v[k].d0 - lo) / period) == bucket) break;
            if (k < out) {
                t.v[k].count++;
                if (t.v[i].d1 > t.v[k].d1) t.v[k].d1 = t.v[i].d1;
            } else {
                t.v[out] = t.v[i];
                t.v[out].excerpt[0] = 0;
                out++;
            }
        }
        t.n = out;
    }

    scale sc;
    make_scale(&sc, t.v, t.n, lo, hi, ar);
    Agraph_t *g = agopen("timeline", Agdirected, NULL);
    char buf[2048], text[1024], id[64], part[512];
    agattr(g, AGRAPH, "splines", "line");
    agattr(g, AGRAPH, "fontname", CHR_FONT);
    agattr(g, AGRAPH, "labelloc", "t");
    agattr(g, AGRAPH, "size", "40,40");
    agattr(g, AGNODE, "fontname", CHR_FONT);
    agattr(g, AGNODE, "fontsize", "9");
    agattr(g, AGEDGE, "arrowhead", "none");
    gv_begin();

    /* lanes from the top; in each, cards in rows that do not overlap */
    double y = 0;
    for (size_t k = nl; k-- > 0;) {
        double right[64];
        int rows = 0;
        double base = y;
        for (size_t i = 0; i < t.n; i++) {
            if (strcmp(t.v[i].lane, lanes[k].name)) continue;
            double x = sx(&sc, t.v[i].d0);
            double left = ar ? -x : x;               /* in reading order */
            int r;
            for (r = 0; r < rows && right[r] + 8 > left; r++) {}
            if (r == rows && rows < 64) right[rows++] = -1e9;
            if (r >= 64) r = 63;
            right[r] = left + CARD_W;
            t.v[i].x = x;
            t.v[i].y = base + ROW_H * (r + 1);
        }
        lanes[k].y = base;
        lanes[k].rows = rows;
        y = base + ROW_H * (rows + 1) + LANE_GAP;
    }
    /* the axis at the bottom, with its ticks */
    double axis_y = -LANE_GAP;
    snprintf(id, sizeof id, "axis0");
    Agnode_t *a0 = pinned(g, id, 0, axis_y), *a1 = pinned(g, "axis1", AXIS_W, axis_y);
    agsafeset(a0, "shape", "point", "");
    agsafeset(a1, "shape", "point", "");
    Agedge_t *ax = agedge(g, a0, a1, NULL, 1);
    agsafeset(ax, "penwidth", "2", "");
    /* ticks: years, months or weeks, by the time the axis shows (cut
     * stretches do not count), at the starts of those periods */
    int unit = sc.total > 3 * 366 ? 0 : sc.total > 93 ? 1 : 2;
    const char *tick_sk = unit == 0 ? "y" : unit == 1 ? "MMMy" : "dMMM";
    int yy = 1970, mm = 1;
    while (days_of(yy + 1, 1, 1) <= lo) yy++;
    while (days_of(yy, 1, 1) > lo) yy--;
    while (mm < 12 && days_of(yy, mm + 1, 1) <= lo) mm++;
    double tick = unit == 0 ? days_of(yy, 1, 1) : unit == 1 ? days_of(yy, mm, 1)
                : lo - fmod(fmod(lo + 3.0, 7.0) + 7.0, 7.0);      /* the Monday on or before lo */
    for (int nt = 0, guard = 0; tick <= hi && nt < 60 && guard < 5000; guard++) {
        double next = unit == 0 ? days_of(++yy, 1, 1)
                    : unit == 1 ? (mm == 12 ? (mm = 1, days_of(++yy, 1, 1)) : days_of(yy, ++mm, 1)) : tick + 7;
        if (tick >= lo && !in_cut(&sc, tick)) {
            snprintf(id, sizeof id, "tick%d", nt++);
            Agnode_t *tk = pinned(g, id, sx(&sc, tick), axis_y - 14);
            date_words(&t.words, locale, tick, tick_sk, text, sizeof text);
            gv_label(text, buf, sizeof buf);
            agsafeset(tk, "shape", "plaintext", "");
            agsafeset(tk, "label", buf, "");
        }
        tick = next;
    }
    /* a cut stretch is marked on the axis */
    for (int i = 0; i < sc.ncut; i++) {
        snprintf(id, sizeof id, "cut%d", i);
        Agnode_t *cut = pinned(g, id, (sx(&sc, sc.c0[i]) + sx(&sc, sc.c1[i])) / 2, axis_y);
        agsafeset(cut, "shape", "plaintext", "");
        agsafeset(cut, "label", "≈", "");
        agsafeset(cut, "fontsize", "16", "");
        agsafeset(cut, "tooltip", "an empty stretch of time, cut", "");
    }
    /* lane labels on the reading side */
    for (size_t k = 0; k < nl; k++) {
        snprintf(id, sizeof id, "lane%zu", k);
        Agnode_t *ln = pinned(g, id, ar ? AXIS_W + 90 : -90, lanes[k].y + ROW_H * (lanes[k].rows + 1) / 2);
        lane_label(lanes[k].name[0] ? lanes[k].name : (ar ? "الأحداث" : "events"), ar, part, sizeof part);
        gv_label(part, buf, sizeof buf);
        agsafeset(ln, "label", buf, "");
        agsafeset(ln, "shape", "plaintext", "");
        agsafeset(ln, "fontsize", "11", "");
        snprintf(id, sizeof id, "lanebase%zu", k);
        Agnode_t *b0 = pinned(g, id, 0, lanes[k].y);
        snprintf(id, sizeof id, "laneend%zu", k);
        Agnode_t *b1 = pinned(g, id, AXIS_W, lanes[k].y);
        agsafeset(b0, "shape", "point", "");
        agsafeset(b1, "shape", "point", "");
        agsafeset(agedge(g, b0, b1, NULL, 1), "color", "#DDDDDD", "");
    }
    /* the cards, with a leader line to their date and a bar over a range */
    for (size_t i = 0; i < t.n; i++) {
        tev *e = &t.v[i];
        size_t k;
        for (k = 0; k < nl && strcmp(lanes[k].name, e->lane); k++) {}
        double lane_y = k < nl ? lanes[k].y : 0;
        snprintf(id, sizeof id, "e%lld", (long long)e->id);
        Agnode_t *c = pinned(g, id, e->x + (ar ? -CARD_W / 2 : CARD_W / 2), e->y);
        char when[160], d0w[64], d1w[64];
        date_words(&t.words, locale, e->d0, "dMMMy", d0w, sizeof d0w);
        if (e->d1 > e->d0) {
            date_words(&t.words, locale, e->d1, "dMMMy", d1w, sizeof d1w);
            snprintf(when, sizeof when, "%s – %s", d0w, d1w);
        } else {
            snprintf(when, sizeof when, "%s", d0w);
        }
        /* each line its own isolate: the date, the type, the quote */
        size_t o2 = 0;
        gv_label(when, part, sizeof part);
        o2 += (size_t)snprintf(buf + o2, sizeof buf - o2, "%s%s\\n", part, e->reported ? (ar ? " (تاريخ النشر)" : " (report date)") : "");
        if (e->count > 1) snprintf(text, sizeof text, ar ? "%s حدثًا" : "%s events", gv_num(locale, e->count));
        else snprintf(text, sizeof text, "%s", e->type);
        gv_label(text, part, sizeof part);
        o2 += (size_t)snprintf(buf + o2, o2 < sizeof buf ? sizeof buf - o2 : 0, "%s", part);
        if (e->excerpt[0] && o2 < sizeof buf) {
            gv_label(e->excerpt, part, sizeof part);
            o2 += (size_t)snprintf(buf + o2, sizeof buf - o2, "\\n%s", part);
        }
        agsafeset(c, "label", buf, "");
        agsafeset(c, "shape", !strncmp(e->cameo, "01", 2) ? "note" : !strncmp(e->cameo, "057", 3) ? "box3d" : "box", "");
        agsafeset(c, "style", e->reported ? "filled,dashed" : "filled", "");
        agsafeset(c, "fillcolor", (char *)colour_of(e->plover), "");
        char wpt[16];
        snprintf(wpt, sizeof wpt, "%.2f", CARD_W / 72.0);
        agsafeset(c, "width", wpt, "");
        agsafeset(c, "fixedsize", "true", "");
        snprintf(wpt, sizeof wpt, "%.2f", CARD_H / 72.0);
        agsafeset(c, "height", wpt, "");
        snprintf(id, sizeof id, "p%lld", (long long)e->id);
        Agnode_t *p = pinned(g, id, e->x, lane_y);
        agsafeset(p, "shape", "point", "");
        agsafeset(p, "width", "0.06", "");
        agedge(g, p, c, NULL, 1);
        if (e->d1 > e->d0) {
            double x1 = sx(&sc, e->d1);
            snprintf(id, sizeof id, "q%lld", (long long)e->id);
            Agnode_t *q = pinned(g, id, x1, lane_y);
            agsafeset(q, "shape", "point", "");
            agsafeset(q, "width", "0.06", "");
            Agedge_t *bar = agedge(g, p, q, NULL, 1);
            agsafeset(bar, "penwidth", "4", "");
            agsafeset(bar, "color", (char *)colour_of(e->plover), "");
        }
    }
    /* the caption: title, range, and what was left off */
    char from[64], to[64];
    date_words(&t.words, locale, lo, "dMMMy", from, sizeof from);
    date_words(&t.words, locale, hi, "dMMMy", to, sizeof to);
    size_t o3 = (size_t)snprintf(text, sizeof text, "%s", ar ? "\xe2\x80\x8f" : "");
    if (o->title) {
        gv_label(o->title, part, sizeof part);
        o3 += (size_t)snprintf(text + o3, sizeof text - o3, "%s — ", part);
    }
    char counts[256];
    if (ar) snprintf(counts, sizeof counts, "%s – %s، %s بطاقة، %s حدثًا بلا تاريخ لم تُرسم", from, to,
                     gv_num(locale, (long)t.n), gv_num(locale, t.undated));
    else snprintf(counts, sizeof counts, "%s – %s, %zu cards, %d undated events not shown", from, to, t.n, t.undated);
    gv_label(counts, part, sizeof part);
    snprintf(text + o3, o3 < sizeof text ? sizeof text - o3 : 0, "%s", part);
    gv_key keys[8];
    static const char *const cats[] = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "ACCUSE", "THREATEN",
                                       "OTHER"};
    for (int i = 0; i < 8; i++) keys[i] = (gv_key){palette[i], cats[i]};
    char sel[1024];
    gv_selection(s, o->filter, ar, sel, sizeof sel);
    gv_caption(g, text, sel, keys, 8);
    free(lanes);
    st = gv_write(g, device, "nop", f, path, err, errcap);
    agclose(g);
    dw_free(&t.words);
    free(t.v);
    return st;
fail:
    gv_abandon(f, path);
    dw_free(&t.words);
    free(t.v);
    return st;
}

/* An ISO date in words, with the formatters of c (NULL: opened and closed). */
static void iso_words(dw_cache *c, const char *locale, const char *iso, char *out, size_t cap)
{
    int y, m, d;
    int n = sscanf(iso, "%4d-%2d-%2d", &y, &m, &d);
    out[0] = 0;
    if (n < 1 || strlen(iso) < 4 || (n >= 2 && (m < 1 || m > 12)) || (n == 3 && (d < 1 || d > 31))) return;
    if (n == 3 && strlen(iso) == 10) date_words(c, locale, days_of(y, m, d), "yMMMMd", out, cap);
    else if (n == 2 && strlen(iso) == 7) date_words(c, locale, days_of(y, m, 1), "yMMMM", out, cap);
    else if (n == 1 && strlen(iso) == 4) date_words(c, locale, days_of(y, 1, 1), "y", out, cap);
}

void chr_render_date_words(const char *locale, const char *iso, char *out, size_t cap)
{
    iso_words(NULL, locale, iso, out, cap);
}

struct chr_date_words {
    char locale[64];
    dw_cache cache;
};

chr_date_words *chr_date_words_new(const char *locale)
{
    chr_date_words *w = calloc(1, sizeof *w);
    if (w) snprintf(w->locale, sizeof w->locale, "%s", locale);
    return w;
}

void chr_date_words_format(chr_date_words *w, const char *iso, char *out, size_t cap)
{
    iso_words(&w->cache, w->locale, iso, out, cap);
}

void chr_date_words_free(chr_date_words *w)
{
    if (!w) return;
    dw_free(&w->cache);
    free(w);
}
