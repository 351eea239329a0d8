//! A Cypher script that loads the graph into Neo4j (`cypher-shell -f`) or FalkorDB, and
//! can be run again without duplicating anything:
//!
//! 1. `CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;`
//! 2. nodes, one statement per label set and at most [`BATCH`] rows:
//!    `UNWIND [{id: …, name: …}, …] AS row MERGE (n:Entity {id: row.id})
//!    SET n:Actor:Person, n.name = row.name, …;`
//! 3. relationships, one statement per relation and at most [`BATCH`] rows:
//!    `UNWIND […] AS row MATCH (a:Entity {id: row.s}), (b:Entity {id: row.o})
//!    MERGE (a)-[r:CONSULT]->(b) SET r.verb = row.verb, …;`
//!
//! The graph has one edge per (source, relation, target), every piece of evidence being
//! a property of that edge, so the MERGE key of a relationship is its two ends and its
//! type: re-running the script (or the script of a grown graph) updates the
//! relationship instead of adding one. Lists (aliases, titles, evidence texts, evidence
//! references `doc:sentence`, documents) are lists of strings; dates go through
//! `date()` and are null (no property) when absent or not a real `YYYY-MM-DD` date.
//!
//! String literals are single-quoted. `\` and `'` are escaped with a backslash, and
//! line feed, carriage return, tab, backspace and form feed as `\n`, `\r`, `\t`, `\b`,
//! `\f`; both Neo4j and FalkorDB read these. Other characters are written as they are,
//! because FalkorDB does not read `\uXXXX` escapes (it keeps them as six characters):
//! that includes other control characters and the invisible U+200B or U+202E, which
//! stay inside their quotes. The one exception is U+0000, which FalkorDB cannot hold
//! in a query: it becomes U+FFFD. `//` and `/*` inside strings are just text.

use super::{finite, neo4j_labels, valid_date, REPLACEMENT};
use crate::graph::ActorGraph;
use crate::model::{EntityType, Relation, RelationKind};
use indexmap::IndexMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Rows per UNWIND statement.
pub const BATCH: usize = 500;

/// A Cypher string literal (see the module docs).
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\0' => out.push(REPLACEMENT),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn opt_string(s: Option<&str>) -> String {
    s.map(string).unwrap_or_else(|| "null".into())
}

fn list<S: AsRef<str>>(items: &[S]) -> String {
    let parts: Vec<String> = items.iter().map(|s| string(s.as_ref())).collect();
    format!("[{}]", parts.join(", "))
}

fn float(x: f64) -> String {
    match finite(x) {
        // `{:?}` always has a decimal point or exponent, so Cypher reads a float.
        Some(x) => format!("{x:?}"),
        None => "null".into(),
    }
}

fn date(d: Option<&str>) -> String {
    opt_string(valid_date(d))
}

fn write_batches<W: Write>(w: &mut W, rows: &[String], tail: &str) -> io::Result<()> {
    for chunk in rows.chunks(BATCH) {
        writeln!(w, "UNWIND [")?;
        for (i, row) in chunk.iter().enumerate() {
            let sep = if i + 1 < chunk.len() { "," } else { "" };
            writeln!(w, "  {row}{sep}")?;
        }
        writeln!(w, "] AS row")?;
        writeln!(w, "{tail};")?;
        writeln!(w)?;
    }
    Ok(())
}

fn relation_row(s: &str, o: &str, r: &Relation) -> String {
    let mut docs: Vec<&str> = Vec::new();
    for e in &r.evidence {
        if !docs.contains(&e.doc.as_str()) {
            docs.push(&e.doc);
        }
    }
    let texts: Vec<&str> = r.evidence.iter().map(|e| e.text.as_str()).collect();
    let refs: Vec<String> = r
        .evidence
        .iter()
        .map(|e| format!("{}:{}", e.doc, e.sentence))
        .collect();
    let mut row = String::new();
    let _ = write!(
        row,
        "{{s: {}, o: {}, verb: {}, date: {}, confidence: {}, weight: {}, role: {}, status: {}, \
         evidence: {}, evidence_refs: {}, documents: {}, first_seen: {}, last_seen: {}}}",
        string(s),
        string(o),
        string(&r.verb),
        date(r.date.as_deref()),
        float(r.confidence),
        r.weight(),
        opt_string(r.role.as_deref()),
        opt_string(r.status.map(|x| x.as_str())),
        list(&texts),
        list(&refs),
        list(&docs),
        date(r.first_seen.as_deref()),
        date(r.last_seen.as_deref()),
    );
    row
}

