/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The row context and the value generators for times, network fields
** (addresses, ports, protocols, bytes, domains, URLs), hosts and accounts.
** kqlGenRowBegin() draws everything one row's columns must agree on: the
** row's time, traffic direction, host and user, the source and
** destination address and port, the service, the firewall vendor and
** action. Generators then only format what the row holds, so SourceIP,
** LocalIP and SrcIpAddr of one row are the same address, DeviceName and
** DeviceId name the same machine, and AccountName, AccountUpn and
** AccountSid the same person.
**
** Every kqlGen<Name>() generator here is a KqlGenFn (genInt.h): it writes
** one value of column pCol for the current row p->row into b, never more
** than b holds, and allocates nothing.
*/
#include "genInt.h"

#define N(a) ((int)(sizeof(a)/sizeof((a)[0])))

/* Services: what an outbound or inbound connection talks to. */
typedef struct Service Service;
struct Service { int iPort; const char *zProto; int iProto; const char *zApp; };
static const Service aSvc[] = {
  { 443, "TCP", 6, "ssl" },        { 443, "TCP", 6, "ssl" },       { 80, "TCP", 6, "web-browsing" },
  { 53, "UDP", 17, "dns" },        { 443, "TCP", 6, "ms-office365" }, { 123, "UDP", 17, "ntp" },
  { 445, "TCP", 6, "ms-ds-smb" },  { 3389, "TCP", 6, "ms-rdp" },  { 22, "TCP", 6, "ssh" },
  { 25, "TCP", 6, "smtp" },        { 389, "TCP", 6, "ldap" },     { 88, "TCP", 6, "kerberos" },
  { 135, "TCP", 6, "msrpc" },      { 8080, "TCP", 6, "http-proxy" }, { 1433, "TCP", 6, "mssql-db" },
  { 5985, "TCP", 6, "winrm" },     { 993, "TCP", 6, "imaps" },    { 3306, "TCP", 6, "mysql" },
  { 8443, "TCP", 6, "ssl" },       { 0, "ICMP", 1, "ping" },
};

/* CEF vendors: DeviceVendor, DeviceProduct, DeviceVersion, appliance name. */
typedef struct Vendor Vendor;
struct Vendor { const char *azField[3]; const char *zAppliance; };
static const Vendor aVendor[] = {
  { { "Palo Alto Networks", "PAN-OS", "10.2.4" }, "PA-5220-EDGE01" },
  { { "Fortinet", "Fortigate", "7.2.5" }, "FGT-BRANCH-02" },
  { { "Check Point", "VPN-1 & FireWall-1", "R81.20" }, "CP-GW-01" },
  { { "Zscaler", "NSSWeblog", "6.1" }, "zs-nss-01" },
  { { "Cisco", "ASA", "9.16.4" }, "ASA-DC-01" },
};

/* Windows security events. */
typedef struct WinEvent WinEvent;
struct WinEvent { int iId; const char *zText; };
static const WinEvent aEvent[] = {
  { 4624, "An account was successfully logged on." },
  { 4688, "A new process has been created." },
  { 4625, "An account failed to log on." },
  { 4672, "Special privileges assigned to new logon." },
  { 4656, "A handle to an object was requested." },
  { 5136, "A directory service object was modified." },
  { 4663, "An attempt was made to access an object." },
  { 4657, "A registry value was modified." },
  { 4634, "An account was logged off." },
  { 4648, "A logon was attempted using explicit credentials." },
  { 4768, "A Kerberos authentication ticket (TGT) was requested." },
  { 4769, "A Kerberos service ticket was requested." },
  { 4776, "The computer attempted to validate the credentials for an account." },
  { 4720, "A user account was created." },
  { 4728, "A member was added to a security-enabled global group." },
  { 4732, "A member was added to a security-enabled local group." },
  { 4740, "A user account was locked out." },
  { 4798, "A user's local group membership was enumerated." },
  { 5140, "A network share object was accessed." },
  { 7045, "A service was installed in the system." },
  { 4698, "A scheduled task was created." },
  { 1102, "The audit log was cleared." },
};

int kqlGenEventCount(void){ return N(aEvent); }
int kqlGenEventNumber(int i){ return aEvent[i % N(aEvent)].iId; }
const char *kqlGenEventText(int i){ return aEvent[i % N(aEvent)].zText; }

