//! Predicate frames (`data/frames.tsv`): which verbs and event nouns state an interaction,
//! where their target stands in the dependency tree, and which relation they state. The
//! relation reader (`extract::events`) looks a predicate up by its lemma and checks each
//! frame's particle, object and target against the tree.

use crate::model::RelationKind;
use std::fmt;

/// The part of speech a frame's predicate has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FramePos {
    Verb,
    Noun,
}

/// Where a frame's target stands, relative to the predicate.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// The direct object (of a passive: its subject).
    Obj,
    /// The indirect object ("gave Syria weapons").
    Iobj,
    /// The subject of the verb's that-clause ("demanded that the US cancel …").
    Clause,
    /// A phrase introduced by these prepositions ("with", "out of"), on the verb or on
    /// the frame's object noun (the parser attaches such phrases either way).
    Obl(Vec<String>),
    /// A phrase on the noun introduced by these prepositions ("aid to", "talks between").
    Nmod(Vec<String>),
}

impl Target {
    /// The prepositions that introduce the target, if any.
    pub fn prepositions(&self) -> &[String] {
        match self {
            Target::Obl(p) | Target::Nmod(p) => p,
            Target::Obj | Target::Iobj | Target::Clause => &[],
        }
    }

    /// "between": the actors coordinated in the phrase act on each other.
    pub fn is_between(&self) -> bool {
        matches!(self, Target::Nmod(p) if p.len() == 1 && p[0] == "between")
    }

    /// "of": a possessor stands for the target when there is no of-phrase ("Khan's
    /// arrest" is the arrest of Khan).
    pub fn is_of(&self) -> bool {
        matches!(self, Target::Nmod(p) if p.len() == 1 && p[0] == "of")
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Obj => f.write_str("obj"),
            Target::Iobj => f.write_str("iobj"),
            Target::Clause => f.write_str("ccomp"),
            Target::Obl(p) => write!(f, "obl:{}", p.join("_")),
            Target::Nmod(p) => write!(f, "nmod:{}", p.join("_")),
        }
    }
}

/// Why a target field does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadTarget;

impl Target {
    /// `obj`, `iobj`, `ccomp`, `obl:with`, `obl:out_of` (words joined by `_`), `nmod:to`.
    pub fn parse(field: &str, pos: FramePos) -> Result<Target, BadTarget> {
        let words = |p: &str| -> Result<Vec<String>, BadTarget> {
            let w: Vec<String> = p
                .split('_')
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            if w.is_empty() {
                Err(BadTarget)
            } else {
                Ok(w)
            }
        };
        match (field.split_once(':'), pos) {
            (None, FramePos::Verb) if field == "obj" => Ok(Target::Obj),
            (None, FramePos::Verb) if field == "iobj" => Ok(Target::Iobj),
            (None, FramePos::Verb) if field == "ccomp" => Ok(Target::Clause),
            (Some(("obl", p)), FramePos::Verb) => Ok(Target::Obl(words(p)?)),
            (Some(("nmod", p)), FramePos::Noun) => Ok(Target::Nmod(words(p)?)),
            _ => Err(BadTarget),
        }
    }
}

/// One row of `frames.tsv`.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// The predicate's lemma (`pull` of "pull out").
    pub lemma: String,
    /// Phrasal particles after the lemma (`out` of "pull out"), lower case.
    pub particle: Vec<String>,
    pub pos: FramePos,
    /// The head nouns one of which a verb's object must have (`troop` of "send troops
    /// to"); empty when any object, or none, will do.
    pub object: Vec<String>,
    pub target: Target,
    pub relation: RelationKind,
    /// A sentence whose first two actors the frame relates (a test).
    pub example: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_by_part_of_speech() {
        assert_eq!(Target::parse("obj", FramePos::Verb), Ok(Target::Obj));
        assert_eq!(
            Target::parse("obl:out_of", FramePos::Verb),
            Ok(Target::Obl(vec!["out".into(), "of".into()]))
        );
        assert!(Target::parse("nmod:between", FramePos::Noun)
            .unwrap()
            .is_between());
        assert!(Target::parse("nmod:of", FramePos::Noun).unwrap().is_of());
        // a noun has no object, a verb no nmod
        assert_eq!(Target::parse("obj", FramePos::Noun), Err(BadTarget));
        assert_eq!(Target::parse("nmod:to", FramePos::Verb), Err(BadTarget));
        assert_eq!(Target::parse("obl:", FramePos::Verb), Err(BadTarget));
        assert_eq!(Target::parse("subject", FramePos::Verb), Err(BadTarget));
        assert_eq!(
            Target::parse("obl:out_of", FramePos::Verb)
                .unwrap()
                .to_string(),
            "obl:out_of"
        );
    }
}
