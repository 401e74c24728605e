/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Boolean operations on spherical polygons (union and intersection), for
** geo_union_polygons_array, geo_intersection_2polygons, the MultiPolygon
** measures and the buffers. The method, in our own words:
**
**   1. All ring vertices are gathered; vertices closer than SNAP_EPS are
**      merged, so edges that the inputs share exactly or nearly line up.
**   2. Every edge is split where another polygon's edge crosses it and
**      where another polygon's vertex lies on it.
**   3. Each piece of edge is kept or dropped by where its midpoint lies
**      (union: outside every other polygon; intersection: inside the other
**      operand). Pieces shared by two polygons are kept once when the two
**      interiors lie on the same side, dropped when on opposite sides.
**   4. Kept pieces, directed with the interior on their left, are linked
**      into rings (taking the sharpest right turn where several leave one
**      vertex), and rings are grouped into shells with their holes.
**
** Output order follows Kusto's S2 engine (S2Builder): input edges are
** numbered in input order (operand, polygon, ring, edge); a ring is walked
** from its vertex with the smallest S2 leaf cell id, then rotated so that
** it ends with the first run of its highest-numbered edge; rings are
** ordered by the number of their first edge, holes after their shell.
*/
#include "fn_geo.h"
#include <stdlib.h>
#include <string.h>

#define SNAP_EPS 1e-13      /* radians (~0.6 mm): vertices this close merge */

/* One input edge, between canonical vertices. */
typedef struct OvEdge OvEdge;
struct OvEdge {
  int iA, iB;           /* canonical vertex ids */
  int iPoly;            /* operand polygon (global index) */
  int iSet;             /* 0 or 1: operand side (intersection) */
  int nSplit, nSplitAlloc;
  int *aSplit;          /* vertex ids splitting the edge (unsorted) */
};

/* A directed piece of an edge. */
typedef struct OvPiece OvPiece;
struct OvPiece {
  int iA, iB;           /* canonical vertex ids */
  int iPoly, iSet;      /* origin */
  int iOrder;           /* position in input order */
  int iEdge;            /* input edge number (index in aEdge) */
  int bKeep;            /* kept in the result */
  int bUsed;            /* already linked into a ring */
};

/* One polygon operand, as a view into a region. */
typedef struct OvPoly OvPoly;
struct OvPoly {
  const KqlGeoRegion *pR;   /* owning region */
  int iPoly;                /* polygon index in pR */
  int iSet;                 /* 0 or 1 */
  KqlGeoVec cap;            /* bounding cap center */
  double capCos;            /* cos of the cap radius; -2 when no cap */
};

typedef struct Overlay Overlay;
struct Overlay {
  int nV, nVAlloc;
  KqlGeoVec *aV;            /* canonical vertices */
  double *aLng, *aLat;      /* their degrees, NaN when computed */
  int nEdge;
  OvEdge *aEdge;
  int nPiece, nPieceAlloc;
  OvPiece *aPiece;
  int nPoly;
  OvPoly *aPoly;
  int rc;                   /* sticky SQLITE_NOMEM */
  int bIntersect;           /* 1: A intersect B; 0: union of all */
  /* Grid of polygon caps, to find the polygons that may contain a point. */
  double gridH;             /* cell size */
  int nCellSlot;
  int *aCellSlot;           /* 4 ints per slot: cell x, y, z, polygon; sorted */
  int nGlobal;
  int *aGlobal;             /* polygons without a usable cap */
  int *aCand;               /* scratch: candidate list */
  unsigned char *aSeen;     /* scratch: dedupe marks per polygon */
};

/****************************************************************************
** Vertices.
*/

/* Add a vertex (no merging); returns its id or -1. */
static int addVertex(Overlay *p, KqlGeoVec v, double lng, double lat){
  if( p->nV>=p->nVAlloc ){
    int nNew = p->nVAlloc ? p->nVAlloc*2 : 64;
    KqlGeoVec *aV = sqlite3_realloc64(p->aV, (sqlite3_uint64)nNew*sizeof(KqlGeoVec));
    double *aLng, *aLat;
    if( aV==0 ){ p->rc = SQLITE_NOMEM; return -1; }
    p->aV = aV;
    aLng = sqlite3_realloc64(p->aLng, (sqlite3_uint64)nNew*sizeof(double));
    if( aLng==0 ){ p->rc = SQLITE_NOMEM; return -1; }
    p->aLng = aLng;
    aLat = sqlite3_realloc64(p->aLat, (sqlite3_uint64)nNew*sizeof(double));
    if( aLat==0 ){ p->rc = SQLITE_NOMEM; return -1; }
    p->aLat = aLat;
    p->nVAlloc = nNew;
  }
  p->aV[p->nV] = v;
  p->aLng[p->nV] = lng;
  p->aLat[p->nV] = lat;
  return p->nV++;
}

/* Index order by x coordinate (qsort_r is not portable C11, so the keys
** are copied next to the indexes). */
typedef struct XKey XKey;
struct XKey { double x; int i; };
static int cmpXKey(const void *pA, const void *pB){
  const XKey *a = pA, *b = pB;
  return a->x<b->x ? -1 : a->x>b->x ? 1 : a->i - b->i;
}

