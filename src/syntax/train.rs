//! Training, deterministic from the treebank and the settings alone (fixed seeds, fixed
//! iteration order, folds trained in parallel but merged in order), so the same command
//! rebuilds the shipped model byte for byte.
//!
//! Steps: the tag dictionary and lemma tables from the training words; the first tagger
//! pass, jackknifed over `folds` folds (each fold tagged by a model that never saw it);
//! the second pass on those jackknifed first-pass tags, jackknifed again, which gives
//! every training sentence the tags a model that never saw it would give; the parser on
//! those predicted tags, so that it learns to live with tagging errors as it will have
//! to at run time. Then both taggers once more on all the data, and the weights are
//! averaged, pruned and quantized.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::conllu::{deprel_of, ConlluSentence};
use super::labels::{Deprel, Upos};
use super::lemma;
use super::model::ModelParts;
use super::parser::{self, GoldTree, ParseScratch, ParseWord, Rng};
use super::tagger::{self, TagScratch, WordFeats};
use super::weights::{FrozenWeights, TrainWeights};
use super::Model;

/// The settings of a training run (the defaults are the shipped model's).
#[derive(Clone, Debug)]
pub struct TrainConfig {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Jackknife folds for the tags the parser trains on (0 or 1: gold tags).
    pub folds: usize,
    pub second_pass: bool,
    /// Explore (follow the parser's own wrong moves) from this epoch on (0-based)…
    pub explore_from: usize,
    /// …with this probability.
    pub explore_p: f64,
    /// Averaged weights smaller than this are dropped (tagger, parser).
    pub tagger_prune: f32,
    pub parser_prune: f32,
    /// Feature rows updated fewer times than this in training are dropped.
    pub tagger_min_updates: u32,
    pub parser_min_updates: u32,
    /// Bytes per parser weight in the model file (1 or 2).
    pub parser_width: u8,
    /// A word is in the tag dictionary if seen this often…
    pub dict_min_count: usize,
    /// …with one tag at least this share of the time.
    pub dict_min_share: f64,
    /// Word classes learned from the training text and the unlabelled text: the numbers
    /// of classes (coarse, fine; 0: none), and how often a word must occur to get one.
    pub classes: [usize; 2],
    pub class_min_count: usize,
    pub class_iterations: usize,
    pub seed: u64,
    /// Threads for the jackknife folds.
    pub threads: usize,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            tagger_epochs: 8,
            parser_epochs: 12,
            folds: 10,
            second_pass: true,
            explore_from: 1,
            explore_p: 0.9,
            tagger_prune: 0.0,
            parser_prune: 0.0,
            tagger_min_updates: 1,
            parser_min_updates: 3,
            parser_width: 1,
            dict_min_count: 20,
            dict_min_share: 0.995,
            classes: [64, 256],
            class_min_count: 2,
            class_iterations: 12,
            seed: 7,
            threads: 2,
        }
    }
}

/// A training sentence reduced to what the learners need.
struct Example {
    words: Vec<WordFeats>,
    gold_tags: Vec<u8>,
    tree: GoldTree,
}

fn tag_index(u: Option<Upos>) -> u8 {
    u.unwrap_or(Upos::X) as u8
}

