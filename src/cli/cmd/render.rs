//! `actorgraph render GRAPH.json -o FILE.svg|png`: draws a saved graph. `-` reads the
//! graph from stdin, `-o -` writes the image to stdout.

use crate::cli::args::RenderArgs;
use crate::cli::suggest::did_you_mean;
use crate::cli::{exit, messages, output, usage};
use crate::format::{Format, Shape};
use crate::render::{render, RenderOptions};
use anyhow::Result;

/// The image format: `--format`, else the output's extension (svg for stdout); a
/// `--format` that disagrees with the extension is a usage error.
fn image_format(a: &RenderArgs) -> Result<Format> {
    let images = Format::images();
    let names = images.iter().map(|f| f.name());
    let asked = match &a.format {
        Some(f) => Some(
            Format::from_name(f)
                .map_err(|e| usage(format!("--format: {e}{}", did_you_mean(f, names.clone()))))?,
        ),
        None => None,
    };
    let stdout = a.output.as_os_str() == "-";
    let by_extension = if stdout {
        None
    } else {
        Some(Format::from_path(&a.output))
    };
    let format = match (asked, by_extension) {
        (Some(f), Some(Ok(ext))) if ext != f => {
            return Err(usage(format!(
                "--format {f} writes .{}, but the output {} has the extension of {ext}",
                f.file_extension(),
                a.output.display()
            )))
        }
        (Some(f), _) => f,
        (None, Some(Ok(f))) => f,
        (None, Some(Err(e))) => return Err(usage(format!("{e}; give --format"))),
        (None, None) => Format::Svg,
    };
    if !format.is_image() {
        return Err(usage(format!(
            "render writes {}, not {format}",
            Format::names(&images, " or ")
        )));
    }
    Ok(format)
}

pub fn run(a: RenderArgs) -> Result<u8> {
    let format = image_format(&a)?;
    let Shape::Image(image) = format.shape() else {
        unreachable!("image_format returns images only")
    };
    let selection = super::selection(&a.selection)?;
    let target = output::Target::new(&a.output, 1, true)?;
    if let output::Target::Dir(d) = &target {
        return Err(usage(format!(
            "the output {} is a directory; give a file",
            messages::path(d)
        )));
    }
    target.check(&[])?;
    if !matches!(target, output::Target::Stdout) {
        output::refuse_overwriting_inputs(
            std::slice::from_ref(&a.output),
            std::slice::from_ref(&a.graph),
        )?;
    }
    let graph = super::read_graph(&a.graph)?;
    let graph = super::select(&graph, &selection)?;
    let opts = RenderOptions {
        engine: super::engine(a.image.engine),
        isolated: a.image.isolated,
        ..RenderOptions::default()
    };
    let img = render(&graph, image, &opts).map_err(|e| anyhow::anyhow!("{e}"))?;
    for n in &img.notes {
        messages::info(messages::render_note(n));
    }
    output::write_file(&target, |w| w.write_all(&img.bytes))?;
    Ok(exit::OK)
}
