//! Table layout, detected rather than configured: title rows above the header,
//! multi-row (merged) headers, a units row or units in the header (信访(件)),
//! footnote rows (注: …), total rows and columns (合计, 全省), and the shape —
//! wide (regions down, indicators across), transposed (indicators down,
//! regions across) or long (地区, 年份, 指标, 数值, 单位).

use super::cells::{Cell, CellValue};
use super::read::Grid;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Wide,
    Transposed,
    Long,
}

impl Shape {
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Wide => "wide",
            Shape::Transposed => "transposed",
            Shape::Long => "long",
        }
    }
}

/// One value cell with the labels that say what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct RawValue {
    pub row: usize,
    pub col: usize,
    /// region as written (row label, column header or region column)
    pub region: Rc<str>,
    /// indicator label as written (header, row label or indicator column)
    pub label: Rc<str>,
    /// unit from the header, a units row or a unit column ("" when none)
    pub unit: Rc<str>,
    /// a year given by the table itself (year column, or a year in the header)
    pub year: Option<i32>,
    pub value: f64,
    /// written with % in the cell
    pub percent: bool,
    pub text: String,
}

/// What was found in one sheet.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub shape: Option<Shape>,
    pub title: Vec<String>,
    pub values: Vec<RawValue>,
}

const REGION_HEADS: &[&str] = &[
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
const INDICATOR_HEADS: &[&str] = &["指标", "指标名称", "项目", "统计指标"];
const VALUE_HEADS: &[&str] = &["数值", "数据", "值", "指标值", "数量", "本年", "合计数"];
const YEAR_HEADS: &[&str] = &["年份", "年度", "年", "统计年度"];
const UNIT_HEADS: &[&str] = &["单位", "计量单位"];
const TOTAL_LABELS: &[&str] = &[
    "合计", "总计", "小计", "全省", "全市", "全区", "全国", "全州", "全盟", "全县", "总体", "平均",
];
const NOTE_STARTS: &[&str] = &["注", "说明", "资料来源", "数据来源", "备注", "填报", "制表"];
const UNIT_WORDS: &[&str] = &[
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

fn is_note(label: &str) -> bool {
    let l = label.trim_start();
    NOTE_STARTS.iter().any(|n| l.starts_with(n))
        && (l.contains(':') || l.contains('：') || l.chars().count() > 6)
}

fn is_unit_word(s: &str) -> bool {
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

fn year_in(s: &str) -> Option<i32> {
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

fn non_empty(row: &[Cell]) -> usize {
    row.iter().filter(|c| !c.is_blank()).count()
}

fn numbers(row: &[Cell]) -> usize {
    row.iter().filter(|c| matches!(c.value, CellValue::Number { .. })).count()
}

fn find_col(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| names.contains(&split_header_unit(h).0.as_str()))
}

/// Read the layout of one sheet. `is_region` tells region names from other labels.
pub fn read_table(grid: &Grid, is_region: &dyn Fn(&str) -> bool) -> Table {
    let rows = &grid.rows;
    let mut t = Table::default();
    // title rows: a single text cell (2023年全省各市民政主要指标, 单位：万元)
    let mut h0 = 0;
    while h0 < rows.len() && non_empty(&rows[h0]) <= 1 {
        if let Some(c) = rows[h0].iter().find(|c| !c.is_blank()) {
            t.title.push(c.text.clone());
        }
        h0 += 1;
    }
    if h0 >= rows.len() {
        return t;
    }
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    // header block: rows without numbers (a multi-row header), then an optional units row
    let mut h1 = h0 + 1;
    while h1 < rows.len()
        && numbers(&rows[h1]) == 0
        && non_empty(&rows[h1]) >= 1
        && !rows[h1].iter().any(|c| is_region(&c.text))
    {
        h1 += 1;
    }
    let mut header: Vec<String> = vec![String::new(); width];
    let mut units: Vec<String> = vec![String::new(); width];
    let default_unit = t
        .title
        .iter()
        .find_map(|l| {
            l.contains("单位")
                .then(|| l.split(['：', ':']).nth(1).map(|u| u.trim().to_string()))
                .flatten()
        })
        .unwrap_or_default();
    for r in &rows[h0..h1] {
        let unit_row = r.iter().filter(|c| !c.is_blank()).all(|c| is_unit_word(&c.text));
        for (c, cell) in r.iter().enumerate() {
            let text = cell.text.trim();
            if text.is_empty() {
                continue;
            }
            if unit_row {
                units[c] = text.trim_matches(['(', ')', '（', '）']).to_string();
            } else if !header[c].split(' ').any(|p| p == text) {
                header[c] = if header[c].is_empty() {
                    text.to_string()
                } else {
                    format!("{} {text}", header[c])
                };
            }
        }
    }
    for c in 0..width {
        let (label, unit) = split_header_unit(&header[c]);
        if !unit.is_empty() {
            header[c] = label;
            if units[c].is_empty() {
                units[c] = unit;
            }
        }
        if units[c].is_empty() {
            units[c] = default_unit.clone();
        }
    }
    let data_end = (h1..rows.len())
        .find(|&r| rows[r].iter().find(|c| !c.is_blank()).is_some_and(|c| is_note(&c.text)))
        .unwrap_or(rows.len());
    let data = h1..data_end;

    // long: 地区 | 年份 | 指标 | 数值 | 单位
    if let (Some(rc), Some(ic), Some(vc)) = (
        find_col(&header, REGION_HEADS),
        find_col(&header, INDICATOR_HEADS),
        find_col(&header, VALUE_HEADS),
    ) {
        t.shape = Some(Shape::Long);
        let yc = find_col(&header, YEAR_HEADS);
        let uc = find_col(&header, UNIT_HEADS);
        for r in data {
            let row = &rows[r];
            let get = |c: usize| row.get(c).cloned().unwrap_or_else(Cell::empty);
            let cell = get(vc);
            let Some(value) = cell.number() else { continue };
            let (label, label_unit) = split_header_unit(&get(ic).text);
            t.values.push(RawValue {
                row: r,
                col: vc,
                region: get(rc).text.into(),
                label: label.into(),
                unit: uc
                    .map(|u| get(u).text)
                    .filter(|u| !u.is_empty())
                    .unwrap_or(if label_unit.is_empty() { units[vc].clone() } else { label_unit })
                    .into(),
                year: yc.and_then(|y| year_in(&get(y).text).or(get(y).number().map(|n| n as i32))),
                value,
                percent: matches!(cell.value, CellValue::Number { percent: true, .. }),
                text: cell.shown(),
            });
        }
        return t;
    }

    // the shape is decided on a sample of the data rows (a table does not change shape halfway)
    let sample = data.start..data.end.min(data.start + 500);
    // the label column: the first column that is mostly text in the data rows
    let label_col = (0..width)
        .find(|&c| {
            let texts =
                sample.clone().filter(|&r| rows[r].get(c).is_some_and(|x| x.is_text())).count();
            texts * 2 >= sample.len().max(1)
        })
        .unwrap_or(0);
    let row_regions = sample
        .clone()
        .filter(|&r| {
            rows[r].get(label_col).is_some_and(|c| is_region(&c.text) || is_total(&c.text))
        })
        .count();
    let col_regions =
        (label_col + 1..width).filter(|&c| is_region(&header[c]) || is_total(&header[c])).count();
    let value_cols = (label_col + 1..width)
        .filter(|&c| sample.clone().any(|r| rows[r].get(c).is_some_and(|x| x.number().is_some())))
        .count();
    let shape = if row_regions * 2 >= sample.len().max(1) && row_regions > 0 {
        Shape::Wide
    } else if col_regions * 2 >= value_cols.max(1) && col_regions > 0 {
        Shape::Transposed
    } else {
        Shape::Wide
    };
    t.shape = Some(shape);
    let unit_col = (label_col + 1..width).find(|&c| UNIT_HEADS.contains(&header[c].as_str()));
    // shared label strings: one allocation per header and per row, not per value
    let heads: Vec<Rc<str>> = header.iter().map(|h| Rc::from(h.as_str())).collect();
    let head_units: Vec<Rc<str>> = units.iter().map(|u| Rc::from(u.as_str())).collect();
    let head_years: Vec<Option<i32>> = header.iter().map(|h| year_in(h)).collect();
    for r in data {
        let row = &rows[r];
        let Some(label_cell) = row.get(label_col) else { continue };
        let label = label_cell.text.trim();
        if label.is_empty() {
            continue;
        }
        if shape == Shape::Wide && is_total(label) {
            continue; // 合计 / 全省 is not a region
        }
        let label: Rc<str> = Rc::from(label);
        let (ind, ind_unit) = if shape == Shape::Wide {
            (String::new(), String::new())
        } else {
            split_header_unit(&label)
        };
        let (ind, ind_unit): (Rc<str>, Rc<str>) = (ind.into(), ind_unit.into());
        for c in label_col + 1..width {
            if Some(c) == unit_col {
                continue;
            }
            let Some(cell) = row.get(c) else { continue };
            let Some(value) = cell.number() else { continue };
            let percent = matches!(cell.value, CellValue::Number { percent: true, .. });
            let v = match shape {
                Shape::Wide => RawValue {
                    row: r,
                    col: c,
                    region: label.clone(),
                    label: heads[c].clone(),
                    unit: head_units[c].clone(),
                    year: head_years[c],
                    value,
                    percent,
                    text: cell.shown(),
                },
                _ => {
                    if is_total(&header[c]) {
                        continue;
                    }
                    let unit: Rc<str> =
                        match unit_col.and_then(|u| row.get(u)).filter(|u| !u.text.is_empty()) {
                            Some(u) => u.text.as_str().into(),
                            None if ind_unit.is_empty() => head_units[c].clone(),
                            None => ind_unit.clone(),
                        };
                    RawValue {
                        row: r,
                        col: c,
                        region: heads[c].clone(),
                        label: ind.clone(),
                        unit,
                        year: None,
                        value,
                        percent,
                        text: cell.shown(),
                    }
                }
            };
            t.values.push(v);
        }
    }
    t
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
        assert_eq!(year_of("2023年"), Some(2023));
        assert_eq!(year_of("市级指标2022.xlsx"), Some(2022));
        assert_eq!(year_of("Sheet1"), None);
        assert!(is_total("合计") && is_total("全省") && !is_total("常州市"));
        assert!(is_note("注：1. 数据为快报数") && !is_note("注册登记"));
    }
}
