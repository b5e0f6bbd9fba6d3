/* resolve.c - turns a recognized expression into a TIMEX3 value.
 *
 * A pure function of (expression, anchor, tense): the anchor is the article's
 * publication date, never the clock.  Calendar arithmetic goes through ICU
 * (proleptic Gregorian in UTC with ISO-8601 weeks; Umm al-Qura for Hijri). */
#include <stdio.h>
#include <string.h>
#include <unicode/ustring.h>

#include "expr.h"
#include "lexicon.h"

#define DAY_MS 86400000.0

int cal_open(chr_cal *c)
{
    UErrorCode ec = U_ZERO_ERROR;
    UChar utc[4];
    u_uastrcpy(utc, "UTC");
    c->greg = ucal_open(utc, 3, "en_US@calendar=gregorian", UCAL_GREGORIAN, &ec);
    if (U_FAILURE(ec)) return -1;
    ucal_setGregorianChange(c->greg, -8.64e15, &ec);
    ucal_setAttribute(c->greg, UCAL_FIRST_DAY_OF_WEEK, UCAL_MONDAY);
    ucal_setAttribute(c->greg, UCAL_MINIMAL_DAYS_IN_FIRST_WEEK, 4);
    ucal_setAttribute(c->greg, UCAL_LENIENT, 0);
    c->hijri = ucal_open(utc, 3, "ar@calendar=islamic-umalqura", UCAL_DEFAULT, &ec);
    if (U_FAILURE(ec)) { cal_close(c); return -1; }
    ucal_setAttribute(c->hijri, UCAL_LENIENT, 0);
    return 0;
}

void cal_close(chr_cal *c)
{
    if (c->greg) ucal_close(c->greg);
    if (c->hijri) ucal_close(c->hijri);
    c->greg = c->hijri = NULL;
}

static int set_date(chr_cal *c, int y, int m, int d)
{
    UErrorCode ec = U_ZERO_ERROR;
    ucal_clear(c->greg);
    ucal_setDate(c->greg, y, m - 1, d, &ec);
    ucal_getMillis(c->greg, &ec);      /* non-lenient: fails on 31 February */
    return U_FAILURE(ec) ? -1 : 0;
}

static void get_date(chr_cal *c, chr_date *dt)
{
    UErrorCode ec = U_ZERO_ERROR;
    dt->y = ucal_get(c->greg, UCAL_EXTENDED_YEAR, &ec);
    dt->m = ucal_get(c->greg, UCAL_MONTH, &ec) + 1;
    dt->d = ucal_get(c->greg, UCAL_DATE, &ec);
}

int cal_valid(chr_cal *c, int y, int m, int d)
{
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999) return 0;
    return set_date(c, y, m, d) == 0;
}

void cal_add(chr_cal *c, chr_date *dt, UCalendarDateFields f, int n)
{
    UErrorCode ec = U_ZERO_ERROR;
    if (set_date(c, dt->y, dt->m, dt->d)) return;
    ucal_add(c->greg, f, n, &ec);
    if (U_SUCCESS(ec)) get_date(c, dt);
}

int cal_weekday(chr_cal *c, const chr_date *dt)
{
    UErrorCode ec = U_ZERO_ERROR;
    set_date(c, dt->y, dt->m, dt->d);
    int w = ucal_get(c->greg, UCAL_DAY_OF_WEEK, &ec);   /* 1 = Sunday */
    return w == 1 ? 7 : w - 1;
}

void cal_isoweek(chr_cal *c, const chr_date *dt, int *wy, int *w)
{
    UErrorCode ec = U_ZERO_ERROR;
    set_date(c, dt->y, dt->m, dt->d);
    *w = ucal_get(c->greg, UCAL_WEEK_OF_YEAR, &ec);
    *wy = ucal_get(c->greg, UCAL_YEAR_WOY, &ec);
}

int cal_from_hijri(chr_cal *c, int hy, int hm, int hd, chr_date *out)
{
    UErrorCode ec = U_ZERO_ERROR;
    ucal_clear(c->hijri);
    ucal_set(c->hijri, UCAL_EXTENDED_YEAR, hy);
    ucal_set(c->hijri, UCAL_MONTH, hm - 1);
    ucal_set(c->hijri, UCAL_DATE, hd);
    UDate ms = ucal_getMillis(c->hijri, &ec);
    if (U_FAILURE(ec)) return -1;
    ucal_setMillis(c->greg, ms, &ec);
    if (U_FAILURE(ec)) return -1;
    get_date(c, out);
    return 0;
}

int cal_hijri_year(chr_cal *c, const chr_date *dt)
{
    UErrorCode ec = U_ZERO_ERROR;
    if (set_date(c, dt->y, dt->m, dt->d)) return 0;
    UDate ms = ucal_getMillis(c->greg, &ec);
    ucal_setMillis(c->hijri, ms, &ec);
    return ucal_get(c->hijri, UCAL_EXTENDED_YEAR, &ec);
}

static const char *const dp_code[] = {"", "MO", "AF", "EV", "NI"};
static const char *const season_code[] = {"", "SP", "SU", "FA", "WI"};

/* Writes YYYY[-MM[-DD]] (y of 0 as XXXX; m or d of 0: not written) to v,
 * which has room for 11 bytes: as snprintf("%04d-%02d-%02d") would, by hand,
 * since formatting every value was a twentieth of a run.  Years outside
 * 0..9999 go through snprintf. */
