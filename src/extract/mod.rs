//! Extract: turn a located document into facts, one folder per rule family,
//! each rule's tests beside it: `quantities` (the numeral grammar and what the
//! build takes as a value), `cues` (attaching quantities to catalog indicators by
//! cue words, ratios of parts), `tables` (tables in text, the disclosure
//! template, spreadsheets), `time` (each value's kind and year); `document`
//! runs them over one text, `checks` and `coverage` look at the result.

pub mod checks;
pub mod coverage;
pub mod cues;
mod document;
pub mod fact;
pub mod quantities;
pub mod segment;
pub mod tables;
pub mod time;
pub mod wording;
pub mod words;

use crate::catalog::Catalog;
use crate::diag::{Code, Diagnostic};
use crate::ingest::Document;
use crate::locate::DocMeta;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use cues::{ratios, CueHit};
pub use fact::{Fact, FactKind, Rule, RuleFamily, Shared, Subject};
pub use quantities::Qualifier;
use tables::template;
pub use wording::Wording;

/// The catalog compiled for matching; build once, share across threads.
pub struct Extractor {
    pub catalog: Catalog,
    /// the text rules' wording (bundled, plus a user's rules file)
    pub wording: Wording,
    /// where the national disclosure template's cells stand
    pub template: template::Template,
    /// figures stated as ratios of parts
    pub ratios: ratios::Ratios,
    cues: AhoCorasick,
    cue_indicator: Vec<usize>,
}

impl Extractor {
    /// An extractor with the bundled wording.
    pub fn new(catalog: Catalog) -> Extractor {
        Extractor::with_wording(catalog, Wording::bundled())
    }

    /// An extractor with `wording`; its vetoes for all indicators join each
    /// indicator's own.
    pub fn with_wording(mut catalog: Catalog, wording: Wording) -> Extractor {
        for ind in &mut catalog.indicators {
            for v in &wording.vetoes.all {
                if !ind.vetoes.contains(v) {
                    ind.vetoes.push(v.clone());
                }
            }
        }
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
        Extractor {
            catalog,
            wording,
            template: template::Template::bundled(),
            ratios: ratios::Ratios::bundled(),
            cues,
            cue_indicator,
        }
    }

    pub(crate) fn cue_hits(&self, text: &str, byte_at: &[u32]) -> Vec<CueHit> {
        let to_char = |b: usize| crate::ingest::fold::char_at_byte(byte_at, b);
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
        self.extract_in(doc, meta, None)
    }

    /// All facts of one document; with the gazetteer, a figure whose subject is
    /// another place (成都平原经济区经济总量…, 佛山成为…过万亿元的城市) is not the
    /// document region's.
    pub fn extract_in(
        &self,
        doc: &Document,
        meta: &DocMeta,
        gazetteer: Option<&crate::locate::Gazetteer>,
    ) -> (Vec<Fact>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        if !meta.doc_type.reports_results() {
            diags.push(Diagnostic::info(
                &doc.source,
                Code::ExtractPlan,
                "a plan or work programme states intentions, not results: no facts taken",
            ));
            return (Vec::new(), diags);
        }
        let pass = document::Pass::new(self, doc, meta, gazetteer);
        let (mut facts, stopped) = pass.text_facts();
        if let Some(at) = stopped {
            let msg = format!(
                "extraction stopped after {} s at char {at}: the rest of the text not read",
                document::DEADLINE.as_secs()
            );
            diags.push(Diagnostic::warning(&doc.source, Code::IngestCapped, msg));
        }
        facts.extend(pass.table_facts());
        facts.extend(pass.ratio_facts());
        let (cells, unplaced, breaks) = pass.template_facts();
        facts.extend(cells);
        for what in unplaced {
            diags.push(Diagnostic::warning(&doc.source, Code::TemplateUnplaced, what));
        }
        for what in breaks {
            diags.push(Diagnostic::warning(&doc.source, Code::CheckTemplate, what));
        }
        let (contradictions, table_readings) = self.template.text_table_conflicts(&facts);
        for what in contradictions {
            diags.push(Diagnostic::warning(&doc.source, Code::CheckTextTable, what));
        }
        facts.extend(table_readings);
        fact::settle(&mut facts);
        diags.extend(checks::check(&self.catalog, &doc.source, &facts));
        (facts, diags)
    }
}

pub(crate) fn regex_year_right_before(s: &str) -> Option<i32> {
    use regex::Regex;
    use std::sync::LazyLock;
    static Y: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})年(?:的|底|末)?\s*$").unwrap());
    Y.captures(s).and_then(|c| c[1].parse().ok())
}

/// Round away float noise from unit scaling (95.14350000000001 → 95.1435).
pub fn round_value(v: f64) -> f64 {
    // a whole number under 10^10 keeps all its digits: the sum below gives it back
    if v == 0.0 || !v.is_finite() || v.fract() == 0.0 && v.abs() < 1e10 {
        return v;
    }
    let digits = 10 - v.abs().log10().ceil() as i32;
    let p = 10f64.powi(digits.clamp(0, 30));
    (v * p).round() / p
}

#[cfg(test)]
mod tests;
