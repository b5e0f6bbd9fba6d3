/* gazetteer.c - the actor table and its name index.
 *
 * Built once per process from ICU's country names and the embedded data
 * files in src/lang/actors (formats in src/lang/actors/README.md).  Every
 * surface form goes into two phrase dictionaries: the exact one, and for
 * Arabic forms of people, organisations and media the skeleton one that
 * absorbs transliteration variants.  A payload packs the actor id, the alias
 * tag and the case the form demands of Latin text. */
#include "chronicle/actors.h"
#include "embed.h"
#include "grow.h"
#include "phrase.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

enum { TAG_MASK = 7, CASE_CAP = 8, CASE_ALLCAPS = 16, PAYLOAD_SHIFT = 5 };

typedef struct actor_rec {
    chr_actor a;
    char **forms;
    size_t nforms, cap;
} actor_rec;

/* A person and the state or organisation they serve. */
typedef struct served { const char *by; uint32_t id; } served;

struct chr_gazetteer {
    actor_rec *v;
    size_t n, cap;
    served *people;            /* every person, by affiliation then id */
    uint32_t *people_ids;      /* the same ids, for chr_gazetteer_people_of */
    size_t npeople;
    chr_phrases *exact, *skel;
    chr_phrases *byname;       /* canonical names, folded, for chr_gazetteer_find */
};

static chr_gazetteer *G;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char problems[2048];

static void problem(const char *file, size_t line, const char *what)
{
    size_t l = strlen(problems);
    if (l + 200 < sizeof problems)
        snprintf(problems + l, sizeof problems - l, "%s:%zu: %s\n", file, line, what);
}

static int64_t find_name(const chr_gazetteer *g, const char *name)
{
    char key[512];
    int l = chr_text_key(name, key, sizeof key);
    if (l <= 0) return -1;
    size_t n = 0;
    const uint32_t *ids = chr_phrases_get(g->byname, key, (size_t)l, &n);
    for (size_t i = 0; i < n; i++)
        if (!strcmp(g->v[ids[i]].a.name, name)) return ids[i];
    return -1;
}

static int64_t add_actor(chr_gazetteer *g, const char *name, chr_actor_kind kind, const char *code)
{
    if (chr_grow((void **)&g->v, &g->cap, g->n + 1, sizeof *g->v)) return -1;
    actor_rec *r = &g->v[g->n];
    memset(r, 0, sizeof *r);
    r->a.name = strdup(name);
    r->a.kind = kind;
    r->a.code = strdup(code ? code : "");
    r->a.affiliation = "";
    r->a.roles = "";
    if (!r->a.name || !r->a.code) return -1;
    if (chr_phrases_add(g->byname, name, (uint32_t)g->n)) return -1;
    return (int64_t)g->n++;
}

static int is_arabic(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p == 0xD8 || *p == 0xD9 || *p == 0xDA || *p == 0xDB) return 1;
    return 0;
}

static uint32_t case_bits(const char *form)
{
    int letters = 0, upper = 0, first_upper = -1;
    for (const unsigned char *p = (const unsigned char *)form; *p; p++) {
        if (*p >= 0x80) return 0;              /* only ASCII Latin forms carry case */
        int up = *p >= 'A' && *p <= 'Z', lo = *p >= 'a' && *p <= 'z';
        if (!up && !lo) continue;
        if (first_upper < 0) first_upper = up;
        letters++;
        upper += up;
    }
    if (letters >= 2 && upper == letters) return CASE_ALLCAPS;
    return first_upper == 1 ? CASE_CAP : 0;
}

/* Only names whose every word keeps four consonants or more (not counting
 * the article) go into the skeleton index: shorter skeletons (لامي → لم,
 * كونا → كن, السيسي → ال+سس) are those of common words. */
static int skeleton_ok(const char *form)
{
    char key[512], sk[512];
    int l = chr_text_key(form, key, sizeof key);
    if (l <= 0 || chr_phrases_skeleton(key, (size_t)l, sk, sizeof sk) < 0) return 0;
    size_t letters = 0;
    const unsigned char *w = (const unsigned char *)sk;
    for (const unsigned char *p = w;; p++) {
        if (*p == ' ' || !*p) {
            /* the article does not count: السيسي is سس, which الأساس also is */
            if (p - w >= 4 && !memcmp(w, "\xd8\xa7\xd9\x84", 4)) letters -= 2;
            if (letters < 4) return 0;
            if (!*p) return 1;
            letters = 0;
            w = p + 1;
        } else if ((*p & 0xC0) != 0x80) {
            letters++;
        }
    }
}

