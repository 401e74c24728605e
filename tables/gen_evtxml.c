/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Windows event log shapes for the synthetic table generator: the events
** of the Event table (Sysmon and Service Control Manager events, as the
** Log Analytics agent collects them: EventID, Source, EventLog and
** RenderedDescription agree within a row) and the EventData XML of Event
** and SecurityEvent rows. EventData holds one <Data Name="...">value</Data>
** element per field of the row's event, named as Windows and Sysmon
** document that event's fields (4624 has TargetUserName, Sysmon 1 has
** Image and CommandLine, ...); the Event table wraps it in the agent's
** <DataItem type="System.XmlData"> element. Values come from the row
** context (kqlGenRowBegin), so the XML agrees with the row's columns.
**
** Every kqlGen<Name>() generator here is a KqlGenFn (genInt.h).
*/
#include "genInt.h"

#define N(a) ((int)(sizeof(a)/sizeof((a)[0])))

/* Field lists, comma-separated, in the order the events carry them. */
#define SUBJ "SubjectUserSid,SubjectUserName,SubjectDomainName,SubjectLogonId"
#define TARG "TargetUserSid,TargetUserName,TargetDomainName"
#define SYS_PROC "RuleName,UtcTime,ProcessGuid,ProcessId,Image"

/* Event table events (Sysmon operational log, System log). */
typedef struct LogEvent LogEvent;
struct LogEvent { int iId; const char *zSource; const char *zLog; const char *zText; const char *zData; };
static const LogEvent aLog[] = {
  { 1, "Microsoft-Windows-Sysmon", "Microsoft-Windows-Sysmon/Operational", "Process Create:",
    SYS_PROC ",FileVersion,Description,Product,Company,OriginalFileName,CommandLine,CurrentDirectory,"
    "User,LogonGuid,LogonId,TerminalSessionId,IntegrityLevel,Hashes,ParentProcessGuid,ParentProcessId,"
    "ParentImage,ParentCommandLine,ParentUser" },
  { 3, "Microsoft-Windows-Sysmon", "Microsoft-Windows-Sysmon/Operational", "Network connection detected:",
    SYS_PROC ",User,Protocol,Initiated,SourceIsIpv6,SourceIp,SourceHostname,SourcePort,SourcePortName,"
    "DestinationIsIpv6,DestinationIp,DestinationHostname,DestinationPort,DestinationPortName" },
  { 11, "Microsoft-Windows-Sysmon", "Microsoft-Windows-Sysmon/Operational", "File created:",
    SYS_PROC ",TargetFilename,CreationUtcTime,User" },
  { 12, "Microsoft-Windows-Sysmon", "Microsoft-Windows-Sysmon/Operational", "Registry object added or deleted:",
    "RuleName,EventType,UtcTime,ProcessGuid,ProcessId,Image,TargetObject,User" },
  { 13, "Microsoft-Windows-Sysmon", "Microsoft-Windows-Sysmon/Operational", "Registry value set:",
    "RuleName,EventType,UtcTime,ProcessGuid,ProcessId,Image,TargetObject,Details,User" },
  { 17, "Microsoft-Windows-Sysmon", "Microsoft-Windows-Sysmon/Operational", "Pipe Created:",
    "RuleName,EventType,UtcTime,ProcessGuid,ProcessId,PipeName,Image,User" },
  { 18, "Microsoft-Windows-Sysmon", "Microsoft-Windows-Sysmon/Operational", "Pipe Connected:",
    "RuleName,EventType,UtcTime,ProcessGuid,ProcessId,PipeName,Image,User" },
  { 7045, "Service Control Manager", "System", "A service was installed in the system.",
    "ServiceName,ImagePath,ServiceType,StartType,AccountName" },
  { 7036, "Service Control Manager", "System", "The Windows Update service entered the running state.",
    "param1,param2" },
};
/* Sixteen slots: process creation is the most common event. */
static const unsigned char aLogSlot[16] = { 0, 0, 0, 0, 0, 1, 2, 3, 3, 4, 4, 5, 6, 7, 7, 8 };

