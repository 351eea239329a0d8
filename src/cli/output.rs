//! Output targets (a file, a directory of files, a device such as `/dev/null`, or
//! stdout) and the guarantee that a run's files are all from that run or the earlier
//! ones stay.
//!
//! Every check that can be made before any work is made by [`Target::check`]: the
//! directory exists or can be made, no output path is a directory, and every output name
//! can be created there (a name too long for the file system is caught here, by
//! creating it in a probe directory).
//!
//! An [`OutputSet`] writes the files of one run:
//!
//! 1. it takes an advisory lock (`flock`) on the output directory: a second run into
//!    the same directory waits until the first has moved its files into place, and says
//!    so; runs into other directories do not wait;
//! 2. it removes the temporaries that interrupted runs left in the directory
//!    (`.actorgraph-tmp-*`), first completing a set whose files were all written;
//! 3. it writes every file into a temporary directory beside them, `.actorgraph-tmp-…`,
//!    which SIGINT, SIGTERM and SIGHUP remove before the process ends (see [`signals`]);
//! 4. [`OutputSet::commit`] writes the list of the set's files into it (`COMMIT`), then
//!    moves each earlier file aside and each new one into place, and removes the
//!    temporary directory with the earlier files. If a move fails, the earlier files
//!    are put back. A crash or `kill -9` in the middle of the moves (a few renames)
//!    leaves a temporary directory with its `COMMIT` list, and the next run into the
//!    directory completes that set before anything else.
//!
//! So a failed, interrupted or concurrent run never leaves a mix of old and new files
//! (and no temporary file behind). A device or a pipe is written directly, and stdout
//! is stdout.

use crate::cli::checks::TEMP_PREFIX;
use crate::cli::messages;
use anyhow::{bail, Context, Result};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the outputs go.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Stdout,
    File(PathBuf),
    /// An existing file that is not a regular file (`/dev/null`, a FIFO): written
    /// directly, never replaced.
    Device(PathBuf),
    Dir(PathBuf),
}

/// The file in a temporary directory that lists its files once they are all written.
const COMMIT: &str = "COMMIT";
/// What names [`Target::check`]'s probe directory after the temporary prefix, so that it is
/// told from a set's (both are cleaned as temporaries).
const PROBE: &str = "probe-";
/// The subdirectory of a temporary directory that holds the files a commit replaced.
const REPLACED: &str = ".replaced";

impl Target {
    /// Decides the target: one single-file format and a path that is a device, an
    /// existing file, or a name with an extension that is not a directory → that file.
    pub fn new(output: &Path, formats: usize, single_file_format: bool) -> Result<Target> {
        let one_file = formats == 1 && single_file_format;
        if output.as_os_str() == "-" {
            if !one_file {
                bail!("-o - (stdout) takes exactly one format that writes one file");
            }
            return Ok(Target::Stdout);
        }
        let meta = std::fs::metadata(output).ok();
        let is_dir = meta.as_ref().is_some_and(|m| m.is_dir());
        let is_special = meta.as_ref().is_some_and(|m| !m.is_dir() && !m.is_file());
        let is_file = meta.as_ref().is_some_and(|m| m.is_file());
        if one_file && is_special {
            Ok(Target::Device(output.to_path_buf()))
        } else if one_file && !is_dir && (is_file || output.extension().is_some()) {
            Ok(Target::File(output.to_path_buf()))
        } else {
            Ok(Target::Dir(output.to_path_buf()))
        }
    }

    /// The paths this target would write for files `names`.
    pub fn paths(&self, names: &[String]) -> Vec<PathBuf> {
        match self {
            Target::Stdout => vec![],
            Target::File(f) | Target::Device(f) => vec![f.clone()],
            Target::Dir(d) => names.iter().map(|n| d.join(n)).collect(),
        }
    }

