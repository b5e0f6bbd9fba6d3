/* gv.c - what the images share: labels Graphviz can take, and writing a
 * graph in a format through libgvc. */
#include "gv.h"
#include "chronicle/actors.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

const char *chr_render_formats(void) { return "dot, svg, png, pdf"; }

int gv_arabic(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0xD8 && *p <= 0xDB) return 1;
    return 0;
}

/* A label as Graphviz must get it: bidi controls from the input removed,
 * backslashes doubled (Graphviz reads \n, \N ... in labels), and the text
 * wrapped in a right-to-left or left-to-right isolate by its language. */
void gv_label(const char *in, char *out, size_t cap)
{
    static const char rli[] = "\xe2\x81\xa7", lri[] = "\xe2\x81\xa6", pdi[] = "\xe2\x81\xa9";
    size_t o = 0;
    const char *open = gv_arabic(in) ? rli : lri;
    memcpy(out, open, 3);
    o = 3;
    for (const unsigned char *p = (const unsigned char *)in; *p && o + 8 < cap; p++) {
        /* U+200E/F, U+202A-E, U+2066-9: E2 80 8E/8F, E2 80 AA-AE, E2 81 A6-A9 */
        if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x8E || p[2] == 0x8F || (p[2] >= 0xAA && p[2] <= 0xAE))) {
            p += 2;
            continue;
        }
        if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9) {
            p += 2;
            continue;
        }
        if (*p < 0x20) continue;
        if (*p == '\\') out[o++] = '\\';
        out[o++] = (char)*p;
    }
    memcpy(out + o, pdi, 3);
    out[o + 3] = 0;
}

static char gv_errors[1024];

static int gv_error(char *msg)
{
    size_t l = strlen(gv_errors);
    snprintf(gv_errors + l, sizeof gv_errors - l, "%s", msg);
    return 0;
}

/* Whether Graphviz has a plugin of a kind ("render": "cairo"; "device": "png"). */
static int has_plugin(GVC_t *gvc, const char *kind, const char *name)
{
    int n = 0;
    char **list = gvPluginList(gvc, kind, &n, NULL);
    int found = 0;
    for (int i = 0; i < n; i++) {
        if (!strcmp(list[i], name)) found = 1;
        free(list[i]);
    }
    free(list);
    return found;
}

/* "png:cairo" is there: the cairo renderer and the png device.  The gd
 * renderer is never used: it draws Arabic unjoined and backwards. */
static int has_device(GVC_t *gvc, const char *dev)
{
    char format[16];
    size_t l = strcspn(dev, ":");
    if (l >= sizeof format) return 0;
    memcpy(format, dev, l);
    format[l] = 0;
    return has_plugin(gvc, "render", "cairo") && has_plugin(gvc, "device", format);
}


void gv_begin(void)
{
    gv_errors[0] = 0;
    agseterr(AGERR);
    agseterrf(gv_error);
}

FILE *gv_open(const char *format, const char *path, const char **device, char *err, size_t errcap)
{
    /* SVG through Graphviz's own renderer: it writes labels as text (with
     * their bidi isolates), where cairo would write glyph outlines */
    *device = !strcmp(format, "svg") ? "svg" : !strcmp(format, "png") ? "png:cairo"
            : !strcmp(format, "pdf") ? "pdf:cairo" : !strcmp(format, "dot") ? "dot" : NULL;
    if (!*device) {
        snprintf(err, errcap, "unknown output format '%s' (formats: %s)", format, chr_render_formats());
        return NULL;
    }
    FILE *f = fopen(path, "wb");
    if (!f) snprintf(err, errcap, "%s: cannot write: %s", path, strerror(errno));
    return f;
}

void gv_abandon(FILE *f, const char *path)
{
    fclose(f);
    remove(path);
}

/* One Graphviz context for the process, never freed: the pango plugin keeps
 * pointers into the first context's font data, so a second context after
 * freeing the first (a report draws a timeline, then a graph) would read
 * freed memory. */
static GVC_t *context(void)
{
    static GVC_t *gvc;
    if (!gvc) gvc = gvContext();
    return gvc;
}

chr_status gv_write(Agraph_t *g, const char *device, const char *engine, FILE *f, const char *path, char *err,
                    size_t errcap)
{
    chr_status st = CHR_OK;
    if (!strcmp(device, "dot")) {
        if (agwrite(g, f) == EOF) {
            snprintf(err, errcap, "%s: cannot write", path);
            st = CHR_ERR_IO;
        }
    } else {
        GVC_t *gvc = context();
        if (!gvc || (strchr(device, ':') && !has_device(gvc, device))) {
            snprintf(err, errcap, "Graphviz has no '%s' renderer here: install libgvc6 with its cairo plugins "
                     "and run 'libgvc6-config-update -c' as root", device);
            st = CHR_ERR_IO;
        } else if (gvLayout(gvc, g, engine) != 0) {
            snprintf(err, errcap, "Graphviz could not lay the image out with %s: %s", engine, gv_errors);
            st = CHR_ERR_ARG;
        } else {
            if (gvRender(gvc, g, device, f) != 0) {
                snprintf(err, errcap, "%s: rendering failed: %s", path, gv_errors);
                st = CHR_ERR_IO;
            }
            gvFreeLayout(gvc, g);
        }
    }
    if (fclose(f) && st == CHR_OK) {
        snprintf(err, errcap, "%s: cannot write", path);
        st = CHR_ERR_IO;
    }
    if (st != CHR_OK) remove(path);
    return st;
}

