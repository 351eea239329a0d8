//! What is to be drawn, before anyone decides where: one [`NodeSpec`] per actor (label
//! lines, measured text block, outline size) and one [`EdgeSpec`] per relation (verb,
//! family, weight, measured label), in the graph's own order, plus the caption. The
//! engines read a `Scene` and return positions in the same order.

use super::style::{self, Shape, LINE};
use crate::graph::ActorGraph;
use crate::model::{Actor, EntityType, Relation, RelationFamily};
use std::collections::HashMap;

/// One line of text and its size in px; `muted` lines (titles) are drawn grey.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TextLine {
    pub text: String,
    pub size: f64,
    pub muted: bool,
}

#[derive(Clone, Debug)]
pub(crate) struct NodeSpec {
    pub kind: EntityType,
    pub shape: Shape,
    pub lines: Vec<TextLine>,
    /// Size of the text block.
    pub text_w: f64,
    pub text_h: f64,
    /// Size of the outline around it.
    pub w: f64,
    pub h: f64,
    /// Hover text (SVG `<title>`): name, type, aliases, titles, number of relations.
    pub tooltip: Vec<String>,
}

#[derive(Clone, Debug)]
pub(crate) struct EdgeSpec {
    pub source: usize,
    pub target: usize,
    /// The verb as written; empty when edge labels are left out.
    pub label: String,
    pub family: RelationFamily,
    pub weight: usize,
    pub label_w: f64,
    pub label_h: f64,
    /// Hover text (SVG `<title>`): the fact, the verb, the number of supporting
    /// sentences and the first of them.
    pub tooltip: Vec<String>,
}

#[derive(Clone, Debug)]
pub(crate) struct Scene {
    pub nodes: Vec<NodeSpec>,
    pub edges: Vec<EdgeSpec>,
    /// Title line and a smaller line under it.
    pub caption: Vec<TextLine>,
}

/// Titles are shown under people's names up to this many actors.
const TITLES_UP_TO: usize = 60;
/// Edge labels are shown up to this many relations.
pub(crate) const EDGE_LABELS_UP_TO: usize = 400;
const NAME_CHARS: usize = 22;
const EDGE_LABEL_CHARS: usize = 28;
/// Longest name, alias list or title list quoted in a tooltip, in characters. Names are
/// drawn and quoted shortened (with `…`); the graph keeps them whole.
const TOOLTIP_NAME_CHARS: usize = 200;
/// Aliases and titles listed in a tooltip, at most.
const TOOLTIP_LIST_ITEMS: usize = 12;

/// At most `max` characters of `s`, cleaned, for a label: the work is bounded by what
/// is shown, however long the name.
fn label_text(s: &str, max: usize) -> String {
    let head: String = s.chars().take(4 * max + 4).collect();
    shorten(&clean(&head), max)
}

/// Text fit for SVG and DOT: control characters (not allowed in XML) become spaces.
pub(crate) fn clean(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shorten(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max_chars.saturating_sub(1)).collect();
    t.push('…');
    t
}

fn block(lines: &[TextLine]) -> (f64, f64) {
    let w = lines
        .iter()
        .map(|l| style::text_width(&l.text, l.size))
        .fold(0.0, f64::max);
    let h = lines.iter().map(|l| l.size * LINE).sum();
    (w, h)
}

/// The title shown under a person's name: the longest that is short enough (the
/// most specific, `former Prime Minister` rather than `Minister`).
fn pick_title(titles: &[String]) -> Option<String> {
    titles
        .iter()
        .map(|t| clean(t))
        .filter(|t| !t.is_empty() && t.chars().count() <= 32)
        .max_by_key(|t| t.chars().count())
}

/// Longest sentence quoted in a tooltip, in characters.
const TOOLTIP_SENTENCE_CHARS: usize = 300;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn node_tooltip(a: &Actor, degree: usize) -> Vec<String> {
    let mut lines = vec![format!(
        "{} ({})",
        label_text(&a.name, TOOLTIP_NAME_CHARS),
        a.kind.as_str()
    )];
    let list = |xs: &[String]| {
        let mut shown: Vec<String> = xs
            .iter()
            .take(TOOLTIP_LIST_ITEMS)
            .map(|x| label_text(x, TOOLTIP_NAME_CHARS / 4))
            .collect();
        if xs.len() > TOOLTIP_LIST_ITEMS {
            shown.push(format!("and {} more", xs.len() - TOOLTIP_LIST_ITEMS));
        }
        shorten(&shown.join("; "), TOOLTIP_NAME_CHARS)
    };
    if !a.aliases.is_empty() {
        lines.push(format!("also: {}", list(&a.aliases)));
    }
    if !a.titles.is_empty() {
        lines.push(format!("titles: {}", list(&a.titles)));
    }
    lines.push(format!(
        "{}, in {}",
        plural(degree, "relation", "relations"),
        plural(a.documents as usize, "document", "documents")
    ));
    lines
}

