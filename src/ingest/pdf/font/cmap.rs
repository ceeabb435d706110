//! CMaps, as /ToUnicode streams and as embedded Type0 /Encoding streams: a
//! small tokenizer and a parser for codespace ranges, bfchar/bfrange
//! (code -> text) and cidchar/cidrange (code -> CID) sections, with lookups
//! that split a byte string into codes and map a code to its text or CID.

use super::encoding::glyph_char;
use super::MAX_MAP_ENTRIES;
use std::collections::HashMap;

#[derive(Default)]
pub(crate) struct CMap {
    /// (len, lo bytes, hi bytes)
    space: Vec<(u8, [u8; 4], [u8; 4])>,
    single: HashMap<(u8, u32), String>,
    /// (len, lo, hi, base text): code lo+k maps to base with its last char + k
    ranges: Vec<(u8, u32, u32, String)>,
    /// (len, lo, hi, first cid)
    cids: Vec<(u8, u32, u32, u32)>,
    pub(super) usecmap: Option<Vec<u8>>,
}

enum Tok<'a> {
    Hex(Vec<u8>),
    Name(&'a [u8]),
    Int(i64),
    Word(&'a [u8]),
    Open,
    Close,
}

fn tokens(b: &[u8]) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    let delim = |c: u8| c.is_ascii_whitespace() || b"<>[]()/%{}".contains(&c);
    while i < b.len() && out.len() < 4 * MAX_MAP_ENTRIES {
        let c = b[i];
        if c.is_ascii_whitespace() || c == b'{' || c == b'}' {
            i += 1;
        } else if c == b'%' {
            while i < b.len() && b[i] != b'\n' && b[i] != b'\r' {
                i += 1;
            }
        } else if c == b'<' {
            let end =
                b[i + 1..].iter().position(|&x| x == b'>').map(|p| i + 1 + p).unwrap_or(b.len());
            let digits: Vec<u8> = b[i + 1..end]
                .iter()
                .filter_map(|x| (*x as char).to_digit(16).map(|d| d as u8))
                .collect();
            out.push(Tok::Hex(
                digits.chunks(2).map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0)).collect(),
            ));
            i = end + 1;
        } else if c == b'[' {
            out.push(Tok::Open);
            i += 1;
        } else if c == b']' {
            out.push(Tok::Close);
            i += 1;
        } else if c == b'(' {
            // literal strings only occur in headers; skip them
            let mut depth = 0;
            while i < b.len() {
                match b[i] {
                    b'\\' => i += 1,
                    b'(' => depth += 1,
                    b')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            i += 1;
        } else {
            let start = if c == b'/' { i + 1 } else { i };
            let mut j = start;
            while j < b.len() && !delim(b[j]) {
                j += 1;
            }
            let w = &b[start..j];
            if c == b'/' {
                out.push(Tok::Name(w));
            } else if let Some(n) = std::str::from_utf8(w).ok().and_then(|s| s.parse::<i64>().ok())
            {
                out.push(Tok::Int(n));
            } else {
                out.push(Tok::Word(w));
            }
            i = j.max(i + 1);
        }
    }
    out
}

fn be(b: &[u8]) -> u32 {
    b.iter().take(4).fold(0u32, |a, &x| (a << 8) | x as u32)
}

fn utf16(b: &[u8]) -> String {
    char::decode_utf16(
        b.chunks(2).map(|w| u16::from_be_bytes([w[0], w.get(1).copied().unwrap_or(0)])),
    )
    .filter_map(|r| r.ok())
    .collect()
}

