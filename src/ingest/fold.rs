//! The matching copy of a text: full-width → ASCII (NFKC), traditional →
//! simplified, pinyin glosses and footnote markers dropped; with a map back
//! to the original characters so evidence is quoted as written.

use unicode_normalization::UnicodeNormalization;

/// Normalised text plus, for every normalised char, the index of the original
/// char it came from (and one extra entry for the end).
#[derive(Debug, Clone, Default)]
pub struct NormText {
    pub text: String,
    /// char index in `text` → char index in the original
    pub orig: Vec<u32>,
    /// byte offset of each char of `text` (plus the end), for slicing by char index
    pub byte_at: Vec<u32>,
}

impl NormText {
    pub fn char_len(&self) -> usize {
        self.orig.len() - 1
    }

    /// The normalised text between two char indices.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        &self.text[self.byte_at[start] as usize..self.byte_at[end] as usize]
    }

    /// Original char span of a normalised char span.
    pub fn orig_span(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.orig[start] as usize;
        let e = if end > start { self.orig[end - 1] as usize + 1 } else { s };
        (s, e)
    }
}

/// Normalise a short string (cue words, labels) the same way as documents.
pub fn normalize_str(s: &str) -> String {
    normalize(s).text
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

fn is_pinyin_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ".contains(c)
}

/// Map one original char to zero or more normalised chars.
fn fold_char(c: char, out: &mut Vec<char>) {
    match c {
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200B}' | '\u{FEFF}' => out.push(' '),
        '﹪' | '％' => out.push('%'),
        '—' | '–' | '－' | '―' => out.push('-'),
        '～' | '〜' => out.push('~'),
        '“' | '”' | '「' | '」' | '『' | '』' => out.push('"'),
        '‘' | '’' => out.push('\''),
        '【' => out.push('['),
        '】' => out.push(']'),
        // ASCII and unified ideographs are NFKC-stable: skip the table lookups
        _ if c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c) => out.push(c),
        _ => {
            let before = out.len();
            out.extend(c.nfkc());
            if out.len() == before {
                out.push(c);
            }
        }
    }
}

/// Traditional → simplified, skipped (as a whole) when a sample of the text
/// converts to itself: simplified reports pay for the conversion only once.
fn to_simplified(original: &str) -> std::borrow::Cow<'_, str> {
    let cut = original.char_indices().nth(1000).map_or(original.len(), |(b, _)| b);
    let sample = &original[..cut];
    if cut == original.len() || fast2s::convert(sample) != sample {
        std::borrow::Cow::Owned(fast2s::convert(original))
    } else {
        std::borrow::Cow::Borrowed(original)
    }
}

pub fn normalize(original: &str) -> NormText {
    let simplified = to_simplified(original);
    let src: Vec<char> = simplified.chars().collect();
    let mut chars: Vec<char> = Vec::with_capacity(src.len());
    let mut orig: Vec<u32> = Vec::with_capacity(src.len() + 1);
    let mut buf = Vec::with_capacity(4);
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        // pinyin gloss after a hanzi: 區(qū) → 区
        if (c == '(' || c == '（') && i > 0 && is_cjk(src[i - 1]) {
            if let Some(len) = pinyin_gloss_len(&src[i..]) {
                i += len;
                continue;
            }
        }
        // footnote marker glued to a number: 总值[2]1002.18 → 总值1002.18
        // (also after a closing bracket: 生产总值（GDP）[2]14210)
        let after_word = i > 0 && (is_cjk(src[i - 1]) || matches!(src[i - 1], '）' | ')'));
        if (c == '[' || c == '［' || c == '【') && after_word {
            if let Some(len) = footnote_len(&src[i..]) {
                i += len;
                continue;
            }
        }
        // a middle dot between digits is a decimal point: 1002·18
        if (c == '·' || c == '•' || c == '・')
            && i > 0
            && src[i - 1].is_ascii_digit()
            && src.get(i + 1).is_some_and(|d| d.is_ascii_digit())
        {
            chars.push('.');
            orig.push(i as u32);
            i += 1;
            continue;
        }
        buf.clear();
        fold_char(c, &mut buf);
        for &n in &buf {
            chars.push(n);
            orig.push(i as u32);
        }
        i += 1;
    }
    orig.push(src.len() as u32);
    let text: String = chars.iter().collect();
    NormText { text, orig, byte_at: byte_offsets(chars.iter().copied()) }
}

