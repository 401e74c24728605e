/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Two suites. "confcmp" unit-tests the comparison rules of the documentation
** conformance cases (conformance_cmp.c) on small hand-made examples, one
** group per rule. "conformance" runs every case of
** ../shared/conformance/cases.jsonl through the public API (kql_open,
** kql_run, kql_result_*), each in a forked child under alarm() so a hang or a
** crash costs one case and not the run, compares the results with the
** expected tables, and prints a summary to stderr: the pass count of the
** unflagged cases, the failures grouped by outcome, by feature and by error
** message. The pass rate must reach KQLITE_CONFORMANCE_MIN percent (default
** 0). Environment knobs, for debugging:
**
**   KQLITE_CONFORMANCE_VERBOSE=1   print each failing case: query, expected, got
**   KQLITE_CONFORMANCE_FILTER=S    only the cases whose id contains S
**   KQLITE_CONFORMANCE_REPORT=F    write one JSON line per case to file F
**   KQLITE_CONFORMANCE_TIMEOUT=N   seconds per case (default 5; 20 under
**                                  KQLITE_SANITIZE)
**
** cases.jsonl is parsed with SQLite's JSON functions on an in-memory
** database (tests may include sqlite3.h; the engine API is used as a client).
*/
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "kql.h"
#include "arena.h"
#include "diag.h"
#include "types.h"
#include "conformance_cmp.h"

#ifdef __SANITIZE_ADDRESS__
# include <sanitizer/lsan_interface.h>
#endif

#define CASES_PATH "../shared/conformance/cases.jsonl"

/****************************************************************************
** Unit tests of the rules.
*/

/* Short names for the cell rule. */
static int cell(const char *zExp, int eType, const char *zGot){
  return kqlConfCellMatch(zExp, eType, zGot, 0);
}

Test(confcmp, exact_and_strings){
  cr_assert_eq(cell("abc", KQL_T_STRING, "abc"), 1);
  cr_assert_eq(cell("abc", KQL_T_STRING, "abd"), 0);
  cr_assert_eq(cell("abc", KQL_T_STRING, "ABC"), 0, "strings are case-sensitive");
  cr_assert_eq(cell(" abc", KQL_T_STRING, "abc"), 0);
  cr_assert_eq(cell("a\nb", KQL_T_STRING, "a\nb"), 1);
  cr_assert_eq(cell("abc", KQL_T_STRING, "  abc\t"), 1, "the docs cells were trimmed");
  cr_assert_eq(cell("abc", KQL_T_STRING, "  ab c"), 0);
}

Test(confcmp, null){
  cr_assert_eq(cell("", KQL_T_LONG, NULL), 1);
  cr_assert_eq(cell("null", KQL_T_LONG, NULL), 1);
  cr_assert_eq(cell("", KQL_T_STRING, ""), 1);
  cr_assert_eq(cell("null", KQL_T_DYNAMIC, ""), 1);
  cr_assert_eq(cell("0", KQL_T_LONG, NULL), 0, "0 is not null");
  cr_assert_eq(cell("", KQL_T_LONG, "0"), 0, "null is not 0");
  cr_assert_eq(cell("x", KQL_T_STRING, NULL), 0);
}

Test(confcmp, bool){
  cr_assert_eq(cell("true", KQL_T_BOOL, "true"), 1);
  cr_assert_eq(cell("True", KQL_T_BOOL, "true"), 1);
  cr_assert_eq(cell("False", KQL_T_BOOL, "false"), 1);
  cr_assert_eq(cell("1", KQL_T_BOOL, "true"), 1, "older pages print bools as numbers");
  cr_assert_eq(cell("0", KQL_T_BOOL, "false"), 1);
  cr_assert_eq(cell("1", KQL_T_BOOL, "false"), 0);
  cr_assert_eq(cell("True", KQL_T_BOOL, "false"), 0);
  cr_assert_eq(cell("yes", KQL_T_BOOL, "true"), 0);
  cr_assert_eq(cell("True", KQL_T_STRING, "true"), 0, "the bool rule needs a bool result");
}

Test(confcmp, numbers){
  cr_assert_eq(cell("42", KQL_T_LONG, "42"), 1);
  cr_assert_eq(cell("42", KQL_T_LONG, "43"), 0);
  cr_assert_eq(cell("-7", KQL_T_LONG, "-7"), 1);
  cr_assert_eq(cell("1.0", KQL_T_REAL, "1"), 1);
  cr_assert_eq(cell("0.1", KQL_T_REAL, "0.10000000000000001"), 1, "relative 1e-9");
  cr_assert_eq(cell("1E+20", KQL_T_REAL, "1e20"), 1);
  cr_assert_eq(cell("1.5E+20", KQL_T_REAL, "150000000000000000000"), 1);
}

Test(confcmp, numbers_rounded_to_shown_decimals){
  cr_assert_eq(cell("3.14", KQL_T_REAL, "3.14159265358979"), 1);
  cr_assert_eq(cell("3.142", KQL_T_REAL, "3.14159265358979"), 1);
  cr_assert_eq(cell("3.141", KQL_T_REAL, "3.14159265358979"), 0, "3.1416 rounds to 3.142");
  cr_assert_eq(cell("0.33", KQL_T_REAL, "0.333333333333333"), 1);
  cr_assert_eq(cell("0.34", KQL_T_REAL, "0.333333333333333"), 0);
  cr_assert_eq(cell("2.5", KQL_T_REAL, "2.54"), 1);
  cr_assert_eq(cell("2.5", KQL_T_REAL, "2.56"), 0);
  cr_assert_eq(cell("5.477", KQL_T_REAL, "5.4772255750516612"), 1);
  cr_assert_eq(cell("1.2E+3", KQL_T_REAL, "1249"), 1, "precision of an exponent form");
  cr_assert_eq(cell("1.2E+3", KQL_T_REAL, "1251"), 0);
}

Test(confcmp, numbers_special){
  cr_assert_eq(cell("NaN", KQL_T_REAL, "NaN"), 1);
  cr_assert_eq(cell("\xE2\x88\x9E", KQL_T_REAL, "Infinity"), 1, "the docs' infinity sign");
  cr_assert_eq(cell("-\xE2\x88\x9E", KQL_T_REAL, "-Infinity"), 1);
  cr_assert_eq(cell("Infinity", KQL_T_REAL, "-Infinity"), 0);
  cr_assert_eq(cell("NaN", KQL_T_REAL, "0"), 0);
  cr_assert_eq(cell("-\xE2\x88\x9E", KQL_T_REAL, "Infinity"), 0);
}

