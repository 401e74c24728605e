/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqlite gen: write deterministic synthetic log tables for labs and tests.
**   kqlite gen --tables T1,T2|all --out DIR [--rows N] [--format csv|jsonl]
**              [--seed N] [--now DATETIME] [--days N] [--plant-ioc IP[:PORT]]...
**   kqlite gen --list [--tables T1,...]
** Each table goes to DIR/<Table>.csv or .jsonl (written to a temporary name
** and renamed, so a failed run leaves no half file). What was planted is
** reported on stderr. Exit codes: 0 success, 2 usage or I/O error.
*/
#include "cli.h"
#include "gen.h"
#include "value.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>

#define EXIT_USAGE 2

static void genUsage(FILE *out){
  fputs(
    "usage: kqlite gen --tables T1,T2,...|all --out DIR [options]\n"
    "       kqlite gen --list [--tables T1,...]\n"
    "options:\n"
    "  --tables LIST          catalogue tables, comma-separated, or 'all'\n"
    "  --out DIR              write DIR/<Table>.csv or .jsonl (DIR is created);\n"
    "                         '-' writes one table to standard output\n"
    "  --rows N               rows per table (default 1000)\n"
    "  --format csv|jsonl     output format (default csv)\n"
    "  --seed N               PRNG seed (default 0): the same seed and options\n"
    "                         always give the same bytes\n"
    "  --now DATETIME         end of the time window (default 2026-06-10T00:00:00Z)\n"
    "  --days N               length of the time window in days (default 7)\n"
    "  --plant-ioc IP[:PORT]  plant rows a hunt for IP must find, and near-miss\n"
    "                         decoys it must not (repeatable; [IPV6]:PORT for IPv6)\n"
    "  --list                 list the tables; with --tables, each column's generator\n", out);
}

static int usageError(const char *zFmt, const char *zArg){
  fprintf(stderr, "kqlite: gen: ");
  fprintf(stderr, zFmt, zArg);
  fputc('\n', stderr);
  genUsage(stderr);
  return EXIT_USAGE;
}

/* A whole decimal (or 0x hex) number in [0, iMax]. Returns 0 or -1. */
static int parseCount(const char *z, unsigned long long iMax, unsigned long long *pV){
  char *zEnd = 0;
  if( z==0 || z[0]==0 || z[0]=='-' || z[0]=='+' || z[0]==' ' ) return -1;
  errno = 0;
  unsigned long long v = strtoull(z, &zEnd, 0);
  if( errno || *zEnd || v>iMax ) return -1;
  *pV = v;
  return 0;
}

/* The table named z[0..n), or NULL after printing an error. */
static const KqlTableDef *findTable(const char *z, int n){
  const KqlTableDef *p = kqlCatalogFind(z, n);
  if( p ) return p;
  fprintf(stderr, "kqlite: gen: unknown table '%.*s'", n, z);
  for(int i=0; i<kqlCatalogCount(); i++){
    const KqlTableDef *q = kqlCatalogAt(i);
    if( (int)strlen(q->zName)==n && strncasecmp(q->zName, z, (size_t)n)==0 ){
      fprintf(stderr, " (did you mean '%s'?)", q->zName);
      break;
    }
  }
  fprintf(stderr, "; 'kqlite gen --list' lists the %d tables\n", kqlCatalogCount());
  return 0;
}

/* Parse "A,B,all" into a list of distinct tables (malloc'ed array,
** *pn entries). Returns 0, or -1 after printing an error. */
static int parseTables(const char *zList, const KqlTableDef ***paOut, int *pn){
  int nCat = kqlCatalogCount();
  const KqlTableDef **a = calloc((size_t)nCat + 1, sizeof(*a));
  int n = 0;
  if( a==0 ) return -1;
  for(const char *z = zList; ; ){
    const char *zComma = strchr(z, ',');
    int nName = zComma ? (int)(zComma - z) : (int)strlen(z);
    while( nName>0 && z[0]==' ' ){ z++; nName--; }
    while( nName>0 && z[nName-1]==' ' ) nName--;
    if( nName==3 && strncmp(z, "all", 3)==0 ){
      for(int i=0; i<nCat; i++){
        const KqlTableDef *p = kqlCatalogAt(i);
        int bDup = 0;
        for(int j=0; j<n; j++) if( a[j]==p ) bDup = 1;
        if( !bDup ) a[n++] = p;
      }
    }else if( nName>0 ){
      const KqlTableDef *p = findTable(z, nName);
      if( p==0 ){ free(a); return -1; }
      int bDup = 0;
      for(int j=0; j<n; j++) if( a[j]==p ) bDup = 1;
      if( !bDup ) a[n++] = p;
    }
    if( zComma==0 ) break;
    z = zComma + 1;
  }
  if( n==0 ){
    free(a);
    fprintf(stderr, "kqlite: gen: --tables names no table\n");
    return -1;
  }
  *paOut = a;
  *pn = n;
  return 0;
}

