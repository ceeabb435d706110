//! Every layout the sheet reader must handle, built as grids in code (and one
//! as an xlsx read back through calamine). Each test asserts the exact values
//! a table yields and the ones it must not yield.

mod cells;
mod headers;
mod shapes;
mod stacked;
mod stats;
mod titles;
mod xlsx;

use super::*;
use crate::ingest::cells::{parse_text, Cell, CellValue};

/// A cell as a reader gives it: "=300" a typed number (calamine: no text),
/// anything else a typed text (kept untrimmed, to prove the layout trims).
pub(super) fn cell(s: &str) -> Cell {
    match s.strip_prefix('=') {
        Some(n) => Cell {
            text: String::new(),
            value: CellValue::Number { value: n.parse().unwrap(), percent: false },
        },
        None => Cell { text: s.to_string(), value: parse_text(s) },
    }
}

/// The one place tests build a `Grid` (if `Grid` gains fields, as the
/// `GridBuilder` refactor's `cols_dropped`, only this changes).
pub(super) fn sheet(name: &str, rows: Vec<Vec<Cell>>) -> Grid {
    Grid { name: name.into(), rows, truncated: 0, cols_dropped: 0 }
}

pub(super) fn grid(rows: &[Vec<&str>]) -> Grid {
    sheet("Sheet1", rows.iter().map(|r| r.iter().map(|s| cell(s)).collect()).collect())
}

/// Fill a merged area with its top-left cell, as ingest::workbook does.
pub(super) fn merge(g: &mut Grid, (r0, c0): (usize, usize), (r1, c1): (usize, usize)) {
    let v = g.rows[r0][c0].clone();
    for row in &mut g.rows[r0..=r1] {
        for c in row[c0..=c1].iter_mut().filter(|c| c.is_blank()) {
            *c = v.clone();
        }
    }
}

pub(super) const CITIES: [&str; 13] = [
    "南京市",
    "无锡市",
    "徐州市",
    "常州市",
    "苏州市",
    "南通市",
    "连云港市",
    "淮安市",
    "盐城市",
    "扬州市",
    "镇江市",
    "泰州市",
    "宿迁市",
];

const NAMES: &[&str] = &[
    "南京",
    "无锡",
    "徐州",
    "常州",
    "苏州",
    "南通",
    "连云港",
    "淮安",
    "盐城",
    "扬州",
    "镇江",
    "泰州",
    "宿迁",
    "江苏",
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "上海",
    "浙江",
    "玄武",
    "秦淮",
    "溧阳",
    "金坛",
    "广东",
    "广州",
    "深圳",
];

/// A small gazetteer: the names above, with or without 市 / 省 / 区 / 县 / 自治区.
pub(super) fn is_region(s: &str) -> bool {
    let s = s.trim();
    let base =
        ["自治区", "省", "市", "区", "县"].iter().find_map(|x| s.strip_suffix(x)).unwrap_or(s);
    s.chars().count() >= 2 && NAMES.contains(&base)
}

/// (region, label, unit, year, value) of a value.
pub(super) type Fact = (String, String, String, Option<i32>, f64);

pub(super) fn f(region: &str, label: &str, unit: &str, year: Option<i32>, value: f64) -> Fact {
    (region.into(), label.into(), unit.into(), year, value)
}

pub(super) fn facts(values: &[RawValue]) -> Vec<Fact> {
    values
        .iter()
        .map(|v| (v.region.to_string(), v.label.to_string(), v.unit.to_string(), v.year, v.value))
        .collect()
}

/// The one table of a sheet.
pub(super) fn one(g: &Grid) -> Table {
    let mut tables = read_tables(g, &is_region);
    assert_eq!(tables.len(), 1, "{tables:#?}");
    tables.remove(0)
}

/// No label or region of any value holds one of `words` (and no total's label).
pub(super) fn assert_nowhere(t: &Table, words: &[&str]) {
    for v in &t.values {
        for w in words {
            assert!(!v.label.contains(w) && !v.region.contains(w), "{w:?} in {v:?}");
        }
    }
    for v in &t.totals {
        for w in words {
            assert!(!v.label.contains(w), "{w:?} in {v:?}");
        }
    }
}

#[test]
fn read_table_keeps_the_single_table_contract() {
    let g = grid(&[
        vec!["表1 2022年各市信访", ""],
        vec!["地区", "信访"],
        vec!["南京", "=3"],
        vec![],
        vec!["表2 2023年各市信访", ""],
        vec!["地区", "信访"],
        vec!["南京", "=4"],
    ]);
    let t = read_table(&g, &is_region);
    assert_eq!(t.shape, Some(Shape::Wide));
    assert_eq!(
        facts(&t.values),
        vec![f("南京", "信访", "", Some(2022), 3.0), f("南京", "信访", "", Some(2023), 4.0)]
    );
    assert_eq!(t.title, vec!["表1 2022年各市信访", "表2 2023年各市信访"]);
    assert_eq!(t.rows, 0..7);
    let empty = read_table(&grid(&[vec!["只有标题"]]), &is_region);
    assert!(empty.shape.is_none() && empty.values.is_empty());
}
