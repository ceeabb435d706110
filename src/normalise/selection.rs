//! What to compare, as a chart spec, a job's table or the command line
//! states it, resolved against a panel (kind and year defaulted).

use super::peers::PeerQuery;
use crate::extract::FactKind;
use crate::frame::PanelRow;
use crate::locate::Level;

/// What to compare, as a chart spec, a job's table or the command line states it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection<'a> {
    pub year: Option<i32>,
    pub kind: Option<FactKind>,
    pub per: Option<f64>,
    pub level: Option<Level>,
    pub within: Option<&'a str>,
    pub focus: Option<&'a str>,
}

/// The query a selection means on this panel (kind and year defaulted); None when
/// the panel has no value of the indicator.
pub fn query(panel: &[PanelRow], indicator: &str, s: &Selection) -> Option<PeerQuery> {
    let (kind, year) = default_kind_year(panel, indicator, s.year, s.kind);
    let mut q = PeerQuery::new(indicator, year?);
    q.kind = kind;
    q.per = s.per;
    q.level = s.level;
    q.within = s.within.map(str::to_string);
    q.focus = s.focus.map(str::to_string);
    Some(q)
}

/// Which kind and year to compare when not given: actuals of the latest year
/// with actuals, else targets (a year that has only targets compares targets).
pub fn default_kind_year(
    panel: &[PanelRow],
    indicator: &str,
    year: Option<i32>,
    kind: Option<FactKind>,
) -> (FactKind, Option<i32>) {
    use FactKind::{Actual, Target};
    let latest = |k: FactKind| {
        panel.iter().filter(|r| r.indicator == indicator && r.kind == k).map(|r| r.year).max()
    };
    let has = |k: FactKind, y: i32| {
        panel.iter().any(|r| r.indicator == indicator && r.kind == k && r.year == y)
    };
    let kind = match (kind, year) {
        (Some(k), _) => k,
        (None, Some(y)) if has(Actual, y) => Actual,
        (None, Some(y)) if has(Target, y) => Target,
        (None, Some(_)) => Actual,
        (None, None) if latest(Actual).is_none() && latest(Target).is_some() => Target,
        (None, None) => Actual,
    };
    let year = year.or_else(|| latest(kind));
    (kind, year)
}
