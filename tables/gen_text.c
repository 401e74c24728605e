/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Value generators for enum-like words, numbers in ranges, booleans,
** places, free text (messages built from templates filled in from the
** row, CEF extensions, e-mail addresses) and dynamic values shaped like
** the real columns: property bags, entity lists, arrays of tactics,
** techniques or ids, sign-in location, device detail, status and
** conditional-access policies. Dynamic generators write JSON; in a string
** column that JSON is the text, as Log Analytics exports it.
**
** Every kqlGen<Name>() generator here is a KqlGenFn (genInt.h): it writes
** one value of column pCol for the current row p->row into b, never more
** than b holds, and allocates nothing.
*/
#include "genInt.h"

#define N(a) ((int)(sizeof(a)/sizeof((a)[0])))

/****************************** templates ***********************************/

/* Address of a side, as planted when the row is a planted one. */
static void putSideIp(const KqlGen *p, int bSrc, KqlGenBuf *b){
  const char *zOver = p->row.azOver[bSrc ? KQL_ROLE_IPSRC : KQL_ROLE_IPDST];
  if( zOver ) kqlGenPuts(b, zOver);
  else kqlGenPutIp4(b, bSrc ? p->row.ipSrc : p->row.ipDst);
}

static void putSidePort(const KqlGen *p, int bSrc, KqlGenBuf *b){
  const char *zOver = p->row.azOver[bSrc ? KQL_ROLE_PORTSRC : KQL_ROLE_PORTDST];
  if( zOver ) kqlGenPuts(b, zOver);
  else kqlGenPutUint(b, (uint64_t)(bSrc ? p->row.iPortSrc : p->row.iPortDst));
}

/*
** Placeholders: %p full path and %n name of the eProc file, %f a document
** name, %u user, %U UPN, %h host, %H host FQDN, %d external domain, %s and
** %D source and destination address, %q and %P their ports, %i a public
** address, %r 8 random hex digits, %a the action word, %% a percent sign.
*/
void kqlGenExpand(KqlGen *p, const char *zTpl, int eProc, KqlGenBuf *b){
  const KqlGenPools *P = p->pPool;
  const KqlGenRow *w = &p->row;
  for(const char *z = zTpl; *z; z++){
    const char *zPct = strchr(z, '%');
    if( zPct==0 ){ kqlGenPuts(b, z); return; }
    kqlGenPutn(b, z, (int)(zPct - z));
    z = zPct + 1;
    switch( *z ){
      case 'p': case 'n': {
        const KqlGenFile *f = &P->aFile[w->aFile[eProc & 3]];
        if( *z=='p' ){
          for(const char *y = f->zFolder; *y; y++){
            if( y[0]=='%' && y[1]=='u' ){ kqlGenPuts(b, P->aUser[w->iUser].zSam); y++; }
            else kqlGenPutc(b, *y);
          }
        }
        kqlGenPuts(b, f->zName);
        break;
      }
      case 'f': kqlGenPuts(b, P->aFile[w->aFile[KQL_PROC_FILE]].zName); break;
      case 'u': kqlGenPuts(b, P->aUser[w->iUser].zSam); break;
      case 'U': kqlGenPuts(b, P->aUser[w->iUser].zUpn); break;
      case 'h': kqlGenPuts(b, P->aHost[w->iHost].zName); break;
      case 'H': kqlGenPuts(b, P->aHost[w->iHost].zFqdn); break;
      case 'd': kqlGenPuts(b, P->aSite[w->iSite<0 ? 0 : w->iSite].zDomain); break;
      case 's': putSideIp(p, 1, b); break;
      case 'D': putSideIp(p, 0, b); break;
      case 'q': putSidePort(p, 1, b); break;
      case 'P': putSidePort(p, 0, b); break;
      case 'i': kqlGenPutIp4(b, w->ipDst); break;
      case 'r': kqlGenPutHex(b, kqlGenMix(w->iNonce), 8); break;
      case 'a': kqlGenPuts(b, w->iAction ? "denied" : "allowed"); break;
      case 0: return;
      default: kqlGenPutc(b, *z); break;
    }
  }
}

/******************************** words *************************************/

void kqlGenEnum(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenList *l = kqlGenList(pCol->iArg);
  kqlGenPuts(b, l->az[kqlGenSkew(&p->rng, (uint32_t)l->n)]);
}

