//! Writing the graph. One module per format, each with the same shape:
//! `write(graph, writer) -> io::Result<writer>`, streaming into any `Write` and never
//! opening files (the CLI does that, atomically). [`Format`] is the only place that knows
//! the formats' names, file extensions and media types.

pub mod json;
pub mod neo4j;

use crate::graph::ActorGraph;
use std::fmt;
use std::io::{self, Write};
use std::path::Path;

/// Every output format, graph files and images.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Format {
    Json,
    Dot,
    JsonLd,
    GraphMl,
    Gexf,
    Neo4j,
    Cypher,
    Tsv,
    Svg,
    Png,
}

impl Format {
    pub const ALL: &'static [Format] = &[
        Format::Json,
        Format::Dot,
        Format::JsonLd,
        Format::GraphMl,
        Format::Gexf,
        Format::Neo4j,
        Format::Cypher,
        Format::Tsv,
        Format::Svg,
        Format::Png,
    ];

    /// The name given to `--format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::JsonLd => "jsonld",
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::Neo4j => "neo4j",
            Format::Cypher => "cypher",
            Format::Tsv => "tsv",
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    /// One-line description for `--help`.
    pub fn description(self) -> &'static str {
        match self {
            Format::Json => "node-link JSON (networkx, D3; the evaluation reads it)",
            Format::Dot => "Graphviz DOT",
            Format::JsonLd => "JSON-LD with an inline context (RDF stores)",
            Format::GraphMl => "GraphML (Gephi, Neo4j APOC, networkx, igraph)",
            Format::Gexf => "GEXF 1.3 with time (Gephi)",
            Format::Neo4j => "CSV pair for neo4j-admin database import",
            Format::Cypher => "idempotent Cypher script (cypher-shell -f)",
            Format::Tsv => "one triple a line, for reading in a terminal",
            Format::Svg => "image (Graphviz, or the built-in layout)",
            Format::Png => "image (Graphviz, or the built-in layout)",
        }
    }

    pub fn file_extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::JsonLd => "jsonld",
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::Neo4j => "csv",
            Format::Cypher => "cypher",
            Format::Tsv => "tsv",
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Dot => "text/vnd.graphviz",
            Format::JsonLd => "application/ld+json",
            Format::GraphMl => "application/graphml+xml",
            Format::Gexf => "application/gexf+xml",
            Format::Neo4j => "text/csv",
            Format::Cypher => "application/x-cypher-query",
            Format::Tsv => "text/tab-separated-values",
            Format::Svg => "image/svg+xml",
            Format::Png => "image/png",
        }
    }

    /// True for the image formats, drawn by `render`.
    pub fn is_image(self) -> bool {
        matches!(self, Format::Svg | Format::Png)
    }

    /// The file names this format writes in an output directory for the stem `stem`.
    /// Only neo4j writes two files.
    pub fn files(self, stem: &str) -> Vec<String> {
        match self {
            Format::Neo4j => vec![
                format!("{stem}.nodes.csv"),
                format!("{stem}.relationships.csv"),
            ],
            _ => vec![format!("{stem}.{}", self.file_extension())],
        }
    }

    pub fn from_name(name: &str) -> Result<Format, String> {
        let n = name.trim().to_ascii_lowercase();
        let alias = match n.as_str() {
            "json-ld" => "jsonld",
            "gml" | "xml" => "graphml",
            "neo4j-csv" | "csv" => "neo4j",
            "cql" => "cypher",
            other => other,
        };
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name() == alias)
            .ok_or_else(|| {
                format!(
                    "unknown format {name:?} (known: {}, all)",
                    Format::ALL
                        .iter()
                        .map(|f| f.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
    }

    /// Guesses the format from a file name, and says why when it cannot.
    pub fn from_path(path: &Path) -> Result<Format, String> {
        let ext = path.extension().and_then(|e| e.to_str()).ok_or_else(|| {
            format!(
                "{} has no extension to tell the format by; give --format",
                path.display()
            )
        })?;
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.file_extension().eq_ignore_ascii_case(ext) && *f != Format::Neo4j)
            .ok_or_else(|| {
                format!(
                    "{}: the extension .{ext} names no format; give --format",
                    path.display()
                )
            })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Writes one graph format (not images, not neo4j: see [`write_neo4j`]).
pub fn write<W: Write>(format: Format, graph: &ActorGraph, w: W) -> io::Result<W> {
    match format {
        Format::Json => json::write(graph, w),
        other => Err(io::Error::new(
            io::ErrorKind::Unsupported,
            format!("format {other} is not written by export::write"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_paths() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()).unwrap(), *f);
        }
        assert_eq!(
            Format::from_path(Path::new("a/b.graphml")).unwrap(),
            Format::GraphMl
        );
        assert!(Format::from_path(Path::new("a/b"))
            .unwrap_err()
            .contains("no extension"));
        assert!(Format::from_name("pdf")
            .unwrap_err()
            .contains("known: json"));
    }
}