/* mkdir -p zDir. Returns 0 or -1 (errno set). */
static int makeDirs(const char *zDir){
  char *z = strdup(zDir);
  int rc = 0;
  if( z==0 ) return -1;
  for(char *p = z+1; ; p++){
    if( *p=='/' || *p==0 ){
      char c = *p;
      *p = 0;
      if( mkdir(z, 0777) && errno!=EEXIST ){ rc = -1; break; }
      *p = c;
      if( c==0 ) break;
    }
  }
  struct stat st;
  if( rc==0 && (stat(zDir, &st) || !S_ISDIR(st.st_mode)) ){
    if( errno==0 ) errno = ENOTDIR;
    rc = -1;
  }
  free(z);
  return rc;
}

static double nowSeconds(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec*1e-9;
}

/* Report what was planted in one table. */
static void reportPlanted(const KqlGenOpts *o, const KqlTableDef *pDef, const KqlGenReport *r){
  for(int i=0; i<o->nIoc; i++){
    const KqlGenPlanted *pl = &r->aIoc[i];
    if( pl->bNoColumn ){
      fprintf(stderr, "nothing planted for %s in %s: it has no address column\n",
              o->aIoc[i].zIp, pDef->zName);
    }else{
      fprintf(stderr, "planted %d hits for %s in %s (and %d near-miss decoys that must not match)\n",
              pl->nHit, o->aIoc[i].zIp, pDef->zName, pl->nDecoy);
    }
  }
}

/* Generate one table into zDir (or stdout when zDir is "-"). */
static int genOne(const KqlTableDef *pDef, const KqlGenOpts *o, const char *zDir){
  KqlGenReport rep;
  char *zErr = 0;
  double t0 = nowSeconds();
  int rc;
  if( strcmp(zDir, "-")==0 ){
    rc = kqlGenTable(pDef, o, stdout, &rep, &zErr);
    if( rc ){
      fprintf(stderr, "kqlite: gen: %s: %s\n", pDef->zName, zErr ? zErr : "failed");
      free(zErr);
      return EXIT_USAGE;
    }
    reportPlanted(o, pDef, &rep);
    return 0;
  }
  const char *zExt = o->eFormat==KQL_GEN_JSONL ? "jsonl" : "csv";
  size_t nPath = strlen(zDir) + strlen(pDef->zName) + 32;
  char *zPath = malloc(nPath), *zTmp = malloc(nPath);
  if( zPath==0 || zTmp==0 ){ free(zPath); free(zTmp); return EXIT_USAGE; }
  snprintf(zPath, nPath, "%s/%s.%s", zDir, pDef->zName, zExt);
  snprintf(zTmp, nPath, "%s/.%s.%s.tmp", zDir, pDef->zName, zExt);
  FILE *f = fopen(zTmp, "wb");
  if( f==0 ){
    fprintf(stderr, "kqlite: gen: cannot write %s: %s\n", zTmp, strerror(errno));
    free(zPath); free(zTmp);
    return EXIT_USAGE;
  }
  rc = kqlGenTable(pDef, o, f, &rep, &zErr);
  if( fclose(f) && rc==0 ){
    rc = -1;
    zErr = strdup(strerror(errno));
  }
  if( rc==0 && rename(zTmp, zPath) ){
    rc = -1;
    zErr = strdup(strerror(errno));
  }
  if( rc ){
    fprintf(stderr, "kqlite: gen: %s: %s\n", zPath, zErr ? zErr : "failed");
    remove(zTmp);
  }else{
    double dt = nowSeconds() - t0;
    fprintf(stderr, "wrote %s: %lld rows, %.1f MB in %.2f s\n", zPath,
            (long long)rep.nRow, (double)rep.nByte/1e6, dt);
    reportPlanted(o, pDef, &rep);
  }
  free(zErr);
  free(zPath);
  free(zTmp);
  return rc ? EXIT_USAGE : 0;
}

