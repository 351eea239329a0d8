#!/usr/bin/env python3
"""N-Triples and Turtle hold the same triples as the JSON-LD: each file parsed with rdflib
and with pyoxigraph, the six sets compared (no blank nodes are written, so sets suffice).

    check-rdf.py STEM.jsonld STEM.nt STEM.ttl      (the validators' venv python)
"""
import sys

import pyoxigraph as ox
from rdflib import Graph

jsonld, nt, ttl = sys.argv[1:4]
formats = {jsonld: ("json-ld", ox.RdfFormat.JSON_LD), nt: ("nt", ox.RdfFormat.N_TRIPLES),
           ttl: ("turtle", ox.RdfFormat.TURTLE)}
rdflib_sets, ox_sets = {}, {}
for path, (rf, of) in formats.items():
    g = Graph()
    g.parse(path, format=rf)
    rdflib_sets[path] = set(g)
    with open(path, "rb") as f:
        ox_sets[path] = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in ox.parse(f, format=of)}
    print(f"check-rdf: {path}: rdflib {len(rdflib_sets[path])} triples, pyoxigraph {len(ox_sets[path])}")
ok = True
for name, sets in (("rdflib", rdflib_sets), ("pyoxigraph", ox_sets)):
    ref = sets[jsonld]
    for path, s in sets.items():
        if s != ref:
            ok = False
            print(f"check-rdf: FAIL: {name}: {path} differs from {jsonld}: "
                  f"{len(s - ref)} extra, {len(ref - s)} missing, e.g. {sorted(map(str, s ^ ref))[:3]}")
if len({len(s) for s in list(rdflib_sets.values()) + list(ox_sets.values())}) != 1:
    ok = False
    print("check-rdf: FAIL: rdflib and pyoxigraph count different triples")
print("check-rdf: PASS" if ok else "check-rdf: FAIL")
sys.exit(0 if ok else 1)
