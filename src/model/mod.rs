//! The bottom layer, which knows no stage: the ontology's vocabulary, ids and name keys,
//! the graph's node and edge weights, the input [`Document`] and the extraction contract
//! ([`DocExtraction`]) that an extractor produces and the graph consumes. Every other
//! module may use it; it uses none of them.

mod document;
mod extraction;
mod index;
mod names;
mod ontology;
mod shared;
mod weights;

pub use document::Document;
pub use extraction::{
    keep_most_confident, DocEntity, DocExtraction, Spent, Triple, MAX_TRIPLES_PER_SENTENCE,
};
pub(crate) use index::index_type;
pub use names::{actor_id, fold, is_format_char, name_key, slug};
pub use ontology::{EntityType, Mode, OfficeStatus, RelationFamily, RelationKind, UnknownName};
pub use shared::{SharedText, TextInterner};
pub use weights::{Actor, DocumentInfo, Evidence, Relation};
