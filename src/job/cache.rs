//! The extraction cache of a scheduled run: one JSON file per input, keyed by
//! the input's content hash, its path and the engine key (engine version and
//! catalog fingerprint), kept in `<output>/.yardstick-cache/`. An unchanged
//! report is not re-extracted; entries of removed inputs are pruned.

use crate::pipeline::FileResult;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub const CACHE_DIR: &str = ".yardstick-cache";

pub struct Cache {
    dir: PathBuf,
    engine_key: String,
}

impl Cache {
    /// `engine_key` changes when the engine or catalog changes, invalidating every entry.
    pub fn new(output: &Path, engine_key: &str) -> Cache {
        Cache { dir: output.join(CACHE_DIR), engine_key: engine_key.to_string() }
    }

    /// The key of one input: its bytes, its path (facts carry it) and the engine key.
    pub fn key(&self, source: &str, bytes: &[u8]) -> String {
        let mut h = blake3::Hasher::new();
        h.update(self.engine_key.as_bytes());
        h.update(&[0]);
        h.update(source.as_bytes());
        h.update(&[0]);
        h.update(bytes);
        h.finalize().to_hex()[..32].to_string()
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// A cached result, when present and readable (a damaged entry is a miss).
    pub fn get(&self, key: &str) -> Option<FileResult> {
        let bytes = std::fs::read(self.path(key)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Store a result (atomically; an existing entry is left alone).
    pub fn put(&self, key: &str, result: &FileResult) -> Result<(), crate::frame::FrameError> {
        let path = self.path(key);
        if path.is_file() {
            return Ok(());
        }
        let json = serde_json::to_vec(result).unwrap_or_default();
        crate::frame::write_atomic(&path, |w| {
            w.write_all(&json)
                .map_err(|source| crate::frame::FrameError::Io { path: path.clone(), source })
        })?;
        Ok(())
    }

    /// Remove entries not in `keep`; returns how many were removed.
    pub fn prune(&self, keep: &BTreeSet<String>) -> usize {
        let Ok(entries) = std::fs::read_dir(&self.dir) else { return 0 };
        let mut removed = 0;
        for e in entries.flatten() {
            let p = e.path();
            let stem = p.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            if p.extension().is_some_and(|x| x == "json")
                && !keep.contains(&stem)
                && std::fs::remove_file(&p).is_ok()
            {
                removed += 1;
            }
        }
        removed
    }
}
