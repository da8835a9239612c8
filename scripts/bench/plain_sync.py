#!/usr/bin/env python3
"""The baseline Flotta's sync must beat: a plain standard-library script (urllib, json,
sqlite3) that pages one vendor's device list from the emulator into a fresh SQLite file.

    python3 scripts/bench/plain_sync.py --url http://127.0.0.1:PORT --vendor intune|jamf|ws1

It signs in as Flotta does, asks for the same fields and sections, follows the vendor's
paging sequentially (one request at a time, as such scripts do), keeps a handful of fields
per device plus the raw record, and commits once. It does no matching, history, search index or validation: it is the floor set by the
wire, JSON parsing and SQLite, not a second implementation of Flotta.
"""

import argparse
import base64
import json
import os
import sqlite3
import tempfile
import time
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
    sections = "section=GENERAL&section=HARDWARE&section=USER_AND_LOCATION&section=SECURITY&section=NETWORK"
    page = 0
    while True:
        body = get_json(f"{root}/jamf/api/v2/mobile-devices/detail?{sections}&page={page}&page-size=1000", headers)
        if not body["results"]:
            return
        for d in body["results"]:
            general, hardware = d.get("general") or {}, d.get("hardware") or {}
            user = d.get("userAndLocation") or {}
            yield (d["mobileDeviceId"], hardware.get("serialNumber"), (d.get("network") or {}).get("imei"),
                   hardware.get("model"), general.get("osVersion"), user.get("emailAddress"),
                   general.get("lastInventoryUpdateDate"), json.dumps(d))
        page += 1


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
    args = parser.parse_args()
    fetch = {"intune": graph, "jamf": jamf, "ws1": ws1}[args.vendor]
    path = os.path.join(tempfile.mkdtemp(), "plain.sqlite3")
    started = time.perf_counter()
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE devices (vendor_id TEXT PRIMARY KEY, serial TEXT, imei TEXT, model TEXT,"
               " os_version TEXT, user TEXT, last_seen TEXT, raw TEXT)")
    with db:
        db.executemany("INSERT INTO devices VALUES (?, ?, ?, ?, ?, ?, ?, ?)", fetch(args.url.rstrip("/")))
    count = db.execute("SELECT count(*) FROM devices").fetchone()[0]
    elapsed = time.perf_counter() - started
    print(f"plain python: {args.vendor} {count} devices: {elapsed:.3f} s ({count / elapsed:.0f} devices/s)")


if __name__ == "__main__":
    main()
