/* mentions.c - pass 3 of the extractor: who is named.
 *
 * Gazetteer names first; then people a title introduces ("نائب وزير
 * الخارجية الروسي سيرجي ريابكوف"), new actors whose later short mentions
 * ("ريابكوف") resolve to them; then offices named without a name ("الرئيس
 * الروسي", "his Russian counterpart"), which become the gazetteer's holder
 * of the office in the year the sentence is about, or else stay the state
 * acting through it; last, a state or organisation named in a person's
 * title is marked as no agent beside the person.  The later passes
 * (statements.c, treaties.c, the events of extract.c) read the mentions in
 * text order. */
#include "extract_int.h"
#include "lexicon.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Puts the mentions back in text order, and x->tment and x->tcov with them. */
static void mentions_sort(chr_extractor *x)
{
    for (size_t i = 1; i < x->nm; i++) {
        mention v = x->m[i];
        size_t j = i;
        while (j > 0 && x->m[j - 1].t0 > v.t0) {
            x->m[j] = x->m[j - 1];
            j--;
        }
        x->m[j] = v;
    }
    memset(x->tment, 0, x->tok->n * sizeof *x->tment);
    for (size_t i = 0; i < x->nm; i++) {
        x->tment[x->m[i].t0] = (int32_t)(i + 1);
        for (size_t k = x->m[i].t0; k < x->m[i].t1; k++) x->tcov[k] = (int32_t)(i + 1);
    }
}

static int add_mention(chr_extractor *x, uint32_t actor, chr_alias_tag tag, size_t t0, size_t t1,
                       size_t clitic)
{
    if (GROW(x->m, x->nm, x->mcap)) return -1;
    mention *m = &x->m[x->nm];
    m->actor = actor;
    m->tag = tag;
    m->t0 = t0;
    m->t1 = t1;
    m->c0 = T(x, t0)->start;
    m->lam = 0;
    m->wa = 0;
    m->office = 0;
    m->prep = t0 > 0 && !(T(x, t0)->flags & CHR_TOK_BREAK) && prep_is(x, t0 - 1, "PLACE");
    m->pw = t0 > 0 ? t0 - 1 : 0;
    /* "in southern Lebanon", "في جنوب لبنان": a part of the place between */
    for (size_t l = 1; !m->prep && l <= 2 && t0 >= l + 1; l++)
        if (chr_ex_word_len(x, t0 - l, "REGION") == l && prep_is(x, t0 - l - 1, "PLACE") &&
            !(T(x, t0 - l)->flags & CHR_TOK_BREAK)) {
            m->prep = 1;
            m->pw = t0 - l - 1;
        }
    /* "وفد من حركة حماس", "a delegation from Hamas": whose organ it is;
     * not "police in Cairo", where they are */
    if (m->prep && t0 >= 2 && vval(x, t0 - 2, VK_FORCE) && t0 - 2 + vlen(x, t0 - 2) == t0 - 1 &&
        !prep_is(x, t0 - 1, "IN"))
        m->prep = 0;
    /* "عناصر من حماس": the group whose men they are (men.txt) */
    if (m->prep && t0 >= 2 && prep_is(x, t0 - 1, "FROM") && chr_ex_word_len(x, t0 - 2, "MEN") == 1) m->prep = 0;
    while (clitic > 0 && m->c0 < T(x, t0)->end) {         /* skip و ب ل and their marks */
        uint32_t c = x->cps[m->c0];
        if (c == 0x0628 || c == 0x0644 || c == 0x0643) m->prep = 1;   /* ب ل ك */
        if (c == 0x0644) m->lam = 1;
        if (c == 0x0648 || c == 0x0641) m->wa = 1;
        m->c0++;
        clitic--;
        while (m->c0 < T(x, t0)->end && chr_text_fold(x->cps[m->c0]) == 0) m->c0++;
    }
    m->c1 = T(x, t1 - 1)->end;
    m->sent = x->tsent[t0];
    /* a dateline ("الدوحة –", "BRUSSELS (Reuters) -") names a place; a
     * person opening a paragraph ("Lavrov, in turn, accused") does not */
    if ((t0 == 0 || (T(x, t0)->flags & CHR_TOK_BREAK)) && t1 < x->tok->n && (T(x, t1)->flags & CHR_TOK_PUNCT) &&
        x->a[actor].kind != CHR_ACTOR_PERSON) {
        uint32_t c = T(x, t1)->cp;
        if (c == '-' || c == 0x2013 || c == 0x2014 || c == '(') m->prep = 1;
        /* "KYIV, Nov 21 (Reuters) -": a comma, then the rest of a dateline;
         * not "Qatar, Egypt and the United States said" */
        for (size_t t = t1 + 1; c == ',' && t < x->tok->n && t < t1 + 8 && !(T(x, t)->flags & CHR_TOK_BREAK); t++)
            if ((T(x, t)->flags & CHR_TOK_PUNCT) &&
                (T(x, t)->cp == '(' || T(x, t)->cp == '-' || T(x, t)->cp == 0x2013 || T(x, t)->cp == 0x2014)) {
                m->prep = 1;
                break;
            }
    }
    x->tment[t0] = (int32_t)++x->nm;
    for (size_t k = t0; k < t1; k++) x->tcov[k] = (int32_t)x->nm;
    return 0;
}

