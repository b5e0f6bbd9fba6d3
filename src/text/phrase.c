/* phrase.c - multi-word phrase dictionary over tokens.
 *
 * One open-addressing hash table holds every key: each full phrase, and each
 * proper prefix of a phrase (flagged, so the matcher knows to read on).  Keys
 * are the folded words joined as chr_text_key joins them, so a phrase added
 * from a data file and the same words in an article meet under one key. */
#include "phrase.h"
#include "grow.h"
#include "arletter.h"
#include "hash.h"
#include "tokbuf.h"

#include <stdlib.h>
#include <string.h>

#define MAX_KEY 512
#define MAX_WORDS 10

typedef struct entry {
    char *key;             /* NULL: empty slot */
    uint32_t len;
    uint32_t prefix;       /* some longer phrase starts with this key */
    uint32_t *ids;
    size_t nids, cap;
} entry;

/* A one-bit-per-hash filter over every key, 8 bits a slot (a byte where a
 * slot takes 40), so that it stays in cache: most words of a text begin no
 * phrase, and a lookup that the filter turns away never touches the slot
 * array. */
#define FILTER_BITS(cap) ((cap) * 8)

struct chr_phrases {
    int mode;
    entry *slot;
    size_t cap, used;
    uint64_t *filter;      /* FILTER_BITS(cap) bits */
    uint32_t *full;        /* the slots in use, used of them: a dictionary
                              filled per article holds a few keys in a
                              table of a thousand slots, and clearing
                              visits only these */
    size_t fullcap;
};

static void filter_set(chr_phrases *p, const char *key, size_t len)
{
    chr_filter_add(p->filter, FILTER_BITS(p->cap) - 1, chr_hash_bytes(key, len) >> 32);
}


chr_phrases *chr_phrases_new(int mode)
{
    chr_phrases *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->mode = mode;
    p->cap = 1024;
    p->slot = calloc(p->cap, sizeof *p->slot);
    p->filter = calloc(FILTER_BITS(p->cap) / 64, sizeof *p->filter);
    if (!p->slot || !p->filter) {
        free(p->slot);
        free(p->filter);
        free(p);
        return NULL;
    }
    return p;
}

void chr_phrases_free(chr_phrases *p)
{
    if (!p) return;
    for (size_t i = 0; i < p->cap; i++) {
        free(p->slot[i].key);
        free(p->slot[i].ids);
    }
    free(p->slot);
    free(p->filter);
    free(p->full);
    free(p);
}

void chr_phrases_clear(chr_phrases *p)
{
    size_t mask = FILTER_BITS(p->cap) - 1;
    for (size_t i = 0; i < p->used; i++) {
        entry *e = &p->slot[p->full[i]];
        size_t b = (size_t)(chr_hash_bytes(e->key, e->len) >> 32) & mask;
        p->filter[b / 64] = 0;             /* every key goes: the whole word may */
        free(e->key);
        free(e->ids);
        memset(e, 0, sizeof *e);
    }
    p->used = 0;
}

size_t chr_phrases_size(const chr_phrases *p) { return p->used; }

static entry *find_h(const chr_phrases *p, const char *key, size_t len, uint64_t h)
{
    size_t mask = p->cap - 1, i = (size_t)h & mask;
    for (;;) {
        entry *e = &p->slot[i];
        if (!e->key) return e;
        if (e->len == len && !memcmp(e->key, key, len)) return e;
        i = (i + 1) & mask;
    }
}

static entry *find(const chr_phrases *p, const char *key, size_t len)
{
    return find_h(p, key, len, chr_hash_bytes(key, len));
}

/* 0 when no key has hash h, as the filter alone tells. */
static inline int maybe_key(const chr_phrases *p, uint64_t h)
{
    return chr_filter_has(p->filter, FILTER_BITS(p->cap) - 1, h >> 32);
}

/* The entry of key, or NULL when there is none (often known from the filter
 * alone). */
static inline const entry *lookup_h(const chr_phrases *p, const char *key, size_t len, uint64_t h)
{
    if (!chr_filter_has(p->filter, FILTER_BITS(p->cap) - 1, h >> 32)) return NULL;
    const entry *e = find_h(p, key, len, h);
    return e->key ? e : NULL;
}

static const entry *lookup(const chr_phrases *p, const char *key, size_t len)
{
    return lookup_h(p, key, len, chr_hash_bytes(key, len));
}

