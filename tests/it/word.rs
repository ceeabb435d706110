//! Word files through `yardstick build`: a .docx made here in code (the
//! paragraphs of a sample report, a disclosure-style table with merged
//! header cells, a running header and a footer) gives the same facts as the
//! same report as text; a web page saved as .doc is read as a page; a
//! damaged .docx is one diagnostic naming the file.

use crate::common::*;
use crate::formats::{paragraph, write_docx};
use std::path::Path;

/// (indicator, value, kind, year) of every fact in a build's facts.csv.
fn facts(out: &Path) -> Vec<(String, String, String, String)> {
    let (h, rows) = csv_rows(&out.join("facts.csv"));
    let c = |n: &str| h.iter().position(|x| x == n).unwrap();
    let mut v: Vec<_> = rows
        .iter()
        .map(|r| {
            (
                r[c("indicator")].clone(),
                r[c("value")].clone(),
                r[c("kind")].clone(),
                r[c("year")].clone(),
            )
        })
        .collect();
    v.sort();
    v
}

fn build(input: &Path, out: &Path) -> std::process::Output {
    yardstick(&["build", input.to_str().unwrap(), "--out", out.to_str().unwrap()])
}

#[test]
fn a_docx_report_gives_the_facts_of_its_text() {
    let text = read(&reports().join("001_89fb2e650b23c6fa.txt"));
    let dir = tempfile::tempdir().unwrap();
    let (as_text, as_word) = (dir.path().join("text"), dir.path().join("word"));
    std::fs::create_dir_all(&as_text).unwrap();
    std::fs::create_dir_all(&as_word).unwrap();
    std::fs::write(as_text.join("r.txt"), &text).unwrap();
    let body: String = text.lines().map(paragraph).collect();
    write_docx(&as_word.join("r.docx"), &body, "常州市民政局", "第 1 页");
    let (o1, o2) = (dir.path().join("o1"), dir.path().join("o2"));
    assert_eq!(build(&as_text, &o1).status.code(), Some(0));
    let run = build(&as_word, &o2);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let word_facts = facts(&o2);
    assert!(!word_facts.is_empty());
    assert_eq!(facts(&o1), word_facts, "a Word file gives the facts of the same text");
    let docs = read(&o2.join("documents.csv"));
    assert!(docs.contains(",docx,"), "{docs}");
    // the running header and footer are not body text
    let evidence = read(&o2.join("facts.csv"));
    assert!(!evidence.contains("第 1 页"));
}

#[test]
fn word_tables_with_merged_cells_are_read_as_rows() {
    let cell =
        |props: &str, t: &str| format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", paragraph(t));
    let row = |cells: &[String]| format!("<w:tr>{}</w:tr>", cells.concat());
    let table = format!(
        "<w:tbl>{}{}{}</w:tbl>",
        row(&[cell("", "指标"), cell(r#"<w:gridSpan w:val="2"/>"#, "本年")]),
        row(&[cell("", "指标"), cell("", "新增"), cell("", "累计")]),
        row(&[cell("", "行政复议"), cell("", "12"), cell("", "30")])
    );
    let body = format!(
        "{}{}{table}",
        paragraph("重庆市渝中区民政局2023年法治政府建设情况报告"),
        paragraph("全年办理行政复议案件12件。")
    );
    let dir = tempfile::tempdir().unwrap();
    write_docx(&dir.path().join("t.docx"), &body, "", "");
    let out = dir.path().join("o");
    assert_eq!(build(dir.path(), &out).status.code(), Some(0));
    let f = facts(&out);
    assert!(
        f.iter().any(|x| x.0 == "admin_reconsideration_cases" && x.1.parse::<f64>() == Ok(12.0)),
        "{f:?}"
    );
}

#[test]
fn a_page_saved_as_doc_and_a_damaged_docx_are_diagnosed_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<html><head><meta charset=\"utf-8\"></head><body><p>重庆市渝中区民政局2023年法治政府建设情况报告</p><p>全年办理行政复议案件12件。</p></body></html>";
    std::fs::write(dir.path().join("page.doc"), page).unwrap();
    std::fs::write(dir.path().join("broken.docx"), b"PK\x03\x04 not really a zip").unwrap();
    let out = dir.path().join("o");
    let run = build(dir.path(), &out);
    assert_eq!(run.status.code(), Some(1), "one input could not be used");
    let diags = read(&out.join("diagnostics.csv"));
    assert!(diags.contains("broken.docx") && diags.contains("word.corrupt"), "{diags}");
    assert!(diags.contains("page.doc") && diags.contains("ingest.renamed"), "{diags}");
    let f = facts(&out);
    assert!(
        f.iter().any(|x| x.0 == "admin_reconsideration_cases" && x.1.parse::<f64>() == Ok(12.0)),
        "{f:?}"
    );
}
