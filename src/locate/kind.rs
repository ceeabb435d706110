//! Document kind from the title area and the text's own wording.

/// The kinds of report yardstick tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocType {
    RuleOfLawReport,
    InfoDisclosureReport,
    GovWorkReport,
    StatCommunique,
    Plan,
    Other,
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
    // every body word counted in one pass
    let mut counts = [0usize; BODY_WORDS.len()];
    for m in BODY_MATCHER.find_overlapping_iter(text) {
        counts[m.pattern().as_usize()] += 1;
    }
    let count = |needle: &str| {
        BODY_WORDS
            .iter()
            .position(|w| *w == needle)
            .map_or_else(|| text.matches(needle).count(), |i| counts[i])
    };
    let any_in = |hay: &str, words: &[&str]| words.iter().any(|w| hay.contains(w));
    if head.contains("政府工作报告") || (head.contains("各位代表") && count("政府工作报告") > 0)
    {
        return DocType::GovWorkReport;
    }
    if head.contains("统计公报") {
        return DocType::StatCommunique;
    }
    // a plan or work programme announces itself in its title
    let plan_title =
        any_in(&first_lines, &["工作方案", "实施方案", "工作要点", "行动方案", "行动计划", "规划"])
            && any_in(&first_lines, &["印发", "关于"]);
    let reports =
        any_in(&head, &["情况报告", "情况的报告", "工作报告", "年度报告", "工作总结", "统计公报"]);
    if plan_title && !reports {
        return DocType::Plan;
    }
    // the title names the kind: information disclosure before rule of law
    // (a disclosure report mentions 法治政府建设 in passing, and vice versa)
    let disclosure_title =
        head.contains("信息公开") && any_in(&head, &["年度报告", "工作报告", "情况报告"]);
    let law_title = any_in(&head, &["法治政府建设", "依法行政", "法治建设", "行政执法"])
        && any_in(&head, &["报告", "情况", "总结", "报告如下"]);
    if disclosure_title && !law_title {
        return DocType::InfoDisclosureReport;
    }
    if law_title && !disclosure_title {
        return DocType::RuleOfLawReport;
    }
    // a news item (来源/莅临/召开…) that does not report on itself is `other`
    let reports_itself = count("报告如下") > 0 || reports;
    let strong_disclosure = head.contains("政府信息公开条例") && count("主动公开") > 0;
    if strong_disclosure {
        return DocType::InfoDisclosureReport;
    }
    let news = any_in(&first_lines, &["来源:", "来源：", "新闻", "要闻"]) && !reports_itself;
    if news {
        return DocType::Other;
    }
    let disclosure =
        count("政府信息公开工作年度报告") > 0 || count("政府信息公开") >= 3 && count("依申请") > 0;
    let law_words =
        count("法治政府建设") * 2 + count("依法行政") + count("行政执法") + count("法治");
    if disclosure && count("法治政府建设") < count("政府信息公开") {
        return DocType::InfoDisclosureReport;
    }
    if count("法治政府建设") >= 3 || reports_itself && law_words >= 2 {
        return DocType::RuleOfLawReport;
    }
    // a statistical communiqué (or an excerpt of one): dense year-on-year comparisons
    let comparisons = count("比上年") + count("同比");
    if comparisons >= 4 && comparisons * 1500 >= text.len() {
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
