//! `yardstick compare` on a build of the dev corpus's provincial work reports.

use crate::common::*;
use std::path::PathBuf;

fn dev_corpus() -> Option<PathBuf> {
    let p = repo().join("../shared/eval/dev/corpus");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("SKIPPED: ../shared/eval/dev/corpus is not beside the repo");
        None
    }
}

#[test]
fn provinces_gdp_targets_ranked_with_marks() {
    let Some(corpus) = dev_corpus() else { return };
    let dir = tempfile::tempdir().unwrap();
    let build = dir.path().join("build");
    let o = yardstick(&["build", corpus.to_str().unwrap(), "--out", build.to_str().unwrap()]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", String::from_utf8_lossy(&o.stderr));
    let o = yardstick(&[
        "compare",
        build.to_str().unwrap(),
        "--indicator",
        "gdp_growth",
        "--year",
        "2026",
        "--focus",
        "河北",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["kind"], "target");
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 15, "15 provincial targets");
    assert!(rows.iter().all(|r| r["level"] == "province"));
    // ranks ascend, marks kept
    let ranks: Vec<u64> = rows.iter().map(|r| r["rank"].as_u64().unwrap()).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
    assert!(
        rows.iter().any(|r| r["qualifier"] == "at_least")
            && rows.iter().any(|r| r["qualifier"] == "approx")
    );
    let hebei = rows.iter().find(|r| r["is_focus"] == true).expect("focus row");
    assert_eq!(hebei["region_code"], "130000");
    assert!(hebei["note"].as_str().unwrap().starts_with("lower bound"));
    // CSV and Parquet written beside the build
    assert!(build.join("compare/gdp_growth_2026_target.csv").is_file());
    assert!(build.join("compare/gdp_growth_2026_target.parquet").is_file());
    // the terminal table
    let o = yardstick(&[
        "compare",
        build.to_str().unwrap(),
        "--indicator",
        "gdp_growth",
        "--year",
        "2026",
    ]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("海南省") && text.contains("≈6.00"), "{text}");
}

#[test]
fn per_10k_on_the_sample_reports() {
    let dir = tempfile::tempdir().unwrap();
    let build = dir.path().join("b");
    yardstick(&["build", "reports", "--out", build.to_str().unwrap()]);
    let o = yardstick(&[
        "compare",
        build.to_str().unwrap(),
        "--indicator",
        "petitions",
        "--year",
        "2023",
        "--level",
        "county",
        "--per",
        "10000",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let r = &v["rows"][0];
    assert_eq!(r["region_code"], "500103");
    assert_eq!(r["population_year"], 2020);
    let expect = r["value"].as_f64().unwrap() / 588_717.0 * 10_000.0;
    assert!((r["measure"].as_f64().unwrap() - expect).abs() < 1e-9);
    assert_eq!(r["measure_unit"], "件/万人");
}

#[test]
fn unknown_indicator_is_a_fatal_error() {
    let dir = tempfile::tempdir().unwrap();
    let build = dir.path().join("b");
    yardstick(&["build", "reports", "--out", build.to_str().unwrap()]);
    let o =
        yardstick(&["compare", build.to_str().unwrap(), "--indicator", "nope", "--year", "2022"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn series_with_year_over_year_and_index() {
    // two reports of one region in different years form one series
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("in");
    std::fs::create_dir_all(&inbox).unwrap();
    std::fs::write(
        inbox.join("a.txt"),
        "重庆市渝中区民政局2022年法治政府建设情况报告\n全年办理信访事项40件。\n",
    )
    .unwrap();
    std::fs::write(
        inbox.join("b.txt"),
        "重庆市渝中区民政局2023年法治政府建设情况报告\n全年办理信访事项50件。\n",
    )
    .unwrap();
    let build = dir.path().join("b");
    yardstick(&["build", inbox.to_str().unwrap(), "--out", build.to_str().unwrap()]);
    let o = yardstick(&[
        "compare",
        build.to_str().unwrap(),
        "--indicator",
        "petitions",
        "--year",
        "2023",
        "--base-year",
        "2022",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["rows"][0]["yoy_growth"], 25.0);
    let (h, rows) = csv_rows(&build.join("compare/petitions_2023_actual_series.csv"));
    let c = |n: &str| h.iter().position(|x| x == n).unwrap();
    let y2023 = rows.iter().find(|r| r[c("year")] == "2023").unwrap();
    assert_eq!(
        (
            y2023[c("yoy_change")].as_str(),
            y2023[c("yoy_growth")].as_str(),
            y2023[c("index")].as_str()
        ),
        ("10.0", "25.0", "125.0")
    );
}

#[test]
fn a_closed_pipe_is_not_a_failure_and_a_missing_datasets_folder_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let build = dir.path().join("b");
    yardstick(&["build", "reports", "--out", build.to_str().unwrap()]);
    // `yardstick compare … | head -1` with the reader gone before the first line
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_yardstick"))
        .args(["compare", build.to_str().unwrap(), "--indicator", "admin_reconsideration_cases"])
        .current_dir(repo())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    assert_eq!(child.wait().unwrap().code(), Some(0));
    let o = yardstick(&[
        "build",
        "reports",
        "--out",
        build.to_str().unwrap(),
        "--datasets",
        "/no/such/datasets",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no datasets folder") && err.contains("caused by"), "{err}");
}

#[test]
fn quantities_prints_every_numeral_of_each_line_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("lines.txt");
    std::fs::write(&input, "一亿一千万\n城镇新增就业110万人以上\n没有数字\n").unwrap();
    let o = yardstick(&["quantities", input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["quantities"][0]["value"], 110_000_000.0);
    let q = &lines[1]["quantities"][0];
    assert_eq!((q["value"].as_f64(), q["unit"].as_str()), (Some(1_100_000.0), Some("人")));
    assert_eq!(q["qualifier"], "at_least");
    assert!(lines[2]["quantities"].as_array().unwrap().is_empty());
}
