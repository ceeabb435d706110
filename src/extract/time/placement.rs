//! Placing a value in time: its kind (actual, target, period), its year and
//! its period, from the zones of the document (context.rs), the year and
//! horizon words of its clause and sentence, and what kind of number it is.

use super::{plans, Zones, HORIZON, YEAR};
use crate::extract::words::{
    period_words, target_words, this_year_words, work_report_period_words,
};
use crate::extract::FactKind;
use crate::locate::DocType;

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
        period_words().iter().any(|w| self.near.contains(w))
            || self.work_report && work_report_period_words().iter().any(|w| self.near.contains(w))
    }

    fn in_zone(zone: &[(usize, usize)], pos: usize) -> bool {
        zone.iter().any(|(s, e)| (*s..*e).contains(&pos))
    }

    fn period(&self) -> Placement {
        let (near, pos) = (&self.near, self.site.pos);
        let (reviewed, new_plan) = plans(self.report_year);
        let period = match self.actual_year {
            Some(y)
                if new_plan.is_some_and(|p| near.contains(p))
                    || Self::in_zone(&self.zones.period, pos)
                        && !near.contains(reviewed)
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
            target_words().iter().chain(this_year_words()).any(|w| before.contains(w));
        if self.work_report && target_words {
            return placed(FactKind::Target, self.report_year);
        }
        placed(FactKind::Actual, self.actual_year)
    }
}
