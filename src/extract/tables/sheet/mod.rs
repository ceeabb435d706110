//! Spreadsheets (xlsx, xlsm, xls, ods, csv) into facts: the grids ingest read
//! are laid out (title, headers, region and year labels), resolved against
//! the catalog and gazetteer, and converted to catalog units. Each fact
//! carries its cell (`book.xlsx!2023!D7`).

mod book;
mod labels;
pub mod layout;
pub use labels::LayoutWords;
pub mod resolve;

use crate::catalog::{Catalog, Indicator};
use crate::diag::{Code, Diagnostic};
use crate::extract::{Fact, FactKind, Rule, Shared, Subject};
use crate::ingest::{cells, workbook, Grid};
use crate::locate::{DocType, Gazetteer, Region};
use book::{main_year, no_facts_message, workbook_scope};
use layout::{RawValue, Shape, Table};
use rayon::prelude::*;
use resolve::RegionMatch;
use resolve::Resolver;
use std::collections::BTreeSet;

/// What a workbook yields: its facts and what the workbook as a whole is about.
#[derive(Debug, Default)]
pub struct WorkbookFacts {
    pub facts: Vec<Fact>,
    /// the region its titles or file name name
    pub scope: Option<Region>,
    /// the year most of its values are for
    pub report_year: Option<i32>,
    /// sheets read, and how many of them gave facts
    pub sheets: usize,
    pub sheets_with_facts: usize,
}

/// Read every grid of one workbook into facts.
pub fn extract_workbook(
    catalog: &Catalog,
    gazetteer: &Gazetteer,
    source: &str,
    doc_id: &str,
    grids: &[Grid],
    diags: &mut Vec<Diagnostic>,
) -> WorkbookFacts {
    let book = crate::ingest::file_name(source);
    let about = Subject { source: source.into(), doc_id: doc_id.into(), ..Default::default() };
    // sheets are read side by side (a workbook of year sheets), then joined in order
    let read: Vec<(Vec<Fact>, Vec<Diagnostic>, BTreeSet<String>)> = grids
        .par_iter()
        .map(|grid| {
            let cell_prefix = format!("{book}!{}!", grid.name);
            let sheet =
                SheetReader { catalog, gazetteer, about: &about, book: &book, grid, cell_prefix };
            let (mut said, mut unknown) = (Vec::new(), BTreeSet::new());
            let found = sheet.facts(&mut said, &mut unknown);
            (found, said, unknown)
        })
        .collect();
    let mut facts = Vec::new();
    let mut unknown = BTreeSet::new();
    let mut sheets_with_facts = 0;
    for (found, said, heads) in read {
        sheets_with_facts += usize::from(!found.is_empty());
        diags.extend(said);
        unknown.extend(heads);
        if facts.is_empty() {
            facts = found; // one sheet's facts are moved, not copied
        } else {
            facts.extend(found);
        }
    }
    if facts.is_empty() {
        diags.push(Diagnostic::warning(
            source,
            Code::SheetNoFacts,
            no_facts_message(catalog, &unknown),
        ));
    }
    let scope = workbook_scope(gazetteer, grids, &book);
    WorkbookFacts {
        report_year: main_year(&facts),
        facts,
        scope,
        sheets: grids.len(),
        sheets_with_facts,
    }
}

/// One sheet being read.
struct SheetReader<'a> {
    catalog: &'a Catalog,
    gazetteer: &'a Gazetteer,
    about: &'a Subject,
    book: &'a str,
    grid: &'a Grid,
    /// `book.xlsx!sheet!`, the start of every cell's name
    cell_prefix: String,
}

/// What a sheet's values share: its layout, region scope, year and rule.
struct SheetContext {
    scope: Option<String>,
    year: Option<i32>,
    rule: Rule,
    /// per column, the largest absolute value (fractions shown as percentages)
    col_max: Vec<f64>,
}

impl<'a> SheetReader<'a> {
    fn source(&self) -> &str {
        &self.about.source
    }

    /// `book.xlsx!sheet!D7`: written by hand, it is made for every fact.
    fn cell(&self, v: &RawValue) -> String {
        let mut s = String::new();
        self.push_cell(&mut s, v);
        s
    }

    fn push_cell(&self, s: &mut String, v: &RawValue) {
        s.push_str(&self.cell_prefix);
        cells::push_column_name(s, v.col);
        s.push_str(itoa::Buffer::new().format(v.row + 1));
    }

