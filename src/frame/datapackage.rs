//! A Frictionless Data Package (`datapackage.json`) describing the CSV tables
//! a run writes: field names, types, descriptions and units, so researchers
//! can load and validate them with standard tools (frictionless, datapackage-py, R).

use crate::catalog::Catalog;
use serde_json::{json, Value};

fn field(name: &str, kind: &str, description: &str) -> Value {
    json!({ "name": name, "type": kind, "description": description })
}

fn documents() -> Vec<Value> {
    vec![
        field("doc_id", "string", "first 16 hex digits of the BLAKE3 hash of the file"),
        field("source", "string", "input file path as given"),
        field("issuer", "string", "issuing body"),
        field("region_code", "string", "GB/T 2260 region code (000000 = national); empty when undecided"),
        field("region_name", "string", "region name"),
        field("level", "string", "national, province, prefecture or county"),
        field("province_code", "string", "province of the region"),
        field("prefecture_code", "string", "prefecture of the region"),
        field("report_year", "integer", "the year the report is about"),
        field("published", "string", "publication date YYYY-MM-DD when stated"),
        field("doc_type", "string", "rule_of_law_report, info_disclosure_report, gov_work_report, stat_communique, plan, other"),
        field("format", "string", "text or html"),
        field("encoding", "string", "detected text encoding"),
        field("bytes", "integer", "file size"),
        field("facts", "integer", "one-year facts extracted"),
        field("coverage", "string", "found/expected core indicators of its kind (empty when none are expected)"),
    ]
}

fn facts() -> Vec<Value> {
    vec![
        field("doc_id", "string", "document hash id"),
        field("source", "string", "input file the value came from"),
        field("region_code", "string", "GB/T 2260 code of the region the value is for"),
        field("region_name", "string", "region name"),
        field("level", "string", "region level"),
        field("indicator", "string", "catalog indicator id"),
        field("value", "number", "value in the indicator's catalog unit (see the unit column)"),
        field("unit", "string", "catalog unit of the value"),
        field(
            "qualifier",
            "string",
            "exact, at_least, approx, at_most or range (value = lower end)",
        ),
        field("kind", "string", "actual or target"),
        field("year", "integer", "the year the value is for"),
        field("period", "string", "for multi-year figures: the period, e.g. 2021-2025"),
        field("evidence", "string", "the sentence or table row as written"),
        field("span_start", "integer", "char offset of the value in the decoded original text"),
        field("span_end", "integer", "char offset after the value"),
        field("rule", "string", "extraction rule or correction that produced the value"),
        field("origin", "string", "text, table line, or corrections file line"),
    ]
}

fn panel_long() -> Vec<Value> {
    vec![
        field("region_code", "string", "GB/T 2260 region code"),
        field("region_name", "string", "region name"),
        field("level", "string", "region level"),
        field("year", "integer", "year"),
        field("indicator", "string", "catalog indicator id"),
        field("kind", "string", "actual or target"),
        field("value", "number", "the value the panel precedence picked"),
        field("unit", "string", "catalog unit"),
        field("qualifier", "string", "qualifier of the picked value"),
        field("candidates", "integer", "how many facts competed for this cell"),
        field("source", "string", "source of the picked value"),
        field("evidence", "string", "sentence of the picked value"),
        field("rule", "string", "rule of the picked value"),
        field("origin", "string", "origin of the picked value"),
    ]
}

fn diagnostics() -> Vec<Value> {
    vec![
        field("source", "string", "input the diagnostic is about"),
        field("location", "string", "line, span or cell"),
        field("severity", "string", "error (input unusable), warning or info"),
        field("code", "string", "stable diagnostic code"),
        field("message", "string", "what was found"),
    ]
}

/// Wide panel fields: keys, then one number column per indicator and kind present.
fn panel_wide(catalog: &Catalog, columns: &[String]) -> Vec<Value> {
    let mut out = vec![
        field("region_code", "string", "GB/T 2260 region code"),
        field("region_name", "string", "region name"),
        field("level", "string", "region level"),
        field("year", "integer", "year"),
    ];
    for c in columns.iter().skip(4) {
        let (id, kind) = c.split_once("__").unwrap_or((c.as_str(), "actual"));
        let (name, unit) =
            catalog.get(id).map(|i| (i.name.clone(), i.unit.clone())).unwrap_or_default();
        let mut f = field(c, "number", &format!("{name} ({kind}), {unit}; empty = not stated"));
        f["unit"] = json!(unit);
        out.push(f);
    }
    out
}

