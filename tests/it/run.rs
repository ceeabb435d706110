//! `yardstick run job.toml`: first and second run, an edited report, a killed
//! run, two runs at once, and the HTML report in headless Chromium.

use crate::common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

/// A job over a copy of the sample reports (plus `extra` generated ones) in a temp folder.
fn job_folder(extra: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    let mut seeds = Vec::new();
    for e in std::fs::read_dir(reports()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt") {
            seeds.push(std::fs::read_to_string(&p).unwrap());
            std::fs::copy(&p, inbox.join(p.file_name().unwrap())).unwrap();
        }
    }
    for i in 0..extra {
        let text = seeds[i % seeds.len()].replace('5', &((i % 9) + 1).to_string());
        std::fs::write(inbox.join(format!("gen_{i:04}.txt")), text).unwrap();
    }
    let job = dir.path().join("job.toml");
    std::fs::write(
        &job,
        format!(
            "title = \"test run\"\ninputs = [\"inbox\"]\noutput = \"out\"\ndatasets = \"{}\"\n[population]\nper = 10000\n\
             [[chart]]\nindicator = \"petitions\"\nlevel = \"county\"\nout = \"petitions.svg\"\n\
             [[compare]]\nindicator = \"petitions\"\nlevel = \"county\"\nfocus = \"渝中区\"\n",
            repo().join("datasets").display()
        ),
    )
    .unwrap();
    (dir, job)
}

fn run(job: &Path, extra_args: &[&str]) -> std::process::Output {
    let mut args = vec!["run", job.to_str().unwrap()];
    args.extend_from_slice(extra_args);
    yardstick(&args)
}