    /// Makes sure the outputs can be written, before any work: creates the directory,
    /// refuses an output path that is a directory, and creates every output name in a
    /// probe directory there (and removes it).
    pub fn check(&self, names: &[String]) -> Result<()> {
        let (dir, out, names): (PathBuf, &Path, Vec<String>) = match self {
            Target::Stdout | Target::Device(_) => return Ok(()),
            Target::File(f) => (parent_of(f), f, vec![file_name(f)?]),
            Target::Dir(d) => (d.clone(), d, names.to_vec()),
        };
        if let Some(file) = dir.ancestors().find(|a| a.exists() && !a.is_dir()) {
            bail!(
                "cannot write the output {}: {} is a file, not a directory",
                messages::path(out),
                messages::path(file)
            );
        }
        if let Target::Dir(d) = self {
            std::fs::create_dir_all(d)
                .with_context(|| format!("cannot create output directory {}", messages::path(d)))?;
        }
        if !dir.is_dir() {
            bail!(
                "cannot write the output {}: directory {} does not exist",
                messages::path(out),
                messages::path(&dir)
            );
        }
        for n in &names {
            let p = dir.join(n);
            if p.is_dir() {
                bail!(
                    "cannot write the output {}: it is a directory",
                    messages::path(&p)
                );
            }
        }
        let probe = temp_dir_removed_on_signal(&dir, PROBE).with_context(|| {
            format!("cannot write in output directory {}", messages::path(&dir))
        })?;
        let created = names.iter().try_for_each(|n| {
            File::create(probe.join(n)).map(drop).with_context(|| {
                format!("cannot write the output {}", messages::path(&dir.join(n)))
            })
        });
        remove_temp_dir(&probe);
        created
    }
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn file_name(path: &Path) -> Result<String> {
    match path.file_name() {
        Some(n) => Ok(n.to_string_lossy().into_owned()),
        None => bail!("the output {} names no file", messages::path(path)),
    }
}

/// A new temporary directory in `dir`, `.actorgraph-tmp-KINDPID-XXXXXX` (`KIND` is `probe-`
/// for [`Target::check`]'s, empty for a set's), that SIGINT, SIGTERM
/// and SIGHUP remove. A signal waits from before the directory exists until it is on the
/// list of those to remove: one arriving in between would leave it behind.
fn temp_dir_removed_on_signal(dir: &Path, kind: &str) -> std::io::Result<PathBuf> {
    signals::install();
    let mut pending = signals::hold();
    let tmp = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{kind}{}-", std::process::id()))
        .tempdir_in(dir)?
        .keep();
    pending.push(tmp.clone());
    Ok(tmp)
}

/// Removes a directory of [`temp_dir_removed_on_signal`] and takes it off the list (a
/// signal meanwhile waits, so it is removed exactly once).
fn remove_temp_dir(tmp: &Path) {
    let mut pending = signals::hold();
    let _ = std::fs::remove_dir_all(tmp);
    pending.retain(|p| p != tmp);
}

/// The files of one run, written into a temporary directory of the output directory
/// and moved into place together by [`OutputSet::commit`]. Dropped without a commit,
/// it removes its temporary directory: the earlier files stay as they were.
pub struct OutputSet {
    dir: PathBuf,
    tmp: PathBuf,
    names: Vec<String>,
    /// Held until the set is in place (the lock is released when the file is closed).
    _lock: File,
}

impl OutputSet {
    /// Locks `dir` (waiting for another run that holds it, with a message), removes the
    /// temporaries of interrupted runs and starts a set.
    pub fn begin(dir: &Path) -> Result<OutputSet> {
        let lock = lock_dir(dir)?;
        clean_stale(dir)?;
        let tmp = temp_dir_removed_on_signal(dir, "").with_context(|| {
            format!(
                "cannot create a temporary directory in {}",
                messages::path(dir)
            )
        })?;
        Ok(OutputSet {
            dir: dir.to_path_buf(),
            tmp,
            names: Vec::new(),
            _lock: lock,
        })
    }

