//! The run's static HTML report (`index.html`): charts, ranked tables,
//! the facts and the diagnostics. Every value opens to show the sentence or
//! cell it came from (a `<details>` element: works from file://, no server,
//! no network). All text from reports is escaped.

use crate::diag::DiagnosticCounts;
use crate::extract::Qualifier;
use crate::normalise::Comparison;
use crate::pipeline::BuildOutput;
use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
use std::fmt::Write;

/// The bundled font, copied beside the page (fonts/), so Chinese text renders offline.
pub const FONT_FILE: &str = "fonts/NotoSansSC-Regular-GB2312.ttf";

const STYLE: &str = "@font-face{font-family:'Noto Sans SC';src:url('fonts/NotoSansSC-Regular-GB2312.ttf') format('truetype')}\
body{font-family:'Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}\
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd}\
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border-bottom:1px solid #eee;padding:.3em .5em;text-align:left;vertical-align:top}\
td.num{text-align:right;white-space:nowrap}details.value summary{cursor:pointer;color:#0072B2;text-decoration:underline dotted}\
details.value[open] summary{font-weight:bold}.src{font-size:.85em;color:#444;background:#f6f6f6;padding:.4em;margin-top:.3em;max-width:40em;white-space:normal}\
.chart img,.chart svg{max-width:100%;height:auto;border:1px solid #eee}.focus{background:#fff3e8}.error{color:#b00}.warning{color:#a60}.muted{color:#777}";

/// A value that opens to its provenance.
fn value_cell(shown: &str, evidence: &str, source: &str, origin: &str) -> String {
    format!(
        "<details class=\"value\"><summary>{}</summary><div class=\"src\">{}<br><span class=\"muted\">{} · {}</span></div></details>",
        text(shown),
        text(evidence),
        text(source),
        text(origin)
    )
}

fn mark(q: Qualifier) -> &'static str {
    q.mark()
}

fn fmt(v: f64) -> String {
    crate::chart::style::fmt_value(v)
}

/// Render the page. `charts` are output-relative paths of the drawn charts
/// with the SVG text of those that are SVG (inlined); `comparisons` the ranked tables.
pub fn render(
    title: &str,
    out: &BuildOutput,
    counts: &DiagnosticCounts,
    charts: &[(String, Option<String>)],
    comparisons: &[Comparison],
) -> String {
    let mut h = head(title, out, counts);
    charts_html(&mut h, charts);
    for c in comparisons {
        comparison_html(&mut h, c);
    }
    facts_html(&mut h, out);
    diagnostics_html(&mut h, out);
    // #open-first opens the first value (used by the browser test; harmless otherwise)
    h.push_str("<script>if(location.hash==='#open-first'){var s=document.querySelector('details.value>summary');if(s){s.click();}}</script>\n</body>\n</html>\n");
    h
}

/// The document head, title and summary line.
fn head(title: &str, out: &BuildOutput, counts: &DiagnosticCounts) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        text(title),
        text(title)
    );
    let _ = writeln!(
        h,
        "<p>{} reports, {} facts, {} panel cells. Diagnostics: <span class=\"error\">{} errors</span>, <span class=\"warning\">{} warnings</span>, {} notes. Click a value to see the sentence it came from. Tables: <a href=\"facts.csv\">facts.csv</a>, <a href=\"panel.csv\">panel.csv</a>, <a href=\"documents.csv\">documents.csv</a>, <a href=\"diagnostics.csv\">diagnostics.csv</a>, <a href=\"datapackage.json\">datapackage.json</a>.</p>",
        out.documents.len(),
        out.facts.len(),
        out.panel.len(),
        counts.error,
        counts.warning,
        counts.info
    );
    h
}

fn charts_html(h: &mut String, charts: &[(String, Option<String>)]) {
    if charts.is_empty() {
        return;
    }
    h.push_str("<h2>Charts</h2>\n");
    {
        for (c, svg) in charts {
            match svg {
                // inline, so the page's bundled font draws its Chinese text
                Some(svg) => {
                    let body = svg.find("<svg").map(|i| &svg[i..]).unwrap_or(svg);
                    let _ = writeln!(
                        h,
                        "<figure class=\"chart\" data-src=\"{}\">{body}</figure>",
                        attr(c)
                    );
                }
                None => {
                    let _ = writeln!(
                        h,
                        "<figure class=\"chart\"><img src=\"{}\" alt=\"{}\"></figure>",
                        attr(c),
                        attr(c)
                    );
                }
            }
        }
    }
}