/*
** Merge vertices closer than SNAP_EPS: aMap[i] gets the canonical id of
** vertex i (the lowest id of its cluster).
*/
static int snapVertices(Overlay *p, int *aMap){
  XKey *a = sqlite3_malloc64((sqlite3_uint64)(p->nV+1)*sizeof(XKey));
  if( a==0 ) return SQLITE_NOMEM;
  for(int i=0; i<p->nV; i++){ a[i].x = p->aV[i].x; a[i].i = i; aMap[i] = i; }
  if( p->nV>1 ) qsort(a, (size_t)p->nV, sizeof(XKey), cmpXKey);
  for(int k=0; k<p->nV; k++){
    int i = a[k].i;
    for(int m=k-1; m>=0 && a[k].x - a[m].x<=SNAP_EPS; m--){
      int j = a[m].i;
      if( kqlGeoAngle(p->aV[i], p->aV[j])<=SNAP_EPS ){
        int c = aMap[j];
        if( c<aMap[i] ) aMap[i] = c;
      }
    }
  }
  /* Make the map point at the cluster's lowest id. */
  for(int i=0; i<p->nV; i++){
    int c = aMap[i];
    while( aMap[c]!=c ) c = aMap[c];
    aMap[i] = c;
  }
  sqlite3_free(a);
  return 0;
}

/****************************************************************************
** Splitting.
*/

static void addSplit(Overlay *p, int iEdge, int iV){
  OvEdge *e = &p->aEdge[iEdge];
  if( iV==e->iA || iV==e->iB ) return;
  for(int k=0; k<e->nSplit; k++){
    if( e->aSplit[k]==iV ) return;
  }
  if( e->nSplit>=e->nSplitAlloc ){
    int nNew = e->nSplitAlloc ? e->nSplitAlloc*2 : 4;
    int *aNew = sqlite3_realloc64(e->aSplit, (sqlite3_uint64)nNew*sizeof(int));
    if( aNew==0 ){ p->rc = SQLITE_NOMEM; return; }
    e->aSplit = aNew;
    e->nSplitAlloc = nNew;
  }
  e->aSplit[e->nSplit++] = iV;
}

/* Is vertex v within SNAP_EPS of the interior of edge e? */
static int vertexOnEdge(const Overlay *p, int iV, const OvEdge *e){
  if( iV==e->iA || iV==e->iB ) return 0;
  return kqlGeoDistToEdge(p->aV[iV], p->aV[e->iA], p->aV[e->iB], 0)<=SNAP_EPS;
}

/* Arrays of edge endpoints for the sweep. */
typedef struct PairCtx PairCtx;
struct PairCtx {
  Overlay *p;
};

static int splitPair(void *pArg, int i, int j){
  Overlay *p = ((PairCtx*)pArg)->p;
  OvEdge *a = &p->aEdge[i], *b = &p->aEdge[j];
  int x;
  if( p->rc ) return 1;
  if( a->iPoly==b->iPoly ) return 0;
  /* Vertices of one lying on the other. */
  if( vertexOnEdge(p, b->iA, a) ) addSplit(p, i, b->iA);
  if( vertexOnEdge(p, b->iB, a) ) addSplit(p, i, b->iB);
  if( vertexOnEdge(p, a->iA, b) ) addSplit(p, j, a->iA);
  if( vertexOnEdge(p, a->iB, b) ) addSplit(p, j, a->iB);
  if( a->iA==b->iA || a->iA==b->iB || a->iB==b->iA || a->iB==b->iB ) return 0;
  x = kqlGeoEdgeCrossing(p->aV[a->iA], p->aV[a->iB], p->aV[b->iA], p->aV[b->iB]);
  if( x>0 ){
    KqlGeoVec c = kqlGeoEdgeIntersection(p->aV[a->iA], p->aV[a->iB], p->aV[b->iA], p->aV[b->iB]);
    int iV = -1;
    /* A crossing at (or within SNAP_EPS of) an endpoint reuses it. */
    int aEnd[4];
    aEnd[0] = a->iA; aEnd[1] = a->iB; aEnd[2] = b->iA; aEnd[3] = b->iB;
    for(int k=0; k<4; k++){
      if( kqlGeoAngle(c, p->aV[aEnd[k]])<=SNAP_EPS ){ iV = aEnd[k]; break; }
    }
    if( iV<0 ){
      /* Two edges of different polygons may cross at the same point as a
      ** crossing found before (three edges through one point). */
      for(int k=0; k<a->nSplit && iV<0; k++){
        if( kqlGeoAngle(c, p->aV[a->aSplit[k]])<=SNAP_EPS ) iV = a->aSplit[k];
      }
      for(int k=0; k<b->nSplit && iV<0; k++){
        if( kqlGeoAngle(c, p->aV[b->aSplit[k]])<=SNAP_EPS ) iV = b->aSplit[k];
      }
    }
    if( iV<0 ){
      iV = addVertex(p, c, NAN, NAN);
      if( iV<0 ) return 1;
    }
    addSplit(p, i, iV);
    addSplit(p, j, iV);
  }
  return p->rc!=0;
}

