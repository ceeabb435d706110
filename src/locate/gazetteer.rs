//! The region gazetteer (GB/T 2260 codes, province > prefecture > county),
//! loaded from `datasets/regions/regions.csv`, with name lookup by full and
//! short names (常州 = 常州市, 广西 = 广西壮族自治区, 凉山州 = 凉山彝族自治州).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
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
    matcher: AhoCorasick,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Gazetteer({} regions)", self.regions.len())
    }
}

/// Short forms of a region name, longest first.
pub fn short_names(name: &str, level: Level) -> Vec<String> {
    let mut out = Vec::new();
    const ETHNIC: &[&str] = &[
        "壮族",
        "回族",
        "维吾尔",
        "藏族",
        "彝族",
        "苗族",
        "土家族",
        "侗族",
        "布依族",
        "哈尼族",
        "傣族",
        "白族",
        "景颇族",
        "傈僳族",
        "蒙古族",
        "朝鲜族",
        "哈萨克",
        "柯尔克孜",
        "羌族",
        "黎族",
        "瑶族",
        "土族",
        "畲族",
        "满族",
        "仡佬族",
        "水族",
        "纳西族",
        "普米族",
        "怒族",
        "独龙族",
        "撒拉族",
        "保安族",
        "东乡族",
        "裕固族",
        "达斡尔族",
        "鄂温克族",
        "鄂伦春族",
        "锡伯族",
        "仫佬族",
        "毛南族",
        "拉祜族",
        "佤族",
        "布朗族",
        "阿昌族",
        "德昂族",
        "塔吉克",
    ];
    let mut push = |s: &str| {
        if s.chars().count() >= 2 && s != name && !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    };
    for suffix in [
        "自治区",
        "自治州",
        "自治县",
        "自治旗",
        "特别行政区",
        "地区",
        "林区",
        "省",
        "市",
        "区",
        "县",
        "旗",
        "盟",
    ] {
        if let Some(stem) = name.strip_suffix(suffix) {
            // strip the ethnic part of autonomous names: 凉山彝族自治州 → 凉山州, 凉山
            let mut base = stem.to_string();
            loop {
                let before = base.clone();
                for e in ETHNIC {
                    if let Some(b) = base.strip_suffix(e) {
                        base = b.to_string();
                    }
                }
                if base == before {
                    break;
                }
            }
            if suffix == "自治州" {
                push(&format!("{base}州"));
            }
            if suffix == "自治县" && base.chars().count() >= 2 {
                push(&format!("{base}县"));
            }
            if level != Level::County || base.chars().count() >= 2 {
                push(&base);
            }
            break;
        }
    }
    out
}

impl Gazetteer {
    pub fn load(path: &Path) -> Result<Gazetteer, GazetteerError> {
        let file = path.display().to_string();
        let mut reader = csv::Reader::from_path(path)
            .map_err(|e| GazetteerError::Read(file.clone(), e.to_string()))?;
        let mut regions = vec![Region {
            code: NATIONAL_CODE.into(),
            name: "全国".into(),
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
        Ok(Gazetteer::from_regions(regions))
    }

    pub fn from_regions(regions: Vec<Region>) -> Gazetteer {
        let by_code = regions.iter().enumerate().map(|(i, r)| (r.code.clone(), i)).collect();
        let mut names: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, r) in regions.iter().enumerate() {
            if r.level == Level::National {
                for n in ["全国", "民政部", "国务院"] {
                    names.entry(n.to_string()).or_default().push(i);
                }
                continue;
            }
            names.entry(r.name.clone()).or_default().push(i);
            for s in short_names(&r.name, r.level) {
                names.entry(s).or_default().push(i);
            }
        }
        // a short name that is a common word is not a place
        for w in [
            "中国",
            "城区",
            "新区",
            "郊区",
            "矿区",
            "市中",
            "市区",
            "开发",
            "高新",
            "东区",
            "西区",
            "南区",
            "北区",
            "中区",
            "城中",
            "开放",
            "和平",
            "长安",
            "新城",
            "永安",
            "城关",
            "民政",
            "民生",
            "平安",
            "友好",
            "安全",
            "共和",
            "长城",
            "红旗",
            "向阳",
            "光明",
            "通道",
            "大同",
            "合作",
            "东方",
            "新华",
            "安宁",
            "富民",
            "永和",
            "太和",
            "兴业",
            "复兴",
            "南海",
            "龙门",
            "江南",
            "江北",
            "河西",
            "河东",
            "城东",
            "城西",
            "城南",
            "城北",
            "中山",
            "白云",
            "青山",
            "铁山",
            "宝山",
            "黄山",
            "泰山",
            "华山",
            "金山",
            "大方",
            "方正",
            "清河",
            "新兴",
            "振兴",
            "文化",
            "宁国",
            "兴安",
            "建设",
            "科技",
            "民主",
            "团结",
            "胜利",
            "前进",
            "新乐",
            "永福",
            "福安",
            "东山",
            "西山",
            "南山",
            "北山",
            "海城",
            "开远",
            "乐业",
            "宜章",
            "宜州",
            "长乐",
            "新民",
            "安定",
            "高新区",
        ] {
            if let Some(v) = names.get_mut(w) {
                v.retain(|&i| regions[i].name == w);
                if v.is_empty() {
                    names.remove(w);
                }
            }
        }
        let names: Vec<(String, Vec<usize>)> = names.into_iter().collect();
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            // a full DFA: built once per run, several times faster to search
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(names.iter().map(|(n, _)| n.as_str()))
            .expect("gazetteer names build an automaton");
        Gazetteer { regions, by_code, names, matcher }
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
        let mut char_pos = 0usize;
        let mut last_byte = 0usize;
        for m in self.matcher.find_iter(text) {
            char_pos += text[last_byte..m.start()].chars().count();
            let len = text[m.start()..m.end()].chars().count();
            let cands =
                self.names[m.pattern().as_usize()].1.iter().map(|&r| &self.regions[r]).collect();
            out.push(Mention {
                start: char_pos,
                end: char_pos + len,
                name: &self.names[m.pattern().as_usize()].0,
                regions: cands,
            });
            char_pos += len;
            last_byte = m.end();
        }
        out
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

    #[test]
    fn short_forms() {
        assert!(short_names("广西壮族自治区", Level::Province).contains(&"广西".to_string()));
        assert!(short_names("凉山彝族自治州", Level::Prefecture).contains(&"凉山州".to_string()));
        assert_eq!(short_names("常州市", Level::Prefecture), vec!["常州"]);
        assert!(short_names("赵县", Level::County).is_empty());
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
