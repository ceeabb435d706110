//! Frame: documents, facts, panel and diagnostics as polars frames with a
//! stable schema, the panel selection rule, and atomic CSV/Parquet writers.

pub mod csv_cell;
pub mod datapackage;
pub mod dataset;
pub mod panel;
pub mod parquet;
pub mod sdmx;
mod stream;
pub mod write;
pub mod xlsx;

use crate::diag::Diagnostic;
use crate::extract::Fact;
use crate::ingest::Format;
use crate::locate::{DocType, Level};
use polars::prelude::*;

pub use panel::{load_panel, panel_rows, PanelRow};
pub use parquet::write_parquet;
pub use stream::write_facts;
pub use write::{write_atomic, write_csv, FrameError};

/// One row of documents.csv.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DocRecord {
    pub source: String,
    pub doc_id: String,
    pub issuer: String,
    pub region_code: String,
    pub region_name: String,
    pub level: Option<Level>,
    pub province_code: String,
    pub prefecture_code: String,
    pub report_year: Option<i32>,
    pub published: String,
    pub doc_type: DocType,
    pub format: Format,
    pub encoding: String,
    pub bytes: u64,
    pub facts: u32,
    /// found/expected core indicators of its kind ("" when none are expected)
    #[serde(default)]
    pub coverage: String,
}

/// A level as written: empty when unknown.
pub fn level_str(level: Option<Level>) -> &'static str {
    level.map(Level::as_str).unwrap_or("")
}

fn s(name: &str, v: Vec<String>) -> Column {
    Column::new(name.into(), v)
}

/// documents.csv columns, in order. The key comes first: the CSV starts with
/// a byte-order mark, and a reader that keeps it (Python's `utf-8`, R's
/// `read.csv`) then mangles only the name of the hash column, not `source`.
pub const DOCUMENT_COLUMNS: &[&str] = &[
    "doc_id",
    "source",
    "issuer",
    "region_code",
    "region_name",
    "level",
    "province_code",
    "prefecture_code",
    "report_year",
    "published",
    "doc_type",
    "format",
    "encoding",
    "bytes",
    "facts",
    "coverage",
];

pub fn documents_frame(docs: &[DocRecord]) -> PolarsResult<DataFrame> {
    let col = |f: fn(&DocRecord) -> String| docs.iter().map(f).collect::<Vec<_>>();
    DataFrame::new(
        docs.len(),
        vec![
            s("doc_id", col(|d| d.doc_id.clone())),
            s("source", col(|d| d.source.clone())),
            s("issuer", col(|d| d.issuer.clone())),
            s("region_code", col(|d| d.region_code.clone())),
            s("region_name", col(|d| d.region_name.clone())),
            s("level", col(|d| level_str(d.level).to_string())),
            s("province_code", col(|d| d.province_code.clone())),
            s("prefecture_code", col(|d| d.prefecture_code.clone())),
            Column::new(
                "report_year".into(),
                docs.iter().map(|d| d.report_year).collect::<Vec<_>>(),
            ),
            s("published", col(|d| d.published.clone())),
            s("doc_type", col(|d| d.doc_type.as_str().to_string())),
            s("format", col(|d| d.format.as_str().to_string())),
            s("encoding", col(|d| d.encoding.clone())),
            Column::new("bytes".into(), docs.iter().map(|d| d.bytes).collect::<Vec<_>>()),
            Column::new("facts".into(), docs.iter().map(|d| d.facts).collect::<Vec<_>>()),
            s("coverage", col(|d| d.coverage.clone())),
        ],
    )
}

/// facts.csv columns, in order (the document key first, as in documents.csv).
pub const FACT_COLUMNS: &[&str] = &[
    "doc_id",
    "source",
    "region_code",
    "region_name",
    "level",
    "indicator",
    "value",
    "unit",
    "qualifier",
    "kind",
    "year",
    "period",
    "evidence",
    "span_start",
    "span_end",
    "rule",
    "origin",
];

pub fn facts_frame(facts: &[&Fact]) -> PolarsResult<DataFrame> {
    let col = |name: &str, f: &dyn Fn(&Fact) -> &str| {
        Column::new(name.into(), facts.iter().map(|x| f(x)).collect::<Vec<&str>>())
    };
    DataFrame::new(
        facts.len(),
        vec![
            col("doc_id", &|f| &f.doc_id),
            col("source", &|f| &f.source),
            col("region_code", &|f| &f.region_code),
            col("region_name", &|f| &f.region_name),
            col("level", &|f| level_str(f.level)),
            col("indicator", &|f| &f.indicator),
            Column::new("value".into(), facts.iter().map(|f| f.value).collect::<Vec<_>>()),
            col("unit", &|f| &f.unit),
            col("qualifier", &|f| f.qualifier.as_str()),
            col("kind", &|f| f.kind.as_str()),
            Column::new("year".into(), facts.iter().map(|f| f.year).collect::<Vec<_>>()),
            col("period", &|f| &f.period),
            col("evidence", &|f| &f.evidence),
            Column::new(
                "span_start".into(),
                facts.iter().map(|f| f.span_start as u64).collect::<Vec<_>>(),
            ),
            Column::new(
                "span_end".into(),
                facts.iter().map(|f| f.span_end as u64).collect::<Vec<_>>(),
            ),
            col("rule", &|f| f.rule.as_str()),
            col("origin", &|f| &f.origin),
        ],
    )
}

pub fn diagnostics_frame(diags: &[Diagnostic]) -> PolarsResult<DataFrame> {
    let col = |f: &dyn Fn(&Diagnostic) -> String| diags.iter().map(f).collect::<Vec<_>>();
    DataFrame::new(
        diags.len(),
        vec![
            s("source", col(&|d| d.source.clone())),
            s("location", col(&|d| d.location.clone())),
            s("severity", col(&|d| d.severity.as_str().to_string())),
            s("code", col(&|d| d.code.as_str().to_string())),
            s("message", col(&|d| d.message.clone())),
        ],
    )
}
