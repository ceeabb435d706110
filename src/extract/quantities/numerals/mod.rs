//! Numerals as reports write them: Arabic (1,336 · 87.4 · ８７．４ · 40k), Chinese
//! (一百二十 · 两千 · 壹佰貳拾 · 二〇二三 · 六点五), mixed (1588.3万 · 3万4000 · 2千零30万),
//! and the marks around them (百分之三十 · 千分之五 · 三成 · 八折 · 十余万 · 两三个 ·
//! 十几万 · 500多亿). The `parse_*` functions read one whole string and return `None` for
//! anything malformed (a wrong value is worse than none); [`scan_numerals`] finds every
//! numeral in a line with a hand-written scanner and reports char offsets into that line;
//! [`line_quantities`] turns those numerals into quantities with a unit and a qualifier.
//! The scanner is std only (units and qualifier words of a line come from the unit
//! table and the wording) and split over submodules that refer to each other through
//! `super::` alone: `chars` (character classes, word lists), `norm` (folding a line),
//! `lex` (the tokens of a run), `value` (the 万进 reading rules), `parse` (whole strings),
//! `run` (signs and suffixes), `rate` (rates and fractions), `guard` (the context a weak
//! run needs), `scan` (the scanner) and `line` (the quantities of a line).

mod chars;
mod guard;
mod lex;
pub mod line;
mod norm;
mod parse;
mod rate;
mod run;
mod scan;
#[cfg(test)]
mod tests;
mod value;

pub use chars::{cn_digit, is_cn_numeral_char};
pub use line::{line_quantities, whole_line, LineQuantity};
pub use parse::{parse_arabic, parse_chinese, parse_number};
pub use scan::scan_numerals;

/// A 余/多/几/来 mark inside or after a numeral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approx {
    /// 余 / 多: more than the value (十余万 ≥ 100000, 500多亿 ≥ 5e10); also 上 before
    /// a bare unit (上百家, 上亿元)
    AtLeast,
    /// 几 (and 数 before a unit): one digit unknown; `value` reads it as 0 (1 where
    /// it is a coefficient: 几十, 数百 → 10, 100) and `high` as 9 (十几万 →
    /// 100000..190000)
    Several,
    /// 来: about the value (十来个)
    About,
}

/// One numeral found in a line; offsets are char indices into the original line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Numeral {
    pub start: usize,
    pub end: usize,
    /// the value, 万/亿 applied; for a rate the number before the mark (30 for 30%)
    pub value: f64,
    /// upper end of a range within the numeral: 两三个 (2..3), 十几万 (..190000)
    pub high: Option<f64>,
    /// a percentage: 30%, 百分之三十, 三成 (→ 30), 八折 (→ 80)
    pub percent: bool,
    pub approx: Option<Approx>,
    /// the denominator of a per-mille (1000: 5‰, 千分之五), per-myriad (10000) or
    /// fraction (3: 三分之一); `value` is then the numerator and the reading is
    /// `value / per`. Never set together with `percent`.
    pub per: Option<f64>,
}

/// What the scanner makes of a position.
pub(super) enum Hit {
    Miss,
    Skip(usize),
    Found(Numeral),
}
