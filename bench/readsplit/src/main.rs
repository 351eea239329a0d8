//! The read-and-split reference of `bench/run`: reads a JSONL corpus, parses every line
//! with serde_json and splits its `text` on whitespace, on all cores with rayon, and
//! prints the words and the time. No tool that reads this corpus can do less, so
//! actorgraph's speed is given as a fraction of this one.
//!
//!     readsplit CORPUS.jsonl [THREADS]      THREADS 0 (the default): one per core
//!
//! Lines are read in chunks (as actorgraph reads articles), so memory stays flat
//! whatever the corpus size. The time includes start-up and reading, as actorgraph's
//! wall time does.

use rayon::prelude::*;
use serde::Deserialize;
use std::io::{BufRead, BufReader};
use std::time::Instant;

/// Lines handed to the workers at a time.
const CHUNK: usize = 4096;

#[derive(Deserialize)]
struct Article<'a> {
    #[serde(borrow)]
    text: std::borrow::Cow<'a, str>,
}

/// Whitespace-separated words of one JSONL line's text; a line that is not an article
/// counts none (and is counted as bad).
fn words(line: &str) -> Result<usize, ()> {
    let a: Article = serde_json::from_str(line).map_err(|_| ())?;
    Ok(a.text.split_whitespace().count())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: readsplit CORPUS.jsonl [THREADS]");
        std::process::exit(2);
    };
    let threads: usize = args.next().and_then(|t| t.parse().ok()).unwrap_or(0);
    let start = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let mut lines = BufReader::with_capacity(1 << 20, file).lines();
    let (mut total, mut articles, mut bad) = (0usize, 0usize, 0usize);
    loop {
        let chunk: Vec<String> = lines.by_ref().take(CHUNK).map_while(Result::ok).collect();
        if chunk.is_empty() {
            break;
        }
        let counted: Vec<Result<usize, ()>> =
            pool.install(|| chunk.par_iter().map(|l| words(l)).collect());
        for c in counted {
            match c {
                Ok(w) => {
                    total += w;
                    articles += 1;
                }
                Err(()) => bad += 1,
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "readsplit: {articles} articles, {total} words in {secs:.3} s = {:.0} words/s ({bad} bad lines)",
        total as f64 / secs
    );
}
