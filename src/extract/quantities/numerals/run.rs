//! A signed, suffixed numeral run at a position of a folded line: where a run may
//! start, its sign (only a 负/負/零下/- that the numeral itself carries makes it
//! negative: 下降 5% stays 5, and a '-' after a number, letter or unit is a range or an
//! id), the k/M multiplier, exponent or power after a lone Arabic number, and the choice
//! between an exact reading and an adjacent-digit range (三四个).

use super::chars::{big_unit, cn_digit, is_cn_numeral_char, small_unit, MEASURE1, MEASURE2};
use super::chars::{NEGATIVE_AFTER, RANGE_MEASURE};
use super::lex::{lex_run, shu_several, Tok};
use super::norm::starts_with;
use super::value::{adjacent_range, read_toks, Reading};
use super::Numeral;

/// A signed, suffixed numeral run in folded chars.
#[derive(Debug, Clone)]
pub(super) struct Core {
    /// start including the sign
    pub(super) start: usize,
    /// start of the run itself
    pub(super) run_start: usize,
    pub(super) end: usize,
    pub(super) toks: Vec<Tok>,
    pub(super) read: Reading,
    /// read as two adjacent digits (两三): needs a measure word after it
    pub(super) adjacent: bool,
}

/// What reading at a position gives.
pub(super) enum Lexed {
    /// no numeral starts here
    NotStart,
    /// a run that is no numeral, ending here
    Bad(usize),
    Good(Core),
}

/// Whether a numeral run can start at `i`.
pub(super) fn numeral_start(c: &[char], i: usize) -> bool {
    let Some(&ch) = c.get(i) else { return false };
    let next = c.get(i + 1).copied();
    let dot_ok = i == 0 || !(c[i - 1] == '.' || c[i - 1].is_ascii_digit());
    ch.is_ascii_digit()
        || (ch == '.' && next.is_some_and(|n| n.is_ascii_digit()) && dot_ok)
        || cn_digit(ch).is_some()
        || small_unit(ch).is_some()
        || matches!(ch, '廿' | '卅' | '卌')
        || (matches!(ch, '几' | '幾')
            && next.is_some_and(|n| small_unit(n).is_some() || big_unit(n).is_some()))
        || (matches!(ch, '数' | '數') && shu_several(c, i))
}

/// Whether a '-' at `i` is a minus sign: not after a number, a letter, a unit
/// or a closing mark (5%-6%, 0473-8992090, 5万-6万 and 3个-5个 are ranges or ids).
fn minus_ok(c: &[char], i: usize) -> bool {
    match c[..i].iter().rev().find(|ch| **ch != ' ') {
        None => true,
        Some(&p) => {
            let after_value = p.is_ascii_alphanumeric() || "-.%‰)]）】~/".contains(p);
            !(after_value || is_cn_numeral_char(p) || MEASURE1.contains(p))
        }
    }
}

/// Whether a 负 at `i` starts a negative number rather than ending a word
/// (减负2500亿元): at the start, after a mark or after 为/是/至….
fn negative_word_start(c: &[char], i: usize) -> bool {
    let prev = c[..i].iter().rev().find(|ch| **ch != ' ');
    prev.is_none_or(|&p| !is_ideograph(p) || NEGATIVE_AFTER.contains(p))
}

fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The sign at `i` (负/負/零下/-) and where the run starts.
pub(super) fn sign_at(c: &[char], i: usize) -> Option<(f64, usize)> {
    let ch = *c.get(i)?;
    if matches!(ch, '负' | '負') && negative_word_start(c, i) && numeral_start(c, i + 1) {
        return Some((-1.0, i + 1));
    }
    if ch == '零' && c.get(i + 1) == Some(&'下') && numeral_start(c, i + 2) {
        return Some((-1.0, i + 2));
    }
    if ch == '-' && minus_ok(c, i) && numeral_start(c, i + 1) {
        return Some((-1.0, i + 1));
    }
    numeral_start(c, i).then_some((1.0, i))
}

