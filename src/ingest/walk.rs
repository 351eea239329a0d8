//! Directory walking: every `*.txt`, `*.jsonl` and `*.ndjson` below a folder, sorted by
//! path so that runs are deterministic. Hidden entries are skipped.

use crate::error::InputError;
use std::path::{Path, PathBuf};

pub(super) fn articles_in(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| InputError::new(&d, None, e.into()))?;
        for entry in entries {
            let entry = entry.map_err(|e| InputError::new(&d, None, e.into()))?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(ft) = entry.file_type() else { continue };
            if ft.is_dir() {
                stack.push(path);
            } else if matches!(
                path.extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_ascii_lowercase)
                    .as_deref(),
                Some("txt") | Some("jsonl") | Some("ndjson")
            ) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}
