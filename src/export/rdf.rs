//! The graph as RDF: one set of triples ([`triples`]), written as N-Triples and Turtle by
//! oxttl, and as JSON-LD by [`super::jsonld`] from the very same triples, so the three
//! files hold the same graph.
//!
//! IRIs. Our resources are under a base IRI (`--base-iri`, default [`super::jsonld::BASE`],
//! ending in `/`): actors `actor/{id}`, documents `doc/{id}`, the statement about an edge
//! `statement/{source}/{RELATION}/{mode}/{target}` (unique: the graph has one edge per
//! source, relation, mode and target), its office role `…/role`. A piece of evidence is
//! the span of its document's text, named the standard way for plain text (RFC 5147):
//! `doc/{id}#char={start},{end}` (character offsets, end exclusive), so a sentence that
//! supports several facts is one node. Ids are percent-encoded (UTF-8) except for ASCII
//! letters, digits, `-`, `_` and the letters and digits of other scripts, so
//! `imran-khan` stays `actor/imran-khan`. Our vocabulary is
//! `https://actorgraph.example/vocab#` (prefix `kg:`, [`super::jsonld::VOCAB`]).
//!
//! Triples:
//!
//! * an actor: `rdf:type` its schema.org class (Person → `schema:Person`, Country →
//!   `schema:Country`, Place and Facility → `schema:Place`, GovernmentBody →
//!   `schema:GovernmentOrganization`, PoliticalParty → `schema:PoliticalParty`, Media →
//!   `schema:NewsMediaOrganization`, the three also `schema:Organization`, Organization →
//!   `schema:Organization`) and ours (`kg:Person`, …); `schema:name`,
//!   `schema:identifier` (the actor id), `schema:alternateName` (aliases), `kg:title`,
//!   `kg:mentions`, `kg:documentCount`, `kg:firstSeen`, `kg:lastSeen`; each identifier
//!   as `kg:externalId "scheme:id"`, and a Wikidata one also as `schema:sameAs
//!   <http://www.wikidata.org/entity/Q…>`;
//! * an edge whose mode is `asserted` or `intended`: the plain triple
//!   (`actor/a kg:consult actor/b`, one property per relation in lower camel case:
//!   `kg:holdsOffice`, `kg:detainedIn`); a `negated` or `hypothetical` edge has no plain
//!   triple (it did not happen), only its statement. `HOLDS_OFFICE` with a role is also
//!   written in schema.org's Role pattern: `actor/x schema:memberOf …/role`, a
//!   `schema:Role` with `schema:roleName`, `schema:memberOf actor/y` and `kg:status`;
//! * every edge: an `rdf:Statement` (`rdf:subject`, `rdf:predicate`, `rdf:object`) with
//!   `kg:mode`, `kg:verb`, `kg:date`, `kg:confidence` (`xsd:double`), `kg:weight`,
//!   `kg:role`, `kg:status`, `kg:firstSeen`, `kg:lastSeen`, `prov:wasDerivedFrom` its
//!   documents and `kg:evidence` its sentences;
//! * a sentence: `kg:text`, `kg:sentence` (its index in the document), and, when known,
//!   `kg:date` (the date of the event it reports) and `kg:reportedBy` (the actor it says
//!   reported it). A sentence that reports facts of two dates has both;
//! * a document: `schema:NewsArticle` with `schema:identifier`, `schema:headline`,
//!   `schema:datePublished`, `schema:url`.
//!
//! Dates are `xsd:date` when they are real `YYYY-MM-DD` dates, plain strings otherwise;
//! counts `xsd:integer`. There are no blank nodes: every node has an IRI, so the three
//! files can be compared triple by triple.

use super::{finite, is_plain_id_char, valid_date};
use crate::graph::ActorGraph;
use crate::model::{EntityType, RelationKind};
use indexmap::IndexSet;
use oxrdf::{Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use std::io::{self, Write};

pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
pub const SCHEMA: &str = "http://schema.org/";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// Percent-encodes an id for use as an IRI path segment (see the module docs).
pub fn iri_segment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if is_plain_id_char(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// The local name of a relation's property: `HOLDS_OFFICE` → `holdsOffice`.
pub fn relation_local_name(r: RelationKind) -> String {
    let mut out = String::new();
    for (i, part) in r.as_str().split('_').enumerate() {
        let lower = part.to_ascii_lowercase();
        if i == 0 {
            out.push_str(&lower);
        } else {
            let mut cs = lower.chars();
            if let Some(f) = cs.next() {
                out.push(f.to_ascii_uppercase());
                out.extend(cs);
            }
        }
    }
    out
}

/// The schema.org classes of an actor type (local names).
pub(crate) fn schema_classes(t: EntityType) -> &'static [&'static str] {
    match t {
        EntityType::Person => &["Person"],
        EntityType::Country => &["Country"],
        EntityType::Place | EntityType::Facility => &["Place"],
        EntityType::GovernmentBody => &["GovernmentOrganization", "Organization"],
        EntityType::PoliticalParty => &["PoliticalParty", "Organization"],
        EntityType::Media => &["NewsMediaOrganization", "Organization"],
        EntityType::Organization => &["Organization"],
    }
}

/// Why a base IRI cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BaseIriError {
    #[error("{0:?} is not an absolute IRI ({1})")]
    NotAnIri(String, String),
    #[error("{0:?} must end in \"/\" (ids are appended as path segments)")]
    NoSlash(String),
}

