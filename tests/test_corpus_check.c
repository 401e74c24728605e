/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** `kqlite check` against Microsoft's binder on the published hunt corpus:
** every ../shared/corpus/hunts/<dir>/<file>.kql named in ORACLE.jsonl is
** checked as the CLI checks it (kqlCheckQueryText, built-in catalogue, no
** dialect), and the verdict (an error or not) is compared with the
** oracle's "ok". kqlite must accept at least 97% of the hunts the binder
** accepts and reject at least 90% of those it rejects. Disagreements are
** logged grouped by cause: for a hunt kqlite wrongly rejects, its first
** error's code and message template (quoted names replaced by 'X'); for
** one it wrongly accepts, the oracle's first error. Skipped when the corpus
** is absent.
*/
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_check.h"
#include "kql.h"

#define CORPUS_DIR "../shared/corpus/hunts"
#define MIN_ACCEPT 97.0     /* % of the oracle's accepted hunts kqlite accepts */
#define MIN_REJECT 90.0     /* % of the oracle's rejected hunts kqlite rejects */
#define MAX_GROUP 400
#define MAX_EXAMPLE 3

/* Disagreements with one cause. */
typedef struct Group Group;
struct Group {
  char *zKey;                    /* code + message template */
  int n;                         /* hunts */
  char *azEx[MAX_EXAMPLE];       /* example: file and message */
};

typedef struct Groups Groups;
struct Groups {
  Group a[MAX_GROUP];
  int n;
};

/* zMsg with every '...' replaced by 'X' (malloc'ed). */
static char *messageTemplate(const char *zCode, const char *zMsg){
  size_t n = strlen(zMsg);
  char *z = malloc(n + strlen(zCode) + 4), *o = z;
  o += sprintf(o, "%s ", zCode);
  for(size_t i=0; i<n; i++){
    if( zMsg[i]=='\'' ){
      const char *e = strchr(zMsg+i+1, '\'');
      if( e ){
        o += sprintf(o, "'X'");
        i = (size_t)(e - zMsg);
        continue;
      }
    }
    *o++ = zMsg[i];
  }
  *o = 0;
  return z;
}

static void groupAdd(Groups *g, const char *zCode, const char *zMsg, const char *zFile){
  char *zKey = messageTemplate(zCode ? zCode : "?", zMsg ? zMsg : "?");
  Group *p = 0;
  for(int i=0; i<g->n; i++){
    if( strcmp(g->a[i].zKey, zKey)==0 ){ p = &g->a[i]; break; }
  }
  if( p==0 && g->n<MAX_GROUP ){
    p = &g->a[g->n++];
    memset(p, 0, sizeof(*p));
    p->zKey = zKey;
    zKey = 0;
  }
  free(zKey);
  if( p==0 ) return;
  if( p->n<MAX_EXAMPLE ){
    size_t nEx = strlen(zFile) + (zMsg ? strlen(zMsg) : 1) + 8;
    p->azEx[p->n] = malloc(nEx);
    snprintf(p->azEx[p->n], nEx, "%s: %s", zFile, zMsg ? zMsg : "?");
  }
  p->n++;
}

static int groupCmp(const void *a, const void *b){
  const Group *x = a, *y = b;
  return x->n!=y->n ? y->n - x->n : strcmp(x->zKey, y->zKey);
}

static void groupLog(Groups *g, const char *zTitle){
  qsort(g->a, (size_t)g->n, sizeof(g->a[0]), groupCmp);
  cr_log_info("%s (%d causes):", zTitle, g->n);
  for(int i=0; i<g->n; i++){
    cr_log_info("  %4d  %s", g->a[i].n, g->a[i].zKey);
    for(int k=0; k<MAX_EXAMPLE && k<g->a[i].n; k++) cr_log_info("          e.g. %s", g->a[i].azEx[k]);
  }
}

static void groupFree(Groups *g){
  for(int i=0; i<g->n; i++){
    free(g->a[i].zKey);
    for(int k=0; k<MAX_EXAMPLE && k<g->a[i].n; k++) free(g->a[i].azEx[k]);
  }
}

