//! `actorgraph build INPUT... [-f LIST] [-o PATH]`: reads articles, extracts in parallel,
//! merges in input order (so the output does not depend on the number of threads) and
//! writes every asked format.

use crate::cli::args::BuildArgs;
use crate::cli::exit;
use crate::cli::messages::{self, Tally};
use crate::cli::output::{self, Target};
use crate::export::{self, Format};
use crate::extract::{extract_document, DocExtraction};
use crate::graph::select::select;
use crate::graph::ActorGraph;
use crate::ingest::{parse_date, Document, IngestOptions, Inputs};
use crate::lexicon::Lexicon;
use crate::render::{render_many, RenderOptions};
use anyhow::{anyhow, bail, Context, Result};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Articles read ahead and extracted in parallel at a time: bounds memory, keeps cores busy.
const CHUNK_PER_THREAD: usize = 64;

/// Articles named in a warning about cut sentences; past this, one line gives the total.
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
                "{articles} article{}, {:.1} articles/s, {relations} relations so far",
                if articles == 1 { "" } else { "s" },
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
    let mut truncated_articles = 0usize;
    let chunk = CHUNK_PER_THREAD * threads;
    loop {
        let mut docs: Vec<Document> = Vec::with_capacity(chunk);
        let mut ended = true;
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
        let extracted: Vec<DocExtraction> = pool.install(|| {
            docs.par_iter()
                .map(|d| extract_document(d, &lexicon))
                .collect()
        });
        for (doc, x) in docs.iter().zip(extracted) {
            articles += 1;
            sentences += x.sentences;
            if x.truncated_sentences > 0 {
                truncated += x.truncated_sentences;
                truncated_articles += 1;
                if truncated_articles <= MAX_TRUNCATION_WARNINGS {
                    messages::warn(format!(
                        "{}: {} sentence{} longer than {} tokens, cut there",
                        doc.origin,
                        x.truncated_sentences,
                        if x.truncated_sentences == 1 { "" } else { "s" },
                        crate::text::MAX_SENTENCE_TOKENS
                    ));
                    tally.warnings += 1;
                }
            }
            graph.merge_document(x);
        }
        progress.update(articles, graph.edge_count());
        if ended {
            break;
        }
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

    let (graph, notes) = select(&graph, &selection).map_err(anyhow::Error::msg)?;
    for n in notes {
        messages::info(n);
    }
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
    // images share one layout: svg and png of the same picture
    let image_formats: Vec<Format> = formats.iter().copied().filter(|f| f.is_image()).collect();
    let mut images = std::collections::HashMap::new();
    if !image_formats.is_empty() {
        let rendered = render_many(graph, &image_formats, &render_opts)
            .map_err(|e| anyhow!("drawing the graph: {e}"))?;
        for (f, img) in image_formats.iter().zip(rendered) {
            if !a.quiet && images.is_empty() {
                for n in &img.notes {
                    messages::info(n);
                }
            }
            images.insert(*f, img.bytes);
        }
    }
    for &format in formats {
        let files = format.files(stem);
        let paths: Vec<std::path::PathBuf> = match target {
            Target::Stdout => vec![],
            Target::File(f) => vec![f.clone()],
            Target::Dir(d) => files.iter().map(|n| d.join(n)).collect(),
        };
        let produce = |w: &mut dyn Write| -> std::io::Result<()> {
            if let Some(bytes) = images.get(&format) {
                w.write_all(bytes)
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
