#!/usr/bin/env python3
"""Times Flotta's command-line sync and the plain-Python baseline as whole processes.

    python3 scripts/bench/whole_process.py --url http://127.0.0.1:PORT \\
        [--vendors intune,jamf,ws1] [--runs 5] [--flotta-cli target/release/flotta-cli]

One clock for both sides: time.perf_counter() around subprocess.run, from before the process
is started to after it has exited, so each side pays for its own start-up, opening or creating
its database, the sync, whatever it does after the sync, and exit. CPU time is the children's
user + system time (resource.getrusage(RUSAGE_CHILDREN)) before and after each run.

Each side writes into a fresh database every run:
  * Flotta: `flotta-cli --db FRESH sync NAME --full`, where FRESH is a copy of a template
    register made once per vendor before any timing (`flotta-cli connections add`, then
    checkpointed so the copy is one file). The copy is made outside the timed region; the
    timed process opens the file (nothing to migrate), syncs, tidies up and exits.
  * Python: `python3 scripts/bench/plain_sync.py --db FRESH ...`, FRESH a path in a new folder.
Then, Flotta alone (the script has no second sync), an unchanged re-sync: `sync NAME --full`
on a copy of a register that one untimed full sync filled from the same tenant, checkpointed
like the template; every record is listed again and found unchanged.
Both use a WAL journal with synchronous=NORMAL, the setting flotta-store applies to every
connection (crates/flotta-store/src/connection.rs). Runs alternate which side goes first
(A B, B A, ...), all against the same emulator process, which the caller starts once.
"""

import argparse
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLAIN_SYNC = os.path.join(ROOT, "scripts", "bench", "plain_sync.py")

# What flotta-store sets on every connection (crates/flotta-store/src/connection.rs); the
# baseline is given the same.
SYNCHRONOUS = "NORMAL"

# The emulator's credentials (flotta-emulator's `Credentials::default()`), as
# crates/flotta-core/examples/sync_bench.rs and plain_sync.py use them.
CLIENT_ID = "flotta-demo"
SECRET = "demo-secret"
TENANT = "exempelstad.onmicrosoft.com"
TENANT_CODE = "EXEMPELSTAD-API-KEY"
# sync_bench.rs's defaults: devices only (the baseline reads no apps), 1,000 a page, four
# requests at a time (Flotta's default; the baseline pages one request at a time).
PAGE_SIZE = 1000
CONCURRENCY = 4


def connection_args(vendor, root):
    """`flotta-cli connections add` arguments for the connection sync_bench.rs configures.

    Without the keyring: the secret is not stored anywhere, each sync takes it from
    FLOTTA_CONNECTION_SECRET (and Workspace ONE's tenant code from FLOTTA_TENANT_CODE), so the
    benchmark leaves the machine's keyring alone."""
    common = ["--client-id", CLIENT_ID, "--auth", "client-credentials", "--page-size", str(PAGE_SIZE),
              "--concurrency", str(CONCURRENCY), "--apps", "off", "--manual", "--without-keyring"]
    if vendor == "intune":
        return ["--vendor", "intune", "--base-url", f"{root}/graph", "--token-url", f"{root}/login",
                "--tenant", TENANT] + common
    if vendor == "jamf":
        return ["--vendor", "jamf-pro", "--base-url", f"{root}/jamf"] + common
    if vendor == "ws1":
        # The tenant code, an API key, comes from FLOTTA_TENANT_CODE as the secret does.
        return ["--vendor", "workspace-one", "--base-url", f"{root}/ws1",
                "--token-url", f"{root}/ws1-auth/connect/token"] + common
    raise ValueError(vendor)


def flotta_env():
    env = dict(os.environ)
    env["FLOTTA_CONNECTION_SECRET"] = SECRET
    env["FLOTTA_TENANT_CODE"] = TENANT_CODE
    return env


def make_template(flotta_cli, vendor, root, folder):
    """A register holding just the benchmark's connection, made before any timing."""
    path = os.path.join(folder, f"template-{vendor}.sqlite3")
    name = f"bench-{vendor}"
    command = [flotta_cli, "--db", path, "connections", "add", "--name", name] + connection_args(vendor, root)
    done = subprocess.run(command, env=flotta_env(), capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"cannot make the template register: {' '.join(command)}\n"
                 f"exit {done.returncode}\n{done.stdout}{done.stderr}")
    # Fold the write-ahead log into the file, so one file is the whole register to copy.
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    if os.path.exists(path + "-wal") and os.path.getsize(path + "-wal") > 0:
        sys.exit(f"{path}-wal is not empty after a checkpoint")
    return path, name


