//! Corrections: a researcher's CSV that adds, overrides or drops facts by
//! source + indicator, applied at build time and marked in the output
//! (rule `correction.add` / `correction.override`, origin `corrections.csv line N: note`).
//!
//! Columns (header required; `year`, `kind`, `qualifier`, `value`, `note` may be empty):
//!
//! ```text
//! action,source,indicator,year,kind,value,qualifier,note
//! override,changzhou_2022.txt,petitions,2022,actual,250,exact,the report's table says 250
//! drop,liaoning_2023.txt,info_published,,,,,media posts, not government information
//! add,yuzhong_2023.txt,admin_licenses,2023,actual,12,at_least,stated in the annex
//! ```
//!
//! `source` matches a fact's source by file name (or by the full path as written).
//! Empty `year`/`kind` in override/drop match any. A correction that matches
//! nothing is a warning, a malformed line an error naming the line; neither
//! stops the build.

use crate::build::BuildOutput;
use crate::catalog::Catalog;
use crate::diag::Diagnostic;
use crate::extract::{Fact, FactKind, Qualifier};
use std::path::Path;

#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    action: String,
    source: String,
    indicator: String,
    #[serde(default)]
    year: Option<i32>,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    qualifier: String,
    #[serde(default)]
    note: String,
}

/// One parsed correction.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub line: usize,
    pub action: Action,
    pub source: String,
    pub indicator: String,
    pub year: Option<i32>,
    pub kind: Option<FactKind>,
    pub value: Option<f64>,
    pub qualifier: Qualifier,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Add,
    Override,
    Drop,
}

fn file_name(s: &str) -> &str {
    s.rsplit(['/', '\\']).next().unwrap_or(s)
}

impl Correction {
    fn matches(&self, f: &Fact) -> bool {
        (f.source == self.source || file_name(&f.source) == file_name(&self.source))
            && f.indicator == self.indicator
            && self.year.is_none_or(|y| f.year == Some(y))
            && self.kind.is_none_or(|k| f.kind == k)
    }

    fn origin(&self, file: &str) -> String {
        let mut o = format!("{} line {}", file_name(file), self.line);
        if !self.note.is_empty() {
            o.push_str(": ");
            o.push_str(&self.note);
        }
        o
    }
}

/// Parse a corrections file; bad lines become error diagnostics.
pub fn parse(catalog: &Catalog, path: &Path) -> (Vec<Correction>, Vec<Diagnostic>) {
    let src = path.display().to_string();
    let mut diags = Vec::new();
    let mut out = Vec::new();
    let mut reader = match csv::ReaderBuilder::new().trim(csv::Trim::All).from_path(path) {
        Ok(r) => r,
        Err(e) => {
            diags.push(Diagnostic::error(
                &src,
                "corrections.unreadable",
                format!("cannot read corrections file: {e}"),
            ));
            return (out, diags);
        }
    };
    for (i, row) in reader.deserialize::<Row>().enumerate() {
        let line = i + 2;
        let bad = |m: String| {
            Diagnostic::error(&src, "corrections.invalid", m).at(format!("line {line}"))
        };
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                diags.push(bad(e.to_string()));
                continue;
            }
        };
        let action = match row.action.as_str() {
            "add" => Action::Add,
            "override" => Action::Override,
            "drop" => Action::Drop,
            other => {
                diags.push(bad(format!("action {other:?} is not add, override or drop")));
                continue;
            }
        };
        if catalog.get(&row.indicator).is_none() {
            diags.push(bad(format!("unknown indicator {:?}", row.indicator)));
            continue;
        }
        let kind = match row.kind.as_str() {
            "" => None,
            k => match FactKind::parse(k) {
                Some(k) => Some(k),
                None => {
                    diags.push(bad(format!("kind {k:?} is not actual, target or period")));
                    continue;
                }
            },
        };
        let qualifier = match row.qualifier.as_str() {
            "" => Qualifier::Exact,
            q => match Qualifier::parse(q) {
                Some(q) => q,
                None => {
                    diags.push(bad(format!(
                        "qualifier {q:?} is not exact, at_least, approx, at_most or range"
                    )));
                    continue;
                }
            },
        };
        if action != Action::Drop && row.value.is_none() {
            diags.push(bad("add and override need a value".into()));
            continue;
        }
        if action == Action::Add && row.year.is_none() {
            diags.push(bad("add needs a year".into()));
            continue;
        }
        out.push(Correction {
            line,
            action,
            source: row.source,
            indicator: row.indicator,
            year: row.year,
            kind,
            value: row.value,
            qualifier,
            note: row.note,
        });
    }
    (out, diags)
}

