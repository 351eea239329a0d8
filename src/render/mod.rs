//! Images (placeholder until the render branch lands).

use crate::export::Format;
use crate::graph::ActorGraph;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Engine {
    #[default]
    Auto,
    Graphviz,
    Builtin,
}

#[derive(Clone, Debug, Default)]
pub struct RenderOptions {
    pub engine: Engine,
    pub caption: Option<String>,
    pub max_nodes: usize,
}

pub struct Rendered {
    pub bytes: Vec<u8>,
    pub engine_used: &'static str,
    pub notes: Vec<String>,
}

pub fn render(_g: &ActorGraph, format: Format, _opts: &RenderOptions) -> Result<Rendered, String> {
    Err(format!(
        "{format} images are not available in this build yet"
    ))
}
