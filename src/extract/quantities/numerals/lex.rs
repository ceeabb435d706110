//! Lexing a run of numeral characters into tokens: Chinese digits (两 only as a
//! coefficient, never inside a digit string), 十百千, big units, Arabic numbers with
//! valid thousands groups, 点 and its digits (not before a unit or a time word:
//! 六点五十分 is a time), 廿/卅/卌, 几 and 数 (several), and 余/多 before a big unit.
//! 兆 and 千 before an SI unit (兆瓦, 千米 after an Arabic number) are prefixes and end
//! the run; the longest run of tokens from a position is what gets read.

use super::chars::{big_unit, cn_digit, is_cn_numeral_char, is_liang, small_unit};
use super::chars::{MEASURE1, SHU_NOUN, SI};

/// One piece of a numeral run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Tok {
    /// a Chinese digit 0–9 (零 and 〇 are 0)
    Digit(u8),
    /// 两 / 兩 / 俩 / 倆: 2 as a coefficient
    Liang,
    /// 几 / 幾: one unknown digit
    Ji,
    /// 十 百 千 as powers of ten
    Unit(u32),
    /// 万 亿 兆 … as powers of ten
    Big(u32),
    /// an Arabic number: value, no decimal part, count of integer digits
    Arabic { value: f64, int: bool, digits: u8 },
    /// 余 / 多 between a numeral and its big unit (十余万, 三十万多亿)
    More,
    /// 点 and the digits after it: the fraction and its digit count
    Frac(f64, u8),
}

/// Lex an Arabic number at `i`: digits with valid thousands groups (1,050,000)
/// and a decimal part, or a bare decimal part (.5). Returns (value, is integer,
/// integer digits, end).
pub(super) fn lex_arabic(c: &[char], i: usize) -> Option<(f64, bool, u8, usize)> {
    let digits_end = |from: usize| (from..c.len()).find(|&k| !c[k].is_ascii_digit());
    let digits_end = |from: usize| digits_end(from).unwrap_or(c.len());
    let mut s = String::new();
    let mut j = digits_end(i);
    s.extend(&c[i..j]);
    if j > i && j - i <= 3 {
        while c.get(j) == Some(&',') && digits_end(j + 1) == j + 4 {
            s.extend(&c[j + 1..j + 4]);
            j += 4;
        }
    }
    let digits = s.len().min(255) as u8;
    let mut int = true;
    if c.get(j) == Some(&'.') && c.get(j + 1).is_some_and(|d| d.is_ascii_digit()) {
        let e = digits_end(j + 1);
        s.push('.');
        s.extend(&c[j + 1..e]);
        (j, int) = (e, false);
    }
    if j == i || s.is_empty() {
        return None;
    }
    let s = if s.starts_with('.') { format!("0{s}") } else { s };
    s.parse::<f64>().ok().filter(|v| v.is_finite()).map(|v| (v, int, digits, j))
}

/// Lex 点 and the digits after it. Not a decimal point when no digit follows or
/// when a unit or a time word follows the digits (六点五十分, 六点五分 are times).
fn lex_frac(c: &[char], i: usize) -> Option<(Tok, usize)> {
    let is_d = |ch: char| ch.is_ascii_digit() || (cn_digit(ch).is_some() && !is_liang(ch));
    let end = (i + 1..c.len()).find(|&k| !is_d(c[k])).unwrap_or(c.len());
    if end == i + 1 {
        return None;
    }
    let next = c.get(end).copied();
    let time = next.is_some_and(|n| "钟时刻秒".contains(n))
        || (next == Some('分') && c.get(end + 1) != Some(&'之'));
    if time || next.is_some_and(|n| small_unit(n).is_some()) {
        return None;
    }
    let digits: String = c[i + 1..end]
        .iter()
        .map(|&ch| ch.to_digit(10).or_else(|| cn_digit(ch).map(|d| d as u32)).unwrap_or(0))
        .map(|d| char::from_digit(d, 10).unwrap_or('0'))
        .collect();
    let v: f64 = format!("0.{digits}").parse().ok()?;
    Some((Tok::Frac(v, (end - i - 1).min(255) as u8), end))
}

/// Lex a Chinese digit. 两 only leads a run, stands before a unit, or closes
/// 一两 (a range): 两万两 stops before the last 两 (the weight unit).
fn lex_cn_digit(c: &[char], i: usize, d: u64, toks: &mut Vec<Tok>) -> Option<usize> {
    let prev = toks.last().copied();
    if matches!(prev, Some(Tok::Arabic { .. } | Tok::Frac(..) | Tok::More)) {
        return None;
    }
    if is_liang(c[i]) {
        let next = c.get(i + 1).copied();
        let unit_next = next.is_some_and(|n| small_unit(n).is_some() || big_unit(n).is_some());
        let range_high = prev == Some(Tok::Digit(1)) && !next.is_some_and(is_cn_numeral_char);
        if !(toks.is_empty() || unit_next || range_high) {
            return None;
        }
        toks.push(Tok::Liang);
    } else {
        toks.push(Tok::Digit(d as u8));
    }
    Some(i + 1)
}

