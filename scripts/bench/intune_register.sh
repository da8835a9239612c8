#!/usr/bin/env bash
# Makes a register as an organisation's own is: an Intune connection (no secret stored, syncing
# only when asked) and a full sync of 50,000 devices with their installed apps, by the release
# `flotta-cli` from a separate release `flotta-emulator` (both built by the caller).
#   scripts/bench/intune_register.sh REGISTER
set -euo pipefail
cd "$(dirname "$0")/../.."
db=$1
url_file=$(mktemp)
target/release/flotta-emulator --devices 50000 >"$url_file" &
emulator_pid=$!
trap 'kill $emulator_pid 2>/dev/null || true; rm -f "$url_file"' EXIT
for _ in $(seq 1 600); do
  [ -s "$url_file" ] && break
  sleep 0.1
done
url="$(cat "$url_file")"
export FLOTTA_CONNECTION_SECRET=demo-secret
target/release/flotta-cli --db "$db" connections add --name "Intune" --vendor intune \
  --base-url "$url/graph" --token-url "$url/login" --tenant exempelstad.onmicrosoft.com \
  --client-id flotta-demo --auth client-credentials --apps on --manual --without-keyring >/dev/null
target/release/flotta-cli --db "$db" sync Intune --full >/dev/null
