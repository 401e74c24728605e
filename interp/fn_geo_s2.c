/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** S2 cells, implemented from the published description of the S2 grid
** (s2geometry.io): the sphere is projected onto the six faces of a cube, each
** face coordinate u,v in [-1,1] is warped by the quadratic transform into
** s,t in [0,1], and the 2^30 x 2^30 leaf cells of a face are ordered along a
** Hilbert curve. A cell id packs the face (3 bits), the Hilbert position (2
** bits per level) and a trailing 1 bit that marks the level; its token is the
** id in hex without trailing zeros. This file computes cell ids of points,
** tokens, centers, corners, neighbors and the fixed-level coverings that
** geo_polygon_to_s2cells() and geo_line_to_s2cells() return.
*/
#include "fn_geo.h"
#include <string.h>

#define MAX_LEVEL 30
#define MAX_SIZE  (1<<MAX_LEVEL)       /* leaf cells along a face edge */
#define POS_BITS  61                   /* 2*MAX_LEVEL + 1 */

/*
** The Hilbert curve. A sub-square's orientation is a 2-bit mask: bit 0
** swaps the i and j axes, bit 1 inverts both. In the canonical orientation
** the four children are visited in the order (i,j) = (0,0), (0,1), (1,1),
** (1,0). After visiting position 0 the curve continues swapped, after
** position 3 swapped and inverted, and unchanged after positions 1 and 2.
** ij below is (i<<1)|j.
*/
#define SWAP_MASK   1
#define INVERT_MASK 2
static const int aPosToIJ[4][4] = {
  {0, 1, 3, 2},     /* canonical */
  {0, 2, 3, 1},     /* swapped */
  {3, 2, 0, 1},     /* inverted */
  {3, 1, 0, 2},     /* swapped and inverted */
};
static const int aIJToPos[4][4] = {
  {0, 1, 3, 2},
  {0, 3, 1, 2},
  {2, 3, 1, 0},
  {2, 1, 3, 0},
};
static const int aPosToOrient[4] = { SWAP_MASK, 0, 0, SWAP_MASK|INVERT_MASK };

/****************************************************************************
** Projections.
*/

/* The quadratic transform between s in [0,1] and u in [-1,1]. */
static double stToUV(double s){
  if( s>=0.5 ) return (1.0/3.0) * (4.0*s*s - 1.0);
  return (1.0/3.0) * (1.0 - 4.0*(1.0 - s)*(1.0 - s));
}
static double uvToST(double u){
  if( u>=0.0 ) return 0.5*sqrt(1.0 + 3.0*u);
  return 1.0 - 0.5*sqrt(1.0 - 3.0*u);
}

/* Leaf coordinate of s, clamped to the face. */
static int stToIJ(double s){
  double r = floor(s*MAX_SIZE);
  if( r<0.0 ) return 0;
  if( r>=MAX_SIZE ) return MAX_SIZE-1;
  return (int)r;
}

/* Direction of (u, v) on face f (not unit length). */
static KqlGeoVec faceUVToXYZ(int f, double u, double v){
  switch( f ){
    case 0:  return geoVec(1, u, v);
    case 1:  return geoVec(-u, 1, v);
    case 2:  return geoVec(-u, -v, 1);
    case 3:  return geoVec(-1, -v, -u);
    case 4:  return geoVec(v, -1, -u);
    default: return geoVec(v, u, -1);
  }
}

/* (u, v) of p on face f; p must be on f's side of the cube (its face
** axis component positive for faces 0-2, negative for 3-5). */
static void faceXYZToUV(int f, KqlGeoVec p, double *pu, double *pv){
  switch( f ){
    case 0:  *pu = p.y/p.x;  *pv = p.z/p.x;  break;
    case 1:  *pu = -p.x/p.y; *pv = p.z/p.y;  break;
    case 2:  *pu = -p.x/p.z; *pv = -p.y/p.z; break;
    case 3:  *pu = p.z/p.x;  *pv = p.y/p.x;  break;
    case 4:  *pu = p.z/p.y;  *pv = -p.x/p.y; break;
    default: *pu = -p.y/p.z; *pv = -p.x/p.z; break;
  }
}

/* The face whose axis is the largest component of p. */
static int faceOf(KqlGeoVec p){
  double ax = fabs(p.x), ay = fabs(p.y), az = fabs(p.z);
  int axis = ax>ay ? (ax>az ? 0 : 2) : (ay>az ? 1 : 2);
  double c = axis==0 ? p.x : axis==1 ? p.y : p.z;
  return c<0.0 ? axis+3 : axis;
}

