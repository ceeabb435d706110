//! Running headers/footers and page numbers: lines near the top or bottom of
//! a page whose digit-masked text recurs on many pages, or that look like a
//! page number, are dropped from the body and counted.

use super::Line;
use std::collections::HashMap;

/// Text with whitespace dropped and each run of digits as one `#`, so that
/// "第9页" and "第10页" (or "9/50" and "10/50") compare equal.
fn mask(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `- 1 -`, `—2—`, `第3页`, `第 3 页 共 9 页`, `3/9`, `Page 3`, `Page 3 of 9`, or bare digits (`bare`).
pub(super) fn is_page_number(s: &str, bare: bool) -> bool {
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if ('０'..='９').contains(&c) {
                char::from_u32(c as u32 - 0xFF10 + 0x30).unwrap_or(c)
            } else {
                c
            }
        })
        .collect();
    let t = t.to_lowercase();
    let digits = |x: &str| !x.is_empty() && x.len() <= 5 && x.bytes().all(|b| b.is_ascii_digit());
    let dash = |c: char| "-–—－―‐·•".contains(c);
    let inner = t.trim_matches(dash);
    if inner.len() < t.len() && digits(inner) {
        return true;
    }
    if bare && digits(&t) {
        return true;
    }
    if let Some((a, b)) = t.split_once(['/', '／']) {
        if digits(a) && digits(b) {
            return true;
        }
    }
    let t = t.replace("page", "第").replace("of", "共");
    let rest = t.trim_start_matches('第');
    let (n, rest) = rest.split_at(rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len()));
    if t.starts_with('第') && digits(n) {
        let rest = rest.trim_start_matches('页').trim_start_matches(['/', '，', ',']);
        if rest.is_empty() {
            return true;
        }
        if let Some(r) = rest.strip_prefix('共') {
            let r = r.trim_end_matches('页');
            return digits(r);
        }
    }
    false
}

/// Returns the removed count; `pages` keeps the body lines.
pub(super) fn drop_chrome(pages: &mut [Vec<Line>]) -> usize {
    let n = pages.len();
    let zone = |len: usize, i: usize, k: usize| i < k || i + k >= len;
    let mut seen: HashMap<(bool, String), usize> = HashMap::new();
    for p in pages.iter() {
        let mut keys: Vec<(bool, String)> = Vec::new();
        for (i, l) in p.iter().enumerate() {
            if zone(p.len(), i, 3) {
                let k = (i < 3, mask(&l.text()));
                if !keys.contains(&k) {
                    keys.push(k);
                }
            }
        }
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let mut removed = 0;
    for p in pages.iter_mut() {
        let len = p.len();
        let mut keep = Vec::with_capacity(len);
        for (i, l) in std::mem::take(p).into_iter().enumerate() {
            let text = l.text();
            let repeated = zone(len, i, 3)
                && seen.get(&(i < 3, mask(&text))).is_some_and(|&c| c >= 2 && c * 5 >= n * 2);
            let number = zone(len, i, 2) && is_page_number(&text, i + 2 >= len);
            if repeated || number {
                removed += 1;
            } else {
                keep.push(l);
            }
        }
        *p = keep;
    }
    removed
}