void kqlGenLabel(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenList *l = kqlGenList(KQL_L_LABEL);
  kqlGenPuts(b, l->az[pCol->iSalt % (uint64_t)l->n]);
}

/* A small per-column vocabulary: 6 words of the list, chosen by the
** column name's hash. */
void kqlGenWord(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenList *l = kqlGenList(KQL_L_WORD);
  kqlGenPuts(b, l->az[(pCol->iSalt + 5*kqlGenSkew(&p->rng, 6)) % (uint64_t)l->n]);
}

void kqlGenNameWord(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenList *l = kqlGenList(KQL_L_NAMEWORD);
  const KqlGenList *w = kqlGenList(KQL_L_WORD);
  uint32_t k = kqlGenSkew(&p->rng, 12);
  kqlGenPuts(b, l->az[(pCol->iSalt + k) % (uint64_t)l->n]);
  if( k & 1 ){
    kqlGenPutc(b, '-');
    kqlGenPuts(b, w->az[(pCol->iSalt/7 + k) % (uint64_t)w->n]);
  }
}

void kqlGenVersion(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  uint32_t k = kqlGenSkew(&p->rng, 4);
  kqlGenPutUint(b, 1 + pCol->iSalt % 12);
  kqlGenPutc(b, '.');
  kqlGenPutUint(b, (pCol->iSalt>>8) % 10 + k);
  kqlGenPutc(b, '.');
  kqlGenPutUint(b, (pCol->iSalt>>16) % 9000 + 100*k);
}

void kqlGenConst(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  static const char *const az[KQL_C_COUNT_N] = {     /* ORDER: KQL_C_* */
    "OpsManager", "Azure", "True", "Sign-in activity", "Microsoft",
  };
  kqlGenPuts(b, az[pCol->iArg % KQL_C_COUNT_N]);
}

/******************************* numbers ************************************/

/* Shapes of a range: uniform, skewed to small values, spread over
** magnitudes, or mostly the lowest value. */
#define SH_UNI  0
#define SH_SKEW 1
#define SH_LOG  2
#define SH_LOW  3

typedef struct Range Range;
struct Range { int64_t iLo, iHi; int eShape; int nDec; };
static const Range aRange[KQL_R_COUNT_N] = {    /* ORDER: KQL_R_* */
  { 0, 100, SH_SKEW, 0 },             /* SMALL */
  { 1, 50, SH_LOW, 0 },               /* COUNT */
  { 0, 100, SH_UNI, 0 },              /* SCORE */
  { 0, 10, SH_SKEW, 0 },              /* SEV */
  { 1, 120000, SH_LOG, 0 },           /* DURMS */
  { 0, 5, SH_SKEW, 0 },               /* LEVEL */
  { 0, 1000000000, SH_LOG, 0 },       /* BIG */
  { 0, 10000, SH_UNI, 4 },            /* UNIT */
  { 0, 100000, SH_LOG, 2 },           /* REAL */
  { 20000, 400000, SH_UNI, 2 },       /* BILLED */
  { 1, 1099511627776LL, SH_UNI, 0 },  /* ID */
  { 1000, 65000, SH_UNI, 0 },         /* ASN */
  { 0, 5, SH_LOW, 0 },                /* CODE */
  { 30, 86400, SH_LOG, 0 },           /* TTL */
  { 0, 3600, SH_LOG, 0 },             /* SECONDS */
  { 17763, 26100, SH_UNI, 0 },        /* BUILD */
};

int kqlGenRangeKind(int iArg){
  const Range *r = &aRange[iArg % KQL_R_COUNT_N];
  if( r->nDec ) return KQL_GO_REAL;
  return r->iHi > 2147483647LL ? KQL_GO_LONG : KQL_GO_INT;
}

