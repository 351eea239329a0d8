"""Graph.merge: associative, commutative, and equal to building the articles together."""

from __future__ import annotations

import actorgraph
from conftest import records


def parts(corpus50):
    rs = records(corpus50)
    return [actorgraph.build(rs[i : i + 17]) for i in range(0, 50, 17)]  # 17, 17, 16 articles


def test_merged_parts_are_the_whole_build(corpus50, corpus50_json):
    a, b, c = parts(corpus50)
    whole = actorgraph.build(corpus50)
    assert a.merge(b).merge(c).to_json().encode() == corpus50_json
    assert a.merge(b).merge(c).to_json(modes="all") == whole.to_json(modes="all")
    assert actorgraph.merge([c, a, b]).to_json().encode() == corpus50_json


def test_merge_is_associative_and_commutative(corpus50):
    a, b, c = parts(corpus50)
    left = a.merge(b).merge(c).to_json(modes="all")
    assert a.merge(b.merge(c)).to_json(modes="all") == left
    assert c.merge(a).merge(b).to_json(modes="all") == left
    assert b.merge(a).to_json(modes="all") == a.merge(b).to_json(modes="all")
    # the empty graph changes nothing; a graph read back from its JSON merges the same
    assert a.merge(actorgraph.Graph()).to_json(modes="all") == a.to_json(modes="all")
    again = actorgraph.Graph(a.to_json(modes="all"))
    assert again.merge(b).to_json(modes="all") == a.merge(b).to_json(modes="all")
