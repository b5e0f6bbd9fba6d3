/* grow.h - the one growth rule of the library's reusable buffers (private).
 *
 * Buffers double from 256 elements, so a long run reallocates only while its
 * largest input so far grows. */
#ifndef CHR_GROW_H
#define CHR_GROW_H

#include <stdlib.h>

/* Makes room for need elements of size elem in *p (capacity *cap).
 * Returns 0, or -1 when memory ran out (then *p and *cap are unchanged). */
static inline int chr_grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap : 256;
    while (nc < need) nc *= 2;
    void *q = realloc(*p, nc * elem);
    if (!q) return -1;
    *p = q;
    *cap = nc;
    return 0;
}

#endif
