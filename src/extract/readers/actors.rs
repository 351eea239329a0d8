//! Which actors a word of the tree stands for. A word inside a mention stands for its
//! actor; a relative pronoun for its antecedent; a common noun for the actor named in
//! its apposition ("the head of the SSC, Mohammed Suweysi") or, when it is an agent noun
//! or a title ("Israeli forces", "the navies of China", "the Egyptian foreign minister"),
//! for the actor that owns it. Every conjunct of a coordination stands for its own actors
//! ("Australia, Bahrain and Saudi Arabia": three).

use super::{ActorAt, Sentence};
use crate::extract::entities::EntityId;
use crate::model::EntityType;
use crate::syntax::{Deprel, Upos};

/// An actor a word stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Filler {
    pub entity: EntityId,
    pub kind: EntityType,
    pub certainty: f64,
}

/// How much less sure an actor is when it is reached through a noun it owns ("Israeli
/// forces" for Israel) rather than named.
const OWNER_CERTAINTY: f64 = 0.8;

/// The deepest chain of nouns followed ("the leaders of the delegation of the ministry
/// of X"): bounds the work on pathological trees.
const MAX_DEPTH: usize = 4;

const RELATIVE_PRONOUNS: &[&str] = &["which", "who", "whom", "that", "whose"];

/// The actors word `i` and the words coordinated with it stand for.
pub fn of(s: &Sentence<'_>, i: usize) -> Vec<Filler> {
    let mut out = Vec::new();
    for c in s.tree.conjuncts(i) {
        denoted(s, c, 0, &mut out);
    }
    out
}

/// The actors a sentence's main clause has for its subject when they are more than one
/// ("Sameh Shoukry and his counterparts, A, B and C, gathered in Cairo"): the group a
/// plural pronoun of a later sentence ("They called on Turkey") stands for. Empty when the
/// subject is one actor or none.
pub fn plural_subject(s: &Sentence<'_>) -> Vec<Filler> {
    let t = s.tree;
    let Some(root) = (0..t.len()).find(|&i| t.head(i).is_none()) else {
        return Vec::new();
    };
    let mut group = Vec::new();
    for c in t.children_by(root, &[Deprel::Nsubj]) {
        for f in of(s, c) {
            push(&mut group, f);
        }
    }
    if group.len() < 2 {
        group.clear();
    }
    group
}

/// The actors a common noun describes: its head when it is an apposition ("X, the
/// capital of Y"), its subject when it is a copula's predicate ("X is the capital of Y");
/// `None` when it is neither.
pub fn described(s: &Sentence<'_>, n: usize) -> Option<Vec<Filler>> {
    let t = s.tree;
    Some(match t.rel(n) {
        Deprel::Appos => t.head(n).map(|h| of(s, h)).unwrap_or_default(),
        _ if t.has_child(n, Deprel::Cop) => t
            .children_by(n, &[Deprel::Nsubj])
            .flat_map(|c| of(s, c))
            .collect(),
        _ => return None,
    })
}

/// The actor named at token `i` itself (a mention or pronoun that acts, not a
/// title's modifier nor a bare demonym).
pub fn named(s: &Sentence<'_>, i: usize) -> Option<ActorAt> {
    s.actors[i].filter(|a| !a.modifier && (!a.demonym || demonym_head(s, i)))
}

/// A demonym that heads its phrase ("the Palestinians", "Israelis") stands for its
/// country; one that modifies a noun ("Israeli forces") only owns it.
fn demonym_head(s: &Sentence<'_>, i: usize) -> bool {
    let t = s.tree;
    matches!(t.upos(i), Upos::Noun | Upos::Propn)
        && !matches!(t.rel(i), Deprel::Amod | Deprel::Compound | Deprel::Flat)
}

fn push(out: &mut Vec<Filler>, f: Filler) {
    match out.iter_mut().find(|x| x.entity == f.entity) {
        Some(x) => x.certainty = x.certainty.max(f.certainty),
        None => out.push(f),
    }
}

/// The actor a word names, as an argument.
impl From<ActorAt> for Filler {
    fn from(a: ActorAt) -> Filler {
        Filler {
            entity: a.entity,
            kind: a.kind,
            certainty: a.certainty,
        }
    }
}

