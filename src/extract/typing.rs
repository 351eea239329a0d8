//! Types from evidence: what the words around a name say it is, and what the relations
//! it acts in say when nothing else does.
//!
//! [`from_context`] reads, around every mention that no gazetteer entry or cue word has
//! typed (or only weakly, as "in X" does), the patterns that state a type:
//!
//! - a role noun before the name: "the airline Mahan Air", "her husband Siarhei";
//! - an apposition or a copula after it: "Vyasna, an independent human rights center",
//!   "Samos is a Greek island" (`role_nouns.tsv`, `role_nouns_general.tsv`);
//! - a list after a plural role noun: "firms including Daimler, Siemens and Rudaw";
//! - a person's marks: an honorific before ("Mr Khan") or "who" after ("Babaryka, who").
//!
//! A name nothing types is kept only when it acts in a relation. [`settle`] gives such a
//! name the type the relation's frame implies for its slot ([`FrameTypes`]); a name that
//! acts in none is dropped rather than guessed as a person.

use super::knowledge::Knowledge;
use super::mentions::Mention;
use crate::model::{EntityType, RelationKind};
use crate::text::Sentence;

/// Writes, into each mention without a type (or with a weak one), the type its context
/// states.
pub fn from_context(k: &Knowledge, sentences: &[Sentence<'_>], mentions: &mut [Mention]) {
    // each sentence's mention spans, gathered once: per mention they made the document's
    // typing quadratic in its mentions
    let mut spans_of: Vec<Vec<(usize, usize)>> = vec![Vec::new(); sentences.len()];
    for m in mentions.iter() {
        spans_of[m.sentence].push((m.start, m.end));
    }
    for m in mentions.iter_mut() {
        if m.gaz.is_some() || m.demonym || (m.kind.is_some() && !m.weak) {
            continue;
        }
        let s = &sentences[m.sentence];
        let spans = &spans_of[m.sentence];
        let found = person_marks(k, s, m)
            .or_else(|| role_noun_before(k, s, m))
            .or_else(|| place_noun_of_before(k, s, m))
            .or_else(|| apposed_to_a_title(k, s, m, spans))
            .or_else(|| described_after(k, s, m))
            .or_else(|| listed_after(k, s, m, spans));
        if let Some(kind) = found {
            m.kind = Some(kind);
            m.weak = false;
        }
    }
}

/// "Mr Khan", "Dr. Alencar" (an honorific before); "Babaryka, who was arrested".
fn person_marks(k: &Knowledge, s: &Sentence<'_>, m: &Mention) -> Option<EntityType> {
    let lang = &k.language;
    let lower = |i: usize| s.lower.get(i).map(String::as_str).unwrap_or("");
    let honorific = |i: usize| lang.honorifics.contains(lower(i).trim_end_matches('.'));
    let before = m.start.checked_sub(1);
    let honoured =
        before.is_some_and(|b| honorific(b) || (lower(b) == "." && b > 0 && honorific(b - 1)));
    let who = lang.person_relatives.contains(lower(m.end))
        || (lower(m.end) == "," && lang.person_relatives.contains(lower(m.end + 1)));
    (honoured || who).then_some(EntityType::Person)
}

/// The type of the role noun that ends right before `end` (one to three lower-case
/// words, longest first; titles count as person nouns).
fn role_noun_ending_at(k: &Knowledge, s: &Sentence<'_>, end: usize) -> Option<EntityType> {
    let lex = &k.lexicon;
    for len in (1..=lex.max_role_tokens.max(1).min(end)).rev() {
        let start = end - len;
        // lower-case words ("Parties" may open the sentence)
        let lower_case = |(i, t): (usize, &crate::text::Token<'_>)| {
            t.is_word() && (!t.is_capitalized() || (i == 0 && !t.is_all_caps()))
        };
        if !s.tokens[start..end]
            .iter()
            .enumerate()
            .map(|(j, t)| (start + j, t))
            .all(lower_case)
        {
            continue;
        }
        let phrase = s.lower[start..end].join(" ");
        if let Some(kind) = lex.role_noun(&phrase) {
            return Some(kind);
        }
        if lex.titles.contains_key(&phrase) {
            return Some(EntityType::Person);
        }
    }
    None
}

/// "the airline Mahan Air", "her husband Siarhei", "porn actress Stormy Daniels".
fn role_noun_before(k: &Knowledge, s: &Sentence<'_>, m: &Mention) -> Option<EntityType> {
    role_noun_ending_at(k, s, m.start)
}

/// "the city of Cahors", "near the town of Samarra": a name in the of-phrase of a place
/// noun after an article (the `role_nouns*.tsv` rows of type Place) is that place. Only Place: "the
/// leader of X" or "the people of X" say nothing of what X is.
fn place_noun_of_before(k: &Knowledge, s: &Sentence<'_>, m: &Mention) -> Option<EntityType> {
    let of = m.start.checked_sub(1)?;
    let noun = of.checked_sub(1)?;
    let article = noun.checked_sub(1)?;
    let lower_word = |i: usize| {
        let t = &s.tokens[i];
        t.is_word() && !t.is_capitalized()
    };
    // with its article: "make Melbourne capital of Aboriginals" names no place
    (s.lower[of] == "of"
        && lower_word(noun)
        && k.language.articles.contains(s.lower[article].as_str())
        && k.lexicon.role_noun(&s.lower[noun]) == Some(EntityType::Place))
    .then_some(EntityType::Place)
}

/// "the president of the Tunisian League, Jamel Msallem, said", "the director of
/// Argentina's Amnesty International, Mariela Belski": a name after a comma that closes
/// a person noun's "of" phrase.
fn apposed_to_a_title(
    k: &Knowledge,
    s: &Sentence<'_>,
    m: &Mention,
    spans: &[(usize, usize)],
) -> Option<EntityType> {
    let lang = &k.language;
    let comma = m.start.checked_sub(1)?;
    if s.tokens[comma].text != "," {
        return None;
    }
    // back over the "of" phrase: names, "'s" and articles
    let mut i = comma;
    loop {
        if let Some(&(start, _)) = spans.iter().find(|&&(a, e)| e == i && a < i) {
            i = start;
        } else if i > 0
            && (matches!(s.tokens[i - 1].text, "'s" | "’s")
                || lang.articles.contains(s.lower[i - 1].as_str()))
        {
            i -= 1;
        } else {
            break;
        }
    }
    if i == comma || i == 0 || s.lower[i - 1] != "of" {
        return None;
    }
    role_noun_ending_at(k, s, i - 1).filter(|&t| t == EntityType::Person)
}

/// "X, an independent Belarusian human rights center, …", "X is a city in Y": the head
/// of the noun phrase after a comma and an article (or a copula and an article) is a
/// role noun. The phrase ends at punctuation, a preposition, a relative or "and".
fn described_after(k: &Knowledge, s: &Sentence<'_>, m: &Mention) -> Option<EntityType> {
    let lang = &k.language;
    let toks = &s.tokens;
    let mut i = m.end;
    let opener = toks.get(i)?.text;
    if opener == "," {
        i += 1;
        // "X, the former …": an article is needed, or a lower-case word (no list of names)
        if toks.get(i).is_some_and(|t| t.is_capitalized())
            && !lang.articles.contains(s.lower.get(i)?.as_str())
        {
            return None;
        }
    } else if lang.copulas.contains(s.lower.get(i)?.as_str()) {
        i += 1;
        if !lang.articles.contains(s.lower.get(i)?.as_str()) {
            return None;
        }
    } else {
        return None;
    }
    if s.lower.get(i).is_some_and(|w| lang.articles.contains(w)) {
        i += 1;
    }
    // the phrase's words: lower case, or demonyms and other capitalised adjectives
    let start = i;
    while i < toks.len() && i - start < 8 {
        let t = &toks[i];
        let w = s.lower[i].as_str();
        if !t.is_word()
            || lang.prepositions.contains(w)
            || lang.person_relatives.contains(w)
            || lang.coordinators.contains(w)
            || matches!(w, "that" | "which" | "based")
        {
            break;
        }
        i += 1;
    }
    if i == start {
        return None;
    }
    role_noun_ending_at(k, s, i)
}

/// "firms including Deutsche Bahn, Daimler and Siemens", "parties such as X": a name in a
/// list after a plural role noun and a list opener.
fn listed_after(
    k: &Knowledge,
    s: &Sentence<'_>,
    m: &Mention,
    spans: &[(usize, usize)],
) -> Option<EntityType> {
    let lang = &k.language;
    let mut i = m.start;
    let mut names = 1;
    // back over the list: other names, commas, "and", "or"
    while i > 0 {
        let b = i - 1;
        let w = s.lower[b].as_str();
        if let Some(&(start, _)) = spans.iter().find(|&&(a, e)| e == i && a < i) {
            i = start;
            names += 1;
        } else if w == "," || lang.coordinators.contains(w) {
            i = b;
        } else {
            break;
        }
    }
    // the names after the list, for the first of them
    names += spans.iter().filter(|&&(a, _)| a > m.start).count().min(1);
    let b = i.checked_sub(1)?;
    let w = s.lower[b].as_str();
    let (noun_end, apposed) = if s.lower[i] == "," && i < m.start {
        // "his Greek and French counterparts, Nikos Dendias and Jean-Yves Le Drian": a
        // list of names in apposition to a plural person noun
        (i, true)
    } else if lang.list_openers.contains(w) {
        (b, false)
    } else if w == "as" && b > 0 && s.lower[b - 1] == "such" {
        (b - 1, false)
    } else {
        return None;
    };
    let kind = role_noun_ending_at(k, s, noun_end)?;
    let plural = s.lower[noun_end - 1].ends_with('s');
    (!apposed || (plural && names >= 2)).then_some(kind)
}

/// The slot an actor fills in a relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    Subject,
    Object,
}

