//! The region gazetteer (GB/T 2260 codes, province > prefecture > county),
//! loaded from `datasets/regions/regions.csv`, with name lookup by full and
//! short names (常州 = 常州市, 广西 = 广西壮族自治区, 凉山州 = 凉山彝族自治州).

pub(super) mod issuer;
pub mod names;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use issuer::OrgWords;
pub use names::{short_names, NameRules};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    National,
    Province,
    Prefecture,
    County,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Province => "province",
            Level::Prefecture => "prefecture",
            Level::County => "county",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "national" => Some(Level::National),
            "province" => Some(Level::Province),
            "prefecture" => Some(Level::Prefecture),
            "county" => Some(Level::County),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub parent: Option<String>,
    pub province: String,
}

#[derive(Debug, Deserialize)]
struct Row {
    code: String,
    name: String,
    level: String,
    parent_code: String,
    province_code: String,
}

#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("cannot read gazetteer {0}: {1}")]
    Read(String, String),
    #[error("gazetteer {file} line {line}: {message}")]
    Row { file: String, line: usize, message: String },
}

/// Code of the whole country (民政部, 全国): not in GB/T 2260 but used for national reports.
pub const NATIONAL_CODE: &str = "000000";

pub struct Gazetteer {
    regions: Vec<Region>,
    by_code: HashMap<String, usize>,
    /// every searchable name (full and short) → the regions it may mean
    names: Vec<(String, Vec<usize>)>,
    /// per name: a context name (a place only where a parent is named too)
    context: Vec<bool>,
    matcher: AhoCorasick,
    /// the organisation words of issuers
    orgs: OrgWords,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gazetteer({} regions)", self.regions.len())
    }
}

impl Gazetteer {
    /// A short hash of every region and searchable name (with the name
    /// rules applied): part of the cache key.
    pub fn fingerprint(&self) -> String {
        let mut h = blake3::Hasher::new();
        for r in &self.regions {
            h.update(r.code.as_bytes()).update(b"\t").update(r.name.as_bytes()).update(b"\n");
        }
        for ((name, regions), context) in self.names.iter().zip(&self.context) {
            h.update(name.as_bytes()).update(&[u8::from(*context)]);
            for i in regions {
                h.update(&(*i as u64).to_le_bytes());
            }
        }
        for w in &self.orgs.words {
            h.update(w.as_bytes()).update(b"\n");
        }
        h.finalize().to_hex()[..16].to_string()
    }

    pub fn load(path: &Path) -> Result<Gazetteer, GazetteerError> {
        let file = path.display().to_string();
        let mut reader = csv::Reader::from_path(path)
            .map_err(|e| GazetteerError::Read(file.clone(), e.to_string()))?;
        let mut regions = vec![Region {
            code: NATIONAL_CODE.into(),
            name: crate::locate::words::national_name().first().copied().unwrap_or_default().into(),
            level: Level::National,
            parent: None,
            province: NATIONAL_CODE.into(),
        }];
        for (i, row) in reader.deserialize::<Row>().enumerate() {
            let row = row.map_err(|e| GazetteerError::Row {
                file: file.clone(),
                line: i + 2,
                message: e.to_string(),
            })?;
            let level = Level::parse(&row.level).ok_or_else(|| GazetteerError::Row {
                file: file.clone(),
                line: i + 2,
                message: format!("unknown level {}", row.level),
            })?;
            regions.push(Region {
                code: row.code,
                name: row.name,
                level,
                parent: (!row.parent_code.is_empty()).then_some(row.parent_code),
                province: row.province_code,
            });
        }
        let rules = NameRules::load(&path.with_file_name("names.toml"))?;
        Ok(Gazetteer::from_regions(regions, &rules))
    }

