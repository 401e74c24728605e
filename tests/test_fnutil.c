/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests for fnutil.c, the helpers shared by the fn_*.c SQL functions:
** type tags, tostring() text and JSON rendering of stored values, JSON
** validation/unquoting/iteration, UTF-8 and case mapping.
*/
#include <criterion/criterion.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include "fnutil.h"

/* Render "SELECT <zExpr>" as eType through kqlFnAppendJsonValue (bJson) or kqlFnAppendText into zOut. */
static void render(int bJson, int eType, const char *zExpr, char *zOut, int nOut){
  sqlite3 *db;
  sqlite3_stmt *pStmt;
  char *zSql = sqlite3_mprintf("SELECT %s", zExpr);
  sqlite3_str *p = sqlite3_str_new(0);
  char *z;
  cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  cr_assert_eq(sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0), SQLITE_OK);
  cr_assert_eq(sqlite3_step(pStmt), SQLITE_ROW);
  if( bJson ) kqlFnAppendJsonValue(p, eType, sqlite3_column_value(pStmt, 0));
  else kqlFnAppendText(p, eType, sqlite3_column_value(pStmt, 0));
  z = sqlite3_str_finish(p);
  snprintf(zOut, (size_t)nOut, "%s", z ? z : "");
  sqlite3_free(z);
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
  sqlite3_free(zSql);
}

Test(fnutil, append_json_value){
  char z[256];
  render(1, KQL_T_DATETIME, "0", z, sizeof(z));      cr_assert_str_eq(z, "\"1970-01-01T00:00:00.0000000Z\"");
  render(1, KQL_T_TIMESPAN, "10000000", z, sizeof(z)); cr_assert_str_eq(z, "\"00:00:01\"");
  render(1, KQL_T_BOOL, "1", z, sizeof(z));          cr_assert_str_eq(z, "true");
  render(1, KQL_T_LONG, "42", z, sizeof(z));         cr_assert_str_eq(z, "42");
  render(1, KQL_T_REAL, "1.0", z, sizeof(z));        cr_assert_str_eq(z, "1.0");
  render(1, KQL_T_REAL, "0.25", z, sizeof(z));       cr_assert_str_eq(z, "0.25");
  render(1, KQL_T_REAL, "1e300*1e300", z, sizeof(z)); cr_assert_str_eq(z, "\"Infinity\"");
  render(1, KQL_T_STRING, "'a\"b' || char(10)", z, sizeof(z)); cr_assert_str_eq(z, "\"a\\\"b\\n\"");
  render(1, KQL_T_DYNAMIC, "' [1, 2] '", z, sizeof(z)); cr_assert_str_eq(z, "[1, 2]");
  render(1, KQL_T_DYNAMIC, "'not json'", z, sizeof(z)); cr_assert_str_eq(z, "\"not json\"");
  render(1, KQL_T_GUID, "'74be27de-1e4e-49d9-b579-fe0b331d3642'", z, sizeof(z));
  cr_assert_str_eq(z, "\"74be27de-1e4e-49d9-b579-fe0b331d3642\"");
  render(1, KQL_T_STRING, "NULL", z, sizeof(z));     cr_assert_str_eq(z, "null");
  render(1, KQL_T_UNKNOWN, "2.5", z, sizeof(z));     cr_assert_str_eq(z, "2.5");
  render(1, KQL_T_STRING, "char(1)", z, sizeof(z));  cr_assert_str_eq(z, "\"\\u0001\"");
}