static const KqlGenHost *rowHost(const KqlGen *p, const KqlGenCol *pCol);

/* The planted text for an address column without a side, or NULL. */
static const char *otherOverride(const KqlGen *p, const KqlGenCol *pCol){
  return pCol->eRole==KQL_ROLE_IPOTHER ? p->row.azOver[KQL_ROLE_IPOTHER] : 0;
}

/* Is the IPv4 address on the run's avoid list (planted IOCs, decoys)? */
static int avoided(const KqlGen *p, uint32_t ip){
  for(int i=0; i<p->nAvoid; i++) if( p->aAvoid4[i]==ip ) return 1;
  return 0;
}

/* ip, or a neighbour of it when ip is on the avoid list. */
static uint32_t notAvoided(const KqlGen *p, uint32_t ip){
  while( avoided(p, ip) ) ip++;
  return ip;
}

uint32_t kqlGenPublicIp(KqlGen *p){
  uint32_t ip;
  do{ ip = kqlGenPublicIpRng(&p->rng); }while( avoided(p, ip) );
  return ip;
}

/* An ephemeral client port. */
static int ephemeralPort(KqlGenRng *r){
  return 49152 + (int)kqlGenBelow(r, 16384);
}

/* Ticks t with the row's precision: whole seconds, ms, or 100 ns. */
static int64_t truncTicks(int64_t t, int nFrac){
  if( nFrac==0 ) return t - t % KQL_TICKS_PER_SECOND;
  if( nFrac==3 ) return t - t % 10000;
  return t;
}

/* An executable picked by weight; bParent: only likely parents. */
static int pickExe(const KqlGenPools *P, KqlGenRng *r, int bParent){
  const int *aCum = bParent ? P->aParentCum : P->aExeCum;
  int n = P->nExe < 64 ? P->nExe : 64;
  int v = (int)kqlGenBelow(r, (uint32_t)aCum[n-1]);
  for(int i=0; i<n; i++) if( v < aCum[i] ) return i;
  return 0;
}

void kqlGenRowBegin(KqlGen *p, int64_t iRow){
  KqlGenRow *w = &p->row;
  KqlGenRng *r = &p->rng;
  const KqlGenPools *P = p->pPool;
  double u = (double)(kqlGenRand(r)>>11) * (1.0/9007199254740992.0);
  int64_t t = p->iStart + (int64_t)(((double)iRow + u) / (double)p->pOpts->nRow * (double)p->nSpan);
  uint32_t k;

  if( t >= p->iStart + p->nSpan ) t = p->iStart + p->nSpan - 1;
  memset(w->azOver, 0, sizeof(w->azOver));
  w->mForce = 0;
  w->iRow = iRow;
  k = kqlGenBelow(r, 10);
  w->nFrac = k<4 ? 0 : k<7 ? 3 : 7;
  w->iTime = truncTicks(t, w->nFrac);
  w->bOut = kqlGenPct(r, 82);
  w->iHost = (int)kqlGenSkew(r, KQL_GEN_NHOST);
  w->iHost2 = (int)kqlGenBelow(r, KQL_GEN_NHOST);
  w->iUser = (int)kqlGenSkew(r, KQL_GEN_NUSER);
  w->iUser2 = (int)kqlGenBelow(r, KQL_GEN_NUSER);
  w->aFile[KQL_PROC_EXE] = pickExe(P, r, 0);
  w->aFile[KQL_PROC_INIT] = pickExe(P, r, 0);
  w->aFile[KQL_PROC_PARENT] = pickExe(P, r, 1);
  w->aFile[KQL_PROC_FILE] = kqlGenPct(r, 70)
      ? P->nExe + (int)kqlGenBelow(r, KQL_GEN_NFILE - P->nExe) : pickExe(P, r, 0);
  for(int i=0; i<4; i++) w->aPid[i] = 4*(1 + kqlGenBelow(r, 9000));
  w->iSvc = (int)kqlGenSkew(r, N(aSvc));
  w->iSite = (int)kqlGenSkew(r, KQL_GEN_NSITE);
  if( w->bOut ){
    w->ipSrc = notAvoided(p, P->aHost[w->iHost].ip);
    w->ipDst = kqlGenPct(r, 85) ? notAvoided(p, P->aSite[w->iSite].ip) : kqlGenPublicIp(p);
  }else{
    w->ipSrc = kqlGenPublicIp(p);
    w->ipDst = notAvoided(p, P->aHost[w->iHost2].ip);
  }
  w->iPortSrc = ephemeralPort(r);
  w->iPortDst = aSvc[w->iSvc].iPort;
  w->iVendor = (int)kqlGenSkew(r, N(aVendor));
  k = kqlGenBelow(r, 100);
  w->iAction = k<78 ? 0 : k<90 ? 1 : k<97 ? 2 : 3;
  w->bFail = w->iAction!=0;
  w->iEvent = (int)kqlGenSkew(r, N(aEvent));
  if( w->bFail && aEvent[w->iEvent].iId==4624 ) w->iEvent = 2;   /* 4625 */
  w->iApp = (int)kqlGenSkew(r, (uint32_t)kqlGenList(KQL_L_APPNAME)->n);
  w->iNonce = kqlGenRand(r);
}

