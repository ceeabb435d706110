//! The cue hits a document's clauses may use: those of catalogs that read
//! its kind, a cue inside a longer cue of another indicator left out.

use crate::extract::cues::CueHit;
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
/// 人均地区生产总值 the per-capita figure, not the total. `hits` are sorted by
/// start; a containing cue starts at most [`MAX_CUE_CHARS`] before, so each
/// hit looks at its neighbours only (a page of 300,000 cues stays linear).
fn without_nested(hits: Vec<CueHit>) -> Vec<CueHit> {
    // (inside a longer cue of its own indicator it stays: 废止 in 废止(失效),
    // whose bracket a clause boundary may cut)
    let contains = |o: &CueHit, h: &CueHit| {
        o.indicator != h.indicator
            && o.start <= h.start
            && h.end <= o.end
            && (o.start, o.end) != (h.start, h.end)
    };
    let inside = |i: usize| {
        let h = &hits[i];
        let before = hits[..i].iter().rev().take_while(|o| o.start + MAX_CUE_CHARS >= h.start);
        let same_start = hits[i + 1..].iter().take_while(|o| o.start == h.start);
        before.chain(same_start).any(|o| contains(o, h))
    };
    let keep: Vec<bool> = (0..hits.len()).map(|i| !inside(i)).collect();
    hits.into_iter().zip(keep).filter_map(|(h, k)| k.then_some(h)).collect()
}

/// The longest cue a catalog writes, in chars (cues are words, not sentences).
const MAX_CUE_CHARS: usize = 32;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalog_cue_fits_the_nesting_window() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/catalog");
        let catalog = crate::catalog::Catalog::load_dir(&dir, &[]).unwrap();
        for ind in &catalog.indicators {
            for cue in &ind.cues {
                assert!(cue.chars().count() <= MAX_CUE_CHARS, "{}: {cue}", ind.id);
            }
        }
    }

    #[test]
    fn a_cue_inside_another_indicator_s_cue_is_dropped() {
        let hit = |start, end, indicator| CueHit { start, end, indicator };
        // 城镇居民人均可支配收入 (urban, 0..11) holds 居民人均可支配收入 (all, 2..11)
        let kept =
            without_nested(vec![hit(0, 11, 1), hit(2, 11, 2), hit(2, 11, 3), hit(20, 24, 2)]);
        assert_eq!(kept, vec![hit(0, 11, 1), hit(20, 24, 2)]);
        // the same indicator's shorter cue stays; two indicators on one span stay
        let kept = without_nested(vec![hit(0, 6, 1), hit(0, 2, 1), hit(8, 12, 4), hit(8, 12, 5)]);
        assert_eq!(kept.len(), 4);
    }
}
