//! Graphviz DOT: one `digraph`, a node per actor and an edge per relation, plain enough
//! for `dot`, `neato`, pydot and graphviz-rust to read without a warning.
//!
//! * Node ids are the actor ids through [`safe_id`](super::safe_id), always quoted, so
//!   DOT keywords (`node`, `graph`, `subgraph`) and odd characters are just names.
//! * Labels are quoted strings, never HTML labels: `"` becomes `\"`, `\` becomes `\\`,
//!   a line break (`\n`, `\r\n` or a lone `\r`) becomes the escape `\n`. Characters the
//!   SVG output cannot hold (C0 controls other than tab, see
//!   [`xml_safe`](super::xml_safe)) become U+FFFD.
//! * Fill colour and shape by entity type, edge colour and dash by relation family, all
//!   from [`crate::palette`] (the colours and shapes of the SVG/PNG legend, in names
//!   Graphviz knows); edge label = the verb, `penwidth` grows with the number
//!   of supporting sentences. Edges also carry `relation`, `mode`, `date` and
//!   `confidence`, and nodes `type` and, when they have any, `ids` (identifiers as
//!   `scheme:id`, space-separated: `wikidata:Q843 iso3:PAK`): attributes Graphviz does
//!   not know but keeps without a warning, for tools that read DOT (pydot, networkx).
//!   An edge whose mode is not `asserted` or `intended` (kept with `--modes`) says so in
//!   its label too (`met with (negated)`), and is drawn dotted. `tooltip` (SVG hover text) holds a node's
//!   type, aliases and titles, and an edge's fact, verb, number of supporting
//!   sentences and first sentence.
//!
//! No legend and no clusters: images with a legend are drawn by `render`.

use super::{safe_id, xml_safe};
use crate::graph::ActorGraph;
use crate::model::Relation;
use crate::palette::{self, family_style, type_style};
use std::io::{self, Write};

