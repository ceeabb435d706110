//! Wording as data: a user's rules file changes extraction with no code
//! change, and a scheduled run reads every report again after the rules change.

use crate::common::*;
use std::path::Path;

const REPORT: &str = "重庆市渝中区民政局关于2023年法治政府建设情况的报告\n\
    2023年，全年办理行政复议案件5件。拟新增行政诉讼案件3件。\n";

fn facts_of(out: &Path) -> Vec<String> {
    let (h, rows) = csv_rows(&out.join("facts.csv"));
    let (i, v) = (
        h.iter().position(|c| c == "indicator").unwrap(),
        h.iter().position(|c| c == "value").unwrap(),
    );
    rows.iter().map(|r| format!("{}={}", r[i], r[v])).collect()
}

#[test]
fn a_veto_in_a_user_rules_file_drops_a_fact() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("yuzhong_2023.txt");
    std::fs::write(&input, REPORT).unwrap();
    let rules = dir.path().join("my_rules.toml");
    std::fs::write(&rules, "# planned, not done\n[vetoes]\nall = [\"拟\"]\n").unwrap();
    let (plain, vetoed) = (dir.path().join("plain"), dir.path().join("vetoed"));
    let i = input.to_str().unwrap();
    let o = yardstick(&["build", i, "--out", plain.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let o = yardstick(&[
        "build",
        i,
        "--out",
        vetoed.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (before, after) = (facts_of(&plain), facts_of(&vetoed));
    assert!(before.contains(&"admin_litigation_cases=3.0".to_string()), "{before:?}");
    assert!(!after.contains(&"admin_litigation_cases=3.0".to_string()), "{after:?}");
    assert!(after.contains(&"admin_reconsideration_cases=5.0".to_string()), "{after:?}");
}

#[test]
fn a_bad_rules_file_is_fatal_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("bad.toml");
    std::fs::write(&rules, "[vetos]\nall = [\"拟\"]\n").unwrap();
    let out = dir.path().join("out");
    let o = yardstick(&[
        "build",
        "reports/000_b30996e4b54360d5.txt",
        "--out",
        out.to_str().unwrap(),
        "--rules",
        rules.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(said.contains("bad.toml") && said.contains("vetos"), "{said}");
}

#[test]
fn a_rules_change_makes_a_run_read_every_report_again() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    std::fs::write(inbox.join("yuzhong_2023.txt"), REPORT).unwrap();
    std::fs::copy(reports().join("000_b30996e4b54360d5.txt"), inbox.join("liaoning.txt")).unwrap();
    let rules = dir.path().join("rules.toml");
    std::fs::write(&rules, "[vetoes]\nall = []\n").unwrap();
    let job = dir.path().join("job.toml");
    std::fs::write(
        &job,
        format!(
            "inputs = [\"inbox\"]\noutput = \"out\"\nrules = \"rules.toml\"\ndatasets = \"{}\"\n",
            repo().join("datasets").display()
        ),
    )
    .unwrap();
    let run = || {
        let o = yardstick(&["run", job.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stderr).into_owned()
    };
    assert!(run().contains("2 extracted, 0 unchanged"));
    assert!(run().contains("0 extracted, 2 unchanged"));
    std::fs::write(&rules, "[vetoes]\nall = [\"拟\"]\n").unwrap();
    assert!(run().contains("2 extracted, 0 unchanged"), "a rules change re-extracts");
    assert!(!facts_of(&dir.path().join("out")).contains(&"admin_litigation_cases=3.0".to_string()));
}
