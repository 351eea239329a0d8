//! Reading articles: text files (with an optional ` date YYYY-MM-DD ` first line),
//! directories (their `*.txt` and `*.jsonl` files, sorted, recursively), JSONL corpora
//! (one article a line) and stdin; and [`Record`]s made in memory (a data frame's rows),
//! read as JSONL lines are. Articles are yielded one at a time, so memory does not grow
//! with the corpus; every problem is an [`InputError`] naming file and line.

mod jsonl;
pub use jsonl::MAX_ID_BYTES;
mod txt;
mod walk;

use crate::error::{InputError, InputErrorKind};
use crate::model::Document;
use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Options for reading.
#[derive(Clone, Debug)]
pub struct IngestOptions {
    /// Date for articles that have none of their own.
    pub default_date: Option<String>,
    /// Articles larger than this are refused.
    pub max_article_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            default_date: None,
            max_article_bytes: 256 * 1024 * 1024,
        }
    }
}

/// Checks a date written `YYYY-MM-DD` and returns it normalised.
pub fn parse_date(s: &str) -> Option<String> {
    chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// Decodes bytes as UTF-8, refusing binary data and UTF-16 and replacing invalid
/// sequences (with a warning naming the first one) rather than dropping the article.
/// `line` is the JSONL record's line; for a whole file the warning gives the line itself.
pub(crate) fn decode(
    path: &Path,
    line: Option<usize>,
    bytes: Vec<u8>,
    warnings: &mut Vec<String>,
) -> Result<String, InputError> {
    if looks_like_utf16(&bytes) {
        return Err(InputError::new(path, line, InputErrorKind::Utf16));
    }
    if bytes.contains(&0) {
        return Err(InputError::new(path, line, InputErrorKind::Binary));
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let bytes = e.into_bytes();
            let (first, places) = invalid_utf8(&bytes);
            let at = match line {
                Some(_) => format!("byte {first} of the record"),
                None => format!(
                    "line {}, byte {first}",
                    1 + bytes[..first].iter().filter(|&&b| b == b'\n').count()
                ),
            };
            let more = match places {
                1 => String::new(),
                n => format!(" and {} more place{}", n - 1, if n == 2 { "" } else { "s" }),
            };
            warnings.push(format!(
                "invalid UTF-8 at {at}{more}: replaced with U+FFFD (is it Latin-1 or Windows-1252?)"
            ));
            Ok(String::from_utf8_lossy(&bytes).into_owned())
        }
    }
}

/// Reads at most `limit + 1` bytes (one more tells that the limit was passed), and no
/// further than the first block with a NUL byte in it: binary data or UTF-16, which
/// [`decode`] tells apart from its start, so that a device such as `/dev/zero` is not
/// read up to the limit.
pub(crate) fn read_bounded(
    mut reader: impl std::io::Read,
    limit: u64,
    capacity: usize,
) -> std::io::Result<Vec<u8>> {
    let cap = limit.saturating_add(1);
    let mut bytes = Vec::with_capacity(capacity.min(cap as usize));
    let mut block = vec![0u8; 64 * 1024];
    while (bytes.len() as u64) < cap {
        let want = block.len().min((cap - bytes.len() as u64) as usize);
        let n = match reader.read(&mut block[..want]) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        bytes.extend_from_slice(&block[..n]);
        if block[..n].contains(&0) {
            break;
        }
    }
    Ok(bytes)
}

/// Looks at the start of `reader` without taking it: true when the first byte that is
/// not whitespace (after a byte-order mark) is `{`, a JSONL record. Whitespace before it
/// is moved into `head`, which the caller reads first; at most 1 MiB of it is looked at.
fn starts_with_record(reader: &mut impl BufRead, head: &mut Vec<u8>) -> std::io::Result<bool> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        let start = if head.is_empty() && buf.starts_with(b"\xef\xbb\xbf") {
            3
        } else {
            0
        };
        if let Some(p) = buf[start..].iter().position(|b| !b.is_ascii_whitespace()) {
            return Ok(buf[start + p] == b'{');
        }
        let n = buf.len();
        head.extend_from_slice(buf);
        reader.consume(n);
        if head.len() > 1 << 20 {
            return Ok(false);
        }
    }
}