/// k/K (1e3) or M (1e6) after a lone Arabic number, glued or after one space,
/// when no letter follows (40k, 2.5 M; not 5kg, 3 km); an exponent (2e5,
/// 1.2E-3) or a power (2^5, 2.5^-1). `Err` for a power that is no integer
/// (1.1^--23): no numeral at all rather than a wrong one.
fn arabic_suffix(c: &[char], toks: &[Tok], end: usize) -> Result<(Suffix, usize), usize> {
    let none = Ok((Suffix::Mult(1.0), end));
    if !matches!(toks, [Tok::Arabic { .. }]) {
        return none;
    }
    let signed_int = |from: usize| {
        let digits_from = if matches!(c.get(from), Some('+' | '-')) { from + 1 } else { from };
        let e = (digits_from..c.len()).find(|&k| !c[k].is_ascii_digit()).unwrap_or(c.len());
        let text: String = c[from..e].iter().filter(|ch| **ch != '+').collect();
        let letter_after = c.get(e).is_some_and(|n| n.is_ascii_alphabetic());
        (e > digits_from && !letter_after).then(|| text.parse::<i32>().ok().map(|v| (v, e)))?
    };
    match c.get(end) {
        Some('e' | 'E') => match signed_int(end + 1) {
            Some((x, e)) => return Ok((Suffix::Exp(x), e)),
            None => return none,
        },
        Some('^') => match signed_int(end + 1) {
            Some((x, e)) => return Ok((Suffix::Pow(x), e)),
            None => {
                let e = (end + 1..c.len()).find(|&k| !"+-0123456789".contains(c[k]));
                return Err(e.unwrap_or(c.len()));
            }
        },
        _ => {}
    }
    let at = if c.get(end) == Some(&' ') { end + 1 } else { end };
    let one_digit = matches!(toks, [Tok::Arabic { int: true, digits: 1, .. }]);
    if one_digit && at == end && c.get(at) == Some(&'K') {
        return Err(at + 1); // 4K, 8K: a display resolution, no numeral
    }
    let mult = match c.get(at) {
        Some('k' | 'K') => 1e3,
        Some('M') => 1e6,
        _ => return none,
    };
    if c.get(at + 1).is_some_and(|n| n.is_ascii_alphanumeric()) {
        return none;
    }
    Ok((Suffix::Mult(mult), at + 1))
}

/// What follows a lone Arabic number: a multiplier (k, M), an exponent of ten
/// (e5) or a power (^5).
#[derive(Debug, Clone, Copy)]
enum Suffix {
    Mult(f64),
    Exp(i32),
    Pow(i32),
}

impl Suffix {
    /// `v` with the suffix applied (10^-x divides, for exact decimals).
    fn apply(self, v: f64) -> f64 {
        match self {
            Suffix::Mult(m) => v * m,
            Suffix::Exp(x) if x < 0 => v / 10f64.powi(-x),
            Suffix::Exp(x) => v * 10f64.powi(x),
            Suffix::Pow(x) => v.powi(x),
        }
    }
}

/// Whether a measure word that a digit range may precede starts at `end`.
pub(super) fn range_measure_at(c: &[char], end: usize) -> bool {
    c.get(end).is_some_and(|n| RANGE_MEASURE.contains(*n))
        || MEASURE2.iter().any(|w| starts_with(c, end, w))
}

/// Read the reading of a run: two adjacent digits before a measure word are a
/// range (三四个), else the exact reading, else an adjacent-digit range.
fn choose_reading(c: &[char], toks: &[Tok], end: usize) -> Option<(Reading, bool)> {
    let two_digits = matches!(toks, [Tok::Digit(_) | Tok::Liang, Tok::Digit(_)]);
    if two_digits && range_measure_at(c, end) {
        if let Some(r) = adjacent_range(toks) {
            return Some((r, true));
        }
    }
    match read_toks(toks) {
        Some(r) => Some((r, false)),
        None => adjacent_range(toks).map(|r| (r, true)),
    }
}

/// Read a signed numeral run at `i` with its k/M suffix.
pub(super) fn read_core(c: &[char], i: usize) -> Lexed {
    let Some((sign, run_start)) = sign_at(c, i) else { return Lexed::NotStart };
    let (toks, end) = lex_run(c, run_start);
    if toks.is_empty() {
        return Lexed::NotStart;
    }
    let Some((read, adjacent)) = choose_reading(c, &toks, end) else { return Lexed::Bad(end) };
    let (suffix, end) = match arabic_suffix(c, &toks, end) {
        Ok(x) => x,
        Err(bad_end) => return Lexed::Bad(bad_end),
    };
    let read = Reading {
        value: suffix.apply(read.value) * sign,
        high: read.high.map(|h| h * sign),
        ..read
    };
    if !read.value.is_finite() || read.high.is_some_and(|h| !h.is_finite()) {
        return Lexed::Bad(end); // 3e999, 9^999
    }
    Lexed::Good(Core { start: i, run_start, end, toks, read, adjacent })
}
/// A numeral from a core, in folded offsets, before marks and rates.
pub(super) fn numeral_of(core: &Core) -> Numeral {
    Numeral {
        start: core.start,
        end: core.end,
        value: core.read.value,
        high: core.read.high,
        percent: false,
        approx: core.read.approx,
        per: None,
    }
}
