/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Three small text parsers: parse_version(v) (one to four dot-separated
** parts of up to eight digits, weighted 10^24, 10^16, 10^8, 1; a decimal,
** stored as REAL as every decimal is, so parts beyond the 16th significant
** digit are rounded), parse_command_line(cmd, "windows") (the argument
** splitting rules of Windows' CommandLineToArgvW, first argument included)
** and parse_csv(record) (one CSV record, quotes doubled inside quoted
** fields, a line break outside quotes ends the record). The last two
** return a JSON array of strings.
*/
#include "fn.h"
#include "fn_misc.h"
#include "fn_text.h"
#include "fnutil.h"
#include <string.h>
#include <strings.h>

/*
** kql_parse_version(v): the version's comparable number, or NULL when v
** is not 1-4 parts of 1-8 decimal digits separated by '.' (surrounding
** blanks allowed).
*/
static void parseVersionFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n, i = 0, nPart = 0;
  const char *z;
  double aPart[4] = {0, 0, 0, 0}, r;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = kqlFnText(argv[0], &n);
  while( n>0 && (z[n-1]==' ' || z[n-1]=='\t') ) n--;
  while( i<n && (z[i]==' ' || z[i]=='\t') ) i++;
  for(;;){
    int nDig = 0;
    double v = 0;
    while( i<n && z[i]>='0' && z[i]<='9' ){
      v = v*10 + (z[i]-'0');
      nDig++; i++;
    }
    if( nDig==0 || nDig>8 || nPart>=4 ) return;
    aPart[nPart++] = v;
    if( i==n ) break;
    if( z[i]!='.' ) return;
    i++;
  }
  r = ((aPart[3] + aPart[2]*1e8) + aPart[1]*1e16) + aPart[0]*1e24;
  sqlite3_result_double(ctx, r);
}

/*********************************** parse_command_line ***********************************/

/*
** Split the command line z[0..n) as CommandLineToArgvW does, appending a
** JSON array of strings to p. The first argument (the program) ends at
** the next quote when it starts with one, else at the next blank, with no
** escapes. In the others, 2k backslashes before a quote give k
** backslashes and the quote toggles quoting, 2k+1 give k backslashes and
** a literal quote; inside quotes a run of quotes yields one literal quote
** per three; blanks outside quotes separate arguments. Returns SQLITE_OK
** or SQLITE_NOMEM.
*/
static int splitWindows(sqlite3_str *p, const char *z, int n){
  sqlite3_str *pArg = sqlite3_str_new(0);
  int i = 0, nArg = 0, rc;
  sqlite3_str_append(p, "[", 1);
  if( n>0 ){
    int iStart;
    if( z[0]=='"' ){
      iStart = 1;
      for(i=1; i<n && z[i]!='"'; i++){}
      kqlFnAppendJsonString(p, z+iStart, i-iStart);
      if( i<n ) i++;
    }else{
      for(i=0; i<n && z[i]!=' ' && z[i]!='\t'; i++){}
      kqlFnAppendJsonString(p, z, i);
    }
    nArg++;
  }
  while( i<n && (z[i]==' ' || z[i]=='\t') ) i++;
  while( i<n ){
    int nQuote = 0;      /* quotes seen in the current run state (0 = outside) */
    sqlite3_str_reset(pArg);
    while( i<n ){
      char c = z[i];
      if( (c==' ' || c=='\t') && nQuote==0 ) break;
      if( c=='\\' ){
        int nBs = 0;
        while( i<n && z[i]=='\\' ){ nBs++; i++; }
        if( i<n && z[i]=='"' ){
          sqlite3_str_appendchar(pArg, nBs/2, '\\');
          if( nBs%2 ){ sqlite3_str_append(pArg, "\"", 1); i++; }
        }else{
          sqlite3_str_appendchar(pArg, nBs, '\\');
        }
        continue;
      }
      if( c=='"' ){
        nQuote++;
        i++;
        while( i<n && z[i]=='"' ){
          if( ++nQuote==3 ){
            sqlite3_str_append(pArg, "\"", 1);
            nQuote = 0;
          }
          i++;
        }
        if( nQuote==2 ) nQuote = 0;
        continue;
      }
      sqlite3_str_append(pArg, &z[i], 1);
      i++;
    }
    if( nArg++ ) sqlite3_str_append(p, ",", 1);
    kqlFnAppendJsonString(p, sqlite3_str_value(pArg) ? sqlite3_str_value(pArg) : "",
                          sqlite3_str_length(pArg));
    while( i<n && (z[i]==' ' || z[i]=='\t') ) i++;
  }
  sqlite3_str_append(p, "]", 1);
  rc = sqlite3_str_errcode(pArg);
  sqlite3_free(sqlite3_str_finish(pArg));
  return rc;
}

