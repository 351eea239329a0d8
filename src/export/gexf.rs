//! GEXF 1.3 for Gephi (0.9.3+), written with quick-xml's writer.
//!
//! * Namespaces `http://gexf.net/1.3` and `http://gexf.net/1.3/viz`, `version="1.3"`.
//! * **Parallel edges stay apart.** Every edge has an id made of its ends, relation and
//!   mode ([`edge_id`], the same in GraphML), and `kind` = the relation (`CONSULT`), or
//!   `RELATION:mode` for a mode other than `asserted` (`CONSULT:negated`): Gephi merges
//!   parallel edges only when their kind is the same, and the graph has one edge per
//!   (source, relation, mode, target). `label` = the verb, `weight` = the number of
//!   supporting sentences.
//! * **A timeline that accumulates.** When any actor or relation has a date, the graph is
//!   `mode="dynamic"` `timeformat="date"` `timerepresentation="interval"`. An actor
//!   exists from its first appearance on: `start` is the earliest of its first mention
//!   and the dates of its relations (an article reports a meeting of the day before: the
//!   edge must not appear before its ends), and there is no `end`, so the network grows in
//!   Gephi's timeline instead of actors blinking out after their last mention. An edge
//!   has one `<spell>` per date it is reported for (each evidence item's date, else the
//!   relation's dates), from that day to that day. Dates that are not `YYYY-MM-DD` are
//!   left out of the timeline but kept in the attributes.
//! * Typed attributes. Nodes: `name`, `type`, `aliases`, `titles`, `ids` (`liststring`;
//!   identifiers as `scheme:id`, e.g. `wikidata:Q843`), `mentions`, `documents`
//!   (`integer`), `first_seen`, `last_seen`. Edges: `relation`, `mode`, `verb`, `date`,
//!   `confidence` (`double`), `evidence` (`integer`, the number of sentences),
//!   `evidence_text`, `evidence_refs` (`doc:sentence`), `evidence_dates` (empty when
//!   unknown), `evidence_reported_by` (actor ids, empty when none), `documents` (all five
//!   `liststring`, the evidence lists one element per sentence in the same order),
//!   `role`, `status`, `first_seen`, `last_seen`. GEXF 1.3 has no date attribute type
//!   (its schema lists none), so dates in attributes are `YYYY-MM-DD` strings, which sort
//!   as dates; the timeline above is typed (`timeformat="date"`).
//! * `viz:color` by entity type and by relation family ([`crate::palette`], the colours
//!   of the SVG/PNG legend), `viz:size` by degree.
//!
//! Replacements: characters XML 1.0 cannot hold become U+FFFD (as in GraphML). The
//! `label` attributes of nodes and edges are `xsd:token`s, so there whitespace is
//! collapsed (runs of spaces, tabs and line breaks become one space, none at the ends);
//! the exact name is in the `name` attribute. List values are written
//! `["a", "b, c"]`: every element in double quotes with `\` and `"` escaped by a
//! backslash, the list syntax Gephi's parser reads.

use super::{evidence_docs, finite, id_pairs, java_int, safe_id, valid_date, xml_attr};
use crate::graph::ActorGraph;
use crate::model::{Actor, Mode, Relation};
use crate::palette::{family_style, rgb, type_style};
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::collections::{BTreeSet, HashMap};
use std::io::{self, Write};

const NS: &str = "http://gexf.net/1.3";
const VIZ: &str = "http://gexf.net/1.3/viz";

/// (id and title, type) of the node attributes.
const NODE_ATTRS: &[(&str, &str)] = &[
    ("name", "string"),
    ("type", "string"),
    ("aliases", "liststring"),
    ("titles", "liststring"),
    ("ids", "liststring"),
    ("mentions", "integer"),
    ("documents", "integer"),
    ("first_seen", "string"),
    ("last_seen", "string"),
];

