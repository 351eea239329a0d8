//! `actorgraph stats GRAPH.json`: the numbers of [`crate::graph::stats`] as tables on the
//! terminal, or as JSON (`--json`) on stdout.

use crate::cli::args::StatsArgs;
use crate::cli::exit;
use crate::graph::stats;
use crate::graph::ActorGraph;
use anyhow::{Context, Result};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Write;

/// Everything `stats` says, as one JSON value (the tables are made from it).
fn numbers(g: &ActorGraph, top: usize) -> Value {
    let actors: Vec<_> = g.actors().collect();
    let take = |n: usize| if top == 0 { n } else { top.min(n) };
    let (types, rels, modes) = stats::counts(g);
    let degree = stats::degrees(g);
    let pagerank = stats::pagerank(g);
    let betweenness = stats::betweenness(g);
    let ranked = |values: &[f64]| -> Vec<Value> {
        stats::ranking(values)
            .into_iter()
            .take(take(values.len()))
            .map(|i| json!({"id": actors[i].id, "name": actors[i].name, "type": actors[i].kind.as_str(), "value": values[i]}))
            .collect()
    };
    let degree_f: Vec<f64> = degree.iter().map(|&d| d as f64).collect();
    let components = stats::components(g);
    let communities: Vec<Value> = components
        .iter()
        .take(take(components.len()))
        .map(|c| {
            let mut members = c.clone();
            members.sort_by_key(|&i| (std::cmp::Reverse(degree[i]), i));
            json!({
                "size": c.len(),
                "relations": g.relations().filter(|(s, _, _)| c.iter().any(|&i| actors[i].id == s.id)).count(),
                "most_connected": members.iter().take(5).map(|&i| actors[i].name.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut pairs: BTreeMap<&str, Vec<(&str, &str, usize, &str)>> = BTreeMap::new();
    for (s, t, r) in g.relations() {
        pairs.entry(r.relation.as_str()).or_default().push((
            &s.name,
            &t.name,
            r.weight(),
            r.mode.as_str(),
        ));
    }
    let top_pairs: BTreeMap<&str, Vec<Value>> = pairs
        .into_iter()
        .map(|(k, mut v)| {
            // stable: ties stay in graph order
            v.sort_by_key(|p| std::cmp::Reverse(p.2));
            let n = take(v.len());
            (
                k,
                v.into_iter()
                    .take(n)
                    .map(
                        |(s, t, w, m)| json!({"source": s, "target": t, "sentences": w, "mode": m}),
                    )
                    .collect(),
            )
        })
        .collect();
    json!({
        "actors": g.node_count(),
        "relations": g.edge_count(),
        "documents": g.documents().len(),
        "by_type": types.iter().map(|(k, v)| (k.as_str(), *v)).collect::<BTreeMap<_, _>>(),
        "by_relation": rels.iter().map(|(k, v)| (k.as_str(), *v)).collect::<BTreeMap<_, _>>(),
        "by_mode": modes.iter().map(|(k, v)| (k.as_str(), *v)).collect::<BTreeMap<_, _>>(),
        "degree": ranked(&degree_f),
        "pagerank": ranked(&pagerank),
        "betweenness": ranked(&betweenness),
        "communities": communities,
        "top_pairs": top_pairs,
        "definitions": {
            "degree": "relations in and out, parallel relations each counted",
            "pagerank": format!("networkx.pagerank(G, alpha={}, weight='weight', tol={:e}) on the node-link JSON: directed, edges weighted by supporting sentences, parallel edges summed, dangling rank spread uniformly", stats::DAMPING, stats::TOLERANCE),
            "betweenness": "networkx.betweenness_centrality(G): directed, unweighted, parallel edges once, normalised by (n-1)(n-2)",
            "communities": "weakly connected components, largest first",
        },
    })
}

/// The tables for a terminal.
fn tables(v: &Value) -> String {
    let mut out = String::new();
    let line = |out: &mut String, s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(
        &mut out,
        format!(
            "{} actors, {} relations, {} documents",
            v["actors"], v["relations"], v["documents"]
        ),
    );
    for (title, key) in [
        ("actors by type", "by_type"),
        ("relations by kind", "by_relation"),
        ("relations by mode", "by_mode"),
    ] {
        line(&mut out, format!("\n{title}"));
        if let Some(m) = v[key].as_object() {
            let mut rows: Vec<_> = m.iter().collect();
            rows.sort_by_key(|(k, n)| (std::cmp::Reverse(n.as_u64().unwrap_or(0)), k.to_string()));
            for (k, n) in rows {
                line(&mut out, format!("  {:>7}  {k}", n.as_u64().unwrap_or(0)));
            }
        }
    }
    for (title, key, digits) in [
        ("most connected (degree)", "degree", 0),
        ("PageRank", "pagerank", 6),
        ("betweenness", "betweenness", 6),
    ] {
        line(&mut out, format!("\n{title}"));
        for (i, a) in v[key].as_array().into_iter().flatten().enumerate() {
            let x = a["value"].as_f64().unwrap_or(0.0);
            line(
                &mut out,
                format!(
                    "  {:>3}. {:>10.digits$}  {} ({})",
                    i + 1,
                    x,
                    a["name"].as_str().unwrap_or(""),
                    a["type"].as_str().unwrap_or("")
                ),
            );
        }
    }
    line(&mut out, "\ncommunities (weakly connected)".into());
    for (i, c) in v["communities"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let names: Vec<&str> = c["most_connected"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_str())
            .collect();
        line(
            &mut out,
            format!(
                "  {:>3}. {} actors, {} relations: {}",
                i + 1,
                c["size"],
                c["relations"],
                names.join(", ")
            ),
        );
    }
    line(
        &mut out,
        "\ntop pairs by relation (supporting sentences)".into(),
    );
    if let Some(m) = v["top_pairs"].as_object() {
        for (k, pairs) in m {
            line(&mut out, format!("  {k}"));
            for p in pairs.as_array().into_iter().flatten() {
                let mode = p["mode"].as_str().unwrap_or("asserted");
                let mode = if mode == "asserted" {
                    String::new()
                } else {
                    format!(" [{mode}]")
                };
                line(
                    &mut out,
                    format!(
                        "    {:>5}  {} → {}{mode}",
                        p["sentences"].as_u64().unwrap_or(0),
                        p["source"].as_str().unwrap_or(""),
                        p["target"].as_str().unwrap_or("")
                    ),
                );
            }
        }
    }
    out
}

pub fn run(a: StatsArgs) -> Result<u8> {
    let selection = super::selection(&a.selection)?;
    let graph = super::read_graph(&a.graph)?;
    let graph = if selection.is_all_for(&graph) {
        graph
    } else {
        super::select(&graph, &selection)?
    };
    let v = numbers(&graph, a.top);
    let text = if a.json {
        let mut s = serde_json::to_string_pretty(&v)?;
        s.push('\n');
        s
    } else {
        tables(&v)
    };
    let mut lock = std::io::stdout().lock();
    lock.write_all(text.as_bytes())
        .context("writing to stdout")?;
    lock.flush().context("writing to stdout")?;
    Ok(exit::OK)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::select::tests::{actor, relation};
    use crate::model::{EntityType, RelationKind};

    #[test]
    fn tables_and_json_say_the_same() {
        let mut g = ActorGraph::new();
        for (id, kind) in [
            ("a", EntityType::Person),
            ("b", EntityType::Country),
            ("c", EntityType::Person),
        ] {
            g.insert_actor(actor(id, &id.to_uppercase(), kind, &[]));
        }
        g.insert_relation("a", "b", relation(RelationKind::Consult, "met", 3));
        g.insert_relation("c", "b", relation(RelationKind::Consult, "met", 1));
        let v = numbers(&g, 2);
        assert_eq!(v["by_type"]["Person"], 2);
        assert_eq!(v["degree"][0]["name"], "B");
        assert_eq!(v["degree"].as_array().unwrap().len(), 2);
        assert_eq!(v["top_pairs"]["CONSULT"][0]["sentences"], 3);
        let t = tables(&v);
        assert!(t.starts_with("3 actors, 2 relations"));
        assert!(t.contains("\n        3  A → B\n"), "{t}");
        assert!(t.contains("\n        2  Person\n"), "{t}");
        assert!(t.contains("1. 3 actors, 2 relations: B, A, C"), "{t}");
    }
}
