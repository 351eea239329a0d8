//! Offices stated by the structure of the sentence: a title in an apposition to a person
//! ("Mohammed Suweysi, the head of the SSC, said", "Anna Lind, a journalist at the
//! Famagusta Gazette") or as a copula's predicate ("Keir Starmer is the leader of the
//! Labour Party"). The title is matched in `data/titles.tsv` with the words before it
//! ("foreign minister"); its owner is the actor of its of/at/for-phrase, its possessor or
//! its demonym ("Iran's foreign minister", "the Italian foreign minister"). Titles written
//! before a name ("US Ambassador Donald Blome") are read with the mentions.

use super::actors::{self, Filler};
use super::{Found, Sentence};
use crate::lexicon::{Title, TitleScope};
use crate::model::{EntityType, OfficeStatus, RelationKind};
use crate::syntax::Deprel;

const APPOSITION: f64 = 0.8;
const MEMBER_OF_PHRASE: f64 = 0.7;
/// A state's office whose state the sentence does not name: the document's country.
const DOCUMENT_COUNTRY: f64 = 0.5;

/// The relation a title of this kind gives towards an owner of this type.
pub fn office_relation(owner: EntityType, title: RelationKind) -> Option<RelationKind> {
    Some(match (owner, title) {
        (EntityType::Country | EntityType::GovernmentBody, _) => RelationKind::HoldsOffice,
        (EntityType::PoliticalParty, RelationKind::Leads) => RelationKind::Leads,
        (EntityType::PoliticalParty, _) => RelationKind::MemberOf,
        (EntityType::Organization | EntityType::Media, r) => r,
        _ => return None,
    })
}

pub fn read(s: &Sentence<'_>, out: &mut Vec<Found>) {
    members_of(s, out);
    let t = s.tree;
    for n in 0..t.len() {
        if s.actors[n].is_some() {
            continue;
        }
        let people = |v: Vec<Filler>| -> Vec<Filler> {
            v.into_iter()
                .filter(|h| h.kind == EntityType::Person)
                .collect()
        };
        let mut holders = people(
            actors::described(s, n)
                .or_else(|| office_verb_holders(s, n))
                .unwrap_or_default(),
        );
        if holders.is_empty() {
            holders = people(appositive_holders(s, n));
        }
        if holders.is_empty() {
            continue;
        }
        let Some((title, written)) = title_at(s, n) else {
            continue;
        };
        let status = if t
            .children_by(n, &[Deprel::Amod, Deprel::Advmod])
            .any(|c| s.lang.former.contains(t.lower(c)))
        {
            OfficeStatus::Former
        } else {
            OfficeStatus::Current
        };
        let mut owners: Vec<(Filler, f64)> =
            owners(s, n).into_iter().map(|o| (o, APPOSITION)).collect();
        if title.scope == TitleScope::Country && only_parties(owners.iter().map(|o| o.0.kind)) {
            // a state's office with no state named (a party says whose member the holder
            // is, not whose office): the document's country, if one dominates
            owners.extend(s.document_country.map(|entity| {
                let country = Filler {
                    entity,
                    kind: EntityType::Country,
                    certainty: 1.0,
                };
                (country, DOCUMENT_COUNTRY)
            }));
        }
        for (owner, pattern) in owners {
            let Some(relation) = office_relation(owner.kind, title.relation) else {
                continue;
            };
            for h in &holders {
                let mut f = Found::new(
                    h.entity,
                    owner.entity,
                    relation,
                    written.clone(),
                    pattern * h.certainty * owner.certainty,
                );
                f.role = Some(written.clone());
                f.status = Some(status);
                out.push(f);
            }
        }
    }
}

/// No owner but parties, if any: "Democratic Representatives" names no state, so the
/// office is still the state's of the context.
pub fn only_parties(mut owners: impl Iterator<Item = EntityType>) -> bool {
    owners.all(|k| k == EntityType::PoliticalParty)
}

/// "Jaroslaw Kaczynski of the Law and Justice Party", "Yvette Cooper of the Labour
/// Party": a person's of-phrase naming a party or an organization is their membership.
fn members_of(s: &Sentence<'_>, out: &mut Vec<Found>) {
    let t = s.tree;
    for p in 0..t.len() {
        let Some(person) = actors::named(s, p).filter(|a| a.kind == EntityType::Person) else {
            continue;
        };
        if s.mention_start[p] != Some(p) {
            continue;
        }
        for c in t.children_by(p, &[Deprel::Nmod]) {
            if t.case_words(c).as_slice() != ["of"] {
                continue;
            }
            let Some(group) = actors::named(s, c).filter(|a| {
                matches!(
                    a.kind,
                    EntityType::PoliticalParty | EntityType::Organization
                )
            }) else {
                continue;
            };
            out.push(Found::new(
                person.entity,
                group.entity,
                RelationKind::MemberOf,
                "of".to_string(),
                MEMBER_OF_PHRASE * person.certainty * group.certainty,
            ));
        }
    }
}

