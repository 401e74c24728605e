/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Loaders: saved query-API responses, recognised by content in a JSON file.
**   Log Analytics query API:  {"tables":[{"name":"PrimaryResult",
**     "columns":[{"name":"TimeGenerated","type":"datetime"},...],
**     "rows":[[v,...],...]}]}  (the first table is loaded; Kusto's v1
**     {"Tables":[{"Columns":[{"ColumnName","ColumnType"}],"Rows"}]} too);
**   Defender advanced hunting API (and Microsoft Graph runHuntingQuery):
**     {"Schema":[{"Name":"Timestamp","Type":"DateTime"},...],
**      "Results":[{"Timestamp":"...",...},...]}  (member names in any case).
** The file's own column types are used for columns the catalogue does not
** type (the catalogue still wins for known tables); a type name neither API
** documents leaves the column to inference. The whole response is read into
** the block (an API response is at most a few hundred MiB) and walked with
** the JSON reader's helpers; each row becomes one record for kqlLoadRow().
** Malformed input is a PATH:LINE:COL error.
*/
#include "loadInt.h"
#include "types.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int isWs(char c){ return c==' ' || c=='\t' || c=='\n' || c=='\r'; }

static const char *skipBlanks(const char *z, const char *zEnd){
  while( z<zEnd && isWs(*z) ) z++;
  return z;
}

/* Is z[0..n) the word zWord, ignoring case? */
static int sameWord(const char *z, int n, const char *zWord){
  return (int)strlen(zWord)==n && strncasecmp(z, zWord, (size_t)n)==0;
}

/*
** The KQL type of an API type name, or -1. Log Analytics uses KQL's names;
** Defender uses .NET's (String, DateTime, Int32, Int64, Double, Boolean,
** Object, Guid, TimeSpan ...), sometimes with a "System." prefix.
*/
static int apiType(const char *z, int n){
  static const struct { const char *zName; int eType; } aMap[] = {
    {"string", KQL_T_STRING}, {"datetime", KQL_T_DATETIME}, {"date", KQL_T_DATETIME},
    {"int", KQL_T_INT}, {"long", KQL_T_LONG}, {"real", KQL_T_REAL}, {"double", KQL_T_REAL},
    {"bool", KQL_T_BOOL}, {"boolean", KQL_T_BOOL}, {"dynamic", KQL_T_DYNAMIC},
    {"object", KQL_T_DYNAMIC}, {"guid", KQL_T_GUID}, {"uniqueid", KQL_T_GUID},
    {"timespan", KQL_T_TIMESPAN}, {"time", KQL_T_TIMESPAN}, {"decimal", KQL_T_DECIMAL},
    {"sqldecimal", KQL_T_DECIMAL}, {"int32", KQL_T_INT}, {"int16", KQL_T_INT},
    {"uint16", KQL_T_INT}, {"byte", KQL_T_INT}, {"sbyte", KQL_T_BOOL}, {"int64", KQL_T_LONG},
    {"uint32", KQL_T_LONG}, {"uint64", KQL_T_LONG}, {"single", KQL_T_REAL},
    {"float", KQL_T_REAL}, {"jtoken", KQL_T_DYNAMIC}, {"jobject", KQL_T_DYNAMIC},
    {"jarray", KQL_T_DYNAMIC}, {"array", KQL_T_DYNAMIC},
  };
  if( n>7 && strncasecmp(z, "System.", 7)==0 ){ z += 7; n -= 7; }
  for(unsigned i=0; i<sizeof(aMap)/sizeof(aMap[0]); i++){
    if( sameWord(z, n, aMap[i].zName) ) return aMap[i].eType;
  }
  return -1;
}

/* Where the parts of the response are (pointers into the block), or NULL. */
typedef struct ApiDoc ApiDoc;
struct ApiDoc {
  const char *zCols;    /* LA "columns" / Defender "Schema" array */
  const char *zRows;    /* LA "rows" / Defender "Results" array */
};

