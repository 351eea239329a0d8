//! `actorgraph man`: the manual page (roff) clap_mangen makes from the command line's
//! definitions, on stdout. Each subcommand's options are in its `--help`.

use crate::cli::args::Cli;
use crate::cli::exit;
use anyhow::Result;
use clap::CommandFactory;

pub fn run() -> Result<u8> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    std::io::Write::write_all(&mut std::io::stdout().lock(), &out)?;
    Ok(exit::OK)
}
