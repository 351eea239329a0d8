//! The `actorgraph` binary: everything is in the library's `cli` module.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(actorgraph::cli::run())
}
