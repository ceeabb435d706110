//! CSV that opens safely where planners open it: every CSV starts with the
//! UTF-8 byte-order mark (Excel on a Chinese Windows otherwise reads it as
//! GBK), and no text cell can run as a formula (OWASP's CSV-injection rule: a
//! cell beginning with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
//! leading `'`). The prefix is reversible — a cell that already begins with
//! `'` gets one too — so the engine reads its own CSVs back exactly
//! ([`restore`], [`read_table`]). Parquet and the report page keep the text
//! as it is.

use polars::prelude::*;
use serde::de::DeserializeOwned;
use std::borrow::Cow;
use std::path::Path;

/// The UTF-8 byte-order mark every CSV output starts with.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The prefix that keeps a cell from being read as a formula.
const GUARD: char = '\'';

/// Whether a cell beginning with `c` must be guarded.
fn needs_guard(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | GUARD)
}

/// The cell as written to CSV: guarded when a spreadsheet could take it for
/// a formula (or when it begins with the guard itself, so it reads back).
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if needs_guard(c) => Cow::Owned(format!("{GUARD}{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The cell as it was before [`neutralise`].
pub fn restore(cell: &str) -> &str {
    cell.strip_prefix(GUARD).unwrap_or(cell)
}

/// `df` with every string cell neutralised, or `None` when no cell needs it
/// (the common case: nothing is copied).
pub fn neutralised(df: &DataFrame) -> PolarsResult<Option<DataFrame>> {
    let guarded = |s: &&str| s.chars().next().is_some_and(needs_guard);
    let mut columns = df.columns().to_vec();
    let mut changed = false;
    for column in columns.iter_mut() {
        if column.dtype() != &DataType::String {
            continue;
        }
        let ca = column.str()?;
        if !ca.iter().flatten().any(|s| guarded(&s)) {
            continue;
        }
        let safe: StringChunked = ca.iter().map(|o| o.map(neutralise)).collect();
        *column = safe.with_name(column.name().clone()).into_column();
        changed = true;
    }
    changed.then(|| DataFrame::new(df.height(), columns)).transpose()
}

/// A CSV writer over bytes that already start with the byte-order mark.
pub fn bytes_writer() -> csv::Writer<Vec<u8>> {
    csv::Writer::from_writer(BOM.to_vec())
}

/// Read a CSV the engine wrote (byte-order mark skipped, guards removed)
/// into records of `T`, matched to the header by name.
pub fn read_table<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>, csv::Error> {
    let mut reader = csv::Reader::from_path(path)?;
    let headers = reader.headers()?.clone();
    let mut out = Vec::new();
    for record in reader.records() {
        let record: csv::StringRecord = record?.iter().map(restore).collect();
        out.push(record.deserialize(Some(&headers))?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_guarded_and_read_back() {
        // the sentence of a hostile page, as an evidence cell
        let cell = "=HYPERLINK(\"http://x\")办理信访事项30件";
        assert_eq!(neutralise(cell), format!("'{cell}"));
        for c in ["+1", "-1", "@SUM(A1)", "\tx", "\rx", "'quoted"] {
            assert!(neutralise(c).starts_with('\''), "{c:?}");
            assert_eq!(restore(&neutralise(c)), c);
        }
        assert!(matches!(neutralise("办理信访事项30件"), Cow::Borrowed(_)));
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn only_frames_with_a_guarded_cell_are_copied() {
        let plain = df!("a" => ["x", "y"], "n" => [1, 2]).unwrap();
        assert!(neutralised(&plain).unwrap().is_none());
        let hostile = df!("a" => ["x", "=1+1"], "n" => [1, 2]).unwrap();
        let safe = neutralised(&hostile).unwrap().unwrap();
        let a: Vec<_> = safe.column("a").unwrap().str().unwrap().iter().collect();
        assert_eq!(a, vec![Some("x"), Some("'=1+1")]);
    }

    #[test]
    fn a_written_table_reads_back_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        let mut w = bytes_writer();
        w.write_record(["name", "note"]).unwrap();
        w.write_record(["a", neutralise("=cmd").as_ref()]).unwrap();
        std::fs::write(&path, w.into_inner().unwrap()).unwrap();
        assert!(std::fs::read(&path).unwrap().starts_with(BOM));
        let rows: Vec<(String, String)> = read_table(&path).unwrap();
        assert_eq!(rows, vec![("a".to_string(), "=cmd".to_string())]);
    }
}