/* Sort helper: split vertices by distance from the edge start. */
typedef struct DKey DKey;
struct DKey { double d; int iV; };
static int cmpDKey(const void *pA, const void *pB){
  const DKey *a = pA, *b = pB;
  return a->d<b->d ? -1 : a->d>b->d ? 1 : a->iV - b->iV;
}

static void addPiece(Overlay *p, int iA, int iB, const OvEdge *e){
  OvPiece *q;
  if( iA==iB ) return;
  if( p->nPiece>=p->nPieceAlloc ){
    int nNew = p->nPieceAlloc ? p->nPieceAlloc*2 : 64;
    OvPiece *aNew = sqlite3_realloc64(p->aPiece, (sqlite3_uint64)nNew*sizeof(OvPiece));
    if( aNew==0 ){ p->rc = SQLITE_NOMEM; return; }
    p->aPiece = aNew;
    p->nPieceAlloc = nNew;
  }
  q = &p->aPiece[p->nPiece];
  memset(q, 0, sizeof(*q));
  q->iA = iA; q->iB = iB;
  q->iPoly = e->iPoly; q->iSet = e->iSet;
  q->iOrder = p->nPiece;
  q->iEdge = (int)(e - p->aEdge);
  p->nPiece++;
}

/* Cut every edge at its split vertices into pieces. */
static void buildPieces(Overlay *p){
  for(int i=0; i<p->nEdge && p->rc==0; i++){
    OvEdge *e = &p->aEdge[i];
    if( e->nSplit==0 ){
      addPiece(p, e->iA, e->iB, e);
      continue;
    }
    {
      DKey *a = sqlite3_malloc64((sqlite3_uint64)e->nSplit*sizeof(DKey));
      int iPrev = e->iA;
      if( a==0 ){ p->rc = SQLITE_NOMEM; return; }
      for(int k=0; k<e->nSplit; k++){
        a[k].iV = e->aSplit[k];
        a[k].d = kqlGeoAngle(p->aV[e->iA], p->aV[e->aSplit[k]]);
      }
      if( e->nSplit>1 ) qsort(a, (size_t)e->nSplit, sizeof(DKey), cmpDKey);
      for(int k=0; k<e->nSplit; k++){
        addPiece(p, iPrev, a[k].iV, e);
        iPrev = a[k].iV;
      }
      addPiece(p, iPrev, e->iB, e);
      sqlite3_free(a);
    }
  }
}

/****************************************************************************
** Classification.
*/

/* Point containment in operand polygon k, with the bounding cap test. */
static int polyContains(const Overlay *p, int k, KqlGeoVec m){
  const OvPoly *q = &p->aPoly[k];
  if( q->capCos>-2.0 && geoDot(q->cap, m)<q->capCos ) return 0;
  return kqlGeoRegionPolyContains(q->pR, q->iPoly, m);
}

/* Bounding cap of operand polygon k (its shell's vertices); left open when
** the cap would exceed a hemisphere. */
static void polyCap(OvPoly *q){
  const KqlGeoRegion *pR = q->pR;
  int r = pR->aPoly[q->iPoly];
  int i0 = pR->aRing[r], i1 = pR->aRing[r+1];
  KqlGeoVec c = geoVec(0, 0, 0);
  double minCos = 1.0;
  q->capCos = -2.0;
  for(int i=i0; i<i1; i++) c = geoAdd(c, pR->aV[i]);
  if( geoNorm(c)==0.0 ) return;
  c = kqlGeoNormalize(c);
  for(int i=i0; i<i1; i++){
    double d = geoDot(c, pR->aV[i]);
    if( d<minCos ) minCos = d;
  }
  if( minCos<=0.01 ) return;          /* near a hemisphere: no cap */
  q->cap = c;
  q->capCos = minCos - 1e-12;
}

/* Extent of the cap (center c, cosine capCos) along one axis whose
** component in c is ck: [*pLo, *pHi]. */
static void capRange(double ck, double capCos, double *pLo, double *pHi){
  double alpha = acos(ck<-1.0 ? -1.0 : ck>1.0 ? 1.0 : ck);
  double rho = acos(capCos<-1.0 ? -1.0 : capCos>1.0 ? 1.0 : capCos);
  *pHi = alpha - rho<=0.0 ? 1.0 : cos(alpha - rho);
  *pLo = alpha + rho>=M_PI ? -1.0 : cos(alpha + rho);
}

static int gridCell(double x, double h){
  double c = floor(x/h);
  return c<-2e9 ? -2000000000 : c>2e9 ? 2000000000 : (int)c;
}

static int cmpCellSlot(const void *pA, const void *pB){
  const int *a = pA, *b = pB;
  for(int k=0; k<4; k++) if( a[k]!=b[k] ) return a[k]<b[k] ? -1 : 1;
  return 0;
}

