/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Tests for the schema catalogue (tables/catalog.h): lookups by table and
** column name, the order binary search relies on, the types of the columns
** the sample hunts use, and (when ../shared/schemas is present) that the
** committed catalog_data.c still matches the schema files.
*/
#include <criterion/criterion.h>
#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "catalog.h"
#include "types.h"

#define SCHEMA_DIR "../shared/schemas"

/* Type of column zCol of table zTable, or -1 when either is unknown. */
static int colType(const char *zTable, const char *zCol){
  const KqlTableDef *pDef = kqlCatalogFind(zTable, -1);
  int i;
  if( pDef==0 ) return -1;
  i = kqlCatalogColumn(pDef, zCol, -1);
  return i<0 ? -1 : pDef->aCol[i].eType;
}

Test(catalog, hunt_columns_have_kusto_types){
  cr_expect_eq(colType("CommonSecurityLog", "DestinationPort"), KQL_T_INT);
  cr_expect_eq(colType("CommonSecurityLog", "SourcePort"), KQL_T_INT);
  cr_expect_eq(colType("CommonSecurityLog", "TimeGenerated"), KQL_T_DATETIME);
  cr_expect_eq(colType("CommonSecurityLog", "DestinationIP"), KQL_T_STRING);
  cr_expect_eq(colType("CommonSecurityLog", "SentBytes"), KQL_T_LONG);
  cr_expect_eq(colType("CommonSecurityLog", "MaliciousIPLatitude"), KQL_T_REAL);
  cr_expect_eq(colType("DeviceNetworkEvents", "Timestamp"), KQL_T_DATETIME);
  cr_expect_eq(colType("DeviceNetworkEvents", "RemotePort"), KQL_T_INT);
  cr_expect_eq(colType("DeviceNetworkEvents", "RemoteIP"), KQL_T_STRING);
  cr_expect_eq(colType("DeviceNetworkEvents", "AdditionalFields"), KQL_T_DYNAMIC);
  cr_expect_eq(colType("DeviceNetworkEvents", "IsInitiatingProcessRemoteSession"), KQL_T_BOOL);
  cr_expect_eq(colType("DeviceNetworkEvents", "InitiatingProcessId"), KQL_T_LONG);
  cr_expect_eq(colType("SigninLogs", "TimeGenerated"), KQL_T_DATETIME);
}

Test(catalog, column_order_is_schema_order){
  const KqlTableDef *pDef = kqlCatalogFind("DeviceNetworkEvents", -1);
  cr_assert_not_null(pDef);
  cr_expect_str_eq(pDef->aCol[0].zName, "Timestamp");
  cr_expect_str_eq(pDef->aCol[1].zName, "DeviceId");
  cr_expect_str_eq(pDef->aCol[2].zName, "DeviceName");
  cr_expect_eq(kqlCatalogColumn(pDef, "RemoteIP", -1), 4);
}

Test(catalog, tables_sorted_and_all_findable){
  int n = kqlCatalogCount();
  cr_assert_gt(n, 200);
  for(int i=0; i<n; i++){
    const KqlTableDef *p = kqlCatalogAt(i);
    cr_assert_not_null(p);
    if( i>0 ) cr_assert_lt(strcmp(kqlCatalogAt(i-1)->zName, p->zName), 0, "%s", p->zName);
    cr_assert_eq(kqlCatalogFind(p->zName, -1), p, "%s", p->zName);
    cr_assert_eq(kqlCatalogFind(p->zName, (int)strlen(p->zName)), p);
    cr_assert_gt(p->nCol, 0, "%s", p->zName);
  }
  cr_expect_null(kqlCatalogAt(-1));
  cr_expect_null(kqlCatalogAt(n));
}

Test(catalog, find_is_exact){
  cr_expect_null(kqlCatalogFind("commonsecuritylog", -1));
  cr_expect_null(kqlCatalogFind("CommonSecurityLo", -1));
  cr_expect_null(kqlCatalogFind("CommonSecurityLogs", -1));
  cr_expect_null(kqlCatalogFind("", -1));
  cr_expect_null(kqlCatalogFind("NoSuchTable", -1));
  cr_expect_null(kqlCatalogFind("CommonSecurityLog\0x", 19));
  /* n bytes of a longer text */
  cr_expect_not_null(kqlCatalogFind("CommonSecurityLog | take 1", 17));
  cr_expect_null(kqlCatalogFind("CommonSecurityLog | take 1", 16));
}

Test(catalog, column_lookup_is_exact){
  const KqlTableDef *pDef = kqlCatalogFind("CommonSecurityLog", -1);
  cr_assert_not_null(pDef);
  cr_expect_eq(kqlCatalogColumn(pDef, "destinationport", -1), -1);
  cr_expect_eq(kqlCatalogColumn(pDef, "DestinationPor", -1), -1);
  cr_expect_eq(kqlCatalogColumn(pDef, "", -1), -1);
  cr_expect_eq(kqlCatalogColumn(pDef, "DestinationPort\0", 16), -1);
  cr_expect_geq(kqlCatalogColumn(pDef, "DestinationPortX", 15), 0);
  cr_expect_eq(kqlCatalogColumn(0, "x", -1), -1);
}

