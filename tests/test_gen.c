/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests for the synthetic table generator (tables/gen.h, interp/cli_gen.c):
** byte-for-byte determinism, schema conformance after loading the output
** with the real loaders (types, storage classes, JSON validity, the time
** window), CSV and JSON lines holding the same table, value shapes
** (addresses, hashes, vendor/product agreement, sub-second times), the
** planted IOC rows found by the seed hunts through the public API with the
** decoys left out, planting that leaves the other rows alone, every
** catalogue table generated and loaded in both formats, the "clean"
** generator flag, IOC parsing, and the command line's errors.
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "catalog.h"
#include "cli.h"
#include "gen.h"
#include "genInt.h"
#include "kqltest.h"
#include "load.h"
#include "types.h"

/*************************** helpers *****************************************/

static const KqlTableDef *table(const char *zName){
  const KqlTableDef *p = kqlCatalogFind(zName, -1);
  cr_assert_not_null(p, "table %s is not in the catalogue", zName);
  return p;
}

/* Generate zTable into memory; returns the malloc'ed bytes, *pn their count. */
static char *genMem(const char *zTable, const KqlGenOpts *o, size_t *pn, KqlGenReport *pRep){
  char *z = 0;
  size_t n = 0;
  char *zErr = 0;
  FILE *f = open_memstream(&z, &n);
  cr_assert_not_null(f);
  int rc = kqlGenTable(table(zTable), o, f, pRep, &zErr);
  fclose(f);
  cr_assert_eq(rc, 0, "kqlGenTable(%s): %s", zTable, zErr ? zErr : "");
  *pn = n;
  return z;
}

/* A new empty directory under /tmp (malloc'ed path). */
static char *tempDir(void){
  char *z = strdup("/tmp/kqlgen-XXXXXX");
  cr_assert_not_null(mkdtemp(z));
  return z;
}

/* Remove directory zDir and the files in it. */
static void removeDir(const char *zDir){
  DIR *d = opendir(zDir);
  struct dirent *e;
  if( d==0 ) return;
  while( (e = readdir(d))!=0 ){
    char zPath[512];
    if( strcmp(e->d_name, ".")==0 || strcmp(e->d_name, "..")==0 ) continue;
    snprintf(zPath, sizeof(zPath), "%s/%s", zDir, e->d_name);
    unlink(zPath);
  }
  closedir(d);
  rmdir(zDir);
}

/* Generate zTable into zDir/zTable.csv or .jsonl; returns the malloc'ed path. */
static char *genFile(const char *zDir, const char *zTable, const KqlGenOpts *o, KqlGenReport *pRep){
  char *zPath = malloc(strlen(zDir) + strlen(zTable) + 16);
  char *zErr = 0;
  sprintf(zPath, "%s/%s.%s", zDir, zTable, o->eFormat==KQL_GEN_JSONL ? "jsonl" : "csv");
  FILE *f = fopen(zPath, "wb");
  cr_assert_not_null(f, "cannot write %s", zPath);
  int rc = kqlGenTable(table(zTable), o, f, pRep, &zErr);
  cr_assert_eq(fclose(f), 0);
  cr_assert_eq(rc, 0, "kqlGenTable(%s): %s", zTable, zErr ? zErr : "");
  return zPath;
}

static sqlite3 *openDb(void){
  sqlite3 *db = 0;
  cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  return db;
}

/* Load zPath into table zSql with the catalogue schema of zTable. */
static KqlLoadSchema *load(sqlite3 *db, const char *zPath, const char *zSql, const char *zTable){
  KqlLoadSchema *pS = 0;
  char *zErr = 0;
  int rc = kqlLoadFile(db, zPath, zSql, table(zTable), &pS, &zErr);
  cr_assert_eq(rc, SQLITE_OK, "loading %s: %s", zPath, zErr ? zErr : "?");
  return pS;
}

/* The single integer a query returns. */
/* The SQL spelling of column zCol (names that differ only in case from
** another catalogue column carry a suffix, catalog.h); static buffer. */
static const char *sqlCol(const char *zCol){
  static char zBuf[256];
  size_t n = strlen(zCol);
  if( n>=128 ) return zCol;
  memcpy(zBuf, zCol, n);
  kqlCatalogSqlSuffix(zCol, (int)n, zBuf+n);
  return zBuf;
}

static long long sqlInt(sqlite3 *db, const char *zSql){
  sqlite3_stmt *p = 0;
  cr_assert_eq(sqlite3_prepare_v2(db, zSql, -1, &p, 0), SQLITE_OK, "%s: %s", zSql, sqlite3_errmsg(db));
  cr_assert_eq(sqlite3_step(p), SQLITE_ROW, "%s", zSql);
  long long v = sqlite3_column_int64(p, 0);
  sqlite3_finalize(p);
  return v;
}

static char *readFile(const char *zPath){
  FILE *f = fopen(zPath, "rb");
  cr_assert_not_null(f, "cannot read %s", zPath);
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *z = malloc((size_t)n + 1);
  cr_assert_eq(fread(z, 1, (size_t)n, f), (size_t)n);
  z[n] = 0;
  fclose(f);
  return z;
}

