//! What a workbook as a whole says: the region its titles or file name
//! name, the year most of its values are for, and — when it gave nothing —
//! the headers it read with the catalog indicators closest to each.

use super::resolve;
use crate::catalog::Catalog;
use crate::extract::Fact;
use crate::ingest::Grid;
use crate::locate::{Gazetteer, Region};
use std::collections::BTreeSet;

/// What a workbook that gave nothing had: the headers read, each with the
/// catalog indicators closest to it, so the miss can be fixed in the catalog.
pub(super) fn no_facts_message(catalog: &Catalog, unknown: &BTreeSet<String>) -> String {
    let mut msg = "no cell of the workbook matched a catalog indicator and a region".to_string();
    if unknown.is_empty() {
        return msg;
    }
    let listed: Vec<String> = unknown
        .iter()
        .take(8)
        .map(|h| {
            let near = resolve::closest(catalog, h, 2);
            if near.is_empty() {
                format!("{h:?}")
            } else {
                format!("{h:?} (closest: {})", near.join(", "))
            }
        })
        .collect();
    msg.push_str("; headers read: ");
    msg.push_str(&listed.join("; "));
    if unknown.len() > 8 {
        msg.push_str(&format!("; and {} more", unknown.len() - 8));
    }
    msg
}

/// The year most facts are for (the later one on a tie).
pub(super) fn main_year(facts: &[Fact]) -> Option<i32> {
    // a sheet's facts are for a handful of years: counted in a short list
    let mut years: Vec<(i32, usize)> = Vec::new();
    for y in facts.iter().filter_map(|f| f.year) {
        match years.iter_mut().find(|(year, _)| *year == y) {
            Some((_, n)) => *n += 1,
            None => years.push((y, 1)),
        }
    }
    years.iter().max_by_key(|(y, n)| (*n, *y)).map(|(y, _)| *y)
}

/// The region a workbook's first titles or its file name name.
pub(super) fn workbook_scope(gazetteer: &Gazetteer, grids: &[Grid], book: &str) -> Option<Region> {
    let titles: Vec<String> = grids
        .iter()
        .flat_map(|g| {
            g.rows.iter().take(3).flatten().filter(|c| c.is_text()).map(|c| c.text.clone()).take(1)
        })
        .collect();
    let mut texts: Vec<&str> = titles.iter().map(String::as_str).collect();
    texts.push(book);
    resolve::scope_of(gazetteer, &texts).and_then(|c| gazetteer.get(&c)).cloned()
}
