//! Tab-separated triples for reading in a terminal or with `cut`/`awk`: a header, then
//! one relation a line, with the columns (tab-separated)
//! `subject relation object verb date evidence_refs evidence`, e.g.
//! `Donald Blome | CONSULT | Omar Ayub Khan | met with | 2024-05-07 | seed:11 | Blome met
//! with Omar and others.` (`|` standing for a tab).
//!
//! `evidence_refs` lists every supporting sentence as `doc:sentence`, separated by
//! `, `; `evidence` is the text of the first one. A missing date is an empty field.
//!
//! Replacements: a tab or a line break (`\r\n`, `\n`, `\r`) inside a field becomes one
//! space, and any other control character (C0, DEL, C1: they could drive the terminal)
//! becomes U+FFFD. There is no quoting.

use super::REPLACEMENT;
use crate::graph::ActorGraph;
use std::io::{self, Write};

pub const HEADER: &[&str] = &[
    "subject",
    "relation",
    "object",
    "verb",
    "date",
    "evidence_refs",
    "evidence",
];

/// A field with the replacements of the module docs.
pub fn field(s: &str) -> String {
    let s = s.replace("\r\n", " ");
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() => REPLACEMENT,
            c => c,
        })
        .collect()
}

/// Writes the graph as TSV triples.
pub fn write<W: Write>(graph: &ActorGraph, mut w: W) -> io::Result<W> {
    writeln!(w, "{}", HEADER.join("\t"))?;
    for (s, t, r) in graph.relations() {
        let refs: Vec<String> = r
            .evidence
            .iter()
            .map(|e| format!("{}:{}", e.doc, e.sentence))
            .collect();
        let fields = [
            field(&s.name),
            r.relation.as_str().to_string(),
            field(&t.name),
            field(&r.verb),
            field(r.date.as_deref().unwrap_or("")),
            field(&refs.join(", ")),
            field(r.evidence.first().map(|e| e.text.as_str()).unwrap_or("")),
        ];
        writeln!(w, "{}", fields.join("\t"))?;
    }
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::hostile_graph;

    #[test]
    fn one_line_per_relation_with_replacements() {
        let g = hostile_graph();
        let text = String::from_utf8(write(&g, Vec::new()).unwrap()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], HEADER.join("\t"));
        assert_eq!(lines.len(), g.edge_count() + 1);
        for (line, (s, t, r)) in lines[1..].iter().zip(g.relations()) {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), HEADER.len());
            assert_eq!(f[0], field(&s.name));
            assert_eq!(f[1], r.relation.as_str());
            assert_eq!(f[2], field(&t.name));
            assert_eq!(f[3], field(&r.verb));
        }
        assert!(!text.contains('\u{7}'));
        assert_eq!(field("a\tb\r\nc\u{7}\u{9b}"), "a b c\u{FFFD}\u{FFFD}");
        assert!(lines[2].contains("seed:1, doc;2, \"b\":3"));
    }
}