void kqlGenNum(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const Range *r = &aRange[pCol->iArg % KQL_R_COUNT_N];
  uint64_t nRange = (uint64_t)(r->iHi - r->iLo) + 1;
  uint64_t v;
  switch( r->eShape ){
    case SH_SKEW:
      v = kqlGenSkew(&p->rng, nRange>0xffffffffu ? 0xffffffffu : (uint32_t)nRange);
      break;
    case SH_LOG: {
      int nBit = 1;
      while( nBit<62 && (1ULL<<nBit) < nRange ) nBit++;
      v = kqlGenRand(&p->rng) % (1ULL << kqlGenBelow(&p->rng, (uint32_t)nBit + 1));
      if( v>=nRange ) v = nRange-1;
      break;
    }
    case SH_LOW:
      v = kqlGenPct(&p->rng, 75) ? 0 : kqlGenRand(&p->rng) % nRange;
      break;
    default:
      v = kqlGenRand(&p->rng) % nRange;
      break;
  }
  kqlGenPutFixed(b, r->iLo + (int64_t)v, r->nDec);
}

/* BOOL: true in iArg percent of the rows (30 when 0). */
void kqlGenBool(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, kqlGenPct(&p->rng, pCol->iArg ? (uint32_t)pCol->iArg : 30) ? "true" : "false");
}

/******************************** places ************************************/

typedef struct Place Place;
struct Place { const char *zCity, *zState, *zCountry; int iLat, iLon; /* 1e-4 degrees */ };
static const Place aPlace[] = {
  { "Seattle", "Washington", "US", 476062, -1223321 },
  { "New York", "New York", "US", 407128, -740060 },
  { "Redmond", "Washington", "US", 476740, -1221215 },
  { "London", "England", "GB", 515074, -1278 },
  { "Dublin", "Leinster", "IE", 533498, -62603 },
  { "Amsterdam", "North Holland", "NL", 523676, 49041 },
  { "Frankfurt am Main", "Hesse", "DE", 501109, 86821 },
  { "Paris", "Île-de-France", "FR", 488566, 23522 },
  { "Toronto", "Ontario", "CA", 436532, -793832 },
  { "Bengaluru", "Karnataka", "IN", 129716, 775946 },
  { "Tokyo", "Tokyo", "JP", 356762, 1396503 },
  { "Sydney", "New South Wales", "AU", -338688, 1512093 },
  { "São Paulo", "São Paulo", "BR", -235505, -466333 },
  { "Singapore", "Singapore", "SG", 13521, 1038198 },
  { "Moscow", "Moscow", "RU", 557558, 376173 },
  { "Lagos", "Lagos", "NG", 65244, 33792 },
};

static const Place *rowPlace(const KqlGen *p){
  uint64_t k = (p->row.iNonce>>40) % 1000;
  /* the first three places (the company's own) in half of the rows */
  if( k<500 ) return &aPlace[k%3];
  return &aPlace[k % N(aPlace)];
}

void kqlGenLatitude(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutFixed(b, rowPlace(p)->iLat, 4);
}

void kqlGenLongitude(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutFixed(b, rowPlace(p)->iLon, 4);
}

/* GEO: iArg 0 city, 1 state, 2 country code. */
void kqlGenGeo(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const Place *pl = rowPlace(p);
  kqlGenPuts(b, pCol->iArg==0 ? pl->zCity : pCol->iArg==1 ? pl->zState : pl->zCountry);
}

/****************************** free text ***********************************/

/* MSG: a message made from a template; argument 1: syslog-style lines. */
void kqlGenMessage(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  static const char *const azTpl[] = {
    "Traffic %a, policy=Outbound-web, %s:%q -> %D:%P",
    "Connection from %s:%q to %D:%P %a",
    "User %u logged on to %h from %s",
    "Process %n started by CONTOSO\\%u on %h",
    "Accepted publickey for %u from %s port %q ssh2",
    "Failed password for %u from %s port %q ssh2",
    "File %f was modified by %u",
    "DNS query for %d returned NOERROR",
    "Scheduled task \\Microsoft\\Windows\\Updater created by CONTOSO\\%u",
    "Session closed for user %u",
  };
  static const char *const azSyslog[] = {
    "Accepted publickey for %u from %s port %q ssh2: RSA SHA256:%r",
    "pam_unix(sshd:session): session opened for user %u(uid=1000) by (uid=0)",
    "Failed password for invalid user admin from %s port %q ssh2",
    "%u : TTY=pts/0 ; PWD=/home/%u ; USER=root ; COMMAND=/usr/bin/systemctl restart nginx",
    "(root) CMD (/usr/lib/php/sessionclean)",
    "Started Session %q of User %u.",
    "Connection closed by %s port %q [preauth]",
    "DHCPACK of %s from 10.30.0.1",
    "Received disconnect from %s port %q:11: disconnected by user",
    "kernel: [UFW BLOCK] IN=eth0 OUT= SRC=%s DST=%D PROTO=TCP SPT=%q DPT=%P",
  };
  const char *zOver = pCol->eRole ? p->row.azOver[pCol->eRole] : 0;
  if( zOver ){ kqlGenPuts(b, zOver); return; }
  if( pCol->iArg==1 ){
    kqlGenExpand(p, azSyslog[kqlGenSkew(&p->rng, N(azSyslog))], KQL_PROC_EXE, b);
  }else{
    kqlGenExpand(p, azTpl[kqlGenSkew(&p->rng, N(azTpl))], KQL_PROC_EXE, b);
  }
}