static int rehash(chr_phrases *p)
{
    size_t ocap = p->cap;
    entry *old = p->slot;
    uint64_t *ofilter = p->filter;
    p->cap *= 2;
    p->slot = calloc(p->cap, sizeof *p->slot);
    p->filter = calloc(FILTER_BITS(p->cap) / 64, sizeof *p->filter);
    if (!p->slot || !p->filter) {
        free(p->slot);
        free(p->filter);
        p->slot = old;
        p->filter = ofilter;
        p->cap = ocap;
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].key) {
            entry *e = find(p, old[i].key, old[i].len);
            *e = old[i];
            p->full[n++] = (uint32_t)(e - p->slot);
            filter_set(p, old[i].key, old[i].len);
        }
    free(old);
    free(ofilter);
    return 0;
}

static entry *intern(chr_phrases *p, const char *key, size_t len)
{
    if ((p->used + 1) * 2 > p->cap && rehash(p)) return NULL;
    entry *e = find(p, key, len);
    if (!e->key) {
        if (chr_grow((void **)&p->full, &p->fullcap, p->used + 1, sizeof *p->full)) return NULL;
        p->full[p->used] = (uint32_t)(e - p->slot);
        e->key = malloc(len + 1);
        if (!e->key) return NULL;
        memcpy(e->key, key, len);
        e->key[len] = 0;
        e->len = (uint32_t)len;
        p->used++;
        filter_set(p, key, len);
    }
    return e;
}

/* The skeleton of in[0..len) into out, which has room for len + 1 bytes
 * (a skeleton is never longer than its text), NUL-terminated; *same is set
 * when it is in itself, letter for letter.  Returns its length.  Every
 * token's forms are made through here, so a letter costs a byte test and,
 * for a two-byte one, a number compared. */
static size_t skeleton_fit(const char *in, size_t len, char *out, int *same)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t o = 0, i = 0;
    int word_start = 1, sm = 1;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            out[o++] = (char)c;
            word_start = c == ' ';
            i++;
            continue;
        }
        int ws = word_start;
        word_start = 0;
        if ((c & 0xE0) == 0xC0 && i + 1 < len) {
            unsigned a = c << 8 | s[i + 1];
            if (!ws && (a == L_ALEF || a == L_WAW || a == L_YA)) {     /* long vowels */
                sm = 0;
            } else if (a == L_GHAIN || a == L_QAF) {                   /* غ ق → ج */
                out[o++] = '\xd8';
                out[o++] = '\xac';
                sm = 0;
            } else {
                out[o++] = (char)c;
                out[o++] = (char)s[i + 1];
            }
            i += 2;
            continue;
        }
        size_t l = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        if (i + l > len) l = len - i;
        for (size_t b = 0; b < l; b++) out[o++] = (char)s[i + b];
        i += l;
    }
    out[o] = 0;
    *same = sm;
    return o;
}

int chr_phrases_skeleton(const char *in, size_t len, char *out, size_t cap)
{
    int same;
    if (cap > len) return (int)skeleton_fit(in, len, out, &same);
    /* out may still be large enough: the skeleton is made aside first */
    char local[MAX_KEY + 1], *tmp = len < sizeof local ? local : malloc(len + 1);
    if (!tmp) return -1;
    size_t l = skeleton_fit(in, len, tmp, &same);
    int r = l < cap ? (int)l : -1;
    if (r >= 0) memcpy(out, tmp, l + 1);
    if (tmp != local) free(tmp);
    return r;
}

static int put_word(const chr_phrases *p, char *key, size_t *len, const char *w, size_t n);

/* Adds payload under the key of tokens t[0..n), marking every shorter key
 * that ends at a token boundary as a prefix: the matcher reads token by
 * token, and "didn't" is three tokens with no space between them. */
static int add_tokens(chr_phrases *p, const chr_tokens *t, uint32_t payload)
{
    char key[MAX_KEY];
    size_t len = 0;
    for (size_t k = 0; k < t->n; k++) {
        const chr_token *tk = &t->v[k];
        if (k > 0) {
            entry *e = intern(p, key, len);
            if (!e) return -1;
            e->prefix = 1;
            if ((tk->flags & CHR_TOK_SPACE) && len + 1 < MAX_KEY) key[len++] = ' ';
        }
        if (put_word(p, key, &len, t->buf + tk->norm, tk->norm_len)) return -1;
    }
    if (!len) return -1;
    entry *e = intern(p, key, len);
    if (!e) return -1;
    for (size_t i = 0; i < e->nids; i++)
        if (e->ids[i] == payload) return 0;
    if (chr_grow((void **)&e->ids, &e->cap, e->nids + 1, sizeof *e->ids)) return -1;
    e->ids[e->nids++] = payload;
    return 0;
}

