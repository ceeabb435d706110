//! The header block, one to four rows with merged cells filled in: per column
//! its label ("行政复议 案件数": parent then child, a vertical merge once), its
//! unit ("信访(件)", a units row), its year (2019, 2019年, 2019年度: a year is
//! never a label), its region (regions across) and, for a "其中" child, the
//! label of the whole it is part of. A text spanning every value column that
//! reads as a title (江苏省2022年…主要指标) is a title, not a parent.

use super::super::labels::{
    clean, is_total, is_unit_word, split_unit, split_year, strip_part_mark, unit_heads, unit_of,
    value_heads,
};
use super::rows::{value_of, Ctx};
use super::subject::looks_like_title;
use super::title::{is_metadata, TitleMeta};
use crate::ingest::cells::{Cell, Parsed};
use std::rc::Rc;

/// One column of the header: its text in each header row and a units-row unit.
#[derive(Debug, Clone, Default)]
pub(super) struct Column {
    pub levels: Vec<String>,
    pub unit: String,
}

impl Column {
    /// Each header text once, top to bottom (a vertical merge fills several rows).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        let mut prev = "";
        self.levels.iter().map(String::as_str).filter(move |t| {
            let new = !t.is_empty() && *t != prev;
            prev = t;
            new
        })
    }
}

/// What a value column's header says.
#[derive(Debug, Clone, Default)]
pub(super) struct Head {
    /// the label without year, unit and region ("" when the header is only a year)
    pub label: Rc<str>,
    pub unit: Rc<str>,
    pub year: Option<i32>,
    /// the region the header names (regions across)
    pub region: Option<Rc<str>>,
    /// a 合计 / 全省 column among regions across
    pub total: bool,
    /// the label of the whole a "其中" child is part of
    pub part_of: Option<Rc<str>>,
    /// 数值 / 数据 / 本年: the value of the label the row gives
    pub value_word: bool,
}

/// The heads of all columns and what they say together.
#[derive(Debug, Default)]
pub(super) struct Heads {
    pub cols: Vec<Head>,
    /// most value columns name a region
    pub regions_across: bool,
    /// some value column is only a year (years across)
    pub years_across: bool,
}

/// The text of a header cell: cleaned, a number written plainly (2019, not 2019.0).
fn head_text(cell: &Cell) -> String {
    match value_of(cell) {
        Parsed::Number { value, .. } if cell.text.is_empty() && value.fract() == 0.0 => {
            format!("{value:.0}")
        }
        Parsed::Number { value, .. } if cell.text.is_empty() => value.to_string(),
        Parsed::Empty | Parsed::Missing => String::new(),
        _ => clean(&cell.text).into_owned(),
    }
}

/// A units row: 件 | 万元 | (亿元), or 单位 | 件 | 件; a cell that repeats the
/// one above it (地区 merged down the header) does not count.
fn is_units_row(row: &[Cell], above: Option<&[Cell]>) -> bool {
    let merged =
        |c: usize, t: &str| above.and_then(|a| a.get(c)).is_some_and(|a| a.text.trim() == t);
    let mut texts = row
        .iter()
        .enumerate()
        .map(|(c, x)| (c, x.text.trim()))
        .filter(|(c, t)| !t.is_empty() && !merged(*c, t))
        .map(|(_, t)| t)
        .peekable();
    if texts.peek().is_some_and(|t| unit_heads().contains(&&*clean(t))) {
        texts.next();
    }
    let mut any = false;
    for t in texts {
        if !is_unit_word(t) {
            return false;
        }
        any = true;
    }
    any
}

/// The header rows as columns; key：value cells (单位：件) go to the title.
pub(super) fn columns(
    ctx: &Ctx,
    header: &[usize],
    width: usize,
    meta: &mut TitleMeta,
) -> Vec<Column> {
    let mut cols = vec![Column::default(); width];
    let mut above: Option<&[Cell]> = None;
    for &r in header {
        let row = &ctx.rows[r];
        if is_units_row(row, above.replace(row)) {
            for (c, cell) in row.iter().enumerate().take(width) {
                if is_unit_word(&cell.text) {
                    cols[c].unit = unit_of(&cell.text).to_string();
                }
            }
            continue;
        }
        for (c, col) in cols.iter_mut().enumerate() {
            let mut text = row.get(c).map(head_text).unwrap_or_default();
            if is_metadata(&text) {
                meta.add(&text, ctx.is_region);
                text.clear();
            }
            col.levels.push(text);
        }
    }
    cols
}

