/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The rule table of the synthetic table generator: column-name pattern ->
** generator. A column takes the first rule whose table pattern matches the
** table, whose column pattern matches the column name, whose type mask (if
** any) admits the column's type, and whose generator can produce a value
** of that type (a text generator never feeds an int column, a JSON one
** never a datetime...). Patterns are case-sensitive globs ('*', '?', and
** '|' between alternatives), because Kusto column names are CamelCase and
** "*Ip" must not match "Ownership". Order matters: table-specific rules
** first, then specific names, then name shapes, then one fallback per type.
**
** kqlGenBind() also derives what the rule does not say: which side of the
** connection an address or port column is (for planting), whether a user or
** host column describes the target ("TargetUserName", "DstHostname"), which
** of the row's processes a file column describes ("InitiatingProcess...",
** "...Parent..."), and which value column a "...Label" column labels.
*/
#include "genInt.h"
#include <stdlib.h>

typedef struct KqlGenRule KqlGenRule;
struct KqlGenRule {
  const char *zTable;   /* glob over table names; NULL: every table */
  const char *zCol;     /* glob over column names */
  unsigned char eGen;   /* KQL_G_* */
  unsigned char iArg;   /* the generator's argument (list, range, style) */
  unsigned char nFill;  /* percent of rows that get a value */
  unsigned short mType; /* 1<<KQL_T_* the rule is for; 0: any that fits */
};

#define T(E) (1u<<KQL_T_##E)
#define M_STR  T(STRING)
#define M_DYN  T(DYNAMIC)
#define M_BOOL T(BOOL)
#define M_DT   T(DATETIME)
#define M_NUM  (T(INT)|T(LONG)|T(REAL)|T(DECIMAL))

/* Rule for every table / for tables matching zT / with a type mask. */
#define R(C, G, A, F)         { 0, C, KQL_G_##G, A, F, 0 }
#define RT(TB, C, G, A, F)    { TB, C, KQL_G_##G, A, F, 0 }
#define RM(C, G, A, F, M)     { 0, C, KQL_G_##G, A, F, M }
#define L(E) KQL_L_##E

#define SIGNIN "SigninLogs|AADNonInteractiveUserSignInLogs|AADServicePrincipalSignInLogs|" \
  "AADManagedIdentitySignInLogs|MicrosoftServicePrincipalSignInLogs|ADFSSignInLogs"
#define CSL "CommonSecurityLog"

