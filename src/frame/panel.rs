//! The panel: one value per region × year × indicator × kind, picked from the
//! facts by a documented precedence, in long form (panel_long.csv) and wide
//! form (panel.csv).
//!
//! Precedence when several facts compete for one cell:
//! 1. a correction from the corrections file;
//! 2. a spreadsheet cell (statistics offices' own tables);
//! 3. an exact value over a bounded one (≥, ≈, ≤, range);
//! 4. for counts and amounts the largest value (a total is never below its
//!    parts), for rates and levels the first stated;
//! 5. the later source file name, then the earlier position.

use super::write::FrameError;
use crate::catalog::{Catalog, Measure};
use crate::extract::{Fact, FactKind};
use polars::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// One cell of the panel with the fact that fills it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PanelRow {
    pub region_code: String,
    pub region_name: String,
    pub level: String,
    pub year: i32,
    pub indicator: String,
    pub kind: String,
    pub value: f64,
    pub unit: String,
    pub qualifier: String,
    /// how many facts competed for this cell
    pub candidates: u32,
    pub source: String,
    pub evidence: String,
    pub rule: String,
    pub origin: String,
}

fn origin_rank(f: &Fact) -> u8 {
    if f.rule.starts_with("correction") {
        0
    } else if f.rule.starts_with("sheet") {
        1
    } else {
        2
    }
}

/// Pick the panel's value for every region × year × indicator × kind.
pub fn panel_rows(facts: &[Fact], catalog: &Catalog) -> Vec<PanelRow> {
    let mut cells: BTreeMap<(String, i32, String, FactKind), Vec<&Fact>> = BTreeMap::new();
    for f in facts {
        let Some(year) = f.year else { continue };
        if f.kind == FactKind::Period || f.region_code.is_empty() {
            continue;
        }
        cells
            .entry((f.region_code.clone(), year, f.indicator.clone(), f.kind))
            .or_default()
            .push(f);
    }
    let mut rows = Vec::with_capacity(cells.len());
    for ((code, year, indicator, kind), mut fs) in cells {
        let largest_wins = catalog
            .get(&indicator)
            .is_some_and(|i| matches!(i.measure, Measure::Count | Measure::Amount));
        fs.sort_by(|a, b| {
            origin_rank(a)
                .cmp(&origin_rank(b))
                .then(
                    (a.qualifier != crate::extract::Qualifier::Exact)
                        .cmp(&(b.qualifier != crate::extract::Qualifier::Exact)),
                )
                .then(if largest_wins {
                    b.value.total_cmp(&a.value)
                } else {
                    std::cmp::Ordering::Equal
                })
                .then(b.source.cmp(&a.source))
                .then(a.span_start.cmp(&b.span_start))
        });
        let best = fs[0];
        rows.push(PanelRow {
            region_code: code,
            region_name: best.region_name.clone(),
            level: best.level.clone(),
            year,
            indicator,
            kind: kind.as_str().to_string(),
            value: best.value,
            unit: best.unit.clone(),
            qualifier: best.qualifier.as_str().to_string(),
            candidates: fs.len() as u32,
            source: best.source.clone(),
            evidence: best.evidence.clone(),
            rule: best.rule.clone(),
            origin: best.origin.clone(),
        });
    }
    rows.sort_by(|a, b| {
        (a.indicator.as_str(), a.kind.as_str(), a.year, a.region_code.as_str()).cmp(&(
            b.indicator.as_str(),
            b.kind.as_str(),
            b.year,
            b.region_code.as_str(),
        ))
    });
    rows
}

/// Text and spreadsheet values that disagree for one region × year × indicator
/// × kind: both stay in facts, the panel takes the sheet's, and this says so.
pub fn conflicts(facts: &[Fact]) -> Vec<crate::diag::Diagnostic> {
    let mut cells: BTreeMap<(&str, i32, &str, FactKind), (Vec<&Fact>, Vec<&Fact>)> =
        BTreeMap::new();
    for f in facts {
        let (Some(year), false) = (f.year, f.region_code.is_empty()) else { continue };
        let e =
            cells.entry((f.region_code.as_str(), year, f.indicator.as_str(), f.kind)).or_default();
        if f.rule.starts_with("sheet") {
            e.1.push(f);
        } else if !f.rule.starts_with("correction") {
            e.0.push(f);
        }
    }
    let mut out = Vec::new();
    for ((code, year, indicator, _), (text, sheet)) in cells {
        let (Some(t), Some(s)) = (text.first(), sheet.first()) else { continue };
        if text
            .iter()
            .any(|t| (t.value - s.value).abs() <= 0.005 * s.value.abs().max(t.value.abs()))
        {
            continue;
        }
        out.push(
            crate::diag::Diagnostic::warning(
                &s.source,
                "panel.conflict",
                format!("{indicator} {year} for {code}: the table gives {} ({}), the text {} ({}); the panel takes the table", s.value, s.origin, t.value, t.source),
            )
            .at(s.origin.clone()),
        );
    }
    out
}

