//! The scanner: [`scan_numerals`] folds a line, walks it left to right and reads the
//! numeral at each position (fractions with 分之, 1/2, 余/多/来 marks, 上百家, mixed
//! fractions with 又, 元角分 amounts, rates, and the context guard for weak runs),
//! skipping identifiers glued to letters (B12, PM2.5, COVID-19), URLs and fixed phrases,
//! and reports every numeral in char offsets of the original line.

use super::chars::{big_unit, cn_digit, MEASURE1};
use super::guard::guard_ok;
use super::lex::Tok;
use super::norm::{blocked_mask, starts_with, Norm};
use super::rate::{apply_rate, big_run, fraction_at, read_half, slash_fraction};
use super::run::{numeral_of, read_core, Core, Lexed};
use super::{Approx, Hit, Numeral};

/// 余/多 (at least) or 来 (about) right after a round numeral (十余次, 230余条,
/// 3万多人, 十来个); not 余额.
fn trailing_mark(c: &[char], core: &Core, f: &mut Numeral) {
    if f.high.is_some() || f.approx.is_some() {
        return;
    }
    let round = matches!(
        core.toks.last(),
        Some(Tok::Unit(_) | Tok::Big(_) | Tok::Arabic { int: true, .. })
    );
    if !round {
        return;
    }
    match c.get(f.end) {
        Some('余' | '餘' | '多') if c.get(f.end + 1) != Some(&'额') => {
            f.approx = Some(Approx::AtLeast);
            f.end += 1;
        }
        Some('来' | '來') if c.get(f.end + 1).is_some_and(|n| MEASURE1.contains(*n)) => {
            f.approx = Some(Approx::About);
            f.end += 1;
        }
        _ => {}
    }
}
/// Read the numeral at `i`, if one starts there.
fn read_at(c: &[char], i: usize) -> Hit {
    if i >= c.len() {
        return Hit::Miss;
    }
    if let Some(f) = read_half(c, i) {
        return Hit::Found(f);
    }
    if big_unit(c[i]).is_some() {
        return big_run(c, i);
    }
    let core = match read_core(c, i) {
        Lexed::NotStart => return Hit::Miss,
        Lexed::Bad(end) => return Hit::Skip(end),
        Lexed::Good(core) => core,
    };
    if starts_with(c, core.end, "分之") {
        let r = core.read;
        if r.high.is_some() || r.approx.is_some() {
            return Hit::Skip(core.end + 2);
        }
        let percent = core.toks == [Tok::Unit(2)];
        return fraction_at(c, core.start, r.value, percent, core.end + 2);
    }
    if let Some(f) = slash_fraction(c, &core) {
        return Hit::Found(f);
    }
    let mut f = numeral_of(&core);
    trailing_mark(c, &core, &mut f);
    let unit_led = matches!(core.toks.first(), Some(Tok::Unit(_)));
    if unit_led && f.approx.is_none() && f.high.is_none() && i > 0 && c[i - 1] == '上' {
        f.approx = Some(Approx::AtLeast); // 上百家, 上千人
    }
    if let Some(m) = mixed_fraction(c, &f).or_else(|| money_tail(c, &f)) {
        return Hit::Found(m);
    }
    if apply_rate(c, &core, &mut f) {
        return Hit::Found(f);
    }
    if !guard_ok(c, &core, f.end) {
        return Hit::Skip(core.end);
    }
    Hit::Found(f)
}
/// Whether `f` is a plain number (no rate, range or approximation).
fn plain(f: &Numeral) -> bool {
    f.per.is_none() && !f.percent && f.high.is_none() && f.approx.is_none()
}

/// A whole number with 又 and a fraction: 三百五又三分之一 → 1051 / 3.
fn mixed_fraction(c: &[char], f: &Numeral) -> Option<Numeral> {
    if !plain(f) || c.get(f.end) != Some(&'又') {
        return None;
    }
    let Hit::Found(fr) = read_at(c, f.end + 1) else { return None };
    let den = fr.per.filter(|_| !fr.percent && fr.high.is_none() && fr.start == f.end + 1)?;
    let value = f.value * den + f.value.signum() * fr.value;
    Some(Numeral { end: fr.end, value, per: Some(den), ..f.clone() })
}

