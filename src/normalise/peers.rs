//! Position among peers: one indicator, one year, one kind, optionally per
//! capita, ranked within a peer group (same level, optionally within one
//! province), with percentile, z-score and distance from the peer median.

use super::labels::{fill, labels};
use super::population::{Population, PopulationAt};
use crate::catalog::Catalog;
use crate::extract::{FactKind, Qualifier};
use crate::frame::PanelRow;
use crate::locate::{Gazetteer, Level};
use std::collections::HashMap;

/// What to compare (resolved from flags or a chart/job spec).
#[derive(Debug, Clone, PartialEq)]
pub struct PeerQuery {
    pub indicator: String,
    pub year: i32,
    pub kind: FactKind,
    /// divide counts/amounts by population and multiply by this (10_000 = per 10k residents)
    pub per: Option<f64>,
    /// peer level; default: the level most regions with a value have
    pub level: Option<Level>,
    /// only regions within this code (e.g. 440000)
    pub within: Option<String>,
    /// region to report the position of (name or code)
    pub focus: Option<String>,
}

impl PeerQuery {
    pub fn new(indicator: &str, year: i32) -> PeerQuery {
        PeerQuery {
            indicator: indicator.into(),
            year,
            kind: FactKind::Actual,
            per: None,
            level: None,
            within: None,
            focus: None,
        }
    }
}

/// One region's position. `measure` is the value compared (per capita when
/// asked and the indicator is divisible, else the raw value).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PeerRow {
    pub region_code: String,
    pub region_name: String,
    pub level: Option<Level>,
    pub year: i32,
    pub indicator: String,
    pub kind: FactKind,
    pub value: f64,
    pub unit: String,
    pub qualifier: Qualifier,
    pub measure: f64,
    /// unit of `measure`, e.g. "件/万人"
    pub measure_unit: String,
    pub population: Option<f64>,
    /// year of the population figure used (may differ from `year`)
    pub population_year: Option<i32>,
    /// 1 = highest; ties share the lowest rank
    pub rank: u32,
    /// share of peers at or below this value, 0..=100
    pub percentile: f64,
    pub z_score: Option<f64>,
    pub diff_from_median: f64,
    pub is_focus: bool,
    /// change from the previous year's value of the same region (%), when stated
    pub yoy_growth: Option<f64>,
    /// what a bound does to the measures: "lower bound: rank may be higher" …
    pub note: String,
    pub source: String,
    pub evidence: String,
}

/// The ranked peer group.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Comparison {
    pub indicator: String,
    pub indicator_name: String,
    pub year: i32,
    pub kind: FactKind,
    pub level: Option<Level>,
    pub measure_unit: String,
    pub per: Option<f64>,
    pub median: Option<f64>,
    /// ranked rows, highest measure first
    pub rows: Vec<PeerRow>,
    /// regions of the peer group that could not be divided (no population)
    pub missing_population: Vec<String>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum CompareError {
    #[error("unknown indicator {0:?} (see datasets/catalog)")]
    UnknownIndicator(String),
    #[error("focus region {0:?} is not in the gazetteer")]
    UnknownFocus(String),
}

/// Median of a non-empty sorted slice.
fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// Rank a peer group. Rows of the panel outside the query are ignored.
pub fn compare(
    panel: &[PanelRow],
    catalog: &Catalog,
    population: &Population,
    gazetteer: &Gazetteer,
    q: &PeerQuery,
) -> Result<Comparison, CompareError> {
    let ind = catalog
        .get(&q.indicator)
        .ok_or_else(|| CompareError::UnknownIndicator(q.indicator.clone()))?;
    let focus_code = focus_code(gazetteer, q.focus.as_deref())?;
    let mut cands: Vec<&PanelRow> = panel
        .iter()
        .filter(|r| r.indicator == q.indicator && r.year == q.year && r.kind == q.kind)
        .filter(|r| {
            q.within
                .as_deref()
                .is_none_or(|w| r.region_code == w || gazetteer.is_within(&r.region_code, w))
        })
        .collect();
    let level = q.level.or_else(|| most_common_level(&cands));
    if let Some(l) = level {
        cands.retain(|r| r.level == Some(l));
    }
    let divide = q.per.filter(|_| ind.measure.divisible());
    let measure_unit = match divide {
        Some(p) => fill(&labels().per_unit, &[&ind.unit, &per_label(p)]),
        None => ind.unit.to_string(),
    };
    // the previous year's values of this indicator, for year-over-year growth
    let last_year: HashMap<&str, f64> = panel
        .iter()
        .filter(|p| p.indicator == q.indicator && p.kind == q.kind && p.year == q.year - 1)
        .map(|p| (p.region_code.as_str(), p.value))
        .collect();
    let mut rows = Vec::new();
    let mut missing_population = Vec::new();
    for r in cands {
        let pop = population.at(&r.region_code, r.year);
        let measure = match (divide, pop) {
            (None, _) => r.value,
            (Some(p), Some(at)) if at.population > 0.0 => r.value / at.population * p,
            (Some(_), _) => {
                missing_population.push(r.region_code.clone());
                continue;
            }
        };
        let mut row = peer_row(r, measure, &measure_unit, pop);
        row.is_focus = focus_code.as_deref() == Some(r.region_code.as_str());
        row.yoy_growth = last_year
            .get(r.region_code.as_str())
            .filter(|p| **p != 0.0)
            .map(|p| (r.value / p - 1.0) * 100.0);
        rows.push(row);
    }
    let median = rank(&mut rows);
    missing_population.sort();
    Ok(Comparison {
        indicator: q.indicator.clone(),
        indicator_name: ind.name.clone(),
        year: q.year,
        kind: q.kind,
        level,
        measure_unit,
        per: divide,
        median,
        rows,
        missing_population,
    })
}

