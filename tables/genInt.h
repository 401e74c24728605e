/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** Internals of the synthetic table generator (gen.h), shared by gen.c (the
** row loop and the CSV/JSONL writers), gen_rules.c (column name patterns ->
** generators), gen_value.c and gen_text.c (the value generators), gen_pool.c
** (word lists and the entity pools: hosts, users, sites, files),
** gen_plant.c (IOC hits and decoys) and gen_util.c (PRNG, formatting).
**
** How a row is made: kqlGenRowBegin() draws the row's context (time,
** direction, host, user, processes, addresses, ports, vendor...) so that
** the columns of one row agree with each other; then each column's
** generator writes its value as text into a KqlGenBuf, and the writer
** quotes it for the output format according to the column's KQL type.
** Generators never allocate and never write more than the buffer holds.
*/
#ifndef KQL_GENINT_H
#define KQL_GENINT_H
#include "gen.h"
#include "types.h"
#include <stdint.h>
#include <string.h>

/******************************** PRNG **************************************/

/* xoshiro256** (Blackman and Vigna), seeded through splitmix64. */
typedef struct KqlGenRng KqlGenRng;
struct KqlGenRng { uint64_t s[4]; };

/* splitmix64's finalizer: a good 64-bit mix, used to hash seeds and names. */
static inline uint64_t kqlGenMix(uint64_t x){
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x>>30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x>>27)) * 0x94d049bb133111ebULL;
  return x ^ (x>>31);
}
static inline uint64_t kqlGenRand(KqlGenRng *r){
  uint64_t *s = r->s;
  uint64_t x = s[1]*5;
  uint64_t res = ((x<<7)|(x>>57))*9;
  uint64_t t = s[1]<<17;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
  s[2] ^= t;
  s[3] = (s[3]<<45)|(s[3]>>19);
  return res;
}
/* Uniform in [0, n) (n > 0). */
static inline uint32_t kqlGenBelow(KqlGenRng *r, uint32_t n){
  return (uint32_t)(((kqlGenRand(r)>>32) * (uint64_t)n) >> 32);
}
/* In [0, n), skewed toward 0 (density falls linearly): popular first. */
static inline uint32_t kqlGenSkew(KqlGenRng *r, uint32_t n){
  uint64_t u = kqlGenRand(r)>>32;
  u = (u*u)>>32;
  return (uint32_t)((u * n)>>32);
}
/* 1 with probability nPct percent. */
static inline int kqlGenPct(KqlGenRng *r, uint32_t nPct){
  return kqlGenBelow(r, 100) < nPct;
}
/* Seed r from a 64-bit value. */
void kqlGenSeed(KqlGenRng *r, uint64_t iSeed);
/* 64-bit hash of a string (for per-name salts). */
uint64_t kqlGenHashStr(const char *z);

/******************************** values ************************************/

/* Scratch buffer one value is written into. Appends past nCap are dropped. */
typedef struct KqlGenBuf KqlGenBuf;
struct KqlGenBuf {
  char *z;              /* the text (not NUL-terminated) */
  int n;                /* bytes used */
  int nCap;             /* bytes available */
};
#define KQL_GEN_VALUE_MAX 4096    /* capacity of the value buffer */

