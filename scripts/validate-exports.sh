#!/usr/bin/env bash
# Builds every export of INPUT and checks each with the third-party validators of
# ../shared/validators (networkx for JSON, Graphviz, pyld/rdflib/pyoxigraph, the GraphML
# XSD + networkx + igraph, the GEXF schema, FalkorDB and Kuzu for Cypher and Neo4j CSV),
# and with this project's checks of what the users' tools do with them:
# N-Triples/Turtle/JSON-LD hold the same triples (rdflib and pyoxigraph), the FalkorDB
# dialect of the Cypher script loads into FalkorDB (twice, idempotent), the CSV pair loads
# into Kuzu with the shipped definitions, Gephi's rules (parallel edges, a timeline that
# accumulates); every count is compared with the JSON.
#   scripts/validate-exports.sh BIN INPUT STEM
set -euo pipefail
bin=$1 input=$2 stem=$3
here=$(cd "$(dirname "$0")" && pwd)
shared=$(cd "$here/../../shared" && pwd)
check="$shared/validators/check"
py=${VALIDATORS_VENV:-$HOME/.cache/actorgraph-validators}/bin/python
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" build "$input" -o "$out" --name "$stem" --quiet --format json,dot,jsonld,nt,ttl,graphml,gexf,neo4j,cypher,tsv
"$bin" build "$input" -o "$out/$stem.falkordb.cypher" --quiet --format cypher --cypher-dialect falkordb
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
"$py" "$here/check-rdf.py" "$out/$stem.jsonld" "$out/$stem.nt" "$out/$stem.ttl"
"$check" graphml "$out/$stem.graphml"
"$check" gexf "$out/$stem.gexf"
"$py" "$here/check-gephi.py" "$out/$stem.json" "$out/$stem.gexf" "$out/$stem.graphml"
"$check" neo4j-csv "$out/$stem.nodes.csv" "$out/$stem.relationships.csv" --engine both
"$py" "$here/check-kuzu.py" "$out" "$stem"
"$check" cypher "$out/$stem.cypher" --expect-nodes "$nodes" --expect-rels "$links"
"$check" cypher "$out/$stem.falkordb.cypher" --expect-nodes "$nodes" --expect-rels "$links"
"$py" "$here/cypher-twice.py" "$out/$stem.cypher"
"$py" "$here/cypher-twice.py" "$out/$stem.falkordb.cypher"
echo "validate-exports: $stem passed"
