//! Merging shard outputs: the documents, facts, periods and diagnostics of
//! each shard folder are read back (the CSV columns are the records'
//! fields), and the panel and its checks are built once over all of them, so
//! the merged tables equal one build of all inputs byte for byte.

use super::{finish_parts, BuildOutput, Engine};
use crate::diag::{Code, Diagnostic};
use crate::extract::Fact;
use crate::frame::DocRecord;
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("{path}: not a build output ({source})")]
    Read { path: PathBuf, source: csv::Error },
    #[error("{0}: built with corrections; pass the corrections file to merge instead")]
    Corrected(PathBuf),
}

fn read_table<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, MergeError> {
    crate::frame::csv_cell::read_table(path)
        .map_err(|source| MergeError::Read { path: path.to_path_buf(), source })
}

/// What one shard folder holds.
struct ShardTables {
    documents: Vec<DocRecord>,
    facts: Vec<Fact>,
    diagnostics: Vec<Diagnostic>,
}

fn read_shard(dir: &Path) -> Result<ShardTables, MergeError> {
    let mut facts: Vec<Fact> = read_table(&dir.join("facts.csv"))?;
    facts.extend(read_table::<Fact>(&dir.join("periods.csv"))?);
    if facts.iter().any(|f| f.rule.family() == crate::extract::RuleFamily::Correction) {
        return Err(MergeError::Corrected(dir.to_path_buf()));
    }
    let mut diagnostics: Vec<Diagnostic> = read_table(&dir.join("diagnostics.csv"))?;
    // made again over all shards by the merge
    diagnostics.retain(|d| d.code != Code::PanelConflict);
    Ok(ShardTables { documents: read_table(&dir.join("documents.csv"))?, facts, diagnostics })
}

/// Merge shard output folders into one build output.
pub fn merge(
    engine: &Engine,
    dirs: &[PathBuf],
    corrections: Option<&Path>,
) -> Result<BuildOutput, MergeError> {
    let (mut documents, mut facts, mut diagnostics) = (Vec::new(), Vec::new(), Vec::new());
    for dir in dirs {
        let shard = read_shard(dir)?;
        documents.extend(shard.documents);
        facts.extend(shard.facts);
        diagnostics.extend(shard.diagnostics);
    }
    Ok(finish_parts(engine, documents, facts, diagnostics, corrections))
}
