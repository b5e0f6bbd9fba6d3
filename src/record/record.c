/* record.c - the arena of a record, and a record as JSON (see record.h).
 *
 * The JSON text is the one jansson's json_dumps(JSON_COMPACT) gave for the
 * same record when records were jansson trees: keys in the schema's order,
 * UTF-8 as it is.  Writing it field by field costs no allocation. */
#include "chronicle/record.h"

#include <json-c/json_object.h>
#include <json-c/json_tokener.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the arena ------------------------------------------------------------ */

/* Chunks of CHUNK bytes (a larger request gets a chunk of its own), freed
 * together: a record is built once and freed once. */
#define CHUNK 32768

typedef struct chunk { struct chunk *next; size_t used, cap; max_align_t data[]; } chunk;

struct chr_arena {
    chunk *head;
    int failed;
};

chr_record *chr_record_new(void)
{
    chr_record *r = calloc(1, sizeof *r);
    if (r && !(r->arena = calloc(1, sizeof *r->arena))) {
        free(r);
        return NULL;
    }
    return r;
}

void chr_record_free(chr_record *r)
{
    if (!r) return;
    if (r->arena) {
        for (chunk *c = r->arena->head, *n; c; c = n) {
            n = c->next;
            free(c);
        }
        free(r->arena);
    }
    free(r);
}

int chr_record_failed(const chr_record *r) { return !r || !r->arena || r->arena->failed; }

/* size bytes of the arena, not cleared: chr_record_alloc clears them, a
 * string copied in writes every byte itself. */
