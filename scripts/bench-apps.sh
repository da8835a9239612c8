#!/usr/bin/env bash
# Benchmark: the app question over a register of 50,000 devices synced by `flotta-cli` from a
# separate Intune emulator with every device's installed apps (~1.8 million rows), as an
# organisation's own register is. Runs the `app_search_bench` example on it: the search, one
# app's spread, and the CSV of the app's devices, min / median / max of 20 runs each.
#   scripts/bench-apps.sh [search text…]    (default: tiktok microsoft co)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q -p flotta-emulator --bin flotta-emulator -p flotta-cli --bin flotta-cli \
  -p flotta-core --example app_search_bench
work=$(mktemp -d)
emulator_pid=
trap 'kill $emulator_pid 2>/dev/null || true; rm -rf "$work"' EXIT

target/release/flotta-emulator --devices 50000 >"$work/emulator.url" &
emulator_pid=$!
for _ in $(seq 1 600); do
  [ -s "$work/emulator.url" ] && break
  sleep 0.1
done
url="$(cat "$work/emulator.url")"
db="$work/register.sqlite3"
export FLOTTA_CONNECTION_SECRET=demo-secret
target/release/flotta-cli --db "$db" connections add --name "Intune" --vendor intune \
  --base-url "$url/graph" --token-url "$url/login" --tenant exempelstad.onmicrosoft.com \
  --client-id flotta-demo --auth client-credentials --apps on --manual --without-keyring >/dev/null
target/release/flotta-cli --db "$db" sync Intune --full >/dev/null
kill "$emulator_pid"; wait "$emulator_pid" 2>/dev/null || true
emulator_pid=
target/release/examples/app_search_bench "$db" "$@"
