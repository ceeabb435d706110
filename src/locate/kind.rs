//! Document kind from the title area and the text's own wording (the words
//! are data: `datasets/rules/kinds.toml`).

use crate::vocabulary::{Active, VocabularyFile};

pub use super::doc_type::DocType;

/// The first few lines, where the title and issuer stand.
pub fn title_area(text: &str, max_chars: usize) -> String {
    text.chars().take(max_chars).collect()
}

/// The words kinds are told by (`datasets/rules/kinds.toml`).
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct KindWords {
    titles: TitleWords,
    work_report: WorkReportWords,
    body: BodyWords,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TitleWords {
    reports: Vec<String>,
    communique: Vec<String>,
    plan: Vec<String>,
    plan_marks: Vec<String>,
    disclosure: Vec<String>,
    disclosure_marks: Vec<String>,
    law: Vec<String>,
    law_marks: Vec<String>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkReportWords {
    titles: Vec<String>,
    address: Vec<String>,
    to_congress: Vec<String>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyWords {
    news_marks: Vec<String>,
    reports_itself: Vec<String>,
    disclosure_regulation: Vec<String>,
    proactive: Vec<String>,
    disclosure_report: Vec<String>,
    disclosure_subject: Vec<String>,
    on_request: Vec<String>,
    law_subject: Vec<String>,
    law_words: Vec<String>,
    comparisons: Vec<String>,
}

/// The kind words and the one automaton that counts the body's words.
pub struct Kinds {
    words: KindWords,
    body_words: Vec<String>,
    body: aho_corasick::AhoCorasick,
}

impl VocabularyFile for Kinds {
    const FILE: &'static str = "rules/kinds.toml";

    fn parse(text: &str) -> Result<Kinds, toml::de::Error> {
        toml::from_str(text).map(Kinds::compile)
    }

    fn slot() -> &'static Active<Kinds> {
        static SLOT: Active<Kinds> = Active::new();
        &SLOT
    }
}

impl Kinds {
    fn compile(words: KindWords) -> Kinds {
        let b = &words.body;
        let mut body_words: Vec<String> = Vec::new();
        for word in [
            &words.work_report.titles,
            &b.reports_itself,
            &b.proactive,
            &b.disclosure_report,
            &b.disclosure_subject,
            &b.on_request,
            &b.law_subject,
            &b.law_words,
            &b.comparisons,
        ]
        .into_iter()
        .flatten()
        {
            if !body_words.contains(word) {
                body_words.push(word.clone());
            }
        }
        let body = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&body_words)
            .expect("body words build an automaton");
        Kinds { words, body_words, body }
    }
}

/// The active kind words (see [`crate::vocabulary`]).
fn kinds() -> &'static Kinds {
    Kinds::active()
}

/// Body-word counts of one text (one pass of the body-word automaton).
struct Counts<'t> {
    text: &'t str,
    counts: Vec<usize>,
}

impl Counts<'_> {
    fn of(text: &str) -> Counts<'_> {
        let mut counts = vec![0usize; kinds().body_words.len()];
        for m in kinds().body.find_overlapping_iter(text) {
            counts[m.pattern().as_usize()] += 1;
        }
        Counts { text, counts }
    }

    /// How often the words of `list` (body words, all in the automaton)
    /// stand in the body, together.
    fn get(&self, list: &[String]) -> usize {
        let one = |w: &String| {
            kinds().body_words.iter().position(|b| b == w).map_or(0, |i| self.counts[i])
        };
        list.iter().map(one).sum()
    }
}

fn any_in(hay: &str, words: &[String]) -> bool {
    words.iter().any(|w| hay.contains(w.as_str()))
}

/// The kind of a report: its title first, then the words of its body.
pub fn classify(text: &str) -> DocType {
    let head = title_area(text, 300);
    let first_lines: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(12)
        .collect::<Vec<_>>()
        .join("\n")
        .chars()
        .take(400)
        .collect();
    let count = Counts::of(text);
    let reports = any_in(&head, &kinds().words.titles.reports);
    by_title(&head, &first_lines, &count, reports)
        .unwrap_or_else(|| by_body(&head, &first_lines, &count, reports))
}

/// A government work report by its structure: the title, even set with
/// spaces (政 府 工 作 报 告); or the address to the deputies (各位代表) with
/// the session line (——2020年1月15日在…人民代表大会…会议上) or the report
/// to the congress (向大会报告工作).
fn is_work_report(head: &str, count: &Counts) -> bool {
    let w = &kinds().words.work_report;
    let compact: String = head.chars().filter(|c| !c.is_whitespace()).collect();
    if any_in(&compact, &w.titles) {
        return true;
    }
    any_in(&compact, &w.address)
        && (count.get(&w.titles) > 0
            || super::year::session_year(head).is_some()
            || any_in(&compact, &w.to_congress))
}

