//! The pipeline, in the order it runs: collect the inputs → read each
//! (rayon map; `ingest::open`) → locate → extract → merge and sort →
//! corrections → panel → checks → write. A build and a scheduled run (with
//! its cache) both go through here.

pub mod merge;
mod record;
pub mod shard;
pub mod write;

use crate::catalog::{Catalog, Units};
use crate::diag::{Code, Diagnostic, DiagnosticCounts, Severity};
use crate::extract::tables::sheet::LayoutWords;
use crate::extract::words::TextWords;
use crate::extract::{self, Extractor, Fact, Wording};
use crate::frame::{self, DocRecord, PanelRow};
use crate::ingest::cells::CellWords;
use crate::ingest::PageChrome;
use crate::ingest::{self, Content, Input};
use crate::locate::words::PlaceWords;
use crate::locate::Kinds;
use crate::locate::{self, Gazetteer};
use crate::normalise::labels::ChartLabels;
use crate::reference::{Reference, ReferenceError};
use crate::vocabulary::{VocabularyError, VocabularyFile};
pub use merge::{merge, MergeError};
use rayon::prelude::*;
pub use shard::Shard;
use std::path::{Path, PathBuf};
pub use write::{write_outputs, OUTPUT_FILES};

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Reference(#[from] ReferenceError),
    #[error(transparent)]
    Frame(#[from] frame::FrameError),
    #[error(transparent)]
    Wording(#[from] crate::extract::wording::WordingError),
    #[error(transparent)]
    Vocabulary(#[from] VocabularyError),
    #[error("cannot build frame")]
    Polars(#[from] polars::prelude::PolarsError),
}

/// Resolved settings of a build.
#[derive(Debug, Clone, Default)]
pub struct BuildSettings {
    pub datasets: PathBuf,
    /// catalog names to use (all when empty)
    pub catalogs: Vec<String>,
    pub corrections: Option<PathBuf>,
    /// build only this slice of the inputs
    pub shard: Option<Shard>,
    /// a user's rules file extending the bundled wording
    pub rules: Option<PathBuf>,
}

/// Reference data and the matchers compiled from it: loaded once per run,
/// shared by all threads.
pub struct Engine {
    pub reference: Reference,
    pub extractor: Extractor,
    /// the fingerprint of the vocabulary it installed
    vocabulary: String,
}

/// The vocabulary files whose words decide what is extracted: their hash
/// keys the cache (chart labels change no fact and stay out).
pub const VOCABULARY_FILES: [&str; 7] = [
    PlaceWords::FILE,
    Units::FILE,
    Kinds::FILE,
    TextWords::FILE,
    LayoutWords::FILE,
    PageChrome::FILE,
    CellWords::FILE,
];

/// Read every vocabulary list of a datasets folder and make them the
/// process's; the fingerprint of those that decide extraction.
pub fn install_vocabulary(datasets: &Path) -> Result<String, VocabularyError> {
    Units::load(datasets)?.install();
    Kinds::load(datasets)?.install();
    PlaceWords::load(datasets)?.install();
    LayoutWords::load(datasets)?.install();
    TextWords::load(datasets)?.install();
    PageChrome::load(datasets)?.install();
    CellWords::load(datasets)?.install();
    ChartLabels::load(datasets)?.install();
    crate::vocabulary::fingerprint(datasets, &VOCABULARY_FILES)
}

impl Engine {
    pub fn load(settings: &BuildSettings) -> Result<Engine, BuildError> {
        // first: the catalogs read their units through it
        let vocabulary = install_vocabulary(&settings.datasets)?;
        let reference = Reference::load(&settings.datasets, &settings.catalogs)?;
        let mut wording = Wording::load(&settings.datasets)?;
        if let Some(path) = &settings.rules {
            wording = wording.with_user_file(path)?;
        }
        let mut extractor = Extractor::with_wording(reference.catalog.clone(), wording);
        extractor.template = crate::extract::tables::template::Template::load(&settings.datasets)?;
        extractor.ratios = crate::extract::cues::ratios::Ratios::load(&settings.datasets)?;
        Ok(Engine { reference, extractor, vocabulary })
    }

    /// What extraction depends on besides the input: engine version,
    /// catalog (vetoes included), wording, template, ratios, the vocabulary
    /// (units, kinds, layout words, page chrome) and gazetteer. Keys the cache.
    pub fn fingerprint(&self) -> String {
        format!(
            "{} {} catalog {} wording {} template {} ratios {} vocabulary {} gazetteer {}",
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION"),
            self.extractor.catalog.fingerprint(),
            self.extractor.wording.fingerprint(),
            self.extractor.template.fingerprint(),
            self.extractor.ratios.fingerprint(),
            self.vocabulary,
            self.reference.gazetteer.fingerprint()
        )
    }

    pub fn catalog(&self) -> &Catalog {
        &self.extractor.catalog
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.reference.gazetteer
    }
}

/// What one input file yields.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct FileResult {
    pub document: Option<DocRecord>,
    pub facts: Vec<Fact>,
    pub diagnostics: Vec<Diagnostic>,
    /// for a workbook: sheets read, and sheets that gave facts
    #[serde(default)]
    pub sheets: (u32, u32),
}

impl FileResult {
    fn failed(d: Diagnostic) -> FileResult {
        FileResult { diagnostics: vec![d], ..Default::default() }
    }

    /// Kept until the batch is merged: held at its size, not at the
    /// capacity its lists grew to.
    fn compact(mut self) -> FileResult {
        self.facts.shrink_to_fit();
        self.diagnostics.shrink_to_fit();
        self
    }
}

/// Everything a build produced, sorted.
#[derive(Debug, Clone, Default)]
pub struct BuildOutput {
    pub documents: Vec<DocRecord>,
    pub facts: Vec<Fact>,
    pub diagnostics: Vec<Diagnostic>,
    pub panel: Vec<PanelRow>,
    /// workbook sheets read, and sheets that gave facts
    pub sheets: (u32, u32),
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
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.source.as_str())
            .collect();
        failed.sort();
        failed.dedup();
        failed.len()
    }
}

/// Read, locate and extract one input file; a bug on one hostile file
/// becomes an `internal.panic` diagnostic, never the end of the batch.
pub fn process_file(engine: &Engine, path: &Path) -> FileResult {
    let run = || match ingest::open(path) {
        Err(d) => FileResult::failed(d),
        Ok(input) => process_input(engine, input).compact(),
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(r) => r,
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            let source = path.display().to_string();
            FileResult::failed(Diagnostic::error(
                &source,
                Code::InternalPanic,
                format!("extraction failed: {msg}"),
            ))
        }
    }
}

