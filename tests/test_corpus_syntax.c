/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Syntax agreement with Microsoft's own KQL parser on the published hunt
** corpus: parses every ../shared/corpus/hunts/<dir>/<file>.kql named in
** ORACLE.jsonl and compares acceptance with the oracle's "syntax_ok" verdict.
** kqlite must accept at least 99.5% of what the oracle accepts and reject at
** least 75% of what it rejects. The counts and every disagreeing file (with
** kqlite's first error) are logged. Skipped when the corpus is absent.
*/
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "parse.h"

#define CORPUS_DIR "../shared/corpus/hunts"

/* Read a whole file (NUL-terminated, malloc'ed); NULL when unreadable. */
static char *readAll(const char *zPath, long *pn){
  FILE *f = fopen(zPath, "rb");
  char *z = 0;
  long n;
  if( f==0 ) return 0;
  if( fseek(f, 0, SEEK_END)==0 && (n = ftell(f))>=0 && fseek(f, 0, SEEK_SET)==0 ){
    z = malloc((size_t)n + 1);
    if( z && fread(z, 1, (size_t)n, f)==(size_t)n ){
      z[n] = 0;
      *pn = n;
    }else{
      free(z);
      z = 0;
    }
  }
  fclose(f);
  return z;
}

/* Copy the JSON string value of "zKey" in line zLine into zOut; 0 if absent.
** ORACLE.jsonl file names contain no escapes. */
static int jsonString(const char *zLine, const char *zKey, char *zOut, size_t nOut){
  char zPat[64];
  const char *p, *e;
  snprintf(zPat, sizeof(zPat), "\"%s\": \"", zKey);
  p = strstr(zLine, zPat);
  if( p==0 ) return 0;
  p += strlen(zPat);
  e = strchr(p, '"');
  if( e==0 || (size_t)(e-p)>=nOut ) return 0;
  memcpy(zOut, p, (size_t)(e-p));
  zOut[e-p] = 0;
  return 1;
}

/* 1/0 for the boolean value of "zKey"; -1 when absent. */
static int jsonBool(const char *zLine, const char *zKey){
  char zPat[64];
  const char *p;
  snprintf(zPat, sizeof(zPat), "\"%s\": ", zKey);
  p = strstr(zLine, zPat);
  if( p==0 ) return -1;
  p += strlen(zPat);
  if( strncmp(p, "true", 4)==0 ) return 1;
  if( strncmp(p, "false", 5)==0 ) return 0;
  return -1;
}

Test(corpus, syntax_agrees_with_oracle, .timeout = 60){
  FILE *f = fopen(CORPUS_DIR "/ORACLE.jsonl", "rb");
  char *zLine = 0;
  size_t nLine = 0;
  int nOracleOk = 0, nOracleBad = 0, nBothOk = 0, nBothBad = 0, nMissing = 0;
  if( f==0 ) cr_skip_test("corpus not found at " CORPUS_DIR "/ORACLE.jsonl");
  while( getline(&zLine, &nLine, f)>0 ){
    char zFile[512], zPath[700];
    int bOracle = jsonBool(zLine, "syntax_ok");
    long n = 0;
    char *zText;
    if( !jsonString(zLine, "file", zFile, sizeof(zFile)) || bOracle<0 ) continue;
    snprintf(zPath, sizeof(zPath), "%s/%s", CORPUS_DIR, zFile);
    zText = readAll(zPath, &n);
    if( zText==0 ){ nMissing++; continue; }
    KqlArena *pArena = kqlArenaNew();
    KqlDiagList diags;
    kqlDiagInit(&diags, pArena);
    kqlParse(pArena, zText, (int)n, &diags);
    int bOk = diags.nErr==0;
    if( bOracle ){
      nOracleOk++;
      if( bOk ) nBothOk++;
      else cr_log_info("rejected, oracle accepts: %s (offset %d: %s)", zFile,
                       diags.pFirst->iOfst, diags.pFirst->zMsg);
    }else{
      nOracleBad++;
      if( !bOk ) nBothBad++;
      else cr_log_info("accepted, oracle rejects: %s", zFile);
    }
    kqlArenaFree(pArena);
    free(zText);
  }
  free(zLine);
  fclose(f);
  cr_log_info("corpus: oracle accepts %d, kqlite accepts %d of them; oracle rejects %d, "
              "kqlite rejects %d of them; %d files missing",
              nOracleOk, nBothOk, nOracleBad, nBothBad, nMissing);
  cr_assert(nOracleOk + nOracleBad > 0, "no corpus entries read");
  cr_expect(nBothOk*1000 >= nOracleOk*995, "accepted %d of %d (< 99.5%%)", nBothOk, nOracleOk);
  cr_expect(nBothBad*100 >= nOracleBad*75, "rejected %d of %d (< 75%%)", nBothBad, nOracleBad);
}
