//! Tab-separated facts for reading in a terminal, with `cut`/`awk`, or in a
//! spreadsheet: a header, then one line per piece of evidence (an edge supported by
//! three sentences has three lines, the same in its first six columns), with the
//! columns (tab-separated)
//!
//! `subject relation object mode verb date doc sentence evidence_date reported_by
//! evidence subject_ids object_ids`,
//!
//! e.g. `Donald Blome | CONSULT | Omar Ayub Khan | asserted | met with | 2024-05-07 | seed
//! | 11 | 2024-05-07 | | Blome met with Omar and others. | |` (`|` standing for a tab).
//! `date` is the edge's date, `evidence_date` this sentence's, `reported_by` the name of
//! the actor the sentence says reported it; `subject_ids` and `object_ids` list the
//! actors' identifiers as `scheme:id`, separated by spaces (`wikidata:Q843
//! iso3:PAK`). A missing value is an empty field.
//!
//! Replacements: a tab or a line break (`\r\n`, `\n`, `\r`) inside a field becomes one
//! space, and any other control character (C0, DEL, C1: they could drive the terminal)
//! becomes U+FFFD. There is no quoting. A field that then begins with `=`, `+`, `-`, `@`
//! (or their full-width forms, or `'`) gets a leading `'`, so that no spreadsheet runs
//! it as a formula ([`super::neutralise_formula`]; remove one leading `'` from a field
//! that has one to get the text back).

use super::{id_pairs, neutralise_formula, REPLACEMENT};
use crate::graph::ActorGraph;
use std::io::{self, Write};

pub const HEADER: &[&str] = &[
    "subject",
    "relation",
    "object",
    "mode",
    "verb",
    "date",
    "doc",
    "sentence",
    "evidence_date",
    "reported_by",
    "evidence",
    "subject_ids",
    "object_ids",
];

/// A field with the replacements of the module docs.
pub fn field(s: &str) -> String {
    let s = s.replace("\r\n", " ");
    let plain: String = s
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() => REPLACEMENT,
            c => c,
        })
        .collect();
    neutralise_formula(&plain).into_owned()
}

/// Writes the graph as TSV, one line per piece of evidence.
pub fn write<W: Write>(graph: &ActorGraph, mut w: W) -> io::Result<W> {
    writeln!(w, "{}", HEADER.join("\t"))?;
    for (s, t, r) in graph.relations() {
        let fixed = [
            field(&s.name),
            r.relation.as_str().to_string(),
            field(&t.name),
            r.mode.as_str().to_string(),
            field(&r.verb),
            field(r.date.as_deref().unwrap_or("")),
        ];
        let (sids, tids) = (field(&id_pairs(s).join(" ")), field(&id_pairs(t).join(" ")));
        for e in &r.evidence {
            let reporter = e
                .reported_by
                .as_deref()
                .map(|id| graph.actor(id).map(|a| a.name.as_str()).unwrap_or(id))
                .unwrap_or("");
            let fields = [
                field(&e.doc),
                e.sentence.to_string(),
                field(e.date.as_deref().unwrap_or("")),
                field(reporter),
                field(&e.text),
            ];
            writeln!(
                w,
                "{}\t{}\t{sids}\t{tids}",
                fixed.join("\t"),
                fields.join("\t")
            )?;
        }
    }
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::hostile_graph;

    #[test]
    fn one_line_per_evidence_with_replacements() {
        let g = hostile_graph();
        let text = String::from_utf8(write(&g, Vec::new()).unwrap()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], HEADER.join("\t"));
        let evidence: usize = g.relations().map(|(_, _, r)| r.weight()).sum();
        assert_eq!(lines.len(), evidence + 1);
        let mut rows = lines[1..].iter();
        for (s, t, r) in g.relations() {
            for e in &r.evidence {
                let f: Vec<&str> = rows.next().unwrap().split('\t').collect();
                assert_eq!(f.len(), HEADER.len());
                assert_eq!(f[0], field(&s.name));
                assert_eq!(f[1], r.relation.as_str());
                assert_eq!(f[2], field(&t.name));
                assert_eq!(f[3], r.mode.as_str());
                assert_eq!(f[4], field(&r.verb));
                assert_eq!(f[6], field(&e.doc));
                assert_eq!(f[7], e.sentence.to_string());
                assert_eq!(f[10], field(&e.text));
            }
        }
        assert!(!text.contains('\u{7}'));
        assert_eq!(field("a\tb\r\nc\u{7}\u{9b}"), "a b c\u{FFFD}\u{FFFD}");
        // both sentences of the two-sentence consultation
        assert!(text.contains("Ann met \\two\\ lines."));
        assert!(text.contains("They met again later; O'Brien // said."));
    }

    #[test]
    fn reporters_identifiers_and_formula_cells() {
        use crate::graph::select::tests::{actor, relation};
        use crate::model::{EntityType, Mode, RelationKind};
        let mut g = ActorGraph::new();
        let mut a = actor("a", "=Ann", EntityType::Person, &[]);
        a.ids.insert("wikidata".into(), "Q1".into());
        a.ids.insert("iso3".into(), "ANN".into());
        g.insert_actor(a);
        g.insert_actor(actor("b", "@Bob", EntityType::Person, &[]));
        g.insert_actor(actor("m", "Ministry", EntityType::GovernmentBody, &[]));
        let mut r = relation(RelationKind::Accuse, "-accused", 2);
        r.mode = Mode::Hypothetical;
        r.evidence[0].reported_by = Some("m".into());
        r.evidence[0].date = Some("2024-05-01".into());
        r.evidence[1].text = "+1 sentence".into();
        g.insert_relation("a", "b", r);
        let text = String::from_utf8(write(&g, Vec::new()).unwrap()).unwrap();
        let rows: Vec<Vec<&str>> = text
            .lines()
            .skip(1)
            .map(|l| l.split('\t').collect())
            .collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0][0], "'=Ann");
        assert_eq!(rows[0][2], "'@Bob");
        assert_eq!(rows[0][3], "hypothetical");
        assert_eq!(rows[0][4], "'-accused");
        assert_eq!(rows[0][8], "2024-05-01");
        assert_eq!(rows[0][9], "Ministry");
        assert_eq!(rows[0][11], "iso3:ANN wikidata:Q1");
        assert_eq!(rows[1][10], "'+1 sentence");
        assert_eq!(rows[1][9], "");
        for row in &rows {
            for f in row {
                assert!(!f.starts_with(['=', '+', '-', '@']), "{f:?}");
            }
        }
    }
}
