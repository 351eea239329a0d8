"""Bad input raises clear exceptions (or warns and goes on, as the command does), with
the command's messages."""

from __future__ import annotations

import warnings

import pytest

import actorgraph
from actorgraph import (
    ActorgraphError,
    ActorgraphWarning,
    DataError,
    GraphError,
    InputError,
    OutputError,
    SelectionError,
    UsageError,
)
from conftest import SEED


def test_the_hierarchy():
    for e in (UsageError, InputError, DataError, GraphError, SelectionError, OutputError):
        assert issubclass(e, ActorgraphError)
    assert issubclass(UsageError, ValueError)
    assert issubclass(OutputError, OSError)
    assert issubclass(SelectionError, LookupError)


def test_a_text_that_is_no_article_raises_input_error():
    with pytest.raises(InputError) as e:
        actorgraph.extract("   \n")
    assert str(e.value) == "text: empty article: no text"
    assert (e.value.path, e.value.line, e.value.reason) == ("text", None, "empty")
    with pytest.raises(InputError) as e:
        actorgraph.extract(" date 2024-13-45 \n\nMacron met Scholz.", id="a")
    assert str(e.value) == 'a:1: invalid date "2024-13-45" (write YYYY-MM-DD, or "date unknown")'
    assert e.value.line == 1
    with pytest.raises(InputError, match="binary data"):
        actorgraph.extract("Macron\0 met Scholz.")
    with pytest.raises(UsageError, match='date "May 1": write YYYY-MM-DD'):
        actorgraph.extract("Macron met Scholz.", date="May 1")
    with pytest.raises(UsageError, match="text: give a string, not bytes"):
        actorgraph.extract(b"Macron met Scholz.")


BAD_JSONL = (
    '{"id": "a", "text": "Emmanuel Macron met Olaf Scholz.", "date": "2024-01-02"}\n'
    '{"id": "b"}\n'
    "{broken\n"
    '{"id": "a", "text": "Again."}\n'
    '{"id": "c", "text": "Joe Biden met Xi Jinping.", "date": "soon"}\n'
    '{"id": "d", "text": 5}\n'
)


def test_bad_articles_are_skipped_with_the_commands_messages(tmp_path, cli):
    path = tmp_path / "bad.jsonl"
    path.write_text(BAD_JSONL, encoding="utf-8")
    with pytest.warns(ActorgraphWarning) as caught:
        g = actorgraph.build(path)
    said = [str(w.message) for w in caught]
    _, stderr, code = cli("build", path, "-f", "json", "-o", tmp_path / "out.json")
    assert code == 3
    # the command's lines, without its "actorgraph: error: " prefix and its summary
    expected = [
        line.split(": error: ", 1)[1]
        for line in stderr.splitlines()
        if ": error: " in line
    ]
    assert len(expected) == 5 and said == expected, (said, stderr)
    assert said[0] == f'{path}:2: JSONL record has no "text" string; skipped'
    assert [d["id"] for d in g.documents] == ["a"]
    assert caught[0].filename == __file__  # the warning points at the caller's line

    with pytest.raises(InputError) as e:
        actorgraph.build(path, strict=True)
    assert (e.value.path, e.value.line, e.value.reason) == (str(path), 2, "JSONL without text")


