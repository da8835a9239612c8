#!/usr/bin/env bash
# Benchmark: the inventory of 50,000 devices exported as CSV and as an Excel workbook by
# `flotta-cli export devices`, timed as whole processes from start to exit (opening the
# register included), CSV and workbook runs alternating, with each run's peak memory (maximum
# resident set). Prints min / median / max of each.
#   scripts/bench-export.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release --locked -q -p flotta-cli --bin flotta-cli -p flotta-core --example demo_register
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/examples/demo_register "$work/bench.sqlite3" 50000

declare -A seconds memory
for run in $(seq 1 "$runs"); do
  for format in csv xlsx; do
    /usr/bin/time -f "%e %M" -o "$work/time" \
      target/release/flotta-cli --db "$work/bench.sqlite3" export devices "$work/out.$format" >/dev/null
    read -r elapsed kib <"$work/time"
    seconds[$format]+="$elapsed "
    memory[$format]+="$((kib / 1024)) "
  done
done

# min / median / max of a list of numbers.
stats() {
  tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { printf "min %s   median %s   max %s", v[1], v[int((NR + 1) / 2)], v[NR] }'
}
for format in csv xlsx; do
  size=$(du -k "$work/out.$format" | cut -f1)
  echo "$format (${size} KiB): seconds $(stats <<<"${seconds[$format]}")   MiB $(stats <<<"${memory[$format]}")"
done