int chr_ex_definite(const chr_extractor *x, size_t k)
{
    const chr_token *tk = T(x, k);
    return (tk->flags & CHR_TOK_ARABIC) && tk->norm_len > 4 && !memcmp(x->tok->buf + tk->norm, "\xd8\xa7\xd9\x84", 4);
}

/* A word that may be part of a person's name the text introduces. */
static int name_word(const chr_extractor *x, size_t k)
{
    const chr_token *tk = T(x, k);
    if (!(tk->flags & CHR_TOK_WORD) || tk->norm_len < 3) return 0;
    if (vn(x, k) || x->tment[k] || chr_ex_in_timex(x, k)) return 0;
    if (x->lang == CHR_LANG_EN && !(tk->flags & CHR_TOK_UPPER)) return 0;
    return 1;
}

/* Whether the Arabic word at k starts with a letter that may be the
 * preposition ب ل ك. */
static int prep_clitic(const chr_extractor *x, size_t k)
{
    const chr_token *tk = T(x, k);
    if (!(tk->flags & CHR_TOK_ARABIC) || tk->end - tk->start < 4) return 0;
    uint32_t c = x->cps[tk->start];
    return c == 0x0628 || c == 0x0644 || c == 0x0643;
}

/* Whether a noun that names its state only as an agent (countries.txt
 * agent:, الاحتلال) stands as one at tokens [k, e): right after a means
 * (weapon.txt: "برصاص الاحتلال", "بنيران الاحتلال"), after prep.txt BY
 * ("من قبل الاحتلال", "على يد الاحتلال"), or as the subject right after a
 * verb of force, harm or arrest (a trigger of CAMEO 17-20, a word of
 * harm.txt, a verb of launch.txt: "اعتقل الاحتلال", "قصف الاحتلال"); and
 * no state's adjective after it, which names the occupier itself
 * ("الاحتلال التركي", force.txt).  Elsewhere the noun names no one:
 * "إنهاء الاحتلال", "مقاومة الاحتلال", "تحت الاحتلال". */
static int agent_noun_at(const chr_extractor *x, size_t k, size_t e)
{
    if (!k || (T(x, k)->flags & CHR_TOK_BREAK) || x->tsent[k - 1] != x->tsent[k]) return 0;
    chr_gz_match gm;
    if (e < x->tok->n && chr_gazetteer_match(x->gz, x->tok, x->cps, e, &gm) && gm.tag == CHR_ALIAS_ADJ) return 0;
    for (size_t b = k; b-- > 0 && b + 4 > k;) {
        if (T(x, b)->flags & CHR_TOK_PUNCT) break;
        size_t l = vlen(x, b), hl = 0;
        if (l && b + l == k) {
            for (uint32_t i = 0; i < vn(x, b); i++) {
                uint32_t p = x->tv[b].ids[i];
                const char *v = x->voc->values[VV_OF(p)];
                if ((VK_OF(p) == VK_WEAPON && (!strchr(v, ':') || !strncmp(v, "HARM:", 5))) ||
                    (VK_OF(p) == VK_LAUNCH && (!strcmp(v, "LAUNCH") || !strcmp(v, "TARGET") || !strcmp(v, "DEMOLISH"))))
                    return 1;
            }
            const char *c = vval(x, b, VK_TRIGGER);
            if (c && (c[0] == '1' ? c[1] >= '7' : c[0] == '2' && c[1] == '0')) return 1;
        }
        if (chr_ex_word_len(x, b, "BY") == k - b) return 1;
        const char *h = chr_ex_harm_at(x, b, &hl);
        if (h && strcmp(h, "-") && b + hl == k) return 1;
    }
    return 0;
}

static int mentions_gazetteer(chr_extractor *x)
{
    x->nm = 0;
    for (size_t k = 0; k < x->tok->n;) {
        chr_gz_match gm;
        if (chr_gazetteer_match(x->gz, x->tok, x->cps, k, &gm)) {
            if (gm.actor == CHR_GZ_NOTHING) {           /* "خليج عمان": a sea, not Oman */
                k += gm.ntok;
                continue;
            }
            if (gm.tag == CHR_ALIAS_AGENT) {
                if (!agent_noun_at(x, k, k + gm.ntok)) {
                    k += gm.ntok;
                    continue;
                }
                gm.tag = CHR_ALIAS_SEAT;
            }
            int64_t a = chr_ex_aref_gz(x, gm.actor);
            if (a < 0 || add_mention(x, (uint32_t)a, gm.tag, k, k + gm.ntok, gm.clitic)) return -1;
            k += gm.ntok;
        } else {
            k++;
        }
    }
    return 0;
}

