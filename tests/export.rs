//! Every format carries the same graph: the seed's exports are read back with a real
//! parser each (serde_json, quick-xml, csv) and compared on node and edge counts, node
//! names and (source, relation, target) triples. Cypher is read for its MERGE rows.

use crate::util::*;
use std::collections::BTreeSet;

type Triples = BTreeSet<(String, String, String)>;
/// An XML element: name, attributes, text.
type Element = (String, Vec<(String, String)>, String);

fn build_all() -> Dir {
    let d = Dir::new();
    let out = run(bin()
        .args([
            "build",
            "data/seed.txt",
            "-f",
            "json,graphml,gexf,neo4j,cypher,tsv",
            "-o",
        ])
        .arg(d.path("out"))
        .current_dir(root()));
    assert_exit!(out, 0);
    d
}

/// (element name, attributes, text) of every element, in document order.
fn xml_elements(text: &str) -> Vec<Element> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out: Vec<Element> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    loop {
        let ev = reader.read_event().expect("well-formed XML");
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("attribute");
                        (
                            String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                            a.unescape_value().expect("value").into_owned(),
                        )
                    })
                    .collect();
                out.push((name, attrs, String::new()));
                // an empty element has no End event: it never holds text
                if !empty {
                    open.push(out.len() - 1);
                }
            }
            Event::Text(t) => {
                if let Some(&i) = open.last() {
                    out[i].2.push_str(&t.decode().expect("text"));
                }
            }
            Event::GeneralRef(r) => {
                if let Some(&i) = open.last() {
                    let name = r.decode().expect("reference").into_owned();
                    let c = match name.as_str() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        n => n
                            .strip_prefix("#x")
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .or_else(|| n.strip_prefix('#').and_then(|d| d.parse().ok()))
                            .and_then(char::from_u32)
                            .expect("a known reference"),
                    };
                    out[i].2.push(c);
                }
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], key: &str) -> &'a str {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

