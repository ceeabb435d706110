//! A job's outputs beyond the build tables: charts, ranked tables, the data
//! package, the HTML page, and the manifest (written last, so it describes a
//! finished run).

use super::manifest::{hash_file, FileHash, Manifest};
use super::{page, CompareSpec, JobError, JobSpec};
use crate::chart::{self, ChartInput};
use crate::diag::{Code, Diagnostic, DiagnosticCounts};
use crate::frame::{self, FrameError};
use crate::normalise::{self, selection, table, Comparison};
use crate::pipeline::{self, BuildOutput, Engine};

/// What the page shows: each chart (path, SVG text) and the ranked tables.
pub(super) struct Shown {
    pub charts: Vec<(String, Option<String>)>,
    pub tables: Vec<Comparison>,
}

/// Draw the job's charts and compute its ranked tables (failures are diagnostics).
pub(super) fn charts_and_tables(
    job: &JobSpec,
    input: &ChartInput,
    out: &mut BuildOutput,
    written: &mut Vec<(String, bool)>,
) -> Result<Shown, JobError> {
    let mut extra = Vec::new();
    let mut charts = Vec::new();
    for spec in &job.chart {
        let before = std::fs::read(job.output.join("charts").join(&spec.out)).ok();
        match chart::render_to_file(spec, input, &job.output.join("charts")) {
            Ok(p) => {
                let rel = format!("charts/{}", spec.out.display());
                let now = std::fs::read(&p).ok();
                written.push((rel.clone(), before != now));
                let svg = (p.extension().is_some_and(|e| e == "svg"))
                    .then(|| now.map(|b| String::from_utf8_lossy(&b).into_owned()))
                    .flatten();
                charts.push((rel, svg));
            }
            Err(e) => extra.push(Diagnostic::warning(
                "job",
                Code::ChartFailed,
                format!("{}: {e}", spec.out.display()),
            )),
        }
    }
    let tables = comparisons(&job.compare, input, &mut extra);
    for c in &tables {
        let name = format!("compare/{}_{}_{}.csv", c.indicator, c.year, c.kind.as_str());
        let mut df = table::comparison_frame(c)
            .map_err(|source| FrameError::Polars { path: job.output.join(&name), source })?;
        written.push((name.clone(), frame::write_csv(&mut df, &job.output.join(&name))?));
    }
    out.diagnostics.extend(extra);
    out.diagnostics.sort();
    Ok(Shown { charts, tables })
}

/// The build tables, the data package, the font and the page.
pub(super) fn write_tables_and_page(
    job: &JobSpec,
    engine: &Engine,
    out: &BuildOutput,
    shown: &Shown,
    written: &mut Vec<(String, bool)>,
) -> Result<DiagnosticCounts, JobError> {
    for (path, changed) in pipeline::write_outputs(out, &engine.reference, &job.output)? {
        let rel = path.strip_prefix(&job.output).unwrap_or(&path).display().to_string();
        written.push((rel, changed));
    }
    let workbook = write_workbook(job, engine, out, &shown.tables)?;
    written.push((WORKBOOK_FILE.into(), workbook));
    let counts = out.counts();
    let font = engine.reference.font;
    written.push((page::FONT_FILE.into(), write_bytes(&job.output.join(page::FONT_FILE), font)?));
    let html = page::render(&job.title, out, &counts, &shown.charts, &shown.tables);
    written
        .push(("index.html".into(), write_bytes(&job.output.join("index.html"), html.as_bytes())?));
    Ok(counts)
}

/// The planner's workbook beside the tables.
pub(super) const WORKBOOK_FILE: &str = "tables.xlsx";

