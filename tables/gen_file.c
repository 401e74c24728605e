/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Value generators for processes, files and the registry: file names,
** folder paths, command lines, hashes, sizes, version info, process and
** logon ids. A column describes one of the row's four files (KqlGenCol
** .eProc: the process the event is about, the initiating process, its
** parent, or a document), so FileName, FolderPath, SHA256 and
** ProcessCommandLine of one row describe the same file, and the same file
** has the same hashes in every row and every table of a run.
**
** Every kqlGen<Name>() generator here is a KqlGenFn (genInt.h): it writes
** one value of column pCol for the current row p->row into b, never more
** than b holds, and allocates nothing.
*/
#include "genInt.h"

static const KqlGenFile *colFile(const KqlGen *p, const KqlGenCol *pCol){
  return &p->pPool->aFile[p->row.aFile[pCol->eProc & 3]];
}

/* Folder template zFolder with %u replaced by the row's user. */
static void putFolder(const KqlGen *p, const char *zFolder, KqlGenBuf *b){
  for(const char *z = zFolder; *z; z++){
    if( z[0]=='%' && z[1]=='u' ){
      kqlGenPuts(b, p->pPool->aUser[p->row.iUser].zSam);
      z++;
    }else{
      kqlGenPutc(b, *z);
    }
  }
}

void kqlGenFileName(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, colFile(p, pCol)->zName);
}

void kqlGenFilePath(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenFile *f = colFile(p, pCol);
  putFolder(p, f->zFolder, b);
  kqlGenPuts(b, f->zName);
}

void kqlGenFileFolder(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenFile *f = colFile(p, pCol);
  putFolder(p, f->zFolder, b);
  if( b->n>3 && (b->z[b->n-1]=='\\' || b->z[b->n-1]=='/') ) b->n--;
}

void kqlGenCmdLine(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenFile *f = colFile(p, pCol);
  const KqlGenExe *e;
  int nCmd = 0;
  if( f->iExe<0 ){
    kqlGenExpand(p, "\"C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE\" /n \"%p\"",
                 pCol->eProc, b);
    return;
  }
  e = kqlGenExeAt(f->iExe);
  while( nCmd<3 && e->azCmd[nCmd] ) nCmd++;
  kqlGenExpand(p, e->azCmd[(p->row.iNonce>>(8*pCol->eProc)) % (uint64_t)nCmd], pCol->eProc, b);
}

/* HASH: iArg 0 MD5 (32 hex digits), 1 SHA1 (40), 2 SHA256 (64). */
void kqlGenHash(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  static const int aLen[] = { 32, 40, 64 };
  int nHex = aLen[pCol->iArg % 3];
  uint64_t v = colFile(p, pCol)->iId + (uint64_t)pCol->iArg*0x1000;
  for(int i=0; i<nHex; i+=16){
    v = kqlGenMix(v);
    kqlGenPutHex(b, v, nHex-i<16 ? nHex-i : 16);
  }
}

void kqlGenFileSize(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenFile *f = colFile(p, pCol);
  uint64_t v = kqlGenMix(f->iId + 7);
  kqlGenPutUint(b, f->iExe>=0 ? 40960 + v % 6000000 : 1024 + v % 24000000);
}

/* VERINFO: iArg 0 company, 1 product, 2 version, 3 internal name,
** 4 original file name, 5 description. Empty for non-executables. */
void kqlGenVerInfo(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenFile *f = colFile(p, pCol);
  const KqlGenExe *e;
  if( f->iExe<0 ) return;
  e = kqlGenExeAt(f->iExe);
  switch( pCol->iArg ){
    case 0: kqlGenPuts(b, e->zCompany); break;
    case 1: kqlGenPuts(b, e->zProduct); break;
    case 2: kqlGenPuts(b, e->zVersion); break;
    case 3: {
      const char *zDot = strrchr(e->zName, '.');
      kqlGenPutn(b, e->zName, zDot ? (int)(zDot - e->zName) : (int)strlen(e->zName));
      break;
    }
    case 4: kqlGenPuts(b, e->zName); break;
    default: kqlGenPuts(b, e->zDesc); break;
  }
}

void kqlGenPid(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutUint(b, p->row.aPid[pCol->eProc & 3]);
}

void kqlGenPidHex(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, "0x");
  uint32_t v = p->row.aPid[pCol->eProc & 3];
  int n = 1;
  while( (v>>(4*n)) ) n++;
  kqlGenPutHex(b, v, n);
}

/* A logon session id: stable per user within a day. */
static uint32_t logonId(const KqlGen *p, const KqlGenCol *pCol){
  int iUser = pCol->bTarget ? p->row.iUser2 : p->row.iUser;
  uint64_t iDay = (uint64_t)(p->row.iTime / KQL_TICKS_PER_DAY);
  return 0x10000u + (uint32_t)(kqlGenMix(p->pPool->aUser[iUser].iId + iDay) % 0x7fffff);
}

void kqlGenLogonId(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutUint(b, logonId(p, pCol));
}

void kqlGenLogonHex(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  uint32_t v = logonId(p, pCol);
  int n = 1;
  kqlGenPuts(b, "0x");
  while( (v>>(4*n)) ) n++;
  kqlGenPutHex(b, v, n);
}

void kqlGenRegKey(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenList *l = kqlGenList(KQL_L_REGKEY);
  kqlGenPuts(b, l->az[(p->row.iNonce>>16) % (uint64_t)l->n]);
}

void kqlGenRegData(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  switch( (p->row.iNonce>>24) % 4 ){
    case 0: kqlGenPutUint(b, (p->row.iNonce>>32) % 2); break;
    case 1: kqlGenPuts(b, "C:\\Windows\\system32\\userinit.exe,"); break;
    default: {
      KqlGenCol c = *pCol;
      c.eProc = KQL_PROC_EXE;
      kqlGenFilePath(p, &c, b);
      break;
    }
  }
}
