//! Positions for the report's graph, computed once when the report is written so that
//! the page opens at once, laid out the same every time.
//!
//! Each connected component is laid out by a force-directed layout (Fruchterman–
//! Reingold) whose repulsion is summed with a Barnes–Hut quadtree, so an iteration
//! costs O(n log n) rather than the O(n²) of `render`'s picture layout (which also
//! sizes boxes for labels, which the page does not need). Components are then packed
//! in rows, largest first, and actors without relations go in a grid after them.
//! There is no randomness: the same graph gives the same positions, whatever the
//! number of threads (the repulsion of each body is summed on its own).

use rayon::prelude::*;

/// The ideal distance between two related actors, in the page's world units.
pub(crate) const IDEAL: f64 = 40.0;
/// Space between packed components.
const GAP: f64 = IDEAL * 1.5;
/// Space between actors without relations in their grid: wide columns, so that their
/// names fit when the page shows them.
const GRID_X: f64 = IDEAL * 4.0;
const GRID_Y: f64 = IDEAL * 0.6;
/// Barnes–Hut opening angle: a cell further away than its size / THETA counts as one
/// body at its centre of mass.
const THETA: f64 = 0.9;
/// Quadtree depth limit, so that bodies at (nearly) the same place end the subdivision.
const MAX_DEPTH: u32 = 48;

/// Positions for `n` actors related by `edges` (pairs of actor indices; parallel edges
/// and self-loops are allowed and change nothing but the pull).
pub(crate) fn layout(n: usize, edges: &[(usize, usize)]) -> Vec<(f64, f64)> {
    let mut pos = vec![(0.0, 0.0); n];
    let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a != b && a < n && b < n {
            adjacency[a].push(b);
            adjacency[b].push(a);
        }
    }
    for list in &mut adjacency {
        list.sort_unstable();
        list.dedup();
    }
    let mut components = components(&adjacency);
    // Largest first; among equals, the one whose first actor comes first.
    components.sort_by_key(|c| (std::cmp::Reverse(c.len()), c[0]));
    let (linked, lonely): (Vec<_>, Vec<_>) = components.into_iter().partition(|c| c.len() > 1);
    let mut blocks: Vec<Block> = linked
        .iter()
        .map(|c| Block::of(c, force_layout(c, &adjacency)))
        .collect();
    let lonely: Vec<usize> = lonely.into_iter().flatten().collect();
    if !lonely.is_empty() {
        blocks.push(Block::of(&lonely, grid(lonely.len())));
    }
    pack(&mut blocks);
    for b in &blocks {
        for (&i, &(x, y)) in b.members.iter().zip(&b.pos) {
            pos[i] = (x + b.dx, y + b.dy);
        }
    }
    pos
}

/// Connected components, each sorted by actor index, in order of their first actor.
fn components(adjacency: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut seen = vec![false; adjacency.len()];
    let mut out = Vec::new();
    for start in 0..adjacency.len() {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut members = vec![start];
        let mut at = 0;
        while at < members.len() {
            for &j in &adjacency[members[at]] {
                if !seen[j] {
                    seen[j] = true;
                    members.push(j);
                }
            }
            at += 1;
        }
        members.sort_unstable();
        out.push(members);
    }
    out
}

/// A laid-out group of actors and where packing puts it.
struct Block<'a> {
    members: &'a [usize],
    /// Positions relative to the block's top-left corner.
    pos: Vec<(f64, f64)>,
    w: f64,
    h: f64,
    dx: f64,
    dy: f64,
}

