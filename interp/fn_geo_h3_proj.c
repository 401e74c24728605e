/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** H3 cells on the sphere (h3geo.org, "Indexing", "Coordinate systems"):
** point to cell, cell centre and cell boundary, over the icosahedron of
** fn_geo_h3_grid.c.
**
** A point goes to the nearest face's gnomonic tangent plane, is scaled by
** sqrt 7 per resolution (odd, "Class III" resolutions turned by
** asin(sqrt(3/28))), rounded to the nearest lattice hexagon and walked up
** the aperture-7 hierarchy to resolution 0, collecting one digit per
** resolution; the res-0 position names the base cell, and the digits are
** turned into the base cell's frame. A cell goes the other way from its
** base cell's home face; a cell whose centre lies beyond the home face's
** edge ("overage") is carried onto the neighbouring face, and each boundary
** vertex is projected from the face it lies on, with an extra vertex where
** a Class III edge crosses a face edge, as H3 does.
**
** Pentagon base cells follow H3's conventions for the deleted k
** sub-sequence (fn_geo_h3_grid.c has their frames).
*/
#include "fn.h"
#include "fn_geo.h"
#include <float.h>
#include <math.h>

#define H3_MAX_RES 15

static const KqlH3Ijk aUnit[7] = {
  {0,0,0}, {0,0,1}, {0,1,0}, {0,1,1}, {1,0,0}, {1,0,1}, {1,1,0}
};

static int hRes(uint64_t h){ return (int)((h >> 52) & 15); }
static int hBase(uint64_t h){ return (int)((h >> 45) & 127); }
static int hDigit(uint64_t h, int r){ return (int)((h >> ((H3_MAX_RES - r)*3)) & 7); }

static KqlH3Ijk ijkAdd(KqlH3Ijk a, KqlH3Ijk b){
  a.i += b.i; a.j += b.j; a.k += b.k;
  return kqlH3IjkNorm(a);
}

static int unitDigit(KqlH3Ijk d){
  d = kqlH3IjkNorm(d);
  for(int k=0; k<7; k++){
    if( d.i==aUnit[k].i && d.j==aUnit[k].j && d.k==aUnit[k].k ) return k;
  }
  return -1;
}

static long long pow7(int n){
  long long r = 1;
  while( n-- > 0 ) r *= 7;
  return r;
}

/* The first non-zero digit of aDig[1..res] (0 when none). */
static int leadingDigit(const int *aDig, int res){
  for(int r=1; r<=res; r++) if( aDig[r] ) return aDig[r];
  return 0;
}

/* Turn digits aDig[1..res] n times 60 degrees counterclockwise. */
static void rotDigits(int *aDig, int res, int n){
  for(int r=1; r<=res; r++) aDig[r] = unitDigit(kqlH3RotCcw(aUnit[aDig[r]], n));
}

int kqlH3FromPoint(KqlGeoVec p, int res, uint64_t *pH){
  int f = kqlH3NearestFace(p);
  double x, y;
  kqlH3SphereToFace(f, p, &x, &y);
  for(int r=0; r<res; r++){ x *= sqrt(7.0); y *= sqrt(7.0); }
  if( res & 1 ){
    double c = cos(KQL_H3_AP7_ROT), s = sin(KQL_H3_AP7_ROT);
    double x2 = x*c + y*s, y2 = y*c - x*s;
    x = x2; y = y2;
  }
  return kqlH3FromFaceIjk(f, kqlH3Hex2dToIjk(x, y), res, pH);
}

int kqlH3FromFaceIjk(int f, KqlH3Ijk v, int res, uint64_t *pH){
  const KqlH3Grid *g = kqlH3Grid();
  int bc, rot, aDig[H3_MAX_RES+1];
  uint64_t h;
  for(int r=res; r>=1; r--){
    KqlH3Ijk up = kqlH3Up7(v, r & 1), c = kqlH3Down7(up, r & 1), d;
    d.i = v.i - c.i; d.j = v.j - c.j; d.k = v.k - c.k;
    aDig[r] = unitDigit(d);
    if( aDig[r]<0 ) return 2;
    v = up;
  }
  bc = kqlH3BaseCellAt(f, v, &rot);
  if( bc<0 ) return 2;
  if( g->aBasePent[bc] ){
    /* Out of the deleted k sub-sequence, then turn, skipping it again. */
    if( leadingDigit(aDig, res)==1 ) rotDigits(aDig, res, g->aPentCw[bc][f] ? 5 : 1);
    for(int t=0; t<rot; t++){
      rotDigits(aDig, res, 1);
      if( leadingDigit(aDig, res)==1 ) rotDigits(aDig, res, 1);
    }
  }else{
    rotDigits(aDig, res, rot);
  }
  h = ((uint64_t)1 << 59) | ((uint64_t)res << 52) | ((uint64_t)bc << 45);
  for(int r=1; r<=H3_MAX_RES; r++){
    int d = r<=res ? aDig[r] : 7;
    h |= (uint64_t)d << ((H3_MAX_RES - r)*3);
  }
  *pH = h;
  return 0;
}

