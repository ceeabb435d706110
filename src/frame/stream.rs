//! The facts table written a row group at a time: facts.csv and
//! facts.parquet from frames of [`ROW_GROUP_ROWS`] facts each, so a build of
//! millions of facts never holds them all as one frame beside the facts.

use super::facts_frame;
use super::parquet::{ParquetParts, ROW_GROUP_ROWS};
use super::write::{write_atomic, write_csv_part, FrameError};
use crate::extract::Fact;
use std::path::{Path, PathBuf};

/// Write `facts` as `csv` and `parquet` (each atomically); returns each path
/// with whether it changed. The bytes are those of one frame written whole.
pub fn write_facts(
    facts: &[&Fact],
    csv: &Path,
    parquet: &Path,
) -> Result<[(PathBuf, bool); 2], FrameError> {
    let polars_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| FrameError::Polars { path: path.clone(), source }
    };
    let mut parts = ParquetParts::default();
    let csv_changed = write_atomic(csv, |w| {
        // an empty table is still one frame: a header and a row group of none
        let chunks: Vec<&[&Fact]> =
            if facts.is_empty() { vec![&[]] } else { facts.chunks(ROW_GROUP_ROWS).collect() };
        for (i, chunk) in chunks.into_iter().enumerate() {
            let mut df = facts_frame(chunk).map_err(polars_err(csv))?;
            write_csv_part(&mut *w, &mut df, i == 0, csv)?;
            parts.push(df).map_err(polars_err(parquet))?;
        }
        Ok(())
    })?;
    let bytes = parts.finish().map_err(polars_err(parquet))?;
    let parquet_changed = write_atomic(parquet, |w| {
        w.write_all(&bytes).map_err(|source| FrameError::Io { path: parquet.to_path_buf(), source })
    })?;
    Ok([(csv.to_path_buf(), csv_changed), (parquet.to_path_buf(), parquet_changed)])
}
