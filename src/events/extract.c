/* extract.c - one article in, one record (record.h) out.
 *
 * The passes, each over the article's tokens:
 *   1. dates: the date scanner, item by item, each item with its own DCT;
 *   2. quotes and sentences (a sentence never ends inside a quotation);
 *   3. mentions (mentions.c): gazetteer names, then people introduced by
 *      a title ("نائب وزير الخارجية الروسي سيرجي ريابكوف"), whose later
 *      short mentions ("ريابكوف") resolve to the same actor;
 *   4. statements (statements.c): a reporting verb, its speaker, the quoted
 *      or reported words, medium, negation and who reported it;
 *   5. treaties (treaties.c) and the articles of them that the text cites;
 *   6. events: a trigger word with the actors of its clause, coded with
 *      CAMEO, dated by the expression of its sentence or else by the report;
 *      one told in someone's reported words is linked to that statement,
 *      and one under a negation or a modal ("did not sign") is none; and
 *      acts of force told by what befell people (harm.txt: "were killed
 *      by Israeli forces", "استشهد شاب برصاص قوات الاحتلال"), when their
 *      agent is named.
 * Nothing here guesses a date: an event without a date in its sentence
 * takes the report's date with basis "reported", or none ("unknown"). */
#include "chronicle/extract.h"
#include "chronicle/actors.h"
#include "chronicle/doc.h"
#include "chronicle/text.h"
#include "extract_int.h"
#include "grow.h"
#include "lexicon.h"
#include "phrase.h"
#include "sha256.h"
#include "vocab.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- set-up ------------------------------------------------------------ */

const char *chr_extract_data_problems(void)
{
    static char all[4096];
    snprintf(all, sizeof all, "%s%s%s", chr_dates_data_problems(), chr_gazetteer_problems(),
             chr_vocab_problems());
    return all;
}

chr_extractor *chr_extractor_new(void)
{
    chr_extractor *x = calloc(1, sizeof *x);
    if (!x) return NULL;
    x->dates = chr_dates_new();
    x->tok = chr_tokens_new();
    x->gz = chr_gazetteer_get();
    x->voc = chr_vocab_get();
    if (!x->dates || !x->tok || !x->gz || !x->voc) {
        chr_extractor_free(x);
        return NULL;
    }
    x->tok->forms = 1;                  /* dictionaries are matched over the tokens */
    return x;
}

static void reset_actors(chr_extractor *x)
{
    for (size_t i = 0; i < x->na; i++)
        if (x->a[i].gz < 0) free(x->a[i].name);
    x->na = 0;
}

void chr_extractor_free(chr_extractor *x)
{
    if (!x) return;
    reset_actors(x);
    chr_dates_free(x->dates);
    chr_tokens_free(x->tok);
    chr_phrases_free(x->dyn);
    free(x->cps); free(x->tx); free(x->q); free(x->s); free(x->a); free(x->m);
    free(x->st); free(x->tr); free(x->tm); free(x->ar);
    free(x->tq); free(x->tsent); free(x->tment); free(x->tcov); free(x->tobj); free(x->tcontent); free(x->tv); free(x->tw);
    free(x->buf);
    free(x);
}

const char *chr_extractor_errmsg(const chr_extractor *x) { return x->err; }

void chr_article_hash(const chr_article *a, char out[65])
{
    unsigned char md[32];
    const char *url = a->url ? a->url : "";
    chr_sha256_ctx c;
    chr_sha256_init(&c);
    chr_sha256_update(&c, url, strlen(url) + 1);
    chr_sha256_update(&c, a->text ? a->text : "", a->len);
    chr_sha256_final(&c, md);
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        out[2 * i] = hex[md[i] >> 4];
        out[2 * i + 1] = hex[md[i] & 15];
    }
    out[64] = 0;
}

/* ---- small helpers ------------------------------------------------------ */

/* chr_ex_utf8, with the length in *len. */
static const char *utf8_of(chr_extractor *x, size_t c0, size_t c1, size_t *len)
{
    size_t need = (c1 - c0) * 4 + 1;
    *len = 0;
    if (chr_grow((void **)&x->buf, &x->bufcap, need, 1)) return "";
    size_t o = 0;
    for (size_t i = c0; i < c1; i++) {
        /* ASCII and two-byte letters (Arabic) here; a call for the rest */
        uint32_t c = x->cps[i];
        if (c < 0x80) {
            x->buf[o++] = (char)c;
        } else if (c < 0x800) {
            x->buf[o++] = (char)(0xC0 | (c >> 6));
            x->buf[o++] = (char)(0x80 | (c & 0x3F));
        } else {
            o += chr_utf8_put(x->buf + o, c);
        }
    }
    x->buf[o] = 0;
    *len = o;
    return x->buf;
}

const char *chr_ex_utf8(chr_extractor *x, size_t c0, size_t c1)
{
    size_t len;
    return utf8_of(x, c0, c1, &len);
}

/* The text of [c0, c1) in the record being built. */
static const char *rtext(chr_extractor *x, size_t c0, size_t c1)
{
    size_t len;
    const char *s = utf8_of(x, c0, c1, &len);
    return chr_record_strn(x->rec, s, len);
}

static chr_rec_span rspan(chr_extractor *x, size_t c0, size_t c1)
{
    return (chr_rec_span){(int64_t)c0, (int64_t)c1, rtext(x, c0, c1)};
}

/* A copy in the record; NULL for an empty string (JSON null). */
static const char *rstr_or_null(chr_extractor *x, const char *v)
{
    return v && *v ? chr_record_str(x->rec, v) : NULL;
}

/* "first/last" (TIMEX3 values, short) in the record: copied, not formatted,
 * since every dated event writes one. */
static const char *rinterval(chr_extractor *x, const char *first, const char *last)
{
    size_t lf = strlen(first), ll = strlen(last);
    char *v = chr_record_alloc(x->rec, lf + ll + 2);
    if (!v) return NULL;
    memcpy(v, first, lf);
    v[lf] = '/';
    memcpy(v + lf + 1, last, ll + 1);
    return v;
}

/* YYYY-MM-DD of d into out (11 bytes), "" when it has no year: by hand for
 * the dates there are, since every event asks for its report's date;
 * snprintf for anything else, as before. */
static void date_str(const chr_date *d, char *out)
{
    if (!d->y) {
        out[0] = 0;
    } else if (d->y > 0 && d->y <= 9999 && d->m >= 0 && d->m <= 99 && d->d >= 0 && d->d <= 99) {
        int f[3] = {d->y, d->m, d->d}, at[3] = {0, 5, 8}, w[3] = {4, 2, 2};
        for (int i = 0; i < 3; i++)
            for (int j = w[i] - 1, v = f[i]; j >= 0; j--, v /= 10) out[at[i] + j] = (char)('0' + v % 10);
        out[4] = out[7] = '-';
        out[10] = 0;
    } else {
        snprintf(out, 11, "%04d-%02d-%02d", d->y, d->m, d->d);
    }
}

static int item_of(const chr_extractor *x, size_t cp)
{
    int it = 0;
    for (int i = 1; i <= x->nitems; i++)
        if (cp >= x->items[i]) it = i;
    return it;
}

/* ---- 1. dates ---------------------------------------------------------- */

static chr_status add_timexes(chr_extractor *x, size_t seg, size_t len, const chr_date *anchor,
                              int item)
{
    const chr_timex *t;
    size_t n;
    chr_status st = chr_dates_scan(x->dates, x->cps + seg, len, x->lang,
                                   anchor && anchor->y ? anchor : NULL, &t, &n);
    if (st != CHR_OK) {
        snprintf(x->err, sizeof x->err, "%s", chr_dates_errmsg(x->dates));
        return st;
    }
    for (size_t i = 0; i < n; i++) {
        if (GROW(x->tx, x->ntx, x->txcap)) return CHR_ERR_NOMEM;
        tx *d = &x->tx[x->ntx++];
        d->t = t[i];
        d->t.start += seg;
        d->t.end += seg;
        d->item = item;
    }
    return CHR_OK;
}

static chr_status pass_dates(chr_extractor *x, chr_date page_dct)
{
    x->ntx = 0;
    x->nitems = 0;
    x->items[0] = 0;
    x->dct[0] = page_dct;
    const chr_timex *t;
    size_t n;
    chr_status st = chr_dates_scan_tokens(x->dates, x->cps, x->ncp, x->tok, x->lang,
                                          page_dct.y ? &page_dct : NULL, &t, &n);
    if (st != CHR_OK) {
        snprintf(x->err, sizeof x->err, "%s", chr_dates_errmsg(x->dates));
        return st;
    }
    const size_t *its;
    size_t ni = chr_dates_items(x->dates, &its);
    if (ni > MAXITEMS) ni = MAXITEMS;
    for (size_t i = 0; i < ni; i++) x->items[i + 1] = its[i];
    x->nitems = (int)ni;
    if (!ni) {
        for (size_t i = 0; i < n; i++) {
            if (GROW(x->tx, x->ntx, x->txcap)) return CHR_ERR_NOMEM;
            x->tx[x->ntx].t = t[i];
            x->tx[x->ntx++].item = 0;
        }
        return CHR_OK;
    }
    for (int i = 0; i <= x->nitems; i++) {
        size_t s0 = x->items[i], s1 = i < x->nitems ? x->items[i + 1] : x->ncp;
        if (i > 0) {
            size_t ds, de;
            if (chr_find_dct(x->dates, x->cps + s0, x->ncp - s0, &x->dct[i], &ds, &de) != 0)
                x->dct[i].y = 0;
        }
        if (s1 > s0 && (st = add_timexes(x, s0, s1 - s0, &x->dct[i], i)) != CHR_OK) return st;
    }
    return CHR_OK;
}

/* ---- 2. tokens, quotes, sentences -------------------------------------- */

/* Whether the full stop at token t belongs to the word before it, so it
 * ends no sentence: a listed form holds it ("Mr.", "Oct.", "Art.", "Pres.";
 * the tokens' vocabulary matches must be known), or it follows a single
 * capital letter (an initial: "John F. Kennedy", "U.S."). */
static int stop_inside_word(const chr_extractor *x, size_t s0, size_t t)
{
    if (T(x, t)->cp != '.' || t == 0) return 0;
    for (size_t j = t; j-- > s0 && j + 8 > t;)
        if (x->tv[j].n && j + (x->tv[j].n >> 16) > t) return 1;
    const chr_token *w = T(x, t - 1);
    return w->end == T(x, t)->start && w->end - w->start == 1 && x->cps[w->start] >= 'A' && x->cps[w->start] <= 'Z';
}

/* The tokens' marks: quotes, vocabulary, sentences (the text was tokenized
 * before the dates pass, which reads the same tokens). */
static chr_status pass_tokens(chr_extractor *x)
{
    size_t n = x->tok->n;
    if (n + 1 > x->tokcap) {
        size_t cap = x->tokcap;
        if (chr_grow((void **)&x->tq, &cap, n + 1, sizeof *x->tq)) return CHR_ERR_NOMEM;
        cap = x->tokcap;
        if (chr_grow((void **)&x->tsent, &cap, n + 1, sizeof *x->tsent)) return CHR_ERR_NOMEM;
        cap = x->tokcap;
        if (chr_grow((void **)&x->tment, &cap, n + 1, sizeof *x->tment)) return CHR_ERR_NOMEM;
        cap = x->tokcap;
        if (chr_grow((void **)&x->tcontent, &cap, n + 1, sizeof *x->tcontent)) return CHR_ERR_NOMEM;
        cap = x->tokcap;
        if (chr_grow((void **)&x->tcov, &cap, n + 1, sizeof *x->tcov)) return CHR_ERR_NOMEM;
        cap = x->tokcap;
        if (chr_grow((void **)&x->tobj, &cap, n + 1, sizeof *x->tobj)) return CHR_ERR_NOMEM;
        cap = x->tokcap;
        if (chr_grow((void **)&x->tv, &cap, n + 1, sizeof *x->tv)) return CHR_ERR_NOMEM;
        cap = x->tokcap;
        if (chr_grow((void **)&x->tw, &cap, n + 1, sizeof *x->tw)) return CHR_ERR_NOMEM;
        x->tokcap = cap;
    }
    memset(x->tq, 0, n * sizeof *x->tq);
    memset(x->tment, 0, n * sizeof *x->tment);
    memset(x->tcov, 0, n * sizeof *x->tcov);
    memset(x->tobj, 0, n * sizeof *x->tobj);
    memset(x->tcontent, 0, n * sizeof *x->tcontent);
    /* quotations: curly and guillemets nest-free; straight quotes pair up */
    x->nq = 0;
    size_t open = (size_t)-1;
    for (size_t k = 0; k < n; k++) {
        const chr_token *tk = T(x, k);
        if ((tk->flags & CHR_TOK_BREAK) && open != (size_t)-1) open = (size_t)-1;
        if (!(tk->flags & CHR_TOK_PUNCT)) continue;
        uint32_t c = tk->cp;
        if (open == (size_t)-1 && (opens(c) || c == '"')) {
            open = k;
        } else if (open != (size_t)-1 && (closes(c) || c == '"') && k > open + 1) {
            if (GROW(x->q, x->nq, x->qcap)) return CHR_ERR_NOMEM;
            quote *q = &x->q[x->nq++];
            q->t0 = open + 1;
            q->t1 = k;
            q->c0 = T(x, open + 1)->start;
            /* "We will not accept this," Lavrov said: the comma is the sentence's */
            size_t last = k - 1;
            while (last > open + 1 && (T(x, last)->flags & CHR_TOK_PUNCT) &&
                   (T(x, last)->cp == ',' || T(x, last)->cp == 0x060C))
                last--;
            q->c1 = T(x, last)->end;
            for (size_t j = q->t0; j < q->t1; j++) x->tq[j] = (int32_t)x->nq;
            open = (size_t)-1;
        }
    }
    /* vocabulary: one longest match per token, the length kept in the high
     * bits (before the sentences: a listed form may hold a full stop) */
    const chr_phrases *dict = x->voc->dict[x->lang == CHR_LANG_EN ? CHR_LANG_EN : CHR_LANG_AR];
    for (size_t k = 0; k < n; k++) {
        chr_phrase_match pm;
        x->tv[k].n = 0;
        x->tw[k].n = 0;
        x->tv[k].ids = NULL;
        if (chr_phrases_match(dict, x->tok, k, &pm)) {
            x->tv[k].n = (uint32_t)pm.nids | ((uint32_t)pm.ntok << 16);
            x->tv[k].ids = pm.ids;
        }
    }
    /* sentences */
    x->ns = 0;
    size_t s0 = 0;
    for (size_t k = 0; k <= n; k++) {
        int cut = k == n;
        if (!cut && k > s0 && (T(x, k)->flags & CHR_TOK_BREAK)) cut = 1;
        if (!cut && k > s0 && !x->tq[k - 1] && (T(x, k - 1)->flags & CHR_TOK_PUNCT) &&
            sentence_end(T(x, k - 1)->cp) && (T(x, k)->flags & CHR_TOK_SPACE) && !stop_inside_word(x, s0, k - 1))
            cut = 1;
        if (!cut) continue;
        if (k > s0) {
            if (GROW(x->s, x->ns, x->scap)) return CHR_ERR_NOMEM;
            sent *s = &x->s[x->ns];
            s->t0 = s0;
            s->t1 = k;
            s->c0 = T(x, s0)->start;
            s->c1 = T(x, k - 1)->end;
            s->item = item_of(x, s->c0);
            for (size_t j = s0; j < k; j++) x->tsent[j] = (int32_t)x->ns;
            x->ns++;
        }
        s0 = k;
    }
    return CHR_OK;
}

/* ---- what the passes share ------------------------------------------------ */

int64_t chr_ex_aref_gz(chr_extractor *x, uint32_t gid)
{
    for (size_t i = 0; i < x->na; i++)
        if (x->a[i].gz == (int64_t)gid) return (int64_t)i;
    if (GROW(x->a, x->na, x->acap)) return -1;
    const chr_actor *ac = chr_gazetteer_actor(x->gz, gid);
    aref *r = &x->a[x->na];
    r->gz = gid;
    r->name = (char *)ac->name;
    r->title = NULL;
    r->affil = NOACTOR;
    r->kind = ac->kind;
    return (int64_t)x->na++;
}

/* The word lists' match at token k (vocab.c word_files), looked up on its
 * first use: rules ask of a token many times. */
static inline const struct wmatch *words_at(const chr_extractor *x, size_t k)
{
    struct wmatch *w = &x->tw[k];
    if (!w->n) {
        chr_phrase_match pm;
        const chr_phrases *p = x->voc->words[x->lang == CHR_LANG_EN ? CHR_LANG_EN : CHR_LANG_AR];
        int m = chr_phrases_match(p, x->tok, k, &pm);
        w->n = m ? 1 + (uint32_t)pm.ntok : 1;
        w->nids = m ? (uint32_t)pm.nids : 0;
        w->ids = m ? pm.ids : NULL;
    }
    return w;
}

size_t chr_ex_word_len(const chr_extractor *x, size_t k, const char *value)
{
    const struct wmatch *w = words_at(x, k);
    for (size_t i = 0; i < w->nids; i++) {
        const char *v = x->voc->values[w->ids[i]];
        if (v[0] == value[0] && !strcmp(v, value)) return w->n - 1;   /* the first letter tells most apart */
    }
    return 0;
}

size_t chr_ex_past_timex(const chr_extractor *x, size_t k, size_t end)
{
    size_t c = T(x, k)->start;
    for (size_t i = 0; i < x->ntx; i++)
        if (x->tx[i].t.start == c) {
            while (k < end && T(x, k)->start < x->tx[i].t.end) k++;
            return k;
        }
    return k;
}

int chr_ex_in_timex(const chr_extractor *x, size_t k)
{
    size_t c = T(x, k)->start;
    for (size_t i = 0; i < x->ntx; i++)
        if (c >= x->tx[i].t.start && c < x->tx[i].t.end) return 1;
    return 0;
}

/* ---- 6. events ---------------------------------------------------------------- */

typedef struct ev_actor { uint32_t actor; const char *role; } ev_actor;

static int push_actor(ev_actor *v, int *n, int max, uint32_t a, const char *role)
{
    for (int i = 0; i < *n; i++)
        if (v[i].actor == a) return 0;
    if (*n >= max) return 0;
    v[*n].actor = a;
    v[*n].role = role;
    (*n)++;
    return 1;
}

/* Whether one of the n actors in v has a role that begins with r ('s'
 * source, 't' target). */
static int has_role(const ev_actor *v, int n, char r)
{
    for (int i = 0; i < n; i++)
        if (v[i].role[0] == r) return 1;
    return 0;
}

/* The actors of an event in the record: name, role and kind. */
static chr_rec_role *event_roles(chr_extractor *x, const ev_actor *act, int na)
{
    chr_rec_role *v = na ? chr_record_alloc(x->rec, (size_t)na * sizeof *v) : NULL;
    for (int i = 0; v && i < na; i++) {
        const aref *r = &x->a[act[i].actor];
        v[i].name = chr_record_str(x->rec, r->name);
        v[i].role = act[i].role;
        v[i].kind = chr_actor_kind_str(r->kind);
    }
    return v;
}

/* Whether the expression starting at code point c follows a word that makes
 * it a bound (منذ، قبل، since, before). */
static int bounded(const chr_extractor *x, size_t c)
{
    size_t lo = 0, hi = x->tok->n;
    while (lo < hi) {                          /* the first token ending after c */
        size_t mid = (lo + hi) / 2;
        if (T(x, mid)->end <= c) lo = mid + 1;
        else hi = mid;
    }
    return lo < x->tok->n && lo > 0 && vval(x, lo - 1, VK_BOUND) != NULL;
}

/* Whether the date expression t, inside the words of statement st, dates
 * the saying: it ends words that are only what the statement is about ("The
 * UN warned of famine in Gaza on Tuesday", "حذرت إيران إسرائيل من أي هجوم
 * على منشآتها النووية يوم الاثنين"), which tell no event, condition or
 * saying of their own, so that the reporting verb is the one verb there is
 * for the date to go with. */
static int dates_saying(const chr_extractor *x, const stmt *st, const chr_timex *t)
{
    if (!st->topic || st->quoted || t->end != st->c1) return 0;
    for (size_t c = st->ct0; c < st->ct1; c++)
        if (!covered(x, c) && (vval(x, c, VK_TRIGGER) || vval(x, c, VK_COND) || vval(x, c, VK_REPORT))) return 0;
    return 1;
}

/* Whether character c lies in a clause set off by commas in sentence s
 * (chr_ex_aside_end) that character kc, the trigger, is not in. */
static int in_aside(const chr_extractor *x, const sent *s, size_t c, size_t kc)
{
    for (size_t t = s->t0; t < s->t1; t++) {
        size_t e = chr_ex_aside_end(x, s, t);
        if (!e) continue;
        size_t a0 = T(x, t)->end, a1 = T(x, e)->start;
        if (c >= a0 && c < a1 && !(kc >= a0 && kc < a1)) return 1;
        t = e - 1;
    }
    return 0;
}

/* The date of an event in sentence si whose trigger is token k: the nearest
 * date expression of the sentence, past its dateline, outside quoted or
 * reported words (a list or range of them gives start and end), else the
 * report's date. */
