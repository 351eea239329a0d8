//! `actorgraph build INPUT... [-f LIST] [-o PATH]`: reads articles, extracts in parallel,
//! merges in input order (so the output does not depend on the number of threads) and
//! writes every asked format.

use crate::cli::args::BuildArgs;
use crate::cli::exit;
use crate::cli::messages::{self, Tally};
use crate::cli::output::{self, Target};
use crate::export::{self, Format};
use crate::extract::extract_document;
use crate::graph::select::select;
use crate::graph::ActorGraph;
use crate::ingest::{parse_date, IngestOptions, Inputs};
use crate::lexicon::Lexicon;
use crate::model::{DocExtraction, Document};
use crate::render::{render, RenderOptions};
use anyhow::{anyhow, bail, Context, Result};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// Articles handed to the workers at a time, per thread.
const CHUNK_PER_THREAD: usize = 16;
/// Chunks read and not yet merged, at most: enough that no worker waits for the reader
/// or the merge, few enough that memory does not grow with the corpus.
const IN_FLIGHT: usize = 4;

/// Articles with sentences cut at the length bound that are named one by one.
const MAX_TRUNCATION_WARNINGS: usize = 5;

fn parse_formats(list: &str) -> Result<Vec<Format>> {
    let mut out = Vec::new();
    for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if name.eq_ignore_ascii_case("all") {
            out.extend_from_slice(Format::ALL);
            continue;
        }
        out.push(Format::from_name(name).map_err(|e| anyhow!("--format: {e}"))?);
    }
    if out.is_empty() {
        bail!("--format: no format given");
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn default_stem(a: &BuildArgs) -> String {
    if let Some(n) = &a.name {
        return n.clone();
    }
    match a.inputs.as_slice() {
        [one] if one.is_file() => one
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "graph".into()),
        _ => "graph".into(),
    }
}

/// Progress on stderr: a bar on a terminal, a line every few seconds otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    plain: bool,
    last: Instant,
    start: Instant,
}

