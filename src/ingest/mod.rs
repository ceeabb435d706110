//! Ingest: find input files and read each through one way in, [`open`],
//! which decides the format (extension first, then content) and returns what
//! was read: a decoded, folded text [`Document`] or a workbook's grids. A file
//! that cannot be used becomes a [`Diagnostic`], never a panic.
//!
//! Adding a format is one reader file here and one arm in [`read`].

pub mod cells;
pub mod decode;
pub mod detect;
pub mod docx;
pub mod fold;
pub mod grid;
pub mod html;
pub mod pdf;
mod readers;
pub mod text;
pub mod workbook;
mod xlsx_merges;

use crate::diag::{Code, Diagnostic};
pub use detect::Format;
use fold::NormText;
pub use html::PageChrome;
use std::path::{Path, PathBuf};
pub use text::document_from_bytes;
pub use workbook::Grid;

/// Largest text or HTML file read; anything bigger is refused with a diagnostic.
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

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
        let norm = text::drop_chrome_lines(fold::normalize(text));
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

/// Files under the given paths (folders walked recursively, hidden files and
/// the tool's own output skipped), sorted, deduplicated.
pub fn collect_inputs(paths: &[PathBuf], diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            for entry in walkdir::WalkDir::new(p).follow_links(false).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        if let Some(why) = not_a_report(e.path()) {
                            let source = e.path().display().to_string();
                            diags.push(Diagnostic::info(&source, Code::IngestSkipped, why));
                            continue;
                        }
                        files.push(e.into_path());
                    }
                    Ok(_) => {}
                    Err(err) => diags.push(Diagnostic::error(
                        &err.path()
                            .map(|p| p.display().to_string())
                            .unwrap_or_else(|| p.display().to_string()),
                        Code::IngestWalk,
                        err.to_string(),
                    )),
                }
            }
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            diags.push(Diagnostic::error(
                &p.display().to_string(),
                Code::IngestMissing,
                "no such file or folder",
            ));
        }
    }
    files.sort();
    files.dedup();
    files
}

/// Files a folder holds beside its reports: hidden files, temporaries,
/// configs and scripts, and notes (README, LICENSE, SOURCE …; other
/// markdown files are reports converted to text and are read).
const NOT_REPORT_EXTENSIONS: &[&str] = &["tmp", "toml", "json", "yaml", "yml", "lock", "py", "sh"];
const NOTE_NAMES: &[&str] = &["readme", "license", "licence", "changelog", "source", "notes"];

/// Why a file found in a folder is not read (None: it is read).
fn not_a_report(path: &Path) -> Option<&'static str> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let ext = detect::extension(path);
    let stem = name.split('.').next().unwrap_or("");
    if name.starts_with('.') {
        Some("a hidden file: not read")
    } else if NOT_REPORT_EXTENSIONS.contains(&ext.as_str()) {
        Some("a configuration, script or temporary file: not read")
    } else if ext == "md" && NOTE_NAMES.contains(&stem) {
        Some("a note kept beside the reports (README, LICENSE, SOURCE…): not read")
    } else {
        None
    }
}

/// What one input file holds once read.
#[derive(Debug, Clone)]
pub enum Content {
    /// a report as text (plain text or a web page's text)
    Text(Document),
    /// a workbook or delimited file as one grid per sheet
    Workbook(Vec<Grid>),
}

/// One input file, read.
#[derive(Debug, Clone)]
pub struct Input {
    pub source: String,
    /// content hash of the raw bytes (hex, 16 chars)
    pub id: String,
    pub format: Format,
    pub bytes: u64,
    pub content: Content,
    /// warnings met while reading (malformed bytes, a renamed file, …)
    pub diagnostics: Vec<Diagnostic>,
}

/// The one way in: read any input file the engine knows.
pub fn open(path: &Path) -> Result<Input, Diagnostic> {
    let source = path.display().to_string();
    let claimed = Format::from_path(path);
    if claimed == Format::Unsupported {
        return Err(unsupported(&source));
    }
    let bytes = read_capped(&source, path, claimed)?;
    let (format, mut diagnostics) = detect::decide(&source, claimed, &bytes)?;
    let content = read(&source, format, &bytes, &mut diagnostics)?;
    let format = match &content {
        Content::Text(doc) => doc.format,
        Content::Workbook(_) => claimed,
    };
    Ok(Input {
        id: content_id(&bytes),
        bytes: bytes.len() as u64,
        source,
        format,
        content,
        diagnostics,
    })
}

/// Run the reader of `format` over the file's bytes.
fn read(
    source: &str,
    format: Format,
    bytes: &[u8],
    diags: &mut Vec<Diagnostic>,
) -> Result<Content, Diagnostic> {
    match format {
        Format::Text | Format::Html => {
            let (doc, d) = text::document_from_bytes(source, bytes, format)?;
            diags.extend(d);
            Ok(Content::Text(doc))
        }
        Format::Csv | Format::Tsv => workbook::read_csv(bytes, &file_name(source))
            .map(|g| Content::Workbook(vec![g]))
            .map_err(|e| e.diagnostic(source)),
        Format::Xlsx | Format::Xlsm | Format::Xlsb | Format::Xls | Format::Ods => {
            workbook::read_workbook(bytes).map(Content::Workbook).map_err(|e| e.diagnostic(source))
        }
        Format::Docx | Format::Doc => {
            let (doc, d) = readers::read_word(source, bytes, format)?;
            diags.extend(d);
            Ok(Content::Text(doc))
        }
        Format::Pdf => Ok(Content::Text(readers::read_pdf(source, bytes)?.0)),
        Format::Unsupported => Err(unsupported(source)),
    }
}

/// The diagnostic of a format the engine cannot read, with what to do.
fn unsupported(source: &str) -> Diagnostic {
    let advice = detect::unsupported_advice(Path::new(source)).unwrap_or("not a report format");
    Diagnostic::error(source, Code::IngestUnsupported, format!("not read: {advice}"))
}

/// The file's bytes, refusing a file larger than its format's cap before reading it.
fn read_capped(source: &str, path: &Path, claimed: Format) -> Result<Vec<u8>, Diagnostic> {
    let (unreadable, too_large) = if claimed.is_tabular() || claimed.is_binary_document() {
        (Code::SheetUnreadable, Code::SheetUnreadable)
    } else {
        (Code::IngestUnreadable, Code::IngestTooLarge)
    };
    let len = std::fs::metadata(path)
        .map_err(|e| Diagnostic::error(source, unreadable, e.to_string()))?
        .len();
    let limit = claimed.max_bytes();
    if len > limit {
        let what = match claimed {
            f if f.is_tabular() => "a workbook",
            f if f.is_binary_document() => "a document",
            _ => "a text report",
        };
        return Err(Diagnostic::error(
            source,
            too_large,
            format!("{len} bytes is over the {limit} byte limit for {what}"),
        ));
    }
    std::fs::read(path).map_err(|e| Diagnostic::error(source, unreadable, e.to_string()))
}

/// The last component of a path as written.
pub fn file_name(source: &str) -> String {
    source.rsplit(['/', '\\']).next().unwrap_or(source).to_string()
}
