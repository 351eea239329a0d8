//! The unresolved union: what a corpus says, before cross-document linking decides
//! which forms name one actor. It is the source of truth a graph is resolved from, and
//! what a saved graph keeps enough of to be merged again:
//!
//! - a **form** per (name, type) as the articles wrote it, with everything the
//!   articles said of it (aliases, titles, counts, dates, identifiers);
//! - a **fact** per (source form, relation, mode, target form), with its evidence.
//!
//! Union is associative and commutative by construction (sets are united, counts
//! added, dates widened, and every choice is a maximum by a total order), and
//! [`Unresolved::resolve`] is a pure function of the union ([`super::link`]) that writes
//! nodes and edges in a canonical order (by id). So building a corpus whole, or in shards
//! merged in any grouping and order, gives one graph, byte for byte.
//!
//! Evidence is most of a corpus's memory: the union holds each distinct sentence text,
//! document id, date and reporter once ([`TextInterner`]), so that it grows with what
//! the corpus says that is new, not with every article that repeats it.

use super::{link, ActorGraph, Part};
use crate::model::{
    actor_id, Actor, DocExtraction, DocumentInfo, EntityType, Evidence, Mode, Relation,
    RelationKind, SharedText, TextInterner,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The key of a fact: source form id, relation, mode, target form id.
type FactKey = (String, RelationKind, Mode, String);

/// A document as a sortable tuple (id, date, title, url), each shared.
type DocKey = (
    SharedText,
    Option<SharedText>,
    Option<SharedText>,
    Option<SharedText>,
);

/// Identifiers to attach to a form: its name and type → (scheme, id) pairs.
pub type IdLookup<'a> = &'a dyn Fn(&str, EntityType) -> Vec<(String, String)>;

/// Forms and facts of a corpus, not yet linked across documents.
#[derive(Clone, Debug, Default)]
pub struct Unresolved {
    documents: BTreeSet<DocKey>,
    /// Form id ([`actor_id`] of its name and type) → the form. Its `id` is that key.
    forms: BTreeMap<String, Actor>,
    /// Facts between forms. Evidence is sorted and `reported_by` names a form id.
    facts: BTreeMap<FactKey, Relation>,
    /// The one copy of each text the documents and evidence hold.
    texts: TextInterner,
}

/// Equal when they hold the same documents, forms and facts (however shared).
impl PartialEq for Unresolved {
    fn eq(&self, other: &Self) -> bool {
        self.documents == other.documents && self.forms == other.forms && self.facts == other.facts
    }
}

impl Unresolved {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn form_count(&self) -> usize {
        self.forms.len()
    }

    pub fn fact_count(&self) -> usize {
        self.facts.len()
    }

    /// Adds one document's extraction: each entity becomes (or joins) the form of its
    /// name and type, each triple the fact between two forms. `ids` gives the
    /// identifiers of a name and type (none when nothing is known).
    pub fn add_extraction(&mut self, doc: DocExtraction, ids: IdLookup<'_>) {
        let date = doc.info.date.as_deref().map(String::from);
        let mut form_ids = Vec::with_capacity(doc.entities.len());
        for ent in &doc.entities {
            let id = actor_id(&ent.name, ent.kind);
            let mut aliases: Vec<String> = ent.aliases.clone();
            aliases.sort();
            aliases.dedup();
            let mut titles = ent.titles.clone();
            titles.sort();
            titles.dedup();
            let form = Actor {
                id: id.clone(),
                name: ent.name.clone(),
                kind: ent.kind,
                aliases,
                titles,
                mentions: ent.mentions,
                documents: 1,
                first_seen: date.clone(),
                last_seen: date.clone(),
                ids: ids(&ent.name, ent.kind).into_iter().collect(),
            };
            self.add_form(form);
            form_ids.push(id);
        }
        for t in doc.triples {
            let (Some(s), Some(o)) = (form_ids.get(t.subject), form_ids.get(t.object)) else {
                continue;
            };
            if s == o {
                continue;
            }
            let mut evidence = t.evidence;
            evidence.date = t.date.as_deref().map(|d| self.texts.intern(d));
            evidence.reported_by = t
                .reported_by
                .and_then(|r| form_ids.get(r))
                .map(|r| self.texts.intern(r));
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
            let key = (s.clone(), relation.relation, relation.mode, o.clone());
            self.add_fact(key, relation);
        }
        self.add_document(doc.info);
    }

    pub fn add_document(&mut self, d: DocumentInfo) {
        self.add_doc_key((d.id, d.date, d.title, d.url));
    }

    fn add_doc_key(&mut self, (mut id, mut date, mut title, mut url): DocKey) {
        self.texts.share(&mut id);
        self.texts.share_opt(&mut date);
        self.texts.share_opt(&mut title);
        self.texts.share_opt(&mut url);
        self.documents.insert((id, date, title, url));
    }

    /// The union's one copy of each text of the evidence.
    fn share_evidence(&mut self, evidence: &mut [Evidence]) {
        for ev in evidence {
            self.texts.share(&mut ev.doc);
            self.texts.share(&mut ev.text);
            self.texts.share_opt(&mut ev.date);
            self.texts.share_opt(&mut ev.reported_by);
        }
    }

    /// Adds a form, joining the form of the same id.
    fn add_form(&mut self, form: Actor) {
        match self.forms.get_mut(&form.id) {
            Some(f) => join_forms(f, form),
            None => {
                self.forms.insert(form.id.clone(), form);
            }
        }
    }

    fn add_fact(&mut self, key: FactKey, mut relation: Relation) {
        self.share_evidence(&mut relation.evidence);
        relation.evidence.sort();
        relation.evidence.dedup();
        match self.facts.get_mut(&key) {
            Some(r) => join_facts(r, relation),
            None => {
                self.facts.insert(key, relation);
            }
        }
    }

    /// Everything `other` holds, added to this union.
    pub fn union(&mut self, other: Unresolved) {
        for key in other.documents {
            self.add_doc_key(key);
        }
        for (_, f) in other.forms {
            self.add_form(f);
        }
        for (k, r) in other.facts {
            self.add_fact(k, r);
        }
    }

    /// The union a graph was resolved from, read back from the graph: each node's forms
    /// (the node itself when it has none listed), each edge's parts (the edge itself when
    /// it has none) and the facts folded into one node. Forms get the id of their name
    /// and type whatever id the graph gave them, so that graphs made elsewhere merge too.
    pub fn from_graph(g: &ActorGraph) -> Unresolved {
        let mut u = Unresolved::new();
        for d in g.documents() {
            u.add_document(d.clone());
        }
        // every id the graph uses for a form or a node → the form id
        let mut id_map: HashMap<&str, String> = HashMap::new();
        for a in g.actors() {
            // a node is named and typed as its root form
            id_map.insert(&a.id, actor_id(&a.name, a.kind));
            let forms = g.forms_of(&a.id);
            if forms.is_empty() {
                let mut form = a.clone();
                form.id = actor_id(&a.name, a.kind);
                u.add_form(form);
            } else {
                for f in forms {
                    let id = actor_id(&f.name, f.kind);
                    id_map.insert(&f.id, id.clone());
                    let mut form = f.clone();
                    form.id = id;
                    u.add_form(form);
                }
            }
        }
        let map = |id: &str| id_map.get(id).cloned().unwrap_or_else(|| id.to_string());
        let add_part = |u: &mut Unresolved, p: &Part| {
            let mut relation = p.relation.clone();
            for ev in &mut relation.evidence {
                ev.reported_by = ev.reported_by.as_deref().map(|r| map(r).into());
            }
            let key = (
                map(&p.source),
                relation.relation,
                relation.mode,
                map(&p.target),
            );
            u.add_fact(key, relation);
        };
        for e in g.edges() {
            if e.parts.is_empty() {
                add_part(
                    &mut u,
                    &Part {
                        source: e.source.id.clone(),
                        target: e.target.id.clone(),
                        relation: e.relation.clone(),
                    },
                );
            } else {
                for p in e.parts {
                    add_part(&mut u, p);
                }
            }
        }
        for p in g.folded() {
            add_part(&mut u, p);
        }
        u
    }

    /// The graph: forms linked across documents ([`link::roots`]), one node per actor
    /// and one edge per (source, relation, mode, target), in the order of their ids.
    pub fn resolve(self) -> ActorGraph {
        let Unresolved {
            documents,
            forms,
            facts,
            mut texts,
        } = self;
        let roots = link::roots(&forms);
        let root_of = |id: &str| roots.get(id).cloned().unwrap_or_else(|| id.to_string());
        let is_root = |id: &str| roots.get(id).is_none_or(|r| r == id);
        let mut g = ActorGraph::new();
        // at the size it needs: grown by doubling, a corpus's list of documents would
        // hold up to twice its room, and its copies on the way, at the build's peak
        g.documents.reserve_exact(documents.len());
        for (id, date, title, url) in documents {
            g.add_document(DocumentInfo {
                id,
                date,
                title,
                url,
            });
        }
        // nodes: a root and the forms linked to it
        let mut members: BTreeMap<String, Vec<Actor>> = BTreeMap::new();
        for (id, f) in forms {
            members.entry(root_of(&id)).or_default().push(f);
        }
        for (root, forms) in members {
            let node = node_of(&root, &forms);
            let ix = g.insert_actor(node);
            if forms.len() > 1 {
                g.set_forms(ix, forms);
            }
        }
        // edges: facts between the roots of their forms
        let mut edges: BTreeMap<(String, String, RelationKind, Mode), Vec<Part>> = BTreeMap::new();
        for ((s, relation, mode, o), mut r) in facts {
            // a fact's evidence grew one item at a time while the corpus was merged;
            // the room it kept for more is given back before the graph is built
            r.evidence.shrink_to_fit();
            let (rs, ro) = (root_of(&s), root_of(&o));
            let part = Part {
                source: s,
                target: o,
                relation: r,
            };
            if rs == ro {
                g.push_folded(part);
            } else {
                edges
                    .entry((rs, ro, relation, mode))
                    .or_default()
                    .push(part);
            }
        }
        for ((rs, ro, _, _), mut parts) in edges {
            // One fact read between the edge's own ends, whose reporters are roots, is
            // the edge as it is (its evidence sorted already): moved, not copied.
            let as_is = matches!(parts.as_slice(), [p] if p.source == rs && p.target == ro
                && !p.relation.confidence.is_nan()
                && p.relation.evidence.iter().all(|ev| ev.reported_by.as_deref().is_none_or(is_root)));
            if as_is {
                if let Some(p) = parts.pop() {
                    g.insert_relation(&rs, &ro, p.relation);
                }
                continue;
            }
            let mut edge: Option<Relation> = None;
            for p in &parts {
                let mut r = p.relation.clone();
                for ev in &mut r.evidence {
                    if let Some(by) = &mut ev.reported_by {
                        if !is_root(by) {
                            *by = texts.intern(&root_of(by));
                        }
                    }
                }
                r.evidence.sort();
                match &mut edge {
                    Some(e) => join_facts(e, r),
                    None => edge = Some(r),
                }
            }
            let Some(mut edge) = edge else { continue };
            edge.evidence.shrink_to_fit();
            let trivial = matches!(parts.as_slice(),
                [p] if p.source == rs && p.target == ro && p.relation == edge);
            let e = g.insert_relation(&rs, &ro, edge);
            if let (Some(e), false) = (e, trivial) {
                g.set_parts(e, parts);
            }
        }
        g
    }
}

/// A node from its root form and the forms linked to it: the root's name, type and id;
/// every other name as an alias; counts added, dates widened, identifiers united.
fn node_of(root: &str, forms: &[Actor]) -> Actor {
    let head = forms.iter().find(|f| f.id == root).unwrap_or(&forms[0]);
    let mut node = head.clone();
    for f in forms.iter().filter(|f| f.id != head.id) {
        let mut f = f.clone();
        f.aliases.push(f.name.clone());
        join_counts(&mut node, f);
    }
    node.aliases.retain(|a| *a != node.name);
    node
}

/// Joins two sightings of one form: the preferred spelling is the name, the other an
/// alias; the rest as [`join_counts`].
fn join_forms(into: &mut Actor, mut other: Actor) {
    if preferred(&other.name) > preferred(&into.name) {
        std::mem::swap(&mut into.name, &mut other.name);
    }
    if other.name != into.name {
        other.aliases.push(other.name.clone());
    }
    join_counts(into, other);
    let name = into.name.clone();
    into.aliases.retain(|a| *a != name);
}

/// Which of two spellings of one form names it: the one with more capitals (`Imran Khan`
/// over `imran khan`), then the longer (`U.S.` over `US`), then the first in code-point
/// order. A total order, so the choice does not depend on which came first.
fn preferred(name: &str) -> (usize, usize, std::cmp::Reverse<&str>) {
    (
        name.chars().filter(|c| c.is_uppercase()).count(),
        name.chars().count(),
        std::cmp::Reverse(name),
    )
}

/// Joins an actor into the one of the same id, as [`join_counts`].
pub(crate) fn join_actor(into: &mut Actor, other: Actor) {
    join_counts(into, other);
}

/// Unites aliases, titles and identifiers, adds counts, widens dates.
fn join_counts(into: &mut Actor, other: Actor) {
    sorted_union(&mut into.aliases, other.aliases);
    sorted_union(&mut into.titles, other.titles);
    into.mentions += other.mentions;
    into.documents += other.documents;
    widen(&mut into.first_seen, &mut into.last_seen, other.first_seen);
    widen(&mut into.first_seen, &mut into.last_seen, other.last_seen);
    for (scheme, id) in other.ids {
        // two sources disagreeing: the smaller id, whichever came first
        let e = into.ids.entry(scheme).or_insert_with(|| id.clone());
        if id < *e {
            *e = id;
        }
    }
}

fn widen(first: &mut Option<String>, last: &mut Option<String>, date: Option<String>) {
    let Some(d) = date else { return };
    if first.as_ref().is_none_or(|f| d < *f) {
        *first = Some(d.clone());
    }
    if last.as_ref().is_none_or(|l| d > *l) {
        *last = Some(d);
    }
}

/// Joins two readings of one fact: the most confident reading gives the verb (the
/// first verb in code-point order among equals), the first role in that order wins,
/// the date is the earliest, dates widen, evidence is united in sorted order.
pub(crate) fn join_relations(into: &mut Relation, mut other: Relation) {
    let evidence = std::mem::take(&mut other.evidence);
    join_readings(into, other);
    sorted_union(&mut into.evidence, evidence);
}

/// [`join_relations`] where `into`'s evidence is sorted without duplicates already, as
/// every fact of the union and every edge being resolved is: the new evidence is placed
/// into it rather than the whole sorted again.
fn join_facts(into: &mut Relation, mut other: Relation) {
    let evidence = std::mem::take(&mut other.evidence);
    join_readings(into, other);
    unite_sorted(&mut into.evidence, evidence);
}

/// Everything of [`join_relations`] but the evidence.
fn join_readings(into: &mut Relation, other: Relation) {
    if other.confidence > into.confidence
        || (other.confidence == into.confidence && other.verb < into.verb)
    {
        into.confidence = other.confidence;
        into.verb = other.verb.clone();
    }
    let role = |r: &Relation| r.role.clone().map(|x| (x, r.status));
    match (role(into), role(&other)) {
        (None, Some(_)) => {
            into.role = other.role;
            into.status = other.status;
        }
        (Some(a), Some(b)) if b < a => {
            into.role = other.role;
            into.status = other.status;
        }
        _ => {}
    }
    if let Some(d) = other.date {
        if into.date.as_ref().is_none_or(|x| d < *x) {
            into.date = Some(d);
        }
    }
    widen(&mut into.first_seen, &mut into.last_seen, other.first_seen);
    widen(&mut into.first_seen, &mut into.last_seen, other.last_seen);
}

/// Adds `from` into `into`, which is sorted without duplicates, keeping it so: a few
/// items each where a binary search puts them (a fact's evidence grows by one or two at
/// a time, and sorting it whole at every step made a corpus's merge quadratic in the
/// evidence of its largest edges), many by sorting the lot once.
fn unite_sorted<T: Ord>(into: &mut Vec<T>, from: Vec<T>) {
    make_room(into, from.len());
    if from.len() <= 16 {
        for x in from {
            if let Err(i) = into.binary_search(&x) {
                into.insert(i, x);
            }
        }
    } else {
        sorted_union(into, from);
    }
}

/// Room for `more` items in `v`, grown by an eighth rather than doubled. A fact's
/// evidence grows one item at a time for the whole corpus and is most of its memory:
/// doubled, it held on average about 40% more room than items at the build's peak, and
/// giving the room back at the end does not help under mimalloc, which keeps a block
/// shrunk to half its size or more in place. Growth by an eighth still copies each item
/// a bounded number of times (about nine), and wastes at most an eighth.
fn make_room<T>(v: &mut Vec<T>, more: usize) {
    if v.capacity() - v.len() < more {
        v.reserve_exact(more.max(v.len() / 8).max(4));
    }
}

/// The sorted union, without duplicates, of two lists in any order.
fn sorted_union<T: Ord>(into: &mut Vec<T>, from: Vec<T>) {
    make_room(into, from.len());
    into.extend(from);
    into.sort();
    into.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocEntity, Triple};

    #[test]
    fn placing_items_one_by_one_gives_the_sorted_union() {
        let mut into = vec![2, 4, 6, 8];
        unite_sorted(&mut into, vec![5, 4, 1, 9, 5]);
        assert_eq!(into, vec![1, 2, 4, 5, 6, 8, 9]);
        // many at once: sorted whole, the same union
        let mut into = vec![10, 20];
        unite_sorted(&mut into, (0..30).rev().collect());
        let mut want: Vec<i32> = (0..30).collect();
        want.insert(21, 20);
        want.dedup();
        assert_eq!(into, want);
        assert_eq!(into.len(), 30);
    }

    #[test]
    fn evidence_grown_one_item_at_a_time_keeps_little_spare_room() {
        let mut into: Vec<u32> = vec![0];
        for i in 1..10_000u32 {
            // new items land in the middle and at the end, as a corpus's copies do
            unite_sorted(&mut into, vec![i * 2, i * 2 - 1]);
            let room = into.capacity() - into.len();
            assert!(
                room <= into.len() / 8 + 4,
                "{} items, room for {room} more",
                into.len()
            );
        }
        assert_eq!(into.len(), 19_999);
        // many at once take what they need
        let mut into: Vec<u32> = vec![1];
        sorted_union(&mut into, (2..100).collect());
        assert_eq!(into.len(), 99);
        assert!(into.capacity() - into.len() <= 99 / 8 + 4);
    }

    fn article(id: &str, sentence: &str) -> DocExtraction {
        let ent = |name: &str| DocEntity {
            name: name.into(),
            kind: EntityType::Person,
            aliases: vec![],
            titles: vec![],
            mentions: 1,
        };
        DocExtraction {
            info: DocumentInfo {
                id: id.into(),
                date: Some("2024-05-08".into()),
                title: Some("Talks".into()),
                url: None,
            },
            entities: vec![ent("Ann Lee"), ent("Bob Ray")],
            triples: vec![Triple {
                subject: 0,
                object: 1,
                relation: RelationKind::Consult,
                mode: Mode::Asserted,
                verb: "met".into(),
                date: Some("2024-05-08".into()),
                confidence: 0.8,
                role: None,
                status: None,
                reported_by: Some(0),
                evidence: Evidence {
                    doc: id.into(),
                    sentence: 0,
                    start: 0,
                    end: Evidence::offset(sentence.chars().count()),
                    // a new allocation in every article, as an extractor makes it
                    text: SharedText::new(sentence),
                    date: None,
                    reported_by: None,
                },
            }],
            sentences: 1,
            truncated_sentences: 0,
            parsing: Default::default(),
        }
    }

    #[test]
    fn a_sentence_repeated_across_articles_is_held_once() {
        let mut u = Unresolved::new();
        for i in 0..3 {
            u.add_extraction(
                article(&format!("a#{i}"), "Ann Lee met Bob Ray."),
                &|_, _| Vec::new(),
            );
        }
        u.add_extraction(article("b", "Bob Ray met Ann Lee."), &|_, _| Vec::new());
        let (_, fact) = u.facts.iter().next().unwrap();
        let ev = &fact.evidence;
        assert_eq!(ev.len(), 4);
        assert!(SharedText::ptr_eq(&ev[0].text, &ev[1].text));
        assert!(SharedText::ptr_eq(&ev[0].text, &ev[2].text));
        assert!(!SharedText::ptr_eq(&ev[0].text, &ev[3].text));
        // dates and reporters too; the evidence's document is the document's id
        assert!(ev
            .windows(2)
            .all(|w| SharedText::ptr_eq(w[0].date.as_ref().unwrap(), w[1].date.as_ref().unwrap())));
        assert!(SharedText::ptr_eq(
            ev[0].reported_by.as_ref().unwrap(),
            ev[3].reported_by.as_ref().unwrap()
        ));
        let doc = u.documents.iter().next().unwrap();
        assert_eq!(doc.0, "a#0");
        assert!(SharedText::ptr_eq(&doc.0, &ev[0].doc));
        let titles: Vec<&SharedText> = u.documents.iter().filter_map(|d| d.2.as_ref()).collect();
        assert!(SharedText::ptr_eq(titles[0], titles[3]));
        // and the graph writes the same evidence as before
        let g = u.resolve();
        let (_, _, r) = g.relations().next().unwrap();
        let docs: Vec<&str> = r.evidence.iter().map(|e| e.doc.as_str()).collect();
        assert_eq!(docs, vec!["a#0", "a#1", "a#2", "b"]);
        assert_eq!(r.evidence[3].text, "Bob Ray met Ann Lee.");
    }
}
