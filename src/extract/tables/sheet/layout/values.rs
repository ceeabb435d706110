//! The roles of a table's columns and its values. Key columns are named by
//! their header (地区, 指标, 年份, 单位; 序号, 代码 and 排名 hold no values) or,
//! unnamed, found as the first column of texts, whose rows are regions
//! (wide) or indicators (indicators down). Every other column right of the
//! keys holds values, labelled by the row keys, its header and the title.

use super::super::labels::{
    clean, indicator_heads, is_skip_head, is_total, is_unit_word, organisation_ends, region_heads,
    split_unit, strip_part_mark, unit_heads, year_heads, year_in,
};
use super::header::{Column, Heads};
use super::rows::{value_of, Ctx};
use super::title::TitleMeta;
use super::{RawValue, Shape};
use crate::ingest::cells::Parsed;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq)]
/// The part a column plays.
enum Role {
    Region,
    Indicator,
    /// a corner such as 地区\指标: regions or indicators, as its rows say
    Label,
    Year,
    Unit,
    Skip,
    Value,
}

/// Which column plays which part.
#[derive(Debug, Default)]
pub(super) struct Roles {
    pub region: Option<usize>,
    pub indicator: Option<usize>,
    pub year: Option<usize>,
    pub unit: Option<usize>,
    /// the label column whose part its rows decide
    label: Option<usize>,
    pub values: Vec<usize>,
}

/// The role a header text names.
fn role_of(text: &str) -> Role {
    let (t, _) = split_unit(text);
    let named = |heads: &[&str]| heads.contains(&t);
    if named(region_heads()) {
        Role::Region
    } else if named(indicator_heads()) {
        Role::Indicator
    } else if named(year_heads()) {
        Role::Year
    } else if named(unit_heads()) {
        Role::Unit
    } else if is_skip_head(t) {
        Role::Skip
    } else if t.contains(['\\', '/', '＼', '／'])
        && [region_heads(), indicator_heads(), year_heads()]
            .iter()
            .flat_map(|h| h.iter())
            .any(|h| t.contains(h))
    {
        Role::Label
    } else {
        Role::Value
    }
}

/// A column's role: its whole header, or one of its header texts, names it.
fn column_role(col: &Column) -> Role {
    let name: Vec<&str> = col.texts().collect();
    let whole = role_of(&name.join(""));
    if whole != Role::Value {
        return whole;
    }
    name.iter().map(|t| role_of(t)).find(|r| *r != Role::Value).unwrap_or(Role::Value)
}

/// Column roles from the header, and the unnamed label column from the rows.
pub(super) fn roles(ctx: &Ctx, cols: &[Column], data: &[usize]) -> Roles {
    let mut kinds: Vec<Role> = cols.iter().map(column_role).collect();
    let sample = &data[..data.len().min(500)];
    // 单位 over 市民政局, 市公安局: the reporting units, not units of measure
    for (c, kind) in kinds.iter_mut().enumerate() {
        if *kind == Role::Unit && reporting_units(ctx, sample, c) {
            *kind = Role::Label;
        }
    }
    let find = |role: Role| kinds.iter().position(|k| *k == role);
    let mut roles = Roles {
        // 设区市 | 县(市、区): the rows are the finer regions
        region: kinds.iter().rposition(|k| *k == Role::Region),
        indicator: find(Role::Indicator),
        year: find(Role::Year),
        unit: find(Role::Unit),
        label: find(Role::Label),
        values: Vec::new(),
    };
    if roles.region.is_none() && roles.indicator.is_none() && roles.label.is_none() {
        roles.label = (0..cols.len()).filter(|&c| kinds[c] == Role::Value).find(|&c| {
            let texts = sample
                .iter()
                .filter(|&&r| ctx.rows[r].get(c).is_some_and(|x| value_of(x) == Parsed::Text))
                .count();
            texts > 0 && texts * 2 >= sample.len()
        });
    }
    if roles.unit.is_none() {
        let after = roles.region.or(roles.indicator).or(roles.label).map_or(0, |k| k + 1);
        roles.unit =
            (after..cols.len()).find(|&c| kinds[c] == Role::Value && unit_column(ctx, sample, c));
    }
    let keys = [roles.region, roles.indicator, roles.label, roles.year, roles.unit];
    let first = keys.iter().flatten().min().map_or(0, |k| k + 1);
    roles.values = (first..cols.len())
        .filter(|&c| kinds[c] == Role::Value && !keys.contains(&Some(c)))
        .collect();
    roles
}

