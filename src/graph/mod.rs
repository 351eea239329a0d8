//! The actor graph: a petgraph `Graph<Actor, Relation>` plus an `IndexMap` from actor id
//! to node index (petgraph's own pattern for keyed lookup beside a graph). It owns the
//! merge rules that turn per-document extractions into one graph, and nothing about
//! reading text or writing files.

pub mod select;
pub mod stats;

use crate::model::{
    name_key, slug, Actor, DocExtraction, DocumentInfo, EntityType, Evidence, Mode, Relation,
    RelationKind,
};
use indexmap::IndexMap;
use petgraph::graph::{EdgeIndex, Graph, NodeIndex};
use petgraph::visit::EdgeRef;
use rustc_hash::FxHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// One node per actor, one edge per (source, relation, target) carrying all its evidence.
#[derive(Clone, Debug, Default)]
pub struct ActorGraph {
    graph: Graph<Actor, Relation>,
    by_id: IndexMap<String, NodeIndex>,
    /// (normalised name, type) → id: the cross-document identity of an actor.
    by_key: HashMap<(String, EntityType), String>,
    by_triple: HashMap<(NodeIndex, RelationKind, Mode, NodeIndex), EdgeIndex>,
    /// A fingerprint of every piece of evidence on every edge. A sighting whose
    /// fingerprint is not there is new to its edge without a scan of the edge's evidence,
    /// which grows with the corpus (a scan per sighting made large builds quadratic).
    evidence_seen: HashSet<(EdgeIndex, u64)>,
    documents: Vec<DocumentInfo>,
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

    /// Actors in insertion order (first mention in input order): deterministic.
    pub fn actors(&self) -> impl Iterator<Item = &Actor> {
        self.by_id.values().map(move |&ix| &self.graph[ix])
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.by_id.get(id).map(|&ix| &self.graph[ix])
    }

    pub fn node_index(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// Every edge as (source, target, relation), in insertion order: deterministic.
    pub fn relations(&self) -> impl Iterator<Item = (&Actor, &Actor, &Relation)> {
        self.graph
            .edge_references()
            .map(move |e| (&self.graph[e.source()], &self.graph[e.target()], e.weight()))
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
            let existing = &mut self.graph[ix];
            merge_sorted(&mut existing.aliases, &actor.aliases);
            merge_sorted(&mut existing.titles, &actor.titles);
            existing.mentions += actor.mentions;
            existing.documents += actor.documents;
            widen_dates(
                &mut existing.first_seen,
                &mut existing.last_seen,
                actor.first_seen.as_deref(),
            );
            widen_dates(
                &mut existing.first_seen,
                &mut existing.last_seen,
                actor.last_seen.as_deref(),
            );
            for (scheme, id) in actor.ids {
                existing.ids.entry(scheme).or_insert(id);
            }
            return ix;
        }
        self.by_key
            .insert((name_key(&actor.name), actor.kind), actor.id.clone());
        let id = actor.id.clone();
        let ix = self.graph.add_node(actor);
        self.by_id.insert(id, ix);
        ix
    }

