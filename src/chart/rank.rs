//! Ranked horizontal bars of one indicator across regions for one year, raw or
//! per capita: the focus region highlighted, the peer median drawn, bounds
//! marked ≥ / ≈ / ≤, regions without population listed as missing, and the
//! chart growing in height with the number of regions so labels never overlap.

use super::canvas::{self, ticks, Anchor, Canvas};
use super::style::{self, fmt_value, text_width};
use super::{ChartError, ChartInput, ChartSpec};
use crate::extract::{FactKind, Qualifier};
use crate::locate::Level;
use crate::normalise::labels::{fill, labels};
use crate::normalise::selection::{query, Selection};
use crate::normalise::{compare, Comparison};
use plotters::prelude::*;

const ROW: f64 = 24.0;
const TOP: f64 = 92.0;
const BOTTOM: f64 = 78.0;
const RIGHT: f64 = 96.0;

/// The comparison a rank chart shows (of `indicator`, with the spec's selection).
pub fn comparison(
    spec: &ChartSpec,
    indicator: &str,
    input: &ChartInput,
) -> Result<Comparison, ChartError> {
    let spec = &ChartSpec { indicator: indicator.to_string(), ..spec.clone() };
    let sel = Selection {
        year: spec.year,
        kind: spec.value_kind,
        per: spec.per,
        level: spec.level,
        within: spec.within.as_deref(),
        focus: spec.focus.as_deref(),
    };
    let q = query(&input.panel, &spec.indicator, &sel).ok_or_else(|| ChartError::Empty {
        indicator: spec.indicator.clone(),
        year: "any year".into(),
    })?;
    let year = q.year;
    let c = compare(
        &input.panel,
        &input.reference.catalog,
        &input.reference.population,
        &input.reference.gazetteer,
        &q,
    )?;
    if c.rows.is_empty() {
        return Err(ChartError::Empty {
            indicator: spec.indicator.clone(),
            year: year.to_string(),
        });
    }
    Ok(c)
}

/// Everything the drawing needs, computed once for SVG and PNG alike.
pub(super) struct Layout {
    pub(super) width: f64,
    pub(super) height: f64,
    left: f64,
    lo: f64,
    hi: f64,
    title: String,
    subtitle: String,
    source: String,
    c: Comparison,
}

impl Layout {
    fn new(spec: &ChartSpec, input: &ChartInput) -> Result<Layout, ChartError> {
        let c = comparison(spec, &spec.indicator, input)?;
        Ok(Layout::of(c, spec.width.max(480) as f64, spec.title.clone(), input, false))
    }

    /// The layout of a comparison at a width; `compact` for a small-multiples panel.
    pub(super) fn of(
        c: Comparison,
        width: f64,
        title: Option<String>,
        input: &ChartInput,
        compact: bool,
    ) -> Layout {
        let label_w = c
            .rows
            .iter()
            .map(|r| text_width(&r.region_name, 13.0))
            .chain(c.missing_population.iter().map(|code| text_width(&name_of(input, code), 13.0)))
            .fold(40.0, f64::max);
        let left = label_w + 24.0;
        let n = c.rows.len() + c.missing_population.len();
        let height =
            if compact { 50.0 + n as f64 * ROW + 34.0 } else { TOP + n as f64 * ROW + BOTTOM };
        let values = c.rows.iter().map(|r| r.measure).chain(c.median);
        let (mut lo, mut hi) = values.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
        if hi == lo {
            hi = lo + 1.0;
        }
        let pad = (hi - lo) * 0.04;
        if lo < 0.0 {
            lo -= (hi - lo) * 0.15; // room for the label left of a negative bar
        }
        hi += pad;
        let l = labels();
        let kind_label = if c.kind == FactKind::Target { l.target_kind.as_str() } else { "" };
        let basis = match c.per {
            Some(p) => fill(&l.per_residents, &[&crate::normalise::peers::per_label(p)]),
            None => String::new(),
        };
        let title = title.unwrap_or_else(|| {
            let mut t = fill(&l.rank_title, &[&c.indicator_name, &c.year, &kind_label]);
            if !basis.is_empty() {
                t.push_str(&format!("：{basis}"));
            }
            t
        });
        let mut subtitle = fill(&l.unit_line, &[&c.measure_unit]);
        let mut pop_years: Vec<i32> = c.rows.iter().filter_map(|r| r.population_year).collect();
        pop_years.sort();
        pop_years.dedup();
        if c.per.is_some() && !pop_years.is_empty() {
            let years = pop_years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join("、");
            subtitle.push_str(&fill(&l.population_years, &[&years]));
        }
        subtitle.push_str(&fill(&l.region_count, &[&c.rows.len()]));
        if let Some(level) = c.level {
            subtitle.push_str(&format!("（{}）", level_label(level)));
        }
        if let Some(f) = c.rows.iter().find(|r| r.is_focus) {
            subtitle.push_str(&fill(&l.focus_rank, &[&f.region_name, &f.rank]));
        }
        let sources: Vec<&str> = c.rows.iter().map(|r| r.source.as_str()).collect();
        let source = input.source_line(&sources);
        Layout { width, height, left, lo, hi, title, subtitle, source, c }
    }

