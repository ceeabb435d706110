//! Kind and year of a value from where it stands: the target section of a
//! work report, next-year plans, multi-year phrases, years written in the clause.

use super::fact::FactKind;
use crate::locate::DocType;
use regex::Regex;
use std::sync::LazyLock;

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").unwrap());
static HORIZON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"到\s*((?:19|20)\d{2})\s*年").unwrap());
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

fn section_of(heading: &str, report_year: Option<i32>) -> Section {
    let review = ["回顾", "成就", "成绩"].iter().any(|w| heading.contains(w))
        || report_year.is_some_and(|y| heading.contains(&format!("{}年", y - 1)));
    if review {
        return if heading.contains("十四五") || heading.contains("五年") {
            Section::FiveYearReview
        } else {
            Section::Other
        };
    }
    let this_year = report_year.is_some_and(|y| heading.contains(&format!("{y}年")))
        || ["今年", "主要工作", "重点工作", "重点任务", "总体要求", "预期目标", "主要目标"]
            .iter()
            .any(|w| heading.contains(w))
            && !heading.contains("十五五")
            && !heading.contains("回顾");
    if this_year {
        Section::ThisYear
    } else if heading.contains("十五五") && !heading.contains("回顾") {
        Section::NextPlan
    } else if heading.contains("十四五") || heading.contains("五年") {
        Section::FiveYearReview
    } else {
        Section::Other
    }
}

/// Paragraph openings that set what the paragraph's figures are for.
const FIVE_YEAR_OPENINGS: &[&str] = &[
    "这五年",
    "过去五年",
    "过去的五年",
    "五年来",
    "五年间",
    "“十四五”时期",
    "\"十四五\"时期",
    "十四五时期",
    "“十四五”以来",
];

const LAST_YEAR_OPENINGS: &[&str] = &["刚刚过去的", "过去一年", "这一年", "一年来", "去年"];

