//! Drawing: a [`Scene`] placed by a [`Layout`] becomes one self-contained SVG with a
//! caption on top, the network, and a legend (types, relation families, line width).
//! Both engines end here, so a picture looks the same whichever laid it out. All text
//! is XML-escaped here and nowhere else.

use super::layout::{polygon, Layout, Point};
use super::scene::{Scene, TextLine};
use super::style::{self, Shape, LINE};
use crate::model::{EntityType, RelationFamily};
use std::fmt::Write as _;

const MARGIN: f64 = 20.0;
const GAP: f64 = 18.0;
/// Width and height of a legend sample.
const SAMPLE_W: f64 = 34.0;
const SAMPLE_H: f64 = 18.0;

/// An axis-aligned box in SVG px.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

pub(crate) struct Svg {
    pub text: String,
    pub width: f64,
    pub height: f64,
    /// Where each node's label text is, in scene order (used by tests to look for ink).
    #[cfg_attr(not(test), allow(dead_code))]
    pub label_boxes: Vec<Rect>,
}

/// Escapes text for XML content and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A `<title>` element (the hover text of its parent): each line escaped, lines kept.
fn title(out: &mut String, lines: &[String]) {
    let lines: Vec<String> = lines.iter().map(|l| esc(l)).collect();
    let _ = write!(out, "<title>{}</title>", lines.join("\n"));
}

/// Numbers rounded to 0.01 px, without trailing zeros.
fn n(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

fn baseline(top: f64, size: f64) -> f64 {
    top + size * LINE / 2.0 + size * 0.36
}

fn text(out: &mut String, x: f64, top: f64, anchor: &str, line: &TextLine, fill: &str) {
    let _ = writeln!(
        out,
        r#"<text x="{}" y="{}" font-size="{}" text-anchor="{anchor}" fill="{fill}">{}</text>"#,
        n(x),
        n(baseline(top, line.size)),
        n(line.size),
        esc(&line.text)
    );
}

fn line_colour(l: &TextLine) -> &'static str {
    if l.muted {
        style::MUTED_COLOUR
    } else {
        style::TEXT_COLOUR
    }
}

