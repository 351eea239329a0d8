//! GraphML 1.0, written with quick-xml's writer, for Neo4j APOC
//! (`apoc.import.graphml(file, {readLabels: true, storeNodeIds: true})`), Gephi, networkx
//! and igraph. It follows `validators/README.md`:
//!
//! * typed `<key>`s, separate for nodes and edges (never `for="all"`), each with
//!   `attr.name` and an `attr.type` Java can parse (`string`, `int`, `double`);
//! * node `<data key="labels">:Actor:Person</data>` (APOC matches the key *id*);
//! * the edge's first `<data>` is `key="label"` holding the relation (`CONSULT`), which
//!   APOC turns into the relationship type and Gephi shows as the edge label;
//! * a node key with attr.name `label` (id `n_label`, the actor's name) for Gephi;
//! * edge `weight` (double) = number of supporting sentences, for Gephi;
//! * every node before every edge;
//! * every edge its own id, made of its ends, relation and mode
//!   ([`super::gexf::edge_id`], as in GEXF: `imran-khan:CONSULT:asserted:pakistan`), so
//!   parallel edges of different relations (or modes) stay apart in every reader; the
//!   relation is also an edge column (`relation`), and `mode` says how the sentences
//!   report it. Gephi's GraphML importer has no edge kind, and may merge parallel edges
//!   on import (its merge strategy): open the GEXF in Gephi to keep them apart there.
//!
//! Node ids are the actor ids through [`safe_id`](super::safe_id) (GraphML ids are
//! `NMTOKEN`s), so `storeNodeIds` gives the actor id for slugs. Lists and maps are JSON
//! strings, the portable choice (APOC: `apoc.convert.fromJsonList`/`fromJsonMap`):
//! `aliases`, `titles`, `ids` (scheme → identifier, `{"wikidata": "Q843"}`),
//! `documents`, and `evidence_all`, every supporting sentence as an object with `doc`,
//! `sentence`, `start`, `end`, `text` and, when known, `date` and `reported_by` (an actor
//! id); `evidence` and `source_doc` are the first sentence and its document, for tools
//! that show one. GraphML has no date type (only boolean, int, long, float, double and
//! string), so dates are `YYYY-MM-DD` strings. Counts are `int`, saturating at 2^31-1.
//!
//! Text: characters XML 1.0 cannot hold (C0 controls other than tab, line feed and
//! carriage return) become U+FFFD; everything else, carriage returns included, reads
//! back exactly. JSON strings escape control characters themselves, so aliases and
//! titles read back exactly in every case.

use super::{finite, java_int, neo4j_labels, safe_id, xml_attr, xml_text};
use crate::graph::ActorGraph;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use serde::Serialize;
use std::io::{self, Write};

const NS: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA_LOCATION: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// (key id, domain, attr.name, attr.type), in the order the data appear.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("g_documents", "graph", "source_documents", "string"),
    ("labels", "node", "labels", "string"),
    ("n_label", "node", "label", "string"),
    ("n_name", "node", "name", "string"),
    ("n_type", "node", "type", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_titles", "node", "titles", "string"),
    ("n_ids", "node", "ids", "string"),
    ("n_mentions", "node", "mentions", "int"),
    ("n_documents", "node", "documents", "int"),
    ("n_first_seen", "node", "first_seen", "string"),
    ("n_last_seen", "node", "last_seen", "string"),
    ("label", "edge", "label", "string"),
    ("weight", "edge", "weight", "double"),
    ("e_relation", "edge", "relation", "string"),
    ("e_mode", "edge", "mode", "string"),
    ("e_verb", "edge", "verb", "string"),
    ("e_date", "edge", "date", "string"),
    ("e_confidence", "edge", "confidence", "double"),
    ("e_role", "edge", "role", "string"),
    ("e_status", "edge", "status", "string"),
    ("e_evidence", "edge", "evidence", "string"),
    ("e_evidence_all", "edge", "evidence_all", "string"),
    ("e_source_doc", "edge", "source_doc", "string"),
    ("e_documents", "edge", "documents", "string"),
    ("e_first_seen", "edge", "first_seen", "string"),
    ("e_last_seen", "edge", "last_seen", "string"),
];

