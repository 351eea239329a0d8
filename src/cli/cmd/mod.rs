//! One file per subcommand; each file's `run` takes its parsed arguments.

pub mod build;
pub mod merge;
pub mod render;

use crate::cli::args::{EngineArg, SelectionArgs};
use crate::cli::messages;
use crate::cli::output::{self, Target};
use crate::format::{self, Format, Notes, WriteError};
use crate::graph::select::Selection;
use crate::graph::{self, ActorGraph};
use crate::model::UnknownName;
use crate::render::{Engine, RenderOptions};
use anyhow::{anyhow, Context, Result};
use std::io::Write;

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
        focus: a.focus.clone(),
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

/// Writes every asked format of the graph to the target (files atomically, or stdout).
pub(crate) fn write_outputs(
    graph: &ActorGraph,
    formats: &[Format],
    target: &Target,
    stem: &str,
    engine_arg: EngineArg,
    quiet: bool,
) -> Result<()> {
    let render_opts = RenderOptions {
        engine: engine(engine_arg),
        ..RenderOptions::default()
    };
    let say = |notes: Notes| {
        if !quiet {
            for n in &notes {
                messages::info(messages::render_note(n));
            }
        }
    };
    for &format in formats {
        let paths: Vec<std::path::PathBuf> = match target {
            Target::Stdout => vec![],
            Target::File(f) => vec![f.clone()],
            Target::Dir(d) => format.files(stem).iter().map(|n| d.join(n)).collect(),
        };
        if paths.is_empty() {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            let notes = format::write(format, graph, 0, &render_opts, &mut lock)
                .map_err(io_error)
                .context("writing to stdout")?;
            lock.flush().context("writing to stdout")?;
            say(notes);
            continue;
        }
        for (part, path) in paths.iter().enumerate() {
            let mut notes = Notes::new();
            output::write_atomic(path, |w| {
                notes = format::write(format, graph, part, &render_opts, w).map_err(io_error)?;
                Ok(())
            })?;
            say(notes);
        }
    }
    Ok(())
}

/// A format's failure as the I/O error of the file it was writing.
fn io_error(e: WriteError) -> std::io::Error {
    match e {
        WriteError::Io(e) => e,
        WriteError::Render(e) => std::io::Error::other(e.to_string()),
    }
}
