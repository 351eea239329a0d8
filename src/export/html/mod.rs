//! The interactive report: one self-contained HTML file that opens in any browser,
//! from `file://`, offline. The page (`report.html`, `report.css`, `report.js` in this
//! directory, embedded at build time) draws the graph on a canvas and shows, for every
//! actor and edge, everything the graph knows, down to the evidence sentences; this
//! module only writes the data the page reads, laid out ([`layout`]) beforehand.
//!
//! The data is one JSON document in `<script type="application/json"
//! id="report-data">`:
//!
//! * `caption`: the corpus (title, number of articles, dated and undated, first and
//!   last date) and the numbers of actors and relations;
//! * `palette`: the colours and shapes of [`crate::palette`], so the page draws what
//!   the SVG/PNG legend shows;
//! * `nodes`: every actor with all its fields as the JSON export writes them (so fields
//!   added to the model later, such as `ids`, reach the page without a change here),
//!   plus `x`, `y`;
//! * `edges`: every relation with all its fields as the JSON export writes them, `source`
//!   and `target` as indices into `nodes`, and `evidence` as arrays
//!   `[document, sentence, start, end, text]` (indices into `documents` and `texts`,
//!   `start`/`end` the sentence's character span in the document), with a sixth
//!   element, an object, holding any further evidence fields (`reported_by`, `date`, …);
//! * `documents`: the documents that evidence cites (`id`, `title`, `date`, `url`);
//! * `texts`: every distinct evidence sentence once, so that the file grows with the
//!   corpus and not with evidence × sentence length.
//!
//! It is written one actor and one relation at a time, so a large graph is not held in
//! memory a second time.
//!
//! Escaping: inside `<script>` only `</script` and `<!--` could end or derail the
//! data, so every `<`, `>` and `&` in the JSON (which can only occur inside strings) is
//! written as its `\u` escape; the data is read with `JSON.parse`, never evaluated.
//! The page builds its text with `textContent`, never `innerHTML`, and a
//! Content-Security-Policy forbids it to fetch anything.

mod layout;

use super::valid_date;
use crate::graph::ActorGraph;
use crate::model::{DocumentInfo, EntityType, RelationKind};
use crate::palette::{self, family_name, family_style, type_style, FAMILIES};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::io::{self, Write};

const TEMPLATE: &str = include_str!("report.html");
const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// The evidence fields that have their own place in an evidence array.
const EVIDENCE_FIELDS: [&str; 5] = ["doc", "sentence", "start", "end", "text"];

/// Writes the report.
pub fn write<W: Write>(graph: &ActorGraph, mut w: W) -> io::Result<W> {
    let title = caption_title(graph);
    let mut rest = TEMPLATE;
    for (marker, piece) in [
        ("{{TITLE}}", Piece::Text(&title)),
        ("/*{{CSS}}*/", Piece::Raw(CSS)),
        ("{{DATA}}", Piece::Data),
        ("/*{{JS}}*/", Piece::Raw(JS)),
    ] {
        let (before, after) = rest.split_once(marker).ok_or_else(|| {
            io::Error::other(format!(
                "report.html has no {marker} after the previous marker"
            ))
        })?;
        w.write_all(before.as_bytes())?;
        match piece {
            Piece::Text(t) => w.write_all(html_escape(t).as_bytes())?,
            Piece::Raw(r) => w.write_all(r.as_bytes())?,
            Piece::Data => write_data(graph, &mut ScriptSafe(&mut w))?,
        }
        rest = after;
    }
    w.write_all(rest.as_bytes())?;
    Ok(w)
}

