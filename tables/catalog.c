/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The schema catalogue (catalog.h): lookups over the generated, name-sorted
** table array of catalog_data.c. Tables are found by binary search with
** strcmp() order and exact case; columns by a linear scan, exact case
** (a Kusto table has at most a few hundred columns). Also the SQL spelling
** of column names that differ only in case (kqlCatalogSqlSuffix).
*/
#include "catalogInt.h"
#include <string.h>

/* Compare the NUL-terminated zEntry with the n-byte key zKey, strcmp-style. */
static int cmpKey(const char *zEntry, const char *zKey, int n){
  int c = strncmp(zEntry, zKey, (size_t)n);
  if( c ) return c;
  return zEntry[n]!=0;                  /* zEntry is longer: it sorts after */
}

/*
** Built-in table named by the first n bytes of zName (all of it when n<0),
** exact case. Returns NULL when the catalogue has no such table. A name
** holding a NUL within its n bytes matches nothing.
*/
const KqlTableDef *kqlCatalogFind(const char *zName, int n){
  int lo = 0, hi = kqlCatalogDataCount - 1;
  if( zName==0 ) return 0;
  if( n<0 ) n = (int)strlen(zName);
  if( memchr(zName, 0, (size_t)n) ) return 0;
  while( lo<=hi ){
    int mid = lo + (hi-lo)/2;
    int c = cmpKey(kqlCatalogData[mid].zName, zName, n);
    if( c==0 ) return &kqlCatalogData[mid];
    if( c<0 ) lo = mid+1; else hi = mid-1;
  }
  return 0;
}

/* Number of built-in tables. */
int kqlCatalogCount(void){
  return kqlCatalogDataCount;
}

/* Table i (0-based, name order), or NULL when i is out of range. */
const KqlTableDef *kqlCatalogAt(int i){
  if( i<0 || i>=kqlCatalogDataCount ) return 0;
  return &kqlCatalogData[i];
}

/*
** Index in pDef->aCol of the column named by the first n bytes of zName (all
** of it when n<0), exact case; -1 when pDef has no such column.
*/
int kqlCatalogColumn(const KqlTableDef *pDef, const char *zName, int n){
  if( pDef==0 || zName==0 ) return -1;
  if( n<0 ) n = (int)strlen(zName);
  if( memchr(zName, 0, (size_t)n) ) return -1;
  for(int i=0; i<pDef->nCol; i++){
    if( cmpKey(pDef->aCol[i].zName, zName, n)==0 ) return i;
  }
  return -1;
}

/* Non-zero when z[0..n), folded to lower case, is in kqlCatalogCaseNames. */
int kqlCatalogCaseAmbiguous(const char *z, int n){
  char zLow[128];
  int lo = 0, hi = kqlCatalogCaseNameCount - 1;
  if( z==0 ) return 0;
  if( n<0 ) n = (int)strlen(z);
  if( n<=0 || n>=(int)sizeof(zLow) ) return 0;
  /* join and union number a repeated name (LogonId1, LogonID1): the number
  ** keeps the fold of the name it was made from */
  if( n>1 && z[n-1]>='0' && z[n-1]<='9' && kqlCatalogCaseAmbiguous(z, n-1) ) return 1;
  for(int i=0; i<n; i++){
    char c = z[i];
    if( c==0 ) return 0;
    zLow[i] = (c>='A' && c<='Z') ? (char)(c + 32) : c;
  }
  zLow[n] = 0;
  while( lo<=hi ){
    int mid = lo + (hi-lo)/2;
    int c = strcmp(kqlCatalogCaseNames[mid], zLow);
    if( c==0 ) return 1;
    if( c<0 ) lo = mid+1; else hi = mid-1;
  }
  return 0;
}

/* The SQL suffix of name z[0..n): "" or "#" and the hex mask of its
** upper-case ASCII letters, 4 letters a digit, least significant first, with
** trailing zero digits dropped (at least one digit). Returns its length. */
int kqlCatalogSqlSuffix(const char *z, int n, char *zOut){
  int k = 0, nKeep = 1;
  if( n<0 ) n = z ? (int)strlen(z) : 0;
  zOut[0] = 0;
  if( !kqlCatalogCaseAmbiguous(z, n) ) return 0;
  zOut[k++] = '#';
  for(int i=0; i<n; i+=4){
    int d = 0;
    for(int j=0; j<4 && i+j<n; j++){
      if( z[i+j]>='A' && z[i+j]<='Z' ) d |= 1<<j;
    }
    zOut[k++] = "0123456789abcdef"[d];
    if( d ) nKeep = k - 1;
  }
  k = nKeep + 1;
  zOut[k] = 0;
  return k;
}

/* kqlCatalogSqlName(): contract in catalog.h. */
int kqlCatalogSqlName(const char *z, int n, char *zOut){
  int k = 0;
  if( n<0 ) n = (int)strlen(z);
  for(int i=0; i<n; i++){
    if( z[i]=='#' ) zOut[k++] = '#';
    zOut[k++] = z[i];
  }
  k += kqlCatalogSqlSuffix(z, n, zOut + k);
  zOut[k] = 0;
  return k;
}
