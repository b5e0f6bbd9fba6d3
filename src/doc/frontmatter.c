/* frontmatter.c - the YAML-style block at the top of an article.
 *
 * Deliberately not YAML: flat `key: value` lines only, so that a malformed
 * block is reported with its line number instead of being half-understood. */
#include <stdio.h>
#include <string.h>

#include "chronicle/doc.h"

/* A line [p, e) without its line ending. */
static int is_fence(const char *p, const char *e)
{
    while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t')) e--;
    return e - p == 3 && !memcmp(p, "---", 3);
}

static void copy_value(char *dst, size_t cap, const char *v, const char *e)
{
    while (v < e && (*v == ' ' || *v == '\t')) v++;
    while (e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    if (e - v >= 2 && ((*v == '"' && e[-1] == '"') || (*v == '\'' && e[-1] == '\''))) { v++; e--; }
    size_t n = (size_t)(e - v);
    if (n >= cap) n = cap - 1;
    memcpy(dst, v, n);
    dst[n] = 0;
}

chr_status chr_front_matter(const char *buf, size_t len, chr_meta *meta, size_t *body,
                            char *err, size_t errcap)
{
    memset(meta, 0, sizeof *meta);
    *body = 0;
    const char *p = buf, *end = buf + len;
    if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) { p += 3; *body = 3; }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl || !is_fence(p, nl)) return CHR_OK;
    int line = 1;
    for (p = nl + 1; p < end; p = nl + 1) {
        line++;
        nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if (is_fence(p, le)) {
            *body = (size_t)((nl ? nl + 1 : end) - buf);
            return CHR_OK;
        }
        const char *colon = memchr(p, ':', (size_t)(le - p));
        if (colon) {
            char key[32], val[1024];
            copy_value(key, sizeof key, p, colon);
            copy_value(val, sizeof val, colon + 1, le);
            if (!strcmp(key, "published") || !strcmp(key, "date")) {
                char d10[16];
                snprintf(d10, sizeof d10, "%.10s", val);
                if (strlen(val) < 10 || (val[10] && val[10] != 'T' && val[10] != ' ') ||
                    chr_date_parse(d10, &meta->published)) {
                    snprintf(err, errcap, "line %d: invalid %s date '%s' (expected YYYY-MM-DD)",
                             line, key, val);
                    return CHR_ERR_ARG;
                }
            } else if (!strcmp(key, "lang")) copy_value(meta->lang, sizeof meta->lang, colon + 1, le);
            else if (!strcmp(key, "title")) copy_value(meta->title, sizeof meta->title, colon + 1, le);
            else if (!strcmp(key, "source")) copy_value(meta->source, sizeof meta->source, colon + 1, le);
            else if (!strcmp(key, "url")) copy_value(meta->url, sizeof meta->url, colon + 1, le);
            else if (!strcmp(key, "id")) copy_value(meta->id, sizeof meta->id, colon + 1, le);
        }
        if (!nl) break;
    }
    snprintf(err, errcap, "line 1: front matter opened with '---' is not closed");
    return CHR_ERR_ARG;
}
