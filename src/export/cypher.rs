//! A Cypher script that loads the graph into Neo4j 5 (`cypher-shell -f`), FalkorDB or
//! Memgraph, and can be run again without duplicating anything. The labelling is the one
//! of every Neo4j route (the CSV pair, GraphML for APOC): every node is `:Actor` plus its
//! type (`:Actor:Person`), every relationship has its relation as type (`:CONSULT`).
//!
//! 1. the uniqueness of `Actor.id`, in the [`Dialect`]'s words:
//!    Neo4j 5 `CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;`,
//!    FalkorDB `CREATE INDEX FOR (n:Actor) ON (n.id);` (FalkorDB's unique constraints are a
//!    Redis command, not Cypher; the index makes MERGE fast, and on a second run this
//!    one statement fails with "already indexed", harmlessly), Memgraph
//!    `CREATE INDEX ON :Actor(id);` and `CREATE CONSTRAINT ON (n:Actor) ASSERT n.id IS UNIQUE;`;
//! 2. nodes, one statement per label set and at most [`BATCH`] rows:
//!    `UNWIND [{id: …, name: …}, …] AS row MERGE (n:Actor {id: row.id})
//!    SET n:Person, n.name = row.name, …;`
//! 3. relationships, one statement per relation and at most [`BATCH`] rows:
//!    `UNWIND […] AS row MATCH (a:Actor {id: row.s}), (b:Actor {id: row.o})
//!    MERGE (a)-[r:CONSULT {mode: row.mode}]->(b) SET r.verb = row.verb, …;`
//!
//! Everything after the first statement is the same in every dialect. The graph has one
//! edge per (source, relation, mode, target), every piece of evidence being a property of
//! that edge, so the MERGE key of a relationship is its two ends, its type and its `mode`
//! (`asserted`, `intended`, `negated`, `hypothetical`): re-running the script (or the
//! script of a grown graph) updates the relationship instead of adding one.
//!
//! Properties. Nodes: `id`, `name`, `type`, `aliases`, `titles`, `ids` (`scheme:id`
//! strings, e.g. `wikidata:Q843`), `mentions`, `documents`, `first_seen`, `last_seen`.
//! Relationships: `mode`, `verb`, `date`, `confidence`, `weight`, `role`, `status`, and
//! the evidence as parallel lists, one element per supporting sentence: `evidence` (the
//! texts), `evidence_refs` (`doc:sentence`), `evidence_dates` (`YYYY-MM-DD`, or `''`
//! when unknown) and `evidence_reported_by` (the id of the actor who reported it, or
//! `''`), then `documents`, `first_seen`, `last_seen`. Lists are lists of strings
//! (Neo4j stores no null in a list); dates go through `date()` and are null (no
//! property) when absent or not a real `YYYY-MM-DD` date, written as
//! `CASE WHEN … IS NULL THEN null ELSE date(…) END` so that no dialect sees `date(null)`.
//!
//! String literals are single-quoted. `\` and `'` are escaped with a backslash, and
//! line feed, carriage return, tab, backspace and form feed as `\n`, `\r`, `\t`, `\b`,
//! `\f`; Neo4j, FalkorDB and Memgraph read these. Other characters are written as they
//! are, because FalkorDB does not read `\uXXXX` escapes (it keeps them as six
//! characters): that includes other control characters and the invisible U+200B or
//! U+202E, which stay inside their quotes. The one exception is U+0000, which FalkorDB
//! cannot hold in a query: it becomes U+FFFD. `//` and `/*` inside strings are just text.

use super::{evidence_docs, finite, id_pairs, neo4j_labels, valid_date, REPLACEMENT};
use crate::graph::ActorGraph;
use crate::model::{EntityType, Relation, RelationKind};
use indexmap::IndexMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Rows per UNWIND statement.
pub const BATCH: usize = 500;

/// Which database the script is written for: only the statement that makes actor ids
/// unique differs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// Neo4j 5 (`cypher-shell -f`); also what `../shared/validators` loads into FalkorDB.
    #[default]
    Neo4j,
    /// FalkorDB (`redis-cli GRAPH.QUERY`, or a client's `graph.query`, one statement each).
    FalkorDb,
    /// Memgraph (`mgconsole < FILE`).
    Memgraph,
}

impl Dialect {
    pub const ALL: [Dialect; 3] = [Dialect::Neo4j, Dialect::FalkorDb, Dialect::Memgraph];

