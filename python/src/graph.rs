//! `Graph`: an [`ActorGraph`] held by Python, immutable (every method that changes the
//! graph returns a new one), so that it can be shared between threads and read while
//! the GIL is released.
//!
//! The graph holds every edge the extractor found, whatever its mode. What goes out
//! (`to_json`, `to_dict`, `to_networkx`, `to_pandas`, `write`) keeps the edges reported
//! as asserted or intended unless `modes` asks for more, as the command line does.

use crate::errors::{raise, Kind};
use crate::names;
use actorgraph::export::json;
use actorgraph::graph::select::{self, Selection, SelectionError};
use actorgraph::graph::{self, ActorGraph};
use actorgraph::model::Mode;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::borrow::Cow;
use std::sync::Arc;

/// A knowledge graph of political actors: one node per actor, one edge per (source,
/// relation, mode, target) with every sentence that supports it.
#[pyclass(frozen, module = "actorgraph", name = "Graph")]
pub struct Graph {
    pub inner: Arc<ActorGraph>,
}

impl Graph {
    pub fn new(graph: ActorGraph) -> Graph {
        Graph {
            inner: Arc::new(graph),
        }
    }

    /// The graph as it goes out: only the edges of `modes` (see [`modes`]). Not copied
    /// when nothing is left out.
    fn for_output<'g>(
        &'g self,
        py: Python<'_>,
        modes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Cow<'g, ActorGraph>> {
        let selection = Selection {
            modes: self::modes(py, modes)?,
            ..Selection::default()
        };
        if selection.is_all_for(&self.inner) {
            return Ok(Cow::Borrowed(&self.inner));
        }
        let graph = &self.inner;
        let selected = py.detach(|| select::select(graph, &selection));
        let (selected, _notes) = selected.map_err(|e| raise(py, Kind::Selection, e.to_string()))?;
        Ok(Cow::Owned(selected))
    }

    fn json_bytes(py: Python<'_>, graph: &ActorGraph) -> PyResult<Vec<u8>> {
        py.detach(|| json::write(graph, Vec::new()))
            .map_err(|e| raise(py, Kind::Output, format!("writing JSON: {e}")))
    }
}

