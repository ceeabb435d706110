//! `yardstick build` on the bundled reports and on bad input.

use crate::common::*;
use std::path::Path;

fn build(inputs: &[&str], out: &Path) -> std::process::Output {
    let mut args = vec!["build"];
    args.extend_from_slice(inputs);
    let out_s = out.to_str().unwrap();
    args.extend_from_slice(&["--out", out_s]);
    yardstick(&args)
}

#[test]
fn sample_reports_build_to_traceable_facts() {
    let dir = tempfile::tempdir().unwrap();
    let o = build(&["reports"], dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    for f in [
        "documents.csv",
        "facts.csv",
        "facts.parquet",
        "panel.csv",
        "panel_long.csv",
        "panel.parquet",
        "diagnostics.csv",
        "periods.csv",
    ] {
        assert!(dir.path().join(f).is_file(), "{f} missing");
    }
    let (h, docs) = csv_rows(&dir.path().join("documents.csv"));
    for col in [
        "source",
        "issuer",
        "region_code",
        "region_name",
        "level",
        "report_year",
        "published",
        "doc_type",
    ] {
        assert!(h.contains(&col.to_string()), "documents.csv lacks {col}");
    }
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let by_name = |part: &str| {
        docs.iter()
            .find(|r| r[col("source")].contains(part))
            .unwrap_or_else(|| panic!("no doc {part}"))
    };
    // every sample report pinned to its region, year and kind
    let expect = [
        ("000_", "210000", "2023", "rule_of_law_report"),
        ("001_", "320400", "2022", "rule_of_law_report"),
        ("002_", "450000", "2022", "plan"),
        ("003_", "440881", "2024", "rule_of_law_report"),
        ("004_", "500103", "2023", "rule_of_law_report"),
    ];
    for (part, code, year, kind) in expect {
        let d = by_name(part);
        assert_eq!(
            (
                d[col("region_code")].as_str(),
                d[col("report_year")].as_str(),
                d[col("doc_type")].as_str()
            ),
            (code, year, kind),
            "{part}"
        );
    }
    let (h, facts) = csv_rows(&dir.path().join("facts.csv"));
    for c in [
        "source",
        "region_code",
        "indicator",
        "value",
        "unit",
        "qualifier",
        "kind",
        "year",
        "evidence",
        "rule",
        "span_start",
        "span_end",
    ] {
        assert!(h.contains(&c.to_string()), "facts.csv lacks {c}");
    }
    let fc = |name: &str| h.iter().position(|c| c == name).unwrap();
    // the plan yields no facts; every fact has its sentence and rule
    assert!(!facts.iter().any(|r| r[fc("source")].contains("002_")));
    assert!(facts.iter().all(|r| !r[fc("evidence")].is_empty() && !r[fc("rule")].is_empty()));
    // Yuzhong: 信访32件, with its sentence
    let f = facts
        .iter()
        .find(|r| r[fc("source")].contains("004_") && r[fc("indicator")] == "petitions")
        .expect("Yuzhong petitions");
    assert_eq!(f[fc("value")], "32.0");
    assert!(f[fc("evidence")].contains("信访"));
    // the evidence span points at the value in the original text
    let src = read(&repo().join(&f[fc("source")]));
    let (s, e): (usize, usize) =
        (f[fc("span_start")].parse().unwrap(), f[fc("span_end")].parse().unwrap());
    let span: String = src.chars().skip(s).take(e - s).collect();
    assert!(span.contains("32"), "span {s}..{e} is {span:?}");
}

#[test]
fn same_input_gives_byte_identical_output() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    assert_eq!(build(&["reports"], a.path()).status.code(), Some(0));
    assert_eq!(build(&["reports"], b.path()).status.code(), Some(0));
    for f in yardstick::pipeline::OUTPUT_FILES {
        assert_eq!(
            std::fs::read(a.path().join(f)).unwrap(),
            std::fs::read(b.path().join(f)).unwrap(),
            "{f} differs"
        );
    }
}

