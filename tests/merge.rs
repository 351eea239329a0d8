//! `actorgraph merge` and the library's [`merge`]: graphs built apart and merged equal
//! the graph built whole, byte for byte, through their saved JSON, whatever the grouping
//! and order of the merge (property tests on random corpora of small extractions).

use actorgraph::export::json;
use actorgraph::graph::{merge, ActorGraph, Unresolved};
use actorgraph::model::{
    DocEntity, DocExtraction, DocumentInfo, EntityType, Evidence, RelationKind, Triple,
};
use proptest::prelude::*;

const P: EntityType = EntityType::Person;

fn ent(name: &str, kind: EntityType, aliases: &[&str]) -> DocEntity {
    DocEntity {
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        titles: vec![],
        mentions: 1,
    }
}

fn doc(id: &str, date: &str, entities: Vec<DocEntity>, triples: Vec<Triple>) -> DocExtraction {
    DocExtraction {
        info: DocumentInfo {
            id: id.into(),
            date: Some(date.into()),
            title: None,
            url: None,
        },
        entities,
        triples,
        sentences: 1,
        truncated_sentences: 0,
        parsing: Default::default(),
    }
}

fn met(doc: &str, s: usize, o: usize, date: &str) -> Triple {
    Triple {
        mode: Default::default(),
        reported_by: None,
        subject: s,
        object: o,
        relation: RelationKind::Consult,
        verb: "met".into(),
        date: Some(date.into()),
        confidence: 0.8,
        role: None,
        status: None,
        evidence: Evidence {
            date: None,
            reported_by: None,
            doc: doc.into(),
            sentence: 0,
            start: 0,
            end: 10,
            text: "X met Y.".into(),
        },
    }
}

fn build(docs: Vec<DocExtraction>) -> ActorGraph {
    let mut u = Unresolved::new();
    for d in docs {
        u.add_extraction(d, &|_, _| Vec::new());
    }
    u.resolve()
}

/// A small random corpus: articles that name people by full names, by bare
/// surnames and first names, a party by its name and acronym, and link them.
const NAMES: &[&str] = &[
    "Donald Trump",
    "donald trump",
    "Ivanka Trump",
    "Trump",
    "Donald",
    "Imran Khan",
    "Khan",
    "Sadiq Khan",
    "Recep Tayyip Erdoğan",
    "Erdogan",
    "Ann Lee",
    "Lee",
];

prop_compose! {
    fn article(i: usize)(
        people in proptest::sample::subsequence(NAMES, 1..6),
        party in 0..3usize,
        day in 1..28u32,
        links in proptest::collection::vec((0..6usize, 0..6usize, 0..3usize), 0..4),
    ) -> DocExtraction {
        let mut entities: Vec<DocEntity> = people.iter().map(|n| {
            let last = n.rsplit(' ').next().unwrap_or(n);
            let aliases: Vec<&str> = if n.contains(' ') { vec![last] } else { vec![] };
            ent(n, P, &aliases)
        }).collect();
        match party {
            0 => entities.push(ent("Green Future Party", EntityType::PoliticalParty, &["GFP"])),
            1 => entities.push(ent("GFP", EntityType::PoliticalParty, &[])),
            _ => {}
        }
        let date = format!("2024-01-{day:02}");
        let n = entities.len();
        let triples = links.iter().enumerate().filter(|(_, (s, o, _))| s % n != o % n).map(|(k, &(s, o, r))| {
            let mut t = met(&format!("d{i}"), s % n, o % n, &date);
            t.relation = [RelationKind::Consult, RelationKind::Accuse, RelationKind::Support][r];
            t.evidence.sentence = Evidence::offset(k);
            t.reported_by = (k % 2 == 1).then_some(0);
            t.confidence = [0.5, 0.7, 0.9][(s + o) % 3];
            t.verb = ["met", "said", "saw"][(s * o) % 3].into();
            t
        }).collect();
        let mut d = doc(&format!("d{i}"), &date, entities, triples);
        d.info.title = Some(format!("Article {i}").into());
        d
    }
}

fn corpus() -> impl Strategy<Value = Vec<DocExtraction>> {
    (1..12usize).prop_flat_map(|n| (0..n).map(article).collect::<Vec<_>>())
}

fn json_of(g: &ActorGraph) -> String {
    let bytes = json::write(g, Vec::new()).expect("write");
    String::from_utf8(bytes).expect("utf-8")
}

