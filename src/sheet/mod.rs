//! Spreadsheets (xlsx, xlsm, xls, ods, csv): statistics offices' tables read
//! into the same facts, documents and panel as text reports, with the same
//! catalog and gazetteer. Each fact carries its cell (`book.xlsx!2023!D7`).

pub mod cells;
pub mod layout;
pub mod read;
pub mod resolve;

use crate::build::{Engine, FileResult};
use crate::diag::Diagnostic;
use crate::extract::{Fact, FactKind, Qualifier};
use crate::frame::DocRecord;
use layout::RawValue;
use read::{Grid, ReadError, Sniffed};
use resolve::RegionMatch;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// The document kind of a statistics table.
pub const DOC_TYPE: &str = "stat_table";

fn file_name(path: &Path) -> String {
    path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default()
}

fn error(source: &str, code: &str, message: impl Into<String>) -> FileResult {
    FileResult { diagnostics: vec![Diagnostic::error(source, code, message)], ..Default::default() }
}

/// Read one workbook or CSV file into facts.
pub fn process_sheet(engine: &Engine, path: &Path) -> FileResult {
    let source = path.display().to_string();
    let bytes = match read::read_bounded(path) {
        Ok(b) => b,
        Err(e) => return error(&source, "sheet.unreadable", e),
    };
    let ext = crate::ingest::ext(path);
    let mut diags = Vec::new();
    let grids = match (ext.as_str(), read::sniff(&bytes)) {
        (_, Sniffed::Empty) => return error(&source, "ingest.empty", "file is empty"),
        ("csv" | "tsv", _) => read::read_csv(&bytes, &file_name(path)).map(|g| vec![g]),
        (_, Sniffed::Html) => {
            // a web page saved as .xls/.xlsx (a common export): read it as one
            diags.push(Diagnostic::warning(
                &source,
                "sheet.renamed",
                format!("a .{ext} file that is really HTML: read as a web page"),
            ));
            return match crate::ingest::document_from_bytes(&source, &bytes, "html") {
                Ok((doc, d)) => {
                    diags.extend(d);
                    crate::build::process_document(engine, &doc, diags)
                }
                Err(d) => FileResult { diagnostics: vec![d], ..Default::default() },
            };
        }
        (_, Sniffed::Text) => {
            diags.push(Diagnostic::warning(
                &source,
                "sheet.renamed",
                format!("a .{ext} file that is really text: read as CSV"),
            ));
            read::read_csv(&bytes, &file_name(path)).map(|g| vec![g])
        }
        (_, Sniffed::Binary) => Err(ReadError::Corrupt("neither a workbook nor text".into())),
        _ => read::read_workbook(&bytes),
    };
    let grids = match grids {
        Ok(g) => g,
        Err(e) => {
            let code = match e {
                ReadError::Encrypted => "sheet.encrypted",
                ReadError::TooLarge { .. } => "sheet.too_large",
                ReadError::Corrupt(_) => "sheet.corrupt",
            };
            return error(&source, code, e.to_string());
        }
    };
    let doc_id = crate::ingest::content_id(&bytes);
    let mut facts = Vec::new();
    for grid in &grids {
        facts.extend(read_grid(engine, path, &doc_id, grid, &mut diags));
    }
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    for f in &facts {
        if let Some(y) = f.year {
            *years.entry(y).or_default() += 1;
        }
    }
    let titles: Vec<String> = grids
        .iter()
        .flat_map(|g| {
            g.rows.iter().take(3).flatten().filter(|c| c.is_text()).map(|c| c.text.clone()).take(1)
        })
        .collect();
    let stem = file_name(path);
    let mut scope_texts: Vec<&str> = titles.iter().map(String::as_str).collect();
    scope_texts.push(&stem);
    let scope =
        resolve::scope_of(&engine.gazetteer, &scope_texts).and_then(|c| engine.gazetteer.get(&c));
    if facts.is_empty() {
        diags.push(Diagnostic::warning(
            &source,
            "sheet.no_facts",
            "no cell of the workbook matched a catalog indicator and a region",
        ));
    }
    let record = DocRecord {
        source: source.clone(),
        doc_id,
        issuer: String::new(),
        region_code: scope.map(|r| r.code.clone()).unwrap_or_default(),
        region_name: scope.map(|r| r.name.clone()).unwrap_or_default(),
        level: scope.map(|r| r.level.as_str().to_string()).unwrap_or_default(),
        province_code: scope.map(|r| r.province.clone()).unwrap_or_default(),
        prefecture_code: String::new(),
        report_year: years.iter().max_by_key(|(y, n)| (**n, **y)).map(|(y, _)| *y),
        published: String::new(),
        doc_type: DOC_TYPE.into(),
        format: ext,
        encoding: String::new(),
        bytes: bytes.len() as u64,
        facts: facts.len() as u32,
    };
    FileResult { document: Some(record), facts, diagnostics: diags }
}