/// A column of unit words (件, 万元); a few blanks or other texts aside.
fn unit_column(ctx: &Ctx, sample: &[usize], c: usize) -> bool {
    let (mut units, mut others) = (0, 0);
    for x in sample.iter().filter_map(|&r| ctx.rows[r].get(c)).filter(|x| !x.is_blank()) {
        if value_of(x) == Parsed::Text && is_unit_word(&x.text) {
            units += 1;
        } else {
            others += 1;
        }
    }
    units > 0 && units >= others * 4
}

/// A 单位 column naming who reports (市民政局, 市公安局, regions), not units.
fn reporting_units(ctx: &Ctx, sample: &[usize], c: usize) -> bool {
    let (mut bodies, mut texts) = (0, 0);
    for x in sample.iter().filter_map(|&r| ctx.rows[r].get(c)).filter(|x| !x.is_blank()) {
        let t = clean(&x.text);
        texts += 1;
        let body = organisation_ends().iter().any(|b| t.ends_with(b)) || ctx.region_or_total(&t);
        bodies += usize::from(body && !is_unit_word(&t));
    }
    bodies > 0 && bodies * 2 >= texts
}

/// Do most rows of column `c` name a region (or a total)?
fn mostly_regions(ctx: &Ctx, data: &[usize], c: usize) -> bool {
    let (mut labels, mut regions) = (0, 0);
    for &r in data.iter().take(500) {
        let Some(cell) = ctx.rows[r].get(c).filter(|x| value_of(x) == Parsed::Text) else {
            continue;
        };
        labels += 1;
        let t = clean(&cell.text);
        regions += usize::from(ctx.region_or_total(strip_part_mark(&t).unwrap_or(&t)));
    }
    regions > 0 && regions * 2 >= labels
}

impl Roles {
    /// Give the label column its part and name the shape: rows of regions are
    /// wide; rows of indicators (under regions, or under years when no title
    /// names the indicator) are transposed.
    pub fn decide(&mut self, ctx: &Ctx, data: &[usize], heads: &Heads, meta: &TitleMeta) -> Shape {
        if let Some(c) = self.label.take() {
            let years = heads.years_across && meta.indicator.is_empty();
            let indicators = !mostly_regions(ctx, data, c)
                && (heads.regions_across || years || self.region.is_some());
            let slot = if indicators { &mut self.indicator } else { &mut self.region };
            slot.get_or_insert(c);
        }
        if let (None, Some(c)) = (self.region, self.indicator) {
            // 项目 over a column of regions: the corner of a wide table
            if !heads.regions_across && mostly_regions(ctx, data, c) {
                (self.region, self.indicator) = (Some(c), None);
            }
        }
        match (self.region, self.indicator) {
            (Some(_), Some(_)) => Shape::Long,
            (None, Some(_)) => Shape::Transposed,
            _ if heads.regions_across => Shape::Transposed,
            _ => Shape::Wide,
        }
    }
}

/// What the values of one table came to.
#[derive(Debug, Default)]
pub(super) struct Read {
    pub values: Vec<RawValue>,
    /// values of 合计 / 全省 rows or columns
    pub totals: Vec<RawValue>,
}

/// The indicator a row names, with its unit and the whole a "其中" row is part of.
struct RowIndicator {
    label: Rc<str>,
    unit: Rc<str>,
    part_of: Option<Rc<str>>,
}

/// The title's labels, shared by every value of the table.
struct Shared {
    region: Rc<str>,
    indicator: Rc<str>,
    indicator_unit: Rc<str>,
    unit: Rc<str>,
    year: Option<i32>,
}

