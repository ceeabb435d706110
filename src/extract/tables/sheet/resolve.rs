//! From table labels to catalog indicators, gazetteer regions and catalog
//! units: headers matched by indicator name and cue words (a sub-header such
//! as 办结 under 行政复议 is another measure, 收到 / 本年新收 the count itself),
//! short region names resolved within the workbook's province, and values
//! converted between 万元 and 亿元.

//!
//! What a sheet resolves once: the catalog indicator of each label, the
//! region of each name, the shared subject strings of each region's facts,
//! and, by the address of a table's shared strings, the last answer for each
//! column — the same labels recur on every row of a million-row sheet.
use super::labels::count_words;
use crate::catalog::{split_unit_scale, Catalog, Indicator};
use crate::extract::Subject;
use crate::locate::{Gazetteer, Level, Region};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

/// The catalog indicator a header names, if any.
pub fn indicator_for<'c>(
    catalog: &'c Catalog,
    header: &str,
    doc_type: &str,
) -> Option<&'c Indicator> {
    let h = crate::ingest::fold::normalize_str(header.trim());
    let parts: Vec<&str> = h.split_whitespace().collect();
    let joined: String = parts.concat();
    let applies = |i: &&Indicator| i.applies_to(doc_type);
    // the whole header is an indicator's name or one of its cues
    if let Some(i) = catalog
        .indicators
        .iter()
        .filter(applies)
        .find(|i| i.name == joined || i.cues.contains(&joined))
    {
        return Some(i);
    }
    // the main header names it and the sub-headers only say "the count"
    let (&main, rest) = parts.split_first()?;
    if rest.iter().all(|p| count_words().contains(p)) {
        let best = catalog
            .indicators
            .iter()
            .filter(applies)
            .filter(|i| !i.vetoes.iter().any(|v| main.contains(v.as_str())))
            .filter_map(|i| {
                let cue = std::iter::once(&i.name)
                    .chain(i.cues.iter())
                    .filter(|c| main.contains(c.as_str()))
                    .map(|c| c.chars().count())
                    .max()?;
                Some((cue, std::cmp::Reverse(i.priority), i))
            })
            .max_by_key(|(len, pri, _)| (*len, *pri));
        return best.map(|b| b.2);
    }
    None
}

/// The ids of the `n` catalog indicators whose name or cues share the most
/// character pairs with `header` (Dice coefficient of bigrams), best first.
pub fn closest(catalog: &Catalog, header: &str, n: usize) -> Vec<String> {
    let pairs = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let h = pairs(header);
    let dice = |other: &str| {
        let o = pairs(other);
        let shared = h.iter().filter(|p| o.contains(p)).count();
        2.0 * shared as f64 / (h.len() + o.len()).max(1) as f64
    };
    let mut scored: Vec<(f64, &str)> = catalog
        .indicators
        .iter()
        .map(|i| {
            let best = std::iter::once(&i.name).chain(&i.cues).map(|c| dice(c)).fold(0.0, f64::max);
            (best, &*i.id)
        })
        .filter(|(s, _)| *s > 0.0)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(n).map(|(_, id)| id.to_string()).collect()
}

/// Convert a value written in `unit` to the indicator's unit; None when the units do not fit.
pub fn convert(value: f64, unit: &str, percent_fraction: bool, ind: &Indicator) -> Option<f64> {
    conversion(unit, ind).apply(value, percent_fraction)
}

/// How values written in one unit become the indicator's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Conversion {
    /// a rate: as written, or a fraction shown as a percentage
    Percent,
    Same,
    /// times the first scale, over the second (万元 → 亿元)
    Scale(f64, f64),
    /// the units do not fit
    Misfit,
}

