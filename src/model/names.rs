//! Ids and name keys: the two ways the graph tells actors apart. An id ([`slug`]) is
//! what every export writes; a name key ([`name_key`]) is what makes two spellings one
//! actor (case, dots and apostrophes aside).

/// Turns a name into an id: lower case ASCII letters and digits joined by `-`;
/// other letters are kept as they are (lower-cased) so that non-Latin names stay distinct.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c != '\'' && c != '\u{2019}' && c != '.' {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("actor");
    }
    out
}

/// A format character (Unicode general category Cf): invisible marks that join, break or
/// direct text (soft hyphen, zero-width space and joiners, bidirectional marks, word
/// joiner, byte-order mark, tags). They say nothing about which name a name is, and they
/// do not end a word.
pub fn is_format_char(c: char) -> bool {
    matches!(c,
        '\u{ad}'
        | '\u{600}'..='\u{605}'
        | '\u{61c}'
        | '\u{6dd}'
        | '\u{70f}'
        | '\u{890}'..='\u{891}'
        | '\u{8e2}'
        | '\u{180e}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}'
        | '\u{110bd}'
        | '\u{110cd}'
        | '\u{13430}'..='\u{1343f}'
        | '\u{1bca0}'..='\u{1bca3}'
        | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}'
        | '\u{e0020}'..='\u{e007f}')
}

/// The identity key of a name: case, dots and apostrophes do not make two actors.
///
/// Dots, apostrophes and format characters (zero-width joiners, soft hyphens) are
/// dropped, letters lower-cased, and runs of whitespace become
/// one space with none at either end. One pass and one allocation: the lexicon calls this
/// for every capitalised token.
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        if matches!(c, '.' | '\'' | '\u{2019}') || is_format_char(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys_fold_case_dots_apostrophes_and_spaces() {
        // the definition, written the slow way
        fn reference(name: &str) -> String {
            name.chars()
                .filter(|&c| !matches!(c, '.' | '\'' | '\u{2019}') && !is_format_char(c))
                .flat_map(char::to_lowercase)
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        }
        for name in [
            "U.S.",
            "  Imran   Khan ",
            "O'Brien’s\tParty\n",
            "İSTANBUL Ünal",
            ". . .",
            "",
            "Владимир\u{a0}Путин",
            "ΣΊΣΥΦΟΣ",
            "Vladimir Pu\u{200d}tin\u{ad}",
        ] {
            assert_eq!(name_key(name), reference(name), "{name:?}");
        }
        assert_eq!(name_key(" U.S.  State Dept. "), "us state dept");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Imran Khan"), "imran-khan");
        assert_eq!(slug("U.S. State Department"), "us-state-department");
        assert_eq!(slug("Pakistan Tehreek-e-Insaf"), "pakistan-tehreek-e-insaf");
        assert_eq!(slug("Khan's"), "khans");
        assert_eq!(slug("!!!"), "actor");
        assert_eq!(slug("Владимир Путин"), "владимир-путин");
    }
}
