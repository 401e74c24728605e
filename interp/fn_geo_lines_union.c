/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The union of lines for geo_union_lines_array, assembled the way Kusto's
** S2-based engine assembles polylines. The method, in our own words:
**
**   1. Equal positions become one vertex; vertices are numbered in S2 leaf
**      cell id order. Every pair of consecutive positions is a directed
**      edge, numbered in input order; edges from a vertex to itself go.
**   2. Edges with the same ends in the same direction merge, keeping the
**      smallest input number.
**   3. Edges are chained into lines: in input order, a line starts at each
**      unused edge whose start vertex is not a plain pass-through vertex
**      (one edge in, one out), and runs while it passes such vertices.
**      Edges left over form closed loops, which are rotated to end with
**      their highest-numbered edge.
**   4. Lines are ordered by the input number of their first edge.
*/
#include "fn_geo.h"
#include <stdlib.h>
#include <string.h>

/* One position of the input: vertex key for sorting. */
typedef struct LuPos LuPos;
struct LuPos {
  KqlGeoVec v;          /* unit vector */
  uint64_t cell;        /* leaf cell id */
  int i;                /* position index */
};

/* One directed edge. */
typedef struct LuEdge LuEdge;
struct LuEdge {
  int a, b;             /* vertex ids */
  int id;               /* smallest input edge number */
};

static int cmpPos(const void *pA, const void *pB){
  const LuPos *a = pA, *b = pB;
  if( a->cell!=b->cell ) return a->cell<b->cell ? -1 : 1;
  if( a->v.x!=b->v.x ) return a->v.x<b->v.x ? -1 : 1;
  if( a->v.y!=b->v.y ) return a->v.y<b->v.y ? -1 : 1;
  if( a->v.z!=b->v.z ) return a->v.z<b->v.z ? -1 : 1;
  return a->i - b->i;
}

static int cmpEdge(const void *pA, const void *pB){
  const LuEdge *a = pA, *b = pB;
  if( a->a!=b->a ) return a->a<b->a ? -1 : 1;
  if( a->b!=b->b ) return a->b<b->b ? -1 : 1;
  return a->id - b->id;
}

/* (input number, edge index) pairs, for visiting edges in input order. */
static int cmpPair(const void *pA, const void *pB){
  const int *a = pA, *b = pB;
  if( a[0]!=b[0] ) return a[0]<b[0] ? -1 : 1;
  return a[1] - b[1];
}

/* State of the chaining. */
typedef struct LuGraph LuGraph;
struct LuGraph {
  int nV, nE;
  LuEdge *aE;           /* merged edges sorted by (a, b) */
  int *aOutStart;       /* nV+1: first edge leaving each vertex */
  int *aIn;             /* nV: edges arriving at each vertex */
  unsigned char *aUsed; /* nE */
  int *aPath;           /* edges of the line being built */
  int nPath;
};

static int luInterior(const LuGraph *g, int v){
  return g->aIn[v]==1 && g->aOutStart[v+1]-g->aOutStart[v]==1;
}

/* Follow edges from e while they pass plain vertices (into g->aPath). */
static void luPath(LuGraph *g, int e){
  int start = g->aE[e].a;
  g->nPath = 0;
  for(;;){
    int v;
    g->aPath[g->nPath++] = e;
    g->aUsed[e] = 1;
    v = g->aE[e].b;
    if( !luInterior(g, v) || v==start ) break;
    e = g->aOutStart[v];
    if( g->aUsed[e] ) break;
  }
}

/* Rotate a closed loop to end with the first run of its highest number. */
static void luCanonLoop(LuGraph *g){
  int pos = 0, bGap = 0, n = g->nPath;
  int *a = g->aPath, *t;
  for(int k=1; k<n; k++){
    int d = g->aE[a[k]].id - g->aE[a[pos]].id;
    if( d<0 ){
      bGap = 1;
    }else if( d>0 || !bGap ){
      pos = k;
      bGap = 0;
    }
  }
  if( ++pos>=n ) return;
  t = sqlite3_malloc64((sqlite3_uint64)n*sizeof(int));
  if( t==0 ) return;      /* keeps the walk order */
  for(int k=0; k<n; k++) t[k] = a[(pos+k)%n];
  memcpy(a, t, (size_t)n*sizeof(int));
  sqlite3_free(t);
}