/******************************** times *************************************/

void kqlGenTimeRow(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutTime(b, p->row.iTime, p->row.nFrac);
}

void kqlGenTimeRecv(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  int64_t d = 2000000 + (int64_t)kqlGenBelow(&p->rng, 1200000000u);
  kqlGenPutTime(b, p->row.iTime + d, 7);
}

void kqlGenTimeBefore(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  int64_t nSec = 1 + (int64_t)(kqlGenRand(&p->rng) % (1u << kqlGenBelow(&p->rng, 15)));
  int64_t t = p->row.iTime - nSec*KQL_TICKS_PER_SECOND - (int64_t)kqlGenBelow(&p->rng, 10000000);
  kqlGenPutTime(b, truncTicks(t, p->row.nFrac), p->row.nFrac);
}

void kqlGenTimeRecent(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  int64_t d = (int64_t)(kqlGenRand(&p->rng) % (uint64_t)(7*KQL_TICKS_PER_DAY));
  kqlGenPutTime(b, truncTicks(p->row.iTime - d, p->row.nFrac), p->row.nFrac);
}

void kqlGenTimePast(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  int64_t d = 30*KQL_TICKS_PER_DAY + (int64_t)(kqlGenRand(&p->rng) % (uint64_t)(1000*KQL_TICKS_PER_DAY));
  kqlGenPutTime(b, truncTicks(p->row.iTime - d, 0), 0);
}

void kqlGenTimeFuture(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  int64_t d = KQL_TICKS_PER_DAY + (int64_t)(kqlGenRand(&p->rng) % (uint64_t)(700*KQL_TICKS_PER_DAY));
  kqlGenPutTime(b, truncTicks(p->row.iTime + d, 0), 0);
}

void kqlGenSpan(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  uint32_t nSec = (uint32_t)(kqlGenRand(&p->rng) % (1u << kqlGenBelow(&p->rng, 18)));
  if( nSec>=86400 ){
    kqlGenPutUint(b, nSec/86400);
    kqlGenPutc(b, '.');
  }
  kqlGenPutPad(b, nSec/3600%24, 2);
  kqlGenPutc(b, ':');
  kqlGenPutPad(b, nSec/60%60, 2);
  kqlGenPutc(b, ':');
  kqlGenPutPad(b, nSec%60, 2);
}

/******************************* network ************************************/

/* The address of one side (bSrc: the source), as planted if it was. */
static void ipOfSide(KqlGen *p, int bSrc, KqlGenBuf *b){
  const char *zOver = p->row.azOver[bSrc ? KQL_ROLE_IPSRC : KQL_ROLE_IPDST];
  if( zOver ){ kqlGenPuts(b, zOver); return; }
  kqlGenPutIp4(b, bSrc ? p->row.ipSrc : p->row.ipDst);
}
void kqlGenIpSrc(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){ ipOfSide(p, 1, b); }
void kqlGenIpDst(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){ ipOfSide(p, 0, b); }
/* IPANY: a side chosen by the column name's hash (see gen_rules.c). */
void kqlGenIpAny(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  ipOfSide(p, pCol->eRole==KQL_ROLE_IPSRC, b);
}
/* The device's own side: the source of outbound traffic, the destination
** of inbound; never planted. */
void kqlGenIpLocal(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const char *zOver = otherOverride(p, pCol);
  if( zOver ){ kqlGenPuts(b, zOver); return; }
  kqlGenPutIp4(b, p->row.bOut ? p->row.ipSrc : p->row.ipDst);
}
/* The other side of the connection, whatever its direction. */
void kqlGenIpRemote(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  ipOfSide(p, !p->row.bOut, b);
}

