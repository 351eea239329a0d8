//! The pure-Rust engine: layout-rs's layered layout, for machines without Graphviz.
//!
//! layout-rs draws through a `RenderBackend` trait. Instead of its SVG writer (which
//! ignores clusters, graph labels and fonts), [`Recorder`] implements that trait and
//! only writes down where each node, edge and edge label went; `svg.rs` then draws the
//! picture with the same code as for Graphviz. Nodes and edges are tagged through the
//! `properties` string layout-rs passes back (`n3`, `e7`). Edge labels are given to it
//! as tokens (`7~~~~`) whose length makes layout-rs reserve the measured width, and
//! whose number says, when layout-rs draws the token, which edge's verb goes there.

use super::layout::{clip, make_room_for_arrow, EdgeGeom, Layout, Point};
use super::scene::Scene;
use super::style;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::{Point as LPoint, Position};
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;

/// Empty space kept around each node, in px (layout-rs's own default is 60).
const NODE_HALO: f64 = 28.0;
/// layout-rs sizes an edge label as (characters × font size + 10) by (lines × font
/// size + 10), and when it moves a label to a less busy row the label takes that row's
/// default font size, 15. So every label is given at size 15.
const LABEL_FONT_SIZE: usize = 15;
const PAD: char = '~';

/// The text given to layout-rs for edge `i`'s label: the edge number, padded to as many
/// characters as make the measured width at [`LABEL_FONT_SIZE`]. layout-rs hands the
/// text back when it places the label, which tells which edge the label belongs to,
/// wherever layout-rs moved it.
fn label_token(i: usize, width: f64, empty: bool) -> String {
    if empty {
        return String::new();
    }
    let chars = (width / LABEL_FONT_SIZE as f64).ceil().max(1.0) as usize;
    format!("{i:~<chars$}")
}

#[derive(Default)]
struct Recorder {
    /// Centre of each node.
    nodes: Vec<Option<Point>>,
    /// Path of each edge and whether layout-rs turned it around (to break a cycle).
    edges: Vec<Option<(Vec<Point>, bool)>>,
    labels: Vec<Option<Point>>,
}

fn tag(properties: &Option<String>, prefix: char) -> Option<usize> {
    properties.as_deref()?.strip_prefix(prefix)?.parse().ok()
}

fn pt(p: LPoint) -> Point {
    Point::new(p.x, p.y)
}

impl RenderBackend for Recorder {
    fn draw_rect(
        &mut self,
        xy: LPoint,
        size: LPoint,
        _look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        if let Some(slot) = tag(&properties, 'n').and_then(|i| self.nodes.get_mut(i)) {
            *slot = Some(Point::new(xy.x + size.x / 2.0, xy.y + size.y / 2.0));
        }
    }

    fn draw_line(&mut self, _: LPoint, _: LPoint, _: &StyleAttr, _: Option<String>) {}

    fn draw_circle(
        &mut self,
        xy: LPoint,
        _size: LPoint,
        _look: &StyleAttr,
        properties: Option<String>,
    ) {
        if let Some(slot) = tag(&properties, 'n').and_then(|i| self.nodes.get_mut(i)) {
            *slot = Some(pt(xy));
        }
    }

    fn draw_text(&mut self, xy: LPoint, text: &str, _look: &StyleAttr) {
        let Ok(i) = text.trim_end_matches(PAD).parse::<usize>() else {
            return;
        };
        if let Some(slot) = self.labels.get_mut(i) {
            *slot = Some(pt(xy));
        }
    }

    fn draw_arrow(
        &mut self,
        path: &[(LPoint, LPoint)],
        _dashed: bool,
        head: (bool, bool),
        _look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        let Some(slot) = tag(&properties, 'e').and_then(|i| self.edges.get_mut(i)) else {
            return;
        };
        if path.len() < 2 {
            return;
        }
        // layout-rs writes `M p0 C c1 c2 p1 S c2 p2 S …`; spell every segment out.
        let mut points = vec![pt(path[0].0), pt(path[0].1), pt(path[1].0), pt(path[1].1)];
        for seg in &path[2..] {
            let n = points.len();
            let (prev_c2, prev_p) = (points[n - 2], points[n - 1]);
            points.push(Point::new(
                2.0 * prev_p.x - prev_c2.x,
                2.0 * prev_p.y - prev_c2.y,
            ));
            points.push(pt(seg.0));
            points.push(pt(seg.1));
        }
        let reversed = head.0 && !head.1;
        *slot = Some((points, reversed));
    }

