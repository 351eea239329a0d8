//! The `actorgraph` command: argument parsing, the per-subcommand drivers, messages
//! and exit codes, and writing output files safely. Only this module uses anyhow.

pub mod args;
pub mod checks;
pub mod cmd;
pub mod messages;
pub mod output;
pub mod suggest;

use clap::Parser;

/// Exit codes (documented in `--help` and the README).
pub mod exit {
    pub const OK: u8 = 0;
    pub const FATAL: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const PARTIAL: u8 = 3;
}

/// A mistake in the command line that clap cannot see (an unknown format, type,
/// relation or mode, a bad date, a format that disagrees with the output's extension):
/// exit code 2, like clap's own usage errors.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// A [`UsageError`] as an anyhow error.
pub fn usage(msg: impl Into<String>) -> anyhow::Error {
    UsageError(msg.into()).into()
}

/// Parses the arguments, runs the command and returns the exit code.
pub fn run() -> u8 {
    let cli = match args::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            if !e.use_stderr() {
                // --help, --version
                let _ = e.print();
                return exit::OK;
            }
            // a value from the command line is user text: escaped, line by line
            let shown: Vec<String> = e
                .to_string()
                .lines()
                .map(|l| messages::text(l).into_owned())
                .collect();
            eprintln!("{}", shown.join("\n"));
            return exit::USAGE;
        }
    };
    messages::set_quiet(cli.quiet);
    messages::set_color(cli.color);
    let result = match cli.command {
        args::Command::Build(a) => cmd::build::run(a),
        args::Command::Render(a) => cmd::render::run(a),
        args::Command::Merge(a) => cmd::merge::run(a),
        args::Command::Stats(a) => cmd::stats::run(a),
        args::Command::Completions(a) => cmd::completions::run(a),
        args::Command::Man => cmd::man::run(),
        args::Command::Parse(a) => cmd::parse::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return exit::OK;
            }
            messages::error(format!("{e:#}"));
            if e.chain().any(|c| c.is::<UsageError>()) {
                exit::USAGE
            } else {
                exit::FATAL
            }
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
