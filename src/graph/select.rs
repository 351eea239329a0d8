//! Selection of a sub-graph: the ego network of an actor (a focus and a depth), entity
//! types, relation kinds, a minimum number of supporting sentences and a size cap
//! (keeping the most connected actors). [`select`] reads a graph and builds a new one
//! (petgraph indices are never removed in place), and says what it cut as
//! [`SelectionNote`] values, so that the CLI can tell the user in terms of its flags.
//! Every output format goes through the same selection.

use super::ActorGraph;
use crate::model::{name_key, EntityType, Mode, RelationKind};
use std::collections::{HashMap, VecDeque};
use std::fmt;

/// What to keep. The default keeps everything.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Keep only the ego network of this actor, matched case-insensitively against
    /// ids, names and aliases.
    pub focus: Option<String>,
    /// How many relation steps from the focus to keep (in either direction).
    /// 0 keeps the focus alone. Ignored without `focus`.
    pub depth: usize,
    /// Keep only actors of these types (all when empty). The focus is always kept.
    pub types: Vec<EntityType>,
    /// Keep only relations of these kinds (all when empty).
    pub relations: Vec<RelationKind>,
    /// Keep only relations reported in these modes (all when empty). The CLI's default
    /// is [`Mode::is_default`]'s: asserted and intended. Unlike the other relation
    /// filters, it leaves every actor in (an actor is still mentioned when its only
    /// relation did not happen).
    pub modes: Vec<Mode>,
    /// Keep only relations supported by at least this many sentences (0 and 1 keep all).
    pub min_weight: usize,
    /// Keep at most this many actors: the focus and the closest to it first, then the
    /// most connected, ties broken by order in the input graph.
    pub max_nodes: Option<usize>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            focus: None,
            depth: 1,
            types: Vec::new(),
            relations: Vec::new(),
            modes: Vec::new(),
            min_weight: 0,
            max_nodes: None,
        }
    }
}

impl Selection {
    /// True when the selection keeps the whole graph whatever it is.
    pub fn is_all(&self) -> bool {
        self.is_all_but_modes() && self.keeps_every_mode()
    }

    /// True when the selection keeps all of `g` (its mode filter removes no edge of it).
    pub fn is_all_for(&self, g: &ActorGraph) -> bool {
        self.is_all_but_modes()
            && (self.keeps_every_mode() || g.relations().all(|(_, _, r)| self.keeps_mode(r.mode)))
    }

    fn is_all_but_modes(&self) -> bool {
        self.focus.is_none()
            && self.types.is_empty()
            && self.relations.is_empty()
            && self.min_weight <= 1
            && self.max_nodes.is_none()
    }

    fn keeps_every_mode(&self) -> bool {
        self.modes.is_empty() || Mode::ALL.iter().all(|m| self.modes.contains(m))
    }

    /// True when edges of mode `m` are kept.
    pub fn keeps_mode(&self, m: Mode) -> bool {
        self.modes.is_empty() || self.modes.contains(&m)
    }
}

/// What a selection cut, for the user: one note per cut that removed something. The
/// plain words are [`Display`](fmt::Display); the CLI names its flags beside them.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SelectionNote {
    /// `modes`: the edges reported in these modes were kept.
    Modes {
        kept: usize,
        total: usize,
        modes: Vec<Mode>,
    },
    /// `relations`: the edges of these kinds were kept.
    Relations {
        kept: usize,
        total: usize,
        kinds: Vec<RelationKind>,
    },
    /// `min_weight`: the edges with at least this many sentences were kept.
    MinWeight {
        kept: usize,
        total: usize,
        min_weight: usize,
    },
    /// The focus name matched several actors; all are the centre.
    FocusAmbiguous { focus: String, actors: Vec<String> },
    /// `types`: the actors of these types were kept.
    Types {
        kept: usize,
        total: usize,
        types: Vec<EntityType>,
    },
    /// The ego network of the focus, `depth` steps deep, was kept.
    Focus {
        kept: usize,
        total: usize,
        depth: usize,
        centres: Vec<String>,
    },
    /// Actors left without any relation by the relation filters were left out.
    Orphans { left_out: usize },
    /// `max_nodes`: the most connected were kept.
    MaxNodes {
        kept: usize,
        total: usize,
        around_focus: bool,
    },
}

