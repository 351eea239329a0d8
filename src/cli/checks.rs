//! Checks of command-line values that can be made before any work: clap value parsers
//! (a bad value is a usage error, exit 2, before an input is opened) for numbers with a
//! sane range and for the output file stem.

use crate::pipeline::MAX_THREADS;

/// `-j/--threads`: 1 to [`MAX_THREADS`].
pub fn threads(s: &str) -> Result<usize, String> {
    let n = number(s)?;
    if n == 0 {
        return Err("at least 1 worker thread (leave -j out for one per core)".into());
    }
    if n > MAX_THREADS {
        return Err(format!(
            "at most {MAX_THREADS} worker threads (more than any machine has cores; leave -j out for one per core)"
        ));
    }
    Ok(n)
}

/// A count that must be at least 1 (`--max-nodes`).
pub fn at_least_one(s: &str) -> Result<usize, String> {
    match number(s)? {
        0 => Err("must be at least 1".into()),
        n => Ok(n),
    }
}

fn number(s: &str) -> Result<usize, String> {
    s.trim()
        .parse::<usize>()
        .map_err(|e| format!("not a whole number ({e})"))
}

/// Prefix of the temporary entries runs create in an output directory; a stem may not
/// start with it (the cleaning of stale temporaries would take its files for ours).
pub const TEMP_PREFIX: &str = ".actorgraph-tmp-";

/// `--name`: a file name stem inside the output directory, never a path. Refused: empty,
/// `.` and `..`, any `/` or `\`, NUL and other control characters, and the temporary
/// prefix. The file system's own limit on name length is checked when the output is
/// (before any work), with the real names.
pub fn file_stem(s: &str) -> Result<String, String> {
    if s.trim().is_empty() {
        return Err("an empty name".into());
    }
    if s == "." || s == ".." {
        return Err(format!("{s:?} is a directory, not a file name"));
    }
    if s.contains(['/', '\\']) {
        return Err("a file name, not a path: no / or \\ (use -o DIR for the directory)".into());
    }
    if s.chars().any(char::is_control) {
        return Err("control characters in a file name".into());
    }
    if s.starts_with(TEMP_PREFIX) {
        return Err(format!(
            "names starting with {TEMP_PREFIX} are the tool's temporaries"
        ));
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thread_counts_have_a_range() {
        assert_eq!(threads("4"), Ok(4));
        assert_eq!(threads(&MAX_THREADS.to_string()), Ok(MAX_THREADS));
        assert!(threads("0").unwrap_err().contains("at least 1"));
        assert!(threads("100000").unwrap_err().contains("at most 1024"));
        assert!(threads("99999999999999999999999").is_err());
        assert!(threads("-1").unwrap_err().contains("not a whole number"));
        assert_eq!(at_least_one("1"), Ok(1));
        assert!(at_least_one("0").is_err());
    }

    #[test]
    fn a_stem_cannot_leave_the_output_directory() {
        assert_eq!(file_stem("may-2024"), Ok("may-2024".into()));
        assert_eq!(file_stem("..x"), Ok("..x".into()));
        assert_eq!(file_stem("José's graph"), Ok("José's graph".into()));
        for bad in [
            "",
            " ",
            ".",
            "..",
            "../x",
            "a/b",
            "/",
            "/etc/passwd",
            "a\\b",
            "x\ny",
            "\u{1b}[31m",
            ".actorgraph-tmp-1",
        ] {
            assert!(file_stem(bad).is_err(), "{bad:?}");
        }
    }
}
