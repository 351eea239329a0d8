//! The CSV pair of `neo4j-admin database import`, written with the csv crate, and the
//! table definitions with which Kuzu's `COPY` reads the same pair:
//!
//! ```text
//! neo4j-admin database import full neo4j --nodes=g.nodes.csv --relationships=g.relationships.csv
//! nodes:         id:ID,:LABEL,name,type,aliases:string[],titles:string[],ids:string[],mentions:int,documents:int,first_seen:date,last_seen:date
//! relationships: :START_ID,:END_ID,:TYPE,mode,verb,date:date,confidence:double,weight:int,role,status,
//!                evidence:string[],evidence_refs:string[],evidence_dates:string[],evidence_reported_by:string[],documents:string[],first_seen:date,last_seen:date
//! ```
//!
//! The labelling is the one of every Neo4j route (the Cypher script, GraphML for APOC):
//! `:LABEL` is `Actor;Person` (the default array delimiter `;`), `:TYPE` the relation
//! (`CONSULT`), `mode` how the sentences report it (`asserted`, `intended`, `negated`,
//! `hypothetical`). `ids` holds the actor's identifiers as `scheme:id` (`wikidata:Q843`).
//! Every supporting sentence is in the relationship's evidence lists, one element each
//! and in the same order: `evidence` (the text), `evidence_refs` (`doc:sentence`),
//! `evidence_dates` (`YYYY-MM-DD`, empty when unknown) and `evidence_reported_by` (the
//! reporter's actor id, empty when none); `documents` lists every document of the
//! evidence; `weight` is the number of sentences. Counts saturate at 2^31-1 (`int` is
//! 32-bit). Dates that are not real `YYYY-MM-DD` dates, and every missing value, are
//! empty fields: neo4j-admin then sets no property. Quotes are the csv crate's (`"`,
//! doubled inside).
//!
//! Replacements, so that the import works with neo4j-admin's default options and no
//! spreadsheet runs a cell:
//!
//! * A line break (`\r\n`, `\n` or `\r`) in any field becomes one space: neo4j-admin
//!   rejects fields spanning lines unless given `--multiline-fields=true`.
//! * A `;` inside an element of an array column becomes `；` (U+FF1B, fullwidth
//!   semicolon), since `;` separates the elements.
//! * A text cell that begins with `=`, `+`, `-`, `@`, tab or carriage return (or their
//!   full-width forms, or `'`) gets a leading `'` ([`super::neutralise_formula`]), ids
//!   included (in `:ID`, `:START_ID` and `:END_ID` alike, so the ends still match).
//!   After an import into Neo4j, `MATCH (n:Actor) WHERE n.name STARTS WITH "'" SET n.name
//!   = substring(n.name, 1)` (and the same for other properties) undoes it; the Kuzu
//!   definitions undo it while they copy.
//!
//! [`write_kuzu`] writes `STEM.kuzu.cypher`: one node table `Actor` (the `:LABEL`s as
//! `labels STRING[]`), one relationship table per relation of the graph (so
//! `MATCH (a:Actor)-[r:CONSULT]->(b:Actor)` reads as in Neo4j), and a `COPY … FROM
//! (LOAD WITH HEADERS (…) FROM 'STEM.nodes.csv' …)` for each, which splits the array
//! columns on `;`, types dates and numbers, and removes the formula quote. Run it in the
//! directory of the CSV files.

use super::{
    evidence_docs, finite, id_pairs, java_int, neo4j_labels, neutralise_formula, valid_date,
};
use crate::graph::ActorGraph;
use crate::model::RelationKind;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::io::{self, Write};

pub const NODE_HEADER: &[&str] = &[
    "id:ID",
    ":LABEL",
    "name",
    "type",
    "aliases:string[]",
    "titles:string[]",
    "ids:string[]",
    "mentions:int",
    "documents:int",
    "first_seen:date",
    "last_seen:date",
];

pub const RELATIONSHIP_HEADER: &[&str] = &[
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "mode",
    "verb",
    "date:date",
    "confidence:double",
    "weight:int",
    "role",
    "status",
    "evidence:string[]",
    "evidence_refs:string[]",
    "evidence_dates:string[]",
    "evidence_reported_by:string[]",
    "documents:string[]",
    "first_seen:date",
    "last_seen:date",
];

/// What an array element becomes for `;` (see the module docs).
pub const ARRAY_DELIMITER_REPLACEMENT: char = '\u{FF1B}';

/// A text field: line breaks replaced by spaces, then neutralised for spreadsheets.
pub fn field(s: &str) -> Cow<'_, str> {
    let one_line = if s.contains(['\n', '\r']) {
        Cow::Owned(s.replace("\r\n", " ").replace(['\r', '\n'], " "))
    } else {
        Cow::Borrowed(s)
    };
    match one_line {
        Cow::Borrowed(b) => neutralise_formula(b),
        Cow::Owned(o) => Cow::Owned(neutralise_formula(&o).into_owned()),
    }
}

