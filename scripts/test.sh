#!/usr/bin/env bash
# Runs every check and test of Flotta, as CI does: formatting, lints and type checks, the UI
# unit tests, the dependency policy (cargo deny), the Rust tests on real SQLite files, and
# end-to-end tests of the built app driven through WebDriver under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*"; }

step "setup"
scripts/setup.sh --test

step "format"
cargo fmt --all -- --check

step "UI: type check, lint, unit tests, build"
(cd ui && npm run --silent typecheck && npm run --silent lint && npm test --silent && npm run --silent build)

step "Rust: clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust: licences, duplicate versions and sources of dependencies (deny.toml)"
# Advisories are left out: they need the RustSec database from GitHub (see deny.toml).
cargo deny --locked check licenses bans sources

step "Rust: build and test"
cargo build --workspace --locked
# A private D-Bus session with an unlocked gnome-keyring, so the tests that keep secrets in
# the OS keyring run against the real Secret Service (and must find it). The keyring lives in
# a fresh folder: an existing login keyring with another password would ask for it.
keyring_home="$(mktemp -d)"
dbus-run-session -- env XDG_DATA_HOME="$keyring_home" sh -c 'echo -n flotta-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
  && FLOTTA_EXPECT_KEYRING=1 cargo test --workspace --locked'

step "end-to-end tests of the built app"
tests/e2e/run.sh
