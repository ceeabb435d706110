//! Tables flattened into text (`a | b | c` lines, as the HTML reader and many
//! re-hosts write them): the information-disclosure template's rows and
//! columns, and plain label | value rows, mapped through the catalog.

pub mod sheet;
pub mod template;

use crate::catalog::Catalog;
use crate::extract::quantities::numerals::parse_arabic;
use crate::extract::Rule;
use std::borrow::Cow;

/// A value read from a table line.
#[derive(Debug, Clone, PartialEq)]
pub struct TableValue {
    pub indicator: usize,
    pub value: f64,
    /// the line (char range in the normalised text)
    pub line_start: usize,
    pub line_end: usize,
    pub rule: Rule,
}

fn cells(line: &str) -> Vec<String> {
    line.split('|').map(|c| c.trim().to_string()).collect()
}

fn number(cell: &str) -> Option<f64> {
    let c = cell.trim();
    if c.is_empty() || !c.starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    parse_arabic(c)
}

/// Strip list numbering from a row label: 一、本年新收… → 本年新收…
fn label_of(cell: &str) -> String {
    let t =
        cell.trim_start_matches(|c: char| "一二三四五六七八九十、.()（）0123456789# *".contains(c));
    t.replace(' ', "")
}

pub fn is_table_line(line: &str) -> bool {
    line.matches('|').count() >= 2
}

/// One table line: its cells, numbers (cell index, value) and first label.
struct Row {
    cells: Vec<String>,
    nums: Vec<(usize, f64)>,
    label: String,
    start: usize,
    end: usize,
}

impl Row {
    fn value(&self, indicator: usize, value: f64, rule: Rule) -> TableValue {
        TableValue { indicator, value, line_start: self.start, line_end: self.end, rule }
    }
}

/// Keep the last four lines before a table (its caption says what it is).
fn remember(recent: &mut Vec<String>, line: &str) {
    recent.push(line.to_string());
    if recent.len() > 4 {
        recent.remove(0);
    }
}

/// A row flattened one cell (or a few) per line: `行政许可 |` alone on a
/// line (a label piece) …
fn is_label_piece(line: &str) -> bool {
    let t = line.trim();
    t.ends_with('|') && t.matches('|').count() == 1 && {
        let label = t.trim_end_matches('|').trim();
        !label.is_empty() && number(label).is_none()
    }
}

/// … and its numbers on the lines below (`12 | 0 | 30 |`).
fn is_number_piece(line: &str) -> bool {
    let cs = cells(line);
    line.contains('|')
        && cs.iter().any(|c| !c.is_empty())
        && cs.iter().filter(|c| !c.is_empty()).all(|c| number(c).is_some())
}

/// The lines with flattened rows joined back: a label piece followed by
/// number pieces is one row; a run of label pieces before such a row is its
/// header. Each row keeps the char range of the lines it spans.
fn joined_rows<'a>(lines: &[(usize, &'a str)]) -> Vec<(usize, usize, Cow<'a, str>)> {
    let end_of = |i: usize| lines[i].0 + lines[i].1.chars().count();
    let join = |from: usize, to: usize| -> (usize, usize, Cow<'a, str>) {
        let cells: Vec<&str> = lines[from..to]
            .iter()
            .flat_map(|(_, l)| l.split('|').map(str::trim).filter(|c| !c.is_empty()))
            .collect();
        (lines[from].0, end_of(to - 1), Cow::Owned(format!("{} |", cells.join(" | "))))
    };
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        if is_label_piece(lines[i].1) {
            let numbers = (i + 1..lines.len()).take_while(|&j| is_number_piece(lines[j].1)).count();
            if numbers > 0 {
                out.push(join(i, i + 1 + numbers));
                i += 1 + numbers;
                continue;
            }
            let labels = (i..lines.len()).take_while(|&j| is_label_piece(lines[j].1)).count();
            let row_follows = lines.get(i + labels).is_some_and(|l| is_number_piece(l.1));
            if labels >= 2 && row_follows {
                out.push(join(i, i + labels - 1));
                i += labels - 1;
                continue;
            }
        }
        out.push((lines[i].0, end_of(i), Cow::Borrowed(lines[i].1)));
        i += 1;
    }
    out
}