/* People a title introduces.  After the title come, in any order, the
 * nationality adjective (affiliation) and more title words (المنتخب); then
 * either a known person (who gets the title) or two to three name words,
 * which become a new actor. */
static int mentions_titles(chr_extractor *x)
{
    size_t n = x->tok->n;
    size_t nm0 = x->nm;
    for (size_t k = 0; k < n; k++) {
        const char *title = vval(x, k, VK_TITLE);
        if (!title || x->tment[k]) continue;
        size_t j = k + vlen(x, k);
        uint32_t affil = NOACTOR;
        /* English puts the nationality or the body first: "Maltese Foreign
         * Minister", "Hamas spokesman", "Houthi military spokesman" (a word
         * or two of the post between, in lower case) */
        size_t lead = k;
        while (x->lang == CHR_LANG_EN && lead > 0 && lead + 2 > k && !covered(x, lead - 1) &&
               (!vn(x, lead - 1) || vval(x, lead - 1, VK_FORCE)) &&
               (T(x, lead - 1)->flags & CHR_TOK_WORD) && !(T(x, lead - 1)->flags & CHR_TOK_UPPER))
            lead--;
        for (size_t i = x->nm; i-- > 0;)
            if (x->m[i].t1 == lead || x->m[i].t1 == k) {
                chr_actor_kind kind = x->a[x->m[i].actor].kind;
                if (x->m[i].tag == CHR_ALIAS_ADJ || kind == CHR_ACTOR_STATE ||
                    (x->lang == CHR_LANG_EN && kind == CHR_ACTOR_ORG))
                    affil = x->m[i].actor;
                break;
            } else if (x->m[i].t1 < lead) {
                break;
            }
        for (int guard = 0; guard < 4 && j < n; guard++) {
            const char *more;
            if (x->tment[j] && x->m[x->tment[j] - 1].tag == CHR_ALIAS_ADJ) {
                affil = x->m[x->tment[j] - 1].actor;
                j = x->m[x->tment[j] - 1].t1;
            } else if ((more = vval(x, j, VK_TITLE))) {
                if (strlen(more) > strlen(title)) title = more;
                j += vlen(x, j);
            } else if (x->lang != CHR_LANG_EN && chr_ex_definite(x, j) && !vn(x, j) && !x->tment[j] && guard < 3) {
                j++;                   /* the portfolio: وزير [الأمن القومي] الإسرائيلي */
            } else {
                break;
            }
        }
        if (j >= n) break;
        if (x->tment[j]) {
            mention *m = &x->m[x->tment[j] - 1];
            aref *r = &x->a[m->actor];
            if (r->kind == CHR_ACTOR_PERSON && !r->title) r->title = title;
            k = j - 1;
            continue;
        }
        size_t e = j;
        while (e < n && e < j + 3 && name_word(x, e) && !(T(x, e)->flags & CHR_TOK_BREAK)) e++;
        if (e - j < 2 || (x->lang != CHR_LANG_EN && chr_ex_definite(x, j))) continue;
        /* A bare title, with no state and no portfolio after it, followed by
         * a word with ب ل ك in front is a verb's subject and its object
         * ("أصيب الرئيس بفيروس كورونا", "رحب الوزير بقرار الحكومة"): a new
         * person is introduced with the state he serves.  (A common noun
         * after a title with its state, "أصيب الرئيس الأمريكي بفيروس
         * كورونا", is told by stop.txt.) */
        if (x->lang != CHR_LANG_EN && affil == NOACTOR && j == k + vlen(x, k) && prep_clitic(x, j)) continue;
        k = e - 1;
        /* a new person: the name as written (once, whatever titles it gets) */
        const char *name = chr_ex_utf8(x, T(x, j)->start, T(x, e - 1)->end);
        int known = 0;
        for (size_t i = 0; i < x->na && !known; i++) known = x->a[i].gz < 0 && !strcmp(x->a[i].name, name);
        if (known) continue;
        if (GROW(x->a, x->na, x->acap)) return -1;
        aref *r = &x->a[x->na];
        r->gz = -1;
        r->name = strdup(name);
        r->title = title;
        r->affil = affil;
        r->kind = CHR_ACTOR_PERSON;
        if (!r->name) return -1;
        uint32_t id = (uint32_t)x->na++;
        if (!x->dyn && !(x->dyn = chr_phrases_new(CHR_PHRASE_SKELETON))) return -1;
        chr_phrases_add(x->dyn, r->name, id);
        chr_phrases_add(x->dyn, chr_ex_utf8(x, T(x, e - 1)->start, T(x, e - 1)->end), id);
    }
    /* a person named in full is later named by surname alone (الأنصاري) */
    for (size_t i = 0; i < nm0; i++) {
        const mention *m = &x->m[i];
        if (x->a[m->actor].kind != CHR_ACTOR_PERSON || m->t1 - m->t0 < 2) continue;
        const chr_token *last = T(x, m->t1 - 1);
        if (!(last->flags & CHR_TOK_WORD) || last->norm_len < 8 || vn(x, m->t1 - 1)) continue;
        /* a regnal number is no surname: عبد الله الثاني is not "الثاني" of تشرين الثاني */
        const lex_info *li = chr_lex_get(x->tok->buf + last->norm, last->norm_len);
        if (li && (li->kinds & (LKB(LK_ORD) | LKB(LK_CARD) | LKB(LK_MONTH) | LKB(LK_WDAY)))) continue;
        if (!x->dyn && !(x->dyn = chr_phrases_new(CHR_PHRASE_SKELETON))) return -1;
        chr_phrases_add(x->dyn, chr_ex_utf8(x, last->start, last->end), m->actor);
    }
    if (!x->dyn || !chr_phrases_size(x->dyn)) return 0;
    /* later (and earlier) mentions of the new names, in token order */
    for (size_t k = 0; k < n; k++) {
        chr_phrase_match pm;
        if (x->tment[k] || covered(x, k)) continue;
        if (!chr_phrases_match(x->dyn, x->tok, k, &pm)) continue;
        if (chr_ex_in_timex(x, k)) continue;           /* a date's words name no one */
        if (add_mention(x, pm.ids[0], CHR_ALIAS_NAME, k, k + pm.ntok, pm.clitic)) return -1;
        k += pm.ntok - 1;
    }
    if (x->nm > nm0) mentions_sort(x);
    return 0;
}

