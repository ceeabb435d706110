//! Trend lines: one indicator over the years for chosen regions (raw or per
//! capita), a line broken where a year is missing, bounds drawn as hollow points
//! with their mark, the focus region in vermillion.

use super::canvas::{self, ticks, Anchor, Canvas};
use super::style::{self, fmt_value, text_width};
use super::{ChartError, ChartInput, ChartSpec};
use crate::extract::{FactKind, Qualifier};
use crate::frame::PanelRow;
use crate::normalise::labels::{fill, labels};
use plotters::prelude::*;
use std::collections::BTreeMap;

const MAX_LINES: usize = 7;

struct Series {
    code: String,
    name: String,
    focus: bool,
    /// year → (measure, qualifier)
    points: BTreeMap<i32, (f64, Qualifier)>,
}

fn resolve(input: &ChartInput, name: &str) -> Option<String> {
    if input.reference.gazetteer.get(name).is_some() {
        return Some(name.to_string());
    }
    input.reference.gazetteer.lookup(name).first().map(|r| r.code.clone())
}

fn series(spec: &ChartSpec, input: &ChartInput) -> Result<(Vec<Series>, String), ChartError> {
    let ind = input
        .reference
        .catalog
        .get(&spec.indicator)
        .ok_or_else(|| ChartError::Spec(format!("unknown indicator {}", spec.indicator)))?;
    let kind = spec.value_kind.unwrap_or(FactKind::Actual);
    let per = spec.per.filter(|_| ind.measure.divisible());
    let rows: Vec<&PanelRow> =
        input.panel.iter().filter(|r| r.indicator == spec.indicator && r.kind == kind).collect();
    let focus = spec.focus.as_deref().and_then(|f| resolve(input, f));
    let mut by_region: BTreeMap<String, Series> = BTreeMap::new();
    for r in &rows {
        let measure = match per {
            None => Some(r.value),
            Some(p) => input
                .reference
                .population
                .at(&r.region_code, r.year)
                .filter(|a| a.population > 0.0)
                .map(|a| r.value / a.population * p),
        };
        let Some(m) = measure else { continue };
        let s = by_region.entry(r.region_code.clone()).or_insert_with(|| Series {
            code: r.region_code.clone(),
            name: r.region_name.clone(),
            focus: focus.as_deref() == Some(r.region_code.as_str()),
            points: BTreeMap::new(),
        });
        s.points.insert(r.year, (m, r.qualifier));
    }
    let mut chosen: Vec<Series> = if spec.regions.is_empty() {
        let mut all: Vec<Series> = by_region.into_values().collect();
        // the focus first, then the regions with the highest latest value
        all.sort_by(|a, b| {
            b.focus
                .cmp(&a.focus)
                .then(
                    b.points
                        .values()
                        .last()
                        .map(|p| p.0)
                        .unwrap_or(0.0)
                        .total_cmp(&a.points.values().last().map(|p| p.0).unwrap_or(0.0)),
                )
                .then(a.code.cmp(&b.code))
        });
        all.into_iter().take(MAX_LINES).collect()
    } else {
        spec.regions
            .iter()
            .filter_map(|n| resolve(input, n))
            .filter_map(|c| by_region.remove(&c))
            .collect()
    };
    chosen.sort_by(|a, b| b.focus.cmp(&a.focus).then(a.code.cmp(&b.code)));
    if chosen.iter().all(|s| s.points.is_empty()) {
        return Err(ChartError::Empty {
            indicator: spec.indicator.clone(),
            year: "any year".into(),
        });
    }
    let unit = match per {
        Some(p) => fill(&labels().per_unit, &[&ind.unit, &crate::normalise::peers::per_label(p)]),
        None => ind.unit.to_string(),
    };
    Ok((chosen, unit))
}

/// The plot area and its scales: years across, values up.
struct Plot {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    y0: i32,
    y1: i32,
    lo: f64,
    hi: f64,
}

impl Plot {
    fn x(&self, yr: i32) -> f64 {
        if self.y1 == self.y0 {
            (self.left + self.right) / 2.0
        } else {
            self.left
                + (yr - self.y0) as f64 / (self.y1 - self.y0) as f64 * (self.right - self.left)
        }
    }

    fn y(&self, v: f64) -> f64 {
        self.bottom - (v - self.lo) / (self.hi - self.lo) * (self.bottom - self.top)
    }
}

