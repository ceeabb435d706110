//! Small multiples: one small ranked panel per indicator, side by side, each
//! with its own scale, unit, median and focus.

use super::canvas::{self, Anchor};
use super::rank::{self, Layout};
use super::style;
use super::{ChartError, ChartInput, ChartSpec};
use crate::extract::FactKind;
use crate::normalise::labels::{fill, labels};
use std::collections::BTreeMap;

const COLUMNS: usize = 2;

/// The year a many-indicator chart shows: the spec's, else the one with the most values.
pub(super) fn busiest_year(spec: &ChartSpec, input: &ChartInput) -> Option<i32> {
    let kind = spec.value_kind.unwrap_or(FactKind::Actual);
    spec.year.or_else(|| {
        let mut n: BTreeMap<i32, usize> = BTreeMap::new();
        for r in input.panel.iter().filter(|r| r.kind == kind) {
            *n.entry(r.year).or_default() += 1;
        }
        n.into_iter().max_by_key(|(y, c)| (*c, *y)).map(|(y, _)| y)
    })
}

/// The indicators of a many-indicator chart: the spec's, else every catalog
/// indicator with values for at least two regions that year.
pub(super) fn indicators(spec: &ChartSpec, input: &ChartInput, year: i32) -> Vec<String> {
    if !spec.indicators.is_empty() {
        return spec.indicators.clone();
    }
    let kind = spec.value_kind.unwrap_or(FactKind::Actual);
    input
        .reference
        .catalog
        .indicators
        .iter()
        .filter(|i| {
            input
                .panel
                .iter()
                .filter(|r| r.indicator == *i.id && r.year == year && r.kind == kind)
                .count()
                >= 2
        })
        .map(|i| i.id.to_string())
        .collect()
}

fn panels(
    spec: &ChartSpec,
    input: &ChartInput,
) -> Result<(Vec<Layout>, f64, f64, i32), ChartError> {
    let year = busiest_year(spec, input).ok_or_else(|| ChartError::Empty {
        indicator: "any indicator".into(),
        year: "any year".into(),
    })?;
    let at_year = ChartSpec { year: Some(year), ..spec.clone() };
    let width = spec.width.max(640) as f64;
    let panel_w = (width - 24.0) / COLUMNS as f64;
    let mut out = Vec::new();
    for id in indicators(spec, input, year) {
        if let Ok(c) = rank::comparison(&at_year, &id, input) {
            let title = format!("{} ({})", c.indicator_name, c.measure_unit);
            out.push(Layout::of(c, panel_w, Some(title), input, true));
        }
    }
    if out.is_empty() {
        return Err(ChartError::Empty {
            indicator: "any indicator".into(),
            year: year.to_string(),
        });
    }
    let rows_h: f64 =
        out.chunks(COLUMNS).map(|row| row.iter().map(|l| l.height).fold(0.0, f64::max)).sum();
    Ok((out, width, 70.0 + rows_h + 40.0, year))
}

fn draw<DB: plotters::prelude::DrawingBackend>(
    c: &canvas::Canvas<DB>,
    spec: &ChartSpec,
    input: &ChartInput,
    ls: &[Layout],
    w: f64,
    h: f64,
    year: i32,
) -> Result<(), ChartError> {
    let _ = w;
    let title = spec.title.clone().unwrap_or_else(|| fill(&labels().multiples_title, &[&year]));
    c.text(&title, (16.0, 14.0), 20.0, &style::TEXT, Anchor::TopLeft)?;
    c.text(
        &fill(
            &labels().multiples_subtitle,
            &[
                &ls.len(),
                &if spec.per.is_some() { labels().multiples_per_capita.as_str() } else { "" },
            ],
        ),
        (16.0, 44.0),
        13.0,
        &style::MUTED,
        Anchor::TopLeft,
    )?;
    let mut y = 70.0;
    let panel_w = (w - 24.0) / COLUMNS as f64;
    for row in ls.chunks(COLUMNS) {
        for (i, l) in row.iter().enumerate() {
            rank::draw_bars(c, l, input, (12.0 + i as f64 * panel_w, y), false)?;
        }
        y += row.iter().map(|l| l.height).fold(0.0, f64::max);
    }
    let sources: Vec<&str> =
        input.panel.iter().filter(|r| r.year == year).map(|r| r.source.as_str()).collect();
    c.text(&input.source_line(&sources), (16.0, h - 22.0), 11.0, &style::MUTED, Anchor::Left)?;
    Ok(())
}

pub fn svg(spec: &ChartSpec, input: &ChartInput) -> Result<String, ChartError> {
    let (ls, w, h, year) = panels(spec, input)?;
    canvas::svg(w, h, |c| draw(c, spec, input, &ls, w, h, year))
}

pub fn png(spec: &ChartSpec, input: &ChartInput) -> Result<Vec<u8>, ChartError> {
    let (ls, w, h, year) = panels(spec, input)?;
    canvas::png(w, h, spec.scale, input.reference.font, |c| draw(c, spec, input, &ls, w, h, year))
}
