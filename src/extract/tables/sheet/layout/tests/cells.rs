//! Value cells as tables write them: missing markers are no value (not 0),
//! footnote marks, thousands separators and full-width digits are numbers.

use super::*;

#[test]
fn missing_markers_yield_nothing_and_marked_numbers_their_value() {
    let markers = ["—", "…", "-", "/", "x", "X", "未公开", "无"];
    let numbers = [("12.5¹", 12.5), ("12.5*", 12.5), ("1,234", 1234.0), ("１２３４", 1234.0)];
    let mut rows = vec![vec!["地区", "信访"]];
    rows.extend(markers.iter().map(|m| vec!["南京", *m]));
    rows.extend(numbers.iter().map(|(n, _)| vec!["无锡", *n]));
    let g = grid(&rows);
    let t = one(&g);
    let got: Vec<(f64, &str)> =
        t.values.iter().map(|v| (v.value, g.rows[v.row][v.col].text.as_str())).collect();
    assert_eq!(got, [(12.5, "12.5¹"), (12.5, "12.5*"), (1234.0, "1,234"), (1234.0, "１２３４")]);
    assert!(t.values.iter().all(|v| &*v.region == "无锡"), "no 南京 value: all missing");
}

#[test]
fn a_footnoted_number_misread_by_an_older_reader_is_read_again() {
    // yardstick's NFKC-folding parse_text read "12.5¹" as 12.51
    let mut g = grid(&[vec!["地区", "信访"], vec!["南京", "x"]]);
    g.rows[1][1] =
        Cell { text: "12.5¹".into(), value: CellValue::Number { value: 12.51, percent: false } };
    let t = one(&g);
    assert_eq!(facts(&t.values), vec![f("南京", "信访", "", None, 12.5)]);
}

#[test]
fn a_large_sheet_is_read_in_one_pass() {
    let mut rows: Vec<Vec<Cell>> =
        vec![["地区", "信访", "复议", "诉讼"].iter().map(|s| cell(s)).collect()];
    for i in 0..20_000 {
        let mut row = vec![cell(CITIES[i % 13])];
        row.extend((0..3).map(|j| cell(&format!("={}", i * 3 + j))));
        rows.push(row);
    }
    let g = sheet("big", rows);
    let calls = std::cell::Cell::new(0usize);
    let counting = |s: &str| {
        calls.set(calls.get() + 1);
        is_region(s)
    };
    let t = read_tables(&g, &counting);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].values.len(), 60_000);
    // the gazetteer is asked about a sample, not every row
    assert!(calls.get() < 1_000, "{} region look-ups", calls.get());
    // labels are shared: one allocation per column header
    assert!(std::rc::Rc::ptr_eq(&t[0].values[0].label, &t[0].values[3].label));
}

#[test]
fn long_runs_of_blank_rows_are_walked_once() {
    // calamine's range keeps formatted blank rows: 200 000 of them after the notes
    let mut g = grid(&[vec!["地区", "信访"], vec!["南京", "=1"], vec!["注：快报数。"]]);
    let blank: Vec<Cell> = (0..4).map(|_| Cell::empty()).collect();
    g.rows.extend(std::iter::repeat_n(blank, 200_000));
    g.rows.push(vec![cell("数据来源：民政厅")]);
    let start = std::time::Instant::now();
    let t = one(&g);
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
    assert_eq!(t.values.len(), 1);
    assert_eq!(t.notes, vec!["注：快报数。", "数据来源：民政厅"]);
}

/// Words and tricky texts of real tables, for random grids.
#[rustfmt::skip]
const WORDS: &[&str] = &[
    "", "", "", "=1", "=2019", "=2020", "=0.5", "南京", "无锡市", "合计", "全省", "地区", "指标",
    "年份", "单位", "数值", "件", "(万元)", "信访", "行政复议", "其中：纠正", "其中", "#城镇",
    "2022年", "2015-2019年", "江苏省2022年各设区市主要指标", "单位：件", "注：快报", "—", "x",
    "12.5¹", "１２", "表3-1", "附件", "指标：地区生产总值(亿元)", "时间：最近5年", "地区：北京市",
    "（单位：", "）", "(", "甲", "乙", "代码", "序号", "地区\\指标", "北　京\nBeijing", "1,2,3",
    "2019.5", "9999", "分地区", "各市", "年", "：", "指标：", "单位:", "其中:", "#",
];

#[test]
fn any_grid_of_table_words_reads_without_panicking() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for _ in 0..3000 {
        let (h, w) = (1 + next(10), 1 + next(6));
        let rows: Vec<Vec<&str>> =
            (0..h).map(|_| (0..w).map(|_| WORDS[next(WORDS.len())]).collect()).collect();
        let mut g = grid(&rows);
        if h > 1 && w > 1 && next(2) == 0 {
            merge(&mut g, (0, 0), (next(h), next(w)));
        }
        // rows as long as their last cell (GridBuilder), blank rows empty
        for row in g.rows.iter_mut() {
            if next(3) == 0 {
                row.truncate(next(w + 1));
            }
        }
        for t in read_tables(&g, &is_region) {
            assert!(t.values.iter().all(|v| !v.label.is_empty()));
            assert!(t.rows.start <= t.rows.end && t.rows.end <= h);
        }
    }
}
