//! Which region a report is about: the issuer named in the title or
//! signature (…民政局, …人民政府), else the place the text names most, with
//! parents used to tell apart regions that share a name (朝阳区).

use super::gazetteer::issuer::{find_issuers, Issuer};
use super::gazetteer::{Gazetteer, Level, Mention, Region};
use super::words::{city_ends, county_collectives, prefecture_collectives, province_collectives};
use crate::diag::{Code, Diagnostic};
use std::collections::{HashMap, HashSet};

/// Title zone (chars from the start) and signature zone (chars from the end).
const TITLE_ZONE: usize = 260;
const SIGNATURE_ZONE: usize = 160;

#[derive(Debug, Clone, Default)]
pub struct Found<'a> {
    pub issuer: String,
    pub region: Option<&'a Region>,
    /// the issuer's level when its place is not named (市民政局 → prefecture)
    pub level: Option<Level>,
}

/// Which region `text` is about (see the module doc for the order of clues).
/// `mentions` are the gazetteer's place names in `text` (searched once per
/// document: extraction reuses them).
pub fn locate_region<'a>(
    text: &str,
    byte_at: &[u32],
    g: &'a Gazetteer,
    mentions: &[Mention<'a>],
    source: &str,
    diags: &mut Vec<Diagnostic>,
) -> Found<'a> {
    let chars: Vec<char> = text.chars().collect();
    let zones = Zones { n: chars.len() };
    let issuers =
        find_issuers(g.org_words(), text, byte_at, &chars, mentions, &|p| zones.weight(p));
    let mentioned: HashSet<&str> = mentions
        .iter()
        .filter(|m| m.regions.len() == 1)
        .map(|m| m.regions[0].code.as_str())
        .collect();
    let score = support(g, mentions, &issuers, &mentioned, &zones);
    if let Some(found) = by_named_issuer(g, &issuers, &score, &mentioned, source, diags) {
        return title_over_sub_body(g, text, mentions, found);
    }
    by_best_support(g, text, &issuers, &score, source, diags)
}

/// A report titled with a place (宿迁市2023年政府信息公开工作年度报告) whose
/// issuer was found outside the title as a body below that place (泗洪县人民政府,
/// named near the end among the county figures) is the title place's: the
/// title names the report's subject before any body mention does.
fn title_over_sub_body<'a>(
    g: &'a Gazetteer,
    text: &str,
    mentions: &[Mention<'a>],
    found: Found<'a>,
) -> Found<'a> {
    let title = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let title_end = text.find(title).unwrap_or(0) + title.len();
    let title_chars = text[..title_end.min(text.len())].chars().count();
    let Some(region) = found.region else { return found };
    if title.contains(found.issuer.as_str()) || title_chars > TITLE_ZONE {
        return found;
    }
    let named: Vec<&Region> = mentions
        .iter()
        .filter(|m| m.end <= title_chars && m.regions.len() == 1)
        .map(|m| m.regions[0])
        .collect();
    // the title names the issuer's own place (or one below it): it agrees
    if named.iter().any(|r| g.is_within(&r.code, &region.code)) {
        return found;
    }
    let place = named.into_iter().find(|r| g.is_within(&region.code, &r.code));
    match place {
        Some(r) => Found { issuer: String::new(), region: Some(r), level: Some(r.level) },
        None => found,
    }
}

/// Where a position stands: the title, the signature or the body.
struct Zones {
    n: usize,
}

impl Zones {
    fn weight(&self, pos: usize) -> f64 {
        if pos < TITLE_ZONE {
            3.0
        } else if pos + SIGNATURE_ZONE >= self.n {
            2.0
        } else {
            1.0
        }
    }
}

