//! The last stage: every table of a build written atomically into the
//! output folder (a file whose content did not change is not rewritten).

use super::{BuildError, BuildOutput};
use crate::catalog::Catalog;
use crate::extract::{Fact, FactKind};
use crate::frame;
use polars::prelude::DataFrame;
use std::path::{Path, PathBuf};

/// The files a build writes, in order.
pub const OUTPUT_FILES: &[&str] = &[
    "documents.csv",
    "facts.csv",
    "facts.parquet",
    "periods.csv",
    "panel.csv",
    "panel_long.csv",
    "panel.parquet",
    "diagnostics.csv",
];

/// Write every output atomically; returns (path, changed) per file.
pub fn write_outputs(
    out: &BuildOutput,
    catalog: &Catalog,
    dir: &Path,
) -> Result<Vec<(PathBuf, bool)>, BuildError> {
    let (periods, one_year): (Vec<Fact>, Vec<Fact>) =
        out.facts.iter().cloned().partition(|f| f.kind == FactKind::Period);
    let mut written = Vec::new();
    let mut w = |name: &str, df: &mut DataFrame, parquet: bool| -> Result<(), BuildError> {
        let path = dir.join(name);
        let changed =
            if parquet { frame::write_parquet(df, &path)? } else { frame::write_csv(df, &path)? };
        written.push((path, changed));
        Ok(())
    };
    w("documents.csv", &mut frame::documents_frame(&out.documents)?, false)?;
    let mut facts = frame::facts_frame(&one_year)?;
    w("facts.csv", &mut facts, false)?;
    w("facts.parquet", &mut facts, true)?;
    w("periods.csv", &mut frame::facts_frame(&periods)?, false)?;
    w("panel.csv", &mut frame::panel::panel_wide_frame(&out.panel, catalog)?, false)?;
    let mut long = frame::panel::panel_long_frame(&out.panel)?;
    w("panel_long.csv", &mut long, false)?;
    w("panel.parquet", &mut long, true)?;
    w("diagnostics.csv", &mut frame::diagnostics_frame(&out.diagnostics)?, false)?;
    Ok(written)
}
