//! Messages on stderr, `actorgraph: …`, and the CLI's wording of what the library says
//! as values (skipped documents, selection and picture notes): the library's words,
//! with the flags that made the cut.

use crate::error::{InputError, InputErrorKind};
use crate::graph::select::{SelectionError, SelectionNote};
use crate::render::RenderNote;
use std::collections::BTreeMap;

/// ", 2 skipped (1 malformed JSONL, 1 empty)" for the summary line, or "" when nothing was.
pub fn describe_skipped(skipped: &BTreeMap<&'static str, usize>) -> String {
    if skipped.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = skipped.iter().map(|(r, n)| format!("{n} {r}")).collect();
    let total: usize = skipped.values().sum();
    format!(", {total} skipped ({})", parts.join(", "))
}

pub fn error(msg: impl std::fmt::Display) {
    eprintln!("actorgraph: error: {msg}");
}

pub fn warn(msg: impl std::fmt::Display) {
    eprintln!("actorgraph: warning: {msg}");
}

pub fn info(msg: impl std::fmt::Display) {
    eprintln!("actorgraph: {msg}");
}

/// A selection's note in the CLI's words: the library's, with the flags that made the cut.
pub fn selection_note(note: &SelectionNote) -> String {
    match note {
        SelectionNote::Relations { .. } => format!("{note} (--relations)"),
        SelectionNote::MinWeight { min_weight, .. } => {
            format!("{note} (--min-weight {min_weight})")
        }
        SelectionNote::FocusAmbiguous { .. } => format!("--focus {note}"),
        SelectionNote::Types { .. } => format!("{note} (--types)"),
        SelectionNote::Focus { .. } => format!("{note} (--focus, --depth)"),
        SelectionNote::Orphans { left_out } => format!(
            "left out {left_out} actor{} with no relation left after --relations/--min-weight",
            if *left_out == 1 { "" } else { "s" }
        ),
        SelectionNote::MaxNodes { kept, .. } => format!("{note} (--max-nodes {kept})"),
    }
}

/// Why a selection failed, naming the flag.
pub fn selection_error(e: &SelectionError) -> String {
    match e {
        SelectionError::FocusNotFound(name) => {
            format!("--focus {name:?}: no actor has this name or alias")
        }
        SelectionError::ZeroMaxNodes => "--max-nodes must be at least 1".to_string(),
    }
}

/// A picture's note, with the flags that narrow the graph where it is too large.
pub fn render_note(note: &RenderNote) -> String {
    match note {
        RenderNote::Capped { shown, total, cap } => format!(
            "the picture shows the {shown} most connected of {total} actors (pictures are capped at {cap} actors, and then leave out actors without relations; narrow the graph with --focus, --types, --relations, --min-weight or --max-nodes)"
        ),
        other => other.to_string(),
    }
}

/// An input error, with the flag that sets a limit it broke.
pub fn input_error(e: &InputError) -> String {
    match e.kind {
        InputErrorKind::TooLarge { .. } | InputErrorKind::OverLimit { .. } => {
            format!("{e} (--max-article-bytes)")
        }
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cli_names_its_flags_where_the_library_does_not() {
        let note = SelectionNote::Focus {
            kept: 3,
            total: 6,
            depth: 1,
            centres: vec!["Imran Khan".into()],
        };
        assert_eq!(
            selection_note(&note),
            "kept 3 of 6 actors: those within 1 step of Imran Khan (--focus, --depth)"
        );
        assert!(!note.to_string().contains("--"));
        let e = SelectionError::FocusNotFound("Nobody".into());
        assert_eq!(
            selection_error(&e),
            "--focus \"Nobody\": no actor has this name or alias"
        );
        let too_large = InputError::new(
            "a.txt",
            None,
            InputErrorKind::TooLarge { size: 9, limit: 5 },
        );
        assert_eq!(
            input_error(&too_large),
            "a.txt: article is 9 bytes, over the limit of 5 bytes (--max-article-bytes)"
        );
        let capped = RenderNote::Capped {
            shown: 2,
            total: 9,
            cap: 2,
        };
        assert!(render_note(&capped).ends_with("--min-weight or --max-nodes)"));
        assert!(!capped.to_string().contains("--"));
    }
}
