//! Offices stated by the structure of the sentence: a title in an apposition to a person
//! ("Mohammed Suweysi, the head of the SSC, said", "Anna Lind, a journalist at the
//! Famagusta Gazette") or as a copula's predicate ("Keir Starmer is the leader of the
//! Labour Party"). The title is matched in `data/titles.tsv` with the words before it
//! ("foreign minister"); its owner is the actor of its of/at/for-phrase, its possessor or
//! its demonym ("Iran's foreign minister", "the Italian foreign minister"). Titles written
//! before a name ("US Ambassador Donald Blome") are read with the mentions.

use super::actors::{self, Filler};
use super::{Found, Sentence};
use crate::lexicon::Title;
use crate::model::{EntityType, OfficeStatus, RelationKind};
use crate::syntax::Deprel;

const APPOSITION: f64 = 0.8;

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
    let t = s.tree;
    for n in 0..t.len() {
        if s.actors[n].is_some() {
            continue;
        }
        let holders: Vec<Filler> = match t.rel(n) {
            Deprel::Appos => t.head(n).map(|h| actors::of(s, h)).unwrap_or_default(),
            _ if t.has_child(n, Deprel::Cop) => t
                .children_by(n, &[Deprel::Nsubj])
                .flat_map(|c| actors::of(s, c))
                .collect(),
            _ => continue,
        };
        let holders: Vec<Filler> = holders
            .into_iter()
            .filter(|h| h.kind == EntityType::Person)
            .collect();
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
        for owner in owners(s, n) {
            let Some(relation) = office_relation(owner.kind, title.relation) else {
                continue;
            };
            for h in &holders {
                let mut f = Found::new(
                    h.entity,
                    owner.entity,
                    relation,
                    written.clone(),
                    APPOSITION * h.certainty * owner.certainty,
                );
                f.role = Some(written.clone());
                f.status = Some(status);
                out.push(f);
            }
        }
    }
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
                Some(a) if !a.modifier && a.kind != EntityType::Person => out.push(Filler {
                    entity: a.entity,
                    kind: a.kind,
                    certainty: a.certainty,
                }),
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
    use crate::extract::readers::testing::{facts, fixture};
    use EntityType::{GovernmentBody, Media, Person, PoliticalParty};

    fn offices(
        fx: &crate::extract::readers::testing::Fixture,
    ) -> Vec<(usize, &'static str, usize, &'static str)> {
        let mut out = Vec::new();
        read(&fx.sentence(), &mut out);
        facts(&out)
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
