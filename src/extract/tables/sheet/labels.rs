//! The words of table layouts: header names of region, indicator, value,
//! year and unit columns, total and note rows, unit words, "其中" parts, and
//! the year or unit a header states; labels cleaned of the spaces tables pad
//! them with.

use crate::vocabulary::VocabularyFile;
use std::borrow::Cow;

crate::word_lists!(
    /// The words of table layouts (`sheets/layout_words.toml`).
    LayoutWords in "sheets/layout_words.toml" {
    /// headers of a region column (地区, 单位名称)
    region_heads,
    /// headers of an indicator column (指标, 项目)
    indicator_heads,
    /// headers of a value column (数值, 本年)
    value_heads,
    /// headers of a year column
    year_heads,
    /// headers of a unit column
    unit_heads,
    /// headers of columns without values (序号, 代码)
    skip_heads,
    /// … and their endings (…排名, …备注)
    skip_ends,
    /// labels of total rows (合计, 全省)
    total_labels,
    /// endings of total rows (…合计, …小计)
    total_ends,
    /// openings of note lines (注, 资料来源)
    note_starts,
    /// the words of a row of column numbers (甲, 乙, 栏次)
    column_number_words,
    /// words before a unit in a units cell (计量单位：, 单位：)
    unit_cell_words,
    /// endings that make a bracketed header part a unit (…元, …人)
    unit_ends,
    /// words before the year a header states (年度, 年末)
    year_words,
    /// the mark of a part of the row above (其中)
    part_marks,
    /// words that say "the regions of" in a title (各设区市, 分地区, 全省)
    scope_markers,
    /// endings of a table's name that are not its subject (统计表, 情况)
    title_ends,
    /// endings that make a line a table's title (统计表, 情况表)
    title_line_ends,
    /// a title's generic ending: no indicator (…主要指标)
    generic_title_ends,
    /// openings of an attached table's name (附表, 附件)
    attachment_marks,
    /// the opening of a table's number (表3-1)
    table_marks,
    /// parts of an indicator name a scope marker may end with (分地区生产总值)
    scope_kept_words,
    /// particles between a scope marker and the subject (的)
    title_particles,
    /// words between the years of a range (2015年至2019年)
    year_range_words,
    /// the last characters of region names (省, 市, 县)
    region_name_ends,
    /// the first characters of scope markers (各, 分, 全)
    scope_prefixes,
    /// marks of a continued table (续, 续表)
    continued_marks,
    /// keys of "key：value" title lines naming the unit (计量单位, 单位)
    unit_keys,
    /// … naming the indicator (指标名称)
    indicator_keys,
    /// … naming the year (统计时间, 年度)
    year_keys,
    /// … naming the region (地区名称)
    region_keys,
    /// … naming nothing read (填报单位, 联系电话)
    ignored_keys,
    /// sub-headers that name the count itself (收到, 本年新收)
    count_words,
    /// endings of organisation names in a label column (局, 政府, 中心)
    organisation_ends,
    /// words of a header that make a column a target, not a value (目标, 计划)
    target_heads,
});

/// A 合计 / 全省 / 总计 label: a check of the rows, not a region.
pub fn is_total(label: &str) -> bool {
    let l = label.trim();
    total_labels().iter().any(|t| l == *t || l.starts_with(t) && l.chars().count() <= 4)
        || total_ends().iter().any(|t| l.ends_with(t))
}

/// A note line below a table: 注：…, 资料来源：…, 数据来源：….
pub(super) fn is_note(label: &str) -> bool {
    let l = label.trim_start();
    note_starts().iter().any(|n| l.starts_with(n))
        && (l.contains(':') || l.contains('：') || l.chars().count() > 6)
}

/// A units cell without its leading words (计量单位, 单位), each trimmed in
/// the list's order.
fn without_unit_cell_words(mut s: &str) -> &str {
    for w in unit_cell_words() {
        s = s.trim_start_matches(w);
    }
    s
}

/// The unit a units cell states: "(万元)" → "万元", "单位：亿元" → "亿元".
pub(super) fn unit_of(s: &str) -> &str {
    without_unit_cell_words(s.trim().trim_matches(['(', ')', '（', '）']))
        .trim_start_matches([':', '：'])
        .trim()
        .trim_matches(['(', ')', '（', '）'])
}

/// A unit word, bare or in brackets: 件, (万元), 单位：亿元 (a unit of the
/// unit table, with or without a scale).
pub(super) fn is_unit_word(s: &str) -> bool {
    crate::catalog::Units::active().is_measure_word(unit_of(s))
}

