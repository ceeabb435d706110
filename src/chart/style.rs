//! Chart style: the bundled CJK font, a colour-blind-safe palette (Okabe–Ito)
//! and text measurement for layout.

use plotters::style::{FontStyle, RGBColor};
use std::sync::OnceLock;

/// The family name charts use; registered once from the bundled font (and the
/// name an SVG viewer looks up, so it uses the same font when installed).
pub const FAMILY: &str = "Noto Sans SC";

pub const BAR: RGBColor = RGBColor(0, 114, 178); // blue
pub const FOCUS: RGBColor = RGBColor(213, 94, 0); // vermillion
pub const MEDIAN: RGBColor = RGBColor(0, 0, 0);
pub const BOUND: RGBColor = RGBColor(86, 180, 233); // sky blue: values that are bounds
pub const TEXT: RGBColor = RGBColor(34, 34, 34);
pub const MUTED: RGBColor = RGBColor(110, 110, 110);
pub const GRID: RGBColor = RGBColor(225, 225, 225);
pub const MISSING: RGBColor = RGBColor(240, 240, 240);
pub const WHITE_TEXT: RGBColor = RGBColor(255, 255, 255);
/// Series colours (Okabe–Ito, colour-blind safe), vermillion kept for the focus.
pub const SERIES: [RGBColor; 7] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(240, 228, 66),
    RGBColor(0, 0, 0),
];
/// A sequential blue scale for percentiles (light = low, dark = high).
pub const SCALE: [RGBColor; 5] = [
    RGBColor(239, 243, 255),
    RGBColor(189, 215, 231),
    RGBColor(107, 174, 214),
    RGBColor(49, 130, 189),
    RGBColor(8, 81, 156),
];

/// The colour of a percentile (0–100) on [`SCALE`], and whether text on it should be white.
pub fn percentile_colour(p: f64) -> (&'static RGBColor, bool) {
    let i = ((p / 100.0) * 5.0).floor().clamp(0.0, 4.0) as usize;
    (&SCALE[i], i >= 3)
}

static REGISTERED: OnceLock<bool> = OnceLock::new();

/// Register the font with plotters (ab_glyph), once per process.
pub fn register_font(bytes: &'static [u8]) -> Result<(), String> {
    let ok = *REGISTERED
        .get_or_init(|| plotters::style::register_font(FAMILY, FontStyle::Normal, bytes).is_ok());
    if ok {
        Ok(())
    } else {
        Err("the chart font is not a usable TrueType font".into())
    }
}

/// Width of text in pixels at `size`, for layout (CJK and full-width chars are
/// one em, others about half).
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.56 } else { 1.0 }).sum::<f64>() * size
}

/// Chart text with full-width punctuation made half-width: ab_glyph does no
/// shaping, and （）：；， come out with wide gaps.
pub fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '（' => out.push_str(" ("),
            '）' => out.push(')'),
            '：' => out.push_str(": "),
            '；' => out.push_str("; "),
            '，' => out.push_str(", "),
            _ => out.push(c),
        }
    }
    out.trim().to_string()
}

/// A number for a label: no float noise, thousands grouped, at most 2 decimals.
pub fn fmt_value(v: f64) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    let rounded = if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else if v.abs() >= 1.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    let rounded = if rounded.contains('.') {
        rounded.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        rounded
    };
    let (int, frac) = rounded
        .split_once('.')
        .map(|(a, b)| (a.to_string(), format!(".{b}")))
        .unwrap_or((rounded.clone(), String::new()));
    let (sign, digits) =
        int.strip_prefix('-').map(|d| ("-", d.to_string())).unwrap_or(("", int.clone()));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_punctuation_is_made_plain() {
        assert_eq!(plain("地区生产总值增速（2026年目标）"), "地区生产总值增速 (2026年目标)");
        assert_eq!(plain("单位：%；15个地区"), "单位: %; 15个地区");
    }

    #[test]
    fn value_labels() {
        assert_eq!(fmt_value(248.0), "248");
        assert_eq!(fmt_value(12345.6), "12,346");
        assert_eq!(fmt_value(4.5), "4.5");
        assert_eq!(fmt_value(5.0), "5");
        assert_eq!(fmt_value(0.874), "0.87");
        assert_eq!(fmt_value(-3.7), "-3.7");
        assert_eq!(fmt_value(f64::NAN), "—");
    }
}
