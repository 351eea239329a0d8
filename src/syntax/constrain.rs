//! Decode-time constraints on the tagger's output: a few patterns of English grammar that
//! news register breaks the greedy tagger on, applied after both passes and before the
//! parser. Each is a fact about word order and tags, not about particular words; the only
//! knowledge they read is the lemma lexicon learned from the treebank (which forms were
//! seen with which tag, and a form's lemma). On EWT dev they change UPOS and LAS by less
//! than 0.1 point; on news sentences they fix "a US offer" (VERB after a determiner),
//! "threatened to ban voting" (NOUN after infinitival "to") and "war-torn Mozambique"
//! (VERB for a hyphenated participle before a noun).

use super::labels::Upos;

/// What the constraints may ask of the lexicon about a form.
pub(crate) trait Lexicon {
    /// Whether the treebank has `form` (exact case, or lower case) with tag `upos`.
    fn seen_as(&self, form: &str, upos: Upos) -> bool;
    /// The lemma of `form` read as `upos`.
    fn lemma(&self, form: &str, upos: Upos) -> String;
}

fn is(tags: &[u8], i: usize, upos: Upos) -> bool {
    tags.get(i) == Some(&(upos as u8))
}

fn tag_at(tags: &[u8], i: usize) -> Option<Upos> {
    tags.get(i).and_then(|&t| Upos::from_index(t as usize))
}

/// Tags that begin a noun phrase or a verb's object: after them a word is read as a verb
/// taking that object, so the determiner pattern keeps it.
fn starts_object(t: Option<Upos>) -> bool {
    matches!(
        t,
        Some(Upos::Det | Upos::Pron | Upos::Num | Upos::Adj | Upos::Adv | Upos::Noun | Upos::Propn)
    )
}

/// Applies every constraint to `tags` (tag indices, one per form) in place.
pub(crate) fn apply(forms: &[String], tags: &mut [u8], lex: &impl Lexicon) {
    for i in 0..forms.len().min(tags.len()) {
        determiner_noun(forms, tags, i, lex);
        infinitive_verb(forms, tags, i, lex);
        hyphen_participle(forms, tags, i, lex);
    }
}

/// A word right after a determiner is the head noun (or a modifier) of its phrase, never
/// a finite verb: "the offer", "a US offer to host". Directly after the determiner it is
/// always a noun; after a determiner and modifiers (ADJ, PROPN) only when the next word
/// does not begin an object ("the US offered aid" keeps its verb) and the word is no
/// participle ("the Red Cross operating in Iraq"). The form must be one the treebank
/// knows as a noun.
fn determiner_noun(forms: &[String], tags: &mut [u8], i: usize, lex: &impl Lexicon) {
    if !is(tags, i, Upos::Verb) || i == 0 || !lex.seen_as(&forms[i], Upos::Noun) {
        return;
    }
    let mut j = i - 1;
    let mut modifiers = 0;
    while matches!(tag_at(tags, j), Some(Upos::Adj | Upos::Propn)) && modifiers < 3 && j > 0 {
        j -= 1;
        modifiers += 1;
    }
    if !is(tags, j, Upos::Det) {
        return;
    }
    // after a name, a participle opens a reduced relative ("the Red Cross operating in
    // Iraq", "the UN force stationed there"): a verb, whatever follows it
    let participle = forms[i].ends_with("ing") || forms[i].ends_with("ed");
    if modifiers == 0 || !(participle || starts_object(tag_at(tags, i + 1))) {
        tags[i] = Upos::Noun as u8;
    }
}

/// After infinitival "to" that follows a verb ("threatened to ban voting"), a word the
/// treebank knows as a verb and that is followed by the start of an object is the
/// infinitive, and "to" its marker (PART).
fn infinitive_verb(forms: &[String], tags: &mut [u8], i: usize, lex: &impl Lexicon) {
    if i < 2 || !is(tags, i, Upos::Noun) || !forms[i - 1].eq_ignore_ascii_case("to") {
        return;
    }
    if !matches!(tag_at(tags, i - 2), Some(Upos::Verb)) {
        return;
    }
    if !lex.seen_as(&forms[i], Upos::Verb) {
        return;
    }
    let next = tag_at(tags, i + 1);
    if matches!(
        next,
        Some(Upos::Det | Upos::Pron | Upos::Noun | Upos::Propn | Upos::Num)
    ) {
        tags[i] = Upos::Verb as u8;
        tags[i - 1] = Upos::Part as u8;
    }
}

