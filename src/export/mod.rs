//! Writing the graph. One module per format, each with the same shape:
//! `write(graph, writer) -> io::Result<writer>`, streaming into any `Write` and never
//! opening files (the CLI does that, atomically). [`Format`] is the only place that knows
//! the formats' names, file extensions and media types.
//!
//! Each module documents what it does with characters its format cannot hold. The
//! shared rules live here:
//!
//! * XML 1.0 (GraphML, GEXF) and Graphviz (whose SVG output is XML) cannot hold the C0
//!   control characters other than tab, line feed and carriage return, nor U+FFFE and
//!   U+FFFF: [`xml_safe`] replaces each of them with U+FFFD ([`REPLACEMENT`]).
//! * Node ids in XML and DOT go through [`safe_id`], an injective encoding that leaves the
//!   slugs the graph makes (`imran-khan`, `владимир-путин`) unchanged and turns anything
//!   else into `.HEX.` (the code point in hex between dots), so ids are valid XML
//!   `NMTOKEN`s and can never collide.
//! * Typed dates (`xsd:date`, GEXF time, neo4j `date`, Cypher `date()`) are written only
//!   when they are real `YYYY-MM-DD` dates ([`valid_date`]); anything else stays a plain
//!   string where the format has one, or is left out.

pub mod cypher;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod jsonld;
pub mod neo4j;
pub mod tsv;

#[cfg(test)]
mod roundtrip_tests;
#[cfg(test)]
pub(crate) mod testutil;

use crate::graph::{ActorGraph, EntityType};
use std::borrow::Cow;
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
    Html,
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
        Format::Html,
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
            Format::Html => "html",
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
            Format::Html => "interactive report: one self-contained page for a browser",
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
            Format::Html => "html",
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
            Format::Html => "text/html",
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
            "htm" | "report" => "html",
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
        Format::Dot => dot::write(graph, w),
        Format::JsonLd => jsonld::write(graph, w),
        Format::GraphMl => graphml::write(graph, w),
        Format::Gexf => gexf::write(graph, w),
        Format::Cypher => cypher::write(graph, w),
        Format::Tsv => tsv::write(graph, w),
        Format::Html => html::write(graph, w),
        Format::Neo4j => Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "format neo4j writes two files: use export::write_neo4j",
        )),
        other => Err(io::Error::new(
            io::ErrorKind::Unsupported,
            format!("format {other} is not written by export::write"),
        )),
    }
}

/// Writes the neo4j-admin import pair: the nodes CSV and the relationships CSV
/// (file names from [`Format::files`]).
pub fn write_neo4j<N: Write, R: Write>(
    graph: &ActorGraph,
    nodes: N,
    rels: R,
) -> io::Result<(N, R)> {
    let nodes = neo4j::write_nodes(graph, nodes)?;
    let rels = neo4j::write_relationships(graph, rels)?;
    Ok((nodes, rels))
}

/// What replaces a character a format cannot hold (see the module docs).
pub const REPLACEMENT: char = '\u{FFFD}';

/// True for the characters XML 1.0 can hold (surrogates cannot occur in a `char`).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// `s` with every character XML 1.0 cannot hold replaced by [`REPLACEMENT`].
pub fn xml_safe(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .map(|c| if is_xml_char(c) { c } else { REPLACEMENT })
                .collect(),
        )
    }
}

/// Escaped XML text content for quick-xml's `BytesText::from_escaped`: [`xml_safe`], then
/// the library's escaping of `<`, `>` and `&` (quotes need none in text), then a carriage
/// return as `&#13;` (a raw one would be read back as a line feed: XML normalises line
/// ends).
pub(crate) fn xml_text(s: &str) -> String {
    let s = xml_safe(s);
    quick_xml::escape::partial_escape(s.as_ref()).replace('\r', "&#13;")
}

/// An XML attribute for quick-xml's writer whose value survives attribute-value
/// normalisation: [`xml_safe`], the library's full escaping (quotes too), then tab, line
/// feed and carriage return as character references (raw ones would be read back as
/// spaces).
pub(crate) fn xml_attr<'a>(
    key: &'a str,
    value: &str,
) -> quick_xml::events::attributes::Attribute<'a> {
    let s = xml_safe(value);
    let v = quick_xml::escape::escape(s.as_ref())
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;");
    quick_xml::events::attributes::Attribute {
        key: quick_xml::name::QName(key.as_bytes()),
        value: Cow::Owned(v.into_bytes()),
    }
}

