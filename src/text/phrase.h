/* phrase.h - a dictionary of multi-word phrases matched over tokens
 * (private to the library).
 *
 * Forms are folded with chr_text_key() when added, so a phrase matches the
 * text whatever its case, diacritics or hamza spelling.  Matching starts at a
 * token, tries the token whole and then without Arabic clitics in front of
 * it (و ف, then ب ل ك; لل as ل + ال), then without the article ال (which
 * stays in the match: "الاتفاقية" matches اتفاقية), and returns the longest
 * phrase that covers the following tokens.  Each phrase carries one or more 32-bit
 * payloads chosen by the caller (an actor, a word's value ...).
 *
 * A dictionary built with CHR_PHRASE_SKELETON stores and looks up the
 * consonant skeleton of Arabic words instead (long vowels dropped after the
 * first letter; غ ق → ج), which makes كيلوج/كيلوغ and زيلينسكي/زيلنسكي one
 * key.  It is meant for names, where such variation is spelling, not
 * meaning.
 *
 * A dictionary is filled once and read-only after: matching is thread-safe. */
#ifndef CHR_PHRASE_H
#define CHR_PHRASE_H

#include <stddef.h>
#include <stdint.h>
#include "chronicle/text.h"

typedef struct chr_phrases chr_phrases;

enum { CHR_PHRASE_EXACT = 0, CHR_PHRASE_SKELETON = 1 };

chr_phrases *chr_phrases_new(int mode);
void chr_phrases_free(chr_phrases *p);   /* NULL is fine */

/* Empties p for reuse, keeping its memory: a dictionary filled per
 * article costs no allocation for the next one. */
void chr_phrases_clear(chr_phrases *p);

/* Adds a form (UTF-8, words separated by spaces) with a payload.  Adding the
 * same form and payload twice stores it once.  Returns 0, or -1 when the form
 * folds to nothing, is too long, or memory runs out. */
int chr_phrases_add(chr_phrases *p, const char *form, uint32_t payload);

/* A match: tokens [k, k + ntok), the payloads of the phrase, and how many
 * clitic letters in front of token k are not part of the phrase. */
typedef struct chr_phrase_match {
    size_t ntok;
    const uint32_t *ids;
    size_t nids;
    size_t clitic;        /* code points to skip at the start of token k */
} chr_phrase_match;

/* The longest phrase starting at token k of t (none crosses a line break).
 * Returns 1 and fills *m, or 0 when no phrase starts there. */
int chr_phrases_match(const chr_phrases *p, const chr_tokens *t, size_t k,
                      chr_phrase_match *m);

/* The payloads of one folded key (a single word or words joined by spaces,
 * as chr_text_key makes them), or NULL.  For lookups of user input. */
const uint32_t *chr_phrases_get(const chr_phrases *p, const char *key, size_t len,
                                size_t *nids);

/* Makes the forms token k of t is looked up by besides its folded one (the
 * tokenizer calls it when t->forms is set): its skeleton, and for an Arabic
 * word the readings without clitics chr_phrases_match tries.  Returns 0, or
 * -1 when memory runs out. */
int chr_phrases_forms(chr_tokens *t, size_t k);

/* The skeleton of a folded UTF-8 string (see above), written to out (cap
 * bytes, NUL-terminated).  Returns the length, or -1 if it did not fit. */
int chr_phrases_skeleton(const char *in, size_t len, char *out, size_t cap);

size_t chr_phrases_size(const chr_phrases *p);

#endif
