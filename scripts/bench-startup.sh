#!/usr/bin/env bash
# Benchmark: cold start of the app to its first rendered inventory page, and memory use, on a
# register of 50,000 devices. Runs the release build under a private Xvfb display.
#   scripts/bench-startup.sh [runs]
# Start time is measured inside the app (process start to the UI's first-page signal); memory
# is summed over the app and its WebKit child processes, 3 s after the first page, both as
# resident set (RSS; shared libraries count once per process) and as proportional set (PSS;
# shared pages split between the processes, the fair total).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
scripts/setup.sh --test
(cd ui && npm run --silent build)
cargo build --release -p flotta-app --locked
app=target/release/flotta
work=$(mktemp -d)
db="$work/bench.sqlite3"
display_number=$((500 + RANDOM % 400))
Xvfb ":$display_number" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=":$display_number"

# Starts the app, waits for its first-page log line, prints "elapsed_ms rss_kib pss_kib",
# stops it.
measure() {
  local log="$work/run.log"
  "$app" --db "$db" --demo-devices 50000 >"$log" 2>&1 &
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
read -r elapsed rss pss < <(measure first)
echo "  first page after ${elapsed} ms, RSS $((rss / 1024)) MiB, PSS $((pss / 1024)) MiB"
echo "later starts on the existing register:"
for i in $(seq 1 "$runs"); do
  read -r elapsed rss pss < <(measure)
  echo "  run $i: first page after ${elapsed} ms, RSS $((rss / 1024)) MiB, PSS $((pss / 1024)) MiB (app + WebKit processes)"
done