static void put_ymd(char *v, size_t cap, int y, int m, int d)
{
    if (cap < 11 || y < 0 || y > 9999) {
        int l = y ? snprintf(v, cap, "%04d", y) : snprintf(v, cap, "XXXX");
        if (m && l > 0 && (size_t)l < cap) l += snprintf(v + l, cap - (size_t)l, "-%02d", m);
        if (m && d && l > 0 && (size_t)l < cap) snprintf(v + l, cap - (size_t)l, "-%02d", d);
        return;
    }
    char *o = v;
    if (y) {
        *o++ = (char)('0' + y / 1000);
        *o++ = (char)('0' + y / 100 % 10);
        *o++ = (char)('0' + y / 10 % 10);
        *o++ = (char)('0' + y % 10);
    } else {
        memcpy(o, "XXXX", 4);
        o += 4;
    }
    if (m) {
        *o++ = '-';
        *o++ = (char)('0' + m / 10 % 10);
        *o++ = (char)('0' + m % 10);
        if (d) {
            *o++ = '-';
            *o++ = (char)('0' + d / 10 % 10);
            *o++ = (char)('0' + d % 10);
        }
    }
    *o = 0;
}

/* Writes a date at the given granularity: 'D' day, 'M' month, 'Y' year. */
static void put_date(char *v, size_t cap, const chr_date *dt, char g)
{
    put_ymd(v, cap, dt->y, g == 'Y' ? 0 : dt->m, g == 'D' ? dt->d : 0);
}

/* Appends a time of day (hour/min/sec or a part of day) when e has one. */
static void put_time(char *v, size_t cap, const texpr *e, chr_timex *tx)
{
    size_t l = strlen(v);
    if (e->hour >= 0) {
        if (e->min >= 0 && e->sec >= 0)
            snprintf(v + l, cap - l, "T%02d:%02d:%02d", e->hour, e->min, e->sec);
        else if (e->min >= 0)
            snprintf(v + l, cap - l, "T%02d:%02d", e->hour, e->min);
        else
            snprintf(v + l, cap - l, "T%02d:00", e->hour);
        tx->type = CHR_TX_TIME;
        tx->granularity = "time";
    } else if (e->daypart) {
        snprintf(v + l, cap - l, "T%s", dp_code[e->daypart]);
        tx->type = CHR_TX_TIME;
        tx->granularity = "part of day";
    }
}

/* The year for a month/day written without one: the anchor's year, moved to
 * the neighbouring year when the tense or the distance says so. */
static int nearest_year(const chr_date *a, int m, int d, int tense)
{
    int y = a->y;
    int dd = d ? d : 15;
    int delta = (m - a->m) * 31 + (dd - a->d);       /* rough days from anchor */
    if (tense < 0) return delta > 31 ? y - 1 : y;     /* past: at most a month ahead */
    if (tense > 0) return delta < -31 ? y + 1 : y;    /* future: at most a month back */
    if (delta > 183) return y - 1;
    if (delta < -183) return y + 1;
    return y;
}

static int date_cmp(const chr_date *x, const chr_date *y)
{
    if (x->y != y->y) return x->y < y->y ? -1 : 1;
    if (x->m != y->m) return x->m < y->m ? -1 : 1;
    return x->d < y->d ? -1 : x->d > y->d;
}

/* "الجمعة 15": the month in which day d is weekday wd, the nearest to the
 * anchor's on the side the tense points to (either side without one),
 * within a year; y and m are left alone when no month fits. */
static void month_of_weekday(chr_cal *c, const chr_date *a, int d, int wd, int tense, int *y, int *m)
{
    for (int k = 0;; k++) {
        int shift = tense < 0 ? -k : tense > 0 ? k : (k % 2 ? (k + 1) / 2 : -(k / 2));
        if (shift < -12 || shift > 12) return;
        chr_date t = *a;
        t.d = 1;
        cal_add(c, &t, UCAL_MONTH, shift);
        if (!cal_valid(c, t.y, t.m, d)) continue;
        t.d = d;
        if (cal_weekday(c, &t) != wd) continue;
        if ((tense < 0 && date_cmp(&t, a) > 0) || (tense > 0 && date_cmp(&t, a) < 0)) continue;
        *y = t.y;
        *m = t.m;
        return;
    }
}

/* The day of month m of year y that is its nth (1-5, or -1: last) ISO
 * weekday wd; 0 when the month has no such day (a fifth Monday). */
static int nth_weekday(chr_cal *c, int y, int m, int wd, int nth)
{
    chr_date t = {y, m, 1};
    if (nth < 0) {
        cal_add(c, &t, UCAL_MONTH, 1);
        cal_add(c, &t, UCAL_DATE, -1);
        cal_add(c, &t, UCAL_DATE, -((cal_weekday(c, &t) - wd + 7) % 7));
        return t.d;
    }
    int day = 1 + (wd - cal_weekday(c, &t) + 7) % 7 + 7 * (nth - 1);
    return cal_valid(c, y, m, day) ? day : 0;
}

/* The Gregorian days of e, a Hijri day, month or nth weekday of a month,
 * in Hijri year y: *first, and *end the day after the last.  Returns -1
 * when there is no such day (30 of a month of 29 days, a fifth Friday). */