static const KqlGenRule aRule[] = {
  /* ---------------- workspace columns every Log Analytics table has ---- */
  R("Type", TABLE, 0, 100),
  R("TenantId|AADTenantId|*TenantId|*TenantId_g|HomeTenantId|ResourceTenantId", TENANT, 0, 100),
  R("_SubscriptionId|SubscriptionId|*SubscriptionId|*SubscriptionId_g", SUBSCR, 0, 100),
  RT("Syslog|LinuxAuditLog", "_ResourceId", RESID, 1, 100),
  R("_ResourceId|*ResourceId|ResourceId", RESID, 0, 100),
  R("_ItemId", GUID, 0, 100),
  R("_IsBillable", CONST, KQL_C_TRUE, 100),
  R("_BilledSize", NUM, KQL_R_BILLED, 100),
  R("_TimeReceived", TRECV, 0, 100),
  RT(CSL "|SecurityEvent|Syslog|Event|Heartbeat|Perf|W3CIISLog|WindowsFirewall|WireData|Update*",
     "SourceSystem", CONST, KQL_C_OPSMANAGER, 100),
  R("SourceSystem", CONST, KQL_C_AZURE, 100),
  R("ManagementGroupName", CONST, KQL_C_AZURE, 30),

  /* ---------------- table-specific ------------------------------------- */
  RT(CSL, "Computer|CollectorHostName", COLLECTOR, 0, 100),
  RT(CSL, "DeviceName|DeviceExternalID|DeviceHostName", FWNAME, 0, 100),
  RT(CSL, "DeviceVendor", VENDOR, 0, 100),
  RT(CSL, "DeviceProduct", VENDOR, 1, 100),
  RT(CSL, "DeviceVersion", VENDOR, 2, 100),
  RT(CSL, "DeviceEventClassID", ENUM, L(CEF_CLASS), 100),
  RT(CSL, "Activity", ENUM, L(CEF_ACTIVITY), 100),
  RT(CSL, "DeviceEventCategory", ENUM, L(CEF_CATEGORY), 60),
  RT(CSL, "DeviceFacility", ENUM, L(FACILITY_CEF), 40),
  RT(CSL, "LogSeverity|OriginalLogSeverity", ENUM, L(CEF_LOGSEV), 100),
  RT(CSL, "DeviceAction", ACTION, 0, 100),
  RT(CSL, "SimplifiedDeviceAction", ACTION, 2, 100),
  RT(CSL, "AdditionalExtensions", CEFEXT, 0, 60),
  RT(CSL, "SourceHostName", HOSTSRC, 0, 50),
  RT(CSL, "DestinationHostName|DestinationDnsDomain", HOSTDST, 0, 50),
  RT(CSL, "DeviceAddress", IPNAT, 0, 60),
  RT(CSL, "MaliciousIP", IPDST, 0, 3),
  RT(CSL, "MaliciousIPCountry", GEO, 2, 3),
  RT(CSL, "MaliciousIPLatitude", LAT, 0, 3),
  RT(CSL, "MaliciousIPLongitude", LON, 0, 3),
  RT(CSL, "IndicatorThreatType|ThreatConfidence|ThreatDescription|ThreatSeverity", ENUM, L(THREATTYPE), 3),
  RT(CSL, "ThreatSeverity", NUM, KQL_R_SEV, 3),
  RT(CSL, "RequestContext|ReportReferenceLink", URL, 0, 20),
  RT(CSL, "RequestClientApplication", ENUM, L(USERAGENT), 30),
  RT(CSL, "DeviceCustomString?", NAMEWORD, 0, 25),
  RT(CSL, "FlexString?", WORD, 0, 15),
  RT(CSL, "DeviceCustomNumber?|FlexNumber?|FieldDeviceCustomNumber?", NUM, KQL_R_SMALL, 20),
  RT(CSL, "DeviceCustomFloatingPoint?", NUM, KQL_R_REAL, 15),
  RT(CSL, "DeviceCustomDate?|FlexDate?", TRECENT, 0, 15),
  RT(CSL, "DeviceInboundInterface|DeviceOutboundInterface", ENUM, L(IFACE), 50),
  RT(CSL, "EventOutcome", RESULT, 0, 40),
  RT(CSL, "Reason|Message", MSG, 0, 50),
  RT(CSL, "EventType|ExternalID|EventCount", NUM, KQL_R_COUNT, 60),
  RT(CSL, "*Label", LABEL, 0, 20),
  RT(CSL, "FileCreateTime|FileModificationTime|OldFileCreateTime|OldFileModificationTime", TPAST, 0, 10),
  RT(CSL, "FileName|OldFileName", FNAME, 0, 10),
  RT(CSL, "FilePath|OldFilePath", FPATH, 0, 10),
  RT(CSL, "FileHash|OldFileHash", HASH, 2, 10),
  RT(CSL, "FileSize|OldFileSize", FSIZE, 0, 10),
  RT(CSL, "FileType|OldFileType", ENUM, L(FILETYPE), 10),
  RT(CSL, "FileID|OldFileID", GUID, 0, 10),
  RT(CSL, "FilePermission|OldFilePermission", WORD, 0, 10),
  RT(CSL, "SourceUserName", USER, 0, 50),
  RT(CSL, "Destination*User*|Source*User*", USER, 0, 10),
  RT(CSL, "Destination*User*|Source*User*", GUID, 0, 10),
  RT(CSL, "*ProcessName", FNAME, 0, 20),
  RT(CSL, "*ProcessId|ProcessID", PID, 0, 20),
  RT(CSL, "*ServiceName", ENUM, L(SERVICE), 15),
  RT(CSL, "*NTDomain|*NtDomain", NTDOMAIN, 0, 40),
  RT(CSL, "*MACAddress|*MacAddress", MAC, 0, 30),

  RT("Syslog", "SeverityLevel", ENUM, L(SYSLOG_SEV), 100),
  RT("Syslog", "Facility", ENUM, L(SYSLOG_FAC), 100),
  RT("Syslog", "SyslogMessage", MSG, 1, 100),
  RT("Syslog", "HostIP", IPDEV, 1, 100),
  RT("Syslog|LinuxAuditLog", "Computer|HostName|CollectorHostName", HOST, 1, 100),
  RT("Syslog|LinuxAuditLog", "ProcessName|exe|comm", ENUM, L(SYSLOG_PROC), 100),

  RT("Event", "EventID", EVTLOGID, 0, 100),       /* Sysmon and System events: gen_evtxml.c */
  RT("Event", "Source", EVTLOG, 0, 100),
  RT("Event", "EventLog", EVTLOG, 1, 100),
  RT("Event", "RenderedDescription", EVTLOG, 2, 100),
  RT("Event", "EventData", EVTXML, 1, 100),
  RT("SecurityEvent", "EventData", EVTXML, 0, 90),
  RT("SecurityEvent|WindowsEvent|Event", "Activity|RenderedDescription", EVENTACT, 0, 100),
  RT("SecurityEvent", "NewProcessName|ParentProcessName|ProcessName|Process|CallerProcessName|ServiceFileName",
     FPATH, 0, 60),
  RT("SecurityEvent", "ProcessId|NewProcessId|CallerProcessId", PIDHEX, 0, 60),
  RT("SecurityEvent|WindowsEvent", "*LogonId|LogonID|TargetLinkedLogonId", LOGONHEX, 0, 60),
  RT("SecurityEvent", "Account|SubjectAccount|TargetAccount", DOMUSER, 0, 90),
  RT("SecurityEvent", "FilePathNoUser", FPATH, 0, 20),
  RT("SecurityEvent", "EventRecordId", NUM, KQL_R_ID, 100),

  RT("DeviceNetworkEvents", "ActionType", ENUM, L(ACTIONTYPE_NET), 100),
  RT("DeviceNetworkEvents", "RemoteUrl", FQDN, 0, 60),
  RT("DeviceNetworkEvents|DeviceNetworkInfo", "LocalIPType|RemoteIPType", ENUM, L(IPTYPE), 90),
  RT("DeviceProcessEvents|CloudProcessEvents", "ActionType", ENUM, L(ACTIONTYPE_PROC), 100),
  RT("DeviceFileEvents", "ActionType", ENUM, L(ACTIONTYPE_FILE), 100),
  RT("DeviceLogonEvents|IdentityLogonEvents", "ActionType", ENUM, L(ACTIONTYPE_LOGON), 100),
  RT("DeviceRegistryEvents", "ActionType", ENUM, L(ACTIONTYPE_REG), 100),
  RT("DeviceImageLoadEvents", "ActionType", ENUM, L(ACTIONTYPE_IMAGE), 100),
  RT("DeviceEvents", "ActionType", ENUM, L(ACTIONTYPE_DEV), 100),
  RT("Identity*", "ActionType", ENUM, L(ACTIONTYPE_ID), 100),

  RT(SIGNIN, "ResultType|ErrorCode", RESULT, 2, 100),
  RT(SIGNIN, "ResultDescription|FailureReason", RESULT, 3, 100),
  RT(SIGNIN, "OperationName", CONST, KQL_C_SIGNIN, 100),
  RT(SIGNIN, "Location", GEO, 2, 100),
  RT("AzureActivity", "OperationName|OperationNameValue", ENUM, L(OPERATION_AZ), 100),
  RT("AuditLogs", "OperationName|ActivityDisplayName", ENUM, L(OPERATION_AAD), 100),
  RT("OfficeActivity|EnrichedMicrosoft365AuditLogs|CloudAppEvents", "Operation|OperationName",
     ENUM, L(OPERATION_O365), 100),
  RT("OfficeActivity|EnrichedMicrosoft365AuditLogs", "UserId|UserKey|MailboxOwnerUPN", UPN, 0, 100),
  RT("AWSCloudTrail", "EventName", ENUM, L(AWS_EVENT), 100),
  RT("GCPAuditLogs", "MethodName", ENUM, L(GCP_METHOD), 100),
  RT("AKS*|Kube*|MDCDetectionK8SApiEvents", "Verb|*Verb", ENUM, L(K8S_VERB), 100),
  RT("DnsEvents|AZFWDnsQuery|ASimDnsActivityLogs|CloudDnsEvents|GCPDNS|AWSRoute53Resolver",
     "Name|QueryName|DnsQuery|*Query|DnsQueryName|query_name|QueryText", FQDN, 0, 100),
  RT("SecurityAlert|SecurityIncident|AlertInfo|AlertEvidence|Anomalies|AggregatedSecurityAlert",
     "DisplayName|Title|AlertName|Name", ENUM, L(ALERTNAME), 100),
  RT("SecurityAlert|SecurityIncident|AlertInfo|AlertEvidence|AggregatedSecurityAlert",
     "ProductName|ProviderName|ProductComponentName|ServiceSource|DetectionSource", ENUM, L(ALERTPRODUCT), 100),
  RT("SecurityAlert|SecurityIncident|AggregatedSecurityAlert", "VendorName", CONST, KQL_C_MICROSOFT, 100),
  RT("SecurityAlert|SecurityIncident|AggregatedSecurityAlert", "ExtendedProperties|ExtendedLinks|AdditionalData",
     DYNBAG, 0, 90),
  RT("SecurityAlert|SecurityIncident|AggregatedSecurityAlert", "AlertLink|IncidentUrl", URL, 0, 90),

  /* ---------------- times ---------------------------------------------- */
  R("TimeGenerated|Timestamp|TimeStamp|TimeCreated|EventTime|EventTimestamp|Time|Date|_DTTimestamp|"
    "event_time_t|ActivityDateTime|TimeOfCommand|Start_Time|ReceiveTimestamp|CreatedDateTime|"
    "DetectedDateTime|EventCreationTime", TROW, 0, 100),
  R("ReceiptTime|TimeProcessed|ProcessingEndTime|*IngestionTime|StageReceivedTime|"
    "EventSubmissionTimestamp|RequestReceivedTime|TimeReceived|*ReceivedTime", TRECV, 0, 60),
  R("EndTime|End|*EndTime|*End|endTime_t|*_endTime_t|FlowEndTime|NetFlowEnd|BucketEndTime|"
    "QueryTimeRangeEnd", TROW, 0, 90),
  R("StartTime|Start|*StartTime|*Start|*_startTime_t|NetFlowStart|BucketStartTime|QueryTimeRangeStart|"
    "First*Time|First*Timestamp|First*DateTime|FirstSeen|*FirstSeen|FirstBehavior", TBEFORE, 0, 90),
  RM("*CreationTime|*CreatedTime|*CreationTimeStamp|*CreationDateTime|*CreationTimestamp", TBEFORE, 0, 90, M_DT),
  R("*Expir*|*Expiry|ValidUntil|ValidTo|Next*Time|*EndOfSupport*|EndOfSupportDate|TimeToLive",
    TFUTURE, 0, 60),
  R("*Password*Time|*Password*Timestamp|AccountCreationTime|*InstallationTime|*Install*Date*|"
    "*Published*|PublishedDate|*CompileDateTime|ValidFrom|Token3PValidFrom|*LinkTime|BootTime|"
    "DateCreated|PreviousDateCreated|Created|CreatedOn|*FileCreat*Time|*FileCreat*DateTime|"
    "UserStateChangedOn|StatusChangeDate|ScanDate", TPAST, 0, 60),
  RM("Last*|*Modified*|*Updated*|*LastSeen*|*Time|*Timestamp|*TimeStamp|*DateTime|*Date|*_t|"
     "*TimeUTC|*On|Modified", TRECENT, 0, 50, M_DT),
  RM("*Time|*Timestamp|*DateTime|*Date|*TimeUTC", TRECENT, 0, 30, M_STR),

  /* ---------------- addresses and ports -------------------------------- */
  R("*Translated*Address|*TranslatedAddress|*NatIp*|*NatIP*|*NatAddress*|*PublicIp|*PublicIP", IPNAT, 0, 30),
  R("ClientIPs|SourceIPs|SourceIps|*IPAddresses|*IpAddresses|Ipv4Addresses|*Gateways|DnsAddresses|"
    "ComputerPrivateIPs|*IPs|*Ips", IPLIST, 0, 60),
  R("*IPv6*|*Ipv6*|*IpV6*|*IPV6*", IPV6, 0, 20),
  R("*MACAddress*|*MacAddress*|*MacAddr*|*MACAddr*|*Mac", MAC, 0, 40),
  R("*RemoteSessionIP", IPDEV, 0, 3),
  R("*RemoteSessionDeviceName", HOST, 0, 3),
  R("IPAddressFromResourceProvider|GlobalSecureAccessIpAddress", IPSRC, 0, 10),
  R("*TranslatedPort|*NatPort*|SrcNatPortNumber|DstNatPortNumber", PORTSVC, 0, 30),
  R("HostIP|HostIp|Dvc*Ip*|DvcIpAddr|DeviceIp|DeviceIP|DeviceIpAddress|ComputerIP|ComputerIp|AgentIP|"
    "HostIpAddress|NodeIp", IPDEV, 0, 90),
  R("LocalIP|LocalIp|LocalIpAddress|LocalIPAddress|*LocalIP|*LocalIp", IPLOCAL, 0, 100),
  R("RemoteIP|RemoteIp|RemoteIpAddress|RemoteIPAddress|*RemoteIP|*RemoteIp", IPREMOTE, 0, 100),
  R("LocalPort|LocalPortNumber", PORTLOCAL, 0, 100),
  R("RemotePort|RemotePortNumber", PORTREMOTE, 0, 100),
  R("SourceIP|SourceIp|SourceIpAddress|SourceIPAddress|SrcIpAddr|SrcIP|SrcIp|SrcAddr|Src*IpAddr|"
    "Source*Ip|Source*IP|ClientIP|ClientIp|ClientIPAddress|ClientIpAddress|ClientAddress|*ClientIp|"
    "*ClientIP|CallerIpAddress|CallerIPAddress|IpAddress|"
    "IPAddress|SourceAddress|src_ip|srcaddr|c_ip|cIP|IPAddressFromResourceProvider|"
    "GlobalSecureAccessIpAddress|SenderIPv4|SourceIPv4", IPSRC, 0, 100),
  R("DestinationIP|DestinationIp|DestinationIpAddress|DestinationIPAddress|DstIpAddr|DstIP|DstIp|"
    "DstAddr|Dst*IpAddr|Dest*Ip|Dest*IP|Destination*Ip|Destination*IP|TargetIP|TargetIp|"
    "TargetIpAddress|ServerIp|ServerIP|"
    "ServerIpAddress|DestinationAddress|dst_ip|dstaddr|s_ip|sIP|PeerIp|DnsResponseIp|ResponseIp",
    IPDST, 0, 100),
  R("*IpAddress|*IPAddress|*IpAddr|*IPAddr|*Ip|*IP|*Ip_s|*IP_s|*_ip|*IPv4|*Ipv4|*IpV4|"
    "*IPv4Address|*Ipv4Address", IPANY, 0, 60),
  R("SourcePort|SrcPort|SrcPortNumber|Src*Port|Source*Port|ClientPort|"
    "*ClientPort|sPort|RequestSourcePort|NetworkSourcePort|UpstreamSourcePort|src_port|srcport|"
    "c_port|clientPort_d|IpPort", PORTSRC, 0, 100),
  R("DestinationPort|DestPort|DstPort|DstPortNumber|Dst*Port|Destination*Port|Dest*Port|"
    "TargetPort|TargetPortNumber|ServerPort|NetworkDestinationPort|dst_port|"
    "dstport|s_port|Port|NetworkPort|DestinationPortNumber", PORTDST, 0, 100),
  R("*Port|*PortNumber|*Port_d", PORTSVC, 0, 50),
  R("AuthenticationProtocol|*AuthProtocol*|*AuthenticationProtocol", ENUM, L(AUTHPROTO), 80),
  R("ApplicationProtocol|AppProtocol|*ApplicationProtocol|NetworkApplicationProtocol|AppProtocolName",
    APPPROTO, 0, 80),
  R("Protocol|*Protocol|NetworkProtocol|*TransportProtocol|IpProtocol|*ProtocolName|proto|Proto",
    PROTO, 0, 100),
  R("Protocol|*Protocol|NetworkProtocol|IpProtocol|proto|Proto", PROTONUM, 0, 100),
  R("CommunicationDirection|NetworkDirection|Direction|*Direction|FlowDirection", DIRECTION, 0, 100),
  R("*Bytes|*Bytes*|sentBytes_d|receivedBytes_d|csBytes|scBytes|*Bytes_d", BYTES, 0, 90),
  R("*Packets*|Packets", PACKETS, 0, 80),

  /* ---------------- hosts ---------------------------------------------- */
  R("Src*Host*|Source*Host*", HOSTSRC, 0, 60),
  R("Dst*Host*|Dest*Host*|Destination*Host*|Remote*Host*|Target*Host*", HOSTDST, 0, 60),
  R("AadDeviceId|*AadDeviceId|DeviceObjectId", HOSTGUID, 0, 80),
  R("DeviceId|*DeviceId|MachineId|*MachineId|MdeDeviceId", DEVICEID, 0, 100),
  R("*DeviceId|*DeviceId_g|AgentId", HOSTGUID, 0, 80),
  R("DeviceName|*DeviceName|*FQDN|*Fqdn|DvcFQDN|FullyQualified*MachineName|DCDNSName|DnsHostName|"
    "*DnsName", HOSTFQDN, 0, 100),
  R("Computer|*Computer|ComputerName|*ComputerName|HostName|Hostname|*HostName|*Hostname|"
    "*MachineName|Workstation|WorkstationName|*Workstation|ClientName|MachineName|AgentName|NodeName|"
    "Dvc|DvcHostname|DeviceHostname", HOST, 0, 100),
  R("OSPlatform|OsPlatform|OSName|*OSName|*OsName|OperatingSystem|*OperatingSystem|DvcOs|OSType|"
    "OsType|*OSFamily|OSFamily|*OsFamily", OS, 0, 90),
  R("OSVersion|OsVersion|*OSVersion|*OsVersion|DvcOsVersion|OSBuild|OsBuild", OSVER, 0, 80),
  R("OSBuild|OsBuild", NUM, KQL_R_BUILD, 80),
  R("MachineGroup|*DeviceGroup*|*MachineGroup", ENUM, L(MACHINEGROUP), 90),

  /* ---------------- accounts ------------------------------------------- */
  R("*UserAgent|UserAgent|*_UserAgent|csUserAgent|cs_User_Agent|HttpUserAgent|ClientUserAgent|"
    "*UserAgentOriginal", ENUM, L(USERAGENT), 90),
  R("*Sid|*SID|Sid|SidHistory|*SidHistory", SID, 0, 90),
  R("*Upn|*UPN|*UserPrincipalName|UserPrincipalName|AlternateSignInName|SignInIdentifier|Caller|"
    "*Upn_s", UPN, 0, 90),
  R("SenderFromDomain|SenderMailFromDomain|*FromDomain", FQDN, 0, 90),
  R("*EmailAddress|*MailAddress|*FromAddress|*ToAddress|*SmtpAddress|RecipientEmailAddress|"
    "SenderFromAddress|SenderMailFromAddress|Recipient|Sender|To|Cc|Bcc|ReplyTo|*Email|Email|"
    "*Mailbox", EMAIL, 2, 80),
  R("UserDisplayName|*UserDisplayName|AccountDisplayName|*AccountDisplayName|Identity|*FullName|"
    "ActorDisplayName|OwnerName", DISPLAY, 0, 80),
  R("*AccountDomain|*DomainName|*NtDomain|*NTDomain|AccountDomain|DvcDomain|SrcDomain|DstDomain|"
    "*UserDomain|Domain|NTDomain", NTDOMAIN, 0, 90),
  R("*DnsDomain|*DNSDomain|DnsDomain|*UpnSuffix|*DomainSuffix", DNSDOMAIN, 0, 70),
  R("Account|*Account", DOMUSER, 0, 80),
  R("AccountName|*AccountName|UserName|*UserName|*Username|User|*User|SamAccountName|"
    "*SamAccountName|TargetUser|Actor|*ActorName|Username", USER, 0, 90),
  R("UserId|*UserId|*UserObjectId|AccountObjectId|*AccountObjectId|*ObjectId|ActorUserId|"
    "*AadUserId|AadUserId|UserObjectId", USERGUID, 0, 90),
  R("*UserType|UserType", ENUM, L(USERTYPE), 80),
  R("AccountType|*AccountType", ENUM, L(ACCOUNTTYPE), 80),
  R("AppDisplayName|*AppDisplayName|Application|ApplicationName|*ApplicationName|AppName|*AppName|"
    "ResourceDisplayName|ApplicationDisplayName|Workload|*Workload", APPNAME, 0, 90),
  R("AppId|*AppId|ApplicationId|ClientAppId|*ClientId|ClientId|SourceAppClientId|ResourceIdentity|"
    "ServicePrincipalId|*ServicePrincipalId|*AppId_g", APPID, 0, 80),
  R("TokenIssuerType", ENUM, L(TOKENISSUER), 90),

  /* ---------------- processes, files, registry -------------------------- */
  R("*IntegrityLevel|IntegrityLevel|MandatoryLabel", ENUM, L(INTEGRITY), 80),
  R("*TokenElevation|*TokenElevationType|TokenElevationType|ElevatedToken", ENUM, L(TOKENELEV), 80),
  R("*SignerType", ENUM, L(SIGNERTYPE), 80),
  R("*SignatureStatus|*SignatureState", ENUM, L(SIGSTATUS), 80),
  R("*VersionInfoCompanyName|*CompanyName|Publisher|*Publisher|*SoftwareVendor|*SignerName|Signer|"
    "*Signer", VERINFO, 0, 80),
  R("*VersionInfoProductName|*ProductName", VERINFO, 1, 80),
  R("*VersionInfoProductVersion|*ProductVersion|*FileVersion", VERINFO, 2, 80),
  R("*VersionInfoInternalFileName|*InternalFileName|*InternalName", VERINFO, 3, 80),
  R("*VersionInfoOriginalFileName|*OriginalFileName|*OriginalName", VERINFO, 4, 80),
  R("*VersionInfoFileDescription|*FileDescription", VERINFO, 5, 80),
  R("RegistryKey|*RegistryKey|RegistryPath|*RegistryPath|*RegKey", REGKEY, 0, 90),
  R("RegistryValueName|*RegistryValueName|*ValueName", ENUM, L(REGVALNAME), 80),
  R("RegistryValueData|*RegistryValueData|*ValueData", REGDATA, 0, 80),
  R("RegistryValueType|*RegistryValueType|*ValueType", ENUM, L(REGVALTYPE), 80),
  R("*FileName|FileName|*ProcessName|ProcessName|Process|*ImageName|*ImageFileName|Image|"
    "ParentImage|NewProcessName|*ServiceFileName|ParentProcess|exe", FNAME, 0, 90),
  R("*FolderPath|FolderPath|*FilePath|FilePath|*ProcessPath|ProcessPath|*ImagePath|"
    "*ExecutablePath|*Path|Path|FilePathNoUser", FPATH, 0, 80),
  R("*FolderName|*Directory|Directory|*Folder|Folder|*WorkingDirectory", FFOLDER, 0, 70),
  R("*CommandLine|CommandLine|*CmdLine|*Commandline|*Command|Command|cmdline", CMDLINE, 0, 90),
  R("*SHA256*|*Sha256*|*sha256*", HASH, 2, 90),
  R("*SHA1*|*Sha1*|*sha1*", HASH, 1, 90),
  R("*MD5*|*Md5*|*md5*", HASH, 0, 90),
  R("*FileHash|FileHash|*Hash|Hash|*HashValue|*Hashes", HASH, 2, 80),
  R("*FileSize|FileSize|OldFileSize|ObjectSize|*ImageSize", FSIZE, 0, 80),
  R("*ProcessId|ProcessId|*ProcessID|ProcessID|Pid|pid|ppid|*Pid|FirstPid|*ParentId|"
    "ParentProcessId|NewProcessId|ThreadId|*ThreadId", PID, 0, 90),
  R("*LogonId|LogonID|*LogonID|LogonId", LOGONID, 0, 80),
  R("LogonType|*LogonType", ENUM, L(LOGONTYPE), 100),
  R("LogonType|*LogonType", ENUMNUM, L(LOGONTYPE_N), 100),

  /* ---------------- web and DNS ---------------------------------------- */
  R("*Url|*URL|Url|URL|*Uri|*URI|Uri|RequestURL|RequestUri|*Referrer|*Referer|Referrer|csUriStem|"
    "*UrlOriginal|*UrlFull|*Link", URL, 0, 80),
  R("*Domain|UrlDomain|*UrlHostname|TargetDomain|RemoteDomain|csHost|Host|*Host|SNI|*Sni|"
    "ServerName|*ServerName|DnsQuery|QueryName|DnsQueryName", FQDN, 0, 80),
  R("*AuthenticationMethod*|AuthMethod|*AuthMethod|AuthenticationMethodsUsed", ENUM, L(AUTHMETHOD), 80),
  R("RequestMethod|HttpMethod|*HttpMethod|*RequestMethod|Method|csMethod|cs_Method|"
    "HttpRequestMethod|*Method", ENUM, L(HTTPMETHOD), 80),
  R("DnsQueryType|QueryType|*QueryType|DnsQueryTypeName|*QueryTypeName|RecordType|*RecordType",
    ENUM, L(DNSTYPE), 90),
  R("DnsQueryType|QueryType|*QueryType|RecordType|*RecordType", ENUMNUM, L(DNSTYPE_N), 90),
  R("DnsResponseCode|*DnsResponseCode|*ResponseCodeName|DnsResponseName|*RCode|Rcode|"
    "ResultCodeName", ENUM, L(DNSRCODE), 90),
  R("DnsResponseCode|*DnsResponseCode|*RCode|Rcode", ENUMNUM, L(DNSRCODE_N), 90),
  R("*StatusCode|StatusCode|HttpStatus|HttpStatusCode|*HttpStatus|ScStatus|sc_status|ResponseCode|"
    "*ResponseCode|httpStatusCode_d|httpStatus_d|ElbStatusCode|BackendResponseCode|"
    "ResponseStatusCode|ResultCode", ENUMNUM, L(HTTPSTATUS_N), 90),
  R("*ContentType|ContentType|*MimeType|MimeType", ENUM, L(MIMETYPE), 70),
  R("FileType|*FileType", ENUM, L(FILETYPE), 70),

  /* ---------------- events, actions, results ---------------------------- */
  R("ActionType|*ActionType", ENUM, L(ACTIONTYPE), 100),
  R("DeviceAction|DvcAction|Action|*Action|DvcOriginalAction", ACTION, 1, 90),
  R("LogSeverity|*LogSeverity", ENUM, L(CEF_LOGSEV), 100),
  R("Severity|*Severity|AlertSeverity|EventSeverity|*SeverityName|SeverityLevel", ENUM, L(SEVERITY), 100),
  R("Severity|*Severity|*SeverityLevel", NUM, KQL_R_SEV, 100),
  R("*RiskState|RiskState", ENUM, L(RISKSTATE), 90),
  R("RiskDetail|*RiskDetail", ENUM, L(RISKDETAIL), 90),
  R("*RiskLevel*|RiskLevel|*Risk", ENUM, L(RISK), 90),
  R("*RiskLevel*|RiskLevel", NUM, KQL_R_LEVEL, 90),
  R("Level|*Level|EventLevelName|LevelName", ENUM, L(LEVEL), 90),
  R("*Level", NUM, KQL_R_LEVEL, 80),
  R("EventID|EventId|EventCode|*EventID|*EventId|EventNumber|Event_ID", EVENTID, 0, 100),
  R("ConditionalAccessStatus", ENUM, L(CASTATUS), 100),
  R("ConditionalAccessStatus", ENUMNUM, L(CASTATUS_N), 100),
  R("ClientAppUsed", ENUM, L(CLIENTAPP), 100),
  R("AuthenticationRequirement", ENUM, L(AUTHREQ), 100),
  R("ResultType|Result|*Result|EventResult|Outcome|*Outcome|ResultSignature", RESULT, 0, 90),
  R("OperationName|Operation|*OperationName|ActivityDisplayName|EventName|*EventName|ActivityName|"
    "*ActivityName", ENUM, L(OPERATION), 90),
  R("Category|*Category", ENUM, L(CATEGORY), 80),
  R("Tactics|*Tactics|*Tactic|RelatedMitreTactics|TacticIds", TACTICS, 0, 80),
  R("Tactics|*Tactics|RelatedMitreTactics|TacticIds", DYNTACT, 0, 80),
  R("Techniques|*Techniques|*Technique|SubTechniques|TechniqueIds|*TechniqueIds|RelatedMitreTechniques|"
    "AttackTechniques", TECHS, 0, 80),
  R("Techniques|*Techniques|SubTechniques|TechniqueIds|*TechniqueIds|RelatedMitreTechniques|"
    "AttackTechniques", DYNTECH, 0, 80),
  R("Entities|*Entities|EnrichedEntities|*EntityList", DYNENT, 0, 90),
  R("AlertName|*AlertName|AlertDisplayName|*AlertTitle|ThreatName|DetectionName|AnalyticRuleName",
    ENUM, L(ALERTNAME), 80),
  R("ThreatType|*ThreatType|ThreatCategory|*ThreatCategory|MalwareFamily|ThreatFamily", ENUM,
    L(THREATTYPE), 60),
  R("*ConfidenceScore|ConfidenceScore", NUM, KQL_R_UNIT, 80),
  R("*Confidence|Confidence|ConfidenceLevel|*ConfidenceLevel", ENUM, L(CONFIDENCE), 80),
  R("*Confidence|Confidence", NUM, KQL_R_SCORE, 80),
  R("*Score|Score|*Score_d|*Percent*|*Percentage*|*Pct", NUM, KQL_R_SCORE, 70),
  R("ServiceName|*ServiceName", ENUM, L(SERVICE), 70),
  R("Country|*Country|*CountryCode|*CountryOrRegion|CountryOrRegion|*Country_s", GEO, 2, 70),
  R("City|*City|*City_s", GEO, 0, 70),
  R("*GeoRegion|*GeoState|*StateOrProvince|StateOrProvince", GEO, 1, 70),
  R("*Latitude", LAT, 0, 70),
  R("*Longitude|*Longtitude", LON, 0, 70),
  RM("LocationDetails|*LocationDetails|SourceLocation|DestinationLocation|*GeoLocation|GeoLocation|"
     "Location", DYNLOC, 0, 90, M_DYN),
  R("Location|*Location|ResourceLocation|AzureRegion|Region|*Region|DataCenter", ENUM, L(REGION), 70),
  R("AutonomousSystemNumber|*Asn|*ASN", NUM, KQL_R_ASN, 70),
  R("ResourceGroup|*ResourceGroup|ResourceGroupName|*ResourceGroupName", ENUM, L(RESGROUP), 90),
  R("Subject|EmailSubject|*Subject", ENUM, L(EMAILSUBJECT), 80),
  R("DeliveryAction|*DeliveryAction|DeliveryLocation", ENUM, L(DELIVERY), 80),
  R("*Label", LABEL, 0, 20),

  /* ---------------- dynamic shapes (JSON; also the text of string columns) */
  R("DeviceDetail|*DeviceDetail", DYNDEV, 0, 90),
  RM("Status", DYNSTATUS, 0, 100, M_DYN),
  R("ConditionalAccessPolicies|AppliedConditionalAccessPolicies|*ConditionalAccessPolicies", DYNCAP, 0, 80),
  RM("*Ids|*IDs|AlertIds|BookmarkIds|*EntityIds|HostIds", DYNGUIDS, 0, 60, M_DYN|M_STR),
  RM("Tags|*Tags|Labels|*Labels|Categories|*Categories|*Names|*Types|Keywords|*Keywords|"
     "Capabilities|Roles|*Roles|Scopes|*Scopes|Permissions|*Permissions|Groups|*Groups|Members|"
     "*Members|*List|Channels|*Actions", DYNWORDS, 0, 60, M_DYN),
  RM("*Details|*Properties|AdditionalFields|*Fields|*Info|*Data|*Context|*Metadata|*Json|*Payload|"
     "Properties_d|*_d|*Details_s", DYNBAG, 0, 60, M_DYN|M_STR),

  /* ---------------- generic shapes ------------------------------------- */
  R("Status|*Status|ResultStatus|*State|State", ENUM, L(STATUS), 70),
  R("Status|*Status", NUM, KQL_R_CODE, 70),
  R("IsSuccess|Succeeded|*Success|*Succeeded|IsRequestSuccess|IsCompliant|IsManaged*|Enabled|"
    "*Enabled|IsActive|Active", BOOL, 85, 80),
  RM("Is*|Has*|*Flag|*Flags|Enable*|*Disabled|Can*|*Allowed", BOOL, 25, 60, M_BOOL|M_STR),
  R("*Message|Message|*Description|Description|EventMessage|Summary|*Summary|*Comment|Comment|"
    "*Comments|*Reason|Reason|FailureReason|RemediationSteps|*Text|*Remarks", MSG, 0, 60),
  RM("*Duration*|*Ms|*MS|*Milliseconds|*InMilliseconds|*Latency*|*TimeTaken|TimeTaken|*Time|"
     "*Elapsed*|*Secs|*Seconds|*Time_d|duration_d", NUM, KQL_R_DURMS, 70, M_NUM|M_STR),
  R("*Ttl|TTL|*TTL|*TimeToLive", NUM, KQL_R_TTL, 70),
  R("*Code|Code|ErrorNumber|*ErrorCode|ErrorCode", NUM, KQL_R_CODE, 70),
  R("*Priority|Priority|*Rank|Rank", NUM, KQL_R_LEVEL, 60),
  R("*Count|Count|*Counts|*Total|Total|*Num|*Number|*Times|Occurrences", NUM, KQL_R_COUNT, 70),
  R("*Version|Version|*VersionNumber|*Version_s", VERSION, 0, 70),
  RM("*Id|*ID|Id|ID|*Guid|*GUID|*Uid|*UID|*_g|*Identifier|*Key", GUID, 0, 70, M_STR|T(GUID)),
  RM("*Id|*ID|Id|ID", NUM, KQL_R_ID, 70, T(LONG)|T(REAL)),
  R("*Name|*Name_s", NAMEWORD, 0, 40),
  R("*Type|*Kind|*Mode|*Class|*Tier|*Sku|*Plan|*Category", WORD, 0, 50),

  /* ---------------- one fallback per type ------------------------------ */
  RM("*", WORD, 0, 30, M_STR),
  RM("*", NUM, KQL_R_SMALL, 40, T(INT)),
  RM("*", NUM, KQL_R_BIG, 40, T(LONG)),
  RM("*", NUM, KQL_R_REAL, 40, T(REAL)|T(DECIMAL)),
  RM("*", BOOL, 30, 40, M_BOOL),
  RM("*", TRECENT, 0, 40, M_DT),
  RM("*", SPAN, 0, 40, T(TIMESPAN)),
  RM("*", GUID, 0, 40, T(GUID)),
  RM("*", DYNBAG, 0, 40, M_DYN),
};

