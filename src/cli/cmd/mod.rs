//! One file per subcommand; each file's `run` takes its parsed arguments.

pub mod build;
pub mod render;

use crate::cli::args::{EngineArg, SelectionArgs};
use crate::cli::messages;
use crate::graph::select::Selection;
use crate::graph::{self, ActorGraph};
use crate::model::UnknownName;
use crate::render::Engine;
use anyhow::{anyhow, Result};

/// Turns the selection flags into a [`Selection`], checking type and relation names.
pub(crate) fn selection(a: &SelectionArgs) -> Result<Selection> {
    let types = a
        .types
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.parse().map_err(|e: UnknownName| anyhow!("--types: {e}")))
        .collect::<Result<Vec<_>>>()?;
    let relations = a
        .relations
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.parse()
                .map_err(|e: UnknownName| anyhow!("--relations: {e}"))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Selection {
        // read as names are: NFC without format characters (a name typed on macOS is NFD)
        focus: a.focus.clone().map(crate::datafile::as_read),
        depth: a.depth,
        types,
        relations,
        min_weight: a.min_weight,
        max_nodes: a.max_nodes,
    })
}

/// The selected graph; what the selection cut is said on stderr.
pub(crate) fn select(graph: &ActorGraph, selection: &Selection) -> Result<ActorGraph> {
    let (selected, notes) = graph::select::select(graph, selection)
        .map_err(|e| anyhow!(messages::selection_error(&e)))?;
    for n in &notes {
        messages::info(messages::selection_note(n));
    }
    Ok(selected)
}

pub(crate) fn engine(e: EngineArg) -> Engine {
    match e {
        EngineArg::Auto => Engine::Auto,
        EngineArg::Graphviz => Engine::Graphviz,
        EngineArg::Builtin => Engine::Builtin,
    }
}
