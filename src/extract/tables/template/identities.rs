//! The template's own arithmetic (勾稽关系): each 表三 column's 总计 is the sum
//! of its outcomes, each row's 总计 the sum of its six applicant columns,
//! new + carried over = processed + carried forward, and each 表四 group's
//! 总计 the sum of its four results. Values are kept as printed; a break is
//! said, naming the identity, the cells and the difference.

use super::{Cell, Template};
use crate::extract::{Fact, FactKind, RuleFamily};
use std::collections::BTreeMap;

/// Differences below this are rounding, not breaks.
const TOLERANCE: f64 = 1e-6;

impl Template {
    /// Every identity the printed cells break (only identities whose cells are all printed).
    pub(super) fn breaks(&self, cells: &[Cell]) -> Vec<String> {
        let value: BTreeMap<&str, f64> = cells.iter().map(|c| (c.id.as_str(), c.value)).collect();
        let rq = &self.requests;
        let id = |row: &str, col: &str| format!("{}.{row}.{col}", rq.prefix);
        let mut out = Vec::new();
        for col in &rq.columns {
            let (new, over) =
                (value.get(id("new", col).as_str()), value.get(id("carried_over", col).as_str()));
            let (done, forward) = (
                value.get(id("processed", col).as_str()),
                value.get(id("carried_forward", col).as_str()),
            );
            if let (Some(a), Some(b), Some(c), Some(d)) = (new, over, done, forward) {
                if (a + b - c - d).abs() > TOLERANCE {
                    let t = &rq.balance_terms;
                    let term = |i: usize| t.get(i).map_or("", String::as_str);
                    let (new, over, total, fwd) = (term(0), term(1), term(2), term(3));
                    out.push(format!(
                        "{} {col}: {new} {a} + {over} {b} ≠ {total} {c} + {fwd} {d} (difference {})",
                        rq.table,
                        a + b - c - d
                    ));
                }
            }
        }
        let mut check = |what: String, total: String, parts: Vec<String>| {
            let Some(&t) = value.get(total.as_str()) else { return };
            let Some(sum) = parts.iter().map(|p| value.get(p.as_str())).sum::<Option<f64>>() else {
                return;
            };
            if (t - sum).abs() > TOLERANCE {
                out.push(format!(
                    "{what}: {total} = {t} but {} = {sum} (difference {})",
                    parts.join(" + "),
                    t - sum
                ));
            }
        };
        let outcomes: Vec<&str> = rq
            .rows
            .iter()
            .chain([&rq.single_other])
            .map(|r| r.id.as_str())
            .filter(|r| !matches!(*r, "new" | "carried_over" | "processed" | "carried_forward"))
            .filter(|r| {
                value.contains_key(id(r, "total").as_str())
                    || rq.columns.iter().any(|c| value.contains_key(id(r, c).as_str()))
            })
            .collect();
        let applicants = &rq.columns[..rq.columns.len() - 1];
        let total_col = rq.columns.last().map_or("total", String::as_str);
        for col in &rq.columns {
            let parts = outcomes.iter().map(|r| id(r, col)).collect();
            let what = format!("{} {col}: {} = the outcomes", rq.table, total_term(rq));
            check(what, id("processed", col), parts);
        }
        for row in rq.rows.iter().chain([&rq.single_other]) {
            let parts = applicants.iter().map(|c| id(&row.id, c)).collect();
            check(
                format!("{} {}: {} = the applicants", rq.table, row.name, total_term(rq)),
                id(&row.id, total_col),
                parts,
            );
        }
        let ap = &self.appeals;
        let (results, total) = ap.results.split_at(ap.results.len() - 1);
        for (g, name) in ap.groups.iter().zip(&ap.group_names) {
            let parts = results.iter().map(|r| format!("{g}.{r}")).collect();
            let what = format!("{} {name}: {} = the results", ap.table, total_term(rq));
            check(what, format!("{g}.{}", total[0]), parts);
        }
        out
    }

    /// Narrative figures that state a template cell otherwise than the table
    /// does (none of the cell sums the template data allows), each with the
    /// table's reading as a fact of the narrative indicator (rule
    /// `table.template`: the panel takes it over the text's).
    pub fn text_table_conflicts(&self, facts: &[Fact]) -> (Vec<String>, Vec<Fact>) {
        let cell = |id: &str| {
            facts
                .iter()
                .find(|f| &*f.indicator == id && f.rule == crate::extract::Rule::TableTemplate)
        };
        let (mut out, mut readings_of_table) = (Vec::new(), Vec::new());
        for pair in &self.text_table {
            let readings: Vec<f64> = pair
                .readings
                .iter()
                .filter_map(|r| r.iter().map(|id| cell(id).map(|f| f.value)).sum())
                .collect();
            let Some(&table) = readings.first() else { continue };
            let stated = facts.iter().filter(|f| {
                *f.indicator == pair.text
                    && f.kind == FactKind::Actual
                    && f.rule.family() == RuleFamily::Text
            });
            let mut contradicted = false;
            for f in stated {
                if readings.iter().all(|r| (r - f.value).abs() > TOLERANCE) {
                    contradicted = true;
                    out.push(format!(
                        "the text states {} = {} (「{}」) where the template's table gives {} = {table}",
                        pair.text, f.value, f.evidence, pair.readings[0].join(" + ")
                    ));
                }
            }
            if let Some(first) = contradicted.then(|| cell(&pair.readings[0][0])).flatten() {
                let mut f = first.clone();
                f.indicator = pair.text.as_str().into();
                f.value = table;
                f.origin =
                    format!("{} (the table's {})", first.origin, pair.readings[0].join(" + "))
                        .into();
                readings_of_table.push(f);
            }
        }
        (out, readings_of_table)
    }
}

/// The template's word for a total (总计), the third of 表三's balance terms.
fn total_term(rq: &super::Requests) -> &str {
    rq.balance_terms.get(2).map_or("", String::as_str)
}
