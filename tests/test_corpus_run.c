/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Issue 7's measure: every published hunt that Microsoft's binder accepts
** (../shared/corpus/hunts/ORACLE.jsonl, "ok": true) runs under kqlite to a
** result on schema-true generated data (kqlite gen), with no external
** source mapped. Each hunt runs in a forked child (a crash or a hang in one
** hunt cannot stop the others); the data is loaded once, before forking.
** Asserts: >= 90% finish without error, >= 97% finish or stop with exit
** code 3 (not available offline), and the result columns (names and types)
** equal the oracle's for >= 95% of the hunts that run. Prints the counts and
** the failures grouped by message. Skipped when ../shared is absent, and
** skipped under the sanitizer build (KQLITE_SANITIZE), where it is too slow.
** KQLITE_CORPUS_DUMP=<file> writes one line per hunt: file, code, kqlite's
** columns, the oracle's columns and the first diagnostic, tab-separated.
*/
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cli.h"
#include "kql.h"

#define HUNT_DIR "../shared/corpus/hunts"
#define NOW_TICKS 17810496000000000LL   /* 2026-06-10T00:00:00Z */

typedef struct HuntOut HuntOut;
struct HuntOut {
  char zCols[200000];   /* "name:type,..." of the first result (union * has thousands) */
  int bHaveCols;
};

static int collectCols(void *pArg, KqlResult *r){
  HuntOut *o = pArg;
  if( !o->bHaveCols ){
    o->bHaveCols = 1;
    size_t n = 0;
    for(int i=0; i<kql_result_columns(r) && n<sizeof(o->zCols)-200; i++){
      n += (size_t)snprintf(o->zCols+n, sizeof(o->zCols)-n, "%s%s:%s", i ? "," : "",
                            kql_result_name(r, i), kqlTypeName(kql_result_type(r, i)));
    }
  }
  while( kql_result_step(r)==KQL_ROW ){}
  return 0;
}

