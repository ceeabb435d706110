//! The quantities of one line, from the numerals [`scan_numerals`] finds: each numeral
//! with its unit (`%` for percentages, 三成 and 八折 read as 30% and 80%, `‰`/`‱` with
//! the value as written, none for fractions with the value divided out, `元` for 元角分
//! amounts, else the measure word right after it from the unit table
//! (`datasets/rules/units.toml`), one space allowed and traditional forms folded, 一年半
//! adding 0.5), a qualifier (range, at least, approx, at most, exact: from the
//! numeral's marks or the wording's qualifier words around it) and ranges such as
//! 5%-5.5% or 一到五个 merged into one; [`whole_line`] instead reads the whole trimmed
//! line with [`parse_number`]. Offsets are char offsets into the line. This is the one
//! reading of numbers: `yardstick quantities` prints it and the build takes its values
//! from it (`extract::quantities`).

use super::{parse_number, scan_numerals, Approx, Numeral};
use crate::catalog::{Unit, Units};
use crate::extract::quantities::Qualifier;
use crate::extract::wording::Wording;
use crate::vocabulary::VocabularyFile;

/// One quantity of a line: its span (numeral, unit and a qualifier word after
/// them), where the numeral ends, its value in base units (万/亿 applied), the
/// unit (none for a bare number or a fraction), the qualifier, the upper end of
/// a range and the numeral's own 余/多/几/来 mark.
#[derive(Debug, Clone, PartialEq)]
pub struct LineQuantity {
    pub start: usize,
    pub end: usize,
    pub num_end: usize,
    pub value: f64,
    pub high: Option<f64>,
    pub unit: Option<Unit>,
    pub qualifier: Qualifier,
    pub approx: Option<Approx>,
}

impl LineQuantity {
    /// The unit's name, empty for none.
    pub fn unit_name(&self) -> &'static str {
        self.unit.map_or("", |u| u.name)
    }
}

/// Traditional and full-width forms of unit characters, folded for matching.
fn fold(c: char) -> char {
    match c {
        '個' => '个',
        '點' => '点',
        '隻' => '只',
        '雙' => '双',
        '對' => '对',
        '張' => '张',
        '條' => '条',
        '項' => '项',
        '場' => '场',
        '輛' => '辆',
        '間' => '间',
        '歲' => '岁',
        '塊' => '块',
        '噸' => '吨',
        '圓' => '圆',
        '％' => '%',
        _ => c,
    }
}

/// The unit after `at` (spaces skipped) and before `limit` (the next numeral):
/// the unit and where it ends.
fn unit_at(folded: &[char], at: usize, limit: usize) -> (Option<Unit>, usize) {
    let folded = &folded[..limit.max(at)];
    let mut text = String::new();
    let mut ends = Vec::new();
    let mut k = at;
    while k < folded.len() && ends.len() < 8 {
        if !folded[k].is_whitespace() {
            text.push(folded[k]);
            ends.push(k + 1);
        } else if !ends.is_empty() || k > at {
            break; // at most one space before the unit, none inside it
        }
        k += 1;
    }
    match Units::active().unit_at(&text) {
        Some((unit, len)) => (Some(unit), ends[text[..len].chars().count() - 1]),
        None => (None, at),
    }
}

/// The qualifier a word right after (at `at`, returned with the end of the
/// word) or before (`start`) gives.
fn context_qualifier(
    folded: &[char],
    start: usize,
    at: usize,
    wording: &Wording,
) -> (Qualifier, usize) {
    let after: String = folded[at..].iter().take(2).collect();
    if let Some((q, len)) = wording.qualifiers.after(&after) {
        return (q, at + len);
    }
    let before: String = folded[start.saturating_sub(3)..start].iter().collect();
    (wording.qualifiers.before(&before).unwrap_or(Qualifier::Exact), at)
}

/// The unit of a numeral read as a rate or an amount by its own marks, with its
/// value and upper end; `None` when the unit is the measure word after it.
fn own_unit(span: &str, n: &Numeral) -> Option<(Option<Unit>, f64, Option<f64>)> {
    let units = Units::active();
    let named = |name: &str| units.get(name);
    Some(match n.per {
        Some(1000.0) => (named("‰"), n.value, n.high),
        Some(10000.0) => (named("‱"), n.value, n.high),
        Some(d) => (None, n.value / d, n.high.map(|h| h / d)),
        None if n.percent => (named("%"), n.value, n.high),
        None if span.ends_with(['角', '毛', '分'])
            && span.contains(['元', '圆', '圓', '块', '塊']) =>
        {
            (named("元"), n.value, n.high)
        }
        None => return None,
    })
}

