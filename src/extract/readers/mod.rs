//! Relations read from one sentence's dependency tree. Each pattern family is a module
//! of its own, with its tests on hand-written trees:
//!
//! * [`actors`]: which actors a word of the tree stands for (a name, a pronoun, "Israeli
//!   forces", "the navies of China, India and Oman", a relative pronoun's antecedent,
//!   every conjunct of a coordination);
//! * [`events`]: the PLOVER interactions of predicates of `data/frames.tsv` (verbs with
//!   their subject, object and prepositional phrases, passives, control, relative and
//!   participial clauses; event nouns with their owner, light verbs, "between");
//! * [`modes`]: whether the sentence asserts an event, commits to it, negates it or only
//!   supposes it;
//! * [`reports`]: who the sentence says reported it ("…, the ministry said", "according
//!   to X"), and demands reported as such ("X said Y must …");
//! * [`places`]: LOCATED_IN and DETAINED_IN from possessives, "in", appositions and copulas;
//! * [`parts`]: PART_OF from a unit noun in an apposition or a copula ("X, an agency of Y");
//! * [`offices`]: HOLDS_OFFICE, LEADS and MEMBER_OF from titles in appositions and copulas.
//!
//! [`read`] runs them all on one sentence.

pub mod actors;
pub mod events;
pub mod modes;
pub mod offices;
pub mod parts;
pub mod places;
pub mod reports;

use super::entities::EntityId;
use super::tree::Tree;
use crate::language::Language;
use crate::lexicon::{Frame, FramePos, Lexicon};
use crate::model::{EntityType, Mode, OfficeStatus, RelationKind};
use rustc_hash::FxHashMap;

/// An actor a word of the sentence names: a mention, or a pronoun resolved to one.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ActorAt {
    pub entity: EntityId,
    pub kind: EntityType,
    /// 1.0 for a name, less for a pronoun.
    pub certainty: f64,
    /// The mention modifies a named official's title ("US" in "US Ambassador X"): it acts
    /// in no event.
    pub modifier: bool,
    /// A demonym adjective ("Pakistani"): stands for its country only as the owner of
    /// another word ("Pakistani troops"), never as an actor on its own.
    pub demonym: bool,
}

/// How sure an actor is when a definite description ("the network") stands for it.
pub const DESCRIPTION_CERTAINTY: f64 = 0.7;

/// The document's actors as definite descriptions can name them ("the network", "the
/// president", "the Commission"): per noun, the mentions of the actors it can describe,
/// in text order.
#[derive(Clone, Debug, Default)]
pub struct Descriptions {
    /// Nouns from a name or a title ("the Commission", "the president").
    specific: FxHashMap<String, Vec<(usize, usize, ActorAt)>>,
    /// Nouns of a type ("the network", "the company").
    generic: FxHashMap<String, Vec<(usize, usize, ActorAt)>>,
}

impl Descriptions {
    /// `noun`, from the actor's name or title, can describe the actor mentioned at token
    /// `token` of sentence `sentence`.
    pub fn add(&mut self, noun: &str, sentence: usize, token: usize, actor: ActorAt) {
        self.specific
            .entry(noun.to_lowercase())
            .or_default()
            .push((sentence, token, actor));
    }

    /// `noun` names the actor's type ("the network" for a broadcaster).
    pub fn add_type_noun(&mut self, noun: &str, sentence: usize, token: usize, actor: ActorAt) {
        self.generic
            .entry(noun.to_lowercase())
            .or_default()
            .push((sentence, token, actor));
    }

    /// The actor `noun` describes at this place: of the actors whose name or title it
    /// is, the one mentioned last before it; else the one actor of its type mentioned so
    /// far (a type noun with two candidates says nothing: "the country" after two).
    pub fn resolve(&self, noun: &str, sentence: usize, token: usize) -> Option<ActorAt> {
        let before = |v: &'_ Vec<(usize, usize, ActorAt)>| -> Vec<(usize, usize, ActorAt)> {
            v.iter()
                .filter(|(s, t, _)| (*s, *t) < (sentence, token))
                .copied()
                .collect()
        };
        let found = match self.specific.get(noun).map(before) {
            Some(v) if !v.is_empty() => v.into_iter().max_by_key(|(s, t, _)| (*s, *t)),
            _ => {
                let v = before(self.generic.get(noun)?);
                let first = v.first()?.2.entity;
                if v.iter().any(|x| x.2.entity != first) {
                    return None;
                }
                v.into_iter().next()
            }
        };
        found.map(|(_, _, a)| ActorAt {
            certainty: DESCRIPTION_CERTAINTY,
            ..a
        })
    }
}

/// One sentence as the readers see it: its tree, the actor each token names, and the
/// knowledge.
pub struct Sentence<'a> {
    /// The sentence's position in the document.
    pub index: usize,
    pub tree: &'a Tree,
    /// Per token: the actor its mention (or pronoun) names.
    pub actors: &'a [Option<ActorAt>],
    /// Per token: the first token of its mention (tokens of one mention are one actor).
    pub mention_start: &'a [Option<usize>],
    pub lang: &'a Language,
    pub lex: &'a Lexicon,
    pub descriptions: &'a Descriptions,
    /// The country the document is about, when one clearly dominates its mentions: the
    /// owner of a state's office the sentence gives no state for.
    pub document_country: Option<EntityId>,
}