int chr_phrases_add(chr_phrases *p, const char *form, uint32_t payload)
{
    size_t len = strlen(form);
    if (len <= CHR_TOKBUF_MAX) {
        chr_tokbuf b;
        const chr_tokens *t = chr_tokbuf_tokenize(&b, form, len);
        return t->n ? add_tokens(p, t, payload) : -1;
    }
    uint32_t *cps = malloc((len + 1) * sizeof *cps);
    chr_tokens *t = chr_tokens_new();
    size_t ncp = 0, bad = 0;
    int r = -1;
    if (cps && t && chr_utf8_decode(form, len, 1, cps, &ncp, &bad) == CHR_OK &&
        chr_tokenize(t, cps, ncp) == CHR_OK && t->n)
        r = add_tokens(p, t, payload);
    free(cps);
    chr_tokens_free(t);
    return r;
}

const uint32_t *chr_phrases_get(const chr_phrases *p, const char *key, size_t len, size_t *nids)
{
    char sk[MAX_KEY];
    if (p->mode == CHR_PHRASE_SKELETON) {
        int l = chr_phrases_skeleton(key, len, sk, sizeof sk);
        if (l < 0) return NULL;
        key = sk;
        len = (size_t)l;
    }
    const entry *e = lookup(p, key, len);
    if (!e || !e->nids) {
        *nids = 0;
        return NULL;
    }
    *nids = e->nids;
    return e->ids;
}

/* Appends a token's folded form (skeleton in that mode) to key. */
static int put_word(const chr_phrases *p, char *key, size_t *len, const char *w, size_t n)
{
    if (p->mode == CHR_PHRASE_SKELETON) {
        int l = chr_phrases_skeleton(w, n, key + *len, MAX_KEY - *len);
        if (l < 0) return -1;
        *len += (size_t)l;
        return 0;
    }
    if (*len + n + 1 > MAX_KEY) return -1;
    memcpy(key + *len, w, n);
    *len += n;
    return 0;
}

/* The form of token tk a dictionary of p's mode keys on, and its hash, as
 * the tokenizer made them; 0 when it made none (forms not asked for). */
static int token_form(const chr_phrases *p, const chr_tokens *t, const chr_token *tk,
                      const char **w, size_t *n, uint64_t *h)
{
    if (p->mode != CHR_PHRASE_SKELETON) {
        *w = t->buf + tk->norm;
        *n = tk->norm_len;
        *h = tk->hash;
        return 1;
    }
    if (!t->forms) return 0;
    const chr_token_forms *f = &t->fv[tk - t->v];
    *w = t->sbuf + f->skel;
    *n = f->skel_len;
    *h = f->skel_hash;
    return 1;
}

/* Longest phrase whose first word has the dictionary form f (fn bytes, hash
 * h) and that goes on over the tokens after k.  The key is copied and
 * hashed again only when a longer phrase may follow. */
static size_t match_from(const chr_phrases *p, const chr_tokens *t, size_t k, const char *f, size_t fn,
                         uint64_t h, const entry **best)
{
    const entry *e = lookup_h(p, f, fn, h);
    if (!e || fn + 1 > MAX_KEY) return 0;
    char key[MAX_KEY];
    memcpy(key, f, fn);
    size_t len = fn, nbest = 0;
    if (e->nids) {
        *best = e;
        nbest = 1;
    }
    for (size_t j = k + 1; e->prefix && j < t->n && j < k + MAX_WORDS; j++) {
        const chr_token *tk = &t->v[j];
        if (tk->flags & CHR_TOK_BREAK) break;
        size_t len0 = len;
        if ((tk->flags & CHR_TOK_SPACE) && len + 1 < MAX_KEY) key[len++] = ' ';
        const char *w;
        size_t wn;
        uint64_t wh;
        if (token_form(p, t, tk, &w, &wn, &wh)) {
            if (len + wn + 1 > MAX_KEY) break;
            memcpy(key + len, w, wn);
            len += wn;
        } else if (put_word(p, key, &len, t->buf + tk->norm, tk->norm_len)) {
            break;
        }
        h = chr_hash_more(h, key + len0, len - len0);    /* the key's hash, carried on */
        e = lookup_h(p, key, len, h);
        if (!e) break;
        if (e->nids) {
            *best = e;
            nbest = j - k + 1;
        }
    }
    return nbest;
}

