/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The per-query bump allocator. Every token copy, AST node, bound expression,
** plan node and SQL fragment of one query lives in one KqlArena and is freed
** by a single kqlArenaFree(). Resources that are not arena memory register a
** cleanup with kqlArenaOnFree(), which runs (newest first) at kqlArenaFree().
** Ownership rule: nothing allocated from an arena is ever freed on its own.
*/
#ifndef KQL_ARENA_H
#define KQL_ARENA_H
#include <stddef.h>

typedef struct KqlArena KqlArena;

KqlArena *kqlArenaNew(void);
void kqlArenaFree(KqlArena *p);
/* Zeroed memory, 16-byte aligned; never NULL (aborts on out-of-memory). */
void *kqlArenaAlloc(KqlArena *p, size_t n);
/* Copy of z[0..n) plus a NUL terminator. n<0 means strlen(z). */
char *kqlArenaStrdup(KqlArena *p, const char *z, long n);
/* printf into the arena. */
char *kqlArenaPrintf(KqlArena *p, const char *zFmt, ...)
  __attribute__((format(printf, 2, 3)));
/* Register xFree(pArg) to run when the arena is freed. */
void kqlArenaOnFree(KqlArena *p, void (*xFree)(void *), void *pArg);
/* The query's own column spellings that SQL must keep apart from another
** spelling differing only in case (the binder sets them, bind_names.c;
** kqlStrIdent reads them): azName[0..nName), arena memory. */
void kqlArenaSetCaseNames(KqlArena *p, const char *const *azName, int nName);
int kqlArenaIsCaseName(const KqlArena *p, const char *z, int n);

#endif