/// Locate and extract what was read.
pub fn process_input(engine: &Engine, mut input: Input) -> FileResult {
    let mut diags = std::mem::take(&mut input.diagnostics);
    match &input.content {
        Content::Text(doc) => {
            let (meta, located) = locate::locate(doc, engine.gazetteer());
            diags.extend(located);
            let (facts, extracted) =
                engine.extractor.extract_in(doc, &meta, Some(engine.gazetteer()));
            diags.extend(extracted);
            let mut document = record::of_text(doc, &meta, &facts);
            let covered = engine.reference.coverage.check(meta.doc_type, meta.report_year, &facts);
            if let Some(c) = covered {
                document.coverage = format!("{}/{}", c.found, c.expected);
                if !c.missing.is_empty() {
                    let msg = format!(
                        "its kind nearly always states, not found: {}",
                        c.missing.join(", ")
                    );
                    diags.push(Diagnostic::info(&doc.source, Code::CoverageMissing, msg));
                }
            }
            FileResult { document: Some(document), facts, diagnostics: diags, sheets: (0, 0) }
        }
        Content::Workbook(grids) => {
            let found = extract::tables::sheet::extract_workbook(
                engine.catalog(),
                engine.gazetteer(),
                &input.source,
                &input.id,
                grids,
                &mut diags,
            );
            let document = record::of_workbook(&input, &found);
            let sheets = (found.sheets as u32, found.sheets_with_facts as u32);
            FileResult { document: Some(document), facts: found.facts, diagnostics: diags, sheets }
        }
    }
}

/// Merge per-file results and sort them, apply corrections, then build the
/// panel and its checks once.
pub fn finish(
    engine: &Engine,
    mut results: Vec<FileResult>,
    mut diagnostics: Vec<Diagnostic>,
    corrections: Option<&Path>,
) -> BuildOutput {
    let mut documents = Vec::new();
    let mut facts = largest_facts(&mut results);
    facts.reserve(results.iter().map(|r| r.facts.len()).sum());
    let mut sheets = (0, 0);
    for r in results {
        sheets = (sheets.0 + r.sheets.0, sheets.1 + r.sheets.1);
        documents.extend(r.document);
        facts.extend(r.facts);
        diagnostics.extend(r.diagnostics);
    }
    let mut out = finish_parts(engine, documents, facts, diagnostics, corrections);
    out.sheets = sheets;
    out
}

/// The largest file's facts, taken out to be the merged list (moved, not
/// copied: the facts of a million-row sheet are not held twice). Facts sort
/// by source first, so the order they are joined in does not show.
fn largest_facts(results: &mut [FileResult]) -> Vec<Fact> {
    let largest = results.iter_mut().max_by_key(|r| r.facts.len());
    largest.map(|r| std::mem::take(&mut r.facts)).unwrap_or_default()
}

/// Sort documents, facts and diagnostics, apply corrections, then build the
/// panel and its checks once.
pub fn finish_parts(
    engine: &Engine,
    mut documents: Vec<DocRecord>,
    mut facts: Vec<Fact>,
    mut diagnostics: Vec<Diagnostic>,
    corrections: Option<&Path>,
) -> BuildOutput {
    documents.sort_by(|a: &DocRecord, b| a.source.cmp(&b.source));
    facts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    if let Some(path) = corrections {
        diagnostics.extend(crate::corrections::apply_file(
            engine.catalog(),
            path,
            &mut facts,
            &documents,
        ));
    }
    let panel = frame::panel_rows(&facts, engine.catalog());
    diagnostics.extend(frame::panel::conflicts(&facts));
    diagnostics.sort();
    diagnostics.dedup();
    BuildOutput { documents, facts, diagnostics, panel, sheets: (0, 0) }
}

/// Build from files and folders.
pub fn build(engine: &Engine, inputs: &[PathBuf], settings: &BuildSettings) -> BuildOutput {
    let mut diags = Vec::new();
    let mut files = ingest::collect_inputs(inputs, &mut diags);
    if let Some(shard) = settings.shard {
        let held: Vec<bool> = files.par_iter().map(|p| shard.holds(p)).collect();
        let mut keep = held.into_iter();
        files.retain(|_| keep.next().unwrap_or(false));
    }
    let results: Vec<FileResult> = files.par_iter().map(|p| process_file(engine, p)).collect();
    finish(engine, results, diags, settings.corrections.as_deref())
}
