/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internal interface of `kqlite check` (cli_check*.c). A file becomes one or
** more check units: the query text handed to the parser, plus a map from
** each byte of that text back to a byte of the file, so every diagnostic is
** reported at the file's own line and column (a YAML rule's query sits
** indented under `query: |`, or folded, quoted and escaped). The modules:
**   cli_check.c         options, walking files and directories, exit codes
**   cli_check_yaml.c    Sentinel rule/hunting YAML: the `query` field (libyaml)
**   cli_check_out.c     text, JSON and SARIF 2.1.0 output
**   cli_check_codes.c   the table of stable diagnostic codes (--list-codes)
**   cli_check_schema.c  --schemas DIR: table schemas from JSON files
**   cli_check_dialect.c --dialect: the service functions (Sentinel, Defender)
*/
#ifndef KQL_CLI_CHECK_H
#define KQL_CLI_CHECK_H
#include <stdio.h>
#include "arena.h"
#include "diag.h"

struct KqlEngine;

/*
** One query text to check and how its bytes map back to the file. When aMap
** is NULL the query is the whole file (zQuery==zText). Otherwise aMap[i] is
** the file offset of query byte i, for 0 <= i <= nQuery (the last entry is
** the file offset just past the query).
*/
typedef struct KqlCheckUnit KqlCheckUnit;
struct KqlCheckUnit {
  const char *zFile;     /* file name as given ("<query>" for -e, "<stdin>" for -) */
  const char *zText;     /* the whole file (NUL-terminated) */
  int nText;             /* bytes in zText */
  const char *zQuery;    /* the query text (NUL-terminated) */
  int nQuery;            /* bytes in zQuery */
  const int *aMap;       /* query offset -> file offset, nQuery+1 entries; or NULL */
};

/* ---- cli_check.c --------------------------------------------------- */

/*
** Check the query of pUnit as `kqlite check` does: parse only
** (bSyntaxOnly), or parse and bind against pEng's catalogue (pEng's
** dialect must be eDialect, KQL_DIALECT_*), with the dialect's prelude in
** front and its rewrites applied. Diagnostics are appended to
** pDiags (which must hold no error yet: kql_check stops after parsing when
** it does) with offsets into pUnit->zQuery; "not supported" (KQL190) and
** the offline codes (KQL390, KQL391) are made warnings, and a position a
** message names ("to close '(' at L:C") is given in pUnit's file. Returns
** the number of errors added.
*/
int kqlCheckQueryText(struct KqlEngine *pEng, const KqlCheckUnit *pUnit, int bSyntaxOnly,
                      int eDialect, KqlDiagList *pDiags);

/* ---- cli_check_yaml.c ---------------------------------------------- */

/*
** Called for each `query` field found in a YAML text: pUnit describes it
** (its strings and map live in the arena given to kqlCheckYaml).
*/
typedef void (*KqlCheckUnitFn)(void *pArg, const KqlCheckUnit *pUnit);

/*
** Find the top-level `query` field of every document in the YAML text
** zText[0..nText) and call xUnit for each. Problems with the file itself
** (invalid YAML: KQL003; no `query` field: KQL002 warning; a `query` that is
** not a string: KQL004) are appended to pDiags with offsets into zText.
** Allocations go to pArena. Returns the number of units found.
*/
int kqlCheckYaml(KqlArena *pArena, const char *zFile, const char *zText, int nText,
                 KqlDiagList *pDiags, KqlCheckUnitFn xUnit, void *pArg);

/* ---- cli_check_out.c ----------------------------------------------- */

#define KQL_CHECK_FMT_TEXT  0
#define KQL_CHECK_FMT_JSON  1
#define KQL_CHECK_FMT_SARIF 2

/* A diagnostic located in its file: 1-based lines, columns in characters. */
typedef struct KqlCheckLoc KqlCheckLoc;
struct KqlCheckLoc {
  int iOfst, nLen;        /* byte span in the file */
  int iLine, iCol;        /* start */
  int iEndLine, iEndCol;  /* end (exclusive column) */
};

/* Locate diagnostic pDiag (offsets into pUnit->zQuery) in pUnit's file. */
void kqlCheckLocate(const KqlCheckUnit *pUnit, const KqlDiag *pDiag, KqlCheckLoc *pLoc);

/* Output state: one per run; results for SARIF are buffered until the end. */
typedef struct KqlCheckOut KqlCheckOut;

/* New output writer for format eFmt (KQL_CHECK_FMT_*) to out; NULL on OOM. */
KqlCheckOut *kqlCheckOutNew(FILE *out, int eFmt);
/* Write every diagnostic of pDiags (offsets into pUnit's query). */
void kqlCheckOutUnit(KqlCheckOut *p, const KqlCheckUnit *pUnit, const KqlDiagList *pDiags);
/* Finish the output (the SARIF document is written here) and free p. */
void kqlCheckOutFinish(KqlCheckOut *p);

/* Append z (n bytes, or strlen when n<0) as a JSON string literal. */
void kqlCheckJsonString(FILE *out, const char *z, long n);

/* ---- cli_check_codes.c --------------------------------------------- */

/* One stable diagnostic code. */
typedef struct KqlCheckCode KqlCheckCode;
struct KqlCheckCode {
  const char *zCode;     /* "KQL103" */
  const char *zLevel;    /* "error" or "warning" as `kqlite check` reports it */
  const char *zTitle;    /* one line: what the code means */
};

/* Number of codes, and code i in ascending order. */
int kqlCheckCodeCount(void);
const KqlCheckCode *kqlCheckCodeAt(int i);
/* The entry for zCode, or NULL. */
const KqlCheckCode *kqlCheckCodeFind(const char *zCode);
/* Print the table (code, level, meaning), one code per line. */
void kqlCheckListCodes(FILE *out);

/* ---- cli_check_schema.c -------------------------------------------- */

/*
** Register with pEng every table schema in zPath: a JSON file, or a
** directory whose *.json files are each {"name": T, "columns": [{"name",
** "type"}, ...]}. Returns the number of tables added, or -1 after writing
** "PATH: message" to zErr (nErr bytes).
*/
int kqlCheckLoadSchemas(struct KqlEngine *pEng, const char *zPath, char *zErr, int nErr);

/* ---- cli_check_dialect.c ------------------------------------------- */

/*
** KQL text defining, as `let` functions, the tabular functions a service
** provides (Defender's FileProfile(), Sentinel's _GetWatchlist() ...) for
** dialect eDialect (KQL_DIALECT_*); "" when there are none. The text ends
** with a newline and is prepended to each query checked.
*/
const char *kqlCheckDialectPrelude(int eDialect);
/*
** Rewrite query text z[0..n) where dialect eDialect needs it for checking
** (Defender: invoke FileProfile(SHA1) becomes FileProfile('SHA1')). Returns
** NULL when nothing changes; else the new text (in pArena, NUL-terminated,
** *pnOut bytes) and in *paMap, for each of its bytes and one past the end,
** the offset in z it comes from.
*/
char *kqlCheckDialectRewrite(KqlArena *pArena, int eDialect, const char *z, int n,
                             int *pnOut, int **paMap);
/* KQL_DIALECT_* for a name ("sentinel", "defender", "none"), or -1. */
int kqlCheckDialectFromName(const char *zName);

#endif
