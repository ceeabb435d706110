//! Region names as text writes them: the short forms of a full name
//! (常州市 → 常州, 凉山彝族自治州 → 凉山州), and the name rules of
//! `datasets/regions/names.toml` (national names, ethnic parts, common words,
//! context names).

use super::{GazetteerError, Level};
use crate::locate::words::{autonomous_short_ends, autonomous_suffixes, name_suffixes};
use serde::Deserialize;
use std::path::Path;

/// How names are matched (`datasets/regions/names.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameRules {
    /// words that name the national level
    pub national_names: Vec<String>,
    /// the ethnic parts of autonomous names, dropped to make short names
    pub ethnic_parts: Vec<String>,
    /// short names that are common words: a place only when written in full
    #[serde(default)]
    pub common_words: Vec<NameEntry>,
    /// real short names that are also words: a place only beside a parent
    #[serde(default)]
    pub context_names: Vec<NameEntry>,
    /// organisation words that follow a place name in an issuer (民政局)
    #[serde(default)]
    pub org_words: Vec<String>,
}

/// One listed word and why it is listed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameEntry {
    pub word: String,
    pub why: String,
}

impl NameRules {
    /// The rules file beside a gazetteer CSV.
    pub fn load(path: &Path) -> Result<NameRules, GazetteerError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| GazetteerError::Read(file.clone(), e.to_string()))?;
        toml::from_str(&text).map_err(|e| GazetteerError::Read(file, e.to_string()))
    }
}

/// Short forms of a region name, longest first; `ethnic` are the ethnic
/// parts of autonomous names (names.toml).
pub fn short_names(name: &str, level: Level, ethnic: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: &str| {
        if s.chars().count() >= 2 && s != name && !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    };
    for &suffix in name_suffixes() {
        if let Some(stem) = name.strip_suffix(suffix) {
            // strip the ethnic part of autonomous names: 凉山彝族自治州 → 凉山州, 凉山
            let mut base = stem.to_string();
            loop {
                let before = base.clone();
                for e in ethnic {
                    if let Some(b) = base.strip_suffix(e.as_str()) {
                        base = b.to_string();
                    }
                }
                if base == before {
                    break;
                }
            }
            // a county's base keeps at least two characters
            let long_enough = level != Level::County || base.chars().count() >= 2;
            let short_end = autonomous_suffixes().iter().position(|a| *a == suffix);
            if let Some(end) = short_end.and_then(|i| autonomous_short_ends().get(i)) {
                if long_enough {
                    push(&format!("{base}{end}"));
                }
            }
            if level != Level::County || base.chars().count() >= 2 {
                push(&base);
            }
            break;
        }
    }
    out
}
