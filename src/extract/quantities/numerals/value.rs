//! The value of a token run under the PRC 万进 count method: big units 万 1e4, 亿
//! 1e8, 兆 1e12 … 澗 1e36 each take a coefficient below 1e4, 亿 also one below 1e8
//! (万亿 = 1e12) and 万万 is 亿 (四万万 = 4e8); 零 marks a gap (一千零十 = 1010); a unit
//! without a coefficient takes an implied 一 when it leads (十二, 百三 = 130), follows 零
//! (一万零百一十一 = 10111) or is 十 (一百十一 = 111); one digit after a unit ≥ 百 with no
//! 零 is an elided unit (一百二 = 120, 三万五 = 35000), after 零 it is ones (一百零二 =
//! 102); an Arabic tail is literal (3万4000, 四千230) and must fill its places unless 零
//! precedes it (1千零20), so the ambiguous 3万4 and 1千20 are `None`; 几 reads as a range
//! and two adjacent digits one apart (两三, 十七八) as a range too.

use super::lex::Tok;
use super::Approx;

/// A numeral's reading before signs, rates and context.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Reading {
    pub(super) value: f64,
    pub(super) high: Option<f64>,
    pub(super) approx: Option<Approx>,
}

/// A coefficient waiting for its unit.
#[derive(Debug, Clone, Copy)]
enum Coef {
    Cn(f64),
    Ar { value: f64, int: bool, digits: u8 },
}

/// Read a run: exact, or with 几 as a range, with 余/多 as at-least.
pub(super) fn read_toks(toks: &[Tok]) -> Option<Reading> {
    let approx = toks.contains(&Tok::More).then_some(Approx::AtLeast);
    let t = merge_wan(toks);
    let ji: Vec<usize> = (0..t.len()).filter(|&k| t[k] == Tok::Ji).collect();
    match ji[..] {
        [] => exact_value(&t).map(|value| Reading { value, high: None, approx }),
        [k] => several(&t, k),
        _ => None,
    }
}

/// Drop 余/多 marks and read 万万 as 亿.
fn merge_wan(toks: &[Tok]) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    for &t in toks.iter().filter(|t| **t != Tok::More) {
        match out.last_mut() {
            Some(last) if t == Tok::Big(4) && *last == Tok::Big(4) => *last = Tok::Big(8),
            _ => out.push(t),
        }
    }
    out
}

/// 几 at `k`: the low end reads it as 0 (十几 → 10) or, as a coefficient, 1
/// (几十 → 10); the high end reads it as 9.
fn several(t: &[Tok], k: usize) -> Option<Reading> {
    let with = |d: u8| {
        let mut v = t.to_vec();
        v[k] = Tok::Digit(d);
        exact_value(&v)
    };
    let (v1, v2, v9) = (with(1)?, with(2)?, with(9)?);
    let place = v2 - v1;
    let next_unit = matches!(t.get(k + 1), Some(Tok::Unit(_)));
    let next_big = matches!(t.get(k + 1), Some(Tok::Big(_)));
    let after_unit = k > 0 && matches!(t[k - 1], Tok::Unit(_) | Tok::Digit(0));
    let coefficient = next_unit || (next_big && !after_unit);
    let value = if coefficient { v1 } else { v1 - place };
    Some(Reading { value, high: Some(v9), approx: Some(Approx::Several) })
}

/// Adjacent digits one apart as a range: 两三 (2..3), 十七八 (17..18), 七八十
/// (70..80), 三四万 (30000..40000).
pub(super) fn adjacent_range(t: &[Tok]) -> Option<Reading> {
    let val = |x: &Tok| match *x {
        Tok::Digit(d) if d > 0 => Some(d),
        Tok::Liang => Some(2),
        _ => None,
    };
    let pairs: Vec<usize> = (0..t.len().saturating_sub(1))
        .filter(|&k| matches!((val(&t[k]), val(&t[k + 1])), (Some(a), Some(b)) if b == a + 1))
        .collect();
    let [k] = pairs[..] else { return None };
    let without = |skip: usize| -> Vec<Tok> {
        t.iter().enumerate().filter(|(j, _)| *j != skip).map(|(_, x)| *x).collect()
    };
    let low = read_toks(&without(k + 1))?;
    let high = read_toks(&without(k))?;
    let plain = low.approx.is_none() && high.approx.is_none();
    (plain && high.value > low.value).then_some(Reading {
        value: low.value,
        high: Some(high.value),
        approx: None,
    })
}

/// The exact value of a run without 几 or 余/多: integer part, then 点 digits
/// and big units that scale the whole (一点五万 = 15000).
fn exact_value(t: &[Tok]) -> Option<f64> {
    let Some(p) = t.iter().position(|x| matches!(x, Tok::Frac(..))) else {
        return int_value(t);
    };
    let Tok::Frac(frac, _) = t[p] else { return None };
    let (int, tail) = (&t[..p], &t[p + 1..]);
    let mut exps = Vec::new();
    for x in tail {
        let Tok::Big(b) = x else { return None };
        exps.push(*b);
    }
    let int_has_big = int.iter().any(|x| matches!(x, Tok::Big(_)));
    if int.is_empty() || exps.windows(2).any(|w| w[1] <= w[0]) || (!exps.is_empty() && int_has_big)
    {
        return None;
    }
    let scale: u32 = exps.iter().sum();
    Some((int_value(int)? + frac) * 10f64.powi(scale as i32))
}

