//! The extraction contract: what an extractor makes of one document and the graph
//! merges. Entities are the actors as that document knows them; a triple's subject and
//! object index into them.

use super::ontology::{EntityType, Mode, OfficeStatus, RelationKind};
use super::weights::{DocumentInfo, Evidence};

/// An actor as one document knows it.
#[derive(Clone, Debug, PartialEq)]
pub struct DocEntity {
    pub name: String,
    pub kind: EntityType,
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub mentions: u32,
}

/// A fact read in one sentence; subject and object index into the document's entities.
#[derive(Clone, Debug, PartialEq)]
pub struct Triple {
    pub subject: usize,
    pub object: usize,
    pub relation: RelationKind,
    pub mode: Mode,
    pub verb: String,
    pub date: Option<String>,
    pub confidence: f64,
    pub role: Option<String>,
    pub status: Option<OfficeStatus>,
    /// The entity the sentence names as the source of the report, if any.
    pub reported_by: Option<usize>,
    pub evidence: Evidence,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, PartialEq)]
pub struct DocExtraction {
    pub info: DocumentInfo,
    pub entities: Vec<DocEntity>,
    pub triples: Vec<Triple>,
    pub sentences: usize,
    /// Sentences cut at the length bound (see `text::MAX_SENTENCE_TOKENS`).
    pub truncated_sentences: usize,
}
