/* statements.c - pass 4 of the extractor: who said what.
 *
 * A reporting verb (قال, نفى, said, denied ...), its speaker, the quoted or
 * reported words, the medium, negation and who reported it.  The speaker is
 * found before the verb, after it (Arabic order) or, for words that come
 * first ("..., Peskov said"), after them; "he", "the minister" and "the two
 * sides" go back to people named before.  The events pass (extract.c) reads
 * the statements to link an event told in someone's words to them. */
#include "extract_int.h"

#include <string.h>

/* The mention that covers token k - 1 (mentions do not overlap, so one
 * that a mention at k follows ends there), or NULL. */
static const mention *mention_at_end(const chr_extractor *x, size_t k)
{
    return k > 0 && x->tcov[k - 1] ? &x->m[x->tcov[k - 1] - 1] : NULL;
}

/* Whether token k is inside a title that begins before it: الخارجية of
 * "وزير الخارجية الأمريكي" is the minister's office, not the ministry. */
static int in_title(const chr_extractor *x, size_t k)
{
    for (size_t j = k > 4 ? k - 4 : 0; j < k; j++)
        if (vval(x, j, VK_TITLE) && j + vlen(x, j) > k) return 1;
    return 0;
}

int chr_ex_agent(const chr_extractor *x, const mention *m)
{
    if (x->a[m->actor].kind == CHR_ACTOR_MEDIA || m->tag == CHR_ALIAS_PLACE) return 0;
    if (m->tag != CHR_ALIAS_ADJ || m->office) return 1;
    if (x->lang == CHR_LANG_EN) {
        if (m->t1 < x->tok->n && vval(x, m->t1, VK_FORCE)) return 1;
        /* "Russian and Ukrainian delegations": the adjective joined to one */
        const mention *n = m->t1 + 1 < x->tok->n && prep_is(x, m->t1, "AND") ? mention_at(x, m->t1 + 1) : NULL;
        return n && n->tag == CHR_ALIAS_ADJ && n->t1 < x->tok->n && vval(x, n->t1, VK_FORCE);
    }
    for (size_t k = m->t0; k > 0 && k + 3 > m->t0; k--)       /* القوات الإسرائيلية، قوات الأمن السورية */
        if (vval(x, k - 1, VK_FORCE) && k - 1 + vlen(x, k - 1) == m->t0 && !in_title(x, k - 1)) return 1;
    /* "الوسطاء المصريون والقطريون": the adjective joined to one */
    const mention *p = m->t0 > 0 ? mention_at_end(x, m->t0) : NULL;
    return p && p != m && p->tag == CHR_ALIAS_ADJ && T(x, m->t0)->norm_len > 2 &&
           !memcmp(x->tok->buf + T(x, m->t0)->norm, "\xd9\x88", 2) && chr_ex_agent(x, p);
}

static int opens_content(const chr_extractor *x, size_t k)
{
    const chr_token *tk = T(x, k);
    if (tk->flags & CHR_TOK_PUNCT)
        return tk->cp == ':' || opens(tk->cp) || tk->cp == '"';
    const char *v = vval(x, k, VK_CONTENT);
    return v && !strcmp(v, "THAT");
}

/* Whether the word at k opens what a warning warns of (content.txt
 * WARNING: من، of, against). */
static int warning_word(const chr_extractor *x, size_t k)
{
    const char *v = vval(x, k, VK_CONTENT);
    return v && !strcmp(v, "WARNING");
}

static int is_warning(const chr_extractor *x, size_t k)
{
    const char *v = vval(x, k, VK_REPORT);
    return v && !strcmp(v, "WARN");
}

/* The first quotation opening after token k in the sentence that ends at
 * limit, or right after it when the sentence ends in a colon ("said:" and
 * the words on the next line); a quotation after a full stop is another
 * sentence's ("Iran denied the charge. \"We ...,\" Abdelatty said."). */
static const quote *quote_from(const chr_extractor *x, size_t k, size_t limit)
{
    for (size_t i = 0; i < x->nq; i++)
        if (x->q[i].t0 > k && (x->q[i].t0 <= limit || (x->q[i].t0 == limit + 1 && is_punct(x, limit - 1, ':'))))
            return &x->q[i];
    return NULL;
}

static void add_reporter(stmt *s, uint32_t a)
{
    for (int i = 0; i < s->nrep; i++)
        if (s->reporters[i] == a) return;
    if (s->nrep < 4) s->reporters[s->nrep++] = a;
}

/* The speaker of a reporting verb at k (its words start at after): the
 * first person named after it, before the words begin (Arabic order: قال
 * الوزير ...), else the first state or organisation there, else a name
 * ending just before the verb ("Putin said", "كيلوج التي قال").  Names after
 * a preposition are places ("في الدوحة").  Sets *j past the speaker. */
static uint32_t agent_ending_at(const chr_extractor *x, size_t b)
{
    for (size_t i = 0; i < x->nm; i++)
        if (x->m[i].t1 == b && chr_ex_agent(x, &x->m[i]) && !x->m[i].prep) return x->m[i].actor;
    return NOACTOR;
}

size_t chr_ex_aside_end(const chr_extractor *x, const sent *s, size_t c)
{
    if (c + 2 >= s->t1 || !is_comma(T(x, c))) return 0;
    const char *v = vval(x, c + 1, VK_PRONOUN);
    const chr_token *w = T(x, c + 1);
    int participle = x->lang == CHR_LANG_EN && (w->flags & CHR_TOK_WORD) && !(w->flags & CHR_TOK_UPPER) &&
                     w->norm_len > 3 && !memcmp(x->tok->buf + w->norm + w->norm_len - 2, "ed", 2);
    if (!(v && !strcmp(v, "RELATIVE")) && !participle) return 0;
    for (size_t t = c + 2; t < s->t1 && t < c + 14; t++)
        if (is_comma(T(x, t))) return t;
    return 0;
}

static uint32_t speaker_before(const chr_extractor *x, const sent *s, size_t k)
{
    /* "Putin, who visited Pyongyang in June, said": the name before a
     * relative clause set off by commas */
    if (k >= s->t0 + 2 && is_comma(T(x, k - 1)))
        for (size_t c = k - 2; c > s->t0 && c + 16 > k; c--)
            if (is_comma(T(x, c)) && chr_ex_aside_end(x, s, c) == k - 1) {
                uint32_t a = agent_ending_at(x, c);
                if (a != NOACTOR) return a;
                break;
            }
    /* "Brown, the chairman of the Joint Chiefs of Staff, said": the name
     * before an apposition set off by commas, not a name inside it */
    if (k >= s->t0 + 2 && is_comma(T(x, k - 1)))
        for (size_t c = k - 2; c > s->t0 && c + 24 > k; c--) {
            if (vval(x, c, VK_REPORT) || vval(x, c, VK_TRIGGER)) break;
            if (is_comma(T(x, c))) {
                uint32_t a = agent_ending_at(x, c);
                if (a != NOACTOR) return a;
                break;
            }
        }
    for (size_t b = k; b > s->t0 && b + 4 > k; b--) {
        uint32_t a = agent_ending_at(x, b);
        if (a != NOACTOR) return a;
    }
    /* "Russia's defence ministry said": an organ (force.txt) of the state
     * whose possessive stands before it */
    for (size_t f = k; f-- > s->t0 + 2 && f + 4 > k;) {
        if (!vval(x, f, VK_FORCE) || f + vlen(x, f) != k) continue;
        const mention *m = chr_ex_possessor_before(x, f);
        if (m && chr_ex_agent(x, m) && x->a[m->actor].kind != CHR_ACTOR_PERSON) return m->actor;
    }
    return NOACTOR;
}

/* The names joined by "and", a comma or و to speaker's, next to the
 * reporting verb at k (words at after): "Egypt and Saudi Arabia called",
 * "وأكدت مصر وقطر والولايات المتحدة" (*j then moves past them, to where the
 * words may begin).  Up to max, into out; returns how many. */