/// The form word classes are learned on: lower case, digits as `0` (what
/// [`tagger::lower_key`] hashes).
fn class_form(word: &str) -> String {
    let mut form = String::new();
    super::adapt::normalize(word, &mut form);
    form.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// Word classes of the training words and `unlabeled` sentences (token texts), as the
/// model's class table.
fn word_classes(
    train: &[ConlluSentence],
    unlabeled: &[Vec<String>],
    cfg: &TrainConfig,
    log: &mut dyn FnMut(&str),
) -> FxHashMap<u64, u32> {
    if cfg.classes.contains(&0) {
        return FxHashMap::default();
    }
    let text: Vec<Vec<String>> = train
        .iter()
        .map(|s| s.words.iter().map(|w| class_form(&w.form)).collect())
        .chain(
            unlabeled
                .iter()
                .map(|s| s.iter().map(|w| class_form(w)).collect()),
        )
        .collect();
    let coarse = super::clusters::exchange(
        &text,
        cfg.classes[0],
        cfg.class_min_count,
        cfg.class_iterations,
        log,
    );
    let fine = super::clusters::exchange(
        &text,
        cfg.classes[1],
        cfg.class_min_count,
        cfg.class_iterations,
        log,
    );
    let fine_of: FxHashMap<&str, u32> = fine
        .words
        .iter()
        .zip(&fine.class)
        .map(|(w, &c)| (w.as_str(), c))
        .collect();
    coarse
        .words
        .iter()
        .zip(&coarse.class)
        .filter_map(|(w, &c)| {
            let f = *fine_of.get(w.as_str())?;
            Some((tagger::lower_key(w), tagger::class_entry(c, f)))
        })
        .collect()
}

fn examples(
    sentences: &[ConlluSentence],
    dict: &FxHashMap<u64, u32>,
    classes: &FxHashMap<u64, u32>,
) -> Vec<Example> {
    sentences
        .iter()
        .map(|s| {
            let mut form = String::new();
            let words = s
                .words
                .iter()
                .map(|w| {
                    form.clear();
                    super::adapt::normalize(&w.form, &mut form);
                    let mut f = WordFeats::new(&form);
                    f.set_dict(dict.get(&f.lower).copied());
                    f.set_classes(classes.get(&f.lower).copied());
                    f
                })
                .collect();
            let heads: Vec<Option<usize>> = s.words.iter().map(|w| w.head).collect();
            let labels: Vec<Deprel> = s.words.iter().map(deprel_of).collect();
            Example {
                words,
                gold_tags: s.words.iter().map(|w| tag_index(w.upos)).collect(),
                tree: GoldTree::new(&heads, &labels),
            }
        })
        .collect()
}

/// Frequent words that (almost) always have the same tag.
fn tag_dictionary(sentences: &[ConlluSentence], cfg: &TrainConfig) -> FxHashMap<u64, u32> {
    let mut counts: FxHashMap<u64, [u32; tagger::TAGS]> = FxHashMap::default();
    let mut form = String::new();
    for s in sentences {
        for w in &s.words {
            form.clear();
            super::adapt::normalize(&w.form, &mut form);
            counts.entry(tagger::lower_key(&form)).or_default()[tag_index(w.upos) as usize] += 1;
        }
    }
    counts
        .into_iter()
        .filter_map(|(k, c)| {
            let total: u32 = c.iter().sum();
            let (best, &n) = c
                .iter()
                .enumerate()
                .max_by_key(|&(i, &n)| (n, usize::MAX - i))?;
            (total as usize >= cfg.dict_min_count && n as f64 >= cfg.dict_min_share * total as f64)
                .then_some((k, best as u32))
        })
        .collect()
}

fn shuffled(n: usize, rng: &mut Rng) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, rng.below(i + 1));
    }
    order
}

/// Trains one tagger pass on the sentences `which` of `ex`.
fn train_pass(
    ex: &[Example],
    which: &[usize],
    first: Option<&[Vec<u8>]>,
    cfg: &TrainConfig,
    seed: u64,
) -> TrainWeights {
    let data: Vec<(Vec<WordFeats>, Vec<u8>)> = which
        .iter()
        .map(|&i| (ex[i].words.clone(), ex[i].gold_tags.clone()))
        .collect();
    let first: Option<Vec<Vec<u8>>> = first.map(|f| which.iter().map(|&i| f[i].clone()).collect());
    let mut w = TrainWeights::new();
    let mut rng = Rng::new(seed);
    for _ in 0..cfg.tagger_epochs {
        let order = shuffled(data.len(), &mut rng);
        tagger::train_epoch(&mut w, &data, first.as_deref(), &order);
    }
    w
}

fn fold_of(i: usize, folds: usize) -> usize {
    i % folds
}

