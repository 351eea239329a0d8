//! `actorgraph-syntax`: trains the tagger and parser on a UD treebank, evaluates a model on
//! CoNLL-U files, measures what our tokenizer costs, and times tag+parse. The shipped model
//! is rebuilt with `actorgraph-syntax train` (see data/README.md).

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use rayon::prelude::*;

use actorgraph::syntax::conllu::{read_conllu, ConlluSentence};
use actorgraph::syntax::train::{self, TrainConfig};
use actorgraph::syntax::{self, eval, Model};

#[derive(Parser)]
#[command(
    version,
    about = "Train, evaluate and time actorgraph's tagger and dependency parser"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Train a model on a CoNLL-U treebank and write the model file.
    Train {
        /// Training treebank (CoNLL-U).
        #[arg(long)]
        train: PathBuf,
        /// Development treebank: scores after each parser epoch (the model does not change).
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Unlabelled text for the word classes: CoNLL-U files (their word forms) or JSONL
        /// corpora (their `text`, split and tokenized by actorgraph). Repeatable.
        #[arg(long)]
        unlabeled: Vec<PathBuf>,
        /// Numbers of word classes, coarse and fine (0,0: none).
        #[arg(long, value_delimiter = ',', default_values_t = TrainConfig::default().classes)]
        classes: Vec<usize>,
        /// Only train and score the first tagger pass on --dev (for choosing its settings).
        #[arg(long)]
        tagger_only: bool,
        #[arg(long, default_value_t = TrainConfig::default().tagger_epochs)]
        tagger_epochs: usize,
        #[arg(long, default_value_t = TrainConfig::default().parser_epochs)]
        parser_epochs: usize,
        /// Jackknife folds for the parser's training tags (0: gold tags).
        #[arg(long, default_value_t = TrainConfig::default().folds)]
        folds: usize,
        /// No second tagger pass.
        #[arg(long)]
        one_pass: bool,
        #[arg(long, default_value_t = TrainConfig::default().explore_from)]
        explore_from: usize,
        #[arg(long, default_value_t = TrainConfig::default().explore_p)]
        explore_p: f64,
        #[arg(long, default_value_t = TrainConfig::default().tagger_prune)]
        tagger_prune: f32,
        #[arg(long, default_value_t = TrainConfig::default().parser_prune)]
        parser_prune: f32,
        #[arg(long, default_value_t = TrainConfig::default().tagger_min_updates)]
        tagger_min_updates: u32,
        #[arg(long, default_value_t = TrainConfig::default().parser_min_updates)]
        parser_min_updates: u32,
        #[arg(long, default_value_t = TrainConfig::default().threads)]
        threads: usize,
    },
    /// Tag and parse the word forms of CoNLL-U files and score them against their annotation.
    Eval {
        files: Vec<PathBuf>,
        /// A model file instead of the shipped one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Also write the analysis of the (last) file as CoNLL-U here.
        #[arg(long)]
        write: Option<PathBuf>,
    },
    /// Re-tokenize the `# text` of CoNLL-U sentences with actorgraph's tokenizer, parse, and
    /// score by alignment to the gold words.
    Tokens {
        files: Vec<PathBuf>,
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Rewrites a model file of format 2 in the current format, with the same weights (the
    /// analyses do not change).
    Upgrade {
        input: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Words per second of tag+parse on the sentences of a JSONL corpus (`text` fields),
    /// split and tokenized by actorgraph first (not timed).
    Speed {
        file: PathBuf,
        /// Threads (1: one core; 0: all cores).
        #[arg(long, default_value_t = 1)]
        threads: usize,
        /// Passes over the corpus (the best is reported).
        #[arg(long, default_value_t = 3)]
        repeat: usize,
        /// Write the tokenized sentences (one a line, tokens separated by tabs) here.
        #[arg(long)]
        dump: Option<PathBuf>,
        /// Time the tagger alone.
        #[arg(long)]
        tag_only: bool,
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

fn read(path: &Path) -> Result<Vec<ConlluSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    read_conllu(&text).with_context(|| format!("{}", path.display()))
}

enum Loaded {
    Shipped(&'static Model),
    File(Box<Model>),
}

impl std::ops::Deref for Loaded {
    type Target = Model;
    fn deref(&self) -> &Model {
        match self {
            Loaded::Shipped(m) => m,
            Loaded::File(m) => m,
        }
    }
}

fn load(path: Option<&Path>) -> Result<Loaded> {
    let t = Instant::now();
    let m = match path {
        None => Loaded::Shipped(syntax::shipped()),
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            let t = Instant::now();
            let m =
                Model::from_bytes(Cow::Owned(bytes)).with_context(|| format!("{}", p.display()))?;
            eprintln!(
                "model read in {:.2} ms (after the file read)",
                t.elapsed().as_secs_f64() * 1e3
            );
            Loaded::File(Box::new(m))
        }
    };
    eprintln!("model loaded in {:.2} ms", t.elapsed().as_secs_f64() * 1e3);
    Ok(m)
}

fn jsonl_texts(file: &Path) -> Result<Vec<String>> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).with_context(|| format!("{}:{}", file.display(), i + 1))?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            docs.push(t.to_string());
        }
    }
    Ok(docs)
}

