//! The extractor's knowledge, loaded from the shipped `data/` files and from user files
//! in the same formats.

#[derive(Debug, Default)]
pub struct Lexicon {}