/// The conversion from `unit` to the indicator's unit.
pub fn conversion(unit: &str, ind: &Indicator) -> Conversion {
    if ind.is_percent() {
        return match unit {
            "" | "%" => Conversion::Percent,
            _ => Conversion::Misfit,
        };
    }
    if unit.is_empty() {
        return Conversion::Same;
    }
    let (s_from, base_from) = split_unit_scale(unit);
    let (s_to, base_to) = split_unit_scale(&ind.unit);
    let same_base = base_from == base_to
        || ind.accepts_counter(base_from)
        || ind.counters.iter().any(|c| c == unit);
    if same_base {
        Conversion::Scale(s_from, s_to)
    } else {
        Conversion::Misfit
    }
}

impl Conversion {
    pub fn apply(self, value: f64, percent_fraction: bool) -> Option<f64> {
        match self {
            Conversion::Percent if percent_fraction => Some(value * 100.0),
            Conversion::Percent | Conversion::Same => Some(value),
            Conversion::Scale(from, to) => Some(value * from / to),
            Conversion::Misfit => None,
        }
    }
}

/// Region of a table label: full or short name, narrowed to the workbook's province.
pub enum RegionMatch<'g> {
    One(&'g Region),
    Ambiguous(Vec<&'g Region>),
    Unknown,
}

pub fn region_for<'g>(g: &'g Gazetteer, name: &str, scope: Option<&str>) -> RegionMatch<'g> {
    let name = name.trim();
    let mut cands: Vec<&Region> =
        g.lookup(name).into_iter().filter(|r| r.level != Level::National).collect();
    if cands.len() > 1 {
        if let Some(s) = scope {
            let within: Vec<&Region> =
                cands.iter().copied().filter(|r| r.code == s || g.is_within(&r.code, s)).collect();
            if !within.is_empty() {
                cands = within;
            }
        }
    }
    if cands.len() > 1 {
        // a full name beats a short one (常州市 over a county called 常州)
        let exact: Vec<&Region> = cands.iter().copied().filter(|r| r.name == name).collect();
        if exact.len() == 1 {
            return RegionMatch::One(exact[0]);
        }
    }
    match cands.len() {
        0 => RegionMatch::Unknown,
        1 => RegionMatch::One(cands[0]),
        _ => RegionMatch::Ambiguous(cands),
    }
}

/// The province (or other region) a workbook is about, from its title, sheet or file name.
pub fn scope_of(g: &Gazetteer, texts: &[&str]) -> Option<String> {
    for t in texts {
        for m in g.mentions(t) {
            if m.regions.len() == 1 {
                return Some(m.regions[0].code.clone());
            }
        }
    }
    None
}

// ---- the per-sheet memo ----

/// The same labels recur on every row: each is resolved once per sheet.
#[derive(Default)]
pub(super) struct Resolver<'a> {
    pub(super) indicators: HashMap<Rc<str>, Option<&'a Indicator>>,
    pub(super) regions: HashMap<Rc<str>, RegionMatch<'a>>,
    /// the facts' shared subject strings, per region (by address: the
    /// gazetteer outlives the sheet), and the last one asked for
    pub(super) subjects: HashMap<*const Region, usize>,
    pub(super) subject_list: Vec<Subject>,
    pub(super) last_subject: Option<(*const Region, usize)>,
    pub(super) unknown_labels: BTreeSet<String>,
    pub(super) unknown_regions: BTreeSet<String>,
    /// where a fact's evidence and cell are written before they are shared
    pub(super) scratch: String,
    /// the current table's last answers (see [`Recent`])
    pub(super) last: Recent<'a>,
}

/// A table's values share their column's label and their row's region: the
/// last answer for each is kept by the shared string's address.
#[derive(Default)]
pub(super) struct Recent<'a> {
    pub(super) label: ByColumn<Option<&'a Indicator>>,
    pub(super) target: ByColumn<bool>,
    pub(super) unit: ByColumn<(bool, *const Indicator, Conversion)>,
    pub(super) region: Last<Option<&'a Region>>,
}

