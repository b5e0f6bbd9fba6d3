/* scan.c - the date grammar: lexical units, expression patterns, lists and
 * ranges, and the scanner object of the public API.
 *
 * The text is tokenized once; each token (or run of tokens forming one
 * multi-word form) becomes a "unit" carrying its readings from the compiled
 * language tables.  Patterns are small functions over units that return how
 * many units they consumed; at every position the longest pattern wins.  The
 * grammar knows categories (month, unit, shift ...), never words: the words
 * of each language are in src/lang. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/dates.h"
#include "chronicle/doc.h"
#include "chronicle/text.h"
#include "expr.h"
#include "lexicon.h"
#include "arletter.h"
#include "grow.h"

typedef struct unit {
    uint32_t start, end;   /* code points */
    uint32_t flags;        /* CHR_TOK_* of the first token */
    uint32_t cp;           /* PUNCT: the character */
    int64_t num;
    int nd;                /* NUM: digits */
    int ordsuf;            /* NUM written with st/nd/rd/th */
    const lex_info *lx;    /* readings, or NULL */
    int wa;                /* the reading was found after a leading conjunction و */
    int prep;              /* ... or after a clitic preposition ب ل ك */
    int noun;              /* the word is a common noun whose reading needed a clitic
                            * stripped (باب: ب + آب; ambiguous.txt value 3) or
                            * is spelled otherwise than the month (أب; value 4) */
    int sent;              /* sentence number */
    signed char cue;       /* tense cue: 1 future, -1 past, 0 none */
    signed char weak;      /* a cue from a word ending only ("-ed": also a participle) */
    uint32_t norm, norm_len; /* folded form of the first token */
} unit;

struct chr_dates {
    const chr_tokens *tok; /* the tokens of the text being scanned: own, or the caller's */
    chr_tokens *own;
    unit *u;
    int nu;
    size_t ucap;
    chr_timex *out;
    size_t nout, ocap;
    chr_cal cal;
    int next_group;
    chr_lang lang;
    const uint32_t *text;  /* the text being scanned */
    size_t items[64];      /* where appended items begin (code points) */
    size_t nitems;
    char err[256];
};

/* ---- unit helpers ---------------------------------------------------- */

typedef struct chr_dates S;

static inline int kind(const S *s, int i, int k)
{
    return i >= 0 && i < s->nu && s->u[i].lx && (s->u[i].lx->kinds & LKB(k));
}
static inline int fn(const S *s, int i, uint64_t f)
{
    return kind(s, i, LK_FUNC) && (s->u[i].lx->funcs & f);
}
static int val(const S *s, int i, int k) { return s->u[i].lx->val[k]; }
static int val2(const S *s, int i, int k) { return s->u[i].lx->val2[k]; }
static int isnum(const S *s, int i)
{
    return i >= 0 && i < s->nu && (s->u[i].flags & CHR_TOK_NUM);
}
static int is_punct(const S *s, int i, uint32_t cp)
{
    return i >= 0 && i < s->nu && (s->u[i].flags & CHR_TOK_PUNCT) && s->u[i].cp == cp;
}
static int glued(const S *s, int i)     /* no space before unit i */
{
    return i < s->nu && !(s->u[i].flags & CHR_TOK_SPACE);
}
static int iscomma(const S *s, int i) { return is_punct(s, i, ',') || is_punct(s, i, 0x060C); }
static int isdash(const S *s, int i)
{
    return is_punct(s, i, '-') || is_punct(s, i, 0x2013) || is_punct(s, i, 0x2014);
}

static int definite(const S *s, int i);
static int counted_after(const S *s, int j);
static int tense_at(const S *s, int u0, int u1);
static size_t item_starts(const S *s, const uint32_t *text, size_t n, size_t *starts, size_t max);
static const lex_info *with_article(const S *s, int i);

/* ---- building units -------------------------------------------------- */

#define AR_WAW "\xd9\x88"
#define AR_FA "\xd9\x81"
#define AR_AL "\xd8\xa7\xd9\x84"

static inline int starts(const char *s, size_t n, const char *p)
{
    size_t l = 0;
    while (p[l]) {
        if (l >= n || s[l] != p[l]) return 0;
        l++;
    }
    return 1;
}

/* Finds the longest multi-word reading that starts with first (a folded
 * first word, with its hash when known) at token k; returns the number of
 * tokens it covers (0 none). */
static int lookup_from(const S *s, size_t k, const char *first, size_t flen, const uint64_t *hash,
                       const lex_info **out)
{
    const lex_info *li = hash ? chr_lex_get_h(first, flen, *hash) : chr_lex_get(first, flen);
    if (!li) return 0;
    int best = (li->kinds & ~LKB(LK_MWSTART)) ? 1 : 0;
    *out = best ? li : NULL;
    if (!(li->kinds & LKB(LK_MWSTART))) return best;
    char key[256];
    if (flen >= sizeof key) return best;
    memcpy(key, first, flen);
    size_t len = flen;
    const chr_tokens *t = s->tok;
    for (size_t j = k + 1; j < t->n && j < k + 7; j++) {
        const chr_token *tk = &t->v[j];
        if (tk->flags & CHR_TOK_BREAK) break;
        if (len + tk->norm_len + 2 >= sizeof key) break;
        /* A hyphen between two words of a form stands for the space
         * ("منتصف-النهار", "بعد-الظهر"), unless the data spell the form
         * with it ("twenty-one"). */
        if ((tk->flags & CHR_TOK_PUNCT) && tk->cp == '-' && !(tk->flags & CHR_TOK_SPACE) && j + 1 < t->n &&
            (t->v[j + 1].flags & CHR_TOK_WORD) && !(t->v[j + 1].flags & CHR_TOK_SPACE)) {
            key[len] = '-';
            if (!chr_lex_get(key, len + 1)) {
                key[len++] = ' ';
                continue;
            }
        }
        if (tk->flags & CHR_TOK_SPACE) key[len++] = ' ';
        memcpy(key + len, t->buf + tk->norm, tk->norm_len);
        len += tk->norm_len;
        const lex_info *lj = chr_lex_get(key, len);
        if (!lj) break;
        if (lj->kinds & ~LKB(LK_MWSTART)) {
            best = (int)(j - k + 1);
            *out = lj;
        }
        if (!(lj->kinds & LKB(LK_MWSTART))) break;
    }
    return best;
}

/* Whether a reading is only that of ambiguous.txt's value 3: a common noun
 * that is a month name once a clitic is stripped off it ("باب", door). */
static int noun_mask(const lex_info *li)
{
    return li && li->kinds == LKB(LK_AMBIG) && li->val[LK_AMBIG] == 3;
}

/* Looks a word token up, trying it whole and then without the Arabic
 * clitics in front of it (و ف, then ب ل ك, then the article).  Sets *wa when
 * the reading needed a leading و stripped. */
static int lookup_word(const S *s, size_t k, const lex_info **out, int *wa, int *prep, int *strip, int *noun)
{
    const chr_token *tk = &s->tok->v[k];
    const char *w = s->tok->buf + tk->norm;
    size_t n = tk->norm_len;
    int m = lookup_from(s, k, w, n, &tk->hash, out);
    *wa = 0;
    *prep = 0;
    *strip = 0;
    *noun = 0;
    /* a longer form under a leading و wins over the whole word: "وأحد عشر"
     * is و + أحد عشر (11), not واحد (1) and عشر */
    const lex_info *longer;
    int ml;
    if (m == 1 && (tk->flags & CHR_TOK_ARABIC) && n > 6 && starts(w, n, AR_WAW) &&
        (ml = lookup_from(s, k, w + 2, n - 2, NULL, &longer)) > 1) {
        *out = longer;
        *wa = 1;
        *strip = 1;
        return ml;
    }
    if (m == 1 && noun_mask(*out)) {       /* باب: read on with its clitic stripped, and say so */
        *noun = 1;
        m = 0;
        *out = NULL;
    }
    if (m || !(tk->flags & CHR_TOK_ARABIC)) return m;
    /* the clitics as their two bytes read as one number (0: none), tested
     * against the word's letters that way: this runs for most Arabic words */
    static const unsigned p1[] = {0, L_WAW, L_FA};
    static const unsigned p2[] = {0, L_BA, L_LAM, L_KAF};
    char buf[256];
    for (int a = 0; a < 3; a++) {
        if (p1[a] && chr_ar_letter(w, n, 0) != p1[a]) continue;
        size_t oa = a ? 2 : 0;                  /* each clitic letter is two bytes */
        for (int b = 0; b < 4; b++) {
            if (p2[b] && chr_ar_letter(w, n, oa) != p2[b]) continue;
            size_t ob = oa + (b ? 2 : 0);
            for (int c = 0; c < 2; c++) {
                if (!a && !b && !c) continue;
                size_t o = ob;
                if (c) {
                    if (chr_ar_letter(w, n, ob) != L_ALEF || chr_ar_letter(w, n, ob + 2) != L_LAM) continue;
                    o += 4;
                }
                if (n - o < 4) continue;                /* keep two letters at least */
                m = lookup_from(s, k, w + o, n - o, NULL, out);
                if (!m && !c && b == 2 && chr_ar_letter(w, n, o) == L_LAM && n - o + 2 < sizeof buf) {
                    /* لل = ل + ال: "للعام" */
                    memcpy(buf, AR_AL, 4);
                    memcpy(buf + 4, w + o + 2, n - o - 2);
                    m = lookup_from(s, k, buf, n - o + 2, NULL, out);
                }
                if (m == 1 && noun_mask(*out)) {    /* وباب: the noun under و */
                    *noun = 1;
                    m = 0;
                    *out = NULL;
                }
                if (m) {
                    *wa = a == 1;
                    *prep = b > 0;
                    *strip = (a > 0) + (b > 0);      /* prepositions leave the span; ال stays */
                    return m;
                }
            }
        }
    }
    /* A noun in a construct drops its article: "خريف العام" for الخريف. */
    if (!starts(w, n, AR_AL) && n + 4 < sizeof buf) {
        memcpy(buf, AR_AL, 4);
        memcpy(buf + 4, w, n);
        m = lookup_from(s, k, buf, n + 4, NULL, out);
        if (m == 1 && (*out)->kinds & (LKB(LK_SEASON) | LKB(LK_PART) | LKB(LK_DAYPART) | LKB(LK_DECADE)))
            return m;
        m = 0;
        *out = NULL;
    }
    if (starts(w, n, AR_WAW AR_AL) && n == 6) {   /* "وال" of والـ 19 */
        m = lookup_from(s, k, w + 2, 4, NULL, out);
        if (m) { *wa = 1; *strip = 1; }
    }
    return m;
}

static int is_sentence_end(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F || cp == 0x06D4;
}

static chr_status build_units(S *s)
{
    const chr_tokens *t = s->tok;
    s->nu = 0;
    int sent = 0, prev_end = 0;
    for (size_t k = 0; k < t->n;) {
        if (chr_grow((void **)&s->u, &s->ucap, (size_t)s->nu + 1, sizeof(unit))) return CHR_ERR_NOMEM;
        const chr_token *tk = &t->v[k];
        unit *u = &s->u[s->nu];
        memset(u, 0, sizeof *u);
        if ((tk->flags & CHR_TOK_BREAK) || (prev_end && (tk->flags & CHR_TOK_SPACE))) sent++;
        prev_end = 0;
        u->start = tk->start;
        u->flags = tk->flags;
        u->cp = tk->cp;
        u->sent = sent;
        u->norm = tk->norm;
        u->norm_len = tk->norm_len;
        int ntok = 1;
        if (tk->flags & CHR_TOK_NUM) {
            u->num = tk->num;
            u->nd = tk->ndigits;
            /* 18th, 1st, 2nd, 3rd */
            if (k + 1 < t->n && !(t->v[k + 1].flags & CHR_TOK_SPACE) && (t->v[k + 1].flags & CHR_TOK_WORD)) {
                const chr_token *sf = &t->v[k + 1];
                const char *w = t->buf + sf->norm;
                if (sf->norm_len == 2 && (!memcmp(w, "st", 2) || !memcmp(w, "nd", 2) ||
                                          !memcmp(w, "rd", 2) || !memcmp(w, "th", 2))) {
                    u->ordsuf = 1;
                    ntok = 2;
                }
            }
        } else {
            int strip = 0;
            int m = lookup_word(s, k, &u->lx, &u->wa, &u->prep, &strip, &u->noun);
            if (m > 1) ntok = m;
            /* the span starts after و، ب، ل ... (and any marks on them) */
            for (; strip > 0 && u->start < tk->end; strip--) {
                u->start++;
                while (u->start < tk->end && chr_text_fold(s->text[u->start]) == 0) u->start++;
            }
            /* a month only as spelled in the data (آب): spelled otherwise
             * (أب "father") it is a common noun too */
            if (u->lx && (u->lx->kinds & LKB(LK_AMBIG)) && u->lx->val[LK_AMBIG] == 4 && u->start < tk->end &&
                s->text[u->start] != (uint32_t)u->lx->val2[LK_AMBIG])
                u->noun = 1;
            if (tk->flags & CHR_TOK_PUNCT) prev_end = is_sentence_end(tk->cp);
        }
        u->end = t->v[k + (size_t)ntok - 1].end;
        k += (size_t)ntok;
        s->nu++;
    }
    /* The tense cue of each word: a tense word, or a past ending or future
     * prefix on a word the tables do not know. */
    for (int i = 0; i < s->nu; i++) {
        unit *u = &s->u[i];
        int32_t v = 0;
        int weak = 0;
        if (kind(s, i, LK_TENSE)) v = val(s, i, LK_TENSE);
        else if (!u->lx && (u->flags & CHR_TOK_WORD)) {
            const char *w = t->buf + u->norm;
            size_t n = u->norm_len;
            if ((u->flags & CHR_TOK_ARABIC) && n > 8 && (starts(w, n, AR_WAW) || starts(w, n, AR_FA))) {
                w += 2;                       /* وسيلتقي */
                n -= 2;
            }
            weak = chr_lex_suffix(w, n, LK_TENSE, &v) == 2;
        }
        /* "will be held": after an auxiliary a past form is a participle */
        if (v < 0 && i > 0 && kind(s, i - 1, LK_TENSE) && val(s, i - 1, LK_TENSE) == 2) v = 0;
        if (v == 2 || v == 3) v = 0;     /* AUX; NONE: a word that only looks like a verb */
        u->cue = (signed char)(weak ? 0 : v);
        u->weak = (signed char)(weak ? v : 0);
    }
    return CHR_OK;
}

/* Whether unit i ends a clause: a comma or a semicolon. */
static int clause_mark(const S *s, int i)
{
    uint32_t c = s->u[i].cp;
    return (s->u[i].flags & CHR_TOK_PUNCT) && (c == ',' || c == ';' || c == 0x060C || c == 0x061B);
}

/* The tense of the clause around units [u0, u1): the nearest tense cue
 * within its commas, else in the same sentence, the one before on a tie
 * ("met on Tuesday, and will meet again next month": Tuesday is past, next
 * month future; "will meet Trump on Friday, his spokeswoman said": Friday is
 * the meeting's, to come). */
static int tense_at(const S *s, int u0, int u1)
{
    int sent = s->u[u0].sent;
    for (int pass = 0; pass < 4; pass++) {       /* firm cues first, then "-ed"; in the clause, then the sentence */
        int weak = pass & 1, clause = pass < 2;
        int l = u0 - 1, r = u1;
        while (l >= 0 || r < s->nu) {
            if (l >= 0 && (s->u[l].sent != sent || (clause && clause_mark(s, l)))) l = -1;
            if (r < s->nu && (s->u[r].sent != sent || (clause && clause_mark(s, r)) || fn(s, r, F_THAT))) r = s->nu;
            int cl = l >= 0 ? (weak ? s->u[l].weak : s->u[l].cue) : 0;
            int cr = r < s->nu ? (weak ? s->u[r].weak : s->u[r].cue) : 0;
            if (cl) return cl;
            if (cr) return cr;
            if (l >= 0) l--;
            if (r < s->nu) r++;
        }
    }
    return 0;
}

/* Whether unit i is an Arabic word that starts with the article, after
 * the conjunction و it was read under ("والسادسة" of "بين العاشرة مساء
 * والسادسة صباحا" is as definite as السادسة). */
static int definite(const S *s, int i)
{
    const unit *u = &s->u[i];
    size_t o = u->wa && u->norm_len > 6 && starts(s->tok->buf + u->norm, u->norm_len, AR_WAW) ? 2 : 0;
    return (u->flags & CHR_TOK_ARABIC) && u->norm_len > 4 + o &&
           !memcmp(s->tok->buf + u->norm + o, AR_AL, 4);
}

/* The readings of an Arabic word in construct ("جمعة" of "كل جمعة"), found
 * by adding the article it dropped; NULL when there are none. */
static const lex_info *with_article(const S *s, int i)
{
    const unit *u = &s->u[i];
    char buf[128];
    if (!(u->flags & CHR_TOK_ARABIC) || definite(s, i) || u->norm_len + 4 > sizeof buf) return NULL;
    memcpy(buf, AR_AL, 4);
    memcpy(buf + 4, s->tok->buf + u->norm, u->norm_len);
    return chr_lex_get(buf, u->norm_len + 4);
}

/* ---- small pieces ---------------------------------------------------- */

/* Whether x, joined by و or "and" to a number read so far (total + cur,
 * cur the part below a thousand), continues it: tens after units ("خمسة
 * وعشرين"), a smaller part after hundreds or thousands ("مئة وخمسون", "two
 * thousand and five", "ألف وسبعمائة").  Not "ثلاثة وخمسة", "two and three":
 * two numbers. */
static int number_joins(long total, long cur, long x)
{
    long low = cur % 100;
    int round = total + cur >= 100 && low == 0;
    if (x >= 20 && x <= 90 && x % 10 == 0) return (low >= 1 && low <= 9) || round;
    if (x < 100) return round;
    if (x < 1000) return total >= 1000 && cur == 0;
    return 0;
}

/* A number written in words: "ثلاثة وعشرين", "ألف وسبعمائة وتسعة وثمانين",
 * "two thousand and five".  Words after the first are joined by و or "and",
 * or multiply ("ثلاثة آلاف"; a plural multiplier, a negative value below -1
 * in cardinal.txt, only that way).  Sets *v; returns units used (0: none). */
static int number_words(const S *s, int i, long *v)
{
    long total = 0, cur = 0;
    int j = i, n = 0;
    while (j < s->nu && kind(s, j, LK_CARD) && (val(s, j, LK_CARD) >= 0 || (n && val(s, j, LK_CARD) < -1))) {
        long x = val(s, j, LK_CARD);
        if (x < -1) {                            /* "ثلاثة آلاف", not "ألف آلاف" */
            x = -x;
            if (s->u[j].wa || fn(s, j - 1, F_AND) || cur < 3 || cur > 10) break;
        }
        if (n) {
            int joined = s->u[j].wa || fn(s, j - 1, F_AND);
            int mult = (x == 100 || x == 1000 || x == 1000000) && cur > 0 && cur < 1000;
            if (!joined && !mult) break;
            if (!mult && !number_joins(total, cur, x)) break;
        }
        if (x == 1000 || x == 1000000) { total += (cur ? cur : 1) * x; cur = 0; }
        else if (x == 100 && cur > 0 && cur < 10) cur *= 100;
        else if (x >= 1000) total += x;
        else cur += x;
        n++;
        j++;
        /* "و عشرين", "and five"; not "and a half" */
        if (fn(s, j, F_AND) && kind(s, j + 1, LK_CARD) && !(val(s, j + 1, LK_CARD) == 1 && fn(s, j + 2, F_HALF))) j++;
    }
    if (!n) return 0;
    if (fn(s, j - 1, F_AND)) j--;
    *v = total + cur;
    return j - i;
}

/* A day of the month: [THE] 18 | 18th | ordinal word (الثالث والعشرين). */
static int day_num(const S *s, int i, int *d)
{
    int j = i;
    if (fn(s, j, F_THE)) j++;
    if (isnum(s, j) && s->u[j].nd <= 2 && s->u[j].num >= 1 && s->u[j].num <= 31) {
        *d = (int)s->u[j].num;
        return j + 1 - i;
    }
    if (kind(s, j, LK_ORD) && val(s, j, LK_ORD) >= 1 && val(s, j, LK_ORD) <= 31) {
        int v = val(s, j, LK_ORD);
        j++;
        if (v < 10 && j < s->nu && s->u[j].wa && (kind(s, j, LK_ORD) || kind(s, j, LK_CARD))) {
            int t = kind(s, j, LK_ORD) ? val(s, j, LK_ORD) : val(s, j, LK_CARD);
            if ((t == 20 || t == 30) && v + t <= 31) { v += t; j++; }
        }
        *d = v;
        return j - i;
    }
    long w;
    int l = number_words(s, j, &w);           /* واحد وعشرين مايو */
    if (l && w >= 1 && w <= 31 && kind(s, j + l, LK_MONTH)) {
        *d = (int)w;
        return j + l - i;
    }
    return 0;
}

/* A month name, with a slash-paired second name ("يونيو/حزيران") and the
 * period of an English abbreviation ("Jan."). */
static int month_name(const S *s, int i, int *m, int *amb)
{
    if (((kind(s, i, LK_UNIT) && val(s, i, LK_UNIT) == U_M) || (kind(s, i, LK_SET) && val(s, i, LK_SET) == U_M)) &&
        (s->u[i].flags & CHR_TOK_ARABIC) && kind(s, i + 1, LK_MONTH)) {
        int l = month_name(s, i + 1, m, amb);   /* شهر أيار, شهري جوان وجويلية: the month(s) of */
        *amb = 0;
        return l ? l + 1 : 0;
    }
    if (!kind(s, i, LK_MONTH)) return 0;
    *m = val(s, i, LK_MONTH);
    *amb = kind(s, i, LK_AMBIG) && (val(s, i, LK_AMBIG) == 1 || val(s, i, LK_AMBIG) == 4);
    int j = i + 1;
    if ((is_punct(s, j, '/') || isdash(s, j)) && kind(s, j + 1, LK_MONTH) && val(s, j + 1, LK_MONTH) == *m) {
        j += 2;
        *amb = 0;
    } else if (is_punct(s, j, '(') && kind(s, j + 1, LK_MONTH) && val(s, j + 1, LK_MONTH) == *m &&
               is_punct(s, j + 2, ')')) {
        j += 3;                                   /* شباط (فبراير) */
        *amb = 0;
    }
    if (is_punct(s, j, '.') && glued(s, j) && !(s->u[i].flags & CHR_TOK_ARABIC) &&
        s->u[i].end - s->u[i].start <= 4 && isnum(s, j + 1))
        j++;
    return j - i;
}

/* A year: 2024, 2024م, عام 1990, سنة 1446 هـ.  Sets *hijri for هـ/AH. */
static int year_num(const S *s, int i, int *y, int *hijri, int need_marker)
{
    int j = i, marker = 0;
    if (fn(s, j, F_YEAR) || (kind(s, j, LK_UNIT) && val(s, j, LK_UNIT) == U_Y && !val2(s, j, LK_UNIT))) {
        if (!isnum(s, j + 1) && !kind(s, j + 1, LK_CARD)) return 0;
        j++;
        marker = 1;
    }
    if (marker && !isnum(s, j)) {
        long w, w2;
        int l = number_words(s, j, &w);        /* عام ألفين وسبعة وعشرين */
        int l2;
        /* عام تسعة عشر تسعة وتسعون: a year said as two pairs of digits */
        if (l && w >= 10 && w <= 29 && (l2 = number_words(s, j + l, &w2)) && w2 >= 0 && w2 <= 99 &&
            !s->u[j + l].wa) {
            w = w * 100 + w2;
            l += l2;
        }
        if (l && w >= 100 && w <= 2999) {
            *y = (int)w;
            *hijri = 0;
            j += l;
            if (fn(s, j, F_HIJRI)) { *hijri = 1; j++; }
            else if (fn(s, j, F_AD)) j++;         /* عام ألفين وعشرين ميلادية */
            return j - i;
        }
        return 0;
    }
    if (!isnum(s, j) || s->u[j].ordsuf) return 0;
    int nd = s->u[j].nd;
    long v = (long)s->u[j].num;
    if (nd > 4) return 0;
    /* 1,500 and 2.5 are quantities, not years. */
    if ((is_punct(s, j + 1, ',') || is_punct(s, j + 1, '.') || is_punct(s, j + 1, 0x066B) ||
         is_punct(s, j + 1, 0x066C)) && glued(s, j + 1) && isnum(s, j + 2) && glued(s, j + 2))
        return 0;
    j++;
    *hijri = 0;
    if (fn(s, j, F_HIJRI)) { *hijri = 1; marker = 1; j++; }
    else if (fn(s, j, F_AD)) { marker = 1; j++; }
    if (!marker && (nd != 4 || need_marker)) return 0;
    if (v < 1 || (nd == 4 && (v < 1000 || v > 2999))) return 0;
    *y = (int)v;
    return j - i;
}

/* The year that completes a written date: ", 2024", "من عام 1990",
 * "، ألفين وثمانية عشر".  Returns units used. */
static int date_year(const S *s, int j, int *y, int *hj)
{
    int c = iscomma(s, j) || fn(s, j, F_OF) ? 1 : 0, l;
    if ((l = year_num(s, j + c, y, hj, 0))) return c + l;
    long w;
    if ((l = number_words(s, j + c, &w)) && w >= 1000 && w <= 2999 && !kind(s, j + c + l, LK_UNIT) &&
        !kind(s, j + c + l, LK_PLURAL) && !counted_after(s, j + c + l)) {
        *y = (int)w;
        *hj = 0;
        if (fn(s, j + c + l, F_HIJRI)) { *hj = 1; l++; }
        else if (fn(s, j + c + l, F_AD)) l++;
        return c + l;
    }
    return 0;
}

