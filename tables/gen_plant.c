/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Planting indicators: for each --plant-ioc IP[:PORT], choose rows of the
** table that a hunt for the address must find (hits) and near-miss rows it
** must not (decoys), then rewrite those rows as they are generated.
**
** A hit puts the address in every column of one side of the connection:
** the destination/remote side (DestinationIP, RemoteIP, DstIpAddr, ...),
** or, for a third of the hits in tables that log both sides, the source
** side (SourceIP: return traffic from the C2 server). The port goes with
** it. Hits come in a burst, as a beacon would. Decoys: the address less
** its last character (82.23.246.16) and with a character more
** (82.23.246.1600), its IPv4-mapped IPv6 form, the address only inside a
** URL or a message, and the port alone with another address. Columns of
** the device's own address (LocalIP, ComputerIP) or a NAT address are
** planted only in tables that have no source or destination address
** column (Heartbeat, say), and then without a port. Random addresses never
** equal an indicator or a decoy (the avoid list), so a hunt by exact
** address finds exactly the hits.
**
** The plan uses its own PRNG stream: planting changes only the planted
** rows, never the values of the others.
*/
#include "genInt.h"
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>

/* Parse a dotted IPv4 address (no leading zeros) into *pIp. Returns 0 or -1. */
static int parseIp4(const char *z, uint32_t *pIp){
  uint32_t ip = 0;
  for(int i=0; i<4; i++){
    int n = 0, v = 0;
    while( z[n]>='0' && z[n]<='9' ){
      v = v*10 + (z[n]-'0');
      if( ++n>3 ) return -1;
    }
    if( n==0 || v>255 || (n>1 && z[0]=='0') ) return -1;
    ip = (ip<<8) | (uint32_t)v;
    z += n;
    if( i<3 ){
      if( *z!='.' ) return -1;
      z++;
    }
  }
  if( *z ) return -1;
  *pIp = ip;
  return 0;
}

static int parsePort(const char *z, int *pPort){
  int v = 0, n = 0;
  while( z[n]>='0' && z[n]<='9' ){
    v = v*10 + (z[n]-'0');
    if( ++n>5 ) return -1;
  }
  if( n==0 || z[n] || v>65535 ) return -1;
  *pPort = v;
  return 0;
}

int kqlGenParseIoc(const char *z, KqlGenIoc *p){
  char zIp[64];
  const char *zPort = 0;
  size_t n;
  uint32_t ip4;
  unsigned char a6[16];
  if( z==0 ) return -1;
  if( z[0]=='[' ){
    const char *zEnd = strchr(z, ']');
    if( zEnd==0 || (zEnd[1] && zEnd[1]!=':') ) return -1;
    n = (size_t)(zEnd - z - 1);
    if( n==0 || n>=sizeof(p->zIp) ) return -1;
    memcpy(zIp, z+1, n);
    zIp[n] = 0;
    if( zEnd[1]==':' ) zPort = zEnd+2;
    if( inet_pton(AF_INET6, zIp, a6)!=1 ) return -1;
  }else{
    const char *zColon = strchr(z, ':');
    if( zColon && strchr(zColon+1, ':') ){
      n = strlen(z);                         /* bare IPv6, no port */
      if( n>=sizeof(p->zIp) ) return -1;
      memcpy(zIp, z, n+1);
      if( inet_pton(AF_INET6, zIp, a6)!=1 ) return -1;
    }else{
      n = zColon ? (size_t)(zColon - z) : strlen(z);
      if( n==0 || n>=sizeof(zIp) ) return -1;
      memcpy(zIp, z, n);
      zIp[n] = 0;
      if( parseIp4(zIp, &ip4) ) return -1;
      if( zColon ) zPort = zColon+1;
    }
  }
  p->iPort = -1;
  if( zPort && parsePort(zPort, &p->iPort) ) return -1;
  n = strlen(zIp);
  if( n>=sizeof(p->zIp) ) return -1;
  memcpy(p->zIp, zIp, n+1);
  return 0;
}

/* Is z one of the indicators' addresses? */
static int isIoc(const KqlGenOpts *o, const char *z){
  for(int i=0; i<o->nIoc; i++) if( strcmp(o->aIoc[i].zIp, z)==0 ) return 1;
  return 0;
}

