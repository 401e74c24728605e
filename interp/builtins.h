/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The catalogue of KQL built-in functions the binder knows: name, arity,
** argument and result types, and how each runs (the SQLite function that
** fn_*.c registers, or a rewrite done by the binder itself). One row per KQL
** name; deprecated spellings are rows of their own pointing at the same SQL.
** Pure data (no SQLite).
*/
#ifndef KQL_BUILTINS_H
#define KQL_BUILTINS_H
#include "types.h"

#define KQL_FN_SCALAR 0
#define KQL_FN_AGG    1     /* aggregate (summarize) */
#define KQL_FN_WINDOW 2     /* needs serialized input: row_number, prev, next ... */

/* KQL_RET_*: result type rules for eRet values >= KQL_RET_BASE; smaller
** values are a fixed KQL_T_* type. */
#define KQL_RET_BASE     100
#define KQL_RET_ARG0     100  /* type of argument 0 */
#define KQL_RET_ARG1     101  /* type of argument 1 */
#define KQL_RET_NUM      102  /* numeric promotion of all args (int<long<real) */
#define KQL_RET_SUM      103  /* sum(): long for int/long/bool, real for real, timespan for timespan */
#define KQL_RET_ARG0_TS  104  /* like arg 0, but datetime/timespan kept (bin, floor) */

/* KQL_FNF_*: flags. */
#define KQL_FNF_TAGS     0x01 /* first SQL argument is a text of type tags, one char
                              ** per KQL argument: 'a'+KQL_T_* (e.g. 'h' = datetime) */
#define KQL_FNF_SPECIAL  0x02 /* the binder rewrites the call itself (zSql unused) */
#define KQL_FNF_NOTSUPP  0x04 /* known to kqlite but not executable yet */
#define KQL_FNF_NONDET   0x08 /* nondeterministic (rand, new_guid) */
#define KQL_FNF_STARARG  0x10 /* accepts '*' (arg_max(t, *), count(*)...) */
#define KQL_FNF_SENTINEL 0x20 /* known only with --dialect sentinel */
#define KQL_FNF_DEFENDER 0x40 /* known only with --dialect defender */
#define KQL_FNF_PLUGIN   0x80 /* an evaluate plugin, not a function */

/*
** zArgs: one letter per parameter, the last letter repeats when nMax
** is -1 (variadic):
**   s string   l long (int, long accepted)   r real (any number)
**   n number   d datetime   t timespan   b bool   y dynamic   g guid
**   * any scalar   q string constant   ? anything (checked by the binder)
** A dynamic argument where a string is expected is converted with
** tostring(); an int where a long or real is expected is widened.
*/
typedef struct KqlBuiltin KqlBuiltin;
struct KqlBuiltin {
  const char *zName;    /* KQL name, lower case as in the docs */
  signed char nMin;     /* fewest arguments */
  signed char nMax;     /* most arguments, -1 = no limit */
  unsigned char eKind;  /* KQL_FN_* */
  unsigned char flags;  /* KQL_FNF_* */
  short eRet;           /* KQL_T_* or KQL_RET_* */
  const char *zArgs;    /* argument type letters (see above) */
  const char *zSql;     /* SQLite function name, e.g. "kql_has" */
};

/* Find a built-in by exact name; NULL when unknown. */
const KqlBuiltin *kqlBuiltinFind(const char *zName, int n);
/* Number of rows in the catalogue, and row i (for tests and did-you-mean). */
int kqlBuiltinCount(void);
const KqlBuiltin *kqlBuiltinAt(int i);

#endif