typedef struct GenInfo GenInfo;
struct GenInfo { const char *zName; int eOut; int bClean; KqlGenFn xGen; };
static const GenInfo aGen[KQL_G_COUNT] = {
#define G(E, O, C, F) { #E, O, C, F },
  KQL_GEN_GENERATORS
#undef G
};

const char *kqlGenName(int eGen){
  return eGen>=0 && eGen<KQL_G_COUNT ? aGen[eGen].zName : "?";
}

int kqlGenIsClean(int eGen){
  return eGen>=0 && eGen<KQL_G_COUNT ? aGen[eGen].bClean : 0;
}

/* Can a column of KQL type eType hold what generator eGen (argument iArg)
** writes? */
static int fits(int eType, int eGen, int iArg){
  int eOut = aGen[eGen].eOut;
  if( eOut==KQL_GO_NUM ) eOut = kqlGenRangeKind(iArg);
  switch( eType ){
    case KQL_T_STRING:   return 1;
    case KQL_T_INT:      return eOut==KQL_GO_INT;
    case KQL_T_LONG:     return eOut==KQL_GO_INT || eOut==KQL_GO_LONG;
    case KQL_T_REAL:
    case KQL_T_DECIMAL:  return eOut==KQL_GO_INT || eOut==KQL_GO_LONG || eOut==KQL_GO_REAL;
    case KQL_T_BOOL:     return eOut==KQL_GO_BOOL;
    case KQL_T_DATETIME: return eOut==KQL_GO_TIME;
    case KQL_T_TIMESPAN: return eOut==KQL_GO_SPAN;
    case KQL_T_GUID:     return eOut==KQL_GO_GUID;
    case KQL_T_DYNAMIC:
      return eOut==KQL_GO_JSON || eOut==KQL_GO_INT || eOut==KQL_GO_LONG
          || eOut==KQL_GO_REAL || eOut==KQL_GO_BOOL;
    default:             return eOut==KQL_GO_TEXT;
  }
}