enum Piece<'a> {
    Text(&'a str),
    Raw(&'a str),
    Data,
}

/// Text for HTML content and attribute values: quick-xml's escaping of `&<>"'` (the
/// same entities in HTML5), control characters as spaces.
fn html_escape(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    quick_xml::escape::escape(s.as_str()).into_owned()
}

/// A writer that passes JSON through with `<`, `>` and `&` as `\u` escapes, which are
/// the same string to a JSON reader and can never close a `<script>` element.
struct ScriptSafe<W: Write>(W);

impl<W: Write> Write for ScriptSafe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        for (i, &b) in buf.iter().enumerate() {
            let esc: &[u8] = match b {
                b'<' => b"\\u003c",
                b'>' => b"\\u003e",
                b'&' => b"\\u0026",
                _ => continue,
            };
            self.0.write_all(&buf[start..i])?;
            self.0.write_all(esc)?;
            start = i + 1;
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// The page's title: the article's title for one article, else the number of articles.
fn caption_title(g: &ActorGraph) -> String {
    match g.documents() {
        [] => "Actor network".to_string(),
        [d] => d.title.as_deref().unwrap_or(&d.id).to_string(),
        docs => format!("Actor network of {} articles", docs.len()),
    }
}

fn caption(g: &ActorGraph) -> Value {
    let mut dates: Vec<&str> = g
        .documents()
        .iter()
        .filter_map(|d| valid_date(d.date.as_deref()))
        .collect();
    dates.sort_unstable();
    json!({
        "title": caption_title(g),
        "documents": g.documents().len(),
        "dated": dates.len(),
        "undated": g.documents().len() - dates.len(),
        "first_date": dates.first(),
        "last_date": dates.last(),
        "actors": g.node_count(),
        "relations": g.edge_count(),
    })
}

fn palette_data() -> Value {
    let types: Map<String, Value> = EntityType::ALL
        .iter()
        .map(|&t| {
            let s = type_style(t);
            (
                t.as_str().to_string(),
                json!({"fill": s.fill, "shape": s.shape.name(), "label": s.label}),
            )
        })
        .collect();
    let families: Vec<Value> = FAMILIES
        .iter()
        .map(|&f| {
            let s = family_style(f);
            json!({"name": family_name(f), "colour": s.colour, "dashed": s.dashed, "label": s.label})
        })
        .collect();
    // Every relation of the vocabulary in its order, with its family.
    let relations: Vec<Value> = RelationKind::ALL
        .iter()
        .map(|r| json!([r.as_str(), family_name(r.family())]))
        .collect();
    json!({
        "outline": palette::OUTLINE,
        "types": types,
        "type_order": EntityType::ALL.map(|t| t.as_str()),
        "families": families,
        "relations": relations,
    })
}

/// Interns strings in first-seen order.
#[derive(Default)]
struct Interner<'a> {
    index: HashMap<&'a str, usize>,
    items: Vec<&'a str>,
}

impl<'a> Interner<'a> {
    fn get(&mut self, s: &'a str) -> usize {
        *self.index.entry(s).or_insert_with(|| {
            self.items.push(s);
            self.items.len() - 1
        })
    }
}

fn object(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// Rounds a coordinate to 0.1 world units: plenty for drawing, and short.
fn coordinate(x: f64) -> Value {
    let r = (x * 10.0).round() / 10.0;
    serde_json::Number::from_f64(r).map_or(Value::Null, Value::Number)
}

/// Writes the data block's JSON, one actor and one relation at a time (a large graph
/// is never held twice in memory). The documents and the sentences come last: they
/// are numbered as the relations cite them.
fn write_data<W: Write>(g: &ActorGraph, w: &mut W) -> io::Result<()> {
    let node_index: HashMap<&str, usize> = g
        .actors()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let pairs: Vec<(usize, usize)> = g
        .relations()
        .map(|(s, t, _)| (node_index[s.id.as_str()], node_index[t.id.as_str()]))
        .collect();
    let positions = layout::layout(g.node_count(), &pairs);

    w.write_all(br#"{"format":"actorgraph-report","version":1,"caption":"#)?;
    serde_json::to_writer(&mut *w, &caption(g))?;
    w.write_all(br#","palette":"#)?;
    serde_json::to_writer(&mut *w, &palette_data())?;
    w.write_all(br#","nodes":["#)?;
    for (i, (a, &(x, y))) in g.actors().zip(&positions).enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        let mut n = object(serde_json::to_value(a)?);
        n.insert("x".into(), coordinate(x));
        n.insert("y".into(), coordinate(y));
        serde_json::to_writer(&mut *w, &n)?;
    }
    w.write_all(br#"],"edges":["#)?;
    let mut docs = Interner::default();
    let mut texts = Interner::default();
    for (i, ((_, _, r), &(s, t))) in g.relations().zip(&pairs).enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        let mut e = object(serde_json::to_value(r)?);
        let values = match e.remove("evidence") {
            Some(Value::Array(items)) => items,
            _ => Vec::new(),
        };
        let evidence: Vec<Value> = r
            .evidence
            .iter()
            .zip(values)
            .map(|(ev, value)| {
                let mut item = vec![
                    json!(docs.get(&ev.doc)),
                    json!(ev.sentence),
                    json!(ev.start),
                    json!(ev.end),
                    json!(texts.get(&ev.text)),
                ];
                // fields the model gains later (who reported it, its own date) pass through
                let mut extra = object(value);
                for f in EVIDENCE_FIELDS {
                    extra.remove(f);
                }
                if !extra.is_empty() {
                    item.push(Value::Object(extra));
                }
                Value::Array(item)
            })
            .collect();
        e.insert("source".into(), json!(s));
        e.insert("target".into(), json!(t));
        e.insert("weight".into(), json!(r.weight()));
        e.insert("evidence".into(), Value::Array(evidence));
        serde_json::to_writer(&mut *w, &e)?;
    }
    // The documents evidence cites, with what the graph knows of each.
    let known: HashMap<&str, &DocumentInfo> =
        g.documents().iter().map(|d| (d.id.as_str(), d)).collect();
    w.write_all(br#"],"documents":["#)?;
    for (i, id) in docs.items.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        match known.get(id) {
            Some(d) => serde_json::to_writer(&mut *w, d)?,
            None => serde_json::to_writer(&mut *w, &json!({ "id": id }))?,
        }
    }
    w.write_all(br#"],"texts":"#)?;
    serde_json::to_writer(&mut *w, &texts.items)?;
    w.write_all(b"}")?;
    Ok(())
}

#[cfg(test)]
mod tests;
