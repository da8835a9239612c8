#!/usr/bin/env bash
# Sync benchmark: Flotta's core against the plain standard-library Python baseline, both
# paging the same 50,000-device emulator (a separate process) into a fresh SQLite file, for
# each vendor; then Flotta alone with 100 ms latency per request (concurrency 1 and 4) and
# an incremental sync after 1 % of the devices changed; and each vendor with installed apps
# (~40 per device, ~2 million rows).
#   scripts/bench-sync.sh [devices]
set -euo pipefail
cd "$(dirname "$0")/.."
devices="${1:-50000}"
cargo build --release --locked -q -p flotta-emulator --bin flotta-emulator -p flotta-core --example sync_bench
bench=target/release/examples/sync_bench

url_file="$(mktemp)"
target/release/flotta-emulator --devices "$devices" >"$url_file" &
emulator=$!
trap 'kill $emulator 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$url_file" ] && break; sleep 0.1; done
url="$(cat "$url_file")"

for vendor in intune jamf ws1; do
  echo "== $vendor, $devices devices, no latency"
  python3 scripts/bench/plain_sync.py --url "$url" --vendor "$vendor"
  "$bench" --url "$url" --vendor "$vendor"
done

for vendor in intune jamf ws1; do
  echo "== $vendor, $devices devices with installed apps, no latency"
  "$bench" --url "$url" --vendor "$vendor" --apps
done

for vendor in intune jamf ws1; do
  for concurrency in 1 4; do
    echo "== $vendor, 100 ms per request, concurrency $concurrency (emulator in process)"
    "$bench" --vendor "$vendor" --devices "$devices" --latency-ms 100 --concurrency "$concurrency" | grep "full sync"
  done
done

echo "== incremental sync after 1 % changed (emulator in process)"
"$bench" --vendor intune --devices "$devices"
