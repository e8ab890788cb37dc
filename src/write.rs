//! Files mlproof writes: to a temporary file in the same folder, renamed into place only when
//! complete, and never over an existing file. A failed or interrupted write leaves nothing.

use std::io::{BufWriter, Write};
use std::path::Path;

use mlproof_core::{Error, Result};

/// Writes `path` through `fill`, atomically; an existing file is an error naming the path.
pub fn create_new(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<&mut tempfile::NamedTempFile>) -> Result<()>,
) -> Result<()> {
    let shown = path.display();
    if path.exists() {
        return Err(Error::input(format!(
            "{shown} exists; mlproof never overwrites a file: choose a new name"
        )));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let fail = |e: std::io::Error| Error::input(format!("cannot write {shown}: {e}"));
    let mut tmp = tempfile::Builder::new()
        .prefix(".mlproof-")
        .tempfile_in(dir)
        .map_err(fail)?;
    {
        let mut w = BufWriter::new(&mut tmp);
        fill(&mut w)?;
        w.flush().map_err(fail)?;
    }
    tmp.as_file().sync_all().map_err(fail)?;
    tmp.persist_noclobber(path).map_err(|e| fail(e.error))?;
    Ok(())
}
