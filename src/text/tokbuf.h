/* tokbuf.h - tokens of a short string kept on the caller's stack (private).
 *
 * Lexicon forms, names and offices are folded and tokenized one at a time,
 * tens of thousands of them while the tables are built and some on every
 * article; a chr_tokens of their own cost a calloc, a decode buffer and the
 * first growth of two arrays, more than the tokenizing itself.  Here the
 * arrays are sized so that chr_tokenize never grows them (chr_grow leaves a
 * buffer alone while it is large enough): a token per code point at most,
 * and at most 12 folded bytes per code point (a presentation form expands
 * to four letters of three bytes) plus the 16 the tokenizer keeps spare. */
#ifndef CHR_TOKBUF_H
#define CHR_TOKBUF_H

#include "chronicle/text.h"

#define CHR_TOKBUF_MAX 96      /* bytes of UTF-8, so code points too */

typedef struct chr_tokbuf {
    chr_tokens t;
    uint32_t cps[CHR_TOKBUF_MAX];
    chr_token v[CHR_TOKBUF_MAX];
    char buf[12 * CHR_TOKBUF_MAX + 16];
} chr_tokbuf;

/* Tokenizes utf8[0..len) (len at most CHR_TOKBUF_MAX; invalid bytes read as
 * U+FFFD) into b and returns its tokens, valid while b is; nothing to free. */
static inline const chr_tokens *chr_tokbuf_tokenize(chr_tokbuf *b, const char *utf8, size_t len)
{
    size_t ncp = 0, bad = 0;
    b->t = (chr_tokens){.v = b->v, .cap = CHR_TOKBUF_MAX, .buf = b->buf, .bcap = sizeof b->buf};
    chr_utf8_decode(utf8, len, 1, b->cps, &ncp, &bad);
    chr_tokenize(&b->t, b->cps, ncp);      /* cannot fail: nothing grows */
    return &b->t;
}

#endif
