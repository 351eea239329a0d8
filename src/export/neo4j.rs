//! Placeholder until the export branch lands.
use crate::graph::ActorGraph;
use std::io::{self, Write};
pub fn write_nodes<W: Write>(_g: &ActorGraph, w: W) -> io::Result<W> { Err(io::Error::other("neo4j export not yet available")).map(|()| w) }
pub fn write_relationships<W: Write>(_g: &ActorGraph, w: W) -> io::Result<W> { Err(io::Error::other("neo4j export not yet available")).map(|()| w) }