    fn x(&self, v: f64) -> f64 {
        let plot_w = self.width - self.left - RIGHT;
        self.left + (v - self.lo) / (self.hi - self.lo) * plot_w
    }
}

fn name_of(input: &ChartInput, code: &str) -> String {
    input.reference.gazetteer.get(code).map(|r| r.name.clone()).unwrap_or_else(|| code.to_string())
}

fn level_label(level: Level) -> &'static str {
    let l = labels();
    match level {
        Level::Province => &l.level_province,
        Level::Prefecture => &l.level_prefecture,
        Level::County => &l.level_county,
        Level::National => &l.level_national,
    }
}

/// Draw the ranked bars of `l` with its top-left corner at (ox, oy); `full`
/// adds the title, subtitle and source line (small multiples leave them out).
pub(super) fn draw_bars<DB: DrawingBackend>(
    c: &Canvas<DB>,
    l: &Layout,
    input: &ChartInput,
    (ox, oy): (f64, f64),
    full: bool,
) -> Result<(), ChartError> {
    let top = if full { TOP } else { 50.0 };
    if full {
        c.text(&l.title, (ox + 16.0, oy + 14.0), 20.0, &style::TEXT, Anchor::TopLeft)?;
        c.text(&l.subtitle, (ox + 16.0, oy + 44.0), 13.0, &style::MUTED, Anchor::TopLeft)?;
        c.text(&l.source, (ox + 16.0, oy + l.height - 22.0), 11.0, &style::MUTED, Anchor::Left)?;
        legend(c, l, (ox + 16.0, oy + l.height - 44.0))?;
    } else {
        c.text(&l.title, (ox + 8.0, oy + 6.0), 14.0, &style::TEXT, Anchor::TopLeft)?;
    }
    let x = |v: f64| ox + l.x(v);
    let plot_top = oy + top - 12.0;
    let rows_end = oy + top + (l.c.rows.len() + l.c.missing_population.len()) as f64 * ROW;
    for t in ticks(l.lo, l.hi, 5.0) {
        c.line(&[(x(t), plot_top), (x(t), rows_end)], &style::GRID, 1.0)?;
        c.text(&fmt_value(t), (x(t), rows_end + 12.0), 11.0, &style::MUTED, Anchor::Center)?;
    }
    let zero = x(0.0_f64.clamp(l.lo, l.hi));
    for (i, r) in l.c.rows.iter().enumerate() {
        let y = oy + top + i as f64 * ROW;
        let q = r.qualifier;
        let color = if r.is_focus {
            style::FOCUS
        } else if q != Qualifier::Exact {
            style::BOUND
        } else {
            style::BAR
        };
        let (x0, x1) = if r.measure >= 0.0 { (zero, x(r.measure)) } else { (x(r.measure), zero) };
        c.rect((x0, y + 4.0), (x1.max(x0 + 1.0), y + ROW - 4.0), &color)?;
        let name_color: &'static RGBColor = if r.is_focus { &style::FOCUS } else { &style::TEXT };
        c.text(
            &r.region_name,
            (ox + l.left - 10.0, y + ROW / 2.0),
            13.0,
            name_color,
            Anchor::Right,
        )?;
        let label = format!("{}{}", q.mark(), fmt_value(r.measure));
        if r.measure >= 0.0 {
            c.text(&label, (x1 + 5.0, y + ROW / 2.0), 12.0, &style::TEXT, Anchor::Left)?;
        } else {
            c.text(&label, (x0 - 5.0, y + ROW / 2.0), 12.0, &style::TEXT, Anchor::Right)?;
        }
    }
    for (j, code) in l.c.missing_population.iter().enumerate() {
        let y = oy + top + (l.c.rows.len() + j) as f64 * ROW;
        c.text(
            &name_of(input, code),
            (ox + l.left - 10.0, y + ROW / 2.0),
            13.0,
            &style::MUTED,
            Anchor::Right,
        )?;
        c.text(
            &labels().no_population,
            (zero + 5.0, y + ROW / 2.0),
            12.0,
            &style::MUTED,
            Anchor::Left,
        )?;
    }
    // the peer median: a dashed line with its value
    if let Some(m) = l.c.median {
        c.dashed_vline(x(m), plot_top, rows_end, &style::MEDIAN)?;
        c.text(
            &fill(&labels().median_value, &[&fmt_value(m)]),
            (x(m), plot_top - 2.0),
            11.0,
            &style::MEDIAN,
            Anchor::Above,
        )?;
    }
    Ok(())
}