/// An integer part: a digit string (二〇二三; not 零零, 零一: codes, not numbers)
/// or a structured numeral.
fn int_value(t: &[Tok]) -> Option<f64> {
    if t.len() > 1 && t.iter().all(|x| matches!(x, Tok::Digit(_))) {
        if t[0] == Tok::Digit(0) {
            return None;
        }
        let digits = t.iter().filter_map(|x| if let Tok::Digit(d) = x { Some(*d) } else { None });
        return Some(digits.fold(0.0, |v, d| v * 10.0 + d as f64));
    }
    parse_int(t, u32::MAX)
}

/// The highest big unit in `t` and the position of its first occurrence.
fn top_big(t: &[Tok]) -> Option<(usize, u32)> {
    let max = t.iter().filter_map(|x| if let Tok::Big(b) = x { Some(*b) } else { None }).max()?;
    t.iter().position(|x| *x == Tok::Big(max)).map(|pos| (pos, max))
}

/// A structured integer whose big units stay below `10^limit`: split at the
/// highest big unit, left part its coefficient, right part the rest below it.
fn parse_int(t: &[Tok], limit: u32) -> Option<f64> {
    let Some((pos, exp)) = top_big(t) else { return parse_section(t) };
    if exp >= limit {
        return None;
    }
    let (left, right) = (&t[..pos], &t[pos + 1..]);
    if left.is_empty() {
        return None;
    }
    let lv = parse_int(left, if exp == 8 { 8 } else { 4 })?;
    let unit = 10f64.powi(exp as i32);
    if right.is_empty() {
        return Some(lv * unit);
    }
    if left.iter().any(|x| matches!(x, Tok::Arabic { int: false, .. })) {
        return None; // 10.1万零100: a decimal coefficient closes the numeral
    }
    let rv = match *right {
        [Tok::Digit(d)] if d > 0 => d as f64 * unit / 10.0, // 三万五 = 35000
        [Tok::Arabic { digits, .. }] if (digits as u32) < exp - 1 => return None, // 3万4
        _ => parse_int(right, exp)?,
    };
    (rv < unit).then_some(lv * unit + rv)
}

/// A section below 万: coefficients with 十/百/千 in falling order, 零 gaps,
/// a trailing digit (ones, or an elided unit) or a literal Arabic tail.
fn parse_section(t: &[Tok]) -> Option<f64> {
    if t == [Tok::Digit(0)] {
        return Some(0.0);
    }
    let (mut value, mut last, mut units) = (0.0, 4u32, 0usize);
    let mut coef: Option<Coef> = None;
    let mut zero = false;
    for (k, tok) in t.iter().enumerate() {
        match *tok {
            Tok::Digit(0) if coef.is_none() && !zero => zero = true,
            Tok::Digit(d) if d > 0 && coef.is_none() => coef = Some(Coef::Cn(d as f64)),
            Tok::Liang if coef.is_none() => coef = Some(Coef::Cn(2.0)),
            Tok::Arabic { value, int, digits } if coef.is_none() => {
                coef = Some(Coef::Ar { value, int, digits })
            }
            Tok::Unit(u) if u < last => {
                let lead = units == 0 && !zero;
                let c = unit_coef(coef.take(), u, lead, zero, k + 1 == t.len())?;
                value += c * 10f64.powi(u as i32);
                (last, zero, units) = (u, false, units + 1);
            }
            _ => return None,
        }
    }
    finish_section(value, coef, last, zero, units)
}

/// The coefficient of unit `10^u`: a digit, a one-digit Arabic integer, any
/// Arabic number when it is the whole section (2.5千), or an implied 一 for 十,
/// for a leading unit (百三) and for a unit right after 零 (一万零百一十一).
fn unit_coef(coef: Option<Coef>, u: u32, lead: bool, zero: bool, last: bool) -> Option<f64> {
    match coef {
        Some(Coef::Cn(d)) => Some(d),
        Some(Coef::Ar { value, int: true, .. }) if (1.0..=9.0).contains(&value) => Some(value),
        Some(Coef::Ar { value, .. }) => (lead && last).then_some(value),
        None if u == 1 || lead || zero => Some(1.0),
        None => None,
    }
}

/// Close a section: the trailing coefficient is ones after 零 or 十, an elided
/// unit after 百/千 (一百二 = 120), a literal Arabic tail that fills its places.
fn finish_section(
    value: f64,
    coef: Option<Coef>,
    last: u32,
    zero: bool,
    units: usize,
) -> Option<f64> {
    match coef {
        None => (!zero && units > 0).then_some(value),
        Some(Coef::Cn(d)) if units == 0 => Some(d),
        Some(Coef::Cn(d)) if zero || last == 1 => Some(value + d),
        Some(Coef::Cn(d)) => Some(value + d * 10f64.powi(last as i32 - 1)),
        Some(Coef::Ar { value: v, .. }) if units == 0 => Some(v),
        Some(Coef::Ar { value: v, digits, .. }) => {
            let fits = v < 10f64.powi(last as i32 - i32::from(zero));
            (fits && (zero || digits as u32 == last)).then_some(value + v)
        }
    }
}
