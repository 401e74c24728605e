/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqlFnRegisterGeo(): registers the geospatial built-ins (the geo_*
** functions of KQL). The functions live in fn_geo_cells.c (S2 and geohash
** grids), fn_geo_measure.c (distances, areas, lines), fn_geo_ops.c
** (intersections, unions, buffers), fn_geo_wkt.c (geo_from_wkt) and
** fn_geo_h3.c (H3 grid); the shared
** geometry is in fn_geo_sphere.c, fn_geo_json.c, fn_geo_region.c,
** fn_geo_overlay.c, fn_geo_s2.c and fn_geo_hash.c (see fn_geo.h).
*/
#include "fn.h"
#include "fn_geo.h"

/* kqlFnRegisterGeo(): contract in fn.h. */
int kqlFnRegisterGeo(sqlite3 *db){
  int (*const aReg[])(sqlite3 *) = {
    kqlFnRegisterGeoCells, kqlFnRegisterGeoMeasure, kqlFnRegisterGeoOps,
    kqlFnRegisterGeoWkt, kqlFnRegisterGeoH3,
  };
  for(unsigned i=0; i<sizeof(aReg)/sizeof(aReg[0]); i++){
    int rc = aReg[i](db);
    if( rc!=SQLITE_OK ) return rc;
  }
  return SQLITE_OK;
}
