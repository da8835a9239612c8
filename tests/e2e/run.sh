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

# tauri-driver must listen before any test starts: wait for its port, at most 10 s.
driver_up=0
for _ in $(seq 1 100); do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then driver_up=1; break; fi
  if ! kill -0 "$driver_pid" 2>/dev/null; then break; fi
  sleep 0.1
done
if [ "$driver_up" != 1 ]; then
  echo "e2e: tauri-driver did not listen on port $port within 10 s; see tests/e2e/artifacts/tauri-driver.log" >&2
  exit 1
fi

# Each test file runs once. There is no retry: a test that fails only sometimes is a failing
# test, and its failure is the thing to look at. The script exits non-zero if any file failed,
# and names the files that did.
run_file() {
  FLOTTA_APP="$app" FLOTTA_DRIVER_PORT="$port" DISPLAY=":$display_number" \
    node --test --test-concurrency=1 --test-reporter=spec "$1"
}
failed=()
for file in ${FLOTTA_E2E_ONLY:-./*.test.mjs}; do
  run_file "$file" || failed+=("$file")
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "e2e: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "e2e: all test files passed"
