//! Every output format in one table: its name (and the other names `--format` takes),
//! file extension, media type, one-line description, and how it is written (one
//! stream, a pair of files, or an image). [`write`] sends each format to its writer: an
//! exporter of [`crate::export`] or the renderer of [`crate::render`], which know
//! nothing of each other nor of this table.
//!
//! A new format is one row of [`formats!`]'s table, one arm of [`write`], its exporter
//! module, and its test; the CLI's `--format` help, its dispatch and the tests' format
//! lists all read this table.

use crate::export;
use crate::graph::ActorGraph;
use crate::render::{self, ImageFormat, RenderError, RenderNote, RenderOptions};
use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How a format is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// One file, or stdout.
    Stream,
    /// Several files, `STEM.PART.EXTENSION` for each (part, extension): neo4j's nodes,
    /// relationships and the Kuzu definitions that read them.
    Files(&'static [(&'static str, &'static str)]),
    /// An image, drawn by [`crate::render`].
    Image(ImageFormat),
}

struct Info {
    name: &'static str,
    /// Other names `--format` takes.
    aliases: &'static [&'static str],
    extension: &'static str,
    media_type: &'static str,
    description: &'static str,
    shape: Shape,
}

macro_rules! formats {
    ($($variant:ident => $name:literal, [$($alias:literal),*], $ext:literal, $media:literal,
       $shape:expr, $description:literal;)*) => {
        /// Every output format, graph files and images.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Format { $($variant),* }

        impl Format {
            /// Every format, in the order `all` writes them.
            pub const ALL: &'static [Format] = &[$(Format::$variant),*];

            fn info(self) -> Info {
                match self {
                    $(Format::$variant => Info {
                        name: $name,
                        aliases: &[$($alias),*],
                        extension: $ext,
                        media_type: $media,
                        description: $description,
                        shape: $shape,
                    }),*
                }
            }
        }
    };
}

formats! {
    Json => "json", [], "json", "application/json", Shape::Stream,
        "node-link JSON (networkx, D3; the evaluation reads it)";
    Dot => "dot", [], "dot", "text/vnd.graphviz", Shape::Stream,
        "Graphviz DOT";
    JsonLd => "jsonld", ["json-ld"], "jsonld", "application/ld+json", Shape::Stream,
        "JSON-LD with an inline context (RDF stores)";
    GraphMl => "graphml", ["gml", "xml"], "graphml", "application/graphml+xml", Shape::Stream,
        "GraphML (Gephi, Neo4j APOC, networkx, igraph)";
    Gexf => "gexf", [], "gexf", "application/gexf+xml", Shape::Stream,
        "GEXF 1.3 with time (Gephi)";
    Neo4j => "neo4j", ["neo4j-csv", "csv", "kuzu"], "csv", "text/csv",
        Shape::Files(&[("nodes", "csv"), ("relationships", "csv"), ("kuzu", "cypher")]),
        "CSV pair for neo4j-admin database import, and Kuzu table definitions for it";
    Cypher => "cypher", ["cql"], "cypher", "application/x-cypher-query", Shape::Stream,
        "idempotent Cypher script (Neo4j 5; FalkorDB, Memgraph with --cypher-dialect)";
    NTriples => "nt", ["ntriples", "n-triples"], "nt", "application/n-triples", Shape::Stream,
        "N-Triples: the JSON-LD's triples, one a line (RDF stores, rdflib)";
    Turtle => "ttl", ["turtle"], "ttl", "text/turtle", Shape::Stream,
        "Turtle: the JSON-LD's triples, with prefixes";
    Tsv => "tsv", [], "tsv", "text/tab-separated-values", Shape::Stream,
        "one piece of evidence a line, for a terminal or a spreadsheet";
    Html => "html", ["htm", "report"], "html", "text/html", Shape::Stream,
        "interactive report: one self-contained page for a browser";
    Svg => "svg", [], "svg", "image/svg+xml", Shape::Image(ImageFormat::Svg),
        "image (Graphviz, or the built-in layout)";
    Png => "png", [], "png", "image/png", Shape::Image(ImageFormat::Png),
        "image (Graphviz, or the built-in layout)";
}