fn sdmx() -> Vec<Value> {
    vec![
        field("DATAFLOW", "string", "agency:id(version) of the dataflow"),
        field("REF_AREA", "string", "GB/T 2260 region code"),
        field("TIME_PERIOD", "integer", "year"),
        field("INDICATOR", "string", "catalog indicator id"),
        field("VALUE_TYPE", "string", "A = actual, T = target"),
        field("OBS_VALUE", "number", "the value, in UNIT_MEASURE × 10^UNIT_MULT"),
        field("UNIT_MEASURE", "string", "unit code (CNY, PC, PS, CASES …)"),
        field("UNIT_MULT", "integer", "power of ten of the unit (1e8 yuan = CNY, 8)"),
        field("OBS_STATUS", "string", "CL_OBS_STATUS: A normal, E estimated or bounded"),
        field("OBS_QUALIFIER", "string", "exact, approx, at_least, at_most or range"),
    ]
}

/// A Hive-partitioned Parquet table as a Frictionless resource: its part
/// files listed (a path may not be a glob), its schema the columns inside the
/// parts, and the partition keys that live in the folder names described in
/// `partitioning`. `None` when the build wrote no part.
fn partitioned(
    name: &str,
    parts: &[String],
    mut fields: Vec<Value>,
    keys: &[(&str, &str, &str)],
) -> Option<Value> {
    if parts.is_empty() {
        return None;
    }
    fields.retain(|f| !keys.iter().any(|(k, _, _)| f["name"] == *k));
    let keys: Vec<Value> = keys.iter().map(|(k, kind, what)| field(k, kind, what)).collect();
    Some(json!({
        "name": name,
        "path": parts,
        "profile": "tabular-data-resource",
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "description": "Hive-partitioned Parquet (DuckDB: read_parquet('dataset/<table>/**/*.parquet', hive_partitioning = true)); strings are plain UTF-8, a NULL partition is __HIVE_DEFAULT_PARTITION__",
        "partitioning": { "style": "hive", "keys": keys },
        "schema": { "fields": fields }
    }))
}

fn resource(name: &str, path: &str, fields: Vec<Value>) -> Value {
    json!({
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": { "fields": fields, "missingValues": [""] }
    })
}

/// The part files of the partitioned dataset, as paths relative to the
/// package (`dataset/facts/year=2024/province=320000/part-0.parquet`).
#[derive(Debug, Default)]
pub struct DatasetParts {
    pub facts: Vec<String>,
    pub panel: Vec<String>,
}

/// The data package for a run's tables; `panel_columns` is panel.csv's header.
pub fn datapackage(catalog: &Catalog, panel_columns: &[String], parts: &DatasetParts) -> Value {
    let versions: Vec<String> = catalog.versions.iter().map(|(k, v)| format!("{k} v{v}")).collect();
    let mut resources = vec![
        resource("documents", "documents.csv", documents()),
        resource("facts", "facts.csv", facts()),
        resource("periods", "periods.csv", facts()),
        resource("panel_long", "panel_long.csv", panel_long()),
        resource("panel", "panel.csv", panel_wide(catalog, panel_columns)),
        resource("diagnostics", "diagnostics.csv", diagnostics()),
        resource("panel_sdmx", "panel.sdmx.csv", sdmx()),
    ];
    let facts_keys = [
        ("year", "integer", "partition: the year the value is for"),
        ("province", "string", "partition: GB/T 2260 code of the region's province"),
    ];
    resources.extend(partitioned("dataset_facts", &parts.facts, facts(), &facts_keys));
    let panel_keys = [("year", "integer", "partition: year")];
    resources.extend(partitioned("dataset_panel", &parts.panel, panel_long(), &panel_keys));
    json!({
        "profile": "tabular-data-package",
        "name": "yardstick-output",
        "title": "Indicators extracted from government reports",
        "description": format!("Facts, panel and diagnostics written by yardstick {} with catalogs {}.", env!("CARGO_PKG_VERSION"), versions.join(", ")),
        "resources": resources
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_match_the_written_columns() {
        let names = |v: Vec<Value>| {
            v.iter().map(|f| f["name"].as_str().unwrap().to_string()).collect::<Vec<_>>()
        };
        assert_eq!(
            names(documents()),
            crate::frame::DOCUMENT_COLUMNS.iter().map(|s| s.to_string()).collect::<Vec<_>>()
        );
        assert_eq!(
            names(facts()),
            crate::frame::FACT_COLUMNS.iter().map(|s| s.to_string()).collect::<Vec<_>>()
        );
    }
}
