//! Numbers of a graph for `actorgraph stats`: counts by type, relation and mode, degree,
//! PageRank and betweenness of every actor, communities, and the best-supported pairs of
//! each relation. The definitions are networkx's, so that its numbers and these agree:
//!
//! * **degree**: the relations touching the actor, in and out (parallel relations each
//!   count), as `G.degree()` of a `MultiDiGraph`;
//! * **PageRank** ([`pagerank`]): `networkx.pagerank(G, alpha=0.85, weight="weight")` on
//!   the node-link JSON: the directed graph, each relation an edge weighted by its number
//!   of supporting sentences (parallel edges add up), the rank of an actor without
//!   outgoing relations spread over all actors, a uniform teleport, started uniform and
//!   iterated until the sum of the changes is below `n × 1e-13` (networkx's stopping
//!   rule with `tol=1e-13`);
//! * **betweenness** ([`betweenness`]): `networkx.betweenness_centrality(G)`: exact
//!   (Brandes), directed, unweighted (parallel relations are one step), normalised by
//!   `(n-1)(n-2)`;
//! * **communities**: the weakly connected components (petgraph's union-find), largest
//!   first.

use super::ActorGraph;
use crate::model::{EntityType, Mode, RelationKind};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, VecDeque};

/// The damping factor of [`pagerank`] (networkx's `alpha`).
pub const DAMPING: f64 = 0.85;
/// The stopping tolerance per actor of [`pagerank`] (networkx's `tol`).
pub const TOLERANCE: f64 = 1e-13;
/// At most this many power iterations.
pub const MAX_ITERATIONS: usize = 10_000;

/// PageRank of every actor, in [`ActorGraph::actors`] order (see the module docs).
pub fn pagerank(g: &ActorGraph) -> Vec<f64> {
    let pg = g.petgraph();
    let n = pg.node_count();
    if n == 0 {
        return Vec::new();
    }
    // position of each node index in actors() order
    let order: Vec<usize> = g
        .actors()
        .map(|a| g.node_index(&a.id).map(|ix| ix.index()).unwrap_or(0))
        .collect();
    let mut pos = vec![0usize; n];
    for (i, &ix) in order.iter().enumerate() {
        pos[ix] = i;
    }
    // out-weights and the weighted edges, by position
    let mut out_weight = vec![0f64; n];
    let mut edges: Vec<(usize, usize, f64)> = Vec::with_capacity(pg.edge_count());
    for e in pg.edge_references() {
        let (s, t) = (pos[e.source().index()], pos[e.target().index()]);
        let w = e.weight().weight() as f64;
        out_weight[s] += w;
        edges.push((s, t, w));
    }
    let uniform = 1.0 / n as f64;
    let mut x = vec![uniform; n];
    for _ in 0..MAX_ITERATIONS {
        let dangling: f64 = (0..n).filter(|&i| out_weight[i] == 0.0).map(|i| x[i]).sum();
        let mut next = vec![0f64; n];
        for &(s, t, w) in &edges {
            next[t] += x[s] * w / out_weight[s];
        }
        for v in next.iter_mut() {
            *v = DAMPING * (*v + dangling * uniform) + (1.0 - DAMPING) * uniform;
        }
        let err: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        x = next;
        if err < n as f64 * TOLERANCE {
            break;
        }
    }
    x
}

/// Betweenness centrality of every actor, in [`ActorGraph::actors`] order (see the
/// module docs).
pub fn betweenness(g: &ActorGraph) -> Vec<f64> {
    let pg = g.petgraph();
    let n = pg.node_count();
    let order: Vec<usize> = g
        .actors()
        .map(|a| g.node_index(&a.id).map(|ix| ix.index()).unwrap_or(0))
        .collect();
    let mut pos = vec![0usize; n];
    for (i, &ix) in order.iter().enumerate() {
        pos[ix] = i;
    }
    // successors, each once, in edge order (networkx's G[v] of a MultiDiGraph)
    let mut succ: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in pg.edge_references() {
        let (s, t) = (pos[e.source().index()], pos[e.target().index()]);
        if !succ[s].contains(&t) {
            succ[s].push(t);
        }
    }
    let mut bc = vec![0f64; n];
    let mut sigma = vec![0f64; n];
    let mut dist = vec![-1i64; n];
    let mut delta = vec![0f64; n];
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    for s in 0..n {
        let mut stack = Vec::new();
        for v in 0..n {
            sigma[v] = 0.0;
            dist[v] = -1;
            delta[v] = 0.0;
            preds[v].clear();
        }
        sigma[s] = 1.0;
        dist[s] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &w in &succ[v] {
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    preds[w].push(v);
                }
            }
        }
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                bc[w] += delta[w];
            }
        }
    }
    if n > 2 {
        let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
        for b in &mut bc {
            *b *= scale;
        }
    }
    bc
}

