"""to_networkx and to_pandas carry the JSON's nodes, edges and attributes."""

from __future__ import annotations

import json

import networkx as nx

import actorgraph


def test_to_networkx_has_the_jsons_nodes_and_edges_with_attributes(corpus50):
    g = actorgraph.build(corpus50)
    d = json.loads(g.to_json())
    G = g.to_networkx()
    assert isinstance(G, nx.MultiDiGraph)
    assert list(G.nodes) == [n["id"] for n in d["nodes"]]
    for n in d["nodes"]:
        assert G.nodes[n["id"]] == {k: v for k, v in n.items() if k != "id"}
    edges = list(G.edges(keys=True, data=True))
    # the JSON and networkx hold the default modes; edge_count counts every mode
    assert len(edges) == len(d["links"])
    assert len(json.loads(g.to_json(modes="all"))["links"]) == g.edge_count
    by_key = {(s, t, k): data for s, t, k, data in edges}
    for link in d["links"]:
        attrs = {k: v for k, v in link.items() if k not in ("source", "target", "key")}
        assert by_key[(link["source"], link["target"], link["key"])] == attrs
        assert attrs["weight"] == len(attrs["evidence"])
    assert G.graph["documents"] == d["graph"]["documents"]
    # a relation of the JSON, read the networkx way
    s, t, k, data = edges[0]
    assert data["relation"] in {r for r in ("HOLDS_OFFICE", "CONSULT", "ACCUSE")} or data["relation"].isupper()
    assert G.nodes[s]["name"] and G.nodes[t]["type"]


def test_to_pandas_gives_nodes_and_edges_with_evidence(corpus50):
    g = actorgraph.build(corpus50)
    d = g.to_dict()
    nodes, edges = g.to_pandas()
    assert list(nodes["id"]) == [n["id"] for n in d["nodes"]]
    assert list(nodes.columns[:4]) == ["id", "name", "type", "aliases"]
    assert list(edges["source"]) == [l["source"] for l in d["links"]]
    assert list(edges["relation"]) == [l["relation"] for l in d["links"]]
    assert (edges["weight"] == edges["evidence"].map(len)).all()
    first = edges.iloc[0]["evidence"][0]
    assert {"doc", "sentence", "start", "end", "text"} <= set(first)
    sentences = edges.explode("evidence")
    assert len(sentences) == sum(len(l["evidence"]) for l in d["links"])
    # an empty graph still has the columns
    nodes, edges = actorgraph.Graph().to_pandas()
    assert len(nodes) == 0 and "evidence" in edges.columns