static int joined_speakers(const chr_extractor *x, const sent *s, size_t k, size_t after, uint32_t speaker, size_t *j,
                           uint32_t *out, int max)
{
    int n = 0;
    for (size_t i = 0; i < x->nm && !n; i++) {
        const mention *m = &x->m[i];
        if (m->actor != speaker || m->t0 < s->t0 || m->t1 > s->t1 || x->tq[m->t0]) continue;
        if (m->t1 <= k && m->t1 + 1 >= k) {                               /* "X, Y and Z said" */
            for (const mention *c = m; n < max && c->t0 >= s->t0 + 2 &&
                                       (prep_is(x, c->t0 - 1, "AND") || is_comma(T(x, c->t0 - 1)));) {
                const mention *p = x->tcov[c->t0 - 2] ? &x->m[x->tcov[c->t0 - 2] - 1] : NULL;
                if (!p || !chr_ex_agent(x, p) || p->prep || p->actor == speaker) break;
                out[n++] = p->actor;
                c = p;
            }
        } else if (x->lang != CHR_LANG_EN && m->t0 >= after && m->t0 <= after + 1) {   /* "قال X وY وZ" */
            for (const mention *c = m; n < max && c->t1 < s->t1;) {
                size_t t = is_comma(T(x, c->t1)) ? c->t1 + 1 : c->t1;
                const mention *q = t < s->t1 ? mention_at(x, t) : NULL;
                if (!q || !(q->wa || t > c->t1) || !chr_ex_agent(x, q) || q->prep || q->actor == speaker) break;
                out[n++] = q->actor;
                if (*j < q->t1) *j = q->t1;
                c = q;
            }
        }
    }
    return n;
}

static uint32_t find_speaker(const chr_extractor *x, const sent *s, size_t k, size_t after, int cite, size_t *j)
{
    uint32_t other = NOACTOR;
    if (x->lang == CHR_LANG_EN) {              /* English: "Lavrov said" before "said Lavrov" */
        uint32_t b = speaker_before(x, s, k);
        if (b != NOACTOR) {
            *j = after;
            return b;
        }
    }
    size_t other_end = after;
    /* "وحذرت الأمم المتحدة من ...": no speaker in what is warned of */
    int warn = is_warning(x, k);
    for (size_t t = after; t < s->t1 && t < after + 12 && !opens_content(x, t) && !(warn && warning_word(x, t)); t++) {
        if (vval(x, t, VK_REPORT) || vval(x, t, VK_TRIGGER)) break;
        const mention *m = mention_at(x, t);
        if (!m || !chr_ex_agent(x, m) || (m->prep && !cite)) continue;      /* "نقلت ... عن بوتين" */
        if (x->a[m->actor].kind == CHR_ACTOR_PERSON) {
            *j = m->t1;
            return m->actor;
        }
        if (other == NOACTOR) {
            other = m->actor;
            other_end = m->t1;
        }
    }
    if (other != NOACTOR) {
        *j = other_end;
        return other;
    }
    *j = after;
    return speaker_before(x, s, k);
}

/* The token after a date expression at t, with the preposition before it
 * ("on Tuesday", "في 19 تشرين الثاني"), in sentence s; t when none is there. */
static size_t past_date(const chr_extractor *x, const sent *s, size_t t)
{
    size_t d = t + 1 < s->t1 && prep_is(x, t, "PLACE") ? chr_ex_past_timex(x, t + 1, s->t1) : t + 1;
    return d > t + 1 ? d : chr_ex_past_timex(x, t, s->t1);
}

/* Whom a warning is given to, named at t: an acting name (a title and a
 * nationality before it counting for nothing: "الرئيس الأوكراني زيلينسكي",
 * "Ukrainian President Zelensky"; a date around it neither) with the words
 * of the warning right after it (من، of, against, that, بأن).  Without those
 * words a name there is the subject of the words ("warned Iran would
 * respond"), not whom they are given to.  NULL when there is none. */
static const mention *addressee_at(const chr_extractor *x, const sent *s, size_t t)
{
    for (int guard = 0; guard < 4 && t < s->t1; guard++) {
        const mention *m = mention_at(x, t);
        size_t d = past_date(x, s, t);
        if (d > t) t = d;
        else if (!m && vval(x, t, VK_TITLE)) t += vlen(x, t);
        else if (m && m->tag == CHR_ALIAS_ADJ && !chr_ex_agent(x, m)) t = m->t1;
        else break;
    }
    const mention *m = t < s->t1 ? mention_at(x, t) : NULL;
    if (!m || !chr_ex_agent(x, m) || m->prep || x->tq[t]) return NULL;
    size_t w = past_date(x, s, m->t1);
    return w < s->t1 && (warning_word(x, w) || opens_content(x, w)) ? m : NULL;
}

/* Whether actor p is a person who serves actor a (the state or
 * organisation of a text person's title, or the gazetteer's affiliation). */
static int serves(const chr_extractor *x, uint32_t p, uint32_t a)
{
    const aref *r = &x->a[p];
    if (r->kind != CHR_ACTOR_PERSON) return 0;
    if (r->gz < 0) return r->affil == a;
    const chr_actor *ac = chr_gazetteer_actor(x->gz, (uint32_t)r->gz);
    return ac->affiliation[0] && x->a[a].gz >= 0 && chr_gazetteer_find(x->gz, ac->affiliation) == x->a[a].gz;
}

/* The end of the verb's medium at t ("in a statement", "at a news
 * conference", "in an interview with CNN"): a preposition, a word at most,
 * the medium, and a medium's name after "with"; t when there is none. */
static size_t medium_after(const chr_extractor *x, const sent *s, size_t t)
{
    if (t + 1 >= s->t1 || !prep_is(x, t, "PLACE")) return t;
    for (size_t d = t + 1; d < s->t1 && d < t + 3; d++) {
        if (!vval(x, d, VK_MEDIUM)) continue;
        size_t e = d + vlen(x, d);
        if (e + 1 < s->t1 && prep_is(x, e, "PLACE")) {
            const mention *m = mention_at(x, e + 1);
            if (m && x->a[m->actor].kind == CHR_ACTOR_MEDIA) e = m->t1;
        }
        return e;
    }
    return t;
}

/* Where the words begin after an English reporting verb with no "that":
 * past a date ("announced on Monday it would ...") and a listener ("told
 * reporters the talks ..."), which belong to the verb, not to the words. */
static size_t words_begin(const chr_extractor *x, const sent *s, size_t b)
{
    for (int round = 0; round < 2 && b < s->t1; round++) {
        size_t t = b;
        if (vval(x, t, VK_LISTENER)) {
            b = t + vlen(x, t);
            continue;
        }
        size_t md = medium_after(x, s, t);
        if (md > t) {
            b = md;
            continue;
        }
        if (prep_is(x, t, "PLACE") && t + 1 < s->t1) t++;
        size_t e = chr_ex_past_timex(x, t, s->t1);
        if (e == t) break;
        b = e;
    }
    return b;
}

/* Whether English words [b, e) after a reporting verb with no "that" are
 * only its object: an agreement or an event named, a date or a place after
 * it ("announced the agreement on Tuesday, saying ...", "claimed a drone
 * attack on Eilat"), not a clause. */
static int object_only(const chr_extractor *x, size_t b, size_t e)
{
    if (x->lang != CHR_LANG_EN) return 0;
    size_t t = b;
    if (t < e && (prep_is(x, t, "THE") || T(x, t)->norm_len == 1 ||
                  (T(x, t)->norm_len == 2 && !memcmp(x->tok->buf + T(x, t)->norm, "an", 2))))
        t++;                                                 /* the, a, an */
    if (t >= e || !(vval(x, t, VK_TREATY) || vval(x, t, VK_TRIGGER))) return 0;
    for (t += vlen(x, t); t < e; t++)
        if (!chr_ex_in_timex(x, t) && !prep_is(x, t, "PLACE") && !(T(x, t)->flags & CHR_TOK_PUNCT) &&
            !(covered(x, t) && t > b && prep_is(x, t - 1, "PLACE")) && !(covered(x, t) && covered(x, t - 1)))
            return 0;                                        /* "a drone attack on Eilat" */
    return 1;
}

