//! The corpus pipeline: documents in, one [`ActorGraph`] out, extracted on all cores and
//! united into one [`Unresolved`] union in input order, then resolved once (forms linked
//! across documents, nodes and edges in the order of their ids), so that the graph
//! depends neither on the number of threads nor on the order of the documents.
//!
//! ```text
//! this thread   read a chunk ─┐           ┌─ merge chunk 0, 1, 2 … in order
//! worker pool                 └─ extract ─┘   (a reorder buffer holds what comes early)
//! ```
//!
//! [`build`] takes any iterator of documents (the files of [`crate::ingest::Inputs`], or
//! records made in memory), the [`Knowledge`], [`BuildOptions`] (threads, the
//! [`Extractor`]) and a [`Progress`] that hears of every problem as it happens. Nothing
//! here prints: a document that cannot be read is handed to [`Progress::skipped`] as its
//! [`InputError`] and counted in the [`Counts`]. [`build_into`] goes on from a graph
//! built earlier (a saved graph, another shard of the corpus).

use crate::error::InputError;
use crate::extract::{Extractor, Knowledge, Rules};
use crate::graph::{ActorGraph, Unresolved};
use crate::model::{DocExtraction, Document, MAX_TRIPLES_PER_SENTENCE};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

/// Documents handed to the workers at a time, per thread.
const CHUNK_PER_THREAD: usize = 16;
/// Chunks read and not yet merged, at most: enough that no worker waits for the reader
/// or the merge, few enough that memory does not grow with the corpus.
const IN_FLIGHT: usize = 4;

/// The most worker threads a build starts: more than any machine's cores, few enough
/// that a typo (`-j 100000`) cannot exhaust the system's threads.
pub const MAX_THREADS: usize = 1024;

/// How to build.
#[derive(Clone)]
pub struct BuildOptions {
    /// Worker threads for extraction; `None` is one per core. The graph is the same
    /// whatever the number.
    pub threads: Option<usize>,
    /// Stop at the first document that cannot be read ([`BuildError::BadDocument`])
    /// instead of skipping it.
    pub stop_at_bad_document: bool,
    /// What reads each document. Whatever it gives, at most
    /// [`MAX_TRIPLES_PER_SENTENCE`] triples of one sentence are kept (the most
    /// confident); the cut is counted and told to the [`Progress`].
    pub extractor: Arc<dyn Extractor>,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            threads: None,
            stop_at_bad_document: false,
            extractor: Arc::new(Rules),
        }
    }
}

impl std::fmt::Debug for BuildOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BuildOptions")
            .field("threads", &self.threads)
            .field("stop_at_bad_document", &self.stop_at_bad_document)
            .field("extractor", &self.extractor.name())
            .finish()
    }
}

/// What a build went through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents extracted and merged.
    pub documents: usize,
    pub sentences: usize,
    /// Sentences cut at [`crate::text::MAX_SENTENCE_TOKENS`], and the documents with one.
    pub truncated_sentences: usize,
    pub truncated_documents: usize,
    /// Sentences that gave more than [`MAX_TRIPLES_PER_SENTENCE`] triples (the most
    /// confident were kept), and the documents with one.
    pub bounded_sentences: usize,
    pub bounded_documents: usize,
    /// Problems that did not stop a document from being read (see [`Document::warnings`]).
    pub read_warnings: usize,
    /// Documents whose input gave no id (see [`Document::id_made_up`]).
    pub made_up_ids: usize,
    /// Documents skipped, by [`InputError::reason`].
    pub skipped: BTreeMap<&'static str, usize>,
}

impl Counts {
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }
}

/// The graph and what it took.
#[derive(Clone, Debug)]
pub struct BuildOutcome {
    pub graph: ActorGraph,
    pub counts: Counts,
    pub timings: Timings,
}