static int countLines(const char *z){
  int n = 0;
  for(; *z; z++) n += *z=='\n';
  return n;
}

/* SQLite storage class the loaders give a non-null value of KQL type eType. */
static const char *storageOf(int eType){
  switch( eType ){
    case KQL_T_BOOL: case KQL_T_INT: case KQL_T_LONG:
    case KQL_T_DATETIME: case KQL_T_TIMESPAN:
      return "integer";
    case KQL_T_REAL: case KQL_T_DECIMAL:
      return "real";
    default:
      return "text";
  }
}

/*************************** determinism *************************************/

Test(gen, same_seed_same_bytes){
  KqlGenOpts o;
  size_t n1, n2, n3;
  kqlGenOptsInit(&o);
  o.nRow = 3000;
  o.iSeed = 7;
  o.nIoc = 1;
  cr_assert_eq(kqlGenParseIoc("82.23.246.160:12159", &o.aIoc[0]), 0);
  for(int eFmt=0; eFmt<2; eFmt++){
    o.eFormat = eFmt;
    o.iSeed = 7;
    char *z1 = genMem("CommonSecurityLog", &o, &n1, 0);
    char *z2 = genMem("CommonSecurityLog", &o, &n2, 0);
    cr_assert_gt(n1, 100000u);
    cr_assert_eq(n1, n2);
    cr_assert(memcmp(z1, z2, n1)==0, "same seed, different bytes (format %d)", eFmt);
    o.iSeed = 8;
    char *z3 = genMem("CommonSecurityLog", &o, &n3, 0);
    cr_assert(n1!=n3 || memcmp(z1, z3, n1)!=0, "another seed gave the same bytes");
    free(z1); free(z2); free(z3);
  }
}

/* The row values do not depend on the format, the indicators or which other
** tables are generated: planting rewrites only the planted rows. */
Test(gen, planting_changes_only_planted_rows){
  KqlGenOpts o;
  KqlGenReport rep;
  size_t n1, n2;
  kqlGenOptsInit(&o);
  o.nRow = 4000;
  o.iSeed = 11;
  char *zPlain = genMem("DeviceNetworkEvents", &o, &n1, 0);
  o.nIoc = 1;
  cr_assert_eq(kqlGenParseIoc("82.23.246.160:12159", &o.aIoc[0]), 0);
  char *zPlanted = genMem("DeviceNetworkEvents", &o, &n2, &rep);
  int nDiff = 0, nLine = 0;
  char *s1 = 0, *s2 = 0;
  char *a = strtok_r(zPlain, "\n", &s1), *b = strtok_r(zPlanted, "\n", &s2);
  while( a && b ){
    nDiff += strcmp(a, b)!=0;
    nLine++;
    a = strtok_r(0, "\n", &s1);
    b = strtok_r(0, "\n", &s2);
  }
  cr_assert_null(a);
  cr_assert_null(b);
  cr_assert_eq(nLine, 4001);
  cr_assert_gt(rep.aIoc[0].nHit, 0);
  cr_assert_gt(rep.aIoc[0].nDecoy, 0);
  cr_assert_eq(nDiff, rep.aIoc[0].nHit + rep.aIoc[0].nDecoy);
  free(zPlain);
  free(zPlanted);
}

/*************************** schema conformance ******************************/

static const char *const azConformTable[] = {
  "CommonSecurityLog", "DeviceNetworkEvents", "DeviceProcessEvents", "SigninLogs",
  "SecurityEvent", "Syslog", "SecurityAlert", "AuditLogs", "OfficeActivity", "DnsEvents",
};

ParameterizedTestParameters(gen_schema, conforms){
  static int aIdx[sizeof(azConformTable)/sizeof(azConformTable[0])];
  size_t n = sizeof(aIdx)/sizeof(aIdx[0]);
  for(size_t i=0; i<n; i++) aIdx[i] = (int)i;
  return cr_make_param_array(int, aIdx, n);
}

