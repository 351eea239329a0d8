//! Messages on stderr, `actorgraph: …`, and the wording of what a run skipped.

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