void kqlGenCefExtension(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenExpand(p, "PanOSRuleName=Outbound-%a;PanOSSessionID=", KQL_PROC_EXE, b);
  kqlGenPutUint(b, (p->row.iNonce>>20) % 900000 + 100000);
  kqlGenPuts(b, ";PanOSDestinationLocation=");
  kqlGenPuts(b, rowPlace(p)->zCountry);
  kqlGenPuts(b, ";PanOSSourceLocation=10.0.0.0-10.255.255.255");
}

/* EMAIL: iArg 0 the row's user, 1 an outside sender, 2 either. */
void kqlGenEmail(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  int bOutside = pCol->iArg==1 || (pCol->iArg==2 && kqlGenPct(&p->rng, 30));
  if( bOutside ){
    static const char *const azBox[] = { "noreply", "info", "billing", "support", "hr", "ceo" };
    kqlGenPuts(b, azBox[kqlGenSkew(&p->rng, N(azBox))]);
    kqlGenPutc(b, '@');
    kqlGenPuts(b, p->pPool->aSite[p->row.iSite<0 ? 0 : p->row.iSite].zDomain);
  }else{
    kqlGenPuts(b, p->pPool->aUser[pCol->bTarget ? p->row.iUser2 : p->row.iUser].zUpn);
  }
}

/* n (1..3) distinct entries of list eList, picked from the row. */
static int pickSome(KqlGen *p, int eList, int aPick[3]){
  const KqlGenList *l = kqlGenList(eList);
  int n = 1 + (int)kqlGenSkew(&p->rng, 3);
  int i0 = (int)kqlGenBelow(&p->rng, (uint32_t)l->n);
  for(int i=0; i<n; i++) aPick[i] = (i0 + 3*i) % l->n;
  return n;
}

static void listText(KqlGen *p, int eList, KqlGenBuf *b){
  int a[3], n = pickSome(p, eList, a);
  for(int i=0; i<n; i++){
    if( i ) kqlGenPuts(b, ", ");
    kqlGenPuts(b, kqlGenList(eList)->az[a[i]]);
  }
}

static void listJson(KqlGen *p, int eList, KqlGenBuf *b){
  int a[3], n = pickSome(p, eList, a);
  kqlGenPutc(b, '[');
  for(int i=0; i<n; i++){
    const char *z = kqlGenList(eList)->az[a[i]];
    if( i ) kqlGenPutc(b, ',');
    kqlGenPutJsonStr(b, z, (int)strlen(z));
  }
  kqlGenPutc(b, ']');
}

void kqlGenTacticsText(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  listText(p, KQL_L_TACTIC, b);
}

void kqlGenTechniquesText(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  listText(p, KQL_L_TECHNIQUE, b);
}

/******************************* dynamic ************************************/

/* "key": */
static void putKey(KqlGenBuf *b, const char *zKey){
  kqlGenPutJsonStr(b, zKey, (int)strlen(zKey));
  kqlGenPutc(b, ':');
}

/* "key":"text", with the text JSON-escaped. */
static void putKeyStr(KqlGenBuf *b, const char *zKey, const char *z){
  putKey(b, zKey);
  kqlGenPutJsonStr(b, z, (int)strlen(z));
}

