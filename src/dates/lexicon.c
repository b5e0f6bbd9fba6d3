/* lexicon.c - builds and queries the folded-key hash table of the language data.
 *
 * Open addressing over a power-of-two table of small key slots (most words of a
 * text are not in it, and a miss should touch one or two cache lines); every
 * used slot points to one lex_info, kept apart, that merges the readings of
 * all rows whose form folds to the key.  Built once (pthread_once); lookups
 * are lock-free reads. */
#include "lexicon.h"
#include "hash.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "chronicle/text.h"

const char unit_letter[][3] = {"", "Y", "Q", "H", "M", "W", "D", "WE", "H", "M", "S",
                               "DE", "CE"};

typedef struct slot {
    char *key;             /* NUL-terminated folded key; NULL = empty slot */
    uint32_t hash;         /* low 32 bits of the key's hash */
    uint32_t len;
    lex_info *info;        /* into infos[] */
} slot;

static slot *table;
static size_t table_mask;
static size_t table_used;
static lex_info *infos;    /* one per used slot */
static size_t infos_cap;
/* One bit per key hash, a byte for every slot's 24: most lookups are of
 * words that are not in the table (and of clitic-stripped guesses at
 * them), and the filter answers those from a few kilobytes. */
static uint64_t *filter;
static size_t filter_mask;
static char problems[2048];

/* Suffix forms ("*ed" in tense.txt): few, so a list is enough. */
typedef struct suffix { char key[32]; size_t len; int kind; int32_t value; int prefix; } suffix;
static suffix suffixes[16];
static int nsuffixes;
/* The bytes a word must end with to take a suffix, and begin with (first
 * and second byte) to take a prefix, a bit each: chr_lex_suffix runs for
 * every word the tables do not know, and these turn nearly all of them
 * away before the list is walked. */
static uint64_t suffix_last[4], prefix_first[4], prefix_second[4];

static void byte_set(uint64_t *set, unsigned char b) { set[b / 64] |= (uint64_t)1 << (b % 64); }
static int byte_has(const uint64_t *set, unsigned char b) { return (int)(set[b / 64] >> (b % 64) & 1); }
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define hash_bytes chr_hash_bytes

static void problem(const char *where, const char *what, const char *value)
{
    size_t l = strlen(problems);
    if (l + 200 < sizeof problems)
        snprintf(problems + l, sizeof problems - l, "%s: %s '%s'\n", where, what, value);
}

static const char *const kind_names[] = {
    "month", "hijri_month", "weekday", "cardinal", "ordinal", "unit", "deictic", "shift",
    "ago", "part", "daypart", "ref", "set", "season", "decade", "function",
    "tense", "approx", "ambiguous", "publish", "item", "plural", "holiday", "name"
};

static int kind_of(const char *name)
{
    for (int k = 0; k < (int)(sizeof kind_names / sizeof *kind_names); k++)
        if (!strcmp(kind_names[k], name)) return k;
    return -1;
}

static int lookup_name(const char *const *names, const char *v)
{
    for (int i = 0; names[i]; i++)
        if (!strcmp(names[i], v)) return i;
    return -1;
}

static const char *const unit_names[] = {"", "Y", "Q", "H", "M", "W", "D", "WE", "h", "m", "s",
                                         "DE", "CE", NULL};
static const char *const func_names[] = {"OF", "THE", "AND", "TO", "FROM", "BETWEEN", "IN",
                                         "YEAR", "DAY", "CLOCK", "AM", "PM", "HIJRI", "AD",
                                         "BC", "DURING", "THIS", "HALF", "DET", "NOON", "MIDNIGHT", "MINUS", "THIRD", "WHOLE", "FULL", "LONG", "ZONE", "AFTER", "BEFORE", "FISCAL", "ADVERB", "DAYLIGHT", "THAT", "MIDDAY", "YEARNOUN", "NOONOF", "VERBTOO", NULL};
static const char *const part_names[] = {"", "START", "MID", "END", "REST", NULL};
static const char *const dp_names[] = {"", "MO", "AF", "EV", "NI", NULL};
static const char *const ref_names[] = {"", "PRESENT_REF", "PAST_REF", "FUTURE_REF", NULL};
static const char *const season_names[] = {"", "SP", "SU", "FA", "WI", NULL};
static const char *const approx_names[] = {"", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE",
                                           "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
                                           "EQUAL_OR_LESS", "EQUAL_OR_MORE", NULL};

