//! Reading one whole string as one numeral: [`parse_chinese`] for a pure Chinese
//! numeral, [`parse_arabic`] for an Arabic number (spaces inside ignored, thousands
//! groups of exactly three digits) and [`parse_number`] for Arabic, Chinese or mixed
//! forms; ranges, 余/多/几 marks, rates and anything malformed give `None`, never a
//! wrong value.

use super::chars::is_cn_numeral_char;
use super::lex::lex_arabic;
use super::norm::Norm;
use super::run::{read_core, Lexed};

/// Parse a pure Chinese numeral: 一百二十 → 120, 十 → 10, 两千两百二十五 → 2225,
/// 一亿一千万 → 110000000, 负三十二 → -32, 二〇二三 → 2023, 六点五 → 6.5.
/// Malformed numerals (十十, 万万, 壹佰貳拾佰, 一百零) give `None`.
pub fn parse_chinese(s: &str) -> Option<f64> {
    let t = s.trim();
    let ok = |c: char| {
        is_cn_numeral_char(c) || matches!(c, '负' | '負' | '点' | '點' | '廿' | '卅' | '卌' | ' ')
    };
    if t.is_empty() || !t.chars().all(ok) {
        return None;
    }
    parse_number(t)
}

/// Parse an Arabic number: "1,336" → 1336, "87.4", "-5", "８７．４"; spaces
/// inside are ignored as before, but thousands groups must have three digits.
pub fn parse_arabic(s: &str) -> Option<f64> {
    let norm = Norm::new(s.trim());
    let c: Vec<char> = norm.chars.into_iter().filter(|ch| !ch.is_whitespace()).collect();
    let (sign, i) = match c.first() {
        Some('-') => (-1.0, 1),
        Some('+') => (1.0, 1),
        _ => (1.0, 0),
    };
    if !c.get(i).is_some_and(|ch| ch.is_ascii_digit() || *ch == '.') {
        return None;
    }
    let (v, _, _, end) = lex_arabic(&c, i)?;
    (end == c.len() && v.is_finite()).then_some(sign * v)
}

/// Parse any one numeral: Arabic, Chinese, or mixed (1588.3万, 三万4000,
/// 10.3万亿, 2千零30万, 40k). Ranges, 余/多/几 and rates are not plain numbers:
/// `None`.
pub fn parse_number(s: &str) -> Option<f64> {
    let norm = Norm::new(s.trim());
    let c = &norm.chars;
    if c.is_empty() {
        return None;
    }
    match read_core(c, 0) {
        Lexed::Good(core)
            if core.end == c.len() && core.read.high.is_none() && core.read.approx.is_none() =>
        {
            Some(core.read.value)
        }
        _ => None,
    }
}