/* Build the cap grid over the operand polygons. */
static void buildGrid(Overlay *p){
  double sum = 0.0;
  int nCap = 0, nAlloc = 0;
  p->aGlobal = sqlite3_malloc64((sqlite3_uint64)(p->nPoly+1)*sizeof(int));
  p->aCand = sqlite3_malloc64((sqlite3_uint64)(p->nPoly+1)*sizeof(int));
  p->aSeen = sqlite3_malloc64((sqlite3_uint64)p->nPoly+1);
  if( !p->aGlobal || !p->aCand || !p->aSeen ){ p->rc = SQLITE_NOMEM; return; }
  memset(p->aSeen, 0, (size_t)p->nPoly+1);
  for(int k=0; k<p->nPoly; k++){
    if( p->aPoly[k].capCos>-2.0 ){
      sum += 2.0*sqrt(1.0 - p->aPoly[k].capCos*p->aPoly[k].capCos);
      nCap++;
    }
  }
  p->gridH = nCap ? 2.0*sum/nCap : 1.0;
  if( p->gridH<1e-8 ) p->gridH = 1e-8;
  for(int k=0; k<p->nPoly && p->rc==0; k++){
    const OvPoly *q = &p->aPoly[k];
    int c0[3], c1[3];
    double aC[3];
    long long nCell = 1;
    if( q->capCos<=-2.0 ){ p->aGlobal[p->nGlobal++] = k; continue; }
    aC[0] = q->cap.x; aC[1] = q->cap.y; aC[2] = q->cap.z;
    for(int d=0; d<3; d++){
      double lo, hi;
      capRange(aC[d], q->capCos, &lo, &hi);
      c0[d] = gridCell(lo - 1e-12, p->gridH);
      c1[d] = gridCell(hi + 1e-12, p->gridH);
      nCell *= (long long)c1[d] - c0[d] + 1;
    }
    if( nCell>64 ){ p->aGlobal[p->nGlobal++] = k; continue; }
    for(int x=c0[0]; x<=c1[0]; x++) for(int y=c0[1]; y<=c1[1]; y++) for(int z=c0[2]; z<=c1[2]; z++){
      int *aSlot;
      if( p->nCellSlot>=nAlloc ){
        int nNew = nAlloc ? nAlloc*2 : 64;
        int *aNew = sqlite3_realloc64(p->aCellSlot, (sqlite3_uint64)nNew*4*sizeof(int));
        if( aNew==0 ){ p->rc = SQLITE_NOMEM; return; }
        p->aCellSlot = aNew;
        nAlloc = nNew;
      }
      aSlot = p->aCellSlot + 4*p->nCellSlot++;
      aSlot[0] = x; aSlot[1] = y; aSlot[2] = z; aSlot[3] = k;
    }
  }
  if( p->nCellSlot>0 ) qsort(p->aCellSlot, (size_t)p->nCellSlot, 4*sizeof(int), cmpCellSlot);
}

/* The polygons whose cap may hold m: fills p->aCand, returns the count. */
static int candidates(Overlay *p, KqlGeoVec m){
  int key[3], lo = 0, hi = p->nCellSlot, n = 0;
  key[0] = gridCell(m.x, p->gridH);
  key[1] = gridCell(m.y, p->gridH);
  key[2] = gridCell(m.z, p->gridH);
  /* First slot with a cell >= key. */
  while( lo<hi ){
    int mid = (lo+hi)/2, c = 0;
    const int *s = p->aCellSlot + 4*mid;
    for(int d=0; d<3 && c==0; d++) c = s[d]<key[d] ? -1 : s[d]>key[d] ? 1 : 0;
    if( c<0 ) lo = mid+1; else hi = mid;
  }
  for(int i=lo; i<p->nCellSlot; i++){
    const int *s = p->aCellSlot + 4*i;
    if( s[0]!=key[0] || s[1]!=key[1] || s[2]!=key[2] ) break;
    if( !p->aSeen[s[3]] ){ p->aSeen[s[3]] = 1; p->aCand[n++] = s[3]; }
  }
  for(int i=0; i<p->nGlobal; i++){
    int k = p->aGlobal[i];
    if( !p->aSeen[k] ){ p->aSeen[k] = 1; p->aCand[n++] = k; }
  }
  for(int i=0; i<n; i++) p->aSeen[p->aCand[i]] = 0;
  return n;
}

/* Pieces sorted by undirected edge, to find shared ones. */
typedef struct PKey PKey;
struct PKey { int lo, hi, i; };
static int cmpPKey(const void *pA, const void *pB){
  const PKey *a = pA, *b = pB;
  if( a->lo!=b->lo ) return a->lo<b->lo ? -1 : 1;
  if( a->hi!=b->hi ) return a->hi<b->hi ? -1 : 1;
  return a->i - b->i;
}

