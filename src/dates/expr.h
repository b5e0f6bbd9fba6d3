/* expr.h - the meaning of one recognized expression, between the grammar
 * (scan.c) and the resolver (resolve.c).  Private to the dates module. */
#ifndef CHR_EXPR_H
#define CHR_EXPR_H

#include <unicode/ucal.h>
#include "chronicle/dates.h"

typedef enum {
    X_CAL,       /* calendar fields: y/m/d, or a period of a year (quarter, season ...) */
    X_UNITREL,   /* this/last/next UNIT: "الأسبوع المقبل", "last year" */
    X_AGO,       /* COUNT UNIT before/after the anchor: "منذ شهرين", "in two weeks" */
    X_DEICTIC,   /* a day relative to the anchor: "أمس", "tomorrow" */
    X_WDAY,      /* a weekday: "يوم الثلاثاء", "next Thursday" */
    X_REF,       /* PRESENT_REF, PAST_REF, FUTURE_REF */
    X_DUR,       /* a duration */
    X_SET,       /* a recurrence */
    X_DECADE,    /* "التسعينيات", "the 1990s" */
    X_CENTURY,   /* "القرن العشرين" */
    X_HOLIDAY    /* a named day: "عيد الفطر", "Christmas" (code in hol) */
} xkind;

/* How the year of an X_CAL is known. */
typedef enum {
    Y_NONE,      /* not written: take the anchor's, nearest by tense */
    Y_ABS,       /* written */
    Y_SHIFT,     /* anchor year + yshift ("العام المقبل") */
    Y_MSHIFT,    /* month + shift: the last/this/next such month ("حزيران الماضي") */
    Y_MREL       /* the anchor's month moved by yshift ("الـ 18 من الشهر الجاري") */
} ymode;

/* Periods inside a year for X_CAL. */
typedef enum { PER_NONE, PER_Q, PER_H, PER_SEASON, PER_W } period;

typedef struct texpr {
    xkind kind;
    /* X_CAL */
    int y, m, d;          /* 0 when absent */
    ymode ym;
    int yshift;           /* Y_SHIFT: years from the anchor's; Y_MSHIFT: -1, 0, 1 */
    int hijri;            /* y/m/d are Umm al-Qura Hijri fields */
    int naming;           /* names a thing ("انتخابات 2024"): chr_timex.naming */
    period per;
    int perval;
    /* relative kinds */
    int unit;             /* time_unit */
    int n;                /* count; -1 unknown ("several") */
    int shift;            /* X_UNITREL / X_WDAY: -1, 0, 1; X_WDAY: 2 = not said */
    int dir;              /* X_AGO: -1 before, 1 after */
    int dayoff;           /* X_DEICTIC */
    int wd;               /* X_WDAY / X_SET: ISO weekday */
    int day_wd;           /* X_CAL: the weekday written with a day of no month ("الجمعة 15") */
    int inweek;           /* X_WDAY: the weekday of the week shifted by wshift */
    int wshift;
    int ref;              /* X_REF */
    int decade, century;
    int hol;              /* X_HOLIDAY: the code of lexicon.h */
    int half;             /* X_DUR: add a half unit ("ساعة ونصف") */
    int frac, fracdig;    /* X_DUR: a decimal count "3.5": frac 5 with 1 digit */
    short dur[13];        /* X_DUR: a compound ("عام وشهر و21 يوماً"): count per unit */
    /* time of day */
    int hour, min, sec;   /* hour < 0 when absent; min/sec < 0 when absent */
    int daypart;          /* DP_* */
    int ampm;             /* the half of the day was written (pm, مساءً, في الليل) */
    int noday;            /* X_DEICTIC: a time or part of day with no day of its own ("at 3 pm",
                           * "صباحاً"): the anchor's, unless a date just before gives one */
    /* modifiers */
    int part;             /* PART_* */
    int mod;              /* index into chr_mod_names (APPROX ...) */
    int bare;             /* only a day number: needs a sibling with a month */
    int the_unit;         /* X_UNITREL: "the year" of a part ("the end of the year"), no "this" */
    int lastday;          /* X_CAL: d is the month's last day ("آخر يوم من الشهر") */
    int nthwd, nth;       /* X_CAL: the nth (1-5, -1 last) ISO weekday nthwd of the month */
    int ordwd;            /* X_CAL: the weekday before an ordinal day up to the fifth ("الثلاثاء
                           * الثالث من نوفمبر"): day d when it falls on that weekday, else the
                           * dth such weekday of the month */
    int adir;             /* X_DUR: counted back (-1) or ahead (1) from the anchor ("the past 3 weeks") */
} texpr;

/* An empty expression: no fields, no time of day, shift not said.  Inline:
 * the grammar starts one for every pattern it tries. */
static inline void texpr_init(texpr *e)
{
    static const texpr empty = {.hour = -1, .min = -1, .sec = -1, .shift = 2};
    *e = empty;
}

/* Calendar helpers over an ICU Gregorian calendar (proleptic, UTC, ISO weeks). */
typedef struct chr_cal {
    UCalendar *greg;
    UCalendar *hijri;
} chr_cal;

int cal_open(chr_cal *c);
void cal_close(chr_cal *c);
int cal_valid(chr_cal *c, int y, int m, int d);
/* Adds n of a UCAL field to *dt. */
void cal_add(chr_cal *c, chr_date *dt, UCalendarDateFields f, int n);
int cal_weekday(chr_cal *c, const chr_date *dt);          /* ISO 1..7 */
void cal_isoweek(chr_cal *c, const chr_date *dt, int *wy, int *w);
/* Converts an Umm al-Qura date; returns -1 if it does not exist. */
int cal_from_hijri(chr_cal *c, int hy, int hm, int hd, chr_date *out);
int cal_hijri_year(chr_cal *c, const chr_date *dt);

/* Resolves e against anchor (may be NULL) into tx's type, value, mod,
 * granularity and flags.  tense: 1 future, -1 past, 0 unknown.
 * Returns -1 when e names an impossible date (31 February). */
int resolve(chr_cal *c, const texpr *e, const chr_date *anchor, int tense, chr_timex *tx);

extern const char *const chr_mod_names[];

#endif
