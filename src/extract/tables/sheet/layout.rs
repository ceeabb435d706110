//! Table layout, detected rather than configured, in one pass over a sheet:
//! title rows (merged across the table or not: a title gives year, region
//! scope, unit and indicator, never a header label), unit lines, headers of
//! one to four rows with merged cells (parent + child, "其中" children marked
//! as parts), a units row or units in the header (信访(件)), years across
//! (2019 … 2023, 2019年), 合计 / 全省 rows and columns (checks, not regions),
//! notes below (注：…, 资料来源：…), several tables stacked in one sheet, and the
//! shape — wide (regions down), transposed (indicators down, under regions or
//! years across) or long (地区, 年份, 指标, 数值, 单位).

mod header;
mod rows;
mod subject;
#[cfg(test)]
mod tests;
mod title;
mod values;

use super::labels::{clean, indicator_heads, region_heads, year_heads};
pub use super::labels::{is_total, split_header_unit, year_of};
use crate::ingest::Grid;
use rows::{classify, leftmost, row_texts, Ctx, Kind};
use std::ops::Range;
use std::rc::Rc;
use subject::looks_like_title;
use title::{is_metadata, TitleMeta};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Wide,
    Transposed,
    Long,
}

impl Shape {
    pub fn as_str(self) -> &'static str {
        match self {
            Shape::Wide => "wide",
            Shape::Transposed => "transposed",
            Shape::Long => "long",
        }
    }
}

/// One value cell with the labels that say what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct RawValue {
    pub row: usize,
    pub col: usize,
    /// region as written, trimmed of padding spaces (row label, column header,
    /// region column, or the title's 地区：…); "" when the table names none
    pub region: Rc<str>,
    /// indicator label as written (header, row label, indicator column, or the
    /// title's 指标：…); for a "其中" part, the part's own label
    pub label: Rc<str>,
    /// unit from a unit column, the header, a units row, the title or a unit line ("" when none)
    pub unit: Rc<str>,
    /// the year the table states: year column, year header, else the table's title
    pub year: Option<i32>,
    pub value: f64,
    /// written with % in the cell
    pub percent: bool,
    /// a "其中" part: the label of the whole it is part of (never this value's indicator)
    pub part_of: Option<Rc<str>>,
}

/// One table of a sheet.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub shape: Option<Shape>,
    /// the title lines as written
    pub title: Vec<String>,
    pub values: Vec<RawValue>,
    /// grid rows the table covers, title to notes
    pub rows: Range<usize>,
    /// the year the title states (a range such as 2015-2019年 states none)
    pub year: Option<i32>,
    /// the unit a title or unit line states for the whole table
    pub unit: String,
    /// the indicator the title names (指标：地区生产总值(亿元) → 地区生产总值)
    pub indicator: String,
    /// the region the title names (地区：北京市, 江苏省2022年… → 江苏省)
    pub scope_text: String,
    /// note lines below the table (注：…, 资料来源：…)
    pub notes: Vec<String>,
    /// values of 合计 / 全省 / 总计 rows or columns: checks, not regions
    pub totals: Vec<RawValue>,
}

/// Read the layout of one sheet: all its values in one table (see `read_tables`).
pub fn read_table(grid: &Grid, is_region: &dyn Fn(&str) -> bool) -> Table {
    let mut tables = read_tables(grid, is_region).into_iter();
    let Some(mut all) = tables.next() else { return Table::default() };
    for t in tables {
        all.shape = all.shape.or(t.shape);
        for line in t.title {
            if !all.title.contains(&line) {
                all.title.push(line);
            }
        }
        all.values.extend(t.values);
        all.totals.extend(t.totals);
        all.notes.extend(t.notes);
        all.rows.end = t.rows.end;
    }
    all
}

