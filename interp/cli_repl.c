/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqlite repl: an interactive prompt for learning and exploring KQL, with
** line editing and history (libedit). A query may span several lines; it
** runs when a line ends with ';' or when an empty line follows it. Dot
** commands: .help, .tables, .schema TABLE, .format FMT, .now DATETIME,
** .quit. Tables come from --data DIR / --table NAME=PATH as for `run`.
** Errors print with the caret under the offending text; the session goes on.
*/
#include "cli.h"
#include "kql.h"
#include "render.h"
#include "value.h"
#include <editline/readline.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct Repl Repl;
struct Repl {
  KqlEngine *pEng;
  int eFmt;             /* KQL_FMT_* */
  int iTable;           /* results printed in this command */
  int nQuery;           /* queries run so far (labels "<query N>") */
};

static int replResult(void *pArg, KqlResult *pRes){
  Repl *r = pArg;
  if( r->iTable ) fputc('\n', stdout);
  kqlRenderResult(stdout, r->eFmt, pRes, r->iTable);
  r->iTable++;
  return 0;
}

static void replRun(Repl *r, const char *zText){
  char zName[32];
  snprintf(zName, sizeof(zName), "<query %d>", ++r->nQuery);
  KqlSource src = { zName, zText, (int)strlen(zText), 0, 0 };
  KqlArena *pArena = kqlArenaNew();
  KqlDiagList diags;
  kqlDiagInit(&diags, pArena);
  r->iTable = 0;
  kql_run(r->pEng, &src, &diags, replResult, r);
  fflush(stdout);
  for(KqlDiag *d = diags.pFirst; d; d = d->pNext) kqlDiagPrint(stderr, &src, d);
  kqlArenaFree(pArena);
}

static void replHelp(void){
  puts("Type a KQL query; it runs when a line ends with ';' or after an empty line.\n"
       "  .tables            tables this session can read (--data DIR, --table)\n"
       "  .schema TABLE      columns and types of a table\n"
       "  .format FMT        table, csv, tsv, json, jsonl or markdown\n"
       "  .now DATETIME      pin now() and ago() (e.g. .now 2026-06-10T00:00:00Z)\n"
       "  .help              this text\n"
       "  .quit              leave (or Ctrl-D)\n"
       "Example:  print greeting = strcat(\"hello, \", \"KQL\")");
}

/* A dot command; returns 1 to quit. */
static int replCommand(Repl *r, const char *zLine){
  char zCmd[32] = {0};
  const char *zArg = zLine + 1;
  int n = 0;
  while( zArg[n] && zArg[n]!=' ' && n<30 ){ zCmd[n] = zArg[n]; n++; }
  zArg += n;
  while( *zArg==' ' ) zArg++;
  if( strcmp(zCmd, "quit")==0 || strcmp(zCmd, "exit")==0 || strcmp(zCmd, "q")==0 ) return 1;
  if( strcmp(zCmd, "help")==0 ){ replHelp(); return 0; }
  if( strcmp(zCmd, "tables")==0 ){
    replRun(r, "union withsource=Table * | summarize Rows = count() by Table | order by Table asc");
    return 0;
  }
  if( strcmp(zCmd, "schema")==0 ){
    if( *zArg==0 ){ fputs("usage: .schema TABLE\n", stderr); return 0; }
    char *zQ = malloc(strlen(zArg) + 64);
    if( zQ==0 ) return 0;
    snprintf(zQ, strlen(zArg) + 64, "['%s'] | getschema | project ColumnName, ColumnType", zArg);
    replRun(r, zQ);
    free(zQ);
    return 0;
  }
  if( strcmp(zCmd, "format")==0 ){
    int e = kqlRenderFormatFromName(zArg);
    if( e<0 ) fprintf(stderr, "unknown format '%s' (table, csv, tsv, json, jsonl, markdown)\n", zArg);
    else r->eFmt = e;
    return 0;
  }
  if( strcmp(zCmd, "now")==0 ){
    int64_t t;
    if( kqlValParseDatetime(zArg, (int)strlen(zArg), &t) ) fprintf(stderr, "not a datetime: '%s'\n", zArg);
    else kql_set_now(r->pEng, t);
    return 0;
  }
  fprintf(stderr, "unknown command '.%s' (try .help)\n", zCmd);
  return 0;
}

int kqlCliRepl(KqlEngine *pEng, int eFmt){
  Repl r;
  memset(&r, 0, sizeof(r));
  r.pEng = pEng;
  r.eFmt = eFmt<0 ? (isatty(1) ? KQL_FMT_TABLE : KQL_FMT_CSV) : eFmt;
  int bTty = isatty(0);
  if( bTty ) puts("kqlite — offline KQL. Type .help for help, .quit to leave.");
  char *zBuf = 0;
  size_t nBuf = 0;
  for(;;){
    char *zLine = bTty ? readline(nBuf ? "   ...> " : "kqlite> ") : 0;
    if( !bTty ){
      size_t nAlloc = 0;
      ssize_t got = getline(&zLine, &nAlloc, stdin);
      if( got<0 ){ free(zLine); zLine = 0; }
      else if( got>0 && zLine[got-1]=='\n' ) zLine[got-1] = 0;
    }
    if( zLine==0 ){
      if( nBuf ) replRun(&r, zBuf);
      break;
    }
    const char *z = zLine;
    while( *z==' ' || *z=='\t' ) z++;
    if( nBuf==0 && z[0]=='.' ){
      if( bTty ) add_history(zLine);
      int bQuit = replCommand(&r, z);
      free(zLine);
      if( bQuit ) break;
      continue;
    }
    size_t n = strlen(zLine);
    int bBlank = *z==0;
    if( !bBlank ){
      char *zNew = realloc(zBuf, nBuf + n + 2);
      if( zNew==0 ){ free(zLine); break; }
      zBuf = zNew;
      memcpy(zBuf + nBuf, zLine, n);
      nBuf += n;
      zBuf[nBuf++] = '\n';
      zBuf[nBuf] = 0;
    }
    const char *zEnd = zLine + n;
    while( zEnd>zLine && (zEnd[-1]==' ' || zEnd[-1]=='\t' || zEnd[-1]=='\r') ) zEnd--;
    int bSemi = zEnd>zLine && zEnd[-1]==';';
    free(zLine);
    if( nBuf && (bBlank || bSemi) ){
      if( bTty ){
        /* history keeps the whole query as one entry */
        char *zHist = strdup(zBuf);
        if( zHist ){
          for(char *c = zHist; *c; c++) if( *c=='\n' ) *c = ' ';
          add_history(zHist);
          free(zHist);
        }
      }
      replRun(&r, zBuf);
      nBuf = 0;
      zBuf[0] = 0;
    }
  }
  free(zBuf);
  return 0;
}
