//! The extraction contract: what an extractor makes of one document and the graph
//! merges. Entities are the actors as that document knows them; a triple's subject and
//! object index into them.

use super::ontology::{EntityType, Mode, OfficeStatus, RelationKind};
use super::weights::{DocumentInfo, Evidence};
use std::time::Duration;

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
    /// The time the extractor spent parsing the document's sentences (zero for one that
    /// does not parse), for `build --timings`.
    pub parsing: Spent,
}

/// Time spent on a part of the work. Not part of what was extracted: any two are equal,
/// so that extractions compare by what they found, whatever the machine's speed.
#[derive(Clone, Copy, Debug, Default)]
pub struct Spent(pub Duration);

impl PartialEq for Spent {
    fn eq(&self, _: &Spent) -> bool {
        true
    }
}

/// The most triples an extraction keeps from one sentence. News sentences give one to
/// six (the most in the 281 Wikinews articles of `../shared/bench` and the gold articles
/// is 6); "A, B, C, D, E and F met" gives 15. A sentence that lists dozens of actors on
/// both sides of a verb would give one triple per pair, each carrying the sentence, so
/// that output and memory grew with the square of the list: the pipeline keeps the most
/// confident of any extractor's triples ([`DocExtraction::bound_triples_per_sentence`])
/// and says so. Every triple's evidence repeats its sentence in most formats, so this
/// number is also the most times a format can repeat one sentence of the input.
pub const MAX_TRIPLES_PER_SENTENCE: usize = 16;

/// Keeps the `limit` items of highest `confidence` (the earlier of equally confident
/// ones), in their order; returns whether any was left out.
pub fn keep_most_confident<T>(
    items: &mut Vec<T>,
    limit: usize,
    confidence: impl Fn(&T) -> f64,
) -> bool {
    if items.len() <= limit {
        return false;
    }
    let mut ranked: Vec<usize> = (0..items.len()).collect();
    // stable: equally confident items keep their order
    ranked.sort_by(|&a, &b| confidence(&items[b]).total_cmp(&confidence(&items[a])));
    let mut keep = vec![false; items.len()];
    for &i in &ranked[..limit] {
        keep[i] = true;
    }
    let mut i = 0;
    items.retain(|_| {
        i += 1;
        keep[i - 1]
    });
    true
}

impl DocExtraction {
    /// Keeps at most `limit` triples from each sentence with
    /// [`keep_most_confident`]; returns the number of sentences that had more.
    pub fn bound_triples_per_sentence(&mut self, limit: usize) -> usize {
        let mut count: std::collections::HashMap<u32, usize> = Default::default();
        for t in &self.triples {
            *count.entry(t.evidence.sentence).or_default() += 1;
        }
        let over: std::collections::HashSet<u32> = count
            .into_iter()
            .filter(|&(_, n)| n > limit)
            .map(|(s, _)| s)
            .collect();
        if over.is_empty() {
            return 0;
        }
        // the triples of each sentence over the bound, by sentence, in order
        let mut groups: std::collections::BTreeMap<u32, Vec<usize>> = Default::default();
        for (i, t) in self.triples.iter().enumerate() {
            if over.contains(&t.evidence.sentence) {
                groups.entry(t.evidence.sentence).or_default().push(i);
            }
        }
        let mut drop = vec![false; self.triples.len()];
        for group in groups.into_values() {
            let mut kept = group.clone();
            keep_most_confident(&mut kept, limit, |&i| self.triples[i].confidence);
            for &i in &group {
                drop[i] = true;
            }
            for &i in &kept {
                drop[i] = false;
            }
        }
        let mut i = 0;
        self.triples.retain(|_| {
            i += 1;
            !drop[i - 1]
        });
        over.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triple(sentence: u32, object: usize, confidence: f64) -> Triple {
        Triple {
            subject: 0,
            object,
            relation: RelationKind::Consult,
            mode: Mode::Asserted,
            verb: "met".into(),
            date: None,
            confidence,
            role: None,
            status: None,
            reported_by: None,
            evidence: Evidence {
                doc: "d".into(),
                sentence,
                start: 0,
                end: 1,
                text: "x".into(),
                date: None,
                reported_by: None,
            },
        }
    }

    #[test]
    fn the_bound_keeps_the_most_confident_triples_of_each_sentence_in_order() {
        let mut x = DocExtraction {
            info: DocumentInfo {
                id: "d".into(),
                date: None,
                title: None,
                url: None,
            },
            entities: vec![],
            triples: vec![
                triple(0, 1, 0.5),
                triple(1, 1, 0.7),
                triple(0, 2, 0.9),
                triple(0, 3, 0.5),
                triple(0, 4, 0.8),
                triple(1, 2, 0.7),
            ],
            sentences: 2,
            truncated_sentences: 0,
            parsing: Spent::default(),
        };
        assert_eq!(x.bound_triples_per_sentence(2), 1);
        let kept: Vec<(u32, usize)> = x
            .triples
            .iter()
            .map(|t| (t.evidence.sentence, t.object))
            .collect();
        assert_eq!(kept, vec![(1, 1), (0, 2), (0, 4), (1, 2)]);
        // within the bound nothing changes; equal confidence keeps the earlier ones
        assert_eq!(x.bound_triples_per_sentence(2), 0);
        for t in &mut x.triples {
            t.confidence = 0.5;
        }
        assert_eq!(x.bound_triples_per_sentence(1), 2);
        let kept: Vec<(u32, usize)> = x
            .triples
            .iter()
            .map(|t| (t.evidence.sentence, t.object))
            .collect();
        assert_eq!(kept, vec![(1, 1), (0, 2)]);
    }
}

#[cfg(test)]
mod keep_tests {
    use super::keep_most_confident;

    #[test]
    fn keeping_the_most_confident_keeps_order_and_prefers_the_earlier() {
        let mut v = vec![("a", 0.5), ("b", 0.9), ("c", 0.5), ("d", 0.7), ("e", 0.9)];
        assert!(keep_most_confident(&mut v, 3, |x| x.1));
        assert_eq!(v, vec![("b", 0.9), ("d", 0.7), ("e", 0.9)]);
        assert!(!keep_most_confident(&mut v, 3, |x| x.1));
        assert!(keep_most_confident(&mut v, 0, |x| x.1));
        assert!(v.is_empty());
    }
}