static int hijri_days(chr_cal *c, const texpr *e, int y, chr_date *first, chr_date *end)
{
    int m = e->m, wd = e->nthwd, nth = e->nth;
    if (e->d && !wd) {
        /* a Hijri month's last day is the 30th or, when it has no 30th, the 29th */
        if (cal_from_hijri(c, y, m, e->d, first) && (!e->lastday || cal_from_hijri(c, y, m, 29, first)))
            return -1;
        /* "الجمعة الأولى من رمضان": the 1st if a Friday, else the first Friday */
        if (!e->ordwd || cal_weekday(c, first) == e->ordwd) {
            *end = *first;
            cal_add(c, end, UCAL_DATE, 1);
            return 0;
        }
        wd = e->ordwd;
        nth = e->d;
    }
    if (cal_from_hijri(c, y, m, 1, first) || cal_from_hijri(c, m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1, end))
        return -1;
    if (!wd) return 0;
    /* the first Friday of Ramadan, the last Friday of Ramadan */
    chr_date g = *first;
    if (nth < 0) {
        g = *end;
        cal_add(c, &g, UCAL_DATE, -1);
        cal_add(c, &g, UCAL_DATE, -((cal_weekday(c, &g) - wd + 7) % 7));
    } else {
        cal_add(c, &g, UCAL_DATE, (wd - cal_weekday(c, &g) + 7) % 7 + 7 * (nth - 1));
        if (date_cmp(&g, end) >= 0) return -1;
    }
    *first = *end = g;
    cal_add(c, end, UCAL_DATE, 1);
    return 0;
}

/* A Hijri month or year, days first to last (inclusive), as a Gregorian
 * value: the smallest month, year or decade that holds them all (Ramadan
 * 1445, 11 March to 9 April 2024, is 2024; the year 1445, July 2023 to July
 * 2024, is the decade 202), never a month or year it only overlaps; the
 * days themselves go to first and last. */
static void hijri_span(const chr_date *first, const chr_date *last, chr_timex *tx)
{
    char *v = tx->value;
    size_t cap = sizeof tx->value;
    if (first->y == last->y && first->m == last->m) put_date(v, cap, first, 'M');
    else if (first->y == last->y) put_date(v, cap, first, 'Y');
    else if (first->y / 10 == last->y / 10) snprintf(v, cap, "%03d", first->y / 10);
    else snprintf(v, cap, "XXXX");
    put_date(tx->first, sizeof tx->first, first, 'D');
    put_date(tx->last, sizeof tx->last, last, 'D');
}

