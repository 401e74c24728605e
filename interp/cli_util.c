/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Small helpers shared by the command-line files (cli.h).
*/
#include "cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *kqlCliReadFile(const char *zPath, int *pn){
  FILE *f = strcmp(zPath, "-")==0 ? stdin : fopen(zPath, "rb");
  if( f==0 ) return 0;
  size_t nAlloc = 65536, n = 0;
  char *z = malloc(nAlloc);
  for(;;){
    if( z==0 ) break;
    if( n+1>=nAlloc ){
      nAlloc *= 2;
      char *z2 = realloc(z, nAlloc);
      if( z2==0 ){ free(z); z = 0; break; }
      z = z2;
    }
    size_t got = fread(z+n, 1, nAlloc-n-1, f);
    if( got==0 ) break;
    n += got;
  }
  if( f!=stdin ) fclose(f);
  if( z==0 || n>0x7fffffff ){ free(z); return 0; }
  z[n] = 0;
  *pn = (int)n;
  return z;
}
