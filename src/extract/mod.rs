//! Extract: turn a located document into facts. Quantities are found first,
//! then attached to catalog indicators by cue words (rules.rs), tables are read
//! row by row (tables.rs), each value gets its kind and year (context.rs), and
//! the result is checked for consistency (checks.rs).

pub mod checks;
pub mod context;
pub mod fact;
pub mod numerals;
pub mod quantity;
pub mod rules;
pub mod segment;
pub mod tables;

use crate::catalog::Catalog;
use crate::diag::Diagnostic;
use crate::ingest::Document;
use crate::locate::{DocMeta, DocType};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
pub use fact::{Fact, FactKind};
pub use quantity::Qualifier;
use rules::CueHit;

/// The catalog compiled for matching; build once, share across threads.
pub struct Extractor {
    pub catalog: Catalog,
    cues: AhoCorasick,
    cue_indicator: Vec<usize>,
}

impl Extractor {
    pub fn new(catalog: Catalog) -> Extractor {
        let mut patterns = Vec::new();
        let mut cue_indicator = Vec::new();
        for (i, ind) in catalog.indicators.iter().enumerate() {
            for c in &ind.cues {
                patterns.push(c.clone());
                cue_indicator.push(i);
            }
        }
        let cues = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            // a full DFA: built once per run, several times faster to search
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("catalog cues build an automaton");
        Extractor { catalog, cues, cue_indicator }
    }

    fn cue_hits(&self, text: &str, byte_at: &[u32]) -> Vec<CueHit> {
        let to_char = |b: usize| byte_at.binary_search(&(b as u32)).unwrap_or_else(|i| i);
        let mut hits: Vec<CueHit> = self
            .cues
            .find_overlapping_iter(text)
            .map(|m| CueHit {
                start: to_char(m.start()),
                end: to_char(m.end()),
                indicator: self.cue_indicator[m.pattern().as_usize()],
            })
            .collect();
        hits.sort_by_key(|h| (h.start, h.end, h.indicator));
        hits.dedup_by_key(|h| (h.start, h.end, h.indicator));
        hits
    }

