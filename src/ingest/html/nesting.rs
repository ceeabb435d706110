//! Nesting bounded before parsing: the HTML parser checks its stack of open
//! elements for each new element, so a page of 50,000 unclosed `<div>`s
//! costs seconds (quadratic in the depth). Tags that open past
//! [`MAX_PARSE_DEPTH`] are blanked out before the parse — their text stays,
//! read as flat text, as the walker reads anything past its own depth.

use std::borrow::Cow;

/// The deepest an element may open before the parse (no real page nears it:
/// tags that close themselves — p, li, td, tr, br, img… — do not count).
pub const MAX_PARSE_DEPTH: usize = 2000;

/// Tags that never hold a nested element of their own, or that the parser
/// closes implicitly (a page full of unclosed `<p>` is not deep).
const FLAT_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option", "!", "?",
];

/// The page with tags opened past [`MAX_PARSE_DEPTH`] blanked out, and how
/// many were (0: the page as it is).
pub fn bound_nesting(html: &str) -> (Cow<'_, str>, usize) {
    let b = html.as_bytes();
    let (mut depth, mut blanked) = (0usize, Vec::new());
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let at = i + off;
        let end = memchr::memchr(b'>', &b[at..]).map_or(b.len(), |e| at + e + 1);
        let tag = &b[at + 1..end.saturating_sub(1).max(at + 1)];
        if let Some(name) = tag.strip_prefix(b"/") {
            if !is_flat(name) {
                depth = depth.saturating_sub(1);
            }
        } else if !is_flat(tag) && !tag.ends_with(b"/") {
            depth += 1;
            if depth > MAX_PARSE_DEPTH {
                blanked.push((at, end));
            }
        }
        i = end.max(at + 1);
    }
    if blanked.is_empty() {
        return (Cow::Borrowed(html), 0);
    }
    let mut out = b.to_vec();
    for &(s, e) in &blanked {
        out[s..e].fill(b' ');
    }
    // only ASCII bytes of whole tags were replaced: still UTF-8
    let text = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (Cow::Owned(text), blanked.len())
}

/// Is the tag (its bytes after `<`) one that does not nest?
fn is_flat(tag: &[u8]) -> bool {
    let name_end =
        tag.iter().position(|c| c.is_ascii_whitespace() || *c == b'/').unwrap_or(tag.len());
    let name = &tag[..name_end];
    name.is_empty()
        || name.first().is_some_and(|c| !c.is_ascii_alphabetic())
        || FLAT_TAGS.iter().any(|t| name.eq_ignore_ascii_case(t.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_nested_past_the_bound_keeps_its_text_and_parses_fast() {
        let html =
            format!("<html><body>{}行政复议35件</body></html>", "<div><span>".repeat(20_000));
        let (bounded, blanked) = bound_nesting(&html);
        assert!(blanked > 30_000, "{blanked}");
        assert!(bounded.contains("行政复议35件"));
        let started = std::time::Instant::now();
        let text = super::super::read_page(&html).text;
        assert!(text.contains("行政复议35件"), "{text}");
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn ordinary_pages_are_left_as_they_are() {
        let html =
            "<html><body><p>一<p>二<table><tr><td>1<td>2</table><br><img src=x></body></html>";
        let page = html.repeat(3000);
        let (page, blanked) = bound_nesting(&page);
        assert_eq!(blanked, 0);
        assert!(matches!(page, Cow::Borrowed(_)));
    }
}