static int add_form(chr_gazetteer *g, uint32_t id, const char *form, chr_alias_tag tag)
{
    actor_rec *r = &g->v[id];
    for (size_t i = 0; i < r->nforms; i++)
        if (!strcmp(r->forms[i], form)) return 0;
    if (chr_grow((void **)&r->forms, &r->cap, r->nforms + 1, sizeof *r->forms)) return -1;
    if (!(r->forms[r->nforms] = strdup(form))) return -1;
    r->nforms++;
    uint32_t payload = (id << PAYLOAD_SHIFT) | (uint32_t)tag | case_bits(form);
    if (chr_phrases_add(g->exact, form, payload)) return 0;   /* folds to nothing: skip */
    if (r->a.kind != CHR_ACTOR_STATE && tag == CHR_ALIAS_NAME && is_arabic(form) && skeleton_ok(form))
        chr_phrases_add(g->skel, form, payload);
    return 0;
}

/* A place of state id (a city or region): matched in text like its names,
 * but no name of it, so not stored as an alias ("--actor Kharkiv" is no
 * way to ask for Ukraine). */
static void add_place(chr_gazetteer *g, uint32_t id, const char *form)
{
    uint32_t payload = (id << PAYLOAD_SHIFT) | (uint32_t)CHR_ALIAS_PLACE | case_bits(form);
    chr_phrases_add(g->exact, form, payload);       /* a form that folds to nothing is skipped */
}

/* Splits a line into TAB-separated fields (modifies it). */
static size_t fields(char *line, char **f, size_t max)
{
    size_t n = 0;
    char *s = line;
    while (n < max) {
        char *t = strchr(s, '\t');
        if (t) *t = 0;
        while (*s == ' ') s++;
        size_t l = strlen(s);
        while (l && s[l - 1] == ' ') s[--l] = 0;
        f[n++] = s;
        if (!t) break;
        s = t + 1;
    }
    return n;
}

static const char *icu_country(const char *code, const char *lang, char *out, size_t cap)
{
    char loc[16];
    UChar u[256];
    UErrorCode e = U_ZERO_ERROR;
    snprintf(loc, sizeof loc, "und_%s", code);
    int32_t n = uloc_getDisplayCountry(loc, lang, u, 256, &e);
    if (U_FAILURE(e) || n <= 0) return NULL;
    int32_t m = 0;
    u_strToUTF8(out, (int32_t)cap, &m, u, n, &e);
    if (U_FAILURE(e) || !strcmp(out, code)) return NULL;   /* ICU echoes unknown codes */
    return out;
}

static int load_states(chr_gazetteer *g)
{
    static const char *const langs[] = {"en", "ar", "ru"};
    char name[512];
    for (const char *const *c = uloc_getISOCountries(); *c; c++) {
        if (!icu_country(*c, "en", name, sizeof name)) continue;
        int64_t id = add_actor(g, name, CHR_ACTOR_STATE, *c);
        if (id < 0) return -1;
        for (size_t l = 0; l < 3; l++)
            if (icu_country(*c, langs[l], name, sizeof name) &&
                add_form(g, (uint32_t)id, name, CHR_ALIAS_NAME))
                return -1;
    }
    return 0;
}

static int64_t state_by_code(const chr_gazetteer *g, const char *code)
{
    for (size_t i = 0; i < g->n; i++)
        if (g->v[i].a.kind == CHR_ACTOR_STATE && !strcmp(g->v[i].a.code, code)) return (int64_t)i;
    return -1;
}

