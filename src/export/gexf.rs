//! GEXF 1.3 for Gephi (0.9.3+), written with quick-xml's writer.
//!
//! * Namespaces `http://gexf.net/1.3` and `http://gexf.net/1.3/viz`, `version="1.3"`.
//! * When any actor or relation has a date, the graph is `mode="dynamic"`
//!   `timeformat="date"` `timerepresentation="interval"`, and nodes and edges carry
//!   `start`/`end`: a relation from its first to its last date (or its date), an actor
//!   from its first to its last mention, widened to cover the dates of its relations
//!   (an article reports a meeting of the day before: the edge must not appear in
//!   Gephi's timeline before its ends do). Dates that are not `YYYY-MM-DD` are left out
//!   of the timeline but kept in the `date` attribute.
//! * Typed attributes: nodes `name`, `type`, `aliases` and `titles` (`liststring`),
//!   `mentions`, `documents` (`integer`); edges `relation`, `verb`, `date`, `confidence`
//!   (`double`), `evidence` (`integer`, the number of sentences), `evidence_text` (the
//!   first sentence), `role`, `status`, `documents` (`liststring`).
//! * `viz:color` by entity type and by relation family ([`crate::palette`], the colours
//!   of the SVG/PNG legend), `viz:size` by degree; edge `weight` = number of
//!   supporting sentences, `kind` = relation (so Gephi keeps parallel edges of different
//!   relations apart), `label` = verb.
//!
//! Replacements: characters XML 1.0 cannot hold become U+FFFD (as in GraphML). The
//! `label` attributes of nodes and edges are `xsd:token`s, so there whitespace is
//! collapsed (runs of spaces, tabs and line breaks become one space, none at the ends);
//! the exact name is in the `name` attribute. List values are written
//! `["a", "b, c"]`: every element in double quotes with `\` and `"` escaped by a
//! backslash, the list syntax Gephi's parser reads.

use super::{finite, java_int, safe_id, valid_date, xml_attr};
use crate::graph::ActorGraph;
use crate::palette::{family_style, rgb, type_style};
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use std::collections::HashMap;
use std::io::{self, Write};

const NS: &str = "http://gexf.net/1.3";
const VIZ: &str = "http://gexf.net/1.3/viz";

/// (id and title, type) of the node attributes.
const NODE_ATTRS: &[(&str, &str)] = &[
    ("name", "string"),
    ("type", "string"),
    ("aliases", "liststring"),
    ("titles", "liststring"),
    ("mentions", "integer"),
    ("documents", "integer"),
];