impl Format {
    /// The name `--format` takes and files are described by.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// One line for `--help`.
    pub fn description(self) -> &'static str {
        self.info().description
    }

    pub fn file_extension(self) -> &'static str {
        self.info().extension
    }

    pub fn media_type(self) -> &'static str {
        self.info().media_type
    }

    pub fn shape(self) -> Shape {
        self.info().shape
    }

    /// True for the image formats, drawn by [`crate::render`].
    pub fn is_image(self) -> bool {
        matches!(self.shape(), Shape::Image(_))
    }

    /// True when the format writes one file (so it can go to one named file or stdout).
    pub fn is_single_file(self) -> bool {
        !matches!(self.shape(), Shape::Files(_))
    }

    /// The file names this format writes in an output directory for the stem `stem`.
    pub fn files(self, stem: &str) -> Vec<String> {
        let ext = self.file_extension();
        match self.shape() {
            Shape::Files(parts) => parts
                .iter()
                .map(|(part, ext)| format!("{stem}.{part}.{ext}"))
                .collect(),
            Shape::Stream | Shape::Image(_) => vec![format!("{stem}.{ext}")],
        }
    }

    /// The format of a name (or another name it goes by), in any case.
    pub fn from_name(name: &str) -> Result<Format, FormatError> {
        let n = name.trim().to_ascii_lowercase();
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.name() == n || f.info().aliases.contains(&n.as_str()))
            .ok_or_else(|| FormatError::UnknownName(name.to_string()))
    }

    /// Guesses the format from a file name's extension (a file pair's extension names
    /// none of its files alone).
    pub fn from_path(path: &Path) -> Result<Format, FormatError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .ok_or_else(|| FormatError::NoExtension(path.to_path_buf()))?;
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.file_extension().eq_ignore_ascii_case(ext) && f.is_single_file())
            .ok_or_else(|| FormatError::UnknownExtension(path.to_path_buf(), ext.to_string()))
    }

    /// A comma-separated list of names, `all` for every format: sorted, each once.
    pub fn parse_list(list: &str) -> Result<Vec<Format>, FormatError> {
        let mut out = Vec::new();
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if name.eq_ignore_ascii_case("all") {
                out.extend_from_slice(Format::ALL);
            } else {
                out.push(Format::from_name(name)?);
            }
        }
        if out.is_empty() {
            return Err(FormatError::Empty);
        }
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The image formats.
    pub fn images() -> Vec<Format> {
        Format::ALL
            .iter()
            .copied()
            .filter(|f| f.is_image())
            .collect()
    }

    /// The formats' names joined by `sep` ("json, dot, …"), for help and messages.
    pub fn names(formats: &[Format], sep: &str) -> String {
        formats
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(sep)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name or file name that names no format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FormatError {
    #[error("unknown format {0:?} (known: {known}, all)", known = Format::names(Format::ALL, ", "))]
    UnknownName(String),
    #[error("no format given")]
    Empty,
    #[error("{} has no extension to tell the format by", .0.display())]
    NoExtension(PathBuf),
    #[error("{path}: the extension .{ext} names no format", path = .0.display(), ext = .1)]
    UnknownExtension(PathBuf, String),
}

/// Why a format could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Io(#[from] io::Error),
    #[error(transparent)]
    Render(#[from] RenderError),
}

/// What writing a format says besides its bytes: the image's notes.
pub type Notes = Vec<RenderNote>;

/// How to write: the exporters' choices and the pictures'.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub export: export::Options,
    pub render: RenderOptions,
}

