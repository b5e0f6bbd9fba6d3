/* cmd_dates.c - `chronicle dates`: every temporal expression of the input,
 * one row each, as TSV, JSON Lines or TimeML.
 *
 * Input is read in chunks that end at a line break (or, for a line longer
 * than a chunk, at a space), so memory stays flat however large a file is.
 * Offsets stay code-point offsets into the whole body. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/chronicle.h"
#include "cli.h"

#define CHUNK (1u << 20)          /* bytes read at a time */
#define MAXITEMS 64

const char dates_usage[] =
    "usage: chronicle dates [--dct YYYY-MM-DD] [--lang ar|en|auto] [--format tsv|jsonl|timeml]\n"
    "                       [--lossy] [FILE...]\n\n"
    "Finds every temporal expression in UTF-8 articles (stdin when no FILE or '-') and\n"
    "resolves it to a TIMEX3 value against the publication date (DCT).\n\n"
    "  --dct DATE     the publication date; else front matter 'published:', else a\n"
    "                 publication line in the text; with none, relative expressions\n"
    "                 keep X placeholders\n"
    "  --lang L       ar, en or auto (default: front matter 'lang:', else detected)\n"
    "  --format F     tsv (default; columns start end text type value mod),\n"
    "                 jsonl (the same keys and more), timeml (inline TIMEX3 tags)\n"
    "  --lossy        replace invalid UTF-8 with U+FFFD instead of failing\n\n"
    "Offsets are Unicode code points into the body (after any front matter), end\n"
    "exclusive.  Exit status: 0 success, 1 invalid or binary input, 2 usage or\n"
    "file error.\n";

enum { F_TSV, F_JSONL, F_TIMEML };

typedef struct opts {
    chr_date dct;
    chr_lang lang;
    int format;
    int lossy;
} opts;

typedef struct run {
    const opts *o;
    chr_dates *d;
    const char *name;
    FILE *out;
    uint32_t *cps;            /* the decoded chunk */
    int tid;
} run;

/* ---- writing ---------------------------------------------------------- */

static void put_cps(FILE *f, const uint32_t *c, size_t n, int mode)
{
    char b[512];            /* encoded in blocks: one fwrite per block, not per character */
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (o > sizeof b - 16) {
            fwrite(b, 1, o, f);
            o = 0;
        }
        uint32_t x = c[i];
        const char *esc = NULL;
        if (mode == 1) {                                   /* JSON string */
            if (x == '"') esc = "\\\"";
            else if (x == '\\') esc = "\\\\";
            else if (x < 0x20) {
                o += (size_t)snprintf(b + o, sizeof b - o, "\\u%04x", x);
                continue;
            }
        } else if (mode == 2) {                            /* XML text */
            if (x == '<') esc = "&lt;";
            else if (x == '>') esc = "&gt;";
            else if (x == '&') esc = "&amp;";
        } else if (mode == 3) {                            /* TSV field */
            if (x == '\t') esc = "\\t";
            else if (x == '\n') esc = "\\n";
            else if (x == '\r') esc = "\\r";
            else if (x == '\\') esc = "\\\\";
        }
        if (esc) {
            size_t l = strlen(esc);
            memcpy(b + o, esc, l);
            o += l;
        } else {
            o += chr_utf8_put(b + o, x);
        }
    }
    if (o) fwrite(b, 1, o, f);
}

/* Writes v in decimal to b (room for 20 digits); returns the length. */
static size_t put_size(char *b, size_t v)
{
    char t[24];
    size_t n = 0;
    do t[n++] = (char)('0' + v % 10); while ((v /= 10) > 0);
    for (size_t i = 0; i < n; i++) b[i] = t[n - 1 - i];
    return n;
}

static void put_json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\') fputc('\\', f);
        if ((unsigned char)*s < 0x20) { fprintf(f, "\\u%04x", *s); continue; }
        fputc(*s, f);
    }
    fputc('"', f);
}

