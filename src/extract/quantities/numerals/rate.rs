//! Rates and fractions around a numeral: a percentage (%, 百分之X) keeps the number
//! before the mark as its value; 成 and 折 are tenths read as percentages (三成 → 30,
//! 七成六 → 76, 八折 → 80, 七五折 → 75, 半成 → 5, 打对折 → 50) when what follows leaves
//! them a share or a discount (not 一成不变, 半成品, 折页); per-mille, per-myriad and
//! fractions are never percentages (千分之五 and 5‰ give value 5 with `per = Some(1000)`,
//! 三分之一 gives value 1 with `per = Some(3)`, 1/2 is a fraction but 2021/12/01 is not);
//! and a lone 万 or 亿 after 近/上/数 before a measure word (近万人, 上亿元, 数万名).

use super::chars::{big_unit, cn_digit, is_cjk, is_liang, CHENG_AFTER, ZHE_NOT_AFTER};
use super::guard::measure_at;
use super::lex::Tok;
use super::norm::starts_with;
use super::run::{numeral_of, read_core, Core, Lexed};
use super::{Approx, Hit, Numeral};

/// 半成 (5%), 半折 (50%), 打对折 (50%).
pub(super) fn read_half(c: &[char], i: usize) -> Option<Numeral> {
    let (value, start, end) = match (c[i], c.get(i + 1), c.get(i + 2)) {
        ('半', Some('成'), _) => (5.0, i, i + 2),
        ('半', Some('折'), _) => (50.0, i, i + 2),
        ('打', Some('对' | '對'), Some('折')) => (50.0, i + 1, i + 3),
        _ => return None,
    };
    let mark = c[end - 1];
    rate_follow_ok(c, mark, end).then(|| Numeral {
        start,
        end,
        value,
        percent: true,
        ..Default::default()
    })
}

/// The numerator after 分之 at `k`, as a numeral with the given denominator.
pub(super) fn fraction_at(c: &[char], start: usize, den: f64, percent: bool, k: usize) -> Hit {
    let num = match read_core(c, k) {
        Lexed::Good(n) => n,
        Lexed::Bad(e) => return Hit::Skip(e),
        Lexed::NotStart => return Hit::Skip(k),
    };
    if den == 0.0 {
        return Hit::Skip(num.end);
    }
    Hit::Found(Numeral {
        start,
        end: num.end,
        value: num.read.value,
        high: num.read.high,
        percent,
        approx: num.read.approx,
        per: (!percent).then_some(den),
    })
}

/// A run of big units at `i`: 万分之三, 万万分之七 (a denominator), 近万人
/// (see [`bare_big`]), or nothing, skipping the whole run.
pub(super) fn big_run(c: &[char], i: usize) -> Hit {
    let end = (i..c.len()).find(|&k| big_unit(c[k]).is_none()).unwrap_or(c.len());
    if starts_with(c, end, "分之") {
        let exp: u32 = c[i..end].iter().filter_map(|&ch| big_unit(ch)).sum();
        return fraction_at(c, i, 10f64.powi(exp as i32), false, end + 2);
    }
    match bare_big(c, i) {
        Some(hit) if end == i + 1 => hit,
        _ => Hit::Skip(end),
    }
}

/// 1/2, -3/2: an Arabic integer over an Arabic integer (not a date 2021/12/01).
pub(super) fn slash_fraction(c: &[char], core: &Core) -> Option<Numeral> {
    if !matches!(core.toks[..], [Tok::Arabic { int: true, .. }]) || c.get(core.end) != Some(&'/') {
        return None;
    }
    if core.start > 0 && c[core.start - 1] == '/' {
        return None;
    }
    let d_end = (core.end + 1..c.len()).find(|&k| !c[k].is_ascii_digit()).unwrap_or(c.len());
    if d_end == core.end + 1 || matches!(c.get(d_end), Some('/' | '.')) {
        return None;
    }
    let den: f64 = c[core.end + 1..d_end].iter().collect::<String>().parse().ok()?;
    (den > 0.0).then(|| Numeral { end: d_end, per: Some(den), ..numeral_of(core) })
}
/// Whether what follows X成 / X折 (at `end`) leaves it a share or a discount:
/// 三成以上 and 八折优惠 are, 一成不变, 半成品, 折页, 折合 are not.
fn rate_follow_ok(c: &[char], mark: char, end: usize) -> bool {
    let Some(&n) = c.get(end) else { return true };
    if !is_cjk(n) {
        return true;
    }
    match mark {
        '成' => CHENG_AFTER.contains(n),
        _ => !ZHE_NOT_AFTER.contains(n) && cn_digit(n).is_none(),
    }
}

