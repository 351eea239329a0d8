//! Text stage: a document body becomes sentences of tokens, each with byte offsets into
//! the document text and, for sentences, character offsets too (evidence spans are
//! counted in characters, as JavaScript and Python users index strings).

mod sentences;
mod tokens;

pub use sentences::{split_sentences, Sentence, MAX_SENTENCE_TOKENS};
pub use tokens::{tokenize, Token, TokenKind};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_survive_multibyte_text() {
        let text = "Le président a dit «non». Macron a rencontré Merkel à Berlin.";
        let s = split_sentences(text, 0);
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
