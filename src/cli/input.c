/* input.c - article sources for extract, ingest and load.
 *
 * Arguments are expanded into a list of files up front (folders walked in
 * name order, so a run is reproducible); each file is then either one
 * article (text, optionally with front matter) or a JSON Lines corpus read
 * line by line, so a corpus of any size is never held in memory. */
#include "input.h"

#include <json-c/json_object.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chronicle/doc.h"

struct in_reader {
    char **files;
    size_t n, cap, next;
    int lossy;
    FILE *f;                   /* the open JSON Lines file */
    const char *fname;
    size_t line;
    char *buf;
    size_t bufcap;
    size_t bytes;
    char err[1200];            /* an error found while listing the inputs */
};

void in_article_clear(in_article *a)
{
    free(a->mem);
    json_object_put(a->json);
    for (int i = 0; i < 4; i++) free(a->strs[i]);
    memset(a, 0, sizeof *a);
}

static int add_file(in_reader *r, const char *path)
{
    if (r->n == r->cap) {
        size_t nc = r->cap ? r->cap * 2 : 64;
        char **p = realloc(r->files, nc * sizeof *p);
        if (!p) return -1;
        r->files = p;
        r->cap = nc;
    }
    return (r->files[r->n++] = strdup(path)) ? 0 : -1;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int ends_with(const char *p, const char *suffix)
{
    size_t l = strlen(p), m = strlen(suffix);
    return l > m && !strcmp(p + l - m, suffix);
}

/* In a folder, the files read are articles (*.txt) and corpora (*.jsonl,
 * *.ndjson); notes, expected outputs and the like beside them are not. */
static int is_article_name(const char *p)
{
    return ends_with(p, ".txt") || ends_with(p, ".jsonl") || ends_with(p, ".ndjson");
}

static int walk(in_reader *r, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return add_file(r, dir);            /* reported when it is read */
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;      /* hidden files, . and .. */
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) break;
            names = p;
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(dir) + strlen(names[i]) + 2;
        char *p = malloc(l);
        if (p) {
            snprintf(p, l, "%s/%s", dir, names[i]);
            struct stat st;
            if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) rc |= walk(r, p);
            else if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && is_article_name(p)) rc |= add_file(r, p);
            free(p);
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

in_reader *in_reader_new(char **inputs, int n, int lossy)
{
    in_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    r->lossy = lossy;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(inputs[i], "-") && stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode)) walk(r, inputs[i]);
        else add_file(r, inputs[i]);
    }
    return r;
}

void in_reader_free(in_reader *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) free(r->files[i]);
    free(r->files);
    if (r->f && r->f != stdin) fclose(r->f);
    free(r->buf);
    free(r);
}

size_t in_reader_bytes(const in_reader *r) { return r->bytes; }

static int is_jsonl_name(const char *p)
{
    size_t l = strlen(p);
    return (l > 6 && !strcmp(p + l - 6, ".jsonl")) || (l > 7 && !strcmp(p + l - 7, ".ndjson"));
}

/* Reads a whole stream. */
static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    if (!b) return NULL;
    size_t k;
    while ((k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *p = realloc(b, cap *= 2);
            if (!p) {
                free(b);
                return NULL;
            }
            b = p;
        }
    }
    if (ferror(f)) {
        free(b);
        return NULL;
    }
    *len = n;
    return b;
}


/* Opens the next file: a JSON Lines corpus stays open; a text file becomes
 * one article.  Returns 1 article read, 2 JSON Lines file opened, 3 an empty
 * file (no article), 0 end, -1 or -2 error. */
static int open_next(in_reader *r, in_article *a, char *err, size_t errcap)
{
    if (r->next >= r->n) return 0;
    const char *p = r->files[r->next++];
    FILE *f = strcmp(p, "-") ? fopen(p, "rb") : stdin;
    const char *name = strcmp(p, "-") ? p : "<stdin>";
    if (!f) {
        snprintf(err, errcap, "%s: cannot open: %s", p, strerror(errno));
        return -2;
    }
    int jsonl = is_jsonl_name(p);
    if (!jsonl && f == stdin) {              /* stdin: JSON Lines when it starts with '{' */
        int c;
        while ((c = getc(f)) == ' ' || c == '\n' || c == '\r' || c == '\t') {}
        if (c != EOF) ungetc(c, f);
        jsonl = c == '{';
    }
    if (jsonl) {
        r->f = f;
        r->fname = name;
        r->line = 0;
        return 2;
    }
    size_t len = 0;
    char *mem = slurp(f, &len);
    if (f != stdin) fclose(f);
    if (!mem) {
        snprintf(err, errcap, "%s: cannot read: %s", name, strerror(errno ? errno : EIO));
        return -2;
    }
    r->bytes += len;
    a->mem = mem;
    snprintf(a->where, sizeof a->where, "%s", name);
    size_t body = 0;
    char ferr[512];
    if (chr_front_matter(mem, len, &a->meta, &body, ferr, sizeof ferr) != CHR_OK) {
        snprintf(err, errcap, "%s: %s", name, ferr);
        return -1;
    }
    a->a.id = a->meta.id[0] ? a->meta.id : NULL;
    a->a.url = a->meta.url[0] ? a->meta.url : NULL;
    a->a.source = a->meta.source[0] ? a->meta.source : NULL;
    a->a.title = a->meta.title[0] ? a->meta.title : NULL;
    a->a.lang = a->meta.lang[0] ? a->meta.lang : NULL;
    a->a.published = a->meta.published;
    a->a.path = a->where;
    a->a.text = mem + body;
    a->a.len = len - body;
    a->a.lossy = r->lossy;
    return len == 0 ? 3 : 1;                  /* an empty file (or stdin) holds no article */
}