/* Component of p along face f's outward axis. */
static double faceAxis(int f, KqlGeoVec p){
  switch( f ){
    case 0:  return p.x;
    case 1:  return p.y;
    case 2:  return p.z;
    case 3:  return -p.x;
    case 4:  return -p.y;
    default: return -p.z;
  }
}

/****************************************************************************
** Cell ids.
*/

static uint64_t lsbForLevel(int level){
  return (uint64_t)1 << (2*(MAX_LEVEL - level));
}

/* Leaf cell id of face f, leaf coordinates (i, j). */
static uint64_t fromFaceIJ(int f, int i, int j){
  uint64_t id = (uint64_t)f << POS_BITS;
  int o = f & SWAP_MASK;
  for(int k=MAX_LEVEL-1; k>=0; k--){
    int ij = (((i>>k)&1)<<1) | ((j>>k)&1);
    int pos = aIJToPos[o][ij];
    id |= (uint64_t)pos << (2*k + 1);
    o ^= aPosToOrient[pos];
  }
  return id | 1;
}

/* Face and leaf coordinates of the cell's lowest-(i,j) corner leaf, and
** its size in leaves. */
static int toFaceIJ(uint64_t id, int *pi, int *pj, int *pSize){
  int f = (int)(id >> POS_BITS);
  int o = f & SWAP_MASK, i = 0, j = 0;
  int level = kqlS2Level(id);
  for(int k=MAX_LEVEL-1; k>=MAX_LEVEL-level; k--){
    int pos = (int)((id >> (2*k + 1)) & 3);
    int ij = aPosToIJ[o][pos];
    i |= (ij>>1) << k;
    j |= (ij&1) << k;
    o ^= aPosToOrient[pos];
  }
  *pi = i;
  *pj = j;
  *pSize = 1 << (MAX_LEVEL - level);
  return f;
}

static uint64_t parentAt(uint64_t id, int level){
  uint64_t lsb = lsbForLevel(level);
  return (id & (~lsb + 1)) | lsb;
}

/* kqlS2Level(): contract in fn_geo.h. */
int kqlS2Level(uint64_t id){
  int n = 0;
  if( id==0 ) return -1;
  while( (id & 1)==0 ){ id >>= 1; n++; }
  return MAX_LEVEL - n/2;
}

/* kqlS2IsValid(): contract in fn_geo.h. */
int kqlS2IsValid(uint64_t id){
  uint64_t lsb;
  if( id==0 || (id >> POS_BITS)>5 ) return 0;
  lsb = id & (~id + 1);
  return (lsb & 0x1555555555555555ULL)!=0;
}

/* kqlS2FromPoint(): contract in fn_geo.h. */
uint64_t kqlS2FromPoint(KqlGeoVec p, int level){
  int f = faceOf(p);
  double u, v;
  faceXYZToUV(f, p, &u, &v);
  return parentAt(fromFaceIJ(f, stToIJ(uvToST(u)), stToIJ(uvToST(v))), level);
}

/* kqlS2FromToken(): contract in fn_geo.h. */
uint64_t kqlS2FromToken(const char *z, int n){
  uint64_t id = 0;
  if( n<=0 || n>16 ) return 0;
  for(int i=0; i<n; i++){
    int c = (unsigned char)z[i], d;
    if( c>='0' && c<='9' ) d = c - '0';
    else if( c>='a' && c<='f' ) d = c - 'a' + 10;
    else if( c>='A' && c<='F' ) d = c - 'A' + 10;
    else return 0;
    id = (id<<4) | (uint64_t)d;
  }
  id <<= 4*(16 - n);
  return kqlS2IsValid(id) ? id : 0;
}

/* kqlS2ToToken(): contract in fn_geo.h. */
int kqlS2ToToken(uint64_t id, char *zBuf){
  static const char zHex[] = "0123456789abcdef";
  int n = 16;
  if( id==0 ){
    memcpy(zBuf, "X", 2);
    return 1;
  }
  while( n>0 && ((id >> (4*(16-n))) & 0xf)==0 ) n--;
  for(int i=0; i<n; i++) zBuf[i] = zHex[(id >> (4*(15-i))) & 0xf];
  zBuf[n] = 0;
  return n;
}

