//! Scheduled runs: `yardstick run job.toml` does a whole job from one
//! declarative file — incremental extraction through a content-hash cache,
//! one lock per output folder, atomic outputs, charts, ranked tables, a
//! Frictionless data package, an HTML report and a manifest written last.

pub mod cache;
pub mod datapackage;
pub mod lock;
pub mod manifest;
pub mod report;
pub mod spec;

pub use spec::{CompareSpec, JobSpec};

use crate::build::{self, BuildError, BuildSettings, Engine, FileResult};
use crate::chart::{self, ChartInput};
use crate::diag::{Diagnostic, DiagnosticCounts};
use crate::frame::{self, FrameError};
use crate::locate::Gazetteer;
use crate::normalise::{self, peers, table, Comparison, Population};
use cache::Cache;
use lock::{LockError, OutputLock};
use manifest::{hash_file, FileHash, Manifest};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

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
    #[error("cannot load reference data: {0}")]
    Datasets(String),
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

/// Extract every input, from the cache where the input is unchanged.
fn extract_all(
    engine: &Engine,
    cache: &Cache,
    files: &[PathBuf],
    opts: &RunOptions,
    log: &(dyn Fn(&str) + Sync),
) -> (Vec<(FileResult, bool, String, FileHash)>, usize) {
    let done = AtomicUsize::new(0);
    let bar = opts.progress_bars.then(|| {
        let b = indicatif::ProgressBar::new(files.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} reports {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let step = (files.len() / 10).max(1);
    let results: Vec<(FileResult, bool, String, FileHash)> = files
        .par_iter()
        .map(|p| {
            let source = p.display().to_string();
            let bytes = std::fs::read(p).unwrap_or_default();
            let key = cache.key(&source, &bytes);
            let hash = FileHash {
                path: source.clone(),
                blake3: blake3::hash(&bytes).to_hex().to_string(),
                bytes: bytes.len() as u64,
            };
            let cached = if opts.full { None } else { cache.get(&key) };
            let (result, from_cache) = match cached {
                Some(r) => (r, true),
                None => {
                    let r = build::process_file(engine, p);
                    let _ = cache.put(&key, &r);
                    (r, false)
                }
            };
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            match &bar {
                Some(b) => b.inc(1),
                None if n % step == 0 || n == files.len() => {
                    log(&format!("read {n}/{} reports", files.len()))
                }
                None => {}
            }
            (result, from_cache, key, hash)
        })
        .collect();
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let extracted = results.iter().filter(|r| !r.1).count();
    (results, extracted)
}

/// The ranked tables of the job.
fn comparisons(
    specs: &[CompareSpec],
    input: &ChartInput,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Comparison> {
    let mut out = Vec::new();
    for s in specs {
        let sel = peers::Selection {
            year: s.year,
            kind: s.kind.as_deref(),
            per: s.per,
            level: s.level.as_deref(),
            within: s.within.as_deref(),
            focus: s.focus.as_deref(),
        };
        let Some(q) = peers::query(&input.panel, &s.indicator, &sel) else {
            diags.push(Diagnostic::warning(
                "job",
                "compare.empty",
                format!("no values of {} to compare", s.indicator),
            ));
            continue;
        };
        let year = q.year;
        match normalise::compare(
            &input.panel,
            &input.catalog,
            &input.population,
            &input.gazetteer,
            &q,
        ) {
            Ok(c) if !c.rows.is_empty() => out.push(c),
            Ok(_) => diags.push(Diagnostic::warning(
                "job",
                "compare.empty",
                format!("no values of {} in {year}", s.indicator),
            )),
            Err(e) => diags.push(Diagnostic::warning("job", "compare.failed", e.to_string())),
        }
    }
    out
}

/// Run a job. `log` receives plain progress lines (cron-friendly).
pub fn run(
    job: &JobSpec,
    opts: &RunOptions,
    log: &(dyn Fn(&str) + Sync),
) -> Result<RunSummary, JobError> {
    let _lock = OutputLock::acquire(&job.output)?;
    remove_stale_temporaries(&job.output);
    let datasets = build::find_datasets(job.datasets.as_deref())?;
    let settings = BuildSettings {
        datasets: datasets.clone(),
        catalogs: job.catalogs.clone(),
        corrections: job.corrections.clone(),
    };
    let engine = Engine::load(&settings)?;
    let engine_key = format!(
        "{} {} {}",
        env!("CARGO_PKG_NAME"),
        env!("CARGO_PKG_VERSION"),
        engine.catalog().fingerprint()
    );
    let cache = Cache::new(&job.output, &engine_key);

    let mut diags = Vec::new();
    let files = job.input_paths(&mut diags);
    log(&format!("{} reports in {} inputs", files.len(), job.inputs.len()));
    let (results, extracted) = extract_all(&engine, &cache, &files, opts, log);
    let keep: BTreeSet<String> = results.iter().map(|r| r.2.clone()).collect();
    let input_hashes: Vec<FileHash> = results.iter().map(|r| r.3.clone()).collect();
    let cached = results.len() - extracted;
    log(&format!("{extracted} extracted, {cached} unchanged (cached)"));
    let mut out = build::merge(&engine, results.into_iter().map(|r| r.0).collect(), diags);
    if let Some(path) = &job.corrections {
        crate::corrections::apply_file(engine.catalog(), path, &mut out);
    }

    // charts and ranked tables from the in-memory panel
    let input = ChartInput {
        panel: out.panel.clone(),
        documents: out.documents.clone(),
        catalog: engine.catalog().clone(),
        population: Population::load(&datasets.join("population"))
            .map_err(|e| JobError::Datasets(e.to_string()))?,
        gazetteer: Gazetteer::load(&datasets.join("regions/regions.csv"))
            .map_err(|e| JobError::Datasets(e.to_string()))?,
        font: chart::style::load_font(&datasets.join("fonts/NotoSansSC-Regular-GB2312.ttf"))
            .map_err(JobError::Datasets)?,
    };
    let mut extra = Vec::new();
    let mut chart_paths = Vec::new();
    let mut written: Vec<(String, bool)> = Vec::new();
    for spec in &job.chart {
        let before = std::fs::read(job.output.join("charts").join(&spec.out)).ok();
        match chart::render_to_file(spec, &input, &job.output.join("charts")) {
            Ok(p) => {
                let rel = format!("charts/{}", spec.out.display());
                let now = std::fs::read(&p).ok();
                written.push((rel.clone(), before != now));
                let svg = (p.extension().is_some_and(|e| e == "svg"))
                    .then(|| now.map(|b| String::from_utf8_lossy(&b).into_owned()))
                    .flatten();
                chart_paths.push((rel, svg));
            }
            Err(e) => extra.push(Diagnostic::warning(
                "job",
                "chart.failed",
                format!("{}: {e}", spec.out.display()),
            )),
        }
    }
    let tables = comparisons(&job.compare, &input, &mut extra);
    for c in &tables {
        let name = format!("compare/{}_{}_{}.csv", c.indicator, c.year, c.kind);
        let mut df = table::comparison_frame(c)
            .map_err(|source| FrameError::Polars { path: job.output.join(&name), source })?;
        written.push((name.clone(), frame::write_csv(&mut df, &job.output.join(&name))?));
    }
    out.diagnostics.extend(extra);
    out.diagnostics.sort();

    // the tables, the data package, the page; the manifest last
    for (path, changed) in build::write_outputs(&out, engine.catalog(), &job.output)? {
        written
            .push((path.strip_prefix(&job.output).unwrap_or(&path).display().to_string(), changed));
    }
    let panel_columns: Vec<String> = frame::panel::panel_wide_frame(&out.panel, engine.catalog())
        .map(|df| df.get_column_names().iter().map(|c| c.to_string()).collect())
        .unwrap_or_default();
    let package =
        serde_json::to_vec_pretty(&datapackage::datapackage(engine.catalog(), &panel_columns))
            .unwrap_or_default();
    written.push((
        "datapackage.json".into(),
        write_bytes(&job.output.join("datapackage.json"), &package)?,
    ));
    let counts = out.counts();
    written.push((
        report::FONT_FILE.into(),
        write_bytes(&job.output.join(report::FONT_FILE), input.font)?,
    ));
    let html = report::render(&job.title, &out, &counts, &chart_paths, &tables);
    written
        .push(("index.html".into(), write_bytes(&job.output.join("index.html"), html.as_bytes())?));
    let pruned = cache.prune(&keep);

    let outputs: Vec<FileHash> =
        written.iter().filter_map(|(rel, _)| hash_file(&job.output.join(rel), rel)).collect();
    let manifest = Manifest {
        engine: env!("CARGO_PKG_NAME").into(),
        engine_version: env!("CARGO_PKG_VERSION").into(),
        catalogs: engine.catalog().versions.clone(),
        catalog_fingerprint: engine.catalog().fingerprint(),
        inputs: input_hashes,
        outputs,
        diagnostics: counts,
        documents: out.documents.len(),
        facts: out.facts.len(),
    };
    let json = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    written.push(("manifest.json".into(), write_bytes(&job.output.join("manifest.json"), &json)?));
    Ok(RunSummary {
        inputs: files.len(),
        extracted,
        cached,
        pruned,
        documents: out.documents.len(),
        facts: out.facts.len(),
        counts,
        failed_inputs: out.failed_inputs(),
        written,
    })
}

fn write_bytes(path: &Path, bytes: &[u8]) -> Result<bool, FrameError> {
    frame::write_atomic(path, |w| {
        w.write_all(bytes).map_err(|source| FrameError::Io { path: path.to_path_buf(), source })
    })
}
