//! The CSV pair of `neo4j-admin database import`, written with the csv crate:
//!
//! ```text
//! neo4j-admin database import full neo4j --nodes=g.nodes.csv --relationships=g.relationships.csv
//! nodes:         id:ID,:LABEL,name,type,aliases:string[],titles:string[],mentions:int,documents:int,first_seen:date,last_seen:date
//! relationships: :START_ID,:END_ID,:TYPE,verb,date:date,confidence:double,weight:int,role,status,evidence,source_doc,documents:string[]
//! ```
//!
//! `:LABEL` is `Actor;Person` (the default array delimiter `;`), `:TYPE` the relation
//! (`CONSULT`). `evidence` is the first supporting sentence and `source_doc` its
//! document; `documents` lists every document of the evidence; `weight` is the number
//! of sentences. Counts saturate at 2^31-1 (`int` is 32-bit). Dates that are not real
//! `YYYY-MM-DD` dates, and every missing value, are empty fields: neo4j-admin then sets
//! no property. Quotes are the csv crate's (`"`, doubled inside).
//!
//! Replacements, so that the import works with neo4j-admin's default options:
//!
//! * A line break (`\r\n`, `\n` or `\r`) in any field becomes one space: neo4j-admin
//!   rejects fields spanning lines unless given `--multiline-fields=true`.
//! * A `;` inside an element of an array column (`aliases`, `titles`, `documents`)
//!   becomes `；` (U+FF1B, fullwidth semicolon), since `;` separates the elements.

use super::{finite, java_int, neo4j_labels, valid_date};
use crate::graph::ActorGraph;
use std::borrow::Cow;
use std::io::{self, Write};

pub const NODE_HEADER: &[&str] = &[
    "id:ID",
    ":LABEL",
    "name",
    "type",
    "aliases:string[]",
    "titles:string[]",
    "mentions:int",
    "documents:int",
    "first_seen:date",
    "last_seen:date",
];

pub const RELATIONSHIP_HEADER: &[&str] = &[
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "verb",
    "date:date",
    "confidence:double",
    "weight:int",
    "role",
    "status",
    "evidence",
    "source_doc",
    "documents:string[]",
];

/// What an array element becomes for `;` (see the module docs).
pub const ARRAY_DELIMITER_REPLACEMENT: char = '\u{FF1B}';

/// A field with line breaks replaced by spaces.
pub fn field(s: &str) -> Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        Cow::Owned(s.replace("\r\n", " ").replace(['\r', '\n'], " "))
    } else {
        Cow::Borrowed(s)
    }
}

/// An array field: elements joined by `;`, a `;` inside an element replaced.
pub fn array<S: AsRef<str>>(items: &[S]) -> String {
    items
        .iter()
        .map(|s| field(s.as_ref()).replace(';', &ARRAY_DELIMITER_REPLACEMENT.to_string()))
        .collect::<Vec<_>>()
        .join(";")
}

fn csv_err(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

fn date(d: Option<&str>) -> &str {
    valid_date(d).unwrap_or("")
}

/// Writes the nodes file.
pub fn write_nodes<W: Write>(graph: &ActorGraph, w: W) -> io::Result<W> {
    let mut cw = csv::Writer::from_writer(w);
    cw.write_record(NODE_HEADER).map_err(csv_err)?;
    for a in graph.actors() {
        let mentions = java_int(a.mentions.into()).to_string();
        let documents = java_int(a.documents.into()).to_string();
        let labels = neo4j_labels(a.kind).join(";");
        let aliases = array(&a.aliases);
        let titles = array(&a.titles);
        cw.write_record([
            field(&a.id).as_ref(),
            &labels,
            &field(&a.name),
            a.kind.as_str(),
            &aliases,
            &titles,
            &mentions,
            &documents,
            date(a.first_seen.as_deref()),
            date(a.last_seen.as_deref()),
        ])
        .map_err(csv_err)?;
    }
    cw.into_inner().map_err(|e| e.into_error())
}

/// Writes the relationships file.
pub fn write_relationships<W: Write>(graph: &ActorGraph, w: W) -> io::Result<W> {
    let mut cw = csv::Writer::from_writer(w);
    cw.write_record(RELATIONSHIP_HEADER).map_err(csv_err)?;
    for (s, t, r) in graph.relations() {
        let confidence = finite(r.confidence)
            .map(|c| c.to_string())
            .unwrap_or_default();
        let weight = java_int(r.weight() as u64).to_string();
        let first = r.evidence.first();
        let docs = array(&super::graphml::evidence_docs(&r.evidence));
        cw.write_record([
            field(&s.id).as_ref(),
            &field(&t.id),
            r.relation.as_str(),
            &field(&r.verb),
            date(r.date.as_deref()),
            &confidence,
            &weight,
            &field(r.role.as_deref().unwrap_or("")),
            r.status.map(|x| x.as_str()).unwrap_or(""),
            &field(first.map(|e| e.text.as_str()).unwrap_or("")),
            &field(first.map(|e| e.doc.as_str()).unwrap_or("")),
            &docs,
        ])
        .map_err(csv_err)?;
    }
    cw.into_inner().map_err(|e| e.into_error())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::hostile_graph;

    fn read(bytes: &[u8]) -> (csv::StringRecord, Vec<csv::StringRecord>) {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(bytes);
        let header = r.headers().unwrap().clone();
        let rows = r.records().map(|x| x.unwrap()).collect();
        (header, rows)
    }

    #[test]
    fn hostile_names_read_back_with_the_csv_crate() {
        let g = hostile_graph();
        let nodes = write_nodes(&g, Vec::new()).unwrap();
        let (h, rows) = read(&nodes);
        assert_eq!(h.iter().collect::<Vec<_>>(), NODE_HEADER);
        assert_eq!(rows.len(), g.node_count());
        for (row, a) in rows.iter().zip(g.actors()) {
            assert_eq!(&row[0], field(&a.id));
            assert_eq!(&row[1], format!("Actor;{}", a.kind.as_str()));
            assert_eq!(&row[2], field(&a.name));
            if a.aliases.is_empty() {
                assert_eq!(&row[4], "", "no aliases, no property");
                continue;
            }
            let aliases: Vec<&str> = row[4].split(';').collect();
            assert_eq!(aliases.len(), a.aliases.len(), "one element per alias");
            assert_eq!(aliases[0], field(&a.aliases[0]).replace(';', "\u{FF1B}"));
        }
        for row in &rows {
            for f in row.iter() {
                assert!(!f.contains(['\n', '\r']), "no multi-line fields");
            }
        }
        let rels = write_relationships(&g, Vec::new()).unwrap();
        let (h, rows) = read(&rels);
        assert_eq!(h.iter().collect::<Vec<_>>(), RELATIONSHIP_HEADER);
        assert_eq!(rows.len(), g.edge_count());
        for (row, (s, t, r)) in rows.iter().zip(g.relations()) {
            assert_eq!(&row[0], field(&s.id));
            assert_eq!(&row[1], field(&t.id));
            assert_eq!(&row[2], r.relation.as_str());
            assert_eq!(&row[3], field(&r.verb));
            assert_eq!(&row[9], field(&r.evidence[0].text));
            if r.date.as_deref() == Some("2024-13-45") || r.date.is_none() {
                assert_eq!(&row[4], "", "bad and missing dates are empty fields");
            }
        }
        let office = &rows[0];
        assert_eq!(&office[7], "Prime Minister");
        assert_eq!(&office[8], "former");
    }
}
