//! Title rows merged across the table (the fill carries the title into every
//! cell of its row): a title gives year, region scope and unit, never a label.

use super::*;

/// The sheet of the issue: 13 cities, a merged title, a unit line at the
/// right, a two-row merged header with 其中 children, a 合计 row and a note.
pub(super) fn civil_affairs_sheet(year: i32) -> Grid {
    let title = format!("江苏省{year}年各设区市民政法治建设主要指标");
    let mut rows: Vec<Vec<String>> = vec![
        vec![title, "".into(), "".into(), "".into(), "".into(), "".into()],
        vec!["".into(), "".into(), "".into(), "".into(), "".into(), "单位：件".into()],
        ["地区", "行政复议", "", "", "信访", "行政诉讼"].map(String::from).to_vec(),
        ["", "案件数", "其中:纠正", "其中：维持", "", ""].map(String::from).to_vec(),
    ];
    for (i, city) in CITIES.iter().enumerate() {
        let n = (i + 1) as f64;
        let v = [n * 10.0, n, n * 5.0, n * 100.0, n * 2.0 + f64::from(year - 2020)];
        rows.push([vec![city.to_string()], v.iter().map(|x| format!("={x}")).collect()].concat());
    }
    rows.push(vec!["合计".into(), "=910".into()]);
    rows.push(vec!["注：纠正含撤销、变更、确认违法。".into()]);
    let refs: Vec<Vec<&str>> =
        rows.iter().map(|r| r.iter().map(String::as_str).collect()).collect();
    let mut g = grid(&refs);
    g.name = format!("{year}");
    merge(&mut g, (0, 0), (0, 5));
    merge(&mut g, (2, 0), (3, 0));
    merge(&mut g, (2, 1), (2, 3));
    merge(&mut g, (2, 4), (3, 4));
    merge(&mut g, (2, 5), (3, 5));
    g
}

/// What the sheet must yield: 13 cities × 5 columns, labels without the title.
pub(super) fn assert_civil_affairs(t: &Table, year: i32) {
    assert_eq!(t.shape, Some(Shape::Wide));
    assert_eq!(t.values.len(), 65, "13 cities × 5 columns");
    assert_eq!((t.year, t.scope_text.as_str(), t.unit.as_str()), (Some(year), "江苏省", "件"));
    let mut labels: Vec<&str> = t.values.iter().map(|v| &*v.label).collect();
    labels.dedup();
    labels.truncate(5);
    assert_eq!(labels, ["行政复议 案件数", "纠正", "维持", "信访", "行政诉讼"]);
    let suzhou: Vec<Fact> = facts(&t.values).into_iter().filter(|v| v.0 == "苏州市").collect();
    let y = Some(year);
    let last = 10.0 + f64::from(year - 2020);
    assert_eq!(
        suzhou,
        vec![
            f("苏州市", "行政复议 案件数", "件", y, 50.0),
            f("苏州市", "纠正", "件", y, 5.0),
            f("苏州市", "维持", "件", y, 25.0),
            f("苏州市", "信访", "件", y, 500.0),
            f("苏州市", "行政诉讼", "件", y, last),
        ]
    );
    for v in &t.values {
        let part = matches!(&*v.label, "纠正" | "维持");
        assert_eq!(v.part_of.as_deref(), part.then_some("行政复议 案件数"), "{v:?}");
    }
    assert_nowhere(t, &["江苏省", "主要指标", "单位", "其中", "合计"]);
    assert_eq!(facts(&t.totals), vec![f("合计", "行政复议 案件数", "件", y, 910.0)]);
    assert_eq!(t.notes, vec!["注：纠正含撤销、变更、确认违法。"]);
}

#[test]
fn a_title_merged_across_the_table_is_not_a_header() {
    for year in [2021, 2022] {
        let t = one(&civil_affairs_sheet(year));
        assert_civil_affairs(&t, year);
        assert_eq!(
            t.title,
            vec![format!("江苏省{year}年各设区市民政法治建设主要指标"), "单位：件".into()]
        );
    }
}