/*
** Walk the members of the object at *pz (its '{'), calling xMember for
** each with the key (raw) and *pz at the value; xMember must move *pz past
** the value (or leave it, to have it skipped). Returns KL_OK, KL_MORE or
** KL_ERROR.
*/
typedef int (*MemberFn)(KqlLoader*, void*, const char*, int, const char**, const char*, int);
static int walkObject(KqlLoader *p, const char **pz, const char *zEnd, int bEof,
                      MemberFn xMember, void *pArg){
  const char *z = skipBlanks(*pz, zEnd);
  if( z>=zEnd ) return bEof ? kqlLoadError(p, z, "unexpected end of JSON input") : KL_MORE;
  if( *z!='{' ) return kqlLoadError(p, z, "expected a JSON object");
  z = skipBlanks(z+1, zEnd);
  if( z<zEnd && *z=='}' ){ *pz = z+1; return KL_OK; }
  for(;;){
    const char *zKey;
    int nKey, rc;
    rc = kqlLoadJsonString(p, &z, zEnd, bEof, 0, &zKey, &nKey);
    if( rc ) return rc;
    z = skipBlanks(z, zEnd);
    if( z>=zEnd ) return bEof ? kqlLoadError(p, z, "unexpected end of JSON input") : KL_MORE;
    if( *z!=':' ) return kqlLoadError(p, z, "expected ':' after key in JSON object");
    z = skipBlanks(z+1, zEnd);
    if( z>=zEnd ) return bEof ? kqlLoadError(p, z, "unexpected end of JSON input") : KL_MORE;
    {
      const char *zVal = z;
      rc = xMember(p, pArg, zKey, nKey, &z, zEnd, bEof);
      if( rc ) return rc;
      if( z==zVal ){
        rc = kqlLoadJsonSkip(p, &z, zEnd, bEof);
        if( rc ) return rc;
      }
    }
    z = skipBlanks(z, zEnd);
    if( z>=zEnd ) return bEof ? kqlLoadError(p, z, "unexpected end of JSON input") : KL_MORE;
    if( *z==',' ){ z++; continue; }
    if( *z=='}' ){ *pz = z+1; return KL_OK; }
    return kqlLoadError(p, z, "expected ',' or '}' in JSON object");
  }
}

/* Sniff: which API-response keys the top-level object has. */
typedef struct Sniff Sniff;
struct Sniff { int bTables, bSchema, bResults; };

static int sniffMember(KqlLoader *p, void *pArg, const char *zKey, int nKey,
                       const char **pz, const char *zEnd, int bEof){
  Sniff *s = pArg;
  int bArray = **pz=='[';
  (void)p; (void)zEnd; (void)bEof;
  if( bArray && sameWord(zKey, nKey, "tables") ) s->bTables = 1;
  if( bArray && sameWord(zKey, nKey, "schema") ) s->bSchema = 1;
  if( bArray && sameWord(zKey, nKey, "results") ) s->bResults = 1;
  if( s->bTables || (s->bSchema && s->bResults) ) return KL_LIMIT;   /* decided */
  return KL_OK;
}

/*
** A JSON file (KL_FMT_JSON): is it a saved API response? Reads the first
** top-level object (as far as needed) and sets p->eFmt to KL_FMT_LA or
** KL_FMT_MDE when it is. Anything else is left to the JSON reader, which
** reports malformed input. Returns KL_OK or KL_ERROR (cannot read).
*/
int kqlLoadApiSniff(KqlLoader *p){
  KqlLoadBuf *b = &p->buf;
  int rc;
  if( kqlLoadBufOpen(p) ) return KL_ERROR;
  rc = kqlLoadBufStart(p);
  while( rc==KL_OK ){
    const char *z = skipBlanks(b->a + b->iRec, b->a + b->nData);
    Sniff s = {0, 0, 0};
    if( z>=b->a + b->nData && !b->bEof ){
      rc = kqlLoadBufFill(p);
      continue;
    }
    if( z>=b->a + b->nData || *z!='{' ) break;
    rc = walkObject(p, &z, b->a + b->nData, b->bEof, sniffMember, &s);
    if( rc==KL_MORE ){
      rc = kqlLoadBufFill(p);
      continue;
    }
    if( rc==KL_LIMIT || rc==KL_OK ){
      if( s.bTables ) p->eFmt = KL_FMT_LA;
      else if( s.bSchema && s.bResults ) p->eFmt = KL_FMT_MDE;
    }
    rc = KL_OK;
    break;
  }
  if( rc!=KL_OK ){
    /* a malformed document: the JSON reader will say where */
    free(p->zErr);
    p->zErr = 0;
    rc = KL_OK;
  }
  kqlLoadBufClose(b);
  return rc;
}

