/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqlite check: validate query files without running them, for CI.
**   kqlite check [options] FILE|DIR...
** A .kql, .csl or .txt file (or any file named explicitly, or - for
** standard input) is one query text; a .yaml/.yml file is a Sentinel
** analytics rule or hunting query whose top-level `query` field is checked
** (cli_check_yaml.c), with every position reported in the YAML file itself.
** Directories are walked recursively for those extensions (hidden entries
** and symbolic links to directories are skipped), in name order.
** Each query is parsed (--syntax-only stops there) and bound against the
** schema catalogue plus any --schemas, with --dialect's service functions.
** "not supported" (KQL190: valid KQL that kqlite cannot run yet) is a
** warning here: the query is not wrong, only beyond what kqlite executes.
** Diagnostics go to standard output as text, JSON lines or one SARIF log
** (cli_check_out.c). Exit code: 0 no error (warnings allowed), 1 an error
** in some query, 2 usage or I/O error (takes precedence).
*/
#include "cli.h"
#include "cli_check.h"
#include "kql.h"
#include "parse.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define CHECK_EXIT_OK    0
#define CHECK_EXIT_ERROR 1
#define CHECK_EXIT_USAGE 2
#define CHECK_MAX_DEPTH  64      /* directory nesting followed */

/* State of one `kqlite check` run. */
typedef struct CheckRun CheckRun;
struct CheckRun {
  KqlEngine *pEng;       /* catalogue, --schemas, dialect */
  KqlCheckOut *pOut;     /* output writer */
  int bSyntax;           /* --syntax-only */
  int eDialect;          /* KQL_DIALECT_* (--dialect) */
  int rc;                /* exit code so far */
  int nFile;             /* files read */
  int nQuery;            /* query texts checked */
  int nErr, nWarn;       /* diagnostics written */
};

static void checkUsage(FILE *out){
  fputs(
    "usage: kqlite check [options] FILE|DIR...\n"
    "  FILE            .kql/.csl/.txt (the whole file is one query), .yaml/.yml\n"
    "                  (Sentinel rule or hunting query: its 'query' field), - (stdin)\n"
    "  DIR             every such file below DIR\n"
    "options:\n"
    "  -e QUERY              check QUERY itself\n"
    "  --format text|json|sarif\n"
    "                        text (default): FILE:LINE:COL: error: message [CODE];\n"
    "                        json: one object per line; sarif: SARIF 2.1.0 log\n"
    "  --schemas PATH        add or override table schemas (a JSON file or a\n"
    "                        directory of them: {\"name\", \"columns\": [{\"name\", \"type\"}]})\n"
    "  --syntax-only         parse only\n"
    "  --dialect sentinel|defender\n"
    "                        also know that service's functions\n"
    "  --list-codes          print the diagnostic codes and exit\n"
    "exit code: 0 no error, 1 errors found, 2 usage or I/O error\n", out);
}

/* Is this diagnostic a limit of kqlite rather than a fault of the query? */
static int isKqliteLimit(const KqlDiag *d){
  return strcmp(d->zCode, "KQL190")==0 || strcmp(d->zCode, "KQL390")==0
      || strcmp(d->zCode, "KQL391")==0;
}

/* How the text given to the checker relates to the unit's query. */
typedef struct CheckedText CheckedText;
struct CheckedText {
  const char *z;         /* the text checked: prelude, then the (rewritten) query */
  int n;                 /* its length */
  int nPrelude;          /* bytes of the dialect prelude in front */
  const int *aMap;       /* rewritten query offset -> query offset; NULL: same */
  int nRewritten;        /* length of the rewritten query (when aMap) */
};

/* Query offset of offset iOfst (>= nPrelude) of the checked text. */
static int queryOffset(const CheckedText *t, int iOfst){
  int q = iOfst - t->nPrelude;
  if( q<0 ) q = 0;
  if( t->aMap ){
    if( q>t->nRewritten ) q = t->nRewritten;
    q = t->aMap[q];
  }
  return q;
}

