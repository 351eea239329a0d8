//! Where things go: the positions an engine computed for a [`Scene`](super::scene::Scene),
//! in the scene's order, in px with the origin at the top left and y growing down.
//! Both engines fill a [`Layout`]; `svg.rs` draws any `Layout` the same way. Also
//! the geometry of outlines that both sides need: polygon corners and clipping.

use super::style::Shape;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub(crate) fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }
}

/// One edge: a chain of cubic Bézier segments (`p0 c1 c2 p1 c1 c2 p2 …`, so `1 + 3k`
/// points) that ends at the base of the arrowhead, and the arrowhead's tip.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct EdgeGeom {
    pub path: Vec<Point>,
    pub tip: Point,
    /// Centre of the edge label, when the edge has one.
    pub label: Option<Point>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Layout {
    pub width: f64,
    pub height: f64,
    /// Centre of each node.
    pub nodes: Vec<Point>,
    pub edges: Vec<EdgeGeom>,
}

impl Layout {
    /// Moves everything so that the smallest coordinate of `extent` is at 0,0 and sets
    /// the size from it. `extent` lists every box (centre, width, height) drawn.
    pub(crate) fn normalise(&mut self, extent: &[(Point, f64, f64)]) {
        let mut min = Point::new(f64::INFINITY, f64::INFINITY);
        let mut max = Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
        let mut grow = |p: Point, w: f64, h: f64| {
            min.x = min.x.min(p.x - w / 2.0);
            min.y = min.y.min(p.y - h / 2.0);
            max.x = max.x.max(p.x + w / 2.0);
            max.y = max.y.max(p.y + h / 2.0);
        };
        for &(p, w, h) in extent {
            grow(p, w, h);
        }
        for e in &self.edges {
            for &p in e.path.iter().chain(std::iter::once(&e.tip)) {
                grow(p, 0.0, 0.0);
            }
        }
        if !min.x.is_finite() {
            self.width = 0.0;
            self.height = 0.0;
            return;
        }
        let shift = |p: &mut Point| {
            p.x -= min.x;
            p.y -= min.y;
        };
        self.nodes.iter_mut().for_each(shift);
        for e in &mut self.edges {
            e.path.iter_mut().for_each(shift);
            shift(&mut e.tip);
            if let Some(l) = e.label.as_mut() {
                shift(l);
            }
        }
        self.width = max.x - min.x;
        self.height = max.y - min.y;
    }
}

/// The corners of the outlines that are polygons cut into their box (hexagon,
/// octagon), the same geometry as Graphviz's; `None` for the others.
pub(crate) fn polygon(shape: Shape, c: Point, w: f64, h: f64) -> Option<Vec<Point>> {
    let (x0, y0, x1, y1) = (c.x - w / 2.0, c.y - h / 2.0, c.x + w / 2.0, c.y + h / 2.0);
    let p = Point::new;
    match shape {
        Shape::Octagon => {
            let (dx, dy) = (0.293 * w, 0.207 * h);
            Some(vec![
                p(x0 + dx, y0),
                p(x1 - dx, y0),
                p(x1, c.y - dy),
                p(x1, c.y + dy),
                p(x1 - dx, y1),
                p(x0 + dx, y1),
                p(x0, c.y + dy),
                p(x0, c.y - dy),
            ])
        }
        Shape::Hexagon => Some(vec![
            p(x0, c.y),
            p(x0 + w / 4.0, y0),
            p(x1 - w / 4.0, y0),
            p(x1, c.y),
            p(x1 - w / 4.0, y1),
            p(x0 + w / 4.0, y1),
        ]),
        _ => None,
    }
}