/// A graph through its saved JSON, as `actorgraph merge` reads it.
fn saved(g: &ActorGraph) -> ActorGraph {
    json::read(json_of(g).as_bytes()).expect("read back")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Shards of a corpus, built apart, saved, read back and merged in any
    /// grouping and order, are the corpus built whole, byte for byte.
    #[test]
    fn shards_merged_are_the_whole(docs in corpus(), cuts in proptest::collection::vec(0..12usize, 2), order in 0..6usize) {
        let whole = json_of(&build(docs.clone()));
        let (mut c1, mut c2) = (cuts[0] % (docs.len() + 1), cuts[1] % (docs.len() + 1));
        if c1 > c2 { std::mem::swap(&mut c1, &mut c2); }
        let a = saved(&build(docs[..c1].to_vec()));
        let b = saved(&build(docs[c1..c2].to_vec()));
        let c = saved(&build(docs[c2..].to_vec()));
        let ab_c = merge([&saved(&merge([&a, &b])), &c]);
        let a_bc = merge([&a, &saved(&merge([&b, &c]))]);
        prop_assert_eq!(json_of(&ab_c), json_of(&a_bc));
        let perms: [[&ActorGraph; 3]; 6] = [[&a, &b, &c], [&a, &c, &b], [&b, &a, &c], [&b, &c, &a], [&c, &a, &b], [&c, &b, &a]];
        let any = merge(perms[order]);
        prop_assert_eq!(json_of(&any), whole.clone());
        prop_assert_eq!(json_of(&merge([&a, &b])), json_of(&merge([&b, &a])));
        prop_assert_eq!(json_of(&ab_c), whole);
    }

    /// Reading a saved graph back and writing it again changes nothing, and
    /// resolving what it was resolved from gives it again.
    #[test]
    fn a_saved_graph_is_its_own_source(docs in corpus()) {
        let g = build(docs);
        let back = saved(&g);
        prop_assert_eq!(json_of(&back), json_of(&g));
        prop_assert_eq!(json_of(&Unresolved::from_graph(&back).resolve()), json_of(&g));
    }
}

/// Two articles that name one man by his full name in one and his surname in the other.
const FIRST: &str = " date 2024-03-05 \n\nFrench President Emmanuel Macron met with German Chancellor Olaf Scholz in Berlin on Monday.\n";
const SECOND: &str =
    " date 2024-03-09 \n\nMacron criticized Russia on Saturday. Scholz praised Poland.\n";

mod cli {
    use super::*;
    use crate::util::*;

    fn build(dir: &Dir, inputs: &[&std::path::Path], out: &str) -> Vec<u8> {
        let mut cmd = bin();
        cmd.arg("build");
        cmd.args(inputs);
        cmd.args(["-f", "json", "-q", "-o"]).arg(dir.path(out));
        assert_exit!(run(&mut cmd), 0);
        std::fs::read(dir.path(out)).expect("the graph")
    }

    #[test]
    fn merging_two_builds_is_building_both_at_once() {
        let dir = Dir::new();
        let a = dir.write("a.txt", FIRST);
        let b = dir.write("b.txt", SECOND);
        let whole = build(&dir, &[&a, &b], "whole.json");
        build(&dir, &[&a], "a.json");
        build(&dir, &[&b], "b.json");
        for (x, y) in [("a.json", "b.json"), ("b.json", "a.json")] {
            let out = run(bin()
                .args(["merge", "-f", "json", "-q", "-o"])
                .arg(dir.path("merged.json"))
                .arg(dir.path(x))
                .arg(dir.path(y)));
            assert_exit!(out, 0);
            let merged = std::fs::read(dir.path("merged.json")).expect("merged");
            assert!(
                merged == whole,
                "merge {x} {y} differs from the whole build"
            );
        }
        // the surname of the second article is the full name of the first
        let g = dir.read_json("merged.json");
        let macron: Vec<&serde_json::Value> = g["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["name"].as_str().unwrap_or("").contains("Macron"))
            .collect();
        assert_eq!(macron.len(), 1, "{macron:?}");
        assert_eq!(macron[0]["id"], "emmanuel-macron-person");
        assert_eq!(macron[0]["documents"], 2);
        // every format of build is written
        let out = run(bin()
            .args(["merge", "-q", "-f", "graphml,tsv", "--name", "corpus", "-o"])
            .arg(dir.path("out"))
            .arg(dir.path("a.json"))
            .arg(dir.path("b.json")));
        assert_exit!(out, 0);
        assert!(dir.path("out/corpus.graphml").is_file());
    }

    #[test]
    fn a_bad_input_is_named_and_nothing_is_written() {
        let dir = Dir::new();
        let a = dir.write("a.txt", FIRST);
        build(&dir, &[&a], "a.json");
        let bad = dir.write("bad.json", "{\"nodes\": [");
        let out = run(bin()
            .args(["merge", "-f", "json", "-o"])
            .arg(dir.path("m.json"))
            .arg(dir.path("a.json"))
            .arg(&bad));
        assert_exit!(out, 1);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("bad.json"), "{err}");
        assert!(!dir.path("m.json").exists());
        let out = run(bin().args(["merge", "-f", "json", "-o", "-", "missing.json"]));
        assert_exit!(out, 1);
        assert!(String::from_utf8_lossy(&out.stderr).contains("missing.json"));
    }
}
