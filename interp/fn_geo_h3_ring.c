/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** H3 grid rings (geo_h3cell_rings, geo_h3cell_neighbors): the cells at grid
** distance 0..k of a cell, in H3's walk order (h3geo.org, "Traversal
** functions"): ring r starts r steps from the centre in the i direction and
** walks its six sides in the directions j, jk, k, ik, i, ij.
**
** The walk runs on the IJK lattice of the face holding the current cell,
** with the directions kept in the starting cell's frame: a step that leaves
** the face is carried onto the neighbouring face by fn_geo_h3_grid.c's
** lattice map, and the direction frame turns with it, which is the same as
** walking a flat unfolding of the faces the walk touches. Each lattice
** position is turned into its cell index the way a point is. Near a
** pentagon the faces cannot be unfolded flat and H3 orders the cells
** differently; walks that start in a pentagon base cell, meet a pentagon,
** step into the wedge a pentagon leaves, or repeat a cell report it (1).
*/
#include "fn.h"
#include "fn_geo.h"
#include <stdlib.h>
#include <string.h>

static const KqlH3Ijk aUnit[7] = {
  {0,0,0}, {0,0,1}, {0,1,0}, {0,1,1}, {1,0,0}, {1,0,1}, {1,1,0}
};

typedef struct Walker Walker;
struct Walker {
  int face;          /* face whose frame v is in */
  KqlH3Ijk v;        /* current cell's IJK at resolution res */
  int rot;           /* ccw turns from the starting cell's frame to face's */
  int res;
};

/* 1 when h is the pentagon cell of a pentagon base cell. */
static int isPentagonCell(const KqlH3Grid *g, uint64_t h){
  int res = (int)((h >> 52) & 15);
  if( !g->aBasePent[(h >> 45) & 127] ) return 0;
  for(int r=1; r<=res; r++) if( (h >> ((15 - r)*3)) & 7 ) return 0;
  return 1;
}

/* One step in direction digit d (of the starting cell's frame). Returns 1
** when the step lands beyond two face edges, in the wedge next to an
** icosahedron vertex that no flat unfolding holds (a pentagon's
** neighbourhood). */
static int walkStep(const KqlH3Grid *g, Walker *p, int d){
  KqlH3Ijk u = kqlH3RotCcw(aUnit[d], p->rot), w;
  long long nUnit;
  int res2 = p->res, bCls3 = p->res & 1;
  w = p->v;
  w.i += u.i; w.j += u.j; w.k += u.k;
  w = kqlH3IjkNorm(w);
  p->v = w;
  if( bCls3 ){ w = kqlH3Down7(w, 0); res2++; }
  nUnit = 1;
  for(int r=0; r<res2/2; r++) nUnit *= 7;
  if( w.i + w.j + w.k <= 2*nUnit ) return 0;
  p->rot = (p->rot + g->aNbrRot[p->face][kqlH3Sector(w)]) % 6;
  w = kqlH3CrossEdge(&p->face, w, nUnit, 0);
  if( w.i + w.j + w.k > 2*nUnit ) return 1;
  p->v = bCls3 ? kqlH3Up7(w, 0) : w;
  return 0;
}

static int cmpCell(const void *a, const void *b){
  uint64_t x = *(const uint64_t*)a, y = *(const uint64_t*)b;
  return x<y ? -1 : x>y;
}

/* kqlH3Rings(): contract in fn_geo.h. */
int kqlH3Rings(uint64_t h, int k, uint64_t *aOut){
  static const int aDir[6] = { 2, 3, 1, 5, 4, 6 };
  const KqlH3Grid *g = kqlH3Grid();
  Walker w;
  int n = 0;
  if( g->aBasePent[(h >> 45) & 127] ) return 1;
  w.res = (int)((h >> 52) & 15);
  if( kqlH3CellFaceIjk(h, &w.face, &w.v, &w.rot) ) return 1;
  aOut[n++] = h;
  for(int r=1; r<=k; r++){
    if( walkStep(g, &w, 4) ) return 1;
    for(int s=0; s<6; s++){
      for(int t=0; t<r; t++){
        uint64_t c;
        if( walkStep(g, &w, aDir[s]) ) return 1;
        if( kqlH3FromFaceIjk(w.face, w.v, w.res, &c) ) return 1;
        if( isPentagonCell(g, c) ) return 1;
        aOut[n++] = c;
      }
    }
  }
  /* Every cell once: otherwise the walk wrapped round a pentagon. */
  if( k>0 ){
    uint64_t *aSort = sqlite3_malloc64((sqlite3_uint64)n*sizeof(uint64_t));
    int bDup = 0;
    if( aSort==0 ) return 2;
    memcpy(aSort, aOut, (size_t)n*sizeof(uint64_t));
    qsort(aSort, (size_t)n, sizeof(uint64_t), cmpCell);
    for(int i=1; i<n; i++) if( aSort[i]==aSort[i-1] ) bDup = 1;
    sqlite3_free(aSort);
    if( bDup ) return 1;
  }
  return 0;
}