/*
** The parser names the position of an unclosed bracket in its message
** ("expected ')' to close '(' at L:C"), counted in the text it parsed. Give
** that position in the file instead: after the dialect prelude, inside the
** YAML file.
*/
static void remapMessagePosition(KqlDiag *d, KqlArena *pArena, const CheckedText *t,
                                 const KqlCheckUnit *pUnit){
  const char *zAt = 0, *z;
  for(z = strstr(d->zMsg, " at "); z; z = strstr(z+1, " at ")) zAt = z;
  if( zAt==0 ) return;
  long iLine = 0, iCol = 0;
  char *zEnd = 0;
  iLine = strtol(zAt+4, &zEnd, 10);
  if( zEnd==zAt+4 || *zEnd!=':' ) return;
  const char *zColText = zEnd+1;
  iCol = strtol(zColText, &zEnd, 10);
  if( zEnd==zColText || *zEnd!=0 || iLine<1 || iCol<1 ) return;
  int i = 0;
  for(long l=1; l<iLine && i<t->n; i++){
    if( t->z[i]=='\n' ) l++;
  }
  for(long c=1; c<iCol && i<t->n; c++){
    i++;
    while( i<t->n && (((unsigned char)t->z[i]) & 0xC0)==0x80 ) i++;
  }
  if( i<t->nPrelude ) return;
  KqlDiag at;
  KqlCheckLoc loc;
  memset(&at, 0, sizeof(at));
  at.iOfst = queryOffset(t, i);
  kqlCheckLocate(pUnit, &at, &loc);
  d->zMsg = kqlArenaPrintf(pArena, "%.*s at %d:%d", (int)(zAt - d->zMsg), d->zMsg,
                           loc.iLine, loc.iCol);
}

/*
** Turn the diagnostics after pBefore (all when NULL), found on the checked
** text t, into diagnostics on pUnit's query: offsets without the prelude
** and through the rewrite map, positions named in messages in the file,
** and kqlite's own limits as warnings. Updates the list's counts.
*/
static void adjustDiags(KqlDiagList *pDiags, KqlDiag *pBefore, const CheckedText *t,
                        const KqlCheckUnit *pUnit){
  for(KqlDiag *d = pBefore ? pBefore->pNext : pDiags->pFirst; d; d = d->pNext){
    if( strcmp(d->zCode, "KQL001")==0 ) remapMessagePosition(d, pDiags->pArena, t, pUnit);
    if( d->iOfst<t->nPrelude ){
      /* cannot happen with a correct prelude; keep it visible */
      d->zMsg = kqlArenaPrintf(pDiags->pArena, "in the dialect's declarations: %s", d->zMsg);
      d->nLen = 0;
      d->iOfst = 0;
    }else{
      int iEnd = d->iOfst + d->nLen;
      d->iOfst = queryOffset(t, d->iOfst);
      if( d->nLen>0 ){
        int qEnd = queryOffset(t, iEnd-1) + 1;
        d->nLen = qEnd>d->iOfst ? qEnd - d->iOfst : 0;
      }
    }
    if( d->eSev==KQL_SEV_ERROR && isKqliteLimit(d) ){
      d->eSev = KQL_SEV_WARNING;
      pDiags->nErr--;
      pDiags->nWarn++;
    }
  }
}

