//! Plain-text articles. The first line may be a date header, ` date 2024-05-08 ` or
//! ` date unknown `, as in the project's sample article; the id is the file stem.

use super::{decode, parse_date, read_bounded, IngestOptions};
use crate::error::{InputError, InputErrorKind};
use crate::model::{is_format_char, Document};
use std::path::Path;

pub(super) fn read_file(path: &Path, opts: &IngestOptions) -> Result<Document, InputError> {
    let file = std::fs::File::open(path).map_err(|e| InputError::new(path, None, e.into()))?;
    let meta = file.metadata().ok();
    // a pipe or a device has no size to check beforehand: it is read up to the limit
    let regular = meta.as_ref().is_some_and(|m| m.is_file());
    let size = meta.map(|m| m.len()).unwrap_or(0);
    if regular && size > opts.max_article_bytes {
        return Err(InputError::new(
            path,
            None,
            InputErrorKind::TooLarge {
                size,
                limit: opts.max_article_bytes,
            },
        ));
    }
    let bytes = read_bounded(file, opts.max_article_bytes, size as usize)
        .map_err(|e| InputError::new(path, None, e.into()))?;
    if !regular && bytes.len() as u64 > opts.max_article_bytes {
        return Err(InputError::new(
            path,
            None,
            InputErrorKind::OverLimit {
                limit: opts.max_article_bytes,
            },
        ));
    }
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    from_bytes(path, &id, bytes, opts)
}

pub(super) fn from_bytes(
    path: &Path,
    id: &str,
    bytes: Vec<u8>,
    opts: &IngestOptions,
) -> Result<Document, InputError> {
    if bytes.len() as u64 > opts.max_article_bytes {
        return Err(InputError::new(
            path,
            None,
            InputErrorKind::TooLarge {
                size: bytes.len() as u64,
                limit: opts.max_article_bytes,
            },
        ));
    }
    let mut warnings = Vec::new();
    let text = decode(path, None, bytes, &mut warnings)?;
    let (date, body_start) = match date_header(&text) {
        Header::Absent => (None, 0),
        Header::Date { date, end, warning } => {
            warnings.extend(warning);
            (date, end)
        }
        Header::BadDate(value) => {
            return Err(InputError::new(
                path,
                Some(1),
                InputErrorKind::BadDate(value),
            ))
        }
        Header::NotADate(warning) => {
            warnings.push(warning);
            (None, 0)
        }
    };
    if text[body_start..].trim().is_empty() {
        return Err(InputError::new(path, None, InputErrorKind::Empty));
    }
    Ok(Document {
        id: id.to_string(),
        body_start,
        date: date.or_else(|| opts.default_date.clone()),
        title: None,
        url: None,
        origin: path.display().to_string(),
        warnings,
        id_made_up: false,
        text,
    })
}

/// What the first line says about the article's date.
#[derive(Debug, PartialEq)]
enum Header {
    /// No date header: the body is the whole text.
    Absent,
    /// A date header (`date unknown` gives no date); the body starts at `end`. A header
    /// that is not written exactly ` date VALUE ` (`Date: …`, words after the date) is
    /// read too, with a warning when words are left over.
    Date {
        date: Option<String>,
        end: usize,
        warning: Option<String>,
    },
    /// ` date VALUE ` with a VALUE that is no date: the article is refused.
    BadDate(String),
    /// A first line that starts like a date header but holds no date: read as text, with
    /// this warning (the date is not lost without a word).
    NotADate(String),
}

/// Reads a first line of the form ` date VALUE ` (or nearly: any case, a colon after
/// `date`, format characters, words after the date). Lines end at `\n`, `\r\n`, a
/// lone `\r` (old Mac files), NEL, U+2028 or U+2029, as the tokenizer's do.
fn date_header(text: &str) -> Header {
    let text_start = text.len() - text.trim_start_matches('\u{feff}').len();
    let rest = &text[text_start..];
    let line_end = match rest.find(['\n', '\r', '\u{85}', '\u{2028}', '\u{2029}']) {
        Some(i) if rest[i..].starts_with("\r\n") => i + 2,
        Some(i) => i + rest[i..].chars().next().map_or(1, char::len_utf8),
        None => rest.len(),
    };
    // format characters (a zero-width space after "date") do not hide a header
    let line: String = rest[..line_end]
        .chars()
        .filter(|&c| !is_format_char(c))
        .collect();
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some(first) = words.first() else {
        return Header::Absent;
    };
    if !first.trim_end_matches(':').eq_ignore_ascii_case("date") {
        return Header::Absent;
    }
    let end = text_start + line_end;
    let value = words.get(1).copied().unwrap_or("");
    let exact = *first == "date" && words.len() == 2;
    let date = if value.eq_ignore_ascii_case("unknown") {
        Some(None)
    } else {
        parse_date(value.trim_end_matches([',', ';', '.'])).map(Some)
    };
    match date {
        Some(date) => Header::Date {
            date,
            end,
            warning: (words.len() > 2).then(|| {
                format!(
                    "line 1 is read as a date header; the words after its date are ignored: {:?}",
                    shorten(&words[2..].join(" "))
                )
            }),
        },
        None if exact => Header::BadDate(value.to_string()),
        // "Date night in Paris" is no header; "Date: May 8" and "date 8/5/2024 …" are
        None if !first.ends_with(':') && !value.starts_with(|c: char| c.is_ascii_digit()) => {
            Header::Absent
        }
        None => Header::NotADate(format!(
            "line 1 starts like a date header but holds no date written YYYY-MM-DD or \"unknown\": {:?}; it is read as text, and the article has no date of its own (write \" date 2024-05-08 \" alone on the first line)",
            shorten(line.trim())
        )),
    }
}

