//! The Fact: one value of one indicator, with where it came from.

use super::quantity::Qualifier;
use serde::Serialize;

/// Whether a value is a result, a target, or a multi-year figure.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    Actual,
    Target,
    /// a multi-year average or five-year-plan figure: not a one-year fact
    Period,
}

impl FactKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Actual => "actual",
            FactKind::Target => "target",
            FactKind::Period => "period",
        }
    }

    pub fn parse(s: &str) -> Option<FactKind> {
        Some(match s {
            "actual" => FactKind::Actual,
            "target" => FactKind::Target,
            "period" => FactKind::Period,
            _ => return None,
        })
    }
}

/// One extracted value with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Fact {
    pub source: String,
    pub doc_id: String,
    /// region the value is for (from the document, or from a table's own row/column)
    pub region_code: String,
    pub region_name: String,
    /// region level: national, province, prefecture, county (empty when unknown)
    pub level: String,
    pub indicator: String,
    /// value in the catalog unit
    pub value: f64,
    pub unit: String,
    pub qualifier: Qualifier,
    pub kind: FactKind,
    pub year: Option<i32>,
    /// for period facts: "2021-2025"
    pub period: String,
    /// char span of the value in the decoded original text
    pub span_start: usize,
    pub span_end: usize,
    /// the sentence (or table row) as written
    pub evidence: String,
    /// id of the rule that produced the value
    pub rule: String,
    /// text, a table row, a sheet cell (`book.xlsx!2023!D7`) or a correction
    pub origin: String,
}

impl Fact {
    /// Sort key that makes output independent of thread scheduling.
    pub fn sort_key(&self) -> (&str, usize, &str, i64, &str) {
        (
            self.source.as_str(),
            self.span_start,
            self.indicator.as_str(),
            (self.value * 1e6) as i64,
            self.origin.as_str(),
        )
    }
}