/// Degree (in and out) of every actor, in [`ActorGraph::actors`] order.
pub fn degrees(g: &ActorGraph) -> Vec<usize> {
    g.actors().map(|a| g.degree(&a.id)).collect()
}

/// The weakly connected components as positions in [`ActorGraph::actors`] order, largest
/// first (ties: the one with the earliest actor first), each in actor order.
pub fn components(g: &ActorGraph) -> Vec<Vec<usize>> {
    let pos: std::collections::HashMap<&str, usize> = g
        .actors()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let n = pos.len();
    let mut uf = UnionFind::<usize>::new(n);
    for (s, t, _) in g.relations() {
        uf.union(pos[s.id.as_str()], pos[t.id.as_str()]);
    }
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        by_root.entry(uf.find(i)).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().collect();
    out.sort_by_key(|c| (std::cmp::Reverse(c.len()), c[0]));
    out
}

/// How many actors of each type, relations of each kind and of each mode.
pub fn counts(
    g: &ActorGraph,
) -> (
    BTreeMap<EntityType, usize>,
    BTreeMap<RelationKind, usize>,
    BTreeMap<Mode, usize>,
) {
    let mut types = BTreeMap::new();
    for a in g.actors() {
        *types.entry(a.kind).or_insert(0) += 1;
    }
    let mut rels = BTreeMap::new();
    let mut modes = BTreeMap::new();
    for (_, _, r) in g.relations() {
        *rels.entry(r.relation).or_insert(0) += 1;
        *modes.entry(r.mode).or_insert(0) += 1;
    }
    (types, rels, modes)
}

/// Positions sorted by value, highest first, ties in actor order.
pub fn ranking(values: &[f64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..values.len()).collect();
    idx.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::select::tests::{actor, relation};

    /// a → b → c, a → c, d alone: values worked out by hand (and by networkx).
    fn small() -> ActorGraph {
        let mut g = ActorGraph::new();
        for id in ["a", "b", "c", "d"] {
            g.insert_actor(actor(id, id, EntityType::Person, &[]));
        }
        g.insert_relation("a", "b", relation(RelationKind::Consult, "met", 1));
        g.insert_relation("b", "c", relation(RelationKind::Consult, "met", 1));
        g.insert_relation("a", "c", relation(RelationKind::Accuse, "accused", 1));
        g
    }

    #[test]
    fn betweenness_is_brandes_normalised_like_networkx() {
        // only b lies on a shortest path (a→b→c is not shortest: a→c is); so 0 for all
        let bc = betweenness(&small());
        assert_eq!(bc, vec![0.0; 4]);
        let mut g = ActorGraph::new();
        for id in ["a", "b", "c"] {
            g.insert_actor(actor(id, id, EntityType::Person, &[]));
        }
        g.insert_relation("a", "b", relation(RelationKind::Consult, "met", 1));
        g.insert_relation("b", "c", relation(RelationKind::Consult, "met", 1));
        // networkx: {'a': 0.0, 'b': 0.5, 'c': 0.0} (1 path through b, scale 1/(2·1))
        assert_eq!(betweenness(&g), vec![0.0, 0.5, 0.0]);
    }

    #[test]
    fn pagerank_sums_to_one_and_matches_networkx() {
        let pr = pagerank(&small());
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        // networkx's _pagerank_python(G, tol=1e-13, max_iter=10000) on the same
        // MultiDiGraph (weight 1 on every edge)
        let nx = [
            0.1649824706124912,
            0.23510002062281324,
            0.43493503815220447,
            0.1649824706124912,
        ];
        for (a, b) in pr.iter().zip(nx) {
            assert!((a - b).abs() < 1e-9, "{pr:?}");
        }
        assert_eq!(ranking(&pr), vec![2, 1, 0, 3]);
    }

    #[test]
    fn components_largest_first() {
        let c = components(&small());
        assert_eq!(c, vec![vec![0, 1, 2], vec![3]]);
        let (types, rels, modes) = counts(&small());
        assert_eq!(types[&EntityType::Person], 4);
        assert_eq!(rels[&RelationKind::Consult], 2);
        assert_eq!(modes[&Mode::Asserted], 3);
        assert_eq!(degrees(&small()), vec![2, 2, 2, 0]);
    }
}
