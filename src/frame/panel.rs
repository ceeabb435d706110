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

use super::level_str;
use super::write::FrameError;
use crate::catalog::{Catalog, Measure};
use crate::diag::{Code, Diagnostic};
use crate::extract::{Fact, FactKind, Qualifier, Rule, RuleFamily};
use crate::locate::Level;
use polars::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

/// One cell of the panel with the fact that fills it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PanelRow {
    pub region_code: String,
    pub region_name: String,
    pub level: Option<Level>,
    pub year: i32,
    pub indicator: String,
    pub kind: FactKind,
    pub value: f64,
    pub unit: String,
    pub qualifier: Qualifier,
    /// how many facts competed for this cell
    pub candidates: u32,
    pub source: String,
    pub evidence: String,
    pub rule: Rule,
    pub origin: String,
}

fn origin_rank(f: &Fact) -> RuleFamily {
    f.rule.family()
}

/// Pick the panel's value for every region × year × indicator × kind.
pub fn panel_rows(facts: &[Fact], catalog: &Catalog) -> Vec<PanelRow> {
    let mut cells: BTreeMap<(&str, i32, &str, FactKind), Vec<&Fact>> = BTreeMap::new();
    for f in facts {
        let Some(year) = f.year else { continue };
        if f.kind == FactKind::Period || f.region_code.is_empty() {
            continue;
        }
        cells.entry((&*f.region_code, year, &*f.indicator, f.kind)).or_default().push(f);
    }
    let mut rows = Vec::with_capacity(cells.len());
    for ((code, year, indicator, kind), mut fs) in cells {
        let largest_wins = catalog
            .get(indicator)
            .is_some_and(|i| matches!(i.measure, Measure::Count | Measure::Amount));
        fs.sort_by(|a, b| {
            origin_rank(a)
                .cmp(&origin_rank(b))
                .then((a.qualifier != Qualifier::Exact).cmp(&(b.qualifier != Qualifier::Exact)))
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
            region_code: code.to_string(),
            region_name: best.region_name.to_string(),
            level: best.level,
            year,
            indicator: indicator.to_string(),
            kind,
            value: best.value,
            unit: best.unit.to_string(),
            qualifier: best.qualifier,
            candidates: fs.len() as u32,
            source: best.source.to_string(),
            evidence: best.evidence.to_string(),
            rule: best.rule,
            origin: best.origin.to_string(),
        });
    }
    rows.sort_by(|a, b| {
        (a.indicator.as_str(), a.kind, a.year, a.region_code.as_str()).cmp(&(
            b.indicator.as_str(),
            b.kind,
            b.year,
            b.region_code.as_str(),
        ))
    });
    rows
}

/// Text and spreadsheet values that disagree for one region × year × indicator
/// × kind: both stay in facts, the panel takes the sheet's, and this says so.
pub fn conflicts(facts: &[Fact]) -> Vec<Diagnostic> {
    // per cell: (text facts, sheet facts)
    type Competing<'a> = (Vec<&'a Fact>, Vec<&'a Fact>);
    let mut cells: BTreeMap<(&str, i32, &str, FactKind), Competing> = BTreeMap::new();
    for f in facts {
        let (Some(year), false) = (f.year, f.region_code.is_empty()) else { continue };
        let e = cells.entry((&*f.region_code, year, &*f.indicator, f.kind)).or_default();
        match f.rule.family() {
            RuleFamily::Sheet => e.1.push(f),
            RuleFamily::Text => e.0.push(f),
            RuleFamily::Correction | RuleFamily::Template => {}
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
            Diagnostic::warning(
                &s.source,
                Code::PanelConflict,
                format!("{indicator} {year} for {code}: the table gives {} ({}), the text {} ({}); the panel takes the table", s.value, s.origin, t.value, t.source),
            )
            .at(&*s.origin),
        );
    }
    out
}

pub fn panel_long_frame<R: std::borrow::Borrow<PanelRow>>(rows: &[R]) -> PolarsResult<DataFrame> {
    let rows: Vec<&PanelRow> = rows.iter().map(|r| r.borrow()).collect();
    let st = |f: &dyn Fn(&PanelRow) -> String| rows.iter().map(|r| f(r)).collect::<Vec<_>>();
    DataFrame::new(
        rows.len(),
        vec![
            Column::new("region_code".into(), st(&|r| r.region_code.clone())),
            Column::new("region_name".into(), st(&|r| r.region_name.clone())),
            Column::new("level".into(), st(&|r| level_str(r.level).to_string())),
            Column::new("year".into(), rows.iter().map(|r| r.year).collect::<Vec<_>>()),
            Column::new("indicator".into(), st(&|r| r.indicator.clone())),
            Column::new("kind".into(), st(&|r| r.kind.as_str().to_string())),
            Column::new("value".into(), rows.iter().map(|r| r.value).collect::<Vec<_>>()),
            Column::new("unit".into(), st(&|r| r.unit.clone())),
            Column::new("qualifier".into(), st(&|r| r.qualifier.as_str().to_string())),
            Column::new("candidates".into(), rows.iter().map(|r| r.candidates).collect::<Vec<_>>()),
            Column::new("source".into(), st(&|r| r.source.clone())),
            Column::new("evidence".into(), st(&|r| r.evidence.clone())),
            Column::new("rule".into(), st(&|r| r.rule.as_str().to_string())),
            Column::new("origin".into(), st(&|r| r.origin.clone())),
        ],
    )
}

