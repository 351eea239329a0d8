#!/usr/bin/env bash
# The slow hostile-input cases of tests/hostile.rs (issue 14), in a release build: every
# format of 300 KB amplifying articles (output bytes and peak memory against the input),
# and SIGINT/SIGTERM sent at several moments of a 20,000-article run (no temporary left,
# the earlier set intact). `.ci/run` calls it; it takes about a minute after the build.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --quiet --test integration -- --ignored --nocapture --test-threads 1 hostile::
