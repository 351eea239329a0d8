//! The actor graph: a petgraph `Graph<Actor, Relation>` plus an `IndexMap` from actor id
//! to node index (petgraph's own pattern for keyed lookup beside a graph). It owns the
//! rules that turn per-document extractions into one graph, and nothing about reading
//! text or writing files.
//!
//! A graph is resolved from an [`Unresolved`] union of forms and facts ([`unresolved`]):
//! cross-document linking ([`link`]) decides which forms are one actor, and the graph
//! keeps, beside its nodes and edges, what it was resolved from (the forms of a node
//! that joins several, the parts of an edge that joins facts read between different
//! forms, the facts folded into one node), so that a saved graph can be merged with
//! another and resolved again ([`merge`]).

mod link;
pub mod select;
pub mod stats;
mod unresolved;

pub use link::WINDOW_DAYS;
pub use unresolved::{IdLookup, Unresolved};

use crate::model::{Actor, DocExtraction, DocumentInfo, Mode, Relation, RelationKind};
use indexmap::IndexMap;
use petgraph::graph::{EdgeIndex, Graph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A fact between two forms, as read: the forms' ids and the relation with its evidence
/// (whose `reported_by` names a form).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Part {
    pub source: String,
    pub target: String,
    #[serde(flatten)]
    pub relation: Relation,
}

/// An edge with its ends and, when it joins facts between other forms than its ends,
/// the facts it was resolved from.
#[derive(Clone, Copy, Debug)]
pub struct EdgeView<'a> {
    pub source: &'a Actor,
    pub target: &'a Actor,
    pub relation: &'a Relation,
    pub parts: &'a [Part],
}

/// One node per actor, one edge per (source, relation, mode, target) carrying all its
/// evidence.
#[derive(Clone, Debug, Default)]
pub struct ActorGraph {
    graph: Graph<Actor, Relation>,
    by_id: IndexMap<String, NodeIndex>,
    by_triple: HashMap<(NodeIndex, RelationKind, Mode, NodeIndex), EdgeIndex>,
    documents: Vec<DocumentInfo>,
    /// The forms of a node that joins several (sorted by id).
    forms: HashMap<NodeIndex, Vec<Actor>>,
    /// The facts of an edge, where they are not simply the edge itself.
    parts: HashMap<EdgeIndex, Vec<Part>>,
    /// Facts whose two forms were linked into one actor: no edge, but kept for a merge
    /// that may tell the forms apart again.
    folded: Vec<Part>,
}

/// Graphs from separate runs as one: their unresolved unions united and resolved again.
/// Associative and commutative, and equal to building the corpora together.
pub fn merge<'a>(graphs: impl IntoIterator<Item = &'a ActorGraph>) -> ActorGraph {
    let mut all = Unresolved::new();
    for g in graphs {
        all.union(Unresolved::from_graph(g));
    }
    all.resolve()
}

impl ActorGraph {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The underlying petgraph graph, for algorithms.
    pub fn petgraph(&self) -> &Graph<Actor, Relation> {
        &self.graph
    }

    pub fn documents(&self) -> &[DocumentInfo] {
        &self.documents
    }

    pub fn add_document(&mut self, doc: DocumentInfo) {
        self.documents.push(doc);
    }

    /// Actors in insertion order: by id in a resolved graph.
    pub fn actors(&self) -> impl Iterator<Item = &Actor> {
        self.by_id.values().map(move |&ix| &self.graph[ix])
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.by_id.get(id).map(|&ix| &self.graph[ix])
    }

