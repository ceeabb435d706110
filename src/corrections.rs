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

use crate::catalog::Catalog;
use crate::diag::{Code, Diagnostic};
use crate::extract::{Fact, FactKind, Qualifier, Rule, Subject};
use crate::frame::DocRecord;
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
        (*f.source == *self.source || file_name(&f.source) == file_name(&self.source))
            && *f.indicator == *self.indicator
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
                Code::CorrectionsUnreadable,
                format!("cannot read corrections file: {e}"),
            ));
            return (out, diags);
        }
    };
    for (i, row) in reader.deserialize::<Row>().enumerate() {
        let line = i + 2;
        match row.map_err(|e| e.to_string()).and_then(|r| resolve(catalog, r, line)) {
            Ok(c) => out.push(c),
            Err(m) => {
                diags.push(
                    Diagnostic::error(&src, Code::CorrectionsInvalid, m).at(format!("line {line}")),
                );
            }
        }
    }
    (out, diags)
}

/// One line of the file as a correction, or what is wrong with it.
fn resolve(catalog: &Catalog, row: Row, line: usize) -> Result<Correction, String> {
    let action = match row.action.as_str() {
        "add" => Action::Add,
        "override" => Action::Override,
        "drop" => Action::Drop,
        other => return Err(format!("action {other:?} is not add, override or drop")),
    };
    if catalog.get(&row.indicator).is_none() {
        return Err(format!("unknown indicator {:?}", row.indicator));
    }
    let kind = match row.kind.as_str() {
        "" => None,
        k => Some(
            FactKind::parse(k)
                .ok_or_else(|| format!("kind {k:?} is not actual, target or period"))?,
        ),
    };
    let qualifier = match row.qualifier.as_str() {
        "" => Qualifier::Exact,
        q => Qualifier::parse(q).ok_or_else(|| {
            format!("qualifier {q:?} is not exact, at_least, approx, at_most or range")
        })?,
    };
    if action != Action::Drop && row.value.is_none() {
        return Err("add and override need a value".into());
    }
    if action == Action::Add && row.year.is_none() {
        return Err("add needs a year".into());
    }
    Ok(Correction {
        line,
        action,
        source: row.source,
        indicator: row.indicator,
        year: row.year,
        kind,
        value: row.value,
        qualifier,
        note: row.note,
    })
}

/// Apply corrections to facts; returns diagnostics for corrections that matched nothing.
pub fn apply(
    catalog: &Catalog,
    file: &str,
    corrections: &[Correction],
    facts: &mut Vec<Fact>,
    documents: &[DocRecord],
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for c in corrections {
        let applied = match c.action {
            Action::Drop => drop_facts(c, facts),
            Action::Override => override_facts(c, file, facts),
            Action::Add => match add_fact(catalog, c, file, documents) {
                Some(f) => {
                    facts.push(f);
                    true
                }
                None => {
                    diags.push(
                        Diagnostic::warning(
                            file,
                            Code::CorrectionsUnknownSource,
                            format!("add {}: no document {}", c.indicator, c.source),
                        )
                        .at(format!("line {}", c.line)),
                    );
                    continue;
                }
            },
        };
        if !applied {
            diags.push(
                Diagnostic::warning(
                    file,
                    Code::CorrectionsUnmatched,
                    format!(
                        "{} {} in {}: no such fact",
                        action_name(c.action),
                        c.indicator,
                        c.source
                    ),
                )
                .at(format!("line {}", c.line)),
            );
        }
    }
    diags
}

/// Remove the facts a drop names; false when none matched.
fn drop_facts(c: &Correction, facts: &mut Vec<Fact>) -> bool {
    let before = facts.len();
    facts.retain(|f| !c.matches(f));
    facts.len() != before
}

/// Give the facts an override names its value; false when none matched.
fn override_facts(c: &Correction, file: &str, facts: &mut [Fact]) -> bool {
    let mut hit = false;
    for f in facts.iter_mut().filter(|f| c.matches(f)) {
        f.value = c.value.unwrap_or(f.value);
        f.qualifier = c.qualifier;
        f.rule = Rule::CorrectionOverride;
        f.origin = c.origin(file).into();
        hit = true;
    }
    hit
}