static inline void kqlGenPutc(KqlGenBuf *b, char c){
  if( b->n < b->nCap ) b->z[b->n++] = c;
}
static inline void kqlGenPutn(KqlGenBuf *b, const char *z, int n){
  if( n > b->nCap - b->n ) n = b->nCap - b->n;
  memcpy(b->z + b->n, z, (size_t)n);
  b->n += n;
}
static inline void kqlGenPuts(KqlGenBuf *b, const char *z){
  kqlGenPutn(b, z, (int)strlen(z));
}
/* Decimal unsigned / signed integer. */
void kqlGenPutUint(KqlGenBuf *b, uint64_t v);
void kqlGenPutInt(KqlGenBuf *b, int64_t v);
/* v zero-padded to nDigit decimal digits. */
void kqlGenPutPad(KqlGenBuf *b, uint64_t v, int nDigit);
/* nDigit lower-case hex digits of the low bits of v (nDigit <= 16). */
void kqlGenPutHex(KqlGenBuf *b, uint64_t v, int nDigit);
/* A fixed-point real: v / 10^nDec with nDec decimals ("-12.50"). */
void kqlGenPutFixed(KqlGenBuf *b, int64_t v, int nDec);
/* Dotted IPv4 address from a host-order 32-bit value. */
void kqlGenPutIp4(KqlGenBuf *b, uint32_t ip);
/* Lower-case guid 8-4-4-4-12 from 128 bits (version 4 bits set). */
void kqlGenPutGuid(KqlGenBuf *b, uint64_t hi, uint64_t lo);
/* ISO 8601 UTC datetime of ticks with nFrac (0, 3 or 7) fractional digits. */
void kqlGenPutTime(KqlGenBuf *b, int64_t ticks, int nFrac);
/* z[0..n) as a JSON string literal, quotes included. */
void kqlGenPutJsonStr(KqlGenBuf *b, const char *z, int n);
/* Case-sensitive glob: '*' any run, '?' one byte, '|' separates alternatives. */
int kqlGenGlob(const char *zPattern, const char *z);

/******************************** lists *************************************/

/* Word lists (gen_pool.c). ORDER: the X-macro fixes both the enum and the
** table of lists, so they cannot drift apart. Lists named ..._N hold
** integers and may feed int/long columns. */
#define KQL_GEN_LISTS \
  L(WORD) L(NAMEWORD) L(ACTIONTYPE_NET) L(ACTIONTYPE_PROC) L(ACTIONTYPE_FILE) \
  L(ACTIONTYPE_LOGON) L(ACTIONTYPE_REG) L(ACTIONTYPE_IMAGE) L(ACTIONTYPE_DEV) \
  L(ACTIONTYPE_ID) L(ACTIONTYPE) L(CEF_CLASS) L(CEF_ACTIVITY) L(CEF_CATEGORY) \
  L(FACILITY_CEF) L(SEVERITY) L(LEVEL) L(RISK) L(RESULT) L(STATUS) \
  L(SIGNIN_RESULT) L(SIGNIN_RESULTDESC) L(CLIENTAPP) L(AUTHREQ) L(CASTATUS) \
  L(USERTYPE) L(AUTHPROTO) L(AUTHMETHOD) L(OPERATION) L(OPERATION_AZ) \
  L(OPERATION_AAD) L(OPERATION_O365) L(CATEGORY) L(INTEGRITY) L(TOKENELEV) \
  L(SIGNERTYPE) L(SIGSTATUS) L(LOGONTYPE) L(LOGONTYPE_N) \
  L(HTTPSTATUS_N) L(HTTPMETHOD) L(USERAGENT) L(COUNTRY) L(CITY) L(REGION) \
  L(RESGROUP) L(MACHINEGROUP) L(SYSLOG_FAC) L(SYSLOG_SEV) L(SYSLOG_PROC) \
  L(DNSTYPE) L(DNSTYPE_N) L(DNSRCODE) L(DNSRCODE_N) L(REGKEY) L(REGVALNAME) \
  L(REGVALTYPE) L(TACTIC) L(TECHNIQUE) L(ALERTNAME) L(THREATTYPE) \
  L(CONFIDENCE) L(FILETYPE) L(MIMETYPE) L(LABEL) L(SERVICE) L(SOURCESYS) \
  L(CEF_LOGSEV) L(AWS_EVENT) L(GCP_METHOD) L(K8S_VERB) L(DIRECTION) \
  L(OSPLATFORM) L(OSVERSION) L(APPNAME) L(EMAILSUBJECT) L(DELIVERY) \
  L(BOOLWORD) L(EXTRAKEY) L(IFACE) L(ACCOUNTTYPE) L(ALERTPRODUCT) \
  L(RISKSTATE) L(RISKDETAIL) L(CASTATUS_N) L(TOKENISSUER) L(IPTYPE)