/* Top level of a Defender response: note Schema and Results. */
static int mdeMember(KqlLoader *p, void *pArg, const char *zKey, int nKey,
                     const char **pz, const char *zEnd, int bEof){
  ApiDoc *d = pArg;
  (void)p; (void)zEnd; (void)bEof;
  if( sameWord(zKey, nKey, "schema") ) d->zCols = *pz;
  if( sameWord(zKey, nKey, "results") ) d->zRows = *pz;
  return KL_OK;
}

/* A Log Analytics table object: note columns and rows. */
static int laTableMember(KqlLoader *p, void *pArg, const char *zKey, int nKey,
                         const char **pz, const char *zEnd, int bEof){
  ApiDoc *d = pArg;
  (void)p; (void)zEnd; (void)bEof;
  if( sameWord(zKey, nKey, "columns") ) d->zCols = *pz;
  if( sameWord(zKey, nKey, "rows") ) d->zRows = *pz;
  return KL_OK;
}

/* Top level of a Log Analytics response: the first table of "tables". */
static int laMember(KqlLoader *p, void *pArg, const char *zKey, int nKey,
                    const char **pz, const char *zEnd, int bEof){
  ApiDoc *d = pArg;
  const char *z = *pz;
  if( !sameWord(zKey, nKey, "tables") || d->zRows ) return KL_OK;
  if( *z!='[' ) return kqlLoadError(p, z, "\"tables\" must be an array");
  z = skipBlanks(z+1, zEnd);
  if( z<zEnd && *z=='{' ){
    int rc = walkObject(p, &z, zEnd, bEof, laTableMember, d);
    if( rc ) return rc;
    if( d->zRows==0 ) return kqlLoadError(p, *pz, "the first table has no \"rows\"");
  }
  return KL_OK;     /* the array is skipped from its start */
}

/* One column declaration {"name":..,"type":..}: its name and type. */
typedef struct ColDecl ColDecl;
struct ColDecl { const char *zName; int nName; const char *zType; int nType; char *zDec; };

static int colMember(KqlLoader *p, void *pArg, const char *zKey, int nKey,
                     const char **pz, const char *zEnd, int bEof){
  ColDecl *c = pArg;
  if( sameWord(zKey, nKey, "name") || sameWord(zKey, nKey, "columnname") ){
    return kqlLoadJsonString(p, pz, zEnd, bEof, &c->zDec, &c->zName, &c->nName);
  }
  if( sameWord(zKey, nKey, "type") || sameWord(zKey, nKey, "columntype")
   || (sameWord(zKey, nKey, "datatype") && c->zType==0) ){
    return kqlLoadJsonString(p, pz, zEnd, bEof, &c->zDec, &c->zType, &c->nType);
  }
  return KL_OK;
}