/* "الشيخ محمد", "Sheikh Mohammed": an honorific (honorific.txt) and a given
 * name, the way Gulf rulers and princes are named after the first mention
 * in full, is the last person of the item named in full with that given
 * name ("الشيخ محمد بن زايد ... وقال الشيخ محمد"); with none, no one.  A
 * name that goes on ("الشيخ محمد بن راشد") is someone's full name, which
 * the gazetteer or a title has read if it is known. */
static int mentions_honorific(chr_extractor *x)
{
    size_t n = x->tok->n, nm0 = x->nm;
    for (size_t k = 0; k + 1 < n; k++) {
        size_t hl = chr_ex_word_len(x, k, "HONORIFIC"), j = k + hl;
        if (!hl || j >= n || x->tment[k] || covered(x, k) || x->tment[j] || covered(x, j)) continue;
        const chr_token *g = T(x, j);
        if (!(g->flags & CHR_TOK_WORD) || (g->flags & CHR_TOK_BREAK) || vn(x, j)) continue;
        if (j + 1 < n && !(T(x, j + 1)->flags & CHR_TOK_BREAK) && (T(x, j + 1)->flags & CHR_TOK_WORD) &&
            chr_ex_word_len(x, j + 1, "SON"))
            continue;
        int64_t who = -1;
        for (size_t i = nm0; i-- > 0 && who < 0;) {
            const mention *m = &x->m[i];
            if (m->t1 > k || x->a[m->actor].kind != CHR_ACTOR_PERSON || x->s[m->sent].item != x->s[x->tsent[k]].item)
                continue;
            size_t f = m->t0 + chr_ex_word_len(x, m->t0, "HONORIFIC");      /* الشيخ محمد بن زايد */
            if (f + 1 >= m->t1) continue;                                   /* a full name has more */
            const chr_token *t = T(x, f);
            if (t->norm_len == g->norm_len && !memcmp(x->tok->buf + t->norm, x->tok->buf + g->norm, g->norm_len))
                who = (int64_t)m->actor;
        }
        if (who >= 0 && add_mention(x, (uint32_t)who, CHR_ALIAS_NAME, j, j + 1, 0)) return -1;
        k = j;
    }
    if (x->nm > nm0) mentions_sort(x);
    return 0;
}

/* The nth office (from 0, in the order listed) a gazetteer person holds in
 * year y ("Foreign Minister" of "Foreign Minister of Turkey@2023-"), written
 * to out; "" when there is none.  With edge, *edge says whether y is the
 * first or last year of that role: a year in which someone else held the
 * office too. */
static void office_held(const char *roles, int y, int nth, char *out, size_t cap, int *edge)
{
    out[0] = 0;
    for (const char *p = roles; *p;) {
        size_t l = strcspn(p, ";");
        const char *at = memchr(p, '@', l);
        if (at) {
            int from = atoi(at + 1);
            const char *dash = memchr(at, '-', l - (size_t)(at - p));
            int to = dash && dash + 1 < p + l ? atoi(dash + 1) : 9999;
            if (from <= y && y <= to && nth-- == 0) {
                if (edge) *edge = y == from || y == to;
                size_t rl = (size_t)(at - p);        /* up to the last " of " (of the state) */
                for (const char *of = p; of + 4 <= at; of++)
                    if (!memcmp(of, " of ", 4)) rl = (size_t)(of - p);
                /* a post "to" a country or body ("Permanent Representative of
                 * Russia to the United Nations") is one of many: whole, it
                 * names no office a nationality alone points to ("the
                 * Russian ambassador" in London is not Russia's at the UN) */
                for (const char *to = p + rl; to + 4 <= at; to++)
                    if (!memcmp(to, " to ", 4)) rl = (size_t)(at - p);
                snprintf(out, cap, "%.*s", (int)rl, p);
                return;
            }
        }
        p += l + (p[l] == ';');
    }
}

