/* arletter.h - Arabic letters of folded text read as numbers (private).
 *
 * Clitics, the article and the letters a skeleton drops are tested on every
 * word of every article, by the phrase dictionaries, the date lexicon and the
 * event grammar.  The Arabic letters there are all two bytes of UTF-8; read
 * as one number, a test is one comparison instead of a string compare. */
#ifndef CHR_ARLETTER_H
#define CHR_ARLETTER_H

#include <stddef.h>

/* The two bytes of UTF-8 at w + o (n bytes in all) as one number, 0 when
 * fewer than two remain. */
static inline unsigned chr_ar_letter(const char *w, size_t n, size_t o)
{
    return o + 2 <= n ? (unsigned)(unsigned char)w[o] << 8 | (unsigned char)w[o + 1] : 0;
}

enum {
    L_ALEF = 0xD8A7, L_BA = 0xD8A8, L_TA = 0xD8AA, L_GHAIN = 0xD8BA, L_FA = 0xD981, L_QAF = 0xD982,
    L_KAF = 0xD983, L_LAM = 0xD984, L_WAW = 0xD988, L_YA = 0xD98A
};

#endif
