//! The national disclosure template (政府信息公开工作年度报告), every cell: 表二's
//! rows by their labels, 表三's 25 rows of seven numbers by template order
//! (or by label where the rows printed do not match the template's count),
//! 表四's row of fifteen. Where the rows stand and what they are called is
//! data (`datasets/templates/disclosure.toml`); each cell keeps its table,
//! row and column as its origin and its line as evidence.

use crate::extract::quantities::numerals::parse_arabic;
use crate::extract::wording::{fingerprint_of, read_rules, WordingError};
use crate::ingest::cells::no_value_words;
use std::path::Path;

/// The template as `datasets/templates/disclosure.toml` describes it.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    active: Active,
    requests: Requests,
    appeals: Appeals,
    #[serde(default)]
    text_table: Vec<TextTable>,
}

/// A narrative indicator and the sums of template cells it may state.
#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct TextTable {
    text: String,
    readings: Vec<Vec<String>>,
}

#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct Active {
    /// the table's name in messages (表二)
    table: String,
    end: Vec<String>,
    row: Vec<ActiveRow>,
}

#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct ActiveRow {
    name: String,
    keys: Vec<String>,
    columns: Vec<String>,
    ids: Vec<String>,
}

#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct Requests {
    /// the table's name in messages (表三)
    table: String,
    /// the words of its balance in messages: new, carried over, total, carried forward
    balance_terms: Vec<String>,
    start: Vec<String>,
    end: Vec<String>,
    columns: Vec<String>,
    column_names: Vec<String>,
    prefix: String,
    rows: Vec<Row>,
    single_other: Row,
}

#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct Row {
    id: String,
    name: String,
    keys: Vec<String>,
}

#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct Appeals {
    /// the table's name in messages (表四)
    table: String,
    start: Vec<String>,
    groups: Vec<String>,
    group_names: Vec<String>,
    results: Vec<String>,
    result_names: Vec<String>,
}

/// One printed cell of the template.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub id: String,
    pub value: f64,
    /// the line (char range of the folded text) it was printed on
    pub line_start: usize,
    pub line_end: usize,
    /// `表三 一、本年新收… × 自然人`
    pub origin: String,
}

/// What reading the template found besides cells: rows it could not place.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reading {
    pub cells: Vec<Cell>,
    pub unplaced: Vec<String>,
    /// identities of the template the printed cells break
    pub breaks: Vec<String>,
}

/// A cell printed as a dash (or a no-value word: 无): there, but no value.
const EMPTY_MARKS: &[&str] = &["-", "—", "－", "/", "／"];
/// Lines 表三 may take when its last row is not printed.
const REQUESTS_LINES: usize = 80;
/// Lines before 表三 where 表二's rows are looked for.
const ACTIVE_LINES: usize = 60;
/// Lines after a table's last label where its numbers may still stand.
const TRAILING_LINES: usize = 3;

impl Template {
    /// The template in `datasets/templates/disclosure.toml` of the datasets folder.
    pub fn load(datasets: &Path) -> Result<Template, WordingError> {
        read_rules(&datasets.join("templates/disclosure.toml"))
    }

    /// What the template holds, hashed (keys the extraction cache).
    pub fn fingerprint(&self) -> String {
        fingerprint_of(self)
    }

    /// The template of the datasets folder the binary was built with (library
    /// users and tests that load no engine).
    pub fn bundled() -> Template {
        Template::load(&crate::vocabulary::built_with())
            .unwrap_or_else(|e| panic!("the built-with disclosure template: {e}"))
    }

    /// Every id the template can give (for checking the catalog has them).
    pub fn ids(&self) -> Vec<String> {
        let mut out: Vec<String> = self.active.row.iter().flat_map(|r| r.ids.clone()).collect();
        let rq = &self.requests;
        for row in rq.rows.iter().chain([&rq.single_other]) {
            out.extend(rq.columns.iter().map(|c| format!("{}.{}.{c}", rq.prefix, row.id)));
        }
        for g in &self.appeals.groups {
            out.extend(self.appeals.results.iter().map(|r| format!("{g}.{r}")));
        }
        out
    }

    /// Read the template's cells from a document's folded lines (char start, text).
    pub fn read(&self, lines: &[(usize, &str)]) -> Reading {
        let mut reading = Reading::default();
        let Some(requests) = self.requests_region(lines) else { return reading };
        self.read_active(lines, requests.0, &mut reading);
        self.read_requests(lines, requests, &mut reading);
        self.read_appeals(lines, requests.1, &mut reading);
        reading.breaks = self.breaks(&reading.cells);
        reading
    }

