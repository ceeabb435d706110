//! End to end through a real workbook: written with rust_xlsxwriter (merged
//! title, merged header, hidden rows and columns), read back with calamine
//! and filled the way yardstick's `ingest::workbook` fills merged areas.

use super::titles::assert_civil_affairs;
use super::*;
use calamine::{Data, Range as Sheet, Reader, Sheets};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::io::Cursor;

/// yardstick's `ingest::cells::from_data`, verbatim but for the text parser.
fn from_data(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::empty(),
        Data::Int(i) => Cell {
            text: String::new(),
            value: CellValue::Number { value: *i as f64, percent: false },
        },
        Data::Float(f) => {
            Cell { text: String::new(), value: CellValue::Number { value: *f, percent: false } }
        }
        Data::String(s) => Cell { text: s.trim().to_string(), value: parse_text(s) },
        Data::Bool(b) => Cell { text: b.to_string(), value: CellValue::Text },
        Data::DateTime(dt) => Cell { text: dt.to_string(), value: CellValue::Text },
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            Cell { text: s.clone(), value: CellValue::Text }
        }
        Data::Error(e) => Cell { text: format!("{e:?}"), value: CellValue::Missing },
    }
}

/// yardstick's `ingest::workbook::to_rows` (without the row cap).
fn to_rows(range: &Sheet<Data>, merges: &[calamine::Dimensions]) -> Vec<Vec<Cell>> {
    let (_, w) = range.get_size();
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let mut rows: Vec<Vec<Cell>> = vec![vec![Cell::empty(); c0 as usize + w]; r0 as usize];
    for row in range.rows() {
        let mut r: Vec<Cell> = vec![Cell::empty(); c0 as usize];
        r.extend(row.iter().map(from_data));
        rows.push(r);
    }
    for m in merges {
        let (sr, sc) = (m.start.0 as usize, m.start.1 as usize);
        let Some(v) = rows.get(sr).and_then(|r| r.get(sc)).cloned() else { continue };
        for r in sr..=(m.end.0 as usize).min(rows.len().saturating_sub(1)) {
            for c in sc..=(m.end.1 as usize) {
                if let Some(cell) = rows[r].get_mut(c) {
                    if cell.is_blank() {
                        *cell = v.clone();
                    }
                }
            }
        }
    }
    rows
}

fn read_back(bytes: Vec<u8>) -> Vec<Grid> {
    let mut book: Sheets<_> = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).unwrap();
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let merges = match &mut book {
                Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
                _ => Vec::new(),
            };
            sheet(&name, to_rows(&range, &merges))
        })
        .collect()
}

/// The sheet for one year, as a provincial office would lay it out.
fn civil_affairs(ws: &mut Worksheet, year: i32) -> Result<(), XlsxError> {
    let center = Format::new();
    ws.set_name(year.to_string())?;
    ws.merge_range(0, 0, 0, 5, &format!("江苏省{year}年各设区市民政法治建设主要指标"), &center)?;
    ws.write_string(1, 5, "单位：件")?;
    ws.merge_range(2, 0, 3, 0, "地区", &center)?;
    ws.merge_range(2, 1, 2, 3, "行政复议", &center)?;
    ws.merge_range(2, 4, 3, 4, "信访", &center)?;
    ws.merge_range(2, 5, 3, 5, "行政诉讼", &center)?;
    for (c, h) in ["案件数", "其中:纠正", "其中：维持"].iter().enumerate() {
        ws.write_string(3, c as u16 + 1, *h)?;
    }
    for (i, city) in CITIES.iter().enumerate() {
        let (r, n) = (i as u32 + 4, (i + 1) as f64);
        ws.write_string(r, 0, *city)?;
        let v = [n * 10.0, n, n * 5.0, n * 100.0, n * 2.0 + f64::from(year - 2020)];
        for (c, x) in v.iter().enumerate() {
            ws.write_number(r, c as u16 + 1, *x)?;
        }
    }
    ws.write_string(17, 0, "合计")?;
    ws.write_number(17, 1, 910.0)?;
    ws.write_string(18, 0, "注：纠正含撤销、变更、确认违法。")?;
    Ok(())
}

