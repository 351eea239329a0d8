//! Where places are, and where people are held. LOCATED_IN from a possessive
//! ("Rawalpindi's Adiala jail"), an in-phrase ("Adiala jail in Rawalpindi"), an
//! apposition ("Lahore, Pakistan") and a location noun in an apposition or a copula
//! ("Lahore, the capital of Punjab", "Crete is an island in Greece"). DETAINED_IN of a
//! person said to be in a place of detention ("Khan, in Adiala jail, ..."); detention
//! verbs ("held in") are frames of `data/frames.tsv`, read by [`events`](super::events).

use super::actors::{self, Filler};
use super::{ActorAt, Found, Sentence};
use crate::model::{EntityType, RelationKind};
use crate::syntax::Deprel;

const POSSESSIVE: f64 = 0.8;
const PREPOSITION: f64 = 0.7;
const APPOSITION: f64 = 0.7;
const IN_DETENTION: f64 = 0.6;
const SIDE_BY_SIDE: f64 = 0.6;

fn is_located(kind: EntityType) -> bool {
    matches!(kind, EntityType::Place | EntityType::Facility)
}

fn is_location(kind: EntityType) -> bool {
    matches!(kind, EntityType::Place | EntityType::Country)
}

pub fn read(s: &Sentence<'_>, out: &mut Vec<Found>) {
    let t = s.tree;
    side_by_side(s, out);
    place_comma_country(s, out);
    for w in 0..t.len() {
        if let Some(a) = actors::named(s, w) {
            if is_located(a.kind) && s.mention_start[w].is_some() {
                located(s, w, a, out);
            }
            if a.kind == EntityType::Facility && is_detention_place(s, w) {
                detained(s, w, a, out);
            }
        }
        if s.lang.location_nouns.contains(t.lemma(w)) && s.actors[w].is_none() {
            location_noun(s, w, out);
        }
    }
}

/// The place or facility at `w` lies in a place or country named by its possessor,
/// its in-phrase or its apposition.
fn located(s: &Sentence<'_>, w: usize, a: ActorAt, out: &mut Vec<Found>) {
    let t = s.tree;
    for c in t.children(w).iter().copied() {
        // the phrase must be outside the name ("Bank of England" is one name)
        if s.mention_start[c].is_some() && s.mention_start[c] == s.mention_start[w] {
            continue;
        }
        let confidence = match t.rel(c) {
            Deprel::NmodPoss => POSSESSIVE,
            Deprel::Nmod if t.case_words(c).as_slice() == ["in"] => PREPOSITION,
            Deprel::Appos => APPOSITION,
            _ => continue,
        };
        for b in actors::of(s, c) {
            if is_location(b.kind) {
                push(out, a.entity, b, "in", confidence * b.certainty);
            }
        }
    }
}

fn push(
    out: &mut Vec<Found>,
    subject: crate::extract::entities::EntityId,
    b: Filler,
    verb: &str,
    confidence: f64,
) {
    out.push(Found::new(
        subject,
        b.entity,
        RelationKind::LocatedIn,
        verb.to_string(),
        confidence,
    ));
}

/// "Malir Jail in Karachi": a place or facility named right before "in" and a place or
/// country. Where a prepositional phrase attaches is the parser's least reliable
/// decision (here it may hang "in Karachi" on a word before the jail), and two names side
/// by side with "in" between say where the first is, whatever the tree.
fn side_by_side(s: &Sentence<'_>, out: &mut Vec<Found>) {
    let t = s.tree;
    for i in 1..t.len().saturating_sub(1) {
        if t.lower(i) != "in" {
            continue;
        }
        let (Some(a), Some(b)) = (actors::named(s, i - 1), actors::named(s, i + 1)) else {
            continue;
        };
        if !(is_located(a.kind) && is_location(b.kind) && s.mention_start[i + 1] == Some(i + 1)) {
            continue;
        }
        // "the Amazon rainforest in Brazil, Bolivia, and Paraguay": in each of them
        for c in t.conjuncts(i + 1) {
            let Some(b) = actors::named(s, c).filter(|b| is_location(b.kind)) else {
                continue;
            };
            push(
                out,
                a.entity,
                Filler::from(b),
                "in",
                SIDE_BY_SIDE * b.certainty,
            );
        }
    }
}

