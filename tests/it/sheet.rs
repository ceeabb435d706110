//! Spreadsheets: workbooks of every shape built here with rust_xlsxwriter, the
//! committed .xls and .ods fixtures, and bad workbooks; each asserts the exact
//! facts (region, indicator, year, value, cell) or the diagnostic.

use crate::common::*;
use rust_xlsxwriter::{Format, Formula, Workbook};
use std::path::Path;

type Row = (String, String, String, String, String, String);

/// Build `inputs` into a temp folder; facts as (region_code, indicator, year, value, kind, origin) and diagnostics as (code, location).
fn build(inputs: &[&Path]) -> (Vec<Row>, Vec<(String, String)>, i32) {
    let out = tempfile::tempdir().unwrap();
    let mut args = vec!["build".to_string()];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(["--out".to_string(), out.path().display().to_string()]);
    let o = yardstick(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let code = o.status.code().unwrap_or(-1);
    let (h, rows) = csv_rows(&out.path().join("facts.csv"));
    let c = |n: &str| h.iter().position(|x| x == n).unwrap();
    let mut facts: Vec<Row> = rows
        .iter()
        .map(|r| {
            (
                r[c("region_code")].clone(),
                r[c("indicator")].clone(),
                r[c("year")].clone(),
                r[c("value")].clone(),
                r[c("kind")].clone(),
                r[c("origin")].clone(),
            )
        })
        .collect();
    facts.sort();
    let (h, rows) = csv_rows(&out.path().join("diagnostics.csv"));
    let d = |n: &str| h.iter().position(|x| x == n).unwrap();
    let diags = rows.iter().map(|r| (r[d("code")].clone(), r[d("location")].clone())).collect();
    (facts, diags, code)
}

fn f(code: &str, ind: &str, year: &str, value: &str, origin: &str) -> Row {
    (code.into(), ind.into(), year.into(), value.into(), "actual".into(), origin.into())
}

#[test]
fn wide_sheets_with_titles_units_totals_notes_and_sheets_per_year() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("市级指标.xlsx");
    let mut wb = Workbook::new();
    let pct = Format::new().set_num_format("0.0%");
    for (sheet, year_bump) in [("2022", 0.0), ("2023年", 10.0)] {
        let ws = wb.add_worksheet();
        ws.set_name(sheet).unwrap();
        ws.write_string(0, 0, "江苏省各市民政主要指标").unwrap();
        ws.write_string(1, 0, "单位：件").unwrap();
        for (c, h) in ["地区", "信访", "行政复议", "一般公共预算收入(亿元)", "护理型床位占比(%)"]
            .iter()
            .enumerate()
        {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        ws.write_string(3, 0, "南京").unwrap();
        ws.write_number(3, 1, 300.0 + year_bump).unwrap();
        ws.write_string(3, 2, "１２").unwrap(); // full-width digits as text
        ws.write_number(3, 3, 1950.5).unwrap();
        ws.write_number_with_format(3, 4, 0.874, &pct).unwrap();
        ws.write_string(4, 0, "常州市").unwrap();
        ws.write_string(4, 1, "1,248").unwrap(); // thousands separator, stored as text
        ws.write_string(4, 2, "—").unwrap(); // missing, not 0
        ws.write_formula(4, 3, Formula::new("=600+110.2").set_result("710.2")).unwrap(); // cached formula value
        ws.write_number_with_format(4, 4, 0.5, &pct).unwrap();
        ws.write_string(5, 0, "合计").unwrap();
        ws.write_number(5, 1, 1548.0).unwrap();
        ws.write_string(6, 0, "注：数据为快报数。").unwrap();
        ws.write_number(6, 1, 99.0).unwrap();
    }
    wb.save(&path).unwrap();
    let (facts, _, code) = build(&[&path]);
    assert_eq!(code, 0);
    let mut expect = Vec::new();
    for (sheet, y, bump) in [("2022", "2022", 0.0), ("2023年", "2023", 10.0)] {
        let o = |cell: &str| format!("市级指标.xlsx!{sheet}!{cell}");
        expect.push(f("320100", "petitions", y, &format!("{:.1}", 300.0 + bump), &o("B4")));
        expect.push(f("320100", "admin_reconsideration_cases", y, "12.0", &o("C4")));
        expect.push(f("320100", "general_budget_revenue", y, "1950.5", &o("D4")));
        expect.push(f("320400", "petitions", y, "1248.0", &o("B5")));
        expect.push(f("320400", "general_budget_revenue", y, "710.2", &o("D5")));
        // 0.874 shown as 87.4%: a share in %, not 0.874
        expect.push(f("320100", "nursing_bed_share", y, "87.4", &o("E4")));
        expect.push(f("320400", "nursing_bed_share", y, "50.0", &o("E5")));
    }
    let mut expect: Vec<Row> = expect;
    expect.sort();
    assert_eq!(facts, expect);
}

#[test]
fn merged_multi_row_headers_and_long_tables_with_unit_conversion() {
    let dir = tempfile::tempdir().unwrap();
    let merged = dir.path().join("2023年复议.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "地区").unwrap();
    ws.merge_range(0, 1, 0, 2, "行政复议", &Format::new()).unwrap();
    ws.write_string(1, 1, "收到").unwrap();
    ws.write_string(1, 2, "办结").unwrap();
    ws.write_string(2, 0, "渝中区").unwrap();
    ws.write_number(2, 1, 5.0).unwrap();
    ws.write_number(2, 2, 4.0).unwrap();
    wb.save(&merged).unwrap();

    let long = dir.path().join("long.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["地区", "年份", "指标", "数值", "单位"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        ("常州", 2022.0, "一般公共预算收入", 7_100_000.0, "万元"),
        ("常州", 2023.0, "一般公共预算收入", 720.5, "亿元"),
        ("常州", 2023.0, "信访", 250.0, "件"),
    ];
    for (r, (region, year, ind, v, unit)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *region).unwrap();
        ws.write_number(r, 1, *year).unwrap();
        ws.write_string(r, 2, *ind).unwrap();
        ws.write_number(r, 3, *v).unwrap();
        ws.write_string(r, 4, *unit).unwrap();
    }
    wb.save(&long).unwrap();
    let (facts, diags, _) = build(&[&merged, &long]);
    assert_eq!(
        facts,
        vec![
            f("320400", "general_budget_revenue", "2022", "710.0", "long.xlsx!Sheet1!D2"),
            f("320400", "general_budget_revenue", "2023", "720.5", "long.xlsx!Sheet1!D3"),
            f("320400", "petitions", "2023", "250.0", "long.xlsx!Sheet1!D4"),
            f("500103", "admin_reconsideration_cases", "2023", "5.0", "2023年复议.xlsx!Sheet1!B3"),
        ]
    );
    // 办结 under 行政复议 is another measure: reported, not guessed
    assert!(
        diags.iter().any(|(c, l)| c == "sheet.unknown_header" && l == "2023年复议.xlsx!Sheet1!C3"),
        "{diags:?}"
    );
}

#[test]
fn committed_xls_and_ods_fixtures() {
    let dir = repo().join("tests/fixtures/sheets");
    let (facts, _, code) = build(&[&dir.join("jiangsu_2023.xls"), &dir.join("guangdong_2022.ods")]);
    assert_eq!(code, 0);
    assert_eq!(
        facts,
        vec![
            f(
                "320100",
                "admin_reconsideration_cases",
                "2023",
                "12.0",
                "jiangsu_2023.xls!2023年!C3"
            ),
            f("320100", "general_budget_revenue", "2023", "1950.0", "jiangsu_2023.xls!2023年!D3"),
            f("320100", "petitions", "2023", "310.0", "jiangsu_2023.xls!2023年!B3"),
            f("320200", "admin_reconsideration_cases", "2023", "7.0", "jiangsu_2023.xls!2023年!C4"),
            f("320200", "general_budget_revenue", "2023", "1230.0", "jiangsu_2023.xls!2023年!D4"),
            f("320200", "petitions", "2023", "1205.0", "jiangsu_2023.xls!2023年!B4"),
            f("320400", "general_budget_revenue", "2023", "710.0", "jiangsu_2023.xls!2023年!D5"),
            f("320400", "petitions", "2023", "248.0", "jiangsu_2023.xls!2023年!B5"),
            f(
                "440100",
                "admin_reconsideration_cases",
                "2022",
                "41.0",
                "guangdong_2022.ods!2022!C3"
            ),
            f("440100", "gdp_growth", "2022", "1.0", "guangdong_2022.ods!2022!C4"),
            f(
                "440300",
                "admin_reconsideration_cases",
                "2022",
                "55.0",
                "guangdong_2022.ods!2022!D3"
            ),
            f("440300", "gdp_growth", "2022", "3.3", "guangdong_2022.ods!2022!D4"),
        ]
    );
}

#[test]
fn ambiguous_and_unknown_regions_are_diagnosed_with_their_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mk = |name: &str, title: &str| {
        let p = dir.path().join(name);
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("2023").unwrap();
        ws.write_string(0, 0, title).unwrap();
        ws.write_string(1, 0, "地区").unwrap();
        ws.write_string(1, 1, "信访").unwrap();
        ws.write_string(2, 0, "朝阳区").unwrap();
        ws.write_number(2, 1, 9.0).unwrap();
        ws.write_string(3, 0, "火星市").unwrap();
        ws.write_number(3, 1, 1.0).unwrap();
        ws.write_string(4, 0, "海淀区").unwrap();
        ws.write_number(4, 1, 7.0).unwrap();
        wb.save(&p).unwrap();
        p
    };
    let beijing = mk("bj.xlsx", "北京市各区信访情况");
    let unnamed = mk("x.xlsx", "各区信访情况");
    let (facts, diags, _) = build(&[&beijing, &unnamed]);
    // the title's 北京 decides 朝阳区
    assert!(
        facts.contains(&f("110105", "petitions", "2023", "9.0", "bj.xlsx!2023!B3")),
        "{facts:?}"
    );
    assert!(
        diags.contains(&("sheet.ambiguous_region".into(), "x.xlsx!2023!B3".into())),
        "{diags:?}"
    );
    assert!(
        diags.contains(&("sheet.unknown_region".into(), "bj.xlsx!2023!B4".into())),
        "{diags:?}"
    );
}

