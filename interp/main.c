/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The kqlite command line:
**   kqlite run [options] FILE.kql...      run query files (one result per file)
**   kqlite run [options] -e 'QUERY'       run a query given inline
**   kqlite check [options] FILE...        validate queries (cli_check.c)
**   kqlite explain --ast|--sql FILE|-e Q  print the parse tree or the generated SQL
** Exit codes: 0 success, 1 query error, 2 usage or I/O error, 3 a source is
** not available offline. Errors: FILE:LINE:COL: error: message, the source
** line and a caret, on stderr.
*/
#include "cache.h"
#include "cli.h"
#include "kql.h"
#include "parse.h"
#include "render.h"
#include "value.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define EXIT_QUERY 1
#define EXIT_USAGE 2

static void usage(FILE *out){
  fputs(
    "usage: kqlite run [options] FILE.kql...\n"
    "       kqlite run [options] -e 'QUERY'\n"
    "       kqlite repl [options]                 interactive prompt (.help inside)\n"
    "       kqlite gen --tables T1,...|all --out DIR [options]   lab data (kqlite gen --help)\n"
    "       kqlite check [--syntax-only] [--format text|json|sarif] FILE|DIR...\n"
    "       kqlite explain --ast|--sql [options] FILE.kql | -e 'QUERY'\n"
    "options:\n"
    "  --data DIR            tables come from DIR/<Table>.csv|.tsv|.json|.jsonl|.ndjson[.gz]\n"
    "  --table NAME=PATH     table NAME comes from file PATH (repeatable)\n"
    "  --format FMT          table|csv|tsv|json|jsonl|markdown (default: table on a\n"
    "                        terminal, csv otherwise)\n"
    "  --now DATETIME        the instant now() and ago() measure from\n"
    "  --externaldata URL=PATH   externaldata(...)[URL] reads the local file PATH\n"
    "  --externaldata-dir DIR    ... or DIR/<file name of the URL>\n"
    "  -e QUERY              the query text itself instead of a file\n"
    "  --watchlist ALIAS[:KEY]=PATH  _GetWatchlist('ALIAS') reads CSV file PATH\n"
    "                        (KEY: its SearchKey column, default the first)\n"
    "  --watchlist-dir DIR   ... or DIR/ALIAS.csv\n"
    "  --geoip FILE.mmdb     geo_info_from_ip_address() answers from this MaxMind database\n"
    "  --cache DIR           keep a typed, indexed SQLite copy of each data file read\n"
    "                        (1 MiB or more) in DIR for later runs (default:\n"
    "                        $XDG_CACHE_HOME/kqlite, else ~/.cache/kqlite)\n"
    "  --no-cache            neither read nor write the cache\n"
    "  --no-stream           load every table into memory instead of streaming\n"
    "                        single-pass reads of CSV/TSV files (KQLITE_NO_STREAM=1)\n"
    "exit codes: 0 ok, 1 query error, 2 usage or I/O error, 3 not available offline\n", out);
}

typedef struct Opts Opts;
struct Opts {
  const char *zData;
  int eFmt;             /* KQL_FMT_* or -1 for the default */
  const char *zNow;
  const char *zExpr;    /* -e */
  int nFile;
  const char **azFile;
  int nTable;
  const char **azTable; /* NAME=PATH */
  int bSyntaxOnly;
  int bRepl;            /* kqlite repl */
  int bJsonDiag;
  int mDump;            /* explain: 1 ast, 4 sql */
  int nExt;
  const char **azExt;   /* --externaldata URL=PATH */
  const char *zExtDir;  /* --externaldata-dir */
  int nWatch;
  const char **azWatch; /* --watchlist ALIAS[:KEY]=PATH */
  const char *zWatchDir;  /* --watchlist-dir */
  const char *zGeoIp;   /* --geoip */
  const char *zCache;   /* --cache DIR */
  int bNoCache;         /* --no-cache */
  int bNoStream;        /* --no-stream */
};

typedef struct RunCtx RunCtx;
struct RunCtx {
  int eFmt;
  int iTable;           /* results printed so far */
  int nFile;            /* files in this invocation (labels when > 1) */
  const char *zLabel;
  int rc;
};

