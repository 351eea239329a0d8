//! JSON-LD 1.1 with an inline `@context` (no remote context, no `@vocab`, no `@base`):
//! what pyld, rdflib and Oxigraph all read to the same triples, the triples of
//! [`super::rdf`] (whose module docs say which they are; N-Triples and Turtle hold the
//! same).
//!
//! The document is flat: `@graph` holds one node object per subject, in the order of
//! [`super::rdf::triples`] (actors, then each statement followed by its sentences, then
//! documents), and no object is nested in another. Every node has an IRI (no blank
//! nodes), written as a compact IRI with the prefix `ag:` for the base (`--base-iri`,
//! default [`BASE`]): `"id": "ag:actor/imran-khan"`. Properties are short terms of the
//! context (`name`, `alternateName`, `mode`, `verb`, `evidence`, `text`, `CONSULT`, …;
//! relation terms are the relations' names and map to `kg:consult`, …), with their
//! types in the context, so values are plain JSON strings and integers; a value whose
//! type is not the term's (a date that is not a real date) is a value object. A term
//! with several values has an array.
//!
//! Flat, with every value coerced by its term and few nodes per fact, so that rdflib,
//! which spends its time per triple and per node, reads it fast (see the README for the
//! measurement). Strings are escaped by serde_json, so every name reads back exactly.

use super::rdf::{self, RDF, XSD};
use crate::graph::ActorGraph;
use crate::model::RelationKind;
use indexmap::IndexMap;
use oxrdf::{NamedOrBlankNode, Term};
use serde::Serialize;
use serde_json::Value;
use std::io::{self, Write};

pub use super::rdf::{iri_segment, relation_local_name};

/// The default base IRI of actors, documents and statements (`--base-iri`).
pub const BASE: &str = "https://actorgraph.example/id/";
/// The namespace of our classes and properties (prefix `kg:`).
pub const VOCAB: &str = "https://actorgraph.example/vocab#";

/// How a term's values are typed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Coerce {
    /// Plain strings.
    None,
    /// IRIs (`"@type": "@id"`).
    Id,
    /// Literals of this XSD datatype (local name).
    Xsd(&'static str),
}

/// The terms of the context: (term, compact IRI, coercion).
const TERMS: &[(&str, &str, Coerce)] = &[
    ("name", "schema:name", Coerce::None),
    ("identifier", "schema:identifier", Coerce::None),
    ("alternateName", "schema:alternateName", Coerce::None),
    ("sameAs", "schema:sameAs", Coerce::Id),
    ("memberOf", "schema:memberOf", Coerce::Id),
    ("roleName", "schema:roleName", Coerce::None),
    ("headline", "schema:headline", Coerce::None),
    ("datePublished", "schema:datePublished", Coerce::Xsd("date")),
    ("url", "schema:url", Coerce::None),
    ("titles", "kg:title", Coerce::None),
    ("mentions", "kg:mentions", Coerce::Xsd("integer")),
    ("documentCount", "kg:documentCount", Coerce::Xsd("integer")),
    ("firstSeen", "kg:firstSeen", Coerce::Xsd("date")),
    ("lastSeen", "kg:lastSeen", Coerce::Xsd("date")),
    ("externalId", "kg:externalId", Coerce::None),
    ("subject", "rdf:subject", Coerce::Id),
    ("predicate", "rdf:predicate", Coerce::Id),
    ("object", "rdf:object", Coerce::Id),
    ("mode", "kg:mode", Coerce::None),
    ("verb", "kg:verb", Coerce::None),
    ("date", "kg:date", Coerce::Xsd("date")),
    ("confidence", "kg:confidence", Coerce::Xsd("double")),
    ("weight", "kg:weight", Coerce::Xsd("integer")),
    ("role", "kg:role", Coerce::None),
    ("status", "kg:status", Coerce::None),
    ("derivedFrom", "prov:wasDerivedFrom", Coerce::Id),
    ("evidence", "kg:evidence", Coerce::Id),
    ("text", "kg:text", Coerce::None),
    ("sentence", "kg:sentence", Coerce::Xsd("integer")),
    ("reportedBy", "kg:reportedBy", Coerce::Id),
];

