/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** kqlGeoEdgePairs(): the candidate pairs of great-circle arcs that may meet,
** for the crossing checks and overlays. Each arc gets a box in 3-D (its
** endpoints' box, widened by the arc's bulge), boxes are dropped into a
** uniform grid whose cells are about twice the typical box, and only arcs
** sharing a grid cell are paired; a pair is reported from the one cell that
** holds the lowest corner of the two boxes' overlap, so it is reported once.
** Arcs whose box covers too many grid cells are paired with every other arc
** by a plain box test. Linear in the number of arcs for well-spread input.
*/
#include "fn_geo.h"
#include <stdlib.h>
#include <string.h>

#define MAX_CELLS_PER_ARC 27    /* more than this: the arc goes to the "big" list */

typedef struct Box Box;
struct Box {
  double lo[3], hi[3];          /* bounding box */
};

/* One arc registered in one grid cell. */
typedef struct Slot Slot;
struct Slot {
  int c[3];                     /* grid cell */
  int e;                        /* arc index */
};

static int cmpSlot(const void *pA, const void *pB){
  const Slot *a = pA, *b = pB;
  for(int k=0; k<3; k++){
    if( a->c[k]!=b->c[k] ) return a->c[k]<b->c[k] ? -1 : 1;
  }
  return a->e - b->e;
}

static void arcBox(KqlGeoVec a, KqlGeoVec b, Box *p){
  double pa[3], pb[3];
  /* The arc leaves the chord by at most its sagitta, 1 - cos(theta/2). */
  double t = kqlGeoAngle(a, b), pad = 1.0 - cos(0.5*t) + 1e-12;
  pa[0] = a.x; pa[1] = a.y; pa[2] = a.z;
  pb[0] = b.x; pb[1] = b.y; pb[2] = b.z;
  for(int k=0; k<3; k++){
    p->lo[k] = (pa[k]<pb[k] ? pa[k] : pb[k]) - pad;
    p->hi[k] = (pa[k]<pb[k] ? pb[k] : pa[k]) + pad;
  }
}

static int boxesMeet(const Box *a, const Box *b){
  for(int k=0; k<3; k++){
    if( a->lo[k]>b->hi[k] || b->lo[k]>a->hi[k] ) return 0;
  }
  return 1;
}

static int cellOf(double x, double h){
  double c = floor(x/h);
  if( c<-2e9 ) c = -2e9;
  if( c>2e9 ) c = 2e9;
  return (int)c;
}

int kqlGeoEdgePairs(const KqlGeoVec *aA, const KqlGeoVec *aB, int n,
                    int (*xPair)(void*, int, int), void *pArg){
  Box *aBox;
  Slot *aSlot = 0;
  int *aBig = 0, nBig = 0, nSlot = 0, nSlotAlloc = 0, rc = 0, bStop = 0;
  double h = 0.0;
  if( n<2 ) return 0;
  aBox = sqlite3_malloc64((sqlite3_uint64)n*sizeof(Box));
  aBig = sqlite3_malloc64((sqlite3_uint64)n*2*sizeof(int));
  if( aBox==0 || aBig==0 ){ rc = SQLITE_NOMEM; goto done; }
  for(int i=0; i<n; i++){
    double ext = 0.0;
    arcBox(aA[i], aB[i], &aBox[i]);
    for(int k=0; k<3; k++){
      double e = aBox[i].hi[k] - aBox[i].lo[k];
      if( e>ext ) ext = e;
    }
    h += ext;
  }
  h = 2.0*h/n;
  if( h<1e-8 ) h = 1e-8;
  /* Register every arc in the grid cells its box overlaps. */
  for(int i=0; i<n; i++){
    int c0[3], c1[3];
    long long nCell = 1;
    for(int k=0; k<3; k++){
      c0[k] = cellOf(aBox[i].lo[k], h);
      c1[k] = cellOf(aBox[i].hi[k], h);
      nCell *= (long long)c1[k] - c0[k] + 1;
    }
    if( nCell>MAX_CELLS_PER_ARC ){
      aBig[nBig++] = i;
      continue;
    }
    for(int x=c0[0]; x<=c1[0]; x++){
      for(int y=c0[1]; y<=c1[1]; y++){
        for(int z=c0[2]; z<=c1[2]; z++){
          if( nSlot>=nSlotAlloc ){
            int nNew = nSlotAlloc ? nSlotAlloc*2 : 64;
            Slot *aNew = sqlite3_realloc64(aSlot, (sqlite3_uint64)nNew*sizeof(Slot));
            if( aNew==0 ){ rc = SQLITE_NOMEM; goto done; }
            aSlot = aNew;
            nSlotAlloc = nNew;
          }
          aSlot[nSlot].c[0] = x;
          aSlot[nSlot].c[1] = y;
          aSlot[nSlot].c[2] = z;
          aSlot[nSlot].e = i;
          nSlot++;
        }
      }
    }
  }
  if( nSlot>0 ) qsort(aSlot, (size_t)nSlot, sizeof(Slot), cmpSlot);
  /* Pairs within each grid cell. */
  for(int g=0; g<nSlot && !bStop; ){
    int hEnd = g;
    while( hEnd<nSlot && memcmp(aSlot[hEnd].c, aSlot[g].c, sizeof(aSlot[g].c))==0 ) hEnd++;
    for(int p=g; p<hEnd && !bStop; p++){
      for(int q=p+1; q<hEnd && !bStop; q++){
        int i = aSlot[p].e, j = aSlot[q].e, bHere = 1;
        if( !boxesMeet(&aBox[i], &aBox[j]) ) continue;
        /* Report from the cell holding the overlap's lowest corner only. */
        for(int k=0; k<3 && bHere; k++){
          double lo = aBox[i].lo[k]>aBox[j].lo[k] ? aBox[i].lo[k] : aBox[j].lo[k];
          if( cellOf(lo, h)!=aSlot[g].c[k] ) bHere = 0;
        }
        if( bHere && xPair(pArg, i<j ? i : j, i<j ? j : i) ) bStop = 1;
      }
    }
    g = hEnd;
  }
  /* Big arcs against everything else (and each other once). aBigAt[j] is
  ** the position of arc j in aBig[], or -1. */
  {
    int *aBigAt = aBig + n;
    for(int j=0; j<n; j++) aBigAt[j] = -1;
    for(int b=0; b<nBig; b++) aBigAt[aBig[b]] = b;
  }
  for(int b=0; b<nBig && !bStop; b++){
    int i = aBig[b];
    for(int j=0; j<n && !bStop; j++){
      if( j==i ) continue;
      if( aBig[n+j]>=0 && aBig[n+j]<b ) continue;   /* done from the other side */
      if( !boxesMeet(&aBox[i], &aBox[j]) ) continue;
      if( xPair(pArg, i<j ? i : j, i<j ? j : i) ) bStop = 1;
    }
  }

done:
  sqlite3_free(aBox);
  sqlite3_free(aBig);
  sqlite3_free(aSlot);
  return rc;
}
