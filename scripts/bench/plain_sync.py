#!/usr/bin/env python3
"""The baseline Flotta's sync must beat: a plain standard-library script (urllib, json,
sqlite3) that pages one vendor's device list from the emulator into a fresh SQLite file.

    python3 scripts/bench/plain_sync.py --url http://127.0.0.1:PORT --vendor intune|jamf|ws1 \
        [--db fresh.sqlite3] [--synchronous NORMAL]

It signs in as Flotta does, asks for the same fields and sections (for Jamf Pro, its Macs as
well as its mobile devices, as Flotta reads both), follows the vendor's paging sequentially
(one request at a time, as such scripts do), keeps a handful of fields per device plus the
raw record, and commits once. Its SQLite file has the durability Flotta's register has: WAL
journal with synchronous=NORMAL (flotta-store's connection.rs), unless --synchronous says
otherwise. It does no matching, history, search index or validation: it is the floor set by
the wire, JSON parsing and SQLite, not a second implementation of Flotta.
"""

import argparse
import base64
import json
import os
import sqlite3
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

CLIENT_ID = "flotta-demo"
SECRET = "demo-secret"
TENANT = "exempelstad.onmicrosoft.com"
TENANT_CODE = "EXEMPELSTAD-API-KEY"


def post_form(url, fields):
    body = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(urllib.request.Request(url, data=body)) as response:
        return json.load(response)


def get_json(url, headers):
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        data = response.read()
        return json.loads(data) if data else None


def graph(root):
    token = post_form(f"{root}/login/{TENANT}/oauth2/v2.0/token", {
        "grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": SECRET,
        "scope": "https://graph.microsoft.com/.default"})["access_token"]
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    # The fields Flotta asks for (flotta-sync's intune.rs), so both move the same bytes.
    select = ("id,serialNumber,imei,manufacturer,model,operatingSystem,osVersion,managedDeviceOwnerType,"
              "userPrincipalName,emailAddress,userDisplayName,complianceState,jailBroken,isEncrypted,"
              "enrolledDateTime,lastSyncDateTime,deviceCategoryDisplayName")
    url = f"{root}/graph/v1.0/deviceManagement/managedDevices?$select={select}&$top=1000"
    while url:
        page = get_json(url, headers)
        for d in page["value"]:
            yield (d["id"], d.get("serialNumber"), d.get("imei"), d.get("model"),
                   d.get("osVersion"), d.get("userPrincipalName"), d.get("lastSyncDateTime"), json.dumps(d))
        url = page.get("@odata.nextLink")


def jamf(root):
    token = post_form(f"{root}/jamf/api/oauth/token", {
        "grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": SECRET})["access_token"]
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
    # Phones and tablets, then Macs: Flotta reads both listings of a Jamf Pro server
    # (flotta-sync's jamf.rs and jamf_computers.rs), with the same sections.
    sections = "section=GENERAL&section=HARDWARE&section=USER_AND_LOCATION&section=SECURITY&section=NETWORK"
    page = 0
    while True:
        body = get_json(f"{root}/jamf/api/v2/mobile-devices/detail?{sections}&page={page}&page-size=1000", headers)
        if not body["results"]:
            break
        for d in body["results"]:
            general, hardware = d.get("general") or {}, d.get("hardware") or {}
            user = d.get("userAndLocation") or {}
            yield (d["mobileDeviceId"], hardware.get("serialNumber"), (d.get("network") or {}).get("imei"),
                   hardware.get("model"), general.get("osVersion"), user.get("emailAddress"),
                   general.get("lastInventoryUpdateDate"), json.dumps(d))
        page += 1
    computers = computers_inventory(root, headers)
    sections = ("section=GENERAL&section=HARDWARE&section=OPERATING_SYSTEM&section=USER_AND_LOCATION"
                "&section=DISK_ENCRYPTION")
    page = 0
    while True:
        body = get_json(f"{computers}?{sections}&sort=id%3Aasc&page={page}&page-size=1000", headers)
        if not body["results"]:
            return
        for d in body["results"]:
            general, hardware = d.get("general") or {}, d.get("hardware") or {}
            user = d.get("userAndLocation") or {}
            # Computer ids are numbered apart from mobile device ids.
            yield ("computer:" + d["id"], hardware.get("serialNumber"), None, hardware.get("model"),
                   (d.get("operatingSystem") or {}).get("version"), user.get("email"),
                   general.get("lastContact") or general.get("lastContactTime"), json.dumps(d))
        page += 1


def computers_inventory(root, headers):
    """The newest computers-inventory version the server answers (v4 down to v1), as Flotta
    looks for it."""
    for version in (4, 3, 2, 1):
        url = f"{root}/jamf/api/v{version}/computers-inventory"
        try:
            get_json(f"{url}?page=0&page-size=1", headers)
            return url
        except urllib.error.HTTPError as error:
            if error.code != 404:
                raise
    raise RuntimeError("the server answers none of the computers-inventory versions v1-v4")


def ws1(root):
    token = post_form(f"{root}/ws1-auth/connect/token", {
        "grant_type": "client_credentials", "client_id": CLIENT_ID, "client_secret": SECRET})["access_token"]
    headers = {"Authorization": f"Bearer {token}", "Accept": "application/json", "aw-tenant-code": TENANT_CODE}
    page = 0
    while True:
        body = get_json(f"{root}/ws1/API/mdm/devices/search?page={page}&pagesize=1000", headers)
        if not body:
            return
        for d in body["Devices"]:
            yield (str(d["Id"]["Value"]), d.get("SerialNumber"), d.get("Imei"), d.get("Model"),
                   d.get("OperatingSystem"), d.get("UserEmailAddress"), d.get("LastSeen"), json.dumps(d))
        page += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--vendor", choices=["intune", "jamf", "ws1"], default="intune")
    parser.add_argument("--db", help="a new SQLite file to write (default: one in a fresh temporary folder)")
    # Flotta's register runs WAL with synchronous=NORMAL (flotta-store/src/connection.rs):
    # the same here, so both pay the same for durability.
    parser.add_argument("--synchronous", choices=["OFF", "NORMAL", "FULL", "EXTRA"], default="NORMAL")
    args = parser.parse_args()
    fetch = {"intune": graph, "jamf": jamf, "ws1": ws1}[args.vendor]
    path = args.db or os.path.join(tempfile.mkdtemp(), "plain.sqlite3")
    if os.path.exists(path):
        parser.error(f"{path} exists; the baseline writes a fresh file")
    started = time.perf_counter()
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"PRAGMA synchronous={args.synchronous}")
    synchronous = {0: "OFF", 1: "NORMAL", 2: "FULL", 3: "EXTRA"}[db.execute("PRAGMA synchronous").fetchone()[0]]
    db.execute("CREATE TABLE devices (vendor_id TEXT PRIMARY KEY, serial TEXT, imei TEXT, model TEXT,"
               " os_version TEXT, user TEXT, last_seen TEXT, raw TEXT)")
    with db:
        db.executemany("INSERT INTO devices VALUES (?, ?, ?, ?, ?, ?, ?, ?)", fetch(args.url.rstrip("/")))
    count = db.execute("SELECT count(*) FROM devices").fetchone()[0]
    # Closing the last connection checkpoints the write-ahead log into the file, as Flotta's
    # tidying after a sync does (flotta-core's sync.rs, tidy_after_sync).
    db.close()
    elapsed = time.perf_counter() - started
    print(f"plain python: {args.vendor} {count} devices, WAL synchronous={synchronous}: {elapsed:.3f} s in-script "
          f"(from connect to close; excludes interpreter start-up and imports)")


if __name__ == "__main__":
    main()
