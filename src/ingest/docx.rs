//! Word reader: `.docx` / `.docm` packages (OOXML, transitional or strict) →
//! text laid out the way the HTML reader (`html.rs`) lays out a page: one
//! paragraph per line, each table row a `cell | cell | …` line with merged
//! cells expanded (gridSpan repeats a cell across its columns, vMerge repeats
//! the restart cell down, as HTML colspan/rowspan do) and a blank line around
//! each table. OLE compound files (.doc, Works .wps, password-protected
//! packages) are handed to [`ole`].
//!
//! The input is untrusted. Every size is checked against [`Limits`] before
//! memory is set aside for it: the zip central directory's declared sizes and
//! compression ratio first, then each part is inflated through `take(size + 1)`
//! so a header that lies cannot get past its own claim either. XML is read with
//! quick-xml, which does not expand DTD entities (no "billion laughs"). No
//! input makes this module panic.

use std::collections::HashSet;

pub mod ole;
use package::{rels, xml_text, Package};

#[cfg(test)]
pub(crate) mod fixture;
mod package;
mod table;
#[cfg(test)]
mod tests;
mod vocab;
mod wordml;

/// Caps on what one input file may make the reader allocate or produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// largest decompressed part (or OLE stream), in bytes
    pub max_part_bytes: u64,
    /// all parts (or streams) read from one file, added up, in bytes
    pub max_total_bytes: u64,
    /// entries in the zip central directory (or OLE directory)
    pub max_entries: usize,
    /// table cells, counted after merged cells are expanded
    pub max_table_cells: usize,
    /// chars of text produced (body, headers, footers and notes together)
    pub max_text_chars: usize,
    /// largest decompressed : compressed ratio of a part over 1 MiB (zip bombs)
    pub max_ratio: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_part_bytes: 64 << 20,
            max_total_bytes: 256 << 20,
            max_entries: 10_000,
            max_table_cells: 1_000_000,
            max_text_chars: 32 << 20,
            max_ratio: 250,
        }
    }
}

/// Text of a Word document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WordText {
    /// paragraphs in document order, one per line; tables as `a | b | c` lines
    pub body: String,
    /// one entry per non-empty header part, its lines joined by `\n`
    pub headers: Vec<String>,
    /// one entry per non-empty footer part
    pub footers: Vec<String>,
    /// one entry per non-empty footnote, then per endnote
    pub footnotes: Vec<String>,
    /// non-empty body paragraphs outside tables
    pub paragraphs: usize,
    /// tables in the body, nested ones included
    pub tables: usize,
    /// parts left out (a broken header or notes part, embedded altChunk
    /// content): the body was read, these were not
    pub warnings: Vec<String>,
}

/// Why a Word file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    /// neither a zip package nor an OLE compound file
    #[error("not a Word document: neither a zip package (.docx) nor an OLE file (.doc)")]
    NotZip,
    /// the package lacks a part it needs
    #[error("the Word package has no {0} part")]
    MissingPart(String),
    /// a size cap of [`Limits`] would be passed
    #[error("{part} is over the limit of {limit}")]
    TooLarge {
        /// what was too large (part name, or "text (chars)", "table cells", …)
        part: String,
        /// the cap in force
        limit: u64,
    },
    /// password-protected: an OLE file with an EncryptedPackage stream, or an
    /// encrypted .doc
    #[error("a password-protected (encrypted) Office file: remove the password and save it again")]
    Encrypted,
    /// broken zip data or XML; the text says where
    #[error("malformed Word file: {0}")]
    Malformed(String),
    /// a .doc / .wps whose text this reader cannot take out
    #[error("a legacy Word (.doc/.wps) file: save it as .docx")]
    LegacyWord,
}

pub(crate) fn too_large(part: impl Into<String>, limit: u64) -> DocxError {
    DocxError::TooLarge { part: part.into(), limit }
}

/// Read the text of a `.docx` / `.docm` (an OLE `.doc` is passed on to
/// [`ole::read_doc`]).
pub fn read_docx(bytes: &[u8], limits: &Limits) -> Result<WordText, DocxError> {
    if bytes.starts_with(&ole::MAGIC) {
        return ole::read_doc(bytes, limits);
    }
    let mut pkg = Package::open(bytes, limits)?;
    let main = main_part(&mut pkg)?;
    let mut budget = Budget::default();
    let body = parse_part(&mut pkg, &main, &mut budget)?
        .ok_or_else(|| DocxError::MissingPart(main.clone()))?;
    if body.root != "document" {
        return Err(DocxError::Malformed(format!(
            "{main}: root element <{}> is not a Word document body",
            body.root
        )));
    }
    let mut out = WordText {
        body: join_lines(&body.lines),
        paragraphs: body.paragraphs,
        tables: body.tables,
        ..WordText::default()
    };
    let mut rels = rels(&mut pkg, &main)?;
    rels.sort_by(|a, b| (a.1.len(), &a.1).cmp(&(b.1.len(), &b.1)));
    let mut seen = HashSet::new();
    for (kind, target) in rels {
        let list = match kind.as_str() {
            "header" => &mut out.headers,
            "footer" => &mut out.footers,
            "footnotes" | "endnotes" => &mut out.footnotes,
            "aFChunk" => {
                out.warnings.push(format!("{target}: embedded (altChunk) content not read"));
                continue;
            }
            _ => continue,
        };
        if target == main || !seen.insert(target.clone()) {
            continue;
        }
        match parse_part(&mut pkg, &target, &mut budget) {
            Ok(Some(part)) => {
                list.extend(part.items);
                if !part.lines.is_empty() {
                    list.push(join_lines(&part.lines).trim_end().to_string());
                }
            }
            Ok(None) => out.warnings.push(format!("{target}: referenced but not in the package")),
            Err(e @ DocxError::Malformed(_)) => out.warnings.push(format!("{e}: part skipped")),
            Err(e) => return Err(e),
        }
    }
    for list in [&mut out.headers, &mut out.footers, &mut out.footnotes] {
        list.retain(|s| !s.is_empty());
    }
    Ok(out)
}

