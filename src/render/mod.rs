//! Pictures of the actor graph: SVG and PNG.
//!
//! [`render`] turns an [`ActorGraph`] into an image in four steps, one module each:
//!
//! ```text
//! scene.rs     what to draw: labels measured with the shipped font, colours, shapes
//! graphviz.rs  where: Graphviz's dot (small graphs) or sfdp (large) when installed,
//! builtin.rs     or layout-rs, pure Rust, when not
//! svg.rs       drawing: network, caption and legend, the same for both engines
//! png.rs       SVG to PNG with resvg, with the shipped font so text always shows
//! ```
//!
//! `style.rs` holds the look (font, colours, shapes, widths) and `layout.rs` the
//! positions both engines produce. Selection (`--focus`, `--types`, …) is
//! [`crate::graph::select`]'s job and happens before; `render` only applies its own
//! safety cap ([`RenderOptions::max_nodes`]) and says so in [`Rendered::notes`].

mod builtin;
mod graphviz;
mod layout;
mod png;
mod scene;
mod style;
mod svg;

use crate::export::Format;
use crate::graph::select::{select, Selection};
use crate::graph::ActorGraph;
use std::ffi::OsString;
use std::fmt;

/// Which program lays the graph out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Engine {
    /// Graphviz when `dot` is on PATH, the built-in layout otherwise.
    #[default]
    Auto,
    /// Graphviz only; an error when it is not installed.
    Graphviz,
    /// The built-in pure-Rust layout (layout-rs), whatever is installed.
    Builtin,
}

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Auto => "auto",
            Engine::Graphviz => "graphviz",
            Engine::Builtin => "builtin",
        }
    }

    /// Parses `auto`, `graphviz` (or `dot`) and `builtin` (or `rust`).
    pub fn from_name(s: &str) -> Result<Engine, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(Engine::Auto),
            "graphviz" | "dot" => Ok(Engine::Graphviz),
            "builtin" | "built-in" | "rust" => Ok(Engine::Builtin),
            _ => Err(format!(
                "unknown layout engine {s:?} (expected auto, graphviz or builtin)"
            )),
        }
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderOptions {
    pub engine: Engine,
    /// The picture's title. When `None` it is made from the graph's documents: the
    /// article's title for one article, else the number of articles.
    pub caption: Option<String>,
    /// Safety cap on the number of actors drawn: above it, the most connected are kept
    /// and a note says so. Must be at least 1.
    pub max_nodes: usize,
}

/// The default cap: a picture with more actors is unreadable, and the built-in layout
/// gets slow.
pub const DEFAULT_MAX_NODES: usize = 300;

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            engine: Engine::Auto,
            caption: None,
            max_nodes: DEFAULT_MAX_NODES,
        }
    }
}

/// An image, how it was made, and what the user should be told.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// `graphviz dot`, `graphviz sfdp`, `graphviz neato` or `builtin layout-rs`.
    pub engine_used: &'static str,
    /// Plain-language notes: actors left out by the cap, Graphviz falling back, etc.
    pub notes: Vec<String>,
    /// Size in pixels (PNG) or SVG user units (SVG).
    pub width: u32,
    pub height: u32,
}

/// Why no image was made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    #[error("{0} is not an image format (expected svg or png)")]
    NotAnImage(Format),
    #[error("Graphviz is not installed (no `dot` on PATH); use the built-in engine")]
    GraphvizMissing,
    #[error("Graphviz failed: {0}")]
    Graphviz(String),
    #[error("layout failed: {0}")]
    Layout(String),
    #[error("PNG: {0}")]
    Raster(String),
    #[error("{0}")]
    Options(String),
}

/// True when Graphviz's `dot` program is on PATH.
pub fn graphviz_available() -> bool {
    graphviz::find_program("dot", std::env::var_os("PATH").as_deref()).is_some()
}

/// Draws the graph as SVG or PNG.
///
/// The graph should already be selected (see [`crate::graph::select`]); above
/// `opts.max_nodes` actors, the most connected are kept and a note says so. With
/// [`Engine::Auto`], a Graphviz failure falls back to the built-in engine with a note.
pub fn render(
    g: &ActorGraph,
    format: Format,
    opts: &RenderOptions,
) -> Result<Rendered, RenderError> {
    render_with_path(g, format, opts, std::env::var_os("PATH"))
}