/* An office under its canonical English title (title.txt: "Secretary of
 * Defense" and "Defence Secretary" are both "Defence Minister"), in place. */
static void canonical_office(const chr_extractor *x, char *office, size_t cap)
{
    char key[256];
    size_t nids = 0;
    int l = chr_text_key(office, key, sizeof key);
    const uint32_t *ids = l > 0 ? chr_phrases_get(x->voc->dict[CHR_LANG_EN], key, (size_t)l, &nids) : NULL;
    for (size_t i = 0; i < nids; i++)
        if (VK_OF(ids[i]) == VK_TITLE) {
            snprintf(office, cap, "%s", x->voc->values[VV_OF(ids[i])]);
            return;
        }
}

/* The gazetteer person who holds office (canonical) for state in year y;
 * -1 when nobody does, or when it changed hands that year: two people hold
 * it, or the year is the first or last of the one holder's term (the other
 * may be missing from the gazetteer).  Roles have years, not days, so which
 * holder is meant is then not known. */
static int64_t office_holder(const chr_extractor *x, const char *office, const char *state, int y)
{
    char held[128];
    int64_t found = -1;
    const uint32_t *ids;
    size_t n = chr_gazetteer_people_of(x->gz, state, &ids);
    for (size_t j = 0; j < n; j++) {
        uint32_t i = ids[j];
        const chr_actor *a = chr_gazetteer_actor(x->gz, i);
        for (int nth = 0;; nth++) {                 /* every office held that year */
            int edge = 0;
            office_held(a->roles, y, nth, held, sizeof held, &edge);
            if (!held[0]) break;
            canonical_office(x, held, sizeof held);
            if (strcmp(held, office)) continue;
            if ((found >= 0 && found != (int64_t)i) || edge) return -1;
            found = (int64_t)i;
        }
    }
    return found;
}

/* The year whose office holder an office named at token k means: the year
 * of the dates stated in its sentence ("في عام 2019 زار الرئيس الروسي"),
 * else the year of its item's report.  0 when the sentence names dates in
 * two different years, or there is no report date: which holder is meant
 * is then not known. */
static int office_year(const chr_extractor *x, size_t k)
{
    const sent *s = &x->s[x->tsent[k]];
    int found = 0;
    for (size_t i = 0; i < x->ntx; i++) {
        const chr_timex *t = &x->tx[i].t;
        if (t->start < s->c0 || t->end > s->c1) continue;
        if (t->type != CHR_TX_DATE && t->type != CHR_TX_TIME) continue;
        const char *v = t->value;
        if (!isdigit((unsigned char)v[0]) || !isdigit((unsigned char)v[1]) || !isdigit((unsigned char)v[2]) ||
            !isdigit((unsigned char)v[3]) || (v[4] && v[4] != '-' && v[4] != 'T'))
            continue;                                   /* decades, centuries, references */
        int y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 + (v[3] - '0');
        if (found && found != y) return 0;
        found = y;
    }
    return found ? found : x->dct[s->item].y;
}

/* Whether an office named over tokens [t0, t1) is put in the past: a
 * former.txt word after it ("الرئيس الأمريكي السابق") or before it ("the
 * former Russian president", "ex-president of Russia"). */
static int former(const chr_extractor *x, size_t t0, size_t t1)
{
    if (t1 < x->tok->n && prep_is(x, t1, "FORMER")) return 1;
    if (t0 > 0 && prep_is(x, t0 - 1, "FORMER")) return 1;
    return t0 > 1 && (T(x, t0 - 1)->flags & CHR_TOK_PUNCT) && T(x, t0 - 1)->cp == '-' && prep_is(x, t0 - 2, "FORMER");
}

/* The adjective's mention m becomes a mention of person a over [t0, t1). */
static void become(chr_extractor *x, mention *m, uint32_t a, size_t t0, size_t t1)
{
    int32_t id = (int32_t)(m - x->m) + 1;
    m->actor = a;
    m->tag = CHR_ALIAS_NAME;
    m->prep = 0;                                /* a person, never a place */
    m->t0 = t0;
    m->t1 = t1;
    m->c0 = T(x, t0)->start;
    m->c1 = T(x, t1 - 1)->end;
    for (size_t t = t0; t < t1; t++) x->tment[t] = 0, x->tcov[t] = id;
    x->tment[t0] = id;
}

/* Mention m, with the words [first, e) of an office, becomes its holder a
 * (the scan goes on after e); with no holder known (a < 0) the state acts
 * through the office (m->office) and the scan goes on from k. */