    pub fn node_index(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// Every edge as (source, target, relation), in insertion order: by (source,
    /// target, relation, mode) in a resolved graph.
    pub fn relations(&self) -> impl Iterator<Item = (&Actor, &Actor, &Relation)> {
        self.graph
            .edge_references()
            .map(move |e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
    }

    /// Every edge with the facts it was resolved from, in the order of [`Self::relations`].
    pub fn edges(&self) -> impl Iterator<Item = EdgeView<'_>> {
        self.graph.edge_references().map(move |e| EdgeView {
            source: &self.graph[e.source()],
            target: &self.graph[e.target()],
            relation: e.weight(),
            parts: self.parts.get(&e.id()).map_or(&[][..], Vec::as_slice),
        })
    }

    /// The forms an actor was resolved from, when it joins several (empty otherwise:
    /// the actor is its one form).
    pub fn forms_of(&self, id: &str) -> &[Actor] {
        self.node_index(id)
            .and_then(|ix| self.forms.get(&ix))
            .map_or(&[][..], Vec::as_slice)
    }

    /// Facts whose forms were linked into one actor.
    pub fn folded(&self) -> &[Part] {
        &self.folded
    }

    /// Records the forms a node was resolved from (for reading a saved graph back).
    pub fn set_forms(&mut self, node: NodeIndex, forms: Vec<Actor>) {
        self.forms.insert(node, forms);
    }

    /// Records the facts an edge was resolved from (for reading a saved graph back).
    pub fn set_parts(&mut self, edge: EdgeIndex, parts: Vec<Part>) {
        self.parts.insert(edge, parts);
    }

    /// Records a fact folded into one actor (for reading a saved graph back).
    pub fn push_folded(&mut self, part: Part) {
        self.folded.push(part);
    }

    /// Number of edges of any relation touching the actor.
    pub fn degree(&self, id: &str) -> usize {
        self.node_index(id)
            .map(|ix| {
                self.graph
                    .edges_directed(ix, petgraph::Direction::Outgoing)
                    .count()
                    + self
                        .graph
                        .edges_directed(ix, petgraph::Direction::Incoming)
                        .count()
            })
            .unwrap_or(0)
    }

    /// Adds an actor as it is (used when reading a saved graph back). An actor whose id
    /// exists already is merged into it.
    pub fn insert_actor(&mut self, actor: Actor) -> NodeIndex {
        if let Some(&ix) = self.by_id.get(&actor.id) {
            unresolved::join_actor(&mut self.graph[ix], actor);
            return ix;
        }
        let id = actor.id.clone();
        let ix = self.graph.add_node(actor);
        self.by_id.insert(id, ix);
        ix
    }

    /// Adds a relation between two existing actors, merged into the edge of the same
    /// (source, relation, mode, target) if there is one. Returns None if an id is unknown.
    pub fn insert_relation(
        &mut self,
        source: &str,
        target: &str,
        relation: Relation,
    ) -> Option<EdgeIndex> {
        let s = *self.by_id.get(source)?;
        let t = *self.by_id.get(target)?;
        let key = (s, relation.relation, relation.mode, t);
        if let Some(&e) = self.by_triple.get(&key) {
            unresolved::join_relations(&mut self.graph[e], relation);
            return Some(e);
        }
        let e = self.graph.add_edge(s, t, relation);
        self.by_triple.insert(key, e);
        Some(e)
    }

    /// Merges one document's extraction into the graph and resolves it again. For a
    /// few documents (tests, examples); a corpus is built as one [`Unresolved`] union
    /// resolved once ([`crate::pipeline`]).
    pub fn merge_document(&mut self, doc: DocExtraction) {
        let mut u = Unresolved::from_graph(self);
        u.add_extraction(doc, &|_, _| Vec::new());
        *self = u.resolve();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocEntity, DocExtraction, EntityType, Evidence, Triple};

    fn ent(name: &str, kind: EntityType, aliases: &[&str]) -> DocEntity {
        DocEntity {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            titles: vec![],
            mentions: 1,
        }
    }

    fn doc(id: &str, date: &str, entities: Vec<DocEntity>, triples: Vec<Triple>) -> DocExtraction {
        DocExtraction {
            info: DocumentInfo {
                id: id.into(),
                date: Some(date.into()),
                title: None,
                url: None,
            },
            entities,
            triples,
            sentences: 1,
            truncated_sentences: 0,
            parsing: Default::default(),
        }
    }

    fn met(doc: &str, s: usize, o: usize, date: &str) -> Triple {
        Triple {
            mode: Default::default(),
            reported_by: None,
            subject: s,
            object: o,
            relation: RelationKind::Consult,
            verb: "met".into(),
            date: Some(date.into()),
            confidence: 0.8,
            role: None,
            status: None,
            evidence: Evidence {
                date: None,
                reported_by: None,
                doc: doc.into(),
                sentence: 0,
                start: 0,
                end: 10,
                text: "X met Y.".into(),
            },
        }
    }

    fn build(docs: Vec<DocExtraction>) -> ActorGraph {
        let mut u = Unresolved::new();
        for d in docs {
            u.add_extraction(d, &|_, _| Vec::new());
        }
        u.resolve()
    }

    const P: EntityType = EntityType::Person;

    #[test]
    fn one_actor_across_three_articles_under_different_aliases_is_one_node() {
        let g = build(vec![
            doc(
                "a",
                "2024-01-01",
                vec![ent("Imran Khan", P, &["Khan"]), ent("Ali Zaidi", P, &[])],
                vec![met("a", 0, 1, "2024-01-01")],
            ),
            doc(
                "b",
                "2024-01-03",
                vec![ent("Imran Khan", P, &["Imran"]), ent("Ali Zaidi", P, &[])],
                vec![met("b", 0, 1, "2024-01-03")],
            ),
            doc(
                "c",
                "2024-01-02",
                vec![ent("imran khan", P, &["IK"])],
                vec![],
            ),
        ]);
        assert_eq!(g.node_count(), 2);
        let k = g.actor("imran-khan-person").unwrap();
        assert_eq!(k.name, "Imran Khan");
        assert_eq!(k.aliases, vec!["IK", "Imran", "Khan", "imran khan"]);
        assert_eq!(k.documents, 3);
        assert_eq!(k.first_seen.as_deref(), Some("2024-01-01"));
        assert_eq!(k.last_seen.as_deref(), Some("2024-01-03"));
        assert_eq!(g.edge_count(), 1);
        let (_, _, r) = g.relations().next().unwrap();
        assert_eq!(r.weight(), 2);
        assert_eq!(r.first_seen.as_deref(), Some("2024-01-01"));
        assert_eq!(r.last_seen.as_deref(), Some("2024-01-03"));
    }

    #[test]
    fn a_surname_links_across_articles_unless_two_people_share_it() {
        // "Trump" alone in one article is the Donald Trump of another
        let g = build(vec![
            doc(
                "a",
                "2024-01-01",
                vec![ent("Donald Trump", P, &["Trump"])],
                vec![],
            ),
            doc(
                "b",
                "2024-01-02",
                vec![ent("Trump", P, &[]), ent("Ali Zaidi", P, &[])],
                vec![met("b", 0, 1, "2024-01-02")],
            ),
        ]);
        let names: Vec<&str> = g.actors().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["Ali Zaidi", "Donald Trump"]);
        let (s, _, _) = g.relations().next().unwrap();
        assert_eq!(s.id, "donald-trump-person");
        assert_eq!(s.documents, 2);
        // the node keeps its forms, and the edge the form it was read between
        let forms: Vec<&str> = g
            .forms_of("donald-trump-person")
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(forms, vec!["donald-trump-person", "trump-person"]);
        let e = g.edges().next().unwrap();
        assert_eq!(e.parts.len(), 1);
        assert_eq!(e.parts[0].source, "trump-person");

        // with a second Trump in the corpus, "Trump" is no one in particular
        let g = build(vec![
            doc(
                "a",
                "2024-01-01",
                vec![ent("Donald Trump", P, &["Trump"])],
                vec![],
            ),
            doc("b", "2024-01-02", vec![ent("Trump", P, &[])], vec![]),
            doc(
                "c",
                "2024-01-02",
                vec![ent("Ivanka Trump", P, &["Trump"])],
                vec![],
            ),
        ]);
        let names: Vec<&str> = g.actors().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["Donald Trump", "Ivanka Trump", "Trump"]);
    }

    #[test]
    fn a_resolved_edge_keeps_no_room_beyond_its_evidence() {
        let two = || vec![ent("Ann Lee", P, &[]), ent("Bob Ray", P, &[])];
        // three readings in three articles: the fact's list grew to room for four
        let g = build(
            ["a", "b", "c"]
                .into_iter()
                .map(|d| doc(d, "2024-01-01", two(), vec![met(d, 0, 1, "2024-01-01")]))
                .collect(),
        );
        let (_, _, r) = g.relations().next().unwrap();
        assert_eq!(r.evidence.len(), 3);
        assert_eq!(r.evidence.capacity(), 3);
    }

    #[test]
    fn same_name_different_type_gets_distinct_ids() {
        let g = build(vec![doc(
            "a",
            "2024-01-01",
            vec![
                ent("Georgia", EntityType::Country, &[]),
                ent("Georgia", EntityType::Place, &[]),
            ],
            vec![],
        )]);
        let ids: Vec<_> = g.actors().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["georgia-country", "georgia-place"]);
    }

    #[test]
    fn the_same_sentence_is_one_piece_of_evidence() {
        let two = || vec![ent("Ann Lee", P, &[]), ent("Bob Ray", P, &[])];
        // the same fact twice in one sentence, then again in another article
        let g = build(vec![
            doc(
                "a",
                "2024-01-01",
                two(),
                vec![met("a", 0, 1, "2024-01-01"), met("a", 0, 1, "2024-01-01")],
            ),
            doc("b", "2024-01-02", two(), vec![met("b", 0, 1, "2024-01-02")]),
        ]);
        let (_, _, r) = g.relations().next().unwrap();
        assert_eq!(r.weight(), 2);
        // merged into a graph that has it already, it is still one
        let mut h = g.clone();
        h.insert_relation("ann-lee-person", "bob-ray-person", r.clone());
        let (_, _, r) = h.relations().next().unwrap();
        let docs: Vec<&str> = r.evidence.iter().map(|e| e.doc.as_str()).collect();
        assert_eq!(docs, vec!["a", "b"]);
    }

    #[test]
    fn readings_of_one_fact_join_whatever_their_order() {
        let reading = |verb: &str, confidence: f64, role: Option<&str>, date: &str| Relation {
            relation: RelationKind::HoldsOffice,
            mode: Mode::Asserted,
            verb: verb.into(),
            date: Some(date.into()),
            confidence,
            role: role.map(Into::into),
            status: None,
            evidence: vec![],
            first_seen: Some(date.into()),
            last_seen: Some(date.into()),
        };
        let a = reading("minister", 0.9, Some("Minister"), "2024-03-01");
        let b = reading("min.", 0.9, None, "2024-01-01");
        let c = reading("deputy", 0.5, Some("Deputy"), "2024-02-01");
        let join = |xs: [&Relation; 3]| {
            let mut r = xs[0].clone();
            unresolved::join_relations(&mut r, xs[1].clone());
            unresolved::join_relations(&mut r, xs[2].clone());
            r
        };
        let abc = join([&a, &b, &c]);
        assert_eq!(abc, join([&c, &b, &a]));
        assert_eq!(abc, join([&b, &c, &a]));
        // the most confident verb (the first of equals), the first role, the earliest date
        assert_eq!((abc.verb.as_str(), abc.confidence), ("min.", 0.9));
        assert_eq!(abc.role.as_deref(), Some("Deputy"));
        assert_eq!(abc.date.as_deref(), Some("2024-01-01"));
        assert_eq!(abc.last_seen.as_deref(), Some("2024-03-01"));
    }
}
