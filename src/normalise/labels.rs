//! The words of charts and comparison tables (`charts/labels.toml` of the
//! datasets folder): titles, subtitles, legends, level names and per-capita
//! bases, each a template whose `{}` take values in order ([`fill`]).

use crate::vocabulary::{Active, VocabularyFile};
use std::fmt::Display;

/// Every label of the charts.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartLabels {
    pub target_kind: String,
    pub per_residents: String,
    pub rank_title: String,
    pub unit_line: String,
    pub population_years: String,
    pub region_count: String,
    pub focus_rank: String,
    pub level_province: String,
    pub level_prefecture: String,
    pub level_county: String,
    pub level_national: String,
    pub no_population: String,
    pub median_value: String,
    pub focus_legend: String,
    pub bounds_legend: String,
    pub others_legend: String,
    pub median_legend: String,
    pub target_title: String,
    pub target_subtitle: String,
    pub actual_of_year: String,
    pub target_of_year: String,
    pub no_actual: String,
    pub per_unit: String,
    pub trend_title: String,
    pub trend_subtitle: String,
    pub trend_bounds: String,
    pub one_year: String,
    pub year_span: String,
    pub sources_line: String,
    pub multiples_title: String,
    pub multiples_subtitle: String,
    pub multiples_per_capita: String,
    pub heatmap_title: String,
    pub heatmap_subtitle: String,
    pub per_ten_thousand: String,
    pub per_hundred_thousand: String,
    pub per_hundred_million: String,
}

impl VocabularyFile for ChartLabels {
    const FILE: &'static str = "charts/labels.toml";

    fn parse(text: &str) -> Result<ChartLabels, toml::de::Error> {
        toml::from_str(text)
    }

    fn slot() -> &'static Active<ChartLabels> {
        static SLOT: Active<ChartLabels> = Active::new();
        &SLOT
    }
}

/// The active labels.
pub fn labels() -> &'static ChartLabels {
    ChartLabels::active()
}

/// A template with its `{}` replaced by `values` in order (a missing value
/// leaves nothing).
pub fn fill(template: &str, values: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut parts = template.split("{}");
    out.push_str(parts.next().unwrap_or(""));
    for (i, part) in parts.enumerate() {
        if let Some(v) = values.get(i) {
            out.push_str(&v.to_string());
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_take_values_in_order() {
        assert_eq!(fill("；{}排第{}位", &[&"常州市", &3]), "；常州市排第3位");
        assert_eq!(labels().level_county, "县级");
    }
}