/// Writes the graph as a Cypher script.
pub fn write<W: Write>(graph: &ActorGraph, mut w: W) -> io::Result<W> {
    writeln!(
        w,
        "// actorgraph: political actors and their relations. Idempotent: MERGE on ids."
    )?;
    writeln!(
        w,
        "// Neo4j: cypher-shell -f FILE   (FalkorDB reads it too)"
    )?;
    writeln!(
        w,
        "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;"
    )?;
    writeln!(w)?;

    let mut by_type: IndexMap<EntityType, Vec<String>> = IndexMap::new();
    for a in graph.actors() {
        let row = format!(
            "{{id: {}, name: {}, type: {}, aliases: {}, titles: {}, mentions: {}, documents: {}, \
             first_seen: {}, last_seen: {}}}",
            string(&a.id),
            string(&a.name),
            string(a.kind.as_str()),
            list(&a.aliases),
            list(&a.titles),
            a.mentions,
            a.documents,
            date(a.first_seen.as_deref()),
            date(a.last_seen.as_deref()),
        );
        by_type.entry(a.kind).or_default().push(row);
    }
    by_type.sort_keys();
    for (kind, rows) in &by_type {
        let labels = neo4j_labels(*kind).join(":");
        let tail = format!(
            "MERGE (n:Entity {{id: row.id}})\n\
             SET n:{labels}, n.name = row.name, n.type = row.type, n.aliases = row.aliases, \
             n.titles = row.titles, n.mentions = row.mentions, n.documents = row.documents, \
             n.first_seen = date(row.first_seen), n.last_seen = date(row.last_seen)"
        );
        write_batches(&mut w, rows, &tail)?;
    }

    let mut by_rel: IndexMap<RelationKind, Vec<String>> = IndexMap::new();
    for (s, t, r) in graph.relations() {
        by_rel
            .entry(r.relation)
            .or_default()
            .push(relation_row(&s.id, &t.id, r));
    }
    by_rel.sort_keys();
    for (kind, rows) in &by_rel {
        let tail = format!(
            "MATCH (a:Entity {{id: row.s}}), (b:Entity {{id: row.o}})\n\
             MERGE (a)-[r:{}]->(b)\n\
             SET r.verb = row.verb, r.date = date(row.date), r.confidence = row.confidence, \
             r.weight = row.weight, r.role = row.role, r.status = row.status, \
             r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, \
             r.documents = row.documents, r.first_seen = date(row.first_seen), \
             r.last_seen = date(row.last_seen)",
            kind.as_str()
        );
        write_batches(&mut w, rows, &tail)?;
    }
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::{cypher_names, hostile_graph};

    #[test]
    fn hostile_names_read_back_from_the_literals() {
        let g = hostile_graph();
        let text = String::from_utf8(write(&g, Vec::new()).unwrap()).unwrap();
        assert!(text.starts_with("// actorgraph"));
        let constraint = text
            .find("CREATE CONSTRAINT entity_id IF NOT EXISTS")
            .unwrap();
        assert!(
            constraint < text.find("UNWIND").unwrap(),
            "constraint first"
        );
        let mut names = cypher_names(&text);
        let mut want: Vec<String> = g.actors().map(|a| a.name.clone()).collect();
        names.sort();
        want.sort();
        assert_eq!(names, want);
        // one MERGE per label set and per relation type
        let merges = text.matches("MERGE (n:Entity").count();
        let types: std::collections::HashSet<_> = g.actors().map(|a| a.kind).collect();
        assert_eq!(merges, types.len());
        let rels: std::collections::HashSet<_> =
            g.relations().map(|(_, _, r)| r.relation).collect();
        assert_eq!(text.matches("MERGE (a)-[r:").count(), rels.len());
        assert!(text.contains("SET n:Actor:Person, n.name = row.name"));
        assert!(text.contains("date: null"), "bad dates are null");
    }

    #[test]
    fn literals() {
        assert_eq!(string("O'Brien"), r"'O\'Brien'");
        assert_eq!(string("a\\b"), r"'a\\b'");
        assert_eq!(string("l1\nl2\r\t"), r"'l1\nl2\r\t'");
        assert_eq!(string("// /* */"), "'// /* */'");
        assert_eq!(string("nul\0"), "'nul\u{FFFD}'");
        assert_eq!(float(1.0), "1.0");
        assert_eq!(float(f64::NAN), "null");
    }

    #[test]
    fn batches_of_500() {
        let mut g = ActorGraph::new();
        for i in 0..(BATCH + 3) {
            g.insert_actor(crate::model::Actor {
                ids: Default::default(),
                id: format!("p{i}"),
                name: format!("P {i}"),
                kind: EntityType::Person,
                aliases: vec![],
                titles: vec![],
                mentions: 1,
                documents: 1,
                first_seen: None,
                last_seen: None,
            });
        }
        let text = String::from_utf8(write(&g, Vec::new()).unwrap()).unwrap();
        assert_eq!(text.matches("UNWIND [").count(), 2);
        assert_eq!(cypher_names(&text).len(), BATCH + 3);
    }
}
