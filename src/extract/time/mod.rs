//! Kind and year of a value from where it stands: the target section of a
//! work report, next-year plans, multi-year phrases, years written in the clause.

use crate::extract::wording::Sections;
use crate::extract::words::{
    address_words, five_year_words, horizon_words, looking_back_words, plan_names,
};
use crate::locate::DocType;
use regex::Regex;
use std::sync::LazyLock;

pub(super) static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").unwrap());
pub(super) static HORIZON: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = horizon_words().iter().map(|w| regex::escape(w)).collect();
    Regex::new(&format!(r"(?:{})\s*((?:19|20)\d{{2}})\s*年", words.join("|"))).unwrap()
});
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    // (a stray mark between the numeral and 、, 二&、, still opens a section)
    Regex::new(r"(?m)^\s*(?:[一二三四五六七八九十]+[&*#]?、|第[一二三四五六七八九十]+部分)")
        .unwrap()
});

/// Char ranges of a document where values are targets, plans or multi-year
/// figures rather than one year's results.
#[derive(Debug, Clone, Default)]
pub struct Zones {
    /// (start, end, year offset from the report year)
    pub target: Vec<(usize, usize, i32)>,
    /// (start, end): five-year reviews and plans (这五年…, “十五五”时期…)
    pub period: Vec<(usize, usize)>,
    /// (start, end): reviews of the last year inside a multi-year section (过去一年, 2025年)
    pub last_year: Vec<(usize, usize)>,
}

fn char_index(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// What a top-level section of a government work report is about, from its heading.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Section {
    /// this year's targets and tasks (2026年主要工作, 总体要求和主要预期目标)
    ThisYear,
    /// a five-year plan (“十五五”时期主要目标任务)
    NextPlan,
    /// a review that covers five years (“十四五”时期…回顾): paragraphs decide
    FiveYearReview,
    Other,
}

/// The five-year plans a report of `report_year` speaks of: the one it looks
/// back on (the plan of the year before) and, in a plan's first year, the new
/// one it opens (a 2021 report reviews 十三五 and opens 十四五; a 2026 report
/// reviews 十四五 and opens 十五五). Without a year, the latest pair.
pub fn plans(report_year: Option<i32>) -> (&'static str, Option<&'static str>) {
    let names = plan_names();
    let last = names.len().saturating_sub(1) as i32;
    let plan = |year: i32| names[((year - 2006).div_euclid(5)).clamp(0, last) as usize];
    match report_year {
        // without a year: the plan of 2021–2025 and the one after it
        None => (plan(2025), Some(plan(2026))),
        Some(y) => {
            let (reviewed, current) = (plan(y - 1), plan(y));
            (reviewed, (current != reviewed).then_some(current))
        }
    }
}

/// Does `text` hold one of `words`?
fn has_any(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

fn section_of(heading: &str, report_year: Option<i32>, words: &Sections) -> Section {
    let has = |list: &[String]| list.iter().any(|w| heading.contains(w.as_str()));
    let (reviewed, new_plan) = plans(report_year);
    let opens_new = new_plan.is_some_and(|p| heading.contains(p));
    let review = has(&words.review_headings)
        || report_year.is_some_and(|y| heading.contains(&format!("{}年", y - 1)));
    if review {
        return if heading.contains(reviewed) || has_any(heading, five_year_words()) {
            Section::FiveYearReview
        } else {
            Section::Other
        };
    }
    let this_year = report_year.is_some_and(|y| heading.contains(&format!("{y}年")))
        || has(&words.this_year_headings) && !opens_new && !has_any(heading, looking_back_words());
    if this_year {
        Section::ThisYear
    } else if opens_new && !has_any(heading, looking_back_words()) {
        Section::NextPlan
    } else if heading.contains(reviewed) || has_any(heading, five_year_words()) {
        Section::FiveYearReview
    } else {
        Section::Other
    }
}

/// A document's top-level headings (at their first character: a match may
/// begin on a blank line above) and the text they split.
struct Outline<'t> {
    text: &'t str,
    headings: Vec<usize>,
}

impl Outline<'_> {
    fn next_heading(&self, b: usize) -> usize {
        self.headings.iter().copied().find(|&h| h > b).unwrap_or(self.text.len())
    }

    fn line_end(&self, b: usize) -> usize {
        self.text[b..].find('\n').map(|e| b + e).unwrap_or(self.text.len())
    }
}

