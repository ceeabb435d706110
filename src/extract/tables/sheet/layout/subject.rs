//! What a free title is about: the region it starts with (江苏省…), the
//! years it states (2022年, 2015-2019年), the regions it covers (各设区市,
//! 分地区) and the indicator left when those and the table words (情况,
//! 统计表) are taken off: 2022年各市地区生产总值情况 → 地区生产总值.

use super::super::labels::{
    attachment_marks, continued_marks, generic_title_ends, region_name_ends, scope_kept_words,
    scope_markers, scope_prefixes, single_year, table_marks, title_ends, title_line_ends,
    title_particles, year_range_words, year_words,
};

/// Brackets and punctuation around a title's parts.
pub(super) const BRACKETS: &[char] =
    &['(', ')', '（', '）', '[', ']', '【', '】', ' ', '，', ',', '；', ';', '。'];
/// Punctuation around a title value.
const PUNCT: &[char] = &[' ', '，', ',', '；', ';', '。', '、'];

/// A title value without the punctuation around it and without a bracket
/// left open by the split: "万元）" → "万元", "地区生产总值(亿元)" unchanged.
pub(super) fn trim_value(s: &str) -> &str {
    /// Opening and closing brackets.
    const OPEN: [char; 2] = ['(', '（'];
    const CLOSE: [char; 2] = [')', '）'];
    let mut t = s.trim_matches(PUNCT);
    loop {
        let before = t.len();
        let (opens, closes) = (t.matches(OPEN).count(), t.matches(CLOSE).count());
        let odd = if opens > closes { Some(OPEN) } else { (closes > opens).then_some(CLOSE) };
        if let Some(b) = odd {
            t = t.strip_suffix(b).or_else(|| t.strip_prefix(b)).unwrap_or(t).trim_matches(PUNCT);
        }
        if t.len() == before {
            return t;
        }
    }
}

/// Does a text read as a table's title rather than a header or a note line?
pub(super) fn looks_like_title(s: &str) -> bool {
    let t = s.trim().trim_end_matches(BRACKETS);
    scope_markers().iter().any(|m| t.contains(m))
        || generic_title_ends().iter().any(|e| t.ends_with(e)) && t.chars().count() > 4
        || title_line_ends().iter().any(|e| t.ends_with(e))
        || single_year(t).is_some() && t.chars().count() >= 8
        || attachment_marks().iter().any(|m| t.starts_with(m))
        || table_marks()
            .iter()
            .any(|m| t.strip_prefix(m).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())))
}

/// The region a free title starts with and the indicator it names, if any:
/// "江苏省2022年各设区市地区生产总值情况" → ("江苏省", "地区生产总值").
pub(super) fn subject<'t>(title: &'t str, is_region: &dyn Fn(&str) -> bool) -> (&'t str, &'t str) {
    let mut t = strip_table_number(title);
    let mut region = "";
    for _ in 0..4 {
        let before = t.len();
        t = strip_years(t);
        if region.is_empty() {
            if let Some((r, rest)) = leading_region(t, is_region) {
                (region, t) = (r, rest);
            }
        }
        if let Some(m) = scope_markers().iter().find(|m| t.starts_with(*m)) {
            // 分地区生产总值 is 分 + 地区生产总值
            let cut = m.len() - kept_tail(m, &t[m.len()..]);
            t = title_particles().iter().fold(&t[cut..], |t, p| t.trim_start_matches(p));
        }
        if t.len() == before {
            break;
        }
    }
    // a trailing bracket that only dates the table: 地区生产总值（2022年）
    if let Some((head, inner)) =
        t.strip_suffix(['）', ')']).and_then(|s| s.rsplit_once(['（', '(']))
    {
        if single_year(inner).is_some() || continued_marks().contains(&inner) {
            t = head;
        }
    }
    let t = continued_marks().iter().fold(t, |t, m| t.trim_end_matches(m));
    let mut ind = t;
    while let Some(e) = title_ends().iter().find(|e| ind.ends_with(*e) && ind.len() > e.len()) {
        ind = &ind[..ind.len() - e.len()];
    }
    let generic = generic_title_ends().iter().any(|e| ind.ends_with(e)) || ind.chars().count() > 30;
    (region, if generic { "" } else { trim_value(ind) })
}

/// 表3-1 / 附表2 / 3-1 before a title (not a year: 2022年…).
fn strip_table_number(t: &str) -> &str {
    let marks = attachment_marks().iter().chain(table_marks());
    let named = marks.clone().find_map(|p| t.strip_prefix(p));
    let (rest, named) = match named {
        Some(r) => (r.trim_start(), true),
        None => (t, false),
    };
    let in_number =
        |c: char| c.is_ascii_digit() || "-—－.、".contains(c) || named && c.is_ascii_alphabetic();
    let end = rest.find(|c: char| !in_number(c)).unwrap_or(rest.len());
    let number = &rest[..end];
    let dated = year_words().iter().any(|w| rest[end..].starts_with(w));
    if !number.contains(|c: char| c.is_ascii_digit()) || dated {
        return t;
    }
    rest[end..].trim_start()
}

