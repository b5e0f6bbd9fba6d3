/* sha256.h - SHA-256 (FIPS 180-4), private to the library.  Articles are
 * identified by the digest of their URL and text, events by a digest of
 * their identity.  Nettle computes it: on processors with SHA instructions
 * it digests an article five times faster than portable C, and a corpus is
 * hashed whole, byte for byte. */
#ifndef CHR_SHA256_H
#define CHR_SHA256_H

#include <stddef.h>
#include <nettle/sha2.h>

typedef struct sha256_ctx chr_sha256_ctx;

void chr_sha256_init(chr_sha256_ctx *c);
void chr_sha256_update(chr_sha256_ctx *c, const void *data, size_t n);
/* Writes the 32-byte digest; c must be initialised again before reuse. */
void chr_sha256_final(chr_sha256_ctx *c, unsigned char out[32]);
/* The digest of one buffer. */
void chr_sha256_digest(const void *data, size_t n, unsigned char out[32]);

#endif