def test_records_are_checked_as_jsonl_lines():
    rows = [
        {"id": "a", "text": "Emmanuel Macron met Olaf Scholz."},
        {"id": "b", "text": "   "},
        {"id": "c", "text": 5},
        {"id": "a", "text": "Again."},
    ]
    with pytest.warns(ActorgraphWarning) as caught:
        g = actorgraph.build(rows)
    assert [str(w.message) for w in caught] == [
        "<records>:2: empty article: no text; skipped",
        '<records>:3: JSONL record field "text" must be a string; skipped',
        '<records>:4: duplicate article id "a" (the first article with this id is kept); skipped',
    ]
    assert len(g.documents) == 1
    with pytest.raises(InputError, match=r"^no article could be read, 2 skipped \(1 JSONL field of wrong type, 1 empty\)$"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            actorgraph.build([{"text": ""}, {"text": 3.5}])
    with pytest.raises(UsageError, match="item 1 is a int"):
        actorgraph.build([{"text": "Macron met Scholz."}, 3])
    with pytest.raises(UsageError, match="no 'text' column"):
        import pandas as pd

        actorgraph.build(pd.DataFrame({"body": ["Macron met Scholz."]}))


def test_missing_paths_and_limits(tmp_path):
    with pytest.raises(InputError, match=r"no article could be read, 1 skipped \(1 missing path\)"):
        with pytest.warns(ActorgraphWarning, match="no such file or directory; skipped"):
            actorgraph.build(tmp_path / "missing.jsonl")
    big = tmp_path / "big.txt"
    big.write_text("Emmanuel Macron met Olaf Scholz. " * 10)
    with pytest.raises(InputError, match=r"over the limit of 100 bytes \(max_article_bytes\)$"):
        actorgraph.build(big, max_article_bytes=100, strict=True)
    with pytest.raises(UsageError, match="threads must be at least 1"):
        actorgraph.build(big, threads=0)


def test_unknown_names_say_the_closest():
    g = actorgraph.extract(SEED.read_text(encoding="utf-8"), id="seed")
    cases = [
        (lambda: g.select(types="Persn"), 'types: unknown entity type "Persn"', "did you mean Person?"),
        (lambda: g.select(relations=["CONSLUT"]), 'relations: unknown relation "CONSLUT"; did you mean CONSULT? (known: HOLDS_OFFICE,', "ASSAULT)"),
        (lambda: g.to_json(modes="asserted,negatd"), 'modes: unknown mode "negatd"', "did you mean negated?"),
        (lambda: g.write("/tmp/x", "grapml"), 'format: unknown format "grapml"', "did you mean graphml?"),
        (lambda: g.write("/tmp/x.svg", engine="grafviz"), 'engine: unknown value "grafviz"', "did you mean graphviz?"),
        (lambda: g.write("/tmp/x.cypher", cypher_dialect="neo4"), 'cypher_dialect: unknown value "neo4"', "did you mean neo4j?"),
        (lambda: g.write("/tmp/x.ttl", base_iri="not an iri"), "base_iri: ", ""),
        (lambda: g.select(max_nodes=0), "max_nodes must be at least 1", ""),
    ]
    for call, start, end in cases:
        with pytest.raises(UsageError) as e:
            call()
        assert str(e.value).startswith(start) and str(e.value).endswith(end), str(e.value)
    with pytest.raises(SelectionError) as e:
        g.select(focus="Imran Kahn")
    assert str(e.value) == 'focus "Imran Kahn": no actor has this name or alias; did you mean Imran Khan?'


def test_outputs_are_checked_and_never_half_written(tmp_path):
    g = actorgraph.extract(SEED.read_text(encoding="utf-8"), id="seed")
    with pytest.raises(UsageError, match=r"the extension \.graphml is graphml's, but format asks for json"):
        g.write(tmp_path / "g.graphml", "json")
    with pytest.raises(UsageError, match="has no extension to tell the format by"):
        g.write(tmp_path / "g")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OutputError, match="is a file, not a directory"):
        g.write(blocker / "g.json")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_bad_graphs_and_knowledge_files(tmp_path):
    not_a_graph = tmp_path / "x.json"
    not_a_graph.write_text('{"nodes": []}')
    with pytest.raises(GraphError, match=r"x\.json: not an actorgraph node-link JSON file"):
        actorgraph.read(not_a_graph)
    with pytest.raises(GraphError, match="cannot open"):
        actorgraph.read(tmp_path / "missing.json")
    with pytest.raises(GraphError):
        actorgraph.Graph("[1, 2]")
    lexicon = tmp_path / "verbs.tsv"
    lexicon.write_text("lemma\tpos\tobject\ttarget\trelation\texample\nscold\tVERB\t\tobj\tNOT_A_RELATION\tx\n")
    with pytest.raises(DataError) as e:
        actorgraph.build(SEED, knowledge=[lexicon])
    assert e.value.file == str(lexicon) and e.value.line == 2
    assert str(e.value).startswith(f"{lexicon}:2: ")
