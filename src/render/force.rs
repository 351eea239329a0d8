//! The built-in engine for graphs too big for layout-rs's layered layout (whose
//! crossing reduction takes minutes on a hundred nodes): a deterministic
//! force-directed layout (Fruchterman–Reingold) followed by a pass that pushes
//! overlapping boxes apart, with straight edges, bent apart when two actors share
//! several relations. It plays the part sfdp plays on the Graphviz side.

use super::layout::{clip, make_room_for_arrow, EdgeGeom, Layout, Point};
use super::scene::Scene;
use super::style;
use std::collections::HashMap;

const ITERATIONS: usize = 300;
/// Pull towards the centre, per px of distance: without it actors with no relation
/// drift far away and the picture is mostly empty.
const GRAVITY: f64 = 1.0;
/// Free space kept between two boxes after the overlap pass, in px.
const MARGIN: f64 = 10.0;
/// How far apart parallel edges between the same two actors bend, in px.
const BEND: f64 = 22.0;

/// Lays the scene out.
pub(crate) fn layout(scene: &Scene) -> Layout {
    let n = scene.nodes.len();
    let sizes: Vec<(f64, f64)> = scene.nodes.iter().map(|s| (s.w, s.h)).collect();
    let edges: Vec<(usize, usize)> = scene
        .edges
        .iter()
        .filter(|e| e.source != e.target)
        .map(|e| (e.source, e.target))
        .collect();
    let mut degree = vec![0usize; n];
    for &(a, b) in &edges {
        degree[a] += 1;
        degree[b] += 1;
    }
    // Actors with relations are laid out by forces; the others go in rows underneath.
    let linked: Vec<usize> = (0..n).filter(|&i| degree[i] > 0).collect();
    let m = linked.len();
    let mean_size = if n == 0 {
        60.0
    } else {
        sizes.iter().map(|(w, h)| (w + h) / 2.0).sum::<f64>() / n as f64
    };
    let longest_label = scene.edges.iter().map(|e| e.label_w).fold(0.0, f64::max);
    // Ideal distance between related actors: room for both halves and a label.
    let k = mean_size * 1.6 + longest_label.min(120.0) * 0.6;

    // Start on a sunflower spiral, the most connected at the centre.
    let mut order = linked.clone();
    order.sort_by_key(|&i| (std::cmp::Reverse(degree[i]), i));
    let mut pos = vec![Point::new(0.0, 0.0); n];
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    for (rank, &i) in order.iter().enumerate() {
        let r = k * 0.6 * (rank as f64).sqrt();
        let a = rank as f64 * golden;
        pos[i] = Point::new(r * a.cos(), r * a.sin());
    }

    let radius = k * (m.max(1) as f64).sqrt();
    let mut disp = vec![Point::new(0.0, 0.0); n];
    for it in 0..ITERATIONS {
        let temperature = radius * 0.1 * (1.0 - it as f64 / ITERATIONS as f64) + 1.0;
        disp.iter_mut().for_each(|d| *d = Point::new(0.0, 0.0));
        for (x, &i) in linked.iter().enumerate() {
            for &j in &linked[x + 1..] {
                let (mut dx, mut dy) = (pos[i].x - pos[j].x, pos[i].y - pos[j].y);
                if dx == 0.0 && dy == 0.0 {
                    // Identical positions: separate them by index, deterministically.
                    dx = 0.1 * (j - i) as f64;
                    dy = 0.1;
                }
                let d2 = (dx * dx + dy * dy).max(0.01);
                let f = k * k / d2;
                disp[i].x += dx * f;
                disp[i].y += dy * f;
                disp[j].x -= dx * f;
                disp[j].y -= dy * f;
            }
        }
        for &(a, b) in &edges {
            let (dx, dy) = (pos[a].x - pos[b].x, pos[a].y - pos[b].y);
            let d = dx.hypot(dy);
            let f = d / k;
            disp[a].x -= dx * f;
            disp[a].y -= dy * f;
            disp[b].x += dx * f;
            disp[b].y += dy * f;
        }
        for &i in &linked {
            // Gravity growing with the square of the distance: barely felt inside
            // the natural radius, it keeps separate components from drifting apart.
            let g = pos[i].x.hypot(pos[i].y) / radius * GRAVITY;
            disp[i].x -= pos[i].x * g;
            disp[i].y -= pos[i].y * g;
            let len = disp[i].x.hypot(disp[i].y);
            if len > 0.0 {
                let step = len.min(temperature);
                pos[i].x += disp[i].x / len * step;
                pos[i].y += disp[i].y / len * step;
            }
        }
    }
    remove_overlaps(&mut pos, &sizes, &linked);
    place_unlinked(&mut pos, &sizes, &degree, &linked);

    let mut out = Layout {
        width: 0.0,
        height: 0.0,
        nodes: pos.clone(),
        edges: route_edges(scene, &pos),
    };
    drop_colliding_labels(scene, &mut out);
    let mut extent: Vec<(Point, f64, f64)> = scene
        .nodes
        .iter()
        .zip(&out.nodes)
        .map(|(s, &p)| (p, s.w, s.h + 8.0))
        .collect();
    for (e, g) in scene.edges.iter().zip(&out.edges) {
        if let Some(p) = g.label {
            extent.push((p, e.label_w + 6.0, e.label_h + 4.0));
        }
    }
    out.normalise(&extent);
    out
}

