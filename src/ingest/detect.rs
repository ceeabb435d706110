//! Format detection, in one place: the file's extension first, then its
//! content (a `.xls` that is really a web page, a `.xlsx` that is really CSV).

use super::workbook::{self, Sniffed};
use crate::diag::{Code, Diagnostic};
use std::path::Path;

/// How an input file is laid out (written in documents.csv's `format`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
    Xlsx,
    Xlsm,
    Xlsb,
    Xls,
    Ods,
    Csv,
    Tsv,
    /// Word 2007+ (.docx, .docm)
    Docx,
    /// legacy Word (.doc) and Works (.wps): OLE compound files
    Doc,
    /// a PDF with a text layer
    Pdf,
    /// a format the engine names but cannot read (see [`Unsupported`])
    Unsupported,
}

/// Formats people drop in a folder that the engine cannot read yet, each
/// with what to do about it.
pub const UNSUPPORTED: &[(&[&str], &str)] = &[
    (&["pptx", "ppt", "dps"], "a slide deck: export the report as .docx or .pdf"),
    (&["odt"], "an OpenDocument text: save it as .docx"),
    (&["rtf"], "a rich-text file: save it as .docx"),
    (&["ofd"], "an OFD document: print or export it to PDF"),
    (&["jpg", "jpeg", "png", "gif", "tif", "tiff", "bmp", "webp"], "an image: needs OCR first"),
    (&["zip", "rar", "7z", "gz", "tar"], "an archive: unpack it into the folder first"),
    (&["mht", "mhtml"], "a web archive: open it and save the page as .html"),
];

/// What to do about a file of an unsupported extension (None when supported).
pub fn unsupported_advice(path: &Path) -> Option<&'static str> {
    let ext = extension(path);
    UNSUPPORTED.iter().find(|(exts, _)| exts.contains(&ext.as_str())).map(|(_, what)| *what)
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Xlsx => "xlsx",
            Format::Xlsm => "xlsm",
            Format::Xlsb => "xlsb",
            Format::Xls => "xls",
            Format::Ods => "ods",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Docx => "docx",
            Format::Doc => "doc",
            Format::Pdf => "pdf",
            Format::Unsupported => "unsupported",
        }
    }

    /// What the file's extension claims (anything unknown is read as text).
    pub fn from_path(path: &Path) -> Format {
        match extension(path).as_str() {
            "html" | "htm" | "shtml" | "xhtml" => Format::Html,
            "xlsx" => Format::Xlsx,
            "xlsm" => Format::Xlsm,
            "xlsb" => Format::Xlsb,
            "xls" => Format::Xls,
            "ods" => Format::Ods,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "docx" | "docm" | "dotx" => Format::Docx,
            "doc" | "wps" | "dot" => Format::Doc,
            "pdf" => Format::Pdf,
            _ if unsupported_advice(path).is_some() => Format::Unsupported,
            _ => Format::Text,
        }
    }

    /// A format read into grids of cells (a workbook or a delimited file).
    pub fn is_tabular(self) -> bool {
        matches!(
            self,
            Format::Xlsx
                | Format::Xlsm
                | Format::Xlsb
                | Format::Xls
                | Format::Ods
                | Format::Csv
                | Format::Tsv
        )
    }

    /// A Word file (read into text, like a text report).
    pub fn is_word(self) -> bool {
        matches!(self, Format::Docx | Format::Doc)
    }

    /// A binary document format read into text (Word, PDF).
    pub fn is_binary_document(self) -> bool {
        self.is_word() || self == Format::Pdf
    }

    /// Largest file of this format that is read at all.
    pub fn max_bytes(self) -> u64 {
        if self.is_tabular() || self.is_binary_document() {
            workbook::MAX_FILE_BYTES
        } else {
            super::MAX_TEXT_BYTES
        }
    }
}

/// The lower-case extension of a path ("" when none).
pub fn extension(path: &Path) -> String {
    path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default()
}

/// The format to read `bytes` as, given what the name claims; a claim the
/// content contradicts is a `sheet.renamed` warning, unreadable content an error.
pub fn decide(
    source: &str,
    claimed: Format,
    bytes: &[u8],
) -> Result<(Format, Vec<Diagnostic>), Diagnostic> {
    if claimed.is_word() {
        return decide_word(source, claimed, bytes);
    }
    if claimed == Format::Pdf {
        return decide_pdf(source, bytes);
    }
    if !claimed.is_tabular() {
        return Ok((claimed, Vec::new()));
    }
    let renamed = |as_what: &str| renamed(source, Code::SheetRenamed, claimed, as_what);
    match (claimed, workbook::sniff(bytes)) {
        (_, Sniffed::Empty) => Err(Diagnostic::error(source, Code::IngestEmpty, "file is empty")),
        (Format::Csv | Format::Tsv, _) => Ok((claimed, Vec::new())),
        (_, Sniffed::Html) => Ok((Format::Html, vec![renamed("HTML: read as a web page")])),
        (_, Sniffed::Text) => Ok((Format::Csv, vec![renamed("text: read as CSV")])),
        (_, Sniffed::Binary) => Err(Diagnostic::error(
            source,
            Code::SheetCorrupt,
            "not a readable workbook: neither a workbook nor text",
        )),
        _ => Ok((claimed, Vec::new())),
    }
}

/// A Word claim checked against the content: many sites save a web page or
/// plain text under a .doc name; a .docx may be a legacy .doc and vice versa.
fn decide_word(
    source: &str,
    claimed: Format,
    bytes: &[u8],
) -> Result<(Format, Vec<Diagnostic>), Diagnostic> {
    let renamed = |as_what: &str| renamed(source, Code::IngestRenamed, claimed, as_what);
    match workbook::sniff(bytes) {
        Sniffed::Empty => Err(Diagnostic::error(source, Code::IngestEmpty, "file is empty")),
        Sniffed::Zip => Ok((Format::Docx, Vec::new())),
        Sniffed::Ole => Ok((Format::Doc, Vec::new())),
        Sniffed::Html => Ok((Format::Html, vec![renamed("HTML: read as a web page")])),
        Sniffed::Text => Ok((Format::Text, vec![renamed("plain text: read as text")])),
        Sniffed::Binary => Err(Diagnostic::error(
            source,
            Code::WordCorrupt,
            "not a Word document: neither a zip package (.docx) nor an OLE file (.doc)",
        )),
    }
}

/// A .pdf whose content is a web page or text (a site's error page saved
/// under the report's name) is read as what it is.
fn decide_pdf(source: &str, bytes: &[u8]) -> Result<(Format, Vec<Diagnostic>), Diagnostic> {
    if bytes[..bytes.len().min(1024)].windows(5).any(|w| w == b"%PDF-") {
        return Ok((Format::Pdf, Vec::new()));
    }
    let renamed = |as_what: &str| renamed(source, Code::IngestRenamed, Format::Pdf, as_what);
    match workbook::sniff(bytes) {
        Sniffed::Empty => Err(Diagnostic::error(source, Code::IngestEmpty, "file is empty")),
        Sniffed::Html => Ok((Format::Html, vec![renamed("HTML: read as a web page")])),
        Sniffed::Text => Ok((Format::Text, vec![renamed("plain text: read as text")])),
        _ => Err(Diagnostic::error(source, Code::PdfCorrupt, "not a PDF file")),
    }
}

/// The warning for a file whose content is another format than its name claims.
fn renamed(source: &str, code: Code, claimed: Format, as_what: &str) -> Diagnostic {
    Diagnostic::warning(
        source,
        code,
        format!("a .{} file that is really {as_what}", claimed.as_str()),
    )
}