/// The workbook a planner opens: the wide panel, then each ranked table, one
/// sheet each, with the focus region's rows marked.
fn write_workbook(
    job: &JobSpec,
    engine: &Engine,
    out: &BuildOutput,
    tables: &[Comparison],
) -> Result<bool, JobError> {
    let path = job.output.join(WORKBOOK_FILE);
    let polars = |source| FrameError::Polars { path: path.clone(), source };
    let panel = frame::panel::panel_wide_frame(&out.panel, engine.catalog()).map_err(polars)?;
    let frames: Vec<polars::prelude::DataFrame> =
        tables.iter().map(table::comparison_frame).collect::<Result<_, _>>().map_err(polars)?;
    let focus: std::collections::BTreeSet<&str> = tables
        .iter()
        .flat_map(|t| t.rows.iter().filter(|r| r.is_focus).map(|r| r.region_code.as_str()))
        .collect();
    let codes = panel.column("region_code").and_then(|c| c.str().cloned()).map_err(polars)?;
    let panel_focus = codes
        .iter()
        .enumerate()
        .filter(|(_, code)| code.is_some_and(|c| focus.contains(c)))
        .map(|(i, _)| i)
        .collect();
    let mut sheets =
        vec![frame::xlsx::Sheet { name: "panel".into(), frame: &panel, focus: panel_focus }];
    for (t, df) in tables.iter().zip(&frames) {
        sheets.push(frame::xlsx::Sheet {
            name: format!("{}_{}_{}", t.indicator, t.year, t.kind.as_str()),
            frame: df,
            focus: t.rows.iter().enumerate().filter(|(_, r)| r.is_focus).map(|(i, _)| i).collect(),
        });
    }
    Ok(frame::xlsx::write_workbook(&path, &sheets)?)
}

/// The manifest: every input and output with its hash; written last.
pub(super) fn write_manifest(
    job: &JobSpec,
    engine: &Engine,
    out: &BuildOutput,
    inputs: Vec<FileHash>,
    counts: DiagnosticCounts,
    written: &mut Vec<(String, bool)>,
) -> Result<(), JobError> {
    let outputs: Vec<FileHash> =
        written.iter().filter_map(|(rel, _)| hash_file(&job.output.join(rel), rel)).collect();
    let manifest = Manifest {
        engine: env!("CARGO_PKG_NAME").into(),
        engine_version: env!("CARGO_PKG_VERSION").into(),
        catalogs: engine.catalog().versions.clone(),
        catalog_fingerprint: engine.catalog().fingerprint(),
        inputs,
        outputs,
        diagnostics: counts,
        documents: out.documents.len(),
        facts: out.facts.len(),
    };
    let json = serde_json::to_vec_pretty(&manifest).unwrap_or_default();
    written.push(("manifest.json".into(), write_bytes(&job.output.join("manifest.json"), &json)?));
    Ok(())
}

/// The ranked tables of the job.
fn comparisons(
    specs: &[CompareSpec],
    input: &ChartInput,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Comparison> {
    let mut out = Vec::new();
    for s in specs {
        let sel = selection::Selection {
            year: s.year,
            kind: s.kind,
            per: s.per,
            level: s.level,
            within: s.within.as_deref(),
            focus: s.focus.as_deref(),
        };
        let Some(q) = selection::query(&input.panel, &s.indicator, &sel) else {
            diags.push(Diagnostic::warning(
                "job",
                Code::CompareEmpty,
                format!("no values of {} to compare", s.indicator),
            ));
            continue;
        };
        let year = q.year;
        match normalise::compare(
            &input.panel,
            &input.reference.catalog,
            &input.reference.population,
            &input.reference.gazetteer,
            &q,
        ) {
            Ok(c) if !c.rows.is_empty() => out.push(c),
            Ok(_) => diags.push(Diagnostic::warning(
                "job",
                Code::CompareEmpty,
                format!("no values of {} in {year}", s.indicator),
            )),
            Err(e) => diags.push(Diagnostic::warning("job", Code::CompareFailed, e.to_string())),
        }
    }
    out
}

fn write_bytes(path: &std::path::Path, bytes: &[u8]) -> Result<bool, FrameError> {
    frame::write_atomic(path, |w| {
        w.write_all(bytes).map_err(|source| FrameError::Io { path: path.to_path_buf(), source })
    })
}
