//! Text stage: a document body becomes sentences of tokens, each with byte offsets into
//! the document text and, for sentences, character offsets too (evidence spans are
//! counted in characters, as JavaScript and Python users index strings).
//! [`Normalized`] reads a document in NFC without format characters and maps sentence
//! spans back to the original text.

mod normalize;
mod sentences;
mod tokens;

pub use normalize::Normalized;
pub use sentences::{split_sentences, Sentence, MAX_SENTENCE_TOKENS};
pub use tokens::{tokenize, Token, TokenKind};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language;
    use proptest::prelude::*;

    /// Text made of the marks the tokenizer and splitter treat specially, and any char.
    fn hostile_text() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "'s", "’s", "n't", "N'T", ".", "...", "…", "!", "?", "\"", "“", "”", "‘", "’", "(",
            ")", "[", "]", "»", " ", " ", " ", "\n", "\n\n", "\r\n", "\t", "U.S.", "Mr.", "R.",
            "Jan.", "-", "‐", "‑", "&", "AT&T", "3.5", "5.", "Khan", "The", "he", "é", "\u{ad}",
            "\u{feff}", "\u{fffd}", "O'Brien", "a.b.", "ǅ", "ß", "İ", "🇵🇰", "\u{301}",
        ])
        .prop_map(str::to_string);
        let any_char = any::<char>().prop_map(|c| c.to_string());
        prop::collection::vec(prop_oneof![3 => piece, 1 => any_char], 0..150)
            .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Tokens and sentences of any text: no panic, offsets on char boundaries that
        /// slice back to the token and sentence text, char offsets that count chars,
        /// everything in order, and the length bound kept.
        #[test]
        fn any_text_gives_valid_offsets(prefix in "[a-zé ]{0,4}", text in hostile_text()) {
            let english = Language::builtin().unwrap();
            let full = format!("{prefix}{text}");
            let base = prefix.len();
            let tokens = tokenize(&text, base);
            let mut last_end = base;
            for t in &tokens {
                prop_assert!(last_end <= t.start && t.start < t.end && t.end <= full.len());
                prop_assert!(full.is_char_boundary(t.start) && full.is_char_boundary(t.end));
                prop_assert_eq!(&full[t.start..t.end], t.text);
                prop_assert!(full[last_end..t.start].chars().all(|c| c.is_whitespace() || crate::model::is_format_char(c)));
                let first = t.text.chars().next().unwrap();
                prop_assert!(!first.is_whitespace() && !crate::model::is_format_char(first));
                last_end = t.end;
            }
            prop_assert!(full[last_end..].chars().all(|c| c.is_whitespace() || crate::model::is_format_char(c)));

            let sentences = split_sentences(&full, base, &english);
            let mut last_end = base;
            for (i, s) in sentences.iter().enumerate() {
                prop_assert_eq!(s.index, i);
                prop_assert!(last_end <= s.start && s.start < s.end && s.end <= full.len());
                prop_assert!(full.is_char_boundary(s.start) && full.is_char_boundary(s.end));
                prop_assert_eq!(s.char_start, full[..s.start].chars().count());
                prop_assert_eq!(s.char_end, full[..s.end].chars().count());
                prop_assert!(!s.tokens.is_empty() && s.tokens.len() <= MAX_SENTENCE_TOKENS);
                prop_assert_eq!(s.tokens[0].start, s.start);
                prop_assert_eq!(s.tokens[s.tokens.len() - 1].end, s.end);
                prop_assert!(s.text(&full).len() == s.end - s.start);
                last_end = s.end;
            }
            let in_sentences: Vec<_> = sentences.iter().flat_map(|s| s.tokens.iter().copied()).collect();
            prop_assert_eq!(in_sentences, tokens);
        }
    }

    #[test]
    fn offsets_survive_multibyte_text() {
        let text = "Le président a dit «non». Macron a rencontré Merkel à Berlin.";
        let s = split_sentences(text, 0, &Language::builtin().unwrap());
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].text(text), "Macron a rencontré Merkel à Berlin.");
        // character offsets differ from byte offsets after the accented letters
        assert_eq!(s[1].char_start, text[..s[1].start].chars().count());
        assert_ne!(s[1].char_start, s[1].start);
        assert_eq!(
            s[1].char_end - s[1].char_start,
            s[1].text(text).chars().count()
        );
    }
}