/* Every catalogue column is there with its type; every non-null value has
** the storage class of its type; every column holds values; dynamic values
** are valid JSON; TimeGenerated lies in the window. */
ParameterizedTest(int *pIdx, gen_schema, conforms){
  const char *zTable = azConformTable[*pIdx];
  const KqlTableDef *pDef = table(zTable);
  KqlGenOpts o;
  kqlGenOptsInit(&o);
  o.nRow = 1500;
  o.iSeed = 42;
  char *zDir = tempDir();
  char *zPath = genFile(zDir, zTable, &o, 0);
  sqlite3 *db = openDb();
  KqlLoadSchema *pS = load(db, zPath, "t", zTable);
  cr_assert_eq(pS->nRow, 1500);
  cr_assert_eq(pS->nCol, pDef->nCol, "%s: %d columns loaded, catalogue has %d", zTable, pS->nCol, pDef->nCol);
  for(int i=0; i<pDef->nCol; i++){
    const char *zName = pDef->aCol[i].zName;
    const char *zCol = sqlCol(zName);
    int eType = pDef->aCol[i].eType;
    char *zSql;
    cr_assert_str_eq(pS->azName[i], zName);
    cr_assert_eq(pS->aeType[i], eType, "%s.%s", zTable, zCol);
    zSql = sqlite3_mprintf("SELECT count(*) FROM t WHERE \"%w\" IS NOT NULL AND typeof(\"%w\")<>'%q'",
                           zCol, zCol, storageOf(eType));
    cr_assert_eq(sqlInt(db, zSql), 0, "%s.%s: values not stored as %s", zTable, zCol, storageOf(eType));
    sqlite3_free(zSql);
    zSql = sqlite3_mprintf("SELECT count(*) FROM t WHERE \"%w\" IS NOT NULL AND \"%w\"<>''", zCol, zCol);
    cr_assert_gt(sqlInt(db, zSql), 0, "%s.%s never has a value", zTable, zCol);
    sqlite3_free(zSql);
    if( eType==KQL_T_DYNAMIC ){
      zSql = sqlite3_mprintf("SELECT count(*) FROM t WHERE \"%w\" IS NOT NULL AND NOT json_valid(\"%w\")",
                             zCol, zCol);
      cr_assert_eq(sqlInt(db, zSql), 0, "%s.%s: invalid JSON", zTable, zCol);
      sqlite3_free(zSql);
    }
    if( eType==KQL_T_BOOL ){
      zSql = sqlite3_mprintf("SELECT count(*) FROM t WHERE \"%w\" NOT IN (0, 1)", zCol);
      cr_assert_eq(sqlInt(db, zSql), 0, "%s.%s: bool not 0/1", zTable, zCol);
      sqlite3_free(zSql);
    }
  }
  /* TimeGenerated: in [now-7d, now), ascending up to the precision jitter */
  int64_t iEnd = KQL_GEN_DEFAULT_NOW, iStart = iEnd - 7*KQL_TICKS_PER_DAY;
  char *zSql = sqlite3_mprintf("SELECT count(*) FROM t WHERE TimeGenerated<%lld OR TimeGenerated>=%lld"
                               " OR TimeGenerated IS NULL", (long long)iStart, (long long)iEnd);
  cr_assert_eq(sqlInt(db, zSql), 0, "%s: TimeGenerated outside the window", zTable);
  sqlite3_free(zSql);
  cr_assert_gt(sqlInt(db, "SELECT max(TimeGenerated)-min(TimeGenerated) FROM t"), 6*KQL_TICKS_PER_DAY);
  kqlLoadSchemaFree(pS);
  sqlite3_close(db);
  unlink(zPath);
  removeDir(zDir);
  free(zPath);
  free(zDir);
}

/* The CSV and the JSON lines of one seed load to the same table. */
Test(gen_schema, csv_and_jsonl_agree){
  static const char *const az[] = { "CommonSecurityLog", "SigninLogs", "DeviceProcessEvents" };
  for(unsigned k=0; k<sizeof(az)/sizeof(az[0]); k++){
    KqlGenOpts o;
    kqlGenOptsInit(&o);
    o.nRow = 800;
    o.iSeed = 5;
    char *zDir = tempDir();
    char *zCsv = genFile(zDir, az[k], &o, 0);
    o.eFormat = KQL_GEN_JSONL;
    char *zJson = genFile(zDir, az[k], &o, 0);
    sqlite3 *db = openDb();
    kqlLoadSchemaFree(load(db, zCsv, "c", az[k]));
    kqlLoadSchemaFree(load(db, zJson, "j", az[k]));
    cr_assert_eq(sqlInt(db, "SELECT count(*) FROM c"), 800);
    cr_assert_eq(sqlInt(db, "SELECT count(*) FROM j"), 800);
    cr_assert_eq(sqlInt(db, "SELECT count(*) FROM (SELECT * FROM c EXCEPT SELECT * FROM j)"), 0,
                 "%s: CSV rows missing from JSONL", az[k]);
    cr_assert_eq(sqlInt(db, "SELECT count(*) FROM (SELECT * FROM j EXCEPT SELECT * FROM c)"), 0,
                 "%s: JSONL rows missing from CSV", az[k]);
    sqlite3_close(db);
    unlink(zCsv); unlink(zJson);
    removeDir(zDir);
    free(zCsv); free(zJson); free(zDir);
  }
}

/*************************** value shapes ************************************/

/* Is z a dotted IPv4 address? */
static int isIp4(const char *z){
  int n = 0, nDot = 0, v = 0;
  for(; *z; z++){
    if( *z=='.' ){ if( n==0 ) return 0; nDot++; n = 0; v = 0; continue; }
    if( *z<'0' || *z>'9' ) return 0;
    v = v*10 + (*z-'0');
    if( ++n>3 || v>255 ) return 0;
  }
  return nDot==3 && n>0;
}

static int isHex(const char *z, int n){
  if( (int)strlen(z)!=n ) return 0;
  for(int i=0; i<n; i++) if( !((z[i]>='0' && z[i]<='9') || (z[i]>='a' && z[i]<='f')) ) return 0;
  return 1;
}