/// What the colours and marks mean: the focus region, bounded values (≥ ≈ ≤),
/// the other regions and the median line, each with its swatch.
fn legend<DB: DrawingBackend>(
    c: &Canvas<DB>,
    l: &Layout,
    (x, y): (f64, f64),
) -> Result<(), ChartError> {
    let mut items: Vec<(RGBColor, String)> = Vec::new();
    if let Some(f) = l.c.rows.iter().find(|r| r.is_focus) {
        items.push((style::FOCUS, fill(&labels().focus_legend, &[&f.region_name])));
    }
    if l.c.rows.iter().any(|r| r.qualifier != Qualifier::Exact && !r.is_focus) {
        items.push((style::BOUND, labels().bounds_legend.clone()));
    }
    items.push((style::BAR, labels().others_legend.clone()));
    let mut at = x;
    for (color, label) in &items {
        c.rect((at, y - 5.0), (at + 10.0, y + 5.0), color)?;
        c.text(label, (at + 14.0, y), 11.0, &style::MUTED, Anchor::Left)?;
        at += 14.0 + text_width(&style::plain(label), 11.0) + 18.0;
    }
    if l.c.median.is_some() {
        c.dashed_vline(at + 4.0, y - 6.0, y + 6.0, &style::MEDIAN)?;
        c.text(&labels().median_legend, (at + 12.0, y), 11.0, &style::MUTED, Anchor::Left)?;
    }
    Ok(())
}

pub fn svg(spec: &ChartSpec, input: &ChartInput) -> Result<String, ChartError> {
    let l = Layout::new(spec, input)?;
    canvas::svg(l.width, l.height, |c| draw_bars(c, &l, input, (0.0, 0.0), true))
}

pub fn png(spec: &ChartSpec, input: &ChartInput) -> Result<Vec<u8>, ChartError> {
    let l = Layout::new(spec, input)?;
    canvas::png(l.width, l.height, spec.scale, input.reference.font, |c| {
        draw_bars(c, &l, input, (0.0, 0.0), true)
    })
}
