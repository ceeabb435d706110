//! Spreadsheet reading: a 100,000-row workbook (counties down, four indicators
//! across) read by yardstick (layout, regions, indicators, facts) against
//! calamine reading the same workbook alone. Reports rows/s; the goal is
//! yardstick's total ≤ 1.5× calamine's raw read.

/// the binary's allocator, so the bench measures what a build runs
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use calamine::Reader;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use yardstick::pipeline::{self, BuildSettings, Engine};

const ROWS: u32 = 100_000;
/// the large case (`YARDSTICK_BENCH_1M=1 cargo bench --bench sheet`): the reader's row cap
const BIG_ROWS: u32 = 1_000_000;

fn workbook(path: &std::path::Path, names: &[String], rows: u32) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("2023").unwrap();
    ws.write_string(0, 0, "2023年全国县级民政主要指标").unwrap();
    for (c, h) in ["地区", "信访(件)", "行政复议(件)", "行政诉讼(件)", "一般公共预算收入(万元)"]
        .iter()
        .enumerate()
    {
        ws.write_string(1, c as u16, *h).unwrap();
    }
    for r in 0..rows {
        let row = r + 2;
        ws.write_string(row, 0, &names[r as usize % names.len()]).unwrap();
        for c in 1..5u16 {
            ws.write_number(row, c, ((r as f64) * 7.0 + c as f64) % 997.0).unwrap();
        }
    }
    wb.save(path).unwrap();
}

fn bench(c: &mut Criterion) {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let engine =
        Engine::load(&BuildSettings { datasets: repo.join("datasets"), ..Default::default() })
            .unwrap();
    let names: Vec<String> = engine
        .gazetteer()
        .regions()
        .iter()
        .filter(|r| r.level == yardstick::locate::Level::County)
        .map(|r| r.name.clone())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("counties_2023.xlsx");
    workbook(&path, &names, ROWS);
    group(c, "sheet_100k_rows", &engine, &path, ROWS);
    if std::env::var_os("YARDSTICK_BENCH_1M").is_some() {
        let big = dir.path().join("counties_big_2023.xlsx");
        workbook(&big, &names, BIG_ROWS);
        group(c, "sheet_1m_rows", &engine, &big, BIG_ROWS);
    }
}

fn group(c: &mut Criterion, name: &str, engine: &Engine, path: &std::path::Path, rows: u32) {
    eprintln!("{name}: {:.1} MB", std::fs::metadata(path).unwrap().len() as f64 / 1e6);
    let mut g = c.benchmark_group(name);
    g.sample_size(10).throughput(Throughput::Elements(rows as u64));
    g.bench_function("calamine_raw_read", |b| {
        b.iter(|| {
            let mut book = calamine::open_workbook_auto(path).unwrap();
            let name = book.sheet_names()[0].clone();
            book.worksheet_range(&name).unwrap().get_size().0
        })
    });
    g.bench_function("yardstick_read_grids", |b| {
        b.iter(|| match yardstick::ingest::open(path).map(|i| i.content) {
            Ok(yardstick::ingest::Content::Workbook(g)) => g[0].rows.len(),
            _ => 0,
        })
    });
    g.bench_function("yardstick_process_file", |b| {
        b.iter(|| pipeline::process_file(engine, path).facts.len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
