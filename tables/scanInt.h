/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Internal to the streaming scan (scan*.c): the table spec kept for the
** "kqlscan" module, the cursor, the record splitter and the prefilter.
*/
#ifndef KQL_SCAN_INT_H
#define KQL_SCAN_INT_H
#include "loadInt.h"
#include "scan.h"
#include <stdint.h>

/* What kqlScanCreate learnt about a file: kept by the module until the
** database closes, looked up by table name when SQLite connects. */
typedef struct KqlScanSpec KqlScanSpec;
struct KqlScanSpec {
  char *zName;          /* SQL table name */
  char *zPath;          /* the file */
  char *zTable;         /* KQL table name (progress line) */
  int eFmt;             /* KL_FMT_CSV or KL_FMT_TSV */
  KqlTableDef def;      /* its schema (names malloc'ed) */
  KqlScanSpec *pNext;
};

/* The module's state: the specs of the tables created so far. */
typedef struct KqlScanModule KqlScanModule;
struct KqlScanModule {
  sqlite3 *db;
  KqlScanSpec *pList;
  KqlScanModule *pNextModule;
};

/* One prefilter term: the row passes when the field matches a needle. */
#define KS_OP_EQ        1   /* field == needle */
#define KS_OP_EQ_CI     2   /* ASCII case-insensitive == */
#define KS_OP_SUB       3   /* needle is a substring */
#define KS_OP_SUB_CI    4
#define KS_OP_PREFIX    5
#define KS_OP_PREFIX_CI 6
#define KS_OP_SUFFIX    7
#define KS_OP_SUFFIX_CI 8
typedef struct KqlScanTerm KqlScanTerm;
struct KqlScanTerm {
  int iFld;             /* file field, or -1 (the column is not in the file: "") */
  int eOp;              /* KS_OP_* */
  int nNeedle;
  char **azNeedle;      /* malloc'ed */
  int *anNeedle;
};
typedef struct KqlScanFilter KqlScanFilter;
struct KqlScanFilter {
  int nTerm;            /* 0: no prefilter */
  KqlScanTerm *aTerm;
};

/* A cursor: one pass over the file. */
typedef struct KqlScanCursor KqlScanCursor;
struct KqlScanCursor {
  sqlite3_vtab_cursor base;
  KqlScanSpec *pSpec;
  KqlLoader L;          /* reader, cells of the current record, conversion */
  int bOpen;            /* L.buf is open */
  int bEof;
  int *aColFld;         /* file field of each column, -1 when absent */
  int64_t iRow;         /* records read */
  const char *zNext;    /* end of the current record in L.buf (consumed by the next read) */
  int64_t nNl;          /* newlines in the current record */
  int bHave;            /* a current record is in L.buf */
  int nCells;           /* fields of it split into L.aCell */
  int nNeed;            /* fields the prefilter needs split (all without one) */
  KqlScanFilter filter;
  char *zPrefilter;     /* the prefilter's JSON (sqlite3_malloc'ed): the hidden
                        ** column's value, should SQLite check the constraint */
  /* progress line */
  int bExtraCols;       /* the header has a field the schema lacks */
  int bProgress;        /* stderr is a terminal */
  int bShown;           /* a progress line is on screen */
  int64_t nFileSize;    /* bytes of the file */
  double tStart, tLast;
};

/* scan_vtab.c */
extern const sqlite3_module kqlScanModule;
int kqlScanCursorStart(KqlScanCursor *pCur, sqlite3 *db);
void kqlScanCursorReset(KqlScanCursor *pCur);

/* scan_csv.c */
#define KS_REC_OK    0
#define KS_REC_EOF   1
#define KS_REC_ERROR 2
int kqlScanCsvNext(KqlScanCursor *pCur, int nNeed);
int kqlScanCsvFull(KqlScanCursor *pCur);

/* scan_filter.c */
int kqlScanFilterParse(sqlite3 *db, KqlScanCursor *pCur, const char *zJson, char **pzErr);
void kqlScanFilterFree(KqlScanFilter *p);
int kqlScanFilterTest(const KqlScanFilter *p, const KqlLoader *L);

/* scan_progress.c */
void kqlScanProgressStart(KqlScanCursor *pCur);
void kqlScanProgressTick(KqlScanCursor *pCur);
void kqlScanProgressEnd(KqlScanCursor *pCur);

#endif