static chr_rec_date event_date(chr_extractor *x, size_t si, size_t k, int item)
{
    const sent *s = &x->s[si];
    int best = -1;
    size_t bestd = (size_t)-1;
    size_t kc = T(x, k)->start;
    size_t text0 = T(x, chr_ex_dateline_end(x, s))->start;   /* a dateline's date is the report's */
    for (size_t i = 0; i < x->ntx; i++) {
        const chr_timex *t = &x->tx[i].t;
        if (t->start < text0 || t->end > s->c1) continue;
        if (t->type != CHR_TX_DATE && t->type != CHR_TX_TIME && !(t->type == CHR_TX_DURATION && t->first[0])) continue;
        /* a duration counted from the report ("over the past three days")
         * dates by the days it covers */
        if (strchr(t->value, 'X') || (t->value[0] == 'P' && !t->first[0]) || !strcmp(t->value, "PRESENT_REF") ||
            !strcmp(t->value, "PAST_REF") || !strcmp(t->value, "FUTURE_REF"))
            continue;
        if (bounded(x, t->start)) continue;    /* "منذ عام 2012": a bound, not the date */
        if (t->naming) continue;               /* "withdrew from the 2015 deal", "اتفاق 2015" */
        if (in_aside(x, s, t->start, kc)) continue;   /* "Putin, who visited ... in June, said" */
        /* a date inside someone's words dates what the words tell, not the
         * saying; an event told by those words (the trigger inside them too,
         * "X shelled Y on Tuesday, the ministry said") takes it */
        int inside = 0;
        for (size_t q = 0; q < x->nq; q++)
            inside |= t->start >= x->q[q].c0 && t->end <= x->q[q].c1 && !(kc >= x->q[q].c0 && kc < x->q[q].c1);
        for (size_t q = 0; q < x->nst; q++)
            inside |= t->start >= x->st[q].c0 && t->end <= x->st[q].c1 &&
                      !(kc >= x->st[q].c0 && kc < x->st[q].c1) && !dates_saying(x, &x->st[q], t);
        if (inside) continue;
        size_t d = t->start > kc ? t->start - kc : kc - t->end;
        if (d < bestd) {
            bestd = d;
            best = (int)i;
        }
    }
    chr_rec_date o;
    memset(&o, 0, sizeof o);
    o.relative = -1;
    char dct[11];
    date_str(&x->dct[item], dct);
    if (best < 0) {
        if (x->dct[item].y) {
            o.value = o.end = chr_record_str(x->rec, dct);
            o.granularity = "day";
            o.basis = "reported";
        } else {
            char pd[11];
            date_str(&x->dct[0], pd);
            o.start = x->dct[0].y ? chr_record_str(x->rec, pd) : NULL;
            o.basis = "unknown";
        }
        return o;
    }
    /* the rows of one list or range share a group */
    const chr_timex *t = &x->tx[best].t;
    const char *lo = t->value, *hi = t->value;
    size_t c0 = t->start, c1 = t->end;
    o.basis = "stated";
    o.has_timex = 1;
    if (t->first[0]) {
        o.value = rinterval(x, t->first, t->last);
        o.start = chr_record_str(x->rec, t->first);
        o.end = chr_record_str(x->rec, t->last);
        o.granularity = "day";
        o.relative = t->relative != 0;
        o.timex = rspan(x, c0, c1);
        return o;
    }
    for (size_t i = 0; i < x->ntx; i++) {
        const chr_timex *u = &x->tx[i].t;
        if (u->group != t->group || u->type != t->type) continue;
        if (strcmp(u->value, lo) < 0) lo = u->value;
        if (strcmp(u->value, hi) > 0) hi = u->value;
        if (u->start < c0) c0 = u->start;
        if (u->end > c1) c1 = u->end;
    }
    o.value = strcmp(lo, hi) ? rinterval(x, lo, hi) : chr_record_str(x->rec, lo);
    o.start = chr_record_str(x->rec, lo);
    o.end = chr_record_str(x->rec, hi);
    o.granularity = chr_record_str(x->rec, t->granularity);
    o.relative = t->relative != 0;
    if (t->mod && t->mod[0]) o.mod = chr_record_str(x->rec, t->mod);
    o.timex = rspan(x, c0, c1);
    return o;
}

/* The rest of an event found at token k of sentence si: the statement that
 * reports it (told, or -1), its date and its evidence. */
static int event_report(chr_extractor *x, chr_rec_event *ev, int told, size_t si, size_t k)
{
    const sent *s = &x->s[si];
    if (told >= 0) {
        if (!(ev->statements = chr_record_alloc(x->rec, sizeof *ev->statements))) return -1;
        ev->statements[0] = told;
        ev->nstatements = 1;
    }
    ev->date = event_date(x, si, k, s->item);
    ev->evidence = rspan(x, s->c0, s->c1);
    return 0;
}

/* Events whose actors act together (sign, meet, negotiate): all participants. */
static int symmetric(const char *cameo)
{
    return !strncmp(cameo, "057", 3) || !strncmp(cameo, "036", 3) || !strncmp(cameo, "040", 3) ||
           !strncmp(cameo, "046", 3);
}

/* The party an actor of a signing stands for: a state or organisation
 * itself, a person's state (Pezeshkian signs for Iran), or none. */
static uint32_t party_of(chr_extractor *x, uint32_t a)
{
    const aref *r = &x->a[a];
    if (r->kind == CHR_ACTOR_STATE || r->kind == CHR_ACTOR_ORG) return a;
    if (r->kind != CHR_ACTOR_PERSON) return NOACTOR;
    if (r->gz < 0) return r->affil;
    const chr_actor *ac = chr_gazetteer_actor(x->gz, (uint32_t)r->gz);
    int64_t s = ac->affiliation[0] ? chr_gazetteer_find(x->gz, ac->affiliation) : -1;
    if (s < 0) return NOACTOR;
    int64_t id = chr_ex_aref_gz(x, (uint32_t)s);
    return id < 0 ? NOACTOR : (uint32_t)id;
}

/* Whether tokens [a, b) only join names: commas, "and", and the title and
 * nationality of the next name (a = 0: no name before; a = SIZE_MAX: none
 * that a name here could join). */
static int only_joiners(const chr_extractor *x, size_t a, size_t b)
{
    if (!a) return 1;
    if (a == SIZE_MAX) return 0;
    for (size_t t = a; t < b; t++) {
        if (is_comma(T(x, t)) || prep_is(x, t, "AND")) continue;
        if (vval(x, t, VK_TITLE)) {                     /* "and Russian Foreign Minister Lavrov" */
            t += vlen(x, t) - 1;
            continue;
        }
        size_t hl = chr_ex_word_len(x, t, "HONORIFIC");  /* "UAE President Sheikh Mohamed" */
        if (hl) {
            t += hl - 1;
            continue;
        }
        const mention *m = mention_at(x, t);
        if (m && m->tag == CHR_ALIAS_ADJ) {
            t = m->t1 - 1;
            continue;
        }
        return 0;
    }
    return 1;
}

/* The subject of the verb at k that stands before commas: the first acting
 * name in [b, from) that a comma follows, with no name acting in [from, k)
 * and no other verb between it and k ("Lavrov, in turn, accused"); NOACTOR
 * otherwise. */
static uint32_t comma_subject(const chr_extractor *x, size_t b, size_t from, size_t k)
{
    for (size_t t = from; t < k; t++) {
        const mention *m = mention_at(x, t);
        if (m && chr_ex_agent(x, m) && !m->prep) return NOACTOR;
    }
    for (size_t t = b; t < from; t++) {
        const mention *m = mention_at(x, t);
        if (!m || m->t0 != t || !chr_ex_agent(x, m) || m->prep || x->tq[t] || x->tcontent[t]) continue;
        if (m->t1 >= x->tok->n || !is_comma(T(x, m->t1))) return NOACTOR;
        for (size_t v = m->t1; v < k; v++)
            if (vval(x, v, VK_TRIGGER) || vval(x, v, VK_REPORT)) return NOACTOR;
        return m->actor;
    }
    return NOACTOR;
}

/* The name a relative pronoun at r refers to: the mention right before it,
 * past a comma ("Putin, who", "بوتين، الذي") and past a noun of forces that
 * follows its adjective ("Russian troops who", "Israeli forces, which");
 * NULL when none. */
static const mention *relative_antecedent(const chr_extractor *x, const sent *s, size_t r)
{
    if (r <= s->t0) return NULL;
    size_t a = r - 1;
    if (is_comma(T(x, a))) {
        if (a <= s->t0) return NULL;
        a--;
    }
    if (!x->tcov[a])
        for (size_t f = a + 1 > s->t0 + 2 ? a - 2 : s->t0; f <= a; f++)
            if (vval(x, f, VK_FORCE) && f + vlen(x, f) == a + 1 && f > s->t0) {
                a = f - 1;
                break;
            }
    if (!x->tcov[a]) return NULL;
    const mention *m = &x->m[x->tcov[a] - 1];
    return m->t1 == a + 1 ? m : NULL;
}

/* Whether m names a state by its forces (an adjective: "القوات السورية")
 * and another agent stands between it and the trigger at k: then the
 * forces belong to an earlier verb ("اتهمت السلطات السورية إسرائيل بشن
 * غارات": Israel strikes, Syria accuses). */
static int force_behind(const chr_extractor *x, const mention *m, size_t k)
{
    if (m->tag != CHR_ALIAS_ADJ) return 0;
    for (size_t i = 0; i < x->nm; i++) {
        const mention *o = &x->m[i];
        if (o->tag == CHR_ALIAS_ADJ && o->t0 <= m->t1 + 1) continue;   /* joined to it: "المصريون والقطريون" */
        if (o->t0 >= m->t1 && o->t1 <= k && chr_ex_agent(x, o)) return 1;
    }
    return 0;
}

/* Whether a temporal expression starts right after the bound word at k
 * ("since 2012", "بعد ثلاثة أيام"): then the bound belongs to a date. */
static int past_timex_at(const chr_extractor *x, size_t k)
{
    return k + 1 < x->tok->n && chr_ex_past_timex(x, k + 1, x->tok->n) > k + 1;
}

/* Arabic puts the subject between a verb and its object, so that "رفعت
 * الولايات المتحدة العقوبات" does not read as the listed "رفعت العقوبات"
 * (085, lifting sanctions) but as "العقوبات" alone (163, imposing them).
 * For the noun trigger at k, the verb that opens its clause (at from) is
 * tried in front of it, with and without a clitic و/ف, and in front of the
 * noun's first word alone ("جمد المساعدات" for "جمد ... المساعدات
 * المالية"): the code of a listed verb and object, or NULL. */
static const char *verb_object_code(const chr_extractor *x, size_t from, size_t k)
{
    if (x->lang == CHR_LANG_EN || from >= k || !(T(x, from)->flags & CHR_TOK_WORD) || x->tment[from] ||
        vval(x, from, VK_TRIGGER) || vval(x, from, VK_REPORT))
        return NULL;
    const chr_phrases *dict = x->voc->dict[CHR_LANG_AR];
    const chr_token *v = T(x, from);
    const char *vw = x->tok->buf + v->norm;
    size_t vn = v->norm_len;
    for (int strip = 0; strip < 2; strip++) {
        if (strip) {
            if (vn <= 4 || (memcmp(vw, "\xd9\x88", 2) && memcmp(vw, "\xd9\x81", 2))) break;   /* و ف */
            vw += 2;
            vn -= 2;
        }
        for (size_t n = vlen(x, k); n >= 1; n--) {
            char key[512];
            size_t l = 0;
            if (vn + 1 >= sizeof key) return NULL;
            memcpy(key, vw, vn);
            l = vn;
            int fits = 1;
            for (size_t t = k; t < k + n; t++) {
                const chr_token *tk = T(x, t);
                if (l + 1 + tk->norm_len >= sizeof key) { fits = 0; break; }
                if (t == k || (tk->flags & CHR_TOK_SPACE)) key[l++] = ' ';
                memcpy(key + l, x->tok->buf + tk->norm, tk->norm_len);
                l += tk->norm_len;
            }
            size_t nids = 0;
            const uint32_t *ids = fits ? chr_phrases_get(dict, key, l, &nids) : NULL;
            for (size_t i = 0; i < nids; i++)
                if (VK_OF(ids[i]) == VK_TRIGGER && strcmp(x->voc->values[VV_OF(ids[i])], "-"))
                    return x->voc->values[VV_OF(ids[i])];
        }
    }
    return NULL;
}

/* The code a word of weapon.txt at t gives a verb of launch.txt of class
 * cls: a value "CLASS:CODE" for that class, or a bare code for LAUNCH. */
static const char *object_code(const chr_extractor *x, size_t t, const char *cls)
{
    for (uint32_t i = 0; i < vn(x, t); i++) {
        uint32_t p = x->tv[t].ids[i];
        if (VK_OF(p) != VK_WEAPON) continue;
        const char *v = x->voc->values[VV_OF(p)], *colon = strchr(v, ':');
        if (!colon && !strcmp(cls, "LAUNCH")) return v;
        if (colon && strlen(cls) == (size_t)(colon - v) && !strncmp(v, cls, (size_t)(colon - v))) return colon + 1;
    }
    return NULL;
}

/* For a verb of launch.txt of class cls at k, what it sends off (weapon.txt: a weapon
 * fired, diplomats expelled) a few words on in its clause, and through *end
 * the token after it: the code of the event, or NULL.  Between them only a
 * number, an adjective, "of" ("a barrage of rockets") and, in Arabic, the
 * subject (أطلق حزب الله عشرات الصواريخ) may stand; a trigger, a reporting
 * verb, another preposition or punctuation ends the search. */
static const char *weapon_after(const chr_extractor *x, const sent *s, size_t k, const char *cls, size_t *end)
{
    /* (a launch stops at another event; a deal may be of one: "reached a
     * ceasefire agreement", and reached "to" one: توصل إلى اتفاق) */
    int launch = !strcmp(cls, "LAUNCH");
    int seize = !strcmp(cls, "SEIZE");          /* "استولى الحوثيون على سفينة" */
    size_t words = 0;
    for (size_t t = k + vlen(x, k); t < s->t1 && words < 6; words++) {
        const char *code = object_code(x, t, cls);
        if (code) {
            *end = t + vlen(x, t);
            return code;
        }
        if ((T(x, t)->flags & CHR_TOK_PUNCT) || x->tq[t] || (launch && vval(x, t, VK_TRIGGER)) ||
            vval(x, t, VK_REPORT) ||
            (prep_is(x, t, "PLACE") && !prep_is(x, t, "OF") && !prep_is(x, t, "FROM") && (launch || !(prep_is(x, t, "TO") || prep_is(x, t, "IN"))) &&
             !(seize && prep_is(x, t, "AGAINST"))))
            return NULL;
        const mention *m = mention_at(x, t);
        /* English: a name between is a new clause's subject, unless it
         * qualifies the object ("targeted Hezbollah positions") */
        if (m && x->lang == CHR_LANG_EN && chr_ex_agent(x, m) && m->tag != CHR_ALIAS_ADJ &&
            !(m->t1 < s->t1 && object_code(x, m->t1, cls)))
            return NULL;
        t += m ? m->t1 - m->t0 : vlen(x, t) ? vlen(x, t) : 1;
    }
    return NULL;
}

/* A new event at the end of the record's events, zeroed; NULL when memory
 * fails.  Valid until the next call. */
static chr_rec_event *new_event(chr_extractor *x)
{
    chr_record *r = x->rec;
    if (r->nevents == x->evcap) {
        size_t cap = x->evcap ? x->evcap * 2 : 16;
        chr_rec_event *n = chr_record_alloc(r, cap * sizeof *n);
        if (!n) return NULL;
        if (r->nevents) memcpy(n, r->events, r->nevents * sizeof *n);
        r->events = n;                         /* the old array stays in the arena, unused */
        x->evcap = cap;
    }
    chr_rec_event *e = &r->events[r->nevents++];
    memset(e, 0, sizeof *e);
    return e;
}

/* The statement in whose reported words token k stands, when an event
 * told there is one its speaker reports as a fact: said or added (not
 * denied, asked, warned of or called for), not negated, in a reported clause
 * ("the ministry said Israeli jets struck Damascus"), not a quotation (a
 * speaker's own words, "we", are left to the statement), nor what the words
 * are about (أكد على ضرورة ...).  -1: none. */
static int reported_in(const chr_extractor *x, size_t k)
{
    if (x->tq[k]) return -1;
    for (size_t i = 0; i < x->nst; i++) {
        const stmt *st = &x->st[i];
        if (k < st->ct0 || k >= st->ct1 || st->trailing != !x->tcontent[k]) continue;
        if (st->quoted || st->topic || st->negated ||
            (strcmp(st->verb, "SAY") && strcmp(st->verb, "ADD") && strcmp(st->verb, "ALSO")))
            return -1;
        return (int)i;
    }
    return -1;
}

/* Whether trigger k is a noun pointing back to something told already:
 * "the talks", "هذه المحادثات", or an Arabic noun with the article, its
 * clitics before it (المحادثات، والتعاون، بالاتفاق، للزيارة). */
static int refers_back(const chr_extractor *x, size_t k)
{
    if (k > 0 && prep_is(x, k - 1, "THE")) return 1;
    const chr_token *tk = T(x, k);
    if (!(tk->flags & CHR_TOK_ARABIC)) return 0;
    const char *w = x->tok->buf + tk->norm;
    size_t n = tk->norm_len, o = 0;
    /* و ف, then ب ل ك: two bytes each */
    if (n > o + 2 && (!memcmp(w + o, "\xd9\x88", 2) || !memcmp(w + o, "\xd9\x81", 2))) o += 2;
    if (n > o + 2 && (!memcmp(w + o, "\xd8\xa8", 2) || !memcmp(w + o, "\xd9\x83", 2))) o += 2;
    if (n > o + 4 && !memcmp(w + o, "\xd9\x84\xd9\x84", 4)) return 1;   /* لل = ل + ال */
    if (n > o + 2 && !memcmp(w + o, "\xd9\x84", 2) && n > o + 6 && !memcmp(w + o + 2, "\xd8\xa7\xd9\x84", 4)) o += 2;
    return n > o + 6 && !memcmp(w + o, "\xd8\xa7\xd9\x84", 4);
}

/* Whether the noun at k (after its article) follows "of", "من" (or "in")
 * after a noun of quantity.txt, an adjective perhaps between: "a package of
 * sanctions", "جولة جديدة من المحادثات", "$425 million in military aid". */
static int counted(const chr_extractor *x, const sent *s, size_t k)
{
    if (k < s->t0 + 2 || !(prep_is(x, k - 1, "OF") || prep_is(x, k - 1, "FROM") ||
                           (x->lang == CHR_LANG_EN && prep_is(x, k - 1, "IN"))))   /* "$425 million in military aid" */
        return 0;
    if (vval(x, k - 2, VK_QUANTITY)) return 1;
    return k >= s->t0 + 3 && vval(x, k - 3, VK_QUANTITY) && !covered(x, k - 2) && (T(x, k - 2)->flags & CHR_TOK_WORD);
}

/* The tokens of [a, b) inside date expressions: "on Monday" between a
 * subject and its verb lengthens no distance. */
static size_t timex_tokens(const chr_extractor *x, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t t = a; t < b; t++) n += chr_ex_in_timex(x, t);
    return n;
}

/* Where a noun of force.txt that ends at token t begins (not before lo):
 * "القوات" of "على يد القوات الإسرائيلية"; SIZE_MAX when none does. */
static size_t force_ends_at(const chr_extractor *x, size_t lo, size_t t)
{
    for (size_t b = t; b-- > lo && b + 4 > t;)
        if (vval(x, b, VK_FORCE) && b + vlen(x, b) == t) return b;
    return SIZE_MAX;
}

/* Whether a word of a words-dictionary file with value ends at token t,
 * beginning no earlier than lo ("by", "من قبل"). */
static int word_ends_at(const chr_extractor *x, size_t lo, size_t t, const char *value)
{
    for (size_t b = t; b-- > lo && b + 4 > t;)
        if (chr_ex_word_len(x, b, value) == t - b) return 1;
    return 0;
}

/* Whether an Arabic verb whose words end at after has for its subject a
 * noun of force.txt with the article that names no one, no name right after it ("اعتقلت
 * الشرطة عناصر حماس", "استهدفت المدفعية مواقع"): the names after it are
 * the verb's objects, not its subject (not "الشرطة المصرية", "قوات حماس"). */
static int unnamed_force_at(const chr_extractor *x, const sent *s, size_t after)
{
    if (x->lang == CHR_LANG_EN || after >= s->t1 || x->tcov[after] || !vval(x, after, VK_FORCE)) return 0;
    /* (with the article: a noun without it is in construct with what
     * follows, "مسؤول السياسة الخارجية ... جوزيب بوريل"، "وفد من حماس") */
    if (!chr_ex_definite(x, after)) return 0;
    size_t e = after + vlen(x, after);
    return e < s->t1 && !x->tcov[e] && (T(x, e)->flags & CHR_TOK_WORD);
}

/* Whether name m follows a word of prep.txt with value after the trigger
 * whose words end at after, directly or joined to a name that does:
 * BETWEEN ("between Israel and Hezbollah", "بين روسيا وأوكرانيا"), BY ("was
 * signed by Armenia and Azerbaijan", "من قبل قوات الاحتلال"); an Arabic
 * noun of force may stand before it ("من قبل الشرطة المصرية"). */
static int names_after_word(const chr_extractor *x, size_t after, const mention *m, const char *value)
{
    for (size_t t = m->t0; t > after;) {
        size_t p = t - 1;
        if (word_ends_at(x, after, t, value)) return 1;      /* "by", "من قبل" */
        if (covered(x, p)) t = x->m[x->tcov[p] - 1].t0;
        else if (is_comma(T(x, p)) || prep_is(x, p, "AND") || prep_is(x, p, "THE")) t = p;
        else if ((p = force_ends_at(x, after, t)) != SIZE_MAX) t = p;   /* "من قبل الشرطة المصرية" */
        else return 0;
    }
    return 0;
}

/* The length of a word of prep.txt BY at t ("by", من قبل، على يد) that
 * introduces an agent, or 0: a word comes after it, no date or number ("by
 * 2020", "by 10 percent"), and in Arabic a name or a noun of force (not "لم
 * يحدث من قبل", "before"). */
static size_t agent_word(const chr_extractor *x, const sent *s, size_t t)
{
    size_t l = chr_ex_word_len(x, t, "BY"), n = t + l;
    if (!l || n >= s->t1 || !(T(x, n)->flags & CHR_TOK_WORD) || chr_ex_in_timex(x, n)) return 0;
    return x->lang == CHR_LANG_EN || x->tcov[n] || vval(x, n, VK_FORCE) ? l : 0;
}

/* Whether an Arabic verb whose words end at after has its subject right
 * after it: a name that acts, a noun of forces perhaps before it (قصفت
 * الطائرات الإسرائيلية). */
static int subject_after_ar(const chr_extractor *x, const sent *s, size_t after)
{
    for (size_t t = after; t < s->t1 && t < after + 3;) {
        const mention *m = mention_at(x, t);
        if (m) return chr_ex_agent(x, m) && !m->prep;
        if (!vval(x, t, VK_FORCE)) return 0;
        t += vlen(x, t);
    }
    return 0;
}

/* Whether the English verb trigger at k is passive: a form of "be"
 * (passive.txt) right before it, or an adverb between ("was reportedly
 * killed"); an Arabic masdar with its word right before it ("تم اعتقال"). */
static int passive_at(const chr_extractor *x, const sent *s, size_t k)
{
    if (x->lang != CHR_LANG_EN) return k > s->t0 && word_ends_at(x, s->t0, k, "BE");
    for (size_t t = k > s->t0 + 4 ? k - 4 : s->t0; t < k; t++) {
        size_t l = chr_ex_word_len(x, t, "BE");
        if (!l) continue;
        if (t + l == k) return 1;
        if (t + l + 1 == k && (T(x, t + l)->flags & CHR_TOK_WORD) && !covered(x, t + l) && !vn(x, t + l)) return 1;
    }
    return 0;
}

