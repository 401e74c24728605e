/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal helpers shared by the dynamic built-ins (fn_dynamic.c,
** fn_dynbag.c) and the aggregates that build dynamic values (fn_agg.c):
** loading a JSON array argument as element slices and appending SQL values
** of a known KQL type as compact JSON.
*/
#ifndef KQL_FN_DYNINT_H
#define KQL_FN_DYNINT_H
#include <sqlite3.h>
#include "fn_json.h"

/* The elements of a JSON array, as slices of the argument's text. */
typedef struct KqlElems KqlElems;
struct KqlElems {
  int n;                /* elements */
  int nAlloc;           /* allocated slots */
  const char **az;      /* az[i]: start of element i (no white space) */
  int *an;              /* an[i]: its length */
};

/*
** Load the elements of the JSON array held by pVal into *p (which must be
** zeroed or freed before). Returns 1 when pVal is a well-formed array, 0
** otherwise (NULL, not JSON, not an array), -1 when out of memory. The
** slices point into pVal's text: keep pVal unchanged while using them.
*/
int kqlDynLoadArray(sqlite3_value *pVal, KqlElems *p);
/* Free the slice arrays of *p and zero it. */
void kqlDynElemsFree(KqlElems *p);

/*
** Append pVal, of KQL type eType (KQL_T_UNKNOWN: guessed from its storage
** class), to p as one compact JSON value. Dynamic values are copied in
** canonical compact form; other types as kqlFnAppendJsonValue() writes them.
*/
void kqlDynAppendValue(sqlite3_str *p, int eType, sqlite3_value *pVal);

/* Append real r as a JSON number the way Kusto's dynamic prints it: 1.0
** keeps its ".0"; NaN and the infinities become the JSON strings "NaN",
** "Infinity", "-Infinity". */
void kqlDynAppendReal(sqlite3_str *p, double r);

/* Register the bag, set and pack functions of fn_dynbag.c. */
int kqlFnRegisterDynbag(sqlite3 *db);

#endif
