//! The format every data file shares (`data/README.md`, "Common format"): UTF-8 text,
//! `#` comment lines and blank lines ignored, one header row that says which kind of file
//! it is, then one row a line with exactly as many tab-separated fields as the header.
//! [`DataFile`] reads it; the language and the lexicon give each kind its meaning. Every
//! error names the file and the line. [`read_user_file`] reads a user's file from disk
//! with a size limit, so that a wrong path (`/dev/zero`, an endless pipe, a disk image)
//! is refused quickly and named rather than read until memory runs out.

use crate::error::{DataError, DataErrorKind};
use std::io::Read;
use std::path::Path;

/// The largest data file a user may give: 64 MiB, 45 times the largest shipped file
/// (`data/actors/people.tsv`), and a few million rows.
pub const MAX_USER_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a user's data file (a regular file, or a pipe such as `<(grep … file)`):
/// at most `limit` bytes, text only. Errors name the file, and the line for NUL bytes
/// and invalid UTF-8.
pub fn read_user_file(path: &Path, limit: u64) -> Result<String, DataError> {
    let file = path.display().to_string();
    let err = |line: usize, kind: DataErrorKind| DataError {
        file: file.clone(),
        line,
        kind,
    };
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(err(0, DataErrorKind::Directory));
    }
    let handle = std::fs::File::open(path).map_err(|e| err(0, DataErrorKind::Unreadable(e)))?;
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut reader = handle.take(limit.saturating_add(1));
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(err(0, DataErrorKind::Unreadable(e))),
        };
        // NUL is no text: stop at once (`/dev/zero`, an image) rather than at the limit
        if let Some(at) = chunk[..n].iter().position(|&b| b == 0) {
            bytes.extend_from_slice(&chunk[..at]);
            return Err(err(line_of(&bytes, bytes.len()), DataErrorKind::Binary));
        }
        bytes.extend_from_slice(&chunk[..n]);
        if bytes.len() as u64 > limit {
            return Err(err(0, DataErrorKind::TooLarge { limit }));
        }
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line_start = bytes[..at]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        err(
            line_of(bytes, at),
            DataErrorKind::InvalidUtf8 {
                byte: at - line_start + 1,
            },
        )
    })?;
    Ok(as_read(text))
}

/// A data file's text as the extractor reads articles: NFC, without format characters
/// (a byte-order mark, zero-width joiners), so that its names match the text's.
pub fn as_read(text: String) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if !text.chars().any(crate::model::is_format_char)
        && is_nfc_quick(text.chars()) == IsNormalized::Yes
    {
        return text;
    }
    text.chars()
        .filter(|&c| !crate::model::is_format_char(c))
        .nfc()
        .collect()
}

/// The 1-based line of byte offset `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    1 + bytes[..at].iter().filter(|&&b| b == b'\n').count()
}

/// A data file's rows, after its header.
pub struct DataFile<'t> {
    file: &'t str,
    lines: std::iter::Enumerate<Lines<'t>>,
    /// The row read in place of a header (a header-less word list).
    pending: Option<(usize, &'t str)>,
    width: usize,
}

/// The most fields a header may have (the widest shipped header has 6). Rows keep their
/// fields in an array of this size rather than a vector: a vector a row was a third of
/// the instructions of building the lexicon, on every run (issue 16).
pub const MAX_FIELDS: usize = 8;

/// One row: its 1-based line and its fields, trimmed.
pub struct Row<'t> {
    pub line: usize,
    fields: [&'t str; MAX_FIELDS],
}

impl<'t> Row<'t> {
    /// Field `i` (every row has as many as the header).
    pub fn field(&self, i: usize) -> &'t str {
        self.fields[i]
    }
}