/* Whether the English noun trigger at k is the agent of a passive verb
 * before it ("Kyiv was hit by a massive Russian missile attack"): "by" at
 * most three words back, a form of "be" and a participle before that.  The
 * subject is then what the act struck. */
static int agent_by(const chr_extractor *x, const sent *s, size_t k)
{
    if (x->lang != CHR_LANG_EN) return 0;
    for (size_t t = k; t > s->t0 && t + 4 > k; t--) {
        if (prep_is(x, t - 1, "BY")) return passive_at(x, s, t - 1);
        const mention *m = x->tcov[t - 1] ? &x->m[x->tcov[t - 1] - 1] : NULL;
        if ((m && m->tag != CHR_ALIAS_ADJ) || !(T(x, t - 1)->flags & CHR_TOK_WORD)) return 0;
    }
    return 0;
}

/* Whether the English trigger at k is a verb after "to" (its base form: no
 * -s, -ed or -ing): what someone is to do, invited, asked or meant to, not a
 * fact ("invited Netanyahu to visit Budapest").  Forms that are facts are
 * listed whole ("agreed to meet" is 036); "in response to sanctions" is a
 * noun. */
static int infinitive(const chr_extractor *x, const sent *s, size_t k)
{
    if (x->lang != CHR_LANG_EN || k == s->t0) return 0;
    const chr_token *p = T(x, k - 1), *v = T(x, k);
    if (p->norm_len != 2 || memcmp(x->tok->buf + p->norm, "to", 2) || vlen(x, k) != 1) return 0;
    const char *w = x->tok->buf + v->norm;
    size_t n = v->norm_len;
    if (n < 3 || w[n - 1] == 's' || (n > 3 && !memcmp(w + n - 2, "ed", 2)) || (n > 4 && !memcmp(w + n - 3, "ing", 3)))
        return 0;
    return !(k + 1 < s->t1 && prep_is(x, k + 1, "OF"));      /* "to the visit of" is a noun */
}

/* Whether the noun trigger at k, after "the" ("the truce") or, in Arabic,
 * with the article after a preposition ("خلال اللقاء"), names an event of
 * its code told before in the same item: the same event ("A ceasefire took
 * effect ... Mikati called the truce a step"), not a new one with the names
 * of its sentence.  Not every Arabic noun with the article: it marks first
 * mentions too (and begins verbs: التقى). */
static int told_before(const chr_extractor *x, const sent *s, size_t k, const char *cameo)
{
    if (k == s->t0) return 0;
    if (x->lang == CHR_LANG_EN ? !prep_is(x, k - 1, "THE")
                               : !(refers_back(x, k) && (prep_is(x, k - 1, "PLACE") || vval(x, k - 1, VK_BOUND))))
        return 0;
    const chr_record *r = x->rec;
    for (size_t i = 0; i < r->nevents; i++) {
        const chr_rec_event *e = &r->events[i];
        if (e->item != s->item || strcmp(e->cameo, cameo)) continue;
        /* ... whose own names, after it in its clause, are that event's:
         * "the air strikes on Qatar" is not "the air strikes on Israel" */
        int same = 1;
        for (size_t t = k + vlen(x, k); t < s->t1 && same && !is_comma(T(x, t)) && !x->tcontent[t] &&
                                        !vval(x, t, VK_CONTENT) && !vval(x, t, VK_REPORT);
             t++) {
            const mention *m = mention_at(x, t);
            if (!m || m->tag == CHR_ALIAS_ADJ) continue;
            int in = 0;
            for (size_t a = 0; a < e->nactors && !in; a++) in = !strcmp(e->actors[a].name, x->a[m->actor].name);
            same = in;
        }
        if (same) return 1;
    }
    return 0;
}

/* Whether a date expression in the text [c0, c1) lies wholly before the
 * report's date of item (ISO values compare as strings, at their own
 * length: 2024-10 is before 2024-11-15, 2024-11 is not). */
static int past_dated(const chr_extractor *x, size_t c0, size_t c1, int item)
{
    if (!x->dct[item].y) return 0;
    char dct[11];
    date_str(&x->dct[item], dct);
    for (size_t i = 0; i < x->ntx; i++) {
        const chr_timex *t = &x->tx[i].t;
        if (t->start < c0 || t->end > c1 || t->type != CHR_TX_DATE || !isdigit((unsigned char)t->value[0]) ||
            strchr(t->value, 'X'))
            continue;
        size_t n = strlen(t->value);
        if (strncmp(t->value, dct, n < 10 ? n : 10) < 0) return 1;
    }
    return 0;
}

/* The statement whose words, what it is about rather than a report (a
 * warning's "من رد قاس على اغتيال هنية في طهران الشهر الماضي"), tell in
 * passing of an event that has happened: trigger k is a noun after a
 * preposition further in than the words' first word (what the response
 * warned of would answer, not the response), does not point back
 * (refers_back), and a date of the words after it lies before the report.
 * -1: none. */
static int aside_in(const chr_extractor *x, size_t k, int item)
{
    if (k < 2 || !prep_is(x, k - 1, "PLACE") || prep_is(x, k - 1, "WITH") || refers_back(x, k)) return -1;
    for (size_t i = 0; i < x->nst; i++) {
        const stmt *st = &x->st[i];
        if (!st->topic || st->quoted || k < st->ct0 || k >= st->ct1) continue;
        return k - 1 > st->ct0 && past_dated(x, T(x, k)->start, st->c1, item) ? (int)i : -1;
    }
    return -1;
}

/* Whether a negation or a modal stands right before trigger k in its clause
 * (lo: where the clause begins), at most four tokens back and never across a
 * name or a comma: "did not sign", "لم توقع", "will visit", "سوف تزور",
 * "refused to withdraw" tell of no event; nor does a noun with one right
 * after it (after: the token after the trigger), "the talks would cover",
 * "the visit will take place". */
static int unreal(const chr_extractor *x, size_t lo, size_t k, size_t after)
{
    if (after < x->tok->n && (vval(x, after, VK_MODAL) || vval(x, after, VK_NEG))) return 1;
    for (size_t c = k; c > lo && c + 4 > k; c--) {
        size_t t = c - 1;
        const chr_token *tk = T(x, t);
        if ((tk->flags & CHR_TOK_PUNCT) && (tk->cp == ',' || tk->cp == 0x060C || tk->cp == ';' || tk->cp == ':' ||
                                            sentence_end(tk->cp)))
            return 0;
        if (covered(x, t)) return 0;
        if (vval(x, t, VK_NEG) || vval(x, t, VK_MODAL)) return 1;
    }
    return 0;
}

/* The first word of sentence s that opens a conditional clause ("إذا
 * تعرض أحد الطرفين لهجوم", "if it sent"), outside quotations; s->t1 when
 * none does.  What follows it tells of no event. */
static size_t condition_at(const chr_extractor *x, const sent *s)
{
    for (size_t k = s->t0; k < s->t1; k++)
        if (vval(x, k, VK_COND) && !x->tq[k]) return k;
    return s->t1;
}

/* Whether an agent named in [c0, c1) ends at most two words before trigger
 * k in English ("Moscow had signed"), one in Arabic ("روسيا قد وقعت"), or,
 * in Arabic, begins right after it (after: the token after the trigger;
 * "وقعت روسيا"). */
/* Whether reported words that begin at c0 open with a pronoun for their
 * speaker, a state or an organisation (pronoun.txt SELF), as the subject of
 * trigger k a few words on: "Hezbollah said it fired", "the ministry said
 * they had withdrawn", "قال حزب الله إنه قصف" (the pronoun on "that").  Not
 * a pronoun further in: "pressure would grow as long as it refused". */
static int self_subject(const chr_extractor *x, const stmt *st, size_t k)
{
    if (x->a[st->speaker].kind == CHR_ACTOR_PERSON || k < st->ct0) return 0;
    const char *v = vval(x, st->ct0, VK_PRONOUN);
    if (v && !strcmp(v, "SELF") && k > st->ct0 && k <= st->ct0 + 3) return 1;
    v = st->ct0 > 0 ? vval(x, st->ct0 - 1, VK_PRONOUN) : NULL;   /* Arabic: on the opening word */
    return v && !strcmp(v, "SELF") && k <= st->ct0 + 1;
}

/* Whether nationality adjective m stands on the noun trigger at k (words end
 * at after) as its agent: right before it in English ("Israeli air
 * strikes"), right after it in Arabic ("غارات إسرائيلية"). */
static int force_adjective(const chr_extractor *x, const mention *m, size_t k, size_t after)
{
    if (m->tag != CHR_ALIAS_ADJ || m->office || chr_ex_agent(x, m)) return 0;
    return x->lang == CHR_LANG_EN ? m->t1 == k : m->t0 == after;
}

static int subject_next_to(const chr_extractor *x, size_t c0, size_t c1, size_t k, size_t after, int force)
{
    for (size_t i = 0; i < x->nm; i++) {
        const mention *m = &x->m[i];
        if (m->t0 < c0 || m->t1 > c1) continue;
        if (force && force_adjective(x, m, k, after)) return 1;     /* "إن غارة إسرائيلية استهدفت" */
        if (!chr_ex_agent(x, m) || m->prep) continue;
        if (m->t1 <= k && m->t1 + (x->lang == CHR_LANG_EN ? 2 : 1) >= k) return 1;
        if (x->lang != CHR_LANG_EN && m->t0 >= after && m->t0 <= after + 1) return 1;
    }
    return 0;
}

/* The actors of the event before that "the two sides" (both: 1) or "the two
 * ministers" (2: people only) stand for, added to act as acting: all of
 * them but those only mentioned or speaking, when at least two are there. */
static int both_actors(chr_extractor *x, int both, const ev_actor *last, int nlast, ev_actor *act, int *na,
                       const char *role)
{
    uint32_t who[12];
    int n = 0, added = 0;
    for (int i = 0; i < nlast && n < 12; i++)
        if (strcmp(last[i].role, "mentioned") && strcmp(last[i].role, "speaker") &&
            (both != 2 || x->a[last[i].actor].kind == CHR_ACTOR_PERSON)) {
            uint32_t a = both == 3 ? party_of(x, last[i].actor) : last[i].actor;   /* Assad: Syria */
            int seen = a == NOACTOR;
            for (int j = 0; j < n && !seen; j++) seen = who[j] == a;
            if (!seen) who[n++] = a;
        }
    for (int i = 0; n >= 2 && i < n; i++) added |= push_actor(act, na, 12, who[i], role);
    return added;
}

/* Whether mention m lies inside a treaty's name ("Geneva" of "the Geneva
 * Conventions", اتفاقيات جنيف): a word of the name, no place of the event. */
static int in_treaty_name(const chr_extractor *x, const mention *m)
{
    for (size_t i = 0; i < x->ntm; i++)
        if (m->t0 >= x->tm[i].t0 && m->t1 <= x->tm[i].t1) return 1;
    return 0;
}

/* Whether m, in a treaty's name, only names it: a city (the Rome Statute,
 * the Minsk agreements) or the organisation it belongs to ("of the
 * International Criminal Court"); not a state in it ("the US-Ukraine
 * minerals agreement"), which may be a party. */
static int names_treaty(const chr_extractor *x, const mention *m)
{
    for (size_t i = 0; i < x->ntm; i++)
        if (m->t0 >= x->tm[i].t0 && m->t1 <= x->tm[i].t1)
            return m->tag == CHR_ALIAS_CAPITAL || m->tag == CHR_ALIAS_PLACE || x->tr[x->tm[i].treaty].org == m->actor;
    return 0;
}

/* Whether an Arabic title with the article stands at token t with no
 * nationality right after it and no person named in the words that follow
 * ("الوزير", "المتحدث باسم الوزارة"): an official the text does not name, the
 * subject of the verb before it. */
static int unnamed_official_at(const chr_extractor *x, const sent *s, size_t t)
{
    if (x->lang == CHR_LANG_EN || t >= s->t1 || !vval(x, t, VK_TITLE) || x->tcov[t]) return 0;
    const chr_token *tk = T(x, t);
    if (tk->norm_len < 6 || memcmp(x->tok->buf + tk->norm, "\xd8\xa7\xd9\x84", 4)) return 0;   /* ال */
    size_t e = t + vlen(x, t);
    if (e < s->t1 && x->tment[e] && x->m[x->tment[e] - 1].tag == CHR_ALIAS_ADJ) return 0;   /* الرئيس الفرنسي */
    for (size_t u = e; u < s->t1 && u < e + 8; u++) {     /* "الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ" */
        if ((T(x, u)->flags & CHR_TOK_PUNCT) || vval(x, u, VK_TRIGGER) || vval(x, u, VK_REPORT)) break;
        if (x->tment[u] && x->a[x->m[x->tment[u] - 1].actor].kind == CHR_ACTOR_PERSON) return 0;
    }
    return 1;
}

/* Whether m is the body a title names, between the title and the person
 * who holds it ("الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ",
 * "Secretary-General of NATO Mark Rutte"): whom the person acts for, neither
 * a place nor whom the event is aimed at. */
static int title_body(const chr_extractor *x, const mention *m)
{
    if (x->a[m->actor].kind == CHR_ACTOR_PERSON) return 0;
    int titled = 0;
    for (size_t b = m->t0 > 5 ? m->t0 - 5 : 0; b < m->t0 && !titled; b++)
        titled = vval(x, b, VK_TITLE) && b + vlen(x, b) >= m->t0 - 1;      /* "of" between, in English */
    if (!titled) return 0;
    for (size_t u = m->t1; u < x->tok->n && u < m->t1 + 2; u++)
        if (x->tment[u] && x->a[x->m[x->tment[u] - 1].actor].kind == CHR_ACTOR_PERSON) return 1;
    return 0;
}

/* Whether nationality adjective m qualifies a title or a counterpart
 * ("الرئيس التركي رجب طيب أردوغان", "نظيره الإيطالي أنطونيو تاياني",
 * "Turkish President Erdogan"), or a person named right after it: it is the
 * person's, not a target. */
static int of_title(const chr_extractor *x, const mention *m)
{
    size_t n = x->tok->n;
    if (m->t1 < n && x->tment[m->t1] && x->a[x->m[x->tment[m->t1] - 1].actor].kind == CHR_ACTOR_PERSON) return 1;
    if (x->lang == CHR_LANG_EN)
        return m->t1 < n && (vval(x, m->t1, VK_TITLE) || vval(x, m->t1, VK_COUNTERPART));
    for (size_t b = m->t0 > 4 ? m->t0 - 4 : 0; b < m->t0; b++)
        if ((vval(x, b, VK_TITLE) || vval(x, b, VK_COUNTERPART)) && b + vlen(x, b) == m->t0) return 1;
    return 0;
}

/* Whether the word at t is no word of the vocabulary but stop.txt's ("an",
 * "armed"). */
static int only_stop(const chr_extractor *x, size_t t)
{
    for (uint32_t i = 0; i < vn(x, t); i++)
        if (VK_OF(x->tv[t].ids[i]) != VK_STOP) return 0;
    return 1;
}

/* Whether the Arabic word at t is a noun in construct with the name after
 * it: a word with no article, no name, and no word of the vocabulary but
 * stop.txt's (not a verb of an event or of saying, a preposition or a
 * title). */
static int construct_head(const chr_extractor *x, size_t t)
{
    const chr_token *tk = T(x, t);
    return (tk->flags & CHR_TOK_WORD) && (tk->flags & CHR_TOK_ARABIC) && !x->tcov[t] && !chr_ex_definite(x, t) &&
           !words_at(x, t)->nids && only_stop(x, t);
}

/* Whether person m, right after a state or a body whose name ends at a,
 * holds its office: a title before the state's name or between ("رئيس دولة
 * الإمارات الشيخ محمد بن زايد", "أمير قطر الشيخ تميم", "UAE President
 * Sheikh Mohamed"); not after another state's adjective ("سلمت مصر السفير
 * الإسرائيلي ..."); with need_title, not without a title or an honorific
 * either, as after a verb, where "اغتالت إسرائيل هنية" names the object. */
static int holds_office_of(const chr_extractor *x, size_t a, const mention *m, int need_title)
{
    if (a == SIZE_MAX || x->a[m->actor].kind != CHR_ACTOR_PERSON) return 0;
    const mention *p = NULL;
    for (size_t i = 0; i < x->nm && !p; i++)
        if (x->m[i].t1 == a) p = &x->m[i];
    if (!p || x->a[p->actor].kind == CHR_ACTOR_PERSON) return 0;
    /* a title before the state (أمير قطر), or after it, or an honorific on
     * the person's name (الشيخ محمد بن زايد) */
    int titled = !need_title || chr_ex_word_len(x, m->t0, "HONORIFIC");
    for (size_t b = p->t0 > 3 ? p->t0 - 3 : 0; b < p->t0 && !titled; b++)
        titled = vval(x, b, VK_TITLE) && b + vlen(x, b) == p->t0;
    /* Arabic: a noun in construct with the state's name, the person's bare
     * name right after it, is his office ("رئيس دولة الإمارات محمد بن زايد",
     * "رئيس مصر عبد الفتاح السيسي"; bare رئيس is no title of title.txt, "Head"
     * before other nouns) */
    if (!titled && x->lang != CHR_LANG_EN && a == m->t0 && p->t0 > 0 && !vval(x, m->t0, VK_TITLE))
        titled = construct_head(x, p->t0 - 1);
    /* English: past the possessive and a word or two of the post before
     * the title ("Iran's Supreme Leader Ali Khamenei", "EU foreign policy
     * chief Josep Borrell") */
    int post = 0;
    if (x->lang == CHR_LANG_EN && a + 1 < m->t0 && (is_punct(x, a, '\'') || is_punct(x, a, 0x2019)) &&
        T(x, a + 1)->norm_len == 1 && x->tok->buf[T(x, a + 1)->norm] == 's')
        a += 2;
    for (size_t t = a; t < m->t0; t++) {
        if (x->tment[t] && x->m[x->tment[t] - 1].tag == CHR_ALIAS_ADJ) return 0;
        size_t l = vval(x, t, VK_TITLE) ? vlen(x, t) : chr_ex_word_len(x, t, "HONORIFIC");
        if (!l && x->lang == CHR_LANG_EN && post < 3 && (T(x, t)->flags & CHR_TOK_WORD) && !vval(x, t, VK_TRIGGER) &&
            !vval(x, t, VK_REPORT) && !words_at(x, t)->nids && !x->tcov[t] && !(T(x, t)->flags & CHR_TOK_UPPER)) {
            post++;
            continue;
        }
        if (!l) return 0;
        titled = 1;
        t += l - 1;
    }
    /* (a post in lower case is one, and the person's name may hold his
     * title: "King Abdullah II") */
    if (x->lang == CHR_LANG_EN && (post || vval(x, m->t0, VK_TITLE))) titled = 1;
    return titled;      /* after a verb, not "اغتالت إسرائيل هنية" */
}

/* Arabic: whether name m is joined to a name that ends at a, as another
 * subject: only joiners between (only_joiners), and و on the name ("قطر
 * والسعودية"), a comma or و between, or و on a title before it with its
 * article or on وزير ("والسفير الإسرائيلي", "ووزير الخارجية"). Without
 * them the name is the verb's object: "سلمت عمان سفير إيطاليا مذكرة احتجاج"
 * (Italy is handed the note), unless it is the person who holds a title
 * just named. */
static int joined_ar(const chr_extractor *x, size_t a, const mention *m)
{
    if (a == SIZE_MAX || !only_joiners(x, a, m->t0)) return 0;
    if (!a || m->wa) return 1;
    if (holds_office_of(x, a, m, 0)) return 1;       /* "أمير قطر الشيخ تميم" */
    for (size_t t = a; t < m->t0; t++) {
        if (is_comma(T(x, t)) || prep_is(x, t, "AND")) return 1;
        const char *w = x->tok->buf + T(x, t)->norm;
        size_t n = T(x, t)->norm_len;
        if (t == a && n > 6 && !memcmp(w, "\xd9\x88", 2) &&                       /* و */
            (!memcmp(w + 2, "\xd9\x88", 2) || !memcmp(w + 2, "\xd8\xa7\xd9\x84", 4)))   /* و، ال */
            return 1;
    }
    return 0;
}

/* Whether adjective m stands in the object of a verb whose words end at
 * after: at most two words from the verb or from the last name after it
 * (its subject, in Arabic), none a preposition or a comma ("condemned the
 * Ukrainian strikes", "أدانت روسيا الضربات الأوكرانية"; not "a call about
 * the Iranian nuclear file").  An act of force or a sanction reaches past
 * "on", "at", "على", and two words further ("عقوبات على سبع شركات دفاع
 * أمريكية"). */
static int in_object(const chr_extractor *x, size_t after, const mention *m, int against_ok)
{
    size_t from = after;
    for (size_t t = after; t < m->t0; t++)
        if (x->tcov[t] && x->m[x->tcov[t] - 1].t1 <= m->t0) from = x->m[x->tcov[t] - 1].t1;
    if (m->t0 > from + (against_ok ? 4 : 2)) return 0;       /* "عقوبات على سبع شركات دفاع أمريكية" */
    for (size_t t = from; t < m->t0; t++) {
        if (T(x, t)->flags & CHR_TOK_PUNCT) return 0;
        if (prep_is(x, t, "PLACE") && !(against_ok && (prep_is(x, t, "AGAINST") || prep_is(x, t, "AT")))) return 0;
    }
    return 1;
}

/* Whether adjective m stands on a noun of prep.txt SITE ("الحدود السورية",
 * "the Syrian border"): it says where, not whom an act is aimed at.  An
 * English one must end its phrase: in "Afghan border posts" the posts are
 * Afghanistan's. */
static int site_adjective(const chr_extractor *x, const mention *m)
{
    if (m->tag != CHR_ALIAS_ADJ) return 0;
    if (x->lang == CHR_LANG_EN) {
        size_t l = m->t1 < x->tok->n ? chr_ex_word_len(x, m->t1, "SITE") : 0, e = m->t1 + l;
        return l && (e >= x->tok->n || !(T(x, e)->flags & CHR_TOK_WORD) || words_at(x, e)->nids ||
                     chr_ex_in_timex(x, e));
    }
    for (size_t b = m->t0; b-- > 0 && b + 4 > m->t0;)
        if (chr_ex_word_len(x, b, "SITE") == m->t0 - b) return 1;
    return 0;
}

/* Whether a topic.txt word ends at most two words before the trigger at k,
 * with no name or punctuation between ("to discuss a possible ceasefire",
 * "لبحث وقف إطلاق النار", "حول تبادل الأسرى"): the trigger is what is talked
 * about. */
