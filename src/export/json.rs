//! Node-link JSON, the contract of `ONTOLOGY.md`: what networkx's
//! `node_link_graph(d, edges="links")` and D3 read, and what the evaluation scores.
//! [`read`] loads such a file back into an [`ActorGraph`] (for `actorgraph render` and
//! `actorgraph merge`). Beside the contract's fields, a node that joins several forms of
//! an actor lists them (`forms`), a link that joins facts read between other forms than
//! its ends lists them (`parts`), and `graph.folded` keeps the facts whose two forms were
//! linked into one actor: what a merge needs to resolve the graph again
//! ([`crate::graph::merge`]).

use crate::graph::{ActorGraph, Part};
use crate::model::{Actor, DocumentInfo, Relation};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{self, Read, Write};

#[derive(Serialize, Deserialize)]
struct GraphAttrs {
    documents: Vec<DocumentInfo>,
    #[serde(default)]
    folded: Vec<Part>,
}

#[derive(Serialize, Deserialize)]
struct Link {
    source: String,
    target: String,
    key: usize,
    #[serde(flatten)]
    relation: Relation,
    weight: usize,
    #[serde(default)]
    parts: Vec<Part>,
}

#[derive(Deserialize)]
struct Node {
    #[serde(flatten)]
    actor: Actor,
    #[serde(default)]
    forms: Vec<Actor>,
}

#[derive(Deserialize)]
struct NodeLink {
    graph: GraphAttrs,
    nodes: Vec<Node>,
    links: Vec<Link>,
}

/// What [`write`] serializes: the same fields as [`NodeLink`], borrowed from the graph,
/// so that writing a large graph does not first copy every actor and every piece of
/// evidence.
#[derive(Serialize)]
struct NodeLinkRef<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphAttrsRef<'a>,
    nodes: Nodes<'a>,
    links: Links<'a>,
}

#[derive(Serialize)]
struct GraphAttrsRef<'a> {
    documents: &'a [DocumentInfo],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    folded: &'a [Part],
}

#[derive(Serialize)]
struct LinkRef<'a> {
    source: &'a str,
    target: &'a str,
    key: usize,
    #[serde(flatten)]
    relation: &'a Relation,
    weight: usize,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    parts: &'a [Part],
}

#[derive(Serialize)]
struct NodeRef<'a> {
    #[serde(flatten)]
    actor: &'a Actor,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    forms: &'a [Actor],
}

struct Nodes<'a>(&'a ActorGraph);

impl Serialize for Nodes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let g = self.0;
        s.collect_seq(g.actors().map(|actor| NodeRef {
            actor,
            forms: g.forms_of(&actor.id),
        }))
    }
}

struct Links<'a>(&'a ActorGraph);

impl Serialize for Links<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // `key` numbers the edges between the same two nodes, as networkx does
        let mut keys: HashMap<(&str, &str), usize> = HashMap::new();
        s.collect_seq(self.0.edges().map(|e| {
            let k = keys
                .entry((e.source.id.as_str(), e.target.id.as_str()))
                .or_insert(0);
            let key = *k;
            *k += 1;
            LinkRef {
                source: &e.source.id,
                target: &e.target.id,
                key,
                relation: e.relation,
                weight: e.relation.weight(),
                parts: e.parts,
            }
        }))
    }
}

/// Writes the graph as pretty-printed node-link JSON.
pub fn write<W: Write>(graph: &ActorGraph, mut w: W) -> io::Result<W> {
    let doc = NodeLinkRef {
        directed: true,
        multigraph: true,
        graph: GraphAttrsRef {
            documents: graph.documents(),
            folded: graph.folded(),
        },
        nodes: Nodes(graph),
        links: Links(graph),
    };
    serde_json::to_writer_pretty(&mut w, &doc)?;
    w.write_all(b"\n")?;
    Ok(w)
}

