//! The WordprocessingML vocabulary the walker in `wordml.rs` matches on: the
//! namespace URIs (transitional and strict) sorted into [`Ns`], the elements
//! whose whole content is left out, and how character references and `w:sym`
//! codes become chars.

use super::package::attr;
use quick_xml::events::{BytesRef, BytesStart};
use quick_xml::name::ResolveResult;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const M_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/math";
const M_STRICT: &str = "http://purl.oclc.org/ooxml/officeDocument/math";
const MC_NS: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Elements whose whole content is left out of the text.
pub(super) const SKIP: &[&str] = &[
    "del",
    "delText",
    "instrText",
    "delInstrText",
    "moveFrom",
    "rt",
    "pPr",
    "rPr",
    "sdtPr",
    "tblPr",
    "sectPr",
    "footnotePr",
    "endnotePr",
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    W,
    Math,
    Mc,
    Other,
}

pub(super) fn ns_of(r: &ResolveResult) -> Ns {
    match r {
        ResolveResult::Bound(n) => match n.0 {
            W_NS | W_STRICT => Ns::W,
            M_NS | M_STRICT => Ns::Math,
            MC_NS => Ns::Mc,
            _ => Ns::Other,
        },
        ResolveResult::Unknown(p) if p == "w" => Ns::W,
        _ => Ns::Other,
    }
}

/// `&amp;`-style and `&#…;` references.
pub(super) fn entity(r: &BytesRef) -> Option<char> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c);
    }
    match &**r {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// `w:sym`: a char code, in the Symbol font's private-use range when the
/// font is a symbol font; a few Symbol glyphs used in reports are mapped.
pub(super) fn sym_char(e: &BytesStart) -> Option<char> {
    let code = u32::from_str_radix(attr(e, "char")?.trim(), 16).ok()?;
    let font = attr(e, "font").unwrap_or_default();
    let private = (0xF000..=0xF0FF).contains(&code);
    let low = if private { code - 0xF000 } else { code };
    if font.eq_ignore_ascii_case("Symbol") && low < 0x100 {
        return match low as u8 {
            b @ (b'0'..=b'9' | b'%' | b'+' | b'(' | b')' | b',' | b'.' | b'/' | b'=') => {
                Some(b as char)
            }
            0xA3 => Some('≤'),
            0xB3 => Some('≥'),
            0xB1 => Some('±'),
            0xB4 => Some('×'),
            0xB8 => Some('÷'),
            0xB7 => Some('•'),
            0xB0 => Some('°'),
            0xB9 => Some('≠'),
            0xBB => Some('≈'),
            0xAE => Some('→'),
            _ => None,
        };
    }
    if private || low < 0x20 {
        return None;
    }
    char::from_u32(low)
}
