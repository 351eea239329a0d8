//! `actorgraph merge GRAPH.json... [-f LIST] [-o PATH]`: graphs saved by separate runs,
//! read back and merged by [`graph::merge`] (their forms and facts united and resolved
//! again), then the selection and every asked format, written as `build` writes them.

use super::build::{check_extension, parse_formats, write_outputs};
use crate::cli::args::MergeArgs;
use crate::cli::output::{self, Target};
use crate::cli::{exit, messages, usage};
use crate::graph::{self, ActorGraph};
use anyhow::Result;
use std::time::Instant;

pub fn run(a: MergeArgs) -> Result<u8> {
    let started = Instant::now();
    let formats = parse_formats(&a.format)?;
    let selection = super::selection(&a.selection)?;
    crate::export::rdf::check_base_iri(&a.exports.base_iri)
        .map_err(|e| usage(format!("--base-iri: {e}")))?;
    let single_file = formats.len() == 1 && formats[0].is_single_file();
    let target =
        Target::new(&a.output, formats.len(), single_file).map_err(|e| usage(e.to_string()))?;
    if formats.len() == 1 {
        check_extension(formats[0], &target)?;
    }
    let names: Vec<String> = formats.iter().flat_map(|f| f.files(&a.name)).collect();
    output::refuse_overwriting_inputs(&target.paths(&names), &a.graphs)?;
    target.check(&names)?;

    // every input is read before anything is written: one bad file writes nothing
    let graphs: Vec<ActorGraph> = a
        .graphs
        .iter()
        .map(|p| super::read_graph(p))
        .collect::<Result<_>>()?;
    let merged = graph::merge(&graphs);
    drop(graphs);
    let merged = if selection.is_all_for(&merged) {
        merged
    } else {
        super::select(&merged, &selection)?
    };
    write_outputs(&merged, &formats, &target, &a.name, &a.exports, &a.image)?;
    if !messages::quiet() {
        messages::info(format!(
            "{} graph{} merged: {} articles, {} actors, {} relations in {:.2} s",
            a.graphs.len(),
            if a.graphs.len() == 1 { "" } else { "s" },
            merged.documents().len(),
            merged.node_count(),
            merged.edge_count(),
            started.elapsed().as_secs_f64(),
        ));
    }
    Ok(exit::OK)
}