    fn create_clip(&mut self, _: LPoint, _: LPoint, _: usize) -> ClipHandle {
        0
    }
}

/// Lays the scene out with layout-rs. Fails only if layout-rs panics (it asserts on
/// inputs it cannot handle) or leaves something unplaced.
pub(crate) fn layout(scene: &Scene) -> Result<Layout, String> {
    if scene.nodes.is_empty() {
        // layout-rs asserts on an empty graph.
        return Ok(Layout {
            width: 0.0,
            height: 0.0,
            nodes: Vec::new(),
            edges: Vec::new(),
        });
    }
    let orientation = Orientation::TopToBottom;
    let mut vg = VisualGraph::new(orientation);
    // layout-rs re-checks the whole DAG for cycles after every edge it adds (cubic
    // time); the checks are for its own development.
    vg.dag.set_validate(false);
    let handles: Vec<_> = scene
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let shape = match n.shape {
                style::Shape::Ellipse => ShapeKind::Circle(String::new()),
                _ => ShapeKind::Box(String::new()),
            };
            let size = LPoint::new(n.w, n.h);
            let mut e = Element::create_with_properties(
                shape,
                StyleAttr::simple(),
                orientation,
                size,
                format!("n{i}"),
            );
            e.pos = Position::new(
                LPoint::zero(),
                size,
                LPoint::zero(),
                LPoint::splat(NODE_HALO),
            );
            vg.add_node(e)
        })
        .collect();
    for (i, e) in scene.edges.iter().enumerate() {
        let look = StyleAttr::new(Color::fast("black"), 1, None, 0, LABEL_FONT_SIZE);
        let arrow = Arrow::with_properties(
            LineEndKind::None,
            LineEndKind::Arrow,
            LineStyleKind::Normal,
            &label_token(i, e.label_w, e.label.is_empty()),
            &look,
            format!("e{i}"),
            &None,
            &None,
        );
        vg.add_edge(arrow, handles[e.source], handles[e.target]);
    }
    let mut rec = Recorder {
        nodes: vec![None; scene.nodes.len()],
        edges: vec![None; scene.edges.len()],
        labels: vec![None; scene.edges.len()],
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        vg.do_it(false, false, false, &mut rec);
    }))
    .map_err(|_| "the built-in layout (layout-rs) failed on this graph".to_string())?;

    let nodes = rec
        .nodes
        .into_iter()
        .enumerate()
        .map(|(i, p)| p.ok_or_else(|| format!("the built-in layout did not place node {i}")))
        .collect::<Result<Vec<_>, _>>()?;
    let mut edges = Vec::with_capacity(scene.edges.len());
    for (i, (geom, label)) in rec.edges.into_iter().zip(rec.labels).enumerate() {
        let (mut path, reversed) =
            geom.ok_or_else(|| format!("the built-in layout did not draw edge {i}"))?;
        if reversed {
            path.reverse();
        }
        let spec = &scene.edges[i];
        // layout-rs clips edges to boxes and ellipses; hexagons and octagons cut into
        // their box, so move the ends onto the outline drawn.
        if let (Some(&first), Some(&last)) = (path.first(), path.last()) {
            let (s, t) = (&scene.nodes[spec.source], &scene.nodes[spec.target]);
            let n = path.len();
            path[0] = clip(nodes[spec.source], s.w, s.h, s.shape, first);
            path[n - 1] = clip(nodes[spec.target], t.w, t.h, t.shape, last);
        }
        let (path, tip) = make_room_for_arrow(path, style::arrow_len(spec.weight));
        edges.push(EdgeGeom {
            path,
            tip,
            label: if spec.label.is_empty() { None } else { label },
        });
    }
    let mut out = Layout {
        width: 0.0,
        height: 0.0,
        nodes,
        edges,
    };
    let mut extent: Vec<(Point, f64, f64)> = scene
        .nodes
        .iter()
        .zip(&out.nodes)
        .map(|(n, &p)| (p, n.w, n.h))
        .collect();
    for (e, g) in scene.edges.iter().zip(&out.edges) {
        if let Some(p) = g.label {
            extent.push((p, e.label_w + 6.0, e.label_h + 4.0));
        }
    }
    out.normalise(&extent);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_tokens_carry_the_edge_and_the_width() {
        assert_eq!(label_token(7, 61.0, false), "7~~~~");
        assert_eq!(label_token(12345, 10.0, false), "12345");
        assert_eq!(label_token(3, 50.0, true), "");
        assert_eq!("7~~~~".trim_end_matches(PAD).parse::<usize>(), Ok(7));
    }
}