    /// Adds a relation between two existing actors, merged into the edge of the same
    /// (source, relation, target) if there is one. Returns None if an id is unknown.
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
            let edge = &mut self.graph[e];
            merge_relation(edge, relation, |ev| {
                self.evidence_seen.insert((e, fingerprint(ev)))
            });
            return Some(e);
        }
        let fingerprints: Vec<u64> = relation.evidence.iter().map(fingerprint).collect();
        let e = self.graph.add_edge(s, t, relation);
        self.evidence_seen
            .extend(fingerprints.into_iter().map(|f| (e, f)));
        self.by_triple.insert(key, e);
        Some(e)
    }

    /// Finds or creates the node for an extracted entity: the same canonical name with
    /// the same type is the same actor across documents.
    fn resolve_actor(&mut self, name: &str, kind: EntityType) -> String {
        let key = (name_key(name), kind);
        if let Some(id) = self.by_key.get(&key) {
            return id.clone();
        }
        let base = slug(name);
        let mut id = base.clone();
        if self.by_id.contains_key(&id) {
            id = format!("{base}-{}", slug(kind.as_str()));
            let mut n = 2;
            while self.by_id.contains_key(&id) {
                id = format!("{base}-{}-{n}", slug(kind.as_str()));
                n += 1;
            }
        }
        self.insert_actor(Actor {
            id: id.clone(),
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            titles: Vec::new(),
            mentions: 0,
            documents: 0,
            first_seen: None,
            last_seen: None,
            ids: Default::default(),
        });
        id
    }

    /// Merges one document's extraction into the graph. Documents must be merged in
    /// input order for the output to be deterministic.
    pub fn merge_document(&mut self, doc: DocExtraction) {
        let date = doc.info.date.clone();
        let mut ids = Vec::with_capacity(doc.entities.len());
        for ent in &doc.entities {
            let id = self.resolve_actor(&ent.name, ent.kind);
            let ix = self.by_id[&id];
            let actor = &mut self.graph[ix];
            let mut aliases: Vec<String> = ent
                .aliases
                .iter()
                .filter(|a| **a != actor.name)
                .cloned()
                .collect();
            if ent.name != actor.name {
                aliases.push(ent.name.clone());
            }
            aliases.sort();
            merge_sorted(&mut actor.aliases, &aliases);
            let mut titles = ent.titles.clone();
            titles.sort();
            merge_sorted(&mut actor.titles, &titles);
            actor.mentions += ent.mentions;
            actor.documents += 1;
            widen_dates(&mut actor.first_seen, &mut actor.last_seen, date.as_deref());
            ids.push(id);
        }
        for t in doc.triples {
            let (Some(s), Some(o)) = (ids.get(t.subject), ids.get(t.object)) else {
                continue;
            };
            if s == o {
                continue;
            }
            let mut evidence = t.evidence;
            evidence.date = t.date.clone();
            evidence.reported_by = t.reported_by.and_then(|r| ids.get(r)).cloned();
            let relation = Relation {
                relation: t.relation,
                mode: t.mode,
                verb: t.verb,
                first_seen: t.date.clone(),
                last_seen: t.date.clone(),
                date: t.date,
                confidence: t.confidence,
                role: t.role,
                status: t.status,
                evidence: vec![evidence],
            };
            let (s, o) = (s.clone(), o.clone());
            self.insert_relation(&s, &o, relation);
        }
        self.add_document(doc.info);
    }
}

fn merge_sorted(into: &mut Vec<String>, from: &[String]) {
    for x in from {
        if let Err(pos) = into.binary_search(x) {
            into.insert(pos, x.clone());
        }
    }
}

fn widen_dates(first: &mut Option<String>, last: &mut Option<String>, date: Option<&str>) {
    let Some(d) = date else { return };
    if first.as_deref().is_none_or(|f| d < f) {
        *first = Some(d.to_string());
    }
    if last.as_deref().is_none_or(|l| d > l) {
        *last = Some(d.to_string());
    }
}

/// A hash of everything a piece of evidence holds (equal evidence, equal fingerprint).
fn fingerprint(ev: &Evidence) -> u64 {
    let mut h = FxHasher::default();
    ev.hash(&mut h);
    h.finish()
}