impl<'t> DataFile<'t> {
    /// Reads the header: which of `headers` the file has (its index), and the rows after
    /// it. With `headerless: Some(k)`, a file whose first row is one field and no header
    /// is of kind `k`, and that row is its first word.
    pub fn open(
        file: &'t str,
        text: &'t str,
        headers: &[&str],
        headerless: Option<usize>,
    ) -> Result<(usize, DataFile<'t>), DataError> {
        let mut data = DataFile {
            file,
            lines: Lines { rest: text }.enumerate(),
            pending: None,
            width: 0,
        };
        let Some((line, first)) = data.next_line() else {
            return Err(data.error(0, DataErrorKind::NoHeader));
        };
        let header = first.trim();
        let kind = match headers.iter().position(|h| *h == header) {
            Some(k) => k,
            None => match headerless {
                Some(k) if !header.contains('\t') => {
                    data.pending = Some((line, first));
                    k
                }
                _ => {
                    let expected = headers
                        .iter()
                        .map(|h| format!("{:?}", h.replace('\t', " TAB ")))
                        .collect::<Vec<_>>()
                        .join(", ");
                    return Err(data.error(
                        line,
                        DataErrorKind::UnknownHeader {
                            found: header.to_string(),
                            expected,
                        },
                    ));
                }
            },
        };
        data.width = headers[kind].split('\t').count();
        assert!(
            data.width <= MAX_FIELDS,
            "a header of {} fields: MAX_FIELDS is {MAX_FIELDS}",
            data.width
        );
        Ok((kind, data))
    }

    /// An error at `line` of this file.
    pub fn error(&self, line: usize, kind: DataErrorKind) -> DataError {
        DataError {
            file: self.file.to_string(),
            line,
            kind,
        }
    }

    /// The next line that is neither blank nor a comment, without its `\r`.
    fn next_line(&mut self) -> Option<(usize, &'t str)> {
        for (i, raw) in self.lines.by_ref() {
            let line = raw.trim_end_matches('\r');
            if !matches!(line.trim_start().as_bytes().first(), None | Some(b'#')) {
                return Some((i + 1, line));
            }
        }
        None
    }
}

/// The lines of a text without their `\n`, as `str::lines` but found with SIMD: the
/// shipped files are 30,000 lines read on every run.
struct Lines<'t> {
    rest: &'t str,
}

impl<'t> Iterator for Lines<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        if self.rest.is_empty() {
            return None;
        }
        let (line, rest) = match memchr::memchr(b'\n', self.rest.as_bytes()) {
            Some(end) => (&self.rest[..end], &self.rest[end + 1..]),
            None => (self.rest, ""),
        };
        self.rest = rest;
        Some(line)
    }
}

/// Splits `line` at its tabs into `fields`, each trimmed, and says how many fields the line
/// has (more than `fields` holds when it is too long). Tabs are ASCII, so the byte scan
/// cuts only at character boundaries.
fn split_fields<'t>(line: &'t str, fields: &mut [&'t str; MAX_FIELDS]) -> usize {
    let mut found = 0;
    let mut start = 0;
    for end in memchr::memchr_iter(b'\t', line.as_bytes()).chain(std::iter::once(line.len())) {
        if let Some(slot) = fields.get_mut(found) {
            *slot = trim_field(&line[start..end]);
        }
        found += 1;
        start = end + 1;
    }
    found
}

/// A field without surrounding whitespace; most fields have none, and an ASCII letter at
/// both ends says so without decoding.
fn trim_field(field: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let bytes = field.as_bytes();
    if plain(bytes.first()) && plain(bytes.last()) {
        field
    } else {
        field.trim()
    }
}

