//! What the text rules know about wording, read from
//! `datasets/rules/wording.toml` (bundled into the binary as the default)
//! and extended by a user's rules file: qualifier words, not-a-count
//! contexts, negations, carried-cue words, vetoes for every indicator, the
//! section headings that place figures in time and the words that say what a
//! value is (a milestone, a fall, a change, an estimate).

use super::fact::Qualifier;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The bundled wording, as shipped in `datasets/rules/wording.toml`.

#[derive(Debug, thiserror::Error)]
pub enum WordingError {
    #[error("cannot read rules file {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("rules file {path}: {message}")]
    Parse { path: String, message: String },
}

/// Read and parse a rules file of the datasets folder (unknown keys are
/// rejected by the type's own serde attributes).
pub fn read_rules<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, WordingError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|source| WordingError::Read { path: shown.clone(), source })?;
    toml::from_str(&text).map_err(|e| WordingError::Parse { path: shown, message: e.to_string() })
}

/// A short, stable hash of what a rules type holds (keys the extraction cache).
pub fn fingerprint_of<T: Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    blake3::hash(json.as_bytes()).to_hex()[..16].to_string()
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
    pub at_least_after: Vec<String>,
    pub approx_after: Vec<String>,
    pub at_most_after: Vec<String>,
}

impl QualifierWords {
    /// The bound the words ending `lead` give a number after them (at most
    /// first: 不超过 ends with 超过), or None.
    pub fn before(&self, lead: &str) -> Option<Qualifier> {
        let ends = |list: &[String]| list.iter().any(|w| lead.ends_with(w.as_str()));
        [
            (&self.at_most_before, Qualifier::AtMost),
            (&self.at_least_before, Qualifier::AtLeast),
            (&self.approx_before, Qualifier::Approx),
        ]
        .into_iter()
        .find_map(|(list, q)| ends(list).then_some(q))
    }

    /// The bound a word at the start of `tail` gives the number before it
    /// (3万余份, 20件以上, 5%左右), with the word's length in chars.
    pub fn after(&self, tail: &str) -> Option<(Qualifier, usize)> {
        [
            (&self.at_least_after, Qualifier::AtLeast),
            (&self.approx_after, Qualifier::Approx),
            (&self.at_most_after, Qualifier::AtMost),
        ]
        .into_iter()
        .find_map(|(list, q)| {
            let word = list.iter().find(|w| tail.starts_with(w.as_str()))?;
            Some((q, word.chars().count()))
        })
    }
}

/// Contexts in which a number is no count.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct NotACount {
    pub frequency_before: Vec<String>,
    pub durations_after_ge: Vec<String>,
    pub fixed_phrase_before: Vec<String>,
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

/// What the words right around a number say of its value: milestones,
/// falls, changes from one value to another, estimates.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Values {
    pub milestone_before: Vec<String>,
    pub fall_before: Vec<String>,
    pub fall_to: Vec<String>,
    pub change_from: Vec<String>,
    pub change_to: Vec<String>,
    pub estimate_before: Vec<String>,
}

/// Whose figure a number is: the words that may stand before a place named at
/// the head of a clause (其中, 同时) and that make it the clause's subject, and
/// the source words before a place at the head of a sentence (据) that make it
/// the source of the sentence's figures.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Subjects {
    pub clause_leads: Vec<String>,
    pub source_leads: Vec<String>,
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
    pub values: Values,
    pub subjects: Subjects,
}

fn parse(text: &str, path: &str) -> Result<Wording, WordingError> {
    toml::from_str(text)
        .map_err(|e| WordingError::Parse { path: path.into(), message: e.to_string() })
}

/// Add `more` to `base`: tables merge key by key, and a list gets the
/// words it does not hold yet, in their order (one rule for every list, so a
/// list added to the file is extended without code).
fn extend(base: &mut toml::Value, more: toml::Value) {
    match (base, more) {
        (toml::Value::Table(b), toml::Value::Table(m)) => {
            for (k, v) in m {
                match b.get_mut(&k) {
                    Some(slot) => extend(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (toml::Value::Array(b), toml::Value::Array(m)) => {
            for w in m {
                if w.as_str().is_some_and(|s| !s.is_empty()) && !b.contains(&w) {
                    b.push(w);
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

impl Wording {
    /// The wording of the datasets folder the binary was built with (library
    /// users and tests that load no engine).
    pub fn bundled() -> Wording {
        Wording::shipped().clone()
    }

    /// [`Wording::bundled`], read once.
    pub fn shipped() -> &'static Wording {
        static SHIPPED: std::sync::LazyLock<Wording> = std::sync::LazyLock::new(|| {
            let datasets = crate::vocabulary::built_with();
            Wording::load(&datasets).unwrap_or_else(|e| panic!("the built-with wording: {e}"))
        });
        &SHIPPED
    }

    /// The wording of a datasets folder (`rules/wording.toml`).
    pub fn load(datasets: &Path) -> Result<Wording, WordingError> {
        read_rules(&datasets.join("rules/wording.toml"))
    }

    /// Add a user's rules file: every list it names is extended.
    pub fn with_user_file(self, path: &Path) -> Result<Wording, WordingError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|source| WordingError::Read { path: shown.clone(), source })?;
        parse(&text, &shown)?; // its keys are checked against the schema first
        let bad = |e: toml::de::Error| WordingError::Parse {
            path: shown.clone(),
            message: e.to_string(),
        };
        let user: toml::Value = toml::from_str(&text).map_err(bad)?;
        let mut merged = toml::Value::try_from(&self)
            .map_err(|e| WordingError::Parse { path: shown.clone(), message: e.to_string() })?;
        extend(&mut merged, user);
        merged.try_into().map_err(bad)
    }

    /// A short hash of every word: part of the cache key.
    pub fn fingerprint(&self) -> String {
        fingerprint_of(self)
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
