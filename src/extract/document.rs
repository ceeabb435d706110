//! One pass over one text document: clauses are walked in order, the
//! quantities and cue words of each clause are attached (rules.rs), placed in
//! time (context.rs), and tables are read row by row (tables.rs).

use super::cues::{self, CueHit};
use super::quantities::{self, Quantity};
use super::segment::{self, Clause, Span};
use super::{round_value, tables, time, Extractor, Fact, FactKind, Rule, Shared, Subject};
use crate::catalog::{Indicator, Measure};
use crate::ingest::Document;
use crate::locate::{DocMeta, Gazetteer};
use std::sync::LazyLock;

mod applicable;
mod evidence;
mod ratio_facts;
mod table_facts;

pub use evidence::MAX_EVIDENCE_CHARS;

/// A document prepared for extraction: its chars, clauses, quantities and cues.
pub(super) struct Pass<'a> {
    ex: &'a Extractor,
    doc: &'a Document,
    meta: &'a DocMeta,
    about: Subject,
    chars: Vec<char>,
    orig_chars: Vec<char>,
    sentences: Vec<Span>,
    /// the last window of an overlong sentence quoted (its start and text)
    last_window: std::cell::RefCell<Option<(usize, Shared)>>,
    clauses: Vec<Clause>,
    quantities: Vec<Quantity>,
    hits: Vec<CueHit>,
    zones: time::Zones,
    /// (start char, line) of every line of the folded text
    lines: Vec<(usize, &'a str)>,
    /// char ranges of the lines that are tables (read by the table reader only)
    table_ranges: Vec<(usize, usize)>,
    /// places named in the text that are not the document's region nor above
    /// it: (start, end) chars
    foreign: Vec<(usize, usize)>,
}

/// The origin of a text fact, one string shared by all of them.
static TEXT_ORIGIN: LazyLock<Shared> = LazyLock::new(|| "text".into());
/// The origin of a result the report only estimates (预计).
static ESTIMATE_ORIGIN: LazyLock<Shared> = LazyLock::new(|| {
    format!("text (estimate: {})", super::words::estimate_marks().join(", ")).into()
});

/// The longest one document's text is walked: a worker is never held longer
/// by one file (the rest is left out with an `ingest.capped` warning).
pub const DEADLINE: std::time::Duration = std::time::Duration::from_secs(60);

/// What the clauses of one sentence share while they are walked.
struct ClauseScope {
    /// the sentence as written, shared by its facts (None when it is longer
    /// than [`MAX_EVIDENCE_CHARS`]: each fact then quotes a window of it)
    evidence: Option<Shared>,
    sentence: Span,
    prev_clause: String,
    sentence_start: usize,
}