Test(gen_values, network_columns_look_real){
  KqlGenOpts o;
  kqlGenOptsInit(&o);
  o.nRow = 2000;
  o.iSeed = 3;
  char *zDir = tempDir();
  char *zPath = genFile(zDir, "CommonSecurityLog", &o, 0);
  sqlite3 *db = openDb();
  kqlLoadSchemaFree(load(db, zPath, "t", "CommonSecurityLog"));
  sqlite3_stmt *p = 0;
  int nRow = 0, nPrivSrc = 0, nPubDst = 0;
  cr_assert_eq(sqlite3_prepare_v2(db, "SELECT \"SourceIP#1c\", \"DestinationIP#1081\", DestinationPort, SourcePort FROM t",
                                  -1, &p, 0), SQLITE_OK);
  while( sqlite3_step(p)==SQLITE_ROW ){
    const char *zSrc = (const char*)sqlite3_column_text(p, 0);
    const char *zDst = (const char*)sqlite3_column_text(p, 1);
    cr_assert(isIp4(zSrc), "SourceIP %s", zSrc);
    cr_assert(isIp4(zDst), "DestinationIP %s", zDst);
    cr_assert(sqlite3_column_int(p, 2)>=0 && sqlite3_column_int(p, 2)<=65535);
    cr_assert(sqlite3_column_int(p, 3)>=1024 && sqlite3_column_int(p, 3)<=65535);
    nPrivSrc += strncmp(zSrc, "10.", 3)==0;
    nPubDst += strncmp(zDst, "10.", 3)!=0;
    nRow++;
  }
  sqlite3_finalize(p);
  cr_assert_eq(nRow, 2000);
  /* mostly outbound: private sources, public destinations, but a mix */
  cr_assert(nPrivSrc>1200 && nPrivSrc<1950, "private sources: %d", nPrivSrc);
  cr_assert(nPubDst>1200 && nPubDst<1950, "public destinations: %d", nPubDst);
  /* one vendor, one product; actions agree with the simplified action */
  cr_assert_eq(sqlInt(db, "SELECT max(n) FROM (SELECT count(DISTINCT DeviceProduct) n FROM t GROUP BY DeviceVendor)"), 1);
  cr_assert_gt(sqlInt(db, "SELECT count(DISTINCT DeviceVendor) FROM t"), 2);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE (DeviceAction='allow')<>(SimplifiedDeviceAction='Allow')"), 0);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE Type<>'CommonSecurityLog'"), 0);
  /* some times whole seconds, some with fractions */
  long long nFrac = sqlInt(db, "SELECT count(*) FROM t WHERE TimeGenerated % 10000000 <> 0");
  cr_assert(nFrac>400 && nFrac<1800, "rows with sub-second times: %lld", nFrac);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE StartTime>TimeGenerated OR _TimeReceived<TimeGenerated"), 0);
  sqlite3_close(db);
  unlink(zPath);
  removeDir(zDir);
  free(zPath); free(zDir);
}

Test(gen_values, endpoint_columns_agree){
  KqlGenOpts o;
  kqlGenOptsInit(&o);
  o.nRow = 2000;
  o.iSeed = 9;
  char *zDir = tempDir();
  char *zPath = genFile(zDir, "DeviceProcessEvents", &o, 0);
  sqlite3 *db = openDb();
  kqlLoadSchemaFree(load(db, zPath, "t", "DeviceProcessEvents"));
  /* a device name has one device id, a file name one SHA1 */
  cr_assert_eq(sqlInt(db, "SELECT max(n) FROM (SELECT count(DISTINCT DeviceId) n FROM t GROUP BY DeviceName)"), 1);
  cr_assert_eq(sqlInt(db, "SELECT max(n) FROM (SELECT count(DISTINCT \"SHA1#7\") n FROM t WHERE \"SHA1#7\"<>'' AND \"FileName#11\"<>'' GROUP BY \"FileName#11\")"), 1);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE FolderPath<>'' AND \"FileName#11\"<>'' "
                          "AND substr(FolderPath, -length(\"FileName#11\"))<>\"FileName#11\""), 0);
  char *zUpn = sqlite3_mprintf("SELECT count(*) FROM t WHERE \"%w\"<>'' AND \"%w\" NOT LIKE '%%@contoso.com'",
                               sqlCol("AccountUpn"), sqlCol("AccountUpn"));
  cr_assert_eq(sqlInt(db, zUpn), 0);
  sqlite3_free(zUpn);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE \"AccountSid#18\"<>'' AND \"AccountSid#18\" NOT LIKE 'S-1-5-21-%'"), 0);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE Timestamp<>TimeGenerated"), 0);
  cr_assert_gt(sqlInt(db, "SELECT count(DISTINCT DeviceName) FROM t"), 20);
  sqlite3_stmt *p = 0;
  cr_assert_eq(sqlite3_prepare_v2(db, "SELECT \"MD5#3\", \"SHA1#7\", \"SHA256#7\", DeviceId FROM t WHERE \"MD5#3\"<>'' AND \"SHA1#7\"<>'' "
                                  "AND \"SHA256#7\"<>''", -1, &p, 0), SQLITE_OK);
  int n = 0;
  while( sqlite3_step(p)==SQLITE_ROW ){
    cr_assert(isHex((const char*)sqlite3_column_text(p, 0), 32));
    cr_assert(isHex((const char*)sqlite3_column_text(p, 1), 40));
    cr_assert(isHex((const char*)sqlite3_column_text(p, 2), 64));
    cr_assert(isHex((const char*)sqlite3_column_text(p, 3), 40));
    n++;
  }
  sqlite3_finalize(p);
  cr_assert_gt(n, 1000);
  sqlite3_close(db);
  unlink(zPath);
  removeDir(zDir);
  free(zPath); free(zDir);
}

