//! Quantities in text: a number, its multiplier (万/亿), its measure word and
//! the qualifier words around it (余/多/以上 → at least, 左右/约/近 → approx,
//! 以内/不超过 → at most, 5%-5.5% → range). Dates, ordinals and numbers
//! without a measure word are not quantities.

use super::numerals::{self, parse_arabic, parse_chinese};
use super::wording::{NotACount, QualifierWords, Wording};
use crate::catalog::{Unit, Units};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    AtLeast,
    Approx,
    AtMost,
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::AtLeast => "at_least",
            Qualifier::Approx => "approx",
            Qualifier::AtMost => "at_most",
            Qualifier::Range => "range",
        }
    }

    pub fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "exact" => Qualifier::Exact,
            "at_least" => Qualifier::AtLeast,
            "approx" => Qualifier::Approx,
            "at_most" => Qualifier::AtMost,
            "range" => Qualifier::Range,
            _ => return None,
        })
    }

    /// The mark a chart or table puts before a value: ≥, ≈, ≤.
    pub fn mark(self) -> &'static str {
        match self {
            Qualifier::Exact => "",
            Qualifier::AtLeast | Qualifier::Range => "≥",
            Qualifier::Approx => "≈",
            Qualifier::AtMost => "≤",
        }
    }
}

/// One quantity found in normalised text (char offsets).
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// char span of the whole quantity, qualifiers included
    pub start: usize,
    pub end: usize,
    /// char span of the numeral itself
    pub num_start: usize,
    /// value in base units (multiplier applied): 3万余份 → 30000
    pub value: f64,
    /// the measure word: 件, 元, %, 人 … (empty when none), a name of the unit table
    pub unit: &'static str,
    pub qualifier: Qualifier,
    /// upper end of a range (5%-5.5% → Some(5.5))
    pub high: Option<f64>,
}

/// The characters a Chinese numeral is written with.
const CN_NUMERAL: &str = "零〇一二两三四五六七八九十百千万亿";
/// Qualifier words right after a quantity, tried in this order.
const POST_WORDS: [&str; 7] = ["左右", "以上", "以内", "以下", "上下", "多", "余"];

/// One numeral with the words glued to it, as byte offsets into the text:
/// number, 余/多, multiplier (万/亿), 余/多, one space, unit, post word.
#[derive(Debug, Clone, Copy)]
struct Scanned<'t> {
    start: usize,
    end: usize,
    num: &'t str,
    chinese: bool,
    fuzzy: bool,
    mult: f64,
    unit: Option<Unit>,
    /// a multiplier left over after the multiplier (malformed)
    stray_scale: bool,
    post: &'t str,
    /// the value the shared numeral scanner read where it reads further than
    /// the number and multiplier above (3万4000, 2千零30万, 零点四三二一, 百分之五)
    read: Option<f64>,
}

fn digits_at(b: &[u8], i: usize) -> usize {
    b[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

/// The end of an Arabic number at `i`: 1,336 (groups of three) or 1336, then .5.
fn arabic_end(b: &[u8], i: usize) -> usize {
    let run = digits_at(b, i);
    let mut end = i + run;
    if run <= 3 {
        let mut k = end;
        while b.get(k) == Some(&b',') && digits_at(b, k + 1) >= 3 {
            k += 4;
        }
        end = k;
    }
    if b.get(end) == Some(&b'.') && digits_at(b, end + 1) > 0 {
        end += 1 + digits_at(b, end + 1);
    }
    end
}

fn is_cn_numeral(c: char) -> bool {
    CN_NUMERAL.contains(c)
}

/// A 余 or 多 at `i`: its length.
fn fuzzy_at(text: &str, i: usize) -> usize {
    if text[i..].starts_with('余') || text[i..].starts_with('多') {
        3
    } else {
        0
    }
}

/// Read the quantity whose numeral starts at byte `start`.
fn scan_at<'t>(text: &'t str, start: usize, units: &Units) -> Scanned<'t> {
    let b = text.as_bytes();
    let chinese = !b[start].is_ascii_digit();
    let num_end = if chinese {
        start
            + text[start..]
                .chars()
                .take_while(|&c| is_cn_numeral(c))
                .map(char::len_utf8)
                .sum::<usize>()
    } else {
        arabic_end(b, start)
    };
    let mut at = num_end;
    let mut f1 = fuzzy_at(text, at);
    at += f1;
    let (mut mult, len) = units.multiplier_at(&text[at..]).unwrap_or((1.0, 0));
    at += len;
    // the shared scanner is asked only where it may read further: a digit,
    // numeral or 点 right after (3万4000, 2千零30万, 零点四), or 百分之
    let next = text[at..].chars().next();
    let may_extend = next.is_some_and(|c| c.is_ascii_digit() || is_cn_numeral(c) || c == '点')
        || text[start..].starts_with("百分之");
    let shared = may_extend.then(|| shared_numeral(text, start)).flatten().filter(|n| n.end > at);
    let mut num_end = num_end;
    if let Some(n) = &shared {
        (num_end, at, mult, f1) = (n.end, n.end, 1.0, 0);
    }
    let f2 = fuzzy_at(text, at);
    at += f2;
    if let Some(c) = text[at..].chars().next().filter(|c| c.is_whitespace()) {
        at += c.len_utf8();
    }
    let percent = shared.as_ref().is_some_and(|n| n.percent).then(|| units.unit_at("%")).flatten();
    let unit = percent.map(|(u, _)| (u, 0)).or_else(|| units.unit_at(&text[at..]));
    // a second multiplier where the unit belongs (3万亿万): malformed
    let stray = unit.is_none().then(|| units.multiplier_at(&text[at..])).flatten();
    at += unit.map_or(stray.map_or(0, |(_, len)| len), |(_, len)| len);
    let post = POST_WORDS.iter().find(|w| text[at..].starts_with(*w)).copied().unwrap_or("");
    at += post.len();
    Scanned {
        start,
        end: at,
        num: &text[start..num_end],
        chinese,
        fuzzy: f1 + f2 > 0,
        mult,
        unit: unit.map(|(u, _)| u),
        stray_scale: stray.is_some(),
        post,
        read: shared.map(|n| n.value),
    }
}

