//! Selection of a sub-graph (ego network, types, relations, weights, size).
//! (Placeholder keeping everything; the real selection lands from the render branch.)

use super::{ActorGraph, EntityType, RelationKind};

#[derive(Clone, Debug, Default)]
pub struct Selection {
    pub focus: Option<String>,
    pub depth: usize,
    pub types: Vec<EntityType>,
    pub relations: Vec<RelationKind>,
    pub min_weight: usize,
    pub max_nodes: Option<usize>,
}

pub fn select(g: &ActorGraph, _sel: &Selection) -> Result<(ActorGraph, Vec<String>), String> {
    Ok((g.clone(), Vec::new()))
}
