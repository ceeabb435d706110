//! Facts of a document's table lines (a work report's tables are last
//! year's results); the facts of one row share its quote and origin.

use super::Pass;
use crate::extract::{tables, Fact, FactKind, Rule, Shared};
use crate::locate::DocType;

impl Pass<'_> {
    /// Facts of the table lines (a work report's tables are last year's results).
    pub(in crate::extract) fn table_facts(&self) -> Vec<Fact> {
        let meta = self.meta;
        let table_year = if meta.doc_type == DocType::GovWorkReport {
            meta.report_year.map(|y| y - 1)
        } else {
            meta.report_year
        };
        let catalog = &self.ex.catalog;
        let mut facts = Vec::new();
        // the facts of one row share its quote and origin
        let mut row: Option<(usize, Shared, Shared)> = None;
        for tv in tables::read_tables(catalog, &self.lines) {
            let ind = &catalog.indicators[tv.indicator];
            if !self.applies(ind) {
                continue;
            }
            if row.as_ref().is_none_or(|r| r.0 != tv.line_start) {
                let evidence = self.evidence_of(tv.line_start, tv.line_end).into();
                let origin = format!("table line {}", self.line_of(tv.line_start)).into();
                row = Some((tv.line_start, evidence, origin));
            }
            let Some((_, evidence, origin)) = &row else { continue };
            let (s, e) = self.doc.norm.orig_span(tv.line_start, tv.line_end);
            facts.push(
                Fact::new(&self.about, ind, tv.value, FactKind::Actual, table_year, tv.rule)
                    .with_span(s, e)
                    .with_evidence(evidence.clone())
                    .with_origin(origin.clone()),
            );
        }
        facts
    }

    /// The national disclosure template's cells (each names its table, row
    /// and column; its evidence is the row as printed; its year the report's),
    /// and what of the template could not be placed.
    pub(in crate::extract) fn template_facts(&self) -> (Vec<Fact>, Vec<String>, Vec<String>) {
        let catalog = &self.ex.catalog;
        let reading = self.ex.template.read(&self.lines);
        let mut facts = Vec::new();
        let mut row: Option<(usize, Shared)> = None;
        for cell in reading.cells {
            let Some(ind) = catalog.get(&cell.id).filter(|i| self.applies(i)) else { continue };
            if row.as_ref().is_none_or(|r| r.0 != cell.line_start) {
                row = Some((
                    cell.line_start,
                    self.evidence_of(cell.line_start, cell.line_end).into(),
                ));
            }
            let Some((_, evidence)) = &row else { continue };
            let (s, e) = self.doc.norm.orig_span(cell.line_start, cell.line_end);
            let year = self.meta.report_year;
            facts.push(
                Fact::new(
                    &self.about,
                    ind,
                    cell.value,
                    FactKind::Actual,
                    year,
                    Rule::TableTemplate,
                )
                .with_span(s, e)
                .with_evidence(evidence.clone())
                .with_origin(cell.origin.into()),
            );
        }
        (facts, reading.unplaced, reading.breaks)
    }
}