/// The byte offset of each char (plus the end): a text's `byte_at`.
pub fn byte_offsets(chars: impl Iterator<Item = char>) -> Vec<u32> {
    let mut byte_at = Vec::with_capacity(chars.size_hint().0 + 1);
    let mut b = 0u32;
    for ch in chars {
        byte_at.push(b);
        b += ch.len_utf8() as u32;
    }
    byte_at.push(b);
    byte_at
}

/// The char index at byte offset `byte`, by `byte_at` (the next char when
/// `byte` falls inside one).
pub fn char_at_byte(byte_at: &[u32], byte: usize) -> usize {
    byte_at.binary_search(&(byte as u32)).unwrap_or_else(|i| i)
}

/// The length of a pinyin gloss at the start of `s`: (zhǎng), or one
/// syllable a character for a word of up to four (zǒng zhí).
fn pinyin_gloss_len(s: &[char]) -> Option<usize> {
    let close = s.iter().take(MAX_GLOSS_CHARS).position(|&c| c == ')' || c == '）')?;
    let inner: String = s[1..close].iter().collect();
    let syllables: Vec<&str> = inner.split(' ').collect();
    let syllable_ok =
        |w: &&str| (1..=7).contains(&w.chars().count()) && w.chars().all(is_pinyin_letter);
    (syllables.len() <= 4 && syllables.iter().all(syllable_ok)).then_some(close + 1)
}

/// The longest pinyin gloss read: four syllables, spaces and brackets.
const MAX_GLOSS_CHARS: usize = 34;

fn footnote_len(s: &[char]) -> Option<usize> {
    let close = s.iter().take(5).position(|&c| c == ']' || c == '］' || c == '】')?;
    let inner = &s[1..close];
    if inner.is_empty() || !inner.iter().all(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
    {
        return None;
    }
    // only when a number or CJK text follows (a marker, not a bracketed value)
    Some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_digits_and_percent() {
        let n = normalize("参检率８７．４％");
        assert_eq!(n.text, "参检率87.4%");
        assert_eq!(n.orig_span(3, 8), (3, 8));
    }

    #[test]
    fn traditional_with_pinyin_glosses() {
        // 003 dev report: re-hosted traditional text with pinyin after characters
        let n = normalize("2025年度專題學(xué)法22次");
        assert_eq!(n.text, "2025年度专题学法22次");
        let start = n.text.chars().position(|c| c == '2').unwrap();
        assert_eq!(n.orig_span(start, start + 4), (0, 4));
        let twenty_two = n.text.find("22次").unwrap();
        let ci = n.text[..twenty_two].chars().count();
        let (s, e) = n.orig_span(ci, ci + 3);
        let orig: Vec<char> = "2025年度專題學(xué)法22次".chars().collect();
        assert_eq!(orig[s..e].iter().collect::<String>(), "22次");
    }

    #[test]
    fn pinyin_glosses_of_words() {
        // a traditional communiqué glossed for readers: 總值(zǒng zhí)…增長(zhǎng)
        let n = normalize("地區生產總值(zǒng zhí)138000億元，比上年增長(zhǎng)5.2%");
        assert_eq!(n.text, "地区生产总值138000亿元,比上年增长5.2%");
        assert_eq!(normalize("总值(GDP)").text, "总值(GDP)");
    }

    #[test]
    fn footnote_markers_and_middle_dot_decimals() {
        assert_eq!(normalize("地区生产总值[2]1002.18亿元").text, "地区生产总值1002.18亿元");
        assert_eq!(
            normalize("全年生产总值（GDP）[2]14210 亿元").text,
            "全年生产总值(GDP)14210 亿元"
        );
        assert_eq!(normalize("增长1·5%").text, "增长1.5%");
        assert_eq!(normalize("(GDP)").text, "(GDP)");
    }
}
