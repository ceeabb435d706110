//! The partitioned dataset DuckDB, Spark and Trino read as one table:
//! `dataset/facts/year=YYYY/province=CODE/part-0.parquet` and
//! `dataset/panel/year=YYYY/part-0.parquet` (Hive partitioning; a value that
//! is unknown is `__HIVE_DEFAULT_PARTITION__`, read as NULL). Partition keys
//! live in the path, not in the files. Part files a build no longer writes
//! are removed, so the folder always describes the last build.

use super::facts_frame;
use super::panel::{panel_long_frame, PanelRow};
use super::parquet::{write_parquet, ParquetParts, ROW_GROUP_ROWS};
use super::write::{write_atomic, FrameError};
use crate::extract::Fact;
use polars::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The folder of the dataset inside a build's output.
pub const DATASET_DIR: &str = "dataset";
/// Hive's name for a NULL partition value.
pub const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";
const PART_FILE: &str = "part-0.parquet";

/// The province (GB/T 2260, `xx0000`) a region code belongs to.
pub fn province_of(region_code: &str) -> Option<String> {
    let ok = region_code.len() == 6 && region_code.bytes().all(|b| b.is_ascii_digit());
    (ok && &region_code[..2] != "00").then(|| format!("{}0000", &region_code[..2]))
}

fn key(v: Option<impl ToString>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| NULL_PARTITION.to_string())
}

/// Write the dataset for one-year `facts` and the `panel`; returns (path, changed).
pub fn write_dataset(
    out_dir: &Path,
    facts: &[&Fact],
    panel: &[PanelRow],
) -> Result<Vec<(PathBuf, bool)>, FrameError> {
    let root = out_dir.join(DATASET_DIR);
    let mut by_cell: BTreeMap<(String, String), Vec<&Fact>> = BTreeMap::new();
    for f in facts {
        let cell = (key(f.year), key(province_of(&f.region_code)));
        by_cell.entry(cell).or_default().push(f);
    }
    let mut by_year: BTreeMap<i32, Vec<&PanelRow>> = BTreeMap::new();
    for r in panel {
        by_year.entry(r.year).or_default().push(r);
    }
    let mut written = Vec::new();
    for ((year, province), part) in by_cell {
        let path =
            root.join("facts").join(format!("year={year}")).join(format!("province={province}"));
        written.push(write_facts_part(&part, &path)?);
    }
    for (year, rows) in by_year {
        let path = root.join("panel").join(format!("year={year}"));
        let df = without(panel_long_frame(&rows), "year", &path)?;
        written.push(write_part(&df, &path)?);
    }
    let keep: BTreeSet<PathBuf> = written.iter().map(|(p, _)| p.clone()).collect();
    remove_stale(&root, &keep);
    Ok(written)
}

fn without(df: PolarsResult<DataFrame>, column: &str, dir: &Path) -> Result<DataFrame, FrameError> {
    df.and_then(|df| df.drop(column))
        .map_err(|source| FrameError::Polars { path: dir.to_path_buf(), source })
}

/// A facts partition encoded a row group at a time (the bytes of one frame
/// written whole), so a large partition is never one frame of all its facts.
fn write_facts_part(facts: &[&Fact], dir: &Path) -> Result<(PathBuf, bool), FrameError> {
    let path = dir.join(PART_FILE);
    let err = |source| FrameError::Polars { path: path.clone(), source };
    let mut parts = ParquetParts::default();
    for chunk in facts.chunks(ROW_GROUP_ROWS) {
        parts.push(without(facts_frame(chunk), "year", dir)?).map_err(err)?;
    }
    let bytes = parts.finish().map_err(err)?;
    let changed = write_atomic(&path, |w| {
        w.write_all(&bytes).map_err(|source| FrameError::Io { path: path.clone(), source })
    })?;
    Ok((path, changed))
}

fn write_part(df: &DataFrame, dir: &Path) -> Result<(PathBuf, bool), FrameError> {
    let path = dir.join(PART_FILE);
    let changed = write_parquet(df, &path)?;
    Ok((path, changed))
}

/// Remove part files (and then empty partition folders) this build did not write.
fn remove_stale(root: &Path, keep: &BTreeSet<PathBuf>) {
    let Ok(walk) =
        walkdir::WalkDir::new(root).contents_first(true).into_iter().collect::<Result<Vec<_>, _>>()
    else {
        return;
    };
    for entry in walk {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_file() && name.starts_with("part-") && !keep.contains(path) {
            let _ = std::fs::remove_file(path);
        } else if entry.file_type().is_dir() && path != root && name.contains('=') {
            let _ = std::fs::remove_dir(path); // fails, as wanted, while not empty
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_come_from_the_first_two_digits() {
        assert_eq!(province_of("320412").as_deref(), Some("320000"));
        assert_eq!(province_of("110000").as_deref(), Some("110000"));
        assert_eq!(province_of("000000"), None);
        assert_eq!(province_of(""), None);
    }
}