void kqlGenIpDevice(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const char *zOver = otherOverride(p, pCol);
  if( zOver ){ kqlGenPuts(b, zOver); return; }
  kqlGenPutIp4(b, notAvoided(p, rowHost(p, pCol)->ip));
}

void kqlGenIpNat(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const char *zOver = otherOverride(p, pCol);
  if( zOver ){ kqlGenPuts(b, zOver); return; }
  kqlGenPutIp4(b, notAvoided(p, p->pPool->aNatIp[p->row.iVendor % 4]));
}

void kqlGenIpPublic(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const char *zOver = otherOverride(p, pCol);
  if( zOver ){ kqlGenPuts(b, zOver); return; }
  kqlGenPutIp4(b, kqlGenPublicIp(p));
}

void kqlGenIpV6(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  uint64_t v = kqlGenRand(&p->rng);
  if( v & 1 ){
    kqlGenPuts(b, "fe80::");
    for(int i=0; i<4; i++){
      if( i ) kqlGenPutc(b, ':');
      kqlGenPutHex(b, (v>>(8 + 14*i)) | 0x1000, 4);
    }
  }else{
    kqlGenPuts(b, "2603:1030:");
    kqlGenPutHex(b, (v>>8) | 0x100, 3);
    kqlGenPuts(b, ":");
    kqlGenPutHex(b, (v>>20) | 0x1000, 4);
    kqlGenPuts(b, "::");
    kqlGenPutHex(b, (v>>40) | 0x10, 2);
  }
}

void kqlGenIpList(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  int n = 1 + (int)kqlGenSkew(&p->rng, 3);
  kqlGenPutc(b, '[');
  for(int i=0; i<n; i++){
    if( i ) kqlGenPutc(b, ',');
    kqlGenPutc(b, '"');
    kqlGenPutIp4(b, i==0 ? p->row.ipSrc : i==1 ? p->row.ipDst : kqlGenPublicIp(p));
    kqlGenPutc(b, '"');
  }
  kqlGenPutc(b, ']');
}

void kqlGenMac(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  int iHost = pCol->bTarget ? p->row.iHost2 : p->row.iHost;
  uint64_t v = p->pPool->aHost[iHost].iId;
  kqlGenPuts(b, "00:15:5d");
  for(int i=0; i<3; i++){
    kqlGenPutc(b, ':');
    kqlGenPutHex(b, v>>(8*i), 2);
  }
}

/* The port of one side (bSrc: the source), as planted if it was. */
static void portOfSide(KqlGen *p, int bSrc, KqlGenBuf *b){
  const char *zOver = p->row.azOver[bSrc ? KQL_ROLE_PORTSRC : KQL_ROLE_PORTDST];
  if( zOver ){ kqlGenPuts(b, zOver); return; }
  kqlGenPutUint(b, (uint64_t)(bSrc ? p->row.iPortSrc : p->row.iPortDst));
}
void kqlGenPortSrc(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){ portOfSide(p, 1, b); }
void kqlGenPortDst(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){ portOfSide(p, 0, b); }
void kqlGenPortLocal(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutUint(b, (uint64_t)(p->row.bOut ? p->row.iPortSrc : p->row.iPortDst));
}
void kqlGenPortRemote(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  portOfSide(p, !p->row.bOut, b);
}

void kqlGenPortSvc(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutUint(b, (uint64_t)aSvc[kqlGenSkew(&p->rng, N(aSvc)-1)].iPort);
}

void kqlGenProto(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, aSvc[p->row.iSvc].zProto);
}

void kqlGenProtoNum(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutUint(b, (uint64_t)aSvc[p->row.iSvc].iProto);
}

void kqlGenAppProto(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, aSvc[p->row.iSvc].zApp);
}

void kqlGenDirection(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, p->row.bOut ? "Outbound" : "Inbound");
}

void kqlGenBytes(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  uint64_t v = kqlGenRand(&p->rng);
  int nBit = 6 + (int)kqlGenBelow(&p->rng, 20);
  kqlGenPutUint(b, (1ULL<<nBit) + (v & ((1ULL<<nBit)-1)));
}