/* A column bound to a "clean" generator never needs CSV quoting. */
Test(gen_values, clean_generators_never_need_quotes){
  KqlGenOpts o;
  KqlGenPools *pPool = malloc(sizeof(KqlGenPools));
  char zVal[KQL_GEN_VALUE_MAX];
  kqlGenOptsInit(&o);
  o.nRow = 150;
  kqlGenPoolsInit(pPool, 1);
  for(int t=0; t<kqlCatalogCount(); t++){
    KqlGen g;
    memset(&g, 0, sizeof(g));
    g.pDef = kqlCatalogAt(t);
    g.pOpts = &o;
    g.pPool = pPool;
    g.nSpan = 7*KQL_TICKS_PER_DAY;
    g.iStart = o.iNow - g.nSpan;
    kqlGenSeed(&g.rng, (uint64_t)t);
    cr_assert_eq(kqlGenBind(&g), 0);
    for(int64_t r=0; r<o.nRow; r++){
      kqlGenRowBegin(&g, r);
      for(int i=0; i<g.nCol; i++){
        const KqlGenCol *c = &g.aCol[i];
        KqlGenBuf b = { zVal, 0, (int)sizeof(zVal) };
        if( !c->bClean ) continue;
        c->xGen(&g, c, &b);
        for(int k=0; k<b.n; k++){
          cr_assert(zVal[k]!=',' && zVal[k]!='"' && zVal[k]!='\n' && zVal[k]!='\r',
                    "%s.%s (%s) wrote '%.*s'", g.pDef->zName, c->zName, kqlGenName(c->eGen), b.n, zVal);
        }
      }
    }
    free(g.aCol);
  }
  free(pPool);
}

/*************************** planted indicators ******************************/

/* Run a hunt file through the public API against zDir. */
static char *hunt(const char *zQueryFile, const char *zDir){
  int rc = -1;
  char *zQuery = readFile(zQueryFile);
  char *zOut = kqltestRun(zQuery, zDir, &rc);
  cr_assert_eq(rc, 0, "%s: %s", zQueryFile, zOut);
  cr_assert_null(strstr(zOut, "error"), "%s: %s", zQueryFile, zOut);
  free(zQuery);
  return zOut;
}