/// [`render`] with the program search path given, so that tests can hide Graphviz.
fn render_with_path(
    g: &ActorGraph,
    format: Format,
    opts: &RenderOptions,
    path: Option<OsString>,
) -> Result<Rendered, RenderError> {
    if !format.is_image() {
        return Err(RenderError::NotAnImage(format));
    }
    let mut notes = Vec::new();
    let capped;
    let g = if g.node_count() > opts.max_nodes {
        let sel = Selection {
            max_nodes: Some(opts.max_nodes),
            ..Selection::default()
        };
        let (sub, _) = select(g, &sel).map_err(RenderError::Options)?;
        notes.push(format!(
            "the picture shows the {} most connected of {} actors (pictures are capped at {} actors; narrow the graph with --focus, --types, --relations, --min-weight or --max-nodes)",
            sub.node_count(),
            g.node_count(),
            opts.max_nodes
        ));
        capped = sub;
        &capped
    } else {
        g
    };
    let scene = scene::Scene::new(g, title(g, opts), subtitle(g, &notes));

    let graphviz_found = graphviz::find_program("dot", path.as_deref()).is_some();
    let use_graphviz = match opts.engine {
        Engine::Builtin => false,
        Engine::Graphviz if !graphviz_found => return Err(RenderError::GraphvizMissing),
        Engine::Graphviz => true,
        Engine::Auto => graphviz_found,
    };
    let (placed, engine_used) = if use_graphviz {
        match graphviz::layout(&scene, path.as_deref()) {
            Ok((l, name, said)) => {
                notes.extend(said);
                (l, name)
            }
            Err(e) if opts.engine == Engine::Auto => {
                notes.push(format!(
                    "Graphviz failed ({e}); the built-in layout was used instead"
                ));
                (builtin_layout(&scene)?, BUILTIN)
            }
            Err(e) => return Err(RenderError::Graphviz(e)),
        }
    } else {
        (builtin_layout(&scene)?, BUILTIN)
    };
    let picture = svg::draw(&scene, &placed);
    let (bytes, width, height) = match format {
        Format::Png => png::to_png(&picture.text).map_err(RenderError::Raster)?,
        _ => (
            picture.text.into_bytes(),
            picture.width.ceil() as u32,
            picture.height.ceil() as u32,
        ),
    };
    Ok(Rendered {
        bytes,
        engine_used,
        notes,
        width,
        height,
    })
}

const BUILTIN: &str = "builtin layout-rs";

fn builtin_layout(scene: &scene::Scene) -> Result<layout::Layout, RenderError> {
    builtin::layout(scene).map_err(RenderError::Layout)
}

/// The caption's first line.
fn title(g: &ActorGraph, opts: &RenderOptions) -> String {
    if let Some(c) = opts.caption.as_deref().filter(|c| !c.trim().is_empty()) {
        return c.to_string();
    }
    match g.documents() {
        [] => "Actor network".to_string(),
        [d] => d.title.clone().unwrap_or_else(|| d.id.clone()),
        docs => format!("Actor network of {} articles", docs.len()),
    }
}

/// The caption's second line: dates, counts, and whether actors were left out.
fn subtitle(g: &ActorGraph, notes: &[String]) -> String {
    let mut dates: Vec<&str> = g
        .documents()
        .iter()
        .filter_map(|d| d.date.as_deref())
        .collect();
    dates.sort_unstable();
    let mut parts = Vec::new();
    match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a == b => parts.push((*a).to_string()),
        (Some(a), Some(b)) => parts.push(format!("{a} to {b}")),
        _ => {}
    }
    parts.push(format!(
        "{} actor{}, {} relation{}",
        g.node_count(),
        if g.node_count() == 1 { "" } else { "s" },
        g.edge_count(),
        if g.edge_count() == 1 { "" } else { "s" }
    ));
    if !notes.is_empty() {
        parts.push("only the most connected actors are shown".to_string());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests;
