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
    let mut parts: Option<ParquetParts> = None;
    let mut offset = 0;
    while offset < df.height() || parts.is_none() {
        let part = df.slice(offset as i64, ROW_GROUP_ROWS);
        match &mut parts {
            Some(p) => p.push(part)?,
            None => parts = Some(ParquetParts::new(part)?),
        }
        offset += ROW_GROUP_ROWS;
    }
    parts.expect("one part at least").finish()
}

/// A Parquet file made one row group at a time, so a table of millions of
/// rows never stands in memory as one frame: each part pushed is one row
/// group (at most [`ROW_GROUP_ROWS`] rows), all of the first part's schema.
pub struct ParquetParts {
    writer: FileWriter<Vec<u8>>,
    schema: ArrowSchema,
    options: WriteOptions,
}

impl ParquetParts {
    /// Start the file with its first row group.
    pub fn new(first: DataFrame) -> PolarsResult<ParquetParts> {
        let schema = first.schema().to_arrow(CompatLevel::oldest());
        let options = WriteOptions {
            statistics: StatisticsOptions::full(),
            version: Version::V1,
            compression: CompressionOptions::Zstd(None),
            data_page_size: None,
        };
        let writer = FileWriter::try_new(Vec::new(), schema.clone(), options)?;
        let mut parts = ParquetParts { writer, schema, options };
        parts.push(first)?;
        Ok(parts)
    }

    /// One more row group.
    pub fn push(&mut self, mut part: DataFrame) -> PolarsResult<()> {
        part.rechunk_mut();
        let compat = CompatLevel::oldest();
        let encodings = self.schema.iter_values().map(|f| get_dtype_encoding(&f.dtype)).collect();
        let batches = part.iter_chunks(compat, false).map(Ok);
        let groups = RowGroupIterator::try_new(batches, &self.schema, self.options, encodings)?;
        for group in groups {
            self.writer.write(part.height() as u64, group?)?;
        }
        Ok(())
    }

    /// The file's bytes, footer included.
    pub fn finish(mut self) -> PolarsResult<Vec<u8>> {
        self.writer.end(None)?;
        Ok(self.writer.into_inner())
    }
}

/// Write `df` to `path` atomically as Parquet; returns whether the file changed.
pub fn write_parquet(df: &DataFrame, path: &Path) -> Result<bool, FrameError> {
    let bytes = parquet_bytes(df)
        .map_err(|source| FrameError::Polars { path: path.to_path_buf(), source })?;
    write_atomic(path, |w| {
        w.write_all(&bytes).map_err(|source| FrameError::Io { path: path.to_path_buf(), source })
    })
}
