//! HTML → text lines: visible text in reading order, table rows as
//! `cell | cell | …` lines with rowspan/colspan expanded; scripts, styles and
//! navigation skipped.

use scraper::{ElementRef, Html, Node};
use std::sync::LazyLock;

/// Site furniture of government pages (`datasets/ingest/page_chrome.toml`).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PageChrome {
    chrome_words: Vec<String>,
    skip_class_words: Vec<String>,
    drop_line_starts: Vec<String>,
    drop_line_contains: Vec<String>,
}

static CHROME: LazyLock<PageChrome> = LazyLock::new(|| {
    toml::from_str(include_str!("../../datasets/ingest/page_chrome.toml"))
        .expect("datasets/ingest/page_chrome.toml is valid")
});

/// Words of a page's button bars (a line of nothing else is chrome).
pub(super) fn chrome_words() -> &'static [String] {
    &CHROME.chrome_words
}

/// An element the site wraps around the report (navigation, footer, share bar…).
fn is_site_furniture(el: &ElementRef) -> bool {
    let words = |v: &str| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| CHROME.skip_class_words.iter().any(|s| w.eq_ignore_ascii_case(s)))
    };
    let e = el.value();
    e.attr("class").is_some_and(words) || e.attr("id").is_some_and(words)
}

/// A text line that is the site's, not the report's (footer, filing numbers, breadcrumb).
fn is_chrome_line(line: &str) -> bool {
    CHROME.drop_line_starts.iter().any(|w| line.starts_with(w.as_str()))
        || CHROME.drop_line_contains.iter().any(|w| line.contains(w.as_str()))
}

/// Is this (lower-case) content HTML rather than text that mentions a tag?
pub fn looks_like_html(head: &str) -> bool {
    let lower = head.trim_start().get(..head.len().min(2048)).unwrap_or(head).to_ascii_lowercase();
    lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || (lower.contains("<body")
            || lower.contains("<div")
            || lower.contains("<p>")
            || lower.contains("<table"))
            && lower.contains("</")
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "head", "nav", "footer", "header", "iframe", "svg", "button",
    "select", "form", "template",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "tr",
    "table",
    "title",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "hr",
];

pub fn html_to_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::with_capacity(html.len() / 3);
    walk(doc.root_element(), &mut out, true);
    // a page whose report sits inside an element named like furniture: read it all
    let has_furniture = doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .any(|e| is_site_furniture(&e));
    if has_furniture {
        let mut all = String::new();
        walk(doc.root_element(), &mut all, false);
        let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        if visible(&out) * 5 < visible(&all) {
            out = all;
        }
    }
    // collapse runs of blank lines and trim each line
    let mut text = String::with_capacity(out.len());
    let mut blank = false;
    for line in out.lines() {
        let line = line.trim();
        if is_chrome_line(line) {
            continue;
        }
        if line.is_empty() {
            if !blank && !text.is_empty() {
                text.push('\n');
            }
            blank = true;
            continue;
        }
        blank = false;
        text.push_str(line);
        text.push('\n');
    }
    text
}

fn walk(el: ElementRef, out: &mut String, skip_furniture: bool) {
    let name = el.value().name();
    if SKIP.contains(&name) || skip_furniture && name != "table" && is_site_furniture(&el) {
        return;
    }
    if name == "table" {
        table_lines(el, out);
        return;
    }
    let block = BLOCK.contains(&name);
    if block {
        out.push('\n');
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                // inline whitespace collapses to one space
                let s: &str = t;
                let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
                if !collapsed.is_empty() {
                    if s.starts_with(char::is_whitespace) && !out.ends_with(['\n', ' ']) {
                        out.push(' ');
                    }
                    out.push_str(&collapsed);
                    if s.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                }
            }
            Node::Element(_) => {
                if let Some(e) = ElementRef::wrap(child) {
                    walk(e, out, skip_furniture);
                }
            }
            _ => {}
        }
    }
    if block {
        out.push('\n');
    }
}

fn cell_text(el: ElementRef) -> String {
    let mut s = String::new();
    walk(el, &mut s, true);
    s.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "/")
}

fn span(el: &ElementRef, attr: &str, limit: usize) -> usize {
    el.value().attr(attr).and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, limit)
}

/// Rows of one table laid out (nested tables' rows belong to the inner table).
const MAX_TABLE_ROWS: usize = 5000;
/// Columns of one table; a colspan never reaches past this.
const MAX_TABLE_COLS: usize = 256;
/// Cells of one table's grid once spans are expanded.
const MAX_TABLE_CELLS: usize = 200_000;

