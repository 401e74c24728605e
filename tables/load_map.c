/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Loaders: the columns of the table being built and how file columns map
** onto them. Catalogue columns come first, in catalogue order; a CSV header
** name or JSON key that names one (exactly, else ignoring case; a CSV header
** may carry a portal suffix such as "TimeGenerated [UTC]") maps to it, and
** any other name becomes an extra column appended after them, renamed with
** a number when SQLite would see it as a duplicate (SQLite column names
** ignore case; KQL's do not). Also the per-record step shared by all
** formats: classify values (SAMPLE, SCAN) or bind and insert them (LOAD).
*/
#include "loadInt.h"
#include "types.h"
#include "value.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Bits of every type inference can choose (KqlLoadCol.mCand). */
#define ALL_TYPES ((1u<<KQL_T_LONG)|(1u<<KQL_T_REAL)|(1u<<KQL_T_BOOL)| \
                   (1u<<KQL_T_DATETIME)|(1u<<KQL_T_STRING)|(1u<<KQL_T_DYNAMIC))

/* Non-zero when columns zA and z[0..n) are the same name to SQLite (names
** that differ only in case from a catalogue column are spelt apart, catalog.h). */
static int sameSqlName(const char *zA, const char *z, int n){
  if( (int)strlen(zA)!=n || strncasecmp(zA, z, (size_t)n)!=0 ) return 0;
  return !kqlCatalogCaseAmbiguous(z, n) || memcmp(zA, z, (size_t)n)==0;
}

/* Index of the column SQLite would confuse with z[0..n), or -1. */
static int findSqlName(KqlLoader *p, const char *z, int n){
  for(int i=0; i<p->nCol; i++){
    if( sameSqlName(p->aCol[i].zName, z, n) ) return i;
  }
  return -1;
}

/*
** Append a column named z[0..n) (renamed "z1", "z2", ... when the name is
** taken) of type eType. Returns its index, or -1 with an error recorded.
*/
static int addColumn(KqlLoader *p, const char *z, int n, int eType, int bInfer){
  KqlLoadCol *pCol;
  char *zName;
  int nMax = sqlite3_limit(p->db, SQLITE_LIMIT_COLUMN, -1);
  if( p->nCol>=nMax ){
    return kqlLoadError(p, 0, "too many columns (SQLite allows %d)", nMax), -1;
  }
  if( p->nCol>=p->nColAlloc ){
    int nNew = p->nColAlloc ? 2*p->nColAlloc : 32;
    KqlLoadCol *aNew = realloc(p->aCol, sizeof(KqlLoadCol)*(size_t)nNew);
    if( aNew==0 ) return kqlLoadError(p, 0, "out of memory"), -1;
    p->aCol = aNew;
    p->nColAlloc = nNew;
  }
  zName = malloc((size_t)n + 24);
  if( zName==0 ) return kqlLoadError(p, 0, "out of memory"), -1;
  memcpy(zName, z, (size_t)n);
  zName[n] = 0;
  for(int iSuffix=1; findSqlName(p, zName, (int)strlen(zName))>=0; iSuffix++){
    snprintf(zName+n, 24, "%d", iSuffix);
  }
  pCol = &p->aCol[p->nCol];
  memset(pCol, 0, sizeof(*pCol));
  pCol->zName = zName;
  pCol->eType = eType;
  pCol->bInfer = bInfer;
  pCol->mCand = ALL_TYPES;
  pCol->iStamp = -1;
  return p->nCol++;
}

/* Rebuild the key hash with nNew slots. Returns KL_OK or KL_ERROR. */
static int rehash(KqlLoader *p, int nNew){
  int *aNew = calloc((size_t)nNew, sizeof(int));
  if( aNew==0 ) return kqlLoadError(p, 0, "out of memory");
  for(int i=0; i<p->nKey; i++){
    unsigned h = p->aKey[i].h & (unsigned)(nNew-1);
    while( aNew[h] ) h = (h+1) & (unsigned)(nNew-1);
    aNew[h] = i+1;
  }
  free(p->aHash);
  p->aHash = aNew;
  p->nHash = nNew;
  return KL_OK;
}