pub fn panel_long_frame(rows: &[PanelRow]) -> PolarsResult<DataFrame> {
    let st = |f: &dyn Fn(&PanelRow) -> String| rows.iter().map(f).collect::<Vec<_>>();
    DataFrame::new(
        rows.len(),
        vec![
            Column::new("region_code".into(), st(&|r| r.region_code.clone())),
            Column::new("region_name".into(), st(&|r| r.region_name.clone())),
            Column::new("level".into(), st(&|r| r.level.clone())),
            Column::new("year".into(), rows.iter().map(|r| r.year).collect::<Vec<_>>()),
            Column::new("indicator".into(), st(&|r| r.indicator.clone())),
            Column::new("kind".into(), st(&|r| r.kind.clone())),
            Column::new("value".into(), rows.iter().map(|r| r.value).collect::<Vec<_>>()),
            Column::new("unit".into(), st(&|r| r.unit.clone())),
            Column::new("qualifier".into(), st(&|r| r.qualifier.clone())),
            Column::new("candidates".into(), rows.iter().map(|r| r.candidates).collect::<Vec<_>>()),
            Column::new("source".into(), st(&|r| r.source.clone())),
            Column::new("evidence".into(), st(&|r| r.evidence.clone())),
            Column::new("rule".into(), st(&|r| r.rule.clone())),
            Column::new("origin".into(), st(&|r| r.origin.clone())),
        ],
    )
}

/// Wide panel: one row per region × year, one column per indicator
/// (`<id>` for actuals, `<id>__target` for targets), catalog order.
pub fn panel_wide_frame(rows: &[PanelRow], catalog: &Catalog) -> PolarsResult<DataFrame> {
    let mut keys: BTreeMap<(String, i32), (String, String)> = BTreeMap::new();
    let mut present: Vec<(String, String)> = Vec::new();
    let mut values: BTreeMap<(String, i32, String, String), f64> = BTreeMap::new();
    for r in rows {
        keys.insert((r.region_code.clone(), r.year), (r.region_name.clone(), r.level.clone()));
        let k = (r.indicator.clone(), r.kind.clone());
        if !present.contains(&k) {
            present.push(k);
        }
        values
            .insert((r.region_code.clone(), r.year, r.indicator.clone(), r.kind.clone()), r.value);
    }
    present.sort_by_key(|(id, kind)| {
        (catalog.index_of(id).unwrap_or(usize::MAX), id.clone(), kind.clone())
    });
    let n = keys.len();
    let mut cols = vec![
        Column::new("region_code".into(), keys.keys().map(|k| k.0.clone()).collect::<Vec<_>>()),
        Column::new("region_name".into(), keys.values().map(|v| v.0.clone()).collect::<Vec<_>>()),
        Column::new("level".into(), keys.values().map(|v| v.1.clone()).collect::<Vec<_>>()),
        Column::new("year".into(), keys.keys().map(|k| k.1).collect::<Vec<_>>()),
    ];
    for (id, kind) in &present {
        let name = if kind == "actual" { id.clone() } else { format!("{id}__{kind}") };
        let col: Vec<Option<f64>> = keys
            .keys()
            .map(|(c, y)| values.get(&(c.clone(), *y, id.clone(), kind.clone())).copied())
            .collect();
        cols.push(Column::new(name.into(), col));
    }
    DataFrame::new(n, cols)
}

/// Read the long panel a build wrote (`DIR/panel_long.csv`).
pub fn load_panel(dir: &Path) -> Result<Vec<PanelRow>, FrameError> {
    let path = dir.join("panel_long.csv");
    let err = |message: String| FrameError::Read { path: path.clone(), message };
    let mut reader = csv::Reader::from_path(&path).map_err(|e| err(e.to_string()))?;
    reader.deserialize().map(|r| r.map_err(|e| err(e.to_string()))).collect()
}

/// A panel row for tests: one value of one indicator, actual, with no provenance.
#[cfg(test)]
pub(crate) fn test_row(
    code: &str,
    name: &str,
    level: &str,
    year: i32,
    indicator: &str,
    value: f64,
    qualifier: &str,
) -> PanelRow {
    PanelRow {
        region_code: code.into(),
        region_name: name.into(),
        level: level.into(),
        year,
        indicator: indicator.into(),
        kind: "actual".into(),
        value,
        unit: "件".into(),
        qualifier: qualifier.into(),
        candidates: 1,
        source: format!("reports/{code}.txt"),
        evidence: "信访…".into(),
        rule: "text.cue_before".into(),
        origin: "text".into(),
    }
}
