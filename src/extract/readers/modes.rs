//! The mode of an event (ONTOLOGY.md "Mode"): what the words around its predicate say
//! of it. Its own words first: a negation ("did not meet", "never criticized", "no
//! meeting") makes it negated; "will" intended; "could", "might", "would", "must" and an
//! "if" clause hypothetical. Then the predicate that governs it: the complement of
//! "agreed to", "pledged to" is intended; of "failed to" negated; of "tried to", "wants
//! to", and of a demand or an accusation ("urged X to release", "accused X of
//! attacking") hypothetical; a coordinated verb shares its first conjunct's mode. The
//! word lists are `data/en/predicates.tsv`.

use super::Sentence;
use crate::lexicon::FramePos;
use crate::model::{Mode, RelationKind};
use crate::syntax::{Deprel, Upos};

/// How many governing predicates are followed up: enough for "did not agree to try to
/// meet", bounded for pathological trees.
const MAX_CHAIN: usize = 6;

/// The mode of the event whose predicate is word `p` (a verb or an event noun).
pub fn of(s: &Sentence<'_>, p: usize) -> Mode {
    if matches!(s.tree.upos(p), Upos::Noun | Upos::Propn) {
        noun_mode(s, p)
    } else {
        clause_mode(s, p, 0)
    }
}

/// An event noun's own modifiers ("no meeting", "the planned visit"), then the clause
/// it stands in ("will hold talks").
fn noun_mode(s: &Sentence<'_>, n: usize) -> Mode {
    let t = s.tree;
    for &c in t.children(n) {
        let (lower, lemma) = (t.lower(c), t.lemma(c));
        match t.rel(c) {
            Deprel::Det | Deprel::Advmod if s.lang.negation.contains(lower) => {
                return Mode::Negated
            }
            Deprel::Amod if s.lang.possibility_adjectives.contains(lower) => {
                return Mode::Hypothetical
            }
            Deprel::Amod
                if s.lang.intent_adjectives.contains(lower)
                    || s.lang.intent_adjectives.contains(lemma) =>
            {
                return Mode::Intended
            }
            _ => {}
        }
    }
    match (t.rel(n), t.head(n)) {
        (Deprel::Obj | Deprel::Nsubj | Deprel::NsubjPass | Deprel::Obl | Deprel::Root, Some(h))
            if matches!(t.upos(h), Upos::Verb | Upos::Aux | Upos::Adj) =>
        {
            clause_mode(s, h, 0)
        }
        // "there was no meeting": the copula's noun is the clause
        _ => clause_mode_of_copula(s, n),
    }
}

fn clause_mode_of_copula(s: &Sentence<'_>, n: usize) -> Mode {
    if s.tree.has_child(n, Deprel::Cop) || s.tree.has_child(n, Deprel::Expl) {
        own_mode(s, n).unwrap_or(Mode::Asserted)
    } else {
        Mode::Asserted
    }
}

/// The mode a verb's own words give it, if any.
pub fn own_mode(s: &Sentence<'_>, v: usize) -> Option<Mode> {
    let t = s.tree;
    let lang = s.lang;
    let mut mode = None;
    for &c in t.children(v) {
        let lower = t.lower(c);
        match t.rel(c) {
            Deprel::Advmod | Deprel::Det if lang.negation.contains(lower) => {
                return Some(Mode::Negated)
            }
            Deprel::Aux | Deprel::AuxPass => {
                if lang.negation.contains(lower) {
                    return Some(Mode::Negated);
                }
                if lang.future_auxiliaries.contains(lower) {
                    mode = mode.or(Some(Mode::Intended));
                } else if lang.possibility_auxiliaries.contains(lower) {
                    // "said it would attack": in reported speech "would" is a commitment
                    let reported = lower == "would" && reported_clause(s, v);
                    mode = Some(if reported {
                        Mode::Intended
                    } else {
                        Mode::Hypothetical
                    });
                } else if lang.obligation_auxiliaries.contains(lower) {
                    mode = Some(Mode::Hypothetical);
                } else if s.lang.be.contains(lower) && has_to_mark(s, v) {
                    // "is to face trial"
                    mode = mode.or(Some(Mode::Intended));
                }
            }
            Deprel::Mark if lang.condition_markers.contains(lower) => {
                mode = Some(Mode::Hypothetical)
            }
            _ => {}
        }
    }
    mode
}