/// Read every table line of a normalised text. `lines` gives (char start, text) per line.
pub fn read_tables(catalog: &Catalog, lines: &[(usize, &str)]) -> Vec<TableValue> {
    let mut out = Vec::new();
    let mut header: Vec<String> = Vec::new();
    let mut recent: Vec<String> = Vec::new();
    for (start, end, line) in joined_rows(lines) {
        let line = line.as_ref();
        if !is_table_line(line) {
            remember(&mut recent, line);
            continue;
        }
        let cs = cells(line);
        let nums: Vec<(usize, f64)> =
            cs.iter().enumerate().filter_map(|(i, c)| number(c).map(|v| (i, v))).collect();
        let label = cs
            .iter()
            .find(|c| !c.is_empty() && number(c).is_none())
            .map(|c| label_of(c))
            .unwrap_or_default();
        if nums.is_empty() {
            header = cs.iter().map(|c| c.replace(' ', "")).collect();
            remember(&mut recent, line);
            continue;
        }
        let row = Row { cells: cs, nums, label, start, end };
        if let Some(values) = positional_row(catalog, &row, &recent, &header) {
            out.extend(values);
            continue;
        }
        let template = template_values(catalog, &row, &header);
        let matched = !template.is_empty();
        out.extend(template);
        if !matched && row.nums.len() == 1 {
            out.extend(labelled_value(catalog, &row));
        }
    }
    out
}

/// A row of numbers with no label under a caption (the template's 行政复议 /
/// 行政诉讼 row): the catalog's positional cells, or None when no positional
/// cue fits the row.
fn positional_row(
    catalog: &Catalog,
    row: &Row,
    recent: &[String],
    header: &[String],
) -> Option<Vec<TableValue>> {
    if !row.label.is_empty() {
        return None;
    }
    let header = header.join("|");
    let captioned = |word: &str| recent.iter().chain([&header]).any(|l| l.contains(word));
    let mut fits = false;
    let mut out = Vec::new();
    for (i, ind) in catalog.indicators.iter().enumerate() {
        for cue in ind.table.iter().filter(|c| c.is_positional()) {
            if row.nums.len() < cue.width || !captioned(&cue.caption) {
                continue;
            }
            fits = true;
            let values: Option<Vec<f64>> = cue
                .positions
                .iter()
                .map(|p| row.nums.get(p.checked_sub(1)?).map(|x| x.1))
                .collect();
            if let Some(values) = values {
                out.push(row.value(i, values.iter().sum(), Rule::TableReviewLitigation));
            }
        }
    }
    fits.then_some(out)
}

/// Cells of the catalog's table entries: a row label, and a column (or the total).
fn template_values(catalog: &Catalog, row: &Row, header: &[String]) -> Vec<TableValue> {
    let mut out = Vec::new();
    for (i, ind) in catalog.indicators.iter().enumerate() {
        let cues = ind.table.iter().filter(|tc| !tc.is_positional());
        for tc in cues.filter(|tc| row.label.contains(&tc.row)) {
            let total = crate::extract::words::total_columns().contains(&tc.col.as_str());
            let value = if tc.col.is_empty() || total {
                row.nums.last().map(|x| x.1)
            } else {
                header
                    .iter()
                    .position(|h| h.contains(&tc.col))
                    .and_then(|col| row.nums.iter().find(|(ci, _)| *ci == col).map(|x| x.1))
            };
            if let Some(v) = value {
                out.push(row.value(i, v, Rule::TableTemplate));
            }
        }
    }
    out
}