/* Fill the decoy texts of indicator i; a decoy that would equal another
** indicator is dropped (it would be a hit for that one). */
static void makeTexts(const KqlGenOpts *o, int i, KqlGenIocText *t){
  const KqlGenIoc *c = &o->aIoc[i];
  uint32_t ip4;
  int bV4 = parseIp4(c->zIp, &ip4)==0;
  int n = (int)strlen(c->zIp);
  char zPort[8] = "", zIp[48];
  memset(t, 0, sizeof(*t));
  memcpy(zIp, c->zIp, sizeof(zIp));
  zIp[sizeof(zIp)-1] = 0;
  if( c->iPort>=0 ) snprintf(zPort, sizeof(zPort), "%hu", (unsigned short)c->iPort);
  memcpy(t->zPort, zPort, sizeof(zPort));
  if( n>1 ) snprintf(t->zPrefix, sizeof(t->zPrefix), "%.*s", n-1, zIp);
  snprintf(t->zExtend, sizeof(t->zExtend), "%s0", zIp);
  if( bV4 ) snprintf(t->zMapped, sizeof(t->zMapped), "::ffff:%s", zIp);
  snprintf(t->zUrl, sizeof(t->zUrl), "http://%s%s%s%s%s/gate.php",
           bV4 ? "" : "[", zIp, bV4 ? "" : "]", zPort[0] ? ":" : "", zPort);
  snprintf(t->zMsg, sizeof(t->zMsg), "Blocked connection to %s%s%s (threat intelligence match)",
           zIp, zPort[0] ? ":" : "", zPort);
  if( isIoc(o, t->zPrefix) ) t->zPrefix[0] = 0;
  if( isIoc(o, t->zExtend) ) t->zExtend[0] = 0;
  if( isIoc(o, t->zMapped) ) t->zMapped[0] = 0;
}

/* Rows already planted: open addressing over row numbers. */
typedef struct RowSet RowSet;
struct RowSet { int64_t *a; uint64_t mask; };

static int rowSetInit(RowSet *s, int nMax){
  uint64_t n = 16;
  while( n < (uint64_t)nMax*4 ) n <<= 1;
  s->a = malloc(sizeof(int64_t)*n);
  if( s->a==0 ) return -1;
  for(uint64_t i=0; i<n; i++) s->a[i] = -1;
  s->mask = n-1;
  return 0;
}

/* Add iRow; returns 0 when it was new, 1 when already there. */
static int rowSetAdd(RowSet *s, int64_t iRow){
  uint64_t h = kqlGenMix((uint64_t)iRow) & s->mask;
  while( s->a[h]>=0 ){
    if( s->a[h]==iRow ) return 1;
    h = (h+1) & s->mask;
  }
  s->a[h] = iRow;
  return 0;
}

/* A row in [iLo, iLo+nSpan) not planted yet; falls back to any free row
** of the table (there always is one: at most half the rows are planted). */
static int64_t freeRow(KqlGenRng *r, RowSet *s, int64_t iLo, int64_t nSpan, int64_t nRow){
  for(int nTry=0; nTry<64; nTry++){
    int64_t i = iLo + (int64_t)(kqlGenRand(r) % (uint64_t)nSpan);
    if( rowSetAdd(s, i)==0 ) return i;
  }
  int64_t i = (int64_t)(kqlGenRand(r) % (uint64_t)nRow);
  while( rowSetAdd(s, i) ) i = (i+1) % nRow;
  return i;
}

static int cmpPlant(const void *a, const void *b){
  int64_t x = ((const KqlGenPlant*)a)->iRow, y = ((const KqlGenPlant*)b)->iRow;
  return x<y ? -1 : x>y;
}

