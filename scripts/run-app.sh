#!/usr/bin/env bash
# Sets up what is missing, builds the UI and starts Flotta. On an empty register it fills in
# a generated demo fleet (shown as demo data in the app). Extra arguments go to the app,
# e.g. `--db /path/to/flotta.sqlite3`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
(cd ui && npm run build --silent)
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "run-app: no display found. Run Flotta from a desktop session, or headless with" >&2
  echo "  sudo apt-get install xvfb xauth && xvfb-run scripts/run-app.sh" >&2
  exit 1
fi
cargo run -p flotta-app -- "$@"
