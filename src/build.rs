//! The build job: inputs → documents, facts, panel, diagnostics, in parallel
//! (rayon map, then merge and sort so output does not depend on threads), and
//! the atomic writing of the output folder.

use crate::catalog::{Catalog, CatalogError};
use crate::diag::{Diagnostic, DiagnosticCounts};
use crate::extract::{Extractor, Fact, FactKind};
use crate::frame::{self, DocRecord, FrameError, PanelRow};
use crate::ingest;
use crate::locate::{self, Gazetteer};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Gazetteer(#[from] locate::gazetteer::GazetteerError),
    #[error(transparent)]
    Frame(#[from] FrameError),
    #[error("cannot build frame: {0}")]
    Polars(#[from] polars::prelude::PolarsError),
    #[error("no datasets folder found (looked in {0}); pass --datasets DIR")]
    NoDatasets(String),
}

/// Where the reference data lives: an explicit folder, ./datasets, or the
/// folder this crate was built from.
pub fn find_datasets(explicit: Option<&Path>) -> Result<PathBuf, BuildError> {
    let candidates: Vec<PathBuf> = match explicit {
        Some(p) => vec![p.to_path_buf()],
        None => {
            vec![PathBuf::from("datasets"), Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets")]
        }
    };
    for c in &candidates {
        if c.join("catalog").is_dir() && c.join("regions/regions.csv").is_file() {
            return Ok(c.clone());
        }
    }
    Err(BuildError::NoDatasets(
        candidates.iter().map(|c| c.display().to_string()).collect::<Vec<_>>().join(", "),
    ))
}

/// Resolved settings of a build.
#[derive(Debug, Clone, Default)]
pub struct BuildSettings {
    pub datasets: PathBuf,
    /// catalog names to use (all when empty)
    pub catalogs: Vec<String>,
    pub corrections: Option<PathBuf>,
}

/// Reference data loaded once per run and shared by all threads.
pub struct Engine {
    pub extractor: Extractor,
    pub gazetteer: Gazetteer,
}

impl Engine {
    pub fn load(settings: &BuildSettings) -> Result<Engine, BuildError> {
        let catalog = Catalog::load_dir(&settings.datasets.join("catalog"), &settings.catalogs)?;
        let gazetteer = Gazetteer::load(&settings.datasets.join("regions/regions.csv"))?;
        Ok(Engine { extractor: Extractor::new(catalog), gazetteer })
    }

    pub fn catalog(&self) -> &Catalog {
        &self.extractor.catalog
    }
}

/// What one input file yields.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct FileResult {
    pub document: Option<DocRecord>,
    pub facts: Vec<Fact>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Everything a build produced, sorted.
#[derive(Debug, Clone, Default)]
pub struct BuildOutput {
    pub documents: Vec<DocRecord>,
    pub facts: Vec<Fact>,
    pub diagnostics: Vec<Diagnostic>,
    pub panel: Vec<PanelRow>,
}

impl BuildOutput {
    pub fn counts(&self) -> DiagnosticCounts {
        DiagnosticCounts::of(&self.diagnostics)
    }

    /// Inputs that could not be used at all.
    pub fn failed_inputs(&self) -> usize {
        let mut failed: Vec<&str> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .map(|d| d.source.as_str())
            .collect();
        failed.sort();
        failed.dedup();
        failed.len()
    }
}

/// Read, locate and extract one text or HTML file.
pub fn process_file(engine: &Engine, path: &Path) -> FileResult {
    let source = path.display().to_string();
    let run = || -> FileResult {
        if ingest::is_sheet_path(path) {
            return crate::sheet::process_sheet(engine, path);
        }
        match ingest::read_text_file(path) {
            Err(d) => FileResult { document: None, facts: Vec::new(), diagnostics: vec![d] },
            Ok((doc, diags)) => process_document(engine, &doc, diags),
        }
    };
    // a bug on one hostile file must not end the batch
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(r) => r,
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            FileResult {
                diagnostics: vec![Diagnostic::error(
                    &source,
                    "internal.panic",
                    format!("extraction failed: {msg}"),
                )],
                ..Default::default()
            }
        }
    }
}

/// Locate and extract one decoded document (text or HTML).
pub fn process_document(
    engine: &Engine,
    doc: &ingest::Document,
    mut diags: Vec<Diagnostic>,
) -> FileResult {
    let (meta, located) = locate::locate(doc, &engine.gazetteer);
    diags.extend(located);
    let (facts, extracted) = engine.extractor.extract(doc, &meta);
    diags.extend(extracted);
    let record = DocRecord {
        source: doc.source.clone(),
        doc_id: doc.id.clone(),
        issuer: meta.issuer.clone(),
        region_code: meta.region_code.clone(),
        region_name: meta.region_name.clone(),
        level: meta.level.map(|l| l.as_str().to_string()).unwrap_or_default(),
        province_code: meta.province_code.clone(),
        prefecture_code: meta.prefecture_code.clone(),
        report_year: meta.report_year,
        published: meta.published.clone(),
        doc_type: meta.doc_type.as_str().to_string(),
        format: doc.format.as_str().to_string(),
        encoding: doc.encoding.clone(),
        bytes: doc.bytes,
        facts: facts.iter().filter(|f| f.kind != FactKind::Period).count() as u32,
    };
    FileResult { document: Some(record), facts, diagnostics: diags }
}

/// Merge per-file results into sorted outputs and the panel.
pub fn merge(
    engine: &Engine,
    results: Vec<FileResult>,
    mut diagnostics: Vec<Diagnostic>,
) -> BuildOutput {
    let mut documents = Vec::new();
    let mut facts = Vec::new();
    for r in results {
        documents.extend(r.document);
        facts.extend(r.facts);
        diagnostics.extend(r.diagnostics);
    }
    documents.sort_by(|a: &DocRecord, b| a.source.cmp(&b.source));
    facts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.sort();
    diagnostics.dedup();
    let panel = frame::panel_rows(&facts, engine.catalog());
    diagnostics.extend(frame::panel::conflicts(&facts));
    diagnostics.sort();
    BuildOutput { documents, facts, diagnostics, panel }
}

/// Build from files and folders.
pub fn build(engine: &Engine, inputs: &[PathBuf], settings: &BuildSettings) -> BuildOutput {
    let mut diags = Vec::new();
    let files = ingest::collect_inputs(inputs, &mut diags);
    let results: Vec<FileResult> = files.par_iter().map(|p| process_file(engine, p)).collect();
    let mut out = merge(engine, results, diags);
    if let Some(path) = &settings.corrections {
        crate::corrections::apply_file(engine.catalog(), path, &mut out);
    }
    out
}

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
    let one_year: Vec<Fact> =
        out.facts.iter().filter(|f| f.kind != FactKind::Period).cloned().collect();
    let periods: Vec<Fact> =
        out.facts.iter().filter(|f| f.kind == FactKind::Period).cloned().collect();
    let mut written = Vec::new();
    let mut w = |name: &str,
                 df: &mut polars::prelude::DataFrame,
                 parquet: bool|
     -> Result<(), BuildError> {
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
