//! actorgraph: political news in, a knowledge graph of its actors out.
//!
//! The pipeline runs one way, one module per stage:
//!
//! ```text
//! ingest   files, directories, JSONL, stdin  → Document
//! text     Document                           → sentences and tokens with offsets
//! extract  sentences + lexicon                → mentions → entities → triples (DocExtraction)
//! graph    DocExtraction…                     → ActorGraph (petgraph + IndexMap), merged across documents
//! export   ActorGraph                         → json, dot, jsonld, graphml, gexf, neo4j, cypher, tsv
//! render   ActorGraph                         → svg, png (Graphviz, or a pure-Rust fallback)
//! cli      the `actorgraph` command
//! ```
//!
//! `lexicon` loads the knowledge the extractor uses (countries, titles, cues, verbs) from
//! the shipped `data/` files and from user files in the same format.

pub mod cli;
pub mod error;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod lexicon;
pub mod render;
pub mod syntax;
pub mod text;

pub use error::{DataError, InputError, InputErrorKind};
pub use extract::{extract_document, DocExtraction};
pub use graph::{Actor, ActorGraph, EntityType, Evidence, Relation, RelationKind};
pub use ingest::Document;
pub use lexicon::Lexicon;
