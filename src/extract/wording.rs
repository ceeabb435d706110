//! What the text rules know about wording, read from
//! `datasets/rules/wording.toml` (bundled into the binary as the default)
//! and extended by a user's rules file: qualifier words, not-a-count
//! contexts, negations, carried-cue words, vetoes for every indicator and
//! the section headings that place figures in time.

use serde::{Deserialize, Serialize};
use std::path::Path;

/// The bundled wording, as shipped in `datasets/rules/wording.toml`.
const BUNDLED: &str = include_str!("../../datasets/rules/wording.toml");

#[derive(Debug, thiserror::Error)]
pub enum WordingError {
    #[error("cannot read rules file {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("rules file {path}: {message}")]
    Parse { path: String, message: String },
}

/// Words that veto any cue of their clause.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Vetoes {
    pub all: Vec<String>,
}

/// Words before a number that bound it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct QualifierWords {
    pub at_least_before: Vec<String>,
    pub approx_before: Vec<String>,
    pub at_most_before: Vec<String>,
}

/// Contexts in which a number is no count.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct NotACount {
    pub unit_words: Vec<String>,
    pub frequency_before: Vec<String>,
    pub durations_after_ge: Vec<String>,
}

/// Zeros stated in words.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Zeros {
    pub negations: Vec<String>,
    pub outcomes: Vec<String>,
}

/// Cues carried from an earlier clause.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Carry {
    pub subjectless: Vec<String>,
    pub status_after: Vec<String>,
}

/// Section headings and paragraph openings that say what a report's
/// figures are for (this year's targets, a five-year review, last year).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Sections {
    pub review_headings: Vec<String>,
    pub this_year_headings: Vec<String>,
    pub plan_headings: Vec<String>,
    pub target_markers: Vec<String>,
    pub targets_achieved: Vec<String>,
    pub five_year_openings: Vec<String>,
    pub last_year_openings: Vec<String>,
}

/// Everything in a rules file.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Wording {
    pub vetoes: Vetoes,
    pub qualifiers: QualifierWords,
    pub not_a_count: NotACount,
    pub zeros: Zeros,
    pub carry: Carry,
    pub sections: Sections,
}

fn parse(text: &str, path: &str) -> Result<Wording, WordingError> {
    toml::from_str(text)
        .map_err(|e| WordingError::Parse { path: path.into(), message: e.to_string() })
}

/// Add the words of `more` not yet in `list`, in their order.
fn extend(list: &mut Vec<String>, more: Vec<String>) {
    for w in more {
        if !w.is_empty() && !list.contains(&w) {
            list.push(w);
        }
    }
}

impl Wording {
    /// The wording shipped with the engine.
    pub fn bundled() -> Wording {
        parse(BUNDLED, "datasets/rules/wording.toml").expect("the bundled wording parses")
    }

    /// The wording of a datasets folder (`rules/wording.toml`), else the bundled one.
    pub fn load(datasets: &Path) -> Result<Wording, WordingError> {
        let path = datasets.join("rules/wording.toml");
        match std::fs::read_to_string(&path) {
            Ok(text) => parse(&text, &path.display().to_string()),
            Err(_) => Ok(Wording::bundled()),
        }
    }

    /// Add a user's rules file: every list it names is extended.
    pub fn with_user_file(mut self, path: &Path) -> Result<Wording, WordingError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|source| WordingError::Read { path: shown.clone(), source })?;
        let user = parse(&text, &shown)?;
        extend(&mut self.vetoes.all, user.vetoes.all);
        let (q, u) = (&mut self.qualifiers, user.qualifiers);
        extend(&mut q.at_least_before, u.at_least_before);
        extend(&mut q.approx_before, u.approx_before);
        extend(&mut q.at_most_before, u.at_most_before);
        let (n, u) = (&mut self.not_a_count, user.not_a_count);
        extend(&mut n.unit_words, u.unit_words);
        extend(&mut n.frequency_before, u.frequency_before);
        extend(&mut n.durations_after_ge, u.durations_after_ge);
        extend(&mut self.zeros.negations, user.zeros.negations);
        extend(&mut self.zeros.outcomes, user.zeros.outcomes);
        extend(&mut self.carry.subjectless, user.carry.subjectless);
        extend(&mut self.carry.status_after, user.carry.status_after);
        let (c, u) = (&mut self.sections, user.sections);
        extend(&mut c.review_headings, u.review_headings);
        extend(&mut c.this_year_headings, u.this_year_headings);
        extend(&mut c.plan_headings, u.plan_headings);
        extend(&mut c.target_markers, u.target_markers);
        extend(&mut c.targets_achieved, u.targets_achieved);
        extend(&mut c.five_year_openings, u.five_year_openings);
        extend(&mut c.last_year_openings, u.last_year_openings);
        Ok(self)
    }

    /// A short hash of every word: part of the cache key.
    pub fn fingerprint(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        blake3::hash(json.as_bytes()).to_hex()[..16].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_file_is_the_datasets_file() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets");
        assert_eq!(Wording::load(&root).unwrap(), Wording::bundled());
        assert!(Wording::bundled().zeros.negations.contains(&"未收到".to_string()));
    }

    #[test]
    fn a_user_file_extends_the_lists_and_unknown_keys_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("mine.toml");
        std::fs::write(
            &p,
            "[vetoes]\nall = [\"拟\"]\n[zeros]\nnegations = [\"未收到\", \"从未\"]\n",
        )
        .unwrap();
        let w = Wording::bundled().with_user_file(&p).unwrap();
        assert_eq!(w.vetoes.all, vec!["拟".to_string()]);
        assert_eq!(w.zeros.negations.iter().filter(|n| *n == "未收到").count(), 1);
        assert!(w.zeros.negations.ends_with(&["从未".to_string()]));
        assert_ne!(w.fingerprint(), Wording::bundled().fingerprint());
        std::fs::write(&p, "[vetos]\nall = [\"拟\"]\n").unwrap();
        let e = Wording::bundled().with_user_file(&p).unwrap_err().to_string();
        assert!(e.contains("vetos") && e.contains("mine.toml"), "{e}");
    }
}