#[test]
fn bad_inputs_are_diagnosed_and_the_batch_completes() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let d = input.path();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    std::fs::write(
        d.join("binary.txt"),
        (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<u8>>(),
    )
    .unwrap();
    // GBK text cut in the middle of a two-byte character
    let (gbk, _, _) = encoding_rs::GBK
        .encode("重庆市渝中区民政局2023年法治政府建设情况报告。全年办理行政复议5件。");
    std::fs::write(d.join("truncated_gbk.txt"), &gbk[..gbk.len() - 1]).unwrap();
    std::fs::write(d.join("repeated.txt"), "啊".repeat(10 * 1024 * 1024 / 3)).unwrap();
    for entry in std::fs::read_dir(reports()).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt" || x == "html") {
            std::fs::copy(&p, d.join(p.file_name().unwrap())).unwrap();
        }
    }
    let o = build(&[d.to_str().unwrap()], out.path());
    assert_eq!(
        o.status.code(),
        Some(1),
        "some inputs failed: exit 1\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let (h, diags) = csv_rows(&out.path().join("diagnostics.csv"));
    let (src, sev) = (
        h.iter().position(|c| c == "source").unwrap(),
        h.iter().position(|c| c == "severity").unwrap(),
    );
    for bad in ["empty.txt", "binary.txt", "repeated.txt"] {
        let n = diags.iter().filter(|r| r[src].ends_with(bad) && r[sev] == "error").count();
        assert_eq!(n, 1, "{bad}: one error diagnostic, got {n}");
    }
    // the truncated GBK file is still read (its last character lost, with a warning)
    assert!(
        diags.iter().any(|r| r[src].ends_with("truncated_gbk.txt")),
        "truncated file diagnosed"
    );
    // the good reports' facts are all there
    let good = tempfile::tempdir().unwrap();
    build(&["reports"], good.path());
    let count = |dir: &Path, part: &str| {
        csv_rows(&dir.join("facts.csv")).1.iter().filter(|r| r[0].contains(part)).count()
    };
    for part in ["000_", "001_", "003_", "004_"] {
        assert_eq!(count(out.path(), part), count(good.path(), part), "{part}");
    }
}

#[test]
fn discover_lists_uncovered_phrases_with_examples() {
    let o = yardstick(&["discover", "reports", "--top", "5"]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].contains("phrase") && lines[0].contains("example"));
    assert_eq!(lines.len(), 6, "{text}");
}

#[test]
fn corrections_are_applied_and_marked() {
    let dir = tempfile::tempdir().unwrap();
    let corr = dir.path().join("corrections.csv");
    std::fs::write(
        &corr,
        "action,source,indicator,year,kind,value,qualifier,note\noverride,004_fae492f318547c6d.txt,petitions,,,33,exact,checked against the annex\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = yardstick(&[
        "build",
        "reports",
        "--out",
        out.to_str().unwrap(),
        "--corrections",
        corr.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (h, facts) = csv_rows(&out.join("facts.csv"));
    let c = |n: &str| h.iter().position(|x| x == n).unwrap();
    let f = facts
        .iter()
        .find(|r| r[c("source")].contains("004_") && r[c("indicator")] == "petitions")
        .unwrap();
    assert_eq!((f[c("value")].as_str(), f[c("rule")].as_str()), ("33.0", "correction.override"));
    assert!(f[c("origin")].contains("checked against the annex"));
}

#[test]
fn a_work_report_missing_core_targets_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("gwr.txt");
    std::fs::write(
        &input,
        "2026年辽宁省政府工作报告\n各位代表：\n二、2026年主要预期目标\n地区生产总值增长5%左右。\n",
    )
    .unwrap();
    let out = dir.path().join("o");
    assert_eq!(build(&[input.to_str().unwrap()], &out).status.code(), Some(0));
    let (h, docs) = csv_rows(&out.join("documents.csv"));
    let c = h.iter().position(|x| x == "coverage").unwrap();
    assert_eq!(docs[0][c], "1/6");
    let diags = read(&out.join("diagnostics.csv"));
    let line = diags.lines().find(|l| l.contains("coverage.missing")).expect("a coverage line");
    assert!(line.contains("cpi_growth (target 2026)") && line.contains("gdp_growth (actual 2025)"));
}