static size_t holder_or_office(chr_extractor *x, mention *m, int64_t a, size_t first, size_t e, size_t k)
{
    if (a < 0) {
        m->office = 1;
        return k;
    }
    become(x, m, (uint32_t)a, first, e);
    return e - 1;
}

/* The holder, in year y, of the office of the person named last before
 * token first (in its sentence or the one before), for state: an actor of
 * this article; -1 when it is not known (no year, person, office or single
 * holder), -2 when it is that same person. */
static int64_t counterpart_of(chr_extractor *x, size_t first, uint32_t state, int y)
{
    uint32_t who = NOACTOR;
    for (size_t i = x->nm; i-- > 0 && who == NOACTOR;) {
        const mention *m = &x->m[i];
        if (m->t1 > first) continue;
        if (x->tsent[first] - m->sent > 1) break;
        if (x->a[m->actor].kind == CHR_ACTOR_PERSON) who = m->actor;
    }
    if (who == NOACTOR || !y) return -1;
    char office[128] = "";
    const aref *r = &x->a[who];
    if (r->gz >= 0) office_held(chr_gazetteer_actor(x->gz, (uint32_t)r->gz)->roles, y, 0, office, sizeof office, NULL);
    if (!office[0] && r->title) snprintf(office, sizeof office, "%s", r->title);
    if (!office[0]) return -1;
    canonical_office(x, office, sizeof office);
    int64_t p = office_holder(x, office, x->a[state].name, y);
    int64_t a = p >= 0 ? chr_ex_aref_gz(x, (uint32_t)p) : -1;
    return a >= 0 && (uint32_t)a == who ? -2 : a;
}

/* "نظيره الروسي", "his Russian counterpart" with no name after it: the
 * holder, in the year its sentence is about (office_year), of the office of the person named just
 * before (in this sentence or the one before), for the adjective's state;
 * or the person named in apposition after a comma.  The adjective's mention
 * becomes the person's, over both words.  Nothing is guessed without a
 * year, an office or a single holder: the adjective then names the state,
 * acting through its office. */
static int mentions_counterparts(chr_extractor *x)
{
    size_t n = x->tok->n;
    for (size_t k = 0; k < n; k++) {
        if (!vval(x, k, VK_COUNTERPART)) continue;
        int y = office_year(x, k);
        size_t t1 = k + vlen(x, k);
        mention *adj = NULL;
        if (t1 < n && x->tment[t1] && x->m[x->tment[t1] - 1].tag == CHR_ALIAS_ADJ)
            adj = &x->m[x->tment[t1] - 1];                      /* نظيره الروسي */
        else if (k > 0 && x->tcov[k - 1] && x->m[x->tcov[k - 1] - 1].tag == CHR_ALIAS_ADJ)
            adj = &x->m[x->tcov[k - 1] - 1];                    /* Russian counterpart */
        if (!adj) continue;
        size_t e = adj->t1 > t1 ? adj->t1 : t1;
        if (e < n && x->tment[e] && x->a[x->m[x->tment[e] - 1].actor].kind == CHR_ACTOR_PERSON) continue;
        size_t first = adj->t0 < k ? adj->t0 : k;
        if (former(x, first, e)) continue;
        /* "his Iranian counterpart, Masoud Pezeshkian,": the name in apposition */
        if (e + 1 < n && (T(x, e)->flags & CHR_TOK_PUNCT) && (T(x, e)->cp == ',' || T(x, e)->cp == 0x060C) &&
            x->tment[e + 1] && x->a[x->m[x->tment[e + 1] - 1].actor].kind == CHR_ACTOR_PERSON) {
            become(x, adj, x->m[x->tment[e + 1] - 1].actor, first, e);
            k = e - 1;
            continue;
        }
        int64_t a = counterpart_of(x, first, adj->actor, y);
        if (a == -2) continue;
        k = holder_or_office(x, adj, a, first, e, k);
    }
    return 0;
}

const mention *chr_ex_possessor_before(const chr_extractor *x, size_t k)
{
    if (k < 3) return NULL;
    const chr_token *ap = T(x, k - 2), *sf = T(x, k - 1);
    if (!(ap->flags & CHR_TOK_PUNCT) || (ap->cp != '\'' && ap->cp != 0x2019) || sf->norm_len != 1 ||
        x->tok->buf[sf->norm] != 's')
        return NULL;
    return x->tcov[k - 3] && x->m[x->tcov[k - 3] - 1].t1 == k - 2 ? &x->m[x->tcov[k - 3] - 1] : NULL;
}

/* Whether a person of state is named in [t, t + 3): the office's own
 * holder named after it ("الرئيس الروسي فلاديمير بوتين", "the former US
 * president Donald Trump"), not someone else it acts on ("التقى الرئيس
 * الروسي أمير قطر"). */
