//! Spreadsheets (xlsx, xlsm, xls, ods): statistics offices' tables read into
//! the same facts as text reports.

use crate::build::{Engine, FileResult};
use crate::diag::Diagnostic;
use std::path::Path;

/// Read one workbook into facts.
pub fn process_sheet(_engine: &Engine, path: &Path) -> FileResult {
    FileResult {
        diagnostics: vec![Diagnostic::error(&path.display().to_string(), "sheet.unsupported", "spreadsheets are not read yet")],
        ..Default::default()
    }
}
