/* extract_int.h - what the extractor's passes share (private).
 *
 * extract.c runs the passes over one article and builds its record;
 * mentions.c is pass 3, statements.c pass 4 and treaties.c pass 5.  All work
 * on the article's state, kept in struct chr_extractor: code points, tokens,
 * quotations, sentences, the actors and their mentions, all as offsets or
 * indices, never copies. */
#ifndef CHR_EXTRACT_INT_H
#define CHR_EXTRACT_INT_H

#include "chronicle/extract.h"
#include "chronicle/actors.h"
#include "chronicle/text.h"
#include "grow.h"
#include "phrase.h"
#include "vocab.h"

#include <stddef.h>
#include <stdint.h>

#define MAXITEMS 64
#define NOACTOR ((uint32_t)-1)

typedef struct tx {            /* a temporal expression, offsets into the body */
    chr_timex t;
    int item;
} tx;

typedef struct quote { size_t t0, t1, c0, c1; } quote;   /* tokens inside, text inside */

typedef struct sent { size_t t0, t1, c0, c1; int item; } sent;

typedef struct aref {          /* an actor of this article */
    int64_t gz;                /* gazetteer id, or -1 for a person the text introduced */
    char *name;                /* owned (text actors) or the gazetteer's */
    const char *title;         /* a title the text gives (vocab value), or NULL */
    uint32_t affil;            /* aref of the state a text actor serves, or NOACTOR */
    chr_actor_kind kind;
} aref;

typedef struct mention {
    uint32_t actor;            /* aref index */
    chr_alias_tag tag;
    int prep;                  /* after a preposition (في الدوحة, بموسكو, in Moscow): a place, not an agent */
    size_t pw;                 /* the token of the word before it, past a part of the place between
                                * ("in" of "in southern Lebanon", prep.txt REGION); t0 - 1 (0 at 0) */
    int lam;                   /* with the clitic ل, "to, for" (لإسرائيل): where something goes */
    int wa;                    /* with the clitic و or ف: joined to what is before it */
    int office;                /* a nationality adjective of an office whose holder is not known
                                * (الرئيس الفرنسي in a year it changed hands): the state acts */
    size_t t0, t1, c0, c1;
    int sent;
} mention;

typedef struct stmt {
    uint32_t speaker;
    const char *verb;          /* SAY ADD DENY ... */
    size_t vt;                 /* token of the verb */
    size_t c0, c1;             /* the words: quotation or reported clause */
    size_t ct0, ct1;           /* their tokens */
    int quoted, negated;
    int topic;                 /* the words are what it is about (أكد على ضرورة ...), not a report */
    int trailing;              /* the words come first: "..., Peskov said" */
    uint32_t to;               /* whom a warning is given to, or NOACTOR */
    const char *medium;
    uint32_t medium_actor;
    uint32_t reporters[4];
    int nrep;
    int sent;
} stmt;

typedef struct treaty {
    size_t c0, c1;             /* the longest mention */
    const char *kind;
    char key[256];             /* content words, for coreference */
    uint32_t org;              /* a treaty named by an organisation (UN Charter) */
    long number;               /* its number (Resolution 2231, القرار 2735), or 0 */
    uint32_t parties[8];
    int nparties;
    int first_sent;
    /* told only by a description, and first as a new one ("a trade deal",
     * "اتفاقية تجارية"): such an agreement is known by its parties; with
     * none, it is not recorded (extract.c) */
    int vague;
} treaty;

typedef struct tmention { uint32_t treaty; size_t t0, t1; int sent; } tmention;

typedef struct artref { uint32_t treaty; int number; size_t c0, c1; int sent; } artref;

struct chr_extractor {
    chr_dates *dates;
    chr_tokens *tok;
    const chr_gazetteer *gz;
    const vocab *voc;
    uint32_t *cps;
    size_t ncp, cpcap;
    tx *tx; size_t ntx, txcap;
    quote *q; size_t nq, qcap;
    sent *s; size_t ns, scap;
    aref *a; size_t na, acap;
    mention *m; size_t nm, mcap;
    stmt *st; size_t nst, stcap;
    treaty *tr; size_t ntr, trcap;
    tmention *tm; size_t ntm, tmcap;
    artref *ar; size_t nar, arcap;
    /* per token */
    int32_t *tq;               /* quote index + 1, or 0 */
    int32_t *tsent;
    int32_t *tment;            /* mention index + 1 at its first token */
    int32_t *tcov;             /* mention index + 1 on every token it covers */
    uint8_t *tcontent;         /* inside a statement's words */
    uint8_t *tobj;             /* just after a treaty noun: what the agreement is about */
    struct { uint32_t n; const uint32_t *ids; } *tv;   /* vocab match at the token */
    /* the word lists' match at the token, looked up on first use
     * (chr_ex_word_len): n is 0 before, then 1 + the match's length */
    struct wmatch { uint32_t n, nids; const uint32_t *ids; } *tw;
    size_t tokcap;
    chr_phrases *dyn;          /* names of text-introduced people */
    chr_lang lang;
    size_t items[MAXITEMS + 1];
    chr_date dct[MAXITEMS + 1];
    int nitems;
    char *buf; size_t bufcap;  /* UTF-8 scratch */
    chr_record *rec;           /* the record being built */
    size_t evcap;              /* room in rec->events */
    char err[512];
};

