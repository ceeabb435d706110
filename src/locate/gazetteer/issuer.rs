//! Issuers: the body a report names as its author — a chain of place names
//! right before an organisation word (重庆市渝中区民政局, 市民政局), with the
//! level an unnamed issuer implies (市 → prefecture, 区/县 → county).

use super::{Level, Mention};
use crate::ingest::fold::char_at_byte;
use crate::locate::words::{
    county_ends, prefecture_ends, province_ends, province_marks, province_orgs, superior_references,
};
use std::collections::HashMap;

/// The organisation words of `datasets/regions/names.toml` (`org_words`)
/// that follow a place name in an issuer, in one automaton.
pub struct OrgWords {
    pub(super) words: Vec<String>,
    matcher: aho_corasick::AhoCorasick,
}

impl OrgWords {
    pub fn new(words: Vec<String>) -> OrgWords {
        let matcher = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&words)
            .expect("organisation words build an automaton");
        OrgWords { words, matcher }
    }
}

/// An issuer found in the text: its words, its place chain and weight.
pub(in crate::locate) struct Issuer<'a, 'm> {
    pub text: String,
    pub chain: Vec<&'m Mention<'a>>,
    pub level_hint: Option<Level>,
    pub weight: f64,
}

fn level_from_char(c: char) -> Option<Level> {
    let ends = |list: &[&str]| list.iter().any(|e| e.chars().eq([c]));
    [
        (province_ends(), Level::Province),
        (prefecture_ends(), Level::Prefecture),
        (county_ends(), Level::County),
    ]
    .into_iter()
    .find_map(|(list, level)| ends(list).then_some(level))
}

/// 1. Issuers: a chain of place names right before an organisation word.
pub(in crate::locate) fn find_issuers<'a, 'm>(
    orgs: &OrgWords,
    text: &str,
    byte_at: &[u32],
    chars: &[char],
    mentions: &'m [Mention<'a>],
    weight_at: &dyn Fn(usize) -> f64,
) -> Vec<Issuer<'a, 'm>> {
    let by_end: HashMap<usize, usize> =
        mentions.iter().enumerate().map(|(i, m)| (m.end, i)).collect();
    // one pass for all organisation words (overlapping: 人民政府 and 政府 both count)
    let mut org_hits: Vec<(usize, usize)> = orgs
        .matcher
        .find_overlapping_iter(text)
        .map(|m| (m.pattern().as_usize(), char_at_byte(byte_at, m.start())))
        .collect();
    org_hits.sort_unstable();
    let mut issuers = Vec::new();
    for &(org_i, p) in &org_hits {
        let mut chain: Vec<&Mention> = Vec::new();
        let mut end = p;
        while let Some(&i) = by_end.get(&end) {
            chain.push(&mentions[i]);
            end = mentions[i].start;
        }
        chain.reverse();
        // 市委、市政府 / 在市委市政府的领导下 name the superiors, not the issuer;
        // an organisation inside 《》 or 〈〉 is the author of a cited document
        if chain.is_empty() && superior_reference(chars, p) || inside_title_marks(chars, p) {
            continue;
        }
        issuers.push(issuer(chars, p, &orgs.words[org_i], chain, weight_at(p)));
    }
    issuers.retain(|i| !i.chain.is_empty() || i.level_hint.is_some());
    issuers
}

/// The issuer whose organisation word `org` stands at `p` after `chain`.
fn issuer<'a, 'm>(
    chars: &[char],
    p: usize,
    org: &str,
    chain: Vec<&'m Mention<'a>>,
    weight: f64,
) -> Issuer<'a, 'm> {
    let before: String = chars[p.saturating_sub(3)..p].iter().collect();
    let level_hint = if !chain.is_empty() {
        None
    } else if province_marks().iter().any(|m| before.ends_with(m)) || province_orgs().contains(&org)
    {
        Some(Level::Province)
    } else {
        chars.get(p.wrapping_sub(1)).and_then(|&c| level_from_char(c))
    };
    let text_of_chain: String = chain.iter().map(|m| m.name).collect::<String>();
    Issuer {
        text: format!("{text_of_chain}{}{org}", level_hint_prefix(&before, level_hint, &chain)),
        chain,
        level_hint,
        weight,
    }
}

/// 市委、市政府 / 市委市政府 / 省委省政府: a reference to the party committee and
/// government above, not the issuer.
fn superior_reference(chars: &[char], org_start: usize) -> bool {
    let before: String = chars[org_start.saturating_sub(4)..org_start].iter().collect();
    superior_references().iter().any(|r| before.ends_with(r))
}

/// Is position `p` inside 《…》 or 〈…〉 (a cited document's title)?
fn inside_title_marks(chars: &[char], p: usize) -> bool {
    let window = &chars[p.saturating_sub(60)..p];
    let open = window.iter().rposition(|&c| c == '《' || c == '〈');
    let close = window.iter().rposition(|&c| c == '》' || c == '〉');
    match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

fn level_hint_prefix(before: &str, hint: Option<Level>, chain: &[&Mention]) -> String {
    if !chain.is_empty() {
        return String::new();
    }
    match hint {
        Some(_) => match province_marks().iter().find(|m| before.ends_with(*m)) {
            Some(mark) => mark.to_string(),
            None => before.chars().last().map(String::from).unwrap_or_default(),
        },
        None => String::new(),
    }
}