def timed(command, env=None):
    """Runs `command` to its exit: wall seconds, CPU seconds (user + system), its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        sys.exit(f"failed (exit {done.returncode}): {' '.join(command)}\n{done.stdout}{done.stderr}")
    return wall, cpu, done.stdout


def run_flotta(flotta_cli, template, name, folder):
    path = os.path.join(folder, "flotta.sqlite3")
    shutil.copyfile(template, path)  # outside the timed region
    wall, cpu, out = timed([flotta_cli, "--db", path, "sync", name, "--full"], env=flotta_env())
    match = re.search(r"(\d+) records, (\d+) added", out)
    if not match or "Succeeded" not in out:
        sys.exit(f"flotta-cli did not report a succeeded sync:\n{out}")
    return wall, cpu, int(match.group(1)), out


def make_synced(flotta_cli, template, name, folder):
    """The template after one full sync, checkpointed: what an unchanged re-sync starts from."""
    path = os.path.join(folder, os.path.basename(template).replace("template-", "synced-"))
    shutil.copyfile(template, path)
    timed([flotta_cli, "--db", path, "sync", name, "--full"], env=flotta_env())
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


def run_python(url, vendor, folder):
    path = os.path.join(folder, "plain.sqlite3")
    wall, cpu, out = timed([sys.executable, PLAIN_SYNC, "--url", url, "--vendor", vendor, "--db", path,
                            "--synchronous", SYNCHRONOUS])
    match = re.search(r" (\d+) devices, WAL synchronous=(\w+)", out)
    if not match or match.group(2) != SYNCHRONOUS:
        sys.exit(f"plain_sync.py did not report its devices and synchronous={SYNCHRONOUS}:\n{out}")
    return wall, cpu, int(match.group(1))


def summary(label, values):
    return (f"{label}: min {min(values):.3f} s, median {statistics.median(values):.3f} s, "
            f"max {max(values):.3f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", required=True, help="the emulator, as flotta-emulator printed it")
    parser.add_argument("--vendors", default="intune,jamf,ws1")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each side per vendor")
    parser.add_argument("--flotta-cli", default=os.path.join(ROOT, "target", "release", "flotta-cli"))
    parser.add_argument("--sides", default="flotta,python",
                        help="which sides to run (flotta, python or both); both unless told")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    sides = args.sides.split(",")
    if not sides or any(side not in ("flotta", "python") for side in sides):
        parser.error("--sides takes flotta, python or flotta,python")
    root = args.url.rstrip("/")
    print(f"whole processes, one external clock (perf_counter around subprocess.run, start to exit); "
          f"{args.runs} runs a side, order alternating; both WAL with synchronous={SYNCHRONOUS} "
          f"(Flotta's setting, crates/flotta-store/src/connection.rs); Flotta concurrency {CONCURRENCY}, "
          f"the script one request at a time; page size {PAGE_SIZE}; devices only, no apps", flush=True)
    work = tempfile.mkdtemp(prefix="flotta-bench-")
    templates = {}  # vendor -> (template register, connection name), made once

    def template_of(vendor):
        if vendor not in templates:
            templates[vendor] = make_template(args.flotta_cli, vendor, root, work)
        return templates[vendor]

    try:
        for vendor in args.vendors.split(","):
            if "flotta" in sides:
                template, name = template_of(vendor)
            results = {"flotta": [], "python": []}
            records = {"flotta": set(), "python": set()}
            for run in range(args.runs):
                order = [side for side in (["flotta", "python"] if run % 2 == 0 else ["python", "flotta"])
                         if side in sides]
                for side in order:
                    folder = tempfile.mkdtemp(dir=work)
                    if side == "flotta":
                        wall, cpu, count, _ = run_flotta(args.flotta_cli, template, name, folder)
                    else:
                        wall, cpu, count = run_python(root, vendor, folder)
                    shutil.rmtree(folder)  # outside the timed region
                    results[side].append((wall, cpu))
                    records[side].add(count)
                    print(f"  {vendor} run {run + 1} ({' then '.join(order)}): {side:6} "
                          f"{wall:.3f} s wall, {cpu:.3f} s CPU, {count} devices", flush=True)
            print(f"== {vendor}: whole process, start to exit, {args.runs} runs each")
            for side, label in (("flotta", "flotta-cli sync --full"), ("python", "plain_sync.py       ")):
                if side not in sides:
                    continue
                walls = [wall for wall, _ in results[side]]
                cpus = [cpu for _, cpu in results[side]]
                print(f"  {label}  {summary('wall', walls)};  {summary('CPU', cpus)};  "
                      f"devices {sorted(records[side])}")
            if len(sides) < 2:
                continue
            ratio = (statistics.median(w for w, _ in results["flotta"])
                     / statistics.median(w for w, _ in results["python"]))
            print(f"  ratio of median wall times, Flotta / Python: {ratio:.2f} "
                  f"({'Flotta faster' if ratio < 1 else 'Python faster' if ratio > 1 else 'equal'})")
            if records["flotta"] != records["python"]:
                print(f"  WARNING: the two sides did not store the same number of devices: "
                      f"Flotta {sorted(records['flotta'])}, Python {sorted(records['python'])}")
            sys.stdout.flush()
        for vendor in args.vendors.split(","):
            if "flotta" not in sides:
                break
            template, name = template_of(vendor)
            synced = make_synced(args.flotta_cli, template, name, work)
            resyncs = []
            for run in range(args.runs):
                folder = tempfile.mkdtemp(dir=work)
                wall, cpu, count, out = run_flotta(args.flotta_cli, synced, name, folder)
                shutil.rmtree(folder)
                if f"{count} unchanged" not in out:
                    sys.exit(f"the re-sync found changes in an unchanged tenant:\n{out}")
                resyncs.append((wall, cpu))
                print(f"  {vendor} re-sync {run + 1}: {wall:.3f} s wall, {cpu:.3f} s CPU, {count} devices",
                      flush=True)
            print(f"== {vendor}: unchanged re-sync (Flotta alone), whole process, {args.runs} runs")
            print(f"  flotta-cli sync --full  {summary('wall', [w for w, _ in resyncs])};  "
                  f"{summary('CPU', [c for _, c in resyncs])}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
