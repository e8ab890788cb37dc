//! Files mlproof writes (`--output`, `--dot`, and every later file option).
//!
//! Every file goes to a temporary file in its own folder, is flushed and synced, and only
//! then renamed into place, so an interrupted or failed write leaves the old file or none.
//! Several files of one command (the `--dot` pair) are all checked before any is written and
//! all renamed after every one is complete. An existing file is replaced only with `--force`;
//! an input file of the run is never an output; `-` is standard output.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use mlproof_core::{Error, Result};

static FORCE: AtomicBool = AtomicBool::new(false);
static STDOUT_TAKEN: AtomicBool = AtomicBool::new(false);
static INPUTS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// `--force`: existing files may be replaced.
pub fn set_force(force: bool) {
    FORCE.store(force, Ordering::Relaxed);
}

/// Records a file the run reads, so that no output can replace it.
pub fn register_input(path: &Path) {
    if let Ok(mut inputs) = INPUTS.lock() {
        inputs.push(path.to_path_buf());
    }
}

/// Whether a file went to standard output (`--output -`): the report then goes to stderr.
pub fn stdout_taken() -> bool {
    STDOUT_TAKEN.load(Ordering::Relaxed)
}

/// Whether `path` means standard output.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Writes one file (or standard output for `-`).
pub fn file(path: &Path, bytes: &[u8]) -> Result<()> {
    files(&[(path, bytes)])
}

/// Writes every `(path, bytes)` or none: all destinations are checked first, all contents
/// written to temporary files, then each renamed into place. If a rename fails after others
/// succeeded, the files this call created are removed again.
pub fn files(outputs: &[(&Path, &[u8])]) -> Result<()> {
    let inputs = INPUTS.lock().map(|i| i.clone()).unwrap_or_default();
    write_all(outputs, FORCE.load(Ordering::Relaxed), &inputs)
}

/// [`files`] with the options given rather than read from the run.
fn write_all(outputs: &[(&Path, &[u8])], force: bool, inputs: &[PathBuf]) -> Result<()> {
    for (i, (path, _)) in outputs.iter().enumerate() {
        if outputs[..i].iter().any(|(p, _)| p == path) {
            return Err(Error::input(format!(
                "{} is named twice as an output",
                path.display()
            )));
        }
        if !is_stdout(path) {
            check_destination(path, force, inputs)?;
        }
    }
    let mut staged = Vec::new();
    for (path, bytes) in outputs {
        if is_stdout(path) {
            continue;
        }
        staged.push((*path, stage(path, bytes)?));
    }
    let mut created: Vec<&Path> = Vec::new();
    for (path, tmp) in staged {
        let existed = path.exists();
        let persisted = if force {
            tmp.persist(path).map(|_| ())
        } else {
            tmp.persist_noclobber(path).map(|_| ())
        };
        if let Err(e) = persisted {
            for done in created {
                let _ = std::fs::remove_file(done);
            }
            return Err(cannot_write(path, &e.error));
        }
        if !existed {
            created.push(path);
        }
    }
    for (path, bytes) in outputs {
        if is_stdout(path) {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)
                .and_then(|_| out.flush())
                .map_err(|e| cannot_write(Path::new("standard output"), &e))?;
            STDOUT_TAKEN.store(true, Ordering::Relaxed);
        }
    }
    Ok(())
}

fn cannot_write(path: &Path, e: &std::io::Error) -> Error {
    Error::input(format!("cannot write {}: {e}", path.display()))
}

/// The checks made before anything is written.
fn check_destination(path: &Path, force: bool, inputs: &[PathBuf]) -> Result<()> {
    let shown = path.display();
    if path.is_dir() {
        return Err(Error::input(format!(
            "{shown} is a folder; give a file name inside it"
        )));
    }
    let dir = folder(path);
    if !dir.is_dir() {
        return Err(Error::input(format!(
            "cannot write {shown}: the folder {} does not exist",
            dir.display()
        )));
    }
    if path.exists() {
        if inputs.iter().any(|input| same_file(input, path)) {
            return Err(Error::input(format!(
                "{shown} is this run's input; mlproof never writes over its input: choose another name"
            )));
        }
        if !force {
            return Err(Error::input(format!(
                "{shown} exists; give --force to replace it, or choose a new name"
            )));
        }
        if !path.is_file() {
            return Err(Error::input(format!(
                "{shown} is not a regular file; mlproof replaces regular files only"
            )));
        }
    }
    Ok(())
}

/// The folder a file is written in (`.` for a bare name).
fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The contents in a complete, synced temporary file beside `path`.
fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    let fail = |e: std::io::Error| cannot_write(path, &e);
    let mut tmp = tempfile::Builder::new()
        .prefix(".mlproof-")
        .tempfile_in(folder(path))
        .map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.flush().map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    Ok(tmp)
}

/// Whether two paths name the same existing file (same device and inode; a hard link or a
/// symbolic link to the input is the input).
#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests;