/* kqlH3CellFaceIjk(): contract in fn_geo.h. */
int kqlH3CellFaceIjk(uint64_t h, int *pFace, KqlH3Ijk *pV, int *pRot){
  const KqlH3Grid *g = kqlH3Grid();
  int bc = hBase(h), res = hRes(h), face, res2, aDig[H3_MAX_RES+1], bPent, lead, rot = 0;
  KqlH3Ijk v, w, home;
  long long nUnit;
  if( bc>=KQL_H3_NUM_BASE ) return 2;
  bPent = g->aBasePent[bc];
  for(int r=1; r<=res; r++) aDig[r] = hDigit(h, r);
  /* A pentagon's sub-sequence 5 is stored turned: turn it back. */
  if( bPent && leadingDigit(aDig, res)==5 ) rotDigits(aDig, res, 5);
  lead = leadingDigit(aDig, res);
  face = g->aBaseFace[bc];
  home = g->aBaseIjk[bc];
  v = home;
  for(int r=1; r<=res; r++){
    v = kqlH3Down7(v, r & 1);
    v = ijkAdd(v, aUnit[aDig[r]]);
  }
  if( bPent || home.i!=0 || home.j!=0 || home.k!=0 ){
    /* Possible overage: test it on the next Class II grid. */
    w = v;
    res2 = res;
    if( res & 1 ){ w = kqlH3Down7(w, 0); res2++; }
    nUnit = pow7(res2/2);
    if( w.i + w.j + w.k > 2*nUnit ){
      rot = g->aNbrRot[face][kqlH3Sector(w)];
      w = kqlH3CrossEdge(&face, w, nUnit, bPent && lead==4);
      while( bPent && w.i + w.j + w.k > 2*nUnit ) w = kqlH3CrossEdge(&face, w, nUnit, 0);
      if( res & 1 ) w = kqlH3Up7(w, 0);
      v = w;
    }
  }
  *pFace = face;
  *pV = v;
  if( pRot ) *pRot = rot;
  return 0;
}

int kqlH3Center(uint64_t h, KqlGeoVec *pC){
  int face, res = hRes(h), rc;
  double x, y;
  KqlH3Ijk v;
  rc = kqlH3CellFaceIjk(h, &face, &v, 0);
  if( rc ) return rc;
  kqlH3IjkToHex2d(v, &x, &y);
  if( res & 1 ){
    double c = cos(KQL_H3_AP7_ROT), s = sin(KQL_H3_AP7_ROT);
    double x2 = x*c - y*s, y2 = x*s + y*c;
    x = x2; y = y2;
  }
  for(int r=0; r<res; r++){ x /= sqrt(7.0); y /= sqrt(7.0); }
  *pC = kqlH3FaceToSphere(face, x, y);
  return 0;
}

/* Substrate hex2d (x, y) of face f at Class II resolution res2 to the
** sphere. */
static KqlGeoVec substrateToSphere(int f, double x, double y, int res2){
  x /= 3.0; y /= 3.0;
  for(int r=0; r<res2; r++){ x /= sqrt(7.0); y /= sqrt(7.0); }
  return kqlH3FaceToSphere(f, x, y);
}

/* Where segment p0-p1's line meets line p2-p3. */
static void lineIntersect(const double p0[2], const double p1[2], const double p2[2],
                          const double p3[2], double out[2]){
  double s1x = p1[0]-p0[0], s1y = p1[1]-p0[1], s2x = p3[0]-p2[0], s2y = p3[1]-p2[1];
  double t = (s2x*(p0[1]-p2[1]) - s2y*(p0[0]-p2[0])) / (-s2x*s1y + s1x*s2y);
  out[0] = p0[0] + t*s1x;
  out[1] = p0[1] + t*s1y;
}

/* The corners of face f's triangle on the substrate grid (hex2d). */
static void faceCorners(long long nMax, double q[3][2]){
  KqlH3Ijk tv[3] = { {nMax,0,0}, {0,nMax,0}, {0,0,nMax} };
  for(int k=0; k<3; k++) kqlH3IjkToHex2d(tv[k], &q[k][0], &q[k][1]);
}

/* Edge of face a (0 IJ, 1 JK, 2 KI) that borders face b; KI otherwise. */
static int edgeTo(int a, int b){
  const KqlH3Grid *g = kqlH3Grid();
  for(int e=0; e<3; e++) if( g->aNbr[a][e]==b ) return e;
  return 2;
}

