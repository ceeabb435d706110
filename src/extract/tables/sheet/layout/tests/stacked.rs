//! Several tables stacked in one sheet, each with its own title and header;
//! group labels, gaps and repeated headers inside one table.

use super::*;

#[test]
fn stacked_tables_each_with_its_own_title_and_header() {
    let mut g = grid(&[
        vec!["表1 2022年各市信访情况", "", ""],
        vec!["地区", "来信", "来访"],
        vec!["南京", "=1", "=2"],
        vec!["无锡", "=3", "=4"],
        vec!["注：含网上信访。"],
        vec![],
        vec!["表2 2023年各市一般公共预算收入（亿元）", "", ""],
        vec!["地区", "=2023"],
        vec!["南京", "=1600.5"],
        vec!["合计", "=1600.5"],
        vec!["表3 2023年各市行政复议", "", ""],
        vec!["城市", "收到", "办结"],
        vec!["常州", "=7", "=6"],
    ]);
    merge(&mut g, (0, 0), (0, 2));
    merge(&mut g, (6, 0), (6, 2));
    merge(&mut g, (10, 0), (10, 2));
    let tables = read_tables(&g, &is_region);
    assert_eq!(tables.len(), 3, "{tables:#?}");
    assert_eq!(
        facts(&tables[0].values),
        vec![
            f("南京", "来信", "", Some(2022), 1.0),
            f("南京", "来访", "", Some(2022), 2.0),
            f("无锡", "来信", "", Some(2022), 3.0),
            f("无锡", "来访", "", Some(2022), 4.0),
        ]
    );
    assert_eq!(tables[0].notes, vec!["注：含网上信访。"]);
    assert_eq!(
        facts(&tables[1].values),
        vec![f("南京", "一般公共预算收入", "亿元", Some(2023), 1600.5)]
    );
    assert_eq!(tables[1].totals.len(), 1);
    assert_eq!(
        facts(&tables[2].values),
        vec![f("常州", "收到", "", Some(2023), 7.0), f("常州", "办结", "", Some(2023), 6.0)]
    );
    let ranges: Vec<Range<usize>> = tables.iter().map(|t| t.rows.clone()).collect();
    assert_eq!(ranges, [0..6, 6..10, 10..13]);
    assert_eq!(tables[2].title, vec!["表3 2023年各市行政复议"]);
    for t in &tables {
        assert_nowhere(t, &["表1", "表2", "表3", "情况"]);
    }
}

#[test]
fn a_second_header_after_a_blank_row_keeps_the_title_above() {
    let g = grid(&[
        vec!["江苏省2022年主要指标"],
        vec!["地区", "信访"],
        vec!["南京", "=1"],
        vec![],
        vec!["地区", "行政复议"],
        vec!["南京", "=2"],
    ]);
    let tables = read_tables(&g, &is_region);
    assert_eq!(tables.len(), 2);
    assert_eq!(facts(&tables[0].values), vec![f("南京", "信访", "", Some(2022), 1.0)]);
    assert_eq!(facts(&tables[1].values), vec![f("南京", "行政复议", "", Some(2022), 2.0)]);
    assert_eq!(tables[1].scope_text, "江苏省");
}

#[test]
fn group_labels_gaps_and_a_header_repeated_after_a_page_break() {
    let g = grid(&[
        vec!["地区", "信访"],
        vec!["一、苏南"],
        vec!["南京", "=1"],
        vec!["", ""],
        vec!["无锡", "=2"],
        vec!["地区", "信访"],
        vec!["二、苏北"],
        vec!["徐州", "=3"],
        vec!["宿迁", "/"],
    ]);
    let t = one(&g);
    assert_eq!(
        facts(&t.values),
        vec![
            f("南京", "信访", "", None, 1.0),
            f("无锡", "信访", "", None, 2.0),
            f("徐州", "信访", "", None, 3.0)
        ]
    );
    assert_nowhere(&t, &["苏南", "苏北", "地区"]);
}

#[test]
fn rows_of_data_with_no_header_above_are_not_read() {
    let g = grid(&[vec!["南京", "=1"], vec!["无锡", "=2"]]);
    assert!(read_tables(&g, &is_region).is_empty());
}
