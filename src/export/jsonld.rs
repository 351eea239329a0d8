//! JSON-LD 1.1 with an inline `@context` (no remote context, no `@vocab`): what pyld,
//! rdflib and Oxigraph all read to the same triples.
//!
//! IRIs:
//!
//! * `@base` is `https://actorgraph.example/id/` ([`BASE`]). Actors are `actor/{id}`,
//!   documents `doc/{id}`, the statement about a relation
//!   `statement/{source}/{RELATION}/{target}` (unique: the graph has one edge per
//!   triple), its evidence `…/evidence/{n}` and its office role `…/role`. Ids are
//!   percent-encoded (UTF-8) except for ASCII letters, digits, `-`, `_` and the letters
//!   and digits of other scripts, so `imran-khan` stays `actor/imran-khan`.
//! * Our vocabulary is `https://actorgraph.example/vocab#` (prefix `kg:`, [`VOCAB`]):
//!   one class per entity type (`kg:Person`, `kg:GovernmentBody`, …), one property per
//!   relation in lower camel case (`kg:consult`, `kg:holdsOffice`, `kg:detainedIn`), and
//!   `kg:verb`, `kg:date`, `kg:confidence`, `kg:weight`, `kg:role`, `kg:status`,
//!   `kg:evidence`, `kg:text`, `kg:sentence`, `kg:start`, `kg:end`, `kg:title`,
//!   `kg:mentions`, `kg:documentCount`, `kg:firstSeen`, `kg:lastSeen`.
//! * schema.org as `http://schema.org/` (what the official context emits; never mixed with
//!   https): Person → `schema:Person`, Country → `schema:Country`, Place and Facility →
//!   `schema:Place`, GovernmentBody → `schema:GovernmentOrganization`, PoliticalParty →
//!   `schema:PoliticalParty`, Media → `schema:NewsMediaOrganization` (the three also
//!   `schema:Organization`, for consumers that predate those types), Organization →
//!   `schema:Organization`. Names are `schema:name`, aliases `schema:alternateName`,
//!   documents `schema:NewsArticle`.
//!
//! Every relation is asserted as a plain triple (`actor/a kg:consult actor/b`) and
//! described by an `rdf:Statement` (subject, predicate, object) carrying the verb, date
//! (`xsd:date`), confidence (`xsd:double`), weight, role, status,
//! `prov:wasDerivedFrom` the documents, and `kg:evidence`: one node per supporting
//! sentence with its text, document, sentence index and character span (a sentence's
//! text is only meaningful together with where it was read, so they stay together).
//! `HOLDS_OFFICE` with a role is also written in schema.org's Role pattern:
//! `actor/x schema:memberOf [a schema:Role; schema:roleName "…"; schema:memberOf actor/y]`.
//!
//! Strings are escaped by serde_json, so every name reads back exactly. Dates that are
//! not real `YYYY-MM-DD` dates are written as plain strings, not `xsd:date`.

use super::{finite, is_plain_id_char, valid_date};
use crate::graph::ActorGraph;
use crate::model::{EntityType, RelationKind};
use indexmap::IndexMap;
use serde::Serialize;
use serde_json::Value;
use std::io::{self, Write};

/// The base IRI of actors, documents and statements.
pub const BASE: &str = "https://actorgraph.example/id/";
/// The namespace of our classes and properties (prefix `kg:`).
pub const VOCAB: &str = "https://actorgraph.example/vocab#";

/// An ordered JSON value (serde_json's own map sorts its keys).
#[derive(Serialize)]
#[serde(untagged)]
enum Ld {
    V(Value),
    O(IndexMap<String, Ld>),
    A(Vec<Ld>),
}