    /// 表三's lines: from the first 本年新收 label with its seven numbers at
    /// hand to the 结转下年度 row's numbers.
    fn requests_region(&self, lines: &[(usize, &str)]) -> Option<(usize, usize)> {
        let width = self.requests.columns.len();
        let has = |i: usize, keys: &[String]| contains_any(lines[i].1, keys);
        let start = (0..lines.len()).find(|&i| {
            has(i, &self.requests.start)
                && (i..(i + TRAILING_LINES).min(lines.len()))
                    .any(|j| row_cells(lines[j].1, width).is_some())
        })?;
        // a table cut short (no 结转下年度 row) is read as far as it goes
        let end_label = (start..lines.len())
            .find(|&i| has(i, &self.requests.end))
            .unwrap_or_else(|| (start + REQUESTS_LINES).min(lines.len()) - 1);
        let end = (end_label..(end_label + TRAILING_LINES).min(lines.len()))
            .find(|&i| row_cells(lines[i].1, width).is_some())
            .map_or(end_label + 1, |i| i + 1);
        Some((start, end))
    }

    fn read_active(&self, lines: &[(usize, &str)], before: usize, out: &mut Reading) {
        let from = before.saturating_sub(ACTIVE_LINES);
        for row in &self.active.row {
            let labelled = (from..before).filter(|&i| {
                let label = label_of(lines[i].1);
                row.keys.iter().any(|k| label.contains(k.as_str()))
                    && !contains_any(&label, &self.active.end)
            });
            // the numbers on the label's line, or on the next line without a label
            let numbers = |i: usize| {
                let own = cells_of(lines[i].1);
                let next = i + 1 < before && label_of(lines[i + 1].1).is_empty();
                match (own.is_empty(), next) {
                    (true, true) => (i + 1, cells_of(lines[i + 1].1)),
                    _ => (i, own),
                }
            };
            let Some((i, (at, cells))) =
                labelled.map(|i| (i, numbers(i))).find(|(_, (_, c))| !c.is_empty())
            else {
                continue;
            };
            if cells.len() != row.ids.len() {
                let msg = format!(
                    "{} {}: {} numbers where the template has {}",
                    self.active.table,
                    row.name,
                    cells.len(),
                    row.ids.len()
                );
                out.unplaced.push(msg);
                continue;
            }
            let line = (lines[i].0, end_of(lines, at));
            for ((id, column), v) in row.ids.iter().zip(&row.columns).zip(cells) {
                push(out, id, v, line, format!("{} {} × {column}", self.active.table, row.name));
            }
        }
    }

    fn read_requests(
        &self,
        lines: &[(usize, &str)],
        (start, end): (usize, usize),
        out: &mut Reading,
    ) {
        let rq = &self.requests;
        let width = rq.columns.len();
        let value_rows: Vec<usize> =
            (start..end).filter(|&i| row_cells(lines[i].1, width).is_some()).collect();
        let single: Vec<&Row> = rq
            .rows
            .iter()
            .filter(|r| !r.id.starts_with("other."))
            .flat_map(|r| if r.id == "processed" { vec![&rq.single_other, r] } else { vec![r] })
            .collect();
        let full: Vec<&Row> = rq.rows.iter().collect();
        let order = [full, single]
            .into_iter()
            .find(|o| o.len() == value_rows.len() && self.agrees(o, &value_rows, lines));
        let placed: Vec<(&Row, usize)> = match order {
            Some(o) => o.into_iter().zip(value_rows.iter().copied()).collect(),
            None => {
                let by_label = self.by_label(&value_rows, lines);
                let missing = rq.rows.len().saturating_sub(by_label.len());
                out.unplaced.push(format!(
                    "{}: {} rows of {width} numbers where the template has {}; {} rows placed by their labels, {missing} not read",
                    rq.table,
                    value_rows.len(),
                    rq.rows.len(),
                    by_label.len()
                ));
                by_label
            }
        };
        for (row, i) in placed {
            let line = (lines[i].0, end_of(lines, i));
            let cells = row_cells(lines[i].1, width).unwrap_or_default();
            for ((column, name), v) in rq.columns.iter().zip(&rq.column_names).zip(cells) {
                let id = format!("{}.{}.{column}", rq.prefix, row.id);
                push(out, &id, v, line, format!("{} {} × {name}", rq.table, row.name));
            }
        }
    }

    /// Does a labelled value row contradict the order (it names another row)?
    fn agrees(&self, order: &[&Row], value_rows: &[usize], lines: &[(usize, &str)]) -> bool {
        order.iter().zip(value_rows).all(|(row, &i)| {
            let label = label_of(lines[i].1);
            let names_other = self
                .requests
                .rows
                .iter()
                .any(|r| r.id != row.id && r.keys.iter().any(|k| label.contains(k.as_str())));
            let names_own = row.keys.iter().any(|k| label.contains(k.as_str()));
            names_own || !names_other
        })
    }