#[test]
fn text_and_table_disagree_both_kept_table_wins_with_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("yuzhong.txt"),
        "重庆市渝中区民政局2023年法治政府建设情况报告\n全年办理信访事项32件。\n",
    )
    .unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("2023").unwrap();
    ws.write_string(0, 0, "地区").unwrap();
    ws.write_string(0, 1, "信访").unwrap();
    ws.write_string(1, 0, "渝中区").unwrap();
    ws.write_number(1, 1, 35.0).unwrap();
    wb.save(dir.path().join("cq.xlsx")).unwrap();
    let out = tempfile::tempdir().unwrap();
    yardstick(&["build", dir.path().to_str().unwrap(), "--out", out.path().to_str().unwrap()]);
    let (_, facts) = csv_rows(&out.path().join("facts.csv"));
    assert_eq!(
        facts.iter().filter(|r| r.iter().any(|c| c == "petitions")).count(),
        2,
        "both facts kept"
    );
    let (h, panel) = csv_rows(&out.path().join("panel_long.csv"));
    let v = h.iter().position(|x| x == "value").unwrap();
    let cell = panel.iter().find(|r| r.iter().any(|c| c == "petitions")).unwrap();
    assert_eq!(cell[v], "35.0", "the table wins");
    let diags = read(&out.path().join("diagnostics.csv"));
    assert!(diags.contains("panel.conflict"), "{diags}");
}

