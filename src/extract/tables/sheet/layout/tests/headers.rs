//! Headers of one to four rows with merged cells, "其中" children, units
//! rows, years across, column-number rows and the columns that hold no values.

use super::*;

#[test]
fn two_row_merged_header_with_qizhong_children() {
    let mut g = grid(&[
        vec!["地区", "行政复议", "", "", "信访"],
        vec!["", "案件数", "其中:纠正", "其中：维持", ""],
        vec!["南京", "=10", "=3", "=5", "=100"],
    ]);
    merge(&mut g, (0, 0), (1, 0));
    merge(&mut g, (0, 1), (0, 3));
    merge(&mut g, (0, 4), (1, 4));
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京", "行政复议 案件数", "", None, 10.0),
            f("南京", "纠正", "", None, 3.0),
            f("南京", "维持", "", None, 5.0),
            f("南京", "信访", "", None, 100.0),
        ]
    );
    let parts: Vec<Option<&str>> = t.values.iter().map(|v| v.part_of.as_deref()).collect();
    assert_eq!(parts, [None, Some("行政复议 案件数"), Some("行政复议 案件数"), None]);
    assert_nowhere(&t, &["其中", "地区"]);
}

#[test]
fn qizhong_in_one_row_and_qizhong_as_a_parent() {
    // 信访 | 其中：网上信访 | 行政复议
    let g =
        grid(&[vec!["地区", "信访", "其中：网上信访", "行政复议"], vec!["南京", "=9", "=4", "=2"]]);
    let t = one(&g);
    let got: Vec<(&str, Option<&str>)> =
        t.values.iter().map(|v| (&*v.label, v.part_of.as_deref())).collect();
    assert_eq!(got, [("信访", None), ("网上信访", Some("信访")), ("行政复议", None)]);
    // 行政复议案件数 (two rows) | 其中 over 纠正 and 维持
    let mut g = grid(&[
        vec!["地区", "行政复议案件数", "其中", ""],
        vec!["", "", "纠正", "维持"],
        vec!["无锡", "=8", "=2", "=6"],
    ]);
    merge(&mut g, (0, 0), (1, 0));
    merge(&mut g, (0, 1), (1, 1));
    merge(&mut g, (0, 2), (0, 3));
    let t = one(&g);
    let got: Vec<(&str, Option<&str>, f64)> =
        t.values.iter().map(|v| (&*v.label, v.part_of.as_deref(), v.value)).collect();
    assert_eq!(
        got,
        [
            ("行政复议案件数", None, 8.0),
            ("纠正", Some("行政复议案件数"), 2.0),
            ("维持", Some("行政复议案件数"), 6.0)
        ]
    );
}

#[test]
fn four_row_header_years_over_indicators_over_children_and_a_units_row() {
    let mut g = grid(&[
        vec!["地区", "2022年", "", "", "2023年", "", ""],
        vec!["", "行政复议", "", "信访", "行政复议", "", "信访"],
        vec!["", "收到", "其中：纠正", "", "收到", "其中：纠正", ""],
        vec!["", "(件)", "(件)", "(件)", "(件)", "(件)", "(件)"],
        vec!["常州", "=5", "=1", "=50", "=6", "=2", "=60"],
    ]);
    merge(&mut g, (0, 0), (3, 0));
    merge(&mut g, (0, 1), (0, 3));
    merge(&mut g, (0, 4), (0, 6));
    merge(&mut g, (1, 1), (1, 2));
    merge(&mut g, (1, 3), (2, 3));
    merge(&mut g, (1, 4), (1, 5));
    merge(&mut g, (1, 6), (2, 6));
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("常州", "行政复议 收到", "件", Some(2022), 5.0),
            f("常州", "纠正", "件", Some(2022), 1.0),
            f("常州", "信访", "件", Some(2022), 50.0),
            f("常州", "行政复议 收到", "件", Some(2023), 6.0),
            f("常州", "纠正", "件", Some(2023), 2.0),
            f("常州", "信访", "件", Some(2023), 60.0),
        ]
    );
    assert_eq!(t.values[1].part_of.as_deref(), Some("行政复议 收到"));
    assert_eq!(t.values[4].part_of.as_deref(), Some("行政复议 收到"), "the 2023 whole, same label");
    assert_nowhere(&t, &["2022", "2023", "(件)", "其中"]);
}