Test(confcmp, numbers_approximate){
  cr_assert_eq(kqlConfCellMatch("1000", KQL_T_LONG, "1030", 0), 0);
  cr_assert_eq(kqlConfCellMatch("1000", KQL_T_LONG, "1030", KQLCONF_F_APPROX), 1);
  cr_assert_eq(kqlConfCellMatch("1000", KQL_T_LONG, "1100", KQLCONF_F_APPROX), 0);
  cr_assert_eq(kqlConfCellMatch("[20, 20, 40]", KQL_T_DYNAMIC, "[20,21,40]", KQLCONF_F_APPROX), 1);
  cr_assert_eq(kqlConfCellMatch("[20, 20, 40]", KQL_T_DYNAMIC, "[20,21,40]", 0), 0);
}

Test(confcmp, datetime_forms){
  const char *z = "2017-10-01T00:00:00Z";
  cr_assert_eq(cell("2017-10-01 00:00:00.0000000", KQL_T_DATETIME, z), 1);
  cr_assert_eq(cell("2017-10-01T00:00:00Z", KQL_T_DATETIME, z), 1);
  cr_assert_eq(cell("2017-10-01", KQL_T_DATETIME, z), 1);
  cr_assert_eq(cell("10/01/2017 00:00:00", KQL_T_DATETIME, z), 1);
  cr_assert_eq(cell("10/1/2017 12:00:00 AM", KQL_T_DATETIME, z), 1);
  cr_assert_eq(cell("2017-10-01 00:00:01.0000000", KQL_T_DATETIME, z), 0);
  cr_assert_eq(cell("2017-10-02", KQL_T_DATETIME, z), 0);
  cr_assert_eq(cell("2017-10-01T00:00:00.123Z", KQL_T_DATETIME, "2017-10-01T00:00:00.1230000Z"), 1);
  cr_assert_eq(cell("2017-10-01T00:00:00.123Z", KQL_T_DATETIME, "2017-10-01T00:00:00.1234567Z"), 0);
  cr_assert_eq(cell("2017-10-01 13:30:00.0000000", KQL_T_DATETIME, "2017-10-01T13:30:00Z"), 1);
  cr_assert_eq(cell("10/01/2017 01:30:00 PM", KQL_T_DATETIME, "2017-10-01T13:30:00Z"), 1);
  cr_assert_eq(cell("2017-10-01", KQL_T_STRING, "2017-10-01T00:00:00Z"), 0,
               "a string result is compared as text");
}

Test(confcmp, datetime_parser){
  int64_t t;
  cr_assert_eq(kqlConfParseDatetime("1970-01-01", &t), 0);
  cr_assert_eq(t, 0);
  cr_assert_eq(kqlConfParseDatetime("1970-01-02T00:00:01.5Z", &t), 0);
  cr_assert_eq(t, 86401LL*10000000 + 5000000);
  cr_assert_eq(kqlConfParseDatetime("1969-12-31 23:59:59.9999999", &t), 0);
  cr_assert_eq(t, -1);
  cr_assert_eq(kqlConfParseDatetime("2000-02-29", &t), 0);
  cr_assert_eq(t, 951782400LL*10000000);
  cr_assert_eq(kqlConfParseDatetime("2017-10-01T02:00:00+02:00", &t), 0);
  cr_assert_eq(t, 1506816000LL*10000000);
  cr_assert_eq(kqlConfParseDatetime("2017-13-01", &t), -1);
  cr_assert_eq(kqlConfParseDatetime("hello", &t), -1);
  cr_assert_eq(kqlConfParseDatetime("2017-10-01 garbage", &t), -1);
  cr_assert_eq(kqlConfParseDatetime("", &t), -1);
}

Test(confcmp, timespan){
  int64_t t;
  cr_assert_eq(cell("00:00:01", KQL_T_TIMESPAN, "00:00:01"), 1);
  cr_assert_eq(cell("00:00:01.0000000", KQL_T_TIMESPAN, "00:00:01"), 1);
  cr_assert_eq(cell("1.00:00:00", KQL_T_TIMESPAN, "24:00:00"), 1, "compared as ticks");
  cr_assert_eq(cell("-00:30:00", KQL_T_TIMESPAN, "-00:30:00"), 1);
  cr_assert_eq(cell("-00:30:00", KQL_T_TIMESPAN, "00:30:00"), 0);
  cr_assert_eq(cell("00:00:00.5000000", KQL_T_TIMESPAN, "00:00:00.5"), 1);
  cr_assert_eq(cell("2.03:04:05.0060000", KQL_T_TIMESPAN, "2.03:04:05.006"), 1);
  cr_assert_eq(cell("2.03:04:05", KQL_T_TIMESPAN, "2.03:04:06"), 0);
  cr_assert_eq(kqlConfParseTimespan("1.02:03:04.5", &t), 0);
  cr_assert_eq(t, (((1LL*24 + 2)*60 + 3)*60 + 4)*10000000LL + 5000000);
  cr_assert_eq(kqlConfParseTimespan("-00:00:00.0000001", &t), 0);
  cr_assert_eq(t, -1);
  cr_assert_eq(kqlConfParseTimespan("1d", &t), -1);
  cr_assert_eq(kqlConfParseTimespan("00:61:00", &t), -1);
}

Test(confcmp, dynamic_json){
  cr_assert_eq(cell("{\"a\":1,\"b\":[1,2]}", KQL_T_DYNAMIC, "{\"b\":[1,2],\"a\":1}"), 1, "key order ignored");
  cr_assert_eq(cell("{\"a\": 1, \"b\": [1, 2]}", KQL_T_DYNAMIC, "{\"a\":1,\"b\":[1,2]}"), 1);
  cr_assert_eq(cell("[1,2]", KQL_T_DYNAMIC, "[2,1]"), 0, "array order matters");
  cr_assert_eq(cell("{\"a\":1}", KQL_T_DYNAMIC, "{\"a\":1,\"b\":2}"), 0);
  cr_assert_eq(cell("{\"a\":1.0}", KQL_T_DYNAMIC, "{\"a\":1}"), 1, "numbers compared as numbers");
  cr_assert_eq(cell("{\"a\":\"1\"}", KQL_T_DYNAMIC, "{\"a\":1}"), 0, "a string is not a number");
  cr_assert_eq(cell("[\"\\u00e9\"]", KQL_T_DYNAMIC, "[\"\xC3\xA9\"]"), 1, "escapes decoded");
  cr_assert_eq(cell("{\"a\":null}", KQL_T_DYNAMIC, "{\"a\":null}"), 1);
  cr_assert_eq(cell("[true]", KQL_T_DYNAMIC, "[false]"), 0);
  cr_assert_eq(kqlConfJsonEqual("[1,", "[1]", 0), -1);
  cr_assert_eq(kqlConfJsonEqual("{\"a\":[{\"b\":{}}]}", "{ \"a\" : [ { \"b\" : { } } ] }", 0), 1);
}

