/* text.c - UTF-8 decoding, the matching fold and the tokenizer.
 *
 * The tokenizer is on the hot path of every extractor: it makes one pass over
 * the code points, classifies each with an ASCII/Arabic fast path before
 * asking ICU, and appends folded forms to one growing buffer (no allocation
 * per token). */
#include "chronicle/text.h"
#include "grow.h"
#include "hash.h"
#include "phrase.h"
#include "tokbuf.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

const char *chr_status_str(chr_status st)
{
    switch (st) {
    case CHR_OK: return "ok";
    case CHR_ERR_NOMEM: return "out of memory";
    case CHR_ERR_ARG: return "invalid argument";
    case CHR_ERR_IO: return "input/output error";
    case CHR_ERR_UTF8: return "invalid UTF-8";
    case CHR_ERR_BINARY: return "binary input";
    case CHR_ERR_ICU: return "ICU error";
    }
    return "unknown error";
}

chr_status chr_utf8_decode(const char *buf, size_t len, int lossy,
                           uint32_t *out, size_t *ncp, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)buf;
    size_t i = 0, n = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (c == 0 && !lossy) {
                *bad = i;
                *ncp = n;
                return CHR_ERR_BINARY;
            }
            out[n++] = c;
            i++;
            /* then eight more at once while they are ASCII and not NUL:
             * English text is long runs of them */
            while (len - i >= 8) {
                uint64_t w;
                memcpy(&w, s + i, 8);
                const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
                if ((w & high) || ((w - ones) & ~w & high)) break;
                for (size_t b = 0; b < 8; b++) out[n + b] = s[i + b];
                n += 8;
                i += 8;
            }
            continue;
        }
        /* two bytes (Arabic, most accented Latin): C2..DF cannot encode
         * less than U+0080 nor a surrogate, so no more checks */
        if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            out[n++] = (uint32_t)(c & 0x1F) << 6 | (s[i + 1] & 0x3F);
            i += 2;
            continue;
        }
        int need;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
        else goto invalid;
        for (int k = 1; k <= need; k++) {
            if (i + (size_t)k >= len || (s[i + k] & 0xC0) != 0x80) goto invalid;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) goto invalid;
        out[n++] = cp;
        i += (size_t)need + 1;
        continue;
    invalid:
        if (!lossy) {
            *bad = i;
            *ncp = n;
            return CHR_ERR_UTF8;
        }
        out[n++] = 0xFFFD;
        i++;
    }
    *ncp = n;
    return CHR_OK;
}

size_t chr_utf8_put(char *out, uint32_t c)
{
    unsigned char *o = (unsigned char *)out;
    if (c < 0x80) { o[0] = (unsigned char)c; return 1; }
    if (c < 0x800) {
        o[0] = (unsigned char)(0xC0 | (c >> 6));
        o[1] = (unsigned char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (c >> 12));
        o[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (c >> 18));
    o[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (c & 0x3F));
    return 4;
}

/* The fold of the common characters (ASCII, Arabic), inline for the
 * tokenizer; 0xFFFFFFFF when ICU must be asked. */
static inline uint32_t fold_fast(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0x0621 && c <= 0x064A && c != 0x0622 && c != 0x0623 && c != 0x0625 && c != 0x0629 &&
        c != 0x0640 && c != 0x0649)
        return c;
    return 0xFFFFFFFFu;
}

uint32_t chr_text_fold(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0x0600 && c <= 0x06FF) {
        if (c == 0x0640 || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
            (c >= 0x06D6 && c <= 0x06ED))
            return 0;                          /* tatweel, harakat */
        if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671)
            return 0x0627;                     /* alef variants */
        if (c == 0x0649 || c == 0x06CC) return 0x064A;   /* ya forms */
        if (c == 0x0629) return 0x0647;        /* ta marbuta */
        if (c == 0x06A9) return 0x0643;        /* keheh */
        if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
        if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
        return c;
    }
    int8_t ct = (int8_t)u_charType((UChar32)c);
    if (ct == U_FORMAT_CHAR || ct == U_NON_SPACING_MARK || ct == U_ENCLOSING_MARK)
        return 0;
    if (ct == U_DECIMAL_DIGIT_NUMBER)
        return '0' + (uint32_t)u_charDigitValue((UChar32)c);
    return (uint32_t)u_foldCase((UChar32)c, U_FOLD_CASE_DEFAULT);
}

/* Character classes for splitting. */
enum { CC_SPACE, CC_BREAK, CC_LETTER, CC_DIGIT, CC_PUNCT, CC_IGNORE };