/// The byte offset of the first invalid UTF-8 sequence, and how many there are.
fn invalid_utf8(bytes: &[u8]) -> (usize, usize) {
    let (mut offset, mut first, mut places) = (0, None, 0);
    for chunk in bytes.utf8_chunks() {
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first.get_or_insert(offset);
            places += 1;
        }
        offset += chunk.invalid().len();
    }
    (first.unwrap_or(0), places)
}

/// A byte-order mark, or NUL in every other byte of the start: UTF-16 text.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(64) & !1];
    head.len() >= 8
        && (head.chunks(2).all(|p| p[0] == 0 && p[1] != 0)
            || head.chunks(2).all(|p| p[0] != 0 && p[1] == 0))
}

/// Reads a JSONL corpus from any reader, one article a line; `path` names it in
/// messages and in the default ids. Duplicate ids are not checked here ([`Inputs`] does).
pub fn read_jsonl(
    path: impl Into<PathBuf>,
    reader: impl BufRead + 'static,
    options: IngestOptions,
) -> impl Iterator<Item = Result<Document, InputError>> {
    jsonl::JsonlReader::new(path.into(), Box::new(reader), options)
}

/// Reads one text article from bytes (with its optional date header); `path` names it in
/// messages.
pub fn read_txt(
    path: &Path,
    id: &str,
    bytes: Vec<u8>,
    options: &IngestOptions,
) -> Result<Document, InputError> {
    txt::from_bytes(path, id, bytes, options)
}

/// One article as fields: what a JSONL line holds, or a record made in memory (a row of
/// a data frame, a dictionary). Only `text` is required.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub id: Option<String>,
    pub text: Option<String>,
    /// `YYYY-MM-DD`, or a timestamp that starts with one; empty or `unknown` for none.
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// Reads records made in memory as the lines of a JSONL file named `source` are read:
/// the same checks and messages (`source:N`, N counted from 1), the same default ids
/// (`{stem}:N`), and a later record whose id was seen is skipped. A record the caller
/// could not make (a field of the wrong type) comes as its error and is skipped too.
pub fn read_records<I>(
    source: impl Into<PathBuf>,
    records: I,
    options: IngestOptions,
) -> impl Iterator<Item = Result<Document, InputError>>
where
    I: IntoIterator<Item = Result<Record, InputErrorKind>>,
{
    let source = source.into();
    let mut seen_ids = HashSet::new();
    records.into_iter().enumerate().map(move |(i, record)| {
        let line = i + 1;
        let doc = record
            .and_then(|r| jsonl::record_document(&source, line, r, &options, Vec::new()))
            .map_err(|k| InputError::new(&source, Some(line), k))?;
        if !seen_ids.insert(doc.id.clone()) {
            return Err(InputError::new(
                &source,
                Some(line),
                InputErrorKind::DuplicateId(doc.id),
            ));
        }
        Ok(doc)
    })
}

enum Source {
    Path(PathBuf),
    Stdin,
}

/// Streams documents from the given inputs in order. Duplicate ids are reported and
/// the later article skipped.
pub struct Inputs {
    pending: std::collections::VecDeque<Source>,
    current: Option<Box<dyn Iterator<Item = Result<Document, InputError>>>>,
    /// The text file `current` reads (its id is its file stem, not chosen by its author).
    current_txt: Option<PathBuf>,
    seen_ids: HashSet<String>,
    /// The ids among them that were made up for records without one.
    made_up_ids: HashSet<String>,
    /// Text files read so far (canonical paths), so that one given twice is read once.
    seen_files: HashSet<PathBuf>,
    options: IngestOptions,
}

