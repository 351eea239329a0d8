//! Bytes → the JSONL reader: never panics; every article it yields is usable
//! (non-empty text, its origin names the line, a date is normalised) and every error
//! names the file and a line.
#![no_main]

use actorgraph::ingest::{parse_date, read_jsonl, IngestOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = IngestOptions {
        default_date: None,
        // small, so that the over-long-line path is reached too
        max_article_bytes: 512,
    };
    let reader = std::io::Cursor::new(data.to_vec());
    let mut last_line = 0;
    for item in read_jsonl("fuzz.jsonl", reader, options).take(10_000) {
        match item {
            Ok(doc) => {
                assert!(!doc.text.trim().is_empty());
                assert!(!doc.text.contains('\0'));
                assert!(doc.text.len() <= 512);
                assert_eq!(doc.body(), doc.text);
                let line: usize = doc.origin.rsplit(':').next().unwrap().parse().unwrap();
                assert!(line > last_line, "lines go forward");
                last_line = line;
                if let Some(d) = &doc.date {
                    assert_eq!(parse_date(d).as_deref(), Some(d.as_str()));
                }
            }
            Err(e) => {
                let line = e.line.expect("a JSONL error names its line");
                assert!(line > last_line, "lines go forward");
                last_line = line;
                assert!(e.to_string().starts_with(&format!("fuzz.jsonl:{line}: ")));
            }
        }
    }
});
