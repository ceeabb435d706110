//! Misses made visible: the core indicators a report of each kind nearly
//! always states (`datasets/coverage/expected.toml`), checked against what
//! was extracted from it — found/expected for documents.csv and the names of
//! the missing ones for a `coverage.missing` diagnostic.

use super::{Fact, FactKind};
use crate::locate::DocType;
use serde::Deserialize;
use std::path::Path;

/// The expectations of every document kind.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    expect: Vec<Expect>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    doc_type: DocType,
    #[allow(dead_code)]
    why: String,
    indicators: Vec<Expected>,
}

/// One indicator a kind of report states, of a kind, for a year relative to the report's.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    id: String,
    kind: FactKind,
    year: i32,
}

/// How much of what was expected a document gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Covered {
    pub found: usize,
    pub expected: usize,
    /// the missing ones, as `gdp_growth (target 2026)`
    pub missing: Vec<String>,
}

impl Coverage {
    pub fn load(path: &Path) -> Result<Coverage, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The coverage of one document (None when its kind has no expectations
    /// or its report year is unknown).
    pub fn check(
        &self,
        doc_type: DocType,
        report_year: Option<i32>,
        facts: &[Fact],
    ) -> Option<Covered> {
        let year = report_year?;
        let expect = self.expect.iter().find(|e| e.doc_type == doc_type)?;
        let mut missing = Vec::new();
        for x in &expect.indicators {
            let y = year + x.year;
            let found = facts
                .iter()
                .any(|f| *f.indicator == *x.id && f.kind == x.kind && f.year == Some(y));
            if !found {
                missing.push(format!("{} ({} {y})", x.id, x.kind.as_str()));
            }
        }
        let expected = expect.indicators.len();
        Some(Covered { found: expected - missing.len(), expected, missing })
    }
}
