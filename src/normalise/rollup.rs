//! Roll-ups: counties' counts and amounts summed to their prefecture, offered
//! only with the coverage shown (7 of 9 counties reported).

use crate::catalog::Catalog;
use crate::extract::{FactKind, Qualifier};
use crate::frame::PanelRow;
use crate::locate::{Gazetteer, Level};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Rollup {
    pub prefecture_code: String,
    pub prefecture_name: String,
    pub indicator: String,
    pub year: i32,
    pub kind: FactKind,
    /// sum over the counties that reported
    pub value: f64,
    pub counties_reported: usize,
    pub counties_total: usize,
    /// e.g. "7 of 9 counties"
    pub coverage: String,
    /// the sum is a lower bound when a county is missing or gave a bound
    pub qualifier: Qualifier,
}

/// Sum county rows of one indicator to their prefectures. Rates are never summed.
pub fn rollup(
    panel: &[PanelRow],
    catalog: &Catalog,
    gazetteer: &Gazetteer,
    indicator: &str,
    year: i32,
    kind: FactKind,
) -> Vec<Rollup> {
    if !catalog.get(indicator).is_some_and(|i| i.measure.divisible()) {
        return Vec::new();
    }
    let mut totals: BTreeMap<String, usize> = BTreeMap::new();
    for r in gazetteer.regions().iter().filter(|r| r.level == Level::County) {
        if let Some(p) = gazetteer.parents(&r.code).iter().find(|p| p.level == Level::Prefecture) {
            *totals.entry(p.code.clone()).or_default() += 1;
        }
    }
    let mut sums: BTreeMap<String, (f64, usize, bool)> = BTreeMap::new();
    for r in panel.iter().filter(|r| {
        r.indicator == indicator
            && r.year == year
            && r.kind == kind
            && r.level == Some(Level::County)
    }) {
        let Some(p) =
            gazetteer.parents(&r.region_code).into_iter().find(|p| p.level == Level::Prefecture)
        else {
            continue;
        };
        let e = sums.entry(p.code.clone()).or_insert((0.0, 0, false));
        e.0 += r.value;
        e.1 += 1;
        e.2 |= r.qualifier != Qualifier::Exact;
    }
    sums.into_iter()
        .map(|(code, (value, n, bounded))| {
            let total = totals.get(&code).copied().unwrap_or(n);
            Rollup {
                prefecture_name: gazetteer.get(&code).map(|r| r.name.clone()).unwrap_or_default(),
                prefecture_code: code,
                indicator: indicator.into(),
                year,
                kind,
                value,
                counties_reported: n,
                counties_total: total,
                coverage: format!("{n} of {total} counties"),
                qualifier: if n < total || bounded { Qualifier::AtLeast } else { Qualifier::Exact },
            }
        })
        .collect()
}
