//! Property test: random small graphs with hostile names and ids go through every
//! exporter and are read back with a real parser; names (or their documented
//! replacement) and node and edge counts must survive.

use super::testutil::{cypher_names, dot_expected, dot_unquote, parse_xml};
use super::{cypher, dot, gexf, graphml, jsonld, neo4j, rdf, safe_id, tsv, xml_safe};
use crate::graph::ActorGraph;
use crate::model::{Actor, EntityType, Evidence, Relation, RelationKind};
use proptest::prelude::*;

fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::sample::select(vec![
            '"', '\\', '\n', '\r', '\t', '<', '>', '&', ']', '[', ';', ',', '\'', '/', '*', '{',
            '}', '#', ':', '.', '%', '=', '-', ' ', '\u{7}', '\u{0}', '\u{1b}', '\u{7f}',
            '\u{85}', '\u{202E}', '\u{200B}', '\u{FFFE}', 'é', 'ж', '中', '🎉',
            // letters XML 1.0 fifth edition allows in names but the fourth does not
            '\u{1C4}', '\u{1C6}', '\u{B2}', '\u{1D400}', '\u{FF21}', '\u{13A0}', '\u{A997}',
            '@', '+', '\'',
        ]),
        4 => proptest::char::range('a', 'z'),
        1 => any::<char>(),
    ]
}

fn hostile_string() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..10).prop_map(|cs| cs.into_iter().collect())
}

fn keyword() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => hostile_string(),
        1 => proptest::sample::select(vec![
            "node", "graph", "subgraph", "digraph", "edge", "strict", "<b>bold</b>", "]]>",
            "MATCH (n) DETACH DELETE n", "' OR 1=1 //", "/* x */",
        ])
        .prop_map(String::from),
    ]
}

#[derive(Debug, Clone)]
struct Spec {
    actors: Vec<(String, usize, Vec<String>)>,
    edges: Vec<(usize, usize, usize, String, String, Option<String>)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (1usize..6).prop_flat_map(|n| {
        let actors = prop::collection::vec(
            (
                keyword(),
                0..EntityType::ALL.len(),
                prop::collection::vec(hostile_string(), 0..3),
            ),
            n,
        );
        let edges = prop::collection::vec(
            (
                0..n,
                0..n,
                0..RelationKind::ALL.len(),
                keyword(),
                hostile_string(),
                prop::option::of(prop_oneof![
                    Just("2024-05-08".to_string()),
                    Just("2024-02-30".to_string()),
                    hostile_string(),
                ]),
            ),
            0..8,
        );
        (actors, edges).prop_map(|(actors, edges)| Spec { actors, edges })
    })
}

fn build(spec: &Spec) -> ActorGraph {
    let mut g = ActorGraph::new();
    for (i, (name, kind, aliases)) in spec.actors.iter().enumerate() {
        g.insert_actor(Actor {
            ids: Default::default(),
            // Unique whatever the name: the last `#digits` tells them apart.
            id: format!("{name}#{i}"),
            name: name.clone(),
            kind: EntityType::ALL[*kind],
            aliases: aliases.clone(),
            titles: vec![name.clone()],
            mentions: 1,
            documents: 1,
            first_seen: Some("2024-05-08".into()),
            last_seen: None,
        });
    }
    for (s, t, k, verb, text, date) in &spec.edges {
        let sid = format!("{}#{s}", spec.actors[*s].0);
        let tid = format!("{}#{t}", spec.actors[*t].0);
        g.insert_relation(
            &sid,
            &tid,
            Relation {
                mode: Default::default(),
                relation: RelationKind::ALL[*k],
                verb: verb.clone(),
                date: date.clone(),
                confidence: 0.5,
                role: Some(text.clone()),
                status: None,
                evidence: vec![Evidence {
                    date: None,
                    reported_by: None,
                    doc: text.clone().into(),
                    sentence: 1,
                    start: 0,
                    end: 3,
                    text: text.clone().into(),
                }],
                first_seen: date.clone(),
                last_seen: date.clone(),
            },
        );
    }
    g
}

