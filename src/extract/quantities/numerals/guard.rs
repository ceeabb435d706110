//! The context a weak run needs before it counts as a numeral: a single character
//! (一 十 两 零 拾), a digit string (九九), units alone (千万) or 一点一 count only when
//! they stand alone, precede a measure word (for a lone 一 not 一起/一道/一块儿), follow
//! 第, precede a range connector and a numeral (一到五个) or, for a digit string, read as
//! a year; words that merely contain numeral characters (统一, 唯一, 陆地, 队伍) fail.

use super::chars::{is_cjk, DAXIE_WORDY, MEASURE1, MEASURE2, ONE_BEFORE, ONE_WORDS};
use super::lex::Tok;
use super::norm::starts_with;
use super::run::{numeral_start, range_measure_at, sign_at, Core};

/// How much context a numeral needs before it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Weak {
    /// multi-character structured or Arabic: always a numeral
    No,
    /// one character: 一, 十, 两, 零, 拾
    Single,
    /// a digit string: 一二三, 九九, 二〇二三
    Seq,
    /// units alone: 千万, 百万 (also adverbs: 千万不要)
    BareUnits,
    /// one digit 点 one digit: 一点一 (一点一滴)
    ShortDecimal,
}

/// The weakness class of a run.
fn weakness(t: &[Tok]) -> Weak {
    let digitish = |x: &Tok| matches!(x, Tok::Digit(_) | Tok::Liang | Tok::Unit(_));
    match t {
        [x] if digitish(x) => Weak::Single,
        [x, Tok::Frac(_, 1)] if digitish(x) && *x != Tok::Digit(0) => Weak::ShortDecimal,
        _ if t.len() > 1 && t.iter().all(|x| matches!(x, Tok::Digit(_))) => Weak::Seq,
        [Tok::Unit(2 | 3), rest @ ..]
            if !rest.is_empty() && rest.iter().all(|x| matches!(x, Tok::Unit(_) | Tok::Big(_))) =>
        {
            Weak::BareUnits
        }
        _ => Weak::No,
    }
}

/// Whether a measure word starts at `end` (for a lone 一, not one of 一起, 一道,
/// 一块儿 …).
pub(super) fn measure_at(c: &[char], end: usize, lone_one: bool) -> bool {
    let Some(&n) = c.get(end) else { return false };
    if MEASURE2.iter().any(|w| starts_with(c, end, w)) {
        return true;
    }
    let word = lone_one && (ONE_WORDS.contains(n) || matches!(c.get(end + 1), Some('儿' | '兒')));
    !word && MEASURE1.contains(n)
}

/// A digit string counts as a year (一九九八年, 二三年) or when it has 〇 or a
/// zero among three or more digits (一七二零).
fn seq_ok(c: &[char], core: &Core, end: usize) -> bool {
    let n = core.toks.len();
    let zero = core.toks.contains(&Tok::Digit(0));
    let has_o = c[core.run_start..end].contains(&'〇');
    has_o || (zero && n >= 3) || ((n == 2 || n == 4) && c.get(end) == Some(&'年'))
}

/// Whether a range connector and another numeral follow (一到五个, 一至三年).
fn connector_then_numeral(c: &[char], end: usize) -> bool {
    c.get(end).is_some_and(|n| "到至~-".contains(*n))
        && (numeral_start(c, end + 1) || sign_at(c, end + 1).is_some())
}

/// Whether the context makes a weak run (one character, a digit string, units
/// alone) a numeral: standing alone, before a measure word, after 第, before a
/// range connector. Words that merely contain numeral characters fail.
pub(super) fn guard_ok(c: &[char], core: &Core, end: usize) -> bool {
    if core.adjacent {
        return range_measure_at(c, end);
    }
    let w = weakness(&core.toks);
    if w == Weak::No {
        return true;
    }
    let prev = core.start.checked_sub(1).map(|p| c[p]);
    let next = c.get(end).copied();
    if !prev.is_some_and(is_cjk) && !next.is_some_and(is_cjk) {
        return true;
    }
    let ch0 = c[core.run_start];
    let lone_one = w == Weak::Single && ch0 == '一';
    if lone_one && prev.is_some_and(|p| ONE_BEFORE.contains(p)) {
        return false;
    }
    if prev == Some('第') || connector_then_numeral(c, end) {
        return true;
    }
    if w == Weak::Single && DAXIE_WORDY.contains(ch0) {
        return ["元", "圆", "圓", "整"].iter().any(|u| starts_with(c, end, u));
    }
    match w {
        Weak::Seq => seq_ok(c, core, end),
        _ => measure_at(c, end, lone_one),
    }
}
