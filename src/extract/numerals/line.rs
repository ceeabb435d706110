//! The quantities of one line, from the numerals [`scan_numerals`] finds: each numeral
//! with its unit (`%` for percentages, `成`/`折` with the value already a percentage,
//! `‰`/`‱` with the value as written, `""` for fractions with the value divided out,
//! `元` for 元角分 amounts, else the measure word right after it from the unit table
//! (`datasets/rules/units.toml`), one space allowed and traditional forms folded, 一年半
//! adding 0.5), a
//! qualifier (`range`, `at_least`, `approx`, `at_most`, `exact`, from the numeral's
//! marks or the words around it) and ranges such as 5%-5.5% or 一到五个 merged into one;
//! [`whole_line`] instead reads the whole trimmed line with [`parse_number`]. Offsets
//! are char offsets into the line; qualifier words are the bundled wording's.

use super::{parse_number, scan_numerals, Approx, Numeral};
use crate::extract::wording::Wording;

/// One quantity of a line: the text it spans (numeral and unit), its value in base
/// units (万/亿 applied), the unit, the qualifier, the upper end of a range and the
/// char offsets of the span.
#[derive(Debug, Clone, PartialEq)]
pub struct LineQuantity {
    pub text: String,
    pub value: f64,
    pub unit: String,
    pub qualifier: &'static str,
    pub high: Option<f64>,
    pub start: usize,
    pub end: usize,
}

/// A quantity while it is built (offsets, no text yet).
struct Qty {
    start: usize,
    end: usize,
    value: f64,
    high: Option<f64>,
    unit: String,
    qualifier: &'static str,
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
fn unit_at(folded: &[char], at: usize, limit: usize) -> (String, usize) {
    let folded = &folded[..limit.max(at)];
    let mut chars = Vec::new();
    let mut ends = Vec::new();
    let mut k = at;
    while k < folded.len() && chars.len() < 8 {
        if !folded[k].is_whitespace() {
            chars.push(folded[k]);
            ends.push(k + 1);
        } else if chars.is_empty() && k > at {
            break; // at most one space before the unit
        }
        k += 1;
    }
    let text: String = chars.iter().collect();
    match crate::catalog::Units::bundled().unit_at(&text) {
        Some((unit, len)) => (unit.name.to_string(), ends[text[..len].chars().count() - 1]),
        None => (String::new(), at),
    }
}

/// The qualifier a word right after (at `at`) or before (`start`) gives.
fn context_qualifier(folded: &[char], start: usize, at: usize) -> &'static str {
    let after: String = folded[at..].iter().filter(|c| !c.is_whitespace()).take(2).collect();
    if after.starts_with("以上") || after.starts_with('多') || after.starts_with('余') {
        return "at_least";
    }
    if after.starts_with("左右") || after.starts_with("上下") {
        return "approx";
    }
    if after.starts_with("以内") || after.starts_with("以下") {
        return "at_most";
    }
    let before: String = folded[start.saturating_sub(3)..start].iter().collect();
    Wording::shipped().qualifiers.before(&before).map_or("exact", |q| q.as_str())
}

/// A numeral as a quantity: rate units, measure word (before `limit`, the
/// next numeral), qualifier.
fn to_qty(chars: &[char], folded: &[char], n: &Numeral, limit: usize) -> Qty {
    let span: String = chars[n.start..n.end].iter().collect();
    let (mut value, mut high) = (n.value, n.high);
    let (unit, end) = match n.per {
        Some(1000.0) => ("‰".to_string(), n.end),
        Some(10000.0) => ("‱".to_string(), n.end),
        Some(d) => {
            (value, high) = (value / d, high.map(|h| h / d));
            (String::new(), n.end)
        }
        None if n.percent && span.contains('成') => ("成".to_string(), n.end),
        None if n.percent && span.contains('折') => ("折".to_string(), n.end),
        None if n.percent => ("%".to_string(), n.end),
        None if span.ends_with(['角', '毛', '分'])
            && span.contains(['元', '圆', '圓', '块', '塊']) =>
        {
            ("元".to_string(), n.end)
        }
        None => unit_at(folded, n.end, limit),
    };
    // 一年半, 三斤半, 一个半: half a unit more
    let half =
        !unit.is_empty() && n.per.is_none() && !n.percent && end < limit && folded[end] == '半';
    let end = if half { end + 1 } else { end };
    if half {
        value += 0.5_f64.copysign(value);
    }
    let qualifier = match (high, n.approx) {
        (Some(_), _) => "range",
        (_, Some(Approx::AtLeast)) => "at_least",
        (_, Some(Approx::About)) => "approx",
        _ => context_qualifier(folded, n.start, end),
    };
    Qty { start: n.start, end, value, high, unit, qualifier }
}

/// 4.5-5%, 5%-5.5%, 20~100个, 一到五个: one range quantity at its lower end.
fn merge_ranges(folded: &[char], qs: Vec<Qty>) -> Vec<Qty> {
    let mut out: Vec<Qty> = Vec::with_capacity(qs.len());
    let mut it = qs.into_iter().peekable();
    while let Some(q) = it.next() {
        if let Some(next) = it.peek().filter(|next| next.start >= q.end) {
            let between: String = folded[q.end..next.start].iter().collect();
            let joined = matches!(between.trim(), "-" | "~" | "至" | "到" | "—" | "–" | "～");
            let units = (q.unit == next.unit || q.unit.is_empty()) && !next.unit.is_empty();
            if joined && units && q.high.is_none() && next.high.is_none() {
                let next = it.next().expect("peeked");
                out.push(Qty { end: next.end, high: Some(next.value), qualifier: "range", ..next });
                let last = out.last_mut().expect("pushed");
                (last.start, last.value) = (q.start, q.value);
                continue;
            }
        }
        out.push(q);
    }
    out
}

/// The quantities of one line: every numeral with its unit and qualifier, ranges
/// merged.
pub fn line_quantities(line: &str) -> Vec<LineQuantity> {
    let chars: Vec<char> = line.chars().collect();
    let folded: Vec<char> = chars.iter().map(|&c| fold(c)).collect();
    let nums = scan_numerals(line);
    let limits = nums.iter().skip(1).map(|n| n.start).chain([chars.len()]);
    let qs = nums.iter().zip(limits).map(|(n, limit)| to_qty(&chars, &folded, n, limit)).collect();
    merge_ranges(&folded, qs).into_iter().map(|q| with_text(&chars, q)).collect()
}

/// The whole trimmed line read by [`parse_number`], as one quantity (none when it
/// is no plain number).
pub fn whole_line(line: &str) -> Vec<LineQuantity> {
    let start = line.chars().take_while(|c| c.is_whitespace()).count();
    let end = start + line.trim().chars().count();
    let q = |value| Qty { start, end, value, high: None, unit: String::new(), qualifier: "exact" };
    let chars: Vec<char> = line.chars().collect();
    parse_number(line).map(q).map(|q| with_text(&chars, q)).into_iter().collect()
}

/// A quantity with the text of its span.
fn with_text(chars: &[char], q: Qty) -> LineQuantity {
    LineQuantity {
        text: chars[q.start..q.end].iter().collect(),
        value: q.value,
        unit: q.unit,
        qualifier: q.qualifier,
        high: q.high,
        start: q.start,
        end: q.end,
    }
}