/* UV bounds of a cell. */
static int cellUV(uint64_t id, double *pu0, double *pv0, double *pu1, double *pv1){
  int i, j, size;
  int f = toFaceIJ(id, &i, &j, &size);
  *pu0 = stToUV((double)i/MAX_SIZE);
  *pu1 = stToUV((double)(i + size)/MAX_SIZE);
  *pv0 = stToUV((double)j/MAX_SIZE);
  *pv1 = stToUV((double)(j + size)/MAX_SIZE);
  return f;
}

/* kqlS2Center(): contract in fn_geo.h. */
KqlGeoVec kqlS2Center(uint64_t id){
  int i, j, size;
  int f = toFaceIJ(id, &i, &j, &size);
  double s = (i + 0.5*size)/MAX_SIZE, t = (j + 0.5*size)/MAX_SIZE;
  return kqlGeoNormalize(faceUVToXYZ(f, stToUV(s), stToUV(t)));
}

/* kqlS2Vertices(): contract in fn_geo.h. */
void kqlS2Vertices(uint64_t id, KqlGeoVec aV[4]){
  double u0, v0, u1, v1;
  int f = cellUV(id, &u0, &v0, &u1, &v1);
  aV[0] = kqlGeoNormalize(faceUVToXYZ(f, u0, v0));
  aV[1] = kqlGeoNormalize(faceUVToXYZ(f, u1, v0));
  aV[2] = kqlGeoNormalize(faceUVToXYZ(f, u1, v1));
  aV[3] = kqlGeoNormalize(faceUVToXYZ(f, u0, v1));
}

/* Leaf cell at (i, j) of face f, where i or j may lie just outside the
** face: the point is carried over the cube edge onto the adjacent face. */
static uint64_t fromFaceIJWrap(int f, int i, int j){
  double u, v;
  KqlGeoVec p;
  int g;
  if( i>=0 && i<MAX_SIZE && j>=0 && j<MAX_SIZE ) return fromFaceIJ(f, i, j);
  if( i<-1 ) i = -1;
  if( i>MAX_SIZE ) i = MAX_SIZE;
  if( j<-1 ) j = -1;
  if( j>MAX_SIZE ) j = MAX_SIZE;
  p = faceUVToXYZ(f, stToUV((i + 0.5)/MAX_SIZE), stToUV((j + 0.5)/MAX_SIZE));
  g = faceOf(p);
  faceXYZToUV(g, p, &u, &v);
  return fromFaceIJ(g, stToIJ(uvToST(u)), stToIJ(uvToST(v)));
}

/* kqlS2Neighbors(): contract in fn_geo.h. */
void kqlS2Neighbors(uint64_t id, uint64_t aNbr[8]){
  int i, j, size, level = kqlS2Level(id), n = 0;
  int f = toFaceIJ(id, &i, &j, &size);
  /* The S2 order: the row j-1 (i-1, i+1), the cells (i, j-1) and
  ** (i, j+1), then (i-1, j) and (i+1, j), then the row j+1 (i-1, i+1). */
  static const int aOff[8][2] = {
    {-1,-1}, {1,-1}, {0,-1}, {0,1}, {-1,0}, {1,0}, {-1,1}, {1,1}
  };
  uint64_t aS2[8];
  for(int k=0; k<8; k++){
    int di = aOff[k][0], dj = aOff[k][1];
    int ii = di<0 ? i - size : di>0 ? i + size : i;
    int jj = dj<0 ? j - size : dj>0 ? j + size : j;
    aS2[k] = parentAt(fromFaceIJWrap(f, ii, jj), level);
  }
  /* Kusto returns them as they come out of a 13-bucket hash set keyed by
  ** the id: in order of first appearance of each bucket (id % 13), a later
  ** id going before the earlier ones of its bucket. This reproduces the
  ** order the reference docs show. */
  for(int k=0; k<8; k++){
    int at = n;
    for(int m=0; m<n; m++){
      if( aNbr[m] % 13==aS2[k] % 13 ){ at = m; break; }
    }
    for(int m=n; m>at; m--) aNbr[m] = aNbr[m-1];
    aNbr[at] = aS2[k];
    n++;
  }
}

/****************************************************************************
** Coverings.
*/

/* A cell during the covering walk: its corners and uv bounds. */
typedef struct Cell Cell;
struct Cell {
  uint64_t id;          /* cell id */
  int f;                /* face */
  double u0, v0, u1, v1;/* uv bounds */
  KqlGeoVec aV[4];      /* corners, counterclockwise */
  KqlGeoVec c;          /* center */
};