/// Puts the actors without relations in rows under the others, in input order.
fn place_unlinked(pos: &mut [Point], sizes: &[(f64, f64)], degree: &[usize], linked: &[usize]) {
    let (mut left, mut right, mut bottom) = (0.0_f64, 0.0_f64, 0.0_f64);
    for &i in linked {
        left = left.min(pos[i].x - sizes[i].0 / 2.0);
        right = right.max(pos[i].x + sizes[i].0 / 2.0);
        bottom = bottom.max(pos[i].y + sizes[i].1 / 2.0);
    }
    let width = (right - left).max(600.0);
    let (mut x, mut y) = (
        left,
        if linked.is_empty() {
            0.0
        } else {
            bottom + 40.0
        },
    );
    let mut row_h = 0.0_f64;
    for i in (0..pos.len()).filter(|&i| degree[i] == 0) {
        let (w, h) = sizes[i];
        if x > left && x + w > left + width {
            x = left;
            y += row_h + MARGIN;
            row_h = 0.0;
        }
        pos[i] = Point::new(x + w / 2.0, y + h / 2.0);
        x += w + MARGIN * 2.0;
        row_h = row_h.max(h);
    }
}

/// Leaves out edge labels that would cover an actor or an earlier label, after trying
/// a little before and after the middle of the edge.
fn drop_colliding_labels(scene: &Scene, out: &mut Layout) {
    let hit = |a: (Point, f64, f64), b: (Point, f64, f64)| {
        (a.0.x - b.0.x).abs() * 2.0 < a.1 + b.1 && (a.0.y - b.0.y).abs() * 2.0 < a.2 + b.2
    };
    let boxes: Vec<(Point, f64, f64)> = scene
        .nodes
        .iter()
        .zip(&out.nodes)
        .map(|(s, &p)| (p, s.w, s.h))
        .collect();
    let mut kept: Vec<(Point, f64, f64)> = Vec::new();
    for (spec, geom) in scene.edges.iter().zip(out.edges.iter_mut()) {
        if geom.label.is_none() || geom.path.len() < 4 {
            continue;
        }
        let (p0, c1, c2, p3) = (geom.path[0], geom.path[1], geom.path[2], geom.path[3]);
        let at = |t: f64| {
            let u = 1.0 - t;
            Point::new(
                u * u * u * p0.x
                    + 3.0 * u * u * t * c1.x
                    + 3.0 * u * t * t * c2.x
                    + t * t * t * p3.x,
                u * u * u * p0.y
                    + 3.0 * u * u * t * c1.y
                    + 3.0 * u * t * t * c2.y
                    + t * t * t * p3.y,
            )
        };
        let size = (spec.label_w + 4.0, spec.label_h);
        let found = [0.5, 0.38, 0.62, 0.28, 0.72]
            .into_iter()
            .map(|t| (at(t), size.0, size.1))
            .find(|&b| !boxes.iter().chain(&kept).any(|&o| hit(b, o)));
        geom.label = found.map(|b| b.0);
        if let Some(b) = found {
            kept.push(b);
        }
    }
}