/* "key":"..." with template zTpl expanded (kqlGenExpand) and escaped. */
static void putKeyExpand(KqlGen *p, KqlGenBuf *b, const char *zKey, const char *zTpl, int eProc){
  char zTmp[512];
  KqlGenBuf t = { zTmp, 0, (int)sizeof(zTmp) };
  kqlGenExpand(p, zTpl, eProc, &t);
  putKey(b, zKey);
  kqlGenPutJsonStr(b, t.z, t.n);
}

/* A property bag: 1 to 4 keys from a per-column starting point. */
void kqlGenDynBag(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenList *l = kqlGenList(KQL_L_EXTRAKEY);
  int n = 1 + (int)kqlGenSkew(&p->rng, 4);
  int i0 = (int)(pCol->iSalt % (uint64_t)l->n);
  kqlGenPutc(b, '{');
  for(int i=0; i<n; i++){
    int k = (i0 + i) % l->n;
    const char *zKey = l->az[k];
    if( i ) kqlGenPutc(b, ',');
    switch( k ){
      case 0: putKeyStr(b, zKey, p->row.bOut ? "Out" : "In"); break;
      case 1: putKeyExpand(p, b, zKey, "%d", 0); break;
      case 2: putKeyExpand(p, b, zKey, "/api/v1/items?id=%r", 0); break;
      case 3: putKey(b, zKey); kqlGenPutUint(b, (uint64_t)p->row.iPortDst); break;
      case 4: putKey(b, zKey); kqlGenPuts(b, p->row.iNonce & 1 ? "true" : "false"); break;
      case 5: putKey(b, zKey); kqlGenPutUint(b, p->row.aPid[KQL_PROC_INIT]); break;
      case 6: putKeyExpand(p, b, zKey, "%n", KQL_PROC_INIT); break;
      case 7: putKeyStr(b, zKey, p->row.iSvc==3 ? "Udp" : "Tcp"); break;
      case 8: putKey(b, zKey); kqlGenPutUint(b, 1 + kqlGenSkew(&p->rng, 20)); break;
      case 9: putKeyStr(b, zKey, p->row.bFail ? "Failure" : "Success"); break;
      case 10: putKeyStr(b, zKey, kqlGenList(KQL_L_WORD)->az[kqlGenSkew(&p->rng, 8)]); break;
      default: putKeyStr(b, zKey, kqlGenList(KQL_L_NAMEWORD)->az[kqlGenSkew(&p->rng, 8)]); break;
    }
  }
  kqlGenPutc(b, '}');
}

/* Entities as SecurityAlert and SecurityIncident carry them. */
void kqlGenDynEntities(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenPools *P = p->pPool;
  const KqlGenHost *h = &P->aHost[p->row.iHost];
  const KqlGenUser *u = &P->aUser[p->row.iUser];
  int n = 1 + (int)kqlGenSkew(&p->rng, 3);
  kqlGenPuts(b, "[{\"$id\":\"2\",\"Type\":\"host\",\"HostName\":");
  kqlGenPutJsonStr(b, h->zName, (int)strlen(h->zName));
  kqlGenPuts(b, ",\"DnsDomain\":\"contoso.local\",\"OSFamily\":\"Windows\"}");
  if( n>=2 ){
    kqlGenPuts(b, ",{\"$id\":\"3\",\"Type\":\"account\",\"Name\":");
    kqlGenPutJsonStr(b, u->zSam, (int)strlen(u->zSam));
    kqlGenPuts(b, ",\"NTDomain\":\"CONTOSO\",\"UPNSuffix\":\"contoso.com\"}");
  }
  if( n>=3 ){
    kqlGenPuts(b, ",{\"$id\":\"4\",\"Type\":\"ip\",\"Address\":\"");
    putSideIp(p, 0, b);
    kqlGenPuts(b, "\"}");
  }
  kqlGenPutc(b, ']');
}

void kqlGenDynWords(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  listJson(p, pCol->iSalt & 1 ? KQL_L_NAMEWORD : KQL_L_WORD, b);
}

void kqlGenDynGuids(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  int n = 1 + (int)kqlGenSkew(&p->rng, 3);
  kqlGenPutc(b, '[');
  for(int i=0; i<n; i++){
    uint64_t v = kqlGenMix(p->row.iNonce ^ pCol->iSalt ^ (uint64_t)i);
    if( i ) kqlGenPutc(b, ',');
    kqlGenPutc(b, '"');
    kqlGenPutGuid(b, v, kqlGenMix(v));
    kqlGenPutc(b, '"');
  }
  kqlGenPutc(b, ']');
}