impl<'a> Sentence<'a> {
    /// The lexicon's frames for word `w` as a verb or as a noun (by its lemma, else its
    /// lower-cased form).
    pub fn frames(&self, pos: FramePos, w: usize) -> &'a [Frame] {
        self.lex.frames(pos, self.tree.lemma(w), self.tree.lower(w))
    }

    /// Word `w` has a frame of `pos` that `wanted` accepts.
    pub fn has_frame(&self, pos: FramePos, w: usize, wanted: impl Fn(&Frame) -> bool) -> bool {
        self.frames(pos, w).iter().any(wanted)
    }
}

/// A fact read in the sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub subject: EntityId,
    pub object: EntityId,
    pub relation: RelationKind,
    pub mode: Mode,
    /// The surface words that state it (`met with`, `refused to meet`).
    pub verb: String,
    pub confidence: f64,
    /// Who the sentence says reported it.
    pub reported_by: Option<EntityId>,
    /// For offices: the title as written, and whether it is held no longer.
    pub role: Option<String>,
    pub status: Option<OfficeStatus>,
}

impl Found {
    pub fn new(
        subject: EntityId,
        object: EntityId,
        relation: RelationKind,
        verb: String,
        confidence: f64,
    ) -> Found {
        Found {
            subject,
            object,
            relation,
            mode: Mode::Asserted,
            verb,
            confidence,
            reported_by: None,
            role: None,
            status: None,
        }
    }
}

/// Every fact the readers find in one sentence.
pub fn read(s: &Sentence<'_>) -> Vec<Found> {
    let mut found = Vec::new();
    events::read(s, &mut found);
    reports::demands(s, &mut found);
    places::read(s, &mut found);
    offices::read(s, &mut found);
    parts::read(s, &mut found);
    found.retain(|f| f.subject != f.object);
    found
}

#[cfg(test)]
pub(crate) mod testing {
    //! Hand-written trees with hand-placed actors, for the readers' tests.
    use super::*;
    use crate::extract::tree::tests::tree;
    use crate::extract::Knowledge;

    /// A sentence for a test: the rows of `tree`, and the actors as (token range, entity
    /// number, type); `demonyms` lists entity numbers that are demonym adjectives.
    pub(crate) struct Fixture {
        pub tree: Tree,
        pub actors: Vec<Option<ActorAt>>,
        pub starts: Vec<Option<usize>>,
        pub document_country: Option<EntityId>,
    }

    pub(crate) fn fixture(
        rows: &[(&str, &str, &str, usize, &str)],
        actors: &[(std::ops::Range<usize>, usize, EntityType)],
    ) -> Fixture {
        let t = tree(rows);
        let mut at = vec![None; t.len()];
        let mut starts = vec![None; t.len()];
        for (range, e, kind) in actors {
            for i in range.clone() {
                at[i] = Some(ActorAt {
                    entity: EntityId(*e),
                    kind: *kind,
                    certainty: 1.0,
                    modifier: false,
                    demonym: false,
                });
                starts[i] = Some(range.start);
            }
        }
        Fixture {
            tree: t,
            actors: at,
            starts,
            document_country: None,
        }
    }

    impl Fixture {
        pub(crate) fn demonym(mut self, token: usize) -> Fixture {
            if let Some(a) = self.actors[token].as_mut() {
                a.demonym = true;
            }
            self
        }

        pub(crate) fn sentence(&self) -> Sentence<'_> {
            let k = Knowledge::shared();
            static NONE: std::sync::OnceLock<Descriptions> = std::sync::OnceLock::new();
            Sentence {
                index: 0,
                descriptions: NONE.get_or_init(Descriptions::default),
                document_country: self.document_country,
                tree: &self.tree,
                actors: &self.actors,
                mention_start: &self.starts,
                lang: &k.language,
                lex: &k.lexicon,
            }
        }
    }

    /// The facts as (subject number, relation, object number, mode).
    /// What one reader finds in a fixture, as [`facts`].
    pub(crate) fn read_with(
        fx: &Fixture,
        read: fn(&Sentence<'_>, &mut Vec<Found>),
    ) -> Vec<(usize, &'static str, usize, &'static str)> {
        let mut out = Vec::new();
        read(&fx.sentence(), &mut out);
        facts(&out)
    }

    pub(crate) fn facts(found: &[Found]) -> Vec<(usize, &'static str, usize, &'static str)> {
        let mut v: Vec<_> = found
            .iter()
            .map(|f| {
                (
                    f.subject.0,
                    f.relation.as_str(),
                    f.object.0,
                    f.mode.as_str(),
                )
            })
            .collect();
        v.sort();
        v.dedup();
        v
    }
}
