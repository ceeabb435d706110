//! Actual vs target: per region, last year's actual beside this year's target
//! (e.g. the provinces' GDP growth), targets in order, bounds marked (≥ ≈),
//! a missing actual said in words, not drawn as 0.

use super::canvas::{self, ticks, Anchor, Canvas};
use super::rank;
use super::style::{self, fmt_value, text_width};
use super::{ChartError, ChartInput, ChartSpec};
use crate::extract::{FactKind, Qualifier};
use crate::normalise::labels::{fill, labels};
use crate::normalise::Comparison;
use plotters::prelude::*;

const ROW: f64 = 34.0;
const ACTUAL: RGBColor = RGBColor(0, 114, 178);
const TARGET: RGBColor = RGBColor(230, 159, 0);

struct Pairs {
    targets: Comparison,
    /// per target row: last year's actual (measure, qualifier)
    actuals: Vec<Option<(f64, Qualifier)>>,
    left: f64,
}

fn pairs(spec: &ChartSpec, input: &ChartInput) -> Result<Pairs, ChartError> {
    let t = ChartSpec { value_kind: Some(FactKind::Target), ..spec.clone() };
    let targets = rank::comparison(&t, &spec.indicator, input)?;
    let a = ChartSpec {
        value_kind: Some(FactKind::Actual),
        year: Some(targets.year - 1),
        focus: None,
        ..spec.clone()
    };
    let actual = rank::comparison(&a, &spec.indicator, input).ok();
    let actuals = targets
        .rows
        .iter()
        .map(|r| {
            actual
                .as_ref()
                .and_then(|c| c.rows.iter().find(|x| x.region_code == r.region_code))
                .map(|x| (x.measure, x.qualifier))
        })
        .collect();
    let left =
        targets.rows.iter().map(|r| text_width(&r.region_name, 13.0)).fold(40.0, f64::max) + 24.0;
    Ok(Pairs { targets, actuals, left })
}

fn draw<DB: DrawingBackend>(
    c: &Canvas<DB>,
    spec: &ChartSpec,
    input: &ChartInput,
    p: &Pairs,
    w: f64,
    h: f64,
) -> Result<(), ChartError> {
    let t = &p.targets;
    draw_titles(c, spec, t)?;
    let top = 96.0;
    let right = w - 70.0;
    let vals = t.rows.iter().map(|r| r.measure).chain(p.actuals.iter().flatten().map(|a| a.0));
    let (lo, mut hi) = vals.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    if hi <= lo {
        hi = lo + 1.0;
    }
    hi += (hi - lo) * 0.05;
    let x = |v: f64| p.left + (v - lo) / (hi - lo) * (right - p.left);
    let bottom = top + t.rows.len() as f64 * ROW;
    for tk in ticks(lo, hi, 5.0) {
        c.line(&[(x(tk), top - 6.0), (x(tk), bottom)], &style::GRID, 1.0)?;
        c.text(&fmt_value(tk), (x(tk), bottom + 12.0), 11.0, &style::MUTED, Anchor::Center)?;
    }
    let zero = x(0.0f64.clamp(lo, hi));
    for (i, (r, a)) in t.rows.iter().zip(&p.actuals).enumerate() {
        let y0 = top + i as f64 * ROW;
        let name_color: &'static RGBColor = if r.is_focus { &style::FOCUS } else { &style::TEXT };
        c.text(&r.region_name, (p.left - 10.0, y0 + ROW / 2.0), 13.0, name_color, Anchor::Right)?;
        draw_actual(c, *a, t.year, zero, y0, &x)?;
        let end = x(r.measure);
        c.rect(
            (zero.min(end), y0 + ROW / 2.0 + 1.0),
            (zero.max(end).max(zero + 1.0), y0 + ROW - 4.0),
            &TARGET,
        )?;
        let label = format!("{}{}", r.qualifier.mark(), fmt_value(r.measure));
        let at = (zero.max(end) + 4.0, y0 + ROW * 0.75 - 1.5);
        c.text(&label, at, 11.0, &style::TEXT, Anchor::Left)?;
    }
    let sources: Vec<&str> = t.rows.iter().map(|r| r.source.as_str()).collect();
    c.text(&input.source_line(&sources), (16.0, h - 22.0), 11.0, &style::MUTED, Anchor::Left)?;
    Ok(())
}

/// Title, subtitle and the legend of the two bars.
fn draw_titles<DB: DrawingBackend>(
    c: &Canvas<DB>,
    spec: &ChartSpec,
    t: &Comparison,
) -> Result<(), ChartError> {
    let y = t.year;
    let title = spec
        .title
        .clone()
        .unwrap_or_else(|| fill(&labels().target_title, &[&t.indicator_name, &(y - 1), &y]));
    c.text(&title, (16.0, 14.0), 20.0, &style::TEXT, Anchor::TopLeft)?;
    let subtitle = fill(&labels().target_subtitle, &[&t.measure_unit, &t.rows.len(), &y]);
    c.text(&subtitle, (16.0, 44.0), 13.0, &style::MUTED, Anchor::TopLeft)?;
    c.rect((16.0, 66.0), (28.0, 76.0), &ACTUAL)?;
    let actual = fill(&labels().actual_of_year, &[&(y - 1)]);
    c.text(&actual, (32.0, 71.0), 12.0, &style::TEXT, Anchor::Left)?;
    c.rect((112.0, 66.0), (124.0, 76.0), &TARGET)?;
    let target = fill(&labels().target_of_year, &[&y]);
    c.text(&target, (128.0, 71.0), 12.0, &style::TEXT, Anchor::Left)?;
    Ok(())
}

/// Last year's actual as the upper bar of a row (or a note that there is none).
fn draw_actual<DB: DrawingBackend>(
    c: &Canvas<DB>,
    actual: Option<(f64, Qualifier)>,
    year: i32,
    zero: f64,
    y0: f64,
    x: &dyn Fn(f64) -> f64,
) -> Result<(), ChartError> {
    let Some((v, q)) = actual else {
        let at = (zero + 4.0, y0 + ROW / 4.0 + 1.5);
        let none = fill(&labels().no_actual, &[&(year - 1)]);
        return c.text(&none, at, 11.0, &style::MUTED, Anchor::Left);
    };
    c.rect(
        (zero.min(x(v)), y0 + 4.0),
        (zero.max(x(v)).max(zero + 1.0), y0 + ROW / 2.0 - 1.0),
        &ACTUAL,
    )?;
    let at = (zero.max(x(v)) + 4.0, y0 + ROW / 4.0 + 1.5);
    c.text(&format!("{}{}", q.mark(), fmt_value(v)), at, 11.0, &style::TEXT, Anchor::Left)
}

fn size(spec: &ChartSpec, p: &Pairs) -> (f64, f64) {
    (spec.width.max(560) as f64, 96.0 + p.targets.rows.len() as f64 * ROW + 70.0)
}

pub fn svg(spec: &ChartSpec, input: &ChartInput) -> Result<String, ChartError> {
    let p = pairs(spec, input)?;
    let (w, h) = size(spec, &p);
    canvas::svg(w, h, |c| draw(c, spec, input, &p, w, h))
}

pub fn png(spec: &ChartSpec, input: &ChartInput) -> Result<Vec<u8>, ChartError> {
    let p = pairs(spec, input)?;
    let (w, h) = size(spec, &p);
    canvas::png(w, h, spec.scale, input.reference.font, |c| draw(c, spec, input, &p, w, h))
}
