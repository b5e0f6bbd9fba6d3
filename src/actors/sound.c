/* sound.c - the sound key of a person's name (see chr_actor_sound_key).
 *
 * The classes come from src/lang/actors/sounds.txt, read once: a table by
 * code point for Arabic letters, and a list of Latin forms, longest first. */
#include "chronicle/actors.h"
#include "chronicle/text.h"
#include "embed.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define AR_FIRST 0x0600
#define AR_LAST 0x06FF

typedef struct latin_form {
    char form[8];
    char cls[3];
} latin_form;

static char ar_class[AR_LAST - AR_FIRST + 1][3];   /* "" = silent */
static latin_form latin[96];
static size_t nlatin;
static int loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static int by_length(const void *a, const void *b)
{
    return (int)strlen(((const latin_form *)b)->form) - (int)strlen(((const latin_form *)a)->form);
}

/* Decodes one UTF-8 code point at s (n bytes left); sets *len. */
static uint32_t decode(const unsigned char *s, size_t n, size_t *len)
{
    if (s[0] < 0x80 || n < 2) { *len = 1; return s[0]; }
    if ((s[0] >> 5) == 6) { *len = 2; return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F); }
    if ((s[0] >> 4) == 14 && n >= 3) {
        *len = 3;
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *len = (s[0] >> 3) == 30 && n >= 4 ? 4 : 1;
    return 0xFFFD;
}

static void load(void)
{
    const char *text = NULL;
    for (unsigned i = 0; i < chr_lang_files_n; i++)
        if (!strcmp(chr_lang_files[i].name, "actors/sounds.txt")) text = chr_lang_files[i].text;
    if (!text) return;
    size_t pos = 0, len = 0, lineno = 0;
    char *line;
    while ((line = chr_embed_data_line(text, &pos, &lineno, &len))) {
        char *save = NULL, *cls = strtok_r(line, "\t", &save);
        const char *c = cls && strcmp(cls, "-") ? cls : "";
        if (strlen(c) >= sizeof latin->cls) {          /* a class is one or two letters */
            free(line);
            continue;
        }
        for (char *f = strtok_r(NULL, "\t", &save); f; f = strtok_r(NULL, "\t", &save)) {
            size_t l;
            uint32_t cp = decode((const unsigned char *)f, strlen(f), &l);
            if (cp >= AR_FIRST && cp <= AR_LAST && !f[l]) {
                strcpy(ar_class[cp - AR_FIRST], c);
            } else if ((unsigned char)f[0] < 0x80 && strlen(f) < sizeof latin->form &&
                       nlatin < sizeof latin / sizeof *latin) {
                strcpy(latin[nlatin].form, f);
                strcpy(latin[nlatin++].cls, c);
            }
        }
        free(line);
    }
    qsort(latin, nlatin, sizeof *latin, by_length);
    loaded = nlatin > 0;
}

static int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

/* The Latin form at s (n bytes left), longest first; NULL when none. */
static const latin_form *latin_at(const char *s, size_t n)
{
    for (size_t i = 0; i < nlatin; i++) {
        size_t l = strlen(latin[i].form), k = 0;
        if (l > n) continue;
        while (k < l && ascii_lower((unsigned char)s[k]) == latin[i].form[k]) k++;
        if (k == l) return &latin[i];
    }
    return NULL;
}

int chr_actor_sound_key(const char *name, char *out, size_t cap, int *nclasses)
{
    pthread_once(&once, load);
    *nclasses = 0;
    char plain[1024];
    if (!loaded || cap < 2 || chr_text_unmark(name, plain, sizeof plain) < 0) return 0;
    name = plain;
    const unsigned char *s = (const unsigned char *)name;
    size_t n = strlen(name), o = 0, i = 0;
    char last = 0;                 /* the class letter last written */
    while (i < n) {
        size_t l = 1;
        const char *cls = "";              /* spaces, marks, other scripts: silent */
        if (s[i] < 0x80) {
            const latin_form *f = latin_at(name + i, n - i);
            if (f) {
                cls = f->cls;
                l = strlen(f->form);
            }
        } else {
            uint32_t cp = decode(s + i, n - i, &l);
            if (cp >= AR_FIRST && cp <= AR_LAST) cls = ar_class[cp - AR_FIRST];
        }
        for (const char *c = cls; *c; c++) {
            if (*c == last) continue;      /* doubled sounds count once: Abbas, عباس, Abd Allah */
            if (o + 1 >= cap) return -1;
            out[o++] = *c;
            last = *c;
            ++*nclasses;
        }
        i += l;
    }
    out[o] = 0;
    return (int)o;
}
