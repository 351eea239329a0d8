//! The command line, as clap derive types only (so docs and completions can reuse them).

use crate::cli::checks;
use crate::format::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXIT_CODES: &str = "\
Exit codes:
  0  success (or stdout closed early)
  1  fatal: nothing written (no usable input, output not writable, a bad lexicon file)
  2  command-line usage error
  3  outputs written, but some inputs were skipped (see the messages and the summary)

A bad input (missing, unreadable, empty, binary or UTF-16, a malformed, truncated or
text-less JSONL line, a duplicate JSONL id, an invalid date, over --max-article-bytes) is
reported as PATH[:LINE]: … and skipped, and the others are still read; --strict stops at
the first one instead, writing nothing. Invalid UTF-8 is replaced with U+FFFD, with a
warning. Sentences longer than 300 tokens are cut there, with a warning.";

/// `--format`'s help: every format's name.
fn format_help() -> String {
    format!(
        "Comma-separated output formats: {}, or all",
        Format::names(Format::ALL, ", ")
    )
}

/// `--format`'s long help: every format's name and what it is for.
fn format_long_help() -> String {
    let width = Format::ALL
        .iter()
        .map(|f| f.name().len())
        .max()
        .unwrap_or(0);
    let mut help = "Comma-separated output formats, or all:\n".to_string();
    for f in Format::ALL {
        help.push_str(&format!("\n  {:width$}  {}", f.name(), f.description()));
    }
    help
}

/// `render --format`'s help: the image formats' names.
fn image_format_help() -> String {
    format!(
        "{}, when the output's extension does not say",
        Format::names(&Format::images(), " or ")
    )
}

/// Builds a knowledge graph of the political actors in news articles: who met whom, who
/// holds which office, who accused, detained or supported whom, with the sentence,
/// document and date behind every edge.
#[derive(Debug, Parser)]
#[command(name = "actorgraph", version, after_help = EXIT_CODES, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles and write the actor graph in one or more formats.
    ///
    /// INPUT is a text file (optionally starting with a line ` date YYYY-MM-DD `), a
    /// directory (its *.txt and *.jsonl files, recursively, in sorted order), a JSONL
    /// corpus (one article a line: {"id", "text", "date"?, "title"?, "url"?}), or `-` for
    /// stdin. All inputs are merged into one graph.
    ///
    /// Examples:
    ///   actorgraph build data/seed.txt -o output/
    ///   actorgraph build article.txt --format json -o graph.json
    ///   actorgraph build corpus.jsonl -f graphml,gexf -o out/ --focus "Imran Khan" --depth 2
    #[command(after_help = EXIT_CODES, verbatim_doc_comment)]
    Build(BuildArgs),
    /// Draw a graph saved earlier as JSON (node-link) as SVG or PNG, without extracting again.
    ///
    /// Example:
    ///   actorgraph render output/seed.json -o seed.png --focus "Imran Khan"
    #[command(after_help = EXIT_CODES, verbatim_doc_comment)]
    Render(RenderArgs),
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Articles: text files, directories, .jsonl corpora, or - for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    // the formats are listed from the format table
    #[arg(short, long, value_name = "LIST", default_value = "all",
          help = format_help(), long_help = format_long_help())]
    pub format: String,

    /// Output: a file when one format is asked (- for stdout), else a directory.
    #[arg(short, long, value_name = "PATH", default_value = "output")]
    pub output: PathBuf,

    /// File name stem inside an output directory [default: the input's file stem when
    /// there is one input file, else "graph"]. A name, not a path.
    #[arg(long, value_name = "STEM", value_parser = checks::file_stem)]
    pub name: Option<String>,

    /// Publication date (YYYY-MM-DD) for articles that carry none.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// Extra lexicon file (titles, cues, verbs or nominals format; see data/README.md). Repeatable.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,

    /// Extra gazetteer file (countries, places or organizations format). Repeatable.
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Vec<PathBuf>,

    /// Worker threads for extraction, 1 to 1024 [default: all cores]. Output does not
    /// depend on it.
    #[arg(short = 'j', long, value_name = "N", value_parser = checks::threads)]
    pub threads: Option<usize>,

    /// Stop at the first bad article instead of skipping it.
    #[arg(long)]
    pub strict: bool,

    /// Refuse articles larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    pub max_article_bytes: u64,

    /// No progress and no summary on stderr (errors are still printed).
    #[arg(short, long)]
    pub quiet: bool,

    #[command(flatten)]
    pub selection: SelectionArgs,

    #[command(flatten)]
    pub image: ImageArgs,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// A graph written by `actorgraph build --format json`.
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,

    /// The image to write; its extension (.svg or .png) gives the format.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    #[arg(short, long, value_name = "FORMAT", help = image_format_help())]
    pub format: Option<String>,

    #[command(flatten)]
    pub selection: SelectionArgs,

    #[command(flatten)]
    pub image: ImageArgs,
}

/// Which part of the graph to write; applies to every format.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Selection (every format)")]
pub struct SelectionArgs {
    /// Keep only the ego network of this actor (matched against names and aliases).
    #[arg(long, value_name = "NAME")]
    pub focus: Option<String>,

    /// With --focus: how many steps away from it to keep.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub depth: usize,

    /// Keep only these entity types (comma-separated, e.g. Person,Country).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub types: Vec<String>,

    /// Keep only these relations (comma-separated, e.g. CONSULT,ACCUSE).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub relations: Vec<String>,

    /// Keep only edges supported by at least N sentences.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_weight: usize,

    /// Keep at most N actors, the most connected (N at least 1).
    #[arg(long, value_name = "N", value_parser = checks::at_least_one)]
    pub max_nodes: Option<usize>,
}

#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Images")]
pub struct ImageArgs {
    /// Layout engine for svg and png: Graphviz when installed, else the built-in one.
    #[arg(long, value_enum, default_value_t = EngineArg::Auto)]
    pub engine: EngineArg,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EngineArg {
    Auto,
    Graphviz,
    Builtin,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_states_the_sentence_bound_in_force() {
        let bound = format!("longer than {} tokens", crate::text::MAX_SENTENCE_TOKENS);
        assert!(EXIT_CODES.replace('\n', " ").contains(&bound));
    }
}
