/* sha256.h - SHA-256 (FIPS 180-4), private to the library.  Articles are
 * identified by the digest of their URL and text, events by a digest of
 * their identity; a digest of our own spares every run of the program the
 * start-up cost of a whole cryptography library for one function. */
#ifndef CHR_SHA256_H
#define CHR_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct chr_sha256 {
    uint32_t h[8];
    uint64_t bytes;          /* message length so far */
    unsigned char buf[64];   /* a block being filled */
    size_t fill;
} chr_sha256_ctx;

void chr_sha256_init(chr_sha256_ctx *c);
void chr_sha256_update(chr_sha256_ctx *c, const void *data, size_t n);
/* Writes the 32-byte digest; c must be initialised again before reuse. */
void chr_sha256_final(chr_sha256_ctx *c, unsigned char out[32]);
/* The digest of one buffer. */
void chr_sha256_digest(const void *data, size_t n, unsigned char out[32]);

#endif