/// Per sentence, the tags of the first pass (and the second, given `first`), each fold
/// tagged by models trained on the other folds.
fn jackknife(
    ex: &[Example],
    cfg: &TrainConfig,
    pool: &rayon::ThreadPool,
    first: Option<&[Vec<u8>]>,
    first_models: Option<&[FrozenWeights]>,
) -> (Vec<Vec<u8>>, Vec<FrozenWeights>) {
    let folds = cfg.folds;
    // per fold: (sentence, tags) of its sentences, and its model
    type Fold = (Vec<(usize, Vec<u8>)>, FrozenWeights);
    let per_fold: Vec<Fold> = pool.install(|| {
        (0..folds)
            .into_par_iter()
            .map(|k| {
                let train: Vec<usize> = (0..ex.len()).filter(|&i| fold_of(i, folds) != k).collect();
                let w = train_pass(ex, &train, first, cfg, cfg.seed + 100 + k as u64);
                let frozen = w.freeze(cfg.tagger_prune, cfg.tagger_min_updates, 2, tagger::TAGS);
                drop(w);
                let mut scratch = TagScratch::default();
                let tagged = (0..ex.len())
                    .filter(|&i| fold_of(i, folds) == k)
                    .map(|i| {
                        let mut tags = Vec::new();
                        match first_models {
                            None => tagger::tag(
                                &frozen,
                                None,
                                &ex[i].words,
                                &mut scratch,
                                f32::INFINITY,
                                &mut tags,
                            ),
                            Some(m) => tagger::tag(
                                &m[k],
                                Some(&frozen),
                                &ex[i].words,
                                &mut scratch,
                                f32::INFINITY,
                                &mut tags,
                            ),
                        }
                        (i, tags)
                    })
                    .collect();
                (tagged, frozen)
            })
            .collect()
    });
    let mut tags = vec![Vec::new(); ex.len()];
    let mut models = Vec::with_capacity(folds);
    for (tagged, frozen) in per_fold {
        for (i, t) in tagged {
            tags[i] = t;
        }
        models.push(frozen);
    }
    (tags, models)
}

fn accuracy(tags: &[Vec<u8>], ex: &[Example]) -> f64 {
    let (mut right, mut total) = (0, 0);
    for (t, e) in tags.iter().zip(ex) {
        right += t.iter().zip(&e.gold_tags).filter(|(a, b)| a == b).count();
        total += t.len();
    }
    100.0 * right as f64 / total.max(1) as f64
}