fn data<W: Write>(xw: &mut Writer<W>, key: &str, value: &str) -> io::Result<()> {
    xw.create_element("data")
        .with_attribute(("key", key))
        .write_text_content(BytesText::from_escaped(xml_text(value)))?;
    Ok(())
}

fn json<T: Serialize + ?Sized>(v: &T) -> io::Result<String> {
    serde_json::to_string(v).map_err(io::Error::other)
}

/// Writes the graph as GraphML.
pub fn write<W: Write>(graph: &ActorGraph, w: W) -> io::Result<W> {
    let mut xw = Writer::new_with_indent(w, b' ', 2);
    xw.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    xw.write_event(Event::Start(BytesStart::new("graphml").with_attributes([
        ("xmlns", NS),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ("xsi:schemaLocation", SCHEMA_LOCATION),
    ])))?;
    for (id, domain, name, ty) in KEYS {
        xw.create_element("key")
            .with_attributes([
                ("id", *id),
                ("for", *domain),
                ("attr.name", *name),
                ("attr.type", *ty),
            ])
            .write_empty()?;
    }
    xw.write_event(Event::Start(
        BytesStart::new("graph").with_attributes([("id", "G"), ("edgedefault", "directed")]),
    ))?;
    data(&mut xw, "g_documents", &json(graph.documents())?)?;

    for a in graph.actors() {
        let id = safe_id(&a.id);
        xw.write_event(Event::Start(
            BytesStart::new("node").with_attributes([xml_attr("id", &id)]),
        ))?;
        data(
            &mut xw,
            "labels",
            &format!(":{}", neo4j_labels(a.kind).join(":")),
        )?;
        data(&mut xw, "n_label", &a.name)?;
        data(&mut xw, "n_name", &a.name)?;
        data(&mut xw, "n_type", a.kind.as_str())?;
        data(&mut xw, "n_aliases", &json(&a.aliases)?)?;
        data(&mut xw, "n_titles", &json(&a.titles)?)?;
        if !a.ids.is_empty() {
            data(&mut xw, "n_ids", &json(&a.ids)?)?;
        }
        data(
            &mut xw,
            "n_mentions",
            &java_int(a.mentions.into()).to_string(),
        )?;
        data(
            &mut xw,
            "n_documents",
            &java_int(a.documents.into()).to_string(),
        )?;
        if let Some(d) = &a.first_seen {
            data(&mut xw, "n_first_seen", d)?;
        }
        if let Some(d) = &a.last_seen {
            data(&mut xw, "n_last_seen", d)?;
        }
        xw.write_event(Event::End(BytesEnd::new("node")))?;
    }

    for (s, t, r) in graph.relations() {
        let eid = super::gexf::edge_id(s, t, r);
        let (sid, tid) = (safe_id(&s.id), safe_id(&t.id));
        xw.write_event(Event::Start(BytesStart::new("edge").with_attributes([
            xml_attr("id", &eid),
            xml_attr("source", &sid),
            xml_attr("target", &tid),
        ])))?;
        // APOC reads the relationship type from the FIRST <data> only.
        data(&mut xw, "label", r.relation.as_str())?;
        data(&mut xw, "weight", &format!("{:.1}", r.weight() as f64))?;
        data(&mut xw, "e_relation", r.relation.as_str())?;
        data(&mut xw, "e_mode", r.mode.as_str())?;
        data(&mut xw, "e_verb", &r.verb)?;
        if let Some(d) = &r.date {
            data(&mut xw, "e_date", d)?;
        }
        if let Some(c) = finite(r.confidence) {
            data(&mut xw, "e_confidence", &c.to_string())?;
        }
        if let Some(role) = &r.role {
            data(&mut xw, "e_role", role)?;
        }
        if let Some(st) = r.status {
            data(&mut xw, "e_status", st.as_str())?;
        }
        if let Some(ev) = r.evidence.first() {
            data(&mut xw, "e_evidence", &ev.text)?;
            data(&mut xw, "e_source_doc", &ev.doc)?;
        }
        data(&mut xw, "e_evidence_all", &json(&r.evidence)?)?;
        data(
            &mut xw,
            "e_documents",
            &json(&super::evidence_docs(&r.evidence))?,
        )?;
        if let Some(d) = &r.first_seen {
            data(&mut xw, "e_first_seen", d)?;
        }
        if let Some(d) = &r.last_seen {
            data(&mut xw, "e_last_seen", d)?;
        }
        xw.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    xw.write_event(Event::End(BytesEnd::new("graph")))?;
    xw.write_event(Event::End(BytesEnd::new("graphml")))?;
    let mut w = xw.into_inner();
    w.write_all(b"\n")?;
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::{hostile_graph, parse_xml, Element};
    use crate::export::xml_safe;
    use std::collections::HashMap;

    fn datas(el: &Element) -> HashMap<String, String> {
        el.all("data")
            .map(|d| (d.attr("key").unwrap().to_string(), d.text.clone()))
            .collect()
    }

    #[test]
    fn hostile_names_read_back_and_apoc_conventions_hold() {
        let g = hostile_graph();
        let bytes = write(&g, Vec::new()).unwrap();
        let root = parse_xml(&bytes);
        assert_eq!(root.name, "graphml");
        assert_eq!(root.attr("xmlns"), Some(NS));
        let keys: Vec<_> = root.all("key").collect();
        for k in &keys {
            assert!(matches!(k.attr("for"), Some("node" | "edge" | "graph")));
            assert!(k.attr("attr.name").is_some());
            assert!(matches!(
                k.attr("attr.type"),
                Some("boolean" | "int" | "long" | "float" | "double" | "string")
            ));
        }
        let graph = root.first("graph").unwrap();
        let kinds: Vec<&str> = graph
            .children
            .iter()
            .map(|c| c.name.as_str())
            .filter(|n| *n != "data")
            .collect();
        let first_edge = kinds.iter().position(|k| *k == "edge").unwrap();
        assert!(
            kinds[first_edge..].iter().all(|k| *k == "edge"),
            "nodes before edges"
        );

        let nodes: Vec<_> = graph.all("node").collect();
        assert_eq!(nodes.len(), g.node_count());
        for (n, a) in nodes.iter().zip(g.actors()) {
            assert_eq!(n.attr("id").unwrap(), safe_id(&a.id));
            let d = datas(n);
            assert_eq!(d["n_name"], xml_safe(&a.name));
            assert_eq!(d["n_label"], xml_safe(&a.name));
            assert_eq!(d["labels"], format!(":Actor:{}", a.kind.as_str()));
            let aliases: Vec<String> = serde_json::from_str(&d["n_aliases"]).unwrap();
            assert_eq!(aliases, a.aliases, "JSON keeps even control characters");
            assert_eq!(d["n_mentions"], a.mentions.to_string());
        }
        let edges: Vec<_> = graph.all("edge").collect();
        assert_eq!(edges.len(), g.edge_count());
        for (e, (s, t, r)) in edges.iter().zip(g.relations()) {
            let first = e.first("data").unwrap();
            assert_eq!(first.attr("key"), Some("label"));
            assert_eq!(first.text, r.relation.as_str());
            assert_eq!(e.attr("source").unwrap(), safe_id(&s.id));
            assert_eq!(e.attr("target").unwrap(), safe_id(&t.id));
            let d = datas(e);
            assert_eq!(d["e_verb"], xml_safe(&r.verb));
            assert_eq!(d["weight"].parse::<f64>().unwrap(), r.weight() as f64);
            let ev: Vec<crate::model::Evidence> =
                serde_json::from_str(&d["e_evidence_all"]).unwrap();
            assert_eq!(ev, r.evidence);
        }
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains('\u{7}'));
        assert!(!text.contains("]]>"));
    }
}
