//! A thin drawing surface over plotters shared by every chart kind: logical
//! pixel coordinates, text in the bundled font with half-width punctuation,
//! and the SVG / PNG encoders (a PNG is its SVG rendered).

use super::style::{self, FAMILY};
use super::ChartError;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Where text hangs from its point.
#[derive(Debug, Clone, Copy)]
pub enum Anchor {
    Left,
    Right,
    Center,
    /// centred above the point
    Above,
    /// left, hanging below the point
    TopLeft,
}

pub struct Canvas<'a, DB: DrawingBackend> {
    pub area: &'a DrawingArea<DB, Shift>,
    pub scale: f64,
}

impl<DB: DrawingBackend> Canvas<'_, DB> {
    fn px(&self, v: f64) -> i32 {
        (v * self.scale).round() as i32
    }

    fn err(e: DrawingAreaErrorKind<DB::ErrorType>) -> ChartError {
        ChartError::Draw(e.to_string())
    }

    pub fn fill(&self, color: &RGBColor) -> Result<(), ChartError> {
        self.area.fill(color).map_err(Self::err)
    }

    pub fn text(
        &self,
        text: &str,
        (x, y): (f64, f64),
        size: f64,
        color: &'static RGBColor,
        anchor: Anchor,
    ) -> Result<(), ChartError> {
        let (h, v) = match anchor {
            Anchor::Left => (HPos::Left, VPos::Center),
            Anchor::Right => (HPos::Right, VPos::Center),
            Anchor::Center => (HPos::Center, VPos::Center),
            Anchor::Above => (HPos::Center, VPos::Bottom),
            Anchor::TopLeft => (HPos::Left, VPos::Top),
        };
        let style = TextStyle::from((FAMILY, size * self.scale).into_font())
            .color(color)
            .pos(Pos::new(h, v));
        self.area
            .draw(&Text::new(style::plain(text), (self.px(x), self.px(y)), style))
            .map_err(Self::err)
    }

    pub fn rect(
        &self,
        (x0, y0): (f64, f64),
        (x1, y1): (f64, f64),
        color: &RGBColor,
    ) -> Result<(), ChartError> {
        self.area
            .draw(&Rectangle::new(
                [(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))],
                color.filled(),
            ))
            .map_err(Self::err)
    }

    pub fn outline(
        &self,
        (x0, y0): (f64, f64),
        (x1, y1): (f64, f64),
        color: &RGBColor,
    ) -> Result<(), ChartError> {
        let s = ShapeStyle::from(color).stroke_width(self.scale.max(1.0) as u32);
        self.area
            .draw(&Rectangle::new([(self.px(x0), self.px(y0)), (self.px(x1), self.px(y1))], s))
            .map_err(Self::err)
    }

    pub fn line(
        &self,
        points: &[(f64, f64)],
        color: &RGBColor,
        width: f64,
    ) -> Result<(), ChartError> {
        let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| (self.px(x), self.px(y))).collect();
        let s = ShapeStyle::from(color).stroke_width((width * self.scale).max(1.0) as u32);
        self.area.draw(&PathElement::new(pts, s)).map_err(Self::err)
    }

    /// A dashed vertical line from y0 to y1.
    pub fn dashed_vline(
        &self,
        x: f64,
        y0: f64,
        y1: f64,
        color: &RGBColor,
    ) -> Result<(), ChartError> {
        let mut y = y0;
        while y < y1 {
            self.line(&[(x, y), (x, (y + 5.0).min(y1))], color, 1.5)?;
            y += 9.0;
        }
        Ok(())
    }

    pub fn dot(
        &self,
        (x, y): (f64, f64),
        r: f64,
        color: &RGBColor,
        filled: bool,
    ) -> Result<(), ChartError> {
        let s = if filled {
            color.filled()
        } else {
            ShapeStyle::from(color).stroke_width((1.5 * self.scale) as u32)
        };
        self.area
            .draw(&Circle::new((self.px(x), self.px(y)), (r * self.scale) as i32, s))
            .map_err(Self::err)
    }
}

/// Draw with `f` onto an SVG of `width` × `height` logical pixels.
pub fn svg(
    width: f64,
    height: f64,
    f: impl FnOnce(&Canvas<SVGBackend>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (width.ceil() as u32, height.ceil() as u32))
            .into_drawing_area();
        let c = Canvas { area: &area, scale: 1.0 };
        c.fill(&WHITE)?;
        f(&c)?;
        area.present().map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    Ok(out)
}

/// Draw with `f` as SVG and render it to a PNG with `scale` device pixels
/// per logical pixel (text shaped by resvg in the bundled font).
pub fn png(
    width: f64,
    height: f64,
    scale: u32,
    font: &'static [u8],
    f: impl FnOnce(&Canvas<SVGBackend>) -> Result<(), ChartError>,
) -> Result<Vec<u8>, ChartError> {
    let svg = svg(width, height, f)?;
    super::raster::png_from_svg(&svg, scale, font)
}

/// Round tick step: 1, 2 or 5 × 10^k giving about `n` ticks.
pub fn tick_step(span: f64, n: f64) -> f64 {
    let raw = (span / n).max(f64::MIN_POSITIVE);
    let mag = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag)
}

/// Ticks from lo to hi.
pub fn ticks(lo: f64, hi: f64, n: f64) -> Vec<f64> {
    let step = tick_step(hi - lo, n);
    let mut t = (lo / step).ceil() * step;
    let mut out = Vec::new();
    while t <= hi + step * 1e-9 && out.len() < 50 {
        out.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        t += step;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(tick_step(100.0, 5.0), 20.0);
        assert_eq!(tick_step(7.0, 5.0), 2.0);
        assert_eq!(tick_step(0.3, 5.0), 0.1);
        assert_eq!(ticks(0.0, 10.0, 5.0), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
    }
}