/* Decide bKeep for every piece. */
static void classify(Overlay *p){
  PKey *a = sqlite3_malloc64((sqlite3_uint64)(p->nPiece+1)*sizeof(PKey));
  int g = 0;
  if( a==0 ){ p->rc = SQLITE_NOMEM; return; }
  for(int i=0; i<p->nPiece; i++){
    OvPiece *q = &p->aPiece[i];
    a[i].lo = q->iA<q->iB ? q->iA : q->iB;
    a[i].hi = q->iA<q->iB ? q->iB : q->iA;
    a[i].i = i;
  }
  if( p->nPiece>1 ) qsort(a, (size_t)p->nPiece, sizeof(PKey), cmpPKey);
  while( g<p->nPiece ){
    int h = g, nFwd = 0, nBack = 0, iFirst;
    const OvPiece *q0;
    KqlGeoVec m;
    int bKeep = 1;
    while( h<p->nPiece && a[h].lo==a[g].lo && a[h].hi==a[g].hi ) h++;
    /* The group a[g..h) is one undirected edge; the representative is the
    ** piece that comes first in input order. */
    iFirst = a[g].i;
    q0 = &p->aPiece[iFirst];
    for(int k=g; k<h; k++){
      const OvPiece *q = &p->aPiece[a[k].i];
      if( q->iA==q0->iA ) nFwd++; else nBack++;
    }
    m = kqlGeoNormalize(geoAdd(p->aV[q0->iA], p->aV[q0->iB]));
    if( nFwd>0 && nBack>0 ){
      /* Interiors on both sides: an inner edge of the union, and outside
      ** the intersection. */
      bKeep = 0;
    }else if( p->bIntersect ){
      /* Keep when every set not present in the group contains the piece. */
      int bHas[2] = {0, 0};
      for(int k=g; k<h; k++) bHas[p->aPiece[a[k].i].iSet] = 1;
      int nCand = candidates(p, m);
      for(int s=0; s<2 && bKeep; s++){
        int bIn = 0;
        if( bHas[s] ) continue;
        for(int c=0; c<nCand && !bIn; c++){
          int k = p->aCand[c];
          if( p->aPoly[k].iSet==s && polyContains(p, k, m) ) bIn = 1;
        }
        if( !bIn ) bKeep = 0;
      }
    }else{
      /* Union: keep when no polygon outside the group contains it. */
      int nCand = candidates(p, m);
      for(int c=0; c<nCand && bKeep; c++){
        int k = p->aCand[c], bInGroup = 0;
        for(int j=g; j<h && !bInGroup; j++){
          if( p->aPiece[a[j].i].iPoly==k ) bInGroup = 1;
        }
        if( !bInGroup && polyContains(p, k, m) ) bKeep = 0;
      }
    }
    p->aPiece[iFirst].bKeep = bKeep;
    g = h;
  }
  sqlite3_free(a);
}

/****************************************************************************
** Linking pieces into rings and rings into polygons.
*/

/* Clockwise turn from direction in (arriving at v) to out (leaving v),
** as an angle in (-pi, pi]: larger means a sharper right turn. */
static double rightTurn(KqlGeoVec u, KqlGeoVec v, KqlGeoVec w){
  KqlGeoVec tin = geoSub(v, u), tout = geoSub(w, v);
  tin = geoSub(tin, geoScale(v, geoDot(tin, v)));
  tout = geoSub(tout, geoScale(v, geoDot(tout, v)));
  return -atan2(geoDot(geoCross(tin, tout), v), geoDot(tin, tout));
}

/* A ring being collected (vertex ids). */
typedef struct Ring Ring;
struct Ring {
  int *aV;              /* vertex ids */
  int n;                /* vertices */
  double area;          /* signed area */
  int iOrder;           /* input edge number of the first piece */
  int iShell;           /* holes: index of the owning shell ring, else -1 */
};

/* Order of (key, index) int pairs. */
static int cmpInt(const void *pA, const void *pB){
  const int *a = pA, *b = pB;
  if( a[0]!=b[0] ) return a[0]<b[0] ? -1 : 1;
  return a[1]<b[1] ? -1 : a[1]>b[1];
}

/* Signed area of a ring of vertex ids. */
static double ringArea(const Overlay *p, const Ring *r){
  double s = 0.0;
  for(int i=1; i+1<r->n; i++){
    s += kqlGeoTriArea(p->aV[r->aV[0]], p->aV[r->aV[i]], p->aV[r->aV[i+1]]);
  }
  return s;
}

/* Winding test of point m in ring r (counterclockwise rings). */
static int ringHas(const Overlay *p, const Ring *r, KqlGeoVec m){
  double sum = 0.0;
  for(int i=0; i<r->n; i++){
    KqlGeoVec a = p->aV[r->aV[i]], b = p->aV[r->aV[(i+1)%r->n]];
    sum += atan2(geoDot(m, geoCross(a, b)), geoDot(a, b) - geoDot(a, m)*geoDot(b, m));
  }
  return sum>M_PI;
}

/*
** Where S2Builder starts the ring of pieces aChain[0..n): its walk begins
** at the vertex with the smallest leaf cell id, and the loop is then
** rotated to end with the first run (in walk order) of its highest input
** edge number, so that an input ring comes out in its own vertex order.
*/
static int ringStart(const Overlay *p, const int *aChain, int n){
  int s0 = 0, pos = 0, bGap = 0;
  uint64_t best = kqlS2FromPoint(p->aV[p->aPiece[aChain[0]].iA], 30);
  for(int k=1; k<n; k++){
    uint64_t c = kqlS2FromPoint(p->aV[p->aPiece[aChain[k]].iA], 30);
    if( c<best ){ best = c; s0 = k; }
  }
  for(int k=1; k<n; k++){
    int a = p->aPiece[aChain[(s0+k)%n]].iEdge, b = p->aPiece[aChain[(s0+pos)%n]].iEdge;
    if( a<b ){
      bGap = 1;
    }else if( a>b || !bGap ){
      pos = k;
      bGap = 0;
    }
  }
  return (s0 + pos + 1)%n;
}