#define GROW(p, n, cap) chr_grow((void **)&(p), &(cap), (n) + 1, sizeof *(p))

/* ---- small helpers ------------------------------------------------------ */

static inline const chr_token *T(const chr_extractor *x, size_t k) { return &x->tok->v[k]; }

static inline int is_punct(const chr_extractor *x, size_t k, uint32_t cp)
{
    return (T(x, k)->flags & CHR_TOK_PUNCT) && T(x, k)->cp == cp;
}

/* The number of tokens the vocab match at t covers (0 when none). */
static inline size_t vlen(const chr_extractor *x, size_t t)
{
    return x->tv[t].n ? (size_t)(x->tv[t].n >> 16) : 0;
}

static inline int opens(uint32_t c) { return c == 0x201C || c == 0x00AB || c == 0x201E; }

static inline int closes(uint32_t c) { return c == 0x201D || c == 0x00BB; }

static inline int sentence_end(uint32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x06D4; }

/* The number of payloads of the vocab match at t. */
static inline uint32_t vn(const chr_extractor *x, size_t t) { return x->tv[t].n & 0xFFFF; }

static inline const char *vval(const chr_extractor *x, size_t t, vocab_kind k)
{
    for (uint32_t i = 0; i < vn(x, t); i++) {
        uint32_t p = x->tv[t].ids[i];
        if (VK_OF(p) == k) return x->voc->values[VV_OF(p)];
    }
    return NULL;
}

/* The length in tokens of the word of prep.txt, contrast.txt or
 * coordination.txt at token k when it has that value, else 0.  The values:
 * PLACE (the name after it is a place or an object rather than an agent),
 * AGAINST (the one an act is aimed at: "sanctions on Iran", "عقوبات على
 * إيران"), TO (where someone goes), WITH (the other side of talks, or a
 * treaty's party), OF (a treaty's organisation follows), CONTRAST (a clause
 * against what was just said begins), AND (a verb joined to the one before). */
size_t chr_ex_word_len(const chr_extractor *x, size_t k, const char *value);

static inline int prep_is(const chr_extractor *x, size_t k, const char *value) { return chr_ex_word_len(x, k, value) > 0; }

/* The code of the word of harm.txt at token k (a CAMEO code, or "-": no
 * act), its length in tokens in *len; NULL when none stands there. */
const char *chr_ex_harm_at(const chr_extractor *x, size_t k, size_t *len);

static inline int covered(const chr_extractor *x, size_t k) { return x->tcov[k] != 0; }

/* The mention that starts at token k, or NULL. */
static inline const mention *mention_at(const chr_extractor *x, size_t k)
{
    return x->tment[k] ? &x->m[x->tment[k] - 1] : NULL;
}

/* Whether token k is the English indefinite article ("a", "an"): what
 * follows is told as new. */
static inline int indefinite_article(const chr_extractor *x, size_t k)
{
    const chr_token *t = T(x, k);
    const char *w = x->tok->buf + t->norm;
    return (t->norm_len == 1 && w[0] == 'a') || (t->norm_len == 2 && w[0] == 'a' && w[1] == 'n');
}

static inline int is_comma(const chr_token *t) { return (t->flags & CHR_TOK_PUNCT) && (t->cp == ',' || t->cp == 0x060C); }

/* ---- extract.c ---------------------------------------------------------- */

/* UTF-8 of text[c0, c1) in x->buf (valid until the next call); "" when
 * memory ran out.  x owns it. */
const char *chr_ex_utf8(chr_extractor *x, size_t c0, size_t c1);

/* The index in x->a of gazetteer actor gid, added to the article's actors
 * when it is not there yet; -1 when memory ran out. */
int64_t chr_ex_aref_gz(chr_extractor *x, uint32_t gid);