int gv_arabic_name(const char *canonical, char *out, size_t cap)
{
    const chr_gazetteer *g = chr_gazetteer_get();
    int64_t id = g ? chr_gazetteer_find(g, canonical) : -1;
    if (id < 0) return 0;
    const char *const *forms;
    size_t nf = chr_gazetteer_aliases(g, (uint32_t)id, &forms);
    for (size_t i = 0; i < nf; i++)
        if (gv_arabic(forms[i])) {
            snprintf(out, cap, "%s", forms[i]);
            return 1;
        }
    return 0;
}

void gv_caption(Agraph_t *g, const char *caption, const char *note, const gv_key *keys, int nkeys)
{
    char html[8192], cell[1024];
    size_t o = (size_t)snprintf(html, sizeof html, "<table border=\"0\" cellspacing=\"3\" cellpadding=\"3\">"
                                                   "<tr><td colspan=\"%d\">", nkeys > 0 ? nkeys : 1);
    o = chr_html_escape(caption, html, o, sizeof html);
    o += (size_t)snprintf(html + o, sizeof html - o, "</td></tr>");
    if (note && *note) {                         /* the selection, in smaller type */
        o += (size_t)snprintf(html + o, sizeof html - o, "<tr><td colspan=\"%d\"><font point-size=\"10\">",
                              nkeys > 0 ? nkeys : 1);
        /* the note's values are isolated already: the line is only set in
         * its direction (no backslash doubling: HTML labels take text as is) */
        snprintf(cell, sizeof cell, "%s%s\xe2\x81\xa9", gv_arabic(note) ? "\xe2\x81\xa7" : "\xe2\x81\xa6", note);
        o = chr_html_escape(cell, html, o, sizeof html);
        o += (size_t)snprintf(html + o, sizeof html - o, "</font></td></tr>");
    }
    o += (size_t)snprintf(html + o, sizeof html - o, "<tr>");
    for (int i = 0; i < nkeys && o + 200 < sizeof html; i++) {
        o += (size_t)snprintf(html + o, sizeof html - o, "<td bgcolor=\"%s\">", keys[i].colour);
        gv_label(keys[i].text, cell, sizeof cell);
        /* gv_label doubles backslashes for plain labels; HTML labels take text as is */
        o = chr_html_escape(cell, html, o, sizeof html);
        o += (size_t)snprintf(html + o, sizeof html - o, "</td>");
    }
    snprintf(html + o, sizeof html - o, "</tr></table>");
    char *h = agstrdup_html(g, html);
    agsafeset(g, "label", h, "");
    agstrfree(g, h);
}

void gv_selection(chr_store *s, const chr_query *q, int ar, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = 0;
    /* each value in its own isolate: a date or a Latin name keeps its order
     * inside an Arabic line ("2024-10-25", not "25-10-2024") */
#define PART(en, arw, v) \
    if ((v) && o + 8 < cap) \
        o += (size_t)snprintf(out + o, cap - o, "%s%s %s%s\xe2\x81\xa9", o ? (ar ? "، " : ", ") : "", \
                              ar ? (arw) : (en), gv_arabic(v) ? "\xe2\x81\xa7" : "\xe2\x81\xa6", (v))
    for (size_t i = 0; i < q->nactors; i++) PART("actor", "الفاعل", q->actors[i]);
    PART("with", "مع", q->with);
    PART("from", "من", q->from);
    PART("to", "إلى", q->to);
    PART("type", "النوع", q->type);
    PART("treaty", "المعاهدة", q->treaty);
    PART("text", "النص", q->text);
    char latest[11];
    const char *cutoff = chr_store_latest(s, latest) == CHR_OK && latest[0] ? latest : NULL;
    PART("data up to", "البيانات حتى", cutoff);
#undef PART
}

const char *gv_num(const char *locale, long n)
{
    static char slots[4][64];
    static int next;
    char *out = slots[next++ & 3];
    snprintf(out, 64, "%ld", n);
    UErrorCode e = U_ZERO_ERROR;
    UNumberFormat *f = unum_open(UNUM_DECIMAL, NULL, 0, locale ? locale : "en", NULL, &e);
    UChar u[64];
    int32_t l = U_SUCCESS(e) ? unum_format(f, (int32_t)n, u, 64, NULL, &e) : 0;
    if (U_SUCCESS(e) && l > 0) u_strToUTF8(out, 64, NULL, u, l, &e);
    if (U_FAILURE(e)) snprintf(out, 64, "%ld", n);
    unum_close(f);
    return out;
}
