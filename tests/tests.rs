//! The one integration test binary (ripgrep's layout): each module is a theme.

#[macro_use]
mod util;

// the CLI: formats, outputs, exit codes, help
mod cli;
// every format carries the same graph, read back with a real parser
mod export;
// the user's article: the facts it must give, and output/ kept fresh
mod seed;
// extraction on hand-written one-phenomenon articles, and the verb lexicon's examples
mod extraction;
// issue #7: every kind of broken or hostile input, with a good article beside it
mod bad_input;
// issue 14: hostile input, round two (amplification, resources, output sets, paths, …)
mod hostile;
// the layer order of src/lib.rs, checked against every crate:: path of src/
mod layers;
// issue #13: graphs built apart and merged are the graph built whole
mod merge;
// issue #11: `actorgraph parse` writes CoNLL-U
mod parse;
// issue #13: the gold articles built as one corpus, one node per actor
mod gold_corpus;
