//! The format every data file shares (`data/README.md`, "Common format"): UTF-8 text,
//! `#` comment lines and blank lines ignored, one header row that says which kind of file
//! it is, then one row a line with exactly as many tab-separated fields as the header.
//! [`DataFile`] reads it; the language and the lexicon give each kind its meaning. Every
//! error names the file and the line.

use crate::error::{DataError, DataErrorKind};

/// A data file's rows, after its header.
pub struct DataFile<'t> {
    file: &'t str,
    lines: std::iter::Enumerate<std::str::Lines<'t>>,
    /// The row read in place of a header (a header-less word list).
    pending: Option<(usize, &'t str)>,
    width: usize,
}

/// One row: its 1-based line and its fields, trimmed.
pub struct Row<'t> {
    pub line: usize,
    fields: Vec<&'t str>,
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
            lines: text.lines().enumerate(),
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
            if !(line.trim().is_empty() || line.trim_start().starts_with('#')) {
                return Some((i + 1, line));
            }
        }
        None
    }
}

impl<'t> Iterator for DataFile<'t> {
    type Item = Result<Row<'t>, DataError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (line, text) = self.pending.take().or_else(|| self.next_line())?;
        let fields: Vec<&str> = text.split('\t').map(str::trim).collect();
        if fields.len() != self.width {
            let kind = DataErrorKind::FieldCount {
                found: fields.len(),
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
            rows("a\tb\n\ty\n", None).unwrap_err(),
            "f.tsv:2: the first field is empty"
        );
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