static int char_class(uint32_t c)
{
    if (c < 0x80) {
        if (c == '\n' || c == '\r' || c == '\f' || c == '\v') return CC_BREAK;
        if (c == ' ' || c == '\t') return CC_SPACE;
        if ((c | 32) >= 'a' && (c | 32) <= 'z') return CC_LETTER;
        if (c >= '0' && c <= '9') return CC_DIGIT;
        if (c < 0x20 || c == 0x7F) return CC_SPACE;
        return CC_PUNCT;
    }
    if (c >= 0x0600 && c <= 0x06FF) {
        if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)) return CC_DIGIT;
        if (c == 0x060C || c == 0x061B || c == 0x061F || c == 0x066A ||
            c == 0x066B || c == 0x066C || c == 0x066D || c == 0x06D4 || c == 0x060D)
            return CC_PUNCT;
        return CC_LETTER;
    }
    if (c == 0x2028 || c == 0x2029 || c == 0x85) return CC_BREAK;
    int8_t ct = (int8_t)u_charType((UChar32)c);
    switch (ct) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER:
    case U_NON_SPACING_MARK: case U_COMBINING_SPACING_MARK: case U_ENCLOSING_MARK:
        return CC_LETTER;
    case U_DECIMAL_DIGIT_NUMBER: return CC_DIGIT;
    case U_SPACE_SEPARATOR: case U_CONTROL_CHAR: return CC_SPACE;
    case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR: return CC_BREAK;
    case U_FORMAT_CHAR: return CC_IGNORE;
    default: return CC_PUNCT;
    }
}

chr_tokens *chr_tokens_new(void)
{
    return calloc(1, sizeof(chr_tokens));
}

void chr_tokens_free(chr_tokens *t)
{
    if (!t) return;
    free(t->v);
    free(t->buf);
    free(t->sbuf);
    free(t->strips);
    free(t->fv);
    free(t);
}

/* Appends the folded form of c (expanding presentation forms) to the buffer.
 * The caller has made room for 12 bytes. */
static void put_folded(chr_tokens *t, uint32_t c)
{
    if ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) {
        UErrorCode ec = U_ZERO_ERROR;
        const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&ec);
        UChar d[8];
        int32_t dl = U_SUCCESS(ec) ? unorm2_getDecomposition(nfkc, (UChar32)c, d, 8, &ec) : -1;
        if (dl > 0 && U_SUCCESS(ec) && dl <= 4) {
            for (int32_t k = 0; k < dl; k++) {
                uint32_t f = chr_text_fold(d[k]);
                if (f) t->blen += chr_utf8_put(t->buf + t->blen, f);
            }
            return;
        }
    }
    uint32_t f = fold_fast(c);
    if (f == 0xFFFFFFFFu) f = chr_text_fold(c);
    if (f) t->blen += chr_utf8_put(t->buf + t->blen, f);
}

chr_status chr_tokenize(chr_tokens *t, const uint32_t *text, size_t n)
{
    t->n = 0;
    t->blen = 0;
    t->slen = 0;
    t->nstrips = 0;
    uint32_t pending = 0;      /* SPACE/BREAK flags for the next token */
    size_t i = 0;
    /* Room for the folded forms of all of the text at once, so that the
     * loops below write without a check per character: a code point folds
     * to 12 bytes at most (a presentation form to four letters of three),
     * and put_folded is given 16 spare. */
    if (n > (SIZE_MAX - 16) / 12 || chr_grow((void **)&t->buf, &t->bcap, 12 * n + 16, 1)) return CHR_ERR_NOMEM;
    while (i < n) {
        uint32_t c = text[i];
        int cc = char_class(c);
        if (cc == CC_SPACE || cc == CC_IGNORE) { pending |= cc == CC_SPACE ? CHR_TOK_SPACE : 0; i++; continue; }
        if (cc == CC_BREAK) { pending |= CHR_TOK_SPACE | CHR_TOK_BREAK; i++; continue; }
        if (chr_grow((void **)&t->v, &t->cap, t->n + 1, sizeof(chr_token))) return CHR_ERR_NOMEM;
        chr_token *k = &t->v[t->n];
        memset(k, 0, sizeof *k);
        k->start = (uint32_t)i;
        k->flags = pending;
        pending = 0;
        k->norm = (uint32_t)t->blen;
        if (cc == CC_PUNCT) {
            k->flags |= CHR_TOK_PUNCT;
            k->cp = c;
            put_folded(t, c);
            i++;
        } else if (cc == CC_DIGIT) {
            k->flags |= CHR_TOK_NUM;
            while (i < n && char_class(text[i]) == CC_DIGIT) {
                uint32_t d = chr_text_fold(text[i]) - '0';
                if (k->ndigits < 18) k->num = k->num * 10 + d;
                k->ndigits++;
                t->buf[t->blen++] = (char)('0' + d);
                i++;
            }
        } else {
            k->flags |= CHR_TOK_WORD;
            if (c >= 0x0600 && c <= 0x06FF) k->flags |= CHR_TOK_ARABIC;
            if (c < 0x80 ? (c >= 'A' && c <= 'Z') : (c >= 0x0600 && c <= 0x06FF) ? 0 : u_isupper((UChar32)c))
                k->flags |= CHR_TOK_UPPER;
            /* The word's bytes go through locals, and its hash is made as
             * they are written: stores through a char pointer would
             * otherwise reload t->buf and t->blen for every byte, and the
             * hash take a second pass. */
            char *b = t->buf;
            size_t bl = t->blen;
            uint64_t h = CHR_HASH_EMPTY;
            while (i < n) {
                uint32_t ch = text[i];
                /* the common letters first: a basic Arabic letter that folds
                 * to itself, an ASCII one */
                uint32_t f = fold_fast(ch);
                if (f != 0xFFFFFFFFu && (ch >= 0x0600 || (f >= 'a' && f <= 'z'))) {
                    if (ch >= 0x0600) {
                        unsigned char b0 = (unsigned char)(0xC0 | (f >> 6)), b1 = (unsigned char)(0x80 | (f & 0x3F));
                        b[bl++] = (char)b0;
                        b[bl++] = (char)b1;
                        h = chr_hash_byte(chr_hash_byte(h, b0), b1);
                    } else {
                        b[bl++] = (char)f;
                        h = chr_hash_byte(h, (unsigned char)f);
                    }
                    i++;
                    continue;
                }
                int ci = char_class(ch);
                if (ci == CC_IGNORE) { i++; continue; }
                if (ci != CC_LETTER) break;
                t->blen = bl;
                put_folded(t, ch);
                h = chr_hash_more(h, b + bl, t->blen - bl);
                bl = t->blen;
                i++;
            }
            t->blen = bl;
            k->hash = h;
        }
        k->end = (uint32_t)i;
        k->norm_len = (uint32_t)(t->blen - k->norm);
        if (!(k->flags & CHR_TOK_WORD)) k->hash = chr_hash_bytes(t->buf + k->norm, k->norm_len);
        if (t->forms && chr_phrases_forms(t, t->n)) return CHR_ERR_NOMEM;
        t->n++;
    }
    return CHR_OK;
}

