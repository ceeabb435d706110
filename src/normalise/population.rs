//! Resident population by region and year (datasets/population), with the
//! nearest-year fallback and the 2020→2023 code crosswalk.

use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum PopulationError {
    #[error("cannot read population table {path}: {message}")]
    Read { path: String, message: String },
}

#[derive(Debug, Deserialize)]
struct Row {
    code: String,
    year: i32,
    population: f64,
}

#[derive(Debug, Deserialize)]
struct CrosswalkRow {
    code_2020: String,
    code_2023: String,
}

/// A population figure and the year it is for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PopulationAt {
    pub population: f64,
    /// the year of the figure used (may differ from the year asked for)
    pub year: i32,
}

#[derive(Debug, Clone, Default)]
pub struct Population {
    by_code: HashMap<String, BTreeMap<i32, f64>>,
    /// old code → current code (recodes and mergers since the 2020 census)
    crosswalk: HashMap<String, String>,
}

impl Population {
    /// Load `population.csv` and `census2020_to_2023_crosswalk.csv` from a folder.
    pub fn load(dir: &Path) -> Result<Population, PopulationError> {
        let mut p = Population::default();
        let path = dir.join("population.csv");
        let err = |path: &Path, e: csv::Error| PopulationError::Read {
            path: path.display().to_string(),
            message: e.to_string(),
        };
        let mut r = csv::Reader::from_path(&path).map_err(|e| err(&path, e))?;
        for row in r.deserialize::<Row>() {
            let row = row.map_err(|e| err(&path, e))?;
            p.insert(&row.code, row.year, row.population);
        }
        let cw = dir.join("census2020_to_2023_crosswalk.csv");
        if cw.is_file() {
            let mut r = csv::Reader::from_path(&cw).map_err(|e| err(&cw, e))?;
            for row in r.deserialize::<CrosswalkRow>() {
                let row = row.map_err(|e| err(&cw, e))?;
                if !row.code_2023.is_empty() && row.code_2020 != row.code_2023 {
                    p.crosswalk.insert(row.code_2020, row.code_2023);
                }
            }
        }
        Ok(p)
    }

    pub fn insert(&mut self, code: &str, year: i32, population: f64) {
        self.by_code.entry(code.to_string()).or_default().insert(year, population);
    }

    /// The current code of a region code that may be an old one.
    pub fn current_code<'a>(&'a self, code: &'a str) -> &'a str {
        self.crosswalk.get(code).map(|s| s.as_str()).unwrap_or(code)
    }

    /// Population of `code` in `year`, else the nearest year available
    /// (ties go to the earlier year).
    pub fn at(&self, code: &str, year: i32) -> Option<PopulationAt> {
        let years = self.by_code.get(self.current_code(code))?;
        if let Some(&p) = years.get(&year) {
            return Some(PopulationAt { population: p, year });
        }
        years
            .iter()
            .min_by_key(|(y, _)| ((*y - year).abs(), **y))
            .map(|(&y, &p)| PopulationAt { population: p, year: y })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Population {
        Population::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/population"))
            .unwrap()
    }

    #[test]
    fn exact_and_nearest_year() {
        let p = bundled();
        // 常州 has only the 2020 census
        assert_eq!(
            p.at("320400", 2023),
            Some(PopulationAt { population: 5_278_121.0, year: 2020 })
        );
        // provinces have year-end figures
        assert_eq!(p.at("440000", 2023).unwrap().year, 2023);
        assert_eq!(p.at("440000", 2030).unwrap().year, 2024);
        assert!(p.at("999999", 2023).is_none());
    }

    #[test]
    fn old_codes_are_crosswalked() {
        let p = bundled();
        // 沙县 350427 became 沙县区 350405
        assert_eq!(p.at("350427", 2020), p.at("350405", 2020));
        assert!(p.at("350427", 2020).is_some());
    }
}