static int person_follows(const chr_extractor *x, size_t t, uint32_t state)
{
    for (size_t u = t; u < x->tok->n && u < t + 3; u++) {
        if (!x->tment[u]) continue;
        const aref *r = &x->a[x->m[x->tment[u] - 1].actor];
        if (r->kind != CHR_ACTOR_PERSON) continue;
        if (r->affil == state || (r->gz >= 0 && !strcmp(chr_gazetteer_actor(x->gz, (uint32_t)r->gz)->affiliation,
                                                     x->a[state].name)))
            return 1;
        return 0;
    }
    return 0;
}

/* An office of a state with no name: "الرئيس الروسي", "وزير الخارجية
 * الأمريكي", "the Russian president", "the US president", "Russia's
 * president", "the president of Russia".  It names the gazetteer's holder of that office, for that
 * state, in the year its sentence is about (office_year, office_holder),
 * and the state's mention becomes that person's over the title and the
 * state.  Nothing is guessed without a year, or where no one or two people
 * held it that year. */
static int mentions_offices(chr_extractor *x)
{
    size_t n = x->tok->n;
    for (size_t k = 0; k < n; k++) {
        const char *title = vval(x, k, VK_TITLE);
        if (!title || covered(x, k)) continue;
        int y = office_year(x, k);
        size_t t1 = k + vlen(x, k), first = k, e = t1;
        mention *st = NULL;
        if (x->lang != CHR_LANG_EN) {
            if (t1 < n && x->tment[t1] && x->m[x->tment[t1] - 1].tag == CHR_ALIAS_ADJ) st = &x->m[x->tment[t1] - 1];
        } else if (k > 0 && x->tcov[k - 1] && x->m[x->tcov[k - 1] - 1].tag == CHR_ALIAS_ADJ &&
                   x->m[x->tcov[k - 1] - 1].t1 == k) {
            st = &x->m[x->tcov[k - 1] - 1];                          /* the Russian president */
        } else if (k > 1 && x->tcov[k - 1] && x->m[x->tcov[k - 1] - 1].t1 == k &&
                   x->m[x->tcov[k - 1] - 1].t0 > 0 && prep_is(x, x->m[x->tcov[k - 1] - 1].t0 - 1, "THE")) {
            st = &x->m[x->tcov[k - 1] - 1];                          /* the US president */
        } else if ((st = (mention *)chr_ex_possessor_before(x, k))) {
            /* Russia's president */
        } else if (t1 + 1 < n && prep_is(x, t1, "OF") && x->tment[t1 + 1]) {
            st = &x->m[x->tment[t1 + 1] - 1];                        /* the president of Russia */
        }
        if (!st || x->a[st->actor].kind != CHR_ACTOR_STATE) continue;
        if (st->t0 < first) first = st->t0;
        if (st->t1 > e) e = st->t1;
        if (person_follows(x, e, st->actor) || former(x, first, e)) continue;
        char office[128];
        snprintf(office, sizeof office, "%s", title);
        canonical_office(x, office, sizeof office);
        int64_t p = y ? office_holder(x, office, x->a[st->actor].name, y) : -1;
        int64_t a = p >= 0 ? chr_ex_aref_gz(x, (uint32_t)p) : -1;
        k = holder_or_office(x, st, a, first, e, k);
    }
    return 0;
}

/* A state or organisation named in a person's title ("المتحدث باسم
 * الكرملين دميتري بيسكوف", "Kremlin spokesman Dmitry Peskov", "NATO
 * Secretary General Mark Rutte") is whom the person acts for, not a second
 * agent beside them: such a mention, inside a title or just before one
 * whose holder is named right after it, is marked as no agent (prep). */
static void titles_hold(chr_extractor *x)
{
    for (size_t t = 0; t < x->tok->n; t++) {
        if (!vval(x, t, VK_TITLE)) continue;
        size_t e = t + vlen(x, t), h = e;
        /* وزير الخارجية الروسي سيرغي لافروف; رئيسة المفوضية الأوروبية أورسولا
         * فون دير لاين (a name that begins inside the title); الأمين العام
         * للأمم المتحدة أنطونيو غوتيريش */
        const mention *a = e < x->tok->n && x->tcov[e] ? &x->m[x->tcov[e] - 1] : NULL;
        if (a && (a->tag == CHR_ALIAS_ADJ || x->a[a->actor].kind != CHR_ACTOR_PERSON)) {
            h = a->t1;
            if (h < x->tok->n && (a = mention_at(x, h)) && a->tag == CHR_ALIAS_ADJ) h = a->t1;
        }
        const mention *p = h < x->tok->n ? mention_at(x, h) : NULL;
        if (!p || x->a[p->actor].kind != CHR_ACTOR_PERSON) continue;
        for (size_t i = 0; i < x->nm; i++) {
            mention *m = &x->m[i];
            /* Arabic names the state after the title: one before it is
             * another actor ("حذرت روسيا الرئيس الأوكراني زيلينسكي") */
            int inside = m->t1 > t && m->t1 <= h, before = m->t1 == t && x->lang == CHR_LANG_EN;
            if ((inside || before) && x->a[m->actor].kind != CHR_ACTOR_PERSON) m->prep = 1;
        }
        t = e - 1;
    }
}