/// Find target, period and last-year zones. A work report is split by its
/// top-level headings; other reports have next-year plan sections
/// (下一步 / 工作思路 / 工作安排).
pub fn zones(text: &str, doc_type: DocType, report_year: Option<i32>, words: &Sections) -> Zones {
    let mut z = Zones::default();
    let heading_start = |m: regex::Match| m.end() - m.as_str().trim_start().len();
    let o = Outline { text, headings: HEADING.find_iter(text).map(heading_start).collect() };
    if doc_type == DocType::GovWorkReport {
        targets_paragraphs(&o, &mut z, words);
        for &h in &o.headings {
            let line_end = o.line_end(h);
            let end = o.next_heading(line_end);
            let (s, e) = (char_index(text, h), char_index(text, end));
            match section_of(&text[h..line_end], report_year, words) {
                Section::ThisYear => z.target.push((s, e, 0)),
                Section::NextPlan => z.period.push((s, e)),
                Section::FiveYearReview | Section::Other => {
                    review_paragraphs(&o, line_end, end, report_year, &mut z, words)
                }
            }
        }
    } else if doc_type != DocType::StatCommunique {
        for &h in &o.headings {
            let line_end = o.line_end(h);
            if words.plan_headings.iter().any(|w| text[h..line_end].contains(w.as_str())) {
                let (s, e) = (char_index(text, h), char_index(text, o.next_heading(line_end)));
                z.target.push((s, e, 1));
            }
        }
    }
    z
}

/// The targets paragraphs: to the end of the line, at most ~1200 chars; a
/// line that ends in a colon lists its targets in the lines below.
fn targets_paragraphs(o: &Outline, z: &mut Zones, words: &Sections) {
    let text = o.text;
    for marker in &words.target_markers {
        for (b, _) in text.match_indices(marker.as_str()) {
            // 主要预期目标基本实现 in the review reports on last year's targets
            let after: String = text[b + marker.len()..].chars().take(4).collect();
            if words.targets_achieved.iter().any(|w| after.starts_with(w.as_str())) {
                continue;
            }
            let mut end_line = o.line_end(b);
            if text[b..end_line].trim_end().ends_with([':', '：']) {
                end_line = o.next_heading(end_line);
            }
            let s = char_index(text, b);
            z.target.push((s, char_index(text, end_line).min(s + 1200), 0));
        }
    }
}

/// A review section paragraph by paragraph: 这五年… / 五年来… starts a run of
/// period paragraphs, 刚刚过去的2025年 / 这一年 / 一年来 a run of last-year ones;
/// a paragraph opening with the year itself counts for that paragraph only.
fn review_paragraphs(
    o: &Outline,
    from: usize,
    end: usize,
    report_year: Option<i32>,
    z: &mut Zones,
    words: &Sections,
) {
    let text = o.text;
    let last = report_year.map(|y| format!("{}年", y - 1));
    let reviewed_plan = plans(report_year).0;
    let mut run: Option<bool> = None; // Some(true) = five-year run
    let mut p = from;
    while p < end {
        let pe = text[p + 1..end].find('\n').map(|x| p + 1 + x).unwrap_or(end);
        let para = text[p..pe].trim_start_matches(['\n', ' ', '\u{3000}']);
        // 各位代表，2020年是极不平凡的一年: the address does not open the paragraph
        let para = address_words()
            .iter()
            .find_map(|w| para.strip_prefix(w))
            .map(|r| r.trim_start_matches(['，', ',', '！', '!', ' ']))
            .unwrap_or(para);
        let head: String = para.chars().take(16).collect();
        let (ps, pe_c) = (char_index(text, p), char_index(text, pe));
        let year_opening = last.as_deref().is_some_and(|l| head.starts_with(l));
        let opens = |list: &[String]| list.iter().any(|w| head.contains(w.as_str()));
        if opens(&words.last_year_openings) {
            run = Some(false);
        } else if !year_opening
            && (opens(&words.five_year_openings) || head.contains(reviewed_plan))
        {
            run = Some(true);
        }
        match run {
            _ if year_opening => z.last_year.push((ps, pe_c)),
            Some(true) => z.period.push((ps, pe_c)),
            Some(false) => z.last_year.push((ps, pe_c)),
            None => {}
        }
        p = pe;
    }
}

mod placement;
pub use placement::{place, Placement, Site, Stock};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_follow_the_report_year() {
        // a 2021 report reviews 十三五 and opens 十四五; a 2023 one is inside 十四五
        assert_eq!(plans(Some(2021)), ("十三五", Some("十四五")));
        assert_eq!(plans(Some(2023)), ("十四五", None));
        assert_eq!(plans(Some(2026)), ("十四五", Some("十五五")));
        assert_eq!(plans(Some(2016)), ("十二五", Some("十三五")));
    }
}
