//! Pictures of the actor graph: SVG and PNG.
//!
//! [`render`] (or [`render_many`] for several formats at once) turns an [`ActorGraph`]
//! into an image in steps, one module each:
//!
//! ```text
//! scene.rs     what to draw: labels measured with the shipped font, colours, shapes
//! graphviz.rs  where: Graphviz's dot (small graphs) or sfdp (large) when installed,
//! builtin.rs     or, in pure Rust, layout-rs's layered layout (small graphs)
//! force.rs       or a force-directed layout (large ones)
//! svg.rs       drawing: network, caption and legend, the same for both engines
//! png.rs       SVG to PNG with resvg, with the shipped font so text always shows
//! ```
//!
//! `style.rs` holds the look (font, colours, shapes, widths) and `layout.rs` the
//! positions both engines produce. Selection (focus, types, …) is
//! [`crate::graph::select`]'s job and happens before; `render` only applies its own
//! safety cap ([`RenderOptions::max_nodes`]) and says so in [`Rendered::notes`].

mod builtin;
mod force;
mod graphviz;
mod layout;
mod png;
mod scene;
mod style;
mod svg;

use crate::graph::select::{select, Selection, SelectionError};
use crate::graph::ActorGraph;
use std::ffi::OsString;
use std::fmt;

/// The image formats [`render`] writes. The names, extensions and media types of every
/// output format are in [`crate::format`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    Svg,
    Png,
}

/// Which program lays the graph out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Engine {
    /// Graphviz when `dot` is on PATH, the built-in layout otherwise.
    #[default]
    Auto,
    /// Graphviz only; an error when it is not installed.
    Graphviz,
    /// The built-in pure-Rust layout, whatever is installed: layout-rs's layered
    /// layout for small graphs, a force-directed one for larger graphs.
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
    /// Draw actors without any relation. When false (the default) they are left out of
    /// a picture in which other actors have relations, and the caption says how many.
    pub isolated: bool,
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
            isolated: false,
        }
    }
}

/// An image, how it was made, and what the user should be told.
#[derive(Clone, Debug)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// `graphviz dot`, `graphviz sfdp`, `graphviz neato`, `builtin layout-rs` or
    /// `builtin force-directed`.
    pub engine_used: &'static str,
    /// What the user should be told: actors left out by the cap, Graphviz falling back.
    pub notes: Vec<RenderNote>,
    /// Size in pixels (PNG) or SVG user units (SVG).
    pub width: u32,
    pub height: u32,
}

/// Why no image was made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    #[error("Graphviz is not installed (no `dot` on PATH); use the built-in engine")]
    GraphvizMissing,
    #[error("Graphviz failed: {0}")]
    Graphviz(String),
    #[error("layout failed: {0}")]
    Layout(String),
    #[error("PNG: {0}")]
    Raster(String),
    #[error("no image format asked for")]
    NoFormat,
    #[error(transparent)]
    Select(#[from] SelectionError),
}

/// What the user should be told about a picture.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RenderNote {
    /// Above [`RenderOptions::max_nodes`] actors, only the most connected are drawn.
    Capped {
        shown: usize,
        total: usize,
        cap: usize,
    },
    /// Graphviz failed and the built-in layout was used instead (with `Engine::Auto`).
    GraphvizFailed(String),
    /// A line Graphviz wrote on its standard error.
    GraphvizSaid { engine: &'static str, line: String },
    /// Relation labels left out where they would have covered other text.
    LabelsLeftOut { left_out: usize, total: usize },
    /// Above [`scene::EDGE_LABELS_UP_TO`] relations, edges are drawn without their verbs.
    NoVerbs { limit: usize, relations: usize },
    /// Above [`MAX_DRAWN_RELATIONS`] relations, only the heaviest are drawn.
    RelationsCapped { shown: usize, total: usize },
}

impl fmt::Display for RenderNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderNote::Capped { shown, total, cap } => write!(
                f,
                "the picture shows the {shown} most connected of {total} actors (pictures are capped at {cap} actors, and then leave out actors without relations; narrow the graph with a selection)"
            ),
            RenderNote::GraphvizFailed(e) => {
                write!(f, "Graphviz failed ({e}); the built-in layout was used instead")
            }
            RenderNote::GraphvizSaid { engine, line } => {
                write!(f, "Graphviz ({engine}) said: {line}")
            }
            RenderNote::LabelsLeftOut { left_out, total } => write!(
                f,
                "{left_out} of {total} relation labels were left out where they would have covered other text"
            ),
            RenderNote::RelationsCapped { shown, total } => write!(
                f,
                "the picture shows the {shown} relations with the most supporting sentences of {total} (pictures are capped at {MAX_DRAWN_RELATIONS} relations)"
            ),
            RenderNote::NoVerbs { limit, relations } => write!(
                f,
                "relations are drawn without their verbs above {limit} relations (this picture has {relations})"
            ),
        }
    }
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
    format: ImageFormat,
    opts: &RenderOptions,
) -> Result<Rendered, RenderError> {
    let mut out = render_many(g, &[format], opts)?;
    out.pop().ok_or(RenderError::NoFormat)
}

