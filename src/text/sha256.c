/* sha256.c - SHA-256 through Nettle (see sha256.h). */
#include "sha256.h"

void chr_sha256_init(chr_sha256_ctx *c) { sha256_init(c); }

void chr_sha256_update(chr_sha256_ctx *c, const void *data, size_t n) { sha256_update(c, n, data); }

void chr_sha256_final(chr_sha256_ctx *c, unsigned char out[32]) { sha256_digest(c, SHA256_DIGEST_SIZE, out); }

void chr_sha256_digest(const void *data, size_t n, unsigned char out[32])
{
    struct sha256_ctx c;
    sha256_init(&c);
    sha256_update(&c, n, data);
    sha256_digest(&c, SHA256_DIGEST_SIZE, out);
}