int kqlCheckQueryText(KqlEngine *pEng, const KqlCheckUnit *pUnit, int bSyntaxOnly,
                      int eDialect, KqlDiagList *pDiags){
  KqlArena *pArena = pDiags->pArena;
  const char *zPrelude = bSyntaxOnly ? "" : kqlCheckDialectPrelude(eDialect);
  int nErr0 = pDiags->nErr;
  KqlDiag *pBefore = pDiags->pLast;
  CheckedText t;
  int *aMap = 0;
  memset(&t, 0, sizeof(t));
  const char *zQuery = pUnit->zQuery;
  int nQuery = pUnit->nQuery;
  if( !bSyntaxOnly ){
    char *zNew = kqlCheckDialectRewrite(pArena, eDialect, zQuery, nQuery, &t.nRewritten, &aMap);
    if( zNew ){
      zQuery = zNew;
      nQuery = t.nRewritten;
      t.aMap = aMap;
    }
  }
  t.nPrelude = (int)strlen(zPrelude);
  t.z = zQuery;
  t.n = nQuery;
  if( t.nPrelude ){
    char *zAll = kqlArenaAlloc(pArena, (size_t)t.nPrelude + (size_t)nQuery + 1);
    memcpy(zAll, zPrelude, (size_t)t.nPrelude);
    memcpy(zAll + t.nPrelude, zQuery, (size_t)nQuery);
    zAll[t.nPrelude + nQuery] = 0;
    t.z = zAll;
    t.n = t.nPrelude + nQuery;
  }
  if( bSyntaxOnly ){
    kqlParse(pArena, t.z, t.n, pDiags);
  }else{
    KqlSource src;
    memset(&src, 0, sizeof(src));
    src.zName = pUnit->zFile;
    src.z = t.z;
    src.n = t.n;
    kql_check(pEng, &src, pDiags);
  }
  adjustDiags(pDiags, pBefore, &t, pUnit);
  return pDiags->nErr - nErr0;
}

/* Count and write diagnostics of one unit. */
static void report(CheckRun *r, const KqlCheckUnit *pUnit, const KqlDiagList *pDiags){
  kqlCheckOutUnit(r->pOut, pUnit, pDiags);
  r->nErr += pDiags->nErr;
  r->nWarn += pDiags->nWarn;
  if( pDiags->nErr && r->rc==CHECK_EXIT_OK ) r->rc = CHECK_EXIT_ERROR;
}

/* Check one query text (KqlCheckUnitFn). */
static void checkUnit(void *pArg, const KqlCheckUnit *pUnit){
  CheckRun *r = pArg;
  KqlArena *pArena = kqlArenaNew();
  KqlDiagList diags;
  kqlDiagInit(&diags, pArena);
  r->nQuery++;
  kqlCheckQueryText(r->pEng, pUnit, r->bSyntax, r->eDialect, &diags);
  report(r, pUnit, &diags);
  kqlArenaFree(pArena);
}

/* Does zPath end with extension zExt (".yaml"), ignoring case? */
static int hasExt(const char *zPath, const char *zExt){
  size_t n = strlen(zPath), m = strlen(zExt);
  return n>m && strcasecmp(zPath + n - m, zExt)==0;
}

static int isYamlName(const char *z){ return hasExt(z, ".yaml") || hasExt(z, ".yml"); }

static int isQueryName(const char *z){
  return isYamlName(z) || hasExt(z, ".kql") || hasExt(z, ".csl") || hasExt(z, ".txt");
}

/* Check the text z (n bytes) read from zName. */
static void checkText(CheckRun *r, const char *zName, const char *z, int n, int bYaml){
  KqlCheckUnit u;
  memset(&u, 0, sizeof(u));
  u.zFile = zName;
  u.zText = z;
  u.nText = n;
  u.zQuery = z;
  u.nQuery = n;
  r->nFile++;
  if( !bYaml ){
    checkUnit(r, &u);
    return;
  }
  KqlArena *pArena = kqlArenaNew();
  KqlDiagList diags;
  kqlDiagInit(&diags, pArena);
  kqlCheckYaml(pArena, zName, z, n, &diags, checkUnit, r);
  report(r, &u, &diags);    /* the file's own problems, at file offsets */
  kqlArenaFree(pArena);
}

static void ioError(CheckRun *r, const char *zPath, const char *zWhat){
  fprintf(stderr, "kqlite: check: %s: %s\n", zPath, zWhat);
  r->rc = CHECK_EXIT_USAGE;
}

static void checkFile(CheckRun *r, const char *zPath){
  int n = 0;
  char *z = kqlCliReadFile(zPath, &n);
  if( z==0 ){
    ioError(r, zPath, strerror(errno ? errno : EIO));
    return;
  }
  checkText(r, strcmp(zPath, "-")==0 ? "<stdin>" : zPath, z, n, isYamlName(zPath));
  free(z);
}