/* Whether nothing but punctuation and a citation (", according to TASS":
 * who reported it, not words) is left of the sentence from e. */
static int only_citation(const chr_extractor *x, const sent *s, size_t e)
{
    if (e + 2 < s->t1 && is_comma(T(x, e)) && vval(x, e + 1, VK_REPORT) && !strcmp(vval(x, e + 1, VK_REPORT), "CITE")) {
        const mention *m = mention_at(x, e + 1 + vlen(x, e + 1));
        if (m && x->a[m->actor].kind == CHR_ACTOR_MEDIA) e = m->t1;
    }
    while (e < s->t1 && (T(x, e)->flags & CHR_TOK_PUNCT) && !is_comma(T(x, e))) e++;
    return e >= s->t1;
}

int chr_ex_both_subject(const chr_extractor *x, const sent *s, size_t k, size_t after)
{
    const char *v = NULL;
    if (x->lang == CHR_LANG_EN) {
        for (size_t p = k > s->t0 + 4 ? k - 4 : s->t0; p < k && !v; p++)
            if (p + vlen(x, p) == k) v = vval(x, p, VK_PRONOUN);
    } else if (after < s->t1) {
        v = vval(x, after, VK_PRONOUN);
    }
    return !v ? 0 : !strcmp(v, "BOTH_PEOPLE") ? 2 : !strcmp(v, "BOTH_STATES") ? 3 : !strcmp(v, "BOTH");
}

/* The two who "the two sides" or "the two ministers" (both: 1 or 2,
 * people only) before the reporting verb at k of sentence si stand for: the
 * actors named acting in the sentence before k, else in the sentence
 * before, when there are exactly two; written to pair, their number
 * returned (2, else 0). */
static int both_speakers(const chr_extractor *x, size_t si, size_t k, int both, uint32_t pair[2])
{
    for (size_t b = si + 1, n = 0; b-- > 0 && n < 2 && x->s[b].item == x->s[si].item; n++) {
        int np = 0;
        size_t end = b == si ? k : x->s[b].t1;
        for (size_t t = x->s[b].t0; t < end; t++) {
            const mention *m = mention_at(x, t);
            if (!m || m->t0 != t || !chr_ex_agent(x, m) || m->prep || x->tq[t] || x->tcontent[t]) continue;
            if (both == 2 && x->a[m->actor].kind != CHR_ACTOR_PERSON) continue;
            if ((np > 0 && pair[0] == m->actor) || (np > 1 && pair[1] == m->actor)) continue;
            if (np == 2) return 0;                      /* three: which two is not known */
            pair[np++] = m->actor;
        }
        if (np == 2) return 2;
        if (np) return 0;
    }
    return 0;
}

/* The words of statement st are tokens [b, e); topic: they are only what it
 * is about ("of famine in Gaza", "على ضرورة ..."). */
static void set_words(const chr_extractor *x, stmt *st, size_t b, size_t e, int topic)
{
    st->c0 = T(x, b)->start;
    st->c1 = T(x, e - 1)->end;
    st->ct0 = b;
    st->ct1 = e;
    st->topic = topic;
}

size_t chr_ex_dateline_end(const chr_extractor *x, const sent *s)
{
    if (s->t0 > 0 && !(T(x, s->t0)->flags & CHR_TOK_BREAK)) return s->t0;
    for (size_t t = s->t0 + 1; t < s->t1 && t < s->t0 + 12; t++) {
        const chr_token *tk = T(x, t);
        if (vval(x, t, VK_TRIGGER) || vval(x, t, VK_REPORT)) break;
        if (!(tk->flags & CHR_TOK_PUNCT) || (tk->cp != '-' && tk->cp != 0x2013 && tk->cp != 0x2014)) continue;
        if ((tk->flags & CHR_TOK_SPACE) && t + 1 < s->t1 && (T(x, t + 1)->flags & CHR_TOK_SPACE)) return t + 1;
    }
    return s->t0;
}

/* English words before their speaker: "Russia will respond to any attack,
 * Kremlin spokesman Dmitry Peskov told reporters.".  The verb at k ends the
 * sentence but for a listener, a date and punctuation; the words are the
 * sentence up to the last comma before it, and no other verb stands between
 * that comma and it.  Fills st's span; returns 0 when the sentence is not
 * so built. */
static int trailing_words(const chr_extractor *x, const sent *s, size_t k, stmt *st)
{
    /* ... or goes on after a comma with the narrator's words: "..., Zelensky
     * said, as Moscow evacuated civilians" */
    size_t wb = words_begin(x, s, k + vlen(x, k));
    if (!only_citation(x, s, wb) && !(wb < s->t1 && is_comma(T(x, wb)))) return 0;
    size_t c = k;
    while (c > s->t0 && !is_comma(T(x, c - 1))) {
        if (c + 12 < k || (c < k && (vval(x, c, VK_TRIGGER) || vval(x, c, VK_REPORT)))) return 0;
        c--;
    }
    size_t b = chr_ex_dateline_end(x, s), w = c - 1;        /* the comma */
    if (c <= b + 3) return 0;
    while (w > b && (T(x, w - 1)->flags & CHR_TOK_PUNCT)) w--;
    if (w <= b + 2 || x->tq[b]) return 0;
    set_words(x, st, b, w, 0);
    return 1;
}

/* Whether the negation at c is followed, within six words before end, by a
 * word of except.txt: "لا تحل إلا بالحوار" restricts, it does not deny. */
static int excepted(const chr_extractor *x, size_t c, size_t end)
{
    for (size_t t = c + 1; t < end && t < c + 7; t++) {
        if ((T(x, t)->flags & CHR_TOK_PUNCT) && T(x, t)->cp != '-') return 0;
        if (prep_is(x, t, "EXCEPT")) return 1;
    }
    return 0;
}

/* Whether the word at k is a reporting verb that says (report.txt SAY). */
static int said_verb(const chr_extractor *x, size_t k)
{
    const char *v = vval(x, k, VK_REPORT);
    return v && !strcmp(v, "SAY");
}

/* Whether the Arabic word at k is such a verb with the pronoun ه on it, the
 * object of a ما before it ("لما أعلنته", what it announced).  Looked up
 * only after a citation word. */
static int said_verb_pronoun(const chr_extractor *x, size_t k)
{
    const chr_token *tk = T(x, k);
    const char *w = x->tok->buf + tk->norm;
    if (!(tk->flags & CHR_TOK_ARABIC) || tk->norm_len < 8 || memcmp(w + tk->norm_len - 2, "\xd9\x87", 2)) return 0;
    size_t n;
    const uint32_t *ids = chr_phrases_get(x->voc->dict[x->lang], w, tk->norm_len - 2, &n);
    for (size_t i = 0; ids && i < n; i++)
        if (VK_OF(ids[i]) == VK_REPORT && !strcmp(x->voc->values[VV_OF(ids[i])], "SAY")) return 1;
    return 0;
}

/* The source named after a citation word at k ("according to the Israeli
 * army", "بحسب الجيش الإسرائيلي", "وفقا لوزارة الصحة"): a name that acts,
 * past "the", a lone ل and a noun of forces before an Arabic adjective, and
 * through *end the token after it (and after a noun of forces following an
 * English adjective); NULL when none. */