const EDGE_ATTRS: &[(&str, &str)] = &[
    ("relation", "string"),
    ("verb", "string"),
    ("date", "string"),
    ("confidence", "double"),
    ("evidence", "integer"),
    ("evidence_text", "string"),
    ("role", "string"),
    ("status", "string"),
    ("documents", "liststring"),
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

/// Widens an interval to include a date.
fn widen<'a>(span: &mut Option<(&'a str, &'a str)>, d: Option<&'a str>) {
    let Some(d) = valid_date(d) else { return };
    *span = Some(match *span {
        None => (d, d),
        Some((a, b)) => (a.min(d), b.max(d)),
    });
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

/// Writes the graph as GEXF 1.3.
pub fn write<W: Write>(graph: &ActorGraph, w: W) -> io::Result<W> {
    // Time spans of relations and actors.
    let mut node_span: HashMap<&str, Option<(&str, &str)>> = HashMap::new();
    for a in graph.actors() {
        let span = node_span.entry(a.id.as_str()).or_default();
        widen(span, a.first_seen.as_deref());
        widen(span, a.last_seen.as_deref());
    }
    let mut edge_spans = Vec::with_capacity(graph.edge_count());
    for (s, t, r) in graph.relations() {
        let mut span = None;
        widen(&mut span, r.first_seen.as_deref());
        widen(&mut span, r.last_seen.as_deref());
        if span.is_none() {
            widen(&mut span, r.date.as_deref());
        }
        if let Some((a, b)) = span {
            for id in [s.id.as_str(), t.id.as_str()] {
                let n = node_span.entry(id).or_default();
                widen(n, Some(a));
                widen(n, Some(b));
            }
        }
        edge_spans.push(span);
    }
    let dynamic = edge_spans.iter().any(Option::is_some) || node_span.values().any(Option::is_some);
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
        if let Some(Some((s, e))) = node_span.get(a.id.as_str()) {
            el.push_attribute(("start", *s));
            el.push_attribute(("end", *e));
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
        values.push(("mentions", java_int(a.mentions.into()).to_string()));
        values.push(("documents", java_int(a.documents.into()).to_string()));
        attvalues(&mut xw, &values)?;
        let (r, g, b) = rgb(type_style(a.kind).fill);
        xw.create_element("viz:color")
            .with_attributes([
                ("r", r.to_string().as_str()),
                ("g", g.to_string().as_str()),
                ("b", b.to_string().as_str()),
                ("a", "1.0"),
            ])
            .write_empty()?;
        let size = 10.0 + 5.0 * (graph.degree(&a.id) as f64).sqrt();
        xw.create_element("viz:size")
            .with_attribute(("value", format!("{size:.2}").as_str()))
            .write_empty()?;
        xw.write_event(Event::End(BytesEnd::new("node")))?;
    }
    xw.write_event(Event::End(BytesEnd::new("nodes")))?;

    xw.write_event(Event::Start(BytesStart::new("edges")))?;
    for (i, ((s, t, r), span)) in graph.relations().zip(&edge_spans).enumerate() {
        let (sid, tid) = (safe_id(&s.id), safe_id(&t.id));
        let mut el = BytesStart::new("edge");
        let weight = format!("{:.1}", r.weight() as f64);
        el.extend_attributes([
            xml_attr("id", &format!("e{i}")),
            xml_attr("source", &sid),
            xml_attr("target", &tid),
            xml_attr("label", &token(&r.verb)),
            xml_attr("kind", r.relation.as_str()),
            Attribute::from(("weight", weight.as_str())),
        ]);
        if let Some((a, b)) = span {
            el.push_attribute(("start", *a));
            el.push_attribute(("end", *b));
        }
        xw.write_event(Event::Start(el))?;
        let mut values = vec![
            ("relation", r.relation.as_str().to_string()),
            ("verb", r.verb.clone()),
        ];
        if let Some(d) = &r.date {
            values.push(("date", d.clone()));
        }
        if let Some(c) = finite(r.confidence) {
            values.push(("confidence", c.to_string()));
        }
        values.push(("evidence", java_int(r.weight() as u64).to_string()));
        if let Some(ev) = r.evidence.first() {
            values.push(("evidence_text", ev.text.to_string()));
        }
        if let Some(role) = &r.role {
            values.push(("role", role.clone()));
        }
        if let Some(st) = r.status {
            values.push(("status", st.as_str().to_string()));
        }
        values.push((
            "documents",
            list(&super::graphml::evidence_docs(&r.evidence)),
        ));
        attvalues(&mut xw, &values)?;
        let (cr, cg, cb) = rgb(family_style(r.relation.family()).colour);
        xw.create_element("viz:color")
            .with_attributes([
                ("r", cr.to_string().as_str()),
                ("g", cg.to_string().as_str()),
                ("b", cb.to_string().as_str()),
                ("a", "1.0"),
            ])
            .write_empty()?;
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
            assert_eq!(e.attr("kind"), Some(r.relation.as_str()));
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
                assert!(e.attr("start").is_none());
            }
        }
        // The meeting of 2024-05-07 widens its ends' spans.
        let n0 = nodes[0];
        assert_eq!(n0.attr("start"), Some("2024-05-07"));
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
}