Test(confcmp, dynamic_text_fallbacks){
  cr_assert_eq(cell("[a, b]", KQL_T_DYNAMIC, "[\"a\",\"b\"]"), 1, "docs print [a, b]");
  cr_assert_eq(cell("hello", KQL_T_DYNAMIC, "\"hello\""), 1, "dynamic string");
  cr_assert_eq(cell("[a, c]", KQL_T_DYNAMIC, "[\"a\",\"b\"]"), 0);
  cr_assert_eq(cell("[a, b]", KQL_T_STRING, "[\"a\",\"b\"]"), 0, "only for dynamic results");
}

Test(confcmp, guid){
  const char *zG = "74be27de-1e4e-49d9-b579-fe0b331d3642";
  cr_assert_eq(cell("74BE27DE-1E4E-49D9-B579-FE0B331D3642", KQL_T_GUID, zG), 1);
  cr_assert_eq(cell("74be27de-1e4e-49d9-b579-fe0b331d3643", KQL_T_GUID, zG), 0);
  cr_assert_eq(cell("74BE27DE-1E4E-49D9-B579-FE0B331D3642", KQL_T_STRING, zG), 0);
}

Test(confcmp, flags_from_names){
  cr_assert_eq(kqlConfFlagFromName("nondeterministic"), KQLCONF_F_NONDET);
  cr_assert_eq(kqlConfFlagFromName("approximate"), KQLCONF_F_APPROX);
  cr_assert_eq(kqlConfFlagFromName("partial"), KQLCONF_F_PARTIAL);
  cr_assert_eq(kqlConfFlagFromName("ragged"), KQLCONF_F_RAGGED);
  cr_assert_eq(kqlConfFlagFromName("render"), KQLCONF_F_RENDER);
  cr_assert_eq(kqlConfFlagFromName("multiple_tables"), KQLCONF_F_MULTI);
  cr_assert_eq(kqlConfFlagFromName("bogus"), 0);
}

/* Build a table from a compact description: "a,b" columns, rows of
** "x,y" separated by ';'. "~" stands for a null cell. Typed when aeType. */
static KqlConfTable *mkTable(const char *zCols, const int *aeType, const char *zRows){
  KqlConfTable *p = kqlConfTableNew();
  char buf[512];
  char *zSave = 0, *zTok;
  int i = 0;
  snprintf(buf, sizeof(buf), "%s", zCols);
  for(zTok = strtok_r(buf, ",", &zSave); zTok; zTok = strtok_r(0, ",", &zSave)){
    kqlConfTableAddColumn(p, zTok, aeType ? aeType[i] : 0, aeType!=0);
    i++;
  }
  if( zRows ){
    char rows[1024];
    char *zRowSave = 0, *zRow;
    snprintf(rows, sizeof(rows), "%s", zRows);
    for(zRow = strtok_r(rows, ";", &zRowSave); zRow; zRow = strtok_r(0, ";", &zRowSave)){
      const char *az[16];
      int n = 0;
      char *z = zRow;
      for(;;){
        char *zComma = strchr(z, ',');
        if( zComma ) *zComma = 0;
        az[n++] = strcmp(z, "~")==0 ? 0 : z;
        if( !zComma || n==16 ) break;
        z = zComma+1;
      }
      kqlConfTableAddRow(p, n, az);
    }
  }
  return p;
}

static int tableMatch(const char *zExpCols, const char *zExpRows, const char *zGotCols,
                      const int *aeType, const char *zGotRows, int bOrdered, int mFlags){
  KqlConfTable *pE = mkTable(zExpCols, 0, zExpRows);
  KqlConfTable *pG = mkTable(zGotCols, aeType, zGotRows);
  char zWhy[300];
  int rc = kqlConfTableMatch(pE, pG, bOrdered, mFlags, zWhy, (int)sizeof(zWhy));
  if( rc==KQLCONF_MISMATCH ) cr_assert_neq(zWhy[0], 0, "a mismatch always says why");
  kqlConfTableFree(pE);
  kqlConfTableFree(pG);
  return rc;
}

static const int aLL[] = {KQL_T_LONG, KQL_T_LONG, KQL_T_LONG};
static const int aSL[] = {KQL_T_STRING, KQL_T_LONG};

Test(confcmp, table_columns){
  cr_assert_eq(tableMatch("a,b", "1,2", "a,b", aLL, "1,2", 0, 0), KQLCONF_MATCH);
  cr_assert_eq(tableMatch(" a ,b", "1,2", "a,b", aLL, "1,2", 0, 0), KQLCONF_MATCH, "names trimmed");
  cr_assert_eq(tableMatch("A,b", "1,2", "a,b", aLL, "1,2", 0, 0), KQLCONF_MATCH_CASE);
  cr_assert_eq(tableMatch("a,c", "1,2", "a,b", aLL, "1,2", 0, 0), KQLCONF_MISMATCH);
  cr_assert_eq(tableMatch("a", "1", "a,b", aLL, "1,2", 0, 0), KQLCONF_MISMATCH);
}

Test(confcmp, table_rows_unordered){
  cr_assert_eq(tableMatch("s,n", "x,1;y,2", "s,n", aSL, "y,2;x,1", 0, 0), KQLCONF_MATCH);
  cr_assert_eq(tableMatch("s,n", "x,1;y,2", "s,n", aSL, "y,2;x,1", 1, 0), KQLCONF_MISMATCH,
               "order matters when the query sorts");
  cr_assert_eq(tableMatch("s,n", "x,1;x,1", "s,n", aSL, "x,1;y,1", 0, 0), KQLCONF_MISMATCH,
               "a multiset: duplicates count");
  cr_assert_eq(tableMatch("s,n", "x,1", "s,n", aSL, "x,1;x,1", 0, 0), KQLCONF_MISMATCH, "row count");
  cr_assert_eq(tableMatch("s,n", "x,", "s,n", aSL, "x,~", 0, 0), KQLCONF_MATCH, "null cell");
}

Test(confcmp, table_rows_matching_not_greedy){
  /* Expected row 1 ("1.0") matches both result rows, expected row 2 ("1.04")
  ** only the second: a greedy pairing of row 1 with the second result row
  ** would wrongly fail. */
  static const int aR[] = {KQL_T_REAL};
  cr_assert_eq(tableMatch("r", "1.0;1.04", "r", aR, "1.04;1.0", 0, 0), KQLCONF_MATCH);
  cr_assert_eq(tableMatch("r", "1.0;1.04", "r", aR, "1.0;1.04", 0, 0), KQLCONF_MATCH);
  cr_assert_eq(tableMatch("r", "1.0;1.04", "r", aR, "1.0;1.0", 0, 0), KQLCONF_MISMATCH);
}