void kqlGenDynTactics(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  listJson(p, KQL_L_TACTIC, b);
}

void kqlGenDynTechniques(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  listJson(p, KQL_L_TECHNIQUE, b);
}

/* LocationDetails of SigninLogs. */
void kqlGenDynLocation(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const Place *pl = rowPlace(p);
  kqlGenPutc(b, '{');
  putKeyStr(b, "city", pl->zCity);
  kqlGenPutc(b, ',');
  putKeyStr(b, "state", pl->zState);
  kqlGenPutc(b, ',');
  putKeyStr(b, "countryOrRegion", pl->zCountry);
  kqlGenPuts(b, ",\"geoCoordinates\":{\"latitude\":");
  kqlGenPutFixed(b, pl->iLat, 4);
  kqlGenPuts(b, ",\"longitude\":");
  kqlGenPutFixed(b, pl->iLon, 4);
  kqlGenPuts(b, "}}");
}

/* DeviceDetail of SigninLogs. */
void kqlGenDynDevice(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  static const char *const azBrowser[] = { "Edge 125.0.0", "Chrome 125.0.0", "Firefox 126.0", "Safari 17.5", "Rich Client 4.61.0.0" };
  const KqlGenHost *h = &p->pPool->aHost[p->row.iHost];
  int bManaged = (p->row.iNonce>>8) % 5 != 0;
  kqlGenPuts(b, "{\"deviceId\":\"");
  if( bManaged ) kqlGenPutGuid(b, kqlGenMix(h->iId+2), kqlGenMix(h->iId+3));
  kqlGenPuts(b, "\",\"displayName\":");
  if( bManaged ) kqlGenPutJsonStr(b, h->zName, (int)strlen(h->zName));
  else kqlGenPuts(b, "\"\"");
  kqlGenPutc(b, ',');
  putKeyStr(b, "operatingSystem", kqlGenList(KQL_L_OSPLATFORM)->az[h->eOs]);
  kqlGenPutc(b, ',');
  putKeyStr(b, "browser", azBrowser[(p->row.iNonce>>12) % N(azBrowser)]);
  kqlGenPuts(b, bManaged ? ",\"isCompliant\":true,\"isManaged\":true,\"trustType\":\"Azure AD joined\"}"
                         : ",\"isCompliant\":false,\"isManaged\":false,\"trustType\":\"\"}");
}

/* Status of SigninLogs: agrees with the row's result code. */
void kqlGenDynStatus(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  KqlGenCol c = *pCol;
  char zTmp[256];
  KqlGenBuf t = { zTmp, 0, (int)sizeof(zTmp) };
  kqlGenPuts(b, "{\"errorCode\":");
  c.iArg = 2;
  kqlGenResult(p, &c, b);
  if( p->row.bFail ){
    c.iArg = 3;
    kqlGenResult(p, &c, &t);
    kqlGenPuts(b, ",\"failureReason\":");
    kqlGenPutJsonStr(b, t.z, t.n);
  }
  kqlGenPutc(b, '}');
}

/* ConditionalAccessPolicies of SigninLogs. */
void kqlGenDynCaPolicies(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  static const char *const azPolicy[] = {
    "Require MFA for all users", "Block legacy authentication", "Require compliant device for admins",
  };
  kqlGenPutc(b, '[');
  for(int i=0; i<N(azPolicy); i++){
    uint64_t v = kqlGenMix(p->pPool->iTenant[1] + (uint64_t)i);
    const char *zRes = i==0 ? (p->row.bFail ? "failure" : "success") : i==1 ? "notApplied" : "notEnabled";
    if( i ) kqlGenPutc(b, ',');
    kqlGenPuts(b, "{\"id\":\"");
    kqlGenPutGuid(b, v, kqlGenMix(v));
    kqlGenPuts(b, "\",");
    putKeyStr(b, "displayName", azPolicy[i]);
    kqlGenPuts(b, ",\"enforcedGrantControls\":[\"Mfa\"],");
    putKeyStr(b, "result", zRes);
    kqlGenPutc(b, '}');
  }
  kqlGenPutc(b, ']');
}
