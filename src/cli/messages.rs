//! Messages on stderr, `actorgraph: …`, and the counters of what went wrong, which decide
//! the exit code at the end of a run.

use std::collections::BTreeMap;

/// What the run skipped, by reason.
#[derive(Debug, Default)]
pub struct Tally {
    pub skipped: BTreeMap<&'static str, usize>,
    pub warnings: usize,
}

impl Tally {
    pub fn skip(&mut self, reason: &'static str) {
        *self.skipped.entry(reason).or_default() += 1;
    }

    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    /// "2 skipped (1 malformed JSONL, 1 empty)", or "" when nothing was.
    pub fn describe(&self) -> String {
        if self.skipped.is_empty() {
            return String::new();
        }
        let parts: Vec<String> = self
            .skipped
            .iter()
            .map(|(r, n)| format!("{n} {r}"))
            .collect();
        format!(", {} skipped ({})", self.skipped_total(), parts.join(", "))
    }
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