static int printResult(void *pArg, KqlResult *pRes){
  RunCtx *c = pArg;
  if( c->nFile>1 && c->eFmt!=KQL_FMT_JSON && c->eFmt!=KQL_FMT_JSONL ){
    if( c->iTable ) fputc('\n', stdout);
    fprintf(stdout, "%s %s\n", c->eFmt==KQL_FMT_MARKDOWN ? "###" : "==>", c->zLabel);
  }else if( c->iTable && (c->eFmt==KQL_FMT_CSV || c->eFmt==KQL_FMT_TSV || c->eFmt==KQL_FMT_TABLE
                          || c->eFmt==KQL_FMT_MARKDOWN) ){
    fputc('\n', stdout);
  }
  int rc = kqlRenderResult(stdout, c->eFmt, pRes, c->iTable);
  c->iTable++;
  if( rc!=KQL_OK ) c->rc = rc;
  return 0;
}

static void printDiags(const Opts *o, const KqlSource *pSrc, KqlDiagList *pDiags){
  for(KqlDiag *d = pDiags->pFirst; d; d = d->pNext){
    if( o->bJsonDiag ){
      kqlDiagPrintJson(stdout, pSrc, d);
      fputc('\n', stdout);
    }else{
      kqlDiagPrint(stderr, pSrc, d);
    }
  }
}

/* Run one query text; returns the exit code for it. */
static int runOne(const Opts *o, KqlEngine *pEng, const KqlSource *pSrc, RunCtx *pCtx){
  KqlArena *pArena = kqlArenaNew();
  KqlDiagList diags;
  kqlDiagInit(&diags, pArena);
  pCtx->zLabel = pSrc->zName;
  pCtx->rc = KQL_OK;
  int rc;
  fflush(stdout);
  if( o->mDump ){
    kql_set_dump(pEng, o->mDump);
    rc = kql_run(pEng, pSrc, &diags, 0, 0);
  }else{
    rc = kql_run(pEng, pSrc, &diags, printResult, pCtx);
  }
  if( rc==KQL_OK ) rc = pCtx->rc;
  fflush(stdout);
  printDiags(o, pSrc, &diags);
  kqlArenaFree(pArena);
  return rc;
}

static int worse(int a, int b){
  /* the worst exit code: 2 (I/O) > 3 (offline) > 1 (query) > 0 */
  static const int rank[] = {0, 1, 3, 2};
  int ra = a>=0 && a<=3 ? rank[a] : 3;
  int rb = b>=0 && b<=3 ? rank[b] : 3;
  return ra>=rb ? a : b;
}

/* --watchlist, --watchlist-dir and --geoip. Returns 0, or 1 after a message. */
static int setInputs(const Opts *o, KqlEngine *pEng){
  for(int i=0; i<o->nWatch; i++){
    const char *zEq = strchr(o->azWatch[i], '=');
    if( zEq==0 || zEq==o->azWatch[i] || zEq[1]==0 ){
      fprintf(stderr, "kqlite: --watchlist needs ALIAS=PATH, got '%s'\n", o->azWatch[i]);
      return 1;
    }
    if( access(zEq+1, R_OK)!=0 ){
      fprintf(stderr, "kqlite: --watchlist: cannot read %s\n", zEq+1);
      return 1;
    }
    char *zAlias = strndup(o->azWatch[i], (size_t)(zEq - o->azWatch[i]));
    char *zKey = strchr(zAlias, ':');
    if( zKey ) *zKey++ = 0;
    kql_add_watchlist(pEng, zAlias, zKey, zEq+1);
    free(zAlias);
  }
  if( o->zWatchDir ) kql_set_watchlist_dir(pEng, o->zWatchDir);
  if( o->zGeoIp ){
    char *zErr = 0;
    if( kql_set_geoip(pEng, o->zGeoIp, &zErr)!=KQL_OK ){
      fprintf(stderr, "kqlite: --geoip: %s\n", zErr ? zErr : o->zGeoIp);
      free(zErr);
      return 1;
    }
  }
  return 0;
}