/// Read every table of one sheet, top to bottom. `is_region` tells region names from other labels.
pub fn read_tables(grid: &Grid, is_region: &dyn Fn(&str) -> bool) -> Vec<Table> {
    let ctx = Ctx { rows: &grid.rows, is_region, left: leftmost(&grid.rows) };
    let mut tables: Vec<Table> = Vec::new();
    let mut last = TitleMeta::default();
    let mut r = 0;
    while r < grid.rows.len() {
        let block = next_block(&ctx, r);
        r = block.end.max(r + 1);
        if block.header.is_empty() {
            if let Some(t) = tables.last_mut() {
                t.notes.extend(block.notes.iter().flat_map(|&n| texts(&ctx, n)));
            }
            continue;
        }
        let (table, meta) = build(&ctx, &block, &last);
        last = meta;
        tables.push(table);
    }
    tables
}

/// The rows of one table, by part.
#[derive(Debug, Default)]
struct Block {
    start: usize,
    /// title rows above the header (a table without them keeps the one above's title)
    titled: bool,
    titles: Vec<usize>,
    header: Vec<usize>,
    data: Vec<usize>,
    notes: Vec<usize>,
    end: usize,
}

/// The next table from row `start`: title rows, header rows, data rows, notes.
fn next_block(ctx: &Ctx, start: usize) -> Block {
    let mut b = Block { start, ..Block::default() };
    let mut r = preamble(ctx, start, &mut b);
    if r < ctx.rows.len() {
        r = header_rows(ctx, r, &mut b);
        r = data_rows(ctx, r, &mut b);
    }
    b.end = r;
    b
}

/// Titles and unit lines above the header; rows of data with no header above are skipped.
fn preamble(ctx: &Ctx, mut r: usize, b: &mut Block) -> usize {
    while r < ctx.rows.len() {
        match classify(ctx, r) {
            Kind::Title => {
                b.titles.push(r);
                b.titled = true;
            }
            // 填报单位：… above a header is the title's, 注：… a note
            Kind::Note if texts(ctx, r).iter().all(|t| is_metadata(t)) => b.titles.push(r),
            Kind::Note => b.notes.push(r),
            Kind::Header | Kind::Years(_) => return r,
            Kind::Blank | Kind::ColumnNumbers | Kind::Data => {}
        }
        r += 1;
    }
    r
}

/// The header from row `r`: rows of texts (or of years) until a row of data.
fn header_rows(ctx: &Ctx, mut r: usize, b: &mut Block) -> usize {
    b.header.push(r);
    r += 1;
    while r < ctx.rows.len() && b.header.len() < 6 {
        match classify(ctx, r) {
            Kind::Blank | Kind::ColumnNumbers => {}
            Kind::Header => b.header.push(r),
            Kind::Years(n) if n >= 2 => b.header.push(r),
            Kind::Title if texts(ctx, r).iter().any(|t| is_metadata(t) || looks_like_title(t)) => {
                b.titles.push(r)
            }
            Kind::Title => b.header.push(r),
            _ => return r,
        }
        r += 1;
    }
    r
}

/// Data rows until notes, a new title or a new header. A lone text row
/// followed by data is a group label inside the table, a header repeated
/// after a page break is skipped, blank rows between data rows are gaps.
fn data_rows(ctx: &Ctx, mut r: usize, b: &mut Block) -> usize {
    let mut blank = false;
    while r < ctx.rows.len() {
        let kind = classify(ctx, r);
        match kind {
            Kind::Blank | Kind::ColumnNumbers => {}
            Kind::Data | Kind::Years(_) => b.data.push(r),
            Kind::Note => return notes(ctx, r, b),
            Kind::Title if next_is_data(ctx, r + 1) => b.data.push(r),
            Kind::Title => return r,
            Kind::Header if repeats_header(ctx, r, b) => {}
            Kind::Header if blank || key_led(ctx, r) || !next_is_data(ctx, r + 1) => return r,
            Kind::Header => b.data.push(r),
        }
        blank = kind == Kind::Blank;
        r += 1;
    }
    r
}

