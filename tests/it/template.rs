//! The national disclosure template through `yardstick build`, from a Word
//! file made here in code the way offices lay the template out: 表三 with the
//! applicant columns split over two header rows (gridSpan), the outcome
//! groups in merged cells down the left (vMerge), one cell printed as —.
//! Every printed cell is a fact naming its table, row and column; the dash
//! is missing, not a shifted number; a broken identity is said; a narrative
//! contradicting the table is said and the panel takes the table's value.

use crate::common::*;
use crate::formats::{escape, paragraph, write_docx};

fn cell(text: &str, span: usize, merge: Option<&str>) -> String {
    let grid = if span > 1 { format!("<w:gridSpan w:val=\"{span}\"/>") } else { String::new() };
    let vm = match merge {
        Some("restart") => "<w:vMerge w:val=\"restart\"/>".to_string(),
        Some(_) => "<w:vMerge/>".to_string(),
        None => String::new(),
    };
    format!("<w:tc><w:tcPr>{grid}{vm}</w:tcPr>{}</w:tc>", paragraph(text))
}

fn row(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

/// 表三 as a Word table; row `i` of the template gets (i, 0, 0, 0, 1, 0, i + 1)
/// except 上年结转's 商业企业, printed as —.
fn requests_table() -> String {
    let labels = [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
        "（一）予以公开",
        "（二）部分公开",
        "1.属于国家秘密",
        "2.其他法律行政法规禁止公开",
        "3.危及“三安全一稳定”",
        "4.保护第三方合法权益",
        "5.属于三类内部事务信息",
        "6.属于四类过程性信息",
        "7.属于行政执法案卷",
        "8.属于行政查询事项",
        "1.本机关不掌握相关政府信息",
        "2.没有现成信息需要另行制作",
        "3.补正后申请内容仍不明确",
        "1.信访举报投诉类申请",
        "2.重复申请",
        "3.要求提供公开出版物",
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "1.申请人无正当理由逾期不补正",
        "2.申请人逾期未按收费通知要求缴纳费用",
        "3.其他",
        "（七）总计",
        "四、结转下年度继续办理",
    ];
    let mut rows = vec![
        row(&[cell("本列数据的勾稽关系", 1, Some("restart")), cell("申请人情况", 7, None)]),
        row(&[
            cell("", 1, Some("continue")),
            cell("自然人", 1, Some("restart")),
            cell("法人或其他组织", 5, None),
            cell("总计", 1, Some("restart")),
        ]),
        row(&[
            cell("", 1, Some("continue")),
            cell("", 1, Some("continue")),
            cell("商业企业", 1, None),
            cell("科研机构", 1, None),
            cell("社会公益组织", 1, None),
            cell("法律服务机构", 1, None),
            cell("其他", 1, None),
            cell("", 1, Some("continue")),
        ]),
    ];
    for (i, label) in labels.iter().enumerate() {
        let mut cells = vec![cell(label, 1, None)];
        let business = if i == 1 { "—".to_string() } else { "0".to_string() };
        for v in [
            i.to_string(),
            business,
            "0".into(),
            "0".into(),
            "1".into(),
            "0".into(),
            (i + 1).to_string(),
        ] {
            cells.push(cell(&v, 1, None));
        }
        rows.push(row(&cells));
    }
    format!("<w:tbl>{}</w:tbl>", rows.concat())
}

#[test]
fn a_word_template_gives_every_cell_with_its_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    let body = [
        paragraph("泗洪县民政局2023年政府信息公开工作年度报告"),
        paragraph("2023年，本机关共收到政府信息公开申请25件，均按时答复。"),
        paragraph("三、收到和处理政府信息公开申请情况"),
        requests_table(),
        paragraph("四、政府信息公开行政复议、行政诉讼情况"),
        paragraph(&escape("行政复议 行政诉讼")),
        paragraph("2 0 0 0 2 1 0 0 0 1 0 0 0 0 5"),
    ]
    .concat();
    write_docx(&input.join("report.docx"), &body, "某县民政局", "第 1 页");
    let out = dir.path().join("out");
    let o = yardstick(&["build", input.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&o.stderr));
    let (h, rows) = csv_rows(&out.join("facts.csv"));
    let col = |n: &str| h.iter().position(|x| x == n).unwrap();
    let get = |id: &str| rows.iter().find(|r| r[col("indicator")] == id);
    let value = |id: &str| get(id).map(|r| r[col("value")].clone());
    assert_eq!(value("foia.requests.new.natural_person").as_deref(), Some("0.0"));
    assert_eq!(value("foia.requests.processed.total").as_deref(), Some("24.0"));
    assert_eq!(value("foia.requests.carried_over.business"), None, "a dash is no value");
    assert_eq!(value("foia.requests.carried_over.research").as_deref(), Some("0.0"));
    assert_eq!(value("foia.review.total").as_deref(), Some("2.0"));
    let origin = &get("foia.requests.granted.legal_services").unwrap()[col("origin")];
    assert_eq!(origin, "表三 三（一）予以公开 × 法律服务机构");
    // the rows' sums break the identities (made-up numbers) and 表四's last total is 5 ≠ 0
    let diags = read(&out.join("diagnostics.csv"));
    assert!(diags.contains("check.template"), "{diags}");
    assert!(diags.contains("表四 行政诉讼 复议后起诉"), "{diags}");
    // the narrative's 25 requests contradict the table's 本年新收 (1): said, and
    // the panel takes the table's
    assert!(diags.contains("check.text_table"), "{diags}");
    let (ph, panel) = csv_rows(&out.join("panel_long.csv"));
    let pc = |n: &str| ph.iter().position(|x| x == n).unwrap();
    let requests = panel.iter().find(|r| r[pc("indicator")] == "disclosure_requests");
    assert_eq!(requests.map(|r| r[pc("value")].as_str()), Some("1.0"), "{panel:?}");
}