/* The next non-empty line of the open JSON Lines file, without its line
 * end and leading blanks: *line points into the reader's buffer, valid until
 * the next read.  Returns 1, 0 at the end of the file, -2 on a read error. */
static int next_line(in_reader *r, const char **line, size_t *len, char *where, size_t wcap, char *err,
                     size_t errcap)
{
    for (;;) {
        errno = 0;
        ssize_t n = getline(&r->buf, &r->bufcap, r->f);
        if (n < 0) {
            int e = ferror(r->f) ? (errno ? errno : EIO) : 0;
            if (r->f != stdin) fclose(r->f);
            r->f = NULL;
            if (!e) return 0;
            snprintf(err, errcap, "%s: cannot read after line %zu: %s", r->fname, r->line, strerror(e));
            return -2;
        }
        r->line++;
        r->bytes += (size_t)n;
        size_t l = (size_t)n;
        while (l && (r->buf[l - 1] == '\n' || r->buf[l - 1] == '\r')) l--;
        size_t s = 0;
        while (s < l && (r->buf[s] == ' ' || r->buf[s] == '\t')) s++;
        if (s == l) continue;
        snprintf(where, wcap, "%s:%zu", r->fname, r->line);
        *line = r->buf + s;
        *len = l - s;
        return 1;
    }
}

static const char *jstr(json_object *o, const char *k)
{
    json_object *v;
    return json_object_object_get_ex(o, k, &v) && json_object_is_type(v, json_type_string)
               ? json_object_get_string(v) : NULL;
}

/* A date from JSON: "2024-10-25" or a timestamp that begins with one. */
static int parse_published(const char *s, chr_date *d)
{
    char day[11];
    if (!s || strlen(s) < 10) return -1;
    memcpy(day, s, 10);
    day[10] = 0;
    if (s[10] && s[10] != 'T' && s[10] != ' ') return -1;
    return chr_date_parse(day, d);
}

/* The line is parsed with json-c, as every JSON input is
 * (chr_json_parse_object): corpora are mostly the articles' text, one long
 * string a line, which it reads several times faster than jansson. */
int in_article_parse(in_article *a, char *err, size_t errcap)
{
    if (!a->raw) return 1;
    a->raw = 0;
    char why[300];
    json_object *j;
    if (chr_json_parse_object(a->mem, a->rawlen, &j, why, sizeof why) != CHR_OK) {
        snprintf(err, errcap, "%s: %s", a->where, why);
        return -1;
    }
    a->json = j;
    json_object *text;
    if (!json_object_object_get_ex(j, "text", &text) || !json_object_is_type(text, json_type_string)) {
        snprintf(err, errcap, "%s: no \"text\" string", a->where);
        return -1;
    }
    a->a.text = json_object_get_string(text);
    a->a.len = (size_t)json_object_get_string_len(text);
    a->a.id = jstr(j, "id");
    a->a.url = jstr(j, "url");
    a->a.source = jstr(j, "source");
    a->a.title = jstr(j, "title");
    a->a.lang = jstr(j, "lang");
    a->a.path = a->where;
    const char *pub = jstr(j, "published");
    if (pub && *pub && parse_published(pub, &a->a.published)) {
        snprintf(err, errcap, "%s: \"published\" is not a date (YYYY-MM-DD...): %s", a->where, pub);
        return -1;
    }
    json_object *id;
    if (json_object_object_get_ex(j, "id", &id) && json_object_is_type(id, json_type_int)) {
        char num[32];                                     /* numeric ids are ids too */
        snprintf(num, sizeof num, "%lld", (long long)json_object_get_int64(id));
        if (!(a->strs[0] = strdup(num))) {
            snprintf(err, errcap, "%s: out of memory", a->where);
            return -1;
        }
        a->a.id = a->strs[0];
    }
    return 1;
}

void in_article_json_free(struct json_object *j) { json_object_put(j); }

int in_reader_next_raw(in_reader *r, in_article *a, char *err, size_t errcap)
{
    in_article_clear(a);
    for (;;) {
        if (!r->f) {
            int o = open_next(r, a, err, errcap);
            if (o == 3) {
                in_article_clear(a);
                continue;
            }
            if (o != 2) return o;
        }
        const char *line;
        size_t len;
        int k = next_line(r, &line, &len, a->where, sizeof a->where, err, errcap);
        if (k == 0) continue;
        if (k < 0) return k;
        if (!(a->mem = malloc(len + 1))) {
            snprintf(err, errcap, "%s: out of memory", a->where);
            return -1;
        }
        memcpy(a->mem, line, len);
        a->mem[len] = 0;
        a->rawlen = len;
        a->raw = 1;
        a->a.lossy = r->lossy;
        return 1;
    }
}

int in_reader_next(in_reader *r, in_article *a, char *err, size_t errcap)
{
    int k = in_reader_next_raw(r, a, err, errcap);
    return k == 1 ? in_article_parse(a, err, errcap) : k;
}

int in_reader_next_record(in_reader *r, const char **line, size_t *len, char *where, size_t wcap, char *err,
                          size_t errcap)
{
    for (;;) {
        if (!r->f) {
            if (r->next >= r->n) return 0;
            const char *p = r->files[r->next++];
            FILE *f = strcmp(p, "-") ? fopen(p, "rb") : stdin;
            if (!f) {
                snprintf(err, errcap, "%s: cannot open: %s", p, strerror(errno));
                return -2;
            }
            r->f = f;
            r->fname = strcmp(p, "-") ? p : "<stdin>";
            r->line = 0;
        }
        int k = next_line(r, line, len, where, wcap, err, errcap);
        if (k != 0) return k;
    }
}
