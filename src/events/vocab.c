/* vocab.c - loading the event vocabulary from the embedded data files. */
#include "vocab.h"
#include "embed.h"
#include "grow.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static vocab *V;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static char problems[2048];

static const char *const kind_files[VK_COUNT] = {
    "trigger", "report", "title", "treaty", "medium", "negation", "article",
    "condition", "stop", "content", "bound", "abbrev", "listener", "counterpart", "force", "pronoun", "modal", "object", "topic", "owner", "launch", "weapon", "quantity"
};

static void problem(const char *file, size_t line, const char *what)
{
    size_t l = strlen(problems);
    if (l + 200 < sizeof problems)
        snprintf(problems + l, sizeof problems - l, "%s:%zu: %s\n", file, line, what);
}

static int intern(vocab *v, const char *s, uint32_t *out)
{
    for (size_t i = 0; i < v->nvalues; i++)
        if (!strcmp(v->values[i], s)) {
            *out = (uint32_t)i;
            return 0;
        }
    if (chr_grow((void **)&v->values, &v->cap, v->nvalues + 1, sizeof *v->values)) return -1;
    if (!(v->values[v->nvalues] = strdup(s))) return -1;
    *out = (uint32_t)v->nvalues++;
    return 0;
}

static size_t split(char *line, char **f, size_t max)
{
    size_t n = 0;
    for (char *s = line; n < max;) {
        char *t = strchr(s, '\t');
        if (t) *t = 0;
        if (*s) f[n++] = s;
        if (!t) break;
        s = t + 1;
    }
    return n;
}

/* The files that go into the words dictionary (a preposition also begins
 * longer phrases of other kinds, so they are kept apart from dict), and the
 * values the extractor asks each for, space-separated; NULL: a code of
 * cameo.txt, or "-" (harm.txt: a verb of harm is no trigger, and "shot" is
 * also a verb of launch.txt in dict). */
static const struct { const char *file, *values; } word_files[] = {
    {"prep", "PLACE AGAINST TO IN WITH OF FROM AT BETWEEN BY SITE MISSION DURING REASON CAUSE REGION GOVERNED GROUP"},
    {"contrast", "CONTRAST"}, {"coordination", "AND"}, {"determiner", "THE"}, {"former", "FORMER"},
    {"except", "EXCEPT"},     {"number", "NUMBER RESOLUTION ADOPT"},    {"passive", "BE PASSIVE"},
    {"harm", NULL},           {"victim", "VICTIM MEMBER"},    {"men", "MEN"},     {"honorific", "HONORIFIC SON"},
};

/* The entry of word_files for a file whose base name is base[0, bl), or -1. */
static int word_file(const char *base, size_t bl)
{
    for (size_t i = 0; i < sizeof word_files / sizeof *word_files; i++)
        if (strlen(word_files[i].file) == bl && !strncmp(word_files[i].file, base, bl)) return (int)i;
    return -1;
}

/* Whether v is one of the space-separated words of list. */
static int in_list(const char *list, const char *v)
{
    size_t l = strlen(v);
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, " ");
        if (n == l && !strncmp(p, v, l)) return 1;
        p += n + (p[n] == ' ');
    }
    return 0;
}

/* The row of cameo.txt with this code, or -1 (a binary search: every event
 * looks its code up). */
