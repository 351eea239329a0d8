#!/usr/bin/env python3
"""Gephi's rules (../shared/validators/README.md, "Gephi"), checked against the JSON:

* parallel edges stay apart: GEXF and GraphML have as many edges as the JSON has links,
  each edge id is unique, and in GEXF the edges between the same two actors have
  distinct kinds (Gephi merges parallel edges of the same kind);
* the timeline accumulates: in a dynamic GEXF no actor has an end, an actor starts at the
  earliest of its first mention and its relations' dates, and each edge has one spell per
  date of its evidence (or of the edge when no evidence item has one), none before its
  ends exist.

    check-gephi.py STEM.json STEM.gexf STEM.graphml      (the validators' venv python)
"""
import collections
import datetime
import json
import sys

from lxml import etree

js, gexf, graphml = sys.argv[1:4]
g = json.load(open(js, encoding="utf-8"))
errors = []
NS = {"g": "http://gexf.net/1.3"}
root = etree.parse(gexf).getroot()
graph = root.find("g:graph", NS)
edges = graph.findall("g:edges/g:edge", NS)
nodes = graph.findall("g:nodes/g:node", NS)
if len(edges) != len(g["links"]):
    errors.append(f"GEXF has {len(edges)} edges, the JSON {len(g['links'])} links")
ids = [e.get("id") for e in edges]
if len(set(ids)) != len(ids):
    errors.append("GEXF edge ids are not unique")
kinds = collections.Counter((e.get("source"), e.get("target"), e.get("kind")) for e in edges)
merged = {k: c for k, c in kinds.items() if c > 1}
if merged:
    errors.append(f"GEXF: {len(merged)} pairs of parallel edges share a kind (Gephi merges them): {list(merged)[:3]}")
parallel = sum(1 for (s, t), c in collections.Counter((l["source"], l["target"]) for l in g["links"]).items() if c > 1)

def real_date(x):
    try:
        return bool(x) and len(x) == 10 and datetime.date.fromisoformat(x) is not None
    except ValueError:
        return False


def dates(xs):
    return sorted({x for x in xs if real_date(x)})


if graph.get("mode") == "dynamic":
    start = {n.get("id"): n.get("start") for n in nodes}
    for n in nodes:
        if n.get("end") is not None:
            errors.append(f"node {n.get('id')} ends at {n.get('end')}: the timeline must accumulate")
    by_id = {e.get("id"): e for e in edges}
    for e in edges:
        spells = [(s.get("start"), s.get("end")) for s in e.findall("g:spells/g:spell", NS)]
        for a, b in spells:
            for end in (e.get("source"), e.get("target")):
                if start.get(end) and a < start[end]:
                    errors.append(f"edge {e.get('id')} starts {a}, before its end {end} ({start[end]})")
    # each link's spells are its evidence dates
    spells_by_edge = sorted(sorted(s.get("start") for s in e.findall("g:spells/g:spell", NS)) for e in edges)
    want = sorted(dates(ev.get("date") for ev in l["evidence"]) or dates([l.get("first_seen"), l.get("last_seen"), l.get("date")])
                  for l in g["links"])
    if spells_by_edge != want:
        errors.append("GEXF spells are not the evidence dates of the links")
    print(f"check-gephi: dynamic GEXF, {sum(1 for s in start.values() if s)} of {len(nodes)} actors with a start, none with an end")

groot = etree.parse(graphml).getroot()
GNS = {"g": "http://graphml.graphdrawing.org/xmlns"}
gedges = groot.findall("g:graph/g:edge", GNS)
if len(gedges) != len(g["links"]):
    errors.append(f"GraphML has {len(gedges)} edges, the JSON {len(g['links'])}")
gids = [e.get("id") for e in gedges]
if len(set(gids)) != len(gids) or None in gids:
    errors.append("GraphML edge ids are missing or not unique")
print(f"check-gephi: {len(edges)} edges in GEXF and {len(gedges)} in GraphML for {len(g['links'])} links; "
      f"{parallel} pairs with parallel edges, kept apart")
for e in errors:
    print(f"check-gephi: ERROR: {e}")
print("check-gephi: PASS" if not errors else "check-gephi: FAIL")
sys.exit(1 if errors else 0)