/// Draws the graph once and writes it in each of `formats` (in that order), so that
/// `--format svg,png` lays the graph out only once. Every [`Rendered`] carries the
/// same notes.
pub fn render_many(
    g: &ActorGraph,
    formats: &[ImageFormat],
    opts: &RenderOptions,
) -> Result<Vec<Rendered>, RenderError> {
    render_with_path(g, formats, opts, std::env::var_os("PATH"))
}

/// [`render_many`] with the program search path given, so that tests can hide
/// Graphviz.
fn render_with_path(
    g: &ActorGraph,
    formats: &[ImageFormat],
    opts: &RenderOptions,
    path: Option<OsString>,
) -> Result<Vec<Rendered>, RenderError> {
    let (picture, engine_used, notes) = draw(g, opts, path)?;
    let mut out = Vec::with_capacity(formats.len());
    for &format in formats {
        let (bytes, width, height) = match format {
            ImageFormat::Png => png::to_png(&picture.text).map_err(RenderError::Raster)?,
            ImageFormat::Svg => (
                picture.text.clone().into_bytes(),
                picture.width.ceil() as u32,
                picture.height.ceil() as u32,
            ),
        };
        out.push(Rendered {
            bytes,
            engine_used,
            notes: notes.clone(),
            width,
            height,
        });
    }
    Ok(out)
}

/// Caps, measures, lays out and draws the SVG; returns it with the engine's name and
/// the notes for the user.
fn draw(
    g: &ActorGraph,
    opts: &RenderOptions,
    path: Option<OsString>,
) -> Result<(svg::Svg, &'static str, Vec<RenderNote>), RenderError> {
    let mut notes = Vec::new();
    let all_actors = g.node_count();
    let connected_only;
    let (g, isolated_left_out) = if opts.isolated {
        (g, 0)
    } else {
        let (sub, left_out) = without_isolated(g);
        connected_only = sub;
        if left_out == 0 {
            (g, 0)
        } else {
            (&connected_only, left_out)
        }
    };
    let capped;
    let full = g.node_count();
    let g = if full > opts.max_nodes {
        let sel = Selection {
            max_nodes: Some(opts.max_nodes),
            ..Selection::default()
        };
        let (sub, _) = select(g, &sel)?;
        // in a picture that has to cut anyway, actors with no relation say nothing
        let connected: Vec<String> = sub
            .actors()
            .filter(|a| sub.degree(&a.id) > 0)
            .map(|a| a.id.clone())
            .collect();
        let sub = if !connected.is_empty() && connected.len() < sub.node_count() {
            let mut only = ActorGraph::new();
            for d in sub.documents() {
                only.add_document(d.clone());
            }
            for a in sub.actors().filter(|a| sub.degree(&a.id) > 0) {
                only.insert_actor(a.clone());
            }
            for (s, t, r) in sub.relations() {
                only.insert_relation(&s.id, &t.id, r.clone());
            }
            only
        } else {
            sub
        };
        notes.push(RenderNote::Capped {
            shown: sub.node_count(),
            total: all_actors,
            cap: opts.max_nodes,
        });
        capped = sub;
        &capped
    } else {
        g
    };
    // the heaviest relations, when there are more than a picture can show (the layout
    // and the rasterizer take time with every edge)
    let thinned;
    let g = if g.edge_count() > MAX_DRAWN_RELATIONS {
        notes.push(RenderNote::RelationsCapped {
            shown: MAX_DRAWN_RELATIONS,
            total: g.edge_count(),
        });
        thinned = heaviest_relations(g, MAX_DRAWN_RELATIONS);
        &thinned
    } else {
        g
    };
    let scene = scene::Scene::new(
        g,
        title(g, opts),
        subtitle(g, g.node_count() < full, isolated_left_out),
    );

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
                notes.push(RenderNote::GraphvizFailed(e));
                builtin_layout(&scene)?
            }
            Err(e) => return Err(RenderError::Graphviz(e)),
        }
    } else {
        builtin_layout(&scene)?
    };
    let unlabelled = scene
        .edges
        .iter()
        .zip(&placed.edges)
        .filter(|(s, g)| !s.label.is_empty() && g.label.is_none())
        .count();
    if unlabelled > 0 {
        notes.push(RenderNote::LabelsLeftOut {
            left_out: unlabelled,
            total: scene.edges.len(),
        });
    }
    if g.edge_count() > scene::EDGE_LABELS_UP_TO {
        notes.push(RenderNote::NoVerbs {
            limit: scene::EDGE_LABELS_UP_TO,
            relations: g.edge_count(),
        });
    }
    Ok((svg::draw(&scene, &placed), engine_used, notes))
}