/* Attaches a part of day that follows a day-granular expression. */
static int daypart_after(const S *s, int j, texpr *e)
{
    if (kind(s, j, LK_DAYPART) && !kind(s, j, LK_DEICTIC)) {
        e->daypart = val(s, j, LK_DAYPART);
        return 1;
    }
    /* "يوم الثلاثاء في المساء": the evening of that day, not of the anchor */
    if (fn(s, j, F_IN) && (s->u[j].flags & CHR_TOK_ARABIC) && kind(s, j + 1, LK_DAYPART) &&
        !kind(s, j + 1, LK_DEICTIC) && definite(s, j + 1) && !kind(s, j + 2, LK_WDAY) &&
        !kind(s, j + 2, LK_DEICTIC) && !isnum(s, j + 2) && !fn(s, j + 2, F_OF)) {
        e->daypart = val(s, j + 1, LK_DAYPART);
        return 2;
    }
    return 0;
}

/* "في السابعة", "عند الحادية عشرة": a definite feminine ordinal right after a
 * preposition names the hour (السَّاعة, feminine, is understood).  Not the
 * masculine "في الثاني" (a day), nor "في السابعة من عمره" (the caller checks
 * what follows). */
static int fem_ordinal(const S *s, int i);
static int hour_ordinal(const S *s, int i)
{
    return fem_ordinal(s, i) && fn(s, i - 1, F_IN) && (s->u[i - 1].flags & CHR_TOK_ARABIC);
}

/* Whether unit i is a definite feminine ordinal (السابعة، الحادية عشرة). */
static int fem_ordinal(const S *s, int i)
{
    const unit *u = &s->u[i];
    if (!kind(s, i, LK_ORD) || !definite(s, i) || u->norm_len < 2) return 0;
    const char *w = s->tok->buf + u->norm + u->norm_len - 2;
    return w[0] == '\xd9' && w[1] == '\x87';        /* ة, folded to ه */
}

/* Whether unit j, right after a number, is a noun it counts: a word the
 * tables do not know, without the article and not a name ("3 أشخاص", "7
 * سيارات", "3 people").  A tense cue read from a prefix does not make it a
 * verb: سيارات begins like سيلتقي. */
static int counted_after(const S *s, int j)
{
    return j < s->nu && j > 0 && s->u[j].sent == s->u[j - 1].sent && (s->u[j].flags & CHR_TOK_WORD) &&
           !s->u[j].lx && !definite(s, j) && !(s->u[j].flags & CHR_TOK_UPPER);
}

/* ---- patterns -------------------------------------------------------- */

static int clock_time(const S *s, int i, texpr *e, int relaxed);

static int p_unitrel(const S *s, int i, texpr *e);
static int p_decade(const S *s, int i, texpr *e);
static int p_numeric(const S *s, int i, texpr *e);
static int set_core(const S *s, int i, texpr *e);

/* A year named relative to the anchor right after a day's month, "of"
 * perhaps between ("7 October last year", "السابع من أكتوبر من العام
 * الماضي"), as after a month alone (p_month): e takes that year; the
 * length read from j, or 0. */
static int year_after_day(const S *s, int j, texpr *e)
{
    int k = fn(s, j, F_OF) ? j + 1 : j, l;
    texpr yr;
    texpr_init(&yr);
    if (!(l = p_unitrel(s, k, &yr)) || yr.unit != U_Y) return 0;
    e->ym = Y_SHIFT;
    e->yshift = yr.shift;
    return k + l - j;
}

/* DAY [OF] MONTH [YEAR|SHIFT], with an optional weekday and day word before:
 * "يومي الـ 18", "الأحد 12 يناير 2016", "الخامس من أيار", "19 يناير/كانون الثاني 2025". */
static int p_dmy(const S *s, int i, texpr *e)
{
    int j = i, d, m, amb, y, hj, wd = 0;
    /* "مساء 25 أكتوبر", "فجر 7 أكتوبر", "صباح يوم 12 مارس": a part of the
     * day in construct before its date, as before a weekday (p_weekday) */
    if (kind(s, i, LK_DAYPART) && !kind(s, i, LK_DEICTIC) && (s->u[i].flags & CHR_TOK_ARABIC) && !definite(s, i) &&
        !kind(s, i + 1, LK_DAYPART)) {
        int l = p_dmy(s, i + 1, e);
        if (!l || e->bare || !e->d || e->daypart || e->hour >= 0) {
            texpr_init(e);
            return 0;
        }
        e->daypart = val(s, i, LK_DAYPART);
        return l + 1;
    }
    if (fn(s, j, F_DAY) && kind(s, j + 1, LK_WDAY) && (s->u[j].flags & CHR_TOK_ARABIC)) j++;   /* يوم الجمعة 15 */
    if (kind(s, j, LK_WDAY)) {
        wd = val(s, j, LK_WDAY);
        j++;
        if (iscomma(s, j)) j++;
        else if (fn(s, j, F_IN) && (kind(s, j + 1, LK_ORD) || kind(s, j + 1, LK_CARD) || isnum(s, j + 1))) j++;
    }
    if (fn(s, j, F_DAY)) j++;
    int l = day_num(s, j, &d);
    if (!l) return 0;
    /* an Arabic ordinal up to the fifth after a weekday may also say which
     * of the month's weekdays: "الثلاثاء الثالث من نوفمبر" (resolve.c) */
    int ordwd = wd && d <= 5 && kind(s, j, LK_ORD) && (s->u[j].flags & CHR_TOK_ARABIC) ? wd : 0;
    j += l;
    int daylen = l;
    /* "Friday at 3 pm", "الجمعة في 8 مساءً": an hour, not the 3rd */
    if (isnum(s, j - 1) && (fn(s, j, F_CLOCK) || (fn(s, j, F_AM | F_PM | F_MIDDAY) && !fn(s, j, F_AD)) ||
                            (is_punct(s, j, ':') && glued(s, j) && isnum(s, j + 1))))
        return 0;
    /* 07-09-2024 is a numeric date: leave it to p_numeric */
    texpr num;
    texpr_init(&num);
    if (isnum(s, j - 1) && p_numeric(s, j - 1, &num)) return 0;
    if ((iscomma(s, j) || is_punct(s, j, '.') || isdash(s, j) || is_punct(s, j, '/')) && glued(s, j) &&
        kind(s, j + 1, LK_MONTH))
        j++;
    int k = j;
    /* "20 في أيلول" joins a day and its month; a number word does not:
     * "قمة العشرين في أيلول" is the G20's summit */
    if (fn(s, k, F_OF) || (fn(s, k, F_IN) && isnum(s, j - 1))) k++;
    texpr mr;
    texpr_init(&mr);
    if ((l = p_unitrel(s, k, &mr)) && mr.unit == U_M) {     /* الـ 18 من الشهر الجاري, 22 هذا الشهر */
        e->kind = X_CAL;
        e->d = d;
        e->ym = Y_MREL;
        e->yshift = mr.shift;
        e->ordwd = ordwd;
        return k + l - i;
    }
    /* "في 15 الجاري": الجاري alone after a day number is the current month */
    if (kind(s, j, LK_SHIFT) && val(s, j, LK_SHIFT) == 0 && (s->u[j].flags & CHR_TOK_ARABIC) &&
        !kind(s, j, LK_UNIT)) {
        e->kind = X_CAL;
        e->d = d;
        e->ym = Y_MREL;
        e->yshift = 0;
        e->ordwd = ordwd;
        return j + 1 - i;
    }
    if (fn(s, k, F_THE)) k++;
    if ((l = month_name(s, k, &m, &amb))) {
        e->kind = X_CAL;
        e->d = d;
        e->m = m;
        e->ordwd = ordwd;
        j = k + l;
        if ((l = year_after_day(s, j, e))) return j + l - i;    /* before "this": "3 May this year" */
        if (kind(s, j, LK_SHIFT)) {
            e->ym = Y_MSHIFT;
            e->yshift = val(s, j, LK_SHIFT);
            return j + 1 - i;
        }
        if ((l = date_year(s, j, &y, &hj))) {
            e->ym = Y_ABS;
            e->y = y;
            return j + l - i;
        }
        return j - i;
    }
    if (kind(s, k, LK_HMONTH)) {
        e->kind = X_CAL;
        e->hijri = 1;
        e->d = d;
        e->m = val(s, k, LK_HMONTH);
        e->ordwd = ordwd;
        j = k + 1;
        if ((l = year_num(s, j, &y, &hj, 0)) || (l = year_num(s, j, &y, &hj, 1)) ||
            (isnum(s, j) && s->u[j].nd <= 4 && s->u[j].num > 0 && (l = 1) && (y = (int)s->u[j].num))) {
            e->y = y;
            e->ym = Y_ABS;
            j += l;
            if (fn(s, j, F_HIJRI)) j++;
        }
        return j - i;
    }
    /* "قتل يوم الجمعة 3 أشخاص", "يوم الجمعة في 3 مدن": three people,
     * three cities, not the 3rd */
    if (wd && isnum(s, j - 1) && counted_after(s, j)) return 0;
    /* "قتل يوم الجمعة 15 من عناصر الأمن": fifteen of them; a month or
     * "this month" after من was read above */
    if (wd && isnum(s, j - 1) && fn(s, j, F_OF) && (s->u[j].flags & CHR_TOK_ARABIC)) return 0;
    /* A weekday and a day number, no month: the month near the anchor in
     * which that day is that weekday ("الجمعة 15"; resolve.c). */
    if ((wd || (fn(s, i, F_DAY) && (s->u[i].flags & CHR_TOK_ARABIC) && !definite(s, i) &&
         !(j < s->nu && s->u[j].wa) && !fn(s, j, F_AND | F_TO) && !isdash(s, j))) &&   /* a list or range gives the month */
        !kind(s, j, LK_UNIT) && !kind(s, j, LK_PLURAL) && daylen &&
        /* "يوم 27": the day word names a date.  An ordinal word after a
         * weekday is a day of the month only from the sixth on: "الأحد
         * الثاني" is as often the second Sunday, "الثلاثاء الحادي
         * والثلاثين" can only be the 31st. */
        (isnum(s, j - 1) || (wd && d >= 6 && kind(s, j - daylen, LK_ORD)))) {
        e->kind = X_CAL;
        e->d = d;
        e->ym = Y_MREL;
        e->yshift = 0;
        e->day_wd = wd;
        return j - i;
    }
    /* A bare day ("الـ 18" of "يومي الـ 18 والـ 19 من حزيران") is only kept
     * when a list or range gives it a month; the caller decides. */
    e->kind = X_CAL;
    e->d = d;
    e->bare = 1;
    return j - i;
}

/* MONTH DAY[,] [YEAR]: "June 18", "Jan. 19", "Sept. 11, 2001". */
static int p_mdy(const S *s, int i, texpr *e)
{
    int j = i, m, amb, d, y, hj;
    if (kind(s, j, LK_WDAY)) {
        j++;
        if (iscomma(s, j)) j++;
    }
    int l = month_name(s, j, &m, &amb);
    if (!l || s->u[j].noun) return 0;          /* "باب 5" is gate 5 */
    j += l;
    if (isnum(s, j) && (is_punct(s, j + 1, ':') || is_punct(s, j + 1, '%'))) return 0;
    if (isnum(s, j) && (s->u[j].nd > 2 || s->u[j].num < 1 || s->u[j].num > 31)) return 0;
    if (isnum(s, j)) {
        d = (int)s->u[j].num;
        j++;
    } else if (kind(s, j, LK_ORD) && (l = day_num(s, j, &d))) {
        j += l;                                   /* يناير الثاني والعشرين */
    } else {
        return 0;
    }
    e->kind = X_CAL;
    e->m = m;
    e->d = d;
    if ((l = date_year(s, j, &y, &hj))) {
        e->y = y;
        e->ym = Y_ABS;
        j += l;
    } else {
        j += year_after_day(s, j, e);
    }
    return j - i;
}

/* A context word before a bare month or year: a preposition, range word or
 * part of a period ("in June", "في أيار", "until 2014", "early December"). */
static int date_context(const S *s, int i)
{
    return fn(s, i, F_IN | F_FROM | F_TO | F_BETWEEN | F_OF | F_AND) ||
           kind(s, i, LK_PART);
}

/* A duration word before a bare month ("خلال فبراير", "طوال نيسان",
 * "throughout May") or, in Arabic, a year ("خلال 2023"); not an English
 * year: "for 1500 employees", "all 1500 workers" are counts. */
static int during_context(const S *s, int i, int year)
{
    if (year) return fn(s, i, F_DURING) && (s->u[i].flags & CHR_TOK_ARABIC);
    return fn(s, i, F_DURING | F_WHOLE);
}

/* Whether the Arabic month name at i, with no word of time around it, is
 * the time of its clause ("سأزور القاهرة فبراير", "تنتهي المهلة ديسمبر"):
 * after a verb, or after a definite word.  After an indefinite noun it
 * completes that noun, and the two often name an event, not a time ("حرب
 * أكتوبر" the war of 1973, "ثورة يوليو", "أحداث سبتمبر"); a definite noun
 * takes no such complement.  Month names that are names too (نيسان the
 * carmaker, جوان, شباط) and the ambiguous ones (مارس "practised") never
 * stand alone. */
static int month_adverb(const S *s, int i)
{
    if (i < 1 || !(s->u[i].flags & CHR_TOK_ARABIC) || s->u[i].wa || kind(s, i, LK_AMBIG) ||
        s->u[i - 1].sent != s->u[i].sent || !(s->u[i - 1].flags & CHR_TOK_ARABIC))
        return 0;
    if (s->u[i - 1].cue) return 1;                 /* انتهت ديسمبر */
    return definite(s, i - 1) && !s->u[i - 1].lx;
}

/* MONTH [YEAR|SHIFT] | SHIFT MONTH | THIS MONTH | bare MONTH in context. */
static int p_month(const S *s, int i, texpr *e)
{
    int j = i, m, amb, y, hj, l;
    /* "هذا باب": a common noun read as a month (باب) takes a year or a shift
     * after it, never one before */
    if ((kind(s, j, LK_SHIFT) || fn(s, j, F_THIS)) && (l = month_name(s, j + 1, &m, &amb)) && !s->u[j + 1].noun) {
        e->kind = X_CAL;
        e->m = m;
        e->ym = Y_MSHIFT;
        e->yshift = kind(s, j, LK_SHIFT) ? val(s, j, LK_SHIFT) : 0;
        return 1 + l;
    }
    int lead = kind(s, j, LK_UNIT) ? 1 : 0;     /* شهر أيار */
    if (!(l = month_name(s, j, &m, &amb))) return 0;
    j += l;
    e->kind = X_CAL;
    e->m = m;
    texpr yr;
    texpr_init(&yr);
    int k = fn(s, j, F_OF) ? j + 1 : j, yl;
    if ((yl = p_unitrel(s, k, &yr)) && yr.unit == U_Y) {          /* أيلول من العام الماضي */
        e->ym = Y_SHIFT;
        e->yshift = yr.shift;
        return k + yl - i;
    }
    if (kind(s, j, LK_SHIFT)) {
        e->ym = Y_MSHIFT;
        e->yshift = val(s, j, LK_SHIFT);
        return j + 1 - i;
    }
    if ((l = date_year(s, j, &y, &hj))) {                          /* أيار 1990, يناير ألفين وعشرين */
        e->y = y;
        e->ym = Y_ABS;
        return j + l - i;
    }
    /* A common noun that is a month only with its clitic stripped ("في باب
     * المندب": ب + آب) or as spelled otherwise ("من أب": father) is one only
     * with a year or a shift after it, a day number before it (p_dmy) or شهر
     * before it: a preposition before it is no calendar context. */
    if (s->u[i + lead].noun && !lead) return 0;
    /* A lone month name needs a context word before it, and an ambiguous one
     * (Maghrebi ماي, English May) a capital or an unambiguous context. */
    /* "support for May", "took May by surprise": an ambiguous English one
     * after a duration word is a name */
    int ctx = date_context(s, i - 1) || (during_context(s, i - 1, 0) && (!amb || (s->u[i].flags & CHR_TOK_ARABIC))) ||
              lead || s->u[i].wa || (isdash(s, i - 1) && kind(s, i - 2, LK_PART)) || month_adverb(s, i);
    if (!ctx) return 0;
    if (amb && !(s->u[i].flags & CHR_TOK_ARABIC) && !(s->u[i].flags & CHR_TOK_UPPER)) return 0;
    /* an ambiguous Arabic one after a preposition, a part or duration word
     * ("أواخر آب", "خلال مارس"), or as the second month of a pair ("شباط
     * ومارس"); not "ومارس الضغط", "بين أب وابنه" */
    if (amb && (s->u[i].flags & CHR_TOK_ARABIC) && !lead && !fn(s, i - 1, F_IN | F_FROM | F_TO | F_DURING) &&
        !kind(s, i - 1, LK_PART) && !(s->u[i].wa && kind(s, i - 1, LK_MONTH)) &&
        !(fn(s, i - 1, F_AND) && kind(s, i - 2, LK_MONTH)))
        return 0;
    return j - i;
}

/* A Hijri month without a day: "رمضان 1445 هـ", "شهر رمضان من عام 1445 هـ",
 * "شهر رمضان", "رمضان الماضي", "شهر شوال المقبل".  Without a year or a
 * shift after it, the name needs شهر before it: رمضان, رجب and شعبان are
 * also given names (رمضان قديروف) and صفر is zero. */
static int p_hmonth(const S *s, int i, texpr *e)
{
    int j = i, y, hj, l;
    int lead = kind(s, j, LK_UNIT) && val(s, j, LK_UNIT) == U_M;
    if (lead) j++;
    if (!kind(s, j, LK_HMONTH)) return 0;
    e->kind = X_CAL;
    e->hijri = 1;
    e->m = val(s, j, LK_HMONTH);
    j++;
    if (kind(s, j, LK_SHIFT)) {
        e->ym = Y_MSHIFT;
        e->yshift = val(s, j, LK_SHIFT);
        return j + 1 - i;
    }
    int k = fn(s, j, F_OF) ? j + 1 : j;
    /* a year after it is Hijri with its marker, or a number of Hijri years
     * (13xx-15xx) with شهر before: "رمضان 1445 هـ", "شهر رمضان 1445" */
    if ((l = year_num(s, k, &y, &hj, 1)) && hj) {
        e->y = y;
        e->ym = Y_ABS;
        return k + l - i;
    }
    if (lead && isnum(s, k) && s->u[k].nd == 4 && s->u[k].num >= 1300 && s->u[k].num < 1600) {
        e->y = (int)s->u[k].num;
        e->ym = Y_ABS;
        return k + 1 + (fn(s, k + 1, F_HIJRI) ? 1 : 0) - i;
    }
    return lead ? j - i : 0;
}

/* The year a two-digit number after "1957-" stands for (1958), or 0: the
 * years of a season or term written short, "1957-58", "2019-20", "1999-00".
 * Up to 12 it is read as a month ("2024-10", p_numeric). */
static int short_year_after(const S *s, int i)
{
    if (!isnum(s, i) || s->u[i].nd != 2 || !glued(s, i) || !isdash(s, i - 1) || !glued(s, i - 1) ||
        !isnum(s, i - 2) || s->u[i - 2].nd != 4 || isnum(s, i + 1) || is_punct(s, i + 1, '-'))
        return 0;
    long y = s->u[i - 2].num, nn = s->u[i].num, y2 = y / 100 * 100 + nn;
    if (nn <= y % 100) y2 += 100;                   /* 1999-00 */
    return y >= 1000 && y <= 2999 && y2 - y <= 10 && (nn > 12 || y2 == y + 1) ? (int)y2 : 0;
}

/* A year standing alone: "عام 1990", "2024م", "in 2014" (the number only),
 * or the short second year of "1957-58". */
static int p_year(const S *s, int i, texpr *e)
{
    int y, hj;
    int l = year_num(s, i, &y, &hj, 0);
    long w;
    int wl;
    if (!l && (y = short_year_after(s, i))) {
        e->kind = X_CAL;
        e->y = y;
        e->ym = Y_ABS;
        return 1;
    }
    if (!l && kind(s, i, LK_CARD) && fn(s, i - 1, F_IN | F_FROM | F_TO | F_BETWEEN) &&
        (wl = number_words(s, i, &w)) && w >= 1000 && w <= 2999 && !kind(s, i + wl, LK_UNIT) &&
        !kind(s, i + wl, LK_PLURAL) && !isnum(s, i + wl) && !counted_after(s, i + wl)) {   /* في ألفين قرية */
        e->kind = X_CAL;                           /* في ألف وسبعمائة وتسعة وثمانين */
        e->y = (int)w;
        e->ym = Y_ABS;
        return wl;
    }
    if (!l) return 0;
    int marked = !isnum(s, i) || fn(s, i + l - 1, F_HIJRI | F_AD);
    /* 2014-2018: two years joined by a dash mark each other */
    int paired = (isdash(s, i + l) && glued(s, i + l) && isnum(s, i + l + 1) && s->u[i + l + 1].nd == 4 &&
                  s->u[i + l + 1].num > y) ||
                 (isdash(s, i - 1) && glued(s, i) && isnum(s, i - 2) && s->u[i - 2].nd == 4 && s->u[i - 2].num < y) ||
                 short_year_after(s, i + l + 1);
    /* after خلال a number followed by an indefinite noun counts it: "خلال
     * 2000 غارة"; a year ends the phrase or a definite word, verb or small
     * word follows it ("خلال 2023، ارتفعت", "خلال 2023 الماضي") */
    int during = during_context(s, i - 1, 1) &&
                 (i + l >= s->nu || s->u[i + l].sent != s->u[i].sent || !(s->u[i + l].flags & CHR_TOK_WORD) ||
                  s->u[i + l].lx || s->u[i + l].cue || definite(s, i + l));
    /* after a noun that a year names ("انتخابات 2024 الرئاسية", "موازنة
     * 2025"), the number ends the phrase as after خلال */
    int named = fn(s, i - 1, F_YEARNOUN) && y >= 1900 && y <= 2100 &&
                (i + l >= s->nu || s->u[i + l].sent != s->u[i].sent || !counted_after(s, i + l));
    if (!marked && !paired && !date_context(s, i - 1) && !during && !named && !fn(s, i - 1, F_THIS | F_DET | F_THE))
        return 0;
    /* "in 2014 people" is rare, "2,000 soldiers" is excluded by year_num;
     * a year followed by a unit ("2024 days") is a count. */
    if (!marked && kind(s, i + l, LK_UNIT)) return 0;
    e->kind = X_CAL;
    e->y = y;
    e->ym = Y_ABS;
    e->hijri = hj;
    /* a bare year after such a noun, or between "the" and a word ("the
     * 2015 nuclear deal"), names that thing */
    e->naming = !marked && !paired && !date_context(s, i - 1) && !during &&
                (named || (fn(s, i - 1, F_THE | F_DET) && i + l < s->nu && s->u[i + l].sent == s->u[i].sent &&
                           (s->u[i + l].flags & CHR_TOK_WORD) && !s->u[i + l].lx));
    return l;
}

/* Numeric dates: 25/10/2024, 2024/10/25, 25-10-2024, 2024-10-25, 10/02 with
 * a day word, 2015/3.  Arabic order is day/month/year; English month/day/year. */
