#!/usr/bin/env python3
"""Loads the Neo4j CSV pair into Kuzu with the shipped definitions (STEM.kuzu.cypher, run
as a user would, in the files' directory) and compares the counts with the JSON: actors,
relationships, relationships of each relation, and every actor's name.

    check-kuzu.py DIR STEM      (the validators' venv python)
"""
import collections
import json
import os
import sys
import tempfile

import kuzu

out, stem = sys.argv[1], sys.argv[2]
graph = json.load(open(os.path.join(out, f"{stem}.json"), encoding="utf-8"))
script = open(os.path.join(out, f"{stem}.kuzu.cypher"), encoding="utf-8").read()
code = "\n".join(line for line in script.splitlines() if not line.startswith("//"))
statements = [s.strip() for s in code.split(";\n") if s.strip()]
tmp = tempfile.mkdtemp(prefix="kuzu_check_")
db = kuzu.Database(os.path.join(tmp, "db"))
con = kuzu.Connection(db)
os.chdir(out)
for s in statements:
    if s:
        con.execute(s)


def rows(q):
    r = con.execute(q)
    res = []
    while r.has_next():
        res.append(r.get_next())
    return res


nodes = rows("MATCH (n:Actor) RETURN count(n)")[0][0]
rels = rows("MATCH ()-[r]->() RETURN count(r)")[0][0]
by_type = dict(rows("MATCH ()-[r]->() RETURN label(r), count(*)"))
# an empty name is an empty field, which Kuzu reads as null (neo4j-admin: no property)
names = sorted(r[0] or "" for r in rows("MATCH (n:Actor) RETURN n.name"))
want_types = collections.Counter(l["relation"] for l in graph["links"])
want_names = sorted(n["name"].replace("\r\n", " ").replace("\n", " ").replace("\r", " ") for n in graph["nodes"])
print(f"check-kuzu: Kuzu {kuzu.__version__}: {nodes} actors, {rels} relationships; JSON {len(graph['nodes'])}, {len(graph['links'])}")
ok = nodes == len(graph["nodes"]) and rels == len(graph["links"]) and by_type == dict(want_types) and names == want_names
if not ok:
    print(f"check-kuzu: FAIL: by relation {by_type} vs {dict(want_types)}; names equal: {names == want_names}")
print("check-kuzu: PASS" if ok else "check-kuzu: FAIL")
sys.exit(0 if ok else 1)
