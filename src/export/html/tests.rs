use super::*;
use crate::export::testutil::{hostile_graph, realistic_graph, HOSTILE};

fn report(g: &ActorGraph) -> String {
    String::from_utf8(write(g, Vec::new()).unwrap()).unwrap()
}

/// The text of the data block, as the page reads it (`textContent` of the element).
fn data_block(html: &str) -> &str {
    let open = r#"<script type="application/json" id="report-data">"#;
    let start = html.find(open).expect("data block") + open.len();
    let len = html[start..].find("</script>").expect("data block closed");
    &html[start..start + len]
}

fn parsed(html: &str) -> Value {
    serde_json::from_str(data_block(html)).expect("the data block is JSON")
}

#[test]
fn the_data_block_holds_every_actor_relation_and_sentence() {
    let g = realistic_graph();
    let html = report(&g);
    let d = parsed(&html);
    assert_eq!(d["format"], "actorgraph-report");
    assert_eq!(d["nodes"].as_array().unwrap().len(), g.node_count());
    assert_eq!(d["edges"].as_array().unwrap().len(), g.edge_count());
    assert_eq!(d["caption"]["actors"], g.node_count());
    assert_eq!(d["caption"]["relations"], g.edge_count());
    assert_eq!(d["caption"]["documents"], g.documents().len());
    let ids: Vec<&str> = g.actors().map(|a| a.id.as_str()).collect();
    let texts = d["texts"].as_array().unwrap();
    let docs = d["documents"].as_array().unwrap();
    let mut evidence = 0;
    for ((s, t, r), e) in g.relations().zip(d["edges"].as_array().unwrap()) {
        assert_eq!(ids[e["source"].as_u64().unwrap() as usize], s.id);
        assert_eq!(ids[e["target"].as_u64().unwrap() as usize], t.id);
        assert_eq!(e["relation"], r.relation.as_str());
        assert_eq!(e["verb"], r.verb.as_str());
        assert_eq!(e["weight"], r.weight());
        let items = e["evidence"].as_array().unwrap();
        assert_eq!(items.len(), r.evidence.len());
        for (ev, item) in r.evidence.iter().zip(items) {
            let doc = &docs[item[0].as_u64().unwrap() as usize];
            assert_eq!(doc["id"], ev.doc.as_str());
            assert_eq!(item[1], ev.sentence);
            assert_eq!(item[2], ev.start);
            assert_eq!(item[3], ev.end);
            assert_eq!(texts[item[4].as_u64().unwrap() as usize], ev.text.as_str());
            assert_eq!(item.as_array().unwrap().len(), 5, "no extra fields today");
            evidence += 1;
        }
    }
    assert!(evidence > g.edge_count(), "some edge has several sentences");
    let distinct: std::collections::HashSet<&str> = g
        .relations()
        .flat_map(|(_, _, r)| r.evidence.iter().map(|e| e.text.as_str()))
        .collect();
    assert_eq!(texts.len(), distinct.len(), "each sentence once");
    for (a, n) in g.actors().zip(d["nodes"].as_array().unwrap()) {
        assert_eq!(n["name"], a.name.as_str());
        assert_eq!(n["type"], a.kind.as_str());
        assert!(n["x"].as_f64().unwrap().is_finite() && n["y"].as_f64().unwrap().is_finite());
    }
}

#[test]
fn a_sentence_shared_by_many_edges_is_stored_once() {
    let mut g = realistic_graph();
    let long = "A very long sentence that several relations share. ".repeat(20);
    let ids: Vec<String> = g.actors().map(|a| a.id.clone()).collect();
    for w in ids.windows(2) {
        let mut r = g.relations().next().unwrap().2.clone();
        r.relation = RelationKind::Support;
        r.evidence.truncate(1);
        r.evidence[0].text = long.clone().into();
        g.insert_relation(&w[0], &w[1], r);
    }
    let html = report(&g);
    assert_eq!(html.matches(long.trim()).count(), 1);
}

