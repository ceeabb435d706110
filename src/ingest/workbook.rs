//! Reading workbooks and CSV files into grids of cells, defensively: the file's
//! real type is sniffed (a .xlsx that is really HTML or CSV), encrypted and
//! corrupt files are refused with a reason, zip entries are size-checked before
//! anything is inflated (no zip bombs), rows are capped, and merged header
//! cells are filled across their area.

use super::cells::{self, Cell};
use crate::diag::{Code, Diagnostic};
use calamine::{Data, Range, Reader, Sheets};
use std::io::Cursor;

/// Largest uncompressed workbook part read (a sheet's XML).
pub const MAX_PART_BYTES: u64 = 256 << 20;
/// Largest workbook file read.
pub const MAX_FILE_BYTES: u64 = 256 << 20;
/// Rows read per sheet; the rest is reported, not read.
pub const MAX_ROWS: usize = 1_000_000;

/// One sheet as a grid of cells.
#[derive(Debug, Clone)]
pub struct Grid {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    /// rows not read because of MAX_ROWS
    pub truncated: usize,
}

/// What a file really is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Zip,
    Ole,
    Html,
    Text,
    Empty,
    Binary,
}

pub fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.is_empty() {
        return Sniffed::Empty;
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Sniffed::Zip;
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Sniffed::Ole;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    if lower.contains("<html") || lower.contains("<table") || lower.contains("<!doctype") {
        return Sniffed::Html;
    }
    if crate::ingest::decode::decode(bytes).is_ok() {
        return Sniffed::Text;
    }
    Sniffed::Binary
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ReadError {
    #[error("the workbook is encrypted (password protected); save an unprotected copy")]
    Encrypted,
    #[error("workbook part {part} inflates to {size} bytes (limit {limit}): refused")]
    TooLarge { part: String, size: u64, limit: u64 },
    #[error("not a readable workbook: {0}")]
    Corrupt(String),
}

impl ReadError {
    /// The diagnostic naming the file and what is wrong with it.
    pub fn diagnostic(&self, source: &str) -> Diagnostic {
        let code = match self {
            ReadError::Encrypted => Code::SheetEncrypted,
            ReadError::TooLarge { .. } => Code::SheetTooLarge,
            ReadError::Corrupt(_) => Code::SheetCorrupt,
        };
        Diagnostic::error(source, code, self.to_string())
    }
}

/// Check a zip container's entries before reading: sizes as declared in the
/// central directory, so nothing is inflated.
fn check_zip(bytes: &[u8]) -> Result<(), ReadError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| ReadError::Corrupt(e.to_string()))?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).map_err(|e| ReadError::Corrupt(e.to_string()))?;
        total = total.saturating_add(f.size());
        if f.size() > MAX_PART_BYTES {
            return Err(ReadError::TooLarge {
                part: f.name().map(|n| n.to_string()).unwrap_or_default(),
                size: f.size(),
                limit: MAX_PART_BYTES,
            });
        }
    }
    if total > 4 * MAX_PART_BYTES {
        return Err(ReadError::TooLarge {
            part: "(all parts)".into(),
            size: total,
            limit: 4 * MAX_PART_BYTES,
        });
    }
    Ok(())
}

fn to_rows(range: &Range<Data>, merges: &[calamine::Dimensions]) -> (Vec<Vec<Cell>>, usize) {
    let (h, w) = range.get_size();
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let keep = h.min(MAX_ROWS);
    // absolute sheet coordinates: prepend the blank rows/cols calamine trims so A1 refs stay right
    let mut rows: Vec<Vec<Cell>> = vec![vec![Cell::empty(); c0 as usize + w]; r0 as usize];
    for row in range.rows().take(keep) {
        let mut r: Vec<Cell> = vec![Cell::empty(); c0 as usize];
        r.extend(row.iter().map(cells::from_data));
        rows.push(r);
    }
    // a merged area shows its value in every cell it covers (multi-row headers)
    for m in merges {
        let (sr, sc) = (m.start.0 as usize, m.start.1 as usize);
        let Some(v) = rows.get(sr).and_then(|r| r.get(sc)).cloned() else { continue };
        for r in sr..=(m.end.0 as usize).min(rows.len().saturating_sub(1)) {
            for c in sc..=(m.end.1 as usize) {
                if let Some(cell) = rows[r].get_mut(c) {
                    if cell.is_blank() {
                        *cell = v.clone();
                    }
                }
            }
        }
    }
    (rows, h - keep)
}

/// Read every sheet of a workbook held in memory.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Grid>, ReadError> {
    match sniff(bytes) {
        Sniffed::Zip => check_zip(bytes)?,
        Sniffed::Ole => {
            // an encrypted OOXML file is an OLE container with an EncryptionInfo stream
            if bytes.windows(28).any(|w| {
                w == "EncryptionInfo"
                    .encode_utf16()
                    .flat_map(|u| u.to_le_bytes())
                    .collect::<Vec<u8>>()
                    .as_slice()
            }) {
                return Err(ReadError::Encrypted);
            }
        }
        _ => {
            return Err(ReadError::Corrupt(
                "neither a zip (xlsx, ods) nor an OLE (xls) container".into(),
            ))
        }
    }
    let mut book: Sheets<_> =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
            let m = e.to_string();
            if m.to_ascii_lowercase().contains("password")
                || m.to_ascii_lowercase().contains("encrypt")
            {
                ReadError::Encrypted
            } else {
                ReadError::Corrupt(m)
            }
        })?;
    let names = book.sheet_names().to_vec();
    let mut grids = Vec::new();
    for name in names {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| ReadError::Corrupt(format!("sheet {name}: {e}")))?;
        let merges: Vec<calamine::Dimensions> = match &mut book {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let (rows, truncated) = to_rows(&range, &merges);
        grids.push(Grid { name, rows, truncated });
    }
    Ok(grids)
}

/// Read a CSV (any encoding yardstick decodes) as one grid named after the file.
pub fn read_csv(bytes: &[u8], name: &str) -> Result<Grid, ReadError> {
    let text =
        crate::ingest::decode::decode(bytes).map_err(|e| ReadError::Corrupt(e.to_string()))?.text;
    let delimiter =
        if text.lines().next().is_some_and(|l| l.matches('\t').count() > l.matches(',').count()) {
            b'\t'
        } else {
            b','
        };
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut truncated = 0;
    for rec in r.records() {
        let rec = rec.map_err(|e| ReadError::Corrupt(e.to_string()))?;
        if rows.len() >= MAX_ROWS {
            truncated += 1;
            continue;
        }
        rows.push(
            rec.iter()
                .map(|s| Cell { text: s.trim().to_string(), value: cells::parse_text(s) })
                .collect(),
        );
    }
    Ok(Grid { name: name.to_string(), rows, truncated })
}
