//! Consistency checks over one document's facts, reported as diagnostics and
//! never silently fixed: parts above their total, a rate that disagrees with
//! its parts, one indicator stated twice with different values.

use super::fact::{Fact, FactKind};
use crate::catalog::Catalog;
use crate::diag::{Code, Diagnostic};
use std::collections::BTreeMap;

fn first<'a>(facts: &'a [Fact], id: &str, year: Option<i32>) -> Option<&'a Fact> {
    facts.iter().find(|f| &*f.indicator == id && f.year == year && f.kind == FactKind::Actual)
}

/// Every check over the facts of one document.
pub fn check(catalog: &Catalog, source: &str, facts: &[Fact]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut years: Vec<Option<i32>> = facts.iter().map(|f| f.year).collect();
    years.sort();
    years.dedup();
    for year in years {
        out.extend(parts_above_total(catalog, source, facts, year));
        out.extend(rates_against_parts(catalog, source, facts, year));
    }
    out.extend(restated(source, facts));
    out
}

/// Parts that add up to more than their stated total.
fn parts_above_total(
    catalog: &Catalog,
    source: &str,
    facts: &[Fact],
    year: Option<i32>,
) -> Vec<Diagnostic> {
    let mut parts: BTreeMap<&str, Vec<&Fact>> = BTreeMap::new();
    for ind in &catalog.indicators {
        if let (Some(total), Some(f)) = (&ind.part_of, first(facts, &ind.id, year)) {
            parts.entry(total.as_str()).or_default().push(f);
        }
    }
    let mut out = Vec::new();
    for (total_id, ps) in parts {
        let Some(total) = first(facts, total_id, year) else { continue };
        let sum: f64 = ps.iter().map(|f| f.value).sum();
        if sum <= total.value * 1.001 + 0.5 {
            continue;
        }
        let terms: Vec<String> =
            ps.iter().map(|f| format!("{}={}", f.indicator, f.value)).collect();
        let msg = format!(
            "parts {} add up to {sum}, more than {total_id} = {}",
            terms.join(" + "),
            total.value
        );
        out.push(
            Diagnostic::warning(source, Code::CheckSumMismatch, msg)
                .at(format!("chars {}-{}", total.span_start, total.span_end)),
        );
    }
    out
}

/// A stated rate that disagrees with its stated numerator and denominator.
fn rates_against_parts(
    catalog: &Catalog,
    source: &str,
    facts: &[Fact],
    year: Option<i32>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ind in catalog.indicators.iter().filter(|i| i.rate_of.len() == 2) {
        let (Some(rate), Some(num), Some(den)) = (
            first(facts, &ind.id, year),
            first(facts, &ind.rate_of[0], year),
            first(facts, &ind.rate_of[1], year),
        ) else {
            continue;
        };
        if den.value <= 0.0 {
            continue;
        }
        let implied = num.value / den.value * 100.0;
        if (implied - rate.value).abs() > 0.15 {
            let msg = format!(
                "{} = {}% but {} / {} = {:.1}%",
                ind.id, rate.value, num.value, den.value, implied
            );
            out.push(
                Diagnostic::warning(source, Code::CheckRateMismatch, msg)
                    .at(format!("chars {}-{}", rate.span_start, rate.span_end)),
            );
        }
    }
    out
}

/// The same indicator, year and kind stated with different values.
fn restated(source: &str, facts: &[Fact]) -> Vec<Diagnostic> {
    let mut seen: BTreeMap<(String, Option<i32>, FactKind), Vec<f64>> = BTreeMap::new();
    for f in facts.iter().filter(|f| f.kind != FactKind::Period) {
        seen.entry((f.indicator.to_string(), f.year, f.kind)).or_default().push(f.value);
    }
    let mut out = Vec::new();
    for ((id, year, kind), mut values) in seen {
        values.sort_by(f64::total_cmp);
        values.dedup();
        if values.len() <= 1 {
            continue;
        }
        let listed: Vec<String> = values.iter().map(|v| v.to_string()).collect();
        out.push(Diagnostic::info(
            source,
            Code::CheckRestated,
            format!(
                "{id} ({}, {}) is stated with {} different values: {}",
                kind.as_str(),
                year.map(|y| y.to_string()).unwrap_or_else(|| "year unknown".into()),
                values.len(),
                listed.join(", ")
            ),
        ));
    }
    out
}