const EDGE_ATTRS: &[(&str, &str)] = &[
    ("relation", "string"),
    ("mode", "string"),
    ("verb", "string"),
    ("date", "string"),
    ("confidence", "double"),
    ("evidence", "integer"),
    ("evidence_text", "liststring"),
    ("evidence_refs", "liststring"),
    ("evidence_dates", "liststring"),
    ("evidence_reported_by", "liststring"),
    ("role", "string"),
    ("status", "string"),
    ("documents", "liststring"),
    ("first_seen", "string"),
    ("last_seen", "string"),
];

/// Collapses whitespace the way `xsd:token` requires.
pub fn token(s: &str) -> String {
    s.split([' ', '\t', '\n', '\r'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A GEXF list value: `["a", "b"]` with `\` and `"` backslash-escaped in each element.
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|s| {
            format!(
                "\"{}\"",
                s.as_ref().replace('\\', "\\\\").replace('"', "\\\"")
            )
        })
        .collect();
    format!("[{}]", quoted.join(", "))
}

/// The id of an edge in GEXF and GraphML: `SOURCE:RELATION:mode:TARGET` with the ends
/// through [`safe_id`], which never writes a `:`, so the id is an XML `NMTOKEN`, unique
/// (the graph has one edge per source, relation, mode and target) and the same in every
/// export of the same graph.
pub fn edge_id(source: &Actor, target: &Actor, r: &Relation) -> String {
    format!(
        "{}:{}:{}:{}",
        safe_id(&source.id),
        r.relation.as_str(),
        r.mode.as_str(),
        safe_id(&target.id)
    )
}

/// The `kind` that keeps parallel edges apart in Gephi: the relation, with the mode
/// when it is not `asserted`.
pub fn kind(r: &Relation) -> String {
    match r.mode {
        Mode::Asserted => r.relation.as_str().to_string(),
        m => format!("{}:{}", r.relation.as_str(), m.as_str()),
    }
}

/// The days an edge is reported for, sorted: the evidence items' dates, else the
/// relation's own dates.
fn edge_days(r: &Relation) -> Vec<&str> {
    let mut days: BTreeSet<&str> = r
        .evidence
        .iter()
        .filter_map(|e| valid_date(e.date.as_deref()))
        .collect();
    if days.is_empty() {
        for d in [&r.first_seen, &r.last_seen, &r.date] {
            if let Some(d) = valid_date(d.as_deref()) {
                days.insert(d);
            }
        }
    }
    days.into_iter().collect()
}

fn earliest<'a>(start: &mut Option<&'a str>, d: Option<&'a str>) {
    if let Some(d) = valid_date(d) {
        if start.is_none_or(|s| d < s) {
            *start = Some(d);
        }
    }
}

fn attvalues<W: Write>(xw: &mut Writer<W>, values: &[(&str, String)]) -> io::Result<()> {
    xw.write_event(Event::Start(BytesStart::new("attvalues")))?;
    for (k, v) in values {
        xw.create_element("attvalue")
            .with_attributes([xml_attr("for", k), xml_attr("value", v)])
            .write_empty()?;
    }
    xw.write_event(Event::End(BytesEnd::new("attvalues")))?;
    Ok(())
}

fn declare<W: Write>(xw: &mut Writer<W>, class: &str, attrs: &[(&str, &str)]) -> io::Result<()> {
    xw.write_event(Event::Start(
        BytesStart::new("attributes").with_attributes([("class", class)]),
    ))?;
    for (id, ty) in attrs {
        xw.create_element("attribute")
            .with_attributes([("id", *id), ("title", *id), ("type", *ty)])
            .write_empty()?;
    }
    xw.write_event(Event::End(BytesEnd::new("attributes")))?;
    Ok(())
}

fn color<W: Write>(xw: &mut Writer<W>, hex: &str) -> io::Result<()> {
    let (r, g, b) = rgb(hex);
    xw.create_element("viz:color")
        .with_attributes([
            ("r", r.to_string().as_str()),
            ("g", g.to_string().as_str()),
            ("b", b.to_string().as_str()),
            ("a", "1.0"),
        ])
        .write_empty()?;
    Ok(())
}

