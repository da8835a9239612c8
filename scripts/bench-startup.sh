#!/usr/bin/env bash
# Benchmark: cold start of the app to its first rendered inventory page, and memory use, on
# two registers of 50,000 devices: the demo register (the app generates it and syncs its demo
# tenant) and a register synced by `flotta-cli` from a separate Intune emulator with every
# device's installed apps, as an organisation's own register is. Runs the release build under
# a private Xvfb display.
#   scripts/bench-startup.sh [runs]
# Start time is measured inside the app (process start to the UI's first-page signal); memory
# is summed over the app and its WebKit child processes, 3 s after the first page, both as
# resident set (RSS; shared libraries count once per process) and as proportional set (PSS;
# shared pages split between the processes, the fair total).
set -euo pipefail
cd "$(dirname "$0")/.."
# A desktop session has a session bus, and so do the end-to-end tests (scripts/test.sh).
# Without one, each WebKitGTK process of the app starts `dbus-launch` on its way up, which is
# not what a user's start costs.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  exec dbus-run-session -- "$0" "$@"
fi
runs=${1:-5}
scripts/setup.sh --test
(cd ui && npm run --silent build)
cargo build --release -p flotta-app --locked
cargo build --release --locked -q -p flotta-emulator --bin flotta-emulator -p flotta-cli --bin flotta-cli
app=target/release/flotta
work=$(mktemp -d)
db="$work/bench.sqlite3"
display_number=$((500 + RANDOM % 400))
Xvfb ":$display_number" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=":$display_number"

# Starts the app on the register "$db" with the arguments given after the first (`first` or
# `later`), waits for its first-page log line, prints "elapsed_ms rss_kib pss_kib", stops it.
measure() {
  local log="$work/run.log"
  "$app" --db "$db" "${@:2}" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    grep -q "first inventory page rendered" "$log" && break
    sleep 0.1
  done
  local elapsed
  elapsed=$(grep -o 'elapsed_ms=[0-9]*' "$log" | head -1 | cut -d= -f2)
  sleep 3
  local rss=0 pss=0 p
  for p in $pid $(pgrep -P "$pid" || true); do
    rss=$((rss + $(awk '/VmRSS/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)))
    pss=$((pss + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
  done
  # The first start's demo sync (devices, then their apps) must finish, so the later starts
  # open a complete register.
  if [ "${1:-}" = first ]; then
    for _ in $(seq 1 1200); do
      grep -q "sync finished" "$log" && break
      sleep 0.1
    done
  fi
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "${elapsed:-?} $rss $pss"
}

echo "first start (generates and stores the 50,000-device demo fleet):"
read -r elapsed rss pss < <(measure first --demo-devices 50000)
echo "  first page after ${elapsed} ms, RSS $((rss / 1024)) MiB, PSS $((pss / 1024)) MiB"
echo "later starts on the existing register:"
later_starts() {
  for i in $(seq 1 "$runs"); do
    read -r elapsed rss pss < <(measure later "$@")
    echo "  run $i: first page after ${elapsed} ms, RSS $((rss / 1024)) MiB, PSS $((pss / 1024)) MiB (app + WebKit processes)"
  done
}
later_starts --demo-devices 50000

# A register of the organisation's own: an Intune connection (no secret stored, syncing only
# when asked) and a full sync of 50,000 devices with their installed apps, by the command line.
db="$work/synced.sqlite3"
scripts/bench/intune_register.sh "$db"
echo "starts on a register synced from an Intune tenant (not demo):"
later_starts
