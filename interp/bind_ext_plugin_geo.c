/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** evaluate geo_polygon_lookup and geo_line_lookup: a join of the input
** with a lookup table of GeoJSON shapes.
**   geo_polygon_lookup(LookupTable, PolygonKey, Lon, Lat [, radius]
**       [, return_unmatched] [, lookup_area_radius] [, return_lookup_key])
**       a row per (point, polygon) where the point is inside the polygon,
**       or within radius meters of it.
**   geo_line_lookup(LookupTable, LineKey, Lon, Lat, radius
**       [, return_unmatched] [, lookup_area_radius] [, return_lookup_key])
**       a row per (point, line) where the point is within radius meters.
** Columns: the input's, then the lookup table's without the key column
** (with it when return_lookup_key is true), renamed apart like a join.
** return_unmatched keeps points with no match (lookup strings empty, other
** lookup columns null). lookup_area_radius only tunes Kusto's index and
** does not change the result.
*/
#include "bind_ext_plugin.h"
#include <string.h>

/* A constant bool argument: 1/0, or -1 after reporting an error. Absent: 0. */
static int constBool(Binder *p, const KqlAst *pArg, const char *zFn, const char *zWhat){
  if( pArg==0 ) return 0;
  if( pArg->eKind==KQL_AST_LITERAL && pArg->z ){
    if( strcmp(pArg->z, "true")==0 ) return 1;
    if( strcmp(pArg->z, "false")==0 ) return 0;
  }
  kqlBindErr(p, pArg, "KQL226", "%s: %s must be true or false", zFn, zWhat);
  return -1;
}

/* A constant real argument (radius) as SQL, NULL after reporting an error. */
static const char *constReal(Binder *p, const KqlAst *pArg, const char *zFn, const char *zWhat){
  KqlExpr *e = kqlExtConst(p, pArg);
  if( e->bError ) return 0;
  if( !e->bConst || (e->eType!=KQL_T_REAL && e->eType!=KQL_T_LONG && e->eType!=KQL_T_INT
                     && e->eType!=KQL_T_DECIMAL) ){
    kqlBindErr(p, pArg, "KQL226", "%s: %s must be a constant number", zFn, zWhat);
    return 0;
  }
  return kqlExprAs(p, e, KQL_T_REAL);
}