/* scandir filter: entries that are not hidden. */
static int notHidden(const struct dirent *e){ return e->d_name[0]!='.'; }

static void checkDir(CheckRun *r, const char *zDir, int iDepth){
  struct dirent **aEnt = 0;
  int nEnt;
  if( iDepth>CHECK_MAX_DEPTH ){
    ioError(r, zDir, "directories nested too deeply");
    return;
  }
  nEnt = scandir(zDir, &aEnt, notHidden, alphasort);
  if( nEnt<0 ){
    ioError(r, zDir, strerror(errno));
    return;
  }
  size_t nDir = strlen(zDir);
  int bSlash = nDir>0 && zDir[nDir-1]=='/';
  for(int i=0; i<nEnt; i++){
    size_t nP = nDir + strlen(aEnt[i]->d_name) + 2;
    char *zPath = malloc(nP);
    struct stat st, lst;
    if( zPath ){
      snprintf(zPath, nP, "%s%s%s", zDir, bSlash ? "" : "/", aEnt[i]->d_name);
      if( lstat(zPath, &lst)==0 && stat(zPath, &st)==0 ){
        if( S_ISDIR(st.st_mode) ){
          if( !S_ISLNK(lst.st_mode) ) checkDir(r, zPath, iDepth+1);
        }else if( S_ISREG(st.st_mode) && isQueryName(zPath) ){
          checkFile(r, zPath);
        }
      }
      free(zPath);
    }
    free(aEnt[i]);
  }
  free(aEnt);
}

static void checkPath(CheckRun *r, const char *zPath){
  struct stat st;
  if( strcmp(zPath, "-")==0 ){
    checkFile(r, zPath);
    return;
  }
  if( stat(zPath, &st)!=0 ){
    ioError(r, zPath, strerror(errno));
    return;
  }
  if( S_ISDIR(st.st_mode) ) checkDir(r, zPath, 0);
  else checkFile(r, zPath);
}

/* The value of option argv[*pi] ("--opt VALUE" or "--opt=VALUE"), or NULL
** when argv[*pi] is not zOpt. Sets *pbMissing when the value is absent. */
static const char *optValue(int argc, char **argv, int *pi, const char *zOpt, int *pbMissing){
  size_t n = strlen(zOpt);
  const char *z = argv[*pi];
  if( strncmp(z, zOpt, n)!=0 ) return 0;
  if( z[n]=='=' ) return z + n + 1;
  if( z[n]!=0 ) return 0;
  if( *pi+1>=argc ){ *pbMissing = 1; return 0; }
  return argv[++*pi];
}

