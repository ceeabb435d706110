//! Fonts: split the bytes of a shown string into character codes and turn each
//! code into Unicode text and an advance width.
//!
//! Order of trust for the text of a code: the font's /ToUnicode CMap, then
//! what its /Encoding says (predefined CJK CMaps decode the bytes directly:
//! UCS-2/UTF-16BE, GBK/GB2312/GB18030, Big5, Shift_JIS, EUC-KR; simple fonts
//! use WinAnsi/MacRoman/Standard plus /Differences glyph names). A code with no
//! known text is dropped (it still advances the pen).

mod cmap;
mod encoding;
mod load;

use cmap::CMap;
use encoding_rs::Encoding;

/// Most entries kept from one CMap or /W array; the rest are ignored.
const MAX_MAP_ENTRIES: usize = 200_000;

pub(crate) struct Font {
    kind: Kind,
    to_unicode: Option<CMap>,
    widths: Widths,
    /// glyph space -> text space (0.001, or a Type3 FontMatrix's a)
    pub(crate) scale: f64,
    /// glyph height factor relative to 0.001 (Type3 FontMatrix d / 0.001)
    pub(crate) vscale: f64,
}

enum Kind {
    /// one byte per code, text from a 256-entry table
    Simple(Box<[Option<char>; 256]>),
    /// Identity-H/V: two bytes per code, CID = code, text only via ToUnicode
    Identity,
    /// Uni*-UCS2-* / Uni*-UTF16-*: the bytes are UTF-16BE code units
    Utf16,
    /// a legacy multi-byte charset (GBK-EUC-H, B5pc-H, 90ms-RKSJ-H, ...)
    Legacy(&'static Encoding, Lead),
    /// an embedded CMap stream as /Encoding: its codespace splits codes and
    /// its cid ranges give CIDs (for widths); text only via ToUnicode
    Embedded(CMap),
}

#[derive(Clone, Copy)]
enum Lead {
    Gbk,
    Gb18030,
    Big5,
    Sjis,
    EucKr,
}

enum Widths {
    Simple { first: u32, w: Vec<f64>, missing: f64, std: Option<&'static [u16; 95]> },
    Cid { dw: f64, ranges: Vec<(u32, u32, f64)> },
}

/// One decoded code.
pub(crate) struct Code<'a> {
    pub text: &'a str,
    /// advance in glyph units / 1000 * 1000 scaled to text space (w0)
    pub w0: f64,
    /// a single-byte code 32: word spacing applies
    pub space: bool,
}

impl Font {
    /// Call `f` for each code in `bytes`.
    pub(crate) fn each_code(&self, bytes: &[u8], mut f: impl FnMut(Code<'_>)) {
        let mut i = 0;
        let mut owned = String::new();
        while i < bytes.len() {
            let n = self.code_len(&bytes[i..]).clamp(1, bytes.len() - i);
            let raw = &bytes[i..i + n];
            i += n;
            let code = raw.iter().fold(0u32, |a, &b| (a << 8) | b as u32);
            owned.clear();
            let found = self.to_unicode.as_ref().and_then(|m| m.lookup(raw, code, &mut owned));
            let text: &str = match found {
                Some(t) if !t.is_empty() => t,
                Some(_) => &owned,
                None => {
                    self.own_text(raw, &mut owned);
                    &owned
                }
            };
            let w0 = self.width(raw, code, text) * self.scale;
            f(Code { text, w0, space: n == 1 && code == 32 });
        }
    }

    fn code_len(&self, b: &[u8]) -> usize {
        match &self.kind {
            Kind::Simple(_) => 1,
            Kind::Identity => 2,
            Kind::Utf16 => {
                if b.len() >= 4 && (0xD8..0xDC).contains(&b[0]) && (0xDC..0xE0).contains(&b[2]) {
                    4
                } else {
                    2
                }
            }
            Kind::Legacy(_, lead) => legacy_len(*lead, b),
            Kind::Embedded(m) => m.code_len(b).unwrap_or(2),
        }
    }

    fn own_text(&self, raw: &[u8], out: &mut String) {
        match &self.kind {
            Kind::Simple(t) => out.extend(t[raw[0] as usize]),
            Kind::Utf16 => out.extend(
                char::decode_utf16(raw.chunks_exact(2).map(|w| u16::from_be_bytes([w[0], w[1]])))
                    .filter_map(|r| r.ok()),
            ),
            Kind::Legacy(enc, _) => {
                if let Some(s) = enc.decode_without_bom_handling_and_without_replacement(raw) {
                    out.push_str(&s);
                }
            }
            Kind::Identity | Kind::Embedded(_) => {}
        }
    }

    fn width(&self, raw: &[u8], code: u32, text: &str) -> f64 {
        match &self.widths {
            Widths::Simple { first, w, missing, std } => {
                if let Some(x) = code.checked_sub(*first).and_then(|i| w.get(i as usize)) {
                    return *x;
                }
                if let Some(t) = std {
                    if (32..127).contains(&code) {
                        return t[(code - 32) as usize] as f64;
                    }
                }
                if *missing > 0.0 {
                    *missing
                } else {
                    500.0
                }
            }
            Widths::Cid { dw, ranges } => {
                let cid = match &self.kind {
                    Kind::Identity => Some(code),
                    Kind::Embedded(m) => m.cid(raw, code),
                    // predefined CMaps map half-width ASCII to Adobe CIDs 1..95
                    _ => text
                        .chars()
                        .next()
                        .filter(|c| (' '..='~').contains(c))
                        .map(|c| c as u32 - 31),
                };
                let i = cid.map(|c| ranges.partition_point(|r| r.0 <= c));
                match (cid, i) {
                    (Some(c), Some(i)) if i > 0 && ranges[i - 1].1 >= c => ranges[i - 1].2,
                    _ => *dw,
                }
            }
        }
    }
}

fn predefined(name: &[u8]) -> Kind {
    let n = String::from_utf8_lossy(name);
    if n.starts_with("Identity") {
        Kind::Identity
    } else if n.starts_with("Uni") && (n.contains("UCS2") || n.contains("UTF16")) {
        Kind::Utf16
    } else if n.starts_with("GBK2K") {
        Kind::Legacy(encoding_rs::GB18030, Lead::Gb18030)
    } else if n.starts_with("GB") {
        Kind::Legacy(encoding_rs::GBK, Lead::Gbk)
    } else if n.starts_with("B5")
        || n.starts_with("ETen")
        || n.starts_with("HKscs")
        || n.starts_with("ETHK")
    {
        Kind::Legacy(encoding_rs::BIG5, Lead::Big5)
    } else if n.contains("RKSJ") {
        Kind::Legacy(encoding_rs::SHIFT_JIS, Lead::Sjis)
    } else if n.starts_with("KSC") {
        Kind::Legacy(encoding_rs::EUC_KR, Lead::EucKr)
    } else {
        Kind::Identity
    }
}

fn legacy_len(lead: Lead, b: &[u8]) -> usize {
    let b0 = b[0];
    match lead {
        Lead::Sjis if b0 < 0x80 || (0xA0..0xE0).contains(&b0) => 1,
        _ if b0 < 0x80 => 1,
        Lead::Gb18030 if b.len() >= 4 && (0x30..0x3A).contains(&b[1]) => 4,
        _ if b0 == 0x80 || b0 == 0xFF => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests;
