//! JSONL corpora: one article a line, `{"id", "text", "date"?, "title"?, "url"?}`.
//! A bad line is an error naming its line number; the lines after it are still read.
//!
//! A record without an id gets one made from its place, `STEM:LINE` (`corpus:12`), and
//! made-up ids never take an id the file gives: at the first record without an id, a file
//! (not a pipe) is scanned once for the ids its records give in that form, and a made-up
//! id that one of them takes gets a suffix (`corpus:12~2`). Across files and on stdin,
//! [`super::Inputs`] lets a made-up id yield to the real ids read before it, and renames
//! (never drops) a later article whose real id an earlier made-up one took.
//!
//! [`record_document`] is the part that does not depend on JSON: records made in memory
//! ([`super::read_records`]) go through it too.

use super::{decode, parse_date, IngestOptions, Record};
use crate::error::{InputError, InputErrorKind};
use crate::model::Document;
use serde_json::Value;
use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// The longest article id a record may give. Every piece of evidence names its
/// document, in every format: a long id would be repeated as often as the article's
/// sentences give relations.
pub const MAX_ID_BYTES: usize = 512;

pub(super) struct JsonlReader {
    path: PathBuf,
    reader: Box<dyn BufRead>,
    line: usize,
    opts: IngestOptions,
    done: bool,
    /// A non-blank line was read that was text (not binary).
    seen_record: bool,
    /// The file to scan for real ids at the first record without one (None: a pipe).
    scan: Option<PathBuf>,
    /// The ids of the file's records that a made-up id could take (`STEM:…`), once
    /// scanned.
    real_ids: Option<HashSet<String>>,
}

impl JsonlReader {
    pub(super) fn new(path: PathBuf, reader: Box<dyn BufRead>, opts: IngestOptions) -> Self {
        JsonlReader {
            path,
            reader,
            line: 0,
            opts,
            done: false,
            seen_record: false,
            scan: None,
            real_ids: None,
        }
    }

    /// Made-up ids will avoid the ids the file at `path` gives (it is read once more, only
    /// if a record without an id comes).
    pub(super) fn scanning_ids_of(mut self, path: PathBuf) -> Self {
        self.scan = Some(path);
        self
    }

    fn stem(&self) -> String {
        self.path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// `STEM:LINE`, with a suffix when a record of the file gives that id.
    fn made_up_id(&mut self) -> String {
        let stem = self.stem();
        if self.real_ids.is_none() {
            let prefix = format!("{stem}:");
            let ids = match self.scan.take() {
                Some(path) => real_ids(&path, &prefix, self.opts.max_article_bytes),
                None => HashSet::new(),
            };
            self.real_ids = Some(ids);
        }
        let taken = self.real_ids.as_ref().expect("scanned");
        let base = format!("{stem}:{}", self.line);
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}~{n}");
            n += 1;
        }
        id
    }

    fn err(&self, kind: InputErrorKind) -> Option<Result<Document, InputError>> {
        Some(Err(InputError::new(&self.path, Some(self.line), kind)))
    }
}

/// serde's message without its "at line 1 column N" (the record is one line), with the
/// column kept; a record cut off by the end of the file is told apart.
fn json_error(e: &serde_json::Error, complete_line: bool) -> InputErrorKind {
    let msg = e.to_string();
    let msg = match msg.rsplit_once(" at line ") {
        Some((m, _)) => format!("{m} at column {}", e.column()),
        None => msg,
    };
    if e.is_eof() && !complete_line {
        InputErrorKind::Truncated(msg)
    } else {
        InputErrorKind::Json(msg)
    }
}

/// The ids the records of the JSONL file at `path` give that start with `prefix`. Lines
/// that are not records, or over the size limit, are passed over (the reading reports
/// them).
fn real_ids(path: &std::path::Path, prefix: &str, max_article_bytes: u64) -> HashSet<String> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        #[serde(default)]
        id: Option<Value>,
    }
    let mut ids = HashSet::new();
    let Ok(file) = std::fs::File::open(path) else {
        return ids;
    };
    let mut reader: Box<dyn BufRead> = Box::new(std::io::BufReader::new(file));
    let limit = max_article_bytes.saturating_mul(2).saturating_add(1024);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match std::io::Read::take(&mut reader, limit).read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => return ids,
            Ok(_) => {}
        }
        if buf.len() as u64 >= limit && buf.last() != Some(&b'\n') {
            skip_line(&mut reader);
            continue;
        }
        let record = buf.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&buf);
        let id = match serde_json::from_slice::<IdOnly>(record) {
            Ok(IdOnly {
                id: Some(Value::String(s)),
            }) => s,
            Ok(IdOnly {
                id: Some(Value::Number(n)),
            }) => n.to_string(),
            _ => continue,
        };
        if id.starts_with(prefix) {
            ids.insert(id);
        }
    }
}

