//! Spreadsheet cells as they really are: numbers stored as text, thousands
//! separators, full-width digits, "87.4%", footnote marks (12.5¹, 12.5*), and
//! the many ways of writing "no value" (empty, —, -, /, …, x, 未公开), which
//! are missing, never 0.
//!
//! `parse_text` strips footnote marks before reading the digits (NFKC would
//! turn "12.5¹" into "12.51"), knows the missing markers, and reads numbers
//! without allocating (`parse_number`); `from_data` turns calamine's cells
//! into these.

use calamine::Data;

/// What a cell holds, for reading tables.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    /// a missing-value marker: — - / … 无 (not 0)
    Missing,
    /// a number; `percent` when written with % (value as written: 87.4)
    Number {
        value: f64,
        percent: bool,
    },
    /// text: what it says is the cell's own `text` (kept once)
    Text,
}

/// One cell: its text as shown and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub value: CellValue,
}

impl Cell {
    /// The cell as shown: its text, or its number written plainly.
    pub fn shown(&self) -> String {
        let mut s = String::new();
        self.push_shown(&mut s);
        s
    }

    /// Append the cell as shown to `out` (no string of its own made).
    pub fn push_shown(&self, out: &mut String) {
        use std::fmt::Write;
        match (&self.value, self.text.is_empty()) {
            // a whole number is written as Display writes it, without its float path
            (CellValue::Number { value, .. }, true)
                if value.fract() == 0.0
                    && value.abs() < 1e15
                    && !(*value == 0.0 && value.is_sign_negative()) =>
            {
                out.push_str(itoa::Buffer::new().format(*value as i64));
            }
            (CellValue::Number { value, .. }, true) => {
                let _ = write!(out, "{value}");
            }
            _ => out.push_str(&self.text),
        }
    }

    pub fn empty() -> Cell {
        Cell { text: String::new(), value: CellValue::Empty }
    }

    pub fn number(&self) -> Option<f64> {
        match self.value {
            CellValue::Number { value, .. } => Some(value),
            _ => None,
        }
    }

    pub fn is_text(&self) -> bool {
        matches!(self.value, CellValue::Text)
    }

    pub fn is_blank(&self) -> bool {
        matches!(self.value, CellValue::Empty)
    }

    pub fn is_number(&self) -> bool {
        matches!(self.value, CellValue::Number { .. })
    }
}

crate::word_lists!(
    /// Words a cell says "no value" with (`ingest/cell_words.toml`).
    CellWords in "ingest/cell_words.toml" {
    /// words of a cell that has no value (无, 暂无, 不详): missing, not 0
    no_value_words,
});

/// Marks of a cell that has no value (dashes, slashes, N/A); its words are
/// [`no_value_words`].
const MISSING: &[&str] = &[
    "—", "–", "-", "--", "——", "―", "－", "－－", "/", "／", "…", "……", "...", "…。", "NA", "N/A",
    "n/a", "#N/A", "×", "x", "X", "ｘ", "Ｘ", "*", "＊",
];

/// Marks a table puts after a value to point at a note: 12.5¹, 12.5*, 12.5①.
fn is_footnote_mark(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '⁰'..='⁹' | '*' | '＊' | '†' | '‡' | '※' | '#' | '△' | '▲')
        || ('①'..='⑳').contains(&c)
}