/// The most relations a picture draws: 300 actors with 20,000 relations took 19 s to
/// rasterize, and a picture with more lines than this is a tangle anyway.
pub const MAX_DRAWN_RELATIONS: usize = 1_500;

/// The graph with only its `keep` heaviest relations (by supporting sentences, the
/// earlier of equally heavy ones), every actor kept.
fn heaviest_relations(g: &ActorGraph, keep: usize) -> ActorGraph {
    let mut ranked: Vec<(usize, usize)> = g
        .relations()
        .enumerate()
        .map(|(i, (_, _, r))| (i, r.weight()))
        .collect();
    ranked.sort_by_key(|&(i, w)| (std::cmp::Reverse(w), i));
    let mut kept = vec![false; ranked.len()];
    for &(i, _) in ranked.iter().take(keep) {
        kept[i] = true;
    }
    let mut out = ActorGraph::new();
    for d in g.documents() {
        out.add_document(d.clone());
    }
    for a in g.actors() {
        out.insert_actor(a.clone());
    }
    for (i, (s, t, r)) in g.relations().enumerate() {
        if kept[i] {
            out.insert_relation(&s.id, &t.id, r.clone());
        }
    }
    out
}

/// The graph without its actors that have no relation, and how many were left out; the
/// graph itself (as a copy) when every actor has one, or when none has (a picture of
/// unconnected actors is still a picture of the article).
fn without_isolated(g: &ActorGraph) -> (ActorGraph, usize) {
    let isolated = g.actors().filter(|a| g.degree(&a.id) == 0).count();
    if isolated == 0 || isolated == g.node_count() {
        return (ActorGraph::new(), 0);
    }
    let mut only = ActorGraph::new();
    for d in g.documents() {
        only.add_document(d.clone());
    }
    for a in g.actors().filter(|a| g.degree(&a.id) > 0) {
        only.insert_actor(a.clone());
    }
    for (s, t, r) in g.relations() {
        only.insert_relation(&s.id, &t.id, r.clone());
    }
    (only, isolated)
}

/// Above these sizes layout-rs's crossing reduction gets too slow (it grows much
/// faster than the graph: 1 s for 30 actors and 58 relations in a debug build, 5 s
/// for 40 and 77, 4 s for 80 and 160 in a release build), and the force-directed
/// layout takes over.
const LAYERED_MAX_NODES: usize = 30;
const LAYERED_MAX_EDGES: usize = 60;

fn builtin_layout(scene: &scene::Scene) -> Result<(layout::Layout, &'static str), RenderError> {
    if scene.nodes.len() <= LAYERED_MAX_NODES && scene.edges.len() <= LAYERED_MAX_EDGES {
        Ok((
            builtin::layout(scene).map_err(RenderError::Layout)?,
            "builtin layout-rs",
        ))
    } else {
        Ok((force::layout(scene), "builtin force-directed"))
    }
}

/// The caption's first line.
fn title(g: &ActorGraph, opts: &RenderOptions) -> String {
    if let Some(c) = opts.caption.as_deref().filter(|c| !c.trim().is_empty()) {
        return c.to_string();
    }
    match g.documents() {
        [] => "Actor network".to_string(),
        [d] => d.title.as_deref().unwrap_or(&d.id).to_string(),
        docs => format!("Actor network of {} articles", docs.len()),
    }
}

/// The caption's second line: the range of all the articles' dates (and how many have
/// none), counts, and which actors were left out.
fn subtitle(g: &ActorGraph, capped: bool, isolated_left_out: usize) -> String {
    let mut dates: Vec<&str> = g
        .documents()
        .iter()
        .filter_map(|d| d.date.as_deref())
        .collect();
    dates.sort_unstable();
    let undated = g.documents().len() - dates.len();
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    let range = match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a == b => Some((*a).to_string()),
        (Some(a), Some(b)) => Some(format!("{a} to {b}")),
        _ => None,
    };
    match (range, undated, g.documents().len()) {
        (Some(r), 0, _) => parts.push(r),
        (Some(r), u, _) => parts.push(format!("{r} ({})", plural(u, "undated article"))),
        (None, u, n) if u > 0 && n > 1 => {
            parts.push(format!("{} without a date", plural(u, "article")))
        }
        _ => {}
    }
    parts.push(format!(
        "{} actor{}, {} relation{}",
        g.node_count(),
        if g.node_count() == 1 { "" } else { "s" },
        g.edge_count(),
        if g.edge_count() == 1 { "" } else { "s" }
    ));
    if capped {
        parts.push("only the most connected actors are shown".to_string());
    }
    if isolated_left_out > 0 {
        parts.push(format!(
            "{} without relations not shown",
            plural(isolated_left_out, "actor")
        ));
    }
    parts.join(" · ")
}

#[cfg(test)]
pub(crate) mod tests;
