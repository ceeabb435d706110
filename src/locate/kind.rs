//! Document kind from the title area and the text's own wording.

/// The kinds of report yardstick tells apart.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    RuleOfLawReport,
    InfoDisclosureReport,
    GovWorkReport,
    StatCommunique,
    Plan,
    Other,
    /// a statistics office's spreadsheet
    StatTable,
}

impl DocType {
    pub fn as_str(self) -> &'static str {
        match self {
            DocType::RuleOfLawReport => "rule_of_law_report",
            DocType::InfoDisclosureReport => "info_disclosure_report",
            DocType::GovWorkReport => "gov_work_report",
            DocType::StatCommunique => "stat_communique",
            DocType::Plan => "plan",
            DocType::Other => "other",
            DocType::StatTable => "stat_table",
        }
    }

    /// Does this kind of document report results (facts), as opposed to plans?
    pub fn reports_results(self) -> bool {
        !matches!(self, DocType::Plan)
    }
}

/// The first few lines, where the title and issuer stand.
pub fn title_area(text: &str, max_chars: usize) -> String {
    text.chars().take(max_chars).collect()
}

/// The words whose frequency in the body helps tell kinds apart.
const BODY_WORDS: &[&str] = &[
    "政府工作报告",
    "报告如下",
    "主动公开",
    "政府信息公开工作年度报告",
    "政府信息公开",
    "依申请",
    "法治政府建设",
    "依法行政",
    "行政执法",
    "法治",
    "比上年",
    "同比",
];

static BODY_MATCHER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(BODY_WORDS)
            .expect("body words build an automaton")
    });

/// Body-word counts of one text (one pass of the body-word automaton).
struct Counts<'t> {
    text: &'t str,
    counts: [usize; BODY_WORDS.len()],
}

impl Counts<'_> {
    fn of(text: &str) -> Counts<'_> {
        let mut counts = [0usize; BODY_WORDS.len()];
        for m in BODY_MATCHER.find_overlapping_iter(text) {
            counts[m.pattern().as_usize()] += 1;
        }
        Counts { text, counts }
    }

    fn get(&self, needle: &str) -> usize {
        BODY_WORDS
            .iter()
            .position(|w| *w == needle)
            .map_or_else(|| self.text.matches(needle).count(), |i| self.counts[i])
    }
}

fn any_in(hay: &str, words: &[&str]) -> bool {
    words.iter().any(|w| hay.contains(w))
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
    let reports =
        any_in(&head, &["情况报告", "情况的报告", "工作报告", "年度报告", "工作总结", "统计公报"]);
    by_title(&head, &first_lines, &count, reports)
        .unwrap_or_else(|| by_body(&head, &first_lines, &count, reports))
}

/// A government work report by its structure: the title, even set with
/// spaces (政 府 工 作 报 告); or the address to the deputies (各位代表) with
/// the session line (——2020年1月15日在…人民代表大会…会议上) or the report
/// to the congress (向大会报告工作).
fn is_work_report(head: &str, count: &Counts) -> bool {
    let compact: String = head.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.contains("政府工作报告") {
        return true;
    }
    compact.contains("各位代表")
        && (count.get("政府工作报告") > 0
            || super::year::session_year(head).is_some()
            || compact.contains("向大会报告工作"))
}

/// What the title says the document is.
fn by_title(head: &str, first_lines: &str, count: &Counts, reports: bool) -> Option<DocType> {
    if is_work_report(head, count) {
        return Some(DocType::GovWorkReport);
    }
    if head.contains("统计公报") {
        return Some(DocType::StatCommunique);
    }
    // a plan or work programme announces itself in its title
    let plan_title =
        any_in(first_lines, &["工作方案", "实施方案", "工作要点", "行动方案", "行动计划", "规划"])
            && any_in(first_lines, &["印发", "关于"]);
    if plan_title && !reports {
        return Some(DocType::Plan);
    }
    // the title names the kind: information disclosure before rule of law
    // (a disclosure report mentions 法治政府建设 in passing, and vice versa)
    let disclosure_title =
        head.contains("信息公开") && any_in(head, &["年度报告", "工作报告", "情况报告"]);
    let law_title = any_in(head, &["法治政府建设", "依法行政", "法治建设", "行政执法"])
        && any_in(head, &["报告", "情况", "总结", "报告如下"]);
    match (disclosure_title, law_title) {
        (true, false) => Some(DocType::InfoDisclosureReport),
        (false, true) => Some(DocType::RuleOfLawReport),
        _ => None,
    }
}

/// What the body's words say when the title does not decide.
fn by_body(head: &str, first_lines: &str, count: &Counts, reports: bool) -> DocType {
    // a news item (来源/莅临/召开…) that does not report on itself is `other`
    let reports_itself = count.get("报告如下") > 0 || reports;
    if head.contains("政府信息公开条例") && count.get("主动公开") > 0 {
        return DocType::InfoDisclosureReport;
    }
    if any_in(first_lines, &["来源:", "来源：", "新闻", "要闻"]) && !reports_itself {
        return DocType::Other;
    }
    let disclosure = count.get("政府信息公开工作年度报告") > 0
        || count.get("政府信息公开") >= 3 && count.get("依申请") > 0;
    let law_words = count.get("法治政府建设") * 2
        + count.get("依法行政")
        + count.get("行政执法")
        + count.get("法治");
    if disclosure && count.get("法治政府建设") < count.get("政府信息公开") {
        return DocType::InfoDisclosureReport;
    }
    if count.get("法治政府建设") >= 3 || reports_itself && law_words >= 2 {
        return DocType::RuleOfLawReport;
    }
    // a statistical communiqué (or an excerpt of one): dense year-on-year comparisons
    let comparisons = count.get("比上年") + count.get("同比");
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