/// Step 2, support for every region: mentions weighted by zone (short names
/// count less), and issuers' chains.
fn support<'a>(
    g: &'a Gazetteer,
    mentions: &[Mention<'a>],
    issuers: &[Issuer<'a, '_>],
    mentioned: &HashSet<&str>,
    zones: &Zones,
) -> HashMap<&'a str, f64> {
    let mut score: HashMap<&str, f64> = HashMap::new();
    // the same ambiguous name recurs: narrow each name once
    let mut narrowed: HashMap<&str, Vec<&Region>> = HashMap::new();
    for m in mentions {
        let mut w = zones.weight(m.start);
        // a short name counts less (the names of the national level are all its own)
        if m.regions.iter().all(|r| r.name != m.name && r.level != Level::National) {
            w *= 0.6;
        }
        if m.regions.iter().any(|r| r.level == Level::National) && m.start >= TITLE_ZONE {
            w *= 0.2;
        }
        let cands =
            narrowed.entry(m.name).or_insert_with(|| disambiguate(g, &m.regions, mentioned));
        for r in cands.iter() {
            *score.entry(r.code.as_str()).or_default() += w / cands.len() as f64;
        }
    }
    for iss in issuers.iter().filter(|i| !i.chain.is_empty()) {
        let cands = resolve_chain(g, &iss.chain, mentioned);
        for r in &cands {
            *score.entry(r.code.as_str()).or_default() += 6.0 * iss.weight / cands.len() as f64;
        }
    }
    score
}

fn score_of(score: &HashMap<&str, f64>, r: &Region) -> f64 {
    score.get(r.code.as_str()).copied().unwrap_or(0.0)
}

/// 3. The strongest named issuer in the title or signature decides.
fn by_named_issuer<'a>(
    g: &'a Gazetteer,
    issuers: &[Issuer<'a, '_>],
    score: &HashMap<&str, f64>,
    mentioned: &HashSet<&str>,
    source: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Found<'a>> {
    let mut best: Option<(&Issuer, Vec<&Region>)> = None;
    for iss in issuers.iter().filter(|i| !i.chain.is_empty() && i.weight > 1.0) {
        if best.as_ref().is_none_or(|(b, _)| iss.weight > b.weight) {
            best = Some((iss, resolve_chain(g, &iss.chain, mentioned)));
        }
    }
    let unnamed_weight =
        issuers.iter().filter(|i| i.chain.is_empty()).map(|i| i.weight).fold(0.0, f64::max);
    // the title's own 市民政局 outranks a place named only in the signature
    let (iss, cands) = best.filter(|(b, _)| b.weight >= unnamed_weight)?;
    if cands.len() == 1 {
        return Some(Found {
            issuer: iss.text.clone(),
            region: Some(cands[0]),
            level: Some(cands[0].level),
        });
    }
    if let Some(b) =
        cands.iter().copied().max_by(|a, b| score_of(score, a).total_cmp(&score_of(score, b)))
    {
        let top = score_of(score, b);
        let tied = cands.iter().filter(|c| (score_of(score, c) - top).abs() < 1e-9).count();
        if tied == 1 {
            return Some(Found { issuer: iss.text.clone(), region: Some(b), level: Some(b.level) });
        }
    }
    let names: Vec<String> = cands.iter().map(|r| format!("{} {}", r.code, r.name)).collect();
    diags.push(Diagnostic::warning(
        source,
        Code::RegionAmbiguous,
        format!(
            "issuer {} may be any of {}; no other clue in the text decides",
            iss.text,
            names.join(", ")
        ),
    ));
    Some(Found { issuer: iss.text.clone(), region: None, level: cands.first().map(|r| r.level) })
}

