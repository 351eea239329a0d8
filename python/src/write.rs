//! `Graph.write`: formats into files, with the command line's rules for `-o`: one format
//! that writes one file, to a path with an extension, is that file; anything else is a
//! directory (made when missing) where each file is named `NAME.EXTENSION` (the neo4j
//! format: `NAME.nodes.csv`, `NAME.relationships.csv`, `NAME.kuzu.cypher`). A file is
//! written to a temporary name and renamed into place, so a failure leaves no half file.

use crate::errors::{raise, Kind};
use crate::names;
use actorgraph::cli::output::{write_file, Target};
use actorgraph::export;
use actorgraph::format::{self, Format};
use actorgraph::graph::ActorGraph;
use actorgraph::render::{RenderNote, RenderOptions};
use pyo3::prelude::*;
use std::path::PathBuf;

/// What to write where, checked before anything is written.
pub struct Request {
    formats: Vec<Format>,
    target: Target,
    stem: String,
    options: format::Options,
}

impl Request {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        py: Python<'_>,
        path: PathBuf,
        format: Option<&Bound<'_, PyAny>>,
        name: Option<String>,
        cypher_dialect: &str,
        base_iri: Option<String>,
        engine: &str,
        isolated: bool,
    ) -> PyResult<Request> {
        let usage = |msg: String| raise(py, Kind::Usage, msg);
        if path.as_os_str().is_empty() || path.as_os_str() == "-" {
            return Err(usage(format!(
                "path {:?}: give a file or a directory",
                path
            )));
        }
        let names = names::list(py, "format", format)?;
        let formats = if names.is_empty() {
            vec![Format::from_path(&path)
                .map_err(|e| usage(format!("format: {e}; give format=")))?]
        } else {
            names::formats(py, "format", &names)?
        };
        let single_file = formats.len() == 1 && formats[0].is_single_file();
        let target =
            Target::new(&path, formats.len(), single_file).map_err(|e| usage(e.to_string()))?;
        if let (Target::File(file), [asked]) = (&target, formats.as_slice()) {
            if let Ok(named) = Format::from_path(file) {
                if named != *asked {
                    return Err(usage(format!(
                        "path {}: the extension .{} is {named}'s, but format asks for {asked} (.{}); \
                         name the file .{} or give format=\"{}\"",
                        file.display(),
                        named.file_extension(),
                        asked.file_extension(),
                        asked.file_extension(),
                        named.name()
                    )));
                }
            }
        }
        let base_iri = base_iri.unwrap_or_else(|| export::Options::default().base_iri);
        export::rdf::check_base_iri(&base_iri).map_err(|e| usage(format!("base_iri: {e}")))?;
        let stem = name.unwrap_or_else(|| match &target {
            Target::File(f) => f
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "graph".into()),
            _ => "graph".into(),
        });
        let options = format::Options {
            export: export::Options {
                cypher_dialect: names::dialect(py, cypher_dialect)?,
                base_iri,
                stem: stem.clone(),
            },
            render: RenderOptions {
                engine: names::engine(py, engine)?,
                isolated,
                ..RenderOptions::default()
            },
        };
        Ok(Request {
            formats,
            target,
            stem,
            options,
        })
    }

    /// The files, in format order, each `(format, part, path)`.
    fn files(&self) -> Vec<(Format, usize, PathBuf)> {
        let mut out = Vec::new();
        for &f in &self.formats {
            match &self.target {
                Target::File(path) | Target::Device(path) => out.push((f, 0, path.clone())),
                Target::Dir(dir) => {
                    for (part, name) in f.files(&self.stem).iter().enumerate() {
                        out.push((f, part, dir.join(name)));
                    }
                }
                Target::Stdout => {}
            }
        }
        out
    }

    /// Writes every file; returns their paths. What a picture says about itself (the
    /// actors it leaves out, Graphviz's complaints) becomes a warning.
    pub fn write(&self, py: Python<'_>, graph: &ActorGraph) -> PyResult<Vec<String>> {
        let files = self.files();
        // errors cross back from the released GIL as their messages
        let written = py.detach(|| -> Result<Vec<String>, String> {
            let names: Vec<String> = self
                .formats
                .iter()
                .flat_map(|f| f.files(&self.stem))
                .collect();
            self.target.check(&names).map_err(|e| format!("{e:#}"))?;
            let mut notes = Vec::new();
            for (format, part, path) in &files {
                // each file of a set is written whole or not at all, as the command's
                let one = match self.target {
                    Target::Device(_) => Target::Device(path.clone()),
                    _ => Target::File(path.clone()),
                };
                write_file(&one, |w| {
                    let said = format::write(*format, graph, *part, &self.options, w).map_err(
                        |e| match e {
                            format::WriteError::Io(e) => e,
                            other => std::io::Error::other(other.to_string()),
                        },
                    )?;
                    // labels left out where they would overlap are the layout's own
                    // business; what leaves actors out, or fails, is worth a warning
                    notes.extend(
                        said.iter()
                            .filter(|n| !matches!(n, RenderNote::LabelsLeftOut { .. }))
                            .map(render_note),
                    );
                    Ok(())
                })
                .map_err(|e| format!("{e:#}"))?;
            }
            Ok(notes)
        });
        let notes = written.map_err(|msg| raise(py, Kind::Output, msg))?;
        crate::errors::warn(py, &notes, 1)?;
        Ok(files
            .into_iter()
            .map(|(_, _, p)| p.display().to_string())
            .collect())
    }
}

/// A picture's note; where it is too large, the parameters that narrow the graph.
fn render_note(note: &RenderNote) -> String {
    match note {
        RenderNote::Capped { .. } => format!(
            "{note} (narrow the graph with select(focus=, types=, relations=, min_weight=, max_nodes=))"
        ),
        other => other.to_string(),
    }
}
