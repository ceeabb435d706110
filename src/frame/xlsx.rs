//! The planner's workbook: frames written as Excel sheets (rust_xlsxwriter),
//! one sheet each, with the focus region's rows marked. Text is always stored
//! as a string cell, so a report's sentence never runs as a formula; the
//! workbook's dates are fixed, so the same frames give the same bytes.

use super::write::{write_atomic, FrameError};
use polars::prelude::*;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};
use std::collections::BTreeSet;
use std::path::Path;

/// One sheet: its name, its frame and the rows to mark.
pub struct Sheet<'a> {
    pub name: String,
    pub frame: &'a DataFrame,
    /// the rows (0-based, below the header) of the focus region
    pub focus: BTreeSet<usize>,
}

/// Excel's longest sheet name, in chars.
const SHEET_NAME_CHARS: usize = 31;
/// The widest a column is set, in characters.
const MAX_COLUMN_WIDTH: usize = 60;

/// A sheet name Excel accepts (no `[]:*?/\`, at most 31 chars, unique among `taken`).
fn sheet_name(wanted: &str, taken: &mut BTreeSet<String>) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(SHEET_NAME_CHARS)
        .collect();
    let clean = clean.trim_matches('\'').to_string();
    let mut name = if clean.is_empty() { "sheet".to_string() } else { clean };
    let mut n = 2;
    while taken.contains(&name.to_lowercase()) {
        let suffix = format!("~{n}");
        let keep = SHEET_NAME_CHARS - suffix.chars().count();
        name = format!("{}{suffix}", name.chars().take(keep).collect::<String>());
        n += 1;
    }
    taken.insert(name.to_lowercase());
    name
}

/// Display width of a cell's text (CJK characters take two columns).
fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// Write one cell; returns its display width.
fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: AnyValue,
    format: &Format,
) -> Result<usize, XlsxError> {
    let text = match value {
        AnyValue::Null => return Ok(0),
        AnyValue::Boolean(b) => {
            ws.write_boolean_with_format(row, col, b, format)?;
            return Ok(5);
        }
        AnyValue::String(s) => s.to_string(),
        AnyValue::StringOwned(s) => s.to_string(),
        v => match v.extract::<f64>() {
            Some(x) if x.is_finite() => {
                ws.write_number_with_format(row, col, x, format)?;
                return Ok(x.to_string().len());
            }
            _ => v.to_string(),
        },
    };
    ws.write_string_with_format(row, col, &text, format)?;
    Ok(width(&text))
}

fn add_sheet(
    book: &mut Workbook,
    sheet: &Sheet,
    taken: &mut BTreeSet<String>,
) -> Result<(), XlsxError> {
    let header = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);
    let plain = Format::new();
    let focus = Format::new().set_bold().set_background_color(Color::RGB(0xFFF2CC));
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(&sheet.name, taken))?;
    let df = sheet.frame;
    for (c, column) in df.columns().iter().enumerate() {
        let col = c as u16;
        let mut widest = width(column.name());
        ws.write_string_with_format(0, col, column.name().as_str(), &header)?;
        for r in 0..df.height() {
            let format = if sheet.focus.contains(&r) { &focus } else { &plain };
            let value = column.get(r).unwrap_or(AnyValue::Null);
            widest = widest.max(write_cell(ws, r as u32 + 1, col, value, format)?);
        }
        ws.set_column_width(col, (widest.min(MAX_COLUMN_WIDTH) + 2) as f64)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if df.width() > 0 {
        ws.autofilter(0, 0, df.height() as u32, df.width() as u16 - 1)?;
    }
    Ok(())
}

/// The workbook's bytes: one sheet per frame, in order.
pub fn workbook_bytes(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2000, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    let mut taken = BTreeSet::new();
    for sheet in sheets {
        add_sheet(&mut book, sheet, &mut taken)?;
    }
    book.save_to_buffer()
}

/// Write the workbook atomically; returns whether the file changed.
pub fn write_workbook(path: &Path, sheets: &[Sheet]) -> Result<bool, FrameError> {
    let io = |e: XlsxError| FrameError::Io {
        path: path.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    };
    let bytes = workbook_bytes(sheets).map_err(io)?;
    write_atomic(path, |w| {
        w.write_all(&bytes).map_err(|source| FrameError::Io { path: path.to_path_buf(), source })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    fn read_back(bytes: Vec<u8>) -> Xlsx<std::io::Cursor<Vec<u8>>> {
        Xlsx::new(std::io::Cursor::new(bytes)).unwrap()
    }

    #[test]
    fn text_is_stored_as_strings_and_numbers_as_numbers() {
        let hostile = "=HYPERLINK(\"http://x\")办理信访事项30件";
        let df = df!("evidence" => [hostile, "+1"], "value" => [30.0, 1.0]).unwrap();
        let sheets = [Sheet { name: "panel".into(), frame: &df, focus: BTreeSet::from([1]) }];
        let bytes = workbook_bytes(&sheets).unwrap();
        assert_eq!(bytes, workbook_bytes(&sheets).unwrap(), "same frames, same bytes");
        let mut book = read_back(bytes);
        let range = book.worksheet_range("panel").unwrap();
        assert_eq!(range.get((1, 0)), Some(&Data::String(hostile.into())));
        assert_eq!(range.get((2, 0)), Some(&Data::String("+1".into())));
        assert_eq!(range.get((1, 1)), Some(&Data::Float(30.0)));
        let formulas = book.worksheet_formula("panel").unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "no formula cells");
    }

    #[test]
    fn sheet_names_are_legal_and_unique() {
        let mut taken = BTreeSet::new();
        assert_eq!(sheet_name("a/b", &mut taken), "a_b");
        assert_eq!(sheet_name("A/B", &mut taken), "A_B~2");
        let long = sheet_name(&"x".repeat(40), &mut taken);
        assert_eq!(long.chars().count(), SHEET_NAME_CHARS);
    }
}
