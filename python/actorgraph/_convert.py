"""Graphs to networkx and pandas, from the node-link JSON (``Graph.to_dict``).

networkx and pandas are imported here, when a conversion is asked for: the package
itself needs neither.
"""

from __future__ import annotations

from typing import Any, Dict, Tuple


def _require(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"{module} is needed for this: pip install {module} (or actorgraph[{extra}])"
        ) from e


def to_networkx(d: Dict[str, Any]) -> Any:
    """A ``networkx.MultiDiGraph``: node attributes are the JSON's node fields (name,
    type, aliases, ...), edge attributes its link fields (relation, mode, verb, weight,
    evidence, ...), keyed by ``key``; ``G.graph["documents"]`` lists the articles."""
    nx = _require("networkx", "networkx")
    try:
        return nx.node_link_graph(d, edges="links")
    except TypeError:  # networkx before 3.4 names the key "link"
        return nx.node_link_graph(d, link="links")


NODE_COLUMNS = (
    "id", "name", "type", "aliases", "titles", "ids",
    "mentions", "documents", "first_seen", "last_seen",
)
EDGE_COLUMNS = (
    "source", "target", "key", "relation", "mode", "verb", "date", "first_seen",
    "last_seen", "confidence", "role", "status", "weight", "evidence",
)


def _frame(pd: Any, rows: list, columns: tuple) -> Any:
    """A frame with the given columns first (present even when no row has them, so that
    code written against a frame works on every graph), then any others in order."""
    extra = []
    for r in rows:
        for k in r:
            if k not in columns and k not in extra:
                extra.append(k)
    return pd.DataFrame(rows, columns=list(columns) + extra)


def to_pandas(d: Dict[str, Any]) -> Tuple[Any, Any]:
    """``(nodes, edges)``: one row per actor, one row per edge. Each edge's ``evidence``
    is a list of dicts (doc, sentence, start, end, text, and date and reported_by when
    known); ``edges.explode("evidence")`` gives one row per sentence."""
    pd = _require("pandas", "pandas")
    nodes = _frame(pd, d["nodes"], NODE_COLUMNS)
    edges = _frame(pd, d["links"], EDGE_COLUMNS)
    return nodes, edges