static int topic_before(const chr_extractor *x, const sent *s, size_t k)
{
    for (size_t b = k > s->t0 + 5 ? k - 5 : s->t0; b < k; b++) {
        size_t e = b + vlen(x, b);
        if (!vval(x, b, VK_TOPIC) || e > k || k - e > 2) continue;
        int clear = 1;
        for (size_t t = e; t < k; t++) clear &= !(T(x, t)->flags & CHR_TOK_PUNCT) && !x->tcov[t];
        if (clear) return 1;
    }
    return 0;
}

/* The words from a to b, a name counting as one. */
static size_t units_between(const chr_extractor *x, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t t = a; t < b; n++) t = covered(x, t) ? x->m[x->tcov[t] - 1].t1 : t + 1;
    return n;
}

/* Whether mention m, after "of", owns the object of a verb of blame whose
 * words end at after: a noun of owner.txt right before "of", at most three
 * words into the object ("criticised the policy of Israel", "rejected the
 * demands of NATO": Israel, NATO are blamed; not "condemned the killing of
 * Haniyeh", whose "of" names whom it befell). */
static int owner_of_object(const chr_extractor *x, size_t after, const mention *m)
{
    if (m->t0 < 2 || !prep_is(x, m->t0 - 1, "OF") || m->t0 - 1 <= after || m->t0 - 1 > after + 3 ||
        !vval(x, m->t0 - 2, VK_OWNER))
        return 0;
    for (size_t t = after; t < m->t0 - 1; t++)
        if (x->tcov[t] || (T(x, t)->flags & CHR_TOK_PUNCT)) return 0;
    return 1;
}

/* Whether a noun stands in [a, b), a word that is no name, article or
 * punctuation: the object of a verb of blame before "on" is an act
 * ("condemned the strikes on Lebanon", "أدانت الهجوم على"), whose "on" is
 * that act's; right after the verb "on" is the blame's own ("accusations
 * against Israel"). */
static int act_between(const chr_extractor *x, size_t a, size_t b)
{
    for (size_t t = a; t < b; t++)
        if (!x->tcov[t] && (T(x, t)->flags & CHR_TOK_WORD) && !prep_is(x, t, "THE")) return 1;
    return 0;
}

/* Whether name m, after a preposition, qualifies a noun of what an event
 * is about, not where it happened: the noun right before the preposition
 * (the place qualifies it: "the crisis in Sudan", "الأزمة في السودان") at
 * most four words after a word of topic.txt ("spoke ... about the crisis
 * in Sudan", "بحث الأزمة في السودان"), or, for talks (talk), after an
 * English "on" right before it ("on the war in Ukraine"; not "on the
 * sidelines of the summit in Cairo"), from the trigger at k on, with no
 * name or punctuation between. */
static int topic_place(const chr_extractor *x, size_t k, const mention *m, int talk)
{
    size_t p = m->pw;
    if (!m->prep || p <= k + 1 || p >= m->t0) return 0;
    size_t n = p - 1;
    if (!(T(x, n)->flags & CHR_TOK_WORD) || x->tcov[n] || !only_stop(x, n) || words_at(x, n)->nids ||
        chr_ex_in_timex(x, n))
        return 0;
    for (size_t t = n; t-- > k && t + 5 > n;) {
        if ((T(x, t)->flags & CHR_TOK_PUNCT) || x->tcov[t]) return 0;
        if (vval(x, t, VK_TOPIC)) return 1;
        if (talk && x->lang == CHR_LANG_EN && prep_is(x, t, "AGAINST") &&
            (t + 1 == n || (t + 2 == n && prep_is(x, t + 1, "THE"))))
            return 1;
    }
    return 0;
}

/* Whether name m names the state of a diplomatic mission (prep.txt
 * MISSION): a nationality adjective on it ("the Israeli embassy", "السفارة
 * الإسرائيلية") or a state's name after it ("the embassy of Israel", in
 * Arabic in construct: "سفارة إسرائيل"). */
static int mission_state(const chr_extractor *x, const mention *m)
{
    if (x->a[m->actor].kind != CHR_ACTOR_STATE || m->tag == CHR_ALIAS_PLACE) return 0;
    if (x->lang == CHR_LANG_EN) {
        if (m->tag == CHR_ALIAS_ADJ) return m->t1 < x->tok->n && prep_is(x, m->t1, "MISSION");
        for (size_t b = m->t0; b-- > 0 && b + 3 > m->t0;)
            if (chr_ex_word_len(x, b, "OF") == m->t0 - b) return b > 0 && word_ends_at(x, b > 3 ? b - 3 : 0, b, "MISSION");
        return 0;
    }
    return m->t0 > 0 && word_ends_at(x, m->t0 > 3 ? m->t0 - 3 : 0, m->t0, "MISSION");
}

/* ---- acts of force told in the passive (harm.txt) ---------------------- */

/* The code of the word of harm.txt at token k (a CAMEO code, or "-" for a
 * form that tells of no act: "shot down"), its length in tokens in *len;
 * NULL when none stands there.  (Of the words dictionary's values only
 * harm.txt's are codes.) */
const char *chr_ex_harm_at(const chr_extractor *x, size_t k, size_t *len)
{
    const struct wmatch *w = words_at(x, k);
    for (uint32_t i = 0; i < w->nids; i++)
        if (x->voc->is_code[w->ids[i]]) {
            *len = w->n - 1;
            return x->voc->values[w->ids[i]];
        }
    return NULL;
}

/* The code of the means of an act of harm at t (weapon.txt: class HARM, or a
 * weapon of LAUNCH: "strike", "fire", "drone", رصاص، نيران), the token after
 * it in *end; NULL when t is none. */
static const char *means_at(const chr_extractor *x, size_t t, size_t *end)
{
    if (covered(x, t)) return NULL;
    const char *c = object_code(x, t, "HARM");
    /* a weapon of launch, written with no class ("LAUNCH:195", مسيرة, is
     * one only after a verb of launch: a march elsewhere) */
    for (uint32_t i = 0; !c && i < vn(x, t); i++) {
        uint32_t p = x->tv[t].ids[i];
        if (VK_OF(p) == VK_WEAPON && !strchr(x->voc->values[VV_OF(p)], ':')) c = x->voc->values[VV_OF(p)];
    }
    /* ... but with a nationality after it, in Arabic, a weapon of that
     * state's: "بمسيرة إسرائيلية" is a drone as "بطائرة مسيرة إسرائيلية",
     * no march */
    size_t n = t + vlen(x, t);
    if (!c && x->lang != CHR_LANG_EN && n < x->tok->n && x->tment[n] && x->m[x->tment[n] - 1].tag == CHR_ALIAS_ADJ)
        c = object_code(x, t, "LAUNCH");
    if (c) *end = t + vlen(x, t);
    return c;
}

/* Whether the English words [a, b), the subject of a passive verb of harm,
 * are people: a number ("Two Palestinians", "12 people"; not "a"), a name
 * or nationality, or a word of victim.txt ("a journalist").  "The bill was
 * killed by the Senate" is a figure of speech. */
static int people_in(const chr_extractor *x, size_t a, size_t b)
{
    for (size_t t = a; t < b; t++) {
        const chr_token *tk = T(x, t);
        if ((tk->flags & CHR_TOK_NUM) || x->tcov[t] || prep_is(x, t, "VICTIM") || prep_is(x, t, "MEMBER")) return 1;
        if (!(tk->flags & CHR_TOK_WORD) || tk->norm_len < 3) continue;
        const lex_info *li = chr_lex_get(x->tok->buf + tk->norm, tk->norm_len);
        if (li && (li->kinds & LKB(LK_CARD))) return 1;
    }
    return 0;
}

/* The names acting in the words of an agent that begin at t and end before
 * end, pushed as sources: those that can act (force.txt "Israeli forces",
 * قوات الاحتلال، حماس), joined by "and", و or a comma; a nationality on a
 * means (English before it, "an Israeli drone"; Arabic after it, "بنيران
 * إسرائيلية"); in Arabic a name right after a means, a noun of force perhaps
 * between ("برصاص قوات الاحتلال"، "برصاص الشرطة المصرية"، "في هجوم لقوات
 * الاحتلال").  The means met gives *means.  Returns the token after the
 * words, or 0 when a trigger stands in them: the act has a word of its own
 * ("by Israeli gunfire"), which makes its event. */
static size_t agent_words(const chr_extractor *x, size_t t, size_t end, ev_actor *act, int *na, const char **means)
{
    int en = x->lang == CHR_LANG_EN;
    size_t me = 0, words = 0;
    while (t < end && words++ < 6) {
        const mention *m = mention_at(x, t);
        if (m) {
            /* (not a name that makes a word with a hyphen: "a US-made bomb") */
            if (x->a[m->actor].kind == CHR_ACTOR_MEDIA || m->tag == CHR_ALIAS_PLACE ||
                (m->t1 < end && is_punct(x, m->t1, '-') && !(T(x, m->t1)->flags & CHR_TOK_SPACE)))
                break;
            int on_means = m->tag == CHR_ALIAS_ADJ &&
                           (en ? m->t1 < end && means_at(x, m->t1, &me) : me && m->t0 == me);
            /* in Arabic after a means, with ل: "لقوات الاحتلال" */
            int after_means = !en && me && (m->t0 == me || force_ends_at(x, me, m->t0) == me);
            if (!on_means && !(chr_ex_agent(x, m) && (!m->prep || after_means))) break;
            push_actor(act, na, 12, m->actor, "source");
            t = m->t1;
            continue;
        }
        if (vval(x, t, VK_TRIGGER)) {
            if (*na) break;                   /* "by Israeli forces who raided ..." */
            return 0;
        }
        size_t e;
        const char *c = means_at(x, t, &e);
        if (c) {
            if (!*means) *means = c;
            me = t = e;
            continue;
        }
        if (vval(x, t, VK_FORCE)) {             /* "الشرطة" of "الشرطة المصرية", "forces" */
            t += vlen(x, t);
            continue;
        }
        if (is_comma(T(x, t)) || prep_is(x, t, "AND") || prep_is(x, t, "THE") ||
            (en && (T(x, t)->flags & CHR_TOK_WORD) && only_stop(x, t) && !prep_is(x, t, "PLACE") && !vval(x, t, VK_BOUND) &&
             !(T(x, t)->flags & CHR_TOK_UPPER))) {   /* "an", "armed" */
            t++;
            continue;
        }
        break;
    }
    return t;
}

/* Whether name m, a group or a state, is whose a person is: after a word of
 * prep.txt GROUP right after a noun of victim.txt MEMBER, an adjective
 * perhaps between ("a senior leader in Hezbollah", "a commander of Hamas",
 * "قيادي بارز في حزب الله"); not a place ("soldiers in Lebanon"). */
static int member_group(const chr_extractor *x, const mention *m)
{
    if (m->tag == CHR_ALIAS_ADJ || m->tag == CHR_ALIAS_PLACE || x->a[m->actor].kind == CHR_ACTOR_PERSON ||
        x->a[m->actor].kind == CHR_ACTOR_MEDIA)
        return 0;
    size_t n = m->t0 > 0 && prep_is(x, m->t0 - 1, "THE") ? m->t0 - 1 : m->t0;   /* "in the" */
    for (size_t g = n; g-- > 0 && g + 3 > n;) {
        if (chr_ex_word_len(x, g, "GROUP") != n - g) continue;
        if (g > 0 && word_ends_at(x, g > 4 ? g - 4 : 0, g, "MEMBER")) return 1;
        return g > 1 && (T(x, g - 1)->flags & CHR_TOK_WORD) && !vn(x, g - 1) && !words_at(x, g - 1)->nids &&
               !x->tcov[g - 1] && word_ends_at(x, g > 5 ? g - 5 : 0, g - 1, "MEMBER");
    }
    return 0;
}

/* The object of an active verb of harm that begins at t, up to end: a few
 * words, up to punctuation, a preposition or a means ("killed two Palestinians in
 * Jenin", "قتل جيش الاحتلال شابين في نابلس"); the token after them. */
static size_t object_end(const chr_extractor *x, size_t t, size_t end)
{
    static const char *const stops[] = {"PLACE", "AGAINST", "TO", "WITH", "OF", "FROM", "AT", "BETWEEN", "BY", "AND"};
    size_t o = t, e;
    for (; o < end && o < t + 5; o++) {
        size_t hl;
        if (!(T(x, o)->flags & (CHR_TOK_WORD | CHR_TOK_NUM)) || vval(x, o, VK_TRIGGER) || vval(x, o, VK_REPORT) ||
            (o > t && (means_at(x, o, &e) || chr_ex_harm_at(x, o, &hl))))
            break;                      /* (a verb of harm after it: "شابين وأصابت خمسة") */
        if (o > t && prep_is(x, o, "FROM") && chr_ex_word_len(x, o - 1, "MEN") == 1) continue;   /* "عناصر من حزب الله" */
        size_t gl = o > t ? chr_ex_word_len(x, o, "GROUP") : 0;      /* "a senior leader in Hezbollah" */
        if (gl && o + gl < end && prep_is(x, o + gl, "THE")) gl++;
        const mention *g = gl && o + gl < end ? mention_at(x, o + gl) : NULL;
        if (g && member_group(x, g)) {
            o = g->t1 - 1;
            continue;
        }
        if (words_at(x, o)->nids) {
            size_t i = 0;
            while (i < sizeof stops / sizeof *stops && !prep_is(x, o, stops[i])) i++;
            if (i < sizeof stops / sizeof *stops) break;
        }
    }
    return o;
}

/* The agent of a verb of harm at k (its words end at after) read in the
 * active ("Israeli forces killed two Palestinians", "قتلت قوات الاحتلال
 * ثلاثة مواطنين"): the subject, a name that acts, perhaps through its noun
 * of forces or a means (English before the verb, "an Israeli drone killed";
 * Arabic right after it, a date perhaps between), pushed as source, and an
 * object of people (people_in) after it, whose words go to *o0, *o1; the
 * means met in *means.  Returns 1, or 0 when the verb has no such subject
 * and object ("the decision killed the bill", "قتل الوقت", "قتل ثلاثة جنود
 * في جنوب لبنان": the passive with no agent). */
static int active_agent(const chr_extractor *x, const sent *s, size_t k, size_t after, size_t end, size_t prev_end,
                        ev_actor *act, int *na, const char **means, size_t *a0, size_t *a1, size_t *o0, size_t *o1)
{
    const mention *m = NULL;
    const char *c = NULL;
    size_t e = 0, t;
    if (x->lang == CHR_LANG_EN) {
        size_t p = k, lo = prev_end > s->t0 ? prev_end : s->t0;
        while (p > lo && chr_ex_in_timex(x, p - 1)) p--;          /* "Israeli forces on Tuesday killed" */
        if (p < k && p > lo && prep_is(x, p - 1, "PLACE")) p--;
        for (size_t f = p > lo + 3 ? p - 3 : lo; f < p; f++)
            if (vval(x, f, VK_FORCE) && f + vlen(x, f) == p) {
                p = f;
                break;
            } else if ((c = means_at(x, f, &e)) && e == p) {
                p = f;
                break;
            } else {
                c = NULL;
            }
        if (p <= lo || !x->tcov[p - 1]) return 0;
        m = &x->m[x->tcov[p - 1] - 1];
        if (m->t1 != p) return 0;
        for (size_t v = m->t0; v < k; v++)
            if (vval(x, v, VK_TRIGGER)) return 0;                 /* "an Israeli air strike killed": its own event */
        t = after;
    } else {
        t = after;
        size_t ml = t < end && !x->tment[t] ? chr_ex_word_len(x, t, "MEN") : 0;
        if (t < end && vval(x, t, VK_FORCE) && !x->tment[t]) t += vlen(x, t);   /* "الجيش الإسرائيلي" */
        else if (ml) t += ml + (t + ml < end && prep_is(x, t + ml, "FROM"));   /* "عناصر (من) حماس" */
        else if (t < end && !x->tment[t] && (c = means_at(x, t, &e))) t = e;   /* "قذائف إسرائيلية" */
        m = t < end ? mention_at(x, t) : NULL;
        if (!m) return 0;
        t = m->t1;
        while (t < end && x->tment[t] && x->m[x->tment[t] - 1].actor == m->actor) t = x->m[x->tment[t] - 1].t1;
        t = chr_ex_past_timex(x, t, end);                          /* "فجر اليوم" */
    }
    int on_means = c && m->tag == CHR_ALIAS_ADJ;
    if (x->a[m->actor].kind == CHR_ACTOR_MEDIA || m->tag == CHR_ALIAS_PLACE || m->prep || x->tq[m->t0] ||
        !(chr_ex_agent(x, m) || on_means))
        return 0;
    size_t oe = object_end(x, t, end);
    if (oe == t || !people_in(x, t, oe)) return 0;
    /* the means after the object: a trigger tells the act itself ("بغارة
     * على بيروت", "in an air strike"), else it gives the code ("برصاص حي") */
    size_t w = oe, we;
    if (w < end && prep_is(x, w, "DURING")) w = end;   /* "خلال اقتحام": the circumstance */
    if (w < end && prep_is(x, w, "PLACE")) w++;
    if (w < end && (prep_is(x, w, "THE") || (x->lang == CHR_LANG_EN && (T(x, w)->flags & CHR_TOK_WORD) && only_stop(x, w))))
        w++;
    const char *tc = w < end ? vval(x, w, VK_TRIGGER) : NULL;
    if (tc && tc[0] == '1' && tc[1] == '9') return 0;
    const char *mc = !c && oe < end ? means_at(x, oe, &we) : NULL;
    push_actor(act, na, 12, m->actor, "source");
    if (c || mc) *means = c ? c : mc;
    *a0 = m->t0 < k ? m->t0 : after;
    *a1 = m->t0 < k ? k : t;
    *o0 = t;
    *o1 = oe;
    return 1;
}

/* The subject of the last act told by an active verb of harm in a
 * sentence, for a verb of harm joined to it ("killed two Palestinians and
 * wounded five others", "قتلت قوات الاحتلال شابين وأصابت خمسة آخرين"): its
 * sources, and the token after its object (SIZE_MAX: none). */
typedef struct harm_subject {
    size_t end;
    uint32_t src[4];
    int n;
    size_t ev;                 /* the last act of harm recorded in the sentence (SIZE_MAX: none) */
    size_t agent_end;          /* the token after its agent's words */
    uint32_t agent;            /* its first source */
} harm_subject;

/* Whether the verb at k is joined to the verb of harm whose object ends at
 * end: only "and", ثم (coordination.txt) or a comma between, or in Arabic
 * the verb right there with و on it ("وأصابت"). */
static int joined_verb(const chr_extractor *x, size_t end, size_t k)
{
    if (end == SIZE_MAX || k < end || k > end + 2) return 0;
    int joined = 0;
    for (size_t t = end; t < k; t++) {
        if (prep_is(x, t, "AND")) joined = 1;
        else if (!is_comma(T(x, t))) return 0;
    }
    if (!joined && x->lang != CHR_LANG_EN && k == end) {
        const chr_token *tk = T(x, k);
        joined = tk->norm_len > 6 && !memcmp(x->tok->buf + tk->norm, "\xd9\x88", 2);   /* و */
    }
    return joined;
}

/* The event of a verb of harm.txt at k (len tokens, code its code) in
 * sentence si, after the clause that ends at prev_end and before cond (a
 * conditional clause): an act of force when its agent is named after it
 * (agent_words, after "by", من قبل، على يد, or at a means), in English in
 * the passive and of people.  Whom it befell, named in its subject (English)
 * or between it and the agent (Arabic), is the target, and so is what it
 * struck, after "on" or على; where is its location.  Returns 0 and the token after the
 * agent's words in *busy (a second verb before them shares them: "killed and
 * wounded by"), or -1 when memory fails; an act not recorded leaves *busy. */
