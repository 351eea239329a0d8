//! Every format carries the same graph: the seed's exports, every graph format of the
//! format table, are read back with a real parser each (serde_json, quick-xml, csv,
//! graphviz-rust) and compared on node ids, node names and (source, relation, target)
//! triples. Cypher is read for its MERGE rows.

use crate::util::*;
use actorgraph::format::Format;
use std::collections::BTreeSet;
use std::path::Path;

type Triples = BTreeSet<(String, String, String)>;
/// An XML element: name, attributes, text.
type Element = (String, Vec<(String, String)>, String);

/// Every graph format of the seed (images are checked in `src/render`'s tests).
fn build_all() -> Dir {
    let d = Dir::new();
    let graph_formats: Vec<Format> = Format::ALL
        .iter()
        .copied()
        .filter(|f| !f.is_image())
        .collect();
    let out = run(bin()
        .args(["build", "data/seed.txt", "-f"])
        .arg(Format::names(&graph_formats, ","))
        .arg("-o")
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

/// What a format's files say about the graph, read back with a real parser: node ids,
/// node names and (source, relation, target) triples, each where the format holds it.
#[derive(Default)]
struct Carried {
    nodes: Option<BTreeSet<String>>,
    names: Option<BTreeSet<String>>,
    triples: Option<Triples>,
    /// (source name, relation, target name), for formats that write names, not ids.
    named_triples: Option<Triples>,
}

/// Reads a format's files back. Every format of the table must be here: a new format
/// fails `every_format_carries_the_same_nodes_and_edges` until it has its reader.
fn read_back(format: Format, out: &Path) -> Option<Carried> {
    let file = |f: &str| std::fs::read_to_string(out.join(f)).unwrap();
    Some(match format {
        Format::Json => read_json_graph(&read_json(&out.join("seed.json"))),
        Format::GraphMl => read_graphml(&file("seed.graphml")),
        Format::Gexf => read_gexf(&file("seed.gexf")),
        Format::Neo4j => read_neo4j(out),
        Format::Cypher => read_cypher(&file("seed.cypher")),
        Format::Tsv => read_tsv(&file("seed.tsv")),
        Format::Dot => read_dot(&file("seed.dot")),
        Format::JsonLd => read_jsonld(&file("seed.jsonld")),
        Format::NTriples => read_rdf(&file("seed.nt"), false),
        Format::Turtle => read_rdf(&file("seed.ttl"), true),
        Format::Html => read_html(&file("seed.html")),
        // images: drawn and decoded in src/render's tests, validated in .ci/run
        Format::Svg | Format::Png => return None,
        other => panic!("format {other} has no read-back test in tests/export.rs"),
    })
}

fn read_json_graph(g: &serde_json::Value) -> Carried {
    let nodes = g["nodes"].as_array().unwrap();
    let name_of: std::collections::HashMap<&str, &str> = nodes
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n["name"].as_str().unwrap()))
        .collect();
    let links = g["links"].as_array().unwrap();
    let triple = |l: &serde_json::Value, by_name: bool| {
        let end = |k: &str| {
            let id = l[k].as_str().unwrap();
            if by_name { name_of[id] } else { id }.to_string()
        };
        (
            end("source"),
            l["relation"].as_str().unwrap().to_string(),
            end("target"),
        )
    };
    let triples: Triples = links.iter().map(|l| triple(l, false)).collect();
    assert_eq!(
        triples.len(),
        links.len(),
        "one edge per (source, relation, target)"
    );
    Carried {
        nodes: Some(name_of.keys().map(|k| k.to_string()).collect()),
        names: Some(name_of.values().map(|k| k.to_string()).collect()),
        triples: Some(triples),
        named_triples: Some(links.iter().map(|l| triple(l, true)).collect()),
    }
}

