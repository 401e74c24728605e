/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal to the table loaders (load*.c): the loader object, the block
** reader, cells, and the helpers the CSV and JSON readers share.
**
** How a load runs. A file is read in passes, each from its first byte:
**   SAMPLE  parse the first KQL_LOAD_SAMPLE records; learn the columns (CSV
**           header, JSON keys) and, for columns the catalogue does not type,
**           which KQL types every value seen fits;
**   LOAD    create the table from what was learned, then parse every record
**           and insert it (one prepared INSERT, bound values);
**   SCAN    only when LOAD meets a value the sample did not predict (a JSON
**           key never seen, a cell that does not fit an inferred type): the
**           table is rolled back, every record is classified, and LOAD runs
**           again with types that now fit the whole file.
** So inference never loses data: a late value that does not fit widens the
** column's type (at worst to string) instead of being dropped or mangled.
** Everything happens inside one SAVEPOINT; a failed load leaves no table.
**
** Records are parsed from one contiguous block of memory: when a record runs
** past the data read so far, the reader keeps the record's start, reads more
** (growing the block when it is full) and parses the record again.
*/
#ifndef KQL_LOAD_INT_H
#define KQL_LOAD_INT_H
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <zlib.h>
#include "catalog.h"
#include "load.h"

#define KQL_LOAD_BLOCK      (4*1024*1024)     /* bytes asked of each read */
#define KQL_LOAD_MAX_FIELD  (64*1024*1024)    /* longest cell or JSON value */
#define KQL_LOAD_MAX_RECORD (256*1024*1024)   /* longest record */
#define KQL_LOAD_SAMPLE     1000              /* records the SAMPLE pass reads */
#define KQL_LOAD_MAX_DEPTH  512               /* JSON nesting limit */
#define KQL_LOAD_PAD        64                /* readable bytes after a[nData] (vector scans) */

/* Result codes of the internal steps. The KL prefix stands for "kql load". */
#define KL_OK       0     /* done, go on */
#define KL_ERROR    1     /* failed; the message is in KqlLoader.zErr */
#define KL_MORE     2     /* the record runs past the data read so far */
#define KL_EOF      3     /* no more records */
#define KL_RESTART  4     /* a value the sample did not predict: SCAN, reload */
#define KL_LIMIT    5     /* SAMPLE pass: enough records read */

/* Passes (see the header comment). */
#define KL_PASS_SAMPLE 0
#define KL_PASS_LOAD   1
#define KL_PASS_SCAN   2

/* File formats. */
#define KL_FMT_CSV   0
#define KL_FMT_TSV   1
#define KL_FMT_JSON  2    /* array of objects, or a stream of objects */
#define KL_FMT_JSONL 3    /* one object per line */
#define KL_FMT_LA    4    /* Log Analytics query API: {"tables":[{columns,rows}]} */
#define KL_FMT_MDE   5    /* Defender advanced hunting API: {"Schema":[],"Results":[]} */

/* kqlLoadFileEx flags (load.h) are kept in KqlLoader.mFlags. */

/*
** The block reader: a file (plain or gzip, zlib tells them apart by the
** magic bytes) read into a[]. Bytes before iRec are consumed; a[iRec] is the
** first byte of the record being parsed, at line nLine, character column
** nCol (both 1-based). a[nData] is always 0.
*/
typedef struct KqlLoadBuf KqlLoadBuf;
struct KqlLoadBuf {
  gzFile in;            /* open input, or NULL */
  char *a;              /* the block: nAlloc+1 bytes */
  size_t nAlloc;        /* capacity of a[] less the sentinel */
  size_t iRec;          /* offset of the current record's first byte */
  size_t nData;         /* bytes of a[] holding data */
  int bEof;             /* no more data after a[nData-1] */
  int64_t nLine;        /* line of a[iRec] */
  int64_t nCol;         /* character column of a[iRec] */
};

/* Kinds of cell values (KqlLoadCell.eKind). */
#define KL_CELL_TEXT   0  /* CSV/TSV cell text */
#define KL_CELL_STR    1  /* JSON string, decoded (zRaw: the literal) */
#define KL_CELL_INT    2  /* JSON number without fraction or exponent */
#define KL_CELL_NUM    3  /* other JSON number */
#define KL_CELL_TRUE   4  /* JSON true */
#define KL_CELL_FALSE  5  /* JSON false */
#define KL_CELL_NULL   6  /* JSON null */
#define KL_CELL_JSON   7  /* JSON object or array, minified */