enum {
#define L(E) KQL_L_##E,
  KQL_GEN_LISTS
#undef L
  KQL_L_COUNT
};

typedef struct KqlGenList KqlGenList;
struct KqlGenList {
  const char *const *az;  /* the values, most common first */
  int n;                  /* how many */
};
/* List eList (KQL_L_*). */
const KqlGenList *kqlGenList(int eList);

/****************************** entity pools ********************************/

/* Pool sizes: enough variety for a lab, few enough to summarize by. */
#define KQL_GEN_NHOST  160
#define KQL_GEN_NUSER  240
#define KQL_GEN_NSITE  320
#define KQL_GEN_NFILE  160

typedef struct KqlGenHost KqlGenHost;
struct KqlGenHost {
  char zName[24];       /* "WS-0142", "SRV-DB01", "lnx-web-03" */
  char zFqdn[48];       /* "ws-0142.contoso.local" */
  uint32_t ip;          /* its private address */
  int eOs;              /* index into KQL_L_OSPLATFORM / OSVERSION */
  uint64_t iId;         /* stable 64-bit identity (device ids) */
};

typedef struct KqlGenUser KqlGenUser;
struct KqlGenUser {
  char zSam[24];        /* "jdoe" */
  char zDisplay[48];    /* "John Doe" (UTF-8) */
  char zUpn[64];        /* "john.doe@contoso.com" */
  int iRid;             /* relative id, the last part of the SID */
  uint64_t iId;         /* stable identity (object id) */
};

typedef struct KqlGenSite KqlGenSite;
struct KqlGenSite {
  char zDomain[48];     /* "login.microsoftonline.com" */
  uint32_t ip;          /* a public address it resolves to */
};

/* An executable or document. Executables come from a static table (with
** version info and command lines); documents are made up per seed. */
typedef struct KqlGenFile KqlGenFile;
struct KqlGenFile {
  char zName[48];       /* "powershell.exe", "Q3_budget_2026.xlsx" */
  const char *zFolder;  /* folder template; "%u" is the row's user */
  int iExe;             /* index into the executable table, or -1 */
  uint64_t iId;         /* stable identity (hashes, size) */
};

typedef struct KqlGenPools KqlGenPools;
struct KqlGenPools {
  KqlGenHost aHost[KQL_GEN_NHOST];
  KqlGenUser aUser[KQL_GEN_NUSER];
  KqlGenSite aSite[KQL_GEN_NSITE];
  KqlGenFile aFile[KQL_GEN_NFILE];
  int nExe;             /* aFile[0..nExe) are executables */
  int aExeCum[64];      /* cumulative weights of the executables */
  int aParentCum[64];   /* same, counting only likely parents */
  uint32_t aNatIp[4];   /* the firewalls' public addresses */
  int iLinux0, nLinux;  /* aHost[iLinux0..+nLinux) are the Linux hosts */
  uint64_t iTenant[2], iSub[2];   /* tenant and subscription guids */
  uint32_t aDomainSid[3];         /* S-1-5-21-a-b-c */
};

/* Build the pools from a seed (the same for every table of a run, so that
** host and user names agree across tables). */
void kqlGenPoolsInit(KqlGenPools *p, uint64_t iSeed);

/* An executable of the static table. */
typedef struct KqlGenExe KqlGenExe;
struct KqlGenExe {
  const char *zName;    /* file name */
  const char *zFolder;  /* folder, with trailing backslash or slash */
  const char *zCompany, *zProduct, *zDesc, *zVersion;
  const char *azCmd[3]; /* command-line templates (see gen_text.c) */
  int nWeight;          /* how often it runs (relative) */
  int bParent;          /* commonly a parent process */
};
/* The executable table and its size. */
const KqlGenExe *kqlGenExeAt(int i);
int kqlGenExeCount(void);

/******************************** a run *************************************/