/// A column's header parts sorted out (borrowed from the column).
#[derive(Default)]
struct Parts<'c> {
    labels: Vec<&'c str>,
    year: Option<i32>,
    unit: &'c str,
    region: Option<&'c str>,
    total: Option<&'c str>,
    /// (header row, index in `labels`) of the "其中" mark
    part: Option<(usize, usize)>,
}

/// Sort a column's header texts into label parts, year, unit, region, total and 其中 mark.
fn parts<'c>(ctx: &Ctx, col: &'c Column, title_levels: &[bool]) -> Parts<'c> {
    let mut p = Parts::default();
    let mut prev = "";
    for (level, text) in col.levels.iter().enumerate() {
        let text = text.as_str();
        if text.is_empty() || title_levels[level] || text == prev {
            continue;
        }
        prev = text;
        let mut t = text;
        if let Some(child) = strip_part_mark(t) {
            p.part.get_or_insert((level, p.labels.len()));
            t = child;
        }
        if let Some((y, rest)) = split_year(t) {
            p.year = Some(y);
            t = rest;
        }
        if is_unit_word(t) {
            p.unit = unit_of(t);
            continue;
        }
        let (label, unit) = split_unit(t);
        if !unit.is_empty() {
            p.unit = unit;
        }
        if label.is_empty() {
            continue;
        }
        if is_total(label) {
            p.total = Some(label);
        } else if (ctx.is_region)(label) {
            p.region = Some(label);
            continue;
        }
        p.labels.push(label);
    }
    p
}

/// Header rows whose text is the same over every value column and reads as a title.
fn title_levels(cols: &[Column], values: &[usize], meta: &mut TitleMeta, ctx: &Ctx) -> Vec<bool> {
    let levels = cols.first().map_or(0, |c| c.levels.len());
    (0..levels)
        .map(|l| {
            let mut texts = values.iter().map(|&c| cols[c].levels[l].as_str());
            let first = texts.next().unwrap_or("");
            let spans = values.len() >= 2 && !first.is_empty() && texts.all(|t| t == first);
            let title = spans && looks_like_title(first);
            if title {
                meta.add(first, ctx.is_region);
            }
            title
        })
        .collect()
}

/// The heads of the value columns (other columns get an empty head).
pub(super) fn heads(ctx: &Ctx, cols: &[Column], values: &[usize], meta: &mut TitleMeta) -> Heads {
    let titles = title_levels(cols, values, meta, ctx);
    let all: Vec<Parts> = values.iter().map(|&c| parts(ctx, &cols[c], &titles)).collect();
    let regional = all.iter().filter(|p| p.region.is_some()).count();
    let regions_across = regional > 0 && regional * 2 >= values.len();
    let mut out =
        Heads { cols: vec![Head::default(); cols.len()], regions_across, ..Heads::default() };
    for (i, p) in all.iter().enumerate() {
        let c = values[i];
        let labels: Vec<&str> = match p.total {
            Some(t) if regions_across => p.labels.iter().copied().filter(|l| *l != t).collect(),
            _ => p.labels.clone(),
        };
        let split = p.part.map_or(0, |(_, at)| at.min(labels.len()));
        let label = labels[split..].join(" ");
        let unit = if cols[c].unit.is_empty() { p.unit } else { cols[c].unit.as_str() };
        out.years_across |= p.year.is_some() && label.is_empty();
        out.cols[c] = Head {
            value_word: value_heads().contains(&label.as_str()),
            label: label.into(),
            unit: unit.into(),
            year: p.year,
            region: p.region.or(p.total.filter(|_| regions_across)).map(Rc::from),
            total: regions_across && p.total.is_some(),
            part_of: None,
        };
        if let Some((level, _)) = p.part {
            let whole = parent(cols, values, &all, i, level).map(|j| out.cols[values[j]].clone());
            let head = &mut out.cols[c];
            if head.unit.is_empty() {
                head.unit = whole.as_ref().map_or(head.unit.clone(), |w| w.unit.clone());
            }
            let label = whole.map_or_else(|| labels[..split].join(" ").into(), |w| w.label);
            head.part_of = Some(label);
        }
    }
    out
}

/// The column a "其中" child at header row `level` is part of: the nearest
/// column to its left under the same parents that is not itself a part.
fn parent(
    cols: &[Column],
    values: &[usize],
    all: &[Parts],
    i: usize,
    level: usize,
) -> Option<usize> {
    let above = &cols[values[i]].levels[..level];
    (0..i).rev().find(|&j| {
        let whole = all[j].part.is_none_or(|(l, _)| l > level);
        whole && cols[values[j]].levels[..level] == *above
    })
}