/// "São Paulo, Brazil", "NAIROBI, Kenya": a place named right before a comma and a
/// country. The parser often reads the country as the start of what follows ("the city
/// of São Paulo, Brazil dark"), but a place, a comma and a country side by side say
/// where the place is, whatever the tree. Not in a list of locations ("Paris, Germany
/// and Italy"; "Rome, Paris, France"), where the comma only separates.
fn place_comma_country(s: &Sentence<'_>, out: &mut Vec<Found>) {
    let t = s.tree;
    let n = t.len();
    let location_at = |i: usize| i < n && actors::named(s, i).is_some_and(|a| is_location(a.kind));
    for i in 1..n.saturating_sub(1) {
        if t.lower(i) != "," {
            continue;
        }
        let (Some(a), Some(b)) = (actors::named(s, i - 1), actors::named(s, i + 1)) else {
            continue;
        };
        if !is_located(a.kind)
            || b.kind != EntityType::Country
            || a.entity == b.entity
            || s.mention_start[i + 1] != Some(i + 1)
        {
            continue;
        }
        let place_start = s.mention_start[i - 1].unwrap_or(i - 1);
        let listed_before =
            place_start >= 2 && t.lower(place_start - 1) == "," && location_at(place_start - 2);
        let country_end = (i + 1..n)
            .find(|&e| s.mention_start[e] != Some(i + 1))
            .unwrap_or(n);
        let listed_after = country_end < n
            && matches!(t.lower(country_end), "," | "and" | "or")
            && location_at(country_end + 1);
        if listed_before || listed_after {
            continue;
        }
        push(
            out,
            a.entity,
            Filler::from(b),
            "in",
            SIDE_BY_SIDE * b.certainty,
        );
    }
}

/// A location noun names a place and what it lies in: "X, the capital of Y" and "X is
/// the capital of Y" (the place is the noun's head or subject), "the Serbian capital
/// Belgrade", "the Greek island of Samos", "the city of São Paulo" (the place is a name
/// attached to the noun, or right after it); the container is the noun's demonym,
/// possessor or of/in-phrase.
fn location_noun(s: &Sentence<'_>, n: usize, out: &mut Vec<Found>) {
    let t = s.tree;
    let mut places: Vec<Filler> = actors::described(s, n).unwrap_or_default();
    let mut named_here: Vec<usize> = Vec::new();
    for c in t.children(n).iter().copied() {
        let attached = match t.rel(c) {
            Deprel::Appos | Deprel::Flat | Deprel::Compound => c > n,
            // "the city of Kyiv" names the city; once the noun describes a place already
            // ("Lahore, the capital of Punjab") its of-phrase is what holds it
            Deprel::Nmod => places.is_empty() && t.case_words(c).as_slice() == ["of"],
            _ => false,
        };
        if attached && actors::named(s, c).is_some_and(|a| is_located(a.kind)) {
            named_here.push(c);
        }
    }
    if named_here.is_empty() && n + 1 < t.len() && s.mention_start[n + 1] == Some(n + 1) {
        // "the Serbian capital Belgrade" with the name parsed elsewhere
        if actors::named(s, n + 1).is_some_and(|a| is_located(a.kind)) {
            named_here.push(n + 1);
        }
    }
    for &c in &named_here {
        places.extend(actors::of(s, c));
    }
    if places.is_empty() {
        return;
    }
    let mut within: Vec<Filler> = Vec::new();
    for c in t.children(n).iter().copied() {
        if named_here.contains(&c) {
            continue;
        }
        let container = match t.rel(c) {
            Deprel::Amod | Deprel::NmodPoss => true,
            // "the Greek island of Samos" with the demonym parsed as a compound
            Deprel::Compound => c < n,
            Deprel::Nmod => matches!(t.case_words(c).as_slice(), ["of"] | ["in"]),
            _ => false,
        };
        if !container {
            continue;
        }
        for cc in t.conjuncts(c) {
            match s.actors[cc] {
                Some(a) if !a.modifier => within.push(Filler {
                    entity: a.entity,
                    kind: a.kind,
                    certainty: a.certainty,
                }),
                Some(_) => {}
                None => within.extend(actors::of(s, cc)),
            }
        }
    }
    for a in places.iter().filter(|a| is_located(a.kind)) {
        for b in within
            .iter()
            .filter(|b| is_location(b.kind) && b.entity != a.entity)
        {
            let verb = t.lower(n).to_string();
            push(
                out,
                a.entity,
                *b,
                &verb,
                APPOSITION * a.certainty * b.certainty,
            );
        }
    }
}

/// A facility whose name holds a detention word ("Adiala jail").
fn is_detention_place(s: &Sentence<'_>, w: usize) -> bool {
    let Some(start) = s.mention_start[w] else {
        return false;
    };
    (start..s.tree.len())
        .take_while(|&i| s.mention_start[i] == Some(start))
        .any(|i| s.lex.detention_words.contains(s.tree.lower(i)))
}