/* Output kinds of generators, to check a column's type can take them. */
#define KQL_GO_TEXT  0    /* any text: string columns only */
#define KQL_GO_INT   1    /* an integer that fits 32 bits */
#define KQL_GO_LONG  2    /* a 64-bit integer */
#define KQL_GO_REAL  3    /* a decimal number */
#define KQL_GO_BOOL  4    /* true / false */
#define KQL_GO_TIME  5    /* ISO 8601 datetime */
#define KQL_GO_SPAN  6    /* [d.]hh:mm:ss timespan */
#define KQL_GO_GUID  7    /* a guid */
#define KQL_GO_JSON  8    /* a JSON object or array */
#define KQL_GO_NUM   9    /* numeric, kind fixed by the range argument */

/* Roles a planted row overrides (KqlGenCol.eRole). */
#define KQL_ROLE_NONE     0
#define KQL_ROLE_IPSRC    1   /* source-side address */
#define KQL_ROLE_IPDST    2   /* destination/remote address */
#define KQL_ROLE_PORTSRC  3
#define KQL_ROLE_PORTDST  4
#define KQL_ROLE_URL      5   /* URL-like text */
#define KQL_ROLE_MSG      6   /* free text (message, description) */
#define KQL_ROLE_IPOTHER  7   /* an address with no side (the device's own,
                              ** a NAT address): planted only in tables that
                              ** have no source or destination column */
#define KQL_ROLE_COUNT    8

/* Which of the row's processes or files a column describes. */
#define KQL_PROC_EXE      0   /* the process the event is about */
#define KQL_PROC_INIT     1   /* the initiating process */
#define KQL_PROC_PARENT   2   /* the initiating process's parent */
#define KQL_PROC_FILE     3   /* a file (document, dll, ...) */

typedef struct KqlGen KqlGen;
typedef struct KqlGenCol KqlGenCol;
typedef void (*KqlGenFn)(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b);

struct KqlGenCol {
  const char *zName;    /* column name (catalogue) */
  int eType;            /* KQL_T_* */
  int eGen;             /* KQL_G_*: the generator the rules chose */
  int iArg;             /* generator argument */
  int nFill;            /* percent of rows with a value */
  int iFollow;          /* column whose fill decision this one copies, or -1 */
  int eRole;            /* KQL_ROLE_* */
  int eProc;            /* KQL_PROC_* for process/file generators */
  int bTarget;          /* describes the target (second) user/host */
  uint64_t iSalt;       /* hash of the name: per-column vocabulary */
  KqlGenFn xGen;        /* the generator */
  int bClean;           /* its values never need CSV quoting */
};

/* The row being made: everything columns of one row must agree on. */
typedef struct KqlGenRow KqlGenRow;
struct KqlGenRow {
  int64_t iRow;         /* row number */
  int64_t iTime;        /* TimeGenerated, ticks */
  int nFrac;            /* fractional digits datetimes get in this row */
  int bOut;             /* outbound (1) or inbound (0) traffic */
  int iHost, iHost2;    /* hosts (device, target) */
  int iUser, iUser2;    /* users (actor, target) */
  int aFile[4];         /* KQL_PROC_* -> index into the file pool */
  uint32_t aPid[4];     /* process ids per KQL_PROC_* */
  int iSite;            /* external site, or -1 for none */
  int iSvc;             /* service (port, protocol, application) */
  uint32_t ipSrc, ipDst;/* addresses */
  int iPortSrc, iPortDst;
  int iVendor;          /* CEF vendor */
  int iAction;          /* 0 allow, 1 deny, 2 drop, 3 reset */
  int iEvent;           /* index into the Windows event table */
  int iApp;             /* index into KQL_L_APPNAME */
  int bFail;            /* the event failed (sign-in, logon) */
  uint64_t iNonce;      /* per-row random bits for ids */
  /* Planting: text that replaces the value of every column of a role. */
  const char *azOver[KQL_ROLE_COUNT];
  unsigned mForce;      /* roles whose columns must have a value (1<<role) */
};

/* The address values a run must never produce by chance. */
#define KQL_GEN_MAX_AVOID (KQL_GEN_MAX_IOC*4)