fn points(ps: &[(f64, f64)]) -> String {
    ps.iter()
        .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The outline of a node of `shape` centred on `c`.
fn outline(out: &mut String, shape: Shape, c: Point, w: f64, h: f64, fill: &str) {
    let (x0, y0, x1, y1) = (c.x - w / 2.0, c.y - h / 2.0, c.x + w / 2.0, c.y + h / 2.0);
    let paint = format!(r##"fill="{fill}" stroke="#333333" stroke-width="1""##);
    let _ = match shape {
        Shape::Ellipse => writeln!(
            out,
            r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}" {paint}/>"#,
            n(c.x),
            n(c.y),
            n(w / 2.0),
            n(h / 2.0)
        ),
        Shape::Box | Shape::Dashed | Shape::Rounded => writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{}" height="{}"{} {paint}{}/>"#,
            n(x0),
            n(y0),
            n(w),
            n(h),
            if shape == Shape::Rounded {
                r#" rx="7""#
            } else {
                ""
            },
            if shape == Shape::Dashed {
                r#" stroke-dasharray="5,3""#
            } else {
                ""
            }
        ),
        Shape::Octagon | Shape::Hexagon => {
            let corners = polygon(shape, c, w, h).unwrap_or_default();
            let ps: Vec<(f64, f64)> = corners.iter().map(|p| (p.x, p.y)).collect();
            writeln!(out, r#"<polygon points="{}" {paint}/>"#, points(&ps))
        }
        Shape::Note => {
            let f = 6.0_f64.min(h / 3.0);
            writeln!(
                out,
                r##"<polygon points="{}" {paint}/><polyline points="{}" fill="none" stroke="#333333" stroke-width="1"/>"##,
                points(&[(x0, y0), (x1 - f, y0), (x1, y0 + f), (x1, y1), (x0, y1)]),
                points(&[(x1 - f, y0), (x1 - f, y0 + f), (x1, y0 + f)])
            )
        }
        Shape::Tab => writeln!(
            out,
            r#"<polygon points="{}" {paint}/>"#,
            points(&[
                (x1, y0),
                (x0 + 12.0, y0),
                (x0 + 12.0, y0 - 4.0),
                (x0, y0 - 4.0),
                (x0, y1),
                (x1, y1),
            ])
        ),
    };
}

fn path_data(ps: &[Point]) -> String {
    let mut d = format!("M{},{}", n(ps[0].x), n(ps[0].y));
    for seg in ps[1..].chunks(3) {
        if seg.len() == 3 {
            let _ = write!(
                d,
                " C{},{} {},{} {},{}",
                n(seg[0].x),
                n(seg[0].y),
                n(seg[1].x),
                n(seg[1].y),
                n(seg[2].x),
                n(seg[2].y)
            );
        } else {
            for p in seg {
                let _ = write!(d, " L{},{}", n(p.x), n(p.y));
            }
        }
    }
    d
}

/// An edge line with its arrowhead.
fn edge_line(out: &mut String, path: &[Point], tip: Point, family: RelationFamily, width: f64) {
    let (colour, dashed) = style::family_style(family);
    if path.len() >= 2 {
        let _ = writeln!(
            out,
            r#"<path d="{}" fill="none" stroke="{colour}" stroke-width="{}"{} stroke-opacity="0.85"/>"#,
            path_data(path),
            n(width),
            if dashed {
                r#" stroke-dasharray="6,4""#
            } else {
                ""
            }
        );
    }
    let Some(&base) = path.last() else { return };
    let (dx, dy) = (tip.x - base.x, tip.y - base.y);
    let len = dx.hypot(dy);
    if len < 0.5 {
        return;
    }
    let half = 3.5 + width * 0.9;
    let (px, py) = (-dy / len * half, dx / len * half);
    let _ = writeln!(
        out,
        r#"<polygon points="{}" fill="{colour}"/>"#,
        points(&[
            (tip.x, tip.y),
            (base.x + px, base.y + py),
            (base.x - px, base.y - py)
        ])
    );
}

enum Entry {
    Type(EntityType),
    Family(RelationFamily),
    Width(usize),
}

impl Entry {
    fn label(&self) -> String {
        match self {
            Entry::Type(t) => style::type_label(*t).to_string(),
            Entry::Family(f) => style::family_label(*f).to_string(),
            Entry::Width(max) => format!("line width: sentences supporting it (1 to {max})"),
        }
    }

    fn width(&self) -> f64 {
        SAMPLE_W + 6.0 + style::text_width(&self.label(), style::LEGEND_FONT) + 16.0
    }

    fn draw(&self, out: &mut String, x: f64, y: f64) {
        let mid = Point::new(x + SAMPLE_W / 2.0, y + SAMPLE_H / 2.0);
        match self {
            Entry::Type(t) => {
                let (fill, shape) = style::type_style(*t);
                outline(out, shape, mid, SAMPLE_W - 4.0, SAMPLE_H - 4.0, fill);
            }
            Entry::Family(f) => edge_line(
                out,
                &[Point::new(x, mid.y), Point::new(x + SAMPLE_W - 8.0, mid.y)],
                Point::new(x + SAMPLE_W, mid.y),
                *f,
                2.0,
            ),
            Entry::Width(_) => {
                for (i, w) in [1.2, 3.0, 5.5].into_iter().enumerate() {
                    let lx = x + i as f64 * 12.0;
                    let _ = writeln!(
                        out,
                        r##"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#555555" stroke-width="{}"/>"##,
                        n(lx + 3.0),
                        n(y + 2.0),
                        n(lx + 3.0),
                        n(y + SAMPLE_H - 2.0),
                        n(w)
                    );
                }
            }
        }
        let label = TextLine {
            text: self.label(),
            size: style::LEGEND_FONT,
            muted: false,
        };
        text(
            out,
            x + SAMPLE_W + 6.0,
            mid.y - style::LEGEND_FONT * LINE / 2.0,
            "start",
            &label,
            style::TEXT_COLOUR,
        );
    }
}

/// Places legend entries in rows no wider than `max_w` (one per row when `column`).
/// Returns the positions and the block's size.
fn flow(entries: &[Entry], max_w: f64, column: bool) -> (Vec<(f64, f64)>, f64, f64) {
    let row_h = SAMPLE_H + 8.0;
    let (mut x, mut y, mut w) = (0.0_f64, 0.0_f64, 0.0_f64);
    let mut at = Vec::new();
    let mut prev_group = None;
    for e in entries {
        let group = matches!(e, Entry::Type(_));
        let new_group = prev_group.is_some_and(|g| g != group);
        prev_group = Some(group);
        let ew = e.width();
        if x > 0.0 && (column || new_group || x + ew > max_w) {
            x = 0.0;
            y += row_h;
        }
        at.push((x, y));
        x += ew;
        w = w.max(x);
    }
    let h = if entries.is_empty() { 0.0 } else { y + row_h };
    (at, w, h)
}

/// Draws the picture.
pub(crate) fn draw(scene: &Scene, layout: &Layout) -> Svg {
    // Legend content: only what the picture shows.
    let mut entries: Vec<Entry> = EntityType::ALL
        .into_iter()
        .filter(|t| scene.nodes.iter().any(|n| n.kind == *t))
        .map(Entry::Type)
        .collect();
    entries.extend(
        style::FAMILIES
            .into_iter()
            .filter(|f| scene.edges.iter().any(|e| e.family == *f))
            .map(Entry::Family),
    );
    let max_weight = scene.edges.iter().map(|e| e.weight).max().unwrap_or(0);
    if max_weight > 1 {
        entries.push(Entry::Width(max_weight));
    }

    let caption_w = scene
        .caption
        .iter()
        .map(|l| style::text_width(&l.text, l.size))
        .fold(0.0, f64::max);
    let caption_h: f64 = scene.caption.iter().map(|l| l.size * LINE).sum();
    // A tall network gets its legend on the right, a wide one underneath.
    let legend_right = layout.height > layout.width * 1.2 && !entries.is_empty();
    let (at, legend_w, legend_h) = if legend_right {
        flow(&entries, f64::INFINITY, true)
    } else {
        flow(&entries, layout.width.max(640.0), false)
    };
    let graph_top = MARGIN + caption_h + GAP;
    let (legend_x, legend_y) = if legend_right {
        (MARGIN + layout.width + GAP * 2.0, graph_top)
    } else {
        (MARGIN, graph_top + layout.height + GAP * 1.5)
    };
    let content_w = if legend_right {
        layout.width + GAP * 2.0 + legend_w
    } else {
        layout.width.max(legend_w)
    };
    let width = (content_w.max(caption_w) + 2.0 * MARGIN).ceil();
    let height = if legend_right {
        (graph_top + layout.height.max(legend_h) + MARGIN).ceil()
    } else {
        (legend_y + legend_h + MARGIN).ceil()
    };

    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{font}">
<rect x="0" y="0" width="{w}" height="{h}" fill="white"/>"#,
        w = n(width),
        h = n(height),
        font = style::FONT_STACK.replace('\'', "&apos;"),
    );

    out.push_str("<g id=\"caption\">\n");
    let mut top = MARGIN;
    for l in &scene.caption {
        text(&mut out, MARGIN, top, "start", l, line_colour(l));
        top += l.size * LINE;
    }
    out.push_str("</g>\n");

    let shift = |p: Point| Point::new(p.x + MARGIN, p.y + graph_top);
    out.push_str("<g id=\"edges\">\n");
    for (spec, geom) in scene.edges.iter().zip(&layout.edges) {
        let path: Vec<Point> = geom.path.iter().map(|&p| shift(p)).collect();
        out.push_str("<g>");
        title(&mut out, &spec.tooltip);
        out.push('\n');
        edge_line(
            &mut out,
            &path,
            shift(geom.tip),
            spec.family,
            style::edge_width(spec.weight),
        );
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n<g id=\"nodes\">\n");
    let mut label_boxes = Vec::with_capacity(scene.nodes.len());
    for (spec, &c) in scene.nodes.iter().zip(&layout.nodes) {
        let c = shift(c);
        let (fill, _) = style::type_style(spec.kind);
        out.push_str("<g>");
        title(&mut out, &spec.tooltip);
        out.push('\n');
        outline(&mut out, spec.shape, c, spec.w, spec.h, fill);
        let mut top = c.y - spec.text_h / 2.0;
        for l in &spec.lines {
            text(&mut out, c.x, top, "middle", l, line_colour(l));
            top += l.size * LINE;
        }
        out.push_str("</g>\n");
        label_boxes.push(Rect {
            x: c.x - spec.text_w / 2.0,
            y: c.y - spec.text_h / 2.0,
            w: spec.text_w,
            h: spec.text_h,
        });
    }
    out.push_str("</g>\n<g id=\"edge-labels\" stroke=\"white\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n");
    for (spec, geom) in scene.edges.iter().zip(&layout.edges) {
        let Some(p) = geom.label else { continue };
        if spec.label.is_empty() {
            continue;
        }
        let p = shift(p);
        let (colour, _) = style::family_style(spec.family);
        let line = TextLine {
            text: spec.label.clone(),
            size: style::EDGE_FONT,
            muted: false,
        };
        text(
            &mut out,
            p.x,
            p.y - spec.label_h / 2.0,
            "middle",
            &line,
            colour,
        );
    }
    out.push_str("</g>\n<g id=\"legend\">\n");
    for (e, (x, y)) in entries.iter().zip(at) {
        e.draw(&mut out, legend_x + x, legend_y + y);
    }
    out.push_str("</g>\n</svg>\n");
    Svg {
        text: out,
        width,
        height,
        label_boxes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            esc(r#"A & B <x> "q" 'a'"#),
            "A &amp; B &lt;x&gt; &quot;q&quot; &apos;a&apos;"
        );
        assert_eq!(esc("a\u{1}b"), "a b");
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.256), "1.26");
        assert_eq!(n(-0.5), "-0.5");
    }

    #[test]
    fn path_data_writes_curves() {
        let ps = [
            Point::new(0.0, 0.0),
            Point::new(1.0, 1.0),
            Point::new(2.0, 2.0),
            Point::new(3.0, 3.0),
        ];
        assert_eq!(path_data(&ps), "M0,0 C1,1 2,2 3,3");
        assert_eq!(path_data(&ps[..2]), "M0,0 L1,1");
    }
}
