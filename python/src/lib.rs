//! `actorgraph._native`: the Rust library as a Python extension module (PyO3). The
//! package `actorgraph` (python/actorgraph/) wraps it: it turns data frames and dicts into
//! records, emits the build's warnings, and converts graphs to networkx and pandas.
//!
//! Everything that takes time (extraction, merging, selection, writing) runs with the
//! GIL released ([`Python::detach`]), so other Python threads go on meanwhile. Errors
//! are the exceptions of [`errors`], with the messages the command line prints, where
//! a flag's name is the parameter's.

mod build;
mod errors;
mod graph;
mod names;
mod write;

use pyo3::prelude::*;

/// mimalloc for the extension's own allocations, as the command has it (src/main.rs):
/// extraction makes many small short-lived strings on every worker thread, and with
/// glibc's malloc a build through the package took about a fifth more CPU time than the
/// command's (bench/python-speed). Python's objects keep Python's allocator; nothing
/// allocated on one side is freed on the other.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add(
        "FORMATS",
        actorgraph::format::Format::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>(),
    )?;
    m.add(
        "DEFAULT_MODES",
        actorgraph::model::Mode::ALL
            .iter()
            .filter(|m| m.is_default())
            .map(|m| m.as_str())
            .collect::<Vec<_>>(),
    )?;
    m.add_class::<graph::Graph>()?;
    m.add_function(wrap_pyfunction!(build::extract, m)?)?;
    m.add_function(wrap_pyfunction!(build::build_paths, m)?)?;
    m.add_function(wrap_pyfunction!(build::build_records, m)?)?;
    m.add_function(wrap_pyfunction!(graph::read, m)?)?;
    m.add_function(wrap_pyfunction!(graph::merge, m)?)?;
    Ok(())
}
