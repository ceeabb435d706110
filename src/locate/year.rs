//! The year a report is about (not the year it was published) and its publication date.

use super::doc_type::DocType;
use super::words::{
    congress_marks, congress_words, lead_year_marks, lead_year_verbs, period_labels,
    published_labels, title_year_words, year_range_words,
};
use regex::Regex;
use std::sync::LazyLock;

/// `words` as a regex alternation (each escaped).
fn any_of(words: &[&str]) -> String {
    words.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|")
}

/// A word with any spacing between its characters (人 民 代 表 大 会).
fn spaced(word: &str) -> String {
    word.chars().map(|c| regex::escape(&c.to_string())).collect::<Vec<_>>().join(r"\s*")
}

static TITLE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let words = any_of(title_year_words());
    Regex::new(&format!(r"((?:19|20)\d{{2}})\s*年度?[^。\n,，]{{0,40}}?({words})")).unwrap()
});
/// ——2020年1月15日在江苏省第十三届人民代表大会第三次会议上 (spaces and line
/// breaks allowed inside, as reports are set).
static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    let marks = any_of(congress_marks());
    let congress: Vec<String> = congress_words().iter().map(|w| spaced(w)).collect();
    let congress = congress.join("|");
    let date = r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日";
    Regex::new(&format!(r"{date}\s*(?:{marks})[^。]{{0,40}}?(?:{congress})")).unwrap()
});

/// The year of the congress session a work report was delivered at.
pub fn session_year(head: &str) -> Option<i32> {
    SESSION.captures(head).and_then(|c| c[1].parse().ok())
}

static PERIOD_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let labels = any_of(period_labels());
    Regex::new(&format!(r"(?:{labels})[^。\n]{{0,6}}?((?:19|20)\d{{2}})\s*年?\s*1\s*月\s*1\s*日"))
        .unwrap()
});
static LEAD_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let (marks, verbs) = (any_of(lead_year_marks()), any_of(lead_year_verbs()));
    let numbered = r"(?:[一二三四五六七八九十]+、[^\n]{0,12}\n\s*)?";
    Regex::new(&format!(
        r"(?m)^\s*{numbered}((?:19|20)\d{{2}})年(?:度)?(?:[,，]|{marks}|[^\n,，。]{{0,14}}?(?:{verbs}))"
    ))
    .unwrap()
});
static DOC_NUMBER_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[〔\[［(（]((?:19|20)\d{2})[〕\]］)）]\s*\d+\s*号").unwrap());
static ANY_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})\s*年").unwrap());
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?")
        .unwrap()
});
static ISO_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)(?:^|\s)((?:19|20)\d{2})-(\d{2})-(\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s|$)",
    )
    .unwrap()
});
static PUBLISHED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let labels = any_of(published_labels());
    let date = r"((?:19|20)\d{2}\s*(?:年|-|/|\.)\s*\d{1,2}\s*(?:月|-|/|\.)\s*\d{1,2})";
    Regex::new(&format!(r"(?:{labels})\s*[:：]?\s*{date}")).unwrap()
});