fn main() -> Result<()> {
    let english = actorgraph::language::Language::builtin()
        .context("loading the built-in English word lists")?;
    match Cli::parse().command {
        Command::Train {
            train: train_path,
            dev,
            output,
            unlabeled,
            classes,
            tagger_only,
            tagger_epochs,
            parser_epochs,
            folds,
            one_pass,
            explore_from,
            explore_p,
            tagger_prune,
            parser_prune,
            tagger_min_updates,
            parser_min_updates,
            threads,
        } => {
            let cfg = TrainConfig {
                tagger_epochs,
                parser_epochs,
                folds,
                second_pass: !one_pass,
                explore_from,
                explore_p,
                tagger_prune,
                parser_prune,
                tagger_min_updates,
                parser_min_updates,
                threads,
                classes: [
                    classes.first().copied().unwrap_or(0),
                    classes.get(1).copied().unwrap_or(0),
                ],
                ..TrainConfig::default()
            };
            let t = Instant::now();
            let train_s = read(&train_path)?;
            let dev_s = dev.as_deref().map(read).transpose()?;
            let mut text: Vec<Vec<String>> = Vec::new();
            for u in &unlabeled {
                if u.extension().is_some_and(|e| e == "jsonl") {
                    for d in jsonl_texts(u)? {
                        for s in actorgraph::text::split_sentences(&d, 0, &english) {
                            text.push(s.tokens.iter().map(|t| t.text.to_string()).collect());
                        }
                    }
                } else {
                    for s in read(u)? {
                        text.push(s.words.into_iter().map(|w| w.form).collect());
                    }
                }
            }
            let mut log = |s: &str| eprintln!("[{:6.1}s] {s}", t.elapsed().as_secs_f64());
            if tagger_only {
                let Some(dev_s) = dev_s else {
                    bail!("--tagger-only needs --dev")
                };
                log(&format!("{} sentences of unlabelled text", text.len()));
                train::tagger_only(&train_s, &dev_s, &text, &cfg, &mut log);
                return Ok(());
            }
            let Some(output) = output else {
                bail!("train needs --output")
            };
            log(&format!("{} sentences of unlabelled text", text.len()));
            let bytes = train::train(&train_s, dev_s.as_deref(), &text, &cfg, &mut log);
            let tmp = output.with_extension("tmp");
            std::fs::write(&tmp, &bytes).with_context(|| format!("writing {}", tmp.display()))?;
            std::fs::rename(&tmp, &output)
                .with_context(|| format!("writing {}", output.display()))?;
            log(&format!(
                "wrote {} ({} bytes)",
                output.display(),
                bytes.len()
            ));
        }
        Command::Eval {
            files,
            model,
            write,
        } => {
            let model = load(model.as_deref())?;
            for f in &files {
                let gold = read(f)?;
                if let Some(w) = &write {
                    let mut out = Vec::new();
                    for s in &gold {
                        let forms = s.forms();
                        let meta = syntax::conllu::SentenceMeta {
                            sent_id: s.sent_id.as_deref(),
                            text: s.text.as_deref(),
                            misc: None,
                        };
                        syntax::conllu::write_conllu_sentence(
                            &mut out,
                            &meta,
                            &forms,
                            &model.analyze(&forms),
                        )?;
                    }
                    std::fs::write(w, out).with_context(|| format!("writing {}", w.display()))?;
                }
                let t = Instant::now();
                let s = eval::evaluate(&model, &gold);
                println!(
                    "{}: {}  ({:.2} s)",
                    f.display(),
                    s.summary(),
                    t.elapsed().as_secs_f64()
                );
            }
        }
        Command::Tokens { files, model } => {
            let model = load(model.as_deref())?;
            for f in &files {
                let gold = read(f)?;
                let s = eval::evaluate_tokenized(&model, &gold, |text| {
                    actorgraph::text::tokenize(text, 0)
                        .iter()
                        .map(|t| (t.start, t.end))
                        .collect()
                });
                println!("{}: {}", f.display(), s.summary());
            }
        }
        Command::Upgrade { input, output } => {
            let bytes =
                std::fs::read(&input).with_context(|| format!("reading {}", input.display()))?;
            let new = syntax::upgrade_format2(&bytes)
                .with_context(|| format!("upgrading {}", input.display()))?;
            Model::from_bytes(Cow::Owned(new.clone()))
                .context("reading the upgraded model back")?;
            let tmp = output.with_extension("tmp");
            std::fs::write(&tmp, &new).with_context(|| format!("writing {}", tmp.display()))?;
            std::fs::rename(&tmp, &output)
                .with_context(|| format!("writing {}", output.display()))?;
            eprintln!(
                "wrote {} ({} bytes, from {})",
                output.display(),
                new.len(),
                bytes.len()
            );
        }
        Command::Speed {
            file,
            threads,
            repeat,
            dump,
            tag_only,
            model,
        } => {
            let model = load(model.as_deref())?;
            let docs = jsonl_texts(&file)?;
            let sentences: Vec<Vec<&str>> = docs
                .iter()
                .flat_map(|d| {
                    actorgraph::text::split_sentences(d, 0, &english)
                        .into_iter()
                        .map(|s| s.tokens.iter().map(|t| t.text).collect::<Vec<_>>())
                })
                .collect();
            if let Some(dump) = dump {
                let lines: Vec<String> = sentences.iter().map(|s| s.join("\t")).collect();
                std::fs::write(&dump, lines.join("\n") + "\n")
                    .with_context(|| format!("writing {}", dump.display()))?;
            }
            let words: usize = sentences.iter().map(Vec::len).sum();
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()?;
            let n_threads = pool.current_num_threads();
            let mut best = f64::INFINITY;
            for _ in 0..repeat.max(1) {
                let t = Instant::now();
                let parsed: usize = pool.install(|| {
                    sentences
                        .par_iter()
                        .map(|s| {
                            if tag_only {
                                model.tag(s).len()
                            } else {
                                model.parse_count(s)
                            }
                        })
                        .sum()
                });
                if parsed != words {
                    bail!("parsed {parsed} of {words} words");
                }
                best = best.min(t.elapsed().as_secs_f64());
            }
            println!(
                "actorgraph tag+parse: {} sentences, {} words, {} thread(s): {:.3} s = {:.0} words/s (best of {})",
                sentences.len(),
                words,
                n_threads,
                best,
                words as f64 / best,
                repeat.max(1)
            );
        }
    }
    Ok(())
}
