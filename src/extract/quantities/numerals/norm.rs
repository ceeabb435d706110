//! Folding a line for scanning: full-width forms become ASCII, dashes and wave
//! dashes one form, whitespace next to a CJK character is dropped (一 百 五 十 → 一百五十,
//! 7 万 → 7万), and every folded char keeps its original char index so that numerals
//! are reported in offsets of the line as given; also the mask of URLs and fixed
//! phrases (一波三折, 三番五次) in which no numeral starts.

use super::chars::{is_cjk, IDIOMS};
use super::Numeral;

/// A line folded for scanning (full-width → ASCII, spaces next to CJK dropped)
/// with the original char index of every folded char.
pub(super) struct Norm {
    pub(super) chars: Vec<char>,
    pub(super) orig: Vec<usize>,
}

impl Norm {
    /// Fold `text`: full-width forms to ASCII, a full-width comma to ',' only
    /// inside a full-width number (４，５６５), and whitespace next to a CJK
    /// character dropped (一 百 五 十 → 一百五十, 7 万 → 7万).
    pub(super) fn new(text: &str) -> Norm {
        let src: Vec<char> = text.chars().collect();
        let drop = droppable_spaces(&src);
        let mut chars = Vec::with_capacity(src.len());
        let mut orig = Vec::with_capacity(src.len());
        for (i, &ch) in src.iter().enumerate() {
            if drop[i] {
                continue;
            }
            chars.push(if ch.is_whitespace() { ' ' } else { fold_char(&src, i) });
            orig.push(i);
        }
        Norm { chars, orig }
    }

    /// Map a folded span to a numeral in original char offsets.
    pub(super) fn map(&self, n: &Numeral) -> Numeral {
        let start = self.orig[n.start];
        let end = self.orig[n.end - 1] + 1;
        Numeral { start, end, ..n.clone() }
    }
}

/// The folded form of `src[i]`.
fn fold_char(src: &[char], i: usize) -> char {
    let ch = src[i];
    let wide_digit =
        |k: Option<usize>| k.and_then(|k| src.get(k)).is_some_and(|c| ('０'..='９').contains(c));
    match ch {
        '，' if wide_digit(i.checked_sub(1)) && wide_digit(Some(i + 1)) => ',',
        '，' => ch,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(ch as u32 - 0xFEE0).unwrap_or(ch),
        '\u{3000}' | '\u{00A0}' => ' ',
        '〜' => '~',
        '—' | '–' | '―' => '-',
        _ => ch,
    }
}

/// Whitespace goes when a CJK character is on either side of its run.
fn droppable_spaces(src: &[char]) -> Vec<bool> {
    let mut drop = vec![false; src.len()];
    let mut i = 0;
    while i < src.len() {
        if !src[i].is_whitespace() {
            i += 1;
            continue;
        }
        let end = (i..src.len()).find(|&k| !src[k].is_whitespace()).unwrap_or(src.len());
        if let (Some(&p), Some(&n)) = (i.checked_sub(1).map(|p| &src[p]), src.get(end)) {
            let cjk = |k: usize| is_cjk(fold_char(src, k));
            let (p, n) = (is_cjk(p) || cjk(i - 1), is_cjk(n) || cjk(end));
            drop[i..end].iter_mut().for_each(|d| *d = p || n);
        }
        i = end;
    }
    drop
}

/// Chars inside URLs and fixed phrases: no numeral starts there.
pub(super) fn blocked_mask(c: &[char]) -> Vec<bool> {
    static FIRSTS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        let mut firsts: Vec<char> = IDIOMS.iter().filter_map(|p| p.chars().next()).collect();
        firsts.extend(['h', 'w']);
        firsts.sort_unstable();
        firsts.dedup();
        firsts
    });
    let mut mask = vec![false; c.len()];
    for i in 0..c.len() {
        // most chars start no URL and no fixed phrase: one lookup, no matching
        if FIRSTS.binary_search(&c[i]).is_err() {
            continue;
        }
        let url = ["http://", "https://", "www."].iter().any(|p| starts_with(c, i, p));
        if url && !mask[i] {
            let end = (i..c.len()).find(|&k| c[k].is_whitespace() || !c[k].is_ascii());
            mask[i..end.unwrap_or(c.len())].iter_mut().for_each(|m| *m = true);
        }
        if let Some(idiom) = IDIOMS.iter().find(|p| starts_with(c, i, p)) {
            let n = idiom.chars().count();
            mask[i..i + n].iter_mut().for_each(|m| *m = true);
        }
    }
    mask
}

/// Whether `c[i..]` starts with `pat`.
pub(super) fn starts_with(c: &[char], i: usize, pat: &str) -> bool {
    (i..).zip(pat.chars()).all(|(k, p)| c.get(k) == Some(&p))
}
