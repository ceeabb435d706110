//! The template's cells from the layouts reports come in (rows from the dev
//! reports: 宿迁市 2023 as text, 淮安市 2024 as our PDF reader lays it out,
//! 上海市科委 2024 as markdown with value rows detached from their labels).

use super::*;

fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for l in text.lines() {
        out.push((pos, l));
        pos += l.chars().count() + 1;
    }
    out
}

fn cell(r: &Reading, id: &str) -> Option<f64> {
    r.cells.iter().find(|c| c.id == id).map(|c| c.value)
}

/// 表三 rows in template order, as `label` + seven numbers (some labels wrapped).
fn requests_table(wrap: bool) -> String {
    let t = Template::bundled();
    let mut s = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n");
    for (i, row) in t.requests.rows.iter().enumerate() {
        let n = i as u32;
        let nums = format!("{n} 0 0 0 1 0 {}", n + 1);
        if wrap && i % 3 == 1 {
            s.push_str(&format!("{}\n{nums}\n", row.name));
        } else {
            s.push_str(&format!("{} {nums}\n", row.name));
        }
    }
    s
}

#[test]
fn the_text_layout_gives_every_cell() {
    let text = format!(
        "二、主动公开政府信息情况\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 2 0 11\n行政规范性文件 109 489 597\n信息内容 本年处理决定数量\n行政许可 1808595\n行政处罚 2822652\n行政强制 20163\n信息内容 本年收费金额（单位：万元）\n行政事业性收费 59237.2449\n{}四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n309 17 88 26 440 1 1 16 6 24 13 0 67 9 89\n",
        requests_table(false)
    );
    let r = Template::bundled().read(&lines(&text));
    assert_eq!(r.unplaced, Vec::<String>::new());
    assert_eq!(cell(&r, "foia.active.normative_docs.repealed"), Some(489.0));
    assert_eq!(cell(&r, "foia.active.fees.amount"), Some(59237.2449));
    assert_eq!(cell(&r, "foia.requests.new.total"), Some(1.0));
    assert_eq!(cell(&r, "foia.requests.carried_forward.natural_person"), Some(24.0));
    assert_eq!(cell(&r, "foia.review.total"), Some(440.0));
    assert_eq!(cell(&r, "foia.litigation_after_review.total"), Some(89.0));
    assert_eq!(r.cells.len(), 10 + 25 * 7 + 15);
    let origin =
        &r.cells.iter().find(|c| c.id == "foia.requests.new.natural_person").unwrap().origin;
    assert_eq!(origin, "表三 一、本年新收政府信息公开申请数量 × 自然人");
}

#[test]
fn wrapped_and_detached_labels_are_placed_by_template_order() {
    let r = Template::bundled().read(&lines(&requests_table(true)));
    assert_eq!(cell(&r, "foia.requests.carried_over.total"), Some(2.0));
    assert_eq!(cell(&r, "foia.requests.processed.natural_person"), Some(23.0));
    assert_eq!(r.cells.len(), 25 * 7);
}

#[test]
fn a_table_missing_rows_is_read_by_labels_and_the_rest_is_said() {
    let text: String = requests_table(false)
        .lines()
        .filter(|l| !l.contains("重复申请"))
        .map(|l| format!("{l}\n"))
        .collect();
    let r = Template::bundled().read(&lines(&text));
    assert_eq!(r.unplaced.len(), 1, "{:?}", r.unplaced);
    assert_eq!(cell(&r, "foia.requests.granted.total"), Some(3.0));
    assert_eq!(cell(&r, "foia.requests.not_processed.repeated.total"), None);
}

#[test]
fn dashes_are_empty_cells_not_shifted_numbers() {
    let mut text = requests_table(false);
    text = text.replacen(
        "一、本年新收政府信息公开申请数量 0 0 0 0 1 0 1",
        "一、本年新收政府信息公开申请数量 0 — 0 0 1 0 1",
        1,
    );
    let r = Template::bundled().read(&lines(&text));
    assert_eq!(cell(&r, "foia.requests.new.business"), None);
    assert_eq!(cell(&r, "foia.requests.new.research"), Some(0.0));
    assert_eq!(cell(&r, "foia.requests.new.total"), Some(1.0));
}

#[test]
fn a_report_without_the_template_gives_nothing() {
    let r = Template::bundled().read(&lines("全年办理行政复议案件35件。\n本年新收申请12件。"));
    assert_eq!(r, Reading::default());
}
