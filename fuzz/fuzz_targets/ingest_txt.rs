//! Bytes → a text article (date header, UTF-8 decoding) → extraction: never panics;
//! the body starts on a character boundary after the header and the evidence of every
//! triple lies inside the body.
#![no_main]

use actorgraph::ingest::{parse_date, read_txt, IngestOptions};
use actorgraph::{extract_document, Knowledge};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::LazyLock;

static KNOWLEDGE: LazyLock<Knowledge> =
    LazyLock::new(|| Knowledge::builtin().expect("shipped data"));

fuzz_target!(|data: &[u8]| {
    let options = IngestOptions {
        default_date: Some("2024-05-08".into()),
        max_article_bytes: 1 << 20,
    };
    let Ok(doc) = read_txt(Path::new("fuzz.txt"), "fuzz", data.to_vec(), &options) else {
        return;
    };
    assert!(doc.text.is_char_boundary(doc.body_start));
    assert!(!doc.body().trim().is_empty());
    if let Some(d) = &doc.date {
        assert_eq!(parse_date(d).as_deref(), Some(d.as_str()));
    }
    let x = extract_document(&doc, &KNOWLEDGE);
    let body_chars = doc.text[..doc.body_start].chars().count();
    let total_chars = doc.text.chars().count();
    for t in &x.triples {
        let ev = &t.evidence;
        assert!(body_chars <= ev.start && ev.start <= ev.end && ev.end <= total_chars);
        let text: String = doc
            .text
            .chars()
            .skip(ev.start)
            .take(ev.end - ev.start)
            .collect();
        assert_eq!(text, ev.text);
    }
});
