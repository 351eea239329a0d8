//! Messages on stderr, `actorgraph: …`, and the CLI's wording of what the library says
//! as values (skipped documents, selection and picture notes): the library's words,
//! with the flags that made the cut.
//!
//! Every message goes through [`text`] on its way out: file names, article ids, names
//! and values from the command line or the input cannot send escape sequences to the
//! terminal, whichever error or note carries them.

use crate::error::{InputError, InputErrorKind};
use crate::graph::select::{SelectionError, SelectionNote};
use crate::render::RenderNote;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

/// ", 2 skipped (1 malformed JSONL, 1 empty)" for the summary line, or "" when nothing was.
pub fn describe_skipped(skipped: &BTreeMap<&'static str, usize>) -> String {
    if skipped.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = skipped.iter().map(|(r, n)| format!("{n} {r}")).collect();
    let total: usize = skipped.values().sum();
    format!(", {total} skipped ({})", parts.join(", "))
}

static QUIET: AtomicBool = AtomicBool::new(false);
static COLOR: AtomicBool = AtomicBool::new(false);

/// `-q`: from now on only errors are printed.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, Ordering::Relaxed);
}

pub fn quiet() -> bool {
    QUIET.load(Ordering::Relaxed)
}

/// Whether messages are coloured: `--color always|never`, or for `auto` when stderr is
/// a terminal and `NO_COLOR` is not set (<https://no-color.org>).
pub fn set_color(choice: crate::cli::args::ColorArg) {
    use crate::cli::args::ColorArg;
    use std::io::IsTerminal;
    let on = match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    COLOR.store(on, Ordering::Relaxed);
}

pub fn color() -> bool {
    COLOR.load(Ordering::Relaxed)
}

fn styled(label: &str, style: anstyle::Style) -> String {
    if color() {
        format!("{}{label}{}", style.render(), style.render_reset())
    } else {
        label.to_string()
    }
}

pub fn error(msg: impl std::fmt::Display) {
    let red = anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Red.into()));
    eprintln!(
        "actorgraph: {} {}",
        styled("error:", red),
        text(&msg.to_string())
    );
}

pub fn warn(msg: impl std::fmt::Display) {
    if quiet() {
        return;
    }
    let yellow = anstyle::Style::new()
        .bold()
        .fg_color(Some(anstyle::AnsiColor::Yellow.into()));
    eprintln!(
        "actorgraph: {} {}",
        styled("warning:", yellow),
        text(&msg.to_string())
    );
}

pub fn info(msg: impl std::fmt::Display) {
    if quiet() {
        return;
    }
    eprintln!("actorgraph: {}", text(&msg.to_string()));
}

/// Text made safe to print on a terminal: control characters (C0 and C1, with ESC and
/// CSI that start escape sequences, DEL, line breaks) and the bidirectional overrides
/// and isolates that reorder what a terminal shows become visible escapes (`\u{1b}`);
/// everything else, any script, is kept. Escaping twice changes nothing.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A path for a message, escaped as [`text`] does.
pub fn path(p: &Path) -> String {
    text(&p.display().to_string()).into_owned()
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// A selection's note in the CLI's words: the library's, with the flags that made the cut.
pub fn selection_note(note: &SelectionNote) -> String {
    match note {
        SelectionNote::Modes { .. } => format!("{note} (--modes; --modes all keeps every mode)"),
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
    fn terminal_escapes_become_visible() {
        assert_eq!(
            text("plain José Владимир 習近平"),
            "plain José Владимир 習近平"
        );
        assert!(matches!(text("plain"), Cow::Borrowed(_)));
        assert_eq!(text("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(text("\u{9b}31m\u{7}\r\n"), "\\u{9b}31m\\u{7}\\u{d}\\u{a}");
        assert_eq!(text("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        let once = text("\u{1b}]0;title\u{7}").into_owned();
        assert_eq!(text(&once), once);
        assert_eq!(
            path(Path::new("dir/\u{1b}[31mred.txt")),
            "dir/\\u{1b}[31mred.txt"
        );
    }

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
