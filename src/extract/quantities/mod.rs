//! Quantities in text as the build takes them: every quantity the one numeral
//! reading ([`line_quantities`], what `yardstick quantities` prints) finds in a
//! line, less those that are no value ([`NotAValue`]: a bare number, a date or
//! an ordinal, an identifier, a frequency, a duration, a numeral in a fixed
//! phrase). Qualifier words and not-a-value contexts are the wording's.

pub mod numerals;

use crate::catalog::UnitFamily;
pub use crate::extract::fact::Qualifier;
use crate::extract::wording::{NotACount, Wording};
use crate::extract::words::duration_measure_words;
use numerals::{line_quantities, LineQuantity};

/// One quantity found in normalised text (char offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// char span of the whole quantity, qualifiers included
    pub start: usize,
    pub end: usize,
    /// char span of the numeral itself
    pub num_start: usize,
    /// value in base units (multiplier applied): 3万余份 → 30000
    pub value: f64,
    /// the measure word: 件, 元, %, 人 … (empty when none), a name of the unit table
    pub unit: &'static str,
    pub qualifier: Qualifier,
    /// upper end of a range (5%-5.5% → Some(5.5))
    pub high: Option<f64>,
}

/// Why a quantity of a line is no value of the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAValue {
    /// no measure word: an id, a phone number, a year in 〔〕
    NoUnit,
    /// a date, a time, an age or a span of time (2023年, 3个月)
    Time,
    /// 第5届
    Ordinal,
    /// glued to letters or digits (B12, 12345热线 as a name)
    Glued,
    /// 每月安排1次: how often, not how many
    Frequency,
    /// 20个工作日, …等10个方面
    Duration,
    /// a Chinese numeral in a fixed phrase (三项制度, 统一, 之一)
    FixedPhrase,
}

impl NotAValue {
    pub fn as_str(self) -> &'static str {
        match self {
            NotAValue::NoUnit => "no_unit",
            NotAValue::Time => "time",
            NotAValue::Ordinal => "ordinal",
            NotAValue::Glued => "glued",
            NotAValue::Frequency => "frequency",
            NotAValue::Duration => "duration",
            NotAValue::FixedPhrase => "fixed_phrase",
        }
    }
}

/// The last `n` chars of `s`.
fn last_chars(s: &str, n: usize) -> &str {
    let cut = s.char_indices().rev().take(n).last().map_or(s.len(), |(i, _)| i);
    &s[cut..]
}

/// Whether a quantity of `line` (its char offsets; `bytes` maps them to byte
/// offsets) is a value the build takes, or why not.
pub fn value_verdict(
    line: &str,
    bytes: &[usize],
    q: &LineQuantity,
    words: &NotACount,
) -> Result<(), NotAValue> {
    let before = &line[..bytes[q.start]];
    let numeral = &line[bytes[q.start]..bytes[q.num_end]];
    let prev = before.chars().next_back();
    let unit = q.unit.ok_or(NotAValue::NoUnit)?;
    let chinese = !numeral.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '.');
    if prev.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.')
        || (!chinese && before.ends_with("--"))
    {
        return Err(NotAValue::Glued);
    }
    if unit.family.is_time() {
        return Err(NotAValue::Time);
    }
    if prev == Some('第') {
        return Err(NotAValue::Ordinal);
    }
    let lead4 = last_chars(before, 4);
    // amounts stay: 每人每月1000元 is a standard
    if unit.family != UnitFamily::Money
        && words.frequency_before.iter().any(|w| lead4.contains(w.as_str()))
    {
        return Err(NotAValue::Frequency);
    }
    let rest = &line[bytes[q.end]..];
    let counter = duration_measure_words().contains(&unit.name);
    if counter && words.durations_after_ge.iter().any(|w| rest.starts_with(w.as_str())) {
        return Err(NotAValue::Duration);
    }
    if chinese && in_fixed_phrase(numeral, prev, q, words) {
        return Err(NotAValue::FixedPhrase);
    }
    Ok(())
}

/// Chinese numerals stand in many fixed phrases (三项制度, 一件事, 统一, 之一):
/// only numerals of two or more characters, 十/百/千, or one with a 余/多 mark
/// count, and none right after a fixed-phrase character.
fn in_fixed_phrase(numeral: &str, prev: Option<char>, q: &LineQuantity, words: &NotACount) -> bool {
    let marked = q.approx.is_some() || q.qualifier == Qualifier::AtLeast;
    let short = numeral.chars().count() < 2 && !marked && !matches!(numeral, "十" | "百" | "千");
    let stuck = prev.is_some_and(|p| {
        words.fixed_phrase_before.iter().any(|w| w.chars().eq(std::iter::once(p)))
    });
    short || stuck
}

/// The byte offset of each char of `line`, and of its end.
fn char_bytes(line: &str) -> Vec<usize> {
    line.char_indices().map(|(i, _)| i).chain([line.len()]).collect()
}

/// The quantities of one line the build takes, each with why the others are not
/// (what `yardstick quantities` prints).
pub fn line_values(line: &str, wording: &Wording) -> Vec<(LineQuantity, Result<(), NotAValue>)> {
    let qs = line_quantities(line, wording);
    if qs.is_empty() {
        return Vec::new();
    }
    let bytes = char_bytes(line);
    qs.into_iter()
        .map(|q| {
            let verdict = value_verdict(line, &bytes, &q, &wording.not_a_count);
            (q, verdict)
        })
        .collect()
}

/// All quantities in `text` the build takes, read line by line; offsets are
/// chars of `text`.
pub fn find_quantities(text: &str, wording: &Wording) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let values = line_values(line, wording);
        out.extend(values.into_iter().filter(|(_, v)| v.is_ok()).map(|(q, _)| Quantity {
            start: line_start + q.start,
            end: line_start + q.end,
            num_start: line_start + q.start,
            value: q.value,
            unit: q.unit_name(),
            qualifier: q.qualifier,
            high: q.high,
        }));
        line_start += line.chars().count() + 1;
    }
    out
}

#[cfg(test)]
mod tests;