impl<'a> Resolver<'a> {
    /// The shared subject of a region's facts: the document's, with the region's.
    pub(super) fn subject(&mut self, region: &'a Region, document: &Subject) -> &Subject {
        let at = region as *const Region;
        let index = match self.last_subject {
            Some((last, i)) if last == at => i,
            _ => {
                let list = &mut self.subject_list;
                let i = *self.subjects.entry(at).or_insert_with(|| {
                    list.push(Subject {
                        region_code: region.code.as_str().into(),
                        region_name: region.name.as_str().into(),
                        level: Some(region.level),
                        ..document.clone()
                    });
                    list.len() - 1
                });
                self.last_subject = Some((at, i));
                i
            }
        };
        &self.subject_list[index]
    }

    /// A new table: its strings are new, and so may be their addresses.
    pub(super) fn forget_last(&mut self) {
        self.last = Recent::default();
    }
}

/// The last answer for one shared string, known by its address (valid while
/// the table holding the string lives: [`Resolver::forget_last`] per table).
pub(super) struct Last<T>(Option<(*const u8, T)>);

impl<T> Default for Last<T> {
    fn default() -> Self {
        Last(None)
    }
}

impl<T: Copy> Last<T> {
    pub(super) fn get(&self, key: &Rc<str>) -> Option<T> {
        self.0.filter(|(at, _)| *at == Rc::as_ptr(key) as *const u8).map(|(_, t)| t)
    }

    pub(super) fn set(&mut self, key: &Rc<str>, value: T) {
        self.0 = Some((Rc::as_ptr(key) as *const u8, value));
    }
}

/// [`Last`] per column: the values of a wide table's row each have their own.
pub(super) struct ByColumn<T>(Vec<Last<T>>);

impl<T> Default for ByColumn<T> {
    fn default() -> Self {
        ByColumn(Vec::new())
    }
}

impl<T: Copy> ByColumn<T> {
    pub(super) fn get(&self, col: usize, key: &Rc<str>) -> Option<T> {
        self.0.get(col).and_then(|last| last.get(key))
    }

    pub(super) fn set(&mut self, col: usize, key: &Rc<str>, value: T) {
        if self.0.len() <= col {
            self.0.resize_with(col + 1, Last::default);
        }
        self.0[col].set(key, value);
    }

    /// The last answer for `key` in column `col`, else `answer()` (kept).
    pub(super) fn get_or_insert_with(
        &mut self,
        col: usize,
        key: &Rc<str>,
        answer: impl FnOnce() -> T,
    ) -> T {
        self.get(col, key).unwrap_or_else(|| {
            let value = answer();
            self.set(col, key, value);
            value
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn catalog() -> Catalog {
        Catalog::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/catalog"), &[])
            .unwrap()
    }

    #[test]
    fn headers_to_indicators() {
        let c = catalog();
        let id = |h: &str| indicator_for(&c, h, "stat_table").map(|i| i.id.clone());
        assert_eq!(id("行政复议"), Some("admin_reconsideration_cases".into()));
        assert_eq!(id("行政复议 收到"), Some("admin_reconsideration_cases".into()));
        assert_eq!(id("行政复议 办结"), None, "another measure");
        assert_eq!(id("信访"), Some("petitions".into()));
        assert_eq!(id("一般公共预算收入"), Some("general_budget_revenue".into()));
        assert_eq!(id("备注"), None);
        // a header of spaces only (a mutated workbook) names nothing, and does not panic
        assert_eq!(id("\u{3000} "), None);
    }

    #[test]
    fn units_convert_to_the_catalog_unit() {
        let c = catalog();
        let gbr = c.get("general_budget_revenue").unwrap();
        assert_eq!(convert(12345.0, "万元", false, gbr), Some(1.2345));
        assert_eq!(convert(1.5, "亿元", false, gbr), Some(1.5));
        assert_eq!(convert(3.0, "件", false, gbr), None);
        let rate = c.get("gdp_growth").unwrap();
        assert_eq!(convert(0.055, "%", true, rate), Some(5.5));
    }
}