/*
** Map the declared columns (array at zCols) onto table columns, filling
** p->aFileMap: catalogue columns keep their types, others take the declared
** type. Returns KL_OK or KL_ERROR.
*/
static int mapColumns(KqlLoader *p, const char *zCols, const char *zEnd){
  const char *z = zCols;
  int nAlloc = 16;
  if( *z!='[' ) return kqlLoadError(p, z, "the column list must be a JSON array");
  free(p->aFileMap);
  p->nFileCol = 0;
  p->aFileMap = malloc(sizeof(int)*(size_t)nAlloc);
  if( p->aFileMap==0 ) return kqlLoadError(p, 0, "out of memory");
  z = skipBlanks(z+1, zEnd);
  if( z<zEnd && *z==']' ) return KL_OK;
  for(;;){
    ColDecl c;
    const char *zAt = skipBlanks(z, zEnd);
    const char *zAfter = zAt;
    int iCol, rc, nDef = p->pDef ? p->pDef->nCol : 0;
    memset(&c, 0, sizeof(c));
    rc = kqlLoadJsonSkip(p, &zAfter, zEnd, 1);
    if( rc ) return rc;
    p->scratch.n = 0;
    if( kqlLoadStrReserve(p, &p->scratch, (size_t)(zAfter - zAt) + 16) ) return KL_ERROR;
    c.zDec = p->scratch.z;
    rc = walkObject(p, &z, zEnd, 1, colMember, &c);
    if( rc ) return rc;
    if( c.zName==0 ) return kqlLoadError(p, zAt, "column without a \"name\"");
    iCol = kqlLoadColumnForKey(p, c.zName, c.nName);
    if( iCol<0 ) return KL_ERROR;
    if( iCol>=nDef && p->aCol[iCol].bInfer && c.zType ){
      int eType = apiType(c.zType, c.nType);
      if( eType>=0 ){
        p->aCol[iCol].eType = eType;
        p->aCol[iCol].bInfer = 0;
      }
    }
    if( p->nFileCol>=nAlloc ){
      int *aNew = realloc(p->aFileMap, sizeof(int)*(size_t)(nAlloc*2));
      if( aNew==0 ) return kqlLoadError(p, 0, "out of memory");
      p->aFileMap = aNew;
      nAlloc *= 2;
    }
    p->aFileMap[p->nFileCol++] = iCol;
    z = skipBlanks(z, zEnd);
    if( z>=zEnd ) return kqlLoadError(p, z, "unexpected end of JSON input");
    if( *z==',' ){ z++; continue; }
    if( *z==']' ) return KL_OK;
    return kqlLoadError(p, z, "expected ',' or ']' in the column list");
  }
}

/* A new cell in p->aCell, or NULL (error recorded). */
static KqlLoadCell *newCell(KqlLoader *p){
  if( p->nCell>=p->nCellAlloc ){
    int nNew = p->nCellAlloc ? 2*p->nCellAlloc : 64;
    KqlLoadCell *aNew = realloc(p->aCell, sizeof(KqlLoadCell)*(size_t)nNew);
    if( aNew==0 ){ kqlLoadError(p, 0, "out of memory"); return 0; }
    p->aCell = aNew;
    p->nCellAlloc = nNew;
  }
  return &p->aCell[p->nCell++];
}

/* Read one Log Analytics row (an array) at *pz into p->aCell. */
static int laRow(KqlLoader *p, const char **pz, const char *zEnd, char **pzDec){
  const char *zRow = *pz;
  const char *z = zRow+1;
  if( *zRow!='[' ) return kqlLoadError(p, zRow, "expected a row (a JSON array)");
  z = skipBlanks(z, zEnd);
  if( z<zEnd && *z==']' ){
    z++;
  }else{
    for(;;){
      KqlLoadCell *pCell;
      if( p->nCell>=p->nFileCol ){
        return kqlLoadError(p, skipBlanks(z, zEnd), "row has more values than the %d columns",
                            p->nFileCol);
      }
      pCell = newCell(p);
      if( pCell==0 ) return KL_ERROR;
      if( kqlLoadJsonCell(p, &z, zEnd, pzDec, p->aFileMap[p->nCell-1], pCell) ) return KL_ERROR;
      z = skipBlanks(z, zEnd);
      if( z>=zEnd ) return kqlLoadError(p, z, "unexpected end of JSON input");
      if( *z==',' ){ z++; continue; }
      if( *z==']' ){ z++; break; }
      return kqlLoadError(p, z, "expected ',' or ']' in a row");
    }
  }
  if( p->nCell!=p->nFileCol ){
    return kqlLoadError(p, zRow, "row has %d value%s but there are %d columns",
                        p->nCell, p->nCell==1 ? "" : "s", p->nFileCol);
  }
  *pz = z;
  return KL_OK;
}

