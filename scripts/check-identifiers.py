#!/usr/bin/env python3
"""Actors joined to Wikidata through the JSON-LD, with a SPARQL query (pyoxigraph).

    check-identifiers.py GRAPH.jsonld GRAPH.json IDENTIFIERS.tsv

Loads the JSON-LD into an Oxigraph store and asks, in SPARQL, for every actor's name,
type and Wikidata item (schema:sameAs). Passes when the query finds actors, when each
one's item is the one the node-link JSON gives the same node (ids.wikidata) and the one
data/identifiers.tsv gives its name and type (an id is never made up), and when no node
of the JSON that has a Wikidata id is missing from the query's answer.
"""
import csv
import json
import sys

import pyoxigraph as ox

QUERY = """
PREFIX schema: <http://schema.org/>
SELECT ?actor ?name ?item WHERE {
  ?actor schema:name ?name ;
         schema:sameAs ?item .
  FILTER(STRSTARTS(STR(?item), "http://www.wikidata.org/entity/Q"))
}
ORDER BY ?name
"""


def main():
    jsonld, graph_json, table = sys.argv[1:4]
    store = ox.Store()
    with open(jsonld, "rb") as f:
        store.load(f, format=ox.RdfFormat.JSON_LD, base_iri="https://actorgraph.example/")
    rows = [(r["actor"].value, r["name"].value, r["item"].value.rsplit("/", 1)[1])
            for r in store.query(QUERY)]
    graph = json.load(open(graph_json, encoding="utf-8"))
    by_id = {n["id"]: n for n in graph["nodes"]}
    known = {}
    with open(table, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    for r in csv.DictReader(lines, delimiter="\t"):
        if r["wikidata"]:
            known[(r["name"], r["type"])] = r["wikidata"]
    errors = []
    if not rows:
        errors.append("the SPARQL query joined no actor to a Wikidata item")
    seen = set()
    for iri, name, item in rows:
        node = by_id.get(iri.rsplit("/", 1)[1])
        if node is None:
            errors.append(f"{iri}: no node of that id in the JSON")
            continue
        seen.add(node["id"])
        if node.get("ids", {}).get("wikidata") != item:
            errors.append(f"{name}: JSON-LD says {item}, JSON says {node.get('ids')}")
        # the id comes from the table by the name and type of the node or of one of the
        # forms linked into it
        forms = [(f["name"], f["type"]) for f in node.get("forms", [])] or [(node["name"], node["type"])]
        if not any(known.get(f) == item for f in forms):
            errors.append(f"{name} ({node['type']}): {item} is not the identifiers table's for {forms}")
    for n in graph["nodes"]:
        if "wikidata" in n.get("ids", {}) and n["id"] not in seen:
            errors.append(f"{n['name']}: has {n['ids']['wikidata']} in the JSON, none in the JSON-LD query")
    for iri, name, item in rows[:5]:
        print(f"  {name:30} -> http://www.wikidata.org/entity/{item}")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        sys.exit(1)
    print(f"identifiers: {len(rows)} actors joined to Wikidata by SPARQL over the JSON-LD, "
          f"each as the JSON and data/identifiers.tsv say")


if __name__ == "__main__":
    main()
