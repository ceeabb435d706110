//! Text rules: attach each quantity to the indicator whose cue words name it
//! in the same clause (nearest cue first, vetoes, unit fit), carry a cue into
//! a clause that has no subject of its own, pair 分别 lists, and read zeros
//! stated in words (未收到…申请).

mod attach;
pub mod ratios;

use crate::catalog::{Catalog, Indicator, UnitFamily, Units};
use crate::extract::quantities::{Qualifier, Quantity};
use crate::extract::segment::Clause;
use crate::extract::wording::{Values, Zeros};
use crate::extract::words::{cause_words, flat_words};
use crate::extract::Rule;
use crate::vocabulary::VocabularyFile;
pub use attach::attach_clause;

/// A cue word found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    pub start: usize,
    pub end: usize,
    pub indicator: usize,
}

/// An attachment of a quantity to an indicator.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub quantity: usize,
    pub indicator: usize,
    pub rule: Rule,
    /// the cue used (None for zero statements without a quantity)
    pub cue: Option<CueHit>,
    pub score: i32,
}

pub(super) const MAX_GAP_BEFORE: usize = 16;
pub(super) const MAX_GAP_AFTER: usize = 12;

/// Whether only words that name no subject (`carry.subjectless` of the
/// wording) stand before a number: it may take a cue carried from an earlier clause.
pub(super) fn is_subjectless(prefix: &str, subjectless: &[String]) -> bool {
    let mut rest = prefix.trim().to_string();
    loop {
        let before = rest.len();
        rest = rest
            .trim_start_matches(|c: char| {
                c.is_ascii_punctuation() || c.is_whitespace() || "、，：".contains(c)
            })
            .to_string();
        for w in subjectless {
            if let Some(r) = rest.strip_prefix(w.as_str()) {
                rest = r.trim_start().to_string();
            }
        }
        // a year names when, not what (…翻一番，2020年达到7.3万亿元)
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits == 4 && rest[4..].starts_with('年') {
            rest = rest[4 + '年'.len_utf8()..].to_string();
        }
        if rest.len() == before {
            break;
        }
    }
    rest.chars().filter(|c| !c.is_ascii_punctuation() && !c.is_whitespace()).count() == 0
}

/// The family of a quantity's unit (the unit table's).
pub(super) fn unit_family(u: &str) -> UnitFamily {
    Units::active().family(u)
}

pub(super) fn slice(chars: &[char], s: usize, e: usize) -> String {
    chars[s.min(e)..e.min(chars.len())].iter().collect()
}

/// Does a veto word of `ind` stand in the window around this attachment?
pub(super) fn vetoed(
    ind: &Indicator,
    chars: &[char],
    clause: &Clause,
    win_start: usize,
    win_end: usize,
) -> bool {
    if ind.vetoes.is_empty() {
        return false;
    }
    let w = slice(chars, win_start.max(clause.start), win_end.min(clause.end));
    ind.vetoes.iter().any(|v| w.contains(v.as_str()))
}

/// A round milestone passed on the way to the exact value: 突破2万亿元 (、达到23562亿元).
pub(super) fn milestone(chars: &[char], clause: &Clause, q: &Quantity, words: &Values) -> bool {
    let lead = slice(chars, q.num_start.saturating_sub(3).max(clause.start), q.num_start);
    q.qualifier == Qualifier::AtLeast && words.milestone_before.iter().any(|w| lead.ends_with(w))
}

/// Is this quantity the starting value of a 从…到… comparison?
pub fn is_baseline(chars: &[char], clause: &Clause, q: &Quantity, words: &Values) -> bool {
    let before = slice(chars, q.num_start.saturating_sub(10).max(clause.start), q.num_start);
    let after = slice(chars, q.end, (q.end + 6).min(clause.end));
    words.change_from.iter().any(|w| before.contains(w.as_str()))
        && words.change_to.iter().any(|w| after.contains(w.as_str()))
}

/// Is this quantity the end value of a 从…到… change (从3826.5亿元增长到4398.6亿元)?
pub fn is_change_end(chars: &[char], clause: &Clause, q: &Quantity, words: &Values) -> bool {
    let before = slice(chars, q.num_start.saturating_sub(24).max(clause.start), q.num_start);
    words.change_from.iter().any(|w| before.contains(w.as_str()))
        && words.change_to.iter().any(|w| before.ends_with(w.as_str()))
}