/// Trains a model on `train`; with `dev`, reports dev scores after each parser epoch
/// through `log` (they do not change the model).
pub fn train(
    train: &[ConlluSentence],
    dev: Option<&[ConlluSentence]>,
    unlabeled: &[Vec<String>],
    cfg: &TrainConfig,
    log: &mut dyn FnMut(&str),
) -> Vec<u8> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.threads.max(1))
        .build()
        .expect("a thread pool");
    let started = std::time::Instant::now();
    let dict = tag_dictionary(train, cfg);
    let classes = word_classes(train, unlabeled, cfg, log);
    let ex = examples(train, &dict, &classes);
    let all: Vec<usize> = (0..ex.len()).collect();
    let lemmas = lemma::learn(train.iter().flat_map(|s| {
        s.words
            .iter()
            .filter_map(|w| w.upos.map(|u| (w.form.as_str(), u, w.lemma.as_str())))
    }));
    log(&format!(
        "{} sentences, {} words; tag dictionary: {} words",
        ex.len(),
        ex.iter().map(|e| e.words.len()).sum::<usize>(),
        dict.len()
    ));

    // tags for the parser to train on
    let jack = cfg.folds >= 2;
    let (mut parser_tags, mut first_tags) = (None, None);
    if jack {
        let (t1, m1) = jackknife(&ex, cfg, &pool, None, None);
        log(&format!(
            "jackknifed first pass: {:.2}% ({:.0?})",
            accuracy(&t1, &ex),
            started.elapsed()
        ));
        if cfg.second_pass {
            let (t2, _) = jackknife(&ex, cfg, &pool, Some(&t1), Some(&m1));
            log(&format!(
                "jackknifed second pass: {:.2}% ({:.0?})",
                accuracy(&t2, &ex),
                started.elapsed()
            ));
            parser_tags = Some(t2);
        } else {
            parser_tags = Some(t1.clone());
        }
        first_tags = Some(t1);
    }
    // the final taggers, on all the data
    let (first_pass, second_pass) = pool.install(|| {
        let first = train_pass(&ex, &all, None, cfg, cfg.seed).freeze(
            cfg.tagger_prune,
            cfg.tagger_min_updates,
            2,
            tagger::TAGS,
        );
        let second = if cfg.second_pass {
            let t1 = match &first_tags {
                Some(t) => t.clone(),
                None => ex
                    .iter()
                    .map(|e| {
                        let mut tags = Vec::new();
                        tagger::tag(
                            &first,
                            None,
                            &e.words,
                            &mut TagScratch::default(),
                            f32::INFINITY,
                            &mut tags,
                        );
                        tags
                    })
                    .collect(),
            };
            Some(train_pass(&ex, &all, Some(&t1), cfg, cfg.seed + 1).freeze(
                cfg.tagger_prune,
                cfg.tagger_min_updates,
                2,
                tagger::TAGS,
            ))
        } else {
            None
        };
        (first, second)
    });
    log(&format!("final tagger trained ({:.0?})", started.elapsed()));

    let parse_words: Vec<Vec<ParseWord>> = ex
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let tags = parser_tags.as_ref().map_or(&e.gold_tags, |t| &t[i]);
            e.words
                .iter()
                .zip(tags)
                .map(|(w, &t)| ParseWord::new(w.lower, t, w.cl[1]))
                .collect()
        })
        .collect();
    let mut weights = TrainWeights::new();
    let mut rng = Rng::new(cfg.seed + 2);
    let mut scratch = ParseScratch::default();
    let assemble = |weights: &TrainWeights, prune: f32, min_updates: u32, width: u8| -> Vec<u8> {
        ModelParts {
            tagdict: dict.iter().map(|(&k, &v)| (k, v)).collect::<Vec<_>>(),
            classes: classes.iter().map(|(&k, &v)| (k, v)).collect::<Vec<_>>(),
            first_pass: first_pass.clone(),
            second_pass: second_pass.clone(),
            parser: weights.freeze(prune, min_updates, width, parser::CLASSES),
            lemmas: lemma::LemmaTables {
                scripts: lemmas.scripts.clone(),
                known: lemmas.known.clone(),
                suffix: lemmas.suffix.clone(),
            },
        }
        .to_bytes()
    };
    for epoch in 0..cfg.parser_epochs {
        let order = shuffled(ex.len(), &mut rng);
        let explore = (epoch >= cfg.explore_from).then_some(cfg.explore_p);
        let (mut right, mut total) = (0, 0);
        for &i in &order {
            let (r, t) = parser::train_sentence(
                &mut weights,
                &parse_words[i],
                &ex[i].tree,
                &mut scratch,
                explore,
                &mut rng,
            );
            right += r;
            total += t;
        }
        let mut line = format!(
            "parser epoch {}: {:.2}% transitions right ({:.0?})",
            epoch + 1,
            100.0 * right as f64 / total.max(1) as f64,
            started.elapsed()
        );
        if let Some(dev) = dev {
            let bytes = assemble(
                &weights,
                cfg.parser_prune,
                cfg.parser_min_updates,
                cfg.parser_width,
            );
            if let Ok(model) = Model::from_bytes(bytes.into()) {
                let s = super::eval::evaluate(&model, dev);
                line += &format!(
                    "; dev UPOS {:.2} UAS {:.2} LAS {:.2}",
                    s.upos(),
                    s.uas(),
                    s.las()
                );
            }
        }
        log(&line);
    }
    if let Some(dev) = dev {
        for (prune, min_updates, width) in [(0.0, 1, 2), (0.0, 3, 1), (0.0, 6, 1)] {
            let bytes = assemble(&weights, prune, min_updates, width);
            let len = bytes.len();
            if let Ok(model) = Model::from_bytes(bytes.into()) {
                let s = super::eval::evaluate(&model, dev);
                log(&format!(
                    "parser pruned at {prune}, min. updates {min_updates}, {width}-byte weights: model {:.1} MB; dev UAS {:.2} LAS {:.2}",
                    len as f64 / 1e6,
                    s.uas(),
                    s.las()
                ));
            }
        }
    }
    let mut tagdict: Vec<(u64, u32)> = dict.iter().map(|(&k, &v)| (k, v)).collect();
    tagdict.sort_unstable();
    let mut class_table: Vec<(u64, u32)> = classes.iter().map(|(&k, &v)| (k, v)).collect();
    class_table.sort_unstable();
    let parts = ModelParts {
        tagdict,
        classes: class_table,
        first_pass,
        second_pass,
        parser: weights.freeze(
            cfg.parser_prune,
            cfg.parser_min_updates,
            cfg.parser_width,
            parser::CLASSES,
        ),
        lemmas,
    };
    log(&parts.describe());
    parts.to_bytes()
}

