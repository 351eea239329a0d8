//! Arbitrary UTF-8 text → the extractor (and the merge into a graph): never panics;
//! entity indices, evidence offsets and evidence text agree with the input.
#![no_main]

use actorgraph::{extract_document, ActorGraph, Document, Knowledge};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static KNOWLEDGE: LazyLock<Knowledge> =
    LazyLock::new(|| Knowledge::builtin().expect("shipped data"));

fuzz_target!(|text: &str| {
    let doc = Document::from_text("fuzz", text, Some("2024-05-08"));
    let x = extract_document(&doc, &KNOWLEDGE);
    let chars: Vec<char> = text.chars().collect();
    for t in &x.triples {
        assert!(t.subject < x.entities.len() && t.object < x.entities.len());
        assert_ne!(t.subject, t.object);
        let ev = &t.evidence;
        assert!(ev.start <= ev.end && ev.end <= chars.len());
        assert_eq!(chars[ev.start..ev.end].iter().collect::<String>(), ev.text);
        assert!(ev.sentence < x.sentences);
    }
    for e in &x.entities {
        assert!(!e.name.trim().is_empty());
    }
    let mut g = ActorGraph::new();
    g.merge_document(x);
    assert!(g.edge_count() <= g.node_count() * g.node_count() * 64 + 64);
});