/// The modes a parameter names; `None` is the command line's default (asserted and
/// intended), for outputs and selections alike, so that `select(focus=...)` keeps what
/// `--focus` keeps.
fn modes(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Mode>> {
    match value.filter(|m| !m.is_none()) {
        None => Ok(Mode::ALL.into_iter().filter(|m| m.is_default()).collect()),
        Some(m) => names::modes(py, "modes", &names::list(py, "modes", Some(m))?),
    }
}

/// The node-link JSON of a saved graph.
fn from_json(py: Python<'_>, origin: &str, text: &[u8]) -> PyResult<ActorGraph> {
    py.detach(|| json::read(text))
        .map_err(|e| raise(py, Kind::Graph, format!("{origin}: {e}")))
}

#[pymethods]
impl Graph {
    /// `Graph()` is an empty graph; `Graph(json)` reads node-link JSON (what `to_json`
    /// and `actorgraph build -f json` write).
    #[new]
    #[pyo3(signature = (json = None))]
    fn py_new(py: Python<'_>, json: Option<&str>) -> PyResult<Graph> {
        match json {
            None => Ok(Graph::new(ActorGraph::new())),
            Some(text) => Ok(Graph::new(from_json(py, "JSON", text.as_bytes())?)),
        }
    }

    /// Pickling (Spark ships graphs between processes): the whole graph as JSON.
    fn __getnewargs__(&self, py: Python<'_>) -> PyResult<(String,)> {
        let bytes = Graph::json_bytes(py, &self.inner)?;
        Ok((String::from_utf8_lossy(&bytes).into_owned(),))
    }

    /// Number of actors.
    #[getter]
    fn node_count(&self) -> usize {
        self.inner.node_count()
    }

    /// Number of edges, of every mode.
    #[getter]
    fn edge_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// The articles the graph was built from: `id`, `date`, `title`, `url`.
    #[getter]
    fn documents<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for d in self.inner.documents() {
            let item = PyDict::new(py);
            item.set_item("id", d.id.as_str())?;
            item.set_item("date", d.date.as_deref())?;
            item.set_item("title", d.title.as_deref())?;
            item.set_item("url", d.url.as_deref())?;
            list.append(item)?;
        }
        Ok(list)
    }

    fn __len__(&self) -> usize {
        self.inner.node_count()
    }

    fn __repr__(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "<actorgraph.Graph: {}, {}, {}>",
            plural(self.inner.documents().len(), "article", "articles"),
            plural(self.inner.node_count(), "actor", "actors"),
            plural(self.inner.edge_count(), "relation", "relations"),
        )
    }

    /// This graph and `other` as one, resolved again as if their articles had been
    /// built together (the library's associative, commutative merge).
    fn merge(&self, py: Python<'_>, other: &Graph) -> Graph {
        let (a, b) = (&self.inner, &other.inner);
        Graph::new(py.detach(|| graph::merge([a.as_ref(), b.as_ref()])))
    }

    /// The sub-graph a selection keeps (the selection options of the command line).
    #[pyo3(signature = (focus = None, depth = 1, types = None, relations = None, modes = None, min_weight = 0, max_nodes = None))]
    #[allow(clippy::too_many_arguments)]
    fn select(
        &self,
        py: Python<'_>,
        focus: Option<String>,
        depth: usize,
        types: Option<&Bound<'_, PyAny>>,
        relations: Option<&Bound<'_, PyAny>>,
        modes: Option<&Bound<'_, PyAny>>,
        min_weight: usize,
        max_nodes: Option<usize>,
    ) -> PyResult<Graph> {
        if max_nodes == Some(0) {
            return Err(raise(py, Kind::Usage, "max_nodes must be at least 1"));
        }
        let selection = Selection {
            focus,
            depth,
            types: names::types(py, "types", &names::list(py, "types", types)?)?,
            relations: names::relations(
                py,
                "relations",
                &names::list(py, "relations", relations)?,
            )?,
            modes: self::modes(py, modes)?,
            min_weight,
            max_nodes,
        };
        let graph = &self.inner;
        if selection.is_all_for(graph) {
            return Ok(Graph {
                inner: Arc::clone(graph),
            });
        }
        match py.detach(|| select::select(graph, &selection)) {
            Ok((selected, _notes)) => Ok(Graph::new(selected)),
            Err(SelectionError::FocusNotFound(name)) => {
                let hint = actorgraph::cli::suggest::did_you_mean(
                    &name,
                    graph.actors().flat_map(|a| {
                        std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str))
                    }),
                );
                Err(raise(
                    py,
                    Kind::Selection,
                    format!("focus {name:?}: no actor has this name or alias{hint}"),
                ))
            }
            Err(e) => Err(raise(py, Kind::Usage, e.to_string())),
        }
    }

    /// The node-link JSON, byte for byte what `actorgraph build -f json` writes.
    #[pyo3(signature = (modes = None))]
    fn to_json(&self, py: Python<'_>, modes: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        let graph = self.for_output(py, modes)?;
        let bytes = Graph::json_bytes(py, &graph)?;
        String::from_utf8(bytes).map_err(|e| raise(py, Kind::Output, e.to_string()))
    }

    /// The node-link JSON as Python objects (`networkx.node_link_graph(d, edges="links")`
    /// reads it).
    #[pyo3(signature = (modes = None))]
    fn to_dict<'py>(
        &self,
        py: Python<'py>,
        modes: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = self.to_json(py, modes)?;
        py.import("json")?.call_method1("loads", (text,))
    }

    /// A networkx `MultiDiGraph`: the JSON's nodes and edges, with their attributes.
    #[pyo3(signature = (modes = None))]
    fn to_networkx<'py>(
        &self,
        py: Python<'py>,
        modes: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = self.to_dict(py, modes)?;
        py.import("actorgraph._convert")?
            .call_method1("to_networkx", (d,))
    }

    /// Two pandas data frames, `(nodes, edges)`; each edge row carries its evidence.
    #[pyo3(signature = (modes = None))]
    fn to_pandas<'py>(
        &self,
        py: Python<'py>,
        modes: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = self.to_dict(py, modes)?;
        py.import("actorgraph._convert")?
            .call_method1("to_pandas", (d,))
    }

    /// Writes one or more formats; returns the paths written. See `actorgraph.Graph.write`.
    #[pyo3(signature = (path, format = None, *, name = None, modes = None, cypher_dialect = "neo4j", base_iri = None, engine = "auto", isolated = false))]
    #[allow(clippy::too_many_arguments)]
    fn write(
        &self,
        py: Python<'_>,
        path: std::path::PathBuf,
        format: Option<&Bound<'_, PyAny>>,
        name: Option<String>,
        modes: Option<&Bound<'_, PyAny>>,
        cypher_dialect: &str,
        base_iri: Option<String>,
        engine: &str,
        isolated: bool,
    ) -> PyResult<Vec<String>> {
        let request = crate::write::Request::new(
            py,
            path,
            format,
            name,
            cypher_dialect,
            base_iri,
            engine,
            isolated,
        )?;
        let graph = self.for_output(py, modes)?;
        request.write(py, &graph)
    }
}

/// Reads a graph saved as node-link JSON (`actorgraph build -f json`, `Graph.write`).
#[pyfunction]
pub fn read(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Graph> {
    let bytes = std::fs::read(&path).map_err(|e| {
        raise(
            py,
            Kind::Graph,
            format!("cannot open {}: {e}", path.display()),
        )
    })?;
    Ok(Graph::new(from_json(
        py,
        &path.display().to_string(),
        &bytes,
    )?))
}

/// Several graphs as one (see `Graph.merge`).
#[pyfunction]
pub fn merge(py: Python<'_>, graphs: Vec<PyRef<'_, Graph>>) -> Graph {
    let inner: Vec<Arc<ActorGraph>> = graphs.iter().map(|g| Arc::clone(&g.inner)).collect();
    Graph::new(py.detach(|| graph::merge(inner.iter().map(|g| g.as_ref()))))
}