fn check_jsonld(g: &ActorGraph) {
    let bytes = jsonld::write(g, Vec::new()).unwrap();
    let want: std::collections::BTreeSet<String> = rdf::triples(g, jsonld::BASE)
        .iter()
        .map(|t| format!("{t} ."))
        .collect();
    assert_eq!(
        jsonld::read_back(&bytes),
        want,
        "JSON-LD holds the RDF triples"
    );
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let graph = v["@graph"].as_array().unwrap();
    let mut names: Vec<&str> = graph
        .iter()
        .filter(|n| n["id"].as_str().unwrap().starts_with("ag:actor/"))
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    let mut want: Vec<&str> = g.actors().map(|a| a.name.as_str()).collect();
    names.sort();
    want.sort();
    assert_eq!(names, want);
    let statements = graph.iter().filter(|n| n["type"] == "Statement").count();
    assert_eq!(statements, g.edge_count());
}

fn check_rdf(g: &ActorGraph) {
    let want: std::collections::BTreeSet<String> = rdf::triples(g, jsonld::BASE)
        .iter()
        .map(|t| t.to_string())
        .collect();
    let nt = rdf::write_ntriples(g, jsonld::BASE, Vec::new()).unwrap();
    let got: std::collections::BTreeSet<String> = oxttl::NTriplesParser::new()
        .for_slice(&nt)
        .map(|t| t.unwrap().to_string())
        .collect();
    assert_eq!(got, want);
    let ttl = rdf::write_turtle(g, jsonld::BASE, Vec::new()).unwrap();
    let got: std::collections::BTreeSet<String> = oxttl::TurtleParser::new()
        .for_slice(&ttl)
        .map(|t| t.unwrap().to_string())
        .collect();
    assert_eq!(got, want);
}

/// An `NMTOKEN` by the rules of XML 1.0 fourth edition (libxml2's schema validators).
fn assert_nmtoken(id: &str) {
    assert!(!id.is_empty());
    assert!(
        id.chars().all(|c| c.is_ascii_alphanumeric()
            || matches!(c, '.' | '-' | '_' | ':')
            || super::is_xml_letter_or_digit(c)),
        "{id:?} is not an NMTOKEN"
    );
}

fn check_graphml(g: &ActorGraph) {
    let root = parse_xml(&graphml::write(g, Vec::new()).unwrap());
    let graph = root.first("graph").unwrap();
    let names: Vec<String> = graph
        .all("node")
        .map(|n| {
            n.all("data")
                .find(|d| d.attr("key") == Some("n_name"))
                .unwrap()
                .text
                .clone()
        })
        .collect();
    let want: Vec<String> = g.actors().map(|a| xml_safe(&a.name).into()).collect();
    assert_eq!(names, want);
    let ids: Vec<&str> = graph.all("node").map(|n| n.attr("id").unwrap()).collect();
    let want_ids: Vec<String> = g.actors().map(|a| safe_id(&a.id).into()).collect();
    assert_eq!(ids, want_ids);
    assert_eq!(graph.all("edge").count(), g.edge_count());
    let mut edge_ids = std::collections::HashSet::new();
    for id in ids
        .iter()
        .copied()
        .chain(graph.all("edge").map(|e| e.attr("id").unwrap()))
    {
        assert_nmtoken(id);
    }
    for e in graph.all("edge") {
        assert!(
            edge_ids.insert(e.attr("id").unwrap()),
            "edge ids are unique"
        );
    }
}

fn check_gexf(g: &ActorGraph) {
    let root = parse_xml(&gexf::write(g, Vec::new()).unwrap());
    let graph = root.first("graph").unwrap();
    let nodes: Vec<_> = graph.first("nodes").unwrap().all("node").collect();
    assert_eq!(nodes.len(), g.node_count());
    for (n, a) in nodes.iter().zip(g.actors()) {
        let name = n
            .first("attvalues")
            .unwrap()
            .all("attvalue")
            .find(|v| v.attr("for") == Some("name"))
            .unwrap()
            .attr("value")
            .unwrap();
        assert_eq!(name, xml_safe(&a.name));
        assert_eq!(n.attr("label").unwrap(), gexf::token(&xml_safe(&a.name)));
        assert_nmtoken(n.attr("id").unwrap());
    }
    assert_eq!(
        graph.first("edges").unwrap().all("edge").count(),
        g.edge_count()
    );
}