/// XML 1.0 (fifth edition) `NameChar`.
fn is_name_char(c: char) -> bool {
    matches!(c,
        ':' | '_' | '-' | '.' | 'A'..='Z' | 'a'..='z' | '0'..='9' | '\u{B7}'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{37D}'
        | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}' | '\u{203F}'..='\u{2040}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// The characters an id keeps as they are in [`safe_id`] and in IRIs: ASCII letters,
/// digits, `-` and `_`, and the letters and digits of other scripts that XML allows in
/// names (which also lie in the IRI `ucschar` ranges).
pub(crate) fn is_plain_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '-'
        || c == '_'
        || (!c.is_ascii() && c.is_alphanumeric() && is_name_char(c))
}

/// An injective encoding of an actor id into an XML `NMTOKEN` that Graphviz and every
/// XML consumer accept: plain id characters stay, every other character `c` becomes
/// `.{hex code point}.` (`a b` → `a.20.b`). Slugs made by `graph::slug` are unchanged.
pub fn safe_id(id: &str) -> Cow<'_, str> {
    if !id.is_empty() && id.chars().all(is_plain_id_char) {
        return Cow::Borrowed(id);
    }
    let mut out = String::with_capacity(id.len() + 8);
    if id.is_empty() {
        // `.` alone never comes out of a non-empty id.
        out.push('.');
    }
    for c in id.chars() {
        if is_plain_id_char(c) {
            out.push(c);
        } else {
            out.push_str(&format!(".{:x}.", c as u32));
        }
    }
    Cow::Owned(out)
}

/// The date if it is a real calendar date written `YYYY-MM-DD` (year 0001 to 9999), which
/// every typed consumer (xsd:date, Python's `date.fromisoformat`, neo4j `date`) accepts.
pub fn valid_date(d: Option<&str>) -> Option<&str> {
    let d = d?;
    let b = d.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape || d.starts_with("0000") {
        return None;
    }
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .ok()
        .map(|_| d)
}

/// A count as a Java `int` (GraphML `int`, GEXF `integer`, neo4j `int`), saturating
/// at `i32::MAX` rather than writing a value the importer rejects.
pub(crate) fn java_int(n: u64) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// A confidence as written everywhere: finite values only.
pub(crate) fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// The Neo4j labels of an actor (GraphML `labels`, neo4j CSV `:LABEL`, Cypher `SET n:…`):
/// `Actor` plus the entity type.
pub(crate) fn neo4j_labels(t: EntityType) -> [&'static str; 2] {
    ["Actor", t.as_str()]
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

    /// Writes every format for the realistic and the hostile sample graph, for the
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
            ("sample", testutil::realistic_graph()),
            ("hostile", testutil::hostile_graph()),
        ] {
            for f in Format::ALL {
                if f.is_image() {
                    continue;
                }
                let files = f.files(stem);
                if *f == Format::Neo4j {
                    let (n, r) = write_neo4j(&g, Vec::new(), Vec::new()).unwrap();
                    std::fs::write(dir.join(&files[0]), n).unwrap();
                    std::fs::write(dir.join(&files[1]), r).unwrap();
                } else {
                    let bytes = write(*f, &g, Vec::new()).unwrap();
                    std::fs::write(dir.join(&files[0]), bytes).unwrap();
                }
            }
            println!("{stem}: {} nodes, {} edges", g.node_count(), g.edge_count());
        }
    }

    #[test]
    fn safe_ids_keep_slugs_and_never_collide() {
        assert_eq!(safe_id("imran-khan"), "imran-khan");
        assert_eq!(safe_id("владимир-путин"), "владимир-путин");
        assert_eq!(safe_id("a b"), "a.20.b");
        assert_eq!(safe_id("a.b"), "a.2e.b");
        assert_eq!(safe_id("a\u{7}"), "a.7.");
        assert_eq!(safe_id(""), ".");
        let ids = [
            "a.20.b",
            "a b",
            "a\u{202e}b",
            "a\u{200b}b",
            "",
            ".",
            "a.b",
            "a_b",
        ];
        let set: std::collections::HashSet<_> = ids.iter().map(|i| safe_id(i)).collect();
        assert_eq!(set.len(), ids.len());
    }

    #[test]
    fn dates_and_xml_characters() {
        assert_eq!(valid_date(Some("2024-05-08")), Some("2024-05-08"));
        for bad in [
            "2024-02-30",
            "2024-5-8",
            "0000-01-01",
            "yesterday",
            "2024-05-08T00:00",
            "",
        ] {
            assert_eq!(valid_date(Some(bad)), None, "{bad}");
        }
        assert_eq!(xml_safe("a\u{7}b\tc\u{FFFE}"), "a\u{FFFD}b\tc\u{FFFD}");
        assert!(matches!(xml_safe("plain <&>"), Cow::Borrowed(_)));
        assert_eq!(java_int(u64::MAX), i32::MAX);
    }
}