/// The class terms (`"type": "Person"`).
const CLASSES: &[(&str, &str)] = &[
    ("Person", "schema:Person"),
    ("Country", "schema:Country"),
    ("Place", "schema:Place"),
    ("Organization", "schema:Organization"),
    ("GovernmentOrganization", "schema:GovernmentOrganization"),
    ("PoliticalParty", "schema:PoliticalParty"),
    ("NewsMediaOrganization", "schema:NewsMediaOrganization"),
    ("NewsArticle", "schema:NewsArticle"),
    ("Role", "schema:Role"),
    ("Statement", "rdf:Statement"),
];

/// An ordered JSON value (serde_json's own map sorts its keys).
#[derive(Serialize)]
#[serde(untagged)]
enum Ld {
    V(Value),
    O(IndexMap<String, Ld>),
    A(Vec<Ld>),
}

fn s(x: &str) -> Ld {
    Ld::V(Value::String(x.to_string()))
}

/// Expands a compact IRI of the context (`kg:verb`) with the base `base`.
fn expand(compact: &str, base: &str) -> String {
    let (prefix, local) = compact.split_once(':').unwrap_or(("", compact));
    for (p, ns) in rdf::prefixes(base) {
        if p == prefix {
            return format!("{ns}{local}");
        }
    }
    compact.to_string()
}