    /// Facts of one sheet: every table stacked in it, each with its own title.
    fn facts(&self, diags: &mut Vec<Diagnostic>, unknown: &mut BTreeSet<String>) -> Vec<Fact> {
        let g = self.gazetteer;
        let is_region = |s: &str| {
            s.trim().chars().count() >= 2
                && !matches!(resolve::region_for(g, s, None), RegionMatch::Unknown)
        };
        self.warn_truncated(diags);
        let mut resolver = Resolver::default();
        let mut facts = Vec::new();
        for table in layout::read_tables(self.grid, &is_region) {
            let Some(shape) = table.shape else { continue };
            let ctx = self.context(&table, shape);
            resolver.forget_last();
            facts.reserve(table.values.len());
            for v in &table.values {
                match self.value_fact(&mut resolver, v, &ctx, diags) {
                    Ok(f) => facts.extend(f),
                    Err(NoYear) => break, // said once: a table with no year gives no facts
                }
            }
        }
        unknown.extend(resolver.unknown_labels.iter().filter(|l| !l.is_empty()).cloned());
        facts
    }

    /// One value as a fact: its indicator, region and year resolved.
    fn value_fact(
        &self,
        resolver: &mut Resolver<'a>,
        v: &RawValue,
        ctx: &SheetContext,
        diags: &mut Vec<Diagnostic>,
    ) -> Result<Option<Fact>, NoYear> {
        let Some(ind) = self.indicator(resolver, v, diags) else { return Ok(None) };
        // a 其中 part is never its whole's value
        if let Some(whole) = &v.part_of {
            let whole = resolve::indicator_for(self.catalog, whole, DocType::StatTable.as_str());
            if whole.is_some_and(|w| w.id == ind.id) {
                return Ok(None);
            }
        }
        let region = match resolver.last.region.get(&v.region) {
            Some(found) => found,
            None => {
                let found = self.region(resolver, v, ctx.scope.as_deref(), diags);
                resolver.last.region.set(&v.region, found);
                found
            }
        };
        let Some(region) = region else {
            return Ok(None);
        };
        let Some(year) = v.year.or(ctx.year) else {
            let msg = "no year in the sheet name, a year column, the title or the file name";
            diags.push(Diagnostic::warning(self.source(), Code::SheetNoYear, msg).at(self.cell(v)));
            return Err(NoYear);
        };
        Ok(self.fact(resolver, v, ind, region, year, ctx, diags))
    }

    fn warn_truncated(&self, diags: &mut Vec<Diagnostic>) {
        if self.grid.truncated == 0 {
            return;
        }
        let msg = format!(
            "{} rows beyond the first {} were not read",
            self.grid.truncated,
            workbook::MAX_ROWS
        );
        diags.push(
            Diagnostic::warning(self.source(), Code::SheetTruncated, msg)
                .at(format!("{}!{}", self.book, self.grid.name)),
        );
    }

    fn context(&self, table: &Table, shape: Shape) -> SheetContext {
        let title = table.title.join(" ");
        let texts = [table.scope_text.as_str(), &title, &self.grid.name, self.book];
        let scope = resolve::scope_of(self.gazetteer, &texts);
        let year = layout::year_of(&self.grid.name)
            .or_else(|| layout::year_of(&title))
            .or_else(|| layout::year_of(self.book));
        let mut col_max: Vec<f64> = Vec::new();
        for v in &table.values {
            if col_max.len() <= v.col {
                col_max.resize(v.col + 1, 0.0);
            }
            col_max[v.col] = col_max[v.col].max(v.value.abs());
        }
        let rule = match shape {
            Shape::Wide => Rule::SheetWide,
            Shape::Transposed => Rule::SheetTransposed,
            Shape::Long => Rule::SheetLong,
        };
        SheetContext { scope, year, rule, col_max }
    }

    /// The catalog indicator of a value's label (an unknown label is said once).
    fn indicator(
        &self,
        resolver: &mut Resolver<'a>,
        v: &RawValue,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<&'a Indicator> {
        if let Some(found) = resolver.last.label.get(v.col, &v.label) {
            return found;
        }
        let catalog = self.catalog;
        let found = *resolver.indicators.entry(v.label.clone()).or_insert_with(|| {
            resolve::indicator_for(catalog, &v.label, DocType::StatTable.as_str())
        });
        if found.is_none()
            && resolver.unknown_labels.insert(v.label.to_string())
            && !v.label.is_empty()
        {
            let msg = format!(
                "{:?} is not a catalog indicator (first value at {})",
                v.label,
                self.cell(v)
            );
            diags.push(
                Diagnostic::info(self.source(), Code::SheetUnknownHeader, msg).at(self.cell(v)),
            );
        }
        resolver.last.label.set(v.col, &v.label, found);
        found
    }

