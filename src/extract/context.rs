//! Kind and year of a value from where it stands: the target section of a
//! work report, next-year plans, multi-year phrases, years written in the clause.

use super::fact::FactKind;
use crate::locate::DocType;
use regex::Regex;
use std::sync::LazyLock;

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").unwrap());
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)").unwrap());

/// Char ranges of a document where values are targets or plans, not results.
#[derive(Debug, Clone, Default)]
pub struct Zones {
    /// (start, end, year offset from the report year)
    pub target: Vec<(usize, usize, i32)>,
}

fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// Find target sections: a work report's 主要预期目标 paragraph; the
/// next-year plan sections of a yearly report (下一步 / 工作思路 / 工作安排).
pub fn zones(text: &str, doc_type: DocType) -> Zones {
    let mut z = Zones::default();
    let headings: Vec<usize> = HEADING.find_iter(text).map(|m| m.start()).collect();
    let next_heading = |b: usize| headings.iter().copied().find(|&h| h > b).unwrap_or(text.len());
    if doc_type == DocType::GovWorkReport {
        for marker in ["主要预期目标", "预期目标是", "主要目标是", "发展的主要目标"] {
            for (b, _) in text.match_indices(marker) {
                // the targets paragraph: to the end of the line, at most ~1200 chars
                let end_line = text[b..].find('\n').map(|e| b + e).unwrap_or(text.len());
                let s = char_index(text, b);
                let e = char_index(text, end_line).min(s + 1200);
                z.target.push((s, e, 0));
            }
        }
    } else if doc_type != DocType::StatCommunique {
        for m in HEADING.find_iter(text) {
            let line_end = text[m.start()..].find('\n').map(|e| m.start() + e).unwrap_or(text.len());
            let line = &text[m.start()..line_end];
            if ["工作思路", "工作安排", "下一步", "工作计划", "主要安排", "工作打算", "努力方向", "工作设想"]
                .iter()
                .any(|w| line.contains(w))
            {
                let s = char_index(text, m.start());
                let e = char_index(text, next_heading(line_end));
                z.target.push((s, e, 1));
            }
        }
    }
    z
}

const PERIOD_WORDS: &[&str] = &["年均", "年平均", "五年来", "过去五年", "十四五", "十三五", "十五五", "五年间", "近五年", "五年累计", "五年共"];
const TARGET_WORDS: &[&str] = &["力争", "预期目标", "目标是", "预计今年"];

/// Kind, year and period of a value at char `pos`, given the text of its clause
/// before the value and of the clause before that.
pub struct Placement {
    pub kind: FactKind,
    pub year: Option<i32>,
    pub period: String,
}

pub fn place(
    zones: &Zones,
    doc_type: DocType,
    report_year: Option<i32>,
    pos: usize,
    clause_before: &str,
    prev_clause: &str,
) -> Placement {
    let explicit = YEAR.captures_iter(clause_before).last().and_then(|c| c[1].parse::<i32>().ok());
    let work_report = doc_type == DocType::GovWorkReport;
    // the year results are for: a work report reviews the previous year
    let actual_year = report_year.map(|y| if work_report { y - 1 } else { y });
    if let Some(&(_, _, offset)) = zones.target.iter().find(|(s, e, _)| (*s..*e).contains(&pos)) {
        let year = report_year.map(|y| y + offset);
        let year = explicit.filter(|&e| Some(e) >= year).or(year);
        return Placement { kind: FactKind::Target, year, period: String::new() };
    }
    if let Some(y) = explicit {
        if work_report && Some(y) == report_year {
            return Placement { kind: FactKind::Target, year: Some(y), period: String::new() };
        }
        if report_year.is_none_or(|r| y <= r) {
            return Placement { kind: FactKind::Actual, year: Some(y), period: String::new() };
        }
    }
    let near = format!("{prev_clause}{clause_before}");
    if PERIOD_WORDS.iter().any(|w| near.contains(w)) {
        let period = match actual_year {
            Some(y) if near.contains("十五五") => format!("{}-{}", y + 1, y + 5),
            Some(y) => format!("{}-{}", y - 4, y),
            None => String::new(),
        };
        return Placement { kind: FactKind::Period, year: None, period };
    }
    if work_report && (TARGET_WORDS.iter().any(|w| clause_before.contains(w)) || clause_before.contains("今年")) {
        return Placement { kind: FactKind::Target, year: report_year, period: String::new() };
    }
    Placement { kind: FactKind::Actual, year: actual_year, period: String::new() }
}
