//! Quantities in text: a number, its multiplier (万/亿), its measure word and
//! the qualifier words around it (余/多/以上 → at least, 左右/约/近 → approx,
//! 以内/不超过 → at most, 5%-5.5% → range). Dates, ordinals and numbers
//! without a measure word are not quantities.

use super::numerals::{parse_arabic, parse_chinese};
use super::wording::{NotACount, QualifierWords, Wording};
use regex::Regex;
use std::sync::LazyLock;

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
    /// the measure word: 件, 元, %, 人 … (empty when none)
    pub unit: String,
    pub qualifier: Qualifier,
    /// upper end of a range (5%-5.5% → Some(5.5))
    pub high: Option<f64>,
}

const UNITS: &str = "个百分点|百分点|‰|%|倍|元/人·月|元/人/月|元/人月|元/月|元|家次|件次|人次|场次|批次|户次|件|条|次|家|项|人|名|份|篇|个|场|张|户|处|起|宗|部|批|册|本|期|单|对|所|座|位|套|间|辆|万|亿|年|月|日|号|届|岁|时|分|期";

static QTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<num>(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)(?P<f1>余|多)?(?P<mult>万亿|亿|万)?(?P<f2>余|多)?\s?(?P<unit>{UNITS})?(?P<post>左右|以上|以内|以下|上下|多|余)?"
    ))
    .unwrap()
});