static int harm_event(chr_extractor *x, size_t si, size_t k, size_t len, const char *code, size_t prev_end,
                      size_t cond, size_t *busy, harm_subject *hs)
{
    const sent *s = &x->s[si];
    int en = x->lang == CHR_LANG_EN;
    size_t after = k + len;
    if (!strcmp(code, "-") || x->tq[k] || x->tobj[k]) return 0;
    int told = reported_in(x, k);
    if (x->tcontent[k] && told < 0) return 0;     /* denied, asked, warned of */
    if (unreal(x, prev_end, k, after) || topic_before(x, s, k)) return 0;
    /* English: "were killed" (an adverb may stand between), or a headline's
     * "killed by"; the subject before it */
    size_t subj1 = k;
    int passive = 1;
    if (en) {
        for (size_t t = k > s->t0 + 4 ? k - 4 : s->t0; t < k; t++) {
            size_t l = chr_ex_word_len(x, t, "BE");
            if (l && (t + l == k || t + l + 1 == k)) subj1 = t;
        }
        if (subj1 == k && !(after < s->t1 && prep_is(x, after, "BY"))) passive = 0;   /* perhaps active */
    }
    /* the clause: up to a comma, someone's words or a reporting verb */
    size_t end = after;
    while (end < s->t1 && end < cond && end < after + 20) {
        const chr_token *tk = T(x, end);
        if ((tk->flags & CHR_TOK_PUNCT) &&
            (is_comma(tk) || tk->cp == ';' || tk->cp == ':' || sentence_end(tk->cp) || opens(tk->cp) || tk->cp == '"'))
            break;
        if (x->tq[end] || x->tcontent[end] != x->tcontent[k] || (vval(x, end, VK_REPORT) && !chr_ex_noun_form(x, end)) ||
            prep_is(x, end, "CONTRAST"))
            break;
        end++;
    }
    /* the agent: after "by", من قبل, or at a means */
    ev_actor act[12];
    int na = 0;
    const char *means = NULL;
    size_t a0 = SIZE_MAX, a1 = 0, o0 = 0, o1 = 0;
    for (size_t t = after; t < end && !na && passive;) {
        const mention *m = mention_at(x, t);
        size_t by = m ? 0 : agent_word(x, s, t), e;
        /* Arabic: خلال, أثناء ("during") open the circumstance, where no agent
         * of a passive stands; the verb may be active ("قتلت قوات الاحتلال
         * شابين خلال اقتحام مدينة نابلس") */
        if (!en && !m && prep_is(x, t, "DURING")) break;
        if (!m && vval(x, t, VK_TRIGGER)) return 0;   /* "in an Israeli air strike", "في غارة إسرائيلية" */
        if (by) {
            a0 = t;
            if (!(a1 = agent_words(x, t + by, end, act, &na, &means))) return 0;
            break;
        }
        const char *c = m ? NULL : means_at(x, t, &e);
        if (c && en) {                        /* "in an Israeli strike", "by Hezbollah fire" */
            const mention *b = t > after && x->tcov[t - 1] ? &x->m[x->tcov[t - 1] - 1] : NULL;
            if (b && b->t1 == t && b->t0 >= after && (b->tag == CHR_ALIAS_ADJ || chr_ex_agent(x, b)) &&
                x->a[b->actor].kind != CHR_ACTOR_MEDIA && b->tag != CHR_ALIAS_PLACE) {
                push_actor(act, &na, 12, b->actor, "source");
                means = c;
                a0 = b->t0;
                a1 = e;
            }
        } else if (c) {                       /* "برصاص قوات الاحتلال", "بنيران إسرائيلية" */
            const char *mc = NULL;
            size_t w = agent_words(x, t, end, act, &na, &mc);
            if (!w) return 0;
            if (na) {
                means = mc;
                a0 = t;
                a1 = w;
            }
        }
        t = m ? m->t1 : c ? e : t + (vlen(x, t) ? vlen(x, t) : 1);
    }
    /* with no agent after it, the verb in the active: its subject acts on
     * the people it names after it */
    int active = 0;
    if (!na && !(active = active_agent(x, s, k, after, end, prev_end, act, &na, &means, &a0, &a1, &o0, &o1))) {
        /* a verb joined to an active one of harm shares its subject, and
         * acts on the people it names ("and wounded five others") */
        size_t oe = hs->n && joined_verb(x, hs->end, k) ? object_end(x, after, end) : after;
        if (oe == after || !people_in(x, after, oe)) return 0;
        for (int i = 0; i < hs->n; i++) push_actor(act, &na, 12, hs->src[i], "source");
        active = 1;
        a0 = a1 = o0 = after;
        o1 = oe;
        size_t me;
        const char *mc = oe < end ? means_at(x, oe, &me) : NULL;
        if (mc) means = mc;                   /* "and wounded five others with live fire" */
    }
    /* whom it befell */
    if (en && !active) {
        size_t lo = prev_end > s->t0 ? prev_end : s->t0, subj0 = lo;
        size_t text0 = chr_ex_dateline_end(x, s);
        if (text0 > lo && text0 <= subj1) lo = subj0 = text0;
        /* back to a comma, a colon or someone's saying; past words set off
         * by commas right before the verb ("12 people, including children,
         * were killed") */
        for (size_t t = subj1; t > lo; t--) {
            const chr_token *tk = T(x, t - 1);
            if ((tk->flags & CHR_TOK_PUNCT) && is_comma(tk) && t == subj1) {
                size_t c = t - 1;
                while (c > lo && !is_comma(T(x, c - 1))) c--;
                if (c > lo) {
                    t = c;                       /* (the loop steps over the comma) */
                    continue;
                }
            }
            if (((tk->flags & CHR_TOK_PUNCT) && (is_comma(tk) || tk->cp == ';' || tk->cp == ':')) || x->tq[t - 1] ||
                x->tcontent[t - 1] != x->tcontent[k] || (vval(x, t - 1, VK_REPORT) && !chr_ex_noun_form(x, t - 1))) {
                subj0 = t;
                break;
            }
        }
        if (!people_in(x, subj0, subj1)) return 0;
        /* a headline's "Two Palestinians killed by", not "the number of
         * people killed by ...", a count */
        for (size_t t = subj0; t < subj1 && subj1 == k; t++)
            if (prep_is(x, t, "OF")) return 0;
        for (size_t i = 0; i < x->nm; i++) {
            const mention *m = &x->m[i];
            if (m->t0 >= subj0 && m->t1 <= subj1 && x->a[m->actor].kind != CHR_ACTOR_MEDIA && !m->prep && !x->tq[m->t0])
                push_actor(act, &na, 12, m->actor, "target");
        }
    }
    /* ... (Arabic: between the verb and the agent), and where */
    uint32_t location = NOACTOR;
    for (size_t i = 0; i < x->nm; i++) {
        const mention *m = &x->m[i];
        if (m->t0 < after || m->t1 > end || (m->t0 >= a0 && m->t0 < a1) || x->a[m->actor].kind == CHR_ACTOR_MEDIA)
            continue;
        /* (after a preposition: "drones in Gaza" is no "delegation from
         * Hamas"); a place is where, and what was struck only after "on",
         * على: the people harmed "in southern Lebanon" need not be its */
        int placed = (m->prep || (m->t0 > 0 && prep_is(x, m->t0 - 1, "PLACE")) || site_adjective(x, m)) && !member_group(x, m);
        int against = m->t0 > 0 && prep_is(x, m->pw, "AGAINST");
        if (!against && m->t0 > after + 1 && prep_is(x, m->t0 - 2, "AGAINST") && (T(x, m->t0 - 1)->flags & CHR_TOK_WORD) &&
            (!vn(x, m->t0 - 1) || object_code(x, m->t0 - 1, "ATTACK")) && !covered(x, m->t0 - 1))
            against = placed = 1;                /* "على مدينة خان يونس" (a place noun of weapon.txt ATTACK) */
        if (active && m->t0 >= o0 && m->t1 <= o1 && !placed && m->tag != CHR_ALIAS_PLACE) {
            push_actor(act, &na, 12, m->actor, "target");   /* "killed two Palestinians" */
        } else if (against && (m->tag == CHR_ALIAS_PLACE || chr_ex_agent(x, m))) {
            push_actor(act, &na, 12, m->actor, "target");   /* "in an Israeli strike on Khan Younis" */
            if (m->tag == CHR_ALIAS_PLACE && location == NOACTOR) location = m->actor;
        } else if (m->tag == CHR_ALIAS_PLACE || (placed && x->a[m->actor].kind == CHR_ACTOR_STATE)) {
            if (location == NOACTOR) location = m->actor;   /* "in Jenin", "في غزة" */
        } else if (!en && m->t1 <= a0 && !placed) {
            push_actor(act, &na, 12, m->actor, "target");   /* "قتل ثلاثة جنود إسرائيليين على يد" */
        }
    }
    if (means) code = means;
    const char *label = "";
    const char *pl = chr_vocab_plover(x->voc, code, &label);
    chr_rec_event *ev = new_event(x);
    if (!ev) return -1;
    ev->type = chr_record_str(x->rec, label[0] ? label : code);
    ev->cameo = chr_record_str(x->rec, code);
    ev->plover = chr_record_str(x->rec, pl);
    ev->item = s->item;
    ev->trigger = rspan(x, T(x, k)->start, T(x, after - 1)->end);
    ev->actors = event_roles(x, act, na);
    ev->nactors = (size_t)na;
    ev->location = location != NOACTOR ? chr_record_str(x->rec, x->a[location].name) : NULL;
    ev->treaty = -1;
    if (event_report(x, ev, told, si, k)) return -1;
    *busy = active && o1 > a1 ? o1 : a1;
    hs->n = 0;
    hs->end = active ? o1 : SIZE_MAX;
    hs->ev = x->rec->nevents - 1;
    hs->agent_end = a1;
    hs->agent = NOACTOR;
    for (int i = 0; i < na && hs->agent == NOACTOR; i++)
        if (act[i].role[0] == 's') hs->agent = act[i].actor;
    for (int i = 0; active && i < na && hs->n < 4; i++)
        if (act[i].role[0] == 's') hs->src[hs->n++] = act[i].actor;
    return 0;
}

/* The agents of the act recorded as event act, added as targets of the
 * event of blame recorded as blame, whose object that act is ("أدانت مصر
 * اغتيال إسرائيل لهنية", "أدانت قطر مقتل هنية بغارة إسرائيلية": Israel is
 * blamed); none but its own source.  Returns -1 when memory fails. */
static int blame_agents(chr_extractor *x, size_t blame, size_t act)
{
    const chr_rec_event *a = &x->rec->events[act];
    for (size_t i = 0; i < a->nactors; i++) {
        chr_rec_event *b = &x->rec->events[blame];
        if (strcmp(a->actors[i].role, "source")) continue;
        int has = 0;
        for (size_t j = 0; j < b->nactors; j++) has |= !strcmp(b->actors[j].name, a->actors[i].name);
        if (has) continue;
        chr_rec_role *v = chr_record_alloc(x->rec, (b->nactors + 1) * sizeof *v);
        if (!v) return -1;
        if (b->nactors) memcpy(v, b->actors, b->nactors * sizeof *v);
        v[b->nactors] = a->actors[i];
        v[b->nactors].role = "target";
        b->actors = v;
        b->nactors++;
    }
    return 0;
}

/* ---- an act of force told by its verb and its means ---------------------- */

/* Whether the trigger of force at k (its words end at after) is a verb with
 * its clause: English in the passive ("was assassinated") or after its
 * subject ("Israel assassinated"); Arabic spelled in the passive (اغتيل,
 * passive.txt PASSIVE) or with its subject right after it ("اغتالت
 * إسرائيل"), not a noun with the article. */
static int force_verb(const chr_extractor *x, const sent *s, size_t k, size_t after)
{
    if (x->lang == CHR_LANG_EN) {
        if (passive_at(x, s, k)) return 1;
        const mention *m = k > s->t0 && x->tcov[k - 1] ? &x->m[x->tcov[k - 1] - 1] : NULL;
        return m && m->t1 == k && !m->prep && chr_ex_agent(x, m);
    }
    if (refers_back(x, k)) return 0;
    return prep_is(x, k, "PASSIVE") || subject_after_ar(x, s, after);
}

/* For a verb of force at k (force_verb; its words end at after), the noun of
 * force in its clause that tells its means, the names of the act perhaps
 * between: after "in" or "by" in English ("was assassinated in an Israeli
 * air strike"), after في or with ب on it in Arabic ("اغتيل هنية بغارة
 * إسرائيلية"): its token, or SIZE_MAX.  The act is one: the noun's event,
 * as for a verb of harm.txt ("killed in an air strike"), whose code names
 * it. */
static size_t means_trigger(const chr_extractor *x, const sent *s, size_t k, size_t after)
{
    int en = x->lang == CHR_LANG_EN;
    if (!force_verb(x, s, k, after)) return SIZE_MAX;
    int prep = 0;
    for (size_t t = after, n = 0; t < s->t1 && n < 10; n++) {
        const mention *m = mention_at(x, t);
        if (m) {
            if (x->a[m->actor].kind == CHR_ACTOR_MEDIA || x->tq[t]) return SIZE_MAX;
            if (!(en && m->tag == CHR_ALIAS_ADJ)) prep = 0;     /* ("in an Israeli air strike") */
            t = m->t1;
            continue;
        }
        size_t d = chr_ex_past_timex(x, t, s->t1);
        if (d > t) {
            t = d;
            prep = 0;
            continue;
        }
        const char *c = vval(x, t, VK_TRIGGER);
        if (c) {
            const char *label = "";
            if (strcmp(chr_vocab_plover(x->voc, c, &label), "ASSAULT")) return SIZE_MAX;
            const char *w = x->tok->buf + T(x, t)->norm;
            int ba = !en && T(x, t)->norm_len > 4 && !memcmp(w, "\xd8\xa8", 2);   /* ب */
            return prep || ba ? t : SIZE_MAX;
        }
        if (T(x, t)->flags & CHR_TOK_PUNCT) return SIZE_MAX;
        if (en ? prep_is(x, t, "IN") || prep_is(x, t, "BY") : prep_is(x, t, "PLACE") && !prep_is(x, t, "AGAINST")) {
            prep = 1;
            t++;
            continue;
        }
        if (en && (prep_is(x, t, "THE") || indefinite_article(x, t))) {
            t++;
            continue;
        }
        if (vval(x, t, VK_FORCE)) {
            t += vlen(x, t);
            prep = 0;
            continue;
        }
        /* the words of whom it befell: "a Hezbollah commander", "قياديا" */
        if (vval(x, t, VK_TITLE)) {
            t += vlen(x, t);
            prep = 0;
            continue;
        }
        const struct wmatch *wm = words_at(x, t);
        if ((T(x, t)->flags & CHR_TOK_WORD) && only_stop(x, t) &&
            (!wm->nids || prep_is(x, t, "VICTIM") || prep_is(x, t, "MEMBER"))) {
            t++;
            prep = 0;
            continue;
        }
        return SIZE_MAX;
    }
    return SIZE_MAX;
}

/* ---- attacks on a place named (launch.txt ATTACK) ------------------------ */

/* The code of weapon.txt's first line of class cls ("ATTACK:190"), or NULL. */
static const char *class_code(const chr_extractor *x, const char *cls)
{
    size_t l = strlen(cls);
    for (size_t i = 0; i < x->voc->nvalues; i++) {
        const char *v = x->voc->values[i];
        if (!strncmp(v, cls, l) && v[l] == ':') return v + l + 1;
    }
    return NULL;
}

/* Whether an armed noun of force.txt (ARMED: troops, fighters, القوات) ends
 * at token t, beginning no earlier than lo; where it begins in *b. */
static int armed_ends_at(const chr_extractor *x, size_t lo, size_t t, size_t *b)
{
    size_t f = force_ends_at(x, lo, t);
    const char *v = f != SIZE_MAX ? vval(x, f, VK_FORCE) : NULL;
    if (!v || strcmp(v, "ARMED")) return 0;
    *b = f;
    return 1;
}

/* Whether mention m names a state by its name, capital or agent noun. */
static int state_named(const chr_extractor *x, const mention *m)
{
    return x->a[m->actor].kind == CHR_ACTOR_STATE &&
           (m->tag == CHR_ALIAS_NAME || m->tag == CHR_ALIAS_CAPITAL || m->tag == CHR_ALIAS_AGENT);
}

/* Whether mention m, the subject of a verb of ATTACK, wages war: a state
 * by its name, capital, agent noun or a seat that is its army (not a seat
 * that speaks, "the Kremlin attacked"), or any name with an armed noun of
 * force (armed: "Russian forces", "Hamas fighters", "القوات الروسية");
 * never a person. */
static int wages_war(const chr_extractor *x, const mention *m, int armed)
{
    const aref *r = &x->a[m->actor];
    if (m->prep || x->tq[m->t0] || m->tag == CHR_ALIAS_PLACE || r->kind == CHR_ACTOR_PERSON || r->kind == CHR_ACTOR_MEDIA)
        return 0;
    if (armed) return m->tag == CHR_ALIAS_ADJ || chr_ex_agent(x, m);
    /* a seat that is an armed noun of force.txt whole ("قوات الاحتلال",
     * "جيش الاحتلال"): the state's army, not a seat that speaks */
    const char *fv = m->tag == CHR_ALIAS_SEAT ? vval(x, m->t0, VK_FORCE) : NULL;
    if (fv && !strcmp(fv, "ARMED") && m->t0 + vlen(x, m->t0) == m->t1) return r->kind == CHR_ACTOR_STATE;
    return state_named(x, m);
}

/* Whether the name m, attacked, is a state or a place of one (a city, a
 * region), not a person or an organisation ("attacked NATO" may be words). */
static int attackable(const chr_extractor *x, const mention *m)
{
    return m->tag == CHR_ALIAS_PLACE || state_named(x, m);
}

/* For a verb of launch.txt ATTACK at k in sentence s with no object of
 * TARGET: an act of force when a state or an armed noun of force with its
 * state or group (wages_war: English the subject right before it, a date
 * perhaps between; Arabic right after it) attacks a state or a place named
 * as its object, or a place noun of weapon.txt ATTACK ("the city of
 * Kharkiv", "مدينة خاركيف"), the name ending its phrase ("Ukraine's policy"
 * is no place) and no reason after it ("over its tariffs", "for", "بسبب":
 * blame).  The code: that of the means right after the object ("with
 * missiles", "بالصواريخ", "with air strikes": 195), else the class's; the
 * token after the object or the means in *end.  NULL when it is none:
 * "critics attacked the plan", "هاجم الرئيس الروسي الغرب". */
static const char *attack_named(const chr_extractor *x, const sent *s, size_t k, size_t *end)
{
    int en = x->lang == CHR_LANG_EN;
    size_t after = k + vlen(x, k), t, b;
    const mention *subj = NULL;
    int armed = 0;
    if (en) {
        size_t p = k;
        while (p > s->t0 && chr_ex_in_timex(x, p - 1)) p--;      /* "Russia on Monday attacked" */
        if (p < k && p > s->t0 && prep_is(x, p - 1, "PLACE")) p--;
        if (p > s->t0 && armed_ends_at(x, s->t0, p, &b)) {
            armed = 1;
            p = b;
        }
        if (p > s->t0 && x->tcov[p - 1] && x->m[x->tcov[p - 1] - 1].t1 == p) subj = &x->m[x->tcov[p - 1] - 1];
        t = after;
    } else {
        t = after;
        size_t l = t < s->t1 && !x->tment[t] ? chr_ex_word_len(x, t, "MEN") : 0;
        const char *fv = t < s->t1 && !x->tment[t] ? vval(x, t, VK_FORCE) : NULL;
        if (fv && !strcmp(fv, "ARMED")) {                 /* "القوات الروسية" */
            armed = 1;
            t += vlen(x, t);
        } else if (l) {                                   /* "مقاتلي (من) حماس" */
            armed = 1;
            t += l + (t + l < s->t1 && prep_is(x, t + l, "FROM"));
        }
        subj = t < s->t1 ? mention_at(x, t) : NULL;
        if (subj) t = chr_ex_past_timex(x, subj->t1, s->t1);
    }
    if (!subj || !wages_war(x, subj, armed)) return NULL;
    /* the object: a name, or a place noun ("the city of", "مدينة") */
    if (t < s->t1 && prep_is(x, t, "THE")) t++;
    if (t >= s->t1) return NULL;
    const char *code = class_code(x, "ATTACK");
    const mention *obj = mention_at(x, t);
    size_t e;
    if (obj) {
        if (!attackable(x, obj) || obj->prep) return NULL;
        e = obj->t1;
    } else if (object_code(x, t, "ATTACK")) {
        code = object_code(x, t, "ATTACK");
        e = t + vlen(x, t);
        if (e < s->t1 && prep_is(x, e, "OF")) e += chr_ex_word_len(x, e, "OF");   /* "the city of Kharkiv" */
        obj = e < s->t1 ? mention_at(x, e) : NULL;
        if (obj && !attackable(x, obj)) return NULL;
        if (obj) e = obj->t1;
    } else {
        return NULL;
    }
    /* the name ends its phrase: punctuation, a date or a preposition next
     * ("attacked Ukraine with missiles", "on Monday"), not a noun it
     * qualifies ("attacked Ukraine's policy") */
    size_t n = chr_ex_past_timex(x, e, s->t1);
    if (en && e < s->t1 && n == e && !is_comma(T(x, e)) && !(T(x, e)->flags & CHR_TOK_PUNCT && sentence_end(T(x, e)->cp)) &&
        !words_at(x, e)->nids)
        return NULL;
    /* a reason after it, up to the clause's end: blame, words */
    for (size_t r = e; r < s->t1 && !is_comma(T(x, r)); r++)
        if ((prep_is(x, r, "REASON") || prep_is(x, r, "CAUSE")) && !chr_ex_in_timex(x, r)) return NULL;
    /* the means: "with missiles", "بالصواريخ", "with air strikes" */
    size_t w = n, me;
    if (en && w < s->t1 && prep_is(x, w, "WITH")) {
        w++;
        while (w < s->t1 && (T(x, w)->flags & CHR_TOK_WORD) && !vn(x, w) && !x->tcov[w] && w < n + 4) w++;   /* "a barrage of" */
        if (w < s->t1 && prep_is(x, w, "OF")) w++;
    }
    const char *mc = w < s->t1 ? means_at(x, w, &me) : NULL, *tc = w < s->t1 ? vval(x, w, VK_TRIGGER) : NULL;
    *end = e;
    if ((en ? w > n : 1) && mc) {
        code = mc;
        *end = me;
    } else if ((en ? w > n : 1) && tc && tc[0] == '1' && tc[1] == '9') {
        code = tc;
        *end = w + vlen(x, w);
    }
    return code;
}

/* ---- visitors received (launch.txt RECEIVE) ------------------------------ */

/* Whether the name that ends at token e of sentence s ends its phrase:
 * punctuation (not the apostrophe of "'s" nor a hyphen), a date, a word of
 * prep.txt or coordination.txt, or the sentence's end; not a noun it
 * qualifies ("the Iraqi prime minister's letter"). */
static int name_ends_phrase(const chr_extractor *x, const sent *s, size_t e)
{
    if (e >= s->t1 || chr_ex_in_timex(x, e) || words_at(x, e)->nids) return 1;
    const chr_token *tk = T(x, e);
    return (tk->flags & CHR_TOK_PUNCT) && tk->cp != '\'' && tk->cp != 0x2019 && tk->cp != '-';
}

/* For an English verb of launch.txt RECEIVE at k in sentence s: a visit
 * hosted when whom it receives, right after it (a determiner, an adjective
 * or a name qualifying it perhaps before), is a person named or by office
 * ("received the Iraqi prime minister"), or a visitor of weapon.txt
 * RECEIVE ("received a Hamas delegation"): that line's code, and the token
 * after the object in *end.  What is received otherwise is a thing, and
 * none: "received a letter", "a phone call" (its own event), "aid", and
 * "-" for a thing of weapon.txt RECEIVE:- before a visitor ("a message from
 * the delegation"). */
static const char *visitor_after(const chr_extractor *x, const sent *s, size_t k, size_t *end)
{
    size_t t = k + vlen(x, k);
    for (int n = 0; t < s->t1 && n < 5; n++) {
        const mention *m = mention_at(x, t);
        if (m) {
            if (x->tq[m->t0]) return NULL;
            if (x->a[m->actor].kind != CHR_ACTOR_PERSON) {
                t = m->t1;                     /* "a Hamas delegation", "US Secretary of State" */
                continue;
            }
            if (m->prep || !name_ends_phrase(x, s, m->t1)) return NULL;
            *end = m->t1;
            return class_code(x, "RECEIVE");
        }
        const char *code = object_code(x, t, "RECEIVE");
        if (code) {
            *end = t + vlen(x, t);
            return code;
        }
        if (vval(x, t, VK_TITLE)) {            /* "Iraqi Prime Minister Mohammed Shia al-Sudani" */
            t += vlen(x, t);
            continue;
        }
        /* a determiner or an adjective ("the", "a high-level") */
        if (!(T(x, t)->flags & CHR_TOK_WORD) || (words_at(x, t)->nids && !prep_is(x, t, "THE")) || !only_stop(x, t))
            return NULL;
        t++;
    }
    return NULL;
}

