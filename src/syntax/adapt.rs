//! What the model sees of a token. The training treebank (EWT, web text) writes quotes and
//! apostrophes mostly straight, news mostly curly: typographic quotes are mapped to the
//! straight forms the model learned, so `’s`, `n’t` and `“` are read as `'s`, `n't` and `"`.
//! Everything else passes unchanged (offsets stay those of the caller's tokens).

/// Writes the form the model reads for `word` into `out`.
pub(crate) fn normalize(word: &str, out: &mut String) {
    for c in word.chars() {
        out.push(match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
            c => c,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_quotes_become_straight() {
        let mut s = String::new();
        for w in ["n’t", "“", "Khan’s"] {
            normalize(w, &mut s);
            s.push(' ');
        }
        assert_eq!(s, "n't \" Khan's ");
    }
}