/// "Two Democratic Representatives, Collin Peterson and Jeff Van Drew", "the head of the
/// SSC, Mohammed Suweysi": the people named in the title's apposition (each conjunct).
/// Only a true apposition, after a comma, of a title that names no one itself ("German
/// Chancellor Angela Merkel and British Prime Minister Boris Johnson" can be parsed with
/// the second name in an apposition of the first title).
fn appositive_holders(s: &Sentence<'_>, n: usize) -> Vec<Filler> {
    let t = s.tree;
    let names_one = t
        .children_by(n, &[Deprel::Flat, Deprel::Compound])
        .any(|c| c > n && s.actors[c].is_some());
    if names_one {
        return Vec::new();
    }
    t.children_by(n, &[Deprel::Appos])
        .filter(|&c| c > n && c > 0 && t.lower(c - 1) == ",")
        .flat_map(|c| actors::of(s, c))
        .collect()
}

/// "X became leader of Y", "X served as ambassador to Y", "Y elected X president", "X was
/// appointed foreign minister": a title in the complement of an office verb
/// (`office_verb` in data/en/predicates.tsv) is an office of the verb's subject, or of its
/// object when the verb is active and the title is not that object.
fn office_verb_holders(s: &Sentence<'_>, n: usize) -> Option<Vec<Filler>> {
    let t = s.tree;
    let g = t.head(n)?;
    if !s.lang.office_verbs.contains(t.lemma(g)) {
        return None;
    }
    let complement = match t.rel(n) {
        Deprel::Xcomp => true,
        // "elected him president"; "elect the Prime Minister" describes an office
        Deprel::Obj => !t.has_child(n, Deprel::Det),
        Deprel::Obl => t.case_words(n).as_slice() == ["as"],
        _ => false,
    };
    if !complement {
        return None;
    }
    let objects: Vec<usize> = t
        .children_by(g, &[Deprel::Obj])
        .filter(|&o| o != n)
        .collect();
    let holders: Vec<Filler> = if objects.is_empty() {
        super::events::subjects(s, g)
    } else {
        objects.into_iter().flat_map(|o| actors::of(s, o)).collect()
    };
    Some(holders)
}

/// The title noun `n` heads, with the words before it that belong to it ("foreign
/// minister"): the longest match in the titles lexicon, as written.
fn title_at(s: &Sentence<'_>, n: usize) -> Option<(Title, String)> {
    let t = s.tree;
    // the contiguous modifiers right before the noun
    let mut first = n;
    while first > 0
        && t.head(first - 1) == Some(n)
        && matches!(t.rel(first - 1), Deprel::Compound | Deprel::Amod)
        && s.actors[first - 1].is_none()
    {
        first -= 1;
    }
    (first..=n).find_map(|from| {
        let words: Vec<&str> = (from..=n).map(|i| t.lower(i)).collect();
        let key = words.join(" ");
        s.lex
            .titles
            .get(&key)
            .or_else(|| (from == n).then(|| s.lex.titles.get(t.lemma(n))).flatten())
            .map(|title| (title.clone(), key))
    })
}