/// The code of the focus region, named by code or name.
fn focus_code(gazetteer: &Gazetteer, focus: Option<&str>) -> Result<Option<String>, CompareError> {
    match focus {
        None => Ok(None),
        Some(f) if gazetteer.get(f).is_some() => Ok(Some(f.to_string())),
        Some(f) => gazetteer
            .lookup(f)
            .first()
            .map(|r| Some(r.code.clone()))
            .ok_or_else(|| CompareError::UnknownFocus(f.to_string())),
    }
}

/// A panel row as a peer, before ranking.
fn peer_row(r: &PanelRow, measure: f64, measure_unit: &str, pop: Option<PopulationAt>) -> PeerRow {
    PeerRow {
        region_code: r.region_code.clone(),
        region_name: r.region_name.clone(),
        level: r.level,
        year: r.year,
        indicator: r.indicator.clone(),
        kind: r.kind,
        value: r.value,
        unit: r.unit.clone(),
        qualifier: r.qualifier,
        measure,
        measure_unit: measure_unit.to_string(),
        population: pop.map(|p| p.population),
        population_year: pop.map(|p| p.year),
        rank: 0,
        percentile: 0.0,
        z_score: None,
        diff_from_median: 0.0,
        is_focus: false,
        yoy_growth: None,
        note: bound_note(r.qualifier).into(),
        source: r.source.clone(),
        evidence: r.evidence.clone(),
    }
}

/// Sort highest measure first and fill rank, percentile, z-score and distance
/// from the median; returns the median.
fn rank(rows: &mut [PeerRow]) -> Option<f64> {
    rows.sort_by(|a, b| b.measure.total_cmp(&a.measure).then(a.region_code.cmp(&b.region_code)));
    let mut sorted: Vec<f64> = rows.iter().map(|r| r.measure).collect();
    sorted.sort_by(f64::total_cmp);
    let med = median(&sorted);
    let n = sorted.len() as f64;
    let mean = sorted.iter().sum::<f64>() / n.max(1.0);
    let sd = (sorted.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0)).sqrt();
    for row in rows.iter_mut() {
        let m = row.measure;
        // sorted ascending: above = values greater than m, at_or_below = values ≤ m
        let at_or_below = sorted.partition_point(|v| *v <= m);
        row.rank = 1 + (sorted.len() - at_or_below) as u32;
        row.percentile = 100.0 * at_or_below as f64 / n;
        row.z_score = (sorted.len() > 1 && sd > 0.0).then(|| (m - mean) / sd);
        row.diff_from_median = m - med.unwrap_or(m);
    }
    med
}

/// The level most candidates have (ties: the first in alphabetical order).
fn most_common_level(cands: &[&PanelRow]) -> Option<Level> {
    let mut counts: std::collections::BTreeMap<&str, (usize, Level)> = Default::default();
    for r in cands {
        if let Some(l) = r.level {
            counts.entry(l.as_str()).or_insert((0, l)).0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|(name, (n, _))| (*n, std::cmp::Reverse(*name)))
        .map(|(_, (_, l))| l)
}

/// How a bounded value qualifies its rank and measures.
pub fn bound_note(qualifier: Qualifier) -> &'static str {
    match qualifier {
        Qualifier::AtLeast | Qualifier::Range => {
            "lower bound: the true value, rank and percentile may be higher"
        }
        Qualifier::AtMost => "upper bound: the true value, rank and percentile may be lower",
        Qualifier::Approx => "approximate value",
        Qualifier::Exact => "",
    }
}

