//! The user's article, data/seed.txt: the facts a reader finds in it must be in the graph,
//! with evidence that points at the right sentence.

use crate::util::*;
use actorgraph::format::Format;

/// Builds the seed as JSON into `dir/out` with extra arguments.
fn build_seed(dir: &Dir, extra: &[&str], out: &str) -> std::process::Output {
    run(bin()
        .args(["build", "data/seed.txt", "--format", "json"])
        .args(extra)
        .arg("-o")
        .arg(dir.path(out))
        .current_dir(root()))
}

fn seed_graph() -> serde_json::Value {
    let d = Dir::new();
    let out = build_seed(&d, &[], "g.json");
    assert_exit!(out, 0);
    d.read_json("g.json")
}

#[test]
fn seed_has_the_facts_a_reader_finds() {
    let g = seed_graph();
    assert!(
        has(&g, "Donald Blome", "CONSULT", "Omar Ayub Khan"),
        "{:#?}",
        triples(&g)
    );
    assert!(
        has(&g, "Imran Khan", "DETAINED_IN", "Adiala jail"),
        "{:#?}",
        triples(&g)
    );
    assert!(
        has(&g, "Adiala jail", "LOCATED_IN", "Rawalpindi"),
        "{:#?}",
        triples(&g)
    );
    assert!(
        has(&g, "Donald Blome", "HOLDS_OFFICE", "United States"),
        "{:#?}",
        triples(&g)
    );
    assert!(
        has(&g, "Imran Khan", "ACCUSE", "United States"),
        "{:#?}",
        triples(&g)
    );
    // the counterfactual "could have worked with" is no edge
    assert!(!triples(&g)
        .iter()
        .any(|(s, r, _)| s == "Chuck Schumer" && r == "COOPERATE"));
}

#[test]
fn seed_nodes_are_named_typed_and_aliased() {
    let g = seed_graph();
    let node = |name: &str| {
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("no node {name}"))
    };
    assert_eq!(node("Imran Khan")["type"], "Person");
    assert!(node("Imran Khan")["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "Khan"));
    assert_eq!(node("United States")["type"], "Country");
    assert!(node("United States")["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "US"));
    assert_eq!(node("Pakistan Tehreek-e-Insaf")["type"], "PoliticalParty");
    assert!(node("Pakistan Tehreek-e-Insaf")["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "PTI"));
    assert_eq!(node("Adiala jail")["type"], "Facility");
    // "Khan" alone is no node of its own
    assert!(!g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["name"] == "Khan"));
}

#[test]
fn seed_evidence_points_at_its_sentence() {
    let g = seed_graph();
    let text = std::fs::read_to_string(root().join("data/seed.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    for l in g["links"].as_array().unwrap() {
        for ev in l["evidence"].as_array().unwrap() {
            let (s, e) = (
                ev["start"].as_u64().unwrap() as usize,
                ev["end"].as_u64().unwrap() as usize,
            );
            let span: String = chars[s..e].iter().collect();
            assert_eq!(span, ev["text"].as_str().unwrap());
        }
        assert_eq!(l["date"].as_str().map(|d| d.len()), Some(10));
    }
    let blome = g["links"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| {
            l["relation"] == "CONSULT"
                && l["evidence"][0]["text"]
                    .as_str()
                    .unwrap()
                    .contains("Blome met with Omar")
        })
        .expect("the meeting's sentence");
    assert_eq!(blome["verb"], "met with");
}

#[test]
fn output_dir_holds_the_current_seed_exports() {
    // every graph format of the table (images depend on the layout engine installed)
    let graph_formats: Vec<Format> = Format::ALL
        .iter()
        .copied()
        .filter(|f| !f.is_image())
        .collect();
    let d = Dir::new();
    let out = run(bin()
        .args(["build", "data/seed.txt", "--format"])
        .arg(Format::names(&graph_formats, ","))
        .arg("-o")
        .arg(d.path("out"))
        .current_dir(root()));
    assert_exit!(out, 0);
    for entry in std::fs::read_dir(d.path("out")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        let fresh = std::fs::read(entry.path()).unwrap();
        let kept = std::fs::read(root().join("output").join(&name)).unwrap_or_default();
        assert!(
            fresh == kept,
            "output/{} is stale: run scripts/regenerate-output.sh",
            name.to_string_lossy()
        );
    }
}

#[test]
fn focus_on_imran_khan_keeps_exactly_his_neighbours() {
    let full = seed_graph();
    let id_of = |g: &serde_json::Value, name: &str| {
        g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["name"] == name)
            .map(|n| n["id"].as_str().unwrap().to_string())
            .unwrap()
    };
    let khan = id_of(&full, "Imran Khan");
    // his neighbours in the whole graph, in both directions
    let mut expected: std::collections::BTreeSet<String> = full["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| {
            let (s, t) = (l["source"].as_str().unwrap(), l["target"].as_str().unwrap());
            if s == khan {
                Some(t.to_string())
            } else if t == khan {
                Some(s.to_string())
            } else {
                None
            }
        })
        .collect();
    assert!(
        expected.len() >= 3,
        "Imran Khan should have several neighbours: {expected:?}"
    );
    expected.insert(khan.clone());
    let d = Dir::new();
    let out = build_seed(&d, &["--focus", "Imran Khan", "--depth", "1"], "f.json");
    assert_exit!(out, 0);
    let g = d.read_json("f.json");
    let kept: std::collections::BTreeSet<String> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kept, expected);
    // an alias finds him too; an unknown name is an error that names it
    let out = build_seed(&d, &["--focus", "Khan"], "k.json");
    assert_exit!(out, 0);
    let out = build_seed(&d, &["--focus", "Nobody Atall"], "n.json");
    assert_exit!(out, 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Nobody Atall"));
}
