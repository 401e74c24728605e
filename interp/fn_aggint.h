/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal interface between the aggregate files (fn_agg.c, fn_aggdyn.c):
** the registration table row, value helpers shared by the aggregates.
*/
#ifndef KQL_FN_AGGINT_H
#define KQL_FN_AGGINT_H
#include <sqlite3.h>
#include <stdint.h>

/* One SQLite aggregate to register. */
typedef struct KqlAggFunc KqlAggFunc;
struct KqlAggFunc {
  const char *zName;    /* SQL name */
  signed char nArg;     /* SQL argument count, -1 variadic */
  intptr_t iUser;       /* user data */
  void (*xStep)(sqlite3_context*, int, sqlite3_value**);
  void (*xFinal)(sqlite3_context*);
};

/* Register a[0..n) as UTF-8 aggregates on db. Returns an SQLite code. */
int kqlAggRegisterTable(sqlite3 *db, const KqlAggFunc *a, int n);

/* 1 when a predicate argument is true: a non-zero number ("true" text
** too); NULL is false. */
int kqlAggPred(sqlite3_value *pVal);

/*
** Order of two non-null values for min/max/arg_max: numbers (compared
** numerically) before text (compared by bytes) before blobs. <0, 0, >0.
*/
int kqlAggCompare(sqlite3_value *pA, sqlite3_value *pB);

/*
** A key telling distinct values apart by storage class and content
** ("i42", "r0.5", "tabc"), in a new string the caller frees with
** sqlite3_free(); NULL when out of memory. *pn gets the length.
*/
char *kqlAggDistinctKey(sqlite3_value *pVal, int *pn);

/* Register the aggregates of fn_aggdyn.c. */
int kqlFnRegisterAggdyn(sqlite3 *db);

#endif
