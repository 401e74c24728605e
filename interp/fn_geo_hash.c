/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Geohash encoding and decoding: the longitude and latitude ranges are
** halved alternately (longitude first), one bit per halving, and every five
** bits become one character of the base-32 alphabet below.
*/
#include "fn_geo.h"

static const char zBase32[] = "0123456789bcdefghjkmnpqrstuvwxyz";

/* kqlGeohashEncode(): contract in fn_geo.h. */
int kqlGeohashEncode(double lng, double lat, int nChar, char *zOut){
  double lo[2] = {-180.0, -90.0}, hi[2] = {180.0, 90.0}, x[2];
  int bLng = 1;
  x[0] = lng;
  x[1] = lat;
  for(int k=0; k<nChar; k++){
    int c = 0;
    for(int b=0; b<5; b++){
      int d = bLng ? 0 : 1;
      double mid = 0.5*(lo[d] + hi[d]);
      c <<= 1;
      if( x[d]>=mid ){ c |= 1; lo[d] = mid; }else{ hi[d] = mid; }
      bLng = !bLng;
    }
    zOut[k] = zBase32[c];
  }
  zOut[nChar] = 0;
  return nChar;
}

/* Value of geohash character c, or -1. */
static int base32Value(int c){
  if( c>='A' && c<='Z' ) c += 'a' - 'A';
  for(int i=0; i<32; i++){
    if( zBase32[i]==c ) return i;
  }
  return -1;
}

/* kqlGeohashDecode(): contract in fn_geo.h. */
int kqlGeohashDecode(const char *z, int n, double *pLng0, double *pLat0,
                     double *pLng1, double *pLat1){
  double lo[2] = {-180.0, -90.0}, hi[2] = {180.0, 90.0};
  int bLng = 1;
  if( n<1 || n>18 ) return 1;
  for(int k=0; k<n; k++){
    int v = base32Value((unsigned char)z[k]);
    if( v<0 ) return 1;
    for(int b=4; b>=0; b--){
      int d = bLng ? 0 : 1;
      double mid = 0.5*(lo[d] + hi[d]);
      if( (v>>b) & 1 ) lo[d] = mid; else hi[d] = mid;
      bLng = !bLng;
    }
  }
  *pLng0 = lo[0]; *pLat0 = lo[1];
  *pLng1 = hi[0]; *pLat1 = hi[1];
  return 0;
}
