//! Building a [`Font`] from its font dictionary: the /ToUnicode CMap, the
//! /Encoding (a predefined or embedded CMap for Type0 fonts; a base encoding
//! plus /Differences for simple fonts), the advance widths (/W and /DW of the
//! descendant CIDFont, or /FirstChar, /Widths and /MissingWidth, with standard-14
//! metrics as the fallback) and a Type3 font's /FontMatrix scale.

use super::super::{deref, num};
use super::cmap::CMap;
use super::encoding::{fill_base, glyph_char, std_widths};
use super::{predefined, Font, Kind, Widths, MAX_MAP_ENTRIES};
use lopdf::{Dictionary, Document, Object};

impl Font {
    pub(crate) fn load(doc: &Document, dict: &Dictionary, max_stream: usize) -> Font {
        let subtype = name_of(dict.get(b"Subtype").ok());
        let to_unicode = dict
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| s.decompressed_content_with_limit(max_stream).ok())
            .map(|b| CMap::parse(&b));
        if subtype == b"Type0" {
            return Font::load_type0(doc, dict, max_stream, to_unicode);
        }
        // simple fonts: Type1, MMType1, TrueType, Type3
        Font::load_simple(doc, dict, subtype, to_unicode)
    }

    /// A composite (Type0) font: codes and CIDs from its CMap /Encoding, widths
    /// from its descendant CIDFont.
    fn load_type0(
        doc: &Document,
        dict: &Dictionary,
        max_stream: usize,
        to_unicode: Option<CMap>,
    ) -> Font {
        let desc = dict
            .get(b"DescendantFonts")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        let kind = match dict.get(b"Encoding").ok().and_then(|o| deref(doc, o)) {
            Some(Object::Name(n)) => predefined(n),
            Some(Object::Stream(s)) => {
                let cmap = s
                    .decompressed_content_with_limit(max_stream)
                    .map(|b| CMap::parse(&b))
                    .unwrap_or_default();
                match cmap.usecmap.as_deref().map(predefined) {
                    Some(k @ (Kind::Utf16 | Kind::Legacy(..))) => k,
                    _ => Kind::Embedded(cmap),
                }
            }
            _ => Kind::Identity,
        };
        let dw = desc.and_then(|d| d.get(b"DW").ok()).and_then(|o| num(doc, o)).unwrap_or(1000.0);
        let ranges = desc
            .and_then(|d| d.get(b"W").ok())
            .and_then(|o| deref(doc, o))
            .map(|o| cid_widths(doc, o))
            .unwrap_or_default();
        Font { kind, to_unicode, widths: Widths::Cid { dw, ranges }, scale: 0.001, vscale: 1.0 }
    }

    /// A simple font (Type1, MMType1, TrueType, Type3): one byte per code.
    fn load_simple(
        doc: &Document,
        dict: &Dictionary,
        subtype: &[u8],
        to_unicode: Option<CMap>,
    ) -> Font {
        let base = name_of(dict.get(b"BaseFont").ok());
        let table = simple_table(doc, dict);
        let first =
            dict.get(b"FirstChar").ok().and_then(|o| num(doc, o)).unwrap_or(0.0).clamp(0.0, 255.0)
                as u32;
        let w: Vec<f64> = dict
            .get(b"Widths")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_array().ok())
            .map(|a| a.iter().take(256).map(|o| num(doc, o).unwrap_or(0.0)).collect())
            .unwrap_or_default();
        let missing = dict
            .get(b"FontDescriptor")
            .ok()
            .and_then(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok())
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(|o| num(doc, o))
            .unwrap_or(0.0);
        let std = if w.is_empty() { Some(std_widths(base)) } else { None };
        let (mut scale, mut vscale) = (0.001, 1.0);
        if subtype == b"Type3" {
            if let Some(m) = dict
                .get(b"FontMatrix")
                .ok()
                .and_then(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
            {
                let f = |i: usize| m.get(i).and_then(|o| num(doc, o)).unwrap_or(0.001);
                let (a, d) = (f(0).abs(), f(3).abs());
                if a > 1e-6 && a < 1.0 {
                    scale = a;
                }
                if d > 1e-6 && d < 1.0 {
                    vscale = d / 0.001;
                }
            }
        }
        Font {
            kind: Kind::Simple(table),
            to_unicode,
            widths: Widths::Simple { first, w, missing, std },
            scale,
            vscale,
        }
    }
}

/// The code -> char table of a simple font: its base encoding, then /Differences.
fn simple_table(doc: &Document, dict: &Dictionary) -> Box<[Option<char>; 256]> {
    let mut table = Box::new([None; 256]);
    let enc = dict.get(b"Encoding").ok().and_then(|o| deref(doc, o));
    let (base_enc, diffs) = match enc {
        Some(Object::Name(n)) => (n.as_slice(), None),
        Some(Object::Dictionary(d)) => (
            name_of(d.get(b"BaseEncoding").ok()),
            d.get(b"Differences").ok().and_then(|o| deref(doc, o)).and_then(|o| o.as_array().ok()),
        ),
        _ => (&b""[..], None),
    };
    fill_base(&mut table, base_enc);
    if let Some(diffs) = diffs {
        let mut code = 0usize;
        for o in diffs.iter().take(4096) {
            match o {
                Object::Integer(i) => code = (*i).clamp(0, 256) as usize,
                Object::Name(n) => {
                    if code < 256 {
                        if let Some(c) = glyph_char(n) {
                            table[code] = Some(c);
                        }
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    table
}

fn cid_widths(doc: &Document, w: &Object) -> Vec<(u32, u32, f64)> {
    let Ok(a) = w.as_array() else { return Vec::new() };
    let mut out = Vec::new();
    let mut i = 0;
    let n = |o: &Object| num(doc, o);
    while i < a.len() && out.len() < MAX_MAP_ENTRIES {
        let Some(c) = n(&a[i]).filter(|c| *c >= 0.0) else { break };
        let c = c as u32;
        match deref(doc, a.get(i + 1).unwrap_or(&Object::Null)) {
            Some(Object::Array(ws)) => {
                for (k, x) in ws.iter().take(MAX_MAP_ENTRIES).enumerate() {
                    out.push((
                        c.saturating_add(k as u32),
                        c.saturating_add(k as u32),
                        n(x).unwrap_or(0.0),
                    ));
                }
                i += 2;
            }
            Some(o) => {
                let (Some(hi), Some(wv)) = (n(o), a.get(i + 2).and_then(n)) else { break };
                out.push((c, (hi.max(0.0) as u32).max(c), wv));
                i += 3;
            }
            None => break,
        }
    }
    out.sort_by_key(|r| r.0);
    out
}

pub(crate) fn name_of(o: Option<&Object>) -> &[u8] {
    match o {
        Some(Object::Name(n)) => n,
        _ => b"",
    }
}