/// Find target, period and last-year zones. A work report is split by its
/// top-level headings; other reports have next-year plan sections
/// (下一步 / 工作思路 / 工作安排).
pub fn zones(text: &str, doc_type: DocType, report_year: Option<i32>) -> Zones {
    let mut z = Zones::default();
    // a heading starts at its first character (the match may begin on a blank line above)
    let heading_start = |m: regex::Match| m.end() - m.as_str().trim_start().len();
    let headings: Vec<usize> = HEADING.find_iter(text).map(heading_start).collect();
    let next_heading = |b: usize| headings.iter().copied().find(|&h| h > b).unwrap_or(text.len());
    if doc_type == DocType::GovWorkReport {
        for marker in [
            "主要预期目标",
            "预期目标是",
            "主要目标是",
            "发展的主要目标",
            "主要预期指标",
            "主要指标是",
        ] {
            for (b, _) in text.match_indices(marker) {
                // 主要预期目标基本实现 in the review reports on last year's targets
                let after: String = text[b + marker.len()..].chars().take(4).collect();
                if ["基本实现", "全面完成", "顺利完成", "较好完成", "实现", "完成"]
                    .iter()
                    .any(|w| after.starts_with(w))
                {
                    continue;
                }
                // the targets paragraph: to the end of the line, at most ~1200 chars;
                // a line that ends in a colon lists its targets in the lines below
                let mut end_line = text[b..].find('\n').map(|e| b + e).unwrap_or(text.len());
                if text[b..end_line].trim_end().ends_with([':', '：']) {
                    end_line = next_heading(end_line);
                }
                let s = char_index(text, b);
                let e = char_index(text, end_line).min(s + 1200);
                z.target.push((s, e, 0));
            }
        }
        let last = report_year.map(|y| format!("{}年", y - 1));
        for &h in &headings {
            let line_end = text[h..].find('\n').map(|e| h + e).unwrap_or(text.len());
            let end = next_heading(line_end);
            let (s, e) = (char_index(text, h), char_index(text, end));
            match section_of(&text[h..line_end], report_year) {
                Section::ThisYear => z.target.push((s, e, 0)),
                Section::NextPlan => z.period.push((s, e)),
                Section::FiveYearReview | Section::Other => {
                    // paragraph by paragraph: 这五年… / 五年来… starts a run of period
                    // paragraphs, 刚刚过去的2025年 / 这一年 / 一年来 a run of last-year ones;
                    // a paragraph opening with the year itself counts for that paragraph only
                    let mut run: Option<bool> = None; // Some(true) = five-year run
                    let mut p = line_end;
                    while p < end {
                        let pe = text[p + 1..end].find('\n').map(|x| p + 1 + x).unwrap_or(end);
                        let para = text[p..pe].trim_start_matches(['\n', ' ', '\u{3000}']);
                        let head: String = para.chars().take(16).collect();
                        let (ps, pe_c) = (char_index(text, p), char_index(text, pe));
                        let year_opening = last.as_deref().is_some_and(|l| head.starts_with(l));
                        if LAST_YEAR_OPENINGS.iter().any(|w| head.contains(w)) {
                            run = Some(false);
                        } else if !year_opening
                            && (FIVE_YEAR_OPENINGS.iter().any(|w| head.contains(w))
                                || head.contains("十四五"))
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
            }
        }
    } else if doc_type != DocType::StatCommunique {
        for &h in &headings {
            let line_end = text[h..].find('\n').map(|e| h + e).unwrap_or(text.len());
            let line = &text[h..line_end];
            if [
                "工作思路",
                "工作安排",
                "下一步",
                "工作计划",
                "主要安排",
                "工作打算",
                "努力方向",
                "工作设想",
            ]
            .iter()
            .any(|w| line.contains(w))
            {
                let s = char_index(text, h);
                let e = char_index(text, next_heading(line_end));
                z.target.push((s, e, 1));
            }
        }
    }
    z
}

const PERIOD_WORDS: &[&str] = &[
    "年均",
    "年平均",
    "五年来",
    "过去五年",
    "十四五",
    "十三五",
    "十五五",
    "五年间",
    "近五年",
    "五年累计",
    "五年共",
];
/// In a work report, sums over the plan period (累计完成3.7万亿元) are periods too.
const WORK_REPORT_PERIOD_WORDS: &[&str] = &["累计", "五年增量", "连续5年", "连续五年"];
const TARGET_WORDS: &[&str] = &["力争", "预期目标", "目标是", "预计今年"];

/// Kind, year and period of a value at char `pos`, given the text of its clause
/// before the value and of the clause before that.
pub struct Placement {
    pub kind: FactKind,
    pub year: Option<i32>,
    pub period: String,
}

/// What kind of number a value is, for placing it in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stock {
    /// a flow or rate: summed or averaged over a period
    Flow,
    /// a level (an amount such as 生产总值6.66万亿元): in a review it is the period's end
    Level,
    /// the end value of 从…增长到…
    ChangeEnd,
}

/// Is `pos` in a period zone that lies after the review (a plan for the next five years)?
fn in_plan(zones: &Zones, pos: usize, _actual_year: i32) -> bool {
    let first_target = zones.target.iter().map(|t| t.0).min().unwrap_or(usize::MAX);
    let last_year_end = zones.last_year.iter().map(|t| t.1).max().unwrap_or(0);
    pos > last_year_end || pos > first_target
}

/// Where a value stands in its sentence: what the clause says before it.
pub struct Site<'a> {
    pub pos: usize,
    pub clause_before: &'a str,
    pub prev_clause: &'a str,
    pub sentence_before: &'a str,
    pub stock: Stock,
}

/// The kind, year and period of a value at `site`.
pub fn place(zones: &Zones, doc_type: DocType, report_year: Option<i32>, site: &Site) -> Placement {
    let p = Placer::new(zones, doc_type, report_year, site);
    p.beyond_horizon()
        .or_else(|| p.in_target_zone())
        .or_else(|| p.change_end())
        .or_else(|| p.in_period_zone())
        .or_else(|| p.explicit_year())
        .unwrap_or_else(|| p.by_words())
}

/// The clues one placement is decided on.
struct Placer<'a> {
    zones: &'a Zones,
    site: &'a Site<'a>,
    report_year: Option<i32>,
    work_report: bool,
    /// a year in the clause, else a horizon the sentence opened with (到2030年，…)
    explicit: Option<i32>,
    /// the year results are for: a work report reviews the previous year
    actual_year: Option<i32>,
    near: String,
}

fn placed(kind: FactKind, year: Option<i32>) -> Placement {
    Placement { kind, year, period: String::new() }
}

