/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** A small JSON walker for the dynamic and aggregate built-ins: find where a
** value ends, iterate the elements of an array or the members of an object
** as slices of the original text, classify, compare and copy values in
** Kusto's compact form. Nothing is allocated while walking; malformed text
** is reported, never read past its end. Nesting deeper than
** KQL_JSON_MAX_DEPTH is treated as malformed.
*/
#ifndef KQL_FN_JSON_H
#define KQL_FN_JSON_H
#include <sqlite3.h>
#include <stdint.h>

#define KQL_JSON_MAX_DEPTH 1000

/* Kinds of JSON value (kqlJsonKind). */
#define KQL_JSON_BAD    0   /* not one JSON value */
#define KQL_JSON_NULL   1
#define KQL_JSON_FALSE  2
#define KQL_JSON_TRUE   3
#define KQL_JSON_NUMBER 4
#define KQL_JSON_STRING 5
#define KQL_JSON_ARRAY  6
#define KQL_JSON_OBJECT 7

/*
** Index just past the JSON value that starts at z[i] (white space before it
** is skipped), or -1 when there is no well-formed value there. n is the
** length of z.
*/
int kqlJsonValueEnd(const char *z, int n, int i);

/*
** Kind of the single JSON value z[0..n) (surrounding white space allowed):
** KQL_JSON_*; KQL_JSON_BAD when it is not exactly one well-formed value.
** For arrays and objects the whole text is checked.
*/
int kqlJsonKind(const char *z, int n);

/* Iterator over an array's elements or an object's members. */
typedef struct KqlJsonIter KqlJsonIter;
struct KqlJsonIter {
  const char *z;        /* the container's text */
  int n;                /* its length */
  int i;                /* next position to read; at the end, just past the closing bracket */
  char cClose;          /* ']' or '}' */
  int nItem;            /* items returned so far */
};

/*
** Start iterating over the array or object z[0..n) (after white space).
** Returns KQL_JSON_ARRAY or KQL_JSON_OBJECT, or 0 when z does not start
** with '[' or '{'.
*/
int kqlJsonIterStart(KqlJsonIter *p, const char *z, int n);

/*
** Next item: sets *pzVal and *pnVal to the value's text (no surrounding white
** space) and, for objects, *pzKey and *pnKey to the key's text including its
** quotes (pzKey may be NULL for arrays). Returns 1 for an item, 0 at the
** end, -1 on malformed text.
*/
int kqlJsonIterNext(KqlJsonIter *p, const char **pzKey, int *pnKey,
                    const char **pzVal, int *pnVal);

/*
** 1 when the JSON string literal zKey[0..nKey) (with quotes, escapes
** allowed) spells exactly the raw text z[0..n).
*/
int kqlJsonKeyIs(const char *zKey, int nKey, const char *z, int n);

/*
** Append JSON z[0..n) to p in compact canonical form: no white space
** outside strings, strings re-escaped in one canonical way (so equal
** strings have equal text). z must be well formed.
*/
void kqlJsonAppendCanonical(sqlite3_str *p, const char *z, int n);

/*
** Ordering used by array_sort_asc/desc for two non-null JSON values:
** numbers (compared numerically) before strings (compared ordinally on
** their unescaped UTF-8), before everything else (compared by text).
** Returns <0, 0, >0.
*/
int kqlJsonCompare(const char *zA, int nA, const char *zB, int nB);

/*
** Numeric value of JSON z[0..n): numbers, and strings holding a number.
** bool gives 0/1. Returns 1 and sets *pR, else 0. *pbInt is set to 1 when
** the value is an integer literal that fits int64 (then *piVal holds it).
*/
int kqlJsonNumber(const char *z, int n, double *pR, int *pbInt, int64_t *piVal);

#endif
