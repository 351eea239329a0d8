//! Syntax: part-of-speech tags, lemmas and labeled dependency trees in Universal
//! Dependencies for one sentence at a time, from its tokens. This is the stage between
//! `text` (sentences and tokens) and `extract` (relations read from the trees); it depends
//! on nothing else in the crate, and its input is just the token texts (`&[&str]`), so any
//! tokenizer can feed it.
//!
//! The model is a greedy averaged-perceptron tagger (two passes) and a greedy arc-hybrid
//! transition parser with a dynamic oracle, both over hashed sparse features, trained on
//! the UD English Web Treebank (see `data/README.md`); why this design is said in
//! [`parser`] and [`tagger`]. The shipped model is embedded in the binary and read in place
//! on first use ([`shipped`]); [`train`] and the `actorgraph-syntax` binary rebuild it.
//!
//! Choices, measured on EWT dev (UPOS / UAS / LAS with predicted tags): one tagger pass
//! 95.10; the second pass, which sees the first pass's tags to the right, 95.27; word
//! classes from unlabelled text (exchange algorithm, 64 and 256 classes) 95.40. The parser
//! trained on gold tags reached 84.45 / 80.84; on 10-fold jackknifed tags 85.00 / 81.54;
//! with word-class features 85.47 / 82.02. Twenty word-valued templates (valency, label
//! sets and distance with words, second children's words) were dropped at no cost once
//! trained to convergence, and i8 weights with rows updated fewer than 3 times pruned
//! cost nothing either (35 MB → 22 MB). Features that did not pay (ambiguity classes of
//! words, seven more context templates in the tagger) are not there. A beam would not
//! keep the speed: scoring is already memory-bound at about 100,000 words a second.
//!
//! Files: `labels` (UPOS and relation enums), `conllu` (read/write CoNLL-U), `hash`
//! (feature hashing), `table` (the flat hash table of the model file), `weights`
//! (perceptron weights, training and frozen), `tagger`, `parser`, `lemma`, `adapt` (our
//! tokens → the treebank's forms), `clusters` (word classes), `constrain` (grammar
//! constraints on the tagger's output), `model` (file format,
//! analysis), `train`, `eval`, `tests`.
//!
//! The API the relation extractor calls: [`analyze`] (or [`shipped`] and
//! [`Model::analyze`]) takes one sentence's token texts and returns one [`Word`] per token:
//! its [`Upos`], lemma, head (an index into the sentence, `None` for the root) and
//! [`Deprel`] (full labels, subtypes included).

mod adapt;
mod clusters;
pub mod conllu;
mod constrain;
pub mod eval;
mod hash;
mod labels;
mod lemma;
mod model;
mod parser;
mod table;
mod tagger;
pub mod train;
mod weights;

#[cfg(test)]
mod tests;

use std::sync::LazyLock;

pub use labels::{Deprel, Upos};
pub use model::{upgrade_format2, Model, ModelError};

/// The analysis of one word (token) of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    pub upos: Upos,
    pub lemma: String,
    /// 0-based index of the head word in the sentence; `None` for the root.
    pub head: Option<usize>,
    pub deprel: Deprel,
}

/// The shipped model file (CC BY-SA 4.0, trained on UD English EWT).
macro_rules! shipped_file {
    () => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/syntax/en-ewt.model"
        ))
    };
}

const SHIPPED_LEN: usize = shipped_file!().len();

/// The shipped model on a cache line: the file puts the blocks read on cache lines (the
/// weight tables' slots and dense rows) at offsets that are multiples of 64, so they are
/// read in place (see [`weights`]).
#[repr(C, align(64))]
struct Embedded {
    bytes: [u8; SHIPPED_LEN],
}

static EMBEDDED: Embedded = Embedded {
    bytes: *shipped_file!(),
};
static SHIPPED_BYTES: &[u8] = &EMBEDDED.bytes;

static SHIPPED: LazyLock<Model> = LazyLock::new(|| {
    Model::from_bytes(std::borrow::Cow::Borrowed(SHIPPED_BYTES))
        .expect("the model embedded at build time is valid (tested)")
});

/// The model shipped in `data/syntax/`, loaded once per process on first use.
pub fn shipped() -> &'static Model {
    &SHIPPED
}

/// Tags, lemmatizes and parses one sentence with the shipped model.
pub fn analyze(words: &[&str]) -> Vec<Word> {
    shipped().analyze(words)
}