static const mention *cited_source(const chr_extractor *x, const sent *s, size_t k, size_t *end)
{
    size_t a = k + vlen(x, k);
    /* "وفق ما أفادت وزارة الصحة", "وفقا لما أعلنته", "as reported by": a
     * reporting verb between the citation and its source */
    if (a < s->t1 && (said_verb(x, a) || said_verb_pronoun(x, a))) {
        a += vlen(x, a) ? vlen(x, a) : 1;
        if (a < s->t1 && x->lang != CHR_LANG_EN && !mention_at(x, a) && (T(x, a)->flags & CHR_TOK_WORD) &&
            T(x, a)->norm_len <= 4)
            a++;                                        /* أفادت به */
    }
    for (int skip = 0; skip < 2 && a < s->t1 && !mention_at(x, a); skip++) {
        if (prep_is(x, a, "THE") || (T(x, a)->norm_len <= 2 && (T(x, a)->flags & CHR_TOK_WORD))) a++;
        else if (x->lang != CHR_LANG_EN && vval(x, a, VK_FORCE)) a += vlen(x, a);
        else break;
    }
    const mention *m = a < s->t1 ? mention_at(x, a) : NULL;
    if (!m || !chr_ex_agent(x, m) || x->tq[m->t0]) return NULL;
    *end = m->t1;
    if (x->lang == CHR_LANG_EN && m->tag == CHR_ALIAS_ADJ && *end < s->t1 && vval(x, *end, VK_FORCE))
        *end += vlen(x, *end);
    return m;
}

/* "..., according to the Israeli army.", "According to Kyiv, ...", "بحسب
 * الجيش الإسرائيلي": a source that is no medium (a medium there reports the
 * sentence's statements instead) tells what the rest of the sentence holds,
 * which becomes a statement of its; the events in those words stay events,
 * told by it, as after "..., the army said".  For a sentence with no
 * statement of its own, the citation opening it or closing it after a
 * comma.  Returns -1 when memory fails. */
static int according_to(chr_extractor *x, const sent *s, size_t si)
{
    size_t b = chr_ex_dateline_end(x, s);
    for (size_t k = b; k < s->t1; k++) {
        const char *v = vval(x, k, VK_REPORT);
        if (!v || strcmp(v, "CITE") || x->tq[k] || x->tcontent[k]) continue;
        size_t e;
        const mention *m = cited_source(x, s, k, &e);
        if (!m) continue;
        stmt st;
        memset(&st, 0, sizeof st);
        if (k == b) {                                   /* According to X, words */
            if (e >= s->t1 || !is_comma(T(x, e))) continue;
            size_t w0 = e + 1, w1 = s->t1;
            if (w0 < s->t1 && opens_content(x, w0)) w0 += vlen(x, w0) ? vlen(x, w0) : 1;   /* "، فإن" */
            while (w1 > w0 && (T(x, w1 - 1)->flags & CHR_TOK_PUNCT)) w1--;
            if (w1 <= w0 + 2) continue;
            set_words(x, &st, w0, w1, 0);
            for (size_t c = st.ct0; c < st.ct1; c++) x->tcontent[c] = 1;
        } else {                                        /* words, according to X. */
            if (!is_comma(T(x, k - 1)) || !only_citation(x, s, e)) continue;
            size_t w1 = k - 1;
            while (w1 > b && (T(x, w1 - 1)->flags & CHR_TOK_PUNCT)) w1--;
            if (w1 <= b + 2 || x->tq[b]) continue;
            set_words(x, &st, b, w1, 0);
            st.trailing = 1;
        }
        st.speaker = m->actor;
        st.verb = "SAY";
        st.vt = k;
        st.sent = (int)si;
        st.to = NOACTOR;
        st.medium_actor = NOACTOR;
        if (GROW(x->st, x->nst, x->stcap)) return -1;
        x->st[x->nst++] = st;
        return 0;
    }
    return 0;
}

/* A quotation that closes just before the verb or its speaker, in the same
 * sentence or ending the one before ("...," Lavrov said). */
static const quote *quote_before(const chr_extractor *x, const sent *s, size_t k)
{
    for (size_t i = x->nq; i-- > 0;) {
        const quote *q = &x->q[i];
        if (q->t1 > k) continue;
        /* words between, a name or a title counting as one ("...,”
         * Egyptian Foreign Minister Badr Abdelatty said") */
        size_t gap = 0;
        for (size_t c = q->t1; c < k && gap <= 4; gap++)
            c = covered(x, c) ? x->m[x->tcov[c] - 1].t1 : c + (vval(x, c, VK_TITLE) ? vlen(x, c) : 1);
        if (q->t1 + 1 >= s->t0 && gap <= 4) return q;
        return NULL;
    }
    return NULL;
}

static int quote_used(const chr_extractor *x, const quote *q)
{
    for (size_t i = 0; i < x->nst; i++)
        if (x->st[i].c0 == q->c0) return 1;
    return 0;
}

/* A quotation that makes a sentence of its own right after a quoted
 * statement of the sentence before ("\"Ukraine is ready to take this step,\"
 * Zelensky said. \"Now it is up to the United States ...\""): the same
 * speaker goes on.  Returns -1 when memory fails. */
static int continued_quote(chr_extractor *x, const sent *s, size_t si)
{
    const stmt *prev = &x->st[x->nst - 1];
    if (!prev->quoted || prev->sent + 1 != (int)si) return 0;
    for (size_t i = 0; i < x->nq; i++) {
        const quote *q = &x->q[i];
        if (q->t0 < s->t0 || q->t0 > s->t0 + 1 || q->t1 > s->t1 + 1 || quote_used(x, q)) continue;
        for (size_t k = s->t0; k < s->t1; k++)          /* a sentence with a speaker of its own is not */
            if (!x->tq[k] && vval(x, k, VK_REPORT)) return 0;
        stmt st = *prev;
        st.c0 = q->c0;
        st.c1 = q->c1;
        st.ct0 = q->t0;
        st.ct1 = q->t1;
        st.verb = "ADD";
        st.vt = q->t0;
        st.sent = (int)si;
        st.negated = 0;
        st.trailing = 0;
        if (GROW(x->st, x->nst, x->stcap)) return -1;
        x->st[x->nst++] = st;
        return 0;
    }
    return 0;
}

/* Whether token k is a verb of saying that is not a citation ("حسبما ذكرت
 * وكالة تاس" stands aside in a sentence; "قال" begins another statement). */
static int other_speech(const chr_extractor *x, size_t k)
{
    const char *v = vval(x, k, VK_REPORT);
    return v && strcmp(v, "CITE");
}

/* The medium named right before a citation word at k ("..., the state news
 * agency TASS reported"), not before from; NOACTOR when none is. */
static uint32_t medium_before(const chr_extractor *x, size_t from, size_t k)
{
    const char *v = vval(x, k, VK_REPORT);
    if (!v || strcmp(v, "CITE")) return NOACTOR;
    for (size_t i = 0; i < x->nm; i++) {
        const mention *m = &x->m[i];
        if (m->t0 >= from && (m->t1 == k || m->t1 + 1 == k) && x->a[m->actor].kind == CHR_ACTOR_MEDIA) return m->actor;
    }
    return NOACTOR;
}

/* Whether a citation word at k, right after a comma, names a medium within
 * six words ("، بحسب ما نقلت وكالة تاس", ", according to TASS"). */
static int medium_cited(const chr_extractor *x, const sent *s, size_t k)
{
    const char *v = vval(x, k, VK_REPORT);
    if (!v || strcmp(v, "CITE") || k == 0 || !is_comma(T(x, k - 1))) return 0;
    for (size_t j = k + vlen(x, k); j < s->t1 && j < k + 7; j++) {
        const mention *m = mention_at(x, j);
        if (m && x->a[m->actor].kind == CHR_ACTOR_MEDIA) return 1;
    }
    return 0;
}

/* Where reported words that begin at b end: at the end of the sentence, or
 * at the comma before another speaker's clause ("..., and Lebanon's health
 * ministry said ...") or a medium's ("..., TASS reported"); punctuation at
 * the end is left out, but for a closing quotation mark before such a
 * comma. */