/* Plant both DCRat C2 addresses, run the two seed hunts, check that they
** return exactly the planted hits and that the decoys are in the data. */
static void plantAndHunt(int eFormat){
  KqlGenOpts o;
  KqlGenReport repCsl, repDne;
  kqlGenOptsInit(&o);
  o.nRow = 30000;
  o.iSeed = 7;
  o.eFormat = eFormat;
  o.nIoc = 2;
  cr_assert_eq(kqlGenParseIoc("82.23.246.160:12159", &o.aIoc[0]), 0);
  cr_assert_eq(kqlGenParseIoc("156.247.40.190", &o.aIoc[1]), 0);
  char *zDir = tempDir();
  char *zCsl = genFile(zDir, "CommonSecurityLog", &o, &repCsl);
  char *zDne = genFile(zDir, "DeviceNetworkEvents", &o, &repDne);
  int nHitCsl = repCsl.aIoc[0].nHit + repCsl.aIoc[1].nHit;
  int nHitDne = repDne.aIoc[0].nHit + repDne.aIoc[1].nHit;
  cr_assert_eq(repCsl.aIoc[0].nHit, 2 + 30000/10000);
  cr_assert_eq(repCsl.aIoc[0].nDecoy, 6);     /* prefix, extension, URL, message, port, mapped */
  cr_assert_eq(repCsl.aIoc[1].nDecoy, 5);     /* no port: no port-only decoy */
  cr_assert_eq(repDne.aIoc[0].nDecoy, 4);     /* no URL or message column holds an address */

  /* the hunts: header + one line per hit, every line naming an IOC */
  char *zOut = hunt("queries/dcrat-commonsecuritylog.kql", zDir);
  cr_assert_eq(countLines(zOut), 1 + nHitCsl, "%s", zOut);
  cr_assert(strncmp(zOut, "TimeGenerated:datetime,SourceIP:string,DestinationIP:string,DestinationPort:int,", 80)==0,
            "%s", zOut);
  int nDstPort = 0;
  for(char *z = strchr(zOut, '\n')+1; *z; z = strchr(z, '\n')+1){
    cr_assert(strstr(z, ",82.23.246.160,")!=0 || strstr(z, ",156.247.40.190,")!=0, "%.200s", z);
    nDstPort += strncmp(strstr(z, ",82.23.246.160,") ? strstr(z, ",82.23.246.160,")+15 : "", "12159,", 6)==0;
  }
  cr_assert_gt(nDstPort, 0);
  free(zOut);
  zOut = hunt("queries/dcrat-devicenetworkevents.kql", zDir);
  cr_assert_eq(countLines(zOut), 1 + nHitDne, "%s", zOut);
  cr_assert_eq(repDne.aIoc[0].nHit, 5);
  cr_assert_not_null(strstr(zOut, ",82.23.246.160,12159,"));
  free(zOut);

  /* the decoys are there, and an exact match finds only the hits */
  sqlite3 *db = openDb();
  kqlLoadSchemaFree(load(db, zCsl, "t", "CommonSecurityLog"));
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE \"DestinationIP#1081\" IN ('82.23.246.160','156.247.40.190') "
                          "OR \"SourceIP#1c\" IN ('82.23.246.160','156.247.40.190')"), nHitCsl);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE \"DestinationIP#1081\"='82.23.246.16'"), 1);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE \"DestinationIP#1081\"='82.23.246.1600'"), 1);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE \"DestinationIP#1081\"='::ffff:82.23.246.160'"), 1);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE \"DestinationIP#1081\"='156.247.40.19'"), 1);
  /* (the address decoys' own rows may mention them in text: left out) */
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE RequestURL LIKE '%82.23.246.160%'"
                          " AND \"DestinationIP#1081\" NOT LIKE '%82.23.246.16%' AND \"SourceIP#1c\" NOT LIKE '%82.23.246.16%'"), 1);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE Message LIKE '%82.23.246.160%'"
                          " AND \"DestinationIP#1081\" NOT LIKE '%82.23.246.16%' AND \"SourceIP#1c\" NOT LIKE '%82.23.246.16%'"), 1);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE DestinationPort=12159"
                          " AND \"DestinationIP#1081\" NOT LIKE '%82.23.246.16%'"), 1);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE \"DestinationIP#1081\"='82.23.246.160' AND DestinationPort<>12159"), 0);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE \"SourceIP#1c\"='82.23.246.160' AND SourcePort<>12159"), 0);
  sqlite3_close(db);
  db = openDb();
  kqlLoadSchemaFree(load(db, zDne, "t", "DeviceNetworkEvents"));
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE \"RemoteIP#1c\" IN ('82.23.246.160','156.247.40.190')"), nHitDne);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE LocalIP IN ('82.23.246.160','156.247.40.190')"), 0);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE \"RemoteIP#1c\"='82.23.246.16'"), 1);
  cr_assert_eq(sqlInt(db, "SELECT count(*) FROM t WHERE RemotePort=12159 AND \"RemoteIP#1c\" NOT LIKE '%82.23.246.16%'"), 1);
  sqlite3_close(db);
  unlink(zCsl); unlink(zDne);
  removeDir(zDir);
  free(zCsl); free(zDne); free(zDir);
}

Test(gen_plant, seed_hunts_find_exactly_the_hits_csv){
  plantAndHunt(KQL_GEN_CSV);
}

Test(gen_plant, seed_hunts_find_exactly_the_hits_jsonl){
  plantAndHunt(KQL_GEN_JSONL);
}

/* A table with no address column gets nothing; one whose only address is
** the device's own (Heartbeat.ComputerIP) gets the hits there. */
Test(gen_plant, tables_without_source_or_destination){
  KqlGenOpts o;
  KqlGenReport rep;
  size_t n;
  kqlGenOptsInit(&o);
  o.nRow = 100;
  o.nIoc = 1;
  cr_assert_eq(kqlGenParseIoc("82.23.246.160:12159", &o.aIoc[0]), 0);
  free(genMem("AADRiskyUsers", &o, &n, &rep));
  cr_assert_eq(rep.aIoc[0].bNoColumn, 1);
  cr_assert_eq(rep.aIoc[0].nHit, 0);
  /* a tiny table still gets a hit, within half of its rows */
  o.nRow = 4;
  free(genMem("CommonSecurityLog", &o, &n, &rep));
  cr_assert_eq(rep.aIoc[0].nHit, 1);
  cr_assert_eq(rep.aIoc[0].nHit + rep.aIoc[0].nDecoy, 2);
  /* Heartbeat: hits in ComputerIP, no port-only decoy (no port column) */
  char *zDir = tempDir();
  o.nRow = 20000;
  char *zPath = genFile(zDir, "Heartbeat", &o, &rep);
  cr_assert_eq(rep.aIoc[0].bNoColumn, 0);
  cr_assert_eq(rep.aIoc[0].nHit, 4);
  cr_assert_eq(rep.aIoc[0].nDecoy, 3);       /* prefix, extension, mapped */
  int rc = -1;
  char *zOut = kqltestRun("Heartbeat | where ComputerIP == '82.23.246.160' | count", zDir, &rc);
  cr_assert_eq(rc, 0, "%s", zOut);
  cr_assert_str_eq(zOut, "Count:long\n4\n");
  free(zOut);
  zOut = kqltestRun("Heartbeat | where ComputerIP in ('82.23.246.16', '82.23.246.1600', '::ffff:82.23.246.160')"
                    " | count", zDir, &rc);
  cr_assert_str_eq(zOut, "Count:long\n3\n");
  free(zOut);
  unlink(zPath);
  removeDir(zDir);
  free(zPath);
  free(zDir);
}

