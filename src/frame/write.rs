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

/// Write bytes produced by `fill` to `path` atomically. Returns whether the
/// file changed (an identical existing file is left untouched, mtime included).
pub fn write_atomic(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> Result<(), FrameError>,
) -> Result<bool, FrameError> {
    let io = |source| FrameError::Io { path: path.to_path_buf(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io)?;
    let mut buf: Vec<u8> = Vec::new();
    fill(&mut buf)?;
    if std::fs::read(path).is_ok_and(|old| old == buf) {
        return Ok(false);
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".yardstick-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(&buf).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(true)
}

pub fn write_csv(df: &mut DataFrame, path: &Path) -> Result<bool, FrameError> {
    write_atomic(path, |w| {
        CsvWriter::new(w)
            .include_header(true)
            .finish(df)
            .map_err(|source| FrameError::Polars { path: path.to_path_buf(), source })
    })
}