/// At most 60 characters of a line quoted in a warning.
fn shorten(s: &str) -> String {
    if s.chars().count() <= 60 {
        return s.to_string();
    }
    let mut t: String = s.chars().take(59).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Result<Document, InputError> {
        from_bytes(
            Path::new("a.txt"),
            "a",
            s.as_bytes().to_vec(),
            &IngestOptions::default(),
        )
    }

    #[test]
    fn header_gives_the_date_and_the_body_start() {
        let d = read(" date 2024-05-08 \n\nHello world.").unwrap();
        assert_eq!(d.date.as_deref(), Some("2024-05-08"));
        assert_eq!(d.body(), "\nHello world.");
        let d = read(" date unknown \nHello.").unwrap();
        assert_eq!(d.date, None);
        let d = read("Hello, no header.").unwrap();
        assert_eq!(d.body_start, 0);
    }

    #[test]
    fn headers_that_are_nearly_date_headers_are_read_or_warned_about() {
        // lone CR and CRLF line ends, another case, a colon, a zero-width space
        for text in [
            " date 2024-05-08 \rHello world.",
            " date 2024-05-08 \r\nHello world.",
            " date 2024-05-08\u{2028}Hello world.",
            " date 2024-05-08\u{85}Hello world.",
            "Date: 2024-05-08\nHello world.",
            "DATE 2024-05-08\nHello world.",
            "date\u{200b} 2024-05-08\nHello world.",
            "\u{feff}date 2024-05-08,\nHello world.",
        ] {
            let d = read(text).unwrap();
            assert_eq!(d.date.as_deref(), Some("2024-05-08"), "{text:?}");
            assert_eq!(d.body().trim_start(), "Hello world.", "{text:?}");
            assert!(d.warnings.is_empty(), "{text:?}: {:?}", d.warnings);
        }
        // words after the date: the date is read, the words are named
        let d = read(" date 2024-05-08 extra words \nHello.").unwrap();
        assert_eq!(d.date.as_deref(), Some("2024-05-08"));
        assert_eq!(d.body(), "Hello.");
        assert_eq!(
            d.warnings,
            vec!["line 1 is read as a date header; the words after its date are ignored: \"extra words\""]
        );
        // like a header, but no date in it: read as text, with a warning
        let d = read("Date: May 8, 2024\nHello.").unwrap();
        assert_eq!((d.date.as_deref(), d.body_start), (None, 0));
        assert!(d.warnings[0].starts_with("line 1 starts like a date header but holds no date written YYYY-MM-DD or \"unknown\": \"Date: May 8, 2024\""), "{:?}", d.warnings);
        // an article that merely starts with the word is no header
        for text in ["Date night ideas for Paris.", "Dates 2024-05-08 are set."] {
            let d = read(text).unwrap();
            assert!(d.warnings.is_empty() && d.body_start == 0, "{text:?}");
        }
        let d = read("date 05/08/2024 Reuters\nHello.").unwrap();
        assert!(
            d.warnings[0].contains("\"date 05/08/2024 Reuters\""),
            "{:?}",
            d.warnings
        );
        let d = read(" date unknown extra\rHello.").unwrap();
        assert_eq!((d.date.as_deref(), d.body()), (None, "Hello."));
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn bad_header_and_empty_are_errors() {
        let e = read(" date 2024-13-40 \nHello.").unwrap_err();
        assert!(matches!(e.kind, InputErrorKind::BadDate(_)));
        assert_eq!(
            e.to_string(),
            "a.txt:1: invalid date \"2024-13-40\" (write YYYY-MM-DD, or \"date unknown\")"
        );
        assert!(matches!(
            read(" \n\n").unwrap_err().kind,
            InputErrorKind::Empty
        ));
        assert!(matches!(
            read(" date 2024-01-01\n  ").unwrap_err().kind,
            InputErrorKind::Empty
        ));
    }
}
