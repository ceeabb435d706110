//! Scheduled runs: `yardstick run job.toml` does a whole job from one
//! declarative file — incremental extraction through a content-hash cache,
//! one lock per output folder, atomic outputs, charts, ranked tables, a
//! Frictionless data package, an HTML report and a manifest written last.

pub mod cache;
mod extract;
pub mod lock;
pub mod manifest;
mod outputs;
pub mod page;
pub mod spec;

pub use spec::{CompareSpec, JobSpec};

use crate::chart::ChartInput;
use crate::diag::DiagnosticCounts;
use crate::frame::FrameError;
use crate::pipeline::{self, BuildError, BuildSettings, Engine};
use crate::reference;
use cache::Cache;
use lock::{LockError, OutputLock};
use std::collections::BTreeSet;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error(transparent)]
    Spec(#[from] spec::SpecError),
    #[error(transparent)]
    Lock(#[from] LockError),
    #[error(transparent)]
    Build(#[from] BuildError),
    #[error(transparent)]
    Write(#[from] FrameError),
}

/// How to run.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// ignore the cache and extract every input again
    pub full: bool,
    /// draw progress bars (a terminal); otherwise plain log lines
    pub progress_bars: bool,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    pub inputs: usize,
    pub extracted: usize,
    pub cached: usize,
    pub pruned: usize,
    pub documents: usize,
    pub facts: usize,
    pub counts: DiagnosticCounts,
    pub failed_inputs: usize,
    /// output files (relative to the output folder) and whether this run changed them
    pub written: Vec<(String, bool)>,
}

/// Remove temporary files a killed run may have left (never a finished output).
fn remove_stale_temporaries(dir: &Path) {
    for sub in
        [dir.to_path_buf(), dir.join("charts"), dir.join("compare"), dir.join(cache::CACHE_DIR)]
    {
        let Ok(entries) = std::fs::read_dir(&sub) else { continue };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(".yardstick-") && name.ends_with(".tmp") {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Run a job. `log` receives plain progress lines (cron-friendly).
pub fn run(
    job: &JobSpec,
    opts: &RunOptions,
    log: &(dyn Fn(&str) + Sync),
) -> Result<RunSummary, JobError> {
    let _lock = OutputLock::acquire(&job.output)?;
    remove_stale_temporaries(&job.output);
    let settings = BuildSettings {
        datasets: reference::find_datasets(job.datasets.as_deref()).map_err(BuildError::from)?,
        catalogs: job.catalogs.clone(),
        corrections: job.corrections.clone(),
        shard: None,
        rules: job.rules.clone(),
    };
    let engine = Engine::load(&settings)?;
    let cache = Cache::new(&job.output, &engine_key(&engine));

    let mut diags = Vec::new();
    let files = job.input_paths(&mut diags);
    log(&format!("{} reports in {} inputs", files.len(), job.inputs.len()));
    let extracted = extract::extract_all(&engine, &cache, &files, opts, log);
    log(&format!("{} extracted, {} unchanged (cached)", extracted.extracted, extracted.cached));
    let keep: BTreeSet<String> = extracted.keys.iter().cloned().collect();
    let mut out = pipeline::finish(&engine, extracted.results, diags, job.corrections.as_deref());

    // charts and ranked tables from the in-memory panel, then every output
    let input = ChartInput {
        panel: out.panel.clone(),
        documents: out.documents.clone(),
        reference: &engine.reference,
    };
    let mut written = Vec::new();
    let shown = outputs::charts_and_tables(job, &input, &mut out, &mut written)?;
    let counts = outputs::write_tables_and_page(job, &engine, &out, &shown, &mut written)?;
    let pruned = cache.prune(&keep);
    outputs::write_manifest(job, &engine, &out, extracted.hashes, counts, &mut written)?;
    Ok(RunSummary {
        inputs: files.len(),
        extracted: extracted.extracted,
        cached: extracted.cached,
        pruned,
        documents: out.documents.len(),
        facts: out.facts.len(),
        counts,
        failed_inputs: out.failed_inputs(),
        written,
    })
}

/// What invalidates the cache: the engine's version and the catalog.
fn engine_key(engine: &Engine) -> String {
    engine.fingerprint()
}
