//! The shape of the code, checked like behaviour: the stages import only
//! downwards (no circle between top-level modules, none inside any folder),
//! clap stays in the binary, no source file grows past 400 lines, and no
//! Chinese word is spelled out in code but the numeral and date grammar.

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

/// A file's module path under src/ (`extract/cues/mod.rs` → extract, cues).
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut path: Vec<String> =
        rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    if path.last().is_some_and(|l| matches!(l.as_str(), "mod" | "lib" | "main")) {
        path.pop();
    }
    path
}

/// The module paths a file's code names: `super::…` chains resolved from
/// `module`, and `crate::…` paths; test code left out.
fn named_paths(text: &str, module: &[String]) -> Vec<Vec<String>> {
    let code = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or(text);
    let ident = |s: &str| -> Vec<String> {
        let path: String =
            s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':').collect();
        path.split("::").filter(|p| !p.is_empty()).map(str::to_string).collect()
    };
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        out.push(ident(&code[i + 7..]));
    }
    for (i, _) in code.match_indices("super::") {
        if code[..i].ends_with("super::") {
            continue; // inside a chain: counted from its first link
        }
        let mut k = 0;
        while code[i + 7 * k..].starts_with("super::") {
            k += 1;
        }
        if k > module.len() {
            continue;
        }
        let mut path = module[..module.len() - k].to_vec();
        path.extend(ident(&code[i + 7 * k..]));
        out.push(path);
    }
    out
}

/// For every folder, the child modules each child names.
fn folder_graphs() -> BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> {
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut graphs: BTreeMap<Vec<String>, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for f in files {
        let name = f.file_name().unwrap().to_string_lossy();
        if name == "tests.rs" || f.components().any(|c| c.as_os_str() == "tests") {
            continue;
        }
        let module = module_path(&src, &f);
        let text = std::fs::read_to_string(&f).unwrap();
        for named in named_paths(&text, &module) {
            for depth in 0..module.len() {
                let (folder, child) = (&module[..depth], &module[depth]);
                if named.len() > depth && named[..depth] == *folder && named[depth] != *child {
                    let graph = graphs.entry(folder.to_vec()).or_default();
                    graph.entry(child.clone()).or_default().insert(named[depth].clone());
                }
            }
        }
    }
    graphs
}

#[test]
fn no_import_circle_inside_any_folder() {
    let graphs = folder_graphs();
    assert!(graphs.contains_key(&vec!["extract".to_string()]), "{:?}", graphs.keys());
    for (folder, graph) in &graphs {
        let cycle = find_cycle(graph);
        assert_eq!(cycle, None, "import circle inside src/{}", folder.join("/"));
    }
}

/// The characters of the numeral and date grammar that code may spell out
/// (numerals, 年月日, ordinal and page marks, 年底/年末): every other Chinese
/// word is data under datasets/.
const GRAMMAR: &str = "零〇一二两三四五六七八九十百千万亿年月日第号页共度底末的部分";

/// The string and char literals of a line of code (comments left out).
fn literals(line: &str) -> Vec<String> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let mut lit = String::new();
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => lit.push(d),
                    }
                }
                out.push(lit);
            }
            '\'' => {
                // a char literal ('市'), not a lifetime ('a)
                let mut ahead = chars.clone();
                if let (Some(x), Some('\'')) = (ahead.next(), ahead.next()) {
                    out.push(x.to_string());
                    chars = ahead;
                }
            }
            '/' if chars.peek() == Some(&'/') => break,
            _ => {}
        }
    }
    out
}

/// Chinese literals of non-test code outside the numeral grammar's folder whose
/// characters are not all grammar: (file, line, literal).
fn chinese_words_in_code() -> Vec<(String, usize, String)> {
    let src = repo().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut out = Vec::new();
    for f in files {
        let rel = f.strip_prefix(&src).unwrap().to_string_lossy().into_owned();
        let name = f.file_name().unwrap().to_string_lossy();
        let test_file = name == "tests.rs" || name == "fixture.rs" || rel.contains("/tests/");
        if test_file || rel.contains("quantities/numerals/") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        let mut in_test = false;
        for (i, line) in text.lines().enumerate() {
            if line.trim() == "#[cfg(test)]" {
                in_test = true;
            } else if in_test && line == "}" {
                in_test = false;
                continue;
            }
            if in_test {
                continue;
            }
            for lit in literals(line) {
                let is_word =
                    |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) && !GRAMMAR.contains(c);
                if lit.chars().any(is_word) {
                    out.push((rel.clone(), i + 1, lit));
                }
            }
        }
    }
    out
}

#[test]
fn chinese_words_are_data_not_code() {
    let found = chinese_words_in_code();
    assert!(found.is_empty(), "Chinese words in code (move them to datasets/): {found:#?}");
}