static size_t words_end(const chr_extractor *x, const sent *s, size_t b)
{
    size_t e = s->t1;
    int cut = 0;
    for (size_t c = b + 1; c < e && !cut; c++)
        if (!x->tq[c] && (other_speech(x, c) || medium_before(x, b + 1, c) != NOACTOR || medium_cited(x, s, c))) {
            for (size_t p = c; p > b + 1 && !cut; p--)
                if (is_comma(T(x, p - 1))) {
                    e = p - 1;
                    cut = 1;
                }
            break;
        }
    while (e > b && (T(x, e - 1)->flags & CHR_TOK_PUNCT) && !(cut && closes(T(x, e - 1)->cp))) e--;
    return e;
}

/* Where the words of a warning open at j, right after its speaker or whom
 * it is given to, past a date ("حذر ... أمس من", "warned on Monday of")
 * and, in Arabic, an object that names no actor ("حذر بوتين الغرب من"): a
 * WARNING word, unless أن follows it ("حذر من أن ...": a clause, whose
 * words begin after أن); s->t1 when none opens there. */
static size_t warning_at(const chr_extractor *x, const sent *s, size_t j)
{
    size_t w = past_date(x, s, j);
    for (int n = 0; n < 3 && x->lang != CHR_LANG_EN && w < s->t1 && (T(x, w)->flags & CHR_TOK_WORD) && !vn(x, w) &&
                    !covered(x, w) && !x->tq[w] && !chr_ex_in_timex(x, w);
         n++)
        w++;
    if (w + 1 >= s->t1 || !warning_word(x, w) || opens_content(x, w + 1)) return s->t1;
    return w;
}

/* Whether the words open right after whom they were said to: a medium or a
 * listener after a preposition ("وقال لوكالة رويترز إن", "told Reuters
 * that"), with no one else named between.  An Arabic medium right after
 * the verb without ل is its subject ("وذكرت وكالة الأنباء القطرية أن"): the
 * agency's report, not the last speaker's words. */
static int content_past_listener(const chr_extractor *x, const sent *s, size_t t)
{
    const mention *m = t < s->t1 ? mention_at(x, t) : NULL;
    if (m && x->a[m->actor].kind == CHR_ACTOR_MEDIA)
        return (x->lang == CHR_LANG_EN || m->lam || m->prep) && m->t1 < s->t1 && opens_content(x, m->t1);
    if (t + 1 < s->t1 && prep_is(x, t, "PLACE") && (m = mention_at(x, t + 1)) && x->a[m->actor].kind == CHR_ACTOR_MEDIA)
        return m->t1 < s->t1 && opens_content(x, m->t1);
    return 0;
}

/* The gender a person of this article is known to have: 'F', 'M' or 0. */
static char gender_of(const chr_extractor *x, uint32_t a)
{
    const aref *r = &x->a[a];
    if (r->kind != CHR_ACTOR_PERSON || r->gz < 0) return 0;
    return chr_gazetteer_actor(x->gz, (uint32_t)r->gz)->gender;
}

/* Whether actor a can be what a pronoun or a verb form of gender g ('F',
 * 'M', or 0 for either) stands for: not a person known to be of the other. */
static int fits(const chr_extractor *x, uint32_t a, char g)
{
    char h = a == NOACTOR ? 0 : gender_of(x, a);
    return !g || !h || g == h;
}

/* Whether folded Arabic word w (len bytes), or w without a leading و or ف,
 * is a reporting verb of report.txt. */
static int is_report_form(const chr_extractor *x, const char *w, size_t len)
{
    for (int strip = 0; strip < 2; strip++) {
        if (strip && !(len > 2 && (!memcmp(w, "\xd9\x88", 2) || !memcmp(w, "\xd9\x81", 2)))) break;
        size_t n = 0;
        const uint32_t *ids = chr_phrases_get(x->voc->dict[CHR_LANG_AR], w + 2 * strip, len - 2 * strip, &n);
        for (size_t i = 0; i < n; i++)
            if (VK_OF(ids[i]) == VK_REPORT) return 1;
    }
    return 0;
}

/* The gender of the subject the reporting verb at k speaks of: a pronoun
 * just before it ("She said": pronoun.txt SHE, HE), or the form of an Arabic
 * verb in the past: قالت is feminine, being قال (also listed) with the
 * feminine ت, and قال masculine, قالت being listed; 0 when not known (نفى
 * and نفت are not so related, and are left alone). */
static char subject_gender(const chr_extractor *x, const sent *s, size_t k)
{
    for (size_t p = k >= s->t0 + 2 ? k - 2 : s->t0; p < k; p++) {
        const char *pv = vval(x, p, VK_PRONOUN);
        if (pv && !strcmp(pv, "HE")) return 'M';
        if (pv && !strcmp(pv, "SHE")) return 'F';
    }
    if (x->lang != CHR_LANG_AR || vlen(x, k) != 1) return 0;
    const chr_token *tk = T(x, k);
    const char *w = x->tok->buf + tk->norm;
    size_t len = tk->norm_len;
    char more[64];
    if (len > 2 && !memcmp(w + len - 2, "\xd8\xaa", 2) && is_report_form(x, w, len - 2)) return 'F';
    if (len + 3 <= sizeof more) {
        memcpy(more, w, len);
        memcpy(more + len, "\xd8\xaa", 3);
        if (is_report_form(x, more, len + 2)) return 'M';
    }
    return 0;
}

/* Whether an Arabic verb whose words do not open right after it has, at
 * token t after it, a subject the text does not name ("وأضاف ضيف البرنامج:"):
 * a word that is no name, title, medium, preposition or punctuation.  Then
 * the last speaker does not go on. */
static int unknown_subject(const chr_extractor *x, const sent *s, size_t t)
{
    if (x->lang == CHR_LANG_EN || t >= s->t1 || opens_content(x, t) || mention_at(x, t) || covered(x, t) ||
        (T(x, t)->flags & CHR_TOK_PUNCT) || prep_is(x, t, "PLACE") || vval(x, t, VK_TITLE) ||
        vval(x, t, VK_MEDIUM) || vval(x, t, VK_REPORT))
        return 0;
    return 1;
}

/* The person a sentence goes on about when it opens with a pronoun or, in
 * Arabic, with its verb ("He said ...", "وقال إن ..."): the first person who
 * acts in the sentence before, in the same item, outside quoted and reported
 * words; NOACTOR when none does (the last speaker is asked next). */
static uint32_t subject_before(const chr_extractor *x, size_t si, char g)
{
    if (si == 0 || x->s[si - 1].item != x->s[si].item) return NOACTOR;
    const sent *p = &x->s[si - 1];
    for (size_t t = p->t0; t < p->t1; t++) {
        const mention *m = mention_at(x, t);
        if (m && m->t0 == t && chr_ex_agent(x, m) && !m->prep && !x->tq[t] && !x->tcontent[t] &&
            x->a[m->actor].kind == CHR_ACTOR_PERSON && fits(x, m->actor, g))
            return m->actor;
    }
    return NOACTOR;
}

/* The speaker a sentence goes on with ("He added", "وأضافت"): the last
 * speaker of the item, or, when the pronoun or the verb's form says that
 * gender g does not fit, the latest of the two speakers before that does;
 * NOACTOR when none. */
static uint32_t speaker_going_on(const chr_extractor *x, size_t first, uint32_t last, char g)
{
    if (fits(x, last, g)) return last;
    for (size_t i = x->nst, seen = 0; i-- > first && seen < 3; seen++)
        if (fits(x, x->st[i].speaker, g)) return x->st[i].speaker;
    return NOACTOR;
}

/* For a pronoun or verb form of gender g whose speaker is not found so: the
 * first person known to be of that gender who acts in the three sentences
 * before si, the nearest first ("Baerbock met Lavrov ... Lavrov said ...
 * She said"); NOACTOR when none. */
static uint32_t person_of_gender(const chr_extractor *x, size_t si, char g)
{
    for (size_t b = si, n = 0; g && b-- > 0 && n < 3 && x->s[b].item == x->s[si].item; n++)
        for (size_t t = x->s[b].t0; t < x->s[b].t1; t++) {
            const mention *m = mention_at(x, t);
            if (m && m->t0 == t && chr_ex_agent(x, m) && !x->tq[t] && !x->tcontent[t] && gender_of(x, m->actor) == g)
                return m->actor;
        }
    return NOACTOR;
}

