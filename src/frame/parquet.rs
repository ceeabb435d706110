//! Parquet as every reader takes it: plain UTF-8 (`large_string`) columns
//! instead of Arrow's `string_view` (which polars' own writer always emits and
//! Spark 3, Trino and older Arrow readers cannot read), dictionary pages where
//! a column repeats, zstd pages, row groups sized for scanning.

use super::write::{write_atomic, FrameError};
use polars::prelude::*;
use polars_parquet::write::{
    get_dtype_encoding, CompressionOptions, FileWriter, RowGroupIterator, StatisticsOptions,
    Version, WriteOptions,
};
use std::path::Path;

/// Rows per row group: large enough to scan fast, small enough to skip.
pub const ROW_GROUP_ROWS: usize = 128 * 1024;

/// Encode `df` as Parquet bytes.
pub fn parquet_bytes(df: &DataFrame) -> PolarsResult<Vec<u8>> {
    let mut df = df.clone();
    df.rechunk_mut();
    let compat = CompatLevel::oldest();
    let schema = df.schema().to_arrow(compat);
    let options = WriteOptions {
        statistics: StatisticsOptions::full(),
        version: Version::V1,
        compression: CompressionOptions::Zstd(None),
        data_page_size: None,
    };
    let encodings = schema.iter_values().map(|f| get_dtype_encoding(&f.dtype)).collect();
    let mut slices = Vec::new();
    let mut offset = 0;
    while offset < df.height() || slices.is_empty() {
        let mut part = df.slice(offset as i64, ROW_GROUP_ROWS);
        part.rechunk_mut();
        slices.push(part);
        offset += ROW_GROUP_ROWS;
    }
    let batches = slices.iter().flat_map(|p| p.iter_chunks(compat, false)).map(Ok);
    let groups = RowGroupIterator::try_new(batches, &schema, options, encodings)?;
    let mut writer = FileWriter::try_new(Vec::new(), schema.clone(), options)?;
    for (group, part) in groups.zip(&slices) {
        writer.write(part.height() as u64, group?)?;
    }
    writer.end(None)?;
    Ok(writer.into_inner())
}

/// Write `df` to `path` atomically as Parquet; returns whether the file changed.
pub fn write_parquet(df: &DataFrame, path: &Path) -> Result<bool, FrameError> {
    let bytes = parquet_bytes(df)
        .map_err(|source| FrameError::Polars { path: path.to_path_buf(), source })?;
    write_atomic(path, |w| {
        w.write_all(&bytes).map_err(|source| FrameError::Io { path: path.to_path_buf(), source })
    })
}