    pub fn from_regions(regions: Vec<Region>, rules: &NameRules) -> Gazetteer {
        let by_code: HashMap<String, usize> =
            regions.iter().enumerate().map(|(i, r)| (r.code.clone(), i)).collect();
        let mut names: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, r) in regions.iter().enumerate() {
            if r.level == Level::National {
                for n in &rules.national_names {
                    names.entry(n.clone()).or_default().push(i);
                }
                continue;
            }
            // a county coded under a prefecture of its own name (嘉峪关市 620201 under
            // 620200) is the prefecture's statistical twin: the name means the prefecture
            let parent = r.parent.as_ref().and_then(|p| by_code.get(p)).map(|&p| &regions[p]);
            let twin = parent.is_some_and(|p| p.level == Level::Prefecture && p.name == r.name);
            if twin {
                continue;
            }
            names.entry(r.name.clone()).or_default().push(i);
            for s in short_names(&r.name, r.level, &rules.ethnic_parts) {
                names.entry(s).or_default().push(i);
            }
        }
        // a short name that is a common word is not a place (a context name
        // is one only beside a parent: see `mentions`)
        let words = rules.common_words.iter().chain(&rules.context_names);
        for w in words.map(|e| e.word.as_str()) {
            if let Some(v) = names.get_mut(w) {
                v.retain(|&i| regions[i].name == w);
                if v.is_empty() {
                    names.remove(w);
                }
            }
        }
        let mut context = Vec::new();
        for e in &rules.context_names {
            for (i, r) in regions.iter().enumerate() {
                if short_names(&r.name, r.level, &rules.ethnic_parts).contains(&e.word) {
                    context.push((e.word.clone(), i));
                }
            }
        }
        for (word, i) in &context {
            names.entry(word.clone()).or_default().push(*i);
        }
        let context_names: Vec<String> = context.into_iter().map(|(w, _)| w).collect();
        let names: Vec<(String, Vec<usize>)> = names.into_iter().collect();
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // a full DFA: built once per run, several times faster to search
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(names.iter().map(|(n, _)| n.as_str()))
            .expect("gazetteer names build an automaton");
        let context = names.iter().map(|(n, _)| context_names.contains(n)).collect();
        let orgs = OrgWords::new(rules.org_words.clone());
        Gazetteer { regions, by_code, names, context, matcher, orgs }
    }

    /// The organisation words issuers end with.
    pub(super) fn org_words(&self) -> &OrgWords {
        &self.orgs
    }

    pub fn get(&self, code: &str) -> Option<&Region> {
        self.by_code.get(code).map(|&i| &self.regions[i])
    }

    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// Regions a name may mean (full or short name), exact lookup.
    pub fn lookup(&self, name: &str) -> Vec<&Region> {
        match self.names.binary_search_by(|(n, _)| n.as_str().cmp(name)) {
            Ok(i) => self.names[i].1.iter().map(|&r| &self.regions[r]).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// Every place-name mention in a text: (char start, char end, candidate regions).
    pub fn mentions<'a>(&'a self, text: &str) -> Vec<Mention<'a>> {
        let mut out = Vec::new();
        let mut context = Vec::new();
        let mut char_pos = 0usize;
        let mut last_byte = 0usize;
        for m in self.matcher.find_iter(text) {
            char_pos += text[last_byte..m.start()].chars().count();
            let len = text[m.start()..m.end()].chars().count();
            let name = m.pattern().as_usize();
            let cands = self.names[name].1.iter().map(|&r| &self.regions[r]).collect();
            out.push(Mention {
                start: char_pos,
                end: char_pos + len,
                name: &self.names[name].0,
                regions: cands,
            });
            context.push(self.context[name]);
            char_pos += len;
            last_byte = m.end();
        }
        if context.iter().any(|c| *c) {
            self.keep_context_names_beside_parents(&mut out, &context);
        }
        out
    }

    /// A context name (宜章, 乐业) stays only where a parent of one of its
    /// regions is named elsewhere in the text, narrowed to those regions.
    fn keep_context_names_beside_parents(&self, mentions: &mut Vec<Mention>, context: &[bool]) {
        let named: std::collections::HashSet<&str> = mentions
            .iter()
            .zip(context)
            .filter(|(_, c)| !**c)
            .flat_map(|(m, _)| m.regions.iter().map(|r| r.code.as_str()))
            .collect();
        let mut i = 0;
        mentions.retain_mut(|m| {
            let is_context = context[i];
            i += 1;
            if !is_context {
                return true;
            }
            m.regions
                .retain(|r| self.parents(&r.code).iter().any(|p| named.contains(p.code.as_str())));
            !m.regions.is_empty()
        });
    }

    /// Ancestors of a region, nearest first.
    pub fn parents(&self, code: &str) -> Vec<&Region> {
        let mut out = Vec::new();
        let mut cur = self.get(code).and_then(|r| r.parent.clone());
        while let Some(c) = cur {
            match self.get(&c) {
                Some(r) => {
                    cur = r.parent.clone();
                    out.push(r);
                }
                None => break,
            }
        }
        out
    }

    pub fn is_within(&self, code: &str, ancestor: &str) -> bool {
        code == ancestor || self.parents(code).iter().any(|p| p.code == ancestor)
    }
}

#[derive(Debug, Clone)]
pub struct Mention<'a> {
    pub start: usize,
    pub end: usize,
    pub name: &'a str,
    pub regions: Vec<&'a Region>,
}

#[cfg(test)]
pub(crate) fn bundled() -> &'static Gazetteer {
    use std::sync::OnceLock;
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        Gazetteer::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/regions/regions.csv"))
            .unwrap()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn short(name: &str, level: Level) -> Vec<String> {
        let rules = NameRules::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/regions/names.toml"),
        )
        .unwrap();
        short_names(name, level, &rules.ethnic_parts)
    }

    #[test]
    fn short_forms() {
        assert!(short("广西壮族自治区", Level::Province).contains(&"广西".to_string()));
        assert!(short("凉山彝族自治州", Level::Prefecture).contains(&"凉山州".to_string()));
        assert_eq!(short("常州市", Level::Prefecture), vec!["常州"]);
        assert!(short("赵县", Level::County).is_empty());
    }

    #[test]
    fn context_names_count_only_beside_a_parent() {
        let g = bundled();
        // 安居乐业 is a phrase, not 乐业县 (安居 is 安居区 either way)
        assert!(g.mentions("让群众安居乐业").iter().all(|m| m.name != "乐业"));
        // with 百色 named, 乐业 is the county of 百色市
        let m = g.mentions("百色市乐业民政局");
        let names: Vec<_> = m.iter().map(|m| m.name).collect();
        assert_eq!(names, vec!["百色市", "乐业"]);
        assert!(m[1].regions.iter().all(|r| r.name == "乐业县"));
    }

    #[test]
    fn lookup_and_parents() {
        let g = bundled();
        assert_eq!(g.lookup("常州")[0].code, "320400");
        let chaoyang: Vec<_> = g.lookup("朝阳区").iter().map(|r| r.code.clone()).collect();
        assert!(
            chaoyang.contains(&"110105".to_string()) && chaoyang.contains(&"220104".to_string())
        );
        let p: Vec<_> = g.parents("440881").iter().map(|r| r.code.as_str()).collect();
        assert_eq!(p, vec!["440800", "440000"]);
        assert!(g.is_within("500103", "500000"));
    }

    #[test]
    fn mentions_in_text() {
        let g = bundled();
        let m = g.mentions("重庆市渝中区民政局");
        let names: Vec<_> = m.iter().map(|m| m.name).collect();
        assert_eq!(names, vec!["重庆市", "渝中区"]);
        assert_eq!((m[1].start, m[1].end), (3, 6));
    }
}
