/* vocab.h - the event vocabulary of src/lang/events (private).
 *
 * Per language one phrase dictionary holds every word of every kind; a
 * payload is (kind << 24 | value index), the value being the string in the
 * file's first column (a CAMEO code, a title, a treaty kind ...).  Built once
 * per process, read-only after. */
#ifndef CHR_VOCAB_H
#define CHR_VOCAB_H

#include <stdint.h>
#include "chronicle/dates.h"
#include "phrase.h"

typedef enum {
    VK_TRIGGER, VK_REPORT, VK_TITLE, VK_TREATY, VK_MEDIUM, VK_NEG, VK_ARTICLE,
    VK_COND, VK_STOP, VK_CONTENT, VK_BOUND, VK_ABBREV, VK_LISTENER, VK_COUNTERPART, VK_FORCE, VK_PRONOUN, VK_MODAL, VK_OBJECT, VK_TOPIC, VK_OWNER, VK_LAUNCH, VK_WEAPON, VK_QUANTITY, VK_COUNT
} vocab_kind;

typedef struct vocab {
    chr_phrases *dict[3];          /* by chr_lang; [0] unused */
    /* treaty_name.txt, apart from dict (its words are ordinary words
     * elsewhere): payload = index into values of the word's concept */
    chr_phrases *tname[3];
    /* the files of vocab.c's word_files (prep.txt, contrast.txt,
     * coordination.txt, determiner.txt, former.txt, except.txt, number.txt,
     * passive.txt, harm.txt, victim.txt), apart from dict too (a
     * preposition also begins longer phrases of other kinds): payload =
     * index into values of PLACE, AGAINST, TO, ..., or of a code of harm.txt */
    chr_phrases *words[3];
    char **values;                 /* interned value strings */
    size_t nvalues, cap;
    /* per value: 1 when it is a code of cameo.txt or "-" (no event), the
     * values of trigger.txt and, in words, of harm.txt */
    unsigned char *is_code;
    /* cameo.txt */
    char (*cameo)[8];
    char **plover, **label;
    size_t ncameo, cameocap;
    size_t *by_code;               /* the rows in code order, for lookups */
} vocab;

const vocab *chr_vocab_get(void);
const char *chr_vocab_problems(void);

#define VK_OF(p) ((vocab_kind)((p) >> 24))
#define VV_OF(p) ((p) & 0xFFFFFFu)

/* PLOVER category and label of a CAMEO code (falls back to the code's root,
 * "0421" -> "042" -> "04"); "" when unknown. */
const char *chr_vocab_plover(const vocab *v, const char *cameo, const char **label);

#endif
