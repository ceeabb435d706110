//! Atomic writes: every output goes to a temporary file in the same folder and
//! is renamed into place, so a killed run never leaves half a file.

use polars::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("cannot encode {path}: {source}")]
    Polars { path: PathBuf, source: PolarsError },
    #[error("cannot read {path}: {message}")]
    Read { path: PathBuf, message: String },
}

/// A writer that hashes and counts what passes through it.
struct Hashing<W: Write> {
    inner: W,
    hasher: blake3::Hasher,
    len: u64,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Whether the file at `path` holds exactly `len` bytes hashing to `hash`
/// (read in blocks: an output of any size is compared in constant memory).
fn holds(path: &Path, len: u64, hash: &blake3::Hash) -> bool {
    let Ok(file) = std::fs::File::open(path) else { return false };
    if file.metadata().map(|m| m.len()).ok() != Some(len) {
        return false;
    }
    let mut hasher = blake3::Hasher::new();
    hasher.update_reader(file).is_ok_and(|h| h.finalize() == *hash)
}

/// Write bytes produced by `fill` to `path` atomically: streamed to a
/// temporary file in the same folder, synced and renamed into place, so
/// memory does not grow with the output. Returns whether the file changed
/// (an identical existing file is left untouched, mtime included).
pub fn write_atomic(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), FrameError>,
) -> Result<bool, FrameError> {
    let io = |source| FrameError::Io { path: path.to_path_buf(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let tmp = tempfile::Builder::new()
        .prefix(".yardstick-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    let mut out = Hashing {
        inner: std::io::BufWriter::with_capacity(1 << 20, tmp.as_file()),
        hasher: blake3::Hasher::new(),
        len: 0,
    };
    fill(&mut out)?;
    out.flush().map_err(io)?;
    let (len, hash) = (out.len, out.hasher.finalize());
    drop(out);
    if holds(path, len, &hash) {
        return Ok(false); // the temporary is removed when dropped
    }
    readable_by_all(tmp.as_file());
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(true)
}

/// Outputs are shared tables: rw-r--r-- like any file the user writes, not
/// the owner-only mode temporary files are made with.
fn readable_by_all(file: &std::fs::File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    #[cfg(not(unix))]
    let _ = file;
}

/// Write `df` as CSV atomically: the byte-order mark first, text cells
/// neutralised (see [`super::csv_cell`]).
pub fn write_csv(df: &mut DataFrame, path: &Path) -> Result<bool, FrameError> {
    write_atomic(path, |w| write_csv_part(w, df, true, path))
}

/// One part of a CSV: the first (header and byte-order mark) or a later one.
pub(super) fn write_csv_part(
    w: &mut dyn Write,
    df: &mut DataFrame,
    first: bool,
    path: &Path,
) -> Result<(), FrameError> {
    let err = |source| FrameError::Polars { path: path.to_path_buf(), source };
    let mut safe = super::csv_cell::neutralised(df).map_err(err)?;
    CsvWriter::new(w)
        .include_bom(first)
        .include_header(first)
        .finish(safe.as_mut().unwrap_or(df))
        .map_err(err)
}