#[test]
fn bad_workbooks_are_diagnosed_and_the_batch_completes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("zero.xlsx"), b"").unwrap();
    std::fs::write(d.join("corrupt.xlsx"), b"PK\x03\x04 this is not really a zip archive at all")
        .unwrap();
    std::fs::write(d.join("page.xlsx"), "<html><body><table><tr><td>重庆市渝中区民政局2023年报告</td></tr><tr><td>全年办理信访事项32件。</td></tr></table></body></html>").unwrap();
    std::fs::write(d.join("table.xlsx"), "地区,信访\n渝中区,32\n").unwrap();
    // an encrypted OOXML file: an OLE container holding an EncryptionInfo stream
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(512, 0);
    ole.extend("EncryptionInfo".encode_utf16().flat_map(|u| u.to_le_bytes()));
    ole.resize(4096, 0);
    std::fs::write(d.join("locked.xlsx"), ole).unwrap();
    // a zip bomb: one sheet part that inflates to 300 MB
    {
        use std::io::Write;
        let f = std::fs::File::create(d.join("bomb.xlsx")).unwrap();
        let mut z = zip::ZipWriter::new(f);
        z.start_file("xl/worksheets/sheet1.xml", zip::write::SimpleFileOptions::default()).unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..300 {
            z.write_all(&zeros).unwrap();
        }
        z.finish().unwrap();
    }
    let (facts, diags, code) = build(&[d]);
    assert_eq!(code, 1, "some inputs failed");
    let all = diags.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>();
    for code in
        ["ingest.empty", "sheet.corrupt", "sheet.encrypted", "sheet.too_large", "sheet.renamed"]
    {
        assert!(all.contains(&code), "{code} in {all:?}");
    }
    // the renamed HTML page and CSV were still read
    assert!(
        facts.iter().filter(|r| r.0 == "500103" && r.1 == "petitions").count() >= 1,
        "{facts:?}"
    );
}