/// Where a build's time went. Extracting and parsing are summed over the worker
/// threads (so they can exceed the wall time); reading and merging are the time of the
/// one thread that reads and merges, while the workers extract; resolving comes after.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Timings {
    pub threads: usize,
    /// Reading and splitting the inputs into documents.
    pub reading: Duration,
    /// The extractor's time, parsing included.
    pub extracting: Duration,
    /// The part of `extracting` the extractor spent parsing sentences.
    pub parsing: Duration,
    /// Uniting each document's extraction into the corpus union.
    pub merging: Duration,
    /// Linking forms across documents and making the graph.
    pub resolving: Duration,
}

/// What the caller hears while the build runs, in input order for reading and in merge
/// order for extractions. Every method does nothing by default; `()` hears nothing.
pub trait Progress {
    /// A document was read, with a problem that did not stop it (invalid UTF-8 replaced,
    /// its id renamed).
    fn read_warning(&mut self, _origin: &str, _warning: &str) {}

    /// A document's input gave no id; `id` was made up from its place.
    fn id_made_up(&mut self, _origin: &str, _id: &str) {}

    /// A document could not be read and is left out (unless the build stops at it).
    fn skipped(&mut self, _error: InputError) {}

    /// A merged document had `sentences` sentences cut at the length bound.
    fn sentences_cut(&mut self, _origin: &str, _sentences: usize) {}

    /// A merged document had `sentences` sentences that gave more than
    /// [`MAX_TRIPLES_PER_SENTENCE`] triples; the most confident of each were kept.
    fn relations_bounded(&mut self, _origin: &str, _sentences: usize) {}

    /// A chunk of documents was merged; `relations` is the graph's edge count so far.
    fn advanced(&mut self, _counts: &Counts, _relations: usize) {}
}

impl Progress for () {}