impl fmt::Display for SelectionNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        match self {
            SelectionNote::Modes { kept, total, modes } => write!(
                f,
                "kept {kept} of {total} relations: those reported as {}",
                join(modes.iter().map(|m| m.as_str()))
            ),
            SelectionNote::Relations { kept, total, kinds } => write!(
                f,
                "kept {kept} of {total} relations: those of kind {}",
                join(kinds.iter().map(|r| r.as_str()))
            ),
            SelectionNote::MinWeight {
                kept,
                total,
                min_weight,
            } => write!(
                f,
                "kept {kept} of {total} relations: those supported by at least {min_weight} sentences"
            ),
            SelectionNote::FocusAmbiguous { focus, actors } => write!(
                f,
                "{focus:?} matches {} actors, all kept as the centre: {}",
                actors.len(),
                actors.join(", ")
            ),
            SelectionNote::Types { kept, total, types } => write!(
                f,
                "kept {kept} of {total} actors: those of type {}",
                join(types.iter().map(|t| t.as_str()))
            ),
            SelectionNote::Focus {
                kept,
                total,
                depth,
                centres,
            } => write!(
                f,
                "kept {kept} of {total} actors: those within {depth} step{} of {}",
                plural(*depth),
                centres.join(", ")
            ),
            SelectionNote::Orphans { left_out } => write!(
                f,
                "left out {left_out} actor{} with no relation left after the relation filters",
                plural(*left_out)
            ),
            SelectionNote::MaxNodes {
                kept,
                total,
                around_focus,
            } => write!(
                f,
                "kept {kept} of {total} actors: the most connected{}",
                if *around_focus {
                    ", closest to the focus first"
                } else {
                    ""
                }
            ),
        }
    }
}

/// Why a selection could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SelectionError {
    #[error("no actor has the name or alias {0:?}")]
    FocusNotFound(String),
    #[error("the size cap must be at least 1 actor")]
    ZeroMaxNodes,
}

