//! Attaching numbers to cue words within one clause: the nearest cue of a
//! fitting measure wins (cue before the number, else after it), unless
//! another value stands between them, a veto word applies, or the cue is a
//! topic in a list; 分别 pairs lists in order, and a subjectless clause
//! carries the indicator of the clause before.

use super::{is_baseline, is_subjectless, milestone, slice, unit_family, vetoed};
use super::{Attachment, CueHit, MAX_GAP_AFTER, MAX_GAP_BEFORE};
use crate::catalog::Catalog;
use crate::extract::quantities::{Qualifier, Quantity};
use crate::extract::segment::Clause;
use crate::extract::wording::{Carry, Values, Wording};
use crate::extract::words::{list_end_words, list_joiners, respectively_words};
use crate::extract::Rule;

/// One clause being attached: its quantities and cue words.
struct ClauseAttach<'a> {
    catalog: &'a Catalog,
    carry: &'a Carry,
    values: &'a Values,
    chars: &'a [char],
    clause: &'a Clause,
    quantities: &'a [(usize, &'a Quantity)],
}

/// Attach the quantities of one clause to indicators.
pub fn attach_clause(
    catalog: &Catalog,
    wording: &Wording,
    chars: &[char],
    clause: &Clause,
    quantities: &[(usize, &Quantity)],
    cues: &[CueHit],
    carried: &[usize],
) -> Vec<Attachment> {
    let (carry, values) = (&wording.carry, &wording.values);
    let cx = ClauseAttach { catalog, carry, values, chars, clause, quantities };
    if let Some(pairs) = cx.respectively(cues) {
        return pairs;
    }
    let mut out: Vec<Attachment> = Vec::new();
    for &(qi, q) in quantities {
        let best = cues
            .iter()
            .filter_map(|c| cx.cue_attachment(qi, q, c))
            .fold(None, |best: Option<Attachment>, a| match best {
                Some(b) if b.score <= a.score => Some(b),
                _ => Some(a),
            })
            .or_else(|| cx.carried_attachment(qi, q, carried));
        out.extend(best);
    }
    cx.one_value_per_cue(out)
}