Test(fnutil, append_text){
  char z[256];
  render(0, KQL_T_DATETIME, "15778368001234567", z, sizeof(z)); cr_assert_str_eq(z, "2020-01-01T00:00:00.1234567Z");
  render(0, KQL_T_TIMESPAN, "-864000000000", z, sizeof(z)); cr_assert_str_eq(z, "-1.00:00:00");
  render(0, KQL_T_BOOL, "0", z, sizeof(z));          cr_assert_str_eq(z, "false");
  render(0, KQL_T_REAL, "100.0", z, sizeof(z));      cr_assert_str_eq(z, "100");
  render(0, KQL_T_DYNAMIC, "'\"x\\u00e9\"'", z, sizeof(z)); cr_assert_str_eq(z, "x\xc3\xa9");
  render(0, KQL_T_DYNAMIC, "'{\"a\":1}'", z, sizeof(z)); cr_assert_str_eq(z, "{\"a\":1}");
  render(0, KQL_T_LONG, "NULL", z, sizeof(z));       cr_assert_str_eq(z, "");
}

Test(fnutil, json_valid){
  cr_assert_eq(kqlFnJsonValid("{\"a\":[1,2.5e3,-0,true,false,null,\"\\u00e9\"]}", -1), 1);
  cr_assert_eq(kqlFnJsonValid(" 1 ", -1), 1);
  cr_assert_eq(kqlFnJsonValid("{\"a\":}", -1), 0);
  cr_assert_eq(kqlFnJsonValid("[1,]", -1), 0);
  cr_assert_eq(kqlFnJsonValid("01", -1), 0);
  cr_assert_eq(kqlFnJsonValid("\"a", -1), 0);
  cr_assert_eq(kqlFnJsonValid("", -1), 0);
  cr_assert_eq(kqlFnJsonValid("[1] [2]", -1), 0);
  {
    /* nesting deeper than 1000 is rejected without a stack overflow */
    static char zDeep[5001];
    memset(zDeep, '[', 5000);
    cr_assert_eq(kqlFnJsonValid(zDeep, 5000), 0);
  }
}

static int collect(void *pArg, const char *z, int n, int bString){
  sqlite3_str *p = (sqlite3_str*)pArg;
  sqlite3_str_appendf(p, "%s%.*s|", bString ? "s:" : "", n, z);
  return 0;
}

Test(fnutil, json_array_each){
  sqlite3_str *p = sqlite3_str_new(0);
  char *z;
  cr_assert_eq(kqlFnJsonArrayEach("[1, \"a\\tb\", [2,3], null]", -1, collect, p), 4);
  z = sqlite3_str_finish(p);
  cr_assert_str_eq(z, "1|s:a\tb|[2,3]|null|");
  sqlite3_free(z);
  cr_assert_eq(kqlFnJsonArrayEach("{\"a\":1}", -1, collect, 0), -1);
  cr_assert_eq(kqlFnJsonArrayEach("[]", -1, collect, 0), 0);
}

Test(fnutil, utf8_and_case){
  const unsigned char z[] = "a\xc3\xa9\xe2\x92\xa6\xff";
  int i = 0;
  cr_assert_eq(kqlFnUtf8Next(z, 7, &i), 'a');
  cr_assert_eq(kqlFnUtf8Next(z, 7, &i), 0xE9);
  cr_assert_eq(kqlFnUtf8Next(z, 7, &i), 0x24A6);
  cr_assert_eq(kqlFnUtf8Next(z, 7, &i), 0xFFFD);
  cr_assert_eq(i, 7);
  cr_assert_eq(kqlFnUtf8Valid(z, 6), 1);
  cr_assert_eq(kqlFnUtf8Valid(z, 7), 0);
  cr_assert_eq(kqlFnUtf8Valid((const unsigned char*)"\xc0\x80", 2), 0);     /* overlong */
  cr_assert_eq(kqlFnUtf8Valid((const unsigned char*)"\xed\xa0\x80", 3), 0); /* surrogate */
  cr_assert_eq(kqlFnToLower(0x391), 0x3B1);
  cr_assert_eq(kqlFnToUpper(0x3C2), 0x3A3);
  cr_assert_eq(kqlFnToLower(0x410), 0x430);
  cr_assert_eq(kqlFnToUpper(0x451), 0x401);
  cr_assert_eq(kqlFnToLower(0x178), 0xFF);
  cr_assert_eq(kqlFnToUpper(0x101), 0x100);
  cr_assert_eq(kqlFnToLower(0x130), 0x130);
}