static void cellInit(Cell *p, uint64_t id){
  p->id = id;
  p->f = cellUV(id, &p->u0, &p->v0, &p->u1, &p->v1);
  kqlS2Vertices(id, p->aV);
  p->c = kqlS2Center(id);
}

/* 1 when point v lies in the cell (boundary included). */
static int cellHasPoint(const Cell *p, KqlGeoVec v){
  double u, w;
  if( faceAxis(p->f, v)<=0.0 ) return 0;
  faceXYZToUV(p->f, v, &u, &w);
  return u>=p->u0 && u<=p->u1 && w>=p->v0 && w<=p->v1;
}

/* Angular distance from v to the cell (0 inside). */
static double cellDistPoint(const Cell *p, KqlGeoVec v){
  double d = 1e300;
  if( cellHasPoint(p, v) ) return 0.0;
  for(int k=0; k<4; k++){
    double e = kqlGeoDistToEdge(v, p->aV[k], p->aV[(k+1)&3], 0);
    if( e<d ) d = e;
  }
  return d;
}

/* 1 when edge ab comes within angle r of the cell (r==0: crosses or
** touches its boundary, or has an endpoint inside). Two arcs that do not
** meet are closest at an endpoint of one of them. */
static int cellHasEdge(const Cell *p, KqlGeoVec a, KqlGeoVec b, double r){
  if( cellHasPoint(p, a) || cellHasPoint(p, b) ) return 1;
  for(int k=0; k<4; k++){
    if( kqlGeoEdgeCrossing(a, b, p->aV[k], p->aV[(k+1)&3])>=0 ) return 1;
  }
  if( r>0.0 ){
    if( cellDistPoint(p, a)<=r || cellDistPoint(p, b)<=r ) return 1;
    for(int k=0; k<4; k++){
      if( kqlGeoDistToEdge(p->aV[k], a, b, 0)<=r ) return 1;
    }
  }
  return 0;
}

/* The covering walk's state. */
typedef struct Cover Cover;
struct Cover {
  const KqlGeoRegion *pR;   /* region, or NULL for a polyline */
  const KqlGeoVec *aLine;   /* polyline vertices (pR==NULL) */
  int nLine;
  int level;                /* target level */
  double radius;            /* also cover cells within this angle of the shape */
  uint64_t *aId;            /* result */
  int nId, nAlloc;
  int rc;                   /* 0, -1 too many, -2 no memory */
  int *aScratch;            /* edge index lists, one block per depth */
  int nEdge;                /* edges in all */
};

/* Endpoints of edge k. */
static void edgeAt(const Cover *p, int k, KqlGeoVec *pa, KqlGeoVec *pb){
  if( p->pR ){
    const KqlGeoRegion *pR = p->pR;
    /* k indexes vertices; the ring of k decides the successor. */
    int r = 0, lo = 0, hi = pR->nRing-1;
    while( lo<=hi ){
      int mid = (lo+hi)/2;
      if( pR->aRing[mid]<=k ){ r = mid; lo = mid+1; }else{ hi = mid-1; }
    }
    *pa = pR->aV[k];
    *pb = pR->aV[k+1<pR->aRing[r+1] ? k+1 : pR->aRing[r]];
  }else{
    *pa = p->aLine[k];
    *pb = p->aLine[k+1];
  }
}

static void emit(Cover *p, uint64_t id){
  if( p->rc ) return;
  if( p->nId>=KQL_GEO_MAX_CELLS ){ p->rc = -1; return; }
  if( p->nId>=p->nAlloc ){
    int nNew = p->nAlloc ? p->nAlloc*2 : 64;
    uint64_t *aNew = sqlite3_realloc64(p->aId, (sqlite3_uint64)nNew*sizeof(uint64_t));
    if( aNew==0 ){ p->rc = -2; return; }
    p->aId = aNew;
    p->nAlloc = nNew;
  }
  p->aId[p->nId++] = id;
}

/* Emit every descendant of id at the target level. */
static void emitAll(Cover *p, uint64_t id){
  uint64_t lsb = id & (~id + 1), lsbL = lsbForLevel(p->level);
  /* lsb/lsbL = 4^(levels below) cells. */
  if( lsb/lsbL > (uint64_t)(KQL_GEO_MAX_CELLS - p->nId) ){ p->rc = -1; return; }
  for(uint64_t c = id - lsb + lsbL; c < id + lsb && p->rc==0; c += 2*lsbL) emit(p, c);
}