#[test]
fn every_format_carries_the_same_nodes_and_edges() {
    let d = build_all();
    let out = d.path("out");
    let g = read_json(&out.join("seed.json"));
    let nodes: BTreeSet<String> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    let names: BTreeSet<String> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap().to_string())
        .collect();
    let triples: Triples = g["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["source"].as_str().unwrap().to_string(),
                l["relation"].as_str().unwrap().to_string(),
                l["target"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        nodes.len() >= 10 && triples.len() >= 8,
        "the seed graph is too small to compare: {nodes:?}"
    );
    assert_eq!(
        triples.len(),
        g["links"].as_array().unwrap().len(),
        "one edge per (source, relation, target)"
    );

    // GraphML: nodes with a `name` data, edges whose first data is the relation
    let graphml = std::fs::read_to_string(out.join("seed.graphml")).unwrap();
    let els = xml_elements(&graphml);
    let name_key = els
        .iter()
        .find(|(n, a, _)| n == "key" && attr(a, "for") == "node" && attr(a, "attr.name") == "name")
        .map(|(_, a, _)| attr(a, "id").to_string())
        .expect("a node name key");
    let gm_nodes: BTreeSet<String> = els
        .iter()
        .filter(|(n, _, _)| n == "node")
        .map(|(_, a, _)| attr(a, "id").to_string())
        .collect();
    let gm_names: BTreeSet<String> = els
        .iter()
        .filter(|(n, a, _)| n == "data" && attr(a, "key") == name_key)
        .map(|(_, _, t)| t.clone())
        .collect();
    let mut gm_triples = Triples::new();
    for (i, (n, a, _)) in els.iter().enumerate() {
        if n == "edge" {
            let first_data = &els[i + 1];
            assert_eq!(first_data.0, "data");
            assert_eq!(
                attr(&first_data.1, "key"),
                "label",
                "APOC reads the relationship type from the first data"
            );
            gm_triples.insert((
                attr(a, "source").to_string(),
                first_data.2.clone(),
                attr(a, "target").to_string(),
            ));
        }
    }
    assert_eq!(gm_nodes, nodes, "graphml nodes");
    assert_eq!(gm_names, names, "graphml names");
    assert_eq!(gm_triples, triples, "graphml edges");

    // GEXF: node ids and labels, edges with their relation as kind
    let gexf = std::fs::read_to_string(out.join("seed.gexf")).unwrap();
    let els = xml_elements(&gexf);
    let gx_nodes: BTreeSet<String> = els
        .iter()
        .filter(|(n, _, _)| n == "node")
        .map(|(_, a, _)| attr(a, "id").to_string())
        .collect();
    let gx_labels: BTreeSet<String> = els
        .iter()
        .filter(|(n, _, _)| n == "node")
        .map(|(_, a, _)| attr(a, "label").to_string())
        .collect();
    let gx_triples: Triples = els
        .iter()
        .filter(|(n, _, _)| n == "edge")
        .map(|(_, a, _)| {
            (
                attr(a, "source").to_string(),
                attr(a, "kind").to_string(),
                attr(a, "target").to_string(),
            )
        })
        .collect();
    assert_eq!(gx_nodes, nodes, "gexf nodes");
    assert_eq!(gx_labels, names, "gexf labels");
    assert_eq!(gx_triples, triples, "gexf edges");

    // neo4j-admin CSV
    let mut rdr = csv::Reader::from_path(out.join("seed.nodes.csv")).unwrap();
    let header = rdr.headers().unwrap().clone();
    let (id_col, name_col) = (
        header.iter().position(|h| h == "id:ID").unwrap(),
        header.iter().position(|h| h == "name").unwrap(),
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(
        rows.iter()
            .map(|r| r[id_col].to_string())
            .collect::<BTreeSet<_>>(),
        nodes,
        "neo4j nodes"
    );
    assert_eq!(
        rows.iter()
            .map(|r| r[name_col].to_string())
            .collect::<BTreeSet<_>>(),
        names,
        "neo4j names"
    );
    let mut rdr = csv::Reader::from_path(out.join("seed.relationships.csv")).unwrap();
    let rels: Triples = rdr
        .records()
        .map(|r| r.unwrap())
        .map(|r| (r[0].to_string(), r[2].to_string(), r[1].to_string()))
        .collect();
    assert_eq!(rels, triples, "neo4j relationships");

    // Cypher: one MERGE row per node ({id: ...}) and per edge ({s: ..., o: ...} under its type)
    let cypher = std::fs::read_to_string(out.join("seed.cypher")).unwrap();
    let mut cy_nodes = BTreeSet::new();
    let mut cy_triples = Triples::new();
    let mut pending: Vec<(String, String)> = Vec::new();
    let quoted = |line: &str, key: &str| -> String {
        let start = line
            .find(&format!("{key}: '"))
            .map(|i| i + key.len() + 3)
            .unwrap();
        let end = line[start..].find('\'').unwrap();
        line[start..start + end].to_string()
    };
    for line in cypher.lines() {
        if line.starts_with("  {id: '") {
            cy_nodes.insert(quoted(line, "id"));
        } else if line.starts_with("  {s: '") {
            pending.push((quoted(line, "s"), quoted(line, "o")));
        } else if let Some(rest) = line.strip_prefix("MERGE (a)-[r:") {
            let rel = rest.split(']').next().unwrap().to_string();
            for (s, o) in pending.drain(..) {
                cy_triples.insert((s, rel.clone(), o));
            }
        }
    }
    assert_eq!(cy_nodes, nodes, "cypher nodes");
    assert_eq!(cy_triples, triples, "cypher edges");

    // TSV: one line per edge
    let tsv = std::fs::read_to_string(out.join("seed.tsv")).unwrap();
    assert_eq!(tsv.lines().count() - 1, triples.len(), "tsv lines");
}

#[test]
fn attributes_agree_across_formats() {
    let d = build_all();
    let out = d.path("out");
    let g = read_json(&out.join("seed.json"));
    let khan = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["name"] == "Imran Khan")
        .expect("Imran Khan");
    let mut rdr = csv::Reader::from_path(out.join("seed.nodes.csv")).unwrap();
    let header = rdr.headers().unwrap().clone();
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    let row = rdr
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[col("id:ID")] == khan["id"].as_str().unwrap())
        .unwrap();
    assert_eq!(&row[col(":LABEL")], "Actor;Person");
    assert_eq!(&row[col("mentions:int")], khan["mentions"].to_string());
    let aliases: Vec<&str> = row[col("aliases:string[]")].split(';').collect();
    let json_aliases: Vec<&str> = khan["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(aliases, json_aliases);
    // the detention edge: same verb, date and weight in JSON and the CSV
    let link = g["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["relation"] == "DETAINED_IN")
        .expect("DETAINED_IN");
    let mut rdr = csv::Reader::from_path(out.join("seed.relationships.csv")).unwrap();
    let header = rdr.headers().unwrap().clone();
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    let rel = rdr
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[col(":TYPE")] == "DETAINED_IN")
        .unwrap();
    assert_eq!(&rel[col("verb")], link["verb"].as_str().unwrap());
    assert_eq!(&rel[col("date:date")], link["date"].as_str().unwrap());
    assert_eq!(&rel[col("weight:int")], link["weight"].to_string());
    let graphml = std::fs::read_to_string(out.join("seed.graphml")).unwrap();
    assert!(graphml.contains(&format!(">{}</data>", link["verb"].as_str().unwrap())));
}
