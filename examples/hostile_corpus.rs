//! Write the engine's hostile corpus for a long run: `cargo run --release
//! --example hostile_corpus -- DIR N [SCALE]` writes N variants of every
//! hostile kind (`tests/support/hostile_corpus.rs`: span grids over long text,
//! nested and unclosed tables, deep nesting, one-line megabyte texts, a
//! million tiny clauses, digit runs, pathological numerals, mutated PDFs)
//! and one zip bomb of each zip format into DIR. Then build it and watch the
//! peak: `/usr/bin/time -v target/release/yardstick build DIR --out OUT`.

#[path = "../tests/support/hostile_corpus.rs"]
mod hostile_corpus;
#[path = "../tests/support/mutate.rs"]
mod mutate;

use mutate::Rng;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(n)) = (args.get(1), args.get(2).and_then(|n| n.parse::<usize>().ok()))
    else {
        eprintln!("usage: hostile_corpus DIR N [SCALE]");
        std::process::exit(2);
    };
    let scale = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let dir = Path::new(dir);
    std::fs::create_dir_all(dir).expect("create DIR");
    let pdf_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf");
    let pdfs: Vec<Vec<u8>> = ["chromium_report.pdf", "gbk_euc.pdf", "reportlab_stsong.pdf"]
        .iter()
        .filter_map(|n| std::fs::read(pdf_dir.join(n)).ok())
        .collect();
    let mut rng = Rng(0x0b0d_2026);
    let mut files = hostile_corpus::zip_bombs(1 << 30);
    for v in 0..n {
        files.extend(hostile_corpus::corpus(&mut rng, v, scale, &pdfs));
    }
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).expect("write a file");
    }
    eprintln!("hostile_corpus: {} files written to {}", files.len(), dir.display());
}
