/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Registration of the KQL built-ins as SQLite functions. Each fn_*.c file
** exposes one kqlFnRegister<Group>(db) and fn_register.c calls them all.
** The SQL names are the zSql column of builtins.c ("kql_has", ...). The
** functions depend only on sqlite3.h, value.h and types.h.
*/
#ifndef KQL_FN_H
#define KQL_FN_H
#include <sqlite3.h>

/* Register every KQL SQL function on db. Returns SQLITE_OK or an error code. */
int kqlFnRegisterAll(sqlite3 *db);

int kqlFnRegisterCore(sqlite3 *db);
int kqlFnRegisterXml(sqlite3 *db);
int kqlFnRegisterMvExpand(sqlite3 *db);
/* fn_tvf.c, shared by the table-valued functions below: xConnect with the
** declared schema (one plain sqlite3_vtab), xDisconnect, and xBestIndex that
** passes the equality constraints on the nArg hidden argument columns from
** iFirstArg on to xFilter in column order, the first nRequired of them
** required (SQLITE_CONSTRAINT otherwise; arguments stop at the first one
** missing), with the given cost. */
int kqlTvfConnect(sqlite3 *db, const char *zSchema, sqlite3_vtab **ppVtab);
int kqlTvfDisconnect(sqlite3_vtab *pVtab);
int kqlTvfBestIndex(sqlite3_index_info *pInfo, int iFirstArg, int nArg, int nRequired, double rCost);
/* fn_range_rows.c: the kql_range_rows(start, stop, step) table-valued function. */
int kqlFnRegisterRangeRows(sqlite3 *db);
/* fn_mvrows.c: the kql_mv_rows(limit, bArray, x1, ...) table-valued function. */
int kqlFnRegisterMvRows(sqlite3 *db);
int kqlFnRegisterString(sqlite3 *db);
int kqlFnRegisterDatetime(sqlite3 *db);
int kqlFnRegisterDynamic(sqlite3 *db);
int kqlFnRegisterAgg(sqlite3 *db);
int kqlFnRegisterMath(sqlite3 *db);
int kqlFnRegisterRegex(sqlite3 *db);
int kqlFnRegisterNet(sqlite3 *db);
int kqlFnRegisterGeo(sqlite3 *db);
int kqlFnRegisterConvert(sqlite3 *db);
int kqlFnRegisterOps(sqlite3 *db);
int kqlFnRegisterMisc(sqlite3 *db);
int kqlFnRegisterWindow(sqlite3 *db);
int kqlFnRegisterPattern(sqlite3 *db);   /* fn_pattern.c: kql_basket */

#endif
