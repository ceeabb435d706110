//! Heatmap: regions × indicators, each cell coloured by the region's
//! percentile among its peers for that indicator, the value (with ≥ / ≈
//! marks) written in the cell, missing cells grey with "—", never 0.

use super::canvas::{self, Anchor, Canvas};
use super::multiples::{busiest_year, indicators};
use super::rank;
use super::style::{self, fmt_value, text_width};
use super::{ChartError, ChartInput, ChartSpec};
use crate::normalise::labels::{fill, labels};
use crate::normalise::Comparison;
use plotters::prelude::*;
use std::collections::BTreeMap;

const CELL_W: f64 = 92.0;
const CELL_H: f64 = 26.0;

struct Grid {
    year: i32,
    columns: Vec<Comparison>,
    /// (code, name) in row order
    regions: Vec<(String, String)>,
    left: f64,
}

fn grid(spec: &ChartSpec, input: &ChartInput) -> Result<Grid, ChartError> {
    let year = busiest_year(spec, input).ok_or_else(|| ChartError::Empty {
        indicator: "any indicator".into(),
        year: "any year".into(),
    })?;
    let at_year = ChartSpec { year: Some(year), ..spec.clone() };
    let columns: Vec<Comparison> = indicators(spec, input, year)
        .iter()
        .filter_map(|id| rank::comparison(&at_year, id, input).ok())
        .collect();
    if columns.is_empty() {
        return Err(ChartError::Empty {
            indicator: "any indicator".into(),
            year: year.to_string(),
        });
    }
    // rows: every region with a value, best average percentile first
    let mut score: BTreeMap<(String, String), (f64, usize)> = BTreeMap::new();
    for c in &columns {
        for r in &c.rows {
            let e = score.entry((r.region_code.clone(), r.region_name.clone())).or_insert((0.0, 0));
            e.0 += r.percentile;
            e.1 += 1;
        }
    }
    let mut regions: Vec<((String, String), f64)> =
        score.into_iter().map(|(k, (s, n))| (k, s / n as f64)).collect();
    regions.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0 .0.cmp(&b.0 .0)));
    let regions: Vec<(String, String)> = regions.into_iter().map(|r| r.0).collect();
    let left = regions.iter().map(|r| text_width(&r.1, 13.0)).fold(40.0, f64::max) + 28.0;
    Ok(Grid { year, columns, regions, left })
}

/// An indicator name in at most two lines of about six characters.
fn header_lines(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() <= 7 {
        return vec![name.to_string()];
    }
    let mid = chars.len().div_ceil(2);
    vec![chars[..mid].iter().collect(), chars[mid..].iter().collect()]
}

fn size(g: &Grid) -> (f64, f64) {
    (
        g.left + g.columns.len() as f64 * CELL_W + 24.0,
        130.0 + g.regions.len() as f64 * CELL_H + 60.0,
    )
}

fn draw<DB: DrawingBackend>(
    c: &Canvas<DB>,
    spec: &ChartSpec,
    input: &ChartInput,
    g: &Grid,
    h: f64,
) -> Result<(), ChartError> {
    let title = spec.title.clone().unwrap_or_else(|| fill(&labels().heatmap_title, &[&g.year]));
    c.text(&title, (16.0, 14.0), 20.0, &style::TEXT, Anchor::TopLeft)?;
    c.text(&labels().heatmap_subtitle, (16.0, 44.0), 13.0, &style::MUTED, Anchor::TopLeft)?;
    let top = 130.0;
    for (j, col) in g.columns.iter().enumerate() {
        let cx = g.left + j as f64 * CELL_W + CELL_W / 2.0;
        let lines = header_lines(&col.indicator_name);
        for (k, line) in lines.iter().enumerate() {
            c.text(
                line,
                (cx, top - 36.0 + k as f64 * 15.0 - (lines.len() as f64 - 1.0) * 7.0),
                12.0,
                &style::TEXT,
                Anchor::Center,
            )?;
        }
        c.text(
            &format!("({})", col.measure_unit),
            (cx, top - 10.0),
            10.0,
            &style::MUTED,
            Anchor::Center,
        )?;
    }
    for (i, (code, name)) in g.regions.iter().enumerate() {
        let y = top + i as f64 * CELL_H;
        c.text(name, (g.left - 10.0, y + CELL_H / 2.0), 13.0, &style::TEXT, Anchor::Right)?;
        for (j, col) in g.columns.iter().enumerate() {
            let x = g.left + j as f64 * CELL_W;
            match col.rows.iter().find(|r| &r.region_code == code) {
                Some(r) => {
                    let (fill, white) = style::percentile_colour(r.percentile);
                    c.rect((x + 1.0, y + 1.0), (x + CELL_W - 1.0, y + CELL_H - 1.0), fill)?;
                    let mark = r.qualifier.mark();
                    let ink: &'static RGBColor =
                        if white { &style::WHITE_TEXT } else { &style::TEXT };
                    c.text(
                        &format!("{mark}{}", fmt_value(r.measure)),
                        (x + CELL_W / 2.0, y + CELL_H / 2.0),
                        12.0,
                        ink,
                        Anchor::Center,
                    )?;
                }
                None => {
                    c.rect(
                        (x + 1.0, y + 1.0),
                        (x + CELL_W - 1.0, y + CELL_H - 1.0),
                        &style::MISSING,
                    )?;
                    c.text(
                        "—",
                        (x + CELL_W / 2.0, y + CELL_H / 2.0),
                        12.0,
                        &style::MUTED,
                        Anchor::Center,
                    )?;
                }
            }
        }
    }
    let sources: Vec<&str> =
        g.columns.iter().flat_map(|c| c.rows.iter().map(|r| r.source.as_str())).collect();
    c.text(&input.source_line(&sources), (16.0, h - 22.0), 11.0, &style::MUTED, Anchor::Left)?;
    Ok(())
}

pub fn svg(spec: &ChartSpec, input: &ChartInput) -> Result<String, ChartError> {
    let g = grid(spec, input)?;
    let (w, h) = size(&g);
    canvas::svg(w, h, |c| draw(c, spec, input, &g, h))
}

pub fn png(spec: &ChartSpec, input: &ChartInput) -> Result<Vec<u8>, ChartError> {
    let g = grid(spec, input)?;
    let (w, h) = size(&g);
    canvas::png(w, h, spec.scale, input.reference.font, |c| draw(c, spec, input, &g, h))
}