/// Reads up to and including the next newline, keeping nothing; returns the bytes skipped.
fn skip_line(reader: &mut dyn BufRead) -> u64 {
    let mut skipped = 0u64;
    loop {
        let (n, found) = match reader.fill_buf() {
            Ok([]) | Err(_) => return skipped,
            Ok(buf) => match buf.iter().position(|&b| b == b'\n') {
                Some(p) => (p + 1, true),
                None => (buf.len(), false),
            },
        };
        reader.consume(n);
        skipped += n as u64;
        if found {
            return skipped;
        }
    }
}

fn string_field(
    obj: &serde_json::Map<String, Value>,
    field: &'static str,
) -> Result<Option<String>, InputErrorKind> {
    match obj.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if field == "id" && s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) if field == "id" => Ok(Some(n.to_string())),
        Some(_) => Err(InputErrorKind::FieldType { field }),
    }
}

/// What every record's text must be, wherever the record comes from: not binary, not
/// empty, within the size limit.
pub(super) fn check_text(text: &str, opts: &IngestOptions) -> Result<(), InputErrorKind> {
    if text.contains('\0') {
        return Err(InputErrorKind::Binary);
    }
    if text.trim().is_empty() {
        return Err(InputErrorKind::Empty);
    }
    if text.len() as u64 > opts.max_article_bytes {
        return Err(InputErrorKind::TooLarge {
            size: text.len() as u64,
            limit: opts.max_article_bytes,
        });
    }
    Ok(())
}

