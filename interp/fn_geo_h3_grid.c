/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** The H3 icosahedron and its 122 base cells (h3geo.org, "Overview of the H3
** system", "Coordinate systems"), built once from geometry:
**
**   - the 12 icosahedron vertices in H3's (Dymaxion) orientation and which
**     vertex each of the 20 faces points its i, j and k axes at (a fact
**     table: the numbering of the faces and their axes is H3's convention);
**   - each face's centre and tangent plane, in which a face's res-0 hex grid
**     has unit (3-sqrt 5)/2 (so that a vertex is 2 units from the centre);
**   - for each face edge, the neighbouring face and the integer map (60
**     degree rotations plus a res-0 translation) that unfolds the face's
**     lattice onto the neighbour's across the shared edge;
**   - the 122 base cells (20 face centres, 60 vertex-ward cells, 30 edge
**     midpoints, 12 pentagon vertices), numbered by decreasing latitude of
**     their centres as H3 numbers them, with their home face and res-0 IJK.
**
** The only conventions that are not geometry (vertex table, the home faces
** of the edge cells and polar pentagons) are fact tables below, from the H3
** specification. The rest is computed and then only looked up.
*/
#include "fn.h"
#include "fn_geo.h"
#include <math.h>
#include <string.h>

/*
** Icosahedron vertices (longitude, latitude in degrees) in H3's orientation,
** and each face's vertices in the order its i, j and k axes point at them.
** Source: the H3 specification (face centres and axis azimuths); this is
** the convention that fixes H3's orientation and face numbering.
*/
static const double aVertDeg[12][2] = {
  { 10.536199075467643, 64.700000127934885 },
  { 58.1577058395726, 10.447345187511061 },
  { 122.30000040778704, 39.100000033975931 },
  { -143.47849001502527, 50.103201482241332 },
  { -67.132326366435663, 23.717925271222974 },
  { -5.2453902967773391, 2.3008821116267533 },
  { 112.86767363356435, -23.717925271222967 },
  { 174.75460970322268, -2.3008821116267533 },
  { -121.8422941604274, -10.447345187511043 },
  { -57.699999592212968, -39.100000033975917 },
  { 36.521509984974834, -50.103201482241339 },
  { -169.46380092453236, -64.700000127934899 },
};
static const unsigned char aFaceVert[20][3] = {
  {0,1,2}, {0,2,3}, {0,3,4}, {0,4,5}, {0,5,1}, {6,2,1}, {7,3,2}, {8,4,3},
  {9,5,4}, {10,1,5}, {2,6,7}, {3,7,8}, {4,8,9}, {5,9,10}, {1,10,6},
  {11,7,6}, {11,8,7}, {11,9,8}, {11,10,9}, {11,6,10},
};

/*
** Home faces that geometry leaves open (H3 specification, base cell data):
** an edge cell lies on two faces and the polar pentagons on five faces
** whose i axes all point at them. The other pentagons' home is the one face
** whose i axis points at them; other cells lie inside one face.
*/
static const unsigned char aHomeConv[][2] = {
  {1,2}, {4,0}, {5,1}, {11,1}, {13,3}, {19,2}, {22,0}, {28,4}, {30,0},
  {35,11}, {39,6}, {40,7}, {43,3}, {52,10}, {53,4}, {54,12}, {67,5},
  {68,16}, {69,8}, {78,15}, {81,14}, {82,13}, {86,9}, {91,17}, {93,16},
  {99,17}, {102,19}, {108,15}, {110,18}, {116,18}, {117,19}, {120,19},
};

static KqlH3Grid grid;
static int bGridReady = 0;

/* Point of face f's tangent plane at (x, y) res-0 units (not normalized). */
static KqlGeoVec facePlane(const KqlH3Grid *g, int f, double x, double y){
  return geoAdd(g->aCenter[f], geoScale(geoAdd(geoScale(g->aAxisI[f], x),
                geoScale(g->aAxisP[f], y)), KQL_H3_RES0_U));
}

KqlGeoVec kqlH3FaceToSphere(int f, double x, double y){
  return kqlGeoNormalize(facePlane(kqlH3Grid(), f, x, y));
}

static void sphereToFace(const KqlH3Grid *g, int f, KqlGeoVec p, double *px, double *py){
  KqlGeoVec q = geoSub(geoScale(p, 1.0/geoDot(p, g->aCenter[f])), g->aCenter[f]);
  *px = geoDot(q, g->aAxisI[f]) / KQL_H3_RES0_U;
  *py = geoDot(q, g->aAxisP[f]) / KQL_H3_RES0_U;
}

void kqlH3SphereToFace(int f, KqlGeoVec p, double *px, double *py){
  sphereToFace(kqlH3Grid(), f, p, px, py);
}

int kqlH3NearestFace(KqlGeoVec p){
  const KqlH3Grid *g = kqlH3Grid();
  int best = 0;
  double d = geoDot(p, g->aCenter[0]);
  for(int f=1; f<20; f++){
    double t = geoDot(p, g->aCenter[f]);
    if( t>d ){ d = t; best = f; }
  }
  return best;
}

void kqlH3IjkToHex2d(KqlH3Ijk v, double *px, double *py){
  double a = (double)(v.i - v.k), b = (double)(v.j - v.k);
  *px = a - 0.5*b;
  *py = b * (sqrt(3.0)/2.0);
}

KqlH3Ijk kqlH3Hex2dToIjk(double x, double y){
  /* Cube coordinates on the 60-degree basis (i, i+j), rounded to the
  ** nearest hexagon centre. */
  double b = y / (sqrt(3.0)/2.0), a = x + 0.5*b;
  double q = a - b, r = b, s = -a;
  double rq = floor(q + 0.5), rr = floor(r + 0.5), rs = floor(s + 0.5);
  double dq = fabs(rq - q), dr = fabs(rr - r), ds = fabs(rs - s);
  KqlH3Ijk v;
  if( dq>dr && dq>ds ) rq = -rr - rs;
  else if( dr>ds ) rr = -rq - rs;
  v.i = (long long)(rq + rr);
  v.j = (long long)rr;
  v.k = 0;
  return kqlH3IjkNorm(v);
}

KqlH3Ijk kqlH3RotCcw(KqlH3Ijk v, int n){
  n = ((n % 6) + 6) % 6;
  while( n-- ){
    KqlH3Ijk r;
    r.i = v.i + v.k; r.j = v.i + v.j; r.k = v.j + v.k;
    v = kqlH3IjkNorm(r);
  }
  return v;
}

/* Sector of face-frame v beyond the face: 0 IJ, 1 JK, 2 KI. */
int kqlH3Sector(KqlH3Ijk v){
  if( v.k>0 ) return v.j>0 ? 1 : 2;
  return 0;
}

/* The rotation about the direction u of the edge that faces a and b share
** which takes a's tangent plane onto b's, applied to the vector w. */
static KqlGeoVec unfoldVec(const KqlH3Grid *g, int a, int b, KqlGeoVec u, KqlGeoVec w){
  KqlGeoVec ua = geoCross(u, g->aCenter[a]), ub = geoCross(u, g->aCenter[b]);
  return geoAdd(geoAdd(geoScale(u, geoDot(w, u)), geoScale(g->aCenter[b], geoDot(w, g->aCenter[a]))),
                geoScale(ub, geoDot(w, ua)));
}

/* The ccw turns from face a's frame to adjacent face b's; -1 when not
** adjacent. */
static int faceRot(const KqlH3Grid *g, int a, int b){
  if( a==b ) return 0;
  for(int e=0; e<3; e++) if( g->aNbr[a][e]==b ) return g->aNbrRot[a][e];
  return -1;
}

/*
** Pentagon frames. The five faces around a pentagon's vertex cannot be
** unfolded into one plane: a 60-degree wedge is missing, and H3 deletes
** the pentagon's k-axis sub-sequence there. Walk around the vertex from
** the home face, each step crossing the face edge from the vertex to the
** vertex before it in the face's i, j, k order. H3 (specification:
** base cell orientation tables) puts the missing wedge between the second
** and third face of this walk: the first two faces take their frame by
** unfolding back along the walk, the last three by unfolding forward
** round to the home face, and the two of these that point their j axis
** at the vertex are its "clockwise offset" faces. A polar pentagon (all
** five faces point their i axis at it) unfolds every face back along the
** walk and has no offset faces.
*/
static void pentagonFrames(KqlH3Grid *g){
  memset(g->aPentRot, -1, sizeof(g->aPentRot));
  memset(g->aPentCw, 0, sizeof(g->aPentCw));
  for(int b=0; b<KQL_H3_NUM_BASE; b++){
    int h = g->aBaseFace[b], vtx = g->aFaceVert[h][0], aOrder[5], bPolar = 1;
    if( !g->aBasePent[b] ) continue;
    aOrder[0] = h;
    for(int n=1; n<5; n++){
      int cur = aOrder[n-1], at = 0, w, nxt = -1;
      for(int t=0; t<3; t++) if( g->aFaceVert[cur][t]==vtx ) at = t;
      w = g->aFaceVert[cur][(at+2)%3];
      for(int f=0; f<20; f++){
        int bV = 0, bW = 0;
        if( f==cur ) continue;
        for(int t=0; t<3; t++){
          if( g->aFaceVert[f][t]==vtx ) bV = 1;
          if( g->aFaceVert[f][t]==w ) bW = 1;
        }
        if( bV && bW ) nxt = f;
      }
      aOrder[n] = nxt;
    }
    for(int n=0; n<5; n++) if( g->aFaceVert[aOrder[n]][0]!=vtx ) bPolar = 0;
    for(int n=0; n<5; n++){
      int f = aOrder[n], r = 0;
      if( bPolar || n<=1 ){
        for(int m=n; m>0; m--) r += faceRot(g, aOrder[m], aOrder[m-1]);
      }else{
        for(int m=n; m<5; m++) r += faceRot(g, aOrder[m], m==4 ? h : aOrder[m+1]);
        if( g->aFaceVert[f][1]==vtx ) g->aPentCw[b][f] = 1;
      }
      g->aPentRot[b][f] = (signed char)(r % 6);
    }
  }
}

static void buildGrid(KqlH3Grid *g){
  static const int aEdgeVert[3][2] = { {0,1}, {1,2}, {2,0} };
  double aLat[KQL_H3_NUM_BASE];
  int n = 0;
  memset(g, 0, sizeof(*g));
  for(int v=0; v<12; v++) g->aVert[v] = kqlGeoFromDeg(aVertDeg[v][0], aVertDeg[v][1]);
  for(int f=0; f<20; f++){
    KqlGeoVec c = geoVec(0, 0, 0), vi, ei;
    for(int t=0; t<3; t++){
      g->aFaceVert[f][t] = aFaceVert[f][t];
      c = geoAdd(c, g->aVert[aFaceVert[f][t]]);
    }
    c = kqlGeoNormalize(c);
    vi = g->aVert[aFaceVert[f][0]];
    ei = kqlGeoNormalize(geoSub(geoScale(vi, 1.0/geoDot(vi, c)), c));
    g->aCenter[f] = c;
    g->aAxisI[f] = ei;
    g->aAxisP[f] = geoCross(c, ei);
  }
  /* Neighbours across each edge, with the lattice map. */
  for(int f=0; f<20; f++){
    for(int e=0; e<3; e++){
      int va = aFaceVert[f][aEdgeVert[e][0]], vb = aFaceVert[f][aEdgeVert[e][1]], h = -1;
      KqlGeoVec qa, qb, u, w, o;
      double x, y, ang;
      for(int t=0; t<20; t++){
        if( t==f ) continue;
        if( (aFaceVert[t][0]==va || aFaceVert[t][1]==va || aFaceVert[t][2]==va)
         && (aFaceVert[t][0]==vb || aFaceVert[t][1]==vb || aFaceVert[t][2]==vb) ) h = t;
      }
      g->aNbr[f][e] = h;
      qa = geoScale(g->aVert[va], 1.0/geoDot(g->aVert[va], g->aCenter[f]));
      qb = geoScale(g->aVert[vb], 1.0/geoDot(g->aVert[vb], g->aCenter[f]));
      u = kqlGeoNormalize(geoSub(qb, qa));
      w = unfoldVec(g, f, h, u, g->aAxisI[f]);
      ang = atan2(geoDot(w, g->aAxisP[h]), geoDot(w, g->aAxisI[h]));
      g->aNbrRot[f][e] = ((int)lround(ang / (M_PI/3.0)) + 6) % 6;
      o = geoAdd(qa, unfoldVec(g, f, h, u, geoSub(g->aCenter[f], qa)));
      o = geoSub(o, g->aCenter[h]);
      x = geoDot(o, g->aAxisI[h]) / KQL_H3_RES0_U;
      y = geoDot(o, g->aAxisP[h]) / KQL_H3_RES0_U;
      g->aNbrTrans[f][e] = kqlH3Hex2dToIjk(x, y);
    }
  }
  /* Base cell centres with a home face and res-0 IJK. */
  for(int f=0; f<20; f++){
    static const KqlH3Ijk aAt[7] = {
      {0,0,0}, {1,0,0}, {0,1,0}, {0,0,1}, {1,1,0}, {0,1,1}, {1,0,1}
    };
    for(int t=0; t<7; t++){
      double x, y;
      KqlGeoVec p;
      int dup = 0;
      kqlH3IjkToHex2d(aAt[t], &x, &y);
      p = kqlGeoNormalize(facePlane(g, f, x, y));
      for(int b=0; b<n; b++) if( geoDot(p, g->aBaseCenter[b])>1.0-1e-12 ) dup = 1;
      if( dup ) continue;
      g->aBaseCenter[n] = p;
      g->aBaseFace[n] = f;
      g->aBaseIjk[n] = aAt[t];
      n++;
    }
  }
  for(int v=0; v<12; v++){
    KqlH3Ijk p = {2, 0, 0};
    g->aBaseCenter[n] = g->aVert[v];
    g->aBasePent[n] = 1;
    g->aBaseIjk[n] = p;
    g->aBaseFace[n] = -1;
    for(int f=0; f<20; f++) if( aFaceVert[f][0]==v && g->aBaseFace[n]<0 ) g->aBaseFace[n] = f;
    n++;
  }
  /* Number by decreasing latitude (insertion sort of the 122). */
  for(int b=0; b<n; b++) aLat[b] = g->aBaseCenter[b].z;
  for(int b=1; b<n; b++){
    for(int c=b; c>0 && aLat[c]>aLat[c-1]; c--){
      double tl = aLat[c]; aLat[c] = aLat[c-1]; aLat[c-1] = tl;
      KqlGeoVec tv = g->aBaseCenter[c]; g->aBaseCenter[c] = g->aBaseCenter[c-1]; g->aBaseCenter[c-1] = tv;
      int tf = g->aBaseFace[c]; g->aBaseFace[c] = g->aBaseFace[c-1]; g->aBaseFace[c-1] = tf;
      KqlH3Ijk ti = g->aBaseIjk[c]; g->aBaseIjk[c] = g->aBaseIjk[c-1]; g->aBaseIjk[c-1] = ti;
      unsigned char tp = g->aBasePent[c]; g->aBasePent[c] = g->aBasePent[c-1]; g->aBasePent[c-1] = tp;
    }
  }
  /* The conventional home faces: re-express the res-0 IJK on that face. */
  for(size_t t=0; t<sizeof(aHomeConv)/sizeof(aHomeConv[0]); t++){
    int b = aHomeConv[t][0], f = aHomeConv[t][1];
    double x, y;
    sphereToFace(g, f, g->aBaseCenter[b], &x, &y);
    g->aBaseFace[b] = f;
    g->aBaseIjk[b] = kqlH3Hex2dToIjk(x, y);
  }
  pentagonFrames(g);
}

const KqlH3Grid *kqlH3Grid(void){
  if( !bGridReady ){
    buildGrid(&grid);
    bGridReady = 1;
  }
  return &grid;
}

static KqlH3Ijk crossEdge(const KqlH3Grid *g, int f, int e, KqlH3Ijk v, long long nUnit){
  KqlH3Ijk t = g->aNbrTrans[f][e];
  v = kqlH3RotCcw(v, g->aNbrRot[f][e]);
  v.i += t.i*nUnit; v.j += t.j*nUnit; v.k += t.k*nUnit;
  return kqlH3IjkNorm(v);
}

KqlH3Ijk kqlH3ToFace(int a, int b, KqlH3Ijk v, long long nUnit){
  const KqlH3Grid *g = kqlH3Grid();
  for(int e=0; e<3; e++) if( g->aNbr[a][e]==b ) return crossEdge(g, a, e, v, nUnit);
  return v;
}

/* kqlH3CrossEdge(): contract in fn_geo.h. */
KqlH3Ijk kqlH3CrossEdge(int *pFace, KqlH3Ijk v, long long nUnit, int bPentLeading4){
  const KqlH3Grid *g = kqlH3Grid();
  int e = kqlH3Sector(v), f = *pFace;
  if( e==2 && bPentLeading4 ){
    /* Turn about the pentagon (the i vertex) out of the deleted wedge. */
    KqlH3Ijk o = {2*nUnit, 0, 0}, t;
    t.i = v.i - o.i; t.j = v.j; t.k = v.k;
    t = kqlH3RotCcw(t, 5);
    t.i += o.i;
    v = kqlH3IjkNorm(t);
  }
  *pFace = g->aNbr[f][e];
  return crossEdge(g, f, e, v, nUnit);
}

int kqlH3BaseCellAt(int f, KqlH3Ijk v, int *pRot){
  const KqlH3Grid *g = kqlH3Grid();
  int rot = 0, face = f;
  double x, y;
  KqlGeoVec p;
  v = kqlH3IjkNorm(v);
  for(int guard=0; v.i+v.j+v.k>2 && guard<3; guard++){
    int e = kqlH3Sector(v);
    rot += g->aNbrRot[face][e];
    v = kqlH3CrossEdge(&face, v, 1, 0);
  }
  kqlH3IjkToHex2d(v, &x, &y);
  p = kqlGeoNormalize(facePlane(g, face, x, y));
  for(int b=0; b<KQL_H3_NUM_BASE; b++){
    if( geoDot(p, g->aBaseCenter[b])>1.0-1e-9 ){
      if( g->aBasePent[b] ){
        if( g->aPentRot[b][face]<0 ) return -1;
        rot += g->aPentRot[b][face];
      }else{
        int r = faceRot(g, face, g->aBaseFace[b]);
        if( r<0 ) return -1;
        rot += r;
      }
      *pRot = rot % 6;
      return b;
    }
  }
  return -1;
}