/// A numeral as a quantity: rate units, measure word (before `limit`, the
/// next numeral), qualifier.
fn to_qty(
    chars: &[char],
    folded: &[char],
    n: &Numeral,
    limit: usize,
    wording: &Wording,
) -> LineQuantity {
    let span: String = chars[n.start..n.end].iter().collect();
    let (unit, mut value, high, end) = match own_unit(&span, n) {
        Some((unit, value, high)) => (unit, value, high, n.end),
        None => {
            let (unit, end) = unit_at(folded, n.end, limit);
            (unit, n.value, n.high, end)
        }
    };
    // 一年半, 三斤半, 一个半: half a unit more
    let half =
        unit.is_some() && n.per.is_none() && !n.percent && end < limit && folded[end] == '半';
    let end = if half { end + 1 } else { end };
    if half {
        value += 0.5_f64.copysign(value);
    }
    let (qualifier, end) = match (high, n.approx) {
        (Some(_), _) => (Qualifier::Range, end),
        (_, Some(Approx::AtLeast)) => (Qualifier::AtLeast, end),
        (_, Some(Approx::About)) => (Qualifier::Approx, end),
        _ => context_qualifier(&folded[..limit.max(end)], n.start, end, wording),
    };
    LineQuantity {
        start: n.start,
        end,
        num_end: n.end,
        value,
        high,
        unit,
        qualifier,
        approx: n.approx,
    }
}

/// 4.5-5%, 5%-5.5%, 20~100个, 一到五个: one range quantity at its lower end.
fn merge_ranges(folded: &[char], qs: Vec<LineQuantity>) -> Vec<LineQuantity> {
    let mut out: Vec<LineQuantity> = Vec::with_capacity(qs.len());
    let mut it = qs.into_iter().peekable();
    while let Some(q) = it.next() {
        if let Some(next) = it.peek().filter(|next| next.start >= q.end) {
            let between: String = folded[q.end..next.start].iter().collect();
            let joined = matches!(between.trim(), "-" | "~" | "至" | "到" | "—" | "–" | "～");
            let units = (q.unit == next.unit || q.unit.is_none()) && next.unit.is_some();
            if joined && units && q.high.is_none() && next.high.is_none() {
                let next = it.next().expect("peeked");
                out.push(LineQuantity {
                    start: q.start,
                    num_end: q.num_end,
                    value: q.value,
                    high: Some(next.value),
                    qualifier: Qualifier::Range,
                    approx: q.approx,
                    ..next
                });
                continue;
            }
        }
        out.push(q);
    }
    out
}

/// The quantities of one line: every numeral with its unit and qualifier, ranges
/// merged; qualifier words are `wording`'s.
pub fn line_quantities(line: &str, wording: &Wording) -> Vec<LineQuantity> {
    let nums = scan_numerals(line);
    if nums.is_empty() {
        return Vec::new();
    }
    let chars: Vec<char> = line.chars().collect();
    let folded: Vec<char> = chars.iter().map(|&c| fold(c)).collect();
    let limits = nums.iter().skip(1).map(|n| n.start).chain([chars.len()]);
    let qs = nums
        .iter()
        .zip(limits)
        .map(|(n, limit)| to_qty(&chars, &folded, n, limit, wording))
        .collect();
    merge_ranges(&folded, qs)
}

/// The whole trimmed line read by [`parse_number`], as one quantity (none when it
/// is no plain number).
pub fn whole_line(line: &str) -> Vec<LineQuantity> {
    let start = line.chars().take_while(|c| c.is_whitespace()).count();
    let end = start + line.trim().chars().count();
    let q = |value| LineQuantity {
        start,
        end,
        num_end: end,
        value,
        high: None,
        unit: None,
        qualifier: Qualifier::Exact,
        approx: None,
    };
    parse_number(line).map(q).into_iter().collect()
}
