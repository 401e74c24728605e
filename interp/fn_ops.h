/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal interface of the SQL helper functions behind the extension
** operators (fn_ops.c: parse, parse-kv, bag_unpack's key scan; fn_series.c:
** make-series and the series_* functions). fn.h declares only
** kqlFnRegisterOps(), which registers both files' functions.
*/
#ifndef KQL_FN_OPS_H
#define KQL_FN_OPS_H
#include <sqlite3.h>

/* Register the series functions of fn_series.c (called by kqlFnRegisterOps). */
int kqlFnRegisterSeries(sqlite3 *db);

/*
** Append to p the JSON encoding kql_parse uses for text z[0..n) converted
** to KQL type eType (leading/trailing blanks ignored except for strings):
** string as a JSON string, long/int/bool/datetime/timespan as integers
** (ticks), real as a number (9e999 for infinity), guid as a string, dynamic
** as a JSON string holding the JSON text. Returns 1 on success; on a failed
** conversion appends nothing and returns 0.
*/
int kqlOpsAppendTyped(sqlite3_str *p, int eType, const char *z, int n);

#endif
