//! The partitioned dataset read by DuckDB (hive_partitioning) and pyarrow,
//! as researchers read it. Needs a Python with duckdb and pyarrow:
//! `$YARDSTICK_TEST_PYTHON` (set by .ci/run) or `python3`; otherwise SKIPPED.

use crate::common::*;
use std::process::Command;

/// A Python that imports `modules` (comma-separated).
fn python_with(modules: &str) -> Option<String> {
    let candidates = [std::env::var("YARDSTICK_TEST_PYTHON").ok(), Some("python3".into())];
    candidates.into_iter().flatten().find(|py| {
        Command::new(py)
            .args(["-c", &format!("import {modules}")])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// Build the bundled reports and run a Python check on the output folder
/// (its first argument; `args` follow); the check's output is printed.
fn build_and_check(py: &str, script: &str, args: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let o = yardstick(&["build", "reports", "--out", out]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let o = Command::new(py)
        .arg(repo().join("tests/python").join(script))
        .arg(out)
        .args(args)
        .output()
        .unwrap();
    let said =
        format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    assert!(o.status.success(), "{said}");
    eprintln!("{said}");
}

fn python_with_duckdb() -> Option<String> {
    python_with("duckdb, pyarrow")
}

#[test]
fn the_data_package_validates_and_its_csvs_open_in_pandas_duckdb_and_the_scorer() {
    let Some(py) = python_with("duckdb, pandas, frictionless") else {
        eprintln!("SKIPPED: no Python with duckdb, pandas and frictionless (set YARDSTICK_TEST_PYTHON; .ci/run makes a venv)");
        return;
    };
    let gold = repo().join("../shared/eval");
    if !gold.join("score.py").is_file() {
        eprintln!("SKIPPED: ../shared/eval (the gold scorer) is not beside the checkout");
        return;
    }
    let scorer = gold.join("score.py");
    build_and_check(&py, "check_package.py", &[scorer.to_str().unwrap(), gold.to_str().unwrap()]);
}

#[test]
fn duckdb_and_pyarrow_read_the_partitioned_dataset() {
    let Some(py) = python_with_duckdb() else {
        eprintln!("SKIPPED: no Python with duckdb and pyarrow (set YARDSTICK_TEST_PYTHON; .ci/run makes a venv)");
        return;
    };
    build_and_check(&py, "check_dataset.py", &[]);
}

#[test]
fn the_dataset_is_partitioned_by_year_and_province() {
    let dir = tempfile::tempdir().unwrap();
    let o = yardstick(&["build", "reports", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let part = dir.path().join("dataset/facts/year=2025/province=330000/part-0.parquet");
    assert!(part.is_file(), "Zhejiang's 2025 facts are not in their partition");
    assert!(dir.path().join("dataset/panel/year=2026/part-0.parquet").is_file());
    let sdmx = read(&dir.path().join("panel.sdmx.csv"));
    let sdmx = sdmx.strip_prefix('\u{feff}').expect("a CSV starts with the byte-order mark");
    assert!(sdmx.starts_with("DATAFLOW,REF_AREA,TIME_PERIOD,INDICATOR,VALUE_TYPE,OBS_VALUE,"));
    assert!(sdmx
        .lines()
        .any(|l| l.starts_with("YARDSTICK:PANEL(1.0),330000,2025,gdp_growth,A,5.5,PC,0,A,")));
    // a partition the inputs no longer give is removed by the next build
    let stale = dir.path().join("dataset/facts/year=1999/province=110000");
    std::fs::create_dir_all(&stale).unwrap();
    std::fs::write(stale.join("part-0.parquet"), b"old").unwrap();
    let o = yardstick(&["build", "reports", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(!stale.exists(), "stale partition left behind");
}
