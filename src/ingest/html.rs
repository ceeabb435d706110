//! HTML → text lines: the article's visible text in reading order, table
//! rows as `cell | cell | …` lines with rowspan/colspan expanded; scripts,
//! styles, navigation, banners and link lists skipped (see `article`), and
//! every stage bounded (nesting depth, table cells, laid-out table text).

mod article;
mod nesting;
mod table;

use crate::vocabulary::{Active, VocabularyFile};
use scraper::{ElementRef, Html, Node};

/// Site furniture of government pages (`datasets/ingest/page_chrome.toml`).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageChrome {
    chrome_words: Vec<String>,
    skip_class_words: Vec<String>,
    drop_line_starts: Vec<String>,
    drop_line_contains: Vec<String>,
    banner_words: Vec<String>,
    banner_max_chars: usize,
    title_class_words: Vec<String>,
    site_name_ends: Vec<String>,
}

impl VocabularyFile for PageChrome {
    const FILE: &'static str = "ingest/page_chrome.toml";

    fn parse(text: &str) -> Result<PageChrome, toml::de::Error> {
        toml::from_str(text)
    }

    fn slot() -> &'static Active<PageChrome> {
        static SLOT: Active<PageChrome> = Active::new();
        &SLOT
    }
}

/// The active page chrome (see [`crate::vocabulary`]).
fn chrome() -> &'static PageChrome {
    PageChrome::active()
}

/// Words of a page's button bars (a line of nothing else is chrome).
pub(super) fn chrome_words() -> &'static [String] {
    &chrome().chrome_words
}

/// An element the site wraps around the report (navigation, footer, share bar…).
fn is_site_furniture(el: &ElementRef) -> bool {
    let words = |v: &str| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| chrome().skip_class_words.iter().any(|s| w.eq_ignore_ascii_case(s)))
    };
    let e = el.value();
    e.attr("class").is_some_and(words) || e.attr("id").is_some_and(words)
}

/// A text line that is the site's, not the report's (footer, filing numbers, breadcrumb).
fn is_chrome_line(line: &str) -> bool {
    chrome().drop_line_starts.iter().any(|w| line.starts_with(w.as_str()))
        || chrome().drop_line_contains.iter().any(|w| line.contains(w.as_str()))
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

/// What a saved page gives: its report's text and what was left out.
#[derive(Debug, Default)]
pub struct PageText {
    pub text: String,
    /// caps hit while laying the page out (stage and what), for `ingest.capped`
    pub capped: Vec<String>,
    /// visible characters of site furniture left out around the report
    pub furniture_chars: usize,
}

/// The page's text (tests and callers that need no account of what was dropped).
pub fn html_to_text(html: &str) -> String {
    read_page(html).text
}

/// Read a saved page: the article block (see [`article`]) with its title,
/// furniture and link lists left out, tables as rows, every cap counted.
pub fn read_page(html: &str) -> PageText {
    let (html, blanked) = nesting::bound_nesting(html);
    let doc = Html::parse_document(&html);
    let root = doc.root_element();
    let mut whole = Walker::default();
    let mut all = String::new();
    whole.walk(root, &mut all, false, 0);
    let measures = article::measure(root);
    let scope = article::find(root, &measures);
    let mut out = String::with_capacity(html.len() / 3);
    if let Some(title) = scope.title.as_ref().and_then(article::text_of) {
        out.push_str(&title);
        out.push('\n');
    }
    let mut walker = Walker { measures: Some(&measures), ..Walker::default() };
    walker.walk(scope.block, &mut out, true, 0);
    // a page whose report sits inside an element named like furniture: read it all
    if visible(&out) * 5 < visible(&all) {
        out = all.clone();
    }
    let text = clean_lines(&out);
    let furniture_chars = visible(&clean_lines(&all)).saturating_sub(visible(&text));
    let mut capped = whole.capped;
    capped.extend(walker.capped);
    if blanked > 0 {
        let bound = nesting::MAX_PARSE_DEPTH;
        capped.push(format!("html: {blanked} tags opened deeper than {bound} read as flat text"));
    }
    capped.sort();
    capped.dedup();
    PageText { text, capped, furniture_chars }
}

/// Characters that show (whitespace left out).
fn visible(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// Collapse runs of blank lines, trim each line and drop the site's lines.
fn clean_lines(out: &str) -> String {
    let mut text = String::with_capacity(out.len());
    let mut blank = false;
    for line in out.lines() {
        let line = line.trim();
        if is_chrome_line(line) || is_date_banner(line) {
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

/// A short line naming a weekday (今天是2025年3月5日 星期三): the site's date banner.
fn is_date_banner(line: &str) -> bool {
    line.chars().count() <= chrome().banner_max_chars
        && chrome().banner_words.iter().any(|w| line.contains(w.as_str()))
}

/// Nesting deeper than this is read as flat text (a hostile page nests
/// thousands of elements; the walk must not run out of stack).
pub const MAX_DEPTH: usize = 128;
/// A table's laid-out text may be this many times its cells' own text (plus
/// [`TABLE_TEXT_FLOOR`]): spans copy a cell into every cell they cover.
pub const TABLE_TEXT_FACTOR: usize = 8;
/// Laid-out text every table may have whatever its cells hold.
pub const TABLE_TEXT_FLOOR: usize = 64 * 1024;

/// Walks a page's elements in reading order, writing text lines.
#[derive(Default)]
struct Walker<'m> {
    /// text measures, when link lists are to be left out
    measures: Option<&'m article::Measures>,
    capped: Vec<String>,
}

impl Walker<'_> {
    fn walk(&mut self, el: ElementRef, out: &mut String, skip_furniture: bool, depth: usize) {
        let name = el.value().name();
        if SKIP.contains(&name) || skip_furniture && name != "table" && is_site_furniture(&el) {
            return;
        }
        if self.measures.is_some_and(|m| article::is_link_list(&el, m)) {
            return;
        }
        if depth >= MAX_DEPTH {
            self.capped
                .push(format!("html: elements nested deeper than {MAX_DEPTH} read as flat text"));
            flat_text(el, out);
            return;
        }
        if name == "table" {
            self.table_lines(el, out, depth);
            return;
        }
        let block = BLOCK.contains(&name);
        if block {
            out.push('\n');
        }
        for child in el.children() {
            match child.value() {
                Node::Text(t) => push_inline(t, out),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.walk(e, out, skip_furniture, depth + 1);
                    }
                }
                _ => {}
            }
        }
        if block {
            out.push('\n');
        }
    }

    pub(super) fn cell_text(&mut self, el: ElementRef, depth: usize) -> String {
        let mut s = String::new();
        self.walk(el, &mut s, true, depth);
        s.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "/")
    }
}

/// Inline text: whitespace collapses to one space.
fn push_inline(s: &str, out: &mut String) {
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

/// Every text node below `el`, in order, one line per block (no recursion).
fn flat_text(el: ElementRef, out: &mut String) {
    out.push('\n');
    for node in el.descendants() {
        match node.value() {
            Node::Text(t) => push_inline(t, out),
            Node::Element(e) if BLOCK.contains(&e.name()) => out.push('\n'),
            _ => {}
        }
    }
    out.push('\n');
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
        use super::table::MAX_TABLE_COLS;
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
