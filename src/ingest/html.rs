//! HTML → text lines: visible text in reading order, table rows as
//! `cell | cell | …` lines with rowspan/colspan expanded; scripts, styles and
//! navigation skipped.

use scraper::{ElementRef, Html, Node};

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
    walk(doc.root_element(), &mut out);
    // collapse runs of blank lines and trim each line
    let mut text = String::with_capacity(out.len());
    let mut blank = false;
    for line in out.lines() {
        let line = line.trim();
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

fn walk(el: ElementRef, out: &mut String) {
    let name = el.value().name();
    if SKIP.contains(&name) {
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
                    walk(e, out);
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
    walk(el, &mut s);
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