/// The HTML report: the JSON of its `report-data` block, whose edges point at nodes by
/// their position in `nodes`.
fn read_html(text: &str) -> Carried {
    let open = r#"<script type="application/json" id="report-data">"#;
    let start = text.find(open).expect("a report-data block") + open.len();
    let len = text[start..].find("</script>").expect("the block's end");
    let data: serde_json::Value = serde_json::from_str(&text[start..start + len]).unwrap();
    let nodes = data["nodes"].as_array().unwrap();
    let field = |i: &serde_json::Value, key: &str| -> String {
        nodes[i.as_u64().unwrap() as usize][key]
            .as_str()
            .unwrap()
            .to_string()
    };
    let edges = data["edges"].as_array().unwrap();
    let triples = |key: &str| -> Triples {
        edges
            .iter()
            .map(|e| {
                (
                    field(&e["source"], key),
                    e["relation"].as_str().unwrap().to_string(),
                    field(&e["target"], key),
                )
            })
            .collect()
    };
    let all = |key: &str| -> BTreeSet<String> {
        nodes
            .iter()
            .map(|n| n[key].as_str().unwrap().to_string())
            .collect()
    };
    Carried {
        nodes: Some(all("id")),
        names: Some(all("name")),
        triples: Some(triples("id")),
        named_triples: Some(triples("name")),
    }
}

/// GraphML: nodes with a `name` data, edges whose first data is the relation.
fn read_graphml(text: &str) -> Carried {
    let els = xml_elements(text);
    let name_key = els
        .iter()
        .find(|(n, a, _)| n == "key" && attr(a, "for") == "node" && attr(a, "attr.name") == "name")
        .map(|(_, a, _)| attr(a, "id").to_string())
        .expect("a node name key");
    let mut triples = Triples::new();
    for (i, (n, a, _)) in els.iter().enumerate() {
        if n == "edge" {
            let first_data = &els[i + 1];
            assert_eq!(first_data.0, "data");
            assert_eq!(
                attr(&first_data.1, "key"),
                "label",
                "APOC reads the relationship type from the first data"
            );
            triples.insert((
                attr(a, "source").to_string(),
                first_data.2.clone(),
                attr(a, "target").to_string(),
            ));
        }
    }
    Carried {
        nodes: Some(
            els.iter()
                .filter(|(n, _, _)| n == "node")
                .map(|(_, a, _)| attr(a, "id").to_string())
                .collect(),
        ),
        names: Some(
            els.iter()
                .filter(|(n, a, _)| n == "data" && attr(a, "key") == name_key)
                .map(|(_, _, t)| t.clone())
                .collect(),
        ),
        triples: Some(triples),
        named_triples: None,
    }
}

/// GEXF: node ids and labels, edges with their relation as kind.
fn read_gexf(text: &str) -> Carried {
    let els = xml_elements(text);
    let nodes = || els.iter().filter(|(n, _, _)| n == "node");
    Carried {
        nodes: Some(nodes().map(|(_, a, _)| attr(a, "id").to_string()).collect()),
        names: Some(
            nodes()
                .map(|(_, a, _)| attr(a, "label").to_string())
                .collect(),
        ),
        triples: Some(
            els.iter()
                .filter(|(n, _, _)| n == "edge")
                .map(|(_, a, _)| {
                    (
                        attr(a, "source").to_string(),
                        attr(a, "kind").to_string(),
                        attr(a, "target").to_string(),
                    )
                })
                .collect(),
        ),
        named_triples: None,
    }
}

