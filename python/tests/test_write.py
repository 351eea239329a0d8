"""Graph.write writes every format of the command, byte for byte as `actorgraph build`."""

from __future__ import annotations

import actorgraph
from conftest import SEED


def test_every_format_is_the_commands(tmp_path, cli, corpus50):
    for name, source, graph in [
        ("seed", SEED, actorgraph.extract(SEED.read_text(encoding="utf-8"), id="seed")),
        ("corpus", corpus50, actorgraph.build(corpus50)),
    ]:
        ours, theirs = tmp_path / f"py-{name}", tmp_path / f"cli-{name}"
        written = graph.write(ours, "all", name=name, engine="builtin")
        cli("build", source, "-f", "all", "-o", theirs, "--name", name, "--engine", "builtin", "-q")
        expected = sorted(p.name for p in theirs.iterdir())
        assert sorted(p.rsplit("/", 1)[1] for p in written) == expected
        assert len(expected) == len(actorgraph.FORMATS) + 2  # neo4j writes three files
        for file in expected:
            assert (ours / file).read_bytes() == (theirs / file).read_bytes(), file


def test_one_format_one_file_and_the_options(tmp_path, cli):
    g = actorgraph.extract(SEED.read_text(encoding="utf-8"), id="seed")
    # the format from the extension
    assert g.write(tmp_path / "g.graphml") == [str(tmp_path / "g.graphml")]
    cli("build", SEED, "-f", "graphml", "-o", tmp_path / "c.graphml", "-q")
    assert (tmp_path / "g.graphml").read_bytes() == (tmp_path / "c.graphml").read_bytes()
    # the options of the command
    g.write(tmp_path / "g.cypher", cypher_dialect="falkordb")
    cli("build", SEED, "-f", "cypher", "--cypher-dialect", "falkordb", "-o", tmp_path / "c.cypher", "-q")
    assert (tmp_path / "g.cypher").read_bytes() == (tmp_path / "c.cypher").read_bytes()
    g.write(tmp_path / "g.ttl", base_iri="https://example.org/kg/", modes="all")
    cli(
        "build", SEED, "-f", "ttl", "--base-iri", "https://example.org/kg/", "--modes", "all",
        "-o", tmp_path / "c.ttl", "-q",
    )
    assert (tmp_path / "g.ttl").read_bytes() == (tmp_path / "c.ttl").read_bytes()
    assert b"https://example.org/kg/" in (tmp_path / "g.ttl").read_bytes()
    # a format of several files goes into a directory, named after name=
    files = g.write(tmp_path / "neo", "neo4j", name="seed")
    assert [f.rsplit("/", 1)[1] for f in files] == [
        "seed.nodes.csv",
        "seed.relationships.csv",
        "seed.kuzu.cypher",
    ]
    assert b"seed.nodes.csv" in (tmp_path / "neo" / "seed.kuzu.cypher").read_bytes()
    # several formats, a list
    files = g.write(tmp_path / "two", ["json", "dot"])
    assert [f.rsplit("/", 1)[1] for f in files] == ["graph.json", "graph.dot"]
