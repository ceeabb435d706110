//! The vocabulary is data read at start-up: editing any word list under the
//! datasets folder changes what a run extracts and invalidates its cache, with
//! no rebuild.

use crate::common::*;
use std::path::Path;

/// A job over the sample reports whose datasets folder is a copy in the temp dir.
fn job_with_own_datasets(dir: &Path) -> std::path::PathBuf {
    copy_tree(&repo().join("datasets"), &dir.join("datasets"));
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).unwrap();
    for e in std::fs::read_dir(reports()).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            std::fs::copy(e.path(), inbox.join(e.file_name())).unwrap();
        }
    }
    let job = dir.join("job.toml");
    std::fs::write(&job, "inputs = [\"inbox\"]\noutput = \"out\"\ndatasets = \"datasets\"\n")
        .unwrap();
    job
}

fn run_log(job: &Path) -> String {
    let o = yardstick(&["run", job.to_str().unwrap()]);
    let log = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(0), "{log}");
    log
}

fn petitions(dir: &Path) -> usize {
    let (h, rows) = csv_rows(&dir.join("out/facts.csv"));
    let c = h.iter().position(|x| x == "indicator").unwrap();
    rows.iter().filter(|r| r[c] == "petitions").count()
}

#[test]
fn editing_any_word_list_reextracts_without_a_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let job = job_with_own_datasets(dir.path());
    assert!(run_log(&job).contains("5 extracted, 0 unchanged"));
    assert!(run_log(&job).contains("0 extracted, 5 unchanged"));
    let petitions_before = petitions(dir.path());
    assert!(petitions_before > 0);
    // every word list: an edit invalidates the cache
    for rel in yardstick::pipeline::VOCABULARY_FILES {
        let path = dir.path().join("datasets").join(rel);
        let text = read(&path) + "\n# edited\n";
        std::fs::write(&path, text).unwrap();
        assert!(run_log(&job).contains("5 extracted, 0 unchanged"), "{rel}");
    }
    // a unit made a date: numbers in it are no values any more
    let units = dir.path().join("datasets/rules/units.toml");
    let text = read(&units)
        .replace("name = \"件\"\nfamily = \"count\"", "name = \"件\"\nfamily = \"date\"");
    std::fs::write(&units, text).unwrap();
    assert!(run_log(&job).contains("5 extracted, 0 unchanged"));
    assert!(petitions(dir.path()) < petitions_before, "facts in 件 are gone");
    // a veto word added to the wording: its sentences give nothing
    let wording = dir.path().join("datasets/rules/wording.toml");
    let text = read(&wording).replacen("\nall = [", "\nall = [\"信访\", ", 1);
    std::fs::write(&wording, text).unwrap();
    assert!(run_log(&job).contains("5 extracted, 0 unchanged"));
    // a broken list is a clear error naming the file, not a fallback
    std::fs::write(dir.path().join("datasets/sheets/layout_words.toml"), "region_head = []\n")
        .unwrap();
    let o = yardstick(&["run", job.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_ne!(o.status.code(), Some(0));
    assert!(err.contains("layout_words.toml"), "{err}");
}