static int p_numeric(const S *s, int i, texpr *e)
{
    if (!isnum(s, i)) return 0;
    uint32_t sep = 0;
    int f[3], nf = 1, nd[3], j = i + 1;
    f[0] = (int)s->u[i].num;
    nd[0] = s->u[i].nd;
    while (nf < 3 && j + 1 < s->nu && (s->u[j].flags & CHR_TOK_PUNCT) && glued(s, j) && glued(s, j + 1) &&
           isnum(s, j + 1)) {
        uint32_t c = s->u[j].cp;
        if (c != '/' && c != '-' && c != '.') break;
        if (sep && c != sep) break;
        sep = c;
        f[nf] = (int)s->u[j + 1].num;
        nd[nf] = s->u[j + 1].nd;
        nf++;
        j += 2;
    }
    /* "22 - 4 - 2016": the dashes spaced, only with the four digits of
     * the year last (a score or a range has two numbers, not a year) */
    if (nf == 1 && nd[0] <= 2 && isdash(s, j) && isnum(s, j + 1) && s->u[j + 1].nd <= 2 && isdash(s, j + 2) &&
        isnum(s, j + 3) && s->u[j + 3].nd == 4 && !glued(s, j) && !isdash(s, j + 4) &&
        !(j + 4 < s->nu && glued(s, j + 4) && (s->u[j + 4].flags & CHR_TOK_NUM))) {
        int d = f[0], m = (int)s->u[j + 1].num, y = (int)s->u[j + 3].num;
        if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000 || y > 2999) return 0;
        e->kind = X_CAL;
        e->y = y; e->m = m; e->d = d; e->ym = Y_ABS;
        return j + 4 - i;
    }
    if (nf < 2) return 0;
    /* Not followed by more digits glued on (an IP address, a phone number). */
    if (j < s->nu && glued(s, j) && ((s->u[j].flags & CHR_TOK_NUM) ||
                                     (is_punct(s, j, sep) && isnum(s, j + 1) && glued(s, j + 1))))
        return 0;
    e->kind = X_CAL;
    if (nf == 3) {
        int y, m, d;
        if (nd[0] == 4) { y = f[0]; m = f[1]; d = f[2]; }
        else if (nd[2] == 4 || nd[2] == 2) {
            y = nd[2] == 4 ? f[2] : 2000 + f[2];
            if (s->lang == CHR_LANG_EN && sep == '/') { m = f[0]; d = f[1]; }
            else { d = f[0]; m = f[1]; }
        } else return 0;
        if (nd[1] > 2 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
        e->y = y; e->m = m; e->d = d; e->ym = Y_ABS;
        /* "1445/9/15 هـ": a Hijri date, converted like one written in words */
        if (fn(s, j, F_HIJRI) && (s->u[j].flags & CHR_TOK_ARABIC) && nd[0] + nd[2] >= 5) {
            e->hijri = 1;
            j++;
        }
        return j - i;
    }
    /* Two fields: year/month (2015/3, 2015.3), month/year (3/2015), or
     * day/month with a day word or preposition before. */
    if (nd[0] == 4 && f[1] >= 1 && f[1] <= 12 && nd[1] <= 2 && f[0] >= 1000 && f[0] <= 2999) {
        e->y = f[0]; e->m = f[1]; e->ym = Y_ABS;
        return j - i;
    }
    if (nd[1] == 4 && f[0] >= 1 && f[0] <= 12 && nd[0] <= 2 && f[1] >= 1000 && f[1] <= 2999) {
        e->y = f[1]; e->m = f[0]; e->ym = Y_ABS;
        return j - i;
    }
    if (sep == '.') return 0;
    /* Day and month alone need a day word or a preposition before them, or,
     * with a slash, both fields written with two digits and one of them
     * zero-padded (22/04): a fraction or a reference number (1/2, القرار 13/5)
     * is not written that way.  "3-4 December" is two days of a month, not
     * the 3rd of April. */
    bool cued = fn(s, i - 1, F_DAY) || fn(s, i - 1, F_IN);
    bool padded = sep == '/' && nd[0] == 2 && nd[1] == 2 && (f[0] < 10 || f[1] < 10);
    if (nd[0] <= 2 && nd[1] <= 2 && (cued || padded) && !kind(s, j, LK_MONTH)) {
        int d = f[0], m = f[1];
        if (s->lang == CHR_LANG_EN && sep == '/') { d = f[1]; m = f[0]; }
        /* The other order when only it is a date: 4/22 is 22 April in
         * either language, a month being at most 12. */
        if (m > 12 && d >= 1 && d <= 12 && m <= 31) { int t = d; d = m; m = t; }
        if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
        e->m = m; e->d = d;
        return j - i;
    }
    return 0;
}

/* A day named relative to the anchor, with its part of day: "أمس", "غداً",
 * "بعد غد", "yesterday morning", "صباح اليوم", "this morning", "tonight". */
static int p_deictic(const S *s, int i, texpr *e)
{
    int j = i;
    int dp = 0;
    if (kind(s, j, LK_DAYPART) && kind(s, j + 1, LK_DEICTIC)) { dp = val(s, j, LK_DAYPART); j++; }
    else if (fn(s, j, F_THIS) && kind(s, j + 1, LK_DAYPART) && !kind(s, j + 1, LK_DEICTIC)) {
        e->kind = X_DEICTIC;
        e->daypart = val(s, j + 1, LK_DAYPART);
        return 2;
    }
    if (!dp && kind(s, j, LK_SHIFT) && val(s, j, LK_SHIFT) < 0 && kind(s, j + 1, LK_DAYPART) &&
        !kind(s, j + 1, LK_DEICTIC) && val(s, j + 1, LK_DAYPART) >= DP_EV) {     /* last night */
        e->kind = X_DEICTIC;
        e->dayoff = -1;
        e->daypart = val(s, j + 1, LK_DAYPART);
        return 2;
    }
    if (!kind(s, j, LK_DEICTIC)) return 0;
    e->kind = X_DEICTIC;
    e->dayoff = val(s, j, LK_DEICTIC);
    e->daypart = dp ? dp : val2(s, j, LK_DEICTIC);
    j++;
    /* اليوم التالي / اليوم السابق: "the following / previous day"; الليلة الماضية:
     * last night.  Not "اليوم الأخير من ..." (the last day of something). */
    if (e->dayoff == 0 && (s->u[j - 1].flags & CHR_TOK_ARABIC) && kind(s, j, LK_SHIFT) && fn(s, j + 1, F_OF))
        return 0;
    /* ... nor "اليوم الأول من المفاوضات", "اليوم الثالث للحرب": a day
     * counted in something, not today */
    if (e->dayoff == 0 && !e->daypart && (s->u[j - 1].flags & CHR_TOK_ARABIC) && kind(s, j, LK_ORD) &&
        !kind(s, j, LK_WDAY))
        return 0;
    if (e->dayoff == 0 && (s->u[j - 1].flags & CHR_TOK_ARABIC) && kind(s, j, LK_SHIFT) &&
        (!e->daypart || (e->daypart >= DP_EV && val(s, j, LK_SHIFT) < 0))) {
        e->dayoff = val(s, j, LK_SHIFT);
        return j + 1 - i;
    }
    if (e->dayoff == 0 && kind(s, j, LK_WDAY) && !kind(s, j, LK_DEICTIC)) j++;   /* اليوم الجمعة */
    else if (kind(s, j, LK_WDAY) && !kind(s, j, LK_DEICTIC) && !kind(s, j + 1, LK_SHIFT) &&
             (s->u[j].flags & CHR_TOK_ARABIC))
        j++;                                  /* أمس الأربعاء، بعد غد السبت: the day named again */
    if (!e->daypart) j += daypart_after(s, j, e);
    return j - i;
}

/* A weekday: "يوم الثلاثاء", "الجمعة الماضية", "next Thursday", "ليلة الجمعة",
 * "Thursday night". */
/* e becomes weekday wd of the week shift weeks from the anchor's
 * ("الأسبوع المقبل يوم الجمعة", "next week on Tuesday"). */
static void weekday_in_week(texpr *e, int wd, int shift)
{
    e->kind = X_WDAY;
    e->wd = wd;
    e->inweek = 1;
    e->wshift = shift;
    e->shift = 2;
}

static int p_weekday(const S *s, int i, texpr *e)
{
    int j = i, dp = 0, shift = 2;
    if (kind(s, j, LK_DAYPART) && !kind(s, j, LK_DEICTIC)) {
        int k = j + 1;
        if (fn(s, k, F_DAY)) k++;
        if (kind(s, k, LK_WDAY) ||
            ((kind(s, k, LK_SHIFT) || fn(s, k, F_THIS)) && kind(s, k + 1, LK_WDAY))) {   /* صباح هذا الثلاثاء */
            dp = val(s, j, LK_DAYPART);
            j = k;
        }
    }
    if ((kind(s, j, LK_SHIFT) || fn(s, j, F_THIS)) && kind(s, j + 1, LK_WDAY)) {
        shift = kind(s, j, LK_SHIFT) ? val(s, j, LK_SHIFT) : 0;
        j++;
    }
    if (fn(s, j, F_DAY) && kind(s, j + 1, LK_WDAY)) j++;
    if (!kind(s, j, LK_WDAY)) return 0;
    /* English weekday abbreviations that are words too (Sun, Sat, Wed) need
     * a capital. */
    if (kind(s, j, LK_AMBIG) && (!(s->u[j].flags & (CHR_TOK_UPPER | CHR_TOK_ARABIC)) || fn(s, j - 1, F_THE)))
        return 0;
    /* "Sunday Times": a capitalized unknown word after it makes a name */
    if (!(s->u[j].flags & CHR_TOK_ARABIC) && j + 1 < s->nu && !s->u[j + 1].lx &&
        (s->u[j + 1].flags & CHR_TOK_UPPER) && !(s->u[j + 1].flags & CHR_TOK_BREAK))
        return 0;
    e->kind = X_WDAY;
    e->wd = val(s, j, LK_WDAY);
    j++;
    if (shift == 2 && kind(s, j, LK_SHIFT)) { shift = val(s, j, LK_SHIFT); j++; }
    e->shift = shift;
    /* الجمعة من الأسبوع المقبل, Friday of next week */
    texpr wk;
    texpr_init(&wk);
    int l;
    if (shift == 2 && fn(s, j, F_OF) && (l = p_unitrel(s, j + 1, &wk)) && wk.unit == U_W) {
        weekday_in_week(e, e->wd, wk.shift);
        return j + 1 + l - i;
    }
    e->daypart = dp;
    if (!dp) j += daypart_after(s, j, e);
    /* ليل السبت الأحد, ليلة الجمعة-السبت, ليلة الخميس إلى الجمعة: the night
     * from one day into the next is the first day's night */
    int k = j + ((isdash(s, j) || fn(s, j, F_TO | F_OF)) && (s->u[i].flags & CHR_TOK_ARABIC) ? 1 : 0);
    if (dp == DP_NI && (s->u[i].flags & CHR_TOK_ARABIC) && kind(s, k, LK_WDAY) &&
        val(s, k, LK_WDAY) == e->wd % 7 + 1)
        j = k + 1;
    return j - i;
}

/* A count before a unit: 3, ثلاثة, a, several (-1).  Returns units used. */
static int count_num(const S *s, int i, int *n)
{
    if (isnum(s, i) && !s->u[i].ordsuf && s->u[i].nd <= 4) {
        *n = (int)s->u[i].num;
        return 1;
    }
    if (kind(s, i, LK_CARD) && val(s, i, LK_CARD) < 0) {
        *n = -1;                                 /* several, بضعة */
        return 1;
    }
    long w;
    int l = number_words(s, i, &w);
    if (l && w < 100000) {
        *n = (int)w;
        return l;
    }
    return 0;
}

/* A count and its unit, as count_unit() reads it. */
typedef struct cu {
    int n, u, half;
    int frac, fracdig;    /* "3.5": frac 5, one digit */
    int sub_u, sub_n;     /* a quarter or third after the unit, in a finer one ("ساعة وربع": 15 minutes) */
} cu;

/* "ربع قرن", "ربع ساعة", "a quarter century", "a quarter of an hour": a
 * quarter of the unit after the word, not a quarter of a year.  j is the
 * quarter word; sets c and returns the units read, or 0. */
static int quarter_of(const S *s, int j, cu *c)
{
    if (!kind(s, j, LK_UNIT) || val(s, j, LK_UNIT) != U_Q || val2(s, j, LK_UNIT)) return 0;
    int k = j + 1;
    if (fn(s, k, F_OF)) {
        k++;
        if (fn(s, k, F_DET | F_THE)) k++;
    }
    if (!kind(s, k, LK_UNIT) || val2(s, k, LK_UNIT)) return 0;
    switch (val(s, k, LK_UNIT)) {
    case U_CE: c->u = U_Y; c->n = 25; break;
    case U_Y: c->u = U_M; c->n = 3; break;
    case U_D: c->u = U_HOUR; c->n = 6; break;
    case U_HOUR: c->u = U_MIN; c->n = 15; break;
    default: return 0;
    }
    return k + 1 - j;
}

/* Whether the quarters counted at unit j are a fraction of what follows:
 * "ثلاثة أرباع الأعضاء", "three quarters of the members" (a definite word,
 * or "of" and a word, that is no time word). */
static int quarters_of_thing(const S *s, int j)
{
    if (val(s, j, LK_UNIT) != U_Q || j + 1 >= s->nu) return 0;
    int k = j + 1;
    /* Arabic: a definite word, or a noun in construct with one ("ثلاثة
     * أرباع أعضاء البرلمان"); "ثلاثة أرباع متتالية" stays time */
    if (s->u[j].flags & CHR_TOK_ARABIC)
        return !s->u[k].lx && (definite(s, k) || (k + 1 < s->nu && definite(s, k + 1) && !s->u[k + 1].lx));
    if (!fn(s, k, F_OF)) return 0;
    k++;
    if (fn(s, k, F_DET | F_THE)) k++;
    return k < s->nu && !s->u[k].lx;
}

/* Whether unit j repeats unit u with the article after a fraction of it
 * ("ونصف الساعة", "وربع الساعة"): part of the duration. */
static int same_unit_after(const S *s, int j, int u)
{
    return kind(s, j, LK_UNIT) && val(s, j, LK_UNIT) == u && !val2(s, j, LK_UNIT) && definite(s, j) &&
           (s->u[j].flags & CHR_TOK_ARABIC) && !kind(s, j + 1, LK_SHIFT);
}

/* A quarter or a third of unit u after و ("ساعة وربع", "عامين وثلث", "يوم
 * و ربع"), with the unit again after it ("ساعة وربع الساعة"): as a count of
 * the finer unit it makes whole (15 minutes, 4 months, 6 hours), in *sub_u
 * and *sub_n.  Not a quarter of another unit ("وربع ساعة", a duration of its
 * own), nor of a unit it does not divide (a month, a week).  Returns the
 * units read, 0 when none. */
static int fraction_after(const S *s, int j, int u, int *sub_u, int *sub_n)
{
    int k = j, div;
    if (fn(s, k, F_AND) && !(s->u[k].flags & CHR_TOK_NUM) && (s->u[k].flags & CHR_TOK_ARABIC)) k++;
    else if (!(k < s->nu && s->u[k].wa)) return 0;
    if (kind(s, k, LK_UNIT) && val(s, k, LK_UNIT) == U_Q && !val2(s, k, LK_UNIT) && !kind(s, k, LK_PLURAL)) div = 4;
    else if (fn(s, k, F_THIRD)) div = 3;
    else return 0;
    /* وربع الأصوات, وثلث المقاعد: a fraction of a thing */
    if (k + 1 < s->nu && !s->u[k + 1].lx && (s->u[k + 1].flags & CHR_TOK_WORD) && definite(s, k + 1)) return 0;
    k++;
    if (same_unit_after(s, k, u)) k++;
    else if (kind(s, k, LK_UNIT)) return 0;
    switch (u) {
    case U_Y: *sub_u = U_M; *sub_n = 12 / div; break;
    case U_D: *sub_u = U_HOUR; *sub_n = 24 / div; break;
    case U_HOUR: *sub_u = U_MIN; *sub_n = 60 / div; break;
    default: return 0;
    }
    return k - j;
}

/* COUNT UNIT | dual UNIT: "ثلاثة أيام", "أسبوعين", "two weeks", "a decade",
 * "several days", "four-week", "ساعة ونصف", "3.5 سنوات", "ساعتين ونصف". */
static int count_unit(const S *s, int i, cu *c)
{
    int j = i, n = 0, q;
    memset(c, 0, sizeof *c);
    if ((q = quarter_of(s, j, c))) {
        j += q;
    } else if (kind(s, j, LK_UNIT) && val2(s, j, LK_UNIT)) {
        c->u = val(s, j, LK_UNIT);
        c->n = val2(s, j, LK_UNIT);
        j++;
    } else {
        int l = count_num(s, j, &n);
        if (!l) return 0;
        j += l;
        /* two and a half years: the half before the unit */
        int half_first = 0;
        if (fn(s, j, F_AND) && fn(s, j + 1, F_DET) && fn(s, j + 2, F_HALF) && kind(s, j + 3, LK_UNIT) &&
            !(s->u[j].flags & CHR_TOK_ARABIC)) {
            half_first = 1;
            j += 3;
        }
        /* 3.5, ٣٫٥: a decimal count (a date never has a unit after it) */
        if (isnum(s, i) && l == 1 && (is_punct(s, j, '.') || is_punct(s, j, 0x066B) || is_punct(s, j, ',')) &&
            glued(s, j) && isnum(s, j + 1) && glued(s, j + 1) && s->u[j + 1].nd <= 6 &&
            kind(s, j + 2, LK_UNIT)) {
            c->frac = (int)s->u[j + 1].num;
            c->fracdig = s->u[j + 1].nd;
            j += 2;
        }
        if (isdash(s, j) && glued(s, j) && glued(s, j + 1)) {           /* four-week */
            j++;
            /* a 22-year-old is an age, not a duration */
            if (isdash(s, j + 1) && glued(s, j + 1) && j + 2 < s->nu && s->u[j + 2].lx == NULL &&
                (s->u[j + 2].flags & CHR_TOK_WORD))
                return 0;
        }
        if (n == 1 && (q = quarter_of(s, j, c))) return j + q - i;      /* a quarter century */
        if (!kind(s, j, LK_UNIT) || val2(s, j, LK_UNIT)) return 0;
        if (val(s, j, LK_UNIT) == U_WE) return 0;       /* weekends are not counted time */
        /* a counted noun takes no preposition: "القانون رقم 15 لعام 2024" is
         * law 15 of 2024, not fifteen years */
        if (s->u[j].prep) return 0;
        /* an unspecified count takes a plural ("several days", "عشرات
         * السنين"): "تظاهر العشرات يوم الجمعة" is dozens, then a day */
        if (n < 0 && !kind(s, j, LK_PLURAL)) return 0;
        /* an Arabic number word agrees with what it counts: 3 to 10 take
         * a plural (ثلاثة أيام), one and two follow their noun (يوم واحد،
         * دبلوماسيين اثنين): "قتل ثلاثة يوم الثلاثاء" counts people, then
         * names a day.  (Digits are written with the singular too: "3
         * ساعة".) */
        if ((s->u[j].flags & CHR_TOK_ARABIC) && !kind(s, j, LK_PLURAL) && !isnum(s, i) && n >= 1 && n <= 10)
            return 0;
        /* "day" before a weekday or "yesterday" is part of its name: "قتل
         * 15 يوم الجمعة" */
        if (val(s, j, LK_UNIT) == U_D && !kind(s, j, LK_PLURAL) &&
            (kind(s, j + 1, LK_WDAY) || kind(s, j + 1, LK_DEICTIC)))
            return 0;
        if (quarters_of_thing(s, j)) return 0;
        /* a counted Arabic noun is indefinite: "في 15 الساعة 8" is the 15th
         * at 8 (a plural with the article, "3 الساعات", is still read) */
        if (definite(s, j) && !kind(s, j, LK_PLURAL)) return 0;
        /* "a second week", "for a second term": the ordinal, not a duration */
        if (val(s, j, LK_UNIT) == U_SEC && n == 1 && fn(s, i, F_DET) && !(s->u[j].flags & CHR_TOK_ARABIC) && j + 1 < s->nu &&
            (s->u[j + 1].flags & CHR_TOK_WORD) && !fn(s, j + 1, F_AND | F_IN | F_TO | F_OF) &&
            !kind(s, j + 1, LK_AGO))
            return 0;
        if (isdash(s, j + 1) && glued(s, j + 1) && fn(s, j + 2, F_LONG)) return 0;   /* a week-long: below */
        c->u = val(s, j, LK_UNIT);
        c->n = n;
        c->half = half_first;
        j++;
    }
    if (c->half) { /* said before the unit */ }
    else if (j < s->nu && s->u[j].wa && fn(s, j, F_HALF) && !c->fracdig) { c->half = 1; j++; }
    else if (fn(s, j, F_AND) && fn(s, j + 1, F_HALF) && !c->fracdig) { c->half = 1; j += 2; }
    else if (!c->fracdig && c->n > 0 && (q = fraction_after(s, j, c->u, &c->sub_u, &c->sub_n))) j += q;
    if (c->half && same_unit_after(s, j, c->u)) j++;                   /* ساعتين ونصف الساعة */
    else if (fn(s, j, F_AND) && fn(s, j + 1, F_DET) && fn(s, j + 2, F_HALF) && !c->fracdig &&
             !(s->u[j].flags & CHR_TOK_ARABIC)) { c->half = 1; j += 3; }      /* a year and a half */
    if (fn(s, j, F_FULL)) j++;                                          /* ثلاثة أيام كاملة */
    return j - i;
}

/* The units a compound offset or duration may chain, coarsest first; 0
 * for the others (quarters, halves, weekends, decades, centuries). */
static int unit_rank(int u)
{
    switch (u) {
    case U_Y: return 1;
    case U_M: return 2;
    case U_W: return 3;
    case U_D: return 4;
    case U_HOUR: return 5;
    case U_MIN: return 6;
    case U_SEC: return 7;
    default: return 0;
    }
}

/* Half of a year is six months, of a month fifteen days: the finer unit a
 * count "and a half" moves by (0: none that keeps the date whole). */
static int half_unit(int u) { return u == U_Y ? U_M : u == U_M ? U_D : 0; }

/* An offset of n units and a half, as a compound (half_unit(u) != 0). */
static void offset_half(texpr *e, int u, int n)
{
    e->dur[u] = (short)n;
    e->dur[half_unit(u)] = u == U_Y ? 6 : 15;
}

/* Whether units k, k + 1 are من الآن, "from now": the anchor itself, where a
 * من after a count would otherwise count from an event. */
static int from_now(const S *s, int k)
{
    return fn(s, k, F_OF) && kind(s, k + 1, LK_REF) && val(s, k + 1, LK_REF) == REF_PRESENT;
}

/* The direction a shift word points: -1 back, 1 ahead, 0 this. */
static int shift_dir(const S *s, int i)
{
    int v = val(s, i, LK_SHIFT);
    return v < 0 ? -1 : v > 0;
}

/* Before/after the anchor by a count of units: "منذ شهرين", "قبل أسبوعين",
 * "two weeks ago", "بعد ثلاثة أيام", "three days later". */
static int p_ago(const S *s, int i, texpr *e)
{
    int l, y, hj;
    cu c;
    int ap = kind(s, i, LK_AGO) && kind(s, i + 1, LK_APPROX) ? 1 : 0;    /* قبل أكثر من عامين */
    /* "in two weeks" points ahead only in a sentence not about the past;
     * "finished in less than a month" is a duration. */
    if (kind(s, i, LK_AGO) && fn(s, i, F_IN) && !(s->u[i].flags & CHR_TOK_ARABIC) &&
        (ap || tense_at(s, i, i + 1) < 0))
        return 0;
    /* a vague count ("قبل بضعة أشهر", "a few months ago") is a past (future) reference */
    if (kind(s, i, LK_AGO) && (l = count_unit(s, i + 1 + ap, &c)) && !c.fracdig && (c.n > 0 || c.n == -1) &&
        (!c.half || half_unit(c.u))) {
        int k = i + 1 + ap + l, now = 0;
        /* بعد أسبوعين من الآن، قبل عامين من الآن: "now" is the anchor itself */
        if (from_now(s, k))
            now = 2;
        else if (fn(s, k, F_OF)) return 0;          /* بعد ثلاثة أشهر على الاتفاق: from an event */
        e->kind = X_AGO;
        e->dir = val(s, i, LK_AGO);
        e->n = c.n;
        e->unit = c.u;
        if (c.half) offset_half(e, c.u, c.n);          /* قبل ثلاثة أعوام ونصف */
        if (c.sub_u) {                                  /* منذ عامين وربع */
            e->dur[c.u] = (short)c.n;
            e->dur[c.sub_u] = (short)c.sub_n;
        }
        if (ap) {
            e->mod = val(s, i + 1, LK_APPROX);
            if (e->mod == 6 || e->mod == 7) e->mod = (e->mod == 7) == (e->dir < 0) ? 2 : 3;
        }
        return 1 + ap + l + now;
    }
    if (kind(s, i, LK_AGO) && kind(s, i + 1 + ap, LK_UNIT) && !val2(s, i + 1 + ap, LK_UNIT) &&
        !kind(s, i + 2 + ap, LK_SHIFT) && (s->u[i + 1 + ap].flags & CHR_TOK_ARABIC) &&
        !kind(s, i + 1 + ap, LK_PLURAL) && !definite(s, i + 1 + ap) &&
        !year_num(s, i + 1 + ap, &y, &hj, 0)) {
        /* قبل أسبوع: a singular unit counts one; "منذ عام 2012", "منذ عام
         * ألفين وعشرة" are the year.
         * As with a count, "قبل يوم من الاجتماع" is before an event, not
         * before the anchor; "بعد أسبوع من الآن" is from the anchor.
         * "قبل شهر واحد": the unit, then "one". */
        int one = kind(s, i + 2 + ap, LK_CARD) && val(s, i + 2 + ap, LK_CARD) == 1 &&
                  !(s->u[i + 2 + ap].wa) ? 1 : 0;
        int u = val(s, i + 1 + ap, LK_UNIT), k = i + 2 + ap + one, now = 0;
        int half = k < s->nu && s->u[k].wa && fn(s, k, F_HALF) && half_unit(u) ? 1 : 0;   /* قبل عام ونصف */
        k += half;
        int sub_u = 0, sub_n = 0, fr = half ? 0 : fraction_after(s, k, u, &sub_u, &sub_n);   /* قبل ساعة وربع */
        k += fr;
        if (from_now(s, k))
            now = 2;
        else if (fn(s, k, F_OF)) return 0;
        e->kind = X_AGO;
        e->dir = val(s, i, LK_AGO);
        e->n = 1;
        e->unit = u;
        if (half) offset_half(e, u, 1);
        if (fr) {
            e->dur[u] = 1;
            e->dur[sub_u] = (short)sub_n;
        }
        if (ap) {
            e->mod = val(s, i + 1, LK_APPROX);
            if (e->mod == 6 || e->mod == 7) e->mod = (e->mod == 7) == (e->dir < 0) ? 2 : 3;
        }
        return 2 + ap + one + half + fr + now;
    }
    /* a bare plural unit: قبل أيام، منذ سنوات، بعد أشهر، "years ago" — a past
     * (future) reference; not "قبل أيام من الانتخابات", from an event */
    if (kind(s, i, LK_AGO) && (s->u[i].flags & CHR_TOK_ARABIC) && kind(s, i + 1, LK_UNIT) &&
        kind(s, i + 1, LK_PLURAL) && !definite(s, i + 1) && !val2(s, i + 1, LK_UNIT)) {
        int k = i + 2;
        if (kind(s, k, LK_CARD) && val(s, k, LK_CARD) == -1) k++;       /* قبل أيام قليلة */
        if (fn(s, k, F_OF) || kind(s, k, LK_SHIFT) || isnum(s, k) || kind(s, k, LK_CARD)) return 0;
        e->kind = X_AGO;
        e->dir = val(s, i, LK_AGO);
        e->n = -1;
        e->unit = val(s, i + 1, LK_UNIT);
        return k - i;
    }
    if (kind(s, i, LK_UNIT) && kind(s, i, LK_PLURAL) && !val2(s, i, LK_UNIT) && !(s->u[i].flags & CHR_TOK_ARABIC) &&
        kind(s, i + 1, LK_AGO) && !fn(s, i + 1, F_IN) && !(s->u[i + 1].flags & CHR_TOK_ARABIC) &&
        !fn(s, i - 1, F_THE) && !kind(s, i - 1, LK_CARD) && !isnum(s, i - 1) && !kind(s, i - 1, LK_SHIFT)) {
        e->kind = X_AGO;
        e->dir = val(s, i + 1, LK_AGO);
        e->n = -1;
        e->unit = val(s, i, LK_UNIT);
        return 2;
    }
    if ((l = count_unit(s, i, &c)) && kind(s, i + l, LK_AGO) && !(s->u[i + l].flags & CHR_TOK_ARABIC) &&
        !fn(s, i + l, F_IN) && !c.fracdig && (c.n > 0 || c.n == -1) && (!c.half || half_unit(c.u))) {
        e->kind = X_AGO;
        e->dir = val(s, i + l, LK_AGO);
        e->n = c.n;
        e->unit = c.u;
        if (c.half) offset_half(e, c.u, c.n);          /* two and a half years ago */
        return l + 1;
    }
    return 0;
}