impl Progress {
    fn new(quiet: bool) -> Progress {
        let tty = std::io::stderr().is_terminal();
        let bar = (!quiet && tty).then(|| {
            let b = indicatif::ProgressBar::new_spinner();
            b.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} {pos} articles  {per_sec}  {elapsed}  {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            );
            b.enable_steady_tick(Duration::from_millis(200));
            b
        });
        Progress {
            bar,
            plain: !quiet && !tty,
            last: Instant::now(),
            start: Instant::now(),
        }
    }

    fn update(&mut self, articles: usize, relations: usize) {
        if let Some(b) = &self.bar {
            b.set_position(articles as u64);
            b.set_message(format!("{relations} relations"));
        } else if self.plain && self.last.elapsed() >= Duration::from_secs(10) {
            let secs = self.start.elapsed().as_secs_f64();
            messages::info(format!(
                "{articles} articles, {:.0} articles/s, {relations} relations so far",
                articles as f64 / secs.max(1e-9)
            ));
            self.last = Instant::now();
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

pub fn run(a: BuildArgs) -> Result<u8> {
    let started = Instant::now();
    let formats = parse_formats(&a.format)?;
    let selection = super::selection(&a.selection)?;
    let default_date = match &a.date {
        Some(d) => Some(parse_date(d).ok_or_else(|| anyhow!("--date {d:?}: write YYYY-MM-DD"))?),
        None => None,
    };
    let single_file = formats.len() == 1 && formats[0] != Format::Neo4j;
    let target = Target::new(&a.output, formats.len(), single_file)?;
    let stem = default_stem(&a);
    let names: Vec<String> = formats.iter().flat_map(|f| f.files(&stem)).collect();
    output::refuse_overwriting_inputs(&target.paths(&names), &a.inputs)?;
    target.check_writable()?;

    let mut lexicon = Lexicon::builtin().context("the shipped data files")?;
    for f in a.gazetteer.iter().chain(a.lexicon.iter()) {
        lexicon.add_file(f)?;
    }

    let threads = a
        .threads
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
        .max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("starting worker threads")?;
    let lexicon = Arc::new(lexicon);
    let mut inputs = Inputs::new(
        &a.inputs,
        IngestOptions {
            default_date,
            max_article_bytes: a.max_article_bytes,
        },
    );
    let mut graph = ActorGraph::new();
    let mut tally = Tally::default();
    let mut progress = Progress::new(a.quiet);
    let (mut articles, mut sentences, mut truncated) = (0usize, 0usize, 0usize);

    // A pipeline: this thread reads chunks of articles and hands each to the pool as
    // soon as it is read; the workers extract; this thread merges the results in input
    // order (so the graph does not depend on the number of threads) while the workers
    // go on with the next chunks. At most IN_FLIGHT chunks are read and not yet merged,
    // which bounds memory whatever the corpus size.
    let chunk = CHUNK_PER_THREAD * threads;
    // each extraction travels with its article's origin (path or path:line) for messages
    type Extracted = std::thread::Result<Vec<(String, DocExtraction)>>;
    let (results_tx, results) = mpsc::channel::<(usize, Extracted)>();
    let mut waiting: BTreeMap<usize, Vec<(String, DocExtraction)>> = BTreeMap::new();
    let mut truncated_articles = 0usize;
    let (mut sent, mut merged) = (0usize, 0usize);
    let mut merge_ready = |waiting: &mut BTreeMap<usize, Vec<(String, DocExtraction)>>,
                           merged: &mut usize,
                           progress: &mut Progress| {
        while let Some(xs) = waiting.remove(merged) {
            for (origin, x) in xs {
                articles += 1;
                sentences += x.sentences;
                if x.truncated_sentences > 0 {
                    truncated += x.truncated_sentences;
                    truncated_articles += 1;
                    // the first few articles are named, then one total at the end
                    if truncated_articles <= MAX_TRUNCATION_WARNINGS {
                        messages::warn(format!(
                            "{origin}: {} sentence{} longer than {} tokens, cut there",
                            x.truncated_sentences,
                            if x.truncated_sentences == 1 { "" } else { "s" },
                            crate::text::MAX_SENTENCE_TOKENS
                        ));
                    }
                }
                graph.merge_document(x);
            }
            *merged += 1;
            progress.update(articles, graph.edge_count());
        }
    };
    let mut ended = false;
    while !ended {
        let mut docs: Vec<Document> = Vec::with_capacity(chunk);
        ended = true;
        for item in inputs.by_ref() {
            match item {
                Ok(doc) => {
                    for w in &doc.warnings {
                        messages::warn(format!("{}: {w}", doc.origin));
                        tally.warnings += 1;
                    }
                    docs.push(doc);
                }
                Err(e) => {
                    if a.strict {
                        progress.finish();
                        bail!("{e} (--strict: stopping, nothing written)");
                    }
                    messages::error(format!("{e}; skipped"));
                    tally.skip(e.reason());
                }
            }
            if docs.len() >= chunk {
                ended = false;
                break;
            }
        }
        if !docs.is_empty() {
            let (tx, lex, seq) = (results_tx.clone(), Arc::clone(&lexicon), sent);
            pool.spawn(move || {
                // A panic in the extractor comes back to this thread, which raises it
                // again (rayon would abort the process on a panic in a spawned job).
                let xs = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    docs.par_iter()
                        .map(|d| (d.origin.clone(), extract_document(d, &lex)))
                        .collect()
                }));
                // the receiver is gone only when the build has failed already
                let _ = tx.send((seq, xs));
            });
            sent += 1;
        }
        // wait while the pipeline is full, or for everything at the end
        while sent - merged >= IN_FLIGHT || (ended && merged < sent) {
            let (seq, xs) = results
                .recv()
                .context("an extraction worker stopped unexpectedly")?;
            waiting.insert(seq, xs.unwrap_or_else(|p| std::panic::resume_unwind(p)));
            merge_ready(&mut waiting, &mut merged, &mut progress);
        }
        // merge whatever is done without waiting for it
        while let Ok((seq, xs)) = results.try_recv() {
            waiting.insert(seq, xs.unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        merge_ready(&mut waiting, &mut merged, &mut progress);
    }
    progress.finish();
    if truncated_articles > MAX_TRUNCATION_WARNINGS {
        messages::warn(format!(
            "in all, {truncated} sentences in {truncated_articles} articles were longer than {} tokens and were cut there",
            crate::text::MAX_SENTENCE_TOKENS
        ));
    }
    if articles == 0 {
        bail!(
            "no article could be read{}; nothing written",
            tally.describe()
        );
    }

    // Without a selection the graph is written as it is, not copied: on a large corpus
    // two copies of every piece of evidence would double the peak memory.
    let keeps_everything = selection.focus.is_none()
        && selection.types.is_empty()
        && selection.relations.is_empty()
        && selection.min_weight <= 1
        && selection.max_nodes.is_none();
    let graph = if keeps_everything {
        graph
    } else {
        let (selected, notes) = select(&graph, &selection).map_err(anyhow::Error::msg)?;
        for n in notes {
            messages::info(n);
        }
        selected
    };
    write_outputs(&graph, &formats, &target, &stem, &a)?;

    if !a.quiet {
        messages::info(format!(
            "{articles} article{}{}, {sentences} sentences, {} actors, {} relations in {:.2} s{}",
            if articles == 1 { "" } else { "s" },
            tally.describe(),
            graph.node_count(),
            graph.edge_count(),
            started.elapsed().as_secs_f64(),
            match &target {
                Target::Stdout => String::new(),
                Target::File(f) => format!(" → {}", f.display()),
                Target::Dir(d) => format!(" → {}/", d.display().to_string().trim_end_matches('/')),
            }
        ));
    }
    Ok(if tally.skipped_total() > 0 {
        exit::PARTIAL
    } else {
        exit::OK
    })
}

fn write_outputs(
    graph: &ActorGraph,
    formats: &[Format],
    target: &Target,
    stem: &str,
    a: &BuildArgs,
) -> Result<()> {
    let render_opts = RenderOptions {
        engine: super::engine(a.image.engine),
        ..RenderOptions::default()
    };
    for &format in formats {
        let files = format.files(stem);
        let paths: Vec<std::path::PathBuf> = match target {
            Target::Stdout => vec![],
            Target::File(f) => vec![f.clone()],
            Target::Dir(d) => files.iter().map(|n| d.join(n)).collect(),
        };
        let produce = |w: &mut dyn Write| -> std::io::Result<()> {
            if format.is_image() {
                let img = render(graph, format, &render_opts)
                    .map_err(|e| std::io::Error::other(e.to_string()))?;
                for n in &img.notes {
                    if !a.quiet {
                        messages::info(n);
                    }
                }
                w.write_all(&img.bytes)
            } else {
                export::write(format, graph, w).map(|_| ())
            }
        };
        match format {
            Format::Neo4j => {
                let (nodes, rels) = (&paths[0], &paths[1]);
                output::write_atomic(nodes, |w| export::neo4j::write_nodes(graph, w).map(|_| ()))?;
                output::write_atomic(rels, |w| {
                    export::neo4j::write_relationships(graph, w).map(|_| ())
                })?;
            }
            _ if paths.is_empty() => {
                let stdout = std::io::stdout();
                let mut lock = stdout.lock();
                produce(&mut lock).context("writing to stdout")?;
                lock.flush().context("writing to stdout")?;
            }
            _ => output::write_atomic(&paths[0], produce)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_lists() {
        assert_eq!(parse_formats("json").unwrap(), vec![Format::Json]);
        assert_eq!(
            parse_formats("dot, json,dot").unwrap(),
            vec![Format::Json, Format::Dot]
        );
        assert_eq!(parse_formats("all").unwrap().len(), Format::ALL.len());
        assert!(parse_formats("json,pdf")
            .unwrap_err()
            .to_string()
            .contains("unknown format"));
        assert!(parse_formats(",").is_err());
    }
}
