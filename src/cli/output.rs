//! Output targets: a file, a directory of files, or stdout. Files are written to a
//! temporary name in the same directory and renamed into place, so that a crash or
//! Ctrl-C never leaves a half-written file. Outputs are checked before any work starts.

use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the outputs go.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Stdout,
    File(PathBuf),
    Dir(PathBuf),
}

impl Target {
    /// Decides the target: one format and a path that is not a directory → that file.
    pub fn new(output: &Path, formats: usize, single_file_format: bool) -> Result<Target> {
        if output.as_os_str() == "-" {
            if formats != 1 || !single_file_format {
                bail!("-o - (stdout) takes exactly one format that writes one file");
            }
            return Ok(Target::Stdout);
        }
        let looks_like_file = output.extension().is_some() && !output.is_dir();
        if formats == 1 && single_file_format && looks_like_file {
            Ok(Target::File(output.to_path_buf()))
        } else {
            Ok(Target::Dir(output.to_path_buf()))
        }
    }

    /// Makes sure outputs can be written, before any extraction: creates the directory
    /// and writes (then removes) a probe file there.
    pub fn check_writable(&self) -> Result<()> {
        let (dir, out) = match self {
            Target::Stdout => return Ok(()),
            Target::File(f) => (parent_of(f), f),
            Target::Dir(d) => (d.clone(), d),
        };
        if let Some(file) = dir.ancestors().find(|a| a.exists() && !a.is_dir()) {
            bail!(
                "cannot write the output {}: {} is a file, not a directory",
                out.display(),
                file.display()
            );
        }
        if let Target::Dir(d) = self {
            std::fs::create_dir_all(d)
                .with_context(|| format!("cannot create output directory {}", d.display()))?;
        }
        if !dir.is_dir() {
            bail!(
                "cannot write the output {}: directory {} does not exist",
                out.display(),
                dir.display()
            );
        }
        tempfile::NamedTempFile::new_in(&dir)
            .with_context(|| format!("cannot write in output directory {}", dir.display()))?;
        Ok(())
    }

    /// The paths this target would write, for the refusal of output == input.
    pub fn paths(&self, names: &[String]) -> Vec<PathBuf> {
        match self {
            Target::Stdout => vec![],
            Target::File(f) => vec![f.clone()],
            Target::Dir(d) => names.iter().map(|n| d.join(n)).collect(),
        }
    }
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes a file atomically: the content goes to a temporary file beside it, which is
/// renamed over the target only when complete.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = parent_of(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".actorgraph-");
    // a temporary file is private (0600); the finished output is an ordinary file
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut tmp = builder
        .tempfile_in(&dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
    {
        let mut buf = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut buf).with_context(|| format!("writing {}", path.display()))?;
        buf.flush()
            .with_context(|| format!("writing {}", path.display()))?;
    }
    tmp.as_file().sync_all().ok();
    tmp.persist(path)
        .with_context(|| format!("cannot move the finished file to {}", path.display()))?;
    Ok(())
}

/// Refuses to write over an input.
pub fn refuse_overwriting_inputs(outputs: &[PathBuf], inputs: &[PathBuf]) -> Result<()> {
    for o in outputs {
        let Ok(o_abs) = std::fs::canonicalize(o) else {
            continue;
        };
        for i in inputs {
            if let Ok(i_abs) = std::fs::canonicalize(i) {
                if o_abs == i_abs {
                    bail!(
                        "the output {} is also an input; refusing to overwrite it",
                        o.display()
                    );
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_kinds() {
        assert_eq!(
            Target::new(Path::new("-"), 1, true).unwrap(),
            Target::Stdout
        );
        assert!(Target::new(Path::new("-"), 2, true).is_err());
        assert!(Target::new(Path::new("-"), 1, false).is_err());
        assert_eq!(
            Target::new(Path::new("g.json"), 1, true).unwrap(),
            Target::File("g.json".into())
        );
        assert_eq!(
            Target::new(Path::new("out"), 1, true).unwrap(),
            Target::Dir("out".into())
        );
        assert_eq!(
            Target::new(Path::new("g.json"), 2, true).unwrap(),
            Target::Dir("g.json".into())
        );
    }

    #[test]
    fn unwritable_outputs_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.txt");
        std::fs::write(&file, "x").unwrap();
        let e = Target::File(file.join("g.json"))
            .check_writable()
            .unwrap_err();
        assert!(
            e.to_string()
                .ends_with("notes.txt is a file, not a directory"),
            "{e}"
        );
        let e = Target::Dir(file.join("out/deeper"))
            .check_writable()
            .unwrap_err();
        assert!(e.to_string().contains("is a file, not a directory"), "{e}");
        let e = Target::File(dir.path().join("missing/g.json"))
            .check_writable()
            .unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
        // a device is no directory either (`-f json,dot -o /dev/null`)
        let e = Target::Dir("/dev/null".into())
            .check_writable()
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot write the output /dev/null: /dev/null is a file, not a directory"
        );
        Target::Dir(dir.path().join("new/out"))
            .check_writable()
            .unwrap();
        assert!(dir.path().join("new/out").is_dir());
    }

    #[test]
    fn atomic_write_leaves_no_partial_file_on_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.json");
        let r = write_atomic(&p, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("boom"))
        });
        assert!(r.is_err());
        assert!(!p.exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        write_atomic(&p, |w| w.write_all(b"whole")).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"whole");
    }
}