impl<'a> Block<'a> {
    fn of(members: &'a [usize], mut pos: Vec<(f64, f64)>) -> Block<'a> {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in &pos {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        for p in &mut pos {
            p.0 -= x0;
            p.1 -= y0;
        }
        Block {
            members,
            pos,
            w: x1 - x0,
            h: y1 - y0,
            dx: 0.0,
            dy: 0.0,
        }
    }
}

/// Shelf packing in the given order: rows about as wide as the whole is tall.
fn pack(blocks: &mut [Block]) {
    let area: f64 = blocks.iter().map(|b| (b.w + GAP) * (b.h + GAP)).sum();
    let widest = blocks.iter().map(|b| b.w).fold(0.0, f64::max);
    let row_w = area.sqrt().max(widest) * 1.2;
    let (mut x, mut y, mut row_h) = (0.0, 0.0, 0.0_f64);
    for b in blocks {
        if x > 0.0 && x + b.w > row_w {
            x = 0.0;
            y += row_h + GAP;
            row_h = 0.0;
        }
        b.dx = x;
        b.dy = y;
        x += b.w + GAP;
        row_h = row_h.max(b.h);
    }
}

/// `count` points in a grid about 4:3 wide, filled column by column.
fn grid(count: usize) -> Vec<(f64, f64)> {
    let rows =
        ((count as f64 * GRID_X / GRID_Y * 0.75).sqrt().ceil() as usize).clamp(1, count.max(1));
    (0..count)
        .map(|i| ((i / rows) as f64 * GRID_X, (i % rows) as f64 * GRID_Y))
        .collect()
}

/// Fruchterman–Reingold on one component (`members` are actor indices).
fn force_layout(members: &[usize], adjacency: &[Vec<usize>]) -> Vec<(f64, f64)> {
    let m = members.len();
    let local: std::collections::HashMap<usize, usize> =
        members.iter().enumerate().map(|(l, &g)| (g, l)).collect();
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for (l, &g) in members.iter().enumerate() {
        for &h in &adjacency[g] {
            let lh = local[&h];
            if l < lh {
                edges.push((l, lh));
            }
        }
    }
    let degree: Vec<usize> = members.iter().map(|&g| adjacency[g].len()).collect();
    // As in ForceAtlas2, repulsion grows with the degrees of both bodies, so that hubs
    // make room for their neighbours instead of being buried in them.
    let mass: Vec<f64> = degree.iter().map(|&d| 1.0 + d as f64).collect();
    // Start on a sunflower spiral, the most connected at the centre.
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(degree[i]), i));
    let mut pos = vec![(0.0, 0.0); m];
    let golden = std::f64::consts::PI * (3.0 - 5f64.sqrt());
    for (rank, &i) in order.iter().enumerate() {
        let r = IDEAL * 0.5 * (rank as f64 + 0.5).sqrt();
        let a = rank as f64 * golden;
        pos[i] = (r * a.cos(), r * a.sin());
    }
    if m == 2 {
        return vec![(0.0, 0.0), (IDEAL, 0.0)];
    }
    let k = IDEAL;
    let radius = k * (m as f64).sqrt();
    // Fewer iterations for large components, whose iterations cost more and that the
    // spiral start already spreads out.
    let iterations = if m <= 500 {
        300
    } else if m <= 5000 {
        150
    } else {
        80
    };
    let mut disp = vec![(0.0, 0.0); m];
    let mut tree = QuadTree::default();
    for it in 0..iterations {
        let temperature = radius * 0.1 * (1.0 - it as f64 / iterations as f64) + k * 0.02;
        tree.build(&pos, &mass);
        // Each body's repulsion depends only on the tree: the same on any number of
        // threads.
        let (tree_ref, pos_ref, mass_ref) = (&tree, &pos, &mass);
        disp.par_iter_mut()
            .enumerate()
            .for_each_init(Vec::new, |stack, (i, d)| {
                *d = tree_ref.repulsion(i, pos_ref[i], mass_ref[i], k * k, stack);
            });
        for &(a, b) in &edges {
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let f = (dx * dx + dy * dy).sqrt() / k;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        for i in 0..m {
            // Gravity growing with the distance: it keeps long chains and loosely
            // attached parts from drifting far out.
            let g = pos[i].0.hypot(pos[i].1) / radius;
            disp[i].0 -= pos[i].0 * g;
            disp[i].1 -= pos[i].1 * g;
            let len = disp[i].0.hypot(disp[i].1);
            if len > 0.0 {
                let step = len.min(temperature);
                pos[i].0 += disp[i].0 / len * step;
                pos[i].1 += disp[i].1 / len * step;
            }
        }
    }
    pos
}

/// A Barnes–Hut quadtree over the bodies of one iteration, rebuilt each time (its
/// arena is reused).
#[derive(Default)]
struct QuadTree {
    cells: Vec<Cell>,
}

#[derive(Clone, Copy)]
struct Cell {
    cx: f64,
    cy: f64,
    half: f64,
    /// Number of bodies in the cell, and their summed mass and mass-weighted position.
    count: u32,
    mass: f64,
    mx: f64,
    my: f64,
    /// The one body in a leaf (`usize::MAX` when empty or subdivided).
    body: usize,
    /// Index of the first of four children, 0 for a leaf.
    children: usize,
}

impl Cell {
    fn new(cx: f64, cy: f64, half: f64) -> Cell {
        Cell {
            cx,
            cy,
            half,
            count: 0,
            mass: 0.0,
            mx: 0.0,
            my: 0.0,
            body: usize::MAX,
            children: 0,
        }
    }
}

impl QuadTree {
    fn build(&mut self, pos: &[(f64, f64)], mass: &[f64]) {
        self.cells.clear();
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for &(x, y) in pos {
            x0 = x0.min(x);
            y0 = y0.min(y);
            x1 = x1.max(x);
            y1 = y1.max(y);
        }
        let half = ((x1 - x0).max(y1 - y0) / 2.0).max(1.0) * 1.01;
        self.cells
            .push(Cell::new((x0 + x1) / 2.0, (y0 + y1) / 2.0, half));
        for (i, &p) in pos.iter().enumerate() {
            self.insert(i, p, pos, mass);
        }
    }