typedef struct IocCase IocCase;
struct IocCase { const char *z; int bOk; const char *zIp; int iPort; };
static const IocCase aIocCase[] = {
  { "82.23.246.160:12159", 1, "82.23.246.160", 12159 },
  { "82.23.246.160", 1, "82.23.246.160", -1 },
  { "10.0.0.1:0", 1, "10.0.0.1", 0 },
  { "2001:db8::1", 1, "2001:db8::1", -1 },
  { "[2001:db8::1]:443", 1, "2001:db8::1", 443 },
  { "82.23.246", 0, 0, 0 },
  { "82.23.246.256", 0, 0, 0 },
  { "82.23.246.016", 0, 0, 0 },
  { "82.23.246.160:65536", 0, 0, 0 },
  { "82.23.246.160:", 0, 0, 0 },
  { "82.23.246.160:12a", 0, 0, 0 },
  { "host.example.com", 0, 0, 0 },
  { "[2001:db8::1", 0, 0, 0 },
  { "2001:db8::zz", 0, 0, 0 },
  { "", 0, 0, 0 },
};

ParameterizedTestParameters(gen_plant, parse_ioc){
  static int aIdx[sizeof(aIocCase)/sizeof(aIocCase[0])];
  size_t n = sizeof(aIdx)/sizeof(aIdx[0]);
  for(size_t i=0; i<n; i++) aIdx[i] = (int)i;
  return cr_make_param_array(int, aIdx, n);
}

ParameterizedTest(int *pIdx, gen_plant, parse_ioc){
  const IocCase *c = &aIocCase[*pIdx];
  KqlGenIoc ioc;
  int rc = kqlGenParseIoc(c->z, &ioc);
  cr_assert_eq(rc==0, c->bOk, "'%s'", c->z);
  if( c->bOk ){
    cr_assert_str_eq(ioc.zIp, c->zIp);
    cr_assert_eq(ioc.iPort, c->iPort);
  }
}

/*************************** every table *************************************/

/* Every catalogue table, 25 rows, CSV and JSONL: loads with all its columns,
** and a query over it binds and runs. */
Test(gen_all, every_table_loads_in_both_formats, .timeout = 120){
  char *zDir = tempDir();
  KqlGenOpts o;
  kqlGenOptsInit(&o);
  o.nRow = 25;
  o.iSeed = 99;
  o.nIoc = 1;
  cr_assert_eq(kqlGenParseIoc("82.23.246.160:12159", &o.aIoc[0]), 0);
  for(int eFmt=0; eFmt<2; eFmt++){
    o.eFormat = eFmt;
    sqlite3 *db = openDb();
    for(int i=0; i<kqlCatalogCount(); i++){
      const KqlTableDef *pDef = kqlCatalogAt(i);
      char zSql[32];
      char *zPath = genFile(zDir, pDef->zName, &o, 0);
      snprintf(zSql, sizeof(zSql), "t%d", i);
      KqlLoadSchema *pS = load(db, zPath, zSql, pDef->zName);
      cr_assert_eq(pS->nRow, 25, "%s", pDef->zName);
      cr_assert_eq(pS->nCol, pDef->nCol, "%s: extra or missing columns", pDef->zName);
      kqlLoadSchemaFree(pS);
      if( eFmt==1 ) unlink(zPath);
      free(zPath);
    }
    sqlite3_close(db);
  }
  /* the CSV files are still there: kqlite finds them by table name */
  int rc = -1;
  char *zOut = kqltestRun("SigninLogs | where ResultType != '0' | summarize n=count() by UserPrincipalName "
                          "| count", zDir, &rc);
  cr_assert_eq(rc, 0, "%s", zOut);
  free(zOut);
  zOut = kqltestRun("CommonSecurityLog | take 5", zDir, &rc);
  cr_assert_eq(rc, 0, "%s", zOut);
  cr_assert_eq(countLines(zOut), 6, "%s", zOut);
  free(zOut);
  removeDir(zDir);
  free(zDir);
}

/*************************** command line ************************************/