/* Link the kept pieces into rings and build the output region. */
static int assemble(Overlay *p, KqlGeoRegion *pOut){
  int nKeep = 0, nRing = 0, nRingAlloc = 0, rc = 0;
  int *aOut = 0, *aStart = 0, *aOrder = 0, *aChain = 0;
  Ring *aRing = 0;
  memset(pOut, 0, sizeof(*pOut));
  for(int i=0; i<p->nPiece; i++) if( p->aPiece[i].bKeep ) nKeep++;
  /* Outgoing kept pieces per vertex: CSR arrays. */
  aStart = sqlite3_malloc64((sqlite3_uint64)(p->nV+2)*sizeof(int));
  aOut = sqlite3_malloc64((sqlite3_uint64)(nKeep+1)*sizeof(int));
  aOrder = sqlite3_malloc64((sqlite3_uint64)(nKeep+1)*sizeof(int));
  aChain = sqlite3_malloc64((sqlite3_uint64)(nKeep+1)*sizeof(int));
  if( !aStart || !aOut || !aOrder || !aChain ){ rc = SQLITE_NOMEM; goto done; }
  memset(aStart, 0, (size_t)(p->nV+2)*sizeof(int));
  for(int i=0; i<p->nPiece; i++) if( p->aPiece[i].bKeep ) aStart[p->aPiece[i].iA+1]++;
  for(int v=0; v<p->nV; v++) aStart[v+1] += aStart[v];
  {
    int *aFill = sqlite3_malloc64((sqlite3_uint64)(p->nV+1)*sizeof(int));
    int k = 0;
    if( aFill==0 ){ rc = SQLITE_NOMEM; goto done; }
    memcpy(aFill, aStart, (size_t)p->nV*sizeof(int));
    for(int i=0; i<p->nPiece; i++){
      if( p->aPiece[i].bKeep ){
        aOut[aFill[p->aPiece[i].iA]++] = i;
        aOrder[k++] = i;
      }
    }
    sqlite3_free(aFill);
  }
  /* Walk rings, starting from pieces in input order. */
  for(int s=0; s<nKeep; s++){
    int iStart = aOrder[s], nChain = 0, cur;
    if( p->aPiece[iStart].bUsed ) continue;
    cur = iStart;
    while( cur>=0 && !p->aPiece[cur].bUsed ){
      OvPiece *q = &p->aPiece[cur];
      int v = q->iB, best = -1;
      double bestTurn = -10.0;
      q->bUsed = 1;
      aChain[nChain++] = cur;
      if( v==p->aPiece[iStart].iA ) break;
      for(int k=aStart[v]; k<aStart[v+1]; k++){
        int c = aOut[k];
        double t;
        if( p->aPiece[c].bUsed ) continue;
        t = rightTurn(p->aV[q->iA], p->aV[v], p->aV[p->aPiece[c].iB]);
        if( t>bestTurn ){ bestTurn = t; best = c; }
      }
      cur = best;
    }
    /* A chain that does not close (inconsistent input) is dropped. */
    if( nChain<3 || p->aPiece[aChain[nChain-1]].iB!=p->aPiece[iStart].iA ) continue;
    if( nRing>=nRingAlloc ){
      int nNew = nRingAlloc ? nRingAlloc*2 : 8;
      Ring *aNew = sqlite3_realloc64(aRing, (sqlite3_uint64)nNew*sizeof(Ring));
      if( aNew==0 ){ rc = SQLITE_NOMEM; goto done; }
      aRing = aNew;
      nRingAlloc = nNew;
    }
    aRing[nRing].aV = sqlite3_malloc64((sqlite3_uint64)nChain*sizeof(int));
    if( aRing[nRing].aV==0 ){ rc = SQLITE_NOMEM; goto done; }
    {
      int k0 = ringStart(p, aChain, nChain);
      for(int k=0; k<nChain; k++){
        aRing[nRing].aV[k] = p->aPiece[aChain[(k0+k)%nChain]].iA;
      }
      aRing[nRing].iOrder = p->aPiece[aChain[k0]].iEdge;
    }
    aRing[nRing].n = nChain;
    aRing[nRing].iShell = -1;
    aRing[nRing].area = ringArea(p, &aRing[nRing]);
    nRing++;
  }
  /* Holes (clockwise rings) go to the smallest shell that contains them. */
  for(int h=0; h<nRing; h++){
    double bestArea = 1e300;
    if( aRing[h].area>=0.0 ) continue;
    for(int s=0; s<nRing; s++){
      int bIn = 0;
      if( aRing[s].area<=0.0 || aRing[s].area>=bestArea ) continue;
      for(int k=0; k<aRing[h].n && !bIn; k++){
        int iV = aRing[h].aV[k], bOnShell = 0;
        for(int j=0; j<aRing[s].n; j++) if( aRing[s].aV[j]==iV ) bOnShell = 1;
        if( !bOnShell ) bIn = ringHas(p, &aRing[s], p->aV[iV]) ? 1 : -1;
      }
      if( bIn>0 ){ bestArea = aRing[s].area; aRing[h].iShell = s; }
    }
  }
  /* Emit: shells by the input edge of their first piece, each followed by
  ** its holes in the same order (S2Polygon's nesting order). */
  {
    int nV = 0, nPoly = 0, nOutRing = 0;
    int *aShell = sqlite3_malloc64((sqlite3_uint64)(nRing+1)*4*sizeof(int));
    int *aAll = aShell ? aShell + 2*(nRing+1) : 0;
    if( aShell==0 ){ rc = SQLITE_NOMEM; goto done; }
    for(int r=0; r<nRing; r++){
      aAll[2*r] = aRing[r].iOrder;
      aAll[2*r+1] = r;
      nV += aRing[r].n;
    }
    if( nRing>1 ) qsort(aAll, (size_t)nRing, 2*sizeof(int), cmpInt);
    for(int k=0; k<nRing; k++){
      int r = aAll[2*k+1];
      if( aRing[r].area>0.0 ){
        aShell[2*nPoly] = aRing[r].iOrder;
        aShell[2*nPoly+1] = r;
        nPoly++;
      }
    }
    pOut->aV = sqlite3_malloc64((sqlite3_uint64)(nV+1)*sizeof(KqlGeoVec));
    pOut->aLng = sqlite3_malloc64((sqlite3_uint64)(nV+1)*sizeof(double));
    pOut->aLat = sqlite3_malloc64((sqlite3_uint64)(nV+1)*sizeof(double));
    pOut->aRing = sqlite3_malloc64((sqlite3_uint64)(nRing+1)*sizeof(int));
    pOut->aOwner = sqlite3_malloc64((sqlite3_uint64)(nRing+1)*sizeof(int));
    pOut->aHole = sqlite3_malloc64((sqlite3_uint64)(nRing+1));
    pOut->aPoly = sqlite3_malloc64((sqlite3_uint64)(nPoly+1)*sizeof(int));
    if( !pOut->aV || !pOut->aLng || !pOut->aLat || !pOut->aRing || !pOut->aOwner
     || !pOut->aHole || !pOut->aPoly ){
      sqlite3_free(aShell);
      rc = SQLITE_NOMEM;
      goto done;
    }
    for(int k=0; k<nPoly; k++){
      int s = aShell[2*k+1];
      pOut->aPoly[k] = nOutRing;
      for(int t=-1; t<nRing; t++){
        int r = t<0 ? -1 : aAll[2*t+1];
        int rr = r<0 ? s : r;
        if( r>=0 && aRing[r].iShell!=s ) continue;
        pOut->aRing[nOutRing] = pOut->nV;
        pOut->aOwner[nOutRing] = k;
        pOut->aHole[nOutRing] = r>=0;
        for(int j=0; j<aRing[rr].n; j++){
          int iV = aRing[rr].aV[j];
          pOut->aV[pOut->nV] = p->aV[iV];
          pOut->aLng[pOut->nV] = p->aLng[iV];
          pOut->aLat[pOut->nV] = p->aLat[iV];
          pOut->nV++;
        }
        nOutRing++;
      }
    }
    pOut->nRing = nOutRing;
    pOut->nPoly = nPoly;
    pOut->aRing[nOutRing] = pOut->nV;
    pOut->aPoly[nPoly] = nOutRing;
    sqlite3_free(aShell);
  }

done:
  for(int r=0; r<nRing; r++) sqlite3_free(aRing[r].aV);
  sqlite3_free(aRing);
  sqlite3_free(aStart);
  sqlite3_free(aOut);
  sqlite3_free(aOrder);
  sqlite3_free(aChain);
  if( rc ) kqlGeoRegionFree(pOut);
  return rc;
}