fn draw<DB: DrawingBackend>(
    c: &Canvas<DB>,
    spec: &ChartSpec,
    input: &ChartInput,
    ss: &[Series],
    unit: &str,
    w: f64,
    h: f64,
) -> Result<(), ChartError> {
    let mut years: Vec<i32> = ss.iter().flat_map(|s| s.points.keys().copied()).collect();
    years.sort();
    years.dedup();
    let (y0, y1) = (years[0], *years.last().unwrap_or(&years[0]));
    draw_titles(c, spec, input, ss, unit, (y0, y1))?;
    let legend_w = ss.iter().map(|s| text_width(&s.name, 12.0)).fold(60.0, f64::max) + 70.0;
    let vals: Vec<f64> = ss.iter().flat_map(|s| s.points.values().map(|p| p.0)).collect();
    let lo = vals.iter().copied().fold(0.0, f64::min);
    let mut hi = vals.iter().copied().fold(0.0, f64::max);
    if hi <= lo {
        hi = lo + 1.0;
    }
    hi += (hi - lo) * 0.06;
    let p = Plot { left: 70.0, right: w - legend_w, top: 84.0, bottom: h - 64.0, y0, y1, lo, hi };
    for t in ticks(lo, hi, 5.0) {
        c.line(&[(p.left, p.y(t)), (p.right, p.y(t))], &style::GRID, 1.0)?;
        c.text(&fmt_value(t), (p.left - 8.0, p.y(t)), 11.0, &style::MUTED, Anchor::Right)?;
    }
    for &yr in &years {
        c.text(&yr.to_string(), (p.x(yr), p.bottom + 16.0), 11.0, &style::MUTED, Anchor::Center)?;
    }
    let labels = draw_series(c, &p, ss)?;
    // the regions' names and last values at the right, top to bottom, never overlapping
    let mut last = f64::MIN;
    for (ly, text, colour) in labels {
        let ly = ly.max(last + 16.0);
        last = ly;
        c.text(&text, (p.right + 12.0, ly), 12.0, colour, Anchor::Left)?;
    }
    let sources: Vec<&str> = input
        .panel
        .iter()
        .filter(|r| r.indicator == spec.indicator && ss.iter().any(|s| s.code == r.region_code))
        .map(|r| r.source.as_str())
        .collect();
    c.text(&input.source_line(&sources), (16.0, h - 22.0), 11.0, &style::MUTED, Anchor::Left)?;
    Ok(())
}

fn draw_titles<DB: DrawingBackend>(
    c: &Canvas<DB>,
    spec: &ChartSpec,
    input: &ChartInput,
    ss: &[Series],
    unit: &str,
    (y0, y1): (i32, i32),
) -> Result<(), ChartError> {
    let catalog = &input.reference.catalog;
    let name = catalog.get(&spec.indicator).map(|i| i.name.clone()).unwrap_or_default();
    let title =
        spec.title.clone().unwrap_or_else(|| fill(&labels().trend_title, &[&name, &y0, &y1]));
    c.text(&title, (16.0, 14.0), 20.0, &style::TEXT, Anchor::TopLeft)?;
    let bounded = ss.iter().any(|s| s.points.values().any(|p| p.1 != Qualifier::Exact));
    let bounds = if bounded { labels().trend_bounds.as_str() } else { "" };
    let subtitle = fill(&labels().trend_subtitle, &[&unit, &ss.len(), &bounds]);
    c.text(&subtitle, (16.0, 44.0), 13.0, &style::MUTED, Anchor::TopLeft)?;
    Ok(())
}

/// Lines between consecutive years and a dot per value (hollow for bounds);
/// returns each series' end label (y, text, colour), top to bottom.
fn draw_series<DB: DrawingBackend>(
    c: &Canvas<DB>,
    p: &Plot,
    ss: &[Series],
) -> Result<Vec<(f64, String, &'static RGBColor)>, ChartError> {
    let mut labels: Vec<(f64, String, &'static RGBColor)> = Vec::new();
    for (i, s) in ss.iter().enumerate() {
        let colour: &'static RGBColor =
            if s.focus { &style::FOCUS } else { &style::SERIES[i % style::SERIES.len()] };
        let pts: Vec<(i32, f64, Qualifier)> =
            s.points.iter().map(|(yr, (v, q))| (*yr, *v, *q)).collect();
        for w2 in pts.windows(2) {
            if w2[1].0 == w2[0].0 + 1 {
                c.line(
                    &[(p.x(w2[0].0), p.y(w2[0].1)), (p.x(w2[1].0), p.y(w2[1].1))],
                    colour,
                    if s.focus { 3.0 } else { 2.0 },
                )?;
            }
        }
        for &(yr, v, q) in &pts {
            c.dot((p.x(yr), p.y(v)), 3.5, colour, q == Qualifier::Exact)?;
        }
        if let Some(&(_, v, q)) = pts.last() {
            labels.push((p.y(v), format!("{} {}{}", s.name, q.mark(), fmt_value(v)), colour));
        }
    }
    labels.sort_by(|a, b| a.0.total_cmp(&b.0));
    Ok(labels)
}

fn size(spec: &ChartSpec, ss: &[Series]) -> (f64, f64) {
    (spec.width.max(560) as f64, (420.0f64).max(140.0 + ss.len() as f64 * 18.0))
}

pub fn svg(spec: &ChartSpec, input: &ChartInput) -> Result<String, ChartError> {
    let (ss, unit) = series(spec, input)?;
    let (w, h) = size(spec, &ss);
    canvas::svg(w, h, |c| draw(c, spec, input, &ss, &unit, w, h))
}

pub fn png(spec: &ChartSpec, input: &ChartInput) -> Result<Vec<u8>, ChartError> {
    let (ss, unit) = series(spec, input)?;
    let (w, h) = size(spec, &ss);
    canvas::png(w, h, spec.scale, input.reference.font, |c| draw(c, spec, input, &ss, &unit, w, h))
}