/* kqlGeoLinesUnion(): contract in fn_geo.h. */
int kqlGeoLinesUnion(const KqlGeoShape *pIn, KqlGeoShape *pOut){
  LuPos *aPos = 0;
  int *aVid = 0, *aFirst = 0, *aOrder = 0, *aLines = 0, *aLineStart = 0;
  int nLine = 0, nLineV = 0, rc = 0, nE0 = 0;
  LuGraph g;
  memset(&g, 0, sizeof(g));
  memset(pOut, 0, sizeof(*pOut));
  pOut->eType = KQL_GEO_MULTILINE;
  if( pIn->nPt==0 ) return kqlGeoShapeFinish(pOut);
  aPos = sqlite3_malloc64((sqlite3_uint64)pIn->nPt*sizeof(LuPos));
  aVid = sqlite3_malloc64((sqlite3_uint64)pIn->nPt*sizeof(int));
  aFirst = sqlite3_malloc64((sqlite3_uint64)pIn->nPt*sizeof(int));
  g.aE = sqlite3_malloc64((sqlite3_uint64)pIn->nPt*sizeof(LuEdge));
  if( !aPos || !aVid || !aFirst || !g.aE ){ rc = SQLITE_NOMEM; goto done; }
  /* 1. Vertices in leaf cell order; equal positions share one. */
  for(int i=0; i<pIn->nPt; i++){
    aPos[i].v = pIn->aV[i];
    aPos[i].cell = kqlS2FromPoint(pIn->aV[i], 30);
    aPos[i].i = i;
  }
  qsort(aPos, (size_t)pIn->nPt, sizeof(LuPos), cmpPos);
  for(int k=0; k<pIn->nPt; k++){
    if( k==0 || !geoVecEq(aPos[k].v, aPos[k-1].v) ){
      aFirst[g.nV++] = aPos[k].i;
    }else{
      int *pF = &aFirst[g.nV-1];
      if( aPos[k].i<*pF ) *pF = aPos[k].i;
    }
    aVid[aPos[k].i] = g.nV-1;
  }
  /* Edges in input order. */
  for(int r=0; r<pIn->nRing; r++){
    for(int i=pIn->aRing[r]; i+1<pIn->aRing[r+1]; i++){
      if( aVid[i]==aVid[i+1] ) continue;
      g.aE[nE0].a = aVid[i];
      g.aE[nE0].b = aVid[i+1];
      g.aE[nE0].id = nE0;
      nE0++;
    }
  }
  /* 2. Merge equal directed edges. */
  if( nE0>1 ) qsort(g.aE, (size_t)nE0, sizeof(LuEdge), cmpEdge);
  for(int k=0; k<nE0; k++){
    if( g.nE>0 && g.aE[g.nE-1].a==g.aE[k].a && g.aE[g.nE-1].b==g.aE[k].b ) continue;
    g.aE[g.nE++] = g.aE[k];
  }
  g.aOutStart = sqlite3_malloc64((sqlite3_uint64)(g.nV+1)*sizeof(int));
  g.aIn = sqlite3_malloc64((sqlite3_uint64)(g.nV+1)*sizeof(int));
  g.aUsed = sqlite3_malloc64((sqlite3_uint64)g.nE+1);
  g.aPath = sqlite3_malloc64((sqlite3_uint64)(g.nE+1)*sizeof(int));
  aOrder = sqlite3_malloc64((sqlite3_uint64)(g.nE+1)*2*sizeof(int));
  aLines = sqlite3_malloc64((sqlite3_uint64)(g.nE+1)*sizeof(int));
  aLineStart = sqlite3_malloc64((sqlite3_uint64)(g.nE+2)*2*sizeof(int));
  if( !g.aOutStart || !g.aIn || !g.aUsed || !g.aPath || !aOrder || !aLines || !aLineStart ){
    rc = SQLITE_NOMEM;
    goto done;
  }
  memset(g.aOutStart, 0, (size_t)(g.nV+1)*sizeof(int));
  memset(g.aIn, 0, (size_t)(g.nV+1)*sizeof(int));
  memset(g.aUsed, 0, (size_t)g.nE+1);
  for(int e=0; e<g.nE; e++){
    g.aOutStart[g.aE[e].a+1]++;
    g.aIn[g.aE[e].b]++;
  }
  for(int v=0; v<g.nV; v++) g.aOutStart[v+1] += g.aOutStart[v];
  for(int e=0; e<g.nE; e++){ aOrder[2*e] = g.aE[e].id; aOrder[2*e+1] = e; }
  if( g.nE>1 ) qsort(aOrder, (size_t)g.nE, 2*sizeof(int), cmpPair);
  /* 3. Lines from the vertices that are not plain, then closed loops.
  ** aLines holds the edges of every line; aLineStart pairs (first edge's
  ** input number, offset into aLines). */
  for(int pass=0; pass<2; pass++){
    for(int k=0; k<g.nE; k++){
      int e = aOrder[2*k+1];
      if( g.aUsed[e] ) continue;
      if( pass==0 && luInterior(&g, g.aE[e].a) ) continue;
      luPath(&g, e);
      if( pass==1 ) luCanonLoop(&g);
      aLineStart[2*nLine] = g.aE[g.aPath[0]].id;
      aLineStart[2*nLine+1] = nLineV;
      memcpy(&aLines[nLineV], g.aPath, (size_t)g.nPath*sizeof(int));
      nLineV += g.nPath;
      nLine++;
    }
  }
  /* 4. Lines in input order of their first edge. The end offset of each
  ** line is the next line's start in aLines order, so keep it aside. */
  {
    int *aEnd = sqlite3_malloc64((sqlite3_uint64)(nLine+1)*sizeof(int));
    if( aEnd==0 ){ rc = SQLITE_NOMEM; goto done; }
    for(int l=0; l<nLine; l++) aEnd[l] = l+1<nLine ? aLineStart[2*(l+1)+1] : nLineV;
    /* Pack (number, start, end) by sorting (number, line index). */
    for(int l=0; l<nLine; l++){ aOrder[2*l] = aLineStart[2*l]; aOrder[2*l+1] = l; }
    if( nLine>1 ) qsort(aOrder, (size_t)nLine, 2*sizeof(int), cmpPair);
    for(int k=0; k<nLine && rc==0; k++){
      int l = aOrder[2*k+1], i0 = aLineStart[2*l+1], i1 = aEnd[l];
      if( (rc = kqlGeoShapeNewPart(pOut))!=0 || (rc = kqlGeoShapeNewRing(pOut))!=0 ) break;
      for(int j=i0; j<i1 && rc==0; j++){
        int p = aFirst[g.aE[aLines[j]].a];
        rc = kqlGeoShapeAddPos(pOut, pIn->aLng[p], pIn->aLat[p]);
      }
      if( rc==0 ){
        int p = aFirst[g.aE[aLines[i1-1]].b];
        rc = kqlGeoShapeAddPos(pOut, pIn->aLng[p], pIn->aLat[p]);
      }
    }
    sqlite3_free(aEnd);
  }
  if( rc==0 ) rc = kqlGeoShapeFinish(pOut);

done:
  sqlite3_free(aPos);
  sqlite3_free(aVid);
  sqlite3_free(aFirst);
  sqlite3_free(aOrder);
  sqlite3_free(aLines);
  sqlite3_free(aLineStart);
  sqlite3_free(g.aE);
  sqlite3_free(g.aOutStart);
  sqlite3_free(g.aIn);
  sqlite3_free(g.aUsed);
  sqlite3_free(g.aPath);
  if( rc ) kqlGeoShapeFree(pOut);
  return rc;
}