/// Folds a new sighting of the same fact into an edge: evidence is kept, the most
/// confident reading wins for verb and role, dates widen. `first_sighting(ev)` records
/// the evidence's fingerprint and says whether it was new; only when it was not is the
/// edge's evidence searched for an equal one.
fn merge_relation(
    edge: &mut Relation,
    new: Relation,
    mut first_sighting: impl FnMut(&Evidence) -> bool,
) {
    if new.confidence > edge.confidence {
        edge.confidence = new.confidence;
        edge.verb = new.verb.clone();
        if new.role.is_some() {
            edge.role = new.role.clone();
            edge.status = new.status;
        }
    }
    if edge.role.is_none() {
        edge.role = new.role;
        edge.status = new.status;
    }
    if edge.date.is_none() {
        edge.date = new.date.clone();
    }
    widen_dates(
        &mut edge.first_seen,
        &mut edge.last_seen,
        new.first_seen.as_deref(),
    );
    widen_dates(
        &mut edge.first_seen,
        &mut edge.last_seen,
        new.last_seen.as_deref(),
    );
    for ev in new.evidence {
        if first_sighting(&ev) || !edge.evidence.contains(&ev) {
            edge.evidence.push(ev);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocEntity, DocExtraction, Triple};

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

    #[test]
    fn one_actor_across_three_articles_under_different_aliases_is_one_node() {
        let mut g = ActorGraph::new();
        let p = EntityType::Person;
        g.merge_document(doc(
            "a",
            "2024-01-01",
            vec![ent("Imran Khan", p, &["Khan"]), ent("Ali Zaidi", p, &[])],
            vec![met("a", 0, 1, "2024-01-01")],
        ));
        g.merge_document(doc(
            "b",
            "2024-01-03",
            vec![ent("Imran Khan", p, &["Imran"]), ent("Ali Zaidi", p, &[])],
            vec![met("b", 0, 1, "2024-01-03")],
        ));
        g.merge_document(doc(
            "c",
            "2024-01-02",
            vec![ent("imran khan", p, &["IK"])],
            vec![],
        ));
        assert_eq!(g.node_count(), 2);
        let k = g.actor("imran-khan").unwrap();
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
    fn two_people_sharing_a_surname_in_different_articles_stay_two() {
        let mut g = ActorGraph::new();
        let p = EntityType::Person;
        g.merge_document(doc(
            "a",
            "2024-01-01",
            vec![ent("Imran Khan", p, &["Khan"])],
            vec![],
        ));
        g.merge_document(doc(
            "b",
            "2024-01-01",
            vec![ent("Sadiq Khan", p, &["Khan"])],
            vec![],
        ));
        g.merge_document(doc("c", "2024-01-01", vec![ent("Khan", p, &[])], vec![]));
        let names: Vec<_> = g.actors().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["Imran Khan", "Sadiq Khan", "Khan"]);
    }

    #[test]
    fn the_same_sentence_is_one_piece_of_evidence() {
        let mut g = ActorGraph::new();
        let p = EntityType::Person;
        let two = || vec![ent("Ann Lee", p, &[]), ent("Bob Ray", p, &[])];
        // the same fact twice in one sentence, then again in another article
        g.merge_document(doc(
            "a",
            "2024-01-01",
            two(),
            vec![met("a", 0, 1, "2024-01-01"), met("a", 0, 1, "2024-01-01")],
        ));
        g.merge_document(doc(
            "b",
            "2024-01-02",
            two(),
            vec![met("b", 0, 1, "2024-01-02")],
        ));
        // a graph read back from a file keeps what the file says, then merges as usual
        let (_, _, r) = g.relations().next().unwrap();
        let mut again = r.clone();
        again.evidence.push(r.evidence[0].clone());
        assert_eq!(r.weight(), 2);
        let mut h = ActorGraph::new();
        for a in g.actors() {
            h.insert_actor(a.clone());
        }
        h.insert_relation("ann-lee", "bob-ray", again.clone());
        h.insert_relation("ann-lee", "bob-ray", again);
        let (_, _, r) = h.relations().next().unwrap();
        assert_eq!(r.weight(), 3);
        assert_eq!(
            r.evidence
                .iter()
                .map(|e| e.doc.as_str())
                .collect::<Vec<_>>(),
            vec!["a", "b", "a"]
        );
    }

    #[test]
    fn same_name_different_type_gets_distinct_ids() {
        let mut g = ActorGraph::new();
        g.merge_document(doc(
            "a",
            "2024-01-01",
            vec![
                ent("Georgia", EntityType::Country, &[]),
                ent("Georgia", EntityType::Place, &[]),
            ],
            vec![],
        ));
        let ids: Vec<_> = g.actors().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["georgia", "georgia-place"]);
    }
}