/* A seat that names forces ("قوات الاحتلال", Israel's in the gazetteer)
 * with another state's adjective right after it is that state's:
 * "قوات الاحتلال الروسي". */
static void seats_qualified(chr_extractor *x)
{
    for (size_t i = 0; i + 1 < x->nm; i++) {
        mention *m = &x->m[i];
        const mention *n = &x->m[i + 1];
        if (m->tag == CHR_ALIAS_SEAT && n->tag == CHR_ALIAS_ADJ && n->t0 == m->t1 && n->actor != m->actor &&
            vval(x, m->t0, VK_FORCE))
            m->actor = n->actor;
    }
}

/* The state an actor stands for, by ISO code: a state's own, a person's
 * (gazetteer) or the state a text-introduced person serves; "" none. */
static const char *state_code(const chr_extractor *x, uint32_t a)
{
    const aref *r = &x->a[a];
    if (r->gz < 0) return r->affil != NOACTOR && x->a[r->affil].gz >= 0 ? state_code(x, r->affil) : "";
    const chr_actor *ac = chr_gazetteer_actor(x->gz, (uint32_t)r->gz);
    return r->kind == CHR_ACTOR_STATE || r->kind == CHR_ACTOR_PERSON ? ac->code : "";
}

/* Arabic writes Oman and Amman, Jordan's capital, the same: عمان.  Alone
 * (not سلطنة عمان) the word is read by what else the news names: Amman
 * where Jordan or a Jordanian (الأردن، الصفدي، الملك عبد الله، نظيره
 * الأردني) is named and Oman or an Omani (مسقط، البوسعيدي، العماني) is not,
 * in the sentence (where both are, the nearer before it decides, the one
 * who receives or goes there: "التقى البوسعيدي نظيره الأردني في عمان"; else
 * the nearer after it), else in the item,
 * where an Oman named in full (سلطنة عمان، مسقط، العماني) says what the
 * short name is; with neither the word stays Oman.  Amman then stands for
 * Jordan as its capital does. */
static void amman_or_oman(chr_extractor *x)
{
    int64_t om = chr_gazetteer_find(x->gz, "Oman");
    size_t nbare = 0;
    for (size_t i = 0; i < x->nm; i++) {
        const mention *m = &x->m[i];
        nbare += x->a[m->actor].gz == om && m->tag == CHR_ALIAS_NAME && m->t1 == m->t0 + 1 &&
                 (T(x, m->t0)->flags & CHR_TOK_ARABIC);
    }
    if (!nbare || om < 0) return;
    int64_t jo = chr_gazetteer_find(x->gz, "Jordan"), ja = -1;
    for (size_t i = 0; i < x->nm; i++) {
        mention *m = &x->m[i];
        if (x->a[m->actor].gz != om || m->tag != CHR_ALIAS_NAME || m->t1 != m->t0 + 1 ||
            !(T(x, m->t0)->flags & CHR_TOK_ARABIC))
            continue;
        int item = x->s[m->sent].item;
        int js = 0, os = 0, ji = 0, oi = 0;
        size_t jd = SIZE_MAX, od = SIZE_MAX;
        for (size_t j = 0; j < x->nm; j++) {
            const mention *o = &x->m[j];
            if (x->s[o->sent].item != item || (x->a[o->actor].gz == om && o->tag == CHR_ALIAS_NAME && o->t1 == o->t0 + 1))
                continue;
            const char *c = state_code(x, o->actor);
            int isj = !strcmp(c, "JO"), iso = !strcmp(c, "OM");
            if (!isj && !iso) continue;
            /* the host comes first: "استقبل الملك عبد الله في عمان ..." */
            size_t d = o->t1 <= m->t0 ? m->t0 - o->t1 : x->tok->n + o->t0 - m->t0;
            if (isj) { ji = 1; js |= o->sent == m->sent; if (d < jd) jd = d; }
            if (iso) { oi = 1; os |= o->sent == m->sent; if (d < od) od = d; }
        }
        int amman = js != os ? js : js ? jd < od : ji && !oi;
        if (!amman || jo < 0) continue;
        if (ja < 0 && (ja = chr_ex_aref_gz(x, (uint32_t)jo)) < 0) return;
        m->actor = (uint32_t)ja;
        m->tag = CHR_ALIAS_CAPITAL;
    }
}

int chr_ex_mentions(chr_extractor *x)
{
    if (mentions_gazetteer(x)) return -1;
    seats_qualified(x);
    if (mentions_titles(x) || mentions_honorific(x) || mentions_counterparts(x) || mentions_offices(x)) return -1;
    amman_or_oman(x);
    titles_hold(x);
    return 0;
}
