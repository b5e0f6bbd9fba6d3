/* treaties.c - pass 5 of the extractor: the treaties an article names.
 *
 * A treaty word (treaty.txt: معاهدة, اتفاقية, agreement, charter ...) with
 * the words of its name, or the organisation it belongs to ("the UN
 * Charter").  Names that share a content word, in either language, are one
 * treaty; a bare "the agreement" is the last one of its kind.  A state after
 * "with" is a party, as is the subject of a verb that signs or negotiates
 * it, signed or not yet, and a cited article ("Article 51") belongs to the
 * nearest treaty of its sentence.  A number after the name (Resolution
 * 2231) tells treaties of one organisation apart.  A name may also be
 * only a description, in the words of treaty_name.txt ("a defence
 * cooperation agreement", "اتفاقية تعاون دفاعي"): told as new ("a", an
 * Arabic noun without the article), such an agreement is another one than
 * those before, and it is recorded only when its parties are known.  A
 * plural with nothing naming it is several agreements, no treaty.  The
 * words after a treaty word say what it is about: the events pass
 * (extract.c) reads no events there. */
#include "extract_int.h"
#include "arletter.h"
#include "lexicon.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int treaty_name_word(const chr_extractor *x, size_t k)
{
    const chr_token *tk = T(x, k);
    if (!(tk->flags & CHR_TOK_WORD)) return 0;
    if (vn(x, k) || chr_ex_in_timex(x, k)) return 0;
    if (x->lang == CHR_LANG_EN && !(tk->flags & CHR_TOK_UPPER)) return 0;
    return 1;
}

/* The number of tokens of a word of treaty_name.txt that starts at token
 * k, 0 when none does.  Such a word names an agreement even where it is
 * also an event word (تعاون, cooperation) or written in lower case
 * ("a defence cooperation agreement"). */
static size_t tname_at(const chr_extractor *x, size_t k)
{
    const chr_phrases *names = x->voc->tname[x->lang == CHR_LANG_EN ? CHR_LANG_EN : CHR_LANG_AR];
    chr_phrase_match m;
    if (!(T(x, k)->flags & CHR_TOK_WORD) || chr_ex_in_timex(x, k)) return 0;
    return chr_phrases_match(names, x->tok, k, &m) ? m.ntok : 0;
}

/* The number of tokens of a word of treaty_name.txt that ends just before
 * token b (at most three tokens long), 0 when none does. */
static size_t tname_before(const chr_extractor *x, size_t b)
{
    for (size_t l = 1; l <= 3 && l <= b; l++)
        if (tname_at(x, b - l) == l) return l;
    return 0;
}

/* Whether the treaty noun whose last token is k is a plural ("nine
 * cooperation agreements", "اتفاقيات تعاون"): several agreements, which a
 * description does not tell apart, so it names none of them. */
static int plural_noun(const chr_extractor *x, size_t k)
{
    const chr_token *tk = T(x, k);
    const char *w = x->tok->buf + tk->norm;
    size_t n = tk->norm_len;
    if (x->lang == CHR_LANG_EN) return n > 2 && (w[n - 1] == 's' || w[n - 1] == 'S') && w[n - 2] != 's';
    return n >= 6 && chr_ar_letter(w, n, n - 4) == L_ALEF && chr_ar_letter(w, n, n - 2) == L_TA;
}

