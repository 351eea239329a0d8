"""actorgraph: knowledge graphs of political actors from news.

Who met whom, who holds which office, who accused, detained or supported whom: every
edge with the document, the sentence and the date it came from. The extraction is the
Rust library of the ``actorgraph`` command, called in this process (no subprocess), with
the GIL released while it works::

    import actorgraph
    g = actorgraph.build("corpus.jsonl")             # files, as the command reads them
    g = actorgraph.build(df)                         # or a DataFrame: id, text, date
    g = actorgraph.extract(text, date="2024-05-08")  # or one article
    ego = g.select(focus="Imran Khan", depth=2)
    nodes, edges = ego.to_pandas()
    G = ego.to_networkx()
    g.write("out/", "all", name="corpus")           # every format of `actorgraph build`

A graph holds every edge found, whatever its mode (asserted, intended, negated,
hypothetical); what goes out (``to_json``, ``to_dict``, ``to_networkx``, ``to_pandas``,
``write``) and what ``select`` keeps are the asserted and intended ones unless
``modes=`` asks for more (``modes="all"``), as in the command.
"""

from __future__ import annotations

import datetime as _datetime
import os as _os
import sys as _sys
from collections.abc import Mapping as _Mapping
from typing import Any, Iterable, Optional, Sequence, Union

from . import _native
from ._native import DEFAULT_MODES, FORMATS, Graph, __version__
from .errors import (
    ActorgraphError,
    ActorgraphWarning,
    DataError,
    GraphError,
    InputError,
    OutputError,
    SelectionError,
    UsageError,
)

__all__ = [
    "extract",
    "build",
    "read",
    "merge",
    "Graph",
    "FORMATS",
    "DEFAULT_MODES",
    "ActorgraphError",
    "ActorgraphWarning",
    "DataError",
    "GraphError",
    "InputError",
    "OutputError",
    "SelectionError",
    "UsageError",
    "__version__",
]

PathLike = Union[str, "_os.PathLike[str]"]

#: The columns (and dict keys) a record may have; only ``text`` is required.
RECORD_FIELDS = ("id", "text", "date", "title", "url")


def _date(date: Any) -> Optional[str]:
    if date is None or isinstance(date, str):
        return date
    if isinstance(date, (_datetime.date, _datetime.datetime)) or hasattr(date, "isoformat"):
        return date.isoformat()[:10]
    raise UsageError(f"date: give a string YYYY-MM-DD or a date, not {type(date).__name__}")


def _paths(files: Union[PathLike, Iterable[PathLike], None]) -> list:
    if files is None:
        return []
    if isinstance(files, (str, _os.PathLike)):
        return [_os.fspath(files)]
    return [_os.fspath(f) for f in files]


def extract(
    text: str,
    date: Union[str, _datetime.date, None] = None,
    id: Optional[str] = None,
    *,
    knowledge: Union[PathLike, Iterable[PathLike], None] = None,
) -> Graph:
    """The graph of one article.

    ``text`` is read as a text file is: it may start with a date line (`` date
    2024-05-08 `` or `` date unknown ``), which then gives the article's date; ``date``
    (``YYYY-MM-DD`` or a ``datetime.date``) dates an article that has none. ``id`` names
    the article in the evidence (default ``"text"``); ``extract(open("seed.txt").read(),
    id="seed")`` gives the graph of ``actorgraph build seed.txt``. ``knowledge`` adds
    your gazetteer or lexicon files (the command's ``--gazetteer``/``--lexicon``).

    Raises :class:`InputError` for a text that is no article (empty, binary, a bad date
    line) and :class:`UsageError` for a bad ``date``. For many articles, :func:`build`
    is faster: it extracts them on all cores.
    """
    if not isinstance(text, str):
        raise UsageError(f"text: give a string, not {type(text).__name__}")
    graph = _native.extract(text, _date(date), id, _paths(knowledge))
    return graph


