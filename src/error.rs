//! Library errors shared by several stages. Input errors name the file (and line, for
//! JSONL) so that a user can find the article; data errors name the data file and line.
//! Neither names a command-line flag: the CLI adds those.

use crate::model::UnknownName;
use std::path::PathBuf;
use thiserror::Error;

/// A problem with one input: the run reports it and goes on with the others.
#[derive(Debug, Error)]
#[error("{}{}: {kind}", path.display(), line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct InputError {
    pub path: PathBuf,
    /// 1-based line, for JSONL records and date headers.
    pub line: Option<usize>,
    pub kind: InputErrorKind,
}

impl InputError {
    pub fn new(path: impl Into<PathBuf>, line: Option<usize>, kind: InputErrorKind) -> Self {
        InputError {
            path: path.into(),
            line,
            kind,
        }
    }

    /// A short stable name of the kind, for the end-of-run summary.
    pub fn reason(&self) -> &'static str {
        self.kind.reason()
    }
}

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum InputErrorKind {
    #[error("no such file or directory")]
    NotFound,
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("directory holds no *.txt or *.jsonl articles")]
    NoArticles,
    #[error("empty article: no text")]
    Empty,
    #[error("binary data (NUL bytes), not text")]
    Binary,
    #[error("UTF-16 text; only UTF-8 is read (convert it, e.g. iconv -f UTF-16 -t UTF-8)")]
    Utf16,
    #[error("not valid JSON: {0}")]
    Json(String),
    #[error("truncated record: the file ends inside it ({0})")]
    Truncated(String),
    #[error("JSONL record has no \"text\" string")]
    MissingText,
    #[error("JSONL record field {field:?} must be a string")]
    FieldType { field: &'static str },
    #[error("article id is {length} bytes, over the limit of {limit}")]
    LongId { length: usize, limit: usize },
    #[error("duplicate article id {0:?} (the first article with this id is kept)")]
    DuplicateId(String),
    #[error("this file was given twice (itself, or inside a directory given too); read once")]
    Repeated,
    #[error("invalid date {0:?} (write YYYY-MM-DD, or \"date unknown\")")]
    BadDate(String),
    #[error("article is {size} bytes, over the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    /// Over the limit, read from a pipe or a device, whose size is not known.
    #[error("article is over the limit of {limit} bytes (a stream: read no further)")]
    OverLimit { limit: u64 },
}

impl InputErrorKind {
    pub fn reason(&self) -> &'static str {
        match self {
            InputErrorKind::NotFound => "missing path",
            InputErrorKind::Io(_) => "unreadable",
            InputErrorKind::NoArticles => "no articles in directory",
            InputErrorKind::Empty => "empty",
            InputErrorKind::Binary => "binary",
            InputErrorKind::Utf16 => "UTF-16",
            InputErrorKind::Json(_) => "malformed JSONL",
            InputErrorKind::Truncated(_) => "truncated JSONL",
            InputErrorKind::MissingText => "JSONL without text",
            InputErrorKind::FieldType { .. } => "JSONL field of wrong type",
            InputErrorKind::LongId { .. } => "id too long",
            InputErrorKind::DuplicateId(_) => "duplicate id",
            InputErrorKind::Repeated => "file given twice",
            InputErrorKind::BadDate(_) => "invalid date",
            InputErrorKind::TooLarge { .. } | InputErrorKind::OverLimit { .. } => "too large",
        }
    }
}

/// A problem in a data file (shipped or the user's): the file, the line (0 for the
/// file as a whole) and what is wrong. The run stops: knowledge is loaded before any
/// article is read.
#[derive(Debug, Error)]
#[error("{file}:{line}: {kind}")]
pub struct DataError {
    pub file: String,
    pub line: usize,
    pub kind: DataErrorKind,
}

#[derive(Debug, Error)]
#[non_exhaustive]
pub enum DataErrorKind {
    #[error("cannot read: {0}")]
    Unreadable(#[source] std::io::Error),
    #[error("a directory, not a data file")]
    Directory,
    #[error("more than {limit} bytes, the limit for a data file; is it the right file?")]
    TooLarge { limit: u64 },
    #[error("binary data (NUL bytes), not a text data file")]
    Binary,
    #[error("invalid UTF-8 at byte {byte} of the line; data files are UTF-8")]
    InvalidUtf8 { byte: usize },
    #[error("no header row: nothing to read")]
    NoHeader,
    #[error("unknown header row {found:?}; expected one of: {expected}")]
    UnknownHeader { found: String, expected: String },
    #[error("{found} fields where the header has {expected}")]
    FieldCount { found: usize, expected: usize },
    #[error("the first field is empty")]
    EmptyFirstField,
    /// An entity type or relation the ontology does not have.
    #[error(transparent)]
    Vocabulary(#[from] UnknownName),
    /// A field that must be one of a few words (`scope`, `position`, `kind`).
    #[error("{column} {value:?} must be {expected}")]
    NotOneOf {
        column: &'static str,
        value: String,
        expected: &'static str,
    },
    /// A language file's row names a list the language does not have.
    #[error("unknown list {0:?}")]
    UnknownList(String),
    #[error("{kind} {word:?} needs a number from {min} to {max}, not {found:?}")]
    BadNumber {
        kind: String,
        word: String,
        min: i64,
        max: i64,
        found: String,
    },
    #[error("{0:?}: an expression of days_before has one or two words")]
    LongExpression(String),
}
