#!/usr/bin/env bash
# Times `skillsmith lint` on each hostile input (examples/hostile_inputs.rs): wall and peak
# memory per file. The hardening goal: every one under a second, memory bounded.
#
#   bench/hostile.sh [--runs N]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
[ "${1:-}" = "--runs" ] && runs="$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --locked --quiet
cargo run --release --locked --quiet --example hostile_inputs -- "$work"
echo "| input | size | wall s (median) | peak MiB | exit |"
echo "|---|---|---|---|---|"
for dir in "$work"/*/; do
  name=$(basename "$dir")
  size=$(du -h "$dir/SKILL.md" | cut -f1)
  python3 bench/measure.py "$runs" "$name=$PWD/target/release/skillsmith lint --format json $dir" \
    | awk -F'\t' -v s="$size" '{printf "| %s | %s | %.3f | %.1f | %s |\n", $1, s, $2, $5, $6}'
done