    /// Writes file `name` of the set (into the temporary directory).
    pub fn create(
        &mut self,
        name: &str,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let final_path = self.dir.join(name);
        let shown = messages::path(&final_path);
        let path = self.tmp.join(name);
        let file = File::create(&path).with_context(|| format!("cannot write {shown}"))?;
        let mut buf = std::io::BufWriter::new(file);
        write(&mut buf).with_context(|| format!("writing {shown}"))?;
        let file = buf
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("writing {shown}"))?;
        file.sync_all()
            .with_context(|| format!("writing {shown}"))?;
        self.names.push(name.to_string());
        Ok(())
    }

    /// Moves the whole set into place: the earlier files are replaced all together, or
    /// (when a move fails) all kept.
    pub fn commit(self) -> Result<()> {
        // a signal now waits until the set is in place (or rolled back)
        let _signals = signals::hold();
        let list: String = self.names.iter().map(|n| format!("{n}\n")).collect();
        // nothing is moved before the list is on disk: an error here keeps the earlier files
        File::create(self.tmp.join(COMMIT))
            .and_then(|mut f| {
                f.write_all(list.as_bytes())?;
                f.sync_all()
            })
            .and_then(|_| sync_dir(&self.tmp))
            .with_context(|| format!("writing into {}", messages::path(&self.tmp)))?;
        if let Err(e) = swap_into_place(&self.tmp, &self.dir, &self.names) {
            let _ = std::fs::remove_file(self.tmp.join(COMMIT));
            return Err(e.context(format!(
                "cannot move the finished files into {}; the earlier files are kept",
                messages::path(&self.dir)
            )));
        }
        let _ = sync_dir(&self.dir);
        Ok(())
    }
}

impl Drop for OutputSet {
    fn drop(&mut self) {
        // committed or not, the temporary directory goes (a committed one holds only the
        // replaced files and the list)
        remove_temp_dir(&self.tmp);
    }
}

/// Moves the earlier files aside, then the new ones into place; on failure puts every
/// file back where it was.
fn swap_into_place(tmp: &Path, dir: &Path, names: &[String]) -> Result<()> {
    let replaced = tmp.join(REPLACED);
    std::fs::create_dir(&replaced)?;
    let mut aside: Vec<&str> = Vec::new();
    let mut placed: Vec<&str> = Vec::new();
    let mut result = Ok(());
    for n in names {
        let target = dir.join(n);
        if let Ok(meta) = std::fs::symlink_metadata(&target) {
            // a directory is never moved (nor removed with the replaced files)
            if meta.is_dir() {
                result = Err(anyhow::anyhow!(
                    "{} is a directory",
                    messages::path(&target)
                ));
                break;
            }
            if let Err(e) = std::fs::rename(&target, replaced.join(n)) {
                result = Err(anyhow::Error::new(e)
                    .context(format!("moving {} aside", messages::path(&target))));
                break;
            }
            aside.push(n);
        }
    }
    if result.is_ok() {
        for n in names {
            if let Err(e) = std::fs::rename(tmp.join(n), dir.join(n)) {
                result = Err(anyhow::Error::new(e).context(format!(
                    "moving {} into place",
                    messages::path(&dir.join(n))
                )));
                break;
            }
            placed.push(n);
        }
    }
    if result.is_err() {
        for n in placed {
            let _ = std::fs::rename(dir.join(n), tmp.join(n));
        }
        for n in aside {
            let _ = std::fs::rename(replaced.join(n), dir.join(n));
        }
    }
    result
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// An advisory lock on the directory itself (no lock file is left behind): a second run
/// waits, saying so.
fn lock_dir(dir: &Path) -> Result<File> {
    let shown = messages::path(dir);
    let file =
        File::open(dir).with_context(|| format!("cannot lock the output directory {shown}"))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            messages::info(format!(
                "waiting for another actorgraph run to finish writing into {shown}"
            ));
            file.lock()
                .with_context(|| format!("cannot lock the output directory {shown}"))?;
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(
                anyhow::Error::new(e).context(format!("cannot lock the output directory {shown}"))
            );
        }
    }
    Ok(file)
}