struct KqlGen {
  const KqlTableDef *pDef;    /* the table */
  const KqlGenOpts *pOpts;    /* the options */
  KqlGenPools *pPool;         /* entity pools */
  KqlGenRng rng;              /* row values */
  int nCol;
  KqlGenCol *aCol;            /* one per catalogue column */
  KqlGenRow row;              /* the current row */
  int64_t iStart;             /* first tick of the window */
  int64_t nSpan;              /* ticks in the window */
  int nAvoid;
  uint32_t aAvoid4[KQL_GEN_MAX_AVOID];  /* IPv4 values never generated */
};

/* Draw the context of row iRow (p->row). */
void kqlGenRowBegin(KqlGen *p, int64_t iRow);
/* A random public IPv4 address that is not on the avoid list. */
uint32_t kqlGenPublicIp(KqlGen *p);
/* A random public IPv4 address (no private, reserved or multicast range). */
uint32_t kqlGenPublicIpRng(KqlGenRng *r);
/* Append template zTpl with its placeholders filled from the row (see
** gen_text.c); eProc picks the process that %p and %n name. */
void kqlGenExpand(KqlGen *p, const char *zTpl, int eProc, KqlGenBuf *b);
/* The Windows event table: number of entries, id and description of entry i. */
int kqlGenEventCount(void);
int kqlGenEventNumber(int i);
const char *kqlGenEventText(int i);

/* Kinds of planted rows. */
#define KQL_PLANT_HIT_DST  0  /* the indicator as destination / remote address */
#define KQL_PLANT_HIT_SRC  1  /* the indicator as source address (return traffic) */
#define KQL_PLANT_PREFIX   2  /* decoy: the address less its last character */
#define KQL_PLANT_EXTEND   3  /* decoy: the address with a "0" appended */
#define KQL_PLANT_URL      4  /* decoy: the address inside a URL column */
#define KQL_PLANT_MSG      5  /* decoy: the address inside a message column */
#define KQL_PLANT_PORT     6  /* decoy: the port with another address */
#define KQL_PLANT_MAPPED   7  /* decoy: IPv4-mapped IPv6 form "::ffff:a.b.c.d" */
#define KQL_PLANT_NKIND    8

typedef struct KqlGenPlant KqlGenPlant;
struct KqlGenPlant {
  int64_t iRow;         /* the row */
  int iIoc;             /* index into KqlGenOpts.aIoc */
  int eKind;            /* KQL_PLANT_* */
};

/* Texts an indicator is planted as. */
typedef struct KqlGenIocText KqlGenIocText;
struct KqlGenIocText {
  char zPort[8];        /* the port in decimal, "" when none */
  char zPrefix[48];     /* decoys ("" when the kind does not apply) */
  char zExtend[52];
  char zMapped[64];
  char zUrl[112];
  char zMsg[160];
};

/* Where and what to plant, sorted by row. */
typedef struct KqlGenPlan KqlGenPlan;
struct KqlGenPlan {
  int n;                /* entries in a */
  KqlGenPlant *a;       /* malloc'ed */
  int iNext;            /* next entry to apply */
  int eDecoyRole;       /* KQL_ROLE_IPDST, _IPSRC or _IPOTHER: where address
                        ** decoys (and, for _IPOTHER, the hits) go */
  KqlGenIocText aText[KQL_GEN_MAX_IOC];
};

/*
** Decide the planted rows for every indicator of p->pOpts (after
** kqlGenBind) and fill p's avoid list. Counts go to pRep->aIoc. Returns 0,
** or -1 when out of memory.
*/
int kqlGenPlanMake(KqlGen *p, KqlGenPlan *pPlan, KqlGenReport *pRep);
/* Apply the plan to the row just begun (p->row), if it is a planted one. */
void kqlGenPlanApply(KqlGen *p, KqlGenPlan *pPlan);
/* Free the plan's memory. */
void kqlGenPlanFree(KqlGenPlan *pPlan);

