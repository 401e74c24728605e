/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Growable arena strings for SQL text (see strbuf.h).
*/
#include "strbuf.h"
#include "catalog.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void kqlStrInit(KqlStr *p, KqlArena *pArena){
  p->pArena = pArena;
  p->nAlloc = 64;
  p->z = kqlArenaAlloc(pArena, (size_t)p->nAlloc);
  p->n = 0;
}

static void strGrow(KqlStr *p, int nNeed){
  if( p->n + nNeed + 1 <= p->nAlloc ) return;
  int nNew = p->nAlloc*2;
  while( nNew < p->n + nNeed + 1 ) nNew *= 2;
  char *z = kqlArenaAlloc(p->pArena, (size_t)nNew);
  memcpy(z, p->z, (size_t)p->n + 1);
  p->z = z;
  p->nAlloc = nNew;
}

void kqlStrAppend(KqlStr *p, const char *z, int n){
  if( n<0 ) n = (int)strlen(z);
  strGrow(p, n);
  memcpy(p->z + p->n, z, (size_t)n);
  p->n += n;
  p->z[p->n] = 0;
}

void kqlStrPrintf(KqlStr *p, const char *zFmt, ...){
  va_list ap;
  va_start(ap, zFmt);
  int n = vsnprintf(0, 0, zFmt, ap);
  va_end(ap);
  strGrow(p, n);
  va_start(ap, zFmt);
  vsnprintf(p->z + p->n, (size_t)n + 1, zFmt, ap);
  va_end(ap);
  p->n += n;
}

void kqlStrQuoteName(KqlStr *p, const char *z, int n){
  if( n<0 ) n = (int)strlen(z);
  strGrow(p, 2*n + 3);
  p->z[p->n++] = '"';
  for(int i=0; i<n; i++){
    if( z[i]==0 ) continue;
    if( z[i]=='"' ) p->z[p->n++] = '"';
    p->z[p->n++] = z[i];
  }
  p->z[p->n++] = '"';
  p->z[p->n] = 0;
}

void kqlStrIdent(KqlStr *p, const char *z, int n){
  if( n<0 ) n = (int)strlen(z);
  strGrow(p, 2*n + 4 + (n+3)/4 + KQL_SQL_SUFFIX_MAX(n));
  p->z[p->n++] = '"';
  for(int i=0; i<n; i++){
    if( z[i]==0 ) continue;          /* NUL never enters SQL text */
    if( z[i]=='"' || z[i]=='#' ) p->z[p->n++] = z[i];   /* '#' doubled: no name ends like a suffix */
    p->z[p->n++] = z[i];
  }
  /* names that differ only in case (catalog.h) get their case in a suffix;
  ** so do the query's own such names (bind_names.c), with "#q" */
  p->n += kqlCatalogSqlSuffix(z, n, p->z + p->n);
  if( kqlArenaIsCaseName(p->pArena, z, n) ){
    p->z[p->n++] = '#';
    p->z[p->n++] = 'q';
    for(int i=0; i<n; i+=4){            /* the case mask, 4 letters a digit */
      int d = 0;
      for(int j=0; j<4 && i+j<n; j++) if( z[i+j]>='A' && z[i+j]<='Z' ) d |= 1<<j;
      p->z[p->n++] = "0123456789abcdef"[d];
    }
  }
  p->z[p->n++] = '"';
  p->z[p->n] = 0;
}

const char *kqlStrText(KqlStr *p){ return p->z; }