fn denoted(s: &Sentence<'_>, i: usize, depth: usize, out: &mut Vec<Filler>) {
    if depth > MAX_DEPTH {
        return;
    }
    let t = s.tree;
    if let Some(a) = named(s, i) {
        push(out, Filler::from(a));
        // "Australia, Bahrain and Saudi Arabia" is often parsed with an apposition
        for c in t.children_by(i, &[Deprel::Appos]) {
            if let Some(b) = named(s, c) {
                if same_sort(a.kind, b.kind) {
                    push(out, Filler::from(b));
                }
            }
        }
        return;
    }
    if s.actors[i].is_some() {
        // a modifier or a demonym: no actor on its own
        return;
    }
    let lower = t.lower(i);
    if RELATIVE_PRONOUNS.contains(&lower) {
        // "X, which attacked Y": the antecedent heads the relative clause; "X and Y who
        // questioned Z", with the clause hung on X but after Y: every conjunct
        if let Some(verb) = t.head(i) {
            if t.rel(verb) == Deprel::AclRelcl {
                if let Some(antecedent) = t.head(verb) {
                    let conjuncts = t.conjuncts(antecedent);
                    if conjuncts.iter().all(|&c| c < i) {
                        for c in conjuncts {
                            denoted(s, c, depth + 1, out);
                        }
                    } else {
                        denoted(s, antecedent, depth + 1, out);
                    }
                }
            }
        }
        return;
    }
    if !matches!(t.upos(i), Upos::Noun | Upos::Propn | Upos::Pron) {
        return;
    }
    // "the head of the SSC, Mohammed Suweysi"; "Ambassador Donald Blome" parsed with the
    // title as head and the name flat under it
    let mut appositive = Vec::new();
    for c in t.children_by(i, &[Deprel::Appos, Deprel::Flat]) {
        for cc in t.conjuncts(c) {
            denoted(s, cc, depth + 1, &mut appositive);
        }
    }
    // "allies such as Germany", "countries including Iran": the examples are the actors
    for c in t.children_by(i, &[Deprel::Nmod]) {
        if matches!(
            t.case_words(c).as_slice(),
            ["such", "as"] | ["including"] | ["like"]
        ) {
            for cc in t.conjuncts(c) {
                denoted(s, cc, depth + 1, &mut appositive);
            }
        }
    }
    // "advisor Bolton" with the name parsed apart: a title right before a person's name
    if appositive.is_empty() && stands_for_owner(s, i) && i + 1 < t.len() {
        if let Some(a) = named(s, i + 1).filter(|a| a.kind == EntityType::Person) {
            if s.mention_start[i + 1] == Some(i + 1) {
                push(&mut appositive, Filler::from(a));
            }
        }
    }
    if stands_for_owner(s, i) {
        // "Secretary of State Mike Pompeo" parsed with the name as a bare nmod of the title;
        // "the President of the United States Donald Trump" with the country as a
        // modifier of the name inside the of-phrase
        for c in t.children_by(i, &[Deprel::Nmod]) {
            let country_then_name = t.case_words(c).as_slice() == ["of"]
                && t.children_by(c, &[Deprel::Compound])
                    .any(|m| m < c && s.actors[m].is_some_and(|a| a.kind != EntityType::Person));
            if t.case_words(c).is_empty() || country_then_name {
                if let Some(a) = named(s, c).filter(|a| a.kind == EntityType::Person) {
                    push(&mut appositive, Filler::from(a));
                }
            }
        }
    }
    if !appositive.is_empty() {
        for f in appositive {
            push(out, f);
        }
        return;
    }
    if let Some(a) = description(s, i) {
        push(out, Filler::from(a));
        return;
    }
    if s.lang.temporal_nouns.contains(t.lemma(i)) {
        // "pulled out of the EU last year" parsed with the name as a modifier of "year"
        for c in t.children_by(i, &[Deprel::Compound]) {
            if let Some(a) = named(s, c) {
                push(out, Filler::from(a));
            }
        }
        return;
    }
    if s.lang.place_kind_nouns.contains(t.lemma(i)) {
        // "the town of Cizre" is Cizre
        let named_places: Vec<Filler> = t
            .children_by(i, &[Deprel::Nmod])
            .filter(|&c| t.case_words(c).as_slice() == ["of"])
            .filter_map(|c| named(s, c))
            .filter(|a| a.kind == EntityType::Place)
            .map(Filler::from)
            .collect();
        if !named_places.is_empty() {
            for f in named_places {
                push(out, f);
            }
            return;
        }
    }
    if s.lang.part_nouns.contains(t.lemma(i)) {
        // "Syria's northeast" is Syria
        for f in owners_of_anything(s, i) {
            if matches!(f.kind, EntityType::Country | EntityType::Place) {
                push(out, f);
            }
        }
        return;
    }
    if stands_for_owner(s, i) {
        for f in owners(s, i, depth) {
            push(
                out,
                Filler {
                    certainty: f.certainty * OWNER_CERTAINTY,
                    ..f
                },
            );
        }
    }
}

