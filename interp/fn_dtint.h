/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal interface between the files of the datetime built-in group
** (fn_datetime.c, fn_datefmt.c, fn_tz.c). Not for use outside them.
*/
#ifndef KQL_FN_DTINT_H
#define KQL_FN_DTINT_H
#include <sqlite3.h>
#include <stdint.h>

/*
** Read a datetime (or timespan) argument as ticks: INTEGER as is, REAL
** truncated, TEXT parsed as a datetime (kqlValParseDatetime). Returns 1 and
** sets *pT, or 0 for NULL and anything that is not a datetime.
*/
int kqlFnArgTicks(sqlite3_value *pVal, int64_t *pT);

/* Register kql_format_datetime and kql_format_timespan (fn_datefmt.c). */
int kqlFnRegisterDatefmt(sqlite3 *db);
/* Register kql_datetime_utc_to_local and kql_datetime_local_to_utc (fn_tz.c). */
int kqlFnRegisterTz(sqlite3 *db);

#endif