/* A singular or dual Arabic unit with no count and no article ("شهر",
 * "عامين"): one (two) of that unit.  Only a member of a compound duration
 * uses it; alone, "شهر" is too often not a duration. */
static int bare_unit(const S *s, int i, texpr *e)
{
    if (!kind(s, i, LK_UNIT) || kind(s, i, LK_PLURAL) || kind(s, i, LK_DEICTIC) || definite(s, i) ||
        !(s->u[i].flags & CHR_TOK_ARABIC))
        return 0;
    int u = val(s, i, LK_UNIT);
    if (u == U_WE || u == U_Q || u == U_H || u == U_DE || u == U_CE) return 0;
    texpr_init(e);
    if (kind(s, i + 1, LK_SHIFT) || isnum(s, i + 1) || kind(s, i + 1, LK_MONTH) || kind(s, i + 1, LK_WDAY) ||
        ((kind(s, i + 1, LK_CARD) || kind(s, i + 1, LK_ORD)) && !(i + 1 < s->nu && s->u[i + 1].wa)))
        return 0;
    e->kind = X_DUR;
    e->n = val2(s, i, LK_UNIT) ? val2(s, i, LK_UNIT) : 1;
    e->unit = u;
    return 1;
}

/* A duration: "ثلاثة أيام", "لمدة عامين" (span from the count), "the past
 * three years", "السنوات الثلاث الماضية", "a decade", "several days". */
static int p_duration(const S *s, int i, texpr *e)
{
    int l, j = i;
    cu c;
    if (fn(s, j, F_THE) && kind(s, j + 1, LK_SHIFT)) j++;
    int shifted = kind(s, j, LK_SHIFT) && val(s, j, LK_SHIFT) != 0;
    /* آخر 3 سنوات, آخر ثلاثة أيام: the last so many, a duration */
    int last = !shifted && (s->u[j].flags & CHR_TOK_ARABIC) && kind(s, j, LK_PART) &&
               val(s, j, LK_PART) == PART_END && (isnum(s, j + 1) || kind(s, j + 1, LK_CARD));
    if (shifted || last) j++;
    if ((l = count_unit(s, j, &c))) {
        if (kind(s, j + l, LK_AGO) && !(s->u[j + l].flags & CHR_TOK_ARABIC) && !fn(s, j + l, F_IN))
            return 0;                                   /* "two days ago" */
        /* "ثلاثة في المئة العام الماضي": a counted Arabic noun is indefinite */
        if (l > 1 && definite(s, j + l - 1) && kind(s, j + l, LK_SHIFT)) return 0;
        e->kind = X_DUR;
        e->n = c.n;
        e->unit = c.u;
        e->half = c.half;
        e->frac = c.frac;
        e->fracdig = c.fracdig;
        if (c.sub_u) {                                  /* ساعتين وربع: PT2H15M */
            e->dur[c.u] = (short)c.n;
            e->dur[c.sub_u] = (short)c.sub_n;
        }
        if (shifted) e->adir = shift_dir(s, j - 1);
        if (last) e->adir = -1;
        j += l;
        if (kind(s, j, LK_SHIFT) && (s->u[j].flags & CHR_TOK_ARABIC)) {     /* الأسبوعين الماضيين */
            e->adir = shift_dir(s, j);
            j++;
        }
        return j - i;
    }
    /* Arabic: UNIT(plural) COUNT SHIFT, "السنوات الثلاث الماضية", with the
     * count in digits after الـ: "الساعات الـ24 الماضية". */
    int the_num = fn(s, j + 1, F_THE) && isnum(s, j + 2) && s->u[j + 2].nd <= 3 && s->u[j + 2].num > 1 &&
                  kind(s, j, LK_PLURAL) && (s->u[j].flags & CHR_TOK_ARABIC) ? 1 : 0;
    if (!shifted && kind(s, j, LK_UNIT) && val(s, j, LK_UNIT) != U_WE && kind(s, j + 2 + the_num, LK_SHIFT) &&
        (the_num || (kind(s, j + 1, LK_CARD) && val(s, j + 1, LK_CARD) > 1))) {
        e->kind = X_DUR;
        e->n = the_num ? (int)s->u[j + 2].num : val(s, j + 1, LK_CARD);
        e->unit = val(s, j, LK_UNIT);
        j += the_num;
        e->adir = shift_dir(s, j + 2);
        return j + 3 - i;
    }
    if (shifted || last) return 0;
    int unit_ok = kind(s, j, LK_UNIT) && !kind(s, j, LK_DEICTIC) && val(s, j, LK_UNIT) != U_WE;
    /* week-long, month-long */
    if (unit_ok && !val2(s, j, LK_UNIT) && isdash(s, j + 1) && glued(s, j + 1) && glued(s, j + 2) &&
        fn(s, j + 2, F_LONG)) {
        e->kind = X_DUR;
        e->n = 1;
        e->unit = val(s, j, LK_UNIT);
        return j + 3 - i;
    }
    /* نصف ساعة, half an hour, half a year */
    if (fn(s, j, F_HALF)) {
        int k = j + 1;
        if (kind(s, k, LK_CARD) && val(s, k, LK_CARD) == 1 && !(s->u[k].flags & CHR_TOK_ARABIC)) k++;
        if (kind(s, k, LK_UNIT) && !val2(s, k, LK_UNIT) && !kind(s, k, LK_PLURAL) && val(s, k, LK_UNIT) != U_WE) {
            e->kind = X_DUR;
            e->n = 0;
            e->frac = 5;
            e->fracdig = 1;
            e->unit = val(s, k, LK_UNIT);
            return k + 1 - i;
        }
    }
    /* نصف سنة / نصف عام standing alone (one lexicon form, the unit H): half a
     * year; not "نصف السنة الأول", which p_quarter reads. */
    if (unit_ok && val(s, j, LK_UNIT) == U_H && (s->u[j].flags & CHR_TOK_ARABIC) && !definite(s, j) &&
        !kind(s, j + 1, LK_ORD) && !kind(s, j + 1, LK_SHIFT) && !fn(s, j - 1, F_THE)) {
        e->kind = X_DUR;
        e->n = 0;
        e->frac = 5;
        e->fracdig = 1;
        e->unit = U_Y;
        return j + 1 - i;
    }
    /* طوال العام, all year, throughout the week: one whole unit */
    if (fn(s, j, F_WHOLE)) {
        int k = j + 1;
        if (fn(s, k, F_THE)) k++;
        if (kind(s, k, LK_UNIT) && !val2(s, k, LK_UNIT) && !kind(s, k, LK_PLURAL) && val(s, k, LK_UNIT) != U_WE &&
            !kind(s, k + 1, LK_SHIFT) && !kind(s, k + 1, LK_ORD) && !isnum(s, k + 1) &&
            !kind(s, k + 1, LK_WDAY) && !kind(s, k + 1, LK_MONTH) && !kind(s, k + 1, LK_CARD) &&
            (!(s->u[k].flags & CHR_TOK_ARABIC) || definite(s, k) || !kind(s, j, LK_SET))) {
            /* not طوال القرن العشرين, طوال يوم الجمعة; an indefinite unit after
             * طوال / طيلة is one whole unit (طوال أسبوع), after كل it is a set */
            e->kind = X_DUR;
            e->n = 1;
            e->unit = val(s, k, LK_UNIT);
            if (fn(s, k + 1, F_FULL)) k++;                          /* طيلة شهر كامل */
            return k + 1 - i;
        }
        /* طوال اليوم: the whole day, not today */
        if ((s->u[k].flags & CHR_TOK_ARABIC) && kind(s, k, LK_DEICTIC) && val(s, k, LK_DEICTIC) == 0 &&
            !val2(s, k, LK_DEICTIC) && definite(s, k) && !kind(s, k + 1, LK_SHIFT) && !kind(s, k + 1, LK_WDAY) &&
            !fn(s, k + 1, F_THIS)) {
            e->kind = X_DUR;
            e->n = 1;
            e->unit = U_D;
            return k + 1 - i;
        }
    }
    /* a full day, the whole week; يوم كامل, سنة كاملة */
    if (fn(s, j, F_FULL) && kind(s, j + 1, LK_UNIT) && !val2(s, j + 1, LK_UNIT) && !kind(s, j + 1, LK_PLURAL) &&
        val(s, j + 1, LK_UNIT) != U_WE) {
        e->kind = X_DUR;
        e->n = 1;
        e->unit = val(s, j + 1, LK_UNIT);
        return j + 2 - i;
    }
    if (unit_ok && !val2(s, j, LK_UNIT) && !kind(s, j, LK_PLURAL) && fn(s, j + 1, F_FULL)) {
        e->kind = X_DUR;
        e->n = 1;
        e->unit = val(s, j, LK_UNIT);
        return j + 2 - i;
    }
    /* ساعة ونصف: a singular unit and a half */
    if (unit_ok && !val2(s, j, LK_UNIT) && !kind(s, j, LK_PLURAL) && j + 1 < s->nu && s->u[j + 1].wa &&
        fn(s, j + 1, F_HALF) && !definite(s, j)) {
        e->kind = X_DUR;
        e->n = 1;
        e->half = 1;
        e->unit = val(s, j, LK_UNIT);
        return j + 2 + same_unit_after(s, j + 2, e->unit) - i;
    }
    /* ساعة وربع, سنة وثلث: a singular unit and a quarter or third */
    int sub_u, sub_n;
    if (unit_ok && !val2(s, j, LK_UNIT) && !kind(s, j, LK_PLURAL) && !definite(s, j) &&
        (s->u[j].flags & CHR_TOK_ARABIC) && (l = fraction_after(s, j + 1, val(s, j, LK_UNIT), &sub_u, &sub_n))) {
        e->kind = X_DUR;
        e->n = 1;
        e->unit = val(s, j, LK_UNIT);
        e->dur[e->unit] = 1;
        e->dur[sub_u] = (short)sub_n;
        return j + 1 + l - i;
    }
    /* أسبوعاً واحداً: the unit, then "one" */
    if (unit_ok && !val2(s, j, LK_UNIT) && kind(s, j + 1, LK_CARD) && val(s, j + 1, LK_CARD) == 1 &&
        (s->u[j].flags & CHR_TOK_ARABIC) && !definite(s, j)) {
        e->kind = X_DUR;
        e->n = 1;
        e->unit = val(s, j, LK_UNIT);
        return j + 2 - i;
    }
    /* "minutes before the plane left", "days after the vote": an English
     * bare plural unit that measures the gap to an event, a vague duration */
    if (unit_ok && kind(s, j, LK_PLURAL) && !val2(s, j, LK_UNIT) && !(s->u[j].flags & CHR_TOK_ARABIC) &&
        fn(s, j + 1, F_AFTER | F_BEFORE) && !fn(s, j - 1, F_THE) && !kind(s, j - 1, LK_CARD) &&
        !kind(s, j - 1, LK_SHIFT) && !isnum(s, j - 1) && !kind(s, j - 1, LK_APPROX)) {
        e->kind = X_DUR;
        e->n = -1;
        e->unit = val(s, j, LK_UNIT);
        return j + 1 - i;
    }
    /* لمدة أسبوع / for a week: the unit alone after a duration word. */
    if ((fn(s, i - 1, F_DURING) || kind(s, i - 1, LK_APPROX)) && unit_ok &&
        !kind(s, j + 1, LK_SHIFT) && !fn(s, j + 1, F_THIS) && !fn(s, j - 1, F_THE) && !definite(s, j)) {
        e->kind = X_DUR;
        e->n = val2(s, j, LK_UNIT) ? val2(s, j, LK_UNIT) : kind(s, j, LK_PLURAL) ? -1 : 1;   /* for years: PXY */
        e->unit = val(s, j, LK_UNIT);
        return j + 1 - i;
    }
    return 0;
}

/* This/last/next UNIT: "الأسبوع المقبل", "العام الماضي", "هذا العام",
 * "last week", "next year", "this month", "the weekend". */
static int p_unitrel(const S *s, int i, texpr *e)
{
    int j = i;
    if (fn(s, j, F_THE) && (kind(s, j + 1, LK_SHIFT) || kind(s, j + 1, LK_UNIT))) j++;
    /* "this fiscal year": a kind of year before the unit (only a year) */
    int q = (kind(s, j, LK_SHIFT) || fn(s, j, F_THIS)) && fn(s, j + 1, F_FISCAL) && kind(s, j + 2, LK_UNIT) &&
            val(s, j + 2, LK_UNIT) == U_Y ? 1 : 0;
    if ((kind(s, j, LK_SHIFT) || fn(s, j, F_THIS)) && kind(s, j + 1 + q, LK_UNIT) && !val2(s, j + 1 + q, LK_UNIT) &&
        !kind(s, j + 1 + q, LK_PLURAL)) {
        e->kind = X_UNITREL;
        e->shift = kind(s, j, LK_SHIFT) ? val(s, j, LK_SHIFT) : 0;
        e->unit = val(s, j + 1 + q, LK_UNIT);
        /* "next week on Tuesday": a weekday of that week */
        int k = j + 2 + q;
        if (e->unit == U_W && !q && fn(s, k, F_IN) && kind(s, k + 1, LK_WDAY) && !kind(s, k + 1, LK_AMBIG) &&
            !(s->u[k].flags & CHR_TOK_ARABIC)) {
            weekday_in_week(e, val(s, k + 1, LK_WDAY), e->shift);
            return k + 2 - i;
        }
        return j + 2 + q - i;
    }
    if (kind(s, j, LK_UNIT) && !val2(s, j, LK_UNIT) && !kind(s, j, LK_DEICTIC) && !kind(s, j, LK_PLURAL)) {
        /* العام المالي الحالي: after the unit */
        int q2 = val(s, j, LK_UNIT) == U_Y && fn(s, j + 1, F_FISCAL) && kind(s, j + 2, LK_SHIFT) ? 1 : 0;
        if (q2) {
            e->kind = X_UNITREL;
            e->shift = val(s, j + 2, LK_SHIFT);
            e->unit = U_Y;
            return j + 3 - i;
        }
        if (kind(s, j + 1, LK_SHIFT)) {
            e->kind = X_UNITREL;
            e->shift = val(s, j + 1, LK_SHIFT);
            e->unit = val(s, j, LK_UNIT);
            /* الأسبوع المقبل يوم الجمعة: a weekday of that week */
            int k = j + 2;
            if (e->unit == U_W && fn(s, k, F_DAY) && kind(s, k + 1, LK_WDAY)) k++;
            if (e->unit == U_W && kind(s, k, LK_WDAY) && (s->u[k].flags & CHR_TOK_ARABIC)) {
                weekday_in_week(e, val(s, k, LK_WDAY), e->shift);
                return k + 1 - i;
            }
            return j + 2 - i;
        }
        /* "the week after next", "the year before last": two away */
        if (fn(s, j - 1, F_THE) && kind(s, j + 2, LK_SHIFT) && !(s->u[j].flags & CHR_TOK_ARABIC) &&
            !kind(s, j + 3, LK_UNIT) &&
            ((fn(s, j + 1, F_AFTER) && val(s, j + 2, LK_SHIFT) > 0) ||
             (fn(s, j + 1, F_BEFORE) && val(s, j + 2, LK_SHIFT) < 0))) {
            e->kind = X_UNITREL;
            e->shift = 2 * val(s, j + 2, LK_SHIFT);
            e->unit = val(s, j, LK_UNIT);
            return j + 3 - i;
        }
        /* الأسبوع بعد القادم, العام قبل الماضي: two away */
        if (kind(s, j + 1, LK_AGO) && kind(s, j + 2, LK_SHIFT) && val(s, j + 2, LK_SHIFT) &&
            val(s, j + 1, LK_AGO) == val(s, j + 2, LK_SHIFT)) {
            e->kind = X_UNITREL;
            e->shift = 2 * val(s, j + 2, LK_SHIFT);
            e->unit = val(s, j, LK_UNIT);
            return j + 3 - i;
        }
        if (fn(s, j + 1, F_THIS) && (s->u[j].flags & CHR_TOK_ARABIC)) {   /* العام هذا */
            e->kind = X_UNITREL;
            e->unit = val(s, j, LK_UNIT);
            e->shift = 0;
            return j + 2 - i;
        }
        if (val(s, j, LK_UNIT) == U_WE && (j > i || (s->u[j].flags & CHR_TOK_ARABIC))) {   /* the weekend */
            e->kind = X_UNITREL;
            e->unit = U_WE;
            e->shift = 0;
            return j + 1 - i;
        }
    }
    return 0;
}

/* The period a part or quarter refers to: a month, a year, this/next UNIT,
 * a day, or "the year" meaning the current one. */
static int period_ref(const S *s, int i, texpr *e, int allow_the_unit)
{
    int l, best = 0;
    texpr t;
    texpr_init(&t); if ((l = p_month(s, i, &t)) > best) { best = l; *e = t; }
    texpr_init(&t); if ((l = p_unitrel(s, i, &t)) > best) { best = l; *e = t; }
    texpr_init(&t); if ((l = p_dmy(s, i, &t)) > best && !t.bare) { best = l; *e = t; }
    texpr_init(&t); if ((l = p_deictic(s, i, &t)) > best) { best = l; *e = t; }
    texpr_init(&t); if ((l = p_weekday(s, i, &t)) > best) { best = l; *e = t; }
    texpr_init(&t); if ((l = p_decade(s, i, &t)) > best) { best = l; *e = t; }
    texpr_init(&t);
    int y, hj;
    long w;
    if ((l = year_num(s, i, &y, &hj, 0)) > best) {
        t.kind = X_CAL; t.y = y; t.ym = Y_ABS; t.hijri = hj;
        best = l; *e = t;
    } else if (!best && fn(s, i - 1, F_OF) && kind(s, i, LK_CARD) && (l = number_words(s, i, &w)) && w >= 1000 &&
               w <= 2999 && !kind(s, i + l, LK_UNIT) && !kind(s, i + l, LK_PLURAL) && !isnum(s, i + l)) {
        t.kind = X_CAL; t.y = (int)w; t.ym = Y_ABS;   /* الربع الثالث من ألفين وعشرين */
        best = l; *e = t;
    }
    if (!best && allow_the_unit) {
        int j = i;
        if (fn(s, j, F_THE)) j++;
        /* An Arabic unit names the anchor's only with its article ("نهاية
         * العام"); without it, in construct after a part word, it is a unit
         * of something else: "آخر يوم من زيارته" (the last day of his
         * visit), "في نهاية يوم حافل" (at the end of a busy day). */
        if (kind(s, j, LK_UNIT) && !val2(s, j, LK_UNIT) && !kind(s, j, LK_DEICTIC) &&
            ((s->u[j].flags & CHR_TOK_ARABIC) ? definite(s, j) || j > i : j > i || fn(s, i - 1, F_OF))) {
            int u = val(s, j, LK_UNIT);
            if (u == U_Y || u == U_M || u == U_W || u == U_Q || u == U_D || u == U_DE || u == U_CE) {
                e->kind = X_UNITREL;
                e->unit = u;
                e->shift = 0;
                e->the_unit = 1;
                best = j + 1 - i;
            }
        }
    }
    return best;
}

/* A part of a period: "نهاية هذا العام", "مطلع العام المقبل", "أواخر آب",
 * "early December", "the end of this year", "mid-2023", "late last July". */
static int p_part(const S *s, int i, texpr *e)
{
    int j = i;
    if (fn(s, j, F_THE) && kind(s, j + 1, LK_PART)) j++;
    if (!kind(s, j, LK_PART)) return 0;
    /* "end", "start" are verbs too: as a part they need "the" or "of" */
    if (kind(s, j, LK_AMBIG) && j == i && !fn(s, j + 1, F_OF)) return 0;
    int part = val(s, j, LK_PART);
    j++;
    if (isdash(s, j) && glued(s, j)) j++;          /* mid-2023 */
    if (fn(s, j, F_OF)) j++;
    /* بقية أيام الأسبوع, ما تبقى من أشهر العام: the rest of the days of
     * the week is the rest of the week */
    if (part == PART_REST && kind(s, j, LK_PLURAL) && kind(s, j, LK_UNIT) && (s->u[j].flags & CHR_TOK_ARABIC) &&
        !definite(s, j))
        j++;
    int l = period_ref(s, j, e, 1);
    if (!l) return 0;
    if (e->kind == X_CAL && e->d) return 0;        /* "end of June 18" is not a thing */
    e->part = part;
    return j + l - i;
}

/* Whether Arabic unit i, a part word or "the last/first" after a unit,
 * says the first (1) or the last (-1) of a period's units: أول and آخر in
 * construct ("آخر يوم"), الأول and الأخير after it ("اليوم الأخير"). */
static int edge_word(const S *s, int i, int after)
{
    if (i >= s->nu || !(s->u[i].flags & CHR_TOK_ARABIC)) return 0;
    if (!after && kind(s, i, LK_PART) && val(s, i, LK_PART) == PART_START) return 1;
    if (!after && kind(s, i, LK_PART) && val(s, i, LK_PART) == PART_END) return -1;
    if (after && kind(s, i, LK_ORD) && val(s, i, LK_ORD) == 1 && definite(s, i)) return 1;
    if (after && kind(s, i, LK_SHIFT) && val(s, i, LK_SHIFT) < 0 && definite(s, i)) return -1;
    return 0;
}

/* The first or last day, week or month of a named period: "آخر يوم من
 * الشهر الجاري" (its last day), "أول يوم من العام المقبل", "اليوم الأخير
 * من سبتمبر", "الشهر الأخير من عام 2015", "آخر أيام الشهر" (the last of
 * its days).  Arabic says it with أول/آخر in construct before the unit,
 * singular with "من" and the period after it, or plural with the period
 * in construct; or with the definite unit and الأول/الأخير after it.  A
 * plural so ("الأيام الأولى من الشهر", "الأشهر الأخيرة من العام") is the
 * start or end of the period.  A period must follow, else it is the last
 * day of something that is not a time ("آخر يوم من زيارته"). */