void kqlGenPackets(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutUint(b, 1 + kqlGenSkew(&p->rng, 4000));
}

/* The external site of the row; the first site when the row has none. */
static const KqlGenSite *rowSite(const KqlGen *p){
  return &p->pPool->aSite[p->row.iSite<0 ? 0 : p->row.iSite];
}

void kqlGenFqdn(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  if( p->row.iSite<0 ) return;
  kqlGenPuts(b, rowSite(p)->zDomain);
}

void kqlGenUrl(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  static const char *const azPath[] = {
    "/", "/index.html", "/api/v1/status", "/owa/", "/login", "/search?q=quarterly+report",
    "/lib/app.js?v=3", "/images/logo.png", "/download/setup.exe", "/wp-content/uploads/invoice.zip",
    "/common/oauth2/v2.0/authorize", "/gate.php",
  };
  const char *zOver = p->row.azOver[KQL_ROLE_URL];
  if( zOver && pCol->eRole==KQL_ROLE_URL ){ kqlGenPuts(b, zOver); return; }
  if( p->row.iSite<0 ) return;
  kqlGenPuts(b, aSvc[p->row.iSvc].iPort==80 ? "http://" : "https://");
  kqlGenPuts(b, rowSite(p)->zDomain);
  kqlGenPuts(b, azPath[kqlGenSkew(&p->rng, N(azPath))]);
}

/******************************** hosts *************************************/

/* The row's host (or target host) for a column; a Linux one when the
** rule's argument is 1 (Syslog). */
static const KqlGenHost *rowHost(const KqlGen *p, const KqlGenCol *pCol){
  const KqlGenPools *P = p->pPool;
  int i = pCol->bTarget ? p->row.iHost2 : p->row.iHost;
  if( pCol->iArg==1 && (pCol->eGen==KQL_G_HOST || pCol->eGen==KQL_G_HOSTFQDN
                     || pCol->eGen==KQL_G_IPDEV || pCol->eGen==KQL_G_RESID) ){
    i = P->iLinux0 + i % P->nLinux;
  }
  return &P->aHost[i];
}

/* HOST: the short name; argument 1: a Linux host. */
void kqlGenHost(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, rowHost(p, pCol)->zName);
}

void kqlGenHostFqdn(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, rowHost(p, pCol)->zFqdn);
}

void kqlGenHostSrc(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  if( p->row.bOut ) kqlGenPuts(b, p->pPool->aHost[p->row.iHost].zName);
}

void kqlGenHostDst(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  if( !p->row.bOut ) kqlGenPuts(b, p->pPool->aHost[p->row.iHost2].zName);
  else if( p->row.iSite>=0 ) kqlGenPuts(b, rowSite(p)->zDomain);
}

void kqlGenFirewall(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, aVendor[p->row.iVendor].zAppliance);
}

void kqlGenCollector(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, p->row.iVendor & 1 ? "syslog-fwd-02" : "syslog-fwd-01");
}

void kqlGenDeviceId(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  uint64_t v = rowHost(p, pCol)->iId;
  kqlGenPutHex(b, v, 16);
  kqlGenPutHex(b, kqlGenMix(v), 16);
  kqlGenPutHex(b, kqlGenMix(v+1), 8);
}

void kqlGenHostGuid(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  uint64_t v = rowHost(p, pCol)->iId;
  kqlGenPutGuid(b, kqlGenMix(v+2), kqlGenMix(v+3));
}

void kqlGenOs(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, kqlGenList(KQL_L_OSPLATFORM)->az[rowHost(p, pCol)->eOs]);
}

void kqlGenOsVersion(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, kqlGenList(KQL_L_OSVERSION)->az[rowHost(p, pCol)->eOs]);
}

/******************************* accounts ***********************************/

static const KqlGenUser *rowUser(const KqlGen *p, const KqlGenCol *pCol){
  return &p->pPool->aUser[pCol->bTarget ? p->row.iUser2 : p->row.iUser];
}

void kqlGenUser(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, rowUser(p, pCol)->zSam);
}

void kqlGenUpn(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, rowUser(p, pCol)->zUpn);
}

void kqlGenDisplay(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, rowUser(p, pCol)->zDisplay);
}