/// The compact form of an IRI: `ag:`, `kg:`, `schema:`… when one of the prefixes
/// starts it, else the IRI itself.
fn compact(iri: &str, prefixes: &[(&'static str, String)]) -> String {
    for (p, ns) in prefixes {
        if let Some(local) = iri.strip_prefix(ns.as_str()) {
            // `ag:` + a local part starting with `//` would read as a path, not a prefix
            if !local.starts_with("//") {
                return format!("{p}:{local}");
            }
        }
    }
    iri.to_string()
}

/// The context: prefixes, the `id`/`type` aliases, the terms of [`TERMS`], the classes,
/// and one term per relation (`CONSULT` → `kg:consult`, an IRI).
fn context(base: &str) -> Ld {
    let mut c: IndexMap<String, Ld> = IndexMap::new();
    c.insert("@version".into(), Ld::V(serde_json::json!(1.1)));
    for (p, ns) in rdf::prefixes(base) {
        c.insert(p.into(), s(&ns));
    }
    c.insert("id".into(), s("@id"));
    c.insert("type".into(), s("@type"));
    for (name, class) in CLASSES {
        c.insert(name.to_string(), s(class));
    }
    let def = |id: &str, coerce: Coerce| -> Ld {
        match coerce {
            Coerce::None => s(id),
            Coerce::Id => Ld::O(IndexMap::from([
                ("@id".to_string(), s(id)),
                ("@type".to_string(), s("@id")),
            ])),
            Coerce::Xsd(t) => Ld::O(IndexMap::from([
                ("@id".to_string(), s(id)),
                ("@type".to_string(), s(&format!("xsd:{t}"))),
            ])),
        }
    };
    for (term, id, coerce) in TERMS {
        c.insert(term.to_string(), def(id, *coerce));
    }
    for r in RelationKind::ALL {
        c.insert(
            r.as_str().to_string(),
            def(&format!("kg:{}", relation_local_name(*r)), Coerce::Id),
        );
    }
    Ld::O(c)
}

/// Term and coercion for every predicate IRI, expanded.
fn predicate_terms(base: &str) -> IndexMap<String, (String, Coerce)> {
    let mut m: IndexMap<String, (String, Coerce)> = TERMS
        .iter()
        .map(|(t, id, c)| (expand(id, base), (t.to_string(), *c)))
        .collect();
    for r in RelationKind::ALL {
        m.insert(
            format!("{VOCAB}{}", relation_local_name(*r)),
            (r.as_str().to_string(), Coerce::Id),
        );
    }
    m
}

/// A value of a term with the coercion `coerce`.
fn value(o: &Term, coerce: Coerce, prefixes: &[(&'static str, String)]) -> Ld {
    match o {
        Term::NamedNode(n) if coerce == Coerce::Id => s(&compact(n.as_str(), prefixes)),
        Term::NamedNode(n) => Ld::O(IndexMap::from([(
            "@id".to_string(),
            s(&compact(n.as_str(), prefixes)),
        )])),
        Term::Literal(l) => {
            let dt = l.datatype().as_str();
            let plain = dt == format!("{XSD}string");
            match coerce {
                Coerce::None if plain => s(l.value()),
                Coerce::Xsd("integer")
                    if dt == format!("{XSD}integer")
                        && l.value().bytes().all(|b| b.is_ascii_digit()) =>
                {
                    // a JSON integer reads back as exactly this xsd:integer
                    match l.value().parse::<u64>() {
                        Ok(n) => Ld::V(Value::from(n)),
                        Err(_) => s(l.value()),
                    }
                }
                Coerce::Xsd(t) if dt == format!("{XSD}{t}") => s(l.value()),
                _ if plain => Ld::O(IndexMap::from([("@value".to_string(), s(l.value()))])),
                _ => Ld::O(IndexMap::from([
                    ("@value".to_string(), s(l.value())),
                    ("@type".to_string(), s(&compact(dt, prefixes))),
                ])),
            }
        }
        // no blank nodes or quoted triples are made
        _ => s(&o.to_string()),
    }
}

/// Writes the graph as JSON-LD with our IRIs under the default [`BASE`].
pub fn write<W: Write>(graph: &ActorGraph, w: W) -> io::Result<W> {
    write_with_base(graph, BASE, w)
}

/// Writes the graph as JSON-LD with our IRIs under `base` (see [`rdf::check_base_iri`]).
pub fn write_with_base<W: Write>(graph: &ActorGraph, base: &str, mut w: W) -> io::Result<W> {
    let prefixes = rdf::prefixes(base);
    let terms = predicate_terms(base);
    let classes: IndexMap<String, &str> = CLASSES
        .iter()
        .map(|(name, id)| (expand(id, base), *name))
        .collect();
    let rdf_type = format!("{RDF}type");
    // node objects in the order of first appearance, each property's values in order
    let mut nodes: IndexMap<String, IndexMap<String, Vec<Ld>>> = IndexMap::new();
    for t in rdf::triples(graph, base) {
        let NamedOrBlankNode::NamedNode(subject) = &t.subject else {
            continue;
        };
        let node = nodes.entry(subject.as_str().to_string()).or_default();
        let p = t.predicate.as_str();
        if p == rdf_type {
            if let Term::NamedNode(class) = &t.object {
                let name = match classes.get(class.as_str()) {
                    Some(n) => n.to_string(),
                    None => compact(class.as_str(), &prefixes),
                };
                node.entry("type".into()).or_default().push(s(&name));
            }
            continue;
        }
        let (key, coerce) = match terms.get(p) {
            Some((term, c)) => (term.clone(), *c),
            None => (compact(p, &prefixes), Coerce::None),
        };
        node.entry(key)
            .or_default()
            .push(value(&t.object, coerce, &prefixes));
    }
    let graph_nodes: Vec<Ld> = nodes
        .into_iter()
        .map(|(id, props)| {
            let mut o: IndexMap<String, Ld> = IndexMap::new();
            o.insert("id".into(), s(&compact(&id, &prefixes)));
            for (k, mut vs) in props {
                let v = if vs.len() == 1 {
                    vs.remove(0)
                } else {
                    Ld::A(vs)
                };
                o.insert(k, v);
            }
            Ld::O(o)
        })
        .collect();
    let doc = Ld::O(IndexMap::from([
        ("@context".to_string(), context(base)),
        ("@graph".to_string(), Ld::A(graph_nodes)),
    ]));
    serde_json::to_writer_pretty(&mut w, &doc)?;
    w.write_all(b"\n")?;
    Ok(w)
}

/// The triples of a document written by [`write_with_base`], read back by the rules of
/// its own context (what a JSON-LD processor does with it), as N-Triples lines.
#[cfg(test)]
pub(crate) fn read_back(bytes: &[u8]) -> std::collections::BTreeSet<String> {
    let doc: Value = serde_json::from_slice(bytes).unwrap();
    let ctx = doc["@context"].as_object().unwrap();
    let ns = |p: &str| ctx.get(p).and_then(|v| v.as_str()).map(str::to_string);
    let expand_iri = |c: &str| -> String {
        match c.split_once(':') {
            Some((p, local)) if ns(p).is_some() && !local.starts_with("//") => {
                format!("{}{local}", ns(p).unwrap())
            }
            _ => c.to_string(),
        }
    };
    let mut out = std::collections::BTreeSet::new();
    for node in doc["@graph"].as_array().unwrap() {
        let subject = expand_iri(node["id"].as_str().unwrap());
        for (k, v) in node.as_object().unwrap() {
            if k == "id" {
                continue;
            }
            let values: Vec<&Value> = match v {
                Value::Array(xs) => xs.iter().collect(),
                x => vec![x],
            };
            if k == "type" {
                for c in values {
                    let c = c.as_str().unwrap();
                    let iri = ctx.get(c).and_then(|x| x.as_str()).unwrap_or(c);
                    out.insert(format!("<{subject}> <{RDF}type> <{}> .", expand_iri(iri)));
                }
                continue;
            }
            let def = &ctx[k];
            let (pred, ty) = match def {
                Value::String(id) => (expand_iri(id), None),
                Value::Object(o) => (
                    expand_iri(o["@id"].as_str().unwrap()),
                    o.get("@type").and_then(|t| t.as_str()),
                ),
                _ => panic!("term {k} undefined"),
            };
            for v in values {
                let object = match (v, ty) {
                    (Value::String(x), Some("@id")) => format!("<{}>", expand_iri(x)),
                    (Value::String(x), Some(t)) => oxrdf::Literal::new_typed_literal(
                        x,
                        oxrdf::NamedNode::new(expand_iri(t)).unwrap(),
                    )
                    .to_string(),
                    (Value::String(x), None) => oxrdf::Literal::new_simple_literal(x).to_string(),
                    (Value::Number(n), _) => oxrdf::Literal::new_typed_literal(
                        n.to_string(),
                        oxrdf::NamedNode::new(format!("{XSD}integer")).unwrap(),
                    )
                    .to_string(),
                    (Value::Object(o), _) => {
                        let val = o["@value"].as_str().unwrap();
                        match o.get("@type").and_then(|t| t.as_str()) {
                            Some(t) => oxrdf::Literal::new_typed_literal(
                                val,
                                oxrdf::NamedNode::new(expand_iri(t)).unwrap(),
                            )
                            .to_string(),
                            None => oxrdf::Literal::new_simple_literal(val).to_string(),
                        }
                    }
                    other => panic!("unexpected value {other:?}"),
                };
                out.insert(format!("<{subject}> <{pred}> {object} ."));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::hostile_graph;

    #[test]
    fn the_json_ld_holds_exactly_the_rdf_triples() {
        let g = hostile_graph();
        for base in [BASE, "https://example.org/kg/"] {
            let bytes = write_with_base(&g, base, Vec::new()).unwrap();
            let want: std::collections::BTreeSet<String> = rdf::triples(&g, base)
                .iter()
                .map(|t| format!("{t} ."))
                .collect();
            assert_eq!(read_back(&bytes), want);
        }
    }

    #[test]
    fn flat_nodes_with_short_terms() {
        let g = hostile_graph();
        let bytes = write(&g, Vec::new()).unwrap();
        let doc: Value = serde_json::from_slice(&bytes).unwrap();
        let ctx = &doc["@context"];
        assert_eq!(ctx["@version"], 1.1);
        assert!(ctx.get("@vocab").is_none() && ctx.get("@base").is_none());
        assert_eq!(ctx["CONSULT"]["@id"], "kg:consult");
        assert_eq!(ctx["HOLDS_OFFICE"]["@id"], "kg:holdsOffice");
        let graph = doc["@graph"].as_array().unwrap();
        let actors: Vec<&Value> = graph
            .iter()
            .filter(|n| n["id"].as_str().unwrap().starts_with("ag:actor/"))
            .collect();
        assert_eq!(actors.len(), g.node_count());
        for (n, a) in actors.iter().zip(g.actors()) {
            assert_eq!(n["name"], a.name.as_str());
            assert_eq!(n["identifier"], a.id.as_str());
        }
        let statements: Vec<&Value> = graph.iter().filter(|n| n["type"] == "Statement").collect();
        assert_eq!(statements.len(), g.edge_count());
        // nothing is nested: every value is a string, a number or a value object
        for n in graph {
            for (_, v) in n.as_object().unwrap() {
                let vs = v.as_array().cloned().unwrap_or_else(|| vec![v.clone()]);
                for x in vs {
                    assert!(
                        x.is_string() || x.is_number() || x.get("@value").is_some(),
                        "{x}"
                    );
                }
            }
        }
        let bad = statements
            .iter()
            .find(|s| s["predicate"] == "kg:request")
            .unwrap();
        assert_eq!(bad["date"]["@value"], "2024-13-45");
    }
}