/// A numeral as the shared scanner reads it at byte `start`: its end (byte)
/// and value, when it is a plain number or a percentage.
struct SharedNumeral {
    end: usize,
    value: f64,
    percent: bool,
}

/// The numeral the shared scanner ([`numerals::scan_numerals`], the one
/// `yardstick quantities` runs) finds at byte `start`, read within the next
/// [`SHARED_WINDOW`] chars of its line.
fn shared_numeral(text: &str, start: usize) -> Option<SharedNumeral> {
    let rest = &text[start..];
    let line = rest.find('\n').map_or(rest, |e| &rest[..e]);
    let window = line.char_indices().nth(SHARED_WINDOW).map_or(line, |(i, _)| &line[..i]);
    let n = numerals::scan_numerals(window).into_iter().next().filter(|n| n.start == 0)?;
    if n.per.is_some() || n.approx.is_some() || n.high.is_some() || !n.value.is_finite() {
        return None;
    }
    let end = window.char_indices().nth(n.end).map_or(window.len(), |(i, _)| i);
    Some(SharedNumeral { end: start + end, value: n.value, percent: n.percent })
}

/// How far ahead a numeral is read by the shared scanner (a numeral is short).
const SHARED_WINDOW: usize = 40;

/// The next numeral start at or after byte `from`.
fn next_numeral(text: &str, from: usize) -> Option<usize> {
    text[from..]
        .char_indices()
        .find(|&(_, c)| c.is_ascii_digit() || is_cn_numeral(c))
        .map(|(i, _)| from + i)
}

/// All quantities in `text`; `byte_at` maps char index → byte offset (see NormText).
/// Qualifier words and not-a-count contexts come from `wording`, units from the
/// unit table. The scanner reads left to right; a numeral that is no value is
/// skipped with the words glued to it.
pub fn find_quantities(text: &str, byte_at: &[u32], wording: &Wording) -> Vec<Quantity> {
    let units = Units::bundled();
    let to_char = |b: usize| byte_at.binary_search(&(b as u32)).unwrap_or_else(|i| i);
    let mut out: Vec<Quantity> = Vec::new();
    let mut from = 0;
    while let Some(start) = next_numeral(text, from) {
        let m = scan_at(text, start, units);
        from = m.end;
        let Some((value, unit, qualifier)) = read_match(text, &m, wording) else { continue };
        out.push(Quantity {
            start: to_char(m.start),
            end: to_char(m.end),
            num_start: to_char(m.start),
            value,
            unit,
            qualifier,
            high: None,
        });
    }
    // a number with no measure word is not a value (ids, phone numbers, years in 〔〕)
    merge_ranges(text, byte_at, out).into_iter().filter(|q| !q.unit.is_empty()).collect()
}

/// The last `n` chars of `s`.
fn last_chars(s: &str, n: usize) -> &str {
    let cut = s.char_indices().rev().take(n).last().map_or(s.len(), |(i, _)| i);
    &s[cut..]
}

