#!/usr/bin/env bash
# Actors joined to Wikidata by a SPARQL query over the JSON-LD (pyoxigraph, in the
# validators' venv), checked against the JSON and data/identifiers.tsv:
#   scripts/check-identifiers.sh [INPUT]    (default: data/seed.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-data/seed.txt}
bin=${ACTORGRAPH:-target/release/actorgraph}
[ -x "$bin" ] || cargo build --release --quiet
python=$(../shared/validators/install.sh)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" build "$input" -f json,jsonld -o "$tmp" --name graph --quiet
"$python" scripts/check-identifiers.py "$tmp/graph.jsonld" "$tmp/graph.json" data/identifiers.tsv
