#!/usr/bin/env bash
# Builds every export of INPUT and checks each with the third-party validators of
# ../shared/validators (networkx for JSON, Graphviz, pyld/rdflib/pyoxigraph, the GraphML
# XSD + networkx + igraph, the GEXF schema, FalkorDB and Kuzu for Cypher and Neo4j CSV).
#   scripts/validate-exports.sh BIN INPUT STEM
set -euo pipefail
bin=$1 input=$2 stem=$3
here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "$here/../../shared" && pwd)
check="$shared/validators/check"
py=${VALIDATORS_VENV:-$HOME/.cache/actorgraph-validators}/bin/python
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" build "$input" -o "$out" --name "$stem" --quiet --format json,dot,jsonld,graphml,gexf,neo4j,cypher,tsv
read -r nodes links < <("$py" - "$out/$stem.json" <<'PY'
import json, sys
import networkx as nx
d = json.load(open(sys.argv[1]))
g = nx.node_link_graph(d, edges="links")
assert g.number_of_nodes() == len(d["nodes"]) and g.number_of_edges() == len(d["links"]), "networkx lost nodes or edges"
print(g.number_of_nodes(), g.number_of_edges())
PY
)
echo "json: networkx reads $nodes nodes, $links links"
"$check" dot "$out/$stem.dot"
"$check" jsonld "$out/$stem.jsonld"
"$check" graphml "$out/$stem.graphml"
"$check" gexf "$out/$stem.gexf"
"$check" neo4j-csv "$out/$stem.nodes.csv" "$out/$stem.relationships.csv" --engine both
"$check" cypher "$out/$stem.cypher" --expect-nodes "$nodes" --expect-rels "$links"
"$py" "$here/cypher-twice.py" "$out/$stem.cypher"
echo "validate-exports: $stem passed"
