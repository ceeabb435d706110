//! The panel as SDMX-CSV (version 1 layout: DATAFLOW first, then dimensions,
//! OBS_VALUE and attributes) for the statistics world's tools. Codes come
//! from `datasets/export/sdmx.toml`.

use super::panel::PanelRow;
use crate::extract::{FactKind, Qualifier};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// Settings of the SDMX export, read from `datasets/export/sdmx.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SdmxSettings {
    pub dataflow: String,
    pub obs_status: BTreeMap<String, String>,
    pub value_type: BTreeMap<String, String>,
    pub units: BTreeMap<String, SdmxUnit>,
}

/// A catalog unit as SDMX writes it: a measure code and a power of ten.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SdmxUnit {
    pub measure: String,
    pub mult: i32,
}

/// Columns of panel.sdmx.csv, in order.
pub const SDMX_COLUMNS: &[&str] = &[
    "DATAFLOW",
    "REF_AREA",
    "TIME_PERIOD",
    "INDICATOR",
    "VALUE_TYPE",
    "OBS_VALUE",
    "UNIT_MEASURE",
    "UNIT_MULT",
    "OBS_STATUS",
    "OBS_QUALIFIER",
];

impl SdmxSettings {
    pub fn load(path: &Path) -> Result<SdmxSettings, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    fn code<'a>(map: &'a BTreeMap<String, String>, key: &str) -> &'a str {
        map.get(key).map(String::as_str).unwrap_or("")
    }

    fn status(&self, q: Qualifier) -> &str {
        Self::code(&self.obs_status, q.as_str())
    }

    fn kind(&self, k: FactKind) -> &str {
        Self::code(&self.value_type, k.as_str())
    }

    /// The panel as SDMX-CSV bytes (the value scaled by nothing: UNIT_MULT says the power).
    pub fn csv(&self, rows: &[PanelRow]) -> Result<Vec<u8>, csv::Error> {
        let mut w = super::csv_cell::bytes_writer();
        w.write_record(SDMX_COLUMNS)?;
        for r in rows {
            let unit = self.units.get(&r.unit);
            let mult = unit.map(|u| u.mult.to_string()).unwrap_or_default();
            w.write_record([
                self.dataflow.as_str(),
                &r.region_code,
                &r.year.to_string(),
                &r.indicator,
                self.kind(r.kind),
                &r.value.to_string(),
                unit.map(|u| u.measure.as_str()).unwrap_or(&r.unit),
                &mult,
                self.status(r.qualifier),
                r.qualifier.as_str(),
            ])?;
        }
        w.into_inner().map_err(|e| csv::Error::from(e.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_settings_name_every_catalog_unit() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets");
        let s = SdmxSettings::load(&dir.join("export/sdmx.toml")).unwrap();
        let catalog = crate::catalog::Catalog::load_dir(&dir.join("catalog"), &[]).unwrap();
        for i in &catalog.indicators {
            assert!(s.units.contains_key(&*i.unit), "{} has no SDMX unit for {}", i.id, i.unit);
        }
        for q in ["exact", "approx", "at_least", "at_most", "range"] {
            assert!(s.obs_status.contains_key(q), "{q}");
        }
    }
}