/// Step 4, an issuer without a place (市民政局): its level, then the
/// best-supported region of that level.
fn by_best_support<'a>(
    g: &'a Gazetteer,
    text: &str,
    issuers: &[Issuer],
    score: &HashMap<&str, f64>,
    source: &str,
    diags: &mut Vec<Diagnostic>,
) -> Found<'a> {
    let hint = issuers
        .iter()
        .filter(|i| i.chain.is_empty())
        .max_by(|a, b| a.weight.total_cmp(&b.weight))
        .map(|i| (i.level_hint, i.text.clone()));
    let hint_level = hint.as_ref().and_then(|h| h.0);
    let level = hint_level.or_else(|| level_from_collectives(text));
    let issuer_text = hint.map(|h| h.1).unwrap_or_default();
    let fits = |r: &Region| match level {
        None => r.level != Level::National || score_of(score, r) >= 3.0,
        // 市民政局 of a municipality (天津市) or of a county-level city
        Some(Level::Prefecture) => r.level == Level::Prefecture || is_city(&r.name),
        Some(l) => r.level == l,
    };
    let rank_by = |fits: &dyn Fn(&Region) -> bool| {
        let mut ranked: Vec<(&str, f64)> = score
            .iter()
            .filter(|(c, _)| g.get(c).is_some_and(fits))
            .map(|(c, s)| (*c, *s))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        ranked
    };
    let fitted = rank_by(&fits);
    // an issuer of known level and a single place of that level named anywhere
    // (市民政局 of 天津: a municipality's bureaus are 市 bureaus)
    let lone_fit = hint_level == Some(Level::Prefecture)
        && fitted.len() == 1
        && g.get(fitted[0].0).is_some_and(|r| r.level == Level::Province && is_city(&r.name))
        // 自治区人民政府 / 省司法厅: the one province the text names is the issuer's
        || hint_level == Some(Level::Province) && fitted.len() == 1;
    // the level hint may be wrong (a district report speaking of 市政府): fall back to any level
    let ranked = if lone_fit || fitted.first().is_some_and(|x| x.1 >= 2.0) {
        fitted
    } else {
        rank_by(&|r: &Region| r.level != Level::National)
    };
    let (region, message) = match ranked.first() {
        Some(&(code, s)) if (s >= 2.0 || lone_fit) && ranked.get(1).is_none_or(|x| x.1 < s) => {
            let r = g.get(code).expect("scored code is in the gazetteer");
            return Found { issuer: issuer_text, region: Some(r), level: Some(r.level) };
        }
        Some(&(_, s)) if s >= 2.0 => {
            let tied: Vec<&str> = ranked.iter().take_while(|x| x.1 == s).map(|x| x.0).collect();
            // a title naming one of them, the others below it: the title's place
            if let Some(r) = titled_above_the_rest(g, text, &tied) {
                return Found { issuer: issuer_text, region: Some(r), level: Some(r.level) };
            }
            let msg =
                format!("the text names {} equally often; region left empty", tied.join(", "));
            (Code::RegionAmbiguous, msg)
        }
        _ => (Code::RegionUnknown, "no issuer or place name decides the region".to_string()),
    };
    diags.push(Diagnostic::warning(source, region, message));
    Found { issuer: issuer_text, region: None, level }
}

/// Of regions named equally often, the one the title names when every other
/// lies below it (黔东南苗族侗族自治州…统计公报 naming 凯里市 once in its body).
fn titled_above_the_rest<'a>(g: &'a Gazetteer, text: &str, tied: &[&str]) -> Option<&'a Region> {
    let title = text.lines().find(|l| !l.trim().is_empty())?;
    let mut titled = tied.iter().filter_map(|c| g.get(c)).filter(|r| title.contains(&r.name));
    let r = titled.next().filter(|_| titled.next().is_none())?;
    tied.iter().all(|c| *c == r.code || g.is_within(c, &r.code)).then_some(r)
}

/// A municipality's or a county-level city's name (天津市, 义乌市).
fn is_city(name: &str) -> bool {
    city_ends().iter().any(|e| name.ends_with(e))
}

/// The collective words a text uses for itself: 全省/我省, 全市/我市, 全区/全县.
fn level_from_collectives(text: &str) -> Option<Level> {
    let c = |words: &[&str]| words.iter().map(|w| text.matches(w).count()).sum::<usize>();
    // a county's 全区/我区 (its last two words) count half: cities have districts too
    let county = county_collectives();
    let (whole, half) = county.split_at(county.len().min(2));
    let counts = [
        (Level::Province, c(province_collectives())),
        (Level::Prefecture, c(prefecture_collectives())),
        (Level::County, c(whole) + c(half) / 2),
    ];
    let best = counts.iter().max_by_key(|x| x.1)?;
    (best.1 >= 3).then_some(best.0)
}

/// Candidates of an ambiguous name, narrowed to those whose ancestor is
/// named elsewhere in the text.
fn disambiguate<'a>(
    g: &Gazetteer,
    cands: &[&'a Region],
    mentioned: &std::collections::HashSet<&str>,
) -> Vec<&'a Region> {
    if cands.len() <= 1 {
        return cands.to_vec();
    }
    let supported: Vec<&Region> = cands
        .iter()
        .copied()
        .filter(|r| g.parents(&r.code).iter().any(|p| mentioned.contains(p.code.as_str())))
        .collect();
    if supported.is_empty() {
        cands.to_vec()
    } else {
        supported
    }
}