/// A person said to be in a place of detention: the phrase "in X" on the person, or on
/// a predicate the person is the subject of ("Khan, who is in Adiala jail").
fn detained(s: &Sentence<'_>, w: usize, _a: ActorAt, out: &mut Vec<Found>) {
    let t = s.tree;
    // only the head word of the facility's phrase
    if t.head(w)
        .is_some_and(|h| s.mention_start[h] == s.mention_start[w])
    {
        return;
    }
    if !matches!(t.case_words(w).as_slice(), ["in"] | ["at"] | ["inside"]) {
        return;
    }
    let subjects_of = |p: usize| -> Vec<Filler> {
        let mut found: Vec<Filler> = t
            .children_by(p, &[Deprel::Nsubj, Deprel::NsubjPass])
            .flat_map(|c| actors::of(s, c))
            .collect();
        if found.is_empty() {
            found = super::events::subjects(s, p);
        }
        found
    };
    let mut held: Vec<Filler> = if t.has_child(w, Deprel::Cop) {
        // "Khan, who is in Adiala jail": the facility is the predicate
        subjects_of(w)
    } else {
        let Some(h) = t.head(w) else { return };
        match t.rel(w) {
            Deprel::Nmod => actors::of(s, h),
            Deprel::Obl => subjects_of(h),
            _ => Vec::new(),
        }
    };
    held.retain(|f| f.kind == EntityType::Person);
    let place = s.actors[w].map(|a| a.entity);
    for p in held {
        if let Some(place) = place {
            out.push(Found::new(
                p.entity,
                place,
                RelationKind::DetainedIn,
                format!("in {}", t.lower(w)),
                IN_DETENTION * p.certainty,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::readers::testing::{fixture, read_with};
    use EntityType::{Country, Facility, Person, Place};

    fn places(
        fx: &crate::extract::readers::testing::Fixture,
    ) -> Vec<(usize, &'static str, usize, &'static str)> {
        read_with(fx, read)
    }

    #[test]
    fn possessive_preposition_and_apposition() {
        // Rawalpindi 's Adiala jail
        let fx = fixture(
            &[
                ("Rawalpindi", "Rawalpindi", "PROPN", 4, "nmod:poss"),
                ("'s", "'s", "PART", 1, "case"),
                ("Adiala", "Adiala", "PROPN", 4, "compound"),
                ("jail", "jail", "NOUN", 0, "root"),
            ],
            &[(0..1, 0, Place), (2..4, 1, Facility)],
        );
        assert_eq!(places(&fx), vec![(1, "LOCATED_IN", 0, "asserted")]);
        // Lahore , Pakistan
        let fx = fixture(
            &[
                ("Lahore", "Lahore", "PROPN", 0, "root"),
                (",", ",", "PUNCT", 3, "punct"),
                ("Pakistan", "Pakistan", "PROPN", 1, "appos"),
            ],
            &[(0..1, 0, Place), (2..3, 1, Country)],
        );
        assert_eq!(places(&fx), vec![(0, "LOCATED_IN", 1, "asserted")]);
        // the Bank of England is one name: no fact inside it
        let fx = fixture(
            &[
                ("Camp", "Camp", "PROPN", 0, "root"),
                ("in", "in", "ADP", 3, "case"),
                ("Lahore", "Lahore", "PROPN", 1, "nmod"),
            ],
            &[(0..3, 0, Facility)],
        );
        assert!(places(&fx).is_empty());
    }

    #[test]
    fn a_place_in_a_coordination_of_places_is_in_each() {
        // the Forest in Brazil , Bolivia and Paraguay (the in-phrase parsed on a verb)
        let fx = fixture(
            &[
                ("burning", "burn", "VERB", 0, "root"),
                ("the", "the", "DET", 3, "det"),
                ("Forest", "Forest", "PROPN", 1, "obj"),
                ("in", "in", "ADP", 5, "case"),
                ("Brazil", "Brazil", "PROPN", 1, "obl"),
                (",", ",", "PUNCT", 7, "punct"),
                ("Bolivia", "Bolivia", "PROPN", 5, "conj"),
                ("and", "and", "CCONJ", 9, "cc"),
                ("Paraguay", "Paraguay", "PROPN", 5, "conj"),
            ],
            &[
                (2..3, 0, Place),
                (4..5, 1, Country),
                (6..7, 2, Country),
                (8..9, 3, Country),
            ],
        );
        assert_eq!(
            places(&fx),
            vec![
                (0, "LOCATED_IN", 1, "asserted"),
                (0, "LOCATED_IN", 2, "asserted"),
                (0, "LOCATED_IN", 3, "asserted")
            ]
        );
    }

    #[test]
    fn a_place_a_comma_and_a_country_side_by_side() {
        // the city of Sao Paulo , Brazil dark (the country parsed into what follows)
        let rows = [
            ("city", "city", "NOUN", 0, "root"),
            ("of", "of", "ADP", 3, "case"),
            ("Paulo", "Paulo", "PROPN", 1, "nmod"),
            (",", ",", "PUNCT", 6, "punct"),
            ("Brazil", "Brazil", "PROPN", 6, "compound"),
            ("dark", "dark", "NOUN", 1, "appos"),
        ];
        let fx = fixture(&rows, &[(2..3, 0, Place), (4..5, 1, Country)]);
        assert_eq!(places(&fx), vec![(0, "LOCATED_IN", 1, "asserted")]);
        // two places: a comma between places says nothing of where either is
        let fx = fixture(&rows, &[(2..3, 0, Place), (4..5, 1, Place)]);
        assert!(places(&fx).is_empty());
        // in Rome , France and Italy: a list of locations
        let fx = fixture(
            &[
                ("in", "in", "ADP", 2, "case"),
                ("Rome", "Rome", "PROPN", 0, "root"),
                (",", ",", "PUNCT", 4, "punct"),
                ("France", "France", "PROPN", 2, "conj"),
                ("and", "and", "CCONJ", 6, "cc"),
                ("Italy", "Italy", "PROPN", 2, "conj"),
            ],
            &[(1..2, 0, Place), (3..4, 1, Country), (5..6, 2, Country)],
        );
        assert!(places(&fx).is_empty());
        // Berlin , Rome , Italy: the place itself in a list
        let fx = fixture(
            &[
                ("Berlin", "Berlin", "PROPN", 0, "root"),
                (",", ",", "PUNCT", 3, "punct"),
                ("Rome", "Rome", "PROPN", 1, "conj"),
                (",", ",", "PUNCT", 5, "punct"),
                ("Italy", "Italy", "PROPN", 1, "conj"),
            ],
            &[(0..1, 0, Place), (2..3, 1, Place), (4..5, 2, Country)],
        );
        assert!(places(&fx).is_empty());
    }

    #[test]
    fn a_demonym_compound_of_a_location_noun_holds_the_place() {
        // on the Greek island of Samos
        let fx = fixture(
            &[
                ("on", "on", "ADP", 4, "case"),
                ("the", "the", "DET", 4, "det"),
                ("Greek", "Greek", "PROPN", 4, "compound"),
                ("island", "island", "NOUN", 0, "root"),
                ("of", "of", "ADP", 6, "case"),
                ("Samos", "Samos", "PROPN", 4, "nmod"),
            ],
            &[(2..3, 0, Country), (5..6, 1, Place)],
        )
        .demonym(2);
        assert_eq!(places(&fx), vec![(1, "LOCATED_IN", 0, "asserted")]);
    }

    #[test]
    fn location_nouns_in_appositions_and_copulas() {
        // Kyiv is the capital of Ukraine
        let fx = fixture(
            &[
                ("Kyiv", "Kyiv", "PROPN", 4, "nsubj"),
                ("is", "be", "AUX", 4, "cop"),
                ("the", "the", "DET", 4, "det"),
                ("capital", "capital", "NOUN", 0, "root"),
                ("of", "of", "ADP", 6, "case"),
                ("Ukraine", "Ukraine", "PROPN", 4, "nmod"),
            ],
            &[(0..1, 0, Place), (5..6, 1, Country)],
        );
        assert_eq!(places(&fx), vec![(0, "LOCATED_IN", 1, "asserted")]);
    }

    #[test]
    fn people_in_places_of_detention() {
        // Khan , who is in Adiala jail
        let fx = fixture(
            &[
                ("Khan", "Khan", "PROPN", 0, "root"),
                (",", ",", "PUNCT", 7, "punct"),
                ("who", "who", "PRON", 7, "nsubj"),
                ("is", "be", "AUX", 7, "cop"),
                ("in", "in", "ADP", 7, "case"),
                ("Adiala", "Adiala", "PROPN", 7, "compound"),
                ("jail", "jail", "NOUN", 1, "acl:relcl"),
            ],
            &[(0..1, 0, Person), (5..7, 1, Facility)],
        );
        assert_eq!(places(&fx), vec![(0, "DETAINED_IN", 1, "asserted")]);
    }
}
