//! Locate: pin a document to its issuer, region (code, level, parents),
//! report year, publication date and document kind.

pub mod doc_type;
pub mod gazetteer;
pub mod kind;
pub use gazetteer::names;
pub mod region;
pub mod words;
pub mod year;

use crate::diag::{Code, Diagnostic};
use crate::ingest::Document;
pub use gazetteer::{Gazetteer, Level, Region};
pub use kind::{DocType, Kinds};

/// What a document is about: who, where, when, what kind.
#[derive(Debug, Clone, PartialEq)]
pub struct DocMeta {
    pub issuer: String,
    pub region_code: String,
    pub region_name: String,
    /// level of the region, or of the issuer when the region is unknown
    pub level: Option<Level>,
    pub province_code: String,
    pub prefecture_code: String,
    pub report_year: Option<i32>,
    /// publication date, `YYYY-MM-DD`
    pub published: String,
    pub doc_type: DocType,
    /// char spans of places the text names that are neither the region nor
    /// one of its ancestors (a city in a province's report), sorted
    pub foreign_places: Vec<(usize, usize)>,
}

/// The region, year and kind of one document.
pub fn locate(doc: &Document, gazetteer: &Gazetteer) -> (DocMeta, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let text = &doc.norm.text;
    let doc_type = kind::classify(text);
    let mentions = gazetteer.mentions(text);
    let found = region::locate_region(
        text,
        &doc.norm.byte_at,
        gazetteer,
        &mentions,
        &doc.source,
        &mut diags,
    );
    let published = year::published_date(text);
    let report_year = year::report_year(text, doc_type, published.as_deref());
    if report_year.is_none() {
        diags.push(Diagnostic::warning(
            &doc.source,
            Code::YearUnknown,
            "no report year found in title or body",
        ));
    }
    let (mut province_code, mut prefecture_code) = (String::new(), String::new());
    if let Some(r) = &found.region {
        for p in std::iter::once(*r).chain(gazetteer.parents(&r.code)) {
            match p.level {
                Level::Province => province_code = p.code.clone(),
                Level::Prefecture => prefecture_code = p.code.clone(),
                _ => {}
            }
        }
    }
    // 市民政局 of 常州市 is 常州市民政局
    let issuer = match &found.region {
        Some(r) if !found.issuer.is_empty() && !found.issuer.contains(r.name.as_str()) => {
            let last = r.name.chars().last().unwrap_or(' ');
            match found.issuer.strip_prefix(last) {
                Some(rest) => format!("{}{rest}", r.name),
                None => found.issuer.clone(),
            }
        }
        _ => found.issuer.clone(),
    };
    let meta = DocMeta {
        issuer,
        region_code: found.region.map(|r| r.code.clone()).unwrap_or_default(),
        region_name: found.region.map(|r| r.name.clone()).unwrap_or_default(),
        level: found.region.map(|r| r.level).or(found.level),
        province_code,
        prefecture_code,
        report_year,
        published: published.unwrap_or_default(),
        doc_type,
        foreign_places: Vec::new(),
    };
    let foreign_places = foreign_places(gazetteer, &mentions, &meta.region_code);
    (DocMeta { foreign_places, ..meta }, diags)
}

/// Places named that are neither the region nor one of its ancestors; none
/// when the region is unknown. The national level is never foreign.
fn foreign_places(
    g: &Gazetteer,
    mentions: &[gazetteer::Mention],
    region: &str,
) -> Vec<(usize, usize)> {
    if region.is_empty() {
        return Vec::new();
    }
    mentions
        .iter()
        .filter(|m| {
            !m.regions.is_empty()
                && m.regions
                    .iter()
                    .all(|r| r.level != Level::National && !g.is_within(region, &r.code))
        })
        .map(|m| (m.start, m.end))
        .collect()
}
