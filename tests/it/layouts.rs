//! Spreadsheets laid out as statistics offices lay them out, through
//! `yardstick build`: a provincial office's workbook of 13 cities × 2 year
//! sheets with its title merged across the table and a 其中 child under a
//! merged parent header; and a statistics-database export with the indicator
//! and unit in title rows, years across, provinces down and notes below.

use crate::common::*;
use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

const CITIES: [&str; 13] = [
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

/// (indicator, year, value, region_code) of every fact.
fn facts(out: &Path) -> Vec<(String, String, f64, String)> {
    let (h, rows) = csv_rows(&out.join("facts.csv"));
    let c = |n: &str| h.iter().position(|x| x == n).unwrap();
    rows.iter()
        .map(|r| {
            let v: f64 = r[c("value")].parse().unwrap();
            (r[c("indicator")].clone(), r[c("year")].clone(), v, r[c("region_code")].clone())
        })
        .collect()
}

fn build(input: &Path, out: &Path) -> std::process::Output {
    yardstick(&["build", input.to_str().unwrap(), "--out", out.to_str().unwrap()])
}

#[test]
fn a_title_merged_across_the_table_is_not_a_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("jiangsu_civil_affairs.xlsx");
    let mut wb = Workbook::new();
    let merge = Format::new();
    for year in [2022, 2023] {
        let ws = wb.add_worksheet();
        ws.set_name(format!("{year}年")).unwrap();
        let title = format!("江苏省{year}年各设区市民政法治建设主要指标");
        ws.merge_range(0, 0, 0, 3, &title, &merge).unwrap();
        ws.write_string(1, 3, "单位：件").unwrap();
        ws.merge_range(2, 0, 3, 0, "地区", &merge).unwrap();
        ws.merge_range(2, 1, 2, 2, "行政复议", &merge).unwrap();
        ws.write_string(3, 1, "案件数").unwrap();
        ws.write_string(3, 2, "其中：纠正").unwrap();
        ws.merge_range(2, 3, 3, 3, "信访", &merge).unwrap();
        for (i, city) in CITIES.iter().enumerate() {
            let r = 4 + i as u32;
            ws.write_string(r, 0, *city).unwrap();
            ws.write_number(r, 1, (100 + i + year as usize % 10) as f64).unwrap();
            ws.write_number(r, 2, (3 + i) as f64).unwrap();
            ws.write_number(r, 3, (200 + i) as f64).unwrap();
        }
        ws.write_string(17, 0, "合计").unwrap();
        ws.write_string(18, 0, "注：数据来源于各设区市民政局报送。").unwrap();
    }
    wb.save(&path).unwrap();
    let out = dir.path().join("o");
    let run = build(&path, &out);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let f = facts(&out);
    let cases: Vec<_> = f.iter().filter(|x| x.0 == "admin_reconsideration_cases").collect();
    assert_eq!(cases.len(), 26, "13 cities × 2 years: {f:?}");
    // the 其中 child (纠正, 3…15) is never the case count (100…)
    assert!(cases.iter().all(|x| x.2 >= 100.0), "{cases:?}");
    assert_eq!(f.iter().filter(|x| x.0 == "petitions").count(), 26);
    assert!(f
        .iter()
        .any(|x| x.0 == "petitions" && x.1 == "2023" && x.3 == "320400" && x.2 == 203.0));
}

#[test]
fn a_statistics_database_export_names_the_indicator_in_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("分省年度数据.xlsx");
    let provinces =
        [("北京市", "110000"), ("天津市", "120000"), ("河北省", "130000"), ("江苏省", "320000")];
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "数据库：分省年度数据").unwrap();
    ws.write_string(1, 0, "指标：地区生产总值(亿元)").unwrap();
    ws.write_string(2, 0, "时间：最近5年").unwrap();
    ws.write_string(3, 0, "地区").unwrap();
    for (j, y) in (2015..=2019).rev().enumerate() {
        ws.write_string(3, 1 + j as u16, format!("{y}年")).unwrap();
    }
    for (i, (name, _)) in provinces.iter().enumerate() {
        ws.write_string(4 + i as u32, 0, *name).unwrap();
        for j in 0..5u16 {
            ws.write_number(4 + i as u32, 1 + j, 10000.0 + (i * 1000) as f64 + j as f64).unwrap();
        }
    }
    ws.write_string(9, 0, "注：2019年数据为初步核算数。").unwrap();
    ws.write_string(10, 0, "数据来源：国家统计局").unwrap();
    wb.save(&path).unwrap();
    let out = dir.path().join("o");
    let run = build(&path, &out);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let f = facts(&out);
    let gdp: Vec<_> = f.iter().filter(|x| x.0 == "gdp").collect();
    assert_eq!(gdp.len(), 20, "4 provinces × 5 years: {f:?}");
    assert!(gdp.iter().any(|x| x.1 == "2019" && x.3 == "110000" && x.2 == 10000.0));
    assert!(gdp.iter().any(|x| x.1 == "2015" && x.3 == "320000" && x.2 == 13004.0));
    // the year headers are not indicators
    let diags = read(&out.join("diagnostics.csv"));
    assert!(!diags.contains("\"2019年\" is not a catalog indicator"), "{diags}");
}

#[test]
fn a_workbook_that_gives_nothing_says_what_it_read_and_what_was_close() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("odd_headers.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("2023").unwrap();
    for (c, h) in ["地区", "复议案子", "上访人"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (i, city) in CITIES.iter().take(3).enumerate() {
        ws.write_string(1 + i as u32, 0, *city).unwrap();
        ws.write_number(1 + i as u32, 1, 5.0).unwrap();
        ws.write_number(1 + i as u32, 2, 9.0).unwrap();
    }
    wb.save(&path).unwrap();
    let out = dir.path().join("o");
    let run = build(&path, &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("1 sheet read, 0 gave facts"), "{stderr}");
    let diags = read(&out.join("diagnostics.csv"));
    let line = diags.lines().find(|l| l.contains("sheet.no_facts")).expect("a no-facts warning");
    assert!(line.contains("warning") && line.contains("复议案子"), "{line}");
    assert!(line.contains("closest: admin_reconsideration"), "{line}");
}