impl<'a> Placer<'a> {
    fn new(
        zones: &'a Zones,
        doc_type: DocType,
        report_year: Option<i32>,
        site: &'a Site<'a>,
    ) -> Placer<'a> {
        let horizon = HORIZON
            .captures_iter(site.sentence_before)
            .filter_map(|c| c[1].parse::<i32>().ok())
            .max();
        let explicit = YEAR
            .captures_iter(site.clause_before)
            .last()
            .and_then(|c| c[1].parse::<i32>().ok())
            .or(horizon);
        let work_report = doc_type == DocType::GovWorkReport;
        Placer {
            zones,
            site,
            report_year,
            work_report,
            explicit,
            actual_year: report_year.map(|y| if work_report { y - 1 } else { y }),
            near: format!("{}{}", site.prev_clause, site.clause_before),
        }
    }

    fn period_words(&self) -> bool {
        PERIOD_WORDS.iter().any(|w| self.near.contains(w))
            || self.work_report && WORK_REPORT_PERIOD_WORDS.iter().any(|w| self.near.contains(w))
    }

    fn in_zone(zone: &[(usize, usize)], pos: usize) -> bool {
        zone.iter().any(|(s, e)| (*s..*e).contains(&pos))
    }

    fn period(&self) -> Placement {
        let (near, pos) = (&self.near, self.site.pos);
        let period = match self.actual_year {
            Some(y)
                if near.contains("十五五")
                    || Self::in_zone(&self.zones.period, pos)
                        && !near.contains("十四五")
                        && self.work_report
                        && in_plan(self.zones, pos, y) =>
            {
                format!("{}-{}", y + 1, y + 5)
            }
            Some(y) => format!("{}-{}", y - 4, y),
            None => String::new(),
        };
        Placement { kind: FactKind::Period, year: None, period }
    }

    /// A year far ahead (到2030年) is a plan's horizon, not a one-year fact.
    fn beyond_horizon(&self) -> Option<Placement> {
        let (y, r) = (self.explicit?, self.report_year?);
        (y > r + (!self.work_report) as i32).then(|| Placement {
            kind: FactKind::Period,
            year: None,
            period: format!("{r}-{y}"),
        })
    }

    fn target_zone(&self) -> Option<&(usize, usize, i32)> {
        self.zones.target.iter().find(|(s, e, _)| (*s..*e).contains(&self.site.pos))
    }

    fn in_target_zone(&self) -> Option<Placement> {
        let &(_, _, offset) = self.target_zone()?;
        if self.period_words() {
            return Some(self.period());
        }
        let year = self.report_year.map(|y| y + offset);
        let year = self.explicit.filter(|&e| Some(e) >= year).or(year);
        Some(placed(FactKind::Target, year))
    }

    /// The end of a change (从3826.5亿元增长到4398.6亿元) is the last year's level.
    fn change_end(&self) -> Option<Placement> {
        let end = self.explicit.is_none() && self.site.stock == Stock::ChangeEnd;
        (end && self.target_zone().is_none()).then(|| placed(FactKind::Actual, self.actual_year))
    }

    fn in_period_zone(&self) -> Option<Placement> {
        if self.explicit.is_some() || !Self::in_zone(&self.zones.period, self.site.pos) {
            return None;
        }
        // a level stated in a five-year review (生产总值6.66万亿元) is where the period ended
        if self.site.stock == Stock::Level && !self.period_words() {
            return Some(placed(FactKind::Actual, self.actual_year));
        }
        Some(self.period())
    }

    fn explicit_year(&self) -> Option<Placement> {
        let y = self.explicit?;
        if self.work_report && Some(y) == self.report_year {
            return Some(placed(FactKind::Target, Some(y)));
        }
        self.report_year.is_none_or(|r| y <= r).then(|| placed(FactKind::Actual, Some(y)))
    }

    fn by_words(&self) -> Placement {
        if self.period_words() {
            return self.period();
        }
        let before = self.site.clause_before;
        let target_words =
            TARGET_WORDS.iter().any(|w| before.contains(w)) || before.contains("今年");
        if self.work_report && target_words {
            return placed(FactKind::Target, self.report_year);
        }
        placed(FactKind::Actual, self.actual_year)
    }
}
