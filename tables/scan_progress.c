/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Streaming scan: the progress line. When stderr is a terminal, a scan
** that runs longer than half a second shows "scanning T: N rows, X MB/s,
** ETA Ns" on stderr, redrawn at most four times a second and erased when
** the scan ends. Silent otherwise (pipes, files, tests).
*/
#include "scanInt.h"
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec*1e-9;
}

void kqlScanProgressStart(KqlScanCursor *pCur){
  struct stat st;
  pCur->bProgress = isatty(2);
  pCur->bShown = 0;
  pCur->tStart = pCur->tLast = now();
  pCur->nFileSize = stat(pCur->pSpec->zPath, &st)==0 ? (int64_t)st.st_size : 0;
}

void kqlScanProgressTick(KqlScanCursor *pCur){
  double t, dt;
  int64_t nDone;
  if( !pCur->bProgress || pCur->L.buf.in==0 ) return;
  t = now();
  if( t - pCur->tLast < 0.25 || t - pCur->tStart < 0.5 ) return;
  pCur->tLast = t;
  dt = t - pCur->tStart;
  nDone = (int64_t)gzoffset(pCur->L.buf.in);
  if( nDone<0 ) nDone = 0;
  double mbs = (double)nDone/1048576.0/dt;
  fprintf(stderr, "\rscanning %s: %lld rows, %.0f MB/s", pCur->pSpec->zTable,
          (long long)pCur->iRow, mbs);
  if( pCur->nFileSize>nDone && nDone>0 ){
    fprintf(stderr, ", ETA %.0fs", dt*(double)(pCur->nFileSize - nDone)/(double)nDone);
  }
  fprintf(stderr, "\033[K");
  fflush(stderr);
  pCur->bShown = 1;
}

void kqlScanProgressEnd(KqlScanCursor *pCur){
  if( pCur->bShown ){
    fprintf(stderr, "\r\033[K");
    fflush(stderr);
    pCur->bShown = 0;
  }
}
