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
            _ => Format::Text,
        }
    }

    /// A format read into grids of cells (a workbook or a delimited file).
    pub fn is_tabular(self) -> bool {
        !matches!(self, Format::Text | Format::Html)
    }

    /// Largest file of this format that is read at all.
    pub fn max_bytes(self) -> u64 {
        if self.is_tabular() {
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
    if !claimed.is_tabular() {
        return Ok((claimed, Vec::new()));
    }
    let renamed = |as_what: &str| {
        Diagnostic::warning(
            source,
            Code::SheetRenamed,
            format!("a .{} file that is really {as_what}", claimed.as_str()),
        )
    };
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
