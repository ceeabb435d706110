//! Rows told apart on sight, one scan of their cells each: blank, title
//! (one text, or one text filled across a merged area, or key：value lines),
//! note (注：…), header (texts only), years (2019 2020 2021 typed as numbers),
//! column numbers (栏次: 甲 乙 1 2 3) and data (a number, a missing marker, or
//! a region name first).

use super::super::labels::{
    attachment_marks, clean, column_number_words, is_note, is_total, table_marks, year_in,
};
use super::subject::looks_like_title;
use super::title::is_metadata;
use crate::ingest::cells::{parse_number, Cell, CellValue, Parsed};

/// The grid being read and how to tell a region name.
pub(super) struct Ctx<'a> {
    pub rows: &'a [Vec<Cell>],
    pub is_region: &'a dyn Fn(&str) -> bool,
    /// the leftmost column any row uses
    pub left: usize,
}

impl Ctx<'_> {
    /// A region name or a total (合计, 全省) once cleaned of padding spaces.
    pub fn region_or_total(&self, text: &str) -> bool {
        let t = clean(text);
        !t.is_empty() && (is_total(&t) || (self.is_region)(&t))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
/// What a row is, seen on its own.
pub(super) enum Kind {
    Blank,
    Note,
    Title,
    Header,
    /// a header of years typed as numbers, with how many
    Years(usize),
    ColumnNumbers,
    Data,
}

/// What a cell holds; a typed text is read again (numbers stored as text,
/// footnote marks, missing markers), so grids from any reader agree.
pub(super) fn value_of(cell: &Cell) -> Parsed {
    match &cell.value {
        CellValue::Empty => Parsed::Empty,
        CellValue::Missing => Parsed::Missing,
        CellValue::Number { value, percent } if cell.text.is_empty() => {
            Parsed::Number { value: *value, percent: *percent }
        }
        _ => parse_number(&cell.text),
    }
}

/// What one scan of a row's cells found.
struct Scan<'r> {
    /// column and text of the first non-blank cell ("" for a number)
    first: Option<(usize, &'r str)>,
    cells: usize,
    numbers: usize,
    missing: usize,
    /// every non-blank cell holds the first cell's text
    same: bool,
    /// numbers are distinct years in order (2019 2020 2021 or 2021 2020 2019)
    years: bool,
    /// numbers are 1 2 3 … and texts 甲 乙 栏次
    column_numbers: bool,
}

/// Scan a row's cells once.
fn scan(row: &[Cell]) -> Scan<'_> {
    let mut s = Scan {
        first: None,
        cells: 0,
        numbers: 0,
        missing: 0,
        same: true,
        years: true,
        column_numbers: true,
    };
    let (mut last, mut step) = (None::<f64>, 0.0f64);
    for (c, cell) in row.iter().enumerate() {
        let v = value_of(cell);
        if v == Parsed::Empty {
            continue;
        }
        s.cells += 1;
        let text = if matches!(v, Parsed::Number { .. }) { "" } else { cell.text.trim() };
        match s.first {
            None => s.first = Some((c, text)),
            Some((_, f)) => s.same &= f == text && !text.is_empty(),
        }
        match v {
            Parsed::Number { value, .. } => {
                s.numbers += 1;
                let year = value.fract() == 0.0 && (1900.0..2100.0).contains(&value);
                let d = last.map_or(0.0, |l| value - l);
                s.years &= year && (last.is_none() || d != 0.0 && (step == 0.0 || d * step > 0.0));
                s.column_numbers &= last.map_or(value == 1.0, |l| value == l + 1.0);
                step = if last.is_some() { d } else { step };
                last = Some(value);
            }
            Parsed::Missing => s.missing += 1,
            _ => s.column_numbers &= column_number_words().contains(&&*clean(text)),
        }
    }
    s
}

/// The kind of row `r`.
pub(super) fn classify(ctx: &Ctx, r: usize) -> Kind {
    let row = &ctx.rows[r];
    let s = scan(row);
    let Some((col, first)) = s.first else { return Kind::Blank };
    if !first.is_empty() && is_note(first) {
        return Kind::Note;
    }
    if s.numbers > 0 {
        if s.column_numbers && s.numbers >= 2 {
            return Kind::ColumnNumbers;
        }
        if s.years && (first.is_empty() || !ctx.region_or_total(first)) {
            return Kind::Years(s.numbers);
        }
        return Kind::Data;
    }
    if s.missing > 0 || region_led(ctx, row, first) {
        return Kind::Data;
    }
    if s.same {
        // one short label right of the table's edge: a parent header without a merge
        let parent = s.cells == 1
            && col > ctx.left
            && first.chars().count() < 8
            && year_in(first).is_none()
            && !is_metadata(first)
            && !looks_like_title(first);
        return if parent { Kind::Header } else { Kind::Title };
    }
    if metadata_row(row) {
        Kind::Title
    } else {
        Kind::Header
    }
}

/// A texts-only row led by a region name (a region whose values are blank),
/// unless it names several regions (a header of regions across).
fn region_led(ctx: &Ctx, row: &[Cell], first: &str) -> bool {
    if !ctx.region_or_total(first) {
        return false;
    }
    let regions = row.iter().filter(|c| c.is_text() && ctx.region_or_total(&c.text)).take(2);
    regions.count() < 2
}

/// A row of title texts: key：value cells (单位：万元, 填报单位：…) beside at
/// most one other text, or only texts that read as titles (a title merged
/// over part of the row beside 附表3).
fn metadata_row(row: &[Cell]) -> bool {
    let mut free: Option<&str> = None;
    let (mut meta, mut titles, mut dated, mut others) = (false, true, false, 0);
    for t in row.iter().filter(|c| !c.is_blank()).map(|c| c.text.trim()) {
        if is_metadata(t) {
            meta = true;
            continue;
        }
        titles &= looks_like_title(t);
        let marked = attachment_marks().iter().chain(table_marks()).any(|m| t.starts_with(m));
        dated |= year_in(t).is_some() || marked;
        if free.is_some_and(|f| f != t) {
            others += 1;
        }
        free = free.or(Some(t));
    }
    // parents such as 信访情况 | 复议情况 read as titles too, but name no year or table
    meta && others == 0 || titles && dated && others <= 1
}

/// The leftmost column any row uses.
pub(super) fn leftmost(rows: &[Vec<Cell>]) -> usize {
    rows.iter().filter_map(|r| r.iter().position(|c| !c.is_blank())).min().unwrap_or(0)
}

/// The texts of a title or note row, each once (a merged title fills every cell).
pub(super) fn row_texts(row: &[Cell]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for t in row.iter().map(|c| c.text.trim()).filter(|t| !t.is_empty()) {
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}