/// A DOT quoted string holding `s` as a label (escString): see the module docs.
pub fn quote(s: &str) -> String {
    let s = xml_safe(s);
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Edge pen width: 1 for one sentence, growing slowly, at most 6.
fn penwidth(weight: usize) -> f64 {
    (1.0 + (weight.saturating_sub(1) as f64) * 0.75).min(6.0)
}

/// Longest sentence quoted in an edge tooltip, in characters.
const TOOLTIP_SENTENCE_CHARS: usize = 300;

/// An edge's hover text: the fact and its verb, the number of supporting sentences,
/// and the first of them (cut at [`TOOLTIP_SENTENCE_CHARS`]).
fn edge_tooltip(source: &str, target: &str, r: &Relation) -> String {
    let mut tip = format!("{source} {} {target} ({})", r.relation.as_str(), r.verb);
    let n = r.weight();
    tip.push_str(&format!("\n{n} sentence{}", if n == 1 { "" } else { "s" }));
    if let Some(e) = r.evidence.first() {
        let mut text: String = e.text.chars().take(TOOLTIP_SENTENCE_CHARS).collect();
        if text.len() < e.text.len() {
            text.push('…');
        }
        tip.push_str(&format!("\n\u{201c}{text}\u{201d}"));
    }
    tip
}

/// Writes the graph as a Graphviz digraph.
pub fn write<W: Write>(graph: &ActorGraph, mut w: W) -> io::Result<W> {
    writeln!(w, "// actorgraph: political actors and their relations")?;
    writeln!(w, "digraph \"actorgraph\" {{")?;
    // size: a large corpus graph is scaled down to at most 150 inches square, so that
    // bitmap renderers (cairo caps a side at 32767 pixels) draw it without a warning
    writeln!(w, "  graph [rankdir=LR, overlap=false, size=\"150,150\"];")?;
    writeln!(
        w,
        "  node [style=filled, fontsize=11, color=\"{}\"];",
        palette::OUTLINE
    )?;
    writeln!(w, "  edge [fontsize=9];")?;
    for a in graph.actors() {
        let mut tip = a.kind.as_str().to_string();
        if !a.aliases.is_empty() {
            tip.push_str("; aliases: ");
            tip.push_str(&a.aliases.join(" | "));
        }
        if !a.titles.is_empty() {
            tip.push_str("; titles: ");
            tip.push_str(&a.titles.join(" | "));
        }
        let look = type_style(a.kind);
        let (shape, style) = look.shape.graphviz();
        let ids = if a.ids.is_empty() {
            String::new()
        } else {
            format!(", ids={}", quote(&super::id_pairs(a).join(" ")))
        };
        writeln!(
            w,
            "  {} [label={}, shape={shape}, style=\"{style}\", fillcolor=\"{}\", type=\"{}\"{ids}, tooltip={}];",
            quote(&safe_id(&a.id)),
            quote(&a.name),
            look.fill,
            a.kind.as_str(),
            quote(&tip),
        )?;
    }
    for (s, t, r) in graph.relations() {
        let look = family_style(r.relation.family());
        let label = if r.mode.is_default() {
            r.verb.clone()
        } else {
            format!("{} ({})", r.verb, r.mode.as_str())
        };
        write!(
            w,
            "  {} -> {} [label={}, color=\"{c}\", fontcolor=\"{c}\", penwidth={:.2}, relation=\"{}\", mode=\"{}\"",
            quote(&safe_id(&s.id)),
            quote(&safe_id(&t.id)),
            quote(&label),
            penwidth(r.weight()),
            r.relation.as_str(),
            r.mode.as_str(),
            c = look.colour,
        )?;
        if !r.mode.is_default() {
            write!(w, ", style=dotted")?;
        } else if look.dashed {
            write!(w, ", style=dashed")?;
        }
        if let Some(d) = &r.date {
            write!(w, ", date={}", quote(d))?;
        }
        if let Some(c) = super::finite(r.confidence) {
            write!(w, ", confidence=\"{c}\"")?;
        }
        let tip = edge_tooltip(&s.name, &t.name, r);
        writeln!(w, ", tooltip={}];", quote(&tip))?;
    }
    writeln!(w, "}}")?;
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::testutil::{dot_expected, dot_unquote, hostile_graph};
    use graphviz_rust::dot_structures::{Attribute, EdgeTy, Graph, Id, Stmt, Vertex};

    fn id_str(id: &Id) -> String {
        match id {
            Id::Escaped(s) => dot_unquote(s),
            Id::Plain(s) => s.clone(),
            other => panic!("unexpected id {other:?}"),
        }
    }

    fn attr<'a>(attrs: &'a [Attribute], key: &str) -> Option<&'a Id> {
        attrs
            .iter()
            .find(|Attribute(k, _)| id_str(k) == key)
            .map(|Attribute(_, v)| v)
    }

    #[test]
    fn hostile_names_parse_back_with_graphviz_rust() {
        let g = hostile_graph();
        let bytes = write(&g, Vec::new()).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let parsed = graphviz_rust::parse(&text).unwrap();
        let Graph::DiGraph { stmts, strict, .. } = parsed else {
            panic!("not a digraph")
        };
        assert!(!strict);
        let mut labels = Vec::new();
        let mut node_ids = Vec::new();
        let mut edges = Vec::new();
        let mut tooltips = Vec::new();
        for s in &stmts {
            match s {
                Stmt::Node(n) => {
                    node_ids.push(id_str(&n.id.0));
                    let label = attr(&n.attributes, "label").unwrap();
                    assert!(
                        matches!(label, Id::Escaped(_)),
                        "labels are quoted, never HTML"
                    );
                    labels.push(id_str(label));
                }
                Stmt::Edge(e) => {
                    let EdgeTy::Pair(Vertex::N(a), Vertex::N(b)) = &e.ty else {
                        panic!("edges are pairs")
                    };
                    edges.push((
                        id_str(&a.0),
                        id_str(&b.0),
                        id_str(attr(&e.attributes, "label").unwrap()),
                        id_str(attr(&e.attributes, "relation").unwrap()),
                    ));
                    tooltips.push(id_str(attr(&e.attributes, "tooltip").unwrap()));
                }
                _ => {}
            }
        }
        let want: Vec<String> = g.actors().map(|a| dot_expected(&a.name)).collect();
        assert_eq!(labels, want);
        assert_eq!(node_ids.len(), g.node_count());
        let unique: std::collections::HashSet<_> = node_ids.iter().collect();
        assert_eq!(unique.len(), node_ids.len());
        assert_eq!(edges.len(), g.edge_count());
        for ((s, t, r), (es, et, label, rel)) in g.relations().zip(&edges) {
            assert_eq!(es, &safe_id(&s.id));
            assert_eq!(et, &safe_id(&t.id));
            assert_eq!(label, &dot_expected(&r.verb));
            assert_eq!(rel, r.relation.as_str());
        }
        // Edge tooltips: the fact, the number of sentences and the first sentence.
        for ((s, t, r), tip) in g.relations().zip(&tooltips) {
            let lines: Vec<&str> = tip.split('\n').collect();
            let fact = format!("{} {} {}", s.name, r.relation.as_str(), t.name);
            assert!(tip.starts_with(&dot_expected(&fact)), "{tip:?}");
            let n = r.weight();
            let count = format!("{n} sentence{}", if n == 1 { "" } else { "s" });
            assert!(lines.contains(&count.as_str()), "{tip:?}");
            let first: String = r.evidence[0].text.chars().take(300).collect();
            assert!(tip.contains(&dot_expected(&first)), "{tip:?}");
        }
        // No raw control characters and no raw line breaks inside the file's strings.
        assert!(!text.contains('\u{7}'));
        assert!(text.lines().all(|l| l.is_empty()
            || l.starts_with("  ")
            || l.starts_with("digraph")
            || l.starts_with("//")
            || l == "}"));
    }

    #[test]
    fn quoting() {
        assert_eq!(quote("a\"b\\c\nd\r\ne\rf"), r#""a\"b\\c\nd\ne\nf""#);
        assert_eq!(quote("<b>x</b>"), "\"<b>x</b>\"");
        assert_eq!(quote("bell\u{7}"), "\"bell\u{FFFD}\"");
        assert_eq!(quote("ends with \\"), r#""ends with \\""#);
    }
}