/// A header of a column that holds no values (序号, 代码, 排名, 备注).
pub(super) fn is_skip_head(h: &str) -> bool {
    skip_heads().contains(&h) || skip_ends().iter().any(|e| h.ends_with(e))
}

/// "信访(件)" → ("信访", "件"); "一般公共预算收入（亿元）" → (…, "亿元"); "行政复议" → (…, "").
pub fn split_header_unit(h: &str) -> (String, String) {
    let (label, unit) = split_unit(h);
    (label.to_string(), unit.to_string())
}

/// `split_header_unit` on slices.
pub(super) fn split_unit(h: &str) -> (&str, &str) {
    let t = h.trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']')] {
        if let (Some(o), true) = (t.rfind(open), t.ends_with(close)) {
            let unit = t[o + open.len_utf8()..t.len() - close.len_utf8()].trim();
            let unit = unit_cell_words()
                .iter()
                .find_map(|w| unit.strip_prefix(w))
                .map_or(unit, |u| u.trim_start_matches([':', '：']));
            if is_unit_word(unit) || unit_ends().iter().any(|e| unit.ends_with(e)) {
                return (t[..o].trim(), unit);
            }
        }
    }
    (t, "")
}

/// The 4-digit years (1900–2099) a text states, not inside a longer number.
fn years(s: &str) -> impl Iterator<Item = i32> + '_ {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).filter_map(move |i| {
        let w = &b[i..i + 4];
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        let after_ok = b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        let digits = w.iter().all(u8::is_ascii_digit) && matches!(&w[..2], b"19" | b"20");
        (before_ok && after_ok && digits)
            .then(|| w.iter().fold(0, |y, d| y * 10 + i32::from(d - b'0')))
    })
}

/// The first year (1900–2099) a text states.
pub(super) fn year_in(s: &str) -> Option<i32> {
    years(s).next()
}

/// The one year a title states (None when it names none, or two: 2015-2019年).
pub(super) fn single_year(s: &str) -> Option<i32> {
    let mut ys = years(s);
    let first = ys.next()?;
    ys.all(|y| y == first).then_some(first)
}

/// The year a sheet name, title or file name states (2023, "2023年", "2023年度").
pub fn year_of(s: &str) -> Option<i32> {
    year_in(s)
}

/// A header part that starts with a year: "2019" → (2019, ""), "2019年度" → (2019, ""),
/// "2022年地区生产总值" → (2022, "地区生产总值").
pub(super) fn split_year(part: &str) -> Option<(i32, &str)> {
    let b = part.as_bytes();
    if b.len() < 4
        || !b[..4].iter().all(u8::is_ascii_digit)
        || b.get(4).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let y = year_in(&part[..4])?;
    let rest = &part[4..];
    for suffix in year_words().iter().copied().chain([""]) {
        if let Some(r) = rest.strip_prefix(suffix) {
            if suffix.is_empty() && !r.is_empty() {
                return None; // 2019-2020, 2019.5: not a year header
            }
            return Some((y, r.trim_start_matches([' ', ':', '：'])));
        }
    }
    None
}

/// The child of a "其中" part: "其中：纠正" → "纠正", "其中纠正" → "纠正", "其中" → "";
/// yearbooks mark it with #: "#城镇" → "城镇".
pub(super) fn strip_part_mark(s: &str) -> Option<&str> {
    let rest = part_marks()
        .iter()
        .find_map(|m| s.strip_prefix(m))
        .or_else(|| s.strip_prefix(['#', '＃']))?;
    Some(rest.trim_start_matches([':', '：', '、', ',', '，', ' ']))
}

/// A Chinese character.
fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// A footnote mark after a label: 南京市*, 合计①.
fn is_label_mark(c: char) -> bool {
    matches!(c, '*' | '＊' | '¹' | '²' | '³' | '†' | '‡' | '※') || ('①'..='⑳').contains(&c)
}

/// A bilingual label without its English: yearbooks write "北　京\nBeijing",
/// "地区生产总值\n(亿元)\nGross Regional Product". Lines with Latin letters and
/// no Chinese go, and so does a Latin tail after a space.
fn without_english(t: &str) -> Cow<'_, str> {
    if !t.chars().any(is_cjk) {
        return Cow::Borrowed(t);
    }
    let english = |l: &str| l.chars().any(|c| c.is_ascii_alphabetic()) && !l.chars().any(is_cjk);
    let mut out = String::with_capacity(t.len());
    for line in t.lines().filter(|l| !english(l)) {
        out.push_str(line);
        out.push('\n');
    }
    let tail = out.char_indices().find(|&(i, c)| {
        let rest = &out[i..];
        c.is_whitespace()
            && rest.trim_start().starts_with(|c: char| c.is_ascii_alphabetic())
            && rest.is_ascii()
            && out[..i].chars().any(is_cjk)
    });
    if let Some((i, _)) = tail {
        out.truncate(i);
    }
    Cow::Owned(out)
}