/* One value of the record being processed. z/zRaw point into the block or
** into the scratch buffer; both stay put until the next record is parsed. */
typedef struct KqlLoadCell KqlLoadCell;
struct KqlLoadCell {
  int iCol;             /* table column (KqlLoader.aCol) it belongs to */
  int eKind;            /* KL_CELL_* */
  const char *z;        /* the value's text (see eKind) */
  int n;                /* bytes in z */
  const char *zRaw;     /* KL_CELL_STR: the literal with its quotes */
  int nRaw;             /* bytes in zRaw */
  const char *zLoc;     /* where the value starts in the block, for errors */
};

/* A cell converted to its storage form (kqlLoadCellConvert). */
#define KL_VAL_DEFAULT 0  /* no value: the column default ('' or NULL) */
#define KL_VAL_NULL    1
#define KL_VAL_INT     2
#define KL_VAL_REAL    3
#define KL_VAL_TEXT    4
typedef struct KqlLoadVal KqlLoadVal;
struct KqlLoadVal {
  int eVal;             /* KL_VAL_* */
  int bTransient;       /* TEXT: z is in p->conv or zBuf (copy it before reuse) */
  int64_t i;            /* INT */
  double r;             /* REAL */
  const char *z;        /* TEXT */
  int n;                /* bytes in z */
  char zBuf[40];        /* a GUID's text */
};

/* One column of the table being built. */
typedef struct KqlLoadCol KqlLoadCol;
struct KqlLoadCol {
  char *zName;          /* column name in the table (malloc'ed) */
  int eType;            /* KQL_T_* */
  int bInfer;           /* type inferred from the data (not the catalogue) */
  int bTimeHint;        /* CSV header "Name [UTC]": a portal datetime column */
  unsigned mCand;       /* inference: bit (1<<KQL_T_x) per type all values fit */
  int bSeen;            /* inference: a non-empty value was seen */
  int64_t iStamp;       /* record number that last set this column */
  int bInFile;          /* SAMPLE/SCAN: some record has a value for it */
  int iParam;           /* LOAD: its INSERT parameter (1-based), 0 if none */
  int bDefault;         /* LOAD: its parameter holds the default value now */
};

/* A JSON key, or CSV header name, that maps to a column. */
typedef struct KqlLoadKey KqlLoadKey;
struct KqlLoadKey {
  char *z;              /* key text (malloc'ed) */
  int n;                /* bytes in z */
  unsigned h;           /* hash of z */
  int iCol;             /* column it maps to */
};

/* A growable byte buffer. */
typedef struct KqlLoadStr KqlLoadStr;
struct KqlLoadStr {
  char *z;              /* bytes (malloc'ed) */
  size_t n;             /* bytes used */
  size_t nAlloc;        /* capacity */
};

/* The loader: one call of kqlLoadFile. */
typedef struct KqlLoader KqlLoader;
struct KqlLoader {
  sqlite3 *db;          /* target database */
  const char *zPath;    /* file being loaded (for messages) */
  const char *zTable;   /* SQL table name */
  const KqlTableDef *pDef;  /* catalogue schema, or NULL */
  int eFmt;             /* KL_FMT_* */
  int mFlags;           /* KQL_LOAD_* flags of kqlLoadFileEx */
  int ePass;            /* KL_PASS_* */
  int bExact;           /* inferred types hold for the whole file */
  char *zErr;           /* error message (malloc'ed), set with KL_ERROR */
  int bCantOpen;        /* the error is that the file cannot be opened */
  int fdSpool;          /* a pipe's contents copied to a temporary file, or -1 */
  KqlLoadBuf buf;       /* the input */
  KqlLoadStr scratch;   /* decoded cells of the current record */
  KqlLoadStr conv;      /* converted text of one cell (bound TRANSIENT) */
  int nCol;             /* columns in aCol */
  int nColAlloc;        /* capacity of aCol */
  KqlLoadCol *aCol;     /* table columns: catalogue ones first */
  int nKey;             /* keys in aKey */
  int nKeyAlloc;        /* capacity of aKey */
  KqlLoadKey *aKey;     /* names and keys mapped to columns */
  int nHash;            /* slots in aHash (a power of two) */
  int *aHash;           /* open addressing: index in aKey + 1, 0 empty */
  int nCell;            /* cells in aCell */
  int nCellAlloc;       /* capacity of aCell */
  KqlLoadCell *aCell;   /* the current record's values */
  int nFileCol;         /* CSV: fields per record (the header's) */
  int *aFileMap;        /* CSV: column of each field */
  int *aKeyCache;       /* JSON: key index last seen at member i, or -1 */
  int nKeyCache;        /* entries in aKeyCache */
  sqlite3_stmt *pIns;   /* the INSERT (LOAD) */
  int nParam;           /* columns the INSERT sets (the others: defaults) */
  int *aParamCol;       /* column of each INSERT parameter */
  int64_t nRec;         /* records processed in this pass */
  int64_t nRow;         /* rows inserted */
};

