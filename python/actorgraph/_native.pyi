# Type stubs of the extension module (python/src/); the public API is in __init__.py.
from os import PathLike
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

__version__: str
FORMATS: List[str]
DEFAULT_MODES: List[str]

Names = Union[str, Sequence[str], None]
_Path = Union[str, "PathLike[str]"]

class Graph:
    """A knowledge graph of political actors: one node per actor, one edge per (source,
    relation, mode, target) with every sentence that supports it. Immutable: every
    method that changes the graph returns a new one."""

    def __init__(self, json: Optional[str] = None) -> None:
        """``Graph()`` is empty; ``Graph(json)`` reads node-link JSON (``to_json``,
        ``actorgraph build -f json``). Raises GraphError for anything else."""
    @property
    def node_count(self) -> int:
        """Number of actors."""
    @property
    def edge_count(self) -> int:
        """Number of edges, of every mode."""
    @property
    def documents(self) -> List[Dict[str, Optional[str]]]:
        """The articles: ``id``, ``date``, ``title``, ``url``."""
    def __len__(self) -> int: ...
    def merge(self, other: Graph) -> Graph:
        """This graph and ``other`` as one, resolved again as if their articles had
        been built together: associative and commutative, so parts of a corpus built
        apart and merged in any grouping give the whole build's graph."""
    def select(
        self,
        focus: Optional[str] = None,
        depth: int = 1,
        types: Names = None,
        relations: Names = None,
        modes: Names = None,
        min_weight: int = 0,
        max_nodes: Optional[int] = None,
    ) -> Graph:
        """The sub-graph the command's selection options keep: the ego network of
        ``focus`` (a name or alias), ``depth`` steps deep; only actors of ``types``
        ("Person", "Country", ...); only edges of ``relations`` ("CONSULT", ...), of
        ``modes`` ("asserted", "negated", ..., "all"; default: asserted and intended, as
        the command's), with at least
        ``min_weight`` sentences; at most ``max_nodes`` actors, the most connected.
        Raises SelectionError for an unknown focus, UsageError for unknown names."""
    def to_json(self, modes: Names = None) -> str:
        """The node-link JSON, byte for byte what ``actorgraph build -f json`` writes.
        ``modes`` (default: asserted and intended, as the command; "all" for every
        edge) applies to this and every other output method."""
    def to_dict(self, modes: Names = None) -> Dict[str, Any]:
        """The node-link JSON as Python objects."""
    def to_networkx(self, modes: Names = None) -> Any:
        """A ``networkx.MultiDiGraph`` with the JSON's node and edge attributes."""
    def to_pandas(self, modes: Names = None) -> Tuple[Any, Any]:
        """``(nodes, edges)`` pandas data frames; each edge row has its evidence."""
    def write(
        self,
        path: _Path,
        format: Names = None,
        *,
        name: Optional[str] = None,
        modes: Names = None,
        cypher_dialect: str = "neo4j",
        base_iri: Optional[str] = None,
        engine: str = "auto",
        isolated: bool = False,
    ) -> List[str]:
        """Writes ``format`` (a name of FORMATS, a list, or "all"; default: the
        extension of ``path``) and returns the paths written. One format that writes one
        file, to a path with an extension: that file. Otherwise ``path`` is a directory
        (made when missing) and each file is ``NAME.EXTENSION`` (``name`` default
        "graph", or the file's stem); "neo4j" writes ``NAME.nodes.csv``,
        ``NAME.relationships.csv`` and ``NAME.kuzu.cypher``. Options as the command's:
        ``cypher_dialect`` neo4j|falkordb|memgraph, ``base_iri`` of JSON-LD/N-Triples/
        Turtle, ``engine`` auto|graphviz|builtin and ``isolated`` for svg/png. Files are
        written whole or not at all (OutputError)."""

def extract(
    text: str, date: Optional[str], id: Optional[str], knowledge: List[str]
) -> Graph: ...
def build_paths(
    paths: List[str],
    threads: Optional[int] = None,
    date: Optional[str] = None,
    strict: bool = False,
    knowledge: List[str] = ...,
    max_article_bytes: Optional[int] = None,
) -> Graph: ...
def build_records(
    records: Iterable[Tuple[Any, Any, Any, Any, Any]],
    source: str = "<records>",
    threads: Optional[int] = None,
    date: Optional[str] = None,
    strict: bool = False,
    knowledge: List[str] = ...,
    max_article_bytes: Optional[int] = None,
) -> Graph: ...
def read(path: _Path) -> Graph: ...
def merge(graphs: List[Graph]) -> Graph: ...