static const LogEvent *rowLogEvent(const KqlGen *p){
  return &aLog[aLogSlot[(p->row.iNonce>>40) & 15]];
}

/* Security log fields per event id; events not listed carry SUBJ only. */
typedef struct SecFields SecFields;
struct SecFields { int iId; const char *zData; };
static const SecFields aSec[] = {
  { 4624, SUBJ "," TARG ",TargetLogonId,LogonType,LogonProcessName,AuthenticationPackageName,"
          "WorkstationName,LogonGuid,ProcessId,ProcessName,IpAddress,IpPort" },
  { 4625, SUBJ "," TARG ",Status,FailureReason,SubStatus,LogonType,LogonProcessName,"
          "AuthenticationPackageName,WorkstationName,ProcessId,ProcessName,IpAddress,IpPort" },
  { 4688, SUBJ ",NewProcessId,NewProcessName,TokenElevationType,ProcessId,CommandLine," TARG
          ",TargetLogonId,ParentProcessName,MandatoryLabel" },
  { 4648, SUBJ ",LogonGuid," TARG ",TargetLogonGuid,TargetServerName,ProcessId,ProcessName,IpAddress,IpPort" },
  { 4656, SUBJ ",ObjectServer,ObjectType,ObjectName,HandleId,AccessList,AccessMask,ProcessId,ProcessName" },
  { 4657, SUBJ ",ObjectName,ObjectValueName,HandleId,OperationType,OldValueType,OldValue,NewValueType,"
          "NewValue,ProcessId,ProcessName" },
  { 4663, SUBJ ",ObjectServer,ObjectType,ObjectName,HandleId,AccessList,AccessMask,ProcessId,ProcessName" },
  { 4720, TARG "," SUBJ ",SamAccountName,DisplayName,UserPrincipalName" },
  { 4728, "MemberName,MemberSid," TARG "," SUBJ },
  { 4732, "MemberName,MemberSid," TARG "," SUBJ },
  { 4768, "TargetUserName,TargetDomainName,TargetSid,ServiceName,ServiceSid,TicketOptions,Status,"
          "TicketEncryptionType,IpAddress,IpPort" },
  { 4769, "TargetUserName,TargetDomainName,ServiceName,ServiceSid,TicketOptions,TicketEncryptionType,"
          "IpAddress,IpPort,Status,LogonGuid" },
  { 5136, "OpCorrelationID,AppCorrelationID," SUBJ ",DSName,DSType,ObjectDN,ObjectGUID,ObjectClass,"
          "AttributeLDAPDisplayName,AttributeSyntaxOID,AttributeValue,OperationType" },
  { 7045, "ServiceName,ImagePath,ServiceType,StartType,AccountName" },
};

static const char *secFields(int iId){
  for(int i=0; i<N(aSec); i++) if( aSec[i].iId==iId ) return aSec[i].zData;
  return SUBJ;
}

/* EVTLOGID: the Event table's event id. */
void kqlGenLogEventId(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  kqlGenPutUint(b, (uint64_t)rowLogEvent(p)->iId);
}

/* EVTLOG: iArg 0 the source, 1 the log name, 2 the rendered description. */
void kqlGenLogEvent(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  const LogEvent *e = rowLogEvent(p);
  kqlGenPuts(b, pCol->iArg==0 ? e->zSource : pCol->iArg==1 ? e->zLog : e->zText);
}

static int hasPrefix(const char *z, const char *zPre){ return strncmp(z, zPre, strlen(zPre))==0; }
static int hasSuffix(const char *z, const char *zSuf){
  size_t n = strlen(z), m = strlen(zSuf);
  return n>=m && strcmp(z+n-m, zSuf)==0;
}

