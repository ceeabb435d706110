//! Change over time: one region's series of an indicator across reports of
//! different years (a 2022 and a 2023 report of one city form one series),
//! year-over-year change and growth, and an index to a base year.

use crate::extract::{FactKind, Qualifier};
use crate::frame::PanelRow;
use std::collections::BTreeMap;

/// One year of a region's series with its changes.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SeriesPoint {
    pub region_code: String,
    pub indicator: String,
    pub kind: FactKind,
    pub year: i32,
    pub value: f64,
    pub qualifier: Qualifier,
    /// value − value of the previous year (None when that year is missing)
    pub yoy_change: Option<f64>,
    /// (value / previous − 1) × 100
    pub yoy_growth: Option<f64>,
    /// value / value in the base year × 100
    pub index: Option<f64>,
}

/// Series of every region × indicator × kind in the panel, years ascending.
/// Region codes are mapped through `current_code` so a recoded region keeps one series.
pub fn series(
    panel: &[PanelRow],
    base_year: Option<i32>,
    current_code: &dyn Fn(&str) -> String,
) -> Vec<SeriesPoint> {
    let mut groups: BTreeMap<(String, String, FactKind), BTreeMap<i32, &PanelRow>> =
        BTreeMap::new();
    for r in panel {
        groups
            .entry((current_code(&r.region_code), r.indicator.clone(), r.kind))
            .or_default()
            .insert(r.year, r);
    }
    let mut out = Vec::new();
    for ((code, indicator, kind), years) in groups {
        let base = base_year.and_then(|b| years.get(&b)).map(|r| r.value);
        for (&year, r) in &years {
            let prev = years.get(&(year - 1)).map(|p| p.value);
            out.push(SeriesPoint {
                region_code: code.clone(),
                indicator: indicator.clone(),
                kind,
                year,
                value: r.value,
                qualifier: r.qualifier,
                yoy_change: prev.map(|p| r.value - p),
                yoy_growth: prev.filter(|p| *p != 0.0).map(|p| (r.value / p - 1.0) * 100.0),
                index: base.filter(|b| *b != 0.0).map(|b| r.value / b * 100.0),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(code: &str, year: i32, value: f64) -> PanelRow {
        crate::frame::panel::test_row(code, "", "prefecture", year, "petitions", value, "exact")
    }

    #[test]
    fn yoy_and_index_by_hand() {
        // 常州 2021: 200, 2022: 248, 2024: 300 (2023 missing)
        let panel = vec![
            row("320400", 2021, 200.0),
            row("320400", 2022, 248.0),
            row("320400", 2024, 300.0),
        ];
        let s = series(&panel, Some(2021), &|c| c.to_string());
        assert_eq!(s.len(), 3);
        assert_eq!(s[1].yoy_change, Some(48.0));
        assert_eq!(s[1].yoy_growth, Some(24.0));
        assert_eq!(s[1].index, Some(124.0));
        assert_eq!(s[2].yoy_change, None, "no 2023 value: no year-over-year");
        assert_eq!(s[2].index, Some(150.0));
    }

    #[test]
    fn recoded_regions_form_one_series() {
        // 沙县 350427 (2020 code) became 沙县区 350405
        let panel = vec![row("350427", 2020, 10.0), row("350405", 2021, 12.0)];
        let s = series(&panel, None, &|c| if c == "350427" { "350405".into() } else { c.into() });
        assert_eq!(s.len(), 2);
        assert!(s.iter().all(|p| p.region_code == "350405"));
        assert!((s[1].yoy_growth.unwrap() - 20.0).abs() < 1e-9);
    }
}