/// Reads node-link JSON written by [`write`] back into a graph.
pub fn read<R: Read>(r: R) -> Result<ActorGraph, String> {
    let doc: NodeLink = serde_json::from_reader(r)
        .map_err(|e| format!("not an actorgraph node-link JSON file: {e}"))?;
    let mut g = ActorGraph::new();
    for d in doc.graph.documents {
        g.add_document(d);
    }
    for n in doc.nodes {
        let ix = g.insert_actor(n.actor);
        if !n.forms.is_empty() {
            g.set_forms(ix, n.forms);
        }
    }
    for l in doc.links {
        let Some(e) = g.insert_relation(&l.source, &l.target, l.relation) else {
            return Err(format!(
                "link {} -> {} names a node that is not in the file",
                l.source, l.target
            ));
        };
        if !l.parts.is_empty() {
            g.set_parts(e, l.parts);
        }
    }
    for p in doc.graph.folded {
        g.push_folded(p);
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, Evidence, RelationKind};

    pub(crate) fn sample() -> ActorGraph {
        let mut g = ActorGraph::new();
        for (id, name, kind) in [
            ("a", "Ann \"Q\" <Lee>", EntityType::Person),
            ("b", "Bobland", EntityType::Country),
        ] {
            g.insert_actor(Actor {
                ids: Default::default(),
                id: id.into(),
                name: name.into(),
                kind,
                aliases: vec!["x\ny".into()],
                titles: vec![],
                mentions: 2,
                documents: 1,
                first_seen: None,
                last_seen: None,
            });
        }
        let rel = |k| Relation {
            mode: Default::default(),
            relation: k,
            verb: "met".into(),
            date: Some("2024-01-02".into()),
            confidence: 0.8,
            role: None,
            status: None,
            evidence: vec![Evidence {
                date: None,
                reported_by: None,
                doc: "d".into(),
                sentence: 3,
                start: 10,
                end: 20,
                text: "Ann met Bob.".into(),
            }],
            first_seen: None,
            last_seen: None,
        };
        g.insert_relation("a", "b", rel(RelationKind::Consult));
        g.insert_relation("a", "b", rel(RelationKind::Accuse));
        g.add_document(DocumentInfo {
            id: "d".into(),
            date: Some("2024-01-02".into()),
            title: None,
            url: None,
        });
        g
    }

    #[test]
    fn node_link_fields_and_round_trip() {
        let g = sample();
        let bytes = write(&g, Vec::new()).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["directed"], true);
        assert_eq!(v["multigraph"], true);
        assert_eq!(v["nodes"][0]["type"], "Person");
        assert_eq!(v["nodes"][0]["name"], "Ann \"Q\" <Lee>");
        assert_eq!(v["links"][0]["relation"], "CONSULT");
        assert_eq!(v["links"][1]["key"], 1);
        assert_eq!(v["links"][1]["evidence"][0]["sentence"], 3);
        let back = read(&bytes[..]).unwrap();
        assert_eq!(back.node_count(), 2);
        assert_eq!(back.edge_count(), 2);
        assert_eq!(write(&back, Vec::new()).unwrap(), bytes);
    }

    /// Mode, identifiers, the reporter and the evidence's own date are written and read
    /// back; an asserted and a negated edge of the same pair stay two edges.
    #[test]
    fn modes_ids_and_reporters_round_trip() {
        use crate::model::Mode;
        let mut g = sample();
        let mut b = g.actor("b").unwrap().clone();
        b.ids.insert("wikidata".into(), "Q1".into());
        b.ids.insert("iso3".into(), "BOB".into());
        g.insert_actor(b.clone());
        let mut negated = g.relations().next().unwrap().2.clone();
        negated.mode = Mode::Negated;
        negated.evidence[0].reported_by = Some("b".into());
        negated.evidence[0].date = Some("2024-01-01".into());
        g.insert_relation("a", "b", negated);
        assert_eq!(g.edge_count(), 3);
        let bytes = write(&g, Vec::new()).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v["links"][0]["mode"], "asserted");
        assert_eq!(v["links"][2]["mode"], "negated");
        assert_eq!(v["links"][2]["evidence"][0]["reported_by"], "b");
        assert_eq!(v["links"][2]["evidence"][0]["date"], "2024-01-01");
        // absent fields are left out, not written as null
        assert!(v["links"][0]["evidence"][0].get("reported_by").is_none());
        assert_eq!(v["nodes"][1]["ids"]["wikidata"], "Q1");
        assert!(v["nodes"][0].get("ids").is_none());
        let back = read(&bytes[..]).unwrap();
        assert_eq!(back.edge_count(), 3);
        assert_eq!(back.actor("b").unwrap().ids, b.ids);
        assert_eq!(write(&back, Vec::new()).unwrap(), bytes);
    }
}