/******************************* load_buf.c *********************************/
int kqlLoadSpool(KqlLoader *p);
int kqlLoadBufOpen(KqlLoader *p);
void kqlLoadBufClose(KqlLoadBuf *pBuf);
/* Free everything a KqlLoader holds except zErr (the loader and the scan cursor). */
void kqlLoaderFree(KqlLoader *p);
int kqlLoadBufFill(KqlLoader *p);
int kqlLoadBufStart(KqlLoader *p);
void kqlLoadBufAdvance(KqlLoadBuf *pBuf, const char *zNext);
void kqlLoadBufAdvanceLines(KqlLoadBuf *pBuf, const char *zNext, int64_t nNl);
const char *kqlLoadUtf8Check(const char *z, size_t n, const char **pzWhy);
int kqlLoadCheckRecord(KqlLoader *p, const char *zEnd);
int kqlLoadError(KqlLoader *p, const char *zLoc, const char *zFmt, ...);
int kqlLoadStrReserve(KqlLoader *p, KqlLoadStr *pStr, size_t n);
void kqlLoadQuoteValue(char *zOut, size_t nOut, const char *z, size_t n);
unsigned kqlLoadHash(const char *z, int n);

/******************************* load_json.c ********************************/
int kqlLoadJsonPass(KqlLoader *p);
int kqlLoadJsonMinify(const char *z, int n, char *zOut, int *pnOut);
void kqlLoadJsonQuote(KqlLoadStr *pOut, const char *z, int n);
int kqlLoadJsonSkip(KqlLoader *p, const char **pz, const char *zEnd, int bEof);
int kqlLoadJsonString(KqlLoader *p, const char **pz, const char *zEnd, int bEof,
                      char **pzDec, const char **pzStr, int *pnStr);
int kqlLoadJsonCell(KqlLoader *p, const char **pz, const char *zEnd, char **pzDec,
                    int iCol, KqlLoadCell *pCell);

/******************************* load_api.c *********************************/
int kqlLoadApiSniff(KqlLoader *p);
int kqlLoadApiPass(KqlLoader *p);

/******************************* load_csv.c *********************************/
int kqlLoadCsvPass(KqlLoader *p);
int kqlLoadCsvRecord(KqlLoader *p, char cSep, const char **pzNext, int64_t *pnNl);
int kqlLoadCsvHeader(KqlLoader *p);

/******************************* load_cell.c ********************************/
unsigned kqlLoadCellMask(const KqlLoadCell *pCell, unsigned mWant);
int kqlLoadCellBind(KqlLoader *p, const KqlLoadCell *pCell);
int kqlLoadCellConvert(KqlLoader *p, const KqlLoadCell *pCell, int eType, KqlLoadVal *pVal);
int kqlLoadBindDefault(KqlLoader *p, int iCol);
int kqlLoadTypeFromMask(unsigned mCand, int bSeen);

/******************************* load_map.c *********************************/
int kqlLoadAddCatalogue(KqlLoader *p);
void kqlLoadResetInference(KqlLoader *p);
int kqlLoadColumnForKey(KqlLoader *p, const char *z, int n);
int kqlLoadKeyFind(KqlLoader *p, const char *z, int n);
int kqlLoadMapHeader(KqlLoader *p);
int kqlLoadRow(KqlLoader *p);

#endif