/* As match_from, for a first word w not yet in p's form. */
static size_t match_word(const chr_phrases *p, const chr_tokens *t, size_t k, const char *w, size_t wn,
                         const entry **best)
{
    char key[MAX_KEY];
    size_t len = 0;
    if (put_word(p, key, &len, w, wn)) return 0;
    return match_from(p, t, k, key, len, chr_hash_bytes(key, len), best);
}

#define AR_AL "\xd8\xa7\xd9\x84"

/* The Arabic letter that begins w (n bytes), as arletter.h reads it. */
static inline unsigned lead(const char *w, size_t n) { return chr_ar_letter(w, n, 0); }

/* A reading of an Arabic word without clitics: the bytes from o on, or
 * with al set the article ال and the bytes from o + 2 on (لل = ل + ال);
 * clitic is the code points in front that the match leaves out. */
typedef struct strip { uint32_t o, al, clitic; } strip;

#define MAX_STRIPS 8

/* The readings of w (n bytes) to try, in order, when the word itself
 * begins no phrase: without و ف, then ب ل ك (two letters at least remain),
 * and for لل (ل with the article, its alef dropped) with the article and
 * without it; then without the article, which stays in the span, and
 * nothing, و ف ب وب فب ك وك in front of it. */
static size_t strips_of(const char *w, size_t n, strip *out)
{
    size_t ns = 0;
    unsigned l0 = lead(w, n);
    for (size_t oa = 0; oa <= 2; oa += 2) {
        if (oa && l0 != L_WAW && l0 != L_FA) break;
        unsigned l1 = lead(w + oa, n - oa);
        int b = l1 == L_BA || l1 == L_LAM || l1 == L_KAF;
        for (size_t ob = oa ? 0 : 2; ob <= 2; ob += 2) {
            if (ob && !b) break;
            size_t o = oa + ob;
            if (n - o < 4) continue;
            out[ns++] = (strip){(uint32_t)o, 0, (uint32_t)(o / 2)};
            if (ob && l1 == L_LAM && lead(w + o, n - o) == L_LAM && n - o + 2 < MAX_KEY) {
                out[ns++] = (strip){(uint32_t)o, 1, (uint32_t)(o / 2)};
                /* and without the article, as after ال below: للتجارة, تجارة */
                if (n - o >= 6) out[ns++] = (strip){(uint32_t)(o + 2), 0, (uint32_t)(o / 2)};
            }
        }
    }
    /* Where the article may stand: first; after one of و ف ب ك, which the
     * first letter is; and after وب فب وك.  The first letter being one
     * letter, each place is there once, in this order. */
    unsigned l1 = lead(w + (n >= 2 ? 2 : 0), n >= 2 ? n - 2 : 0);
    size_t at[3], nat = 0;
    at[nat++] = 0;
    if (l0 == L_WAW || l0 == L_FA || l0 == L_BA || l0 == L_KAF) at[nat++] = 2;
    if ((l0 == L_WAW && (l1 == L_BA || l1 == L_KAF)) || (l0 == L_FA && l1 == L_BA)) at[nat++] = 4;
    for (size_t a = 0; a < nat && ns < MAX_STRIPS; a++) {
        size_t o = at[a];
        if (n < o + 8 || lead(w + o, n - o) != L_ALEF || lead(w + o + 2, n - o - 2) != L_LAM) continue;
        out[ns++] = (strip){(uint32_t)(o + 4), 0, (uint32_t)(o / 2)};
    }
    return ns;
}

/* The bytes of reading r of w, written to out (room for n + 3). */
static size_t strip_text(const char *w, size_t n, const strip *r, char *out)
{
    if (!r->al) {
        memcpy(out, w + r->o, n - r->o);
        return n - r->o;
    }
    memcpy(out, AR_AL, 4);
    memcpy(out + 4, w + r->o + 2, n - r->o - 2);
    return n - r->o + 2;
}

