//! Extraction throughput: the whole per-file pipeline (read, decode,
//! normalise, locate, extract) over a generated corpus of 5,000 reports, on 1
//! and on 2 threads, plus extraction alone on one report. Throughput is
//! reported in bytes/s by criterion; divide by threads for MB/s per core.
//!
//! `YARDSTICK_BENCH_REPORTS=20000 cargo bench --bench extract` for a bigger corpus.

#[path = "support/corpus.rs"]
mod corpus;

/// the binary's allocator, so the bench measures what a build runs
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::{Path, PathBuf};
use yardstick::ingest::Document;
use yardstick::locate;
use yardstick::pipeline::{self, BuildSettings, Engine};

fn engine(repo: &Path) -> (Engine, BuildSettings) {
    let settings = BuildSettings { datasets: repo.join("datasets"), ..Default::default() };
    (Engine::load(&settings).unwrap(), settings)
}

fn bench(c: &mut Criterion) {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let (engine, settings) = engine(&repo);
    let n: usize =
        std::env::var("YARDSTICK_BENCH_REPORTS").ok().and_then(|v| v.parse().ok()).unwrap_or(5000);
    let dir = tempfile::tempdir().unwrap();
    let bytes = corpus::write_corpus(dir.path(), n, &repo);
    eprintln!("corpus: {n} reports, {:.1} MB", bytes as f64 / 1e6);

    let mut g = c.benchmark_group("corpus");
    g.sample_size(10)
        .measurement_time(std::time::Duration::from_secs(20))
        .throughput(Throughput::Bytes(bytes));
    for threads in [1usize, 2] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let inputs = vec![dir.path().to_path_buf()];
        g.bench_function(format!("build_{n}_reports_{threads}_threads"), |b| {
            b.iter(|| pool.install(|| pipeline::build(&engine, &inputs, &settings)).facts.len())
        });
    }
    g.finish();

    let seeds = corpus::seeds(&repo);
    let text = &seeds[0];
    let doc = Document::from_text("bench.txt", text);
    let (meta, _) = locate::locate(&doc, engine.gazetteer());
    let mut g = c.benchmark_group("one_report");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("extract", |b| b.iter(|| engine.extractor.extract(&doc, &meta).0.len()));
    g.bench_function("locate", |b| {
        b.iter(|| locate::locate(&doc, engine.gazetteer()).0.report_year)
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