impl<'a> Pass<'a> {
    pub(super) fn new(
        ex: &'a Extractor,
        doc: &'a Document,
        meta: &'a DocMeta,
        gazetteer: Option<&Gazetteer>,
    ) -> Pass<'a> {
        let norm = &doc.norm;
        let chars: Vec<char> = norm.text.chars().collect();
        let (sentences, clauses) = segment::segment(&chars);
        let mut lines: Vec<(usize, &str)> = Vec::new();
        let mut pos = 0usize;
        for l in norm.text.split('\n') {
            lines.push((pos, l));
            pos += l.chars().count() + 1;
        }
        let table_ranges = lines
            .iter()
            .filter(|(_, l)| tables::is_table_line(l))
            .map(|(s, l)| (*s, s + l.chars().count()))
            .collect();
        Pass {
            ex,
            doc,
            meta,
            about: subject_of(doc, meta),
            orig_chars: doc.original.chars().collect(),
            sentences,
            last_window: std::cell::RefCell::new(None),
            clauses,
            quantities: quantities::find_quantities(&norm.text, &ex.wording),
            hits: applicable::applicable_hits(ex, meta, ex.cue_hits(&norm.text, &norm.byte_at)),
            zones: time::zones(&norm.text, meta.doc_type, meta.report_year, &ex.wording.sections),
            lines,
            table_ranges,
            foreign: gazetteer.map(|_| meta.foreign_places.clone()).unwrap_or_default(),
            chars,
        }
    }

    /// Is a place other than the document's region the subject of the number
    /// at `num_start`: named at the head of its clause (佛山成为…, 荆州、黄冈经济总量…),
    /// not inside a word further on (新增城镇 holds 增城)?
    fn foreign_subject(&self, clause: &Clause, num_start: usize) -> bool {
        let from = self.foreign.partition_point(|p| p.0 < clause.start);
        let Some(&(start, end)) = self.foreign.get(from) else { return false };
        if end > num_start {
            return false;
        }
        let lead = self.ideographs(clause.start, start);
        lead.is_empty() || self.ex.wording.subjects.clause_leads.contains(&lead)
    }

    /// Is the sentence sourced from a place other than the document's region,
    /// named at its head after a source word (据凯里市城市物价抽样调查，…)?
    fn foreign_source(&self, clause: &Clause, sentence_start: usize) -> bool {
        let from = self.foreign.partition_point(|p| p.0 < sentence_start);
        let Some(&(start, _)) = self.foreign.get(from).filter(|p| p.1 <= clause.start) else {
            return false;
        };
        let lead = self.ideographs(sentence_start, start);
        self.ex.wording.subjects.source_leads.contains(&lead)
    }

    /// The ideographs between two char offsets (the words before a name).
    fn ideographs(&self, s: usize, e: usize) -> String {
        self.chars[s..e].iter().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(*c)).collect()
    }

    /// Does one of the cue's vetoes follow it in its clause?
    fn vetoed_after(&self, cue: &CueHit, clause: &Clause) -> bool {
        let rest = self.text_of(cue.end, clause.end);
        self.ex.catalog.indicators[cue.indicator].vetoes.iter().any(|v| rest.contains(v.as_str()))
    }

    /// Is `p` inside a table line (the ranges are sorted and disjoint)?
    fn in_table(&self, p: usize) -> bool {
        let i = self.table_ranges.partition_point(|&(s, _)| s <= p);
        i > 0 && p < self.table_ranges[i - 1].1
    }

    fn text_of(&self, s: usize, e: usize) -> String {
        self.chars[s.min(self.chars.len())..e.min(self.chars.len())].iter().collect()
    }

    fn applies(&self, ind: &Indicator) -> bool {
        ind.applies_to(self.meta.doc_type.as_str())
    }

    /// Facts of the running text, clause by clause; stops at [`DEADLINE`]
    /// (the char where it stopped is returned, for a diagnostic).
    pub(super) fn text_facts(&self) -> (Vec<Fact>, Option<usize>) {
        let started = std::time::Instant::now();
        let mut facts = Vec::new();
        let (mut qi, mut hi) = (0usize, 0usize);
        let mut carried: Vec<usize> = Vec::new();
        let mut carried_sentence = usize::MAX;
        for (ci, clause) in self.clauses.iter().enumerate() {
            if ci % 4096 == 4095 && started.elapsed() > DEADLINE {
                return (facts, Some(clause.start));
            }
            while qi < self.quantities.len() && self.quantities[qi].start < clause.start {
                qi += 1;
            }
            // a cue written across a comma (其中,出口) belongs to the clause it ends in
            while hi < self.hits.len() && self.hits[hi].end <= clause.start {
                hi += 1;
            }
            if clause.sentence != carried_sentence {
                carried.clear();
                carried_sentence = clause.sentence;
            }
            if self.in_table(clause.start) {
                continue;
            }
            let qs = self.clause_quantities(clause, qi);
            let cues = self.clause_cues(clause, hi);
            if qs.is_empty() && cues.is_empty() {
                continue; // nothing to attach, nothing to carry
            }
            let scope = self.scope_of(ci, clause);
            let used = self.attached_facts(clause, &qs, &cues, &carried, &scope, &mut facts);
            self.stated_zeros(clause, &cues, !qs.is_empty(), &scope, &mut facts);
            // cues of this clause may carry into the next clause of the sentence
            let mut next_carry = used;
            // (not past its veto: 地区生产总值生产安全事故死亡率为0.013人，下降12.2%)
            for c in &cues {
                if !next_carry.contains(&c.indicator) && !self.vetoed_after(c, clause) {
                    next_carry.push(c.indicator);
                }
            }
            if !next_carry.is_empty() {
                carried = next_carry;
            }
        }
        (facts, None)
    }

    fn clause_quantities(&self, clause: &Clause, from: usize) -> Vec<(usize, &Quantity)> {
        self.quantities[from..]
            .iter()
            .enumerate()
            .take_while(|(_, q)| q.start < clause.end)
            .filter(|(_, q)| q.end <= clause.end)
            .map(|(i, q)| (from + i, q))
            .collect()
    }

    fn clause_cues(&self, clause: &Clause, from: usize) -> Vec<CueHit> {
        self.hits[from..]
            .iter()
            .take_while(|h| h.start < clause.end)
            .filter(|h| h.end > clause.start && h.end <= clause.end)
            .copied()
            .collect()
    }

    fn scope_of(&self, ci: usize, clause: &Clause) -> ClauseScope {
        let sentence = self.sentences[clause.sentence];
        let prev_clause = self.clauses[..ci]
            .iter()
            .rev()
            .take_while(|c| c.sentence == clause.sentence)
            .find(|c| c.end <= clause.start)
            .map(|c| self.text_of(c.start, c.end))
            .unwrap_or_default();
        let whole = sentence.end - sentence.start <= MAX_EVIDENCE_CHARS;
        ClauseScope {
            evidence: whole.then(|| self.evidence_of(sentence.start, sentence.end).into()),
            sentence,
            prev_clause,
            sentence_start: sentence.start,
        }
    }

    /// Where in time a value at `at` stands (kind, year, period).
    fn placement(
        &self,
        clause: &Clause,
        at: usize,
        scope: &ClauseScope,
        stock: time::Stock,
    ) -> time::Placement {
        let site = time::Site {
            pos: at,
            clause_before: &self.text_of(clause.start, at),
            prev_clause: &scope.prev_clause,
            sentence_before: &self.text_of(scope.sentence_start, at),
            stock,
        };
        time::place(&self.zones, self.meta.doc_type, self.meta.report_year, &site)
    }

    /// Facts of the numbers attached to cues in one clause; returns the indicators used.
    fn attached_facts(
        &self,
        clause: &Clause,
        qs: &[(usize, &Quantity)],
        cues: &[CueHit],
        carried: &[usize],
        scope: &ClauseScope,
        facts: &mut Vec<Fact>,
    ) -> Vec<usize> {
        let (catalog, values) = (&self.ex.catalog, &self.ex.wording.values);
        let mut used = Vec::new();
        for a in
            &cues::attach_clause(catalog, &self.ex.wording, &self.chars, clause, qs, cues, carried)
        {
            let q = &self.quantities[a.quantity];
            let ind = &catalog.indicators[a.indicator];
            if !self.applies(ind) {
                continue;
            }
            if self.foreign_subject(clause, q.num_start)
                || self.foreign_source(clause, scope.sentence_start)
            {
                continue;
            }
            let Some(placement) = self.quantity_placement(clause, q, ind, scope) else { continue };
            let raw = cues::signed_value(&self.chars, clause, q, values);
            let value = if ind.is_percent() { raw } else { raw / ind.scale() };
            let (s, e) = self.doc.norm.orig_span(q.start, q.end);
            // 预计全省生产总值增长6.6%左右: a result the report can only estimate yet
            let estimate = placement.kind == FactKind::Actual && {
                let lead = self.text_of(scope.sentence_start, q.num_start);
                values.estimate_before.iter().any(|w| lead.contains(w.as_str()))
            };
            let origin = if estimate { &*ESTIMATE_ORIGIN } else { &*TEXT_ORIGIN };
            facts.push(
                Fact::new(
                    &self.about,
                    ind,
                    round_value(value),
                    placement.kind,
                    placement.year,
                    a.rule,
                )
                .with_qualifier(cues::qualifier_of(q))
                .with_period(placement.period)
                .with_span(s, e)
                .with_evidence(self.evidence_in(scope, q.start))
                .with_origin(origin.clone()),
            );
            used.push(a.indicator);
        }
        used
    }

    /// The placement of a number; a baseline (从…增长到) only with a year of its own.
    fn quantity_placement(
        &self,
        clause: &Clause,
        q: &Quantity,
        ind: &Indicator,
        scope: &ClauseScope,
    ) -> Option<time::Placement> {
        let stock = if cues::is_change_end(&self.chars, clause, q, &self.ex.wording.values) {
            time::Stock::ChangeEnd
        } else if ind.measure == Measure::Amount {
            time::Stock::Level
        } else {
            time::Stock::Flow
        };
        if !cues::is_baseline(&self.chars, clause, q, &self.ex.wording.values) {
            return Some(self.placement(clause, q.start, scope, stock));
        }
        // 从3826.5亿元增长到4398.6亿元: the start value only with a year of its own
        let before = self.text_of(clause.start.max(q.num_start.saturating_sub(8)), q.num_start);
        super::regex_year_right_before(&before).map(|y| time::Placement {
            kind: FactKind::Actual,
            year: Some(y),
            period: String::new(),
        })
    }

    /// Zeros stated in words: 未收到…申请 (a count), 与上年持平 (a rate).
    fn stated_zeros(
        &self,
        clause: &Clause,
        cues: &[CueHit],
        has_numbers: bool,
        scope: &ClauseScope,
        facts: &mut Vec<Fact>,
    ) {
        let catalog = &self.ex.catalog;
        let zeros = cues::zero_statements(
            catalog,
            &self.ex.wording.zeros,
            &self.chars,
            clause,
            cues,
            has_numbers,
        )
        .into_iter()
        .map(|z| (z, Rule::ZeroStated));
        let flats = cues::flat_statements(catalog, &self.chars, clause, cues, has_numbers)
            .into_iter()
            .map(|z| (z, Rule::FlatStated));
        for ((ind_i, cue), rule) in zeros.chain(flats) {
            let ind = &catalog.indicators[ind_i];
            if !self.applies(ind) {
                continue;
            }
            let placement = self.placement(clause, cue.start, scope, time::Stock::Flow);
            // a target of 与上年持平 is relative (as high as last year), not a number
            if rule == Rule::FlatStated && placement.kind == FactKind::Target {
                continue;
            }
            let (s, e) = self.doc.norm.orig_span(cue.start, cue.end);
            facts.push(
                Fact::new(&self.about, ind, 0.0, placement.kind, placement.year, rule)
                    .with_period(placement.period)
                    .with_span(s, e)
                    .with_evidence(self.evidence_in(scope, cue.start))
                    .with_origin(TEXT_ORIGIN.clone()),
            );
        }
    }
}

/// The document's source and region as every fact of it carries them.
fn subject_of(doc: &Document, meta: &DocMeta) -> Subject {
    Subject {
        source: doc.source.as_str().into(),
        doc_id: doc.id.as_str().into(),
        region_code: meta.region_code.as_str().into(),
        region_name: meta.region_name.as_str().into(),
        level: meta.level,
    }
}