    /// Value rows placed by the label on their own line (or the line above).
    fn by_label<'t>(
        &'t self,
        value_rows: &[usize],
        lines: &[(usize, &str)],
    ) -> Vec<(&'t Row, usize)> {
        let mut out = Vec::new();
        for row in self.requests.rows.iter().filter(|r| !r.keys.is_empty()) {
            let found = value_rows.iter().copied().find(|&i| {
                let own = label_of(lines[i].1);
                let label = if own.is_empty() && i > 0 { label_of(lines[i - 1].1) } else { own };
                row.keys.iter().any(|k| label.contains(k.as_str()))
            });
            if let Some(i) = found.filter(|i| !out.iter().any(|(_, j)| j == i)) {
                out.push((row, i));
            }
        }
        out
    }

    fn read_appeals(&self, lines: &[(usize, &str)], from: usize, out: &mut Reading) {
        let ap = &self.appeals;
        let width = ap.groups.len() * ap.results.len();
        let heading =
            (from..lines.len()).find(|&i| contains_any(lines[i].1, &ap.start)).unwrap_or(from);
        let found = (heading..(heading + 20).min(lines.len()))
            .find_map(|i| Some((i, row_cells(lines[i].1, width)?)));
        let Some((i, cells)) = found else { return };
        let line = (lines[i].0, end_of(lines, i));
        let names = ap
            .group_names
            .iter()
            .flat_map(|g| ap.result_names.iter().map(move |r| format!("{g} × {r}")));
        let ids = ap.groups.iter().flat_map(|g| ap.results.iter().map(move |r| format!("{g}.{r}")));
        for ((id, name), v) in ids.zip(names).zip(cells) {
            push(out, &id, v, line, format!("{} {name}", ap.table));
        }
    }
}

fn push(out: &mut Reading, id: &str, value: Option<f64>, line: (usize, usize), origin: String) {
    if let Some(value) = value {
        out.cells.push(Cell {
            id: id.to_string(),
            value,
            line_start: line.0,
            line_end: line.1,
            origin,
        });
    }
}

fn end_of(lines: &[(usize, &str)], i: usize) -> usize {
    lines[i].0 + lines[i].1.chars().count()
}

/// Does the line (its spaces left out: 本年 新收) hold one of `keys`?
fn contains_any(line: &str, keys: &[String]) -> bool {
    if keys.iter().any(|k| line.contains(k.as_str())) {
        return true;
    }
    if !line.contains(char::is_whitespace) {
        return false;
    }
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    keys.iter().any(|k| compact.contains(k.as_str()))
}

/// The tokens of a line, split at spaces and `|`.
fn tokens(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| c.is_whitespace() || c == '|').filter(|t| !t.is_empty())
}

/// The number cells of a line: a number, or a dash or 无 (a cell with no value).
fn cells_of(line: &str) -> Vec<Option<f64>> {
    tokens(line)
        .filter_map(|t| match parse_arabic(t) {
            Some(v) if t.starts_with(|c: char| c.is_ascii_digit()) => Some(Some(v)),
            _ if EMPTY_MARKS.contains(&t) || no_value_words().contains(&t) => Some(None),
            _ => None,
        })
        .collect()
}

/// The `width` cells of a table row: its numbers (and dashes) when there are
/// `width` of them, else — in a `|` row — the cells after its label, a blank
/// cell kept as empty (`| 结转下年度 | 1 | 0 | … |  |` keeps its blank 总计).
fn row_cells(line: &str, width: usize) -> Option<Vec<Option<f64>>> {
    let cells = cells_of(line);
    if cells.len() == width {
        return Some(cells);
    }
    let t = line.trim();
    if !t.contains('|') {
        return None;
    }
    let inner = t.strip_prefix('|').unwrap_or(t);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let parts: Vec<&str> = inner.split('|').map(str::trim).collect();
    let first_value = parts.iter().position(|p| p.is_empty() || cells_of(p).len() == 1)?;
    let values = &parts[first_value..];
    let read: Option<Vec<Option<f64>>> = values
        .iter()
        .map(|p| match cells_of(p).as_slice() {
            [] if p.is_empty() => Some(None),
            [one] => Some(*one),
            _ => None,
        })
        .collect();
    read.filter(|r| r.len() == width && r.iter().any(Option::is_some))
}

/// The words of a line without its number cells and spaces.
fn label_of(line: &str) -> String {
    tokens(line).filter(|t| cells_of(t).is_empty()).collect::<Vec<_>>().concat()
}

mod identities;
#[cfg(test)]
mod tests;
