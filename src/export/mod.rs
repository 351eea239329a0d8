//! Writing the graph. One module per format, each with the same shape:
//! `write(graph, writer) -> io::Result<writer>`, streaming into any `Write` and never
//! opening files (the CLI does that, atomically). The formats' names, file extensions
//! and media types, and which writer writes which, are [`crate::format`]'s table.
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
//!   `NMTOKEN`s by the rules of every edition of XML 1.0 (the letters of the fourth
//!   edition's Appendix B, `src/export/xml_letters.rs`, which libxml2's schema validators
//!   apply: `Ǆ`, superscript digits, full-width and mathematical letters are encoded) and
//!   can never collide. Names themselves are written exactly.
//! * Cells of delimited files (TSV, the Neo4j CSV pair) go through
//!   [`neutralise_formula`]: a cell that begins with `=`, `+`, `-`, `@`, tab, carriage
//!   return (or their full-width forms, or `'`) gets a leading `'`, so that no
//!   spreadsheet runs it as a formula (OWASP's rule for CSV injection); remove one
//!   leading `'` from every cell that has one to get the text back.
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
pub mod rdf;
pub mod tsv;
mod xml_letters;

#[cfg(test)]
mod roundtrip_tests;
#[cfg(test)]
pub(crate) mod testutil;

use crate::model::EntityType;
use std::borrow::Cow;

/// What the exporters that have choices are told; [`Options::default`] is what
/// `actorgraph build` writes without flags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The Cypher dialect of the `cypher` script.
    pub cypher_dialect: cypher::Dialect,
    /// The base of our own IRIs in JSON-LD, N-Triples and Turtle (actors, documents,
    /// statements); must end in `/` or `#`.
    pub base_iri: String,
    /// The file stem of the Neo4j CSV pair, which the Kuzu definitions `COPY` from.
    pub stem: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            cypher_dialect: cypher::Dialect::Neo4j,
            base_iri: jsonld::BASE.to_string(),
            stem: "graph".to_string(),
        }
    }
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

/// True for a Letter or Digit of XML 1.0 (fourth edition) Appendix B, the rule libxml2's
/// schema validators apply to `NMTOKEN`s (the fifth edition allows more, e.g. `Ǆ`,
/// full-width and mathematical letters, but a file must pass the stricter readers too).
pub(crate) fn is_xml_letter_or_digit(c: char) -> bool {
    xml_letters::XML_LETTERS_AND_DIGITS
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The characters an id keeps as they are in [`safe_id`] and in IRIs: ASCII letters,
/// digits, `-` and `_`, and the letters and digits of other scripts that every edition of
/// XML 1.0 allows in names (which also lie in the IRI `ucschar` ranges).
pub(crate) fn is_plain_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c == '-'
        || c == '_'
        || (!c.is_ascii() && is_xml_letter_or_digit(c))
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

/// The first characters that make a spreadsheet (Excel, LibreOffice, Google Sheets) read
/// a cell as a formula: OWASP's list (`=`, `+`, `-`, `@`, tab, carriage return), their
/// full-width forms, which some spreadsheets fold to ASCII, and the quote itself, so that
/// the rule can be undone.
pub const FORMULA_TRIGGERS: &[char] = &[
    '=', '+', '-', '@', '\t', '\r', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}', '\'',
];

/// A delimited-file cell that no spreadsheet runs as a formula (OWASP's CSV-injection
/// rule): a cell that begins with one of [`FORMULA_TRIGGERS`] gets a leading `'`, which
/// spreadsheets hide and treat as "this is text". Every other cell is unchanged. A
/// program reading the file undoes it with [`restore_formula_cell`]: remove one leading
/// `'` from any cell that has one (a cell that began with `'` was given a second).
pub fn neutralise_formula(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if FORMULA_TRIGGERS.contains(&c) => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The inverse of [`neutralise_formula`]: the cell as it was before.
pub fn restore_formula_cell(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
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

/// An actor's identifiers as `scheme:id` strings (`wikidata:Q843`), sorted by scheme:
/// the list form of every format that has no maps (Neo4j, Kuzu, GraphML, GEXF, TSV).
pub(crate) fn id_pairs(a: &crate::model::Actor) -> Vec<String> {
    a.ids.iter().map(|(k, v)| format!("{k}:{v}")).collect()
}

/// The distinct documents of a relation's evidence, in evidence order.
pub(crate) fn evidence_docs(evidence: &[crate::model::Evidence]) -> Vec<&str> {
    let mut docs: Vec<&str> = Vec::new();
    for e in evidence {
        if !docs.contains(&e.doc.as_str()) {
            docs.push(&e.doc);
        }
    }
    docs
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
    fn formula_cells_are_neutralised_and_restored() {
        for hostile in [
            "=HYPERLINK(\"http://x\",\"click\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1:A9)",
            "\t=1",
            "\r=1",
            "\u{FF1D}1+1",
            "'already quoted",
            "''",
        ] {
            let safe = neutralise_formula(hostile);
            assert!(safe.starts_with('\''), "{hostile:?}");
            assert_eq!(restore_formula_cell(&safe), hostile);
        }
        for plain in [
            "Imran Khan",
            "",
            " =not a formula",
            "2024-05-08",
            "0.8",
            "a=b",
        ] {
            assert_eq!(neutralise_formula(plain), plain);
            assert_eq!(restore_formula_cell(&neutralise_formula(plain)), plain);
        }
    }

    /// Letters that XML 1.0 (fifth edition) allows in names but libxml2's schema
    /// validators (fourth edition) do not are encoded too; the ids stay injective.
    #[test]
    fn ids_are_fourth_edition_nmtokens() {
        let names = [
            "\u{1C4}emal",        // Ǆ, a title-case digraph
            "\u{1C6}emal",        // ǆ, what slug makes of it
            "x\u{B2}",            // superscript two
            "\u{1D400}\u{1D401}", // mathematical bold A B
            "\u{FF21}\u{FF22}",   // full-width A B
            "\u{13A0}\u{13A1}",   // Cherokee
            "\u{A997}\u{A9AE}",   // Javanese
            "\u{10D0}",           // Georgian an (in Appendix B)
            "владимир-путин",
        ];
        let ok = |c: char| {
            c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') || is_xml_letter_or_digit(c)
        };
        let mut seen = std::collections::HashSet::new();
        for n in names {
            let id = safe_id(n);
            assert!(id.chars().all(ok), "{n:?} -> {id:?}");
            assert!(seen.insert(id.into_owned()), "{n:?} collides");
        }
        assert_eq!(safe_id("\u{1C4}emal"), ".1c4.emal");
        assert_eq!(safe_id("\u{FF21}"), ".ff21.");
        assert_eq!(safe_id("владимир-путин"), "владимир-путин");
        assert_eq!(safe_id("\u{10D0}"), "\u{10D0}");
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
