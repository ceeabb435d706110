//! Mutation fuzzing of every reader, for longer than the test suite does:
//! `cargo run --release --example fuzz_readers -- DIR N [SEED]` mutates each
//! file of DIR N times (zip formats inside their XML parts), reads each
//! mutation through `ingest::open` and the per-file pipeline in-process, and
//! reports what came out: read, diagnosed, or panicked (with the file kept in
//! DIR/crashes/ for a reproduction). Exits 1 when anything panicked.
//! `fuzz_readers --seeds DIR` first writes one seed of every format there.

#[path = "../tests/support/formats.rs"]
mod formats;
#[path = "../tests/support/mutate.rs"]
mod mutate;

use mutate::{mutate_file, Rng};
use std::path::Path;
use yardstick::pipeline::{self, BuildSettings, Engine};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).is_some_and(|a| a == "--seeds") {
        write_seeds(Path::new(args.get(2).map_or("seeds", String::as_str)));
        return;
    }
    let (Some(dir), Some(n)) = (args.get(1), args.get(2).and_then(|n| n.parse::<usize>().ok()))
    else {
        eprintln!("usage: fuzz_readers DIR N [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(0x5eed_u64);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let settings = BuildSettings { datasets: root.join("datasets"), ..Default::default() };
    let engine = Engine::load(&settings).expect("datasets load");
    let (mut read, mut diagnosed, mut panicked) = (0usize, 0usize, 0usize);
    let mut rng = Rng(seed);
    let seeds: Vec<_> = std::fs::read_dir(dir)
        .expect("read DIR")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("current.")))
        .collect();
    for path in seeds {
        let ext =
            path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
        let bytes = std::fs::read(&path).expect("read seed");
        for i in 0..n {
            // the file being read stays in DIR/current.EXT: a hang leaves its reproduction
            let m = Path::new(dir).join(format!("current.{ext}"));
            std::fs::write(&m, mutate_file(&ext, &bytes, &mut rng)).expect("write mutation");
            let started = std::time::Instant::now();
            let r = pipeline::process_file(&engine, &m);
            let took = started.elapsed();
            if took.as_secs_f64() > 2.0 {
                let slow = Path::new(dir).join("slow");
                let _ = std::fs::create_dir_all(&slow);
                let _ =
                    std::fs::copy(&m, slow.join(format!("{i}_{:.0}s.{ext}", took.as_secs_f64())));
            }
            if r.diagnostics.iter().any(|d| d.code.as_str() == "internal.panic") {
                panicked += 1;
                let keep = Path::new(dir).join("crashes");
                let _ = std::fs::create_dir_all(&keep);
                let _ = std::fs::copy(
                    &m,
                    keep.join(format!("{i}_{}", path.file_name().unwrap().to_string_lossy())),
                );
            } else if r.document.is_some() {
                read += 1;
            } else {
                diagnosed += 1;
            }
        }
    }
    println!("{read} read, {diagnosed} diagnosed, {panicked} panicked");
    std::process::exit(i32::from(panicked > 0));
}

/// One seed of every format the engine reads.
fn write_seeds(dir: &Path) {
    std::fs::create_dir_all(dir).expect("create DIR");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("reports/004_fae492f318547c6d.txt")).expect("sample");
    let body: String = text.lines().map(formats::paragraph).collect();
    formats::write_docx(&dir.join("seed.docx"), &body, "渝中区民政局", "第 1 页");
    formats::write_xlsx(&dir.join("seed.xlsx"));
    std::fs::write(dir.join("seed.txt"), &text).expect("write");
    std::fs::write(dir.join("seed.html"), formats::page_html()).expect("write");
    std::fs::write(dir.join("seed.csv"), formats::table_csv()).expect("write");
    for f in ["jiangsu_2023.xls", "guangdong_2022.ods"] {
        std::fs::copy(root.join("tests/fixtures/sheets").join(f), dir.join(f)).expect("copy");
    }
}
