//! A hostile batch: a few hundred mutated texts, pages, CSVs, workbooks
//! (xlsx, xls, ods) and Word files, with the sample reports among them. The
//! build completes (exit 0 or 1), nothing panics, every input is either read
//! (documents.csv) or named in diagnostics.csv, and the samples' facts are
//! the facts they give alone.

use crate::common::*;
use crate::formats::{page_html, paragraph, table_csv, write_docx, write_xlsx};
use crate::mutate::{mutate_file, Rng};
use std::collections::BTreeSet;
use std::path::Path;

/// One pristine file of every format, named by its extension.
fn seeds(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let text = read(&reports().join("004_fae492f318547c6d.txt"));
    let body: String = text.lines().map(paragraph).collect();
    write_docx(&dir.join("seed.docx"), &body, "渝中区民政局", "第 1 页");
    write_xlsx(&dir.join("seed.xlsx"));
    let fixtures = repo().join("tests/fixtures/sheets");
    let mut out = vec![
        ("txt".to_string(), text.into_bytes()),
        ("html".to_string(), page_html().into_bytes()),
        ("csv".to_string(), table_csv().into_bytes()),
        ("docx".to_string(), std::fs::read(dir.join("seed.docx")).unwrap()),
        ("xlsx".to_string(), std::fs::read(dir.join("seed.xlsx")).unwrap()),
        ("xls".to_string(), std::fs::read(fixtures.join("jiangsu_2023.xls")).unwrap()),
        ("ods".to_string(), std::fs::read(fixtures.join("guangdong_2022.ods")).unwrap()),
    ];
    out.sort();
    out
}

/// Copy the sample reports (text) into `dir`.
fn copy_samples(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for e in std::fs::read_dir(reports()).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
        }
    }
}

/// Build `batch` into `out`: it completes (exit 0 or 1), nothing panics, and
/// every input is read or named in diagnostics.csv. Returns the diagnostics.
fn build_accounting_for_every_input(batch: &Path, out: &Path) -> String {
    let run = yardstick(&["build", batch.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(matches!(run.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&run.stderr));
    let diags = read(&out.join("diagnostics.csv"));
    assert!(!diags.contains("internal.panic"), "a stage panicked:\n{diags}");
    let seen: BTreeSet<String> = sources(&out.join("documents.csv"))
        .union(&sources(&out.join("diagnostics.csv")))
        .cloned()
        .collect();
    for e in walk(batch) {
        assert!(seen.contains(&e), "{e} is neither read nor diagnosed");
    }
    diags
}

/// Sources named in a CSV's `source` column.
fn sources(path: &Path) -> BTreeSet<String> {
    let (h, rows) = csv_rows(path);
    let c = h.iter().position(|x| x == "source").unwrap();
    rows.iter().map(|r| r[c].clone()).collect()
}

#[test]
fn a_hostile_batch_completes_and_accounts_for_every_input() {
    let work = tempfile::tempdir().unwrap();
    let batch = work.path().join("batch");
    std::fs::create_dir_all(&batch).unwrap();
    let mut rng = Rng(0x5eed_2026);
    for (ext, bytes) in seeds(work.path()) {
        for i in 0..40 {
            let name = batch.join(format!("m{i:03}.{ext}"));
            std::fs::write(name, mutate_file(&ext, &bytes, &mut rng)).unwrap();
        }
    }
    let samples = batch.join("samples");
    copy_samples(&samples);
    let out = work.path().join("out");
    build_accounting_for_every_input(&batch, &out);
    // the samples' facts are intact
    let alone = work.path().join("alone");
    yardstick(&["build", samples.to_str().unwrap(), "--out", alone.to_str().unwrap()]);
    let facts = |dir: &Path| -> BTreeSet<String> {
        let text = read(&dir.join("facts.csv"));
        text.lines().filter(|l| l.contains("samples")).map(String::from).collect()
    };
    assert_eq!(facts(&alone), facts(&out));
}

fn walk(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path().display().to_string());
        }
    }
    out
}

/// The engine's own hostile corpus (`tests/support/hostile_corpus.rs`): every
/// kind of input that makes a stage's output outgrow its input. The batch
/// completes, nothing panics, every file is read or named, caps are said
/// (`ingest.capped`), and the seeds among them give their facts.
#[test]
fn a_corpus_built_to_outgrow_every_stage_completes() {
    use crate::hostile_corpus::{corpus, zip_bombs};
    let work = tempfile::tempdir().unwrap();
    let batch = work.path().join("batch");
    std::fs::create_dir_all(&batch).unwrap();
    let pdf_dir = repo().join("tests/fixtures/pdf");
    let pdfs: Vec<Vec<u8>> = ["chromium_report.pdf", "gbk_euc.pdf", "reportlab_stsong.pdf"]
        .iter()
        .map(|n| std::fs::read(pdf_dir.join(n)).unwrap())
        .collect();
    let mut rng = Rng(0x0b0d_2026);
    let mut files = zip_bombs(300 << 20);
    for v in 0..3 {
        files.extend(corpus(&mut rng, v, 1, &pdfs));
    }
    for (name, bytes) in &files {
        std::fs::write(batch.join(name), bytes).unwrap();
    }
    copy_samples(&batch);
    let out = work.path().join("out");
    let diags = build_accounting_for_every_input(&batch, &out);
    assert!(diags.contains("ingest.capped"), "no cap was said:\n{diags}");
    let facts = read(&out.join("facts.csv"));
    assert!(facts.lines().filter(|l| l.contains("004_fae492f318547c6d")).count() > 5);
}
