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
    let count = |needle: &str| text.matches(needle).count();
    if head.contains("政府工作报告") || (head.contains("各位代表") && count("政府工作报告") > 0) {
        return DocType::GovWorkReport;
    }
    if head.contains("统计公报") || head.contains("发展统计公报") {
        return DocType::StatCommunique;
    }
    // a plan or work programme announces itself in its title
    let plan_title = ["工作方案", "实施方案", "工作要点", "行动方案", "行动计划", "规划"]
        .iter()
        .any(|w| first_lines.contains(w) && (first_lines.contains("印发") || first_lines.contains("关于")));
    let reports = ["情况报告", "情况的报告", "工作报告", "年度报告", "工作总结", "统计公报"]
        .iter()
        .any(|w| head.contains(w));
    if plan_title && !reports {
        return DocType::Plan;
    }
    if head.contains("信息公开") && (head.contains("年度报告") || head.contains("工作报告"))
        || head.contains("政府信息公开条例") && count("主动公开") > 0
        || count("政府信息公开工作年度报告") > 0
    {
        return DocType::InfoDisclosureReport;
    }
    if head.contains("法治政府建设") || head.contains("依法行政") && head.contains("报告") || count("法治政府建设") >= 3 {
        return DocType::RuleOfLawReport;
    }
    if count("统计公报") > 0 && count("比上年") >= 3 {
        return DocType::StatCommunique;
    }
    if count("政府信息公开") >= 3 && count("依申请") > 0 {
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
        assert_eq!(classify("乌海市民政局2025年政府信息公开工作年度报告"), DocType::InfoDisclosureReport);
        assert_eq!(classify("5月市民热线办理情况通报"), DocType::Other);
    }
}