/****************************************************************************
** Driver.
*/

static void overlayFree(Overlay *p){
  for(int i=0; i<p->nEdge; i++) sqlite3_free(p->aEdge[i].aSplit);
  sqlite3_free(p->aEdge);
  sqlite3_free(p->aV);
  sqlite3_free(p->aLng);
  sqlite3_free(p->aLat);
  sqlite3_free(p->aPiece);
  sqlite3_free(p->aPoly);
  sqlite3_free(p->aCellSlot);
  sqlite3_free(p->aGlobal);
  sqlite3_free(p->aCand);
  sqlite3_free(p->aSeen);
}

/* Run the overlay over the polygons of the regions apIn[0..nIn), region k
** belonging to set aSet[k]. */
static int overlayRun(const KqlGeoRegion *const *apIn, const int *aSet, int nIn,
                      int bIntersect, KqlGeoRegion *pOut){
  Overlay ov;
  int nEdge = 0, nPoly = 0, rc;
  int *aMap = 0;
  KqlGeoVec *aA = 0, *aB = 0;
  memset(&ov, 0, sizeof(ov));
  memset(pOut, 0, sizeof(*pOut));
  ov.bIntersect = bIntersect;
  for(int k=0; k<nIn; k++){
    nEdge += apIn[k]->nV;
    nPoly += apIn[k]->nPoly;
    /* The point-location index is a cache: building it leaves the region
    ** itself unchanged, hence the cast. */
    if( kqlGeoRegionIndex((KqlGeoRegion*)apIn[k]) ) return SQLITE_NOMEM;
  }
  ov.aPoly = sqlite3_malloc64((sqlite3_uint64)(nPoly+1)*sizeof(OvPoly));
  ov.aEdge = sqlite3_malloc64((sqlite3_uint64)(nEdge+1)*sizeof(OvEdge));
  if( ov.aPoly==0 || ov.aEdge==0 ){ rc = SQLITE_NOMEM; goto done; }
  /* Vertices and edges, in input order. */
  for(int k=0; k<nIn; k++){
    const KqlGeoRegion *pR = apIn[k];
    for(int j=0; j<pR->nPoly; j++){
      OvPoly *q = &ov.aPoly[ov.nPoly];
      q->pR = pR; q->iPoly = j; q->iSet = aSet[k];
      polyCap(q);
      for(int r=pR->aPoly[j]; r<pR->aPoly[j+1]; r++){
        int i0 = pR->aRing[r], i1 = pR->aRing[r+1], v0 = ov.nV;
        for(int i=i0; i<i1; i++){
          double lng = pR->aLng ? pR->aLng[i] : NAN, lat = pR->aLat ? pR->aLat[i] : NAN;
          if( addVertex(&ov, pR->aV[i], lng, lat)<0 ){ rc = SQLITE_NOMEM; goto done; }
        }
        for(int i=i0; i<i1; i++){
          OvEdge *e = &ov.aEdge[ov.nEdge++];
          memset(e, 0, sizeof(*e));
          e->iA = v0 + (i - i0);
          e->iB = v0 + (i+1<i1 ? i+1-i0 : 0);
          e->iPoly = ov.nPoly;
          e->iSet = aSet[k];
        }
      }
      ov.nPoly++;
    }
  }
  /* Merge close vertices. */
  aMap = sqlite3_malloc64((sqlite3_uint64)(ov.nV+1)*sizeof(int));
  if( aMap==0 ){ rc = SQLITE_NOMEM; goto done; }
  if( (rc = snapVertices(&ov, aMap))!=0 ) goto done;
  for(int i=0; i<ov.nEdge; i++){
    ov.aEdge[i].iA = aMap[ov.aEdge[i].iA];
    ov.aEdge[i].iB = aMap[ov.aEdge[i].iB];
  }
  /* Split at crossings and touching vertices. */
  aA = sqlite3_malloc64((sqlite3_uint64)(ov.nEdge+1)*2*sizeof(KqlGeoVec));
  if( aA==0 ){ rc = SQLITE_NOMEM; goto done; }
  aB = aA + ov.nEdge;
  for(int i=0; i<ov.nEdge; i++){
    aA[i] = ov.aV[ov.aEdge[i].iA];
    aB[i] = ov.aV[ov.aEdge[i].iB];
  }
  {
    PairCtx pc;
    pc.p = &ov;
    rc = kqlGeoEdgePairs(aA, aB, ov.nEdge, splitPair, &pc);
    if( rc==0 ) rc = ov.rc;
    if( rc ) goto done;
  }
  buildPieces(&ov);
  if( ov.rc ){ rc = ov.rc; goto done; }
  buildGrid(&ov);
  if( ov.rc ){ rc = ov.rc; goto done; }
  classify(&ov);
  if( ov.rc ){ rc = ov.rc; goto done; }
  rc = assemble(&ov, pOut);

done:
  sqlite3_free(aMap);
  sqlite3_free(aA);
  overlayFree(&ov);
  return rc;
}