int kqlGenPlanMake(KqlGen *p, KqlGenPlan *pPlan, KqlGenReport *pRep){
  const KqlGenOpts *o = p->pOpts;
  int64_t nRow = o->nRow;
  unsigned mRole = 0;
  KqlGenRng r;
  RowSet set;
  int nMax = 0;

  memset(pPlan, 0, sizeof(*pPlan));
  p->nAvoid = 0;
  for(int i=0; i<o->nIoc; i++){
    uint32_t ip;
    makeTexts(o, i, &pPlan->aText[i]);
    if( parseIp4(o->aIoc[i].zIp, &ip)==0 ) p->aAvoid4[p->nAvoid++] = ip;
    if( parseIp4(pPlan->aText[i].zPrefix, &ip)==0 ) p->aAvoid4[p->nAvoid++] = ip;
  }
  for(int i=0; i<p->nCol; i++) mRole |= 1u << p->aCol[i].eRole;
  int bDst = (mRole>>KQL_ROLE_IPDST) & 1;
  int bSrc = (mRole>>KQL_ROLE_IPSRC) & 1;
  int bOther = !bDst && !bSrc && ((mRole>>KQL_ROLE_IPOTHER) & 1);
  pPlan->eDecoyRole = bDst ? KQL_ROLE_IPDST : bSrc ? KQL_ROLE_IPSRC : KQL_ROLE_IPOTHER;
  if( o->nIoc==0 ) return 0;
  if( !bDst && !bSrc && !bOther ){
    for(int i=0; i<o->nIoc; i++) pRep->aIoc[i].bNoColumn = 1;
    return 0;
  }

  /* which decoys this table can hold, in the order they are handed out */
  int aKind[KQL_PLANT_NKIND], nKindMax = 0;
  aKind[nKindMax++] = KQL_PLANT_PREFIX;
  aKind[nKindMax++] = KQL_PLANT_EXTEND;
  if( (mRole>>KQL_ROLE_URL) & 1 ) aKind[nKindMax++] = KQL_PLANT_URL;
  if( (mRole>>KQL_ROLE_MSG) & 1 ) aKind[nKindMax++] = KQL_PLANT_MSG;
  if( !bOther && ((mRole>>(bDst ? KQL_ROLE_PORTDST : KQL_ROLE_PORTSRC)) & 1) ){
    aKind[nKindMax++] = KQL_PLANT_PORT;
  }
  aKind[nKindMax++] = KQL_PLANT_MAPPED;

  int64_t nBudget = nRow / (2*o->nIoc);
  int64_t nWant = 2 + nRow/10000;
  int nPerKind = nRow>=100000 ? 2 : 1;
  int aHit[KQL_GEN_MAX_IOC], aDecoy[KQL_GEN_MAX_IOC][KQL_PLANT_NKIND];
  memset(aDecoy, 0, sizeof(aDecoy));
  for(int i=0; i<o->nIoc; i++){
    const KqlGenIocText *t = &pPlan->aText[i];
    int nKind = 0, aK[KQL_PLANT_NKIND];
    for(int k=0; k<nKindMax; k++){
      int e = aKind[k];
      if( e==KQL_PLANT_PREFIX && !t->zPrefix[0] ) continue;
      if( e==KQL_PLANT_EXTEND && !t->zExtend[0] ) continue;
      if( e==KQL_PLANT_MAPPED && !t->zMapped[0] ) continue;
      if( e==KQL_PLANT_PORT && !t->zPort[0] ) continue;
      aK[nKind++] = e;
    }
    int64_t nHit = nWant < 1000 ? nWant : 1000;
    if( nHit > nBudget - nKind*nPerKind ) nHit = nBudget - nKind*nPerKind;
    if( nHit < 1 ) nHit = nBudget>0 ? 1 : 0;
    int64_t nLeft = nBudget - nHit;
    aHit[i] = (int)nHit;
    for(int j=0; j<nPerKind; j++){
      for(int k=0; k<nKind && nLeft>0; k++, nLeft--) aDecoy[i][aK[k]]++;
    }
    nMax += aHit[i];
    for(int k=0; k<KQL_PLANT_NKIND; k++) nMax += aDecoy[i][k];
  }
  if( nMax==0 ) return 0;
  pPlan->a = malloc(sizeof(KqlGenPlant)*(size_t)nMax);
  if( pPlan->a==0 || rowSetInit(&set, nMax) ){
    free(pPlan->a);
    pPlan->a = 0;
    return -1;
  }
  kqlGenSeed(&r, kqlGenMix(o->iSeed ^ kqlGenHashStr(p->pDef->zName) ^ 0x706c616e74ULL));
  for(int i=0; i<o->nIoc; i++){
    /* hits: a burst over an eighth of the window (or more when dense) */
    int64_t nSpan = nRow/8;
    if( nSpan < 4*(int64_t)aHit[i] ) nSpan = 4*(int64_t)aHit[i];
    if( nSpan > nRow ) nSpan = nRow;
    int64_t iLo = (int64_t)(kqlGenRand(&r) % (uint64_t)(nRow - nSpan + 1));
    int nSrc = bDst && bSrc ? aHit[i]/3 : bSrc ? aHit[i] : 0;
    for(int j=0; j<aHit[i]; j++){
      KqlGenPlant *pl = &pPlan->a[pPlan->n++];
      pl->iRow = freeRow(&r, &set, iLo, nSpan, nRow);
      pl->iIoc = i;
      pl->eKind = j<nSrc ? KQL_PLANT_HIT_SRC : KQL_PLANT_HIT_DST;
    }
    for(int k=0; k<KQL_PLANT_NKIND; k++){
      for(int j=0; j<aDecoy[i][k]; j++){
        KqlGenPlant *pl = &pPlan->a[pPlan->n++];
        pl->iRow = freeRow(&r, &set, 0, nRow, nRow);
        pl->iIoc = i;
        pl->eKind = k;
      }
    }
    pRep->aIoc[i].nHit = aHit[i];
    pRep->aIoc[i].nDecoy = 0;
    for(int k=0; k<KQL_PLANT_NKIND; k++) pRep->aIoc[i].nDecoy += aDecoy[i][k];
  }
  free(set.a);
  if( pPlan->n>1 ) qsort(pPlan->a, (size_t)pPlan->n, sizeof(KqlGenPlant), cmpPlant);
  return 0;
}