static int trigger_events(chr_extractor *x)
{
    /* the actors of the last event, for "the two sides" after it */
    ev_actor last_act[12];
    int last_na = 0;
    size_t last_si = SIZE_MAX;
    /* ... and of the last one two people took part in, for "the two
     * leaders" after "and the two countries signed" */
    ev_actor pers_act[12];
    int pers_na = 0;
    size_t pers_si = SIZE_MAX;
    for (size_t si = 0; si < x->ns; si++) {
        const sent *s = &x->s[si];
        size_t cond = condition_at(x, s);
        size_t prev_end = s->t0, busy = s->t0, harm_busy = s->t0;
        harm_subject hs = {SIZE_MAX, {0}, 0, SIZE_MAX, 0, NOACTOR};
        /* an event of blame with no target whose object is an act, told
         * next by the word at blame_at: its agents are whom the blame is for */
        size_t blame_ev = SIZE_MAX, blame_at = SIZE_MAX;
        /* ... and where the object of the last blame names an act */
        size_t blamed_at = SIZE_MAX;
        for (size_t k = s->t0; k < s->t1 && k < cond; k++) {
            const char *cameo = vval(x, k, VK_TRIGGER);
            /* "fired missiles": a launch is an event by what it sends off */
            size_t weapon_end = 0;
            const char *cls = vval(x, k, VK_LAUNCH);   /* its class, when it is one */
            /* (a trigger too, what it acts on may tell a finer act: احتجز
             * is an arrest, of a ship a seizure) */
            if (cls) {
                /* (a verb of ATTACK acts on TARGET's objects, and on places
                 * named: attack_named) */
                int attack = !strcmp(cls, "ATTACK");
                const char *w = !strcmp(cls, "RECEIVE") ? visitor_after(x, s, k, &weapon_end)
                                                        : weapon_after(x, s, k, attack ? "TARGET" : cls, &weapon_end);
                if (!w && attack) w = attack_named(x, s, k, &weapon_end);
                if (w || !cameo) cameo = w;
            }
            /* "were killed by Israeli forces", "استشهد شاب برصاص قوات
             * الاحتلال": a verb of harm, an act only with its agent */
            size_t hl = 0;
            const char *harm = cameo || x->tment[k] || covered(x, k) || k < harm_busy ? NULL : chr_ex_harm_at(x, k, &hl);
            size_t hev = hs.ev;
            if (harm && harm_event(x, si, k, hl, harm, prev_end, cond, &harm_busy, &hs)) return -1;
            if (harm && k == blame_at && hs.ev != hev && blame_agents(x, blame_ev, hs.ev)) return -1;
            if (!cameo || x->tq[k] || x->tment[k] || covered(x, k) || x->tobj[k]) continue;
            /* told by someone: in the words after "said that", or in words
             * before "..., Peskov said" (read as a sentence of their own) */
            int told = reported_in(x, k), rep = x->tcontent[k] ? told : -1;
            int aside = x->tcontent[k] && rep < 0 ? aside_in(x, k, s->item) : -1;
            if (x->tcontent[k] && aside < 0 && (rep < 0 || refers_back(x, k))) continue;
            if (k < busy) continue;                    /* "talks" of "ceasefire talks" */
            busy = weapon_end ? weapon_end : k + vlen(x, k);   /* (and قذائف of أطلق قذائف) */
            /* what was said comes from the statements pass, not from nouns like "statement" */
            if (!strcmp(cameo, "010") || !strcmp(cameo, "-")) continue;   /* "-": listed as no event */
            if (topic_before(x, s, k)) continue;       /* "to discuss a ceasefire": what is talked about */
            if (!counted(x, s, k) && told_before(x, s, k, cameo)) continue;   /* "a new round of talks": another */
            if (infinitive(x, s, k)) continue;        /* "invited Netanyahu to visit Budapest" */
            /* reported words are a clause of their own: its subject is in them */
            size_t ct0 = rep >= 0 ? x->st[rep].ct0 : 0, ct1 = rep >= 0 ? x->st[rep].ct1 : 0;
            if (aside >= 0) {                          /* the event, and what follows it there */
                ct0 = k;
                ct1 = x->st[aside].ct1;
            }
            int within = rep >= 0 || aside >= 0;      /* read inside words [ct0, ct1) */
            int opens = rep >= 0 && prev_end <= ct0;   /* no verb before it in the words */
            if (opens) prev_end = ct0;
            size_t after = k + vlen(x, k), stop = after;
            if (unreal(x, prev_end, k, after)) {
                prev_end = after;
                continue;
            }
            const char *vo = verb_object_code(x, prev_end, k);
            if (vo) cameo = vo;
            const char *label = "";
            const char *pl = chr_vocab_plover(x->voc, cameo, &label);
            int blame = !strcmp(pl, "ACCUSE") || !strcmp(pl, "REJECT");
            /* ten words, a name or title counting as one ("استقبل أمير قطر
             * الشيخ تميم بن حمد آل ثاني الرئيس التركي رجب طيب أردوغان") */
            size_t reach = after + 10;
            /* "was signed": by whom follows; "Sanctions were imposed on Iran
             * by the EU": a noun that a passive verb follows */
            int be = passive_at(x, s, k) || (x->lang == CHR_LANG_EN && after < s->t1 && chr_ex_word_len(x, after, "BE"));
            /* the agent's word after a passive verb, "by", or in Arabic
             * after any verb ("اعتقل ... على يد", "تم اعتقال ... من قبل"):
             * where it stands, or SIZE_MAX */
            size_t by_at = SIZE_MAX;
            size_t act_at = SIZE_MAX;                  /* an act named in the object, where it stands */
            while (stop < s->t1 && stop < reach && stop < cond) {
                size_t by = be || x->lang != CHR_LANG_EN ? agent_word(x, s, stop) : 0;
                if (by) {                              /* ("قبل" of "من قبل" is no bound) */
                    if (by_at == SIZE_MAX) by_at = stop;
                    reach += by - 1;
                    stop += by;
                    continue;
                }
                /* ... and a clause of its own: "after Hamas gunmen killed",
                 * "بعد هجوم حماس" (a bound word before a name, not a date);
                 * a signing or a meeting reads on past its agreement to the
                 * other side ("signed an agreement with Pyongyang") */
                /* ... but what is blamed, a noun of owner.txt that is an event
                 * too, is the object: "rejected the demands of NATO",
                 * "رفضت الصين اتهامات واشنطن" (NATO, Washington blamed), and in
                 * Arabic an event noun with the article ("تدين بشدة الغارات
                 * الإسرائيلية": Israel blamed) */
                int owned = blame && units_between(x, after, stop) <= (x->lang == CHR_LANG_EN ? 1 : 2) &&
                            (vval(x, stop, VK_OWNER) || (x->lang != CHR_LANG_EN && refers_back(x, stop)));
                /* an act named in the object of blame, by a trigger or a word
                 * of harm ("condemned the killing of Haniyeh", "أدانت مقتل
                 * هنية"): the names after it are that act's */
                size_t hl0;
                int act_word = blame && (vval(x, stop, VK_TRIGGER) || (!covered(x, stop) && chr_ex_harm_at(x, stop, &hl0)));
                if (act_word && act_at == SIZE_MAX && units_between(x, after, stop) <= 2) act_at = stop;
                if (act_word && !owned && !vval(x, stop, VK_TRIGGER)) break;
                if ((vval(x, stop, VK_TRIGGER) && !owned) || (vval(x, stop, VK_TREATY) && !symmetric(cameo)) ||
                    (vval(x, stop, VK_REPORT) && !chr_ex_noun_form(x, stop)) ||
                    x->tq[stop] || (!within ? x->tcontent[stop] != 0 : stop >= ct1) ||
                    (vval(x, stop, VK_BOUND) && !past_timex_at(x, stop) && !(be && prep_is(x, stop, "BY"))))
                    break;
                if ((T(x, stop)->flags & CHR_TOK_PUNCT) &&
                    (T(x, stop)->cp == ',' || T(x, stop)->cp == 0x060C || T(x, stop)->cp == ';'))
                    break;
                /* the reason of the act ("over the Syrian war", "بسبب المسيرات
                 * الروسية") names none of its parties */
                if (prep_is(x, stop, "REASON") && !chr_ex_in_timex(x, stop)) break;
                const mention *nm = mention_at(x, stop);
                size_t w = nm ? nm->t1 - nm->t0 : vval(x, stop, VK_TITLE) ? vlen(x, stop) : 1;
                reach += w - 1;
                stop += w;
            }
            if (stop > s->t1) stop = s->t1;
            ev_actor act[12];
            int na = 0, has_source = 0;
            size_t means_of = SIZE_MAX;           /* the act of harm this verb tells the means of */
            uint32_t location = NOACTOR;
            int sym = symmetric(cameo);
            /* "Hezbollah said it fired rockets": the speaker acts */
            int self = rep >= 0 && self_subject(x, &x->st[rep], k);
            if (self) has_source |= push_actor(act, &na, 12, x->st[rep].speaker, sym ? "participant" : "source");
            /* before the trigger, back to the start of its clause: the subject */
            size_t from = prev_end;
            int comma = 0;
            for (size_t c = k; c > prev_end; c--)
                if ((T(x, c - 1)->flags & CHR_TOK_PUNCT) &&
                    (T(x, c - 1)->cp == ',' || T(x, c - 1)->cp == 0x060C || T(x, c - 1)->cp == ';')) {
                    from = c;
                    comma = 1;
                    break;
                }
            /* ... but a list of names goes on past its commas ("Spain,
             * Ireland and Norway recognized") */
            while (comma && from >= prev_end + 2 && x->tment[from] && x->tcov[from - 2]) {
                const mention *p = &x->m[x->tcov[from - 2] - 1];
                if (!chr_ex_agent(x, p) || p->prep || p->t0 < prev_end) break;
                from = p->t0;
                if (!(from > prev_end && is_comma(T(x, from - 1)))) comma = 0;
            }
            /* right after a preposition or a bound word (with a determiner
             * between in English) the trigger is a noun ("حذر خامنئي إسرائيل
             * من رد على اغتيال هنية", "a response to the killing of") or an
             * infinitive ("met ... to discuss"): the names before it act in
             * another clause; its agent, if any, follows it (اغتيال هنية) */
            size_t pk = k > s->t0 && prep_is(x, k - 1, "THE") ? k - 1 : k;
            int nominal = pk > s->t0 && (prep_is(x, pk - 1, "PLACE") || vval(x, pk - 1, VK_BOUND)) &&
                          !prep_is(x, pk - 1, "WITH") &&   /* "pounded Gaza with air strikes": the means */
                          !counted(x, s, pk);              /* "approved a package of sanctions" */
            /* English passive ("Haniyeh was assassinated", "was signed by
             * Armenia and Azerbaijan"): the subject is acted on; the name
             * after "by" acts */
            int passive = (!nominal && be) || agent_by(x, s, k) ||
                          (x->lang != CHR_LANG_EN && by_at != SIZE_MAX) ||   /* "اعتقل خمسة شبان على يد" */
                          prep_is(x, k, "PASSIVE");                          /* "اغتيل هنية" */
            /* ... and the name after a noun of violence is whom it struck
             * (اغتيال هنية، the killing of Haniyeh), not who struck */
            int force = !strcmp(pl, "ASSAULT") || !strcmp(pl, "COERCE");
            /* asked of every mention below */
            int sanction = !strcmp(pl, "SANCTION"), allied = !strcmp(pl, "SUPPORT") || !strcmp(pl, "COOPERATE");
            int protest = !strcmp(pl, "PROTEST");
            /* a verb of force whose means, a noun of force, follows in its
             * clause ("اغتيل هنية بغارة إسرائيلية", "was assassinated in an
             * Israeli air strike") tells one act with it: the noun's event,
             * as a verb of harm.txt's (below) */
            if (!nominal && !strcmp(pl, "ASSAULT") && means_trigger(x, s, k, after) != SIZE_MAX) continue;
            int struck = nominal && force;   /* (and after a verb's subject, below) */
            int consult = !strcmp(pl, "CONSULT");
            /* "received a phone call from US President Joe Biden", "تلقى
             * اتصالاً هاتفياً من بايدن": a contact from someone right after
             * the trigger is theirs (a person named there before a state),
             * and the subject is whom it reached; so is a request ("بطلب من
             * فرنسا": France asks) */
            uint32_t from_actor = NOACTOR;
            if ((consult || !strcmp(pl, "REQUEST")) && !sym && after < stop && prep_is(x, after, "FROM"))
                for (size_t i = 0; i < x->nm; i++) {
                    const mention *m = &x->m[i];
                    if (m->t0 <= after || m->t0 > after + 5 || !chr_ex_agent(x, m) || x->tq[m->t0]) continue;
                    if (x->a[m->actor].kind == CHR_ACTOR_PERSON) {
                        from_actor = m->actor;
                        break;
                    }
                    if (from_actor == NOACTOR) from_actor = m->actor;
                }
            if (nominal) {
                from = k;
                comma = 1;
            }
            /* Arabic: after a verb of the same clause, the first name before
             * this trigger is that verb's subject ("انتقد بيسكوف العقوبات
             * الأمريكية": Peskov criticizes, he does not sanction); a name
             * after it, its object, may be this one's agent ("اتهمت السلطات
             * السورية إسرائيل بشن غارات") */
            const mention *prev_subject = NULL;
            if (x->lang != CHR_LANG_EN && !comma && prev_end > s->t0 && !opens)
                for (size_t i = 0; i < x->nm && !prev_subject; i++)
                    if (x->m[i].t0 >= prev_end && x->m[i].t1 <= k && chr_ex_agent(x, &x->m[i]) && !x->m[i].prep)
                        prev_subject = &x->m[i];
            /* ... so a trigger of force there is a masdar, the object of that
             * verb, and a name in construct after it is what the act befell,
             * as after a preposition ("أدانت مصر اغتيال هنية"; "قصف إسرائيل
             * لغزة" has its object after ل, so its first name acts) */
            if (prev_subject && force) struck = 1;
            /* a trigger that is the means of a word of harm before it in its
             * clause ("مقتل هنية بغارة إسرائيلية"، "قتل هنية بغارة"): with
             * the means' own agent named after it (a nationality on it or a
             * name), the names between the two are whom the harm befell; so
             * they are with none, unless the verb is active, its subject
             * right after it acting on people (harm_subj: "قتلت إسرائيل هنية
             * بغارة"): a passive's victim is no agent, and who acted is not
             * told ("قتل هنية بغارة") */
            size_t harm_at = SIZE_MAX;
            uint32_t harm_subj = NOACTOR;
            if (x->lang != CHR_LANG_EN && force && !nominal)
                for (size_t t = k; t > prev_end && harm_at == SIZE_MAX; t--) {
                    size_t hl;
                    if (is_comma(T(x, t - 1))) break;
                    if (chr_ex_harm_at(x, t - 1, &hl)) harm_at = t - 1;
                    else if (vval(x, t - 1, VK_TRIGGER) && means_trigger(x, s, t - 1, t - 1 + vlen(x, t - 1)) == k)
                        harm_at = t - 1;               /* "اغتيل هنية بغارة" */
                }
            if (harm_at != SIZE_MAX) {
                int agent_after = 0;
                for (size_t i = 0; i < x->nm && !agent_after; i++) {
                    const mention *m = &x->m[i];
                    agent_after = !m->prep && (force_adjective(x, m, k, after) || (m->t0 == after && chr_ex_agent(x, m)));
                }
                ev_actor ha[12];
                int hn = 0;
                const char *hm = NULL;
                size_t hl = 0, a0, a1, o0, o1;
                if (!chr_ex_harm_at(x, harm_at, &hl)) hl = vlen(x, harm_at);
                if (!agent_after && active_agent(x, s, harm_at, harm_at + hl, k, prev_end, ha, &hn, &hm, &a0, &a1, &o0, &o1) && hn) {
                    harm_subj = ha[0].actor;
                } else if (!agent_after) {
                    /* the passive only when the names, joined, reach the means
                     * ("قتل هنية بغارة"); else, more words between, the verb
                     * is read as before, its first name the subject */
                    const mention *f = NULL;
                    for (size_t i = 0; i < x->nm && !f; i++)
                        if (x->m[i].t0 >= harm_at + hl && x->m[i].t1 <= k) f = &x->m[i];
                    size_t e = f ? f->t1 : 0;
                    for (size_t i = 0; f && i < x->nm; i++)
                        if (x->m[i].t0 >= e && x->m[i].t1 <= k && only_joiners(x, e, x->m[i].t0)) e = x->m[i].t1;
                    if (!f || e != k) harm_at = SIZE_MAX;
                }
            }
            /* English: a noun of force that is the means of a passive verb of
             * harm before it ("Haniyeh was killed in an air strike", "two
             * men were wounded in Israeli shelling"): the verb's subject is
             * whom the act befell, never its agent, who is named on the means
             * or not at all; its words end at victims_end */
            size_t victims_end = 0;
            if (x->lang == CHR_LANG_EN && force && !be)
                for (size_t t = k; t > prev_end && t + 6 > k && !victims_end; t--) {
                    size_t hl = 0;
                    /* (not past a name but a nationality on the means, an
                     * agent's "by" or a relative pronoun: "killed by Russian
                     * troops who later stormed the village" tells another act) */
                    /* (a verb of force whose means this is reads as one of
                     * harm: "was assassinated in an air strike") */
                    int verb = vval(x, t - 1, VK_TRIGGER) && means_trigger(x, s, t - 1, t - 1 + vlen(x, t - 1)) == k;
                    if (is_comma(T(x, t - 1)) || (vval(x, t - 1, VK_TRIGGER) && !verb) || prep_is(x, t - 1, "BY") ||
                        vval(x, t - 1, VK_PRONOUN) || (x->tcov[t - 1] && x->m[x->tcov[t - 1] - 1].tag != CHR_ALIAS_ADJ))
                        break;
                    if (verb) hl = vlen(x, t - 1);
                    else if (!chr_ex_harm_at(x, t - 1, &hl) || t - 1 + hl > k) continue;
                    for (size_t b = t - 1 > s->t0 + 3 ? t - 4 : s->t0; b < t - 1 && !victims_end; b++) {
                        size_t l = chr_ex_word_len(x, b, "BE");
                        if (l && (b + l == t - 1 || b + l + 1 == t - 1)) victims_end = b;
                    }
                    break;
                }
            if (victims_end) passive = 1;
            /* English: a subject set off by commas from its verb ("Lavrov, in
             * turn, accused ...") when the clause before the verb names no one */
            if (x->lang == CHR_LANG_EN && from > prev_end && rep < 0 && !nominal) {
                uint32_t subj = comma_subject(x, prev_end, from, k);
                if (subj != NOACTOR) has_source |= push_actor(act, &na, 12, subj, sym ? "participant" : "source");
            }
            /* a verb right after a relative pronoun ("بوتين، الذي زار بيونغ
             * يانغ", "Putin, who visited", "killed by Russian troops who
             * opened fire"): the name before it acts, set off by a comma or
             * not, with a noun of its forces between ("Russian troops",
             * "القوات الروسية التي") */
            if (!has_source && k >= s->t0 + 2 && vval(x, k - 1, VK_PRONOUN) &&
                !strcmp(vval(x, k - 1, VK_PRONOUN), "RELATIVE")) {
                const mention *ante = relative_antecedent(x, s, k - 1);
                if (ante && chr_ex_agent(x, ante) && !ante->prep) {
                    has_source |= push_actor(act, &na, 12, ante->actor, sym ? "participant" : "source");
                    if (hs.ev != SIZE_MAX && hs.agent == ante->actor && hs.agent_end <= k - 1 && hs.agent_end + 2 >= k)
                        means_of = hs.ev;
                }
            }
            /* English: a verb joined by "and" to an earlier one ("spoke with
             * Netanyahu ... and pledged support") has the sentence's subject */
            if (x->lang == CHR_LANG_EN && !has_source && k > s->t0 && rep < 0 && !nominal && prep_is(x, k - 1, "AND")) {
                uint32_t subj = chr_ex_joined_subject(x, s, k);
                if (subj != NOACTOR) has_source |= push_actor(act, &na, 12, subj, sym ? "participant" : "source");
            }
            /* Arabic: a verb whose object comes first (object.txt), joined by
             * و to an earlier verb, with one name after it: that verb's
             * subject acts on the name ("أدانت مصر الهجوم، ودعت إسرائيل إلى") */
            if (x->lang != CHR_LANG_EN && !has_source && rep < 0 && !nominal) {
                uint32_t subj = chr_ex_joined_object_subject(x, s, k, after, stop);
                if (subj != NOACTOR) has_source |= push_actor(act, &na, 12, subj, sym ? "participant" : "source");
            }
            /* "the two sides", "الجانبان": the actors of the event told just
             * before, in this sentence or the one before, both acting */
            int both = !has_source && rep < 0 && !nominal && last_na >= 2 && last_si != SIZE_MAX &&
                               si <= last_si + 1 && x->s[last_si].item == s->item
                           ? chr_ex_both_subject(x, s, k, after)
                           : 0;
            const ev_actor *before = last_act;
            int nbefore = last_na;
            if (both == 2 && pers_si != SIZE_MAX && si <= pers_si + 1 && x->s[pers_si].item == s->item) {
                before = pers_act;
                nbefore = pers_na;
            }
            if (both && !(has_source |= both_actors(x, both, before, nbefore, act, &na, sym ? "participant" : "source")))
                both = 0;
            /* where the last source before the trigger ends; SIZE_MAX: the
             * subject stands further back, so names here are objects */
            /* Arabic: an official not named right after the verb ("وزار
             * الوزير سلطنة عمان") is its subject: a name after him is the
             * object, not the subject */
            if (!has_source && !sym && !nominal && (unnamed_official_at(x, s, after) || unnamed_force_at(x, s, after)))
                has_source = 1;
            size_t src_end = has_source ? SIZE_MAX : 0;
            size_t after_src = SIZE_MAX;              /* where a subject after the verb ends */
            size_t struck_end = 0;                    /* where the last name struck by an act blamed ends */
            /* the state of the place an act of force was in ("in Tehran",
             * "في جنوب لبنان"): the target when the act names no other
             * ("an Israeli air strike killed five people in Khan Younis":
             * its people), not beside one ("the assassination of Haniyeh in
             * Tehran") */
            uint32_t in_place = NOACTOR;
            uint32_t mission = NOACTOR;               /* the state of an embassy protested at */
            for (size_t i = 0; i < x->nm; i++) {
                const mention *m = &x->m[i];
                /* a city or region after the verb is where it happened, and
                 * what an act of force struck ("shelled Kharkiv", "قصفت حلب",
                 * "strikes on Kharkiv"); after "in", في, where it struck,
                 * whose people are its target only when it names no other
                 * (in_place, below) */
                if (m->tag == CHR_ALIAS_PLACE && m->t0 >= after && m->t0 < stop && !x->tq[m->t0] && !in_treaty_name(x, m) &&
                    (!x->tcontent[m->t0] || (within && m->t0 >= ct0 && m->t1 <= ct1))) {
                    if (location == NOACTOR && !blame && !topic_place(x, k, m, consult)) location = m->actor;
                    int aimed_at = !m->prep || prep_is(x, m->pw, "AGAINST") || prep_is(x, m->pw, "AT") || prep_is(x, m->pw, "OF");
                    if (force && has_source && !sym && aimed_at) push_actor(act, &na, 12, m->actor, "target");
                    else if (force && !sym && in_place == NOACTOR) in_place = m->actor;
                    continue;
                }
                /* "Israeli air strikes", "an Israeli strike", "غارات إسرائيلية",
                 * "القصف الروسي": a nationality on a noun of force names who
                 * used it; so it does on a noun of sanctions ("US sanctions",
                 * "العقوبات الأمريكية على روسيا" that China rejects) */
                if ((force || sanction) && !sym && force_adjective(x, m, k, after) && !x->tq[m->t0] &&
                    (!x->tcontent[m->t0] || (within && m->t0 >= ct0 && m->t1 <= ct1))) {
                    has_source |= push_actor(act, &na, 12, m->actor, "source");
                    continue;
                }
                /* a nationality adjective in the object names whom the act is
                 * aimed at ("انتقدت الصين العقوبات الأمريكية", "condemned the
                 * Ukrainian strikes"), once the subject is known; not in a
                 * meeting or a call, whose objects are what it is about; after
                 * a weapon, where it is aimed ("fired shells at Afghan posts");
                 * after the "on" of a sanction or an act of force, whom it
                 * strikes ("imposed sanctions on Syrian companies", as "عقوبات
                 * على شركات سورية") */
                int aimed_on = m->tag == CHR_ALIAS_ADJ && m->prep && m->t0 >= after && (force || sanction) &&
                               prep_is(x, m->pw, "AGAINST");
                if (m->tag == CHR_ALIAS_ADJ && !chr_ex_agent(x, m) && !of_title(x, m) && has_source && !sym && !consult && !both &&
                    !site_adjective(x, m) &&
                    m->t0 >= after && m->t0 < stop && (!m->prep || weapon_end || aimed_on) && !x->tq[m->t0] &&
                    (!x->tcontent[m->t0] || (within && m->t0 >= ct0 && m->t1 <= ct1)) &&
                    in_object(x, weapon_end ? weapon_end : after, m, force || sanction))
                    push_actor(act, &na, 12, m->actor, "target");
                /* a protest at a state's embassy or consulate ("rallied
                 * outside the Israeli embassy in London", "أمام السفارة
                 * الأمريكية") is aimed at that state when it names no
                 * other ("protested against Israel outside the Swiss
                 * embassy"); where it was is the place named, not the
                 * mission's state */
                if (protest && m->t0 >= after && m->t0 < stop && !x->tq[m->t0] && mission_state(x, m)) {
                    if (mission == NOACTOR) mission = m->actor;
                    continue;
                }
                if (!chr_ex_agent(x, m) || x->tq[m->t0] || m == prev_subject || names_treaty(x, m)) continue;
                if (x->tcontent[m->t0] && !(within && m->t0 >= ct0 && m->t1 <= ct1)) continue;
                /* the object of that verb, when a capital, is a place ("زار وفد
                 * القاهرة لبحث الهدنة": Cairo does not declare the truce) */
                if (prev_subject && m->tag == CHR_ALIAS_CAPITAL && m->t1 <= k) continue;
                if (harm_at != SIZE_MAX && m->t0 > harm_at && m->t1 <= k && (!m->prep || member_group(x, m))) {
                    if (m->actor == harm_subj) has_source |= push_actor(act, &na, 12, m->actor, "source");
                    else push_actor(act, &na, 12, m->actor, "target");
                    continue;
                }
                if (victims_end && m->t0 >= prev_end && m->t1 <= victims_end && !m->prep) {
                    push_actor(act, &na, 12, m->actor, "target");
                    continue;
                }
                if (m->t0 >= from && m->t1 <= k && m->t1 + 8 + timex_tokens(x, m->t1, k) > k && !m->prep &&
                    !force_behind(x, m, k)) {
                    /* English: after the subject, a name is another subject only
                     * when joined to it ("Russia and China signed"); else it is
                     * the object of a verb between ("Israel pounded Gaza with
                     * air strikes") */
                    /* (nor is the person who holds the office of the state
                     * or body just named: "Iran's Supreme Leader Ali
                     * Khamenei received") */
                    if ((has_source && !sym &&
                         (x->lang == CHR_LANG_EN ? !only_joiners(x, src_end, m->t0) && !holds_office_of(x, src_end, m, 1)
                                                 : !joined_ar(x, src_end, m))) ||
                        (passive && !sym)) {
                        push_actor(act, &na, 12, m->actor, "target");
                        continue;
                    }
                    has_source |= push_actor(act, &na, 12, m->actor, sym ? "participant" : "source");
                    src_end = m->t1;
                } else if (m->t0 >= after && m->t0 < stop && !(both && sym)) {
                    /* (after "the two sides" met or talked, names are what about) */
                    /* لإسرائيل; "in" is where a condemned act happened, not whom
                     * the blame is for ("condemned the killing of Haniyeh in Tehran") */
                    /* (a protest "in Iran", "في إيران" is where it was, below;
                     * whom it is against follows "against", ضد) */
                    /* (an act of force "in Tehran" is where it struck, not whom:
                     * "the assassination of Haniyeh in Tehran"; what it is aimed
                     * at follows "on", "at", على, or is its object) */
                    /* ("in" is where someone went only after a trigger that
                     * ends in it, "arrived in Ankara", and where the sanctioned
                     * are, "sanctions on companies in Iran"; someone
                     * "threatened Sweden in Ankara" or "hosted Xi in Moscow"
                     * there, no more) */
                    int into = !protest && m->t0 > 0 && !blame &&
                               (prep_is(x, m->pw, "TO") || (prep_is(x, m->pw, "IN") && (sanction || m->pw + 1 == after)));
                    int to = !protest && ((into && !force) || m->lam);
                    if (title_body(x, m)) continue;  /* "الأمين العام لحلف شمال الأطلسي ينس ستولتنبرغ" */
                    /* the object sent off, expelled or recognized names whose it
                     * is: "بدولة فلسطين", "Hezbollah positions" */
                    if (weapon_end && !sym && m->t0 < weapon_end && m->t1 >= weapon_end) {
                        push_actor(act, &na, 12, m->actor, "target");
                        continue;
                    }
                    if (passive && names_after_word(x, after, m, "BY")) {         /* "was signed by Armenia and Azerbaijan" */
                        has_source |= push_actor(act, &na, 12, m->actor, sym ? "participant" : "source");
                        continue;
                    }
                    /* "a ceasefire between Israel and Hezbollah", "اشتباكات بين
                     * الجيش والمسلحين": the two sides take part alike */
                    if (names_after_word(x, after, m, "BETWEEN")) {
                        push_actor(act, &na, 12, m->actor, "participant");
                        continue;
                    }
                    /* a meeting "in Malta" is where it was, not who met */
                    if (sym && to && m->prep && x->a[m->actor].kind == CHR_ACTOR_STATE) {
                        if (location == NOACTOR) location = m->actor;
                        continue;
                    }
                    /* "تدين الغارات الإسرائيلية على لبنان", "condemned the
                     * strikes on Lebanon": a name after على/on the act blamed is
                     * whom or where that act struck, not whom the blame is for
                     * (Israel, its agent, is) */
                    if (blame && ((m->prep && prep_is(x, m->pw, "AGAINST") && act_between(x, after, m->pw)) ||
                                  (struck_end && m->t0 >= struck_end && only_joiners(x, struck_end, m->t0)))) {
                        push_actor(act, &na, 12, m->actor, "mentioned");
                        struck_end = m->t1;                /* (and a name joined to it: "على غزة ولبنان") */
                        continue;
                    }
                    /* "struck the southern suburbs of Beirut": the place an
                     * act of force hits, named after "of", is its target */
                    int against = m->prep && (prep_is(x, m->pw, "AGAINST") ||
                                              (force && !sym && (prep_is(x, m->pw, "OF") || prep_is(x, m->pw, "AT") ||
                                                                 member_group(x, m))) ||   /* "a leader in Hezbollah" */
                                              (blame && owner_of_object(x, after, m)));
                    /* "talks with Hamas", "محادثات مع حماس": the other side of a
                     * meeting, a negotiation or a signing, and of relations or
                     * cooperation resumed, or suspended ("استئناف العلاقات مع
                     * الإمارات", "suspended talks with Washington") */
                    int with = (sym || consult || allied || sanction) &&
                               m->prep && prep_is(x, m->pw, "WITH");
                    /* where it happened; not for blame, whose places are those of
                     * the act blamed ("condemned the attack on the Nuseirat camp") */
                    /* ("about the crisis in Sudan" is what, not where) */
                    int where = into || (m->prep && !prep_is(x, m->pw, "OF") && !topic_place(x, k, m, consult));
                    /* (not the state of a title, "hosted US President Joe
                     * Biden in Tokyo": the person's; in Arabic a place with
                     * a person after it is where, "استقبل ... في بيروت العاهل
                     * الأردني", and the title's is its adjective) */
                    int title_state = x->lang == CHR_LANG_EN ? of_title(x, m) : m->tag == CHR_ALIAS_ADJ && of_title(x, m);
                    if ((to || where) && !against && !blame && !with && m->actor != from_actor &&
                        x->a[m->actor].kind == CHR_ACTOR_STATE && location == NOACTOR && !title_state)
                        location = m->actor;
                    /* ("rockets fired from Lebanon" came from there) */
                    if (force && !sym && !blame && !to && where && !against && !with && !prep_is(x, m->pw, "FROM")) {
                        if (in_place == NOACTOR && x->a[m->actor].kind == CHR_ACTOR_STATE) in_place = m->actor;
                        continue;
                    }
                    if (from_actor != NOACTOR && m->t0 > after && m->t0 <= after + 5) continue;
                    if (m->prep && !to && !against && !with) continue;      /* "في الكرملين": where, not who */
                    /* Arabic puts the subject after the verb, and the agent after
                     * a noun (زيارة بوتين): the first name there is the source */
                    /* (not so in an Arabic passive: "تم اعتقال الناشط ... من
                     * قبل", whose names before the agent's word are acted on) */
                    /* ... but a noun of force right after a noun of raid is who
                     * raided, in construct ("خلال اقتحام قوات الاحتلال مدينة
                     * نابلس", "خلال اقتحام الجيش الإسرائيلي"); what follows it
                     * is what was struck */
                    int raider = struck && x->lang != CHR_LANG_EN && !has_source &&
                                 (m->t0 == after ? vval(x, after, VK_FORCE) != NULL : force_ends_at(x, after, m->t0) == after);
                    /* (and a name in construct with its object after ل: "قصف
                     * إسرائيل لغزة"، "اغتيال إسرائيل لهنية") */
                    if (struck && !raider && x->lang != CHR_LANG_EN && !has_source && m->t0 == after && !m->lam)
                        for (size_t j = i + 1; j < x->nm && !raider; j++)
                            raider = x->m[j].t0 == m->t1 && x->m[j].lam;
                    const char *role = sym ? "participant" : (!has_source && !to && !against && !with && (!struck || raider) && !(x->lang == CHR_LANG_EN && !nominal) &&
                                                              !(passive && x->lang != CHR_LANG_EN)) ? "source" : "target";
                    /* Arabic: a name joined by و to the subject right before it
                     * is a subject too ("ودعت مصر والسعودية إلى") */
                    if (!sym && has_source && x->lang != CHR_LANG_EN && m->wa && !m->prep && m->t0 == after_src)
                        role = "source";
                    /* ... and so is the person who holds the office of the state
                     * or body just named ("استقبل رئيس دولة الإمارات الشيخ محمد
                     * بن زايد المستشار الألماني") */
                    if (!sym && has_source && x->lang != CHR_LANG_EN && !m->prep && after_src != SIZE_MAX &&
                        holds_office_of(x, after_src, m, 1)) {
                        role = "source";
                        after_src = m->t1;
                    }
                    if (push_actor(act, &na, 12, m->actor, role) && role[0] == 's') {
                        has_source = 1;
                        after_src = m->t1;
                    }
                }
            }
            /* (only for an act whose agent is named: a place alone names no
             * one struck, "الغارات التي استهدفت مواقع في سوريا", "condemned
             * the air strikes on targets in China", as a raid with no raider
             * named is no event, "استشهد شاب خلال اقتحام مدينة طولكرم") */
            if (in_place != NOACTOR && has_source && !has_role(act, na, 't')) push_actor(act, &na, 12, in_place, "target");
            if (mission != NOACTOR && !has_role(act, na, 't')) push_actor(act, &na, 12, mission, "target");
            if (from_actor != NOACTOR) {
                for (int i = 0; i < na; i++)
                    if (act[i].role[0] == 's') act[i].role = "target";
                if (push_actor(act, &na, 12, from_actor, "source")) has_source = 1;
            }
            prev_end = after;
            /* Arabic: a verb joined by و to an earlier one, naming no one
             * itself ("اقتحمت قوات الاحتلال مخيم جنين، واعتقلت عددا من
             * الشبان"): the earlier verb's subject acts (not in a meeting: one
             * side alone, "وبحث معه", tells of the meeting before) */
            if (!na && !sym && x->lang != CHR_LANG_EN && rep < 0 && !nominal && !subject_after_ar(x, s, after)) {
                uint32_t subj = chr_ex_joined_subject(x, s, k);
                if (subj != NOACTOR) has_source |= push_actor(act, &na, 12, subj, "source");
            }
            /* a passive whose agent, named after "by" or من قبل, is no actor
             * ("were arrested by police in Cairo"): who acted is not known */
            if (passive && by_at != SIZE_MAX && !has_source && !sym) continue;
            /* a protest that names no one protesting is by people of the
             * state it was in ("Students protested in Tehran", "تظاهر طلاب
             * في طهران"), whom CAMEO codes as that state's */
            if (protest && !has_source && location != NOACTOR) has_source |= push_actor(act, &na, 12, location, "source");
            /* a protest against the protesters' own government ("Israelis
             * protested against their government", "ضد حكومتهم", "ضد
             * الحكومة الإسرائيلية" by Israelis): their state is its target,
             * and its people, who protest, are not told apart from it: no
             * source, never the state against itself */
            if (protest) {
                uint32_t own = NOACTOR;
                for (size_t t = after; t + 1 < stop && own == NOACTOR; t++) {
                    if (!prep_is(x, t, "AGAINST")) continue;
                    size_t u = t + 1 < stop && prep_is(x, t + 1, "THE") ? t + 2 : t + 1;
                    const char *pv = vval(x, t + 1, VK_PRONOUN);
                    if (pv && !strcmp(pv, "OWN")) {
                        for (int i = 0; i < na && own == NOACTOR; i++)
                            if (act[i].role[0] == 's' && x->a[act[i].actor].kind == CHR_ACTOR_STATE) own = act[i].actor;
                        break;
                    }
                    if (u < stop && vval(x, u, VK_FORCE) && !x->tcov[u]) u += vlen(x, u);   /* "ضد الحكومة الإسرائيلية" */
                    const mention *o = u < stop ? mention_at(x, u) : NULL;
                    for (int i = 0; o && i < na && own == NOACTOR; i++)
                        if (act[i].role[0] == 's' && act[i].actor == o->actor) own = o->actor;
                }
                for (int i = 0; own != NOACTOR && i < na; i++)
                    if (act[i].actor == own) act[i].role = "target";
                if (own != NOACTOR) has_source = has_role(act, na, 's');
            }
            if (!na) continue;
            /* an agreement is reached by two: "أعلن X التوصل إلى اتفاق" is not
             * X's alone */
            if (weapon_end && !strcmp(cls, "REACH") && na < 2) continue;
            /* a launch aimed at no one may be a test, or no act at all (an
             * expulsion, a demolition names its object already) */
            if (weapon_end && !strcmp(cls, "LAUNCH")) {
                int aimed = location != NOACTOR, people = location == NOACTOR;
                for (int i = 0; i < na; i++)
                    if (act[i].role[0] == 't') {
                        aimed = 1;
                        people &= x->a[act[i].actor].kind == CHR_ACTOR_PERSON;
                    }
                if (!aimed) continue;
                /* an attack that names no weapon (190), aimed at people
                 * alone and nowhere, is words: "launched an attack on Biden",
                 * "شن هجوما على نتنياهو" */
                if (people && !strcmp(cameo, "190")) continue;
            }
            /* an English verb of force with no one acting is none: "an
             * earthquake struck southern Turkey" */
            if (x->lang == CHR_LANG_EN && !nominal && !passive && !has_source && !sym && !strcmp(pl, "ASSAULT") &&
                k > s->t0 && !prep_is(x, k - 1, "THE") && !(T(x, k - 1)->flags & CHR_TOK_PUNCT))
                continue;
            /* in reported words, only an event whose agent stands next to
             * it, as its clause's subject: "said Israeli warplanes
             * bombarded", "أن روسيا وقعت", "أن وقعت روسيا"; not a noun deep
             * in the words ("أن سوريا تدعم جهود وقف إطلاق النار") */
            if (rep >= 0 && !self && !subject_next_to(x, ct0, ct1, k, after, force)) continue;
            /* "were killed by Russian troops who opened fire": the act of
             * the relative clause is the means of the killing just told, by
             * the same agent and aimed at no one else (but the state of the
             * place it struck, "on a checkpoint near Kherson"); one event,
             * of the more specific code (193 for 190), with that state as
             * its target.  A relative act of a code that is no means ("who
             * stormed the camp", 190) or of another kind stays an act of its
             * own. */
            int only_place = means_of != SIZE_MAX && !sym && strlen(cameo) == 3 && cameo[2] != '0';
            for (int i = 0; only_place && i < na; i++)
                only_place = act[i].role[0] == 's' ? i == 0 : act[i].actor == location;
            if (only_place) {
                chr_rec_event *h = &x->rec->events[means_of];
                int generic = h->cameo && strlen(h->cameo) == 3 && !strncmp(h->cameo, cameo, 2) && h->cameo[2] == '0';
                if (generic || (h->cameo && !strcmp(h->cameo, cameo))) {
                    h->type = chr_record_str(x->rec, label[0] ? label : cameo);
                    h->cameo = chr_record_str(x->rec, cameo);
                    h->plover = chr_record_str(x->rec, pl);
                    if (na > 1) {                  /* the state struck, once */
                        const char *name = x->a[act[1].actor].name;
                        int has = 0;
                        for (size_t i = 0; i < h->nactors; i++) has |= !strcmp(h->actors[i].name, name);
                        chr_rec_role *v = has ? NULL : chr_record_alloc(x->rec, (h->nactors + 1) * sizeof *v);
                        if (v) {
                            if (h->nactors) memcpy(v, h->actors, h->nactors * sizeof *v);
                            v[h->nactors].name = chr_record_str(x->rec, name);
                            v[h->nactors].role = "target";
                            v[h->nactors].kind = chr_actor_kind_str(x->a[act[1].actor].kind);
                            h->actors = v;
                            h->nactors++;
                        }
                        if (!h->location) h->location = chr_record_str(x->rec, name);
                    }
                    continue;
                }
            }
            /* sanctions criticised or rejected with no one named that they
             * strike ("انتقد لافروف العقوبات الأمريكية", "criticized the US
             * sanctions") are a measure talked about, standing since before
             * the report: the blame is the event, with their imposer as its
             * target; sanctions "on Russia" are told as imposed */
            if (k == blamed_at && sanction && !has_role(act, na, 't')) continue;
            chr_rec_event *ev = new_event(x);
            if (!ev) return -1;
            memcpy(last_act, act, (size_t)na * sizeof *act);
            last_na = na;
            last_si = si;
            int people = 0;
            for (int i = 0; i < na; i++) people += act[i].role[0] != 'm' && x->a[act[i].actor].kind == CHR_ACTOR_PERSON;
            if (people >= 2) {
                memcpy(pers_act, act, (size_t)na * sizeof *act);
                pers_na = na;
                pers_si = si;
            }
            ev->type = chr_record_str(x->rec, label[0] ? label : cameo);
            ev->cameo = chr_record_str(x->rec, cameo);
            ev->plover = chr_record_str(x->rec, pl);
            ev->item = s->item;
            ev->trigger = rspan(x, T(x, k)->start, T(x, (weapon_end ? weapon_end : after) - 1)->end);
            ev->actors = event_roles(x, act, na);
            ev->nactors = (size_t)na;
            ev->location = location != NOACTOR ? chr_record_str(x->rec, x->a[location].name) : NULL;
            /* the treaty of the clause */
            int64_t tr = -1;
            for (size_t i = 0; i < x->ntm; i++)
                if (x->tm[i].sent == (int)si && !x->tq[x->tm[i].t0]) {
                    tr = x->tm[i].treaty;
                    if (x->tm[i].t0 >= k) break;
                }
            ev->treaty = tr;
            if (event_report(x, ev, told, si, k)) return -1;
            /* the object of blame that is an act: its agents are blamed */
            size_t evi = x->rec->nevents - 1;
            if (force && (k == blame_at || (harm_at != SIZE_MAX && harm_at == blame_at)) && blame_agents(x, blame_ev, evi))
                return -1;
            if (blame) blamed_at = act_at;
            if (blame && act_at != SIZE_MAX) {
                int aimed = has_role(act, na, 't');
                blame_ev = aimed ? SIZE_MAX : evi;
                blame_at = aimed ? SIZE_MAX : act_at;
            }
            /* a signing gives its treaty parties and a conclusion date */
            if (!strncmp(cameo, "057", 3) && tr >= 0) {
                treaty *t = &x->tr[tr];
                for (int i = 0; i < na; i++) {
                    uint32_t party = party_of(x, act[i].actor);
                    if (party == NOACTOR) continue;
                    int seen = 0;
                    for (int p = 0; p < t->nparties; p++) seen |= t->parties[p] == party;
                    if (!seen && t->nparties < 8) t->parties[t->nparties++] = party;
                }
            }
        }
    }
    return 0;
}