int kqlCliCheck(int argc, char **argv){
  CheckRun r;
  int eFmt = KQL_CHECK_FMT_TEXT, eDialect = KQL_DIALECT_NONE, bEndOpts = 0;
  int nInput = 0, nSchema = 0;
  const char **azSchema = calloc((size_t)argc + 1, sizeof(char*));
  memset(&r, 0, sizeof(r));
  if( azSchema==0 ) return CHECK_EXIT_USAGE;
  /* pass 1: options (they may follow the files) */
  for(int i=0; i<argc; i++){
    const char *z = argv[i], *zVal;
    int bMissing = 0;
    if( bEndOpts || z[0]!='-' || strcmp(z, "-")==0 ){ nInput++; continue; }
    if( strcmp(z, "--")==0 ){ bEndOpts = 1; continue; }
    if( strcmp(z, "--syntax-only")==0 ){ r.bSyntax = 1; continue; }
    if( strcmp(z, "--list-codes")==0 ){
      kqlCheckListCodes(stdout);
      free(azSchema);
      return CHECK_EXIT_OK;
    }
    if( strcmp(z, "-h")==0 || strcmp(z, "--help")==0 ){
      checkUsage(stdout);
      free(azSchema);
      return CHECK_EXIT_OK;
    }
    if( strcmp(z, "-e")==0 ){
      if( i+1>=argc ){ bMissing = 1; }else{ i++; nInput++; continue; }
    }else if( (zVal = optValue(argc, argv, &i, "--format", &bMissing))!=0 ){
      if( strcmp(zVal, "text")==0 ) eFmt = KQL_CHECK_FMT_TEXT;
      else if( strcmp(zVal, "json")==0 ) eFmt = KQL_CHECK_FMT_JSON;
      else if( strcmp(zVal, "sarif")==0 ) eFmt = KQL_CHECK_FMT_SARIF;
      else{
        fprintf(stderr, "kqlite: check: unknown format '%s' (text, json, sarif)\n", zVal);
        free(azSchema);
        return CHECK_EXIT_USAGE;
      }
      continue;
    }else if( (zVal = optValue(argc, argv, &i, "--schemas", &bMissing))!=0 ){
      azSchema[nSchema++] = zVal;
      continue;
    }else if( (zVal = optValue(argc, argv, &i, "--dialect", &bMissing))!=0 ){
      eDialect = kqlCheckDialectFromName(zVal);
      if( eDialect<0 ){
        fprintf(stderr, "kqlite: check: unknown dialect '%s' (sentinel, defender)\n", zVal);
        free(azSchema);
        return CHECK_EXIT_USAGE;
      }
      continue;
    }
    if( bMissing ) fprintf(stderr, "kqlite: check: option '%s' needs a value\n", z);
    else fprintf(stderr, "kqlite: check: unknown option '%s'\n", z);
    checkUsage(stderr);
    free(azSchema);
    return CHECK_EXIT_USAGE;
  }
  if( nInput==0 ){
    fprintf(stderr, "kqlite: check needs FILE|DIR... or -e 'QUERY'\n");
    checkUsage(stderr);
    free(azSchema);
    return CHECK_EXIT_USAGE;
  }
  if( kql_open(&r.pEng)!=KQL_OK ){
    fprintf(stderr, "kqlite: check: cannot open the engine\n");
    free(azSchema);
    return CHECK_EXIT_USAGE;
  }
  kql_set_dialect(r.pEng, eDialect);
  r.eDialect = eDialect;
  for(int i=0; i<nSchema; i++){
    char zErr[600];
    if( kqlCheckLoadSchemas(r.pEng, azSchema[i], zErr, (int)sizeof(zErr))<0 ){
      fprintf(stderr, "kqlite: check: --schemas %s\n", zErr);
      kql_close(r.pEng);
      free(azSchema);
      return CHECK_EXIT_USAGE;
    }
  }
  free(azSchema);
  r.pOut = kqlCheckOutNew(stdout, eFmt);
  if( r.pOut==0 ){
    kql_close(r.pEng);
    return CHECK_EXIT_USAGE;
  }
  /* pass 2: the inputs, in order */
  bEndOpts = 0;
  for(int i=0; i<argc; i++){
    const char *z = argv[i];
    if( !bEndOpts && strcmp(z, "--")==0 ){ bEndOpts = 1; continue; }
    if( !bEndOpts && strcmp(z, "-e")==0 ){
      z = argv[++i];
      checkText(&r, "<query>", z, (int)strlen(z), 0);
      continue;
    }
    if( !bEndOpts && z[0]=='-' && z[1] ){
      if( (strcmp(z, "--format")==0 || strcmp(z, "--schemas")==0 || strcmp(z, "--dialect")==0) ) i++;
      continue;
    }
    checkPath(&r, z);
  }
  kqlCheckOutFinish(r.pOut);
  if( eFmt==KQL_CHECK_FMT_TEXT && (r.nErr || r.nWarn) ){
    fprintf(stderr, "kqlite: check: %d quer%s in %d file%s: %d error%s, %d warning%s\n",
            r.nQuery, r.nQuery==1 ? "y" : "ies", r.nFile, r.nFile==1 ? "" : "s",
            r.nErr, r.nErr==1 ? "" : "s", r.nWarn, r.nWarn==1 ? "" : "s");
  }
  kql_close(r.pEng);
  return r.rc;
}
