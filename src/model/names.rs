//! Ids and name keys: the two ways the graph tells actors apart. An id ([`actor_id`],
//! built on [`slug`]) is what every export writes; a name key ([`name_key`]) is what makes
//! two spellings one actor (case, dots and apostrophes aside); a folded key ([`fold`])
//! also ignores accents, for matching a form against another ("Erdogan", "Erdoğan").

use super::ontology::EntityType;
use unicode_normalization::UnicodeNormalization;

/// The id of an actor: the slug of its name and its type (`imran-khan-person`). A
/// function of the actor alone, never of the other actors or of the order they were met
/// in, so that two runs, or two shards of one corpus, give one actor one id. Two names
/// with one slug and one type are one actor.
pub fn actor_id(name: &str, kind: EntityType) -> String {
    let mut id = slug(name);
    id.push('-');
    id.push_str(&kind.as_str().to_ascii_lowercase());
    id
}

/// A name key that also ignores accents and other combining marks (compatibility
/// decomposition, marks dropped): `Erdoğan` and `Erdogan`, `São Paulo` and `Sao Paulo`
/// fold alike. For matching only; names are kept as written.
pub fn fold(name: &str) -> String {
    let key = name_key(name);
    if key.is_ascii() {
        return key;
    }
    let bare: String = key
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    let mut out = String::with_capacity(bare.len());
    for c in bare.chars() {
        match unmarked(c) {
            Some(plain) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out.nfc().collect()
}

/// The plain letters of a Latin letter whose mark is no combining mark, so that no
/// decomposition removes it (the stroke of `ł`, the slash of `ø`), as these names are
/// written without it in English text ("Jaroslaw Kaczynski", "Jarosław Kaczyński").
fn unmarked(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'ø' => "o",
        'đ' => "d",
        'ħ' => "h",
        'ı' => "i",
        'ŧ' => "t",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        _ => return None,
    })
}

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
    if name.is_ascii() {
        return ascii_name_key(name);
    }
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

/// [`name_key`] of an ASCII name, byte by byte: most names in English news are ASCII, and
/// this is a tenth of a build's instructions when decoded as chars (issue 16). No ASCII
/// character is a format character; the whitespace is `char::is_whitespace`'s.
fn ascii_name_key(name: &str) -> String {
    // bytes, not chars: `String::push` encodes each char, five times the work of a byte
    // push, and the gazetteer's 30,000 names are keyed on every run
    let mut out = Vec::with_capacity(name.len());
    let mut space = false;
    for b in name.bytes() {
        match b {
            b'.' | b'\'' => {}
            b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => space = !out.is_empty(),
            _ => {
                if space {
                    out.push(b' ');
                    space = false;
                }
                out.push(b.to_ascii_lowercase());
            }
        }
    }
    String::from_utf8(out).expect("the bytes of an ASCII name are ASCII")
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
            "\x0bSinn\x0c\rFéin\u{85}",
        ] {
            assert_eq!(name_key(name), reference(name), "{name:?}");
        }
        // the ASCII path: every ASCII character alone, between letters and at the ends
        for b in 0u8..128 {
            let c = char::from(b);
            for name in [format!("{c}"), format!("Ab{c}Cd"), format!("{c} X {c}")] {
                assert_eq!(name_key(&name), reference(&name), "{name:?}");
            }
        }
        assert_eq!(name_key(" U.S.  State Dept. "), "us state dept");
    }

    #[test]
    fn folded_keys_ignore_accents_and_composition() {
        assert_eq!(fold("Recep Tayyip Erdoğan"), "recep tayyip erdogan");
        // marks that are part of the letter, not combining
        assert_eq!(fold("Jarosław Kaczyński"), fold("Jaroslaw Kaczynski"));
        assert_eq!(fold("Lars Løkke Rasmussen"), "lars lokke rasmussen");
        assert_eq!(fold("Strauß"), "strauss");
        assert_eq!(fold("São Paulo"), fold("Sao Paulo"));
        // "ń" written as one character and as n + combining acute
        assert_eq!(fold("Kaczy\u{144}ski"), fold("Kaczyn\u{301}ski"));
        assert_eq!(fold("U.S."), "us");
        // letters of other scripts stay themselves
        assert_eq!(fold("Владимир Путин"), "владимир путин");
    }

    #[test]
    fn actor_ids_are_the_name_and_the_type() {
        assert_eq!(
            actor_id("Imran Khan", EntityType::Person),
            "imran-khan-person"
        );
        assert_eq!(
            actor_id("U.S. State Department", EntityType::GovernmentBody),
            "us-state-department-governmentbody"
        );
        assert_ne!(
            actor_id("Georgia", EntityType::Country),
            actor_id("Georgia", EntityType::Person)
        );
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
