#!/usr/bin/env bash
# Runs the cargo-fuzz targets one after another (they share the machine's cores).
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 600 s, all four targets
# Needs cargo-fuzz (`cargo install cargo-fuzz`) and a nightly toolchain. The corpus grows in
# fuzz/corpus/TARGET (not committed); fuzz/seeds/TARGET holds the committed seeds; a crash
# is saved in fuzz/artifacts/TARGET and must become a regression test (tests/bad_input.rs
# or a unit test) before it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(ingest_jsonl ingest_txt extract knowledge)
for t in "${targets[@]}"; do
    mkdir -p "fuzz/corpus/$t"
    echo "=== $t: ${secs}s"
    cargo +nightly fuzz run -O "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
        -dict=fuzz/dict.txt -max_total_time="$secs" -timeout=5 -rss_limit_mb=4096 \
        -print_final_stats=1
done