/// Checks a base IRI for `--base-iri`: absolute, and ending in `/`.
pub fn check_base_iri(base: &str) -> Result<(), BaseIriError> {
    NamedNode::new(base).map_err(|e| BaseIriError::NotAnIri(base.into(), e.to_string()))?;
    if !base.ends_with('/') {
        return Err(BaseIriError::NoSlash(base.into()));
    }
    Ok(())
}

fn iri(s: impl Into<String>) -> NamedNode {
    // every IRI here is a checked base or namespace plus percent-encoded segments
    NamedNode::new_unchecked(s)
}

fn vocab(local: &str) -> NamedNode {
    iri(format!("{}{local}", super::jsonld::VOCAB))
}

fn schema(local: &str) -> NamedNode {
    iri(format!("{SCHEMA}{local}"))
}

fn string(s: &str) -> Term {
    Literal::new_simple_literal(s).into()
}

fn typed(s: impl Into<String>, xsd: &str) -> Term {
    Literal::new_typed_literal(s, iri(format!("{XSD}{xsd}"))).into()
}

fn integer(n: impl ToString) -> Term {
    typed(n.to_string(), "integer")
}

/// A date: `xsd:date` when it is a real date, else a plain string.
fn date(d: &str) -> Term {
    match valid_date(Some(d)) {
        Some(d) => typed(d, "date"),
        None => string(d),
    }
}

/// A plain triple from an actor: (property, target, office role node).
type Outgoing = (NamedNode, NamedNode, Option<NamedNode>);