fn has_to_mark(s: &Sentence<'_>, v: usize) -> bool {
    s.tree
        .children_by(v, &[Deprel::Mark])
        .any(|c| s.tree.lower(c) == "to")
}

/// The clause is what a reporting verb says ("X said it would ...").
fn reported_clause(s: &Sentence<'_>, v: usize) -> bool {
    let t = s.tree;
    t.rel(v) == Deprel::Ccomp
        && t.head(v)
            .is_some_and(|h| s.lang.report_verbs.contains(t.lemma(h)))
}

/// The mode of the clause headed by verb `v`: its own words, then what governs it.
fn clause_mode(s: &Sentence<'_>, v: usize, depth: usize) -> Mode {
    if let Some(m) = own_mode(s, v) {
        return m;
    }
    if depth >= MAX_CHAIN {
        return Mode::Asserted;
    }
    let t = s.tree;
    let Some(g) = t.head(v) else {
        return Mode::Asserted;
    };
    let lang = s.lang;
    let gl = t.lemma(g);
    let rel = if complement_governor(s, v).is_some() {
        Deprel::Xcomp
    } else {
        t.rel(v)
    };
    match rel {
        Deprel::Conj => match finite_after_infinitive(s, v) {
            // "urged the embassy to reconsider and spoke with X": the speaking is the
            // urger's own act, in the urging's mode
            Some(g) => clause_mode(s, g, depth + 1),
            None => clause_mode(s, t.first_conjunct(v), depth + 1),
        },
        Deprel::Xcomp => {
            let governing = clause_mode(s, g, depth + 1);
            if matches!(governing, Mode::Negated | Mode::Hypothetical) {
                governing
            } else if lang.intent_verbs.contains(gl) {
                Mode::Intended
            } else if lang.failure_verbs.contains(gl) || lang.refusal_verbs.contains(gl) {
                Mode::Negated
            } else if lang.attempt_verbs.contains(gl) || demands_or_alleges(s, g) {
                Mode::Hypothetical
            } else {
                governing
            }
        }
        Deprel::Advcl | Deprel::Acl
            if t.children_by(v, &[Deprel::Mark])
                .any(|m| matches!(t.lower(m), "of" | "for"))
                && (demands_or_alleges(s, g) || object_of_allegation(s, g)) =>
        {
            // "accused X of attacking Y", "blamed X for killing Y"
            Mode::Hypothetical
        }
        Deprel::Acl => {
            if lang.intent_nouns.contains(gl) {
                Mode::Intended
            } else if lang.attempt_nouns.contains(gl) {
                Mode::Hypothetical
            } else {
                Mode::Asserted
            }
        }
        Deprel::Ccomp if lang.attempt_verbs.contains(gl) => Mode::Hypothetical,
        Deprel::Ccomp if lang.intent_verbs.contains(gl) => Mode::Intended,
        _ => Mode::Asserted,
    }
}

/// The verb or adjective whose complement the clause at `v` is: an `xcomp`, or a
/// to-infinitive the parser attached as `advcl` to a verb that takes complements ("threatened
/// to break relations", "urged the EU to support": a purpose clause of another verb stays
/// an adjunct).
pub fn complement_governor(s: &Sentence<'_>, v: usize) -> Option<usize> {
    let t = s.tree;
    let g = t.head(v)?;
    match t.rel(v) {
        Deprel::Xcomp => Some(g),
        Deprel::Advcl
            if t.children_by(v, &[Deprel::Mark])
                .any(|m| t.lower(m) == "to")
                && takes_complement(s, g) =>
        {
            Some(g)
        }
        _ => None,
    }
}

