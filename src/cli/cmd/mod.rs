//! One file per subcommand; each file's `run` takes its parsed arguments. What several
//! share is here: the selection flags, reading a saved graph, the layout engine.

pub mod build;
pub mod completions;
pub mod man;
pub mod merge;
pub mod parse;
pub mod render;
pub mod stats;

use crate::cli::args::{EngineArg, SelectionArgs};
use crate::cli::suggest::did_you_mean;
use crate::cli::{messages, usage};
use crate::export::json;
use crate::graph::select::{Selection, SelectionError};
use crate::graph::{self, ActorGraph};
use crate::model::{EntityType, Mode, RelationKind};
use crate::render::Engine;
use anyhow::{anyhow, Context, Result};
use std::path::Path;

/// The names of `--modes`, with `all` for every mode; an unknown one is a usage error.
pub(crate) fn parse_modes(list: &str) -> Result<Vec<Mode>> {
    let mut out = Vec::new();
    for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if name.eq_ignore_ascii_case("all") {
            out.extend(Mode::ALL);
            continue;
        }
        let m = name.parse::<Mode>().map_err(|e| {
            let names = Mode::ALL.map(|m| m.as_str());
            usage(format!("--modes: {e}{}", did_you_mean(name, names)))
        })?;
        out.push(m);
    }
    if out.is_empty() {
        return Err(usage(
            "--modes: no mode given (asserted, intended, negated, hypothetical, all)",
        ));
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Turns the selection flags into a [`Selection`], checking type, relation and mode
/// names (a usage error with the closest name, when there is one).
pub(crate) fn selection(a: &SelectionArgs) -> Result<Selection> {
    let types = a
        .types
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.parse::<EntityType>().map_err(|e| {
                let names = EntityType::ALL.map(|t| t.as_str());
                usage(format!("--types: {e}{}", did_you_mean(s, names)))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let relations = a
        .relations
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.parse::<RelationKind>().map_err(|e| {
                let names = RelationKind::ALL.iter().map(|r| r.as_str());
                let known = RelationKind::ALL
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
                usage(format!(
                    "--relations: {e}{} (known: {known})",
                    did_you_mean(s, names)
                ))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    if a.max_nodes == Some(0) {
        return Err(usage("--max-nodes must be at least 1"));
    }
    Ok(Selection {
        // read as names are: NFC without format characters (a name typed on macOS is NFD)
        focus: a.focus.clone().map(crate::datafile::as_read),
        depth: a.depth,
        types,
        relations,
        modes: parse_modes(&a.modes)?,
        min_weight: a.min_weight,
        max_nodes: a.max_nodes,
    })
}

/// The selected graph; what the selection cut is said on stderr. An unknown focus names
/// the closest name or alias of the graph.
pub(crate) fn select(graph: &ActorGraph, selection: &Selection) -> Result<ActorGraph> {
    let (selected, notes) = graph::select::select(graph, selection).map_err(|e| {
        let hint = match &e {
            SelectionError::FocusNotFound(name) => did_you_mean(
                name,
                graph.actors().flat_map(|a| {
                    std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str))
                }),
            ),
            _ => String::new(),
        };
        anyhow!("{}{hint}", messages::selection_error(&e))
    })?;
    for n in &notes {
        messages::info(messages::selection_note(n));
    }
    Ok(selected)
}

/// A graph saved as node-link JSON, from a file or (`-`) stdin.
pub(crate) fn read_graph(path: &Path) -> Result<ActorGraph> {
    if path.as_os_str() == "-" {
        let stdin = std::io::stdin();
        return json::read(stdin.lock()).map_err(|e| anyhow!("<stdin>: {e}"));
    }
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    json::read(std::io::BufReader::new(file)).map_err(|e| anyhow!("{}: {e}", path.display()))
}

pub(crate) fn engine(e: EngineArg) -> Engine {
    match e {
        EngineArg::Auto => Engine::Auto,
        EngineArg::Graphviz => Engine::Graphviz,
        EngineArg::Builtin => Engine::Builtin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_parse_with_all_and_suggestions() {
        assert_eq!(
            parse_modes("asserted,intended").unwrap(),
            vec![Mode::Asserted, Mode::Intended]
        );
        assert_eq!(parse_modes("all").unwrap(), Mode::ALL.to_vec());
        let e = parse_modes("asserted,negatd").unwrap_err();
        assert!(e.is::<crate::cli::UsageError>());
        assert!(e.to_string().ends_with("did you mean negated?"), "{e}");
        assert!(parse_modes(",").is_err());
    }
}
