//! `actorgraph build INPUT... [-f LIST] [-o PATH]`: the flags, the messages and the
//! progress line around [`pipeline::build`] (which reads, extracts in parallel and
//! merges in input order), then the selection and every asked format.

use crate::cli::args::{BuildArgs, DialectArg, ExportArgs, ImageArgs};
use crate::cli::exit;
use crate::cli::messages;
use crate::cli::output::{self, OutputSet, Target};
use crate::cli::suggest::did_you_mean;
use crate::cli::usage;
use crate::error::InputError;
use crate::export::cypher::Dialect;
use crate::extract::Knowledge;
use crate::format::{self, Format, FormatError, Notes, WriteError};
use crate::graph::ActorGraph;
use crate::ingest::{parse_date, IngestOptions, Inputs};
use crate::model::MAX_TRIPLES_PER_SENTENCE;
use crate::pipeline::{self, BuildError, BuildOptions, BuildOutcome, Counts, Progress, Timings};
use crate::render::RenderOptions;
use anyhow::{bail, Context, Result};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Articles with sentences cut at the length bound that are named one by one.
const MAX_TRUNCATION_WARNINGS: usize = 5;

/// The `--format` list; an unknown name is a usage error naming the closest format.
pub(super) fn parse_formats(list: &str) -> Result<Vec<Format>> {
    Format::parse_list(list).map_err(|e| {
        let hint = match &e {
            FormatError::UnknownName(n) => {
                did_you_mean(n, Format::ALL.iter().map(|f| f.name()).chain(["all"]))
            }
            _ => String::new(),
        };
        usage(format!("--format: {e}{hint}"))
    })
}

/// One format into one named file: the file's extension must name that format (or
/// none; `.csv` and others no format writes alone are left to the user).
pub(super) fn check_extension(format: Format, target: &Target) -> Result<()> {
    let Target::File(path) = target else {
        return Ok(());
    };
    match Format::from_path(path) {
        Ok(named) if named != format => Err(usage(format!(
            "-o {}: the extension .{} is {named}'s, but --format asks for {format} (.{}); \
             name the file .{} or give --format {named}",
            path.display(),
            named.file_extension(),
            format.file_extension(),
            format.file_extension()
        ))),
        _ => Ok(()),
    }
}

