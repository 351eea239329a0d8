//! Sentence splitter for news text. A sentence ends at `.`, `!` or `?` (with any closing
//! quotes or brackets) when the next token can start a sentence, and at every blank line
//! (headlines and datelines have no full stop). Dotted abbreviations and initials do not
//! end a sentence unless a typical sentence opener follows; a full stop followed by a
//! lower-case word or a comma does not either (broken punctuation in scraped text).

use super::tokens::{tokenize, Token, TokenKind};
use crate::language::Language;

/// Sentences longer than this many tokens are cut, so that the work per sentence stays
/// bounded on text without punctuation.
pub const MAX_SENTENCE_TOKENS: usize = 300;

#[derive(Clone, Debug)]
pub struct Sentence<'a> {
    /// 0-based position in the document.
    pub index: usize,
    /// Byte span in the document text.
    pub start: usize,
    pub end: usize,
    /// Character span in the document text.
    pub char_start: usize,
    pub char_end: usize,
    pub tokens: Vec<Token<'a>>,
    /// Each token's text in lower case (`str::to_lowercase`), made once here for the
    /// stages that compare words (mentions, relations).
    pub lower: Vec<String>,
    /// The sentence was cut at [`MAX_SENTENCE_TOKENS`].
    pub truncated: bool,
}

impl Sentence<'_> {
    pub fn text<'t>(&self, doc_text: &'t str) -> &'t str {
        &doc_text[self.start..self.end]
    }
}

/// `with_dot` is the token before the full stop, with the dot (`Mr.`, `U.S.`, `R.`).
fn ends_with_abbreviation(lang: &Language, with_dot: &str, next: Option<&Token<'_>>) -> bool {
    if lang
        .title_abbreviations
        .contains_ignoring_ascii_case(with_dot)
    {
        return true;
    }
    let stem = with_dot.strip_suffix('.').unwrap_or(with_dot);
    let initial = stem.chars().count() == 1 && stem.chars().all(char::is_uppercase);
    let dotted = with_dot.ends_with('.') && (stem.contains('.') || initial);
    if dotted || lang.abbreviations.contains(with_dot) {
        return !next.is_some_and(|n| lang.sentence_openers.contains(n.text) || n.paragraph_before);
    }
    false
}

fn can_start_sentence(tok: &Token<'_>) -> bool {
    let c = tok.text.chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '-')
}

fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
}

/// Splits `text[base..]` into sentences; offsets are into `text`. `index` counts from 0.
/// The abbreviations and sentence openers are the language's.
pub fn split_sentences<'a>(text: &'a str, base: usize, lang: &Language) -> Vec<Sentence<'a>> {
    let body = &text[base..];
    let tokens = tokenize(body, base);
    let mut out: Vec<Sentence<'a>> = Vec::new();
    let mut current: Vec<Token<'a>> = Vec::new();
    let mut char_cursor = (0usize, 0usize); // (byte, char) position counted so far
    let mut truncated = false;

    let mut flush =
        |current: &mut Vec<Token<'a>>, truncated: &mut bool, out: &mut Vec<Sentence<'a>>| {
            if current.is_empty() {
                return;
            }
            let start = current[0].start;
            let end = current[current.len() - 1].end;
            let char_start = char_cursor.1 + text[char_cursor.0..start].chars().count();
            let char_end = char_start + text[start..end].chars().count();
            char_cursor = (end, char_end);
            out.push(Sentence {
                index: out.len(),
                start,
                end,
                char_start,
                char_end,
                lower: current.iter().map(|t| t.text.to_lowercase()).collect(),
                // the next sentence starts with room for as many tokens: no regrowing
                tokens: std::mem::replace(current, Vec::with_capacity(current.len().max(16))),
                truncated: std::mem::take(truncated),
            });
        };

    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        if !current.is_empty() && should_break_before(&current, &tok) {
            flush(&mut current, &mut truncated, &mut out);
        }
        current.push(tok);
        i += 1;
        let terminal = tok.kind == TokenKind::Punct
            && matches!(tok.text, "." | "!" | "?" | "..." | "…")
            || (tok.kind == TokenKind::Word && tok.text.ends_with('.') && tok.text.len() > 1);
        if terminal {
            // take closing quotes and brackets along (not past the length bound)
            while i < tokens.len() && is_closer(tokens[i].text) && !tokens[i].newline_before {
                if current.len() >= MAX_SENTENCE_TOKENS {
                    truncated = true;
                    break;
                }
                current.push(tokens[i]);
                i += 1;
            }
            let next = tokens.get(i);
            let boundary = match next {
                None => true,
                Some(n) if n.paragraph_before => true,
                Some(n) => {
                    let abbreviation = if tok.kind == TokenKind::Word {
                        ends_with_abbreviation(lang, tok.text, Some(n))
                    } else if tok.text == "."
                        && current.len() >= 2
                        && current[current.len() - 2].is_word()
                        && current[current.len() - 2].end == tok.start
                    {
                        ends_with_abbreviation(
                            lang,
                            &format!("{}.", current[current.len() - 2].text),
                            Some(n),
                        )
                    } else {
                        false
                    };
                    can_start_sentence(n) && !abbreviation
                }
            };
            if boundary {
                flush(&mut current, &mut truncated, &mut out);
            }
        }
        if current.len() >= MAX_SENTENCE_TOKENS {
            truncated = true;
            flush(&mut current, &mut truncated, &mut out);
        }
    }
    flush(&mut current, &mut truncated, &mut out);
    out
}

