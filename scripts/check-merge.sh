#!/usr/bin/env bash
# A corpus built whole and built in shards merged are one graph, byte for byte:
#   scripts/check-merge.sh [CORPUS.jsonl] [SHARDS]
# builds CORPUS (default ../shared/bench/wikinews.jsonl) whole, then in SHARDS (default 4)
# consecutive slices of its lines, merges the slices' JSON with `actorgraph merge` (in
# reverse order, so that order is tested too) and compares the two files with cmp.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/bench/wikinews.jsonl}
shards=${2:-4}
bin=${ACTORGRAPH:-target/release/actorgraph}
[ -x "$bin" ] || cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bin" build "$corpus" -f json -o "$tmp/whole.json" --quiet
lines=$(wc -l <"$corpus")
per=$(( (lines + shards - 1) / shards ))
split -l "$per" -d -a 2 --additional-suffix=.jsonl "$corpus" "$tmp/shard-"
parts=()
for s in "$tmp"/shard-*.jsonl; do
  "$bin" build "$s" -f json -o "${s%.jsonl}.json" --quiet
  parts=("${s%.jsonl}.json" "${parts[@]}")
done
"$bin" merge "${parts[@]}" -f json -o "$tmp/merged.json" --quiet
if cmp -s "$tmp/whole.json" "$tmp/merged.json"; then

  echo "merge: $lines articles whole and in ${#parts[@]} shards merged are identical ($(wc -c <"$tmp/whole.json") bytes)"
else
  echo "merge: the merged shards differ from the whole build:" >&2
  diff "$tmp/whole.json" "$tmp/merged.json" | head -20 >&2
  exit 1
fi
