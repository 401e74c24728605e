/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** geo_from_wkt(): Well-Known Text (POINT, LINESTRING, POLYGON, MULTIPOINT,
** MULTILINESTRING, MULTIPOLYGON; keywords in any letter case) to GeoJSON.
** Coordinates are "longitude latitude" pairs in range; polygon rings must be
** closed with at least four positions. Anything else (EMPTY, Z/M
** coordinates, trailing text) gives null. A recursive-descent reader that
** never looks past the end of the text.
*/
#include "fn.h"
#include "fn_geo.h"
#include "fnutil.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct Wkt Wkt;
struct Wkt {
  const char *z;        /* text */
  int n;                /* its length */
  int i;                /* read position */
  KqlGeoShape *pS;      /* shape being built */
  int rc;               /* 0, 1 syntax/invalid, SQLITE_NOMEM */
};

static void skipWs(Wkt *p){
  while( p->i<p->n && isspace((unsigned char)p->z[p->i]) ) p->i++;
}

/* Consume character c (after blanks); 0 when it is not there. */
static int eat(Wkt *p, char c){
  skipWs(p);
  if( p->i<p->n && p->z[p->i]==c ){ p->i++; return 1; }
  return 0;
}

static int peek(Wkt *p, char c){
  skipWs(p);
  return p->i<p->n && p->z[p->i]==c;
}

/* A number at the read position. */
static int number(Wkt *p, double *pR){
  char zBuf[64];
  int j, n;
  char *zEnd;
  skipWs(p);
  j = p->i;
  while( j<p->n && (isdigit((unsigned char)p->z[j]) || p->z[j]=='-' || p->z[j]=='+'
                    || p->z[j]=='.' || p->z[j]=='e' || p->z[j]=='E') ) j++;
  n = j - p->i;
  if( n==0 || n>=(int)sizeof(zBuf) ) return 0;
  memcpy(zBuf, p->z + p->i, (size_t)n);
  zBuf[n] = 0;
  *pR = strtod(zBuf, &zEnd);
  if( zEnd!=zBuf+n || !isfinite(*pR) ) return 0;
  p->i = j;
  return 1;
}

/* "lng lat" */
static int coord(Wkt *p){
  double lng, lat;
  if( !number(p, &lng) || !number(p, &lat) || !kqlGeoValidLL(lng, lat) ) return 0;
  p->rc = kqlGeoShapeAddPos(p->pS, lng, lat);
  return p->rc==0;
}

/* "(" coord ("," coord)* ")" with at least nMin coordinates. */
static int coordList(Wkt *p, int nMin){
  int k = 0;
  if( !eat(p, '(') ) return 0;
  do{
    if( !coord(p) ) return 0;
    k++;
  }while( eat(p, ',') );
  return eat(p, ')') && k>=nMin;
}

/* A closed ring; the closing position is dropped. */
static int ring(Wkt *p){
  int iFirst = p->pS->nPt;
  if( (p->rc = kqlGeoShapeNewRing(p->pS))!=0 ) return 0;
  if( !coordList(p, 4) ) return 0;
  if( p->pS->aLng[iFirst]!=p->pS->aLng[p->pS->nPt-1]
   || p->pS->aLat[iFirst]!=p->pS->aLat[p->pS->nPt-1] ) return 0;
  p->pS->nPt--;
  return 1;
}

/* "(" ring ("," ring)* ")" */
static int polygon(Wkt *p){
  if( (p->rc = kqlGeoShapeNewPart(p->pS))!=0 ) return 0;
  if( !eat(p, '(') ) return 0;
  do{
    if( !ring(p) ) return 0;
  }while( eat(p, ',') );
  return eat(p, ')');
}

/* Keyword at the read position, case-insensitive, whole word. */
static int keyword(Wkt *p, const char *zKw){
  int n = (int)strlen(zKw);
  skipWs(p);
  if( p->n - p->i<n || sqlite3_strnicmp(p->z + p->i, zKw, n)!=0 ) return 0;
  if( p->i+n<p->n && isalpha((unsigned char)p->z[p->i+n]) ) return 0;
  p->i += n;
  return 1;
}

static int geometry(Wkt *p){
  KqlGeoShape *pS = p->pS;
  if( keyword(p, "POINT") ){
    pS->eType = KQL_GEO_POINT;
    if( (p->rc = kqlGeoShapeNewPart(pS))!=0 || (p->rc = kqlGeoShapeNewRing(pS))!=0 ) return 0;
    return eat(p, '(') && coord(p) && eat(p, ')');
  }
  if( keyword(p, "LINESTRING") ){
    pS->eType = KQL_GEO_LINE;
    if( (p->rc = kqlGeoShapeNewPart(pS))!=0 || (p->rc = kqlGeoShapeNewRing(pS))!=0 ) return 0;
    return coordList(p, 2);
  }
  if( keyword(p, "POLYGON") ){
    pS->eType = KQL_GEO_POLYGON;
    return polygon(p);
  }
  if( keyword(p, "MULTIPOINT") ){
    pS->eType = KQL_GEO_MULTIPOINT;
    if( !eat(p, '(') ) return 0;
    do{
      int bParen;
      if( (p->rc = kqlGeoShapeNewPart(pS))!=0 || (p->rc = kqlGeoShapeNewRing(pS))!=0 ) return 0;
      bParen = eat(p, '(');
      if( !coord(p) ) return 0;
      if( bParen && !eat(p, ')') ) return 0;
    }while( eat(p, ',') );
    return eat(p, ')');
  }
  if( keyword(p, "MULTILINESTRING") ){
    pS->eType = KQL_GEO_MULTILINE;
    if( !eat(p, '(') ) return 0;
    do{
      if( (p->rc = kqlGeoShapeNewPart(pS))!=0 || (p->rc = kqlGeoShapeNewRing(pS))!=0 ) return 0;
      if( !coordList(p, 2) ) return 0;
    }while( eat(p, ',') );
    return eat(p, ')');
  }
  if( keyword(p, "MULTIPOLYGON") ){
    pS->eType = KQL_GEO_MULTIPOLY;
    if( !eat(p, '(') ) return 0;
    do{
      if( !peek(p, '(') || !polygon(p) ) return 0;
    }while( eat(p, ',') );
    return eat(p, ')');
  }
  return 0;
}

/* geo_from_wkt(wkt) -> GeoJSON, null when the text is not valid WKT. */
static void fnFromWkt(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  KqlGeoShape s;
  Wkt w;
  int bOk;
  (void)argc;
  if( sqlite3_value_type(argv[0])!=SQLITE_TEXT ) return;
  memset(&s, 0, sizeof(s));
  memset(&w, 0, sizeof(w));
  w.z = (const char*)sqlite3_value_text(argv[0]);
  w.n = sqlite3_value_bytes(argv[0]);
  w.pS = &s;
  bOk = geometry(&w);
  skipWs(&w);
  if( bOk && w.i==w.n && w.rc==0 ) w.rc = kqlGeoShapeFinish(&s);
  if( w.rc==SQLITE_NOMEM ){
    sqlite3_result_error_nomem(ctx);
  }else if( bOk && w.i==w.n && w.rc==0 ){
    sqlite3_str *p = sqlite3_str_new(0);
    kqlGeoAppendShape(p, &s);
    kqlGeoResultJson(ctx, p);
  }
  kqlGeoShapeFree(&s);
}

/* kqlFnRegisterGeoWkt(): contract in fn_geo.h. */
int kqlFnRegisterGeoWkt(sqlite3 *db){
  return sqlite3_create_function(db, "kql_geo_from_wkt", 1,
      SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, fnFromWkt, 0, 0);
}