    /// The region of a value's label (an unknown or ambiguous one is said once).
    fn region(
        &self,
        resolver: &mut Resolver<'a>,
        v: &RawValue,
        scope: Option<&str>,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<&'a Region> {
        let g = self.gazetteer;
        if v.region.is_empty() {
            // the table names no region of its own: it is about the sheet's scope
            if let Some(r) = scope.and_then(|c| g.get(c)) {
                return Some(r);
            }
        }
        let found = resolver
            .regions
            .entry(v.region.clone())
            .or_insert_with(|| resolve::region_for(g, &v.region, scope));
        let (code, msg) = match found {
            RegionMatch::One(r) => return Some(*r),
            RegionMatch::Ambiguous(rs) => {
                let names: Vec<String> =
                    rs.iter().map(|r| format!("{} {}", r.code, r.name)).collect();
                let msg = format!(
                    "{:?} may be {}; name the province in the title or file name",
                    v.region,
                    names.join(", ")
                );
                (Code::SheetAmbiguousRegion, msg)
            }
            RegionMatch::Unknown => (
                Code::SheetUnknownRegion,
                format!("{:?} is not a region in the gazetteer", v.region),
            ),
        };
        if resolver.unknown_regions.insert(v.region.to_string()) {
            diags.push(Diagnostic::warning(self.source(), code, msg).at(self.cell(v)));
        }
        None
    }

    /// One value as a fact in the indicator's unit (a unit that does not convert is said).
    #[allow(clippy::too_many_arguments)]
    fn fact(
        &self,
        resolver: &mut Resolver<'a>,
        v: &RawValue,
        ind: &Indicator,
        region: &'a Region,
        year: i32,
        ctx: &SheetContext,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Fact> {
        let unit = if v.percent { "%" } else { &*v.unit };
        let fraction =
            ind.is_percent() && !v.percent && ctx.col_max.get(v.col).is_some_and(|m| *m <= 1.0);
        let conversion = match resolver.last.unit.get(v.col, &v.unit) {
            Some((percent, of, c)) if percent == v.percent && std::ptr::eq(of, ind) => c,
            _ => {
                let c = resolve::conversion(unit, ind);
                resolver.last.unit.set(v.col, &v.unit, (v.percent, ind, c));
                c
            }
        };
        let Some(value) = conversion.apply(v.value, fraction) else {
            let msg = format!("{} is in {unit}, {} is counted in {}", v.label, ind.id, ind.unit);
            diags.push(
                Diagnostic::warning(self.source(), Code::SheetUnitMismatch, msg).at(self.cell(v)),
            );
            return None;
        };
        let target = resolver.last.target.get_or_insert_with(v.col, &v.label, || {
            labels::target_heads().iter().any(|w| v.label.contains(w))
        });
        let kind = if target { FactKind::Target } else { FactKind::Actual };
        // written in one buffer, then shared exactly sized: millions of them
        // stay in memory until written out
        let buf = &mut resolver.scratch;
        buf.clear();
        push_evidence(buf, v, &self.grid.rows[v.row][v.col]);
        let evidence = Shared::from(buf.as_str());
        buf.clear();
        self.push_cell(buf, v);
        let origin = Shared::from(buf.as_str());
        let about = resolver.subject(region, self.about);
        Some(
            Fact::new(about, ind, crate::extract::round_value(value), kind, Some(year), ctx.rule)
                .with_evidence(evidence)
                .with_origin(origin),
        )
    }
}

/// `地区 · 指标(单位) = 值`: the row, column and cell a sheet fact stands on.
fn push_evidence(s: &mut String, v: &RawValue, cell: &cells::Cell) {
    s.push_str(&v.region);
    s.push_str(" · ");
    s.push_str(&v.label);
    if !v.unit.is_empty() {
        s.push('(');
        s.push_str(&v.unit);
        s.push(')');
    }
    s.push_str(" = ");
    cell.push_shown(s);
}

/// A value had no year, and so will every other value of its table.
struct NoYear;
