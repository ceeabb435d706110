//! Reading workbooks and CSV files into grids of cells, defensively: the file's
//! real type is sniffed (a .xlsx that is really HTML or CSV), encrypted and
//! corrupt files are refused with a reason, zip entries are size-checked before
//! anything is inflated (no zip bombs), rows are capped, and merged header
//! cells are filled across their area.

mod ods_check;

use super::cells::{self, Cell};
use crate::diag::{Code, Diagnostic};
use calamine::{Data, Reader, Sheets};
use std::io::Cursor;

/// Largest uncompressed workbook part read (a sheet's XML).
pub const MAX_PART_BYTES: u64 = 256 << 20;
/// Largest workbook file read.
pub const MAX_FILE_BYTES: u64 = 256 << 20;
use super::grid::{Area, GridBuilder};
pub use super::grid::{Grid, MAX_ROWS};
use super::xlsx_merges;

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

/// An OpenDocument spreadsheet: its `mimetype` part says so.
fn is_ods(bytes: &[u8]) -> bool {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return false };
    let Ok(part) = zip.by_name("mimetype") else { return false };
    let mut head = String::new();
    let _ = std::io::Read::read_to_string(&mut std::io::Read::take(part, 128), &mut head);
    head.contains("opendocument.spreadsheet")
}

/// Check an OLE container (.xls) before calamine walks it: the `cfb` crate
/// validates the sector chains (a cyclic chain would make calamine's reader
/// grow without end) and every stream's declared size is capped.
fn check_ole(bytes: &[u8]) -> Result<(), ReadError> {
    let checked = std::panic::catch_unwind(|| {
        let ole = cfb::CompoundFile::open(Cursor::new(bytes))
            .map_err(|e| ReadError::Corrupt(format!("damaged OLE container: {e}")))?;
        let mut total = 0u64;
        for entry in ole.walk() {
            total = total.saturating_add(entry.len());
            if entry.len() > MAX_PART_BYTES || total > 4 * MAX_PART_BYTES {
                return Err(ReadError::TooLarge {
                    part: entry.path().display().to_string(),
                    size: entry.len(),
                    limit: MAX_PART_BYTES,
                });
            }
        }
        Ok(())
    });
    checked.unwrap_or_else(|_| Err(ReadError::Corrupt("damaged OLE container".into())))
}

/// Read every sheet of a workbook held in memory.
pub fn read_workbook(bytes: &[u8]) -> Result<Vec<Grid>, ReadError> {
    match sniff(bytes) {
        Sniffed::Zip => {
            check_zip(bytes)?;
            if is_ods(bytes) {
                ods_check::check(bytes)?;
            }
        }
        Sniffed::Ole => {
            // an encrypted OOXML file is an OLE container with an EncryptionInfo stream
            let marker: Vec<u8> =
                "EncryptionInfo".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
            if memchr::memmem::find(bytes, &marker).is_some() {
                return Err(ReadError::Encrypted);
            }
            check_ole(bytes)?;
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
    let is_xlsx = matches!(book, Sheets::Xlsx(_));
    let names = book.sheet_names().to_vec();
    // an xlsx's merged cells take a second inflate of its sheets: done beside the cells
    let (mut known, read) = rayon::join(
        || if is_xlsx { xlsx_merges::merges(bytes) } else { None },
        || names.iter().map(|name| read_cells(&mut book, name)).collect::<Vec<_>>(),
    );
    names
        .iter()
        .zip(read)
        .map(|(name, cells)| {
            let (b, merges) = cells?;
            let merges = match (merges, &mut book) {
                (Some(m), _) => m,
                (None, book) => match known.as_mut() {
                    Some(k) => k.remove(name).unwrap_or_default(),
                    None => calamine_merges(book, name),
                },
            };
            Ok(b.finish(&merges))
        })
        .collect()
}

/// One sheet's cells into a capped grid, with its merged areas when the
/// reader gives them (None for an xlsx: they are found apart): xlsx and xlsb
/// cell by cell (no range is ever allocated from what the file declares),
/// xls and ods from their range.
fn read_cells(
    book: &mut Sheets<Cursor<&[u8]>>,
    name: &str,
) -> Result<(GridBuilder, Option<Vec<Area>>), ReadError> {
    let corrupt = |e: String| ReadError::Corrupt(format!("sheet {name}: {e}"));
    let mut b = GridBuilder::new(name);
    let merges = match book {
        Sheets::Xlsx(x) => {
            let mut cells = x.worksheet_cells_reader(name).map_err(|e| corrupt(e.to_string()))?;
            while let Some(c) = cells.next_cell().map_err(|e| corrupt(e.to_string()))? {
                let (r, col) = c.get_position();
                if !push_cell(&mut b, r, col, cells::from_data_ref(c.get_value())) {
                    break;
                }
            }
            return Ok((b, None));
        }
        Sheets::Xlsb(x) => {
            let mut cells = x.worksheet_cells_reader(name).map_err(|e| corrupt(e.to_string()))?;
            while let Some(c) = cells.next_cell().map_err(|e| corrupt(e.to_string()))? {
                let (r, col) = c.get_position();
                if !push_cell(&mut b, r, col, cells::from_data_ref(c.get_value())) {
                    break;
                }
            }
            Vec::new()
        }
        _ => {
            let range = book.worksheet_range(name).map_err(|e| corrupt(e.to_string()))?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, d) in range.used_cells() {
                if !push(&mut b, r0 + r as u32, c0 + c as u32, d) {
                    break;
                }
            }
            match book {
                Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
                _ => Vec::new(),
            }
        }
    };
    Ok((b, Some(areas(&merges))))
}

/// An xlsx sheet's merged areas from calamine (when the package could not be read apart).
fn calamine_merges(book: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Vec<Area> {
    match book {
        Sheets::Xlsx(x) => areas(&x.merge_cells_by_sheet_name(name).unwrap_or_default()),
        _ => Vec::new(),
    }
}

fn areas(merges: &[calamine::Dimensions]) -> Vec<Area> {
    merges
        .iter()
        .map(|m| ((m.start.0 as usize, m.start.1 as usize), (m.end.0 as usize, m.end.1 as usize)))
        .collect()
}

/// One cell into the grid (blank cells are not stored); false once it is full.
fn push(b: &mut GridBuilder, row: u32, col: u32, d: &Data) -> bool {
    push_cell(b, row, col, cells::from_data(d))
}

fn push_cell(b: &mut GridBuilder, row: u32, col: u32, cell: Cell) -> bool {
    cell.is_blank() || b.push(row as usize, col as usize, cell)
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
    let mut b = GridBuilder::new(name);
    'rows: for (row, rec) in r.records().enumerate() {
        let rec = rec.map_err(|e| ReadError::Corrupt(format!("line {}: {e}", row + 1)))?;
        for (col, text) in rec.iter().enumerate() {
            let cell = Cell { text: text.trim().to_string(), value: cells::parse_text(text) };
            if !cell.is_blank() && !b.push(row, col, cell) {
                break 'rows;
            }
        }
    }
    Ok(b.finish(&[]))
}