    fn child_of(&self, cell: usize, (x, y): (f64, f64)) -> usize {
        let c = &self.cells[cell];
        c.children + usize::from(x >= c.cx) + 2 * usize::from(y >= c.cy)
    }

    fn insert(&mut self, body: usize, p: (f64, f64), pos: &[(f64, f64)], mass: &[f64]) {
        let m = mass[body];
        let mut cell = 0;
        let mut depth = 0;
        loop {
            let c = &mut self.cells[cell];
            c.count += 1;
            c.mass += m;
            c.mx += p.0 * m;
            c.my += p.1 * m;
            if c.children != 0 {
                cell = self.child_of(cell, p);
                depth += 1;
                continue;
            }
            if c.count == 1 {
                c.body = body;
                return;
            }
            if depth >= MAX_DEPTH {
                // Bodies at the same place: the leaf keeps their summed mass.
                return;
            }
            // Split the leaf: its body moves into a child, then this one goes on down.
            let (cx, cy, h) = (c.cx, c.cy, c.half / 2.0);
            let old = c.body;
            c.body = usize::MAX;
            let first = self.cells.len();
            self.cells[cell].children = first;
            for (dx, dy) in [(-h, -h), (h, -h), (-h, h), (h, h)] {
                self.cells.push(Cell::new(cx + dx, cy + dy, h));
            }
            if old != usize::MAX {
                let q = pos[old];
                let child = self.child_of(cell, q);
                let c = &mut self.cells[child];
                c.count = 1;
                c.mass = mass[old];
                c.mx = q.0 * mass[old];
                c.my = q.1 * mass[old];
                c.body = old;
            }
            cell = self.child_of(cell, p);
            depth += 1;
        }
    }

