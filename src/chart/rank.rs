//! Ranked horizontal bars of one indicator across regions for one year, raw or
//! per capita: the focus region highlighted, the peer median drawn, bounds
//! marked ≥ / ≈ / ≤, regions without population listed as missing, and the
//! chart growing in height with the number of regions so labels never overlap.

use super::style::{self, fmt_value, text_width, FAMILY};
use super::{ChartError, ChartInput, ChartSpec};
use crate::extract::Qualifier;
use crate::normalise::peers::{query, Selection};
use crate::normalise::{compare, Comparison};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const ROW: f64 = 24.0;
const TOP: f64 = 92.0;
const BOTTOM: f64 = 78.0;
const RIGHT: f64 = 96.0;

/// The comparison a rank chart shows.
pub fn comparison(spec: &ChartSpec, input: &ChartInput) -> Result<Comparison, ChartError> {
    let sel = Selection {
        year: spec.year,
        kind: spec.value_kind.as_deref(),
        per: spec.per,
        level: spec.level.as_deref(),
        within: spec.within.as_deref(),
        focus: spec.focus.as_deref(),
    };
    let q = query(&input.panel, &spec.indicator, &sel).ok_or_else(|| ChartError::Empty { indicator: spec.indicator.clone(), year: "any year".into() })?;
    let year = q.year;
    let c = compare(&input.panel, &input.catalog, &input.population, &input.gazetteer, &q)?;
    if c.rows.is_empty() {
        return Err(ChartError::Empty { indicator: spec.indicator.clone(), year: year.to_string() });
    }
    Ok(c)
}

/// Everything the drawing needs, computed once for SVG and PNG alike.
struct Layout {
    width: f64,
    height: f64,
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
        let c = comparison(spec, input)?;
        let label_w = c.rows.iter().map(|r| text_width(&r.region_name, 13.0)).chain(c.missing_population.iter().map(|code| text_width(&name_of(input, code), 13.0))).fold(40.0, f64::max);
        let left = label_w + 24.0;
        let n = c.rows.len() + c.missing_population.len();
        let height = TOP + n as f64 * ROW + BOTTOM;
        let values = c.rows.iter().map(|r| r.measure).chain(c.median);
        let (mut lo, mut hi) = values.fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
        if hi == lo {
            hi = lo + 1.0;
        }
        let pad = (hi - lo) * 0.04;
        if lo < 0.0 {
            lo -= pad;
        }
        hi += pad;
        let kind_label = if c.kind == "target" { "目标" } else { "" };
        let basis = match c.per {
            Some(p) => format!("每{}常住人口", crate::normalise::peers::per_label(p)),
            None => String::new(),
        };
        let title = spec.title.clone().unwrap_or_else(|| {
            let mut t = format!("{}（{}年{}）", c.indicator_name, c.year, kind_label);
            if !basis.is_empty() {
                t.push_str(&format!("：{basis}"));
            }
            t
        });
        let mut subtitle = format!("单位：{}", c.measure_unit);
        let mut pop_years: Vec<i32> = c.rows.iter().filter_map(|r| r.population_year).collect();
        pop_years.sort();
        pop_years.dedup();
        if c.per.is_some() && !pop_years.is_empty() {
            let years = pop_years.iter().map(|y| y.to_string()).collect::<Vec<_>>().join("、");
            subtitle.push_str(&format!("（人口：{years}年常住人口）"));
        }
        subtitle.push_str(&format!("；{}个地区", c.rows.len()));
        if let Some(level) = &c.level {
            subtitle.push_str(&format!("（{}）", level_label(level)));
        }
        if let Some(f) = c.rows.iter().find(|r| r.is_focus) {
            subtitle.push_str(&format!("；{}排第{}位", f.region_name, f.rank));
        }
        if c.rows.iter().any(|r| r.qualifier != "exact") {
            subtitle.push_str("；≥ 下限 ≈ 约数 ≤ 上限");
        }
        let sources: Vec<&str> = c.rows.iter().map(|r| r.source.as_str()).collect();
        let source = input.source_line(&sources);
        Ok(Layout { width: spec.width.max(480) as f64, height, left, lo, hi, title, subtitle, source, c })
    }

    fn x(&self, v: f64) -> f64 {
        let plot_w = self.width - self.left - RIGHT;
        self.left + (v - self.lo) / (self.hi - self.lo) * plot_w
    }
}

fn name_of(input: &ChartInput, code: &str) -> String {
    input.gazetteer.get(code).map(|r| r.name.clone()).unwrap_or_else(|| code.to_string())
}

fn level_label(level: &str) -> &'static str {
    match level {
        "province" => "省级",
        "prefecture" => "地级",
        "county" => "县级",
        "national" => "全国",
        _ => "",
    }
}

/// Round tick step: 1, 2 or 5 × 10^k giving about `n` ticks.
fn tick_step(span: f64, n: f64) -> f64 {
    let raw = span / n;
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag)
}

fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, l: &Layout, input: &ChartInput, s: f64) -> Result<(), ChartError> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| ChartError::Draw(e.to_string());
    let px = |v: f64| (v * s).round() as i32;
    let font = |size: f64, color: &'static RGBColor| TextStyle::from((FAMILY, size * s).into_font()).color(color);
    root.fill(&WHITE).map_err(err)?;
    root.draw(&Text::new(style::plain(&l.title), (px(16.0), px(14.0)), font(20.0, &style::TEXT))).map_err(err)?;
    root.draw(&Text::new(style::plain(&l.subtitle), (px(16.0), px(44.0)), font(13.0, &style::MUTED))).map_err(err)?;
    let plot_top = TOP - 12.0;
    let rows_end = TOP + (l.c.rows.len() + l.c.missing_population.len()) as f64 * ROW;
    // grid and ticks
    let step = tick_step(l.hi - l.lo, 5.0);
    let mut t = (l.lo / step).ceil() * step;
    while t <= l.hi + 1e-9 {
        let x = px(l.x(t));
        root.draw(&PathElement::new(vec![(x, px(plot_top)), (x, px(rows_end))], ShapeStyle::from(&style::GRID).stroke_width(s as u32))).map_err(err)?;
        root.draw(&Text::new(fmt_value(t), (x, px(rows_end + 6.0)), font(11.0, &style::MUTED).pos(Pos::new(HPos::Center, VPos::Top)))).map_err(err)?;
        t += step;
    }
    let zero = l.x(0.0_f64.clamp(l.lo, l.hi));
    for (i, r) in l.c.rows.iter().enumerate() {
        let y = TOP + i as f64 * ROW;
        let q = Qualifier::parse(&r.qualifier).unwrap_or(Qualifier::Exact);
        let color = if r.is_focus { style::FOCUS } else if q != Qualifier::Exact { style::BOUND } else { style::BAR };
        let (x0, x1) = if r.measure >= 0.0 { (zero, l.x(r.measure)) } else { (l.x(r.measure), zero) };
        root.draw(&Rectangle::new([(px(x0), px(y + 4.0)), (px(x1.max(x0 + 1.0)), px(y + ROW - 4.0))], color.filled())).map_err(err)?;
        let name_color: &'static RGBColor = if r.is_focus { &style::FOCUS } else { &style::TEXT };
        root.draw(&Text::new(r.region_name.clone(), (px(l.left - 10.0), px(y + ROW / 2.0)), font(13.0, name_color).pos(Pos::new(HPos::Right, VPos::Center)))).map_err(err)?;
        let label = format!("{}{}", q.mark(), fmt_value(r.measure));
        let lx = if r.measure >= 0.0 { x1 + 5.0 } else { x0 - 5.0 };
        let h = if r.measure >= 0.0 { HPos::Left } else { HPos::Right };
        root.draw(&Text::new(label, (px(lx), px(y + ROW / 2.0)), font(12.0, &style::TEXT).pos(Pos::new(h, VPos::Center)))).map_err(err)?;
    }
    for (j, code) in l.c.missing_population.iter().enumerate() {
        let y = TOP + (l.c.rows.len() + j) as f64 * ROW;
        root.draw(&Text::new(name_of(input, code), (px(l.left - 10.0), px(y + ROW / 2.0)), font(13.0, &style::MUTED).pos(Pos::new(HPos::Right, VPos::Center)))).map_err(err)?;
        root.draw(&Text::new("缺少人口数据，未计算".to_string(), (px(zero + 5.0), px(y + ROW / 2.0)), font(12.0, &style::MUTED).pos(Pos::new(HPos::Left, VPos::Center)))).map_err(err)?;
    }
    // the peer median: a dashed line with its value
    if let Some(m) = l.c.median {
        let x = px(l.x(m));
        let mut yy = plot_top;
        while yy < rows_end {
            let y2 = (yy + 5.0).min(rows_end);
            root.draw(&PathElement::new(vec![(x, px(yy)), (x, px(y2))], ShapeStyle::from(&style::MEDIAN).stroke_width((1.5 * s) as u32))).map_err(err)?;
            yy += 9.0;
        }
        root.draw(&Text::new(format!("中位数 {}", fmt_value(m)), (x, px(plot_top - 2.0)), font(11.0, &style::MEDIAN).pos(Pos::new(HPos::Center, VPos::Bottom)))).map_err(err)?;
    }
    root.draw(&Text::new(style::plain(&l.source), (px(16.0), px(l.height - 22.0)), font(11.0, &style::MUTED).pos(Pos::new(HPos::Left, VPos::Center)))).map_err(err)?;
    Ok(())
}

pub fn svg(spec: &ChartSpec, input: &ChartInput) -> Result<String, ChartError> {
    let l = Layout::new(spec, input)?;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (l.width as u32, l.height.ceil() as u32)).into_drawing_area();
        draw(&root, &l, input, 1.0)?;
        root.present().map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    Ok(out)
}

pub fn png(spec: &ChartSpec, input: &ChartInput) -> Result<Vec<u8>, ChartError> {
    let l = Layout::new(spec, input)?;
    let s = spec.scale.clamp(1, 4);
    let (w, h) = (l.width as u32 * s, l.height.ceil() as u32 * s);
    let mut buf = vec![255u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        draw(&root, &l, input, s as f64)?;
        root.present().map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    let mut png = Vec::new();
    use image::ImageEncoder;
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&buf, w, h, image::ColorType::Rgb8)
        .map_err(|e| ChartError::Draw(e.to_string()))?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(tick_step(100.0, 5.0), 20.0);
        assert_eq!(tick_step(7.0, 5.0), 2.0);
        assert_eq!(tick_step(0.3, 5.0), 0.1);
    }
}
