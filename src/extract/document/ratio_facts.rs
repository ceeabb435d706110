//! Facts of the ratios a sentence states (三次产业结构为3.9:39.0:57.1): each
//! part the indicator in its place, a result of the report's year.

use super::{Pass, TEXT_ORIGIN};
use crate::extract::{Fact, FactKind, Rule, Shared};

impl Pass<'_> {
    pub(in crate::extract) fn ratio_facts(&self) -> Vec<Fact> {
        let catalog = &self.ex.catalog;
        let mut facts = Vec::new();
        for sentence in &self.sentences {
            let text = self.doc.norm.slice(sentence.start, sentence.end);
            let parts = self.ex.ratios.read(text);
            if parts.is_empty() {
                continue;
            }
            let evidence: Shared = self.evidence_of(sentence.start, sentence.end).into();
            for part in parts {
                let Some(ind) = catalog.get(&part.id).filter(|i| self.applies(i)) else { continue };
                let (s, e) =
                    self.doc.norm.orig_span(sentence.start + part.start, sentence.start + part.end);
                facts.push(
                    Fact::new(
                        &self.about,
                        ind,
                        part.value,
                        FactKind::Actual,
                        self.meta.report_year,
                        Rule::Ratio,
                    )
                    .with_span(s, e)
                    .with_evidence(evidence.clone())
                    .with_origin(TEXT_ORIGIN.clone()),
                );
            }
        }
        facts
    }
}