int chr_text_unmark(const char *utf8, char *out, size_t cap)
{
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&e);
    UChar u[512], d[1024];
    int32_t n = 0;
    u_strFromUTF8Lenient(u, 512, &n, utf8, -1, &e);
    if (U_FAILURE(e) || n >= 512) return -1;
    int32_t m = unorm2_normalize(nfd, u, n, d, 1024, &e);
    if (U_FAILURE(e)) return -1;
    int32_t o = 0;
    for (int32_t i = 0; i < m; i++)
        if (u_charType(d[i]) != U_NON_SPACING_MARK) d[o++] = d[i];
    int32_t l = 0;
    u_strToUTF8(out, (int32_t)cap, &l, d, o, &e);
    return U_FAILURE(e) || (size_t)l >= cap ? -1 : (int)l;
}

/* The key of tokens t (see chr_text_key). */
static int join_key(const chr_tokens *t, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t k = 0; k < t->n; k++) {
        const chr_token *tk = &t->v[k];
        /* Words glued to punctuation ("a.m.", "ق.م") keep no space inside. */
        if (k > 0 && (tk->flags & CHR_TOK_SPACE)) {
            if (o + 1 >= cap) return -1;
            out[o++] = ' ';
        }
        if (o + tk->norm_len + 1 >= cap) return -1;
        memcpy(out + o, t->buf + tk->norm, tk->norm_len);
        o += tk->norm_len;
    }
    out[o] = 0;
    return (int)o;
}

int chr_text_key(const char *utf8, char *out, size_t cap)
{
    size_t len = strlen(utf8);
    if (len <= CHR_TOKBUF_MAX) {
        chr_tokbuf b;
        return join_key(chr_tokbuf_tokenize(&b, utf8, len), out, cap);
    }
    uint32_t *cps = malloc((len + 1) * sizeof *cps);
    chr_tokens *t = chr_tokens_new();
    size_t ncp = 0, bad = 0;
    int r = -1;
    if (cps && t && chr_utf8_decode(utf8, len, 1, cps, &ncp, &bad) == CHR_OK &&
        chr_tokenize(t, cps, ncp) == CHR_OK)
        r = join_key(t, out, cap);
    free(cps);
    chr_tokens_free(t);
    return r;
}

size_t chr_html_escape(const char *in, char *out, size_t o, size_t cap)
{
    for (const char *p = in; *p && o + 8 < cap; p++) {
        const char *e = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;" : *p == '"' ? "&quot;" : NULL;
        if (e) {
            size_t l = strlen(e);
            memcpy(out + o, e, l);
            o += l;
        } else {
            out[o++] = *p;
        }
    }
    if (o < cap) out[o] = 0;
    return o;
}

int chr_url_is_web(const char *url)
{
    return url && (!strncasecmp(url, "http://", 7) || !strncasecmp(url, "https://", 8));
}
