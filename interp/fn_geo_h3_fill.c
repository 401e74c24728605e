/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** H3 polygon filling for geo_polygon_to_h3cells: the cells of one
** resolution whose centres lie inside a region (with a buffer radius: inside
** it or within the radius of its boundary), as the Kusto docs define it.
**
** The search walks the H3 hierarchy from the 122 base cells down, keeping a
** cell while a cap around its centre, large enough to hold every descendant
** (the descendants of a cell lie within about 1.05 of its circumradius, by
** the aperture-7 geometric series; 2.5 is used), meets the region. Cells come
** out in index order (base cell, then digits), which is ascending numeric
** order.
*/
#include "fn.h"
#include "fn_geo.h"

#define H3_FILL_REACH 2.5   /* descendants' reach, in circumradii */

typedef struct Fill Fill;
struct Fill {
  const KqlGeoRegion *pR;
  int res;                /* target resolution */
  double radius;          /* buffer, radians */
  uint64_t *aOut;
  int nOut, nAlloc, nMax;
  int rc;                 /* 0, -1 too many cells, -2 out of memory */
};

/* 1 when the point p belongs to the (buffered) region; with a reach,
** 1 when a cap of that radius around p may meet it. */
static int touches(const Fill *p, KqlGeoVec c, double reach){
  if( kqlGeoRegionContains(p->pR, c) ) return 1;
  if( p->radius + reach<=0.0 ) return 0;
  return kqlGeoRegionBoundaryDist(p->pR, c, 0)<=p->radius + reach;
}

static void addCell(Fill *p, uint64_t h){
  if( p->nOut>=p->nMax ){ p->rc = -1; return; }
  if( p->nOut>=p->nAlloc ){
    int nNew = p->nAlloc ? 2*p->nAlloc : 64;
    uint64_t *aNew = sqlite3_realloc64(p->aOut, (sqlite3_uint64)nNew*sizeof(uint64_t));
    if( aNew==0 ){ p->rc = -2; return; }
    p->aOut = aNew;
    p->nAlloc = nNew;
  }
  p->aOut[p->nOut++] = h;
}

/* Visit cell h (valid, resolution r) and its descendants. */
static void visit(Fill *p, uint64_t h, int r){
  KqlGeoVec c, aV[16];
  double reach = 0.0;
  int bLeadZero = 1;
  if( p->rc ) return;
  if( kqlH3Center(h, &c) ) return;
  if( r==p->res ){
    if( touches(p, c, 0.0) ) addCell(p, h);
    return;
  }
  if( r>0 ){
    int n = kqlH3Boundary(h, aV);
    for(int k=0; k<n; k++){
      double a = kqlGeoAngle(c, aV[k]);
      if( a>reach ) reach = a;
    }
    if( !touches(p, c, H3_FILL_REACH*reach) ) return;
  }
  for(int q=1; q<=r; q++) if( (h >> ((15 - q)*3)) & 7 ) bLeadZero = 0;
  for(int d=0; d<7 && !p->rc; d++){
    int s = (15 - (r+1))*3;
    uint64_t ch;
    /* A pentagon has no child in the k direction. */
    if( d==1 && bLeadZero && kqlH3Grid()->aBasePent[(h >> 45) & 127] ) continue;
    ch = (h & ~((uint64_t)15 << 52)) | ((uint64_t)(r+1) << 52);
    ch = (ch & ~((uint64_t)7 << s)) | ((uint64_t)d << s);
    visit(p, ch, r+1);
  }
}

/* kqlH3Fill(): contract in fn_geo.h. */
int kqlH3Fill(const KqlGeoRegion *pR, int res, double radius, int nMax, uint64_t **paOut){
  Fill f;
  f.pR = pR;
  f.res = res;
  f.radius = radius;
  f.aOut = 0;
  f.nOut = f.nAlloc = 0;
  f.nMax = nMax;
  f.rc = 0;
  for(int bc=0; bc<KQL_H3_NUM_BASE && !f.rc; bc++){
    uint64_t h = ((uint64_t)1 << 59) | ((uint64_t)bc << 45) | (((uint64_t)1 << 45) - 1);
    visit(&f, h, 0);
  }
  if( f.rc ){
    sqlite3_free(f.aOut);
    *paOut = 0;
    return f.rc;
  }
  *paOut = f.aOut;
  return f.nOut;
}