/*
** The boundary of a pentagon cell (the centre cell of a pentagon base cell):
** the first five hexagon vertices, each carried onto the face it lies on;
** every Class III edge crosses a face edge, where a vertex is added.
*/
static int pentBoundary(int face, const KqlH3Ijk *aVert, int cls3, int res2,
                        long long nUnit, KqlGeoVec *aV){
  static const int aE[3][2] = { {0,1}, {1,2}, {2,0} };
  long long nMax = 2*nUnit;
  int n = 0, lastFace = face;
  KqlH3Ijk last = aVert[0];
  for(int t=0; t<5 + cls3; t++){
    int vf = face;
    KqlH3Ijk w = aVert[t % 5];
    double x, y;
    while( w.i + w.j + w.k > nMax ) w = kqlH3CrossEdge(&vf, w, nUnit, 0);
    if( cls3 && t>0 ){
      double p0[2], p1[2], q[3][2], r[2];
      int e = edgeTo(lastFace, vf);
      KqlH3Ijk tw = kqlH3ToFace(vf, lastFace, w, nUnit);
      kqlH3IjkToHex2d(last, &p0[0], &p0[1]);
      kqlH3IjkToHex2d(tw, &p1[0], &p1[1]);
      faceCorners(nMax, q);
      lineIntersect(p0, p1, q[aE[e][0]], q[aE[e][1]], r);
      aV[n++] = substrateToSphere(lastFace, r[0], r[1], res2);
    }
    if( t<5 ){
      kqlH3IjkToHex2d(w, &x, &y);
      aV[n++] = substrateToSphere(vf, x, y, res2);
    }
    lastFace = vf;
    last = w;
  }
  return n;
}

int kqlH3Boundary(uint64_t h, KqlGeoVec *aV){
  const KqlH3Grid *g = kqlH3Grid();
  int face, res = hRes(h), cls3 = res & 1, res2, rc, n = 0;
  int lastFace = -1, lastEdge = 0;
  long long nUnit, nMax;
  KqlH3Ijk v, c, aVert[6];
  double rad, ang0;
  rc = kqlH3CellFaceIjk(h, &face, &v, 0);
  if( rc ) return -rc;
  /* The centre on the substrate grid: 3 times finer, Class II. */
  c.i = 3*v.i; c.j = 3*v.j; c.k = 3*v.k;
  res2 = res;
  if( cls3 ){ c = kqlH3Down7(c, 0); res2++; }
  nUnit = 3*pow7(res2/2);
  nMax = 2*nUnit;
  /* Vertices at 30 + 60n degrees (turned for Class III), circumradius 1/sqrt 3
  ** of the cell spacing: exact substrate lattice points. */
  rad = cls3 ? sqrt(21.0) : sqrt(3.0);
  ang0 = M_PI/6.0 + (cls3 ? KQL_H3_AP7_ROT : 0.0);
  for(int t=0; t<6; t++){
    double a = ang0 + t*(M_PI/3.0);
    aVert[t] = ijkAdd(c, kqlH3Hex2dToIjk(rad*cos(a), rad*sin(a)));
  }
  if( g->aBasePent[hBase(h)] && (h & (((uint64_t)1 << 45) - 1))==(((uint64_t)1 << ((H3_MAX_RES-res)*3)) - 1) ){
    return pentBoundary(face, aVert, cls3, res2, nUnit, aV);
  }
  for(int t=0; t<6 + cls3; t++){
    int vi = t % 6, vf = face, bEdge = 0;
    KqlH3Ijk w = aVert[vi];
    double x, y;
    if( w.i + w.j + w.k == nMax ){
      bEdge = 1;
    }else if( w.i + w.j + w.k > nMax ){
      w = kqlH3CrossEdge(&vf, w, nUnit, 0);
      if( w.i + w.j + w.k == nMax ) bEdge = 1;
    }
    if( cls3 && t>0 && vf!=lastFace && !lastEdge ){
      /* The cell edge crosses a face edge: add the crossing, projected
      ** from the centre's face. */
      static const int aE[3][2] = { {0,1}, {1,2}, {2,0} };
      int face2 = lastFace==face ? vf : lastFace, e = 2;
      double p0[2], p1[2], q[3][2], r[2];
      e = edgeTo(face, face2);
      kqlH3IjkToHex2d(aVert[(vi+5)%6], &p0[0], &p0[1]);
      kqlH3IjkToHex2d(aVert[vi], &p1[0], &p1[1]);
      faceCorners(nMax, q);
      lineIntersect(p0, p1, q[aE[e][0]], q[aE[e][1]], r);
      if( !(fabs(r[0]-p0[0])<FLT_EPSILON && fabs(r[1]-p0[1])<FLT_EPSILON)
       && !(fabs(r[0]-p1[0])<FLT_EPSILON && fabs(r[1]-p1[1])<FLT_EPSILON) ){
        aV[n++] = substrateToSphere(face, r[0], r[1], res2);
      }
    }
    if( t<6 ){
      kqlH3IjkToHex2d(w, &x, &y);
      aV[n++] = substrateToSphere(vf, x, y, res2);
    }
    lastFace = vf;
    lastEdge = bEdge;
  }
  return n;
}