/* Run kqlite gen with azArg in this process; returns its exit code and
** puts what it wrote on stderr in *pzErr (malloc'ed). */
static int runGen(int nArg, const char *const *azArg, char **pzErr){
  char **azCopy = calloc((size_t)nArg + 1, sizeof(char*));
  for(int i=0; i<nArg; i++) azCopy[i] = strdup(azArg[i]);
  FILE *f = tmpfile();
  cr_assert_not_null(f);
  fflush(stderr);
  int fdSave = dup(2);
  dup2(fileno(f), 2);
  int rc = kqlCliGen(nArg, azCopy);
  fflush(stderr);
  dup2(fdSave, 2);
  close(fdSave);
  long n = ftell(f);
  char *z = malloc((size_t)(n>0 ? n : 0) + 1);
  fseek(f, 0, SEEK_SET);
  size_t got = n>0 ? fread(z, 1, (size_t)n, f) : 0;
  z[got] = 0;
  fclose(f);
  for(int i=0; i<nArg; i++) free(azCopy[i]);
  free(azCopy);
  *pzErr = z;
  return rc;
}

Test(gen_cli, writes_files_and_reports_plants){
  char *zDir = tempDir();
  char *zErr = 0;
  const char *az[] = { "--tables", "CommonSecurityLog,DeviceNetworkEvents", "--rows", "20000",
                       "--out", zDir, "--plant-ioc", "82.23.246.160:12159", "--seed", "7" };
  int rc = runGen(10, az, &zErr);
  cr_assert_eq(rc, 0, "%s", zErr);
  cr_assert_not_null(strstr(zErr, "planted 4 hits for 82.23.246.160 in CommonSecurityLog"), "%s", zErr);
  cr_assert_not_null(strstr(zErr, "planted 4 hits for 82.23.246.160 in DeviceNetworkEvents"), "%s", zErr);
  free(zErr);
  char zPath[256];
  snprintf(zPath, sizeof(zPath), "%s/CommonSecurityLog.csv", zDir);
  char *z1 = readFile(zPath);
  cr_assert_eq(countLines(z1), 20001);
  cr_assert(strncmp(z1, "Activity,AdditionalExtensions,", 30)==0);
  /* again, with --opt=value spelling: the same bytes */
  const char *az2[] = { "--tables=CommonSecurityLog", "--rows=20000", "--out", zDir,
                        "--plant-ioc=82.23.246.160:12159", "--seed=7" };
  cr_assert_eq(runGen(6, az2, &zErr), 0, "%s", zErr);
  free(zErr);
  char *z2 = readFile(zPath);
  cr_assert_str_eq(z1, z2);
  free(z1); free(z2);
  removeDir(zDir);
  free(zDir);
}

typedef struct CliCase CliCase;
struct CliCase { const char *azArg[6]; const char *zErr; };
static const CliCase aCliCase[] = {
  { { "--tables", "NoSuchTable", "--out", "/tmp" }, "kqlite: gen: unknown table 'NoSuchTable'" },
  { { "--tables", "commonsecuritylog", "--out", "/tmp" }, "(did you mean 'CommonSecurityLog'?)" },
  { { "--tables", "Syslog", "--out", "/tmp", "--rows", "-5" }, "--rows needs a whole number" },
  { { "--tables", "Syslog", "--out", "/tmp", "--rows", "12x" }, "--rows needs a whole number" },
  { { "--tables", "Syslog", "--out", "/tmp", "--rows", "99999999999" }, "--rows needs a whole number" },
  { { "--tables", "Syslog", "--out", "/tmp", "--days", "0" }, "--days needs a whole number" },
  { { "--tables", "Syslog", "--out", "/tmp", "--format", "xml" }, "--format must be csv or jsonl" },
  { { "--tables", "Syslog", "--out", "/tmp", "--now", "yesterday-ish" }, "--now: not a datetime" },
  { { "--tables", "Syslog", "--out", "/tmp", "--plant-ioc", "1.2.3.999" }, "--plant-ioc needs IP" },
  { { "--tables", "Syslog", "--out", "/tmp", "--seed", "abc" }, "--seed needs a non-negative integer" },
  { { "--tables", "Syslog", "--out", "/tmp", "--bogus", "1" }, "unknown option '--bogus'" },
  { { "--tables", "Syslog" }, "--out is required" },
  { { "--out", "/tmp" }, "--tables is required" },
  { { "--tables", "Syslog,Heartbeat", "--out", "-" }, "--out - writes one table" },
  { { "--tables", "Syslog", "--out" }, "option '--out' needs a value" },
  { { "--tables", ",", "--out", "/tmp" }, "--tables names no table" },
};

ParameterizedTestParameters(gen_cli, usage_errors){
  static int aIdx[sizeof(aCliCase)/sizeof(aCliCase[0])];
  size_t n = sizeof(aIdx)/sizeof(aIdx[0]);
  for(size_t i=0; i<n; i++) aIdx[i] = (int)i;
  return cr_make_param_array(int, aIdx, n);
}

ParameterizedTest(int *pIdx, gen_cli, usage_errors){
  const CliCase *c = &aCliCase[*pIdx];
  int nArg = 0;
  char *zErr = 0;
  while( nArg<6 && c->azArg[nArg] ) nArg++;
  int rc = runGen(nArg, c->azArg, &zErr);
  cr_assert_eq(rc, 2, "exit code %d for case %d: %s", rc, *pIdx, zErr);
  cr_assert_not_null(strstr(zErr, c->zErr), "expected '%s' in: %s", c->zErr, zErr);
  free(zErr);
}