/// Zeros stated in words (未收到…申请): the negations and outcome words
/// (未发生…败诉案件 says nothing about how many cases there were) are the
/// wording's `zeros`.
pub fn zero_statements(
    catalog: &Catalog,
    words: &Zeros,
    chars: &[char],
    clause: &Clause,
    cues: &[CueHit],
    has_quantity: bool,
) -> Vec<(usize, CueHit)> {
    // cheap checks first: most clauses have no zero-capable cue or no negation
    if has_quantity || !cues.iter().any(|c| catalog.indicators[c.indicator].zero) {
        return Vec::new();
    }
    let text = slice(chars, clause.start, clause.end);
    let has = |list: &[String]| list.iter().any(|w| text.contains(w.as_str()));
    if !has(&words.negations) || has(&words.outcomes) {
        return Vec::new();
    }
    let mut out: Vec<(usize, CueHit)> = Vec::new();
    for neg in &words.negations {
        for (b, _) in text.match_indices(neg.as_str()) {
            let n = clause.start + text[..b].chars().count();
            let after_neg = n + neg.chars().count();
            let mut cause_pending = {
                let lead = slice(chars, after_neg, (after_neg + 3).min(clause.end));
                cause_words().iter().any(|w| lead.contains(w))
            };
            let window = if cause_pending { 32 } else { 14 };
            let mut hits: Vec<&CueHit> = cues
                .iter()
                .filter(|c| c.start >= after_neg && c.start <= after_neg + window)
                .collect();
            hits.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
            let mut last_end = 0;
            for c in hits {
                if c.start < last_end {
                    continue; // a shorter cue inside one already taken
                }
                last_end = c.end;
                if cause_pending {
                    cause_pending = false;
                    continue;
                }
                let ind = &catalog.indicators[c.indicator];
                if ind.zero && !out.iter().any(|(i, _)| *i == c.indicator) {
                    out.push((c.indicator, *c));
                }
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// A rate stated as unchanged (居民消费价格与上年持平): the indicators whose
/// percent cue stands just before 持平 in a clause without a number.
pub fn flat_statements(
    catalog: &Catalog,
    chars: &[char],
    clause: &Clause,
    cues: &[CueHit],
    has_quantity: bool,
) -> Vec<(usize, CueHit)> {
    if has_quantity {
        return Vec::new();
    }
    let text = slice(chars, clause.start, clause.end);
    let Some(b) = flat_words().iter().find_map(|w| text.find(w)) else { return Vec::new() };
    let flat_at = clause.start + text[..b].chars().count();
    cues.iter()
        .filter(|c| {
            catalog.indicators[c.indicator].is_percent() && c.end <= flat_at && flat_at - c.end <= 8
        })
        .map(|c| (c.indicator, *c))
        .take(1)
        .collect()
}

/// Sign of a percentage from the verb before it: 下降4.1% → −4.1.
pub fn signed_value(chars: &[char], clause: &Clause, q: &Quantity, words: &Values) -> f64 {
    if unit_family(q.unit) != UnitFamily::Percent {
        return q.value;
    }
    let lead = slice(chars, q.num_start.saturating_sub(4).max(clause.start), q.num_start);
    let has = |list: &[String]| list.iter().any(|w| lead.contains(w.as_str()));
    if has(&words.fall_before) && !has(&words.fall_to) {
        -q.value
    } else {
        q.value
    }
}

/// Default qualifier wording that sits outside the quantity: 控制在5.5%以内 handled by the quantity itself.
pub fn qualifier_of(q: &Quantity) -> Qualifier {
    q.qualifier
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjectless_prefixes() {
        let bundled = crate::extract::wording::Wording::bundled().carry.subjectless;
        assert!(is_subjectless("按可比价格计算,比上年增长", &bundled));
        assert!(is_subjectless("总量首次突破", &bundled));
        assert!(!is_subjectless("规上工业增加值增长", &bundled));
        assert!(!is_subjectless("其中通过网络平台接收", &bundled));
    }
}
