//! The shape of the code, checked like behaviour: the stages import only
//! downwards (no circle between top-level modules), clap stays in the
//! binary, and no source file grows past 400 lines.

use super::common::repo;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level library module a file under src/ belongs to (None: the binary).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next()?.as_os_str().to_string_lossy().into_owned();
    let name = first.trim_end_matches(".rs").to_string();
    (!matches!(name.as_str(), "main" | "cli" | "lib")).then_some(name)
}

/// Top-level module → the top-level modules it names through `crate::`.
fn import_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let Some(module) = module_of(&src, &f) else { continue };
        let text = std::fs::read_to_string(&f).unwrap();
        let deps = graph.entry(module.clone()).or_default();
        for (i, _) in text.match_indices("crate::") {
            let name: String = text[i + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != module {
                deps.insert(name);
            }
        }
    }
    graph
}

/// A circle in the graph, if any (depth-first search).
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            return Some(path[i..].to_vec());
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for d in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(d, g, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn stages_import_only_downwards() {
    let graph = import_graph();
    assert!(graph.contains_key("pipeline") && graph.contains_key("ingest"), "{graph:?}");
    assert_eq!(find_cycle(&graph), None, "import circle between top-level modules: {graph:#?}");
    // the early stages know nothing of the later ones
    for (stage, later) in [
        ("ingest", &["locate", "extract", "frame", "pipeline", "job"][..]),
        ("locate", &["extract", "frame", "pipeline", "job"][..]),
        ("extract", &["frame", "pipeline", "job", "normalise", "chart"][..]),
        ("frame", &["pipeline", "job", "normalise", "chart"][..]),
    ] {
        for l in later {
            assert!(!graph[stage].contains(*l), "{stage} imports {l}");
        }
    }
}

#[test]
fn clap_only_in_the_binary_and_files_stay_short() {
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let lines = text.lines().count();
        assert!(lines <= 400, "{} has {lines} lines (limit 400)", f.display());
        if module_of(&src, f).is_some() {
            assert!(!text.contains("clap::"), "{} uses clap outside the binary", f.display());
        }
    }
}

#[test]
fn every_diagnostic_code_is_documented_in_the_readme() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    for code in yardstick::diag::Code::ALL {
        assert!(readme.contains(&format!("`{}`", code.as_str())), "README lacks {code}");
    }
}
