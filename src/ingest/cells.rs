//! Spreadsheet cells as they really are: numbers stored as text, thousands
//! separators, full-width digits, "87.4%", and the many ways of writing
//! "no value" (empty, —, -, /, …), which are missing, never 0.

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
    Text(String),
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
        match (&self.value, self.text.is_empty()) {
            (CellValue::Number { value, .. }, true) => value.to_string(),
            _ => self.text.clone(),
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
        matches!(self.value, CellValue::Text(_))
    }

    pub fn is_blank(&self) -> bool {
        matches!(self.value, CellValue::Empty)
    }

    pub fn is_number(&self) -> bool {
        matches!(self.value, CellValue::Number { .. })
    }
}

const MISSING: &[&str] =
    &["—", "–", "-", "--", "——", "/", "…", "……", "...", "无", "NA", "N/A", "n/a", "×", "x"];

/// Parse text the way a statistics table writes numbers.
pub fn parse_text(raw: &str) -> CellValue {
    let t = crate::ingest::fold::normalize_str(raw.trim());
    let t = t.trim();
    if t.is_empty() {
        return CellValue::Empty;
    }
    if MISSING.contains(&t) {
        return CellValue::Missing;
    }
    let (body, percent) = match t.strip_suffix('%') {
        Some(b) => (b.trim(), true),
        None => (t, false),
    };
    let cleaned: String = body.chars().filter(|c| *c != ',' && *c != ' ').collect();
    let numeric = !cleaned.is_empty()
        && cleaned.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
        && cleaned.chars().any(|c| c.is_ascii_digit())
        && !cleaned[1..].contains(['-', '+']);
    match cleaned.parse::<f64>() {
        Ok(v) if numeric && v.is_finite() => CellValue::Number { value: v, percent },
        _ => CellValue::Text(t.to_string()),
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
        Data::String(s) => Cell { text: s.trim().to_string(), value: parse_text(s) },
        Data::Bool(b) => Cell { text: b.to_string(), value: CellValue::Text(b.to_string()) },
        Data::DateTime(dt) => Cell { text: dt.to_string(), value: CellValue::Text(dt.to_string()) },
        Data::DateTimeIso(s) | Data::DurationIso(s) => {
            Cell { text: s.clone(), value: CellValue::Text(s.clone()) }
        }
        Data::Error(e) => Cell { text: format!("{e:?}"), value: CellValue::Missing },
    }
}

/// A1-style column letters: 0 → A, 26 → AA.
pub fn column_name(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_tables_write_them() {
        assert_eq!(parse_text("59,395"), CellValue::Number { value: 59395.0, percent: false });
        assert_eq!(parse_text("１２３"), CellValue::Number { value: 123.0, percent: false });
        assert_eq!(parse_text("87.4%"), CellValue::Number { value: 87.4, percent: true });
        assert_eq!(parse_text(" -3.2 "), CellValue::Number { value: -3.2, percent: false });
        for m in ["—", "-", "/", "…", "——"] {
            assert_eq!(parse_text(m), CellValue::Missing, "{m}");
        }
        assert_eq!(parse_text(""), CellValue::Empty);
        assert_eq!(parse_text("常州"), CellValue::Text("常州".into()));
        assert_eq!(parse_text("2023-01"), CellValue::Text("2023-01".into()));
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(3), "D");
        assert_eq!(column_name(26), "AA");
    }
}
