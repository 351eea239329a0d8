//! The graph's node and edge weights: an [`Actor`], a [`Relation`] with the
//! [`Evidence`] behind it, and the [`DocumentInfo`] of every input. Nothing here knows
//! petgraph or any export format; every exporter reads these types and nothing else.

use super::ontology::{EntityType, Mode, OfficeStatus, RelationKind};
use super::shared::SharedText;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where a fact was read: the document, the sentence (0-based index within the
/// document) and the sentence's character span in the document text (Unicode scalar
/// values, end exclusive), with the sentence text itself. The strings are shared: every
/// piece of evidence from one sentence holds the same text, and a corpus holds each
/// distinct sentence, document id, date and reporter once (the graph's union interns
/// them), so that memory grows with what is distinct, not with the evidence. For the
/// same reason an item is 48 bytes: the numbers are `u32` (an article of four billion
/// characters is past any input limit; [`Evidence::offset`] saturates) and each shared
/// text is one pointer.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: SharedText,
    pub sentence: u32,
    pub start: u32,
    pub end: u32,
    pub text: SharedText,
    /// The date of the event this sentence reports (`YYYY-MM-DD`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<SharedText>,
    /// The id of the actor the sentence says reported the fact ("…, the ministry said",
    /// "according to X"), when it names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<SharedText>,
}

impl Evidence {
    /// A sentence index or character offset as evidence holds it: `u32`, saturated at
    /// `u32::MAX` (no article within the input limits comes near it).
    pub fn offset(n: usize) -> u32 {
        u32::try_from(n).unwrap_or(u32::MAX)
    }
}

/// A node: one real-world actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id, a slug of the name (`imran-khan`), unique in the graph.
    pub id: String,
    /// The fullest proper name the text uses.
    pub name: String,
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Every other form that referred to this actor, sorted, without `name`.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Titles as written (`former Prime Minister`), sorted.
    #[serde(default)]
    pub titles: Vec<String>,
    /// How many mentions the actor has across all documents.
    #[serde(default)]
    pub mentions: u32,
    /// In how many documents the actor is mentioned.
    #[serde(default)]
    pub documents: u32,
    /// Earliest and latest document date the actor is mentioned on (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    /// Identifiers that join the actor to other data, by scheme (`wikidata` → `Q843`,
    /// `iso3` → `PAK`), from `data/identifiers.tsv` and the user's files.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ids: BTreeMap<String, String>,
}

/// An edge: one (subject, relation, object) fact with everything that supports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub relation: RelationKind,
    /// How the sentences report it (`asserted` unless they say otherwise); part of the
    /// edge's identity: an asserted and a negated meeting are two edges.
    #[serde(default)]
    pub mode: Mode,
    /// The surface verb or pattern as written (`met with`, `Ambassador`).
    pub verb: String,
    /// Date of the event (`YYYY-MM-DD`): the first supporting sentence's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// 0..1, see README "Confidence".
    pub confidence: f64,
    /// For HOLDS_OFFICE / LEADS: the title as written (`Prime Minister`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OfficeStatus>,
    /// Every supporting sentence, in document order; never empty.
    pub evidence: Vec<Evidence>,
    /// Earliest and latest date among the supporting sentences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
}

impl Relation {
    /// Number of supporting sentences.
    pub fn weight(&self) -> usize {
        self.evidence.len()
    }
}

/// An input document as the graph remembers it. Its strings are shared: the id with
/// the evidence read in the document, and equal dates, titles and sites across documents
/// (the graph's union interns them), so that a large corpus holds each once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub id: SharedText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<SharedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<SharedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<SharedText>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_evidence_item_is_48_bytes_on_a_64_bit_machine() {
        if std::mem::size_of::<usize>() == 8 {
            assert_eq!(std::mem::size_of::<Evidence>(), 48);
        }
    }

    #[test]
    fn offsets_past_u32_saturate() {
        assert_eq!(Evidence::offset(7), 7);
        assert_eq!(Evidence::offset(u32::MAX as usize), u32::MAX);
        assert_eq!(Evidence::offset(usize::MAX), u32::MAX);
    }
}