/* Column names are unique, names that differ only in case are listed by
** kqlCatalogCaseAmbiguous (SQL keeps them apart), and every type is a
** scalar KQL type. */
Test(catalog, columns_unique_and_typed){
  for(int i=0; i<kqlCatalogCount(); i++){
    const KqlTableDef *p = kqlCatalogAt(i);
    for(int j=0; j<p->nCol; j++){
      cr_assert(p->aCol[j].eType>KQL_T_UNKNOWN && p->aCol[j].eType<KQL_T_TABLE,
                "%s.%s", p->zName, p->aCol[j].zName);
      cr_assert_gt(strlen(p->aCol[j].zName), 0);
      for(int k=0; k<j; k++){
        cr_assert_neq(strcmp(p->aCol[j].zName, p->aCol[k].zName), 0,
                      "%s.%s repeated", p->zName, p->aCol[j].zName);
        if( strcasecmp(p->aCol[j].zName, p->aCol[k].zName)==0 ){
          cr_assert(kqlCatalogCaseAmbiguous(p->aCol[j].zName, -1), "%s.%s", p->zName, p->aCol[j].zName);
        }
      }
    }
  }
}

/* Read a whole file; NULL when it cannot be read. */
static char *readAll(const char *zPath){
  FILE *f = fopen(zPath, "rb");
  char *z;
  long n;
  if( f==0 ) return 0;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  z = malloc((size_t)n+1);
  if( z && fread(z, 1, (size_t)n, f)!=(size_t)n ){ free(z); z = 0; }
  if( z ) z[n] = 0;
  fclose(f);
  return z;
}

/* catalog_data.c agrees with every schema file in ../shared/schemas: same tables,
** and each table's columns in order (an exact repeat dropped), with the
** type kqlTypeFromName gives the schema's spelling. */
Test(catalog, matches_shared_schemas){
  DIR *pDir = opendir(SCHEMA_DIR);
  sqlite3 *db;
  sqlite3_stmt *pName, *pCols;
  struct dirent *pEnt;
  int nFile = 0;
  if( pDir==0 ){
    cr_skip_test("catalog: %s not found (run from the repository root with ../shared present)",
                 SCHEMA_DIR);
  }
  cr_assert_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  cr_assert_eq(sqlite3_prepare_v2(db, "SELECT json_extract(?1,'$.name')", -1, &pName, 0), SQLITE_OK);
  cr_assert_eq(sqlite3_prepare_v2(db,
      "SELECT json_extract(value,'$.name'), json_extract(value,'$.type')"
      " FROM json_each(?1,'$.columns') ORDER BY key", -1, &pCols, 0), SQLITE_OK);
  while( (pEnt = readdir(pDir))!=0 ){
    char zPath[1024];
    size_t n = strlen(pEnt->d_name);
    char *zJson;
    const KqlTableDef *pDef;
    int iCol = 0;
    if( n<6 || strcmp(pEnt->d_name+n-5, ".json")!=0 ) continue;
    snprintf(zPath, sizeof(zPath), "%s/%s", SCHEMA_DIR, pEnt->d_name);
    zJson = readAll(zPath);
    cr_assert_not_null(zJson, "%s", zPath);
    sqlite3_bind_text(pName, 1, zJson, -1, SQLITE_STATIC);
    cr_assert_eq(sqlite3_step(pName), SQLITE_ROW);
    pDef = kqlCatalogFind((const char*)sqlite3_column_text(pName, 0), -1);
    cr_assert_not_null(pDef, "table %s missing from the catalogue", sqlite3_column_text(pName, 0));
    sqlite3_reset(pName);
    sqlite3_bind_text(pCols, 1, zJson, -1, SQLITE_STATIC);
    while( sqlite3_step(pCols)==SQLITE_ROW ){
      const char *zCol = (const char*)sqlite3_column_text(pCols, 0);
      const char *zType = (const char*)sqlite3_column_text(pCols, 1);
      int bDup = 0;
      for(int k=0; k<iCol; k++) bDup |= strcmp(pDef->aCol[k].zName, zCol)==0;
      if( bDup ) continue;
      cr_assert_lt(iCol, pDef->nCol, "%s: more columns in the schema file", pDef->zName);
      cr_assert_str_eq(pDef->aCol[iCol].zName, zCol, "%s column %d", pDef->zName, iCol);
      cr_assert_eq(pDef->aCol[iCol].eType, kqlTypeFromName(zType, -1), "%s.%s", pDef->zName, zCol);
      iCol++;
    }
    cr_assert_eq(iCol, pDef->nCol, "%s: column count", pDef->zName);
    sqlite3_reset(pCols);
    free(zJson);
    nFile++;
  }
  closedir(pDir);
  cr_expect_eq(nFile, kqlCatalogCount());
  sqlite3_finalize(pName);
  sqlite3_finalize(pCols);
  sqlite3_close(db);
}
