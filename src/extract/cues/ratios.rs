//! Figures stated as a ratio of parts: 三次产业结构为3.9:39.0:57.1 gives the
//! three industries' shares. Which sentences and which indicators is data
//! (`datasets/rules/ratios.toml`); the last ratio of the sentence is the
//! year's (an earlier one is the year before's: 由上年11.2∶40.3∶48.5调整为…).

use crate::extract::quantities::numerals::parse_arabic;
use crate::extract::wording::{fingerprint_of, read_rules, WordingError};
use std::path::Path;

/// The ratios the engine reads.
#[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ratios {
    #[serde(default)]
    ratio: Vec<Ratio>,
}

#[derive(Debug, Clone, serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
struct Ratio {
    cues: Vec<String>,
    ids: Vec<String>,
    /// what joins the parts (default `:` and `∶`)
    #[serde(default = "colons")]
    joiners: Vec<String>,
    /// the sentence must also hold one of these (none: no condition)
    #[serde(default)]
    requires_any: Vec<String>,
}

fn colons() -> Vec<String> {
    vec![":".into(), "∶".into()]
}

impl Ratio {
    /// Whether `sentence` states this ratio's parts.
    fn stated_in(&self, sentence: &str) -> bool {
        self.cues.iter().any(|c| sentence.contains(c.as_str()))
            && (self.requires_any.is_empty()
                || self.requires_any.iter().any(|w| sentence.contains(w.as_str())))
    }
}

/// One part of a ratio read in a sentence (char offsets in it).
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub id: String,
    pub value: f64,
    pub start: usize,
    pub end: usize,
}

impl Ratios {
    /// `rules/ratios.toml` of the datasets folder.
    pub fn load(datasets: &Path) -> Result<Ratios, WordingError> {
        read_rules(&datasets.join("rules/ratios.toml"))
    }

    /// What the ratios hold, hashed (keys the extraction cache).
    pub fn fingerprint(&self) -> String {
        fingerprint_of(self)
    }

    /// The ratios of the datasets folder the binary was built with (library
    /// users and tests that load no engine).
    pub fn bundled() -> Ratios {
        Ratios::load(&crate::vocabulary::built_with())
            .unwrap_or_else(|e| panic!("the built-with ratios: {e}"))
    }

    /// The parts of the last ratio in `sentence` whose cue it holds.
    pub fn read(&self, sentence: &str) -> Vec<Part> {
        let Some(r) = self.ratio.iter().find(|r| r.stated_in(sentence)) else {
            return Vec::new();
        };
        let chars: Vec<char> = sentence.chars().collect();
        let joiners: Vec<Vec<char>> = r.joiners.iter().map(|j| j.chars().collect()).collect();
        let runs = number_runs(&chars, r.ids.len(), &joiners);
        let Some(parts) = runs.last() else { return Vec::new() };
        r.ids
            .iter()
            .zip(parts)
            .map(|(id, &(value, start, end))| Part { id: id.clone(), value, start, end })
            .collect()
    }
}

/// Runs of exactly `n` numbers joined by one of `joiners` (spaces allowed, a
/// `%` after each number allowed: 19.6%、27.8%和52.6%), with each number's
/// value and char span.
fn number_runs(chars: &[char], n: usize, joiners: &[Vec<char>]) -> Vec<Vec<(f64, usize, usize)>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut run = Vec::new();
        let mut at = i;
        while let Some((value, start, end)) = number_at(chars, at) {
            run.push((value, start, end));
            let mut k = end;
            if chars.get(k) == Some(&'%') {
                k += 1;
            }
            while chars.get(k) == Some(&' ') {
                k += 1;
            }
            let Some(joiner) = joiners.iter().find(|j| chars[k.min(chars.len())..].starts_with(j))
            else {
                break;
            };
            k += joiner.len();
            while chars.get(k) == Some(&' ') {
                k += 1;
            }
            at = k;
        }
        if run.len() == n {
            i = run.last().map_or(i + 1, |r| r.2);
            runs.push(run);
        } else {
            i = run.first().map_or(i + 1, |r| r.2.max(i + 1));
        }
    }
    runs
}

/// A number (digits with one optional decimal point) starting at `i`.
fn number_at(chars: &[char], i: usize) -> Option<(f64, usize, usize)> {
    let digit_before = i > 0 && (chars[i - 1].is_ascii_digit() || chars[i - 1] == '.');
    if digit_before || !chars.get(i)?.is_ascii_digit() {
        return None;
    }
    let mut end = i;
    while end < chars.len()
        && (chars[end].is_ascii_digit()
            || chars[end] == '.' && chars.get(end + 1).is_some_and(char::is_ascii_digit))
    {
        end += 1;
    }
    let text: String = chars[i..end].iter().collect();
    parse_arabic(&text).map(|v| (v, i, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<(String, f64)> {
        Ratios::bundled().read(s).into_iter().map(|p| (p.id, p.value)).collect()
    }

    /// 黔东南 2016: shares listed with 、 and 和 after their cue; growth rates
    /// listed the same way are no shares.
    #[test]
    fn shares_listed_after_the_three_industries() {
        let s = "第一、二、三次产业增加值占全州生产总值的比重为19.6%、27.8%和52.6%";
        let want = [("primary_share", 19.6), ("secondary_share", 27.8), ("tertiary_share", 52.6)];
        let got = read(s);
        assert_eq!(got, want.map(|(i, v)| (i.to_string(), v)).to_vec());
        assert!(read("第一、二、三次产业增加值分别增长5.1%、6.2%和7.3%").is_empty());
    }

    #[test]
    fn the_structure_of_the_year_is_the_last_ratio() {
        // 洛阳市 2023 and 宜昌市 2025 communiqués
        let want = |a, b, c| {
            vec![
                ("primary_share".into(), a),
                ("secondary_share".into(), b),
                ("tertiary_share".into(), c),
            ]
        };
        assert_eq!(read("三次产业结构为3.9:39.0:57.1"), want(3.9, 39.0, 57.1));
        assert_eq!(
            read("三次产业结构比例由上年11.2∶40.3∶48.5调整为10.8∶39.5∶49.7"),
            want(10.8, 39.5, 49.7)
        );
        assert_eq!(read("三次产业结构为 2.9 : 30.7 : 66.4"), want(2.9, 30.7, 66.4));
        assert!(read("比例为1:2").is_empty());
        assert!(read("三次产业结构不断优化,时间8:30").is_empty());
    }
}