/* Remember that key z[0..n) maps to column iCol. Returns KL_OK or KL_ERROR. */
static int addKey(KqlLoader *p, const char *z, int n, int iCol){
  KqlLoadKey *pKey;
  unsigned h;
  if( (p->nKey+1)*2 > p->nHash ){
    if( rehash(p, p->nHash ? 2*p->nHash : 64) ) return KL_ERROR;
  }
  if( p->nKey>=p->nKeyAlloc ){
    int nNew = p->nKeyAlloc ? 2*p->nKeyAlloc : 32;
    KqlLoadKey *aNew = realloc(p->aKey, sizeof(KqlLoadKey)*(size_t)nNew);
    if( aNew==0 ) return kqlLoadError(p, 0, "out of memory");
    p->aKey = aNew;
    p->nKeyAlloc = nNew;
  }
  pKey = &p->aKey[p->nKey];
  pKey->z = malloc((size_t)n+1);
  if( pKey->z==0 ) return kqlLoadError(p, 0, "out of memory");
  memcpy(pKey->z, z, (size_t)n);
  pKey->z[n] = 0;
  pKey->n = n;
  pKey->h = kqlLoadHash(z, n);
  pKey->iCol = iCol;
  h = pKey->h & (unsigned)(p->nHash-1);
  while( p->aHash[h] ) h = (h+1) & (unsigned)(p->nHash-1);
  p->aHash[h] = ++p->nKey;
  return KL_OK;
}

/*
** Index in aKey of the key z[0..n) (exact bytes), or -1 when it was never
** seen.
*/
int kqlLoadKeyFind(KqlLoader *p, const char *z, int n){
  unsigned h;
  if( p->nHash==0 ) return -1;
  h = kqlLoadHash(z, n) & (unsigned)(p->nHash-1);
  while( p->aHash[h] ){
    KqlLoadKey *pKey = &p->aKey[p->aHash[h]-1];
    if( pKey->n==n && memcmp(pKey->z, z, (size_t)n)==0 ) return p->aHash[h]-1;
    h = (h+1) & (unsigned)(p->nHash-1);
  }
  return -1;
}

/*
** Add the catalogue's columns (p->pDef) as the table's first columns, each
** reachable by its exact name. Returns KL_OK or KL_ERROR.
*/
int kqlLoadAddCatalogue(KqlLoader *p){
  if( p->pDef==0 ) return KL_OK;
  for(int i=0; i<p->pDef->nCol; i++){
    const KqlColDef *pCd = &p->pDef->aCol[i];
    int n = (int)strlen(pCd->zName);
    int iCol = addColumn(p, pCd->zName, n, pCd->eType, 0);
    if( iCol<0 ) return KL_ERROR;
    if( addKey(p, pCd->zName, n, iCol) ) return KL_ERROR;
  }
  return KL_OK;
}

/*
** Forget what the SAMPLE pass learnt about the types of inferred columns
** (the columns themselves stay, in order), before a SCAN pass.
*/
void kqlLoadResetInference(KqlLoader *p){
  for(int i=0; i<p->nCol; i++){
    KqlLoadCol *pCol = &p->aCol[i];
    if( pCol->bInfer ){
      pCol->mCand = ALL_TYPES;
      pCol->bSeen = 0;
      pCol->eType = KQL_T_STRING;
    }
  }
}

/* Catalogue column named z[0..n), not yet claimed: the exact name, else
** the one column of the table with that name ignoring case (a table with
** two such columns, ISP and Isp, takes exact names only), or -1. */
static int findCatalogueNoCase(KqlLoader *p, const char *z, int n, const char *aClaimed){
  int iFound = -1, nFold = 0;
  if( p->pDef==0 ) return -1;
  for(int i=0; i<p->pDef->nCol; i++){
    const char *zC = p->pDef->aCol[i].zName;
    if( (int)strlen(zC)!=n || strncasecmp(zC, z, (size_t)n)!=0 ) continue;
    if( memcmp(zC, z, (size_t)n)==0 ) return (aClaimed==0 || !aClaimed[i]) ? i : -1;
    nFold++;
    if( aClaimed==0 || !aClaimed[i] ) iFound = i;
  }
  return nFold==1 ? iFound : -1;
}