/// Apply corrections to facts; returns diagnostics for corrections that matched nothing.
pub fn apply(
    catalog: &Catalog,
    file: &str,
    corrections: &[Correction],
    out: &mut BuildOutput,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for c in corrections {
        let unmatched = || {
            Diagnostic::warning(
                file,
                "corrections.unmatched",
                format!("{} {} in {}: no such fact", action_name(c.action), c.indicator, c.source),
            )
            .at(format!("line {}", c.line))
        };
        match c.action {
            Action::Drop => {
                let before = out.facts.len();
                out.facts.retain(|f| !c.matches(f));
                if out.facts.len() == before {
                    diags.push(unmatched());
                }
            }
            Action::Override => {
                let mut hit = false;
                for f in out.facts.iter_mut().filter(|f| c.matches(f)) {
                    f.value = c.value.unwrap_or(f.value);
                    f.qualifier = c.qualifier;
                    f.rule = "correction.override".into();
                    f.origin = c.origin(file);
                    hit = true;
                }
                if !hit {
                    diags.push(unmatched());
                }
            }
            Action::Add => {
                let Some(doc) = out
                    .documents
                    .iter()
                    .find(|d| d.source == c.source || file_name(&d.source) == file_name(&c.source))
                else {
                    diags.push(
                        Diagnostic::warning(
                            file,
                            "corrections.unknown_source",
                            format!("add {}: no document {}", c.indicator, c.source),
                        )
                        .at(format!("line {}", c.line)),
                    );
                    continue;
                };
                let ind = catalog.get(&c.indicator).expect("checked on parse");
                out.facts.push(Fact {
                    source: doc.source.clone(),
                    doc_id: doc.doc_id.clone(),
                    region_code: doc.region_code.clone(),
                    region_name: doc.region_name.clone(),
                    level: doc.level.clone(),
                    indicator: c.indicator.clone(),
                    value: c.value.unwrap_or_default(),
                    unit: ind.unit.clone(),
                    qualifier: c.qualifier,
                    kind: c.kind.unwrap_or(FactKind::Actual),
                    year: c.year,
                    period: String::new(),
                    span_start: 0,
                    span_end: 0,
                    evidence: c.note.clone(),
                    rule: "correction.add".into(),
                    origin: c.origin(file),
                });
            }
        }
    }
    diags
}

fn action_name(a: Action) -> &'static str {
    match a {
        Action::Add => "add",
        Action::Override => "override",
        Action::Drop => "drop",
    }
}

/// Read and apply a corrections file, then rebuild the panel.
pub fn apply_file(catalog: &Catalog, path: &Path, out: &mut BuildOutput) {
    let (corrections, mut diags) = parse(catalog, path);
    diags.extend(apply(catalog, &path.display().to_string(), &corrections, out));
    out.facts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out.panel = crate::frame::panel_rows(&out.facts, catalog);
    out.diagnostics.extend(diags);
    out.diagnostics.sort();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::frame::DocRecord;

    fn catalog() -> Catalog {
        Catalog::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/catalog"), &[])
            .unwrap()
    }

    fn fact(indicator: &str, value: f64) -> Fact {
        Fact {
            source: "reports/a.txt".into(),
            doc_id: "x".into(),
            region_code: "320400".into(),
            region_name: "常州市".into(),
            level: "prefecture".into(),
            indicator: indicator.into(),
            value,
            unit: "件".into(),
            qualifier: Qualifier::Exact,
            kind: FactKind::Actual,
            year: Some(2022),
            period: String::new(),
            span_start: 1,
            span_end: 2,
            evidence: "信访248件".into(),
            rule: "text.cue_before".into(),
            origin: "text".into(),
        }
    }

    #[test]
    fn add_override_drop_are_applied_and_marked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corrections.csv");
        std::fs::write(
            &path,
            "action,source,indicator,year,kind,value,qualifier,note\n\
             override,a.txt,petitions,2022,actual,250,exact,table says 250\n\
             drop,a.txt,hotline_tickets,,,,,not tickets\n\
             add,a.txt,admin_licenses,2022,actual,12,at_least,annex\n\
             drop,a.txt,disputes_resolved,,,,,\n\
             frob,a.txt,petitions,,,,,\n",
        )
        .unwrap();
        let mut out = BuildOutput {
            facts: vec![fact("petitions", 248.0), fact("hotline_tickets", 3.0)],
            ..Default::default()
        };
        out.documents.push(DocRecord {
            source: "reports/a.txt".into(),
            doc_id: "x".into(),
            issuer: String::new(),
            region_code: "320400".into(),
            region_name: "常州市".into(),
            level: "prefecture".into(),
            province_code: "320000".into(),
            prefecture_code: "320400".into(),
            report_year: Some(2022),
            published: String::new(),
            doc_type: "rule_of_law_report".into(),
            format: "text".into(),
            encoding: "UTF-8".into(),
            bytes: 1,
            facts: 2,
        });
        apply_file(&catalog(), &path, &mut out);
        let p = out.facts.iter().find(|f| f.indicator == "petitions").unwrap();
        assert_eq!((p.value, p.rule.as_str()), (250.0, "correction.override"));
        assert!(p.origin.contains("line 2: table says 250"), "{}", p.origin);
        assert!(!out.facts.iter().any(|f| f.indicator == "hotline_tickets"));
        let a = out.facts.iter().find(|f| f.indicator == "admin_licenses").unwrap();
        assert_eq!(
            (a.value, a.qualifier, a.rule.as_str()),
            (12.0, Qualifier::AtLeast, "correction.add")
        );
        let codes: Vec<(&str, &str)> =
            out.diagnostics.iter().map(|d| (d.code.as_str(), d.location.as_str())).collect();
        assert!(codes.contains(&("corrections.unmatched", "line 5")), "{codes:?}");
        assert!(codes.contains(&("corrections.invalid", "line 6")), "{codes:?}");
        // the panel takes the corrected value
        let cell = out.panel.iter().find(|r| r.indicator == "petitions").unwrap();
        assert_eq!(cell.value, 250.0);
    }
}
