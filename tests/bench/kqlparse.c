/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** A tiny driver for the parser benchmark and for grammar work: parses each
** file named on the command line (or the lines of stdin with -l) and prints
** the AST dump (-d), the diagnostics, or with -q only a summary line:
** files, accepted, rejected, bytes, seconds.
*/
#include "parse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char *readFile(const char *zPath, long *pn){
  FILE *f = fopen(zPath, "rb");
  char *z;
  long n;
  if( f==0 ) return 0;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  z = malloc((size_t)n + 1);
  if( z==0 || fread(z, 1, (size_t)n, f)!=(size_t)n ){ fclose(f); free(z); return 0; }
  z[n] = 0;
  fclose(f);
  *pn = n;
  return z;
}

/* Parse one text; print what was asked; return 1 when it had no error. */
static int parseOne(const char *zName, const char *z, long n, int bDump, int bQuiet){
  KqlArena *pArena = kqlArenaNew();
  KqlDiagList diags;
  KqlAst *pQ;
  int ok;
  kqlDiagInit(&diags, pArena);
  pQ = kqlParse(pArena, z, (int)n, &diags);
  ok = diags.nErr==0;
  if( !bQuiet ){
    KqlSource src;
    const KqlDiag *d;
    memset(&src, 0, sizeof(src));
    src.zName = zName; src.z = z; src.n = (int)n;
    for(d=diags.pFirst; d; d=d->pNext) kqlDiagPrint(stdout, &src, d);
    if( bDump ){
      char *zDump = kqlAstDump(pQ);
      fputs(zDump, stdout);
      free(zDump);
    }
    if( !bDump ) printf("%s: %s\n", zName, ok ? "ok" : "error");
  }
  kqlArenaFree(pArena);
  return ok;
}

int main(int argc, char **argv){
  int bDump = 0, bQuiet = 0, nFile = 0, nOk = 0, i, nRep = 1;
  double nByte = 0;
  clock_t t0 = clock();
  for(i=1; i<argc; i++){
    if( strcmp(argv[i], "-d")==0 ){ bDump = 1; continue; }
    if( strcmp(argv[i], "-q")==0 ){ bQuiet = 1; continue; }
    if( strcmp(argv[i], "-r")==0 && i+1<argc ){ nRep = atoi(argv[++i]); continue; }
    if( strcmp(argv[i], "-e")==0 && i+1<argc ){
      const char *z = argv[++i];
      nOk += parseOne("<query>", z, (long)strlen(z), bDump, bQuiet);
      nFile++;
      continue;
    }
    long n = 0;
    char *z = readFile(argv[i], &n);
    if( z==0 ){ fprintf(stderr, "cannot read %s\n", argv[i]); continue; }
    for(int r=0; r<nRep; r++){
      nOk += parseOne(argv[i], z, n, bDump, bQuiet || r>0);
      nFile++;
      nByte += (double)n;
    }
    free(z);
  }
  double sec = (double)(clock() - t0) / CLOCKS_PER_SEC;
  if( bQuiet ){
    printf("files %d accepted %d rejected %d bytes %.0f seconds %.3f\n",
           nFile, nOk, nFile - nOk, nByte, sec);
  }
  return 0;
}
