//! The indicator catalog: what yardstick knows how to extract, loaded from data
//! (`datasets/catalog/*.toml`), never from code.

mod units;

pub use units::{Unit, UnitFamily, Units};

use crate::vocabulary::VocabularyFile;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("cannot read catalog {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("catalog {path} is not valid: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("catalog {path}: indicator {id} is defined twice")]
    Duplicate { path: PathBuf, id: String },
    #[error("no catalog named {0} (known: {1})")]
    Unknown(String, String),
}

/// What kind of quantity an indicator is; decides whether per-capita division makes sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// a count of things (件, 家, 人): divisible by population
    Count,
    /// a money amount or stock (亿元): divisible by population
    Amount,
    /// a rate, share or growth (%): never divided
    Rate,
    /// already per resident (元/人): never divided
    PerCapita,
    /// a standard or level set by policy (元/人·月): never divided
    Standard,
}

impl Measure {
    pub fn divisible(self) -> bool {
        matches!(self, Measure::Count | Measure::Amount)
    }
}

/// A table cue: the row label and column header that hold this indicator in a
/// template table (e.g. row 行政规范性文件, column 本年制发件数); or, for a
/// row of numbers with no label (the template's 行政复议 / 行政诉讼 row), the
/// word its caption holds, the row's width and the 1-based positions of the
/// numbers that add up to the value.
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct TableCue {
    pub row: String,
    pub col: String,
    pub caption: String,
    pub width: usize,
    pub positions: Vec<usize>,
}

impl TableCue {
    /// A cue by position in an unlabelled row rather than by row label.
    pub fn is_positional(&self) -> bool {
        !self.caption.is_empty()
    }

    /// A row cue names its row; a positional cue its caption, and positions
    /// within its width.
    fn is_valid(&self) -> bool {
        if self.is_positional() {
            !self.positions.is_empty() && self.positions.iter().all(|&p| p >= 1 && p <= self.width)
        } else {
            !self.row.is_empty()
        }
    }
}

/// A string many facts share (source, region, indicator id, unit): cloned
/// by reference count, never copied.
pub type Shared = std::sync::Arc<str>;

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: Shared,
    pub name: String,
    pub unit: Shared,
    #[serde(default)]
    pub counters: Vec<String>,
    pub measure: Measure,
    #[serde(default)]
    pub cues: Vec<String>,
    #[serde(default)]
    pub vetoes: Vec<String>,
    #[serde(default)]
    pub zero: bool,
    #[serde(default)]
    pub priority: i32,
    #[serde(default)]
    pub table: Vec<TableCue>,
    /// this indicator is one part of another (社会团体 of 社会组织): parts may not exceed the total
    #[serde(default)]
    pub part_of: Option<String>,
    /// this rate is numerator / denominator × 100 of two other indicators
    #[serde(default)]
    pub rate_of: Vec<String>,
    /// which catalog file it came from (filled on load)
    #[serde(skip_deserializing)]
    pub catalog: String,
    /// the document kinds its catalog reads (filled on load; empty = every kind)
    #[serde(skip_deserializing)]
    pub doc_types: Vec<String>,
}

impl Indicator {
    /// The measure words accepted after a number (the unit without a 万/亿 prefix by default).
    pub fn accepts_counter(&self, counter: &str) -> bool {
        if self.counters.is_empty() {
            return counter == self.base_unit();
        }
        self.counters.iter().any(|c| c == counter)
    }

    /// The unit without its 万/亿 prefix: 亿元 → 元, 万人 → 人.
    pub fn base_unit(&self) -> &str {
        let (_, rest) = split_unit_scale(&self.unit);
        rest
    }

    /// What one catalog unit is worth in base units: 亿元 → 1e8, 万人 → 1e4, 件 → 1.
    pub fn scale(&self) -> f64 {
        split_unit_scale(&self.unit).0
    }

    pub fn is_percent(&self) -> bool {
        &*self.unit == "%"
    }

    /// Does this indicator's catalog read documents of this kind (`gov_work_report`, …)?
    pub fn applies_to(&self, doc_type: &str) -> bool {
        self.doc_types.is_empty() || self.doc_types.iter().any(|d| d == doc_type)
    }
}

/// Split a unit into its multiplier and base: "万亿元" → (1e12, "元") (the
/// unit table's scales; see [`Units::split_scale`]).
pub fn split_unit_scale(unit: &str) -> (f64, &str) {
    Units::active().split_scale(unit)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogHeader {
    name: String,
    version: String,
    /// document kinds this catalog reads (empty = all)
    #[serde(default)]
    doc_types: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    catalog: CatalogHeader,
    #[serde(default)]
    indicator: Vec<Indicator>,
}

/// All indicators of the selected catalogs, in file order.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub indicators: Vec<Indicator>,
    /// catalog name → version, for cache keys and manifests
    pub versions: BTreeMap<String, String>,
}

