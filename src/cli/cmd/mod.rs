//! One file per subcommand; each file's `run` takes its parsed arguments.

pub mod build;
pub mod parse;
pub mod render;

use crate::cli::args::{EngineArg, SelectionArgs};
use crate::graph::select::Selection;
use crate::render::Engine;
use anyhow::{anyhow, Result};

/// Turns the selection flags into a [`Selection`], checking type and relation names.
pub(crate) fn selection(a: &SelectionArgs) -> Result<Selection> {
    let types = a
        .types
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.parse().map_err(|e: String| anyhow!("--types: {e}")))
        .collect::<Result<Vec<_>>>()?;
    let relations = a
        .relations
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| s.parse().map_err(|e: String| anyhow!("--relations: {e}")))
        .collect::<Result<Vec<_>>>()?;
    Ok(Selection {
        focus: a.focus.clone(),
        depth: a.depth,
        types,
        relations,
        min_weight: a.min_weight,
        max_nodes: a.max_nodes,
    })
}

pub(crate) fn engine(e: EngineArg) -> Engine {
    match e {
        EngineArg::Auto => Engine::Auto,
        EngineArg::Graphviz => Engine::Graphviz,
        EngineArg::Builtin => Engine::Builtin,
    }
}