/// The 角 (毛) and 分 after an amount in 元 (圆, 块): 壹拾壹元壹角壹分 → 11.11,
/// 五元三毛 → 5.3, 壹元零壹分 → 1.01. The numeral then spans the whole amount.
fn money_tail(c: &[char], f: &Numeral) -> Option<Numeral> {
    if !plain(f) || !c.get(f.end).is_some_and(|ch| "元圆圓块塊".contains(*ch)) {
        return None;
    }
    let mut k = f.end + 1;
    let mut cents = 0.0;
    for (marks, scale) in [("角毛", 10.0), ("分", 1.0)] {
        let j = if c.get(k) == Some(&'零') { k + 1 } else { k };
        let d = c.get(j).and_then(|ch| ch.to_digit(10).map(u64::from).or_else(|| cn_digit(*ch)));
        let mark = c.get(j + 1).filter(|m| marks.contains(**m));
        let minute = c.get(j + 2).is_some_and(|n| "钟之".contains(*n));
        if let (Some(d), Some(_), false) = (d.filter(|d| *d > 0), mark, minute) {
            cents += d as f64 * scale;
            k = j + 2;
        }
    }
    let value = f.value + (cents / 100.0).copysign(f.value);
    (k > f.end + 1).then(|| Numeral { end: k, value, ..f.clone() })
}

/// Whether an Arabic digit at `i` is glued to a letter before it (B12, PM2.5,
/// A2021-0033, COVID-19): part of an identifier, no numeral.
fn glued_to_letter(c: &[char], i: usize) -> bool {
    let letter = |k: Option<usize>| k.is_some_and(|k| c[k].is_ascii_alphabetic());
    // COVID-19, but not 5k-20k (the letters are a number's suffix)
    let word_dash = i > 1 && c[i - 1] == '-' && letter(Some(i - 2)) && {
        let run = (0..i - 1).rev().find(|&k| !c[k].is_ascii_alphabetic());
        !run.is_some_and(|k| c[k].is_ascii_digit())
    };
    c[i].is_ascii_digit() && (letter(i.checked_sub(1)) || word_dash)
}

/// The end of the identifier that `i` is inside: letters and digits, and
/// '.', '-', '_' between them.
fn identifier_end(c: &[char], i: usize) -> usize {
    let mut k = i;
    while k < c.len() {
        let joint = matches!(c[k], '.' | '-' | '_')
            && c.get(k + 1).is_some_and(|n| n.is_ascii_alphanumeric());
        if !(c[k].is_ascii_alphanumeric() || joint) {
            break;
        }
        k += 1;
    }
    k
}

/// The end of the run of digits, commas and points at `i`: where a number
/// that cannot be read starting at `i` ends (none of its parts is read alone).
fn number_run_end(c: &[char], i: usize) -> usize {
    i + c[i..].iter().take_while(|d| d.is_ascii_digit() || matches!(d, ',' | '.')).count()
}

/// Every numeral in `text`, left to right, with char offsets into `text`.
pub fn scan_numerals(text: &str) -> Vec<Numeral> {
    let norm = Norm::new(text);
    let c = &norm.chars;
    let blocked = blocked_mask(c);
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if blocked[i] {
            i += 1;
            continue;
        }
        if glued_to_letter(c, i) {
            i = identifier_end(c, i);
            continue;
        }
        // no numeral starts inside a run of digits (a run too long to read
        // is skipped whole, not read again from each of its digits)
        if i > 0 && c[i].is_ascii_digit() && c[i - 1].is_ascii_digit() {
            i += c[i..].iter().take_while(|d| d.is_ascii_digit()).count();
            continue;
        }
        match read_at(c, i) {
            Hit::Miss | Hit::Skip(_) if c[i].is_ascii_digit() => i = number_run_end(c, i),
            Hit::Miss => i += 1,
            Hit::Skip(end) => i = end.max(i + 1),
            Hit::Found(f) if blocked[f.start..f.end].iter().any(|b| *b) => i = f.end.max(i + 1),
            Hit::Found(f) => {
                i = f.end.max(i + 1);
                out.push(norm.map(&f));
            }
        }
    }
    out
}