/// Lex 十/百/千. 千 before an SI unit is kilo unless a Chinese digit precedes it
/// (12千米 and 一百千瓦 stop before 千, 两千米 keeps it); 百 before 分点, 分比,
/// 分位, 分数, 分制, 分率 belongs to the word (七十百分位), before 分之 to the
/// numeral (五百分之二).
fn lex_small(c: &[char], i: usize, u: u32, toks: &mut Vec<Tok>) -> Option<usize> {
    let prev = toks.last().copied();
    if matches!(prev, Some(Tok::Frac(..) | Tok::More)) {
        return None;
    }
    let next = c.get(i + 1).copied();
    let digit_before = matches!(prev, Some(Tok::Digit(_) | Tok::Liang));
    if u == 3 && next.is_some_and(|n| SI.contains(n)) && !digit_before {
        return None;
    }
    let word = next == Some('分') && c.get(i + 2).is_some_and(|n| "点點比位数數制率".contains(*n));
    if u == 2 && prev.is_some() && word {
        return None;
    }
    toks.push(Tok::Unit(u));
    Some(i + 1)
}

/// Lex a big unit: never first; 兆 before an SI unit is mega; the rare units
/// (垓 and above) only inside a numeral that goes on after them.
fn lex_big(c: &[char], i: usize, b: u32, toks: &mut Vec<Tok>) -> Option<usize> {
    if toks.is_empty() {
        return None;
    }
    let next = c.get(i + 1).copied();
    if c[i] == '兆' && next.is_some_and(|n| SI.contains(n)) {
        return None;
    }
    if b >= 20 && !next.is_some_and(is_cn_numeral_char) {
        return None;
    }
    toks.push(Tok::Big(b));
    Some(i + 1)
}

/// Lex the marks that are not digits or units: 点, 廿/卅/卌, 几, 余/多.
fn lex_mark(c: &[char], i: usize, toks: &mut Vec<Tok>) -> Option<usize> {
    let prev = toks.last().copied();
    let next = c.get(i + 1).copied();
    let unit_next = next.is_some_and(|n| small_unit(n).is_some() || big_unit(n).is_some());
    match c[i] {
        '点' | '點' if prev.is_some() && prev != Some(Tok::More) => {
            let (tok, end) = lex_frac(c, i)?;
            toks.push(tok);
            Some(end)
        }
        '廿' | '卅' | '卌' if matches!(prev, None | Some(Tok::Big(_) | Tok::Digit(0))) => {
            let tens = match c[i] {
                '廿' => 2,
                '卅' => 3,
                _ => 4,
            };
            toks.extend([Tok::Digit(tens), Tok::Unit(1)]);
            Some(i + 1)
        }
        '数' | '數' => {
            if !(prev.is_none() && shu_several(c, i)) {
                return None;
            }
            toks.push(Tok::Ji);
            Some(i + 1)
        }
        '几' | '幾' => {
            let ok = match prev {
                None => unit_next,
                Some(Tok::Unit(_) | Tok::Digit(0)) => true,
                _ => false,
            };
            if !ok {
                return None;
            }
            toks.push(Tok::Ji);
            Some(i + 1)
        }
        '余' | '餘' | '多' => {
            let round =
                matches!(prev, Some(Tok::Unit(_) | Tok::Big(_) | Tok::Arabic { int: true, .. }));
            let big_next = next.is_some_and(|n| big_unit(n).is_some());
            if !(round && big_next) {
                return None;
            }
            toks.push(Tok::More);
            Some(i + 1)
        }
        _ => None,
    }
}

/// Whether 数 at `i` means "several" (数百人, 数十万): a unit follows (not
/// 十分 / 百分), and the character before does not make it a noun (人数十万).
pub(super) fn shu_several(c: &[char], i: usize) -> bool {
    let Some(&n) = c.get(i + 1) else { return false };
    let unit = small_unit(n).is_some() || matches!(n, '万' | '萬' | '亿' | '億');
    let fen = c.get(i + 2) == Some(&'分') && small_unit(n).is_some_and(|u| u < 3);
    let noun = i > 0 && (SHU_NOUN.contains(c[i - 1]) || MEASURE1.contains(c[i - 1]));
    unit && !fen && !noun
}

/// Lex one token at `i` onto `toks`; `None` ends the run.
fn lex_step(c: &[char], i: usize, toks: &mut Vec<Tok>) -> Option<usize> {
    let ch = c[i];
    if ch.is_ascii_digit() || (ch == '.' && toks.is_empty()) {
        let prev = toks.last().copied();
        if !matches!(prev, None | Some(Tok::Unit(_) | Tok::Big(_) | Tok::Digit(0))) {
            return None;
        }
        let (value, int, digits, end) = lex_arabic(c, i)?;
        toks.push(Tok::Arabic { value, int, digits });
        return Some(end);
    }
    if let Some(d) = cn_digit(ch) {
        return lex_cn_digit(c, i, d, toks);
    }
    if let Some(u) = small_unit(ch) {
        return lex_small(c, i, u, toks);
    }
    if let Some(b) = big_unit(ch) {
        return lex_big(c, i, b, toks);
    }
    lex_mark(c, i, toks)
}

/// The longest run of numeral tokens from `start`, and where it ends.
pub(super) fn lex_run(c: &[char], start: usize) -> (Vec<Tok>, usize) {
    let mut toks = Vec::new();
    let mut i = start;
    while i < c.len() {
        match lex_step(c, i, &mut toks) {
            Some(next) => i = next,
            None => break,
        }
    }
    (toks, i)
}