static int nth_of(const S *s, int j, texpr *e);
static int p_edge(const S *s, int i, texpr *e)
{
    int edge, unit, u, j, span = 0;
    if ((edge = edge_word(s, i, 0)) && kind(s, i + 1, LK_UNIT) && !definite(s, i + 1)) {
        u = i + 1;
        j = i + 2;
        if (!kind(s, u, LK_PLURAL) && fn(s, j, F_OF)) j++;
        else if (!kind(s, u, LK_PLURAL)) return 0;
    } else if (definite(s, i) && (edge = edge_word(s, i + 1, 1)) &&
               (kind(s, i, LK_UNIT) || (kind(s, i, LK_DEICTIC) && !val(s, i, LK_DEICTIC))) && fn(s, i + 2, F_OF)) {
        u = i;
        j = i + 3;
        span = kind(s, u, LK_PLURAL);
    } else {
        return 0;
    }
    unit = kind(s, u, LK_UNIT) ? val(s, u, LK_UNIT) : U_D;      /* اليوم: "today" and "the day" */
    if ((kind(s, u, LK_UNIT) && val2(s, u, LK_UNIT)) || (unit != U_D && unit != U_W && unit != U_M)) return 0;
    texpr ref;
    texpr_init(&ref);
    int l;
    if (span) {
        /* the first or last days, weeks or months of a longer period: its
         * start or end */
        if (!(l = period_ref(s, j, e, 1)) || e->part || e->mod) goto none;
        int per = e->kind == X_UNITREL ? e->unit : e->kind == X_CAL && !e->d && !e->per ? (e->m ? U_M : U_Y) : 0;
        if (!(per == U_Y || (per == U_M && unit != U_M) || (per == U_W && unit == U_D))) goto none;
        e->part = edge > 0 ? PART_START : PART_END;
        return j + l - i;
    }
    if (unit != U_M && (l = nth_of(s, j, e)) && e->kind == X_CAL && (unit == U_D || !e->hijri)) {
        /* of a month: "من الشهر الجاري", "من سبتمبر", "من رمضان" */
    } else if ((l = period_ref(s, j, &ref, 1)) && !ref.part && ref.kind == X_CAL && !ref.m && !ref.per &&
               ref.ym == Y_ABS) {
        texpr_init(e);                              /* of a year: "من عام 2015" */
        e->kind = X_CAL;
        e->y = ref.y;
        e->ym = Y_ABS;
        e->hijri = ref.hijri;
        e->m = unit == U_W ? 0 : edge > 0 ? 1 : 12;
    } else if (l && !ref.part && ref.kind == X_UNITREL && ref.unit == U_Y) {
        texpr_init(e);                              /* "من العام المقبل" */
        e->kind = X_CAL;
        e->ym = Y_SHIFT;
        e->yshift = ref.shift;
        e->m = unit == U_W ? 0 : edge > 0 ? 1 : 12;
    } else {
        goto none;
    }
    if (unit == U_W) {
        /* the first or last week: as "الأسبوع الأخير من أكتوبر" (p_quarter) */
        e->per = PER_W;
        e->perval = edge;
    } else if (unit == U_D) {
        /* the month's last day: the 31st or the last it has (resolve.c) */
        e->d = edge > 0 ? 1 : e->hijri ? 30 : 31;
        e->lastday = edge < 0;
    }
    return j + l - i;
none:
    texpr_init(e);
    return 0;
}

/* A weekday at unit i, also an Arabic one without its article ("جمعة" of
 * "أول يوم جمعة"); sets *wd. */
static int weekday_at(const S *s, int i, int *wd)
{
    if (i >= s->nu) return 0;
    if (kind(s, i, LK_WDAY)) { *wd = val(s, i, LK_WDAY); return 1; }
    const lex_info *li = with_article(s, i);
    if (li && (li->kinds & LKB(LK_WDAY))) { *wd = li->val[LK_WDAY]; return 1; }
    return 0;
}

/* Whether unit i says which of a month's weekdays: an ordinal up to the
 * fifth (*nth 1-5), or "last" (-1: "last", الأخيرة, آخر before a weekday). */
static int nth_word(const S *s, int i, int before, int *nth)
{
    if (kind(s, i, LK_ORD) && val(s, i, LK_ORD) >= 1 && val(s, i, LK_ORD) <= 5) { *nth = val(s, i, LK_ORD); return 1; }
    if (kind(s, i, LK_SHIFT) && val(s, i, LK_SHIFT) < 0) { *nth = -1; return 1; }
    if (before && kind(s, i, LK_PART) && val(s, i, LK_PART) == PART_END && (s->u[i].flags & CHR_TOK_ARABIC)) {
        *nth = -1;                                  /* آخر جمعة */
        return 1;
    }
    return 0;
}

/* The month after "the first Friday of": a month name, a Hijri month, the
 * month "this/next month", or every month (a recurrence: *e is the X_SET).
 * Fills e's month fields; returns units read, 0 when none. */
static int nth_of(const S *s, int j, texpr *e)
{
    texpr ref;
    texpr_init(&ref);
    int l;
    /* السبت الثاني من كل شهر, the first Monday of every month: a monthly
     * recurrence */
    if ((l = set_core(s, j, &ref)) && ref.kind == X_SET && ref.unit == U_M && ref.n == 1 && !ref.wd &&
        !ref.daypart) {
        *e = ref;
        return l;
    }
    texpr_init(&ref);
    /* a Hijri month, alone or after "month": آخر جمعة من رمضان, أول جمعة من
     * شهر رمضان 1445 هـ (a Hijri month name stands for the month only here,
     * where nothing else can follow "the first Friday of") */
    int k = j + ((kind(s, j, LK_UNIT) && val(s, j, LK_UNIT) == U_M && !val2(s, j, LK_UNIT)) ? 1 : 0), y, hj;
    if (kind(s, k, LK_HMONTH)) {
        e->kind = X_CAL;
        e->hijri = 1;
        e->m = val(s, k, LK_HMONTH);
        k++;
        if ((l = year_num(s, k, &y, &hj, 1)) && hj) {
            e->y = y;
            e->ym = Y_ABS;
            k += l;
        }
        return k - j;
    }
    l = period_ref(s, j, &ref, 1);
    if (!l) return 0;
    if (ref.kind == X_CAL && ref.m && !ref.d && !ref.per && !ref.hijri) {
        *e = ref;
    } else if (ref.kind == X_UNITREL && ref.unit == U_M) {
        e->kind = X_CAL;
        e->ym = Y_MREL;
        e->yshift = ref.shift;
    } else {
        return 0;
    }
    return l;
}

/* Whether what follows an Arabic weekday and ordinal at unit k leaves them
 * a day of the anchor's month ("الأحد الثاني"): not a count of something
 * else ("الجمعة الثانية على التوالي", "من الاحتجاجات", "للاحتجاجات"), an
 * event's ("بعد الانتخابات"), a list of ordinals ("والثالث") or more words
 * of time. */
static int nth_alone(const S *s, int k)
{
    if (k >= s->nu || s->u[k].sent != s->u[k - 1].sent) return 1;
    const uint32_t other = LKB(LK_ORD) | LKB(LK_CARD) | LKB(LK_MONTH) | LKB(LK_HMONTH) | LKB(LK_UNIT) | LKB(LK_SHIFT);
    if (fn(s, k, F_OF | F_AFTER | F_BEFORE | F_TO) || isnum(s, k) || (s->u[k].lx && (s->u[k].lx->kinds & other)) ||
        (fn(s, k, F_AND) && k + 1 < s->nu && s->u[k + 1].lx && (s->u[k + 1].lx->kinds & other)))
        return 0;
    /* a word the tables do not know, with ل (of) before it */
    return s->u[k].lx || !(s->u[k].flags & CHR_TOK_ARABIC) || s->text[s->u[k].start] != 0x0644;
}

/* The Nth or last weekday of a month: "the first Friday of July", "أول يوم
 * جمعة من يوليو", "الخميس الأخير من الشهر الجاري", "the last Monday in May",
 * "يوم الأحد الثاني" (of the anchor's month). */
static int p_nthwday(const S *s, int i, texpr *e)
{
    int j = i, nth = 0, wd = 0, ordwd = 0;
    int day = fn(s, j, F_DAY) && (s->u[j].flags & CHR_TOK_ARABIC) && weekday_at(s, j + 1, &wd);   /* يوم الأحد */
    if (day || fn(s, j, F_THE)) j++;
    if (!day && nth_word(s, j, 1, &nth)) {
        j++;
        if (fn(s, j, F_DAY)) j++;                  /* أول يوم جمعة */
        if (!weekday_at(s, j, &wd)) return 0;
        j++;
    } else {
        if (!weekday_at(s, j, &wd) || !nth_word(s, j + 1, 0, &nth)) return 0;
        /* "الأحد الثاني": the second Sunday, or Sunday the 2nd (resolve.c) */
        if ((s->u[j].flags & CHR_TOK_ARABIC) && kind(s, j + 1, LK_ORD) && nth > 0) ordwd = wd;
        j += 2;
    }
    int l = fn(s, j, F_OF | F_IN) ? nth_of(s, j + 1, e) : 0;
    if (l) {
        if (e->kind == X_SET) return j + 1 + l - i;
        if (ordwd) {
            e->d = nth;
            e->ordwd = ordwd;
        } else {
            e->nthwd = wd;
            e->nth = nth;
        }
        return j + 1 + l - i;
    }
    texpr_init(e);
    if (!ordwd || !nth_alone(s, j)) return 0;
    e->kind = X_CAL;
    e->ym = Y_MREL;
    e->d = nth;
    e->ordwd = ordwd;
    return j - i;
}

/* The first or last 3 or 6 months of a year are its quarter or half: "the
 * first six months of 2024" (2024-H1), "the last three months of the
 * year", "الأشهر الستة الأولى من العام الجاري".  Other counts are left to
 * their parts. */
static int p_first_months(const S *s, int i, texpr *e)
{
    int j = i, first = 0, n = 0;
    if (fn(s, j, F_THE)) j++;
    if (!(s->u[j].flags & CHR_TOK_ARABIC)) {
        /* the first/last N months */
        if (!nth_word(s, j, 0, &first) || (first != 1 && first != -1)) return 0;
        if (!kind(s, j + 1, LK_CARD) || !kind(s, j + 2, LK_UNIT) || val(s, j + 2, LK_UNIT) != U_M ||
            !kind(s, j + 2, LK_PLURAL))
            return 0;
        n = val(s, j + 1, LK_CARD);
        j += 3;
    } else {
        /* الأشهر الستة الأولى/الأخيرة */
        if (!kind(s, j, LK_UNIT) || val(s, j, LK_UNIT) != U_M || !kind(s, j, LK_PLURAL) || !definite(s, j) ||
            !kind(s, j + 1, LK_CARD))
            return 0;
        n = val(s, j + 1, LK_CARD);
        if (!nth_word(s, j + 2, 0, &first) || (first != 1 && first != -1)) return 0;
        j += 3;
    }
    if (n != 3 && n != 6) return 0;
    if (!fn(s, j, F_OF)) return 0;
    texpr ref;
    texpr_init(&ref);
    int l = period_ref(s, j + 1, &ref, 1);
    if (!l) return 0;
    e->kind = X_CAL;
    e->per = n == 3 ? PER_Q : PER_H;
    e->perval = first > 0 ? 1 : n == 3 ? 4 : 2;
    if (ref.kind == X_CAL && !ref.m && !ref.per && ref.ym == Y_ABS) {
        e->y = ref.y;
        e->ym = Y_ABS;
    } else if (ref.kind == X_UNITREL && ref.unit == U_Y) {
        e->ym = Y_SHIFT;
        e->yshift = ref.shift;
    } else {
        return 0;
    }
    return j + 1 + l - i;
}

/* Quarters and halves: "الربع الأول من العام الجاري", "the first quarter of
 * 2024", "النصف الثاني من 2023", "the second half". */
static int p_quarter(const S *s, int i, texpr *e)
{
    int j = i, q = 0, per = 0;
    if (fn(s, j, F_THE)) j++;
    if (kind(s, j, LK_ORD) && kind(s, j + 1, LK_UNIT) && !s->u[j + 1].wa) {   /* الثالثة وربع: 3:15 */
        q = val(s, j, LK_ORD);
        per = val(s, j + 1, LK_UNIT);
        j += 2;
    } else if ((kind(s, j, LK_UNIT) || fn(s, j, F_HALF)) && kind(s, j + 1, LK_ORD)) {
        per = fn(s, j, F_HALF) ? U_H : val(s, j, LK_UNIT);
        q = val(s, j + 1, LK_ORD);
        j += 2;
    } else if (kind(s, j, LK_UNIT) && (val(s, j, LK_UNIT) == U_Q || val(s, j, LK_UNIT) == U_H) &&
               kind(s, j + 1, LK_SHIFT) && val(s, j + 1, LK_SHIFT) < 0 && fn(s, j + 2, F_OF) &&
               (s->u[j].flags & CHR_TOK_ARABIC)) {
        per = val(s, j, LK_UNIT);                  /* الربع الأخير من العام: the final one */
        q = per == U_Q ? 4 : 2;
        j += 2;
    } else if (kind(s, j, LK_ORD) && fn(s, j + 1, F_HALF)) {
        q = val(s, j, LK_ORD);
        per = U_H;
        j += 2;
    } else if (kind(s, j, LK_UNIT) && val(s, j, LK_UNIT) == U_W && !val2(s, j, LK_UNIT) &&
               kind(s, j + 1, LK_SHIFT) && val(s, j + 1, LK_SHIFT) < 0 && fn(s, j + 2, F_OF) &&
               (s->u[j].flags & CHR_TOK_ARABIC)) {
        per = U_W;                                 /* الأسبوع الأخير من أكتوبر: the final one */
        q = -1;
        j += 2;
    } else {
        return 0;
    }
    if (per == U_W && (q == -1 || (q >= 1 && q <= 53))) {
        /* the Nth week of a year: an ISO week */
        texpr yref;
        texpr_init(&yref);
        int k = fn(s, j, F_OF) ? j + 1 : j;
        int l = period_ref(s, k, &yref, 1);
        /* the Nth week of a month: الأسبوع الثاني من مارس, ... من الشهر المقبل */
        if (l && q <= 5 && yref.kind == X_CAL && yref.m && !yref.d && !yref.per && !yref.hijri) {
            *e = yref;
            e->per = PER_W; e->perval = q;
            return k + l - i;
        }
        if (l && q <= 5 && yref.kind == X_UNITREL && yref.unit == U_M) {
            e->kind = X_CAL; e->per = PER_W; e->perval = q; e->ym = Y_MREL; e->yshift = yref.shift;
            return k + l - i;
        }
        if (l && yref.kind == X_CAL && !yref.m && yref.ym == Y_ABS && !yref.per) {
            e->kind = X_CAL; e->per = PER_W; e->perval = q; e->y = yref.y; e->ym = Y_ABS;
            return k + l - i;
        }
        if (l && yref.kind == X_UNITREL && yref.unit == U_Y) {
            e->kind = X_CAL; e->per = PER_W; e->perval = q; e->ym = Y_SHIFT; e->yshift = yref.shift;
            return k + l - i;
        }
        return 0;
    }
    if (!((per == U_Q && q >= 1 && q <= 4) || (per == U_H && q >= 1 && q <= 2))) return 0;
    texpr ref;
    texpr_init(&ref);
    int k = j;
    if (fn(s, k, F_OF)) k++;
    int l = period_ref(s, k, &ref, 1);
    e->kind = X_CAL;
    e->per = per == U_Q ? PER_Q : PER_H;
    e->perval = q;
    if (l && ref.kind == X_CAL && !ref.m && ref.ym == Y_ABS) {
        e->y = ref.y; e->ym = Y_ABS;
        return k + l - i;
    }
    if (l && ref.kind == X_UNITREL && ref.unit == U_Y) {
        e->ym = Y_SHIFT; e->yshift = ref.shift;
        return k + l - i;
    }
    /* "النصف الأول من شهر أبريل", "the second half of the month": a half
     * of a month or week has no TIMEX3 value; it is the period's start or
     * end, not a half of the year */
    if (l && per == U_H && !ref.part && !ref.mod &&
        ((ref.kind == X_CAL && ref.m && !ref.d && !ref.per && !ref.nthwd) ||
         (ref.kind == X_UNITREL && (ref.unit == U_M || ref.unit == U_W)))) {
        *e = ref;
        e->part = q == 1 ? PART_START : PART_END;
        return k + l - i;
    }
    e->ym = Y_SHIFT;
    e->yshift = 0;
    return j - i;
}

/* Seasons: "next spring", "الصيف المقبل", "this fall", "summer 2023". */
static int p_season(const S *s, int i, texpr *e)
{
    int j = i, shift = 0, have_shift = 0, y, hj;
    if (fn(s, j, F_THE) && !(s->u[j].flags & CHR_TOK_ARABIC) && kind(s, j + 1, LK_SEASON)) j++;   /* "the summer" */
    if (kind(s, j, LK_SHIFT) || fn(s, j, F_THIS)) {
        if (!kind(s, j + 1, LK_SEASON)) return 0;
        shift = kind(s, j, LK_SHIFT) ? val(s, j, LK_SHIFT) : 0;
        have_shift = 1;
        j++;
    }
    if (!kind(s, j, LK_SEASON)) return 0;
    int amb = kind(s, j, LK_AMBIG);
    e->kind = X_CAL;
    e->per = PER_SEASON;
    e->perval = val(s, j, LK_SEASON);
    j++;
    texpr yr;
    texpr_init(&yr);
    int k = fn(s, j, F_OF) ? j + 1 : j, yl;
    if (!have_shift && (yl = p_unitrel(s, k, &yr)) && yr.unit == U_Y) {    /* خريف العام الجاري */
        e->ym = Y_SHIFT;
        e->yshift = yr.shift;
        return k + yl - i;
    }
    if (!have_shift && kind(s, j, LK_SHIFT)) { shift = val(s, j, LK_SHIFT); have_shift = 1; j++; }
    else if (!have_shift && fn(s, j, F_THIS)) { have_shift = 1; j++; }
    int l;
    int of = fn(s, j, F_OF) ? 1 : 0;
    if (!have_shift && (l = year_num(s, j + of, &y, &hj, 0))) {     /* the summer of 2022 */
        e->y = y; e->ym = Y_ABS;
        return j + of + l - i;
    }
    /* a season with the article right after a verb is the clause's time,
     * as a month is (سنلتقي الصيف، انتهى الشتاء) */
    int after_verb = i > 0 && definite(s, i) && !s->u[i].wa && s->u[i - 1].cue &&
                     s->u[i - 1].sent == s->u[i].sent && (s->u[i - 1].flags & CHR_TOK_ARABIC);
    if (!have_shift && !date_context(s, i - 1) && !after_verb) return 0;
    if (!have_shift && amb && !fn(s, i - 1, F_THE) && !fn(s, i, F_THE)) return 0;   /* "to fall" */
    if (!have_shift && of) return 0;       /* "the fall of the regime", "the spring of the uprisings" */
    /* "this summer" is this year's; "in the summer" is the nearest one on
     * the side the tense points to (Y_NONE) */
    e->ym = have_shift ? Y_MSHIFT : Y_NONE;
    e->yshift = shift;
    return j - i;
}

/* Decades and centuries: "التسعينيات", "the 1990s", "القرن العشرين", "the
 * 21st century". */
static int p_decade(const S *s, int i, texpr *e)
{
    int j = i;
    if (fn(s, j, F_THE)) j++;
    if (kind(s, j, LK_DECADE)) {
        e->kind = X_DECADE;
        e->decade = val(s, j, LK_DECADE);
        j++;
        /* ثمانينيات القرن الماضي / سبعينيات القرن العشرين */
        texpr c;
        texpr_init(&c);
        int l = p_decade(s, j, &c);
        if (l && c.kind == X_CENTURY) {
            e->decade = c.century * 10 + e->decade % 10;
            return j + l - i;
        }
        if (kind(s, j, LK_UNIT) && val(s, j, LK_UNIT) == U_CE && kind(s, j + 1, LK_SHIFT)) {
            e->decade = -(10 * (val(s, j + 1, LK_SHIFT) + 100) + e->decade % 10);   /* resolved later */
            return j + 2 - i;
        }
        return j - i;
    }
    if (isnum(s, j) && s->u[j].nd == 4 && s->u[j].num % 10 == 0 && j + 1 < s->nu && glued(s, j + 1) &&
        s->u[j + 1].end - s->u[j + 1].start == 1 && (s->u[j + 1].flags & CHR_TOK_WORD)) {
        /* "1990s": the glued word is a single s */
        if ((s->text[s->u[j + 1].start] | 32) == 's') {
            e->kind = X_DECADE;
            e->decade = (int)(s->u[j].num / 10);
            return j + 2 - i;
        }
    }
    if ((is_punct(s, j, '\'') || is_punct(s, j, 0x2019)) && isnum(s, j + 1) && s->u[j + 1].nd == 2 &&
        glued(s, j + 1) && glued(s, j + 2) && j + 2 < s->nu && (s->u[j + 2].flags & CHR_TOK_WORD) &&
        s->u[j + 2].end - s->u[j + 2].start == 1 && (s->text[s->u[j + 2].start] | 32) == 's' &&
        s->u[j + 1].num % 10 == 0) {
        e->kind = X_DECADE;                       /* the '70s */
        e->decade = 190 + (int)s->u[j + 1].num / 10;
        return j + 3 - i;
    }
    int u = -1;
    if (j > i && (kind(s, j, LK_ORD) || (isnum(s, j) && s->u[j].ordsuf)) && !(s->u[j].flags & CHR_TOK_ARABIC))
        return 0;          /* "the 20th century": the timex starts at the ordinal */
    if (kind(s, j, LK_UNIT) && val(s, j, LK_UNIT) == U_CE && kind(s, j + 1, LK_ORD)) {
        e->kind = X_CENTURY;
        e->century = val(s, j + 1, LK_ORD) - 1;
        return j + 2 - i;
    }
    if ((kind(s, j, LK_ORD) || (isnum(s, j) && s->u[j].ordsuf)) && kind(s, j + 1, LK_UNIT) &&
        (u = val(s, j + 1, LK_UNIT)) == U_CE) {
        e->kind = X_CENTURY;
        e->century = (kind(s, j, LK_ORD) ? val(s, j, LK_ORD) : (int)s->u[j].num) - 1;
        return j + 2 - i;
    }
    return 0;
}

/* Whether unit i is و and a part of the day or daylight (ونهاراً، ومساءً),
 * the second half of a pair that means "all the time". */
static int pair_after(const S *s, int i)
{
    if (i >= s->nu || !(s->u[i].flags & CHR_TOK_ARABIC)) return 0;
    const unit *u = &s->u[i];
    if (u->wa) return kind(s, i, LK_DAYPART) || fn(s, i, F_DAYLIGHT);
    if (u->norm_len <= 4 || !starts(s->tok->buf + u->norm, u->norm_len, AR_WAW)) return 0;
    const lex_info *li = chr_lex_get(s->tok->buf + u->norm + 2, u->norm_len - 2);
    return li && ((li->kinds & LKB(LK_DAYPART)) || ((li->kinds & LKB(LK_FUNC)) && (li->funcs & F_DAYLIGHT)));
}

/* A part of the day standing alone after a preposition ("في الصباح", "in
 * the evening", "خلال الليل") or as an adverb (ليلاً، بعد الظهر): that part
 * of the anchor's day. */
static int p_daypart(const S *s, int i, texpr *e)
{
    int j = fn(s, i, F_THE) ? i + 1 : i;
    int part = 0;
    if (!fn(s, i - 1, F_IN | F_DURING)) {
        /* an adverb, but not one of a pair: ليلاً ونهاراً، صباحاً ومساءً say "always" */
        if (!fn(s, i, F_ADVERB) || !kind(s, i, LK_DAYPART) || s->u[i].wa || pair_after(s, i + 1))
            return 0;
    }
    /* في أواخر الليل, في وقت متأخر من المساء, في وقت مبكر بعد الظهر */
    if (j == i && kind(s, j, LK_PART) && !kind(s, j, LK_DAYPART)) {
        int k = fn(s, j + 1, F_OF) ? j + 2 : j + 1;
        if (kind(s, k, LK_DAYPART) && !kind(s, k, LK_DEICTIC) && (s->u[j].flags & CHR_TOK_ARABIC)) {
            part = val(s, j, LK_PART);
            j = k;
        }
    }
    if (!kind(s, j, LK_DAYPART) || kind(s, j, LK_DEICTIC)) return 0;
    if (kind(s, j + 1, LK_DEICTIC) || kind(s, j + 1, LK_WDAY) || isnum(s, j + 1)) return 0;
    /* "at dawn on Friday", "in the evening on Tuesday": that weekday's */
    texpr w;
    texpr_init(&w);
    int l;
    if (!(s->u[j].flags & CHR_TOK_ARABIC) && fn(s, j + 1, F_IN) && (l = p_weekday(s, j + 2, &w)) &&
        w.kind == X_WDAY && !w.daypart && w.hour < 0) {
        *e = w;
        e->daypart = val(s, j, LK_DAYPART);
        e->part = part;
        return j + 2 + l - i;
    }
    e->kind = X_DEICTIC;
    e->dayoff = 0;
    e->daypart = val(s, j, LK_DAYPART);
    e->part = part;
    e->noday = 1;
    return j + 1 - i;
}

/* A holiday, with the year it falls in: "عيد الفطر", "عيد الأضحى المقبل",
 * "Christmas 2023", "يوم الأب عام 2015", "Thanksgiving". */
static int p_holiday(const S *s, int i, texpr *e)
{
    int j = i, y, hj, l;
    if (fn(s, j, F_DAY) && kind(s, j + 1, LK_HOLIDAY)) j++;
    if (!kind(s, j, LK_HOLIDAY)) return 0;
    e->kind = X_HOLIDAY;
    e->hol = val(s, j, LK_HOLIDAY);
    j++;
    texpr yr;
    texpr_init(&yr);
    int k = fn(s, j, F_OF) ? j + 1 : j;
    if (kind(s, j, LK_SHIFT)) {
        e->ym = Y_MSHIFT;
        e->yshift = val(s, j, LK_SHIFT);
        return j + 1 - i;
    }
    if ((l = p_unitrel(s, k, &yr)) && yr.unit == U_Y) {
        e->ym = Y_SHIFT;
        e->yshift = yr.shift;
        return k + l - i;
    }
    if ((l = year_num(s, k, &y, &hj, 0))) {
        e->ym = Y_ABS;
        e->y = y;
        e->hijri = hj;
        return k + l - i;
    }
    return j - i;
}

/* Whether Arabic word i ends in a possessive pronoun: ه، ها، هم، هما، هن
 * ("حكمه", "ولايتها"); a noun so is definite.  With ة folded to ه, a noun
 * in ة reads so too, which a noun in construct is ("حكومة نتنياهو"). */