/// The actors that own the office: its of/at/for-phrase, possessor, demonym or name.
fn owners(s: &Sentence<'_>, n: usize) -> Vec<Filler> {
    let t = s.tree;
    let mut out = Vec::new();
    for c in t.children(n).iter().copied() {
        let owner_word = match t.rel(c) {
            Deprel::Nmod => matches!(t.case_words(c).as_slice(), ["of"] | ["at"] | ["for"]),
            Deprel::NmodPoss | Deprel::Amod | Deprel::Compound => true,
            _ => false,
        };
        if !owner_word {
            continue;
        }
        for cc in t.conjuncts(c) {
            match s.actors[cc] {
                Some(a) if !a.modifier && a.kind != EntityType::Person => out.push(Filler::from(a)),
                Some(_) => {}
                None => out.extend(
                    actors::of(s, cc)
                        .into_iter()
                        .filter(|f| f.kind != EntityType::Person),
                ),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::readers::testing::{facts, fixture, read_with};
    use EntityType::{GovernmentBody, Media, Person, PoliticalParty};

    fn offices(
        fx: &crate::extract::readers::testing::Fixture,
    ) -> Vec<(usize, &'static str, usize, &'static str)> {
        read_with(fx, read)
    }

    #[test]
    fn a_party_in_a_persons_of_phrase_is_their_membership() {
        // Cooper of the Labour Party said
        let rows = [
            ("Cooper", "Cooper", "PROPN", 5, "nsubj"),
            ("of", "of", "ADP", 4, "case"),
            ("the", "the", "DET", 4, "det"),
            ("Party", "Party", "PROPN", 1, "nmod"),
            ("said", "say", "VERB", 0, "root"),
        ];
        let fx = fixture(&rows, &[(0..1, 0, Person), (3..4, 1, PoliticalParty)]);
        assert_eq!(offices(&fx), vec![(0, "MEMBER_OF", 1, "asserted")]);
        // a country is no membership ("Khan of Pakistan")
        let fx = fixture(&rows, &[(0..1, 0, Person), (3..4, 1, EntityType::Country)]);
        assert_eq!(offices(&fx), vec![]);
    }

    #[test]
    fn titles_in_the_complement_of_office_verbs() {
        // Johnson became leader of the Party
        let fx = fixture(
            &[
                ("Johnson", "Johnson", "PROPN", 2, "nsubj"),
                ("became", "become", "VERB", 0, "root"),
                ("leader", "leader", "NOUN", 2, "xcomp"),
                ("of", "of", "ADP", 5, "case"),
                ("Party", "Party", "PROPN", 3, "nmod"),
            ],
            &[(0..1, 0, Person), (4..5, 1, PoliticalParty)],
        );
        assert_eq!(offices(&fx), vec![(0, "LEADS", 1, "asserted")]);
        // members elected Johnson leader of the Party: the object holds it
        let fx = fixture(
            &[
                ("members", "member", "NOUN", 2, "nsubj"),
                ("elected", "elect", "VERB", 0, "root"),
                ("Johnson", "Johnson", "PROPN", 2, "obj"),
                ("leader", "leader", "NOUN", 2, "xcomp"),
                ("of", "of", "ADP", 6, "case"),
                ("Party", "Party", "PROPN", 4, "nmod"),
            ],
            &[(2..3, 0, Person), (5..6, 1, PoliticalParty)],
        );
        assert_eq!(offices(&fx), vec![(0, "LEADS", 1, "asserted")]);
        // voters elect the leader of the Party: a definite object describes the office
        let fx = fixture(
            &[
                ("Johnson", "Johnson", "PROPN", 2, "nsubj"),
                ("elects", "elect", "VERB", 0, "root"),
                ("the", "the", "DET", 4, "det"),
                ("leader", "leader", "NOUN", 2, "obj"),
                ("of", "of", "ADP", 6, "case"),
                ("Party", "Party", "PROPN", 4, "nmod"),
            ],
            &[(0..1, 0, Person), (5..6, 1, PoliticalParty)],
        );
        assert_eq!(offices(&fx), vec![]);
        // Johnson praised the leader of the Party: no office verb, no office
        let fx = fixture(
            &[
                ("Johnson", "Johnson", "PROPN", 2, "nsubj"),
                ("praised", "praise", "VERB", 0, "root"),
                ("leader", "leader", "NOUN", 2, "obj"),
                ("of", "of", "ADP", 5, "case"),
                ("Party", "Party", "PROPN", 3, "nmod"),
            ],
            &[(0..1, 0, Person), (4..5, 1, PoliticalParty)],
        );
        assert_eq!(offices(&fx), vec![]);
    }

    #[test]
    fn the_people_in_a_titles_apposition_hold_it() {
        // two Committee members , Ann Lee and Bob Ray , voted
        let rows = [
            ("two", "two", "NUM", 3, "nummod"),
            ("Committee", "Committee", "PROPN", 3, "compound"),
            ("members", "member", "NOUN", 10, "nsubj"),
            (",", ",", "PUNCT", 5, "punct"),
            ("Ann", "Ann", "PROPN", 3, "appos"),
            ("Lee", "Lee", "PROPN", 5, "flat"),
            ("and", "and", "CCONJ", 8, "cc"),
            ("Bob", "Bob", "PROPN", 5, "conj"),
            ("Ray", "Ray", "PROPN", 8, "flat"),
            ("voted", "vote", "VERB", 0, "root"),
        ];
        let fx = fixture(
            &rows,
            &[
                (1..2, 0, GovernmentBody),
                (4..6, 1, Person),
                (7..9, 2, Person),
            ],
        );
        assert_eq!(
            offices(&fx),
            vec![
                (1, "HOLDS_OFFICE", 0, "asserted"),
                (2, "HOLDS_OFFICE", 0, "asserted")
            ]
        );
    }

    #[test]
    fn a_party_before_a_state_office_leaves_the_office_to_the_documents_country() {
        // two Liberal senators , Ann Lee , voted
        let mut fx = fixture(
            &[
                ("two", "two", "NUM", 3, "nummod"),
                ("Liberal", "liberal", "ADJ", 3, "amod"),
                ("senators", "senator", "NOUN", 7, "nsubj"),
                (",", ",", "PUNCT", 5, "punct"),
                ("Ann", "Ann", "PROPN", 3, "appos"),
                ("Lee", "Lee", "PROPN", 5, "flat"),
                ("voted", "vote", "VERB", 0, "root"),
            ],
            &[(1..2, 0, PoliticalParty), (4..6, 1, Person)],
        );
        fx.document_country = Some(crate::extract::entities::EntityId(7));
        let mut out = Vec::new();
        read(&fx.sentence(), &mut out);
        assert_eq!(
            facts(&out),
            vec![
                (1, "HOLDS_OFFICE", 7, "asserted"),
                (1, "MEMBER_OF", 0, "asserted")
            ]
        );
        assert!(only_parties([PoliticalParty].into_iter()));
        assert!(!only_parties([PoliticalParty, GovernmentBody].into_iter()));
    }

    #[test]
    fn a_state_office_without_a_state_is_the_documents_countrys() {
        // Ann Lee , the prime minister , said
        let mut fx = fixture(
            &[
                ("Ann", "Ann", "PROPN", 0, "root"),
                ("Lee", "Lee", "PROPN", 1, "flat"),
                (",", ",", "PUNCT", 6, "punct"),
                ("the", "the", "DET", 6, "det"),
                ("prime", "prime", "ADJ", 6, "amod"),
                ("minister", "minister", "NOUN", 1, "appos"),
            ],
            &[(0..2, 0, Person)],
        );
        assert_eq!(offices(&fx), vec![]);
        fx.document_country = Some(crate::extract::entities::EntityId(7));
        let found = {
            let mut out = Vec::new();
            read(&fx.sentence(), &mut out);
            out
        };
        assert_eq!(facts(&found), vec![(0, "HOLDS_OFFICE", 7, "asserted")]);
        // with less confidence than a state the sentence names
        assert!(found[0].confidence < APPOSITION);
    }

    #[test]
    fn apposition_and_copula() {
        // Mohammed Suweysi , the head of the Committee , said
        let fx = fixture(
            &[
                ("Mohammed", "Mohammed", "PROPN", 0, "root"),
                ("Suweysi", "Suweysi", "PROPN", 1, "flat"),
                (",", ",", "PUNCT", 5, "punct"),
                ("the", "the", "DET", 5, "det"),
                ("head", "head", "NOUN", 1, "appos"),
                ("of", "of", "ADP", 8, "case"),
                ("the", "the", "DET", 8, "det"),
                ("Committee", "Committee", "PROPN", 5, "nmod"),
            ],
            &[(0..2, 0, Person), (7..8, 1, GovernmentBody)],
        );
        assert_eq!(offices(&fx), vec![(0, "HOLDS_OFFICE", 1, "asserted")]);
        // Keir Starmer is the leader of the Labour Party
        let fx = fixture(
            &[
                ("Keir", "Keir", "PROPN", 5, "nsubj"),
                ("Starmer", "Starmer", "PROPN", 1, "flat"),
                ("is", "be", "AUX", 5, "cop"),
                ("the", "the", "DET", 5, "det"),
                ("leader", "leader", "NOUN", 0, "root"),
                ("of", "of", "ADP", 9, "case"),
                ("the", "the", "DET", 9, "det"),
                ("Labour", "Labour", "PROPN", 9, "compound"),
                ("Party", "Party", "PROPN", 5, "nmod"),
            ],
            &[(0..2, 0, Person), (7..9, 1, PoliticalParty)],
        );
        assert_eq!(offices(&fx), vec![(0, "LEADS", 1, "asserted")]);
        // Anna Lind , a journalist at the Gazette
        let fx = fixture(
            &[
                ("Anna", "Anna", "PROPN", 0, "root"),
                ("Lind", "Lind", "PROPN", 1, "flat"),
                (",", ",", "PUNCT", 5, "punct"),
                ("a", "a", "DET", 5, "det"),
                ("journalist", "journalist", "NOUN", 1, "appos"),
                ("at", "at", "ADP", 8, "case"),
                ("the", "the", "DET", 8, "det"),
                ("Gazette", "Gazette", "PROPN", 5, "nmod"),
            ],
            &[(0..2, 0, Person), (7..8, 1, Media)],
        );
        assert_eq!(offices(&fx), vec![(0, "MEMBER_OF", 1, "asserted")]);
    }
}
