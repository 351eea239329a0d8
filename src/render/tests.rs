//! Tests of the whole picture pipeline on a small hand-built graph with hostile and
//! non-ASCII names, through both engines.

use super::*;
use crate::graph::select::tests::{actor, relation};
use crate::model::{DocumentInfo, EntityType as T, RelationKind as R};
use resvg::tiny_skia::Pixmap;
use resvg::usvg::roxmltree;
use std::time::Instant;

/// Nine actors of every type, hostile names, a cycle and two parallel edges.
pub(crate) fn sample() -> ActorGraph {
    let mut g = ActorGraph::new();
    g.add_document(DocumentInfo {
        id: "dawn-2024-05-01".into(),
        date: Some("2024-05-01".into()),
        title: Some("Khan meets envoy & \"quotes\" <b>".into()),
        url: None,
    });
    let mut khan = actor("khan", "Imran Khan", T::Person, &["Khan"]);
    khan.titles = vec!["former Prime Minister".into()];
    g.insert_actor(khan);
    g.insert_actor(actor("ab", "A & B <x>", T::Organization, &[]));
    g.insert_actor(actor("q", "\"quoted\"", T::Media, &[]));
    g.insert_actor(actor("putin", "Владимир Путин", T::Person, &[]));
    g.insert_actor(actor("jail", "Adiala jail", T::Facility, &[]));
    g.insert_actor(actor("pk", "Pakistan", T::Country, &[]));
    g.insert_actor(actor(
        "pti",
        "Pakistan Tehreek-e-Insaf",
        T::PoliticalParty,
        &[],
    ));
    g.insert_actor(actor(
        "mofa",
        "Ministry of Foreign Affairs",
        T::GovernmentBody,
        &[],
    ));
    g.insert_actor(actor("rwp", "Rawalpindi", T::Place, &[]));
    g.insert_relation("khan", "putin", relation(R::Consult, "met with", 3));
    g.insert_relation("khan", "putin", relation(R::Accuse, "accused", 1));
    g.insert_relation("khan", "jail", relation(R::DetainedIn, "held in", 2));
    g.insert_relation("jail", "rwp", relation(R::LocatedIn, "in", 1));
    g.insert_relation("khan", "pti", relation(R::Leads, "chairman of", 5));
    g.insert_relation("mofa", "pk", relation(R::PartOf, "", 1));
    g.insert_relation("q", "khan", relation(R::Accuse, "criticised <sharply>", 1));
    g.insert_relation("ab", "mofa", relation(R::Support, "backs & funds", 1));
    g.insert_relation("pk", "ab", relation(R::Sanction, "sanctioned", 1));
    // Graphviz escapes (\N is the node name) must stay literal text.
    g.insert_relation("rwp", "pk", relation(R::LocatedIn, r#"in \N "x""#, 1));
    g
}

fn hidden_graphviz() -> (tempfile::TempDir, Option<OsString>) {
    let dir = tempfile::tempdir().unwrap();
    let path = Some(dir.path().as_os_str().to_os_string());
    (dir, path)
}

fn engines() -> Vec<Engine> {
    if graphviz_available() {
        vec![Engine::Builtin, Engine::Graphviz]
    } else {
        eprintln!("note: Graphviz's dot is not on PATH; only the built-in engine is tested");
        vec![Engine::Builtin]
    }
}

fn opts(engine: Engine) -> RenderOptions {
    RenderOptions {
        engine,
        ..RenderOptions::default()
    }
}

/// Every piece of text in an SVG, parsed back as XML.
fn svg_texts(svg: &[u8]) -> Vec<String> {
    let text = std::str::from_utf8(svg).unwrap();
    let doc = roxmltree::Document::parse(text).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").to_string())
        .collect()
}

#[test]
fn svg_contains_every_node_label_and_verb_escaped() {
    let g = sample();
    for engine in engines() {
        let out = render(&g, ImageFormat::Svg, &opts(engine)).unwrap();
        assert!(out.notes.is_empty(), "{engine}: {:?}", out.notes);
        let texts = svg_texts(&out.bytes);
        for a in g.actors() {
            for line in style::wrap(&a.name, 22, 3) {
                assert!(
                    texts.contains(&line),
                    "{engine}: label line {line:?} of {:?} missing from {texts:?}",
                    a.name
                );
            }
        }
        assert!(texts.contains(&"former Prime Minister".to_string()));
        for verb in [
            "met with",
            "criticised <sharply>",
            "backs & funds",
            "part of",
            r#"in \N "x""#,
        ] {
            assert!(texts.contains(&verb.to_string()), "{engine}: {verb}");
        }
        assert!(texts.contains(&"Khan meets envoy & \"quotes\" <b>".to_string()));
        assert!(texts
            .iter()
            .any(|t| t.starts_with("2024-05-01 · 9 actors, 10 relations")));
        // The legend names every type and family present.
        for word in [
            "person",
            "political party",
            "conflict",
            "cooperation",
            "location",
        ] {
            assert!(texts.iter().any(|t| t == word), "{engine}: legend {word}");
        }
        let raw = String::from_utf8(out.bytes.clone()).unwrap();
        assert!(raw.contains("A &amp; B &lt;x&gt;"));
        assert!(raw.contains("&quot;quoted&quot;"));
    }
}

/// Looks for ink (dark pixels) inside each node label's box in the PNG.
fn assert_labels_are_drawn(engine: Engine, g: &ActorGraph) {
    let scene = scene::Scene::new(g, "caption".into(), String::new());
    let placed = match engine {
        Engine::Graphviz => {
            graphviz::layout(&scene, std::env::var_os("PATH").as_deref())
                .unwrap()
                .0
        }
        _ => builtin_layout(&scene).unwrap().0,
    };
    let picture = svg::draw(&scene, &placed);
    let (png, w, h) = png::to_png(&picture.text).unwrap();
    let img = Pixmap::decode_png(&png).unwrap();
    assert_eq!((img.width(), img.height()), (w, h));
    assert_eq!((w, h), png::pixel_size(picture.width, picture.height));
    let s = png::scale_for(picture.width, picture.height);
    for (i, b) in picture.label_boxes.iter().enumerate() {
        let (x0, y0) = ((b.x * s).floor() as u32, (b.y * s).floor() as u32);
        let (x1, y1) = (
            ((b.x + b.w) * s).ceil() as u32,
            ((b.y + b.h) * s).ceil() as u32,
        );
        let mut dark = 0;
        for y in y0..y1.min(h) {
            for x in x0..x1.min(w) {
                if let Some(p) = img.pixel(x, y) {
                    if u32::from(p.red()) + u32::from(p.green()) + u32::from(p.blue()) < 250 {
                        dark += 1;
                    }
                }
            }
        }
        // A drawn label blackens far more than a few pixels of its box.
        let area = (x1 - x0) * (y1 - y0);
        assert!(
            dark * 40 > area,
            "{engine}: label {i} ({:?}) has {dark} dark pixels in {area}",
            scene.nodes[i].lines
        );
    }
}

#[test]
fn png_decodes_has_the_size_and_ink_in_every_label() {
    let g = sample();
    for engine in engines() {
        assert_labels_are_drawn(engine, &g);
        let out = render(&g, ImageFormat::Png, &opts(engine)).unwrap();
        let img = Pixmap::decode_png(&out.bytes).unwrap();
        assert_eq!((img.width(), img.height()), (out.width, out.height));
        let svg = render(&g, ImageFormat::Svg, &opts(engine)).unwrap();
        assert_eq!(
            (out.width, out.height),
            png::pixel_size(f64::from(svg.width), f64::from(svg.height)),
            "{engine}"
        );
    }
}

#[test]
fn graphviz_path_runs_dot_without_warnings() {
    if !graphviz_available() {
        eprintln!("note: skipped, Graphviz's dot is not on PATH");
        return;
    }
    let out = render(&sample(), ImageFormat::Svg, &opts(Engine::Graphviz)).unwrap();
    assert_eq!(out.engine_used, "graphviz dot");
    assert!(out.notes.is_empty(), "{:?}", out.notes);
    // Auto prefers Graphviz when it is there; sfdp takes large graphs.
    let out = render(&sample(), ImageFormat::Svg, &opts(Engine::Auto)).unwrap();
    assert_eq!(out.engine_used, "graphviz dot");
    let out = render(
        &random_graph(200),
        ImageFormat::Svg,
        &opts(Engine::Graphviz),
    )
    .unwrap();
    assert_eq!(out.engine_used, "graphviz sfdp");
    assert!(
        out.notes
            .iter()
            .all(|n| !n.to_string().starts_with("Graphviz")),
        "{:?}",
        out.notes
    );
}

#[test]
fn builtin_path_is_used_when_graphviz_is_hidden() {
    let (_dir, path) = hidden_graphviz();
    let g = sample();
    let out = render_with_path(
        &g,
        &[ImageFormat::Svg, ImageFormat::Png],
        &opts(Engine::Auto),
        path.clone(),
    )
    .unwrap();
    assert_eq!(out.len(), 2);
    assert_eq!(out[0].engine_used, "builtin layout-rs");
    assert!(out[0].bytes.starts_with(b"<?xml"));
    assert!(Pixmap::decode_png(&out[1].bytes).is_ok());
    let err = render_with_path(&g, &[ImageFormat::Svg], &opts(Engine::Graphviz), path).unwrap_err();
    assert!(matches!(err, RenderError::GraphvizMissing), "{err}");
}

#[test]
fn builtin_output_is_deterministic() {
    let g = sample();
    let a = render(&g, ImageFormat::Svg, &opts(Engine::Builtin)).unwrap();
    let b = render(&g, ImageFormat::Svg, &opts(Engine::Builtin)).unwrap();
    assert_eq!(a.bytes, b.bytes);
}

#[test]
fn empty_and_tiny_graphs_render() {
    let empty = ActorGraph::new();
    let mut one = ActorGraph::new();
    one.insert_actor(actor("x", "Solo", T::Person, &[]));
    // A relation of an actor with itself (a saved graph may hold one).
    let mut looped = one.clone();
    looped.insert_relation("x", "x", relation(R::Support, "praised himself", 1));
    for g in [empty, one, looped] {
        for engine in engines() {
            let out = render(&g, ImageFormat::Png, &opts(engine)).unwrap();
            assert!(Pixmap::decode_png(&out.bytes).is_ok(), "{engine}");
        }
    }
}

/// A graph of `n` actors with about `2n` relations, the degrees skewed the way news
/// graphs are (a few actors in most relations).
pub(crate) fn random_graph(n: usize) -> ActorGraph {
    let mut g = ActorGraph::new();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..n {
        let kind = T::ALL[(next() % 8) as usize];
        g.insert_actor(actor(&format!("a{i}"), &format!("Actor {i}"), kind, &[]));
    }
    for _ in 0..2 * n {
        // Skewed: the square of a uniform number favours small ids.
        let a = (next() % n as u64) * (next() % n as u64) / n as u64;
        let b = next() % n as u64;
        if a != b {
            let kind = R::ALL[(next() % R::ALL.len() as u64) as usize];
            let w = 1 + (next() % 4) as usize;
            g.insert_relation(
                &format!("a{a}"),
                &format!("a{b}"),
                relation(kind, "verb", w),
            );
        }
    }
    g
}

#[test]
fn beyond_the_relation_cap_the_heaviest_relations_are_kept() {
    let g = random_graph(400);
    let total = g.edge_count();
    let kept = heaviest_relations(&g, 100);
    assert_eq!(kept.edge_count(), 100);
    assert_eq!(kept.node_count(), g.node_count());
    let lightest_kept = kept.relations().map(|(_, _, r)| r.weight()).min().unwrap();
    let mut weights: Vec<usize> = g.relations().map(|(_, _, r)| r.weight()).collect();
    weights.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(lightest_kept, weights[99], "{total} relations");
    // and the picture says so
    let note = RenderNote::RelationsCapped {
        shown: 1500,
        total: 2000,
    };
    assert!(note
        .to_string()
        .contains("1500 relations with the most supporting sentences of 2000"));
}

#[test]
fn a_large_graph_is_capped_and_says_so() {
    let g = random_graph(2_000);
    for engine in engines() {
        let start = Instant::now();
        let out = render(&g, ImageFormat::Svg, &opts(engine)).unwrap();
        let took = start.elapsed();
        // at most 300 kept, fewer when some of them have no relation among the kept
        let RenderNote::Capped { shown, total, cap } = out.notes[0] else {
            panic!("{:?}", out.notes)
        };
        assert!((250..=300).contains(&shown), "{:?}", out.notes);
        assert_eq!((total, cap), (2000, 300));
        assert!(
            out.notes
                .iter()
                .all(|n| !n.to_string().starts_with("Graphviz")),
            "{:?}",
            out.notes
        );
        let texts = svg_texts(&out.bytes);
        assert!(texts
            .iter()
            .any(|t| t.contains("only the most connected actors are shown")));
        eprintln!("2000 actors, {engine}: {} in {took:?}", out.engine_used);
    }
}

/// The same as a PNG; slow in a debug build (resvg), so run by hand:
/// `cargo test --release --lib large_png -- --ignored --nocapture`.
#[test]
#[ignore]
fn a_large_graph_as_png() {
    let g = random_graph(2_000);
    for engine in engines() {
        let start = Instant::now();
        let out = render(&g, ImageFormat::Png, &opts(engine)).unwrap();
        assert!(Pixmap::decode_png(&out.bytes).is_ok());
        eprintln!(
            "2000 actors as PNG, {engine}: {} {}x{} in {:?}",
            out.engine_used,
            out.width,
            out.height,
            start.elapsed()
        );
    }
}

/// The seed article (`data/seed.txt`) as the extractor should read it: a realistic
/// picture to look at.
pub(crate) fn seed_like() -> ActorGraph {
    let mut g = ActorGraph::new();
    for (id, date, title) in [
        (
            "seed",
            "2024-05-08",
            "US stresses safety of prisoners in Pakistan, including Imran Khan",
        ),
        ("dawn-1", "2024-05-07", "Blome meets PTI leaders"),
    ] {
        g.add_document(DocumentInfo {
            id: id.into(),
            date: Some(date.into()),
            title: Some(title.into()),
            url: None,
        });
    }
    let people = [
        ("imran-khan", "Imran Khan", "former Prime Minister"),
        ("matthew-miller", "Matthew Miller", "spokesperson"),
        ("donald-blome", "Donald Blome", "US Ambassador"),
        ("omar-ayub-khan", "Omar Ayub Khan", "opposition leader"),
        ("chuck-schumer", "Chuck Schumer", "Senate Majority Leader"),
        ("donald-lu", "Donald Lu", "American diplomat"),
    ];
    for (id, name, title) in people {
        let mut a = actor(id, name, T::Person, &[]);
        a.titles = vec![title.into()];
        g.insert_actor(a);
    }
    for (id, name, kind) in [
        ("united-states", "United States", T::Country),
        ("pakistan", "Pakistan", T::Country),
        (
            "us-state-department",
            "US State Department",
            T::GovernmentBody,
        ),
        ("us-senate", "US Senate", T::GovernmentBody),
        ("pti", "Pakistan Tehreek-e-Insaf", T::PoliticalParty),
        ("islamabad", "Islamabad", T::Place),
        ("rawalpindi", "Rawalpindi", T::Place),
        ("washington", "Washington", T::Place),
        ("adiala-jail", "Adiala jail", T::Facility),
        ("dawn-news", "Dawn News", T::Media),
    ] {
        g.insert_actor(actor(id, name, kind, &[]));
    }
    for (s, t, k, verb, w) in [
        (
            "matthew-miller",
            "us-state-department",
            R::HoldsOffice,
            "spokesperson",
            2,
        ),
        (
            "donald-blome",
            "united-states",
            R::HoldsOffice,
            "Ambassador",
            2,
        ),
        ("donald-blome", "omar-ayub-khan", R::Consult, "met with", 3),
        ("donald-blome", "pti", R::Consult, "met leaders of", 1),
        ("omar-ayub-khan", "pti", R::Leads, "chief of", 1),
        ("imran-khan", "pti", R::MemberOf, "party leader", 1),
        (
            "imran-khan",
            "adiala-jail",
            R::DetainedIn,
            "imprisoned in",
            2,
        ),
        ("adiala-jail", "rawalpindi", R::LocatedIn, "in", 1),
        ("rawalpindi", "pakistan", R::LocatedIn, "in", 1),
        ("islamabad", "pakistan", R::LocatedIn, "capital of", 1),
        ("united-states", "pakistan", R::Aid, "economic aid to", 1),
        ("imran-khan", "united-states", R::Accuse, "criticized", 2),
        ("imran-khan", "donald-lu", R::Accuse, "accused", 1),
        (
            "chuck-schumer",
            "us-senate",
            R::HoldsOffice,
            "Majority Leader",
            1,
        ),
        (
            "chuck-schumer",
            "imran-khan",
            R::Request,
            "raised concern over",
            1,
        ),
        (
            "donald-lu",
            "us-state-department",
            R::HoldsOffice,
            "diplomat",
            1,
        ),
        ("us-state-department", "united-states", R::PartOf, "", 1),
        ("us-senate", "united-states", R::PartOf, "", 1),
        (
            "united-states",
            "imran-khan",
            R::Support,
            "stressed safety of",
            4,
        ),
        (
            "matthew-miller",
            "chuck-schumer",
            R::Consult,
            "discussed",
            1,
        ),
        ("us-state-department", "washington", R::LocatedIn, "in", 1),
    ] {
        g.insert_relation(s, t, relation(k, verb, w));
    }
    g
}

/// Writes pictures to /tmp for a person to look at:
/// `cargo test --lib write_review_pictures -- --ignored --nocapture`.
#[test]
#[ignore]
fn write_review_pictures() {
    let graphs = [
        ("seed", seed_like()),
        ("sample", sample()),
        ("random80", random_graph(80)),
        ("random300", random_graph(300)),
    ];
    // REVIEW=seed,sample limits the graphs drawn.
    let wanted = std::env::var("REVIEW").unwrap_or_default();
    for (name, g) in graphs {
        if !wanted.is_empty() && !wanted.split(',').any(|w| w == name) {
            continue;
        }
        for engine in engines() {
            for format in [ImageFormat::Svg, ImageFormat::Png] {
                let start = Instant::now();
                let out = render(&g, format, &opts(engine)).unwrap();
                let file = format!(
                    "/tmp/actorgraph-{name}-{}.{}",
                    engine.name(),
                    format!("{format:?}").to_lowercase()
                );
                std::fs::write(&file, &out.bytes).unwrap();
                eprintln!(
                    "{file}: {}x{} via {} in {:?} {:?}",
                    out.width,
                    out.height,
                    out.engine_used,
                    start.elapsed(),
                    out.notes
                );
            }
        }
    }
}

/// Every node and every edge carries a `<title>` (the hover text browsers show), with
/// the hostile names intact, through both engines.
#[test]
fn svg_nodes_and_edges_have_tooltips() {
    let mut g = sample();
    // a real first sentence on one edge, with characters that need escaping
    let mut r = relation(R::Reject, "rejected", 2);
    r.evidence[0].text = "Khan <rejected> the \"deal\" & left.\nThen more.".into();
    g.insert_relation("pti", "q", r);
    for engine in engines() {
        let svg = render(&g, ImageFormat::Svg, &opts(engine)).unwrap().bytes;
        let text = std::str::from_utf8(&svg).unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        let group = |id: &str| {
            doc.descendants()
                .find(|n| n.attribute("id") == Some(id))
                .unwrap()
        };
        let titles = |id: &str| -> Vec<String> {
            group(id)
                .children()
                .filter(|n| n.has_tag_name("g"))
                .map(|n| {
                    let t = n.children().find(|c| c.has_tag_name("title"));
                    t.and_then(|t| t.text()).unwrap_or("").to_string()
                })
                .collect()
        };
        let nodes = titles("nodes");
        assert_eq!(nodes.len(), g.node_count(), "{engine}");
        for (a, t) in g.actors().zip(&nodes) {
            assert!(
                t.starts_with(&format!("{} ({})", a.name, a.kind.as_str())),
                "{engine}: {t:?}"
            );
        }
        assert!(
            nodes[0].contains("titles: former Prime Minister"),
            "{}",
            nodes[0]
        );
        assert!(
            nodes[0].contains("5 relations, in 1 document"),
            "{}",
            nodes[0]
        );
        let edges = titles("edges");
        assert_eq!(edges.len(), g.edge_count(), "{engine}");
        let last = edges.last().unwrap();
        assert_eq!(
            last,
            "Pakistan Tehreek-e-Insaf REJECT \"quoted\" (\u{201c}rejected\u{201d})\n2 sentences\n\
             \u{201c}Khan <rejected> the \"deal\" & left. Then more.\u{201d}"
        );
        assert!(edges[0].starts_with(
            "Imran Khan CONSULT Владимир Путин (\u{201c}met with\u{201d})\n3 sentences"
        ));
    }
}

/// Actors without relations are left out when others have some, and the caption says
/// how many; `isolated` keeps them. The caption's dates cover every article and count
/// the undated ones.
#[test]
fn isolated_actors_are_left_out_and_the_caption_counts_undated_articles() {
    use crate::model::{EntityType, RelationKind};
    let mut g = ActorGraph::new();
    for (id, date) in [
        ("d1", Some("2024-01-05")),
        ("d2", None),
        ("d3", Some("2024-03-01")),
        ("d4", None),
    ] {
        g.add_document(DocumentInfo {
            id: id.into(),
            date: date.map(Into::into),
            title: None,
            url: None,
        });
    }
    for id in ["a", "b", "c", "d", "e"] {
        g.insert_actor(actor(id, &format!("Actor {id}"), EntityType::Person, &[]));
    }
    g.insert_relation("a", "b", relation(RelationKind::Consult, "met", 1));
    let caption = subtitle(&g, false, 3);
    assert!(
        caption.starts_with("2024-01-05 to 2024-03-01 (2 undated articles)"),
        "{caption}"
    );
    assert!(
        caption.ends_with("3 actors without relations not shown"),
        "{caption}"
    );
    let (sub, left_out) = without_isolated(&g);
    assert_eq!((sub.node_count(), left_out), (2, 3));
    let o = RenderOptions {
        engine: Engine::Builtin,
        ..RenderOptions::default()
    };
    let svg = String::from_utf8(render(&g, ImageFormat::Svg, &o).unwrap().bytes).unwrap();
    assert!(svg.contains("3 actors without relations not shown"));
    assert!(!svg.contains("Actor e"));
    let keep = RenderOptions {
        isolated: true,
        ..o
    };
    let svg = String::from_utf8(render(&g, ImageFormat::Svg, &keep).unwrap().bytes).unwrap();
    assert!(svg.contains("Actor e") && !svg.contains("not shown"));
    // with no relation at all, the actors are the picture
    let mut lone = ActorGraph::new();
    lone.insert_actor(actor("x", "X", EntityType::Person, &[]));
    assert_eq!(without_isolated(&lone).1, 0);
}