/// An untyped actor acting in a relation: what [`settle`] decides its type from.
#[derive(Clone, Debug, PartialEq)]
pub struct Act {
    pub relation: RelationKind,
    /// The surface verb or pattern (`arrested`, `met with`), for frames that tell verbs
    /// of one relation apart.
    pub verb: String,
    pub slot: Slot,
}

/// The type a relation's frame implies for an actor in one of its slots, when nothing
/// else typed it. The relation side implements this on its own frame lexicon (who can
/// be arrested, who publishes); [`DefaultFrames`] is the fallback of the ontology's
/// static relations.
pub trait FrameTypes {
    fn slot_type(&self, relation: RelationKind, verb: &str, slot: Slot) -> Option<EntityType>;
}

/// The types the ontology's relation table gives each slot: offices are held by people
/// in countries, bodies and organisations; places lie in places; people are held in
/// facilities; who arrests, sanctions or mobilises is a state's body; in the other
/// interactions of PLOVER the untyped actors are most often people.
#[derive(Clone, Copy, Debug, Default)]
pub struct DefaultFrames;

impl FrameTypes for DefaultFrames {
    fn slot_type(&self, relation: RelationKind, _verb: &str, slot: Slot) -> Option<EntityType> {
        use EntityType::*;
        use RelationKind as R;
        Some(match (relation, slot) {
            (R::HoldsOffice | R::Leads | R::MemberOf, Slot::Subject) => Person,
            (R::HoldsOffice, Slot::Object) => GovernmentBody,
            (R::Leads | R::MemberOf, Slot::Object) => Organization,
            (R::PartOf, Slot::Subject) => GovernmentBody,
            (R::PartOf, Slot::Object) => Country,
            (R::LocatedIn, _) => Place,
            (R::DetainedIn, Slot::Subject) => Person,
            (R::DetainedIn, Slot::Object) => Facility,
            // who arrests, sanctions or deploys forces is a state's body
            (R::Coerce | R::Sanction | R::Mobilize, Slot::Subject) => GovernmentBody,
            _ => Person,
        })
    }
}