/// All quantities in `text`; `byte_at` maps char index → byte offset (see NormText).
/// Qualifier words and not-a-count contexts come from `wording`.
pub fn find_quantities(text: &str, byte_at: &[u32], wording: &Wording) -> Vec<Quantity> {
    let to_char = |b: usize| byte_at.binary_search(&(b as u32)).unwrap_or_else(|i| i);
    let mut out: Vec<Quantity> = Vec::new();
    for caps in QTY.captures_iter(text) {
        let Some((value, unit, qualifier)) = read_match(text, &caps, wording) else { continue };
        let (whole, num) = (caps.get(0).unwrap(), caps.name("num").unwrap());
        out.push(Quantity {
            start: to_char(whole.start()),
            end: to_char(whole.end()),
            num_start: to_char(num.start()),
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
fn last_chars(s: &str, n: usize) -> String {
    let mut v: Vec<char> = s.chars().rev().take(n).collect();
    v.reverse();
    v.into_iter().collect()
}

/// Is the number at `caps` not a value at all (a date, an ordinal, a
/// frequency, a duration, part of an id)?
fn not_a_value(
    text: &str,
    caps: &regex::Captures,
    chinese: bool,
    unit: &str,
    words: &NotACount,
) -> bool {
    let (whole, num) = (caps.get(0).unwrap(), caps.name("num").unwrap());
    let before = &text[..num.start()];
    let prev_char = before.chars().next_back();
    // glued to a letter or digit run (phone numbers, ids, 12345热线 as a name)
    if prev_char.is_some_and(|c| {
        c.is_ascii_alphanumeric() || c == '.' || c == '-' && !chinese && before.ends_with("--")
    }) {
        return true;
    }
    if words.unit_words.iter().any(|w| w == unit) || prev_char == Some('第') {
        return true;
    }
    // 每月安排1次学法会议: a frequency, not a count (每人每月1000元 is a standard)
    let lead4 = last_chars(before, 4);
    if !unit.starts_with('元') && words.frequency_before.iter().any(|w| lead4.contains(w.as_str()))
    {
        return true;
    }
    // 20个工作日, 3个月, 10个小时: durations, not counts; …等10个方面 counts a report's aspects
    let after = &text[whole.end()..];
    unit == "个" && words.durations_after_ge.iter().any(|w| after.starts_with(w.as_str()))
}

/// The value (base units) and measure word of a Chinese numeral, when it is one.
fn chinese_value(caps: &regex::Captures, prev_char: Option<char>, unit: &str) -> Option<f64> {
    let num_str = caps.name("num").unwrap().as_str();
    let mult_str = caps.name("mult").map(|m| m.as_str()).unwrap_or("");
    // Chinese numerals stand in many fixed phrases (三项制度, 一件事): only
    // multi-character numerals or 十/百 with 余/多 count.
    let post_fuzzy = caps.name("post").is_some_and(|p| p.as_str() == "余" || p.as_str() == "多");
    let fuzzy = caps.name("f1").is_some() || caps.name("f2").is_some() || post_fuzzy;
    let n_chars = num_str.chars().count();
    if unit.is_empty() || (n_chars < 2 && !fuzzy && !matches!(num_str, "十" | "百" | "千")) {
        return None;
    }
    let stuck = ['统', '唯', '之', '一', '同', '每', '这', '那', '单', '逐', '万', '"'];
    if prev_char.is_some_and(|c| stuck.contains(&c)) {
        return None;
    }
    parse_chinese(&format!("{num_str}{mult_str}"))
}

/// The qualifier the words in and around a quantity give it.
fn qualifier_of(caps: &regex::Captures, before: &str, words: &QualifierWords) -> Qualifier {
    let post = caps.name("post").map(|m| m.as_str()).unwrap_or("");
    let fuzzy_inside = caps.name("f1").is_some() || caps.name("f2").is_some();
    if fuzzy_inside || matches!(post, "以上" | "多" | "余") {
        return Qualifier::AtLeast;
    }
    if matches!(post, "左右" | "上下") {
        return Qualifier::Approx;
    }
    if matches!(post, "以内" | "以下") {
        return Qualifier::AtMost;
    }
    let lead = last_chars(before, 3);
    let ends = |list: &[String]| list.iter().any(|w| lead.ends_with(w.as_str()));
    if ends(&words.at_most_before) {
        Qualifier::AtMost
    } else if ends(&words.at_least_before) {
        Qualifier::AtLeast
    } else if ends(&words.approx_before) {
        Qualifier::Approx
    } else {
        Qualifier::Exact
    }
}

/// One regex match as (value, unit, qualifier), or None when it is no value.
fn read_match(
    text: &str,
    caps: &regex::Captures,
    wording: &Wording,
) -> Option<(f64, String, Qualifier)> {
    let num = caps.name("num").unwrap();
    let num_str = num.as_str();
    let chinese = !num_str.as_bytes()[0].is_ascii_digit();
    let unit = caps.name("unit").map(|m| m.as_str()).unwrap_or("");
    let mult_str = caps.name("mult").map(|m| m.as_str()).unwrap_or("");
    if not_a_value(text, caps, chinese, unit, &wording.not_a_count) {
        return None;
    }
    let before = &text[..num.start()];
    let (value, unit) = if chinese {
        (chinese_value(caps, before.chars().next_back(), unit)?, unit.to_string())
    } else {
        let v = parse_arabic(num_str)?
            * match mult_str {
                "万亿" => 1e12,
                "亿" => 1e8,
                "万" => 1e4,
                _ => 1.0,
            };
        // a bare multiplier after the number is the unit of amounts with no measure word
        let unit =
            if unit.is_empty() && !mult_str.is_empty() { String::new() } else { unit.to_string() };
        (v, unit)
    };
    let unit = match unit.as_str() {
        "万" | "亿" => return None, // 万 / 亿 left over after a full multiplier: malformed
        "百分点" => "个百分点".to_string(),
        _ => unit,
    };
    Some((value, unit, qualifier_of(caps, before, &wording.qualifiers)))
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
                    unit: next.unit.clone(),
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
mod tests {
    use super::*;
    use crate::ingest::fold::normalize;

    fn qs(s: &str) -> Vec<(f64, String, Qualifier)> {
        let n = normalize(s);
        find_quantities(&n.text, &n.byte_at, &Wording::bundled())
            .into_iter()
            .map(|q| (q.value, q.unit, q.qualifier))
            .collect()
    }

    #[test]
    fn counts_with_qualifiers() {
        assert_eq!(qs("行政复议5件"), vec![(5.0, "件".into(), Qualifier::Exact)]);
        assert_eq!(qs("公开政务信息230余条"), vec![(230.0, "条".into(), Qualifier::AtLeast)]);
        assert_eq!(qs("发放宣传册3万余份"), vec![(30000.0, "份".into(), Qualifier::AtLeast)]);
        assert_eq!(qs("接受咨询12300人次左右"), vec![(12300.0, "人次".into(), Qualifier::Approx)]);
        assert_eq!(qs("学法10余次"), vec![(10.0, "次".into(), Qualifier::AtLeast)]);
        assert_eq!(qs("学法十余次"), vec![(10.0, "次".into(), Qualifier::AtLeast)]);
        assert_eq!(qs("约200件"), vec![(200.0, "件".into(), Qualifier::Approx)]);
        assert_eq!(qs("超过30部"), vec![(30.0, "部".into(), Qualifier::AtLeast)]);
        assert_eq!(qs("失业率5%以内"), vec![(5.0, "%".into(), Qualifier::AtMost)]);
        assert_eq!(qs("社会团体 | 个 | 1,336"), vec![]);
        assert_eq!(qs("收到1,336件"), vec![(1336.0, "件".into(), Qualifier::Exact)]);
    }

    #[test]
    fn multipliers_and_money() {
        assert_eq!(qs("补贴1588.3万元"), vec![(15_883_000.0, "元".into(), Qualifier::Exact)]);
        assert_eq!(qs("达到10.3万亿元"), vec![(1.03e13, "元".into(), Qualifier::Exact)]);
        assert_eq!(qs("为15.8万名老年人"), vec![(158_000.0, "名".into(), Qualifier::Exact)]);
        assert_eq!(
            qs("城镇新增就业110万人以上"),
            vec![(1_100_000.0, "人".into(), Qualifier::AtLeast)]
        );
        assert_eq!(qs("参检率８７．４％"), vec![(87.4, "%".into(), Qualifier::Exact)]);
    }

    #[test]
    fn ranges() {
        assert_eq!(qs("增长4.5-5%"), vec![(4.5, "%".into(), Qualifier::Range)]);
        assert_eq!(qs("增长5%—5.5%"), vec![(5.0, "%".into(), Qualifier::Range)]);
        assert_eq!(qs("按40%-60%比例"), vec![(40.0, "%".into(), Qualifier::Range)]);
    }

    #[test]
    fn not_values() {
        assert!(qs("2023年").is_empty());
        assert!(qs("2024年1月26日").is_empty());
        assert!(qs("国办公开办函〔2021〕30号").is_empty());
        assert!(qs("民政部令第60号").is_empty());
        assert!(qs("党的二十大").is_empty());
        assert!(qs("“十四五”").is_empty());
        assert!(qs("三项制度、一件事").is_empty());
        assert!(qs("第一次").is_empty());
        assert!(qs("电话:0473-8992090").is_empty());
        assert!(qs("省委“1310”具体部署").is_empty());
    }
}