/// True for the entries runs leave in an output directory: this version's temporary
/// directories, and the `.actorgraph-XXXXXX` files of versions that wrote each file to a
/// temporary file beside it.
fn is_temporary(name: &str, is_dir: bool) -> bool {
    if name.starts_with(TEMP_PREFIX) {
        return true;
    }
    !is_dir
        && name
            .strip_prefix(".actorgraph-")
            .is_some_and(|rest| rest.len() == 6 && rest.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Removes what interrupted runs left in `dir` (the caller holds its lock, so no run is
/// writing there); a set that was complete (its `COMMIT` list written) is first moved
/// into place, as its run would have done.
fn clean_stale(dir: &Path) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_temporary(&name, is_dir) {
            continue;
        }
        let path = entry.path();
        if is_dir {
            if let Ok(list) = std::fs::read_to_string(path.join(COMMIT)) {
                let names: Vec<&str> = list.lines().filter(|n| !n.is_empty()).collect();
                for n in &names {
                    // only plain names of files the set holds
                    if n.contains(['/', '\\']) || *n == "." || *n == ".." {
                        continue;
                    }
                    if path.join(n).is_file() {
                        if let Err(e) = std::fs::rename(path.join(n), dir.join(n)) {
                            messages::warn(format!(
                                "cannot complete the interrupted run's {}: {e}",
                                messages::path(&dir.join(n))
                            ));
                        }
                    }
                }
                messages::info(format!(
                    "completed the output of an interrupted run in {} ({})",
                    messages::path(dir),
                    messages::text(&names.join(", "))
                ));
            }
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        }
        .with_context(|| {
            format!(
                "cannot remove the stale temporary {}",
                messages::path(&path)
            )
        })?;
    }
    Ok(())
}

/// Writes one file: a set of one, or directly into a device.
pub fn write_file(
    target: &Target,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match target {
        Target::File(f) => {
            let mut set = OutputSet::begin(&parent_of(f))?;
            set.create(&file_name(f)?, write)?;
            set.commit()
        }
        Target::Device(d) => {
            let shown = messages::path(d);
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(d)
                .with_context(|| format!("cannot write {shown}"))?;
            let mut buf = std::io::BufWriter::new(file);
            write(&mut buf).with_context(|| format!("writing {shown}"))?;
            buf.flush().with_context(|| format!("writing {shown}"))
        }
        Target::Stdout => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            write(&mut lock).context("writing to stdout")?;
            lock.flush().context("writing to stdout")
        }
        Target::Dir(d) => bail!("{} is a directory, not a file", messages::path(d)),
    }
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
                        messages::path(o)
                    );
                }
            }
        }
    }
    Ok(())
}

/// SIGINT, SIGTERM and SIGHUP while a set is being written: its temporary directory is
/// removed, then the process ends as the signal would have ended it. A signal during
/// [`OutputSet::commit`] waits for the set to be in place.
pub mod signals {
    use std::path::PathBuf;
    use std::sync::{Mutex, MutexGuard, Once};

    static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    static INSTALL: Once = Once::new();

    fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
        PENDING.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Starts the thread that hears the signals (once).
    pub fn install() {
        #[cfg(unix)]
        INSTALL.call_once(|| {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
            else {
                return;
            };
            std::thread::spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    let paths = pending();
                    for p in paths.iter() {
                        let _ = std::fs::remove_dir_all(p);
                        if let Some(dir) = p.parent() {
                            super::messages::info(format!(
                                "interrupted: nothing written, the earlier files in {} are kept",
                                dir.display()
                            ));
                        }
                    }
                    // the lock stays held: no other thread writes or commits any more
                    let _ = signal_hook::low_level::emulate_default_handler(signal);
                    std::process::exit(128 + signal);
                }
            });
        });
    }

    /// While held, a signal waits. The guard is the list of directories a signal
    /// removes: push a directory onto it in the same hold that created it.
    pub fn hold() -> MutexGuard<'static, Vec<PathBuf>> {
        pending()
    }
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
        // a device takes one file, and is never a directory of several
        assert_eq!(
            Target::new(Path::new("/dev/null"), 1, true).unwrap(),
            Target::Device("/dev/null".into())
        );
        assert_eq!(
            Target::new(Path::new("/dev/null"), 2, true).unwrap(),
            Target::Dir("/dev/null".into())
        );
    }

    #[test]
    fn unwritable_outputs_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("notes.txt");
        std::fs::write(&file, "x").unwrap();
        let names = ["g.json".to_string()];
        let e = Target::File(file.join("g.json")).check(&names).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("notes.txt is a file, not a directory"),
            "{e}"
        );
        let e = Target::Dir(file.join("out/deeper"))
            .check(&names)
            .unwrap_err();
        assert!(e.to_string().contains("is a file, not a directory"), "{e}");
        let e = Target::File(dir.path().join("missing/g.json"))
            .check(&names)
            .unwrap_err();
        assert!(e.to_string().contains("does not exist"), "{e}");
        // a device is no directory either (`-f json,dot -o /dev/null`)
        let e = Target::Dir("/dev/null".into()).check(&names).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot write the output /dev/null: /dev/null is a file, not a directory"
        );
        // an output name taken by a directory, and one too long for the file system
        std::fs::create_dir(dir.path().join("g.json")).unwrap();
        let e = Target::Dir(dir.path().into()).check(&names).unwrap_err();
        assert!(e.to_string().ends_with("g.json: it is a directory"), "{e}");
        let long = format!("{}.json", "n".repeat(300));
        let e = Target::Dir(dir.path().into()).check(&[long]).unwrap_err();
        assert!(format!("{e:#}").contains("name too long"), "{e:#}");
        Target::Dir(dir.path().join("new/out"))
            .check(&names)
            .unwrap();
        assert!(dir.path().join("new/out").is_dir());
        // the probes are gone
        let left: Vec<_> = std::fs::read_dir(dir.path().join("new/out"))
            .unwrap()
            .collect();
        assert!(left.is_empty());
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_set_replaces_the_earlier_files_together_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.json"), "old a").unwrap();
        std::fs::write(d.join("b.dot"), "old b").unwrap();
        std::fs::write(d.join("notes.txt"), "the user's").unwrap();
        // a failure in the middle of the set: nothing changes, nothing is left
        let mut set = OutputSet::begin(d).unwrap();
        set.create("a.json", |w| w.write_all(b"new a")).unwrap();
        let e = set.create("b.dot", |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        });
        assert!(e.is_err());
        drop(set);
        assert_eq!(std::fs::read_to_string(d.join("a.json")).unwrap(), "old a");
        assert_eq!(entries(d), vec!["a.json", "b.dot", "notes.txt"]);
        // a whole set replaces them
        let mut set = OutputSet::begin(d).unwrap();
        set.create("a.json", |w| w.write_all(b"new a")).unwrap();
        set.create("b.dot", |w| w.write_all(b"new b")).unwrap();
        set.create("c.tsv", |w| w.write_all(b"new c")).unwrap();
        set.commit().unwrap();
        assert_eq!(entries(d), vec!["a.json", "b.dot", "c.tsv", "notes.txt"]);
        assert_eq!(std::fs::read_to_string(d.join("b.dot")).unwrap(), "new b");
        assert_eq!(
            std::fs::read_to_string(d.join("notes.txt")).unwrap(),
            "the user's"
        );
    }

    #[test]
    fn a_failed_move_puts_the_earlier_files_back() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("a.json"), "old a").unwrap();
        let mut set = OutputSet::begin(d).unwrap();
        set.create("a.json", |w| w.write_all(b"new a")).unwrap();
        set.create("b.dot", |w| w.write_all(b"new b")).unwrap();
        // a directory appears where b.dot goes, after the checks: the move fails
        std::fs::create_dir(d.join("b.dot")).unwrap();
        std::fs::write(d.join("b.dot/inside"), "x").unwrap();
        let e = set.commit().unwrap_err();
        assert!(
            format!("{e:#}").contains("the earlier files are kept"),
            "{e:#}"
        );
        assert_eq!(std::fs::read_to_string(d.join("a.json")).unwrap(), "old a");
        assert_eq!(entries(d), vec!["a.json", "b.dot"]);
    }

    #[test]
    fn stale_temporaries_are_removed_and_a_complete_set_is_completed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        // an interrupted write: partial files, no list
        let cut = d.join(".actorgraph-tmp-4242-abcdef");
        std::fs::create_dir(&cut).unwrap();
        std::fs::write(cut.join("a.json"), "partial").unwrap();
        // a temporary file of an earlier version
        std::fs::write(d.join(".actorgraph-Xy12Zq"), "partial").unwrap();
        // a set killed in the middle of its moves: listed, one moved already
        let done = d.join(".actorgraph-tmp-4343-ghijkl");
        std::fs::create_dir(&done).unwrap();
        std::fs::write(done.join("COMMIT"), "b.dot\nc.tsv\n").unwrap();
        std::fs::write(d.join("b.dot"), "new b").unwrap();
        std::fs::write(done.join("c.tsv"), "new c").unwrap();
        std::fs::write(d.join("c.tsv"), "old c").unwrap();
        // not ours
        std::fs::write(d.join(".actorgraph-notes"), "the user's").unwrap();
        let set = OutputSet::begin(d).unwrap();
        drop(set);
        assert_eq!(entries(d), vec![".actorgraph-notes", "b.dot", "c.tsv"]);
        assert_eq!(std::fs::read_to_string(d.join("c.tsv")).unwrap(), "new c");
    }

    #[test]
    fn a_temporary_is_on_the_signal_list_from_its_creation_to_its_removal() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let probe = temp_dir_removed_on_signal(d, PROBE).unwrap();
        let name = probe.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with(".actorgraph-tmp-probe-"), "{name}");
        assert!(signals::hold().contains(&probe));
        remove_temp_dir(&probe);
        assert!(!probe.exists());
        assert!(!signals::hold().contains(&probe));
        // one a kill -9 left behind is a temporary like a set's: the next run removes it
        let left = temp_dir_removed_on_signal(d, PROBE).unwrap();
        signals::hold().retain(|p| p != &left);
        drop(OutputSet::begin(d).unwrap());
        assert!(entries(d).is_empty(), "{:?}", entries(d));
    }

    #[test]
    fn a_second_set_in_the_directory_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_path_buf();
        let mut first = OutputSet::begin(&d).unwrap();
        first.create("a.json", |w| w.write_all(b"first")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let second = {
            let d = d.clone();
            std::thread::spawn(move || {
                let mut set = OutputSet::begin(&d).unwrap();
                tx.send(()).unwrap();
                set.create("a.json", |w| w.write_all(b"second")).unwrap();
                set.commit().unwrap();
            })
        };
        // the second cannot begin while the first holds the directory
        assert!(rx
            .recv_timeout(std::time::Duration::from_millis(300))
            .is_err());
        first.commit().unwrap();
        rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
        second.join().unwrap();
        assert_eq!(std::fs::read_to_string(d.join("a.json")).unwrap(), "second");
        assert_eq!(entries(&d), vec!["a.json"]);
    }

    #[test]
    fn devices_are_written_directly() {
        write_file(&Target::Device("/dev/null".into()), |w| w.write_all(b"x")).unwrap();
        assert!(Path::new("/dev/null")
            .metadata()
            .unwrap()
            .file_type()
            .is_char_device_like());
    }

    trait CharDevice {
        fn is_char_device_like(&self) -> bool;
    }

    impl CharDevice for std::fs::FileType {
        fn is_char_device_like(&self) -> bool {
            !self.is_file() && !self.is_dir()
        }
    }
}
