//! Ingest: find input files, read them (in parallel, by the caller), decode
//! and normalise them into [`Document`]s. A file that cannot be used becomes a
//! [`Diagnostic`], never a panic.

pub mod decode;
pub mod html;
pub mod normalize;

use crate::diag::Diagnostic;
use normalize::NormText;
use std::path::{Path, PathBuf};

/// Largest text or HTML file read; anything bigger is refused with a diagnostic.
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

/// How an input file is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Sheet,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Sheet => "sheet",
        }
    }
}

/// One decoded input report.
#[derive(Debug, Clone)]
pub struct Document {
    /// the path as given on the command line (or found under a given folder)
    pub source: String,
    /// content hash of the raw bytes (hex, 16 chars)
    pub id: String,
    pub format: Format,
    pub encoding: String,
    /// decoded text as written (evidence is quoted from this)
    pub original: String,
    /// matching copy with a map back to `original`
    pub norm: NormText,
    pub bytes: u64,
}

impl Document {
    /// Build a document from text already decoded (tests, benches, library users).
    pub fn from_text(source: &str, text: &str) -> Document {
        let norm = drop_chrome_lines(normalize::normalize(text));
        Document {
            source: source.to_string(),
            id: content_id(text.as_bytes()),
            format: Format::Text,
            encoding: "UTF-8".into(),
            original: text.to_string(),
            norm,
            bytes: text.len() as u64,
        }
    }

    /// Original text of an original char span.
    pub fn original_chars(&self, start: usize, end: usize) -> String {
        self.original.chars().skip(start).take(end.saturating_sub(start)).collect()
    }
}

pub fn content_id(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..16].to_string()
}

/// Spreadsheet extensions (read by the sheet reader, not as text).
pub fn is_sheet_path(path: &Path) -> bool {
    matches!(ext(path).as_str(), "xlsx" | "xlsm" | "xls" | "ods" | "xlsb" | "csv" | "tsv")
}

pub fn ext(path: &Path) -> String {
    path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default()
}

/// Files under the given paths (folders walked recursively, hidden files and
/// the tool's own output skipped), sorted, deduplicated.
pub fn collect_inputs(paths: &[PathBuf], diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            for entry in walkdir::WalkDir::new(p).follow_links(false).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        let name = e.file_name().to_string_lossy();
                        // hidden files, temporaries, and notes or configs kept beside reports
                        let skip_ext =
                            ["md", "tmp", "toml", "json", "yaml", "yml", "lock", "py", "sh"];
                        if name.starts_with('.') || skip_ext.contains(&ext(e.path()).as_str()) {
                            continue;
                        }
                        files.push(e.into_path());
                    }
                    Ok(_) => {}
                    Err(err) => diags.push(Diagnostic::error(
                        &err.path()
                            .map(|p| p.display().to_string())
                            .unwrap_or_else(|| p.display().to_string()),
                        "ingest.walk",
                        err.to_string(),
                    )),
                }
            }
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            diags.push(Diagnostic::error(
                &p.display().to_string(),
                "ingest.missing",
                "no such file or folder",
            ));
        }
    }
    files.sort();
    files.dedup();
    files
}

/// Read, decode and normalise one text or HTML file.
pub fn read_text_file(path: &Path) -> Result<(Document, Vec<Diagnostic>), Diagnostic> {
    let source = path.display().to_string();
    let meta = std::fs::metadata(path)
        .map_err(|e| Diagnostic::error(&source, "ingest.unreadable", e.to_string()))?;
    if meta.len() > MAX_TEXT_BYTES {
        return Err(Diagnostic::error(
            &source,
            "ingest.too_large",
            format!(
                "{} bytes is over the {} byte limit for a text report",
                meta.len(),
                MAX_TEXT_BYTES
            ),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error(&source, "ingest.unreadable", e.to_string()))?;
    document_from_bytes(&source, &bytes, &ext(path))
}

/// Decode and normalise bytes already read; `ext` is the lower-case file extension.
pub fn document_from_bytes(
    source: &str,
    bytes: &[u8],
    ext: &str,
) -> Result<(Document, Vec<Diagnostic>), Diagnostic> {
    let mut diags = Vec::new();
    let decoded = decode::decode(bytes).map_err(|e| {
        let code = match e {
            decode::DecodeError::Empty => "ingest.empty",
            decode::DecodeError::Binary(_) => "ingest.binary",
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
                "decode.malformed",
                format!("{} malformed byte sequence(s) in {} text replaced (truncated or mixed encoding?)", decoded.malformed, decoded.encoding),
            )
            .at(format!("line {first}")),
        );
    }
    let is_html =
        matches!(ext, "html" | "htm" | "shtml" | "xhtml") || html::looks_like_html(&decoded.text);
    let (format, original) = if is_html {
        (Format::Html, html::html_to_text(&decoded.text))
    } else {
        (Format::Text, decoded.text)
    };
    if let Some(d) = degenerate(source, &original) {
        return Err(d);
    }
    let norm = drop_chrome_lines(normalize::normalize(&original));
    Ok((
        Document {
            source: source.to_string(),
            id: content_id(bytes),
            format,
            encoding: decoded.encoding.to_string(),
            original,
            norm,
            bytes: bytes.len() as u64,
        },
        diags,
    ))
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
        "ingest.degenerate",
        format!(
            "{} bytes made of only {} distinct character(s): not a report",
            text.len(),
            seen.len()
        ),
    ))
}

/// Page furniture of government web pages (buttons, share links), dropped when a
/// line holds nothing else.
const CHROME: &[&str] = &[
    "页面",
    "配色",
    "辅助线",
    "重置",
    "分享",
    "打印",
    "扫一扫",
    "微信",
    "微博",
    "收藏",
    "下载",
    "全屏",
    "字号",
    "加大",
    "还原",
    "减小",
    "关闭",
    "头条",
    "空间",
    "qq",
    "qq空间",
    "字体",
    "大",
    "中",
    "小",
    "返回顶部",
    "选择区域",
    "【",
    "】",
    "[",
    "]",
    ":",
    "【字体:",
    "【字号:",
    "|",
    "分享到",
    "打印本页",
    "关闭窗口",
    "默认",
    ">>",
    "选择区域:>>",
];

fn is_chrome_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    t.split([' ', '\t', '|']).filter(|w| !w.is_empty()).all(|w| {
        let w = w.trim_matches(|c: char| "【】[]:：".contains(c));
        w.is_empty() || CHROME.contains(&w) || CHROME.contains(&w.to_ascii_lowercase().as_str())
    })
}

/// Remove page-chrome lines from a normalised text, keeping the map intact.
fn drop_chrome_lines(norm: NormText) -> NormText {
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
    let mut b = 0u32;
    for (s, e) in keep {
        for i in s..e {
            let piece = norm.slice(i, i + 1);
            out.text.push_str(piece);
            out.orig.push(norm.orig[i]);
            out.byte_at.push(b);
            b += piece.len() as u32;
        }
    }
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
        let err = document_from_bytes("x.txt", text.as_bytes(), "txt").unwrap_err();
        assert_eq!(err.code, "ingest.degenerate");
    }
}
