/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Proleptic Gregorian calendar arithmetic on KQL datetimes (100-ns ticks
** since 1970-01-01T00:00:00Z, see types.h): splitting ticks into fields and
** back, week numbers, and the valid datetime range. Pure C, no SQLite.
** Used by the datetime built-ins (fn_datetime.c, fn_datefmt.c, fn_tz.c).
*/
#ifndef KQL_CALENDAR_H
#define KQL_CALENDAR_H
#include <stdint.h>
#include "types.h"

#define KQL_TICKS_PER_MS      10000LL
#define KQL_TICKS_PER_MINUTE  (60LL * KQL_TICKS_PER_SECOND)
#define KQL_TICKS_PER_HOUR    (3600LL * KQL_TICKS_PER_SECOND)
/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.9999999Z, the range of a
** Kusto datetime, in ticks since the Unix epoch. */
#define KQL_DT_MIN  (-62135596800LL * KQL_TICKS_PER_SECOND)
#define KQL_DT_MAX  (253402300800LL * KQL_TICKS_PER_SECOND - 1)

/* Broken-down datetime (UTC). */
typedef struct KqlCal KqlCal;
struct KqlCal {
  int y;          /* year, 1..9999 for valid datetimes */
  int m;          /* month 1..12 */
  int d;          /* day of month 1..31 */
  int hh, mi, ss; /* time of day */
  int frac;       /* ticks within the second, 0..9999999 */
  int wday;       /* day of week, 0 = Sunday */
  int yday;       /* day of year, 1..366 */
};

/* Floor division and modulo (toward -infinity); b must be > 0. */
int64_t kqlCalFloorDiv(int64_t a, int64_t b);
int64_t kqlCalFloorMod(int64_t a, int64_t b);

/* Days since 1970-01-01 of the civil date y-m-d (m 1..12; d may overflow the
** month, it is simply added). */
int64_t kqlCalDaysFromCivil(int64_t y, int m, int d);
/* Civil date of day number nDay (days since 1970-01-01). */
void kqlCalCivilFromDays(int64_t nDay, int *pY, int *pM, int *pD);
/* 1 for a leap year. */
int kqlCalIsLeap(int64_t y);
/* Days in month m (1..12) of year y. */
int kqlCalDaysInMonth(int64_t y, int m);

/* Fill *p from ticks. */
void kqlCalSplit(int64_t ticks, KqlCal *p);
/* 1 when ticks is within [KQL_DT_MIN, KQL_DT_MAX]. */
int kqlCalInRange(int64_t ticks);

/* ISO 8601 week number (1..53) of the datetime ticks. */
int kqlCalIsoWeek(int64_t ticks);

/*
** Add nMonth calendar months to ticks, clamping the day to the end of the
** target month (as .NET's DateTime.AddMonths does); the time of day is kept.
** Returns 0 and stores the result in *pOut, or -1 when the result is
** outside the datetime range.
*/
int kqlCalAddMonths(int64_t ticks, int64_t nMonth, int64_t *pOut);

#endif
