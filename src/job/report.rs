//! The run's static HTML report (`index.html`): charts, ranked tables,
//! the facts and the diagnostics. Every value opens to show the sentence or
//! cell it came from (a `<details>` element: works from file://, no server,
//! no network). All text from reports is escaped.

use crate::build::BuildOutput;
use crate::diag::DiagnosticCounts;
use crate::extract::Qualifier;
use crate::normalise::Comparison;
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

fn mark(q: &str) -> &'static str {
    Qualifier::parse(q).map(|q| q.mark()).unwrap_or("")
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
    if !charts.is_empty() {
        h.push_str("<h2>Charts</h2>\n");
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
    for c in comparisons {
        let _ = writeln!(
            h,
            "<h2>{} {} ({}) — {}</h2>\n<table>\n<thead><tr><th>rank</th><th>region</th><th>value</th><th>{}</th><th>percentile</th><th>z</th><th>note</th></tr></thead>\n<tbody>",
            text(&c.indicator_name),
            c.year,
            text(&c.kind),
            text(c.level.as_deref().unwrap_or("all levels")),
            text(&c.measure_unit)
        );
        for r in &c.rows {
            let m = mark(&r.qualifier);
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
    h.push_str("</tbody>\n</table>\n<h2>Diagnostics</h2>\n<table>\n<thead><tr><th>severity</th><th>source</th><th>where</th><th>code</th><th>message</th></tr></thead>\n<tbody>\n");
    for d in &out.diagnostics {
        let _ = writeln!(
            h,
            "<tr class=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            d.severity.as_str(),
            d.severity.as_str(),
            text(&d.source),
            text(&d.location),
            text(&d.code),
            text(&d.message)
        );
    }
    h.push_str("</tbody>\n</table>\n");
    // #open-first opens the first value (used by the browser test; harmless otherwise)
    h.push_str("<script>if(location.hash==='#open-first'){var s=document.querySelector('details.value>summary');if(s){s.click();}}</script>\n</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Fact, FactKind};

    #[test]
    fn report_text_is_escaped() {
        let mut out = BuildOutput::default();
        out.facts.push(Fact {
            source: "r/<x>.txt".into(),
            doc_id: String::new(),
            region_code: "500103".into(),
            region_name: "渝中区".into(),
            level: "county".into(),
            indicator: "petitions".into(),
            value: 32.0,
            unit: "件".into(),
            qualifier: Qualifier::AtLeast,
            kind: FactKind::Actual,
            year: Some(2023),
            period: String::new(),
            span_start: 0,
            span_end: 1,
            evidence: "信访<script>alert(1)</script>32件".into(),
            rule: "text.cue_before".into(),
            origin: "text".into(),
        });
        let html = render("t & <b>", &out, &DiagnosticCounts::default(), &[], &[]);
        assert!(!html.contains("<script>alert"));
        assert!(html.contains("信访&lt;script&gt;alert(1)&lt;/script&gt;32件"));
        assert!(html.contains("<title>t &amp; &lt;b&gt;</title>"));
        assert!(html.contains("<summary>≥32 件</summary>"));
    }
}