/* Read one Defender result (an object keyed by column name) into p->aCell. */
static int mdeRow(KqlLoader *p, const char **pz, const char *zEnd, char **pzDec){
  const char *z = *pz;
  if( *z!='{' ) return kqlLoadError(p, z, "expected a result row (a JSON object)");
  z = skipBlanks(z+1, zEnd);
  if( z<zEnd && *z=='}' ){ *pz = z+1; return KL_OK; }
  for(;;){
    const char *zKey;
    int nKey, iCol, rc;
    KqlLoadCell *pCell;
    rc = kqlLoadJsonString(p, &z, zEnd, 1, pzDec, &zKey, &nKey);
    if( rc ) return rc;
    z = skipBlanks(z, zEnd);
    if( z>=zEnd || *z!=':' ) return kqlLoadError(p, z, "expected ':' after key in JSON object");
    z++;
    iCol = kqlLoadColumnForKey(p, zKey, nKey);
    if( iCol==-2 ) return KL_RESTART;
    if( iCol<0 ) return KL_ERROR;
    pCell = newCell(p);
    if( pCell==0 ) return KL_ERROR;
    if( kqlLoadJsonCell(p, &z, zEnd, pzDec, iCol, pCell) ) return KL_ERROR;
    z = skipBlanks(z, zEnd);
    if( z>=zEnd ) return kqlLoadError(p, z, "unexpected end of JSON input");
    if( *z==',' ){ z = skipBlanks(z+1, zEnd); continue; }
    if( *z=='}' ){ *pz = z+1; return KL_OK; }
    return kqlLoadError(p, z, "expected ',' or '}' in JSON object");
  }
}

/*
** Run the current pass over an API response. Returns KL_OK at the end,
** KL_LIMIT when the sample is complete, KL_ERROR or KL_RESTART.
*/
int kqlLoadApiPass(KqlLoader *p){
  KqlLoadBuf *b = &p->buf;
  ApiDoc d = {0, 0};
  const char *z, *zEnd;
  int rc;
  if( kqlLoadBufStart(p) ) return KL_ERROR;
  while( !b->bEof ){
    if( kqlLoadBufFill(p) ) return KL_ERROR;
  }
  z = b->a + b->iRec;
  zEnd = b->a + b->nData;
  if( kqlLoadCheckRecord(p, zEnd) ) return KL_ERROR;
  rc = walkObject(p, &z, zEnd, 1, p->eFmt==KL_FMT_LA ? laMember : mdeMember, &d);
  if( rc ) return rc;
  z = skipBlanks(z, zEnd);
  if( z<zEnd ) return kqlLoadError(p, z, "unexpected text after the JSON object");
  if( d.zCols==0 ){
    return kqlLoadError(p, b->a + b->iRec, p->eFmt==KL_FMT_LA
                        ? "the first table has no \"columns\"" : "the response has no \"Schema\"");
  }
  if( d.zRows==0 ) return kqlLoadError(p, b->a + b->iRec, "the response has no rows");
  if( p->aFileMap==0 ){
    rc = mapColumns(p, d.zCols, zEnd);
    if( rc ) return rc;
  }
  z = d.zRows;
  if( *z!='[' ) return kqlLoadError(p, z, "the rows must be a JSON array");
  z = skipBlanks(z+1, zEnd);
  if( z<zEnd && *z==']' ) return KL_OK;
  for(;;){
    const char *zRow = z, *zAfter = z;
    char *zDec;
    rc = kqlLoadJsonSkip(p, &zAfter, zEnd, 1);
    if( rc ) return rc;
    p->nCell = 0;
    p->scratch.n = 0;
    if( kqlLoadStrReserve(p, &p->scratch, (size_t)(zAfter - zRow) + 16) ) return KL_ERROR;
    zDec = p->scratch.z;
    rc = p->eFmt==KL_FMT_LA ? laRow(p, &z, zEnd, &zDec) : mdeRow(p, &z, zEnd, &zDec);
    if( rc ) return rc;
    rc = kqlLoadRow(p);
    if( rc ) return rc;
    if( p->ePass==KL_PASS_SAMPLE && p->nRec>=KQL_LOAD_SAMPLE ) return KL_LIMIT;
    z = skipBlanks(z, zEnd);
    if( z>=zEnd ) return kqlLoadError(p, z, "unexpected end of JSON input");
    if( *z==',' ){ z = skipBlanks(z+1, zEnd); continue; }
    if( *z==']' ) return KL_OK;
    return kqlLoadError(p, z, "expected ',' or ']' after a row");
  }
}