impl ClauseAttach<'_> {
    fn quantity(&self, qi: usize) -> Option<&Quantity> {
        self.quantities.iter().find(|(i, _)| *i == qi).map(|(_, q)| *q)
    }

    /// 分别: 人大建议和政协提案分别为26件、23件 — cues and numbers paired in order.
    fn respectively(&self, cues: &[CueHit]) -> Option<Vec<Attachment>> {
        let (chars, clause) = (self.chars, self.clause);
        let text = slice(chars, clause.start, clause.end);
        let fenbie = respectively_words().iter().find_map(|w| text.find(w))?;
        let p = clause.start + text[..fenbie].chars().count();
        let after: Vec<&(usize, &Quantity)> =
            self.quantities.iter().filter(|(_, q)| q.start >= p).collect();
        // nested hits (调查失业率 inside 城镇调查失业率) are one cue
        let mut before: Vec<&CueHit> = cues
            .iter()
            .filter(|c| c.end <= p)
            .filter(|c| {
                !cues.iter().any(|o| {
                    (o.start, o.end) != (c.start, c.end) && o.start <= c.start && c.end <= o.end
                })
            })
            .collect();
        before.dedup_by_key(|c| (c.start, c.end, c.indicator));
        if after.len() < 2 || after.len() != before.len() {
            return None;
        }
        let fits = before
            .iter()
            .zip(&after)
            .all(|(c, (_, q))| self.catalog.indicators[c.indicator].accepts_counter(q.unit));
        if !fits {
            return None;
        }
        // two cues of one indicator (城镇登记失业率、调查失业率分别…): the value of
        // the catalog's preferred cue (listed first) is the indicator's
        let rank = |c: &CueHit| {
            let text = slice(chars, c.start, c.end);
            let cues = &self.catalog.indicators[c.indicator].cues;
            cues.iter().position(|x| *x == text).unwrap_or(cues.len())
        };
        let best =
            |c: &CueHit| !before.iter().any(|o| o.indicator == c.indicator && rank(o) < rank(c));
        let pairs = before.iter().zip(&after).filter(|(c, _)| best(c));
        Some(
            pairs
                .map(|(c, (qi, _))| Attachment {
                    quantity: *qi,
                    indicator: c.indicator,
                    rule: Rule::Respectively,
                    cue: Some(**c),
                    score: 0,
                })
                .collect(),
        )
    }

    /// The distance from cue to number (before: skipping 从… baselines), and
    /// whether the cue follows the number; None when they overlap.
    fn gap(&self, qi: usize, q: &Quantity, c: &CueHit) -> Option<(usize, bool)> {
        if c.end <= q.num_start {
            // a 从… baseline between cue and value does not count as distance
            let skipped: usize = self
                .quantities
                .iter()
                .filter(|(oi, o)| {
                    *oi != qi
                        && o.start >= c.end
                        && o.end <= q.num_start
                        && is_baseline(self.chars, self.clause, o, self.values)
                })
                .map(|(_, o)| o.end - o.start + 1)
                .sum();
            let pad = skipped + if skipped > 0 { 4 } else { 0 };
            Some(((q.num_start - c.end).saturating_sub(pad), false))
        } else if c.start >= q.end {
            Some((c.start - q.end, true))
        } else {
            None
        }
    }

    /// Another value of the same kind between cue and number takes the cue
    /// (a milestone bound before an exact value does not: 突破2万亿元、达到23562亿元).
    fn blocked(&self, qi: usize, q: &Quantity, lo: usize, hi: usize, follow: bool) -> bool {
        let (chars, clause) = (self.chars, self.clause);
        self.quantities.iter().any(|(oi, o)| {
            *oi != qi
                && o.start >= lo
                && o.end <= hi
                && unit_family(o.unit) == unit_family(q.unit)
                && !is_baseline(chars, clause, o, self.values)
                && !(milestone(chars, clause, o, self.values)
                    && q.qualifier == Qualifier::Exact
                    && !follow)
        })
    }

    /// The attachment of number `q` to cue `c`, with its score (lower is better).
    fn cue_attachment(&self, qi: usize, q: &Quantity, c: &CueHit) -> Option<Attachment> {
        let (chars, clause) = (self.chars, self.clause);
        let ind = &self.catalog.indicators[c.indicator];
        if !ind.accepts_counter(q.unit) {
            return None;
        }
        let (gap, follow) = self.gap(qi, q, c)?;
        if (!follow && gap > MAX_GAP_BEFORE) || (follow && gap > MAX_GAP_AFTER) {
            return None;
        }
        let (lo, hi) = if follow { (q.end, c.start) } else { (c.end, q.num_start) };
        if self.blocked(qi, q, lo, hi, follow) {
            return None;
        }
        // the veto window: the clause before the cue, to just after the value
        // (清理出…规范性文件共16份); or the value to just after a following cue
        // (29份行政规范性文件进行严格审查)
        let (ws, we) =
            if follow { (q.start.saturating_sub(2), c.end + 6) } else { (clause.start, q.end + 3) };
        if vetoed(ind, chars, clause, ws, we) {
            return None;
        }
        // a cue in a list of topics (行政执法、普法宣传等重点内容专题研究2次) names no count
        let next = slice(chars, c.end, (c.end + 1).min(clause.end));
        if !follow && list_end_words().contains(&next.as_str()) {
            return None;
        }
        // a following cue must be what is counted: 3场普法宣传活动, not 36个无证养老场所…
        let between = slice(chars, lo, hi);
        if follow && list_joiners().iter().any(|j| between.contains(j)) {
            return None;
        }
        let cue_len = (c.end - c.start) as i32;
        let score = gap as i32 + if follow { 4 } else { 0 } - 6 * ind.priority - cue_len.min(6) / 3;
        Some(Attachment {
            quantity: qi,
            indicator: c.indicator,
            rule: if follow { Rule::CueAfter } else { Rule::CueBefore },
            cue: Some(*c),
            score,
        })
    }

    /// A number with no cue of its own in a subjectless clause takes the
    /// indicator an earlier clause named (…受理5件，办结4件).
    fn carried_attachment(&self, qi: usize, q: &Quantity, carried: &[usize]) -> Option<Attachment> {
        if carried.is_empty() {
            return None;
        }
        let (chars, clause) = (self.chars, self.clause);
        let prefix = slice(chars, clause.start, q.num_start);
        // 1件正在期限内调查处理中: a status of some of the items, not another count
        let after = slice(chars, q.end, (q.end + 2).min(clause.end));
        let status = self.carry.status_after.iter().any(|w| after.starts_with(w.as_str()));
        if !is_subjectless(&prefix, &self.carry.subjectless) || status {
            return None;
        }
        let &ind = carried.iter().find(|&&i| self.catalog.indicators[i].accepts_counter(q.unit))?;
        Some(Attachment { quantity: qi, indicator: ind, rule: Rule::Carried, cue: None, score: 20 })
    }

    /// One cue names one value per indicator: an exact value over a bound
    /// (突破2万亿元、达到23562亿元), then the closest.
    fn one_value_per_cue(&self, mut out: Vec<Attachment>) -> Vec<Attachment> {
        out.sort_by_key(|a| {
            (self.quantity(a.quantity).is_some_and(|q| q.qualifier != Qualifier::Exact), a.score)
        });
        let mut used: Vec<(usize, usize)> = Vec::new();
        let baseline = |qi: usize| {
            self.quantity(qi).is_some_and(|q| is_baseline(self.chars, self.clause, q, self.values))
        };
        out.retain(|a| match a.cue {
            // a 从… starting value does not use up its cue: the value it changed to follows
            Some(_) if baseline(a.quantity) => true,
            Some(c) => {
                let key = (c.start, a.indicator);
                if used.contains(&key) {
                    false
                } else {
                    used.push(key);
                    true
                }
            }
            None => true,
        });
        out.sort_by_key(|a| a.quantity);
        out
    }
}