/// "万" for 10 000, "10万" for 100 000, "" for 1.
pub fn per_label(per: f64) -> String {
    match per as i64 {
        1 => String::new(),
        10_000 => labels().per_ten_thousand.clone(),
        100_000 => labels().per_hundred_thousand.clone(),
        100_000_000 => labels().per_hundred_million.clone(),
        n => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn row(
        code: &str,
        name: &str,
        level: &str,
        year: i32,
        value: f64,
        qualifier: &str,
    ) -> PanelRow {
        crate::frame::panel::test_row(code, name, level, year, "petitions", value, qualifier)
    }

    fn data() -> (Catalog, Population, Gazetteer) {
        let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets");
        (
            Catalog::load_dir(&d.join("catalog"), &[]).unwrap(),
            Population::load(&d.join("population")).unwrap(),
            Gazetteer::load(&d.join("regions/regions.csv")).unwrap(),
        )
    }

    #[test]
    fn ranks_ties_percentiles_z_by_hand() {
        let (c, p, g) = data();
        let panel = vec![
            row("320100", "南京市", "prefecture", 2022, 10.0, "exact"),
            row("320200", "无锡市", "prefecture", 2022, 20.0, "exact"),
            row("320400", "常州市", "prefecture", 2022, 20.0, "at_least"),
            row("320500", "苏州市", "prefecture", 2022, 30.0, "exact"),
            row("320400", "常州市", "prefecture", 2021, 16.0, "exact"),
        ];
        let mut q = PeerQuery::new("petitions", 2022);
        q.focus = Some("常州".into());
        let cmp = compare(&panel, &c, &p, &g, &q).unwrap();
        let r: Vec<(&str, u32, f64)> =
            cmp.rows.iter().map(|r| (r.region_name.as_str(), r.rank, r.percentile)).collect();
        // 30 > 20 = 20 > 10: ties share rank 2; percentile = share at or below
        assert_eq!(
            r,
            vec![
                ("苏州市", 1, 100.0),
                ("无锡市", 2, 75.0),
                ("常州市", 2, 75.0),
                ("南京市", 4, 25.0)
            ]
        );
        assert_eq!(cmp.median, Some(20.0));
        // mean 20, sample sd = sqrt(200/3) = 8.1650
        let z = cmp.rows[0].z_score.unwrap();
        assert!((z - 10.0 / (200.0f64 / 3.0).sqrt()).abs() < 1e-9, "{z}");
        let cz = cmp.rows.iter().find(|r| r.is_focus).unwrap();
        assert_eq!(cz.region_code, "320400");
        assert!(cz.note.starts_with("lower bound"));
        assert_eq!(cz.yoy_growth, Some(25.0));
    }

    #[test]
    fn per_10k_with_nearest_population_year() {
        let (c, p, g) = data();
        // 常州 has only the 2020 census: 5,278,121 residents
        let panel = vec![row("320400", "常州市", "prefecture", 2022, 248.0, "exact")];
        let mut q = PeerQuery::new("petitions", 2022);
        q.per = Some(10_000.0);
        let cmp = compare(&panel, &c, &p, &g, &q).unwrap();
        let r = &cmp.rows[0];
        assert_eq!(r.population_year, Some(2020));
        assert!((r.measure - 248.0 / 5_278_121.0 * 10_000.0).abs() < 1e-12);
        assert_eq!(r.measure_unit, "件/万人");
        // rates are never divided again
        let mut rate = row("320400", "常州市", "prefecture", 2022, 5.5, "exact");
        rate.indicator = "gdp_growth".into();
        let mut q = PeerQuery::new("gdp_growth", 2022);
        q.per = Some(10_000.0);
        assert_eq!(compare(&[rate], &c, &p, &g, &q).unwrap().rows[0].measure, 5.5);
    }

    #[test]
    fn peers_within_a_province_and_level() {
        let (c, p, g) = data();
        let panel = vec![
            row("320400", "常州市", "prefecture", 2022, 1.0, "exact"),
            row("440300", "深圳市", "prefecture", 2022, 2.0, "exact"),
            row("440303", "罗湖区", "county", 2022, 3.0, "exact"),
        ];
        let mut q = PeerQuery::new("petitions", 2022);
        q.within = Some("440000".into());
        q.level = Some(Level::Prefecture);
        let cmp = compare(&panel, &c, &p, &g, &q).unwrap();
        assert_eq!(
            cmp.rows.iter().map(|r| r.region_code.as_str()).collect::<Vec<_>>(),
            vec!["440300"]
        );
        assert_eq!(
            compare(
                &panel,
                &c,
                &p,
                &g,
                &PeerQuery {
                    focus: Some("不存在市".into()), ..PeerQuery::new("petitions", 2022)
                }
            )
            .unwrap_err(),
            CompareError::UnknownFocus("不存在市".into())
        );
    }
}