const char *const chr_mod_names[] = {"", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE",
                                     "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
                                     "EQUAL_OR_LESS", "EQUAL_OR_MORE", NULL};

static int parse_int(const char *v, int32_t *out)
{
    char *end;
    long x = strtol(v, &end, 10);
    if (end == v || *end) return -1;
    *out = (int32_t)x;
    return 0;
}

/* Parses "P3M" style periods into unit and count. */
static int parse_period(const char *v, int32_t *unit, int32_t *count)
{
    if (v[0] != 'P') return -1;
    const char *p = v + 1;
    int t = 0;
    if (*p == 'T') { t = 1; p++; }
    char *end;
    long n = strtol(p, &end, 10);
    if (end == p || n <= 0) return -1;
    const char *u = end;
    int k = -1;
    if (t) k = !strcmp(u, "H") ? U_HOUR : !strcmp(u, "M") ? U_MIN : !strcmp(u, "S") ? U_SEC : -1;
    else k = !strcmp(u, "Y") ? U_Y : !strcmp(u, "M") ? U_M : !strcmp(u, "W") ? U_W
           : !strcmp(u, "D") ? U_D : !strcmp(u, "Q") ? U_Q : -1;
    if (k < 0) return -1;
    *unit = k;
    *count = (int32_t)n;
    return 0;
}

/* Reads one row's value into info; returns -1 when the value is invalid. */
static int read_value(int kind, const char *v, lex_info *info)
{
    int32_t a = 0, b = 0;
    char buf[32];
    const char *colon = strchr(v, ':');
    if (colon && (size_t)(colon - v) < sizeof buf) {
        memcpy(buf, v, (size_t)(colon - v));
        buf[colon - v] = 0;
    } else {
        snprintf(buf, sizeof buf, "%s", v);
        colon = NULL;
    }
    switch (kind) {
    case LK_MONTH: case LK_HMONTH:
        if (parse_int(v, &a) || a < 1 || a > 12) return -1;
        break;
    case LK_WDAY:
        if (parse_int(v, &a) || a < 1 || a > 7) return -1;
        break;
    case LK_CARD: case LK_ORD: case LK_DECADE:
        if (parse_int(v, &a)) return -1;
        break;
    case LK_UNIT: case LK_PLURAL:
        if ((a = lookup_name(unit_names, buf)) <= 0) return -1;
        if (colon && (parse_int(colon + 1, &b) || b < 1)) return -1;
        break;
    case LK_DEICTIC:
        if (parse_int(buf, &a)) return -1;
        if (colon && (b = lookup_name(dp_names, colon + 1)) <= 0) return -1;
        break;
    case LK_SHIFT: case LK_AGO: case LK_TENSE:
        if (kind == LK_TENSE) {
            a = !strcmp(v, "FUT") ? 1 : !strcmp(v, "PAST") ? -1 : !strcmp(v, "AUX") ? 2 : !strcmp(v, "NONE") ? 3 : 0;
            if (!a) return -1;
        } else if (parse_int(v, &a) || a < -1 || a > 1 || (kind == LK_AGO && a == 0)) {
            return -1;
        }
        break;
    case LK_PART: if ((a = lookup_name(part_names, v)) <= 0) return -1; break;
    case LK_DAYPART: if ((a = lookup_name(dp_names, v)) <= 0) return -1; break;
    case LK_REF: if ((a = lookup_name(ref_names, v)) <= 0) return -1; break;
    case LK_SEASON: if ((a = lookup_name(season_names, v)) <= 0) return -1; break;
    case LK_APPROX: if ((a = lookup_name(approx_names, v)) <= 0) return -1; break;
    case LK_SET:
        if (!strcmp(v, "EVERY")) a = -1;
        else if (parse_period(v, &a, &b)) return -1;
        break;
    case LK_HOLIDAY: {
        int mm, dd, w, nth;
        char tail;
        if ((sscanf(v, "E%d%c", &dd, &tail) == 1 || sscanf(v, "OE%d%c", &dd, &tail) == 1) && dd > -100 && dd < 100)
            a = (v[0] == 'O' ? HOLI_OEASTER : HOLI_EASTER) + 500 + dd;
        else if (sscanf(v, "H:%2d-%2d%c", &mm, &dd, &tail) == 2 && mm >= 1 && mm <= 12 && dd >= 1 && dd <= 30)
            a = HOLI_HIJRI + mm * 100 + dd;
        else if (sscanf(v, "%2d-%d-%d%c", &mm, &w, &nth, &tail) == 3 && mm >= 1 && mm <= 12 && w >= 1 &&
                 w <= 7 && (nth == -1 || (nth >= 1 && nth <= 5)))
            a = HOLI_NTH + mm * 100 + w * 10 + (nth < 0 ? 9 : nth);
        else if (sscanf(v, "%2d-%2d%c", &mm, &dd, &tail) == 2 && mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31)
            a = mm * 100 + dd;
        else
            return -1;
        break;
    }
    case LK_FUNC: {
        int f = lookup_name(func_names, v);
        if (f < 0) return -1;
        info->funcs |= (uint64_t)1 << f;
        return 0;
    }
    case LK_AMBIG:
        /* 1: a name only in a date's context; 2: a month that is a name too;
         * 3: a common noun that is a month only with a clitic stripped;
         * 4: a month only as spelled in the file (val2: its first letter,
         * set by build) */
        if (parse_int(v, &a) || a < 1 || a > 4) return -1;
        break;
    case LK_NAME:
        /* 1: a name that holds a date word; 2: a noun that names places,
         * bodies and events after a date (مستشفى 15 أيار, the May 4 movement) */
        if (parse_int(v, &a) || a < 1 || a > 2) return -1;
        break;
    default:
        a = 1;     /* flags: publish, item */
        break;
    }
    if (!(info->kinds & LKB(kind))) {
        info->val[kind] = a;
        info->val2[kind] = b;
    }
    return 0;
}

