//! What a sheet resolves once: the catalog indicator of each label, the
//! region of each name, the shared subject strings of each region's facts,
//! and, by the address of a table's shared strings, the last answer for each
//! column — the same labels recur on every row of a million-row sheet.

use super::resolve::{Conversion, RegionMatch};
use crate::catalog::Indicator;
use crate::extract::Subject;
use crate::locate::Region;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

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