/// An array field: elements joined by `;`, a `;` inside an element replaced, line breaks
/// replaced, the whole cell neutralised for spreadsheets.
pub fn array<S: AsRef<str>>(items: &[S]) -> String {
    let joined = items
        .iter()
        .map(|s| {
            s.as_ref()
                .replace("\r\n", " ")
                .replace(['\r', '\n'], " ")
                .replace(';', &ARRAY_DELIMITER_REPLACEMENT.to_string())
        })
        .collect::<Vec<_>>()
        .join(";");
    neutralise_formula(&joined).into_owned()
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
        cw.write_record([
            field(&a.id).as_ref(),
            &labels,
            &field(&a.name),
            a.kind.as_str(),
            &array(&a.aliases),
            &array(&a.titles),
            &array(&id_pairs(a)),
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
        let texts: Vec<&str> = r.evidence.iter().map(|e| e.text.as_str()).collect();
        let refs: Vec<String> = r
            .evidence
            .iter()
            .map(|e| format!("{}:{}", e.doc, e.sentence))
            .collect();
        let dates: Vec<&str> = r.evidence.iter().map(|e| date(e.date.as_deref())).collect();
        let reporters: Vec<&str> = r
            .evidence
            .iter()
            .map(|e| e.reported_by.as_deref().unwrap_or(""))
            .collect();
        cw.write_record([
            field(&s.id).as_ref(),
            &field(&t.id),
            r.relation.as_str(),
            r.mode.as_str(),
            &field(&r.verb),
            date(r.date.as_deref()),
            &confidence,
            &weight,
            &field(r.role.as_deref().unwrap_or("")),
            r.status.map(|x| x.as_str()).unwrap_or(""),
            &array(&texts),
            &array(&refs),
            &array(&dates),
            &array(&reporters),
            &array(&evidence_docs(&r.evidence)),
            date(r.first_seen.as_deref()),
            date(r.last_seen.as_deref()),
        ])
        .map_err(csv_err)?;
    }
    cw.into_inner().map_err(|e| e.into_error())
}

/// A header column's name and its Kuzu type: `aliases:string[]` → (`aliases`, `STRING[]`).
fn kuzu_column(header: &str) -> (String, &'static str) {
    let (name, ty) = header.rsplit_once(':').unwrap_or((header, "string"));
    let name = match (name, ty) {
        ("", "ID") | ("id", "ID") => "id".to_string(),
        ("", "LABEL") => "labels".to_string(),
        ("", "START_ID") => "source".to_string(),
        ("", "END_ID") => "target".to_string(),
        ("", "TYPE") => "relation".to_string(),
        (n, _) => n.to_string(),
    };
    let ty = match ty {
        "int" => "INT32",
        "double" => "DOUBLE",
        "date" => "DATE",
        "string[]" | "LABEL" => "STRING[]",
        _ => "STRING",
    };
    (name, ty)
}

/// The expression that turns a CSV column read as text into the table's value.
fn kuzu_value(name: &str, ty: &str) -> String {
    match ty {
        "STRING[]" if name == "labels" => format!("string_split({name}, ';')"),
        "STRING[]" => format!("ag_list({name})"),
        "STRING" => format!("ag_text({name})"),
        _ => name.to_string(),
    }
}

/// `LOAD WITH HEADERS (…)` for a header: every column as text, except numbers and dates,
/// which are read typed.
fn kuzu_load(header: &[&str], file: &str) -> String {
    let cols: Vec<String> = header
        .iter()
        .map(|h| {
            let (name, ty) = kuzu_column(h);
            let read = if ty == "STRING[]" { "STRING" } else { ty };
            format!("{name} {read}")
        })
        .collect();
    // the dialect is stated, not sniffed: Kuzu guesses it from the first rows, and when none
    // of them is quoted it reads a later quoted comma ("Educational, Scientific") as a split
    format!(
        "LOAD WITH HEADERS ({}) FROM '{}' (header = true, delim = ',', quote = '\"', escape = '\"', auto_detect = false)",
        cols.join(", "),
        file.replace('\\', "\\\\").replace('\'', "\\'")
    )
}

/// Writes the Kuzu table definitions and `COPY` statements for the pair written with
/// the file stem `stem` (`STEM.nodes.csv`, `STEM.relationships.csv`).
pub fn write_kuzu<W: Write>(graph: &ActorGraph, stem: &str, mut w: W) -> io::Result<W> {
    let nodes = format!("{stem}.nodes.csv");
    let rels = format!("{stem}.relationships.csv");
    writeln!(
        w,
        "// actorgraph: Kuzu table definitions for {nodes} and {rels}."
    )?;
    writeln!(
        w,
        "// Run in their directory, on a new database: the Kuzu shell (kuzu DB < FILE), or each statement with conn.execute."
    )?;
    writeln!(
        w,
        "// ag_text undoes the spreadsheet quote of a cell (a leading ' added before =, +, -, @, tab, CR or '); ag_list also splits on ;."
    )?;
    writeln!(
        w,
        "CREATE MACRO ag_text(x) AS CASE WHEN starts_with(x, \"'\") THEN substring(x, 2, size(x)) ELSE x END;"
    )?;
    writeln!(
        w,
        "CREATE MACRO ag_list(x) AS CASE WHEN x IS NULL THEN NULL ELSE string_split(ag_text(x), ';') END;"
    )?;
    let columns = |header: &[&str], skip: usize| -> Vec<(String, &'static str)> {
        header.iter().skip(skip).map(|h| kuzu_column(h)).collect()
    };
    let node_cols = columns(NODE_HEADER, 0);
    let defs: Vec<String> = node_cols
        .iter()
        .map(|(n, t)| {
            if n == "id" {
                format!("{n} {t} PRIMARY KEY")
            } else {
                format!("{n} {t}")
            }
        })
        .collect();
    writeln!(w, "CREATE NODE TABLE Actor({});", defs.join(", "))?;
    let rel_cols = columns(RELATIONSHIP_HEADER, 3);
    let kinds: BTreeSet<RelationKind> = graph.relations().map(|(_, _, r)| r.relation).collect();
    for kind in &kinds {
        let defs: Vec<String> = rel_cols.iter().map(|(n, t)| format!("{n} {t}")).collect();
        writeln!(
            w,
            "CREATE REL TABLE {}(FROM Actor TO Actor, {});",
            kind.as_str(),
            defs.join(", ")
        )?;
    }
    let values: Vec<String> = node_cols.iter().map(|(n, t)| kuzu_value(n, t)).collect();
    writeln!(
        w,
        "COPY Actor FROM ({} RETURN {});",
        kuzu_load(NODE_HEADER, &nodes),
        values.join(", ")
    )?;
    let mut values = vec![
        kuzu_value("source", "STRING"),
        kuzu_value("target", "STRING"),
    ];
    values.extend(rel_cols.iter().map(|(n, t)| kuzu_value(n, t)));
    for kind in &kinds {
        writeln!(
            w,
            "COPY {} FROM ({} WHERE relation = '{}' RETURN {});",
            kind.as_str(),
            kuzu_load(RELATIONSHIP_HEADER, &rels),
            kind.as_str(),
            values.join(", ")
        )?;
    }
    Ok(w)
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

    /// A cell as a program reads it back: the spreadsheet quote removed.
    fn cell<'a>(row: &'a csv::StringRecord, h: &csv::StringRecord, col: &str) -> &'a str {
        let i = h.iter().position(|x| x == col).unwrap();
        crate::export::restore_formula_cell(&row[i])
    }

    fn one_line(s: &str) -> String {
        s.replace("\r\n", " ").replace(['\r', '\n'], " ")
    }

    #[test]
    fn hostile_names_read_back_with_the_csv_crate() {
        let g = hostile_graph();
        let nodes = write_nodes(&g, Vec::new()).unwrap();
        let (h, rows) = read(&nodes);
        assert_eq!(h.iter().collect::<Vec<_>>(), NODE_HEADER);
        assert_eq!(rows.len(), g.node_count());
        for (row, a) in rows.iter().zip(g.actors()) {
            assert_eq!(cell(row, &h, "id:ID"), one_line(&a.id));
            assert_eq!(
                cell(row, &h, ":LABEL"),
                format!("Actor;{}", a.kind.as_str())
            );
            assert_eq!(cell(row, &h, "name"), one_line(&a.name));
            let aliases = cell(row, &h, "aliases:string[]");
            if a.aliases.is_empty() {
                assert_eq!(aliases, "", "no aliases, no property");
                continue;
            }
            let aliases: Vec<&str> = aliases.split(';').collect();
            assert_eq!(aliases.len(), a.aliases.len(), "one element per alias");
            assert_eq!(aliases[0], one_line(&a.aliases[0]).replace(';', "\u{FF1B}"));
        }
        for row in &rows {
            for f in row.iter() {
                assert!(!f.contains(['\n', '\r']), "no multi-line fields");
                assert!(
                    !f.starts_with(['=', '+', '-', '@', '\t']),
                    "no formula cell: {f:?}"
                );
            }
        }
        let rels = write_relationships(&g, Vec::new()).unwrap();
        let (h, rows) = read(&rels);
        assert_eq!(h.iter().collect::<Vec<_>>(), RELATIONSHIP_HEADER);
        assert_eq!(rows.len(), g.edge_count());
        for (row, (s, t, r)) in rows.iter().zip(g.relations()) {
            assert_eq!(cell(row, &h, ":START_ID"), one_line(&s.id));
            assert_eq!(cell(row, &h, ":END_ID"), one_line(&t.id));
            assert_eq!(cell(row, &h, ":TYPE"), r.relation.as_str());
            assert_eq!(cell(row, &h, "mode"), r.mode.as_str());
            assert_eq!(cell(row, &h, "verb"), one_line(&r.verb));
            let texts: Vec<&str> = cell(row, &h, "evidence:string[]").split(';').collect();
            assert_eq!(texts.len(), r.evidence.len(), "every sentence");
            let refs: Vec<&str> = cell(row, &h, "evidence_refs:string[]").split(';').collect();
            assert_eq!(refs.len(), r.evidence.len());
            if r.date.as_deref() == Some("2024-13-45") || r.date.is_none() {
                assert_eq!(
                    cell(row, &h, "date:date"),
                    "",
                    "bad and missing dates are empty"
                );
            }
        }
        let office = &rows[0];
        assert_eq!(cell(office, &h, "role"), "Prime Minister");
        assert_eq!(cell(office, &h, "status"), "former");
        // the consultation has two sentences, in two documents
        let consult = &rows[1];
        assert_eq!(cell(consult, &h, "evidence:string[]").split(';').count(), 2);
        assert_eq!(
            cell(consult, &h, "documents:string[]"),
            "seed;doc\u{FF1B}2, \"b\""
        );
    }

    /// Formula-looking names, ids, verbs and sentences: no cell starts a formula, and
    /// the quote comes off to give the text back.
    #[test]
    fn formula_cells_are_quoted_in_both_files() {
        use crate::graph::select::tests::{actor, relation};
        use crate::model::{EntityType, RelationKind};
        let mut g = ActorGraph::new();
        let names = [
            "=1+1",
            "+CMD|' /C calc'!A0",
            "-2",
            "@SUM(A1)",
            "'quoted",
            "\tTab",
        ];
        for (i, n) in names.iter().enumerate() {
            g.insert_actor(actor(n, n, EntityType::Person, &["=alias"]));
            if i > 0 {
                let mut r = relation(RelationKind::Accuse, "=HYPERLINK(\"x\")", 1);
                r.evidence[0].text = "@evil sentence".into();
                g.insert_relation(names[i - 1], n, r);
            }
        }
        let (h, rows) = read(&write_nodes(&g, Vec::new()).unwrap());
        for (row, n) in rows.iter().zip(names) {
            assert!(
                row[0].starts_with('\'') && row[2].starts_with('\''),
                "{row:?}"
            );
            assert_eq!(cell(row, &h, "id:ID"), n);
            assert_eq!(cell(row, &h, "name"), n);
            assert_eq!(cell(row, &h, "aliases:string[]"), "=alias");
        }
        let (h, rows) = read(&write_relationships(&g, Vec::new()).unwrap());
        assert_eq!(rows.len(), names.len() - 1);
        for row in &rows {
            for f in row.iter() {
                assert!(!f.starts_with(['=', '+', '-', '@', '\t']), "{f:?}");
            }
            assert_eq!(cell(row, &h, "verb"), "=HYPERLINK(\"x\")");
            assert_eq!(cell(row, &h, "evidence:string[]"), "@evil sentence");
        }
    }

    #[test]
    fn kuzu_definitions_name_the_files_and_every_relation() {
        let g = hostile_graph();
        let text = String::from_utf8(write_kuzu(&g, "seed", Vec::new()).unwrap()).unwrap();
        assert!(text.contains(
            "CREATE NODE TABLE Actor(id STRING PRIMARY KEY, labels STRING[], name STRING"
        ));
        assert!(text.contains("FROM 'seed.nodes.csv' (header = true, delim = ',', quote = '\"', escape = '\"', auto_detect = false)"));
        let kinds: BTreeSet<_> = g.relations().map(|(_, _, r)| r.relation).collect();
        for k in &kinds {
            assert!(text.contains(&format!(
                "CREATE REL TABLE {}(FROM Actor TO Actor, mode STRING",
                k.as_str()
            )));
            assert!(text.contains(&format!("WHERE relation = '{}' RETURN", k.as_str())));
        }
        assert_eq!(text.matches("COPY ").count(), kinds.len() + 1);
        assert!(text.contains("evidence ag_list") || text.contains("ag_list(evidence)"));
    }
}