/* {GUID} of a value */
static void putBraceGuid(KqlGenBuf *b, uint64_t v){
  kqlGenPutc(b, '{');
  kqlGenPutGuid(b, kqlGenMix(v), kqlGenMix(v+1));
  kqlGenPutc(b, '}');
}

/* The value of field zName of the row's event; bSysmon: Sysmon's forms
** (decimal process ids, DOMAIN\user). */
static void fieldValue(KqlGen *p, const KqlGenCol *pCol, const char *zName, int iEvent, int bSysmon,
                       KqlGenBuf *b){
  KqlGenCol c = *pCol;
  const KqlGenRow *w = &p->row;
  c.bTarget = hasPrefix(zName, "Target") || hasPrefix(zName, "Member");
  c.eProc = hasPrefix(zName, "Parent") ? KQL_PROC_PARENT : KQL_PROC_EXE;
  c.iArg = 0;
  if( hasSuffix(zName, "Sid") && strcmp(zName, "ServiceSid")!=0 ){ kqlGenSid(p, &c, b); return; }
  if( strcmp(zName, "ServiceSid")==0 ){ kqlGenPuts(b, "S-1-5-21-0-0-0-502"); return; }
  if( hasSuffix(zName, "UserName") || strcmp(zName, "SamAccountName")==0 ){ kqlGenUser(p, &c, b); return; }
  if( strcmp(zName, "UserPrincipalName")==0 ){ kqlGenUpn(p, &c, b); return; }
  if( strcmp(zName, "DisplayName")==0 ){ kqlGenDisplay(p, &c, b); return; }
  if( hasSuffix(zName, "DomainName") ){ kqlGenNtDomain(p, &c, b); return; }
  if( strcmp(zName, "User")==0 || strcmp(zName, "ParentUser")==0 || strcmp(zName, "MemberName")==0
   || strcmp(zName, "AccountName")==0 ){
    kqlGenDomUser(p, &c, b);
    return;
  }
  if( hasSuffix(zName, "LogonId") ){ kqlGenLogonHex(p, &c, b); return; }
  if( hasSuffix(zName, "Guid") || hasSuffix(zName, "GUID") || hasSuffix(zName, "CorrelationID") ){
    putBraceGuid(b, w->iNonce ^ kqlGenMix((uint64_t)zName[0] << 8 | (uint64_t)strlen(zName)));
    return;
  }
  if( strcmp(zName, "ProcessId")==0 || strcmp(zName, "NewProcessId")==0 || strcmp(zName, "ParentProcessId")==0 ){
    if( strcmp(zName, "ProcessId")==0 && !bSysmon && iEvent==4688 ) c.eProc = KQL_PROC_PARENT;
    if( bSysmon ) kqlGenPutUint(b, w->aPid[c.eProc & 3]);
    else kqlGenPidHex(p, &c, b);
    return;
  }
  if( strcmp(zName, "ProcessName")==0 && !bSysmon && iEvent==4688 ) c.eProc = KQL_PROC_PARENT;
  if( strcmp(zName, "Image")==0 || strcmp(zName, "ParentImage")==0 || hasSuffix(zName, "ProcessName")
   || strcmp(zName, "ImagePath")==0 ){
    kqlGenExpand(p, "%p", c.eProc, b);
    return;
  }
  if( strcmp(zName, "CommandLine")==0 || strcmp(zName, "ParentCommandLine")==0 ){ kqlGenCmdLine(p, &c, b); return; }
  if( strcmp(zName, "OriginalFileName")==0 ){ kqlGenExpand(p, "%n", KQL_PROC_EXE, b); return; }
  if( strcmp(zName, "TargetFilename")==0 ){ kqlGenExpand(p, "%p", KQL_PROC_FILE, b); return; }
  if( strcmp(zName, "ObjectName")==0 ){
    if( iEvent==4657 ) kqlGenRegKey(p, &c, b);
    else kqlGenExpand(p, "%p", KQL_PROC_FILE, b);
    return;
  }
  if( strcmp(zName, "TargetObject")==0 ){ kqlGenRegKey(p, &c, b); return; }
  if( strcmp(zName, "Details")==0 || strcmp(zName, "NewValue")==0 || strcmp(zName, "OldValue")==0 ){
    kqlGenRegData(p, &c, b);
    return;
  }
  if( hasSuffix(zName, "UtcTime") ){ kqlGenPutTime(b, w->iTime, 3); return; }
  if( strcmp(zName, "IpAddress")==0 || strcmp(zName, "SourceIp")==0 ){ kqlGenIpSrc(p, &c, b); return; }
  if( strcmp(zName, "DestinationIp")==0 ){ kqlGenIpDst(p, &c, b); return; }
  if( strcmp(zName, "IpPort")==0 || strcmp(zName, "SourcePort")==0 ){ kqlGenPortSrc(p, &c, b); return; }
  if( strcmp(zName, "DestinationPort")==0 ){ kqlGenPortDst(p, &c, b); return; }
  if( strcmp(zName, "SourceHostname")==0 || strcmp(zName, "WorkstationName")==0 ){ kqlGenHost(p, &c, b); return; }
  if( strcmp(zName, "DestinationHostname")==0 || strcmp(zName, "TargetServerName")==0 ){ kqlGenFqdn(p, &c, b); return; }
  if( strcmp(zName, "Protocol")==0 ){ kqlGenProto(p, &c, b); return; }
  if( strcmp(zName, "Hashes")==0 ){
    kqlGenPuts(b, "SHA256=");
    c.iArg = 2;
    kqlGenHash(p, &c, b);
    return;
  }
  if( strcmp(zName, "EventType")==0 ){
    kqlGenPuts(b, iEvent==12 ? "CreateKey" : iEvent==13 ? "SetValue" : iEvent==17 ? "CreatePipe" : "ConnectPipe");
    return;
  }
  if( strcmp(zName, "PipeName")==0 ){
    static const char *const azPipe[] = { "\\srvsvc", "\\lsarpc", "\\samr", "\\PSHost.%r.DefaultAppDomain.powershell" };
    kqlGenExpand(p, azPipe[(w->iNonce>>20) % N(azPipe)], KQL_PROC_EXE, b);
    return;
  }
  if( strcmp(zName, "LogonType")==0 ){ kqlGenPutUint(b, (w->iNonce>>28) & 1 ? 3 : 2); return; }
  if( strcmp(zName, "IntegrityLevel")==0 || strcmp(zName, "MandatoryLabel")==0 ){
    kqlGenPuts(b, zName[0]=='I' ? "Medium" : "S-1-16-8192");
    return;
  }
  if( strcmp(zName, "ObjectServer")==0 ){ kqlGenPuts(b, "Security"); return; }
  if( strcmp(zName, "ObjectType")==0 ){ kqlGenPuts(b, iEvent==5136 ? "groupPolicyContainer" : "File"); return; }
  if( strcmp(zName, "ObjectClass")==0 ){ kqlGenPuts(b, "user"); return; }
  if( strcmp(zName, "ObjectDN")==0 || strcmp(zName, "DSName")==0 ){
    kqlGenPuts(b, zName[0]=='D' ? "contoso.local" : "CN=");
    if( zName[0]=='O' ){ kqlGenUser(p, &c, b); kqlGenPuts(b, ",CN=Users,DC=contoso,DC=local"); }
    return;
  }
  if( strcmp(zName, "ServiceName")==0 ){ kqlGenExpand(p, iEvent==7045 ? "%n" : "krbtgt", KQL_PROC_EXE, b); return; }
  if( strcmp(zName, "Status")==0 || strcmp(zName, "SubStatus")==0 ){
    kqlGenPuts(b, w->bFail ? (zName[0]=='S' && zName[1]=='u' ? "0xc000006a" : "0xc000006d") : "0x0");
    return;
  }
  if( strcmp(zName, "AuthenticationPackageName")==0 ){ kqlGenPuts(b, (w->iNonce>>29) & 1 ? "Kerberos" : "NTLM"); return; }
  if( strcmp(zName, "LogonProcessName")==0 ){ kqlGenPuts(b, "User32"); return; }
  if( strcmp(zName, "ServiceType")==0 ){ kqlGenPuts(b, "user mode service"); return; }
  if( strcmp(zName, "StartType")==0 ){ kqlGenPuts(b, "demand start"); return; }
  if( strcmp(zName, "param1")==0 ){ kqlGenPuts(b, "Windows Update"); return; }
  if( strcmp(zName, "param2")==0 ){ kqlGenPuts(b, "running"); return; }
  if( strcmp(zName, "CurrentDirectory")==0 ){ kqlGenPuts(b, "C:\\Windows\\system32\\"); return; }
  if( strcmp(zName, "TerminalSessionId")==0 ){ kqlGenPutUint(b, 1); return; }
  if( strcmp(zName, "Initiated")==0 ){ kqlGenPuts(b, w->bOut ? "true" : "false"); return; }
  if( hasSuffix(zName, "IsIpv6") ){ kqlGenPuts(b, "false"); return; }
  if( strcmp(zName, "AccessMask")==0 ){ kqlGenPuts(b, "0x2"); return; }
  if( strcmp(zName, "HandleId")==0 ){ kqlGenPuts(b, "0x0"); return; }
  kqlGenPuts(b, "-");
}