/// The triples of the graph, each once, in a fixed order: actors (with their roles),
/// statements (each followed by its sentences), documents.
pub fn triples(graph: &ActorGraph, base: &str) -> Vec<Triple> {
    let actor = |id: &str| iri(format!("{base}actor/{}", iri_segment(id)));
    let doc = |id: &str| iri(format!("{base}doc/{}", iri_segment(id)));
    let rdf_type = iri(format!("{RDF}type"));
    let mut out: IndexSet<Triple> = IndexSet::new();
    let mut add = |s: &NamedNode, p: NamedNode, o: Term| {
        out.insert(Triple::new(NamedOrBlankNode::NamedNode(s.clone()), p, o));
    };

    // the plain triples and roles of an actor, by source
    let mut outgoing: indexmap::IndexMap<&str, Vec<Outgoing>> = indexmap::IndexMap::new();
    for (s, t, r) in graph.relations() {
        if !r.mode.is_default() {
            continue;
        }
        let role = match (r.relation, &r.role) {
            (RelationKind::HoldsOffice, Some(_)) => Some(iri(format!(
                "{}/role",
                statement_iri(base, &s.id, r.relation, r.mode.as_str(), &t.id)
            ))),
            _ => None,
        };
        outgoing.entry(s.id.as_str()).or_default().push((
            vocab(&relation_local_name(r.relation)),
            actor(&t.id),
            role,
        ));
    }

    for a in graph.actors() {
        let me = actor(&a.id);
        for c in schema_classes(a.kind) {
            add(&me, rdf_type.clone(), schema(c).into());
        }
        add(&me, rdf_type.clone(), vocab(a.kind.as_str()).into());
        add(&me, schema("name"), string(&a.name));
        add(&me, schema("identifier"), string(&a.id));
        for x in &a.aliases {
            add(&me, schema("alternateName"), string(x));
        }
        for x in &a.titles {
            add(&me, vocab("title"), string(x));
        }
        add(&me, vocab("mentions"), integer(a.mentions));
        add(&me, vocab("documentCount"), integer(a.documents));
        if let Some(d) = &a.first_seen {
            add(&me, vocab("firstSeen"), date(d));
        }
        if let Some(d) = &a.last_seen {
            add(&me, vocab("lastSeen"), date(d));
        }
        for (scheme, id) in &a.ids {
            add(&me, vocab("externalId"), string(&format!("{scheme}:{id}")));
            if scheme == "wikidata" && is_wikidata_id(id) {
                add(&me, schema("sameAs"), iri(format!("{WIKIDATA}{id}")).into());
            }
        }
        for (p, target, role) in outgoing.swap_remove(a.id.as_str()).unwrap_or_default() {
            add(&me, p, target.into());
            if let Some(role) = role {
                add(&me, schema("memberOf"), role.into());
            }
        }
    }

    for (s, t, r) in graph.relations() {
        let st = iri(statement_iri(
            base,
            &s.id,
            r.relation,
            r.mode.as_str(),
            &t.id,
        ));
        if let (RelationKind::HoldsOffice, Some(role), true) =
            (r.relation, &r.role, r.mode.is_default())
        {
            let ri = iri(format!("{}/role", st.as_str()));
            add(&ri, rdf_type.clone(), schema("Role").into());
            add(&ri, schema("roleName"), string(role));
            add(&ri, schema("memberOf"), actor(&t.id).into());
            if let Some(x) = r.status {
                add(&ri, vocab("status"), string(x.as_str()));
            }
        }
        add(&st, rdf_type.clone(), iri(format!("{RDF}Statement")).into());
        add(&st, iri(format!("{RDF}subject")), actor(&s.id).into());
        add(
            &st,
            iri(format!("{RDF}predicate")),
            vocab(&relation_local_name(r.relation)).into(),
        );
        add(&st, iri(format!("{RDF}object")), actor(&t.id).into());
        add(&st, vocab("mode"), string(r.mode.as_str()));
        add(&st, vocab("verb"), string(&r.verb));
        if let Some(d) = &r.date {
            add(&st, vocab("date"), date(d));
        }
        if let Some(c) = finite(r.confidence) {
            add(&st, vocab("confidence"), typed(c.to_string(), "double"));
        }
        add(&st, vocab("weight"), integer(r.weight()));
        if let Some(role) = &r.role {
            add(&st, vocab("role"), string(role));
        }
        if let Some(x) = r.status {
            add(&st, vocab("status"), string(x.as_str()));
        }
        if let Some(d) = &r.first_seen {
            add(&st, vocab("firstSeen"), date(d));
        }
        if let Some(d) = &r.last_seen {
            add(&st, vocab("lastSeen"), date(d));
        }
        for d in super::evidence_docs(&r.evidence) {
            add(&st, iri(format!("{PROV}wasDerivedFrom")), doc(d).into());
        }
        for e in &r.evidence {
            let ev = iri(format!(
                "{}#char={},{}",
                doc(&e.doc).as_str(),
                e.start,
                e.end
            ));
            add(&st, vocab("evidence"), ev.clone().into());
            add(&ev, vocab("text"), string(&e.text));
            add(&ev, vocab("sentence"), integer(e.sentence));
            if let Some(d) = &e.date {
                add(&ev, vocab("date"), date(d));
            }
            if let Some(by) = &e.reported_by {
                add(&ev, vocab("reportedBy"), actor(by).into());
            }
        }
    }

    for d in graph.documents() {
        let me = doc(&d.id);
        add(&me, rdf_type.clone(), schema("NewsArticle").into());
        add(&me, schema("identifier"), string(&d.id));
        if let Some(t) = &d.title {
            add(&me, schema("headline"), string(t));
        }
        if let Some(x) = &d.date {
            add(&me, schema("datePublished"), date(x));
        }
        if let Some(u) = &d.url {
            add(&me, schema("url"), string(u));
        }
    }
    out.into_iter().collect()
}