#[test]
fn years_typed_as_numbers_under_a_merged_indicator() {
    let mut g = grid(&[
        vec!["地区", "一般公共预算收入(亿元)", "", ""],
        vec!["", "=2021", "=2022", "=2023"],
        vec!["南京", "=1700.1", "=1558.2", "=1600"],
        vec!["无锡", "=1200", "…", "=1300"],
    ]);
    merge(&mut g, (0, 0), (1, 0));
    merge(&mut g, (0, 1), (0, 3));
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京", "一般公共预算收入", "亿元", Some(2021), 1700.1),
            f("南京", "一般公共预算收入", "亿元", Some(2022), 1558.2),
            f("南京", "一般公共预算收入", "亿元", Some(2023), 1600.0),
            f("无锡", "一般公共预算收入", "亿元", Some(2021), 1200.0),
            f("无锡", "一般公共预算收入", "亿元", Some(2023), 1300.0),
        ]
    );
}

#[test]
fn years_across_with_nothing_naming_the_indicator_yield_nothing() {
    // the year headers are not indicators, and nothing else names one
    let g = grid(&[vec!["地区", "=2021", "=2022"], vec!["南京", "=1", "=2"]]);
    let t = one(&g);
    assert!(t.values.is_empty(), "{:?}", t.values);
    let g = grid(&[vec!["地区", "2021年", "2022年度"], vec!["南京", "=1", "=2"]]);
    assert!(one(&g).values.is_empty());
}

#[test]
fn column_numbers_codes_ranks_remarks_and_hidden_blank_rows() {
    // 序号 and 代码 (often hidden) hold no values, 栏次 (甲 乙 1 2) is no data,
    // a hidden blank row inside the header does not split it
    let g = grid(&[
        vec!["序号", "地区", "代码", "信访", "信访", "备注"],
        vec![],
        vec!["", "", "", "来信", "增速排名", ""],
        vec!["甲", "乙", "", "=1", "=2", "=3"],
        vec!["=1", "南京", "320100", "=11", "=3", "见说明"],
        vec!["=2", "无锡", "=320200", "=12", "=1", "=0"],
    ]);
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![f("南京", "信访 来信", "", None, 11.0), f("无锡", "信访 来信", "", None, 12.0)]
    );
}

#[test]
fn a_units_row_under_the_header_and_a_unit_in_the_header_row() {
    let g = grid(&[
        vec!["地区", "信访", "一般公共预算收入", "计量单位：件"],
        vec!["单位", "件", "万元", ""],
        vec!["南京", "=7", "=12345", ""],
    ]);
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京", "信访", "件", None, 7.0),
            f("南京", "一般公共预算收入", "万元", None, 12345.0)
        ]
    );
    assert_eq!(t.unit, "件");
}

#[test]
fn header_cells_broken_over_lines_and_a_diagonal_corner() {
    let g = grid(&[
        vec!["地区\\指标", "一般公共预算\n收入（亿元）", "信 访"],
        vec!["镇江", "=300", "=4"],
    ]);
    let t = one(&g);
    assert_eq!(t.shape, Some(Shape::Wide));
    assert_eq!(
        facts(&t.values),
        vec![f("镇江", "一般公共预算收入", "亿元", None, 300.0), f("镇江", "信访", "", None, 4.0)]
    );
}

#[test]
fn a_qizhong_column_counts_in_its_wholes_unit() {
    let g = grid(&[
        vec!["地区", "信访(件)", "其中：网上信访", "占比(%)"],
        vec!["南京", "=9", "=4", "=44.4"],
    ]);
    let t = one(&g);
    let got: Vec<(&str, &str)> = t.values.iter().map(|v| (&*v.label, &*v.unit)).collect();
    assert_eq!(got, [("信访", "件"), ("网上信访", "件"), ("占比", "%")]);
}