/// Hidden rows and columns are read like the others (calamine does not say
/// which are hidden): a hidden code column and a hidden 栏次 row yield nothing.
fn hidden(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_name("hidden")?;
    ws.merge_range(0, 0, 0, 3, "2023年各市信访情况", &Format::new())?;
    for (c, h) in ["地区", "代码", "信访", "行政复议"].iter().enumerate() {
        ws.write_string(1, c as u16, *h)?;
    }
    for (c, h) in ["甲", "乙"].iter().enumerate() {
        ws.write_string(2, c as u16, *h)?;
    }
    ws.write_number(2, 2, 1.0)?;
    ws.write_number(2, 3, 2.0)?;
    ws.set_row_hidden(2)?;
    ws.set_column_hidden(1)?;
    for (r, (city, code, a, b)) in
        [("  南京", "320100", "12.5¹", "—"), ("无锡市", "320200", "1,234", "7")].iter().enumerate()
    {
        let r = r as u32 + 3;
        ws.write_string(r, 0, *city)?;
        ws.write_string(r, 1, *code)?;
        ws.write_string(r, 2, *a)?;
        ws.write_string(r, 3, *b)?;
    }
    Ok(())
}

#[test]
fn an_xlsx_with_merged_titles_yields_every_city_of_both_years() {
    let mut wb = Workbook::new();
    civil_affairs(wb.add_worksheet(), 2021).unwrap();
    civil_affairs(wb.add_worksheet(), 2022).unwrap();
    hidden(wb.add_worksheet()).unwrap();
    let grids = read_back(wb.save_to_buffer().unwrap());
    assert_eq!(grids.len(), 3);
    // the fill really carried the title into every cell of its row
    assert!(grids[0].rows[0].iter().all(|c| c.text.starts_with("江苏省2021年")));
    let mut total = 0;
    for (g, year) in grids.iter().zip([2021, 2022]) {
        let t = one(g);
        assert_civil_affairs(&t, year);
        total += t.values.len();
    }
    assert_eq!(total, 130, "13 cities × 5 columns × 2 year sheets");
    let t = one(&grids[2]);
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京", "信访", "", Some(2023), 12.5),
            f("无锡市", "信访", "", Some(2023), 1234.0),
            f("无锡市", "行政复议", "", Some(2023), 7.0),
        ]
    );
}

#[test]
fn yardsticks_committed_xls_and_ods_fixtures_read_as_before() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sheets");
    let xls = read_back(std::fs::read(dir.join("jiangsu_2023.xls")).unwrap());
    let t = one(&xls[0]);
    assert_eq!(t.shape, Some(Shape::Wide));
    let y = Some(2023);
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京", "信访", "件", y, 310.0),
            f("南京", "行政复议", "件", y, 12.0),
            f("南京", "一般公共预算收入", "万元", y, 19_500_000.0),
            f("无锡", "信访", "件", y, 1205.0),
            f("无锡", "行政复议", "件", y, 7.0),
            f("无锡", "一般公共预算收入", "万元", y, 12_300_000.0),
            f("常州", "信访", "件", y, 248.0),
            f("常州", "一般公共预算收入", "万元", y, 7_100_000.0),
        ]
    );
    assert_eq!((t.totals.len(), t.scope_text.as_str()), (3, "江苏省"));
    assert_eq!(t.notes, vec!["注：一般公共预算收入为快报数。"]);
    let ods = read_back(std::fs::read(dir.join("guangdong_2022.ods")).unwrap());
    let t = one(&ods[0]);
    assert_eq!(t.shape, Some(Shape::Transposed));
    let y = Some(2022);
    assert_eq!(
        facts(&t.values),
        vec![
            f("广州市", "行政复议", "件", y, 41.0),
            f("深圳市", "行政复议", "件", y, 55.0),
            f("广州市", "地区生产总值增速", "%", y, 1.0),
            f("深圳市", "地区生产总值增速", "%", y, 3.3),
        ]
    );
    assert!(t.totals.iter().all(|v| &*v.region == "全省") && t.totals.len() == 2);
}
