//! Unit tests of font decoding: ToUnicode CMaps (bfchar, bfrange, arrays,
//! surrogate pairs, mixed code lengths), predefined CJK CMaps without
//! ToUnicode, simple-font tables and glyph names, and legacy code lengths.

use super::encoding::{fill_base, glyph_char};
use super::*;

fn texts(f: &Font, bytes: &[u8]) -> Vec<String> {
    let mut v = Vec::new();
    f.each_code(bytes, |c| v.push(c.text.to_string()));
    v
}

fn font(kind: Kind, to_unicode: Option<CMap>) -> Font {
    Font {
        kind,
        to_unicode,
        widths: Widths::Cid { dw: 1000.0, ranges: vec![] },
        scale: 0.001,
        vscale: 1.0,
    }
}

#[test]
fn tounicode_bfchar_bfrange_arrays_surrogates_and_mixed_lengths() {
    let m = CMap::parse(
        b"begincmap 2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange\n\
          3 beginbfchar <41> <0041> <8141> <D842DFB7> <8142> /uni5E74 endbfchar\n\
          2 beginbfrange <8150> <8152> <5168> <8160> <8161> [<0066006C> <529E>] endbfrange endcmap",
    );
    let f = font(
        Kind::Embedded(CMap::parse(
            b"1 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange",
        )),
        Some(m),
    );
    assert_eq!(
        texts(&f, b"\x41\x81\x41\x81\x42\x81\x51\x81\x60\x81\x61"),
        ["A", "\u{20BB7}", "年", "\u{5169}", "fl", "办"]
    );
}

#[test]
fn bfrange_increments_last_char_and_ignores_bad_ranges() {
    let m = CMap::parse(b"2 beginbfrange <0010> <0020> <00410042> <0030> <0020> <4E00> endbfrange");
    let f = font(Kind::Identity, Some(m));
    assert_eq!(texts(&f, b"\x00\x12\x00\x30"), ["AD", ""]);
}

#[test]
fn predefined_cmaps_decode_without_tounicode() {
    let utf16 = font(predefined(b"UniGB-UCS2-H"), None);
    assert_eq!(
        texts(&utf16, &[0x51, 0x68, 0xD8, 0x42, 0xDF, 0xB7, 0x00, 0x31]),
        ["全", "\u{20BB7}", "1"]
    );
    let gbk = font(predefined(b"GBK-EUC-H"), None);
    let (bytes, _, _) = encoding_rs::GBK.encode("全年办理125件");
    assert_eq!(texts(&gbk, &bytes).concat(), "全年办理125件");
    let gbpc = font(predefined(b"GBpc-EUC-H"), None);
    assert_eq!(texts(&gbpc, &bytes).concat(), "全年办理125件");
    let b5 = font(predefined(b"ETen-B5-H"), None);
    let (bytes, _, _) = encoding_rs::BIG5.encode("政府資訊2023");
    assert_eq!(texts(&b5, &bytes).concat(), "政府資訊2023");
    // ToUnicode wins over the encoding; codes it lacks fall back to the encoding
    let m = CMap::parse(b"1 beginbfchar <5168> <0058> endbfchar");
    let both = font(predefined(b"UniGB-UTF16-H"), Some(m));
    assert_eq!(texts(&both, &[0x51, 0x68, 0x5E, 0x74]), ["X", "年"]);
}

#[test]
fn simple_font_tables() {
    let mut t = Box::new([None; 256]);
    fill_base(&mut t, b"WinAnsiEncoding");
    assert_eq!((t[b'A' as usize], t[0x93], t[0xE9]), (Some('A'), Some('“'), Some('é')));
    assert_eq!(glyph_char(b"uni5168"), Some('全'));
    assert_eq!(glyph_char(b"u20BB7"), Some('\u{20BB7}'));
    assert_eq!(glyph_char(b"zero"), Some('0'));
    assert_eq!(glyph_char(b"a.sc"), Some('a'));
    assert_eq!(glyph_char(b"g123"), None);
}

#[test]
fn legacy_code_lengths() {
    assert_eq!(legacy_len(Lead::Gbk, b"A\xC8\xAB"), 1);
    assert_eq!(legacy_len(Lead::Gbk, b"\xC8\xAB"), 2);
    assert_eq!(legacy_len(Lead::Gb18030, b"\x81\x30\x81\x30"), 4);
    assert_eq!(legacy_len(Lead::Sjis, b"\xB1"), 1);
    assert_eq!(legacy_len(Lead::Sjis, b"\x88\x9F"), 2);
}