/// Where a ray from the centre `c` of a node towards `to` leaves its outline.
pub(crate) fn clip(c: Point, w: f64, h: f64, shape: Shape, to: Point) -> Point {
    let (dx, dy) = (to.x - c.x, to.y - c.y);
    if dx == 0.0 && dy == 0.0 {
        return c;
    }
    let (a, b) = (w / 2.0, h / 2.0);
    let t = match (shape, polygon(shape, c, w, h)) {
        (Shape::Ellipse, _) => 1.0 / ((dx / a).powi(2) + (dy / b).powi(2)).sqrt(),
        (_, Some(corners)) => {
            // The first side the ray crosses: c + t·d = p + s·(q − p), 0 ≤ s ≤ 1.
            let mut best = f64::INFINITY;
            for (i, &p) in corners.iter().enumerate() {
                let q = corners[(i + 1) % corners.len()];
                let (ex, ey) = (q.x - p.x, q.y - p.y);
                let den = dx * ey - dy * ex;
                if den.abs() < 1e-12 {
                    continue;
                }
                let (fx, fy) = (p.x - c.x, p.y - c.y);
                let t = (fx * ey - fy * ex) / den;
                let s = (fx * dy - fy * dx) / den;
                if t > 0.0 && (-1e-9..=1.0 + 1e-9).contains(&s) {
                    best = best.min(t);
                }
            }
            if best.is_finite() {
                best
            } else {
                (a / dx.abs()).min(b / dy.abs())
            }
        }
        _ => (a / dx.abs()).min(b / dy.abs()),
    };
    Point::new(c.x + dx * t, c.y + dy * t)
}

/// Shortens a path by `len` at its end so an arrowhead of that length fits; returns
/// the new path and the tip (the old end).
pub(crate) fn make_room_for_arrow(mut path: Vec<Point>, len: f64) -> (Vec<Point>, Point) {
    let n = path.len();
    let tip = path[n - 1];
    // Direction of arrival: from the last control point that differs from the tip.
    let from = path[..n - 1]
        .iter()
        .rev()
        .find(|p| (p.x - tip.x).hypot(p.y - tip.y) > 0.5)
        .copied()
        .unwrap_or(tip);
    let d = (tip.x - from.x).hypot(tip.y - from.y);
    if d > 0.0 {
        let k = len.min(d * 0.9) / d;
        let base = Point::new(tip.x - (tip.x - from.x) * k, tip.y - (tip.y - from.y) * k);
        path[n - 1] = base;
        if n >= 2 && d <= len {
            // The last control point sat inside the arrowhead: pull it back too.
            path[n - 2] = from;
        }
    }
    (path, tip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_moves_to_origin() {
        let mut l = Layout {
            width: 0.0,
            height: 0.0,
            nodes: vec![Point::new(100.0, 50.0), Point::new(300.0, 150.0)],
            edges: vec![EdgeGeom {
                path: vec![Point::new(100.0, 50.0); 4],
                tip: Point::new(300.0, 150.0),
                label: Some(Point::new(200.0, 100.0)),
            }],
        };
        l.normalise(&[
            (Point::new(100.0, 50.0), 40.0, 20.0),
            (Point::new(300.0, 150.0), 40.0, 20.0),
        ]);
        assert_eq!(l.nodes[0], Point::new(20.0, 10.0));
        assert_eq!(l.width, 240.0);
        assert_eq!(l.height, 120.0);
        assert_eq!(l.edges[0].label, Some(Point::new(120.0, 60.0)));
    }

    #[test]
    fn clipping_to_outlines() {
        let c = Point::new(0.0, 0.0);
        let p = clip(c, 100.0, 40.0, Shape::Box, Point::new(200.0, 0.0));
        assert_eq!(p, Point::new(50.0, 0.0));
        let p = clip(c, 100.0, 40.0, Shape::Ellipse, Point::new(0.0, -200.0));
        assert!((p.y + 20.0).abs() < 1e-9);
        // Straight up a hexagon is its flat top; along the diagonal it is inside the box.
        let p = clip(c, 100.0, 40.0, Shape::Hexagon, Point::new(0.0, 100.0));
        assert!((p.y - 20.0).abs() < 1e-9, "{p:?}");
        let p = clip(c, 100.0, 40.0, Shape::Hexagon, Point::new(50.0, 20.0));
        assert!(p.x < 50.0 && p.y < 20.0 && p.x > 30.0, "{p:?}");
        let p = clip(c, 100.0, 40.0, Shape::Octagon, Point::new(50.0, 20.0));
        assert!(p.x < 50.0 && p.y < 20.0, "{p:?}");
    }

    #[test]
    fn arrow_room() {
        let path = vec![
            Point::new(0.0, 0.0),
            Point::new(0.0, 30.0),
            Point::new(0.0, 70.0),
            Point::new(0.0, 100.0),
        ];
        let (p, tip) = make_room_for_arrow(path, 10.0);
        assert_eq!(tip, Point::new(0.0, 100.0));
        assert!((p[3].y - 90.0).abs() < 1e-9);
    }
}