/// Wide panel: one row per region × year, one column per indicator
/// (`<id>` for actuals, `<id>__target` for targets), catalog order.
pub fn panel_wide_frame(rows: &[PanelRow], catalog: &Catalog) -> PolarsResult<DataFrame> {
    let mut keys: BTreeMap<(String, i32), (String, Option<Level>)> = BTreeMap::new();
    let mut present: Vec<(String, FactKind)> = Vec::new();
    let mut values: BTreeMap<(String, i32, String, FactKind), f64> = BTreeMap::new();
    for r in rows {
        keys.insert((r.region_code.clone(), r.year), (r.region_name.clone(), r.level));
        let k = (r.indicator.clone(), r.kind);
        if !present.contains(&k) {
            present.push(k);
        }
        values.insert((r.region_code.clone(), r.year, r.indicator.clone(), r.kind), r.value);
    }
    present
        .sort_by_key(|(id, kind)| (catalog.index_of(id).unwrap_or(usize::MAX), id.clone(), *kind));
    let n = keys.len();
    let mut cols = vec![
        Column::new("region_code".into(), keys.keys().map(|k| k.0.clone()).collect::<Vec<_>>()),
        Column::new("region_name".into(), keys.values().map(|v| v.0.clone()).collect::<Vec<_>>()),
        Column::new(
            "level".into(),
            keys.values().map(|v| level_str(v.1).to_string()).collect::<Vec<_>>(),
        ),
        Column::new("year".into(), keys.keys().map(|k| k.1).collect::<Vec<_>>()),
    ];
    for (id, kind) in &present {
        let name = match kind {
            FactKind::Actual => id.clone(),
            other => format!("{id}__{}", other.as_str()),
        };
        let col: Vec<Option<f64>> = keys
            .keys()
            .map(|(c, y)| values.get(&(c.clone(), *y, id.clone(), *kind)).copied())
            .collect();
        cols.push(Column::new(name.into(), col));
    }
    DataFrame::new(n, cols)
}

/// Read the long panel a build wrote (`DIR/panel_long.csv`).
pub fn load_panel(dir: &Path) -> Result<Vec<PanelRow>, FrameError> {
    let path = dir.join("panel_long.csv");
    let err = |message: String| FrameError::Read { path: path.clone(), message };
    super::csv_cell::read_table(&path).map_err(|e| err(e.to_string()))
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
        level: Level::parse(level),
        year,
        indicator: indicator.into(),
        kind: FactKind::Actual,
        value,
        unit: "件".into(),
        qualifier: Qualifier::parse(qualifier).expect("a qualifier"),
        candidates: 1,
        source: format!("reports/{code}.txt"),
        evidence: "信访…".into(),
        rule: Rule::CueBefore,
        origin: "text".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Subject;

    fn catalog() -> Catalog {
        Catalog::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/catalog"), &[])
            .unwrap()
    }

    /// A fact of 常州市 2022 from `source` at `span`, as `rule` made it.
    fn fact(
        c: &Catalog,
        indicator: &str,
        value: f64,
        rule: Rule,
        source: &str,
        span: usize,
    ) -> Fact {
        let about = Subject {
            source: source.into(),
            region_code: "320400".into(),
            region_name: "常州市".into(),
            level: Some(Level::Prefecture),
            ..Default::default()
        };
        Fact::new(&about, c.get(indicator).unwrap(), value, FactKind::Actual, Some(2022), rule)
            .with_span(span, span + 1)
    }

    fn winner(c: &Catalog, facts: &[Fact]) -> (f64, u32) {
        let rows = panel_rows(facts, c);
        assert_eq!(rows.len(), 1, "{rows:?}");
        (rows[0].value, rows[0].candidates)
    }

    #[test]
    fn precedence_follows_the_documented_steps() {
        let c = catalog();
        let text = fact(&c, "petitions", 248.0, Rule::CueBefore, "a.txt", 5);
        let sheet = fact(&c, "petitions", 240.0, Rule::SheetWide, "a.xlsx", 0);
        let fixed = fact(&c, "petitions", 250.0, Rule::CorrectionOverride, "a.txt", 9);
        // 1. a correction beats everything
        assert_eq!(winner(&c, &[text.clone(), sheet.clone(), fixed]), (250.0, 3));
        // 2. a spreadsheet cell beats the text
        assert_eq!(winner(&c, &[text.clone(), sheet]), (240.0, 2));
        // 3. an exact value beats a bound, even a larger one
        let bound = fact(&c, "petitions", 300.0, Rule::CueBefore, "a.txt", 7)
            .with_qualifier(Qualifier::AtLeast);
        assert_eq!(winner(&c, &[bound, text.clone()]).0, 248.0);
        // 4. counts: the largest value (a total is never below its parts) …
        let part = fact(&c, "petitions", 100.0, Rule::CueBefore, "a.txt", 1);
        assert_eq!(winner(&c, &[part, text.clone()]).0, 248.0);
        // … rates: the first stated, 5. then the later source file name
        let early = fact(&c, "gdp_growth", 5.5, Rule::CueBefore, "a.txt", 1);
        let late = fact(&c, "gdp_growth", 6.0, Rule::CueBefore, "a.txt", 9);
        assert_eq!(winner(&c, &[late.clone(), early]).0, 5.5);
        let newer = fact(&c, "gdp_growth", 5.8, Rule::CueBefore, "b.txt", 20);
        assert_eq!(winner(&c, &[late, newer]).0, 5.8);
    }

    #[test]
    fn a_sheet_disagreeing_with_the_text_is_a_conflict() {
        let c = catalog();
        let text = fact(&c, "petitions", 248.0, Rule::CueBefore, "a.txt", 5);
        let sheet = fact(&c, "petitions", 240.0, Rule::SheetWide, "a.xlsx", 0);
        let d = conflicts(&[text.clone(), sheet.clone()]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, Code::PanelConflict);
        let agreeing = fact(&c, "petitions", 240.0, Rule::CueBefore, "a.txt", 5);
        assert!(conflicts(&[agreeing, sheet]).is_empty());
    }
}
