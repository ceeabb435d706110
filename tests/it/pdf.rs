//! PDFs through `yardstick build` (fixtures in tests/fixtures/pdf, made as
//! its README says): CID fonts with ToUnicode (Chromium) and a predefined
//! CMap without one (reportlab STSong) give the facts of the same report as
//! a web page or as text; a scanned PDF and a locked one are one diagnostic each.

use crate::common::*;
use std::collections::BTreeSet;
use std::path::Path;

fn fixture(name: &str) -> String {
    repo().join("tests/fixtures/pdf").join(name).display().to_string()
}

/// (indicator, value, kind, year) of every fact of a build.
fn facts(out: &Path) -> BTreeSet<(String, String, String, String)> {
    let (h, rows) = csv_rows(&out.join("facts.csv"));
    let c = |n: &str| h.iter().position(|x| x == n).unwrap();
    rows.iter()
        .map(|r| {
            let v = &r[c("value")];
            (r[c("indicator")].clone(), v.clone(), r[c("kind")].clone(), r[c("year")].clone())
        })
        .collect()
}

fn build_one(input: &str, out: &Path) -> std::process::Output {
    yardstick(&["build", input, "--out", out.to_str().unwrap()])
}

/// F1 of `got` against `want`.
fn f1(
    want: &BTreeSet<(String, String, String, String)>,
    got: &BTreeSet<(String, String, String, String)>,
) -> f64 {
    let hit = want.intersection(got).count() as f64;
    if want.is_empty() && got.is_empty() {
        return 1.0;
    }
    2.0 * hit / (want.len() + got.len()) as f64
}

#[test]
fn pdfs_give_the_facts_of_the_same_report_as_text() {
    let dir = tempfile::tempdir().unwrap();
    for (pdf, twin, at_least) in [
        ("chromium_report.pdf", "gen/chromium_report.html", 1.0),
        ("reportlab_stsong.pdf", "reportlab_stsong.txt", 1.0),
    ] {
        let (a, b) = (dir.path().join(pdf), dir.path().join(twin));
        let run = build_one(&fixture(pdf), &a);
        assert_eq!(run.status.code(), Some(0), "{pdf}: {}", String::from_utf8_lossy(&run.stderr));
        build_one(&fixture(twin), &b);
        let (from_pdf, from_text) = (facts(&a), facts(&b));
        assert!(from_text.len() >= 5, "{twin}: {from_text:?}");
        let score = f1(&from_text, &from_pdf);
        assert!(score >= at_least, "{pdf}: F1 {score:.3}\npdf {from_pdf:?}\ntext {from_text:?}");
        // running headers and page numbers are not evidence
        let evidence = read(&a.join("facts.csv"));
        assert!(!evidence.contains("- 1 -") && !evidence.contains("1/2"), "{evidence}");
    }
}

#[test]
fn scanned_and_locked_pdfs_are_one_diagnostic_each() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    for f in ["scanned.pdf", "encrypted_user.pdf", "encrypted_owner.pdf", "gbk_euc.pdf"] {
        std::fs::copy(fixture(f), input.join(f)).unwrap();
    }
    let out = dir.path().join("out");
    let run = build_one(input.to_str().unwrap(), &out);
    assert_eq!(run.status.code(), Some(1));
    let diags = read(&out.join("diagnostics.csv"));
    assert!(diags.contains("scanned.pdf") && diags.contains("no text layer: needs OCR"), "{diags}");
    assert!(diags.contains("encrypted_user.pdf") && diags.contains("pdf.encrypted"), "{diags}");
    let docs = read(&out.join("documents.csv"));
    assert!(docs.contains("encrypted_owner.pdf") && docs.contains("gbk_euc.pdf"), "{docs}");
}