/// "the network", "the president": a singular noun with "the" and no owner of its own
/// stands for the document's actor it describes ([`super::Descriptions`]).
fn description(s: &Sentence<'_>, i: usize) -> Option<ActorAt> {
    let t = s.tree;
    let definite = t
        .children_by(i, &[Deprel::Det])
        .any(|d| matches!(t.lower(d), "the" | "this"));
    let owned = t
        .children_by(i, &[Deprel::NmodPoss, Deprel::Amod, Deprel::Compound])
        .any(|c| s.actors[c].is_some());
    let plural = t.lower(i) != t.lemma(i) && t.lower(i).ends_with('s');
    if !definite || owned || plural {
        return None;
    }
    s.descriptions.resolve(t.lemma(i), s.index, i)
}

/// Actors of one sort can be coordinated in an apposition: people with people, groups
/// and places with groups and places.
fn same_sort(a: EntityType, b: EntityType) -> bool {
    (a == EntityType::Person) == (b == EntityType::Person)
}

/// An agent noun ("forces", "government", "navy") or a title ("minister") stands for
/// the actor that owns it.
fn stands_for_owner(s: &Sentence<'_>, i: usize) -> bool {
    let (lemma, lower) = (s.tree.lemma(i), s.tree.lower(i));
    s.lang.agent_nouns.contains(lemma)
        || s.lang.agent_nouns.contains(lower)
        || s.lex.titles.contains_key(lower)
        || s.lex.titles.contains_key(lemma)
}

/// The countries whose demonym owns an agent noun in the sentence ("the Israeli army",
/// "Sri Lankan troops", "Hungarian and Romanian officials"): the state acts in the text
/// through its body or its people, so it is an actor of the document even where no event
/// of it is read. Titles ("the Pakistani ambassador") do not count: an office's country
/// is read by the office readers.
pub fn owning_demonyms(s: &Sentence<'_>) -> Vec<EntityId> {
    let t = s.tree;
    let mut out = Vec::new();
    for i in 0..t.len() {
        let Some(a) = s.actors[i].filter(|a| a.demonym && !a.modifier) else {
            continue;
        };
        // "Hungarian and Romanian officials", "U.S. and Russian negotiators": the later
        // conjuncts hang on the first
        let mut w = i;
        while t.rel(w) == Deprel::Conj {
            match t.head(w) {
                Some(h) if s.actors[h].is_some() => w = h,
                _ => break,
            }
        }
        if !matches!(t.rel(w), Deprel::Amod | Deprel::Compound) {
            continue;
        }
        let Some(noun) = t.head(w) else {
            continue;
        };
        let (lemma, lower) = (t.lemma(noun), t.lower(noun));
        let agent = s.lang.agent_nouns.contains(lemma) || s.lang.agent_nouns.contains(lower);
        if agent && s.actors[noun].is_none() && !out.contains(&a.entity) {
            out.push(a.entity);
        }
    }
    out
}

/// The actors that own noun `i`: a demonym or name before it ("Israeli forces", "the
/// Houthi rebels", "Iran's navy"), or an of-phrase after it ("the navies of China").
/// Only groups (countries, bodies, parties, organizations) own agents.
pub fn owners(s: &Sentence<'_>, i: usize, depth: usize) -> Vec<Filler> {
    let t = s.tree;
    let mut out = Vec::new();
    for c in t.children(i).iter().copied() {
        let rel = t.rel(c);
        let owner_word = match rel {
            Deprel::Amod | Deprel::Compound | Deprel::NmodPoss => true,
            Deprel::Nmod => t.case_words(c).as_slice() == ["of"],
            _ => false,
        };
        if !owner_word {
            continue;
        }
        for cc in t.conjuncts(c) {
            match s.actors[cc] {
                Some(a) if !a.modifier && a.kind != EntityType::Person => {
                    push(&mut out, Filler::from(a));
                }
                Some(_) => {}
                None if rel == Deprel::Nmod => {
                    // "the leaders of the delegation of X"
                    let mut inner = Vec::new();
                    denoted(s, cc, depth + 1, &mut inner);
                    for f in inner {
                        if f.kind != EntityType::Person {
                            push(&mut out, f);
                        }
                    }
                }
                None => {}
            }
        }
    }
    out
}