impl<'t> Iterator for DataFile<'t> {
    type Item = Result<Row<'t>, DataError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (line, text) = self.pending.take().or_else(|| self.next_line())?;
        let mut fields = [""; MAX_FIELDS];
        let found = split_fields(text, &mut fields);
        if found != self.width {
            let kind = DataErrorKind::FieldCount {
                found,
                expected: self.width,
            };
            return Some(Err(self.error(line, kind)));
        }
        if fields[0].is_empty() {
            return Some(Err(self.error(line, DataErrorKind::EmptyFirstField)));
        }
        Some(Ok(Row { line, fields }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADERS: &[&str] = &["a\tb", "word"];

    fn rows(text: &str, headerless: Option<usize>) -> Result<(usize, Vec<Vec<String>>), String> {
        let (kind, file) =
            DataFile::open("f.tsv", text, HEADERS, headerless).map_err(|e| e.to_string())?;
        let rows = file
            .map(|r| {
                r.map(|r| {
                    (0..HEADERS[kind].split('\t').count())
                        .map(|i| r.field(i).to_string())
                        .collect()
                })
            })
            .collect::<Result<_, _>>()
            .map_err(|e| e.to_string())?;
        Ok((kind, rows))
    }

    #[test]
    fn comments_header_and_rows() {
        let got = rows("# about\n\na\tb\n x \t y \r\n# more\nz\t\n", None).unwrap();
        assert_eq!(
            got,
            (
                0,
                vec![vec!["x".into(), "y".into()], vec!["z".into(), "".into()]]
            )
        );
        assert_eq!(
            rows("word\nthe\n", None).unwrap(),
            (1, vec![vec!["the".into()]])
        );
    }

    #[test]
    fn lines_are_those_of_str_lines() {
        for text in ["", "a", "a\n", "a\n\nb", "\n\n", "x\r\ny\r\n", "é\nü"] {
            let ours: Vec<&str> = Lines { rest: text }
                .map(|l| l.trim_end_matches('\r'))
                .collect();
            assert_eq!(ours, text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }

    #[test]
    fn fields_are_split_at_tabs_and_trimmed_of_any_whitespace() {
        let mut fields = [""; MAX_FIELDS];
        // a no-break space and an ideographic space are whitespace to `str::trim` too
        assert_eq!(
            split_fields("é\t\u{a0}Zürich \t\t x\u{3000}", &mut fields),
            4
        );
        assert_eq!(fields[..4], ["é", "Zürich", "", "x"]);
        // a line of more fields than a row holds is counted whole, for the error
        let long = "a\t".repeat(11);
        assert_eq!(split_fields(&long, &mut fields), 12);
        assert_eq!(fields, ["a"; MAX_FIELDS]);
    }

    #[test]
    fn errors_name_file_and_line() {
        assert_eq!(
            rows("# only\n", None).unwrap_err(),
            "f.tsv:0: no header row: nothing to read"
        );
        assert_eq!(
            rows("a b\n", None).unwrap_err(),
            "f.tsv:1: unknown header row \"a b\"; expected one of: \"a TAB b\", \"word\""
        );
        assert_eq!(
            rows("a\tb\nx\n", None).unwrap_err(),
            "f.tsv:2: 1 fields where the header has 2"
        );
        assert_eq!(
            rows("a\tb\nx\ty\tz\tw\tv\tu\tt\ts\tr\tq\n", None).unwrap_err(),
            "f.tsv:2: 10 fields where the header has 2"
        );
        assert_eq!(
            rows("a\tb\n\ty\n", None).unwrap_err(),
            "f.tsv:2: the first field is empty"
        );
    }

    #[test]
    fn user_files_are_read_with_a_limit_and_located_errors() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        };
        let ok = write("ok.tsv", "word\nthe\n".as_bytes());
        assert_eq!(read_user_file(&ok, 100).unwrap(), "word\nthe\n");
        let message = |p: &Path, limit: u64| read_user_file(p, limit).unwrap_err().to_string();
        let big = write("big.tsv", "word\nx\n".repeat(100).as_bytes());
        assert_eq!(
            message(&big, 100),
            format!(
                "{}:0: more than 100 bytes, the limit for a data file; is it the right file?",
                big.display()
            )
        );
        let nul = write("nul.tsv", b"word\nthe\na\0b\n");
        assert!(message(&nul, 100)
            .ends_with("nul.tsv:3: binary data (NUL bytes), not a text data file"));
        let latin = write("latin.tsv", b"word\ncaf\xe9\n");
        assert!(message(&latin, 100)
            .ends_with("latin.tsv:2: invalid UTF-8 at byte 4 of the line; data files are UTF-8"));
        assert!(message(dir.path(), 100).ends_with(":0: a directory, not a data file"));
        assert!(message(&dir.path().join("missing"), 100).contains(":0: cannot read: "));
    }

    #[test]
    fn user_files_are_read_as_articles_are_nfc_without_format_characters() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bom.tsv");
        std::fs::write(&p, "\u{feff}word\nJose\u{301} Pu\u{200d}tin\n").unwrap();
        assert_eq!(read_user_file(&p, 1000).unwrap(), "word\nJosé Putin\n");
    }

    #[cfg(unix)]
    #[test]
    fn endless_devices_stop_at_the_first_nul_or_the_limit() {
        let started = std::time::Instant::now();
        let e = read_user_file(Path::new("/dev/zero"), MAX_USER_FILE_BYTES).unwrap_err();
        assert_eq!(
            e.to_string(),
            "/dev/zero:1: binary data (NUL bytes), not a text data file"
        );
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn a_headerless_word_list_starts_with_its_first_word() {
        assert_eq!(
            rows("# words\nthe\na\n", Some(1)).unwrap(),
            (1, vec![vec!["the".into()], vec!["a".into()]])
        );
        // a row of several fields is no word: the header is unknown
        assert!(rows("x\ty\n", Some(1)).is_err());
    }
}