/// A label as matched: trimmed of ASCII and full-width spaces and footnote
/// marks, spaces inside dropped (北　京 → 北京, "一般公共预算\n收入" → one word),
/// English of a bilingual label dropped; borrowed unless spaces had to go.
pub(super) fn clean(s: &str) -> Cow<'_, str> {
    let t = s.trim().trim_end_matches(is_label_mark).trim_end();
    if !t.chars().any(char::is_whitespace) {
        return Cow::Borrowed(t);
    }
    let t = without_english(t);
    let t = t.trim().trim_end_matches(is_label_mark);
    let mut out = String::with_capacity(t.len());
    let mut gap = false;
    for c in t.chars() {
        if c.is_whitespace() {
            gap = true;
            continue;
        }
        let keep_space = gap && out.chars().last().is_some_and(|p| !is_cjk(p)) && !is_cjk(c);
        if keep_space {
            out.push(' ');
        }
        gap = false;
        out.push(c);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_units_and_years() {
        assert_eq!(split_header_unit("信访(件)"), ("信访".into(), "件".into()));
        assert_eq!(
            split_header_unit("一般公共预算收入（亿元）"),
            ("一般公共预算收入".into(), "亿元".into())
        );
        assert_eq!(split_header_unit("行政复议"), ("行政复议".into(), "".into()));
        assert_eq!(split_header_unit("废止(失效)"), ("废止(失效)".into(), "".into()));
        assert_eq!(split_unit("收入(单位：万元)"), ("收入", "万元"));
        assert_eq!(year_of("2023年"), Some(2023));
        assert_eq!(year_of("市级指标2022.xlsx"), Some(2022));
        assert_eq!(year_of("Sheet1"), None);
        assert_eq!(year_of("320100"), None);
        assert_eq!(single_year("2015-2019年"), None);
        assert_eq!(single_year("江苏省2022年各设区市"), Some(2022));
        assert_eq!(split_year("2019年度"), Some((2019, "")));
        assert_eq!(split_year("2022年地区生产总值"), Some((2022, "地区生产总值")));
        assert_eq!(split_year("2019-2020"), None);
        assert_eq!(split_year("12345"), None);
        assert!(is_total("合计") && is_total("全省") && !is_total("常州市"));
        assert!(is_total("苏南小计") && is_total("江苏省合计") && is_total("全省平均"));
        assert!(is_note("注：1. 数据为快报数") && !is_note("注册登记"));
        assert!(is_unit_word("(万元)") && is_unit_word("单位：件") && !is_unit_word("信访"));
    }

    #[test]
    fn labels_are_cleaned_and_parts_marked() {
        assert_eq!(clean("　北　京　"), "北京");
        assert_eq!(clean("  南京市 "), "南京市");
        assert_eq!(clean("一般公共预算\n收入"), "一般公共预算收入");
        assert_eq!(clean("GDP growth"), "GDP growth");
        assert_eq!(clean("常州*"), "常州");
        assert_eq!(clean("合计①"), "合计");
        assert_eq!(clean("北　京\nBeijing"), "北京");
        assert_eq!(clean("北京 Beijing"), "北京");
        assert_eq!(
            clean("地区生产总值\n(亿元)\nGross Regional Product\n(100 million yuan)"),
            "地区生产总值(亿元)"
        );
        assert_eq!(clean("增长率\n(%)"), "增长率(%)");
        assert_eq!(clean("GDP 增速"), "GDP增速");
        assert_eq!(strip_part_mark("#城镇"), Some("城镇"));
        assert!(matches!(clean("南京"), Cow::Borrowed(_)));
        assert_eq!(strip_part_mark("其中：纠正"), Some("纠正"));
        assert_eq!(strip_part_mark("其中纠正"), Some("纠正"));
        assert_eq!(strip_part_mark("其中"), Some(""));
        assert_eq!(strip_part_mark("行政复议"), None);
        assert!(is_skip_head("序号") && is_skip_head("增速排名") && !is_skip_head("信访"));
    }
}