/// Lay a table out on a grid (rowspan/colspan fill every covered cell) and
/// write one `a | b | c` line per row. Spans are clamped to the table's real
/// rows and to [`MAX_TABLE_COLS`]; a grid is never larger than
/// [`MAX_TABLE_CELLS`] (the rest of such a table is left out).
fn table_lines(table: ElementRef, out: &mut String) {
    let rows: Vec<ElementRef> = table
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "tr")
        .filter(|tr| {
            tr.ancestors().filter_map(ElementRef::wrap).find(|a| a.value().name() == "table")
                == Some(table)
        })
        .take(MAX_TABLE_ROWS)
        .collect();
    let mut grid: Vec<Vec<Option<String>>> = vec![Vec::new(); rows.len()];
    let mut cells_used = 0usize;
    'rows: for (r, tr) in rows.iter().enumerate() {
        let mut c = 0;
        for cell in tr
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|e| matches!(e.value().name(), "td" | "th"))
        {
            while grid[r].get(c).is_some_and(|v| v.is_some()) {
                c += 1;
            }
            if c >= MAX_TABLE_COLS {
                break;
            }
            let text = cell_text(cell);
            let rs = span(&cell, "rowspan", rows.len() - r);
            let cs = span(&cell, "colspan", MAX_TABLE_COLS - c);
            cells_used += rs * cs;
            if cells_used > MAX_TABLE_CELLS {
                break 'rows;
            }
            for row in &mut grid[r..r + rs] {
                if row.len() < c + cs {
                    row.resize(c + cs, None);
                }
                for slot in &mut row[c..c + cs] {
                    *slot = Some(text.clone());
                }
            }
            c += cs;
        }
    }
    out.push('\n');
    for row in grid {
        let cells: Vec<String> = row.into_iter().map(|c| c.unwrap_or_default()).collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        out.push_str(&cells.join(" | "));
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_tables_with_spans() {
        let html = r#"<html><head><script>var x=1;</script><title>t</title></head><body>
            <nav>首页 分享</nav><p>全年行政复议<b>5</b>件。</p>
            <table><tr><td rowspan="2">信息内容</td><td colspan="2">本年</td></tr>
            <tr><td>制发</td><td>废止</td></tr><tr><td>行政规范性文件</td><td>3</td><td>1</td></tr></table></body></html>"#;
        let text = html_to_text(html);
        assert!(text.contains("全年行政复议5件。"), "{text}");
        assert!(!text.contains("var x"));
        assert!(!text.contains("分享"));
        assert!(text.contains("信息内容 | 本年 | 本年"), "{text}");
        assert!(text.contains("信息内容 | 制发 | 废止"), "{text}");
        assert!(text.contains("行政规范性文件 | 3 | 1"), "{text}");
    }

    #[test]
    fn site_furniture_is_dropped_and_the_report_kept() {
        // a county site's page as saved: a menu with 政府工作报告, a breadcrumb,
        // a share bar and a footer with filing numbers around the report
        let html = r#"<html><head><meta charset="gb2312"><title>2024年度政府信息公开工作年度报告</title></head><body>
            <div class="top-nav"><a>首页</a><a>政府信息公开</a><a>政府工作报告</a></div>
            <div class="crumb">当前位置：首页 > 政府信息公开 > 年度报告</div>
            <div class="article"><h1>某县2024年政府信息公开工作年度报告</h1>
            <p>全年主动公开各类政府信息10407条，办理政府信息公开申请218件。</p></div>
            <div class="bdsharebuttonbox">分享到：微信 微博</div>
            <div id="footer">主办单位：某县人民政府办公室 网站标识码3501280001 闽ICP备05012345号</div>
            <p>闽公网安备 35012802000123号</p></body></html>"#;
        let text = html_to_text(html);
        assert!(text.contains("全年主动公开各类政府信息10407条"), "{text}");
        for chrome in ["政府工作报告", "当前位置", "分享到", "网站标识码", "ICP备", "公网安备"]
        {
            assert!(!text.contains(chrome), "{chrome} kept:\n{text}");
        }
    }

    #[test]
    fn a_report_inside_furniture_named_elements_is_still_read() {
        let html = r#"<div class="footer"><p>全年主动公开各类政府信息10407条，办理政府信息公开申请218件，行政复议5件，行政诉讼3件。</p></div>"#;
        assert!(html_to_text(html).contains("10407条"));
    }

    #[test]
    fn huge_spans_are_clamped_to_the_table() {
        // a hostile page: spans far beyond the table's real size
        let cells = r#"<td rowspan="99999" colspan="99999">x</td>"#.repeat(50);
        let html = format!("<table><tr>{cells}</tr><tr><td>1</td></tr></table>");
        let text = html_to_text(&html);
        assert!(text.lines().count() <= 3, "{}", text.len());
        assert!(text.len() < 12 * MAX_TABLE_COLS, "{}", text.len());
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(!looks_like_html("辽宁省民政厅2023年法治政府建设情况报告"));
    }
}