fn edge_tooltip(s: &Actor, t: &Actor, r: &Relation) -> Vec<String> {
    let mut first = format!(
        "{} {} {}",
        label_text(&s.name, TOOLTIP_NAME_CHARS),
        r.relation.as_str(),
        label_text(&t.name, TOOLTIP_NAME_CHARS)
    );
    let verb = label_text(&r.verb, EDGE_LABEL_CHARS * 2);
    if !verb.is_empty() {
        first.push_str(&format!(" (\u{201c}{verb}\u{201d})"));
    }
    let mut lines = vec![first];
    let mut support = plural(r.weight(), "sentence", "sentences");
    if let Some(d) = &r.date {
        support.push_str(&format!(", {}", clean(d)));
    }
    lines.push(support);
    if let Some(e) = r.evidence.first() {
        lines.push(format!(
            "\u{201c}{}\u{201d}",
            label_text(&e.text, TOOLTIP_SENTENCE_CHARS)
        ));
    }
    lines
}

impl Scene {
    /// Measures everything. `caption` is the title line; `subtitle` goes under it.
    pub(crate) fn new(g: &ActorGraph, caption: String, subtitle: String) -> Scene {
        let show_titles = g.node_count() <= TITLES_UP_TO;
        let mut index = HashMap::new();
        let nodes = g
            .actors()
            .enumerate()
            .map(|(i, a)| {
                index.insert(a.id.as_str(), i);
                let (_, shape) = style::type_style(a.kind);
                // enough of the name for three lines of it
                let mut name = label_text(&a.name, NAME_CHARS * 6);
                if name.is_empty() {
                    name = label_text(&a.id, NAME_CHARS * 6);
                }
                let mut lines: Vec<TextLine> = style::wrap(&name, NAME_CHARS, 3)
                    .into_iter()
                    .map(|text| TextLine {
                        text,
                        size: style::NODE_FONT,
                        muted: false,
                    })
                    .collect();
                if show_titles && a.kind == EntityType::Person {
                    if let Some(t) = pick_title(&a.titles) {
                        lines.push(TextLine {
                            text: t,
                            size: style::TITLE_FONT,
                            muted: true,
                        });
                    }
                }
                let (text_w, text_h) = block(&lines);
                let (gw, gh) = style::grow(shape);
                NodeSpec {
                    tooltip: node_tooltip(a, g.degree(&a.id)),
                    kind: a.kind,
                    shape,
                    w: (text_w * gw + 16.0).max(48.0),
                    h: (text_h * gh + 10.0).max(30.0),
                    lines,
                    text_w,
                    text_h,
                }
            })
            .collect();
        let show_edge_labels = g.edge_count() <= EDGE_LABELS_UP_TO;
        let edges = g
            .relations()
            .filter_map(|(s, t, r)| {
                let source = *index.get(s.id.as_str())?;
                let target = *index.get(t.id.as_str())?;
                let label = if show_edge_labels {
                    let verb = label_text(&r.verb, EDGE_LABEL_CHARS * 2);
                    let verb = if verb.is_empty() {
                        r.relation.as_str().to_lowercase().replace('_', " ")
                    } else {
                        verb
                    };
                    shorten(&verb, EDGE_LABEL_CHARS)
                } else {
                    String::new()
                };
                let label_w = style::text_width(&label, style::EDGE_FONT);
                Some(EdgeSpec {
                    source,
                    target,
                    label_w,
                    label_h: if label.is_empty() {
                        0.0
                    } else {
                        style::EDGE_FONT * LINE
                    },
                    label,
                    family: r.relation.family(),
                    weight: r.weight(),
                    tooltip: edge_tooltip(s, t, r),
                })
            })
            .collect();
        let mut caption_lines = vec![TextLine {
            text: shorten(&clean(&caption), 120),
            size: style::CAPTION_FONT,
            muted: false,
        }];
        if !subtitle.is_empty() {
            caption_lines.push(TextLine {
                text: clean(&subtitle),
                size: style::SUBCAPTION_FONT,
                muted: true,
            });
        }
        Scene {
            nodes,
            edges,
            caption: caption_lines,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaning_and_shortening() {
        assert_eq!(clean("a\nb\u{0}  c "), "a b c");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
        assert_eq!(
            pick_title(&["Minister".into(), "former Prime Minister".into()]),
            Some("former Prime Minister".into())
        );
        assert_eq!(pick_title(&[]), None);
    }
}
