#!/usr/bin/env bash
# Runs the end-to-end tests against the built debug app: starts a private Xvfb display and
# tauri-driver (which drives WebKitWebDriver), runs the tests, and stops both again.
set -euo pipefail
cd "$(dirname "$0")"
app="$(cd ../.. && pwd)/target/debug/flotta"
if [ ! -x "$app" ]; then
  echo "e2e: $app is missing; build it first with: cargo build -p flotta-app" >&2
  exit 1
fi
display_number=$((100 + RANDOM % 400))
port=$((20000 + RANDOM % 20000))
native_port=$((port + 1))
mkdir -p artifacts

Xvfb ":$display_number" -screen 0 1440x900x24 -nolisten tcp >artifacts/xvfb.log 2>&1 &
xvfb_pid=$!
# The app takes its default language from the OS locale; a Swedish desktop is the common case.
# No session bus either: the app runs without a Secret Service, as on a thin client, so the
# keyring-less path (secrets for the session only) is what these tests drive; the real
# keyring is tested in the core's tests inside a private D-Bus session.
env -u DBUS_SESSION_BUS_ADDRESS LANG=sv_SE.UTF-8 DISPLAY=":$display_number" tauri-driver --port "$port" --native-port "$native_port" >artifacts/tauri-driver.log 2>&1 &
driver_pid=$!
cleanup() { kill "$driver_pid" "$xvfb_pid" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 100); do
  (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

# Each test file runs on its own; a file that fails is run once more and must then pass. The
# retry is announced, and the first failure's output stays in the log above it. The failure
# that led to it (sync.test.mjs, ~1 in 10 runs, early) was a click on a connection row that
# React re-rendered when the demo sync finished ("stale element"); clicks there now find the
# element again (`whenStable` in app.mjs). The retry stays as a loud safety net.
run_file() {
  FLOTTA_APP="$app" FLOTTA_DRIVER_PORT="$port" DISPLAY=":$display_number" \
    node --test --test-concurrency=1 --test-reporter=spec "$1"
}
status=0
for file in ${FLOTTA_E2E_ONLY:-./*.test.mjs}; do
  if ! run_file "$file"; then
    echo "e2e: RETRYING $file once after a failure (see above)" >&2
    run_file "$file" || status=1
  fi
done
exit $status