/* Bind each column of p->pDef to a generator (p->aCol, malloc'ed). Returns
** 0, or -1 when out of memory. */
int kqlGenBind(KqlGen *p);
/* Name of generator eGen, for kqlGenDescribe. */
const char *kqlGenName(int eGen);
/* 1 when generator eGen never writes , " CR or LF (see KQL_GEN_GENERATORS). */
int kqlGenIsClean(int eGen);

/**************************** the generators ********************************/

/* X-macro: G(ENUM, output kind, clean, function). Each function writes one
** value of column pCol for the current row p->row into b. "clean" is 1 when
** the generator can never write a comma, quote, CR or LF (its CSV field
** needs no quoting scan; test_gen.c checks this on every table). */
#define KQL_GEN_GENERATORS \
  G(TROW, KQL_GO_TIME, 1, kqlGenTimeRow) \
  G(TRECV, KQL_GO_TIME, 1, kqlGenTimeRecv) \
  G(TBEFORE, KQL_GO_TIME, 1, kqlGenTimeBefore) \
  G(TRECENT, KQL_GO_TIME, 1, kqlGenTimeRecent) \
  G(TPAST, KQL_GO_TIME, 1, kqlGenTimePast) \
  G(TFUTURE, KQL_GO_TIME, 1, kqlGenTimeFuture) \
  G(SPAN, KQL_GO_SPAN, 1, kqlGenSpan) \
  G(IPSRC, KQL_GO_TEXT, 1, kqlGenIpSrc) \
  G(IPDST, KQL_GO_TEXT, 1, kqlGenIpDst) \
  G(IPANY, KQL_GO_TEXT, 1, kqlGenIpAny) \
  G(IPLOCAL, KQL_GO_TEXT, 1, kqlGenIpLocal) \
  G(IPREMOTE, KQL_GO_TEXT, 1, kqlGenIpRemote) \
  G(IPDEV, KQL_GO_TEXT, 1, kqlGenIpDevice) \
  G(IPNAT, KQL_GO_TEXT, 1, kqlGenIpNat) \
  G(IPPUB, KQL_GO_TEXT, 1, kqlGenIpPublic) \
  G(IPV6, KQL_GO_TEXT, 1, kqlGenIpV6) \
  G(IPLIST, KQL_GO_JSON, 0, kqlGenIpList) \
  G(MAC, KQL_GO_TEXT, 1, kqlGenMac) \
  G(PORTSRC, KQL_GO_INT, 1, kqlGenPortSrc) \
  G(PORTDST, KQL_GO_INT, 1, kqlGenPortDst) \
  G(PORTSVC, KQL_GO_INT, 1, kqlGenPortSvc) \
  G(PORTLOCAL, KQL_GO_INT, 1, kqlGenPortLocal) \
  G(PORTREMOTE, KQL_GO_INT, 1, kqlGenPortRemote) \
  G(PROTO, KQL_GO_TEXT, 1, kqlGenProto) \
  G(PROTONUM, KQL_GO_INT, 1, kqlGenProtoNum) \
  G(APPPROTO, KQL_GO_TEXT, 1, kqlGenAppProto) \
  G(DIRECTION, KQL_GO_TEXT, 1, kqlGenDirection) \
  G(BYTES, KQL_GO_INT, 1, kqlGenBytes) \
  G(PACKETS, KQL_GO_INT, 1, kqlGenPackets) \
  G(FQDN, KQL_GO_TEXT, 1, kqlGenFqdn) \
  G(URL, KQL_GO_TEXT, 1, kqlGenUrl) \
  G(HOST, KQL_GO_TEXT, 1, kqlGenHost) \
  G(HOSTFQDN, KQL_GO_TEXT, 1, kqlGenHostFqdn) \
  G(HOSTSRC, KQL_GO_TEXT, 1, kqlGenHostSrc) \
  G(HOSTDST, KQL_GO_TEXT, 1, kqlGenHostDst) \
  G(FWNAME, KQL_GO_TEXT, 1, kqlGenFirewall) \
  G(COLLECTOR, KQL_GO_TEXT, 1, kqlGenCollector) \
  G(DEVICEID, KQL_GO_TEXT, 1, kqlGenDeviceId) \
  G(HOSTGUID, KQL_GO_GUID, 1, kqlGenHostGuid) \
  G(OS, KQL_GO_TEXT, 1, kqlGenOs) \
  G(OSVER, KQL_GO_TEXT, 1, kqlGenOsVersion) \
  G(USER, KQL_GO_TEXT, 1, kqlGenUser) \
  G(UPN, KQL_GO_TEXT, 1, kqlGenUpn) \
  G(DISPLAY, KQL_GO_TEXT, 1, kqlGenDisplay) \
  G(NTDOMAIN, KQL_GO_TEXT, 1, kqlGenNtDomain) \
  G(DNSDOMAIN, KQL_GO_TEXT, 1, kqlGenDnsDomain) \
  G(DOMUSER, KQL_GO_TEXT, 1, kqlGenDomUser) \
  G(SID, KQL_GO_TEXT, 1, kqlGenSid) \
  G(USERGUID, KQL_GO_GUID, 1, kqlGenUserGuid) \
  G(APPID, KQL_GO_GUID, 1, kqlGenAppId) \
  G(APPNAME, KQL_GO_TEXT, 1, kqlGenAppName) \
  G(FNAME, KQL_GO_TEXT, 1, kqlGenFileName) \
  G(FPATH, KQL_GO_TEXT, 1, kqlGenFilePath) \
  G(FFOLDER, KQL_GO_TEXT, 1, kqlGenFileFolder) \
  G(CMDLINE, KQL_GO_TEXT, 0, kqlGenCmdLine) \
  G(HASH, KQL_GO_TEXT, 1, kqlGenHash) \
  G(FSIZE, KQL_GO_INT, 1, kqlGenFileSize) \
  G(VERINFO, KQL_GO_TEXT, 0, kqlGenVerInfo) \
  G(PID, KQL_GO_INT, 1, kqlGenPid) \
  G(PIDHEX, KQL_GO_TEXT, 1, kqlGenPidHex) \
  G(LOGONID, KQL_GO_LONG, 1, kqlGenLogonId) \
  G(LOGONHEX, KQL_GO_TEXT, 1, kqlGenLogonHex) \
  G(REGKEY, KQL_GO_TEXT, 1, kqlGenRegKey) \
  G(REGDATA, KQL_GO_TEXT, 0, kqlGenRegData) \
  G(ENUM, KQL_GO_TEXT, 0, kqlGenEnum) \
  G(ENUMNUM, KQL_GO_INT, 0, kqlGenEnum) \
  G(VENDOR, KQL_GO_TEXT, 1, kqlGenVendor) \
  G(ACTION, KQL_GO_TEXT, 1, kqlGenAction) \
  G(EVENTID, KQL_GO_INT, 1, kqlGenEventId) \
  G(EVENTACT, KQL_GO_TEXT, 0, kqlGenEventActivity) \
  G(RESULT, KQL_GO_TEXT, 0, kqlGenResult) \
  G(TABLE, KQL_GO_TEXT, 1, kqlGenTableName) \
  G(CONST, KQL_GO_TEXT, 1, kqlGenConst) \
  G(TENANT, KQL_GO_GUID, 1, kqlGenTenant) \
  G(SUBSCR, KQL_GO_GUID, 1, kqlGenSubscription) \
  G(RESID, KQL_GO_TEXT, 1, kqlGenResourceId) \
  G(GUID, KQL_GO_GUID, 1, kqlGenGuid) \
  G(LABEL, KQL_GO_TEXT, 1, kqlGenLabel) \
  G(WORD, KQL_GO_TEXT, 1, kqlGenWord) \
  G(NAMEWORD, KQL_GO_TEXT, 1, kqlGenNameWord) \
  G(VERSION, KQL_GO_TEXT, 1, kqlGenVersion) \
  G(NUM, KQL_GO_NUM, 1, kqlGenNum) \
  G(BOOL, KQL_GO_BOOL, 1, kqlGenBool) \
  G(LAT, KQL_GO_REAL, 1, kqlGenLatitude) \
  G(LON, KQL_GO_REAL, 1, kqlGenLongitude) \
  G(GEO, KQL_GO_TEXT, 1, kqlGenGeo) \
  G(MSG, KQL_GO_TEXT, 0, kqlGenMessage) \
  G(CEFEXT, KQL_GO_TEXT, 1, kqlGenCefExtension) \
  G(EMAIL, KQL_GO_TEXT, 1, kqlGenEmail) \
  G(TACTICS, KQL_GO_TEXT, 0, kqlGenTacticsText) \
  G(TECHS, KQL_GO_TEXT, 0, kqlGenTechniquesText) \
  G(DYNBAG, KQL_GO_JSON, 0, kqlGenDynBag) \
  G(DYNENT, KQL_GO_JSON, 0, kqlGenDynEntities) \
  G(DYNWORDS, KQL_GO_JSON, 0, kqlGenDynWords) \
  G(DYNGUIDS, KQL_GO_JSON, 0, kqlGenDynGuids) \
  G(DYNTACT, KQL_GO_JSON, 0, kqlGenDynTactics) \
  G(DYNTECH, KQL_GO_JSON, 0, kqlGenDynTechniques) \
  G(DYNLOC, KQL_GO_JSON, 0, kqlGenDynLocation) \
  G(DYNDEV, KQL_GO_JSON, 0, kqlGenDynDevice) \
  G(DYNSTATUS, KQL_GO_JSON, 0, kqlGenDynStatus) \
  G(DYNCAP, KQL_GO_JSON, 0, kqlGenDynCaPolicies) \
  G(EVTLOGID, KQL_GO_INT, 1, kqlGenLogEventId) \
  G(EVTLOG, KQL_GO_TEXT, 1, kqlGenLogEvent) \
  G(EVTXML, KQL_GO_TEXT, 0, kqlGenEventXml)

