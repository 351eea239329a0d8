#!/usr/bin/env bash
# Regenerates output/ from data/seed.txt (every format, images included), or with --check
# fails when output/ differs from what the current code writes.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${ACTORGRAPH:-target/release/actorgraph}
[ -x "$bin" ] || cargo build --release --quiet
if [ "${1:-}" = "--check" ]; then
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  "$bin" build data/seed.txt -o "$tmp" --quiet
  if ! diff -r --exclude='*.png' --exclude='*.svg' "$tmp" output >/dev/null; then
    diff -r --exclude='*.png' --exclude='*.svg' "$tmp" output | head -20
    echo "output/ is stale: run scripts/regenerate-output.sh" >&2
    exit 1
  fi
  echo "output/ is up to date"
else
  "$bin" build data/seed.txt -o output
fi