/// The most specific place of a chain (重庆市 渝中区 → 渝中区), checked against the earlier links.
fn resolve_chain<'a>(
    g: &'a Gazetteer,
    chain: &[&Mention<'a>],
    mentioned: &std::collections::HashSet<&str>,
) -> Vec<&'a Region> {
    let last = chain.last().expect("chain is not empty");
    let outer: Vec<&Region> =
        chain[..chain.len() - 1].iter().flat_map(|m| m.regions.iter().copied()).collect();
    let mut cands: Vec<&Region> = last.regions.clone();
    if !outer.is_empty() {
        let within: Vec<&Region> = cands
            .iter()
            .copied()
            .filter(|r| outer.iter().any(|o| g.is_within(&r.code, &o.code)))
            .collect();
        if !within.is_empty() {
            cands = within;
        }
    }
    disambiguate(g, &cands, mentioned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locate::gazetteer::bundled;

    fn code(text: &str) -> (String, Vec<Diagnostic>) {
        let mut d = Vec::new();
        let byte_at = crate::ingest::fold::byte_offsets(text.chars());
        let f = locate_region(text, &byte_at, bundled(), &bundled().mentions(text), "t", &mut d);
        (f.region.map(|r| r.code.clone()).unwrap_or_default(), d)
    }

    #[test]
    fn ministries_twin_prefectures_and_unnamed_provinces() {
        // a national ministry is the national level
        assert_eq!(
            code("司法部2022年法治政府建设年度报告\n全年办理行政复议案件300件。").0,
            "000000"
        );
        // a prefecture-level city without counties: its same-named county code is its twin
        assert_eq!(
            code("嘉峪关市民政局2023年法治政府建设情况报告\n全年办理行政复议5件。").0,
            "620200"
        );
        // 自治区人民政府 names no place: the one province the text names is it
        let t = "自治区人民政府2023年法治政府建设情况报告\n广西全区办理行政复议案件30件。";
        assert_eq!(code(t).0, "450000");
    }

    #[test]
    fn a_prefecture_titled_report_is_the_prefecture_s_whatever_body_its_end_names() {
        // 宿迁市 2023: the counties' figures close the report (泗洪县人民政府2件)
        let body = "全市政务公开工作扎实推进。".repeat(30);
        let text = format!(
            "宿迁市2023年政府信息公开工作年度报告\n{body}\n其中，泗洪县人民政府2件，收取290元。"
        );
        assert_eq!(code(&text).0, "321300");
        // a title naming the issuer's own place agrees with it
        let text = format!("天津市静海区人民政府\n{body}\n静海区人民政府办公室");
        assert_eq!(code(&text).0, "120118");
    }

    #[test]
    fn issuer_in_title() {
        assert_eq!(code("辽宁省民政厅2023年法治政府建设情况报告\n发布时间").0, "210000");
        assert_eq!(code("重庆市渝中区民政局\n\n关于2023年法治政府建设情况的报告").0, "500103");
        assert_eq!(code("2026年河北省政府工作报告\n各位代表").0, "130000");
    }

    #[test]
    fn issuer_without_its_name_is_placed_by_the_body() {
        // the Changzhou report names only 市民政局 and, in the body, 常州
        let filler = "推进法治建设,取得积极成效。".repeat(30);
        let text = format!("2022年,在市委、市政府的坚强领导下,市民政局笃学践行习近平法治思想。{filler}积极推进《常州市养老服务条例》立法调研。{filler}成立常州市养老等民政服务机构安全专业委员会。{filler}按江苏省民政厅要求。");
        let text = text.as_str();
        assert_eq!(code(text).0, "320400");
    }

    #[test]
    fn shared_names_need_a_parent_clue() {
        assert_eq!(code("长春市朝阳区民政局2023年政府信息公开工作年度报告").0, "220104");
        let (c, d) = code("朝阳区民政局2023年政府信息公开工作年度报告");
        assert_eq!(c, "");
        assert!(d.iter().any(|d| d.code == "region.ambiguous"), "{d:?}");
        assert_eq!(code("朝阳区民政局2023年报告。北京市民政局指导。").0, "110105");
    }
}