/// The type of an untyped actor from the relations it acts in: the type most of its
/// acts imply (ties go to the first in the ontology's order), or None when it acts in
/// none (the caller drops it).
pub fn settle(acts: &[Act], frames: &dyn FrameTypes) -> Option<EntityType> {
    let mut votes: Vec<(EntityType, usize)> = Vec::new();
    for a in acts {
        if let Some(t) = frames.slot_type(a.relation, &a.verb, a.slot) {
            match votes.iter_mut().find(|(x, _)| *x == t) {
                Some(v) => v.1 += 1,
                None => votes.push((t, 1)),
            }
        }
    }
    votes
        .into_iter()
        .max_by_key(|&(t, n)| (n, std::cmp::Reverse(t)))
        .map(|(t, _)| t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::split_sentences;

    /// Each mention's text and type after the context is read.
    fn typed(text: &str) -> Vec<(String, Option<EntityType>)> {
        let k = Knowledge::shared();
        let sentences = split_sentences(text, 0, &k.language);
        let (mut ms, _) = crate::extract::mentions::find_document(k, &sentences);
        from_context(k, &sentences, &mut ms);
        ms.iter().map(|m| (m.text.clone(), m.kind)).collect()
    }

    fn t(name: &str, kind: Option<EntityType>) -> (String, Option<EntityType>) {
        (name.to_string(), kind)
    }

    use EntityType::*;

    #[test]
    fn a_role_noun_before_the_name() {
        assert_eq!(
            typed("Officials banned the airline Zarin Air on Monday."),
            vec![t("Zarin Air", Some(Organization))]
        );
        assert_eq!(
            typed("She spoke about her husband Tomek, who was arrested."),
            vec![t("Tomek", Some(Person))]
        );
        assert_eq!(
            typed("The daily newspaper Il Corriere reported it."),
            vec![t("Il Corriere", Some(Media))]
        );
    }

    #[test]
    fn a_name_in_the_of_phrase_of_a_place_noun_is_a_place() {
        // a place for certain, not the weak guess an of-phrase alone gives
        let k = Knowledge::shared();
        let certain = |text: &str| {
            let sentences = split_sentences(text, 0, &k.language);
            let (mut ms, _) = crate::extract::mentions::find_document(k, &sentences);
            from_context(k, &sentences, &mut ms);
            ms.iter().map(|m| (m.kind, m.weak)).collect::<Vec<_>>()
        };
        assert_eq!(
            certain("The town of Velmora voted on Sunday."),
            vec![(Some(Place), false)]
        );
        // the of-phrase of a noun of people says nothing of the name; without an
        // article the noun is a predicate ("made it capital of X"), not a place's name
        assert_eq!(
            certain("The people of Velmora met the mayor."),
            vec![(None, false)]
        );
        assert_eq!(
            certain("They would make it capital of Velmora."),
            vec![(None, false)]
        );
    }

    #[test]
    fn an_apposition_or_a_copula_after_it() {
        assert_eq!(
            typed("According to Vesna, an independent human rights center, many came."),
            vec![t("Vesna", Some(Organization))]
        );
        assert_eq!(
            typed("Karlova is a small island in the north."),
            vec![t("Karlova", Some(Place))]
        );
        assert_eq!(
            typed("Hohe Luft, a German magazine, printed it."),
            vec![t("Hohe Luft", Some(Media)), t("German", Some(Country))]
        );
        // a list of names is not an apposition
        assert_eq!(
            typed("Ana Dorin, Marta Vell and others spoke."),
            vec![t("Ana Dorin", None), t("Marta Vell", None)]
        );
    }

    #[test]
    fn a_list_after_a_plural_role_noun() {
        assert_eq!(
            typed("German firms including Bahnwerk, Telekast and Voltiq left."),
            vec![
                t("German", Some(Country)),
                t("Bahnwerk", Some(Organization)),
                t("Telekast", Some(Organization)),
                t("Voltiq", Some(Organization))
            ]
        );
        assert_eq!(
            typed("Parties such as Nova Vlada joined."),
            vec![t("Nova Vlada", Some(PoliticalParty))]
        );
    }

    #[test]
    fn honorifics_and_who_mark_people() {
        assert_eq!(
            typed("Yesterday Mr. Orlan Vey spoke. Tirell, who leads it, agreed."),
            vec![t("Orlan Vey", Some(Person)), t("Tirell", Some(Person))]
        );
    }

    #[test]
    fn a_weak_place_gives_way_to_evidence() {
        // "in X" says Place, but X is the airline
        assert_eq!(
            typed("The passengers in Zarin Air, the airline, were safe."),
            vec![t("Zarin Air", Some(Organization))]
        );
    }

    #[test]
    fn frames_type_what_nothing_else_typed() {
        let act = |relation, slot| Act {
            relation,
            verb: String::new(),
            slot,
        };
        let f = DefaultFrames;
        assert_eq!(settle(&[], &f), None);
        assert_eq!(
            settle(&[act(RelationKind::Accuse, Slot::Subject)], &f),
            Some(Person)
        );
        assert_eq!(
            settle(
                &[
                    act(RelationKind::DetainedIn, Slot::Object),
                    act(RelationKind::LocatedIn, Slot::Subject),
                    act(RelationKind::DetainedIn, Slot::Object),
                ],
                &f
            ),
            Some(Facility)
        );
    }

    /// (name, type) of every actor of the document's extraction.
    fn extracted(text: &str) -> Vec<(String, EntityType)> {
        let k = Knowledge::shared();
        let doc = crate::model::Document::from_text("t", text, Some("2024-05-08"));
        crate::extract::extract_document(&doc, k)
            .entities
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect()
    }

    #[test]
    fn an_untyped_name_is_kept_only_when_it_acts() {
        // nothing says what "Ulm Varka" is, and it does nothing: dropped, not a person
        assert_eq!(
            extracted("Yesterday Ulm Varka rose sharply. Pakistan waited."),
            vec![("Pakistan".to_string(), Country)]
        );
        // the same words meeting someone: kept, with the type the relation implies
        let got = extracted("Yesterday Ulm Varka met Senator Ivo Quent in Lahore.");
        assert!(got.contains(&("Ulm Varka".to_string(), Person)), "{got:?}");
        // a bare surname that acts is kept too
        let got = extracted("Varkan criticized Pakistan on Monday.");
        assert!(got.contains(&("Varkan".to_string(), Person)), "{got:?}");
    }
}