/// Facts of one sheet.
fn read_grid(
    engine: &Engine,
    path: &Path,
    doc_id: &str,
    grid: &Grid,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Fact> {
    let source = path.display().to_string();
    let book = file_name(path);
    let g = &engine.gazetteer;
    let catalog = engine.catalog();
    let is_region = |s: &str| {
        s.trim().chars().count() >= 2
            && !matches!(resolve::region_for(g, s, None), RegionMatch::Unknown)
    };
    let table = layout::read_table(grid, &is_region);
    if grid.truncated > 0 {
        diags.push(
            Diagnostic::warning(
                &source,
                "sheet.truncated",
                format!(
                    "{} rows beyond the first {} were not read",
                    grid.truncated,
                    read::MAX_ROWS
                ),
            )
            .at(format!("{book}!{}", grid.name)),
        );
    }
    let Some(shape) = table.shape else { return Vec::new() };
    let title = table.title.join(" ");
    let scope = resolve::scope_of(g, &[&title, &grid.name, &book]);
    let sheet_year = layout::year_of(&grid.name)
        .or_else(|| layout::year_of(&title))
        .or_else(|| layout::year_of(&book));
    // a % column whose numbers are all ≤ 1 holds fractions (0.874 shown as 87.4%)
    let mut col_max: BTreeMap<usize, f64> = BTreeMap::new();
    for v in &table.values {
        let m = col_max.entry(v.col).or_insert(0.0);
        *m = m.max(v.value.abs());
    }
    let rule = format!("sheet.{}", shape.as_str());
    let cell =
        |v: &RawValue| format!("{book}!{}!{}{}", grid.name, cells::column_name(v.col), v.row + 1);
    let mut unknown_labels = BTreeSet::new();
    let mut unknown_regions = BTreeSet::new();
    let mut facts = Vec::with_capacity(table.values.len());
    // the same labels recur on every row: resolve each once
    let mut indicators: HashMap<std::rc::Rc<str>, Option<&crate::catalog::Indicator>> =
        HashMap::new();
    let mut regions: HashMap<std::rc::Rc<str>, RegionMatch> = HashMap::new();
    for v in &table.values {
        let Some(ind) = *indicators
            .entry(v.label.clone())
            .or_insert_with(|| resolve::indicator_for(catalog, &v.label, DOC_TYPE))
        else {
            if unknown_labels.insert(v.label.to_string()) && !v.label.is_empty() {
                diags.push(
                    Diagnostic::info(
                        &source,
                        "sheet.unknown_header",
                        format!(
                            "{:?} is not a catalog indicator (first value at {})",
                            v.label,
                            cell(v)
                        ),
                    )
                    .at(cell(v)),
                );
            }
            continue;
        };
        let region = match regions
            .entry(v.region.clone())
            .or_insert_with(|| resolve::region_for(g, &v.region, scope.as_deref()))
        {
            RegionMatch::One(r) => *r,
            RegionMatch::Ambiguous(rs) => {
                if unknown_regions.insert(v.region.to_string()) {
                    let names: Vec<String> =
                        rs.iter().map(|r| format!("{} {}", r.code, r.name)).collect();
                    diags.push(
                        Diagnostic::warning(
                            &source,
                            "sheet.ambiguous_region",
                            format!(
                                "{:?} may be {}; name the province in the title or file name",
                                v.region,
                                names.join(", ")
                            ),
                        )
                        .at(cell(v)),
                    );
                }
                continue;
            }
            RegionMatch::Unknown => {
                if unknown_regions.insert(v.region.to_string()) {
                    diags.push(
                        Diagnostic::warning(
                            &source,
                            "sheet.unknown_region",
                            format!("{:?} is not a region in the gazetteer", v.region),
                        )
                        .at(cell(v)),
                    );
                }
                continue;
            }
        };
        let Some(year) = v.year.or(sheet_year) else {
            diags.push(
                Diagnostic::warning(
                    &source,
                    "sheet.no_year",
                    "no year in the sheet name, a year column, the title or the file name",
                )
                .at(cell(v)),
            );
            return facts;
        };
        let unit = if v.percent { "%" } else { &*v.unit };
        let fraction =
            ind.is_percent() && !v.percent && col_max.get(&v.col).is_some_and(|m| *m <= 1.0);
        let Some(value) = resolve::convert(v.value, unit, fraction, ind) else {
            diags.push(
                Diagnostic::warning(
                    &source,
                    "sheet.unit_mismatch",
                    format!("{} is in {unit}, {} is counted in {}", v.label, ind.id, ind.unit),
                )
                .at(cell(v)),
            );
            continue;
        };
        let target = ["目标", "预期", "计划"].iter().any(|w| v.label.contains(w));
        facts.push(Fact {
            source: source.clone(),
            doc_id: doc_id.to_string(),
            region_code: region.code.clone(),
            region_name: region.name.clone(),
            level: region.level.as_str().to_string(),
            indicator: ind.id.clone(),
            value: crate::extract::round_value(value),
            unit: ind.unit.clone(),
            qualifier: Qualifier::Exact,
            kind: if target { FactKind::Target } else { FactKind::Actual },
            year: Some(year),
            period: String::new(),
            span_start: 0,
            span_end: 0,
            evidence: format!(
                "{} · {}{} = {}",
                v.region,
                v.label,
                if v.unit.is_empty() { String::new() } else { format!("({})", v.unit) },
                v.text
            ),
            rule: rule.clone(),
            origin: cell(v),
        });
    }
    facts
}
