//! Arbitrary bytes as a `--lexicon`/`--gazetteer` file (the first byte picks the file
//! name: a headed `.tsv`, or one of the word lists a name may stand for): read through
//! the same path as the CLI's (`Knowledge::add_file`: the size limit, NUL and UTF-8
//! checks, NFC, every file kind's parser). It never panics; a refused file's error names
//! the file and a line; an accepted file's knowledge extracts an article made of the
//! file's own text without panicking, with evidence that agrees with the article.
#![no_main]

use actorgraph::language::Language;
use actorgraph::{extract_document, Document, Knowledge, Lexicon};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::LazyLock;

static LANGUAGE: LazyLock<Language> = LazyLock::new(|| Language::builtin().expect("shipped data"));
static DIR: LazyLock<PathBuf> = LazyLock::new(|| {
    let d = std::env::temp_dir().join(format!("actorgraph-fuzz-knowledge-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
});

const NAMES: [&str; 3] = ["user.tsv", "non_names.txt", "detention.txt"];

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let path = DIR.join(NAMES[which as usize % NAMES.len()]);
    std::fs::write(&path, bytes).expect("writing the fuzz file");
    let mut k = Knowledge {
        language: LANGUAGE.clone(),
        lexicon: Lexicon::default(),
    };
    match k.add_file(&path) {
        Err(e) => {
            let m = e.to_string();
            let located = m
                .strip_prefix(&format!("{}:", path.display()))
                .and_then(|rest| rest.split_once(':'))
                .is_some_and(|(line, _)| line.parse::<usize>().is_ok());
            assert!(located, "an error without file and line: {m}");
        }
        Ok(()) => {
            let text = String::from_utf8_lossy(bytes);
            let doc = Document::from_text("fuzz", &text, None);
            let x = extract_document(&doc, &k);
            let chars: Vec<char> = text.chars().collect();
            for t in &x.triples {
                let ev = &t.evidence;
                assert!(ev.start <= ev.end && ev.end <= chars.len());
                assert_eq!(chars[ev.start..ev.end].iter().collect::<String>(), ev.text.as_str());
            }
        }
    }
});
