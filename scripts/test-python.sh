#!/usr/bin/env bash
# The Python package (python/): installs it from the checkout into a venv under ~/.cache
# with `pip install ./python` (maturin and PyO3 come from the registries at install time;
# cargo builds into this checkout's target/), lints its crate, and runs its pytest tests
# (python/tests), the Spark ones included (Spark in local mode; Java 17 is needed).
#   scripts/test-python.sh              every test
#   scripts/test-python.sh -m "not spark"   pytest's own options after the script's
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${PYTHON_TEST_VENV:-$HOME/.cache/actorgraph-python}
bin=${ACTORGRAPH:-target/release/actorgraph}

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --upgrade pip
fi
# the test and Spark dependencies (pinned to the majors the tests were written against)
"$venv/bin/pip" install -q "pytest>=8,<10" "pandas>=2,<3" "networkx>=3,<4" \
  "pyarrow>=14" "pyspark>=3.5,<5"
cargo build --release --quiet  # the command the tests compare with (a no-op when fresh)

cargo clippy -p actorgraph-python --quiet -- -D warnings
cargo fmt -p actorgraph-python --check
# the documented install, from the checkout: a release build of the extension module
"$venv/bin/pip" install -q --force-reinstall --no-deps ./python

ACTORGRAPH="$bin" "$venv/bin/python" -m pytest -q -p no:cacheprovider python/tests "$@"
