#!/usr/bin/env python3
"""`actorgraph stats` against networkx on the same node-link JSON: PageRank (networkx's
own pure-Python implementation, `_pagerank_python`, since the validators' venv has no
scipy: the same algorithm as `nx.pagerank`, run with tol=1e-13) and
`nx.betweenness_centrality`. Top 10 identical (ties in value aside), every value within
1e-6; prints the largest difference.

    check-stats.py BIN GRAPH.json      (the validators' venv python)
"""
import json
import subprocess
import sys

import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

binary, path = sys.argv[1:3]
d = json.load(open(path, encoding="utf-8"))
G = nx.node_link_graph(d, edges="links")
ours = json.loads(subprocess.run([binary, "stats", path, "--json", "--top", "0", "--modes", "all"],
                                 check=True, capture_output=True).stdout)
theirs = {
    "pagerank": _pagerank_python(G, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000),
    "betweenness": nx.betweenness_centrality(G),
}
order = {n["id"]: i for i, n in enumerate(d["nodes"])}
ok = True
for key, ref in theirs.items():
    got = {a["id"]: a["value"] for a in ours[key]}
    diff = max(abs(got[k] - v) for k, v in ref.items())
    ranked = sorted(ref, key=lambda k: (-ref[k], order[k]))[:10]
    mine = [a["id"] for a in ours[key][:10]]
    # a swap between values equal to 1e-12 is a tie, not a difference
    same = all(a == b or abs(ref[a] - ref[b]) < 1e-12 for a, b in zip(ranked, mine))
    print(f"check-stats: {key}: {len(ref)} actors, largest difference {diff:.3g}, top 10 {'identical' if same else 'DIFFERENT'}")
    if diff > 1e-6 or not same or set(got) != set(ref):
        ok = False
        print(f"  networkx top 10: {ranked}\n  actorgraph top 10: {mine}")
print("check-stats: PASS" if ok else "check-stats: FAIL")
sys.exit(0 if ok else 1)
