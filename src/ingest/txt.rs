//! Plain-text articles. The first line may be a date header, ` date 2024-05-08 ` or
//! ` date unknown `, as in the project's sample article; the id is the file stem.

use super::{decode, parse_date, read_bounded, IngestOptions};
use crate::error::{InputError, InputErrorKind};
use crate::model::Document;
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
        Some((value, end)) => {
            if value.eq_ignore_ascii_case("unknown") {
                (None, end)
            } else {
                match parse_date(value) {
                    Some(d) => (Some(d), end),
                    None => {
                        return Err(InputError::new(
                            path,
                            Some(1),
                            InputErrorKind::BadDate(value.to_string()),
                        ))
                    }
                }
            }
        }
        None => (None, 0),
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

/// Finds a first line of the form `date VALUE` and returns VALUE and the byte offset
/// just after that line.
fn date_header(text: &str) -> Option<(&str, usize)> {
    let text_start = text.len() - text.trim_start_matches('\u{feff}').len();
    let rest = &text[text_start..];
    let line_end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
    let line = rest[..line_end].trim();
    let mut words = line.split_whitespace();
    if words.next()? != "date" {
        return None;
    }
    let value = words.next()?;
    if words.next().is_some() {
        return None;
    }
    Some((value, text_start + line_end))
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