impl CMap {
    pub(crate) fn parse(b: &[u8]) -> CMap {
        let t = tokens(b);
        let mut m = CMap::default();
        let mut i = 0;
        while i < t.len() {
            match &t[i] {
                Tok::Word(b"usecmap") if i > 0 => {
                    if let Tok::Name(n) = &t[i - 1] {
                        m.usecmap = Some(n.to_vec());
                    }
                    i += 1;
                }
                Tok::Word(b"begincodespacerange") => {
                    i += 1;
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) = (t.get(i), t.get(i + 1)) {
                        if (1..=4).contains(&lo.len()) && m.space.len() < 64 {
                            let (mut l, mut h) = ([0u8; 4], [0xFFu8; 4]);
                            l[..lo.len()].copy_from_slice(lo);
                            h[..lo.len().min(hi.len())]
                                .copy_from_slice(&hi[..lo.len().min(hi.len())]);
                            m.space.push((lo.len() as u8, l, h));
                        }
                        i += 2;
                    }
                }
                Tok::Word(b"beginbfchar") => {
                    i += 1;
                    while let (Some(Tok::Hex(src)), Some(dst)) = (t.get(i), t.get(i + 1)) {
                        let text = match dst {
                            Tok::Hex(d) => utf16(d),
                            Tok::Name(n) => glyph_char(n).map(String::from).unwrap_or_default(),
                            _ => break,
                        };
                        if m.entries() < MAX_MAP_ENTRIES && (1..=4).contains(&src.len()) {
                            m.single.insert((src.len() as u8, be(src)), text);
                        }
                        i += 2;
                    }
                }
                Tok::Word(b"beginbfrange") => i = m.bfrange(&t, i + 1),
                Tok::Word(b"begincidrange") | Tok::Word(b"begincidchar") => {
                    let range = matches!(&t[i], Tok::Word(b"begincidrange"));
                    i = m.cid_section(&t, i + 1, range);
                }
                _ => i += 1,
            }
        }
        m.ranges.sort_by_key(|r| (r.0, r.1));
        m.cids.sort_by_key(|r| (r.0, r.1));
        m
    }

    /// Entries kept so far (bounded by [`MAX_MAP_ENTRIES`]).
    fn entries(&self) -> usize {
        self.single.len() + self.ranges.len() + self.cids.len()
    }

    /// The entries of a `beginbfrange` section starting at token `i`; returns
    /// the index of the first token after them.
    fn bfrange(&mut self, t: &[Tok<'_>], mut i: usize) -> usize {
        while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) = (t.get(i), t.get(i + 1)) {
            let (len, l, h) = (lo.len() as u8, be(lo), be(hi));
            let ok = (1..=4).contains(&len) && l <= h;
            match t.get(i + 2) {
                Some(Tok::Hex(d)) => {
                    if ok && self.entries() < MAX_MAP_ENTRIES {
                        self.ranges.push((len, l, h, utf16(d)));
                    }
                    i += 3;
                }
                Some(Tok::Open) => {
                    i += 3;
                    let mut k = 0u32;
                    while let Some(Tok::Hex(d)) = t.get(i) {
                        if ok
                            && l.checked_add(k).is_some_and(|c| c <= h)
                            && self.entries() < MAX_MAP_ENTRIES
                        {
                            self.single.insert((len, l + k), utf16(d));
                        }
                        k = k.saturating_add(1);
                        i += 1;
                    }
                    if let Some(Tok::Close) = t.get(i) {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        i
    }

    /// The entries of a `begincidrange` (`range`) or `begincidchar` section
    /// starting at token `i`; returns the index of the first token after them.
    fn cid_section(&mut self, t: &[Tok<'_>], mut i: usize, range: bool) -> usize {
        loop {
            let (lo, hi, cid, step) = match (t.get(i), t.get(i + 1), t.get(i + 2)) {
                (Some(Tok::Hex(lo)), Some(Tok::Hex(hi)), Some(Tok::Int(c))) if range => {
                    (lo, hi, *c, 3)
                }
                (Some(Tok::Hex(lo)), Some(Tok::Int(c)), _) if !range => (lo, lo, *c, 2),
                _ => break,
            };
            if (1..=4).contains(&lo.len()) && self.entries() < MAX_MAP_ENTRIES {
                self.cids.push((
                    lo.len() as u8,
                    be(lo),
                    be(hi),
                    cid.clamp(0, u32::MAX as i64) as u32,
                ));
            }
            i += step;
        }
        i
    }

    pub(super) fn code_len(&self, b: &[u8]) -> Option<usize> {
        self.space
            .iter()
            .filter(|(n, lo, hi)| {
                b.len() >= *n as usize && (0..*n as usize).all(|k| lo[k] <= b[k] && b[k] <= hi[k])
            })
            .map(|(n, _, _)| *n as usize)
            .min()
            .or_else(|| self.space.iter().map(|s| s.0 as usize).min())
    }

    pub(super) fn lookup<'a>(
        &'a self,
        raw: &[u8],
        code: u32,
        owned: &mut String,
    ) -> Option<&'a str> {
        let len = raw.len() as u8;
        if let Some(s) = self.single.get(&(len, code)) {
            return Some(s);
        }
        let i = self.ranges.partition_point(|r| (r.0, r.1) <= (len, code));
        let r = self.ranges[..i]
            .iter()
            .rev()
            .take(8)
            .find(|r| r.0 == len && r.1 <= code && code <= r.2)?;
        let mut chars = r.3.chars();
        let last = chars.next_back()?;
        let c = (last as u32).checked_add(code - r.1).and_then(char::from_u32)?;
        owned.push_str(chars.as_str());
        owned.push(c);
        Some("")
    }

    pub(super) fn cid(&self, raw: &[u8], code: u32) -> Option<u32> {
        let len = raw.len() as u8;
        let i = self.cids.partition_point(|r| (r.0, r.1) <= (len, code));
        let r = self.cids[..i]
            .iter()
            .rev()
            .take(8)
            .find(|r| r.0 == len && r.1 <= code && code <= r.2)?;
        r.3.checked_add(code - r.1)
    }
}
