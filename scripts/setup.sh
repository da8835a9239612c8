#!/usr/bin/env bash
# Installs what building, running and testing Flotta needs on Debian/Ubuntu, skipping what is
# already there: the Tauri system libraries, the UI's npm packages and, with --test, the
# end-to-end tools (Xvfb, WebKitWebDriver, tauri-driver, pdftotext, xdotool for the native save
# dialog) and cargo-deny.
set -euo pipefail
cd "$(dirname "$0")/.."

with_test_tools=false
[ "${1:-}" = "--test" ] && with_test_tools=true

packages=(pkg-config libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev librsvg2-dev libssl-dev
  libayatana-appindicator3-dev fonts-dejavu-core)
if $with_test_tools; then
  packages+=(xvfb xauth webkit2gtk-driver poppler-utils gnome-keyring dbus-x11 xdotool)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci only when the lock file changed since the last install.
install_npm() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "setup: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}
install_npm ui
if $with_test_tools; then
  install_npm tests/e2e
  if ! command -v tauri-driver >/dev/null 2>&1; then
    echo "setup: installing tauri-driver"
    cargo install tauri-driver --version 2.1.0 --locked --quiet
  fi
  # deny.toml is written for cargo-deny 0.20.
  if ! command -v cargo-deny >/dev/null 2>&1; then
    echo "setup: installing cargo-deny"
    cargo install cargo-deny --version 0.20.2 --locked --quiet
  fi
fi