static int is_code(const char *s)
{
    return strlen(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

/* countries.txt: CODE<TAB>tag:form... (tags name capital seat adj agent stop). */
static int load_countries(chr_gazetteer *g, const char *file, const char *text, char **stops,
                          size_t *nstops)
{
    size_t pos = 0, len = 0, lineno = 0;
    char *line, *f[256];
    while ((line = chr_embed_data_line(text, &pos, &lineno, &len))) {
        size_t nf = fields(line, f, 256);
        if (!is_code(f[0])) {
            problem(file, lineno, "expected an ISO 3166 code");
            free(line);
            continue;
        }
        int64_t id = state_by_code(g, f[0]);
        for (size_t i = 1; i < nf; i++) {
            char *colon = strchr(f[i], ':');
            if (!colon || colon == f[i] || !colon[1]) {
                problem(file, lineno, "expected tag:form");
                continue;
            }
            *colon = 0;
            const char *tag = f[i], *form = colon + 1;
            if (!strcmp(tag, "stop")) {
                if (*nstops < 256) stops[(*nstops)++] = strdup(form);
                continue;
            }
            if (id < 0) {            /* a territory ICU does not know: its first Latin name */
                if (strcmp(tag, "name") || is_arabic(form)) continue;
                if ((id = add_actor(g, form, CHR_ACTOR_STATE, f[0])) < 0) return -1;
            }
            chr_alias_tag t = !strcmp(tag, "name") ? CHR_ALIAS_NAME
                            : !strcmp(tag, "capital") ? CHR_ALIAS_CAPITAL
                            : !strcmp(tag, "seat") ? CHR_ALIAS_SEAT
                            : !strcmp(tag, "adj") ? CHR_ALIAS_ADJ
                            : !strcmp(tag, "agent") ? CHR_ALIAS_AGENT : (chr_alias_tag)-1;
            if ((int)t < 0) {
                problem(file, lineno, "unknown tag (name capital seat adj agent stop)");
                continue;
            }
            if (add_form(g, (uint32_t)id, form, t)) return -1;
        }
        free(line);
    }
    return len == (size_t)-1 ? -1 : 0;
}

/* The payload's id of a place of no state (a sea named after one): its
 * words are taken, and name no actor. */
#define NOTHING_ID (UINT32_MAX >> PAYLOAD_SHIFT)

/* places.txt: CODE<TAB>English name<TAB>form... (CODE - for no state) */
static int load_places(chr_gazetteer *g, const char *file, const char *text)
{
    size_t pos = 0, len = 0, lineno = 0;
    char *line, *f[256];
    while ((line = chr_embed_data_line(text, &pos, &lineno, &len))) {
        size_t nf = fields(line, f, 256);
        int64_t id = !strcmp(f[0], "-") ? NOTHING_ID : is_code(f[0]) ? state_by_code(g, f[0]) : -1;
        if (id < 0 || nf < 3) {
            problem(file, lineno, id < 0 ? "expected a known ISO 3166 code" : "expected CODE<TAB>name<TAB>form...");
            free(line);
            continue;
        }
        for (size_t i = 2; i < nf; i++)             /* the forms; the English name is a label */
            if (f[i][0]) add_place(g, (uint32_t)id, f[i]);
        free(line);
    }
    return len == (size_t)-1 ? -1 : 0;
}

/* people.txt, orgs.txt, media.txt. */
static int load_named(chr_gazetteer *g, const char *file, const char *text, chr_actor_kind kind)
{
    size_t pos = 0, len = 0, lineno = 0;
    size_t first = kind == CHR_ACTOR_PERSON ? 4 : kind == CHR_ACTOR_MEDIA ? 2 : 1;
    char *line, *f[256];
    while ((line = chr_embed_data_line(text, &pos, &lineno, &len))) {
        size_t nf = fields(line, f, 256);
        if (nf < first || !f[0][0]) {
            problem(file, lineno, "too few fields");
            free(line);
            continue;
        }
        if (find_name(g, f[0]) >= 0) {
            problem(file, lineno, "duplicate canonical name");
            free(line);
            continue;
        }
        const char *code = "";
        if (kind != CHR_ACTOR_ORG && strcmp(f[1], "-")) code = f[1];
        int64_t id = add_actor(g, f[0], kind, is_code(code) ? code : "");
        if (id < 0) return -1;
        actor_rec *r = &g->v[id];
        if (kind == CHR_ACTOR_PERSON) {
            if (strcmp(f[1], "-") && !(r->a.affiliation = strdup(f[1]))) return -1;
            if (!strcmp(f[2], "F") || !strcmp(f[2], "M")) r->a.gender = f[2][0];
            else if (strcmp(f[2], "-")) problem(file, lineno, "gender is neither F, M nor -");
            if (strcmp(f[3], "-") && !(r->a.roles = strdup(f[3]))) return -1;
        }
        if (add_form(g, (uint32_t)id, f[0], CHR_ALIAS_NAME)) return -1;
        for (size_t i = first; i < nf; i++)
            if (f[i][0] && strcmp(f[i], "-") && add_form(g, (uint32_t)id, f[i], CHR_ALIAS_NAME))
                return -1;
        free(line);
    }
    return len == (size_t)-1 ? -1 : 0;
}

/* A person's affiliation is written as an ISO code or an organisation's name;
 * the table keeps the canonical name of the state or organisation. */
static void resolve_affiliations(chr_gazetteer *g)
{
    for (size_t i = 0; i < g->n; i++) {
        chr_actor *a = &g->v[i].a;
        if (a->kind != CHR_ACTOR_PERSON || !a->affiliation[0]) continue;
        if (is_code(a->affiliation)) {
            int64_t s = state_by_code(g, a->affiliation);
            free((char *)a->code);             /* the code moves from affiliation to code */
            a->code = a->affiliation;
            a->affiliation = s >= 0 ? g->v[s].a.name : "";
            if (s < 0) problem("actors/people.txt", 0, "unknown country code");
        } else if (find_name(g, a->affiliation) < 0) {
            problem("actors/people.txt", 0, "affiliation is neither a country code nor an organisation");
        }
    }
}

static const char *file_text(const char *name)
{
    for (unsigned i = 0; i < chr_lang_files_n; i++)
        if (!strcmp(chr_lang_files[i].name, name)) return chr_lang_files[i].text;
    return "";
}

static int cmp_served(const void *a, const void *b)
{
    const served *x = a, *y = b;
    int c = strcmp(x->by, y->by);
    return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* Sorts the people by whom they serve, so that those of one state are
 * found without walking the whole table (an office's holder is asked for
 * while articles are read). */
static int index_people(chr_gazetteer *g)
{
    size_t n = 0;
    for (size_t i = 0; i < g->n; i++) n += g->v[i].a.kind == CHR_ACTOR_PERSON;
    g->people = malloc((n ? n : 1) * sizeof *g->people);
    g->people_ids = malloc((n ? n : 1) * sizeof *g->people_ids);
    if (!g->people || !g->people_ids) return -1;
    for (size_t i = 0; i < g->n; i++)
        if (g->v[i].a.kind == CHR_ACTOR_PERSON) g->people[g->npeople++] = (served){g->v[i].a.affiliation, (uint32_t)i};
    qsort(g->people, g->npeople, sizeof *g->people, cmp_served);
    for (size_t i = 0; i < g->npeople; i++) g->people_ids[i] = g->people[i].id;
    return 0;
}

static void build(void)
{
    chr_gazetteer *g = calloc(1, sizeof *g);
    if (!g) return;
    g->exact = chr_phrases_new(CHR_PHRASE_EXACT);
    g->skel = chr_phrases_new(CHR_PHRASE_SKELETON);
    g->byname = chr_phrases_new(CHR_PHRASE_EXACT);
    if (!g->exact || !g->skel || !g->byname) return;
    char *stops[256];
    size_t nstops = 0;
    if (load_states(g) ||
        load_countries(g, "actors/countries.txt", file_text("actors/countries.txt"), stops, &nstops) ||
        load_named(g, "actors/orgs.txt", file_text("actors/orgs.txt"), CHR_ACTOR_ORG) ||
        load_named(g, "actors/media.txt", file_text("actors/media.txt"), CHR_ACTOR_MEDIA) ||
        load_named(g, "actors/people.txt", file_text("actors/people.txt"), CHR_ACTOR_PERSON))
        return;
    resolve_affiliations(g);
    /* Forms listed as stop words (a country name that is also a common word,
     * like مالي "financial") are rebuilt out of the index. */
    if (nstops) {
        chr_phrases *ex = chr_phrases_new(CHR_PHRASE_EXACT);
        if (!ex) return;
        char key[512];
        /* the stop words' keys, folded once rather than once per form */
        char (*sk)[512] = malloc(nstops * sizeof *sk);
        int *skl = malloc(nstops * sizeof *skl);
        if (!sk || !skl) {
            free(sk);
            free(skl);
            chr_phrases_free(ex);
            return;
        }
        for (size_t s = 0; s < nstops; s++) skl[s] = chr_text_key(stops[s], sk[s], sizeof sk[s]);
        for (size_t i = 0; i < g->n; i++)
            for (size_t j = 0; j < g->v[i].nforms; j++) {
                const char *form = g->v[i].forms[j];
                int kl = chr_text_key(form, key, sizeof key), stop = 0;
                for (size_t s = 0; s < nstops && kl > 0; s++)
                    if (skl[s] == kl && !memcmp(key, sk[s], (size_t)kl))
                        stop = 1;
                if (stop) continue;
                size_t nid = 0;
                const uint32_t *ids = kl > 0 ? chr_phrases_get(g->exact, key, (size_t)kl, &nid) : NULL;
                for (size_t x = 0; x < nid; x++)
                    if (ids[x] >> PAYLOAD_SHIFT == i) chr_phrases_add(ex, form, ids[x]);
            }
        free(sk);
        free(skl);
        chr_phrases_free(g->exact);
        g->exact = ex;
        for (size_t s = 0; s < nstops; s++) free(stops[s]);
    }
    /* places last: they are in the index but no actor's forms, which the
     * rebuild above starts from */
    if (load_places(g, "actors/places.txt", file_text("actors/places.txt"))) return;
    if (index_people(g)) return;
    G = g;
}

const chr_gazetteer *chr_gazetteer_get(void)
{
    pthread_once(&once, build);
    return G;
}

const char *chr_gazetteer_problems(void)
{
    chr_gazetteer_get();
    return problems;
}

size_t chr_gazetteer_count(const chr_gazetteer *g) { return g->n; }

size_t chr_gazetteer_people_of(const chr_gazetteer *g, const char *affiliation, const uint32_t **ids)
{
    size_t lo = 0, hi = g->npeople;
    while (lo < hi) {                           /* the first not before affiliation */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(g->people[mid].by, affiliation) < 0) lo = mid + 1;
        else hi = mid;
    }
    size_t end = lo;
    while (end < g->npeople && !strcmp(g->people[end].by, affiliation)) end++;
    *ids = g->people_ids + lo;
    return end - lo;
}

const chr_actor *chr_gazetteer_actor(const chr_gazetteer *g, uint32_t id)
{
    return id < g->n ? &g->v[id].a : NULL;
}

int64_t chr_gazetteer_find(const chr_gazetteer *g, const char *name) { return find_name(g, name); }

size_t chr_gazetteer_aliases(const chr_gazetteer *g, uint32_t id, const char *const **forms)
{
    if (id >= g->n) return 0;
    *forms = (const char *const *)g->v[id].forms;
    return g->v[id].nforms;
}

size_t chr_gazetteer_lookup(const chr_gazetteer *g, const char *text, uint32_t *ids, size_t max)
{
    char key[512];
    int l = chr_text_key(text, key, sizeof key);
    if (l <= 0) return 0;
    size_t n = 0, out = 0;
    const uint32_t *p = chr_phrases_get(g->exact, key, (size_t)l, &n);
    if (!p) p = chr_phrases_get(g->skel, key, (size_t)l, &n);
    for (size_t i = 0; i < n; i++) {
        uint32_t id = p[i] >> PAYLOAD_SHIFT;
        if (id == NOTHING_ID) continue;
        int seen = 0;
        for (size_t j = 0; j < out; j++) seen |= ids[j] == id;
        if (!seen && out < max) ids[out++] = id;
    }
    if (!out) {
        int64_t id = find_name(g, text);
        if (id >= 0 && max) ids[out++] = (uint32_t)id;
    }
    return out;
}

/* Whether the Latin letters of tokens [k, k + ntok) have the case a form asks for. */
static int case_ok(const chr_tokens *t, const uint32_t *text, size_t k, size_t ntok, uint32_t bits)
{
    if (!bits) return 1;
    const chr_token *tk = &t->v[k];
    if (tk->flags & CHR_TOK_ARABIC) return 1;
    if (bits & CASE_CAP) return (tk->flags & CHR_TOK_UPPER) != 0;
    for (size_t j = k; j < k + ntok; j++)
        for (uint32_t c = t->v[j].start; c < t->v[j].end; c++)
            if (text[c] >= 'a' && text[c] <= 'z') return 0;
    return 1;
}

static int pick(const chr_tokens *t, const uint32_t *text, size_t k, const chr_phrase_match *pm,
                chr_gz_match *m)
{
    for (size_t i = 0; i < pm->nids; i++) {
        uint32_t p = pm->ids[i];
        if (!case_ok(t, text, k, pm->ntok, p & (CASE_CAP | CASE_ALLCAPS))) continue;
        m->ntok = pm->ntok;
        m->clitic = pm->clitic;
        m->actor = p >> PAYLOAD_SHIFT == NOTHING_ID ? CHR_GZ_NOTHING : p >> PAYLOAD_SHIFT;
        m->tag = (chr_alias_tag)(p & TAG_MASK);
        return 1;
    }
    return 0;
}

/* A skeleton match counts only when one of the actor's Arabic forms with
 * that skeleton is about as long as the words matched (one letter more or
 * less): أوربان and الأوروبيين share a skeleton, not a length. */
static int close_in_length(const chr_gazetteer *g, const chr_tokens *t, size_t k, const chr_gz_match *m)
{
    char key[512], want[512], sk[512];
    size_t len = 0;
    for (size_t j = k; j < k + m->ntok; j++) {
        const chr_token *tk = &t->v[j];
        size_t from = j == k ? m->clitic * 2 : 0;      /* clitic letters are two bytes */
        if (tk->norm_len < from || len + tk->norm_len + 2 >= sizeof key) return 0;
        if (j > k && (tk->flags & CHR_TOK_SPACE)) key[len++] = ' ';
        memcpy(key + len, t->buf + tk->norm + from, tk->norm_len - from);
        len += tk->norm_len - from;
    }
    int wl = chr_phrases_skeleton(key, len, want, sizeof want);
    const actor_rec *r = &g->v[m->actor];
    for (size_t i = 0; i < r->nforms && wl > 0; i++) {
        if (!is_arabic(r->forms[i])) continue;
        int fl = chr_text_key(r->forms[i], key + 0, sizeof key);
        if (fl <= 0) continue;
        int sl = chr_phrases_skeleton(key, (size_t)fl, sk, sizeof sk);
        if (sl != wl || memcmp(sk, want, (size_t)wl)) continue;
        size_t tl = 0;
        for (size_t j = k; j < k + m->ntok; j++) tl += t->v[j].norm_len;
        tl -= m->clitic * 2;
        long d = (long)tl - (long)(size_t)fl;
        if (d >= -3 && d <= 3) return 1;               /* bytes: a letter is two */
    }
    return 0;
}

int chr_gazetteer_match(const chr_gazetteer *g, const chr_tokens *t, const uint32_t *text,
                        size_t k, chr_gz_match *m)
{
    chr_phrase_match pm;
    chr_gz_match a = {0}, b = {0};
    int ha = chr_phrases_match(g->exact, t, k, &pm) && pick(t, text, k, &pm, &a);
    int hb = !ha && (t->v[k].flags & CHR_TOK_ARABIC) && chr_phrases_match(g->skel, t, k, &pm) &&
             pick(t, text, k, &pm, &b) && close_in_length(g, t, k, &b);
    if (!ha && !hb) return 0;
    *m = (hb && (!ha || b.ntok > a.ntok)) ? b : a;
    return 1;
}

const char *chr_actor_kind_str(chr_actor_kind k)
{
    switch (k) {
    case CHR_ACTOR_PERSON: return "person";
    case CHR_ACTOR_STATE: return "state";
    case CHR_ACTOR_ORG: return "organisation";
    case CHR_ACTOR_MEDIA: return "media";
    }
    return "?";
}

const char *chr_alias_tag_str(chr_alias_tag t)
{
    static const char *const s[] = {"name", "capital", "seat", "adjective", "place", "agent"};
    return (unsigned)t < 6 ? s[t] : "?";
}
