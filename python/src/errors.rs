//! The exceptions the module raises. The classes are Python's (`actorgraph/errors.py`,
//! where `UsageError` is also a `ValueError` and `OutputError` an `OSError`, which one
//! base per class, as PyO3 makes them, could not say); this module makes instances of
//! them with the library's messages.

use actorgraph::error::{DataError, InputError, InputErrorKind};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Which exception of `actorgraph.errors`.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// A parameter the library cannot use: an unknown format, type, relation or mode, a
    /// bad date or base IRI (the command line's usage errors, exit code 2).
    Usage,
    /// An article that could not be read, or no article at all.
    Input,
    /// A knowledge file (gazetteer, lexicon) with a bad line.
    Data,
    /// A saved graph that is not an actorgraph node-link JSON file.
    Graph,
    /// A selection that cannot be made (a focus no actor has).
    Selection,
    /// An output that could not be written.
    Output,
    /// Anything else (worker threads that could not start).
    Other,
}

impl Kind {
    fn class_name(self) -> &'static str {
        match self {
            Kind::Usage => "UsageError",
            Kind::Input => "InputError",
            Kind::Data => "DataError",
            Kind::Graph => "GraphError",
            Kind::Selection => "SelectionError",
            Kind::Output => "OutputError",
            Kind::Other => "ActorgraphError",
        }
    }
}

/// An exception of `kind` with `message`, and keyword attributes.
pub fn raise(py: Python<'_>, kind: Kind, message: impl Into<String>) -> PyErr {
    raise_with(py, kind, message.into(), |_| Ok(()))
}

fn raise_with(
    py: Python<'_>,
    kind: Kind,
    message: String,
    attrs: impl FnOnce(&Bound<'_, PyDict>) -> PyResult<()>,
) -> PyErr {
    let made = (|| -> PyResult<PyErr> {
        let class = py.import("actorgraph.errors")?.getattr(kind.class_name())?;
        let kwargs = PyDict::new(py);
        attrs(&kwargs)?;
        let value = class.call((message.clone(),), Some(&kwargs))?;
        Ok(PyErr::from_value(value))
    })();
    // the package is missing its errors module only when it is broken; say so plainly
    made.unwrap_or_else(|e| {
        pyo3::exceptions::PyRuntimeError::new_err(format!("{message} (and {e})"))
    })
}

/// An article that could not be read, with its file, line and the kind of problem.
/// `message` is the library's, or the command line's (which names the flag of a limit).
pub fn input(py: Python<'_>, e: &InputError, message: String) -> PyErr {
    raise_with(py, Kind::Input, message, |kw| {
        kw.set_item("path", e.path.display().to_string())?;
        kw.set_item("line", e.line)?;
        kw.set_item("reason", e.reason())
    })
}

/// The message of an input error, with the parameter of a limit it broke (the command
/// line names its flag there).
pub fn input_message(e: &InputError) -> String {
    match e.kind {
        InputErrorKind::TooLarge { .. } => format!("{e} (max_article_bytes)"),
        _ => e.to_string(),
    }
}

/// A knowledge file's bad line.
pub fn data(py: Python<'_>, e: &DataError) -> PyErr {
    raise_with(py, Kind::Data, e.to_string(), |kw| {
        kw.set_item("file", &e.file)?;
        kw.set_item("line", e.line)
    })
}

/// Each message as an `actorgraph.ActorgraphWarning`. `stacklevel` 1 points at the line
/// that called the native function, 2 at the line that called the package's function
/// that called it.
pub fn warn(py: Python<'_>, messages: &[String], stacklevel: u32) -> PyResult<()> {
    if messages.is_empty() {
        return Ok(());
    }
    let category = py
        .import("actorgraph.errors")?
        .getattr("ActorgraphWarning")?;
    let warnings = py.import("warnings")?;
    for m in messages {
        warnings.call_method1("warn", (m, &category, stacklevel))?;
    }
    Ok(())
}