/// Read the values of a table's data rows.
pub(super) fn read(
    ctx: &Ctx,
    data: &[usize],
    roles: &Roles,
    heads: &Heads,
    meta: &TitleMeta,
) -> Read {
    let shared = Shared {
        region: meta.region.as_str().into(),
        indicator: meta.indicator.as_str().into(),
        indicator_unit: meta.indicator_unit.as_str().into(),
        unit: meta.unit.as_str().into(),
        year: meta.year,
    };
    let mut out = Read::default();
    out.values.reserve(data.len() * roles.values.len());
    let mut whole: Option<(Rc<str>, Rc<str>)> = None;
    for &r in data {
        let row = &ctx.rows[r];
        let text = |c: Option<usize>| c.and_then(|c| row.get(c)).map(|x| clean(&x.text));
        let region = text(roles.region).map(|t| Rc::<str>::from(strip_part_mark(&t).unwrap_or(&t)));
        if region.as_ref().is_some_and(|t| t.is_empty() || is_header_word(t)) {
            continue;
        }
        let indicator = match text(roles.indicator) {
            Some(t) if t.is_empty() || is_header_word(&t) => continue,
            Some(t) => Some(row_indicator(&t, &mut whole)),
            None => None,
        };
        let year = roles.year.and_then(|c| row.get(c)).and_then(|x| match value_of(x) {
            Parsed::Number { value, .. } => Some(value as i32),
            _ => year_in(&x.text),
        });
        let unit: Option<Rc<str>> =
            text(roles.unit).filter(|u| !u.is_empty()).map(|u| Rc::from(&*u));
        let total = region.as_deref().is_some_and(is_total);
        let keys = RowKeys { r, region, total, indicator, year, unit };
        for &c in &roles.values {
            read_cell(ctx, &keys, c, heads, &shared, &mut out);
        }
    }
    out
}

/// A row's key texts repeated in a data row (a header repeated after a page break).
fn is_header_word(t: &str) -> bool {
    region_heads().contains(&t) || indicator_heads().contains(&t)
}

/// A row's indicator; a "其中" row is part of the last whole row above it
/// and counts in its unit unless it names its own.
fn row_indicator(text: &str, whole: &mut Option<(Rc<str>, Rc<str>)>) -> RowIndicator {
    let (child, part) = match strip_part_mark(text) {
        Some(child) => (child, true),
        None => (text, false),
    };
    let (label, unit) = split_unit(child);
    let (label, mut unit): (Rc<str>, Rc<str>) = (label.into(), unit.into());
    if !part {
        *whole = Some((label.clone(), unit.clone()));
        return RowIndicator { label, unit, part_of: None };
    }
    if unit.is_empty() {
        unit = whole.as_ref().map_or(unit, |w| w.1.clone());
    }
    RowIndicator { label, unit, part_of: whole.as_ref().map(|w| w.0.clone()) }
}

/// What a data row gives every value in it.
struct RowKeys {
    r: usize,
    region: Option<Rc<str>>,
    /// the region is a 合计 / 全省 row
    total: bool,
    indicator: Option<RowIndicator>,
    year: Option<i32>,
    unit: Option<Rc<str>>,
}

/// One value cell, labelled by its row, its column header and the title.
fn read_cell(ctx: &Ctx, keys: &RowKeys, c: usize, heads: &Heads, t: &Shared, out: &mut Read) {
    let Some(cell) = ctx.rows[keys.r].get(c) else { return };
    let Parsed::Number { value, percent } = value_of(cell) else { return };
    let h = &heads.cols[c];
    let ind = keys.indicator.as_ref();
    let across = h.region.clone().filter(|_| heads.regions_across);
    let region = keys.region.clone().or(across).unwrap_or_else(|| t.region.clone());
    let from_title = ind.is_none() && h.label.is_empty();
    let label = match ind {
        Some(i) if h.label.is_empty() || h.value_word => i.label.clone(),
        Some(i) => format!("{} {}", i.label, h.label).into(),
        None if from_title => t.indicator.clone(),
        None => h.label.clone(),
    };
    if label.is_empty() {
        return; // a column that says nothing: no year header taken as an indicator
    }
    let nonempty = |u: &Rc<str>| !u.is_empty();
    let unit = keys
        .unit
        .clone()
        .or_else(|| ind.map(|i| i.unit.clone()).filter(nonempty))
        .or_else(|| Some(h.unit.clone()).filter(nonempty))
        .or_else(|| Some(t.indicator_unit.clone()).filter(|u| from_title && nonempty(u)))
        .unwrap_or_else(|| t.unit.clone());
    let part_of = match (&h.part_of, ind) {
        (Some(p), Some(i)) if !h.value_word => Some(format!("{} {p}", i.label).into()),
        (Some(p), _) => Some(p.clone()),
        (None, i) => i.and_then(|i| i.part_of.clone()),
    };
    let total = keys.total || heads.regions_across && h.total;
    let v = RawValue {
        row: keys.r,
        col: c,
        region,
        label,
        unit,
        year: keys.year.or(h.year).or(t.year),
        value,
        percent,
        part_of,
    };
    if total {
        out.totals.push(v);
    } else {
        out.values.push(v);
    }
}
