/* text.h - UTF-8 decoding, the normalization used for matching, and the
 * tokenizer that every extractor shares.
 *
 * Text is handled as an array of Unicode code points so that offsets reported
 * to users are code-point offsets, as the output formats promise.  Matching
 * works on a folded form (see chr_text_fold) kept in the token buffer, so the
 * original text is never modified or copied per token. */
#ifndef CHRONICLE_TEXT_H
#define CHRONICLE_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "chronicle/status.h"

/* Decodes len bytes of UTF-8 into out (room for len code points is always
 * enough).  Returns CHR_OK and sets *ncp, or CHR_ERR_UTF8 with *bad set to the
 * byte offset of the first invalid sequence.  With lossy != 0 invalid bytes
 * become U+FFFD instead and the call never fails.  NUL bytes are reported as
 * CHR_ERR_BINARY (offset in *bad) unless lossy. */
chr_status chr_utf8_decode(const char *buf, size_t len, int lossy,
                           uint32_t *out, size_t *ncp, size_t *bad);

/* Appends the UTF-8 encoding of c to out (at most 4 bytes); returns bytes written. */
size_t chr_utf8_put(char *out, uint32_t c);

/* The matching fold of one code point: Latin case folded, Arabic diacritics,
 * tatweel and format characters dropped (returns 0), alef variants to bare alef,
 * alef maqsura to ya, ta marbuta to ha, Persian kaf/ya to Arabic, any decimal
 * digit to its ASCII digit.  Presentation forms are expanded by the tokenizer,
 * not here. */
uint32_t chr_text_fold(uint32_t c);

/* Token flags. */
enum {
    CHR_TOK_WORD   = 1u << 0,   /* letters (any script) */
    CHR_TOK_NUM    = 1u << 1,   /* decimal digits (any script) */
    CHR_TOK_PUNCT  = 1u << 2,   /* one other visible character */
    CHR_TOK_SPACE  = 1u << 3,   /* white space precedes the token */
    CHR_TOK_BREAK  = 1u << 4,   /* a line break precedes the token */
    CHR_TOK_UPPER  = 1u << 5,   /* the word starts with an upper-case letter */
    CHR_TOK_ARABIC = 1u << 6    /* the word is in Arabic script */
};

typedef struct chr_token {
    uint32_t start, end;   /* code-point offsets into the text, end exclusive */
    uint32_t norm;         /* byte offset of the folded form in chr_tokens.buf */
    uint32_t norm_len;     /* its length in bytes */
    uint32_t flags;        /* CHR_TOK_* */
    uint32_t cp;           /* PUNCT: the character itself */
    int64_t num;           /* NUM: the value (saturates past 18 digits) */
    int32_t ndigits;       /* NUM: the number of digits */
    uint64_t hash;         /* the library's table hash of the folded form */
} chr_token;

/* The other forms dictionaries look token k up by (chr_tokens.fv[k], made
 * when chr_tokens.forms is set): its consonant skeleton in sbuf, and its
 * readings without clitics, strips[strip .. strip + nstrip). */
typedef struct chr_token_forms {
    uint32_t skel, skel_len;
    uint64_t skel_hash;
    uint32_t strip, nstrip;
} chr_token_forms;

/* A form a dictionary may know an Arabic word by once the clitics in front
 * of it are taken off (see phrase.h): the form and its skeleton in sbuf,
 * their hashes, and how many code points in front are not part of it. */
typedef struct chr_token_strip {
    uint32_t form, form_len;
    uint32_t skel, skel_len;
    uint64_t hash, skel_hash;
    uint32_t clitic;
} chr_token_strip;

/* A reusable token buffer: tokenizing again reuses its memory, so a long run
 * allocates only while the largest chunk seen so far grows.  Each token
 * carries the hash every dictionary looks its form up by, computed once
 * here rather than once per dictionary.  An owner that matches dictionaries
 * over the tokens (phrase.h) sets forms to have the other forms they look
 * words up by made once too: each word's consonant skeleton, and each Arabic
 * word's forms without its clitics. */
typedef struct chr_tokens {
    chr_token *v;
    size_t n, cap;
    char *buf;             /* folded forms, not NUL-separated */
    size_t blen, bcap;
    int forms;             /* set by the owner: fill fv, sbuf, strips */
    chr_token_forms *fv;   /* one per token */
    size_t fvcap;
    char *sbuf;            /* the other forms, not NUL-separated */
    size_t slen, scap;
    chr_token_strip *strips;
    size_t nstrips, stripcap;
} chr_tokens;

chr_tokens *chr_tokens_new(void);
void chr_tokens_free(chr_tokens *t);   /* NULL is fine */

/* Splits text[0..n) into tokens, replacing what t held.  Offsets are relative
 * to text.  Returns CHR_ERR_NOMEM on allocation failure. */
chr_status chr_tokenize(chr_tokens *t, const uint32_t *text, size_t n);

/* Folds a UTF-8 string as the tokenizer would and joins its words with single
 * spaces: the key under which a lexicon form is stored.  Writes at most cap
 * bytes (NUL-terminated) and returns the length, or -1 if it did not fit. */
int chr_text_key(const char *utf8, char *out, size_t cap);

/* Writes utf8 without its combining marks (NFD, then non-spacing marks
 * dropped: "Erdoğan" becomes "Erdogan", "أ" becomes "ا") to out, at most cap
 * bytes NUL-terminated.  Returns the length, or -1 when ICU fails or the
 * text (up to 511 UTF-16 units) or its result does not fit. */
int chr_text_unmark(const char *utf8, char *out, size_t cap);

/* Appends in to out[o..cap) with &, <, > and " written as HTML entities;
 * keeps out NUL-terminated and returns the new length (text that does not
 * fit is cut, never a part of an entity). */
size_t chr_html_escape(const char *in, char *out, size_t o, size_t cap);

/* 1 when url is an http or https address (any case), the only ones an
 * output may make a link of: a source's url is article data, and a
 * "javascript:" or "data:" one must stay text. */
int chr_url_is_web(const char *url);

#endif