/// Writes the graph as GEXF 1.3.
pub fn write<W: Write>(graph: &ActorGraph, w: W) -> io::Result<W> {
    // When each actor appears first, and the days of each relation.
    let mut node_start: HashMap<&str, Option<&str>> = HashMap::new();
    for a in graph.actors() {
        let start = node_start.entry(a.id.as_str()).or_default();
        earliest(start, a.first_seen.as_deref());
        earliest(start, a.last_seen.as_deref());
    }
    let mut edge_spells = Vec::with_capacity(graph.edge_count());
    for (s, t, r) in graph.relations() {
        let days = edge_days(r);
        if let Some(first) = days.first() {
            for id in [s.id.as_str(), t.id.as_str()] {
                earliest(node_start.entry(id).or_default(), Some(first));
            }
        }
        edge_spells.push(days);
    }
    let dynamic =
        edge_spells.iter().any(|d| !d.is_empty()) || node_start.values().any(Option::is_some);
    let last_modified = graph
        .documents()
        .iter()
        .filter_map(|d| valid_date(d.date.as_deref()))
        .max();

    let mut xw = Writer::new_with_indent(w, b' ', 2);
    xw.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    xw.write_event(Event::Start(BytesStart::new("gexf").with_attributes([
        ("xmlns", NS),
        ("xmlns:viz", VIZ),
        ("version", "1.3"),
    ])))?;
    let mut meta = BytesStart::new("meta");
    if let Some(d) = last_modified {
        meta.push_attribute(("lastmodifieddate", d));
    }
    xw.write_event(Event::Start(meta))?;
    xw.create_element("creator")
        .write_text_content(BytesText::new("actorgraph"))?;
    xw.create_element("description")
        .write_text_content(BytesText::new(
            "Political actors and their relations, extracted from news articles",
        ))?;
    xw.write_event(Event::End(BytesEnd::new("meta")))?;

    let mut g = BytesStart::new("graph");
    g.push_attribute(("defaultedgetype", "directed"));
    if dynamic {
        g.push_attribute(("mode", "dynamic"));
        g.push_attribute(("timeformat", "date"));
        g.push_attribute(("timerepresentation", "interval"));
    } else {
        g.push_attribute(("mode", "static"));
    }
    xw.write_event(Event::Start(g))?;
    declare(&mut xw, "node", NODE_ATTRS)?;
    declare(&mut xw, "edge", EDGE_ATTRS)?;

    xw.write_event(Event::Start(BytesStart::new("nodes")))?;
    for a in graph.actors() {
        let id = safe_id(&a.id);
        let mut el = BytesStart::new("node");
        el.push_attribute(xml_attr("id", &id));
        el.push_attribute(xml_attr("label", &token(&a.name)));
        if let Some(Some(start)) = node_start.get(a.id.as_str()) {
            el.push_attribute(("start", *start));
        }
        xw.write_event(Event::Start(el))?;
        let mut values = vec![
            ("name", a.name.clone()),
            ("type", a.kind.as_str().to_string()),
        ];
        if !a.aliases.is_empty() {
            values.push(("aliases", list(&a.aliases)));
        }
        if !a.titles.is_empty() {
            values.push(("titles", list(&a.titles)));
        }
        if !a.ids.is_empty() {
            values.push(("ids", list(&id_pairs(a))));
        }
        values.push(("mentions", java_int(a.mentions.into()).to_string()));
        values.push(("documents", java_int(a.documents.into()).to_string()));
        for (k, d) in [("first_seen", &a.first_seen), ("last_seen", &a.last_seen)] {
            if let Some(d) = d {
                values.push((k, d.clone()));
            }
        }
        attvalues(&mut xw, &values)?;
        color(&mut xw, type_style(a.kind).fill)?;
        let size = 10.0 + 5.0 * (graph.degree(&a.id) as f64).sqrt();
        xw.create_element("viz:size")
            .with_attribute(("value", format!("{size:.2}").as_str()))
            .write_empty()?;
        xw.write_event(Event::End(BytesEnd::new("node")))?;
    }
    xw.write_event(Event::End(BytesEnd::new("nodes")))?;

    xw.write_event(Event::Start(BytesStart::new("edges")))?;
    for ((s, t, r), days) in graph.relations().zip(&edge_spells) {
        let (sid, tid) = (safe_id(&s.id), safe_id(&t.id));
        let mut el = BytesStart::new("edge");
        let weight = format!("{:.1}", r.weight() as f64);
        el.extend_attributes([
            xml_attr("id", &edge_id(s, t, r)),
            xml_attr("source", &sid),
            xml_attr("target", &tid),
            xml_attr("label", &token(&r.verb)),
            xml_attr("kind", &kind(r)),
            Attribute::from(("weight", weight.as_str())),
        ]);
        xw.write_event(Event::Start(el))?;
        let texts: Vec<&str> = r.evidence.iter().map(|e| e.text.as_str()).collect();
        let refs: Vec<String> = r
            .evidence
            .iter()
            .map(|e| format!("{}:{}", e.doc, e.sentence))
            .collect();
        let dates: Vec<&str> = r
            .evidence
            .iter()
            .map(|e| e.date.as_deref().unwrap_or(""))
            .collect();
        let reporters: Vec<&str> = r
            .evidence
            .iter()
            .map(|e| e.reported_by.as_deref().unwrap_or(""))
            .collect();
        let mut values = vec![
            ("relation", r.relation.as_str().to_string()),
            ("mode", r.mode.as_str().to_string()),
            ("verb", r.verb.clone()),
        ];
        if let Some(d) = &r.date {
            values.push(("date", d.clone()));
        }
        if let Some(c) = finite(r.confidence) {
            values.push(("confidence", c.to_string()));
        }
        values.push(("evidence", java_int(r.weight() as u64).to_string()));
        values.push(("evidence_text", list(&texts)));
        values.push(("evidence_refs", list(&refs)));
        values.push(("evidence_dates", list(&dates)));
        values.push(("evidence_reported_by", list(&reporters)));
        if let Some(role) = &r.role {
            values.push(("role", role.clone()));
        }
        if let Some(st) = r.status {
            values.push(("status", st.as_str().to_string()));
        }
        values.push(("documents", list(&evidence_docs(&r.evidence))));
        for (k, d) in [("first_seen", &r.first_seen), ("last_seen", &r.last_seen)] {
            if let Some(d) = d {
                values.push((k, d.clone()));
            }
        }
        attvalues(&mut xw, &values)?;
        if !days.is_empty() {
            xw.write_event(Event::Start(BytesStart::new("spells")))?;
            for d in days {
                xw.create_element("spell")
                    .with_attributes([("start", *d), ("end", *d)])
                    .write_empty()?;
            }
            xw.write_event(Event::End(BytesEnd::new("spells")))?;
        }
        color(&mut xw, family_style(r.relation.family()).colour)?;
        xw.write_event(Event::End(BytesEnd::new("edge")))?;
    }
    xw.write_event(Event::End(BytesEnd::new("edges")))?;
    xw.write_event(Event::End(BytesEnd::new("graph")))?;
    xw.write_event(Event::End(BytesEnd::new("gexf")))?;
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

    fn values(el: &Element) -> HashMap<String, String> {
        el.first("attvalues")
            .map(|av| {
                av.all("attvalue")
                    .map(|v| {
                        (
                            v.attr("for").unwrap().to_string(),
                            v.attr("value").unwrap().to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Reads a list value back with the quoting rules of [`list`].
    fn unlist(s: &str) -> Vec<String> {
        let inner = s
            .strip_prefix('[')
            .and_then(|s| s.strip_suffix(']'))
            .unwrap();
        let mut out = Vec::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c == '"' {
                let mut item = String::new();
                loop {
                    match chars.next().unwrap() {
                        '\\' => item.push(chars.next().unwrap()),
                        '"' => break,
                        o => item.push(o),
                    }
                }
                out.push(item);
            }
        }
        out
    }

    #[test]
    fn hostile_names_read_back() {
        let g = hostile_graph();
        let bytes = write(&g, Vec::new()).unwrap();
        let root = parse_xml(&bytes);
        assert_eq!(root.name, "gexf");
        assert_eq!(root.attr("version"), Some("1.3"));
        let graph = root.first("graph").unwrap();
        assert_eq!(graph.attr("mode"), Some("dynamic"));
        assert_eq!(graph.attr("timeformat"), Some("date"));
        let nodes: Vec<_> = graph.first("nodes").unwrap().all("node").collect();
        assert_eq!(nodes.len(), g.node_count());
        for (n, a) in nodes.iter().zip(g.actors()) {
            assert_eq!(n.attr("id").unwrap(), safe_id(&a.id));
            assert_eq!(n.attr("label").unwrap(), token(&xml_safe(&a.name)));
            let v = values(n);
            assert_eq!(v["name"], xml_safe(&a.name));
            let aliases: Vec<String> = a.aliases.iter().map(|s| xml_safe(s).into()).collect();
            let got = v.get("aliases").map(|l| unlist(l)).unwrap_or_default();
            assert_eq!(got, aliases);
            assert_eq!(v["type"], a.kind.as_str());
            assert!(n.first("viz:color").is_some());
        }
        let edges: Vec<_> = graph.first("edges").unwrap().all("edge").collect();
        assert_eq!(edges.len(), g.edge_count());
        for (e, (s, t, r)) in edges.iter().zip(g.relations()) {
            assert_eq!(e.attr("source").unwrap(), safe_id(&s.id));
            assert_eq!(e.attr("target").unwrap(), safe_id(&t.id));
            assert_eq!(e.attr("kind"), Some(kind(r).as_str()));
            assert_eq!(
                e.attr("weight").unwrap().parse::<f64>().unwrap(),
                r.weight() as f64
            );
            let v = values(e);
            assert_eq!(v["verb"], xml_safe(&r.verb));
            assert_eq!(v["relation"], r.relation.as_str());
            // The bad date stays an attribute but is not on the timeline.
            if r.date.as_deref() == Some("2024-13-45") {
                assert_eq!(v["date"], "2024-13-45");
                assert!(e.first("spells").is_none());
            }
            assert_eq!(unlist(&v["evidence_text"]).len(), r.evidence.len());
            assert_eq!(e.attr("id").unwrap(), edge_id(s, t, r));
        }
        // The meeting of 2024-05-07 moves its ends' start; nodes never end.
        let n0 = nodes[0];
        assert_eq!(n0.attr("start"), Some("2024-05-07"));
        assert!(nodes.iter().all(|n| n.attr("end").is_none()));
    }

    #[test]
    fn static_without_dates() {
        let mut g = crate::graph::ActorGraph::new();
        g.insert_actor(crate::model::Actor {
            ids: Default::default(),
            id: "a".into(),
            name: "A".into(),
            kind: crate::model::EntityType::Person,
            aliases: vec![],
            titles: vec![],
            mentions: 1,
            documents: 1,
            first_seen: None,
            last_seen: None,
        });
        let root = parse_xml(&write(&g, Vec::new()).unwrap());
        let graph = root.first("graph").unwrap();
        assert_eq!(graph.attr("mode"), Some("static"));
        assert!(graph.attr("timeformat").is_none());
        assert!(root
            .first("meta")
            .unwrap()
            .attr("lastmodifieddate")
            .is_none());
    }

    #[test]
    fn tokens_and_lists() {
        assert_eq!(token("  a \t b\n\nc "), "a b c");
        assert_eq!(
            list(&["a", "b, c", "say \"hi\\\""]),
            r#"["a", "b, c", "say \"hi\\\""]"#
        );
        assert_eq!(list::<&str>(&[]), "[]");
    }

    /// Russia AGREE Syria and Russia AID Syria, and an asserted and a negated meeting of
    /// the same pair: four edges with four ids and four kinds. The timeline grows: an
    /// actor starts at its first appearance and never ends; each edge has a spell per
    /// reported day.
    #[test]
    fn parallel_edges_stay_apart_and_the_timeline_accumulates() {
        use crate::graph::select::tests::{actor, relation};
        use crate::model::{EntityType, RelationKind};
        let mut g = ActorGraph::new();
        let mut ru = actor("russia", "Russia", EntityType::Country, &[]);
        ru.first_seen = Some("2024-01-05".into());
        ru.last_seen = Some("2024-03-01".into());
        let mut sy = actor("syria", "Syria", EntityType::Country, &[]);
        sy.first_seen = Some("2024-02-01".into());
        sy.last_seen = Some("2024-02-01".into());
        g.insert_actor(ru);
        g.insert_actor(sy);
        let dated = |k, mode: Mode, days: &[&str]| {
            let mut r = relation(k, "x", days.len());
            r.mode = mode;
            for (e, d) in r.evidence.iter_mut().zip(days) {
                e.date = Some((*d).into());
            }
            r.first_seen = days.first().map(|d| d.to_string());
            r.last_seen = days.last().map(|d| d.to_string());
            r
        };
        g.insert_relation(
            "russia",
            "syria",
            dated(RelationKind::Agree, Mode::Asserted, &["2024-02-01"]),
        );
        g.insert_relation(
            "russia",
            "syria",
            dated(
                RelationKind::Aid,
                Mode::Asserted,
                &["2024-01-20", "2024-02-03"],
            ),
        );
        g.insert_relation(
            "russia",
            "syria",
            dated(RelationKind::Consult, Mode::Asserted, &["2024-01-25"]),
        );
        g.insert_relation(
            "russia",
            "syria",
            dated(RelationKind::Consult, Mode::Negated, &["2024-03-01"]),
        );
        let root = parse_xml(&write(&g, Vec::new()).unwrap());
        let graph = root.first("graph").unwrap();
        let edges: Vec<_> = graph.first("edges").unwrap().all("edge").collect();
        assert_eq!(edges.len(), 4);
        let ids: BTreeSet<_> = edges.iter().map(|e| e.attr("id").unwrap()).collect();
        let kinds: BTreeSet<_> = edges.iter().map(|e| e.attr("kind").unwrap()).collect();
        assert_eq!(ids.len(), 4);
        assert_eq!(
            kinds,
            BTreeSet::from(["AGREE", "AID", "CONSULT", "CONSULT:negated"])
        );
        let spells = |e: &Element| -> Vec<(String, String)> {
            e.first("spells")
                .map(|s| {
                    s.all("spell")
                        .map(|x| {
                            (
                                x.attr("start").unwrap().into(),
                                x.attr("end").unwrap().into(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(
            spells(edges[1]),
            vec![
                ("2024-01-20".into(), "2024-01-20".into()),
                ("2024-02-03".into(), "2024-02-03".into())
            ]
        );
        let nodes: Vec<_> = graph.first("nodes").unwrap().all("node").collect();
        assert_eq!(nodes[0].attr("start"), Some("2024-01-05"));
        // Syria is first mentioned on 2024-02-01, but the aid of 2024-01-20 reaches it
        assert_eq!(nodes[1].attr("start"), Some("2024-01-20"));
        assert!(nodes.iter().all(|n| n.attr("end").is_none()));
        for e in &edges {
            let start = nodes[1].attr("start").unwrap();
            assert!(spells(e).iter().all(|(a, _)| a.as_str() >= start));
        }
    }
}
