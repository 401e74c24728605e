/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** KQL literal values: parsing text to the storage form of types.h and
** formatting the storage form back to KQL's text. Pure C (no SQLite), used by
** the binder (literals), the loaders (cells) and the output renderer.
*/
#ifndef KQL_VALUE_H
#define KQL_VALUE_H
#include <stdint.h>

/*
** Parse a datetime as Kusto's todatetime()/datetime() accept it:
** ISO 8601 ("2026-06-03", "2026-06-03T01:02:03Z", "2026-06-03 01:02:03.1234567",
** offsets "+02:00"), RFC 822/1123 ("Sat, 03 Jun 2026 01:02:03 GMT"),
** "6/3/2026 1:02:03 PM" style, Unix-style etc. Leading/trailing blanks ignored.
** On success stores 100-ns ticks since the Unix epoch (UTC) in *pTicks and
** returns 0; returns -1 when the text is not a datetime.
*/
int kqlValParseDatetime(const char *z, int n, int64_t *pTicks);
/*
** Parse a timespan: literal forms ("7d", "1.5h", "30m", "10s", "100ms",
** "10microsecond", "5tick", "2days", ...) and the "[-][d.]hh:mm[:ss[.fffffff]]"
** form. Returns 0 and stores ticks, or -1.
*/
int kqlValParseTimespan(const char *z, int n, int64_t *pTicks);
/* Format ticks as ISO-8601 UTC: "2026-06-03T01:02:03Z", with 7 fractional
** digits "…03.1234567Z" when the value has sub-second ticks. Returns length. */
int kqlValFormatDatetime(int64_t ticks, char *zBuf /* >= 40 bytes */);
/* Format ticks as "[-][d.]hh:mm:ss[.fffffff]". Returns length. */
int kqlValFormatTimespan(int64_t ticks, char *zBuf /* >= 40 bytes */);
/* Format a real the way Kusto's tostring() does ("1", "0.1", "1.5E+20",
** "NaN", "Infinity", "-Infinity"). Returns length. */
int kqlValFormatReal(double r, char *zBuf /* >= 40 bytes */);
/* Normalise a guid to lower-case 8-4-4-4-12 form; returns 0, or -1 if z is not a guid. */
int kqlValParseGuid(const char *z, int n, char *zOut /* >= 37 bytes */);

#endif