/// The bytes of the input files (directories: their .txt and .jsonl files), when all
/// can be known before reading: none for stdin.
fn input_bytes(inputs: &[PathBuf]) -> Option<u64> {
    fn walk(p: &Path, depth: usize) -> u64 {
        let Ok(meta) = std::fs::metadata(p) else {
            return 0;
        };
        if meta.is_file() {
            return meta.len();
        }
        if !meta.is_dir() || depth > 64 {
            return 0;
        }
        let Ok(entries) = std::fs::read_dir(p) else {
            return 0;
        };
        entries
            .flatten()
            .map(|e| e.path())
            .filter(|q| {
                q.is_dir()
                    || q.extension().is_some_and(|x| {
                        x.eq_ignore_ascii_case("txt") || x.eq_ignore_ascii_case("jsonl")
                    })
            })
            .map(|q| walk(&q, depth + 1))
            .sum()
    }
    if inputs.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    Some(inputs.iter().map(|p| walk(p, 0)).sum())
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

/// What the user sees while the build runs: every problem as one message when it
/// happens, and progress on stderr (a bar on a terminal, a line every few seconds
/// otherwise).
struct Report {
    bar: Option<indicatif::ProgressBar>,
    plain: bool,
    /// Bytes of article text read so far, and of all the inputs when known.
    read: Arc<AtomicU64>,
    total: Option<u64>,
    last: Instant,
    start: Instant,
    /// Documents with sentences cut at the length bound that were named one by one.
    cut_named: usize,
    /// Documents with relations left out by the bound per sentence, named one by one.
    relations_cut_named: usize,
    /// The first few records given an id, for the summary.
    made_up: Vec<String>,
}

impl Report {
    /// On a terminal a bar: with the input's size known, bytes read of the total, the
    /// percentage, the rate and the time left; else a spinner with articles and rate.
    /// Elsewhere a plain line every ten seconds.
    fn new(quiet: bool, total: Option<u64>, read: Arc<AtomicU64>) -> Report {
        let tty = std::io::stderr().is_terminal();
        let bar = (!quiet && tty).then(|| {
            let (b, template) = match total {
                Some(t) if t > 0 => (
                    indicatif::ProgressBar::new(t),
                    "{bar:30} {bytes}/{total_bytes} {percent:>3}%  {bytes_per_sec}  ETA {eta}  {msg}",
                ),
                _ => (
                    indicatif::ProgressBar::new_spinner(),
                    "{spinner} {msg}  {elapsed}",
                ),
            };
            b.set_style(
                indicatif::ProgressStyle::with_template(template)
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            b.enable_steady_tick(Duration::from_millis(200));
            b
        });
        Report {
            bar,
            plain: !quiet && !tty,
            read,
            total,
            last: Instant::now(),
            start: Instant::now(),
            cut_named: 0,
            relations_cut_named: 0,
            made_up: Vec::new(),
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl Progress for Report {
    fn read_warning(&mut self, origin: &str, warning: &str) {
        messages::warn(format!("{origin}: {warning}"));
    }

    fn id_made_up(&mut self, origin: &str, id: &str) {
        if self.made_up.len() < MAX_TRUNCATION_WARNINGS {
            self.made_up.push(format!("{origin} {id:?}"));
        }
    }

    fn skipped(&mut self, error: InputError) {
        messages::error(format!("{}; skipped", messages::input_error(&error)));
    }

    fn sentences_cut(&mut self, origin: &str, sentences: usize) {
        // the first few documents are named, then one total at the end
        self.cut_named += 1;
        if self.cut_named <= MAX_TRUNCATION_WARNINGS {
            messages::warn(format!(
                "{origin}: {sentences} sentence{} longer than {} tokens, cut there",
                if sentences == 1 { "" } else { "s" },
                crate::text::MAX_SENTENCE_TOKENS
            ));
        }
    }

    fn relations_bounded(&mut self, origin: &str, sentences: usize) {
        self.relations_cut_named += 1;
        if self.relations_cut_named <= MAX_TRUNCATION_WARNINGS {
            messages::warn(format!(
                "{origin}: {sentences} sentence{} gave more than {MAX_TRIPLES_PER_SENTENCE} relations; kept the {MAX_TRIPLES_PER_SENTENCE} most confident of each",
                if sentences == 1 { "" } else { "s" },
            ));
        }
    }

    fn advanced(&mut self, counts: &Counts, relations: usize) {
        let articles = counts.documents;
        let read = self.read.load(Ordering::Relaxed);
        if let Some(b) = &self.bar {
            if let Some(t) = self.total {
                b.set_position(read.min(t));
            }
            b.set_message(format!("{articles} articles, {relations} relations"));
        } else if self.plain && self.last.elapsed() >= Duration::from_secs(10) {
            let secs = self.start.elapsed().as_secs_f64();
            let done = match self.total {
                Some(t) if t > 0 => {
                    let part = (read as f64 / t as f64).min(1.0);
                    let left = secs * (1.0 - part) / part.max(1e-9);
                    format!(
                        "{:.0}% of {:.1} MB, {:.1} MB/s, about {left:.0} s left, ",
                        100.0 * part,
                        t as f64 / 1e6,
                        read as f64 / 1e6 / secs.max(1e-9)
                    )
                }
                _ => String::new(),
            };
            messages::info(format!(
                "{done}{articles} articles, {:.0} articles/s, {relations} relations so far",
                articles as f64 / secs.max(1e-9)
            ));
            self.last = Instant::now();
        }
    }
}

pub fn run(a: BuildArgs) -> Result<u8> {
    let started = Instant::now();
    let quiet = messages::quiet();
    let formats = parse_formats(&a.format)?;
    let selection = super::selection(&a.selection)?;
    let default_date = match &a.date {
        Some(d) => {
            Some(parse_date(d).ok_or_else(|| usage(format!("--date {d:?}: write YYYY-MM-DD")))?)
        }
        None => None,
    };
    crate::export::rdf::check_base_iri(&a.exports.base_iri)
        .map_err(|e| usage(format!("--base-iri: {e}")))?;
    let single_file = formats.len() == 1 && formats[0].is_single_file();
    let target =
        Target::new(&a.output, formats.len(), single_file).map_err(|e| usage(e.to_string()))?;
    if formats.len() == 1 {
        check_extension(formats[0], &target)?;
    }
    let stem = default_stem(&a);
    let names: Vec<String> = formats.iter().flat_map(|f| f.files(&stem)).collect();
    output::refuse_overwriting_inputs(&target.paths(&names), &a.inputs)?;
    target.check(&names)?;

    let mut knowledge = Knowledge::builtin().context("the shipped data files")?;
    for f in a.gazetteer.iter().chain(a.lexicon.iter()) {
        knowledge.add_file(f)?;
    }
    let inputs = Inputs::new(
        &a.inputs,
        IngestOptions {
            default_date,
            max_article_bytes: a.max_article_bytes,
        },
    );
    let options = BuildOptions {
        threads: a.threads,
        stop_at_bad_document: a.strict,
        ..BuildOptions::default()
    };
    let read = Arc::new(AtomicU64::new(0));
    let counted = Arc::clone(&read);
    let inputs = inputs.inspect(move |d| {
        if let Ok(doc) = d {
            counted.fetch_add(doc.text.len() as u64, Ordering::Relaxed);
        }
    });
    let mut report = Report::new(quiet, input_bytes(&a.inputs), read);
    let built = pipeline::build(inputs, &knowledge, &options, &mut report);
    report.finish();
    let made_up = std::mem::take(&mut report.made_up);
    let BuildOutcome {
        graph,
        counts,
        timings,
    } = match built {
        Ok(outcome) => outcome,
        Err(BuildError::BadDocument(e)) => bail!(
            "{} (--strict: stopping, nothing written)",
            messages::input_error(&e)
        ),
        Err(e) => return Err(e.into()),
    };
    if counts.truncated_documents > MAX_TRUNCATION_WARNINGS {
        messages::warn(format!(
            "in all, {} sentences in {} articles were longer than {} tokens and were cut there",
            counts.truncated_sentences,
            counts.truncated_documents,
            crate::text::MAX_SENTENCE_TOKENS
        ));
    }
    if counts.bounded_documents > MAX_TRUNCATION_WARNINGS {
        messages::warn(format!(
            "in all, {} sentences in {} articles gave more than {MAX_TRIPLES_PER_SENTENCE} relations; the {MAX_TRIPLES_PER_SENTENCE} most confident of each were kept",
            counts.bounded_sentences, counts.bounded_documents,
        ));
    }
    let skipped = messages::describe_skipped(&counts.skipped);
    if counts.documents == 0 {
        bail!("no article could be read{skipped}; nothing written");
    }

    // Without a selection the graph is written as it is, not copied: on a large corpus
    // two copies of every piece of evidence would double the peak memory.
    let graph = if selection.is_all_for(&graph) {
        graph
    } else {
        super::select(&graph, &selection)?
    };
    let writing = Instant::now();
    write_outputs(&graph, &formats, &target, &stem, &a.exports, &a.image)?;
    if a.timings {
        eprint!(
            "{}",
            timings_table(&timings, writing.elapsed(), started.elapsed())
        );
    }

    if !quiet {
        let articles = counts.documents;
        let cut = match counts.bounded_sentences {
            0 => String::new(),
            n => format!(
                " ({n} sentence{} cut to {MAX_TRIPLES_PER_SENTENCE} relations)",
                if n == 1 { "" } else { "s" }
            ),
        };
        let ids = match counts.made_up_ids {
            0 => String::new(),
            n => format!(
                ", {n} without an id given one ({}{})",
                made_up.join(", "),
                if n > made_up.len() {
                    format!(", and {} more", n - made_up.len())
                } else {
                    String::new()
                }
            ),
        };
        messages::info(format!(
            "{articles} article{}{skipped}{ids}, {} sentences, {} actors, {} relations{cut} in {:.2} s{}",
            if articles == 1 { "" } else { "s" },
            counts.sentences,
            graph.node_count(),
            graph.edge_count(),
            started.elapsed().as_secs_f64(),
            match &target {
                Target::Stdout => String::new(),
                Target::File(f) | Target::Device(f) => format!(" → {}", f.display()),
                Target::Dir(d) => format!(" → {}/", d.display().to_string().trim_end_matches('/')),
            }
        ));
    }
    Ok(if counts.skipped_total() > 0 {
        exit::PARTIAL
    } else {
        exit::OK
    })
}

/// `--timings`: one line a stage, seconds with two decimals.
fn timings_table(t: &Timings, writing: Duration, wall: Duration) -> String {
    let s = |d: Duration| format!("{:8.2} s", d.as_secs_f64());
    let rest = t.extracting.saturating_sub(t.parsing);
    format!(
        "timings: {} wall, {} worker thread{}\n\
         \x20 reading    {}\n\
         \x20 extracting {} summed over the workers: parsing {}, the rest {}\n\
         \x20 merging    {}\n\
         \x20 resolving  {}\n\
         \x20 writing    {}\n",
        s(wall).trim_start(),
        t.threads,
        if t.threads == 1 { "" } else { "s" },
        s(t.reading),
        s(t.extracting),
        s(t.parsing).trim_start(),
        s(rest).trim_start(),
        s(t.merging),
        s(t.resolving),
        s(writing),
    )
}

/// Writes every asked format of the graph (also for `merge`, which writes as build does).
pub(super) fn write_outputs(
    graph: &ActorGraph,
    formats: &[Format],
    target: &Target,
    stem: &str,
    exports: &ExportArgs,
    image: &ImageArgs,
) -> Result<()> {
    let options = format::Options {
        export: crate::export::Options {
            cypher_dialect: match exports.cypher_dialect {
                DialectArg::Neo4j => Dialect::Neo4j,
                DialectArg::Falkordb => Dialect::FalkorDb,
                DialectArg::Memgraph => Dialect::Memgraph,
            },
            base_iri: exports.base_iri.clone(),
            stem: stem.to_string(),
        },
        render: RenderOptions {
            engine: super::engine(image.engine),
            isolated: image.isolated,
            ..RenderOptions::default()
        },
    };
    let say = |notes: Notes| {
        for n in &notes {
            messages::info(messages::render_note(n));
        }
    };
    let Target::Dir(dir) = target else {
        // one file: stdout, a device, or a file (a set of one)
        let mut notes = Notes::new();
        output::write_file(target, |w| {
            notes = format::write(formats[0], graph, 0, &options, w).map_err(io_error)?;
            Ok(())
        })?;
        say(notes);
        return Ok(());
    };
    // every file into the set, then all into place together (src/cli/output.rs)
    let mut set = OutputSet::begin(dir)?;
    for &format in formats {
        for (part, name) in format.files(stem).iter().enumerate() {
            let mut notes = Notes::new();
            set.create(name, |w| {
                notes = format::write(format, graph, part, &options, w).map_err(io_error)?;
                Ok(())
            })?;
            say(notes);
        }
    }
    set.commit()
}

/// A format's failure as the I/O error of the file it was writing.
fn io_error(e: WriteError) -> std::io::Error {
    match e {
        WriteError::Io(e) => e,
        WriteError::Render(e) => std::io::Error::other(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_list_errors_name_the_flag() {
        assert_eq!(
            parse_formats("dot,json").unwrap(),
            vec![Format::Json, Format::Dot]
        );
        let e = parse_formats("json,pdf").unwrap_err().to_string();
        assert!(e.starts_with("--format: unknown format \"pdf\""), "{e}");
        let e = parse_formats("grapml").unwrap_err();
        assert!(e.is::<crate::cli::UsageError>());
        assert!(e.to_string().ends_with("did you mean graphml?"), "{e}");
        assert_eq!(
            parse_formats(",").unwrap_err().to_string(),
            "--format: no format given"
        );
    }
}