/// Why a build stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    /// With [`BuildOptions::stop_at_bad_document`]: the first document that could not be
    /// read.
    #[error("{0}")]
    BadDocument(InputError),
    #[error("starting worker threads")]
    ThreadPool(#[source] rayon::ThreadPoolBuildError),
    #[error("{0} worker threads asked for; at most {MAX_THREADS}")]
    TooManyThreads(usize),
    #[error("an extraction worker stopped unexpectedly")]
    WorkerStopped(#[source] mpsc::RecvError),
}

/// Builds the graph of `inputs`: extracts every document on the worker threads and merges
/// the extractions in input order.
pub fn build<I>(
    inputs: I,
    knowledge: &Knowledge,
    options: &BuildOptions,
    progress: &mut dyn Progress,
) -> Result<BuildOutcome, BuildError>
where
    I: IntoIterator<Item = Result<Document, InputError>>,
{
    build_into(ActorGraph::new(), inputs, knowledge, options, progress)
}

/// [`build`], merging into `graph` rather than into an empty graph.
pub fn build_into<I>(
    graph: ActorGraph,
    inputs: I,
    knowledge: &Knowledge,
    options: &BuildOptions,
    progress: &mut dyn Progress,
) -> Result<BuildOutcome, BuildError>
where
    I: IntoIterator<Item = Result<Document, InputError>>,
{
    let threads = options
        .threads
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
        .max(1);
    if threads > MAX_THREADS {
        return Err(BuildError::TooManyThreads(threads));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(BuildError::ThreadPool)?;
    let mut merger = Merger {
        union: Unresolved::from_graph(&graph),
        knowledge,
        counts: Counts::default(),
        waiting: BTreeMap::new(),
        sent: 0,
        merged: 0,
        timings: Timings {
            threads,
            ..Timings::default()
        },
    };
    let extractor: &dyn Extractor = options.extractor.as_ref();
    let mut inputs = inputs.into_iter();
    pool.in_place_scope(|scope| -> Result<(), BuildError> {
        // This thread reads chunks of documents and hands each to the pool as soon as it
        // is read; the workers extract; this thread merges the results in input order
        // while the workers go on with the next chunks. At most IN_FLIGHT chunks are
        // read and not yet merged, which bounds memory whatever the corpus size.
        let chunk = CHUNK_PER_THREAD * threads;
        let (results_tx, results) = mpsc::channel::<(usize, Extracted)>();
        let mut ended = false;
        while !ended {
            let mut docs: Vec<Document> = Vec::with_capacity(chunk);
            ended = true;
            loop {
                let started = Instant::now();
                let next = inputs.next();
                merger.timings.reading += started.elapsed();
                let Some(item) = next else { break };
                match item {
                    Ok(doc) => {
                        for w in &doc.warnings {
                            progress.read_warning(&doc.origin, w);
                            merger.counts.read_warnings += 1;
                        }
                        if doc.id_made_up {
                            merger.counts.made_up_ids += 1;
                            progress.id_made_up(&doc.origin, &doc.id);
                        }
                        docs.push(doc);
                    }
                    Err(e) if options.stop_at_bad_document => {
                        return Err(BuildError::BadDocument(e));
                    }
                    Err(e) => {
                        *merger.counts.skipped.entry(e.reason()).or_default() += 1;
                        progress.skipped(e);
                    }
                }
                if docs.len() >= chunk {
                    ended = false;
                    break;
                }
            }
            if !docs.is_empty() {
                let (tx, seq) = (results_tx.clone(), merger.sent);
                scope.spawn(move |_| {
                    // A panic in the extractor comes back to the reading thread, which
                    // raises it again (it would otherwise be raised only when the scope
                    // ends, after the reader had waited for this chunk for ever).
                    let xs = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        docs.par_iter()
                            .map(|d| {
                                // bounded here, on the worker, so that the merge and the
                                // reorder buffer never hold the unbounded extraction
                                let started = Instant::now();
                                let mut x = extractor.extract(d, knowledge);
                                let took = started.elapsed();
                                let bounded =
                                    x.bound_triples_per_sentence(MAX_TRIPLES_PER_SENTENCE);
                                Done {
                                    origin: d.origin.clone(),
                                    extraction: x,
                                    bounded,
                                    took,
                                }
                            })
                            .collect()
                    }));
                    // the receiver is gone only when the build has failed already
                    let _ = tx.send((seq, xs));
                });
                merger.sent += 1;
            }
            // wait while the pipeline is full, or for everything at the end
            while merger.in_flight() >= IN_FLIGHT || (ended && merger.in_flight() > 0) {
                let (seq, xs) = results.recv().map_err(BuildError::WorkerStopped)?;
                merger.arrived(seq, xs);
                merger.merge_ready(progress);
            }
            // merge whatever is done without waiting for it
            while let Ok((seq, xs)) = results.try_recv() {
                merger.arrived(seq, xs);
            }
            merger.merge_ready(progress);
        }
        Ok(())
    })?;
    // The reader (which keeps every id it has seen) and the worker threads are done:
    // freed before the resolve, which is where a large corpus reaches its peak memory.
    drop(inputs);
    drop(pool);
    let started = Instant::now();
    let graph = merger.union.resolve();
    merger.timings.resolving = started.elapsed();
    Ok(BuildOutcome {
        graph,
        counts: merger.counts,
        timings: merger.timings,
    })
}

/// One document's extraction as a worker hands it back.
struct Done {
    /// The document's path or path:line.
    origin: String,
    extraction: DocExtraction,
    /// Its sentences cut to the bound of triples per sentence.
    bounded: usize,
    /// The extractor's time on it.
    took: Duration,
}

/// One chunk's extractions, or the panic that stopped the chunk.
type Extracted = std::thread::Result<Vec<Done>>;

/// The merging end of the pipeline: the union so far, the counts, and the reorder buffer
/// of chunks that came back before their turn.
struct Merger<'k> {
    union: Unresolved,
    /// For the identifiers of each form.
    knowledge: &'k Knowledge,
    counts: Counts,
    waiting: BTreeMap<usize, Vec<Done>>,
    /// Chunks handed to the workers, and chunks merged.
    sent: usize,
    merged: usize,
    timings: Timings,
}