/// The actors that own noun `i`, people included ("Macron's statement"): its
/// possessor, the name or demonym before it, its of-phrase.
pub fn owners_of_anything(s: &Sentence<'_>, i: usize) -> Vec<Filler> {
    let t = s.tree;
    let mut out = Vec::new();
    for c in t.children(i).iter().copied() {
        let owner_word = match t.rel(c) {
            Deprel::Amod | Deprel::Compound | Deprel::NmodPoss => true,
            Deprel::Nmod => t.case_words(c).as_slice() == ["of"],
            _ => false,
        };
        if !owner_word {
            continue;
        }
        for cc in t.conjuncts(c) {
            match s.actors[cc] {
                Some(a) if !a.modifier => push(&mut out, Filler::from(a)),
                Some(_) => {}
                None => {
                    let mut inner = Vec::new();
                    denoted(s, cc, 1, &mut inner);
                    for f in inner {
                        push(&mut out, f);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::readers::testing::fixture;
    use EntityType::{Country, Person, Place};

    fn ids(f: &[Filler]) -> Vec<usize> {
        f.iter().map(|f| f.entity.0).collect()
    }

    #[test]
    fn a_kind_of_place_with_its_name_is_that_place() {
        // the town of Silopi ; the capital of Kosovo is not Kosovo
        let rows = [
            ("the", "the", "DET", 2, "det"),
            ("town", "town", "NOUN", 0, "root"),
            ("of", "of", "ADP", 4, "case"),
            ("Silopi", "Silopi", "PROPN", 2, "nmod"),
        ];
        let fx = fixture(&rows, &[(3..4, 0, EntityType::Place)]);
        assert_eq!(ids(&of(&fx.sentence(), 1)), vec![0]);
        let mut capital = rows;
        capital[1] = ("capital", "capital", "NOUN", 0, "root");
        let fx = fixture(&capital, &[(3..4, 0, EntityType::Place)]);
        assert_eq!(ids(&of(&fx.sentence(), 1)), Vec::<usize>::new());
    }

    #[test]
    fn a_coordinated_subject_is_a_group_and_a_single_one_is_not() {
        // A and his counterparts , B , gathered in Cairo
        let rows = [
            ("A", "A", "PROPN", 7, "nsubj"),
            ("and", "and", "CCONJ", 4, "cc"),
            ("his", "his", "PRON", 4, "nmod:poss"),
            ("counterparts", "counterpart", "NOUN", 1, "conj"),
            (",", ",", "PUNCT", 6, "punct"),
            ("B", "B", "PROPN", 4, "appos"),
            ("gathered", "gather", "VERB", 0, "root"),
            ("in", "in", "ADP", 9, "case"),
            ("Cairo", "Cairo", "PROPN", 7, "obl"),
        ];
        let fx = fixture(
            &rows,
            &[(0..1, 0, Person), (5..6, 1, Person), (8..9, 2, Place)],
        );
        assert_eq!(ids(&plural_subject(&fx.sentence())), vec![0, 1]);
        // A gathered in Cairo: one actor is no group
        let fx = fixture(&rows, &[(0..1, 0, Person), (8..9, 2, Place)]);
        assert!(plural_subject(&fx.sentence()).is_empty());
    }

    #[test]
    fn coordinated_and_appositive_names_are_each_an_actor() {
        // joined by Australia , Bahrain and Saudi Arabia (Bahrain misparsed as an apposition)
        let fx = fixture(
            &[
                ("joined", "join", "VERB", 0, "root"),
                ("by", "by", "ADP", 3, "case"),
                ("Australia", "Australia", "PROPN", 1, "obl:agent"),
                (",", ",", "PUNCT", 5, "punct"),
                ("Bahrain", "Bahrain", "PROPN", 3, "appos"),
                ("and", "and", "CCONJ", 8, "cc"),
                ("Saudi", "Saudi", "PROPN", 8, "compound"),
                ("Arabia", "Arabia", "PROPN", 3, "conj"),
            ],
            &[(2..3, 0, Country), (4..5, 1, Country), (6..8, 2, Country)],
        );
        assert_eq!(ids(&of(&fx.sentence(), 2)), vec![0, 1, 2]);
    }

    #[test]
    fn agent_nouns_stand_for_their_owners() {
        // the navies of China , India and Oman
        let fx = fixture(
            &[
                ("the", "the", "DET", 2, "det"),
                ("navies", "navy", "NOUN", 0, "root"),
                ("of", "of", "ADP", 4, "case"),
                ("China", "China", "PROPN", 2, "nmod"),
                (",", ",", "PUNCT", 6, "punct"),
                ("India", "India", "PROPN", 4, "conj"),
                ("and", "and", "CCONJ", 8, "cc"),
                ("Oman", "Oman", "PROPN", 4, "conj"),
            ],
            &[(3..4, 0, Country), (5..6, 1, Country), (7..8, 2, Country)],
        );
        let f = of(&fx.sentence(), 1);
        assert_eq!(ids(&f), vec![0, 1, 2]);
        assert!(f.iter().all(|f| f.certainty < 1.0));

        // Israeli forces (a demonym adjective owns the agent noun)
        let fx = fixture(
            &[
                ("Israeli", "Israeli", "ADJ", 2, "amod"),
                ("forces", "force", "NOUN", 0, "root"),
            ],
            &[(0..1, 0, Country)],
        )
        .demonym(0);
        assert_eq!(ids(&of(&fx.sentence(), 1)), vec![0]);
        // the demonym alone is no actor
        assert!(of(&fx.sentence(), 0).is_empty());

        // an ordinary noun owned by a country stands for nothing: "Israeli changes"
        let fx = fixture(
            &[
                ("Israeli", "Israeli", "ADJ", 2, "amod"),
                ("changes", "change", "NOUN", 0, "root"),
            ],
            &[(0..1, 0, Country)],
        )
        .demonym(0);
        assert!(of(&fx.sentence(), 1).is_empty());
    }

    #[test]
    fn a_demonym_owning_an_agent_noun_is_an_actor() {
        // the Israeli army
        let fx = fixture(
            &[
                ("the", "the", "DET", 3, "det"),
                ("Israeli", "Israeli", "ADJ", 3, "amod"),
                ("army", "army", "NOUN", 0, "root"),
            ],
            &[(1..2, 0, Country)],
        )
        .demonym(1);
        assert_eq!(owning_demonyms(&fx.sentence()), vec![EntityId(0)]);

        // Hungarian and Romanian officials: both countries
        let fx = fixture(
            &[
                ("Hungarian", "Hungarian", "ADJ", 4, "amod"),
                ("and", "and", "CCONJ", 3, "cc"),
                ("Romanian", "Romanian", "ADJ", 1, "conj"),
                ("officials", "official", "NOUN", 0, "root"),
            ],
            &[(0..1, 0, Country), (2..3, 1, Country)],
        )
        .demonym(0)
        .demonym(2);
        assert_eq!(
            owning_demonyms(&fx.sentence()),
            vec![EntityId(0), EntityId(1)]
        );

        // U.S. and Russian negotiators: a demonym coordinated with a name
        let fx = fixture(
            &[
                ("U.S.", "U.S.", "PROPN", 4, "compound"),
                ("and", "and", "CCONJ", 3, "cc"),
                ("Russian", "Russian", "ADJ", 1, "conj"),
                ("negotiators", "negotiator", "NOUN", 0, "root"),
            ],
            &[(0..1, 0, Country), (2..3, 1, Country)],
        )
        .demonym(2);
        assert_eq!(owning_demonyms(&fx.sentence()), vec![EntityId(1)]);

        // Israeli changes: an ordinary noun, no actor
        let fx = fixture(
            &[
                ("Israeli", "Israeli", "ADJ", 2, "amod"),
                ("changes", "change", "NOUN", 0, "root"),
            ],
            &[(0..1, 0, Country)],
        )
        .demonym(0);
        assert!(owning_demonyms(&fx.sentence()).is_empty());
    }

    #[test]
    fn a_title_of_a_country_then_a_name_is_the_named_holder() {
        // the President of the United States Joe Biden (the country parsed as the name's
        // modifier) ; the spokesman of Joe Biden is not Biden
        let fx = fixture(
            &[
                ("the", "the", "DET", 2, "det"),
                ("President", "President", "PROPN", 0, "root"),
                ("of", "of", "ADP", 7, "case"),
                ("the", "the", "DET", 7, "det"),
                ("United", "United", "PROPN", 7, "compound"),
                ("States", "States", "PROPN", 5, "flat"),
                ("Joe", "Joe", "PROPN", 2, "nmod"),
                ("Biden", "Biden", "PROPN", 7, "flat"),
            ],
            &[(4..6, 0, Country), (6..8, 1, Person)],
        );
        assert_eq!(ids(&of(&fx.sentence(), 1)), vec![1]);
        let fx = fixture(
            &[
                ("the", "the", "DET", 2, "det"),
                ("spokesman", "spokesman", "NOUN", 0, "root"),
                ("of", "of", "ADP", 4, "case"),
                ("Joe", "Joe", "PROPN", 2, "nmod"),
                ("Biden", "Biden", "PROPN", 4, "flat"),
            ],
            &[(3..5, 1, Person)],
        );
        assert!(of(&fx.sentence(), 1).is_empty());
    }

    #[test]
    fn appositions_and_relative_pronouns_name_the_actor() {
        // the head of the SSC , Mohammed Suweysi ,
        let fx = fixture(
            &[
                ("the", "the", "DET", 2, "det"),
                ("head", "head", "NOUN", 0, "root"),
                ("of", "of", "ADP", 5, "case"),
                ("the", "the", "DET", 5, "det"),
                ("SSC", "SSC", "PROPN", 2, "nmod"),
                (",", ",", "PUNCT", 7, "punct"),
                ("Mohammed", "Mohammed", "PROPN", 2, "appos"),
                ("Suweysi", "Suweysi", "PROPN", 7, "flat"),
            ],
            &[(4..5, 0, EntityType::GovernmentBody), (6..8, 1, Person)],
        );
        // the apposition wins over the owner: the head is the person
        assert_eq!(ids(&of(&fx.sentence(), 1)), vec![1]);

        // Hamas , which attacked Israel
        let fx = fixture(
            &[
                ("Hamas", "Hamas", "PROPN", 0, "root"),
                (",", ",", "PUNCT", 4, "punct"),
                ("which", "which", "PRON", 4, "nsubj"),
                ("attacked", "attack", "VERB", 1, "acl:relcl"),
                ("Israel", "Israel", "PROPN", 4, "obj"),
            ],
            &[(0..1, 0, EntityType::Organization), (4..5, 1, Country)],
        );
        assert_eq!(ids(&of(&fx.sentence(), 2)), vec![0]);

        // Chile and Peru who attacked Bolivia (the clause hung on the first conjunct, after
        // the last): both ; Chile who attacked Bolivia and Peru: Chile alone
        let fx = fixture(
            &[
                ("Chile", "Chile", "PROPN", 0, "root"),
                ("and", "and", "CCONJ", 3, "cc"),
                ("Peru", "Peru", "PROPN", 1, "conj"),
                ("who", "who", "PRON", 5, "nsubj"),
                ("attacked", "attack", "VERB", 1, "acl:relcl"),
                ("Bolivia", "Bolivia", "PROPN", 5, "obj"),
            ],
            &[(0..1, 0, Country), (2..3, 1, Country), (5..6, 2, Country)],
        );
        assert_eq!(ids(&of(&fx.sentence(), 3)), vec![0, 1]);
        let fx = fixture(
            &[
                ("Chile", "Chile", "PROPN", 0, "root"),
                ("who", "who", "PRON", 3, "nsubj"),
                ("attacked", "attack", "VERB", 1, "acl:relcl"),
                ("Bolivia", "Bolivia", "PROPN", 3, "obj"),
                ("and", "and", "CCONJ", 6, "cc"),
                ("Peru", "Peru", "PROPN", 1, "conj"),
            ],
            &[(0..1, 0, Country), (3..4, 2, Country), (5..6, 1, Country)],
        );
        assert_eq!(ids(&of(&fx.sentence(), 1)), vec![0]);
    }
}