fn mtimes(dir: &Path) -> Vec<(PathBuf, SystemTime)> {
    let mut out: Vec<(PathBuf, SystemTime)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| {
            e.file_type().is_file() && !e.path().to_string_lossy().contains(".yardstick.lock")
        })
        .map(|e| (e.path().to_path_buf(), e.metadata().unwrap().modified().unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn first_run_writes_everything_and_second_run_rewrites_nothing() {
    let (dir, job) = job_folder(0);
    let o = run(&job, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = dir.path().join("out");
    for f in [
        "documents.csv",
        "facts.csv",
        "panel.csv",
        "diagnostics.csv",
        "manifest.json",
        "datapackage.json",
        "index.html",
        "charts/petitions.svg",
    ] {
        assert!(out.join(f).is_file(), "{f}");
    }
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(log.contains("5 extracted, 0 unchanged"), "{log}");
    // the manifest lists inputs and outputs with hashes and the versions
    let m: serde_json::Value = serde_json::from_str(&read(&out.join("manifest.json"))).unwrap();
    assert_eq!(m["inputs"].as_array().unwrap().len(), 5);
    assert!(m["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["path"] == "facts.csv" && o["blake3"].as_str().unwrap().len() == 64));
    assert!(m["catalogs"]["civil_affairs"].is_string() && m["engine_version"].is_string());
    // the data package names every column of facts.csv, with types
    let dp: serde_json::Value = serde_json::from_str(&read(&out.join("datapackage.json"))).unwrap();
    let facts = dp["resources"].as_array().unwrap().iter().find(|r| r["name"] == "facts").unwrap();
    let (header, _) = csv_rows(&out.join("facts.csv"));
    let fields: Vec<&str> = facts["schema"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(fields, header.iter().map(String::as_str).collect::<Vec<_>>());

    let before = mtimes(&out);
    std::thread::sleep(Duration::from_millis(20));
    let o = run(&job, &[]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stderr).contains("0 extracted, 5 unchanged"));
    assert_eq!(before, mtimes(&out), "an unchanged run rewrites nothing");
}

#[test]
fn an_edited_report_is_the_only_one_extracted_again() {
    let (dir, job) = job_folder(0);
    assert_eq!(run(&job, &[]).status.code(), Some(0));
    let edited = dir.path().join("inbox/004_fae492f318547c6d.txt");
    let text = read(&edited).replace("32件", "33件");
    std::fs::write(&edited, text).unwrap();
    let o = run(&job, &[]);
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(log.contains("1 extracted, 4 unchanged"), "{log}");
    let (h, facts) = csv_rows(&dir.path().join("out/facts.csv"));
    let c = |n: &str| h.iter().position(|x| x == n).unwrap();
    assert!(facts.iter().any(|r| r[c("source")].contains("004_")
        && r[c("indicator")] == "petitions"
        && r[c("value")] == "33.0"));
    // a removed report drops out; --full extracts everything again
    std::fs::remove_file(dir.path().join("inbox/003_e1b8c651345cc95b.txt")).unwrap();
    let o = run(&job, &["--full"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("4 extracted, 0 unchanged"));
    let (_, docs) = csv_rows(&dir.path().join("out/documents.csv"));
    assert_eq!(docs.len(), 4);
}

#[test]
fn a_killed_run_leaves_complete_outputs() {
    let (dir, job) = job_folder(600);
    assert_eq!(run(&job, &[]).status.code(), Some(0));
    let out = dir.path().join("out");
    // change every input so the next run rewrites every table, then kill it at several moments
    for delay in [5u64, 40, 120, 300] {
        for e in std::fs::read_dir(dir.path().join("inbox")).unwrap() {
            let p = e.unwrap().path();
            let t = read(&p);
            std::fs::write(&p, format!("{t}\n全年办理行政复议{delay}件。")).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_yardstick"))
            .args(["run", job.to_str().unwrap(), "--full", "--quiet"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        // every output is a complete file: the tables parse, the JSON parses
        for f in ["documents.csv", "facts.csv", "panel_long.csv", "diagnostics.csv"] {
            let mut r = csv::Reader::from_path(out.join(f)).unwrap();
            let width = r.headers().unwrap().len();
            for rec in r.records() {
                assert_eq!(rec.unwrap().len(), width, "{f} after a kill at {delay} ms");
            }
        }
        serde_json::from_str::<serde_json::Value>(&read(&out.join("manifest.json"))).unwrap();
        assert!(read(&out.join("index.html")).trim_end().ends_with("</html>"));
    }
    // the next run completes and leaves no temporary files behind
    assert_eq!(run(&job, &["--quiet"]).status.code(), Some(0));
    let leftovers: Vec<_> = walkdir::WalkDir::new(&out)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn two_runs_at_once_one_is_refused() {
    let (dir, job) = job_folder(0);
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    // hold the lock as a running job would
    let lock = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(out.join(".yardstick.lock"))
        .unwrap();
    lock.lock().unwrap();
    let o = run(&job, &[]);
    assert_eq!(o.status.code(), Some(3), "busy exit code");
    assert!(String::from_utf8_lossy(&o.stderr).contains("another yardstick run"));
    assert!(!out.join("facts.csv").exists(), "the refused run wrote nothing");
    drop(lock);
    assert_eq!(run(&job, &[]).status.code(), Some(0));
}

#[test]
fn bad_job_files_are_fatal_with_the_key_named() {
    let dir = tempfile::tempdir().unwrap();
    let job = dir.path().join("job.toml");
    std::fs::write(&job, "inputs = [\"x\"]\noutput = \"out\"\nouptut_format = \"csv\"\n").unwrap();
    let o = run(&job, &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("ouptut_format") && err.contains("line 3"), "{err}");
}

/// Debian's Chromium, when installed (the CI script installs it where it can).
fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
}

#[test]
fn report_page_renders_charts_and_opens_a_value_to_its_sentence() {
    let (dir, job) = job_folder(0);
    assert_eq!(run(&job, &[]).status.code(), Some(0));
    let page = dir.path().join("out/index.html");
    let html = read(&page);
    assert!(
        html.starts_with("<!DOCTYPE html>")
            && html.contains("data-src=\"charts/petitions.svg\"><svg")
    );
    assert!(html.contains("<details class=\"value\">"));
    let Some(browser) = chromium() else {
        eprintln!("SKIPPED: chromium is not installed; the report page was checked as text only");
        return;
    };
    let url = format!("file://{}#open-first", page.display());
    let o = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",
            "--virtual-time-budget=3000",
            "--dump-dom",
            &url,
        ])
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&o.stdout);
    assert!(
        dom.contains("<details class=\"value\" open=\"\">"),
        "the first value opened on click:\n{}",
        &dom[..dom.len().min(2000)]
    );
    assert!(dom.contains("信访"), "its source sentence is on the page");
    assert!(dom.contains("<svg"), "the chart is in the page");
    // a screenshot for people to look at
    let shot = dir.path().join("report.png");
    let _ = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--allow-file-access-from-files",
            "--window-size=1200,1600",
            &format!("--screenshot={}", shot.display()),
            &url,
        ])
        .output();
    assert!(
        std::fs::metadata(&shot).map(|m| m.len() > 10_000).unwrap_or(false),
        "screenshot written"
    );
    if let Ok(keep) = std::env::var("YARDSTICK_KEEP_SCREENSHOT") {
        let _ = std::fs::copy(&shot, keep);
    }
}

#[test]
fn the_sample_job_compares_a_peer_group() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&reports(), &dir.path().join("reports"));
    let o = run(&dir.path().join("reports/job.toml"), &["--quiet"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&dir.path().join("out/index.html"));
    let charts = html.matches("<figure class=\"chart\"").count();
    assert!(charts >= 3, "{charts} charts on the page");
    let first_chart = html.find("<figure class=\"chart\"").unwrap();
    assert!(first_chart < html.find("<h2>Facts</h2>").unwrap(), "the page opens on its charts");
    // the ranked table of the provinces' 2025 GDP growth
    let table = html.split("<h2>地区生产总值增速 2025").nth(1).expect("GDP growth ranking");
    let rows = table.split("</table>").next().unwrap().matches("<tr").count() - 1;
    assert!(rows >= 10, "{rows} regions ranked");
    for chart in ["gdp_growth_2025.svg", "gdp_growth_target_2026.svg", "provinces_2025.svg"] {
        let svg = read(&dir.path().join("out/charts").join(chart));
        assert!(svg.matches("<rect").count() > 10, "{chart} compares regions");
    }
    let png = std::fs::read(dir.path().join("out/charts/gdp_per10k_2025.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
}