static void put_row(run *r, const chr_timex *t, size_t base, size_t seg, const chr_date *anchor,
                    int item)
{
    FILE *f = r->out;
    const uint32_t *c = r->cps + seg;
    if (r->o->format == F_TSV) {
        /* by hand, not with printf: formatting was a twentieth of a run */
        char b[48];
        size_t o = put_size(b, base + t->start);
        b[o++] = '\t';
        o += put_size(b + o, base + t->end);
        b[o++] = '\t';
        fwrite(b, 1, o, f);
        put_cps(f, c + t->start, t->end - t->start, 3);
        fputc('\t', f);
        fputs(chr_tx_type_str(t->type), f);
        fputc('\t', f);
        fputs(t->value, f);
        fputc('\t', f);
        fputs(t->mod, f);
        fputc('\n', f);
        return;
    }
    fputs("{\"file\":", f);
    put_json_str(f, r->name);
    fprintf(f, ",\"start\":%zu,\"end\":%zu,\"text\":\"", base + t->start, base + t->end);
    put_cps(f, c + t->start, t->end - t->start, 1);
    fprintf(f, "\",\"type\":\"%s\",\"value\":", chr_tx_type_str(t->type));
    put_json_str(f, t->value);
    fprintf(f, ",\"mod\":\"%s\",\"anchor\":", t->mod);
    if (anchor) fprintf(f, "\"%04d-%02d-%02d\"", anchor->y, anchor->m, anchor->d);
    else fputs("null", f);
    fprintf(f, ",\"granularity\":\"%s\",\"relative\":%s,\"resolved\":%s,\"group\":%d,\"role\":\"%s\",\"item\":%d",
            t->granularity, t->relative ? "true" : "false",
            t->relative ? (t->resolved ? "true" : "false") : "true", t->group,
            chr_tx_role_str(t->role), item);
    if (t->first[0]) fprintf(f, ",\"interval\":{\"first\":\"%s\",\"last\":\"%s\"}", t->first, t->last);
    fputs("}\n", f);
}

/* TimeML: the segment's text with inline tags. */
static void put_timeml(run *r, const chr_timex *t, size_t n, size_t seg, size_t len)
{
    size_t at = 0;
    for (size_t k = 0; k < n; k++) {
        if (t[k].start < at) continue;     /* never nest */
        put_cps(r->out, r->cps + seg + at, t[k].start - at, 2);
        fprintf(r->out, "<TIMEX3 tid=\"t%d\" type=\"%s\" value=\"%s\"", ++r->tid,
                chr_tx_type_str(t[k].type), t[k].value);
        if (*t[k].mod) fprintf(r->out, " mod=\"%s\"", t[k].mod);
        fputc('>', r->out);
        put_cps(r->out, r->cps + seg + t[k].start, t[k].end - t[k].start, 2);
        fputs("</TIMEX3>", r->out);
        at = t[k].end;
    }
    put_cps(r->out, r->cps + seg + at, len - at, 2);
}

/* ---- reading ---------------------------------------------------------- */

/* Where to cut a full buffer: after the last line break, else after the last
 * space, else at a UTF-8 character boundary. */
static size_t cut_point(const char *b, size_t n)
{
    for (size_t i = n; i > n / 2; i--)
        if (b[i - 1] == '\n') return i;
    for (size_t i = n; i > n / 2; i--)
        if (b[i - 1] == ' ') return i;
    size_t i = n;
    while (i > 0 && ((unsigned char)b[i - 1] & 0xC0) == 0x80) i--;
    if (i > 0 && (unsigned char)b[i - 1] >= 0xC0) i--;
    return i ? i : n;
}

/* Scans one segment of the decoded chunk with one anchor. */
static int scan_segment(run *r, size_t seg, size_t len, size_t base, const chr_date *anchor,
                        chr_lang lang, int item)
{
    const chr_timex *t;
    size_t n;
    if (chr_dates_scan(r->d, r->cps + seg, len, lang, anchor, &t, &n) != CHR_OK) {
        fprintf(stderr, "chronicle: %s: %s\n", r->name, chr_dates_errmsg(r->d));
        return EXIT_DATA;
    }
    if (r->o->format == F_TIMEML) put_timeml(r, t, n, seg, len);
    else
        for (size_t k = 0; k < n; k++) put_row(r, &t[k], base + seg, seg, anchor, item);
    return EXIT_OK;
}

/* Scans a decoded chunk: the rows before the first appended item with the
 * current anchor, each item after it with its own publication date or none. */
