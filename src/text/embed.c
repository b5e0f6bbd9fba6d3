/* embed.c - reading the embedded text files line by line. */
#include "embed.h"

#include <stdlib.h>
#include <string.h>

const char *chr_embed_line(const char *text, size_t *pos, size_t *len)
{
    const char *s = text + *pos;
    if (!*s) return NULL;
    const char *nl = strchr(s, '\n');
    size_t n = nl ? (size_t)(nl - s) : strlen(s);
    *pos += n + (nl != NULL);
    if (n && s[n - 1] == '\r') n--;
    *len = n;
    return s;
}

char *chr_embed_data_line(const char *text, size_t *pos, size_t *lineno, size_t *len)
{
    const char *l;
    while ((l = chr_embed_line(text, pos, len))) {
        ++*lineno;
        if (!*len || l[0] == '#') continue;
        char *copy = malloc(*len + 1);
        if (!copy) {
            *len = (size_t)-1;
            return NULL;
        }
        memcpy(copy, l, *len);
        copy[*len] = 0;
        return copy;
    }
    return NULL;
}