static int pronoun_suffix(const S *s, int i)
{
    const unit *u = &s->u[i];
    const char *w = s->tok->buf + u->norm;
    size_t n = u->norm_len;
    if (!(u->flags & CHR_TOK_ARABIC) || n < 8) return 0;
    unsigned last = chr_ar_letter(w, n, n - 2), prev = chr_ar_letter(w, n, n - 4);
    enum { HA = 0xD987, MIM = 0xD985, NUN = 0xD986 };
    if (last == HA) return 1;
    if ((last == L_ALEF || last == MIM || last == NUN) && prev == HA) return 1;
    return last == L_ALEF && prev == MIM && n >= 10 && chr_ar_letter(w, n, n - 6) == HA;
}

/* Whether "of" at k opens what a plural of units with "last" before it
 * is the last of: "الأيام الأخيرة من حكمه", "الأسابيع الأخيرة من
 * المفاوضات", "the last days of his rule", "of the war", "of last month".
 * Those days are dated by a period (p_edge reads the Arabic ones) or by
 * an event, and are no reference to the recent past.  What follows is a
 * noun phrase: in Arabic a date word, or a noun made definite by the
 * article, a pronoun or a construct; in English a determiner, a name, a
 * number or a date word.  Not "من جديد" (again), a preposition (من
 * خلال) or a bare noun ("the past weeks of fighting"), after which the
 * days are the recent ones. */
static int last_of(const S *s, int k)
{
    int w = k + 1;
    if (!fn(s, k, F_OF) || w >= s->nu || s->u[w].sent != s->u[k].sent) return 0;
    const lex_info *lx = s->u[w].lx;
    if (lx && (lx->kinds & (LKB(LK_FUNC) | LKB(LK_AGO) | LKB(LK_APPROX))))
        return fn(s, w, F_THE | F_DET | F_THIS | F_YEARNOUN);       /* of the, of this, من الحرب */
    if (lx && (lx->kinds & ~LKB(LK_TENSE) & ~LKB(LK_AMBIG) & ~LKB(LK_MWSTART))) return 1;    /* a date word */
    if (!(s->u[w].flags & CHR_TOK_ARABIC))
        return (s->u[w].flags & (CHR_TOK_UPPER | CHR_TOK_NUM)) != 0;
    if (!(s->u[w].flags & CHR_TOK_WORD)) return 0;
    return definite(s, w) || pronoun_suffix(s, w) ||
           (w + 1 < s->nu && s->u[w + 1].sent == s->u[w].sent && definite(s, w + 1));
}

static int p_ref(const S *s, int i, texpr *e)
{
    int j = fn(s, i, F_THE) ? i + 1 : i;
    /* الأيام القليلة الماضية: "few" between a definite plural and its shift */
    int few = kind(s, j, LK_PLURAL) && definite(s, j) && kind(s, j + 1, LK_CARD) &&
              val(s, j + 1, LK_CARD) == -1 && definite(s, j + 1) && kind(s, j + 2, LK_SHIFT) &&
              val(s, j + 2, LK_SHIFT);
    if (few) {
        e->kind = X_REF;
        e->ref = val(s, j + 2, LK_SHIFT) < 0 ? REF_PAST : REF_FUTURE;
        return j + 3 - i;
    }
    /* "الأسابيع المقبلة", "the coming weeks", "recent months": plural units */
    if ((kind(s, j, LK_PLURAL) && kind(s, j + 1, LK_SHIFT) && val(s, j + 1, LK_SHIFT)) ||
        (kind(s, j, LK_SHIFT) && val(s, j, LK_SHIFT) && kind(s, j + 1, LK_PLURAL))) {
        int sh = kind(s, j, LK_SHIFT) ? val(s, j, LK_SHIFT) : val(s, j + 1, LK_SHIFT);
        if (sh < 0 && last_of(s, j + 2)) return 0;
        e->kind = X_REF;
        e->ref = sh < 0 ? REF_PAST : REF_FUTURE;
        return j + 2 - i;
    }
    /* "في الماضي", "in the past": a shift word with nothing to shift */
    if (fn(s, i - 1, F_IN) && kind(s, j, LK_SHIFT) && val(s, j, LK_SHIFT) && !kind(s, j + 1, LK_UNIT) &&
        !kind(s, j + 1, LK_CARD) && !kind(s, j + 1, LK_MONTH) && !kind(s, j + 1, LK_WDAY) &&
        !kind(s, j + 1, LK_SEASON) && !kind(s, j + 1, LK_DAYPART) && !isnum(s, j + 1) &&
        /* "during the last Congress": a capitalized noun is what is shifted */
        !(j + 1 < s->nu && !(s->u[j].flags & CHR_TOK_ARABIC) && (s->u[j + 1].flags & CHR_TOK_UPPER) &&
          !(s->u[j + 1].flags & CHR_TOK_BREAK) && s->u[j + 1].sent == s->u[j].sent)) {
        e->kind = X_REF;
        e->ref = val(s, j, LK_SHIFT) < 0 ? REF_PAST : REF_FUTURE;
        return j + 1 - i;
    }
    if (!kind(s, i, LK_REF)) return 0;
    /* "shortly after 3 a.m.", "soon after the vote": near another time, not
     * the future */
    if (val(s, i, LK_REF) == REF_FUTURE && fn(s, i + 1, F_AFTER | F_BEFORE)) return 0;
    /* "at the time of the attack": the time of an event, not the past */
    if (val(s, i, LK_REF) == REF_PAST && !(s->u[i].flags & CHR_TOK_ARABIC) && fn(s, i + 1, F_OF)) return 0;
    /* في وقت سابق من اليوم, في وقت لاحق من الشهر الجاري: earlier or later in
     * a period that follows, which is the date ("earlier this month") */
    if (val(s, i, LK_REF) != REF_PRESENT && fn(s, i + 1, F_OF)) {
        texpr t;
        texpr_init(&t);
        if (p_deictic(s, i + 2, &t) || p_unitrel(s, i + 2, &t)) return 0;
    }
    e->kind = X_REF;
    e->ref = val(s, i, LK_REF);
    return 1;
}

/* Recurrences: "شهرياً", "weekly", "كل جمعة", "every year", "each week",
 * "أيام الاثنين". */

/* A recurrence, with the clock time it happens at before or after it:
 * "كل يوم اثنين الساعة 4 مساءً", "الساعة 3 مساءً كل يوم", "every day at 9". */
static int p_set(const S *s, int i, texpr *e)
{
    texpr t;
    texpr_init(&t);
    int l = clock_time(s, i, &t, 0);
    if (l && t.kind == X_DEICTIC && !t.dayoff && !t.daypart) {     /* time first */
        int k = i + l;
        if (set_core(s, k, e) && (e->unit == U_D || e->wd || e->daypart) && e->hour < 0) {
            int m = set_core(s, k, e);
            e->hour = t.hour;
            e->min = t.min;
            e->daypart = 0;
            return k + m - i;
        }
        texpr_init(e);
    }
    l = set_core(s, i, e);
    if (!l || !(e->unit == U_D || e->wd || e->daypart)) return l;
    int k = i + l;
    if (fn(s, k, F_IN)) k++;
    texpr_init(&t);
    int m = clock_time(s, k, &t, e->daypart != 0 || fn(s, k - 1, F_IN));
    if (m && t.kind == X_DEICTIC && !t.dayoff && !t.daypart) {
        int h = t.hour, dp = e->daypart;
        if ((dp == DP_AF || dp == DP_EV || (dp == DP_NI && h >= 6)) && h < 12) h += 12;
        e->hour = h;
        e->min = t.min;
        e->daypart = 0;
        return k + m - i;
    }
    return l;
}

static int set_core(const S *s, int i, texpr *e)
{
    int j = i;
    /* أيام الاثنين: the plural of "day" before a weekday */
    if (kind(s, j, LK_PLURAL) && val(s, j, LK_PLURAL) == U_D && kind(s, j + 1, LK_WDAY)) {
        e->kind = X_SET;
        e->wd = val(s, j + 1, LK_WDAY);
        return 2;
    }
    if (kind(s, j, LK_SET) && val(s, j, LK_SET) >= 0) {
        e->kind = X_SET;
        e->unit = val(s, j, LK_SET);
        e->n = val2(s, j, LK_SET);
        return 1;
    }
    if (!(kind(s, j, LK_SET) && val(s, j, LK_SET) < 0)) return 0;
    j++;
    if (fn(s, j, F_DAY) && (kind(s, j + 1, LK_WDAY) || (j + 1 < s->nu && with_article(s, j + 1) &&
                                                       (with_article(s, j + 1)->kinds & LKB(LK_WDAY)))))
        j++;
    const lex_info *al = j < s->nu ? with_article(s, j) : NULL;
    if (kind(s, j, LK_WDAY) || (al && (al->kinds & LKB(LK_WDAY)))) {          /* كل جمعة */
        e->kind = X_SET;
        e->wd = kind(s, j, LK_WDAY) ? val(s, j, LK_WDAY) : al->val[LK_WDAY];
        j++;
        j += daypart_after(s, j, e);
        return j - i;
    }
    if (kind(s, j, LK_DAYPART) && !kind(s, j, LK_DEICTIC)) {
        e->kind = X_SET;
        e->daypart = val(s, j, LK_DAYPART);
        return j + 1 - i;
    }
    int n = 1, l = count_num(s, j, &n);
    if (!l && kind(s, j, LK_UNIT) && val2(s, j, LK_UNIT)) {           /* كل أسبوعين */
        e->kind = X_SET;
        e->unit = val(s, j, LK_UNIT);
        e->n = val2(s, j, LK_UNIT);
        return j + 1 - i;
    }
    if (kind(s, j + l, LK_UNIT) && !val2(s, j + l, LK_UNIT)) {
        e->kind = X_SET;
        e->unit = val(s, j + l, LK_UNIT);
        e->n = n > 0 ? n : 1;
        return j + l + 1 - i;
    }
    return 0;
}

/* How minutes may be written after an hour (minutes_after). */
enum {
    MIN_WORDS = 1,     /* minutes in words with no unit word: the hour followed a clock word */
    MIN_FRACTION = 2   /* only a fraction of the hour: the half of the day was said before it */
};

/* Minutes written after an hour word: "والنصف" 30, "والربع" 15, "وثلث" 20,
 * "وثلاثة أرباع" 45, "إلا ربع" -15, "و 30 دقيقة".  With MIN_WORDS, minutes
 * in words need no unit word ("الساعة العاشرة وخمسة وأربعين"), as long as
 * no noun they would count follows ("الساعة العاشرة وخمسة قتلى").  Returns
 * units used; *mi gets the minutes. */
static int minutes_after(const S *s, int j, int *mi, int how)
{
    int minus = 0, k = j;
    if (fn(s, k, F_MINUS)) { minus = 1; k++; }
    else if (k < s->nu && !s->u[k].wa && fn(s, k, F_AND)) k++;
    else if (k >= s->nu || !s->u[k].wa) return 0;
    int m = -1, l = 1;
    long w;
    if (fn(s, k, F_HALF)) m = 30;
    else if (fn(s, k, F_THIRD)) m = 20;
    else if (kind(s, k, LK_UNIT) && val(s, k, LK_UNIT) == U_Q && !val2(s, k, LK_UNIT)) m = 15;
    else if (number_words(s, k, &w) == 1 && w == 3 && kind(s, k + 1, LK_UNIT) && val(s, k + 1, LK_UNIT) == U_Q &&
             !val2(s, k + 1, LK_UNIT) && !quarters_of_thing(s, k + 1) && !minus) {
        m = 45;                                     /* وثلاثة أرباع */
        l = 2;
    } else if (how & MIN_FRACTION) {
        return 0;
    } else {
        l = isnum(s, k) ? 1 : number_words(s, k, &w);
        if (l && isnum(s, k)) w = s->u[k].num;
        if (l && w >= 1 && w <= 59 && kind(s, k + l, LK_UNIT) && val(s, k + l, LK_UNIT) == U_MIN) {
            *mi = minus ? -(int)w : (int)w;         /* و 30 دقيقة, إلا خمس دقائق */
            return k + l + 1 - j;
        }
        if (minus) return 0;
        /* السابعة وخمسة وثلاثين مساءً: minutes in words, then the half of the day */
        if (l && !isnum(s, k) && w >= 1 && w <= 59 && (fn(s, k + l, F_AM | F_PM | F_MIDDAY) || kind(s, k + l, LK_DAYPART))) {
            *mi = (int)w;
            return k + l - j;
        }
        if ((how & MIN_WORDS) && l && !isnum(s, k) && w >= 1 && w <= 59 && !kind(s, k + l, LK_UNIT) &&
            !kind(s, k + l, LK_PLURAL) && !kind(s, k + l, LK_MONTH) && !fn(s, k + l, F_OF) &&
            !counted_after(s, k + l)) {                 /* not "وخمسة من المصابين" */
            *mi = (int)w;
            return k + l - j;
        }
        return 0;
    }
    if (m < 0) return 0;
    *mi = minus ? -m : m;
    return k + l - j;
}

static int named_day_at(const S *s, int k);

/* Whether unit j is a word of noon, a noon before its day ("ظهر اليوم")
 * included. */
static int noon_at(const S *s, int j)
{
    return fn(s, j, F_MIDDAY | F_NOON) || (fn(s, j, F_NOONOF) && named_day_at(s, j + 1));
}

/* The words after an Arabic hour that place it at midday, as ظهرا does:
 * a MIDDAY word ("وقت الغداء"), or a noon word, alone or after من/في/عند
 * ("الواحدة ظهر اليوم", "الساعة الواحدة من ظهر اليوم"); not قبل/بعد الظهر.
 * Returns the units read, 0 when none. */
static int midday_after(const S *s, int j)
{
    if (j >= s->nu || !(s->u[j].flags & CHR_TOK_ARABIC)) return 0;
    if (noon_at(s, j)) return 1;
    if (fn(s, j, F_OF | F_IN) && !fn(s, j, F_BEFORE | F_AFTER) && noon_at(s, j + 1)) return 2;
    return 0;
}

/* The length of the day that a time can belong to at unit k (as
 * named_day_at), 0 when there is none. */
static int named_day_len(const S *s, int k)
{
    texpr day;
    int l;
    texpr_init(&day);
    if ((l = p_deictic(s, k, &day)) || (l = p_weekday(s, k, &day))) return day.daypart ? 0 : l;
    texpr_init(&day);
    return (l = p_dmy(s, k, &day)) && !day.bare && day.d ? l : 0;
}

/* Whether ظهر (function.txt VERBTOO) at unit j, before the day of length
 * dl, is the verb
 * "appeared" ("وظهر أمس في مقطع فيديو"), not noon of that day ("وصل الوفد
 * ظهر أمس"): a verb opens its clause, as the first word of its sentence,
 * after punctuation or أن/إن, or with و or ف on it, unless they join it to
 * a time before it ("صباح أمس وظهر أمس"); a noon put first in its clause
 * has a comma, a clock time or the clause's verb after its day ("وظهر
 * أمس، أعلن الجيش", "القاهرة - ظهر أمس أعلن الجيش").  After a
 * preposition ("عند ظهر أمس") or another word of its clause, ظهر is noon. */
static int noon_verb(const S *s, int j, int dl)
{
    const unit *u = &s->u[j];
    const char *w = s->tok->buf + u->norm;
    size_t n = u->norm_len;
    if (!(u->flags & CHR_TOK_ARABIC) || !fn(s, j, F_VERBTOO) || u->prep) return 0;   /* (not "بظهر") */
    int conj = starts(w, n, AR_WAW) || starts(w, n, AR_FA);      /* (no VERBTOO word begins so) */
    int a = j + 1 + dl;
    if (iscomma(s, a) || fn(s, a, F_CLOCK) || (a < s->nu && s->u[a].sent == u->sent && s->u[a].cue)) return 0;
    if (j == 0 || s->u[j - 1].sent != u->sent || (s->u[j - 1].flags & CHR_TOK_PUNCT) || fn(s, j - 1, F_THAT))
        return 1;
    const lex_info *lx = s->u[j - 1].lx;
    int time = isnum(s, j - 1) ||
               (lx && (lx->kinds & (LKB(LK_DEICTIC) | LKB(LK_WDAY) | LKB(LK_DAYPART) | LKB(LK_MONTH) | LKB(LK_SHIFT)))) ||
               fn(s, j - 1, F_NOON | F_MIDDAY | F_MIDNIGHT | F_AM | F_PM);
    return conj && !time;
}

/* A clock time: "الساعة العاشرة صباحاً", "الساعة 14:30", "10:30 a.m.", "8 PM",
 * "السابعة والنصف", "الثامنة إلا ربعا", with the day it belongs to when one
 * follows ("الساعة العاشرة من مساء أمس", "10 a.m. today"). */
static int p_time(const S *s, int i, texpr *e)
{
    return clock_time(s, i, e, 0);
}

/* Whether a part of a named day begins at unit k: "صباح اليوم", "مساء
 * أمس", "بعد ظهر الأحد".  After "في الثامنة من" it makes the ordinal the
 * hour of that day, where "في الثامنة من عمره" is an age. */
static int daypart_day(const S *s, int k)
{
    texpr day;
    texpr_init(&day);
    if (p_deictic(s, k, &day) && day.daypart) return 1;
    texpr_init(&day);
    return p_weekday(s, k, &day) && day.daypart;
}

/* Whether a day that a time can belong to begins at unit k: "أمس", "الثلاثاء
 * الماضي", "يوم الجمعة", "25 أكتوبر" (what clock_time reads after a time). */
static int named_day_at(const S *s, int k)
{
    texpr day;
    texpr_init(&day);
    if (p_deictic(s, k, &day) || p_weekday(s, k, &day)) return !day.daypart;
    texpr_init(&day);
    return p_dmy(s, k, &day) && !day.bare && day.d;
}

/* relaxed: after a day ("23 أكتوبر في السابعة", "الليلة في 7") a bare hour
 * needs no clock word or minutes. */
static int clock_time(const S *s, int i, texpr *e, int relaxed)
{
    int j = i, clock = 0, h = -1, mi = -1, se = -1, word = 0, lead_dp = 0, lead_noon = 0, fixed = 0, l;
    int lead_day = -1;                             /* ظهر اليوم الساعة 2: the day between */
    /* بعد الظهر الساعة 7, مساءً 7:30: the part of the day first */
    if (kind(s, j, LK_DAYPART) && !kind(s, j, LK_DEICTIC) && (s->u[j].flags & CHR_TOK_ARABIC) &&
        (fn(s, j + 1, F_CLOCK) || (isnum(s, j + 1) && is_punct(s, j + 2, ':')))) {
        lead_dp = val(s, j, LK_DAYPART);
        j++;
    } else if (fn(s, j, F_NOON | F_MIDDAY) && (s->u[j].flags & CHR_TOK_ARABIC) && fn(s, j + 1, F_CLOCK) &&
               !fn(s, j - 1, F_BEFORE)) {             /* قبل الظهر is the morning */
        lead_dp = DP_AF;                           /* الظهر الساعة 1: past noon, 13:00 */
        lead_noon = 1;
        j++;
    } else if (fn(s, j, F_NOONOF) && (s->u[j].flags & CHR_TOK_ARABIC) && (l = named_day_len(s, j + 1)) &&
               fn(s, j + 1 + l, F_CLOCK)) {
        lead_dp = DP_AF;                           /* ظهر أمس الساعة 2: 14:00 of that day */
        lead_noon = 1;
        lead_day = j + 1;
        j += 1 + l;
    }
    if (fn(s, j, F_CLOCK)) { clock = 1; j++; }
    if (isnum(s, j) && s->u[j].nd <= 2 && is_punct(s, j + 1, ':') && glued(s, j + 1) && isnum(s, j + 2) &&
        glued(s, j + 2) && s->u[j + 2].nd == 2) {
        h = (int)s->u[j].num;
        mi = (int)s->u[j + 2].num;
        j += 3;
        if (is_punct(s, j, ':') && glued(s, j) && isnum(s, j + 1) && s->u[j + 1].nd == 2) {
            se = (int)s->u[j + 1].num;
            j += 2;
        }
    } else if (isnum(s, j) && s->u[j].nd <= 2 && is_punct(s, j + 1, '.') && glued(s, j + 1) && isnum(s, j + 2) &&
               glued(s, j + 2) && s->u[j + 2].nd == 2 && fn(s, j + 3, F_AM | F_PM | F_MIDDAY)) {
        h = (int)s->u[j].num;                       /* 10.30am, 10.30 p.m.: only with am/pm, not 10.30 */
        mi = (int)s->u[j + 2].num;
        j += 3;
    } else if (isnum(s, j) && (s->u[j].nd == 3 || s->u[j].nd == 4) && fn(s, j + 1, F_AM | F_PM | F_MIDDAY) &&
               !fn(s, j + 1, F_AD) && s->u[j].num % 100 < 60 && s->u[j].num / 100 <= 12) {
        h = (int)(s->u[j].num / 100);               /* 1140 صباحًا */
        mi = (int)(s->u[j].num % 100);
        j++;
    } else if (isnum(s, j) && s->u[j].nd <= 2 && !s->u[j].ordsuf) {
        h = (int)s->u[j].num;
        j++;
    } else if ((kind(s, j, LK_ORD) && val(s, j, LK_ORD) != 1) || kind(s, j, LK_CARD)) {
        /* (one o'clock is الواحدة: "الساعة الأولى للهجوم" is its first hour) */
        h = kind(s, j, LK_ORD) ? val(s, j, LK_ORD) : val(s, j, LK_CARD);
        word = 1;
        j++;
    } else if (fn(s, j, F_NOON | F_MIDNIGHT) ||
               (fn(s, j, F_NOONOF) && (l = named_day_len(s, j + 1)) && !noon_verb(s, j, l))) {
        h = fn(s, j, F_NOON | F_NOONOF) ? 12 : 0;
        mi = 0;
        j++;
        clock = 1;
        fixed = 1;                                  /* no half of the day to take from a neighbour */
    } else {
        return 0;
    }
    if (h < 0 || h > 24 || mi > 59 || se > 60) return 0;
    int marked = clock || mi >= 0;
    if (mi < 0) {
        int l = minutes_after(s, j, &mi, clock && word ? MIN_WORDS : 0), m2;
        if (l) {
            j += l;
            marked = 1;
            /* الخامسة والنصف إلا ثلاث دقائق */
            if (mi > 0 && fn(s, j, F_MINUS) && (l = minutes_after(s, j, &m2, 0)) && m2 < 0 && mi + m2 > 0) {
                mi += m2;
                j += l;
            }
            if (mi < 0) { mi += 60; h = h ? h - 1 : 23; }
        }
    }
    if (fn(s, j, F_CLOCK) && !clock && !(s->u[j].flags & CHR_TOK_ARABIC)) { j++; marked = 1; }   /* 8 o'clock */
    /* an Arabic hour told by an ordinal alone has the article (الثانية
     * مساء) or a clock word before it: "آل ثاني مساء أمس" is a name, then
     * the evening */
    if (word && !clock && mi < 0 && (s->u[i].flags & CHR_TOK_ARABIC) && kind(s, i, LK_ORD) && !kind(s, i, LK_CARD) &&
        !definite(s, i))
        return 0;
    int ampm = lead_dp != 0 || fixed;
    if (fn(s, j, F_PM) && !fn(s, j, F_AD)) { if (h < 12) h += 12; j++; marked = ampm = 1; }
    else if (fn(s, j, F_AM) && !fn(s, j, F_AD)) { if (h == 12) h = 0; j++; marked = ampm = 1; }
    else if (kind(s, j, LK_DAYPART) && !kind(s, j, LK_DEICTIC) &&
             (marked || !word || (kind(s, i, LK_ORD) && definite(s, i)))) {      /* الحادية عشرة ليلا */
        int dp = val(s, j, LK_DAYPART);
        if ((dp == DP_AF || dp == DP_EV || (dp == DP_NI && h >= 6)) && h < 12) h += 12;
        if (dp == DP_NI && h == 12) h = 0;
        j++;
        marked = ampm = 1;
    } else if (fn(s, j, F_IN) && (s->u[j].flags & CHR_TOK_ARABIC) && kind(s, j + 1, LK_DAYPART) &&
               !kind(s, j + 1, LK_DEICTIC) && definite(s, j + 1) && !word) {
        int dp = val(s, j + 1, LK_DAYPART);          /* 8 في الليل */
        if ((dp == DP_AF || dp == DP_EV || (dp == DP_NI && h >= 6)) && h < 12) h += 12;
        if (dp == DP_NI && h == 12) h = 0;
        j += 2;
        marked = ampm = 1;
    } else if (fn(s, j, F_OF) && (s->u[j].flags & CHR_TOK_ARABIC) && (clock || (word && hour_ordinal(s, i))) &&
               kind(s, j + 1, LK_DAYPART) &&
               !kind(s, j + 1, LK_DEICTIC) && definite(s, j + 1) && !kind(s, j + 2, LK_DEICTIC) &&
               !kind(s, j + 2, LK_WDAY)) {
        int dp = val(s, j + 1, LK_DAYPART);          /* الثامنة من المساء: of the evening */
        if ((dp == DP_AF || dp == DP_EV || (dp == DP_NI && h >= 6)) && h < 12) h += 12;
        if (dp == DP_NI && h == 12) h = 0;
        j += 2;
        marked = ampm = 1;
    } else if ((h <= 6 || h >= 11) && (l = midday_after(s, j))) {
        if (h >= 1 && h <= 6) h += 12;               /* الواحدة ظهرا, الساعة 1 وقت الغداء */
        j += l;
        marked = ampm = 1;
    }
    if (lead_dp && h < 12 && (!lead_noon || h <= 6) &&
        (lead_dp == DP_AF || lead_dp == DP_EV || (lead_dp == DP_NI && h >= 6)))
        h += 12;
    /* the fraction of the hour after its half of the day: "التاسعة مساءً
     * والربع", "9 مساءً وثلاثة أرباع", "الثامنة صباحاً إلا ربعاً" */
    int fl;
    if (mi < 0 && ampm && !lead_dp && (fl = minutes_after(s, j, &mi, MIN_FRACTION))) {
        j += fl;
        if (mi < 0) { mi += 60; h = h ? h - 1 : 23; }
    }
    /* A bare number or number word is a time only with a clock word, minutes
     * or a part of the day, or right after a day when relaxed. */
    if (!marked && !(relaxed && h >= 1 && h <= 24 && !kind(s, j, LK_UNIT) && !kind(s, j, LK_MONTH) &&
                     !(!word && counted_after(s, j)) &&
                     (word ? kind(s, i, LK_ORD) && h >= 2 && definite(s, i) : s->u[i].nd <= 2)) &&
        /* from three: "في الأولى / الثانية" are as often "in the first / second",
         * unless a part of a day follows ("في الثانية من بعد ظهر الأحد") */
        !(word && i == j - 1 && hour_ordinal(s, i) && h <= 12 && !kind(s, j, LK_UNIT) &&
          (fn(s, j, F_OF) ? h >= 2 && daypart_day(s, j + 1) : h >= 3) && !kind(s, j, LK_MONTH) &&
          !fn(s, j, F_AND)))
        return 0;
    if (word && h == 0) return 0;
    if (fn(s, j, F_ZONE)) j++;                  /* "15:00 GMT": TIMEX3 values keep no zone */
    e->kind = X_DEICTIC;
    e->dayoff = 0;
    /* The day the time belongs to: "الساعة العاشرة من مساء أمس", "10 a.m. today". */
    int k = fn(s, j, F_OF) || (fn(s, j, F_IN) && !(s->u[j].flags & CHR_TOK_ARABIC)) ? j + 1 : j;
    l = 0;
    texpr day;
    texpr_init(&day);
    if (lead_day >= 0)
        k = lead_day;
    else if (iscomma(s, k) && (kind(s, k + 1, LK_ORD) || kind(s, k + 1, LK_MONTH) || isnum(s, k + 1) ||
                               kind(s, k + 1, LK_DEICTIC) || kind(s, k + 1, LK_WDAY)))
        k++;                                          /* "الساعة 8 مساءً ، 1 يناير" */
    if ((l = p_deictic(s, k, &day)) || (l = p_weekday(s, k, &day)) ||
        ((l = p_dmy(s, k, &day)) && !day.bare && day.d) || ((l = p_mdy(s, k, &day)) && day.d) ||
        ((l = p_numeric(s, k, &day)) && day.d)) {
        *e = day;
        int dp = day.daypart;
        if ((dp == DP_AF || dp == DP_EV || (dp == DP_NI && h >= 6)) && h < 12) h += 12;
        if (lead_day < 0) j = k + l;
    } else {
        e->noday = 1;
    }
    e->daypart = 0;
    e->hour = h;
    e->min = mi;
    e->sec = se;
    e->ampm = ampm || h >= 13;
    return j - i;
}

