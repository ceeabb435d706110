//! Discover: the quantity phrases a corpus states that the catalog does not
//! cover, grouped by the words before the number and its measure word, most
//! frequent first, with an example sentence each, so a researcher can see
//! which indicators to add to datasets/catalog.

use crate::extract::{quantities, segment};
use crate::ingest;
use crate::locate;
use crate::pipeline::Engine;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One uncovered phrase: the words before the number, the measure word, how often.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Phrase {
    pub phrase: String,
    pub unit: String,
    pub count: usize,
    /// number of documents it appears in
    pub documents: usize,
    pub example: String,
    pub example_source: String,
}

impl Phrase {
    /// The phrase with its text cells neutralised for a CSV (see `frame::csv_cell`).
    pub fn spreadsheet_safe(&self) -> Phrase {
        let safe = |s: &str| crate::frame::csv_cell::neutralise(s).into_owned();
        Phrase {
            phrase: safe(&self.phrase),
            example: safe(&self.example),
            example_source: safe(&self.example_source),
            ..self.clone()
        }
    }
}

/// The phrase key of a number: up to 10 chars before it in its clause, fillers stripped.
fn phrase_before(chars: &[char], clause_start: usize, num_start: usize) -> String {
    let from = num_start.saturating_sub(10).max(clause_start);
    let mut s: String =
        chars[from..num_start].iter().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(*c)).collect();
    loop {
        let before = s.clone();
        for f in crate::extract::words::discover_fillers() {
            if let Some(rest) = s.strip_prefix(f) {
                s = rest.to_string();
            }
            if let Some(rest) = s.strip_suffix(f) {
                s = rest.to_string();
            }
        }
        if s == before {
            break;
        }
    }
    s
}

/// An uncovered phrase: (phrase, unit, sentence).
type Uncovered = (String, String, String);

/// Uncovered quantity phrases of one text document.
fn uncovered(engine: &Engine, path: &Path) -> Vec<Uncovered> {
    let Ok(ingest::Input { content: ingest::Content::Text(doc), .. }) = ingest::open(path) else {
        return Vec::new();
    };
    let (meta, _) = locate::locate(&doc, engine.gazetteer());
    let (facts, _) = engine.extractor.extract(&doc, &meta);
    let chars: Vec<char> = doc.norm.text.chars().collect();
    let (sentences, clauses) = segment::segment(&chars);
    let covered: Vec<(usize, usize)> = facts.iter().map(|f| (f.span_start, f.span_end)).collect();
    let mut out = Vec::new();
    for q in quantities::find_quantities(&doc.norm.text, &engine.extractor.wording) {
        let (os, oe) = doc.norm.orig_span(q.start, q.end);
        if covered.iter().any(|&(s, e)| os < e && s < oe) {
            continue;
        }
        let Some(clause) = clauses.iter().find(|c| c.start <= q.num_start && q.num_start < c.end)
        else {
            continue;
        };
        let phrase = phrase_before(&chars, clause.start, q.num_start);
        if phrase.chars().count() < 2 {
            continue;
        }
        let s = sentences[clause.sentence];
        let sentence: String =
            chars[s.start..s.end].iter().collect::<String>().trim().chars().take(160).collect();
        out.push((phrase, q.unit.to_string(), sentence));
    }
    out
}

/// Uncovered phrases of all text inputs, most frequent first (ties by phrase).
pub fn discover(engine: &Engine, files: &[PathBuf]) -> Vec<Phrase> {
    let per_file: Vec<(String, Vec<Uncovered>)> = files
        .par_iter()
        .filter(|p| !ingest::Format::from_path(p).is_tabular())
        .map(|p| (p.display().to_string(), uncovered(engine, p)))
        .collect();
    let mut groups: BTreeMap<(String, String), Phrase> = BTreeMap::new();
    for (source, found) in per_file {
        let mut seen_here: Vec<(String, String)> = Vec::new();
        for (phrase, unit, sentence) in found {
            let key = (phrase.clone(), unit.clone());
            let g = groups.entry(key.clone()).or_insert_with(|| Phrase {
                phrase,
                unit,
                count: 0,
                documents: 0,
                example: sentence,
                example_source: source.clone(),
            });
            g.count += 1;
            if !seen_here.contains(&key) {
                g.documents += 1;
                seen_here.push(key);
            }
        }
    }
    let mut out: Vec<Phrase> = groups.into_values().collect();
    out.sort_by(|a, b| {
        b.documents
            .cmp(&a.documents)
            .then(b.count.cmp(&a.count))
            .then(a.phrase.cmp(&b.phrase))
            .then(a.unit.cmp(&b.unit))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_keys_drop_fillers() {
        let c: Vec<char> = "全年共办理养老服务补贴申请35件".chars().collect();
        assert_eq!(phrase_before(&c, 0, 15), "养老服务补贴申请");
        let c: Vec<char> = "累计完成12件".chars().collect();
        assert_eq!(phrase_before(&c, 0, 4), "");
    }
}
