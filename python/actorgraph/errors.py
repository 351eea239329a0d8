"""The exceptions and warnings of actorgraph.

Every exception is an :class:`ActorgraphError`, with the message the ``actorgraph``
command prints (where the command names a flag, the message names the parameter)::

    ActorgraphError
    ├── UsageError       an unknown format, type, relation, mode or engine; a bad date,
    │                    base IRI or parameter (also a ValueError)
    ├── InputError       an article that could not be read (with strict=True, or the one
    │                    text of extract), or no article at all; .path, .line, .reason
    ├── DataError        a bad line in a knowledge file (gazetteer, lexicon); .file, .line
    ├── GraphError       a saved graph that is not actorgraph node-link JSON
    ├── SelectionError   a focus that no actor's name or alias matches (also a LookupError)
    └── OutputError      an output that could not be written (also an OSError)

Problems that do not stop a build (an article skipped, invalid UTF-8 replaced, a sentence
cut at the length bound, a picture capped) are :class:`ActorgraphWarning` warnings.
"""

from __future__ import annotations

from typing import Optional

__all__ = [
    "ActorgraphError",
    "UsageError",
    "InputError",
    "DataError",
    "GraphError",
    "SelectionError",
    "OutputError",
    "ActorgraphWarning",
]


class ActorgraphError(Exception):
    """Base class of every error actorgraph raises."""


class UsageError(ActorgraphError, ValueError):
    """A parameter actorgraph cannot use; the message names it and the closest known name."""


class InputError(ActorgraphError):
    """An article that could not be read, or no readable article at all.

    ``path`` and ``line`` say where (``line`` for JSONL records, records and date headers;
    ``None`` when the whole input is meant), ``reason`` the kind of problem in a few
    stable words ("empty", "malformed JSONL", "duplicate id", ...).
    """

    def __init__(
        self,
        message: str,
        path: Optional[str] = None,
        line: Optional[int] = None,
        reason: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.reason = reason


class DataError(ActorgraphError):
    """A knowledge file with a bad line: ``file`` and ``line`` (0 for the whole file)."""

    def __init__(self, message: str, file: Optional[str] = None, line: Optional[int] = None) -> None:
        super().__init__(message)
        self.file = file
        self.line = line


class GraphError(ActorgraphError):
    """A saved graph that cannot be read: not a file, or not actorgraph node-link JSON."""


class SelectionError(ActorgraphError, LookupError):
    """A selection that cannot be made: a focus that no actor has."""


class OutputError(ActorgraphError, OSError):
    """An output that could not be written (nothing half-written is left behind)."""


class ActorgraphWarning(UserWarning):
    """A problem that did not stop the work: an article skipped, bytes replaced, ..."""
