//! A deterministic corpus of inputs that break pipelines which trust what a
//! reader returns: span grids over long text, nested and unclosed tables,
//! deep nesting, one-line megabyte texts, a million tiny clauses, long digit
//! runs, pathological numerals, zip bombs in every zip format, mutated PDFs.
//! `tests/it/hostile.rs` builds one of each kind with `scale` 1;
//! `examples/hostile_corpus.rs` writes as many variants as asked.

#![allow(dead_code)]

use crate::mutate::{mutate_bytes, Rng};
use std::io::{Cursor, Write};

/// A report sentence of the catalog's vocabulary, to make texts look like reports.
const SENTENCE: &str = "全年办理行政复议案件35件，行政应诉案件12件，公开政府信息2300余条";

/// A page whose table spans (up to 50 × 50) cover cells holding long text.
pub fn span_grid_page(rng: &mut Rng, rows: usize, text_chars: usize) -> Vec<u8> {
    let long: String = SENTENCE.chars().cycle().take(text_chars).collect();
    let mut html = String::from("<html><body><h1>某县2023年法治政府建设情况报告</h1><table>");
    for _ in 0..rows {
        html.push_str("<tr>");
        for _ in 0..4 {
            let (rs, cs) = (1 + rng.below(50), 1 + rng.below(50));
            html.push_str(&format!("<td rowspan=\"{rs}\" colspan=\"{cs}\">{long}</td>"));
        }
        html.push_str("</tr>");
    }
    html.push_str("</table></body></html>");
    html.into_bytes()
}

/// Tables nested `depth` deep and never closed.
pub fn nested_unclosed_tables(depth: usize) -> Vec<u8> {
    let mut html = String::from("<html><body>");
    for i in 0..depth {
        html.push_str(&format!("<table><tr><td>行政复议{i}件<td rowspan=9>"));
    }
    html.into_bytes()
}

/// Elements nested `depth` deep around one sentence.
pub fn deep_nesting(depth: usize) -> Vec<u8> {
    let tags = ["div", "span", "p", "section", "b"];
    let mut html = String::from("<html><body>");
    for i in 0..depth {
        html.push_str(&format!("<{}>", tags[i % tags.len()]));
    }
    html.push_str(SENTENCE);
    html.into_bytes()
}

/// One line of `bytes` bytes of report words without a sentence mark.
pub fn megabyte_line(bytes: usize) -> Vec<u8> {
    let unit = "办理行政复议案件12件行政应诉案件3件";
    unit.repeat(bytes / unit.len() + 1).into_bytes()
}

/// `n` clauses of one number each, in one sentence.
pub fn tiny_clauses(n: usize) -> Vec<u8> {
    let mut s = String::from("行政复议");
    for i in 0..n {
        s.push_str(&format!("{}件，", i % 10));
    }
    s.into_bytes()
}

/// A digit run of `n` digits where a count is expected, and one with commas.
pub fn digit_runs(n: usize) -> Vec<u8> {
    let digits: String = (0..n).map(|i| char::from(b'0' + (i % 10) as u8)).collect();
    let commas = "999,".repeat(n / 4);
    format!("全年办理行政复议案件{digits}件。\n公开政府信息{commas}条。\n").into_bytes()
}

/// Numerals no grammar writes: repeated units, endless decimals, mixed scripts.
pub fn pathological_numerals(rng: &mut Rng, lines: usize) -> Vec<u8> {
    let parts =
        ["一", "万", "亿", "零", "点", "百分之", "千", "两", "十", "1", ".", "%", "余", "多"];
    let mut s = String::new();
    for _ in 0..lines {
        s.push_str("行政复议案件");
        for _ in 0..rng.below(400) {
            s.push_str(parts[rng.below(parts.len())]);
        }
        s.push_str("件。\n");
    }
    s.push_str(&format!("行政复议{}件。\n", "万".repeat(100_000)));
    s.push_str(&format!("行政复议零点{}件。\n", "四".repeat(100_000)));
    s.into_bytes()
}

/// A zip package whose `part` inflates to `inflated` bytes of one repeated byte.
pub fn zip_bomb(parts: &[&str], bomb: &str, inflated: usize) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(inflated > u32::MAX as usize);
    for name in parts {
        out.start_file(*name, opts).unwrap();
        if *name == bomb {
            let block = vec![b' '; 1 << 20];
            for _ in 0..inflated >> 20 {
                out.write_all(&block).unwrap();
            }
        } else {
            out.write_all(b"<?xml version=\"1.0\"?><x/>").unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

/// Zip bombs of every zip format the engine reads.
pub fn zip_bombs(inflated: usize) -> Vec<(String, Vec<u8>)> {
    let docx = ["[Content_Types].xml", "word/document.xml"];
    let xlsx = ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"];
    let ods = ["mimetype", "content.xml"];
    vec![
        ("bomb.docx".into(), zip_bomb(&docx, "word/document.xml", inflated)),
        ("bomb.xlsx".into(), zip_bomb(&xlsx, "xl/worksheets/sheet1.xml", inflated)),
        ("bomb.ods".into(), zip_bomb(&ods, "content.xml", inflated)),
    ]
}

/// A PDF mutated `n` times over.
pub fn mutated_pdf(pdf: &[u8], rng: &mut Rng, n: usize) -> Vec<u8> {
    (0..n).fold(pdf.to_vec(), |b, _| mutate_bytes(&b, rng))
}

/// One file of each hostile kind (`scale` 1 for the test suite; the example
/// raises it), named by kind and variant.
pub fn corpus(
    rng: &mut Rng,
    variant: usize,
    scale: usize,
    pdfs: &[Vec<u8>],
) -> Vec<(String, Vec<u8>)> {
    let v = variant;
    let mut out = vec![
        (format!("span_grid_{v}.html"), span_grid_page(rng, 60, 2000)),
        (format!("nested_tables_{v}.html"), nested_unclosed_tables(2000 * scale)),
        (format!("deep_nesting_{v}.html"), deep_nesting(50_000 * scale)),
        (format!("megabyte_line_{v}.txt"), megabyte_line((1 << 20) * scale)),
        (format!("tiny_clauses_{v}.txt"), tiny_clauses(300_000 * scale)),
        (format!("digit_runs_{v}.txt"), digit_runs(1_000_000)),
        (format!("numerals_{v}.txt"), pathological_numerals(rng, 2000)),
    ];
    for (i, pdf) in pdfs.iter().enumerate() {
        let rounds = 1 + rng.below(6);
        out.push((format!("mutated_{v}_{i}.pdf"), mutated_pdf(pdf, rng, rounds)));
    }
    out
}