static int scan_chunk(run *r, size_t ncp, size_t cp_base, chr_date *anchor, chr_lang lang, int *item)
{
    const chr_timex *t;
    size_t n;
    if (chr_dates_scan(r->d, r->cps, ncp, lang, anchor->y ? anchor : NULL, &t, &n) != CHR_OK) {
        fprintf(stderr, "chronicle: %s: %s\n", r->name, chr_dates_errmsg(r->d));
        return EXIT_DATA;
    }
    const size_t *its;
    size_t ni = chr_dates_items(r->d, &its);
    if (!ni) {
        if (r->o->format == F_TIMEML) put_timeml(r, t, n, 0, ncp);
        else
            for (size_t k = 0; k < n; k++) put_row(r, &t[k], cp_base, 0, anchor->y ? anchor : NULL, *item);
        return EXIT_OK;
    }
    size_t items[MAXITEMS];
    ni = ni < MAXITEMS ? ni : MAXITEMS;
    memcpy(items, its, ni * sizeof *items);
    size_t seg0 = 0;
    int rc = EXIT_OK;
    for (size_t k = 0; k <= ni && rc == EXIT_OK; k++) {
        size_t end = k < ni ? items[k] : ncp;
        if (end > seg0) rc = scan_segment(r, seg0, end - seg0, cp_base, anchor->y ? anchor : NULL, lang, *item);
        if (k < ni) {
            size_t ds, de;
            (*item)++;
            seg0 = end;
            if (chr_find_dct(r->d, r->cps + seg0, ncp - seg0, anchor, &ds, &de) != 0) anchor->y = 0;
        }
    }
    return rc;
}

static int process(run *r, FILE *in)
{
    const opts *o = r->o;
    char *buf = malloc(CHUNK + 1);
    if (!buf) { fprintf(stderr, "chronicle: out of memory\n"); return EXIT_DATA; }
    size_t have = 0, file_off = 0, cp_base = 0, body = 0;
    int first = 1, rc = EXIT_OK, eof = 0, item = 0;
    chr_date anchor = {0, 0, 0};
    chr_lang lang = o->lang;
    while (!eof || have) {
        if (!eof) {
            size_t got = fread(buf + have, 1, CHUNK - have, in);
            have += got;
            if (have < CHUNK) {
                if (ferror(in)) {
                    fprintf(stderr, "chronicle: %s: read error: %s\n", r->name, strerror(errno));
                    rc = EXIT_USAGE;
                    break;
                }
                eof = 1;
            }
        }
        size_t use = eof ? have : cut_point(buf, have);
        size_t skip = 0;
        chr_meta meta;
        if (first) {
            char err[256];
            if (chr_front_matter(buf, use, &meta, &body, err, sizeof err) != CHR_OK) {
                fprintf(stderr, "chronicle: %s: front matter, %s\n", r->name, err);
                rc = EXIT_DATA;
                break;
            }
            skip = body;
        }
        size_t ncp, bad;
        chr_status st = chr_utf8_decode(buf + skip, use - skip, o->lossy, r->cps, &ncp, &bad);
        if (st != CHR_OK) {
            if (st == CHR_ERR_BINARY)
                fprintf(stderr, "chronicle: %s: binary file (NUL byte at byte offset %zu); refused\n",
                        r->name, file_off + skip + bad);
            else
                fprintf(stderr, "chronicle: %s: invalid UTF-8 at byte offset %zu "
                                "(use --lossy to replace invalid bytes)\n", r->name, file_off + skip + bad);
            rc = EXIT_DATA;
            break;
        }
        if (first) {
            size_t ds, de;
            if (o->dct.y) anchor = o->dct;
            else if (meta.published.y) anchor = meta.published;
            else if (chr_find_dct(r->d, r->cps, ncp, &anchor, &ds, &de) != 0) anchor.y = 0;
            if (lang == CHR_LANG_AUTO && !strcmp(meta.lang, "ar")) lang = CHR_LANG_AR;
            else if (lang == CHR_LANG_AUTO && !strcmp(meta.lang, "en")) lang = CHR_LANG_EN;
            else if (lang == CHR_LANG_AUTO) lang = chr_lang_detect(r->cps, ncp < 20000 ? ncp : 20000);
            if (o->format == F_TIMEML) {
                fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n", r->out);
                if (anchor.y)
                    fprintf(r->out, "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"%04d-%02d-%02d\" "
                                    "temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">"
                                    "%04d-%02d-%02d</TIMEX3></DCT>\n",
                            anchor.y, anchor.m, anchor.d, anchor.y, anchor.m, anchor.d);
                fputs("<TEXT>", r->out);
            }
        }
        /* One scan of the chunk; only where it holds appended items ("read
         * also") are those rescanned with their own date, or none. */
        rc = scan_chunk(r, ncp, cp_base, &anchor, lang, &item);
        if (rc != EXIT_OK) break;
        cp_base += ncp;
        file_off += use;
        memmove(buf, buf + use, have - use);
        have -= use;
        first = 0;
    }
    if (o->format == F_TIMEML && !first) fputs("</TEXT>\n</TimeML>\n", r->out);
    free(buf);
    return rc;
}