#[test]
fn the_palette_is_the_shared_one() {
    let d = parsed(&report(&realistic_graph()));
    for t in EntityType::ALL {
        let s = type_style(t);
        assert_eq!(d["palette"]["types"][t.as_str()]["fill"], s.fill);
        assert_eq!(d["palette"]["types"][t.as_str()]["shape"], s.shape.name());
    }
    let fams = d["palette"]["families"].as_array().unwrap();
    for (f, v) in FAMILIES.iter().zip(fams) {
        assert_eq!(v["colour"], family_style(*f).colour);
        assert_eq!(v["dashed"], family_style(*f).dashed);
    }
    assert_eq!(
        d["palette"]["relations"].as_array().unwrap().len(),
        RelationKind::ALL.len()
    );
}

#[test]
fn hostile_names_cannot_leave_the_data_block() {
    let g = hostile_graph();
    let html = report(&g);
    let lower = html.to_ascii_lowercase();
    // the closing tags of the two scripts (data and code), and nothing else
    assert_eq!(lower.matches("</script").count(), 2, "{}", &html[..400]);
    assert_eq!(lower.matches("<!--").count(), 0);
    let block = data_block(&html);
    assert!(!block.contains('<') && !block.contains('>') && !block.contains('&'));
    // and the names read back exactly
    let d = parsed(&html);
    let names: Vec<&str> = d["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    for h in HOSTILE {
        assert!(names.contains(h), "{h:?} lost");
    }
    // the caption counts the undated article, and dates only the real dates
    assert_eq!(d["caption"]["documents"], 2);
    assert_eq!(d["caption"]["undated"], 1);
    assert_eq!(d["caption"]["first_date"], "2024-05-08");
    assert_eq!(d["caption"]["last_date"], "2024-05-08");
    // the document title is escaped in <title>
    let title = hostile_graph();
    assert!(report(&title).contains("<title>Actor network of 2 articles</title>"));
    let mut one = ActorGraph::new();
    one.add_document(crate::model::DocumentInfo {
        id: "d".into(),
        date: None,
        title: Some("</title><script>alert(1)</script>".into()),
        url: Some("javascript:alert(1)".into()),
    });
    let html = report(&one);
    assert!(html.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
    assert_eq!(html.to_ascii_lowercase().matches("</script").count(), 2);
}

#[test]
fn the_same_graph_gives_the_same_bytes() {
    let g = realistic_graph();
    assert_eq!(
        write(&g, Vec::new()).unwrap(),
        write(&g, Vec::new()).unwrap()
    );
    let h = hostile_graph();
    assert_eq!(
        write(&h, Vec::new()).unwrap(),
        write(&h, Vec::new()).unwrap()
    );
}

#[test]
fn the_page_fetches_nothing() {
    let html = report(&realistic_graph());
    // a policy that forbids every fetch, and no address outside the data
    assert!(html.contains("default-src 'none'"));
    let outside = html.replace(data_block(&html), "");
    for needle in ["http://", "https://", "src=", "@import", "url("] {
        let hits: Vec<_> = outside.match_indices(needle).collect();
        let allowed = |at: usize| {
            // the one address the page knows: the link pattern for Wikidata identifiers
            outside[at..].starts_with("https://www.wikidata.org/wiki/")
                || outside[at..].starts_with("http://www.w3.org/2000/svg")
        };
        assert!(
            hits.iter().all(|(at, _)| allowed(*at)),
            "{needle} in the page: {:?}",
            hits.iter()
                .map(|(at, _)| &outside[at.saturating_sub(40)..(*at + 60).min(outside.len())])
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn an_empty_graph_gives_a_page() {
    let html = report(&ActorGraph::new());
    let d = parsed(&html);
    assert_eq!(d["nodes"].as_array().unwrap().len(), 0);
    assert_eq!(d["caption"]["title"], "Actor network");
    assert!(html.ends_with("</html>\n"));
}

#[test]
fn script_safe_escapes_only_what_it_must() {
    let mut out = Vec::new();
    ScriptSafe(&mut out)
        .write_all(br#"{"a":"</script><!--&x"}"#)
        .unwrap();
    assert_eq!(
        String::from_utf8(out.clone()).unwrap(),
        r#"{"a":"\u003c/script\u003e\u003c!--\u0026x"}"#
    );
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["a"], "</script><!--&x");
}
