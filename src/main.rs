//! The `actorgraph` binary: everything is in the library's `cli` module.

/// mimalloc rather than the system allocator: extraction makes many small short-lived
/// strings on every worker thread, and glibc's malloc and free were a quarter of the
/// instructions of a build (bench/README.md). Set here, not in the library, so that
/// programs using the library keep their own allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(actorgraph::cli::run())
}