#[test]
fn a_title_merged_over_the_value_columns_only_is_a_title() {
    // 地区 merged down two rows beside a title merged over the value columns
    let mut g = grid(&[
        vec!["地区", "常州市2023年各区民政主要指标", "", ""],
        vec!["", "信访", "行政复议", "行政诉讼"],
        vec!["溧阳市", "=1", "=2", "=3"],
        vec!["金坛区", "=4", "—", "=6"],
    ]);
    merge(&mut g, (0, 0), (1, 0));
    merge(&mut g, (0, 1), (0, 3));
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("溧阳市", "信访", "", Some(2023), 1.0),
            f("溧阳市", "行政复议", "", Some(2023), 2.0),
            f("溧阳市", "行政诉讼", "", Some(2023), 3.0),
            f("金坛区", "信访", "", Some(2023), 4.0),
            f("金坛区", "行政诉讼", "", Some(2023), 6.0),
        ]
    );
    assert_eq!(t.scope_text, "常州市");
    assert_nowhere(&t, &["常州", "主要指标"]);
}

#[test]
fn metadata_rows_unit_lines_and_a_parent_header_without_a_merge() {
    let g = grid(&[
        vec!["2023年各市信访和复议情况"],
        vec!["填报单位：江苏省民政厅", "", "", "计量单位: 件"],
        vec!["", "信访", "", "复议"],
        vec!["地区", "来信", "来访", "收到"],
        vec!["扬州", "=3", "=4", "=5"],
    ]);
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("扬州", "信访 来信", "件", Some(2023), 3.0),
            f("扬州", "来访", "件", Some(2023), 4.0),
            f("扬州", "复议 收到", "件", Some(2023), 5.0),
        ]
    );
    assert_nowhere(&t, &["填报", "江苏省民政厅", "情况"]);
    assert_eq!(t.title, vec!["2023年各市信访和复议情况", "填报单位：江苏省民政厅", "计量单位: 件"]);
}

#[test]
fn an_indicator_named_by_a_free_title_labels_year_columns() {
    let g = grid(&[
        vec!["2021-2023年各市地区生产总值（亿元）", "", "", ""],
        vec!["地区", "2021年", "2022年", "2023年"],
        vec!["泰州", "=6025.3", "=6401.8", "=6731.7"],
    ]);
    let mut g = g;
    merge(&mut g, (0, 0), (0, 3));
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("泰州", "地区生产总值", "亿元", Some(2021), 6025.3),
            f("泰州", "地区生产总值", "亿元", Some(2022), 6401.8),
            f("泰州", "地区生产总值", "亿元", Some(2023), 6731.7),
        ]
    );
    assert_eq!(t.year, None, "a range of years is no single year");
}

#[test]
fn a_city_report_names_its_region_in_the_title() {
    let g = grid(&[
        vec!["常州市主要统计指标"],
        vec!["指标", "2022年", "2023年"],
        vec!["信访(件)", "=240", "=250"],
        vec!["地区生产总值(亿元)", "=9550.1", "=10116.4"],
    ]);
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("常州市", "信访", "件", Some(2022), 240.0),
            f("常州市", "信访", "件", Some(2023), 250.0),
            f("常州市", "地区生产总值", "亿元", Some(2022), 9550.1),
            f("常州市", "地区生产总值", "亿元", Some(2023), 10116.4),
        ]
    );
    assert_eq!(t.indicator, "", "主要统计指标 names no indicator");
}

#[test]
fn a_title_merged_over_part_of_its_row_beside_a_table_number() {
    let mut g = grid(&[
        vec!["2022年各市行政复议情况", "", "", "附表3"],
        vec!["地区", "收到", "办结", "纠正"],
        vec!["淮安", "=3", "=2", "=1"],
    ]);
    merge(&mut g, (0, 0), (0, 2));
    let t = one(&g);
    assert_eq!(t.title, vec!["2022年各市行政复议情况", "附表3"]);
    assert_eq!(
        facts(&t.values),
        vec![
            f("淮安", "收到", "", Some(2022), 3.0),
            f("淮安", "办结", "", Some(2022), 2.0),
            f("淮安", "纠正", "", Some(2022), 1.0),
        ]
    );
}