/// Whether `v` has at most one decimal place (9.5 成, not 9.55 成).
fn one_decimal(v: f64) -> bool {
    ((v * 10.0).round() - v * 10.0).abs() < 1e-9
}

/// The percentage of X折: 八折 → 80, 9.9折 → 99, 三八折 / 75折 → 38 / 75.
fn zhe_percent(core: &Core, v: f64) -> Option<f64> {
    if v > 0.0 && v < 10.0 && one_decimal(v) {
        return Some(v * 10.0);
    }
    let two = match core.toks[..] {
        [Tok::Digit(a), Tok::Digit(b)] => a > 0 && b > 0,
        [Tok::Arabic { int: true, digits: 2, .. }] => v % 10.0 != 0.0,
        _ => false,
    };
    two.then_some(v)
}

/// X成 / X折 as a percentage (三成 → 30, 七成六 → 76, 三成半 → 35, 八折 → 80).
fn tenths(c: &[char], core: &Core, f: &mut Numeral) -> bool {
    let Some(&mark) = c.get(f.end) else { return false };
    let v = f.value;
    let (mut pct, high) = match mark {
        '成' if v > 0.0 && v <= 10.0 && one_decimal(v) => (v * 10.0, f.high.map(|h| h * 10.0)),
        '折' if f.high.is_none() => match zhe_percent(core, v) {
            Some(p) => (p, None),
            None => return false,
        },
        _ => return false,
    };
    let mut end = f.end + 1;
    if mark == '成' && high.is_none() {
        match c.get(end) {
            Some('半') => (pct, end) = (pct + 5.0, end + 1),
            Some(&d) if v.fract() == 0.0 && !is_liang(d) && cn_digit(d).is_some_and(|d| d > 0) => {
                (pct, end) = (pct + cn_digit(d).unwrap_or(0) as f64, end + 1)
            }
            _ => {}
        }
    }
    if !rate_follow_ok(c, mark, end) || f.approx.is_some() || high.is_some_and(|h| h > 100.0) {
        return false;
    }
    (f.value, f.high, f.percent, f.end) = (pct, high, true, end);
    true
}

/// A spaced two-digit discount: 7 2 折 → 72.
fn spaced_zhe(c: &[char], core: &Core, f: &mut Numeral) -> bool {
    let one = matches!(core.toks[..], [Tok::Arabic { int: true, digits: 1, .. }]);
    let d2 = c.get(f.end + 1).and_then(|ch| ch.to_digit(10)).filter(|d| *d > 0);
    let ok = one && f.value > 0.0 && c.get(f.end) == Some(&' ') && c.get(f.end + 2) == Some(&'折');
    match d2 {
        Some(d2) if ok && rate_follow_ok(c, '折', f.end + 3) => {
            (f.value, f.percent, f.end) = (f.value * 10.0 + d2 as f64, true, f.end + 3);
            true
        }
        _ => false,
    }
}

/// %, ‰, ‱ (one space allowed before them), 成 or 折 after the numeral.
pub(super) fn apply_rate(c: &[char], core: &Core, f: &mut Numeral) -> bool {
    let k = if c.get(f.end) == Some(&' ') { f.end + 1 } else { f.end };
    let per = match c.get(k) {
        Some('%') => None,
        Some('‰') => Some(1000.0),
        Some('‱') => Some(10000.0),
        Some('成' | '折') => return tenths(c, core, f),
        _ => return spaced_zhe(c, core, f),
    };
    (f.percent, f.per, f.end) = (per.is_none(), per, k + 1);
    true
}
/// 万 or 亿 alone after 近, 上, 数, 逾, 超, 过, 约 and before a measure word:
/// 近万人 (10000), 上亿元 (at least 1e8), 数万名 (several: 10000..90000).
fn bare_big(c: &[char], i: usize) -> Option<Hit> {
    let exp = big_unit(c[i]).filter(|e| *e <= 8)?;
    let prev = *c.get(i.checked_sub(1)?)?;
    if !"上近数數逾超过過约約".contains(prev) || !measure_at(c, i + 1, false) {
        return None;
    }
    let value = 10f64.powi(exp as i32);
    let (high, approx) = match prev {
        '上' => (None, Some(Approx::AtLeast)),
        '数' | '數' => (Some(value * 9.0), Some(Approx::Several)),
        _ => (None, None),
    };
    Some(Hit::Found(Numeral { start: i, end: i + 1, value, high, approx, ..Default::default() }))
}