static int cmdRun(Opts *o){
  if( o->nFile==0 && o->zExpr==0 && !o->bRepl ){
    fprintf(stderr, "kqlite: no query: give FILE.kql or -e 'QUERY'\n");
    usage(stderr);
    return EXIT_USAGE;
  }
  KqlEngine *pEng = 0;
  if( kql_open(&pEng)!=KQL_OK ){
    fprintf(stderr, "kqlite: cannot open the engine\n");
    return EXIT_USAGE;
  }
  if( o->zData ) kql_set_data_dir(pEng, o->zData);
  for(int i=0; i<o->nTable; i++){
    const char *zEq = strchr(o->azTable[i], '=');
    if( zEq==0 || zEq==o->azTable[i] || zEq[1]==0 ){
      fprintf(stderr, "kqlite: --table needs NAME=PATH, got '%s'\n", o->azTable[i]);
      kql_close(pEng);
      return EXIT_USAGE;
    }
    char *zName = strndup(o->azTable[i], (size_t)(zEq - o->azTable[i]));
    if( access(zEq+1, R_OK)!=0 ){
      fprintf(stderr, "kqlite: --table %s: cannot read %s\n", zName, zEq+1);
      free(zName);
      kql_close(pEng);
      return EXIT_USAGE;
    }
    kql_add_table(pEng, zName, zEq+1);
    free(zName);
  }
  for(int i=0; i<o->nExt; i++){
    const char *zEq = strrchr(o->azExt[i], '=');
    if( zEq==0 || zEq==o->azExt[i] || zEq[1]==0 ){
      fprintf(stderr, "kqlite: --externaldata needs URL=PATH, got '%s'\n", o->azExt[i]);
      kql_close(pEng);
      return EXIT_USAGE;
    }
    char *zUrl = strndup(o->azExt[i], (size_t)(zEq - o->azExt[i]));
    kql_add_external(pEng, zUrl, zEq+1);
    free(zUrl);
  }
  if( o->zExtDir ) kql_set_external_dir(pEng, o->zExtDir);
  if( setInputs(o, pEng) ){
    kql_close(pEng);
    return EXIT_USAGE;
  }
  if( o->bNoStream ) kql_set_stream(pEng, 0);
  if( !o->bNoCache && !o->mDump ){     /* explain neither reads nor writes the cache */
    char *zDefault = o->zCache ? 0 : kqlCacheDefaultDir();
    if( o->zCache || zDefault ) kql_set_cache(pEng, o->zCache ? o->zCache : zDefault);
    free(zDefault);
  }
  if( o->zNow ){
    int64_t t;
    if( kqlValParseDatetime(o->zNow, (int)strlen(o->zNow), &t) ){
      fprintf(stderr, "kqlite: --now: not a datetime: '%s'\n", o->zNow);
      kql_close(pEng);
      return EXIT_USAGE;
    }
    kql_set_now(pEng, t);
  }
  if( o->bRepl ){
    int rcRepl = kqlCliRepl(pEng, o->eFmt);
    kql_close(pEng);
    return rcRepl;
  }
  if( o->eFmt<0 ) o->eFmt = isatty(1) ? KQL_FMT_TABLE : KQL_FMT_CSV;
  RunCtx ctx;
  memset(&ctx, 0, sizeof(ctx));
  ctx.eFmt = o->eFmt;
  ctx.nFile = o->zExpr ? 1 : o->nFile;
  int rc = 0;
  if( o->zExpr ){
    KqlSource src = { "<query>", o->zExpr, (int)strlen(o->zExpr), 0, 0 };
    rc = runOne(o, pEng, &src, &ctx);
  }else{
    for(int i=0; i<o->nFile; i++){
      int n = 0;
      char *z = kqlCliReadFile(o->azFile[i], &n);
      if( z==0 ){
        fprintf(stderr, "kqlite: cannot read %s\n", o->azFile[i]);
        rc = worse(rc, EXIT_USAGE);
        continue;
      }
      KqlSource src = { o->azFile[i], z, n, 0, 0 };
      rc = worse(rc, runOne(o, pEng, &src, &ctx));
      free(z);
    }
  }
  kql_close(pEng);
  return rc;
}