    /// The summed repulsion k²·mᵢ·mⱼ/d on body `i` (of mass `mi`, at `p`) from every
    /// other body.
    fn repulsion(
        &self,
        i: usize,
        p: (f64, f64),
        mi: f64,
        k2: f64,
        stack: &mut Vec<usize>,
    ) -> (f64, f64) {
        let (mut fx, mut fy) = (0.0, 0.0);
        stack.clear();
        stack.push(0);
        while let Some(ix) = stack.pop() {
            let c = &self.cells[ix];
            let leaf = c.children == 0;
            let (mut mass, mut count) = (c.mass, c.count);
            if leaf && (p.0 - c.cx).abs() <= c.half && (p.1 - c.cy).abs() <= c.half {
                // The cells partition the plane: a leaf around `p` holds body `i`
                // itself (and, at the depth limit, bodies stacked on it).
                mass -= mi;
                count = count.saturating_sub(1);
            }
            if count == 0 || mass <= 0.0 {
                continue;
            }
            let (mut dx, mut dy) = (p.0 - c.mx / c.mass, p.1 - c.my / c.mass);
            let mut d2 = dx * dx + dy * dy;
            if leaf || 4.0 * c.half * c.half < THETA * THETA * d2 {
                if d2 < 1e-4 {
                    // Same place: push apart along a direction fixed by the index.
                    let a = i as f64 * 2.399_963;
                    dx = a.cos() * 0.01;
                    dy = a.sin() * 0.01;
                    d2 = 1e-4;
                }
                let f = k2 * mi * mass / d2;
                fx += dx * f;
                fy += dy * f;
            } else {
                stack.extend(c.children..c.children + 4);
            }
        }
        (fx, fy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: (f64, f64), b: (f64, f64)) -> f64 {
        (a.0 - b.0).hypot(a.1 - b.1)
    }

    #[test]
    fn related_actors_are_closer_than_unrelated_ones() {
        // two triangles joined by one edge, and two actors alone
        let edges = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)];
        let pos = layout(8, &edges);
        assert_eq!(pos.len(), 8);
        assert!(pos.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
        for &(a, b) in &edges {
            let d = dist(pos[a], pos[b]);
            assert!(d > IDEAL * 0.3 && d < IDEAL * 3.0, "{a}-{b}: {d}");
        }
        assert!(dist(pos[0], pos[5]) > dist(pos[0], pos[1]));
        // no two actors on top of each other
        for i in 0..8 {
            for j in i + 1..8 {
                assert!(dist(pos[i], pos[j]) > IDEAL * 0.3, "{i} {j}");
            }
        }
    }

    #[test]
    fn deterministic_and_separate_components_do_not_overlap() {
        let mut edges = Vec::new();
        for c in 0..5 {
            for i in 0..10 {
                edges.push((c * 10, c * 10 + i));
            }
        }
        let a = layout(53, &edges);
        assert_eq!(a, layout(53, &edges));
        let bbox = |c: usize| {
            let ps = &a[c * 10..c * 10 + 10];
            let x0 = ps.iter().map(|p| p.0).fold(f64::MAX, f64::min);
            let x1 = ps.iter().map(|p| p.0).fold(f64::MIN, f64::max);
            let y0 = ps.iter().map(|p| p.1).fold(f64::MAX, f64::min);
            let y1 = ps.iter().map(|p| p.1).fold(f64::MIN, f64::max);
            (x0, y0, x1, y1)
        };
        for c in 0..5 {
            for d in c + 1..5 {
                let (a0, b0, a1, b1) = bbox(c);
                let (c0, d0, c1, d1) = bbox(d);
                let apart = a1 < c0 || c1 < a0 || b1 < d0 || d1 < b0;
                assert!(apart, "components {c} and {d} overlap");
            }
        }
    }

    #[test]
    fn the_same_positions_on_one_thread_and_on_four() {
        let edges: Vec<(usize, usize)> = (0..400).map(|i| (i % 97, (i * 7 + 3) % 200)).collect();
        let on = |n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .unwrap()
                .install(|| layout(210, &edges))
        };
        assert_eq!(on(1), on(4));
    }

    #[test]
    fn stacked_and_degenerate_inputs_stay_finite() {
        assert!(layout(0, &[]).is_empty());
        assert_eq!(layout(1, &[]).len(), 1);
        let pos = layout(3, &[(0, 0), (0, 1), (0, 1), (1, 9)]);
        assert!(pos.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
        // a star of 300: every leaf ends up near the hub, none on it
        let star: Vec<(usize, usize)> = (1..300).map(|i| (0, i)).collect();
        let pos = layout(300, &star);
        for p in &pos[1..] {
            let d = dist(pos[0], *p);
            assert!(d > 1.0 && d < IDEAL * 20.0, "{d}");
        }
    }
}