/// The fact an add makes, for the document it names (None when no input is that document).
fn add_fact(
    catalog: &Catalog,
    c: &Correction,
    file: &str,
    documents: &[DocRecord],
) -> Option<Fact> {
    let doc = documents
        .iter()
        .find(|d| d.source == c.source || file_name(&d.source) == file_name(&c.source))?;
    let ind = catalog.get(&c.indicator).expect("checked on parse");
    let about = Subject {
        source: doc.source.as_str().into(),
        doc_id: doc.doc_id.as_str().into(),
        region_code: doc.region_code.as_str().into(),
        region_name: doc.region_name.as_str().into(),
        level: doc.level,
    };
    let kind = c.kind.unwrap_or(FactKind::Actual);
    Some(
        Fact::new(&about, ind, c.value.unwrap_or_default(), kind, c.year, Rule::CorrectionAdd)
            .with_qualifier(c.qualifier)
            .with_evidence(c.note.as_str().into())
            .with_origin(c.origin(file).into()),
    )
}

fn action_name(a: Action) -> &'static str {
    match a {
        Action::Add => "add",
        Action::Override => "override",
        Action::Drop => "drop",
    }
}

/// Read and apply a corrections file; facts stay sorted. Returns its diagnostics.
pub fn apply_file(
    catalog: &Catalog,
    path: &Path,
    facts: &mut Vec<Fact>,
    documents: &[DocRecord],
) -> Vec<Diagnostic> {
    let (corrections, mut diags) = parse(catalog, path);
    diags.extend(apply(catalog, &path.display().to_string(), &corrections, facts, documents));
    facts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locate::{DocType, Level};

    fn catalog() -> Catalog {
        Catalog::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/catalog"), &[])
            .unwrap()
    }

    fn fact(indicator: &str, value: f64) -> Fact {
        let about = Subject {
            source: "reports/a.txt".into(),
            doc_id: "x".into(),
            region_code: "320400".into(),
            region_name: "常州市".into(),
            level: Some(Level::Prefecture),
        };
        let catalog = catalog();
        let ind = catalog.get(indicator).unwrap();
        Fact::new(&about, ind, value, FactKind::Actual, Some(2022), Rule::CueBefore)
            .with_span(1, 2)
            .with_evidence("信访248件".into())
            .with_origin("text".into())
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
        let mut facts = vec![fact("petitions", 248.0), fact("hotline_tickets", 3.0)];
        let documents = vec![DocRecord {
            source: "reports/a.txt".into(),
            doc_id: "x".into(),
            issuer: String::new(),
            region_code: "320400".into(),
            region_name: "常州市".into(),
            level: Some(Level::Prefecture),
            province_code: "320000".into(),
            prefecture_code: "320400".into(),
            report_year: Some(2022),
            published: String::new(),
            doc_type: DocType::RuleOfLawReport,
            format: crate::ingest::Format::Text,
            encoding: "UTF-8".into(),
            bytes: 1,
            facts: 2,
            coverage: String::new(),
        }];
        let diagnostics = apply_file(&catalog(), &path, &mut facts, &documents);
        let p = facts.iter().find(|f| &*f.indicator == "petitions").unwrap();
        assert_eq!((p.value, p.rule), (250.0, Rule::CorrectionOverride));
        assert!(p.origin.contains("line 2: table says 250"), "{}", p.origin);
        assert!(!facts.iter().any(|f| &*f.indicator == "hotline_tickets"));
        let a = facts.iter().find(|f| &*f.indicator == "admin_licenses").unwrap();
        assert_eq!((a.value, a.qualifier, a.rule), (12.0, Qualifier::AtLeast, Rule::CorrectionAdd));
        let codes: Vec<(Code, &str)> =
            diagnostics.iter().map(|d| (d.code, d.location.as_str())).collect();
        assert!(codes.contains(&(Code::CorrectionsUnmatched, "line 5")), "{codes:?}");
        assert!(codes.contains(&(Code::CorrectionsInvalid, "line 6")), "{codes:?}");
        // the panel takes the corrected value
        let panel = crate::frame::panel_rows(&facts, &catalog());
        let cell = panel.iter().find(|r| r.indicator == "petitions").unwrap();
        assert_eq!(cell.value, 250.0);
    }
}
