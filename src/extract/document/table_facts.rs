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
        let (mut quote, mut origin) = (None, None);
        for tv in tables::read_tables(catalog, &self.lines) {
            let ind = &catalog.indicators[tv.indicator];
            if !self.applies(ind) {
                continue;
            }
            let evidence =
                per_row(&mut quote, tv.line_start, || self.evidence_of(tv.line_start, tv.line_end));
            let origin = per_row(&mut origin, tv.line_start, || {
                format!("table line {}", self.line_of(tv.line_start))
            });
            let (s, e) = self.doc.norm.orig_span(tv.line_start, tv.line_end);
            facts.push(
                Fact::new(&self.about, ind, tv.value, FactKind::Actual, table_year, tv.rule)
                    .with_span(s, e)
                    .with_evidence(evidence)
                    .with_origin(origin),
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
        let mut quote = None;
        for cell in reading.cells {
            let Some(ind) = catalog.get(&cell.id).filter(|i| self.applies(i)) else { continue };
            let evidence = per_row(&mut quote, cell.line_start, || {
                self.evidence_of(cell.line_start, cell.line_end)
            });
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
                .with_evidence(evidence)
                .with_origin(cell.origin.into()),
            );
        }
        (facts, reading.unplaced, reading.breaks)
    }
}

/// What the facts of one row share, made once per row (`line_start` keys it).
fn per_row(
    memo: &mut Option<(usize, Shared)>,
    line_start: usize,
    make: impl FnOnce() -> String,
) -> Shared {
    match memo {
        Some((at, shared)) if *at == line_start => shared.clone(),
        _ => memo.insert((line_start, make().into())).1.clone(),
    }
}
