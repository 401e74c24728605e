/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqlite check: validate query files without running them. --syntax-only
** stops after parsing; otherwise each query is bound against the schema
** catalogue. Diagnostics print as FILE:LINE:COL: error: message [CODE] with
** the source line and a caret, or as JSON objects with --format json.
*/
#include "cli.h"
#include "kql.h"
#include "parse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int kqlCliCheck(int argc, char **argv){
  int bSyntax = 0, bJson = 0, nFile = 0, rc = 0;
  const char *zExpr = 0;
  for(int i=0; i<argc; i++){
    if( strcmp(argv[i], "--syntax-only")==0 ) bSyntax = 1;
    else if( strcmp(argv[i], "--format")==0 && i+1<argc ){
      const char *z = argv[++i];
      if( strcmp(z, "json")==0 ) bJson = 1;
      else if( strcmp(z, "text")!=0 ){
        fprintf(stderr, "kqlite: check: unknown format '%s' (text, json)\n", z);
        return 2;
      }
    }
    else if( strcmp(argv[i], "-e")==0 && i+1<argc ) zExpr = argv[++i];
    else if( argv[i][0]=='-' && argv[i][1] ){
      fprintf(stderr, "kqlite: check: unknown option '%s'\n", argv[i]);
      return 2;
    }
    else nFile++;
  }
  if( nFile==0 && zExpr==0 ){
    fprintf(stderr, "kqlite: check needs FILE... or -e 'QUERY'\n");
    return 2;
  }
  KqlEngine *pEng = 0;
  if( kql_open(&pEng)!=KQL_OK ) return 2;
  for(int i=0; i<argc || zExpr; i++){
    const char *zName;
    char *z;
    int n = 0;
    if( zExpr ){
      zName = "<query>";
      z = strdup(zExpr);
      n = (int)strlen(z);
    }else{
      if( argv[i][0]=='-' ){
        if( strcmp(argv[i], "--format")==0 ) i++;
        continue;
      }
      zName = argv[i];
      z = kqlCliReadFile(zName, &n);
      if( z==0 ){
        fprintf(stderr, "kqlite: cannot read %s\n", zName);
        rc = 2;
        continue;
      }
    }
    KqlSource src = { zName, z, n, 0, 0 };
    KqlArena *pArena = kqlArenaNew();
    KqlDiagList diags;
    kqlDiagInit(&diags, pArena);
    if( bSyntax ) kqlParse(pArena, z, n, &diags);
    else kql_check(pEng, &src, &diags);
    for(KqlDiag *d = diags.pFirst; d; d = d->pNext){
      if( bJson ){ kqlDiagPrintJson(stdout, &src, d); fputc('\n', stdout); }
      else kqlDiagPrint(stderr, &src, d);
    }
    if( diags.nErr && rc==0 ) rc = 1;
    kqlArenaFree(pArena);
    free(z);
    if( zExpr ) break;
  }
  kql_close(pEng);
  return rc;
}
