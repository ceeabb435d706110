//! The shapes yardstick read before (wide, transposed, long), kept; region
//! names padded with spaces, with and without 市; 合计 / 全省 / 总计 as checks.

use super::*;

#[test]
fn wide_with_title_unit_line_header_units_totals_and_notes() {
    let g = grid(&[
        vec!["江苏省各市民政主要指标"],
        vec!["单位：件"],
        vec!["地区", "信访", "行政复议", "一般公共预算收入(亿元)", "护理型床位占比(%)"],
        vec!["南京", "=300", "１２", "=1950.5", "87.4%"],
        vec!["常州市", "1,248", "—", "=710.2", "50%"],
        vec!["合计", "=1548", "", "", ""],
        vec!["注：数据为快报数。", "=99"],
    ]);
    let t = one(&g);
    assert_eq!(t.shape, Some(Shape::Wide));
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京", "信访", "件", None, 300.0),
            f("南京", "行政复议", "件", None, 12.0),
            f("南京", "一般公共预算收入", "亿元", None, 1950.5),
            f("南京", "护理型床位占比", "%", None, 87.4),
            f("常州市", "信访", "件", None, 1248.0),
            f("常州市", "一般公共预算收入", "亿元", None, 710.2),
            f("常州市", "护理型床位占比", "%", None, 50.0),
        ]
    );
    assert!(t.values[3].percent && t.values[0].part_of.is_none());
    assert_eq!(g.rows[t.values[4].row][t.values[4].col].text, "1,248");
    assert_eq!(facts(&t.totals), vec![f("合计", "信访", "件", None, 1548.0)]);
    assert_eq!(t.notes, vec!["注：数据为快报数。"]);
    assert_eq!((t.title.len(), t.unit.as_str(), t.rows.clone()), (2, "件", 0..7));
    assert!(!t.values.iter().any(|v| v.value == 99.0), "a note row is not data");
}

#[test]
fn regions_padded_with_spaces_suffixes_either_way_and_total_rows() {
    let g = grid(&[
        vec!["地区", "信访"],
        vec!["全省", "=60"],
        vec!["　南　京", "=10"],
        vec!["  无锡市 ", "=20"],
        vec!["\u{3000}\u{3000}常州", "=30"],
        vec!["总计", "=60"],
        vec!["合 计", "=60"],
    ]);
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京", "信访", "", None, 10.0),
            f("无锡市", "信访", "", None, 20.0),
            f("常州", "信访", "", None, 30.0),
        ]
    );
    let totals: Vec<&str> = t.totals.iter().map(|v| &*v.region).collect();
    assert_eq!(totals, ["全省", "总计", "合计"], "a check, not a region");
}

#[test]
fn transposed_indicators_down_regions_across_with_a_total_column() {
    let g = grid(&[
        vec!["指标", "南京", "无锡", "全省"],
        vec!["信访(件)", "=41", "=55", "=96"],
        vec!["  其中：网上信访(件)", "=7", "-", "=7"],
        vec!["地区生产总值增速(%)", "=1.0", "=3.3", ""],
    ]);
    let t = one(&g);
    assert_eq!(t.shape, Some(Shape::Transposed));
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京", "信访", "件", None, 41.0),
            f("无锡", "信访", "件", None, 55.0),
            f("南京", "网上信访", "件", None, 7.0),
            f("南京", "地区生产总值增速", "%", None, 1.0),
            f("无锡", "地区生产总值增速", "%", None, 3.3),
        ]
    );
    // a 其中 row is a part of the row above it, never that row's value
    let parts: Vec<Option<&str>> = t.values.iter().map(|v| v.part_of.as_deref()).collect();
    assert_eq!(parts, [None, None, Some("信访"), None, None]);
    assert_eq!(
        facts(&t.totals),
        vec![f("全省", "信访", "件", None, 96.0), f("全省", "网上信访", "件", None, 7.0)]
    );
}

#[test]
fn transposed_with_a_blank_corner_and_a_unit_column() {
    let g = grid(&[
        vec!["", "", "南京市", "无锡市"],
        vec!["信访", "件", "=9", "=8"],
        vec!["一般公共预算收入", "万元", "=12345", "=6789"],
    ]);
    let t = one(&g);
    assert_eq!(t.shape, Some(Shape::Transposed));
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京市", "信访", "件", None, 9.0),
            f("无锡市", "信访", "件", None, 8.0),
            f("南京市", "一般公共预算收入", "万元", None, 12345.0),
            f("无锡市", "一般公共预算收入", "万元", None, 6789.0),
        ]
    );
}