/* Where the words of a GROUP noun (pronoun.txt) that is the subject of the
 * reporting verb at k end: right before it in English ("The group said",
 * "the movement also said"), right after it in Arabic ("وقال الحزب إن");
 * 0 when there is none. */
static size_t group_subject(const chr_extractor *x, const sent *s, size_t k, size_t after)
{
    if (x->lang != CHR_LANG_EN) {
        const char *v = after < s->t1 && !mention_at(x, after) ? vval(x, after, VK_PRONOUN) : NULL;
        if (!v || strcmp(v, "GROUP")) return 0;
        /* the words, or where and how they were said, follow it: not "وقال
         * الحزب الحاكم", another party */
        size_t e = after + vlen(x, after);
        return e < s->t1 && (opens_content(x, e) || prep_is(x, e, "PLACE") || (T(x, e)->flags & CHR_TOK_PUNCT)) ? e : 0;
    }
    for (size_t p = k >= s->t0 + 3 ? k - 3 : s->t0; p < k; p++) {
        const char *v = vval(x, p, VK_PRONOUN);
        if (v && !strcmp(v, "GROUP") && !mention_at(x, p) && k - (p + vlen(x, p)) <= 1) return k;
    }
    return 0;
}

/* The organisation a GROUP noun in sentence si stands for: the first
 * organisation acting in the three sentences before, the nearest first
 * ("Hezbollah fired rockets ... The group said"), else the speaker of the
 * latest of the item's last three statements that is one; NOACTOR when
 * none. */
static uint32_t group_before(const chr_extractor *x, size_t si, size_t first)
{
    for (size_t b = si, n = 0; b-- > 0 && n < 3 && x->s[b].item == x->s[si].item; n++)
        for (size_t t = x->s[b].t0; t < x->s[b].t1; t++) {
            const mention *m = mention_at(x, t);
            if (m && m->t0 == t && chr_ex_agent(x, m) && !m->prep && !x->tq[t] && !x->tcontent[t] &&
                x->a[m->actor].kind == CHR_ACTOR_ORG)
                return m->actor;
        }
    for (size_t i = x->nst, seen = 0; i-- > first && seen < 3; seen++)
        if (x->st[i].speaker != NOACTOR && x->a[x->st[i].speaker].kind == CHR_ACTOR_ORG) return x->st[i].speaker;
    return NOACTOR;
}

/* Whether the reporting verb at k has a pronoun for its subject at the start
 * of the sentence: "He said", "She also told" (one word between at most). */
static int pronoun_subject(const chr_extractor *x, const sent *s, size_t k)
{
    for (size_t p = k >= s->t0 + 2 ? k - 2 : s->t0; p < k; p++) {
        const char *pv = vval(x, p, VK_PRONOUN);
        if (!pv || (strcmp(pv, "HE") && strcmp(pv, "SHE"))) continue;
        /* at the start, after the quotation that opens the sentence
         * ("\"We will not stop,\" he told a cabinet meeting") or after a
         * comma ("Moscow was ready to talk, he told reporters") */
        size_t b = s->t0;
        while (b < p && (x->tq[b] || (T(x, b)->flags & CHR_TOK_PUNCT))) b++;
        if (b == p || is_comma(T(x, p - 1))) return !mention_at(x, k - 1);
    }
    return 0;
}

/* The subject of the sentence's first verb before k: the first acting name
 * outside quoted and reported words with a verb of an event or of saying
 * after it before k (Arabic: also the first such name after that verb). */
static uint32_t verb_subject(const chr_extractor *x, const sent *s, size_t k)
{
    for (size_t t = s->t0; t < k; t++) {
        const mention *m = mention_at(x, t);
        if (!m || m->t0 != t || !chr_ex_agent(x, m) || m->prep || x->tq[t] || x->tcontent[t]) continue;
        for (size_t v = m->t1; v < k; v++)
            if (!x->tq[v] && (vval(x, v, VK_TRIGGER) || vval(x, v, VK_REPORT))) return m->actor;
        if (x->lang == CHR_LANG_EN) return NOACTOR;
        break;                                   /* Arabic: the verb may stand before it */
    }
    /* Arabic: the verb first, its subject after it */
    for (size_t v = s->t0; v < k; v++) {
        if (x->tq[v] || !(vval(x, v, VK_TRIGGER) || vval(x, v, VK_REPORT))) continue;
        for (size_t t = v + vlen(x, v); t < k; t++) {
            const mention *m = mention_at(x, t);
            if (m && m->t0 == t && chr_ex_agent(x, m) && !m->prep && !x->tq[t] && !x->tcontent[t]) return m->actor;
        }
        break;
    }
    return NOACTOR;
}

uint32_t chr_ex_joined_subject(const chr_extractor *x, const sent *s, size_t k)
{
    int joined = (k > s->t0 && prep_is(x, k - 1, "AND")) ||
                 (x->lang != CHR_LANG_EN && k > s->t0 && T(x, k)->norm_len > 2 &&
                  !memcmp(x->tok->buf + T(x, k)->norm, "\xd9\x88", 2));            /* و on the verb */
    return joined ? verb_subject(x, s, k) : NOACTOR;
}

uint32_t chr_ex_joined_object_subject(const chr_extractor *x, const sent *s, size_t k, size_t after, size_t stop)
{
    if (!vval(x, k, VK_OBJECT) || T(x, k)->norm_len <= 2 || memcmp(x->tok->buf + T(x, k)->norm, "\xd9\x88", 2))
        return NOACTOR;
    const mention *m = after < stop ? mention_at(x, after) : NULL;
    if (!m || !chr_ex_agent(x, m) || m->prep) return NOACTOR;
    const mention *next = m->t1 < stop ? mention_at(x, m->t1) : NULL;
    if (next && chr_ex_agent(x, next) && !next->prep) return NOACTOR;      /* "ودعت قطر إسرائيل" */
    uint32_t subj = chr_ex_joined_subject(x, s, k);
    return subj != m->actor ? subj : NOACTOR;
}

/* A warning at k given to someone, and its speaker.  English puts the
 * speaker before the verb and whom it warns right after it ("Russia warned
 * the United States of ..."; *speaker is NOACTOR for "He warned Israel of",
 * found later as for any verb); Arabic puts the verb first, then its
 * subject, then whom it warns ("حذرت روسيا الولايات المتحدة من ...").  A
 * state named right after a title is the title's ("حذر أمير قطر الشيخ تميم
 * من"), not the subject.  Sets *j past whom the warning is given to;
 * returns NULL, setting nothing, when it is given to no one named. */
static const mention *warned(const chr_extractor *x, const sent *s, size_t k, size_t after, uint32_t *speaker,
                             size_t *j)
{
    const mention *to, *subj = NULL;
    if (x->lang == CHR_LANG_EN) {
        if (!(to = addressee_at(x, s, after))) return NULL;
        *speaker = speaker_before(x, s, k);
    } else {
        for (size_t t = after; t < s->t1 && t < after + 12 && !subj; t++) {
            if (opens_content(x, t) || warning_word(x, t) || vval(x, t, VK_REPORT) || vval(x, t, VK_TRIGGER)) break;
            const mention *m = mention_at(x, t);
            if (!m || !chr_ex_agent(x, m) || m->prep || x->tq[t]) continue;
            int of_title = 0;
            for (size_t b = t > 3 ? t - 3 : 0; b < t; b++) of_title |= vval(x, b, VK_TITLE) && b + vlen(x, b) == t;
            if (!of_title) subj = m;
        }
        if (!subj || !(to = addressee_at(x, s, subj->t1))) {
            /* the subject before the verb: of a verb before it that this
             * one is joined to ("أدانت إيران الضربات وحذرت إسرائيل من ..."),
             * or its own ("إيران تحذر إسرائيل من ..."); the name after the
             * verb is whom it warns */
            uint32_t js = chr_ex_joined_subject(x, s, k);
            if (js == NOACTOR) js = speaker_before(x, s, k);
            if (js == NOACTOR || !(to = addressee_at(x, s, after))) return NULL;
            *speaker = js;
            *j = to->t1;
            return to;
        }
        /* "حذر مسؤول السياسة الخارجية في الاتحاد الأوروبي جوزيب بوريل من":
         * a person after his own state or organisation is its person, the
         * subject */
        if (serves(x, to->actor, subj->actor)) return NULL;
        *speaker = subj->actor;
    }
    *j = to->t1;
    return to;
}

