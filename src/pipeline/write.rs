//! The last stage: every table of a build written atomically into the
//! output folder (a file whose content did not change is not rewritten):
//! CSV and Parquet tables, the SDMX-CSV panel, the Hive-partitioned
//! dataset and the data package describing them.

use super::{BuildError, BuildOutput};
use crate::extract::{Fact, FactKind};
use crate::frame::{self, datapackage, dataset, write_atomic, FrameError};
use crate::reference::Reference;
use polars::prelude::DataFrame;
use std::path::{Path, PathBuf};

/// The files a build writes at the top of its folder, in order (the
/// partitioned dataset goes below `dataset/`).
pub const OUTPUT_FILES: &[&str] = &[
    "documents.csv",
    "facts.csv",
    "facts.parquet",
    "periods.csv",
    "panel.csv",
    "panel_long.csv",
    "panel.parquet",
    "panel.sdmx.csv",
    "diagnostics.csv",
    "datapackage.json",
];

/// The most evidence text the facts table and the other outputs are written
/// with side by side; past it they are written one after the other, so the
/// write phase's memory stays bounded (a hostile batch's facts quote long rows).
pub const PARALLEL_WRITE_MAX_TEXT: usize = 64 << 20;

/// Write every output atomically; returns (path, changed) per file.
pub fn write_outputs(
    out: &BuildOutput,
    reference: &Reference,
    dir: &Path,
) -> Result<Vec<(PathBuf, bool)>, BuildError> {
    let (periods, one_year): (Vec<&Fact>, Vec<&Fact>) =
        out.facts.iter().partition(|f| f.kind == FactKind::Period);
    let mut written: Vec<(PathBuf, bool)> = Vec::new();
    let w = |written: &mut Vec<(PathBuf, bool)>, name: &str, df: &mut DataFrame, parquet: bool| {
        write_frame(written, dir, name, df, parquet)
    };
    w(&mut written, "documents.csv", &mut frame::documents_frame(&out.documents)?, false)?;
    // the facts table, the largest, is written beside everything else
    let facts = (dir.join("facts.csv"), dir.join("facts.parquet"));
    let write_facts = || frame::write_facts(&one_year, &facts.0, &facts.1);
    let write_rest = || write_rest(out, reference, dir, &periods, &one_year);
    // each writer holds a row group's frame (its text copied twice on the way
    // to Parquet): beside each other only while that stays small
    let text: usize = one_year.iter().map(|f| f.evidence.len()).sum();
    let (facts, rest) = if text <= PARALLEL_WRITE_MAX_TEXT {
        rayon::join(write_facts, write_rest)
    } else {
        (write_facts(), write_rest())
    };
    written.extend(facts?);
    written.extend(rest?);
    Ok(written)
}

/// Every output but documents.csv and the facts table, in the order listed.
fn write_rest(
    out: &BuildOutput,
    reference: &Reference,
    dir: &Path,
    periods: &[&Fact],
    one_year: &[&Fact],
) -> Result<Vec<(PathBuf, bool)>, BuildError> {
    let catalog = &reference.catalog;
    let mut written: Vec<(PathBuf, bool)> = Vec::new();
    let w = |written: &mut Vec<(PathBuf, bool)>, name: &str, df: &mut DataFrame, parquet: bool| {
        write_frame(written, dir, name, df, parquet)
    };
    w(&mut written, "periods.csv", &mut frame::facts_frame(periods)?, false)?;
    let mut wide = frame::panel::panel_wide_frame(&out.panel, catalog)?;
    w(&mut written, "panel.csv", &mut wide, false)?;
    let mut long = frame::panel::panel_long_frame(&out.panel)?;
    w(&mut written, "panel_long.csv", &mut long, false)?;
    w(&mut written, "panel.parquet", &mut long, true)?;
    let sdmx = reference.sdmx.csv(&out.panel).map_err(|e| FrameError::Io {
        path: dir.join("panel.sdmx.csv"),
        source: std::io::Error::other(e),
    })?;
    written.push(bytes(dir, "panel.sdmx.csv", &sdmx)?);
    w(&mut written, "diagnostics.csv", &mut frame::diagnostics_frame(&out.diagnostics)?, false)?;
    let parts = dataset::write_dataset(dir, one_year, &out.panel)?;
    let columns: Vec<String> = wide.get_column_names().iter().map(|c| c.to_string()).collect();
    let package = datapackage::datapackage(catalog, &columns, &dataset_parts(dir, &parts));
    written.push(bytes(
        dir,
        "datapackage.json",
        &serde_json::to_vec_pretty(&package).unwrap_or_default(),
    )?);
    written.extend(parts);
    Ok(written)
}

/// The dataset's part files relative to `dir` (with `/`), facts and panel apart.
fn dataset_parts(dir: &Path, parts: &[(PathBuf, bool)]) -> datapackage::DatasetParts {
    let facts = Path::new(dataset::DATASET_DIR).join("facts");
    let mut out = datapackage::DatasetParts::default();
    for (path, _) in parts {
        let rel = path.strip_prefix(dir).unwrap_or(path);
        let shown = rel.iter().map(|c| c.to_string_lossy()).collect::<Vec<_>>().join("/");
        if rel.starts_with(&facts) {
            out.facts.push(shown)
        } else {
            out.panel.push(shown)
        }
    }
    out
}

/// Write one frame as `name` in `dir` (CSV or Parquet), noting whether it changed.
fn write_frame(
    written: &mut Vec<(PathBuf, bool)>,
    dir: &Path,
    name: &str,
    df: &mut DataFrame,
    parquet: bool,
) -> Result<(), BuildError> {
    let path = dir.join(name);
    let changed =
        if parquet { frame::write_parquet(df, &path)? } else { frame::write_csv(df, &path)? };
    written.push((path, changed));
    Ok(())
}

/// Write ready bytes atomically.
fn bytes(dir: &Path, name: &str, data: &[u8]) -> Result<(PathBuf, bool), FrameError> {
    let path = dir.join(name);
    let changed = write_atomic(&path, |w| {
        w.write_all(data).map_err(|source| FrameError::Io { path: path.clone(), source })
    })?;
    Ok((path, changed))
}