/// label | (unit |) value: the label must be a cue itself, not a sentence around one.
fn labelled_value(catalog: &Catalog, row: &Row) -> Option<TableValue> {
    let label = &row.label;
    let unit_cell = row
        .cells
        .iter()
        .find(|c| !c.is_empty() && number(c).is_none() && label_of(c) != *label)
        .cloned()
        .unwrap_or_default();
    let best = catalog
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, ind)| {
            unit_cell.is_empty() || ind.accepts_counter(&unit_cell) || *ind.unit == *unit_cell
        })
        .filter_map(|(i, ind)| {
            ind.cues
                .iter()
                .filter(|c| {
                    *label == **c
                        || (label.starts_with(c.as_str())
                            && label.chars().count() <= c.chars().count() + 2)
                })
                .map(|c| c.chars().count())
                .max()
                .map(|l| (i, l))
        })
        .max_by_key(|x| x.1);
    best.map(|(i, _)| row.value(i, row.nums[0].1, Rule::TableRow))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn catalog() -> Catalog {
        Catalog::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/catalog"), &[])
            .unwrap()
    }

    fn read(text: &str) -> Vec<(String, f64)> {
        let c = catalog();
        let mut lines = Vec::new();
        let mut pos = 0;
        for l in text.lines() {
            lines.push((pos, l));
            pos += l.chars().count() + 1;
        }
        read_tables(&c, &lines)
            .into_iter()
            .map(|t| (c.indicators[t.indicator].id.to_string(), t.value))
            .collect()
    }

    #[test]
    fn disclosure_template_tables() {
        // 032 dev report (雁塔区民政局 2023), as flattened by the re-host
        let t = "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 2 | 1 | 7 |\n信息内容 | 本年处理决定数量 | ||\n行政许可 | 12 | ||\n自然人 | 法人或其他组织 | 总计 | |||||||\n一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 | ||";
        let got = read(t);
        assert!(got.contains(&("normative_documents_issued".into(), 2.0)), "{got:?}");
        assert!(got.contains(&("normative_documents_repealed".into(), 1.0)));
        assert!(got.contains(&("normative_documents_in_force".into(), 7.0)));
        assert!(got.contains(&("admin_licenses".into(), 12.0)));
        assert!(got.contains(&("disclosure_requests".into(), 3.0)));
    }

    #[test]
    fn rows_flattened_one_cell_per_line_are_read_as_rows() {
        // a template table as some re-hosts and PDF converters flatten it:
        // the label on one line, its numbers on the lines below
        let t = "信息内容 |\n本年处理决定数量 |\n行政许可 |\n12 |\n行政处罚 |\n0 | 30 |";
        let got = read(t);
        assert!(got.contains(&("admin_licenses".into(), 12.0)), "{got:?}");
        let c = catalog();
        let lines: Vec<(usize, &str)> = vec![(0, "行政许可 |"), (7, "12 | 0 | 30 |")];
        let rows = joined_rows(&lines);
        assert_eq!(rows, vec![(0, 20, Cow::Borrowed("行政许可 | 12 | 0 | 30 |"))]);
        let lines: Vec<(usize, &str)> = vec![(0, "行政许可 |"), (7, "12 |")];
        let got = read_tables(&c, &lines);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!((&*c.indicators[got[0].indicator].id, got[0].value), ("admin_licenses", 12.0));
        assert_eq!((got[0].line_start, got[0].line_end), (0, 11));
    }

    #[test]
    fn label_unit_value_rows() {
        // 011 dev table (遵义市民政局统计表)
        let got = read("指标 | 单位 | 数量 | |||\n社会团体 | 个 | 1,336 | |||\n民办非企业单位 | 个 | 1,504 | |||\n乡 | 个 | 21 | |||");
        assert_eq!(
            got,
            vec![("social_groups".into(), 1336.0), ("private_non_enterprise_units".into(), 1504.0)]
        );
    }

    #[test]
    fn review_and_litigation_row() {
        let t = "行政复议 | 行政诉讼 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 1";
        let got = read(t);
        assert!(got.contains(&("admin_reconsideration_cases".into(), 1.0)), "{got:?}");
        assert!(got.contains(&("admin_litigation_cases".into(), 3.0)));
    }
}
