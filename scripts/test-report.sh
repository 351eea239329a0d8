#!/usr/bin/env bash
# Browser tests of the HTML report in a real headless Chromium (scripts/test-report.py):
# the seed, a 50-article corpus and a graph of hostile names. Installs Debian's chromium
# and chromium-driver when missing (apt, as root or with sudo) and Selenium in a venv
# under ~/.cache. Screenshots of each state go to target/report-screenshots/.
#   scripts/test-report.sh            the tests
#   scripts/test-report.sh --bench    also load times and sizes for 281 and 5,000 articles
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd ../shared && pwd)
bin=${ACTORGRAPH:-target/release/actorgraph}
venv=${REPORT_TEST_VENV:-$HOME/.cache/actorgraph-browser}
shots=${REPORT_SHOTS:-target/report-screenshots}

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import selenium" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "selenium==4.*"
fi
[ -x "$bin" ] || cargo build --release --quiet

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$bin" build data/seed.txt -f html,json -o "$tmp" --name seed --quiet
head -n 50 "$shared/bench/wikinews.jsonl" > "$tmp/c50.jsonl"
"$bin" build "$tmp/c50.jsonl" -f html,json -o "$tmp" --name corpus50 --quiet
# names and addresses a page must not run: </script>, <!--, a javascript: URL
cat > "$tmp/hostile.jsonl" <<'JSONL'
{"id": "h1", "date": "2024-01-02", "title": "</title><script>alert(1)</script>", "url": "javascript:alert(1)", "text": "Hostile\n\nPresident Joe </script><img src=x onerror=alert(1)> Biden met with Prime Minister Ann <!-- Lee. Biden criticized Russia."}
JSONL
"$bin" build "$tmp/hostile.jsonl" -f html -o "$tmp/hostile-input.html" --quiet
# the exporters' hostile sample graph (names with </script>, <!--, quotes, controls)
EXPORT_SAMPLES_DIR="$tmp/samples" cargo test --quiet --lib write_validator_samples -- --ignored >/dev/null

rm -rf "$shots"
"$venv/bin/python" scripts/test-report.py --shots "$shots" \
  "seed:$tmp/seed.html:$tmp/seed.json:Khan|Imran Khan|Donald Blome|Omar Ayub Khan|Blome met with Omar and others.|Blome met with Omar" \
  "corpus50:$tmp/corpus50.html:$tmp/corpus50.json:" \
  --future "$tmp/seed.html" \
  --hostile "$tmp/hostile-input.html" \
  --hostile "$tmp/samples/hostile.html:script|</script><script>alert(1)</script>"

if [ "${1:-}" = "--bench" ]; then
  "$bin" build "$shared/bench/wikinews.jsonl" -f html -o "$tmp/wikinews281.html" --quiet 2>/dev/null || true
  "$shared/bench/make-corpus" 5000 "$tmp/c5000.jsonl"
  "$bin" build "$tmp/c5000.jsonl" -f html -o "$tmp/corpus5000.html" --quiet 2>/dev/null || true
  "$venv/bin/python" scripts/test-report.py --bench "$tmp/seed.html" "$tmp/corpus50.html" "$tmp/wikinews281.html" "$tmp/corpus5000.html"
fi