static slot *find_slot(const char *key, size_t len, uint64_t h64)
{
    uint32_t h = (uint32_t)h64;
    size_t i = (size_t)(h64 >> 32) & table_mask;
    for (;;) {
        slot *s = &table[i];
        if (!s->key || (s->hash == h && s->len == len && !memcmp(s->key, key, len)))
            return s;
        i = (i + 1) & table_mask;
    }
}

static slot *insert_key(const char *key, size_t len)
{
    uint64_t h = hash_bytes(key, len);
    slot *s = find_slot(key, len, h);
    chr_filter_add(filter, filter_mask, h);
    if (!s->key) {
        if (table_used == infos_cap) return NULL;
        s->key = malloc(len + 1);
        if (!s->key) return NULL;
        memcpy(s->key, key, len);
        s->key[len] = 0;
        s->len = (uint32_t)len;
        s->hash = (uint32_t)h;
        s->info = &infos[table_used++];
    }
    return s;
}

static void build(void)
{
    size_t cap = 1;
    while (cap < (size_t)chr_lex_nrows * 8 + 64) cap <<= 1;
    table = calloc(cap, sizeof *table);
    /* at most half the slots are ever used (insert_key refuses more), which
     * keeps the probe sequences of misses short */
    infos_cap = cap / 2;
    infos = calloc(infos_cap, sizeof *infos);
    filter_mask = cap * 8 - 1;
    filter = calloc(cap * 8 / 64, sizeof *filter);
    if (!table || !infos || !filter) {
        free(table);
        free(infos);
        free(filter);
        table = NULL;
        problem("lexicon", "out of memory", "");
        return;
    }
    table_mask = cap - 1;
    char key[512];
    for (unsigned r = 0; r < chr_lex_nrows; r++) {
        const chr_lex_row *row = &chr_lex_rows[r];
        int kind = kind_of(row->kind);
        if (kind < 0) { problem(row->where, "unknown kind", row->kind); continue; }
        size_t flen = strlen(row->form);
        if (row->form[0] == '*' || (flen > 1 && row->form[flen - 1] == '*')) {
            lex_info tmp = {0};
            int pre = row->form[0] != '*';
            char stem[64];
            snprintf(stem, sizeof stem, "%.*s", (int)(flen - 1), row->form + !pre);
            int sl = chr_text_key(stem, key, sizeof key);
            if (kind != LK_TENSE || sl <= 0 || sl >= 32 || nsuffixes == 16 ||
                read_value(kind, row->value, &tmp)) {
                problem(row->where, "invalid suffix form", row->form);
                continue;
            }
            suffix *sf = &suffixes[nsuffixes++];
            memcpy(sf->key, key, (size_t)sl + 1);
            sf->len = (size_t)sl;
            sf->kind = kind;
            sf->value = tmp.val[kind];
            sf->prefix = pre;
            if (!pre) {
                byte_set(suffix_last, (unsigned char)key[sl - 1]);
            } else {
                byte_set(prefix_first, (unsigned char)key[0]);
                if (sl > 1) byte_set(prefix_second, (unsigned char)key[1]);
                else memset(prefix_second, 0xFF, sizeof prefix_second);   /* any second byte */
            }
            continue;
        }
        int len = chr_text_key(row->form, key, sizeof key);
        if (len <= 0) { problem(row->where, "form cannot be folded", row->form); continue; }
        slot *s = insert_key(key, (size_t)len);
        if (!s) { problem(row->where, "lexicon table full or out of memory", row->form); return; }
        if (read_value(kind, row->value, s->info)) {
            problem(row->where, "invalid value", row->value);
            continue;
        }
        if (kind == LK_AMBIG && s->info->val[kind] == 4 && !(s->info->kinds & LKB(kind))) {
            /* the letter the word is written with as a month (آب, not أب) */
            uint32_t cps[64];
            size_t ncp = 0, bad = 0;
            if (flen < sizeof cps / sizeof *cps &&
                chr_utf8_decode(row->form, flen, 0, cps, &ncp, &bad) == CHR_OK && ncp)
                s->info->val2[kind] = (int32_t)cps[0];
        }
        s->info->kinds |= LKB(kind);
        /* Mark the first word (and every longer prefix) of a multi-word form,
         * so that lookups only try to join words where a form may continue. */
        for (int i = 1; i < len; i++) {
            int cut = key[i] == ' ' || (key[i] > 0 && key[i] < 0x7F && !isalnum((unsigned char)key[i]));
            int after = key[i - 1] > 0 && key[i - 1] < 0x7F && !isalnum((unsigned char)key[i - 1]) &&
                        key[i - 1] != ' ' && key[i] != ' ';
            if (!cut && !after) continue;
            slot *p = insert_key(key, (size_t)i);
            if (!p) return;
            p->info->kinds |= LKB(LK_MWSTART);
        }
    }
}

