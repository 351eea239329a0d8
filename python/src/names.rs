//! Names given as parameters (formats, modes, types, relations, engines, dialects): a
//! string, comma-separated or not, or a sequence of strings. An unknown name is a
//! `UsageError` that names the parameter and, as the command line does, the closest
//! known name.

use crate::errors::{raise, Kind};
use actorgraph::cli::suggest::did_you_mean;
use actorgraph::export::cypher::Dialect;
use actorgraph::format::{Format, FormatError};
use actorgraph::model::{EntityType, Mode, RelationKind};
use actorgraph::render::Engine;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// The names in `value`: `"a,b"`, `["a", "b"]` or `None` (no names).
pub fn list(
    py: Python<'_>,
    param: &str,
    value: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<String>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    let items: Vec<String> = if let Ok(s) = value.cast::<PyString>() {
        vec![s.extract::<String>()?]
    } else {
        value
            .try_iter()
            .and_then(|it| it.map(|x| x?.extract::<String>()).collect())
            .map_err(|_| {
                raise(
                    py,
                    Kind::Usage,
                    format!("{param}: give a string or a list of strings"),
                )
            })?
    };
    Ok(items
        .iter()
        .flat_map(|s| s.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect())
}

/// Formats: names (`all` for every format), sorted and each once, as `--format` takes
/// them.
pub fn formats(py: Python<'_>, param: &str, names: &[String]) -> PyResult<Vec<Format>> {
    Format::parse_list(&names.join(",")).map_err(|e| {
        let hint = match &e {
            FormatError::UnknownName(n) => {
                did_you_mean(n, Format::ALL.iter().map(|f| f.name()).chain(["all"]))
            }
            _ => String::new(),
        };
        raise(py, Kind::Usage, format!("{param}: {e}{hint}"))
    })
}

/// Modes (`all` for every mode); none given is none.
pub fn modes(py: Python<'_>, param: &str, names: &[String]) -> PyResult<Vec<Mode>> {
    let mut out = Vec::new();
    for name in names {
        if name.eq_ignore_ascii_case("all") {
            out.extend(Mode::ALL);
            continue;
        }
        let mode = name.parse::<Mode>().map_err(|e| {
            let hint = did_you_mean(
                name,
                Mode::ALL.map(|m| m.as_str()).into_iter().chain(["all"]),
            );
            raise(py, Kind::Usage, format!("{param}: {e}{hint}"))
        })?;
        out.push(mode);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

pub fn types(py: Python<'_>, param: &str, names: &[String]) -> PyResult<Vec<EntityType>> {
    names
        .iter()
        .map(|s| {
            s.parse::<EntityType>().map_err(|e| {
                let hint = did_you_mean(s, EntityType::ALL.map(|t| t.as_str()));
                raise(py, Kind::Usage, format!("{param}: {e}{hint}"))
            })
        })
        .collect()
}

pub fn relations(py: Python<'_>, param: &str, names: &[String]) -> PyResult<Vec<RelationKind>> {
    let known = || RelationKind::ALL.iter().map(|r| r.as_str());
    names
        .iter()
        .map(|s| {
            s.parse::<RelationKind>().map_err(|e| {
                let all = known().collect::<Vec<_>>().join(", ");
                let hint = did_you_mean(s, known());
                raise(
                    py,
                    Kind::Usage,
                    format!("{param}: {e}{hint} (known: {all})"),
                )
            })
        })
        .collect()
}

/// One of a few words, or a usage error listing them.
fn one_of<T: Copy>(py: Python<'_>, param: &str, value: &str, choices: &[(&str, T)]) -> PyResult<T> {
    let wanted = value.trim().to_ascii_lowercase();
    choices
        .iter()
        .find(|(name, _)| *name == wanted)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
            let hint = did_you_mean(value, names.iter().copied());
            raise(
                py,
                Kind::Usage,
                format!(
                    "{param}: unknown value {value:?} (expected one of: {}){hint}",
                    names.join(", ")
                ),
            )
        })
}

pub fn engine(py: Python<'_>, value: &str) -> PyResult<Engine> {
    let choices = [Engine::Auto, Engine::Graphviz, Engine::Builtin].map(|e| (e.name(), e));
    one_of(py, "engine", value, &choices)
}

pub fn dialect(py: Python<'_>, value: &str) -> PyResult<Dialect> {
    let choices = [
        ("neo4j", Dialect::Neo4j),
        ("falkordb", Dialect::FalkorDb),
        ("memgraph", Dialect::Memgraph),
    ];
    one_of(py, "cypher_dialect", value, &choices)
}