/* Text z with XML's special characters escaped. */
static void putXmlText(KqlGenBuf *b, const char *z, int n){
  for(int i=0; i<n; i++){
    switch( z[i] ){
      case '&': kqlGenPuts(b, "&amp;"); break;
      case '<': kqlGenPuts(b, "&lt;"); break;
      case '>': kqlGenPuts(b, "&gt;"); break;
      case '"': kqlGenPuts(b, "&quot;"); break;
      default: kqlGenPutc(b, z[i]); break;
    }
  }
}

/* EVTXML: <EventData> of the row's event; iArg 1: the Event table's
** <DataItem> form with the Event table's event, 0: the security event. */
void kqlGenEventXml(KqlGen *p, const KqlGenCol *pCol, KqlGenBuf *b){
  int bLog = pCol->iArg==1;
  const LogEvent *e = rowLogEvent(p);
  int iEvent = bLog ? e->iId : kqlGenEventNumber(p->row.iEvent);
  const char *zFields = bLog ? e->zData : secFields(iEvent);
  int bSysmon = bLog && e->iId<100;
  if( bLog ){
    kqlGenPuts(b, "<DataItem type=\"System.XmlData\" time=\"");
    kqlGenPutTime(b, p->row.iTime, 7);
    kqlGenPuts(b, "\" sourceHealthServiceId=\"");
    kqlGenPutGuid(b, p->pPool->iTenant[1], p->pPool->iSub[0]);
    kqlGenPuts(b, "\">");
  }
  kqlGenPuts(b, "<EventData xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">");
  for(const char *z = zFields; *z; ){
    const char *zEnd = strchr(z, ',');
    int n = zEnd ? (int)(zEnd - z) : (int)strlen(z);
    char zName[64], zVal[600];
    KqlGenBuf v = { zVal, 0, (int)sizeof(zVal) };
    if( n>=(int)sizeof(zName) ) n = (int)sizeof(zName)-1;
    memcpy(zName, z, (size_t)n);
    zName[n] = 0;
    fieldValue(p, pCol, zName, iEvent, bSysmon, &v);
    kqlGenPuts(b, "<Data Name=\"");
    kqlGenPuts(b, zName);
    kqlGenPuts(b, "\">");
    putXmlText(b, v.z, v.n);
    kqlGenPuts(b, "</Data>");
    z += n;
    if( *z==',' ) z++;
  }
  kqlGenPuts(b, "</EventData>");
  if( bLog ) kqlGenPuts(b, "</DataItem>");
}