/// Writes file `part` of `format` (0; 0, 1 and 2 for the neo4j files, see
/// [`Format::files`]).
pub fn write(
    format: Format,
    graph: &ActorGraph,
    part: usize,
    options: &Options,
    w: &mut dyn Write,
) -> Result<Notes, WriteError> {
    let ex = &options.export;
    match format {
        Format::Json => export::json::write(graph, w).map(drop)?,
        Format::Dot => export::dot::write(graph, w).map(drop)?,
        Format::JsonLd => export::jsonld::write_with_base(graph, &ex.base_iri, w).map(drop)?,
        Format::NTriples => export::rdf::write_ntriples(graph, &ex.base_iri, w).map(drop)?,
        Format::Turtle => export::rdf::write_turtle(graph, &ex.base_iri, w).map(drop)?,
        Format::GraphMl => export::graphml::write(graph, w).map(drop)?,
        Format::Gexf => export::gexf::write(graph, w).map(drop)?,
        Format::Neo4j if part == 0 => export::neo4j::write_nodes(graph, w).map(drop)?,
        Format::Neo4j if part == 1 => export::neo4j::write_relationships(graph, w).map(drop)?,
        Format::Neo4j => export::neo4j::write_kuzu(graph, &ex.stem, w).map(drop)?,
        Format::Cypher => export::cypher::write_dialect(graph, ex.cypher_dialect, w).map(drop)?,
        Format::Tsv => export::tsv::write(graph, w).map(drop)?,
        Format::Html => export::html::write(graph, w).map(drop)?,
        Format::Svg | Format::Png => {
            let Shape::Image(image) = format.shape() else {
                unreachable!("svg and png are images")
            };
            let img = render::render(graph, image, &options.render)?;
            w.write_all(&img.bytes)?;
            return Ok(img.notes);
        }
    }
    Ok(Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_aliases_and_paths() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()).unwrap(), *f);
            assert_eq!(Format::from_name(&f.name().to_uppercase()).unwrap(), *f);
        }
        assert_eq!(Format::from_name("json-ld").unwrap(), Format::JsonLd);
        assert_eq!(Format::from_name("csv").unwrap(), Format::Neo4j);
        assert_eq!(
            Format::from_path(Path::new("a/b.graphml")).unwrap(),
            Format::GraphMl
        );
        assert_eq!(Format::from_path(Path::new("b.PNG")).unwrap(), Format::Png);
        assert_eq!(
            Format::from_path(Path::new("a/b")).unwrap_err().to_string(),
            "a/b has no extension to tell the format by"
        );
        // .csv is half of the neo4j pair, not a format of its own
        assert_eq!(
            Format::from_path(Path::new("b.csv"))
                .unwrap_err()
                .to_string(),
            "b.csv: the extension .csv names no format"
        );
        assert!(Format::from_name("pdf")
            .unwrap_err()
            .to_string()
            .starts_with("unknown format \"pdf\" (known: json, dot,"));
    }

    #[test]
    fn lists() {
        assert_eq!(Format::parse_list("json").unwrap(), vec![Format::Json]);
        assert_eq!(
            Format::parse_list("dot, json,dot").unwrap(),
            vec![Format::Json, Format::Dot]
        );
        assert_eq!(Format::parse_list("all").unwrap(), Format::ALL);
        assert!(matches!(
            Format::parse_list("json,pdf"),
            Err(FormatError::UnknownName(n)) if n == "pdf"
        ));
        assert_eq!(Format::parse_list(","), Err(FormatError::Empty));
    }

    #[test]
    fn file_names_and_shapes() {
        assert_eq!(Format::Json.files("seed"), vec!["seed.json"]);
        assert_eq!(
            Format::Neo4j.files("seed"),
            vec![
                "seed.nodes.csv",
                "seed.relationships.csv",
                "seed.kuzu.cypher"
            ]
        );
        let mut extensions = std::collections::HashSet::new();
        for f in Format::ALL {
            assert!(!f.description().is_empty() && f.media_type().contains('/'));
            // one extension, one format: the extension of a file written names its format
            assert!(extensions.insert(f.file_extension()), "{f}");
            assert_eq!(f.is_image(), matches!(f, Format::Svg | Format::Png));
        }
    }

    /// Every format writes something for a small graph, through the one dispatch, and
    /// each file of a pair is its own.
    #[test]
    fn every_format_is_written() {
        use crate::graph::select::tests::{actor, relation};
        use crate::model::{EntityType, RelationKind};
        // two actors and a relation: enough for every writer, and a picture drawn fast
        let mut g = ActorGraph::new();
        g.insert_actor(actor("a", "Ann Lee", EntityType::Person, &[]));
        g.insert_actor(actor("b", "Freedonia", EntityType::Country, &[]));
        g.insert_relation("a", "b", relation(RelationKind::HoldsOffice, "minister", 1));
        let opts = Options {
            render: RenderOptions {
                engine: render::Engine::Builtin,
                ..RenderOptions::default()
            },
            ..Options::default()
        };
        for &f in Format::ALL {
            let mut parts = Vec::new();
            for part in 0..f.files("x").len() {
                let mut bytes = Vec::new();
                write(f, &g, part, &opts, &mut bytes).unwrap();
                assert!(!bytes.is_empty(), "{f} part {part}");
                parts.push(bytes);
            }
            parts.dedup();
            assert_eq!(parts.len(), f.files("x").len(), "{f}");
        }
    }

    /// Writes every graph format for the realistic and the hostile sample graph, for the
    /// validators in `../shared/validators`:
    /// `EXPORT_SAMPLES_DIR=/tmp/x cargo test --lib write_validator_samples -- --ignored`.
    #[test]
    #[ignore]
    fn write_validator_samples() {
        let dir = std::path::PathBuf::from(
            std::env::var("EXPORT_SAMPLES_DIR").unwrap_or_else(|_| "target/export-samples".into()),
        );
        std::fs::create_dir_all(&dir).unwrap();
        for (stem, g) in [
            ("sample", crate::export::testutil::realistic_graph()),
            ("hostile", crate::export::testutil::hostile_graph()),
        ] {
            for f in Format::ALL.iter().filter(|f| !f.is_image()) {
                for (part, file) in f.files(stem).iter().enumerate() {
                    let mut bytes = Vec::new();
                    let opts = Options {
                        export: export::Options {
                            stem: stem.to_string(),
                            ..export::Options::default()
                        },
                        ..Options::default()
                    };
                    write(*f, &g, part, &opts, &mut bytes).unwrap();
                    std::fs::write(dir.join(file), bytes).unwrap();
                }
            }
            println!("{stem}: {} nodes, {} edges", g.node_count(), g.edge_count());
        }
    }

    /// The palette is one definition: for every type and family in the graph, the fill and
    /// line colours (and shapes) of the SVG are those of DOT and GEXF.
    #[test]
    fn every_drawing_format_uses_the_one_palette() {
        use crate::export::testutil::parse_xml;
        use crate::palette::{family_style, rgb, type_style};
        let g = crate::render::tests::sample();
        let opts = Options {
            render: RenderOptions {
                engine: crate::render::Engine::Builtin,
                ..RenderOptions::default()
            },
            ..Options::default()
        };
        let text = |f: Format| {
            let mut out = Vec::new();
            write(f, &g, 0, &opts, &mut out).unwrap();
            out
        };
        let svg = String::from_utf8(text(Format::Svg)).unwrap();
        let dot = String::from_utf8(text(Format::Dot)).unwrap();
        let gexf = parse_xml(&text(Format::Gexf));
        let gexf_nodes: Vec<_> = gexf
            .first("graph")
            .and_then(|gr| gr.first("nodes"))
            .expect("gexf nodes")
            .all("node")
            .collect();
        for (a, node) in g.actors().zip(&gexf_nodes) {
            let look = type_style(a.kind);
            assert!(
                svg.contains(&format!("fill=\"{}\"", look.fill)),
                "{:?}",
                a.kind
            );
            let (shape, style) = look.shape.graphviz();
            let line = dot
                .lines()
                .find(|l| l.contains(&format!("type=\"{}\"", a.kind.as_str())))
                .unwrap();
            assert!(
                line.contains(&format!("fillcolor=\"{}\"", look.fill)),
                "{line}"
            );
            assert!(
                line.contains(&format!("shape={shape}, style=\"{style}\"")),
                "{line}"
            );
            let c = node.first("viz:color").expect("viz:color");
            let (r, gg, b) = rgb(look.fill);
            assert_eq!(
                (c.attr("r"), c.attr("g"), c.attr("b")),
                (
                    Some(&*r.to_string()),
                    Some(&*gg.to_string()),
                    Some(&*b.to_string())
                ),
                "{:?}",
                a.kind
            );
        }
        for (_, _, rel) in g.relations() {
            let look = family_style(rel.relation.family());
            assert!(svg.contains(&format!("stroke=\"{}\"", look.colour)));
            let line = dot
                .lines()
                .find(|l| l.contains(&format!("relation=\"{}\"", rel.relation.as_str())))
                .unwrap();
            assert!(
                line.contains(&format!("color=\"{}\"", look.colour)),
                "{line}"
            );
            assert_eq!(line.contains("style=dashed"), look.dashed, "{line}");
        }
    }
}