fn obj(pairs: Vec<(&str, Ld)>) -> Ld {
    Ld::O(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

fn s(x: &str) -> Ld {
    Ld::V(Value::String(x.to_string()))
}

fn v<T: Into<Value>>(x: T) -> Ld {
    Ld::V(x.into())
}

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

/// The `@type` terms of an actor: schema.org types first, then our own class.
fn types(t: EntityType) -> Vec<&'static str> {
    let schema: &[&str] = match t {
        EntityType::Person => &["Person"],
        EntityType::Country => &["Country"],
        EntityType::Place | EntityType::Facility => &["Place"],
        EntityType::GovernmentBody => &["GovernmentOrganization", "Organization"],
        EntityType::PoliticalParty => &["PoliticalParty", "Organization"],
        EntityType::Media => &["NewsMediaOrganization", "Organization"],
        EntityType::Organization => &["Organization"],
    };
    let ours = match t {
        EntityType::Person => "kg:Person",
        EntityType::Country => "kg:Country",
        EntityType::Place => "kg:Place",
        EntityType::Facility => "kg:Facility",
        EntityType::GovernmentBody => "kg:GovernmentBody",
        EntityType::PoliticalParty => "kg:PoliticalParty",
        EntityType::Media => "kg:Media",
        EntityType::Organization => "kg:Organization",
    };
    let mut all = schema.to_vec();
    all.push(ours);
    all
}

fn context() -> Ld {
    let typed = |id: &str, ty: &str| obj(vec![("@id", s(id)), ("@type", s(ty))]);
    let set = |id: &str| obj(vec![("@id", s(id)), ("@container", s("@set"))]);
    let id_set = |id: &str| {
        obj(vec![
            ("@id", s(id)),
            ("@type", s("@id")),
            ("@container", s("@set")),
        ])
    };
    let mut c: Vec<(&str, Ld)> = vec![
        ("@version", v(1.1)),
        ("@base", s(BASE)),
        ("kg", s(VOCAB)),
        ("schema", s("http://schema.org/")),
        ("rdf", s("http://www.w3.org/1999/02/22-rdf-syntax-ns#")),
        ("xsd", s("http://www.w3.org/2001/XMLSchema#")),
        ("prov", s("http://www.w3.org/ns/prov#")),
        ("id", s("@id")),
        ("type", s("@type")),
        // classes
        ("Person", s("schema:Person")),
        ("Country", s("schema:Country")),
        ("Place", s("schema:Place")),
        ("Organization", s("schema:Organization")),
        ("GovernmentOrganization", s("schema:GovernmentOrganization")),
        ("PoliticalParty", s("schema:PoliticalParty")),
        ("NewsMediaOrganization", s("schema:NewsMediaOrganization")),
        ("NewsArticle", s("schema:NewsArticle")),
        ("Role", s("schema:Role")),
        ("Statement", s("rdf:Statement")),
        ("Evidence", s("kg:Evidence")),
        // actors
        ("name", s("schema:name")),
        ("identifier", s("schema:identifier")),
        ("alternateName", set("schema:alternateName")),
        ("titles", set("kg:title")),
        ("mentions", typed("kg:mentions", "xsd:integer")),
        ("documentCount", typed("kg:documentCount", "xsd:integer")),
        ("firstSeen", typed("kg:firstSeen", "xsd:date")),
        ("lastSeen", typed("kg:lastSeen", "xsd:date")),
        ("memberOf", typed("schema:memberOf", "@id")),
        ("roleName", s("schema:roleName")),
        // statements
        ("subject", typed("rdf:subject", "@id")),
        ("predicate", typed("rdf:predicate", "@vocab")),
        ("object", typed("rdf:object", "@id")),
        ("verb", s("kg:verb")),
        ("date", typed("kg:date", "xsd:date")),
        ("confidence", typed("kg:confidence", "xsd:double")),
        ("weight", typed("kg:weight", "xsd:integer")),
        ("role", s("kg:role")),
        ("status", s("kg:status")),
        ("derivedFrom", id_set("prov:wasDerivedFrom")),
        ("evidence", id_set("kg:evidence")),
        ("text", s("kg:text")),
        ("sentence", typed("kg:sentence", "xsd:integer")),
        ("start", typed("kg:start", "xsd:integer")),
        ("end", typed("kg:end", "xsd:integer")),
        // documents
        ("headline", s("schema:headline")),
        ("datePublished", typed("schema:datePublished", "xsd:date")),
        ("url", s("schema:url")),
    ];
    let rel_terms: Vec<(String, Ld)> = RelationKind::ALL
        .iter()
        .map(|r| {
            (
                r.as_str().to_string(),
                typed(&format!("kg:{}", relation_local_name(*r)), "@id"),
            )
        })
        .collect();
    let mut map: IndexMap<String, Ld> = c.drain(..).map(|(k, v)| (k.to_string(), v)).collect();
    map.extend(rel_terms);
    Ld::O(map)
}

/// A date under a term typed `xsd:date`: real dates as they are, anything else as a
/// plain string (a value object, which escapes the term's type coercion).
fn date(d: &str) -> Ld {
    match valid_date(Some(d)) {
        Some(d) => s(d),
        None => obj(vec![("@value", s(d))]),
    }
}

fn actor_iri(id: &str) -> String {
    format!("actor/{}", iri_segment(id))
}

fn doc_iri(id: &str) -> String {
    format!("doc/{}", iri_segment(id))
}

/// Writes the graph as pretty-printed JSON-LD.
pub fn write<W: Write>(graph: &ActorGraph, mut w: W) -> io::Result<W> {
    // Outgoing plain triples and office roles, per source actor.
    let mut out_rel: IndexMap<&str, IndexMap<&str, Vec<Ld>>> = IndexMap::new();
    let mut roles: IndexMap<&str, Vec<Ld>> = IndexMap::new();
    let mut statements = Vec::new();
    for (src, tgt, r) in graph.relations() {
        let (si, ti) = (actor_iri(&src.id), actor_iri(&tgt.id));
        out_rel
            .entry(src.id.as_str())
            .or_default()
            .entry(r.relation.as_str())
            .or_default()
            .push(s(&ti));
        let st_iri = format!(
            "statement/{}/{}/{}",
            iri_segment(&src.id),
            r.relation.as_str(),
            iri_segment(&tgt.id)
        );
        if let (RelationKind::HoldsOffice, Some(role)) = (r.relation, &r.role) {
            let mut role_node = vec![
                ("id", s(&format!("{st_iri}/role"))),
                ("type", s("Role")),
                ("roleName", s(role)),
                ("memberOf", s(&ti)),
            ];
            if let Some(st) = r.status {
                role_node.push(("status", s(st.as_str())));
            }
            roles
                .entry(src.id.as_str())
                .or_default()
                .push(obj(role_node));
        }
        let mut docs: Vec<&str> = Vec::new();
        let evidence: Vec<Ld> = r
            .evidence
            .iter()
            .enumerate()
            .map(|(k, e)| {
                if !docs.contains(&e.doc.as_str()) {
                    docs.push(&e.doc);
                }
                obj(vec![
                    ("id", s(&format!("{st_iri}/evidence/{k}"))),
                    ("type", s("Evidence")),
                    ("text", s(&e.text)),
                    ("derivedFrom", Ld::A(vec![s(&doc_iri(&e.doc))])),
                    ("sentence", v(e.sentence)),
                    ("start", v(e.start)),
                    ("end", v(e.end)),
                ])
            })
            .collect();
        let mut st = vec![
            ("id", s(&st_iri)),
            ("type", s("Statement")),
            ("subject", s(&si)),
            ("predicate", s(r.relation.as_str())),
            ("object", s(&ti)),
            ("verb", s(&r.verb)),
        ];
        if let Some(d) = &r.date {
            st.push(("date", date(d)));
        }
        if let Some(c) = finite(r.confidence) {
            st.push(("confidence", v(c)));
        }
        st.push(("weight", v(r.weight())));
        if let Some(role) = &r.role {
            st.push(("role", s(role)));
        }
        if let Some(x) = r.status {
            st.push(("status", s(x.as_str())));
        }
        if let Some(d) = &r.first_seen {
            st.push(("firstSeen", date(d)));
        }
        if let Some(d) = &r.last_seen {
            st.push(("lastSeen", date(d)));
        }
        st.push((
            "derivedFrom",
            Ld::A(docs.iter().map(|d| s(&doc_iri(d))).collect()),
        ));
        st.push(("evidence", Ld::A(evidence)));
        statements.push(obj(st));
    }

    let mut nodes = Vec::new();
    for a in graph.actors() {
        let mut n = vec![
            ("id", s(&actor_iri(&a.id))),
            ("type", Ld::A(types(a.kind).into_iter().map(s).collect())),
            ("name", s(&a.name)),
            ("identifier", s(&a.id)),
        ];
        if !a.aliases.is_empty() {
            n.push((
                "alternateName",
                Ld::A(a.aliases.iter().map(|x| s(x)).collect()),
            ));
        }
        if !a.titles.is_empty() {
            n.push(("titles", Ld::A(a.titles.iter().map(|x| s(x)).collect())));
        }
        n.push(("mentions", v(a.mentions)));
        n.push(("documentCount", v(a.documents)));
        if let Some(d) = &a.first_seen {
            n.push(("firstSeen", date(d)));
        }
        if let Some(d) = &a.last_seen {
            n.push(("lastSeen", date(d)));
        }
        let mut map: IndexMap<String, Ld> =
            n.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        if let Some(r) = roles.swap_remove(a.id.as_str()) {
            map.insert("memberOf".into(), Ld::A(r));
        }
        if let Some(rels) = out_rel.swap_remove(a.id.as_str()) {
            for (term, targets) in rels {
                map.insert(term.to_string(), Ld::A(targets));
            }
        }
        nodes.push(Ld::O(map));
    }
    nodes.extend(statements);
    for d in graph.documents() {
        let mut n = vec![
            ("id", s(&doc_iri(&d.id))),
            ("type", s("NewsArticle")),
            ("identifier", s(&d.id)),
        ];
        if let Some(t) = &d.title {
            n.push(("headline", s(t)));
        }
        if let Some(x) = &d.date {
            n.push(("datePublished", date(x)));
        }
        if let Some(u) = &d.url {
            n.push(("url", s(u)));
        }
        nodes.push(obj(n));
    }
    let doc = obj(vec![("@context", context()), ("@graph", Ld::A(nodes))]);
    serde_json::to_writer_pretty(&mut w, &doc)?;
    w.write_all(b"\n")?;
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::hostile_graph;

    #[test]
    fn hostile_names_read_back_with_serde_json() {
        let g = hostile_graph();
        let bytes = write(&g, Vec::new()).unwrap();
        let doc: Value = serde_json::from_slice(&bytes).unwrap();
        let ctx = &doc["@context"];
        assert_eq!(ctx["@version"], 1.1);
        assert_eq!(ctx["@base"], BASE);
        assert!(ctx.get("@vocab").is_none());
        assert_eq!(ctx["CONSULT"]["@id"], "kg:consult");
        assert_eq!(ctx["HOLDS_OFFICE"]["@id"], "kg:holdsOffice");
        let graph = doc["@graph"].as_array().unwrap();
        let actors: Vec<&Value> = graph
            .iter()
            .filter(|n| n["id"].as_str().unwrap().starts_with("actor/"))
            .collect();
        assert_eq!(actors.len(), g.node_count());
        for (n, a) in actors.iter().zip(g.actors()) {
            assert_eq!(n["name"], a.name.as_str());
            assert_eq!(n["identifier"], a.id.as_str());
            assert_eq!(n["id"], actor_iri(&a.id).as_str());
            let aliases: Vec<&str> = n
                .get("alternateName")
                .and_then(|x| x.as_array())
                .map(|xs| xs.iter().map(|x| x.as_str().unwrap()).collect())
                .unwrap_or_default();
            assert_eq!(aliases, a.aliases);
        }
        let statements: Vec<&Value> = graph.iter().filter(|n| n["type"] == "Statement").collect();
        assert_eq!(statements.len(), g.edge_count());
        for (st, (src, tgt, r)) in statements.iter().zip(g.relations()) {
            assert_eq!(st["subject"], actor_iri(&src.id).as_str());
            assert_eq!(st["object"], actor_iri(&tgt.id).as_str());
            assert_eq!(st["predicate"], r.relation.as_str());
            assert_eq!(st["verb"], r.verb.as_str());
            let ev = st["evidence"].as_array().unwrap();
            assert_eq!(ev.len(), r.evidence.len());
            assert_eq!(ev[0]["text"], r.evidence[0].text.as_str());
            // the plain triple is asserted on the subject
            let subj = actors.iter().find(|n| n["id"] == st["subject"]).unwrap();
            assert!(subj[r.relation.as_str()]
                .as_array()
                .unwrap()
                .contains(&st["object"]));
        }
        // the office role
        let khan = actors[0];
        assert_eq!(khan["memberOf"][0]["roleName"], "Prime Minister");
        assert_eq!(khan["memberOf"][0]["status"], "former");
        // a bad date is a plain string
        let bad = statements
            .iter()
            .find(|s| s["predicate"] == "REQUEST")
            .unwrap();
        assert_eq!(bad["date"]["@value"], "2024-13-45");
    }

    #[test]
    fn iris_and_names() {
        assert_eq!(iri_segment("imran-khan"), "imran-khan");
        assert_eq!(iri_segment("владимир"), "владимир");
        assert_eq!(iri_segment("a b/c:d.e%"), "a%20b%2Fc%3Ad%2Ee%25");
        assert_eq!(iri_segment("x\u{202E}"), "x%E2%80%AE");
        assert_eq!(
            relation_local_name(RelationKind::HoldsOffice),
            "holdsOffice"
        );
        assert_eq!(relation_local_name(RelationKind::Consult), "consult");
        assert_eq!(relation_local_name(RelationKind::DetainedIn), "detainedIn");
    }
}