static void *arena_take(chr_record *r, size_t size)
{
    chr_arena *a = r->arena;
    if (size > SIZE_MAX / 2) {
        a->failed = 1;
        return NULL;
    }
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    if (!size) size = sizeof(max_align_t);
    chunk *c = a->head;
    if (!c || c->cap - c->used < size) {
        size_t cap = size > CHUNK ? size : CHUNK;
        chunk *n = malloc(sizeof *n + cap);
        if (!n) {
            a->failed = 1;
            return NULL;
        }
        n->used = 0;
        n->cap = cap;
        /* a chunk of its own goes behind the open one, which stays open */
        if (c && size > CHUNK) {
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            a->head = n;
        }
        c = n;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    return p;
}

void *chr_record_alloc(chr_record *r, size_t size)
{
    void *p = arena_take(r, size);
    if (p) memset(p, 0, size);
    return p;
}

const char *chr_record_strn(chr_record *r, const char *s, size_t n)
{
    if (!s) return NULL;
    char *d = arena_take(r, n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

const char *chr_record_str(chr_record *r, const char *s) { return s ? chr_record_strn(r, s, strlen(s)) : NULL; }

/* ---- writing -------------------------------------------------------------- */

/* A writer: the record's text, built in memory and written with one call
 * (a record is some hundred small pieces, and each stdio call locks the
 * stream), and whether the object or array open now has a member yet (a
 * comma goes before every other one). */
typedef struct w {
    char *b;
    size_t n, cap;
    int oom;
    int first;
} w;

static int grow(w *o, size_t n)
{
    size_t cap = o->cap ? o->cap : 4096;
    while (cap < o->n + n) cap *= 2;
    char *b = o->oom ? NULL : realloc(o->b, cap);
    if (!b) {
        o->oom = 1;
        return -1;
    }
    o->b = b;
    o->cap = cap;
    return 0;
}

static inline void put(w *o, const char *s, size_t n)
{
    if (!n || (o->n + n > o->cap && grow(o, n))) return;
    memcpy(o->b + o->n, s, n);
    o->n += n;
}

static inline void putch(w *o, char c)
{
    if (o->n + 1 > o->cap && grow(o, 1)) return;
    o->b[o->n++] = c;
}

static void puts_(w *o, const char *s) { put(o, s, strlen(s)); }

/* 1 when none of the eight bytes at s is a control character, '"' or '\\'
 * (bytes from 0x80 on, UTF-8's, are plain).  (v - k) & ~v has a byte's top
 * bit set only where some byte of v is below k, so it tests all eight at
 * once: the bytes themselves against 0x20, and x ^ c against 1 for x == c. */
static inline int plain8(const char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
    uint64_t hit = (((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b)) & high;
    return !hit;
}

/* s[0..n) as the inside of a JSON string (as chr_json_put_string), written
 * at d, which has room for 6 * n bytes (a control character takes six);
 * returns the end.  Plain bytes are copied eight at a time where they can
 * be, and nothing goes through put: most strings are a few words. */
static char *esc_to(char *d, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = 0;
    for (;;) {
        while (n - i >= 8 && plain8(s + i)) {
            memcpy(d, s + i, 8);
            d += 8;
            i += 8;
        }
        if (i == n) return d;
        unsigned char c = (unsigned char)s[i++];
        if (c >= 0x20 && c != '"' && c != '\\') {
            *d++ = (char)c;
            continue;
        }
        *d++ = '\\';
        switch (c) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '\b': *d++ = 'b'; break;
        case '\f': *d++ = 'f'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        default:
            memcpy(d, "u00", 3);
            d[3] = hex[c >> 4];
            d[4] = hex[c & 15];
            d += 5;
        }
    }
}

static void esc(w *o, const char *s, size_t n)
{
    if (!n) return;
    if (n > SIZE_MAX / 6 || (o->n + 6 * n > o->cap && grow(o, 6 * n))) {
        o->oom = 1;
        return;
    }
    o->n = (size_t)(esc_to(o->b + o->n, s, n) - o->b);
}

void chr_json_put_string(FILE *f, const char *s, size_t n)
{
    /* a slice at a time through the stack: escaping goes byte by byte, so
     * a cut inside a UTF-8 sequence changes nothing */
    enum { SLICE = 256 };
    char buf[6 * SLICE];
    for (size_t i = 0; i < n; i += SLICE) {
        size_t k = n - i < SLICE ? n - i : SLICE;
        fwrite(buf, 1, (size_t)(esc_to(buf, s + i, k) - buf), f);
    }
}

/* A member's key, given as the text ,"k": whole (n bytes), the comma left
 * off for the first member: keys are the schema's literals (nothing to
 * escape), so each is one copy of a length known when compiling. */
static void key_text(w *o, const char *text, size_t n)
{
    int skip = o->first;
    o->first = 0;
    put(o, text + skip, n - (size_t)skip);
}

#define key(o, k) key_text(o, ",\"" k "\":", sizeof(",\"" k "\":") - 1)

static void open_(w *o, int c)
{
    putch(o, (char)c);
    o->first = 1;
}

static void close_(w *o, int c)
{
    putch(o, (char)c);
    o->first = 0;
}

static void str(w *o, const char *s)
{
    if (!s) {
        put(o, "null", 4);
        return;
    }
    putch(o, '"');
    esc(o, s, strlen(s));
    putch(o, '"');
}

static void num(w *o, int64_t v)
{
    if (v == CHR_REC_NONE) {
        put(o, "null", 4);
        return;
    }
    /* digits from the right, without snprintf: a record has hundreds of
     * numbers, and the format machinery was most of their cost */
    static const char pairs[] =                 /* "00" to "99": two digits a division */
        "0001020304050607080910111213141516171819"
        "2021222324252627282930313233343536373839"
        "4041424344454647484950515253545556575859"
        "6061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    char d[24];
    size_t i = sizeof d;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    for (; u >= 100; u /= 100) {
        i -= 2;
        memcpy(d + i, pairs + 2 * (u % 100), 2);
    }
    if (u >= 10) {
        i -= 2;
        memcpy(d + i, pairs + 2 * u, 2);
    } else {
        d[--i] = (char)('0' + u);
    }
    if (v < 0) d[--i] = '-';
    put(o, d + i, sizeof d - i);
}

static void boolean(w *o, int v) { puts_(o, v < 0 ? "null" : v ? "true" : "false"); }

#define kstr(o, k, s) (key(o, k), str(o, s))
#define knum(o, k, v) (key(o, k), num(o, v))

static void span_fields(w *o, const chr_rec_span *s)
{
    knum(o, "start", s->start);
    knum(o, "end", s->end);
    kstr(o, "text", s->text);
}

static void span_obj(w *o, const chr_rec_span *s)
{
    open_(o, '{');
    span_fields(o, s);
    close_(o, '}');
}

#define kspan(o, k, s) (key(o, k), span_obj(o, s))

static void strs(w *o, const char *const *v, size_t n)
{
    open_(o, '[');
    for (size_t i = 0; i < n; i++) {
        if (i) putch(o, ',');
        str(o, v[i]);
    }
    close_(o, ']');
}

#define kstrs(o, k, v, n) (key(o, k), strs(o, v, n))

/* Each element is an object; each() writes its members. */
#define ARRAY(o, k, arr, n, each)                                                                                      \
    do {                                                                                                               \
        key(o, k);                                                                                                     \
        open_(o, '[');                                                                                                 \
        for (size_t i_ = 0; i_ < (n); i_++) {                                                                          \
            if (i_) putch(o, ',');                                                                                     \
            open_(o, '{');                                                                                             \
            each(o, &(arr)[i_]);                                                                                       \
            close_(o, '}');                                                                                            \
        }                                                                                                              \
        close_(o, ']');                                                                                                \
    } while (0)

static void w_item(w *o, const chr_rec_item *v)
{
    knum(o, "index", v->index);
    knum(o, "start", v->start);
    knum(o, "end", v->end);
    kstr(o, "dct", v->dct);
}

static void w_timex(w *o, const chr_rec_timex *v)
{
    span_fields(o, &v->span);
    kstr(o, "type", v->type);
    kstr(o, "value", v->value);
    if (v->first) {
        key(o, "interval");
        open_(o, '{');
        kstr(o, "first", v->first);
        kstr(o, "last", v->last);
        close_(o, '}');
    }
    kstr(o, "mod", v->mod);
    knum(o, "item", v->item);
}

static void w_actor(w *o, const chr_rec_actor *v)
{
    kstr(o, "name", v->name);
    kstr(o, "kind", v->kind);
    kstr(o, "country", v->country);
    kstr(o, "affiliation", v->affiliation);
    kstr(o, "roles", v->roles);
    kstr(o, "origin", v->origin);
    kstr(o, "title", v->title);
    kstrs(o, "aliases", v->aliases, v->naliases);
}

static void w_mention(w *o, const chr_rec_mention *v)
{
    span_fields(o, &v->span);
    kstr(o, "actor", v->actor);
    kstr(o, "as", v->as);
    knum(o, "item", v->item);
}

static void w_tmention(w *o, const chr_rec_span *v) { span_fields(o, v); }

static void w_tarticle(w *o, const chr_rec_tarticle *v)
{
    span_fields(o, &v->span);
    knum(o, "number", v->number);
}

static void w_treaty(w *o, const chr_rec_treaty *v)
{
    kstr(o, "name", v->name);
    kstr(o, "kind", v->kind);
    kstrs(o, "parties", v->parties, v->nparties);
    kstr(o, "organisation", v->organisation);
    ARRAY(o, "mentions", v->mentions, v->nmentions, w_tmention);
    ARRAY(o, "articles", v->articles, v->narticles, w_tarticle);
    knum(o, "item", v->item);
    kstr(o, "key", v->key);
}

static void w_statement(w *o, const chr_rec_statement *v)
{
    kstr(o, "speaker", v->speaker);
    kstr(o, "verb", v->verb);
    kspan(o, "words", &v->words);
    key(o, "quoted");
    boolean(o, v->quoted);
    key(o, "negated");
    boolean(o, v->negated);
    kstr(o, "medium", v->medium);
    kstr(o, "medium_actor", v->medium_actor);
    kstrs(o, "reported_by", v->reported_by, v->nreported_by);
    knum(o, "item", v->item);
    kspan(o, "evidence", &v->evidence);
}

static void w_role(w *o, const chr_rec_role *v)
{
    kstr(o, "name", v->name);
    kstr(o, "role", v->role);
    kstr(o, "kind", v->kind);
}

static void w_date(w *o, const chr_rec_date *d)
{
    kstr(o, "value", d->value);
    kstr(o, "start", d->start);
    kstr(o, "end", d->end);
    kstr(o, "granularity", d->granularity);
    kstr(o, "basis", d->basis);
    if (d->relative >= 0) {
        key(o, "relative");
        boolean(o, d->relative);
    }
    if (d->mod) kstr(o, "mod", d->mod);
    if (d->has_timex) kspan(o, "timex", &d->timex);
}

static void w_event(w *o, const chr_rec_event *v)
{
    kstr(o, "type", v->type);
    kstr(o, "cameo", v->cameo);
    kstr(o, "plover", v->plover);
    knum(o, "item", v->item);
    kspan(o, "trigger", &v->trigger);
    ARRAY(o, "actors", v->actors, v->nactors, w_role);
    kstr(o, "location", v->location);
    knum(o, "treaty", v->treaty < 0 ? CHR_REC_NONE : v->treaty);
    key(o, "statements");
    open_(o, '[');
    for (size_t i = 0; i < v->nstatements; i++) {
        if (i) putch(o, ',');
        num(o, v->statements[i]);
    }
    close_(o, ']');
    key(o, "date");
    open_(o, '{');
    w_date(o, &v->date);
    close_(o, '}');
    kspan(o, "evidence", &v->evidence);
}

static void w_article(w *o, const chr_rec_article *a)
{
    kstr(o, "id", a->id);
    kstr(o, "url", a->url);
    kstr(o, "source", a->source);
    kstr(o, "title", a->title);
    kstr(o, "published", a->published);
    kstr(o, "dct_basis", a->dct_basis);
    kstr(o, "lang", a->lang);
    kstr(o, "path", a->path);
    kstr(o, "hash", a->hash);
    knum(o, "chars", a->chars);
    kstr(o, "source_actor", a->source_actor);
}

int chr_record_write(FILE *f, const chr_record *r)
{
    w o = {NULL, 0, 0, 0, 1};
    open_(&o, '{');
    key(&o, "article");
    open_(&o, '{');
    w_article(&o, &r->article);
    close_(&o, '}');
    ARRAY(&o, "items", r->items, r->nitems, w_item);
    ARRAY(&o, "timexes", r->timexes, r->ntimexes, w_timex);
    ARRAY(&o, "actors", r->actors, r->nactors, w_actor);
    ARRAY(&o, "mentions", r->mentions, r->nmentions, w_mention);
    ARRAY(&o, "treaties", r->treaties, r->ntreaties, w_treaty);
    ARRAY(&o, "statements", r->statements, r->nstatements, w_statement);
    ARRAY(&o, "events", r->events, r->nevents, w_event);
    close_(&o, '}');
    putch(&o, '\n');
    int bad = o.oom || fwrite(o.b, 1, o.n, f) != o.n || ferror(f);
    free(o.b);
    return bad ? -1 : 0;
}

/* ---- reading JSON ----------------------------------------------------------- */

/* Records are read with json-c, which parses a long line several times
 * faster than jansson.  Its NULL is JSON null, and a missing member. */
typedef json_object json_t;

static int is(const json_t *v, json_type t) { return v && json_object_get_type(v) == t; }

static json_t *G(const json_t *o, const char *k)
{
    json_t *v = NULL;
    return is(o, json_type_object) && json_object_object_get_ex(o, k, &v) ? v : NULL;
}

static int is_object(const json_t *v) { return is(v, json_type_object); }
static int is_string(const json_t *v) { return is(v, json_type_string); }
static int is_integer(const json_t *v) { return is(v, json_type_int); }

static size_t array_size(const json_t *v) { return is(v, json_type_array) ? json_object_array_length(v) : 0; }
static json_t *array_get(const json_t *v, size_t i) { return json_object_array_get_idx(v, i); }

static const char *rstr(chr_record *r, const json_t *v)
{
    return is(v, json_type_string)
               ? chr_record_strn(r, json_object_get_string((json_t *)v), (size_t)json_object_get_string_len(v))
               : NULL;
}

static int64_t rnum(const json_t *v) { return is(v, json_type_int) ? json_object_get_int64(v) : CHR_REC_NONE; }

static int rbool(const json_t *v)
{
    if (is(v, json_type_boolean)) return json_object_get_boolean(v);
    if (is(v, json_type_int)) return json_object_get_int64(v) != 0;
    return -1;
}

static void rspan(chr_record *r, const json_t *o, chr_rec_span *s)
{
    s->start = rnum(G(o, "start"));
    s->end = rnum(G(o, "end"));
    s->text = rstr(r, G(o, "text"));
}

/* An array of n elements of size sz, or NULL (n = 0) when v is none. */
static void *rarray(chr_record *r, const json_t *v, size_t sz, size_t *n)
{
    *n = array_size(v);
    if (*n > SIZE_MAX / sz / 2) {                  /* no input is that large; never overflow */
        r->arena->failed = 1;
        *n = 0;
    }
    return *n ? chr_record_alloc(r, *n * sz) : NULL;
}

static const char **rstrs(chr_record *r, const json_t *v, size_t *n)
{
    const char **out = rarray(r, v, sizeof *out, n);
    for (size_t i = 0; out && i < *n; i++) out[i] = rstr(r, array_get(v, i));
    return out;
}

static void r_date(chr_record *r, const json_t *d, chr_rec_date *o)
{
    o->value = rstr(r, G(d, "value"));
    o->start = rstr(r, G(d, "start"));
    o->end = rstr(r, G(d, "end"));
    o->granularity = rstr(r, G(d, "granularity"));
    o->basis = rstr(r, G(d, "basis"));
    o->relative = rbool(G(d, "relative"));
    o->mod = rstr(r, G(d, "mod"));
    if ((o->has_timex = is_object(G(d, "timex")))) rspan(r, G(d, "timex"), &o->timex);
}

static void r_event(chr_record *r, const json_t *v, chr_rec_event *e)
{
    e->type = rstr(r, G(v, "type"));
    e->cameo = rstr(r, G(v, "cameo"));
    e->plover = rstr(r, G(v, "plover"));
    e->item = rnum(G(v, "item"));
    rspan(r, G(v, "trigger"), &e->trigger);
    const json_t *a = G(v, "actors");
    if ((e->actors = rarray(r, a, sizeof *e->actors, &e->nactors)))
        for (size_t i = 0; i < e->nactors; i++) {
            const json_t *x = array_get(a, i);
            e->actors[i].name = rstr(r, G(x, "name"));
            e->actors[i].role = rstr(r, G(x, "role"));
            e->actors[i].kind = rstr(r, G(x, "kind"));
        }
    e->location = rstr(r, G(v, "location"));
    e->treaty = is_integer(G(v, "treaty")) ? json_object_get_int64(G(v, "treaty")) : -1;
    const json_t *s = G(v, "statements");
    if ((e->statements = rarray(r, s, sizeof *e->statements, &e->nstatements)))
        for (size_t i = 0; i < e->nstatements; i++) e->statements[i] = rnum(array_get(s, i));
    r_date(r, G(v, "date"), &e->date);
    rspan(r, G(v, "evidence"), &e->evidence);
}

static void r_treaty(chr_record *r, const json_t *v, chr_rec_treaty *t)
{
    t->name = rstr(r, G(v, "name"));
    t->kind = rstr(r, G(v, "kind"));
    t->parties = rstrs(r, G(v, "parties"), &t->nparties);
    t->organisation = rstr(r, G(v, "organisation"));
    const json_t *m = G(v, "mentions");
    if ((t->mentions = rarray(r, m, sizeof *t->mentions, &t->nmentions)))
        for (size_t i = 0; i < t->nmentions; i++) rspan(r, array_get(m, i), &t->mentions[i]);
    const json_t *a = G(v, "articles");
    if ((t->articles = rarray(r, a, sizeof *t->articles, &t->narticles)))
        for (size_t i = 0; i < t->narticles; i++) {
            rspan(r, array_get(a, i), &t->articles[i].span);
            t->articles[i].number = rnum(G(array_get(a, i), "number"));
        }
    t->item = rnum(G(v, "item"));
    t->key = rstr(r, G(v, "key"));
}

static void r_statement(chr_record *r, const json_t *v, chr_rec_statement *s)
{
    s->speaker = rstr(r, G(v, "speaker"));
    s->verb = rstr(r, G(v, "verb"));
    rspan(r, G(v, "words"), &s->words);
    s->quoted = rbool(G(v, "quoted"));
    s->negated = rbool(G(v, "negated"));
    s->medium = rstr(r, G(v, "medium"));
    s->medium_actor = rstr(r, G(v, "medium_actor"));
    s->reported_by = rstrs(r, G(v, "reported_by"), &s->nreported_by);
    s->item = rnum(G(v, "item"));
    rspan(r, G(v, "evidence"), &s->evidence);
}

static void r_actor(chr_record *r, const json_t *v, chr_rec_actor *a)
{
    a->name = rstr(r, G(v, "name"));
    a->kind = rstr(r, G(v, "kind"));
    a->country = rstr(r, G(v, "country"));
    a->affiliation = rstr(r, G(v, "affiliation"));
    a->roles = rstr(r, G(v, "roles"));
    a->origin = rstr(r, G(v, "origin"));
    a->title = rstr(r, G(v, "title"));
    a->aliases = rstrs(r, G(v, "aliases"), &a->naliases);
}

/* Reads array k of j into *arr (*n elements) with fn. */
#define READ(r, j, k, arr, n, fn)                                                                                      \
    do {                                                                                                               \
        const json_t *a_ = G(j, k);                                                                                    \
        if ((arr = rarray(r, a_, sizeof *(arr), &(n))))                                                                \
            for (size_t i_ = 0; i_ < (n); i_++) fn(r, array_get(a_, i_), &(arr)[i_]);                             \
    } while (0)

static void r_item(chr_record *r, const json_t *v, chr_rec_item *it)
{
    it->index = rnum(G(v, "index"));
    it->start = rnum(G(v, "start"));
    it->end = rnum(G(v, "end"));
    it->dct = rstr(r, G(v, "dct"));
}

static void r_timex(chr_record *r, const json_t *v, chr_rec_timex *t)
{
    rspan(r, v, &t->span);
    t->type = rstr(r, G(v, "type"));
    t->value = rstr(r, G(v, "value"));
    t->mod = rstr(r, G(v, "mod"));
    const json_t *iv = G(v, "interval");
    if (is_string(G(iv, "first")) && is_string(G(iv, "last"))) {
        t->first = rstr(r, G(iv, "first"));
        t->last = rstr(r, G(iv, "last"));
    }
    t->item = rnum(G(v, "item"));
}

static void r_mention(chr_record *r, const json_t *v, chr_rec_mention *m)
{
    rspan(r, v, &m->span);
    m->actor = rstr(r, G(v, "actor"));
    m->as = rstr(r, G(v, "as"));
    m->item = rnum(G(v, "item"));
}

/* The record of a parsed line (see chr_record_parse). */
static chr_status from_json(const json_t *j, chr_record **out, char *err, size_t errcap)
{
    const json_t *art = G(j, "article");
    if (!is_object(j) || !is_object(art) || !is_string(G(art, "hash")) ||
        !is_integer(G(art, "chars"))) {
        snprintf(err, errcap, "not an extract record (no article.hash)");
        return CHR_ERR_ARG;
    }
    chr_record *r = chr_record_new();
    if (!r) {
        snprintf(err, errcap, "out of memory");
        return CHR_ERR_NOMEM;
    }
    chr_rec_article *a = &r->article;
    a->id = rstr(r, G(art, "id"));
    a->url = rstr(r, G(art, "url"));
    a->source = rstr(r, G(art, "source"));
    a->title = rstr(r, G(art, "title"));
    a->published = rstr(r, G(art, "published"));
    a->dct_basis = rstr(r, G(art, "dct_basis"));
    a->lang = rstr(r, G(art, "lang"));
    a->path = rstr(r, G(art, "path"));
    a->hash = rstr(r, G(art, "hash"));
    a->chars = rnum(G(art, "chars"));
    a->source_actor = rstr(r, G(art, "source_actor"));
    READ(r, j, "items", r->items, r->nitems, r_item);
    READ(r, j, "timexes", r->timexes, r->ntimexes, r_timex);
    READ(r, j, "actors", r->actors, r->nactors, r_actor);
    READ(r, j, "mentions", r->mentions, r->nmentions, r_mention);
    READ(r, j, "treaties", r->treaties, r->ntreaties, r_treaty);
    READ(r, j, "statements", r->statements, r->nstatements, r_statement);
    READ(r, j, "events", r->events, r->nevents, r_event);
    if (chr_record_failed(r)) {
        chr_record_free(r);
        snprintf(err, errcap, "out of memory");
        return CHR_ERR_NOMEM;
    }
    *out = r;
    return CHR_OK;
}

chr_status chr_json_parse_object(const char *json, size_t len, struct json_object **out, char *err, size_t errcap)
{
    *out = NULL;
    json_tokener *tok = json_tokener_new();
    if (!tok) {
        snprintf(err, errcap, "out of memory");
        return CHR_ERR_NOMEM;
    }
    json_tokener_set_flags(tok, JSON_TOKENER_STRICT | JSON_TOKENER_VALIDATE_UTF8);
    json_t *j = len <= INT_MAX ? json_tokener_parse_ex(tok, json, (int)len) : NULL;
    enum json_tokener_error je = json_tokener_get_error(tok);
    size_t end = json_tokener_get_parse_end(tok);
    json_tokener_free(tok);
    if (!j || je != json_tokener_success) {
        json_object_put(j);
        snprintf(err, errcap, "invalid JSON at column %zu: %s", end + 1,
                 je == json_tokener_continue ? "the line ends inside the JSON value"
                 : je == json_tokener_success ? "not JSON" : json_tokener_error_desc(je));
        return CHR_ERR_ARG;
    }
    while (end < len && (json[end] == ' ' || json[end] == '\t' || json[end] == '\r')) end++;
    if (end < len) {
        json_object_put(j);
        snprintf(err, errcap, "invalid JSON at column %zu: more after the JSON object", end + 1);
        return CHR_ERR_ARG;
    }
    if (!is_object(j)) {
        json_object_put(j);
        snprintf(err, errcap, "expected a JSON object");
        return CHR_ERR_ARG;
    }
    *out = j;
    return CHR_OK;
}

chr_status chr_record_parse(const char *json, size_t len, chr_record **out, char *err, size_t errcap)
{
    *out = NULL;
    json_t *j;
    chr_status st = chr_json_parse_object(json, len, &j, err, errcap);
    if (st != CHR_OK) return st;
    st = from_json(j, out, err, errcap);
    json_object_put(j);
    return st;
}
