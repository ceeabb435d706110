//! Chart rendering: 1,000 ranked charts of 30 regions each, as SVG and as PNG
//! (separately); criterion reports charts per second (elements/s).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use yardstick::chart::{self, ChartInput, ChartSpec};
use yardstick::extract::{FactKind, Qualifier, Rule};
use yardstick::frame::PanelRow;
use yardstick::locate::Level;
use yardstick::reference::Reference;

const CHARTS: u64 = 1000;

fn input(reference: &Reference) -> ChartInput<'_> {
    let panel: Vec<PanelRow> = reference
        .gazetteer
        .regions()
        .iter()
        .filter(|r| r.level == Level::Prefecture)
        .take(30)
        .enumerate()
        .map(|(i, r)| PanelRow {
            region_code: r.code.clone(),
            region_name: r.name.clone(),
            level: Some(Level::Prefecture),
            year: 2023,
            indicator: "petitions".into(),
            kind: FactKind::Actual,
            value: (i * 37 % 500) as f64,
            unit: "件".into(),
            qualifier: if i % 5 == 0 { Qualifier::AtLeast } else { Qualifier::Exact },
            candidates: 1,
            source: format!("r{i}.txt"),
            evidence: String::new(),
            rule: Rule::CueBefore,
            origin: String::new(),
        })
        .collect();
    ChartInput { panel, documents: Vec::new(), reference }
}

fn bench(c: &mut Criterion) {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("datasets");
    let reference = Reference::load(&d, &[]).unwrap();
    let input = input(&reference);
    let mut spec = ChartSpec::rank("petitions", "p.svg");
    spec.per = Some(10_000.0);
    let mut g = c.benchmark_group("charts");
    g.sample_size(10).throughput(Throughput::Elements(CHARTS));
    g.bench_function("rank_svg_x1000", |b| {
        b.iter(|| {
            (0..CHARTS).map(|_| chart::render_svg(&spec, &input).unwrap().len()).sum::<usize>()
        })
    });
    spec.scale = 1;
    g.bench_function("rank_png_x1000", |b| {
        b.iter(|| {
            (0..CHARTS).map(|_| chart::render_png(&spec, &input).unwrap().len()).sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