Test(confcmp, table_flag_nondeterministic){
  cr_assert_eq(tableMatch("a", "5;6", "a", aLL, "7;8", 0, KQLCONF_F_NONDET), KQLCONF_MATCH);
  cr_assert_eq(tableMatch("a", "5;6", "a", aLL, "7", 0, KQLCONF_F_NONDET), KQLCONF_MISMATCH);
  cr_assert_eq(tableMatch("a", "5", "b", aLL, "5", 0, KQLCONF_F_NONDET), KQLCONF_MISMATCH);
}

Test(confcmp, table_flag_partial){
  cr_assert_eq(tableMatch("a", "1;2", "a", aLL, "1;2;3", 1, KQLCONF_F_PARTIAL), KQLCONF_MATCH);
  cr_assert_eq(tableMatch("a", "2;3", "a", aLL, "1;2;3", 1, KQLCONF_F_PARTIAL), KQLCONF_MISMATCH,
               "ordered: a prefix");
  cr_assert_eq(tableMatch("a", "3;1", "a", aLL, "1;2;3", 0, KQLCONF_F_PARTIAL), KQLCONF_MATCH,
               "unordered: a sub-multiset");
  cr_assert_eq(tableMatch("a", "1;2", "a", aLL, "1", 0, KQLCONF_F_PARTIAL), KQLCONF_MISMATCH);
}

Test(confcmp, table_flag_approximate){
  cr_assert_eq(tableMatch("a", "100", "a", aLL, "102", 0, KQLCONF_F_APPROX), KQLCONF_MATCH);
  cr_assert_eq(tableMatch("a", "100", "a", aLL, "102", 0, 0), KQLCONF_MISMATCH);
}

Test(confcmp, table_ragged_rows){
  /* A docs row padded with empty cells still matches; a real extra cell does not. */
  cr_assert_eq(tableMatch("a,b", "1,2,", "a,b", aLL, "1,2", 0, 0), KQLCONF_MATCH);
  cr_assert_eq(tableMatch("a,b", "1,2,3", "a,b", aLL, "1,2", 0, 0), KQLCONF_MISMATCH);
}

/****************************************************************************
** The conformance runner.
*/

/* One case of cases.jsonl; apTable[0] is the main table, then additional_tables. */
typedef struct ConfCase ConfCase;
struct ConfCase {
  char *zId;
  char *zQuery;
  int bOrdered;
  int mFlags;
  char *zFlags;           /* the flags as text, "" when none */
  int nFeature;
  char **azFeature;
  int nTable;
  KqlConfTable **apTable;
};

static char *dupText(const unsigned char *z){
  const char *zz = z ? (const char*)z : "";
  char *p = malloc(strlen(zz)+1);
  cr_assert_not_null(p);
  strcpy(p, zz);
  return p;
}

/* Strings of the JSON array at zPath of zLine, in order. */
static int jsonStrings(sqlite3 *db, const char *zLine, const char *zPath, char ***pazOut){
  sqlite3_stmt *pStmt = 0;
  char **az = 0;
  int n = 0;
  sqlite3_prepare_v2(db, "SELECT value FROM json_each(?1, ?2) ORDER BY key", -1, &pStmt, 0);
  sqlite3_bind_text(pStmt, 1, zLine, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 2, zPath, -1, SQLITE_STATIC);
  while( sqlite3_step(pStmt)==SQLITE_ROW ){
    az = realloc(az, sizeof(char*)*(size_t)(n+1));
    az[n++] = dupText(sqlite3_column_text(pStmt, 0));
  }
  sqlite3_finalize(pStmt);
  *pazOut = az;
  return n;
}

/* The expected table whose columns/rows live under zBase ("$" or "$.additional_tables[1]"). */
static KqlConfTable *jsonTable(sqlite3 *db, const char *zLine, const char *zBase){
  KqlConfTable *p = kqlConfTableNew();
  char zPath[200];
  char **azCol = 0;
  int nCol;
  sqlite3_stmt *pStmt = 0;
  snprintf(zPath, sizeof(zPath), "%s.columns", zBase);
  nCol = jsonStrings(db, zLine, zPath, &azCol);
  for(int i=0; i<nCol; i++){
    kqlConfTableAddColumn(p, azCol[i], 0, 0);
    free(azCol[i]);
  }
  free(azCol);
  snprintf(zPath, sizeof(zPath), "%s.rows", zBase);
  sqlite3_prepare_v2(db,
      "SELECT r.key, c.value FROM json_each(?1, ?2) r LEFT JOIN json_each(r.value) c"
      " ORDER BY r.key, c.key", -1, &pStmt, 0);
  sqlite3_bind_text(pStmt, 1, zLine, -1, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 2, zPath, -1, SQLITE_STATIC);
  {
    long long iCur = -1;
    int nCell = 0, nAlloc = 0;
    char **az = 0;
    int rc;
    do{
      rc = sqlite3_step(pStmt);
      long long iRow = rc==SQLITE_ROW ? sqlite3_column_int64(pStmt, 0) : -2;
      if( iRow!=iCur && iCur>=0 ){
        kqlConfTableAddRow(p, nCell, (const char *const*)az);
        for(int i=0; i<nCell; i++) free(az[i]);
        nCell = 0;
      }
      if( rc!=SQLITE_ROW ) break;
      iCur = iRow;
      if( sqlite3_column_type(pStmt, 1)!=SQLITE_NULL || sqlite3_column_type(pStmt, 0)==SQLITE_NULL ){
        if( nCell>=nAlloc ){ nAlloc = nAlloc ? 2*nAlloc : 8; az = realloc(az, sizeof(char*)*(size_t)nAlloc); }
        az[nCell++] = dupText(sqlite3_column_text(pStmt, 1));
      }
    }while( 1 );
    free(az);
  }
  sqlite3_finalize(pStmt);
  return p;
}