impl Catalog {
    /// Load every `*.toml` in `dir`, keeping only the catalogs named in `only` (all when empty).
    pub fn load_dir(dir: &Path, only: &[String]) -> Result<Catalog, CatalogError> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|source| CatalogError::Read { path: dir.to_path_buf(), source })?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        let mut catalog = Catalog::default();
        for path in files {
            let text = std::fs::read_to_string(&path)
                .map_err(|source| CatalogError::Read { path: path.clone(), source })?;
            catalog.add_toml(&path, &text, only)?;
        }
        for name in only {
            if !catalog.versions.contains_key(name) {
                let known = catalog.versions.keys().cloned().collect::<Vec<_>>().join(", ");
                return Err(CatalogError::Unknown(name.clone(), known));
            }
        }
        Ok(catalog)
    }

    /// Parse one catalog file's text and add its indicators (when selected by `only`).
    pub fn add_toml(
        &mut self,
        path: &Path,
        text: &str,
        only: &[String],
    ) -> Result<(), CatalogError> {
        let file: CatalogFile = toml::from_str(text).map_err(|e| CatalogError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        if !only.is_empty() && !only.contains(&file.catalog.name) {
            self.versions.insert(file.catalog.name, file.catalog.version);
            return Ok(());
        }
        for mut ind in file.indicator {
            if self.get(&ind.id).is_some() {
                return Err(CatalogError::Duplicate {
                    path: path.to_path_buf(),
                    id: ind.id.to_string(),
                });
            }
            if let Some(bad) = ind.table.iter().find(|t| !t.is_valid()) {
                return Err(CatalogError::Parse {
                    path: path.to_path_buf(),
                    message: format!(
                        "indicator {}: a table cue needs a row, or a caption with a width \
                         and positions 1..=width ({bad:?})",
                        ind.id
                    ),
                });
            }
            ind.catalog = file.catalog.name.clone();
            ind.doc_types = file.catalog.doc_types.clone();
            ind.cues = ind.cues.iter().map(|c| crate::ingest::fold::normalize_str(c)).collect();
            ind.vetoes = ind.vetoes.iter().map(|c| crate::ingest::fold::normalize_str(c)).collect();
            self.indicators.push(ind);
        }
        self.versions.insert(file.catalog.name, file.catalog.version);
        Ok(())
    }

    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| &*i.id == id)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.indicators.iter().position(|i| &*i.id == id)
    }

    /// A short fingerprint of the catalog's content, for cache invalidation.
    pub fn fingerprint(&self) -> String {
        let json = serde_json::to_string(&self.indicators).unwrap_or_default();
        blake3::hash(json.as_bytes()).to_hex()[..16].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_scales() {
        assert_eq!(split_unit_scale("亿元"), (1e8, "元"));
        assert_eq!(split_unit_scale("万人"), (1e4, "人"));
        assert_eq!(split_unit_scale("万亿元"), (1e12, "元"));
        assert_eq!(split_unit_scale("件"), (1.0, "件"));
        assert_eq!(split_unit_scale("万"), (1.0, "万"));
    }

    #[test]
    fn a_table_cue_without_a_row_or_with_positions_outside_its_width_is_refused() {
        let head = "[catalog]\nname = \"t\"\nversion = \"1\"\n[[indicator]]\nid = \"a\"\nname = \"甲\"\nunit = \"件\"\nmeasure = \"count\"\n";
        for cue in [
            "[[indicator.table]]\ncol = \"总计\"\n",
            "[[indicator.table]]\ncaption = \"行政复议\"\nwidth = 15\npositions = [16]\n",
        ] {
            let mut c = Catalog::default();
            let e = c.add_toml(Path::new("t.toml"), &format!("{head}{cue}"), &[]).unwrap_err();
            assert!(e.to_string().contains("table cue"), "{e}");
        }
        let ok = "[[indicator.table]]\ncaption = \"行政复议\"\nwidth = 15\npositions = [10, 15]\n";
        assert!(Catalog::default()
            .add_toml(Path::new("t.toml"), &format!("{head}{ok}"), &[])
            .is_ok());
    }

    #[test]
    fn bundled_catalogs_load() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/catalog");
        let all = Catalog::load_dir(&dir, &[]).unwrap();
        assert!(all.get("admin_reconsideration_cases").is_some());
        assert!(all.get("gdp_growth").is_some());
        let eco = Catalog::load_dir(&dir, &["economy".to_string()]).unwrap();
        assert!(eco.get("petitions").is_none());
        assert_eq!(eco.get("gdp").unwrap().scale(), 1e8);
        assert!(Catalog::load_dir(&dir, &["nope".to_string()]).is_err());
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let mut c = Catalog::default();
        let bad = "[catalog]\nname='x'\nversion='1'\n[[indicator]]\nid='a'\nname='a'\nunit='件'\nmeasure='count'\ncolour='red'\n";
        let err = c.add_toml(Path::new("x.toml"), bad, &[]).unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }
}