static long cameo_row(const vocab *v, const char *code)
{
    size_t lo = 0, hi = v->by_code ? v->ncameo : 0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(v->cameo[v->by_code[mid]], code);
        if (!c) return (long)v->by_code[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

/* Whether code (after a "CLASS:" in weapon.txt) is a line of cameo.txt
 * (loaded first), or "-" where that may stand (trigger.txt). */
static int known_code(const vocab *v, const char *code, int dash_ok)
{
    if (dash_ok && !strcmp(code, "-")) return 1;
    if (!dash_ok && strchr(code, ':')) {                                /* weapon.txt: CLASS:CODE */
        code = strchr(code, ':') + 1;
        if (!strcmp(code, "-")) return 1;                               /* CLASS:-, no event */
    }
    return cameo_row(v, code) >= 0;
}

/* Loads one file into dict under kind k, or, when names is given, into
 * that dictionary with the bare value index as payload. */
static int load_file(vocab *v, const chr_embedded *e, chr_lang lang, vocab_kind k, chr_phrases *names)
{
    const char *base = e->name + 10;               /* past "events/xx/" */
    int wf = names && names == v->words[lang] ? word_file(base, strcspn(base, ".")) : -1;
    size_t pos = 0, len = 0, lineno = 0;
    char *buf, *f[128];
    while ((buf = chr_embed_data_line(e->text, &pos, &lineno, &len))) {
        size_t nf = split(buf, f, 128);
        uint32_t val;
        if (nf < 2) {
            problem(e->name, lineno, "expected VALUE<TAB>form...");
        } else if (wf >= 0 && !word_files[wf].values && !known_code(v, f[0], 1)) {
            problem(e->name, lineno, "not a code of events/cameo.txt, nor -");
        } else if (wf >= 0 && word_files[wf].values && !in_list(word_files[wf].values, f[0])) {
            char what[160];
            snprintf(what, sizeof what, "unknown value (this file's: %s)", word_files[wf].values);
            problem(e->name, lineno, what);
        } else if ((k == VK_TRIGGER || k == VK_WEAPON) && !names && !known_code(v, f[0], k == VK_TRIGGER)) {
            problem(e->name, lineno, "not a code of events/cameo.txt");
        } else if (intern(v, f[0], &val)) {
            free(buf);
            return -1;
        } else {
            for (size_t i = 1; i < nf; i++)
                if (chr_phrases_add(names ? names : v->dict[lang], f[i], names ? val : ((uint32_t)k << 24) | val))
                    problem(e->name, lineno, "a form folds to nothing");
        }
        free(buf);
    }
    return len == (size_t)-1 ? -1 : 0;
}

/* One line of cameo.txt: code, PLOVER category ("-": none), label. */
static int add_cameo(vocab *v, char **f)
{
    if (chr_grow((void **)&v->cameo, &v->cameocap, v->ncameo + 1, sizeof *v->cameo)) return -1;
    size_t c = v->ncameo;
    char **np = realloc(v->plover, (c + 1) * sizeof *np);
    if (!np) return -1;
    v->plover = np;
    char **nl = realloc(v->label, (c + 1) * sizeof *nl);
    if (!nl) return -1;
    v->label = nl;
    strcpy(v->cameo[c], f[0]);
    v->plover[c] = strdup(strcmp(f[1], "-") ? f[1] : "");
    v->label[c] = strdup(f[2]);
    if (!v->plover[c] || !v->label[c]) return -1;
    v->ncameo++;
    return 0;
}

static const vocab *sorting;
static int by_code_cmp(const void *a, const void *b)
{
    return strcmp(sorting->cameo[*(const size_t *)a], sorting->cameo[*(const size_t *)b]);
}

/* Orders the rows by code (once, while the vocabulary is built alone). */
static int index_cameo(vocab *v)
{
    if (!(v->by_code = malloc((v->ncameo + 1) * sizeof *v->by_code))) return -1;
    for (size_t i = 0; i < v->ncameo; i++) v->by_code[i] = i;
    sorting = v;
    qsort(v->by_code, v->ncameo, sizeof *v->by_code, by_code_cmp);
    sorting = NULL;
    return 0;
}

static int load_cameo(vocab *v, const char *text)
{
    size_t pos = 0, len = 0, lineno = 0;
    char *buf, *f[4];
    while ((buf = chr_embed_data_line(text, &pos, &lineno, &len))) {
        if (split(buf, f, 4) < 3 || strlen(f[0]) > 7) {
            problem("events/cameo.txt", lineno, "expected CODE<TAB>PLOVER<TAB>label");
            free(buf);
            continue;
        }
        int bad = add_cameo(v, f);
        free(buf);
        if (bad) return -1;
    }
    return len == (size_t)-1 || index_cameo(v) ? -1 : 0;
}

static void build(void)
{
    vocab *v = calloc(1, sizeof *v);
    if (!v) return;
    for (int l = 1; l < 3; l++)
        if (!(v->dict[l] = chr_phrases_new(CHR_PHRASE_EXACT)) || !(v->tname[l] = chr_phrases_new(CHR_PHRASE_EXACT)) ||
            !(v->words[l] = chr_phrases_new(CHR_PHRASE_EXACT)))
            return;
    /* cameo.txt first: the codes of the other files are checked against it */
    for (unsigned i = 0; i < chr_lang_files_n; i++)
        if (!strcmp(chr_lang_files[i].name, "events/cameo.txt") && load_cameo(v, chr_lang_files[i].text)) return;
    for (unsigned i = 0; i < chr_lang_files_n; i++) {
        const chr_embedded *e = &chr_lang_files[i];
        if (!strcmp(e->name, "events/cameo.txt")) continue;
        chr_lang lang = !strncmp(e->name, "events/ar/", 10) ? CHR_LANG_AR
                      : !strncmp(e->name, "events/en/", 10) ? CHR_LANG_EN : CHR_LANG_AUTO;
        if (lang == CHR_LANG_AUTO) continue;
        const char *base = e->name + 10;
        size_t bl = strcspn(base, ".");
        if (bl == 11 && !strncmp(base, "treaty_name", 11)) {
            if (load_file(v, e, lang, VK_COUNT, v->tname[lang])) return;
            continue;
        }
        if (word_file(base, bl) >= 0) {
            if (load_file(v, e, lang, VK_COUNT, v->words[lang])) return;
            continue;
        }
        int k = -1;
        for (int j = 0; j < VK_COUNT; j++)
            if (strlen(kind_files[j]) == bl && !strncmp(kind_files[j], base, bl)) k = j;
        if (k < 0) continue;                    /* README and the like */
        if (load_file(v, e, lang, (vocab_kind)k, NULL)) return;
    }
    if (v->nvalues && !(v->is_code = calloc(v->nvalues, 1))) return;
    for (size_t i = 0; i < v->nvalues; i++) v->is_code[i] = (unsigned char)known_code(v, v->values[i], 1);
    V = v;
}

const vocab *chr_vocab_get(void)
{
    pthread_once(&once, build);
    return V;
}

const char *chr_vocab_problems(void)
{
    chr_vocab_get();
    return problems;
}

const char *chr_vocab_plover(const vocab *v, const char *cameo, const char **label)
{
    char code[8];
    size_t n = 0;
    for (; n < sizeof code - 1 && cameo[n]; n++) code[n] = cameo[n];   /* at most 7, as codes are */
    code[n] = 0;
    for (size_t l = n; l >= 2; code[--l] = 0) {
        long i = cameo_row(v, code);
        if (i >= 0) {
            if (label) *label = v->label[i];
            return v->plover[i];
        }
    }
    if (label) *label = "";
    return "";
}
