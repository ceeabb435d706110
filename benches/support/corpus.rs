//! Corpus generator for benches: many synthetic reports made from the bundled
//! sample reports, with region names swapped for other gazetteer names and
//! numbers varied, so that extraction does real work on every file.

use std::path::{Path, PathBuf};

/// A tiny deterministic PRNG (xorshift), so the corpus is the same every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// The sample reports' texts.
pub fn seeds(repo: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo.join("reports"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

/// County names from the gazetteer to put into generated reports.
pub fn county_names(repo: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(repo.join("datasets/regions/regions.csv")).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| l.contains(",county,"))
        .filter_map(|l| l.split(',').nth(1).map(String::from))
        .collect()
}

/// Report `i` of a generated corpus: a seed with its digits varied and a county name prepended as issuer.
pub fn report(i: usize, seeds: &[String], names: &[String]) -> String {
    let mut rng = Rng::new(i as u64 * 2654435761 + 17);
    let seed = &seeds[i % seeds.len()];
    let name = &names[(rng.next() as usize) % names.len().max(1)];
    let mut out = String::with_capacity(seed.len() + 64);
    out.push_str(name);
    out.push_str("民政局2023年法治政府建设情况报告\n");
    for c in seed.chars() {
        if c.is_ascii_digit() && rng.next().is_multiple_of(4) {
            out.push(char::from(b'1' + (rng.next() % 9) as u8));
        } else {
            out.push(c);
        }
    }
    out
}

/// Write `n` generated reports into `dir`; returns their total size in bytes.
pub fn write_corpus(dir: &Path, n: usize, repo: &Path) -> u64 {
    let seeds = seeds(repo);
    let names = county_names(repo);
    let mut bytes = 0;
    for i in 0..n {
        let text = report(i, &seeds, &names);
        bytes += text.len() as u64;
        std::fs::write(dir.join(format!("r{i:05}.txt")), text).unwrap();
    }
    bytes
}