/// Line-based boundaries: a blank line always; a single line break after a short line
/// without final punctuation (a headline or a dateline) when the next line starts with
/// a capital.
fn should_break_before(current: &[Token<'_>], tok: &Token<'_>) -> bool {
    if tok.paragraph_before {
        return true;
    }
    if !tok.newline_before || !can_start_sentence(tok) {
        return false;
    }
    // tokens on the current (last) line
    let line_start = current.iter().rposition(|t| t.newline_before).unwrap_or(0);
    let line = &current[line_start..];
    let last = line[line.len() - 1].text;
    let ends_open = matches!(last, "," | ";" | ":" | "-" | "(");
    line.len() <= 14 && !ends_open
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Language {
        Language::builtin().unwrap()
    }

    fn split(s: &str) -> Vec<&str> {
        split_sentences(s, 0, &english())
            .iter()
            .map(|x| x.text(s))
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        assert_eq!(
            split("Mr. Smith met Gen. Lee in the U.S. capital. John R. Bolton left on Jan. 5. The end."),
            vec!["Mr. Smith met Gen. Lee in the U.S. capital.", "John R. Bolton left on Jan. 5.", "The end."]
        );
        assert_eq!(
            split("He lives in the U.S. The rest is history."),
            vec!["He lives in the U.S.", "The rest is history."]
        );
    }

    #[test]
    fn quotes_headlines_and_broken_punctuation() {
        assert_eq!(
            split("Leader resigns\n\n“We will go,” he said. “Now.” She agreed!"),
            vec![
                "Leader resigns",
                "“We will go,” he said.",
                "“Now.”",
                "She agreed!"
            ]
        );
        assert_eq!(
            split("Aid arrived. with more to come. Khan. , Miller said."),
            vec!["Aid arrived. with more to come.", "Khan. , Miller said."]
        );
        assert_eq!(
            split("NEW DELHI:\nThe talks began."),
            vec!["NEW DELHI:\nThe talks began."]
        );
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "word ".repeat(MAX_SENTENCE_TOKENS * 2 + 5);
        let s = split_sentences(&text, 0, &english());
        assert_eq!(s.len(), 3);
        assert!(s[0].truncated && s[1].truncated && !s[2].truncated);
        assert_eq!(
            s.iter().map(|x| x.tokens.len()).sum::<usize>(),
            MAX_SENTENCE_TOKENS * 2 + 5
        );
    }

    #[test]
    fn closing_quotes_do_not_escape_the_bound() {
        // a full stop followed by a run of quotes took the whole run as its closers
        let text = format!("Macron met Scholz.{} Then more.", "\"".repeat(5_000));
        let s = split_sentences(&text, 0, &english());
        assert!(s.iter().all(|x| x.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert!(s[0].truncated);
        assert_eq!(
            s.iter().map(|x| x.tokens.len()).sum::<usize>(),
            tokenize(&text, 0).len()
        );
        // a sentence that ends exactly at the bound is not marked as cut
        let words = vec!["word"; MAX_SENTENCE_TOKENS - 1].join(" ") + ". Next.";
        let s = split_sentences(&words, 0, &english());
        assert_eq!(s.len(), 2);
        assert!(!s[0].truncated);
    }

    #[test]
    fn indices_count_from_zero() {
        let s = split_sentences("One. Two. Three.", 0, &english());
        assert_eq!(s.iter().map(|x| x.index).collect::<Vec<_>>(), vec![0, 1, 2]);
        assert_eq!((s[2].char_start, s[2].char_end), (10, 16));
    }
}