/* Load all cases; returns the count, or -1 when the file is absent. */
static int loadCases(const char *zPath, ConfCase **paCase){
  FILE *in = fopen(zPath, "r");
  sqlite3 *db = 0;
  sqlite3_stmt *pHead = 0;
  ConfCase *a = 0;
  int n = 0;
  char *zLine = 0;
  size_t nLineAlloc = 0;
  ssize_t nLine;
  if( in==0 ) return -1;
  cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  cr_assert_eq(sqlite3_prepare_v2(db,
      "SELECT json_extract(?1,'$.id'), json_extract(?1,'$.query'),"
      " json_extract(?1,'$.ordered'), json_array_length(?1,'$.additional_tables')",
      -1, &pHead, 0), SQLITE_OK);
  while( (nLine = getline(&zLine, &nLineAlloc, in))>0 ){
    ConfCase *p;
    char **azFlag = 0;
    int nFlag, nExtra;
    if( nLine<=1 ) continue;
    sqlite3_reset(pHead);
    sqlite3_bind_text(pHead, 1, zLine, -1, SQLITE_STATIC);
    if( sqlite3_step(pHead)!=SQLITE_ROW ){
      fprintf(stderr, "conformance: %s: case %d is not valid JSON: %s\n",
              zPath, n+1, sqlite3_errmsg(db));
      continue;
    }
    a = realloc(a, sizeof(ConfCase)*(size_t)(n+1));
    p = &a[n++];
    memset(p, 0, sizeof(*p));
    p->zId = dupText(sqlite3_column_text(pHead, 0));
    p->zQuery = dupText(sqlite3_column_text(pHead, 1));
    p->bOrdered = sqlite3_column_int(pHead, 2);
    nExtra = sqlite3_column_int(pHead, 3);
    nFlag = jsonStrings(db, zLine, "$.flags", &azFlag);
    {
      size_t nF = 1;
      for(int i=0; i<nFlag; i++) nF += strlen(azFlag[i]) + 1;
      p->zFlags = calloc(nF, 1);
      for(int i=0; i<nFlag; i++){
        p->mFlags |= kqlConfFlagFromName(azFlag[i]);
        if( i ) strcat(p->zFlags, ",");
        strcat(p->zFlags, azFlag[i]);
        free(azFlag[i]);
      }
      free(azFlag);
    }
    p->nFeature = jsonStrings(db, zLine, "$.features", &p->azFeature);
    p->nTable = 1 + nExtra;
    p->apTable = calloc((size_t)p->nTable, sizeof(KqlConfTable*));
    p->apTable[0] = jsonTable(db, zLine, "$");
    for(int i=0; i<nExtra; i++){
      char zBase[64];
      snprintf(zBase, sizeof(zBase), "$.additional_tables[%d]", i);
      p->apTable[1+i] = jsonTable(db, zLine, zBase);
    }
  }
  free(zLine);
  sqlite3_finalize(pHead);
  sqlite3_close(db);
  fclose(in);
  *paCase = a;
  return n;
}

static void freeCases(ConfCase *a, int n){
  for(int i=0; i<n; i++){
    free(a[i].zId);
    free(a[i].zQuery);
    free(a[i].zFlags);
    for(int j=0; j<a[i].nFeature; j++) free(a[i].azFeature[j]);
    free(a[i].azFeature);
    for(int j=0; j<a[i].nTable; j++) kqlConfTableFree(a[i].apTable[j]);
    free(a[i].apTable);
  }
  free(a);
}

/*
** The child's report, written to a pipe. Records: a tag byte then fields;
** integers are 4 bytes in host order (parent and child are one machine), strings a
** 4-byte length then the bytes.
**   'T' nCol, then nCol x (type, name)   a result table starts
**   'R' nCol x (isnull byte, text)       a row of the current table
**   'N' total rows (8 bytes), bStepErr   the current table ends
**   'L'                                  sanitizer leak check failed
**   'E' rc, message, full diagnostics    the run ended (always the last record)
*/
#define CONF_MAX_ROWS 100000

typedef struct ChildOut ChildOut;
struct ChildOut {
  FILE *out;
};

static void putU32(FILE *out, uint32_t v){ fwrite(&v, sizeof(v), 1, out); }
static void putStr(FILE *out, const char *z){
  uint32_t n = z ? (uint32_t)strlen(z) : 0;
  putU32(out, n);
  if( n ) fwrite(z, 1, n, out);
}

static int childResult(void *pArg, KqlResult *pRes){
  ChildOut *p = (ChildOut*)pArg;
  int nCol = kql_result_columns(pRes);
  long long nRow = 0;
  int rc;
  fputc('T', p->out);
  putU32(p->out, (uint32_t)nCol);
  for(int i=0; i<nCol; i++){
    putU32(p->out, (uint32_t)kql_result_type(pRes, i));
    putStr(p->out, kql_result_name(pRes, i));
  }
  while( (rc = kql_result_step(pRes))==KQL_ROW ){
    if( nRow<CONF_MAX_ROWS ){
      fputc('R', p->out);
      for(int i=0; i<nCol; i++){
        int bNull = kql_result_isnull(pRes, i);
        fputc(bNull ? 1 : 0, p->out);
        putStr(p->out, bNull ? "" : kql_result_text(pRes, i));
      }
    }
    nRow++;
  }
  fputc('N', p->out);
  fwrite(&nRow, sizeof(nRow), 1, p->out);
  fputc(rc==KQL_DONE ? 0 : 1, p->out);
  return 0;
}

/* In the child: run one case, report on fd, never return. */
static void runChild(const ConfCase *pCase, int fd, unsigned nTimeout){
  ChildOut co;
  KqlEngine *pEng = 0;
  KqlArena *pArena;
  KqlDiagList diags;
  KqlSource src;
  int rc;
  char *zDiag = 0;
  size_t nDiag = 0;
  signal(SIGPIPE, SIG_IGN);
  alarm(nTimeout);
  co.out = fdopen(fd, "w");
  if( co.out==0 ) _exit(3);
  pArena = kqlArenaNew();
  kqlDiagInit(&diags, pArena);
  memset(&src, 0, sizeof(src));
  src.zName = pCase->zId;
  src.z = pCase->zQuery;
  src.n = (int)strlen(pCase->zQuery);
  rc = kql_open(&pEng);
  if( rc==KQL_OK ) rc = kql_run(pEng, &src, &diags, childResult, &co);
  {
    FILE *pMem = open_memstream(&zDiag, &nDiag);
    for(KqlDiag *d = diags.pFirst; d && pMem; d = d->pNext){
      if( d->eSev==KQL_SEV_ERROR ) kqlDiagPrint(pMem, &src, d);
    }
    if( pMem ) fclose(pMem);
  }
  const KqlDiag *pFirstErr = diags.pFirst;
  while( pFirstErr && pFirstErr->eSev!=KQL_SEV_ERROR ) pFirstErr = pFirstErr->pNext;
  /* Everything is flushed before the leak check, so a crash in the
  ** engine's teardown still leaves a complete report behind. */
  char *zFirst = strdup(pFirstErr ? pFirstErr->zMsg : "");
  kql_close(pEng);
  kqlArenaFree(pArena);
#ifdef __SANITIZE_ADDRESS__
  if( __lsan_do_recoverable_leak_check() ) fputc('L', co.out);
#endif
  fputc('E', co.out);
  putU32(co.out, (uint32_t)rc);
  putStr(co.out, zFirst);
  putStr(co.out, zDiag ? zDiag : "");
  free(zFirst);
  free(zDiag);
  fclose(co.out);
  _exit(0);
}

/* Outcome of one case. ORDER: azVerdict. */
#define V_PASS     0
#define V_MISMATCH 1
#define V_ERROR    2
#define V_TIMEOUT  3
#define V_CRASH    4
#define V_BROKEN   5   /* no complete report, or a leak */
#define V_REPORTED 6   /* ragged: mismatch reported, not failed */
#define V_COUNT    7
static const char *const azVerdict[] = {
  "pass", "mismatch", "error", "timeout", "crash", "broken", "reported"
};