/* ---- arguments -------------------------------------------------------- */

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "chronicle dates: %s%s%s\n\n%s", msg, arg ? " " : "", arg ? arg : "", dates_usage);
    return EXIT_USAGE;
}

int cmd_dates(int argc, char **argv)
{
    opts o = {{0, 0, 0}, CHR_LANG_AUTO, F_TSV, 0};
    int nfiles = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) return EXIT_DATA;
    int rc = EXIT_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(dates_usage, stdout);
            free(files);
            return EXIT_OK;
        } else if (!strcmp(a, "--dct")) {
            if (!v || chr_date_parse(v, &o.dct)) { free(files); return usage_error("--dct needs a valid date YYYY-MM-DD, got", v ? v : "nothing"); }
            i++;
        } else if (!strcmp(a, "--lang")) {
            if (v && !strcmp(v, "ar")) o.lang = CHR_LANG_AR;
            else if (v && !strcmp(v, "en")) o.lang = CHR_LANG_EN;
            else if (v && !strcmp(v, "auto")) o.lang = CHR_LANG_AUTO;
            else { free(files); return usage_error("--lang takes ar, en or auto, got", v ? v : "nothing"); }
            i++;
        } else if (!strcmp(a, "--format")) {
            if (v && !strcmp(v, "tsv")) o.format = F_TSV;
            else if (v && !strcmp(v, "jsonl")) o.format = F_JSONL;
            else if (v && !strcmp(v, "timeml")) o.format = F_TIMEML;
            else { free(files); return usage_error("--format takes tsv, jsonl or timeml, got", v ? v : "nothing"); }
            i++;
        } else if (!strcmp(a, "--lossy")) {
            o.lossy = 1;
        } else if (a[0] == '-' && a[1]) {
            free(files);
            return usage_error("unknown option", a);
        } else {
            files[nfiles++] = argv[i];
        }
    }
    const char *problems = chr_dates_data_problems();
    if (*problems) {
        fprintf(stderr, "chronicle: the compiled language data has errors:\n%s", problems);
        free(files);
        return EXIT_DATA;
    }
    if (!nfiles) files[nfiles++] = "-";
    run r = {&o, chr_dates_new(), NULL, stdout, malloc((size_t)(CHUNK + 1) * sizeof(uint32_t)), 0};
    if (!r.d || !r.cps) {
        fprintf(stderr, "chronicle: cannot start the date scanner (out of memory or ICU data missing)\n");
        chr_dates_free(r.d);
        free(r.cps);
        free(files);
        return EXIT_DATA;
    }
    static char obuf[1 << 16];
    setvbuf(stdout, obuf, _IOFBF, sizeof obuf);
    if (o.format == F_TSV) fputs("start\tend\ttext\ttype\tvalue\tmod\n", stdout);
    for (int k = 0; k < nfiles; k++) {
        int stdin_ = !strcmp(files[k], "-");
        FILE *in = stdin_ ? stdin : fopen(files[k], "rb");
        r.name = files[k];
        if (!in) {
            fflush(stdout);
            fprintf(stderr, "chronicle: cannot open %s: %s\n", files[k], strerror(errno));
            if (rc == EXIT_OK || rc == EXIT_DATA) rc = EXIT_USAGE;
            continue;
        }
        int frc = process(&r, in);
        fflush(stdout);
        if (frc != EXIT_OK && (rc == EXIT_OK || frc == EXIT_USAGE)) rc = frc;
        if (!stdin_) fclose(in);
    }
    chr_dates_free(r.d);
    free(r.cps);
    free(files);
    return rc;
}
