#!/usr/bin/env bash
# Sync benchmark: Flotta against the plain standard-library Python baseline, both paging the
# same emulator (a separate process, started once) into a fresh SQLite file, for each vendor;
# then Flotta alone with 100 ms latency per request (concurrency 1 and 4) and an incremental
# sync after 1 % of the devices changed; and each vendor with installed apps (~40 per
# device, ~2 million rows).
#   scripts/bench-sync.sh [devices] [runs]        (BENCH_RUNS=N works too; default 5)
#
# The comparison times both sides the same way: whole processes, from start to exit, by one
# external clock (scripts/bench/whole_process.py), `flotta-cli sync --full` against
# `python3 scripts/bench/plain_sync.py`, alternating which goes first, min/median/max of each.
# Both write with WAL and synchronous=NORMAL, Flotta's setting. The in-process figure of
# crates/flotta-core/examples/sync_bench.rs is printed beside it, labelled as what it is: a
# stopwatch inside a process whose register is already open, which stops before the tidying
# that follows a sync.
set -euo pipefail
cd "$(dirname "$0")/.."
devices="${1:-50000}"
runs="${2:-${BENCH_RUNS:-5}}"
cargo build --release --locked -q -p flotta-emulator --bin flotta-emulator -p flotta-cli --bin flotta-cli \
  -p flotta-core --example sync_bench
bench=target/release/examples/sync_bench

url_file="$(mktemp)"
target/release/flotta-emulator --devices "$devices" >"$url_file" &
emulator=$!
trap 'kill $emulator 2>/dev/null || true; rm -f "$url_file"' EXIT
# The emulator prints its URL once it listens: wait for that, at most 60 s.
for _ in $(seq 1 600); do
  [ -s "$url_file" ] && break
  kill -0 "$emulator" 2>/dev/null || { echo "bench-sync: the emulator exited before it listened" >&2; exit 1; }
  sleep 0.1
done
[ -s "$url_file" ] || { echo "bench-sync: the emulator did not print its URL within 60 s" >&2; exit 1; }
url="$(cat "$url_file")"

for vendor in intune jamf ws1; do
  echo "=== $vendor, $devices devices, no latency"
  python3 scripts/bench/whole_process.py --url "$url" --vendors "$vendor" --runs "$runs" \
    --flotta-cli target/release/flotta-cli
  echo "== $vendor: in-process (register open, excludes start-up and post-sync tidying), one run, not comparable with the above"
  "$bench" --url "$url" --vendor "$vendor"
done

for vendor in intune jamf ws1; do
  echo "== $vendor, $devices devices with installed apps, no latency (in-process timing, register open)"
  "$bench" --url "$url" --vendor "$vendor" --apps
done

for vendor in intune jamf ws1; do
  for concurrency in 1 4; do
    echo "== $vendor, 100 ms per request, concurrency $concurrency (emulator in process; in-process timing, register open)"
    "$bench" --vendor "$vendor" --devices "$devices" --latency-ms 100 --concurrency "$concurrency" | grep "full sync"
  done
done

echo "== incremental sync after 1 % changed (emulator in process; in-process timing, register open)"
"$bench" --vendor intune --devices "$devices"
