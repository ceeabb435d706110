//! Compare over a 100,000-row panel: every county × 7 indicators × 5 years,
//! ranked per 10k residents among counties of one year.

use criterion::{criterion_group, criterion_main, Criterion};
use std::path::PathBuf;
use yardstick::catalog::Catalog;
use yardstick::frame::PanelRow;
use yardstick::locate::{Gazetteer, Level};
use yardstick::normalise::{compare, PeerQuery, Population};

fn bench(c: &mut Criterion) {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("datasets");
    let catalog = Catalog::load_dir(&d.join("catalog"), &[]).unwrap();
    let population = Population::load(&d.join("population")).unwrap();
    let gazetteer = Gazetteer::load(&d.join("regions/regions.csv")).unwrap();
    let counties: Vec<_> =
        gazetteer.regions().iter().filter(|r| r.level == Level::County).collect();
    let indicators = [
        "petitions",
        "admin_reconsideration_cases",
        "admin_litigation_cases",
        "hotline_tickets",
        "info_published",
        "disclosure_requests",
        "npc_suggestions",
    ];
    let mut panel = Vec::new();
    'fill: for year in 2019..2024 {
        for ind in indicators {
            for (i, r) in counties.iter().enumerate() {
                if panel.len() == 100_000 {
                    break 'fill;
                }
                panel.push(PanelRow {
                    region_code: r.code.clone(),
                    region_name: r.name.clone(),
                    level: Some(Level::County),
                    year,
                    indicator: ind.into(),
                    kind: yardstick::extract::FactKind::Actual,
                    value: ((i * 7919 + year as usize) % 997) as f64,
                    unit: "件".into(),
                    qualifier: if i % 10 == 0 {
                        yardstick::extract::Qualifier::AtLeast
                    } else {
                        yardstick::extract::Qualifier::Exact
                    },
                    candidates: 1,
                    source: format!("r{i}.txt"),
                    evidence: "信访…".into(),
                    rule: yardstick::extract::Rule::CueBefore,
                    origin: "text".into(),
                });
            }
        }
    }
    eprintln!("panel: {} rows", panel.len());
    let mut q = PeerQuery::new("petitions", 2022);
    q.per = Some(10_000.0);
    q.focus = Some("渝中区".into());
    let mut g = c.benchmark_group("compare");
    g.sample_size(20);
    g.bench_function("per10k_rank_100k_panel", |b| {
        b.iter(|| compare(&panel, &catalog, &population, &gazetteer, &q).unwrap().rows.len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