/* One statement event per speaker and item: what one person said in one
 * report, with every statement that makes it up. */
/* Whether statement o is dated as date (an event date), or, in the sentence
 * next to the occasion's last one (next), has no date of its own: one
 * speaker's statements make one event per occasion, and a statement dated
 * otherwise ("in an interview this week") is another. */
static int str_eq(const char *a, const char *b) { return a == b || (a && b && !strcmp(a, b)); }

static int same_date(chr_extractor *x, const chr_rec_date *date, const stmt *o, int item, int next)
{
    chr_rec_date d = event_date(x, (size_t)o->sent, o->vt, item);
    return (str_eq(d.value, date->value) && str_eq(d.basis, date->basis)) ||
           (next && d.basis && !strcmp(d.basis, "reported"));    /* "He added that ...": no date of its own */
}

/* The actors named in a statement's words, as "mentioned": those that
 * could act, and states named by a city or region ("targets in southern
 * Lebanon"). */
static void push_mentioned(const chr_extractor *x, const stmt *o, ev_actor *act, int *na, int max)
{
    for (size_t m = 0; m < x->nm; m++)
        if (x->m[m].t0 >= o->ct0 && x->m[m].t1 <= o->ct1 &&
            (chr_ex_agent(x, &x->m[m]) || (x->m[m].tag == CHR_ALIAS_PLACE && !in_treaty_name(x, &x->m[m]))))
            push_actor(act, na, max, x->m[m].actor, "mentioned");
}