/// A value with its footnote marks dropped: "12.5¹" → "12.5", "3.2[1]" → "3.2".
fn strip_footnote(t: &str) -> &str {
    let mut t = t.trim_end();
    loop {
        let before = t.len();
        t = t.trim_end_matches(is_footnote_mark).trim_end();
        for (open, close) in [('[', ']'), ('［', '］')] {
            if let Some(inner) = t.strip_suffix(close).and_then(|s| s.rsplit_once(open)) {
                if !inner.1.is_empty() && inner.1.chars().all(|c| c.is_ascii_digit()) {
                    t = inner.0.trim_end();
                }
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// What a text says as a number, read without allocating.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Parsed {
    Empty,
    Missing,
    Number {
        value: f64,
        percent: bool,
    },
    /// text that is not a number
    Text,
}

/// Full-width and other look-alike characters of a number, as ASCII.
fn ascii_of(c: char) -> Option<u8> {
    match c {
        '０'..='９' => Some(b'0' + (c as u32 - '０' as u32) as u8),
        '．' | '·' => Some(b'.'),
        '，' => Some(b','),
        '－' | '−' | '—' | '–' => Some(b'-'),
        '＋' => Some(b'+'),
        '％' | '﹪' => Some(b'%'),
        '\u{3000}' | '\u{a0}' | '\u{2009}' | '\u{202f}' => Some(b' '),
        _ if c.is_ascii() => Some(c as u8),
        _ => None,
    }
}

/// Read a text the way a statistics table writes numbers (see the module doc).
pub fn parse_number(raw: &str) -> Parsed {
    let t = raw.trim();
    if t.is_empty() {
        return Parsed::Empty;
    }
    if MISSING.contains(&t)
        || no_value_words().contains(&t)
        || t.starts_with('#') && t.ends_with(['!', '?'])
    {
        return Parsed::Missing;
    }
    let t = strip_footnote(t);
    let mut buf = [0u8; 48];
    let (mut n, mut digits, mut percent) = (0, 0, false);
    for (i, c) in t.chars().enumerate() {
        let Some(b) = ascii_of(c) else { return Parsed::Text };
        match b {
            b'0'..=b'9' => digits += 1,
            b',' | b' ' => continue,
            b'%' if !percent => {
                percent = true;
                continue;
            }
            b'-' | b'+' if i == 0 => {}
            b'.' => {}
            _ => return Parsed::Text,
        }
        if percent || n == buf.len() {
            return Parsed::Text; // something after the %, or too long to be a value
        }
        buf[n] = b;
        n += 1;
    }
    if digits == 0 {
        return if t.is_empty() { Parsed::Missing } else { Parsed::Text };
    }
    match std::str::from_utf8(&buf[..n]).ok().and_then(|s| s.parse::<f64>().ok()) {
        Some(value) if value.is_finite() => Parsed::Number { value, percent },
        _ => Parsed::Text,
    }
}

/// Parse text the way a statistics table writes numbers.
pub fn parse_text(raw: &str) -> CellValue {
    match parse_number(raw) {
        Parsed::Empty => CellValue::Empty,
        Parsed::Missing => CellValue::Missing,
        Parsed::Number { value, percent } => CellValue::Number { value, percent },
        Parsed::Text => CellValue::Text,
    }
}

/// A calamine cell. Dates become their serial number (a table's dates are not indicators).
pub fn from_data(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::empty(),
        // numbers keep no text: it is made only for the evidence of a fact (see `shown`)
        Data::Int(i) => Cell {
            text: String::new(),
            value: CellValue::Number { value: *i as f64, percent: false },
        },
        Data::Float(f) => {
            Cell { text: String::new(), value: CellValue::Number { value: *f, percent: false } }
        }
        Data::String(s) => text_cell(s),
        Data::Bool(b) => Cell { text: b.to_string(), value: CellValue::Text },
        Data::DateTime(dt) => Cell { text: dt.to_string(), value: CellValue::Text },
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            Cell { text: s.clone(), value: CellValue::Text }
        }
        Data::Error(e) => Cell { text: format!("{e:?}"), value: CellValue::Missing },
    }
}

/// A streamed xlsx/xlsb cell, read without making an owned calamine `Data` first.
pub fn from_data_ref(d: &calamine::DataRef) -> Cell {
    use calamine::DataRef;
    match d {
        DataRef::SharedString(s) => text_cell(s),
        DataRef::String(s) => text_cell(s),
        DataRef::Int(i) => from_data(&Data::Int(*i)),
        DataRef::Float(f) => from_data(&Data::Float(*f)),
        DataRef::Empty => Cell::empty(),
        other => from_data(&Data::from(other.clone())),
    }
}

fn text_cell(s: &str) -> Cell {
    let value = parse_text(s);
    Cell { text: s.trim().to_string(), value }
}

/// A1-style column letters: 0 → A, 26 → AA.
pub fn column_name(col: usize) -> String {
    let mut s = String::new();
    push_column_name(&mut s, col);
    s
}

/// Append A1-style column letters to `out`.
pub fn push_column_name(out: &mut String, mut col: usize) {
    let mut letters = [0u8; 16];
    let mut n = 0;
    loop {
        letters[n] = b'A' + (col % 26) as u8;
        n += 1;
        if col < 26 || n == letters.len() {
            break;
        }
        col = col / 26 - 1;
    }
    out.extend(letters[..n].iter().rev().map(|&b| b as char));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(value: f64) -> CellValue {
        CellValue::Number { value, percent: false }
    }

    #[test]
    fn a_number_is_shown_as_display_writes_it() {
        for v in [0.0, -0.0, 300.0, -12.0, 1948.5, 1e14, 1e15, 1e21, 0.1 + 0.2, 35371.28] {
            let cell = Cell { text: String::new(), value: num(v) };
            assert_eq!(cell.shown(), v.to_string(), "{v}");
        }
    }

    #[test]
    fn numbers_as_tables_write_them() {
        assert_eq!(parse_text("59,395"), num(59395.0));
        assert_eq!(parse_text("１２３"), num(123.0));
        assert_eq!(parse_text("１，２３４．５"), num(1234.5));
        assert_eq!(parse_text("87.4%"), CellValue::Number { value: 87.4, percent: true });
        assert_eq!(parse_text("８７．４％"), CellValue::Number { value: 87.4, percent: true });
        assert_eq!(parse_text(" -3.2 "), num(-3.2));
        assert_eq!(parse_text("－3.2"), num(-3.2));
        assert_eq!(parse_text("\u{3000}42\u{3000}"), num(42.0));
        assert_eq!(parse_text(""), CellValue::Empty);
        assert_eq!(parse_text("常州"), CellValue::Text);
        assert_eq!(parse_text("2023-01"), CellValue::Text);
        assert_eq!(parse_text("1.2.3"), CellValue::Text);
        assert_eq!(parse_text("12%3"), CellValue::Text);
        assert_eq!(parse_text("约12"), CellValue::Text);
    }

    #[test]
    fn footnote_marks_are_not_digits() {
        // NFKC would read "12.5¹" as 12.51
        assert_eq!(parse_text("12.5¹"), num(12.5));
        assert_eq!(parse_text("12.5²³"), num(12.5));
        assert_eq!(parse_text("12.5*"), num(12.5));
        assert_eq!(parse_text("12.5 ＊"), num(12.5));
        assert_eq!(parse_text("12.5①"), num(12.5));
        assert_eq!(parse_text("3.2[1]"), num(3.2));
        assert_eq!(parse_text("1,234*"), num(1234.0));
        assert_eq!(parse_text("5.5%*"), CellValue::Number { value: 5.5, percent: true });
    }

    #[test]
    fn missing_markers_are_not_zero() {
        for m in ["—", "-", "/", "…", "——", "x", "X", "×", "未公开", "无", "－", "...", "#DIV/0!"]
        {
            assert_eq!(parse_text(m), CellValue::Missing, "{m}");
        }
        assert_eq!(parse_text("0"), num(0.0));
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(3), "D");
        assert_eq!(column_name(26), "AA");
    }
}
