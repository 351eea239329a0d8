//! `extract` and the builds: one text, files (as the command line reads them), or
//! records made in Python (dicts, a data frame's rows), through the library's pipeline
//! with the GIL released. What the command line would have said on the way (skipped
//! articles, replaced bytes, cut sentences) becomes warnings, in its words.

use crate::errors::{self, raise, Kind};
use crate::graph::Graph;
use actorgraph::cli::messages::describe_skipped;
use actorgraph::error::{InputError, InputErrorKind};
use actorgraph::extract::Knowledge;
use actorgraph::ingest::{self, parse_date, IngestOptions, Inputs, Record};
use actorgraph::model::Document;
use actorgraph::pipeline::{self, BuildError, BuildOptions, Counts, Progress};
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyString};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Articles with sentences cut at the length bound that are named one by one (as the
/// command line does).
const MAX_TRUNCATION_WARNINGS: usize = 5;

/// The knowledge of the shipped data files, loaded once per process.
fn builtin(py: Python<'_>) -> PyResult<&'static Knowledge> {
    static BUILTIN: OnceLock<Knowledge> = OnceLock::new();
    if let Some(k) = BUILTIN.get() {
        return Ok(k);
    }
    let loaded = py
        .detach(Knowledge::builtin)
        .map_err(|e| raise(py, Kind::Data, format!("the shipped data files: {e}")))?;
    Ok(BUILTIN.get_or_init(|| loaded))
}

/// The shipped knowledge and the user's files (gazetteers, lexicons: their header row
/// tells which).
fn load_knowledge(py: Python<'_>, files: &[PathBuf]) -> PyResult<Cow<'static, Knowledge>> {
    let shipped = builtin(py)?;
    if files.is_empty() {
        return Ok(Cow::Borrowed(shipped));
    }
    let mut k = shipped.clone();
    for f in files {
        k.add_file(f).map_err(|e| errors::data(py, &e))?;
    }
    Ok(Cow::Owned(k))
}

/// How to read: the default date checked as `--date` is.
fn ingest_options(
    py: Python<'_>,
    date: Option<&str>,
    max_article_bytes: Option<u64>,
) -> PyResult<IngestOptions> {
    let default_date = match date {
        Some(d) => Some(
            parse_date(d)
                .ok_or_else(|| raise(py, Kind::Usage, format!("date {d:?}: write YYYY-MM-DD")))?,
        ),
        None => None,
    };
    let defaults = IngestOptions::default();
    Ok(IngestOptions {
        default_date,
        max_article_bytes: max_article_bytes.unwrap_or(defaults.max_article_bytes),
    })
}

/// Worker threads (`None`: one per core) and whether to stop at the first bad article.
#[derive(Clone, Copy)]
struct Run {
    threads: Option<usize>,
    strict: bool,
}

impl Run {
    fn new(py: Python<'_>, threads: Option<usize>, strict: bool) -> PyResult<Run> {
        if threads == Some(0) {
            return Err(raise(py, Kind::Usage, "threads must be at least 1"));
        }
        Ok(Run { threads, strict })
    }

    /// Made where the build runs: the extractor it holds is shared, not sent.
    fn options(self) -> BuildOptions {
        BuildOptions {
            threads: self.threads,
            stop_at_bad_document: self.strict,
            ..BuildOptions::default()
        }
    }
}

/// What the build said, in the command line's words.
#[derive(Default)]
struct Said {
    messages: Vec<String>,
    cut_named: usize,
}

impl Progress for Said {
    fn read_warning(&mut self, origin: &str, warning: &str) {
        self.messages.push(format!("{origin}: {warning}"));
    }

    fn skipped(&mut self, error: InputError) {
        self.messages
            .push(format!("{}; skipped", errors::input_message(&error)));
    }

    fn sentences_cut(&mut self, origin: &str, sentences: usize) {
        self.cut_named += 1;
        if self.cut_named <= MAX_TRUNCATION_WARNINGS {
            self.messages.push(format!(
                "{origin}: {sentences} sentence{} longer than {} tokens, cut there",
                if sentences == 1 { "" } else { "s" },
                actorgraph::text::MAX_SENTENCE_TOKENS
            ));
        }
    }
}

/// Builds the graph of the documents `inputs()` yields (made on the worker side: the
/// readers of files are not `Send`), with the GIL released.
fn run<I, F>(py: Python<'_>, inputs: F, knowledge: &Knowledge, how: Run) -> PyResult<Graph>
where
    F: FnOnce() -> I + Send,
    I: IntoIterator<Item = Result<Document, InputError>>,
{
    let mut said = Said::default();
    let built = py.detach(|| pipeline::build(inputs(), knowledge, &how.options(), &mut said));
    let outcome = match built {
        Ok(outcome) => outcome,
        Err(BuildError::BadDocument(e)) => {
            errors::warn(py, &said.messages, 2)?;
            let message = errors::input_message(&e);
            return Err(errors::input(py, &e, message));
        }
        Err(e) => return Err(raise(py, Kind::Other, e.to_string())),
    };
    let Counts {
        documents,
        truncated_sentences,
        truncated_documents,
        ref skipped,
        ..
    } = outcome.counts;
    if truncated_documents > MAX_TRUNCATION_WARNINGS {
        said.messages.push(format!(
            "in all, {truncated_sentences} sentences in {truncated_documents} articles were longer than {} tokens and were cut there",
            actorgraph::text::MAX_SENTENCE_TOKENS
        ));
    }
    // called through the package's functions: the warnings point at their caller's line
    errors::warn(py, &said.messages, 2)?;
    if documents == 0 {
        let message = format!("no article could be read{}", describe_skipped(skipped));
        return Err(raise(py, Kind::Input, message));
    }
    Ok(Graph::new(outcome.graph))
}

/// The graph of one article (see `actorgraph.extract`).
#[pyfunction]
#[pyo3(signature = (text, date = None, id = None, knowledge = Vec::new()))]
pub fn extract(
    py: Python<'_>,
    text: &str,
    date: Option<&str>,
    id: Option<&str>,
    knowledge: Vec<PathBuf>,
) -> PyResult<Graph> {
    let id = id.unwrap_or("text");
    if id.trim().is_empty() {
        return Err(raise(py, Kind::Usage, "id: give a non-empty id"));
    }
    let options = ingest_options(py, date, None)?;
    // read as a text file is: an optional ` date YYYY-MM-DD ` first line
    let doc =
        ingest::read_txt(Path::new(id), id, text.as_bytes().to_vec(), &options).map_err(|e| {
            let message = errors::input_message(&e);
            errors::input(py, &e, message)
        })?;
    let knowledge = load_knowledge(py, &knowledge)?;
    let how = Run::new(py, Some(1), true)?;
    run(py, move || [Ok(doc)], &knowledge, how)
}

/// The graph of files, directories and JSONL corpora, read as the command line reads
/// them (see `actorgraph.build`).
#[pyfunction]
#[pyo3(signature = (paths, threads = None, date = None, strict = false, knowledge = Vec::new(), max_article_bytes = None))]
pub fn build_paths(
    py: Python<'_>,
    paths: Vec<PathBuf>,
    threads: Option<usize>,
    date: Option<&str>,
    strict: bool,
    knowledge: Vec<PathBuf>,
    max_article_bytes: Option<u64>,
) -> PyResult<Graph> {
    if paths.is_empty() {
        return Err(raise(py, Kind::Usage, "give at least one path"));
    }
    let ingest = ingest_options(py, date, max_article_bytes)?;
    let how = Run::new(py, threads, strict)?;
    let knowledge = load_knowledge(py, &knowledge)?;
    run(py, move || Inputs::new(&paths, ingest), &knowledge, how)
}

/// One field of a record: a string, or nothing (`None`, NaN); an id may be an integer
/// and a date anything with `isoformat()` (`datetime.date`, `pandas.Timestamp`).
fn field(value: &Bound<'_, PyAny>, name: &'static str) -> Result<Option<String>, InputErrorKind> {
    let wrong = || InputErrorKind::FieldType { field: name };
    if value.is_none() {
        return Ok(None);
    }
    if let Ok(s) = value.cast::<PyString>() {
        return s.extract::<String>().map(Some).map_err(|_| wrong());
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        if f.value().is_nan() {
            return Ok(None);
        }
    }
    if name == "id"
        && value.is_instance_of::<pyo3::types::PyInt>()
        && !value.is_instance_of::<pyo3::types::PyBool>()
    {
        return Ok(Some(value.str().map_err(|_| wrong())?.to_string()));
    }
    if name == "date" && value.hasattr("isoformat").unwrap_or(false) {
        let iso = value.call_method0("isoformat").map_err(|_| wrong())?;
        return iso.extract::<String>().map(Some).map_err(|_| wrong());
    }
    Err(wrong())
}

/// The graph of records `(id, text, date, title, url)` made in Python, read as the lines
/// of a JSONL file named `source` are (see `actorgraph.build`).
#[pyfunction]
#[pyo3(signature = (records, source = "<records>", threads = None, date = None, strict = false, knowledge = Vec::new(), max_article_bytes = None))]
#[allow(clippy::too_many_arguments)]
pub fn build_records(
    py: Python<'_>,
    records: &Bound<'_, PyAny>,
    source: &str,
    threads: Option<usize>,
    date: Option<&str>,
    strict: bool,
    knowledge: Vec<PathBuf>,
    max_article_bytes: Option<u64>,
) -> PyResult<Graph> {
    let mut rows: Vec<Result<Record, InputErrorKind>> = Vec::new();
    for item in records.try_iter()? {
        let item = item?;
        let fields: [Bound<'_, PyAny>; 5] = item.extract().map_err(|_| {
            raise(
                py,
                Kind::Usage,
                "records: each record is (id, text, date, title, url)",
            )
        })?;
        let [id, text, date, title, url] = fields;
        let record = (|| {
            Ok(Record {
                id: field(&id, "id")?,
                text: field(&text, "text")?,
                date: field(&date, "date")?,
                title: field(&title, "title")?,
                url: field(&url, "url")?,
            })
        })();
        rows.push(record);
    }
    let ingest = ingest_options(py, date, max_article_bytes)?;
    let how = Run::new(py, threads, strict)?;
    let knowledge = load_knowledge(py, &knowledge)?;
    let source = PathBuf::from(source);
    run(
        py,
        move || ingest::read_records(source, rows, ingest),
        &knowledge,
        how,
    )
}
