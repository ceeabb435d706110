//! Simple-font encodings: the WinAnsi/MacRoman/Standard base tables, the
//! glyph names that /Differences (and bfchar names) may use, and the advance
//! widths of the standard 14 fonts for simple fonts that carry no /Widths.

use encoding_rs::Encoding;

pub(super) fn fill_base(t: &mut [Option<char>; 256], base: &[u8]) {
    for c in 32u8..127 {
        t[c as usize] = Some(c as char);
    }
    let high: Option<&'static Encoding> = match base {
        b"MacRomanEncoding" => Some(encoding_rs::MACINTOSH),
        b"StandardEncoding" => {
            t[0x27] = Some('\u{2019}');
            t[0x60] = Some('\u{2018}');
            None
        }
        _ => Some(encoding_rs::WINDOWS_1252),
    };
    if let Some(enc) = high {
        for c in 128u8..=255 {
            if let Some(s) = enc.decode_without_bom_handling_and_without_replacement(&[c]) {
                t[c as usize] = s.chars().next().filter(|c| !c.is_control());
            }
        }
    }
}

const GLYPHS: &[(&str, char)] = &[
    ("space", ' '),
    ("exclam", '!'),
    ("quotedbl", '"'),
    ("numbersign", '#'),
    ("dollar", '$'),
    ("percent", '%'),
    ("ampersand", '&'),
    ("quotesingle", '\''),
    ("quoteright", '’'),
    ("parenleft", '('),
    ("parenright", ')'),
    ("asterisk", '*'),
    ("plus", '+'),
    ("comma", ','),
    ("hyphen", '-'),
    ("minus", '−'),
    ("period", '.'),
    ("slash", '/'),
    ("zero", '0'),
    ("one", '1'),
    ("two", '2'),
    ("three", '3'),
    ("four", '4'),
    ("five", '5'),
    ("six", '6'),
    ("seven", '7'),
    ("eight", '8'),
    ("nine", '9'),
    ("colon", ':'),
    ("semicolon", ';'),
    ("less", '<'),
    ("equal", '='),
    ("greater", '>'),
    ("question", '?'),
    ("at", '@'),
    ("bracketleft", '['),
    ("backslash", '\\'),
    ("bracketright", ']'),
    ("asciicircum", '^'),
    ("underscore", '_'),
    ("grave", '`'),
    ("quoteleft", '‘'),
    ("braceleft", '{'),
    ("bar", '|'),
    ("braceright", '}'),
    ("asciitilde", '~'),
    ("bullet", '•'),
    ("endash", '–'),
    ("emdash", '—'),
    ("quotedblleft", '“'),
    ("quotedblright", '”'),
    ("ellipsis", '…'),
    ("periodcentered", '·'),
    ("degree", '°'),
    ("multiply", '×'),
    ("divide", '÷'),
    ("section", '§'),
    ("perthousand", '‰'),
    ("fi", 'ﬁ'),
    ("fl", 'ﬂ'),
    ("nbspace", '\u{a0}'),
];

pub(super) fn glyph_char(n: &[u8]) -> Option<char> {
    let s = std::str::from_utf8(n).ok()?;
    let s = s.split('.').next()?;
    if s.len() == 1 && s.as_bytes()[0].is_ascii_alphabetic() {
        return s.chars().next();
    }
    if let Some(hex) =
        s.strip_prefix("uni").or_else(|| s.strip_prefix('u')).filter(|h| (4..=6).contains(&h.len()))
    {
        if let Some(c) =
            u32::from_str_radix(&hex[..hex.len().min(if s.starts_with("uni") { 4 } else { 6 })], 16)
                .ok()
                .and_then(char::from_u32)
        {
            return Some(c);
        }
    }
    GLYPHS.iter().find(|g| g.0 == s).map(|g| g.1)
}

/// Advance widths of ASCII 32..126 for the standard 14 fonts without /Widths.
pub(super) fn std_widths(base: &[u8]) -> &'static [u16; 95] {
    static COURIER: [u16; 95] = [600; 95];
    static HELVETICA: [u16; 95] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556,
        556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722,
        722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722,
        667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556,
        556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500,
        500, 334, 260, 334, 584,
    ];
    if base.windows(7).any(|w| w == b"Courier") {
        &COURIER
    } else {
        &HELVETICA
    }
}