static KqlRel *geoLookup(Binder *p, KqlRel *pIn, const KqlAst *pCall, int bLine){
  const char *zFn = bLine ? "geo_line_lookup" : "geo_polygon_lookup";
  const KqlAst *pTab = kqlPluginArg(pCall, 0, 0);
  const KqlAst *pKey = kqlPluginArg(pCall, 0, 1);
  const KqlAst *pLon = kqlPluginArg(pCall, 0, 2);
  const KqlAst *pLat = kqlPluginArg(pCall, 0, 3);
  const KqlAst *pRadius = kqlPluginArg(pCall, "radius", 4);
  const KqlAst *pUnmatched = kqlPluginArg(pCall, "return_unmatched", 5);
  const KqlAst *pArea = kqlPluginArg(pCall, "lookup_area_radius", 6);
  const KqlAst *pRetKey = kqlPluginArg(pCall, "return_lookup_key", 7);
  if( pTab==0 || pKey==0 || pLon==0 || pLat==0 || pKey->eKind!=KQL_AST_IDENT || (bLine && pRadius==0) ){
    kqlBindErr(p, pCall, "KQL226", "%s: expected (LookupTable, %s, SourceLongitude, SourceLatitude%s)",
               zFn, bLine ? "LookupLineKey" : "LookupPolygonKey", bLine ? ", radius" : "");
    return kqlExtRelError(p);
  }
  int bLeft = constBool(p, pUnmatched, zFn, "return_unmatched");
  int bRetKey = constBool(p, pRetKey, zFn, "return_lookup_key");
  if( bLeft<0 || bRetKey<0 ) return kqlExtRelError(p);
  const char *zRadius = 0;
  if( pRadius && (zRadius = constReal(p, pRadius, zFn, "radius"))==0 ) return kqlExtRelError(p);
  if( pArea && constReal(p, pArea, zFn, "lookup_area_radius")==0 ) return kqlExtRelError(p);
  KqlRowCtx *pRowSave = p->pRow;
  p->pRow = 0;
  KqlRel *pLk = kqlBindTabular(p, pTab);
  p->pRow = pRowSave;
  if( pLk->bError ) return pLk;
  int iKey = kqlBindFindCol(pLk, pKey->z);
  if( iKey<0 ){
    kqlBindErr(p, pKey, "KQL103", "unknown column '%s' in the lookup table", pKey->z);
    return kqlExtRelError(p);
  }
  if( pLk->aCol[iKey].eType!=KQL_T_DYNAMIC ){
    kqlBindErr(p, pKey, "KQL226", "%s: the key column '%s' must be dynamic", zFn, pKey->z);
    return kqlExtRelError(p);
  }
  KqlRowCtx ctx, *pSave;
  const char *zA = kqlExtRowEnter(p, &ctx, &pSave, pIn);
  KqlExpr *eLon = kqlBindExpr(p, pLon);
  KqlExpr *eLat = kqlBindExpr(p, pLat);
  kqlExtRowLeave(p, pSave);
  if( eLon->bError || eLat->bError ) return kqlExtRelError(p);
  for(int i=0; i<2; i++){
    KqlExpr *e = i ? eLat : eLon;
    if( e->eType!=KQL_T_REAL && e->eType!=KQL_T_LONG && e->eType!=KQL_T_INT && e->eType!=KQL_T_DECIMAL ){
      kqlBindErr(p, i ? pLat : pLon, "KQL226", "%s: the %s must be a number, not %s", zFn,
                 i ? "latitude" : "longitude", kqlTypeName(e->eType));
      return kqlExtRelError(p);
    }
  }
  const char *zB = kqlBindAlias(p);
  KqlCol *aOut = kqlExtCols(p, pIn->nCol + pLk->nCol);
  int nOut = 0;
  KqlStr s;
  kqlStrInit(&s, p->pArena);
  kqlStrAppend(&s, "SELECT ", -1);
  for(int iPass=0; iPass<2; iPass++){
    kqlPluginAppendCols(p, &s, iPass ? pLk : pIn, iPass ? zB : zA,
                        iPass && !bRetKey ? iKey : -1, iPass && bLeft, aOut, &nOut);
  }
  if( nOut==0 ) kqlStrAppend(&s, "NULL", -1);
  KqlStr k;
  kqlStrInit(&k, p->pArena);
  kqlStrPrintf(&k, "%s.", zB);
  kqlStrIdent(&k, pLk->aCol[iKey].zName, -1);
  const char *zLon = kqlExprAs(p, eLon, KQL_T_REAL), *zLat = kqlExprAs(p, eLat, KQL_T_REAL);
  const char *zKey = kqlStrText(&k);
  kqlStrPrintf(&s, " FROM (%s) AS %s %sJOIN (%s) AS %s ON ", pIn->zSql, zA, bLeft ? "LEFT " : "",
               pLk->zSql, zB);
  if( bLine ){
    kqlStrPrintf(&s, "kql_geo_distance_point_to_line(%s, %s, %s) <= %s", zLon, zLat, zKey, zRadius);
  }else{
    kqlStrPrintf(&s, "(kql_geo_point_in_polygon(%s, %s, %s)", zLon, zLat, zKey);
    if( zRadius ){
      kqlStrPrintf(&s, " OR kql_geo_distance_point_to_polygon(%s, %s, %s) <= %s", zLon, zLat, zKey, zRadius);
    }
    kqlStrAppend(&s, ")", 1);
  }
  return kqlBindRelNew(p, kqlStrText(&s), nOut, aOut);
}

KqlRel *kqlPluginGeo(Binder *p, KqlRel *pIn, const KqlAst *pCall, const char *zName){
  if( strcmp(zName, "geo_polygon_lookup")==0 ) return geoLookup(p, pIn, pCall, 0);
  if( strcmp(zName, "geo_line_lookup")==0 ) return geoLookup(p, pIn, pCall, 1);
  return 0;
}