/* Whether statement st is a threat: a warning given to someone, not under
 * a modal or a condition ("will warn", "if Russia warns": not given yet,
 * left a statement as any such). */
static int threat(const chr_extractor *x, const stmt *st)
{
    const sent *s = &x->s[st->sent];
    return st->to != NOACTOR && condition_at(x, s) > st->vt && !unreal(x, s->t0, st->vt, st->vt + vlen(x, st->vt));
}

/* Statement i, a threat ("Russia warned the United States of a strong
 * response", "حذرت روسيا الولايات المتحدة من رد قوي"): the event of CAMEO
 * 130 from its speaker to whom it warns, with the actors of its words
 * mentioned and the statement linked, as a statement event has them.
 * Returns 0, or -1 when memory fails. */
static int warning_event(chr_extractor *x, size_t i)
{
    const stmt *st = &x->st[i];
    const sent *s = &x->s[st->sent];
    size_t after = st->vt + vlen(x, st->vt);
    ev_actor act[16];
    int na = 0;
    push_actor(act, &na, 16, st->speaker, "source");
    push_actor(act, &na, 16, st->to, "target");
    push_mentioned(x, st, act, &na, 16);
    const char *label = "";
    const char *plover = chr_vocab_plover(x->voc, "130", &label);
    chr_rec_event *ev = new_event(x);
    if (!ev || !(ev->statements = chr_record_alloc(x->rec, sizeof *ev->statements))) return -1;
    ev->type = chr_record_str(x->rec, label[0] ? label : "threaten");
    ev->cameo = "130";
    ev->plover = chr_record_str(x->rec, plover);
    ev->item = s->item;
    ev->trigger = rspan(x, T(x, st->vt)->start, T(x, after - 1)->end);
    ev->actors = event_roles(x, act, na);
    ev->nactors = (size_t)na;
    ev->treaty = -1;
    for (size_t t = 0; t < x->ntm && ev->treaty < 0; t++)
        if (x->tm[t].t0 >= st->ct0 && x->tm[t].t1 <= st->ct1) ev->treaty = x->tm[t].treaty;
    ev->statements[0] = (int64_t)i;
    ev->nstatements = 1;
    ev->date = event_date(x, (size_t)st->sent, st->vt, s->item);
    ev->evidence = rspan(x, s->c0, s->c1);
    return 0;
}

static int statement_events(chr_extractor *x)
{
    uint8_t *done = calloc(x->nst + 1, 1);
    int64_t *ids = calloc(x->nst + 1, sizeof *ids);
    if (!done || !ids) {
        free(done);
        free(ids);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < x->nst; i++) {
        if (done[i]) continue;
        const stmt *st = &x->st[i];
        if (threat(x, st)) {                      /* not a plain statement */
            if (warning_event(x, i)) {
                rc = -1;
                break;
            }
            continue;
        }
        int item = x->s[st->sent].item;
        ev_actor act[16];
        int na = 0;
        push_actor(act, &na, 16, st->speaker, "speaker");
        size_t nids = 0;
        int64_t tr = -1;
        chr_rec_date date = event_date(x, (size_t)st->sent, st->vt, item);
        int last_sent = st->sent;
        for (size_t j = i; j < x->nst; j++) {
            const stmt *o = &x->st[j];
            if (o->speaker != st->speaker || x->s[o->sent].item != item || threat(x, o)) continue;
            if (j > i && !same_date(x, &date, o, item, o->sent <= last_sent + 1)) continue;   /* another occasion */
            done[j] = 1;
            last_sent = o->sent;
            ids[nids++] = (int64_t)j;
            push_mentioned(x, o, act, &na, 16);
            for (size_t t = 0; t < x->ntm && tr < 0; t++)
                if (x->tm[t].t0 >= o->ct0 && x->tm[t].t1 <= o->ct1) tr = x->tm[t].treaty;
        }
        const char *label = "";
        const char *plover = chr_vocab_plover(x->voc, "010", &label);
        chr_rec_event *ev = new_event(x);
        if (!ev || !(ev->statements = chr_record_alloc(x->rec, nids * sizeof *ev->statements))) {
            rc = -1;
            break;
        }
        ev->type = chr_record_str(x->rec, label[0] ? label : "make statement");
        ev->cameo = "010";
        ev->plover = chr_record_str(x->rec, plover);
        ev->item = item;
        ev->trigger = rspan(x, T(x, st->vt)->start, T(x, st->vt)->end);
        ev->actors = event_roles(x, act, na);
        ev->nactors = (size_t)na;
        ev->treaty = tr;
        memcpy(ev->statements, ids, nids * sizeof *ids);
        ev->nstatements = nids;
        ev->date = date;
        ev->evidence = rspan(x, x->s[st->sent].c0, x->s[st->sent].c1);
    }
    free(done);
    free(ids);
    return rc;
}

/* ---- the record ----------------------------------------------------------------- */

/* Whether m is the medium of a dateline: among the first words of an
 * item's first sentence, next to a dash or in brackets ("موسكو-سانا",
 * "BRUSSELS (Reuters) -", "(سانا)").  A medium named further on is one the
 * article quotes or speaks of ("قال ... لوكالة رويترز"), not its source. */
static int dateline_medium(const chr_extractor *x, const mention *m)
{
    const sent *s = &x->s[m->sent];
    if (m->t0 > s->t0 + 6 || (m->sent > 0 && x->s[m->sent - 1].item == s->item)) return 0;
    static const uint32_t marks[] = {'-', 0x2013, 0x2014, '(', ')', '/', 0};
    for (int i = 0; marks[i]; i++)
        if ((m->t0 > 0 && is_punct(x, m->t0 - 1, marks[i])) || (m->t1 < x->tok->n && is_punct(x, m->t1, marks[i])))
            return 1;
    return 0;
}

/* The page's own source: front matter, else a medium named in a dateline
 * or on a "المصدر:" / "Source:" line. */
static uint32_t page_source(chr_extractor *x, const chr_article *a)
{
    if (a->source && *a->source) {
        uint32_t id;
        if (chr_gazetteer_lookup(x->gz, a->source, &id, 1)) {
            int64_t r = chr_ex_aref_gz(x, id);
            if (r >= 0) return (uint32_t)r;
        }
    }
    for (size_t i = 0; i < x->nm; i++) {
        const mention *m = &x->m[i];
        if (x->a[m->actor].kind != CHR_ACTOR_MEDIA) continue;
        if (dateline_medium(x, m) || (m->t0 >= 2 && is_punct(x, m->t0 - 1, ':') && (T(x, m->t0 - 2)->flags & CHR_TOK_BREAK)))
            return m->actor;
        if (m->t0 >= 2 && is_punct(x, m->t0 - 1, ':') && x->tsent[m->t0 - 2] == m->sent &&
            x->s[m->sent].t0 == m->t0 - 2)
            return m->actor;
    }
    return NOACTOR;
}

static int actor_record(chr_extractor *x, uint32_t i, chr_rec_actor *o)
{
    const aref *r = &x->a[i];
    o->name = chr_record_str(x->rec, r->name);
    o->kind = chr_actor_kind_str(r->kind);
    if (r->gz >= 0) {
        const chr_actor *ac = chr_gazetteer_actor(x->gz, (uint32_t)r->gz);
        o->country = rstr_or_null(x, ac->code);
        o->affiliation = rstr_or_null(x, ac->affiliation);
        o->roles = rstr_or_null(x, ac->roles);
        o->origin = "gazetteer";
        /* its aliases are the gazetteer's: chronicle load takes them from there */
    } else {
        const char *aff = r->affil != NOACTOR ? x->a[r->affil].name : NULL;
        o->country = rstr_or_null(x, r->affil != NOACTOR && x->a[r->affil].gz >= 0
                                         ? chr_gazetteer_actor(x->gz, (uint32_t)x->a[r->affil].gz)->code : NULL);
        o->affiliation = rstr_or_null(x, aff);
        o->origin = "text";
        /* its name, and the shorter names the text called it by (ريابكوف,
         * Galuzin), so that a query by them finds it */
        size_t n = 1;
        for (size_t m = 0; m < x->nm; m++) n += x->m[m].actor == i && x->m[m].tag == CHR_ALIAS_NAME;
        const char **al = chr_record_alloc(x->rec, n * sizeof *al);
        if (!al) return -1;
        al[o->naliases++] = o->name;
        for (size_t m = 0; m < x->nm; m++) {
            if (x->m[m].actor != i || x->m[m].tag != CHR_ALIAS_NAME) continue;
            const char *t = chr_ex_utf8(x, x->m[m].c0, x->m[m].c1);
            int seen = 0;
            for (size_t k = 0; k < o->naliases && !seen; k++) seen = !strcmp(al[k], t);
            if (!seen) al[o->naliases++] = chr_record_str(x->rec, t);
        }
        o->aliases = al;
    }
    o->title = rstr_or_null(x, r->title);
    return 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* What makes two articles' treaties one: the organisation that names it
 * (the UN Charter) or the content words of its fullest name, and its
 * parties, sorted. */
static const char *treaty_identity(chr_extractor *x, const treaty *t)
{
    const char *names[8];
    char key[1024];
    size_t o = 0;
    for (int p = 0; p < t->nparties; p++) names[p] = x->a[t->parties[p]].name;
    qsort(names, (size_t)t->nparties, sizeof *names, cmp_names);
    /* a numbered one is its kind and number, in any language, whoever is
     * named with it ("Security Council Resolution 2231", "القرار رقم 2231") */
    if (t->number)
        o = (size_t)snprintf(key, sizeof key, "%s no:%ld|", t->kind, t->number);
    else
        o = (size_t)snprintf(key, sizeof key, "%s%s|", t->org != NOACTOR ? "org:" : "",
                             t->org != NOACTOR ? x->a[t->org].name : t->key);
    for (int p = 0; p < t->nparties && o < sizeof key; p++)
        o += (size_t)snprintf(key + o, sizeof key - o, "%s;", names[p]);
    return chr_record_str(x->rec, key);
}

/* The names of actors ids[0..n) in the record. */
static const char **names_of(chr_extractor *x, const uint32_t *ids, size_t n)
{
    const char **v = n ? chr_record_alloc(x->rec, n * sizeof *v) : NULL;
    for (size_t i = 0; v && i < n; i++) v[i] = chr_record_str(x->rec, x->a[ids[i]].name);
    return v;
}

static void record_article(chr_extractor *x, const chr_article *a, const char *dct_basis, uint32_t src)
{
    chr_rec_article *o = &x->rec->article;
    char hash[65], d[11];
    chr_article_hash(a, hash);
    o->id = rstr_or_null(x, a->id);
    o->url = rstr_or_null(x, a->url);
    o->source = rstr_or_null(x, a->source);
    o->title = rstr_or_null(x, a->title);
    date_str(&x->dct[0], d);
    o->published = rstr_or_null(x, d);
    o->dct_basis = dct_basis;
    o->lang = x->lang == CHR_LANG_EN ? "en" : "ar";
    o->path = rstr_or_null(x, a->path);
    o->hash = chr_record_str(x->rec, hash);
    o->chars = (int64_t)x->ncp;
    o->source_actor = src != NOACTOR ? chr_record_str(x->rec, x->a[src].name) : NULL;
}

static int record_items(chr_extractor *x)
{
    chr_record *r = x->rec;
    r->nitems = (size_t)x->nitems + 1;
    if (!(r->items = chr_record_alloc(r, r->nitems * sizeof *r->items))) return -1;
    for (int i = 0; i <= x->nitems; i++) {
        char d[11];
        date_str(&x->dct[i], d);
        r->items[i] = (chr_rec_item){i, (int64_t)x->items[i], (int64_t)(i < x->nitems ? x->items[i + 1] : x->ncp),
                                     rstr_or_null(x, d)};
    }
    return 0;
}

static int record_timexes(chr_extractor *x)
{
    chr_record *r = x->rec;
    if (!x->ntx) return 0;
    if (!(r->timexes = chr_record_alloc(r, x->ntx * sizeof *r->timexes))) return -1;
    r->ntimexes = x->ntx;
    for (size_t i = 0; i < x->ntx; i++) {
        const chr_timex *t = &x->tx[i].t;
        chr_rec_timex *o = &r->timexes[i];
        o->span = rspan(x, t->start, t->end);
        o->type = chr_tx_type_str(t->type);
        o->value = chr_record_str(r, t->value);
        if (t->first[0]) {
            o->first = chr_record_str(r, t->first);
            o->last = chr_record_str(r, t->last);
        }
        o->mod = chr_record_str(r, t->mod ? t->mod : "");
        o->item = x->tx[i].item;
    }
    return 0;
}

static int record_actors(chr_extractor *x)
{
    chr_record *r = x->rec;
    if (x->na && !(r->actors = chr_record_alloc(r, x->na * sizeof *r->actors))) return -1;
    r->nactors = x->na;
    for (size_t i = 0; i < x->na; i++)
        if (actor_record(x, (uint32_t)i, &r->actors[i])) return -1;
    if (x->nm && !(r->mentions = chr_record_alloc(r, x->nm * sizeof *r->mentions))) return -1;
    r->nmentions = 0;
    for (size_t i = 0; i < x->nm; i++) {
        /* the place a treaty is named after (the Geneva Conventions, the
         * Minsk agreements) is not mentioned as an actor */
        if ((x->m[i].tag == CHR_ALIAS_PLACE || x->m[i].tag == CHR_ALIAS_CAPITAL) && in_treaty_name(x, &x->m[i]))
            continue;
        chr_rec_mention *o = &r->mentions[r->nmentions++];
        o->span = rspan(x, x->m[i].c0, x->m[i].c1);
        o->actor = r->actors[x->m[i].actor].name;
        o->as = chr_alias_tag_str(x->m[i].tag);
        o->item = x->s[x->m[i].sent].item;
    }
    return 0;
}

/* Forgets the treaties that only a description told as new and that no
 * party identifies ("The two countries signed a trade deal"): recorded, one
 * such deal would be every other article's party-less "trade deal".  Their
 * mentions and articles go, and the events that named them name none. */
static int drop_vague_treaties(chr_extractor *x)
{
    size_t nt = 0;
    for (size_t i = 0; i < x->ntr; i++) nt += x->tr[i].vague && !x->tr[i].nparties;
    if (!nt) return 0;
    int64_t *map = malloc(x->ntr * sizeof *map);
    if (!map) return -1;
    nt = 0;
    for (size_t i = 0; i < x->ntr; i++) {
        map[i] = x->tr[i].vague && !x->tr[i].nparties ? -1 : (int64_t)nt;
        if (map[i] >= 0) x->tr[nt++] = x->tr[i];
    }
    x->ntr = nt;
    size_t n = 0;
    for (size_t i = 0; i < x->ntm; i++)
        if (map[x->tm[i].treaty] >= 0) {
            x->tm[n] = x->tm[i];
            x->tm[n++].treaty = (uint32_t)map[x->tm[i].treaty];
        }
    x->ntm = n;
    n = 0;
    for (size_t i = 0; i < x->nar; i++)
        if (map[x->ar[i].treaty] >= 0) {
            x->ar[n] = x->ar[i];
            x->ar[n++].treaty = (uint32_t)map[x->ar[i].treaty];
        }
    x->nar = n;
    for (size_t i = 0; i < x->rec->nevents; i++)
        if (x->rec->events[i].treaty >= 0) x->rec->events[i].treaty = map[x->rec->events[i].treaty];
    free(map);
    return 0;
}

/* The treaties, once the events have added the parties of their signings. */
static int record_treaties(chr_extractor *x)
{
    chr_record *r = x->rec;
    if (drop_vague_treaties(x)) return -1;
    if (x->ntr && !(r->treaties = chr_record_alloc(r, x->ntr * sizeof *r->treaties))) return -1;
    r->ntreaties = x->ntr;
    for (size_t i = 0; i < x->ntr; i++) {
        const treaty *t = &x->tr[i];
        chr_rec_treaty *o = &r->treaties[i];
        o->name = rtext(x, t->c0, t->c1);
        o->kind = chr_record_str(r, t->kind);
        o->nparties = (size_t)t->nparties;
        o->parties = names_of(x, t->parties, o->nparties);
        o->organisation = t->org != NOACTOR ? chr_record_str(r, x->a[t->org].name) : NULL;
        for (size_t m = 0; m < x->ntm; m++) o->nmentions += x->tm[m].treaty == i;
        for (size_t a = 0; a < x->nar; a++) o->narticles += x->ar[a].treaty == i;
        o->mentions = o->nmentions ? chr_record_alloc(r, o->nmentions * sizeof *o->mentions) : NULL;
        o->articles = o->narticles ? chr_record_alloc(r, o->narticles * sizeof *o->articles) : NULL;
        if ((o->nmentions && !o->mentions) || (o->narticles && !o->articles)) return -1;
        size_t nm = 0, na = 0;
        for (size_t m = 0; m < x->ntm; m++)
            if (x->tm[m].treaty == i) o->mentions[nm++] = rspan(x, T(x, x->tm[m].t0)->start, T(x, x->tm[m].t1 - 1)->end);
        for (size_t a = 0; a < x->nar; a++)
            if (x->ar[a].treaty == i)
                o->articles[na++] = (chr_rec_tarticle){rspan(x, x->ar[a].c0, x->ar[a].c1), x->ar[a].number};
        o->item = x->s[t->first_sent].item;
        o->key = treaty_identity(x, t);
    }
    return 0;
}

static int record_statements(chr_extractor *x, uint32_t src)
{
    chr_record *r = x->rec;
    if (x->nst && !(r->statements = chr_record_alloc(r, x->nst * sizeof *r->statements))) return -1;
    r->nstatements = x->nst;
    for (size_t i = 0; i < x->nst; i++) {
        const stmt *st = &x->st[i];
        const sent *s = &x->s[st->sent];
        chr_rec_statement *o = &r->statements[i];
        o->speaker = chr_record_str(r, x->a[st->speaker].name);
        o->verb = chr_record_str(r, st->verb);
        o->words = rspan(x, st->c0, st->c1);
        o->quoted = st->quoted != 0;
        o->negated = st->negated != 0;
        o->medium = rstr_or_null(x, st->medium);
        o->medium_actor = st->medium_actor != NOACTOR ? chr_record_str(r, x->a[st->medium_actor].name) : NULL;
        /* the chain the text gives, then the page's own source */
        uint32_t chain[16];
        size_t n = 0;
        for (int k = 0; k < st->nrep && n < 15; k++) chain[n++] = st->reporters[k];
        if (src != NOACTOR) {
            int seen = 0;
            for (int k = 0; k < st->nrep; k++) seen |= st->reporters[k] == src;
            if (!seen) chain[n++] = src;
        }
        o->reported_by = names_of(x, chain, n);
        o->nreported_by = n;
        o->item = s->item;
        o->evidence = rspan(x, s->c0, s->c1);
    }
    return 0;
}

static chr_record *build_record(chr_extractor *x, const chr_article *a, const char *dct_basis)
{
    if (!(x->rec = chr_record_new())) return NULL;
    x->evcap = 0;
    uint32_t src = page_source(x, a);
    record_article(x, a, dct_basis, src);
    int bad = record_items(x) || record_timexes(x) || record_actors(x) || record_statements(x, src) ||
              trigger_events(x) || statement_events(x) ||
              record_treaties(x);              /* after trigger_events, which may add parties */
    chr_record *r = x->rec;
    x->rec = NULL;
    if (bad || chr_record_failed(r)) {
        chr_record_free(r);
        return NULL;
    }
    return r;
}

chr_status chr_extract(chr_extractor *x, const chr_article *a, chr_record **out)
{
    *out = NULL;
    x->err[0] = 0;
    reset_actors(x);
    x->nm = x->nst = x->ntr = x->ntm = x->nar = 0;
    if (x->dyn) chr_phrases_clear(x->dyn);    /* the names this article introduces */
    if (chr_grow((void **)&x->cps, &x->cpcap, a->len + 1, sizeof *x->cps)) return CHR_ERR_NOMEM;
    size_t bad = 0;
    chr_status st = chr_utf8_decode(a->text, a->len, a->lossy, x->cps, &x->ncp, &bad);
    if (st != CHR_OK) {
        snprintf(x->err, sizeof x->err, "%s at byte %zu of the body",
                 st == CHR_ERR_BINARY ? "a NUL byte (binary input)" : "invalid UTF-8", bad);
        return st;
    }
    if (a->lang && !strcmp(a->lang, "en")) x->lang = CHR_LANG_EN;
    else if (a->lang && !strcmp(a->lang, "ar")) x->lang = CHR_LANG_AR;
    else x->lang = chr_lang_detect(x->cps, x->ncp);
    chr_date dct = a->published;
    const char *basis = dct.y ? "given" : NULL;
    if (!dct.y) {
        size_t ds, de;
        if (chr_find_dct(x->dates, x->cps, x->ncp, &dct, &ds, &de) == 0) basis = "publication line";
        else dct.y = 0;
    }
    if ((st = chr_tokenize(x->tok, x->cps, x->ncp)) != CHR_OK) return st;
    if ((st = pass_dates(x, dct)) != CHR_OK) return st;
    if ((st = pass_tokens(x)) != CHR_OK) return st;
    if (chr_ex_mentions(x) || chr_ex_statements(x) || chr_ex_treaties(x)) return CHR_ERR_NOMEM;
    *out = build_record(x, a, basis);
    return *out ? CHR_OK : CHR_ERR_NOMEM;
}
