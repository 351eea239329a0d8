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

use crate::model::EntityType;
use std::borrow::Cow;

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