/// The document of record `line` of `path`, its text checked ([`check_text`]): the date
/// `YYYY-MM-DD` (a timestamp is cut to its date; empty or `unknown` is no date, and then
/// the default date), and without an id (or a blank one) `{stem}:{line}`.
pub(super) fn record_document(
    path: &Path,
    line: usize,
    record: Record,
    opts: &IngestOptions,
    warnings: Vec<String>,
) -> Result<Document, InputErrorKind> {
    let Record {
        id,
        text,
        date,
        title,
        url,
    } = record;
    if let Some(length) = id.as_ref().map(String::len).filter(|&n| n > MAX_ID_BYTES) {
        return Err(InputErrorKind::LongId {
            length,
            limit: MAX_ID_BYTES,
        });
    }
    let text = text.ok_or(InputErrorKind::MissingText)?;
    check_text(&text, opts)?;
    let date = match date {
        Some(d) if d.trim().is_empty() || d.trim().eq_ignore_ascii_case("unknown") => None,
        Some(d) => match parse_date(&d).or_else(|| d.get(..10).and_then(parse_date)) {
            Some(ok) => Some(ok),
            None => return Err(InputErrorKind::BadDate(d)),
        },
        None => None,
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id_made_up = id.as_ref().is_none_or(|id| id.trim().is_empty());
    Ok(Document {
        id: id
            .filter(|id| !id.trim().is_empty())
            .unwrap_or_else(|| format!("{stem}:{line}")),
        id_made_up,
        text,
        body_start: 0,
        date: date.or_else(|| opts.default_date.clone()),
        title,
        url,
        origin: format!("{}:{line}", path.display()),
        warnings,
    })
}

impl Iterator for JsonlReader {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let mut buf = Vec::new();
            // Bound one line's size: a runaway line is refused, not loaded whole.
            let limit = self
                .opts
                .max_article_bytes
                .saturating_mul(2)
                .saturating_add(1024);
            let read = std::io::Read::take(&mut self.reader, limit).read_until(b'\n', &mut buf);
            match read {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    self.line += 1;
                    return self.err(e.into());
                }
            }
            self.line += 1;
            if buf.len() as u64 >= limit && buf.last() != Some(&b'\n') {
                // skip the rest of this over-long line, without holding it
                let rest = skip_line(&mut self.reader);
                return self.err(InputErrorKind::TooLarge {
                    size: buf.len() as u64 + rest,
                    limit: self.opts.max_article_bytes,
                });
            }
            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            let complete = buf.last() == Some(&b'\n');
            let mut warnings = Vec::new();
            let line_text = match decode(&self.path, Some(self.line), buf, &mut warnings) {
                Ok(s) => s,
                Err(e) => {
                    if !self.seen_record {
                        // a binary or UTF-16 file: one message, not one per "line"
                        self.done = true;
                    }
                    return Some(Err(e));
                }
            };
            self.seen_record = true;
            let record = line_text.trim_end();
            let record = if self.line == 1 {
                record.trim_start_matches('\u{feff}')
            } else {
                record
            };
            let value: Value = match serde_json::from_str(record) {
                Ok(v) => v,
                Err(e) => return self.err(json_error(&e, complete)),
            };
            let Value::Object(obj) = value else {
                return self.err(InputErrorKind::Json(
                    "a record must be a JSON object".into(),
                ));
            };
            let text = match string_field(&obj, "text") {
                Ok(Some(t)) => t,
                Ok(None) => return self.err(InputErrorKind::MissingText),
                Err(k) => return self.err(k),
            };
            if let Err(k) = check_text(&text, &self.opts) {
                return self.err(k);
            }
            let mut fields = [None, None, None, None];
            for (slot, name) in fields.iter_mut().zip(["id", "date", "title", "url"]) {
                match string_field(&obj, name) {
                    Ok(v) => *slot = v,
                    Err(k) => return self.err(k),
                }
            }
            let [id, date, title, url] = fields;
            // a made-up id is made here, where the file's real ids are known
            let made_up = id.as_ref().is_none_or(|id| id.trim().is_empty());
            let id = if made_up { Some(self.made_up_id()) } else { id };
            let fields = Record {
                id,
                text: Some(text),
                date,
                title,
                url,
            };
            return Some(
                record_document(&self.path, self.line, fields, &self.opts, warnings)
                    .map(|mut doc| {
                        doc.id_made_up = made_up;
                        doc
                    })
                    .map_err(|k| InputError::new(&self.path, Some(self.line), k)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(s: &str) -> Vec<Result<Document, InputError>> {
        JsonlReader::new(
            PathBuf::from("c.jsonl"),
            Box::new(std::io::Cursor::new(s.as_bytes().to_vec())),
            IngestOptions::default(),
        )
        .collect()
    }

    #[test]
    fn good_and_bad_lines_are_told_apart_by_line_number() {
        let out = read_all("{\"id\":\"a\",\"text\":\"One.\",\"date\":\"2020-01-02\"}\n\n{\"id\":\"b\"}\n{broken\n{\"id\":\"c\",\"text\":\"Three.\",\"date\":\"2020-01-02T10:00:00Z\"}\n{\"id\":\"d\",\"text\":\"x\",\"date\":\"soon\"}\n");
        assert_eq!(out.len(), 5);
        let a = out[0].as_ref().unwrap();
        assert_eq!(
            (a.id.as_str(), a.date.as_deref(), a.origin.as_str()),
            ("a", Some("2020-01-02"), "c.jsonl:1")
        );
        let e = out[1].as_ref().unwrap_err();
        assert_eq!((e.line, e.reason()), (Some(3), "JSONL without text"));
        let e = out[2].as_ref().unwrap_err();
        assert_eq!((e.line, e.reason()), (Some(4), "malformed JSONL"));
        assert_eq!(out[3].as_ref().unwrap().date.as_deref(), Some("2020-01-02"));
        assert_eq!(out[4].as_ref().unwrap_err().reason(), "invalid date");
    }

    #[test]
    fn truncated_last_line_is_an_error() {
        let out = read_all("{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"te");
        assert!(out[0].is_ok());
        let e = out[1].as_ref().unwrap_err();
        assert_eq!((e.line, e.reason()), (Some(2), "truncated JSONL"));
        assert_eq!(
            e.to_string(),
            "c.jsonl:2: truncated record: the file ends inside it (EOF while parsing a string at column 13)"
        );
        // cut short but followed by more lines: malformed, and the column is the record's
        let out = read_all("{\"id\":\"b\",\"te\n{\"text\":\"Two.\"}\n");
        assert_eq!(
            out[0].as_ref().unwrap_err().to_string(),
            "c.jsonl:1: not valid JSON: EOF while parsing a string at column 13"
        );
        assert!(out[1].is_ok());
    }

    #[test]
    fn bom_blank_ids_and_binary_files() {
        let out = read_all(
            "\u{feff}{\"id\":\" \",\"text\":\"One.\"}\r\n{\"id\":\"\",\"text\":\"Two.\"}\r\n",
        );
        let ids: Vec<&str> = out
            .iter()
            .map(|d| d.as_ref().unwrap().id.as_str())
            .collect();
        assert_eq!(ids, vec!["c:1", "c:2"]);
        // a binary file is one error, not one per line
        let out = read_all("\u{0}\u{1}\n\u{0}\n\u{0}\n");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].as_ref().unwrap_err().reason(), "binary");
        // a NUL-bearing line after good records is skipped alone
        let out = read_all("{\"text\":\"One.\"}\n\u{0}\n{\"text\":\"Three.\"}\n");
        assert_eq!(out.len(), 3);
        assert!(out[0].is_ok() && out[1].is_err() && out[2].is_ok());
    }
}
