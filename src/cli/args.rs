//! The command line, as clap derive types only (so docs and completions can reuse them).

use crate::cli::checks;
use crate::format::Format;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const EXIT_CODES: &str = "\
Exit codes:
  0  success (or stdout closed early)
  1  fatal: nothing written (no usable input, output not writable, a bad lexicon file)
  2  command-line usage error (an unknown flag, format, type, relation, mode or dialect,
     a bad date, a format that disagrees with the output's extension)
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

    /// Print nothing but errors: no progress, no notes, no summary, no warnings.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Colour in messages: auto (when stderr is a terminal and NO_COLOR is not set),
    /// always or never.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto, global = true)]
    pub color: ColorArg,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
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
    /// Tag and parse articles (or the words of a CoNLL-U file) and write CoNLL-U.
    ///
    /// Each token gets its UPOS tag, lemma, head and Universal Dependencies relation, from
    /// the model shipped in data/syntax/ (trained on UD English EWT, CC BY-SA 4.0).
    /// Articles are split and tokenized as `build` does; MISC keeps each token's character
    /// span in the article (TokenRange=start:end). With --conllu, the word forms of the
    /// CoNLL-U files are analysed and their annotations ignored, so the output can be
    /// scored against them with the CoNLL 2018 evaluation script.
    ///
    /// Examples:
    ///   actorgraph parse data/seed.txt
    ///   actorgraph parse corpus.jsonl -o corpus.conllu
    ///   actorgraph parse --conllu test.conllu -o predicted.conllu
    #[command(after_help = EXIT_CODES, verbatim_doc_comment)]
    Parse(ParseArgs),
    /// Numbers of a graph saved as JSON: actors by type, relations by kind and mode, the
    /// most central actors (degree, PageRank, betweenness), communities, and the pairs
    /// with the most relations of each kind.
    ///
    /// PageRank: damping 0.85, on the directed graph with each relation an edge weighted
    /// by its number of supporting sentences (parallel relations add up), the rank of
    /// actors without outgoing relations spread evenly, iterated until the sum of changes
    /// is below 1e-13: networkx.pagerank(G) on the node-link JSON (weight="weight"), run
    /// to convergence (tol=1e-13).
    /// Betweenness: exact (Brandes), on the directed graph with parallel relations as one
    /// edge, normalised by (n-1)(n-2) as networkx.betweenness_centrality does.
    /// Communities: weakly connected components, largest first.
    ///
    /// Example:
    ///   actorgraph stats output/seed.json --top 5
    #[command(after_help = EXIT_CODES, verbatim_doc_comment)]
    Stats(StatsArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish or powershell).
    ///
    /// Example:
    ///   actorgraph completions bash > ~/.local/share/bash-completion/completions/actorgraph
    #[command(verbatim_doc_comment)]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), made from this command line's definitions.
    ///
    /// Example:
    ///   actorgraph man > actorgraph.1 && man ./actorgraph.1
    #[command(verbatim_doc_comment)]
    Man,
    /// Merge graphs saved as JSON by separate runs into one, and write it as `build` does.
    ///
    /// The graphs' forms and facts are united and resolved again, as if their articles
    /// had been built together: a corpus built in shards and merged is the corpus built
    /// whole, byte for byte, whatever the order of the inputs. Give the JSON of whole
    /// builds (a graph written with a selection such as --focus has lost the rest).
    ///
    /// Examples:
    ///   actorgraph merge part1.json part2.json -f json -o corpus.json
    ///   actorgraph merge shards/*.json -o out/ --name corpus
    #[command(after_help = EXIT_CODES, verbatim_doc_comment)]
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Graphs written by `actorgraph build --format json` (or by `merge`); - for stdin.
    #[arg(required = true, value_name = "GRAPH.json")]
    pub graphs: Vec<PathBuf>,

    #[arg(short, long, value_name = "LIST", default_value = "all",
          help = format_help(), long_help = format_long_help())]
    pub format: String,

    /// Output: a file when one format is asked (- for stdout), else a directory. A file's
    /// extension must name the format asked.
    #[arg(short, long, value_name = "PATH", default_value = "output")]
    pub output: PathBuf,

    /// File name stem inside an output directory.
    #[arg(long, value_name = "STEM", default_value = "graph")]
    pub name: String,

    #[command(flatten)]
    pub selection: SelectionArgs,

    #[command(flatten)]
    pub exports: ExportArgs,

    #[command(flatten)]
    pub image: ImageArgs,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// A graph written by `actorgraph build --format json`, or - for stdin.
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,

    /// How many actors, communities and pairs to list in each table.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,

    /// Write the numbers as JSON on stdout instead of tables.
    #[arg(long)]
    pub json: bool,

    #[command(flatten)]
    pub selection: SelectionArgs,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Articles (text files, directories, .jsonl corpora, - for stdin), or with --conllu
    /// CoNLL-U files.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// The inputs are CoNLL-U files: analyse their word forms.
    #[arg(long)]
    pub conllu: bool,

    /// Output file, or - for stdout.
    #[arg(short, long, value_name = "PATH", default_value = "-")]
    pub output: PathBuf,
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

    /// Output: a file when one format is asked (- for stdout), else a directory. A file's
    /// extension must name the format asked.
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

    /// After the run, print where its time went (on stderr, also with --quiet): reading,
    /// extracting and of it parsing (summed over the worker threads), merging, resolving
    /// and writing.
    #[arg(long)]
    pub timings: bool,

    /// Refuse articles larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    pub max_article_bytes: u64,

    #[command(flatten)]
    pub selection: SelectionArgs,

    #[command(flatten)]
    pub exports: ExportArgs,

    #[command(flatten)]
    pub image: ImageArgs,
}

/// The choices of some graph formats.
#[derive(Debug, Args, Clone)]
#[command(next_help_heading = "Graph formats")]
pub struct ExportArgs {
    /// The database the cypher script is written for: neo4j (5), falkordb or memgraph.
    #[arg(long, value_enum, value_name = "DIALECT", default_value_t = DialectArg::Neo4j)]
    pub cypher_dialect: DialectArg,

    /// The base of the IRIs of actors, documents and statements in jsonld, nt and ttl
    /// (an absolute IRI ending in /).
    #[arg(long, value_name = "IRI", default_value = crate::export::jsonld::BASE)]
    pub base_iri: String,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DialectArg {
    Neo4j,
    Falkordb,
    Memgraph,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// A graph written by `actorgraph build --format json`, or - for stdin.
    #[arg(value_name = "GRAPH.json")]
    pub graph: PathBuf,

    /// The image to write, or - for stdout; its extension (.svg or .png) gives the
    /// format (stdout: svg unless --format says otherwise).
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
#[derive(Debug, Args, Clone)]
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

    /// Keep only relations reported in these modes (comma-separated: asserted,
    /// intended, negated, hypothetical; or all). Kept negated and hypothetical relations
    /// say so in every format.
    #[arg(long, value_name = "LIST", default_value = "asserted,intended")]
    pub modes: String,

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

    /// Draw actors without any relation too (by default a picture leaves them out when
    /// other actors have relations, and its caption says how many).
    #[arg(long)]
    pub isolated: bool,
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
