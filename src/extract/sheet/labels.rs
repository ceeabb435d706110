//! The words of table layouts: header names of region, indicator, value,
//! year and unit columns, total and note rows, unit words, and the year or
//! unit a header states.

use crate::ingest::cells::{Cell, CellValue};

pub(super) const REGION_HEADS: &[&str] = &[
    "地区",
    "地区名称",
    "区域",
    "城市",
    "地市",
    "行政区划",
    "区县",
    "县(市、区)",
    "市州",
    "单位名称",
    "地区名",
];
pub(super) const INDICATOR_HEADS: &[&str] = &["指标", "指标名称", "项目", "统计指标"];
pub(super) const VALUE_HEADS: &[&str] = &["数值", "数据", "值", "指标值", "数量", "本年", "合计数"];
pub(super) const YEAR_HEADS: &[&str] = &["年份", "年度", "年", "统计年度"];
pub(super) const UNIT_HEADS: &[&str] = &["单位", "计量单位"];
pub(super) const TOTAL_LABELS: &[&str] = &[
    "合计", "总计", "小计", "全省", "全市", "全区", "全国", "全州", "全盟", "全县", "总体", "平均",
];
pub(super) const NOTE_STARTS: &[&str] =
    &["注", "说明", "资料来源", "数据来源", "备注", "填报", "制表"];
pub(super) const UNIT_WORDS: &[&str] = &[
    "件",
    "个",
    "家",
    "人",
    "人次",
    "万人",
    "元",
    "万元",
    "亿元",
    "%",
    "张",
    "条",
    "次",
    "场",
    "项",
    "户",
    "起",
    "万人次",
    "元/人·月",
    "元/月",
    "个百分点",
    "‰",
];

pub fn is_total(label: &str) -> bool {
    let l = label.trim();
    TOTAL_LABELS.iter().any(|t| l == *t || l.starts_with(t) && l.chars().count() <= 4)
}

pub(super) fn is_note(label: &str) -> bool {
    let l = label.trim_start();
    NOTE_STARTS.iter().any(|n| l.starts_with(n))
        && (l.contains(':') || l.contains('：') || l.chars().count() > 6)
}

pub(super) fn is_unit_word(s: &str) -> bool {
    let t = s
        .trim()
        .trim_start_matches("单位")
        .trim_start_matches([':', '：'])
        .trim()
        .trim_matches(['(', ')', '（', '）']);
    UNIT_WORDS.contains(&t)
}

/// "信访(件)" → ("信访", "件"); "一般公共预算收入（亿元）" → (…, "亿元"); "行政复议" → (…, "").
pub fn split_header_unit(h: &str) -> (String, String) {
    let t = h.trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']')] {
        if let (Some(o), true) = (t.rfind(open), t.ends_with(close)) {
            let unit = t[o + open.len_utf8()..t.len() - close.len_utf8()].trim();
            if is_unit_word(unit) || unit.ends_with('元') || unit.ends_with('人') {
                return (t[..o].trim().to_string(), unit.to_string());
            }
        }
    }
    (t.to_string(), String::new())
}

pub(super) fn year_in(s: &str) -> Option<i32> {
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len().saturating_sub(3) {
        let w: String = chars[i..i + 4].iter().collect();
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        let after_ok = chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if before_ok && after_ok && w.chars().all(|c| c.is_ascii_digit()) {
            let y: i32 = w.parse().ok()?;
            if (1990..=2100).contains(&y) {
                return Some(y);
            }
        }
    }
    None
}

/// The year a sheet name, title or file name states (2023, "2023年", "2023年度").
pub fn year_of(s: &str) -> Option<i32> {
    year_in(s)
}

pub(super) fn non_empty(row: &[Cell]) -> usize {
    row.iter().filter(|c| !c.is_blank()).count()
}

pub(super) fn numbers(row: &[Cell]) -> usize {
    row.iter().filter(|c| matches!(c.value, CellValue::Number { .. })).count()
}

pub(super) fn find_col(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| names.contains(&split_header_unit(h).0.as_str()))
}
