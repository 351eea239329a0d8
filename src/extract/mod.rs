//! Extraction: one document's sentences become mentions, entities (typed, titled,
//! aliases resolved within the document) and triples with evidence. The stages are
//! composed in [`extract_document`], the one place that shows the whole pipeline.

use crate::graph::{DocumentInfo, EntityType, Evidence, OfficeStatus, RelationKind};
use crate::ingest::Document;
use crate::lexicon::Lexicon;

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
    pub verb: String,
    pub date: Option<String>,
    pub confidence: f64,
    pub role: Option<String>,
    pub status: Option<OfficeStatus>,
    pub evidence: Evidence,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, PartialEq)]
pub struct DocExtraction {
    pub info: DocumentInfo,
    pub entities: Vec<DocEntity>,
    pub triples: Vec<Triple>,
    pub sentences: usize,
}

pub fn extract_document(doc: &Document, _lexicon: &Lexicon) -> DocExtraction {
    let sentences = crate::text::split_sentences(&doc.text, doc.body_start);
    DocExtraction {
        info: DocumentInfo {
            id: doc.id.clone(),
            date: doc.date.clone(),
            title: doc.title.clone(),
            url: doc.url.clone(),
        },
        entities: Vec::new(),
        triples: Vec::new(),
        sentences: sentences.len(),
    }
}
