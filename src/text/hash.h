/* hash.h - the one string hash of the library's tables (private): 64-bit
 * FNV-1a, fast on the short keys the tables hold. */
#ifndef CHR_HASH_H
#define CHR_HASH_H

#include <stddef.h>
#include <stdint.h>

static inline uint64_t chr_hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

#endif