static int startsWith(const char *z, const char *zPrefix){
  return strncmp(z, zPrefix, strlen(zPrefix))==0;
}

/* Which of the row's processes or files a column describes. */
static int procRole(const char *zTable, const char *zCol){
  if( startsWith(zCol, "InitiatingProcessParent") || startsWith(zCol, "Parent")
   || startsWith(zCol, "ActingProcessParent") ){
    return KQL_PROC_PARENT;
  }
  if( startsWith(zCol, "Initiating") || startsWith(zCol, "Acting") || startsWith(zCol, "Caller") ){
    return KQL_PROC_INIT;
  }
  if( strstr(zCol, "Process") || strstr(zTable, "Process") ) return KQL_PROC_EXE;
  return KQL_PROC_FILE;
}

/* Does the column describe the target user or host of the event? */
static int isTarget(const char *zCol){
  static const char *const azPrefix[] = {
    "Target", "Dst", "Dest", "Member", "Recipient",
  };
  for(unsigned i=0; i<sizeof(azPrefix)/sizeof(azPrefix[0]); i++){
    if( startsWith(zCol, azPrefix[i]) ) return 1;
  }
  return 0;
}

/* Planting role of a column. The device's own address ("LocalIP",
** "ComputerIP") is planted only when the table has no other address
** column: an indicator there is not a remote party. */
static int plantRole(const KqlGenCol *c){
  if( startsWith(c->zName, "Local") ) return KQL_ROLE_IPOTHER;
  switch( c->eGen ){
    case KQL_G_IPDEV:
    case KQL_G_IPLOCAL:
    case KQL_G_IPNAT:
    case KQL_G_IPPUB:   return KQL_ROLE_IPOTHER;
    case KQL_G_IPSRC:   return KQL_ROLE_IPSRC;
    case KQL_G_IPDST:   return KQL_ROLE_IPDST;
    case KQL_G_IPREMOTE: return KQL_ROLE_IPDST;     /* planted rows go outbound */
    case KQL_G_PORTREMOTE: return KQL_ROLE_PORTDST;
    case KQL_G_IPANY:   return (c->iSalt>>7) & 1 ? KQL_ROLE_IPSRC : KQL_ROLE_IPDST;
    case KQL_G_PORTSRC: return KQL_ROLE_PORTSRC;
    case KQL_G_PORTDST: return KQL_ROLE_PORTDST;
    case KQL_G_URL:     return KQL_ROLE_URL;
    case KQL_G_MSG:     return KQL_ROLE_MSG;
    default:            return KQL_ROLE_NONE;
  }
}