/* kqlGeoUnion(): contract in fn_geo.h. */
int kqlGeoUnion(const KqlGeoRegion *aIn, int nIn, KqlGeoRegion *pOut){
  const KqlGeoRegion **ap;
  int *aSet, rc;
  ap = sqlite3_malloc64((sqlite3_uint64)(nIn+1)*sizeof(*ap));
  aSet = sqlite3_malloc64((sqlite3_uint64)(nIn+1)*sizeof(int));
  if( ap==0 || aSet==0 ){
    sqlite3_free(ap); sqlite3_free(aSet);
    memset(pOut, 0, sizeof(*pOut));
    return SQLITE_NOMEM;
  }
  for(int k=0; k<nIn; k++){ ap[k] = &aIn[k]; aSet[k] = 0; }
  rc = overlayRun(ap, aSet, nIn, 0, pOut);
  sqlite3_free(ap);
  sqlite3_free(aSet);
  return rc;
}

/* kqlGeoIntersect(): contract in fn_geo.h. */
int kqlGeoIntersect(const KqlGeoRegion *pA, const KqlGeoRegion *pB, KqlGeoRegion *pOut){
  const KqlGeoRegion *ap[2];
  int aSet[2] = {0, 1};
  ap[0] = pA;
  ap[1] = pB;
  return overlayRun(ap, aSet, 2, 1, pOut);
}

/* kqlGeoUnion2(): contract in fn_geo.h. */
int kqlGeoUnion2(const KqlGeoRegion *pA, const KqlGeoRegion *pB, KqlGeoRegion *pOut){
  const KqlGeoRegion *ap[2];
  int aSet[2] = {0, 0};
  ap[0] = pA;
  ap[1] = pB;
  return overlayRun(ap, aSet, 2, 0, pOut);
}
