//! `actorgraph completions SHELL`: the completion script clap_complete makes from the
//! command line's definitions, on stdout.

use crate::cli::args::{Cli, CompletionsArgs};
use crate::cli::exit;
use anyhow::Result;
use clap::CommandFactory;

pub fn run(a: CompletionsArgs) -> Result<u8> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(a.shell, &mut cmd, "actorgraph", &mut out);
    std::io::Write::write_all(&mut std::io::stdout().lock(), &out)?;
    Ok(exit::OK)
}