/* Make the row one whose traffic goes out (bOut) or comes in: the
** indicator will be on the far side. */
static void setDirection(KqlGenRow *w, int bOut){
  if( w->bOut!=bOut ){
    uint32_t ip = w->ipSrc;
    w->ipSrc = w->ipDst;
    w->ipDst = ip;
    w->bOut = bOut;
  }
  w->iSite = -1;          /* a bare address: no domain, no URL */
}

/* Put zText in the columns of role eRole (and force them to have a value). */
static void put(KqlGenRow *w, int eRole, const char *zText){
  w->azOver[eRole] = zText;
  w->mForce |= 1u << eRole;
}

void kqlGenPlanApply(KqlGen *p, KqlGenPlan *pPlan){
  KqlGenRow *w = &p->row;
  while( pPlan->iNext < pPlan->n && pPlan->a[pPlan->iNext].iRow < w->iRow ) pPlan->iNext++;
  if( pPlan->iNext >= pPlan->n || pPlan->a[pPlan->iNext].iRow != w->iRow ) return;
  const KqlGenPlant *pl = &pPlan->a[pPlan->iNext++];
  const KqlGenIocText *t = &pPlan->aText[pl->iIoc];
  const char *zIp = p->pOpts->aIoc[pl->iIoc].zIp;
  int bDst = pPlan->eDecoyRole==KQL_ROLE_IPDST;
  int eIp = pPlan->eDecoyRole;
  int ePort = bDst ? KQL_ROLE_PORTDST : KQL_ROLE_PORTSRC;
  if( eIp==KQL_ROLE_IPOTHER && pl->eKind!=KQL_PLANT_URL && pl->eKind!=KQL_PLANT_MSG ){
    /* a table whose only addresses are the device's own: no side, no port */
    put(w, KQL_ROLE_IPOTHER, pl->eKind<=KQL_PLANT_HIT_SRC ? zIp
          : pl->eKind==KQL_PLANT_PREFIX ? t->zPrefix
          : pl->eKind==KQL_PLANT_EXTEND ? t->zExtend : t->zMapped);
    return;
  }
  switch( pl->eKind ){
    case KQL_PLANT_HIT_DST:
    case KQL_PLANT_HIT_SRC: {
      int bHitDst = pl->eKind==KQL_PLANT_HIT_DST;
      setDirection(w, bHitDst);
      put(w, bHitDst ? KQL_ROLE_IPDST : KQL_ROLE_IPSRC, zIp);
      if( t->zPort[0] ) put(w, bHitDst ? KQL_ROLE_PORTDST : KQL_ROLE_PORTSRC, t->zPort);
      break;
    }
    case KQL_PLANT_PREFIX:
    case KQL_PLANT_EXTEND:
    case KQL_PLANT_MAPPED:
      setDirection(w, bDst);
      put(w, eIp, pl->eKind==KQL_PLANT_PREFIX ? t->zPrefix
                : pl->eKind==KQL_PLANT_EXTEND ? t->zExtend : t->zMapped);
      if( t->zPort[0] ) put(w, ePort, t->zPort);
      break;
    case KQL_PLANT_PORT:
      setDirection(w, bDst);
      w->mForce |= 1u << eIp;
      put(w, ePort, t->zPort);
      break;
    case KQL_PLANT_URL:
      put(w, KQL_ROLE_URL, t->zUrl);
      break;
    default:
      put(w, KQL_ROLE_MSG, t->zMsg);
      break;
  }
}

void kqlGenPlanFree(KqlGenPlan *pPlan){
  free(pPlan->a);
  pPlan->a = 0;
  pPlan->n = 0;
}
