//! Tokenizer: words (with inner hyphens, dotted abbreviations like `U.S.` and initials),
//! numbers, the possessive `'s` and the negation `n't` split off, and punctuation one
//! character at a time. Every token keeps its byte span.

use crate::model::is_format_char;
use unicode_normalization::char::is_combining_mark;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte offsets into the text that was tokenized (plus the base offset given).
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// A line break (or several) stands between this token and the one before.
    pub newline_before: bool,
    /// A blank line (paragraph break) stands between this token and the one before.
    pub paragraph_before: bool,
}

impl Token<'_> {
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// All letters upper case and at least two of them (`PTI`, `U.S.`).
    pub fn is_all_caps(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_alphabetic() {
                if !c.is_uppercase() {
                    return false;
                }
                letters += 1;
            }
        }
        letters >= 2
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Letters and digits, and inside a word the marks that belong to it: combining marks
/// (a decomposed accent, `e` + U+0301) and format characters (soft hyphen, zero-width
/// joiners and spaces), which never end a word.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || is_format_char(c)
}

/// Passed over between tokens: whitespace, and format characters that no word holds.
fn is_gap(c: char) -> bool {
    c.is_whitespace() || is_format_char(c)
}

/// A line break: `\n`, `\r` not followed by `\n` (old Mac files), NEL and U+2028; a
/// paragraph separator (U+2029) counts twice, as a blank line.
fn line_breaks(c: char, next: Option<char>) -> usize {
    match c {
        '\n' | '\u{85}' | '\u{2028}' => 1,
        '\r' if next != Some('\n') => 1,
        '\u{2029}' => 2,
        _ => 0,
    }
}

/// Tokenizes `text`; offsets are `base +` the position in `text`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let pos = |i: usize| chars.get(i).map(|&(p, _)| p).unwrap_or(text.len());
    // about one token per five bytes of English news text
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut newlines = 0usize;
    while i < n {
        let c = chars[i].1;
        if is_gap(c) {
            newlines += line_breaks(c, at(i + 1));
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if matches!(c, 'n' | 'N')
            && at(i + 1).is_some_and(is_apostrophe)
            && matches!(at(i + 2), Some('t') | Some('T'))
            && at(i + 3).is_none_or(|c| !is_word_char(c))
        {
            i += 3;
            kind = TokenKind::Word;
        } else if is_word_char(c) {
            // a word: letters/digits, joined by inner hyphens, dots (U.S., 3.5) and apostrophes
            let mut j = i;
            loop {
                while j < n && is_word_char(chars[j].1) {
                    j += 1;
                }
                match at(j) {
                    Some('-') | Some('\u{2010}') | Some('\u{2011}')
                        if at(j + 1).is_some_and(is_word_char) =>
                    {
                        j += 1
                    }
                    Some('&')
                        if at(j + 1).is_some_and(|c| c.is_uppercase())
                            && j - start <= 2
                            && chars[start].1.is_uppercase() =>
                    {
                        j += 1
                    }
                    Some('.')
                        if at(j + 1).is_some_and(|c| c.is_ascii_digit())
                            && chars[j - 1].1.is_ascii_digit() =>
                    {
                        j += 1
                    }
                    Some('.')
                        if at(j + 1).is_some_and(|c| c.is_alphabetic())
                            && at(j + 2) == Some('.')
                            && j - start == 1 =>
                    {
                        j += 1
                    }
                    Some(a) if is_apostrophe(a) && at(j + 1).is_some_and(char::is_alphabetic) => {
                        // split off 's and n't; keep O'Brien, don't → do + n't
                        let next_is_break = |k: usize| at(k).is_none_or(|c| !is_word_char(c));
                        if matches!(at(j + 1), Some('s' | 'S')) && next_is_break(j + 2) {
                            break;
                        }
                        if matches!(at(j + 1), Some('t' | 'T'))
                            && j > start
                            && matches!(chars[j - 1].1, 'n' | 'N')
                            && next_is_break(j + 2)
                        {
                            j -= 1;
                            break;
                        }
                        j += 1;
                    }
                    _ => break,
                }
            }
            // dotted abbreviation: U.S. / D.C. / R. (initial): keep the final dot
            let word = &text[pos(start)..pos(j)];
            let single_cap = j - start == 1 && chars[start].1.is_uppercase();
            if at(j) == Some('.')
                && (word.contains('.') || single_cap)
                && !word.chars().any(|c| c.is_ascii_digit())
            {
                j += 1;
            }
            kind = if chars[start].1.is_ascii_digit()
                && chars[start..j].iter().all(|&(_, c)| !c.is_alphabetic())
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            i = j;
        } else if is_apostrophe(c)
            && (at(i + 1) == Some('s') || at(i + 1) == Some('S'))
            && at(i + 2).is_none_or(|c| !is_word_char(c))
            && start > 0
            && is_word_char(chars[start - 1].1)
        {
            i += 2;
            kind = TokenKind::Word;
        } else if c == '.' && at(i + 1) == Some('.') {
            while at(i) == Some('.') {
                i += 1;
            }
            kind = TokenKind::Punct;
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        out.push(Token {
            text: &text[pos(start)..pos(i)],
            start: base + pos(start),
            end: base + pos(i),
            kind,
            newline_before: newlines > 0,
            paragraph_before: newlines > 1,
        });
        newlines = 0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn abbreviations_hyphens_possessives() {
        assert_eq!(
            words("The U.S. envoy met Tehreek-e-Insaf's chief."),
            vec![
                "The",
                "U.S.",
                "envoy",
                "met",
                "Tehreek-e-Insaf",
                "'s",
                "chief",
                "."
            ]
        );
        assert_eq!(
            words("John R. Bolton didn't go"),
            vec!["John", "R.", "Bolton", "did", "n't", "go"]
        );
        assert_eq!(
            words("O'Brien paid 3.5 billion, AT&T said"),
            vec!["O'Brien", "paid", "3.5", "billion", ",", "AT&T", "said"]
        );
        assert_eq!(words("Khan’s party"), vec!["Khan", "’s", "party"]);
        assert_eq!(
            words("“Yes...” he said"),
            vec!["“", "Yes", "...", "”", "he", "said"]
        );
    }

    #[test]
    fn marks_and_format_characters_stay_inside_words() {
        assert_eq!(
            words("Jose\u{301} Pu\u{200d}tin Ang\u{ad}ela \u{200b}Merkel\u{feff} n\u{308}"),
            vec![
                "Jose\u{301}",
                "Pu\u{200d}tin",
                "Ang\u{ad}ela",
                "Merkel\u{feff}",
                "n\u{308}"
            ]
        );
    }

    #[test]
    fn lone_carriage_returns_and_unicode_separators_break_lines() {
        for text in [
            "Headline\r\rBody",
            "Headline\u{2029}Body",
            "Headline\n\nBody",
            "Headline\r\n\r\nBody",
        ] {
            let t = tokenize(text, 0);
            assert!(t[1].paragraph_before, "{text:?}");
        }
        for text in ["One\rTwo", "One\u{2028}Two", "One\u{85}Two", "One\r\nTwo"] {
            let t = tokenize(text, 0);
            assert!(t[1].newline_before && !t[1].paragraph_before, "{text:?}");
        }
    }

    #[test]
    fn offsets_and_line_breaks() {
        let t = tokenize("Héllo wörld\n\nNext", 10);
        assert_eq!((t[1].start, t[1].end), (10 + 7, 10 + 13));
        assert!(t[2].paragraph_before && t[2].newline_before);
        assert!(!t[1].newline_before);
    }
}
