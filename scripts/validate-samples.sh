#!/usr/bin/env bash
# The exporters' hostile sample graph (src/export/testutil.rs: quotes, control characters,
# formula cells, letters XML 1.0's fourth edition excludes from names) written in every
# graph format and checked by the third-party validators of ../shared/validators.
set -euo pipefail
cd "$(dirname "$0")/.."
check=../shared/validators/check
py=${VALIDATORS_VENV:-$HOME/.cache/actorgraph-validators}/bin/python
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
EXPORT_SAMPLES_DIR="$out" cargo test --quiet --lib write_validator_samples -- --ignored >/dev/null
for stem in sample hostile; do
  "$check" graphml "$out/$stem.graphml"
  "$check" gexf "$out/$stem.gexf"
  "$check" jsonld "$out/$stem.jsonld"
  "$check" dot "$out/$stem.dot"
  "$check" neo4j-csv "$out/$stem.nodes.csv" "$out/$stem.relationships.csv" --engine both
  "$check" cypher "$out/$stem.cypher"
  "$py" scripts/check-rdf.py "$out/$stem.jsonld" "$out/$stem.nt" "$out/$stem.ttl"
  "$py" scripts/check-gephi.py "$out/$stem.json" "$out/$stem.gexf" "$out/$stem.graphml"
  "$py" scripts/check-kuzu.py "$out" "$stem"
done
echo "validate-samples: passed"
