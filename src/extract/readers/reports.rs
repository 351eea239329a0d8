//! Who says so. An event in the complement of a reporting verb ("the ministry said (that)
//! Iran attacked …"), in a clause a reporting verb is added to ("Iran attacked …, the
//! Pentagon said"), or with "according to X" is reported by that verb's subject or X.
//! Reporting alone is no edge between the reporter and the actors (ONTOLOGY.md); but a
//! demand reported as such is one: "X said Y must …" is X REQUEST Y (Y the subject of an
//! active clause: "X said Y must be punished" asks nothing of Y).

use super::actors;
use super::events::subjects;
use super::{Found, Sentence};
use crate::extract::entities::EntityId;
use crate::model::RelationKind;
use crate::syntax::Deprel;

/// Clause links followed up from a predicate to the clause a report governs.
const MAX_CHAIN: usize = 8;

/// Confidence of a reported demand.
const DEMAND: f64 = 0.6;

/// The actor the sentence names as the source of the event at predicate `p`.
pub fn reporter(s: &Sentence<'_>, p: usize) -> Option<EntityId> {
    let t = s.tree;
    let mut at = p;
    for _ in 0..MAX_CHAIN {
        if let Some(r) = according_to(s, at).or_else(|| added_report(s, at)) {
            return Some(r);
        }
        let h = t.head(at)?;
        match t.rel(at) {
            Deprel::Ccomp if s.lang.report_verbs.contains(t.lemma(h)) => {
                return subjects(s, h).first().map(|f| f.entity);
            }
            // "X said" added to the clause it reports
            Deprel::Parataxis if s.lang.report_verbs.contains(t.lemma(at)) => return None,
            _ => at = h,
        }
    }
    None
}

/// "according to X" on this word.
fn according_to(s: &Sentence<'_>, w: usize) -> Option<EntityId> {
    let t = s.tree;
    t.children_by(w, &[Deprel::Obl, Deprel::Nmod])
        .find(|&c| t.case_words(c).first() == Some(&"according"))
        .and_then(|c| actors::of(s, c).first().map(|f| f.entity))
}

/// "…, the Pentagon said": a reporting verb added to the clause of `w`.
fn added_report(s: &Sentence<'_>, w: usize) -> Option<EntityId> {
    let t = s.tree;
    t.children_by(w, &[Deprel::Parataxis])
        .find(|&c| s.lang.report_verbs.contains(t.lemma(c)))
        .and_then(|c| subjects(s, c).first().map(|f| f.entity))
}

