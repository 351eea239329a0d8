//! `actorgraph render GRAPH.json -o FILE.svg|png`: draws a saved graph.

use crate::cli::args::RenderArgs;
use crate::cli::{exit, messages, output};
use crate::export::json;
use crate::format::{Format, Shape};
use crate::render::{render, RenderOptions};
use anyhow::{anyhow, bail, Context, Result};

pub fn run(a: RenderArgs) -> Result<u8> {
    let format = match &a.format {
        Some(f) => Format::from_name(f)?,
        None => Format::from_path(&a.output).map_err(|e| anyhow!("{e}; give --format"))?,
    };
    let Shape::Image(image) = format.shape() else {
        bail!(
            "render writes {}, not {format}",
            Format::names(&Format::images(), " or ")
        );
    };
    let selection = super::selection(&a.selection)?;
    let target = output::Target::new(&a.output, 1, true)?;
    if matches!(target, output::Target::Dir(_)) {
        bail!(
            "the output {} is a directory; give a file",
            a.output.display()
        );
    }
    target.check(&[])?;
    output::refuse_overwriting_inputs(
        std::slice::from_ref(&a.output),
        std::slice::from_ref(&a.graph),
    )?;
    let file = std::fs::File::open(&a.graph)
        .with_context(|| format!("cannot open {}", a.graph.display()))?;
    let graph = json::read(std::io::BufReader::new(file))
        .map_err(|e| anyhow::anyhow!("{}: {e}", a.graph.display()))?;
    let graph = super::select(&graph, &selection)?;
    let opts = RenderOptions {
        engine: super::engine(a.image.engine),
        ..RenderOptions::default()
    };
    let img = render(&graph, image, &opts).map_err(|e| anyhow::anyhow!("{e}"))?;
    for n in &img.notes {
        messages::info(messages::render_note(n));
    }
    output::write_file(&target, |w| w.write_all(&img.bytes))?;
    Ok(exit::OK)
}
