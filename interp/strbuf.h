/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** A growable string in the query arena, used by the binder to build SQL text.
** User text enters SQL only through kqlStrIdent (a double-quoted identifier,
** embedded quotes doubled) or as a bound parameter; there is no other way.
*/
#ifndef KQL_STRBUF_H
#define KQL_STRBUF_H
#include "arena.h"

typedef struct KqlStr KqlStr;
struct KqlStr {
  KqlArena *pArena;     /* where the text lives */
  char *z;              /* text so far, NUL-terminated */
  int n;                /* bytes in z */
  int nAlloc;           /* bytes allocated for z */
};

void kqlStrInit(KqlStr *p, KqlArena *pArena);
void kqlStrAppend(KqlStr *p, const char *z, int n);  /* n<0: strlen */
void kqlStrPrintf(KqlStr *p, const char *zFmt, ...) __attribute__((format(printf, 2, 3)));
/* Append z[0..n) as a quoted SQL identifier: "a""b"; a name that differs
** only in case from a catalogue column gets a suffix (catalog.h). */
void kqlStrIdent(KqlStr *p, const char *z, int n);
/* z[0..n) double-quoted as kqlStrIdent does, without the case suffix: for
** a name that is not a column (a JSON path key). */
void kqlStrQuoteName(KqlStr *p, const char *z, int n);
/* The finished text (stays valid: arena memory). */
const char *kqlStrText(KqlStr *p);

#endif