int main(int argc, char **argv){
  if( argc<2 ){ usage(stderr); return EXIT_USAGE; }
  const char *zCmd = argv[1];
  if( strcmp(zCmd, "check")==0 ) return kqlCliCheck(argc-2, argv+2);
  if( strcmp(zCmd, "gen")==0 ) return kqlCliGen(argc-2, argv+2);
  if( strcmp(zCmd, "-h")==0 || strcmp(zCmd, "--help")==0 || strcmp(zCmd, "help")==0 ){
    usage(stdout);
    return 0;
  }
  if( strcmp(zCmd, "--version")==0 || strcmp(zCmd, "version")==0 ){
    printf("kqlite 0.1\n");
    return 0;
  }
  Opts o;
  memset(&o, 0, sizeof(o));
  o.eFmt = -1;
  o.azFile = calloc((size_t)argc, sizeof(char*));
  o.azTable = calloc((size_t)argc, sizeof(char*));
  o.azExt = calloc((size_t)argc, sizeof(char*));
  o.azWatch = calloc((size_t)argc, sizeof(char*));
  int rc = 0;
  for(int i=2; i<argc; i++){
    const char *a = argv[i];
    const char *zVal = 0;
    int bNeedsVal = strcmp(a, "--data")==0 || strcmp(a, "--table")==0 || strcmp(a, "--format")==0
                 || strcmp(a, "--now")==0 || strcmp(a, "-e")==0
                 || strcmp(a, "--externaldata")==0 || strcmp(a, "--externaldata-dir")==0
                 || strcmp(a, "--cache")==0 || strcmp(a, "--watchlist")==0
                 || strcmp(a, "--watchlist-dir")==0 || strcmp(a, "--geoip")==0;
    if( bNeedsVal ){
      if( i+1>=argc ){
        fprintf(stderr, "kqlite: %s needs a value\n", a);
        rc = EXIT_USAGE;
        goto done;
      }
      zVal = argv[++i];
    }
    if( strcmp(a, "--data")==0 ) o.zData = zVal;
    else if( strcmp(a, "--table")==0 ) o.azTable[o.nTable++] = zVal;
    else if( strcmp(a, "--now")==0 ) o.zNow = zVal;
    else if( strcmp(a, "--externaldata")==0 ) o.azExt[o.nExt++] = zVal;
    else if( strcmp(a, "--externaldata-dir")==0 ) o.zExtDir = zVal;
    else if( strcmp(a, "--cache")==0 ) o.zCache = zVal;
    else if( strcmp(a, "--watchlist")==0 ) o.azWatch[o.nWatch++] = zVal;
    else if( strcmp(a, "--watchlist-dir")==0 ) o.zWatchDir = zVal;
    else if( strcmp(a, "--geoip")==0 ) o.zGeoIp = zVal;
    else if( strcmp(a, "--no-cache")==0 ) o.bNoCache = 1;
    else if( strcmp(a, "--no-stream")==0 ) o.bNoStream = 1;
    else if( strcmp(a, "-e")==0 ) o.zExpr = zVal;
    else if( strcmp(a, "--format")==0 ){
      o.eFmt = kqlRenderFormatFromName(zVal);
      if( strcmp(zVal, "text")==0 ) o.eFmt = KQL_FMT_TABLE;
      if( o.eFmt<0 ){
        fprintf(stderr, "kqlite: unknown format '%s' (table, csv, tsv, json, jsonl, markdown)\n", zVal);
        rc = EXIT_USAGE;
        goto done;
      }
      if( o.eFmt==KQL_FMT_JSON || o.eFmt==KQL_FMT_JSONL ) o.bJsonDiag = strcmp(zCmd, "check")==0;
    }
    else if( strcmp(a, "--syntax-only")==0 ) o.bSyntaxOnly = 1;
    else if( strcmp(a, "--ast")==0 ) o.mDump |= 1;
    else if( strcmp(a, "--sql")==0 ) o.mDump |= 4;
    else if( strcmp(a, "--schema")==0 ) o.mDump |= 2;
    else if( a[0]=='-' && a[1]!=0 ){
      fprintf(stderr, "kqlite: unknown option '%s'\n", a);
      usage(stderr);
      rc = EXIT_USAGE;
      goto done;
    }
    else o.azFile[o.nFile++] = a;
  }
  if( strcmp(zCmd, "run")==0 || strcmp(zCmd, "repl")==0 ){
    o.mDump = 0;
    o.bRepl = zCmd[1]=='e';
    rc = cmdRun(&o);
  }else if( strcmp(zCmd, "explain")==0 ){
    if( o.mDump==0 ) o.mDump = 4;
    if( o.mDump==1 ){
      /* print the tree of each file, then its syntax errors */
      for(int i=0; i<o.nFile || (i==0 && o.zExpr); i++){
        int n = 0;
        char *z = o.zExpr ? strdup(o.zExpr) : kqlCliReadFile(o.azFile[i], &n);
        if( z==0 ) continue;
        n = (int)strlen(z);
        KqlArena *pArena = kqlArenaNew();
        KqlDiagList diags;
        kqlDiagInit(&diags, pArena);
        KqlAst *pQ = kqlParse(pArena, z, n, &diags);
        char *zDump = kqlAstDump(pQ);
        fputs(zDump, stdout);
        fputc('\n', stdout);
        free(zDump);
        KqlSource src = { o.zExpr ? "<query>" : o.azFile[i], z, n, 0, 0 };
        printDiags(&o, &src, &diags);
        if( diags.nErr ) rc = EXIT_QUERY;
        kqlArenaFree(pArena);
        free(z);
        if( o.zExpr ) break;
      }
    }else{
      rc = cmdRun(&o);
    }
  }else{
    fprintf(stderr, "kqlite: unknown command '%s'\n", zCmd);
    usage(stderr);
    rc = EXIT_USAGE;
  }
done:
  free(o.azFile);
  free(o.azTable);
  free(o.azExt);
  free(o.azWatch);
  return rc;
}