/// Scores of the tagger alone on `dev` after each epoch, for choosing its settings: the
/// first pass, then (with `second_pass`) the second on jackknifed first-pass tags.
pub fn tagger_only(
    train: &[ConlluSentence],
    dev: &[ConlluSentence],
    unlabeled: &[Vec<String>],
    cfg: &TrainConfig,
    log: &mut dyn FnMut(&str),
) {
    let dict = tag_dictionary(train, cfg);
    let classes = word_classes(train, unlabeled, cfg, log);
    let ex = examples(train, &dict, &classes);
    let dev_ex = examples(dev, &dict, &classes);
    let data: Vec<(Vec<WordFeats>, Vec<u8>)> = ex
        .iter()
        .map(|e| (e.words.clone(), e.gold_tags.clone()))
        .collect();
    let tag_dev = |first: &FrozenWeights, second: Option<&FrozenWeights>| -> f64 {
        let tags: Vec<Vec<u8>> = dev_ex
            .iter()
            .map(|e| {
                let mut t = Vec::new();
                tagger::tag(
                    first,
                    second,
                    &e.words,
                    &mut TagScratch::default(),
                    f32::INFINITY,
                    &mut t,
                );
                t
            })
            .collect();
        accuracy(&tags, &dev_ex)
    };
    let mut w = TrainWeights::new();
    let mut rng = Rng::new(cfg.seed);
    let mut first = None;
    for epoch in 0..cfg.tagger_epochs {
        let order = shuffled(data.len(), &mut rng);
        let acc = tagger::train_epoch(&mut w, &data, None, &order);
        let frozen = w.freeze(cfg.tagger_prune, cfg.tagger_min_updates, 2, tagger::TAGS);
        log(&format!(
            "tagger pass 1 epoch {}: train {:.2}%, dev {:.2}% ({} features)",
            epoch + 1,
            100.0 * acc,
            tag_dev(&frozen, None),
            frozen.features()
        ));
        first = Some(frozen);
    }
    let (Some(first), true) = (first, cfg.second_pass && cfg.folds >= 2) else {
        return;
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.threads.max(1))
        .build()
        .expect("a thread pool");
    let (t1, _) = jackknife(&ex, cfg, &pool, None, None);
    log(&format!(
        "jackknifed first pass: {:.2}%",
        accuracy(&t1, &ex)
    ));
    let mut w = TrainWeights::new();
    for epoch in 0..cfg.tagger_epochs {
        let order = shuffled(data.len(), &mut rng);
        let acc = tagger::train_epoch(&mut w, &data, Some(&t1), &order);
        let frozen = w.freeze(cfg.tagger_prune, cfg.tagger_min_updates, 2, tagger::TAGS);
        log(&format!(
            "tagger pass 2 epoch {}: train {:.2}%, dev {:.2}% ({} features)",
            epoch + 1,
            100.0 * acc,
            tag_dev(&first, Some(&frozen)),
            frozen.features()
        ));
    }
}