/* A clock time that names its hour: one clock_time() reads by itself
 * ("الساعة الثامنة", "8 مساءً", "منتصف الليل"), or a definite feminine
 * ordinal from three to twelve, the hour word used alone ("الثامنة"; not
 * "الثامنة من عمره"). */
static int named_hour(const S *s, int k, texpr *t)
{
    int l = clock_time(s, k, t, 0);
    if (l) return l;
    if (!fem_ordinal(s, k) || val(s, k, LK_ORD) < 3 || val(s, k, LK_ORD) > 12) return 0;
    l = clock_time(s, k, t, 1);
    if (l) return !fn(s, k + l, F_OF) ? l : 0;
    if (!kind(s, k + 1, LK_UNIT)) return 0;
    /* a unit right after it, which clock_time() leaves alone: the count of
     * "قبل الثامنة بساعة" */
    texpr_init(t);
    t->kind = X_DEICTIC;
    t->noday = 1;
    t->hour = val(s, k, LK_ORD);
    return 1;
}

/* The minutes or hours a clock time is moved by, as count_unit() reads
 * them; a bare singular unit is one ("قبل الثامنة بساعة").  Returns units
 * read and sets *mins, or 0. */
static int clock_shift(const S *s, int k, int *mins)
{
    cu c;
    int l = count_unit(s, k, &c);
    if (!l && kind(s, k, LK_UNIT) && !val2(s, k, LK_UNIT) && !definite(s, k) && !kind(s, k, LK_PLURAL)) {
        memset(&c, 0, sizeof c);
        c.n = 1;
        c.u = val(s, k, LK_UNIT);
        l = 1;
    }
    if (!l || c.n <= 0 || c.fracdig) return 0;
    if (c.u == U_MIN && c.n < 60 && !c.half) *mins = c.n;
    else if (c.u == U_HOUR && c.n < 12) *mins = c.n * 60 + (c.half ? 30 : 0);
    else return 0;
    return l;
}

/* Minutes or hours before or after a clock time, one clock time:
 * "ثلاث دقائق قبل الثامنة" (07:57), "عشرين دقيقة بعد الخامسة صباح الغد",
 * "قبل الثامنة بخمس دقائق", "بعد منتصف الليل بساعتين", "قبل عشر دقائق من
 * الساعة الثامنة".  Only a clock time that names its hour (named_hour), so
 * "قبل 10 دقائق" stays ten minutes ago and "بعد الظهر" the afternoon. */
static int p_clock_offset(const S *s, int i, texpr *e)
{
    if (!(s->u[i].flags & CHR_TOK_ARABIC)) return 0;
    int j = i, l, mins = 0, sign;
    texpr t;
    texpr_init(&t);
    /* minutes first, not hours ("استمر القصف ساعتين بعد منتصف الليل" is
     * how long), and not after "for" (لمدة عشر دقائق بعد الثامنة) */
    if ((l = clock_shift(s, j, &mins)) && mins < 60 && !fn(s, j - 1, F_DURING) && fn(s, j + l, F_BEFORE | F_AFTER)) {
        sign = fn(s, j + l, F_BEFORE) ? -1 : 1;
        j += l + 1;
        if (!(l = named_hour(s, j, &t))) return 0;
        j += l;
    } else if (fn(s, j, F_BEFORE | F_AFTER)) {
        sign = fn(s, j, F_BEFORE) ? -1 : 1;
        j++;
        if ((l = clock_shift(s, j, &mins)) && fn(s, j + l, F_OF)) {         /* قبل عشر دقائق من الثامنة */
            j += l + 1;
            if (!(l = named_hour(s, j, &t))) return 0;
            j += l;
        } else if ((l = named_hour(s, j, &t)) && j + l < s->nu && (s->u[j + l].flags & CHR_TOK_ARABIC) &&
                   s->u[j + l].start > 0 && s->text[s->u[j + l].start - 1] == 0x0628) {
            /* قبل الثامنة بخمس دقائق: the count takes ب (a stripped clitic,
             * left out of the unit's span) */
            j += l;
            if (!(l = clock_shift(s, j, &mins))) return 0;
            j += l;
        } else {
            return 0;
        }
    } else {
        return 0;
    }
    if (t.hour < 0 || t.daypart) return 0;
    int total = t.hour * 60 + (t.min > 0 ? t.min : 0) + sign * mins;
    if (total < 0 || total >= 24 * 60) return 0;    /* into another day: left alone */
    *e = t;
    e->hour = total / 60;
    e->min = total % 60;
    e->sec = -1;
    e->ampm = t.ampm || e->hour >= 13;
    return j - i;
}

/* ---- the recognizer -------------------------------------------------- */

typedef int (*pattern_fn)(const S *, int, texpr *);

/* A pattern and what its first unit may be: a number (NUMBIT), or a word
 * with one of these readings (LK_FUNC: any function word).  Checked before
 * the pattern runs, so most positions try only two or three patterns. */
#define NUMBIT (1u << 31)
#define K(k) LKB(LK_##k)
static const struct pattern {
    pattern_fn fn;
    uint32_t first;       /* readings (and NUMBIT) the first unit may have */
    uint64_t roles;       /* or function-word roles it may have */
} patterns[] = {
    {p_dmy, NUMBIT | K(WDAY) | K(ORD) | K(CARD) | K(DAYPART), F_DAY | F_THE},
    {p_mdy, K(WDAY) | K(MONTH) | K(UNIT) | K(SET), 0},
    {p_numeric, NUMBIT, 0},
    {p_month, K(SHIFT) | K(MONTH) | K(UNIT) | K(SET), F_THIS},
    {p_hmonth, K(HMONTH) | K(UNIT), 0},
    {p_part, K(PART), F_THE},
    {p_edge, K(PART) | K(UNIT) | K(DEICTIC), 0},
    {p_quarter, K(ORD) | K(UNIT), F_THE | F_HALF},
    {p_nthwday, K(ORD) | K(SHIFT) | K(PART) | K(WDAY), F_THE | F_DAY},
    {p_first_months, K(ORD) | K(SHIFT) | K(UNIT), F_THE},
    {p_season, K(SHIFT) | K(SEASON), F_THIS | F_THE},
    {p_decade, NUMBIT | K(DECADE) | K(UNIT) | K(ORD), F_THE},
    {p_year, NUMBIT | K(UNIT) | K(CARD), F_YEAR},
    {p_deictic, K(DAYPART) | K(SHIFT) | K(DEICTIC), F_THIS},
    {p_weekday, K(DAYPART) | K(SHIFT) | K(WDAY), F_THIS | F_DAY},
    {p_ago, K(AGO) | NUMBIT | K(CARD) | K(UNIT), 0},
    {p_unitrel, K(SHIFT) | K(UNIT), F_THE | F_THIS},
    {p_duration, K(SHIFT) | K(PART) | NUMBIT | K(CARD) | K(UNIT), F_THE | F_HALF | F_WHOLE | F_FULL},
    {p_ref, K(PLURAL) | K(SHIFT) | K(REF), F_THE},
    {p_set, K(SET) | K(PLURAL) | NUMBIT | K(ORD) | K(CARD) | K(DAYPART), F_CLOCK | F_NOON | F_MIDNIGHT},
    {p_time, NUMBIT | K(ORD) | K(CARD) | K(DAYPART), F_CLOCK | F_NOON | F_MIDNIGHT | F_NOONOF},
    {p_clock_offset, NUMBIT | K(CARD) | K(UNIT), F_BEFORE | F_AFTER},
    {p_daypart, K(DAYPART) | K(PART), F_THE},
    {p_holiday, K(HOLIDAY), F_DAY},
};
#undef K

/* The longest expression at i (an approximation word may lead it). */
static int match_at(const S *s, int i, texpr *best)
{
    int bl = 0, lead = 0;
    /* APPROX, LESS_THAN, MORE_THAN, EQUAL_OR_*: part of the expression;
     * before/after words ("no later than") are signals and stay out. */
    if (kind(s, i, LK_APPROX) && val(s, i, LK_APPROX) != 2 && val(s, i, LK_APPROX) != 3 &&
        val(s, i, LK_APPROX) != 4 && val(s, i, LK_APPROX) != 5 &&
        !fn(s, i + 1, F_THE) && !kind(s, i + 1, LK_SHIFT) && !fn(s, i + 1, F_THIS))
        lead = 1;
    int at = i + lead;
    if (at >= s->nu) return 0;
    const lex_info *lx = s->u[at].lx;
    uint32_t first = (s->u[at].flags & CHR_TOK_NUM) ? NUMBIT : lx ? lx->kinds : 0;
    uint64_t roles = lx && (lx->kinds & LKB(LK_FUNC)) ? lx->funcs : 0;
    for (size_t p = 0; p < sizeof patterns / sizeof *patterns; p++) {
        if (!(patterns[p].first & first) && !(patterns[p].roles & roles)) continue;
        texpr e;
        texpr_init(&e);
        int l = patterns[p].fn(s, at, &e);
        if (l > bl || (l && l == bl && best->bare && !e.bare)) { bl = l; *best = e; }   /* a bare day yields */
    }
    if (!bl) return 0;
    if (lead && best->part) return 0;     /* "no later than the end of the year": the part is the mod */
    /* "more than", "over", "under" bound amounts of time, not dates ("over Easter") */
    if (lead && val(s, i, LK_APPROX) >= 6 && best->kind != X_DUR && best->kind != X_AGO) return 0;
    if (lead) {
        best->mod = val(s, i, LK_APPROX);
        if (best->kind == X_AGO && (best->mod == 6 || best->mod == 7))
            best->mod = (best->mod == 7) == (best->dir < 0) ? 2 : 3;     /* more than 2 years ago: BEFORE */
        return bl + 1;
    }
    return bl;
}

/* A time of day that follows a date ("18 حزيران الساعة العاشرة"). */
static int time_after(const S *s, int j, texpr *e)
{
    int day = (e->kind == X_CAL && e->d && !e->per) || e->kind == X_DEICTIC || e->kind == X_WDAY;
    if (!day || e->hour >= 0) return 0;
    int k = j, relaxed = e->daypart != 0;
    if (iscomma(s, k)) k++;
    /* "23 أكتوبر في السابعة", "الليلة حوالي الساعة 7"; English keeps "at 8
     * PM" apart, as TimeML annotates it */
    if (fn(s, k, F_IN) && (s->u[k].flags & CHR_TOK_ARABIC)) { k++; relaxed = 1; }
    if (kind(s, k, LK_APPROX) && (s->u[k].flags & CHR_TOK_ARABIC)) k++;
    texpr t;
    texpr_init(&t);
    int l = clock_time(s, k, &t, relaxed);
    /* "5 فبراير صباحاً", "9 ديسمبر في المساء": the part of that day, as
     * after a weekday (p_weekday); not "... صباح اليوم", another day */
    if (!l && e->kind == X_CAL && !e->daypart && !kind(s, j + 1, LK_DEICTIC) && !kind(s, j + 1, LK_WDAY))
        return daypart_after(s, j, e);
    if (!l || t.kind != X_DEICTIC || t.dayoff || t.daypart) return 0;
    int h = t.hour, dp = e->daypart;
    if ((dp == DP_AF || dp == DP_EV || (dp == DP_NI && h >= 6)) && h < 12) h += 12;
    e->hour = h;
    e->min = t.min;
    e->sec = t.sec;
    e->ampm = t.ampm || dp || h >= 13;     /* not a bare hour for share_times */
    e->daypart = 0;
    return k + l - j;
}

typedef struct elem {
    texpr e;
    int u0, u1;            /* units [u0, u1) */
    int ownday;            /* it named its day before sharing with its siblings */
} elem;

#define MAXELEM 8

static int is_time(const texpr *e) { return e->hour >= 0; }
static int bare_hour(const texpr *e)
{
    return (e->kind == X_CAL && e->bare && e->d <= 24) || (e->hour >= 0 && e->hour < 12 && !e->ampm);
}

/* In a list or range of times, bare numbers are hours and take the half of
 * the day of their sibling: "من 5 إلى 6 مساءً" is 17:00 to 18:00.  A range
 * runs forward: its bare end is the first time after the start that the
 * clock shows that hour ("from 9 am to 5" ends at 17:00, "من العاشرة مساءً
 * حتى السادسة" at 06:00), its bare start the last such time before the end
 * ("from 10 to 6 am" starts at 22:00); emit puts such an end on the next
 * day, or such a start on the day before. */
static void share_times(elem *el, int n, int range)
{
    int t = -1;
    for (int k = 0; k < n; k++)
        if (is_time(&el[k].e) && !bare_hour(&el[k].e)) t = k;
    /* none says its half of the day: "بين الساعة 9 و11" are 9:00 and 11:00 */
    for (int k = 0; k < n && t < 0; k++)
        if (is_time(&el[k].e)) t = k;
    if (t < 0) return;
    for (int k = 0; k < n; k++) {
        texpr *a = &el[k].e;
        if (k == t || !bare_hour(a)) continue;
        int h = a->hour >= 0 ? a->hour : a->d;
        int mi = a->hour >= 0 ? a->min : -1;
        int se = a->hour >= 0 ? a->sec : -1;
        /* a time that names its own day keeps it: "من 3:00 إلى 4:00 غداً",
         * "from 3:00 to 4:00 tomorrow" end tomorrow */
        if (a->hour < 0 || a->noday) *a = el[t].e;
        a->hour = h;
        a->min = mi;
        a->sec = se;
        if (h >= 12) continue;
        int th = el[t].e.hour;
        /* in minutes of the day: the bare time in the morning, the sibling */
        int am = 60 * h + (mi > 0 ? mi : 0), tm = 60 * th + (el[t].e.min > 0 ? el[t].e.min : 0);
        if (range && k > t)
            a->hour = am > tm || am + 720 <= tm ? h : h + 12;
        else if (range)
            a->hour = am + 720 <= tm || am > tm ? h + 12 : h;
        else if (th >= 12 && h + 12 <= th + (k < t ? 0 : 12))
            a->hour = h + 12;
    }
}

/* Fields a list element takes from its siblings: "18 و19 حزيران" gives the
 * month and year of the last to the first; "June 18 and 19" the month of the
 * first to the second. */
static void share_fields(elem *el, int n)
{
    for (int k = 0; k < n; k++) {
        texpr *a = &el[k].e;
        if (a->kind != X_CAL) continue;
        for (int pass = 0; pass < 2 && (!a->m || (a->ym != Y_ABS && a->ym != Y_MSHIFT)); pass++) {
            for (int q = pass ? k - 1 : k + 1; pass ? q >= 0 : q < n; q += pass ? -1 : 1) {
                const texpr *b = &el[q].e;
                if (b->kind != X_CAL || b->bare) continue;
                if (!a->m && a->d && b->m) a->m = b->m;
                if (!a->m && a->d && b->ym == Y_MREL && a->ym == Y_NONE) {
                    a->ym = Y_MREL;
                    a->yshift = b->yshift;
                    a->bare = 0;
                }
                if (a->ym == Y_NONE && b->ym != Y_NONE) {
                    a->ym = b->ym; a->y = b->y; a->yshift = b->yshift;
                }
                if (b->hijri && !a->hijri && a->d) a->hijri = 1;
                break;
            }
        }
        if (a->m) a->bare = 0;
    }
    /* يومي الثلاثاء والأربعاء المقبلين: the shift written once is for all */
    for (int k = 0; k < n; k++)
        if (el[k].e.kind == X_WDAY && el[k].e.shift == 2)
            for (int q = 0; q < n; q++)
                if (el[q].e.kind == X_WDAY && el[q].e.shift != 2) { el[k].e.shift = el[q].e.shift; break; }
}

/* A range whose ends give no year ("من 2 أكتوبر إلى 22 أكتوبر") is resolved
 * end by end, and each end may fall in another year (the nearer past or
 * the next occurrence).  The end takes the start's year, and the year after
 * when that would put it before the start ("20 December to 5 January"). */
static void range_end_after_start(const chr_timex *a, chr_timex *b, const texpr *ea, const texpr *eb)
{
    if (ea->ym == Y_ABS || eb->ym == Y_ABS) return;
    if (strlen(a->value) != 10 || strlen(b->value) != 10 || a->value[4] != '-' || b->value[4] != '-') return;
    if (a->value[0] == 'X' || b->value[0] == 'X' || !strncmp(a->value, b->value, 4)) return;
    char v[11];
    memcpy(v, a->value, 4);
    memcpy(v + 4, b->value + 4, 7);
    if (strcmp(v, a->value) < 0) {
        int y = atoi(a->value) + 1;
        char yy[16];
        if (y > 9999) return;
        snprintf(yy, sizeof yy, "%04d", y);
        memcpy(v, yy, 4);
    }
    memcpy(b->value, v, 11);
}

/* A range of two weekdays ("من الثلاثاء إلى الخميس", "between Wednesday and
 * Friday") resolved end by end can end before it starts: the start this
 * week, the end last week.  The ends are a week apart at most: in a past
 * clause the start moves a week back, else the end a week on. */
static void range_weekdays(S *s, chr_timex *a, chr_timex *b, int tense)
{
    chr_date da, db;
    if (strlen(a->value) != 10 || strlen(b->value) != 10 || chr_date_parse(a->value, &da) ||
        chr_date_parse(b->value, &db))
        return;
    if (strcmp(b->value, a->value) >= 0) return;
    if (tense < 0) {
        cal_add(&s->cal, &da, UCAL_DATE, -7);
        snprintf(a->value, sizeof a->value, "%04d-%02d-%02d", da.y, da.m, da.d);
    } else {
        cal_add(&s->cal, &db, UCAL_DATE, 7);
        snprintf(b->value, sizeof b->value, "%04d-%02d-%02d", db.y, db.m, db.d);
    }
}

/* A range of two clock times on one day whose end comes before its start
 * ("from 10 pm to 6 am", "من العاشرة مساءً حتى السادسة صباحاً") runs
 * overnight: the end is on the next day.  Where only the end named its
 * day ("between 11 pm and 2 am on Friday", "from 10 pm until 6 am
 * tomorrow") the day is the end's and the start moves to the day before;
 * so too where neither did in a past clause, as the night nearest before
 * the anchor ends on its day. */
static void range_overnight(S *s, chr_timex *a, chr_timex *b, const elem *el, int tense)
{
    chr_date d;
    char day[11];
    if (a->type != CHR_TX_TIME || b->type != CHR_TX_TIME || strlen(a->value) != strlen(b->value) ||
        strlen(a->value) < 16 || a->value[10] != 'T' || b->value[10] != 'T' || a->value[11] < '0' ||
        a->value[11] > '9' || b->value[11] < '0' || b->value[11] > '9' || strncmp(a->value, b->value, 10) ||
        strcmp(b->value + 11, a->value + 11) >= 0)
        return;
    memcpy(day, a->value, 10);
    day[10] = 0;
    if (chr_date_parse(day, &d)) return;
    int back = (!el[0].ownday && el[1].ownday) || (!el[0].ownday && !el[1].ownday && tense < 0);
    cal_add(&s->cal, &d, UCAL_DATE, back ? -1 : 1);
    snprintf(day, sizeof day, "%04d-%02d-%02d", d.y, d.m, d.d);
    memcpy(back ? a->value : b->value, day, 10);
}

/* Resolves and records the n expressions of one list or range.  A list or
 * range is one expression in one clause: one tense for all its members
 * (the caller's), so "من 2 أكتوبر إلى 22 أكتوبر" falls in one year. */
static chr_status emit(S *s, const elem *el, int n, int range, const chr_date *anchor, int tense)
{
    int group = ++s->next_group;
    for (int k = 0; k < n; k++) {
        if (chr_grow((void **)&s->out, &s->ocap, s->nout + 1, sizeof(chr_timex))) return CHR_ERR_NOMEM;
        chr_timex *tx = &s->out[s->nout];
        memset(tx, 0, sizeof *tx);
        if (resolve(&s->cal, &el[k].e, anchor, tense, tx)) continue;   /* 31 February */
        tx->start = s->u[el[k].u0].start;
        tx->end = s->u[el[k].u1 - 1].end;
        tx->group = group;
        tx->role = n == 1 ? CHR_ROLE_SINGLE : range ? (k == 0 ? CHR_ROLE_RANGE_START : CHR_ROLE_RANGE_END)
                 : CHR_ROLE_AND;
        s->nout++;
    }
    if (range && n == 2 && s->nout >= 2 && s->out[s->nout - 2].group == group) {
        range_end_after_start(&s->out[s->nout - 2], &s->out[s->nout - 1], &el[0].e, &el[1].e);
        if (el[0].e.kind == X_WDAY && el[1].e.kind == X_WDAY)
            range_weekdays(s, &s->out[s->nout - 2], &s->out[s->nout - 1], tense);
        range_overnight(s, &s->out[s->nout - 2], &s->out[s->nout - 1], el, tense);
    }
    return CHR_OK;
}

/* Whether two expressions can stand in one list or range. */
static int compatible(const texpr *a, const texpr *b)
{
    if (is_time(a) || is_time(b))       /* "من 5 إلى 6 مساءً": a bare number joins a time */
        return (is_time(a) || bare_hour(a)) && (is_time(b) || bare_hour(b));
    if (a->kind == X_CAL && b->kind == X_CAL) return 1;
    if (a->kind == X_WDAY && b->kind == X_WDAY) return 1;
    return 0;
}

/* Whether an expression can start at unit i: a number, or a word with a
 * reading other than a preposition, a tense or page marker, or a name. */
static int can_start(const S *s, int i)
{
    if (i >= s->nu) return 0;
    const unit *u = &s->u[i];
    if (u->flags & CHR_TOK_NUM) return 1;
    if (!u->lx) return 0;
    uint32_t other = u->lx->kinds & ~(LKB(LK_FUNC) | LKB(LK_TENSE) | LKB(LK_AMBIG) | LKB(LK_PUB) |
                                      LKB(LK_ITEM) | LKB(LK_NAME) | LKB(LK_MWSTART));
    return other || (u->lx->funcs & (F_THE | F_YEAR | F_DAY | F_CLOCK | F_THIS | F_HALF | F_WHOLE | F_FULL |
                                     F_NOON | F_MIDNIGHT | F_NOONOF));
}