/// What the title says the document is.
fn by_title(head: &str, first_lines: &str, count: &Counts, reports: bool) -> Option<DocType> {
    let t = &kinds().words.titles;
    if is_work_report(head, count) {
        return Some(DocType::GovWorkReport);
    }
    if any_in(head, &t.communique) {
        return Some(DocType::StatCommunique);
    }
    // a plan or work programme announces itself in its title
    let plan_title = any_in(first_lines, &t.plan) && any_in(first_lines, &t.plan_marks);
    if plan_title && !reports {
        return Some(DocType::Plan);
    }
    // the title names the kind: information disclosure before rule of law
    // (a disclosure report mentions 法治政府建设 in passing, and vice versa)
    let disclosure_title = any_in(head, &t.disclosure) && any_in(head, &t.disclosure_marks);
    let law_title = any_in(head, &t.law) && any_in(head, &t.law_marks);
    match (disclosure_title, law_title) {
        (true, false) => Some(DocType::InfoDisclosureReport),
        (false, true) => Some(DocType::RuleOfLawReport),
        _ => None,
    }
}

/// What the body's words say when the title does not decide.
fn by_body(head: &str, first_lines: &str, count: &Counts, reports: bool) -> DocType {
    let b = &kinds().words.body;
    // a news item (来源/莅临/召开…) that does not report on itself is `other`
    let reports_itself = count.get(&b.reports_itself) > 0 || reports;
    if any_in(head, &b.disclosure_regulation) && count.get(&b.proactive) > 0 {
        return DocType::InfoDisclosureReport;
    }
    if any_in(first_lines, &b.news_marks) && !reports_itself {
        return DocType::Other;
    }
    let subject = count.get(&b.disclosure_subject);
    let disclosure =
        count.get(&b.disclosure_report) > 0 || subject >= 3 && count.get(&b.on_request) > 0;
    let law_subject = count.get(&b.law_subject);
    let law_words = law_subject * 2 + count.get(&b.law_words);
    if disclosure && law_subject < subject {
        return DocType::InfoDisclosureReport;
    }
    if law_subject >= 3 || reports_itself && law_words >= 2 {
        return DocType::RuleOfLawReport;
    }
    // a statistical communiqué (or an excerpt of one): dense year-on-year comparisons
    let comparisons = count.get(&b.comparisons);
    if comparisons >= 4 && comparisons * 1500 >= count.text.len() {
        return DocType::StatCommunique;
    }
    if disclosure {
        return DocType::InfoDisclosureReport;
    }
    DocType::Other
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_reports_by_structure() {
        // a title set with spaces, and no title at all: the session line and the address
        let spaced = "政 府 工 作 报 告\n——2020年1月15日在江苏省第十三届人民代表大会第三次会议上\n各位代表：\n";
        assert_eq!(classify(spaced), DocType::GovWorkReport);
        let untitled = "——2020年1月13日在山西省第十三届人民代表\n\n大会第三次会议上\n代省长 林武\n各位代表：\n现在，我代表山西省人民政府向大会报告工作，请予审议。";
        assert_eq!(classify(untitled), DocType::GovWorkReport);
        assert_eq!(crate::locate::year::session_year(untitled), Some(2020));
    }

    #[test]
    fn kinds_from_titles() {
        assert_eq!(classify("辽宁省民政厅2023年法治政府建设情况报告\n"), DocType::RuleOfLawReport);
        assert_eq!(classify("2026年河北省政府工作报告\n各位代表:"), DocType::GovWorkReport);
        assert_eq!(classify("2022年云和县国民经济和社会发展统计公报"), DocType::StatCommunique);
        assert_eq!(
            classify("桂民发〔2022〕7号 自治区民政厅关于印发落实广西法治政府建设实施方案(2021-2025年)工作方案的通知"),
            DocType::Plan
        );
        assert_eq!(
            classify("乌海市民政局2025年政府信息公开工作年度报告"),
            DocType::InfoDisclosureReport
        );
        assert_eq!(classify("5月市民热线办理情况通报"), DocType::Other);
        // a disclosure report that mentions rule-of-law work is still a disclosure report
        assert_eq!(
            classify("廉江市民政局2024年度法治政府建设情况报告\n现将我局2024年度法治政府建设有关情况报告如下。政府信息公开工作年度报告按时发布。"),
            DocType::RuleOfLawReport
        );
        // a news item about an inspection is not a report
        assert_eq!(
            classify("首页 > 民政新闻\n省依法行政考核组莅临省民政厅考核\n时间:2021-01-13 来源:厅办公室\n按照省法治政府建设领导小组办公室2020年度依法行政考核工作部署"),
            DocType::Other
        );
        // an excerpt of a statistical communiqué
        assert_eq!(
            classify("1.社会组织。截至2012年底,全国共有社会组织49.9万个,比上年增长8.1%;社会团体27.1万个,比上年增长6.3%;基金会3029个,比上年增加415个;民办非企业单位22.5万个,比上年增长10.0%。"),
            DocType::StatCommunique
        );
    }
}