impl Inputs {
    /// `-` means stdin.
    pub fn new(inputs: &[PathBuf], options: IngestOptions) -> Inputs {
        let pending = inputs
            .iter()
            .map(|p| {
                if p.as_os_str() == "-" {
                    Source::Stdin
                } else {
                    Source::Path(p.clone())
                }
            })
            .collect();
        Inputs {
            pending,
            current: None,
            current_txt: None,
            seen_ids: HashSet::new(),
            made_up_ids: HashSet::new(),
            seen_files: HashSet::new(),
            options,
        }
    }

    fn open(&mut self, source: Source) -> Box<dyn Iterator<Item = Result<Document, InputError>>> {
        let opts = self.options.clone();
        match source {
            Source::Stdin => {
                // streamed like a file: a JSONL corpus line by line, a text article up to
                // the size limit (stdin may never end)
                let path = PathBuf::from("<stdin>");
                let fail = |path: PathBuf, e: std::io::Error| -> Box<dyn Iterator<Item = _>> {
                    Box::new(std::iter::once(Err(InputError::new(path, None, e.into()))))
                };
                let mut reader = std::io::BufReader::new(std::io::stdin());
                let mut head = Vec::new();
                let jsonl = match starts_with_record(&mut reader, &mut head) {
                    Ok(j) => j,
                    Err(e) => return fail(path, e),
                };
                let input = std::io::Read::chain(std::io::Cursor::new(head), reader);
                if jsonl {
                    Box::new(jsonl::JsonlReader::new(
                        path,
                        Box::new(std::io::BufReader::new(input)),
                        opts,
                    ))
                } else {
                    let bytes = match read_bounded(input, opts.max_article_bytes, 0) {
                        Ok(b) => b,
                        Err(e) => return fail(path, e),
                    };
                    if bytes.len() as u64 > opts.max_article_bytes {
                        let kind = InputErrorKind::OverLimit {
                            limit: opts.max_article_bytes,
                        };
                        return Box::new(std::iter::once(Err(InputError::new(path, None, kind))));
                    }
                    Box::new(std::iter::once(txt::from_bytes(
                        &path, "stdin", bytes, &opts,
                    )))
                }
            }
            Source::Path(path) => {
                let meta = match std::fs::metadata(&path) {
                    Ok(m) => m,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        return Box::new(std::iter::once(Err(InputError::new(
                            path,
                            None,
                            InputErrorKind::NotFound,
                        ))))
                    }
                    Err(e) => {
                        return Box::new(std::iter::once(Err(InputError::new(
                            path,
                            None,
                            e.into(),
                        ))))
                    }
                };
                if meta.is_dir() {
                    match walk::articles_in(&path) {
                        Ok(files) if files.is_empty() => Box::new(std::iter::once(Err(
                            InputError::new(path, None, InputErrorKind::NoArticles),
                        ))),
                        Ok(files) => {
                            for f in files.into_iter().rev() {
                                self.pending.push_front(Source::Path(f));
                            }
                            Box::new(std::iter::empty())
                        }
                        Err(e) => Box::new(std::iter::once(Err(e))),
                    }
                } else if is_jsonl(&path) {
                    match std::fs::File::open(&path) {
                        Ok(f) => {
                            let reader = jsonl::JsonlReader::new(
                                path.clone(),
                                Box::new(std::io::BufReader::new(f)) as Box<dyn BufRead>,
                                opts,
                            );
                            // a pipe cannot be read twice
                            Box::new(if meta.is_file() {
                                reader.scanning_ids_of(path)
                            } else {
                                reader
                            })
                        }
                        Err(e) => {
                            Box::new(std::iter::once(Err(InputError::new(path, None, e.into()))))
                        }
                    }
                } else {
                    self.current_txt = Some(path.clone());
                    Box::new(std::iter::once(txt::read_file(&path, &opts)))
                }
            }
        }
    }
}

