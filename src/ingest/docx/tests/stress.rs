//! Stress tests of the docx reader: seeded mutations of a fixture package
//! that must never panic nor pass the text limit, and the ignored throughput
//! benchmark (`bench_read_docx`) on large generated documents.

use super::super::fixture::{self, docx, p, parts, zip_parts, Rng};
use super::super::package::Package;
use super::super::{read_docx, sniff_office, Limits};
use super::disclosure_table;
use std::time::{Duration, Instant};

#[test]
fn seeded_mutations_never_panic_and_stay_bounded() {
    let body =
        format!("{}{}{}", p("2023年，全市共办理行政复议案件125件。"), disclosure_table(), p("完"));
    let ps = parts(&body);
    let zipped = zip_parts(&ps);
    let limits = Limits {
        max_part_bytes: 1 << 20,
        max_total_bytes: 4 << 20,
        max_table_cells: 50_000,
        max_text_chars: 1 << 20,
        ..Limits::default()
    };
    let mut rng = Rng(0x5EED_D0C5);
    let (mut ok, mut err) = (0, 0);
    let start = Instant::now();
    for case in 0..500 {
        let input = fixture::mutate(&ps, &zipped, &mut rng);
        let got = std::panic::catch_unwind(|| read_docx(&input, &limits))
            .unwrap_or_else(|_| panic!("mutation {case} panicked"));
        let _ = std::panic::catch_unwind(|| sniff_office(&input))
            .unwrap_or_else(|_| panic!("sniff of mutation {case} panicked"));
        match got {
            Ok(t) => {
                let chars = t.body.chars().count()
                    + [&t.headers, &t.footers, &t.footnotes]
                        .iter()
                        .flat_map(|v| v.iter())
                        .map(|s| s.chars().count())
                        .sum::<usize>();
                assert!(chars <= limits.max_text_chars, "mutation {case}: {chars} chars");
                ok += 1;
            }
            Err(_) => err += 1,
        }
    }
    assert_eq!(ok + err, 500);
    eprintln!("mutations: {ok} read, {err} refused");
    assert!(ok > 50 && err > 50, "ok {ok}, err {err}: mutations too weak or too strong");
    assert!(start.elapsed() < Duration::from_secs(60), "{:?}", start.elapsed());
}

/// A document of report paragraphs and disclosure tables with about
/// `xml_bytes` of document.xml; `noisy` fills paragraphs with seeded random
/// CJK text so the zip is ~5 MB too, not just the XML.
fn bench_docx(xml_bytes: usize, noisy: bool) -> Vec<u8> {
    let mut body = String::new();
    let mut rng = Rng(2023);
    let mut i = 0u64;
    while body.len() < xml_bytes {
        i += 1;
        let text = if noisy {
            (0..120)
                .map(|_| char::from_u32(0x4E00 + rng.below(3000) as u32).unwrap_or('字'))
                .collect()
        } else {
            format!("{i}. 2023年，全市共办理行政复议案件{}件，同比增长{}%。", i * 7 % 1000, i % 97)
        };
        body.push_str(&p(&text));
        if i.is_multiple_of(10) {
            body.push_str(&disclosure_table().replace("30", &i.to_string()));
        }
    }
    docx(&body)
}

fn bench_one(label: &str, bytes: &[u8]) {
    let limits = Limits::default();
    let t = read_docx(bytes, &limits).unwrap();
    let runs = 5;
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(read_docx(std::hint::black_box(bytes), &limits).unwrap());
    }
    let secs = start.elapsed().as_secs_f64() / runs as f64;
    let pkg = Package::open(bytes, &limits).unwrap();
    let xml: u64 = (0..pkg.zip.len()).map(|i| pkg.zip.by_index_data(i).unwrap().size()).sum();
    let mb = |n: f64| n / (1 << 20) as f64;
    println!(
        "{label}: {:.2} MiB zipped, {:.2} MiB XML, {} lines, {:.1} ms/read = {:.1} MiB/s of XML, {:.1} MiB/s of file",
        mb(bytes.len() as f64),
        mb(xml as f64),
        t.body.lines().count(),
        secs * 1e3,
        mb(xml as f64) / secs,
        mb(bytes.len() as f64) / secs,
    );
}

#[test]
#[ignore = "bench: cargo test --release --lib bench_read_docx -- --ignored --nocapture"]
fn bench_read_docx() {
    bench_one("report text, 5 MiB of XML", &bench_docx(5 << 20, false));
    bench_one("random CJK, ~5 MiB zipped", &bench_docx(19 << 20, true));
}