int chr_phrases_forms(chr_tokens *t, size_t ki)
{
    if (chr_grow((void **)&t->fv, &t->fvcap, ki + 1, sizeof *t->fv)) return -1;
    const chr_token *k = &t->v[ki];
    chr_token_forms *fk = &t->fv[ki];
    fk->strip = (uint32_t)t->nstrips;
    fk->nstrip = 0;
    strip r[MAX_STRIPS];
    size_t nr = (k->flags & CHR_TOK_ARABIC) ? strips_of(t->buf + k->norm, k->norm_len, r) : 0;
    /* room for the skeleton, then each reading and its skeleton, none
     * longer than the word and two bytes (ال for ل) */
    if (chr_grow((void **)&t->sbuf, &t->scap, t->slen + (1 + 2 * nr) * (k->norm_len + 3) + 1, 1)) return -1;
    if (nr && chr_grow((void **)&t->strips, &t->stripcap, t->nstrips + nr, sizeof *t->strips)) return -1;
    const char *w = t->buf + k->norm;
    int same;
    fk->skel = (uint32_t)t->slen;
    fk->skel_len = (uint32_t)skeleton_fit(w, k->norm_len, t->sbuf + t->slen, &same);
    fk->skel_hash = same ? k->hash : chr_hash_bytes(t->sbuf + t->slen, fk->skel_len);
    t->slen += fk->skel_len;
    for (size_t i = 0; i < nr; i++) {
        chr_token_strip *s = &t->strips[t->nstrips + i];
        s->form = (uint32_t)t->slen;
        s->form_len = (uint32_t)strip_text(w, k->norm_len, &r[i], t->sbuf + t->slen);
        s->hash = chr_hash_bytes(t->sbuf + s->form, s->form_len);
        t->slen += s->form_len;
        s->skel = (uint32_t)t->slen;
        s->skel_len = (uint32_t)skeleton_fit(t->sbuf + s->form, s->form_len, t->sbuf + t->slen, &same);
        s->skel_hash = same ? s->hash : chr_hash_bytes(t->sbuf + s->skel, s->skel_len);
        t->slen += s->skel_len;
        s->clitic = r[i].clitic;
    }
    t->nstrips += nr;
    fk->nstrip = (uint32_t)nr;
    return 0;
}

int chr_phrases_match(const chr_phrases *p, const chr_tokens *t, size_t k, chr_phrase_match *m)
{
    const chr_token *tk = &t->v[k];
    if (!(tk->flags & (CHR_TOK_WORD | CHR_TOK_NUM))) return 0;
    const char *w = t->buf + tk->norm;
    size_t n = tk->norm_len;
    const entry *best = NULL;
    const char *f;
    size_t fn, nt, clitic = 0;
    uint64_t h;
    /* Most words begin no phrase of a dictionary, and the filter says so
     * from the hash the tokenizer made: those are turned away here, before
     * a call to match_from. */
    if (token_form(p, t, tk, &f, &fn, &h))
        nt = maybe_key(p, h) ? match_from(p, t, k, f, fn, h, &best) : 0;
    else
        nt = match_word(p, t, k, w, n, &best);
    if (nt || !(tk->flags & CHR_TOK_ARABIC)) goto done;
    if (t->forms) {                         /* the readings, made by the tokenizer */
        int skel = p->mode == CHR_PHRASE_SKELETON;
        const chr_token_forms *fk = &t->fv[k];
        for (uint32_t i = 0; i < fk->nstrip && !nt; i++) {
            const chr_token_strip *s = &t->strips[fk->strip + i];
            uint64_t sh = skel ? s->skel_hash : s->hash;
            if (maybe_key(p, sh))
                nt = skel ? match_from(p, t, k, t->sbuf + s->skel, s->skel_len, sh, &best)
                          : match_from(p, t, k, t->sbuf + s->form, s->form_len, sh, &best);
            clitic = s->clitic;
        }
    } else {
        strip r[MAX_STRIPS];
        size_t nr = strips_of(w, n, r);
        char buf[MAX_KEY + 4];
        for (size_t i = 0; i < nr && !nt; i++) {
            if (n + 3 > sizeof buf) break;
            size_t bl = strip_text(w, n, &r[i], buf);
            nt = match_word(p, t, k, buf, bl, &best);
            clitic = r[i].clitic;
        }
    }
done:
    if (!nt) return 0;
    m->ntok = nt;
    m->ids = best->ids;
    m->nids = best->nids;
    m->clitic = clitic;
    return 1;
}
