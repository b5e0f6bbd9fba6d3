/* lexicon.h - the compiled word tables of src/lang (private to the library).
 *
 * gen_lexicon.py turns every data file into rows of chr_lex_rows; at first use
 * chr_lex_get() folds each form with chr_text_key() and builds one hash table
 * from folded key to lex_info (all the readings of that key, in every
 * language).  The table is built once per process and is read-only after. */
#ifndef CHR_LEXICON_H
#define CHR_LEXICON_H

#include <stddef.h>
#include <stdint.h>

typedef struct chr_lex_row {
    const char *lang, *kind, *value, *form, *where;
} chr_lex_row;

extern const chr_lex_row chr_lex_rows[];
extern const unsigned chr_lex_nrows;

/* Kinds of reading; one per data file name. */
typedef enum {
    LK_MONTH, LK_HMONTH, LK_WDAY, LK_CARD, LK_ORD, LK_UNIT, LK_DEICTIC, LK_SHIFT,
    LK_AGO, LK_PART, LK_DAYPART, LK_REF, LK_SET, LK_SEASON, LK_DECADE, LK_FUNC,
    LK_TENSE, LK_APPROX, LK_AMBIG, LK_PUB, LK_ITEM, LK_PLURAL, LK_HOLIDAY, LK_NAME,
    LK_MWSTART,            /* the key is the first word of a longer form */
    LK_COUNT
} lex_kind;

#define LKB(k) (1u << (k))

/* Units of time; the TIMEX3 letter is unit_letter[]. */
typedef enum { U_NONE = 0, U_Y, U_Q, U_H, U_M, U_W, U_D, U_WE, U_HOUR, U_MIN, U_SEC,
               U_DE, U_CE } time_unit;

/* Roles of function words (function.txt), a bit mask. */
enum {
    F_OF = 1 << 0, F_THE = 1 << 1, F_AND = 1 << 2, F_TO = 1 << 3, F_FROM = 1 << 4,
    F_BETWEEN = 1 << 5, F_IN = 1 << 6, F_YEAR = 1 << 7, F_DAY = 1 << 8,
    F_CLOCK = 1 << 9, F_AM = 1 << 10, F_PM = 1 << 11, F_HIJRI = 1 << 12,
    F_AD = 1 << 13, F_BC = 1 << 14, F_DURING = 1 << 15, F_THIS = 1 << 16,
    F_HALF = 1 << 17, F_DET = 1 << 18, F_NOON = 1 << 19, F_MIDNIGHT = 1 << 20,
    F_MINUS = 1 << 21, F_THIRD = 1 << 22, F_WHOLE = 1 << 23, F_FULL = 1 << 24,
    F_LONG = 1 << 25, F_ZONE = 1 << 26, F_AFTER = 1 << 27, F_BEFORE = 1 << 28,
    F_FISCAL = 1 << 29, F_ADVERB = 1 << 30,
    F_DAYLIGHT = 1u << 31
};
/* past the 32 roles of the enum */
#define F_THAT ((uint64_t)1 << 32)   /* a word that opens reported words: أن, that */
#define F_MIDDAY ((uint64_t)1 << 33) /* midday after an hour: ظهرا, وقت الغداء (1-6 past noon) */
#define F_YEARNOUN ((uint64_t)1 << 34) /* a noun a year follows in construct: انتخابات 2024 */
#define F_NOONOF ((uint64_t)1 << 35)   /* noon in construct before its day: ظهر الثلاثاء */
#define F_VERBTOO ((uint64_t)1 << 36)  /* a NOONOF word that is a verb too: ظهر "appeared" */

/* PART_REST: the rest of a period, from the anchor to its end (resolve.c) */
enum { PART_NONE = 0, PART_START, PART_MID, PART_END, PART_REST };
enum { DP_NONE = 0, DP_MO, DP_AF, DP_EV, DP_NI };
enum { REF_PRESENT = 1, REF_PAST, REF_FUTURE };
enum { SEASON_SP = 1, SEASON_SU, SEASON_FA, SEASON_WI };

/* Holidays (holiday.txt) are coded in val[LK_HOLIDAY] as
 *   MMDD              a Gregorian month and day,
 *   10000 + MMDD      a Hijri month and day,
 *   20000 + MM*100 + W*10 + N   the Nth weekday W of month MM (N = 9: the last),
 *   30000 / 40000 + 500 + N     N days from Western / Orthodox Easter. */
#define HOLI_HIJRI 10000
#define HOLI_NTH 20000
#define HOLI_EASTER 30000        /* + 500 + days from Western Easter */
#define HOLI_OEASTER 40000       /* + 500 + days from Orthodox Easter */

/* All readings of one folded key.  val[k] is the value for kind k (month
 * number, unit, offset ...); val2[k] a second value where a kind has one
 * (unit: the count built into a dual; deictic: part of day; set: the count). */
typedef struct lex_info {
    uint32_t kinds;        /* LKB() bits */
    uint64_t funcs;        /* F_* bits when LK_FUNC is set */
    int32_t val[LK_COUNT];
    int32_t val2[LK_COUNT];
} lex_info;

/* The readings of a folded key, or NULL.  Thread-safe. */
const lex_info *chr_lex_get(const char *key, size_t len);
/* The same, with the key's chr_hash_bytes known (a token's hash). */
const lex_info *chr_lex_get_h(const char *key, size_t len, uint64_t h);

/* Problems found in the data files while building the table ("" if none);
 * static storage.  Builds the table if needed. */
const char *chr_lex_problems(void);

/* Whether a folded word ends in a suffix form ("*ed": returns 2) or begins
 * with a prefix form ("سي*": returns 1) of the given kind (tense.txt); sets
 * *value.  Returns 0 when neither. */
int chr_lex_suffix(const char *word, size_t len, int kind, int32_t *value);

/* The number of keys in the table (for tests and diagnostics). */
size_t chr_lex_size(void);

extern const char unit_letter[][3];

#endif