/* The rule for column zCol of type eType in table zTable (there always is
** one: the table ends with a fallback for each type). */
static const KqlGenRule *findRule(const char *zTable, const char *zCol, int eType){
  for(unsigned i=0; i<sizeof(aRule)/sizeof(aRule[0]); i++){
    const KqlGenRule *r = &aRule[i];
    if( r->zTable && !kqlGenGlob(r->zTable, zTable) ) continue;
    if( r->mType && (r->mType & (1u<<eType))==0 ) continue;
    if( !fits(eType, r->eGen, r->iArg) ) continue;
    if( !kqlGenGlob(r->zCol, zCol) ) continue;
    return r;
  }
  return &aRule[sizeof(aRule)/sizeof(aRule[0]) - 1];
}

int kqlGenBind(KqlGen *p){
  const KqlTableDef *pDef = p->pDef;
  p->nCol = pDef->nCol;
  p->aCol = calloc((size_t)(pDef->nCol>0 ? pDef->nCol : 1), sizeof(KqlGenCol));
  if( p->aCol==0 ) return -1;
  for(int i=0; i<pDef->nCol; i++){
    KqlGenCol *c = &p->aCol[i];
    const KqlColDef *d = &pDef->aCol[i];
    int eType = d->eType;
    if( eType<0 || eType>=KQL_T_COUNT || eType==KQL_T_UNKNOWN || eType==KQL_T_TABLE ){
      eType = KQL_T_STRING;
    }
    const KqlGenRule *r = findRule(pDef->zName, d->zName, eType);
    c->zName = d->zName;
    c->eType = eType;
    c->eGen = r->eGen;
    c->iArg = r->iArg;
    c->nFill = r->nFill;
    c->iFollow = -1;
    c->iSalt = kqlGenHashStr(d->zName);
    c->eProc = procRole(pDef->zName, d->zName);
    c->bTarget = isTarget(d->zName);
    c->eRole = plantRole(c);
    c->xGen = aGen[c->eGen].xGen;
    c->bClean = aGen[c->eGen].bClean;
  }
  /* "FooLabel" has a value exactly when "Foo" has one */
  for(int i=0; i<p->nCol; i++){
    KqlGenCol *c = &p->aCol[i];
    int n = (int)strlen(c->zName);
    if( c->eGen!=KQL_G_LABEL || n<=5 ) continue;
    int j = kqlCatalogColumn(pDef, c->zName, n-5);
    if( j>=0 && j!=i && p->aCol[j].eGen!=KQL_G_LABEL ) c->iFollow = j;
  }
  return 0;
}