/// One ranked table.
fn comparison_html(h: &mut String, c: &Comparison) {
    let _ = writeln!(
            h,
            "<h2>{} {} ({}) — {}</h2>\n<table>\n<thead><tr><th>rank</th><th>region</th><th>value</th><th>{}</th><th>percentile</th><th>z</th><th>note</th></tr></thead>\n<tbody>",
            text(&c.indicator_name),
            c.year,
            c.kind.as_str(),
            c.level.map(|l| l.as_str()).unwrap_or("all levels"),
            text(&c.measure_unit)
        );
    for r in &c.rows {
        let m = mark(r.qualifier);
        let _ = writeln!(
                h,
                "<tr{}><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}{}</td><td class=\"num\">{:.1}</td><td class=\"num\">{}</td><td class=\"muted\">{}</td></tr>",
                if r.is_focus { " class=\"focus\"" } else { "" },
                r.rank,
                text(&r.region_name),
                value_cell(&format!("{m}{} {}", fmt(r.value), r.unit), &r.evidence, &r.source, ""),
                m,
                fmt(r.measure),
                r.percentile,
                r.z_score.map(|z| format!("{z:.2}")).unwrap_or_else(|| "—".into()),
                text(&r.note)
            );
    }
    h.push_str("</tbody>\n</table>\n");
}

/// Every fact, each value opening to its sentence.
fn facts_html(h: &mut String, out: &BuildOutput) {
    h.push_str("<h2>Facts</h2>\n<table>\n<thead><tr><th>region</th><th>indicator</th><th>year</th><th>kind</th><th>value</th><th>source</th></tr></thead>\n<tbody>\n");
    for f in &out.facts {
        let shown = format!("{}{} {}", f.qualifier.mark(), fmt(f.value), f.unit);
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"muted\">{}</td></tr>",
            text(&f.region_name),
            text(&f.indicator),
            f.year.map(|y| y.to_string()).unwrap_or_else(|| text(&f.period).into_owned()),
            f.kind.as_str(),
            value_cell(&shown, &f.evidence, &f.source, &format!("{} · {}", f.rule, f.origin)),
            text(f.source.rsplit('/').next().unwrap_or(&f.source))
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

fn diagnostics_html(h: &mut String, out: &BuildOutput) {
    h.push_str("<h2>Diagnostics</h2>\n<table>\n<thead><tr><th>severity</th><th>source</th><th>where</th><th>code</th><th>message</th></tr></thead>\n<tbody>\n");
    for d in &out.diagnostics {
        let _ = writeln!(
            h,
            "<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            d.severity.as_str(),
            d.severity.as_str(),
            text(&d.source),
            text(&d.location),
            d.code.as_str(),
            text(&d.message)
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Fact, FactKind, Rule};

    #[test]
    fn report_text_is_escaped() {
        let mut out = BuildOutput::default();
        let catalog = crate::catalog::Catalog::load_dir(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/catalog"),
            &[],
        )
        .unwrap();
        let about = crate::extract::Subject {
            source: "r/<x>.txt".into(),
            region_code: "500103".into(),
            region_name: "渝中区".into(),
            level: Some(crate::locate::Level::County),
            ..Default::default()
        };
        let ind = catalog.get("petitions").unwrap();
        out.facts.push(
            Fact::new(&about, ind, 32.0, FactKind::Actual, Some(2023), Rule::CueBefore)
                .with_qualifier(Qualifier::AtLeast)
                .with_span(0, 1)
                .with_evidence("信访<script>alert(1)</script>32件".into())
                .with_origin("text".into()),
        );
        let html = render("t & <b>", &out, &DiagnosticCounts::default(), &[], &[]);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("信访&lt;script&gt;alert(1)&lt;/script&gt;32件"));
        assert!(html.contains("<title>t &amp; &lt;b&gt;</title>"));
        assert!(html.contains("<summary>≥32 件</summary>"));
    }
}