/// The neo4j-admin CSV pair.
fn read_neo4j(out: &Path) -> Carried {
    let files = Format::Neo4j.files("seed");
    let mut rdr = csv::Reader::from_path(out.join(&files[0])).unwrap();
    let header = rdr.headers().unwrap().clone();
    let (id_col, name_col) = (
        header.iter().position(|h| h == "id:ID").unwrap(),
        header.iter().position(|h| h == "name").unwrap(),
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let mut rdr = csv::Reader::from_path(out.join(&files[1])).unwrap();
    Carried {
        nodes: Some(rows.iter().map(|r| r[id_col].to_string()).collect()),
        names: Some(rows.iter().map(|r| r[name_col].to_string()).collect()),
        triples: Some(
            rdr.records()
                .map(|r| r.unwrap())
                .map(|r| (r[0].to_string(), r[2].to_string(), r[1].to_string()))
                .collect(),
        ),
        named_triples: None,
    }
}

/// Cypher: one MERGE row per node ({id: ...}) and per edge ({s: ..., o: ...} under its type).
fn read_cypher(text: &str) -> Carried {
    let mut nodes = BTreeSet::new();
    let mut triples = Triples::new();
    let mut pending: Vec<(String, String)> = Vec::new();
    let quoted = |line: &str, key: &str| -> String {
        let start = line
            .find(&format!("{key}: '"))
            .map(|i| i + key.len() + 3)
            .unwrap();
        let end = line[start..].find('\'').unwrap();
        line[start..start + end].to_string()
    };
    for line in text.lines() {
        if line.starts_with("  {id: '") {
            nodes.insert(quoted(line, "id"));
        } else if line.starts_with("  {s: '") {
            pending.push((quoted(line, "s"), quoted(line, "o")));
        } else if let Some(rest) = line.strip_prefix("MERGE (a)-[r:") {
            let rel = rest.split([']', ' ']).next().unwrap().to_string();
            for (s, o) in pending.drain(..) {
                triples.insert((s, rel.clone(), o));
            }
        }
    }
    Carried {
        nodes: Some(nodes),
        triples: Some(triples),
        ..Carried::default()
    }
}

/// TSV: a header, then one line per edge: subject, relation and object names first.
fn read_tsv(text: &str) -> Carried {
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let named: Triples = rows
        .iter()
        .map(|r| (r[0].to_string(), r[1].to_string(), r[2].to_string()))
        .collect();
    assert!(
        named.len() <= rows.len(),
        "tsv: one line per piece of evidence"
    );
    Carried {
        named_triples: Some(named),
        ..Carried::default()
    }
}

/// DOT, parsed with graphviz-rust: quoted node ids with a label, edges with a relation.
fn read_dot(text: &str) -> Carried {
    use graphviz_rust::dot_structures::{Attribute, Edge, EdgeTy, Graph, Id, Node, Stmt, Vertex};
    let unquote = |id: &Id| match id {
        Id::Escaped(s) => s.trim_matches('"').replace("\\\"", "\""),
        other => format!("{other:?}"),
    };
    let attr_of = |attrs: &[Attribute], key: &str| {
        attrs
            .iter()
            .find(|Attribute(k, _)| unquote(k) == key || matches!(k, Id::Plain(p) if p == key))
            .map(|Attribute(_, v)| unquote(v))
            .unwrap_or_default()
    };
    let Graph::DiGraph { stmts, .. } = graphviz_rust::parse(text).unwrap() else {
        panic!("a digraph")
    };
    let mut c = Carried {
        nodes: Some(BTreeSet::new()),
        names: Some(BTreeSet::new()),
        triples: Some(Triples::new()),
        named_triples: None,
    };
    let vertex = |v: &Vertex| match v {
        Vertex::N(n) => unquote(&n.0),
        Vertex::S(_) => panic!("no subgraphs"),
    };
    for st in &stmts {
        match st {
            Stmt::Node(Node { id, attributes }) => {
                c.nodes.as_mut().unwrap().insert(unquote(&id.0));
                c.names
                    .as_mut()
                    .unwrap()
                    .insert(attr_of(attributes, "label"));
            }
            Stmt::Edge(Edge {
                ty: EdgeTy::Pair(a, b),
                attributes,
            }) => {
                c.triples.as_mut().unwrap().insert((
                    vertex(a),
                    attr_of(attributes, "relation"),
                    vertex(b),
                ));
            }
            _ => {}
        }
    }
    c
}

/// JSON-LD: actors (`ag:actor/ID`, with a name) and statements (subject, predicate,
/// object), the predicate named by its context term (`kg:consult` is `CONSULT`).
fn read_jsonld(text: &str) -> Carried {
    let doc: serde_json::Value = serde_json::from_str(text).unwrap();
    let ctx = doc["@context"].as_object().unwrap();
    let relation = |p: &str| -> String {
        ctx.iter()
            .find(|(_, v)| v["@id"] == p)
            .map(|(k, _)| k.clone())
            .unwrap()
    };
    let graph = doc["@graph"].as_array().unwrap();
    let actor = |v: &serde_json::Value| {
        v.as_str()
            .and_then(|s| s.strip_prefix("ag:actor/"))
            .map(str::to_string)
    };
    let actors: Vec<&serde_json::Value> =
        graph.iter().filter(|x| actor(&x["id"]).is_some()).collect();
    Carried {
        nodes: Some(actors.iter().filter_map(|a| actor(&a["id"])).collect()),
        names: Some(
            actors
                .iter()
                .map(|a| a["name"].as_str().unwrap().to_string())
                .collect(),
        ),
        triples: Some(
            graph
                .iter()
                .filter(|x| x["type"] == "Statement")
                .map(|x| {
                    (
                        actor(&x["subject"]).unwrap(),
                        relation(x["predicate"].as_str().unwrap()),
                        actor(&x["object"]).unwrap(),
                    )
                })
                .collect(),
        ),
        named_triples: None,
    }
}

/// N-Triples or Turtle, parsed with oxttl: actors (`…/actor/ID` with `schema:name`) and
/// statements (`rdf:subject`, `rdf:predicate`, `rdf:object`).
fn read_rdf(text: &str, turtle: bool) -> Carried {
    let triples: Vec<oxrdf::Triple> = if turtle {
        oxttl::TurtleParser::new()
            .for_slice(text)
            .map(|t| t.unwrap())
            .collect()
    } else {
        oxttl::NTriplesParser::new()
            .for_slice(text)
            .map(|t| t.unwrap())
            .collect()
    };
    let base = actorgraph::export::jsonld::BASE;
    let actor = |iri: &str| {
        iri.strip_prefix(&format!("{base}actor/"))
            .map(str::to_string)
    };
    let subject = |t: &oxrdf::Triple| t.subject.to_string().trim_matches(['<', '>']).to_string();
    let object = |t: &oxrdf::Triple| t.object.to_string().trim_matches(['<', '>']).to_string();
    let mut names = BTreeSet::new();
    let mut nodes = BTreeSet::new();
    let mut parts: std::collections::BTreeMap<String, [String; 3]> = Default::default();
    for t in &triples {
        match t.predicate.as_str() {
            "http://schema.org/name" => {
                if let (Some(a), oxrdf::Term::Literal(l)) = (actor(&subject(t)), &t.object) {
                    nodes.insert(a);
                    names.insert(l.value().to_string());
                }
            }
            p @ ("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"
            | "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate"
            | "http://www.w3.org/1999/02/22-rdf-syntax-ns#object") => {
                let k = match p.rsplit('#').next().unwrap() {
                    "subject" => 0,
                    "predicate" => 1,
                    _ => 2,
                };
                parts.entry(subject(t)).or_default()[k] = object(t);
            }
            _ => {}
        }
    }
    let relation = |p: &str| -> String {
        actorgraph::model::RelationKind::ALL
            .iter()
            .find(|r| {
                p == format!(
                    "{}{}",
                    actorgraph::export::jsonld::VOCAB,
                    actorgraph::export::rdf::relation_local_name(**r)
                )
            })
            .map(|r| r.as_str().to_string())
            .unwrap()
    };
    Carried {
        nodes: Some(nodes),
        names: Some(names),
        triples: Some(
            parts
                .values()
                .map(|[s, p, o]| (actor(s).unwrap(), relation(p), actor(o).unwrap()))
                .collect(),
        ),
        named_triples: None,
    }
}

#[test]
fn every_format_carries_the_same_nodes_and_edges() {
    let d = build_all();
    let out = d.path("out");
    let reference = read_back(Format::Json, &out).unwrap();
    let (nodes, triples) = (
        reference.nodes.as_ref().unwrap(),
        reference.triples.as_ref().unwrap(),
    );
    assert!(
        nodes.len() >= 10 && triples.len() >= 8,
        "the seed graph is too small to compare: {nodes:?}"
    );
    let mut checked = Vec::new();
    for &format in Format::ALL {
        let Some(c) = read_back(format, &out) else {
            continue;
        };
        let what = [
            c.nodes.is_some(),
            c.names.is_some(),
            c.triples.is_some(),
            c.named_triples.is_some(),
        ];
        assert!(what.iter().any(|&x| x), "{format} reads back nothing");
        if let Some(n) = &c.nodes {
            assert_eq!(n, nodes, "{format} nodes");
        }
        if let Some(n) = &c.names {
            assert_eq!(n, reference.names.as_ref().unwrap(), "{format} names");
        }
        if let Some(t) = &c.triples {
            assert_eq!(t, triples, "{format} edges");
        }
        if let Some(t) = &c.named_triples {
            assert_eq!(
                t,
                reference.named_triples.as_ref().unwrap(),
                "{format} edges by name"
            );
        }
        checked.push(format);
    }
    assert_eq!(
        checked.len(),
        Format::ALL.iter().filter(|f| !f.is_image()).count()
    );
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