/*
** The column a JSON key z[0..n) (already decoded) maps to, creating an
** inferred extra column for a key never seen (SAMPLE and SCAN passes only:
** in LOAD a new key means the sample missed it). Returns the column index,
** -1 with an error recorded, or -2 (LOAD pass) for an unknown key.
*/
int kqlLoadColumnForKey(KqlLoader *p, const char *z, int n){
  int iKey = kqlLoadKeyFind(p, z, n);
  int iCol;
  if( iKey>=0 ) return p->aKey[iKey].iCol;
  if( p->ePass==KL_PASS_LOAD ) return -2;
  iCol = findCatalogueNoCase(p, z, n, 0);
  if( iCol<0 ){
    if( n==0 ){
      char zName[32];
      snprintf(zName, sizeof(zName), "Column%d", p->nCol+1);
      iCol = addColumn(p, zName, (int)strlen(zName), KQL_T_STRING, 1);
    }else{
      iCol = addColumn(p, z, n, KQL_T_STRING, 1);
    }
    if( iCol<0 ) return -1;
  }
  if( addKey(p, z, n, iCol) ) return -1;
  return iCol;
}

/* Trim blanks from the ends of *pz (*pn bytes) and drop a portal-style suffix:
** "TimeGenerated [UTC]" becomes "TimeGenerated". Returns the kind of suffix
** the portals put on datetime columns: 1 "[UTC]", 2 "[Local Time]", else 0. */
static int headerName(const char **pz, int *pn){
  const char *z = *pz;
  int n = *pn;
  int bTime = 0;
  while( n>0 && (z[0]==' ' || z[0]=='\t') ){ z++; n--; }
  while( n>0 && (z[n-1]==' ' || z[n-1]=='\t') ) n--;
  if( n>0 && z[n-1]==']' ){
    for(int i=n-2; i>0; i--){
      if( z[i]=='[' ){
        if( z[i-1]==' ' ){
          int k = i-1;
          while( k>0 && z[k-1]==' ' ) k--;
          if( k>0 ){
            if( n-i==5 && strncasecmp(z+i, "[UTC]", 5)==0 ) bTime = 1;
            if( n-i==12 && strncasecmp(z+i, "[Local Time]", 12)==0 ) bTime = 2;
            n = k;
          }
        }
        break;
      }
    }
  }
  *pz = z;
  *pn = n;
  return bTime;
}

/*
** Map the header fields p->aCell[0..nCell) of a CSV/TSV file onto columns,
** filling p->aFileMap and p->nFileCol: first exact catalogue names, then
** catalogue names ignoring case, then extra (inferred) columns; each
** catalogue column takes at most one field. Returns KL_OK or KL_ERROR.
*/
int kqlLoadMapHeader(KqlLoader *p){
  int nFld = p->nCell;
  int nDef = p->pDef ? p->pDef->nCol : 0;
  char *aClaimed = calloc((size_t)nDef+1, 1);
  int rc = KL_OK;
  if( aClaimed==0 ) return kqlLoadError(p, 0, "out of memory");
  free(p->aFileMap);
  p->aFileMap = malloc(sizeof(int)*(size_t)(nFld+1));
  if( p->aFileMap==0 ){
    free(aClaimed);
    return kqlLoadError(p, 0, "out of memory");
  }
  p->nFileCol = nFld;
  for(int i=0; i<nFld; i++){
    const char *z = p->aCell[i].z;
    int n = p->aCell[i].n;
    int iDef;
    headerName(&z, &n);
    iDef = nDef ? kqlCatalogColumn(p->pDef, z, n) : -1;
    if( iDef>=0 && !aClaimed[iDef] ){
      aClaimed[iDef] = 1;
      p->aFileMap[i] = iDef;
    }else{
      p->aFileMap[i] = -1;
    }
  }
  for(int i=0; i<nFld && rc==KL_OK; i++){
    const char *z = p->aCell[i].z;
    int n = p->aCell[i].n;
    int iCol, bTime;
    bTime = headerName(&z, &n);
    if( bTime==2 && p->aFileMap[i]>=0 && p->aCol[p->aFileMap[i]].eType==KQL_T_DATETIME ){
      /* the portal wrote times in the exporting browser's zone, unknown here */
      rc = kqlLoadError(p, p->aCell[i].zLoc, "column %s holds local times of an unknown time "
                        "zone: export it with the portal's time display set to UTC",
                        p->aCol[p->aFileMap[i]].zName);
      break;
    }
    if( p->aFileMap[i]>=0 ) continue;
    iCol = findCatalogueNoCase(p, z, n, aClaimed);
    if( iCol>=0 && bTime==2 && p->aCol[iCol].eType==KQL_T_DATETIME ){
      rc = kqlLoadError(p, p->aCell[i].zLoc, "column %s holds local times of an unknown time "
                        "zone: export it with the portal's time display set to UTC",
                        p->aCol[iCol].zName);
      break;
    }
    if( iCol>=0 ){
      aClaimed[iCol] = 1;
    }else if( n==0 ){
      char zName[32];
      snprintf(zName, sizeof(zName), "Column%d", i+1);
      iCol = addColumn(p, zName, (int)strlen(zName), KQL_T_STRING, 1);
    }else{
      iCol = addColumn(p, z, n, KQL_T_STRING, 1);
      if( iCol>=0 ) p->aCol[iCol].bTimeHint = bTime==1;
    }
    if( iCol<0 ) rc = KL_ERROR;
    p->aFileMap[i] = iCol;
  }
  free(aClaimed);
  return rc;
}

