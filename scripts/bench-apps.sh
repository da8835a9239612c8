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
trap 'rm -rf "$work"' EXIT
scripts/bench/intune_register.sh "$work/register.sqlite3"
target/release/examples/app_search_bench "$work/register.sqlite3" "$@"