/* Run one hunt in a child. Returns its kql_run code, 9 for a crash or hang;
** zMsg gets the first diagnostic, zCols the result columns. */
static int runHunt(KqlEngine *pEng, const char *zPath, char *zMsg, size_t nMsg, char *zCols, size_t nCols){
  int fd[2];
  zMsg[0] = 0;
  zCols[0] = 0;
  if( pipe(fd) ) return 9;
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if( pid==0 ){
    close(fd[0]);
    alarm(20);
    int n = 0;
    char *z = kqlCliReadFile(zPath, &n);
    static char buf[210000];
    int rc = KQL_IOERR;
    static HuntOut o;
    memset(&o, 0, sizeof(o));
    buf[0] = 0;
    if( z ){
      KqlArena *pArena = kqlArenaNew();
      KqlDiagList diags;
      kqlDiagInit(&diags, pArena);
      KqlSource src = { zPath, z, n, 0, 0 };
      rc = kql_run(pEng, &src, &diags, collectCols, &o);
      snprintf(buf, sizeof(buf), "%d\n%s\n%s\n", rc, diags.pFirst ? diags.pFirst->zMsg : "", o.zCols);
    }
    if( write(fd[1], buf, strlen(buf))<0 ) _exit(1);
    _exit(0);
  }
  close(fd[1]);
  static char buf[210000];
  size_t got = 0;
  ssize_t k;
  while( got<sizeof(buf)-1 && (k = read(fd[0], buf+got, sizeof(buf)-1-got))>0 ) got += (size_t)k;
  buf[got] = 0;
  close(fd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if( !WIFEXITED(status) || WEXITSTATUS(status)!=0 || got==0 ){
    snprintf(zMsg, nMsg, "%s", WIFSIGNALED(status) && WTERMSIG(status)==SIGALRM ? "timeout" : "crash");
    return 9;
  }
  char *p1 = strchr(buf, '\n');
  char *p2 = p1 ? strchr(p1+1, '\n') : 0;
  if( p1==0 || p2==0 ) return 9;
  *p1 = *p2 = 0;
  snprintf(zMsg, nMsg, "%s", p1+1);
  char *p3 = strchr(p2+1, '\n');
  if( p3 ) *p3 = 0;
  snprintf(zCols, nCols, "%s", p2+1);
  return atoi(buf);
}

/* Message with quoted text elided, for grouping. */
static void msgTemplate(const char *z, char *zOut, size_t n){
  size_t j = 0;
  int bIn = 0;
  for(size_t i=0; z[i] && j+4<n; i++){
    if( z[i]=='\'' ){
      if( !bIn ){ zOut[j++] = '\''; zOut[j++] = '.'; zOut[j++] = '.'; }
      bIn = !bIn;
      if( !bIn ) zOut[j++] = '\'';
      continue;
    }
    if( !bIn ) zOut[j++] = z[i];
  }
  zOut[j] = 0;
}

Test(corpus_run, published_hunts_run){
  FILE *f = fopen(HUNT_DIR "/ORACLE.jsonl", "r");
  if( f==0 ) cr_skip_test("../shared/corpus/hunts is absent: the corpus run is skipped");
  if( getenv("KQLITE_SANITIZE") ){
    fclose(f);
    cr_skip_test("corpus run skipped in the sanitizer build (make test runs it)");
  }
  const char *zKqlite = getenv("KQLITE") ? getenv("KQLITE") : "build/kqlite";
  char zDir[] = "/tmp/kqlite-corpus-XXXXXX";
  cr_assert_not_null(mkdtemp(zDir));
  char zCmd[1024];
  snprintf(zCmd, sizeof(zCmd), "%s gen --tables all --rows 40 --out %s --seed 7 "
           "--now 2026-06-10T00:00:00Z >/dev/null 2>&1", zKqlite, zDir);
  cr_assert_eq(system(zCmd), 0, "kqlite gen failed: %s", zCmd);

  KqlEngine *pEng = 0;
  cr_assert_eq(kql_open(&pEng), KQL_OK);
  kql_set_data_dir(pEng, zDir);
  kql_set_now(pEng, NOW_TICKS);

  /* the oracle's verdicts, parsed with SQLite's JSON functions */
  sqlite3 *db = 0;
  sqlite3_open(":memory:", &db);
  sqlite3_stmt *pSel = 0;
  sqlite3_prepare_v2(db, "SELECT json_extract(?1,'$.file'), json_extract(?1,'$.ok'), "
                         "(SELECT group_concat(json_extract(value,'$[0]') || ':' || json_extract(value,'$[1]'), ',') "
                         " FROM json_each(json_extract(?1,'$.columns')))", -1, &pSel, 0);
  sqlite3_exec(db, "CREATE TABLE fail(msg TEXT, file TEXT)", 0, 0, 0);
  sqlite3_stmt *pIns = 0;
  sqlite3_prepare_v2(db, "INSERT INTO fail VALUES(?1, ?2)", -1, &pIns, 0);

  /* load every generated table once, before forking (children share it) */
  {
    KqlArena *pArena = kqlArenaNew();
    KqlDiagList diags;
    kqlDiagInit(&diags, pArena);
    const char *zAll = "union * | take 0";
    KqlSource src = { "<preload>", zAll, (int)strlen(zAll), 0, 0 };
    static HuntOut o;
    memset(&o, 0, sizeof(o));
    kql_run(pEng, &src, &diags, collectCols, &o);
    kqlArenaFree(pArena);
  }
  FILE *pDump = getenv("KQLITE_CORPUS_DUMP") ? fopen(getenv("KQLITE_CORPUS_DUMP"), "w") : 0;
  char *zLine = 0;
  size_t nLine = 0;
  int nHunt = 0, nOk = 0, nOffline = 0, nColsSame = 0;
  static char zCols[200000];
  char zMsg[1200], zTpl[1200], zPath[2048];
  while( getline(&zLine, &nLine, f)>0 ){
    sqlite3_bind_text(pSel, 1, zLine, -1, SQLITE_STATIC);
    if( sqlite3_step(pSel)==SQLITE_ROW && sqlite3_column_int(pSel, 1) ){
      const char *zFile = (const char*)sqlite3_column_text(pSel, 0);
      const char *zWant = (const char*)sqlite3_column_text(pSel, 2);
      snprintf(zPath, sizeof(zPath), HUNT_DIR "/%s", zFile);
      int rc = runHunt(pEng, zPath, zMsg, sizeof(zMsg), zCols, sizeof(zCols));
      nHunt++;
      if( pDump ) fprintf(pDump, "%s\t%d\t%s\t%s\t%s\n", zFile, rc, zCols, zWant ? zWant : "", zMsg);
      if( rc==KQL_OK ){
        nOk++;
        /* a query of let statements only has no result for either */
        if( zWant ? strcmp(zWant, zCols)==0 : zCols[0]==0 ) nColsSame++;
      }else if( rc==KQL_OFFLINE ){
        nOffline++;
      }else{
        msgTemplate(zMsg, zTpl, sizeof(zTpl));
        sqlite3_bind_text(pIns, 1, zTpl, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(pIns, 2, zFile, -1, SQLITE_TRANSIENT);
        sqlite3_step(pIns);
        sqlite3_reset(pIns);
      }
    }
    sqlite3_reset(pSel);
  }
  free(zLine);
  fclose(f);
  if( pDump ) fclose(pDump);
  fprintf(stderr, "corpus run: %d hunts the binder accepts; %d run (%.1f%%), %d stop as not available offline, "
          "%d run or offline (%.1f%%); result columns equal the oracle's for %d of %d (%.1f%%)\n",
          nHunt, nOk, nHunt ? 100.0*nOk/nHunt : 0.0, nOffline, nOk+nOffline,
          nHunt ? 100.0*(nOk+nOffline)/nHunt : 0.0, nColsSame, nOk, nOk ? 100.0*nColsSame/nOk : 0.0);
  sqlite3_stmt *pGrp = 0;
  sqlite3_prepare_v2(db, "SELECT count(*), msg, min(file) FROM fail GROUP BY msg ORDER BY 1 DESC LIMIT 40", -1, &pGrp, 0);
  while( sqlite3_step(pGrp)==SQLITE_ROW ){
    fprintf(stderr, "  %4d  %s  [%s]\n", sqlite3_column_int(pGrp, 0), sqlite3_column_text(pGrp, 1),
            sqlite3_column_text(pGrp, 2));
  }
  sqlite3_finalize(pGrp);
  sqlite3_finalize(pSel);
  sqlite3_finalize(pIns);
  sqlite3_close(db);
  kql_close(pEng);
  snprintf(zCmd, sizeof(zCmd), "rm -rf %s", zDir);
  if( system(zCmd) ){}
  /* The targets are 90%, 97% and 95%; KQLITE_CORPUS_RUN_MIN /
  ** _OFFLINE_MIN / _COLS_MIN (percent) override them (the Makefile sets the
  ** level reached so far, as a regression floor, until the targets are met). */
  double rOk = getenv("KQLITE_CORPUS_RUN_MIN") ? atof(getenv("KQLITE_CORPUS_RUN_MIN")) : 90;
  double rOff = getenv("KQLITE_CORPUS_OFFLINE_MIN") ? atof(getenv("KQLITE_CORPUS_OFFLINE_MIN")) : 97;
  double rCols = getenv("KQLITE_CORPUS_COLS_MIN") ? atof(getenv("KQLITE_CORPUS_COLS_MIN")) : 95;
  cr_expect_geq(100.0*nOk, rOk*nHunt, "only %d of %d hunts run (floor %.1f%%)", nOk, nHunt, rOk);
  cr_expect_geq(100.0*(nOk+nOffline), rOff*nHunt, "only %d of %d hunts run or stop offline (floor %.1f%%)",
                nOk+nOffline, nHunt, rOff);
  cr_expect_geq(100.0*nColsSame, rCols*nOk, "columns agree for only %d of %d (floor %.1f%%)", nColsSame, nOk, rCols);
}