    /// The name `--cypher-dialect` takes.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Neo4j => "neo4j",
            Dialect::FalkorDb => "falkordb",
            Dialect::Memgraph => "memgraph",
        }
    }

    /// The statements that make `Actor.id` unique (or at least indexed).
    fn id_statements(self) -> &'static [&'static str] {
        match self {
            Dialect::Neo4j => &[
                "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;",
            ],
            Dialect::FalkorDb => &["CREATE INDEX FOR (n:Actor) ON (n.id);"],
            Dialect::Memgraph => &[
                "CREATE INDEX ON :Actor(id);",
                "CREATE CONSTRAINT ON (n:Actor) ASSERT n.id IS UNIQUE;",
            ],
        }
    }

    /// How to run the script, for its header.
    fn how_to_run(self) -> &'static str {
        match self {
            Dialect::Neo4j => "Neo4j 5: cypher-shell -f FILE",
            Dialect::FalkorDb => {
                "FalkorDB: run each statement with GRAPH.QUERY (or a client's graph.query)"
            }
            Dialect::Memgraph => "Memgraph: mgconsole < FILE",
        }
    }
}

impl std::str::FromStr for Dialect {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let n = s.trim().to_ascii_lowercase();
        Dialect::ALL
            .into_iter()
            .find(|d| d.name() == n)
            .ok_or_else(|| {
                format!("unknown Cypher dialect {s:?} (known: neo4j, falkordb, memgraph)")
            })
    }
}

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

/// `date(row.KEY)`, null-safe in every dialect.
fn date_of(key: &str) -> String {
    format!("CASE WHEN row.{key} IS NULL THEN null ELSE date(row.{key}) END")
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
    let docs = evidence_docs(&r.evidence);
    let texts: Vec<&str> = r.evidence.iter().map(|e| e.text.as_str()).collect();
    let refs: Vec<String> = r
        .evidence
        .iter()
        .map(|e| format!("{}:{}", e.doc, e.sentence))
        .collect();
    let dates: Vec<&str> = r
        .evidence
        .iter()
        .map(|e| valid_date(e.date.as_deref()).unwrap_or(""))
        .collect();
    let reporters: Vec<&str> = r
        .evidence
        .iter()
        .map(|e| e.reported_by.as_deref().unwrap_or(""))
        .collect();
    let mut row = String::new();
    let _ = write!(
        row,
        "{{s: {}, o: {}, mode: {}, verb: {}, date: {}, confidence: {}, weight: {}, role: {}, \
         status: {}, evidence: {}, evidence_refs: {}, evidence_dates: {}, \
         evidence_reported_by: {}, documents: {}, first_seen: {}, last_seen: {}}}",
        string(s),
        string(o),
        string(r.mode.as_str()),
        string(&r.verb),
        date(r.date.as_deref()),
        float(r.confidence),
        r.weight(),
        opt_string(r.role.as_deref()),
        opt_string(r.status.map(|x| x.as_str())),
        list(&texts),
        list(&refs),
        list(&dates),
        list(&reporters),
        list(&docs),
        date(r.first_seen.as_deref()),
        date(r.last_seen.as_deref()),
    );
    row
}

/// Writes the graph as a Neo4j 5 Cypher script.
pub fn write<W: Write>(graph: &ActorGraph, w: W) -> io::Result<W> {
    write_dialect(graph, Dialect::Neo4j, w)
}