/// Tell an Office file's kind from its zip part names or OLE stream names:
/// `docx` (also .docm), `xlsx` (also .xlsm), `pptx`, `odt`, `ods`, `odp`,
/// `doc`, `xls`, `ppt`, `wps` (Works), `encrypted` (a password-protected
/// package or .doc) or `ole` (another OLE file). `None`: neither zip nor OLE,
/// or a zip of some other kind.
pub fn sniff_office(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&ole::MAGIC) {
        return ole::sniff_ole(bytes);
    }
    let limits = Limits { max_part_bytes: 256 << 10, ..Limits::default() };
    let mut pkg = Package::open(bytes, &limits).ok()?;
    if let Ok(Some(mime)) = pkg.read("mimetype") {
        let mime = String::from_utf8_lossy(&mime);
        for (kind, suffix) in [("odt", ".text"), ("ods", ".spreadsheet"), ("odp", ".presentation")]
        {
            if mime.trim() == format!("application/vnd.oasis.opendocument{suffix}") {
                return Some(kind);
            }
        }
    }
    for (kind, part) in [
        ("docx", "word/document.xml"),
        ("xlsx", "xl/workbook.xml"),
        ("pptx", "ppt/presentation.xml"),
    ] {
        if pkg.index(part).is_some() {
            return Some(kind);
        }
    }
    let types = pkg.read("[Content_Types].xml").ok().flatten()?;
    let types = String::from_utf8_lossy(&types);
    [
        ("docx", "wordprocessingml.document"),
        ("docx", "ms-word.document.macroEnabled"),
        ("xlsx", "spreadsheetml.sheet"),
        ("xlsx", "ms-excel.sheet"),
        ("pptx", "presentationml"),
    ]
    .into_iter()
    .find(|(_, needle)| types.contains(needle))
    .map(|(kind, _)| kind)
}

/// The main document part, from the package relationships (`word/document.xml`
/// when they are missing).
fn main_part(pkg: &mut Package) -> Result<String, DocxError> {
    let main = rels(pkg, "")?
        .into_iter()
        .find(|(kind, _)| kind == "officeDocument")
        .map(|(_, target)| target)
        .unwrap_or_else(|| "word/document.xml".to_string());
    if pkg.index(&main).is_none() {
        return Err(match sniff_office(pkg.bytes) {
            Some(kind) if kind != "docx" => {
                DocxError::Malformed(format!("a zip package holding {kind}, not a Word document"))
            }
            _ => DocxError::MissingPart(main),
        });
    }
    Ok(main)
}

/// Lines to text: blank-line runs collapsed, none at either end, each line
/// ended by `\n` (as `html_to_text` does).
pub(crate) fn join_lines(lines: &[String]) -> String {
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    let mut blank = false;
    for line in lines {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Text and cells produced so far, shared by all parts of one file.
#[derive(Default)]
pub(crate) struct Budget {
    pub(crate) chars: usize,
    pub(crate) cells: usize,
    /// characters of .doc stories looked at (text or not)
    pub(crate) scanned: usize,
}

impl Budget {
    /// Count `n` more chars of output; error once past the limit.
    pub(crate) fn add_chars(&mut self, n: usize, limits: &Limits) -> Result<(), DocxError> {
        self.chars = self.chars.saturating_add(n);
        if self.chars > limits.max_text_chars {
            return Err(too_large("text (chars)", limits.max_text_chars as u64));
        }
        Ok(())
    }

    /// Count `n` more table cells; error once past the limit.
    pub(crate) fn add_cells(&mut self, n: usize, limits: &Limits) -> Result<(), DocxError> {
        self.cells = self.cells.saturating_add(n);
        if self.cells > limits.max_table_cells {
            return Err(too_large("table cells", limits.max_table_cells as u64));
        }
        Ok(())
    }
}

/// What one XML part gave.
struct Parsed {
    root: String,
    lines: Vec<String>,
    items: Vec<String>,
    paragraphs: usize,
    tables: usize,
}

fn parse_part(
    pkg: &mut Package,
    name: &str,
    budget: &mut Budget,
) -> Result<Option<Parsed>, DocxError> {
    let Some(bytes) = pkg.read(name)? else { return Ok(None) };
    let xml = xml_text(name, bytes)?;
    let limits = *pkg.limits;
    let mut walker = wordml::Walker::new(&limits, budget);
    walker.run(name, &xml)?;
    walker.finish().map(Some)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// Does a line break between these chars read as a space? Not at either end
/// of the text, next to whitespace, or between two CJK chars.
pub(crate) fn needs_space(before: Option<char>, after: Option<char>) -> bool {
    match (before, after) {
        (Some(a), Some(b)) => !(a.is_whitespace() || b.is_whitespace() || is_cjk(a) && is_cjk(b)),
        _ => false,
    }
}
