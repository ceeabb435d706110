//! A job's extraction: every input through the pipeline's per-file stage, or
//! from the cache when the input, the engine and the catalog are unchanged.

use super::cache::Cache;
use super::manifest::FileHash;
use super::RunOptions;
use crate::pipeline::{self, Engine, FileResult};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Every input's result, with its cache key and hash.
pub(super) struct Extracted {
    pub results: Vec<FileResult>,
    pub keys: Vec<String>,
    pub hashes: Vec<FileHash>,
    pub extracted: usize,
    pub cached: usize,
}

/// Extract every input, from the cache where the input is unchanged.
pub(super) fn extract_all(
    engine: &Engine,
    cache: &Cache,
    files: &[PathBuf],
    opts: &RunOptions,
    log: &(dyn Fn(&str) + Sync),
) -> Extracted {
    let done = AtomicUsize::new(0);
    let bar = opts.progress_bars.then(|| progress_bar(files.len()));
    let step = (files.len() / 10).max(1);
    let each: Vec<(FileResult, bool, String, FileHash)> = files
        .par_iter()
        .map(|p| {
            let one = extract_one(engine, cache, p, opts.full);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            match &bar {
                Some(b) => b.inc(1),
                None if n.is_multiple_of(step) || n == files.len() => {
                    log(&format!("read {n}/{} reports", files.len()))
                }
                None => {}
            }
            one
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let extracted = each.iter().filter(|r| !r.1).count();
    let mut out = Extracted {
        results: Vec::with_capacity(each.len()),
        keys: Vec::with_capacity(each.len()),
        hashes: Vec::with_capacity(each.len()),
        extracted,
        cached: each.len() - extracted,
    };
    for (result, _, key, hash) in each {
        out.results.push(result);
        out.keys.push(key);
        out.hashes.push(hash);
    }
    out
}

/// One input: (result, from the cache, cache key, hash).
fn extract_one(
    engine: &Engine,
    cache: &Cache,
    path: &Path,
    full: bool,
) -> (FileResult, bool, String, FileHash) {
    let source = path.display().to_string();
    let bytes = std::fs::read(path).unwrap_or_default();
    let key = cache.key(&source, &bytes);
    let hash = FileHash {
        path: source,
        blake3: blake3::hash(&bytes).to_hex().to_string(),
        bytes: bytes.len() as u64,
    };
    drop(bytes);
    if let Some(r) = (!full).then(|| cache.get(&key)).flatten() {
        return (r, true, key, hash);
    }
    let r = pipeline::process_file(engine, path);
    let _ = cache.put(&key, &r);
    (r, false, key, hash)
}

fn progress_bar(len: usize) -> indicatif::ProgressBar {
    let b = indicatif::ProgressBar::new(len as u64);
    b.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} reports {msg}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    b
}