typedef struct CaseResult CaseResult;
struct CaseResult {
  int eVerdict;           /* V_* */
  int bCaseNote;          /* column names differ only in letter case */
  char zWhy[400];         /* one-line reason */
  char *zDiag;            /* full diagnostics text (malloc'ed) or NULL */
  int nTable;
  KqlConfTable **apTable; /* the engine's tables */
};

/* Reading the child's report. */
typedef struct Rd Rd;
struct Rd { const unsigned char *z; size_t n, i; int bBad; };
static int rdByte(Rd *p){ if( p->i>=p->n ){ p->bBad = 1; return -1; } return p->z[p->i++]; }
static uint32_t rdU32(Rd *p){
  uint32_t v = 0;
  if( p->i+4>p->n ){ p->bBad = 1; p->i = p->n; return 0; }
  memcpy(&v, p->z+p->i, 4); p->i += 4; return v;
}
static char *rdStr(Rd *p){
  uint32_t n = rdU32(p);
  char *z;
  if( p->bBad || p->i+n>p->n ){ p->bBad = 1; p->i = p->n; return 0; }
  z = malloc((size_t)n+1);
  memcpy(z, p->z+p->i, n);
  z[n] = 0;
  p->i += n;
  return z;
}

/* Decode the report into pR; returns 1 when the 'E' record was seen. */
static int decodeReport(const unsigned char *z, size_t n, CaseResult *pR,
                        int *pRc, char **pzFirst, int *pbLeak, int *pbStepErr){
  Rd rd = {z, n, 0, 0};
  KqlConfTable *pCur = 0;
  while( rd.i<rd.n && !rd.bBad ){
    int c = rdByte(&rd);
    if( c=='T' ){
      uint32_t nCol = rdU32(&rd);
      pCur = kqlConfTableNew();
      pR->apTable = realloc(pR->apTable, sizeof(KqlConfTable*)*(size_t)(pR->nTable+1));
      pR->apTable[pR->nTable++] = pCur;
      for(uint32_t i=0; i<nCol && !rd.bBad; i++){
        int eType = (int)rdU32(&rd);
        char *zName = rdStr(&rd);
        kqlConfTableAddColumn(pCur, zName ? zName : "", eType, 1);
        free(zName);
      }
    }else if( c=='R' && pCur ){
      int nCol = pCur->nCol;
      char **az = calloc((size_t)(nCol ? nCol : 1), sizeof(char*));
      for(int i=0; i<nCol && !rd.bBad; i++){
        int bNull = rdByte(&rd);
        az[i] = rdStr(&rd);
        if( bNull ){ free(az[i]); az[i] = 0; }
      }
      if( !rd.bBad ) kqlConfTableAddRow(pCur, nCol, (const char *const*)az);
      for(int i=0; i<nCol; i++) free(az[i]);
      free(az);
    }else if( c=='N' && pCur ){
      long long nRow = 0;
      if( rd.i+sizeof(nRow)>rd.n ){ rd.bBad = 1; break; }
      memcpy(&nRow, rd.z+rd.i, sizeof(nRow));
      rd.i += sizeof(nRow);
      pCur->nRowTotal = nRow;
      if( rdByte(&rd)==1 ) *pbStepErr = 1;
    }else if( c=='L' ){
      *pbLeak = 1;
    }else if( c=='E' ){
      *pRc = (int)rdU32(&rd);
      *pzFirst = rdStr(&rd);
      pR->zDiag = rdStr(&rd);
      return !rd.bBad;
    }else{
      break;
    }
  }
  return 0;
}

