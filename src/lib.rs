//! actorgraph: political news in, a knowledge graph of its actors out.
//!
//! Data flows one way, one module per stage:
//!
//! ```text
//! ingest    files, directories, JSONL, stdin   → Document
//! text      Document                            → sentences and tokens with offsets
//! extract   sentences + Knowledge               → mentions → entities → triples (DocExtraction)
//! graph     DocExtraction…                      → ActorGraph (petgraph + IndexMap), merged across documents
//! export    ActorGraph                          → json, dot, jsonld, nt, ttl, graphml, gexf, neo4j, cypher, tsv, html
//! render    ActorGraph                          → svg, png (Graphviz, or a pure-Rust fallback)
//! pipeline  documents → extract on all cores → merge in input order → ActorGraph
//! cli       the `actorgraph` command
//! ```
//!
//! The extractor reads [`extract::Knowledge`]: the English of [`language`] (`data/en/`)
//! and the gazetteers, titles, cues and verbs of [`lexicon`] (the other `data/` files and
//! the user's). [`format`] is the one table of output formats.
//!
//! ## Layers
//!
//! A module uses only modules on lower layers, never one on its own layer or above
//! (`tests/layers.rs` checks every `crate::` path of `src/` against this table, test code
//! included). A module of the table that is not written yet is allowed.
//!
//! ```text
//! layer | modules        | what they own
//! 11    | cli            | the command: flags, messages, progress line, output files
//! 10    | pipeline       | the corpus build: reader, worker pool, reorder buffer, merge
//! 9     | format         | every output format in one table, and the writer of each
//! 8     | export render  | one module per graph format · svg and png
//! 7     | extract graph  | Extractor, Knowledge, the rule-based extractor · ActorGraph, merge, selection
//! 6     | lexicon        | gazetteers, titles, cues, verbs: shipped data files and the user's
//! 5     | syntax         | the dependency parser: words in; tags, lemmas, heads and labels out
//! 4     | text ingest    | sentences and tokens with offsets · documents from files, JSONL, stdin
//! 3     | language       | English function words, abbreviations, calendar words (data/en/)
//! 2     | datafile       | the format every data file shares (comments, header, fields)
//! 1     | error palette  | InputError, DataError · colours and shapes every drawing format shares
//! 0     | model          | ontology, ids and name keys, graph weights, Document, DocExtraction
//! ```

pub mod cli;
pub mod datafile;
pub mod error;
pub mod export;
pub mod extract;
pub mod format;
pub mod graph;
pub mod ingest;
pub mod language;
pub mod lexicon;
pub mod model;
pub mod palette;
pub mod pipeline;
pub mod render;
pub mod syntax;
pub mod text;

pub use error::{DataError, InputError, InputErrorKind};
pub use extract::{extract_document, Extractor, Knowledge};
pub use graph::ActorGraph;
pub use lexicon::Lexicon;
pub use model::{Actor, DocExtraction, Document, EntityType, Evidence, Relation, RelationKind};