enum {
#define G(E, O, C, F) KQL_G_##E,
  KQL_GEN_GENERATORS
#undef G
  KQL_G_COUNT
};

#define G(E, O, C, F) void F(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b);
KQL_GEN_GENERATORS
#undef G

/* Numeric ranges for KQL_G_NUM (iArg). ORDER: gen_value.c's table. */
#define KQL_R_SMALL    0    /* 0..100, small values common */
#define KQL_R_COUNT    1    /* 1..50, mostly 1 */
#define KQL_R_SCORE    2    /* 0..100 uniform */
#define KQL_R_SEV      3    /* 0..10 */
#define KQL_R_DURMS    4    /* 1..120000 ms, short common */
#define KQL_R_LEVEL    5    /* 0..5 */
#define KQL_R_BIG      6    /* 0..10^9, log-spread */
#define KQL_R_UNIT     7    /* 0..1, 4 decimals */
#define KQL_R_REAL     8    /* 0..1000, 2 decimals */
#define KQL_R_BILLED   9    /* 200..4000, 2 decimals (_BilledSize) */
#define KQL_R_ID       10   /* 1..2^40: report ids, record ids */
#define KQL_R_ASN      11   /* 1000..65000 */
#define KQL_R_CODE     12   /* 0..5 mostly 0: error codes */
#define KQL_R_TTL      13   /* 30..86400 */
#define KQL_R_SECONDS  14   /* 0..3600 */
#define KQL_R_BUILD    15   /* OS builds */
#define KQL_R_COUNT_N  16

/* Constant texts for KQL_G_CONST (iArg). ORDER: gen_text.c's table. */
#define KQL_C_OPSMANAGER  0
#define KQL_C_AZURE       1
#define KQL_C_TRUE        2
#define KQL_C_SIGNIN      3
#define KQL_C_MICROSOFT   4
#define KQL_C_COUNT_N     5

/* Output kind of range iArg (KQL_GO_INT, _LONG or _REAL). */
int kqlGenRangeKind(int iArg);

#endif