/// A verb whose to-infinitive is its complement: a verb of intent, refusal, failure,
/// attempt, or one that demands or threatens ("voted to leave" is no such verb).
fn takes_complement(s: &Sentence<'_>, g: usize) -> bool {
    let t = s.tree;
    let l = t.lemma(g);
    let lang = s.lang;
    lang.intent_verbs.contains(l)
        || lang.refusal_verbs.contains(l)
        || lang.failure_verbs.contains(l)
        || lang.attempt_verbs.contains(l)
        || s.lex
            .frames(FramePos::Verb, l, t.lower(g))
            .iter()
            .any(|f| matches!(f.relation, RelationKind::Request | RelationKind::Threaten))
}

/// A finite verb coordinated with an infinitive complement ("urged X to reconsider and
/// spoke with Y") is coordinated with the verb that governs the infinitive: that verb.
pub fn finite_after_infinitive(s: &Sentence<'_>, v: usize) -> Option<usize> {
    let t = s.tree;
    let first = t.first_conjunct(v);
    let finite = t.lower(v) != t.lemma(v);
    let infinitive = t.lower(first) == t.lemma(first) && t.rel(first) == Deprel::Xcomp;
    if finite && infinitive && first != v {
        t.head(first)
    } else {
        None
    }
}

/// The condition clauses of the predicate at `p` (of its clause, for a noun) that make a
/// commitment a threat ("… unless Baghdad accepted"), with `any_condition` every condition
/// ("threatened to stop the talks if the United States goes ahead").
pub fn threat_conditions(s: &Sentence<'_>, p: usize, any_condition: bool) -> Vec<usize> {
    let t = s.tree;
    let v = if matches!(t.upos(p), Upos::Noun | Upos::Propn) {
        match t.head(p) {
            Some(h) => h,
            None => return Vec::new(),
        }
    } else {
        p
    };
    let mut out = Vec::new();
    for w in [v, t.first_conjunct(v)] {
        for c in t.children_by(w, &[Deprel::Advcl]) {
            let marked = t.children_by(c, &[Deprel::Mark]).any(|m| {
                let m = t.lower(m);
                s.lang.threat_conditions.contains(m)
                    || (any_condition && s.lang.condition_markers.contains(m))
            });
            if marked && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// "accused Russia of attacking": the clause may hang on the accused, the object of the
/// verb that alleges.
fn object_of_allegation(s: &Sentence<'_>, n: usize) -> bool {
    let t = s.tree;
    t.rel(n) == Deprel::Obj && t.head(n).is_some_and(|v| demands_or_alleges(s, v))
}

/// The verb states a demand, a threat or an accusation ("urged", "threatened",
/// "accused"): what it demands or alleges has not (necessarily) happened.
fn demands_or_alleges(s: &Sentence<'_>, v: usize) -> bool {
    s.has_frame(FramePos::Verb, v, |f| {
        matches!(
            f.relation,
            RelationKind::Request
                | RelationKind::Accuse
                | RelationKind::Threaten
                | RelationKind::Reject
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::readers::testing::fixture;

    fn mode_of(rows: &[(&str, &str, &str, usize, &str)], p: usize) -> Mode {
        of(&fixture(rows, &[]).sentence(), p)
    }

    #[test]
    fn own_words() {
        let not_met = [
            ("Spain", "Spain", "PROPN", 4, "nsubj"),
            ("did", "do", "AUX", 4, "aux"),
            ("not", "not", "PART", 4, "advmod"),
            ("meet", "meet", "VERB", 0, "root"),
            ("Morocco", "Morocco", "PROPN", 4, "obj"),
        ];
        assert_eq!(mode_of(&not_met, 3), Mode::Negated);
        let will = [
            ("Chile", "Chile", "PROPN", 3, "nsubj"),
            ("will", "will", "AUX", 3, "aux"),
            ("visit", "visit", "VERB", 0, "root"),
            ("Peru", "Peru", "PROPN", 3, "obj"),
        ];
        assert_eq!(mode_of(&will, 2), Mode::Intended);
        let might = [
            ("Spain", "Spain", "PROPN", 3, "nsubj"),
            ("might", "might", "AUX", 3, "aux"),
            ("sanction", "sanction", "VERB", 0, "root"),
            ("Morocco", "Morocco", "PROPN", 3, "obj"),
        ];
        assert_eq!(mode_of(&might, 2), Mode::Hypothetical);
        let met = [
            ("Spain", "Spain", "PROPN", 2, "nsubj"),
            ("met", "meet", "VERB", 0, "root"),
            ("Morocco", "Morocco", "PROPN", 2, "obj"),
        ];
        assert_eq!(mode_of(&met, 1), Mode::Asserted);
    }

    #[test]
    fn conditions_and_governing_verbs() {
        // If Russia attacks Finland , NATO will respond
        let condition = [
            ("If", "if", "SCONJ", 3, "mark"),
            ("Russia", "Russia", "PROPN", 3, "nsubj"),
            ("attacks", "attack", "VERB", 7, "advcl"),
            ("Finland", "Finland", "PROPN", 3, "obj"),
            (",", ",", "PUNCT", 7, "punct"),
            ("NATO", "NATO", "PROPN", 7, "nsubj"),
            ("respond", "respond", "VERB", 0, "root"),
        ];
        assert_eq!(mode_of(&condition, 2), Mode::Hypothetical);
        // The EU agreed to provide aid
        let agreed = [
            ("EU", "EU", "PROPN", 2, "nsubj"),
            ("agreed", "agree", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("provide", "provide", "VERB", 2, "xcomp"),
            ("aid", "aid", "NOUN", 4, "obj"),
        ];
        assert_eq!(mode_of(&agreed, 3), Mode::Intended);
        // ... did not agree to provide: the negation governs
        let not_agreed = [
            ("EU", "EU", "PROPN", 4, "nsubj"),
            ("did", "do", "AUX", 4, "aux"),
            ("not", "not", "PART", 4, "advmod"),
            ("agree", "agree", "VERB", 0, "root"),
            ("to", "to", "PART", 6, "mark"),
            ("provide", "provide", "VERB", 4, "xcomp"),
        ];
        assert_eq!(mode_of(&not_agreed, 5), Mode::Negated);
        // Macron urged Iran to release the prisoners: the release is only demanded
        let urged = [
            ("Macron", "Macron", "PROPN", 2, "nsubj"),
            ("urged", "urge", "VERB", 0, "root"),
            ("Iran", "Iran", "PROPN", 2, "obj"),
            ("to", "to", "PART", 5, "mark"),
            ("release", "release", "VERB", 2, "xcomp"),
        ];
        assert_eq!(mode_of(&urged, 4), Mode::Hypothetical);
        assert_eq!(mode_of(&urged, 1), Mode::Asserted);
        // Iran will condemn and sanction Israel: the second verb shares "will"
        let coordinated = [
            ("Iran", "Iran", "PROPN", 3, "nsubj"),
            ("will", "will", "AUX", 3, "aux"),
            ("condemn", "condemn", "VERB", 0, "root"),
            ("and", "and", "CCONJ", 5, "cc"),
            ("sanction", "sanction", "VERB", 3, "conj"),
            ("Israel", "Israel", "PROPN", 3, "obj"),
        ];
        assert_eq!(mode_of(&coordinated, 4), Mode::Intended);
        // Ukraine accused Russia of attacking Odesa, the clause hung on the accused
        let accused = [
            ("Ukraine", "Ukraine", "PROPN", 2, "nsubj"),
            ("accused", "accuse", "VERB", 0, "root"),
            ("Russia", "Russia", "PROPN", 2, "obj"),
            ("of", "of", "SCONJ", 5, "mark"),
            ("attacking", "attack", "VERB", 3, "acl"),
            ("Odesa", "Odesa", "PROPN", 5, "obj"),
        ];
        assert_eq!(mode_of(&accused, 4), Mode::Hypothetical);
        assert_eq!(mode_of(&accused, 1), Mode::Asserted);
    }

    #[test]
    fn complements_parsed_as_adjuncts_and_verbs_coordinated_with_them() {
        // Peru threatened to break relations : "to break" parsed as an adjunct is the
        // complement of a verb that takes one
        let threatened = [
            ("Peru", "Peru", "PROPN", 2, "nsubj"),
            ("threatened", "threaten", "VERB", 0, "root"),
            ("to", "to", "PART", 4, "mark"),
            ("break", "break", "VERB", 2, "advcl"),
            ("relations", "relation", "NOUN", 4, "obj"),
        ];
        let fx = fixture(&threatened, &[]);
        assert_eq!(complement_governor(&fx.sentence(), 3), Some(1));
        // the UK voted to leave the EU : a purpose clause of another verb stays an adjunct
        let mut voted = threatened;
        voted[1] = ("voted", "vote", "VERB", 0, "root");
        let fx = fixture(&voted, &[]);
        assert_eq!(complement_governor(&fx.sentence(), 3), None);
        assert_eq!(mode_of(&voted, 3), Mode::Asserted);
        // Spain urged the embassy to reconsider and spoke with Morocco
        let urged = [
            ("Spain", "Spain", "PROPN", 2, "nsubj"),
            ("urged", "urge", "VERB", 0, "root"),
            ("embassy", "embassy", "NOUN", 2, "obj"),
            ("to", "to", "PART", 5, "mark"),
            ("reconsider", "reconsider", "VERB", 2, "xcomp"),
            ("and", "and", "CCONJ", 7, "cc"),
            ("spoke", "speak", "VERB", 5, "conj"),
        ];
        assert_eq!(mode_of(&urged, 4), Mode::Hypothetical);
        assert_eq!(mode_of(&urged, 6), Mode::Asserted);
        // Syria is willing to withdraw : readiness commits like "agreed to"
        let willing = [
            ("Syria", "Syria", "PROPN", 3, "nsubj"),
            ("is", "be", "AUX", 3, "cop"),
            ("willing", "willing", "ADJ", 0, "root"),
            ("to", "to", "PART", 5, "mark"),
            ("withdraw", "withdraw", "VERB", 3, "xcomp"),
        ];
        assert_eq!(mode_of(&willing, 4), Mode::Intended);
    }

    #[test]
    fn event_nouns() {
        // There was no meeting between Chile and Peru
        let no_meeting = [
            ("There", "there", "PRON", 2, "expl"),
            ("was", "be", "VERB", 0, "root"),
            ("no", "no", "DET", 4, "det"),
            ("meeting", "meeting", "NOUN", 2, "nsubj"),
        ];
        assert_eq!(mode_of(&no_meeting, 3), Mode::Negated);
        // X will hold talks with Y: the light verb's mode
        let will_hold = [
            ("X", "X", "PROPN", 3, "nsubj"),
            ("will", "will", "AUX", 3, "aux"),
            ("hold", "hold", "VERB", 0, "root"),
            ("talks", "talk", "NOUN", 3, "obj"),
        ];
        assert_eq!(mode_of(&will_hold, 3), Mode::Intended);
        let planned = [
            ("the", "the", "DET", 3, "det"),
            ("planned", "plan", "ADJ", 3, "amod"),
            ("visit", "visit", "NOUN", 0, "root"),
        ];
        assert_eq!(mode_of(&planned, 2), Mode::Intended);
    }
}