def _is_dataframe(obj: Any) -> bool:
    pandas = _sys.modules.get("pandas")  # not imported: obj cannot be one of its frames
    return pandas is not None and isinstance(obj, pandas.DataFrame)


def _frame_records(df: Any) -> list:
    """The rows of a pandas DataFrame as (id, text, date, title, url), missing values None."""
    if "text" not in df.columns:
        raise UsageError(
            "records: the DataFrame has no 'text' column (columns: "
            + ", ".join(map(str, df.columns))
            + ")"
        )
    n = len(df)
    columns = []
    for name in RECORD_FIELDS:
        if name not in df.columns:
            columns.append([None] * n)
            continue
        col = df[name]
        # NaN, NaT, pd.NA and None are all "no value"
        columns.append(col.astype(object).where(col.notna(), None).tolist())
    return list(zip(*columns))


def _dict_record(i: int, r: Any) -> tuple:
    if not isinstance(r, _Mapping):
        raise UsageError(
            f"records: item {i} is a {type(r).__name__}; give dicts with a 'text' key, or paths"
        )
    return tuple(r.get(name) for name in RECORD_FIELDS)


def build(
    inputs: Any,
    threads: Optional[int] = None,
    *,
    date: Union[str, _datetime.date, None] = None,
    strict: bool = False,
    knowledge: Union[PathLike, Iterable[PathLike], None] = None,
    max_article_bytes: Optional[int] = None,
) -> Graph:
    """The graph of a corpus, extracted on ``threads`` cores (default: all).

    ``inputs`` is one of:

    * a path, or a list of paths: text files, directories (their ``*.txt`` and
      ``*.jsonl`` files), JSONL corpora, read exactly as ``actorgraph build`` reads them;
    * a pandas DataFrame with a ``text`` column and optionally ``id``, ``date``,
      ``title``, ``url`` (dates as strings, dates or timestamps; missing values are
      fine);
    * an iterable of dicts with the same keys.

    Records are read as the lines of a JSONL file are: the same checks and messages,
    named ``<records>:N`` (N counted from 1), default ids ``<records>:N``, and a
    later record with an id seen before is skipped. The graph is the same whatever
    ``threads`` is, and the same as the command's for the same articles.

    An article that cannot be read is skipped with an :class:`ActorgraphWarning`
    (the command's message), unless ``strict=True``, which raises :class:`InputError`
    at the first one; no readable article at all raises :class:`InputError`. ``date``
    dates the articles without one; ``knowledge`` adds gazetteer or lexicon files;
    ``max_article_bytes`` (default 256 MiB) refuses larger articles.
    """
    common = dict(
        threads=threads,
        date=_date(date),
        strict=strict,
        knowledge=_paths(knowledge),
        max_article_bytes=max_article_bytes,
    )
    if isinstance(inputs, (str, _os.PathLike)):
        graph = _native.build_paths([_os.fspath(inputs)], **common)
    elif _is_dataframe(inputs):
        graph = _native.build_records(_frame_records(inputs), **common)
    elif isinstance(inputs, (bytes, bytearray, _Mapping)):
        raise UsageError(
            f"inputs: give paths, a DataFrame or an iterable of dicts, not a {type(inputs).__name__}"
        )
    else:
        items = list(inputs)
        if items and all(isinstance(x, (str, _os.PathLike)) for x in items):
            graph = _native.build_paths([_os.fspath(x) for x in items], **common)
        else:
            records = [_dict_record(i, r) for i, r in enumerate(items)]
            graph = _native.build_records(records, **common)
    return graph


def read(path: PathLike) -> Graph:
    """A graph saved as node-link JSON (``actorgraph build -f json``, ``Graph.write``)."""
    return _native.read(_os.fspath(path))


def merge(graphs: Iterable[Graph]) -> Graph:
    """Several graphs as one: what :meth:`Graph.merge` does, for any number of graphs."""
    return _native.merge(list(graphs))