/// `Q` followed by digits: the only Wikidata ids that become `schema:sameAs` IRIs.
fn is_wikidata_id(id: &str) -> bool {
    id.strip_prefix('Q')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The IRI of the statement about an edge.
pub fn statement_iri(base: &str, s: &str, r: RelationKind, mode: &str, t: &str) -> String {
    format!(
        "{base}statement/{}/{}/{mode}/{}",
        iri_segment(s),
        r.as_str(),
        iri_segment(t)
    )
}

/// Writes the graph as N-Triples, one triple a line (oxttl).
pub fn write_ntriples<W: Write>(graph: &ActorGraph, base: &str, w: W) -> io::Result<W> {
    let mut ser = oxttl::NTriplesSerializer::new().for_writer(w);
    for t in triples(graph, base) {
        ser.serialize_triple(&t)?;
    }
    Ok(ser.finish())
}

/// The prefixes Turtle and JSON-LD write.
pub(crate) fn prefixes(base: &str) -> [(&'static str, String); 6] {
    [
        ("ag", base.to_string()),
        ("kg", super::jsonld::VOCAB.to_string()),
        ("schema", SCHEMA.to_string()),
        ("rdf", RDF.to_string()),
        ("xsd", XSD.to_string()),
        ("prov", PROV.to_string()),
    ]
}

/// Writes the graph as Turtle with the prefixes `ag:` (the base), `kg:`, `schema:`,
/// `rdf:`, `xsd:` and `prov:` (oxttl).
pub fn write_turtle<W: Write>(graph: &ActorGraph, base: &str, w: W) -> io::Result<W> {
    let mut builder = oxttl::TurtleSerializer::new();
    for (name, ns) in prefixes(base) {
        builder = builder
            .with_prefix(name, ns)
            .map_err(|e| io::Error::other(e.to_string()))?;
    }
    let mut ser = builder.for_writer(w);
    for t in triples(graph, base) {
        ser.serialize_triple(&t)?;
    }
    ser.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::hostile_graph;

    fn parse_nt(bytes: &[u8]) -> Vec<Triple> {
        oxttl::NTriplesParser::new()
            .for_slice(bytes)
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
    }

    #[test]
    fn ntriples_and_turtle_read_back_as_the_same_triples() {
        let g = hostile_graph();
        let base = crate::export::jsonld::BASE;
        let want: std::collections::BTreeSet<String> =
            triples(&g, base).iter().map(|t| t.to_string()).collect();
        let nt = write_ntriples(&g, base, Vec::new()).unwrap();
        let got: std::collections::BTreeSet<String> =
            parse_nt(&nt).iter().map(|t| t.to_string()).collect();
        assert_eq!(got, want);
        let ttl = write_turtle(&g, base, Vec::new()).unwrap();
        let got: std::collections::BTreeSet<String> = oxttl::TurtleParser::new()
            .for_slice(&ttl)
            .map(|t| t.unwrap().to_string())
            .collect();
        assert_eq!(got, want);
        assert!(String::from_utf8(ttl).unwrap().contains("@prefix kg:"));
        // every name reads back exactly
        let names: std::collections::BTreeSet<String> = parse_nt(&nt)
            .iter()
            .filter(|t| t.predicate.as_str() == format!("{SCHEMA}name"))
            .filter_map(|t| match &t.object {
                Term::Literal(l) => Some(l.value().to_string()),
                _ => None,
            })
            .collect();
        let want: std::collections::BTreeSet<String> = g.actors().map(|a| a.name.clone()).collect();
        assert_eq!(names, want);
    }

    #[test]
    fn modes_sameas_reporters_and_the_base() {
        use crate::graph::select::tests::{actor, relation};
        use crate::model::Mode;
        let mut g = ActorGraph::new();
        let mut pk = actor("pakistan", "Pakistan", EntityType::Country, &[]);
        pk.ids.insert("wikidata".into(), "Q843".into());
        pk.ids.insert("iso3".into(), "PAK".into());
        g.insert_actor(pk);
        g.insert_actor(actor("india", "India", EntityType::Country, &[]));
        let mut met = relation(RelationKind::Consult, "met", 1);
        met.evidence[0].reported_by = Some("india".into());
        met.evidence[0].date = Some("2024-05-01".into());
        g.insert_relation("pakistan", "india", met.clone());
        let mut not = met;
        not.mode = Mode::Negated;
        g.insert_relation("india", "pakistan", not);
        let base = "https://example.org/kg/";
        let nt = String::from_utf8(write_ntriples(&g, base, Vec::new()).unwrap()).unwrap();
        assert!(nt.contains(
            "<https://example.org/kg/actor/pakistan> <http://schema.org/sameAs> <http://www.wikidata.org/entity/Q843> ."
        ));
        assert!(nt.contains("\"iso3:PAK\""));
        assert!(nt.contains("<https://example.org/kg/actor/pakistan> <https://actorgraph.example/vocab#consult> <https://example.org/kg/actor/india> ."));
        // the negated meeting is a statement, never a plain triple
        assert!(!nt.contains(
            "<https://example.org/kg/actor/india> <https://actorgraph.example/vocab#consult>"
        ));
        assert!(nt.contains("statement/india/CONSULT/negated/pakistan> <https://actorgraph.example/vocab#mode> \"negated\""));
        assert!(nt.contains("doc/d1#char=0,1> <https://actorgraph.example/vocab#reportedBy> <https://example.org/kg/actor/india>"));
        assert!(
            !nt.contains("actorgraph.example/id/"),
            "the base is used everywhere"
        );
        assert!(check_base_iri(base).is_ok());
        assert!(check_base_iri("https://example.org/kg").is_err());
        assert!(check_base_iri("not an iri/").is_err());
    }
}
