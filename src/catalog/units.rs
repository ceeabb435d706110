//! Units of measure, read once from `datasets/rules/units.toml` (bundled):
//! each unit's family (a rate, money, a count, a date …), its aliases, and
//! the scale prefixes (万, 亿 …) a catalog, a header or a text writes before
//! it. The text quantities, the catalog's scales and the sheets' unit cells
//! all read this one table.

use crate::vocabulary::{Active, VocabularyFile};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

/// What a number with this unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitFamily {
    Percent,
    Points,
    Money,
    Currency,
    Count,
    Multiple,
    Measure,
    Duration,
    Date,
}

impl UnitFamily {
    /// A date, an ordinal, an age or a span of time: never a value in text.
    pub fn is_time(self) -> bool {
        matches!(self, UnitFamily::Duration | UnitFamily::Date)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitEntry {
    name: String,
    family: UnitFamily,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scales {
    factors: BTreeMap<String, f64>,
    after_numbers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    scales: Scales,
    unit: Vec<UnitEntry>,
}

/// One known unit: the name facts carry and its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unit {
    pub name: &'static str,
    pub family: UnitFamily,
}

/// The unit table, compiled for lookups.
#[derive(Debug)]
pub struct Units {
    by_word: HashMap<&'static str, Unit>,
    /// the longest name or alias, in chars
    longest: usize,
    /// scale prefixes, longest first
    factors: Vec<(&'static str, f64)>,
    /// the prefixes that follow a number in text, longest first
    after_numbers: Vec<(&'static str, f64)>,
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

impl VocabularyFile for Units {
    const FILE: &'static str = "rules/units.toml";

    fn parse(text: &str) -> Result<Units, toml::de::Error> {
        Units::compile(text)
    }

    fn slot() -> &'static Active<Units> {
        static SLOT: Active<Units> = Active::new();
        &SLOT
    }
}

impl Units {
    /// The table of a `units.toml` text.
    fn compile(text: &str) -> Result<Units, toml::de::Error> {
        let file: UnitsFile = toml::from_str(text)?;
        let mut by_word = HashMap::new();
        for entry in file.unit {
            let unit = Unit { name: leak(entry.name), family: entry.family };
            by_word.insert(unit.name, unit);
            for alias in entry.aliases {
                by_word.insert(leak(alias), unit);
            }
        }
        let longest = by_word.keys().map(|w| w.chars().count()).max().unwrap_or(0);
        let mut factors: Vec<(&'static str, f64)> =
            file.scales.factors.into_iter().map(|(p, f)| (leak(p), f)).collect();
        factors.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let after_numbers = factors
            .iter()
            .copied()
            .filter(|(p, _)| file.scales.after_numbers.iter().any(|a| a == p));
        let after_numbers = after_numbers.collect();
        Ok(Units { by_word, longest, factors, after_numbers })
    }

    /// The unit a word names (a name or an alias).
    pub fn get(&self, word: &str) -> Option<Unit> {
        self.by_word.get(word).copied()
    }

    /// The family of a unit; words the table does not know are counts.
    pub fn family(&self, unit: &str) -> UnitFamily {
        self.get(unit).map_or(UnitFamily::Count, |u| u.family)
    }

    /// The longest unit `text` starts with, and its length in bytes.
    pub fn unit_at(&self, text: &str) -> Option<(Unit, usize)> {
        let ends = text.char_indices().map(|(i, c)| i + c.len_utf8()).take(self.longest);
        ends.filter_map(|end| self.get(&text[..end]).map(|u| (u, end))).last()
    }

    /// The multiplier that follows a number in text at the start of `text`
    /// (万亿, 亿, 万), and its length in bytes.
    pub fn multiplier_at(&self, text: &str) -> Option<(f64, usize)> {
        self.after_numbers.iter().find(|(p, _)| text.starts_with(p)).map(|&(p, f)| (f, p.len()))
    }

    /// Split a unit into its multiplier and base: "万亿元" → (1e12, "元"),
    /// "亿千瓦时" → (1e8, "千瓦时"); a unit of the table is never split
    /// ("千瓦时", "百分点").
    pub fn split_scale<'u>(&self, unit: &'u str) -> (f64, &'u str) {
        if self.get(unit).is_some() {
            return (1.0, unit);
        }
        for &(prefix, factor) in &self.factors {
            if let Some(rest) = unit.strip_prefix(prefix).filter(|r| !r.is_empty()) {
                return (factor, rest);
            }
        }
        (1.0, unit)
    }

    /// A unit of measure, bare or with a scale (件, 万元, 亿千瓦时), that a
    /// table states; dates (年, 月) are not.
    pub fn is_measure_word(&self, word: &str) -> bool {
        let (_, base) = self.split_scale(word);
        self.get(base).is_some_and(|u| u.family != UnitFamily::Date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_unit_first_by_name_or_alias() {
        let u = Units::active();
        assert_eq!(u.unit_at("个百分点，"), Some((u.get("个百分点").unwrap(), 12)));
        assert_eq!(u.unit_at("百分点").map(|x| x.0.name), Some("个百分点"));
        assert_eq!(u.unit_at("个月").map(|x| x.0.family), Some(UnitFamily::Duration));
        assert_eq!(u.unit_at("元/人·月").map(|x| x.0.name), Some("元/人·月"));
        assert_eq!(u.unit_at("家次以上").map(|x| x.0.name), Some("家次"));
        assert_eq!(u.unit_at("以上"), None);
    }

    #[test]
    fn scales_split_only_what_is_no_unit() {
        let u = Units::active();
        assert_eq!(u.split_scale("亿元"), (1e8, "元"));
        assert_eq!(u.split_scale("万亿元"), (1e12, "元"));
        assert_eq!(u.split_scale("千瓦时"), (1.0, "千瓦时"));
        assert_eq!(u.split_scale("亿千瓦时"), (1e8, "千瓦时"));
        assert_eq!(u.split_scale("百分点"), (1.0, "百分点"));
        assert_eq!(u.split_scale("件"), (1.0, "件"));
        assert!(u.is_measure_word("万人次") && u.is_measure_word("%") && !u.is_measure_word("年"));
        assert_eq!(u.multiplier_at("万亿元"), Some((1e12, 6)));
        assert_eq!(u.multiplier_at("千人"), None);
    }
}