/* Two counts that share the unit written after the second: "between 12
 * and 18 months", "three to five years", "2-3 days", "من 3 إلى 5 سنوات",
 * "بين ثلاثة وخمسة أيام" are the range of two durations.  Not a range of
 * offsets ("3 to 5 years ago", "قبل 3 إلى 5 سنوات"), left to the single
 * count.  Fills el[0] and el[1]; returns 1 when found. */
static int count_range(const S *s, int i, elem *el)
{
    int n, l = isnum(s, i) || kind(s, i, LK_CARD) ? count_num(s, i, &n) : 0, k, m;
    cu c;
    if (!l || n <= 0 || kind(s, i + l, LK_UNIT) || kind(s, i - 1, LK_AGO)) return 0;
    k = i + l;
    if (fn(s, k, F_AND | F_TO) || (isdash(s, k) && glued(s, k) && glued(s, k + 1) && isnum(s, i) && isnum(s, k + 1)))
        k++;
    else if (!(k < s->nu && s->u[k].wa))              /* وخمسة أيام: the و glued on */
        return 0;
    /* a counted Arabic noun is indefinite: "من 4 إلى 22 الشهر المقبل" are days */
    if (!(m = count_unit(s, k, &c)) || c.n <= n || n >= 1000 || c.half || c.fracdig || c.u == U_WE ||
        definite(s, k + m - 1) || kind(s, k + m, LK_SHIFT) ||
        (kind(s, k + m, LK_AGO) && !(s->u[k + m].flags & CHR_TOK_ARABIC)))
        return 0;
    for (int q = 0; q < 2; q++) {
        texpr_init(&el[q].e);
        el[q].e.kind = X_DUR;
        el[q].e.unit = c.u;
        el[q].e.n = q ? c.n : n;
    }
    el[0].u0 = i;
    el[0].u1 = i + l;
    el[1].u0 = k;
    el[1].u1 = k + m;
    el[0].ownday = el[1].ownday = 0;
    return 1;
}

/* A year in number words that follows a year in a list or range, with no
 * year word of its own: "بين عامي ألفين وعشرة وألفين وخمسة عشر".  Not a
 * count of things ("عام 2010 وألفين جندي").  prev is the member before;
 * fills f and returns the units read, or 0. */
static int year_words_after(const S *s, int k, const texpr *prev, texpr *f)
{
    long w;
    int l;
    if (prev->kind != X_CAL || prev->ym != Y_ABS || !prev->y || prev->m || prev->d || prev->per || prev->hijri ||
        !kind(s, k, LK_CARD) || !(l = number_words(s, k, &w)) || w < 1000 || w > 2999 || kind(s, k + l, LK_UNIT) ||
        kind(s, k + l, LK_PLURAL) || isnum(s, k + l) || counted_after(s, k + l))
        return 0;
    texpr_init(f);
    f->kind = X_CAL;
    f->y = (int)w;
    f->ym = Y_ABS;
    if (fn(s, k + l, F_AD)) l++;
    return l;
}

/* Whether e names one day a time of day after it can belong to: a date
 * with its day, a weekday, "tomorrow".  Not a Hijri date, which keeps no
 * time (resolve.c). */
static int names_day(const texpr *e)
{
    if (e->kind == X_CAL)
        return (e->d || e->nthwd) && !e->bare && !e->per && !e->hijri && (e->m || e->ym == Y_MREL);
    return (e->kind == X_DEICTIC && !e->noday) || e->kind == X_WDAY;
}

/* Whether only a comma, a dash or a preposition (في، بين، من، at, between,
 * from) stands between unit a, just after a day, and unit b in one
 * sentence ("الأحد 12 يناير 2025 - 10:30 صباحاً" in a dateline). */
static int day_link(const S *s, int a, int b)
{
    if (a <= 0 || b < a || b - a > 2 || b >= s->nu || s->u[b].sent != s->u[a - 1].sent) return 0;
    for (int k = a; k < b; k++)
        if (!iscomma(s, k) && !isdash(s, k) && !fn(s, k, F_IN | F_FROM | F_BETWEEN)) return 0;
    return 1;
}

/* t, a time or part of day with no day of its own, becomes that time on
 * the day of e. */
static void take_day(texpr *t, const texpr *day)
{
    texpr d = *day;
    d.hour = t->hour;
    d.min = t->min;
    d.sec = t->sec;
    d.ampm = t->ampm;
    d.daypart = t->daypart;
    d.part = t->part;
    d.mod = t->mod;
    *t = d;
}

/* Weekdays right after a week ("الأسبوع المقبل بين الأربعاء والجمعة", "this
 * week, from Tuesday to Thursday") are days of that week. */
static void weekdays_of_week(elem *el, int n, int week_shift)
{
    for (int k = 0; k < n; k++)
        if (el[k].e.kind != X_WDAY || el[k].e.shift != 2 || el[k].e.inweek) return;
    for (int k = 0; k < n; k++) weekday_in_week(&el[k].e, el[k].e.wd, week_shift);
}

/* Whether the day and month read at units [u0, u1) are part of a name:
 * after an Arabic noun in construct that names places, bodies and events
 * after a date (name.txt, 2: "مستشفى 15 أيار", "ساحة 14 آذار", "ثورة 25
 * يناير"), or, in English, before such a noun or between "the" and a
 * capitalized word ("the January 25 revolution", "the May 4 Movement").  A name's date has no year
 * in it, so reading it as this year's would invent one. */
static int date_in_name(const S *s, const texpr *e, int u0, int u1)
{
    if (e->kind != X_CAL || !e->m || !e->d || e->y) return 0;
    /* Arabic: the noun in construct, without the article ("الاتفاقية 17
     * أيار الماضي" is when the agreement was signed) */
    if (u0 > 0 && (s->u[u0 - 1].flags & CHR_TOK_ARABIC))
        return kind(s, u0 - 1, LK_NAME) && val(s, u0 - 1, LK_NAME) == 2 && !definite(s, u0 - 1);
    if (u1 >= s->nu || (s->u[u1 - 1].flags & CHR_TOK_ARABIC)) return 0;
    if (kind(s, u1, LK_NAME) && val(s, u1, LK_NAME) == 2) return 1;
    return u0 > 0 && fn(s, u0 - 1, F_THE) && (s->u[u1].flags & CHR_TOK_UPPER) && !s->u[u1].lx;
}

static chr_status recognize(S *s, const chr_date *anchor)
{
    int week_end = -1, week_shift = 0;     /* the last "this/next week" read: where it ends */
    texpr day;                             /* the last single day read ... */
    int day_end = -1, day_tense = 0;       /* ... where it ends and the tense it took */
    texpr_init(&day);
    for (int i = 0; i < s->nu;) {
        /* Every pattern starts at a number or a word the tables know that
         * can open an expression (not "of", "in", "and" ...). */
        if (!can_start(s, i) && !(fn(s, i, F_FROM | F_BETWEEN) && can_start(s, i + 1))) { i++; continue; }
        elem el[MAXELEM];
        int n = 0, range = 0, from = 0;
        if (fn(s, i, F_FROM | F_BETWEEN) && (isnum(s, i + 1) || kind(s, i + 1, LK_ORD) ||
                                            fn(s, i + 1, F_THE | F_DAY | F_CLOCK) || kind(s, i + 1, LK_MONTH) ||
                                            kind(s, i + 1, LK_WDAY)))
            from = 1;
        if (count_range(s, i + from, el)) {
            chr_status st = emit(s, el, 2, 1, anchor, tense_at(s, el[0].u0, el[1].u1));
            if (st != CHR_OK) return st;
            week_end = day_end = -1;
            i = el[1].u1;
            continue;
        }
        texpr e;
        int l = match_at(s, i + from, &e);
        if (!l && !from && (l = bare_unit(s, i, &e))) {
            /* a bare unit opens a duration only when one follows: "سنة وثلاثة أشهر" */
            texpr f;
            texpr_init(&f);
            int k = i + 1;
            if (fn(s, k, F_AND)) k++;
            else if (!(k < s->nu && s->u[k].wa)) l = 0;
            if (l && !p_duration(s, k, &f) && !bare_unit(s, k, &f)) l = 0;
            if (l && (f.kind != X_DUR || f.unit == e.unit || f.half || f.fracdig)) l = 0;
        }
        if (!l) { i++; continue; }
        if (date_in_name(s, &e, i + from, i + from + l)) {
            i += from + l;
            continue;
        }
        /* "the past decade", "العقد المقبل": the ten years before or after the
         * anchor, not a calendar decade (in 2013 "the past decade" is not the
         * 2000s), as "the past two decades" is a duration; "this decade" and
         * "the end of the last decade" stay calendar decades */
        if (e.kind == X_UNITREL && e.unit == U_DE && (e.shift == 1 || e.shift == -1) && !e.part) {
            e.kind = X_DUR;
            e.n = 1;
            e.adir = e.shift;
        }
        el[n].e = e;
        el[n].u0 = i + from;
        el[n].u1 = i + from + l;
        l += time_after(s, el[n].u1, &el[n].e);
        el[n].u1 = i + from + l;
        n++;
        /* Compound durations: "عام واحد و شهر و 21 يوما", "2 أيام و شهر واحد". */
        while (el[0].e.kind == X_DUR && !el[0].e.half && !el[0].e.fracdig && el[0].e.n > 0) {
            int j = el[0].u1, k = j;
            if (fn(s, k, F_AND) || iscomma(s, k)) k++;
            else if (!(k < s->nu && s->u[k].wa)) break;
            texpr f;
            texpr_init(&f);
            int m = p_duration(s, k, &f);
            if (!m) m = bare_unit(s, k, &f);                     /* عام واحد و شهر */
            if (!m || f.kind != X_DUR || f.half || f.fracdig || f.n <= 0 || f.unit == el[0].e.unit ||
                el[0].e.dur[f.unit] || f.unit == U_DE || f.unit == U_CE || f.unit == U_Q || f.unit == U_H ||
                el[0].e.unit == U_DE || el[0].e.unit == U_CE || el[0].e.unit == U_Q || el[0].e.unit == U_H)
                break;
            if (!el[0].e.dur[el[0].e.unit]) el[0].e.dur[el[0].e.unit] = (short)el[0].e.n;
            el[0].e.dur[f.unit] = (short)f.n;
            el[0].u1 = k + m;
        }
        /* Counted back from the anchor after the count: "two years and three
         * months ago" (English puts "ago" last, so the words before it were
         * read as a duration; "a year and a half ago" is one count, p_ago). */
        if (el[0].e.kind == X_DUR && el[0].e.n > 0 && !el[0].e.fracdig && !el[0].e.half &&
            unit_rank(el[0].e.unit) && !(s->u[el[0].u0].flags & CHR_TOK_ARABIC)) {
            int k = el[0].u1, fine = el[0].e.unit, ago = -1, l;
            for (int u = 0; u < 13; u++)
                if (el[0].e.dur[u] && unit_rank(u) > unit_rank(fine)) fine = u;
            cu c = {0};
            if ((fn(s, k, F_AND) || iscomma(s, k)) && (l = count_unit(s, k + 1, &c)) && !c.half && !c.fracdig &&
                c.n > 0 && unit_rank(c.u) > unit_rank(fine) && kind(s, k + 1 + l, LK_AGO))
                ago = k + 1 + l;
            else if (kind(s, k, LK_AGO) && el[0].e.dur[el[0].e.unit])
                ago = k;                                          /* a compound already read */
            if (ago >= 0 && !(s->u[ago].flags & CHR_TOK_ARABIC)) {
                texpr *e = &el[0].e;
                if (!e->dur[e->unit]) e->dur[e->unit] = (short)e->n;
                if (ago > k) e->dur[c.u] = (short)c.n;
                e->kind = X_AGO;
                e->dir = val(s, ago, LK_AGO);
                el[0].u1 = ago + 1;
            }
        }
        /* A duration, single or compound, before من الآن ("ثلاثة أشهر من
         * الآن") counts from the anchor: ahead of it, or back from it in a
         * past-tense clause. */
        if (el[0].e.kind == X_DUR && el[0].e.n > 0 && !el[0].e.fracdig && !el[0].e.half &&
            unit_rank(el[0].e.unit) && from_now(s, el[0].u1) && (s->u[el[0].u1].flags & CHR_TOK_ARABIC)) {
            el[0].e.kind = X_AGO;
            el[0].e.dir = tense_at(s, el[0].u0, el[0].u1) < 0 ? -1 : 1;
            el[0].u1 += 2;
        }
        /* Compound offsets: "منذ شهر و21 يوماً", "بعد عام وثلاثة أشهر": each
         * further count of a finer unit, as in a compound duration.  Like a
         * single count, one followed by "من" counts from an event, not from
         * the anchor: no expression then ("بعد يومين وساعتين من بدء ..."). */
        if (el[0].e.kind == X_AGO && el[0].e.n > 0 && kind(s, el[0].u0, LK_AGO) && unit_rank(el[0].e.unit)) {
            int fine = el[0].e.unit, grew = 0;
            for (;;) {
                int k = el[0].u1;
                if (fn(s, k, F_AND) || iscomma(s, k)) k++;
                else if (!(k < s->nu && s->u[k].wa)) break;
                texpr f;
                texpr_init(&f);
                int m = p_duration(s, k, &f);
                if (!m) m = bare_unit(s, k, &f);
                if (!m || f.kind != X_DUR || f.half || f.fracdig || f.n <= 0 || unit_rank(f.unit) <= unit_rank(fine))
                    break;
                if (!el[0].e.dur[el[0].e.unit]) el[0].e.dur[el[0].e.unit] = (short)el[0].e.n;
                el[0].e.dur[f.unit] = (short)f.n;
                fine = f.unit;
                el[0].u1 = k + m;
                grew = 1;
            }
            int k = el[0].u1;
            if (grew && from_now(s, k)) {
                el[0].u1 += 2;                                    /* من الآن: from the anchor */
            } else if (grew && fn(s, k, F_OF)) {
                i++;
                continue;
            }
        }
        /* Lists and ranges: "يومي الـ 18 والـ 19", "من 3 إلى 5 نيسان",
         * "بين 10 و12 شباط", "June 18 and 19", "2014-2018". */
        while (n < MAXELEM) {
            int j = el[n - 1].u1, k = j, is_range = 0;
            if (iscomma(s, k) && fn(s, k + 1, F_TO)) k++;          /* "Dec. 28, 2024, to Jan. 2" */
            int dash = isdash(s, k);
            if (fn(s, k, F_TO) || (dash && (el[0].e.kind == X_CAL || is_time(&el[0].e)))) { is_range = 1; k++; }
            else if (fn(s, k, F_AND) || iscomma(s, k)) k++;
            else if (k < s->nu && s->u[k].wa) { /* والـ 19: the conjunction is glued on */ }
            else break;
            texpr f;
            int m = match_at(s, k, &f);
            if (!m) m = year_words_after(s, k, &el[n - 1].e, &f);
            if (!m || !compatible(&el[0].e, &f)) break;
            /* between two clock times a dash is "to" ("4 مساءً - 5 مساءً",
             * "10:00 - 12:00"); a bare number after a time and a dash is
             * more often a count ("الساعة 10 - 5 قتلى") */
            if (dash && el[0].e.kind != X_CAL && !is_time(&f)) break;
            /* "5" after a dash is a range end only in a range context */
            if (is_range && n > 1) break;
            el[n].e = f;
            el[n].u0 = k;
            el[n].u1 = k + m;
            n++;
            if (is_range) { range = 1; break; }
        }
        if (fn(s, i, F_BETWEEN) && n == 2) range = 1;
        for (int k = 0; k < n; k++) el[k].ownday = names_day(&el[k].e);
        share_times(el, n, range);
        share_fields(el, n);
        /* Drop trailing list members that stayed bare; a bare first member
         * means this was no date at all. */
        while (n > 0 && el[n - 1].e.bare) n--;
        if (n == 0 || el[0].e.bare) {
            i += from + 1;
            continue;
        }
        for (int k = 1; k < n; k++)
            if (el[k].e.bare) n = k;
        if (n == 1) range = 0;
        if (week_end >= 0 && (i == week_end || (i == week_end + 1 && iscomma(s, week_end))))
            weekdays_of_week(el, n, week_shift);
        week_end = -1;
        if (n == 1 && el[0].e.kind == X_UNITREL && el[0].e.unit == U_W && !el[0].e.part) {
            week_end = el[0].u1;
            week_shift = el[0].e.shift;
        }
        /* A clock time, a range of them or a part of the day after a date
         * in the same phrase is on that date, never on the anchor's day.
         * Where the grammar reads the two as one phrase (Arabic "يوم
         * الجمعة الساعة 3", "5 فبراير صباحاً", "Friday afternoon": see
         * time_after and daypart_after) they are one TIME expression.  A
         * time the grammar keeps apart (English "Friday at 3 pm", as
         * TimeML marks it; ranges and lists of times, "غداً بين الساعة 8
         * صباحاً و2 مساءً", "tomorrow from 8am to 2pm"; "Feb 5 in the
         * morning") stays its own expression and takes its day from the
         * date, with the date's tense: the date stays a DATE, each time a
         * TIME on that day. */
        int tense = 2;
        /* In a list or range a time takes the day of its nearest member
         * that has one: "الجمعة من الساعة 1 حتى 4", "from 9 am to 5 pm
         * tomorrow". */
        for (int k = 0; k < n; k++)
            for (int d = 1; el[k].e.noday && d < n; d++) {
                if (k - d >= 0 && !el[k - d].e.noday && names_day(&el[k - d].e)) take_day(&el[k].e, &el[k - d].e);
                else if (k + d < n && !el[k + d].e.noday && names_day(&el[k + d].e)) take_day(&el[k].e, &el[k + d].e);
            }
        if (el[0].e.noday && day_end >= 0 && day_link(s, day_end, el[0].u0)) {
            for (int k = 0; k < n; k++)
                if (el[k].e.noday) take_day(&el[k].e, &day);
            tense = day_tense;
        } else if (el[0].e.noday) {
            /* times before their date: "من الساعة 6 صباحاً إلى 6 مساءً في 1
             * يناير", "between 9 and 11 am, on Friday" */
            texpr next;
            int k = el[n - 1].u1, ml = 0;
            if (iscomma(s, k)) k++;
            if (fn(s, k, F_IN | F_OF)) k++;
            if (k < s->nu && s->u[k].sent == s->u[el[0].u0].sent && (ml = match_at(s, k, &next)) &&
                names_day(&next) && next.hour < 0 && !next.daypart) {
                tense = tense_at(s, k, k + ml);           /* as the date will take it */
                for (int q = 0; q < n; q++)
                    if (el[q].e.noday) take_day(&el[q].e, &next);
            }
        }
        if (tense == 2) tense = tense_at(s, el[0].u0, el[n - 1].u1);
        day_end = -1;
        if (n == 1 && names_day(&el[0].e)) {
            day = el[0].e;
            day_end = el[0].u1;
            day_tense = tense;
        }
        chr_status st = emit(s, el, n, range, anchor, tense);
        if (st != CHR_OK) return st;
        i = el[n - 1].u1;
    }
    return CHR_OK;
}

/* ---- public API ------------------------------------------------------ */

chr_dates *chr_dates_new(void)
{
    S *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->tok = s->own = chr_tokens_new();
    if (!s->own || cal_open(&s->cal)) {
        chr_dates_free(s);
        return NULL;
    }
    return s;
}

void chr_dates_free(chr_dates *s)
{
    if (!s) return;
    chr_tokens_free(s->own);
    cal_close(&s->cal);
    free(s->u);
    free(s->out);
    free(s);
}

chr_lang chr_lang_detect(const uint32_t *text, size_t n)
{
    size_t ar = 0, lat = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = text[i];
        if (c >= 0x0620 && c <= 0x064A) ar++;
        else if ((c | 32) >= 'a' && (c | 32) <= 'z') lat++;
    }
    return ar > lat ? CHR_LANG_AR : CHR_LANG_EN;
}

static chr_status scan(chr_dates *s, const uint32_t *text, size_t n, chr_lang lang,
                       const chr_date *anchor, const chr_timex **out, size_t *nout)
{
    s->nout = 0;
    s->err[0] = 0;
    *out = NULL;
    *nout = 0;
    if (anchor && !anchor->y) anchor = NULL;
    s->lang = lang == CHR_LANG_AUTO ? chr_lang_detect(text, n) : lang;
    s->text = text;
    chr_status st = s->tok == s->own ? chr_tokenize(s->own, text, n) : CHR_OK;
    if (st == CHR_OK) st = build_units(s);
    if (st == CHR_OK) s->nitems = item_starts(s, text, n, s->items, sizeof s->items / sizeof *s->items);
    if (st == CHR_OK) st = recognize(s, anchor);
    if (st != CHR_OK) {
        strcpy(s->err, chr_status_str(st));
        return st;
    }
    *out = s->out;
    *nout = s->nout;
    return CHR_OK;
}

chr_status chr_dates_scan(chr_dates *s, const uint32_t *text, size_t n, chr_lang lang,
                          const chr_date *anchor, const chr_timex **out, size_t *nout)
{
    s->tok = s->own;
    return scan(s, text, n, lang, anchor, out, nout);
}

chr_status chr_dates_scan_tokens(chr_dates *s, const uint32_t *text, size_t n, const chr_tokens *tok,
                                 chr_lang lang, const chr_date *anchor, const chr_timex **out, size_t *nout)
{
    s->tok = tok;
    chr_status st = scan(s, text, n, lang, anchor, out, nout);
    s->tok = s->own;
    return st;
}

int chr_date_parse(const char *str, chr_date *out)
{
    int y, m, d;
    char tail;
    if (strlen(str) != 10 || str[4] != '-' || str[7] != '-') return -1;
    if (sscanf(str, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return -1;
    /* Checked by the Gregorian rule itself: this runs for every article's
     * front matter, where opening an ICU calendar each time would cost more
     * than the check. */
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap)) return -1;
    out->y = y;
    out->m = m;
    out->d = d;
    return 0;
}

const char *chr_tx_type_str(chr_tx_type t)
{
    static const char *const names[] = {"DATE", "TIME", "DURATION", "SET"};
    return names[t];
}

const char *chr_tx_role_str(chr_tx_role r)
{
    static const char *const names[] = {"single", "and", "range_start", "range_end"};
    return names[r];
}

const char *chr_dates_errmsg(const chr_dates *s)
{
    return s->err;
}

const char *chr_dates_data_problems(void)
{
    return chr_lex_problems();
}

/* ---- the envelope: publication line and appended items ---------------- */


/* How far into an article a publication line is looked for. */
#define DCT_WINDOW 4000

static int line_break_between(const uint32_t *text, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (text[k] == '\n' || text[k] == '\r') return 1;
    return 0;
}

int chr_find_dct(chr_dates *s, const uint32_t *text, size_t n, chr_date *dct,
                 size_t *start, size_t *end)
{
    size_t lim = n < DCT_WINDOW ? n : DCT_WINDOW;
    s->text = text;
    int group = s->next_group;      /* this look-up numbers no output groups */
    s->nout = 0;
    s->lang = chr_lang_detect(text, lim);
    s->tok = s->own;
    if (chr_tokenize(s->own, text, lim) != CHR_OK || build_units(s) != CHR_OK) return -1;
    for (int i = 0; i < s->nu; i++) {
        if (!kind(s, i, LK_PUB)) continue;
        s->nout = 0;
        if (recognize(s, NULL) != CHR_OK) return -1;
        for (size_t k = 0; k < s->nout; k++) {
            const chr_timex *tx = &s->out[k];
            if (tx->start < s->u[i].end || line_break_between(text, s->u[i].end, tx->start)) continue;
            chr_date d;
            if (strlen(tx->value) == 10 && chr_date_parse(tx->value, &d) == 0) {
                *dct = d;
                *start = tx->start;
                *end = tx->end;
                s->nout = 0;
                s->next_group = group;
                return 0;
            }
            break;
        }
    }
    s->nout = 0;
    s->next_group = group;
    return -1;
}

/* Records in starts (up to max) where the items after "read also" lines
 * begin, from the units of the current text; returns how many. */
static size_t item_starts(const S *s, const uint32_t *text, size_t n, size_t *starts, size_t max)
{
    size_t found = 0;
    for (int i = 0; i < s->nu && found < max; i++) {
        if (!kind(s, i, LK_ITEM) || !(i == 0 || (s->u[i].flags & CHR_TOK_BREAK))) continue;
        int j = i + 1;
        while (j < s->nu && !(s->u[j].flags & CHR_TOK_BREAK) && (s->u[j].flags & CHR_TOK_PUNCT)) j++;
        if (j < s->nu && !(s->u[j].flags & CHR_TOK_BREAK)) continue;   /* more words on the line */
        size_t at = j < s->nu ? s->u[j].start : n;
        /* the start of the next line */
        size_t k = s->u[j - 1].end;
        while (k < at && text[k] != '\n') k++;
        starts[found++] = k < n ? k + 1 : n;
    }
    return found;
}

size_t chr_find_items(chr_dates *s, const uint32_t *text, size_t n, size_t *starts, size_t max)
{
    s->text = text;
    s->tok = s->own;
    if (chr_tokenize(s->own, text, n) != CHR_OK || build_units(s) != CHR_OK) return 0;
    return item_starts(s, text, n, starts, max);
}

size_t chr_dates_items(const chr_dates *s, const size_t **starts)
{
    *starts = s->items;
    return s->nitems;
}