/* The token after a temporal expression that starts at token k, or k. */
size_t chr_ex_past_timex(const chr_extractor *x, size_t k, size_t end);

/* For a comma at c in sentence s that opens a clause set off by commas (a
 * relative pronoun after it, pronoun.txt RELATIVE, or an English past
 * participle: ", who visited Pyongyang in June,", ", signed on June 19,"):
 * the token of its closing comma; 0 when c opens none. */
size_t chr_ex_aside_end(const chr_extractor *x, const sent *s, size_t c);

int chr_ex_in_timex(const chr_extractor *x, size_t k);

/* ---- mentions.c --------------------------------------------------------- */

/* Pass 3: the mentions of actors into x->m, in text order, with x->tment and
 * x->tcov: gazetteer names, people a title introduces (new actors in x->a,
 * their names in x->dyn), offices named without a name, and last the states
 * and organisations of a person's title marked as no agent (prep).  Needs
 * the passes before it (dates, tokens, sentences).  Returns 0, or -1 when
 * memory ran out. */
int chr_ex_mentions(chr_extractor *x);

/* Whether the Arabic word at token k carries the article ال. */
int chr_ex_definite(const chr_extractor *x, size_t k);

/* The mention of the possessor when tokens [k - 2, k) are "'s" or "’s"
 * ("Russia's president"), or NULL. */
const mention *chr_ex_possessor_before(const chr_extractor *x, size_t k);

/* ---- statements.c ------------------------------------------------------- */

/* Pass 4: the statements of the article into x->st, each a reporting verb
 * with its speaker, words, medium, negation and reporters; marks the tokens
 * of their words in x->tcontent.  Needs the passes before it (tokens,
 * sentences, quotations, mentions).  Returns 0, or -1 when memory ran out. */
int chr_ex_statements(chr_extractor *x);

/* Whether a mention can be an agent of an event: not a medium, and not a
 * nationality adjective, unless it qualifies a state's forces or organs
 * ("Israeli forces", القوات الإسرائيلية: force.txt) or an office whose
 * holder is not known (mentions_offices), where it is the state. */
int chr_ex_agent(const chr_extractor *x, const mention *m);

/* Whether "the two sides" ("الجانبان", pronoun.txt BOTH) or "the two
 * ministers" ("الوزيران", BOTH_PEOPLE) stands as the subject of the trigger
 * at k (words end at after): right before it in English, right after it in
 * Arabic.  2 for people, 3 for states ("the two countries", البلدان: people
 * stand for their states), 1 for sides, 0 when none does. */
int chr_ex_both_subject(const chr_extractor *x, const sent *s, size_t k, size_t after);

/* Where the text of sentence s begins after a dateline that opens its line
 * ("KYIV, Nov 21 (Reuters) - ", "الدوحة – "): past a dash standing apart
 * among its first twelve words, with no verb before it; else its start. */
size_t chr_ex_dateline_end(const chr_extractor *x, const sent *s);

/* The subject of the sentence for a reporting verb joined to an earlier verb
 * ("Iran condemned the strikes and warned that ...", "أدانت إيران الضربات
 * وحذرت من ..."): the first acting name of the sentence before k, outside
 * quoted and reported words, when a verb of an event or of saying stands
 * between it and k; NOACTOR otherwise. */
uint32_t chr_ex_joined_subject(const chr_extractor *x, const sent *s, size_t k);

/* For an Arabic verb at k (its words end at after) of object.txt, joined by
 * و to an earlier verb of the sentence: the earlier verb's subject when one
 * name, not two, follows the verb before stop, the name being its object
 * ("واتهمت كييف باستهداف المدنيين"); NOACTOR otherwise. */
uint32_t chr_ex_joined_object_subject(const chr_extractor *x, const sent *s, size_t k, size_t after, size_t stop);

/* Whether the reporting word at k is written as no verb is: in Arabic with
 * ب ل ك or the article in front of it ("بحذر" cautiously and "الحذر"
 * caution, beside the verb حذر); in English after a determiner ("rejected
 * the demands of NATO", "these warnings").  Citations are no verbs ("بحسب"). */
int chr_ex_noun_form(const chr_extractor *x, size_t k);

/* ---- treaties.c --------------------------------------------------------- */

/* Pass 5: the treaties of the article into x->tr (name, kind, organisation,
 * the parties named after "with"), their mentions into x->tm and the
 * articles of them the text cites into x->ar; marks in x->tobj the words
 * after a treaty word (what it is about).  Needs the mentions.  Returns 0,
 * or -1 when memory ran out. */
int chr_ex_treaties(chr_extractor *x);

#endif