impl Inputs {
    /// `doc`'s id was seen before. A made-up id yields (it gets a suffix); a real id that
    /// an earlier made-up one took is renamed, with a warning, rather than the article
    /// dropped. Otherwise the id stays: the article is a duplicate.
    fn settle_taken_id(&mut self, doc: &mut Document) {
        let earlier_made_up = self.made_up_ids.contains(&doc.id);
        if !doc.id_made_up && !earlier_made_up {
            return;
        }
        let base = doc.id.clone();
        let mut n = 2;
        let mut id = format!("{base}~{n}");
        while self.seen_ids.contains(&id) {
            n += 1;
            id = format!("{base}~{n}");
        }
        if !doc.id_made_up {
            doc.warnings.push(format!(
                "article id {base:?} was made up earlier for a record without an id; this one's id is {id:?}"
            ));
        }
        doc.id = id;
    }
}

fn is_jsonl(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("jsonl") | Some("ndjson")
    )
}

impl Iterator for Inputs {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                match cur.next() {
                    Some(Ok(mut doc)) => {
                        if let Some(path) = &self.current_txt {
                            if let Ok(real) = std::fs::canonicalize(path) {
                                if !self.seen_files.insert(real) {
                                    return Some(Err(InputError::new(
                                        path,
                                        None,
                                        InputErrorKind::Repeated,
                                    )));
                                }
                            }
                            if self.seen_ids.contains(&doc.id) {
                                // another file with the same stem: name this one by its path
                                let base = path.with_extension("").display().to_string();
                                let mut id = base.clone();
                                let mut n = 2;
                                while self.seen_ids.contains(&id) {
                                    id = format!("{base}#{n}");
                                    n += 1;
                                }
                                doc.warnings.push(format!(
                                    "article id {:?} is taken by an earlier file; this one's id is {id:?}",
                                    doc.id
                                ));
                                doc.id = id;
                            }
                        }
                        if self.seen_ids.contains(&doc.id) {
                            self.settle_taken_id(&mut doc);
                        }
                        if doc.id_made_up {
                            self.made_up_ids.insert(doc.id.clone());
                        }
                        if !self.seen_ids.insert(doc.id.clone()) {
                            let (path, line) = split_origin(&doc.origin);
                            return Some(Err(InputError::new(
                                path,
                                line,
                                InputErrorKind::DuplicateId(doc.id),
                            )));
                        }
                        return Some(Ok(doc));
                    }
                    Some(Err(e)) => return Some(Err(e)),
                    None => {
                        self.current = None;
                        self.current_txt = None;
                    }
                }
            }
            let source = self.pending.pop_front()?;
            self.current = Some(self.open(source));
        }
    }
}