Test(corpus_check, verdicts_agree_with_microsofts_binder){
  FILE *f = fopen(CORPUS_DIR "/ORACLE.jsonl", "rb");
  if( f==0 ) cr_skip_test("corpus not found at " CORPUS_DIR "/ORACLE.jsonl");
  sqlite3 *db = 0;
  sqlite3_stmt *pStmt = 0;
  cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  cr_assert_eq(sqlite3_prepare_v2(db,
    "SELECT json_extract(?1,'$.file'), json_extract(?1,'$.ok'), "
    "json_extract(?1,'$.errors[0].code'), json_extract(?1,'$.errors[0].message')", -1, &pStmt, 0),
    SQLITE_OK);
  KqlEngine *pEng = 0;
  cr_assert_eq(kql_open(&pEng), KQL_OK);
  static Groups falseReject, falseAccept;
  int nOk = 0, nOkAgree = 0, nBad = 0, nBadAgree = 0, nMissing = 0;
  char *zLine = 0;
  size_t nLine = 0;
  while( getline(&zLine, &nLine, f)>0 ){
    sqlite3_reset(pStmt);
    sqlite3_bind_text(pStmt, 1, zLine, -1, SQLITE_STATIC);
    if( sqlite3_step(pStmt)!=SQLITE_ROW || sqlite3_column_type(pStmt, 0)!=SQLITE_TEXT ) continue;
    const char *zFile = (const char*)sqlite3_column_text(pStmt, 0);
    int bOracleOk = sqlite3_column_int(pStmt, 1);
    char zPath[1024];
    snprintf(zPath, sizeof(zPath), CORPUS_DIR "/%s", zFile);
    int n = 0;
    char *zText = kqlCliReadFile(zPath, &n);
    if( zText==0 ){ nMissing++; continue; }
    KqlCheckUnit u;
    memset(&u, 0, sizeof(u));
    u.zFile = zPath;
    u.zText = u.zQuery = zText;
    u.nText = u.nQuery = n;
    KqlArena *pArena = kqlArenaNew();
    KqlDiagList diags;
    kqlDiagInit(&diags, pArena);
    int nErr = kqlCheckQueryText(pEng, &u, 0, KQL_DIALECT_NONE, &diags);
    if( bOracleOk ){
      nOk++;
      if( nErr==0 ){
        nOkAgree++;
      }else{
        const KqlDiag *d = diags.pFirst;
        while( d && d->eSev!=KQL_SEV_ERROR ) d = d->pNext;
        groupAdd(&falseReject, d ? d->zCode : "?", d ? d->zMsg : "?", zFile);
      }
    }else{
      nBad++;
      if( nErr ){
        nBadAgree++;
      }else{
        groupAdd(&falseAccept, (const char*)sqlite3_column_text(pStmt, 2),
                 (const char*)sqlite3_column_text(pStmt, 3), zFile);
      }
    }
    kqlArenaFree(pArena);
    free(zText);
  }
  free(zLine);
  fclose(f);
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
  kql_close(pEng);
  double pAccept = nOk ? 100.0*nOkAgree/nOk : 0, pReject = nBad ? 100.0*nBadAgree/nBad : 0;
  cr_log_info("kqlite check vs Microsoft's binder: accepts %d of %d accepted hunts (%.2f%%), "
              "rejects %d of %d rejected hunts (%.2f%%)%s", nOkAgree, nOk, pAccept,
              nBadAgree, nBad, pReject, nMissing ? " (some files missing)" : "");
  groupLog(&falseReject, "rejected by kqlite, accepted by the binder (kqlite's first error)");
  groupLog(&falseAccept, "accepted by kqlite, rejected by the binder (the binder's first error)");
  groupFree(&falseReject);
  groupFree(&falseAccept);
  cr_expect_eq(nMissing, 0, "%d corpus files named in ORACLE.jsonl are missing", nMissing);
  cr_expect_gt(nOk, 1000, "only %d accepted hunts in the oracle", nOk);
  cr_expect_geq(pAccept, MIN_ACCEPT, "kqlite accepts %.2f%% of the hunts the binder accepts "
                "(at least %.0f%% expected)", pAccept, MIN_ACCEPT);
  cr_expect_geq(pReject, MIN_REJECT, "kqlite rejects %.2f%% of the hunts the binder rejects "
                "(at least %.0f%% expected)", pReject, MIN_REJECT);
}