static int cmp_strs(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The content words of a name as one key, in sorted order: a word of
 * treaty_name.txt as its concept (the same in every language), any other
 * as its skeleton without the article.  Sorted, so that "الشراكة
 * الاستراتيجية الشاملة" and "Comprehensive Strategic Partnership" meet. */
static void treaty_key(const chr_extractor *x, size_t t0, size_t t1, char *key, size_t cap)
{
    enum { MAXW = 16 };
    char words[MAXW][128];
    char *sorted[MAXW];
    int nw = 0;
    const chr_phrases *names = x->voc->tname[x->lang == CHR_LANG_EN ? CHR_LANG_EN : CHR_LANG_AR];
    for (size_t k = t0; k < t1 && nw < MAXW;) {
        chr_phrase_match m;
        if (chr_phrases_match(names, x->tok, k, &m) && k + m.ntok <= t1) {
            snprintf(words[nw], sizeof words[nw], "%s", x->voc->values[m.ids[0]]);
            sorted[nw] = words[nw];
            nw++;
            k += m.ntok;
            continue;
        }
        if (chr_ex_word_len(x, k, "GOVERNED")) {          /* الإعفاء من التأشيرات: a preposition */
            k++;
            continue;
        }
        const chr_token *tk = T(x, k++);
        const char *w = x->tok->buf + tk->norm;
        size_t n = tk->norm_len;
        if (n > 4 && !memcmp(w, "\xd8\xa7\xd9\x84", 4)) { w += 4; n -= 4; }
        if (chr_phrases_skeleton(w, n < 120 ? n : 120, words[nw], sizeof words[nw]) <= 0) continue;
        sorted[nw] = words[nw];
        nw++;
    }
    qsort(sorted, (size_t)nw, sizeof *sorted, cmp_strs);
    size_t o = 0;
    key[0] = 0;
    for (int i = 0; i < nw; i++) {
        size_t l = strlen(sorted[i]);
        if (o + l + 2 >= cap) break;
        memcpy(key + o, sorted[i], l);
        o += l;
        key[o++] = ' ';
        key[o] = 0;
    }
}

static int keys_share(const char *a, const char *b)
{
    char wa[64];
    for (const char *p = a; *p;) {
        size_t l = strcspn(p, " ");
        if (l >= 4 && l < sizeof wa - 2) {
            wa[0] = ' ';
            memcpy(wa + 1, p, l);
            wa[l + 1] = ' ';
            wa[l + 2] = 0;
            char bb[300];
            snprintf(bb, sizeof bb, " %s", b);
            if (strstr(bb, wa)) return 1;
        }
        p += l + (p[l] == ' ');
    }
    return 0;
}

/* Whether the Arabic word at k has the article, after the clitics و ف and
 * ب ل ك that may come before it (بالاتفاقية، وللاتفاق: ل + ال is written لل). */
static int definite_word(const chr_extractor *x, size_t k)
{
    const chr_token *tk = T(x, k);
    const char *w = x->tok->buf + tk->norm;
    size_t n = tk->norm_len, o = 0;
    unsigned c = chr_ar_letter(w, n, o);
    if (c == L_WAW || c == L_FA) c = chr_ar_letter(w, n, o += 2);
    if (c == L_LAM && chr_ar_letter(w, n, o + 2) == L_LAM) return 1;
    if (c == L_BA || c == L_LAM || c == L_KAF) o += 2;
    return o + 4 < n && chr_ar_letter(w, n, o) == L_ALEF && chr_ar_letter(w, n, o + 2) == L_LAM;
}

/* Whether token t ends a clause: a comma, the end of a sentence or a line. */
static int clause_break(const chr_extractor *x, size_t t)
{
    const chr_token *tk = T(x, t);
    return (tk->flags & CHR_TOK_BREAK) || ((tk->flags & CHR_TOK_PUNCT) && (is_comma(tk) || sentence_end(tk->cp)));
}

/* The length of an Arabic قرار at token k (number.txt, RESOLUTION) that is
 * a resolution, 0 when there is none: a number right after it, and in its
 * clause before it a verb by which a body adopts one (ADOPT) or an
 * international organisation, the body that adopts it ("وتبنى مجلس الأمن
 * القرار 2231", "اعتمدت الجمعية العامة القرار 377"); or anywhere once a
 * resolution of that number is named ("... إن القرار 2231 انتهى" after
 * "القرار رقم 2231").  Elsewhere "القرار 5" may be any body's decision,
 * told by its number. */
static size_t adopted_resolution(const chr_extractor *x, size_t k)
{
    size_t nl = chr_ex_word_len(x, k, "RESOLUTION"), n = x->tok->n;
    if (!nl || k + nl >= n || !(T(x, k + nl)->flags & CHR_TOK_NUM) || T(x, k + nl)->num < 1 ||
        T(x, k + nl)->num >= 100000)
        return 0;
    for (size_t i = 0; i < x->ntr; i++)
        if (x->tr[i].number == (long)T(x, k + nl)->num && !strcmp(x->tr[i].kind, "resolution")) return nl;
    for (size_t i = k; i-- > 0 && i + 8 > k && !clause_break(x, i);) {
        const mention *m = mention_at(x, i);
        if ((m && x->a[m->actor].kind == CHR_ACTOR_ORG) || chr_ex_word_len(x, i, "ADOPT")) return nl;
    }
    return 0;
}

/* Whether token t ends a clause for the subject rule below: a clause_break,
 * or a verb of saying ("said a trade agreement with China would be
 * signed"). */
static int clause_edge(const chr_extractor *x, size_t t)
{
    return clause_break(x, t) || vval(x, t, VK_REPORT) != NULL;
}

/* A state or organisation that names the subject of a clause, at token t
 * (not after a preposition), or NOACTOR. */
static uint32_t subject_at(const chr_extractor *x, size_t t)
{
    const mention *m = mention_at(x, t);
    if (!m || m->prep || !chr_ex_agent(x, m)) return NOACTOR;
    chr_actor_kind k = x->a[m->actor].kind;
    return k == CHR_ACTOR_STATE || k == CHR_ACTOR_ORG ? m->actor : NOACTOR;
}

/* The subjects of a verb that signs or negotiates the treaty whose mention
 * begins at token b ("Australia will sign a trade agreement with China",
 * "Australia is negotiating a trade agreement", "وتتفاوض أستراليا على
 * اتفاقية تجارة"), in text order, into out (at most max); returns how
 * many.  The verb (trigger.txt 057 or 046) stands in its clause before the
 * treaty, and its subjects, states or organisations, right before it in
 * English (joined by "and" or commas: "Oman and Qatar will sign"), after it
 * in Arabic.  The signing need not have happened, as an event would:
 * whoever is to sign or negotiates an agreement is its party, as those who
 * signed one are. */
static int signing_subjects(const chr_extractor *x, size_t b, uint32_t *out, int max)
{
    size_t v = SIZE_MAX;
    int n = 0;
    for (size_t t = b; t-- > 0 && t + 8 > b && !clause_edge(x, t);) {
        const char *code = vval(x, t, VK_TRIGGER);
        if (code && (!strncmp(code, "057", 3) || !strncmp(code, "046", 3))) {
            v = t;
            break;
        }
        if (code || vval(x, t, VK_TREATY)) return 0;              /* another act, another treaty */
    }
    if (v == SIZE_MAX) return 0;
    if (x->lang != CHR_LANG_EN) {
        for (size_t t = v + vlen(x, v); t < b && n < max; t++) {
            uint32_t a = subject_at(x, t);
            if (a != NOACTOR) out[n++] = a;
            if (mention_at(x, t)) t = mention_at(x, t)->t1 - 1;
        }
        return n;
    }
    /* English: the names right before the verb, or before its auxiliaries
     * and the verb that governs it ("will sign", "hopes to sign") */
    size_t t = v;
    while (t-- > 0 && t + 6 > v && !clause_edge(x, t) && !mention_at(x, t)) {}
    if (t == SIZE_MAX || !mention_at(x, t)) return 0;
    uint32_t found[8];
    int nf = 0;
    for (const mention *m = mention_at(x, t); m && nf < 8;) {
        uint32_t a = subject_at(x, m->t0);
        if (a == NOACTOR) break;
        found[nf++] = a;
        /* "Oman and Qatar", "Oman, Qatar and Bahrain", "Russia and the UAE" */
        size_t p = m->t0;
        if (p > 0 && prep_is(x, p - 1, "THE")) p--;
        if (p < 2 || !(prep_is(x, p - 1, "AND") || is_comma(T(x, p - 1)))) break;
        m = NULL;
        for (size_t q = p - 1; q-- > 0 && q + 6 > p && !m;)
            if (mention_at(x, q) && mention_at(x, q)->t1 == p - 1) m = mention_at(x, q);
    }
    while (nf > 0 && n < max) out[n++] = found[--nf];
    return n;
}

int chr_ex_treaties(chr_extractor *x)
{
    x->ntr = x->ntm = x->nar = 0;
    size_t n = x->tok->n;
    for (size_t k = 0; k < n; k++) {
        const char *kind = vval(x, k, VK_TREATY);
        size_t nl = kind ? vlen(x, k) : 0;
        if (!kind && x->lang != CHR_LANG_EN && (nl = adopted_resolution(x, k)) != 0) kind = "resolution";
        if (!kind) continue;
        size_t b = k, e = k + nl;
        uint32_t org = NOACTOR;
        int proper = 0;                         /* a capitalised word or a place names it */
        int plural = plural_noun(x, k + nl - 1);
        if (x->lang == CHR_LANG_EN) {
            /* its name before it: capitalised words ("the Comprehensive
             * Strategic Partnership Treaty") or, in lower case, the words of
             * treaty_name.txt ("a defence cooperation agreement") */
            for (size_t l; b > 0 && b + 6 > k;) {
                if (treaty_name_word(x, b - 1)) b--;
                else if (!plural && (l = tname_before(x, b)) != 0 && !x->tment[b - l]) b -= l;
                else break;
            }
            for (size_t i = b; i < k; i++) {
                const mention *m = mention_at(x, i);
                if (m && x->a[m->actor].kind == CHR_ACTOR_ORG) org = m->actor;
                proper |= (T(x, i)->flags & CHR_TOK_UPPER) != 0;
            }
            size_t of = e < n ? chr_ex_word_len(x, e, "OF") : 0;
            if (of && e + of < n) {
                size_t f = e + of;
                const mention *m = mention_at(x, f);
                if (m && x->a[m->actor].kind == CHR_ACTOR_ORG) {
                    org = m->actor;
                    e = m->t1;
                }
            }
        } else {
            const mention *m = mention_at(x, e);
            if (m && x->a[m->actor].kind == CHR_ACTOR_ORG) {
                org = m->actor;
                e = m->t1;
            } else {
                /* a city names it: اتفاقية باريس، اتفاق أوسلو، معاهدة فرساي */
                if (m && (m->tag == CHR_ALIAS_CAPITAL || m->tag == CHR_ALIAS_PLACE)) {
                    e = m->t1;
                    proper = 1;
                }
                /* a definite noun takes definite adjectives (الاتفاقية الإستراتيجية);
                 * an indefinite one a genitive or indefinite words (معاهدة الشراكة،
                 * اتفاقية شراكة شاملة); a verb after "الاتفاق" ends it */
                int def = chr_ex_definite(x, k);
                size_t lim = k + nl + 5;
                for (size_t l; e < n && e < lim && !x->tment[e] && !(T(x, e)->flags & CHR_TOK_BREAK);) {
                    /* the preposition a word of the name governs, before another
                     * ("اتفاقية للإعفاء من التأشيرات"): the name goes on, with
                     * what agrees with the object after it ("التأشيرات
                     * الدبلوماسية", not "التأشيرات لحاملي ...") */
                    if (e > k + nl && !plural && e + 1 < n && chr_ex_word_len(x, e, "GOVERNED") &&
                        !x->tment[e + 1] && tname_at(x, e + 1)) {
                        def = chr_ex_definite(x, ++e);
                        lim++;
                        continue;
                    }
                    if (def && !chr_ex_definite(x, e)) break;
                    if (!plural && (l = tname_at(x, e)) != 0) e += l;        /* اتفاقية تعاون دفاعي */
                    else if (treaty_name_word(x, e)) e++;
                    else break;
                }
            }
        }
        /* a number names it, after the organisation, "No." or رقم: "Security
         * Council Resolution 2231", "قرار مجلس الأمن رقم 2231", "القرار 2735" */
        long number = 0;
        {
            size_t t = e < k + nl ? k + nl : e, said = t < n ? chr_ex_word_len(x, t, "NUMBER") : 0;
            t += said;
            if (t < n && (T(x, t)->flags & CHR_TOK_NUM) && T(x, t)->num >= 1 && T(x, t)->num < 100000) {
                number = (long)T(x, t)->num;
                e = t + 1;
                /* ... but a year names an agreement by its date ("اتفاق 2015"),
                 * in its key as a word of its name: resolutions are numbered
                 * past 1900, other agreements are not */
                if (!said && number >= 1900 && number <= 2100 && strcmp(kind, "resolution")) {
                    number = 0;
                    proper = 1;                 /* one agreement, as a name is */
                }
            }
        }
        /* what follows the noun, to the end of its clause, is what the
         * agreement is about ("اتفاق لوقف إطلاق النار وتبادل الأسرى"), not events */
        for (size_t o = k + nl; o < n && o < k + nl + 15; o++) {
            const chr_token *to = T(x, o);
            if ((to->flags & CHR_TOK_BREAK) ||
                ((to->flags & CHR_TOK_PUNCT) && (to->cp == ',' || to->cp == 0x060C || sentence_end(to->cp))) ||
                chr_ex_word_len(x, o, "BE"))            /* "The agreement was signed by ...": a verb */
                break;
            x->tobj[o] = 1;
        }
        /* "a resolution demanding ...": a new one, unnamed: none to record
         * (what it is about is marked all the same) */
        if (!number && x->lang == CHR_LANG_EN && b == k && k > 0 && indefinite_article(x, k - 1) &&
            e == k + nl && org == NOACTOR) {
            k = e - 1;
            continue;
        }
        /* ... and so is an Arabic noun without the article and with nothing
         * naming it ("ووقعت روسيا وإيران اتفاقية"): an agreement, not the one
         * told before */
        if (!number && x->lang != CHR_LANG_EN && e == k + nl && org == NOACTOR && !definite_word(x, k)) {
            k = e - 1;
            continue;
        }
        /* a description only, and a new agreement: "a/an" before it, or an
         * Arabic noun and words without the article */
        int described = !number && org == NOACTOR && !proper, fresh = 0;
        if (described && x->lang == CHR_LANG_EN) {
            fresh = b > 0 && indefinite_article(x, b - 1);
        } else if (described) {
            /* the object of a preposition in the name is no construct: "اتفاقية
             * للإعفاء من التأشيرات" is told as new all the same */
            fresh = !definite_word(x, k);
            for (size_t i = k + nl; fresh && i < e && !chr_ex_word_len(x, i, "GOVERNED"); i++)
                fresh = !chr_ex_definite(x, i);
        }
        char key[256];
        if (number) snprintf(key, sizeof key, "no:%ld ", number);
        else treaty_key(x, b == k ? k + nl : b, b == k ? e : k, key, sizeof key);
        int named = org != NOACTOR || key[0];
        /* which treaty: same organisation, a shared content word, or for a
         * bare noun ("the agreement") the last one mentioned */
        int64_t id = -1;
        /* a plural with nothing naming it ("signed nine agreements") is
         * several, none of them one told before */
        if (!named && plural) {
            k = e - 1;
            continue;
        }
        /* "a trade deal" after "a free trade agreement" is another one; but a
         * description may give the full name of one told before by a name
         * or with the article ("الاتفاقية الإستراتيجية" ... "اتفاقية شراكة
         * إستراتيجية شاملة جديدة") */
        for (size_t i = 0; i < x->ntr && id < 0; i++) {
            if (described && fresh && x->tr[i].vague) continue;
            if (number || x->tr[i].number) {                 /* numbered: by kind and number */
                if (x->tr[i].number == number && !strcmp(x->tr[i].kind, kind)) id = (int64_t)i;
            } else if (org != NOACTOR) {
                if (x->tr[i].org == org) id = (int64_t)i;
            } else if (x->tr[i].org == NOACTOR && key[0] && keys_share(key, x->tr[i].key)) {
                id = (int64_t)i;
            }
        }
        if (id < 0 && !named) {                /* "the treaty": the last one of that kind */
            for (size_t i = x->ntm; i-- > 0 && id < 0;)
                if (!strcmp(x->tr[x->tm[i].treaty].kind, kind)) id = x->tm[i].treaty;
            if (id < 0) continue;
        }
        size_t c0 = T(x, b)->start, c1 = T(x, e - 1)->end;
        if (id < 0) {
            if (GROW(x->tr, x->ntr, x->trcap)) return -1;
            treaty *t = &x->tr[x->ntr];
            memset(t, 0, sizeof *t);
            t->c0 = c0;
            t->c1 = c1;
            t->kind = kind;
            t->org = org;
            t->number = number;
            t->first_sent = x->tsent[k];
            t->vague = described && fresh;
            snprintf(t->key, sizeof t->key, "%s", key);
            id = (int64_t)x->ntr++;
        } else if (named && c1 - c0 > x->tr[id].c1 - x->tr[id].c0 && org == NOACTOR) {
            x->tr[id].c0 = c0;                 /* the fullest name names it */
            x->tr[id].c1 = c1;
            x->tr[id].kind = kind;
            snprintf(x->tr[id].key, sizeof x->tr[id].key, "%s", key);
        }
        if (!described) x->tr[id].vague = 0;     /* named after all */
        if (GROW(x->tm, x->ntm, x->tmcap)) return -1;
        x->tm[x->ntm++] = (tmention){(uint32_t)id, b, e, x->tsent[k]};
        /* "مع كوريا الديمقراطية", "with North Korea": a party; and the one
         * who signs or negotiates it */
        uint32_t party[5] = {NOACTOR};
        if (e + 1 < n) {
            const mention *m = mention_at(x, e + 1);
            if (m && x->a[m->actor].kind == CHR_ACTOR_STATE && prep_is(x, e, "WITH")) party[0] = m->actor;
        }
        int np = 1 + signing_subjects(x, b, party + 1, 4);
        for (int q = 0; q < np; q++) {
            treaty *t = &x->tr[id];
            int seen = party[q] == NOACTOR;
            for (int p = 0; p < t->nparties; p++) seen |= t->parties[p] == party[q];
            if (!seen && t->nparties < 8) t->parties[t->nparties++] = party[q];
        }
        k = e - 1;
    }
    /* articles: "المادة الرابعة من الاتفاقية", "Article 51 of the UN Charter" */
    for (size_t k = 0; k + 1 < n; k++) {
        if (!vval(x, k, VK_ARTICLE)) continue;
        size_t j = k + vlen(x, k);
        if (j >= n) break;
        int number = 0;
        const chr_token *tk = T(x, j);
        if (tk->flags & CHR_TOK_NUM) {
            number = (int)tk->num;
        } else if (tk->flags & CHR_TOK_WORD) {
            const lex_info *li = chr_lex_get(x->tok->buf + tk->norm, tk->norm_len);
            if (li && (li->kinds & LKB(LK_ORD))) number = li->val[LK_ORD];
        }
        if (number <= 0) continue;
        int64_t best = -1;
        size_t bestd = (size_t)-1;
        for (size_t i = 0; i < x->ntm; i++) {
            if (x->tm[i].sent != x->tsent[k]) continue;
            size_t d = x->tm[i].t0 > j ? x->tm[i].t0 - j : (j - x->tm[i].t1) + 100;
            if (d < bestd) {
                bestd = d;
                best = x->tm[i].treaty;
            }
        }
        if (best < 0) continue;
        if (GROW(x->ar, x->nar, x->arcap)) return -1;
        x->ar[x->nar++] = (artref){(uint32_t)best, number, T(x, k)->start, T(x, j)->end, x->tsent[k]};
    }
    return 0;
}