/// Writes the graph as a Cypher script in `dialect`.
pub fn write_dialect<W: Write>(graph: &ActorGraph, dialect: Dialect, mut w: W) -> io::Result<W> {
    writeln!(
        w,
        "// actorgraph: political actors and their relations. Idempotent: MERGE on ids."
    )?;
    writeln!(w, "// Dialect {}. {}", dialect.name(), dialect.how_to_run())?;
    for s in dialect.id_statements() {
        writeln!(w, "{s}")?;
    }
    writeln!(w)?;

    let mut by_type: IndexMap<EntityType, Vec<String>> = IndexMap::new();
    for a in graph.actors() {
        let row = format!(
            "{{id: {}, name: {}, type: {}, aliases: {}, titles: {}, ids: {}, mentions: {}, \
             documents: {}, first_seen: {}, last_seen: {}}}",
            string(&a.id),
            string(&a.name),
            string(a.kind.as_str()),
            list(&a.aliases),
            list(&a.titles),
            list(&id_pairs(a)),
            a.mentions,
            a.documents,
            date(a.first_seen.as_deref()),
            date(a.last_seen.as_deref()),
        );
        by_type.entry(a.kind).or_default().push(row);
    }
    by_type.sort_keys();
    for (kind, rows) in &by_type {
        let [actor, label] = neo4j_labels(*kind);
        let tail = format!(
            "MERGE (n:{actor} {{id: row.id}})\n\
             SET n:{label}, n.name = row.name, n.type = row.type, n.aliases = row.aliases, \
             n.titles = row.titles, n.ids = row.ids, n.mentions = row.mentions, \
             n.documents = row.documents, n.first_seen = {}, n.last_seen = {}",
            date_of("first_seen"),
            date_of("last_seen"),
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
            "MATCH (a:Actor {{id: row.s}}), (b:Actor {{id: row.o}})\n\
             MERGE (a)-[r:{} {{mode: row.mode}}]->(b)\n\
             SET r.verb = row.verb, r.date = {}, r.confidence = row.confidence, \
             r.weight = row.weight, r.role = row.role, r.status = row.status, \
             r.evidence = row.evidence, r.evidence_refs = row.evidence_refs, \
             r.evidence_dates = row.evidence_dates, \
             r.evidence_reported_by = row.evidence_reported_by, \
             r.documents = row.documents, r.first_seen = {}, r.last_seen = {}",
            kind.as_str(),
            date_of("date"),
            date_of("first_seen"),
            date_of("last_seen"),
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
            .find("CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor)")
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
        let merges = text.matches("MERGE (n:Actor {id: row.id})").count();
        let types: std::collections::HashSet<_> = g.actors().map(|a| a.kind).collect();
        assert_eq!(merges, types.len());
        let rels: std::collections::HashSet<_> =
            g.relations().map(|(_, _, r)| r.relation).collect();
        assert_eq!(text.matches("MERGE (a)-[r:").count(), rels.len());
        assert!(text.contains("SET n:Person, n.name = row.name"));
        assert!(
            !text.contains("Entity"),
            "one labelling: Actor plus the type"
        );
        assert!(text.contains("MERGE (a)-[r:CONSULT {mode: row.mode}]->(b)"));
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

    /// The dialects differ only in the statements before the first UNWIND; modes,
    /// identifiers and every evidence item's date and reporter are carried.
    #[test]
    fn dialects_differ_only_in_the_id_statements() {
        let mut g = hostile_graph();
        let (s, t, r) = g
            .relations()
            .next()
            .map(|(s, t, r)| (s.id.clone(), t.id.clone(), r.clone()))
            .unwrap();
        let mut negated = r;
        negated.mode = crate::model::Mode::Negated;
        negated.evidence[0].date = Some("2024-05-01".into());
        negated.evidence[0].reported_by = Some(t.as_str().into());
        g.insert_relation(&s, &t, negated);
        let mut a = g.actor("h1").unwrap().clone();
        a.ids.insert("wikidata".into(), "Q843".into());
        g.insert_actor(a);
        let texts: Vec<String> = Dialect::ALL
            .iter()
            .map(|d| String::from_utf8(write_dialect(&g, *d, Vec::new()).unwrap()).unwrap())
            .collect();
        let body = |t: &str| t[t.find("UNWIND").unwrap()..].to_string();
        assert_eq!(body(&texts[0]), body(&texts[1]));
        assert_eq!(body(&texts[0]), body(&texts[2]));
        assert!(texts[1].contains("\nCREATE INDEX FOR (n:Actor) ON (n.id);\n"));
        assert!(
            !texts[1].contains("REQUIRE"),
            "FalkorDB has no CREATE CONSTRAINT"
        );
        assert!(texts[2].contains("CREATE CONSTRAINT ON (n:Actor) ASSERT n.id IS UNIQUE;"));
        let text = &texts[0];
        assert!(text.contains("mode: 'negated'") && text.contains("mode: 'asserted'"));
        assert!(text.contains("ids: ['wikidata:Q843']"));
        assert!(text.contains("evidence_reported_by: ['h1']"));
        assert!(text.contains("evidence_dates: ['2024-05-01']"));
        assert!(
            !text.contains("= date(row."),
            "no date(null) in any dialect"
        );
        assert!(
            text.contains("r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END")
        );
        assert_eq!("FalkorDB".parse::<Dialect>().unwrap(), Dialect::FalkorDb);
        assert!("oracle".parse::<Dialect>().is_err());
    }
}