/// Is the number `m` not a value at all (a date, an ordinal, a frequency, a
/// duration, part of an id)?
fn not_a_value(text: &str, m: &Scanned, words: &NotACount) -> bool {
    let before = &text[..m.start];
    let prev_char = before.chars().next_back();
    // glued to a letter or digit run (phone numbers, ids, 12345热线 as a name)
    if prev_char.is_some_and(|c| {
        c.is_ascii_alphanumeric() || c == '.' || c == '-' && !m.chinese && before.ends_with("--")
    }) {
        return true;
    }
    let unit = m.unit.map_or("", |u| u.name);
    if m.unit.is_some_and(|u| u.family.is_time()) || prev_char == Some('第') {
        return true;
    }
    // 每月安排1次学法会议: a frequency, not a count (每人每月1000元 is a standard)
    let lead4 = last_chars(before, 4);
    if !unit.starts_with('元') && words.frequency_before.iter().any(|w| lead4.contains(w.as_str()))
    {
        return true;
    }
    // 20个工作日, 3个月, 10个小时: durations, not counts; …等10个方面 counts a report's aspects
    let after = &text[m.end..];
    unit == "个" && words.durations_after_ge.iter().any(|w| after.starts_with(w.as_str()))
}

/// The value (base units) of a Chinese numeral, when it is one.
fn chinese_value(m: &Scanned, prev_char: Option<char>, read: Option<f64>) -> Option<f64> {
    // Chinese numerals stand in many fixed phrases (三项制度, 一件事): only
    // multi-character numerals or 十/百 with 余/多 count.
    let fuzzy = m.fuzzy || m.post == "余" || m.post == "多";
    let n_chars = m.num.chars().count();
    if m.unit.is_none() || (n_chars < 2 && !fuzzy && !matches!(m.num, "十" | "百" | "千")) {
        return None;
    }
    let stuck = ['统', '唯', '之', '一', '同', '每', '这', '那', '单', '逐', '万', '"'];
    if prev_char.is_some_and(|c| stuck.contains(&c)) {
        return None;
    }
    read.or_else(|| parse_chinese(m.num).map(|v| v * m.mult))
}

/// The qualifier the words in and around a quantity give it.
fn qualifier_of(m: &Scanned, before: &str, words: &QualifierWords) -> Qualifier {
    if m.fuzzy || matches!(m.post, "以上" | "多" | "余") {
        return Qualifier::AtLeast;
    }
    if matches!(m.post, "左右" | "上下") {
        return Qualifier::Approx;
    }
    if matches!(m.post, "以内" | "以下") {
        return Qualifier::AtMost;
    }
    words.before(last_chars(before, 3)).unwrap_or(Qualifier::Exact)
}

/// One scanned numeral as (value, unit, qualifier), or None when it is no value.
fn read_match(
    text: &str,
    m: &Scanned,
    wording: &Wording,
) -> Option<(f64, &'static str, Qualifier)> {
    if m.stray_scale || not_a_value(text, m, &wording.not_a_count) {
        return None;
    }
    let before = &text[..m.start];
    let unit = m.unit.map_or("", |u| u.name);
    let value = match (m.chinese, m.read) {
        (true, read) => chinese_value(m, before.chars().next_back(), read)?,
        (false, Some(read)) => read,
        (false, None) => parse_arabic(m.num)? * m.mult,
    };
    let value = if written_negative(before) { -value } else { value };
    Some((value, unit, qualifier_of(m, before, &wording.qualifiers)))
}

/// A minus sign glued to the number after a word (自然增长率-6.51‰, 增速由
/// 一季度的-5.6%): not after a digit or % (4.5-5%, 2023-2024), nor doubled.
fn written_negative(before: &str) -> bool {
    let Some(rest) = before.strip_suffix('-') else { return false };
    rest.chars().next_back().is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == ':')
}

/// 4.5-5%, 5%-5.5%, 40%至60%: one range quantity valued at its lower end.
fn merge_ranges(text: &str, byte_at: &[u32], qs: Vec<Quantity>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::with_capacity(qs.len());
    let mut i = 0;
    while i < qs.len() {
        let q = &qs[i];
        if let Some(next) = qs.get(i + 1) {
            let between = &text[byte_at[q.end] as usize..byte_at[next.num_start] as usize];
            let joined = matches!(between.trim(), "-" | "~" | "至" | "到" | "—");
            if joined
                && (q.unit == next.unit || q.unit.is_empty())
                && !next.unit.is_empty()
                && next.value >= q.value
            {
                out.push(Quantity {
                    start: q.start,
                    end: next.end,
                    num_start: q.num_start,
                    value: q.value,
                    unit: next.unit,
                    qualifier: Qualifier::Range,
                    high: Some(next.value),
                });
                i += 2;
                continue;
            }
        }
        out.push(q.clone());
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests;