/// A hyphenated compound whose last part is a past participle ("war-torn", "Iran-backed",
/// "state-led"), right before a noun, is an adjective modifying it. The last part counts
/// as a participle when the lexicon's verb lemma differs from it and it does not end in
/// "ing" or "s" (not a present participle, not a third person form).
fn hyphen_participle(forms: &[String], tags: &mut [u8], i: usize, lex: &impl Lexicon) {
    if !is(tags, i, Upos::Verb) {
        return;
    }
    let Some((first, last)) = forms[i].rsplit_once('-') else {
        return;
    };
    if first.is_empty() || last.is_empty() || !last.chars().all(|c| c.is_alphabetic()) {
        return;
    }
    let lower = last.to_lowercase();
    if lower.ends_with("ing") || lower.ends_with('s') || lex.lemma(&lower, Upos::Verb) == lower {
        return;
    }
    if matches!(tag_at(tags, i + 1), Some(Upos::Noun | Upos::Propn)) {
        tags[i] = Upos::Adj as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lexicon of a few words: nouns, verbs and their lemmas.
    struct Toy;

    impl Lexicon for Toy {
        fn seen_as(&self, form: &str, upos: Upos) -> bool {
            match upos {
                Upos::Noun => ["offer", "ban", "voting", "operating"].contains(&form),
                Upos::Verb => ["offer", "offered", "ban", "torn", "open"].contains(&form),
                _ => false,
            }
        }
        fn lemma(&self, form: &str, _upos: Upos) -> String {
            match form {
                "torn" => "tear".into(),
                "offered" => "offer".into(),
                f => f.into(),
            }
        }
    }

    fn run(words: &[(&str, Upos)]) -> Vec<Upos> {
        let forms: Vec<String> = words.iter().map(|w| w.0.to_string()).collect();
        let mut tags: Vec<u8> = words.iter().map(|w| w.1 as u8).collect();
        apply(&forms, &mut tags, &Toy);
        tags.iter()
            .map(|&t| Upos::from_index(t as usize).unwrap_or(Upos::X))
            .collect()
    }

    use Upos::*;

    #[test]
    fn a_word_after_a_determiner_and_modifiers_is_a_noun() {
        let t = run(&[("a", Det), ("US", Propn), ("offer", Verb), ("to", Part)]);
        assert_eq!(t[2], Noun);
        let t = run(&[("the", Det), ("offer", Verb), ("was", Aux)]);
        assert_eq!(t[1], Noun);
    }

    #[test]
    fn a_verb_taking_an_object_after_a_subject_phrase_stays() {
        let t = run(&[
            ("the", Det),
            ("US", Propn),
            ("offered", Verb),
            ("aid", Noun),
        ]);
        assert_eq!(t[2], Verb);
        let t = run(&[("the", Det), ("US", Propn), ("offer", Verb), ("aid", Noun)]);
        assert_eq!(t[2], Verb);
        // a participle after a name opens a reduced relative clause
        let t = run(&[
            ("the", Det),
            ("Red", Propn),
            ("Cross", Propn),
            ("operating", Verb),
            ("in", Adp),
        ]);
        assert_eq!(t[3], Verb);
    }

    #[test]
    fn a_known_verb_after_infinitival_to_before_an_object_is_a_verb() {
        let t = run(&[
            ("threatened", Verb),
            ("to", Adp),
            ("ban", Noun),
            ("voting", Noun),
        ]);
        assert_eq!((t[1], t[2]), (Part, Verb));
        // after a noun, "to" is a preposition: "a road to ban ..." is left alone
        let t = run(&[("road", Noun), ("to", Adp), ("ban", Noun), ("voting", Noun)]);
        assert_eq!(t[2], Noun);
    }

    #[test]
    fn a_hyphenated_participle_before_a_noun_is_an_adjective() {
        let t = run(&[("to", Part), ("war-torn", Verb), ("Mozambique", Propn)]);
        assert_eq!(t[1], Adj);
        // a base form is a verb: "to re-open Mozambique"
        let t = run(&[("to", Part), ("re-open", Verb), ("Mozambique", Propn)]);
        assert_eq!(t[1], Verb);
    }
}
