/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The schema catalogue (catalog.h): lookups over the generated, name-sorted
** table array of catalog_data.c. Tables are found by binary search with
** strcmp() order and exact case; columns by a linear scan, exact case
** (a Kusto table has at most a few hundred columns).
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