/// Does a text start with a year (1900–2099) not inside a longer number?
fn starts_with_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 4
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(&b[..2], b"19" | b"20")
        && !b.get(4).is_some_and(u8::is_ascii_digit)
}

/// 年, 年度, 年末, 年底 after a year.
fn strip_year_word(s: &str) -> &str {
    year_words().iter().find_map(|w| s.strip_prefix(w)).unwrap_or(s)
}

/// How much of a scope marker's end begins a word that must stay whole
/// (分地区生产总值 is 分 + 地区生产总值), in bytes.
fn kept_tail(marker: &str, rest: &str) -> usize {
    let tails = marker.char_indices().map(|(i, _)| &marker[i..]);
    let kept = |tail: &str| {
        scope_kept_words()
            .iter()
            .any(|w| w.strip_prefix(tail).is_some_and(|more| rest.starts_with(more)))
    };
    tails.filter(|t| kept(t)).map(str::len).max().unwrap_or(0)
}

/// Leading years: 2022年, 2022年度, 2015-2019年, 2015年至2019年.
fn strip_years(t: &str) -> &str {
    if !starts_with_year(t) {
        return t;
    }
    let mut rest = strip_year_word(&t[4..]);
    let dashes = ["-", "—", "－", "～", "~"].into_iter();
    for sep in dashes.chain(year_range_words().iter().copied()) {
        if let Some(r) = rest.strip_prefix(sep).filter(|r| starts_with_year(r)) {
            rest = strip_year_word(&r[4..]);
            break;
        }
    }
    rest
}

/// The longest region name a title starts with (江苏省…, 常州市…, 江苏…).
fn leading_region<'t>(t: &'t str, is_region: &dyn Fn(&str) -> bool) -> Option<(&'t str, &'t str)> {
    let ends = |c: char| region_name_ends().iter().any(|e| e.starts_with(c));
    let mut best = None;
    let mut prev: Option<char> = None;
    for (i, (b, c)) in t.char_indices().enumerate().take(14) {
        let before_marker = c.is_ascii_digit() || scope_prefixes().iter().any(|p| p.starts_with(c));
        if (prev.is_some_and(ends) || before_marker && i >= 2) && is_region(&t[..b]) {
            best = Some((&t[..b], &t[b..]));
        }
        prev = Some(c);
    }
    if prev.is_some_and(ends) && t.chars().count() <= 14 && is_region(t) {
        best = Some((t, ""));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::super::title::TitleMeta;
    use super::*;

    fn region(s: &str) -> bool {
        ["江苏省", "江苏", "北京市", "常州市", "常州"].contains(&s)
    }

    fn meta(lines: &[&str]) -> TitleMeta {
        let mut m = TitleMeta::default();
        for l in lines {
            m.add(l, &region);
        }
        m
    }

    #[test]
    fn free_titles_give_year_scope_unit_and_indicator() {
        let m = meta(&["江苏省2022年各设区市民政法治建设主要指标"]);
        assert_eq!((m.year, m.region.as_str(), m.indicator.as_str()), (Some(2022), "江苏省", ""));
        let m = meta(&["2022年各市地区生产总值（亿元）"]);
        assert_eq!((m.year, m.unit.as_str()), (Some(2022), "亿元"));
        assert_eq!(m.indicator, "地区生产总值");
        let m = meta(&["表3-1 2021年江苏各市信访情况统计表", "单位：件"]);
        assert_eq!((m.year, m.region.as_str()), (Some(2021), "江苏"));
        assert_eq!((m.indicator.as_str(), m.unit.as_str()), ("信访", "件"));
        let m = meta(&["3-9  分地区生产总值（2022年）", "Gross Regional Product by Region (2022)"]);
        assert_eq!(
            (m.year, m.indicator.as_str(), m.region.as_str()),
            (Some(2022), "地区生产总值", "")
        );
        assert_eq!(meta(&["2-5 分地区年末人口数"]).indicator, "年末人口数");
        assert_eq!(meta(&["附件2", "2022年各市信访情况"]).indicator, "信访");
        let m = meta(&["2015-2019年常州市主要指标"]);
        assert_eq!((m.year, m.region.as_str(), m.indicator.as_str()), (None, "常州市", ""));
    }

    #[test]
    fn titles_told_from_headers() {
        assert!(looks_like_title("江苏省2022年各设区市民政法治建设主要指标"));
        assert!(looks_like_title("2023年分地区年末人口数"));
        assert!(looks_like_title("表2 行政复议"));
        assert!(!looks_like_title("地区生产总值(亿元)"));
        assert!(!looks_like_title("行政复议"));
        assert!(!looks_like_title("2019年"));
    }
}