static int resolve_cal(chr_cal *c, const texpr *e, const chr_date *a, int tense, chr_timex *tx)
{
    char *v = tx->value;
    size_t cap = sizeof tx->value;
    int y = e->y, m = e->m, d = e->d;
    tx->type = CHR_TX_DATE;
    if (e->hijri) {
        int written = y != 0;
        if (!y) {
            if (!a) { snprintf(v, cap, "XXXX"); tx->relative = 1; return 0; }
            y = cal_hijri_year(c, a);
            tx->relative = tx->resolved = 1;
        }
        chr_date g, end, last;
        if (!m) {                                       /* a Hijri year: 1 Muharram to the next */
            if (cal_from_hijri(c, y, 1, 1, &g) || cal_from_hijri(c, y + 1, 1, 1, &end)) return -1;
            last = end;
            cal_add(c, &last, UCAL_DATE, -1);
            hijri_span(&g, &last, tx);
            tx->granularity = "year";
            return 0;
        }
        if (hijri_days(c, e, y, &g, &end)) return -1;
        if (!written && a && e->ym == Y_MSHIFT) {
            /* رمضان الماضي: the last one over before the anchor; المقبل: the
             * next one to begin after it; هذا: the anchor's year's */
            if (e->yshift < 0 && date_cmp(&end, a) > 0) {
                if (hijri_days(c, e, y - 1, &g, &end)) return -1;
            } else if (e->yshift > 0 && date_cmp(&g, a) <= 0) {
                if (hijri_days(c, e, y + 1, &g, &end)) return -1;
            }
        } else if (!written && a && tense < 0 && date_cmp(&g, a) > 0) {
            /* a Hijri day or month without its year: the anchor's Hijri
             * year, or the one before or after when the tense points away
             * from it ("صلى المسلمون في آخر جمعة من رمضان" before this
             * year's Ramadan was last year's) */
            if (hijri_days(c, e, y - 1, &g, &end)) return -1;
        } else if (!written && a && tense > 0 && date_cmp(&end, a) <= 0) {
            if (hijri_days(c, e, y + 1, &g, &end)) return -1;
        }
        if (d || e->nthwd) { put_date(v, cap, &g, 'D'); tx->granularity = "day"; return 0; }
        last = end;
        cal_add(c, &last, UCAL_DATE, -1);
        hijri_span(&g, &last, tx);
        tx->granularity = "month";
        return 0;
    }
    if (e->ym == Y_MREL) {
        tx->relative = 1;
        if (a) {
            chr_date t = *a;
            t.d = 1;
            cal_add(c, &t, UCAL_MONTH, e->yshift);
            y = t.y;
            m = t.m;
            tx->resolved = 1;
            if (e->day_wd && d && !e->yshift) month_of_weekday(c, a, d, e->day_wd, tense, &y, &m);
        } else {
            y = 0;
        }
    } else if (e->ym != Y_ABS) {
        tx->relative = 1;
        if (!a) {
            y = 0;
        } else {
            tx->resolved = 1;
            if (e->ym == Y_SHIFT) y = a->y + e->yshift;
            else if (e->ym == Y_MSHIFT && m) {
                if (e->yshift < 0) y = m < a->m ? a->y : a->y - 1;
                else if (e->yshift > 0) y = m > a->m ? a->y : a->y + 1;
                else y = a->y;
            } else if (e->ym == Y_MSHIFT && e->per == PER_SEASON) {
                /* seasons start in March, June, September, December */
                int start = 3 * e->perval, last = start + 2;
                if (e->yshift > 0) y = a->m < start ? a->y : a->y + 1;
                else if (e->yshift < 0) y = a->m > last ? a->y : a->y - 1;
                else y = a->y;
            } else if (m) {
                y = nearest_year(a, m, d, tense);
            } else if (e->per == PER_SEASON) {
                /* in the past tense a season that has not begun is last
                 * year's, in the future one that is over is next year's */
                int start = 3 * e->perval, last = start + 2;
                y = a->y;
                if (tense < 0 && start > a->m) y--;
                else if (tense > 0 && last < a->m) y++;
            } else {
                y = a->y;
            }
        }
    }
    if (e->lastday && m) {
        /* the month's last day; without a year, one that may be a leap year's */
        while (d > 28 && !cal_valid(c, y ? y : 2000, m, d)) d--;
    }
    if (e->ordwd && m && y && d) {
        /* "الأحد الثاني": Sunday the 2nd if the 2nd is a Sunday, else the
         * second Sunday (a fifth one the month lacks: no date) */
        chr_date t = {y, m, d};
        if (!cal_valid(c, y, m, d) || cal_weekday(c, &t) != e->ordwd) {
            d = nth_weekday(c, y, m, e->ordwd, d);
            if (!d) return -1;
        }
    }
    if (e->nthwd && m && y) {
        /* the first Friday of July, the last Thursday of the month */
        d = nth_weekday(c, y, m, e->nthwd, e->nth);
        if (!d) return -1;
    }
    if (e->per == PER_W && y && (m || e->perval < 0)) {
        /* The Nth (or last) week of a month, the last week of a year: the ISO
         * week holding that Thursday, as ISO's own first week holds the
         * year's first Thursday. */
        chr_date t = {y, m ? m : 12, 1};
        int last = 31;
        while (last > 28 && !cal_valid(c, t.y, t.m, last)) last--;
        if (e->perval < 0) {
            t.d = last;
            t.d -= (cal_weekday(c, &t) - 4 + 7) % 7;
        } else {
            t.d = 1 + (4 - cal_weekday(c, &t) + 7) % 7 + 7 * (e->perval - 1);
            if (t.d > last) return -1;
        }
        int wy, w;
        cal_isoweek(c, &t, &wy, &w);
        snprintf(v, cap, "%04d-W%02d", wy, w);
        tx->granularity = "week";
        return 0;
    }
    if (m && d && y && !cal_valid(c, y, m, d)) return -1;
    if (m && d && !y && !cal_valid(c, 2000, m, d)) return -1;
    char ys[12];
    if (!m && d && !y) {
        snprintf(v, cap, "XXXX-XX-%02d", d);
        tx->granularity = "day";
        return 0;
    }
    if (e->per) put_ymd(ys, sizeof ys, y, 0, 0);
    if (e->per == PER_Q) { snprintf(v, cap, "%s-Q%d", ys, e->perval); tx->granularity = "quarter"; }
    else if (e->per == PER_W) { snprintf(v, cap, "%s-W%02d", ys, e->perval); tx->granularity = "week"; }
    else if (e->per == PER_H) { snprintf(v, cap, "%s-H%d", ys, e->perval); tx->granularity = "half"; }
    else if (e->per == PER_SEASON) { snprintf(v, cap, "%s-%s", ys, season_code[e->perval]); tx->granularity = "season"; }
    else if (d) { put_ymd(v, cap, y, m, d); tx->granularity = "day"; put_time(v, cap, e, tx); }
    else if (m) { put_ymd(v, cap, y, m, 0); tx->granularity = "month"; }
    else { put_ymd(v, cap, y, 0, 0); tx->granularity = "year"; }
    return 0;
}

/* Writes the period of unit u that contains dt. */
static void put_unit(chr_cal *c, char *v, size_t cap, const chr_date *dt, int u, chr_timex *tx)
{
    int wy, w;
    switch (u) {
    case U_Y: put_date(v, cap, dt, 'Y'); tx->granularity = "year"; break;
    case U_M: put_date(v, cap, dt, 'M'); tx->granularity = "month"; break;
    case U_Q: snprintf(v, cap, "%04d-Q%d", dt->y, (dt->m - 1) / 3 + 1); tx->granularity = "quarter"; break;
    case U_H: snprintf(v, cap, "%04d-H%d", dt->y, dt->m <= 6 ? 1 : 2); tx->granularity = "half"; break;
    case U_W: case U_WE:
        cal_isoweek(c, dt, &wy, &w);
        snprintf(v, cap, u == U_WE ? "%04d-W%02d-WE" : "%04d-W%02d", wy, w);
        tx->granularity = "week";
        break;
    case U_DE: snprintf(v, cap, "%03d", dt->y / 10); tx->granularity = "decade"; break;
    case U_CE: snprintf(v, cap, "%02d", dt->y / 100); tx->granularity = "century"; break;
    default: put_date(v, cap, dt, 'D'); tx->granularity = "day"; break;
    }
}