static void ensure(void)
{
    pthread_once(&once, build);
}

const lex_info *chr_lex_get(const char *key, size_t len)
{
    return chr_lex_get_h(key, len, hash_bytes(key, len));
}

const lex_info *chr_lex_get_h(const char *key, size_t len, uint64_t h)
{
    ensure();
    if (!table) return NULL;
    if (!chr_filter_has(filter, filter_mask, h)) return NULL;
    slot *s = find_slot(key, len, h);
    return s->key ? s->info : NULL;
}

const char *chr_lex_problems(void)
{
    ensure();
    return problems;
}

/* Whether an Arabic word ends in -ات, -يون or -يين. */
static int noun_plural(const char *w, size_t len)
{
    static const char *const ends[] = {"\xd8\xa7\xd8\xaa", "\xd9\x8a\xd9\x88\xd9\x86",
                                       "\xd9\x8a\xd9\x8a\xd9\x86", NULL};
    for (int i = 0; ends[i]; i++) {
        size_t l = strlen(ends[i]);
        if (len > l && !memcmp(w + len - l, ends[i], l)) return 1;
    }
    return 0;
}

int chr_lex_suffix(const char *word, size_t len, int kind, int32_t *value)
{
    ensure();
    const unsigned char *w = (const unsigned char *)word;
    if (!len || (!byte_has(suffix_last, w[len - 1]) &&
                 !(len >= 2 && byte_has(prefix_first, w[0]) && byte_has(prefix_second, w[1]))))
        return 0;
    for (int i = 0; i < nsuffixes; i++) {
        const suffix *sf = &suffixes[i];
        if (sf->kind != kind) continue;
        /* the last (first) byte first: this runs for every word the tables
         * do not know */
        if (!sf->prefix && len > sf->len + 2 && word[len - 1] == sf->key[sf->len - 1] &&
            !memcmp(word + len - sf->len, sf->key, sf->len)) {
            *value = sf->value;
            return 2;                       /* a suffix is a weak cue */
        }
        /* a prefix needs three more letters (two bytes each in Arabic), and
         * a word ending in ta marbuta (folded to ه) is a noun: سياسة; so is
         * one ending in a plural of nouns and adjectives, -ات or -يون/-يين
         * (سيارات، سياسيون), which verbs do not take */
        if (sf->prefix && len >= sf->len + 6 && word[0] == sf->key[0] && !memcmp(word, sf->key, sf->len) &&
            !(len >= 2 && !memcmp(word + len - 2, "\xd9\x87", 2)) && !noun_plural(word, len)) {
            *value = sf->value;
            return 1;
        }
    }
    return 0;
}

size_t chr_lex_size(void)
{
    ensure();
    return table_used;
}
