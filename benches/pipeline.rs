//! Micro-benchmarks of the hot stages of `actorgraph build`, on real articles from
//! `../shared/bench/wikinews.jsonl` (the median-length article for the per-article
//! stages, all 281 articles for merge and export). Run with `cargo bench`; see
//! `bench/README.md` for the end-to-end benchmark.

use actorgraph::extract::mentions;
use actorgraph::graph::Unresolved;
use actorgraph::text::split_sentences;
use actorgraph::Document;
use actorgraph::{export, extract_document, DocExtraction, Knowledge};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::hint::black_box;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/bench/wikinews.jsonl"
);

/// The corpus as documents; the seed article when `../shared` is not there.
fn corpus() -> Vec<Document> {
    let Ok(text) = std::fs::read_to_string(CORPUS) else {
        eprintln!("{CORPUS} not found: benchmarking on data/seed.txt only");
        let seed = include_str!("../data/seed.txt");
        return vec![Document::from_text("seed", seed, Some("2024-05-08"))];
    };
    text.lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("wikinews.jsonl line");
            let mut d = Document::from_text(
                v["id"].as_str().unwrap_or("x"),
                v["text"].as_str().unwrap_or(""),
                v["date"].as_str(),
            );
            d.title = v["title"].as_str().map(str::to_string);
            d.url = v["url"].as_str().map(str::to_string);
            d
        })
        .collect()
}

fn words(d: &Document) -> u64 {
    d.text.split_whitespace().count() as u64
}

/// The article of median length.
fn median(docs: &[Document]) -> &Document {
    let mut by_len: Vec<&Document> = docs.iter().collect();
    by_len.sort_by_key(|d| (words(d), d.id.clone()));
    by_len[by_len.len() / 2]
}

fn stages(c: &mut Criterion) {
    let knowledge = Knowledge::builtin().expect("shipped data");
    let lang = &knowledge.language;
    let docs = corpus();
    let doc = median(&docs);
    let mut g = c.benchmark_group("article");
    g.throughput(Throughput::Elements(words(doc)));

    g.bench_function("split_sentences+tokenize", |b| {
        b.iter(|| split_sentences(black_box(&doc.text), doc.body_start, lang))
    });

    let sentences = split_sentences(&doc.text, doc.body_start, lang);
    // as extract_document builds it: what the document says of its words
    let common = mentions::DocWords::of(&sentences);
    g.bench_function("mentions::find", |b| {
        b.iter(|| {
            let (mut m, mut t) = (Vec::new(), Vec::new());
            for s in &sentences {
                mentions::find(&knowledge, s, &common, &mut m, &mut t);
            }
            (m, t)
        })
    });

    g.bench_function("extract_document", |b| {
        b.iter(|| extract_document(black_box(doc), &knowledge))
    });
    g.finish();

    let all_words: u64 = docs.iter().map(words).sum();
    let extracted: Vec<DocExtraction> = docs
        .iter()
        .map(|d| extract_document(d, &knowledge))
        .collect();
    let mut g = c.benchmark_group("corpus");
    g.throughput(Throughput::Elements(all_words));
    g.sample_size(10);
    g.bench_function("extract_document (all articles, 1 thread)", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| extract_document(d, &knowledge))
                .collect::<Vec<_>>()
        })
    });
    // the pipeline's merge: every extraction into one union, resolved once
    let union_of = |xs: Vec<DocExtraction>| {
        let mut u = Unresolved::new();
        for x in xs {
            u.add_extraction(x, &|name, kind| {
                knowledge.lexicon.identifiers_of(name, kind)
            });
        }
        u
    };
    g.bench_function("unite extractions and resolve (all articles)", |b| {
        b.iter_batched(
            || extracted.clone(),
            |xs| union_of(xs).resolve(),
            BatchSize::LargeInput,
        )
    });
    let graph = union_of(extracted).resolve();
    g.bench_function("export json (all articles)", |b| {
        b.iter(|| export::json::write(&graph, Vec::with_capacity(4 << 20)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