/// "X said (that) Y must …": X REQUEST Y.
pub fn demands(s: &Sentence<'_>, out: &mut Vec<Found>) {
    let t = s.tree;
    for c in 0..t.len() {
        if t.rel(c) != Deprel::Ccomp {
            continue;
        }
        let Some(r) = t.head(c) else { continue };
        if !s.lang.report_verbs.contains(t.lemma(r)) {
            continue;
        }
        let obliged = t
            .children_by(c, &[Deprel::Aux])
            .any(|a| s.lang.obligation_auxiliaries.contains(t.lower(a)));
        if !obliged {
            continue;
        }
        let speakers = subjects(s, r);
        // the subject of an active clause is asked to act; that of a passive one ("Y
        // must be punished", "the forest should be opened up") is what is acted on
        let obliged: Vec<_> = t
            .children_by(c, &[Deprel::Nsubj])
            .flat_map(|n| actors::of(s, n))
            .collect();
        for a in &speakers {
            for b in &obliged {
                if a.entity != b.entity {
                    out.push(Found::new(
                        a.entity,
                        b.entity,
                        RelationKind::Request,
                        format!("{} … must", t.lower(r)),
                        DEMAND * a.certainty * b.certainty,
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::readers::testing::fixture;
    use crate::model::EntityType::{Country, GovernmentBody, Media};

    #[test]
    fn reporters_of_complements_additions_and_according_to() {
        // Iran attacked Oman , the Pentagon said
        let fx = fixture(
            &[
                ("Iran", "Iran", "PROPN", 2, "nsubj"),
                ("attacked", "attack", "VERB", 0, "root"),
                ("Oman", "Oman", "PROPN", 2, "obj"),
                (",", ",", "PUNCT", 7, "punct"),
                ("the", "the", "DET", 6, "det"),
                ("Pentagon", "Pentagon", "PROPN", 7, "nsubj"),
                ("said", "say", "VERB", 2, "parataxis"),
            ],
            &[
                (0..1, 0, Country),
                (2..3, 1, Country),
                (5..6, 2, GovernmentBody),
            ],
        );
        assert_eq!(reporter(&fx.sentence(), 1), Some(EntityId(2)));
        // Germany said that Serbia attacked Kosovo
        let fx = fixture(
            &[
                ("Germany", "Germany", "PROPN", 2, "nsubj"),
                ("said", "say", "VERB", 0, "root"),
                ("that", "that", "SCONJ", 5, "mark"),
                ("Serbia", "Serbia", "PROPN", 5, "nsubj"),
                ("attacked", "attack", "VERB", 2, "ccomp"),
                ("Kosovo", "Kosovo", "PROPN", 5, "obj"),
            ],
            &[(0..1, 0, Country), (3..4, 1, Country), (5..6, 2, Country)],
        );
        assert_eq!(reporter(&fx.sentence(), 4), Some(EntityId(0)));
        // nobody reports the report itself
        assert_eq!(reporter(&fx.sentence(), 1), None);
        // According to Reuters , Egypt condemned Ethiopia
        let fx = fixture(
            &[
                ("According", "accord", "VERB", 3, "case"),
                ("to", "to", "ADP", 1, "fixed"),
                ("Reuters", "Reuters", "PROPN", 6, "obl"),
                (",", ",", "PUNCT", 6, "punct"),
                ("Egypt", "Egypt", "PROPN", 6, "nsubj"),
                ("condemned", "condemn", "VERB", 0, "root"),
                ("Ethiopia", "Ethiopia", "PROPN", 6, "obj"),
            ],
            &[(2..3, 0, Media), (4..5, 1, Country), (6..7, 2, Country)],
        );
        assert_eq!(reporter(&fx.sentence(), 5), Some(EntityId(0)));
    }

    #[test]
    fn reported_demands_are_requests() {
        // Germany said Serbia must recognise Kosovo
        let fx = fixture(
            &[
                ("Germany", "Germany", "PROPN", 2, "nsubj"),
                ("said", "say", "VERB", 0, "root"),
                ("Serbia", "Serbia", "PROPN", 5, "nsubj"),
                ("must", "must", "AUX", 5, "aux"),
                ("recognise", "recognise", "VERB", 2, "ccomp"),
                ("Kosovo", "Kosovo", "PROPN", 5, "obj"),
            ],
            &[(0..1, 0, Country), (2..3, 1, Country), (5..6, 2, Country)],
        );
        let mut out = Vec::new();
        demands(&fx.sentence(), &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(
            (out[0].subject, out[0].relation, out[0].object),
            (EntityId(0), RelationKind::Request, EntityId(1))
        );
    }

    #[test]
    fn a_passive_subject_is_not_asked_to_act() {
        // Germany said Serbia must be punished
        let fx = fixture(
            &[
                ("Germany", "Germany", "PROPN", 2, "nsubj"),
                ("said", "say", "VERB", 0, "root"),
                ("Serbia", "Serbia", "PROPN", 6, "nsubj:pass"),
                ("must", "must", "AUX", 6, "aux"),
                ("be", "be", "AUX", 6, "aux:pass"),
                ("punished", "punish", "VERB", 2, "ccomp"),
            ],
            &[(0..1, 0, Country), (2..3, 1, Country)],
        );
        let mut out = Vec::new();
        demands(&fx.sentence(), &mut out);
        assert!(out.is_empty(), "{out:?}");
    }
}
