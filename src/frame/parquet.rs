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
    let mut parts = ParquetParts::default();
    let mut offset = 0;
    while offset < df.height() || offset == 0 {
        parts.push(df.slice(offset as i64, ROW_GROUP_ROWS))?;
        offset += ROW_GROUP_ROWS;
    }
    parts.finish()
}

/// A Parquet file made one row group at a time, so a table of millions of
/// rows never stands in memory as one frame: each part pushed is one row
/// group (at most [`ROW_GROUP_ROWS`] rows), all of the first part's schema.
#[derive(Default)]
pub struct ParquetParts {
    /// started by the first part, which gives the schema
    writer: Option<(FileWriter<Vec<u8>>, ArrowSchema)>,
}

/// Plain UTF-8 columns, full statistics, zstd pages.
fn options() -> WriteOptions {
    WriteOptions {
        statistics: StatisticsOptions::full(),
        version: Version::V1,
        compression: CompressionOptions::Zstd(None),
        data_page_size: None,
    }
}

impl ParquetParts {
    /// One more row group.
    pub fn push(&mut self, mut part: DataFrame) -> PolarsResult<()> {
        let compat = CompatLevel::oldest();
        if self.writer.is_none() {
            let schema = part.schema().to_arrow(compat);
            self.writer =
                Some((FileWriter::try_new(Vec::new(), schema.clone(), options())?, schema));
        }
        let (writer, schema) = self.writer.as_mut().expect("started above");
        part.rechunk_mut();
        let encodings = schema.iter_values().map(|f| get_dtype_encoding(&f.dtype)).collect();
        let batches = part.iter_chunks(compat, false).map(Ok);
        for group in RowGroupIterator::try_new(batches, schema, options(), encodings)? {
            writer.write(part.height() as u64, group?)?;
        }
        Ok(())
    }

    /// The file's bytes, footer included (a file needs one part at least).
    pub fn finish(self) -> PolarsResult<Vec<u8>> {
        let Some((mut writer, _)) = self.writer else {
            polars_bail!(ComputeError: "a Parquet file of no row group")
        };
        writer.end(None)?;
        Ok(writer.into_inner())
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