impl Merger<'_> {
    fn in_flight(&self) -> usize {
        self.sent - self.merged
    }

    /// Keeps a chunk until its turn; a panic in its extraction is raised again here.
    fn arrived(&mut self, seq: usize, xs: Extracted) {
        let xs = xs.unwrap_or_else(|p| std::panic::resume_unwind(p));
        self.waiting.insert(seq, xs);
    }

    /// Merges the chunks whose turn has come, in input order.
    fn merge_ready(&mut self, progress: &mut dyn Progress) {
        while let Some(xs) = self.waiting.remove(&self.merged) {
            let started = Instant::now();
            for Done {
                origin,
                extraction: x,
                bounded,
                took,
            } in xs
            {
                self.timings.extracting += took;
                self.timings.parsing += x.parsing.0;
                self.counts.documents += 1;
                self.counts.sentences += x.sentences;
                if x.truncated_sentences > 0 {
                    self.counts.truncated_sentences += x.truncated_sentences;
                    self.counts.truncated_documents += 1;
                    progress.sentences_cut(&origin, x.truncated_sentences);
                }
                if bounded > 0 {
                    self.counts.bounded_sentences += bounded;
                    self.counts.bounded_documents += 1;
                    progress.relations_bounded(&origin, bounded);
                }
                let lex = &self.knowledge.lexicon;
                self.union
                    .add_extraction(x, &|name, kind| lex.identifiers_of(name, kind));
            }
            self.timings.merging += started.elapsed();
            self.merged += 1;
            progress.advanced(&self.counts, self.union.fact_count());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::InputErrorKind;
    use crate::model::{DocEntity, DocumentInfo, EntityType};

    fn doc(id: &str, text: &str) -> Result<Document, InputError> {
        Ok(Document::from_text(id, text, Some("2024-05-08")))
    }

    fn corpus(n: usize) -> Vec<Result<Document, InputError>> {
        (0..n)
            .map(|i| {
                doc(
                    &format!("d{i}"),
                    &format!("Minister Ana Costa{} met with Prime Minister Luis Ortega. Spain criticized Portugal.", i % 7),
                )
            })
            .collect()
    }

    /// Hears everything, in order.
    #[derive(Default)]
    struct Heard {
        warnings: Vec<String>,
        skipped: Vec<InputError>,
        advanced: usize,
    }

    impl Progress for Heard {
        fn read_warning(&mut self, origin: &str, warning: &str) {
            self.warnings.push(format!("{origin}: {warning}"));
        }
        fn skipped(&mut self, error: InputError) {
            self.skipped.push(error);
        }
        fn advanced(&mut self, _counts: &Counts, _relations: usize) {
            self.advanced += 1;
        }
    }

    fn summary(g: &ActorGraph) -> Vec<String> {
        let mut out: Vec<String> = g.actors().map(|a| format!("{a:?}")).collect();
        out.extend(
            g.relations()
                .map(|(s, t, r)| format!("{} {r:?} {}", s.id, t.id)),
        );
        out
    }

    #[test]
    fn the_graph_does_not_depend_on_the_number_of_threads() {
        let k = Knowledge::shared();
        let graphs: Vec<Vec<String>> = [1, 3]
            .iter()
            .map(|&t| {
                let options = BuildOptions {
                    threads: Some(t),
                    ..BuildOptions::default()
                };
                // enough documents for several chunks, and chunks in flight at once
                let out = build(corpus(500), k, &options, &mut ()).unwrap();
                assert_eq!(out.counts.documents, 500);
                summary(&out.graph)
            })
            .collect();
        assert!(graphs[0].len() > 5, "{:?}", graphs[0]);
        assert_eq!(graphs[0], graphs[1]);
    }

    #[test]
    fn the_parser_time_is_part_of_the_extraction_time() {
        let k = Knowledge::shared();
        let options = BuildOptions {
            threads: Some(1),
            ..BuildOptions::default()
        };
        // every article names two actors in a sentence: every one is parsed
        let t = build(corpus(20), k, &options, &mut ()).unwrap().timings;
        assert_eq!(t.threads, 1);
        assert!(t.parsing > Duration::ZERO, "{t:?}");
        assert!(t.parsing <= t.extracting, "{t:?}");
    }

    #[test]
    fn bad_documents_come_back_as_values_and_the_rest_is_built() {
        let k = Knowledge::shared();
        let mut inputs = corpus(2);
        inputs.insert(
            1,
            Err(InputError::new("c.jsonl", Some(2), InputErrorKind::Empty)),
        );
        let mut warned = Document::from_text("w", "Macron met Scholz.", None);
        warned.warnings.push("invalid UTF-8 replaced".into());
        inputs.push(Ok(warned));
        let mut heard = Heard::default();
        let out = build(inputs, k, &BuildOptions::default(), &mut heard).unwrap();
        assert_eq!(out.counts.documents, 3);
        assert_eq!(out.counts.skipped.get("empty"), Some(&1));
        assert_eq!(out.counts.read_warnings, 1);
        assert_eq!(heard.skipped.len(), 1);
        assert_eq!(
            heard.skipped[0].to_string(),
            "c.jsonl:2: empty article: no text"
        );
        assert_eq!(heard.warnings, vec!["w: invalid UTF-8 replaced"]);
        assert!(heard.advanced >= 1);
        assert_eq!(out.graph.documents().len(), 3);

        let strict = BuildOptions {
            stop_at_bad_document: true,
            ..BuildOptions::default()
        };
        let mut inputs = corpus(2);
        inputs.insert(
            1,
            Err(InputError::new("c.jsonl", Some(2), InputErrorKind::Empty)),
        );
        match build(inputs, k, &strict, &mut ()) {
            Err(BuildError::BadDocument(e)) => assert_eq!(e.line, Some(2)),
            other => panic!("expected BadDocument, got {other:?}"),
        }
    }

    /// An extractor that is not the rule-based one: every document is one actor named
    /// after its id, and document `boom` panics.
    struct OneActorPerDocument;

    impl Extractor for OneActorPerDocument {
        fn name(&self) -> &'static str {
            "one actor per document"
        }
        fn extract(&self, doc: &Document, _k: &Knowledge) -> DocExtraction {
            assert_ne!(doc.id, "boom", "the extractor failed");
            DocExtraction {
                info: DocumentInfo {
                    id: doc.id.as_str().into(),
                    date: doc.date.as_deref().map(Into::into),
                    title: None,
                    url: None,
                },
                entities: vec![DocEntity {
                    name: format!("Actor {}", doc.id),
                    kind: EntityType::Organization,
                    aliases: vec![],
                    titles: vec![],
                    mentions: 1,
                }],
                triples: vec![],
                sentences: 1,
                truncated_sentences: 0,
                parsing: Default::default(),
            }
        }
    }

    #[test]
    fn another_extractor_plugs_in_and_its_panic_reaches_the_caller() {
        let k = Knowledge::shared();
        let options = BuildOptions {
            threads: Some(2),
            extractor: Arc::new(OneActorPerDocument),
            ..BuildOptions::default()
        };
        let out = build(corpus(40), k, &options, &mut ()).unwrap();
        let names: Vec<&str> = out.graph.actors().map(|a| a.name.as_str()).collect();
        assert_eq!(names.len(), 40);
        // it parses nothing, and its time is counted
        assert_eq!(out.timings.threads, 2);
        assert_eq!(out.timings.parsing, Duration::ZERO);
        assert!(out.timings.extracting > Duration::ZERO);
        // in the order of their ids, not of the documents
        assert_eq!(
            (names[0], names[1], names[39]),
            ("Actor d0", "Actor d1", "Actor d9")
        );

        let mut inputs = corpus(100);
        inputs.insert(70, doc("boom", "Text."));
        let panicked = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            build(inputs, k, &options, &mut ())
        }));
        let message = panicked.expect_err("the panic comes back");
        let text = message
            .downcast_ref::<String>()
            .map(String::as_str)
            .unwrap_or_default();
        assert!(text.contains("the extractor failed"), "{text:?}");
    }
}
