//! Text reports: decoded bytes (or a web page's text) become a [`Document`]
//! with a folded copy for matching; page chrome lines (分享 打印 字号…) are
//! dropped from the matching copy, and degenerate texts are refused.

use super::fold::{self, NormText};
use super::{content_id, decode, html, Document, Format};
use crate::diag::{Code, Diagnostic};

/// Decode and normalise bytes already read; `claimed` is what the file's name
/// says (text or HTML); a text whose content is a web page is read as one.
pub fn document_from_bytes(
    source: &str,
    bytes: &[u8],
    claimed: Format,
) -> Result<(Document, Vec<Diagnostic>), Diagnostic> {
    let mut diags = Vec::new();
    let decoded = decode::decode(bytes).map_err(|e| {
        let code = match e {
            decode::DecodeError::Empty => Code::IngestEmpty,
            decode::DecodeError::Binary(_) => Code::IngestBinary,
        };
        Diagnostic::error(source, code, e.to_string())
    })?;
    if decoded.malformed > 0 {
        let first = decoded
            .text
            .find('\u{FFFD}')
            .map(|b| decoded.text[..b].lines().count().max(1))
            .unwrap_or(1);
        diags.push(
            Diagnostic::warning(
                source,
                Code::DecodeMalformed,
                format!("{} malformed byte sequence(s) in {} text replaced (truncated or mixed encoding?)", decoded.malformed, decoded.encoding),
            )
            .at(format!("line {first}")),
        );
    }
    let is_html = claimed == Format::Html || html::looks_like_html(&decoded.text);
    let (format, original) = if is_html {
        let page = html::read_page(&decoded.text);
        diags.extend(page_diagnostics(source, &page));
        (Format::Html, page.text)
    } else {
        (Format::Text, decoded.text)
    };
    let doc = document_from_text(source, bytes, original, format, decoded.encoding, &mut diags)?;
    Ok((doc, diags))
}

/// What reading a page left out, said: caps hit (`ingest.capped`) and the
/// site furniture dropped around the article (`ingest.furniture`, info).
fn page_diagnostics(source: &str, page: &html::PageText) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = page
        .capped
        .iter()
        .map(|what| Diagnostic::warning(source, Code::IngestCapped, what))
        .collect();
    if page.furniture_chars > 0 {
        let msg = format!(
            "{} characters of site furniture (menus, banners, link lists, footer) left out around the report",
            page.furniture_chars
        );
        out.push(Diagnostic::info(source, Code::IngestFurniture, msg));
    }
    out
}

/// The most text one document is read to: reports are well under a
/// megabyte; past this (a one-line megabyte text, a runaway layout) the rest
/// is left out with `ingest.capped`, so one document's work stays bounded.
pub const MAX_DOCUMENT_BYTES: usize = 8 << 20;

/// A document from text a reader took out of `bytes` (a web page's, a Word
/// file's or a PDF's text, or the decoded text itself).
pub fn document_from_text(
    source: &str,
    bytes: &[u8],
    mut original: String,
    format: Format,
    encoding: &str,
    diags: &mut Vec<Diagnostic>,
) -> Result<Document, Diagnostic> {
    if original.len() > MAX_DOCUMENT_BYTES {
        let cut =
            (0..=MAX_DOCUMENT_BYTES).rev().find(|&i| original.is_char_boundary(i)).unwrap_or(0);
        let msg = format!(
            "text of {} bytes is over the {MAX_DOCUMENT_BYTES}-byte budget of one document: the rest after byte {cut} left out",
            original.len()
        );
        diags.push(Diagnostic::warning(source, Code::IngestCapped, msg));
        original.truncate(cut);
    }
    if original.trim().is_empty() {
        return Err(Diagnostic::error(source, Code::IngestEmpty, "no text in the file"));
    }
    if let Some(d) = degenerate(source, &original) {
        return Err(d);
    }
    let norm = drop_chrome_lines(fold::normalize(&original));
    Ok(Document {
        source: source.to_string(),
        id: content_id(bytes),
        format,
        encoding: encoding.to_string(),
        original,
        norm,
        bytes: bytes.len() as u64,
    })
}

/// A long text made of a handful of distinct characters is not a report.
fn degenerate(source: &str, text: &str) -> Option<Diagnostic> {
    if text.len() < 4096 {
        return None;
    }
    let mut seen = std::collections::HashSet::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        seen.insert(c);
        if seen.len() > 16 {
            return None;
        }
    }
    Some(Diagnostic::error(
        source,
        Code::IngestDegenerate,
        format!(
            "{} bytes made of only {} distinct character(s): not a report",
            text.len(),
            seen.len()
        ),
    ))
}

/// A line made only of page-chrome words (`datasets/ingest/page_chrome.toml`).
fn is_chrome_line(line: &str) -> bool {
    let chrome = html::chrome_words();
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    // no chrome word is longer than a short line: a sentence is never chrome
    let longest = chrome.iter().map(String::len).max().unwrap_or(0);
    t.split([' ', '\t', '|']).filter(|w| !w.is_empty()).all(|w| {
        let w = w.trim_matches(|c: char| "【】[]:：".contains(c));
        w.is_empty() || w.len() <= longest && chrome.iter().any(|c| c.eq_ignore_ascii_case(w))
    })
}

/// Remove page-chrome lines from a normalised text, keeping the map intact.
pub(super) fn drop_chrome_lines(norm: NormText) -> NormText {
    let mut out = NormText {
        text: String::with_capacity(norm.text.len()),
        orig: Vec::new(),
        byte_at: Vec::new(),
    };
    let mut ci = 0usize;
    let mut dropped_any = false;
    let mut keep: Vec<(usize, usize)> = Vec::new();
    for line in norm.text.split_inclusive('\n') {
        let n = line.chars().count();
        if is_chrome_line(line) {
            dropped_any = true;
        } else {
            keep.push((ci, ci + n));
        }
        ci += n;
    }
    if !dropped_any {
        return norm;
    }
    // whole kept lines are copied, their byte offsets shifted by what was dropped
    for (s, e) in keep {
        let shift = norm.byte_at[s] - out.text.len() as u32;
        out.text.push_str(norm.slice(s, e));
        out.orig.extend_from_slice(&norm.orig[s..e]);
        out.byte_at.extend(norm.byte_at[s..e].iter().map(|b| b - shift));
    }
    let b = out.text.len() as u32;
    out.orig.push(*norm.orig.last().unwrap_or(&0));
    out.byte_at.push(b);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines_go_and_map_stays() {
        let doc = Document::from_text("t", "页面\n配色\n分享 微信\n全年行政复议5件\n");
        assert_eq!(doc.norm.text, "全年行政复议5件\n");
        let (s, e) = doc.norm.orig_span(6, 8);
        assert_eq!(doc.original_chars(s, e), "5件");
    }

    #[test]
    fn repeated_character_is_degenerate() {
        let text = "啊".repeat(5000);
        let err = document_from_bytes("x.txt", text.as_bytes(), Format::Text).unwrap_err();
        assert_eq!(err.code, Code::IngestDegenerate);
    }
}