/* Does CSV text z[0..n) parse as a datetime (any form value.c knows)? */
static int portalTime(const char *z, int n){
  int64_t v;
  while( n>0 && (z[0]==' ' || z[0]=='\t') ){ z++; n--; }
  while( n>0 && (z[n-1]==' ' || z[n-1]=='\t' || z[n-1]=='\r') ) n--;
  return n>0 && kqlValParseDatetime(z, n, &v)==0;
}

/*
** Process the record held in p->aCell[0..nCell): in the SAMPLE and SCAN
** passes narrow the candidate types of inferred columns; in LOAD bind every
** value, give the columns the record lacks their defaults and insert the
** row. Two values for one column is an error. Returns KL_OK, KL_ERROR or
** KL_RESTART (a value the sample did not predict).
*/
int kqlLoadRow(KqlLoader *p){
  int64_t iStamp = ++p->nRec;
  int rc;
  for(int i=0; i<p->nCell; i++){
    const KqlLoadCell *pCell = &p->aCell[i];
    KqlLoadCol *pCol = &p->aCol[pCell->iCol];
    if( pCol->iStamp==iStamp ){
      return kqlLoadError(p, pCell->zLoc, "second value for column %s in one record",
                          pCol->zName);
    }
    pCol->iStamp = iStamp;
    if( p->ePass!=KL_PASS_LOAD ){
      pCol->bInFile = 1;
      if( pCol->bInfer ){
        unsigned m = kqlLoadCellMask(pCell, pCol->mCand);
        if( pCol->bTimeHint && m!=~0u && !(m & (1u<<KQL_T_DATETIME))
         && pCell->eKind==KL_CELL_TEXT && portalTime(pCell->z, pCell->n) ){
          m |= 1u<<KQL_T_DATETIME;   /* "6/3/2026, 1:02:03 PM" under "Name [UTC]" */
        }
        if( m!=~0u ){
          pCol->mCand &= m;
          pCol->bSeen = 1;
        }
      }
    }else{
      rc = kqlLoadCellBind(p, pCell);
      if( rc ) return rc;
      pCol->bDefault = 0;
    }
  }
  if( p->ePass!=KL_PASS_LOAD ) return KL_OK;
  for(int i=0; i<p->nParam; i++){
    KqlLoadCol *pCol = &p->aCol[p->aParamCol[i]];
    if( pCol->iStamp!=iStamp && !pCol->bDefault ){
      rc = kqlLoadBindDefault(p, p->aParamCol[i]);
      if( rc ) return rc;
    }
  }
  rc = sqlite3_step(p->pIns);
  if( rc!=SQLITE_DONE ){
    sqlite3_reset(p->pIns);
    return kqlLoadError(p, p->buf.a + p->buf.iRec, "cannot insert row: %s",
                        sqlite3_errmsg(p->db));
  }
  sqlite3_reset(p->pIns);
  p->nRow++;
  return KL_OK;
}
