//! PART_OF stated by the sentence: a unit noun (`unit_noun` in data/en/predicates.tsv:
//! "agency", "wing", "force") describes a group as a part of another, in an apposition
//! or a copula ("UNESCO, a specialized agency of the United Nations", "YPG is the main
//! fighting force of the SDF", "Hamas's armed wing, the Qassam Brigades"). The whole is
//! the noun's of-phrase or possessor. PART_OF from a name alone ("Russian Foreign
//! Ministry") is read with the entities; a country word inside a name is never a part.

use super::actors::{self, Filler};
use super::{Found, Sentence};
use crate::model::{EntityType, RelationKind};
use crate::syntax::Deprel;

const STATED: f64 = 0.7;

fn is_part(kind: EntityType) -> bool {
    matches!(
        kind,
        EntityType::GovernmentBody
            | EntityType::Organization
            | EntityType::PoliticalParty
            | EntityType::Media
    )
}

fn is_whole(kind: EntityType) -> bool {
    is_part(kind) || kind == EntityType::Country
}

pub fn read(s: &Sentence<'_>, out: &mut Vec<Found>) {
    let t = s.tree;
    for n in 0..t.len() {
        if s.actors[n].is_some() || !s.lang.unit_nouns.contains(t.lemma(n)) {
            continue;
        }
        // the part: the name the noun describes, or the name in its apposition
        let mut parts: Vec<Filler> = actors::described(s, n).unwrap_or_default();
        for c in t.children_by(n, &[Deprel::Appos]) {
            parts.extend(actors::named(s, c).map(Filler::from));
        }
        parts.retain(|p| is_part(p.kind));
        if parts.is_empty() {
            continue;
        }
        let wholes: Vec<Filler> = t
            .children(n)
            .iter()
            .copied()
            .filter(|&c| match t.rel(c) {
                Deprel::NmodPoss => true,
                Deprel::Nmod => t.case_words(c).as_slice() == ["of"],
                _ => false,
            })
            .flat_map(|c| actors::of(s, c))
            .filter(|w| is_whole(w.kind))
            .collect();
        for p in &parts {
            for w in wholes.iter().filter(|w| w.entity != p.entity) {
                out.push(Found::new(
                    p.entity,
                    w.entity,
                    RelationKind::PartOf,
                    t.lower(n).to_string(),
                    STATED * p.certainty * w.certainty,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::readers::testing::{fixture, read_with};
    use EntityType::{Organization, Person};

    #[test]
    fn a_unit_noun_in_an_apposition_or_a_copula() {
        // UNESCO , a specialized agency of the United Nations , is based
        let fx = fixture(
            &[
                ("UNESCO", "UNESCO", "PROPN", 10, "nsubj:pass"),
                (",", ",", "PUNCT", 5, "punct"),
                ("a", "a", "DET", 5, "det"),
                ("specialized", "specialize", "VERB", 5, "amod"),
                ("agency", "agency", "NOUN", 1, "appos"),
                ("of", "of", "ADP", 8, "case"),
                ("the", "the", "DET", 8, "det"),
                ("Nations", "Nations", "PROPN", 5, "nmod"),
                ("is", "be", "AUX", 10, "aux:pass"),
                ("based", "base", "VERB", 0, "root"),
            ],
            &[(0..1, 0, Organization), (7..8, 1, Organization)],
        );
        assert_eq!(read_with(&fx, read), vec![(0, "PART_OF", 1, "asserted")]);
        // YPG is the main force of the SDF
        let copula = |subject: EntityType| {
            fixture(
                &[
                    ("YPG", "YPG", "PROPN", 5, "nsubj"),
                    ("is", "be", "AUX", 5, "cop"),
                    ("the", "the", "DET", 5, "det"),
                    ("main", "main", "ADJ", 5, "amod"),
                    ("force", "force", "NOUN", 0, "root"),
                    ("of", "of", "ADP", 7, "case"),
                    ("SDF", "SDF", "PROPN", 5, "nmod"),
                ],
                &[(0..1, 0, subject), (6..7, 1, Organization)],
            )
        };
        assert_eq!(
            read_with(&copula(Organization), read),
            vec![(0, "PART_OF", 1, "asserted")]
        );
        // a person is no part
        assert_eq!(read_with(&copula(Person), read), vec![]);
    }
}