    /// All facts of one document, plus consistency diagnostics.
    pub fn extract(&self, doc: &Document, meta: &DocMeta) -> (Vec<Fact>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        if !meta.doc_type.reports_results() {
            diags.push(Diagnostic::info(
                &doc.source,
                "extract.plan",
                "a plan or work programme states intentions, not results: no facts taken",
            ));
            return (Vec::new(), diags);
        }
        let norm = &doc.norm;
        let chars: Vec<char> = norm.text.chars().collect();
        let orig_chars: Vec<char> = doc.original.chars().collect();
        let (sentences, clauses) = segment::segment(&chars);
        let quantities = quantity::find_quantities(&norm.text, &norm.byte_at);
        let hits = self.cue_hits(&norm.text, &norm.byte_at);
        let zones = context::zones(&norm.text, meta.doc_type, meta.report_year);

        // lines that are tables are read by the table reader only
        let mut lines: Vec<(usize, &str)> = Vec::new();
        let mut pos = 0usize;
        for l in norm.text.split('\n') {
            lines.push((pos, l));
            pos += l.chars().count() + 1;
        }
        let table_ranges: Vec<(usize, usize)> = lines
            .iter()
            .filter(|(_, l)| tables::is_table_line(l))
            .map(|(s, l)| (*s, s + l.chars().count()))
            .collect();
        let in_table = |p: usize| table_ranges.iter().any(|&(s, e)| s <= p && p < e);

        let evidence_of = |start: usize, end: usize| -> String {
            let (s, e) = norm.orig_span(start, end.min(norm.char_len()));
            orig_chars[s.min(orig_chars.len())..e.min(orig_chars.len())]
                .iter()
                .collect::<String>()
                .trim()
                .to_string()
        };
        let text_of = |s: usize, e: usize| -> String {
            chars[s.min(chars.len())..e.min(chars.len())].iter().collect()
        };

        let mut facts = Vec::new();
        let mut qi = 0usize;
        let mut hi = 0usize;
        let mut carried: Vec<usize> = Vec::new();
        let mut carried_sentence = usize::MAX;
        for (ci, clause) in clauses.iter().enumerate() {
            while qi < quantities.len() && quantities[qi].start < clause.start {
                qi += 1;
            }
            while hi < hits.len() && hits[hi].start < clause.start {
                hi += 1;
            }
            if clause.sentence != carried_sentence {
                carried.clear();
                carried_sentence = clause.sentence;
            }
            if in_table(clause.start) {
                continue;
            }
            let qs: Vec<(usize, &quantity::Quantity)> = quantities[qi..]
                .iter()
                .enumerate()
                .take_while(|(_, q)| q.start < clause.end)
                .filter(|(_, q)| q.end <= clause.end)
                .map(|(i, q)| (qi + i, q))
                .collect();
            let cues: Vec<CueHit> = hits[hi..]
                .iter()
                .take_while(|h| h.start < clause.end)
                .filter(|h| h.end <= clause.end)
                .copied()
                .collect();
            if qs.is_empty() && cues.is_empty() {
                continue; // nothing to attach, nothing to carry
            }
            let sentence = sentences[clause.sentence];
            let evidence = evidence_of(sentence.start, sentence.end);
            let prev_clause = clauses[..ci]
                .iter()
                .rev()
                .take_while(|c| c.sentence == clause.sentence)
                .find(|c| c.end <= clause.start)
                .map(|c| text_of(c.start, c.end))
                .unwrap_or_default();

            let attachments =
                rules::attach_clause(&self.catalog, &chars, clause, &qs, &cues, &carried);
            let mut used_here: Vec<usize> = Vec::new();
            for a in &attachments {
                let q = &quantities[a.quantity];
                let ind = &self.catalog.indicators[a.indicator];
                if !ind.applies_to(meta.doc_type.as_str()) {
                    continue;
                }
                let before = text_of(clause.start, q.num_start);
                let stock = if rules::is_change_end(&chars, clause, q) {
                    context::Stock::ChangeEnd
                } else if ind.measure == crate::catalog::Measure::Amount {
                    context::Stock::Level
                } else {
                    context::Stock::Flow
                };
                let sentence_before = text_of(sentence.start, q.num_start);
                let mut placement = context::place(
                    &zones,
                    meta.doc_type,
                    meta.report_year,
                    q.start,
                    &before,
                    &prev_clause,
                    &sentence_before,
                    stock,
                );
                if rules::is_baseline(&chars, clause, q) {
                    // 从3826.5亿元增长到4398.6亿元: the start value only with a year of its own
                    let own_year = regex_year_right_before(&text_of(
                        clause.start.max(q.num_start.saturating_sub(8)),
                        q.num_start,
                    ));
                    match own_year {
                        Some(y) => {
                            placement = context::Placement {
                                kind: FactKind::Actual,
                                year: Some(y),
                                period: String::new(),
                            }
                        }
                        None => continue,
                    }
                }
                let raw = rules::signed_value(&chars, clause, q);
                let value = if ind.is_percent() { raw } else { raw / ind.scale() };
                let (s, e) = norm.orig_span(q.start, q.end);
                facts.push(Fact {
                    source: doc.source.clone(),
                    doc_id: doc.id.clone(),
                    region_code: meta.region_code.clone(),
                    region_name: meta.region_name.clone(),
                    level: meta.level.map(|l| l.as_str().to_string()).unwrap_or_default(),
                    indicator: ind.id.clone(),
                    value: round_value(value),
                    unit: ind.unit.clone(),
                    qualifier: rules::qualifier_of(q),
                    kind: placement.kind,
                    year: placement.year,
                    period: placement.period,
                    span_start: s,
                    span_end: e,
                    evidence: evidence.clone(),
                    rule: a.rule.to_string(),
                    origin: "text".into(),
                });
                used_here.push(a.indicator);
            }
            // zeros stated in words: 未收到…申请 (a count), 与上年持平 (a rate)
            let zeros =
                rules::zero_statements(&self.catalog, &chars, clause, &cues, !qs.is_empty())
                    .into_iter()
                    .map(|z| (z, "text.zero_stated"));
            let flats =
                rules::flat_statements(&self.catalog, &chars, clause, &cues, !qs.is_empty())
                    .into_iter()
                    .map(|z| (z, "text.flat_stated"));
            for ((ind_i, cue), rule) in zeros.chain(flats) {
                let ind = &self.catalog.indicators[ind_i];
                if !ind.applies_to(meta.doc_type.as_str()) {
                    continue;
                }
                let before = text_of(clause.start, cue.start);
                let sentence_before = text_of(sentence.start, cue.start);
                let placement = context::place(
                    &zones,
                    meta.doc_type,
                    meta.report_year,
                    cue.start,
                    &before,
                    &prev_clause,
                    &sentence_before,
                    context::Stock::Flow,
                );
                let (s, e) = norm.orig_span(cue.start, cue.end);
                facts.push(Fact {
                    source: doc.source.clone(),
                    doc_id: doc.id.clone(),
                    region_code: meta.region_code.clone(),
                    region_name: meta.region_name.clone(),
                    level: meta.level.map(|l| l.as_str().to_string()).unwrap_or_default(),
                    indicator: ind.id.clone(),
                    value: 0.0,
                    unit: ind.unit.clone(),
                    qualifier: Qualifier::Exact,
                    kind: placement.kind,
                    year: placement.year,
                    period: placement.period,
                    span_start: s,
                    span_end: e,
                    evidence: evidence.clone(),
                    rule: rule.into(),
                    origin: "text".into(),
                });
            }
            // cues of this clause may carry into the next clause of the sentence
            let mut next_carry: Vec<usize> = used_here;
            for c in &cues {
                if !next_carry.contains(&c.indicator) {
                    next_carry.push(c.indicator);
                }
            }
            if !next_carry.is_empty() {
                carried = next_carry;
            }
        }

        // tables
        let table_year = if meta.doc_type == DocType::GovWorkReport {
            meta.report_year.map(|y| y - 1)
        } else {
            meta.report_year
        };
        for tv in tables::read_tables(&self.catalog, &lines) {
            let ind = &self.catalog.indicators[tv.indicator];
            if !ind.applies_to(meta.doc_type.as_str()) {
                continue;
            }
            let (s, e) = norm.orig_span(tv.line_start, tv.line_end);
            facts.push(Fact {
                source: doc.source.clone(),
                doc_id: doc.id.clone(),
                region_code: meta.region_code.clone(),
                region_name: meta.region_name.clone(),
                level: meta.level.map(|l| l.as_str().to_string()).unwrap_or_default(),
                indicator: ind.id.clone(),
                value: tv.value,
                unit: ind.unit.clone(),
                qualifier: Qualifier::Exact,
                kind: FactKind::Actual,
                year: table_year,
                period: String::new(),
                span_start: s,
                span_end: e,
                evidence: evidence_of(tv.line_start, tv.line_end),
                rule: tv.rule.to_string(),
                origin: format!(
                    "table line {}",
                    text_of(0, tv.line_start).matches('\n').count() + 1
                ),
            });
        }

        // a zero stated in words gives way to a number for the same indicator
        let numbered: Vec<(String, Option<i32>, FactKind)> = facts
            .iter()
            .filter(|f| f.rule != "text.zero_stated" && f.value != 0.0)
            .map(|f| (f.indicator.clone(), f.year, f.kind))
            .collect();
        facts.retain(|f| {
            f.rule != "text.zero_stated"
                || !numbered.contains(&(f.indicator.clone(), f.year, f.kind))
        });
        // the same value found twice at the same place (text and table) is one fact
        facts.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        facts.dedup_by(|a, b| {
            a.indicator == b.indicator && a.span_start == b.span_start && a.value == b.value
        });

        diags.extend(checks::check(&self.catalog, &doc.source, &facts));
        (facts, diags)
    }
}

fn regex_year_right_before(s: &str) -> Option<i32> {
    use regex::Regex;
    use std::sync::LazyLock;
    static Y: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})年(?:的|底|末)?\s*$").unwrap());
    Y.captures(s).and_then(|c| c[1].parse().ok())
}

/// Round away float noise from unit scaling (95.14350000000001 → 95.1435).
pub fn round_value(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let digits = 10 - v.abs().log10().ceil() as i32;
    let p = 10f64.powi(digits.clamp(0, 12));
    (v * p).round() / p
}

#[cfg(test)]
mod tests;