fn ymd(caps: &regex::Captures) -> Option<String> {
    let y: i32 = caps[1].parse().ok()?;
    let m: u32 = caps[2].parse().ok()?;
    let d: u32 = caps[3].parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The publication date, from a labelled date in the head, the gov-work-report
/// meeting line, or a signature date at the end.
pub fn published_date(text: &str) -> Option<String> {
    let head: String = text.chars().take(600).collect();
    if let Some(c) = PUBLISHED_LABEL.captures(&head) {
        if let Some(d) = DATE.captures(&c[1]).and_then(|c| ymd(&c)) {
            return Some(d);
        }
    }
    // a web page's own timestamp: 2022-04-15 15:34
    if let Some(c) = ISO_STAMP.captures(&head) {
        if let Some(d) = ymd(&c) {
            return Some(d);
        }
    }
    // ——2026年1月26日在河北省第十四届人民代表大会第四次会议上
    if let Some(pos) = congress_marks().iter().find_map(|m| head.find(m)) {
        for c in DATE.captures_iter(&head[..pos]) {
            if congress_words().iter().any(|w| head.contains(w)) {
                return ymd(&c);
            }
        }
    }
    // signature: the last lines carry the date the report was signed
    let total = text.chars().count();
    let tail: String = text.chars().skip(total.saturating_sub(80)).collect();
    let last = DATE.captures_iter(&tail).last()?;
    let after = &tail[last.get(0)?.end()..];
    (after.trim().chars().count() < 12).then(|| ymd(&last)).flatten()
}

/// Is the year at byte `start` the end of a range such as 2021—2025年?
fn ends_a_range(text: &str, start: usize) -> bool {
    let before: String =
        text[..start].chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect();
    let mut it = before.chars().rev();
    let joiner = it.next().is_some_and(|c| {
        matches!(c, '-' | '—' | '–' | '~' | '－')
            || year_range_words().iter().any(|w| w.chars().eq([c]))
    });
    joiner && it.take(4).all(|c| c.is_ascii_digit())
}

/// The year the report is about.
pub fn report_year(text: &str, kind: DocType, published: Option<&str>) -> Option<i32> {
    let head: String = text.chars().take(400).collect();
    let pub_year: Option<i32> = published.and_then(|p| p.get(..4)).and_then(|y| y.parse().ok());
    if kind == DocType::GovWorkReport {
        // a government work report is named for the year it is delivered in
        if let Some(c) = TITLE_YEAR.captures(&head) {
            return c[1].parse().ok();
        }
        return session_year(&head).or(pub_year);
    }
    if kind == DocType::Plan {
        // a plan is filed under the year it was issued (桂民发〔2022〕7号), not the years it covers
        let issued = DOC_NUMBER_YEAR.captures(&head).and_then(|c| c[1].parse().ok());
        let dated = DATE.captures(&head).and_then(|c| c[1].parse().ok());
        if let Some(y) = issued.or(pub_year).or(dated) {
            return Some(y);
        }
    }
    if let Some(c) = PERIOD_YEAR.captures(text) {
        return c[1].parse().ok();
    }
    if let Some(c) = TITLE_YEAR
        .captures_iter(&head)
        .find(|c| !ends_a_range(&head, c.get(1).map_or(0, |m| m.start())))
    {
        let y: i32 = c[1].parse().ok()?;
        if pub_year.is_none_or(|p| y <= p) {
            return Some(y);
        }
    }
    if let Some(c) = LEAD_YEAR.captures(&head) {
        return c[1].parse().ok();
    }
    // the most frequent year in the body, not after the publication year
    let mut counts = std::collections::BTreeMap::<i32, usize>::new();
    for c in ANY_YEAR.captures_iter(text) {
        if ends_a_range(text, c.get(1).map_or(0, |m| m.start())) {
            continue;
        }
        if let Ok(y) = c[1].parse::<i32>() {
            if pub_year.is_none_or(|p| y <= p) {
                *counts.entry(y).or_default() += 1;
            }
        }
    }
    if let Some((&y, _)) = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(a.0.cmp(b.0))) {
        return Some(y);
    }
    // published in the first quarter: most often about the previous year
    let p = published?;
    let month: u32 = p.get(5..7)?.parse().ok()?;
    pub_year.map(|y| if month <= 3 { y - 1 } else { y })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_year_not_publication_year() {
        let t = "辽宁省民政厅2023年法治政府建设情况报告\n\n  • 发布时间:2024年01月26日\n";
        assert_eq!(published_date(t).as_deref(), Some("2024-01-26"));
        assert_eq!(report_year(t, DocType::RuleOfLawReport, Some("2024-01-26")), Some(2023));
    }

    #[test]
    fn statistics_period_and_lead_year() {
        let t = "本年度报告…所列数据统计期限为2025年1月1日至2025年12月31日。";
        assert_eq!(report_year(t, DocType::InfoDisclosureReport, None), Some(2025));
        let t = "2022年,在市委、市政府的坚强领导下,市民政局笃学践行习近平法治思想";
        assert_eq!(report_year(t, DocType::RuleOfLawReport, None), Some(2022));
    }

    #[test]
    fn work_report_year_and_meeting_date() {
        let t = "2026年河北省政府工作报告\n——2026年1月26日在河北省第十四届人民代表大会第四次会议上\n来源:河北日报\n";
        assert_eq!(published_date(t).as_deref(), Some("2026-01-26"));
        assert_eq!(report_year(t, DocType::GovWorkReport, None), Some(2026));
    }

    #[test]
    fn plan_is_filed_under_its_issue_year() {
        let t = "桂民发〔2022〕7号 自治区民政厅关于印发落实广西法治政府建设实施方案(2021—2025年)工作方案的通知\n2022-04-15 15:34";
        assert_eq!(report_year(t, DocType::Plan, None), Some(2022));
        assert!(ends_a_range("实施方案(2021—2025年)", "实施方案(2021—".len()));
    }

    #[test]
    fn page_timestamp_is_the_publication_date() {
        let t = "桂民发〔2022〕7号 自治区民政厅关于印发…的通知\n\n2022-04-15 15:34     来源:广西壮族自治区民政厅\n";
        assert_eq!(published_date(t).as_deref(), Some("2022-04-15"));
    }

    #[test]
    fn signature_date() {
        let t = "正文……\n廉江市民政局\n2024年12月20日";
        assert_eq!(published_date(t).as_deref(), Some("2024-12-20"));
    }
}