/// Builds the selected sub-graph. Returns it with one note per cut that removed
/// something (nothing is said about filters that removed nothing).
///
/// Order of the steps: relation filters (`relations`, `min_weight`), type filter, ego
/// network over what is left, actors left without any relation by the relation filters
/// are dropped, and finally the size cap.
///
/// Errors: an unknown focus (naming it), or `max_nodes` of 0.
pub fn select(
    g: &ActorGraph,
    sel: &Selection,
) -> Result<(ActorGraph, Vec<SelectionNote>), SelectionError> {
    if sel.max_nodes == Some(0) {
        return Err(SelectionError::ZeroMaxNodes);
    }
    let actors: Vec<_> = g.actors().collect();
    let n = actors.len();
    let pos: HashMap<&str, usize> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut notes = Vec::new();

    // Edges as (source position, target position, relation), in input order.
    let all_edges: Vec<_> = g
        .relations()
        .filter_map(|(s, t, r)| Some((*pos.get(s.id.as_str())?, *pos.get(t.id.as_str())?, r)))
        .collect();
    let mut edges = all_edges;
    if !sel.keeps_every_mode() {
        let before = edges.len();
        edges.retain(|(_, _, r)| sel.keeps_mode(r.mode));
        if edges.len() < before {
            notes.push(SelectionNote::Modes {
                kept: edges.len(),
                total: before,
                modes: sel.modes.clone(),
            });
        }
    }
    let total_edges = edges.len();
    if !sel.relations.is_empty() {
        edges.retain(|(_, _, r)| sel.relations.contains(&r.relation));
        if edges.len() < total_edges {
            notes.push(SelectionNote::Relations {
                kept: edges.len(),
                total: total_edges,
                kinds: sel.relations.clone(),
            });
        }
    }
    if sel.min_weight > 1 {
        let before = edges.len();
        edges.retain(|(_, _, r)| r.weight() >= sel.min_weight);
        if edges.len() < before {
            notes.push(SelectionNote::MinWeight {
                kept: edges.len(),
                total: before,
                min_weight: sel.min_weight,
            });
        }
    }
    let edges_filtered = edges.len() < total_edges;

    // The focus: exact names (or ids) first, aliases only when no name matches.
    let focus: Vec<usize> = match &sel.focus {
        None => Vec::new(),
        Some(name) => {
            let key = name_key(name);
            let by_name: Vec<usize> = (0..n)
                .filter(|&i| name_key(&actors[i].name) == key || actors[i].id == name.trim())
                .collect();
            let found = if by_name.is_empty() {
                (0..n)
                    .filter(|&i| actors[i].aliases.iter().any(|a| name_key(a) == key))
                    .collect()
            } else {
                by_name
            };
            if found.is_empty() {
                return Err(SelectionError::FocusNotFound(name.clone()));
            }
            if found.len() > 1 {
                notes.push(SelectionNote::FocusAmbiguous {
                    focus: name.clone(),
                    actors: found.iter().map(|&i| actors[i].name.clone()).collect(),
                });
            }
            found
        }
    };

    // Which actors are still candidates.
    let mut keep = vec![true; n];
    if !sel.types.is_empty() {
        for (i, a) in actors.iter().enumerate() {
            keep[i] = sel.types.contains(&a.kind) || focus.contains(&i);
        }
        let kept = keep.iter().filter(|&&k| k).count();
        if kept < n {
            notes.push(SelectionNote::Types {
                kept,
                total: n,
                types: sel.types.clone(),
            });
        }
    }
    let usable = |edge: &(usize, usize, _), keep: &[bool]| keep[edge.0] && keep[edge.1];

    // Distance from the focus, by breadth-first search in both directions.
    let mut dist: Vec<Option<usize>> = vec![None; n];
    if !focus.is_empty() {
        let mut adjacent: Vec<Vec<usize>> = vec![Vec::new(); n];
        for e in edges.iter().filter(|e| usable(e, &keep)) {
            adjacent[e.0].push(e.1);
            adjacent[e.1].push(e.0);
        }
        let mut queue = VecDeque::new();
        for &f in &focus {
            dist[f] = Some(0);
            queue.push_back(f);
        }
        while let Some(u) = queue.pop_front() {
            let d = dist[u].unwrap_or(0);
            if d >= sel.depth {
                continue;
            }
            for &v in &adjacent[u] {
                if dist[v].is_none() {
                    dist[v] = Some(d + 1);
                    queue.push_back(v);
                }
            }
        }
        let before = keep.iter().filter(|&&k| k).count();
        for i in 0..n {
            keep[i] = keep[i] && dist[i].is_some();
        }
        let kept = keep.iter().filter(|&&k| k).count();
        if kept < before {
            notes.push(SelectionNote::Focus {
                kept,
                total: before,
                depth: sel.depth,
                centres: focus.iter().map(|&i| actors[i].name.clone()).collect(),
            });
        }
    }

    // Degree within what is kept so far.
    let mut degree = vec![0usize; n];
    for e in edges.iter().filter(|e| usable(e, &keep)) {
        degree[e.0] += 1;
        degree[e.1] += 1;
    }
    if edges_filtered {
        let orphans: Vec<usize> = (0..n)
            .filter(|&i| keep[i] && degree[i] == 0 && !focus.contains(&i))
            .collect();
        if !orphans.is_empty() {
            for &i in &orphans {
                keep[i] = false;
            }
            notes.push(SelectionNote::Orphans {
                left_out: orphans.len(),
            });
        }
    }

    if let Some(max) = sel.max_nodes {
        let kept: Vec<usize> = (0..n).filter(|&i| keep[i]).collect();
        if kept.len() > max {
            let mut ranked = kept.clone();
            // Closest to the focus first, then the most connected, then input order.
            ranked.sort_by_key(|&i| (dist[i].unwrap_or(0), std::cmp::Reverse(degree[i]), i));
            for &i in &ranked[max..] {
                keep[i] = false;
            }
            notes.push(SelectionNote::MaxNodes {
                kept: max,
                total: kept.len(),
                around_focus: !focus.is_empty(),
            });
        }
    }

    let mut out = ActorGraph::new();
    for d in g.documents() {
        out.add_document(d.clone());
    }
    // what the graph was resolved from goes along, so that a selected graph, saved, merges
    // as the whole graph would (`actorgraph merge`)
    for (i, a) in actors.iter().enumerate() {
        if keep[i] {
            let ix = out.insert_actor((*a).clone());
            let forms = g.forms_of(&a.id);
            if !forms.is_empty() {
                out.set_forms(ix, forms.to_vec());
            }
        }
    }
    let parts: HashMap<(&str, &str, RelationKind, Mode), &[super::Part]> = g
        .edges()
        .filter(|e| !e.parts.is_empty())
        .map(|e| {
            let key = (
                e.source.id.as_str(),
                e.target.id.as_str(),
                e.relation.relation,
                e.relation.mode,
            );
            (key, e.parts)
        })
        .collect();
    for &(s, t, r) in &edges {
        if keep[s] && keep[t] {
            let (sid, tid) = (actors[s].id.as_str(), actors[t].id.as_str());
            if let Some(ix) = out.insert_relation(sid, tid, r.clone()) {
                if let Some(p) = parts.get(&(sid, tid, r.relation, r.mode)) {
                    out.set_parts(ix, p.to_vec());
                }
            }
        }
    }
    for p in g.folded() {
        out.push_folded(p.clone());
    }
    Ok((out, notes))
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Actor, DocumentInfo, Evidence, Relation};

    /// The notes in words.
    fn said((g, notes): (ActorGraph, Vec<SelectionNote>)) -> (ActorGraph, Vec<String>) {
        (g, notes.iter().map(ToString::to_string).collect())
    }

    pub(crate) fn actor(id: &str, name: &str, kind: EntityType, aliases: &[&str]) -> Actor {
        Actor {
            ids: Default::default(),
            id: id.into(),
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            titles: vec![],
            mentions: 1,
            documents: 1,
            first_seen: None,
            last_seen: None,
        }
    }

    pub(crate) fn relation(kind: RelationKind, verb: &str, weight: usize) -> Relation {
        Relation {
            mode: Default::default(),
            relation: kind,
            verb: verb.into(),
            date: None,
            confidence: 0.8,
            role: None,
            status: None,
            evidence: (0..weight.max(1))
                .map(|i| Evidence {
                    date: None,
                    reported_by: None,
                    doc: "d1".into(),
                    sentence: Evidence::offset(i),
                    start: 0,
                    end: 1,
                    text: "x".into(),
                })
                .collect(),
            first_seen: None,
            last_seen: None,
        }
    }

    /// a → b → c → d, e → a, f alone; b is a Country, the rest people.
    /// a–b CONSULT ×3, b–c ACCUSE ×1, c–d CONSULT ×1, e–a SUPPORT ×2.
    fn chain() -> ActorGraph {
        let mut g = ActorGraph::new();
        g.add_document(DocumentInfo {
            id: "d1".into(),
            date: Some("2024-05-01".into()),
            title: Some("T".into()),
            url: None,
        });
        let p = EntityType::Person;
        g.insert_actor(actor("a", "Imran Khan", p, &["Khan", "IK"]));
        g.insert_actor(actor("b", "Pakistan", EntityType::Country, &[]));
        g.insert_actor(actor("c", "Carol", p, &[]));
        g.insert_actor(actor("d", "Dmitri", p, &[]));
        g.insert_actor(actor("e", "Eve", p, &[]));
        g.insert_actor(actor("f", "Frank", p, &[]));
        g.insert_relation("a", "b", relation(RelationKind::Consult, "met", 3));
        g.insert_relation("b", "c", relation(RelationKind::Accuse, "accused", 1));
        g.insert_relation("c", "d", relation(RelationKind::Consult, "met", 1));
        g.insert_relation("e", "a", relation(RelationKind::Support, "backed", 2));
        g
    }

    fn ids(g: &ActorGraph) -> Vec<&str> {
        g.actors().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn default_keeps_everything_and_says_nothing() {
        let g = chain();
        let sel = Selection::default();
        assert!(sel.is_all());
        let (out, notes) = said(select(&g, &sel).unwrap());
        assert_eq!(ids(&out), ids(&g));
        assert_eq!(out.edge_count(), 4);
        assert_eq!(out.documents(), g.documents());
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn focus_depth_one_keeps_exactly_the_neighbours_in_both_directions() {
        let g = chain();
        let sel = Selection {
            focus: Some("imran khan".into()),
            depth: 1,
            ..Selection::default()
        };
        let (out, notes) = said(select(&g, &sel).unwrap());
        // b (outgoing) and e (incoming), nothing else.
        assert_eq!(ids(&out), vec!["a", "b", "e"]);
        assert_eq!(out.edge_count(), 2);
        assert_eq!(out.documents().len(), 1);
        assert_eq!(
            notes,
            vec!["kept 3 of 6 actors: those within 1 step of Imran Khan"]
        );
    }

    #[test]
    fn focus_depth_two_and_zero() {
        let g = chain();
        let mut sel = Selection {
            focus: Some("Imran Khan".into()),
            depth: 2,
            ..Selection::default()
        };
        assert_eq!(ids(&select(&g, &sel).unwrap().0), vec!["a", "b", "c", "e"]);
        sel.depth = 0;
        let (out, _) = select(&g, &sel).unwrap();
        assert_eq!(ids(&out), vec!["a"]);
        assert_eq!(out.edge_count(), 0);
    }

    #[test]
    fn focus_matches_aliases_and_ids_case_insensitively() {
        let g = chain();
        for name in ["ik", "KHAN", "a", "  imran   KHAN "] {
            let sel = Selection {
                focus: Some(name.into()),
                depth: 0,
                ..Selection::default()
            };
            assert_eq!(ids(&select(&g, &sel).unwrap().0), vec!["a"], "{name}");
        }
    }

    #[test]
    fn unknown_focus_is_an_error_naming_it() {
        let sel = Selection {
            focus: Some("Nobody Here".into()),
            ..Selection::default()
        };
        let err = select(&chain(), &sel).unwrap_err();
        assert_eq!(err, SelectionError::FocusNotFound("Nobody Here".into()));
        assert_eq!(
            err.to_string(),
            "no actor has the name or alias \"Nobody Here\""
        );
    }

    #[test]
    fn ambiguous_alias_keeps_every_match_and_says_so() {
        let mut g = chain();
        g.insert_actor(actor("s", "Sadiq Khan", EntityType::Person, &["Khan"]));
        let sel = Selection {
            focus: Some("Khan".into()),
            depth: 0,
            ..Selection::default()
        };
        let (out, notes) = said(select(&g, &sel).unwrap());
        assert_eq!(ids(&out), vec!["a", "s"]);
        assert!(notes[0].contains("matches 2 actors"), "{notes:?}");
    }

    #[test]
    fn types_filter_keeps_the_focus() {
        let g = chain();
        let sel = Selection {
            types: vec![EntityType::Country],
            ..Selection::default()
        };
        let (out, notes) = said(select(&g, &sel).unwrap());
        assert_eq!(ids(&out), vec!["b"]);
        assert_eq!(notes, vec!["kept 1 of 6 actors: those of type Country"]);
        let sel = Selection {
            focus: Some("Carol".into()),
            types: vec![EntityType::Country],
            ..Selection::default()
        };
        assert_eq!(ids(&select(&g, &sel).unwrap().0), vec!["b", "c"]);
    }

    #[test]
    fn relation_and_weight_filters_drop_orphans() {
        let g = chain();
        let sel = Selection {
            relations: vec![RelationKind::Consult],
            ..Selection::default()
        };
        let (out, notes) = said(select(&g, &sel).unwrap());
        assert_eq!(ids(&out), vec!["a", "b", "c", "d"]);
        assert_eq!(out.edge_count(), 2);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].starts_with("kept 2 of 4 relations"));
        assert!(notes[1].contains("2 actors with no relation"));

        let sel = Selection {
            min_weight: 2,
            ..Selection::default()
        };
        let (out, notes) = said(select(&g, &sel).unwrap());
        assert_eq!(ids(&out), vec!["a", "b", "e"]);
        assert!(notes[0].contains("at least 2 sentences"), "{notes:?}");
    }

    #[test]
    fn max_nodes_keeps_the_most_connected_ties_by_input_order() {
        let g = chain();
        // Degrees: a 2, b 2, c 2, d 1, e 1, f 0.
        let sel = Selection {
            max_nodes: Some(2),
            ..Selection::default()
        };
        let (out, notes) = said(select(&g, &sel).unwrap());
        assert_eq!(ids(&out), vec!["a", "b"]);
        assert_eq!(out.edge_count(), 1);
        assert_eq!(notes, vec!["kept 2 of 6 actors: the most connected"]);
        let sel = Selection {
            max_nodes: Some(4),
            ..Selection::default()
        };
        assert_eq!(ids(&select(&g, &sel).unwrap().0), vec!["a", "b", "c", "d"]);
        let sel = Selection {
            max_nodes: Some(0),
            ..Selection::default()
        };
        assert!(select(&g, &sel).is_err());
    }

    #[test]
    fn max_nodes_with_focus_prefers_the_closest() {
        let g = chain();
        let sel = Selection {
            focus: Some("Dmitri".into()),
            depth: 3,
            max_nodes: Some(2),
            ..Selection::default()
        };
        let (out, _) = select(&g, &sel).unwrap();
        assert_eq!(ids(&out), vec!["c", "d"]);
    }

    #[test]
    fn selection_is_deterministic() {
        let g = chain();
        let sel = Selection {
            max_nodes: Some(3),
            relations: vec![RelationKind::Consult, RelationKind::Support],
            ..Selection::default()
        };
        let a = select(&g, &sel).unwrap();
        let b = select(&g, &sel).unwrap();
        assert_eq!(ids(&a.0), ids(&b.0));
        assert_eq!(a.1, b.1);
    }

    #[test]
    fn modes_filter_edges_but_keep_their_actors() {
        let mut g = chain();
        let mut negated = relation(RelationKind::Consult, "did not meet", 1);
        negated.mode = Mode::Negated;
        g.insert_relation("a", "f", negated);
        assert_eq!(g.edge_count(), 5);
        let sel = Selection {
            modes: vec![Mode::Asserted, Mode::Intended],
            ..Selection::default()
        };
        assert!(!sel.is_all() && !sel.is_all_for(&g) && sel.is_all_for(&chain()));
        let (out, notes) = said(select(&g, &sel).unwrap());
        assert_eq!(out.edge_count(), 4);
        assert_eq!(out.node_count(), 6, "f stays: it is still mentioned");
        assert_eq!(
            notes,
            vec!["kept 4 of 5 relations: those reported as asserted, intended"]
        );
        let all = Selection {
            modes: Mode::ALL.to_vec(),
            ..Selection::default()
        };
        assert!(all.is_all());
        assert_eq!(select(&g, &all).unwrap().0.edge_count(), 5);
    }
}