fn split_origin(origin: &str) -> (PathBuf, Option<usize>) {
    if let Some((p, l)) = origin.rsplit_once(':') {
        if let Ok(n) = l.parse() {
            return (PathBuf::from(p), Some(n));
        }
    }
    (PathBuf::from(origin), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert_eq!(parse_date(" 2024-05-08 ").as_deref(), Some("2024-05-08"));
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("May 8"), None);
    }

    #[test]
    fn binary_is_refused_and_bad_utf8_replaced() {
        let mut w = Vec::new();
        assert!(decode(Path::new("x"), None, vec![b'a', 0, b'b'], &mut w).is_err());
        let s = decode(Path::new("x"), None, vec![b'a', 0xff, b'b'], &mut w).unwrap();
        assert_eq!(s, "a\u{fffd}b");
        assert_eq!(w.len(), 1);
        assert_eq!(
            w[0],
            "invalid UTF-8 at line 1, byte 1: replaced with U+FFFD (is it Latin-1 or Windows-1252?)"
        );
        let s = decode(
            Path::new("x"),
            None,
            b"ok\nna\xefve \xe9t\xe9".to_vec(),
            &mut w,
        )
        .unwrap();
        assert_eq!(s, "ok\nna\u{fffd}ve \u{fffd}t\u{fffd}");
        assert!(w[1].starts_with("invalid UTF-8 at line 2, byte 5 and 2 more places:"));
        decode(Path::new("x"), Some(7), b"\xff".to_vec(), &mut w).unwrap();
        assert!(w[2].starts_with("invalid UTF-8 at byte 0 of the record:"));
    }

    #[test]
    fn text_files_sharing_a_stem_are_two_articles_and_a_file_given_twice_is_one() {
        let dir = tempfile::tempdir().unwrap();
        for d in ["2023", "2024"] {
            std::fs::create_dir(dir.path().join(d)).unwrap();
            std::fs::write(
                dir.path().join(d).join("story.txt"),
                format!("News of {d}."),
            )
            .unwrap();
        }
        let again = dir.path().join("2023/story.txt");
        let out: Vec<_> =
            Inputs::new(&[dir.path().to_path_buf(), again], IngestOptions::default()).collect();
        assert_eq!(out.len(), 3);
        let first = out[0].as_ref().unwrap();
        assert_eq!((first.id.as_str(), first.warnings.len()), ("story", 0));
        let second = out[1].as_ref().unwrap();
        let renamed = dir.path().join("2024/story").display().to_string();
        assert_eq!(second.id, renamed);
        assert!(second.warnings[0].contains("is taken by an earlier file"));
        let e = out[2].as_ref().unwrap_err();
        assert_eq!((e.reason(), e.line), ("file given twice", None));
        assert!(e.path.ends_with("2023/story.txt"));
    }

    #[test]
    fn records_are_read_as_jsonl_lines_are() {
        let rec = |id: Option<&str>, text: Option<&str>, date: Option<&str>| {
            Ok(Record {
                id: id.map(str::to_string),
                text: text.map(str::to_string),
                date: date.map(str::to_string),
                ..Record::default()
            })
        };
        let options = IngestOptions {
            default_date: Some("2001-02-03".into()),
            ..IngestOptions::default()
        };
        let records = vec![
            rec(Some("a"), Some("One."), Some("2020-01-02T10:00:00Z")),
            rec(None, Some("Two."), Some("unknown")),
            rec(Some("a"), Some("Again."), None),
            rec(Some("c"), None, None),
            rec(Some("d"), Some("  "), None),
            rec(Some("e"), Some("Five."), Some("soon")),
            Err(InputErrorKind::FieldType { field: "text" }),
            rec(Some(" "), Some("Eight."), None),
        ];
        let out: Vec<_> = read_records("<records>", records, options).collect();
        let a = out[0].as_ref().unwrap();
        assert_eq!(
            (a.id.as_str(), a.date.as_deref(), a.origin.as_str()),
            ("a", Some("2020-01-02"), "<records>:1")
        );
        let b = out[1].as_ref().unwrap();
        assert_eq!(
            (b.id.as_str(), b.date.as_deref()),
            ("<records>:2", Some("2001-02-03"))
        );
        let messages: Vec<String> = out[2..7]
            .iter()
            .map(|r| r.as_ref().unwrap_err().to_string())
            .collect();
        assert_eq!(
            messages,
            [
                "<records>:3: duplicate article id \"a\" (the first article with this id is kept)",
                "<records>:4: JSONL record has no \"text\" string",
                "<records>:5: empty article: no text",
                "<records>:6: invalid date \"soon\" (write YYYY-MM-DD, or \"date unknown\")",
                "<records>:7: JSONL record field \"text\" must be a string",
            ]
        );
        assert_eq!(out[7].as_ref().unwrap().id, "<records>:8");
    }

    #[test]
    fn utf16_is_told_apart_from_binary() {
        let mut w = Vec::new();
        let utf16: Vec<u8> = "\u{feff}Macron met Scholz."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let e = decode(Path::new("x"), None, utf16[2..].to_vec(), &mut w).unwrap_err();
        assert!(matches!(e.kind, InputErrorKind::Utf16));
        let e = decode(Path::new("x"), None, utf16, &mut w).unwrap_err();
        assert!(matches!(e.kind, InputErrorKind::Utf16));
        let e = decode(
            Path::new("x"),
            None,
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            &mut w,
        )
        .unwrap_err();
        assert!(matches!(e.kind, InputErrorKind::Binary));
    }
}