int chr_ex_noun_form(const chr_extractor *x, size_t k)
{
    chr_phrase_match pm;
    if (x->lang == CHR_LANG_EN) return k > 0 && prep_is(x, k - 1, "THE");
    if (!chr_phrases_match(x->voc->dict[CHR_LANG_AR], x->tok, k, &pm)) return 0;
    const chr_token *tk = T(x, k);
    size_t c = tk->start;
    for (size_t n = pm.clitic; n > 0 && c < tk->end; n--) {     /* و ف ب ل ك, each with its marks */
        uint32_t cp = x->cps[c++];
        if (cp == 0x0628 || cp == 0x0644 || cp == 0x0643) return 1;
        while (c < tk->end && chr_text_fold(x->cps[c]) == 0) c++;
    }
    return c + 2 < tk->end && x->cps[c] == 0x0627 && x->cps[c + 1] == 0x0644;
}

int chr_ex_statements(chr_extractor *x)
{
    x->nst = 0;
    uint32_t last = NOACTOR;
    int last_item = -1;
    size_t item_first_st = 0;                  /* the item's first statement */
    for (size_t si = 0; si < x->ns; si++) {
        const sent *s = &x->s[si];
        if (s->item != last_item) {
            last = NOACTOR;
            last_item = s->item;
            item_first_st = x->nst;
        }
        /* "حسبما ذكرت وكالة تاس", "according to TASS": who reports what
         * the sentence holds, wherever it stands in it */
        uint32_t cited[4];
        int ncited = 0;
        size_t first_st = x->nst;
        for (size_t k = s->t0; k < s->t1; k++) {
            if (x->tq[k] || !vval(x, k, VK_REPORT) || strcmp(vval(x, k, VK_REPORT), "CITE")) continue;
            uint32_t before = medium_before(x, s->t0, k);     /* "..., TASS reported" */
            if (before != NOACTOR) {
                if (ncited < 4) cited[ncited++] = before;
                continue;
            }
            for (size_t j = k + vlen(x, k); j < s->t1 && j < k + vlen(x, k) + 6; j++) {
                const mention *m = mention_at(x, j);
                if (m && x->a[m->actor].kind == CHR_ACTOR_MEDIA) {
                    if (ncited < 4) cited[ncited++] = m->actor;
                    break;
                }
            }
        }
        for (size_t k = s->t0; k < s->t1; k++) {
            const char *verb = vval(x, k, VK_REPORT);
            if (!verb || x->tq[k] || x->tcontent[k] || (strcmp(verb, "CITE") && chr_ex_noun_form(x, k))) continue;
            /* "..., according to TASS," right after the words it cites: their
             * reporter (cited above), not a statement of its own */
            if (!strcmp(verb, "CITE") && x->nst > first_st && x->st[x->nst - 1].sent == (int)si &&
                x->st[x->nst - 1].ct1 + 1 >= k && medium_cited(x, s, k))
                continue;
            /* "ولم يكشف الرئيس الروسي عن موعد", "did not say when": nothing said */
            if ((k > s->t0 && vval(x, k - 1, VK_NEG)) || (k > s->t0 + 1 && vval(x, k - 2, VK_NEG) &&
                                                          !(T(x, k - 1)->flags & CHR_TOK_PUNCT) && !covered(x, k - 1)))
                continue;
            size_t after = k + vlen(x, k);
            uint32_t speaker = NOACTOR, reporter = NOACTOR;
            size_t j = after;
            if (!strcmp(verb, "CITE")) {
                for (; j < s->t1 && j < after + 6; j++) {
                    const mention *m = mention_at(x, j);
                    if (m && x->a[m->actor].kind == CHR_ACTOR_MEDIA) {
                        reporter = m->actor;
                        j = m->t1;
                        break;
                    }
                }
                if (reporter == NOACTOR) continue;
                after = j;
            }
            const mention *to = NULL;            /* whom a warning is given to */
            uint32_t pair[4];                        /* "the two sides" who speak, or "X and Y" */
            int npair = 0, both = strcmp(verb, "CITE") && strcmp(verb, "ALSO") ? chr_ex_both_subject(x, s, k, after) : 0;
            int warn = !strcmp(verb, "WARN");
            if (!strcmp(verb, "ALSO")) {
                /* "... مؤكدا أن", "adding that": the subject of the sentence's verb */
                if (x->nst > first_st && x->st[x->nst - 1].sent == (int)si) speaker = x->st[x->nst - 1].speaker;
                else if (k > s->t0 && is_comma(T(x, k - 1))) speaker = verb_subject(x, s, k);   /* "Biden announced the deal, saying" */
                j = after;
            } else if (both && (npair = both_speakers(x, si, k, both, pair)) == 2) {
                speaker = pair[0];                   /* "وأكد الجانبان", "Both sides said": each of the two */
                j = x->lang != CHR_LANG_EN ? after + vlen(x, after) : after;
            } else if (warn && (to = warned(x, s, k, after, &speaker, &j))) {
                /* whom a warning is given to, and its speaker */
            } else if ((speaker = chr_ex_joined_object_subject(x, s, k, after, s->t1)) != NOACTOR) {
                j = mention_at(x, after)->t1;        /* "ودعت إسرائيل إلى ...": Israel is asked */
            } else {
                speaker = find_speaker(x, s, k, after, !strcmp(verb, "CITE"), &j);
            }
            if (speaker == NOACTOR && !strcmp(verb, "CITE")) continue;   /* "as TASS reported" */
            /* "Egypt and Saudi Arabia called for ...", "ودعت مصر والسعودية إلى":
             * each of the two says the words */
            if (speaker != NOACTOR && npair == 0 && strcmp(verb, "CITE") && strcmp(verb, "ALSO")) {
                int more = joined_speakers(x, s, k, after, speaker, &j, pair + 1, 3);
                if (more) {
                    pair[0] = speaker;
                    npair = more + 1;
                }
            }
            if (speaker == NOACTOR && strcmp(verb, "ALSO")) speaker = chr_ex_joined_subject(x, s, k);
            /* "The group said", "وأضافت الحركة أنها": the organisation just told of */
            size_t ge = speaker == NOACTOR && strcmp(verb, "ALSO") && strcmp(verb, "CITE") ? group_subject(x, s, k, after) : 0;
            if (ge) {
                speaker = group_before(x, si, item_first_st);
                if (speaker != NOACTOR && ge > j) j = ge;
            }
            /* "وقال:", "وأضاف أن", "He added": the last speaker goes on; a verb
             * whose subject is there but unknown ("ونفى القيادي ... ذلك") does not */
            int goes_on = (!strcmp(verb, "ADD") && !unknown_subject(x, s, after)) ||
                          (after < s->t1 && opens_content(x, after)) ||
                          (after + 1 < s->t1 && opens_content(x, after + 1) && prep_is(x, after, "PLACE")) ||
                          content_past_listener(x, s, after) ||
                          (warn && x->lang != CHR_LANG_EN && after < s->t1 && warning_word(x, after));   /* "وحذر من" */
            /* "He said ...", and "وقال إن ...": the person the sentence
             * before was about, else the last speaker; after a statement,
             * its speaker goes on ("..., Lavrov said. He added that") */
            int pronoun = speaker == NOACTOR && pronoun_subject(x, s, k);
            char g = speaker == NOACTOR ? subject_gender(x, s, k) : 0;
            if (speaker == NOACTOR && strcmp(verb, "ALSO") && strcmp(verb, "CITE") &&
                (pronoun || (x->lang != CHR_LANG_EN && k == s->t0 && goes_on)) &&
                !(x->nst && x->st[x->nst - 1].sent + 1 == (int)si && last != NOACTOR && fits(x, last, g)))
                speaker = subject_before(x, si, g);   /* unless the sentence before was a statement */
            if (speaker == NOACTOR && strcmp(verb, "ALSO") && (goes_on || pronoun)) {
                speaker = speaker_going_on(x, item_first_st, last, g);
                /* ... and where the words open right after the verb (no
                 * unknown name between: "وأضاف شكري:"), a person of its gender */
                if (speaker == NOACTOR && (pronoun || (after < s->t1 && opens_content(x, after))))
                    speaker = person_of_gender(x, si, g);
            }
            if (speaker == NOACTOR) continue;
            if (to && to->actor == speaker) to = NULL;
            /* the words: a quotation that opens here, else the clause after "that" */
            stmt st;
            memset(&st, 0, sizeof st);
            int trailing = 0;
            const quote *q = quote_from(x, j > k ? j - 1 : k, s->t1);
            size_t ct = j, w = s->t1;
            /* the words open within a few words of the speaker, and before
             * another reporting verb; Arabic, where أن always opens them,
             * may put a medium and a place first ("وأضاف ستولتنبرغ في مؤتمر
             * صحفي في ختام القمة التي استمرت ثلاثة أيام أن ..."; a citation
             * may stand between), English
             * words need no "that", and a later "that" is a relative one */
            size_t reach = j + (x->lang == CHR_LANG_EN ? 8 : 16);
            while (ct < s->t1 && (covered(x, ct) || !opens_content(x, ct)) && ct < reach &&
                   !(ct > j && other_speech(x, ct))) {
                if (covered(x, ct)) ct = x->m[x->tcov[ct] - 1].t1;       /* "سي إن إن" holds no إن */
                else ct += vval(x, ct, VK_REPORT) ? vlen(x, ct) : 1;     /* a citation whole: "حسبما ذكرت" */
            }
            if (q && (q->t0 <= ct + 2 || ct >= s->t1)) {
                st.c0 = q->c0;
                st.c1 = q->c1;
                st.ct0 = q->t0;
                st.ct1 = q->t1;
                st.quoted = 1;
            } else if (strcmp(verb, "ALSO") && strcmp(verb, "ADD") && (q = quote_before(x, s, k)) &&
                       !quote_used(x, q)) {
                /* "\"We will not accept this,\" Lavrov told reporters." */
                st.c0 = q->c0;
                st.c1 = q->c1;
                st.ct0 = q->t0;
                st.ct1 = q->t1;
                st.quoted = 1;
            } else if (warn && (w = warning_at(x, s, j)) < s->t1) {
                /* what a warning warns of, with the word that opens it: "of
                 * famine in Gaza", "من رد قوي إذا ..." */
                size_t e = words_end(x, s, w);
                if (e <= w) continue;
                set_words(x, &st, w, e, 1);
            } else if ((ct < s->t1 && opens_content(x, ct)) ||
                       (x->lang == CHR_LANG_EN && j == after && j < s->t1 && (T(x, j)->flags & CHR_TOK_WORD))) {
                /* the clause after "that", or in English after "X said" with no "that" */
                size_t b = ct < s->t1 && opens_content(x, ct)
                               ? ct + ((T(x, ct)->flags & CHR_TOK_PUNCT) ? 1 : vlen(x, ct)) : words_begin(x, s, j);
                size_t e = words_end(x, s, b);
                if (e > b && !only_citation(x, s, b) && !(j == after && object_only(x, b, e))) {
                    set_words(x, &st, b, e, 0);
                } else if (x->lang == CHR_LANG_EN && trailing_words(x, s, k, &st)) {
                    trailing = 1;                 /* "..., Peskov told reporters." */
                } else {
                    continue;
                }
            } else if (j > k && j + 1 < s->t1 && (!strcmp(verb, "SAY") || !strcmp(verb, "CALL") || !strcmp(verb, "WARN")) &&
                       vval(x, j, VK_CONTENT) && !strcmp(vval(x, j, VK_CONTENT), "TOPIC") && !q) {
                /* "أكد الوزير على ضرورة ...", "دعا غوتيريش إلى وقف ...": what
                 * the words are about, to the end of the sentence */
                size_t b = j + 1, e = s->t1;
                for (size_t c = b; c + 1 < s->t1; c++)     /* "، مؤكدا أن ...": its own words */
                    if (is_comma(T(x, c)) && vval(x, c + 1, VK_REPORT) && !x->tq[c + 1]) {
                        e = c;
                        break;
                    }
                while (e > b && (T(x, e - 1)->flags & CHR_TOK_PUNCT)) e--;
                if (e <= b) continue;
                set_words(x, &st, b, e, 1);
            } else if (x->lang == CHR_LANG_EN && strcmp(verb, "CITE") && strcmp(verb, "ALSO") &&
                       trailing_words(x, s, k, &st)) {
                /* "Russia will respond, Peskov said.": the words come first;
                 * what they tell of stays an event too (the speaker reports it) */
                trailing = 1;
            } else {
                continue;
            }
            st.speaker = speaker;
            st.verb = verb;
            st.trailing = trailing;
            st.to = to ? to->actor : NOACTOR;
            st.vt = k;
            st.sent = (int)si;
            st.medium_actor = NOACTOR;
            if (reporter != NOACTOR) add_reporter(&st, reporter);
            /* negation of the first clause: "لم يتواصل بعد", not a "لا" three
             * sentences into a long quotation */
            for (size_t c = st.ct0; c < st.ct1 && c < st.ct0 + (st.quoted ? 8 : 16); c++) {
                if (((T(x, c)->flags & CHR_TOK_PUNCT) && sentence_end(T(x, c)->cp)) || prep_is(x, c, "CONTRAST")) break;
                if (vval(x, c, VK_NEG) && (!x->tq[c] || st.quoted) && !excepted(x, c, st.ct1)) st.negated = 1;
            }
            /* the medium: before the words, or after them when they come
             * first ("..., the ministry said in a statement", "\"...,\" he
             * told a press conference") */
            size_t m0 = trailing || st.ct1 <= k ? st.ct1 : s->t0, m1 = trailing || st.ct1 <= k ? s->t1 : st.ct0;
            for (size_t c = m0; c < m1; c++) {
                const char *md = vval(x, c, VK_MEDIUM);
                if (!md || x->tq[c]) continue;
                st.medium = md;
                for (size_t d = c + vlen(x, c); d < m1 && d < c + 6; d++) {
                    const mention *m = mention_at(x, d);
                    if (m && x->a[m->actor].kind == CHR_ACTOR_MEDIA) {
                        st.medium_actor = m->actor;
                        break;
                    }
                }
            }
            if (!trailing)
                for (size_t c = st.ct0; c < st.ct1; c++) x->tcontent[c] = 1;
            if (GROW(x->st, x->nst, x->stcap)) return -1;
            x->st[x->nst++] = st;
            last = speaker;
            for (int p = 1; p < npair; p++) {       /* the other side said it too */
                if (GROW(x->st, x->nst, x->stcap)) return -1;
                st.speaker = pair[p];
                x->st[x->nst++] = st;
                last = NOACTOR;                      /* "He added" after both: who is not known */
            }
            k = st.ct1 > k ? st.ct1 - 1 : k;
        }
        if (x->nst == first_st && according_to(x, s, si)) return -1;
        if (x->nst == first_st && x->nst > item_first_st && continued_quote(x, s, si)) return -1;
        /* "according to TASS" anywhere in the sentence reports what it holds */
        for (size_t i = first_st; i < x->nst; i++)
            for (int c = 0; c < ncited; c++) add_reporter(&x->st[i], cited[c]);
    }
    return 0;
}
