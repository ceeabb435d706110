//! Table layout, detected rather than configured: title rows above the header,
//! multi-row (merged) headers, a units row or units in the header (信访(件)),
//! footnote rows (注: …), total rows and columns (合计, 全省), and the shape —
//! wide (regions down, indicators across), transposed (indicators down,
//! regions across) or long (地区, 年份, 指标, 数值, 单位).

use super::labels::*;
pub use super::labels::{is_total, split_header_unit, year_of};
use crate::ingest::cells::{Cell, CellValue};
use crate::ingest::Grid;
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

/// The header block of a sheet: labels and units per column, and where the
/// data rows start and end.
struct Header {
    labels: Vec<String>,
    units: Vec<String>,
    width: usize,
    data: std::ops::Range<usize>,
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
    let header = read_header(rows, h0, &t.title, is_region);
    if let Some(long) = long_columns(&header.labels) {
        t.shape = Some(Shape::Long);
        t.values = read_long(rows, &header, long);
        return t;
    }
    let (shape, label_col) = detect_shape(rows, &header, is_region);
    t.shape = Some(shape);
    t.values = read_grid_values(rows, &header, shape, label_col);
    t
}

/// The header rows from `h0`: rows without numbers (a multi-row header), then
/// an optional units row; units from the header (信访(件)) or the title.
fn read_header(
    rows: &[Vec<Cell>],
    h0: usize,
    title: &[String],
    is_region: &dyn Fn(&str) -> bool,
) -> Header {
    let width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let mut h1 = h0 + 1;
    while h1 < rows.len()
        && numbers(&rows[h1]) == 0
        && non_empty(&rows[h1]) >= 1
        && !rows[h1].iter().any(|c| is_region(&c.text))
    {
        h1 += 1;
    }
    let mut labels: Vec<String> = vec![String::new(); width];
    let mut units: Vec<String> = vec![String::new(); width];
    let default_unit = title
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
            } else if !labels[c].split(' ').any(|p| p == text) {
                labels[c] = if labels[c].is_empty() {
                    text.to_string()
                } else {
                    format!("{} {text}", labels[c])
                };
            }
        }
    }
    for c in 0..width {
        let (label, unit) = split_header_unit(&labels[c]);
        if !unit.is_empty() {
            labels[c] = label;
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
    Header { labels, units, width, data: h1..data_end }
}

/// The columns of a long table: region, indicator, value, year, unit.
struct LongColumns {
    region: usize,
    indicator: usize,
    value: usize,
    year: Option<usize>,
    unit: Option<usize>,
}

fn long_columns(header: &[String]) -> Option<LongColumns> {
    Some(LongColumns {
        region: find_col(header, REGION_HEADS)?,
        indicator: find_col(header, INDICATOR_HEADS)?,
        value: find_col(header, VALUE_HEADS)?,
        year: find_col(header, YEAR_HEADS),
        unit: find_col(header, UNIT_HEADS),
    })
}

/// long: 地区 | 年份 | 指标 | 数值 | 单位
fn read_long(rows: &[Vec<Cell>], header: &Header, cols: LongColumns) -> Vec<RawValue> {
    let mut values = Vec::new();
    for r in header.data.clone() {
        let row = &rows[r];
        let get = |c: usize| row.get(c).cloned().unwrap_or_else(Cell::empty);
        let cell = get(cols.value);
        let Some(value) = cell.number() else { continue };
        let (label, label_unit) = split_header_unit(&get(cols.indicator).text);
        let unit = cols.unit.map(|u| get(u).text).filter(|u| !u.is_empty()).unwrap_or(
            if label_unit.is_empty() { header.units[cols.value].clone() } else { label_unit },
        );
        let year = cols.year.map(get);
        values.push(RawValue {
            row: r,
            col: cols.value,
            region: get(cols.region).text.into(),
            label: label.into(),
            unit: unit.into(),
            year: year.and_then(|y| year_in(&y.text).or(y.number().map(|n| n as i32))),
            value,
            percent: matches!(cell.value, CellValue::Number { percent: true, .. }),
            text: cell.shown(),
        });
    }
    values
}

/// Wide or transposed, decided on a sample of the data rows (a table does not
/// change shape halfway), and the label column.
fn detect_shape(
    rows: &[Vec<Cell>],
    header: &Header,
    is_region: &dyn Fn(&str) -> bool,
) -> (Shape, usize) {
    let (data, width, labels) = (&header.data, header.width, &header.labels);
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
        (label_col + 1..width).filter(|&c| is_region(&labels[c]) || is_total(&labels[c])).count();
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
    (shape, label_col)
}

/// The values of a wide or transposed table.
fn read_grid_values(
    rows: &[Vec<Cell>],
    header: &Header,
    shape: Shape,
    label_col: usize,
) -> Vec<RawValue> {
    let width = header.width;
    let unit_col =
        (label_col + 1..width).find(|&c| UNIT_HEADS.contains(&header.labels[c].as_str()));
    // shared label strings: one allocation per header and per row, not per value
    let heads: Vec<Rc<str>> = header.labels.iter().map(|h| Rc::from(h.as_str())).collect();
    let head_units: Vec<Rc<str>> = header.units.iter().map(|u| Rc::from(u.as_str())).collect();
    let head_years: Vec<Option<i32>> = header.labels.iter().map(|h| year_in(h)).collect();
    let mut values = Vec::new();
    for r in header.data.clone() {
        let row = &rows[r];
        let Some(label_cell) = row.get(label_col) else { continue };
        let label = label_cell.text.trim();
        if label.is_empty() || shape == Shape::Wide && is_total(label) {
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
            let text = cell.shown();
            let v = if shape == Shape::Wide {
                RawValue {
                    row: r,
                    col: c,
                    region: label.clone(),
                    label: heads[c].clone(),
                    unit: head_units[c].clone(),
                    year: head_years[c],
                    value,
                    percent,
                    text,
                }
            } else {
                if is_total(&header.labels[c]) {
                    continue;
                }
                let unit: Rc<str> =
                    match unit_col.and_then(|u| row.get(u)).filter(|u| !u.text.is_empty()) {
                        Some(u) => u.text.as_str().into(),
                        None if ind_unit.is_empty() => head_units[c].clone(),
                        None => ind_unit.clone(),
                    };
                let (region, label, year) = (heads[c].clone(), ind.clone(), None);
                RawValue { row: r, col: c, region, label, unit, year, value, percent, text }
            };
            values.push(v);
        }
    }
    values
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
