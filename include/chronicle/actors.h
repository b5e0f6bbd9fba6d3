/* actors.h - the gazetteer: every actor Chronicle knows by name.
 *
 * States come from ICU's locale data (each ISO 3166 country with its Arabic,
 * English and Russian display name) plus src/lang/actors/countries.txt
 * (other names, capitals and seats of government used as metonyms,
 * nationality adjectives).  People, international organisations and news
 * media come from src/lang/actors/{people,orgs,media}.txt.  All of it is
 * compiled into the library and built into one read-only table on first use,
 * shared by all threads.
 *
 * Matching is normalization-aware (case, Arabic diacritics and letter
 * variants, clitics) and, for Arabic names, tolerant of spelling variants
 * (كيلوج/كيلوغ) through a consonant-skeleton index. */
#ifndef CHRONICLE_ACTORS_H
#define CHRONICLE_ACTORS_H

#include <stddef.h>
#include <stdint.h>
#include "chronicle/status.h"
#include "chronicle/text.h"

typedef enum {
    CHR_ACTOR_PERSON, CHR_ACTOR_STATE, CHR_ACTOR_ORG, CHR_ACTOR_MEDIA
} chr_actor_kind;

/* How a surface form names its actor. */
typedef enum {
    CHR_ALIAS_NAME,       /* a name of the actor itself */
    CHR_ALIAS_CAPITAL,    /* a capital standing for its state (موسكو) */
    CHR_ALIAS_SEAT,       /* a seat of government (the Kremlin) */
    CHR_ALIAS_ADJ,        /* a nationality adjective (الروسي, Russian) */
    CHR_ALIAS_PLACE,      /* a city or region of a state (خاركيف, Aleppo): where, never who */
    CHR_ALIAS_AGENT       /* a noun that names the state only as the agent of an act
                           * (الاحتلال after برصاص، من قبل or a verb of force); the
                           * extractor keeps such a mention as a seat */
} chr_alias_tag;

typedef struct chr_actor {
    const char *name;          /* canonical English name, unique */
    chr_actor_kind kind;
    const char *code;          /* a state's ISO code, a person's or medium's country; "" */
    const char *affiliation;   /* the state or organisation a person serves ("" none) */
    const char *roles;         /* "Role@FROM-TO;..." ("" none) */
    char gender;               /* a person's: 'F', 'M', or 0 when not known */
} chr_actor;

typedef struct chr_gazetteer chr_gazetteer;

/* The process-wide gazetteer, built on first call (thread-safe), or NULL if
 * building it failed (out of memory, ICU).  Never freed. */
const chr_gazetteer *chr_gazetteer_get(void);

/* Problems found in the data files ("" when none); static storage. */
const char *chr_gazetteer_problems(void);

size_t chr_gazetteer_count(const chr_gazetteer *g);

/* The people (CHR_ACTOR_PERSON) whose affiliation is exactly affiliation:
 * their ids, ascending, in *ids (the gazetteer's storage), and how many. */
size_t chr_gazetteer_people_of(const chr_gazetteer *g, const char *affiliation, const uint32_t **ids);
const chr_actor *chr_gazetteer_actor(const chr_gazetteer *g, uint32_t id);

/* The actor with this canonical name, or -1. */
int64_t chr_gazetteer_find(const chr_gazetteer *g, const char *name);

/* The surface forms of an actor (names, capitals, adjectives), in data-file
 * order.  *forms points into the gazetteer. */
size_t chr_gazetteer_aliases(const chr_gazetteer *g, uint32_t id, const char *const **forms);

/* Actors named by free text (any alias in any language, any case and
 * diacritics): writes up to max ids, returns how many matched. */
size_t chr_gazetteer_lookup(const chr_gazetteer *g, const char *text, uint32_t *ids, size_t max);

/* The state an adjective or a state name names: for nationality adjectives
 * the extractor needs the state, not the form.  A match at token k: */
typedef struct chr_gz_match {
    size_t ntok;               /* tokens covered */
    size_t clitic;             /* clitic letters in front, not part of the name */
    uint32_t actor;
    chr_alias_tag tag;
} chr_gz_match;

/* The actor of a match that names none: a place of no state whose name
 * holds a state's ("Gulf of Oman", بحر اليابان), matched so that its words
 * are no mention of that state. */
#define CHR_GZ_NOTHING UINT32_MAX

/* The longest actor name starting at token k of t, honouring the case of
 * Latin forms (an acronym written in capitals matches only in capitals, a
 * capitalised name only capitalised).  text is what t was made from.
 * Returns 1 and fills *m (m->actor CHR_GZ_NOTHING for a name of no
 * actor), or 0. */
int chr_gazetteer_match(const chr_gazetteer *g, const chr_tokens *t, const uint32_t *text,
                        size_t k, chr_gz_match *m);

/* The sound key of a person's name, the same for its Arabic and its Latin
 * spellings: its consonants in the classes of src/lang/actors/sounds.txt,
 * a sound repeated next to itself once, word breaks ignored (عبد الفتاح
 * and Abdel Fattah differ there): "ميخائيل غالوزين" and "Mikhail Galuzin"
 * are both "MKLGLZN".  Writes a
 * NUL-terminated key to out and the number of consonant classes in it to
 * *nclasses (short keys say little: "Ali" is "L").  Returns the key's length,
 * 0 when there is none, -1 when cap is too small. */
int chr_actor_sound_key(const char *name, char *out, size_t cap, int *nclasses);

const char *chr_actor_kind_str(chr_actor_kind k);
const char *chr_alias_tag_str(chr_alias_tag t);

#endif