int kqlCliGen(int argc, char **argv){
  KqlGenOpts o;
  const char *zTables = 0, *zOut = 0;
  int bList = 0;
  kqlGenOptsInit(&o);
  static const char *const azKnown[] = {
    "--tables", "--out", "--rows", "--seed", "--days", "--format", "--now", "--plant-ioc",
  };
  for(int i=0; i<argc; i++){
    const char *zOpt = argv[i];
    const char *zVal = 0;
    char zName[32];
    const char *zEq = strchr(zOpt, '=');
    int bKnown = 0;
    if( strcmp(zOpt, "-h")==0 || strcmp(zOpt, "--help")==0 ){
      genUsage(stdout);
      return 0;
    }
    if( strcmp(zOpt, "--list")==0 ){ bList = 1; continue; }
    if( strncmp(zOpt, "--", 2)!=0 ) return usageError("unexpected argument '%s'", zOpt);
    if( zEq ){
      if( zEq - zOpt >= (int)sizeof(zName) ) return usageError("unknown option '%s'", zOpt);
      memcpy(zName, zOpt, (size_t)(zEq - zOpt));
      zName[zEq - zOpt] = 0;
      zOpt = zName;
    }
    for(unsigned k=0; k<sizeof(azKnown)/sizeof(azKnown[0]); k++){
      if( strcmp(zOpt, azKnown[k])==0 ) bKnown = 1;
    }
    if( !bKnown ) return usageError("unknown option '%s'", argv[i]);
    if( zEq ){
      zVal = zEq + 1;
    }else{
      if( i+1>=argc ) return usageError("option '%s' needs a value", zOpt);
      zVal = argv[++i];
    }
    unsigned long long v;
    if( strcmp(zOpt, "--tables")==0 ){
      zTables = zVal;
    }else if( strcmp(zOpt, "--out")==0 ){
      if( zVal[0]==0 ) return usageError("--out needs a directory%s", "");
      zOut = zVal;
    }else if( strcmp(zOpt, "--rows")==0 ){
      if( parseCount(zVal, (unsigned long long)KQL_GEN_MAX_ROWS, &v) ){
        return usageError("--rows needs a whole number from 0 to 10000000000, got '%s'", zVal);
      }
      o.nRow = (int64_t)v;
    }else if( strcmp(zOpt, "--seed")==0 ){
      if( parseCount(zVal, ~0ULL, &v) ) return usageError("--seed needs a non-negative integer, got '%s'", zVal);
      o.iSeed = v;
    }else if( strcmp(zOpt, "--days")==0 ){
      if( parseCount(zVal, 36500, &v) || v==0 ){
        return usageError("--days needs a whole number from 1 to 36500, got '%s'", zVal);
      }
      o.nDay = (int)v;
    }else if( strcmp(zOpt, "--format")==0 ){
      if( strcmp(zVal, "csv")==0 ) o.eFormat = KQL_GEN_CSV;
      else if( strcmp(zVal, "jsonl")==0 ) o.eFormat = KQL_GEN_JSONL;
      else return usageError("--format must be csv or jsonl, got '%s'", zVal);
    }else if( strcmp(zOpt, "--now")==0 ){
      int64_t t;
      if( kqlValParseDatetime(zVal, (int)strlen(zVal), &t) ){
        return usageError("--now: not a datetime: '%s'", zVal);
      }
      o.iNow = t;
    }else if( strcmp(zOpt, "--plant-ioc")==0 ){
      if( o.nIoc>=KQL_GEN_MAX_IOC ) return usageError("at most 16 --plant-ioc%s", "");
      if( kqlGenParseIoc(zVal, &o.aIoc[o.nIoc]) ){
        return usageError("--plant-ioc needs IP, IP:PORT or [IPV6]:PORT, got '%s'", zVal);
      }
      for(int j=0; j<o.nIoc; j++){
        if( strcmp(o.aIoc[j].zIp, o.aIoc[o.nIoc].zIp)==0 ){
          return usageError("--plant-ioc '%s' given twice", zVal);
        }
      }
      o.nIoc++;
    }
  }

  const KqlTableDef **aTab = 0;
  int nTab = 0, rc = 0;
  if( bList ){
    if( zTables==0 ){
      for(int i=0; i<kqlCatalogCount(); i++) printf("%s\n", kqlCatalogAt(i)->zName);
      return 0;
    }
    if( parseTables(zTables, &aTab, &nTab) ) return EXIT_USAGE;
    for(int i=0; i<nTab; i++){
      if( nTab>1 ) printf("%s== %s\n", i ? "\n" : "", aTab[i]->zName);
      kqlGenDescribe(aTab[i], stdout);
    }
    free(aTab);
    return 0;
  }
  if( zTables==0 ) return usageError("--tables is required%s", "");
  if( zOut==0 ) return usageError("--out is required%s", "");
  if( parseTables(zTables, &aTab, &nTab) ) return EXIT_USAGE;
  if( strcmp(zOut, "-")==0 && nTab>1 ){
    free(aTab);
    return usageError("--out - writes one table, not %s", "several");
  }
  if( strcmp(zOut, "-")!=0 && makeDirs(zOut) ){
    fprintf(stderr, "kqlite: gen: cannot create directory %s: %s\n", zOut, strerror(errno));
    free(aTab);
    return EXIT_USAGE;
  }
  for(int i=0; i<nTab && rc==0; i++) rc = genOne(aTab[i], &o, zOut);
  free(aTab);
  return rc;
}