/// Pushes overlapping boxes apart along the axis where they overlap least.
fn remove_overlaps(pos: &mut [Point], sizes: &[(f64, f64)], which: &[usize]) {
    for _ in 0..300 {
        let mut moved = false;
        for (x, &i) in which.iter().enumerate() {
            for &j in &which[x + 1..] {
                let ox = (sizes[i].0 + sizes[j].0) / 2.0 + MARGIN - (pos[i].x - pos[j].x).abs();
                let oy = (sizes[i].1 + sizes[j].1) / 2.0 + MARGIN - (pos[i].y - pos[j].y).abs();
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                moved = true;
                if ox < oy {
                    let s = if pos[i].x < pos[j].x || (pos[i].x == pos[j].x && i < j) {
                        -1.0
                    } else {
                        1.0
                    };
                    pos[i].x += s * ox / 2.0;
                    pos[j].x -= s * ox / 2.0;
                } else {
                    let s = if pos[i].y < pos[j].y || (pos[i].y == pos[j].y && i < j) {
                        -1.0
                    } else {
                        1.0
                    };
                    pos[i].y += s * oy / 2.0;
                    pos[j].y -= s * oy / 2.0;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

fn route_edges(scene: &Scene, pos: &[Point]) -> Vec<EdgeGeom> {
    // How many edges join each unordered pair, and which of them each edge is.
    let mut count: HashMap<(usize, usize), usize> = HashMap::new();
    for e in &scene.edges {
        *count
            .entry((e.source.min(e.target), e.source.max(e.target)))
            .or_insert(0) += 1;
    }
    let mut seen: HashMap<(usize, usize), usize> = HashMap::new();
    scene
        .edges
        .iter()
        .map(|e| {
            let (s, t) = (&scene.nodes[e.source], &scene.nodes[e.target]);
            let (a, b) = (pos[e.source], pos[e.target]);
            let len = style::arrow_len(e.weight);
            if e.source == e.target {
                // A loop over the top right corner.
                let start = Point::new(a.x + s.w / 4.0, a.y - s.h / 2.0);
                let end = Point::new(a.x + s.w / 2.0, a.y - s.h / 4.0);
                let path = vec![
                    start,
                    Point::new(start.x, start.y - 36.0),
                    Point::new(end.x + 36.0, end.y),
                    end,
                ];
                let (path, tip) = make_room_for_arrow(path, len);
                return EdgeGeom {
                    path,
                    tip,
                    label: (!e.label.is_empty())
                        .then(|| Point::new(a.x + s.w / 2.0 + 20.0, a.y - s.h / 2.0 - 26.0)),
                };
            }
            let key = (e.source.min(e.target), e.source.max(e.target));
            let total = count.get(&key).copied().unwrap_or(1);
            let nth = seen.entry(key).or_insert(0);
            // Bends are measured on the pair's own direction, so that A→B and B→A
            // bend to different sides.
            let offset = (*nth as f64 - (total as f64 - 1.0) / 2.0) * BEND;
            *nth += 1;
            let (lo, hi) = (pos[key.0], pos[key.1]);
            let (dx, dy) = (hi.x - lo.x, hi.y - lo.y);
            let d = dx.hypot(dy).max(1e-9);
            let mid = Point::new(
                (a.x + b.x) / 2.0 - dy / d * offset * 2.0,
                (a.y + b.y) / 2.0 + dx / d * offset * 2.0,
            );
            let p0 = clip(a, s.w, s.h, s.shape, mid);
            let p3 = clip(b, t.w, t.h, t.shape, mid);
            // A quadratic curve through `mid`'s control point, written as a cubic.
            let c1 = Point::new(
                p0.x + (mid.x - p0.x) * 2.0 / 3.0,
                p0.y + (mid.y - p0.y) * 2.0 / 3.0,
            );
            let c2 = Point::new(
                p3.x + (mid.x - p3.x) * 2.0 / 3.0,
                p3.y + (mid.y - p3.y) * 2.0 / 3.0,
            );
            let label = (!e.label.is_empty()).then(|| {
                Point::new(
                    0.25 * p0.x + 0.5 * mid.x + 0.25 * p3.x,
                    0.25 * p0.y + 0.5 * mid.y + 0.25 * p3.y,
                )
            });
            let (path, tip) = make_room_for_arrow(vec![p0, c1, c2, p3], len);
            EdgeGeom { path, tip, label }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlaps_are_removed() {
        let mut pos = vec![Point::new(0.0, 0.0); 5];
        let sizes = vec![(80.0, 30.0); 5];
        remove_overlaps(&mut pos, &sizes, &[0, 1, 2, 3, 4]);
        for i in 0..5 {
            for j in (i + 1)..5 {
                let apart =
                    (pos[i].x - pos[j].x).abs() >= 80.0 || (pos[i].y - pos[j].y).abs() >= 30.0;
                assert!(apart, "{i} {j} {pos:?}");
            }
        }
    }
}
