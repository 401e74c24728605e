/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Comparison rules of the documentation conformance cases
** (../shared/conformance/README.md): how a result cell printed by the engine
** is matched against the text the docs show (null, bool, numbers rounded to
** the decimals shown, the datetime and timespan spellings, dynamic values as
** JSON, guids without case), and how whole tables are matched (column names,
** row count, rows as a multiset unless the query sorts, the per-case flags).
** Pure C with no engine or SQLite dependency, so the rules are unit-tested on
** their own.
*/
#ifndef KQL_CONFORMANCE_CMP_H
#define KQL_CONFORMANCE_CMP_H
#include <stdint.h>

/* Case flags. The KQLCONF_F prefix stands for "conformance flag". */
#define KQLCONF_F_NONDET   0x01   /* "nondeterministic": columns and row count only */
#define KQLCONF_F_APPROX   0x02   /* "approximate": numbers within a loose tolerance */
#define KQLCONF_F_RENDER   0x04   /* "render": render is a no-op (engine's business) */
#define KQLCONF_F_PARTIAL  0x08   /* "partial": expected rows are a subset (prefix if ordered) */
#define KQLCONF_F_RAGGED   0x10   /* "ragged": malformed docs table; report, don't fail */
#define KQLCONF_F_MULTI    0x20   /* "multiple_tables": a batch with additional_tables */

/* Relative tolerance for numbers under KQLCONF_F_APPROX. */
#define KQLCONF_APPROX_TOL 0.05

/* Bit for a flag name from cases.jsonl, 0 for an unknown name. */
int kqlConfFlagFromName(const char *zName);

/* One row: nCell cells; azCell[i]==NULL is a null cell (engine side only). */
typedef struct KqlConfRow KqlConfRow;
struct KqlConfRow {
  int nCell;
  char **azCell;
};

/*
** A table, either expected (from a case; aeType is NULL) or produced by the
** engine (aeType holds the KQL_T_* of each column). All memory is malloc'ed
** and owned by the table; release with kqlConfTableFree().
*/
typedef struct KqlConfTable KqlConfTable;
struct KqlConfTable {
  int nCol;             /* columns */
  char **azCol;         /* column names */
  int *aeType;          /* KQL_T_* per column, or NULL (expected table) */
  int nRow;             /* rows stored in aRow */
  int nRowAlloc;        /* slots allocated in aRow */
  long long nRowTotal;  /* rows the engine produced (> nRow when truncated) */
  KqlConfRow *aRow;     /* the rows */
};

/* A new empty table; never NULL (aborts on out-of-memory). */
KqlConfTable *kqlConfTableNew(void);
/* Release a table and everything in it; NULL is a no-op. */
void kqlConfTableFree(KqlConfTable *p);
/* Append a column named zName (copied) of type eType; with bTyped==0 no type
** array is kept (an expected table). */
void kqlConfTableAddColumn(KqlConfTable *p, const char *zName, int eType, int bTyped);
/* Append a row of nCell cells copied from azCell (NULL entries stay null).
** Also counts the row in nRowTotal. */
void kqlConfTableAddRow(KqlConfTable *p, int nCell, const char *const *azCell);

/*
** Does the engine's cell match the docs' text? zExp is the expected cell as
** the docs print it (never NULL), eType the column's KQL_T_* type (or -1 when
** unknown), zGot the engine's kql_result_text form or NULL for null. mFlags
** holds KQLCONF_F_* bits (only APPROX matters here). The rules of the
** conformance README are tried in order: exact, null, bool, numbers
** (relative 1e-9, or equal after rounding to the decimals the docs show),
** datetime, timespan, dynamic (JSON compare, then whitespace/quote-insensitive
** text), guid (case-insensitive). Returns 1 on a match, 0 otherwise.
*/
int kqlConfCellMatch(const char *zExp, int eType, const char *zGot, int mFlags);

/*
** Compare a result table with the expected one. bOrdered: row order matters.
** mFlags: KQLCONF_F_* bits of the case (NONDET: shape only; PARTIAL: the
** expected rows must appear, as a prefix when ordered; APPROX: loose numbers).
** RAGGED is not handled here (the caller reports instead of failing).
** Returns KQLCONF_MATCH, KQLCONF_MATCH_CASE (match, but some column names
** differ only in letter case: a docs typo to report) or KQLCONF_MISMATCH; on
** a mismatch, zWhy (nWhy bytes, may be NULL) receives a one-line reason.
*/
#define KQLCONF_MATCH       0
#define KQLCONF_MATCH_CASE  1
#define KQLCONF_MISMATCH    2
int kqlConfTableMatch(const KqlConfTable *pExp, const KqlConfTable *pGot,
                      int bOrdered, int mFlags, char *zWhy, int nWhy);

/*
** Parsers used by the rules, exposed for tests. Both return 0 on success and
** store 100-ns ticks (datetime: since 1970-01-01T00:00:00Z), or return -1.
** Datetime forms: "2017-10-01", "2017-10-01 00:00:00.0000000",
** "2017-10-01T00:00:00Z", "2017-10-01T00:00:00.123Z", "10/01/2017 00:00:00"
** (month first, optional AM/PM). Timespan: "[-][d.]hh:mm:ss[.fffffff]".
*/
int kqlConfParseDatetime(const char *z, int64_t *pTicks);
int kqlConfParseTimespan(const char *z, int64_t *pTicks);

/*
** JSON equality of two texts: 1 when both parse as JSON and are equal (object
** key order ignored, numbers compared with the number rule, zExp's number
** texts giving the decimals), 0 when they differ, -1 when either is not JSON.
*/
int kqlConfJsonEqual(const char *zExp, const char *zGot, int mFlags);

#endif
