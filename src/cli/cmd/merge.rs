//! `actorgraph merge GRAPH.json... [-f LIST] [-o PATH]`: graphs saved by separate runs,
//! read back and merged by [`graph::merge`] (their forms and facts united and resolved
//! again), then the selection and every asked format, as `build` writes them.

use crate::cli::args::MergeArgs;
use crate::cli::output::{self, Target};
use crate::cli::{exit, messages};
use crate::export::json;
use crate::format::Format;
use crate::graph::{self, ActorGraph};
use anyhow::{anyhow, Context, Result};
use std::time::Instant;

pub fn run(a: MergeArgs) -> Result<u8> {
    let started = Instant::now();
    let formats = Format::parse_list(&a.format).map_err(|e| anyhow!("--format: {e}"))?;
    let selection = super::selection(&a.selection)?;
    let single_file = formats.len() == 1 && formats[0].is_single_file();
    let target = Target::new(&a.output, formats.len(), single_file)?;
    let names: Vec<String> = formats.iter().flat_map(|f| f.files(&a.name)).collect();
    output::refuse_overwriting_inputs(&target.paths(&names), &a.graphs)?;
    target.check_writable()?;

    // every input is read before anything is written: one bad file writes nothing
    let mut graphs: Vec<ActorGraph> = Vec::with_capacity(a.graphs.len());
    for path in &a.graphs {
        let file =
            std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        let g = json::read(std::io::BufReader::new(file))
            .map_err(|e| anyhow!("{}: {e}", path.display()))?;
        graphs.push(g);
    }
    let merged = graph::merge(&graphs);
    drop(graphs);
    let merged = if selection.is_all() {
        merged
    } else {
        super::select(&merged, &selection)?
    };
    super::write_outputs(&merged, &formats, &target, &a.name, a.image.engine, a.quiet)?;
    if !a.quiet {
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
