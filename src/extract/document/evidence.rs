//! Evidence quoted for a fact: its sentence as written, a window of an
//! overlong one, or its table row; all bounded by [`MAX_EVIDENCE_CHARS`].

use super::{ClauseScope, Pass};
use crate::extract::Shared;

/// The longest evidence quoted: a longer sentence (reports' are under 400
/// characters) gives each fact a window of it around the value, and a longer
/// table row (nested tables lay a whole page into one row) is cut here, so
/// the facts table grows with facts, not with a hostile page's lines.
pub const MAX_EVIDENCE_CHARS: usize = 600;

impl Pass<'_> {
    /// The original text of a folded char span, trimmed (evidence quotes
    /// this), at most [`MAX_EVIDENCE_CHARS`] of it (then ended with …).
    pub(super) fn evidence_of(&self, start: usize, end: usize) -> String {
        let norm = &self.doc.norm;
        let (s, e) = norm.orig_span(start, end.min(norm.char_len()));
        let n = self.orig_chars.len();
        let (s, e) = (s.min(n), e.min(n));
        let cut = e.min(s + MAX_EVIDENCE_CHARS);
        let mut quote = self.orig_chars[s..cut].iter().collect::<String>().trim().to_string();
        if cut < e {
            quote.push('…');
        }
        quote
    }

    /// The evidence of a value at `start..end` of a clause in `scope`: its
    /// sentence, or in an overlong one the window of [`MAX_EVIDENCE_CHARS`]
    /// that holds the value (windows start every half window, so the value
    /// stands in the first half of its own; the facts of one window share it).
    pub(super) fn evidence_in(&self, scope: &ClauseScope, start: usize) -> Shared {
        if let Some(whole) = &scope.evidence {
            return whole.clone();
        }
        let (sentence, hop) = (scope.sentence, MAX_EVIDENCE_CHARS / 2);
        let from = sentence.start + (start.saturating_sub(sentence.start) / hop) * hop;
        let mut last = self.last_window.borrow_mut();
        if let Some((_, quote)) = last.as_ref().filter(|(at, _)| *at == from) {
            return quote.clone();
        }
        let to = (from + MAX_EVIDENCE_CHARS).min(sentence.end);
        let mut quote = self.evidence_of(from, to);
        if from > sentence.start {
            quote.insert(0, '…');
        }
        if to < sentence.end && !quote.ends_with('…') {
            quote.push('…');
        }
        let quote: Shared = quote.into();
        *last = Some((from, quote.clone()));
        quote
    }

    /// The 1-based line of char `at` of the folded text.
    pub(super) fn line_of(&self, at: usize) -> usize {
        self.lines.partition_point(|&(start, _)| start <= at).max(1)
    }
}