#[test]
fn long_region_year_indicator_value_unit() {
    let g = grid(&[
        vec!["地区", "年份", "指标", "数值", "单位"],
        vec!["常州", "=2022", "一般公共预算收入", "=7100000", "万元"],
        vec!["常州", "2023年", "一般公共预算收入", "=720.5", "亿元"],
        vec!["常州", "=2023", "信访(件)", "=250", ""],
        vec!["全市", "=2023", "信访", "=900", "件"],
        vec!["常州", "=2023", "行政复议", "未公开", "件"],
    ]);
    let t = one(&g);
    assert_eq!(t.shape, Some(Shape::Long));
    assert_eq!(
        facts(&t.values),
        vec![
            f("常州", "一般公共预算收入", "万元", Some(2022), 7_100_000.0),
            f("常州", "一般公共预算收入", "亿元", Some(2023), 720.5),
            f("常州", "信访", "件", Some(2023), 250.0),
        ]
    );
    assert_eq!(facts(&t.totals), vec![f("全市", "信访", "件", Some(2023), 900.0)]);
    assert!(t.values.iter().all(|v| v.col == 3), "only the 数值 column holds values");
}

#[test]
fn region_and_indicator_down_with_years_across() {
    let g = grid(&[
        vec!["地区", "指标", "2021年", "2022年"],
        vec!["南京", "信访(件)", "=5", "=6"],
        vec!["南京", "行政复议(件)", "=1", "x"],
    ]);
    let t = one(&g);
    assert_eq!(t.shape, Some(Shape::Long));
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京", "信访", "件", Some(2021), 5.0),
            f("南京", "信访", "件", Some(2022), 6.0),
            f("南京", "行政复议", "件", Some(2021), 1.0),
        ]
    );
}

#[test]
fn a_wide_table_of_unknown_regions_stays_wide() {
    // the gazetteer knows none of the rows: still regions down, as before
    let g = grid(&[vec!["区县", "信访"], vec!["火星县", "=1"], vec!["月亮区", "=2"]]);
    let t = one(&g);
    assert_eq!(t.shape, Some(Shape::Wide));
    assert_eq!(
        facts(&t.values),
        vec![f("火星县", "信访", "", None, 1.0), f("月亮区", "信访", "", None, 2.0)]
    );
    let g = grid(&[vec!["", "信访"], vec!["火星县", "=1"], vec!["月亮区", "=2"]]);
    assert_eq!(one(&g).shape, Some(Shape::Wide));
}

#[test]
fn a_year_column_subtotals_and_cities_over_counties() {
    let g = grid(&[
        vec!["设区市", "县(市、区)", "年份", "信访"],
        vec!["常州市", "溧阳市", "=2022", "=5"],
        vec!["常州市", "金坛区", "2023年", "=6"],
        vec!["常州市", "常州市小计", "=2023", "=11"],
    ]);
    let t = one(&g);
    assert_eq!(t.shape, Some(Shape::Wide));
    assert_eq!(
        facts(&t.values),
        vec![f("溧阳市", "信访", "", Some(2022), 5.0), f("金坛区", "信访", "", Some(2023), 6.0)]
    );
    assert_eq!(facts(&t.totals), vec![f("常州市小计", "信访", "", Some(2023), 11.0)]);
}

#[test]
fn a_units_column_of_reporting_units_is_a_label_column() {
    // 单位 here names who reports (a department), not a unit of measure
    let g = grid(&[vec!["单位", "信访"], vec!["市民政局", "=4"], vec!["市公安局", "=9"]]);
    let t = one(&g);
    assert_eq!(t.shape, Some(Shape::Wide));
    assert_eq!(
        facts(&t.values),
        vec![f("市民政局", "信访", "", None, 4.0), f("市公安局", "信访", "", None, 9.0)]
    );
}

#[test]
fn a_units_column_of_units_the_list_does_not_know_stays_a_units_column() {
    let g = grid(&[
        vec!["地区", "指标", "数值", "单位"],
        vec!["南京", "人均可支配收入", "=76643", "元/人"],
        vec!["南京", "发电量", "=4.2", "亿千瓦"],
    ]);
    let t = one(&g);
    assert_eq!(t.shape, Some(Shape::Long));
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京", "人均可支配收入", "元/人", None, 76643.0),
            f("南京", "发电量", "亿千瓦", None, 4.2)
        ]
    );
}

#[test]
fn ragged_rows_as_long_as_their_last_cell() {
    // GridBuilder keeps rows only as long as their last non-blank cell
    let mut g = grid(&[
        vec!["江苏省2022年各市信访情况", "", ""],
        vec!["地区", "来信", "来访"],
        vec!["南京", "=1"],
        vec![],
        vec!["无锡", "", "=2"],
        vec!["合计"],
    ]);
    merge(&mut g, (0, 0), (0, 2));
    g.rows[0].truncate(3);
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![f("南京", "来信", "", Some(2022), 1.0), f("无锡", "来访", "", Some(2022), 2.0)]
    );
}