/*
** Visit cell id: aEdge[0..nEdge) are the edges that meet its parent,
** bCenterIn whether the parent's center is in the region (ignored for
** polylines), cParent the parent's center.
*/
static void visit(Cover *p, uint64_t id, const int *aEdge, int nEdge,
                  int bParentIn, KqlGeoVec cParent, int bHaveParent, int depth){
  Cell cell;
  int *aMine = p->aScratch + (size_t)depth*p->nEdge;
  int nMine = 0, bIn = 0;
  if( p->rc ) return;
  cellInit(&cell, id);
  for(int k=0; k<nEdge; k++){
    KqlGeoVec a, b;
    edgeAt(p, aEdge[k], &a, &b);
    if( cellHasEdge(&cell, a, b, p->radius) ) aMine[nMine++] = aEdge[k];
  }
  if( p->pR ){
    /* Is the center inside? Walk from the parent's center, counting the
    ** edges crossed; fall back to a full test on a degenerate path. */
    int bFull = !bHaveParent;
    if( !bFull ){
      int nCross = 0;
      bIn = bParentIn;
      for(int k=0; k<nEdge && !bFull; k++){
        KqlGeoVec a, b;
        int x;
        edgeAt(p, aEdge[k], &a, &b);
        x = kqlGeoEdgeCrossing(cParent, cell.c, a, b);
        if( x==0 ) bFull = 1;
        else if( x>0 ) nCross++;
      }
      if( nCross & 1 ) bIn = !bIn;
    }
    if( bFull ) bIn = kqlGeoRegionContains(p->pR, cell.c);
  }
  if( nMine==0 ){
    if( bIn ) emitAll(p, id);
    return;
  }
  if( kqlS2Level(id)>=p->level ){
    emit(p, id);
    return;
  }
  {
    uint64_t lsb = id & (~id + 1), lsbC = lsb>>2;
    for(int k=0; k<4 && p->rc==0; k++){
      visit(p, id - lsb + lsbC*(uint64_t)(2*k+1), aMine, nMine, bIn, cell.c, 1, depth+1);
    }
  }
}

/* kqlS2Cover(): contract in fn_geo.h. */
int kqlS2Cover(const KqlGeoRegion *pR, const KqlGeoVec *aV, int nV, int level,
               double radius, uint64_t **paId){
  Cover c;
  int *aAll;
  memset(&c, 0, sizeof(c));
  *paId = 0;
  c.pR = pR;
  c.aLine = aV;
  c.nLine = nV;
  c.level = level;
  c.radius = radius>0.0 ? radius : 0.0;
  c.nEdge = pR ? pR->nV : (nV>1 ? nV-1 : 0);
  if( c.nEdge==0 && pR==0 ){
    /* A single point. */
    if( nV==1 && c.radius>0.0 ){
      KqlGeoVec a2[2];
      a2[0] = a2[1] = aV[0];
      return kqlS2Cover(0, a2, 2, level, radius, paId);
    }
    if( nV==1 ){
      uint64_t *a = sqlite3_malloc64(sizeof(uint64_t));
      if( a==0 ) return -2;
      a[0] = kqlS2FromPoint(aV[0], level);
      *paId = a;
      return 1;
    }
    return 0;
  }
  /* One block of edge indexes per depth (levels 0..30), plus the root list. */
  c.aScratch = sqlite3_malloc64((sqlite3_uint64)(MAX_LEVEL+2)*(c.nEdge+1)*sizeof(int));
  if( c.aScratch==0 ) return -2;
  aAll = c.aScratch + (size_t)(MAX_LEVEL+1)*c.nEdge;
  for(int k=0; k<c.nEdge; k++) aAll[k] = k;
  for(int f=0; f<6 && c.rc==0; f++){
    uint64_t id = ((uint64_t)f << POS_BITS) | ((uint64_t)1 << (POS_BITS-1));
    visit(&c, id, aAll, c.nEdge, 0, geoVec(0, 0, 0), 0, 0);
  }
  sqlite3_free(c.aScratch);
  if( c.rc ){
    sqlite3_free(c.aId);
    return c.rc;
  }
  *paId = c.aId;
  return c.nId;
}