static const char *unit_placeholder(int u)
{
    switch (u) {
    case U_Y: return "XXXX";
    case U_M: return "XXXX-XX";
    case U_Q: return "XXXX-QX";
    case U_H: return "XXXX-HX";
    case U_W: return "XXXX-WXX";
    case U_WE: return "XXXX-WXX-WE";
    case U_DE: return "XXX";
    case U_CE: return "XX";
    default: return "XXXX-XX-XX";
    }
}

/* Moves dt by n units (weeks as 7 days, quarters as 3 months ...). */
static void shift_unit(chr_cal *c, chr_date *dt, int u, int n)
{
    switch (u) {
    case U_Y: cal_add(c, dt, UCAL_YEAR, n); break;
    case U_M: cal_add(c, dt, UCAL_MONTH, n); break;
    case U_Q: cal_add(c, dt, UCAL_MONTH, 3 * n); break;
    case U_H: cal_add(c, dt, UCAL_MONTH, 6 * n); break;
    case U_W: case U_WE: cal_add(c, dt, UCAL_DATE, 7 * n); break;
    case U_DE: cal_add(c, dt, UCAL_YEAR, 10 * n); break;
    case U_CE: cal_add(c, dt, UCAL_YEAR, 100 * n); break;
    default: cal_add(c, dt, UCAL_DATE, n); break;
    }
}

/* A compound duration: P1Y1M21D, PT2H30M. */
static int put_compound(char *v, size_t cap, const short *dur)
{
    static const int order[] = {U_Y, U_M, U_W, U_D, U_HOUR, U_MIN, U_SEC};
    static const char *const letter[] = {"Y", "M", "W", "D", "H", "M", "S"};
    size_t l = (size_t)snprintf(v, cap, "P");
    int any = 0, t = 0;
    for (int k = 0; k < 7 && l < cap; k++) {
        int n = dur[order[k]];
        if (!n) continue;
        if (k >= 4 && !t) { l += (size_t)snprintf(v + l, cap - l, "T"); t = 1; }
        l += (size_t)snprintf(v + l, cap - l, "%d%s", n, letter[k]);
        any = 1;
    }
    return any;
}

/* "The end of the year" with no "this": in the past tense, a part of the
 * anchor's year (month) not begun by the anchor is the last one's ("the flu
 * peaked by the end of the year", written in March, is December of last
 * year); in the future tense, a part already over is the next one's.  A
 * part is a third of its period.  Returns the shift to add. */
static int part_turn(const texpr *e, const chr_date *a, int tense)
{
    if (!e->the_unit || !e->part || e->part == PART_REST || !tense || e->shift) return 0;
    int at, len;
    if (e->unit == U_Y) { at = a->m; len = 12; }
    else if (e->unit == U_M) { at = a->d; len = 30; }
    else return 0;
    int first = (e->part - 1) * len / 3 + 1, last = e->part * len / 3;
    if (tense < 0 && at < first) return -1;
    if (tense > 0 && at > last && e->unit == U_Y) return 1;
    return 0;
}

/* A compound offset ("منذ شهر و21 يوماً"): every unit moved, coarsest
 * first, to the finest unit's granularity; hours and minutes move nothing,
 * since the anchor has no time of day, and leave the day.  0 when e is a
 * single count. */
static int put_offset(chr_cal *c, char *v, size_t cap, chr_date *dt, const texpr *e, chr_timex *tx)
{
    static const int order[] = {U_Y, U_M, U_W, U_D};
    int fine = 0, any = 0;
    for (int u = 0; u < 13; u++) any |= e->dur[u] != 0;
    if (!any) return 0;
    for (int k = 0; k < 4; k++)
        if (e->dur[order[k]]) {
            shift_unit(c, dt, order[k], e->dir * e->dur[order[k]]);
            fine = order[k];
        }
    long secs = e->dur[U_HOUR] * 3600L + e->dur[U_MIN] * 60L + e->dur[U_SEC];   /* 1 يوم و30 ساعة */
    if (secs >= 86400) cal_add(c, dt, UCAL_DATE, e->dir * (int)(secs / 86400));
    put_unit(c, v, cap, dt, fine && !(e->dur[U_HOUR] || e->dur[U_MIN] || e->dur[U_SEC]) ? fine : U_D, tx);
    return 1;
}

static void put_duration(char *v, size_t cap, int u, int n, int half)
{
    const char *t = (u == U_HOUR || u == U_MIN || u == U_SEC) ? "T" : "";
    int mult = 1;
    const char *L = unit_letter[u];
    /* decades and centuries keep their own letters: P2DE, P1CE */
    if (u == U_Q) { mult = 3; L = "M"; }
    if (u == U_H) { mult = 6; L = "M"; }
    if (n < 0) snprintf(v, cap, "P%sX%s", t, L);
    else if (half && mult == 1) snprintf(v, cap, "P%s%d.5%s", t, n, L);
    else snprintf(v, cap, "P%s%d%s", t, n * mult + (half ? mult / 2 : 0), L);
}