/*
** kql_parse_command_line(cmd, parser): a JSON array of the arguments of
** cmd; parser must be "windows" (any case). NULL for NULL arguments or an
** unknown parser.
*/
static void parseCmdFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n, nType;
  const char *z, *zType;
  sqlite3_str *p;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL || sqlite3_value_type(argv[1])==SQLITE_NULL ) return;
  zType = kqlFnText(argv[1], &nType);
  if( nType!=7 || strncasecmp(zType, "windows", 7)!=0 ) return;
  z = kqlFnText(argv[0], &n);
  p = sqlite3_str_new(0);
  if( splitWindows(p, z, n)!=SQLITE_OK ){
    sqlite3_free(sqlite3_str_finish(p));
    sqlite3_result_error_nomem(ctx);
    return;
  }
  kqlFnResultStr(ctx, p);
}

/*********************************** parse_csv ***********************************/

/*
** kql_parse_csv(record): JSON array of the fields of the first CSV record
** of record: ',' separates fields, a field that starts with '"' runs to
** the closing quote ("" inside is one quote; text after the closing quote
** is kept), and '\n' or '\r' outside quotes ends the record.
*/
static void parseCsvFunc(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  int n, i = 0, bMore = 1;
  const char *z;
  sqlite3_str *p, *pF;
  (void)argc;
  if( sqlite3_value_type(argv[0])==SQLITE_NULL ) return;
  z = kqlFnText(argv[0], &n);
  p = sqlite3_str_new(0);
  pF = sqlite3_str_new(0);
  sqlite3_str_append(p, "[", 1);
  for(int nField=0; bMore; nField++){
    sqlite3_str_reset(pF);
    bMore = 0;
    if( i<n && z[i]=='"' ){
      i++;
      while( i<n ){
        if( z[i]=='"' ){
          if( i+1<n && z[i+1]=='"' ){ sqlite3_str_append(pF, "\"", 1); i += 2; continue; }
          i++;
          break;
        }
        sqlite3_str_append(pF, &z[i], 1);
        i++;
      }
    }
    while( i<n && z[i]!=',' && z[i]!='\n' && z[i]!='\r' ){
      sqlite3_str_append(pF, &z[i], 1);
      i++;
    }
    if( i<n && z[i]==',' ){ i++; bMore = 1; }
    if( nField ) sqlite3_str_append(p, ",", 1);
    kqlFnAppendJsonString(p, sqlite3_str_value(pF) ? sqlite3_str_value(pF) : "",
                          sqlite3_str_length(pF));
  }
  sqlite3_str_append(p, "]", 1);
  if( sqlite3_str_errcode(pF) ){
    sqlite3_free(sqlite3_str_finish(pF));
    sqlite3_free(sqlite3_str_finish(p));
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_free(sqlite3_str_finish(pF));
  kqlFnResultStr(ctx, p);
}

static const FnDef aParseFn[] = {
  {"kql_parse_version",      1, 0, parseVersionFunc},
  {"kql_parse_command_line", 2, 0, parseCmdFunc},
  {"kql_parse_csv",          1, 0, parseCsvFunc},
};

/* kqlMiscRegisterParse(): contract in fn_misc.h. */
int kqlMiscRegisterParse(sqlite3 *db){
  return kqlFnRegisterTable(db, aParseFn, (int)(sizeof(aParseFn)/sizeof(aParseFn[0])));
}
