/* hash.h - the one string hash of the library's tables (private): 64-bit
 * FNV-1a, fast on the short keys the tables hold. */
#ifndef CHR_HASH_H
#define CHR_HASH_H

#include <stddef.h>
#include <stdint.h>

#define CHR_HASH_EMPTY 1469598103934665603ull   /* the hash of no bytes */

/* The hash of a key continued with one more byte. */
static inline uint64_t chr_hash_byte(uint64_t h, unsigned char c)
{
    return (h ^ c) * 1099511628211ull;
}

/* The hash of the bytes of a key continued with n more bytes: the hash of
 * "a b" is chr_hash_more(chr_hash_more(chr_hash_bytes("a", 1), " ", 1), "b", 1). */
static inline uint64_t chr_hash_more(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) h = chr_hash_byte(h, (unsigned char)s[i]);
    return h;
}

static inline uint64_t chr_hash_bytes(const char *s, size_t n)
{
    return chr_hash_more(CHR_HASH_EMPTY, s, n);
}

/* A one-bit-per-hash filter over a table's keys (a bit array of mask + 1
 * bits, mask + 1 a power of two, at least 64): a lookup whose bit is clear
 * is a miss without touching the table itself. */
static inline void chr_filter_add(uint64_t *f, size_t mask, uint64_t h)
{
    size_t b = (size_t)h & mask;
    f[b / 64] |= (uint64_t)1 << (b % 64);
}

static inline int chr_filter_has(const uint64_t *f, size_t mask, uint64_t h)
{
    size_t b = (size_t)h & mask;
    return (int)(f[b / 64] >> (b % 64) & 1);
}

#endif