/* Fork, run the case in the child, compare in the parent. */
static void runCase(const ConfCase *pCase, unsigned nTimeout, CaseResult *pR){
  int aFd[2];
  pid_t pid;
  unsigned char *zBuf = 0;
  size_t nBuf = 0, nAlloc = 0;
  int status = 0, bKilled = 0, rc = -1, bLeak = 0, bStepErr = 0;
  char *zFirst = 0;
  time_t tStart = time(0);
  memset(pR, 0, sizeof(*pR));
  cr_assert_eq(pipe(aFd), 0);
  fflush(stdout);
  fflush(stderr);
  pid = fork();
  cr_assert_neq(pid, -1, "fork failed");
  if( pid==0 ){
    close(aFd[0]);
    runChild(pCase, aFd[1], nTimeout);
  }
  close(aFd[1]);
  for(;;){
    struct pollfd pfd = {aFd[0], POLLIN, 0};
    int nReady = poll(&pfd, 1, 1000);
    if( nReady<0 && errno==EINTR ) continue;
    if( nReady==0 ){
      if( time(0) - tStart > (time_t)nTimeout + 5 ){ kill(pid, SIGKILL); bKilled = 1; }
      continue;
    }
    if( nAlloc-nBuf < 65536 ){
      nAlloc = nAlloc ? nAlloc*2 : 65536;
      zBuf = realloc(zBuf, nAlloc);
      cr_assert_not_null(zBuf);
    }
    ssize_t nRead = read(aFd[0], zBuf+nBuf, nAlloc-nBuf);
    if( nRead<0 && errno==EINTR ) continue;
    if( nRead<=0 ) break;
    nBuf += (size_t)nRead;
  }
  close(aFd[0]);
  while( waitpid(pid, &status, 0)<0 && errno==EINTR ){}

  int bDone = decodeReport(zBuf, nBuf, pR, &rc, &zFirst, &bLeak, &bStepErr);
  free(zBuf);
  if( !bDone ){
    if( WIFSIGNALED(status) && (WTERMSIG(status)==SIGALRM || bKilled) ){
      pR->eVerdict = V_TIMEOUT;
      snprintf(pR->zWhy, sizeof(pR->zWhy), "no result within %u s", nTimeout);
    }else if( WIFSIGNALED(status) ){
      pR->eVerdict = V_CRASH;
      snprintf(pR->zWhy, sizeof(pR->zWhy), "crashed: %s", strsignal(WTERMSIG(status)));
    }else{
      pR->eVerdict = V_BROKEN;
      snprintf(pR->zWhy, sizeof(pR->zWhy), "incomplete report, exit status %d",
               WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
  }else if( bLeak ){
    pR->eVerdict = V_BROKEN;
    snprintf(pR->zWhy, sizeof(pR->zWhy), "memory leak (see the sanitizer report above)");
  }else if( rc!=KQL_OK || bStepErr ){
    pR->eVerdict = V_ERROR;
    snprintf(pR->zWhy, sizeof(pR->zWhy), "%s", zFirst && zFirst[0] ? zFirst
             : (rc!=KQL_OK ? "error without a diagnostic" : "row step failed without a diagnostic"));
  }else if( pR->nTable!=pCase->nTable ){
    pR->eVerdict = V_MISMATCH;
    snprintf(pR->zWhy, sizeof(pR->zWhy), "expected %d result table%s, got %d",
             pCase->nTable, pCase->nTable==1 ? "" : "s", pR->nTable);
  }else{
    pR->eVerdict = V_PASS;
    for(int t=0; t<pCase->nTable; t++){
      char zWhy[360];
      int m = kqlConfTableMatch(pCase->apTable[t], pR->apTable[t], pCase->bOrdered,
                                pCase->mFlags, zWhy, (int)sizeof(zWhy));
      if( m==KQLCONF_MATCH_CASE ) pR->bCaseNote = 1;
      if( m==KQLCONF_MISMATCH ){
        pR->eVerdict = V_MISMATCH;
        if( pCase->nTable>1 ) snprintf(pR->zWhy, sizeof(pR->zWhy), "table %d: %s", t+1, zWhy);
        else snprintf(pR->zWhy, sizeof(pR->zWhy), "%s", zWhy);
        break;
      }
    }
  }
  if( pR->eVerdict!=V_PASS && pR->eVerdict!=V_ERROR && pR->eVerdict!=V_TIMEOUT
   && pR->eVerdict!=V_CRASH && (pCase->mFlags & KQLCONF_F_RAGGED) ){
    pR->eVerdict = V_REPORTED;
  }
  free(zFirst);
}

static void freeResult(CaseResult *p){
  for(int i=0; i<p->nTable; i++) kqlConfTableFree(p->apTable[i]);
  free(p->apTable);
  free(p->zDiag);
}

/* Print a table for the verbose dump (first 20 rows). */
static void dumpTable(const char *zTitle, const KqlConfTable *p){
  fprintf(stderr, "  %s (%d col, %lld rows):\n    ", zTitle, p->nCol, p->nRowTotal);
  for(int i=0; i<p->nCol; i++){
    fprintf(stderr, "%s%s", i ? " | " : "", p->azCol[i]);
    if( p->aeType ) fprintf(stderr, ":%s", kqlTypeName(p->aeType[i]));
  }
  fputc('\n', stderr);
  for(int r=0; r<p->nRow && r<20; r++){
    fputs("    ", stderr);
    for(int i=0; i<p->aRow[r].nCell; i++){
      const char *z = p->aRow[r].azCell[i];
      fprintf(stderr, "%s%s", i ? " | " : "", z ? z : "(null)");
    }
    fputc('\n', stderr);
  }
  if( p->nRow>20 ) fprintf(stderr, "    ... %d more\n", p->nRow-20);
}

/* Counting helpers for the summary. */
typedef struct Tally Tally;
struct Tally {
  char *zKey;
  int nFail, nTotal;
  char zEx[120];          /* a few example case ids */
};

static Tally *tallyFind(Tally **pa, int *pn, const char *zKey){
  for(int i=0; i<*pn; i++){
    if( strcmp((*pa)[i].zKey, zKey)==0 ) return &(*pa)[i];
  }
  *pa = realloc(*pa, sizeof(Tally)*(size_t)(*pn+1));
  Tally *p = &(*pa)[(*pn)++];
  memset(p, 0, sizeof(*p));
  p->zKey = strdup(zKey);
  return p;
}

static void tallyExample(Tally *p, const char *zId){
  size_t n = strlen(p->zEx);
  if( n + strlen(zId) + 3 < sizeof(p->zEx) ){
    snprintf(p->zEx+n, sizeof(p->zEx)-n, "%s%s", n ? ", " : "", zId);
  }
}

static int tallyCmp(const void *a, const void *b){
  const Tally *x = a, *y = b;
  if( x->nFail!=y->nFail ) return y->nFail - x->nFail;
  return strcmp(x->zKey, y->zKey);
}

static void tallyFree(Tally *a, int n){
  for(int i=0; i<n; i++) free(a[i].zKey);
  free(a);
}

/*
** The message zMsg with every quoted part ('...' or "...") replaced by an
** ellipsis and control characters by blanks, prefixed by the verdict: groups
** "unknown function 'x'" and "unknown function 'y'" together.
*/
static void templateOf(char *zOut, size_t nOut, const char *zVerdict, const char *zMsg){
  size_t n = 0;
  char cQuote = 0;
  int k = snprintf(zOut, nOut, "%s: ", zVerdict);
  if( k<0 || (size_t)k>=nOut ) return;
  n = (size_t)k;
  for(const char *z = zMsg; *z && n+4<nOut; z++){
    if( cQuote ){
      if( *z==cQuote ){ cQuote = 0; zOut[n++] = *z; }
      continue;
    }
    if( *z=='\'' || *z=='"' ){
      cQuote = *z;
      zOut[n++] = *z;
      memcpy(zOut+n, "\xE2\x80\xA6", 3);
      n += 3;
      continue;
    }
    zOut[n++] = (unsigned char)*z<0x20 ? ' ' : *z;
  }
  zOut[n] = 0;
}

static void jsonLine(FILE *out, const char *zKey, const char *zVal, int bLast){
  fprintf(out, "\"%s\":", zKey);
  kqlJsonPutString(out, zVal ? zVal : "", -1);
  fputs(bLast ? "}\n" : ",", out);
}

Test(conformance, docs_cases){
  ConfCase *aCase = 0;
  int nCase = loadCases(CASES_PATH, &aCase);
  const char *zFilter = getenv("KQLITE_CONFORMANCE_FILTER");
  const char *zVerbose = getenv("KQLITE_CONFORMANCE_VERBOSE");
  const char *zReport = getenv("KQLITE_CONFORMANCE_REPORT");
  const char *zMin = getenv("KQLITE_CONFORMANCE_MIN");
  const char *zTimeout = getenv("KQLITE_CONFORMANCE_TIMEOUT");
  int bVerbose = zVerbose && zVerbose[0] && strcmp(zVerbose, "0")!=0;
  unsigned nTimeout = getenv("KQLITE_SANITIZE") ? 20 : 5;
  double rMin = zMin ? atof(zMin) : 0.0;
  int aCount[V_COUNT] = {0};
  int nUnflagged = 0, nUnflaggedPass = 0, nFlagged = 0, nFlaggedPass = 0, nRun = 0;
  Tally *aFeat = 0, *aErr = 0, *aTmpl = 0;
  int nFeat = 0, nErr = 0, nTmpl = 0;
  char zMismatch[8000] = "";
  int nMismatchShown = 0;
  char zCaseNotes[400] = "";
  FILE *pReport = 0;

  if( nCase<0 ){
    cr_skip_test("conformance: %s not found (run from the repository root with ../shared present)",
                 CASES_PATH);
  }
  if( zTimeout && atoi(zTimeout)>0 ) nTimeout = (unsigned)atoi(zTimeout);
  if( zReport && zReport[0] ){
    pReport = fopen(zReport, "w");
    cr_assert_not_null(pReport, "cannot write %s", zReport);
  }

  for(int i=0; i<nCase; i++){
    const ConfCase *pCase = &aCase[i];
    CaseResult res;
    int bUnflagged = pCase->mFlags==0 && pCase->zFlags[0]==0;
    if( zFilter && strstr(pCase->zId, zFilter)==0 ) continue;
    nRun++;
    runCase(pCase, nTimeout, &res);
    aCount[res.eVerdict]++;
    if( bUnflagged ){
      nUnflagged++;
      if( res.eVerdict==V_PASS ) nUnflaggedPass++;
      for(int f=0; f<pCase->nFeature; f++){
        Tally *t = tallyFind(&aFeat, &nFeat, pCase->azFeature[f]);
        t->nTotal++;
        if( res.eVerdict!=V_PASS ){ t->nFail++; tallyExample(t, pCase->zId); }
      }
    }else{
      nFlagged++;
      if( res.eVerdict==V_PASS || res.eVerdict==V_REPORTED ) nFlaggedPass++;
    }
    if( res.eVerdict!=V_PASS && res.eVerdict!=V_REPORTED ){
      char zKey[100];
      snprintf(zKey, sizeof(zKey), "%s: %.80s", azVerdict[res.eVerdict],
               res.eVerdict==V_MISMATCH ? "wrong result" : res.zWhy);
      for(char *z = zKey; *z; z++) if( (unsigned char)*z<0x20 ) *z = ' ';
      Tally *t = tallyFind(&aErr, &nErr, zKey);
      t->nFail++;
      tallyExample(t, pCase->zId);
    }
    if( res.eVerdict!=V_PASS && res.eVerdict!=V_REPORTED ){
      char zKey[100];
      templateOf(zKey, sizeof(zKey), azVerdict[res.eVerdict],
                 res.eVerdict==V_MISMATCH ? "wrong result" : res.zWhy);
      Tally *t = tallyFind(&aTmpl, &nTmpl, zKey);
      t->nFail++;
      tallyExample(t, pCase->zId);
    }
    if( res.eVerdict==V_MISMATCH && nMismatchShown<40 ){
      size_t n = strlen(zMismatch);
      int k = snprintf(zMismatch+n, sizeof(zMismatch)-n, "  %s: %.240s\n", pCase->zId, res.zWhy);
      if( k>0 && (size_t)k < sizeof(zMismatch)-n ) nMismatchShown++;
      else zMismatch[n] = 0;
    }
    if( res.bCaseNote ){
      size_t n = strlen(zCaseNotes);
      if( n + strlen(pCase->zId) + 3 < sizeof(zCaseNotes) ){
        snprintf(zCaseNotes+n, sizeof(zCaseNotes)-n, "%s%s", n ? ", " : "", pCase->zId);
      }
    }
    if( bVerbose && res.eVerdict!=V_PASS ){
      fprintf(stderr, "\n=== %s [%s]%s%s: %s\n", pCase->zId, azVerdict[res.eVerdict],
              pCase->zFlags[0] ? " flags=" : "", pCase->zFlags, res.zWhy);
      fprintf(stderr, "  query:\n");
      for(const char *z = pCase->zQuery; *z; ){
        const char *e = strchr(z, '\n');
        int n = e ? (int)(e-z) : (int)strlen(z);
        fprintf(stderr, "    %.*s\n", n, z);
        z += n + (e ? 1 : 0);
      }
      for(int t=0; t<pCase->nTable; t++) dumpTable("expected", pCase->apTable[t]);
      for(int t=0; t<res.nTable; t++) dumpTable("got", res.apTable[t]);
      if( res.zDiag && res.zDiag[0] ) fprintf(stderr, "%s", res.zDiag);
    }
    if( pReport ){
      fputc('{', pReport);
      jsonLine(pReport, "id", pCase->zId, 0);
      jsonLine(pReport, "flags", pCase->zFlags, 0);
      jsonLine(pReport, "verdict", azVerdict[res.eVerdict], 0);
      jsonLine(pReport, "why", res.zWhy, 1);
    }
    freeResult(&res);
  }
  if( pReport ) fclose(pReport);

  /* Summary */
  double rRate = nUnflagged ? 100.0*nUnflaggedPass/nUnflagged : 100.0;
  fprintf(stderr, "\nconformance: %d/%d unflagged cases pass (%.1f%%)\n",
          nUnflaggedPass, nUnflagged, rRate);
  fprintf(stderr, "conformance: flagged cases: %d/%d pass or are reported (%d run in all)\n",
          nFlaggedPass, nFlagged, nRun);
  fprintf(stderr, "conformance: outcomes:");
  for(int v=0; v<V_COUNT; v++) if( aCount[v] ) fprintf(stderr, " %s %d", azVerdict[v], aCount[v]);
  fputc('\n', stderr);
  if( zCaseNotes[0] ){
    fprintf(stderr, "conformance: column names differing from the docs only in case: %s\n", zCaseNotes);
  }
  if( nFeat ){
    qsort(aFeat, (size_t)nFeat, sizeof(Tally), tallyCmp);
    fprintf(stderr, "conformance: failing unflagged cases by feature (failed/total, examples):\n");
    for(int i=0; i<nFeat && i<30 && aFeat[i].nFail; i++){
      fprintf(stderr, "  %-24s %3d/%-3d  %s\n", aFeat[i].zKey, aFeat[i].nFail, aFeat[i].nTotal, aFeat[i].zEx);
    }
  }
  if( nErr ){
    qsort(aErr, (size_t)nErr, sizeof(Tally), tallyCmp);
    fprintf(stderr, "conformance: failures by message (%d distinct; top 30):\n", nErr);
    for(int i=0; i<nErr && i<30; i++){
      fprintf(stderr, "  %3d  %s  [%s]\n", aErr[i].nFail, aErr[i].zKey, aErr[i].zEx);
    }
  }
  if( nTmpl ){
    qsort(aTmpl, (size_t)nTmpl, sizeof(Tally), tallyCmp);
    fprintf(stderr, "conformance: failures by message template (quoted text elided; top 15):\n");
    for(int i=0; i<nTmpl && i<15; i++){
      fprintf(stderr, "  %3d  %s\n", aTmpl[i].nFail, aTmpl[i].zKey);
    }
  }
  if( zMismatch[0] ){
    fprintf(stderr, "conformance: wrong results (first %d):\n%s", nMismatchShown, zMismatch);
  }
  tallyFree(aTmpl, nTmpl);
  tallyFree(aFeat, nFeat);
  tallyFree(aErr, nErr);
  freeCases(aCase, nCase);
  cr_assert(rRate >= rMin,
            "conformance: %.1f%% of unflagged cases pass, below KQLITE_CONFORMANCE_MIN=%.1f%%",
            rRate, rMin);
}
