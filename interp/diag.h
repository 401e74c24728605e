/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Diagnostics with byte spans (jq's locfile design). A KqlSource is one query
** text with its file name; a KqlDiag is {offset, length, severity, code,
** message} into that text. Lines and columns are worked out only when a
** diagnostic is printed: FILE:LINE:COL: error: message, then the source line
** and a caret/underline under the span. Columns count characters (UTF-8 code
** points), from 1.
*/
#ifndef KQL_DIAG_H
#define KQL_DIAG_H
#include <stdio.h>
#include "arena.h"

typedef struct KqlSource KqlSource;
struct KqlSource {
  const char *zName;    /* file name as given, or "<query>" for -e */
  const char *z;        /* the text (NUL-terminated) */
  int n;                /* bytes in z */
  int iLineBase;        /* line number of z's first line, minus 1 (YAML embedding) */
  int iColBase;         /* columns added on every line (YAML indentation) */
};

#define KQL_SEV_ERROR   0
#define KQL_SEV_WARNING 1

typedef struct KqlDiag KqlDiag;
struct KqlDiag {
  KqlDiag *pNext;       /* next diagnostic, in report order */
  int iOfst;            /* byte offset of the span in the source */
  int nLen;             /* bytes in the span (0 = a point) */
  int eSev;             /* KQL_SEV_* */
  const char *zCode;    /* stable code, e.g. "KQL001" (never NULL) */
  const char *zMsg;     /* message, lower case, quotes the offending text */
};

typedef struct KqlDiagList KqlDiagList;
struct KqlDiagList {
  KqlArena *pArena;     /* where messages are allocated */
  KqlDiag *pFirst, *pLast;
  int nErr;             /* errors so far */
  int nWarn;            /* warnings so far */
};

void kqlDiagInit(KqlDiagList *p, KqlArena *pArena);
/* Append a diagnostic; returns it. The message is printf-formatted into the arena. */
KqlDiag *kqlDiagAdd(KqlDiagList *p, int eSev, const char *zCode, int iOfst, int nLen,
                    const char *zFmt, ...) __attribute__((format(printf, 6, 7)));
/* 1-based line and column (in characters) of byte offset iOfst. */
void kqlDiagLocate(const KqlSource *pSrc, int iOfst, int *piLine, int *piCol);
/* Print one diagnostic as text: header line, source line, caret line. */
void kqlDiagPrint(FILE *out, const KqlSource *pSrc, const KqlDiag *pDiag);
/* Print one diagnostic as a JSON object on one line (no trailing newline). */
void kqlDiagPrintJson(FILE *out, const KqlSource *pSrc, const KqlDiag *pDiag);
/* Append s as a JSON string literal (with quotes) to out. */
void kqlJsonPutString(FILE *out, const char *s, long n);

#endif
