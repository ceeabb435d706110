//! The run manifest (`manifest.json`): every output with its hash, every input
//! with its hash, the engine and catalog versions, and the diagnostics counts.
//! It holds no timestamps and no per-run counts (those go to the log), so an unchanged run
//! rewrites nothing.

use crate::diag::DiagnosticCounts;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, Serialize)]
pub struct FileHash {
    pub path: String,
    pub blake3: String,
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    pub engine: String,
    pub engine_version: String,
    pub catalogs: BTreeMap<String, String>,
    pub catalog_fingerprint: String,
    pub inputs: Vec<FileHash>,
    pub outputs: Vec<FileHash>,
    pub diagnostics: DiagnosticCounts,
    pub documents: usize,
    pub facts: usize,
}

/// Hash a file for the manifest; `name` is how the manifest names it.
pub fn hash_file(path: &Path, name: &str) -> Option<FileHash> {
    let bytes = std::fs::read(path).ok()?;
    Some(FileHash {
        path: name.to_string(),
        blake3: blake3::hash(&bytes).to_hex().to_string(),
        bytes: bytes.len() as u64,
    })
}
