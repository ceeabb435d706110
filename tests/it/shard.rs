//! Sharded builds: `--shard 1/2` + `--shard 2/2` + `merge` give the same
//! tables, byte for byte, as one build of all inputs.

use crate::common::*;
use crate::corpus;
use std::path::Path;

fn run_ok(args: &[&str]) {
    let o = yardstick(args);
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn dataset_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir.join("dataset"))
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn two_shards_merged_equal_one_build() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus_dir = tmp.path().join("corpus");
    std::fs::create_dir(&corpus_dir).unwrap();
    corpus::write_corpus(&corpus_dir, 3000, &repo());
    // a report that names no region and a non-report stay accounted for
    std::fs::write(corpus_dir.join("zz_empty.txt"), "").unwrap();
    let c = corpus_dir.to_str().unwrap();
    let path = |name: &str| tmp.path().join(name).to_str().unwrap().to_string();
    let (all, s1, s2, merged) = (path("all"), path("s1"), path("s2"), path("merged"));
    run_ok(&["build", c, "--out", &all]);
    run_ok(&["build", c, "--out", &s1, "--shard", "1/2"]);
    run_ok(&["build", c, "--out", &s2, "--shard", "2/2"]);
    let docs = |d: &str| csv_rows(&Path::new(d).join("documents.csv")).1.len();
    assert_eq!(docs(&s1) + docs(&s2), docs(&all));
    assert!(
        docs(&s1) > 1000 && docs(&s2) > 1000,
        "shards are uneven: {} / {}",
        docs(&s1),
        docs(&s2)
    );
    run_ok(&["merge", &s1, &s2, "--out", &merged]);
    for t in yardstick::pipeline::OUTPUT_FILES {
        let a = std::fs::read(Path::new(&all).join(t)).unwrap();
        let m = std::fs::read(Path::new(&merged).join(t)).unwrap();
        assert!(a == m, "{t} differs between one build and the merged shards");
    }
    assert!(
        dataset_files(Path::new(&all)) == dataset_files(Path::new(&merged)),
        "dataset/ differs"
    );
}

#[test]
fn a_bad_shard_is_refused_with_its_reason() {
    let o = yardstick(&["build", "reports", "--out", "/tmp/never", "--shard", "3/2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("K/N"));
    let tmp = tempfile::tempdir().unwrap();
    let o = yardstick(&["merge", tmp.path().to_str().unwrap(), "--out", "/tmp/never"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a build output"));
}
