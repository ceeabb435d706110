//! The kinds of report yardstick tells apart (what `kind` decides and `year`
//! reads a title by).

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