/* The date of holiday code hol in Gregorian year y (for a Hijri holiday:
 * the one that falls in Gregorian year y, the first if two do). */
/* Easter Sunday of year y: Western (Gregorian computus), or Orthodox
 * (Julian computus, moved to the Gregorian calendar by ICU's day count). */
static void easter(chr_cal *c, int y, int orthodox, chr_date *out)
{
    if (!orthodox) {
        int a = y % 19, b = y / 100, cc = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
        int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = cc / 4, k = cc % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        out->y = y;
        out->m = (h + l - 7 * m + 114) / 31;
        out->d = (h + l - 7 * m + 114) % 31 + 1;
        return;
    }
    int a = y % 4, b = y % 7, cc = y % 19, d = (19 * cc + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
    int m = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
    /* the Julian date, then the days by which the calendars differ */
    out->y = y;
    out->m = m;
    out->d = day;
    cal_add(c, out, UCAL_DATE, y / 100 - y / 400 - 2);
}

static int holiday_in(chr_cal *c, int hol, int y, chr_date *out)
{
    if (hol >= HOLI_EASTER) {
        int orth = hol >= HOLI_OEASTER;
        easter(c, y, orth, out);
        cal_add(c, out, UCAL_DATE, hol - (orth ? HOLI_OEASTER : HOLI_EASTER) - 500);
        return 0;
    }
    if (hol >= HOLI_NTH) {
        int x = hol - HOLI_NTH, m = x / 100, w = (x / 10) % 10, nth = x % 10;
        int day = nth_weekday(c, y, m, w, nth == 9 ? -1 : nth);
        if (!day) return -1;
        *out = (chr_date){y, m, day};
        return 0;
    }
    if (hol >= HOLI_HIJRI) {
        int x = hol - HOLI_HIJRI, hm = x / 100, hd = x % 100;
        chr_date jan = {y, 1, 1};
        int hy = cal_hijri_year(c, &jan);
        for (int k = 0; k < 3; k++)
            if (cal_from_hijri(c, hy + k, hm, hd, out) == 0 && out->y == y) return 0;
        return -1;
    }
    out->y = y;
    out->m = hol / 100;
    out->d = hol % 100;
    return cal_valid(c, y, out->m, out->d) ? 0 : -1;
}

static int resolve_holiday(chr_cal *c, const texpr *e, const chr_date *a, int tense, chr_timex *tx)
{
    chr_date d;
    tx->granularity = "day";
    if (e->ym == Y_ABS && !e->hijri) {
        if (holiday_in(c, e->hol, e->y, &d)) return -1;
    } else if (e->ym == Y_ABS && e->hijri && e->hol >= HOLI_HIJRI && e->hol < HOLI_NTH) {
        int x = e->hol - HOLI_HIJRI;
        if (cal_from_hijri(c, e->y, x / 100, x % 100, &d)) return -1;
    } else {
        tx->relative = 1;
        if (!a) { snprintf(tx->value, sizeof tx->value, "XXXX-XX-XX"); return 0; }
        tx->resolved = 1;
        if (e->ym == Y_SHIFT) {
            if (holiday_in(c, e->hol, a->y + e->yshift, &d)) return -1;
        } else {
            /* the occurrence nearest the anchor, or the next/last one by shift or tense */
            chr_date prev, next;
            int have_p = 0, have_n = 0;
            for (int y = a->y - 1; y <= a->y + 1; y++) {
                chr_date t;
                if (holiday_in(c, e->hol, y, &t)) continue;
                long key = t.y * 10000L + t.m * 100 + t.d, ak = a->y * 10000L + a->m * 100 + a->d;
                if (key <= ak) { prev = t; have_p = 1; }
                else if (!have_n) { next = t; have_n = 1; }
            }
            int dir = e->ym == Y_MSHIFT ? e->yshift : tense;
            if (dir < 0 && have_p) d = prev;
            else if (dir > 0 && have_n) d = next;
            else if (have_p && have_n) {
                long dp = (a->y - prev.y) * 372L + (a->m - prev.m) * 31 + (a->d - prev.d);
                long dn = (next.y - a->y) * 372L + (next.m - a->m) * 31 + (next.d - a->d);
                d = dp <= dn ? prev : next;
            } else if (have_p) d = prev;
            else if (have_n) d = next;
            else return -1;
        }
    }
    put_date(tx->value, sizeof tx->value, &d, 'D');
    return 0;
}

/* The days a duration counted from the anchor covers: n whole units of a
 * calendar unit back to the day before the anchor, or on from the day after
 * it.  Only counts of years, months, weeks and days (not "several"). */
static void put_interval(chr_cal *c, const texpr *e, const chr_date *a, chr_timex *tx)
{
    int u = e->unit;
    if (e->n <= 0 || e->half || e->fracdig || !(u == U_Y || u == U_M || u == U_W || u == U_D || u == U_DE))
        return;
    chr_date f = *a, l = *a;
    if (e->adir < 0) {
        shift_unit(c, &f, u, -e->n);
        cal_add(c, &l, UCAL_DATE, -1);
    } else {
        cal_add(c, &f, UCAL_DATE, 1);
        shift_unit(c, &l, u, e->n);
    }
    put_date(tx->first, sizeof tx->first, &f, 'D');
    put_date(tx->last, sizeof tx->last, &l, 'D');
}

/* The last day of the period a resolved value names (a year, half,
 * quarter, month, ISO week or day) when that period holds the anchor;
 * returns -1 otherwise. */
static int period_last(chr_cal *c, const char *v, const chr_date *a, chr_date *last)
{
    int y, n, m, d;
    char t1, t2;
    size_t len = strlen(v);
    *last = *a;
    if (len == 4 && sscanf(v, "%4d%c", &y, &t1) == 1) {
        *last = (chr_date){y, 12, 31};
    } else if (len == 7 && sscanf(v, "%4d-%c%d", &y, &t1, &n) == 3 && (t1 == 'Q' || t1 == 'H')) {
        m = t1 == 'Q' ? 3 * n : 6 * n;
        *last = (chr_date){y, m, m == 3 || m == 12 ? 31 : 30};
        if (y != a->y || (a->m - 1) / (t1 == 'Q' ? 3 : 6) + 1 != n) return -1;
        return 0;
    } else if (len == 7 && sscanf(v, "%4d-%2d%c", &y, &m, &t2) == 2) {
        *last = (chr_date){y, m, 31};
        while (last->d > 28 && !cal_valid(c, y, m, last->d)) last->d--;
        if (y != a->y || m != a->m) return -1;
        return 0;
    } else if (len == 8 && sscanf(v, "%4d-W%2d", &y, &n) == 2) {
        int wy, w;
        cal_isoweek(c, a, &wy, &w);
        if (wy != y || w != n) return -1;
        cal_add(c, last, UCAL_DATE, 7 - cal_weekday(c, a));
        return 0;
    } else if (len == 10 && sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3) {
        *last = (chr_date){y, m, d};
    } else {
        return -1;
    }
    return y == a->y && (len == 4 || (last->m == a->m && last->d == a->d)) ? 0 : -1;
}

/* The rest of a period ("the rest of the year", "بقية الأسبوع"): the
 * period, with mod END as for the part that ends it (of no fixed length,
 * as "late 2024"), and the days from the anchor, which the rest includes,
 * to the period's last day as the interval. */
static void put_rest(chr_cal *c, const chr_date *a, chr_timex *tx)
{
    chr_date last;
    if (!a || strchr(tx->value, 'X') || period_last(c, tx->value, a, &last)) return;
    put_date(tx->first, sizeof tx->first, a, 'D');
    put_date(tx->last, sizeof tx->last, &last, 'D');
}

static int resolve_one(chr_cal *c, const texpr *e, const chr_date *a, int tense, chr_timex *tx);

int resolve(chr_cal *c, const texpr *e, const chr_date *a, int tense, chr_timex *tx)
{
    int r = resolve_one(c, e, a, tense, tx);
    if (!r && e->part == PART_REST) put_rest(c, a, tx);
    return r;
}

static int resolve_one(chr_cal *c, const texpr *e, const chr_date *a, int tense, chr_timex *tx)
{
    char *v = tx->value;
    size_t cap = sizeof tx->value;
    chr_date dt = a ? *a : (chr_date){0, 0, 0};
    tx->type = CHR_TX_DATE;
    tx->mod = e->part == PART_START ? "START" : e->part == PART_MID ? "MID"
            : e->part == PART_END || e->part == PART_REST ? "END" : chr_mod_names[e->mod];
    tx->relative = 0;
    tx->resolved = 0;
    tx->granularity = "day";
    tx->first[0] = tx->last[0] = 0;
    tx->naming = e->naming;
    switch (e->kind) {
    case X_CAL:
        return resolve_cal(c, e, a, tense, tx);
    case X_UNITREL:
        tx->relative = 1;
        if (!a) {
            snprintf(v, cap, "%s", unit_placeholder(e->unit));
            put_unit(c, tx->value + sizeof tx->value - 16, 16, &(chr_date){2000, 1, 1}, e->unit, tx);
            return 0;
        }
        tx->resolved = 1;
        if (e->unit == U_HOUR || e->unit == U_MIN || e->unit == U_SEC) {
            /* "the next hour", "the past hour": the anchor has no time of
             * day to move, so its day (shifting by a day would be wrong);
             * "this hour", "حتى هذه الساعة" is now */
            if (!e->shift && !e->part) {
                snprintf(v, cap, "PRESENT_REF");
                tx->granularity = "";
                return 0;
            }
            put_date(v, cap, &dt, 'D');
            return 0;
        }
        shift_unit(c, &dt, e->unit, e->shift + part_turn(e, a, tense));
        /* "over the weekend" in a past report on a weekday is the last one */
        if (e->unit == U_WE && e->shift == 0 && e->part == 0 &&
            (tense < 0 || (tense == 0 && cal_weekday(c, a) <= 3)))
            shift_unit(c, &dt, U_W, -1);
        put_unit(c, v, cap, &dt, e->unit, tx);
        return 0;
    case X_AGO:
        tx->relative = 1;
        if (e->n < 0) {
            snprintf(v, cap, e->dir < 0 ? "PAST_REF" : "FUTURE_REF");
            tx->granularity = "";
            tx->resolved = a != NULL;
            return 0;
        }
        if (!a) { snprintf(v, cap, "%s", unit_placeholder(e->unit)); return 0; }
        tx->resolved = 1;
        if (put_offset(c, v, cap, &dt, e, tx)) return 0;
        if (e->unit == U_HOUR || e->unit == U_MIN || e->unit == U_SEC) {
            /* The anchor carries no time of day, so no clock time: the day,
             * moved by the whole days in the count ("منذ 48 ساعة" is two
             * days back, "بعد 3000 دقيقة" two days on).  Whatever the hour
             * of the anchor, the offset ends on that day or the next one
             * away from the anchor: a day the text allows, never a guess
             * past it. */
            long per_day = e->unit == U_HOUR ? 24 : e->unit == U_MIN ? 1440 : 86400;
            cal_add(c, &dt, UCAL_DATE, e->dir * (int)(e->n / per_day));
            put_date(v, cap, &dt, 'D');
            return 0;
        }
        shift_unit(c, &dt, e->unit, e->dir * e->n);
        put_unit(c, v, cap, &dt, e->unit, tx);
        return 0;
    case X_DEICTIC:
        tx->relative = 1;
        if (!a) { snprintf(v, cap, "XXXX-XX-XX"); put_time(v, cap, e, tx); return 0; }
        tx->resolved = 1;
        cal_add(c, &dt, UCAL_DATE, e->dayoff);
        put_date(v, cap, &dt, 'D');
        put_time(v, cap, e, tx);
        return 0;
    case X_WDAY: {
        tx->relative = 1;
        if (!a) {
            snprintf(v, cap, "XXXX-WXX-%d", e->wd);
            put_time(v, cap, e, tx);
            return 0;
        }
        tx->resolved = 1;
        int cur = cal_weekday(c, &dt);
        if (e->inweek) {               /* that weekday in the week moved by wshift */
            cal_add(c, &dt, UCAL_DATE, 7 * e->wshift + e->wd - cur);
            put_date(v, cap, &dt, 'D');
            put_time(v, cap, e, tx);
            return 0;
        }
        int back = (cur - e->wd + 7) % 7;          /* days since the last such weekday */
        int off;
        int s = e->shift != 2 ? e->shift : (tense > 0 ? 1 : -1);
        if (e->shift == 2 && s < 0) off = -back;   /* most recent, the anchor day included */
        else if (e->shift == 2) off = (e->wd - cur + 7) % 7;
        else if (s < 0) off = back ? -back : -7;
        else if (s > 0) off = (e->wd - cur + 7) % 7 ? (e->wd - cur + 7) % 7 : 7;
        else off = e->wd - cur;                    /* this week's */
        cal_add(c, &dt, UCAL_DATE, off);
        put_date(v, cap, &dt, 'D');
        put_time(v, cap, e, tx);
        return 0;
    }
    case X_REF:
        snprintf(v, cap, "%s", e->ref == REF_PRESENT ? "PRESENT_REF" : e->ref == REF_PAST ? "PAST_REF" : "FUTURE_REF");
        tx->granularity = "";
        return 0;
    case X_DUR:
        tx->type = CHR_TX_DURATION;
        tx->granularity = "";
        if (put_compound(v, cap, e->dur)) return 0;
        if (e->fracdig && e->n >= 0) {
            int tt = e->unit == U_HOUR || e->unit == U_MIN || e->unit == U_SEC;
            snprintf(v, cap, "P%s%d.%0*d%s", tt ? "T" : "", e->n, e->fracdig, e->frac, unit_letter[e->unit]);
            return 0;
        }
        put_duration(v, cap, e->unit, e->n, e->half);
        if (e->adir && a) put_interval(c, e, a, tx);
        return 0;
    case X_SET:
        tx->type = CHR_TX_SET;
        tx->granularity = "";
        if (e->wd) {
            snprintf(v, cap, "XXXX-WXX-%d", e->wd);
            size_t l = strlen(v);
            if (e->hour >= 0) snprintf(v + l, cap - l, "T%02d:%02d", e->hour, e->min > 0 ? e->min : 0);
            else if (e->daypart) snprintf(v + l, cap - l, "T%s", dp_code[e->daypart]);
        } else if (e->hour >= 0) {
            snprintf(v, cap, "XXXX-XX-XXT%02d:%02d", e->hour, e->min > 0 ? e->min : 0);   /* daily at */
        } else if (e->daypart) {
            snprintf(v, cap, "XXXX-XX-XXT%s", dp_code[e->daypart]);
        } else if (e->unit == U_WE) {
            snprintf(v, cap, "XXXX-WXX-WE");           /* every weekend */
        } else {
            put_duration(v, cap, e->unit, e->n > 0 ? e->n : 1, 0);
        }
        return 0;
    case X_DECADE:
        if (e->decade < 0) {          /* a decade of the last/this/next century */
            int x = -e->decade, d = x % 10, shift = x / 10 - 100;
            tx->relative = 1;
            if (!a) { snprintf(v, cap, "XX%d", d); tx->granularity = "decade"; return 0; }
            tx->resolved = 1;
            snprintf(v, cap, "%03d", (a->y / 100 + shift) * 10 + d);
            tx->granularity = "decade";
            return 0;
        }
        snprintf(v, cap, "%03d", e->decade);
        tx->granularity = "decade";
        return 0;
    case X_HOLIDAY:
        return resolve_holiday(c, e, a, tense, tx);
    case X_CENTURY:
        snprintf(v, cap, "%02d", e->century);
        tx->granularity = "century";
        return 0;
    }
    return -1;
}
