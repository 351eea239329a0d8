"""extract and build give the command's graph, byte for byte in the JSON."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import actorgraph
from conftest import SEED, WIKINEWS, records


def seed_graph() -> actorgraph.Graph:
    return actorgraph.extract(SEED.read_text(encoding="utf-8"), id="seed")


def test_the_seed_through_extract_is_the_commands_json(seed_json, cli):
    g = seed_graph()
    assert g.to_json().encode() == seed_json
    # to_dict is the same JSON as Python objects: written as serde_json writes, the bytes
    assert (json.dumps(g.to_dict(), indent=2, ensure_ascii=False) + "\n").encode() == seed_json
    # every mode, as --modes all
    every, _, _ = cli("build", SEED, "-f", "json", "--modes", "all", "-o", "-", "-q")
    assert g.to_json(modes="all").encode() == every
    assert g.node_count == len(g.to_dict(modes="all")["nodes"]) == 17
    assert g.documents == [{"id": "seed", "date": "2024-05-08", "title": None, "url": None}]


def test_extract_dates_and_ids():
    g = actorgraph.extract("Emmanuel Macron met Olaf Scholz in Berlin.", date="2024-02-03", id="a1")
    d = g.to_dict()
    assert d["graph"]["documents"] == [{"id": "a1", "date": "2024-02-03"}]
    assert {n["name"] for n in d["nodes"]} >= {"Emmanuel Macron", "Olaf Scholz"}
    consult = [l for l in d["links"] if l["relation"] == "CONSULT"]
    assert consult and consult[0]["evidence"][0]["doc"] == "a1"
    assert consult[0]["date"] == "2024-02-03"
    # a date line at the start of the text wins over date=, as for a text file
    g = actorgraph.extract(" date 2020-01-01 \n\nEmmanuel Macron met Olaf Scholz.", date="2024-02-03")
    assert g.documents[0]["date"] == "2020-01-01"
    import datetime

    g = actorgraph.extract("Emmanuel Macron met Olaf Scholz.", date=datetime.date(2021, 5, 6))
    assert g.documents[0] == {"id": "text", "date": "2021-05-06", "title": None, "url": None}


def test_build_of_a_dataframe_of_50_articles_is_the_commands_build(corpus50, corpus50_json):
    df = pd.read_json(corpus50, lines=True, dtype=False)
    assert len(df) == 50 and {"id", "text", "date"} <= set(df.columns)
    g = actorgraph.build(df)
    assert g.to_json().encode() == corpus50_json
    # the same from the file, from dicts, on one thread, and from a frame with real dates
    assert actorgraph.build(corpus50).to_json().encode() == corpus50_json
    assert actorgraph.build(records(corpus50), threads=1).to_json().encode() == corpus50_json
    dated = df.assign(date=pd.to_datetime(df["date"]))
    assert actorgraph.build(dated, threads=2).to_json().encode() == corpus50_json
    assert len(g.documents) == 50 and g.edge_count > 50


def test_records_without_ids_and_missing_values_are_read_as_jsonl_lines_are():
    df = pd.DataFrame(
        {
            "text": ["Emmanuel Macron met Olaf Scholz.", "Joe Biden criticized Russia."],
            "date": ["2024-01-02", None],
        }
    )
    g = actorgraph.build(df, date="2023-12-31")
    assert g.documents == [
        {"id": "<records>:1", "date": "2024-01-02", "title": None, "url": None},
        {"id": "<records>:2", "date": "2023-12-31", "title": None, "url": None},
    ]


def test_select_is_the_commands_selection(cli, corpus50):
    g = actorgraph.build(corpus50)
    focus = max(g.to_dict()["nodes"], key=lambda n: n["mentions"])["name"]
    want, _, _ = cli("build", corpus50, "-f", "json", "-o", "-", "-q", "--focus", focus, "--depth", "2")
    assert g.select(focus=focus, depth=2).to_json().encode() == want
    want, _, _ = cli(
        "build", corpus50, "-f", "json", "-o", "-", "-q",
        "--types", "Person,Country", "--relations", "CONSULT,ACCUSE", "--min-weight", "1",
    )
    got = g.select(types=["Person", "Country"], relations="CONSULT,ACCUSE", min_weight=1)
    assert got.to_json().encode() == want
    want, _, _ = cli("build", corpus50, "-f", "json", "-o", "-", "-q", "--max-nodes", "7")
    assert g.select(max_nodes=7).to_json().encode() == want
    assert g.select(max_nodes=7).node_count == 7


def test_graphs_are_saved_read_back_and_pickled(tmp_path, corpus50_json):
    import pickle

    g = actorgraph.Graph(corpus50_json.decode())
    assert g.to_json().encode() == corpus50_json
    path = tmp_path / "g.json"
    assert g.write(path) == [str(path)]
    assert path.read_bytes() == corpus50_json
    assert actorgraph.read(path).to_json().encode() == corpus50_json
    again = pickle.loads(pickle.dumps(g))
    assert again.to_json(modes="all") == g.to_json(modes="all")
    assert repr(g) == f"<actorgraph.Graph: 50 articles, {g.node_count} actors, {g.edge_count} relations>"
    assert actorgraph.Graph().node_count == 0


@pytest.mark.filterwarnings("ignore::actorgraph.ActorgraphWarning")  # long sentences cut
def test_the_gil_is_released_while_a_build_runs():
    """Another Python thread goes on while build works: the longest pause it sees is a
    small part of the build's time (with the GIL held it would wait for the whole)."""
    import threading
    import time

    # about half a second of work on one core
    texts = [dict(r, id=f"{r['id']}#{i}") for i, r in enumerate(records(WIKINEWS) * 3)]
    done = {}

    def work():
        t = time.perf_counter()
        actorgraph.build(texts, threads=1)
        done["seconds"] = time.perf_counter() - t

    worker = threading.Thread(target=work)
    ticks = []
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.005)
    worker.join()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert done["seconds"] > 0.2, done
    assert len(ticks) > 10 and max(gaps) < done["seconds"] / 2, (max(gaps), done)