void kqlGenNtDomain(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, "CONTOSO");
}

void kqlGenDnsDomain(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, "contoso.local");
}

void kqlGenDomUser(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, "CONTOSO\\");
  kqlGenPuts(b, rowUser(p, pCol)->zSam);
}

void kqlGenSid(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const uint32_t *a = p->pPool->aDomainSid;
  kqlGenPuts(b, "S-1-5-21-");
  for(int i=0; i<3; i++){
    kqlGenPutUint(b, a[i]);
    kqlGenPutc(b, '-');
  }
  kqlGenPutUint(b, (uint64_t)rowUser(p, pCol)->iRid);
}

void kqlGenUserGuid(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  uint64_t v = rowUser(p, pCol)->iId;
  kqlGenPutGuid(b, kqlGenMix(v+5), kqlGenMix(v+6));
}

void kqlGenAppId(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  uint64_t v = kqlGenMix(p->pPool->iTenant[0] + (uint64_t)p->row.iApp);
  kqlGenPutGuid(b, v, kqlGenMix(v));
}

void kqlGenAppName(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, kqlGenList(KQL_L_APPNAME)->az[p->row.iApp]);
}

/***************************** vendors, events ******************************/

void kqlGenVendor(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, aVendor[p->row.iVendor].azField[pCol->iArg % 3]);
}

void kqlGenAction(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  static const char *const aaz[3][4] = {
    { "allow", "deny", "drop", "reset-both" },
    { "Allow", "Deny", "Drop", "Reset" },
    { "Allow", "Deny", "Deny", "Deny" },
  };
  kqlGenPuts(b, aaz[pCol->iArg % 3][p->row.iAction]);
}

void kqlGenEventId(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutUint(b, (uint64_t)aEvent[p->row.iEvent].iId);
}

void kqlGenEventActivity(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutUint(b, (uint64_t)aEvent[p->row.iEvent].iId);
  kqlGenPuts(b, " - ");
  kqlGenPuts(b, aEvent[p->row.iEvent].zText);
}

/* RESULT: iArg 0 Success/Failure, 1 Succeeded/Failed, 2 a sign-in result
** code ("0" or an AADSTS number), 3 its description. */
void kqlGenResult(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenList *pCode = kqlGenList(KQL_L_SIGNIN_RESULT);
  const KqlGenList *pDesc = kqlGenList(KQL_L_SIGNIN_RESULTDESC);
  int iFail = 3 + (int)(p->row.iNonce % (uint64_t)(pCode->n - 3));
  switch( pCol->iArg ){
    case 0: kqlGenPuts(b, p->row.bFail ? "Failure" : "Success"); break;
    case 1: kqlGenPuts(b, p->row.bFail ? "Failed" : "Succeeded"); break;
    case 2: kqlGenPuts(b, p->row.bFail ? pCode->az[iFail] : "0"); break;
    default: if( p->row.bFail ) kqlGenPuts(b, pDesc->az[iFail % pDesc->n]); break;
  }
}

/****************************** workspace ***********************************/

void kqlGenTableName(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPuts(b, p->pDef->zName);
}

void kqlGenTenant(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutGuid(b, p->pPool->iTenant[0], p->pPool->iTenant[1]);
}

void kqlGenSubscription(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutGuid(b, p->pPool->iSub[0], p->pPool->iSub[1]);
}

void kqlGenResourceId(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const KqlGenList *pRg = kqlGenList(KQL_L_RESGROUP);
  const KqlGenHost *h = rowHost(p, pCol);
  kqlGenPuts(b, "/subscriptions/");
  kqlGenPutGuid(b, p->pPool->iSub[0], p->pPool->iSub[1]);
  kqlGenPuts(b, "/resourcegroups/");
  kqlGenPuts(b, pRg->az[(h - p->pPool->aHost) % pRg->n]);
  kqlGenPuts(b, "/providers/microsoft.compute/virtualmachines/");
  for(const char *z = h->zName; *z; z++){
    char c = *z;
    kqlGenPutc(b, c>='A' && c<='Z' ? (char)(c+32) : c);
  }
}

void kqlGenGuid(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  uint64_t v = p->row.iNonce ^ pCol->iSalt;
  kqlGenPutGuid(b, kqlGenMix(v), kqlGenMix(v ^ 0x5555));
}
