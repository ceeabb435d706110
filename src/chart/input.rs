//! What a chart is drawn from: a build folder's panel and documents, plus the
//! reference data (catalog, population, gazetteer, font) loaded once.

use super::ChartError;
use crate::frame::{self, DocRecord, PanelRow};
use crate::normalise::labels::{fill, labels};
use crate::reference::Reference;
use std::path::Path;

pub struct ChartInput<'r> {
    pub panel: Vec<PanelRow>,
    pub documents: Vec<DocRecord>,
    pub reference: &'r Reference,
}

impl<'r> ChartInput<'r> {
    /// Load `build_dir/{panel_long,documents}.csv`.
    pub fn load(build_dir: &Path, reference: &'r Reference) -> Result<ChartInput<'r>, ChartError> {
        let e = |m: String| ChartError::Input(m);
        let panel = frame::load_panel(build_dir).map_err(|x| e(x.to_string()))?;
        let docs_path = build_dir.join("documents.csv");
        let documents: Vec<DocRecord> = frame::csv_cell::read_table(&docs_path)
            .map_err(|x| e(format!("{}: {x}", docs_path.display())))?;
        Ok(ChartInput { panel, documents, reference })
    }

    /// "来源：5份报告（2022–2024年）" for the sources that fed some panel rows.
    pub fn source_line(&self, sources: &[&str]) -> String {
        let mut used: Vec<&str> = sources.to_vec();
        used.sort();
        used.dedup();
        let mut years: Vec<i32> = self
            .documents
            .iter()
            .filter(|d| used.contains(&d.source.as_str()))
            .filter_map(|d| d.report_year)
            .collect();
        years.sort();
        years.dedup();
        let span = match (years.first(), years.last()) {
            (Some(a), Some(b)) if a == b => fill(&labels().one_year, &[a]),
            (Some(a), Some(b)) => fill(&labels().year_span, &[a, b]),
            _ => String::new(),
        };
        fill(&labels().sources_line, &[&used.len(), &span])
    }
}