fn check_dot(g: &ActorGraph) {
    use graphviz_rust::dot_structures::{Attribute, Graph, Id, Stmt};
    let text = String::from_utf8(dot::write(g, Vec::new()).unwrap()).unwrap();
    let parsed = graphviz_rust::parse(&text).unwrap();
    let Graph::DiGraph { stmts, .. } = parsed else {
        panic!("not a digraph")
    };
    let mut labels = Vec::new();
    let mut edges = 0;
    for s in &stmts {
        match s {
            Stmt::Node(n) => {
                let label = n
                    .attributes
                    .iter()
                    .find(|Attribute(k, _)| matches!(k, Id::Plain(k) if k == "label"))
                    .map(|Attribute(_, v)| v)
                    .unwrap();
                let Id::Escaped(q) = label else {
                    panic!("label not quoted: {label:?}")
                };
                labels.push(dot_unquote(q));
            }
            Stmt::Edge(_) => edges += 1,
            _ => {}
        }
    }
    let want: Vec<String> = g.actors().map(|a| dot_expected(&a.name)).collect();
    assert_eq!(labels, want);
    assert_eq!(edges, g.edge_count());
}

fn check_neo4j(g: &ActorGraph) {
    let nodes = neo4j::write_nodes(g, Vec::new()).unwrap();
    let mut r = csv::Reader::from_reader(&nodes[..]);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    let names: Vec<&str> = rows.iter().map(|r| &r[2]).collect();
    let want: Vec<String> = g.actors().map(|a| neo4j::field(&a.name).into()).collect();
    assert_eq!(names, want);
    let rels = neo4j::write_relationships(g, Vec::new()).unwrap();
    let mut r = csv::Reader::from_reader(&rels[..]);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), g.edge_count());
    for row in &rows {
        assert_eq!(row.len(), neo4j::RELATIONSHIP_HEADER.len());
    }
}

fn check_cypher(g: &ActorGraph) {
    let text = String::from_utf8(cypher::write(g, Vec::new()).unwrap()).unwrap();
    let mut names = cypher_names(&text);
    let mut want: Vec<String> = g
        .actors()
        .map(|a| a.name.replace('\0', "\u{FFFD}"))
        .collect();
    names.sort();
    want.sort();
    assert_eq!(names, want);
    assert_eq!(text.matches("{s: ").count(), g.edge_count());
}

fn check_tsv(g: &ActorGraph) {
    let text = String::from_utf8(tsv::write(g, Vec::new()).unwrap()).unwrap();
    let lines: Vec<&str> = text.split('\n').filter(|l| !l.is_empty()).collect();
    let evidence: usize = g.relations().map(|(_, _, r)| r.weight()).sum();
    assert_eq!(lines.len(), evidence + 1);
    let subjects = g
        .relations()
        .flat_map(|(s, _, r)| std::iter::repeat_n(s, r.weight()));
    for (line, s) in lines[1..].iter().zip(subjects) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), tsv::HEADER.len());
        assert_eq!(f[0], tsv::field(&s.name));
        for cell in &f {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "formula cell {cell:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_exporter_round_trips_names_and_counts(spec in spec()) {
        let g = build(&spec);
        check_jsonld(&g);
        check_rdf(&g);
        check_graphml(&g);
        check_gexf(&g);
        check_dot(&g);
        check_neo4j(&g);
        check_cypher(&g);
        check_tsv(&g);
    }
}

#[test]
fn the_fixed_hostile_graph_round_trips_too() {
    let g = super::testutil::hostile_graph();
    check_jsonld(&g);
    check_rdf(&g);
    check_graphml(&g);
    check_gexf(&g);
    check_dot(&g);
    check_neo4j(&g);
    check_cypher(&g);
    check_tsv(&g);
}