/// Note lines from row `r`: 注：…, the lines that go on with it, 数据来源：….
fn notes(ctx: &Ctx, mut r: usize, b: &mut Block) -> usize {
    while r < ctx.rows.len() {
        match classify(ctx, r) {
            Kind::Note => b.notes.push(r),
            Kind::Title if continues_note(ctx, r) => b.notes.push(r),
            Kind::Blank => {
                // one look past the gap: a note goes on, anything else is the next table
                let next = (r + 1..ctx.rows.len()).find(|&i| classify(ctx, i) != Kind::Blank);
                match next {
                    Some(n) if classify(ctx, n) == Kind::Note => {
                        r = n;
                        continue;
                    }
                    _ => return next.unwrap_or(ctx.rows.len()),
                }
            }
            _ => return r,
        }
        r += 1;
    }
    r
}

/// A one-cell line under a note that is not the next table's title.
fn continues_note(ctx: &Ctx, r: usize) -> bool {
    let row = &ctx.rows[r];
    row.iter().filter(|c| !c.is_blank()).count() == 1
        && !texts(ctx, r).iter().any(|t| looks_like_title(t))
}

/// The kind of the next non-blank row from `r`.
fn next_kind(ctx: &Ctx, r: usize) -> Option<Kind> {
    (r..ctx.rows.len()).map(|i| classify(ctx, i)).find(|k| *k != Kind::Blank)
}

fn next_is_data(ctx: &Ctx, r: usize) -> bool {
    matches!(next_kind(ctx, r), Some(Kind::Data))
}

/// A header row repeated inside the data (after a page break).
fn repeats_header(ctx: &Ctx, r: usize, b: &Block) -> bool {
    let (row, head) = (&ctx.rows[r], &ctx.rows[b.header[0]]);
    let same = |(i, c): (usize, &crate::ingest::cells::Cell)| {
        c.is_blank() || head.get(i).is_some_and(|h| h.text.trim() == c.text.trim())
    };
    row.iter().enumerate().all(same) && row.iter().filter(|c| !c.is_blank()).count() >= 2
}

/// A row that starts with a key header word (地区, 指标, 年份): a new header.
fn key_led(ctx: &Ctx, r: usize) -> bool {
    let Some(first) = ctx.rows[r].iter().find(|c| !c.is_blank()) else { return false };
    let t = clean(&first.text);
    [region_heads(), indicator_heads(), year_heads()].iter().any(|h| h.contains(&&*t))
        || t.contains(['\\', '／', '＼'])
}

/// The texts of a row, each once.
fn texts(ctx: &Ctx, r: usize) -> Vec<String> {
    row_texts(&ctx.rows[r]).into_iter().map(str::to_string).collect()
}

/// One table from its rows; a table without title rows keeps the one above's.
fn build(ctx: &Ctx, b: &Block, above: &TitleMeta) -> (Table, TitleMeta) {
    let mut meta = if b.titled { TitleMeta::default() } else { above.clone() };
    for &r in &b.titles {
        for t in row_texts(&ctx.rows[r]) {
            meta.add(t, ctx.is_region);
        }
    }
    let width = b.header.iter().chain(&b.data).map(|&r| ctx.rows[r].len()).max().unwrap_or(0);
    let cols = header::columns(ctx, &b.header, width, &mut meta);
    let mut roles = values::roles(ctx, &cols, &b.data);
    let heads = header::heads(ctx, &cols, &roles.values, &mut meta);
    let shape = roles.decide(ctx, &b.data, &heads, &meta);
    let read = values::read(ctx, &b.data, &roles, &heads, &meta);
    let table = Table {
        shape: Some(shape),
        title: meta.lines.clone(),
        values: read.values,
        rows: b.start..b.end,
        year: meta.year,
        unit: meta.unit.clone(),
        indicator: meta.indicator.clone(),
        scope_text: meta.region.clone(),
        notes: b.notes.iter().flat_map(|&r| texts(ctx, r)).collect(),
        totals: read.totals,
    };
    (table, meta)
}
