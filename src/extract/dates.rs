//! Dates of events: the article date, moved by a relative expression in the sentence
//! ("on Tuesday", "yesterday", "last week") or replaced by an explicit one ("on May 7",
//! "7 May 2024"). News reports past events, so a weekday means the latest such day on or
//! before the article date.

use crate::language::Language;
use crate::text::Token;
use chrono::{Datelike, Duration, NaiveDate};

fn day_number(lang: &Language, word: &str) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = &word[digits.len()..];
    if !(rest.is_empty() || lang.ordinal_suffixes.contains(rest)) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// The article date as a date, parsed once per document for [`event_date`].
pub fn article_date(article: Option<&str>) -> Option<NaiveDate> {
    article.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// The date of an event told in `tokens`, whose lower-case words are `words` (a
/// sentence's `lower`), given the article date ([`article_date`]).
pub fn event_date(
    lang: &Language,
    tokens: &[Token<'_>],
    words: &[String],
    base: Option<NaiveDate>,
) -> Option<String> {
    for (i, w) in words.iter().enumerate() {
        // explicit "May 7", "May 7, 2024", "7 May 2024"
        if let Some(m) = (tokens.get(i).is_some_and(Token::is_capitalized))
            .then(|| lang.month(w))
            .flatten()
        {
            // "Jan. 5": the abbreviation's full stop is a token of its own
            let next = if words.get(i + 1).map(String::as_str) == Some(".") {
                i + 2
            } else {
                i + 1
            };
            let (day, year_at) = if let Some(d) = words.get(next).and_then(|n| day_number(lang, n))
            {
                let y = if words.get(next + 1).map(String::as_str) == Some(",") {
                    next + 2
                } else {
                    next + 1
                };
                (Some(d), y)
            } else if let Some(d) = i.checked_sub(1).and_then(|p| day_number(lang, &words[p])) {
                (Some(d), i + 1)
            } else {
                (None, i + 1)
            };
            if let Some(d) = day {
                let year = words
                    .get(year_at)
                    .and_then(|y| y.parse::<i32>().ok())
                    .filter(|y| (1800..=2200).contains(y));
                let year = year.or_else(|| {
                    // no year: the latest such date not after the article date
                    let b = base?;
                    let this = NaiveDate::from_ymd_opt(b.year(), m, d)?;
                    Some(if this > b { b.year() - 1 } else { b.year() })
                });
                if let Some(date) = year.and_then(|y| NaiveDate::from_ymd_opt(y, m, d)) {
                    return Some(date.format("%Y-%m-%d").to_string());
                }
            }
        }
        let Some(b) = base else { continue };
        let moved = match lang.days_before(words, i) {
            Some(days) => Some(b - Duration::days(days)),
            // a weekday: the latest such day on or before the article date
            None => lang.weekday(w).map(|wd| {
                let back = (7 + b.weekday().num_days_from_monday() as i64 - (wd as i64 - 1)) % 7;
                b - Duration::days(back)
            }),
        };
        if let Some(d) = moved {
            return Some(d.format("%Y-%m-%d").to_string());
        }
    }
    base.map(|d| d.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn date(s: &str, article: &str) -> Option<String> {
        let tokens = tokenize(s, 0);
        let words: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        event_date(&english(), &tokens, &words, article_date(Some(article)))
    }

    fn english() -> Language {
        Language::builtin().unwrap()
    }

    #[test]
    fn relative_expressions_move_the_article_date() {
        // 2024-05-08 is a Wednesday
        assert_eq!(
            date("He spoke on Tuesday.", "2024-05-08").as_deref(),
            Some("2024-05-07")
        );
        assert_eq!(
            date("He spoke on Wednesday.", "2024-05-08").as_deref(),
            Some("2024-05-08")
        );
        assert_eq!(
            date("He spoke on Thursday.", "2024-05-08").as_deref(),
            Some("2024-05-02")
        );
        assert_eq!(
            date("They met yesterday.", "2024-03-01").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(
            date("They met last week.", "2024-05-08").as_deref(),
            Some("2024-05-01")
        );
        assert_eq!(
            date("No time here.", "2024-05-08").as_deref(),
            Some("2024-05-08")
        );
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(
            date("They met on May 7, 2023.", "2024-05-08").as_deref(),
            Some("2023-05-07")
        );
        assert_eq!(
            date("They met on 3 June.", "2024-05-08").as_deref(),
            Some("2023-06-03")
        );
        assert_eq!(
            date("They met on Jan. 5.", "2024-05-08").as_deref(),
            Some("2024-01-05")
        );
        // "may" the modal is lower case and is not a month
        assert_eq!(
            date("They may meet 5 times.", "2024-05-08").as_deref(),
            Some("2024-05-08")
        );
        assert_eq!(
            event_date(
                &english(),
                &tokenize("on Tuesday", 0),
                &["on".into(), "tuesday".into()],
                None
            ),
            None
        );
    }
}
