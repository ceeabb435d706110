//! The cue hits a document's clauses may use: those of catalogs that read
//! its kind, a cue inside a longer cue of another indicator left out.

use crate::extract::rules::CueHit;
use crate::extract::Extractor;
use crate::locate::DocMeta;

/// The cue hits of indicators that apply to the document's kind: a catalog
/// that does not read this kind (the communiqué's 固定资产投资 in a work
/// report) neither gives facts nor takes numbers from the cues that do.
pub(super) fn applicable_hits(
    ex: &Extractor,
    meta: &DocMeta,
    mut hits: Vec<CueHit>,
) -> Vec<CueHit> {
    let kind = meta.doc_type.as_str();
    hits.retain(|h| ex.catalog.indicators[h.indicator].applies_to(kind));
    without_nested(hits)
}

/// A cue inside a longer cue is not a cue of its own: 城镇居民人均可支配收入
/// names the urban residents' income, not all residents' (居民人均可支配收入),
/// 人均地区生产总值 the per-capita figure, not the total. `hits` are sorted by start.
fn without_nested(hits: Vec<CueHit>) -> Vec<CueHit> {
    // (inside a longer cue of its own indicator it stays: 废止 in 废止(失效),
    // whose bracket a clause boundary may cut)
    let inside = |h: &CueHit| {
        hits.iter().any(|o| {
            o.indicator != h.indicator
                && o.start <= h.start
                && h.end <= o.end
                && (o.start, o.end) != (h.start, h.end)
        })
    };
    let keep: Vec<bool> = hits.iter().map(|h| !inside(h)).collect();
    hits.into_iter().zip(keep).filter_map(|(h, k)| k.then_some(h)).collect()
}
